//! Legal references: "art. 134, comma 4, del D.Lgs. 18 agosto 2000, n. 267",
//! "L. 241/1990", "d.g.r. n. IX/1155 del 29 dicembre 2010", read into
//! [`Reference`] records with a URN:NIR where the issuer is known.
//!
//! Reading goes in three steps over the text:
//!
//! 1. **Acts.** An act keyword (`legge`, `L.`, `l.r.`, `D.Lgs.`, `decreto-legge`,
//!    `D.P.R.`, `DPCM`, `D.M.`, `T.U.`, `TUEL`, `Regolamento (UE)`,
//!    `Direttiva`, `Costituzione`, `d.g.r.`) followed by what identifies the act:
//!    a date and a number (`18 agosto 2000, n. 267`), a number and a year
//!    (`n. 267/2000`, `34/78`, `n. 82 del 2005`) or a number and a date
//!    (`n. 241 del 7 agosto 1990`). A keyword with nothing identifying after
//!    it ("la legge", "il decreto") is not a reference. Acts known by name
//!    are read as the act they name, from the table of [`RefTable`] (the
//!    `[[named]]` entries of `rules/references.toml`): "TUEL" is D.Lgs.
//!    267/2000, "Codice dell'amministrazione digitale" D.Lgs. 82/2005. After a
//!    plural keyword ("decreti ... del 31 maggio 2017, del 21 febbraio
//!    2019", "direttive 2014/23/UE e 2014/24/UE") each item is an act.
//! 2. **Locators.** `art. 6, co. 6, lett. f)`, `articolo 5-bis, comma 1-bis`,
//!    `commi 2 e 3 dell'articolo 14`, `secondo comma`, `artt. 16 e 17`.
//! 3. **Linking.** A locator followed by an act (`... del`, `... della`, or
//!    nothing between) is one reference with both; an act followed by `, art. N`
//!    ("Costituzione, art. 97") takes that locator, and an act heading a list
//!    of its articles after a colon ("D.Lgs. n. 33/2013: art. 10, c. 8; art.
//!    12, c. 1") takes each group up to the next act; so does an act named earlier
//!    in the sentence before "ed in particolare l'art. N", and the act a
//!    back-reference points to ("del medesimo decreto", see `backref`; "del
//!    citato decreto n. 33/2013" the earlier act with that number). Also
//!    across what drafters put between: headings in brackets in a list of
//!    articles ("artt. 1 (principi generali), 10 (RUP)"), an act's title
//!    after a dash ("L. n. 190/2012 – Disposizioni ..., art. 1, co. 32"),
//!    "all'art." after an act, "e dell'art." between two locators. An
//!    article cited again ("il citato art. 17", "art. 64-bis cit.") takes
//!    the act it was last cited with (see `cited`). An "in particolare"
//!    whose clause runs on to the article ("ed in particolare nel rispetto
//!    dei limiti di cui all'art. 204") and a recital that only says
//!    "Visto, in particolare, l'art. 4" of the act of the recital before
//!    reach that act too (see `particular`). Paragraphs printed with their
//!    act but not their article ("i commi da 739 a 783 della medesima legge
//!    n. 160") take the article of the same act cited just before in the
//!    clause (see `act_paragraphs`). A locator with no act in
//!    reach is dropped (precision first). The caller passes a whole
//!    document as one text, so a sentence runs on over a page break. A list (`artt. 16, 17 e 18 della legge
//!    ...`, `commi 1 e 3`, `lettere a), e) e h)`) gives one reference per item,
//!    each with its own span: the first starts at the keyword, the last ends
//!    with the act, as Normattiva marks them.
//!
//! Decisions, documented here because they are choices:
//!
//! - Act types are canonical: an alias names the act it stands for (`TUEL`,
//!   `T.U. n. 267/2000` -> `decreto_legislativo` 267/2000 dated 2000-08-18,
//!   an abbreviated name with its date and number ("T.U.L.C.P. 4 febbraio
//!   1915, n. 148") the testo unico of that number;
//!   `Codice civile`, `c.c.` -> `regio_decreto` 262/1942; `D.M.` ->
//!   `decreto_ministeriale`); `raw` keeps the printed text. A testo unico
//!   not in the table stays `testo_unico`.
//! - Two-digit years use the pivot of [`crate::date`]: `l.r. 34/78` is 1978.
//! - Regional acts take the region named right after the keyword (`legge
//!   regionale Lombardia`, `L.R. della Regione Veneto`, `l.r. toscana`) or,
//!   for laws, right after the number (`l.r. 12/2005 della Regione
//!   Lombardia`, `n. 12/2005 (Lombardia)`), else [`RefSettings::region`] if
//!   the rules impose one, else the region of the body that issued the
//!   document ([`body_region`]), else none (no URN). A region named
//!   elsewhere in the text is not used: an act may cite another region in
//!   passing. A `legge` followed by a region is a `legge_regionale`.
//! - A name that meant several acts over time ("Codice dei contratti") is
//!   read by [`RefSettings::date`], or by [`redate`] once the document's
//!   date is known ([`naming_date`]: the decision date, else the act's
//!   header, else the acts it cites); with no date, as the act in force.
//! - A decree-law numbered and dated as a code the table knows as a
//!   decreto legislativo ("D.L. 30.04.1992 n. 285") is that code misprinted,
//!   unless a conversion law follows it; a regio decreto's two-digit year is
//!   of the Kingdom (1861-1946).
//! - "D.Lgt." (decreto legislativo luogotenenziale), "D.Lgs.C.P.S." (of the
//!   provisional Head of State) and "R.D.L." (regio decreto-legge) keep
//!   types of their own, with their NIR types in the URN (before, "R.D.L."
//!   was read as a law, "regio decreto-legge" as a decree-law, "D.Lgt." not
//!   at all, its articles left to the act before).
//! - A d.g.r. is read (its text is taken) but not reported: it is an
//!   administrative act, not among the canonical act types.
//! - `Costituzione` counts only written with a capital C and with an article
//!   ("la costituzione del fondo" is not a reference); its date is 1947-12-27.
//! - A `D.M.` names no issuing ministry we can trust, so it has no URN.
//! - A `direttiva` is EU law only with `/UE`, `/CE`, `/CEE` or `(UE)`; EU
//!   numbers are read year first when the first part is a year (`2016/679`,
//!   `98/34/CE`), else number first (`n. 1907/2006`).
//! - A d.g.r. URN uses the type `deliberazione.giunta.regionale` and writes
//!   the number's `/` as `-` (`IX-1155`); NIR has no settled name for it.
//! - `c.c.` is the civil code only with an article (`art. 2043 c.c.`): alone
//!   it is more often a bank account. Locators with no keyword (`36, commi 1`,
//!   `2, comma 6`) are references only when an act follows them.
//! - `dpcm`, `dpr`, `decreto_ministeriale` and `regio_decreto` may be cited
//!   by date alone ("DPCM 13/01/2004"): number `None`, never the day. A
//!   date may print "del" before its year ("12 luglio del 1993").
//! - A word hyphenated at a line end ("de-\ncreto") and zero-width
//!   characters are read through (see `folded`); spans and `raw` stay the
//!   printed text's.
//! - In a list each level hangs from the last item of the level above
//!   ("art. 1, commi 1 e 2, lett. a) e b)": the letters are paragraph 2's);
//!   after a singular "comma" (or "co." in a list of articles) the other
//!   numbers are articles ("artt. 107, 151, comma 4, 183 e 184").
//! - "comma 6 del medesimo" is a paragraph of the article cited just before
//!   (see `same_article`); "art. 134/4" and "art. 97.4a" are article,
//!   paragraph and letter, read only before an act.
//! - A decree of the regional President is a `regolamento_regionale` only
//!   with its "/R" number (`22/R`); a "decreto del Ministro ..." is a
//!   `decreto_ministeriale` when a date or number follows the ministry.
//! - Articles and paragraphs keep their Latin suffix with a hyphen (`5-bis`);
//!   letters lose their parenthesis (`f`); ordinal paragraphs become numbers
//!   (`secondo comma` is `2`). d.g.r. numbers keep their legislature (`IX/1155`).

mod act_ident;
mod act_paragraphs;
mod acts;
mod backref;
mod body;
mod cited;
mod common;
mod connectors;
mod dated;
mod defined;
mod folded;
mod lexicon;
mod linking;
mod locators;
mod ministry;
mod named_after;
mod own_heading;
mod particular;
mod quoted;
mod ranges;
mod same_article;
mod table;
mod urn;

use std::ops::Range;
use std::sync::Arc;

use atti_page::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use body::body_region;
pub use common::Taken;
pub use dated::naming_date;
pub use lexicon::Lexicon;
use linking::find_in;
pub use named_after::names_act_after;
pub use table::{CanonicalAct, NamedAct, RefTable, RegionEntry, BUILTIN_FILES};

pub use urn::urn;

/// A legal reference such as "art. 134, comma 4, del D.Lgs. 18 agosto 2000, n. 267".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// The text as written.
    pub raw: String,
    /// `legge`, `legge_regionale`, `decreto_legislativo`, `decreto_legge`,
    /// `dpr`, `dpcm`, `decreto_ministeriale`, `regio_decreto`, `regolamento_ue`,
    /// `direttiva_ue`, `costituzione` (and `testo_unico` when its real type
    /// is unknown; `decreto_legislativo_luogotenenziale`,
    /// `decreto_legislativo_cps` and `regio_decreto_legge` for the acts of
    /// 1925-1948 that no type of the Republic names).
    pub act_type: Option<String>,
    pub number: Option<String>,
    pub year: Option<i32>,
    pub date: Option<NaiveDate>,
    pub article: Option<String>,
    pub paragraph: Option<String>,
    pub letter: Option<String>,
    /// `stato`, `regione.lombardia`, `unione.europea`, ...
    pub issuer: Option<String>,
    /// URN:NIR, where the issuer is known.
    pub urn: Option<String>,
    pub span: Option<Span>,
    /// The `[[named]]` entry the act was read from when the text gives only
    /// its name ("Codice dei contratti"): [`redate`] may read it again once
    /// the document's date is known. Not part of the output.
    #[serde(skip)]
    pub named: Option<String>,
}

impl Reference {
    /// The reference in brief, as the rule files' examples write it:
    /// `decreto_legislativo 267/2000 art. 107 c. 1 lett. a`, a regional
    /// act's issuer at the end (`legge_regionale 12/2005 regione.lombardia`).
    pub fn brief(&self) -> String {
        let mut s = self.act_type.clone().unwrap_or_else(|| "?".into());
        s.push_str(&self.brief_parts());
        if let Some(i) = self.issuer.as_deref().filter(|i| i.starts_with("regione.")) {
            s.push_str(&format!(" {i}"));
        }
        s
    }

    /// What follows the act's type in [`Reference::brief`]: ` 267/2000
    /// art. 107 c. 1 lett. a` (number and year, then the partitions), each
    /// part after a space.
    pub fn brief_parts(&self) -> String {
        let mut s = String::new();
        match (&self.number, self.year) {
            (Some(n), Some(y)) => s.push_str(&format!(" {n}/{y}")),
            (Some(n), None) => s.push_str(&format!(" {n}")),
            (None, Some(y)) => s.push_str(&format!(" {y}")),
            (None, None) => {}
        }
        for (label, v) in [
            ("art.", &self.article),
            ("c.", &self.paragraph),
            ("lett.", &self.letter),
        ] {
            if let Some(v) = v {
                s.push_str(&format!(" {label} {v}"));
            }
        }
        s
    }
}

/// What the reference reader is told: its tables, and what is known of the
/// document being read.
#[derive(Debug, Clone)]
pub struct RefSettings {
    /// The named acts and the regions (from the rule files in force).
    pub lexicon: Arc<Lexicon>,
    /// A region imposed by the rules (e.g. `lombardia`) for regional acts
    /// whose text names none, over the body's own region.
    pub region: Option<String>,
    /// The region of the body that issued the document ([`body_region`]).
    pub body_region: Option<String>,
    /// The document's date: a name may mean different acts over time.
    pub date: Option<NaiveDate>,
}

impl Default for RefSettings {
    /// The built-in tables; nothing known of the document.
    fn default() -> Self {
        RefSettings {
            lexicon: Lexicon::builtin(),
            region: None,
            body_region: None,
            date: None,
        }
    }
}

/// Act types read (so that their text is taken and nothing inside them is
/// read as another act) but not reported: a Giunta's deliberation is an
/// administrative act, not a source of law.
const NOT_REPORTED: &[&str] = &[
    "delibera_giunta_regionale",
    "decreto_presidente_giunta_regionale",
];

/// An act found in the text, before locators are attached.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub(super) range: Range<usize>,
    pub(super) r: Reference,
    /// Only a reference together with a locator (the Costituzione).
    pub(super) needs_locator: bool,
}

/// Every legal reference in `text`, in order, with its byte range. The
/// references' `span` is left to the caller (it knows the page).
pub fn find_references(text: &str, settings: &RefSettings) -> Vec<(Range<usize>, Reference)> {
    // Words hyphenated at a line end ("de-\ncreto", "ago-\nsto") are read
    // whole; the ranges and `raw` are the printed text's.
    let Some(folded) = folded::Folded::new(text) else {
        return find_in(text, settings);
    };
    let mut out = find_in(&folded.text, settings);
    for (range, r) in &mut out {
        *range = folded.original(range.clone());
        r.raw = text[range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
    }
    out
}

/// Reads again, for a document now known to be of `date`, the references
/// made by a name that meant another act on that day ("Codice dei
/// contratti" in a 2022 act is D.Lgs. 50/2016, not D.Lgs. 36/2023).
pub fn redate(refs: &mut [Reference], lexicon: &Lexicon, date: NaiveDate) {
    for r in refs {
        let Some(i) = r.named.as_deref().and_then(|id| lexicon.named_index(id)) else {
            continue; // the act is printed, not only named: it stands
        };
        let act = lexicon.choose(i, Some(date));
        if act.id == lexicon.table().named[i].id {
            continue;
        }
        let new = act_ident::named_reference(act);
        r.act_type = new.act_type;
        r.number = new.number;
        r.year = new.year;
        r.date = new.date;
        r.issuer = new.issuer;
        r.named = new.named;
        r.urn = urn(r);
    }
}

/// The first char boundary at or after `i`.
pub(super) fn boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod akn_tests;

#[cfg(test)]
mod table_tests;

#[cfg(test)]
mod drafting_tests;

#[cfg(test)]
mod forms_tests;

#[cfg(test)]
mod regional_forms_tests;

#[cfg(test)]
mod lawyer_forms_tests;

#[cfg(test)]
mod lawyer_context_tests;

#[cfg(test)]
mod abbreviated_forms_tests;
#[cfg(test)]
mod clause_forms_tests;
#[cfg(test)]
mod defined_forms_tests;
#[cfg(test)]
mod dotted_forms_tests;
#[cfg(test)]
mod founding_forms_tests;
#[cfg(test)]
mod listed_forms_tests;
#[cfg(test)]
mod municipal_forms_tests;
#[cfg(test)]
mod precision_forms_tests;
#[cfg(test)]
mod recital_forms_tests;
#[cfg(test)]
mod restated_forms_tests;
#[cfg(test)]
mod scope_forms_tests;
#[cfg(test)]
mod statute_forms_tests;
#[cfg(test)]
mod titled_forms_tests;
#[cfg(test)]
mod transcript_forms_tests;
#[cfg(test)]
mod typeset_forms_tests;

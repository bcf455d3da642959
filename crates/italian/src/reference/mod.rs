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
//!    ("Costituzione, art. 97") takes that locator; so does an act named earlier
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
//!    reach that act too (see `particular`). A locator with no act in
//!    reach is dropped (precision first). The caller passes a whole
//!    document as one text, so a sentence runs on over a page break. A list (`artt. 16, 17 e 18 della legge
//!    ...`, `commi 1 e 3`, `lettere a), e) e h)`) gives one reference per item,
//!    each with its own span: the first starts at the keyword, the last ends
//!    with the act, as Normattiva marks them.
//!
//! Decisions, documented here because they are choices:
//!
//! - Act types are canonical: an alias names the act it stands for (`TUEL`,
//!   `T.U. n. 267/2000` -> `decreto_legislativo` 267/2000 dated 2000-08-18;
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
//!   by date alone ("DPCM 13/01/2004"): number `None`, never the day.
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
mod locators;
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
use connectors::{
    glued_to_act_before, right_after_same_act, AFTER_ACT, AFTER_ACT_AT, AFTER_GLOSS, AFTER_TITLE,
    CHAIN, CONNECTOR, CONNECTOR_ADJ, CONNECTOR_APPROVED, OWNED, REFINE, TRAIL,
};
use serde::{Deserialize, Serialize};

use acts::act_mentions;
use backref::back_references;
pub use body::body_region;
pub use common::Taken;
pub use dated::naming_date;
pub use lexicon::Lexicon;
use locators::{locators, LocItem};
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
    /// is unknown).
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

fn find_in(text: &str, settings: &RefSettings) -> Vec<(Range<usize>, Reference)> {
    let mut mentions = act_mentions(text, settings);
    let backs = back_references(text, &mentions);
    mentions.extend(backs);
    mentions.sort_by_key(|m| m.range.start);
    // "di seguito denominato «Codice»": the name the text gave an act.
    defined::restated(text, &mut mentions);
    let named = defined::defined_names(text, &mentions);
    mentions.extend(named);
    mentions.sort_by_key(|m| m.range.start);
    let mut taken = Taken::default();
    for m in &mentions {
        taken.insert(m.range.clone());
    }
    let locs: Vec<_> = locators(text)
        .into_iter()
        .filter(|(r, ..)| !taken.overlaps(r))
        .collect();
    let mut used = vec![false; mentions.len()];
    let mut out: Vec<(Range<usize>, Reference)> = Vec::new();

    // Locators followed by their act.
    let mut linked: Vec<Option<usize>> = locs
        .iter()
        .map(|(range, ..)| {
            let rest = &text[range.end..];
            [&*CONNECTOR, &*CONNECTOR_ADJ, &*CONNECTOR_APPROVED]
                .into_iter()
                .filter_map(|re| re.find(rest))
                .find_map(|c| {
                    let at = range.end + c.end();
                    // "D.Lgs. n. 33/2013 art. 47, L. n. 689/1981": a locator
                    // printed right after an act, on its line, is that act's;
                    // a bare comma does not carry it to the next one.
                    let bare_comma = !c.as_str().chars().any(char::is_alphabetic);
                    if bare_comma && glued_to_act_before(text, &mentions, range.start) {
                        return None;
                    }
                    mentions.binary_search_by_key(&at, |m| m.range.start).ok()
                })
        })
        .collect();
    // "art. 7 del regolamento di esecuzione del nuovo C.d.S. approvato con
    // D.P.R. 495/1992": a name passed over on the way to the act is part of
    // the approved text's name, not an act cited.
    for (li, mi) in linked.iter().enumerate() {
        if let Some(mi) = *mi {
            let (from, to) = (locs[li].0.end, mentions[mi].range.start);
            for (k, m) in mentions.iter().enumerate() {
                if m.range.start >= from && m.range.end <= to {
                    used[k] = true;
                }
            }
        }
    }
    // "art. 5, comma 2, e art. 7 della legge ...": a locator joined by "e" to
    // a linked one shares its act (but not its span).
    let mut chained = vec![false; locs.len()];
    for li in (0..locs.len().saturating_sub(1)).rev() {
        if linked[li].is_none() && linked[li + 1].is_some() {
            let between = &text[locs[li].0.end..locs[li + 1].0.start];
            // "D.P.R. n. 445/2000, artt. 46 e 47, e dell'art. 76 del
            // medesimo D.P.R.": the articles right after the act are its
            // own (read below, from the act on), not the back-reference's.
            let own_act = linked[li + 1]
                .is_some_and(|mi| right_after_same_act(text, &mentions, locs[li].0.start, mi));
            if CHAIN.is_match(between) && !own_act && !cited::cited_before(text, locs[li].0.start) {
                linked[li] = linked[li + 1];
                chained[li] = true;
            }
        }
    }
    // "all'art. 63 del D.Lgs. n. 50/2016, per i settori ordinari, e di cui
    // all'art. 125": a locator joined after a linked one, with no act of
    // its own and none between, is of the same act.
    for li in 1..locs.len() {
        let (range, _, bare) = &locs[li];
        let Some(mi) = linked[li - 1] else { continue };
        if linked[li].is_some() || *bare || mentions[mi].range.end > range.start {
            continue;
        }
        let between = &text[mentions[mi].range.end..range.start];
        let crossed = mentions
            .iter()
            .any(|m| m.range.start >= mentions[mi].range.end && m.range.start < range.start);
        if TRAIL.is_match(between)
            && !crossed
            && !OWNED.is_match(&text[range.end..])
            && !cited::cited_again(text, range.start, range.end)
        {
            linked[li] = Some(mi);
            chained[li] = true;
        }
    }
    // The act and end of the last article read "in particolare": a list
    // of them may go on ("; gli artt. 6 e 7, che ...").
    let mut listed: Option<(usize, usize)> = None;
    for (li, (range, items, bare)) in locs.iter().enumerate() {
        if let Some(mi) = linked[li] {
            used[mi] = true;
            // "la legge n. 481/1995, ed in particolare l'art. 2 della
            // medesima legge": the act of the recital is the one the
            // back-reference points to, and has no reference of its own.
            if mentions[mi].needs_locator {
                if let Some(pi) = particular::particular_act(text, &mentions, range.start) {
                    let (a, b) = (&mentions[pi].r, &mentions[mi].r);
                    if (&a.act_type, &a.number, a.year) == (&b.act_type, &b.number, b.year) {
                        used[pi] |= !particular::apart(text, range.start);
                    }
                }
            }
            let m = &mentions[mi];
            let refine = match items.as_slice() {
                [it] if it.paragraph.is_none() && !chained[li] => {
                    REFINE.captures(&text[m.range.end..])
                }
                _ => None,
            };
            if let Some(c) = refine {
                let mut it = items[0].clone();
                it.paragraph = Some(common::norm_num(&c["p"]));
                let end = m.range.end + c.get(0).map_or(0, |g| g.end());
                out.push((it.range.start..end, with_locator(&m.r, &it)));
                continue;
            }
            for (k, it) in items.iter().enumerate() {
                let end = if k + 1 == items.len() && !chained[li] {
                    m.range.end
                } else {
                    it.range.end
                };
                out.push((it.range.start..end, with_locator(&m.r, it)));
            }
            continue;
        }
        if *bare {
            continue; // "36, commi 1" is a reference only before an act
        }
        let listed_act = listed.filter(|&(_, end)| {
            particular::continues(text, &mentions, end, range.start)
                && !OWNED.is_match(&text[range.end..])
        });
        let own = OWNED.is_match(&text[range.end..]);
        let particular_act =
            particular::particular_act(text, &mentions, range.start).or_else(|| {
                (!own)
                    .then(|| particular::reaching_act(text, &mentions, range.start))
                    .flatten()
            });
        if let Some(mi) = particular_act.or(listed_act.map(|(mi, _)| mi)) {
            let m = &mentions[mi];
            // "e in particolare:\n −− l'art. 10 comma 1": an article printed
            // apart, on its own line, leaves the act its own reference.
            used[mi] |= !particular::apart(text, range.start);
            let items = particular::refined(text, range.end, items);
            for it in &items {
                out.push((it.range.clone(), with_locator(&m.r, it)));
            }
            listed = Some((mi, range.end));
            continue;
        }
        // "VISTO il D.Lgs. ...; VISTO, in particolare, l'art. 4": the act of
        // the recital before, which keeps its own reference.
        if let Some(mi) = (!own)
            .then(|| particular::previous_recital_act(text, &mentions, range.start))
            .flatten()
        {
            let m = &mentions[mi];
            for it in &particular::refined(text, range.end, items) {
                out.push((it.range.clone(), with_locator(&m.r, it)));
            }
            listed = Some((mi, range.end));
            continue;
        }
        // After its act ("Costituzione, art. 97"), or standing alone.
        // Mentions are disjoint and sorted, so their ends are sorted too.
        let before = mentions
            .partition_point(|m| m.range.end <= range.start)
            .checked_sub(1)
            .filter(|&mi| {
                let between = &text[mentions[mi].range.end..range.start];
                // "Art. 13 - ..." opening the next line is a heading (an
                // index, the act's own article), not the last act's article:
                // across a line break only after a comma.
                let plain = AFTER_ACT
                    .find(between)
                    .is_some_and(|g| g.end() == between.len())
                    && (!between.contains('\n') || between.contains(','));
                let loose = AFTER_TITLE.is_match(between)
                    || AFTER_ACT_AT.is_match(between)
                    || AFTER_GLOSS.is_match(between);
                plain || (loose && !OWNED.is_match(&text[range.end..]))
            });
        // "D.L. 179/2012, ..., convertito con la legge n. 221, all'art. 34":
        // the article is the decree-law's; the conversion law keeps its own
        // reference.
        let before = before.map(|mi| particular::converted_from(text, &mentions, mi).unwrap_or(mi));
        match before {
            Some(mi) if !used[mi] => {
                used[mi] = true;
                let m = &mentions[mi];
                for (k, it) in items.iter().enumerate() {
                    let start = if k == 0 {
                        m.range.start
                    } else {
                        it.range.start
                    };
                    out.push((start..it.range.end, with_locator(&m.r, it)));
                }
            }
            // "il citato art. 17": the act of the article cited before.
            _ if cited::cited_again(text, range.start, range.end) => {
                let act = items[0]
                    .article
                    .as_deref()
                    .and_then(|a| cited::act_of(a, &out));
                // A copy: `out` grows while the act is in use.
                if let Some(act) = act.cloned() {
                    for it in items {
                        out.push((it.range.clone(), with_locator(&act, it)));
                    }
                }
            }
            // "... stabilisce: “Salvo quanto previsto dagli articoli 62 e
            // 63”": an article inside a quoted provision is the quoted act's.
            // Else, precision first: a partition with no act in reach ("art.
            // 6 del presente regolamento", "art. 22 del C.C.D.I.") names an
            // act we cannot tell, so it is dropped.
            _ => {
                if let Some(act) = quoted::quoted_act(text, range.start, &out, &mentions) {
                    for it in items {
                        out.push((it.range.clone(), with_locator(&act, it)));
                    }
                }
            }
        }
    }
    // "comma 6 del medesimo": a paragraph of the article cited last.
    same_article::extend(text, &mut out);
    // The act the document is, by its heading (see `own_heading`).
    let own = own_heading::own_act(text, &mentions);
    for (m, used) in mentions.iter().zip(used) {
        let heading = own.as_ref().is_some_and(|o| {
            // Printed again without its year ("Legge regionale n. 13 del
            // 17 02 1989", the date unread), it is still the text's own.
            o.0 == m.r.act_type && o.1 == m.r.number && (o.2 == m.r.year || m.r.year.is_none())
        });
        if !used && !m.needs_locator && !heading {
            out.push((m.range.clone(), m.r.clone()));
        }
    }
    out.retain(|(_, r)| {
        !r.act_type
            .as_deref()
            .is_some_and(|t| NOT_REPORTED.contains(&t))
    });
    out.sort_by_key(|(r, _)| (r.start, r.end));
    for (range, r) in &mut out {
        // A reference wrapped over lines is read as one phrase: the span
        // keeps the true offsets, `raw` folds each white-space run to a space.
        r.raw = text[range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        r.urn = urn(r);
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
        let new = acts::named_reference(act);
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

fn with_locator(act: &Reference, it: &LocItem) -> Reference {
    Reference {
        article: it.article.clone(),
        paragraph: it.paragraph.clone(),
        letter: it.letter.clone(),
        ..act.clone()
    }
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
mod defined_forms_tests;
#[cfg(test)]
mod precision_forms_tests;
#[cfg(test)]
mod restated_forms_tests;
#[cfg(test)]
mod scope_forms_tests;
#[cfg(test)]
mod transcript_forms_tests;
#[cfg(test)]
mod typeset_forms_tests;

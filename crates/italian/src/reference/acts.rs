//! Step 1 of reading references: the act keywords found in the text, each
//! read with what identifies its act (see `act_ident`), lists of acts after
//! a plural keyword, acts named by the table ("TUEL", "Codice civile"),
//! and the passes over what was found: a year taken from the same act cited
//! before, aliases merged, "Codice" alone.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::act_ident::{act_mention_at, named_reference};
use super::backref::merge_aliases;
use super::common::*;
use super::{Mention, RefSettings};

/// Act keywords. Longer and more specific forms come first: at one position
/// the first alternative that matches wins. The acts of the years between
/// Kingdom and Republic ("D.Lgt.", "D.Lgs.C.P.S.", "R.D.L.") come before
/// the decrees whose letters they begin with, so that their number is never
/// read as a "L."'s or a "R.D."'s. A transcript that lost the
/// full stops keeps the letters apart ("d l 6 giugno 2012, n 74", "d lgs n
/// 267/2000", "d p r"), or only the last one ("D.P.R , n. 66", "L R. n.
/// 5/2009"): read like the dotted forms, and like them only before what
/// identifies an act. A ministerial decree may carry its ministry's
/// acronym after the keyword ("D.M. MIT n. 49 del 7 marzo 2018", "DM MEF
/// 23 gennaio 2015"): part of the keyword.
static ACT: LazyLock<Regex> = LazyLock::new(|| {
    grammar(&format!(
        r"(?i)\b(?:(?P<lc>legg[ei]\s+costituzional[ei]|legg[ei]\s+cost\.|l\.\s?cost\.)|(?P<lr>legg[ei]\s+regional[ei]|ll\.\s?rr\.|l\.\s?r\b\.?|l\.\s?reg\.|(?-i:LR)\b|(?-i:L\s+R\.)|(?-i:I\.\s?r\.))|(?P<rr>regolament[oi]\s+regional[ei]|r\.\s?r\.|reg\.\s?reg\.)|(?P<dpgr>decret[oi]\s+del\s+presidente\s+della\s+giunta\s+regionale|d\.\s?p\.\s?g\.\s?r\.|dpgr\b)|(?P<dlgt>decret[oi](?:\s*[-–—]\s*|\s+)legislativ[oi]\s+luogotenenzial[ei]|d\.\s?lgs\.\s?lgt\b\.?|d\.\s?l\.\s?lgt\b\.?|d\.\s?lgt\b\.?|dlgt\b\.?)|(?P<dcps>decret[oi](?:\s*[-–—]\s*|\s+)legislativ[oi]\s+del\s+capo\s+provvisorio\s+dello\s+stato|d\.\s?lgs\.\s?c\.\s?p\.\s?s\.|d\.\s?l\.\s?c\.\s?p\.\s?s\.)|(?P<rdl>r(?:egio|eale)\s+decreto(?:\s*[-–—]\s*|\s+)legge|r\.\s?d\.\s?l\.|rdl\b)|(?P<dmin>decret[oi]\s+(?:del\s+|dei\s+)?(?:ministr[oi]|ministero)\b|decret[oi]\s+(?:del\s+)?(?-i:M[A-Z]{{1,5}}\b|M(?:\.\s?[A-Z]){{1,5}}\.))|(?P<dlgs>decret[oi](?:\s*[-–—]\s*|\s+)legislativ[oi]|d\s+lgs\b\.?|dd\.\s?lgs\b\.?|d-lgs\b\.?|d\.\s?lgs\.?\s?vo\b\.?|d\.\s*lgs\.?|dlgs\b\.?|d\.\s?leg\.?vo|decr?\.\s?leg\.?vo|decreto\s+leg\.?vo|d\.\s?l\.?\s?vo\b\.?|d\.\s?l\.\s?gs\b\.?)|(?P<dl>decret[oi](?:\s*[-–—]\s*|\s+)legge|dd\.\s?ll\.|d\.\s?l\.|d-l\b\.?|d\s+l\b|(?-i:DL)\b)|(?P<dpr>decret[oi]\s+del\s+presidente\s+della\s+repubblica|dd\.\s?pp\.\s?rr\.|d\.\s?p\.\s?r\b\.?|d\s+p\s+r\b|dpr\b)|(?P<dpcm>decret[oi]\s+del\s+presidente\s+del\s+consiglio\s+dei\s+ministri|dd\.\s?pp\.\s?cc\.\s?mm\.|d\.\s?p\.\s?c\.\s?m\.|d\s+p\s+c\s+m\b|dpcm\b)|(?P<dm>decret[oi]\s+(?:inter)?ministerial[ei]|dd\.\s?mm\.|d\.\s?m\.\s?e\.\s?f\.|(?-i:DMEF)\b|d\.\s?m\.(?:\s*(?-i:M[A-Z]{{1,5}})\b)?|d\.\s?i\b\.?|(?-i:DM)\b(?:\s*(?-i:M[A-Z]{{1,5}})\b)?)|(?P<rd>r(?:egio|eale)\s+decreto|decreto\s+reale\b|rr\.\s?dd\.|r\.\s?d\.|(?-i:RD)\b)|(?P<tuel>t\.\s?u\.\s?e\.\s?l\.|tuel\b)|(?P<tu>testo\s+unico|t\.\s?u\.(?:[a-mo-z]\.){{0,4}})|(?P<reg>regolament[oi]\s*(?:(?:delegat[oi]|di\s+esecuzione)\s*)?(?:europe[oi]\s*)?(?:\(\s*(?:ue|ce|cee)\s*\)|u\.\s?e\.|ue\b|ce\b)|regolament[oi]\s+europe[oi]\b|regolament[oi]\s+(?:delegat[oi]\s+|di\s+esecuzione\s+)?(?:della\s+commissione(?:\s+europea)?|del\s+parlamento\s+europeo(?:\s+e\s+del\s+consiglio)?)|reg\.\s*(?:\(\s*ue\s*\)|ue\b))|(?P<dir>direttiv[ae](?:\s*\(\s*(?:ue|ce|cee)\s*\)|\s+(?:ue|ce|cee)\b)?|dir\.)|(?P<cost>(?-i:Costituzione|COSTITUZIONE|Cost\.))|(?P<dgr>d\.\s?g\.\s?r\.|dgr\b|(?:deliberazione|delibera)\s+(?:della\s+|di\s+)?giunta\s+regionale)|(?P<legge>legg[ei](?:\s+di\s+conversione\b)?|l\.|(?-i:L)\b))"
    ))
    .unwrap()
});

/// What makes a bare "L" a law: the law's date right after it.
static BARE_L_DATE: LazyLock<Regex> =
    LazyLock::new(|| grammar(&format!(r"(?i)^\s+(?:{})", date_re())).unwrap());
/// Or its number and four-digit year ("296/2006") after the article or
/// preposition a law takes ("della L 296/2006", "dalla L 145/2018"): a
/// size or a class is not written so.
static BARE_L_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:n\.\s*)?\d{1,5}\s*/\s*(?:18|19|20)\d{2}\b").unwrap());
static BARE_L_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:la|della|dalla|alla|nella|sulla|con|ex)\s+$").unwrap());

/// Before "L." as the series of the EU Official Journal ("Gazzetta
/// Ufficiale dell'Unione Europea L. 319/43"), not a law.
static OJ_SERIES: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)(?:unione\s+europea|comunit[àa]\s+europe[ae]|\bguue|\bg\.\s?u\.\s?u\.\s?e\.|\bguce|\bg\.\s?u\.\s?c\.\s?e\.)\s*,?\s*(?:serie\s+)?$").unwrap()
});

pub(super) fn act_mentions(text: &str, settings: &RefSettings) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(c) = ACT.captures_at(text, pos) {
        let kw = c.get(0).expect("whole match");
        pos = kw.end();
        // "C.C.N.L.": a dotted keyword that ends a longer abbreviation.
        let tail = text[..kw.start()].chars().rev().take(2).collect::<Vec<_>>();
        if matches!(tail.as_slice(), ['.', l] if l.is_alphabetic()) {
            continue;
        }
        // "L" without its full stop is a law only before the law's date
        // ("della L 27 dicembre 2017, n. 205") or, after "della" and the
        // like, its number and year ("della L 296/2006"): before a bare
        // number it is a size, a class, a series.
        if kw.as_str() == "L"
            && !BARE_L_DATE.is_match(&text[kw.end()..])
            && !(BARE_L_NUMBER.is_match(&text[kw.end()..])
                && BARE_L_BEFORE.is_match(
                    &text[crate::floor_boundary(text, kw.start().saturating_sub(12))..kw.start()],
                ))
        {
            continue;
        }
        if c.name("legge").is_some() && {
            let from = crate::floor_boundary(text, kw.start().saturating_sub(40));
            OJ_SERIES.is_match(&text[from..kw.start()]) || BILL.is_match(&text[from..kw.start()])
        } {
            continue;
        }
        if let Some(m) = act_mention(text, &c, settings) {
            pos = m.range.end;
            let plural = PLURAL.is_match(kw.as_str());
            // "il decreto del Presidente della Repubblica 12 aprile 1994 e
            // 6 maggio 1994", "il decreto ministeriale 23 giugno 1997 e 26
            // febbraio 1999": a singular keyword of an act cited by its date
            // alone, then "e" and another date, is two acts of that kind.
            let dates = m.r.number.is_none() && m.r.date.is_some();
            let first = m.clone();
            out.push(m);
            if plural || dates {
                // "decreti del Presidente del Consiglio dei ministri del 31
                // maggio 2017, del 21 febbraio 2019 e del 17 luglio 2020",
                // "direttive 2014/23/UE, 2014/24/UE e 2014/25/UE": each item
                // of the list is an act of the keyword's kind.
                while let Some(sep) = LIST_NEXT.find(&text[pos..]) {
                    if !plural && !DATE_LIST_NEXT.is_match(&text[pos..]) {
                        break;
                    }
                    let at = pos + sep.end();
                    let Some(mut next) = act_mention_at(text, &c, at, settings) else {
                        break;
                    };
                    if next.r.act_type != first.r.act_type {
                        break;
                    }
                    // "decreti del Presidente della Repubblica 28 dicembre
                    // 1970, n. 1077 e n. 1079": a number printed alone after
                    // a dated act of the list is an act of that date.
                    if plural && next.r.year.is_none() && next.r.date.is_none() {
                        next.r.date = first.r.date;
                        next.r.year = first.r.date.and(first.r.year);
                    }
                    pos = next.range.end;
                    out.push(next);
                }
            }
        }
    }
    let mut taken = Taken::default();
    for m in &out {
        taken.insert(m.range.clone());
    }
    let lex = &*settings.lexicon;
    for (range, i) in lex.named_in(text) {
        if taken.overlaps(&range) || defined_name(&text[..range.start]) {
            continue;
        }
        let act = lex.choose(i, settings.date);
        // "deliberazione di C.C. n. 12", "delibera del C.C. del 3.4.2020":
        // the same letters are the Consiglio's register, not the code.
        if act.with_article && organ_register(text, range.clone()) {
            continue;
        }
        out.push(Mention {
            range,
            r: named_reference(act),
            needs_locator: act.with_article,
        });
    }
    out.sort_by_key(|m| m.range.start);
    year_from_earlier(text, &mut out);
    let mut out = merge_aliases(text, out, lex);
    bare_codes(text, &mut out);
    out
}

/// After an abbreviation that is also an organ's ("C.C.", the Consiglio
/// Comunale): the number or date of one of its deliberations.
static REGISTER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    grammar(&format!(
        r"(?i)^\s*(?:{NUM_KW}\s*\d|\d+\s*(?:/|del\b)|del\s+\d|in\s+data\b|seduta\b)"
    ))
    .unwrap()
});
/// Before it: the deliberation, minutes or sitting of the organ.
static REGISTER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:deliberazion[ei]|delib\.|delibera|delibere|verbale|seduta|decisione|parere|approvat[oaie]\s+(?:da|dal))\s*(?:(?:n\.|n°)\s*\d+\s*)?(?:di|del|dello|d\.|da|dal)?\s*$").unwrap()
});

/// Whether a name read only with an article ("c.c.") is here an organ's
/// register: "deliberazione di C.C. n. 12", "verbale del C.C.".
fn organ_register(text: &str, range: std::ops::Range<usize>) -> bool {
    let from = crate::floor_boundary(text, range.start.saturating_sub(40));
    REGISTER_AFTER.is_match(&text[range.end..])
        || REGISTER_BEFORE.is_match(&text[from..range.start])
}

/// "Codice" alone, capitalised, after a preposition and before what ends
/// the name ("art. 20 del Codice, lo stesso ...", "dal Codice.").
static BARE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?i:del|dal|nel|al|dello\s+stesso)\s+(?P<c>Codice)(?:\s*[,.;:)]|\s+(?i:e|ed|o|che|il|lo|la|si|in|per|non|è)\b|\s*$)").unwrap()
});

/// "il Codice dei contratti D. lgs. n. 163/2006 ... A norma dell'art. 20
/// del Codice": "Codice" alone is the code named last before it, as a
/// lawyer reads it (an article of it only: "l'applicabilità del Codice" is
/// no reference). With no code named before, it is nothing.
fn bare_codes(text: &str, mentions: &mut Vec<Mention>) {
    let mut found = Vec::new();
    for c in BARE_CODE.captures_iter(text) {
        let at = c.name("c").expect("the word").range();
        if mentions
            .iter()
            .any(|m| m.range.start < at.end && at.start < m.range.end)
        {
            continue;
        }
        let code = mentions.iter().rev().find(|m| {
            m.range.end <= at.start && text[m.range.clone()].to_lowercase().starts_with("codice")
        });
        if let Some(m) = code {
            found.push(Mention {
                range: at,
                r: m.r.clone(),
                needs_locator: true,
            });
        }
    }
    mentions.extend(found);
    mentions.sort_by_key(|m| m.range.start);
}

/// "L. n. 1497 del 29 giugno 1939 ... la stessa citata L. n. 1497": an act
/// said to be cited again ("citata", "medesima", "predetta") by its number
/// alone is the act of that kind and number cited before with its year, as
/// a lawyer reads it. Without such a word, or with no such act before, the
/// year stays empty, as printed ("del DLgs , n 50").
fn year_from_earlier(text: &str, mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        let r = &mentions[i].r;
        if r.year.is_some() || r.number.is_none() {
            continue;
        }
        let start = mentions[i].range.start;
        let from = crate::floor_boundary(text, start.saturating_sub(30));
        if !CITED_AGAIN.is_match(&text[from..start]) {
            continue;
        }
        let earlier = mentions[..i]
            .iter()
            .rev()
            .find(|m| m.r.year.is_some() && m.r.act_type == r.act_type && m.r.number == r.number);
        if let Some((year, date)) = earlier.map(|m| (m.r.year, m.r.date)) {
            mentions[i].r.year = year;
            mentions[i].r.date = date;
        }
    }
}

/// Before the short name a text gives the act it has just cited: "(di
/// seguito anche denominato “Codice dei contratti pubblici”)", "d'ora in
/// poi «Codice»", "(di seguito, per brevità, Codice dei Contratti)". The name is that act again, not a second reference.
static DEFINED_AS: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r#"(?i)(?:\bdi\s+seguito|\bd['’]\s*ora\s+in\s+(?:poi|avanti)|\bin\s+seguito)\s*(?:,?\s*per\s+brevit[àa]\s*,?\s*)?(?:anche\s+)?(?:(?:denominat|definit|indicat|chiamat|richiamat)[oaie]\s*)?(?:come\s+|solo\s+)?(?:il\s+|la\s+)?[“"«]?\s*$"#).unwrap()
});

fn defined_name(before: &str) -> bool {
    let from = crate::floor_boundary(before, before.len().saturating_sub(60));
    DEFINED_AS.is_match(&before[from..])
}

fn act_mention(text: &str, c: &Captures, settings: &RefSettings) -> Option<Mention> {
    act_mention_at(text, c, c.get(0)?.end(), settings)
}

/// A plural keyword ("decreti", "leggi", "direttive", "DD.MM.") before a list
/// of acts.
static PLURAL: LazyLock<Regex> = LazyLock::new(|| {
    // The doubled initials of a plural abbreviation: "DD.MM.", "LL.RR.",
    // "DD.PP.RR.", "RR.DD.".
    grammar(r"(?i)^(?:decreti|leggi|direttive|regolamenti\b|dd\.|ll\.\s?rr\.|rr\.\s?dd\.)").unwrap()
});

/// Between two items of a list of acts: ", ", " e ", ", nonché ".
static LIST_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:,\s*(?:e\s+|ed\s+|nonch[ée]\s+)?|\s+(?:e|ed|nonch[ée])\s+)").unwrap()
});

/// After an act cited by its date alone: " e " and another full date
/// ("12 aprile 1994 e 6 maggio 1994", "17/06/2016 e 31/10/2016").
static DATE_LIST_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)^\s+(?:e|ed)\s+(?:del\s+)?\d{1,2}(?:°|º)?\s*(?:[./-]\s*\d{1,2}\s*[./-]|\s+[a-z]+\s+)\s*\d{2,4}\b").unwrap()
});

/// Before an act cited again: "la citata", "stessa", "medesimo", "predetta".
static CITED_AGAIN: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)\b(?:(?:pre|sopra\s*)?citat|medesim|stess|predett|suddett|richiamat)[oaie]\s*$")
        .unwrap()
});

/// Before "legge": a bill ("disegno di legge n. 564", "proposta di legge
/// n. 154", glued "PROPOSTADI LEGGE" in a transcript), which is not a law.
static BILL: LazyLock<Regex> =
    LazyLock::new(|| grammar(r"(?i)(?:disegn[oi]|propost[ae]|progett[oi])\s*di\s*$").unwrap());

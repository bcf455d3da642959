//! Back-references and aliases beside their act. A lawyer names an act once
//! and then points back to it: "dello stesso decreto", "del medesimo
//! decreto", "della citata l.r.", "della legge stessa", "del medesimo". Each
//! such phrase becomes a mention of the last act of that kind named before it
//! in the text, so that a locator in front of it is linked as to the act
//! itself. A back-reference counts only with a locator: "il decreto citato"
//! alone is not a new reference.
//!
//! An alias printed next to the act it names ("D.Lgs. 18 agosto 2000, n. 267
//! – TUEL", "T.U.E.L. - D.lgs. n. 267/2000") is the same act, not a second
//! one: the two mentions are merged.

use std::sync::LazyLock;

use regex::Regex;

use super::common::grammar;

use super::lexicon::Lexicon;
use super::{Mention, Reference};

/// The kinds of act a back-reference may name, each with the act types it may
/// point to (empty: any).
const KINDS: &[(&str, &[&str])] = &[
    (
        r"d\.\s?lgs\.?|dlgs\b\.?|decreto\s+legislativo",
        &["decreto_legislativo"],
    ),
    (
        r"d\.\s?l\.|decreto(?:\s*[-–—]\s*|\s+)legge",
        &["decreto_legge"],
    ),
    (
        r"d\.\s?p\.\s?r\.|dpr\b|decreto\s+del\s+presidente\s+della\s+repubblica",
        &["dpr"],
    ),
    (
        r"d\.\s?p\.\s?c\.\s?m\.|dpcm\b|decreto\s+del\s+presidente\s+del\s+consiglio\s+dei\s+ministri",
        &["dpcm"],
    ),
    (r"l\.\s?r\.|legge\s+regionale", &["legge_regionale"]),
    // "del codice citato", "del medesimo testo unico": a code or testo unico
    // named before, which is a decree (legislative, royal or presidential).
    (
        r"codice|testo\s+unico|t\.\s?u\.",
        &["decreto_legislativo", "regio_decreto", "dpr"],
    ),
    (
        r"decreto",
        &[
            "decreto_legislativo",
            "decreto_legge",
            "dpr",
            "dpcm",
            "decreto_ministeriale",
            "regio_decreto",
        ],
    ),
    (
        r"legge|l\.",
        &["legge", "legge_regionale", "legge_costituzionale"],
    ),
    // "del medesimo regolamento" after "Regolamento (UE) 2016/679".
    (
        r"regolamento\b",
        &["regolamento_ue", "regolamento_regionale"],
    ),
];

/// The nouns of the kinds that also name acts that are no source of law
/// ("decreto sindacale", "decreto del Direttore", "regolamento comunale"):
/// such a noun printed between the act and "del citato decreto" may be the
/// one meant, so the back-reference is not read (precision first).
static SAME_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)\b(?:(?P<decreto>decret[oi])|(?P<regolamento>regolament[oi]))\b").unwrap()
});

/// "del decreto M.U.R.S.T.", "il decreto MIUR" with no date or number: the
/// decree of that ministry named before (its acronym printed in it).
const MINISTRY_DECREE: &str =
    r"decret[oi]\s+(?:del\s+)?(?P<ministry>(?-i:M[A-Z]{1,5}\b|M(?:\.\s?[A-Z]){1,5}\.))";

const ADJ: &str = r"(?:sopra\s*|sopra-)?(?:citat[oaie]|medesim[oaie]|stess[oaie]|predett[oaie]|suddett[oaie]|richiamat[oaie])";

static BACKREF: LazyLock<Regex> = LazyLock::new(|| {
    let kinds: Vec<String> = KINDS
        .iter()
        .enumerate()
        .map(|(i, (p, _))| format!("(?P<k{i}>{p})"))
        .collect();
    let kinds = kinds.join("|");
    let kinds_after: Vec<String> = KINDS
        .iter()
        .enumerate()
        .map(|(i, (p, _))| format!("(?P<a{i}>{p})"))
        .collect();
    let kinds_after = kinds_after.join("|");
    grammar(&format!(
        r"(?i)\b(?:{ADJ}\s+(?:{kinds})|(?:{kinds_after})\s+{ADJ}\b|(?P<any>medesimo)\b|{MINISTRY_DECREE})"
    ))
    .unwrap()
});

/// After a bare "medesimo", a noun that names something other than an act
/// of law: a capitalised name or a document of the procedure.
static OTHER_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:\p{Lu}\p{Ll}|(?i:contratt|capitolat|band|avvis|disciplinar|accord|convenzion|att[oi]\b|provvediment|regolament|statut|pian|programm|progett|document|allegat|ent[ei]\b|comun|soggett|operator))").unwrap()
});

/// After a bare "medesimo", a locator's word: the locator is cited again.
static LOCATOR_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:articol[oi]\b|artt?\.|art\b|comm[ai]\b|co\.|letter[ae]\b|lett\.|paragraf[oi]\b|par\.)").unwrap()
});

/// A number printed after a back-reference: "del citato decreto n. 33/2013".
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:n\.|n°|nr\.)\s*(?P<n>\d+)(?:\s*/\s*(?P<y>\d{4}|\d{2})\b)?").unwrap()
});

/// Mentions of the acts that back-references point to, each over the span of
/// its phrase. `mentions` are the acts named in the text, sorted by start.
pub(super) fn back_references(text: &str, mentions: &[Mention]) -> Vec<Mention> {
    let mut out = Vec::new();
    for c in BACKREF.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let range = whole.range();
        // "del medesimo D.Lgs. 50/2016" names the act itself.
        if mentions
            .iter()
            .any(|m| m.range.start < range.end && range.start < m.range.end)
        {
            continue;
        }
        // The ministry's acronym, without its full stops ("MURST").
        // "del medesimo TUEL", "della medesima L. 241/1990": a bare
        // "medesimo" right before an act's own name is that act's adjective.
        if c.name("any").is_some()
            && mentions.iter().any(|m| {
                m.range.start >= range.end && text[range.end..m.range.start].trim().is_empty()
            })
        {
            continue;
        }
        let ministry = c.name("ministry").map(|g| letters_of(g.as_str()));
        let types: &[&str] = if ministry.is_some() {
            &["decreto_ministeriale"]
        } else if c.name("any").is_some() {
            // "del medesimo Contratto Quadro", "del medesimo avviso": a
            // document that is not an act of law.
            if OTHER_NOUN.is_match(&text[range.end..]) {
                continue;
            }
            // "dal medesimo articolo 13", "il medesimo comma 2": the
            // adjective of a locator cited again (see `cited`), not of an
            // act: the article keeps the act it was cited with.
            if LOCATOR_NOUN.is_match(&text[range.end..]) {
                continue;
            }
            &[]
        } else {
            match (0..KINDS.len())
                .find(|i| c.name(&format!("k{i}")).is_some() || c.name(&format!("a{i}")).is_some())
            {
                Some(i) => KINDS[i].1,
                None => continue,
            }
        };
        let before = mentions.partition_point(|m| m.range.end <= range.start);
        // "del citato decreto n. 33/2013": the number says which one.
        let printed = NUMBERED.captures(&text[range.end..]);
        let mut range = range;
        if let Some(p) = &printed {
            range.end += p.get(0).map_or(0, |g| g.end());
        }
        let target = mentions[..before].iter().rev().find(|m| {
            let ty = m.r.act_type.as_deref().unwrap_or("");
            let numbered = printed.as_ref().is_none_or(|p| {
                m.r.number.as_deref() == Some(&p["n"])
                    && p.name("y").is_none_or(|y| {
                        m.r.year.map(|v| v % 100) == y.as_str().parse::<i32>().ok().map(|v| v % 100)
                    })
            });
            let same_ministry = ministry
                .as_ref()
                .is_none_or(|a| letters_of(&text[m.range.clone()]).contains(a.as_str()));
            !m.needs_locator
                && numbered
                && same_ministry
                && (types.is_empty() || types.contains(&ty))
        });
        // Only the bare nouns: "del citato D.Lgs." names its kind exactly.
        let noun = ["decreto", "regolamento"].into_iter().find(|n| {
            c.iter()
                .skip(1)
                .flatten()
                .any(|g| g.as_str().eq_ignore_ascii_case(n))
        });
        let target = target.filter(|t| {
            printed.is_some()
                || noun.is_none_or(|n| !noun_between(text, mentions, t.range.end..whole.start(), n))
        });
        if let Some(t) = target {
            out.push(Mention {
                range,
                r: t.r.clone(),
                needs_locator: true,
            });
        }
    }
    out
}

/// Whether `noun` ("decreto") is printed in `gap` outside every act read:
/// another act of that name stands between.
fn noun_between(text: &str, mentions: &[Mention], gap: std::ops::Range<usize>, noun: &str) -> bool {
    if gap.start >= gap.end {
        return false;
    }
    SAME_NOUN.captures_iter(&text[gap.clone()]).any(|c| {
        c.name(noun).is_some_and(|g| {
            let at = gap.start + g.start();
            !mentions.iter().any(|m| m.range.contains(&at))
        })
    })
}

/// The capital letters of a text: "M.U.R.S.T." and "MURST" are "MURST".
fn letters_of(s: &str) -> String {
    s.chars().filter(char::is_ascii_uppercase).collect()
}

/// What may stand between an act and its alias: a dash, a comma, "c.d."
/// (also after a comma: "D.Lgs. 31 marzo 2023, n. 36, c.d. Codice dei contratti"),
/// the act's publication before its title ("D.Lgs. 2 gennaio 2018, n. 1,
/// pubblicato nella G.U. n. 17 del 22 gennaio 2018, recante “Codice ...”"),
/// the title's "Approvazione del" before the name ("D.Lgs. 16 aprile 1994,
/// n. 297, recante «Approvazione del testo unico ...»"), and the quotation
/// mark that closes a quoted name before its act in brackets ("“Codice dei
/// contratti pubblici” (D.Lgs. 50/2016)").
static ALIAS_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^\s*[”"»]?(?:(?:e\s+)?(?:s\.?\s?m\.?\s?i\.?|ss\.?\s?mm\.?\s?ii\.?)|e\s+successive\s+modific\w*(?:\s+(?:ed?|e)\s+integrazioni)?)?(?:\s*,?\s*pubblicat[oaie]\s+(?:sulla|nella|in)\s+(?:g\.\s?u\.|gu\b|gazzetta\s+ufficiale)[^;:“”"«»()]{0,80}?)?\s*(?:[-–—,]|\(\s*(?:c\.\s?d\.|cosiddett[oa]|noto\s+come)?|,?\s*(?:ex|c\.\s?d\.|cosiddett[oa]|(?:meglio\s+)?not[oa]\s+come)|,?\s*recante|,?\s*di\s+cui\s+al(?:la|l['’])?|,?\s*approvat[oaie]\s+con\s+(?:il\s+|l['’]\s*)?)?\s*[“"«]?(?:\s*approvazione\s+(?:del(?:lo|la)?\s+|dell['’]\s*))?$"#).unwrap()
});

/// The rest of a name printed before the act it names: up to three small
/// words of four letters or more ("tuel enti locali d. lgs. ..."), none a
/// word that joins two acts ("e il", "ovvero il", "nonché").
static NAME_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:\p{Ll}{4,}\s+){1,3}$").unwrap());
static JOINING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:ovvero|oppure|nonch[ée]|anche|come|oltre|ossia|quindi|inoltre|infine)\b")
        .unwrap()
});

/// Merges an alias printed next to the act it names into one mention.
/// `mentions` are sorted by start and disjoint.
/// A name that meant several acts over time is the same as any of them
/// ("D.Lgs. 50/2016 (Codice dei contratti)").
pub(super) fn merge_aliases(text: &str, mentions: Vec<Mention>, lex: &Lexicon) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(prev) = out.last_mut() {
            let same = (prev.r.act_type == m.r.act_type
                && prev.r.number == m.r.number
                && prev.r.year == m.r.year)
                || lex.may_name(&prev.r, &m.r)
                || lex.may_name(&m.r, &prev.r);
            // "Codice dell'amministrazione digitale D.Lgs. n. 85/2005": a
            // name right before (or after) a printed act of its kind is
            // that act, misprinted or of another year, as printed.
            let named_next =
                prev.r.named.is_some() != m.r.named.is_some() && prev.r.act_type == m.r.act_type;
            let same = same || named_next;
            let gap = text.get(prev.range.end..m.range.start).unwrap_or("x");
            // "del tuel enti locali d. lgs. N. 267/2000": the rest of the
            // name, a few small words, between the name and the act.
            let name_tail =
                prev.r.named.is_some() && NAME_TAIL.is_match(gap) && !JOINING.is_match(gap);
            if same && (ALIAS_GAP.is_match(gap) || name_tail) {
                // The printed act wins over its name ("TUEL - D.Lgs. n.
                // 267/2000", "D.Lgs. 50/2016 (Codice dei contratti)") and is
                // not read again by the document's date; a date printed on
                // either side is kept.
                let (printed, name) = if prev.r.named.is_some() {
                    (m.r.clone(), prev.r.clone())
                } else {
                    (prev.r.clone(), m.r.clone())
                };
                let same_act = printed.number == name.number;
                prev.r = Reference {
                    date: printed.date.or(name.date.filter(|_| same_act)),
                    named: None,
                    ..printed
                };
                prev.range.end = m.range.end;
                continue;
            }
        }
        out.push(m);
    }
    out
}

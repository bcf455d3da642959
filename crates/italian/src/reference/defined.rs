//! Short names the text itself gives an act. A drafter names an act once in
//! full and says how it will call it: "il decreto legislativo 30 giugno 2003,
//! n. 196, di seguito denominato «Codice»", "la legge n. 241/1990 (in
//! seguito: Legge)", "(d'ora in poi TU)". After that "l'articolo 20 del
//! Codice", "l'art. 22 del citato Codice" cite that act. Each later
//! occurrence of the name becomes a mention of the act, one that counts only
//! with a locator (like a back-reference), so that the name alone adds
//! nothing. Without the text's own definition a bare name ("del Codice")
//! names no act we can tell, and is left alone.

use std::sync::LazyLock;

use regex::Regex;

use super::common::grammar;
use super::Mention;

/// "di seguito (anche) denominato «Codice»", "(in seguito: Legge)", "d'ora in
/// poi “TU”", "nel seguito il Decreto". The name: a capitalised word and up
/// to two more, or anything short between quotation marks.
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r#"(?i)\b(?:di\s+seguito|in\s+seguito|nel\s+seguito|d['’]\s*ora\s+in\s+(?:poi|avanti)|qui\s+di\s+seguito)\s*(?:anche\s+)?(?:(?:denominat|chiamat|indicat|definit|citat|designat)[oaie]\s+(?:anche\s+)?)?(?:(?:come|semplicemente)\s+)?:?\s*(?:(?:il|la|lo|l['’])\s*)?(?:[“"«‘']\s*(?P<q>[^“”"«»‘’'\n]{1,40}?)\s*[”"»’']|(?P<w>(?-i:\p{Lu}[\p{L}.]*)(?:\s+(?-i:\p{Lu}[\p{L}.]*)){0,2})\b)"#)
        .unwrap()
});

/// How far before its definition the act may be named: "D.Lgs. 30 giugno
/// 2003, n. 196 Codice in materia di protezione dei dati personali, di
/// seguito chiamato Codice" (its title may stand between).
const REACH: usize = 200;

/// Mentions of the acts the text names by a short name of its own, over
/// every later occurrence of that name. `mentions` are the acts named in the
/// text (and back-references), sorted by start.
pub(super) fn defined_names(text: &str, mentions: &[Mention]) -> Vec<Mention> {
    // Each definition: where it ends, the name, the act it names.
    let mut defs: Vec<(usize, String, &Mention)> = Vec::new();
    for c in DEFINITION.captures_iter(text) {
        let Some(name) = c.name("q").or(c.name("w")) else {
            continue;
        };
        let def = c.get(0).expect("whole match");
        let before = mentions.partition_point(|m| m.range.end <= def.start());
        let Some(act) = before.checked_sub(1).map(|i| &mentions[i]) else {
            continue;
        };
        // The act in the same sentence, shortly before; a back-reference or
        // an act read only with a locator is no act to name.
        let gap = &text[act.range.end..def.start()];
        if act.needs_locator || gap.len() > REACH || gap.contains(';') {
            continue;
        }
        let name = name.as_str().trim();
        if name.chars().count() < 2 || !name.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        defs.push((def.end(), name.to_owned(), act));
    }
    let mut out: Vec<Mention> = Vec::new();
    for (i, (from, name, act)) in defs.iter().enumerate() {
        // Up to the next definition of the same name, which takes over.
        let to = defs[i + 1..]
            .iter()
            .find(|d| d.1 == *name)
            .map_or(text.len(), |d| d.0);
        let Ok(re) = Regex::new(&format!(r"\b{}\b", regex::escape(name))) else {
            continue;
        };
        for occ in re.find_iter(&text[*from..to]) {
            let range = from + occ.start()..from + occ.end();
            // An occurrence inside an act's own text ("Codice civile") is
            // that act's.
            let inside = |m: &Mention| m.range.start < range.end && range.start < m.range.end;
            if mentions.iter().any(inside) || out.iter().any(inside) {
                continue;
            }
            // The name goes on into a longer one ("Codice dei contratti"
            // is not "Codice").
            if LONGER.is_match(&text[range.end..]) {
                continue;
            }
            out.push(Mention {
                range,
                r: act.r.clone(),
                needs_locator: true,
            });
        }
    }
    out
}

/// A longer name going on after the short one.
static LONGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:\p{Lu}|(?:di|del|dei|della|delle|dello|degli|dell['’]|in|per|sul|sulla|sui)\s)",
    )
    .unwrap()
});

/// Between an act and the same act printed again as the name the text will
/// call it by: "(di seguito: direttiva 2009/72/CE)", ", in seguito
/// denominata legge n. 241/1990".
static RESTATED: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r#"(?i)(?:^|[(,])\s*(?:di\s+seguito|in\s+seguito|nel\s+seguito|d['’]\s*ora\s+in\s+(?:poi|avanti))\s*(?:anche\s+)?(?:(?:denominat|chiamat|indicat|definit|citat)[oaie]\s+(?:anche\s+)?)?(?:come\s+)?:?\s*(?:(?:il|la|lo|l['’])\s*)?[“"«]?\s*$"#)
        .unwrap()
});

/// An act printed again in full as its own short name ("la direttiva
/// 2009/72/CE ... (di seguito: direttiva 2009/72/CE)") is the same
/// reference, not a second one: it counts only with a locator.
/// `mentions` are sorted by start.
pub(super) fn restated(text: &str, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        let (head, tail) = mentions.split_at_mut(i);
        let (p, m) = (&head[i - 1], &mut tail[0]);
        let same = (&p.r.act_type, &p.r.number, p.r.year) == (&m.r.act_type, &m.r.number, m.r.year);
        let gap = text.get(p.range.end..m.range.start).unwrap_or("");
        if same
            && !gap.contains(';')
            && !p.needs_locator
            && gap.len() <= REACH
            && RESTATED.is_match(gap)
        {
            m.needs_locator = true;
        }
    }
}

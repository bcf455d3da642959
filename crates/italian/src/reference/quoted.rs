//! Partitions cited inside a quoted provision. A drafter quotes the law he
//! applies: "l'articolo 50 co. 1 lett. b) del D.Lgs. n. 36/2023 stabilisce
//! quanto segue: “Salvo quanto previsto dagli articoli 62 e 63, ...”". An
//! act refers to its own articles without naming itself, so an article
//! inside the quotation with no act of its own is an article of the quoted
//! act: the act cited just before the opening quotation mark, in the same
//! sentence. A quotation with no act just before it (a title, a phrase)
//! gives nothing (precision first). An article that opens the quotation
//! ("è sostituito dal seguente: “Articolo 30 (Controllo sugli atti) 1. ...")
//! is the heading of the provision quoted, not an article it cites.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::common::grammar;
use super::{Mention, Reference};
use crate::floor_boundary;

/// Before an act that amended the one quoted: "l'articolo 6 del d.lgs.
/// 165/2001, come da ultimo modificato dall'art. 4 del d.lgs. 75/2017,
/// prevede che: “...”". The provision quoted is the first act's, as it
/// stands; the amending act is cited in passing.
static AMENDED_BY: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)\b(?:modificat|integrat|sostituit|novellat)[oaie]\s+(?:(?:e|ed)\s+(?:modificat|integrat)[oaie]\s+)?(?:(?:da|dal|dallo|dalla|dagli|dalle)\b|dall['’])[^;:“”«»]*$")
        .unwrap()
});

/// How far before the opening mark the quoted act may be cited ("del
/// D.Lgs. 82/2005 (Codice dell'amministrazione digitale - CAD) che prevede
/// che “").
const LEAD: usize = 250;

/// The act whose text is quoted around `at`, if `at` is inside a quotation
/// opened just after a reference to an act: from the references read so far
/// (`found`) or the acts named (`mentions`), the one that ends last before
/// the opening mark.
pub(super) fn quoted_act(
    text: &str,
    at: usize,
    found: &[(Range<usize>, Reference)],
    mentions: &[Mention],
) -> Option<Reference> {
    let open = crate::quotation::opened_before(text, at)?;
    let mark = text[open..].chars().next().map_or(0, char::len_utf8);
    if text[open + mark..at].trim().is_empty() {
        return None;
    }
    let lead_from = floor_boundary(text, open.saturating_sub(LEAD));
    let reach = |end: usize| {
        end <= open && end >= lead_from && !text[end..open].contains([';', '”', '»', '“', '«'])
    };
    let from_found = found
        .iter()
        .filter(|(r, x)| reach(r.end) && x.act_type.is_some())
        .max_by_key(|(r, _)| r.end)
        .map(|(r, x)| (r.end, x));
    let from_mentions = mentions
        .iter()
        .filter(|m| reach(m.range.end) && !m.needs_locator && m.r.act_type.is_some())
        .max_by_key(|m| m.range.end)
        .map(|m| (m.range.end, &m.r));
    let (end, mut act) = match (from_found, from_mentions) {
        (Some(a), Some(b)) => {
            if a.0 >= b.0 {
                a
            } else {
                b
            }
        }
        (a, b) => a.or(b)?,
    };
    // "... del d.lgs. 165/2001, come modificato dall'art. 4 del d.lgs.
    // 75/2017, prevede che: “": the amended act, cited before the amending one.
    let amended = found
        .iter()
        .filter(|(r, x)| reach(r.end) && r.end < end && x.act_type.is_some())
        .max_by_key(|(r, _)| r.end)
        .filter(|(r, _)| {
            let last_start = found
                .iter()
                .filter(|(q, _)| q.end == end)
                .map(|(q, _)| q.start)
                .chain(
                    mentions
                        .iter()
                        .filter(|m| m.range.end == end)
                        .map(|m| m.range.start),
                )
                .min()
                .unwrap_or(end);
            r.end <= last_start && AMENDED_BY.is_match(&text[r.end..last_start])
        });
    if let Some((_, x)) = amended {
        act = x;
    }
    Some(Reference {
        article: None,
        paragraph: None,
        letter: None,
        ..act.clone()
    })
}

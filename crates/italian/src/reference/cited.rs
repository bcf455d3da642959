//! Articles cited again. Having named "l'art. 17 del D.Lgs. 36/2023", a
//! drafter goes on with "ai sensi del citato art. 17", "l'art. 64-bis cit.",
//! "il sopra citato articolo 8, comma 2": the article is printed, its act is
//! not, and the word "citato" says that it is the one cited before. Such a
//! locator takes the act of the last reference to the same article read
//! before it; with none, it is dropped
//! (precision first).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::common::grammar;
use super::Reference;
use crate::floor_boundary;

/// "citato", "sopra citato", "già richiamato", "predetto" right before the
/// locator (after its article: "il citato art. 17", "del suddetto articolo 8").
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)\b(?:sopra\s*|sopra-|gi[àa]\s+)?(?:citat[oaie]|richiamat[oaie]|menzionat[oaie]|predett[oaie]|suddett[oaie]|succitat[oaie]|summenzionat[oaie]|medesim[oaie])\s*$")
        .unwrap()
});

/// "cit.", "citato", "sopra citato" right after the locator ("l'art. 64 bis
/// cit.", "l'articolo 8 sopra citato").
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)^\s*,?\s*(?:cit\.|(?:sopra\s*|gi[àa]\s+)?(?:citat[oaie]|richiamat[oaie]|menzionat[oaie])\b)")
        .unwrap()
});

/// Whether the locator over `start..end` of `text` says it was cited before.
pub(super) fn cited_again(text: &str, start: usize, end: usize) -> bool {
    cited_before(text, start) || AFTER.is_match(&text[end..])
}

/// Whether "citato" (or its like) stands right before the locator at
/// `start`: then "del citato art. 17 e dell'art. 192 del TUEL" does not give
/// article 17 to the TUEL.
pub(super) fn cited_before(text: &str, start: usize) -> bool {
    let from = floor_boundary(text, start.saturating_sub(40));
    let head = &text[from..start];
    let head = head.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
    BEFORE.is_match(head)
}

/// The act of the last reference to `article` among those read so far.
pub(super) fn act_of<'a>(
    article: &str,
    found: &'a [(Range<usize>, Reference)],
) -> Option<&'a Reference> {
    found
        .iter()
        .rev()
        .map(|(_, r)| r)
        .find(|r| r.article.as_deref() == Some(article) && r.act_type.is_some())
}

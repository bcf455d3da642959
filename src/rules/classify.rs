//! Classification: which kind of document this is.
//!
//! Each `[[kind]]` rule scores the text by adding the weights of its
//! patterns that match (each pattern counts once). The kind with the highest
//! score wins if it reaches its threshold; otherwise the document is `other`.
//! Weighted patterns rather than one decisive regex, because a PEG sheet or a
//! deliberation from an unseen municipality shares some of the usual words,
//! seldom all of them.

use super::compiled::Kind;
use crate::record::kind::OTHER;

/// The kind of a text, and the rule that gave it (`None` for `other`).
pub fn classify<'k>(text: &str, kinds: &'k [Kind]) -> (String, Option<&'k Kind>) {
    let mut best: Option<(f64, &Kind)> = None;
    for k in kinds {
        let score: f64 = k
            .patterns
            .iter()
            .zip(&k.quick)
            .filter(|((re, _), q)| super::quick::may_match(q.as_ref(), text) && re.is_match(text))
            .map(|((_, w), _)| *w)
            .sum();
        if score >= k.threshold && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, k));
        }
    }
    match best {
        Some((_, k)) => (k.kind.clone(), Some(k)),
        None => (OTHER.to_owned(), None),
    }
}

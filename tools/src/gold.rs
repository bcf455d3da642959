//! How the gold sets' hand-read values are compared with what atti reads,
//! where the comparison is not plain equality. Shared by the gold tests and
//! `cargo bench --bench gold`, so that both count alike.

/// The reference gold files, read by the gold test and the bench alike: the
/// corpus's, then the web batches in the order they were read. A new batch
/// is added here, and becomes [`REFERENCES_NEWEST`].
pub const REFERENCE_FILES: &[&str] = &[
    "gold/references.jsonl",
    "gold/references_train_more.jsonl",
    "gold/references_web.jsonl",
    "gold/references_web_s34.jsonl",
    "gold/references_web_s35.jsonl",
    "gold/references_web_s36.jsonl",
    "gold/references_web_s37.jsonl",
    "gold/references_web_s38.jsonl",
    "gold/references_web_s39.jsonl",
    "gold/references_web_s40.jsonl",
    "gold/references_web_s41.jsonl",
    "gold/references_web_s43.jsonl",
    "gold/references_web_s44.jsonl",
    "gold/references_web_s45.jsonl",
    "gold/references_web_s46.jsonl",
    "gold/references_web_s47.jsonl",
    "gold/references_web_s48.jsonl",
    "gold/references_web_s49.jsonl",
    "gold/references_web_s50.jsonl",
    "gold/references_web_s51.jsonl",
    "gold/references_web_s52.jsonl",
    "gold/references_web_s53.jsonl",
];

/// The newest web batch of references, read blind: the bench prints it
/// apart, as a view of the grammar on bodies not yet seen.
pub const REFERENCES_NEWEST: &str = "gold/references_web_s53.jsonl";

/// A reference as the gold set writes it: act type, number, year, article,
/// paragraph, letter.
pub type RefTuple = [Option<String>; 6];

/// Whether a reference read by atti is the gold one. Every field must be
/// equal, except a gold act type left empty: the annotators leave it empty
/// when no act word is printed ("il citato art. 17", "e in particolare:
/// l'art. 10") and write the number and year of the act the sentence points
/// to (gold/REFERENCES.md), so any act type with that number and year is
/// the reference meant.
pub fn reference_matches(gold: &RefTuple, found: &RefTuple) -> bool {
    let type_ok = gold[0].is_none() || gold[0] == found[0];
    type_ok && gold[1..] == found[1..]
}

/// Where a gold line's `file` is: the repository's own fixtures (a path
/// under `tests/`, e.g. the web acts of tests/fixtures/web) are read from
/// the checkout, every other file from the shared corpus.
pub fn source(root: &std::path::Path, corpus: &std::path::Path, file: &str) -> std::path::PathBuf {
    if file.starts_with("tests/") {
        root.join(file)
    } else {
        corpus.join(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(v: [Option<&str>; 6]) -> RefTuple {
        v.map(|x| x.map(str::to_owned))
    }

    #[test]
    fn an_empty_gold_act_type_matches_any_type_with_the_same_act() {
        let gold = t([None, Some("36"), Some("2023"), Some("17"), None, None]);
        let read = t([
            Some("decreto_legislativo"),
            Some("36"),
            Some("2023"),
            Some("17"),
            None,
            None,
        ]);
        assert!(reference_matches(&gold, &read));
        let other = t([
            Some("decreto_legislativo"),
            Some("50"),
            Some("2016"),
            Some("17"),
            None,
            None,
        ]);
        assert!(!reference_matches(&gold, &other));
        let typed = t([
            Some("legge"),
            Some("36"),
            Some("2023"),
            Some("17"),
            None,
            None,
        ]);
        assert!(!reference_matches(&read, &typed));
    }
}

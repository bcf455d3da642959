//! The nearest valid name to a mistyped one, for error messages that say
//! what to write instead ("`procedur`: did you mean `procedure`?").

/// The candidate closest to `word` by edit distance (case-insensitive), if
/// it is close enough to be a likely typo: at most a third of the word's
/// length, and at least 1.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let w = word.to_lowercase();
    let limit = (w.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (distance(&w, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The message tail for a name not in `valid`: the nearest one when there
/// is one, and the valid choices.
pub fn suggest<'a>(word: &str, valid: &[&'a str]) -> String {
    let list = valid.join(", ");
    match nearest(word, valid.iter().copied()) {
        Some(n) => format!("did you mean `{n}`? (valid: {list})"),
        None => format!("valid: {list}"),
    }
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_finds_its_name_and_a_stranger_finds_none() {
        let names = ["procedure", "act_number", "subject"];
        assert_eq!(nearest("procedur", names), Some("procedure"));
        assert_eq!(nearest("Subjcet", names), Some("subject"));
        assert_eq!(nearest("zzzzzzzz", names), None);
        assert!(suggest("procedur", &names).starts_with("did you mean `procedure`?"));
    }
}

//! Ranges of partitions: "artt. da 182 a 185", "commi da 1 a 6", "commi
//! 8-9", "lettere da a) ad f-bis)". A range stands for every item it spans,
//! so it is read as the list it abbreviates (one reference per item). A range
//! that ends on a suffixed item ("da 1 a 3-bis") includes the plain items up
//! to its number and then the suffixed one. Ranges are capped: a misread
//! "da 1 a 9000" must not flood the output.

use std::sync::LazyLock;

use regex::Regex;

use super::common::grammar;

use super::common::{norm_letter, norm_num, SUFFIX};

/// The longest range expanded; a longer one is read as its two ends.
const MAX_SPAN: u32 = 200;

/// One item of a number list: a number with its suffix, or a range of them.
pub(super) fn num_item() -> String {
    let num = format!(r"\d+(?:[\s/–-]*(?:{SUFFIX})\b)?");
    format!(
        r"(?:da\s+{num}\s+(?:a|al)\s+{num}|{num}(?:\s*[-–]\s*\d+\b(?:[\s–-]*(?:{SUFFIX})\b)?){{0,5}})"
    )
}

/// One item of a paragraph list: also a Roman numeral ("comma IV").
pub(super) fn par_item() -> String {
    format!(r"(?:{}|(?-i:[IVX]{{1,4}})\b)", num_item())
}

/// One item of a letter list: a letter with its suffix, or a range of them.
pub(super) fn letter_item() -> String {
    let letter = format!(r"[a-z]{{1,2}}(?:-?(?:{SUFFIX}))?");
    format!(r"(?:da\s+{letter}\)?\s+(?:a|ad|alla)\s+{letter}|{letter})")
}

static NUM_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    grammar(&format!(
        r"(?i)^(?:da\s+)?(?P<a>\d+)\s*(?:\s(?:a|al)\s|[-–])\s*(?P<b>\d+)(?P<suf>[\s–-]*(?:{SUFFIX}))?$"
    ))
    .unwrap()
});

static LETTER_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    grammar(&format!(
        r"(?i)^da\s+(?P<a>[a-z])\)?\s+(?:a|ad|alla)\s+(?P<b>[a-z])(?P<suf>-?(?:{SUFFIX}))?\)?$"
    ))
    .unwrap()
});

/// Three or more numbers joined by hyphens, "commi 1-3-6": a list, not a
/// range (a range has two ends).
static NUM_CHAIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+(?:\s*[-–]\s*\d+){2,}$").unwrap());

/// The values an item of a list stands for: itself, every item of its
/// range, or every number of a hyphenated chain.
pub(super) fn expand(item: &str) -> Vec<String> {
    let item = item.trim();
    if NUM_CHAIN.is_match(item) {
        return item
            .split(['-', '–'])
            .map(|n| n.trim().to_string())
            .collect();
    }
    if let Some(c) = NUM_RANGE.captures(item) {
        let (Ok(a), Ok(b)) = (c["a"].parse::<u32>(), c["b"].parse::<u32>()) else {
            return vec![item.to_string()];
        };
        if a < b && b - a <= MAX_SPAN {
            let mut out: Vec<String> = (a..=b).map(|n| n.to_string()).collect();
            if let Some(s) = c.name("suf") {
                out.push(norm_num(&format!("{b}{}", s.as_str())));
            }
            return out;
        }
    }
    if let Some(c) = LETTER_RANGE.captures(item) {
        let (a, b) = (c["a"].to_lowercase(), c["b"].to_lowercase());
        if let (Some(a), Some(b)) = (a.chars().next(), b.chars().next()) {
            if a < b {
                let mut out: Vec<String> = (a..=b).map(|l| l.to_string()).collect();
                if let Some(s) = c.name("suf") {
                    out.push(norm_letter(&format!(
                        "{b}-{}",
                        s.as_str().trim_start_matches('-')
                    )));
                }
                return out;
            }
        }
    }
    vec![item.to_string()]
}

#[cfg(test)]
mod tests {
    use super::expand;

    #[test]
    fn number_ranges_expand_to_every_item() {
        assert_eq!(expand("da 1 a 6"), ["1", "2", "3", "4", "5", "6"]);
        assert_eq!(expand("da 182 a 185"), ["182", "183", "184", "185"]);
        assert_eq!(expand("8-9"), ["8", "9"]);
        assert_eq!(expand("da 1 a 3-bis"), ["1", "2", "3", "3-bis"]);
        assert_eq!(expand("6-bis"), ["6-bis"]);
        assert_eq!(expand("14"), ["14"]);
        assert_eq!(expand("1-3-6"), ["1", "3", "6"]);
        assert_eq!(expand("2 - 5 - 7 - 9"), ["2", "5", "7", "9"]);
    }

    #[test]
    fn letter_ranges_expand_to_every_letter() {
        assert_eq!(
            expand("da a) ad f-bis"),
            ["a", "b", "c", "d", "e", "f", "f-bis"]
        );
        assert_eq!(expand("da b) a d"), ["b", "c", "d"]);
    }

    #[test]
    fn a_range_backwards_or_too_long_is_not_expanded() {
        assert_eq!(expand("9-3"), ["9-3"]);
        assert_eq!(expand("da 1 a 9000"), ["da 1 a 9000"]);
    }
}

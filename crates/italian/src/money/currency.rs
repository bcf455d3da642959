//! What every sum of euro shares, whoever reads it: the currency as acts
//! and their transcripts print it, and the count that stands before a
//! scale in words (`un milione`, `tre milioni`, `un milione e mezzo`).
//!
//! The currency is the sign (`€`, also glued to `uro` as `€uro`), the word
//! in its cases and short forms (`euro`, `Euro`, `EURO`, `EUR`, `Eur`,
//! `eur`) and the sign as a wrong code page mangles it (`¤`, `â‚¬`). A word
//! that only begins like it (`Europa`, `europeo`, `eurozona`) is no
//! currency. [`super::amount`] and [`super::scaled`] both build their
//! patterns on it, so that a sum written in figures and one written with
//! its scale in words are found beside the same currencies.

use crate::numwords;

/// The currency as a whole word or sign.
pub(super) const CURRENCY: &str =
    r"(?:€[ \t]?(?:uro|URO)\b|€|¤|â‚¬|\bEUR\b|\b[Ee]uro\b|\bEURO\b|\b[Ee]ur\b)";

/// The currency before a figure, which may be glued to it (`Euro1.500,00`,
/// `EUR1.500,00`): the word's own end is then no word boundary.
pub(super) const CURRENCY_BEFORE: &str =
    r"(?:€[ \t]?(?:uro|URO)|€|¤|â‚¬|\bEURO|\bEUR|\b[Ee]uro|\b[Ee]ur)";

/// The count before a scale, in words or figures: `un`, `uno`, `una` and
/// `un solo` are one, a number in words is read as such (`tre`,
/// `venticinque`), digits as a whole number. Anything else is none.
pub(super) fn count(word: &str) -> Option<u64> {
    let w = word.trim();
    if w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    let mut words = w.split_whitespace().map(str::to_lowercase);
    let first = words.next()?;
    let rest: Vec<String> = words.collect();
    let one = matches!(first.as_str(), "un" | "uno" | "una");
    match rest.as_slice() {
        [] if one => Some(1),
        [solo] if one && solo == "solo" => Some(1),
        [] => numwords::whole_number(&first),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn finds(text: &str) -> bool {
        Regex::new(CURRENCY).unwrap().is_match(text)
    }

    #[test]
    fn the_currency_in_the_forms_acts_print() {
        for t in [
            "mille euro",
            "Euro 1.500",
            "EURO 3",
            "EUR 500",
            "Eur. 20",
            "la somma in eur",
            "€ 12",
            "12€",
            "€uro 40",
            "una spesa di ¤ 300",
            "â‚¬ 45,00",
        ] {
            assert!(finds(t), "{t}");
        }
    }

    #[test]
    fn words_that_only_begin_like_it_are_no_currency() {
        for t in [
            "il Fondo europeo di sviluppo",
            "la Banca centrale Europea",
            "in eurozona",
            "Eurostat",
            "Europa 2020",
        ] {
            assert!(!finds(t), "{t}");
        }
    }

    #[test]
    fn the_currency_glued_before_a_figure() {
        let before = Regex::new(&format!(r"{CURRENCY_BEFORE}\d")).unwrap();
        assert!(before.is_match("Euro1.500,00"));
        assert!(before.is_match("EUR1.500,00"));
        assert!(!before.is_match("neuro2"));
    }

    #[test]
    fn counts_before_a_scale() {
        assert_eq!(count("un"), Some(1));
        assert_eq!(count("Una"), Some(1));
        assert_eq!(count("un solo"), Some(1));
        assert_eq!(count("tre"), Some(3));
        assert_eq!(count("venticinque"), Some(25));
        assert_eq!(count("12"), Some(12));
        assert_eq!(count("undici"), Some(11));
        assert_eq!(count("unico"), None);
        assert_eq!(count("un altro"), None);
        assert_eq!(count("alcuni"), None);
    }
}

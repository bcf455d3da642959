//! Sums written with their scale in words: `mila`, `milioni`, `miliardi`.
//!
//! Newspapers and the narrative parts of acts write large sums half in
//! figures and half in words, the scales chained from the largest down:
//! `2 milioni 336 mila euro`, `3milioni 660mila euro`, `28milioni 883mila
//! 756,56 euro`, `un milione e 200 mila euro`, `cinque milioni e
//! novecentocinquantamila euro`; a number in words before `mila` (`Seicento
//! mila euro`); halves (`mezzo milione di euro`, `un milione e mezzo di
//! euro`); thousands and then hundreds joined by `e` (`6mila e 200 euro`,
//! `2 mila e 500 euro`).
//!
//! A figure with its scale and no currency (`300 mila`, `14,8 milioni`) is
//! not read here: it is a sum only as an item of a list whose currency
//! another item prints, and only when what follows it goes on with the
//! item, not a noun that makes it a count (`40 mila persone`); that is
//! `super::bare`'s.

use std::ops::Range;
use std::sync::LazyLock;

// Searched skipping ahead on the fast automaton (see `crate::skip`).
use crate::skip::SkipRegex as Regex;

use super::currency::{count, CURRENCY};
use super::figure::{figure, glued_before, times};
use super::Euro;
use crate::numwords;

/// A number in figures (with decimals for the largest scale) or in words.
const TERM: &str = r"\d{1,3}(?:,\d{1,3})?|[a-zàèéìòù]{2,}";

/// Two or three scales chained before the currency: `2 milioni 336 mila
/// euro`, `28milioni 883mila 756,56 euro`, `cinque milioni e
/// novecentocinquantamila euro`.
static CHAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<a>{TERM})[ \t]?(?P<am>milion[ei]|miliard[oi])(?:[ \t]+e)?[ \t]+(?P<b>\d{{1,3}}|[a-zàèéìòù]{{3,}})(?:[ \t]?(?P<bm>mila))?(?:[ \t]+(?P<c>\d{{1,3}}(?:,\d{{1,2}})?))?[ \t]+(?:di[ \t]+)?{CURRENCY}"
    ))
    .expect("valid regex")
});
/// A number in words, then `mila` apart, then the currency: `Seicento mila
/// euro`.
static WORDS_MILA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<w>[a-zàèéìòù]{{3,}})[ \t]+mila[ \t]+{CURRENCY}"
    ))
    .expect("valid regex")
});
/// Thousands and then the hundreds below them, joined by `e`: `6mila e
/// 200 euro`, `2 mila e 500,50 euro` (a sum, not two).
static MILA_AND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<a>\d{{1,3}})[ \t]?mila[ \t]+e[ \t]+(?P<b>\d{{1,3}}(?:,\d{{2}})?)[ \t]+(?:di[ \t]+)?{CURRENCY}"
    ))
    .expect("valid regex")
});
/// Halves of a million: `mezzo milione di euro`, `un milione e mezzo di
/// euro`.
static HALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?P<half>mezzo)[ \t]+milione|(?P<one>un|\d{{1,3}})[ \t]+milion[ei][ \t]+e[ \t]+mezzo)[ \t]+di[ \t]+{CURRENCY}"
    ))
    .expect("valid regex")
});
/// The sums of [`CHAIN`], [`WORDS_MILA`], [`MILA_AND`] and [`HALF`] in
/// `text`: value and byte range.
pub(super) fn scaled_amounts(text: &str) -> Vec<(Euro, Range<usize>)> {
    let mut out = Vec::new();
    for c in CHAIN.captures_iter(text) {
        let all = c.get(0).unwrap();
        if glued_before(text, all.start()) {
            continue;
        }
        let a = c.name("a").unwrap().as_str();
        let b = c.name("b").unwrap().as_str();
        let high = term(a)
            .and_then(|a| times(a, Some(c.name("am").unwrap().as_str())))
            .map(Euro::cents);
        let low = if c.name("bm").is_some() {
            b.parse::<i64>().ok().map(|b| b * 100_000)
        } else if b.bytes().all(|x| x.is_ascii_digit()) {
            // `3 milioni 200 euro` is no chain: a scale needs its `mila`.
            None
        } else {
            numwords::whole_number(b).map(|v| v as i64 * 100)
        };
        let units = match c.name("c") {
            Some(u) if c.name("bm").is_some() => figure(u.as_str()).map(|e| e.cents()),
            Some(_) => None,
            None => Some(0),
        };
        if let (Some(h), Some(l), Some(u)) = (high, low, units) {
            out.push((Euro::from_cents(h + l + u), all.range()));
        }
    }
    for c in WORDS_MILA.captures_iter(text) {
        let all = c.get(0).unwrap();
        let v = numwords::whole_number(c.name("w").unwrap().as_str())
            .filter(|v| (2..1000).contains(v))
            .and_then(|v| Euro::new(v as i64 * 1000, 0));
        if let Some(v) = v {
            out.push((v, all.range()));
        }
    }
    for c in MILA_AND.captures_iter(text) {
        let all = c.get(0).unwrap();
        if glued_before(text, all.start()) {
            continue;
        }
        let high = c.name("a").unwrap().as_str().parse::<i64>().ok();
        let low = figure(c.name("b").unwrap().as_str()).map(Euro::cents);
        if let (Some(h), Some(l)) = (high, low) {
            out.push((Euro::from_cents(h * 100_000 + l), all.range()));
        }
    }
    for c in HALF.captures_iter(text) {
        let all = c.get(0).unwrap();
        let v = match (c.name("half"), c.name("one")) {
            (Some(_), _) => Euro::new(500_000, 0),
            (_, Some(n)) => {
                count(n.as_str()).and_then(|n| Euro::new(n as i64 * 1_000_000 + 500_000, 0))
            }
            _ => None,
        };
        if let Some(v) = v {
            out.push((v, all.range()));
        }
    }
    out
}

/// A number in figures or in words.
fn term(s: &str) -> Option<Euro> {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        figure(s)
    } else {
        count(s).and_then(|v| Euro::new(v as i64, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::super::find_amounts;

    fn values(text: &str) -> Vec<String> {
        find_amounts(text)
            .into_iter()
            .map(|a| a.value.to_string())
            .collect()
    }

    #[test]
    fn scales_chained_in_figures_and_words() {
        assert_eq!(
            values("una base di 2 milioni 336 mila euro"),
            ["2336000.00"]
        );
        assert_eq!(
            values("acquistare per 3milioni 660mila euro (IVA compresa)"),
            ["3660000.00"]
        );
        assert_eq!(
            values("il totale è 28milioni 883mila 756,56 euro."),
            ["28883756.56"]
        );
        assert_eq!(values("un milione e 200 mila euro"), ["1200000.00"]);
        assert_eq!(
            values("altri cinque milioni e novecentocinquantamila euro agli idonei"),
            ["5950000.00"]
        );
        assert_eq!(
            values("Seicento mila euro saranno ripartiti"),
            ["600000.00"]
        );
        assert_eq!(values("borse per mezzo milione di euro"), ["500000.00"]);
        assert_eq!(values("un milione e mezzo di euro"), ["1500000.00"]);
        assert_eq!(
            values("mille euro per il Natale e 6mila e 200 euro per le altre attività"),
            ["1000.00", "6200.00"]
        );
        assert_eq!(values("una spesa di 2 mila e 500,50 euro"), ["2500.50"]);
    }

    #[test]
    fn a_scaled_figure_without_its_currency_is_no_sum() {
        assert_eq!(
            values("Ai lavori 600 mila euro: 300 mila al turismo."),
            ["600000.00"]
        );
        assert_eq!(
            values("per 42 mila abitanti la spesa è di 80 mila euro"),
            ["80000.00"]
        );
    }
}

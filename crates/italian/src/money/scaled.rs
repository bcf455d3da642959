//! Sums written with their scale in words: `mila`, `milioni`, `miliardi`.
//!
//! Newspapers and the narrative parts of acts write large sums half in
//! figures and half in words, the scales chained from the largest down:
//! `2 milioni 336 mila euro`, `3milioni 660mila euro`, `28milioni 883mila
//! 756,56 euro`, `un milione e 200 mila euro`, `cinque milioni e
//! novecentocinquantamila euro`; a number in words before `mila` (`Seicento
//! mila euro`); halves (`mezzo milione di euro`, `un milione e mezzo di
//! euro`).
//!
//! A figure with its scale and no currency (`300 mila`, `15mila`, `14,8
//! milioni`) is a sum too when its sentence prints another sum of the same
//! scale with the currency, before or after it: `Seicento mila euro saranno
//! ripartiti: 300 mila andranno alle imprese`, `oltre 2,1 milioni di euro,
//! per un totale di circa 14,8 milioni`. Never a count (`42 mila abitanti`,
//! `2 milioni di visitatori`) nor across a full stop.

use std::ops::Range;
use std::sync::LazyLock;

// Searched skipping ahead on the fast automaton (see `crate::skip`).
use crate::skip::SkipRegex as Regex;

use super::figure::{figure, glued_before};
use super::Euro;
use crate::numwords;

const CURRENCY: &str = r"(?:€|\b[Ee]uro\b|\bEURO\b|\bEUR\b)";
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
/// Halves of a million: `mezzo milione di euro`, `un milione e mezzo di
/// euro`.
static HALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?P<half>mezzo)[ \t]+milione|(?P<one>un|\d{{1,3}})[ \t]+milion[ei][ \t]+e[ \t]+mezzo)[ \t]+di[ \t]+{CURRENCY}"
    ))
    .expect("valid regex")
});
/// A figure and its scale, with or without the currency after it.
static SCALED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?P<n>\d{{1,3}}(?:,\d{{1,3}})?)[ \t]?(?P<m>mila|milion[ei]|miliard[oi])\b(?P<cur>[ \t]+(?:di[ \t]+)?{CURRENCY})?"
    ))
    .expect("valid regex")
});
/// Words after a scaled figure that make it a count, not a sum.
static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[ \t]*(?:di\b|d['’]|abitanti|residenti|persone|utenti|visitatori|studenti|famiglie|posti|pasti|copie|voti|metri|tonnellate|litri|ore|km|mq|%)",
    )
    .expect("valid regex")
});

/// The sums of [`CHAIN`], [`WORDS_MILA`] and [`HALF`] in `text`: value and
/// byte range.
pub(super) fn scaled_amounts(text: &str) -> Vec<(Euro, Range<usize>)> {
    let mut out = Vec::new();
    for c in CHAIN.captures_iter(text) {
        let all = c.get(0).unwrap();
        if glued_before(text, all.start()) {
            continue;
        }
        let scale = |m: &str| -> i64 {
            if m.to_lowercase().starts_with("milion") {
                1_000_000
            } else {
                1_000_000_000
            }
        };
        let a = c.name("a").unwrap().as_str();
        let b = c.name("b").unwrap().as_str();
        let high =
            term(a).and_then(|a| a.cents().checked_mul(scale(c.name("am").unwrap().as_str())));
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
    for c in HALF.captures_iter(text) {
        let all = c.get(0).unwrap();
        let v = match (c.name("half"), c.name("one")) {
            (Some(_), _) => Euro::new(500_000, 0),
            (_, Some(n)) => {
                let n = if n.as_str().eq_ignore_ascii_case("un") {
                    Some(1)
                } else {
                    n.as_str().parse::<i64>().ok()
                };
                n.and_then(|n| Euro::new(n * 1_000_000 + 500_000, 0))
            }
            _ => None,
        };
        if let Some(v) = v {
            out.push((v, all.range()));
        }
    }
    out
}

/// Scaled figures without a currency whose sentence prints a sum of the
/// same scale with it: `found` are the sums already read, as their byte
/// ranges (their own figures are skipped; they are the neighbours).
pub(super) fn borrowed_amounts(text: &str, found: &[Range<usize>]) -> Vec<(Euro, Range<usize>)> {
    let mut out = Vec::new();
    for c in SCALED.captures_iter(text) {
        let whole = c.get(0).unwrap();
        if c.name("cur").is_some()
            || glued_before(text, whole.start())
            || found
                .iter()
                .any(|r| r.start < whole.end() && whole.start() < r.end)
            || COUNTED.is_match(&text[whole.end()..])
        {
            continue;
        }
        let m = c.name("m").unwrap().as_str().to_lowercase();
        let stem = if m.starts_with("mila") {
            "mila"
        } else if m.starts_with("milion") {
            "milion"
        } else {
            "miliard"
        };
        let neighbour = found.iter().any(|r| {
            text.get(r.clone())
                .is_some_and(|t| t.to_lowercase().contains(stem))
                && one_sentence(text, whole.start(), r.start)
        });
        if !neighbour {
            continue;
        }
        let factor: i64 = match stem {
            "mila" => 1000,
            "milion" => 1_000_000,
            _ => 1_000_000_000,
        };
        let v = figure(c.name("n").unwrap().as_str())
            .and_then(|v| v.cents().checked_mul(factor))
            .map(Euro::from_cents);
        if let Some(v) = v {
            out.push((v, c.name("n").unwrap().start()..c.name("m").unwrap().end()));
        }
    }
    out
}

/// A number in figures or in words.
fn term(s: &str) -> Option<Euro> {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        figure(s)
    } else if s.eq_ignore_ascii_case("un") {
        Euro::new(1, 0)
    } else {
        numwords::whole_number(s).and_then(|v| Euro::new(v as i64, 0))
    }
}

/// Whether two places of the text are in one sentence, near each other:
/// no full stop (one that ends a sentence: a stop before a blank or the
/// end), blank line or closing bracket between them, at most 200 bytes
/// apart.
fn one_sentence(text: &str, a: usize, b: usize) -> bool {
    let (from, to) = if a < b { (a, b) } else { (b, a) };
    if to - from > 200 {
        return false;
    }
    let Some(between) = text.get(from..to) else {
        return false;
    };
    !between.contains("\n\n")
        && !between
            .char_indices()
            .any(|(i, ch)| ch == '.' && between[i + 1..].starts_with([' ', '\n', '\t']))
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
    }

    #[test]
    fn scaled_figures_take_the_currency_of_their_sentence() {
        assert_eq!(
            values("Ai lavori 600 mila euro: 300 mila al turismo, 165 mila alla formazione."),
            ["600000.00", "300000.00", "165000.00"]
        );
        assert_eq!(
            values("la base è di 2,1 milioni di euro, per un totale di circa 14,8 milioni, con proroga"),
            ["2100000.00", "14800000.00"]
        );
        assert_eq!(
            values("il fondo aveva 300mila euro, ma ne sono stati spesi solo 15mila"),
            ["300000.00", "15000.00"]
        );
        // Counts, and figures of another sentence, are not sums.
        assert_eq!(
            values("per 42 mila abitanti la spesa è di 80 mila euro"),
            ["80000.00"]
        );
        assert_eq!(values("Sono 300 mila. Poi 80 mila euro"), ["80000.00"]);
    }
}

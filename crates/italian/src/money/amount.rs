//! Every sum of euro in a running text, as Italian acts print it.
//!
//! A sum is a figure beside a currency word, before it (`€ 1.234,56`,
//! `€. 1.000`, `Euro 1.234,56`, `EUR 500`) or after it (`1.234,56 euro`,
//! `37.206.00 €`, `60€`), or a number in words after the currency (`euro
//! diecimila/00`, `Euro milleduecento/00`) or before it with a multiplier
//! (`3 milioni di euro`, `un milione di euro`, `140mila euro`), or with a
//! multiplier whose currency the next sum of its clause prints (`2,2
//! milioni per il 2020 e 3 milioni di euro`). Whitespace between the parts
//! may be a line break, or a blank line a transcript puts between them: a
//! figure split over two lines is one sum. The sign as text extraction
//! mangles it counts (`¤` and `â‚¬` for a `€` read in the wrong code page,
//! a capital `E` before a figure with cents: `E 211.465,93`), and so do
//! `Eur.`, a colon after the sign (`Euro: 1.500,00`) and thousands grouped
//! by spaces (`€ 1 234,56`). The words
//! a sum repeats in brackets (`€ 1.234,56 (milleduecentotrentaquattro/56)`)
//! are the same sum, not another.
//!
//! The figure is read by its separators ([`super::figure`]).
//! Figures printed without a currency that are sums all the same are found
//! by [`super::bare`]; scales chained in words (`2 milioni 336 mila euro`)
//! by [`super::scaled`].

use std::ops::Range;
use std::sync::LazyLock;

// Searched skipping ahead on the fast automaton (see `crate::skip`).
use crate::skip::SkipRegex as Regex;

use super::currency::{count, CURRENCY, CURRENCY_BEFORE};
pub use super::figure::figure;
use super::figure::{glued, glued_before, times, STRAY};
use super::Euro;
use crate::numwords;

/// One sum found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundAmount {
    pub value: Euro,
    /// The sum as printed, whitespace collapsed.
    pub raw: String,
    /// Byte range of the sum in the text.
    pub range: Range<usize>,
}

const FIGURE: &str = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?";
/// Blanks between the currency and the figure: spaces, tabs, no-break
/// and zero-width spaces (word processors put them after `€`).
const GAP: &str = "[ \\t\\u{A0}\\u{202F}\\u{200B}\\u{2060}\\u{FEFF}]*";
/// Up to two line breaks, blanks around them, between the sign and its
/// figure (a transcript's blank line inside a wrapped sentence).
const BREAKS: &str = "(?:\\r?\\n[ \\t\\u{A0}\\u{202F}\\u{200B}\\u{2060}\\u{FEFF}]*){0,2}";
/// Thousands grouped by spaces, with cents: `1 234,56`.
const SPACED: &str = r"\b\d{1,3}(?:[ \u{A0}\u{202F}]\d{3})+(?:,\d{2})?\b";

/// A price per unit puts its unit between the sign and the figure
/// (`€/ton 128,00`, `€/mq 35,00`).
const PER_UNIT: &str = r"(?:[ \t]*/[ \t]*[A-Za-z]{1,6}\.?)?";

static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{CURRENCY_BEFORE}[.:]?{PER_UNIT}{GAP}{BREAKS}(?P<n>{SPACED}|{STRAY}|{FIGURE})(?P<m>\s+(?:milion[ei]|miliard[oi]))?"
    ))
    .expect("valid regex")
});
/// A capital `E` standing for the sign (a transcript that lost the `€`),
/// only before a figure with cents: `E 211.465,93`, `E. 500,00`.
static E_SIGN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bE\.?[ \t\u{A0}]?(?P<n>\d{1,3}(?:\.\d{3})*,\d{2}|\d+,\d{2})")
        .expect("valid regex")
});
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<n>{SPACED}|{STRAY}|{FIGURE})(?P<m>\s+(?:milion[ei]|miliard[oi])\s+di)?{GAP}(?:\r?\n{GAP})?{CURRENCY}"
    ))
    .expect("valid regex")
});
/// Billions and millions together: `6 miliardi e 450 milioni di euro`.
static COMPOUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<a>\d{{1,3}})\s+miliard[oi]\s+e\s+(?P<b>\d{{1,3}})\s+milion[ei]\s+di\s+{CURRENCY}"
    ))
    .expect("valid regex")
});
/// Thousands written `mila` after the figure: `140mila euro`, `€ 140mila`.
static MILA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{CURRENCY}\.?{GAP}(?P<a>\d{{1,3}})[ \t]?mila\b|\b(?P<b>\d{{1,3}})[ \t]?mila{GAP}{CURRENCY})"
    ))
    .expect("valid regex")
});
/// A figure with its multiplier and no currency (`2,2 milioni`), which
/// takes the currency of the next sum of its clause when that one prints
/// it after the same multiplier (`2,2 milioni per il 2020 e 3 milioni di
/// euro per il 2021`); never millions of something else (`3 milioni di
/// abitanti`).
static MULTIPLIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<n>{FIGURE})\s+(?P<m>milion[ei]|miliard[oi])\b"
    ))
    .expect("valid regex")
});
static MULTIPLIED_EURO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[^;:.]{{0,100}}?\b(?:milion[ei]|miliard[oi])\s+di\s+{CURRENCY}"
    ))
    .expect("valid regex")
});
static WORDS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{CURRENCY}\.?\s+(?P<w>[A-Za-zàèéìòùÀÈÉÌÒÙ]+(?:[ \t]+[A-Za-zàèéìòùÀÈÉÌÒÙ]+){{0,3}})(?:\s*/\s*(?P<c>\d{{2}}))?"
    ))
    .expect("valid regex")
});
/// Cents in words after a whole sum: `e 75 centesimi`, `e centesimi 75`,
/// `e cent. 75`.
static SPOKEN_CENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \t]+e[ \t]+(?:(?P<a>\d{1,2})[ \t]+centesimi\b|cent(?:esimi|\.)?[ \t]*(?P<b>\d{1,2})\b)",
    )
    .expect("valid regex")
});
/// A number in words before the currency: `mille euro`, `diecimila
/// euro`, `cinquecento euro`.
static WORDS_EURO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<w>[a-zàèéìòù]{3,})[ \t]+(?:euro|€)(?:\b|[ \t]|$)").expect("valid regex")
});
static WORDS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<w>un|un\s+solo|[a-zàèéìòù]+)\s+(?P<m>milion[ei]|miliard[oi])\s+di\s+{CURRENCY}"
    ))
    .expect("valid regex")
});

/// Every sum of euro in `text`, in reading order, none overlapping.
pub fn find_amounts(text: &str) -> Vec<FoundAmount> {
    let mut out: Vec<FoundAmount> = Vec::new();
    let push = |out: &mut Vec<FoundAmount>, value: Option<Euro>, range: Range<usize>| {
        let Some(value) = value else { return };
        if out
            .iter()
            .any(|a| a.range.start < range.end && range.start < a.range.end)
        {
            return;
        }
        out.push(FoundAmount {
            value,
            raw: crate::squash(&text[range.clone()]),
            range,
        });
    };
    for c in COMPOUND.captures_iter(text) {
        let n = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<i64>().ok());
        let v = n("a")
            .zip(n("b"))
            .and_then(|(a, b)| Euro::new(a * 1_000_000_000 + b * 1_000_000, 0));
        push(&mut out, v, c.get(0).unwrap().range());
    }
    // Scales chained in figures and words (`2 milioni 336 mila euro`).
    for (v, r) in super::scaled::scaled_amounts(text) {
        push(&mut out, Some(v), r);
    }
    for c in BEFORE.captures_iter(text) {
        let (all, n) = (c.get(0).unwrap(), c.name("n").unwrap());
        if text[n.end()..].starts_with('%') || glued(text, n.end()) || mila_after(text, n.end()) {
            continue;
        }
        // Across a blank line, after a colon on another line, or at the
        // head of a row of figures on the next line, only a figure shaped
        // as money (`600,00`, `1.500`) is the sign's: a header's `in
        // euro:` or a column headed `Euro` over a row `2025 1010 ...` is
        // not a sum.
        let gap = &text[all.start()..n.start()];
        let lines = gap.matches('\n').count();
        let shaped = n.as_str().contains(',') || n.as_str().contains('.');
        let row = text[n.end()..].starts_with([' ', '\t'])
            && text[n.end()..]
                .trim_start_matches([' ', '\t'])
                .starts_with(|c: char| c.is_ascii_digit());
        if (lines >= 2 || (lines == 1 && (gap.contains(':') || row))) && !shaped {
            continue;
        }
        // A sign printed after its figure (`1.830,00 €` at a line's end)
        // is that figure's, not the sign of a bare number on the next line.
        let sign_after_figure = text[..all.start()]
            .trim_end_matches([' ', '\t'])
            .ends_with(|c: char| c.is_ascii_digit());
        if lines >= 1 && sign_after_figure && !shaped {
            continue;
        }
        // A word glued to its figure (`Euro1.500,00`) only before a figure
        // shaped as money: `Euro2020` names a project.
        if gap.ends_with(|c: char| c.is_alphabetic()) && !shaped {
            continue;
        }
        let v = figure(n.as_str()).and_then(|v| times(v, c.name("m").map(|m| m.as_str())));
        let (v, end) = match split_cents(text, n.as_str(), n.end()) {
            Some((cents, end)) if c.name("m").is_none() => {
                (v.map(|v| Euro::from_cents(v.cents() + cents)), end)
            }
            _ => with_spoken_cents(text, n.as_str(), v, all.end()),
        };
        push(&mut out, v, all.start()..stray_cents(text, n.as_str(), end));
    }
    for c in E_SIGN.captures_iter(text) {
        let (all, n) = (c.get(0).unwrap(), c.name("n").unwrap());
        if glued(text, n.end()) || glued_figure_after(text, n.end()) {
            continue;
        }
        push(&mut out, figure(n.as_str()), all.range());
    }
    for c in AFTER.captures_iter(text) {
        let (all, n) = (c.get(0).unwrap(), c.name("n").unwrap());
        if n.start() > 0 && glued_before(text, n.start()) {
            continue;
        }
        let v = figure(n.as_str()).and_then(|v| times(v, c.name("m").map(|m| m.as_str())));
        let (v, end) = with_spoken_cents(text, n.as_str(), v, all.end());
        push(&mut out, v, all.start()..end);
    }
    for c in MILA.captures_iter(text) {
        let n = c.name("a").or_else(|| c.name("b")).unwrap();
        if n.start() > 0 && glued_before(text, n.start()) {
            continue;
        }
        let v = n
            .as_str()
            .parse::<i64>()
            .ok()
            .and_then(|v| Euro::new(v * 1000, 0));
        push(&mut out, v, c.get(0).unwrap().range());
    }
    for c in MULTIPLIED.captures_iter(text) {
        let (all, n) = (c.get(0).unwrap(), c.name("n").unwrap());
        let after = &text[all.end()..];
        // `3 milioni di abitanti`: millions of something else.
        let of = after.trim_start().starts_with("di ") || after.trim_start().starts_with("d'");
        if (n.start() > 0 && glued_before(text, n.start()))
            || of
            || !MULTIPLIED_EURO.is_match(after)
        {
            continue;
        }
        let v = figure(n.as_str()).and_then(|v| times(v, c.name("m").map(|m| m.as_str())));
        push(&mut out, v, all.range());
    }
    for c in WORDS_AFTER.captures_iter(text) {
        let (all, w) = (c.get(0).unwrap(), c.name("w").unwrap());
        // Words in brackets right after a sum repeat it: `€ 8.900,00
        // (euro ottomila novecento/00)`.
        if repeats(text, &out, all.start()) {
            continue;
        }
        // The longest run of words that is a number (`ottomila novecento`),
        // the cents only after all of them.
        let mut parts: Vec<(usize, &str)> = Vec::new();
        let mut i = 0;
        for p in w.as_str().split([' ', '\t']) {
            if !p.is_empty() {
                parts.push((w.start() + i, p));
            }
            i += p.len() + 1;
        }
        let joined = |n: usize| parts[..n].iter().map(|p| p.1).collect::<String>();
        let Some((n, units)) = (1..=parts.len())
            .rev()
            .find_map(|n| numwords::whole_number(&joined(n)).map(|u| (n, u)))
        else {
            continue;
        };
        let (cents, end) = if n == parts.len() {
            let cents = c.name("c").map_or(0, |m| m.as_str().parse().unwrap_or(0));
            (cents, all.end())
        } else {
            (0, parts[n - 1].0 + parts[n - 1].1.len())
        };
        push(&mut out, Euro::new(units as i64, cents), all.start()..end);
    }
    for c in WORDS_BEFORE.captures_iter(text) {
        let all = c.get(0).unwrap();
        let w = c.name("w").unwrap().as_str();
        let v = count(w)
            .and_then(|b| Euro::new(b as i64, 0))
            .and_then(|v| times(v, c.name("m").map(|m| m.as_str())));
        push(&mut out, v, all.range());
    }
    for c in WORDS_EURO.captures_iter(text) {
        let (all, w) = (c.get(0).unwrap(), c.name("w").unwrap());
        // Words in brackets after their figure repeat it: `€ 1.000,00
        // (mille euro)`.
        if repeats(text, &out, all.start()) {
            continue;
        }
        let v = numwords::whole_number(w.as_str()).filter(|v| *v >= 2);
        push(
            &mut out,
            v.and_then(|v| Euro::new(v as i64, 0)),
            all.range(),
        );
    }
    // Figures with no currency that are sums by their form, VAT or column.
    let found: Vec<Range<usize>> = out.iter().map(|a| a.range.clone()).collect();
    for (v, r) in super::bare::bare_amounts(text, &found) {
        push(&mut out, Some(v), r);
    }
    // Words in brackets right after a sum repeat it.
    out.sort_by_key(|a| a.range.start);
    out
}

/// Where a sum ends: after a template's stray `,00` when the figure has
/// its cents already (`€ 9.533,52,00(oltre IVA)` is 9533.52), so that what
/// follows the sum is read from past it.
fn stray_cents(text: &str, figure: &str, end: usize) -> usize {
    let cents = figure.len() > 3 && figure.as_bytes()[figure.len() - 3] == b',';
    let rest = &text[end..];
    if cents
        && rest.starts_with(",00")
        && !rest[3..].starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        end + 3
    } else {
        end
    }
}

/// The cents said in words after a whole figure: `2314 euro e 75
/// centesimi`, `euro 2.314 e centesimi 75`, `e cent. 75`. Returns the sum
/// with them and where it ends.
fn with_spoken_cents(
    text: &str,
    figure: &str,
    v: Option<Euro>,
    end: usize,
) -> (Option<Euro>, usize) {
    let whole = !figure.contains(',')
        && !(figure.contains('.') && figure.rsplit('.').next().is_some_and(|d| d.len() <= 2));
    let Some(v) = v.filter(|_| whole) else {
        return (v, end);
    };
    match SPOKEN_CENTS.captures(&text[end..]) {
        Some(c) => {
            let cents: i64 = c
                .name("a")
                .or_else(|| c.name("b"))
                .and_then(|m| m.as_str().parse().ok())
                .unwrap_or(0);
            (
                Some(Euro::from_cents(v.cents() + cents)),
                end + c.get(0).unwrap().end(),
            )
        }
        None => (Some(v), end),
    }
}

/// The cents of a figure with thousands that a line break parts from them
/// (`€ 1.234,` / `56`): the cents and where they end. Two digits at the
/// next line's start, then a space, a stop or the end, and nothing more.
fn split_cents(text: &str, figure: &str, end: usize) -> Option<(i64, usize)> {
    let thousands = figure.contains('.') && !figure.contains(',');
    let rest = text[end..].strip_prefix(',')?;
    let after_break = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?
        .trim_start_matches([' ', '\t']);
    let digits = after_break.get(..2)?;
    let next = after_break[2..].chars().next();
    let ends = next.is_none_or(|c| c == ' ' || c == ';' || c == ',' || c == '\n' || c == '\r');
    (thousands && digits.bytes().all(|b| b.is_ascii_digit()) && ends).then(|| {
        let at = text.len() - after_break.len() + 2;
        (digits.parse().unwrap_or(0), at)
    })
}

/// Whether `mila` follows a figure (`€ 140mila`, `euro: 300 mila`): the
/// thousands are read by [`MILA`] when the currency stands right beside
/// them, never as the bare figure.
fn mila_after(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches([' ', '\t']);
    rest.get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case("mila"))
        && !rest[4..].starts_with(|c: char| c.is_alphanumeric())
}

/// A figure that runs on past its cents (`1,50.3`): a code, not a sum.
fn glued_figure_after(text: &str, end: usize) -> bool {
    text[end..]
        .strip_prefix(['.', ','])
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether the text before `at` is only an opening bracket right after a
/// sum already found: words that repeat it.
fn repeats(text: &str, found: &[FoundAmount], at: usize) -> bool {
    found.iter().any(|a| {
        a.range.end <= at && {
            let between = text[a.range.end..at].trim();
            let said = between.strip_prefix('(').map(str::trim);
            between.is_empty()
                || said.is_some_and(|w| ["", "pari a", "diconsi", "dicesi"].contains(&w))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        find_amounts(text)
            .into_iter()
            .map(|a| a.value.to_string())
            .collect()
    }

    #[test]
    fn sums_before_and_after_their_currency() {
        assert_eq!(
            values("impegnare la somma di € 1.234,56 sul capitolo 100"),
            ["1234.56"]
        );
        assert_eq!(values("euro 1234,56 e €. 1.000"), ["1234.56", "1000.00"]);
        assert_eq!(values("per 1.234,56 euro IVA inclusa"), ["1234.56"]);
        assert_eq!(values("pari a 37.206.00 € e 60€"), ["37206.00", "60.00"]);
        assert_eq!(values("€1.620,46"), ["1620.46"]);
        assert_eq!(
            values("al prezzo di €/ton 128,00 e € / mq 35"),
            ["128.00", "35.00"]
        );
        assert_eq!(values("il 22% di 100"), Vec::<String>::new());
    }

    #[test]
    fn thousands_set_apart_by_spaces_and_cents_over_a_line() {
        assert_eq!(
            values("di impegnare la somma di € 2 000 a favore"),
            ["2000.00"]
        );
        assert_eq!(values("di accertare 3 500 euro in entrata"), ["3500.00"]);
        assert_eq!(values("per € 12 500,50 complessivi"), ["12500.50"]);
        // A year before a sum is no group of its thousands.
        assert_eq!(values("per il 2024 500 euro"), ["500.00"]);
        assert_eq!(values("€ 500 2024"), ["500.00"]);
        assert_eq!(
            values("di liquidare euro 1.234,\n56 alla ditta"),
            ["1234.56"]
        );
        // A numbered item on the next line is no cents, nor a sum of a
        // sign printed after the figure above it.
        assert_eq!(values("per euro 1.234,\n10) di trasmettere"), ["1234.00"]);
        assert_eq!(values("per 1.830,00 €\n15) di trasmettere"), ["1830.00"]);
        // A stray blank beside a separator: one figure.
        assert_eq!(
            values("di € 1 .234,56 e € 12. 345,00"),
            ["1234.56", "12345.00"]
        );
        assert_eq!(values("€ 12. 345 persone"), ["12.00"]);
    }

    #[test]
    fn a_sum_split_over_a_line_is_one_sum() {
        let a = find_amounts("per un totale di €\n1.620,46 a favore");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].value.to_string(), "1620.46");
        assert_eq!(a[0].raw, "€ 1.620,46");
        assert_eq!(values("l'importo di €.\n1.313.723,95"), ["1313723.95"]);
    }

    #[test]
    fn signs_as_transcripts_print_them() {
        // A capital E for a lost sign, only before a figure with cents.
        assert_eq!(
            values("un avanzo di amministrazione di E 211.465,93  di cui  E 104.786,57 vincolati"),
            ["211465.93", "104786.57"]
        );
        assert!(values("E 12 e la voce E.1.01.00.00.000 Tributi").is_empty());
        // The sign read in the wrong code page.
        assert_eq!(
            values("pari a ¤ 1.500,00 e a â‚¬ 20,00"),
            ["1500.00", "20.00"]
        );
        // An abbreviation, a colon, thousands grouped by spaces.
        assert_eq!(
            values("Importo Eur. 2.000,00; Euro: 1.500,00; € 1 234,56"),
            ["2000.00", "1500.00", "1234.56"]
        );
        // A template's stray decimals after the cents: one sum, its raw
        // taking them in.
        let a = find_amounts("pari a € 9.533,52,00(oltre IVA) pari a € 11.630,89,00 (IVATO)");
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].value.to_string(), "9533.52");
        assert_eq!(a[1].raw, "€ 11.630,89,00");
        // The Lire beside their euro: only the euro is a sum.
        assert_eq!(values("Lire 522.000 (Euro 269,59)"), ["269.59"]);
    }

    #[test]
    fn a_blank_line_between_sign_and_figure() {
        assert_eq!(
            values("sino ad un massimo di €\n\n600,00 per ciascuna frazione"),
            ["600.00"]
        );
        // A header over a row of years is no sum.
        assert!(values("valori in euro:\n2024 2025").is_empty());
        assert!(values("importi in €\n\n2024").is_empty());
    }

    #[test]
    fn invisible_blanks_between_sign_and_figure() {
        // A word processor's zero-width or no-break space after the sign.
        assert_eq!(
            values("pari ad euro \u{200B}10.710.000,00 oltre IVA"),
            ["10710000.00"]
        );
        assert_eq!(values("di € \u{200B}99.087,75"), ["99087.75"]);
        assert_eq!(values("1.500,00\u{A0}€"), ["1500.00"]);
    }

    #[test]
    fn sums_in_words() {
        assert_eq!(values("Euro milleduecento/00"), ["1200.00"]);
        assert_eq!(values("la somma di euro diecimila"), ["10000.00"]);
        assert_eq!(
            values("€ 1.234,56 (milleduecentotrentaquattro/56)"),
            ["1234.56"]
        );
        assert_eq!(values("un milione di euro"), ["1000000.00"]);
        assert_eq!(values("3 milioni di euro"), ["3000000.00"]);
        assert_eq!(values("€ 600 milioni"), ["600000000.00"]);
        assert_eq!(
            values("diminuite di 6 miliardi e 450 milioni di euro"),
            ["6450000000.00"]
        );
        assert_eq!(values("euro a carico del bilancio"), Vec::<String>::new());
        // Words in several pieces, and in brackets after their figure.
        assert_eq!(
            values("la somma di euro ottomila novecento/00"),
            ["8900.00"]
        );
        assert_eq!(
            values("€ 8.900,00 (euro ottomila novecento/00) a favore"),
            ["8900.00"]
        );
        assert_eq!(values("euro diecimila a valere sul capitolo"), ["10000.00"]);
    }

    #[test]
    fn the_sign_spelt_or_glued_as_templates_print_it() {
        assert_eq!(
            values("di impegnare €uro 1.500,00 e Euro2.000,00; 300,00 €URO"),
            ["1500.00", "2000.00", "300.00"]
        );
        // A project's name glued to a year is no sum.
        assert!(values("il progetto Euro2020 e la Banca Centrale Europea").is_empty());
    }

    #[test]
    fn cents_and_numbers_in_words() {
        assert_eq!(
            values("il totale è di 2314 euro e 75 centesimi"),
            ["2314.75"]
        );
        assert_eq!(values("per euro 1.200 e centesimi 5, a saldo"), ["1200.05"]);
        assert_eq!(
            values("una spesa di circa mille euro; un premio di diecimila €"),
            ["1000.00", "10000.00"]
        );
        // Words repeating their figure, and `un euro`, are no other sum.
        assert_eq!(values("€ 1.000,00 (mille euro)"), ["1000.00"]);
        assert_eq!(values("€ 900,00 (diconsi euro novecento/00)"), ["900.00"]);
        assert!(values("un euro e l'area euro").is_empty());
    }

    #[test]
    fn thousands_and_millions_written_short() {
        assert_eq!(values("un premio di 140mila euro"), ["140000.00"]);
        assert_eq!(values("€ 25mila e 140 mila€"), ["25000.00", "140000.00"]);
        // The currency of the next sum of the clause, after its multiplier.
        assert_eq!(
            values(
                "non superiori a 2,2 milioni per l'anno 2020, ed a 3 milioni di\neuro per ciascuno"
            ),
            ["2200000.00", "3000000.00"]
        );
        // Millions of something else, or no euro in the clause: not sums.
        assert!(values("3 milioni di abitanti e 2 milioni di euro").len() == 1);
        assert!(values("2 milioni di visitatori; 3 milioni di euro").len() == 1);
        assert!(values("oltre 2 milioni. Poi 3 milioni di euro").len() == 1);
    }
}

//! Figures printed with no currency word that are sums all the same.
//!
//! Acts drop the `€` where the figure's form, its sentence or its column
//! already says money:
//! - a figure with grouped thousands and two decimals, the way Italian
//!   prints an amount of euro, in a clause that speaks of money (`di cui
//!   2.000.000,00 a valere sul capitolo`, `importo inferiore alla soglia di
//!   40.000,00`); a row of a calculation with no such word (`Stanziamento
//!   ... 3.775.443,42`) is left to the column rule below;
//! - a figure followed by its VAT (`pari ad 10.000, oltre IVA`, `1.830,00
//!   IVA inclusa`, `500 + IVA`);
//! - a figure with grouped thousands listed beside a sum of euro in the
//!   same sentence, the currency written once for the list (`X 915 euro;
//!   Y 10.420; Z 5.600`, `441.428 euro per il 2020, 746.607 per il 2021`,
//!   `25.000 euro, di cui 18.594 per i lavori`): a figure followed by a
//!   noun (`1.200 abitanti`) is a count, not a sum;
//! - a figure with two decimals in a column headed `Importo` or a budget's
//!   `Stanziamento`, `Competenza`, `Cassa`, `Imponibile` (the impegno
//!   and liquidazione tables of the accounting attestation: `Numero Liquid.
//!   Importo Liquidazione Esercizio` / `320 180,00 2026`).
//!
//! A figure followed by a unit (`%`, `mq`, `kg`, `ore`...) or preceded by
//! another currency (`$`, `USD`) is not a sum of euro.

use std::ops::Range;
use std::sync::LazyLock;

// Searched skipping ahead on the fast automaton (see `crate::skip`).
use crate::skip::SkipRegex as Regex;

use super::figure::{figure, glued, glued_before};
use super::Euro;

/// Thousands grouped by dots, two decimals after a comma.
static GROUPED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,3}(?:\.\d{3})+,\d{2}").expect("valid regex"));
/// A word of the clause before a grouped figure that makes it money.
static MONEY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:import[oi]|somm[ae]|di[ \t\r\n]+cui|sogli[ae]|compens[oi]|corrispettiv[oi]|prezz[oi]|cost[oi]|valore|pari[ \t\r\n]+ad?)\b",
    )
    .expect("valid regex")
});
/// How far back a grouped figure's clause is read for a money word.
const CLAUSE_BACK: usize = 200;
/// A figure and its VAT: `10.000, oltre IVA`, `1.830,00 IVA inclusa`.
static WITH_VAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<n>\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)[ \t]*,?[ \t\r\n]*(?:(?:oltre(?:[ \t\r\n]+(?:ad|a|l['’]))?|più|\+)[ \t\r\n]*I\.?V\.?A\b|I\.?V\.?A\.?[ \t\r\n]+(?:inclusa|esclusa|compresa|inclusiva)\b)",
    )
    .expect("valid regex")
});
/// A figure with two decimals, as a column of amounts prints it.
static DECIMAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,3}(?:\.\d{3})*,\d{2}|\d+,\d{2}").expect("valid regex"));
/// A variation's signed figure, thousands grouped and no decimals, as a
/// column of amounts prints it (`-18.750`, `+ 4.500`).
static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[ \t])[+\-−–][ \t]?(?P<n>\d{1,3}(?:\.\d{3})+)(?:[ \t\r\n]|$)")
        .expect("valid regex")
});
/// A header that names a column of amounts: the amount, or a budget's
/// columns (stanziamento, previsioni di competenza and di cassa).
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:import[oi]|stanziament[oi]|competenza|cassa|imponibile)\b")
        .expect("valid regex")
});
/// A unit after the figure: it measures something else.
static UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[ \t]*(?:%|per[ \t]*cento\b|mq\b|m²|m2\b|mc\b|m³|m3\b|kg\b|km\b|ml\b|kwh?\b|mwh?\b|ore\b|ha\b|ton\b|tonnellate\b|litri\b|metri\b|punti\b|\$|usd\b)",
    )
    .expect("valid regex")
});
/// Another currency or a unit before the figure.
static UNIT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\$|\busd|\bus\$|\bmq|\bkg|\bn\.|\bnr\.|\bn°)[ \t]*$").expect("valid regex")
});
/// A figure after a money label and a colon, as a form or an accounting
/// attestation prints it: `Importo: 5.000,00`, `Importo impegnato: 1.234,56`,
/// `Totale = 1.506,16`, `Imponibile (€): 1.234,56`, `importo: 1234.56`.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:import[oi]|totale|imponibile|I\.?V\.?A\.?|somm[ae]|spesa|compens[oi]|corrispettiv[oi]|liquidat[oi]|impegnat[oi])(?:[ \t]+[a-zàèéìòù.']+){0,2}[ \t]*(?:\([ \t]*(?:€|euro|eur)[ \t]*\))?[ \t]*[:=][ \t]*(?P<n>\d{1,3}(?:\.\d{3})+,\d{2}|\d+[.,]\d{2})",
    )
    .expect("valid regex")
});
/// A figure with its currency, the `€` or `euro` before or after it.
static WITH_CURRENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:€|\beuro\b|\beur\b)[ \t]*\d[\d.,]*\d|\d[\d.,]*[ \t]*(?:€|\beuro\b)")
        .expect("valid regex")
});
/// A figure with grouped thousands, two decimals or none.
static GROUPED_ANY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,3}(?:\.\d{3})+(?:,\d{2})?").expect("valid regex"));
/// What may follow a sum of a list: punctuation, the end, or a word that
/// goes on with what the sum is for or to whom it goes, not a noun that
/// makes the figure a count (`1.200 abitanti`).
static LIST_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\A(?:[ \t]*(?:[;,.)]|\r?\n|\z)|[ \t]+(?:per|a|al|alla|alle|allo|ai|agli|all['’]|e|ed|di[ \t]+cui|quale|come|oltre|mentre)\b)",
    )
    .expect("valid regex")
});
/// What parts the items of a list: `;`, `,`, `(`, ` e `, and `di cui`.
static LIST_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)[;,(]|\be\b|\bed\b|\bdi[ \t]+cui\b").expect("valid regex"));
/// A small figure of a list (two or three digits, with or without
/// cents) that goes to someone named right after it (`393 all'ing. Neri`,
/// `356,37 alla Banda`): an item of a list of payments.
static SMALL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{2,3}(?:,\d{2})?").expect("valid regex"));
/// To whom a small figure of a list goes: a preposition, then a title or
/// a capitalised name.
static TO_WHOM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\A[ \t]+(?:a|al|alla|allo|ai|agli|alle|all['’])[ \t]*(?:(?i:ing|arch|avv|geom|dott|prof|rag|sig)\.|\p{Lu})",
    )
    .expect("valid regex")
});
/// How far a listed figure may lie from the sum whose currency it shares.
const LIST_REACH: usize = 160;

/// How many lines under a header its column runs, at most.
const COLUMN_LINES: usize = 4;

/// The sums of `text` printed with no currency, by their form, their VAT or
/// their column, in reading order (they may overlap sums with a currency:
/// the caller keeps the first).
pub(super) fn bare_amounts(text: &str) -> Vec<(Euro, Range<usize>)> {
    let mut out = Vec::new();
    let mut take = |n: Range<usize>, all: Range<usize>| {
        let seen = out
            .iter()
            .any(|(_, r): &(Euro, Range<usize>)| r.start < all.end && all.start < r.end);
        if !seen && alone(text, n.clone()) {
            if let Some(v) = figure(&text[n]) {
                out.push((v, all));
            }
        }
    };
    for m in WITH_VAT.captures_iter(text) {
        let n = m.name("n").unwrap().range();
        take(n.clone(), n);
    }
    for m in LABELLED.captures_iter(text) {
        let n = m.name("n").unwrap().range();
        take(n.clone(), n);
    }
    for m in GROUPED.find_iter(text) {
        if MONEY_WORD.is_match(clause_before(text, m.start())) {
            take(m.range(), m.range());
        }
    }
    // Figures listed beside a sum with its currency, in one sentence.
    let priced: Vec<Range<usize>> = WITH_CURRENCY.find_iter(text).map(|m| m.range()).collect();
    for m in GROUPED_ANY.find_iter(text) {
        if listed(text, m.range(), &priced) {
            take(m.range(), m.range());
        }
    }
    for m in SMALL.find_iter(text) {
        if TO_WHOM.is_match(&text[m.end()..]) && listed(text, m.range(), &priced) {
            take(m.range(), m.range());
        }
    }
    // Columns headed Importo: the figures with two decimals of the few
    // lines under the header.
    let mut under = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if HEADER.is_match(line) && !DECIMAL.is_match(line) {
            under = COLUMN_LINES;
        } else if under > 0 {
            if line.trim().is_empty() {
                under = 0;
            } else {
                let mut found: Vec<Range<usize>> =
                    DECIMAL.find_iter(line).map(|m| m.range()).collect();
                found.extend(
                    SIGNED
                        .captures_iter(line)
                        .map(|c| c.name("n").unwrap().range()),
                );
                // A row with a figure keeps the column going: a table of
                // impegni or variations runs longer than its first rows.
                under = if found.is_empty() {
                    under - 1
                } else {
                    COLUMN_LINES
                };
                for m in found {
                    let r = at + m.start..at + m.end;
                    take(r.clone(), r);
                }
            }
        }
        at += line.len();
    }
    out.sort_by_key(|(_, r)| r.start);
    out
}

/// Whether the bare figure at `n` is an item of a list of sums whose
/// currency another item prints: a sum with its currency lies within
/// [`LIST_REACH`] in the same sentence, a separator of items between
/// them, and the figure is followed by punctuation or a word that goes
/// on with the item.
fn listed(text: &str, n: Range<usize>, priced: &[Range<usize>]) -> bool {
    if priced.iter().any(|p| p.start <= n.start && n.end <= p.end) {
        return false;
    }
    if !LIST_NEXT.is_match(&text[n.end..]) {
        return false;
    }
    priced.iter().any(|p| {
        let between = if p.end <= n.start {
            (p.end, n.start)
        } else if n.end <= p.start {
            (n.end, p.start)
        } else {
            return false;
        };
        let gap = &text[between.0..between.1];
        between.1 - between.0 <= LIST_REACH
            && !sentence_ends(gap)
            && !gap.contains("\n\n")
            && !gap.contains(':')
            && LIST_SEP.is_match(gap)
    })
}

/// Whether a sentence ends in `gap`: a full stop before a blank, not
/// the stop of a title or an abbreviation (`all'ing. Neri`, `n. 5`).
fn sentence_ends(gap: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "ing", "arch", "avv", "geom", "dott", "dr", "ssa", "prof", "rag", "sig", "sigg", "ra", "n",
        "nr", "art", "artt", "ecc", "pag",
    ];
    gap.match_indices('.').any(|(i, _)| {
        let after = &gap[i + 1..];
        let blank = after.starts_with([' ', '\n', '\t']);
        let word: String = gap[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        blank && !ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    })
}

/// A figure standing alone: not part of a longer number or code, and with
/// no unit or other currency beside it.
fn alone(text: &str, n: Range<usize>) -> bool {
    let glued_after = glued(text, n.end)
        || text[n.end..]
            .strip_prefix(['.', ','])
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    !glued_before(text, n.start)
        && !glued_after
        && !UNIT_AFTER.is_match(&text[n.end..])
        && !UNIT_BEFORE.is_match(&text[back(text, n.start, 12)..n.start])
}

/// The clause before `at`: back to a `;`, a full stop, a colon or a blank
/// line, at most [`CLAUSE_BACK`] bytes.
fn clause_before(text: &str, at: usize) -> &str {
    let head = &text[back(text, at, CLAUSE_BACK)..at];
    let cut = [";", ". ", ".\n", ":", "\n\n"]
        .iter()
        .filter_map(|p| head.rfind(p).map(|i| i + p.len()))
        .max()
        .unwrap_or(0);
    &head[cut..]
}

/// The char boundary at most `by` bytes before `at`.
fn back(text: &str, at: usize, by: usize) -> usize {
    let mut s = at.saturating_sub(by);
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        bare_amounts(text)
            .into_iter()
            .map(|(v, _)| v.to_string())
            .collect()
    }

    #[test]
    fn grouped_figures_with_two_decimals_are_sums() {
        assert_eq!(
            values("la somma di € 4.000.000,00 - di cui 2.000.000,00 a valere sul capitolo"),
            ["4000000.00", "2000000.00"]
        );
        assert_eq!(
            values("affidamenti di importo inferiore alla soglia di 40.000,00"),
            ["40000.00"]
        );
        // A surface, a percentage, a count: not sums.
        assert!(values("una superficie di 1.250,50 mq e il 12,50 %").is_empty());
        assert!(values("abitanti 12.345 al 31.12.2020").is_empty());
        assert!(values("prezzo di USD 1.234,56").is_empty());
        // A row of a calculation that names no money: left to its column.
        assert!(values("Stanziamento acquisto di beni 3.775.443,42").is_empty());
    }

    #[test]
    fn figures_listed_beside_a_sum_share_its_currency() {
        assert_eq!(
            values("Questi i contributi: Coro Alpino 915 euro; Banda Verdi 10.420; Gruppo Scout 5.600; Pro Loco 32.999 euro."),
            ["10420.00", "5600.00"]
        );
        assert_eq!(
            values("Al Comune sono andati 441.428 euro per il 2020, 746.607 per il 2021 e 1.012.918 per il 2022."),
            ["746607.00", "1012918.00"]
        );
        assert_eq!(
            values("Il progetto costa 25.000 euro, di cui 18.594 per i lavori."),
            ["18594.00"]
        );
        assert_eq!(
            values("Sono stati liquidati 461,25 euro all'ing. Paolo Neri e 393 all'arch. Anna Sala; 56,37 alla Banda Verdi."),
            ["393.00", "56.37"]
        );
        // A small figure that goes to no one named: no sum.
        assert!(values("Sono stati liquidati 461,25 euro per 12 sedute e 3 riunioni.").is_empty());
        // A count beside a sum, a sum of another sentence, a year: no sums.
        assert!(values("Un contributo di 5.000 euro, per 1.200 abitanti.").is_empty());
        assert!(values("La spesa è di 5.000 euro. Nel 2.021 si vedrà; 3.400 iscritti.").is_empty());
        assert!(values("Un contributo di 5.000 euro per il 2021, e 2022.").is_empty());
    }

    #[test]
    fn a_figure_followed_by_its_vat_is_a_sum() {
        assert_eq!(
            values("l'importo massimo è pari ad 10.000, oltre IVA se dovuta"),
            ["10000.00"]
        );
        assert_eq!(values("per 850 + IVA"), ["850.00"]);
        assert_eq!(values("un compenso di 1.200,00 IVA esclusa"), ["1200.00"]);
        assert!(values("aliquota del 22 per cento oltre IVA").is_empty());
    }

    #[test]
    fn a_figure_after_a_money_label_and_a_colon() {
        assert_eq!(
            values(
                "Capitolo: 1010 Importo impegnato: 1.234,56\nIVA (€): 271,60\nTotale = 1.506,16"
            ),
            ["1234.56", "271.60", "1506.16"]
        );
        assert_eq!(values("importo: 1234.56"), ["1234.56"]);
        // A percentage, a date, a count after a label are no sums.
        assert!(values("IVA: 22,00 %; spesa: 2024.01.01; importo: 12").is_empty());
    }

    #[test]
    fn figures_in_a_column_headed_importo() {
        let t = "Numero Liquid. Importo Liquidazione Esercizio\n320 180,00 2026\n\nNote 12,50";
        assert_eq!(values(t), ["180.00"]);
        // A long table: each row with a figure keeps the column going, and
        // a variation's signed figure without decimals is an amount too.
        let mut t = String::from("Voce Centro Importo\n");
        for _ in 0..6 {
            t.push_str(
                "CA.NA.10 Costi UA.0.D010 Dipartimento di\nnon allocate Architettura +7.309,35\n",
            );
        }
        t.push_str("CA.NA.10 Costi per risorse UA.0.AM.08 Sede – -18.750\nnon allocate Generale\n");
        assert_eq!(values(&t).len(), 7);
        assert_eq!(values(&t)[6], "18750.00");
        // A budget variation's columns.
        let t = "Capitolo Descrizione Competenza 2024 Cassa 2024\n1010 Spese postali + 1.500,00 + 0,00\n";
        assert_eq!(values(t), ["1500.00", "0.00"]);
        // Outside the column, a figure with decimals alone is not a sum.
        assert!(values("punteggio medio 12,50 su 20").is_empty());
    }
}

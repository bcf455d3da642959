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
//!   `25.000 euro, di cui 18.594 per i lavori`), also when the list's
//!   priced sum is written in words or with its scale (`Tremila euro ...,
//!   2.500 dalla Provincia`, `2314 euro ..., di cui 1768,75 relativi
//!   alla Tasi`, `300 mila andranno ..., 165 mila al ...`): a figure followed
//!   by a noun (`1.200 abitanti`) is a count, not a sum, and a figure
//!   after the label of a chapter, an article, a register or a year
//!   (`cap. 1010`, `anno 2025`) is no sum either;
//! - a figure with grouped thousands right after the noun of a sum (`una
//!   spesa di 3.625`, `la somma pari a 12.000`);
//! - a figure with two decimals in a column headed `Importo` or a budget's
//!   `Stanziamento`, `Competenza`, `Cassa`, `Imponibile`, or a header
//!   line that ends with the currency (`Anno Cap. Descrizione Euro`; the impegno
//!   and liquidazione tables of the accounting attestation: `Numero Liquid.
//!   Importo Liquidazione Esercizio` / `320 180,00 2026`).
//!
//! A figure followed by a unit (`%`, `mq`, `kg`, `ore`...) or preceded by
//! another currency (`$`, `USD`) is not a sum of euro.

use std::ops::Range;
use std::sync::LazyLock;

// Searched skipping ahead on the fast automaton (see `crate::skip`).
use crate::skip::SkipRegex as Regex;

use super::figure::{figure, glued, glued_before, times};
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
        r"(?i)\b(?:import[oi]|totale|imponibile|I\.?V\.?A\.?|somm[ae]|spesa|compens[oi]|corrispettiv[oi]|liquidat[oi]|impegnat[oi]|quota|contribut[oi]|saldo|acconto|rimborso)(?:[ \t]+[a-zàèéìòù.']+){0,4}[ \t]*(?:\([ \t]*(?:€|euro|eur)[ \t]*\))?[ \t]*[:=][ \t]*(?P<n>\d{1,3}(?:\.\d{3})+,\d{2}|\d+[.,]\d{2})",
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
        r"(?i)\A(?:[ \t]*(?:[;,.)]|\r?\n|\z)|[ \t]+(?:per|a|al|alla|alle|allo|ai|agli|all['’]|da|dal|dalla|dallo|dai|dagli|dalle|dall['’]|sul|sulla|sullo|sui|sugli|nel|nella|e|ed|di[ \t]+cui|quale|come|oltre|mentre|invece|relativ[aeio]|andr(?:à|anno)|vanno)\b)",
    )
    .expect("valid regex")
});
/// What parts the items of a list: `;`, `,`, `(`, ` e `, and `di cui`.
static LIST_SEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[;,(]|\be\b|\bed\b|\bdi[ \t]+cui\b|\binvece[ \t]+che\b|\banziché\b")
        .expect("valid regex")
});
/// A figure with its scale and no currency, an item of a list of sums
/// (`300 mila`, `215mila`, `14,8 milioni`).
static SCALED_BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<n>\d{1,3}(?:,\d{1,2})?)[ \t]?(?P<m>mila|milion[ei]|miliard[oi])\b")
        .expect("valid regex")
});
/// A figure with cents and no grouping (`1768,75`), an item of a list (a
/// whole figure without grouping, `8400`, is as often a count or a code).
static PLAIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{1,4},\d{2}\b").expect("valid regex"));
/// The label of something numbered just before a figure: a chapter, an
/// article, a register, a year, a code; the figure is its number.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:cap|capitol[oi]|art|articol[oi]|prot|protocollo|n|nr|num|numero|anno|anni|impegn[oi]|accertament[oi]|cod|codice|det|determina|delibera|deliberazione|legge|l|reg|registro|fattura|fatt|ft|cig|cup|lotto|pratica|posizione|matricola|cf|c\.f|p\.?\s?iva)\.?[ \t]*(?:n\.?|nr\.?|n°)?[ \t]*$",
    )
    .expect("valid regex")
});
/// The noun of a sum right before a figure with grouped thousands and no
/// cents: `una spesa di 3.625`, `la somma pari a 12.000`.
static NOUN_OF_SUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:somm[ae]|spes[ae]|import[oi]|compens[oi]|cost[oi]|contribut[oi])(?:[ \t]+(?:complessiv[oaie]|total[ei]))?[ \t]+(?:di|pari[ \t]+ad?)[ \t]+(?P<n>\d{1,3}(?:\.\d{3})+)",
    )
    .expect("valid regex")
});
/// The currency right after a figure.
static CURRENCY_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\A[ \t]*(?:€|euro\b|eur\b)").expect("valid regex"));
/// A header line whose last cell names the currency (`Anno Cap.
/// Descrizione Euro`, `... (€)`): the column of amounts under it.
static HEADER_CURRENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[ \t])\(?(?:€|euro|eur)\)?[ \t]*\r?\n?$").expect("valid regex")
});
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
pub(super) fn bare_amounts(text: &str, found: &[Range<usize>]) -> Vec<(Euro, Range<usize>)> {
    let mut out = Vec::new();
    let mut take = |n: Range<usize>, all: Range<usize>| {
        if !overlaps(&out, &all) && alone(text, n.clone()) {
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
    for c in NOUN_OF_SUM.captures_iter(text) {
        let n = c.name("n").unwrap().range();
        let rest = &text[n.end..];
        let cents = rest.starts_with(',') && rest[1..].starts_with(|c: char| c.is_ascii_digit());
        if !cents && !CURRENCY_AFTER.is_match(rest) {
            take(n.clone(), n);
        }
    }
    // Figures listed beside a sum with its currency, in one sentence.
    // A sum with its currency: in figures, or in words or with its scale
    // as the caller found it (`Tremila euro`, `12 mila euro`).
    let mut priced: Vec<Range<usize>> = WITH_CURRENCY.find_iter(text).map(|m| m.range()).collect();
    priced.extend(found.iter().cloned());
    for m in GROUPED_ANY.find_iter(text) {
        if listed(text, m.range(), &priced) {
            take(m.range(), m.range());
        }
    }
    // Scaled figures are pushed after the others, where none overlaps.
    let mut scaled: Vec<(Euro, Range<usize>)> = Vec::new();
    for c in SCALED_BARE.captures_iter(text) {
        let (all, n) = (c.get(0).unwrap().range(), c.name("n").unwrap().range());
        let thousands = c["m"].eq_ignore_ascii_case("mila");
        let v = figure(&text[n.clone()]).and_then(|v| {
            if thousands {
                v.cents().checked_mul(1000).map(Euro::from_cents)
            } else {
                times(v, Some(&c["m"]))
            }
        });
        if let Some(v) = v {
            if !glued_before(text, n.start)
                && !numbered(text, n.start)
                && listed(text, all.clone(), &priced)
            {
                scaled.push((v, all));
            }
        }
    }
    for m in PLAIN.find_iter(text) {
        if !numbered(text, m.start()) && listed(text, m.range(), &priced) {
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
        if (HEADER.is_match(line) || HEADER_CURRENCY.is_match(line)) && !DECIMAL.is_match(line) {
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
    for (v, all) in scaled {
        if !overlaps(&out, &all) {
            out.push((v, all));
        }
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

/// Whether a sum of `out` overlaps `r`.
fn overlaps(out: &[(Euro, Range<usize>)], r: &Range<usize>) -> bool {
    out.iter().any(|(_, o)| o.start < r.end && r.start < o.end)
}

/// Whether the figure at `at` is the number of something labelled just
/// before it (`cap. 1010`, `anno 2025`, `n. 12`).
fn numbered(text: &str, at: usize) -> bool {
    NUMBERED.is_match(&text[back(text, at, 24)..at])
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
        bare_amounts(text, &[])
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

    /// The sums of `text` with no currency, the caller's sums with their
    /// currency (in words, with a scale) given as the lists' priced items.
    fn listed_values(text: &str) -> Vec<String> {
        let found: Vec<Range<usize>> = crate::money::find_amounts(text)
            .into_iter()
            .map(|a| a.range)
            .collect();
        let priced: Vec<Range<usize>> = found
            .iter()
            .filter(|r| {
                let s = text[(*r).clone()].to_lowercase();
                s.contains("euro") || s.contains('€')
            })
            .cloned()
            .collect();
        bare_amounts(text, &priced)
            .into_iter()
            .map(|(v, _)| v.to_string())
            .collect()
    }

    #[test]
    fn figures_listed_beside_a_sum_in_words_or_with_its_scale() {
        assert_eq!(
            listed_values("Per la fiera arrivano Duemila euro dalla Regione, 1.500 dalla Provincia e 800,00 dal Comune."),
            ["1500.00", "800.00"]
        );
        assert_eq!(
            listed_values(
                "Il contributo è di 10 mila euro, 7.000 come anticipo e 2999,50 a saldo."
            ),
            ["7000.00", "2999.50"]
        );
        // A whole figure without grouping is as often a count or a code.
        assert!(listed_values("Il contributo è di 10 mila euro, 7000 come anticipo.").is_empty());
        assert_eq!(
            listed_values(
                "Alla cultura vanno 200 mila euro, 90 mila allo sport e 1,5 milioni per le strade."
            ),
            ["90000.00", "1500000.00"]
        );
        assert_eq!(
            listed_values("Il preventivo era di 4.000 euro invece che 5.250."),
            ["5250.00"]
        );
        // Counts, chapters, years and protocol numbers beside a sum: no sums.
        assert!(
            listed_values("Il bando vale 20 mila euro, per 3000 famiglie e 40 mila persone.")
                .is_empty()
        );
        assert!(
            listed_values("Si impegnano 500 euro sul cap. 1010, e sul capitolo 1020.").is_empty()
        );
        assert!(
            listed_values("Un contributo di 5.000 euro per il 2021, il 2022 e il prot. 4567.")
                .is_empty()
        );
    }

    #[test]
    fn a_grouped_figure_right_after_the_noun_of_a_sum() {
        assert_eq!(
            values("Fu impegnata una spesa di 3.625, pari al 90%."),
            ["3625.00"]
        );
        assert_eq!(
            values("la somma pari a 12.000 per il servizio"),
            ["12000.00"]
        );
        // The noun of something else: no sum.
        assert!(values("una superficie di 3.625 metri").is_empty());
    }

    #[test]
    fn a_labelled_share_and_a_column_headed_by_the_currency() {
        assert_eq!(values("quota a carico del Comune: 1.500,00"), ["1500.00"]);
        // A row of a calculation with no money word: not read outside a column.
        assert!(values("Totale stanziamenti netti 1.399.150,76").is_empty());
        assert_eq!(
            values("Anno Cap. Descrizione Euro\n2025 1010 Spese varie 1.500,00\n2025 1020 Cancelleria 230,50"),
            ["1500.00", "230.50"]
        );
    }
}

//! The role a table's header gives the sums in its columns
//! (`[[amount_column]]` rules): the header of the sum's own column, found
//! by the page's geometry ([`Doc::column_head`]: by x in a PDF, by cell in
//! an HTML or office table, by character position in laid-out text), names
//! the role ("Importo impegnato", "Da liquidare", "IVA", "Base d'asta",
//! "Accertamento"); a money column that names none ("Importo", "Totale",
//! rules of value `table`) takes the one role that the header's other
//! columns of a decision name (rules marked `main`: "N. | Descrizione |
//! Importo | Impegno": the sums committed).
//! `Base d'asta | Ribasso | Importo netto` gives each column its own.

use std::sync::LazyLock;

use regex::Regex;

use super::document::Doc;
use super::document_columns::Above;
use super::money::{Cue, MoneyRules};

/// The column header over the sum at `at` of page `page`: the header
/// line's byte range, and the role it gives the sum, if any, with whether
/// it names it for the sum's own column (not the table's other columns). The header is the nearest line above, at most
/// [`HEADER_ABOVE`] lines up, that an `[[amount_column]]` rule matches and
/// that reads as a header ([`labels`]) and prints no figure with cents;
/// a blank line, a line ending a clause
/// (`;`, `.`, `:`, `,`) or a bullet between ends the table: no header.
pub(super) fn column_role<'r>(
    rules: &'r MoneyRules,
    doc: &Doc,
    page: usize,
    at: std::ops::Range<usize>,
) -> Option<(std::ops::Range<usize>, Option<(&'r Cue, bool)>)> {
    static CENTS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d,\d{2}\b").expect("valid regex"));
    if rules.amount_columns.is_empty() {
        return None;
    }
    let above = |range: std::ops::Range<usize>, line: &str| {
        let t = line.trim();
        if t.is_empty()
            || t.ends_with([';', '.', ':', ','])
            || t.starts_with(['•', '⁃', '-', '–', '*'])
        {
            Above::Stop
        } else {
            Above::header_if(
                !CENTS.is_match(line) && labels(rules, t, || doc.cells_apart(page, range.clone())),
            )
        }
    };
    let (line, word) = doc.column_head(page, at, HEADER_ABOVE, &above)?;
    let head = &doc.clean[page][line.clone()];
    let word = word.start.saturating_sub(line.start)..word.end.saturating_sub(line.start);
    // Every column label of the header line: the longest match of each
    // place (the first rule on a tie).
    let mut labels: Vec<(std::ops::Range<usize>, &Cue)> = Vec::new();
    for c in &rules.amount_columns {
        for m in c.regex.find_iter(head) {
            labels.push((m.range(), c));
        }
    }
    labels.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<(std::ops::Range<usize>, &Cue)> = Vec::new();
    for (r, c) in labels {
        if kept.last().is_none_or(|(k, _)| r.start >= k.end) {
            kept.push((r, c));
        }
    }
    let overlaps =
        |r: &std::ops::Range<usize>| r.start < word.end.max(word.start + 1) && word.start < r.end;
    match kept.iter().find(|(r, _)| overlaps(r)) {
        Some((_, c)) if c.value != "table" => return Some((line, Some((c, true)))),
        _ => {}
    }
    // A column that names no role: the one role of a decision the other
    // columns name (rules marked `main`; an IVA or a ribasso column says
    // what a sum is made of, not what the table decides).
    let mut named = kept.iter().map(|(_, c)| *c).filter(|c| c.main);
    let role = named
        .next()
        .filter(|first| named.all(|c| c.value == first.value))
        .map(|first| (first, false));
    Some((line, role))
}

/// Whether a line reads as a table's header of money columns: an
/// `[[amount_column]]` label in it, and its words set apart as cells are
/// (`cells`: [`Doc::cells_apart`]), or the whole line one label ("Importo
/// impegnato" over a column of its own). A line of prose ("di liquidare
/// alla ditta, al netto del ribasso") is no header.
fn labels(rules: &MoneyRules, line: &str, cells: impl Fn() -> bool) -> bool {
    let mut found = rules
        .amount_columns
        .iter()
        .flat_map(|c| c.regex.find_iter(line))
        .peekable();
    if found.peek().is_none() {
        return false;
    }
    found.any(|m| m.start() == 0 && m.end() == line.len()) || cells()
}

/// How many lines above a sum its table's header is looked for.
const HEADER_ABOVE: usize = 12;

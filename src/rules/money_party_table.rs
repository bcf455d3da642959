//! Counterparties listed in a table: the impegni, liquidazioni or
//! beneficiaries an act (or its accounting attestation, or an annexed
//! list) sets out in columns, one party a row, under a header such as
//! "Beneficiario | Codice fiscale | Importo" or "Ditta | P.IVA | Capitolo".
//! Which header words name the party's column, its tax id's column, or a
//! column that makes the table a list of offers (a ranking of bidders, who
//! are no parties) are the `[[party_column]]` rules of
//! `rules/money_parties.toml`.
//!
//! A table is read as rows of cells in two ways, with the same reading
//! after: the tables found from the page's geometry or declared by its
//! source ([`Doc::tables`]: a cell's column is its grid column), and the
//! text laid out in columns, cells parted by a tab or a run of spaces (a
//! cell's column is its span of characters on its line; a row's cell goes
//! to the header cell it overlaps most). Below the header each row's cell
//! in the party's column is a name when it looks like one (a capital or a
//! digit first, a word of three letters, not a `[[not_party]]`, not the
//! administration); the tax id is the row's cell in the tax id's column,
//! or a cell that is a tax id whole, when its check character holds.

use std::ops::Range;

use atti_italian::money::codes;

use super::document::Doc;
use super::money::MoneyRules;
use super::money_parties::{append, fold, has_name_word, is_administration, partners, tidy};
use crate::record::Party;

/// One cell of a row: its text, its byte range in the page text, and the
/// columns it covers (grid columns, or characters of its line).
#[derive(Debug, Clone)]
struct Cell {
    text: String,
    range: Range<usize>,
    cols: Range<usize>,
}

/// The most rows read under one header.
const MAX_ROWS: usize = 200;
/// The blank lines a laid-out table may hold between two rows.
const BLANKS: usize = 2;
/// The most characters of a party's name read in a cell.
const MAX_NAME: usize = 150;

/// What a header cell says its column holds.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    /// The party's name, with the role the rule gives.
    Party(String),
    TaxId,
    /// Offers or a ranking: the table lists bidders, not parties.
    Offers,
}

/// Adds to `out` the parties the tables of `doc` list under a header of
/// the `[[party_column]]` rules.
pub(super) fn add(rules: &MoneyRules, doc: &Doc, admin: Option<&str>, out: &mut Vec<Party>) {
    if rules.party_columns.is_empty() {
        return;
    }
    for (i, text) in doc.clean.iter().enumerate() {
        let page = doc.pages[i].number;
        let mut tables = grids(doc, i);
        tables.extend(laid_out(rules, text));
        for rows in tables {
            let Some((head_at, found)) = read(rules, &rows, admin) else {
                continue;
            };
            // A grant where the words that introduce the table speak of
            // one ("di concedere i contributi alle associazioni:").
            let from = text.ceil_char_boundary(head_at.min(text.len()).saturating_sub(INTRO));
            let intro = &text[from..head_at.min(text.len())];
            let grant = rules
                .party_roles
                .iter()
                .any(|r| r.value == "beneficiary" && r.regex.is_match(intro));
            for (name, range, tax_id, role) in found {
                let role = if grant {
                    "beneficiary".to_owned()
                } else {
                    role
                };
                push(out, page, role, name, range, tax_id);
            }
        }
    }
}

/// How far before a table's header the words that introduce it are read.
const INTRO: usize = 300;

/// What a header cell's text says its column holds.
fn column(rules: &MoneyRules, text: &str) -> Option<Column> {
    let t = text.trim();
    let c = rules.party_columns.iter().find(|c| c.regex.is_match(t))?;
    Some(match c.value.as_str() {
        "tax_id" => Column::TaxId,
        "offers" => Column::Offers,
        role => Column::Party(role.to_owned()),
    })
}

/// The tables of page `page` from its geometry or its source, as rows of
/// cells.
fn grids(doc: &Doc, page: usize) -> Vec<Vec<Vec<Cell>>> {
    doc.tables(page)
        .iter()
        .map(|t| {
            (0..t.rows)
                .map(|r| {
                    t.cells
                        .iter()
                        .filter(|c| c.row == r && !c.text.trim().is_empty())
                        .map(|c| Cell {
                            text: c.text.clone(),
                            range: c.start..c.end,
                            cols: c.col as usize..(c.col + c.col_span.max(1)) as usize,
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// A line's cells: runs of text parted by a tab or two spaces or more;
/// `at` is the line's byte offset in the page text.
fn cells_of(line: &str, at: usize) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut gap = 0usize;
    let mut last_end = 0usize;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for &(b, ch) in &chars {
        if ch == '\t' || ch == ' ' {
            gap += if ch == '\t' { 2 } else { 1 };
            if gap >= 2 {
                if let Some(s) = start.take() {
                    out.push((s, last_end));
                }
            }
            continue;
        }
        gap = 0;
        if start.is_none() {
            start = Some(b);
        }
        last_end = b + ch.len_utf8();
    }
    if let Some(s) = start {
        out.push((s, last_end));
    }
    out.into_iter()
        .map(|(s, e)| {
            let c0 = line[..s].chars().count();
            let c1 = c0 + line[s..e].chars().count();
            Cell {
                text: line[s..e].to_owned(),
                range: at + s..at + e,
                cols: c0..c1,
            }
        })
        .collect()
}

/// The tables of a page's text laid out in columns: a header line of two
/// cells or more, one naming a party's column, and the lines below it up
/// to a line of one cell that starts left of every column but the first
/// (a paragraph), a run of blank lines, or [`MAX_ROWS`].
fn laid_out(rules: &MoneyRules, text: &str) -> Vec<Vec<Vec<Cell>>> {
    let lines: Vec<(usize, &str)> = super::document::lines(text)
        .map(|r| (r.start, &text[r]))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (at, line) = lines[i];
        let head = cells_of(line, at);
        let names = head.len() >= 2
            && head
                .iter()
                .any(|c| matches!(column(rules, &c.text), Some(Column::Party(_))));
        if !names {
            i += 1;
            continue;
        }
        let mut rows = vec![head.clone()];
        let mut blanks = 0;
        let mut j = i + 1;
        while j < lines.len() && rows.len() <= MAX_ROWS {
            let (at, line) = lines[j];
            if line.trim().is_empty() {
                blanks += 1;
                if blanks > BLANKS {
                    break;
                }
                j += 1;
                continue;
            }
            blanks = 0;
            let cells = cells_of(line, at);
            // One cell across the table's width: a paragraph after it.
            let second = head[1].cols.start;
            if cells.len() == 1 && cells[0].cols.start < second && cells[0].cols.end > second + 1 {
                break;
            }
            rows.push(cells);
            j += 1;
        }
        out.push(rows);
        i = j;
    }
    out
}

/// How many characters (or grid columns) two spans share.
fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// The header cell a row's cell belongs to: the one it overlaps most,
/// else the nearest.
fn owner(head: &[Cell], c: &Cell) -> usize {
    let dist = |h: &Cell| {
        if c.cols.end <= h.cols.start {
            h.cols.start - c.cols.end
        } else {
            c.cols.start.saturating_sub(h.cols.end)
        }
    };
    (0..head.len())
        .max_by(|&a, &b| {
            let (oa, ob) = (
                overlap(&head[a].cols, &c.cols),
                overlap(&head[b].cols, &c.cols),
            );
            oa.cmp(&ob).then(dist(&head[b]).cmp(&dist(&head[a])))
        })
        .unwrap_or(0)
}

/// Each with its name, its range, its tax id and its column's role; with
/// where the header starts in the page text.
type Listed = Vec<(String, Range<usize>, Option<String>, String)>;

/// The parties a table lists, and where its header starts: the header is
/// the first of its first three rows with a party's column.
fn read(rules: &MoneyRules, rows: &[Vec<Cell>], admin: Option<&str>) -> Option<(usize, Listed)> {
    let mut out = Vec::new();
    let h = rows.iter().take(3).position(|r| {
        r.len() >= 2
            && r.iter()
                .any(|c| matches!(column(rules, &c.text), Some(Column::Party(_))))
    })?;
    let head = &rows[h];
    let kinds: Vec<Option<Column>> = head.iter().map(|c| column(rules, &c.text)).collect();
    if kinds.iter().any(|k| k == &Some(Column::Offers)) {
        return None;
    }
    let (name_col, role) = kinds.iter().enumerate().find_map(|(i, k)| match k {
        Some(Column::Party(r)) => Some((i, r.clone())),
        _ => None,
    })?;
    for row in &rows[h + 1..] {
        // The header printed again (a table continued on a new page).
        if row
            .iter()
            .any(|c| matches!(column(rules, &c.text), Some(Column::Party(_))))
        {
            continue;
        }
        let mut name: Option<&Cell> = None;
        let mut tax: Option<String> = None;
        for c in row {
            let o = owner(head, c);
            if o == name_col && name.is_none() {
                name = Some(c);
            } else if tax.is_none() {
                // In the tax id's column, or a cell that is a tax id whole.
                let whole = c.text.split_whitespace().count() <= 2;
                if kinds[o] == Some(Column::TaxId) || whole {
                    tax = codes::tax_id(c.text.trim());
                }
            }
        }
        let Some(n) = name else { continue };
        let text = own_words(rules, &n.text);
        if !looks_like_name(rules, &text) || is_administration(&text, admin) {
            continue;
        }
        out.push((text, n.range.clone(), tax, role.clone()));
    }
    Some((head[0].range.start, out))
}

/// The words of a name cell that are the party's: a cell the reader ran
/// on over the lines below the table (a signature, "Il Responsabile del
/// Servizio") ends where a legal form ends its name, or before an article
/// followed by a `[[not_party]]` (an office, an organ).
fn own_words(rules: &MoneyRules, cell: &str) -> String {
    let words: Vec<&str> = cell.split_whitespace().collect();
    let mut end = words.len();
    for k in 1..words.len().saturating_sub(1) {
        let rest = words[k + 1..].join(" ");
        if ARTICLES.contains(&words[k]) && rules.not_parties.iter().any(|n| n.regex.is_match(&rest))
        {
            end = k;
            break;
        }
    }
    let mut name = words[..end].join(" ");
    let form = rules
        .legal_forms
        .iter()
        .filter(|c| c.value == "before")
        .filter_map(|c| c.regex.find(&name).map(|m| m.range()))
        .filter(|m| m.start > 0)
        .min_by_key(|m| m.end);
    if let Some(m) = form {
        let e = m.end + partners(rules, &name[m.clone()], &name[m.end..]);
        name.truncate(e);
    }
    tidy(&name)
}

/// The articles that may stand before an office or an organ.
const ARTICLES: &[&str] = &[
    "Il", "Lo", "La", "L'", "I", "Gli", "Le", "IL", "LO", "LA", "GLI", "LE",
];

/// A cell that names a party: a capital or a digit first, a word of three
/// letters, not a number, an office or a total (`[[not_party]]`), also
/// after an article (a signature line under the table read as a row of
/// its own: "Il Responsabile del Servizio").
fn looks_like_name(rules: &MoneyRules, s: &str) -> bool {
    let bare = s
        .split_once(' ')
        .filter(|(a, _)| ARTICLES.contains(a))
        .map_or(s, |(_, rest)| rest);
    s.chars().count() <= MAX_NAME
        && s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && has_name_word(s)
        && codes::tax_id(s).is_none()
        && !rules
            .not_parties
            .iter()
            .any(|n| n.regex.is_match(s) || n.regex.is_match(bare))
}

/// Adds a party read from a table, unless one of `out` is the same (its
/// tax id, or its name): then only gives it the tax id it lacked.
fn push(
    out: &mut Vec<Party>,
    page: u32,
    role: String,
    name: String,
    range: Range<usize>,
    tax_id: Option<String>,
) {
    let key = fold(&name);
    let same = out.iter_mut().find(|p| {
        let k = fold(&p.name);
        (tax_id.is_some() && p.tax_id == tax_id)
            || (!k.is_empty() && !key.is_empty() && (k.contains(&key) || key.contains(&k)))
    });
    if let Some(p) = same {
        if p.tax_id.is_none() {
            p.tax_id = tax_id;
        }
        return;
    }
    append(out, page, role, name, tax_id, range);
}

#[cfg(test)]
#[path = "money_party_table_tests.rs"]
mod tests;

//! Table rules: repeating records (GANTT phases, indicators) read from a table.
//!
//! With positioned words (PDF pages) the header line gives the columns: each
//! column starts at the x of its header label, and every word below falls
//! into the column its left edge is in. A line where the key column (e.g. the
//! start date) has a value starts a row; a line where it is empty continues
//! the row above, each cell with its own column (a name wrapped onto the next
//! line, a description over three lines). The table runs on over the next
//! page, with the header repeated or not, until the `end` line or the end of
//! its section. A vertical gap much wider than the table's usual line
//! spacing ends it (what lies far below is no longer the table), and a line
//! in the page's top or bottom margin band that sits that far off or does
//! not line up with the columns is page furniture (a footer "Pagina 1 di 1"
//! on a single page, where repetition cannot tell it): it joins no row.
//!
//! Without positions (text and HTML files) the `row` regex reads a row's
//! first line into columns by its named captures. The lines after it that do
//! not start a row continue the last filled cell, as a wrapped cell would;
//! after a blank line they fill the next empty column instead (a cell the
//! layout set on a line of its own).

use std::ops::Range;

use super::compiled::{Column, Table};
use super::document::{self, Doc, Region};
use super::normalise;
use crate::record::Span;

/// One cell: its text and where it was read (page index, byte range).
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub page: usize,
    pub range: Range<usize>,
}

impl Cell {
    fn extend(&mut self, text: &str, page: usize, range: Range<usize>) {
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        self.text.push_str(text.trim());
        if page == self.page {
            self.range.start = self.range.start.min(range.start);
            self.range.end = self.range.end.max(range.end);
        }
    }
}

/// A row: one optional cell per column of the rule.
pub type Row = Vec<Option<Cell>>;

/// A row's cells as its columns' normalisers leave them, each with its
/// column and span; an empty cell, or one its normaliser empties, is left
/// out, and one a normaliser refuses is a warning (`row` counts from 1).
pub fn values<'t>(
    t: &'t Table,
    row: &Row,
    row_no: usize,
    doc: &Doc,
    warnings: &mut Vec<String>,
) -> Vec<(&'t Column, String, Span)> {
    let mut out = Vec::new();
    for (c, cell) in t.columns.iter().zip(row) {
        let Some(cell) = cell else { continue };
        match normalise::chain(&cell.text, &c.normalise) {
            Ok(v) if !v.is_empty() => {
                out.push((c, v, doc.span(cell.page, cell.range.clone())));
            }
            Ok(_) => {}
            Err(e) => warnings.push(format!(
                "regola {}: riga {row_no}, colonna {}: {e}",
                t.meta.id, c.field
            )),
        }
    }
    out
}

/// Reads a table's rows from a region: by word positions where every page
/// of the region has words, from the text otherwise.
pub fn rows(doc: &Doc, region: &Region, t: &Table) -> Vec<Row> {
    if let Some(rows) = grid::rows(doc, region, t) {
        return rows;
    }
    let positioned = !region.is_empty()
        && region
            .iter()
            .all(|p| !doc.pages.get(p.page).is_none_or(|pg| pg.words.is_empty()));
    if positioned {
        if let Some(rows) = positioned::rows_positioned(doc, region, t) {
            return rows;
        }
    } else if is_layout_text(doc, region, t) {
        // Text laid out in columns with spaces (`pdftotext -layout` output):
        // a character's column is its position, so read it as positioned words.
        let pages = with_character_words(doc);
        let layout = Doc::new(&pages, doc.clean.clone(), doc.references.clone());
        if let Some(rows) = positioned::rows_positioned(&layout, region, t) {
            return rows;
        }
    }
    text::rows_text(doc, region, t)
}

/// Whether the table's header line spaces its labels apart as a layout does
/// (two or more spaces between them).
fn is_layout_text(doc: &Doc, region: &Region, t: &Table) -> bool {
    region.iter().any(|p| {
        let text = &doc.clean[p.page][p.range.clone()];
        document::lines(text)
            .map(|r| &text[r])
            .find(|l| t.header.is_match(l))
            .is_some_and(|l| l.trim().contains("  "))
    })
}

/// The pages with one word per whitespace-separated token, placed at its
/// character column (x) and line (y), one unit per character.
fn with_character_words(doc: &Doc) -> Vec<crate::read::Page> {
    doc.clean
        .iter()
        .enumerate()
        .map(|(i, text)| crate::read::Page {
            number: doc.pages.get(i).map_or(i as u32 + 1, |p| p.number),
            text: text.clone(),
            words: document::character_words(text),
            ..crate::read::Page::default()
        })
        .collect()
}

pub(super) fn put(row: &mut Row, col: usize, text: &str, page: usize, range: Range<usize>) {
    match &mut row[col] {
        Some(c) => c.extend(text, page, range),
        slot @ None => {
            *slot = Some(Cell {
                text: text.trim().to_owned(),
                page,
                range,
            })
        }
    }
}

/// Whether a line ends the table: its `end`, or another table's header.
pub(super) fn ends(t: &Table, line: &str) -> bool {
    t.end.as_ref().is_some_and(|e| e.is_match(line)) || t.others().any(|h| h.is_match(line))
}

/// A row as `field=value|field=value`, for examples and messages.
pub fn render(t: &Table, row: &Row) -> String {
    t.columns
        .iter()
        .zip(row)
        .filter_map(|(c, cell)| {
            cell.as_ref().map(|cell| {
                let v = super::normalise::chain(&cell.text, &c.normalise)
                    .unwrap_or_else(|e| format!("!{e}"));
                format!("{}={v}", c.field)
            })
        })
        .collect::<Vec<_>>()
        .join("|")
}

mod cells_at;
mod extents;
mod grid;
mod labels;
mod positioned;
mod regrid;
#[cfg(test)]
mod tests;
mod text;

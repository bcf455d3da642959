//! Table rules: repeating records (GANTT phases, indicators) read from a table.
//!
//! With positioned words (PDF pages) the header line gives the columns: each
//! column starts at the x of its header label, and every word below falls
//! into the column its left edge is in. A line where the key column (e.g. the
//! start date) has a value starts a row; a line where it is empty continues
//! the row above, each cell with its own column (a name wrapped onto the next
//! line, a description over three lines). The table runs on over the next
//! page, with the header repeated or not, until the `end` line or the end of
//! its section.
//!
//! Without positions (text and HTML files) the `row` regex reads a row's
//! first line into columns by its named captures. The lines after it that do
//! not start a row continue the last filled cell, as a wrapped cell would;
//! after a blank line they fill the next empty column instead (a cell the
//! layout set on a line of its own).

use std::ops::Range;

use super::compile::Table;
use super::document::{self, Doc, Region};
use crate::extract::Word;

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

/// Reads a table's rows from a region: by word positions where every page
/// of the region has words, from the text otherwise.
pub fn rows(doc: &Doc, region: &Region, t: &Table) -> Vec<Row> {
    let positioned = !region.is_empty()
        && region
            .iter()
            .all(|p| !doc.pages.get(p.page).is_none_or(|pg| pg.words.is_empty()));
    if positioned {
        if let Some(rows) = rows_positioned(doc, region, t) {
            return rows;
        }
    }
    rows_text(doc, region, t)
}

fn put(row: &mut Row, col: usize, text: &str, page: usize, range: Range<usize>) {
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

/// Text path: the row regex, wrapped lines, cells on lines of their own.
pub fn rows_text(doc: &Doc, region: &Region, t: &Table) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut in_table = false;
    let mut after_blank = false;
    let mut last_col = 0usize;
    'pieces: for p in region {
        let text = &doc.clean[p.page];
        for lr in document::lines(&text[p.range.clone()]) {
            let lr = p.range.start + lr.start..p.range.start + lr.end;
            let line = &text[lr.clone()];
            if line.trim().is_empty() {
                after_blank = true;
                continue;
            }
            if t.header.is_match(line) {
                in_table = true;
                after_blank = false;
                continue;
            }
            if !in_table {
                continue;
            }
            if t.end.as_ref().is_some_and(|e| e.is_match(line)) {
                break 'pieces;
            }
            if let Some(caps) = t.row.captures(line) {
                let mut row: Row = vec![None; t.columns.len()];
                for (i, c) in t.columns.iter().enumerate() {
                    if let Some(g) = caps.name(&c.field) {
                        if !g.as_str().trim().is_empty() {
                            let r = lr.start + g.start()..lr.start + g.end();
                            put(&mut row, i, g.as_str(), p.page, r);
                            last_col = i;
                        }
                    }
                }
                rows.push(row);
                after_blank = false;
                continue;
            }
            let Some(row) = rows.last_mut() else { continue };
            let trimmed = line.trim();
            let lead = line.len() - line.trim_start().len();
            let r = lr.start + lead..lr.start + lead + trimmed.len();
            if after_blank {
                if let Some(next) = (last_col + 1..row.len()).find(|&i| row[i].is_none()) {
                    put(row, next, trimmed, p.page, r);
                    last_col = next;
                }
            } else {
                put(row, last_col, trimmed, p.page, r);
            }
            after_blank = false;
        }
    }
    rows
}

/// Column starts, in column order, found on a header line and the one after it.
fn columns_from_header(t: &Table, words: &[&Word]) -> Option<Vec<f32>> {
    let mut xs = Vec::new();
    for c in &t.columns {
        let first = c.label.split_whitespace().next()?.to_lowercase();
        let w = words.iter().find(|w| {
            w.text
                .trim_matches(|ch: char| !ch.is_alphanumeric())
                .to_lowercase()
                == first.trim_matches(|ch: char| !ch.is_alphanumeric())
        })?;
        xs.push(w.x);
    }
    Some(xs)
}

/// How far left of its header label a cell may start and still be in its column.
const SLACK: f32 = 3.0;

fn column_of(xs: &[f32], x: f32) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, &cx) in xs.iter().enumerate() {
        if cx - SLACK <= x && best.is_none_or(|(_, b)| cx > b) {
            best = Some((i, cx));
        }
    }
    best.map(|(i, _)| i)
}

/// Positioned path. `None` when the header's labels are not all found.
fn rows_positioned(doc: &Doc, region: &Region, t: &Table) -> Option<Vec<Row>> {
    let key = t.columns.iter().position(|c| c.key)?;
    let mut rows: Vec<Row> = Vec::new();
    let mut xs: Option<Vec<f32>> = None;
    let mut found_header = false;
    'pieces: for p in region {
        let page = &doc.pages[p.page];
        let text = &doc.clean[p.page];
        let line_ranges: Vec<Range<usize>> = document::lines(text).collect();
        // Words in this piece, by line.
        let mut by_line: std::collections::BTreeMap<u32, Vec<&Word>> = Default::default();
        for w in &page.words {
            if w.start != usize::MAX && p.range.contains(&w.start) {
                by_line.entry(w.line).or_default().push(w);
            }
        }
        let lines: Vec<(u32, Vec<&Word>)> = by_line
            .into_iter()
            .map(|(l, mut ws)| {
                ws.sort_by(|a, b| a.x.total_cmp(&b.x));
                (l, ws)
            })
            .collect();
        let mut skip_until: Option<u32> = None;
        for (idx, (ln, ws)) in lines.iter().enumerate() {
            if skip_until.is_some_and(|s| *ln <= s) {
                continue;
            }
            let line_text = line_ranges
                .get(*ln as usize)
                .map(|r| &text[r.clone()])
                .unwrap_or("");
            if line_text.trim().is_empty() {
                // Blanked as boilerplate.
                continue;
            }
            if t.header.is_match(line_text) {
                let mut found = columns_from_header(t, ws);
                if found.is_none() {
                    // A header whose labels wrap onto a second line.
                    if let Some((nl, nws)) = lines.get(idx + 1) {
                        let mut cand: Vec<&Word> = ws.clone();
                        cand.extend(nws.iter().copied());
                        found = columns_from_header(t, &cand);
                        if found.is_some() {
                            skip_until = Some(*nl);
                        }
                    }
                }
                if found.is_none() && xs.is_none() {
                    return None;
                }
                if found.is_some() {
                    xs = found;
                }
                found_header = true;
                continue;
            }
            if !found_header {
                continue;
            }
            if t.end.as_ref().is_some_and(|e| e.is_match(line_text)) {
                break 'pieces;
            }
            let cols = xs.as_ref()?;
            let mut cells: Vec<Option<(String, Range<usize>)>> = vec![None; t.columns.len()];
            for w in ws {
                let Some(c) = column_of(cols, w.x) else {
                    continue;
                };
                let r = w.start..w.start + w.text.len();
                match &mut cells[c] {
                    Some((s, rr)) => {
                        s.push(' ');
                        s.push_str(&w.text);
                        rr.end = rr.end.max(r.end);
                    }
                    slot @ None => *slot = Some((w.text.clone(), r)),
                }
            }
            if cells[key].is_some() {
                rows.push(vec![None; t.columns.len()]);
            } else if rows.is_empty() {
                continue;
            }
            let row = rows.last_mut().expect("a row is open");
            for (i, c) in cells.into_iter().enumerate() {
                if let Some((s, r)) = c {
                    put(row, i, &s, p.page, r);
                }
            }
        }
    }
    found_header.then_some(rows)
}

/// A row as `field=value|field=value`, for examples and messages.
pub fn render(t: &Table, row: &Row) -> String {
    t.columns
        .iter()
        .zip(row)
        .filter_map(|(c, cell)| {
            cell.as_ref().map(|cell| {
                let v = super::field::normalised(&cell.text, &c.normalise)
                    .unwrap_or_else(|e| format!("!{e}"));
                format!("{}={v}", c.field)
            })
        })
        .collect::<Vec<_>>()
        .join("|")
}

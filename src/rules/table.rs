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

#[cfg(test)]
mod tests {
    use crate::extract::{Page, Word};
    use crate::rules::RuleSet;
    use chrono::NaiveDate;

    /// A page built from lines of positioned words, as the PDF extractor
    /// gives them: each line's text is its words joined by single spaces.
    fn page(number: u32, lines: &[&[(f32, &str)]]) -> Page {
        let mut text = String::new();
        let mut words = Vec::new();
        for (i, ws) in lines.iter().enumerate() {
            for (k, (x, t)) in ws.iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                words.push(Word {
                    text: (*t).to_owned(),
                    x: *x,
                    y: 20.0 + 12.0 * i as f32,
                    width: 4.0 * t.chars().count() as f32,
                    size: 8.0,
                    line: i as u32,
                    start: text.len(),
                });
                text.push_str(t);
            }
            text.push('\n');
        }
        Page {
            number,
            text,
            words,
            width: 595.0,
            height: 842.0,
            ..Page::default()
        }
    }

    #[test]
    fn positioned_cells_wrap_into_their_own_columns_and_run_onto_the_next_page() {
        let p1 = page(
            1,
            &[
                &[
                    (20.0, "PIANO"),
                    (50.0, "ESECUTIVO"),
                    (100.0, "DI"),
                    (115.0, "GESTIONE"),
                ],
                &[
                    (20.0, "2022_A01"),
                    (60.0, "Obiettivo"),
                    (100.0, "di"),
                    (112.0, "prova"),
                ],
                &[(20.0, "GANTT")],
                &[(20.0, "FASI")],
                &[
                    (20.0, "Descrizione"),
                    (200.0, "Peso"),
                    (240.0, "Inizio"),
                    (265.0, "Previsto"),
                    (300.0, "Fine"),
                    (320.0, "Prevista"),
                    (360.0, "Responsabile"),
                    (430.0, "Centro"),
                    (458.0, "di"),
                    (468.0, "Responsabilità"),
                    (530.0, "Note"),
                ],
                &[
                    (20.0, "Prima"),
                    (45.0, "fase"),
                    (65.0, "con"),
                    (240.0, "01/01/2022"),
                    (300.0, "31/03/2022"),
                    (360.0, "ROSSI"),
                    (430.0, "UFFICIO"),
                ],
                &[
                    (20.0, "descrizione"),
                    (70.0, "lunga"),
                    (360.0, "MARIO"),
                    (430.0, "TECNICO"),
                ],
            ],
        );
        let p2 = page(
            2,
            &[
                &[
                    (20.0, "Seconda"),
                    (55.0, "fase"),
                    (205.0, "50"),
                    (240.0, "01/04/2022"),
                    (300.0, "30/06/2022"),
                    (360.0, "BIANCHI"),
                    (430.0, "SEGRETERIA"),
                ],
                &[(360.0, "ANNA")],
                &[(20.0, "INDICATORI")],
                &[
                    (20.0, "Descrizione"),
                    (300.0, "Tipo"),
                    (400.0, "Valore"),
                    (430.0, "Atteso"),
                ],
                &[
                    (20.0, "Numero"),
                    (50.0, "pratiche"),
                    (300.0, "RISULTATO"),
                    (400.0, ">="),
                    (412.0, "10"),
                ],
                &[(20.0, "evase")],
            ],
        );
        let rules = RuleSet::load(None, true).unwrap();
        let x = rules.extract(&[p1.clone(), p2.clone()]);
        assert_eq!(x.kind, "peg");
        assert_eq!(x.phases.len(), 2, "{:#?}", x.phases);
        let a = &x.phases[0];
        assert_eq!(
            a.description.as_deref(),
            Some("Prima fase con descrizione lunga")
        );
        assert_eq!(a.start_date, NaiveDate::from_ymd_opt(2022, 1, 1));
        assert_eq!(a.end_date, NaiveDate::from_ymd_opt(2022, 3, 31));
        assert_eq!(a.responsible.as_deref(), Some("ROSSI MARIO"));
        assert_eq!(a.responsibility_centre.as_deref(), Some("UFFICIO TECNICO"));
        assert_eq!(a.objective_code.as_deref(), Some("2022_A01"));
        let b = &x.phases[1];
        assert_eq!(b.description.as_deref(), Some("Seconda fase"));
        assert_eq!(b.weight, Some(50.0));
        assert_eq!(b.responsible.as_deref(), Some("BIANCHI ANNA"));
        assert_eq!(b.responsibility_centre.as_deref(), Some("SEGRETERIA"));
        // The span of a cell read on page 2 points into page 2's text, from
        // its first word to the last of its wrapped lines.
        let sp = b.spans["responsible"];
        assert_eq!(sp.page, 2);
        let spanned = &p2.text[sp.start..sp.end];
        assert!(
            spanned.starts_with("BIANCHI") && spanned.ends_with("ANNA"),
            "{spanned}"
        );
        assert_eq!(x.indicators.len(), 1, "{:#?}", x.indicators);
        let i = &x.indicators[0];
        assert_eq!(i.description.as_deref(), Some("Numero pratiche evase"));
        assert_eq!(i.expected_operator.as_deref(), Some(">="));
        assert_eq!(i.expected_value.as_deref(), Some("10"));
    }
}

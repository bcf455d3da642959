//! The positioned path: a table read line by line from positioned words,
//! its columns starting at the x of the header's labels (the layout of
//! atti's own generator and of text laid out with spaces), used where the
//! table reader finds no table whose header the rule's labels match.

use std::ops::Range;

use super::{ends, put, Row};
use crate::read::Word;
use crate::rules::compiled::label_words;
use crate::rules::compiled::Table;
use crate::rules::document::{self, Doc, Region};

/// Column starts, in column order, found on a header line and the one after it.
fn columns_from_header(t: &Table, words: &[&Word]) -> Option<Vec<f32>> {
    let mut xs = Vec::new();
    for c in &t.columns {
        let x = c.label_words.iter().find_map(|label| {
            let first = label.first()?;
            words
                .iter()
                .find(|w| label_words(&w.text).first() == Some(first))
                .map(|w| w.x)
        })?;
        xs.push(x);
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
pub(super) fn rows_positioned(doc: &Doc, region: &Region, t: &Table) -> Option<Vec<Row>> {
    let key = t.columns.iter().position(|c| c.key)?;
    let mut rows: Vec<Row> = Vec::new();
    let mut xs: Option<Vec<f32>> = None;
    let mut found_header = false;
    // Vertical distances between the table's consecutive lines so far.
    let mut spacings: Vec<f32> = Vec::new();
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
        // Baseline of the last table line read on this page.
        let mut prev_y: Option<f32> = None;
        for (idx, (ln, ws)) in lines.iter().enumerate() {
            if skip_until.is_some_and(|s| *ln <= s) {
                prev_y = Some(line_y(ws));
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
                prev_y = Some(line_y(ws));
                continue;
            }
            if !found_header {
                continue;
            }
            if ends(t, line_text) {
                break 'pieces;
            }
            let cols = xs.as_ref()?;
            let y = line_y(ws);
            let gap = prev_y.map(|p| y - p);
            let wide = gap.is_some_and(|g| g > wide_gap(&spacings, ws));
            if in_margin_band(page, y) && (wide || !aligned(cols, ws)) {
                // Page furniture (a footer, a running header) in the page's
                // margin: not a row, and the table may go on over the page.
                continue;
            }
            if wide {
                break 'pieces;
            }
            if let Some(g) = gap.filter(|g| *g > 0.0) {
                spacings.push(g);
            }
            prev_y = Some(y);
            let mut cells: Vec<Option<(String, Range<usize>)>> = vec![None; t.columns.len()];
            for w in ws {
                let Some(c) = column_of(cols, w.x) else {
                    continue;
                };
                let r = w.start..(w.start + w.text.len()).min(text.len());
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

/// A line's baseline: the lowest of its words'.
fn line_y(ws: &[&Word]) -> f32 {
    ws.iter().map(|w| w.y).fold(f32::MIN, f32::max)
}

/// A vertical gap wider than this many times the table's usual line spacing
/// ends it: what comes after is no longer the table (a footer far below).
const GAP_LINES: f32 = 2.5;
/// The usual line spacing assumed, in font sizes, before two lines were
/// read, and the least ever taken (rows set tightly still leave room for a
/// blank line or two).
const LINE_SPACING_EMS: f32 = 1.5;

/// The vertical gap past which a line is no longer part of the table: a
/// multiple of the median spacing of its lines so far (never below what
/// the line's font size gives).
fn wide_gap(spacings: &[f32], ws: &[&Word]) -> f32 {
    let size = ws.iter().map(|w| w.size).fold(0.0_f32, f32::max).max(1.0);
    let mut s = spacings.to_vec();
    s.sort_by(f32::total_cmp);
    let usual = s
        .get(s.len() / 2)
        .copied()
        .unwrap_or(0.0)
        .max(LINE_SPACING_EMS * size);
    GAP_LINES * usual
}

/// The share of the page height, at its top and at its bottom, where page
/// headers and footers are printed.
const MARGIN_BAND: f32 = 0.08;

/// Whether a baseline lies in the top or bottom margin band of a page
/// (never for pages without a size: text laid out in characters).
fn in_margin_band(page: &crate::read::Page, y: f32) -> bool {
    page.height > 0.0 && (y < page.height * MARGIN_BAND || y > page.height * (1.0 - MARGIN_BAND))
}

/// How far right of its column's start a cell's first word may begin and
/// still be aligned with it, in font sizes (a right-aligned short number).
const ALIGN_EMS: f32 = 3.0;

/// Whether every cell of a line starts at one of the columns: the first
/// word of each run of words falling into one column lies near its start.
fn aligned(cols: &[f32], ws: &[&Word]) -> bool {
    let mut seen: Vec<usize> = Vec::new();
    for w in ws {
        let Some(c) = column_of(cols, w.x) else {
            return false;
        };
        if seen.contains(&c) {
            continue;
        }
        seen.push(c);
        if w.x - cols[c] > ALIGN_EMS * w.size.max(1.0) {
            return false;
        }
    }
    true
}

//! The grid path: a table rule read over tables as grids of cells, the ones
//! the table reader finds on a PDF page from its geometry, or the ones a
//! source declares (an HTML `<table>`).
//!
//! The rule only maps header labels to fields. Its header is the first rows
//! of a table (up to [`MAX_HEADER_ROWS`], as long as no row starts a record):
//! each column's header text is what those rows hold in it, so a label set
//! over two lines ("Inizio" above "Previsto") or under a cell that spans
//! columns ("Previsto" over "Inizio" and "Fine") is still found. A record
//! starts at a row whose key cell holds a value its normalisers accept (a
//! date for a date column); a row without one continues the record above
//! (a cell wrapped into a row of its own). The table goes on in the next
//! tables of the region (on the next page, or a part the reader found
//! apart), with the header repeated or not, while their columns line up
//! with the header's; it ends at the rule's `end`, at another table's
//! header, or at a table whose columns do not line up.

use std::borrow::Cow;

use atti_page::{Page, Table as Grid, TableCell};

use super::cells_at::At;
use super::extents::{extents, text_extents};
use super::{ends, labels, put, regrid, Row};
use crate::rules::compiled::label_words;
use crate::rules::compiled::Table;
use crate::rules::document::{Doc, Region};
use crate::rules::normalise;

/// Most rows read as a header above a table's first record.
const MAX_HEADER_ROWS: usize = 5;

/// How a table's columns are the rule's: for each column of the rule, the
/// grid column it is read from.
#[derive(Debug, Clone)]
struct Mapping {
    columns: Vec<Option<usize>>,
    /// Rows of the header (the body starts after them).
    header_rows: usize,
    /// Each grid column's horizontal extent, to line up the columns of a
    /// table that continues it (empty for grids without geometry).
    extents: Vec<Option<(f32, f32)>>,
}

/// The rows of a table rule read over the grids of a region's pages;
/// `None` when no grid's header matches the rule's labels.
pub(super) fn rows(doc: &Doc, region: &Region, t: &Table) -> Option<Vec<Row>> {
    let mut rows: Vec<Row> = Vec::new();
    let mut mapping: Option<Mapping> = None;
    for (page, found) in grids_in(doc, region) {
        let found: &Grid = &found;
        let mut header = match_header(t, found);
        // A grid read without lines may have run two columns together that
        // the table's first header kept apart (a repeated header on the next
        // page whose labels sit close): read it again with those columns.
        let reread = match (&mapping, &header) {
            (Some(prev), None) => regrid::reread(doc, page, found, &prev.extents),
            (Some(prev), Some(m)) if named(m) < named(prev) => {
                regrid::split(doc, page, found, &prev.extents)
                    .filter(|g| match_header(t, g).is_some_and(|r| named(&r) > named(m)))
            }
            _ => None,
        };
        if let Some(g) = &reread {
            if header.is_some() {
                header = match_header(t, g);
            }
        }
        let grid = reread.as_ref().unwrap_or(found);
        // A table's first grid read without lines whose columns disagree
        // with the rule's labels: the positioned path reads it by them.
        if let (None, Some(m)) = (&mapping, &header) {
            let heads: Vec<Vec<String>> = (0..found.cols)
                .map(|c| column_text(found, c, 0..m.header_rows as u32))
                .collect();
            if found.mode == atti_page::TableMode::Stream && labels::disagree(t, &heads) {
                return None;
            }
        }
        let (m, skip) = match (&mapping, header) {
            (_, Some(m)) => {
                let skip = m.header_rows;
                (m, skip)
            }
            (None, None) => match foot_header(doc, region, page, grid, t) {
                Some(m) => (m, 0),
                None => continue,
            },
            (Some(prev), None) => {
                // A later grid carries the table on when its columns line up.
                match continuation(prev, grid, &text_extents(doc, page, grid)) {
                    Some(m) => (m, 0),
                    None => break,
                }
            }
        };
        let before = rows.len();
        let mut ended = read_body(doc, page, grid, &m, skip, t, &mut rows);
        // A ruled header alone, with no grid below it: its body may be a
        // single line, which no reader takes for a table.
        let next = next_grid_top(doc, page, grid);
        if !ended && rows.len() == before && skip == grid.rows as usize && next.is_none() {
            if let Some(body) = regrid::lines_below(doc, page, grid, &m.extents) {
                let columns = Mapping {
                    header_rows: 0,
                    ..m.clone()
                };
                ended = read_body(doc, page, &body, &columns, 0, t, &mut rows);
            }
        }
        if mapping.is_none() {
            mapping = Some(m);
        }
        if ended {
            break;
        }
    }
    mapping.map(|_| rows)
}

/// The header a table left alone at the foot of the page before `grid`'s
/// (its rows all on this page, after page furniture, without the header
/// repeated): of the runs of lines there that line up with the grid's
/// columns, the one whose labels name most of the rule's columns, best,
/// in the fewest lines; its columns are the grid's.
fn foot_header(doc: &Doc, region: &Region, page: usize, grid: &Grid, t: &Table) -> Option<Mapping> {
    let mine = text_extents(doc, page, grid);
    let (_, _, _, columns) = regrid::foot_headers(doc, region, page, grid, &mine, MAX_HEADER_ROWS)
        .into_iter()
        .filter_map(|h| {
            let (columns, total) = assign(t, &h, h.rows as usize);
            let found = columns.iter().filter(|c| c.is_some()).count();
            enough(t, &columns).then_some((found, total, std::cmp::Reverse(h.rows), columns))
        })
        .max_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)))?;
    Some(Mapping {
        columns,
        header_rows: 0,
        extents: extents(grid),
    })
}

/// How many of the rule's columns a mapping reads.
fn named(m: &Mapping) -> usize {
    m.columns.iter().filter(|c| c.is_some()).count()
}

/// The top of the next grid below `grid` on its page, if any.
fn next_grid_top(doc: &Doc, page: usize, grid: &Grid) -> Option<f32> {
    doc.tables(page)
        .iter()
        .filter(|g| !std::ptr::eq(*g, grid) && g.bbox[1] >= grid.bbox[3] - 1.0)
        .map(|g| g.bbox[1])
        .reduce(f32::min)
}

/// The grids of the region's pages, in page order and top to bottom, each
/// with its page index: those with a cell in the region (or, for grids
/// whose cells are not placed in the text, every grid of its pages).
fn grids_in<'d>(doc: &'d Doc, region: &Region) -> Vec<(usize, Cow<'d, Grid>)> {
    let mut out = Vec::new();
    let mut pages: Vec<usize> = region.iter().map(|p| p.page).collect();
    pages.dedup();
    for page in pages {
        let within = |c: &TableCell| {
            region
                .iter()
                .any(|p| p.page == page && p.range.contains(&c.start))
        };
        for g in doc.tables(page) {
            let placed: Vec<&TableCell> = g.cells.iter().filter(|c| c.end > c.start).collect();
            if placed.is_empty() || placed.iter().all(|c| within(c)) {
                out.push((page, Cow::Borrowed(g)));
            } else if placed.iter().any(|c| within(c)) {
                out.push((page, clip(g, &placed, within)));
            }
        }
    }
    out
}

/// A table that runs past the region (a sheet of a spreadsheet, which is
/// one table from its first row to its last) cut to the rows the region
/// holds; a table the page finds by geometry is taken whole, as before.
fn clip<'d>(
    g: &'d Grid,
    placed: &[&TableCell],
    within: impl Fn(&TableCell) -> bool,
) -> Cow<'d, Grid> {
    if g.mode != atti_page::TableMode::Markup {
        return Cow::Borrowed(g);
    }
    let rows = placed.iter().filter(|c| within(c)).map(|c| c.row);
    let (Some(first), Some(last)) = (rows.clone().min(), rows.max()) else {
        return Cow::Borrowed(g);
    };
    let cells = g
        .cells
        .iter()
        .filter(|c| c.row >= first && c.row <= last)
        .map(|c| TableCell {
            row: c.row - first,
            row_span: c.row_span.min(last + 1 - c.row),
            ..c.clone()
        })
        .collect();
    Cow::Owned(Grid {
        rows: last + 1 - first,
        cells,
        ..g.clone()
    })
}

/// How well a header text names a label: 3 the same words, 2 the label's
/// words in a row inside it, 1 all the label's words in any order (a label
/// under a cell spanning columns), 0 not at all.
fn score(header: &[String], label: &[String]) -> u8 {
    if label.is_empty() || header.is_empty() {
        return 0;
    }
    if header == label {
        3
    } else if header.windows(label.len()).any(|w| w == label) {
        2
    } else if label.iter().all(|l| header.contains(l)) {
        1
    } else {
        0
    }
}

/// The text of grid column `col` over rows `rows`, each cell once.
fn column_text(grid: &Grid, col: u32, rows: std::ops::Range<u32>) -> Vec<String> {
    column_text_at(&At::plain(grid), col, rows)
}

fn column_text_at(at: &At<'_>, col: u32, rows: std::ops::Range<u32>) -> Vec<String> {
    let grid = at.grid;
    let mut seen: Vec<(u32, u32)> = Vec::new();
    let mut words = Vec::new();
    for r in rows {
        if let Some(c) = at.cell(r, col) {
            // A cell across the whole width is the table's caption (a
            // heading row of a sheet), not a column's header.
            let caption = grid.cols > 1 && c.col_span >= grid.cols;
            if !caption && !seen.contains(&(c.row, c.col)) {
                seen.push((c.row, c.col));
                words.extend(label_words(&c.text));
            }
        }
    }
    words
}

/// Best assignment of the rule's columns to grid columns for a header of
/// `k` rows: highest scores first, longer labels before shorter, each
/// column used once. Returns the mapping and its total score.
fn assign(t: &Table, grid: &Grid, k: usize) -> (Vec<Option<usize>>, u32) {
    let headers: Vec<Vec<String>> = (0..grid.cols)
        .map(|c| column_text(grid, c, 0..k as u32))
        .collect();
    let mut cands: Vec<(u8, usize, usize, usize)> = Vec::new();
    for (i, col) in t.columns.iter().enumerate() {
        for (g, h) in headers.iter().enumerate() {
            let best = col.label_words.iter().map(|l| (score(h, l), l.len())).max();
            if let Some((s, len)) = best.filter(|(s, _)| *s > 0) {
                cands.push((s, len, i, g));
            }
        }
    }
    cands.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.3.cmp(&b.3)));
    let mut columns = vec![None; t.columns.len()];
    let mut used = vec![false; grid.cols as usize];
    let mut total = 0u32;
    for (s, _, i, g) in cands {
        if columns[i].is_none() && !used[g] {
            columns[i] = Some(g);
            used[g] = true;
            total += u32::from(s);
        }
    }
    (columns, total)
}

/// Whether a key cell's text starts a record: a value that its column's
/// normalisers accept.
fn starts_record(t: &Table, key: usize, text: &str) -> bool {
    !text.trim().is_empty() && normalise::chain(text, &t.columns[key].normalise).is_ok()
}

fn key_of(t: &Table) -> usize {
    t.columns.iter().position(|c| c.key).unwrap_or(0)
}

/// The fewest of the rule's columns a header must name: the key, and two
/// columns or half of them, whichever is more (all of a one-column rule).
fn enough(t: &Table, columns: &[Option<usize>]) -> bool {
    let found = columns.iter().filter(|c| c.is_some()).count();
    // A sheet of objectives names the few columns its export has, out of
    // the many a rule knows: its key and two more are enough.
    let need = if t.record == crate::rules::target::Record::Objective {
        t.columns.len().min(3)
    } else {
        t.columns.len().min(2.max(t.columns.len().div_ceil(2)))
    };
    columns[key_of(t)].is_some() && found >= need
}

/// The header of a grid, if the rule's labels name its columns.
fn match_header(t: &Table, grid: &Grid) -> Option<Mapping> {
    let key = key_of(t);
    let mut best: Option<(usize, u32, Mapping)> = None;
    // A grid may be the header alone (the reader found the body apart).
    for k in 1..=MAX_HEADER_ROWS.min(grid.rows as usize) {
        let (columns, total) = assign(t, grid, k);
        if enough(t, &columns) {
            let found = columns.iter().filter(|c| c.is_some()).count();
            if best
                .as_ref()
                .is_none_or(|(f, s, _)| (found, total) >= (*f, *s))
            {
                best = Some((
                    found,
                    total,
                    Mapping {
                        extents: extents(grid),
                        columns,
                        header_rows: k,
                    },
                ));
            }
        }
        // The header ends above the first row that starts a record.
        let starts = best
            .as_ref()
            .and_then(|(_, _, m)| m.columns[key])
            .is_some_and(|g| {
                grid.cell_at(k as u32, g as u32)
                    .is_some_and(|c| starts_record(t, key, &c.text))
            });
        if starts {
            break;
        }
    }
    best.map(|(_, _, m)| m)
}

/// A grid that carries a table on (on a later page, without its header):
/// each of its columns goes to the header column that holds most of its
/// text, or, for grids without geometry, the same number of columns.
fn continuation(prev: &Mapping, grid: &Grid, mine: &[Option<(f32, f32)>]) -> Option<Mapping> {
    let columns: Vec<Option<usize>> = if prev.extents.iter().all(Option::is_none) {
        if grid.cols as usize != prev.extents.len() {
            return None;
        }
        prev.columns.clone()
    } else {
        // Pairs of a header column and a grid column whose text lies half
        // or more inside it, taken by overlap, each column used once.
        let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
        for (i, g) in prev.columns.iter().enumerate() {
            let Some((a0, a1)) = (*g).and_then(|g| prev.extents.get(g).copied().flatten()) else {
                continue;
            };
            for (j, e) in mine.iter().enumerate() {
                let Some((b0, b1)) = *e else { continue };
                let overlap = a1.min(b1) - a0.max(b0);
                if overlap > 0.5 * (b1 - b0).min(a1 - a0) {
                    pairs.push((overlap / (b1 - b0).max(0.1), i, j));
                }
            }
        }
        pairs.sort_by(|x, y| y.0.total_cmp(&x.0));
        let mut columns = vec![None; prev.columns.len()];
        let mut used = vec![false; mine.len()];
        for (_, i, j) in pairs {
            if columns[i].is_none() && !used[j] {
                columns[i] = Some(j);
                used[j] = true;
            }
        }
        columns
    };
    let found = columns.iter().filter(|c| c.is_some()).count();
    (found >= 2.min(prev.columns.iter().flatten().count())).then_some(Mapping {
        columns,
        header_rows: 0,
        extents: extents(grid),
    })
}

/// Reads the body of a grid into records; `true` when the table ended in it.
fn read_body(
    doc: &Doc,
    page: usize,
    grid: &Grid,
    m: &Mapping,
    skip: usize,
    t: &Table,
    rows: &mut Vec<Row>,
) -> bool {
    let key = key_of(t);
    let text_len = doc.pages.get(page).map_or(0, |p: &Page| p.text.len());
    let at = At::indexed(grid);
    for r in skip as u32..grid.rows {
        let cells = at.row(r);
        if cells.iter().any(|c| ends(t, &c.text)) {
            return true;
        }
        if is_repeated_header(t, &at, m, r) {
            continue;
        }
        let key_text = m.columns[key]
            .and_then(|g| at.cell(r, g as u32))
            .map(|c| c.text.as_str())
            .unwrap_or("");
        if starts_record(t, key, key_text) {
            rows.push(vec![None; t.columns.len()]);
        }
        let Some(row) = rows.last_mut() else { continue };
        for c in cells {
            if c.text.trim().is_empty() {
                continue;
            }
            // A cell spanning columns goes to the first rule column it covers.
            let Some(i) = m.columns.iter().position(|g| {
                g.is_some_and(|g| (c.col..c.col + c.col_span.max(1)).contains(&(g as u32)))
            }) else {
                continue;
            };
            let range = if c.end > c.start && c.end <= text_len {
                c.start..c.end
            } else {
                0..0
            };
            put(row, i, &c.text, page, range);
        }
    }
    false
}

/// A row that repeats the header (a table continued on a new page): half
/// of the mapped columns or more hold their label exactly.
fn is_repeated_header(t: &Table, at: &At<'_>, m: &Mapping, r: u32) -> bool {
    let mapped: Vec<(usize, usize)> = m
        .columns
        .iter()
        .enumerate()
        .filter_map(|(i, g)| g.map(|g| (i, g)))
        .collect();
    let exact = mapped
        .iter()
        .filter(|(i, g)| {
            let h = column_text_at(at, *g as u32, r..r + 1);
            t.columns[*i].label_words.iter().any(|l| score(&h, l) >= 2)
        })
        .count();
    !mapped.is_empty() && exact * 2 >= mapped.len().max(2)
}

#[cfg(test)]
#[path = "grid_tests.rs"]
mod tests;

//! Grids read again with columns the table already showed.
//!
//! The table reader sees one page at a time. A table rule sees the whole
//! table: once its header has said where the columns are, a part of it
//! that the reader got wrong on its own can be read again with those
//! columns. The header's columns are given as each column's horizontal
//! extent (`extents`, from the header grid's cells); the words are placed
//! by their centres between the middles of the gaps that part them.

use atti_page::{Table as Grid, TableCell, TableMode, Word};

use crate::rules::document::{Doc, Region};

/// How far below a ruled header, in its row's heights, its first body line
/// may sit, and how far apart (in font sizes) two lines of one body are.
const BODY_GAP_ROWS: f32 = 1.5;
const BODY_LINE_GAP_EMS: f32 = 2.5;

/// The text lines right below a ruled header, read as a grid with the
/// header's columns: each line a row, each word in the column that holds
/// its centre. Used only where the reader found nothing below the header.
pub(super) fn lines_below(
    doc: &Doc,
    page: usize,
    header: &Grid,
    extents: &[Option<(f32, f32)>],
) -> Option<Grid> {
    let p = doc.pages.get(page)?;
    let [hx0, _, hx1, hy1] = header.bbox;
    let row_height = (header.bbox[3] - header.bbox[1]) / header.rows.max(1) as f32;
    let mut words: Vec<&Word> = p
        .words
        .iter()
        .filter(|w| {
            w.start != usize::MAX && w.y > hy1 && w.x >= hx0 - 2.0 && w.x + w.width <= hx1 + 2.0
        })
        .collect();
    words.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let first = words.first()?;
    if first.y - first.size - hy1 > BODY_GAP_ROWS * row_height.max(first.size) {
        return None;
    }
    // Lines: words whose baselines are within a third of a font size.
    let mut lines: Vec<Vec<&Word>> = Vec::new();
    for w in words {
        match lines.last_mut() {
            Some(l) if (w.y - l[0].y).abs() <= l[0].size / 3.0 => l.push(w),
            Some(l) if w.y - l[0].y > BODY_LINE_GAP_EMS * l[0].size => break,
            _ => lines.push(vec![w]),
        }
    }
    let cols: Vec<(f32, f32)> = extents.iter().map(|e| e.unwrap_or((0.0, 0.0))).collect();
    let mut cells = Vec::new();
    for (r, line) in lines.iter().enumerate() {
        for (c, &(x0, x1)) in cols.iter().enumerate() {
            let inside: Vec<&Word> = line
                .iter()
                .copied()
                .filter(|w| (x0..x1).contains(&centre(w)))
                .collect();
            cells.extend(cell(r, c, &inside));
        }
    }
    let y1 = lines.last()?.iter().map(|w| w.y).fold(hy1, f32::max);
    Some(Grid {
        mode: TableMode::Stream,
        bbox: [hx0, hy1, hx1, y1],
        rows: lines.len() as u32,
        cols: cols.len() as u32,
        cells,
        covered: Vec::new(),
    })
}

/// Most lines of page furniture (running title, page number) between a
/// table's header at the foot of a page and its body at the top of the next.
const MAX_FURNITURE_LINES: usize = 2;

/// The header a table may have left alone at the foot of the page before
/// `page` (its body, `body`, opening this page under no more than page
/// furniture): each run of up to `max_rows` lines at the foot of that page,
/// in the region and below its last table, with no more than page furniture
/// under it, read as a grid with the body's columns, one row a line. A run
/// whose words fall outside the body's span, or whose cells miss the text
/// of the body column they are read into, does not line up and is left
/// out. The caller decides by the rule's labels which run, if any, is the
/// header.
pub(super) fn foot_headers(
    doc: &Doc,
    region: &Region,
    page: usize,
    body: &Grid,
    extents: &[Option<(f32, f32)>],
    max_rows: usize,
) -> Vec<Grid> {
    let (Some(prev), Some((bounds, span))) = (page.checked_sub(1), separators(extents)) else {
        return Vec::new();
    };
    let content = |pg: usize, w: &Word| {
        w.start != usize::MAX
            && doc
                .clean
                .get(pg)
                .and_then(|t| t.get(w.start..w.start + w.text.len()))
                .is_some_and(|t| !t.trim().is_empty())
    };
    // The body opens its page: above it, page furniture at most.
    let Some(p) = doc.pages.get(page) else {
        return Vec::new();
    };
    let above: Vec<&Word> = p
        .words
        .iter()
        .filter(|w| content(page, w) && w.y < body.bbox[1])
        .collect();
    if text_lines(above).len() > MAX_FURNITURE_LINES {
        return Vec::new();
    }
    let Some(p) = doc.pages.get(prev) else {
        return Vec::new();
    };
    let floor = doc
        .tables(prev)
        .iter()
        .map(|g| g.bbox[3])
        .fold(f32::NEG_INFINITY, f32::max);
    let foot: Vec<&Word> = p
        .words
        .iter()
        .filter(|w| {
            content(prev, w)
                && w.y - w.size > floor
                && region
                    .iter()
                    .any(|r| r.page == prev && r.range.contains(&w.start))
        })
        .collect();
    let lines = text_lines(foot);
    // Each line read into the body's columns, or `None` where it does not
    // line up with them.
    let read: Vec<Option<Vec<Vec<&Word>>>> = lines
        .iter()
        .map(|l| in_columns(l, &bounds, span, extents))
        .collect();
    let n = lines.len();
    let mut out = Vec::new();
    for end in n.saturating_sub(MAX_FURNITURE_LINES)..=n {
        for start in end.saturating_sub(max_rows)..end {
            let Some(rows) = read[start..end].iter().cloned().collect::<Option<Vec<_>>>() else {
                continue;
            };
            let cells: Vec<TableCell> = rows
                .iter()
                .enumerate()
                .flat_map(|(r, cols)| {
                    cols.iter()
                        .enumerate()
                        .filter_map(move |(c, ws)| cell(r, c, ws))
                })
                .collect();
            let bbox = cells.iter().fold(
                [
                    f32::INFINITY,
                    f32::INFINITY,
                    f32::NEG_INFINITY,
                    f32::NEG_INFINITY,
                ],
                |b, c| {
                    [
                        b[0].min(c.bbox[0]),
                        b[1].min(c.bbox[1]),
                        b[2].max(c.bbox[2]),
                        b[3].max(c.bbox[3]),
                    ]
                },
            );
            out.push(Grid {
                mode: TableMode::Stream,
                bbox,
                rows: rows.len() as u32,
                cols: extents.len() as u32,
                cells,
                covered: Vec::new(),
            });
        }
    }
    out
}

/// Words grouped into lines by baseline (within a third of a font size),
/// top to bottom, each line left to right.
fn text_lines(mut words: Vec<&Word>) -> Vec<Vec<&Word>> {
    words.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<&Word>> = Vec::new();
    for w in words {
        match lines.last_mut() {
            Some(l) if (w.y - l[0].y).abs() <= l[0].size / 3.0 => l.push(w),
            _ => lines.push(vec![w]),
        }
    }
    for l in &mut lines {
        l.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
}

/// A line's words in the columns whose bands (between `bounds`) hold their
/// centres; `None` when a word's centre lies more than a font size outside
/// the columns' `span`, or a column's words miss its text extent.
fn in_columns<'w>(
    line: &[&'w Word],
    bounds: &[f32],
    span: (f32, f32),
    extents: &[Option<(f32, f32)>],
) -> Option<Vec<Vec<&'w Word>>> {
    // Columns in the order of their extents (the bands' order).
    let mut order: Vec<usize> = (0..extents.len())
        .filter(|&c| extents[c].is_some())
        .collect();
    order.sort_by(|&a, &b| {
        extents[a]
            .map(|e| e.0)
            .unwrap_or(0.0)
            .total_cmp(&extents[b].map(|e| e.0).unwrap_or(0.0))
    });
    let mut cols: Vec<Vec<&Word>> = vec![Vec::new(); extents.len()];
    for &w in line {
        let x = centre(w);
        if x < span.0 - w.size || x > span.1 + w.size {
            return None;
        }
        let band = bounds.iter().filter(|&&b| b < x).count();
        cols[*order.get(band)?].push(w);
    }
    for (c, ws) in cols.iter().enumerate() {
        let (Some(a), Some(b)) = (ws.first(), ws.last()) else {
            continue;
        };
        let (e0, e1) = extents[c]?;
        if a.x > e1 || b.x + b.width < e0 {
            return None;
        }
    }
    Some(cols)
}

/// A grid read without lines (stream) with fewer columns than the header
/// has (the words of two columns ran together), read again with the
/// header's column boundaries: a header set in ruled cells says where the
/// columns below it are.
pub(super) fn reread(
    doc: &Doc,
    page: usize,
    grid: &Grid,
    extents: &[Option<(f32, f32)>],
) -> Option<Grid> {
    let (columns, span) = separators(extents)?;
    if grid.mode != TableMode::Stream || columns.len() + 1 <= grid.cols as usize {
        return None;
    }
    let [x0, y0, x1, y1] = grid.bbox;
    let settings = atti_tables::Settings {
        area: Some([
            x0.min(span.0) - 2.0,
            y0 - 2.0,
            x1.max(span.1) + 2.0,
            y1 + 2.0,
        ]),
        columns: Some(columns),
        ..atti_tables::Settings::default()
    };
    let p = doc.pages.get(page)?;
    atti_tables::find(p, &settings)
        .into_iter()
        .max_by(|a, b| overlap(&a.bbox, &grid.bbox).total_cmp(&overlap(&b.bbox, &grid.bbox)))
        .filter(|g| g.cols > grid.cols)
}

/// A stream grid whose rows are right but whose columns ran together, its
/// rows kept and its words parted again at the header's column boundaries
/// (a header repeated on the next page, its labels set close together,
/// that the reader read as fewer columns than the first page's).
pub(super) fn split(
    doc: &Doc,
    page: usize,
    grid: &Grid,
    extents: &[Option<(f32, f32)>],
) -> Option<Grid> {
    let (columns, _) = separators(extents)?;
    if grid.mode != TableMode::Stream || columns.len() + 1 <= grid.cols as usize {
        return None;
    }
    let p = doc.pages.get(page)?;
    // Each row's vertical band, from its cells.
    let mut bands: Vec<Option<(f32, f32)>> = vec![None; grid.rows as usize];
    for c in grid.cells.iter().filter(|c| c.row_span <= 1) {
        if let Some(slot) = bands.get_mut(c.row as usize) {
            *slot = Some(slot.map_or((c.bbox[1], c.bbox[3]), |(a, b)| {
                (a.min(c.bbox[1]), b.max(c.bbox[3]))
            }));
        }
    }
    let [gx0, _, gx1, _] = grid.bbox;
    let mut cells = Vec::new();
    for (r, band) in bands.iter().enumerate() {
        let Some((top, bottom)) = *band else { continue };
        let mut words: Vec<&Word> = p
            .words
            .iter()
            .filter(|w| w.start != usize::MAX && (gx0 - 2.0..=gx1 + 2.0).contains(&centre(w)))
            .filter(|w| (top..=bottom + 1.0).contains(&(w.y - w.size / 2.0)))
            .collect();
        words.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        for c in 0..=columns.len() {
            let lo = if c == 0 {
                f32::NEG_INFINITY
            } else {
                columns[c - 1]
            };
            let hi = columns.get(c).copied().unwrap_or(f32::INFINITY);
            let inside: Vec<&Word> = words
                .iter()
                .copied()
                .filter(|w| (lo..hi).contains(&centre(w)))
                .collect();
            cells.extend(cell(r, c, &inside));
        }
    }
    Some(Grid {
        mode: TableMode::Stream,
        bbox: grid.bbox,
        rows: grid.rows,
        cols: columns.len() as u32 + 1,
        cells,
        covered: Vec::new(),
    })
}

/// The column boundaries that `extents` show (the middle of each gap), and
/// the span from the first column's left to the last one's right; `None`
/// for a header without geometry.
fn separators(extents: &[Option<(f32, f32)>]) -> Option<(Vec<f32>, (f32, f32))> {
    let mut e: Vec<(f32, f32)> = extents.iter().flatten().copied().collect();
    if e.len() < 2 {
        return None;
    }
    e.sort_by(|a, b| a.0.total_cmp(&b.0));
    let columns = e.windows(2).map(|w| (w[0].1 + w[1].0) / 2.0).collect();
    Some((columns, (e[0].0, e[e.len() - 1].1)))
}

/// The cell of words `inside` (in reading order) at row `r`, column `c`.
fn cell(r: usize, c: usize, inside: &[&Word]) -> Option<TableCell> {
    let (a, b) = (inside.first()?, inside.last()?);
    let bbox = inside.iter().fold(
        [
            f32::INFINITY,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NEG_INFINITY,
        ],
        |bb, w| {
            [
                bb[0].min(w.x),
                bb[1].min(w.y - w.size),
                bb[2].max(w.x + w.width),
                bb[3].max(w.y),
            ]
        },
    );
    Some(TableCell {
        row: r as u32,
        col: c as u32,
        row_span: 1,
        col_span: 1,
        text: inside
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        bbox,
        start: inside.iter().map(|w| w.start).min().unwrap_or(a.start),
        end: inside
            .iter()
            .map(|w| w.start + w.text.len())
            .max()
            .unwrap_or(b.start + b.text.len()),
        value: None,
    })
}

fn centre(w: &Word) -> f32 {
    w.x + w.width / 2.0
}

/// The area two boxes share.
fn overlap(a: &[f32; 4], b: &[f32; 4]) -> f32 {
    let w = a[2].min(b[2]) - a[0].max(b[0]);
    let h = a[3].min(b[3]) - a[1].max(b[1]);
    w.max(0.0) * h.max(0.0)
}

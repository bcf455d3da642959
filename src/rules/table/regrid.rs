//! Grids read again with columns the table already showed.
//!
//! The table reader sees one page at a time. A table rule sees the whole
//! table: once its header has said where the columns are, a part of it
//! that the reader got wrong on its own can be read again with those
//! columns. The header's columns are given as each column's horizontal
//! extent (`extents`, from the header grid's cells); the words are placed
//! by their centres between the middles of the gaps that part them.

use atti_page::{Table as Grid, TableCell, TableMode, Word};

use crate::rules::document::Doc;

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
    })
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

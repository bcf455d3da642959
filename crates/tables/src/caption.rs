//! A table's caption set inside its frame.
//!
//! A title is no part of the table it names. Above a table drawn without a
//! frame the region finder leaves it out ([`crate::region`]); a frame
//! drawn around the title as well (a band of colour, a box over the whole
//! table) puts it in the grid's first row, as one cell across every column.
//! That row is the table's caption when its text is set larger than any
//! text of the table below it, as titles are; a merged first row in the
//! table's own type is a header over all the columns and stays.

use crate::draft::Draft;

/// `d` without its first row when that row is a caption: one cell across
/// every column, over at least two rows, set larger (beyond `tolerance`, a
/// share of the size) than every word below it.
pub(crate) fn drop_caption(mut d: Draft, tolerance: f32) -> Draft {
    if d.rows < 3 || d.cols < 2 {
        return d;
    }
    let first: Vec<usize> = (0..d.cells.len())
        .filter(|&k| d.cells[k].row == 0)
        .collect();
    let [k] = first.as_slice() else {
        return d;
    };
    let cell = &d.cells[*k];
    if cell.col != 0 || cell.col_span != d.cols || cell.row_span != 1 || cell.words.is_empty() {
        return d;
    }
    let smallest = cell
        .words
        .iter()
        .map(|w| w.size)
        .fold(f32::INFINITY, f32::min);
    let below = d
        .cells
        .iter()
        .filter(|c| c.row > 0)
        .flat_map(|c| c.words.iter().map(|w| w.size))
        .fold(0.0, f32::max);
    if below <= 0.0 || smallest <= below * (1.0 + tolerance) {
        return d;
    }
    d.cells.remove(*k);
    for c in &mut d.cells {
        c.row -= 1;
    }
    d.rows -= 1;
    d.bbox[1] = d
        .cells
        .iter()
        .map(|c| c.bbox[1])
        .fold(f32::INFINITY, f32::min)
        .max(d.bbox[1]);
    d
}

/// `d` without its last row when that row is a note: one cell across
/// every column, under at least two rows that set words in two columns
/// or more, whose words reach past the first column's right edge.
pub(crate) fn drop_notes(mut d: Draft) -> Draft {
    if d.rows < 3 || d.cols < 2 {
        return d;
    }
    let last_row = d.rows - 1;
    let last: Vec<usize> = (0..d.cells.len())
        .filter(|&k| d.cells[k].row + d.cells[k].row_span > last_row)
        .collect();
    let [k] = last.as_slice() else {
        return d;
    };
    let cell = &d.cells[*k];
    if cell.col != 0 || cell.col_span != d.cols || cell.row_span != 1 || cell.words.is_empty() {
        return d;
    }
    // The first column's right edge, from the cells of one column there.
    let Some(edge) = d
        .cells
        .iter()
        .filter(|c| c.col == 0 && c.col_span == 1)
        .map(|c| c.bbox[2])
        .min_by(f32::total_cmp)
    else {
        return d;
    };
    if !cell.words.iter().any(|w| w.x1 > edge) {
        return d;
    }
    let rows_of_values = (0..last_row)
        .filter(|&r| {
            d.cells
                .iter()
                .filter(|c| c.row == r && !c.words.is_empty())
                .count()
                >= 2
        })
        .count();
    if rows_of_values < 2 {
        return d;
    }
    d.cells.remove(*k);
    d.rows -= 1;
    d.bbox[3] = d
        .cells
        .iter()
        .map(|c| c.bbox[3])
        .fold(f32::NEG_INFINITY, f32::max)
        .min(d.bbox[3]);
    d
}

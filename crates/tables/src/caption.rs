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

//! Where a grid's columns lie across the page: the extent of each column's
//! cells, and of the words in them. A table that runs on over pages lines
//! its later parts up with its header by these (see `grid`).

use atti_page::Table as Grid;

use crate::rules::document::Doc;

/// Each grid column's horizontal extent, from the cells that cover it alone.
pub(super) fn extents(grid: &Grid) -> Vec<Option<(f32, f32)>> {
    let mut out: Vec<Option<(f32, f32)>> = vec![None; grid.cols as usize];
    if grid.bbox == [0.0; 4] {
        return out;
    }
    for c in grid.cells.iter().filter(|c| c.col_span <= 1) {
        if let Some(slot) = out.get_mut(c.col as usize) {
            let (x0, x1) = (c.bbox[0], c.bbox[2]);
            *slot = Some(slot.map_or((x0, x1), |(a, b)| (a.min(x0), b.max(x1))));
        }
    }
    out
}

/// Each grid column's extent of text: from the left of its leftmost word
/// to the right of its rightmost (a cell's band may reach far past its
/// text, to the middle of the gap before the next column).
pub(super) fn text_extents(doc: &Doc, page: usize, grid: &Grid) -> Vec<Option<(f32, f32)>> {
    let mut out: Vec<Option<(f32, f32)>> = vec![None; grid.cols as usize];
    let Some(p) = doc.pages.get(page).filter(|p| !p.words.is_empty()) else {
        return extents(grid);
    };
    for c in grid
        .cells
        .iter()
        .filter(|c| c.col_span <= 1 && c.end > c.start)
    {
        let [bx0, by0, bx1, by1] = c.bbox;
        for w in p.words.iter().filter(|w| {
            (c.start..c.end).contains(&w.start)
                && w.x + w.width / 2.0 >= bx0
                && w.x + w.width / 2.0 <= bx1
                && w.y >= by0
                && w.y - w.size <= by1
        }) {
            if let Some(slot) = out.get_mut(c.col as usize) {
                let (x0, x1) = (w.x, w.x + w.width);
                *slot = Some(slot.map_or((x0, x1), |(a, b)| (a.min(x0), b.max(x1))));
            }
        }
    }
    out
}

//! The space between boxes, taken out of a grid.
//!
//! Some producers draw every cell as a box of its own, a little inside its
//! neighbours: between two boxes the grid gets a thin column (or row) that
//! holds nothing. A band of the grid thinner than `max_gutter` em (too
//! narrow for a short word) in which no word lies is dropped; cells across
//! it lose it from their span, cells inside it go.

use crate::draft::DraftCell;

/// The cells with the empty thin bands dropped, and the new numbers of
/// rows and columns. `xs` and `ys` are the grid's edges; `max_gutter` is in
/// em of the words' median size.
pub(crate) fn drop_gutters(
    cells: Vec<DraftCell>,
    xs: &[f32],
    ys: &[f32],
    max_gutter: f32,
) -> (Vec<DraftCell>, usize, usize) {
    let cols = xs.len().saturating_sub(1);
    let rows = ys.len().saturating_sub(1);
    let words = || cells.iter().flat_map(|c| c.words.iter());
    let max_gutter = max_gutter * crate::geom::median(words().map(|w| w.size).collect());
    let gone_x = gutters(xs, max_gutter, |lo, hi| {
        words().any(|w| w.cx() >= lo && w.cx() < hi)
    });
    let gone_y = gutters(ys, max_gutter, |lo, hi| {
        words().any(|w| w.cy() >= lo && w.cy() < hi)
    });
    if !gone_x.iter().any(|&g| g) && !gone_y.iter().any(|&g| g) {
        return (cells, rows, cols);
    }
    let new_x = renumber(&gone_x);
    let new_y = renumber(&gone_y);
    let mut out = Vec::with_capacity(cells.len());
    for mut c in cells {
        let keep_c: Vec<usize> = (c.col as usize..(c.col + c.col_span) as usize)
            .filter(|&k| !gone_x.get(k).copied().unwrap_or(true))
            .collect();
        let keep_r: Vec<usize> = (c.row as usize..(c.row + c.row_span) as usize)
            .filter(|&k| !gone_y.get(k).copied().unwrap_or(true))
            .collect();
        let (Some(&c0), Some(&r0)) = (keep_c.first(), keep_r.first()) else {
            continue;
        };
        c.col = new_x[c0] as u32;
        c.row = new_y[r0] as u32;
        c.col_span = keep_c.len() as u32;
        c.row_span = keep_r.len() as u32;
        out.push(c);
    }
    let kept = |g: &[bool]| g.iter().filter(|&&x| !x).count();
    (out, kept(&gone_y), kept(&gone_x))
}

/// Which bands between `edges` are empty gutters (thinner than `max`,
/// nothing in them), never all of them.
fn gutters(edges: &[f32], max: f32, holds: impl Fn(f32, f32) -> bool) -> Vec<bool> {
    let mut gone: Vec<bool> = edges
        .windows(2)
        .map(|w| w[1] - w[0] < max && !holds(w[0], w[1]))
        .collect();
    if gone.iter().all(|&g| g) {
        gone.iter_mut().for_each(|g| *g = false);
    }
    gone
}

/// The new index of each kept band.
fn renumber(gone: &[bool]) -> Vec<usize> {
    let mut next = 0;
    gone.iter()
        .map(|&g| {
            let k = next;
            if !g {
                next += 1;
            }
            k
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::testkit::{grids, rows, Kit};

    #[test]
    fn cells_drawn_as_separate_boxes() {
        // Rows ruled across the table; each column's cells boxed apart,
        // 5 points from the next column's; a title row over both.
        let mut k = Kit::new();
        for y in [100.0, 120.0, 140.0, 160.0] {
            k.hline(50.0, 346.0, y);
        }
        k.vline(50.0, 100.0, 160.0).vline(346.0, 100.0, 160.0);
        k.vline(196.0, 120.0, 160.0).vline(201.0, 120.0, 160.0);
        k.text(54.0, 114.0, "Frequenza");
        k.text(54.0, 134.0, "Sostanza").text(205.0, 134.0, "Quota");
        k.text(54.0, 154.0, "Cannabis").text(205.0, 154.0, "9.6%");
        assert_eq!(
            grids(&k.page),
            vec![rows(&[
                &["Frequenza", ""],
                &["Sostanza", "Quota"],
                &["Cannabis", "9.6%"]
            ])]
        );
    }
}

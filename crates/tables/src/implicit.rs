//! Cells a grid merges but its words divide.
//!
//! Some producers draw the vertical lines of a table only in its header
//! (or in a few rows): below, the grid's cells run across every column,
//! yet the words in them stand in the columns the header drew. A merged
//! cell is cut at one of the grid's inner column edges when no word of it
//! crosses the edge and, on each of its text lines, the words on either
//! side stand at least a column gap apart (`column_gap`): a label spanning
//! columns has only word spaces there, a row of values has whitespace.

use crate::draft::DraftCell;
use crate::geom::WordBox;
use crate::settings::Settings;

/// The cells with merged ones cut where their words divide them, in
/// reading order. `xs` are the grid's column edges.
pub(crate) fn split_merged(cells: Vec<DraftCell>, xs: &[f32], s: &Settings) -> Vec<DraftCell> {
    let mut out = Vec::with_capacity(cells.len());
    for cell in cells {
        let (c0, n) = (cell.col as usize, cell.col_span as usize);
        if n < 2 || cell.words.is_empty() || c0 + n >= xs.len() {
            out.push(cell);
            continue;
        }
        let lines = text_lines(&cell.words, s.line_tolerance);
        let cuts: Vec<usize> = (c0 + 1..c0 + n)
            .filter(|&k| divides(&lines, xs[k], s))
            .collect();
        if cuts.is_empty() {
            out.push(cell);
            continue;
        }
        let mut bounds = vec![c0];
        bounds.extend(cuts);
        bounds.push(c0 + n);
        for w in bounds.windows(2) {
            let (a, b) = (w[0], w[1]);
            out.push(DraftCell {
                row: cell.row,
                col: a as u32,
                row_span: cell.row_span,
                col_span: (b - a) as u32,
                bbox: [xs[a], cell.bbox[1], xs[b], cell.bbox[3]],
                words: cell
                    .words
                    .iter()
                    .filter(|wb| wb.cx() >= xs[a] && wb.cx() < xs[b])
                    .copied()
                    .collect(),
            });
        }
        // A word right on the last edge belongs to the last piece.
        if let (Some(last), Some(&end)) = (out.last_mut(), xs.get(c0 + n)) {
            last.words
                .extend(cell.words.iter().filter(|wb| wb.cx() >= end).copied());
        }
    }
    out.sort_by_key(|c| (c.row, c.col));
    out
}

/// The words as text lines (by baseline), each left to right.
fn text_lines(words: &[WordBox], tol: f32) -> Vec<Vec<WordBox>> {
    crate::lines::by_baseline(words, tol)
        .into_iter()
        .map(|g| {
            g.into_iter()
                .filter_map(|i| words.get(i).copied())
                .collect()
        })
        .collect()
}

/// Whether the edge at `x` divides the lines: no word across it, whitespace
/// of a column gap on each line that has words on both sides, and at least
/// one such line.
fn divides(lines: &[Vec<WordBox>], x: f32, s: &Settings) -> bool {
    let t = s.edge_tolerance;
    let mut both = false;
    for line in lines {
        if line.iter().any(|w| w.x0 < x - t && w.x1 > x + t) {
            return false;
        }
        let left = line
            .iter()
            .filter(|w| w.cx() < x)
            .map(|w| w.x1)
            .fold(f32::NEG_INFINITY, f32::max);
        let right = line
            .iter()
            .filter(|w| w.cx() >= x)
            .map(|w| w.x0)
            .fold(f32::INFINITY, f32::min);
        if left.is_finite() && right.is_finite() {
            let size = line.iter().map(|w| w.size).fold(0.0, f32::max);
            if right - left < s.column_gap * size {
                return false;
            }
            both = true;
        }
    }
    both
}

#[cfg(test)]
mod tests {
    use crate::testkit::{rows, Kit};

    #[test]
    fn rows_of_values_under_a_ruled_header_are_cut_into_columns() {
        // Vertical lines only in the header row; a label over the whole
        // table (a section's, between its rows) stays one cell.
        let mut k = Kit::new();
        for y in [100.0, 120.0, 140.0, 160.0, 180.0] {
            k.hline(50.0, 350.0, y);
        }
        k.vline(50.0, 100.0, 180.0).vline(350.0, 100.0, 180.0);
        k.vline(150.0, 100.0, 120.0).vline(250.0, 100.0, 120.0);
        k.text(54.0, 114.0, "Paese")
            .text(154.0, 114.0, "Casi")
            .text(254.0, 114.0, "Quota");
        k.text(54.0, 134.0, "Austria")
            .text(154.0, 134.0, "3,375")
            .text(254.0, 134.0, "86.2");
        k.text(54.0, 154.0, "Casi confermati nel periodo di riferimento");
        k.text(54.0, 174.0, "Belgio").text(254.0, 174.0, "0");
        let g = crate::testkit::grids(&k.page);
        assert_eq!(
            g,
            vec![rows(&[
                &["Paese", "Casi", "Quota"],
                &["Austria", "3,375", "86.2"],
                &["Casi confermati nel periodo di riferimento", "", ""],
                &["Belgio", "", "0"],
            ])]
        );
        let t = crate::find(&k.page, &crate::Settings::default());
        let label = t[0].cells.iter().find(|c| c.row == 2).map(|c| c.col_span);
        assert_eq!(label, Some(3));
    }
}

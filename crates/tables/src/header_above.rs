//! A header read as a table of its own, right above the table it heads.
//!
//! A statement sets its column labels between two rules (`Plan` over
//! `Revenue  Capital  Total`), then a blank line or two, then its rows:
//! the stream reader finds two tables there, the labels alone and the
//! rows. The labels are the rows' header when:
//!
//! - both are stream tables with as many columns, the upper of at most
//!   [`MAX_HEADER_ROWS`] rows and the lower of more;
//! - every label stands over the lower table's columns it takes (its
//!   middle inside their cells' span), and the upper's last row names
//!   at least half of the columns (a header's bottom line does);
//! - the upper holds words only, no figures, and the lower's first row
//!   holds figures beyond its first column (it is a row of the body, not a
//!   header of its own);
//! - no more than [`MAX_GAP_EM`] em of blank lie between them.

use crate::draft::Draft;
use atti_page::TableMode;

/// Most rows of a header read apart.
const MAX_HEADER_ROWS: u32 = 4;

/// Widest blank between a header and its rows (em of the header's words).
const MAX_GAP_EM: f32 = 4.0;

/// `drafts` (sorted top to bottom) with each header read apart joined to
/// the table below it.
pub(crate) fn join(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in drafts {
        if let Some(up) = out.last() {
            if heads(up, &d) {
                if let Some(up) = out.pop() {
                    out.push(stack(up, d));
                }
                continue;
            }
        }
        out.push(d);
    }
    out
}

/// The x span of the cells of columns `c0..=c1` of `t` (from the middle
/// of the gap on their left to the middle of the gap on their right).
fn column_span(t: &Draft, c0: u32, c1: u32) -> Option<(f32, f32)> {
    t.cells
        .iter()
        .filter(|c| c.col >= c0 && c.col + c.col_span - 1 <= c1)
        .map(|c| (c.bbox[0], c.bbox[2]))
        .reduce(|(a, b), (x, y)| (a.min(x), b.max(y)))
}

/// Whether `up` is the header of `low`, right below it.
fn heads(up: &Draft, low: &Draft) -> bool {
    if up.mode != TableMode::Stream
        || low.mode != TableMode::Stream
        || up.cols != low.cols
        || up.rows > MAX_HEADER_ROWS
        || low.rows <= up.rows
    {
        return false;
    }
    let words = || up.cells.iter().flat_map(|c| c.words.iter());
    if words().any(|w| w.digits && !w.letters) {
        return false;
    }
    let size = crate::geom::median(words().map(|w| w.size).collect());
    let gap = low.bbox[1] - up.bbox[3];
    if !(gap >= 0.0 && gap <= MAX_GAP_EM * size) {
        return false;
    }
    let figures = low
        .cells
        .iter()
        .any(|c| c.row == 0 && c.col > 0 && c.words.iter().any(|w| w.digits && !w.letters));
    if !figures {
        return false;
    }
    let last = up.rows - 1;
    let named = up
        .cells
        .iter()
        .filter(|c| c.row + c.row_span - 1 == last && !c.words.is_empty())
        .map(|c| c.col_span)
        .sum::<u32>();
    if 2 * named < up.cols {
        return false;
    }
    up.cells.iter().filter(|c| !c.words.is_empty()).all(|c| {
        let x0 = c.words.iter().map(|w| w.x0).fold(f32::INFINITY, f32::min);
        let x1 = c
            .words
            .iter()
            .map(|w| w.x1)
            .fold(f32::NEG_INFINITY, f32::max);
        let mid = (x0 + x1) / 2.0;
        column_span(low, c.col, c.col + c.col_span - 1).is_some_and(|(a, b)| mid >= a && mid <= b)
    })
}

/// `up`'s rows over `low`'s.
fn stack(up: Draft, low: Draft) -> Draft {
    let shift = up.rows;
    let mut cells = up.cells;
    cells.extend(low.cells.into_iter().map(|mut c| {
        c.row += shift;
        c
    }));
    Draft {
        mode: TableMode::Stream,
        bbox: [
            up.bbox[0].min(low.bbox[0]),
            up.bbox[1].min(low.bbox[1]),
            up.bbox[2].max(low.bbox[2]),
            up.bbox[3].max(low.bbox[3]),
        ],
        rows: up.rows + low.rows,
        cols: low.cols,
        cells,
        split_words: up.split_words + low.split_words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::DraftCell;
    use crate::geom::WordBox;

    /// A stream table from rows of cell texts on columns `xs` (left edges,
    /// 80 pt wide), its first line's top at `top`, 12 pt per row.
    fn table(top: f32, xs: &[f32], rows: &[&[&str]]) -> Draft {
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let y = top + 12.0 * r as f32;
            for (c, text) in row.iter().enumerate() {
                let words = (!text.is_empty())
                    .then(|| WordBox {
                        idx: 0,
                        x0: xs[c],
                        x1: xs[c] + 5.0 * text.len() as f32,
                        top: y,
                        bottom: y + 10.0,
                        base: y + 8.0,
                        size: 10.0,
                        letters: text.chars().any(char::is_alphabetic),
                        digits: text.chars().any(|ch| ch.is_ascii_digit()),
                    })
                    .into_iter()
                    .collect();
                cells.push(DraftCell {
                    row: r as u32,
                    col: c as u32,
                    row_span: 1,
                    col_span: 1,
                    bbox: [xs[c] - 5.0, y, xs[c] + 75.0, y + 12.0],
                    words,
                });
            }
        }
        Draft {
            mode: TableMode::Stream,
            bbox: [
                xs[0] - 5.0,
                top,
                xs[xs.len() - 1] + 75.0,
                top + 12.0 * rows.len() as f32,
            ],
            rows: rows.len() as u32,
            cols: xs.len() as u32,
            cells,
            split_words: 0,
        }
    }

    const XS: [f32; 3] = [50.0, 130.0, 210.0];

    fn body(top: f32) -> Draft {
        table(
            top,
            &XS,
            &[
                &["Scuole", "1.000,00", "900,00"],
                &["Strade", "2.500,00", "2.000,00"],
                &["Verde", "300,00", "250,00"],
            ],
        )
    }

    #[test]
    fn labels_a_blank_above_rows_of_figures_head_them() {
        let head = table(
            100.0,
            &XS,
            &[
                &["", "Previsioni", ""],
                &["Servizio", "Stanziato", "Pagato"],
            ],
        );
        // 24 pt (2.4 em) of blank between them.
        let t = join(vec![head, body(148.0)]);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].rows, t[0].cols), (5, 3));
        assert!(t[0].cells.iter().any(|c| c.row == 2 && c.col == 0));
    }

    #[test]
    fn labels_far_above_or_over_other_columns_stay_apart() {
        let head = || table(100.0, &XS, &[&["Servizio", "Stanziato", "Pagato"]]);
        // 60 pt of blank: the next part of the page.
        assert_eq!(join(vec![head(), body(172.0)]).len(), 2);
        // Labels over other columns than the rows'.
        let shifted = table(
            100.0,
            &[300.0, 380.0, 460.0],
            &[&["Servizio", "Stanziato", "Pagato"]],
        );
        assert_eq!(join(vec![shifted, body(124.0)]).len(), 2);
        // A table with its own header of labels below.
        let own = table(
            124.0,
            &XS,
            &[&["Voce", "Importo", "Quota"], &["Scuole", "1,00", "2,00"]],
        );
        assert_eq!(join(vec![head(), own]).len(), 2);
    }
}

//! A ruled header over an unruled body.
//!
//! Word processors often box the header row of a table (borders, a shaded
//! band) and leave the rows below unruled, or ruled only across. The ruled
//! part reads as a small grid of one or two rows; the rows under it have
//! the header's columns without drawing them. A grid of at most two rows
//! with text lines close below it, within its width, is taken as a header:
//! those lines are read as rows with the header's column edges as column
//! separators (one row is enough) and set under it, as one table.

use crate::draft::Draft;
use crate::geom::WordBox;
use crate::lines::text_lines;
use crate::region::grow_under;
use crate::rulings::Seg;
use crate::settings::Settings;
use crate::stream::build;
use atti_page::{Page, TableMode};

/// Most rows of a grid taken as a header.
const MAX_HEADER_ROWS: u32 = 2;

/// The table of `head` with the rows read under it, when any; marks the
/// words they take in `taken`.
pub(crate) fn extend(
    page: &Page,
    boxes: &[WordBox],
    taken: &mut [bool],
    head: Draft,
    rules: &[Seg],
    s: &Settings,
) -> Draft {
    if head.rows > MAX_HEADER_ROWS || head.cols < 2 {
        return head;
    }
    let [x0, _, x1, y1] = head.bbox;
    // The header's column edges inside it.
    let mut seps: Vec<f32> = head
        .cells
        .iter()
        .flat_map(|c| [c.bbox[0], c.bbox[2]])
        .filter(|&x| x > x0 + 1.0 && x < x1 - 1.0)
        .collect();
    seps.sort_by(f32::total_cmp);
    seps.dedup_by(|a, b| (*a - *b).abs() <= s.snap_tolerance);
    if seps.len() + 1 != head.cols as usize {
        return head;
    }
    let ids: Vec<usize> = (0..boxes.len())
        .filter(|&i| !taken.get(i).copied().unwrap_or(true))
        .filter(|&i| boxes[i].cy() > y1 && boxes[i].cx() >= x0 && boxes[i].cx() <= x1)
        .collect();
    let lines = text_lines(boxes, &ids, s.line_tolerance, s.column_gap);
    let Some(first) = lines.first() else {
        return head;
    };
    if first.top - y1 > s.max_line_gap * first.size {
        return head;
    }
    let Some(region) = grow_under(&lines, boxes, 0, &seps, s) else {
        return head;
    };
    let Some((body, used)) = build(page, boxes, &lines, &region, true, rules, s, true) else {
        return head;
    };
    if body.cols != head.cols {
        return head;
    }
    for i in used {
        if let Some(t) = taken.get_mut(i) {
            *t = true;
        }
    }
    let mut cells = head.cells;
    let last = body.cols.saturating_sub(1);
    cells.extend(body.cells.into_iter().map(|mut c| {
        c.row += head.rows;
        if c.col == 0 {
            c.bbox[0] = x0;
        }
        if c.col + c.col_span - 1 == last {
            c.bbox[2] = x1;
        }
        c
    }));
    Draft {
        mode: TableMode::Stream,
        bbox: [x0, head.bbox[1], x1, body.bbox[3].max(y1)],
        rows: head.rows + body.rows,
        cols: head.cols,
        cells,
        split_words: head.split_words + body.split_words,
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{grids, rows, Kit};

    #[test]
    fn boxed_header_row_over_rows_without_lines() {
        let mut k = Kit::new();
        k.grid(&[50.0, 200.0, 280.0, 360.0], &[100.0, 120.0]);
        k.text(54.0, 114.0, "Descrizione")
            .text(204.0, 114.0, "Inizio")
            .text(284.0, 114.0, "Fine");
        k.text(54.0, 134.0, "Analisi")
            .text(204.0, 134.0, "01/02")
            .text(284.0, 134.0, "31/03");
        // A row whose first column wraps, and one with no start date.
        k.text(54.0, 148.0, "Progettazione degli")
            .text(204.0, 148.0, "01/04")
            .text(284.0, 148.0, "30/06");
        k.text(54.0, 160.0, "interventi");
        k.text(54.0, 174.0, "Collaudo").text(284.0, 174.0, "31/12");
        k.text(54.0, 230.0, "Testo che segue la tabella, lontano.");
        assert_eq!(
            grids(&k.page),
            vec![rows(&[
                &["Descrizione", "Inizio", "Fine"],
                &["Analisi", "01/02", "31/03"],
                &["Progettazione degli interventi", "01/04", "30/06"],
                &["Collaudo", "", "31/12"],
            ])]
        );
    }

    #[test]
    fn a_single_row_under_a_boxed_header() {
        let mut k = Kit::new();
        k.grid(&[50.0, 200.0, 280.0], &[100.0, 120.0]);
        k.text(54.0, 114.0, "Descrizione")
            .text(204.0, 114.0, "Tipo");
        k.hline(50.0, 280.0, 140.0);
        k.text(54.0, 134.0, "Incontri")
            .text(204.0, 134.0, "risultato");
        assert_eq!(
            grids(&k.page),
            vec![rows(&[
                &["Descrizione", "Tipo"],
                &["Incontri", "risultato"]
            ])]
        );
    }
}

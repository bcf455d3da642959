//! [`TableLayout`]: a header and rows of wrapped cells, drawn into a [`Flow`].
//!
//! A row never splits across pages: when it does not fit, the table goes on
//! at the top of the next page, with the header repeated if asked, as report
//! writers print long phase lists.

use super::builder::FontId;
use super::flow::{wrap, Flow};

/// One column: its title and its share of the text width.
#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    pub share: f32,
}

impl Column {
    pub fn new(title: &str, share: f32) -> Column {
        Column {
            title: title.to_owned(),
            share,
        }
    }
}

/// How a table looks.
#[derive(Debug, Clone)]
pub struct TableLayout {
    pub columns: Vec<Column>,
    pub header_font: FontId,
    pub body_font: FontId,
    pub size: f32,
    /// Lines around every cell.
    pub ruled: bool,
    /// A grey band behind the header.
    pub shaded_header: bool,
    /// Print the header again at the top of each new page.
    pub repeat_header: bool,
}

const PAD: f32 = 3.0;

impl TableLayout {
    fn widths(&self, total: f32) -> Vec<f32> {
        let sum: f32 = self
            .columns
            .iter()
            .map(|c| c.share)
            .sum::<f32>()
            .max(f32::EPSILON);
        self.columns.iter().map(|c| total * c.share / sum).collect()
    }

    /// Draws the header and `rows` (missing cells are blank).
    pub fn draw(&self, flow: &mut Flow, rows: &[Vec<String>]) {
        let widths = self.widths(flow.setup.text_width());
        let header: Vec<String> = self.columns.iter().map(|c| c.title.clone()).collect();
        self.row(flow, &widths, &header, self.header_font, true);
        for r in rows {
            let before = flow.pdf.page_count();
            let h = self.row_height(flow, &widths, r, self.body_font);
            flow.ensure(h);
            if self.repeat_header && flow.pdf.page_count() != before {
                self.row(flow, &widths, &header, self.header_font, true);
            }
            self.row(flow, &widths, r, self.body_font, false);
        }
    }

    fn cell_lines(
        &self,
        flow: &Flow,
        widths: &[f32],
        cells: &[String],
        font: FontId,
    ) -> Vec<Vec<String>> {
        widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let text = cells.get(i).map(String::as_str).unwrap_or("");
                if text.is_empty() {
                    Vec::new()
                } else {
                    wrap(flow.pdf, font, self.size, text, w - 2.0 * PAD)
                }
            })
            .collect()
    }

    fn row_height(&self, flow: &Flow, widths: &[f32], cells: &[String], font: FontId) -> f32 {
        let n = self
            .cell_lines(flow, widths, cells, font)
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(1)
            .max(1);
        n as f32 * self.size * 1.25 + 2.0 * PAD
    }

    fn row(&self, flow: &mut Flow, widths: &[f32], cells: &[String], font: FontId, header: bool) {
        let lines = self.cell_lines(flow, widths, cells, font);
        let h = self.row_height(flow, widths, cells, font);
        flow.ensure(h);
        let top = flow.y;
        let left = flow.setup.left;
        let right = left + widths.iter().sum::<f32>();
        if header && self.shaded_header {
            flow.pdf.fill_rect(left, top - h, right - left, h, 0.85);
        }
        let mut x = left;
        for (i, w) in widths.iter().enumerate() {
            for (k, l) in lines[i].iter().enumerate() {
                let baseline = top - PAD - self.size - k as f32 * self.size * 1.25;
                flow.pdf.text(font, self.size, x + PAD, baseline, l);
            }
            x += w;
        }
        if self.ruled {
            flow.pdf.line(left, top, right, top, 0.5);
            flow.pdf.line(left, top - h, right, top - h, 0.5);
            let mut x = left;
            flow.pdf.line(x, top, x, top - h, 0.5);
            for w in widths {
                x += w;
                flow.pdf.line(x, top, x, top - h, 0.5);
            }
        } else if header {
            flow.pdf.line(left, top - h, right, top - h, 0.8);
        }
        flow.y -= h;
    }
}

//! A table before its text is read: cells as boxes holding word boxes.
//!
//! Both readers (lattice and stream) produce a [`Draft`]; [`Draft::finish`]
//! turns it into the page model's [`Table`] (cell texts and spans of the page
//! text) with a [`Report`] that says how clean the table is, as camelot's
//! parsing report does: a table whose words straddle cell borders, or whose
//! cells are mostly empty, is one to look at before trusting it.

use crate::geom::WordBox;
use crate::text::cell_text;
use atti_page::{Page, Table, TableCell, TableMode};

/// One cell of a [`Draft`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DraftCell {
    pub row: u32,
    pub col: u32,
    pub row_span: u32,
    pub col_span: u32,
    pub bbox: [f32; 4],
    pub words: Vec<WordBox>,
}

/// A table whose cells hold words, not yet text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draft {
    pub mode: TableMode,
    pub bbox: [f32; 4],
    pub rows: u32,
    pub cols: u32,
    /// In reading order, covering every grid position once.
    pub cells: Vec<DraftCell>,
    /// Words that straddle a border of the cell they were put in.
    pub split_words: usize,
}

/// How a table was read, to judge it by numbers.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Report {
    /// Words placed in the table.
    pub words: usize,
    /// Words that straddle a border of the cell they were put in (a cell
    /// boundary drawn or guessed through a word).
    pub split_words: usize,
    /// Share of the cells that hold no word (0 to 1).
    pub empty_share: f32,
}

/// A table as [`crate::find_with_report`] returns it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub table: Table,
    pub report: Report,
}

impl Draft {
    /// The table with its cells' texts, and its report.
    pub(crate) fn finish(self, page: &Page, line_tolerance: f32) -> Found {
        let n = self.cells.len();
        let mut words = 0;
        let mut empty = 0;
        let cells = self
            .cells
            .into_iter()
            .map(|c| {
                words += c.words.len();
                if c.words.is_empty() {
                    empty += 1;
                }
                let (text, start, end) = cell_text(page, &c.words, line_tolerance);
                TableCell {
                    row: c.row,
                    col: c.col,
                    row_span: c.row_span,
                    col_span: c.col_span,
                    text,
                    bbox: c.bbox,
                    start,
                    end,
                    value: None,
                }
            })
            .collect();
        Found {
            table: Table {
                mode: self.mode,
                bbox: self.bbox,
                rows: self.rows,
                cols: self.cols,
                cells,
                covered: Vec::new(),
            },
            report: Report {
                words,
                split_words: self.split_words,
                empty_share: if n == 0 { 0.0 } else { empty as f32 / n as f32 },
            },
        }
    }
}

//! The document flow of a word-processor file, and how it becomes a page.
//!
//! A .docx or .odt is a flow, not pages: paragraphs and tables one after the
//! other, page headers and footers apart, footnotes at their anchors. The
//! readers of both formats give the same [`Flow`], and one writer turns it
//! into one [`Page`]: paragraphs apart by a blank line (so a paragraph's
//! number is its place among the blank-line blocks), a table row on one
//! line with its cells kept apart by tabs (empty ones included, as the HTML
//! reader does, so a rule can tell a mark's column), footnotes after the
//! body, headers and footers as the page's furniture. The tables are also
//! given as grids of cells with their byte ranges in the text, so the table
//! rules read them as they read an HTML `<table>` or a PDF's grid.

use atti_page::{Page, Table, TableCell, TableMode};

/// Most grid positions of one table (rows × columns).
const MAX_POSITIONS: usize = 500_000;
/// Most columns a cell may span.
const MAX_SPAN: u32 = 1_000;

/// A word-processor document as its reader found it.
#[derive(Debug, Default)]
pub struct Flow {
    pub blocks: Vec<Block>,
    /// Page headers and footers, one entry per paragraph.
    pub furniture: Vec<String>,
    /// Footnotes and endnotes, in order.
    pub notes: Vec<String>,
    /// Embedded images (counted, not read).
    pub images: u32,
}

/// A paragraph (a heading is one too) or a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(String),
    Table(Vec<Vec<Slot>>),
}

/// One entry of a table row: a cell, or a position another cell covers
/// (ODF's covered cells, Word's vertically merged cells).
#[derive(Debug, Clone, PartialEq)]
pub enum Slot {
    Cell {
        text: String,
        row_span: u32,
        col_span: u32,
    },
    Covered,
}

impl Slot {
    pub fn cell(text: String, row_span: u32, col_span: u32) -> Slot {
        Slot::Cell {
            text,
            row_span: row_span.clamp(1, MAX_SPAN),
            col_span: col_span.clamp(1, MAX_SPAN),
        }
    }
}

/// One space for every run of white space, ends trimmed.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

impl Flow {
    /// The page this flow reads as (text cut at `max_chars`; `true` when cut).
    pub fn into_page(self, max_chars: usize) -> (Page, bool) {
        let mut text = String::new();
        let mut tables = Vec::new();
        let mut truncated = false;
        for block in &self.blocks {
            if text.len() >= max_chars {
                truncated = true;
                break;
            }
            match block {
                Block::Para(p) => {
                    let p = p.trim_end();
                    if p.trim().is_empty() {
                        continue;
                    }
                    sep(&mut text);
                    text.push_str(p);
                }
                Block::Table(rows) => {
                    sep(&mut text);
                    if let Some(t) = write_table(rows, &mut text) {
                        tables.push(t);
                    }
                }
            }
        }
        for n in &self.notes {
            if !n.trim().is_empty() {
                sep(&mut text);
                text.push_str(n.trim());
            }
        }
        if !text.is_empty() {
            text.push('\n');
        }
        let furniture = self
            .furniture
            .into_iter()
            .map(|f| squash(&f))
            .filter(|f| !f.is_empty())
            .collect();
        let page = Page {
            number: 1,
            text,
            tables,
            furniture,
            images: self.images,
            ..Page::default()
        };
        (page, truncated)
    }
}

/// A blank line before the next block.
fn sep(text: &mut String) {
    if !text.is_empty() {
        text.push_str("\n\n");
    }
}

/// Writes a table's rows into `text` (one line each, one tab-separated
/// position per grid column, so a column is the same tab count on every
/// row) and returns its grid; a table larger than [`MAX_POSITIONS`] is
/// written as its cells' text only.
fn write_table(rows: &[Vec<Slot>], text: &mut String) -> Option<Table> {
    let mut taken: Vec<Vec<bool>> = vec![Vec::new(); rows.len()];
    // (row, col, row span, col span, text) of every cell, placed.
    let mut placed: Vec<(u32, u32, u32, u32, String)> = Vec::new();
    let mut cols = 0u32;
    for (r, row) in rows.iter().enumerate() {
        let mut col = 0u32;
        for slot in row {
            let Slot::Cell {
                text: t,
                row_span,
                col_span,
            } = slot
            else {
                continue;
            };
            while taken[r].get(col as usize).copied().unwrap_or(false) {
                col += 1;
            }
            let rs = (*row_span).min((rows.len() - r) as u32);
            let cs = *col_span;
            if (cols.max(col + cs) as usize) * rows.len() > MAX_POSITIONS {
                write_flat(rows, text);
                return None;
            }
            for row_taken in taken.iter_mut().skip(r).take(rs as usize) {
                if row_taken.len() < (col + cs) as usize {
                    row_taken.resize((col + cs) as usize, false);
                }
                for c in col..col + cs {
                    row_taken[c as usize] = true;
                }
            }
            placed.push((r as u32, col, rs, cs, squash(t)));
            col += cs;
            cols = cols.max(col);
        }
    }
    let mut cells = Vec::with_capacity(placed.len());
    let mut next = placed.into_iter().peekable();
    for r in 0..rows.len() as u32 {
        if r > 0 {
            text.push('\n');
        }
        for c in 0..cols {
            if c > 0 {
                text.push('\t');
            }
            if let Some((_, _, rs, cs, t)) = next.next_if(|p| p.0 == r && p.1 == c) {
                let start = text.len();
                text.push_str(&t);
                let (start, end) = if t.is_empty() {
                    (0, 0)
                } else {
                    (start, text.len())
                };
                cells.push(TableCell {
                    row: r,
                    col: c,
                    row_span: rs,
                    col_span: cs,
                    text: t,
                    start,
                    end,
                    ..TableCell::default()
                });
            }
        }
    }
    (!cells.is_empty()).then(|| Table {
        mode: TableMode::Markup,
        rows: rows.len() as u32,
        cols,
        cells,
        ..Table::default()
    })
}

/// A table too large for a grid: its rows as lines of tab-separated cells.
fn write_flat(rows: &[Vec<Slot>], text: &mut String) {
    for (r, row) in rows.iter().enumerate() {
        if r > 0 {
            text.push('\n');
        }
        let cells: Vec<String> = row
            .iter()
            .filter_map(|s| match s {
                Slot::Cell { text, .. } => Some(squash(text)),
                Slot::Covered => None,
            })
            .collect();
        text.push_str(&cells.join("\t"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(t: &str, rs: u32, cs: u32) -> Slot {
        Slot::cell(t.into(), rs, cs)
    }

    #[test]
    fn merged_cells_cover_their_positions_and_ranges_point_at_the_text() {
        let flow = Flow {
            blocks: vec![
                Block::Para("FASI".into()),
                Block::Table(vec![
                    vec![
                        c("Descrizione", 2, 1),
                        c("Previsto", 1, 2),
                        c("Responsabile", 2, 1),
                    ],
                    vec![
                        Slot::Covered,
                        c("Inizio", 1, 1),
                        c("Fine", 1, 1),
                        Slot::Covered,
                    ],
                    vec![
                        c("Bozza", 1, 1),
                        c("01/01/2021", 1, 1),
                        c("", 1, 1),
                        c("ROSSI  MARIA", 1, 1),
                    ],
                ]),
            ],
            furniture: vec!["Pagina 1".into()],
            notes: vec!["1 Nota.".into()],
            images: 2,
        };
        let (page, cut) = flow.into_page(1000);
        assert!(!cut);
        assert_eq!(
            page.text,
            "FASI\n\nDescrizione\tPrevisto\t\tResponsabile\n\tInizio\tFine\t\nBozza\t01/01/2021\t\tROSSI MARIA\n\n1 Nota.\n"
        );
        let t = &page.tables[0];
        assert_eq!((t.rows, t.cols), (3, 4));
        let at = |r, c| t.cell_at(r, c).map(|c| c.text.as_str());
        assert_eq!(at(1, 0), Some("Descrizione"));
        assert_eq!(at(1, 1), Some("Inizio"));
        assert_eq!(at(0, 2), Some("Previsto"));
        assert_eq!(at(1, 3), Some("Responsabile"));
        assert_eq!(at(2, 3), Some("ROSSI MARIA"));
        for cell in t.cells.iter().filter(|c| !c.text.is_empty()) {
            assert_eq!(&page.text[cell.start..cell.end], cell.text);
        }
        assert_eq!(page.furniture, vec!["Pagina 1"]);
        assert_eq!(page.images, 2);
    }
}

//! A grid's cells looked up by position and by row (the grid path of the
//! table rules, `grid.rs`).

use atti_page::{Table as Grid, TableCell};

/// Fewer cells than this are scanned, not indexed.
const SMALL: usize = 64;

/// A grid's cells by position and by row, indexed once for a body read
/// row by row (a workbook's sheet has thousands of rows: looking each
/// row's cells up in the whole list was quadratic). The same cells in the
/// same order as `Table::cell_at` and a filter on the row give them.
pub(super) struct At<'g> {
    pub grid: &'g Grid,
    /// The cell covering each position (none when the grid is too large
    /// to index: `Table::cell_at` then).
    pos: Option<crate::rules::document::Positions>,
    /// The cells starting on each row, in the grid's order.
    by_row: Vec<Vec<usize>>,
}

impl<'g> At<'g> {
    pub fn plain(grid: &'g Grid) -> At<'g> {
        At {
            grid,
            pos: None,
            by_row: Vec::new(),
        }
    }

    pub fn indexed(grid: &'g Grid) -> At<'g> {
        // A small table is read as fast by scanning its cells.
        if grid.cells.len() < SMALL {
            return At::plain(grid);
        }
        let mut by_row = vec![Vec::new(); grid.rows as usize];
        for (i, c) in grid.cells.iter().enumerate() {
            if let Some(v) = by_row.get_mut(c.row as usize) {
                v.push(i);
            }
        }
        At {
            grid,
            pos: crate::rules::document::positions(grid),
            by_row,
        }
    }

    pub fn cell(&self, row: u32, col: u32) -> Option<&'g TableCell> {
        match &self.pos {
            Some(p) => p.get(&(row, col)).map(|&i| &self.grid.cells[i]),
            None => self.grid.cell_at(row, col),
        }
    }

    pub fn row(&self, row: u32) -> Vec<&'g TableCell> {
        match self.by_row.get(row as usize) {
            Some(v) => v.iter().map(|&i| &self.grid.cells[i]).collect(),
            None => self.grid.cells.iter().filter(|c| c.row == row).collect(),
        }
    }
}

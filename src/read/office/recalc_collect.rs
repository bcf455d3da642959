//! The formula cells of a sheet collected as the reader meets them, for
//! [`super::apply`]: which cells LibreOffice computes again on load, their
//! parsed formulas (a shared formula's text parsed once), the array
//! formulas' ranges, and the cells that call SUBTOTAL or AGGREGATE.

use std::collections::HashMap;

use super::super::formula;
use super::{Formulas, Pending, MAX_RANGE};

/// Parses the formulas of a sheet as they come: a shared formula's text is
/// parsed once, at its first cell, and serves its other cells.
#[derive(Default)]
pub struct Collector {
    pub formulas: Formulas,
    shared: HashMap<usize, (usize, (u32, u32))>,
    /// The workbook's defined names, read as their ranges.
    names: formula::Names,
}

impl Collector {
    /// A collector for a sheet of a workbook that defines `names`.
    pub fn with_names(names: formula::Names) -> Collector {
        Collector {
            names,
            ..Collector::default()
        }
    }

    /// An ordinary formula cell, or the first cell of shared formula `si`.
    pub fn formula(&mut self, pos: (u32, u32), text: &str, shared: Option<usize>, recompute: bool) {
        if calls(text, "SUBTOTAL(") || calls(text, "AGGREGATE(") {
            self.formulas.subtotals.insert(pos);
        }
        if !recompute && shared.is_none() {
            return;
        }
        let f = &mut self.formulas;
        f.exprs.push(formula::parse_with(text, &self.names, pos));
        let expr = f.exprs.len() - 1;
        if let Some(si) = shared {
            self.shared.insert(si, (expr, pos));
        }
        if recompute {
            f.pending.push(Pending {
                row: pos.0,
                col: pos.1,
                expr,
                origin: pos,
                array: false,
            });
        }
    }

    /// An array formula written at `pos` over the range `pos..=last`:
    /// every cell of the range is computed (LibreOffice does, whatever
    /// they saved). A range over [`MAX_RANGE`] cells is left as saved.
    pub fn array(&mut self, pos: (u32, u32), text: &str, last: (u32, u32)) {
        if last.0 < pos.0 || last.1 < pos.1 {
            return;
        }
        let n = (u64::from(last.0 - pos.0) + 1) * (u64::from(last.1 - pos.1) + 1);
        if n > MAX_RANGE as u64 {
            return;
        }
        let f = &mut self.formulas;
        f.exprs.push(formula::parse_with(text, &self.names, pos));
        let expr = f.exprs.len() - 1;
        for row in pos.0..=last.0 {
            for col in pos.1..=last.1 {
                f.pending.push(Pending {
                    row,
                    col,
                    expr,
                    origin: pos,
                    array: true,
                });
            }
        }
    }

    /// Another cell of shared formula `si` (ignored if its first cell was
    /// not seen).
    pub fn shared(&mut self, pos: (u32, u32), si: usize, recompute: bool) {
        let Some(&(expr, origin)) = self.shared.get(&si) else {
            return;
        };
        if self.formulas.subtotals.contains(&origin) {
            self.formulas.subtotals.insert(pos);
        }
        if recompute {
            self.formulas.pending.push(Pending {
                row: pos.0,
                col: pos.1,
                expr,
                origin,
                array: false,
            });
        }
    }
}

/// Whether formula `text` holds `name` (upper case, with its bracket)
/// in any case, without a copy of the text: every formula cell of a
/// workbook is asked.
fn calls(text: &str, name: &str) -> bool {
    text.as_bytes()
        .windows(name.len())
        .any(|w| w.eq_ignore_ascii_case(name.as_bytes()))
}

//! Where the array formulas of an .xlsx are and which range each fills.
//!
//! An array formula (entered with Ctrl+Shift+Enter, shown as
//! `{=IF(A1:A2>2;"si";"no")}`) is written once, at the first cell of its
//! range, as `<f t="array" ref="B1:B2">`; the other cells of the range are
//! plain cells holding a saved value, or none. calamine reports the first
//! cell's formula as an ordinary one and drops `ref`, so the sheet parts are
//! read here for it: `xl/workbook.xml` names the sheets and their
//! relationship ids, `xl/_rels/workbook.xml.rels` the part of each, and a
//! part that has no `t="array"` anywhere is not parsed at all.

use std::collections::HashMap;

use super::archive::Archive;
use super::formula::{self, Expr};
use super::xml::{self, Ev};
use crate::error::Result;

/// An array formula's first cell and the last cell of its range (row,
/// column, 0-based).
pub type ArrayRange = ((u32, u32), (u32, u32));

/// The array formulas of a workbook, read when first asked for (most
/// workbooks have no formula the question is asked for). A part that
/// cannot be read here leaves the array formulas read as ordinary ones.
pub struct Arrays<'a> {
    bytes: &'a [u8],
    read: Option<HashMap<String, Vec<ArrayRange>>>,
}

impl<'a> Arrays<'a> {
    pub fn new(bytes: &'a [u8]) -> Arrays<'a> {
        Arrays { bytes, read: None }
    }

    /// The array formula written at `cell` of sheet `sheet`: the last cell
    /// of its range.
    pub fn at(&mut self, sheet: &str, cell: (u32, u32)) -> Option<(u32, u32)> {
        let bytes = self.bytes;
        let all = self
            .read
            .get_or_insert_with(|| read(bytes).unwrap_or_default());
        all.get(sheet)?.iter().find(|a| a.0 == cell).map(|a| a.1)
    }
}

/// The array formulas of every sheet, by sheet name (sheets without any
/// are left out).
pub fn read(bytes: &[u8]) -> Result<HashMap<String, Vec<ArrayRange>>> {
    let mut a = Archive::open(bytes)?;
    let mut out = HashMap::new();
    let sheets = super::parts::sheet_parts(&mut a)?;
    for (name, part) in sheets {
        let Some(x) = a.part(&part)? else { continue };
        if !x.windows(7).any(|w| w == b"\"array\"" || w == b"'array'") {
            continue;
        }
        let found = in_sheet(&x, &part)?;
        if !found.is_empty() {
            out.insert(name, found);
        }
    }
    Ok(out)
}

/// The array formulas of one sheet part.
fn in_sheet(x: &[u8], part: &str) -> Result<Vec<ArrayRange>> {
    let mut out = Vec::new();
    let mut cell = None;
    xml::walk(x, part, |e| {
        if let Ev::Start { name, attrs, .. } = e {
            match name.as_str() {
                "c" => cell = attrs.get("r").and_then(|r| position(r)),
                "f" if attrs.get("t").is_some_and(|t| t == "array") => {
                    let range = attrs.get("ref").and_then(|r| range(r));
                    if let (Some(first), Some((a, b))) = (cell, range) {
                        // The range starts at the formula's cell.
                        if a == first && b.0 >= a.0 && b.1 >= a.1 {
                            out.push((a, b));
                        }
                    }
                }
                _ => {}
            }
        }
        true
    })?;
    Ok(out)
}

fn position(a1: &str) -> Option<(u32, u32)> {
    match formula::parse(a1) {
        Expr::Ref(r) => Some((r.row, r.col)),
        _ => None,
    }
}

/// `B1:B2` (or `B1`, a range of one cell).
fn range(a1: &str) -> Option<((u32, u32), (u32, u32))> {
    match formula::parse(a1) {
        Expr::Ref(r) => Some(((r.row, r.col), (r.row, r.col))),
        Expr::Range(a, b) => Some(((a.row, a.col), (b.row, b.col))),
        _ => None,
    }
}

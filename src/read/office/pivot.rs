//! The header cells of an .xlsx's pivot tables, as LibreOffice lays them
//! out when it opens the file.
//!
//! LibreOffice does not show the cells a pivot table's output holds in the
//! file: it lays the table out again from its cache. Its header cells then
//! name the fields themselves, where Excel saves its own captions (`Etichette
//! di riga`, `Etichette di colonna`, or the author's `rowHeaderCaption`) or
//! an empty cell: the row fields' names in the header row, one column each;
//! with column fields, the data field's name at the table's first cell and
//! the column fields' names beside it; without, the data field's name (its
//! `dataField@name`, `Somma di Importo`) over its column. These are what
//! this module gives, from the parts themselves (`xl/pivotTables/*.xml`,
//! the cache's field names in `xl/pivotCache/*`), read with the same
//! bounded ZIP and XML readers as every office part.
//!
//! Not given, by choice: the grand total's and subtotals' captions, which
//! LibreOffice writes in its interface's language (`Total Result`,
//! `Anagrafe Result` with an English interface) whatever the file says; the
//! file's own caption (`Totale complessivo`, the author's language) is kept.
//! Not given, since LibreOffice moves the data too: a table with more than
//! one data field (LibreOffice adds a row naming them, `Data`) and a compact
//! table with more than one row field (LibreOffice gives each its own
//! column); such a table's cells are read as the file holds them.

use std::collections::HashMap;

use super::archive::Archive;
use super::formula::{self, Expr};
use super::parts::{relationships, sheet_parts};
use super::xml::{self, Ev};
use crate::error::Result;

/// A header cell (row, column, 0-based) and its text.
pub type Label = ((u32, u32), String);

/// The header labels of every pivot table, by the name of the sheet that
/// shows it (sheets without one are left out; a workbook without pivot
/// tables is not parsed beyond its list of parts).
pub fn labels(bytes: &[u8]) -> Result<HashMap<String, Vec<Label>>> {
    let mut a = Archive::open(bytes)?;
    let mut out = HashMap::new();
    if !a.names().iter().any(|n| n.starts_with("xl/pivotTables/")) {
        return Ok(out);
    }
    for (sheet, part) in sheet_parts(&mut a)? {
        for (kind, target) in relationships(&mut a, &part)? {
            if !kind.ends_with("/pivotTable") {
                continue;
            }
            if let Some(found) = table_labels(&mut a, &target)? {
                out.entry(sheet.clone())
                    .or_insert_with(Vec::new)
                    .extend(found);
            }
        }
    }
    Ok(out)
}

/// What a pivot table's definition says of its layout.
#[derive(Default)]
struct Definition {
    location: Option<(u32, u32)>,
    first_data_col: Option<u32>,
    compact: bool,
    /// Whether each pivot field is laid out compact (`pivotField@compact`).
    field_compact: Vec<bool>,
    rows: Vec<i64>,
    cols: Vec<i64>,
    /// (field index, name) of each data field.
    data: Vec<(i64, Option<String>)>,
}

fn table_labels(a: &mut Archive<'_>, part: &str) -> Result<Option<Vec<Label>>> {
    let Some(x) = a.part(part)? else {
        return Ok(None);
    };
    let d = definition(&x, part)?;
    let Some(cache) = relationships(a, part)?
        .into_iter()
        .find(|(k, _)| k.ends_with("/pivotCacheDefinition"))
        .map(|(_, t)| t)
    else {
        return Ok(None);
    };
    let Some(c) = a.part(&cache)? else {
        return Ok(None);
    };
    let mut names = Vec::new();
    xml::walk(&c, &cache, |e| {
        if let Ev::Start { name, attrs, .. } = e {
            if name == "cacheField" {
                names.push(attrs.get("name").cloned().unwrap_or_default());
            }
        }
        true
    })?;
    Ok(layout(&d, &names))
}

fn definition(x: &[u8], part: &str) -> Result<Definition> {
    let mut d = Definition {
        compact: true,
        ..Definition::default()
    };
    let mut list = "";
    xml::walk(x, part, |e| match e {
        Ev::Start { name, attrs, .. } => {
            let flag = |k: &str| attrs.get(k).map(|v| v != "0" && v != "false");
            match name.as_str() {
                "pivotTableDefinition" => d.compact = flag("compact").unwrap_or(true),
                "location" => {
                    d.location = attrs.get("ref").and_then(|r| first_cell(r));
                    d.first_data_col = attrs.get("firstDataCol").and_then(|v| v.parse().ok());
                }
                "pivotField" => d.field_compact.push(flag("compact").unwrap_or(true)),
                "rowFields" => list = "rows",
                "colFields" => list = "cols",
                "field" => {
                    let x = attrs.get("x").and_then(|v| v.parse().ok()).unwrap_or(-1);
                    match list {
                        "rows" => d.rows.push(x),
                        "cols" => d.cols.push(x),
                        _ => {}
                    }
                }
                "dataField" => d.data.push((
                    attrs.get("fld").and_then(|v| v.parse().ok()).unwrap_or(-1),
                    attrs.get("name").cloned(),
                )),
                _ => {}
            }
            true
        }
        Ev::End(name) => {
            if name == "rowFields" || name == "colFields" {
                list = "";
            }
            true
        }
        Ev::Text(_) => true,
    })?;
    Ok(d)
}

/// The header cells LibreOffice writes for a table, or `None` when it lays
/// the table out otherwise than the file (see the module's text).
fn layout(d: &Definition, names: &[String]) -> Option<Vec<Label>> {
    let (r0, c0) = d.location?;
    // `-2` is the data fields' own place among the row or column fields.
    let fields =
        |v: &[i64]| -> Vec<usize> { v.iter().filter(|&&x| x >= 0).map(|&x| x as usize).collect() };
    let (rows, cols) = (fields(&d.rows), fields(&d.cols));
    if d.data.len() != 1 || rows.is_empty() {
        return None;
    }
    let compact = d.compact
        && rows
            .iter()
            .all(|&f| d.field_compact.get(f).copied().unwrap_or(true));
    if compact && rows.len() > 1 {
        return None;
    }
    let nrows = rows.len() as u32;
    if d.first_data_col.is_some_and(|f| f != nrows) {
        return None;
    }
    let name = |f: usize| names.get(f).filter(|n| !n.is_empty()).cloned();
    let data = d.data[0].1.clone().filter(|n| !n.is_empty());
    let mut out = Vec::new();
    let header = r0 + cols.len() as u32;
    if cols.is_empty() {
        if let Some(n) = data {
            out.push(((header, c0 + nrows), n));
        }
    } else {
        if let Some(n) = data {
            out.push(((r0, c0), n));
        }
        for (j, &f) in cols.iter().enumerate() {
            out.push(((r0, c0 + nrows + j as u32), name(f)?));
        }
    }
    for (i, &f) in rows.iter().enumerate() {
        out.push(((header, c0 + i as u32), name(f)?));
    }
    Some(out)
}

fn first_cell(a1: &str) -> Option<(u32, u32)> {
    match formula::parse(a1) {
        Expr::Ref(r) => Some((r.row, r.col)),
        Expr::Range(a, _) => Some((a.row, a.col)),
        _ => None,
    }
}

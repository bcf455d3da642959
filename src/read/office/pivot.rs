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
//! Words LibreOffice makes itself, in its interface's language, are given
//! in Italian, the language atti's users read (LibreOffice 7.4 with its
//! Italian interface writes the same), and only where the file gives none:
//! a data field the definition does not name is its function and its
//! field (`Somma - Importo`); an empty grand total's caption is `Totale
//! Risultato`. A caption the file holds (`Totale complessivo`, the
//! author's `grandTotalCaption`, a subtotal's `Totale Anagrafe`, a page
//! field's `(Tutto)`) is kept: those are the words the author's
//! application showed, in the author's language.
//!
//! Where LibreOffice moves the data too, the move is given with the
//! headers: several data fields side by side (LibreOffice adds a row naming
//! them, `Dati`, and the table moves one row down) and a compact table of
//! several row fields (LibreOffice gives each field a column: the values
//! move right, each row's label into its field's column, by the level the
//! definition's row items give). Several data fields on rows (outline or
//! tabular form, where Excel too gives their names a column) keep the
//! file's layout and get LibreOffice's header words.
//!
//! A table whose file holds no output (libraries that leave it to the
//! application, `refreshOnLoad`), or one whose layout this module cannot
//! follow (a compact table whose definition lists no row items), is laid
//! out whole from its source range, as LibreOffice lays it out
//! ([`compute`]). A table holding its output with several data fields
//! beside a column field, or on rows of a compact table, is not followed
//! and is laid out from its source (several data fields beside two column
//! fields or more are given neither way: read as the file holds them).

use std::collections::HashMap;

use super::archive::Archive;
use super::formula::{self, Expr, Names};
use super::parts::{relationships, sheet_parts};
use super::xml::{self, Ev};
use crate::error::Result;

/// A header cell LibreOffice writes: where (row, column, 0-based), its
/// text, and whether it replaces what the file holds there or only fills
/// the cell when the file leaves it empty (a caption LibreOffice makes in
/// its own words).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub at: (u32, u32),
    pub text: String,
    pub only_if_empty: bool,
}

impl Label {
    fn over(at: (u32, u32), text: String) -> Label {
        Label {
            at,
            text,
            only_if_empty: false,
        }
    }
}

/// What LibreOffice makes of one pivot table's output on its sheet: the
/// file's cells of the table moved one row down first (`shift_down`, the
/// area as (first row, last row, first column, last column): a table of
/// several data fields, over which LibreOffice adds a row naming them),
/// then its header cells.
///
/// A compact table of several row fields, which LibreOffice lays out with a
/// column for each: the cells right of the labels' column moved right
/// (`shift_right`: first row, last row, first column, last column, by how
/// many columns), then each row's label moved into its field's column
/// (`moves`: from, to).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub shift_down: Option<(u32, u32, u32, u32)>,
    pub shift_right: Option<(u32, u32, u32, u32, u32)>,
    pub moves: Vec<((u32, u32), (u32, u32))>,
    pub labels: Vec<Label>,
}

/// A sheet's rows and columns (Excel's and LibreOffice's bounds).
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLS: u32 = 16_384;

/// The caption LibreOffice's Italian interface gives a grand total.
const GRAND_TOTAL: &str = "Totale Risultato";

/// LibreOffice's Italian name for the data fields' own field (`Data` in
/// English), over the data fields' names when there are several.
const DATA_FIELD: &str = "Dati";

/// How LibreOffice's Italian interface names a data field's function
/// (`dataField@subtotal`) when the definition gives the field no name: as
/// LibreOffice 7.4 writes them (`count` and `countNums` alike, each
/// standard deviation and variance alike).
fn function_word(subtotal: &str) -> &'static str {
    match subtotal {
        "average" => "Media",
        "count" | "countNums" => "ContaNumeri",
        "max" => "Max",
        "min" => "Min",
        "product" => "Prodotto",
        "stdDev" | "stdDevp" => "Dev.St",
        "var" | "varp" => "Varianza",
        _ => "Somma",
    }
}

/// A pivot table of a sheet: what LibreOffice makes of the file's own
/// output (`follow`, when it can be told), the table laid out from its
/// source (`plan`, when this shape can be), and where the file puts it
/// (`area`: first row, last row, first column, last column).
#[derive(Debug, Clone, PartialEq)]
pub struct Pivot {
    pub follow: Option<Table>,
    pub plan: Option<compute::Plan>,
    pub area: (u32, u32, u32, u32),
}

/// Every pivot table LibreOffice lays out, by the name of the sheet that
/// shows it (sheets without one are left out; a workbook without pivot
/// tables is not parsed beyond its list of parts); `names`: the workbook's
/// named ranges ([`super::names`]), which a cache may name as its source.
pub fn tables(bytes: &[u8], names: &Names) -> Result<HashMap<String, Vec<Pivot>>> {
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
            if let Some(found) = table(&mut a, &target, names)? {
                out.entry(sheet.clone())
                    .or_insert_with(Vec::new)
                    .push(found);
            }
        }
    }
    Ok(out)
}

/// What a pivot table's definition says of its layout.
#[derive(Debug, Clone, Default, PartialEq)]
struct Definition {
    location: Option<(u32, u32)>,
    /// The location's last cell.
    location_end: Option<(u32, u32)>,
    /// A grand total row under the table (`colGrandTotals`) and a grand
    /// total column at its right (`rowGrandTotals`), both by default.
    total_row: bool,
    total_col: bool,
    first_data_col: Option<u32>,
    first_data_row: Option<u32>,
    /// Each row item (`rowItems/i`): its `r` (the fields before it left
    /// out), how many `x`s it has (the fields it shows) and whether it is a
    /// total (`i@t`). The level of the field whose label it shows is `r`
    /// plus its `x`s after the first.
    row_items: Vec<(u32, u32, bool)>,
    compact: bool,
    /// Whether each pivot field is laid out compact (`pivotField@compact`).
    field_compact: Vec<bool>,
    rows: Vec<i64>,
    cols: Vec<i64>,
    /// (field index, name, function) of each data field.
    data: Vec<(i64, Option<String>, String)>,
    /// Each pivot field's items in the table's order: (the cache's shared
    /// item, hidden).
    field_items: Vec<Vec<(usize, bool)>>,
    /// Each pivot field's `sortType`: ascending (`true`), descending, or
    /// the items' own order (`None`).
    field_sort: Vec<Option<bool>>,
    /// Whether each pivot field has subtotals (`defaultSubtotal`) and is
    /// laid out in outline form (`outline`; tabular when not).
    field_subtotal: Vec<bool>,
    field_outline: Vec<bool>,
    /// Each page field and the item it selects (`pageField@fld`, `@item`).
    pages: Vec<(i64, Option<usize>)>,
}

fn table(a: &mut Archive<'_>, part: &str, names: &Names) -> Result<Option<Pivot>> {
    let Some(x) = a.part(part)? else {
        return Ok(None);
    };
    let d = definition(&x, part)?;
    let (Some((r0, c0)), Some((r1, c1))) = (d.location, d.location_end) else {
        return Ok(None);
    };
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
    let mut cache = cache_fields(&c, &cache)?;
    if let Some(name) = cache.source_name.take() {
        cache.source = names.source(&name);
    }
    Ok(Some(Pivot {
        follow: layout(&d, &cache.names),
        plan: compute::Plan::new(&d, cache),
        area: (r0, r1.max(r0), c0, c1.max(c0)),
    }))
}

/// The cache's fields (names and shared items) and its source range, or
/// the name of the range (`worksheetSource@name`: a defined name or a table).
fn cache_fields(c: &[u8], part: &str) -> Result<compute::Cache> {
    let mut cache = compute::Cache::default();
    let mut shared = false;
    xml::walk(c, part, |e| {
        match e {
            Ev::Start { name, attrs, .. } => match name.as_str() {
                "worksheetSource" => {
                    let range = attrs
                        .get("ref")
                        .map(|r| (corner(r, false), corner(r, true)));
                    if let (Some(sheet), Some((Some(a), Some(b)))) = (attrs.get("sheet"), range) {
                        cache.source = Some((sheet.clone(), a, b));
                    } else if let Some(name) = attrs.get("name") {
                        cache.source_name = Some(name.clone());
                    }
                }
                "cacheField" => {
                    cache
                        .names
                        .push(attrs.get("name").cloned().unwrap_or_default());
                    cache.items.push(Vec::new());
                }
                "sharedItems" => shared = true,
                "s" | "n" | "b" | "d" | "e" | "m" if shared => {
                    let v = attrs.get("v").cloned().unwrap_or_default();
                    if let Some(items) = cache.items.last_mut() {
                        items.push(v);
                    }
                }
                _ => {}
            },
            Ev::End(name) if name == "sharedItems" => shared = false,
            _ => {}
        }
        true
    })?;
    Ok(cache)
}

fn definition(x: &[u8], part: &str) -> Result<Definition> {
    let mut d = Definition {
        compact: true,
        total_row: true,
        total_col: true,
        ..Definition::default()
    };
    let mut list = "";
    xml::walk(x, part, |e| match e {
        Ev::Start { name, attrs, .. } => {
            let flag = |k: &str| attrs.get(k).map(|v| v != "0" && v != "false");
            match name.as_str() {
                "pivotTableDefinition" => {
                    d.compact = flag("compact").unwrap_or(true);
                    d.total_row = flag("colGrandTotals").unwrap_or(true);
                    d.total_col = flag("rowGrandTotals").unwrap_or(true);
                }
                "location" => {
                    d.location = attrs.get("ref").and_then(|r| corner(r, false));
                    d.location_end = attrs.get("ref").and_then(|r| corner(r, true));
                    d.first_data_col = attrs.get("firstDataCol").and_then(|v| v.parse().ok());
                    d.first_data_row = attrs.get("firstDataRow").and_then(|v| v.parse().ok());
                }
                "rowItems" => list = "rowItems",
                "i" if list == "rowItems" => d.row_items.push((
                    attrs.get("r").and_then(|v| v.parse().ok()).unwrap_or(0),
                    0,
                    attrs.contains_key("t"),
                )),
                "x" if list == "rowItems" => {
                    if let Some(item) = d.row_items.last_mut() {
                        item.1 = item.1.saturating_add(1);
                    }
                }
                "pivotField" => {
                    d.field_compact.push(flag("compact").unwrap_or(true));
                    d.field_outline.push(flag("outline").unwrap_or(true));
                    d.field_subtotal
                        .push(flag("defaultSubtotal").unwrap_or(true));
                    d.field_sort
                        .push(match attrs.get("sortType").map(String::as_str) {
                            Some("ascending") => Some(true),
                            Some("descending") => Some(false),
                            _ => None,
                        });
                    d.field_items.push(Vec::new());
                }
                "item" if !attrs.contains_key("t") => {
                    if let (Some(items), Some(x)) = (
                        d.field_items.last_mut(),
                        attrs.get("x").and_then(|v| v.parse().ok()),
                    ) {
                        items.push((x, flag("h").unwrap_or(false)));
                    }
                }
                "pageField" => d.pages.push((
                    attrs.get("fld").and_then(|v| v.parse().ok()).unwrap_or(-1),
                    attrs.get("item").and_then(|v| v.parse().ok()),
                )),
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
                    attrs.get("subtotal").cloned().unwrap_or_default(),
                )),
                _ => {}
            }
            true
        }
        Ev::End(name) => {
            if name == "rowFields" || name == "colFields" || name == "rowItems" {
                list = "";
            }
            true
        }
        Ev::Text(_) => true,
    })?;
    Ok(d)
}

/// What LibreOffice writes for a table, or `None` when it lays the table
/// out otherwise than the file (see the module's text).
fn layout(d: &Definition, names: &[String]) -> Option<Table> {
    let (r0, c0) = d.location?;
    // A location inside a sheet's bounds, which keeps every sum below in range.
    let (r1, c1) = d.location_end?;
    let too_many = |n: usize| n > MAX_COLS as usize;
    if r1 >= MAX_ROWS || c1 >= MAX_COLS || r1 < r0 || c1 < c0 {
        return None;
    }
    if too_many(d.rows.len()) || too_many(d.cols.len()) || too_many(d.data.len()) {
        return None;
    }
    // `-2` is the data fields' own place among the row or column fields.
    let fields =
        |v: &[i64]| -> Vec<usize> { v.iter().filter(|&&x| x >= 0).map(|&x| x as usize).collect() };
    let (rows, cols) = (fields(&d.rows), fields(&d.cols));
    // Several data fields side by side (their own field the only column
    // field): LibreOffice adds a row over the table naming that field.
    let several = d.data.len() > 1;
    // Laid out compact: the table, and each of its row fields.
    let compact = d.compact
        && rows
            .iter()
            .all(|&f| d.field_compact.get(f).copied().unwrap_or(true));
    if several && d.rows.contains(&-2) && !d.cols.contains(&-2) {
        return data_on_rows(d, &cols, compact, names);
    }
    if d.data.is_empty() || rows.is_empty() || several && !(cols.is_empty() && d.cols == [-2]) {
        return None;
    }
    let nrows = rows.len() as u32;
    // The columns the file's labels take (one in compact form); LibreOffice
    // gives each row field a column of its own.
    let file_cols = if compact { 1 } else { nrows };
    if d.first_data_col.is_some_and(|f| f != file_cols) {
        return None;
    }
    let mut t = Table::default();
    if file_cols < nrows {
        if several || d.row_items.is_empty() {
            return None;
        }
        let first = r0 + d.first_data_row.filter(|&f| f <= r1 - r0)?;
        t.shift_right = Some((r0, r1, c0 + 1, c1, nrows - 1));
        let shown = (r1 - first + 1) as usize;
        for (i, &(r, xs, total)) in d.row_items.iter().take(shown).enumerate() {
            let level = r.saturating_add(xs.saturating_sub(1));
            if !total && (1..nrows).contains(&level) {
                let row = first + i as u32;
                t.moves.push(((row, c0), (row, c0 + level)));
            }
        }
    }
    let name = |f: usize| field_name(names, f);
    let data_name = |f: &(i64, Option<String>, String)| data_field_name(names, f);
    // The table's last cell as LibreOffice lays it out.
    let (mut last_row, last_col) = (r1, c1 + nrows - file_cols);
    let mut header = r0 + cols.len() as u32;
    if several {
        t.shift_down = Some((r0, last_row, c0, last_col));
        t.labels
            .push(Label::over((r0, c0 + nrows), DATA_FIELD.to_owned()));
        last_row += 1;
        header = r0 + 1;
    }
    if cols.is_empty() {
        for (j, f) in d.data.iter().enumerate() {
            t.labels
                .push(Label::over((header, c0 + nrows + j as u32), data_name(f)?));
        }
    } else {
        t.labels.push(Label::over((r0, c0), data_name(&d.data[0])?));
        for (j, &f) in cols.iter().enumerate() {
            t.labels
                .push(Label::over((r0, c0 + nrows + j as u32), name(f)?));
        }
    }
    for (i, &f) in rows.iter().enumerate() {
        t.labels
            .push(Label::over((header, c0 + i as u32), name(f)?));
    }
    // The grand totals' captions, where the file leaves them empty: the
    // table's last row, first column; with column fields, the header row's
    // last column too.
    let caption = |at| Label {
        at,
        text: GRAND_TOTAL.to_owned(),
        only_if_empty: true,
    };
    if d.total_row && last_row > header {
        t.labels.push(caption((last_row, c0)));
    }
    if d.total_col && !cols.is_empty() && last_col > c0 + nrows {
        t.labels.push(caption((header, last_col)));
    }
    Some(t)
}

/// A pivot field's name, from the cache (`None` when it has none).
fn field_name(names: &[String], f: usize) -> Option<String> {
    names.get(f).filter(|n| !n.is_empty()).cloned()
}

/// A data field's name: the definition's, or, when it gives none, its
/// function and its field's name, as LibreOffice names it.
fn data_field_name(
    names: &[String],
    (field, given, function): &(i64, Option<String>, String),
) -> Option<String> {
    match given.as_deref().filter(|n| !n.is_empty()) {
        Some(n) => Some(n.to_owned()),
        None => Some(format!(
            "{} - {}",
            function_word(function),
            field_name(names, usize::try_from(*field).ok()?)?
        )),
    }
}

/// A table of several data fields on rows (their own field among the row
/// fields, `dataOnRows`), in outline or tabular form, where each row field
/// and the data fields' own field have a column, as LibreOffice lays them
/// out too: the header row names each (the data fields' own field `Dati`,
/// where Excel saves its `Valori`), the column fields' names stand over
/// the column items, and the grand total rows, one for each data field
/// under the table, are `Totale` and the field's name where the file
/// leaves them empty. A compact table (the labels and the data fields'
/// names in one column, where LibreOffice gives each a column) is not
/// given.
fn data_on_rows(d: &Definition, cols: &[usize], compact: bool, names: &[String]) -> Option<Table> {
    let (r0, c0) = d.location?;
    let (r1, c1) = d.location_end?;
    let ncols = u32::try_from(d.rows.len()).ok()?;
    let ndata = u32::try_from(d.data.len()).ok()?;
    if compact || d.first_data_col != Some(ncols) || c1 < c0 + ncols {
        return None;
    }
    let header = r0 + cols.len() as u32;
    let mut t = Table::default();
    for (i, &x) in d.rows.iter().enumerate() {
        let text = match usize::try_from(x) {
            Ok(f) => field_name(names, f)?,
            Err(_) => DATA_FIELD.to_owned(),
        };
        t.labels.push(Label::over((header, c0 + i as u32), text));
    }
    for (j, &f) in cols.iter().enumerate() {
        t.labels.push(Label::over(
            (r0, c0 + ncols + j as u32),
            field_name(names, f)?,
        ));
    }
    if d.total_row && r1 >= header + ndata {
        for (j, f) in d.data.iter().enumerate() {
            t.labels.push(Label {
                at: (r1 + 1 - ndata + j as u32, c0),
                text: format!("Totale {}", data_field_name(names, f)?),
                only_if_empty: true,
            });
        }
    }
    if d.total_col && !cols.is_empty() && c1 > c0 + ncols {
        t.labels.push(Label {
            at: (header, c1),
            text: GRAND_TOTAL.to_owned(),
            only_if_empty: true,
        });
    }
    Some(t)
}

/// The first (or, with `last`, the last) cell of an A1 reference or range.
fn corner(a1: &str, last: bool) -> Option<(u32, u32)> {
    match formula::parse(a1) {
        Expr::Ref(r) => Some((r.row, r.col)),
        Expr::Range(a, b) => Some(if last { (b.row, b.col) } else { (a.row, a.col) }),
        _ => None,
    }
}

#[path = "pivot_compute.rs"]
pub(super) mod compute;
pub use compute::Out;

#[cfg(test)]
#[path = "pivot_tests.rs"]
mod tests;

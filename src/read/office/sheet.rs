//! Spreadsheets (.xlsx, .xlsm, .xlsb, .xls, .ods), read by calamine: each
//! sheet one page whose text is its rows (one line each, cells apart by
//! tabs) and whose one table is the sheet as a grid of typed cells.
//!
//! A cell keeps its position: row `r` of the sheet is row `r` of the table
//! and line `r` of the page text (0-based; the spreadsheet's row `r + 1`),
//! so provenance is sheet (the page's name), row and column. Numbers read
//! as an Italian reader writes them (`12,5`), dates as `31/03/2021`, and
//! the cell's [`CellValue`] keeps the typed value (`2021-03-31`). A merged
//! range is one cell spanning its positions. A hidden sheet is read and
//! marked. A sheet of more than [`MAX_ROWS`] rows or [`MAX_POSITIONS`]
//! positions is a failure of the whole file, with the reason: a workbook
//! of a million rows is an export, not an act, and would not fit the
//! worker's memory as text.

use std::io::Cursor;

use atti_page::{CellValue, Page, Table, TableCell, TableMode};
use calamine::{
    open_workbook_from_rs, Data, DataRef, Dimensions, Ods, Reader, SheetVisible, Xls, Xlsb, Xlsx,
    XlsxFormulaMetadata,
};

use super::recalc;
use super::sheet_values::{legacy_booleans, looks, typed};
use crate::error::{Error, Result};

/// Most rows of one sheet.
pub const MAX_ROWS: u32 = 200_000;
/// Most grid positions (rows × columns) of one sheet.
pub const MAX_POSITIONS: u64 = 4_000_000;
/// Most sheets of one workbook.
pub const MAX_SHEETS: usize = 1_000;

/// The spreadsheet formats calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Book {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

impl Book {
    pub fn name(self) -> &'static str {
        match self {
            Book::Xlsx => "xlsx",
            Book::Xlsb => "xlsb",
            Book::Xls => "xls",
            Book::Ods => "ods",
        }
    }
}

/// One sheet as read: its name, whether hidden, its cells (row, column,
/// text, typed value) in row order, and its merged ranges.
pub(super) struct Sheet {
    pub name: String,
    pub hidden: bool,
    pub cells: Vec<(u32, u32, String, Option<CellValue>)>,
    pub merges: Vec<Dimensions>,
}

/// Reads every sheet of a workbook, one page each. `application`: the
/// program that saved an .xlsx (`docProps/app.xml`), which decides which
/// formula cells are computed again as LibreOffice does ([`super::recalc`]).
pub fn read(
    bytes: &[u8],
    book: Book,
    application: Option<&str>,
    max_chars: usize,
) -> Result<Vec<Page>> {
    let bad = |e: &dyn std::fmt::Display| {
        let m = e.to_string();
        if m.to_ascii_lowercase().contains("password") || m.contains("ncrypt") {
            Error::Unsupported(format!("foglio di calcolo protetto da password ({m})"))
        } else {
            Error::Office(format!(
                "foglio di calcolo {} illeggibile: {m}",
                book.name()
            ))
        }
    };
    let c = Cursor::new(bytes);
    let mut sheets = match book {
        Book::Xlsx => {
            let mut wb: Xlsx<_> = open_workbook_from_rs(c).map_err(|e| bad(&e))?;
            let meta = wb.sheets_metadata().to_vec();
            check_count(meta.len())?;
            let known_good = recalc::known_good(application);
            let base = if wb.has_1904_epoch() { 1462.0 } else { 0.0 };
            let mut arrays = super::array_ranges::Arrays::new(bytes);
            // A workbook whose names cannot be read computes its formulas
            // and lays out its pivot tables without them.
            let names = super::archive::Archive::open(bytes)
                .and_then(|mut a| super::names::named_ranges(&mut a))
                .unwrap_or_default();
            let mut out = Vec::new();
            let mut formulas = Vec::new();
            let mut styles = Vec::new();
            for m in meta {
                let merges = wb.merge_cells_by_sheet_name(&m.name).unwrap_or_default();
                let (cells, f) = xlsx_cells(&mut wb, &m.name, known_good, &mut arrays, &names)
                    .map_err(|e| match e {
                        Error::Office(msg) => bad(&msg),
                        e => e,
                    })?;
                styles.push(wb.worksheet_style(&m.name).ok());
                formulas.push(f);
                out.push(Sheet {
                    hidden: m.visible != SheetVisible::Visible,
                    name: m.name,
                    cells,
                    merges,
                });
            }
            let mut view: Vec<(&str, &mut recalc::Cells)> = out
                .iter_mut()
                .map(|s| (s.name.as_str(), &mut s.cells))
                .collect();
            recalc::apply(&mut view, &formulas);
            for (sheet, styles) in out.iter_mut().zip(&styles) {
                if let Some(styles) = styles {
                    let code = |r: u32, c: u32| {
                        styles
                            .get((r, c))
                            .and_then(|s| s.number_format.as_ref())
                            .map(|f| f.format_code.as_str())
                    };
                    looks(&mut sheet.cells, &code, base);
                }
            }
            // A workbook whose pivot parts cannot be read keeps the cells it holds.
            let tables = super::pivot::tables(bytes, &names).unwrap_or_default();
            if !tables.is_empty() {
                let mut view: Vec<(&str, &mut recalc::Cells)> = out
                    .iter_mut()
                    .map(|s| (s.name.as_str(), &mut s.cells))
                    .collect();
                super::pivot_apply::apply(&mut view, tables);
            }
            out
        }
        Book::Xls => {
            let mut wb: Xls<_> = open_workbook_from_rs(c).map_err(|e| bad(&e))?;
            let meta = wb.sheets_metadata().to_vec();
            check_count(meta.len())?;
            let mut out = Vec::new();
            for m in meta {
                let merges = wb.merge_cells_by_sheet_name(&m.name).unwrap_or_default();
                let range = wb.worksheet_range(&m.name).map_err(|e| bad(&e))?;
                out.push(Sheet {
                    hidden: m.visible != SheetVisible::Visible,
                    cells: range_cells(&m.name, &range)?,
                    name: m.name,
                    merges,
                });
            }
            // The cells' number formats, which calamine reads only to tell
            // dates: a file whose styles do not parse keeps calamine's reading.
            if let Some(f) = super::xls_formats::XlsFormats::read(bytes) {
                let base = if f.date1904 { 1462.0 } else { 0.0 };
                for sheet in &mut out {
                    looks(&mut sheet.cells, &f.codes_of(&sheet.name), base);
                }
            }
            out
        }
        Book::Xlsb => {
            let mut wb: Xlsb<_> = open_workbook_from_rs(c).map_err(|e| bad(&e))?;
            ranges(&mut wb, &bad)?
        }
        Book::Ods => {
            let mut wb: Ods<_> = open_workbook_from_rs(c).map_err(|e| bad(&e))?;
            let mut out = ranges(&mut wb, &bad)?;
            // The cells' data styles and shown booleans, which calamine
            // does not read: a file whose parts do not parse keeps its
            // reading.
            if let Some(f) = super::ods_formats::OdsFormats::read(bytes) {
                for sheet in &mut out {
                    looks(&mut sheet.cells, &f.codes_of(&sheet.name), 0.0);
                    for (r, c, text, value) in sheet.cells.iter_mut() {
                        if let Some(CellValue::Number(n)) = value {
                            if f.is_boolean(&sheet.name, *r, *c) {
                                let b = *n != 0.0;
                                *text = (if b { "VERO" } else { "FALSO" }).to_owned();
                                *value = Some(CellValue::Bool(b));
                            }
                        }
                    }
                }
            }
            out
        }
    };
    if matches!(book, Book::Xls | Book::Xlsb) {
        for s in &mut sheets {
            legacy_booleans(&mut s.cells);
        }
    }
    let mut chars = 0usize;
    let mut pages = Vec::with_capacity(sheets.len());
    for (i, s) in sheets.into_iter().enumerate() {
        let page = sheet_page(i as u32 + 1, s);
        chars += page.text.len();
        if chars > max_chars.saturating_mul(4) {
            return Err(Error::Limit(format!(
                "foglio di calcolo con più di {max_chars} caratteri di testo"
            )));
        }
        pages.push(page);
    }
    Ok(pages)
}

fn check_count(n: usize) -> Result<()> {
    if n > MAX_SHEETS {
        return Err(Error::Limit(format!(
            "cartella di lavoro con {n} fogli, oltre il limite di {MAX_SHEETS}"
        )));
    }
    Ok(())
}

fn too_many_rows(sheet: &str, rows: u64) -> Error {
    Error::Limit(format!(
        "il foglio «{sheet}» ha {rows} righe o più, oltre il limite di {MAX_ROWS} righe per foglio"
    ))
}

/// The cells of an .xlsx sheet, read one by one so that a sheet too large
/// is refused before it is held in memory, and its formula cells that
/// LibreOffice computes again on load (`known_good`: the file says Excel or
/// LibreOffice saved it; `arrays`: the sheet's array formulas, whose
/// ranges LibreOffice always computes again).
fn xlsx_cells(
    wb: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    known_good: bool,
    arrays: &mut super::array_ranges::Arrays<'_>,
    names: &super::formula::Names,
) -> Result<(recalc::Cells, recalc::Formulas)> {
    let mut reader = wb
        .worksheet_cells_reader(name)
        .map_err(|e| Error::Office(e.to_string()))?;
    let mut out = Vec::new();
    let mut formulas = recalc::Collector::with_names(names.clone());
    let mut max_col = 0u32;
    while let Some(cell) = reader
        .next_cell_with_formula_metadata()
        .map_err(|e| Error::Office(e.to_string()))?
    {
        let (r, c) = cell.pos;
        if r >= MAX_ROWS {
            return Err(too_many_rows(name, u64::from(r) + 1));
        }
        max_col = max_col.max(c);
        if (u64::from(r) + 1) * (u64::from(max_col) + 1) > MAX_POSITIONS {
            return Err(too_large(name));
        }
        if let Some(f) = cell.formula {
            let saved = match &cell.value {
                DataRef::Empty => recalc::Saved::None,
                DataRef::String(_) | DataRef::SharedString(_) => recalc::Saved::Text,
                DataRef::Bool(_) => recalc::Saved::Bool,
                DataRef::Error(_) => recalc::Saved::Error,
                _ => recalc::Saved::Number,
            };
            let form = match f.shared_index() {
                Some(_) => recalc::Form::Shared,
                None => recalc::Form::Normal,
            };
            let again = recalc::recomputed_on_load(form, saved, known_good);
            match f {
                XlsxFormulaMetadata::Normal { formula } => match arrays.at(name, (r, c)) {
                    Some(last) => formulas.array((r, c), &formula, last),
                    None => formulas.formula((r, c), &formula, None, again),
                },
                XlsxFormulaMetadata::Shared {
                    shared_index,
                    formula,
                    ..
                } => formulas.formula((r, c), &formula, Some(shared_index), again),
                XlsxFormulaMetadata::SharedDerived { shared_index } => {
                    formulas.shared((r, c), shared_index, again)
                }
                _ => {}
            }
        }
        let data: Data = cell.value.into();
        if let Some((text, value)) = typed(&data) {
            out.push((r, c, text, value));
        }
    }
    out.sort_by_key(|&(r, c, ..)| (r, c));
    Ok((out, formulas.formulas))
}

fn too_large(sheet: &str) -> Error {
    Error::Limit(format!(
        "il foglio «{sheet}» ha più di {MAX_POSITIONS} celle (righe × colonne)"
    ))
}

/// Every sheet of a workbook read as a range (formats without a cell reader).
fn ranges<'b, R>(wb: &mut R, bad: &dyn Fn(&dyn std::fmt::Display) -> Error) -> Result<Vec<Sheet>>
where
    R: Reader<Cursor<&'b [u8]>>,
    R::Error: std::fmt::Display,
{
    let meta = wb.sheets_metadata().to_vec();
    check_count(meta.len())?;
    let mut out = Vec::new();
    for m in meta {
        let range = wb.worksheet_range(&m.name).map_err(|e| bad(&e))?;
        out.push(Sheet {
            hidden: m.visible != SheetVisible::Visible,
            cells: range_cells(&m.name, &range)?,
            name: m.name,
            merges: Vec::new(),
        });
    }
    Ok(out)
}

fn range_cells(
    name: &str,
    range: &calamine::Range<Data>,
) -> Result<Vec<(u32, u32, String, Option<CellValue>)>> {
    let (h, w) = range.get_size();
    if h as u64 > u64::from(MAX_ROWS) {
        return Err(too_many_rows(name, h as u64));
    }
    if (h as u64) * (w as u64) > MAX_POSITIONS {
        return Err(too_large(name));
    }
    Ok(range
        .used_cells()
        .filter_map(|(r, c, d)| {
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let (r, c) = (r as u32 + r0, c as u32 + c0);
            typed(d).map(|(t, v)| (r, c, t, v))
        })
        .collect())
}

/// A sheet as a page: one line per row from the first, cells apart by tabs.
pub(super) fn sheet_page(number: u32, s: Sheet) -> Page {
    let rows = s.cells.iter().map(|c| c.0 + 1).max().unwrap_or(0);
    let mut cols = s.cells.iter().map(|c| c.1 + 1).max().unwrap_or(0);
    for m in &s.merges {
        cols = cols.max(m.end.1 + 1);
    }
    let rows = s.merges.iter().map(|m| m.end.0 + 1).fold(rows, u32::max);
    let merge_at = |r: u32, c: u32| s.merges.iter().find(|m| m.start == (r, c));
    let covered = |r: u32, c: u32| {
        s.merges.iter().any(|m| {
            (m.start.0..=m.end.0).contains(&r)
                && (m.start.1..=m.end.1).contains(&c)
                && m.start != (r, c)
        })
    };
    let mut text = String::new();
    let mut cells = Vec::with_capacity(s.cells.len());
    let mut hidden_under = Vec::new();
    let mut it = s.cells.into_iter().peekable();
    for r in 0..rows {
        if r > 0 {
            text.push('\n');
        }
        let mut line = String::new();
        let mut pending_tabs = 0usize;
        while let Some((_, c, t, v)) = it.next_if(|x| x.0 == r) {
            if covered(r, c) {
                let t = t.replace(['\n', '\r', '\t'], " ");
                hidden_under.push(TableCell {
                    row: r,
                    col: c,
                    row_span: 1,
                    col_span: 1,
                    text: t,
                    value: v,
                    ..TableCell::default()
                });
                continue;
            }
            // Tabs up to this cell's column (written only before a cell, so
            // a line ends with its last cell).
            let tabs = c as usize - pending_tabs;
            for _ in 0..tabs {
                line.push('\t');
            }
            pending_tabs = c as usize;
            let t = t.replace(['\n', '\r', '\t'], " ");
            let start = text.len() + line.len();
            line.push_str(&t);
            let (rs, cs) = merge_at(r, c).map_or((1, 1), |m| {
                (m.end.0 - m.start.0 + 1, m.end.1 - m.start.1 + 1)
            });
            cells.push(TableCell {
                row: r,
                col: c,
                row_span: rs,
                col_span: cs,
                end: start + t.len(),
                start,
                text: t,
                value: v,
                ..TableCell::default()
            });
        }
        text.push_str(&line);
    }
    if !text.is_empty() {
        text.push('\n');
    }
    let tables = if cells.is_empty() && hidden_under.is_empty() {
        Vec::new()
    } else {
        vec![Table {
            mode: TableMode::Markup,
            rows,
            cols,
            cells,
            covered: hidden_under,
            ..Table::default()
        }]
    };
    Page {
        number,
        text,
        tables,
        name: Some(s.name),
        hidden: s.hidden,
        ..Page::default()
    }
}

#[cfg(test)]
#[path = "sheet_tests.rs"]
mod tests;

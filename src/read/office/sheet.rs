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
use chrono::{NaiveDateTime, Timelike};

use super::cell_text::{
    date_text, datetime_of, error_text, look, number_text, percent_text, serial_of_iso,
    serial_text, Look,
};
use super::recalc;
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

/// Numbers and dates written as their number format's kind shows them
/// ([`Look`]): `0.9` in a `0%` cell is `90%`, `0.75` in an `h:mm` cell
/// `18:00:00`, a computed date (a formula cell, a stale one included) a
/// date; the typed value of a percentage stays the number. Applied after
/// the formula cells are computed again, so their results look as the
/// cells' formats say.
/// `base`: see [`serial_text`] (a date read from the file is counted from
/// the workbook's day 0; a computed number from LibreOffice's).
/// `code`: a cell's number format code, by row and column.
fn looks<'s>(
    cells: &mut [(u32, u32, String, Option<CellValue>)],
    code: &dyn Fn(u32, u32) -> Option<&'s str>,
    base: f64,
) {
    for (r, c, text, value) in cells.iter_mut() {
        let Some(code) = code(*r, *c) else {
            continue;
        };
        let (serial, base) = match value {
            Some(CellValue::Number(n)) => (*n, 0.0),
            // A boolean keeps its look (VERO, FALSO) only under the General
            // format: LibreOffice gives a boolean cell its boolean format
            // only there, and elsewhere it is the number 1 or 0 in the
            // cell's format.
            Some(CellValue::Bool(b)) if !is_general(code) => {
                let n = f64::from(u8::from(*b));
                *text = number_text(n);
                *value = Some(CellValue::Number(n));
                (n, 0.0)
            }
            Some(CellValue::Date(s) | CellValue::DateTime(s)) => match serial_of_iso(s) {
                Some(n) => (n - base, base),
                None => continue,
            },
            // A time an .ods keeps as a duration (`PT18H00M00S`).
            Some(CellValue::Duration(s)) => match iso_duration(s) {
                Some(n) => (n, 0.0),
                None => continue,
            },
            _ => continue,
        };
        match look(code) {
            Look::Number => {}
            Look::Percent => {
                if matches!(value, Some(CellValue::Number(_))) {
                    *text = percent_text(serial);
                }
            }
            l => {
                if let Some((t, v)) = serial_text(serial, l, base) {
                    *text = t;
                    *value = v;
                }
            }
        }
    }
}

/// The boolean cells of an .xls or .xlsb as LibreOffice shows them: its
/// importers of these formats read a boolean as the number 1 or 0, so the
/// page shows `1` and `0` where an .xlsx shows `VERO` and `FALSO`; the
/// typed value stays the boolean.
fn legacy_booleans(cells: &mut [(u32, u32, String, Option<CellValue>)]) {
    for (_, _, text, value) in cells.iter_mut() {
        if let Some(CellValue::Bool(b)) = value {
            *text = if *b { "1" } else { "0" }.to_owned();
        }
    }
}

/// Whether a number format code is the General format (no format).
fn is_general(code: &str) -> bool {
    code.is_empty() || code.eq_ignore_ascii_case("general")
}

/// The date of a serial date as LibreOffice reads it: day 0 is 30/12/1899
/// and 1900 has no 29 February, where calamine counts as Excel does (one
/// day more below serial 60).
fn lo_datetime(dt: &calamine::ExcelDateTime) -> Option<NaiveDateTime> {
    let x = dt.as_datetime()?;
    let v = dt.as_f64();
    if v < 60.0 {
        let lo = datetime_of(v)?;
        if x.date() == lo.date() + chrono::Duration::days(1) {
            return Some(lo);
        }
    }
    // To the millisecond: what a cell's serial holds of a time (a binary
    // fraction of a day is never exact), and what `mm:ss` shows.
    let nanos = (f64::from(x.nanosecond()) / 1e6).round() as i64 * 1_000_000;
    Some(x.with_nanosecond(0).unwrap_or(x) + chrono::Duration::nanoseconds(nanos))
}

/// A cell's text and typed value; `None` for an empty cell.
fn typed(d: &Data) -> Option<(String, Option<CellValue>)> {
    Some(match d {
        Data::Empty => return None,
        Data::String(s) => {
            // A NUL is no character a cell shows (calamine leaves one after
            // each letter of some .xls strings).
            let s = if s.contains('\0') {
                s.replace('\0', "")
            } else {
                s.clone()
            };
            if s.trim().is_empty() {
                return None;
            }
            (s, None)
        }
        Data::Int(i) => (i.to_string(), Some(CellValue::Number(*i as f64))),
        Data::Float(f) => (number_text(*f), Some(CellValue::Number(*f))),
        Data::Bool(b) => (
            (if *b { "VERO" } else { "FALSO" }).into(),
            Some(CellValue::Bool(*b)),
        ),
        Data::Error(e) => (
            error_text(&e.to_string()),
            Some(CellValue::Error(e.to_string())),
        ),
        Data::DateTime(dt) => {
            if dt.is_duration() {
                serial_text(dt.as_f64(), Look::Duration, 0.0)?
            } else {
                match lo_datetime(dt) {
                    Some(x) => date_text(x),
                    None => (
                        number_text(dt.as_f64()),
                        Some(CellValue::Number(dt.as_f64())),
                    ),
                }
            }
        }
        Data::DateTimeIso(s) => match parse_iso(s) {
            Some(x) => date_text(x),
            None => (s.clone(), Some(CellValue::Duration(s.clone()))),
        },
        Data::DurationIso(s) => match iso_duration(s) {
            Some(serial) => serial_text(serial, Look::Duration, 0.0)?,
            None => (s.clone(), Some(CellValue::Duration(s.clone()))),
        },
    })
}

/// An ISO 8601 duration of hours, minutes and seconds (`PT18H00M00S`,
/// how an .ods keeps a time) as a fraction of a day.
fn iso_duration(s: &str) -> Option<f64> {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => (-1.0, r),
        None => (1.0, s),
    };
    let mut rest = rest.strip_prefix("PT")?;
    let mut secs = 0.0;
    for (unit, scale) in [('H', 3600.0), ('M', 60.0), ('S', 1.0)] {
        if let Some((n, tail)) = rest.split_once(unit) {
            secs += n.parse::<f64>().ok()? * scale;
            rest = tail;
        }
    }
    rest.is_empty().then_some(sign * secs / 86_400.0)
}

fn parse_iso(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
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

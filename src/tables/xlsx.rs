//! The xlsx writer: the output tables as a workbook that a spreadsheet set to
//! Italian opens as it should, with rust_xlsxwriter.
//!
//! A CSV file leaves every cell to the spreadsheet's guess: a doc_id such as
//! `571e8812…` becomes the number 5.71E+88, a code `01` becomes 1, and the
//! quote that guards a formula-like cell shows. Here each cell carries its
//! type from the schema ([`crate::record::schema`]), so nothing is guessed:
//!
//! - text is written as a string (doc_ids, codes, `01`, `=SI` stay what
//!   they are) and never as a formula, so no formula can be injected and no
//!   cell needs the CSV guard's quote; text columns are formatted as text
//!   (`@`), so what a user types there stays text too;
//! - integers and decimals are numbers (the spreadsheet shows `12,5`);
//! - dates are dates shown `dd/mm/yyyy`; a date before 1900, which Excel
//!   cannot hold, is the text `dd/mm/yyyy`;
//! - booleans are `Sì` and `No`; an absent value is an empty cell.
//!
//! One sheet per table, titled with the table's Italian label (`Fasi`), whose
//! one header row holds the columns' Italian labels; the stable English
//! identifiers (the CSV headers and JSON keys) are on the last sheet,
//! `Legenda`: sheet, table, label, identifier and type of every column. So
//! every table sheet is a plain table (one header row, then data) for
//! filters, sorting and pivot tables. The header row is frozen and carries an
//! autofilter; column widths follow the longest value, capped at
//! [`MAX_WIDTH`] (a column with longer text, or line breaks, wraps it, and
//! its rows are made as tall as their text, up to [`MAX_LINES`] lines); pages
//! print landscape on A4 with gridlines and the header on each page.
//!
//! Excel's limits: a cell holds at most 32 767 characters (a longer text ends
//! with `…`; the CSV and JSON Lines keep it whole), a sheet 1 048 576 rows (a
//! longer table goes on in `Fasi (2)`, `Fasi (3)`…). Sheets are written in
//! constant-memory mode: each row goes to a temporary file as it is written,
//! so a large archive's workbook is not held in memory.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet, XlsxError,
};

use super::{Cell, CellType, Row, TableId};
use crate::error::{Error, Result};

/// The title of the sheet that lists every column's identifier and type.
pub const LEGEND: &str = "Legenda";
/// The legend's columns.
pub const LEGEND_HEADERS: [&str; 5] = ["Foglio", "Tabella", "Colonna", "Identificativo", "Tipo"];
/// How dates are shown.
pub const DATE_FORMAT: &str = "dd/mm/yyyy";
/// The widest column, in characters (a SHA-256 or a URN fits); a column
/// with longer text wraps it.
pub const MAX_WIDTH: usize = 70;
const MIN_WIDTH: usize = 6;
/// A line of text, in points (the default row of 11-point Calibri).
const ROW_HEIGHT: f64 = 15.0;
/// The tallest row, in lines of text: a longer text is read in the cell.
pub const MAX_LINES: usize = 20;
/// Room for the autofilter's button beside a header label.
const FILTER_BUTTON: usize = 3;
/// Data rows of one sheet: Excel's 1 048 576 rows less the header.
const SHEET_ROWS: usize = 1_048_575;
/// Excel's longest cell, in UTF-16 units.
const CELL_UNITS: usize = 32_767;

/// A boolean as an Italian reader writes it.
pub fn yes_no(b: bool) -> &'static str {
    if b {
        "Sì"
    } else {
        "No"
    }
}

/// What the legend says a column holds.
pub fn type_label(ty: CellType) -> &'static str {
    match ty {
        CellType::Text => "testo",
        CellType::Integer => "numero intero",
        CellType::Decimal => "numero decimale",
        CellType::Money => "importo in euro",
        CellType::Date => "data (gg/mm/aaaa)",
        CellType::Boolean => "Sì/No",
    }
}

/// A workbook being written: tables are added one at a time (each becomes
/// its sheet at once), the legend is added when it is saved.
pub struct Workbook {
    book: rust_xlsxwriter::Workbook,
    formats: Formats,
    legend: Vec<Row>,
}

struct Formats {
    header: Format,
    text: Format,
    /// Text of a column whose values are wider than [`MAX_WIDTH`] or hold
    /// line breaks: wrapped in the column, not spilling over the next ones.
    wrapped: Format,
    date: Format,
    number: Format,
    /// Euro: thousands grouped, always two decimals.
    money: Format,
}

impl Default for Workbook {
    fn default() -> Self {
        Workbook::new()
    }
}

impl Workbook {
    pub fn new() -> Workbook {
        let mut book = rust_xlsxwriter::Workbook::new();
        // Excel's own level: about 6% larger than the crate's default (6),
        // saved in about two thirds of its time (rust_xlsxwriter's
        // performance notes).
        book.set_zip_compression_level(3);
        Workbook {
            book,
            formats: Formats {
                header: Format::new()
                    .set_bold()
                    .set_num_format("@")
                    .set_background_color(Color::RGB(0xDDEBF7))
                    .set_border_bottom(FormatBorder::Thin),
                text: Format::new()
                    .set_num_format("@")
                    .set_align(FormatAlign::Top),
                wrapped: Format::new()
                    .set_num_format("@")
                    .set_align(FormatAlign::Top)
                    .set_text_wrap(),
                date: Format::new()
                    .set_num_format(DATE_FORMAT)
                    .set_align(FormatAlign::Top),
                number: Format::new().set_align(FormatAlign::Top),
                money: Format::new()
                    .set_num_format("#,##0.00")
                    .set_align(FormatAlign::Top),
            },
            legend: Vec::new(),
        }
    }

    /// Adds a table's rows (made by [`super::rows`], in their final order)
    /// as its sheet, or sheets when it has more rows than a sheet holds.
    pub fn add_table(&mut self, table: TableId, rows: &[Row]) -> Result<()> {
        let schema = table.schema();
        let labels: Vec<&str> = schema.columns.iter().map(|c| c.label).collect();
        let types: Vec<CellType> = schema.columns.iter().map(|c| c.ty).collect();
        let mut chunks: Vec<&[Row]> = rows.chunks(SHEET_ROWS).collect();
        if chunks.is_empty() {
            chunks.push(&[]);
        }
        for (i, chunk) in chunks.into_iter().enumerate() {
            let name = match i {
                0 => Cow::Borrowed(schema.label),
                _ => Cow::Owned(format!("{} ({})", schema.label, i + 1)),
            };
            self.sheet(&name, &labels, &types, chunk)?;
        }
        let text = |s: &str| Cell::Text(s.to_owned());
        self.legend.extend(schema.columns.iter().map(|c| {
            vec![
                text(schema.label),
                text(schema.name),
                text(c.label),
                text(c.id),
                text(type_label(c.ty)),
            ]
        }));
        Ok(())
    }

    /// Adds the legend and writes the workbook to `path`.
    pub fn save(mut self, path: &Path) -> Result<()> {
        self.add_legend()?;
        self.book.save(path).map_err(|e| match e {
            XlsxError::IoError(e) => Error::io(path, e),
            e => Error::Xlsx(e),
        })
    }

    /// Adds the legend and writes the workbook to `out`.
    pub fn write_to(mut self, out: &mut dyn Write) -> Result<()> {
        self.add_legend()?;
        let bytes = self.book.save_to_buffer()?;
        out.write_all(&bytes).map_err(|e| Error::io("<output>", e))
    }

    fn add_legend(&mut self) -> Result<()> {
        let legend = std::mem::take(&mut self.legend);
        self.sheet(LEGEND, &LEGEND_HEADERS, &[CellType::Text; 5], &legend)
    }

    /// One sheet: the header row, the rows, widths, frozen header, filter.
    fn sheet(
        &mut self,
        name: &str,
        labels: &[&str],
        types: &[CellType],
        rows: &[Row],
    ) -> Result<()> {
        let f = &self.formats;
        let ws = self.book.add_worksheet_with_constant_memory()?;
        ws.set_name(name)?;
        let layout = widths(labels, rows);
        let text_formats: Vec<&Format> = layout
            .iter()
            .map(|w| if w.wrap { &f.wrapped } else { &f.text })
            .collect();
        // The format each column is given: its cells in that format are
        // written with none, and take it from the column (the same style
        // in the file, without a format lookup a cell).
        let column_formats: Vec<Option<&Format>> = types
            .iter()
            .zip(&text_formats)
            .map(|(ty, text)| match ty {
                CellType::Text | CellType::Boolean => Some(*text),
                CellType::Date => Some(&f.date),
                CellType::Money => Some(&f.money),
                CellType::Integer | CellType::Decimal => None,
            })
            .collect();
        for (c, (w, format)) in layout.iter().zip(&column_formats).enumerate() {
            let c = col(c)?;
            ws.set_column_width(c, w.width as f64)?;
            if let Some(format) = format {
                ws.set_column_format(c, format)?;
            }
        }
        for (c, label) in labels.iter().enumerate() {
            ws.write_string_with_format(0, col(c)?, *label, &f.header)?;
        }
        for (r, row) in rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
            // Spreadsheets do not grow a row for wrapped text on opening.
            let lines = row_lines(row, &layout);
            if lines > 1 {
                ws.set_row_height(r, ROW_HEIGHT * lines as f64)?;
            }
            for (c, cell) in row.iter().enumerate() {
                let at = At {
                    r,
                    c: col(c)?,
                    text: text_formats[c],
                    column: column_formats[c],
                };
                write_cell(ws, f, at, cell)?;
            }
        }
        let last_col = col(labels.len().saturating_sub(1))?;
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, rows.len() as u32, last_col)?;
        ws.set_landscape();
        ws.set_paper_size(9); // A4
        ws.set_repeat_rows(0, 0)?;
        ws.set_print_gridlines(true);
        Ok(())
    }
}

fn col(c: usize) -> Result<u16> {
    Ok(u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?)
}

/// Where a cell goes: its row and column, the column's text format, and the
/// format the column was given, if any.
struct At<'a> {
    r: u32,
    c: u16,
    text: &'a Format,
    column: Option<&'a Format>,
}

impl At<'_> {
    /// `format`, or none when the column has it already.
    fn own<'f>(&self, format: &'f Format) -> Option<&'f Format> {
        match self.column {
            Some(c) if std::ptr::eq(c, format) => None,
            _ => Some(format),
        }
    }

    fn string(&self, ws: &mut Worksheet, s: &str, format: &Format) -> Result<()> {
        match self.own(format) {
            Some(format) => ws.write_string_with_format(self.r, self.c, s, format)?,
            None => ws.write_string(self.r, self.c, s)?,
        };
        Ok(())
    }

    fn number(&self, ws: &mut Worksheet, x: f64, format: &Format) -> Result<()> {
        match self.own(format) {
            Some(format) => ws.write_number_with_format(self.r, self.c, x, format)?,
            None => ws.write_number(self.r, self.c, x)?,
        };
        Ok(())
    }
}

/// Writes one typed cell (text in the column's text format); never a
/// formula.
fn write_cell(ws: &mut Worksheet, f: &Formats, at: At<'_>, cell: &Cell) -> Result<()> {
    match cell {
        Cell::Empty => Ok(()),
        Cell::Text(s) => at.string(ws, &fit(s), at.text),
        Cell::Integer(n) => at.number(ws, *n as f64, &f.number),
        // A value no spreadsheet can hold is left empty, as JSON Lines
        // writes it null.
        Cell::Decimal(x) if !x.is_finite() => Ok(()),
        Cell::Decimal(x) => at.number(ws, *x, &f.number),
        Cell::Money(x) => at.number(ws, x.to_f64_lossy(), &f.money),
        Cell::Date(d) => match excel_date(d) {
            Some(date) => {
                match at.own(&f.date) {
                    Some(format) => ws.write_date_with_format(at.r, at.c, &date, format)?,
                    None => ws.write_datetime(at.r, at.c, &date)?,
                };
                Ok(())
            }
            None => at.string(ws, &d.format("%d/%m/%Y").to_string(), at.text),
        },
        Cell::Boolean(b) => at.string(ws, yes_no(*b), at.text),
    }
}

/// The date as Excel holds it; None before 1900 (Excel's first day).
fn excel_date(d: &chrono::NaiveDate) -> Option<ExcelDateTime> {
    use chrono::Datelike;
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

/// A text that fits in a cell: cut, with `…`, past Excel's 32 767 units.
fn fit(s: &str) -> Cow<'_, str> {
    if s.len() <= CELL_UNITS || s.encode_utf16().count() <= CELL_UNITS {
        return Cow::Borrowed(s);
    }
    let (mut units, mut end) = (0, 0);
    for (i, ch) in s.char_indices() {
        if units + ch.len_utf16() > CELL_UNITS - 1 {
            break;
        }
        units += ch.len_utf16();
        end = i + ch.len_utf8();
    }
    Cow::Owned(format!("{}…", &s[..end]))
}

/// A column's width in characters, and whether its text wraps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ColumnWidth {
    width: usize,
    wrap: bool,
}

/// Column widths: the longest value or header label (with room for the
/// filter button), between [`MIN_WIDTH`] and [`MAX_WIDTH`]; a column with a
/// longer text, or a line break, wraps its text.
fn widths(labels: &[&str], rows: &[Row]) -> Vec<ColumnWidth> {
    let mut w: Vec<(usize, bool)> = labels
        .iter()
        .map(|l| (l.chars().count() + FILTER_BUTTON, false))
        .collect();
    for row in rows {
        for ((w, wrap), cell) in w.iter_mut().zip(row) {
            *w = (*w).max(shown_len(cell));
            *wrap |= matches!(cell, Cell::Text(s) if s.contains('\n'));
        }
    }
    w.into_iter()
        .map(|(w, wrap)| ColumnWidth {
            width: (w + 1).clamp(MIN_WIDTH, MAX_WIDTH),
            wrap: wrap || w + 1 > MAX_WIDTH,
        })
        .collect()
}

/// The lines the tallest wrapped cell of a row takes, at most [`MAX_LINES`]:
/// its characters over its column's width, line by line.
fn row_lines(row: &Row, layout: &[ColumnWidth]) -> usize {
    row.iter()
        .zip(layout)
        .filter(|(_, w)| w.wrap)
        .map(|(cell, w)| match cell {
            Cell::Text(s) => s
                .lines()
                .map(|l| l.chars().count().div_ceil(w.width).max(1))
                .sum(),
            _ => 1,
        })
        .max()
        .unwrap_or(1)
        .min(MAX_LINES)
}

/// How many characters a cell shows (its longest line for a text).
fn shown_len(cell: &Cell) -> usize {
    match cell {
        Cell::Empty => 0,
        Cell::Text(s) => s.lines().map(|l| l.chars().count()).max().unwrap_or(0),
        Cell::Integer(_) | Cell::Decimal(_) | Cell::Money(_) => cell.to_text(true).len(),
        Cell::Date(_) => DATE_FORMAT.len(),
        Cell::Boolean(b) => yes_no(*b).chars().count(),
    }
}

#[cfg(test)]
#[path = "xlsx_tests.rs"]
mod tests;

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
        Workbook {
            book: rust_xlsxwriter::Workbook::new(),
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
        for (c, (ty, w)) in types.iter().zip(&layout).enumerate() {
            let text = text_formats[c];
            let c = col(c)?;
            ws.set_column_width(c, w.width as f64)?;
            match ty {
                CellType::Text | CellType::Boolean => ws.set_column_format(c, text)?,
                CellType::Date => ws.set_column_format(c, &f.date)?,
                CellType::Money => ws.set_column_format(c, &f.money)?,
                CellType::Integer | CellType::Decimal => ws,
            };
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
                write_cell(ws, f, text_formats[c], r, col(c)?, cell)?;
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

/// Writes one typed cell (text in the column's text format); never a
/// formula.
fn write_cell(
    ws: &mut Worksheet,
    f: &Formats,
    text: &Format,
    r: u32,
    c: u16,
    cell: &Cell,
) -> Result<()> {
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => {
            ws.write_string_with_format(r, c, fit(s), text)?;
        }
        Cell::Integer(n) => {
            ws.write_number_with_format(r, c, *n as f64, &f.number)?;
        }
        // A value no spreadsheet can hold is left empty, as JSON Lines
        // writes it null.
        Cell::Decimal(x) if !x.is_finite() => {}
        Cell::Decimal(x) => {
            ws.write_number_with_format(r, c, *x, &f.number)?;
        }
        Cell::Money(x) => {
            ws.write_number_with_format(r, c, x.to_f64_lossy(), &f.money)?;
        }
        Cell::Date(d) => match excel_date(d) {
            Some(date) => {
                ws.write_date_with_format(r, c, &date, &f.date)?;
            }
            None => {
                ws.write_string_with_format(r, c, d.format("%d/%m/%Y").to_string(), text)?;
            }
        },
        Cell::Boolean(b) => {
            ws.write_string_with_format(r, c, yes_no(*b), text)?;
        }
    }
    Ok(())
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
mod tests {
    use super::*;
    use calamine::{Data, DataType, Reader, Xlsx};
    use chrono::NaiveDate;
    use std::io::Cursor;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }

    fn read(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
        calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook calamine reads")
    }

    fn book(tables: &[(TableId, Vec<Row>)]) -> Vec<u8> {
        let mut b = Workbook::new();
        for (t, rows) in tables {
            b.add_table(*t, rows).unwrap();
        }
        let mut out = Vec::new();
        b.write_to(&mut out).unwrap();
        out
    }

    /// A decision row: every cell type, and the values a spreadsheet would
    /// guess wrong in a CSV file.
    fn decision() -> Row {
        vec![
            text("571e8812"),
            text("=SI.txt"),
            text("Assemblea dei Sindaci"),
            text("deliberazione"),
            text("01"),
            Cell::Date(date(2021, 12, 1)),
            text("UFFICIO TECNICO"),
            text("085"),
            Cell::Date(date(2021, 11, 30)),
            text("@SUM(A1:A2) e\u{1}controllo _x0041_"),
            text("approvata"),
            Cell::Integer(9),
            Cell::Empty,
            Cell::Integer(7),
            Cell::Integer(-2),
            Cell::Integer(0),
            Cell::Boolean(true),
            Cell::Date(date(1865, 3, 20)),
            text("Corsico; Buccinasco"),
            text("Z1A2B3C4D5"),
            Cell::Empty,
            text("contract"),
            text("direct"),
            text("d.lgs. 36/2023 art. 50 c. 1 lett. b"),
            Cell::Empty,
            Cell::Money("12345.60".parse().unwrap()),
            text("commitment"),
            Cell::Empty,
        ]
    }

    #[test]
    fn every_cell_keeps_its_type() {
        let mut no = decision();
        no[16] = Cell::Boolean(false);
        let bytes = book(&[(TableId::Decisions, vec![decision(), no])]);
        let mut wb = read(bytes);
        assert_eq!(wb.sheet_names(), ["Decisioni", LEGEND]);
        let range = wb.worksheet_range("Decisioni").unwrap();
        assert_eq!(range.get_size(), (3, 28));
        let labels: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        let schema = TableId::Decisions.schema();
        assert_eq!(
            labels,
            schema.columns.iter().map(|c| c.label).collect::<Vec<_>>()
        );
        let row = &range.rows().nth(1).unwrap();
        assert_eq!(
            row[0],
            Data::String("571e8812".into()),
            "a doc_id stays text"
        );
        assert_eq!(
            row[1],
            Data::String("=SI.txt".into()),
            "no quote, no formula"
        );
        assert_eq!(row[4], Data::String("01".into()), "the leading zero stays");
        assert_eq!(row[6], Data::String("UFFICIO TECNICO".into()));
        assert_eq!(
            row[7],
            Data::String("085".into()),
            "an office number stays text"
        );
        assert_eq!(row[8].as_date(), Some(date(2021, 11, 30)));
        assert_eq!(row[5].as_date(), Some(date(2021, 12, 1)));
        assert!(row[5].is_datetime(), "{:?}", row[5]);
        assert_eq!(
            row[9],
            Data::String("@SUM(A1:A2) e\u{1}controllo _x0041_".into())
        );
        assert_eq!(row[11].as_f64(), Some(9.0));
        assert!(
            matches!(row[11], Data::Float(_) | Data::Int(_)),
            "{:?}",
            row[11]
        );
        assert_eq!(row[12], Data::Empty);
        assert_eq!(row[14].as_f64(), Some(-2.0));
        assert_eq!(row[16], Data::String("Sì".into()));
        assert_eq!(range.rows().nth(2).unwrap()[16], Data::String("No".into()));
        assert_eq!(
            row[17],
            Data::String("20/03/1865".into()),
            "before 1900: text"
        );
        assert_eq!(row[25], Data::Float(12345.6), "a sum of euro is a number");
        assert!(wb
            .worksheet_formula("Decisioni")
            .unwrap()
            .used_cells()
            .next()
            .is_none());
    }

    #[test]
    fn decimals_are_numbers_and_the_legend_names_every_column() {
        let phase = vec![
            text("id"),
            text("a.pdf"),
            text("2021_Z001"),
            Cell::Integer(1),
            text("Fase"),
            Cell::Decimal(12.5),
            Cell::Date(date(2021, 1, 1)),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ];
        let bytes = book(&[(TableId::Phases, vec![phase]), (TableId::Failures, vec![])]);
        let mut wb = read(bytes);
        assert_eq!(
            wb.sheet_names(),
            ["Fasi", TableId::Failures.schema().label, LEGEND]
        );
        let fasi = wb.worksheet_range("Fasi").unwrap();
        assert_eq!(fasi.get((1, 5)), Some(&Data::Float(12.5)));
        let failures = wb
            .worksheet_range(TableId::Failures.schema().label)
            .unwrap();
        assert_eq!(
            failures.get_size(),
            (1, 3),
            "an empty table keeps its header"
        );
        let legend = wb.worksheet_range(LEGEND).unwrap();
        let rows: Vec<Vec<String>> = legend
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(rows[0], LEGEND_HEADERS);
        assert_eq!(rows.len(), 1 + 11 + 3);
        assert_eq!(
            rows[6],
            ["Fasi", "phases", "Peso %", "weight", "numero decimale"]
        );
        assert_eq!(
            rows[7],
            [
                "Fasi",
                "phases",
                "Inizio",
                "start_date",
                "data (gg/mm/aaaa)"
            ]
        );
        assert_eq!(
            rows[14],
            [
                "File non letti (errori)",
                "failures",
                "Motivo",
                "reason",
                "testo"
            ]
        );
    }

    /// Every table label is a valid sheet title (at most 31 characters, none
    /// of `[]:*?/\`), and none is the legend's.
    #[test]
    fn every_table_label_is_a_sheet_title() {
        let tables: Vec<(TableId, Vec<Row>)> = TableId::ALL.iter().map(|t| (*t, vec![])).collect();
        let wb = read(book(&tables));
        let labels: Vec<&str> = TableId::ALL.iter().map(|t| t.schema().label).collect();
        assert_eq!(wb.sheet_names()[..TableId::ALL.len()], labels);
        assert!(!labels.contains(&LEGEND));
    }

    #[test]
    fn widths_are_capped_and_long_text_is_cut_at_excels_limit() {
        let long = "è".repeat(40_000);
        let w = |width, wrap| ColumnWidth { width, wrap };
        let rows = [vec![text(&long), Cell::Integer(12_345_678), text("a\nb")]];
        assert_eq!(
            widths(&["Titolo", "N.", "Note"], &rows),
            [w(MAX_WIDTH, true), w(9, false), w(8, true)],
            "a long text or a line break wraps"
        );
        assert_eq!(widths(&["N."], &[]), [w(MIN_WIDTH, false)]);
        let layout = widths(&["Oggetto", "Note"], &[]);
        let lines = |a: &str, b: &str| row_lines(&vec![text(a), text(b)], &layout);
        assert_eq!(lines("breve", "breve"), 1, "no column wraps");
        let layout = [w(10, true), w(10, true)];
        let lines = |a: &str, b: &str| row_lines(&vec![text(a), text(b)], &layout);
        assert_eq!(lines(&"x".repeat(25), "a\nb\nc\nd"), 4, "the tallest cell");
        assert_eq!(lines(&"x".repeat(1000), ""), MAX_LINES);
        let cut = fit(&long);
        assert_eq!(cut.encode_utf16().count(), CELL_UNITS);
        assert!(cut.ends_with("è…"));
        assert_eq!(fit("breve"), "breve");
        let wide = "😀".repeat(20_000);
        assert!(fit(&wide).encode_utf16().count() <= CELL_UNITS);
        let mut wb = read(book(&[(
            TableId::Failures,
            vec![vec![text("a"), text("b"), text(&long)]],
        )]));
        let r = wb
            .worksheet_range(TableId::Failures.schema().label)
            .unwrap();
        assert_eq!(
            r.get((1, 2)).unwrap().to_string().chars().count(),
            CELL_UNITS
        );
    }

    /// The date format and the frozen, filtered header, as the file says.
    #[test]
    fn dates_show_day_month_year_and_the_header_is_frozen_and_filtered() {
        let mut long = decision();
        long[9] = text(&"oggetto lungo ".repeat(10));
        let bytes = book(&[(TableId::Decisions, vec![long])]);
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut part = |name: &str| {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
            s
        };
        assert!(part("xl/styles.xml").contains(r#"formatCode="dd/mm/yyyy""#));
        let sheet = part("xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            ),
            "{sheet}"
        );
        assert!(sheet.contains(r#"<autoFilter ref="A1:AB2"/>"#), "{sheet}");
        assert!(!sheet.contains("<f>"), "no formula anywhere");
        assert!(
            part("xl/styles.xml").contains(r#"wrapText="1""#),
            "the subject wraps"
        );
    }
}

//! Writing a report: CSV with the template's file options, the JSON form
//! shaped like ANAC's transparency schemes (delibera 495/2024: an
//! `intestazione`, then the rows), and one-sheet workbooks (xlsx here, ods
//! in [`super::ods`]) with the header row frozen, dates as dates, amounts
//! as numbers in euro and codes as text.

use std::io::Write;

use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format as XFormat};

use super::context::text;
use super::fields::Ty;
use super::format::{DateFormat, Value};
use super::run::Output;
use super::sheet::{cell_text, column_width, sheet_name};
use super::template::{Column, Encoding, LineEnd, Template};
use crate::error::{Error, Result};

/// The forms a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Csv,
    Xlsx,
    Ods,
    Json,
}

impl ReportFormat {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Csv => "csv",
            ReportFormat::Xlsx => "xlsx",
            ReportFormat::Ods => "ods",
            ReportFormat::Json => "json",
        }
    }

    /// `csv` -> Csv (the names of [`ReportFormat::extension`]).
    pub fn of_name(name: &str) -> Option<ReportFormat> {
        ReportFormat::of_path(std::path::Path::new(&format!("x.{name}")))
    }

    /// The media type of `t` written in this form (a CSV's charset is the
    /// template's encoding).
    pub fn content_type(self, t: &Template) -> &'static str {
        match (self, t.file_options.encoding) {
            (ReportFormat::Csv, Encoding::Utf8) => "text/csv; charset=utf-8",
            (ReportFormat::Csv, _) => "text/csv; charset=windows-1252",
            (ReportFormat::Xlsx, _) => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            (ReportFormat::Ods, _) => "application/vnd.oasis.opendocument.spreadsheet",
            (ReportFormat::Json, _) => "application/json",
        }
    }

    pub fn of_path(p: &std::path::Path) -> Option<ReportFormat> {
        match p.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(ReportFormat::Csv),
            "xlsx" => Some(ReportFormat::Xlsx),
            "ods" => Some(ReportFormat::Ods),
            "json" => Some(ReportFormat::Json),
            _ => None,
        }
    }
}

fn header_text(v: &Value) -> String {
    match v {
        Value::Date(d) => DateFormat::SlashDmy.write(*d),
        other => text(other),
    }
}

pub fn write(t: &Template, out: &Output, format: ReportFormat, w: &mut dyn Write) -> Result<()> {
    match format {
        ReportFormat::Csv => csv_out(t, out, w),
        ReportFormat::Json => json_out(t, out, w),
        ReportFormat::Xlsx => {
            let bytes = xlsx(t, out)?;
            w.write_all(&bytes).map_err(|e| Error::io("<output>", e))
        }
        ReportFormat::Ods => super::ods::write(t, out, w),
    }
}

fn csv_out(t: &Template, out: &Output, w: &mut dyn Write) -> Result<()> {
    let fo = &t.file_options;
    let delimiter = if fo.delimiter == "tab" {
        b'\t'
    } else {
        fo.delimiter.as_bytes()[0]
    };
    let mut buf = Vec::new();
    {
        let mut cw = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .terminator(match fo.line_end {
                LineEnd::Crlf => csv::Terminator::CRLF,
                LineEnd::Lf => csv::Terminator::Any(b'\n'),
            })
            .from_writer(&mut buf);
        if fo.header_block {
            for (k, v) in &out.header_block {
                cw.write_record([k.as_str(), &header_text(v)])?;
            }
            cw.write_record([""])?;
        }
        cw.write_record(t.columns.iter().map(|c| c.header.as_str()))?;
        for r in &out.rows {
            cw.write_record(t.columns.iter().zip(r).map(|(c, v)| {
                let s = cell_text(c, v);
                match v {
                    Value::Text(_) | Value::List(_) => crate::tables::guard_cell(&s).into_owned(),
                    _ => s,
                }
            }))?;
        }
        cw.flush().map_err(|e| Error::io("<output>", e))?;
    }
    let io = |e| Error::io("<output>", e);
    match fo.encoding {
        Encoding::Utf8 => {
            if fo.bom {
                w.write_all("\u{feff}".as_bytes()).map_err(io)?;
            }
            w.write_all(&buf).map_err(io)
        }
        Encoding::Windows1252 => {
            let text = String::from_utf8_lossy(&buf);
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
            w.write_all(&bytes).map_err(io)
        }
    }
}

fn json_value(c: &Column, v: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Value::Empty => J::Null,
        Value::Integer(n) => J::from(*n),
        Value::Number(x) => {
            let x = if c.ty == Ty::Amount {
                (x * 100.0).round() / 100.0
            } else {
                *x
            };
            serde_json::Number::from_f64(x).map_or(J::Null, J::Number)
        }
        Value::Bool(b) => J::Bool(*b),
        Value::List(l) => J::Array(l.iter().map(|x| json_value(c, x)).collect()),
        other => J::String(cell_text(c, other)),
    }
}

/// A JSON object that keeps its keys in the order given (the columns').
struct Ordered(Vec<(String, serde_json::Value)>);

impl serde::Serialize for Ordered {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

fn json_out(t: &Template, out: &Output, w: &mut dyn Write) -> Result<()> {
    use serde_json::Value as J;
    let hb = |k: &str| {
        out.header_block
            .iter()
            .find(|(l, _)| l == k)
            .map(|(_, v)| v.clone())
            .unwrap_or(Value::Empty)
    };
    let s = |v: Value| match v {
        Value::Empty => J::Null,
        Value::Integer(n) => J::from(n),
        other => J::String(header_text(&other)),
    };
    let head = Ordered(vec![
        ("amministrazione".into(), s(hb("Amministrazione"))),
        (
            "codiceFiscaleAmministrazione".into(),
            s(hb("Codice fiscale")),
        ),
        ("annoRiferimento".into(), s(hb("Anno di riferimento"))),
        ("dataPubblicazione".into(), s(hb("Data di pubblicazione"))),
        ("titolo".into(), J::String(t.title.clone())),
        (
            "riferimentoNormativo".into(),
            J::String(t.legal_basis.clone()),
        ),
    ]);
    // serde_json's Value sorts keys; the rows are written one by one so
    // that each keeps the columns' order.
    let io = |e| Error::io("<output>", e);
    w.write_all(b"{\n  \"intestazione\": ").map_err(io)?;
    w.write_all(serde_json::to_string(&head)?.as_bytes())
        .map_err(io)?;
    w.write_all(
        format!(
            ",\n  {}: [",
            serde_json::to_string(&t.file_options.json_rows)?
        )
        .as_bytes(),
    )
    .map_err(io)?;
    for (i, r) in out.rows.iter().enumerate() {
        let o = Ordered(
            t.columns
                .iter()
                .zip(r)
                .map(|(c, v)| (c.json.clone(), json_value(c, v)))
                .collect(),
        );
        let sep = if i == 0 { "\n    " } else { ",\n    " };
        w.write_all(sep.as_bytes()).map_err(io)?;
        w.write_all(serde_json::to_string(&o)?.as_bytes())
            .map_err(io)?;
    }
    w.write_all(b"\n  ]\n}\n").map_err(io)
}

/// The euro format of amount cells.
pub const EURO: &str = "#,##0.00 [$€-410]";

fn xlsx(t: &Template, out: &Output) -> Result<Vec<u8>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    // Excel's own level, as the tables' workbook (src/tables/xlsx.rs).
    book.set_zip_compression_level(3);
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(&t.sheet))?;
    let bold = XFormat::new().set_bold().set_text_wrap();
    let text = XFormat::new().set_num_format("@").set_text_wrap();
    let euro = XFormat::new().set_num_format(EURO);
    let number = XFormat::new();
    let mut r: u32 = 0;
    if t.file_options.header_block {
        for (k, v) in &out.header_block {
            ws.write_string_with_format(r, 0, k, &bold)?;
            match v {
                Value::Date(d) => {
                    let f = XFormat::new().set_num_format("dd/mm/yyyy");
                    match excel_date(*d) {
                        Some(x) => ws.write_date_with_format(r, 1, &x, &f)?,
                        None => ws.write_string(r, 1, header_text(v))?,
                    };
                }
                Value::Integer(n) => {
                    ws.write_number(r, 1, *n as f64)?;
                }
                other => {
                    ws.write_string_with_format(r, 1, header_text(other), &text)?;
                }
            }
            r += 1;
        }
        r += 1;
    }
    for (i, c) in t.columns.iter().enumerate() {
        ws.write_string_with_format(r, i as u16, &c.header, &bold)?;
        ws.set_column_width(i as u16, column_width(c))?;
    }
    ws.set_freeze_panes(r + 1, 0)?;
    for row in &out.rows {
        r += 1;
        for (i, (c, v)) in t.columns.iter().zip(row).enumerate() {
            let col = i as u16;
            match (c.ty, v) {
                (_, Value::Empty) => {}
                (Ty::Date, Value::Date(d)) => {
                    let f = XFormat::new().set_num_format(c.date_format.spreadsheet());
                    match excel_date(*d) {
                        Some(x) => ws.write_date_with_format(r, col, &x, &f)?,
                        None => ws.write_string_with_format(r, col, cell_text(c, v), &text)?,
                    };
                }
                (Ty::Amount, Value::Number(x)) => {
                    ws.write_number_with_format(r, col, *x, &euro)?;
                }
                (Ty::Number | Ty::Percent | Ty::Integer, Value::Number(x)) => {
                    ws.write_number_with_format(r, col, *x, &number)?;
                }
                (Ty::Number | Ty::Percent | Ty::Integer | Ty::Amount, Value::Integer(n)) => {
                    ws.write_number_with_format(
                        r,
                        col,
                        *n as f64,
                        if c.ty == Ty::Amount { &euro } else { &number },
                    )?;
                }
                _ => {
                    let s: String = cell_text(c, v).chars().take(32_767).collect();
                    ws.write_string_with_format(r, col, s, &text)?;
                }
            };
        }
    }
    Ok(book.save_to_buffer()?)
}

fn excel_date(d: chrono::NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

//! The OpenDocument spreadsheet form of a report (the open format Italian
//! administrations are asked to publish in): one sheet, the header row
//! frozen, dates as dates, amounts as euro currency, codes as text.
//!
//! The workbook is built with the spreadsheet-ods crate: a value format and
//! a cell style per kind of cell (three date layouts, euro, plain number,
//! text, the bold header), one typed cell per value, the rows down to the
//! header frozen in the sheet's view settings.

use std::io::Write;

use icu_locale_core::locale;
use spreadsheet_ods::format::FormatNumberStyle;
use spreadsheet_ods::style::CellStyle;
use spreadsheet_ods::{
    CellStyleRef, Length, Sheet, Value as Cell, ValueFormatCurrency, ValueFormatDateTime,
    ValueFormatNumber, ValueFormatText, WorkBook,
};

use super::fields::Ty;
use super::format::{DateFormat, Value};
use super::run::Output;
use super::sheet::{cell_text, column_width, sheet_name};
use super::template::{Column, Template};
use crate::error::{Error, Result};

/// The cell styles of a report's workbook, each on its value format.
struct Styles {
    dash: CellStyleRef,
    slash: CellStyleRef,
    iso: CellStyleRef,
    euro: CellStyleRef,
    number: CellStyleRef,
    text: CellStyleRef,
    head: CellStyleRef,
}

/// A date format: day, month, year (or year, month, day) joined by `sep`.
fn date_format(name: &str, sep: &str, iso: bool) -> ValueFormatDateTime {
    let mut f = ValueFormatDateTime::new_localized(name, locale!("it-IT"));
    let long = FormatNumberStyle::Long;
    if iso {
        f.part_year().style(long).build();
        f.part_text(sep).build();
        f.part_month().style(long).build();
        f.part_text(sep).build();
        f.part_day().style(long).build();
    } else {
        f.part_day().style(long).build();
        f.part_text(sep).build();
        f.part_month().style(long).build();
        f.part_text(sep).build();
        f.part_year().style(long).build();
    }
    f
}

impl Styles {
    fn new(wb: &mut WorkBook) -> Styles {
        let mut date = |name: &str, sep: &str, iso: bool| {
            let f = wb.add_datetime_format(date_format(&format!("N{name}"), sep, iso));
            wb.add_cellstyle(CellStyle::new(name, &f))
        };
        let dash = date("cdash", "-", false);
        let slash = date("cslash", "/", false);
        let iso = date("ciso", "-", true);
        // 1.234,56 € in the Italian locale.
        let mut euro = ValueFormatCurrency::new_localized("Neuro", locale!("it-IT"));
        euro.part_number()
            .fixed_decimal_places(2)
            .min_integer_digits(1)
            .grouping()
            .build();
        euro.part_text(" ").build();
        euro.part_currency()
            .locale(locale!("it-IT"))
            .symbol("€")
            .build();
        let euro = wb.add_currency_format(euro);
        let euro = wb.add_cellstyle(CellStyle::new("ceuro", &euro));
        let mut number = ValueFormatNumber::new_localized("Nnumber", locale!("it-IT"));
        number.part_number().min_integer_digits(1).build();
        let number = wb.add_number_format(number);
        let number = wb.add_cellstyle(CellStyle::new("cnumber", &number));
        let mut text = ValueFormatText::new_named("Ntext");
        text.part_text_content().build();
        let text = wb.add_text_format(text);
        let mut head = CellStyle::new("chead", &text);
        head.set_font_bold();
        let head = wb.add_cellstyle(head);
        let text = wb.add_cellstyle(CellStyle::new("ctext", &text));
        Styles {
            dash,
            slash,
            iso,
            euro,
            number,
            text,
            head,
        }
    }

    fn date(&self, f: DateFormat) -> &CellStyleRef {
        match f {
            DateFormat::DashDmy => &self.dash,
            DateFormat::SlashDmy => &self.slash,
            DateFormat::Iso => &self.iso,
        }
    }
}

/// A report's value as a typed cell of its column, with its style; None
/// for an empty cell.
fn cell<'a>(c: &Column, v: &Value, st: &'a Styles) -> Option<(Cell, &'a CellStyleRef)> {
    Some(match (c.ty, v) {
        (_, Value::Empty) => return None,
        (Ty::Date, Value::Date(d)) => (Cell::from(*d), st.date(c.date_format)),
        (Ty::Amount, Value::Number(_) | Value::Integer(_)) => (
            Cell::new_currency("EUR", v.number().unwrap_or_default()),
            &st.euro,
        ),
        (Ty::Number | Ty::Percent | Ty::Integer, Value::Number(_) | Value::Integer(_)) => {
            (Cell::Number(v.number().unwrap_or_default()), &st.number)
        }
        _ => (Cell::Text(cell_text(c, v)), &st.text),
    })
}

/// The header block's value (a date as a GG/MM/AAAA date, a year as a
/// number, the rest as text).
fn block_cell<'a>(v: &Value, st: &'a Styles) -> (Cell, &'a CellStyleRef) {
    match v {
        Value::Date(d) => (Cell::from(*d), &st.slash),
        Value::Integer(n) => (Cell::Number(*n as f64), &st.number),
        other => (Cell::Text(super::context::text(other)), &st.text),
    }
}

/// The report as one sheet of a new workbook.
fn workbook(t: &Template, out: &Output) -> WorkBook {
    let mut wb = WorkBook::new_empty();
    let st = Styles::new(&mut wb);
    let mut sheet = Sheet::new(sheet_name(&t.sheet));
    for (i, c) in t.columns.iter().enumerate() {
        sheet.set_col_width(i as u32, Length::Cm(column_width(c) * 0.2));
    }
    let mut row = 0u32;
    if t.file_options.header_block {
        for (k, v) in &out.header_block {
            sheet.set_styled_value(row, 0, k.as_str(), &st.head);
            let (value, style) = block_cell(v, &st);
            sheet.set_styled_value(row, 1, value, style);
            row += 1;
        }
        row += 1;
    }
    for (j, c) in t.columns.iter().enumerate() {
        sheet.set_styled_value(row, j as u32, c.header.as_str(), &st.head);
    }
    // Everything down to the header stays in view.
    sheet.split_row_header(row);
    for r in &out.rows {
        row += 1;
        for (j, (c, v)) in t.columns.iter().zip(r).enumerate() {
            if let Some((value, style)) = cell(c, v, &st) {
                sheet.set_styled_value(row, j as u32, value, style);
            }
        }
    }
    wb.push_sheet(sheet);
    wb
}

pub fn write(t: &Template, out: &Output, w: &mut dyn Write) -> Result<()> {
    let mut wb = workbook(t, out);
    let bytes = spreadsheet_ods::write_ods_buf(&mut wb, Vec::new())
        .map_err(|e| Error::Usage(format!("ods: {e}")))?;
    w.write_all(&bytes).map_err(|e| Error::io("<output>", e))
}

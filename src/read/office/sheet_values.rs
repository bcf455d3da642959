//! A spreadsheet cell's value as LibreOffice shows it: calamine's typed
//! data read as text and [`CellValue`] (dates from the workbook's day 0,
//! ISO dates and durations, an .xls's booleans), then written as the
//! cell's number format says (`90%`, `18:00:00`, a date).

use atti_page::CellValue;
use calamine::Data;
use chrono::{NaiveDateTime, Timelike};

use super::cell_text::{
    date_text, datetime_of, error_text, look, number_text, percent_text, serial_of_iso,
    serial_text, Look,
};

/// Numbers and dates written as their number format's kind shows them
/// ([`Look`]): `0.9` in a `0%` cell is `90%`, `0.75` in an `h:mm` cell
/// `18:00:00`, a computed date (a formula cell, a stale one included) a
/// date; the typed value of a percentage stays the number. Applied after
/// the formula cells are computed again, so their results look as the
/// cells' formats say.
/// `base`: see [`serial_text`] (a date read from the file is counted from
/// the workbook's day 0; a computed number from LibreOffice's).
/// `code`: a cell's number format code, by row and column.
pub(super) fn looks<'s>(
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
pub(super) fn legacy_booleans(cells: &mut [(u32, u32, String, Option<CellValue>)]) {
    for (_, _, text, value) in cells.iter_mut() {
        if let Some(CellValue::Bool(b)) = value {
            *text = if *b { "1" } else { "0" }.to_owned();
        }
    }
}

/// Whether a number format code is the General format (no format).
pub(super) fn is_general(code: &str) -> bool {
    code.is_empty() || code.eq_ignore_ascii_case("general")
}

/// The date of a serial date as LibreOffice reads it: day 0 is 30/12/1899
/// and 1900 has no 29 February, where calamine counts as Excel does (one
/// day more below serial 60).
pub(super) fn lo_datetime(dt: &calamine::ExcelDateTime) -> Option<NaiveDateTime> {
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
pub(super) fn typed(d: &Data) -> Option<(String, Option<CellValue>)> {
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
pub(super) fn iso_duration(s: &str) -> Option<f64> {
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

pub(super) fn parse_iso(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
}

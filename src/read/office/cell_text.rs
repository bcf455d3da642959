//! How LibreOffice writes a cell's value as text in its CSV export, which
//! is how atti writes a sheet's cells on the page: numbers with a decimal
//! comma, dates as day/month/year. The sheet reader and the formula
//! evaluator both write values this way.
//!
//! The export writes a value by the *kind* of its number format, not by
//! the format itself (`soffice --convert-to csv` with Italian settings,
//! checked cell by cell by `bench/office/cells.py`): a number in the
//! general form of [`number_text`]; a percentage as the number times 100
//! and `%`; a date as `01/04/2022`, with ` 12:00:00` when the value has a
//! time of day; a time of day as `18:00:00` (a date and time past one day,
//! `-06:00:00` below zero); a duration (`[h]:mm`) as hours past 24
//! (`36:00:00`); an ISO 8601 date format keeps its form (`2022-04-01`).
//! Truth values and errors are written in Italian, as LibreOffice writes
//! them with an Italian locale (`VERO`, `#N/D`); the typed value keeps the
//! file's error code.

use atti_page::CellValue;
use chrono::{NaiveDate, NaiveDateTime};

/// An error value (`#N/A`, the file's code, language-neutral) as written
/// with an Italian locale, by LibreOffice as by Excel: `#N/D`, `#NOME?`,
/// `#RIF!`, `#VALORE!`; `#DIV/0!`, `#NUM!` and `#NULL!` (LibreOffice's
/// Italian) unchanged.
pub(super) fn error_text(code: &str) -> String {
    match code {
        "#N/A" => "#N/D",
        "#NAME?" => "#NOME?",
        "#REF!" => "#RIF!",
        "#VALUE!" => "#VALORE!",
        other => other,
    }
    .to_owned()
}

/// A date as `31/03/2021` (with `10:30:00` when it has a time of day).
pub(super) fn date_text(x: NaiveDateTime) -> (String, Option<CellValue>) {
    if x.time() == chrono::NaiveTime::MIN {
        (
            x.format("%d/%m/%Y").to_string(),
            Some(CellValue::Date(x.format("%Y-%m-%d").to_string())),
        )
    } else {
        (
            x.format("%d/%m/%Y %H:%M:%S").to_string(),
            Some(CellValue::DateTime(
                x.format("%Y-%m-%dT%H:%M:%S%.f").to_string(),
            )),
        )
    }
}

/// A number as LibreOffice's general format writes it in Italian: 15
/// significant digits, a decimal comma and no trailing zeros (`12,5`,
/// `0,3` for 0.30000000000000004); an exponent from 10^15 up and below
/// 10^-14 (`1,23456789012346E+015`, `1E-020`), at most 20 decimals.
pub(super) fn number_text(f: f64) -> String {
    if f == 0.0 || !f.is_finite() {
        return "0".into();
    }
    let exp = f.abs().log10().floor() as i32;
    if !(-14..15).contains(&exp) {
        // d,ddddddddddddddE+xxx: 15 significant digits.
        let s = format!("{:.14e}", f);
        let (mantissa, e) = s.split_once('e').unwrap_or((&s, "0"));
        let e: i32 = e.parse().unwrap_or(0);
        let mantissa = trim_zeros(mantissa);
        let sign = if e < 0 { '-' } else { '+' };
        return format!("{}E{sign}{:03}", mantissa.replace('.', ","), e.abs());
    }
    let decimals = (14 - exp).clamp(0, 20) as usize;
    let s = format!("{:.*}", decimals, f);
    let s = trim_zeros(&s);
    if s == "-0" {
        return "0".into();
    }
    s.replace('.', ",")
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// The kind of value a cell's number format shows, which is all the CSV
/// export keeps of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Look {
    Number,
    Percent,
    Date,
    Time,
    Duration,
    /// `yyyy-mm-dd` (and with a time): LibreOffice keeps ISO 8601 forms.
    Iso,
    /// Minutes and seconds without hours (`mm:ss`): LibreOffice writes
    /// them with hundredths of a second (`01:26,40`), so as to lose none.
    MinutesSeconds,
}

/// The kind of an Excel number format code (`0.00%`, `dd/mm/yyyy`,
/// `[h]:mm:ss`, `"€" #,##0.00`): its first section, with quoted text,
/// escaped characters and bracketed colours and locales left out.
pub(super) fn look(code: &str) -> Look {
    let mut bare = String::new();
    // The code as it shows: its letters and the literal characters it
    // quotes or escapes (`yyyy"-"mm"-"dd`, `yyyy\-mm\-dd` show as ISO).
    let mut shown = String::new();
    let mut duration = false;
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ';' => break,
            '"' => {
                for d in chars.by_ref() {
                    if d == '"' {
                        break;
                    }
                    shown.push(d);
                }
            }
            '\\' => shown.extend(chars.next()),
            '_' | '*' => {
                chars.next();
            }
            '[' => {
                let mut inside = String::new();
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    inside.push(d.to_ascii_lowercase());
                }
                if !inside.is_empty() && inside.chars().all(|d| matches!(d, 'h' | 'm' | 's')) {
                    duration = true;
                }
            }
            c => {
                bare.push(c.to_ascii_lowercase());
                shown.push(c.to_ascii_lowercase());
            }
        }
    }
    let date = bare.contains('y') || bare.contains('d');
    let time = bare.contains('h') || bare.contains('s');
    if duration {
        Look::Duration
    } else if date && shown.trim_start().starts_with("yyyy-mm-dd") {
        Look::Iso
    } else if date || (bare.contains('m') && !time && !bare.contains('0') && !bare.contains('#')) {
        Look::Date
    } else if time && !bare.contains('h') && bare.contains('m') {
        Look::MinutesSeconds
    } else if time {
        Look::Time
    } else if bare.contains('%') {
        Look::Percent
    } else {
        Look::Number
    }
}

/// Day 0 of serial dates as LibreOffice counts them (no 29/02/1900).
fn epoch() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("a valid date")
}

/// The date and time of a serial number, to the millisecond (the texts
/// made from it show whole seconds, the part of a second cut, as
/// LibreOffice's standard time format shows it).
pub(super) fn datetime_of(serial: f64) -> Option<NaiveDateTime> {
    if !serial.is_finite() || serial.abs() > 3.0e6 {
        return None;
    }
    // To the millisecond, which `mm:ss` shows and a typed value keeps.
    let ms = (serial * 86_400_000.0).round() as i64;
    epoch().checked_add_signed(chrono::Duration::milliseconds(ms))
}

/// The serial number of a date or date and time written in ISO 8601.
pub(super) fn serial_of_iso(s: &str) -> Option<f64> {
    let x = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })?;
    Some((x - epoch()).num_milliseconds() as f64 / 86_400_000.0)
}

/// Hours, minutes and seconds: `36:00:00`, `-06:00:00`.
pub(super) fn duration_text(serial: f64) -> String {
    let total = (serial.abs() * 86_400.0 * 1000.0).round() / 1000.0;
    let secs = total.floor() as i64;
    let sign = if serial < 0.0 && secs > 0 { "-" } else { "" };
    format!(
        "{sign}{:02}:{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// A duration's typed value, ISO 8601 (`PT36H00M00S`; a part of a second
/// kept to the millisecond: `PT00H01M26.4S`).
fn duration_value(serial: f64) -> CellValue {
    let t = duration_text(serial);
    let mut parts = t.trim_start_matches('-').split(':');
    let (h, m, s) = (
        parts.next().unwrap_or("0"),
        parts.next().unwrap_or("0"),
        parts.next().unwrap_or("0"),
    );
    let millis = (serial.abs() * 86_400_000.0).round() as i64 % 1000;
    let frac = if millis > 0 {
        format!(".{millis:03}").trim_end_matches('0').to_owned()
    } else {
        String::new()
    };
    let sign = if t.starts_with('-') { "-" } else { "" };
    CellValue::Duration(format!("{sign}PT{h}H{m}M{s}{frac}S"))
}

/// A serial number's text and typed value in a format of this kind;
/// `None` for [`Look::Number`] and [`Look::Percent`], which are numbers.
/// `base`: the days from LibreOffice's day 0 to the workbook's (1462 in
/// the 1904 date system), so that a time of day is told by the serial as
/// the file holds it.
pub(super) fn serial_text(
    serial: f64,
    look: Look,
    base: f64,
) -> Option<(String, Option<CellValue>)> {
    let datetime_of = |s: f64| datetime_of(s + base);
    match look {
        Look::Number | Look::Percent => None,
        Look::Duration => Some((duration_text(serial), Some(duration_value(serial)))),
        Look::MinutesSeconds => {
            // Minutes of the hour, seconds, hundredths.
            let cs = (serial.abs() * 8_640_000.0).round() as i64;
            let sign = if serial < 0.0 && cs > 0 { "-" } else { "" };
            let text = format!(
                "{sign}{:02}:{:02},{:02}",
                cs / 6000 % 60,
                cs / 100 % 60,
                cs % 100
            );
            Some((text, Some(duration_value(serial))))
        }
        Look::Time if (0.0..1.0).contains(&serial) || serial < 0.0 => {
            Some((duration_text(serial), Some(duration_value(serial))))
        }
        Look::Date | Look::Time => datetime_of(serial).map(date_text),
        Look::Iso => datetime_of(serial).map(|x| {
            let (_, value) = date_text(x);
            let text = if x.time() == chrono::NaiveTime::MIN {
                x.format("%Y-%m-%d").to_string()
            } else {
                x.format("%Y-%m-%d %H:%M:%S").to_string()
            };
            (text, value)
        }),
    }
}

/// A percentage as the export writes it: `12,345%`.
pub(super) fn percent_text(n: f64) -> String {
    format!("{}%", number_text(round15(n * 100.0)))
}

/// A number to the 15 significant digits spreadsheets keep.
pub fn round15(n: f64) -> f64 {
    if n == 0.0 || !n.is_finite() {
        return n;
    }
    let digits = 14 - n.abs().log10().floor() as i32;
    if !(0..=300).contains(&digits) {
        return n;
    }
    let p = 10f64.powi(digits);
    (n * p).round() / p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_the_general_format() {
        assert_eq!(number_text(42.0), "42");
        assert_eq!(number_text(12.5), "12,5");
        assert_eq!(number_text(0.1 + 0.2), "0,3");
        assert_eq!(number_text(1.0 / 3.0), "0,333333333333333");
        assert_eq!(number_text(-0.5), "-0,5");
        assert_eq!(number_text(1234567890123456.7), "1,23456789012346E+015");
        assert_eq!(number_text(1e20), "1E+020");
        assert_eq!(number_text(1e-20), "1E-020");
        assert_eq!(number_text(1.0 / 3.0 * 1e-10), "0,00000000003333333333");
        assert_eq!(number_text(123456789012345.0), "123456789012345");
    }

    #[test]
    fn kinds_of_formats() {
        assert_eq!(look("General"), Look::Number);
        assert_eq!(look("0.00%"), Look::Percent);
        assert_eq!(look("0.0\" %\""), Look::Number);
        assert_eq!(look("#,##0.00;[Red]-#,##0.00"), Look::Number);
        assert_eq!(look("\"€\" #,##0.00"), Look::Number);
        assert_eq!(look("0.00E+00"), Look::Number);
        assert_eq!(look("m/d/yyyy"), Look::Date);
        assert_eq!(look("[$-410]d mmmm yyyy;@"), Look::Date);
        assert_eq!(look("mmm-yy"), Look::Date);
        assert_eq!(look("h:mm AM/PM"), Look::Time);
        assert_eq!(look("[h]:mm:ss"), Look::Duration);
        assert_eq!(look("mm:ss"), Look::MinutesSeconds);
        assert_eq!(look("mm:ss.0"), Look::MinutesSeconds);
        assert_eq!(
            serial_text(86.4 / 86_400.0, Look::MinutesSeconds, 0.0).map(|x| x.0),
            Some("01:26,40".to_owned())
        );
        assert_eq!(look("[Red][h]:mm"), Look::Duration);
        assert_eq!(look("yyyy-mm-dd"), Look::Iso);
        // Dashes escaped or quoted show as dashes all the same.
        assert_eq!(look("yyyy\\-mm\\-dd"), Look::Iso);
        assert_eq!(look("yyyy\"-\"mm\"-\"dd"), Look::Iso);
        assert_eq!(look("dd\\-mm\\-yyyy"), Look::Date);
        assert_eq!(look("@"), Look::Number);
    }

    #[test]
    fn serials_as_the_export_writes_them() {
        let t = |n, l| serial_text(n, l, 0.0).map(|x| x.0);
        assert_eq!(t(44652.0, Look::Date).as_deref(), Some("01/04/2022"));
        assert_eq!(
            t(44652.5, Look::Date).as_deref(),
            Some("01/04/2022 12:00:00")
        );
        assert_eq!(t(0.0, Look::Date).as_deref(), Some("30/12/1899"));
        assert_eq!(t(60.0, Look::Date).as_deref(), Some("28/02/1900"));
        assert_eq!(t(0.75, Look::Time).as_deref(), Some("18:00:00"));
        assert_eq!(t(-0.25, Look::Time).as_deref(), Some("-06:00:00"));
        assert_eq!(
            t(44652.75, Look::Time).as_deref(),
            Some("01/04/2022 18:00:00")
        );
        assert_eq!(t(1.5, Look::Duration).as_deref(), Some("36:00:00"));
        assert_eq!(t(44652.0, Look::Iso).as_deref(), Some("2022-04-01"));
        assert_eq!(
            t(44652.5, Look::Iso).as_deref(),
            Some("2022-04-01 12:00:00")
        );
        assert_eq!(
            t(44652.123456, Look::Date).as_deref(),
            Some("01/04/2022 02:57:46")
        );
        assert_eq!(percent_text(0.12345), "12,345%");
        // The 1904 date system: serial 0 is 01/01/1904, 0.75 still 18:00.
        let t1904 = |n, l| serial_text(n, l, 1462.0).map(|x| x.0);
        assert_eq!(t1904(0.0, Look::Date).as_deref(), Some("01/01/1904"));
        assert_eq!(t1904(0.75, Look::Time).as_deref(), Some("18:00:00"));
    }
}

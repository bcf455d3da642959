//! How LibreOffice writes a cell's value as text in its CSV export, which
//! is how atti writes a sheet's cells on the page: numbers with a decimal
//! comma, dates as day/month/year. The sheet reader and the formula
//! evaluator both write values this way.

use atti_page::CellValue;
use chrono::NaiveDateTime;

/// A date as `31/03/2021` (with `10:30` when it has a time of day).
pub(super) fn date_text(x: NaiveDateTime) -> (String, Option<CellValue>) {
    if x.time() == chrono::NaiveTime::MIN {
        (
            x.format("%d/%m/%Y").to_string(),
            Some(CellValue::Date(x.format("%Y-%m-%d").to_string())),
        )
    } else {
        (
            x.format("%d/%m/%Y %H:%M").to_string(),
            Some(CellValue::DateTime(
                x.format("%Y-%m-%dT%H:%M:%S").to_string(),
            )),
        )
    }
}

/// A number as an Italian reader writes it: `3`, `12,5`, `-0,25`.
pub(super) fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}").replace('.', ",")
    }
}

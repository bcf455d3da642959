//! Values of a report and how a column writes them: dates in the form the
//! recipient asks for (`dd-mm-yyyy`, `GG/MM/AAAA`, ISO), numbers with a
//! decimal comma or dot, amounts with two decimals, a long text cut with
//! the cut marked.

use atti_italian::numbers::leading;
use chrono::NaiveDate;

/// A value of a report cell, typed so that a workbook can keep it a date
/// or a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Integer(i64),
    Number(f64),
    Date(NaiveDate),
    Bool(bool),
    /// Several values of one cell (a joined child list).
    List(Vec<Value>),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.is_empty(),
            Value::List(l) => l.iter().all(Value::is_empty),
            _ => false,
        }
    }

    /// The value as a number, if it is or reads as one.
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Integer(n) => Some(*n as f64),
            Value::Number(x) => Some(*x),
            Value::Text(s) => leading(s),
            _ => None,
        }
    }

    /// The value as a date, if it is or reads as one.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => Some(*d),
            Value::Text(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
            _ => None,
        }
    }
}

/// How a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
pub enum DateFormat {
    #[serde(rename = "dd-mm-yyyy")]
    DashDmy,
    #[serde(rename = "GG/MM/AAAA", alias = "dd/mm/yyyy")]
    SlashDmy,
    #[serde(rename = "iso", alias = "yyyy-mm-dd")]
    Iso,
}

impl DateFormat {
    pub fn write(self, d: NaiveDate) -> String {
        d.format(self.strftime()).to_string()
    }

    pub fn strftime(self) -> &'static str {
        match self {
            DateFormat::DashDmy => "%d-%m-%Y",
            DateFormat::SlashDmy => "%d/%m/%Y",
            DateFormat::Iso => "%Y-%m-%d",
        }
    }

    /// The number format of a spreadsheet cell.
    pub fn spreadsheet(self) -> &'static str {
        match self {
            DateFormat::DashDmy => "dd-mm-yyyy",
            DateFormat::SlashDmy => "dd/mm/yyyy",
            DateFormat::Iso => "yyyy-mm-dd",
        }
    }
}

/// The decimal separator of numbers written as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decimal {
    Comma,
    Dot,
}

/// A number as text: whole numbers without decimals, others as they are,
/// amounts with two decimals; with the chosen separator.
pub fn write_number(x: f64, amount: bool, decimal: Decimal) -> String {
    let s = if amount {
        format!("{x:.2}")
    } else if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{}", (x * 1e6).round() / 1e6)
    };
    match decimal {
        Decimal::Comma => s.replace('.', ","),
        Decimal::Dot => s,
    }
}

/// `text` cut to `max` characters, the cut marked with `mark` (which counts
/// in the length).
pub fn truncate(text: &str, max: usize, mark: &str) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let keep = max.saturating_sub(mark.chars().count());
    let mut out: String = text.chars().take(keep).collect();
    out.truncate(out.trim_end().len());
    out.push_str(mark);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_written_with_the_chosen_separator() {
        assert_eq!(write_number(1234.5, true, Decimal::Comma), "1234,50");
        assert_eq!(write_number(12.0, false, Decimal::Dot), "12");
    }

    #[test]
    fn dates_and_cuts() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
        assert_eq!(DateFormat::DashDmy.write(d), "05-03-2024");
        assert_eq!(DateFormat::SlashDmy.write(d), "05/03/2024");
        assert_eq!(truncate("affidamento diretto", 12, "…"), "affidamento…");
        assert_eq!(truncate("breve", 12, "…"), "breve");
    }
}

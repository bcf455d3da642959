//! Typed cells: what a row of an output table holds until a writer writes
//! it. The CSV writer renders each cell as text (dates YYYY-MM-DD, decimals
//! with a comma where asked), JSON Lines keeps numbers as numbers and
//! booleans as booleans, and a spreadsheet writer can give each cell its
//! own type.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::CellType;
use crate::record::Euro;

/// One value of a row; `Empty` when the record has none.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Integer(i64),
    Decimal(f64),
    /// A sum of euro, exact.
    Money(Euro),
    Date(NaiveDate),
    Boolean(bool),
}

impl Cell {
    /// The type of the value, `None` for an empty cell.
    pub fn ty(&self) -> Option<CellType> {
        Some(match self {
            Cell::Empty => return None,
            Cell::Text(_) => CellType::Text,
            Cell::Integer(_) => CellType::Integer,
            Cell::Decimal(_) => CellType::Decimal,
            Cell::Money(_) => CellType::Money,
            Cell::Date(_) => CellType::Date,
            Cell::Boolean(_) => CellType::Boolean,
        })
    }

    /// The cell as CSV text: an empty cell is empty, a date YYYY-MM-DD, a
    /// whole decimal without its `.0`, and with `decimal_comma` a decimal
    /// with a comma (`12,5`).
    pub fn to_text(&self, decimal_comma: bool) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Integer(n) => Cow::Owned(n.to_string()),
            Cell::Decimal(x) => {
                let s = if x.fract() == 0.0 {
                    format!("{}", *x as i64)
                } else {
                    format!("{x}")
                };
                Cow::Owned(if decimal_comma {
                    s.replace('.', ",")
                } else {
                    s
                })
            }
            Cell::Money(x) => {
                let s = x.to_string();
                Cow::Owned(if decimal_comma {
                    s.replace('.', ",")
                } else {
                    s
                })
            }
            Cell::Date(d) => Cow::Owned(d.format("%Y-%m-%d").to_string()),
            Cell::Boolean(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
        }
    }

    /// The cell as a JSON value: `null` when empty, numbers and booleans as
    /// themselves, dates as YYYY-MM-DD strings.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Cell::Empty => Value::Null,
            Cell::Text(s) => Value::String(s.clone()),
            Cell::Integer(n) => Value::from(*n),
            Cell::Decimal(x) => serde_json::Number::from_f64(*x).map_or(Value::Null, Value::Number),
            // Two decimals, as written: a JSON number is text, so the
            // value goes through exactly.
            Cell::Money(x) => x
                .to_string()
                .parse::<serde_json::Number>()
                .map_or(Value::Null, Value::Number),
            Cell::Date(_) => Value::String(self.to_text(false).into_owned()),
            Cell::Boolean(b) => Value::Bool(*b),
        }
    }
}

/// A record value that becomes a cell.
pub trait IntoCell {
    fn into_cell(self) -> Cell;
}

impl IntoCell for &String {
    fn into_cell(self) -> Cell {
        Cell::Text(self.clone())
    }
}

impl IntoCell for String {
    fn into_cell(self) -> Cell {
        Cell::Text(self)
    }
}

impl IntoCell for &str {
    fn into_cell(self) -> Cell {
        Cell::Text(self.to_owned())
    }
}

impl IntoCell for u32 {
    fn into_cell(self) -> Cell {
        Cell::Integer(self.into())
    }
}

impl IntoCell for u64 {
    fn into_cell(self) -> Cell {
        Cell::Integer(self as i64)
    }
}

impl IntoCell for i32 {
    fn into_cell(self) -> Cell {
        Cell::Integer(self.into())
    }
}

impl IntoCell for Euro {
    fn into_cell(self) -> Cell {
        Cell::Money(self)
    }
}

impl IntoCell for f64 {
    fn into_cell(self) -> Cell {
        Cell::Decimal(self)
    }
}

impl IntoCell for bool {
    fn into_cell(self) -> Cell {
        Cell::Boolean(self)
    }
}

impl IntoCell for NaiveDate {
    fn into_cell(self) -> Cell {
        Cell::Date(self)
    }
}

impl<T: Clone + IntoCell> IntoCell for &Option<T> {
    fn into_cell(self) -> Cell {
        self.clone().map_or(Cell::Empty, IntoCell::into_cell)
    }
}

impl<T: IntoCell> IntoCell for Option<T> {
    fn into_cell(self) -> Cell {
        self.map_or(Cell::Empty, IntoCell::into_cell)
    }
}

/// A record value as a cell.
pub fn cell(v: impl IntoCell) -> Cell {
    v.into_cell()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_render_as_csv_and_json() {
        assert_eq!(cell(Some(12.5)).to_text(true), "12,5");
        assert_eq!(cell(Some(12.5)).to_text(false), "12.5");
        assert_eq!(cell(Some(40.0)).to_text(true), "40");
        assert_eq!(cell(&None::<String>).to_text(false), "");
        let d = NaiveDate::from_ymd_opt(2021, 12, 1).unwrap();
        assert_eq!(cell(Some(d)).to_text(false), "2021-12-01");
        assert_eq!(cell(Some(true)).to_text(false), "true");
        assert_eq!(cell(7u32).to_json(), serde_json::json!(7));
        assert_eq!(cell(Some(12.5)).to_json(), serde_json::json!(12.5));
        assert_eq!(cell(Some(false)).to_json(), serde_json::json!(false));
        assert_eq!(cell(None::<i32>).to_json(), serde_json::Value::Null);
        assert_eq!(cell(Some(d)).to_json(), serde_json::json!("2021-12-01"));
        let euro: Euro = "1234.50".parse().unwrap();
        assert_eq!(cell(Some(euro)).to_text(true), "1234,50");
        assert_eq!(cell(Some(euro)).to_text(false), "1234.50");
        assert_eq!(cell(Some(euro)).to_json(), serde_json::json!(1234.5));
    }
}

//! The cell helpers the report writers share ([`super::write`] for CSV,
//! JSON and xlsx, [`super::ods`] for ods): a value as the text of its cell
//! in its column's formats, a column's width in a sheet and a sheet name
//! Excel accepts. A leaf: it knows the template's columns and the values,
//! not how any file is written.

use super::fields::Ty;
use super::format::{write_number, Value};
use super::template::Column;

/// A value as the text of a CSV cell in its column's formats.
pub fn cell_text(c: &Column, v: &Value) -> String {
    match v {
        Value::Empty => String::new(),
        Value::Text(s) => s.clone(),
        Value::Integer(n) => n.to_string(),
        Value::Number(x) => write_number(*x, c.ty == Ty::Amount, c.decimal),
        Value::Date(d) => c.date_format.write(*d),
        Value::Bool(b) => if *b { "Sì" } else { "No" }.into(),
        Value::List(l) => l
            .iter()
            .map(|x| cell_text(c, x))
            .collect::<Vec<_>>()
            .join(&c.separator),
    }
}

/// A sheet name Excel accepts: 31 characters, none of `[]:*?/\`.
pub fn sheet_name(name: &str) -> String {
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

/// A column's width in characters: fixed for dates and numbers, the
/// header's length (12 to 50) otherwise.
pub fn column_width(c: &Column) -> f64 {
    match c.ty {
        Ty::Date => 12.0,
        Ty::Amount | Ty::Number | Ty::Percent | Ty::Integer => 14.0,
        _ => (c.header.chars().count() as f64 + 2.0).clamp(12.0, 50.0),
    }
}

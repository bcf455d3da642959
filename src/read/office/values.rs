//! The values a formula computes ([`V`], a function's [`Arg`]) and how
//! LibreOffice converts and orders them: empty is 0 and "", text is a
//! number only when it reads as one, booleans are VERO/FALSO, dates are
//! days since 1899-12-30. The functions of [`super::functions`] and
//! [`super::functions_more`] meet here.

use chrono::{Duration, NaiveDate};

use super::cell_text::{number_text, round15};

/// A value during evaluation.
#[derive(Debug, Clone, PartialEq)]
pub enum V {
    Num(f64),
    Str(String),
    Bool(bool),
    /// An error as LibreOffice shows it (`#DIV/0!`, `Err:522`).
    Err(String),
    Empty,
}

pub fn err(e: &str) -> V {
    V::Err(e.to_owned())
}

/// An argument of a function: one value, or the values of a range row by
/// row (`cols` wide).
pub enum Arg {
    One(V),
    Range { cells: Vec<V>, cols: usize },
}

impl Arg {
    pub(super) fn scalar(&self) -> V {
        match self {
            Arg::One(v) => v.clone(),
            // A range where one value is wanted: its first cell (a range of
            // one cell is that cell; a larger one would need the implicit
            // intersection, read as its first).
            Arg::Range { cells, .. } => cells.first().cloned().unwrap_or(V::Empty),
        }
    }
}

/// A value as a number: empty is 0, a boolean 1 or 0, text only when it
/// reads as a number.
pub fn num(v: &V) -> Result<f64, V> {
    match v {
        V::Num(n) => Ok(*n),
        V::Bool(b) => Ok(f64::from(u8::from(*b))),
        V::Empty => Ok(0.0),
        V::Str(s) => s.trim().parse::<f64>().map_err(|_| err("#VALUE!")),
        V::Err(_) => Err(v.clone()),
    }
}

/// A value as text: numbers as the sheet's general format writes them (15
/// significant digits, decimal comma as an Italian sheet shows them).
pub fn text(v: &V) -> Result<String, V> {
    Ok(match v {
        V::Num(n) => number_text(round15(*n)),
        V::Str(s) => s.clone(),
        V::Bool(b) => (if *b { "VERO" } else { "FALSO" }).to_owned(),
        V::Empty => String::new(),
        V::Err(_) => return Err(v.clone()),
    })
}

/// A number written as an Italian sheet writes it (`12,5`, `1.234,5`):
/// how VALUE() reads text in LibreOffice with Italian settings.
pub(super) fn italian_number(s: &str) -> Option<f64> {
    let t = s.trim();
    let (int, dec) = t.split_once(',').unwrap_or((t, ""));
    let groups: Vec<&str> = int.trim_start_matches(['-', '+']).split('.').collect();
    let grouped = groups.len() > 1
        && !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3);
    if !t.contains(',') && !grouped {
        return None;
    }
    if groups.len() > 1 && !grouped {
        return None;
    }
    let plain = format!("{}.{}", int.replace('.', ""), dec);
    plain.trim_end_matches('.').parse().ok()
}

pub(super) fn truth(v: &V) -> Result<bool, V> {
    match v {
        V::Str(_) => Err(err("#VALUE!")),
        other => num(other).map(|n| n != 0.0),
    }
}

/// LibreOffice's order of two values: numbers (and empty) before text
/// before booleans; text compared without case.
pub fn compare(a: &V, b: &V) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let rank = |v: &V| match v {
        V::Num(_) => 0,
        V::Str(_) => 1,
        V::Bool(_) => 2,
        V::Empty | V::Err(_) => 0,
    };
    match (a, b) {
        (V::Empty, V::Str(s)) => "".cmp(&s.to_lowercase().as_str()),
        (V::Str(s), V::Empty) => s.to_lowercase().as_str().cmp(""),
        (V::Empty, V::Bool(x)) => false.cmp(x),
        (V::Bool(x), V::Empty) => x.cmp(&false),
        (V::Str(x), V::Str(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
        (V::Bool(x), V::Bool(y)) => x.cmp(y),
        _ if rank(a) != rank(b) => rank(a).cmp(&rank(b)),
        _ => {
            let (x, y) = (num(a).unwrap_or(0.0), num(b).unwrap_or(0.0));
            x.partial_cmp(&y).unwrap_or(Ordering::Equal)
        }
    }
}

/// Day 0 of the serial dates (LibreOffice's default null date).
pub(super) fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).expect("a valid date")
}

pub fn date_of(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || serial.abs() > 3.0e6 {
        return None;
    }
    epoch().checked_add_signed(Duration::days(serial.floor() as i64))
}

pub fn serial_of(d: NaiveDate) -> f64 {
    (d - epoch()).num_days() as f64
}

pub(super) fn nth(args: &[Arg], i: usize) -> Option<V> {
    args.get(i).map(Arg::scalar)
}

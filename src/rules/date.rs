//! TEMPORARY stand-in for the `refs` branch's Italian dates (numeric and
//! "11 agosto 2015" forms only), so the rules engine compiles before the merge.
//! The refs branch owns this file; its version replaces this one.

use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Impossible(String),
    Ambiguous(String),
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateError::Impossible(m) => write!(f, "impossible date: {m}"),
            DateError::Ambiguous(m) => write!(f, "ambiguous date: {m}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub value: Result<NaiveDate, DateError>,
}

const MONTHS: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];

pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let t = s.trim().to_lowercase();
    let parts: Vec<&str> = t
        .split(|c: char| c == '/' || c == '.' || c == '-' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let bad = || DateError::Impossible(format!("not a date: {s:?}"));
    if parts.len() != 3 {
        return Err(bad());
    }
    let d: u32 = parts[0].trim_end_matches('°').parse().map_err(|_| bad())?;
    let m: u32 = match parts[1].parse() {
        Ok(m) => m,
        Err(_) => MONTHS.iter().position(|x| *x == parts[1]).ok_or_else(bad)? as u32 + 1,
    };
    let y: i32 = parts[2].parse().map_err(|_| bad())?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(bad)
}

pub fn find_dates(_text: &str) -> Vec<DateMatch> {
    Vec::new()
}

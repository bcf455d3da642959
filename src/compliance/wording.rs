//! How findings name things for an Italian reader: records ("Fase 2
//! dell'obiettivo 2021_Z001", "Deliberazione n. 12 del 01/12/2021"), dates
//! (31/12/2023), numbers (99,99), and the page a value came from.
//!
//! Kept apart from the checks so that every check words its findings the
//! same way, and so a change of wording is made in one place.

use chrono::NaiveDate;

use crate::record::{Decision, Provenance};

/// The page of a field's value, else the first page the record was read from.
pub(super) fn page_of(spans: &Provenance, field: &str) -> Option<u32> {
    spans
        .get(field)
        .map(|s| s.page)
        .or_else(|| spans.values().map(|s| s.page).min())
}

pub(super) fn objective_label(code: Option<&str>, index: usize) -> String {
    match code {
        Some(c) => format!("Obiettivo {c}"),
        None => format!("{}° obiettivo del documento", index + 1),
    }
}

pub(super) fn phase_label(seq: u32, code: Option<&str>) -> String {
    match code {
        Some(c) => format!("Fase {seq} dell'obiettivo {c}"),
        None => format!("Fase {seq}"),
    }
}

pub(super) fn indicator_label(seq: u32, code: Option<&str>) -> String {
    match code {
        Some(c) => format!("Indicatore {seq} dell'obiettivo {c}"),
        None => format!("Indicatore {seq}"),
    }
}

/// "Deliberazione n. 12 del 01/12/2021 (Giunta Comunale)", as much of it as
/// the record knows; `None` when it knows nothing that tells acts apart.
pub(super) fn decision_label(x: &Decision) -> Option<String> {
    let mut s = String::new();
    if let Some(t) = x.act_type.as_deref().filter(|t| !t.trim().is_empty()) {
        s.push_str(&capitalize(t.trim()));
    }
    if let Some(n) = x.act_number.as_deref().filter(|n| !n.trim().is_empty()) {
        if s.is_empty() {
            s.push_str("Atto");
        }
        s.push_str(&format!(" n. {}", n.trim()));
    }
    if let Some(date) = x.decision_date {
        if s.is_empty() {
            s.push_str("Atto");
        }
        s.push_str(&format!(" del {}", it_date(date)));
    }
    if let Some(b) = x.body.as_deref().filter(|b| !b.trim().is_empty()) {
        if s.is_empty() {
            s.push_str(&format!("Atto ({})", b.trim()));
        } else {
            s.push_str(&format!(" ({})", b.trim()));
        }
    }
    (!s.is_empty()).then_some(s)
}

/// "Label: problem", or "Problem" when there is no label to give.
pub(super) fn say(label: Option<String>, problem: &str) -> String {
    match label {
        Some(l) => format!("{l}: {problem}"),
        None => capitalize(problem),
    }
}

pub(super) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A date as an Italian reader writes it: 31/12/2023.
pub fn it_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A number with a decimal comma and at most two decimals: 99,99; 90.
pub(super) fn it_num(x: f64) -> String {
    let s = format!("{:.2}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.replace('.', ",")
}

/// A date as rules may leave it in a plain field: ISO, 31/12/2023,
/// 31.12.2023, 31-12-2023, "31 dicembre 2023" (the Italian date parser).
pub(super) fn parse_date(s: &str) -> Option<NaiveDate> {
    atti_italian::date::parse_date(s.trim()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_field_dates() {
        let d = NaiveDate::from_ymd_opt(2023, 12, 31);
        for s in [
            "2023-12-31",
            "31/12/2023",
            "31.12.2023",
            " 31 dicembre 2023 ",
            "31 Dicembre 2023",
        ] {
            assert_eq!(parse_date(s), d, "{s}");
        }
        assert_eq!(
            parse_date("1° gennaio 2024"),
            NaiveDate::from_ymd_opt(2024, 1, 1)
        );
        assert_eq!(parse_date("31 febbraio 2023"), None);
        assert_eq!(parse_date("fino a revoca"), None);
    }

    #[test]
    fn italian_numbers() {
        assert_eq!(it_num(90.0), "90");
        assert_eq!(it_num(99.99), "99,99");
        assert_eq!(it_num(120.5), "120,5");
    }
}

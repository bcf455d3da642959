//! A figure as Italian acts print a sum, read by its separators, not by
//! one convention: the last `.` or `,` followed by one or two digits is the
//! decimal mark, every other separator groups thousands (`1.234,56`,
//! `37.206.00`, `1,000,000`, `84.33`); and whether a figure stands glued to
//! the text around it (a code, a chapter number), so that it is no sum;
//! and a sum times the scale word printed after it (`milioni`, `miliardi`).

use super::Euro;

/// A figure whose thousands or cents a stray blank sets apart from their
/// separator (`1 .234,56`, `12. 345,00`, `1.234 ,56`): read as one figure
/// only with its thousands and its cents, so that a full stop ending a
/// sentence before another number (`€ 12. 345 persone`) stays apart.
pub(super) const STRAY: &str = r"\d{1,3}(?:[ \u{A0}]?\.[ \u{A0}]?\d{3})+[ \u{A0}]?,\d{2}\b";

/// `1.234,56` -> 1234.56, by the separators the figure holds (blanks
/// inside it, a stray space beside a separator, are no part of it).
pub fn figure(s: &str) -> Option<Euro> {
    let squeezed: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let s = squeezed.as_str();
    let last = s.rfind(['.', ',']);
    let (int, frac) = match last {
        Some(i) if s.len() - i - 1 <= 2 => (&s[..i], &s[i + 1..]),
        _ => (s, ""),
    };
    let digits: String = int.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    let units: i64 = digits.parse().ok()?;
    let cents: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    Euro::new(units, cents)
}

/// A figure followed by more digits or letters is not a sum (a code, a
/// chapter number `€ 12/A`).
pub(super) fn glued(text: &str, end: usize) -> bool {
    text[end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
}

/// A figure that goes on from a letter, a digit or a separator before it.
pub(super) fn glued_before(text: &str, start: usize) -> bool {
    text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',' || c == '/')
}

/// The sum times a multiplier word (`milioni`, `miliardi`).
pub(super) fn times(v: Euro, m: Option<&str>) -> Option<Euro> {
    let factor = match m.map(|m| m.trim().to_lowercase()) {
        None => return Some(v),
        Some(m) if m.starts_with("milion") => 1_000_000,
        Some(_) => 1_000_000_000,
    };
    v.cents().checked_mul(factor).map(Euro::from_cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_by_their_separators() {
        for (s, v) in [
            ("1.234,56", "1234.56"),
            ("1234,56", "1234.56"),
            ("1.000", "1000.00"),
            ("37.206.00", "37206.00"),
            ("84.33", "84.33"),
            ("1,000,000", "1000000.00"),
            ("12,5", "12.50"),
            ("1.313.723,95", "1313723.95"),
            // Mixed marks with three digits last are a grouping misprinted
            // (PagoPA's footer `euro 1.000,000`), not three decimals.
            ("1.000,000", "1000000.00"),
            // A stray blank beside a separator.
            ("1 .234,56", "1234.56"),
            ("12. 345,00", "12345.00"),
            ("1.234 ,56", "1234.56"),
        ] {
            assert_eq!(figure(s).unwrap().to_string(), v, "{s}");
        }
    }
}

//! Every date in a running text, as byte ranges with their values.
//!
//! [`find_dates`] skips the text of legal references (see
//! [`crate::reference::find_references`]), so the `241/1990` of `L. 241/1990`
//! and the date of `D.Lgs. 18 agosto 2000, n. 267` are not reported as dates.
//! It does not report bare digit runs (`010221` is far more often a protocol
//! number than a date) nor a month and year without a day (`giugno 2023`
//! names a month, not a day).

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::date::{parse_date, DateError, MONTHS};
use crate::numwords;
use crate::reference::{find_references, RefSettings, Taken};

/// One date found in a text: its byte range and its value (or why it has none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub value: Result<NaiveDate, DateError>,
}

static NUMERIC_IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,4}([./-])\d{1,2}[./-]\d{1,4}").unwrap());
static MONTH_IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{MONTHS})\b\.?")).unwrap());
/// What may stand before a month name: the day, maybe preceded by the year
/// ("L'anno duemilaventitré, il giorno sedici del mese di giugno").
static BEFORE_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:l['’]\s*)?anno\s+(?P<y>\d{4}|\p{L}+)\s*,?\s*)?(?:\bil\s+)?(?:\bgiorno\s+)?\b(?P<d>\d{1,2}\s*[°º]\s*|\d{1,2}\s+|\p{L}+\s+)(?:del\s+)?(?:mese\s+di\s+)?$",
    )
    .unwrap()
});
/// What may follow a month name: the year.
static AFTER_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:(?:dell['’]\s*|del\s+)anno\s+)?(?P<y>\d{4}|\d{2}|\p{L}+)\b")
        .unwrap()
});

/// A day before a month name. One or two digits always count, so that
/// "32 gennaio 2021" is reported as impossible rather than skipped.
fn is_day_token(tok: &str) -> bool {
    let t = tok.trim_end_matches(|c: char| c == '°' || c == 'º' || c.is_whitespace());
    if t.chars().all(|c| c.is_ascii_digit()) {
        (1..=2).contains(&t.len())
    } else {
        matches!(numwords::parse(t), Some(1..=31))
    }
}

fn is_year_token(tok: &str) -> bool {
    if tok.chars().all(|c| c.is_ascii_digit()) {
        tok.len() == 2 || tok.len() == 4
    } else {
        matches!(numwords::parse(tok), Some(1000..=2999))
    }
}

/// Every date in `text`, in order, as byte ranges with their values. Dates
/// inside legal references are left out; see the module documentation.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    let mut refs = Taken::default();
    for (r, _) in find_references(text, &RefSettings::default()) {
        refs.insert(r);
    }
    let mut found: Vec<(usize, usize)> = Vec::new();

    for m in NUMERIC_IN_TEXT.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        let bytes = text.as_bytes();
        let before_ok = s == 0
            || !(bytes[s - 1].is_ascii_digit()
                || (matches!(bytes[s - 1], b'.' | b'/' | b'-')
                    && s >= 2
                    && bytes[s - 2].is_ascii_digit()));
        let after_ok = e == text.len()
            || !(bytes[e].is_ascii_digit()
                || (matches!(bytes[e], b'.' | b'/' | b'-')
                    && e + 1 < text.len()
                    && bytes[e + 1].is_ascii_digit()));
        if !before_ok || !after_ok {
            continue;
        }
        let parts: Vec<&str> = m.as_str().split(['.', '/', '-']).collect();
        let plausible = parts.len() == 3
            && ((parts[0].len() <= 2 && (parts[2].len() == 2 || parts[2].len() == 4))
                || (parts[0].len() == 4 && parts[2].len() <= 2));
        let same_sep = m
            .as_str()
            .matches(['.', '/', '-'])
            .collect::<Vec<_>>()
            .windows(2)
            .all(|w| w[0] == w[1]);
        if plausible && same_sep {
            found.push((s, e));
        }
    }

    for m in MONTH_IN_TEXT.find_iter(text) {
        // Every full month name has five letters or more; shorter is an abbreviation.
        let abbreviated = m.as_str().trim_end_matches('.').chars().count() <= 4;
        let window_start = crate::floor_boundary(text, m.start().saturating_sub(100));
        let mut start = m.start();
        let (mut has_day, mut day_digits, mut year_before) = (false, false, false);
        if let Some(c) = BEFORE_MONTH.captures(&text[window_start..m.start()]) {
            let d = c.name("d").expect("group d always takes part");
            if is_day_token(d.as_str()) {
                has_day = true;
                day_digits = d.as_str().starts_with(|c: char| c.is_ascii_digit());
                // "il giorno", "addì" stay out of the span unless a year precedes.
                start = window_start + d.start();
                if c.name("y").is_some_and(|y| is_year_token(y.as_str())) {
                    year_before = true;
                    start = window_start + c.get(0).map_or(d.start(), |g| g.start());
                }
            }
        }
        if !has_day {
            continue; // a month alone, or a month and a year: not a day
        }
        let mut end = m.end();
        let mut has_year = year_before;
        if !year_before {
            if let Some(c) = AFTER_MONTH.captures(&text[m.end()..]) {
                let y = c.name("y").expect("group y always takes part");
                let rest = &text[m.end() + y.end()..];
                if is_year_token(y.as_str()) && !rest.starts_with(|c: char| c.is_ascii_digit()) {
                    has_year = true;
                    end = m.end() + y.end();
                }
            }
        }
        if abbreviated && !(day_digits && has_year) {
            continue; // "mar", "set", "ago" are words too
        }
        if end == m.end() && m.as_str().ends_with('.') {
            end -= 1; // the full stop ends the sentence
        }
        found.push((start, end));
    }

    found.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    let mut out: Vec<DateMatch> = Vec::new();
    let mut last_end = 0;
    for (s, e) in found {
        if s < last_end && !out.is_empty() {
            continue;
        }
        if refs.overlaps(&(s..e)) {
            continue;
        }
        out.push(DateMatch {
            start: s,
            end: e,
            value: parse_date(&text[s..e]),
        });
        last_end = e;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn found(text: &str) -> Vec<(&str, Result<NaiveDate, DateError>)> {
        find_dates(text)
            .into_iter()
            .map(|m| (&text[m.start..m.end], m.value))
            .collect()
    }

    #[test]
    fn finds_dates_in_text() {
        let t = "Con deliberazione del 01/12/2021 e nota del 3.2.2022, il 1° gennaio 2021 e il 31 dic 2023.";
        assert_eq!(
            found(t),
            vec![
                ("01/12/2021", Ok(d(2021, 12, 1))),
                ("3.2.2022", Ok(d(2022, 2, 3))),
                ("1° gennaio 2021", Ok(d(2021, 1, 1))),
                ("31 dic 2023", Ok(d(2023, 12, 31))),
            ]
        );
    }

    #[test]
    fn finds_dates_in_words() {
        let t =
            "L'anno duemilaventitré, il giorno sedici del mese di giugno, alle ore 10, nella sala";
        let f = found(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].0,
            "L'anno duemilaventitré, il giorno sedici del mese di giugno"
        );
        assert_eq!(f[0].1, Ok(d(2023, 6, 16)));
        let t = "Verbale redatto addì sedici giugno duemilaventitré presso il Comune";
        assert_eq!(
            found(t),
            vec![("sedici giugno duemilaventitré", Ok(d(2023, 6, 16)))]
        );
    }

    #[test]
    fn finds_other_written_forms() {
        let f = found("Oggi, il giorno 16 del mese di giugno dell'anno 2023, si è riunita");
        assert_eq!(
            f,
            vec![("16 del mese di giugno dell'anno 2023", Ok(d(2023, 6, 16)))]
        );
        let f = found("L’ANNO DUEMILAVENTITRE IL GIORNO SEDICI DEL MESE DI GIUGNO");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, Ok(d(2023, 6, 16)));
        let f = found("L'anno 2023, il giorno 16 del mese di giugno");
        assert_eq!(
            f,
            vec![(
                "L'anno 2023, il giorno 16 del mese di giugno",
                Ok(d(2023, 6, 16))
            )]
        );
        assert_eq!(
            found("dal 1°gennaio 2021"),
            vec![("1°gennaio 2021", Ok(d(2021, 1, 1)))]
        );
        assert_eq!(
            found("addì 16/06/2023"),
            vec![("16/06/2023", Ok(d(2023, 6, 16)))]
        );
        assert_eq!(
            found("Milano, 3 maggio 2019."),
            vec![("3 maggio 2019", Ok(d(2019, 5, 3)))]
        );
        assert_eq!(
            found("il 5 GEN. 2024"),
            vec![("5 GEN. 2024", Ok(d(2024, 1, 5)))]
        );
        assert_eq!(
            found("dal 2021-01-02 al 31.12.21"),
            vec![
                ("2021-01-02", Ok(d(2021, 1, 2))),
                ("31.12.21", Ok(d(2021, 12, 31)))
            ]
        );
    }

    #[test]
    fn reports_impossible_and_ambiguous_in_text() {
        let f = found("non il 32 gennaio 2021 né il 0 marzo 2020");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f.iter()
                .all(|(_, v)| matches!(v, Err(DateError::Impossible(_)))),
            "{f:?}"
        );
        let f = found("scadenza il 31/02/2021 oppure entro il 30 giugno di ogni anno");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].0, "31/02/2021");
        assert!(matches!(f[0].1, Err(DateError::Impossible(_))));
        assert_eq!(f[1].0, "30 giugno");
        assert!(matches!(f[1].1, Err(DateError::Ambiguous(_))));
    }

    #[test]
    fn skips_references_and_non_dates() {
        assert!(found("ai sensi della L. 241/1990 e del D.Lgs. 18 agosto 2000, n. 267").is_empty());
        assert!(
            found("il mese di giugno 2023, versione 1.2.3, prot. 010221, pagine 12/13").is_empty()
        );
        assert!(found("il mar Tirreno, set di dati, ago e filo").is_empty());
        let f = found("D.Lgs. 18 agosto 2000, n. 267, approvato il 5 marzo 2001");
        assert_eq!(f, vec![("5 marzo 2001", Ok(d(2001, 3, 5)))]);
    }
}

//! Italian dates, as public administrations write them.
//!
//! [`parse_date`] reads one string that is a date; [`find_dates`] finds every
//! date in a text. The forms read:
//!
//! - numeric, day first: `01/12/2021`, `01.12.2021`, `1-12-2021` (both
//!   separators the same); year first when it has four digits: `2021/01/02`;
//! - day, month name, year: `11 agosto 2015`, `1° gennaio 2021`, `31 dic 2023`,
//!   `1 gen. 2021` (month names in full or abbreviated, any case, with or
//!   without accents);
//! - written out in words, as deliberations do: `L'anno duemilaventitré, il
//!   giorno sedici del mese di giugno`, `addì sedici giugno duemilaventitré`,
//!   `il giorno primo del mese di marzo dell'anno millenovecentonovantotto`.
//!
//! Two-digit years use a fixed pivot: `00`-`69` are 2000-2069, `70`-`99` are
//! 1970-1999 (so `01/12/21` is 2021 and `l.r. 34/78` is 1978).
//!
//! Nothing is guessed. A date that names a day that does not exist
//! (`31/02/2021`) is [`DateError::Impossible`]; one that can be read more than
//! one way or lacks a part is [`DateError::Ambiguous`]: a day and month with
//! no year (`16 giugno`), a month and year with no day (`giugno 2023`, from
//! [`parse_date`] only), a run of six or eight digits with no separators
//! (`010221`: 1 February 2021, or 2001-02-21?). A string that is not a date at
//! all (`01/02`, `pippo`) is `Impossible("not a date: ...")`.
//!
//! [`find_dates`] skips the text of legal references (see
//! [`super::reference::find_references`]), so the `241/1990` of `L. 241/1990`
//! and the date of `D.Lgs. 18 agosto 2000, n. 267` are not reported as dates.
//! It does not report bare digit runs (`010221` is far more often a protocol
//! number than a date) nor a month and year without a day (`giugno 2023`
//! names a month, not a day).

use std::fmt;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::numwords::{self, fold};
use super::reference::{find_references, RefSettings, Taken};

/// Why a string is not a usable date. The message is in English and quotes the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// No such day (`31/02/2021`), or not a date at all (`not a date: "01/02"`).
    Impossible(String),
    /// A date with a part missing or readable more than one way (`16 giugno`, `010221`).
    Ambiguous(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Impossible(m) => write!(f, "impossible date: {m}"),
            DateError::Ambiguous(m) => write!(f, "ambiguous date: {m}"),
        }
    }
}

impl std::error::Error for DateError {}

/// One date found in a text: its byte range and its value (or why it has none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub value: Result<NaiveDate, DateError>,
}

/// Month names, full forms before the abbreviations they start with, for regexes.
pub(crate) const MONTHS: &str = "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|genn?|febb?|mar|apr|mag|giu|lug|ago|sett?|ott|nov|dic";

/// The month number of a (folded) month name or abbreviation.
fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let m = match w {
        "gennaio" | "gen" | "genn" => 1,
        "febbraio" | "feb" | "febb" => 2,
        "marzo" | "mar" => 3,
        "aprile" | "apr" => 4,
        "maggio" | "mag" => 5,
        "giugno" | "giu" => 6,
        "luglio" | "lug" => 7,
        "agosto" | "ago" => 8,
        "settembre" | "set" | "sett" => 9,
        "ottobre" | "ott" => 10,
        "novembre" | "nov" => 11,
        "dicembre" | "dic" => 12,
        _ => return None,
    };
    Some(m)
}

/// Two-digit years: 00-69 -> 2000-2069, 70-99 -> 1970-1999.
pub(crate) fn expand_year(y: u32, digits: usize) -> i32 {
    if digits <= 2 {
        if y < 70 {
            2000 + y as i32
        } else {
            1900 + y as i32
        }
    } else {
        y as i32
    }
}

fn not_a_date(s: &str) -> DateError {
    DateError::Impossible(format!("not a date: {s:?}"))
}

fn build(s: &str, y: i32, m: u32, d: u32) -> Result<NaiveDate, DateError> {
    if !(1000..=2999).contains(&y) {
        return Err(DateError::Impossible(format!(
            "{s:?}: year {y} is out of range"
        )));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        DateError::Impossible(format!("{s:?}: there is no day {d} in month {m} of {y}"))
    })
}

static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,4})([./-])(\d{1,2})([./-])(\d{1,4})$").unwrap());

/// Reads one whole string as a date. See the module documentation for the forms.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let t = s.trim().trim_end_matches([',', ';']).trim();
    if t.is_empty() {
        return Err(not_a_date(s));
    }
    if let Some(c) = NUMERIC.captures(t) {
        return parse_numeric(s, &c);
    }
    if t.chars().all(|c| c.is_ascii_digit()) {
        return if t.len() == 6 || t.len() == 8 {
            Err(DateError::Ambiguous(format!(
                "{s:?}: digits without separators can be read as more than one date"
            )))
        } else {
            Err(not_a_date(s))
        };
    }
    parse_words(s, t)
}

fn parse_numeric(s: &str, c: &regex::Captures) -> Result<NaiveDate, DateError> {
    if c[2] != c[4] {
        return Err(not_a_date(s));
    }
    let (a, b, z) = (&c[1], &c[3], &c[5]);
    let num = |x: &str| x.parse::<u32>().unwrap_or(0);
    if a.len() == 4 {
        // Year first: 2021/01/02.
        if z.len() > 2 {
            return Err(not_a_date(s));
        }
        return build(s, num(a) as i32, num(b), num(z));
    }
    if a.len() > 2 || !(z.len() == 2 || z.len() == 4) {
        return Err(not_a_date(s));
    }
    build(s, expand_year(num(z), z.len()), num(b), num(a))
}

/// Words that may surround the parts of a date written out.
const FILLERS: &[&str] = &[
    "l", "anno", "il", "giorno", "del", "dell", "della", "mese", "di", "addi", "li", "lo", "nel",
    "nell", "nella", "a", "in", "data",
];

/// A number in a date written with words or digits.
struct Num {
    value: u32,
    /// Number of digits when written in digits, 0 when in words.
    digits: usize,
    before_month: bool,
}

fn parse_words(s: &str, t: &str) -> Result<NaiveDate, DateError> {
    let folded = fold(t).replace(['º', '°'], " ");
    let mut month: Option<u32> = None;
    let mut nums: Vec<Num> = Vec::new();
    for tok in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if let Some(m) = month_of(tok) {
            if month.replace(m).is_some() {
                return Err(not_a_date(s));
            }
        } else if tok.chars().all(|c| c.is_ascii_digit()) {
            if tok.len() > 4 {
                return Err(not_a_date(s));
            }
            let value = tok.parse().unwrap_or(0);
            nums.push(Num {
                value,
                digits: tok.len(),
                before_month: month.is_none(),
            });
        } else if let Some(value) = numwords::parse(tok) {
            nums.push(Num {
                value,
                digits: 0,
                before_month: month.is_none(),
            });
        } else if !FILLERS.contains(&tok) {
            return Err(not_a_date(s));
        }
    }
    let Some(m) = month else {
        return Err(not_a_date(s));
    };
    // A year: more than 31, or four digits, or two digits after the month when
    // the day came before it.
    let is_year = |n: &Num| n.value > 31 || n.digits >= 3;
    match nums.as_slice() {
        [] => Err(not_a_date(s)),
        [n] if is_year(n) => Err(DateError::Ambiguous(format!(
            "{s:?}: month and year but no day"
        ))),
        [_] => Err(DateError::Ambiguous(format!(
            "{s:?}: day and month but no year"
        ))),
        [x, y] => {
            let (day, year) = if x.before_month && (1..=2).contains(&x.digits) && !y.before_month {
                // "32 gennaio 2021": digits before the month are the day.
                (x, y)
            } else if is_year(x) && !is_year(y) {
                (y, x)
            } else if is_year(y) && !is_year(x) {
                (x, y)
            } else if x.before_month && !y.before_month && y.digits == 2 {
                // "31 dic 23": the two-digit number after the month is the year.
                (x, y)
            } else {
                return Err(DateError::Ambiguous(format!(
                    "{s:?}: cannot tell the day from the year"
                )));
            };
            if day.value == 0 || day.value > 31 {
                return Err(DateError::Impossible(format!(
                    "{s:?}: day {} does not exist",
                    day.value
                )));
            }
            let y = if (1..=2).contains(&year.digits) {
                expand_year(year.value, 2)
            } else {
                year.value as i32
            };
            build(s, y, m, day.value)
        }
        _ => Err(not_a_date(s)),
    }
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

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
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
        let window_start = floor_boundary(text, m.start().saturating_sub(100));
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

    fn ok(s: &str) -> NaiveDate {
        parse_date(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(ok("01/12/2021"), d(2021, 12, 1));
        assert_eq!(ok("01.12.2021"), d(2021, 12, 1));
        assert_eq!(ok("1-12-2021"), d(2021, 12, 1));
        assert_eq!(ok("01/12/21"), d(2021, 12, 1));
        assert_eq!(ok("5/3/78"), d(1978, 3, 5));
        assert_eq!(ok("2021/01/02"), d(2021, 1, 2));
        assert_eq!(ok(" 29/02/2024 "), d(2024, 2, 29));
    }

    #[test]
    fn pivot_for_two_digit_years() {
        assert_eq!(ok("01/01/69"), d(2069, 1, 1));
        assert_eq!(ok("01/01/70"), d(1970, 1, 1));
        assert_eq!(ok("01/01/00"), d(2000, 1, 1));
    }

    #[test]
    fn impossible_dates() {
        assert!(matches!(
            parse_date("31/02/2021"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_date("29/02/2023"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_date("32 gennaio 2021"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_date("31 aprile 2021"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_date("00/12/2021"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_date("01/13/2021"),
            Err(DateError::Impossible(_))
        ));
        let e = parse_date("31/02/2021").unwrap_err();
        assert!(e.to_string().contains("31/02/2021"), "{e}");
    }

    #[test]
    fn not_dates() {
        for s in [
            "01/02",
            "pippo",
            "",
            "2021",
            "01/12-2021",
            "art. 5",
            "giugno",
            "1.2.3",
        ] {
            match parse_date(s) {
                Err(DateError::Impossible(m)) => assert!(m.starts_with("not a date"), "{s:?}: {m}"),
                other => panic!("{s:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn ambiguous_dates() {
        for s in [
            "010221",
            "01022021",
            "16 giugno",
            "giugno 2023",
            "il giorno sedici del mese di giugno",
        ] {
            assert!(
                matches!(parse_date(s), Err(DateError::Ambiguous(_))),
                "{s:?}: {:?}",
                parse_date(s)
            );
        }
    }

    #[test]
    fn month_names() {
        assert_eq!(ok("11 agosto 2015"), d(2015, 8, 11));
        assert_eq!(ok("1° gennaio 2021"), d(2021, 1, 1));
        assert_eq!(ok("1º gennaio 2021"), d(2021, 1, 1));
        assert_eq!(ok("1 gen. 2021"), d(2021, 1, 1));
        assert_eq!(ok("31 dic 2023"), d(2023, 12, 31));
        assert_eq!(ok("31 dic. 23"), d(2023, 12, 31));
        assert_eq!(ok("7 sett. 2020"), d(2020, 9, 7));
        assert_eq!(ok("26 AGOSTO 2016"), d(2016, 8, 26));
        assert_eq!(ok("primo marzo 2020"), d(2020, 3, 1));
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(
            ok("L'anno duemilaventitré, il giorno sedici del mese di giugno"),
            d(2023, 6, 16)
        );
        assert_eq!(ok("addì sedici giugno duemilaventitré"), d(2023, 6, 16));
        assert_eq!(
            ok("L'ANNO DUEMILAVENTITRE, IL GIORNO SEDICI DEL MESE DI GIUGNO"),
            d(2023, 6, 16)
        );
        assert_eq!(
            ok("il giorno uno del mese di luglio dell'anno duemilaventuno"),
            d(2021, 7, 1)
        );
        assert_eq!(
            ok("il giorno primo del mese di marzo dell'anno millenovecentonovantotto"),
            d(1998, 3, 1)
        );
        assert_eq!(ok("trentuno dicembre duemilaventi"), d(2020, 12, 31));
        assert_eq!(ok("ventuno aprile duemiladiciannove"), d(2019, 4, 21));
        assert_eq!(
            ok("L’anno duemilaventiquattro addì ventotto del mese di febbraio"),
            d(2024, 2, 28)
        );
        assert!(matches!(
            parse_date("L'anno duemilaventitré, il giorno trentuno del mese di giugno"),
            Err(DateError::Impossible(_))
        ));
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

//! Italian dates, as public administrations write them.
//!
//! [`parse_date`] reads one string that is a date; [`crate::date_scan`]
//! finds every date in a text. The forms read:
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

use std::fmt;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::numwords::{self, fold};

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

/// The months' names, January first.
pub const MONTH_NAMES: [&str; 12] = [
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

/// Words that may surround the parts of a date written out (`addl`: an
/// OCR's reading of `addì`, whose accent became an `l`).
const FILLERS: &[&str] = &[
    "l", "anno", "il", "giorno", "del", "dell", "della", "mese", "di", "addi", "addl", "li", "lo",
    "nel", "nell", "nella", "a", "in", "data",
];

/// A number in a date written with words or digits.
struct Num {
    value: u32,
    /// Number of digits when written in digits, 0 when in words.
    digits: usize,
    before_month: bool,
}

/// `s` with a space between a digit and the letter that follows it.
fn split_glued_day(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    let mut prev_digit = false;
    for c in s.chars() {
        if prev_digit && c.is_alphabetic() {
            out.push(' ');
        }
        prev_digit = c.is_ascii_digit();
        out.push(c);
    }
    out
}

/// The hour of a sitting written inside a date ("il giorno diciotto alle
/// ore 11:30 del mese di marzo"): not a part of the date.
static HOUR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\balle\s+ore\s+\d{1,2}(?:[:.,]\d{2})?(?:\s+e\s+minuti\s+\d{1,2})?\b").unwrap()
});

fn parse_words(s: &str, t: &str) -> Result<NaiveDate, DateError> {
    let folded = fold(t).replace(['º', '°'], " ");
    let folded = HOUR.replace_all(&folded, " ");
    // A day glued to its month by the producer ("23dicembre 2000").
    let folded = split_glued_day(&folded);
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
    fn a_day_glued_to_its_month() {
        assert_eq!(ok("23dicembre 2000"), d(2000, 12, 23));
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(
            ok("L'anno duemilaventitré, il giorno sedici del mese di giugno"),
            d(2023, 6, 16)
        );
        assert_eq!(ok("addì sedici giugno duemilaventitré"), d(2023, 6, 16));
        assert_eq!(
            ok("L'anno duemilaventi, addl quattro del mese di maggio"),
            d(2020, 5, 4)
        );
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
        assert_eq!(
            ok("L'anno duemilaquindici il giorno diciotto alle ore 11:30 del mese di marzo"),
            d(2015, 3, 18)
        );
        assert!(parse_date("alle ore 11:30 del mese di marzo").is_err());
        assert!(matches!(
            parse_date("L'anno duemilaventitré, il giorno trentuno del mese di giugno"),
            Err(DateError::Impossible(_))
        ));
    }
}

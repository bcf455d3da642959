//! Pieces every part of the reference grammar shares: Latin suffixes, number
//! keywords, dates in acts, normalised numbers and letters,
//! the ranges of text already read.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::NaiveDate;

use crate::date::MONTHS;
use crate::numwords::fold;

pub(super) const SUFFIX: &str = "bis|terdecies|ter|quaterdecies|quater|quinquiesdecies|quinquies|sexiesdecies|sexies|septiesdecies|septies|octiesdecies|octies|noviesdecies|novies|nonies|decies|undecies|duodecies|undevicies|duodevicies|vicies|tricies|quadragies";
pub(super) const NUM_KW: &str = r"(?:n\.\s?ro\b\.?|n\s?\.|n°|nr\.|num\.|numero|n\b)";

/// A date in an act: "18 agosto 2000", "18.08.2000", also with spaces
/// around the separators ("18. 08. 2000", "18/08/ 2000", "7 . 8 . 1990")
/// and, in transcripts that lost them, day, month and a four-digit year
/// apart ("18 08 2000"); "12 luglio del 1993" with "del" before the year;
/// a full stop after the day before a month written whole in lower case
/// ("d.lgs 14. marzo 2013, n. 33"). Read with [`act_date`].
pub(super) fn date_re() -> String {
    format!(
        r"\d{{1,2}}\.[ \t]+(?-i:{FULL_MONTHS})\s+\d{{4}}|\d{{1,2}}\s*[°º]?\s*(?:{MONTHS})\.?\s+(?:(?:del\s+)?\d{{4}}|\d{{2}}\b)|\d{{1,2}}[ \t]{{0,2}}[./-][ \t]{{0,2}}\d{{1,2}}[ \t]{{0,2}}[./-][ \t]{{0,2}}(?:\d{{4}}|\d{{2}})|\d{{1,2}}[ \t]\d{{1,2}}[ \t](?:1[89]|20)\d\d\b"
    )
}

/// The months written whole, for the day printed with a full stop after it.
const FULL_MONTHS: &str =
    "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre";

/// Reads a date matched by [`date_re`]: the numeric forms without their
/// spaces ("18. 08. 2000" is 18.08.2000, "18 08 2000" 18.08.2000), the day
/// without its full stop ("14. marzo 2013" is 14 marzo 2013).
pub(super) fn act_date(s: &str) -> Result<NaiveDate, crate::date::DateError> {
    let t = s.trim();
    if let Some((day, rest)) = t.split_once('.') {
        let month_follows = rest
            .trim_start()
            .starts_with(|c: char| c.is_ascii_lowercase());
        if !day.is_empty()
            && day.len() <= 2
            && day.bytes().all(|b| b.is_ascii_digit())
            && month_follows
        {
            return crate::date::parse_date(&format!("{day} {}", rest.trim_start()));
        }
    }
    if t.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '-' | ' ' | '\t'))
    {
        let parts: Vec<&str> = t
            .split(|c: char| matches!(c, '.' | '/' | '-') || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .collect();
        if let [d, m, y] = parts.as_slice() {
            let sep = t
                .chars()
                .find(|c| matches!(c, '.' | '/' | '-'))
                .unwrap_or('.');
            return crate::date::parse_date(&format!("{d}{sep}{m}{sep}{y}"));
        }
    }
    // "12 luglio del 1993": the "del" before the year is left out.
    if t.split_whitespace().any(|w| w.eq_ignore_ascii_case("del")) {
        let words: Vec<&str> = t
            .split_whitespace()
            .filter(|w| !w.eq_ignore_ascii_case("del"))
            .collect();
        return crate::date::parse_date(&words.join(" "));
    }
    crate::date::parse_date(s)
}

/// Normalises an article or paragraph number: `3 bis`, `3bis`, `3-BIS` -> `3-bis`.
/// Paragraphs named by ordinal words ("secondo comma", "commi secondo e
/// terzo").
pub(super) const ORD: &str =
    "primo|secondo|terzo|quarto|quinto|sesto|settimo|ottavo|nono|decimo|undicesimo|dodicesimo";

/// The number an ordinal word stands for: "terzo" is 3.
pub(super) fn ordinal(s: &str) -> Option<String> {
    let n = ORD.split('|').position(|o| o == fold(s).trim())? + 1;
    Some(n.to_string())
}

pub(super) fn norm_num(s: &str) -> String {
    if let Some(n) = ordinal(s) {
        return n;
    }
    let s = fold(s);
    // A paragraph in Roman numerals ("comma IV").
    if let Some(n) = roman(s.trim()) {
        return n.to_string();
    }
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest: String = s[digits.len()..]
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    if rest.is_empty() {
        digits
    } else {
        format!("{digits}-{rest}")
    }
}

/// The value of a Roman numeral of `i`, `v`, `x` up to 39 (`iv` -> 4).
fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || !s.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) {
        return None;
    }
    let val = |c| match c {
        'i' => 1,
        'v' => 5,
        _ => 10,
    };
    let v: Vec<u32> = s.chars().map(val).collect();
    let mut n: i64 = 0;
    for (k, &x) in v.iter().enumerate() {
        if v.get(k + 1).is_some_and(|&next| next > x) {
            n -= x as i64;
        } else {
            n += x as i64;
        }
    }
    u32::try_from(n).ok().filter(|&n| n > 0 && n < 40)
}

/// Normalises a letter: `f)` -> `f`, `a-bis)` -> `a-bis`.
pub(super) fn norm_letter(s: &str) -> String {
    fold(s)
        .trim_matches(|c: char| matches!(c, ')' | '“' | '”' | '"' | '«' | '»') || c.is_whitespace())
        .to_string()
}

pub(super) fn ymd((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("constant date")
}

/// The region's issuer segment: `emilia romagna` -> `regione.emilia.romagna`.
pub(super) fn region_issuer(name: &str) -> String {
    let parts: Vec<String> = fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    format!("regione.{}", parts.join("."))
}

/// Byte ranges already taken, kept disjoint (an inserted range absorbs those
/// it overlaps), so that an overlap test costs O(log n) on long texts.
#[derive(Debug, Default)]
pub struct Taken(pub(super) BTreeMap<usize, usize>);

impl Taken {
    /// Whether `r` shares a byte with a taken range.
    pub fn overlaps(&self, r: &Range<usize>) -> bool {
        self.0
            .range(..r.end)
            .next_back()
            .is_some_and(|(_, &end)| end > r.start)
    }

    pub fn insert(&mut self, r: Range<usize>) {
        let (mut start, mut end) = (r.start, r.end);
        let absorbed: Vec<(usize, usize)> = self
            .0
            .range(..end.max(start + 1))
            .rev()
            .take_while(|(_, &e)| e > start)
            .map(|(&s, &e)| (s, e))
            .collect();
        for (s, e) in absorbed {
            self.0.remove(&s);
            start = start.min(s);
            end = end.max(e);
        }
        self.0.insert(start, end);
    }
}

/// The pattern with its word boundaries (`\b`, `\B`) read as ASCII ones:
/// the names are found by a fast automaton over the whole text, which
/// Unicode word boundaries would send to a slow engine on any accented
/// text. An accented letter next to a name counts as a non-word character
/// there (the names themselves may hold accents).
pub(super) fn ascii_boundaries(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut chars = p.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(b @ ('b' | 'B')) => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A regex of the reference grammar, its word boundaries ASCII ones (see
/// [`ascii_boundaries`]): the grammar runs over every page of every act, and
/// a fast automaton is what keeps that cheap.
pub(super) fn grammar(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::Regex::new(&ascii_boundaries(pattern))
}

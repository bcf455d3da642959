//! More functions [`super::recalc`] evaluates: text (SUBSTITUTE, FIND,
//! SEARCH, REPLACE, REPT, EXACT, PROPER, CHOOSE, N, T, TEXT), SIGN, the size
//! of a range (ROWS, COLUMNS), and the
//! conditional aggregates (SUMIF, COUNTIF, AVERAGEIF, SUMIFS, COUNTIFS),
//! with LibreOffice's answers (`bench/office/empty_cells.py`, checked
//! against `soffice --convert-to csv` 7.4 with Italian settings).
//!
//! Where LibreOffice's answer depends on the locale of whoever opens the
//! file, the function is not evaluated (`None`: the cell keeps its saved
//! value): a criterion or TEXT format with a decimal number in it
//! (`">=20.5"` is not a number to an Italian LibreOffice), wildcards
//! (`*`, `?`, `~`: LibreOffice's xlsx import turns them on, with rules of
//! their own), month and day names in TEXT formats.

use chrono::Datelike;

use super::cell_text::round15;
use super::values::{compare, date_of, err, nth, num, text, Arg, V};

/// Longest text REPT makes; a longer one is not evaluated.
const MAX_REPT: usize = 32_767;

/// Calls function `name` of this module: `None` when it is not one of
/// them, or is not evaluated for these arguments.
pub(super) fn call(name: &str, args: &[Arg]) -> Option<Result<V, V>> {
    let arg = |i: usize| nth(args, i).unwrap_or(V::Empty);
    let number = |i: usize| num(&arg(i));
    let string = |i: usize| text(&arg(i));
    Some((|| -> Option<Result<V, V>> {
        Some(Ok(match name {
            "SUBSTITUTE" => {
                let (s, old, new) = (string(0), string(1), string(2));
                let (s, old, new) = match (s, old, new) {
                    (Ok(s), Ok(o), Ok(n)) => (s, o, n),
                    (Err(e), ..) | (_, Err(e), _) | (.., Err(e)) => return Some(Err(e)),
                };
                if old.is_empty() {
                    return Some(Ok(V::Str(s)));
                }
                if args.len() > 3 {
                    let which = match number(3) {
                        Ok(w) if w >= 1.0 => w as usize,
                        Ok(_) => return Some(Err(err("Err:502"))),
                        Err(e) => return Some(Err(e)),
                    };
                    match s.match_indices(&old).nth(which - 1) {
                        Some((i, _)) => V::Str(format!("{}{new}{}", &s[..i], &s[i + old.len()..])),
                        None => V::Str(s),
                    }
                } else {
                    V::Str(s.replace(&old, &new))
                }
            }
            "FIND" | "SEARCH" => {
                let (what, within) = match (string(0), string(1)) {
                    (Ok(a), Ok(b)) => (a, b),
                    (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
                };
                if name == "SEARCH" && what.contains(['*', '?', '~']) {
                    return None;
                }
                let start = if args.len() > 2 {
                    match number(2) {
                        Ok(s) => s,
                        Err(e) => return Some(Err(e)),
                    }
                } else {
                    1.0
                };
                let hay: Vec<char> = within.chars().collect();
                if start < 1.0 || start as usize > hay.len().max(1) {
                    return Some(Err(err("#VALUE!")));
                }
                let fold = |s: &str| -> Vec<char> {
                    if name == "SEARCH" {
                        s.to_lowercase().chars().collect()
                    } else {
                        s.chars().collect()
                    }
                };
                let (hay, needle) = (fold(&within), fold(&what));
                // Case folding may change the length: not evaluated then.
                if hay.len() != within.chars().count() {
                    return None;
                }
                let from = start as usize - 1;
                match (from..=hay.len().saturating_sub(needle.len()))
                    .find(|&i| hay[i..].starts_with(&needle))
                {
                    Some(i) => V::Num(i as f64 + 1.0),
                    None => err("#VALUE!"),
                }
            }
            "REPLACE" => {
                let (s, start, n, new) = (string(0), number(1), number(2), string(3));
                let (s, start, n, new) = match (s, start, n, new) {
                    (Ok(s), Ok(a), Ok(n), Ok(b)) => (s, a, n, b),
                    (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) | (.., Err(e)) => {
                        return Some(Err(e))
                    }
                };
                if start < 1.0 || n < 0.0 {
                    return Some(Err(err("Err:502")));
                }
                let c: Vec<char> = s.chars().collect();
                let a = (start as usize - 1).min(c.len());
                let b = (a + n as usize).min(c.len());
                V::Str(
                    c[..a]
                        .iter()
                        .chain(new.chars().collect::<Vec<_>>().iter())
                        .chain(&c[b..])
                        .collect(),
                )
            }
            "REPT" => {
                let (s, n) = match (string(0), number(1)) {
                    (Ok(s), Ok(n)) => (s, n),
                    (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
                };
                if n < 0.0 {
                    return Some(Err(err("Err:502")));
                }
                if s.chars().count().saturating_mul(n as usize) > MAX_REPT {
                    return None;
                }
                V::Str(s.repeat(n as usize))
            }
            "EXACT" => match (string(0), string(1)) {
                (Ok(a), Ok(b)) => V::Bool(a == b),
                (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
            },
            "PROPER" => match string(0) {
                Ok(s) => V::Str(proper(&s)),
                Err(e) => return Some(Err(e)),
            },
            "CHOOSE" => {
                let i = match number(0) {
                    Ok(i) => i.trunc(),
                    Err(e) => return Some(Err(e)),
                };
                if i < 1.0 || i as usize >= args.len() {
                    return Some(Err(err("Err:502")));
                }
                match &args[i as usize] {
                    Arg::One(v) => v.clone(),
                    // A range chosen: its cells, which one cell cannot show.
                    Arg::Range { cells, .. } if cells.len() == 1 => cells[0].clone(),
                    Arg::Range { .. } => return None,
                }
            }
            "SIGN" => match number(0) {
                Ok(x) => V::Num(if x > 0.0 {
                    1.0
                } else if x < 0.0 {
                    -1.0
                } else {
                    0.0
                }),
                Err(e) => return Some(Err(e)),
            },
            // The size of a range (a single value is one row, one column).
            "ROWS" | "COLUMNS" => match args.first()? {
                Arg::Range { cells, cols } if *cols > 0 => {
                    let n = if name == "ROWS" {
                        cells.len() / cols
                    } else {
                        *cols
                    };
                    V::Num(n as f64)
                }
                Arg::One(V::Err(e)) => V::Err(e.clone()),
                _ => V::Num(1.0),
            },
            "N" => match arg(0) {
                V::Num(x) => V::Num(x),
                V::Bool(b) => V::Num(f64::from(u8::from(b))),
                V::Err(e) => V::Err(e),
                _ => V::Num(0.0),
            },
            "T" => match arg(0) {
                V::Str(s) => V::Str(s),
                V::Err(e) => V::Err(e),
                _ => V::Str(String::new()),
            },
            "TEXT" => {
                let fmt = match string(1) {
                    Ok(f) => f,
                    Err(e) => return Some(Err(e)),
                };
                match arg(0) {
                    V::Err(e) => V::Err(e),
                    // Text is shown as it is (a format's text section aside).
                    V::Str(s) if s.trim().parse::<f64>().is_err() && !fmt.contains(';') => {
                        V::Str(s)
                    }
                    V::Str(_) => return None,
                    v => V::Str(format_text(num(&v).ok()?, &fmt)?),
                }
            }
            "SUMIF" | "AVERAGEIF" => {
                let Some(Arg::Range { cells, .. }) = args.first() else {
                    return None;
                };
                let crit = Criterion::new(&arg(1))?;
                let crit = match crit {
                    Ok(c) => c,
                    Err(e) => return Some(Err(e)),
                };
                let values = match args.get(2) {
                    None => cells,
                    Some(Arg::Range { cells: s, .. }) if s.len() == cells.len() => s,
                    // A sum range of another size: LibreOffice reads its
                    // top-left cell's area as large as the first; not here.
                    Some(_) => return None,
                };
                let picked = (0..cells.len()).filter(|&i| crit.matches(&cells[i]));
                return Some(aggregate(name == "AVERAGEIF", picked.map(|i| &values[i])));
            }
            "COUNTIF" => {
                let Some(Arg::Range { cells, .. }) = args.first() else {
                    return None;
                };
                let crit = match Criterion::new(&arg(1))? {
                    Ok(c) => c,
                    Err(e) => return Some(Err(e)),
                };
                V::Num(cells.iter().filter(|v| crit.matches(v)).count() as f64)
            }
            "SUMIFS" | "COUNTIFS" => {
                let pairs = if name == "SUMIFS" {
                    &args[1.min(args.len())..]
                } else {
                    args
                };
                if pairs.is_empty() || pairs.len() % 2 != 0 {
                    return Some(Err(err("Err:504")));
                }
                let mut size = None;
                let mut keep: Option<Vec<bool>> = None;
                for p in pairs.chunks(2) {
                    let Arg::Range { cells, .. } = &p[0] else {
                        return None;
                    };
                    if *size.get_or_insert(cells.len()) != cells.len() {
                        return Some(Err(err("#VALUE!")));
                    }
                    let crit = match Criterion::new(&p[1].scalar())? {
                        Ok(c) => c,
                        Err(e) => return Some(Err(e)),
                    };
                    let k = keep.get_or_insert_with(|| vec![true; cells.len()]);
                    for (i, v) in cells.iter().enumerate() {
                        k[i] = k[i] && crit.matches(v);
                    }
                }
                let keep = keep?;
                if name == "COUNTIFS" {
                    V::Num(keep.iter().filter(|k| **k).count() as f64)
                } else {
                    let Some(Arg::Range { cells, .. }) = args.first() else {
                        return None;
                    };
                    if cells.len() != keep.len() {
                        return Some(Err(err("#VALUE!")));
                    }
                    let picked = (0..keep.len()).filter(|&i| keep[i]);
                    return Some(aggregate(false, picked.map(|i| &cells[i])));
                }
            }
            _ => return None,
        }))
    })()?)
}

/// The sum (or average) of the numbers among `values`; an error among
/// them is the answer.
fn aggregate<'a>(average: bool, values: impl Iterator<Item = &'a V>) -> Result<V, V> {
    let (mut sum, mut n) = (0.0, 0usize);
    for v in values {
        match v {
            V::Num(x) => {
                sum += x;
                n += 1;
            }
            V::Err(_) => return Err(v.clone()),
            _ => {}
        }
    }
    if average {
        if n == 0 {
            return Err(err("#DIV/0!"));
        }
        return Ok(V::Num(sum / n as f64));
    }
    Ok(V::Num(sum))
}

/// A word's first letter upper case, the others lower case (a word: a run
/// of letters).
fn proper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut after_letter = false;
    for ch in s.chars() {
        if after_letter {
            out.extend(ch.to_lowercase());
        } else {
            out.extend(ch.to_uppercase());
        }
        after_letter = ch.is_alphabetic();
    }
    out
}

/// The condition of SUMIF, COUNTIF and their kin: a comparison with a
/// number or a text.
struct Criterion {
    op: std::cmp::Ordering,
    negate: bool,
    /// `>=` or `<=`: equal counts too.
    or_equal: bool,
    value: V,
}

impl Criterion {
    /// `None`: not evaluated (wildcards, a decimal number written in the
    /// criterion's text, an empty criterion); `Err`: an error given as
    /// criterion.
    fn new(c: &V) -> Option<Result<Criterion, V>> {
        use std::cmp::Ordering::*;
        let (op, negate, or_equal, rest): (_, bool, bool, String) = match c {
            V::Num(_) => {
                return Some(Ok(Criterion {
                    op: Equal,
                    negate: false,
                    or_equal: false,
                    value: c.clone(),
                }))
            }
            V::Err(_) => return Some(Err(c.clone())),
            V::Str(s) => {
                let (op, neg, eq, n) = if s.starts_with(">=") {
                    (Greater, false, true, 2)
                } else if s.starts_with("<=") {
                    (Less, false, true, 2)
                } else if s.starts_with("<>") {
                    (Equal, true, false, 2)
                } else if s.starts_with('>') {
                    (Greater, false, false, 1)
                } else if s.starts_with('<') {
                    (Less, false, false, 1)
                } else if s.starts_with('=') {
                    (Equal, false, false, 1)
                } else {
                    (Equal, false, false, 0)
                };
                (op, neg, eq, s[n..].to_owned())
            }
            _ => return None,
        };
        if rest.is_empty() || rest.contains(['*', '?', '~']) {
            return None;
        }
        let value = if rest.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            V::Num(rest.parse().ok()?)
        } else if rest.bytes().any(|b| b.is_ascii_digit()) && rest.trim().parse::<f64>().is_ok()
            || rest.trim() != rest
        {
            // `20.5`, `1e3`, ` 10`: read by the locale of whoever opens it.
            return None;
        } else {
            V::Str(rest)
        };
        Some(Ok(Criterion {
            op,
            negate,
            or_equal,
            value,
        }))
    }

    fn matches(&self, v: &V) -> bool {
        let comparable = match (&self.value, v) {
            (V::Num(_), V::Num(_)) | (V::Str(_), V::Str(_)) => true,
            _ => false,
        };
        let hit = comparable && {
            let o = compare(v, &self.value);
            o == self.op || (self.or_equal && o == std::cmp::Ordering::Equal)
        };
        hit != self.negate
    }
}

/// `x` as TEXT shows it in format `fmt`, written as an Italian
/// LibreOffice writes it; `None` for a format this does not know.
pub(super) fn format_text(x: f64, fmt: &str) -> Option<String> {
    number_format(x, fmt).or_else(|| date_format(x, fmt))
}

/// `0`, `0.00`, `#,##0.00`, `0%`, `0.0%`: digits, thousands and decimals.
fn number_format(x: f64, fmt: &str) -> Option<String> {
    let (body, percent) = match fmt.strip_suffix('%') {
        Some(b) => (b, true),
        None => (fmt, false),
    };
    let (int, dec) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty()
        || !int.bytes().all(|b| matches!(b, b'#' | b'0' | b','))
        || !dec.bytes().all(|b| b == b'0')
        || int.ends_with(',')
    {
        return None;
    }
    let x = if percent { x * 100.0 } else { x };
    let places = dec.len();
    let p = 10f64.powi(places as i32);
    let r = (round15(x.abs() * p)).round() / p;
    let s = format!("{r:.places$}");
    let (digits, frac) = s.split_once('.').unwrap_or((&s, ""));
    let min_int = int.bytes().filter(|b| *b == b'0').count();
    let digits = digits.trim_start_matches('0');
    let mut digits = format!("{digits:0>min_int$}");
    if int.contains(',') && digits.len() > 3 {
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(ch);
        }
        digits = grouped;
    }
    let mut out = String::new();
    if x < 0.0 && r != 0.0 {
        out.push('-');
    }
    out.push_str(&digits);
    if places > 0 {
        out.push(',');
        out.push_str(frac);
    }
    if percent {
        out.push('%');
    }
    Some(out)
}

/// `dd/mm/yyyy`, `d/m/yy hh:mm`, `yyyy-mm-dd`, `hh:mm:ss`: days, months,
/// years, hours, minutes and seconds in numbers (no names of months or
/// days: their language is the reader's).
fn date_format(x: f64, fmt: &str) -> Option<String> {
    let lower = fmt.to_ascii_lowercase();
    let b = lower.as_bytes();
    // Tokens: a run of one letter.
    let mut tokens: Vec<(u8, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let mut j = i;
        while j < b.len() && b[j] == c {
            j += 1;
        }
        match c {
            b'd' | b'm' | b'y' | b'h' | b's' => tokens.push((c, j - i)),
            b'/' | b'-' | b'.' | b' ' | b':' => tokens.push((c, 0)),
            _ => return None,
        }
        i = j;
    }
    // Rounded to the second, as the sheet shows it.
    let secs = (round15(x * 86_400.0)).round();
    let day = (secs / 86_400.0).floor();
    let d = date_of(day)?;
    let t = (secs - day * 86_400.0) as u32;
    let (hh, mi, ss) = (t / 3600, t / 60 % 60, t % 60);
    let mut out = String::new();
    for (k, &(c, n)) in tokens.iter().enumerate() {
        // `m` after an hour or before seconds is minutes.
        let minutes = c == b'm'
            && (tokens[..k]
                .iter()
                .rev()
                .find(|t| t.1 > 0)
                .is_some_and(|t| t.0 == b'h')
                || tokens[k + 1..]
                    .iter()
                    .find(|t| t.1 > 0)
                    .is_some_and(|t| t.0 == b's'));
        let (v, width) = match (c, n) {
            (_, 0) => {
                out.push(c as char);
                continue;
            }
            (b'd', 1 | 2) => (d.day(), n),
            (b'm', 1 | 2) if minutes => (mi, n),
            (b'm', 1 | 2) => (d.month(), n),
            (b'y', 2) => ((d.year() % 100) as u32, 2),
            (b'y', 4) => (d.year() as u32, 4),
            (b'h', 1 | 2) => (hh, n),
            (b's', 1 | 2) => (ss, n),
            _ => return None,
        };
        out.push_str(&format!("{v:0width$}"));
    }
    Some(out)
}

#[cfg(test)]
#[path = "functions_more_tests.rs"]
mod tests;

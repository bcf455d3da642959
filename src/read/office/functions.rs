//! The values a formula computes and the functions [`super::recalc`]
//! evaluates, with LibreOffice's rules where spreadsheets differ (the
//! evaluator exists to show a cell as LibreOffice shows it): dates are days
//! since 1899-12-30, so day 0 is 30/12/1899 (`YEAR` of an empty cell is
//! 1899; Excel's day 0 is "1900-01-00"); text converts to a number only
//! when it is one (`"12"`, not `"abc"`: `#VALUE!`); comparison is
//! case-insensitive and orders numbers before text before booleans.
//!
//! A function the evaluator does not know, and the volatile ones (`TODAY`,
//! `NOW`, `RAND`, `OFFSET`, `INDIRECT`...), answer `None`: the cell keeps the
//! value saved in the file (for `TODAY`, the day its author saved it, where
//! LibreOffice would show the day it is opened).

use chrono::{Datelike, Duration, NaiveDate};

use super::cell_text::round15;
pub use super::values::{compare, date_of, err, num, serial_of, text, Arg, V};
use super::values::{italian_number, nth, truth};

/// DATE(y; m; d): months and days past their ends carry over; a year below
/// 100 is read as LibreOffice reads two digits (1930-2029).
fn make_date(y: f64, m: f64, d: f64) -> V {
    let (y, m, d) = (y.trunc() as i64, m.trunc() as i64, d.trunc() as i64);
    let y = match y {
        0..=29 => y + 2000,
        30..=99 => y + 1900,
        _ => y,
    };
    let months = y * 12 + (m - 1);
    let (yy, mm) = (months.div_euclid(12), months.rem_euclid(12) + 1);
    let Some(first) = i32::try_from(yy)
        .ok()
        .and_then(|yy| NaiveDate::from_ymd_opt(yy, mm as u32, 1))
    else {
        return err("#NUM!");
    };
    match first.checked_add_signed(Duration::days(d - 1)) {
        Some(x) => V::Num(serial_of(x)),
        None => err("#NUM!"),
    }
}

/// ROUND's rule: halves away from zero, at `digits` decimals (negative:
/// tens, hundreds).
fn round_to(x: f64, digits: f64, how: fn(f64) -> f64) -> f64 {
    let p = 10f64.powi(digits.trunc() as i32);
    // Through 15 significant digits first, so 2.675 (2.67499999...) is 2.68
    // as the sheet shows it.
    how(round15(x * p)) / p
}

/// The numbers of the arguments, as SUM reads them: in a range only
/// numbers count (text, booleans and empty cells are skipped); a value
/// given directly counts when it reads as a number.
fn numbers(args: &[Arg]) -> Result<Vec<f64>, V> {
    let mut out = Vec::new();
    for a in args {
        match a {
            Arg::One(V::Empty) => {}
            Arg::One(v) => out.push(num(v)?),
            Arg::Range { cells, .. } => {
                for v in cells {
                    match v {
                        V::Num(n) => out.push(*n),
                        V::Err(_) => return Err(v.clone()),
                        _ => {}
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Calls function `name`; `None` when atti does not evaluate it.
pub fn call(name: &str, args: &[Arg]) -> Option<V> {
    let r = match call_inner(name, args) {
        Some(r) => r,
        None => super::functions_more::call(name, args)?,
    };
    Some(match r {
        Ok(v) => v,
        Err(e) => e,
    })
}

fn call_inner(name: &str, args: &[Arg]) -> Option<Result<V, V>> {
    let n_args = args.len();
    let number = |i: usize| -> Result<f64, V> { num(&nth(args, i).unwrap_or(V::Empty)) };
    let string = |i: usize| -> Result<String, V> { text(&nth(args, i).unwrap_or(V::Empty)) };
    let r: Result<V, V> = (|| {
        Ok(match name {
            "SUM" => V::Num(numbers(args)?.iter().sum()),
            "PRODUCT" => V::Num(numbers(args)?.iter().product()),
            "AVERAGE" => {
                let v = numbers(args)?;
                if v.is_empty() {
                    return Err(err("#DIV/0!"));
                }
                V::Num(v.iter().sum::<f64>() / v.len() as f64)
            }
            "MIN" => V::Num(numbers(args)?.into_iter().reduce(f64::min).unwrap_or(0.0)),
            "MAX" => V::Num(numbers(args)?.into_iter().reduce(f64::max).unwrap_or(0.0)),
            "COUNT" => V::Num(count(args, |v| matches!(v, V::Num(_))) as f64),
            "COUNTA" => V::Num(count(args, |v| !matches!(v, V::Empty)) as f64),
            "COUNTBLANK" => V::Num(count(args, |v| matches!(v, V::Empty)) as f64),
            "ABS" => V::Num(number(0)?.abs()),
            "INT" => V::Num(number(0)?.floor()),
            "SQRT" => {
                let x = number(0)?;
                if x < 0.0 {
                    // LibreOffice's "invalid argument".
                    return Err(err("Err:502"));
                }
                V::Num(x.sqrt())
            }
            "MOD" => {
                let (a, b) = (number(0)?, number(1)?);
                if b == 0.0 {
                    return Err(err("#DIV/0!"));
                }
                V::Num(a - b * (a / b).floor())
            }
            "POWER" => V::Num(number(0)?.powf(number(1)?)),
            "ROUND" => V::Num(round_to(number(0)?, number(1)?, f64::round)),
            "ROUNDUP" => V::Num(round_to(number(0)?, number(1)?, |x| {
                x.abs().ceil() * x.signum()
            })),
            "ROUNDDOWN" | "TRUNC" => V::Num(round_to(number(0)?, number(1)?, f64::trunc)),
            "TRUE" => V::Bool(true),
            "FALSE" => V::Bool(false),
            "NOT" => V::Bool(!truth(&nth(args, 0).unwrap_or(V::Empty))?),
            "AND" | "OR" => {
                let mut seen = Vec::new();
                for a in args {
                    match a {
                        Arg::One(v) => seen.push(truth(v)?),
                        Arg::Range { cells, .. } => {
                            for v in cells {
                                match v {
                                    V::Num(_) | V::Bool(_) => seen.push(truth(v)?),
                                    V::Err(_) => return Err(v.clone()),
                                    _ => {}
                                }
                            }
                        }
                    }
                }
                if seen.is_empty() {
                    return Err(err("#VALUE!"));
                }
                V::Bool(if name == "AND" {
                    seen.iter().all(|b| *b)
                } else {
                    seen.iter().any(|b| *b)
                })
            }
            "YEAR" | "MONTH" | "DAY" => {
                let d = date_of(number(0)?).ok_or_else(|| err("#VALUE!"))?;
                V::Num(f64::from(match name {
                    "YEAR" => d.year() as u32,
                    "MONTH" => d.month(),
                    _ => d.day(),
                }))
            }
            "DATE" => make_date(number(0)?, number(1)?, number(2)?),
            "LEN" => V::Num(string(0)?.chars().count() as f64),
            "UPPER" => V::Str(string(0)?.to_uppercase()),
            "LOWER" => V::Str(string(0)?.to_lowercase()),
            "TRIM" => V::Str(
                string(0)?
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            "LEFT" | "RIGHT" => {
                let s: Vec<char> = string(0)?.chars().collect();
                let n = if n_args > 1 { number(1)? } else { 1.0 };
                if n < 0.0 {
                    return Err(err("#VALUE!"));
                }
                let n = (n as usize).min(s.len());
                V::Str(
                    if name == "LEFT" {
                        &s[..n]
                    } else {
                        &s[s.len() - n..]
                    }
                    .iter()
                    .collect(),
                )
            }
            "MID" => {
                let s: Vec<char> = string(0)?.chars().collect();
                let (start, n) = (number(1)?, number(2)?);
                if start < 1.0 || n < 0.0 {
                    return Err(err("#VALUE!"));
                }
                V::Str(s.iter().skip(start as usize - 1).take(n as usize).collect())
            }
            "CONCATENATE" | "CONCAT" => {
                let mut out = String::new();
                for a in args {
                    match a {
                        Arg::One(v) => out.push_str(&text(v)?),
                        Arg::Range { cells, .. } => {
                            for v in cells {
                                out.push_str(&text(v)?);
                            }
                        }
                    }
                }
                V::Str(out)
            }
            "VALUE" => {
                let s = string(0)?;
                V::Num(italian_number(&s).map_or_else(|| num(&V::Str(s)), Ok)?)
            }
            "IFERROR" => match nth(args, 0).unwrap_or(V::Empty) {
                V::Err(_) => nth(args, 1).unwrap_or(V::Empty),
                v => v,
            },
            "ISBLANK" => V::Bool(matches!(nth(args, 0), Some(V::Empty))),
            "ISNUMBER" => V::Bool(matches!(nth(args, 0), Some(V::Num(_)))),
            "ISTEXT" => V::Bool(matches!(nth(args, 0), Some(V::Str(_)))),
            "ISERROR" => V::Bool(matches!(nth(args, 0), Some(V::Err(_)))),
            "ISNA" => V::Bool(matches!(nth(args, 0), Some(V::Err(ref e)) if e == "#N/A")),
            "VLOOKUP" | "HLOOKUP" => {
                return lookup(name == "VLOOKUP", args).unwrap_or(Err(V::Empty))
            }
            "INDEX" => {
                let Some(Arg::Range { cells, cols }) = args.first() else {
                    return Err(err("#VALUE!"));
                };
                let rows = cells.len() / (*cols).max(1);
                let (mut r, mut c) = (
                    number(1)? as usize,
                    if n_args > 2 { number(2)? as usize } else { 0 },
                );
                // INDEX(one row; n) reads the n-th column.
                if rows == 1 && n_args == 2 {
                    (r, c) = (1, r);
                }
                let (r, c) = (r.max(1) - 1, c.max(1) - 1);
                if r >= rows || c >= *cols {
                    return Err(err("#REF!"));
                }
                cells[r * cols + c].clone()
            }
            "MATCH" => {
                let x = nth(args, 0).unwrap_or(V::Empty);
                let Some(Arg::Range { cells, .. }) = args.get(1) else {
                    return Err(err("#N/A"));
                };
                let how = if n_args > 2 { number(2)? } else { 1.0 };
                position(&x, cells, how).map_or(err("#N/A"), |i| V::Num(i as f64 + 1.0))
            }
            _ => return Err(V::Empty),
        })
    })();
    match r {
        // Err(Empty) marks a function atti does not evaluate.
        Err(V::Empty) => None,
        r => Some(r),
    }
}

fn count(args: &[Arg], f: impl Fn(&V) -> bool) -> usize {
    args.iter()
        .map(|a| match a {
            Arg::One(v) => usize::from(f(v)),
            Arg::Range { cells, .. } => cells.iter().filter(|v| f(v)).count(),
        })
        .sum()
}

/// Where `x` is in `cells`: exactly (`how` 0, text without case), or the
/// last value not greater than `x` in an ascending list (`how` 1; -1: not
/// smaller, descending).
fn position(x: &V, cells: &[V], how: f64) -> Option<usize> {
    use std::cmp::Ordering;
    if how == 0.0 {
        return cells
            .iter()
            .position(|v| !matches!(v, V::Empty) && compare(v, x) == Ordering::Equal);
    }
    let want = if how > 0.0 {
        Ordering::Greater
    } else {
        Ordering::Less
    };
    let mut found = None;
    for (i, v) in cells.iter().enumerate() {
        if matches!(v, V::Empty) {
            continue;
        }
        if compare(v, x) == want {
            break;
        }
        found = Some(i);
    }
    found
}

/// VLOOKUP(x; range; column; sorted) and HLOOKUP: the first column (row)
/// searched, the value of the given column (row) of the row found.
fn lookup(vertical: bool, args: &[Arg]) -> Option<Result<V, V>> {
    let x = nth(args, 0).unwrap_or(V::Empty);
    if let V::Err(_) = x {
        return Some(Ok(x));
    }
    let Some(Arg::Range { cells, cols }) = args.get(1) else {
        return Some(Err(err("#VALUE!")));
    };
    let cols = (*cols).max(1);
    let rows = cells.len() / cols;
    let idx = match num(&nth(args, 2).unwrap_or(V::Empty)) {
        Ok(i) if i >= 1.0 => i as usize - 1,
        Ok(_) => return Some(Err(err("#VALUE!"))),
        Err(e) => return Some(Err(e)),
    };
    let sorted = match args.get(3).map(Arg::scalar) {
        None | Some(V::Empty) => true,
        Some(v) => match truth(&v) {
            Ok(b) => b,
            Err(e) => return Some(Err(e)),
        },
    };
    // Wildcards in an exact search of text: not evaluated.
    if !sorted && matches!(&x, V::Str(s) if s.contains(['*', '?', '~'])) {
        return None;
    }
    let (keys, width): (Vec<V>, usize) = if vertical {
        ((0..rows).map(|r| cells[r * cols].clone()).collect(), cols)
    } else {
        (cells[..cols.min(cells.len())].to_vec(), rows)
    };
    if idx >= width {
        return Some(Err(err("#REF!")));
    }
    let Some(i) = position(&x, &keys, if sorted { 1.0 } else { 0.0 }) else {
        return Some(Ok(err("#N/A")));
    };
    Some(Ok(if vertical {
        cells[i * cols + idx].clone()
    } else {
        cells[idx * cols + i].clone()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(v: Vec<V>, cols: usize) -> Arg {
        Arg::Range { cells: v, cols }
    }

    #[test]
    fn italian_values_and_invalid_arguments() {
        let one = |s: &str| [Arg::One(V::Str(s.into()))];
        assert_eq!(call("VALUE", &one("12,5")), Some(V::Num(12.5)));
        assert_eq!(call("VALUE", &one("1.234,5")), Some(V::Num(1234.5)));
        assert_eq!(call("VALUE", &one("-1.234")), Some(V::Num(-1234.0)));
        assert_eq!(call("VALUE", &one("42")), Some(V::Num(42.0)));
        assert_eq!(call("VALUE", &one("a")), Some(err("#VALUE!")));
        // LibreOffice's "invalid argument", not Excel's #NUM!/#VALUE!.
        assert_eq!(
            call("SQRT", &[Arg::One(V::Num(-1.0))]),
            Some(err("Err:502"))
        );
    }

    #[test]
    fn libreoffice_dates() {
        // Day 0 is 30/12/1899 in LibreOffice (Excel says 1900 for YEAR(0)).
        assert_eq!(call("YEAR", &[Arg::One(V::Empty)]), Some(V::Num(1899.0)));
        assert_eq!(call("MONTH", &[Arg::One(V::Num(0.0))]), Some(V::Num(12.0)));
        assert_eq!(
            call("YEAR", &[Arg::One(V::Num(44000.0))]),
            Some(V::Num(2020.0))
        );
        assert_eq!(
            call(
                "DATE",
                &[
                    Arg::One(V::Num(2021.0)),
                    Arg::One(V::Num(14.0)),
                    Arg::One(V::Num(1.0))
                ]
            ),
            Some(V::Num(serial_of(
                NaiveDate::from_ymd_opt(2022, 2, 1).unwrap()
            )))
        );
    }

    #[test]
    fn aggregates_skip_text_in_ranges() {
        let r = || {
            range(
                vec![V::Num(2.0), V::Str("x".into()), V::Empty, V::Num(4.0)],
                1,
            )
        };
        assert_eq!(
            call("SUM", &[r(), Arg::One(V::Str("1".into()))]),
            Some(V::Num(7.0))
        );
        assert_eq!(call("AVERAGE", &[r()]), Some(V::Num(3.0)));
        assert_eq!(call("COUNTA", &[r()]), Some(V::Num(3.0)));
        assert_eq!(
            call("AVERAGE", &[range(vec![V::Empty], 1)]),
            Some(err("#DIV/0!"))
        );
        assert_eq!(
            call("SUM", &[Arg::One(V::Str("abc".into()))]),
            Some(err("#VALUE!"))
        );
        assert_eq!(
            call("ROUND", &[Arg::One(V::Num(2.675)), Arg::One(V::Num(2.0))]),
            Some(V::Num(2.68))
        );
        assert_eq!(
            call("ROUND", &[Arg::One(V::Num(-2.5)), Arg::One(V::Num(0.0))]),
            Some(V::Num(-3.0))
        );
    }

    #[test]
    fn lookups_and_text() {
        let table = || {
            range(
                vec![
                    V::Str("a".into()),
                    V::Num(1.0),
                    V::Str("B".into()),
                    V::Num(2.0),
                    V::Str("c".into()),
                    V::Num(3.0),
                ],
                2,
            )
        };
        let exact = |x: &str| {
            call(
                "VLOOKUP",
                &[
                    Arg::One(V::Str(x.into())),
                    table(),
                    Arg::One(V::Num(2.0)),
                    Arg::One(V::Bool(false)),
                ],
            )
        };
        assert_eq!(exact("b"), Some(V::Num(2.0)));
        assert_eq!(exact("z"), Some(err("#N/A")));
        assert_eq!(exact("b*"), None);
        assert_eq!(
            call(
                "MID",
                &[
                    Arg::One(V::Str("Comune".into())),
                    Arg::One(V::Num(2.0)),
                    Arg::One(V::Num(3.0))
                ]
            ),
            Some(V::Str("omu".into()))
        );
        assert_eq!(
            call("TRIM", &[Arg::One(V::Str("  a   b ".into()))]),
            Some(V::Str("a b".into()))
        );
        assert_eq!(
            call(
                "CONCATENATE",
                &[Arg::One(V::Str("n. ".into())), Arg::One(V::Num(1.5))]
            ),
            Some(V::Str("n. 1,5".into()))
        );
        assert_eq!(call("TODAY", &[]), None);
        assert_eq!(call("NOSUCH", &[]), None);
    }
}

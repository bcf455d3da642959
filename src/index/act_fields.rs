//! The act's own facts as search fields: its number (`number:45/2022`),
//! its CIG codes (`cig:`), its purpose (`procedure:contract`), the body
//! that issued it (`administration:`) and the amount it decides
//! (`amount:>10000`).
//!
//! An act is cited by its register number and year ("delibera n. 45 del
//! 2022", "45/2022"), while the record holds the number as printed (`45`,
//! `DG/2025/00001`) and the date apart: [`numbers`] writes every form a
//! person types, and [`merge_numbers`] reads "n. 45 del 2022" typed as
//! words as the one number `45/2022`, which bare words look up in the
//! `number` field first. Amounts are typed in euro, the Italian way or
//! not (`10.000`, `10000,50`), and kept in cents ([`amount_value`]).

use std::sync::OnceLock;

use regex::Regex;

use super::parsed::{Item, Token, Value};
use crate::error::{Error, Result};
use crate::record::Document;

/// The act numbers of a document as people cite them: the register number
/// as printed, and `N/YYYY` with the year of the act (leading zeros and an
/// office prefix left out: `DG/2025/00001` is also `1/2025`), for the
/// register number and for the office's own number.
pub fn numbers(d: &Document) -> Vec<String> {
    static SHAPES: OnceLock<(Regex, Regex)> = OnceLock::new();
    let (year_first, number_first) = SHAPES.get_or_init(|| {
        (
            Regex::new(r"^(?:[A-Za-z]{1,6}/)?(\d{4})/0*(\d+)$").expect("valid"),
            Regex::new(r"^0*(\d+)/(\d{4})$").expect("valid"),
        )
    });
    let mut out = Vec::new();
    for dec in &d.decisions {
        let year = dec
            .decision_date
            .map(|x| chrono::Datelike::year(&x))
            .or(d.year);
        let office_year = dec.office_date.map(|x| chrono::Datelike::year(&x)).or(year);
        for (n, y) in [(&dec.act_number, year), (&dec.office_number, office_year)] {
            let Some(n) = n.as_deref().map(str::trim).filter(|n| !n.is_empty()) else {
                continue;
            };
            out.push(n.to_owned());
            if let Some(c) = year_first.captures(n) {
                out.push(format!("{}/{}", &c[2], &c[1]));
            } else if let Some(c) = number_first.captures(n) {
                out.push(format!("{}/{}", &c[1], &c[2]));
            } else if let (Some(y), true) = (y, n.bytes().all(|b| b.is_ascii_digit())) {
                out.push(format!("{}/{y}", n.trim_start_matches('0')));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Words that name an act before its number.
const ACT_WORDS: &[&str] = &[
    "delibera",
    "deliberazione",
    "determina",
    "determinazione",
    "decreto",
    "ordinanza",
    "atto",
    "provvedimento",
    "dd",
    "dg",
];

/// Words that mark a number: "n.", "n°", "nr.", "numero".
fn is_number_mark(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "n" | "n." | "n°" | "nr" | "nr." | "num." | "numero"
    )
}

/// Reads "n. 45 del 2022", "delibera 45 del 2022" or "n. 45/2022" typed
/// as words as the act number `45/2022`: the mark and the words of the
/// number become one word, which bare words look up in `number` first. A
/// number with no act word or mark before it is left as typed.
pub fn merge_numbers(tokens: &mut Vec<Token>) {
    let word = |t: &Token| match t {
        Token::Operand(None, Item::Word(w)) => Some(w.clone()),
        _ => None,
    };
    let is_num = |w: &str| !w.is_empty() && w.len() <= 6 && w.bytes().all(|b| b.is_ascii_digit());
    let is_year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let mut i = 0;
    while i < tokens.len() {
        let Some(w) = word(&tokens[i]) else {
            i += 1;
            continue;
        };
        let after_act = i > 0
            && word(&tokens[i - 1]).is_some_and(|p| ACT_WORDS.contains(&p.to_lowercase().as_str()));
        let (start, mark) = if is_number_mark(&w) {
            (i, 1)
        } else if after_act {
            (i, 0)
        } else {
            i += 1;
            continue;
        };
        let rest: Vec<Option<String>> = (start + mark..(start + mark + 3).min(tokens.len()))
            .map(|j| word(&tokens[j]))
            .collect();
        let merged = match rest.as_slice() {
            [Some(n), Some(del), Some(y), ..]
                if is_num(n)
                    && matches!(del.to_lowercase().as_str(), "del" | "/")
                    && is_year(y) =>
            {
                Some((format!("{}/{y}", n.trim_start_matches('0')), 3))
            }
            [Some(ny), ..] if mark == 1 => ny
                .split_once('/')
                .filter(|(n, y)| is_num(n) && is_year(y))
                .map(|(n, y)| (format!("{}/{y}", n.trim_start_matches('0')), 1)),
            _ => None,
        };
        match merged {
            Some((number, len)) => {
                tokens.splice(
                    start..start + mark + len,
                    [Token::Operand(None, Item::Word(number))],
                );
                i = start + 1;
            }
            None => i += 1,
        }
    }
}

fn error(message: String) -> Error {
    Error::Query(message)
}

/// A sum of euro as typed (`10.000`, `10000,50`, `1.234.567`, `€ 500`) in
/// cents: a comma is the decimal mark and dots group thousands; with no
/// comma, a dot followed by exactly three digits groups thousands, any
/// other dot is the decimal mark.
pub fn cents(typed: &str) -> Option<i64> {
    let s: String = typed
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .trim()
        .to_owned();
    let s = s.strip_suffix("euro").unwrap_or(&s).trim().to_owned();
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let (int, dec) = if let Some((i, d)) = s.split_once(',') {
        (i.replace('.', ""), d.to_owned())
    } else {
        let parts: Vec<&str> = s.split('.').collect();
        if parts.len() > 1 && parts[1..].iter().all(|p| p.len() == 3) {
            (parts.concat(), String::new())
        } else if parts.len() == 2 {
            (parts[0].to_owned(), parts[1].to_owned())
        } else if parts.len() == 1 {
            (s.clone(), String::new())
        } else {
            return None;
        }
    };
    if int.is_empty() || dec.len() > 2 || dec.contains(['.', ',']) {
        return None;
    }
    let units: i64 = int.parse().ok()?;
    let dec: i64 = if dec.is_empty() {
        0
    } else {
        format!("{dec:0<2}").parse().ok()?
    };
    units.checked_mul(100)?.checked_add(dec)
}

/// The value of `amount:` as a range of cents: `>10000`, `>=10000`,
/// `<5000`, `<=5000`, `1000..5000` (both included), or one sum.
pub fn amount_value(typed: &str, value: &str) -> Result<Value> {
    let bad = || {
        error(format!(
            "importo non valido in `{typed}`: scrivi una cifra in euro (`importo:>10000`, \
             `importo:<=5.000,50`, `importo:1000..5000`)"
        ))
    };
    let c = |v: &str| cents(v).map(|x| x.to_string()).ok_or_else(bad);
    let v = value.trim();
    let (lower, upper) = if let Some(x) = v.strip_prefix(">=") {
        ((true, Some(c(x)?)), (true, None))
    } else if let Some(x) = v.strip_prefix("<=") {
        ((true, None), (true, Some(c(x)?)))
    } else if let Some(x) = v.strip_prefix('>') {
        ((false, Some(c(x)?)), (true, None))
    } else if let Some(x) = v.strip_prefix('<') {
        ((true, None), (false, Some(c(x)?)))
    } else if let Some((a, b)) = v.split_once("..") {
        ((true, Some(c(a)?)), (true, Some(c(b)?)))
    } else {
        let x = c(v)?;
        ((true, Some(x.clone())), (true, Some(x)))
    };
    Ok(Value::Range { lower, upper })
}

/// The purposes `procedure:` takes, by their stored names or in Italian.
pub const PROCEDURE_ALIASES: &[(&str, &str)] = &[
    ("contratto", "contract"),
    ("contratti", "contract"),
    ("appalto", "contract"),
    ("affidamento", "contract"),
    ("accordo", "agreement"),
    ("convenzione", "agreement"),
    ("contributo", "grant"),
    ("contributi", "grant"),
    ("sovvenzione", "grant"),
    ("pagamento", "payment"),
    ("liquidazione", "payment"),
    ("personale", "staff"),
    ("bilancio", "budget"),
    ("programmazione", "planning"),
    ("pianificazione", "planning"),
    ("regolamento", "planning"),
    ("contenzioso", "litigation"),
    ("altro", "other"),
];

/// The stored purpose a typed one stands for (`contratto` -> `contract`).
pub fn procedure_name(typed: &str) -> String {
    let k = typed.trim().to_lowercase();
    PROCEDURE_ALIASES
        .iter()
        .find(|(a, _)| *a == k)
        .map_or(k, |(_, stored)| (*stored).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Decision;

    fn words(q: &str) -> Vec<Token> {
        q.split_whitespace()
            .map(|w| Token::Operand(None, Item::Word(w.into())))
            .collect()
    }

    #[test]
    fn act_numbers_typed_as_words_are_one_number() {
        for (typed, want) in [
            ("delibera 45/2022", "delibera 45/2022"),
            ("determinazione n. 45 del 2022", "determinazione 45/2022"),
            ("delibera 45 del 2022", "delibera 45/2022"),
            ("n° 045/2022 giunta", "45/2022 giunta"),
            ("scuola 45 del 2022", "scuola 45 del 2022"),
            ("n. 45", "n. 45"),
        ] {
            let mut t = words(typed);
            merge_numbers(&mut t);
            assert_eq!(t, words(want), "{typed}");
        }
    }

    #[test]
    fn a_document_is_found_by_the_numbers_people_cite() {
        let d = Document {
            year: Some(2022),
            decisions: vec![
                Decision {
                    act_number: Some("45".into()),
                    decision_date: chrono::NaiveDate::from_ymd_opt(2022, 4, 12),
                    office_number: Some("012".into()),
                    ..Decision::default()
                },
                Decision {
                    act_number: Some("DG/2025/00001".into()),
                    ..Decision::default()
                },
            ],
            ..Document::default()
        };
        assert_eq!(
            numbers(&d),
            vec!["012", "1/2025", "12/2022", "45", "45/2022", "DG/2025/00001"]
        );
    }

    #[test]
    fn amounts_are_typed_in_euro_and_kept_in_cents() {
        assert_eq!(cents("10000"), Some(1_000_000));
        assert_eq!(cents("10.000"), Some(1_000_000));
        assert_eq!(cents("1.234.567,5"), Some(123_456_750));
        assert_eq!(cents("€ 99,99"), Some(9_999));
        assert_eq!(cents("12.5"), Some(1_250));
        assert_eq!(cents("dieci"), None);
        let r = |l: (bool, Option<&str>), u: (bool, Option<&str>)| Value::Range {
            lower: (l.0, l.1.map(str::to_owned)),
            upper: (u.0, u.1.map(str::to_owned)),
        };
        let v = |s: &str| amount_value("amount:x", s).unwrap();
        assert_eq!(v(">10000"), r((false, Some("1000000")), (true, None)));
        assert_eq!(v("<=5.000,50"), r((true, None), (true, Some("500050"))));
        assert_eq!(
            v("1000..5000"),
            r((true, Some("100000")), (true, Some("500000")))
        );
        assert_eq!(v("250"), r((true, Some("25000")), (true, Some("25000"))));
        assert!(amount_value("amount:>tanto", ">tanto").is_err());
    }

    #[test]
    fn purposes_are_typed_in_italian_too() {
        assert_eq!(procedure_name("Contratto"), "contract");
        assert_eq!(procedure_name("grant"), "grant");
    }
}

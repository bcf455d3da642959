//! Normalisers: small named functions a rule applies to the text it read,
//! in the order the rule lists them (`normalise = ["person", "title_case"]`).
//!
//! Every value has its whitespace collapsed first (wrapped lines joined with
//! one space) and its apostrophes and dashes in one form (`'`, `-`: see
//! [`squash`]). A normaliser that cannot make sense of its input says why, and
//! the value is dropped with a warning rather than stored wrong. The Italian
//! knowledge behind them (names, organs, numbers, dates) is in `atti-italian`;
//! this file only maps a rule's names to those functions.

use atti_italian::date::parse_date;
use atti_italian::names::{body, person, sentence, title_case};
pub use atti_italian::numbers::{integer, number};

/// A value's text as a record keeps it: whitespace collapsed
/// ([`atti_italian::squash`]), apostrophes as `'` and dashes as `-`
/// ([`atti_italian::plain_marks`]), so that the same act read from a text
/// layer and from a scan (where tesseract reads `’` as `'` in some faces)
/// gives the same values, and a user's typed `dell'Ente` finds them.
pub fn squash(s: &str) -> String {
    atti_italian::plain_marks(&atti_italian::squash(s))
}

/// The normalisers a rule may name.
pub const NAMES: &[&str] = &[
    "date",
    "code",
    "person",
    "title_case",
    "upper",
    "lower",
    "number",
    "integer",
    "two_digits",
    "comparator",
    "sentence",
    "body",
    "no_label",
];

/// Whether `name` is a normaliser.
pub fn exists(name: &str) -> bool {
    NAMES.contains(&name)
}

/// Applies one normaliser.
pub fn apply(name: &str, s: &str) -> Result<String, String> {
    let s = squash(s);
    match name {
        "date" => parse_date(&s)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .map_err(|e| e.to_string()),
        "code" => Ok(code(&s)),
        "person" => Ok(person(&s)),
        "title_case" => Ok(title_case(&s)),
        "upper" => Ok(s.to_uppercase()),
        "lower" => Ok(s.to_lowercase()),
        "number" => number(&s),
        "integer" => integer(&s),
        "two_digits" => two_digits(&s),
        "comparator" => {
            let (op, v) = comparator(&s);
            Ok(format!("{op}|{v}"))
        }
        "sentence" => Ok(sentence(&s)),
        "body" => Ok(body(&s)),
        "no_label" => Ok(s),
        other => Err(format!("unknown normaliser `{other}`")),
    }
}

/// Applies a rule's normalisers in order (whitespace is always collapsed).
pub fn chain(value: &str, names: &[String]) -> Result<String, String> {
    let mut v = squash(value);
    for n in names {
        v = apply(n, &v)?;
    }
    Ok(v)
}

/// A number of one or two digits written with two, as budget codes print
/// them (`1` -> `01`, `13` -> `13`).
fn two_digits(s: &str) -> Result<String, String> {
    let t = s.trim();
    match t.len() {
        1 | 2 if t.bytes().all(|b| b.is_ascii_digit()) => Ok(format!("{t:0>2}")),
        _ => Err(format!("`{t}` is not a number of one or two digits")),
    }
}

/// An identifier code: no inner spaces, upper case (`2021_z001 ` -> `2021_Z001`).
pub fn code(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_matches(|c: char| c == ',' || c == ';' || c == ':')
        .to_uppercase()
}

/// A target such as `>= 2`, `=SI`, `100%`, `<= 30 giorni`, `< 12,50`, split
/// into its comparison operator (empty when there is none) and its value.
/// `≥` and `≤` are read as `>=` and `<=`; `=>` and `=<` too. A value that
/// begins with a number is that number, written as a number is in the
/// tables (`12,50` -> `12.5`, `1.500` -> `1500`; its unit, `giorni` or `%`,
/// stays in the target as printed); any other value (`SI`) as written.
pub fn comparator(s: &str) -> (String, String) {
    let (op, value) = split_comparator(s);
    (op, leading_number(&value).unwrap_or(value))
}

/// The number a value begins with (`30 giorni` -> `30`, `90%` -> `90`).
fn leading_number(v: &str) -> Option<String> {
    let end = v
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(v.len());
    let head = &v[..end];
    if !head.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    number(head.trim_end_matches(['.', ','])).ok()
}

fn split_comparator(s: &str) -> (String, String) {
    let t = squash(s);
    let t = t.replace('≥', ">=").replace('≤', "<=");
    for (written, op) in [
        (">=", ">="),
        ("=>", ">="),
        ("<=", "<="),
        ("=<", "<="),
        ("<>", "<>"),
        ("!=", "<>"),
        (">", ">"),
        ("<", "<"),
        ("=", "="),
    ] {
        if let Some(rest) = t.strip_prefix(written) {
            return (op.to_owned(), rest.trim().to_owned());
        }
    }
    (String::new(), t.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_names_its_normalisers() {
        assert_eq!(
            apply("body", "Giunta Comunale in videoconferenza").unwrap(),
            "Giunta Comunale"
        );
        assert_eq!(apply("number", "1.234,50").unwrap(), "1234.5");
        assert!(apply("nope", "x").is_err());
    }
    #[test]
    fn comparators_split_operator_and_value() {
        let cases = [
            (">=3", (">=", "3")),
            (">= 2", (">=", "2")),
            ("=SI", ("=", "SI")),
            ("100%", ("", "100")),
            ("<= 30 giorni", ("<=", "30")),
            ("< 12,50", ("<", "12.5")),
            ("> 1.500", (">", "1500")),
            ("≥ 90%", (">=", "90")),
            ("SI", ("", "SI")),
            ("≥ 5", (">=", "5")),
        ];
        for (input, (op, v)) in cases {
            assert_eq!(comparator(input), (op.to_owned(), v.to_owned()), "{input}");
        }
    }

    #[test]
    fn codes_lose_spaces_and_punctuation() {
        assert_eq!(code(" 2021_z001,"), "2021_Z001");
    }
}

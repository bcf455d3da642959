//! The names people type for fields and kinds, and the values of
//! `field:value`, made what the field holds.
//!
//! Fields have English names (the schema's) and Italian aliases
//! ([`FIELDS`]); kinds are stored in English and typed in Italian too
//! ([`KIND_ALIASES`]). A value is checked here, so that a mistake is told
//! rather than searched: a year is a number, a date a date (`17/03/2022`,
//! `2022-03-17`, made RFC 3339 for the index), a range is of years or dates,
//! and a prefix (`conv*`) has [`MIN_PREFIX`] letters before its `*`, which
//! ends the word.

use super::parsed::{Item, Value};
use crate::error::{Error, Result};

/// Letters or digits a prefix (`conv*`) needs before its `*`.
pub const MIN_PREFIX: usize = 3;

/// The fields bare words search, with how much a match in each counts.
pub const DEFAULT_FIELDS: &[(&str, f32)] = &[
    ("title", 1.5),
    ("body", 1.0),
    ("key", 6.0),
    ("number", 8.0),
    ("code", 2.0),
    ("person", 1.5),
];

/// User-facing field names (aliases first, then the schema field).
pub const FIELDS: &[(&str, &str)] = &[
    ("code", "code"),
    ("codice", "code"),
    ("cod", "code"),
    ("director", "director"),
    ("direttore", "director"),
    ("manager", "manager"),
    ("dirigente", "manager"),
    ("responsible", "responsible"),
    ("responsabile", "responsible"),
    ("signatory", "signatory"),
    ("signatories", "signatory"),
    ("firmatario", "signatory"),
    ("firmatari", "signatory"),
    ("person", "person"),
    ("persona", "person"),
    ("people", "person"),
    ("nome", "person"),
    ("name", "person"),
    ("title", "title"),
    ("titolo", "title"),
    ("body", "body"),
    ("text", "body"),
    ("testo", "body"),
    ("kind", "kind"),
    ("tipo", "kind"),
    ("year", "year"),
    ("anno", "year"),
    ("date", "date"),
    ("data", "date"),
    ("file", "file"),
    ("path", "file"),
    ("percorso", "file"),
    ("organ", "organ"),
    ("organo", "organ"),
    ("doc_id", "doc_id"),
    ("id", "doc_id"),
    ("number", "number"),
    ("numero", "number"),
    ("cig", "cig"),
    ("procedure", "procedure"),
    ("procedura", "procedure"),
    ("scopo", "procedure"),
    ("administration", "administration"),
    ("amministrazione", "administration"),
    ("ente", "administration"),
    ("amount", "amount"),
    ("importo", "amount"),
];

/// The fields whose words a prefix (`field:conv*`) can be looked up in.
pub const PREFIX_FIELDS: &[&str] = &[
    "code",
    "director",
    "manager",
    "responsible",
    "signatory",
    "person",
    "title",
    "body",
    "file",
    "organ",
    "administration",
];

/// The schema field a user-facing name stands for.
pub fn field_name(alias: &str) -> Option<&'static str> {
    let alias = alias.to_lowercase();
    FIELDS.iter().find(|(a, _)| *a == alias).map(|(_, f)| *f)
}

/// The fields with their aliases, for a message: `code (codice, cod), ...`.
pub fn field_list() -> String {
    let mut out: Vec<String> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (_, field) in FIELDS {
        if seen.contains(field) {
            continue;
        }
        seen.push(field);
        let aliases: Vec<&str> = FIELDS
            .iter()
            .filter(|(a, f)| f == field && a != field)
            .map(|(a, _)| *a)
            .collect();
        out.push(format!("{field} ({})", aliases.join(", ")));
    }
    out.join(", ")
}

/// Italian names of the kinds, beside the stored one.
pub const KIND_ALIASES: &[(&str, &str)] = &[
    ("delibera", "deliberation"),
    ("delibere", "deliberation"),
    ("deliberazione", "deliberation"),
    ("deliberazioni", "deliberation"),
    ("deliberations", "deliberation"),
    ("altro", "other"),
    ("altri", "other"),
];

/// The stored kind a user-facing kind stands for (`delibera` -> `deliberation`).
pub fn kind_name(kind: &str) -> String {
    let k = kind.trim().to_lowercase();
    match KIND_ALIASES.iter().find(|(a, _)| *a == k) {
        Some((_, stored)) => (*stored).to_owned(),
        None => k,
    }
}

fn error(message: String) -> Error {
    Error::Query(message)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`')
}

/// The prefix of `word` (ending in `*`), as typed in `typed`.
pub(super) fn prefix(word: &str, typed: &str) -> Result<String> {
    let stem = word.strip_suffix('*').unwrap_or(word);
    if stem.contains('*') || !word.ends_with('*') {
        return Err(error(format!(
            "`*` va in fondo a una parola, per le parole che cominciano così (`conv*`), \
             o da solo per tutti i documenti; in `{typed}` è altrove"
        )));
    }
    // `dell'ent*`: the elided article is no part of the word.
    let stem = stem.rsplit(is_apostrophe).next().unwrap_or(stem);
    if stem.chars().filter(|c| c.is_alphanumeric()).count() < MIN_PREFIX {
        return Err(error(format!(
            "`{typed}`: scrivi almeno {MIN_PREFIX} lettere prima di `*`"
        )));
    }
    Ok(stem.to_owned())
}

/// `name:value` for the schema field `field`, `value` a word.
pub(super) fn field_item(name: &str, field: &'static str, value: &str) -> Result<Item> {
    let typed = format!("{name}:{value}");
    if value.contains('*') {
        if !PREFIX_FIELDS.contains(&field) {
            return Err(error(format!(
                "`*` in `{typed}`: le parole che cominciano così si cercano nei campi di \
                 testo, nomi e codici, non in `{name}:`"
            )));
        }
        let prefix = prefix(value, &typed)?;
        return Ok(Item::Prefix {
            field: Some(field),
            prefix,
        });
    }
    let value = match field {
        "year" => year(&typed, value)?,
        "date" => date(&typed, value)?,
        "kind" => kind_name(value),
        "procedure" => super::act_fields::procedure_name(value),
        "amount" => {
            return Ok(Item::Field {
                field,
                value: super::act_fields::amount_value(&typed, value)?,
            })
        }
        _ => value.to_owned(),
    };
    Ok(Item::Field {
        field,
        value: Value::Word(value),
    })
}

fn year(typed: &str, value: &str) -> Result<String> {
    value
        .trim()
        .parse::<i64>()
        .map(|y| y.to_string())
        .map_err(|_| {
            error(format!(
                "anno non valido in `{typed}`: scrivi un numero (`anno:2021`) \
             o un intervallo (`anno:[2019 TO 2021]`)"
            ))
        })
}

fn date(typed: &str, value: &str) -> Result<String> {
    atti_italian::date::parse_date(value.trim())
        .map(|d| format!("{}T00:00:00Z", d.format("%Y-%m-%d")))
        .map_err(|_| {
            error(format!(
                "data non valida in `{typed}`: scrivi una data come `data:17/03/2022` \
                 o `data:2022-03-17`, o un intervallo (`data:[01/01/2022 TO 31/12/2022]`)"
            ))
        })
}

/// `[lower TO upper]` (or with `{` `}` for excluded bounds) of a year or a date.
pub(super) fn range_value(name: &str, field: &str, range: &str) -> Result<Value> {
    let typed = format!("{name}:{range}");
    if !matches!(field, "year" | "date" | "amount") {
        return Err(error(format!(
            "`{typed}`: un intervallo vale per `anno:`, `data:` e `importo:`, non per `{name}:`"
        )));
    }
    let malformed = || {
        error(format!(
            "intervallo da scrivere come `{name}:[inizio TO fine]` (`*` per nessun limite): \
             in `{typed}` {}",
            if range.ends_with([']', '}']) {
                "la forma è diversa"
            } else {
                "manca `]`"
            }
        ))
    };
    let (Some(open), Some(close)) = (range.chars().next(), range.chars().last()) else {
        return Err(malformed());
    };
    if range.chars().count() < 2 || !matches!(close, ']' | '}') {
        return Err(malformed());
    }
    let inner = &range[open.len_utf8()..range.len() - close.len_utf8()];
    let parts: Vec<&str> = inner.split_whitespace().collect();
    let [lower, to, upper] = parts[..] else {
        return Err(malformed());
    };
    if !to.eq_ignore_ascii_case("TO") {
        return Err(malformed());
    }
    let bound = |v: &str| -> Result<Option<String>> {
        if v == "*" {
            return Ok(None);
        }
        if field == "year" {
            year(&typed, v).map(Some)
        } else if field == "amount" {
            super::act_fields::cents(v)
                .map(|c| Some(c.to_string()))
                .ok_or_else(|| {
                    error(format!(
                        "importo non valido in `{typed}`: scrivi una cifra in euro"
                    ))
                })
        } else {
            date(&typed, v).map(Some)
        }
    };
    Ok(Value::Range {
        lower: (open == '[', bound(lower)?),
        upper: (close == ']', bound(upper)?),
    })
}

#[cfg(test)]
mod tests {
    use super::super::syntax::{read, Token};
    use super::*;

    fn message(q: &str) -> String {
        match read(q) {
            Err(Error::Query(m)) => m,
            other => panic!("`{q}` should be refused, got {other:?}"),
        }
    }

    fn items(q: &str) -> Vec<Token> {
        read(q).unwrap_or_else(|e| panic!("`{q}`: {e}")).tokens
    }

    #[test]
    fn values_are_checked_and_made_what_the_field_holds() {
        let field = |q: &str| match items(q).remove(0) {
            Token::Operand(_, Item::Field { field, value }) => (field, value),
            t => panic!("{t:?}"),
        };
        assert_eq!(
            field("tipo:Delibera"),
            ("kind", Value::Word("deliberation".into()))
        );
        assert_eq!(
            field("data:17/03/2022"),
            ("date", Value::Word("2022-03-17T00:00:00Z".into()))
        );
        assert_eq!(field("anno:2021"), ("year", Value::Word("2021".into())));
        assert_eq!(
            field("anno:[2019 TO *}"),
            (
                "year",
                Value::Range {
                    lower: (true, Some("2019".into())),
                    upper: (false, None)
                }
            )
        );
        assert_eq!(
            field("data:[01/01/2022 TO 31/12/2022]"),
            (
                "date",
                Value::Range {
                    lower: (true, Some("2022-01-01T00:00:00Z".into())),
                    upper: (true, Some("2022-12-31T00:00:00Z".into()))
                }
            )
        );
        assert!(message("anno:corrente").contains("anno non valido"));
        assert!(message("data:ieri").contains("data non valida"));
        assert!(message("anno:[2020 TO").contains("manca `]`"));
        assert!(message("title:[a TO b]").contains("vale per `anno:`, `data:` e `importo:`"));
        assert!(message("title:\"\"").contains("manca il valore"));
    }

    #[test]
    fn prefixes_need_three_letters_and_a_star_at_the_end() {
        assert_eq!(
            items("conv*"),
            vec![Token::Operand(
                None,
                Item::Prefix {
                    field: None,
                    prefix: "conv".into()
                }
            )]
        );
        assert_eq!(
            items("-dell'ent*"),
            vec![Token::Operand(
                Some('-'),
                Item::Prefix {
                    field: None,
                    prefix: "ent".into()
                }
            )]
        );
        assert!(matches!(
            &items("direttore:asc*")[0],
            Token::Operand(
                None,
                Item::Prefix {
                    field: Some("director"),
                    ..
                }
            )
        ));
        assert!(message("co*").contains("almeno 3 lettere"));
        assert!(message("*conv").contains("in fondo a una parola"));
        assert!(message("**").contains("in fondo a una parola"));
        assert!(message("anno:20*").contains("non in `anno:`"));
        assert_eq!(items("*"), vec![Token::Operand(None, Item::All)]);
    }
}

//! From what a person types to a tantivy query.
//!
//! The syntax is tantivy's: free words, `"a phrase"`, `AND`, `OR`, `NOT`
//! (or `+word`, `-word`), parentheses, `field:value`, `field:"a phrase"`,
//! `year:[2019 TO 2021]`. Before tantivy parses it, [`rewrite`] makes what
//! people paste safe and friendly:
//!
//! - field names have Italian and English aliases (`direttore:`,
//!   `codice:`, `anno:` ...; see [`FIELDS`]); a word before a colon that is
//!   no field (`Oggetto: convenzione`) is read as a plain word;
//! - a word with characters tantivy treats as syntax (`dell'ente`,
//!   `2021/123`, `D.Lgs.`) is quoted, so it is searched as written;
//! - `kind:` values accept the Italian names (`delibera`), `date:` takes a
//!   calendar date (2021-03-04 or 04/03/2021).
//!
//! `code:` looks for the act's own codes first, then for codes named in
//! the text. Bare words search title, body, codes and people at once, so pasting a
//! code (`2021_Z001`) or typing a surname works without a field name.
//! Words are joined by AND unless the query says otherwise; [`compile`]
//! reports whether the query had operators of its own, so a caller can
//! retry an all-words query that found nothing with any-word semantics.

use std::ops::Bound;

use tantivy::query::{
    BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use super::analyser;
use super::schema::{date_value, Fields};
use super::Index;
use crate::error::{Error, Result};

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
];

/// The schema field a user-facing name stands for.
pub fn field_name(alias: &str) -> Option<&'static str> {
    let alias = alias.to_lowercase();
    FIELDS.iter().find(|(a, _)| *a == alias).map(|(_, f)| *f)
}

/// The stored kind a user-facing kind stands for (`delibera` -> `deliberation`).
pub fn kind_name(kind: &str) -> String {
    let k = kind.trim().to_lowercase();
    match k.as_str() {
        "delibera" | "delibere" | "deliberazione" | "deliberazioni" | "deliberations" => {
            "deliberation".into()
        }
        "altro" | "altri" => "other".into(),
        _ => k,
    }
}

/// Characters that tantivy's grammar reads as syntax inside a word.
fn needs_quotes(word: &str) -> bool {
    word.chars().enumerate().any(|(i, c)| {
        matches!(
            c,
            '^' | '`'
                | ':'
                | '{'
                | '}'
                | '\''
                | '['
                | ']'
                | '\\'
                | '/'
                | '~'
                | '*'
                | '!'
                | '\u{2019}'
                | '\u{2018}'
                | '<'
                | '>'
                | '='
        ) || (c == '-' && i > 0)
            || (c == '+' && i > 0)
    })
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace(['"', '\\'], " ").trim())
}

/// Rewrites a query as typed into tantivy's grammar. Returns the query and
/// whether it uses operators of its own (AND, OR, NOT, +, -, parentheses).
pub fn rewrite(input: &str) -> (String, bool) {
    let (text, explicit) = rewrite_with(input, true);
    if text.is_empty() {
        // Nothing but function words: search them as they are.
        return rewrite_with(input, false);
    }
    (text, explicit)
}

/// [`rewrite`], with or without dropping the bare function words (`di`,
/// `la`, ...) that the body analyser drops: left in, such a word would be a
/// required term that no field holds, and an all-words search would find
/// nothing.
pub fn rewrite_with(input: &str, drop_stop_words: bool) -> (String, bool) {
    let chars: Vec<char> = input.chars().collect();
    let mut out = String::new();
    let mut explicit = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            out.push(' ');
            i += 1;
            continue;
        }
        if c == '(' || c == ')' {
            explicit = true;
            out.push(c);
            i += 1;
            continue;
        }
        if c == '"' || c == '«' || c == '“' {
            let (phrase, next) = read_phrase(&chars, i);
            out.push_str(&quote(&phrase));
            i = next;
            continue;
        }
        // A word: up to whitespace, a parenthesis or a quote.
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && !matches!(chars[i], '(' | ')' | '"') {
            i += 1;
        }
        let mut word: String = chars[start..i].iter().collect();
        if word == "*" {
            out.push('*');
            continue;
        }
        if matches!(word.as_str(), "AND" | "OR" | "NOT" | "&&" | "||") {
            explicit = true;
            out.push_str(&word);
            continue;
        }
        let mut prefix = String::new();
        if let Some(rest) = word.strip_prefix(['+', '-']) {
            if !rest.is_empty() || (i < chars.len() && chars[i] == '"') {
                explicit = true;
                prefix.push(word.chars().next().unwrap_or('+'));
                word = rest.to_owned();
            }
        }
        out.push_str(&prefix);
        let field = word
            .split_once(':')
            .and_then(|(name, value)| field_name(name).map(|f| (f, value.to_owned())))
            // A year that is no number (`anno:corrente`) is just words.
            .filter(|(f, v)| {
                *f != "year"
                    || v.is_empty()
                    || v.starts_with(['[', '{'])
                    || v.parse::<i64>().is_ok()
            });
        match field {
            Some((field, value)) => {
                if field != "code" || value.is_empty() {
                    out.push_str(field);
                    out.push(':');
                }
                if value.is_empty() && i < chars.len() && chars[i] == '"' {
                    let (phrase, next) = read_phrase(&chars, i);
                    out.push_str(&quote(&phrase));
                    i = next;
                } else if value.starts_with(['[', '{']) {
                    // A range: copy up to its closing bracket, spaces included.
                    let mut range = value;
                    while !range.ends_with([']', '}']) && i < chars.len() {
                        range.push(chars[i]);
                        i += 1;
                    }
                    out.push_str(&range);
                } else if field == "code" {
                    // The act that carries the code first, then those citing it.
                    let v = field_value(field, &value);
                    out.push_str(&format!("(key:{v}^4 OR code:{v})"));
                } else {
                    out.push_str(&field_value(field, &value));
                }
            }
            None => {
                // Not a field: a colon is only punctuation here.
                let plain = word.replace(':', " ");
                let is_stop = |p: &&str| {
                    drop_stop_words
                        && prefix.is_empty()
                        && analyser::STOP_WORDS.contains(&p.to_lowercase().as_str())
                };
                let mut parts = plain.split_whitespace().filter(|p| !is_stop(p)).peekable();
                while let Some(p) = parts.next() {
                    if needs_quotes(p) {
                        out.push_str(&quote(p));
                    } else {
                        out.push_str(p);
                    }
                    if parts.peek().is_some() {
                        out.push(' ');
                    }
                }
            }
        }
    }
    (out.trim().to_owned(), explicit)
}

/// Reads a quoted phrase starting at `chars[i]` (the opening quote); returns
/// its text and the index after the closing quote (or the end).
fn read_phrase(chars: &[char], i: usize) -> (String, usize) {
    let close = match chars[i] {
        '«' => '»',
        '“' => '”',
        _ => '"',
    };
    let mut j = i + 1;
    let mut s = String::new();
    while j < chars.len() && chars[j] != close {
        s.push(chars[j]);
        j += 1;
    }
    (s, (j + 1).min(chars.len()))
}

/// The value of `field:value`, made acceptable to the parser.
fn field_value(field: &str, value: &str) -> String {
    match field {
        "kind" => quote(&kind_name(value)),
        "date" => match atti_italian::date::parse_date(value.trim()) {
            Ok(d) => format!("{}T00:00:00Z", d.format("%Y-%m-%d")),
            Err(_) => quote(value),
        },
        "year" => value.to_owned(),
        _ if needs_quotes(value) => quote(value),
        _ => value.to_owned(),
    }
}

/// A query parser over the index with atti's defaults: bare words search
/// title, body, codes and people; a code or a title match counts more.
pub fn parser(index: &Index, conjunction: bool) -> QueryParser {
    let f = index.fields();
    let mut p = QueryParser::for_index(
        index.tantivy(),
        vec![f.title, f.body, f.key, f.code, f.person],
    );
    p.set_field_boost(f.title, 1.5);
    p.set_field_boost(f.key, 6.0);
    p.set_field_boost(f.code, 2.0);
    p.set_field_boost(f.person, 1.5);
    if conjunction {
        p.set_conjunction_by_default();
    }
    p
}

/// A query as typed, rewritten and parsed. Returns the query and whether it
/// had operators of its own.
pub fn compile(index: &Index, input: &str, conjunction: bool) -> Result<(Box<dyn Query>, bool)> {
    let (text, explicit) = rewrite(input);
    if text.is_empty() {
        return Err(Error::Query("empty query: type some words".into()));
    }
    let p = parser(index, conjunction);
    match p.parse_query(&text) {
        Ok(q) => Ok((q, explicit)),
        Err(strict) => {
            // An unbalanced parenthesis or a stray operator: take what can be
            // understood rather than nothing, unless nothing can.
            let (q, errors) = p.parse_query_lenient(&text);
            if errors.is_empty() || has_terms(&*q) {
                Ok((q, explicit))
            } else {
                Err(Error::Query(format!(
                    "cannot read `{}` ({strict}): check quotes, parentheses and \
                     field values (code:, director:, manager:, responsible:, signatory:, \
                     person:, organ:, title:, body:, kind:, year:, date:, file:)",
                    input.trim()
                )))
            }
        }
    }
}

fn has_terms(q: &dyn Query) -> bool {
    let mut any = false;
    q.query_terms(&mut |_, _| any = true);
    any
}

/// Filters that restrict without scoring.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub kind: Option<String>,
    pub year: Option<i32>,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
}

/// `query`, restricted to documents (not failures) and to the filters.
pub fn filtered(f: &Fields, query: Box<dyn Query>, filters: &Filters) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    // `NOT giunta` alone: every document but those. tantivy matches nothing
    // for a query made of exclusions only, so they join the outer query,
    // whose document filter is the positive part.
    match query.downcast_ref::<BooleanQuery>() {
        Some(b)
            if !b.clauses().is_empty() && b.clauses().iter().all(|(o, _)| *o == Occur::MustNot) =>
        {
            clauses.extend(b.clauses().iter().map(|(o, q)| (*o, q.box_clone())));
        }
        _ => clauses.push((Occur::Must, query)),
    }
    let mut filter = |q: Box<dyn Query>| {
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
    };
    filter(term(f.record_type, super::schema::DOCUMENT));
    if let Some(kind) = &filters.kind {
        filter(term(f.kind, &kind_name(kind)));
    }
    if let Some(year) = filters.year {
        filter(Box::new(TermQuery::new(
            Term::from_field_i64(f.year, year as i64),
            IndexRecordOption::Basic,
        )));
    }
    if filters.from.is_some() || filters.to.is_some() {
        let bound = |d: Option<chrono::NaiveDate>| match d {
            Some(d) => Bound::Included(Term::from_field_date(f.date, date_value(d))),
            None => Bound::Unbounded,
        };
        filter(Box::new(RangeQuery::new(
            bound(filters.from),
            bound(filters.to),
        )));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_map_to_fields() {
        assert_eq!(rewrite("direttore:ascione").0, "director:ascione");
        assert_eq!(
            rewrite("codice:2021_Z001").0,
            "(key:2021_Z001^4 OR code:2021_Z001)"
        );
        assert_eq!(rewrite("anno:2021 convenzione").0, "year:2021 convenzione");
        assert_eq!(rewrite("tipo:Delibera").0, "kind:\"deliberation\"");
    }

    #[test]
    fn pasted_text_is_made_safe() {
        assert_eq!(rewrite("Oggetto: convenzione").0, "Oggetto convenzione");
        assert_eq!(rewrite("*").0, "*");
        assert_eq!(rewrite("anno:corrente").0, "anno corrente");
        assert_eq!(rewrite("dell'ente").0, "\"dell'ente\"");
        assert_eq!(rewrite("L.R. 3/2008").0, "L.R. \"3/2008\"");
        assert_eq!(rewrite("«piano di zona»").0, "\"piano di zona\"");
    }

    #[test]
    fn function_words_are_not_required() {
        assert_eq!(rewrite("ufficio di piano").0, "ufficio  piano");
        assert_eq!(rewrite("\"ufficio di piano\"").0, "\"ufficio di piano\"");
        assert_eq!(rewrite("di").0, "di");
    }

    #[test]
    fn operators_are_noticed() {
        assert!(!rewrite("citta metropolitana").1);
        assert!(rewrite("giunta OR consiglio").1);
        assert!(rewrite("giunta -consiglio").1);
        assert_eq!(rewrite("giunta -consiglio").0, "giunta -consiglio");
        assert_eq!(
            rewrite("director:\"ascione giuseppe\"").0,
            "director:\"ascione giuseppe\""
        );
        assert_eq!(
            rewrite("year:[2019 TO 2021] piano").0,
            "year:[2019 TO 2021] piano"
        );
        assert_eq!(rewrite("date:01/12/2021").0, "date:2021-12-01T00:00:00Z");
    }
}

//! From what a person types to a tantivy query.
//!
//! [`syntax::read`] reads and checks the query as typed (and refuses, in
//! Italian, what cannot mean anything). This module writes the pieces in
//! tantivy's grammar ([`rewrite`]): a word with characters the grammar
//! treats as syntax (`dell'ente`, `2021/123`, `D.Lgs.`) is quoted, so it is
//! searched as written; `code:` looks for the act's own codes first, then
//! for codes named in the text; a prefix (`conv*`) stands as a placeholder.
//! tantivy's grammar then parses the text, so `AND`, `OR`, `NOT` and words
//! side by side combine as tantivy documents, and [`Builder`] makes the
//! query from the parsed tree: each leaf by tantivy's [`QueryParser`]
//! (fields, analysers, boosts), a prefix by [`super::prefix`], a `date:`
//! with the undated documents beside it when they are asked for.
//!
//! Bare words search title, body, codes and people at once, so pasting a
//! code (`2021_Z001`) or typing a surname works without a field name. Words
//! are joined by AND unless the query says otherwise; [`compile`] reports
//! whether the query had operators of its own, so a caller can retry an
//! all-words query that found nothing with any-word semantics. Function
//! words (`di`, `la`) are left out of an all-words query: the body analyser
//! drops them, and left in they would be required words that no field holds.

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, ExistsQuery, Occur, Query,
    QueryParser, RangeQuery, TermQuery,
};
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use super::analyser;
use super::fields::DEFAULT_FIELDS;
use super::prefix;
use super::schema::{date_value, Fields};
use super::syntax::{self, needs_quotes, Item, Parsed, Token, Value};
use super::Index;
use crate::error::{Error, Result};

pub use super::fields::{field_name, kind_name, FIELDS};

/// The field name that stands for the prefix of the same number in the
/// text given to tantivy's grammar (no user can write it: it is no field).
const PREFIX_FIELD: &str = "atti_prefix";

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace(['"', '\\'], " ").trim())
}

/// A prefix to look up: the field it was written with, and the letters.
#[derive(Debug, Clone, PartialEq)]
pub struct Prefix {
    pub field: Option<&'static str>,
    pub prefix: String,
}

/// Reads a query as typed and writes it in tantivy's grammar. Returns the
/// text and whether the query uses operators of its own.
pub fn rewrite(input: &str) -> Result<(String, bool)> {
    let parsed = syntax::read(input)?;
    Ok((write(&parsed).0, parsed.explicit))
}

/// A query read by [`syntax::read`] in tantivy's grammar, with the prefixes
/// that its `atti_prefix:N` placeholders stand for.
pub fn write(parsed: &Parsed) -> (String, Vec<Prefix>) {
    let mut out = String::new();
    let mut prefixes = Vec::new();
    for token in &parsed.tokens {
        if !out.is_empty() && !out.ends_with('(') && token != &Token::Close {
            out.push(' ');
        }
        match token {
            Token::Open(sign) => {
                out.extend(sign);
                out.push('(');
            }
            Token::Close => out.push(')'),
            Token::And => out.push_str("AND"),
            Token::Or => out.push_str("OR"),
            Token::Not => out.push_str("NOT"),
            Token::Operand(sign, item) => {
                out.extend(sign);
                match item {
                    Item::All => out.push('*'),
                    Item::Word(w) if needs_quotes(w) => out.push_str(&quote(w)),
                    Item::Word(w) => out.push_str(w),
                    Item::Phrase(p) => out.push_str(&quote(p)),
                    Item::Prefix { field, prefix } => {
                        out.push_str(&format!("{PREFIX_FIELD}:{}", prefixes.len()));
                        prefixes.push(Prefix {
                            field: *field,
                            prefix: prefix.clone(),
                        });
                    }
                    Item::Field { field, value } => out.push_str(&field_text(field, value)),
                }
            }
        }
    }
    (out, prefixes)
}

/// `field:value` in tantivy's grammar.
fn field_text(field: &str, value: &Value) -> String {
    match value {
        Value::Word(v) if field == "code" => {
            // The act that carries the code first, then those citing it.
            let v = if needs_quotes(v) { quote(v) } else { v.clone() };
            format!("(key:{v}^4 OR code:{v})")
        }
        Value::Word(v) if field == "year" => format!("{field}:{v}"),
        Value::Word(v) if field == "kind" || needs_quotes(v) => format!("{field}:{}", quote(v)),
        Value::Word(v) => format!("{field}:{v}"),
        Value::Phrase(p) => format!("{field}:{}", quote(p)),
        Value::Range { lower, upper } => {
            let bound = |b: &Option<String>| b.clone().unwrap_or_else(|| "*".into());
            format!(
                "{field}:{}{} TO {}{}",
                if lower.0 { '[' } else { '{' },
                bound(&lower.1),
                bound(&upper.1),
                if upper.0 { ']' } else { '}' },
            )
        }
    }
}

/// A query parser over the index with atti's defaults: bare words search
/// title, body, codes and people; a code or a title match counts more.
pub fn parser(index: &Index, conjunction: bool) -> QueryParser {
    let schema = index.tantivy().schema();
    let fields: Vec<(Field, f32)> = DEFAULT_FIELDS
        .iter()
        .filter_map(|(name, boost)| schema.get_field(name).ok().map(|f| (f, *boost)))
        .collect();
    let mut p = QueryParser::for_index(index.tantivy(), fields.iter().map(|(f, _)| *f).collect());
    for (f, boost) in fields {
        if boost != 1.0 {
            p.set_field_boost(f, boost);
        }
    }
    if conjunction {
        p.set_conjunction_by_default();
    }
    p
}

/// A query made ready to run.
pub struct Compiled {
    pub query: Box<dyn Query>,
    /// Whether the query had operators of its own.
    pub explicit: bool,
    /// Whether it asks for a date (`date:`, outside a NOT): documents
    /// without one cannot match it unless undated ones were included.
    pub dated: bool,
}

/// A query as typed, read, checked and built. Returns the query and whether
/// it had operators of its own.
pub fn compile(index: &Index, input: &str, conjunction: bool) -> Result<(Box<dyn Query>, bool)> {
    let c = build(index, &syntax::read(input)?, conjunction, false)?;
    Ok((c.query, c.explicit))
}

/// Builds a query read by [`syntax::read`]: words side by side all required
/// (`conjunction`) or any of them; `include_undated`: a `date:` matches the
/// documents without a date too.
pub fn build(
    index: &Index,
    parsed: &Parsed,
    conjunction: bool,
    include_undated: bool,
) -> Result<Compiled> {
    let (text, prefixes) = write(parsed);
    let ast = tantivy::query_grammar::parse_query(&text).map_err(|_| {
        Error::Query(format!(
            "non riesco a leggere la ricerca `{text}`: controlla virgolette, parentesi e campi"
        ))
    })?;
    let mut b = Builder {
        index,
        parser: parser(index, conjunction),
        prefixes,
        conjunction,
        include_undated,
        drop_stop_words: true,
        dated: false,
    };
    let mut query = b.node(ast.clone(), false)?;
    if query.is_none() {
        // Nothing but function words: search them as they are.
        b.drop_stop_words = false;
        b.dated = false;
        query = b.node(ast, false)?;
    }
    let query = query.ok_or_else(|| {
        Error::Query("nessuna parola da cercare: la ricerca ha solo segni di punteggiatura".into())
    })?;
    Ok(Compiled {
        query,
        explicit: parsed.explicit,
        dated: b.dated,
    })
}

/// Makes a query from the tree tantivy's grammar parsed.
struct Builder<'a> {
    index: &'a Index,
    parser: QueryParser,
    prefixes: Vec<Prefix>,
    conjunction: bool,
    include_undated: bool,
    drop_stop_words: bool,
    dated: bool,
}

impl Builder<'_> {
    /// The query of one node, `None` when it holds nothing to look for (a
    /// function word, punctuation): such a node is left out, as tantivy's
    /// parser leaves it out.
    fn node(&mut self, ast: UserInputAst, negated: bool) -> Result<Option<Box<dyn Query>>> {
        match ast {
            UserInputAst::Leaf(leaf) => self.leaf(*leaf, negated),
            UserInputAst::Boost(inner, boost) => Ok(self.node(*inner, negated)?.map(|q| {
                Box::new(BoostQuery::new(q, boost.into_inner() as f32)) as Box<dyn Query>
            })),
            UserInputAst::Clause(children) => {
                let default = if self.conjunction {
                    Occur::Must
                } else {
                    Occur::Should
                };
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for (occur, child) in children {
                    let occur = occur.unwrap_or(default);
                    let Some(q) = self.node(child, negated ^ (occur == Occur::MustNot))? else {
                        continue;
                    };
                    match q.downcast_ref::<BooleanQuery>() {
                        // `giunta AND NOT consiglio`: a required group of
                        // exclusions only (which alone matches nothing) is
                        // those exclusions.
                        Some(b) if occur == Occur::Must && only_exclusions(b) => {
                            clauses.extend(b.clauses().iter().map(|(o, q)| (*o, q.box_clone())));
                        }
                        _ => clauses.push((occur, q)),
                    }
                }
                Ok((!clauses.is_empty())
                    .then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>))
            }
        }
    }

    fn leaf(&mut self, leaf: UserInputLeaf, negated: bool) -> Result<Option<Box<dyn Query>>> {
        let field = match &leaf {
            UserInputLeaf::Literal(l) => l.field_name.clone(),
            UserInputLeaf::Range { field, .. } => field.clone(),
            _ => None,
        };
        if let UserInputLeaf::Literal(l) = &leaf {
            if field.as_deref() == Some(PREFIX_FIELD) {
                let p = l
                    .phrase
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| self.prefixes.get(n))
                    .ok_or_else(|| Error::Query(format!("prefisso sconosciuto `{}`", l.phrase)))?;
                return prefix::query(self.index, p.field, &p.prefix).map(Some);
            }
            if field.is_none()
                && self.drop_stop_words
                && l.delimiter == Delimiter::None
                && analyser::STOP_WORDS.contains(&l.phrase.to_lowercase().as_str())
            {
                return Ok(None);
            }
        }
        if let Some(name) = field.as_deref() {
            if self.index.tantivy().schema().get_field(name).is_err() {
                return Err(Error::Query(format!(
                    "`{name}:` cerca in un campo che questo indice non ha ancora: è stato fatto \
                     da una versione precedente di atti, e `atti ingest` lo aggiorna"
                )));
            }
        }
        let q = self
            .parser
            .build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(leaf.clone())))
            .map_err(|e| Error::Query(format!("non riesco a leggere `{leaf:?}`: {e}")))?;
        if q.downcast_ref::<EmptyQuery>().is_some() {
            return Ok(None);
        }
        if field.as_deref() == Some("date") && !negated {
            self.dated = true;
            if self.include_undated {
                return Ok(Some(Box::new(BooleanQuery::new(vec![
                    (Occur::Should, q),
                    (Occur::Should, undated()),
                ]))));
            }
        }
        Ok(Some(q))
    }
}

fn only_exclusions(b: &BooleanQuery) -> bool {
    !b.clauses().is_empty() && b.clauses().iter().all(|(o, _)| *o == Occur::MustNot)
}

/// The documents without a date.
pub fn undated() -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
        (
            Occur::MustNot,
            Box::new(ExistsQuery::new("date".into(), false)),
        ),
    ]))
}

/// Filters that restrict without scoring.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub kind: Option<String>,
    pub year: Option<i32>,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    /// With `from` or `to`: documents without a date pass too.
    pub include_undated: bool,
    /// Only documents of this collegial body (the `/body` facet).
    pub body: Option<String>,
}

/// `query`, restricted to documents (not failures) and to the filters.
pub fn filtered(f: &Fields, query: Box<dyn Query>, filters: &Filters) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    // `NOT giunta` alone: every document but those. tantivy matches nothing
    // for a query made of exclusions only, so they join the outer query,
    // whose document filter is the positive part.
    match query.downcast_ref::<BooleanQuery>() {
        Some(b) if only_exclusions(b) => {
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
    if let Some(body) = &filters.body {
        filter(Box::new(TermQuery::new(
            Term::from_facet(
                f.facet,
                &tantivy::schema::Facet::from_path(["body", body.as_str()]),
            ),
            IndexRecordOption::Basic,
        )));
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
        let range: Box<dyn Query> =
            Box::new(RangeQuery::new(bound(filters.from), bound(filters.to)));
        if filters.include_undated {
            filter(Box::new(BooleanQuery::new(vec![
                (Occur::Should, range),
                (Occur::Should, undated()),
            ])));
        } else {
            filter(range);
        }
    }
    Box::new(BooleanQuery::new(clauses))
}

fn term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// The stored kinds a `--kind` or `kind:` may name: the kinds atti's
/// schemas name and any other the index holds.
pub fn kinds(index: &Index) -> Result<Vec<String>> {
    use crate::record::kind;
    let mut out: Vec<String> = [kind::PEG, kind::DELIBERATION, kind::OTHER]
        .iter()
        .map(|k| k.to_string())
        .collect();
    let field = index.fields().kind;
    for segment in index.searcher().segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            let k = String::from_utf8_lossy(stream.key()).into_owned();
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    Ok(out)
}

/// The stored kind `typed` names (`delibera` is `deliberation`), or a
/// message that lists the kinds.
pub fn check_kind(index: &Index, typed: &str) -> Result<String, String> {
    let stored = kind_name(typed);
    let known = kinds(index).map_err(|e| e.to_string())?;
    if known.contains(&stored) {
        return Ok(stored);
    }
    let listed: Vec<String> = known
        .iter()
        .map(
            |k| match super::fields::KIND_ALIASES.iter().find(|(_, s)| s == k) {
                Some((alias, _)) => format!("{k} ({alias})"),
                None => k.clone(),
            },
        )
        .collect();
    Err(format!(
        "tipo sconosciuto `{}`; i tipi sono: {}",
        typed.trim(),
        listed.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(q: &str) -> String {
        rewrite(q).unwrap_or_else(|e| panic!("`{q}`: {e}")).0
    }

    #[test]
    fn aliases_map_to_fields() {
        assert_eq!(text("direttore:ascione"), "director:ascione");
        assert_eq!(
            text("codice:2021_Z001"),
            "(key:2021_Z001^4 OR code:2021_Z001)"
        );
        assert_eq!(text("anno:2021 convenzione"), "year:2021 convenzione");
        assert_eq!(text("tipo:Delibera"), "kind:\"deliberation\"");
    }

    #[test]
    fn pasted_text_is_made_safe() {
        assert_eq!(text("Oggetto: convenzione"), "Oggetto convenzione");
        assert_eq!(text("*"), "*");
        assert_eq!(text("dell'ente"), "\"dell'ente\"");
        assert_eq!(text("L.R. 3/2008"), "L.R. \"3/2008\"");
        assert_eq!(text("«piano di zona»"), "\"piano di zona\"");
        assert_eq!(
            text("art. 30, comma 1, lett. a)"),
            "art. 30, comma 1, lett. a"
        );
    }

    #[test]
    fn operators_are_noticed() {
        assert!(!rewrite("citta metropolitana").unwrap().1);
        assert!(rewrite("giunta OR consiglio").unwrap().1);
        assert!(rewrite("giunta -consiglio").unwrap().1);
        assert_eq!(text("giunta -consiglio"), "giunta -consiglio");
        assert_eq!(text("-(giunta consiglio)"), "-(giunta consiglio)");
        assert_eq!(
            text("director:\"ascione giuseppe\""),
            "director:\"ascione giuseppe\""
        );
        assert_eq!(
            text("year:[2019 TO 2021] piano"),
            "year:[2019 TO 2021] piano"
        );
        assert_eq!(text("date:01/12/2021"), "date:\"2021-12-01T00:00:00Z\"");
        assert_eq!(
            text("data:[01/01/2021 TO *}"),
            "date:[2021-01-01T00:00:00Z TO *}"
        );
    }

    #[test]
    fn prefixes_become_placeholders() {
        let parsed = syntax::read("conv* AND titolo:rendic*").unwrap();
        let (text, prefixes) = write(&parsed);
        assert_eq!(text, "atti_prefix:0 AND atti_prefix:1");
        assert_eq!(
            prefixes,
            vec![
                Prefix {
                    field: None,
                    prefix: "conv".into()
                },
                Prefix {
                    field: Some("title"),
                    prefix: "rendic".into()
                }
            ]
        );
    }

    #[test]
    fn what_is_written_is_what_tantivy_reads() {
        // Every query that passes the checks is one tantivy's grammar takes.
        for q in [
            "giunta AND (consiglio OR -verbale) NOT \"piano di zona\"",
            "code:2021_Z001 -kind:peg",
            "year:[2019 TO 2021] data:[01/01/2021 TO 31/12/2021]",
            "e-mail: protocollo@comune.it",
            "https://www.comune.it/atti?id=1&x=2",
            "D.Lgs. 18/08/2000 n° 267",
            "€ 1.500,00 50% art. 30, comma 1, lett. a)",
            "conv* -(titolo:\"piano\" OR direttore:asc*)",
            "🙂 ? ! <b> ^2 ~ \\ ' ’",
        ] {
            let (text, _) = write(&syntax::read(q).unwrap());
            assert!(
                tantivy::query_grammar::parse_query(&text).is_ok(),
                "`{q}` became `{text}`, which tantivy cannot read"
            );
        }
    }
}

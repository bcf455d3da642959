//! `conv*`: the words that begin with what was typed.
//!
//! The prefix is looked up in each field's term dictionary written as that
//! field's analyser writes a word, but never stemmed: lower case and
//! accents folded for title, body and names (`citt*` finds `città`), lower
//! case for codes (`2021_z*`). A stem is no prefix of what was typed
//! (`conv` is not stemmed to anything shorter, but `convenzioni` is indexed
//! as `convenzion`), so for title and body the query's own word, stemmed as
//! a word, is looked up too: `convenzioni*` finds at least what
//! `convenzioni` finds, and the words that begin with it.
//!
//! Bounded: [`super::syntax`] wants [`MIN_PREFIX`](super::syntax::MIN_PREFIX)
//! letters before the `*`, and a prefix that stands for more than
//! [`MAX_TERMS`] words of one field is refused with a message (add a
//! letter) rather than run as a disjunction of thousands of words. The
//! words found are searched like typed ones, ranked by BM25, and light up
//! in the passages.

use std::collections::BTreeSet;

use tantivy::query::{BooleanQuery, BoostQuery, EmptyQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::analyser;
use super::fields::DEFAULT_FIELDS;
use super::Index;
use crate::error::{Error, Result};

/// Words of one field a prefix may stand for.
pub const MAX_TERMS: usize = 200;

/// How a field's words are written in the index.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Analysis {
    /// Title and body: folded and stemmed.
    Italian,
    /// People, organs, paths: folded.
    Name,
    /// Codes: lower case, whole.
    Code,
}

fn analysis(field: &str) -> Analysis {
    match field {
        "title" | "body" => Analysis::Italian,
        "code" | "key" => Analysis::Code,
        _ => Analysis::Name,
    }
}

/// The query for `prefix*` in `field` (a schema field name), or in the
/// fields bare words search when `None`.
pub fn query(index: &Index, field: Option<&str>, prefix: &str) -> Result<Box<dyn Query>> {
    let targets: Vec<(&str, f32)> = match field {
        None => DEFAULT_FIELDS.to_vec(),
        // As `code:` does: the act's own codes first.
        Some("code") => vec![("key", 4.0), ("code", 1.0)],
        Some(f) => vec![(f, 1.0)],
    };
    let schema = index.tantivy().schema();
    let searcher = index.searcher();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (name, boost) in targets {
        let Ok(field) = schema.get_field(name) else {
            continue;
        };
        let mut terms = BTreeSet::new();
        if let Some(p) = written(analysis(name), prefix) {
            terms = expand(&searcher, field, &p, prefix)?;
        }
        if analysis(name) == Analysis::Italian {
            // The prefix as a whole word, stemmed: `convenzioni*` -> `convenzion`.
            if let [word] = &analyser::terms(&mut analyser::italian(), prefix)[..] {
                terms.insert(word.clone());
            }
        }
        if terms.is_empty() {
            continue;
        }
        let words: Vec<(Occur, Box<dyn Query>)> = terms
            .iter()
            .map(|t| {
                let q = TermQuery::new(
                    Term::from_field_text(field, t),
                    IndexRecordOption::WithFreqs,
                );
                (Occur::Should, Box::new(q) as Box<dyn Query>)
            })
            .collect();
        let q: Box<dyn Query> = Box::new(BooleanQuery::new(words));
        clauses.push((
            Occur::Should,
            if boost == 1.0 {
                q
            } else {
                Box::new(BoostQuery::new(q, boost))
            },
        ));
    }
    if clauses.is_empty() {
        // No word begins so: nothing matches, as for a word not in the index.
        return Ok(Box::new(EmptyQuery));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// The prefix as the field's words are written, or `None` when no word of
/// the field can begin so (`2021_z` in a body, whose words have no `_`).
fn written(analysis: Analysis, prefix: &str) -> Option<String> {
    match analysis {
        Analysis::Code => Some(prefix.to_lowercase()),
        Analysis::Italian | Analysis::Name => {
            match &analyser::terms(&mut analyser::name(), prefix)[..] {
                [one] => Some(one.clone()),
                _ => None,
            }
        }
    }
}

/// The words of `field` that begin with `prefix`, across the segments.
fn expand(
    searcher: &Searcher,
    field: Field,
    prefix: &str,
    typed: &str,
) -> Result<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .range()
            .ge(prefix.as_bytes())
            .into_stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            let key = stream.key();
            if !key.starts_with(prefix.as_bytes()) {
                break;
            }
            out.insert(String::from_utf8_lossy(key).into_owned());
            if out.len() > MAX_TERMS {
                return Err(Error::Query(format!(
                    "troppe parole cominciano con `{typed}`: più di {MAX_TERMS}; \
                     scrivi qualche lettera in più prima di `*`"
                )));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_folded_not_stemmed() {
        assert_eq!(
            written(Analysis::Italian, "Città").as_deref(),
            Some("citta")
        );
        assert_eq!(
            written(Analysis::Italian, "CONVENZIONI").as_deref(),
            Some("convenzioni")
        );
        assert_eq!(written(Analysis::Name, "Ascì").as_deref(), Some("asci"));
        assert_eq!(written(Analysis::Italian, "2021_Z"), None);
        assert_eq!(written(Analysis::Code, "2021_Z").as_deref(), Some("2021_z"));
    }
}

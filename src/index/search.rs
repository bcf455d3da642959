//! A search: parse the query, apply the filters, rank by BM25, cut a passage.
//!
//! Words typed without operators must all match (in title, body, codes or
//! people); when no document has them all, the search is run again with any
//! word matching, so a query with one word too many still finds something,
//! ranked by how much of it matched. Filters (`--kind`, `--year`, `--from`,
//! `--to`) restrict without changing the ranking. Among the best
//! candidates, those where the words stand together rank above those where
//! they are scattered (see [`super::proximity`]).

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::Query;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::proximity::Proximity;
use super::query::{self, Filters};
use super::snippet::{Highlighter, Passage};
use super::Index;
use crate::error::Result;

/// A search request, resolved from the command line.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub query: String,
    pub kind: Option<String>,
    pub year: Option<i32>,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    pub limit: usize,
}

/// One ranked hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub rank: usize,
    pub score: f32,
    pub doc_id: String,
    pub source_file: String,
    pub kind: String,
    pub year: Option<i32>,
    pub title: Option<String>,
    /// The passage that matched, matched words between `[[` and `]]`.
    pub snippet: String,
    pub date: Option<chrono::NaiveDate>,
    /// The passage with the matched words as byte ranges, for colour.
    #[serde(skip)]
    pub passage: Passage,
    /// The title with the matched words as byte ranges, for colour.
    #[serde(skip)]
    pub title_marks: Option<Passage>,
}

pub fn search(index: &Index, req: &Request) -> Result<Vec<Hit>> {
    let f = index.fields();
    let filters = Filters {
        kind: req.kind.clone(),
        year: req.year,
        from: req.from,
        to: req.to,
    };
    let searcher = index.searcher();
    let limit = req.limit.max(1);
    let near = Proximity::new(index, &req.query);
    // With a proximity bonus to add, rank a wider window of candidates and
    // re-rank it; otherwise just the hits asked for.
    let window = if near.is_some() {
        (limit * 4).max(40)
    } else {
        limit
    };
    let run = |q: &dyn Query| -> Result<Vec<(f32, tantivy::DocAddress)>> {
        let mut top = searcher.search(
            &*query::filtered(f, q.box_clone(), &filters),
            &TopDocs::with_limit(window).order_by_score(),
        )?;
        if let Some(near) = &near {
            near.rescore(&searcher, &mut top)?;
        }
        top.truncate(limit);
        Ok(top)
    };
    let (mut q, explicit) = query::compile(index, &req.query, true)?;
    let mut top = run(&*q)?;
    if top.is_empty() && !explicit {
        q = query::compile(index, &req.query, false)?.0;
        top = run(&*q)?;
    }
    let highlighter = Highlighter::new(&searcher, &*q, f)?;
    let mut hits = Vec::with_capacity(top.len());
    for (score, addr) in top {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        let passage = highlighter.passage(&doc);
        hits.push(Hit {
            rank: hits.len() + 1,
            score,
            doc_id: text(f.doc_id).unwrap_or_default(),
            source_file: text(f.source_file).unwrap_or_default(),
            kind: text(f.kind).unwrap_or_default(),
            year: doc
                .get_first(f.year)
                .and_then(|v| v.as_i64())
                .map(|y| y as i32),
            title: text(f.title),
            snippet: passage.plain(),
            date: doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .and_then(|d| {
                    chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0)
                        .map(|t| t.date_naive())
                }),
            title_marks: text(f.title).map(|t| highlighter.mark(&t)),
            passage,
        });
    }
    Ok(hits)
}

//! Queries over the index: parse, filter, rank, snippet.
//!
//! PLACEHOLDER until the search work lands: free words over title and body.

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::snippet::SnippetGenerator;
use tantivy::TantivyDocument;

use super::Index;
use crate::error::{Error, Result};
use crate::record::Document;

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
}

pub fn search(index: &Index, req: &Request) -> Result<Vec<Hit>> {
    let f = index.fields();
    let parser = QueryParser::for_index(index.tantivy(), vec![f.title, f.body]);
    let query = parser
        .parse_query(&req.query)
        .map_err(|e| Error::Query(e.to_string()))?;
    let searcher = index.searcher();
    let top = searcher.search(
        &query,
        &TopDocs::with_limit(req.limit.max(1)).order_by_score(),
    )?;
    let snip = SnippetGenerator::create(&searcher, &*query, f.body)?;
    let mut hits = Vec::new();
    for (score, addr) in top {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let Some(d) = index.record_of::<Document>(&doc, super::schema::DOCUMENT)? else {
            continue;
        };
        let mut s = snip.snippet_from_doc(&doc);
        s.set_snippet_prefix_postfix("[[", "]]");
        hits.push(Hit {
            rank: hits.len() + 1,
            score,
            doc_id: d.doc_id,
            source_file: d.source_file,
            kind: d.kind,
            year: d.year,
            title: d.title,
            snippet: s.to_html().replace('\n', " "),
        });
    }
    Ok(hits)
}

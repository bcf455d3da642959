//! A search: parse the query, apply the filters, rank by BM25, cut a passage.
//!
//! Words typed without operators must all match (in title, body, codes or
//! people); when no document has them all, the search is run again with any
//! word matching, so a query with one word too many still finds something,
//! ranked by how much of it matched. Filters (`--kind`, `--year`, `--from`,
//! `--to`) restrict without changing the ranking. Among the best
//! candidates, those where the words stand together rank above those where
//! they are scattered (see [`super::proximity`]).
//!
//! A date filter (`--from`, `--to`, or `date:` in the query) cannot match a
//! document without a date: those are left out unless
//! [`Request::include_undated`], and [`Answer::undated_not_shown`] says how
//! many the search would have found otherwise, so the person searching is
//! told rather than left to wonder.
//!
//! A page of hits further down ([`Request::offset`]) is cut from the same
//! ranking, and [`Answer::total`] counts every document that matched; a
//! search may order by date instead ([`Request::by_date`]: newest first,
//! undated last), and filter by collegial body ([`Request::body`]).

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::schema::Value;
use tantivy::Order;
use tantivy::TantivyDocument;

use super::proximity::Proximity;
use super::query::{self, Filters};
use super::snippet::{Highlighter, Passage};
use super::syntax;
use super::Index;
use crate::error::{Error, Result};

/// A search request, resolved from the command line.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub query: String,
    pub kind: Option<String>,
    pub year: Option<i32>,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    /// How many hits at most; at least 1.
    pub limit: usize,
    /// With a date filter: documents without a date are found too.
    pub include_undated: bool,
    /// Only documents of this collegial body (`Giunta Comunale`), as the
    /// index's `/body` facet holds it.
    pub body: Option<String>,
    /// How many of the best hits to pass over first (paging).
    pub offset: usize,
    /// Newest first (undated last) instead of by relevance.
    pub by_date: bool,
    /// No passages cut (a download wants the documents, not the words).
    pub skip_passages: bool,
}

/// What a search found.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    pub hits: Vec<Hit>,
    /// Documents without a date that match the query and every other
    /// filter, left out by a date filter (0 with `include_undated`).
    pub undated_not_shown: u64,
    /// How many documents match in all, of which `hits` is one page.
    pub total: u64,
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
    /// The collegial body and the register number of the act's first
    /// decision, for a list of hits (the web page's).
    #[serde(skip)]
    pub body: Option<String>,
    #[serde(skip)]
    pub number: Option<String>,
}

/// The hits of a search (see [`answer`] for what else it found).
pub fn search(index: &Index, req: &Request) -> Result<Vec<Hit>> {
    Ok(answer(index, req)?.hits)
}

/// Checks what the request asks for before anything is searched.
fn check(index: &Index, req: &Request, parsed: &syntax::Parsed) -> Result<Option<String>> {
    if req.limit == 0 {
        return Err(Error::Usage(
            "-n 0: il numero di risultati (--limit, -n) è almeno 1".into(),
        ));
    }
    if let (Some(from), Some(to)) = (req.from, req.to) {
        if from > to {
            return Err(Error::Usage(format!(
                "--from {from} viene dopo --to {to}: nessun documento può corrispondere"
            )));
        }
    }
    for kind in parsed.kinds() {
        query::check_kind(index, kind)
            .map_err(|m| Error::Query(format!("{m} (in `kind:{kind}`)")))?;
    }
    req.kind
        .as_deref()
        .map(|k| query::check_kind(index, k).map_err(|m| Error::Usage(format!("--kind: {m}"))))
        .transpose()
}

/// A search: the ranked hits, and how many undated documents a date filter
/// left out.
pub fn answer(index: &Index, req: &Request) -> Result<Answer> {
    let f = index.fields();
    let parsed = syntax::read(&req.query)?;
    let kind = check(index, req, &parsed)?;
    let filters = Filters {
        kind,
        year: req.year,
        from: req.from,
        to: req.to,
        include_undated: req.include_undated,
        body: req.body.clone(),
    };
    let searcher = index.searcher();
    let limit = req.limit;
    let wanted = req.offset.saturating_add(limit);
    let near = Proximity::new(index, &req.query).filter(|_| !req.by_date);
    // With a proximity bonus to add, rank a wider window of candidates and
    // re-rank it; otherwise just the hits asked for.
    let window = if near.is_some() {
        wanted.saturating_mul(4).max(40)
    } else {
        wanted
    };
    let run = |q: &dyn Query| -> Result<(Vec<(f32, tantivy::DocAddress)>, usize)> {
        let q = query::filtered(f, q.box_clone(), &filters);
        let (mut top, total) = if req.by_date {
            let by_date = TopDocs::with_limit(window)
                .order_by_fast_field::<tantivy::DateTime>("date", Order::Desc);
            let (top, total) = searcher.search(&*q, &(by_date, Count))?;
            let top = top.into_iter().map(|(_, addr)| (0.0, addr)).collect();
            (top, total)
        } else {
            searcher.search(&*q, &(TopDocs::with_limit(window).order_by_score(), Count))?
        };
        if let Some(near) = &near {
            near.rescore(&searcher, &mut top)?;
        }
        top.truncate(wanted);
        top.drain(..req.offset.min(top.len()));
        Ok((top, total))
    };
    let mut conjunction = true;
    let mut compiled = query::build(index, &parsed, conjunction, req.include_undated)?;
    let (mut top, mut total) = run(&*compiled.query)?;
    if total == 0 && !compiled.explicit {
        conjunction = false;
        compiled = query::build(index, &parsed, conjunction, req.include_undated)?;
        (top, total) = run(&*compiled.query)?;
    }
    let dated = compiled.dated || req.from.is_some() || req.to.is_some();
    let undated_not_shown = if dated && !req.include_undated {
        // The undated documents found with them included, less those found
        // without (a `NOT date:` finds undated documents either way).
        let count = |q: Box<dyn Query>, filters: &Filters| -> Result<u64> {
            let only_undated = BooleanQuery::new(vec![
                (Occur::Must, query::filtered(f, q, filters)),
                (Occur::Must, query::undated()),
            ]);
            Ok(searcher.search(&only_undated, &Count)? as u64)
        };
        let wide = query::build(index, &parsed, conjunction, true)?;
        let wide_filters = Filters {
            include_undated: true,
            ..filters.clone()
        };
        count(wide.query, &wide_filters)?
            .saturating_sub(count(compiled.query.box_clone(), &filters)?)
    } else {
        0
    };
    let q = compiled.query;
    let highlighter = Highlighter::new(&searcher, &*q, f)?;
    let mut hits = Vec::with_capacity(top.len());
    for (score, addr) in top {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        let passage = if req.skip_passages {
            Passage::default()
        } else {
            highlighter.passage(&doc)
        };
        let (body, number) = first_decision(&doc, f);
        hits.push(Hit {
            rank: req.offset + hits.len() + 1,
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
            title_marks: text(f.title)
                .filter(|_| !req.skip_passages)
                .map(|t| highlighter.mark(&t)),
            passage,
            body,
            number,
        });
    }
    // Equal scores in file-name order, not in the order the documents
    // happen to lie in the index: the same query ranks the same way after
    // a re-ingest or a merge of shards. (By date, the order is the date's.)
    if !req.by_date {
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.source_file.cmp(&b.source_file))
        });
        for (i, h) in hits.iter_mut().enumerate() {
            h.rank = req.offset + i + 1;
        }
    }
    Ok(Answer {
        hits,
        undated_not_shown,
        total: total as u64,
    })
}

/// The body and register number of the first decision in a stored record.
fn first_decision(doc: &TantivyDocument, f: &super::Fields) -> (Option<String>, Option<String>) {
    #[derive(serde::Deserialize)]
    struct Record {
        #[serde(default)]
        decisions: Vec<First>,
    }
    #[derive(serde::Deserialize)]
    struct First {
        body: Option<String>,
        act_number: Option<String>,
    }
    doc.get_first(f.record)
        .and_then(|v| v.as_str())
        .and_then(|json| serde_json::from_str::<Record>(json).ok())
        .and_then(|r| r.decisions.into_iter().next())
        .map(|d| (d.body, d.act_number))
        .unwrap_or_default()
}

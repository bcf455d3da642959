//! What the index holds, counted from the index itself: documents by kind,
//! year, status and collegial body (from the `facet` field), failures, the
//! last ingest (from the `ingested_at` column) and the size on disk. No
//! stored record is read, so this is quick on a large index.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::{Count, FacetCollector};
use tantivy::query::{AllQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::{schema, Index};
use crate::error::Result;

/// Counts of what the index holds.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Stats {
    pub documents: usize,
    pub failures: usize,
    pub by_kind: BTreeMap<String, u64>,
    pub by_year: BTreeMap<String, u64>,
    pub by_status: BTreeMap<String, u64>,
    /// Documents by the collegial body that decided them.
    pub by_body: BTreeMap<String, u64>,
    pub index_bytes: u64,
    /// RFC 3339 time of the latest ingest that wrote a record.
    pub last_ingest: Option<String>,
}

impl Index {
    /// Counts what the index holds.
    pub fn stats(&self) -> Result<Stats> {
        let f = self.fields();
        let searcher = self.searcher();
        let count = |ty: &str| {
            searcher.search(
                &TermQuery::new(
                    Term::from_field_text(f.record_type, ty),
                    IndexRecordOption::Basic,
                ),
                &Count,
            )
        };
        let mut s = Stats {
            documents: count(schema::DOCUMENT)?,
            failures: count(schema::FAILURE)?,
            index_bytes: self.size_bytes(),
            ..Stats::default()
        };
        let mut facets = FacetCollector::for_field("facet");
        for root in ["/kind", "/year", "/status", "/body"] {
            facets.add_facet(root);
        }
        let counts = searcher.search(&AllQuery, &facets)?;
        for (root, map) in [
            ("/kind", &mut s.by_kind),
            ("/year", &mut s.by_year),
            ("/status", &mut s.by_status),
            ("/body", &mut s.by_body),
        ] {
            for (facet, n) in counts.get(root) {
                let name = facet.to_path().last().map(|p| p.to_string());
                map.insert(name.unwrap_or_default(), n);
            }
        }
        let undated = s.documents as u64 - s.by_year.values().sum::<u64>();
        if undated > 0 {
            s.by_year.insert("-".into(), undated);
        }
        let mut last: Option<String> = None;
        for segment in searcher.segment_readers() {
            let Some(col) = segment.fast_fields().str("ingested_at")? else {
                continue;
            };
            let max_ord = segment
                .doc_ids_alive()
                .filter_map(|d| col.term_ords(d).next())
                .max();
            if let Some(ord) = max_ord {
                let mut buf = String::new();
                if col.ord_to_str(ord, &mut buf).unwrap_or(false)
                    && last.as_deref().is_none_or(|l| buf.as_str() > l)
                {
                    last = Some(buf);
                }
            }
        }
        s.last_ingest = last.filter(|l| !l.is_empty());
        Ok(s)
    }
}

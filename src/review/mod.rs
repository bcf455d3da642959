//! Rules tried on the whole archive: candidate rules applied to the stored
//! pages of an indexed archive (see [`crate::index::pages`]), without
//! reading a file and without changing the index.
//!
//! [`replay`] walks the index's documents in chunks, applies the rules to
//! each chunk's stored pages on all cores (rayon), and hands every document
//! with its new reading to a visitor: [`diff`] compares what the index holds
//! with what the rules read now, [`stats`] counts each rule's hits. A
//! document whose record the candidate rules would make again (the same
//! fingerprint for its kind, see [`crate::rules::fingerprint`]) is not read
//! again unless the visitor asks for every document; nor is one whose
//! stored pages nothing that changed can find anything in (see
//! [`crate::rules::delta`]): its pages are looked at, the rules not applied.

pub mod diff;
pub mod stats;

use std::path::Path;

use rayon::prelude::*;

use crate::error::Result;
use crate::index::pages::PageStore;
use crate::index::Index;
use crate::ingest::discover::Candidate;
use crate::ingest::work::{build_document_ruled, catch};
use crate::record::Document;
use crate::rules::delta::Deltas;
use crate::rules::RuleSet;

/// Documents handed to the rules at once: bounds the memory held.
const CHUNK: usize = 512;

/// One document of the index and what the rules read from its pages now.
pub enum Replayed {
    /// Its fingerprint is the candidate rules' own for its kind: the
    /// record stands (not read again).
    Current(Document),
    /// Made by other rules, but nothing that changed finds anything in its
    /// stored pages: the record stands.
    Untouched(Document),
    /// Read again from its stored pages: the record, the new one, and the id
    /// of the `[[kind]]` rule that classified it (none: `other`).
    Read(Document, Document, Option<String>),
    /// No pages of this extractor are stored for it (an index made before
    /// pages were stored, or by another extractor): run `atti ingest`.
    NoPages(Document),
    /// The rules failed on it (a panic caught): the message.
    Failed(Document, String),
}

/// Which documents a replay visits.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Only documents of this kind (as the index reports it).
    pub kind: Option<String>,
    /// Read every document again, even those whose fingerprint is current.
    pub all: bool,
}

/// Applies `rules` to the stored pages of the index's documents in
/// `scope`, calling `visit` for each in index order.
pub fn replay(
    index_path: &Path,
    rules: &RuleSet,
    scope: &Scope,
    mut visit: impl FnMut(Replayed) -> Result<()>,
) -> Result<()> {
    let index = Index::open(index_path)?;
    let store = PageStore::of_index(index_path);
    let deltas = crate::ingest::lineage::deltas(index_path, rules, &index.known()?);
    let ingested_at = crate::ingest::now_rfc3339();
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut flush = |chunk: &mut Vec<Document>| -> Result<()> {
        let done: Vec<Replayed> = chunk
            .par_drain(..)
            .map(|d| one(rules, &store, &deltas, scope, d, &ingested_at))
            .collect();
        done.into_iter().try_for_each(&mut visit)
    };
    index.for_each_document(false, |d| {
        if scope.kind.as_deref().is_some_and(|k| k != d.kind) {
            return Ok(());
        }
        chunk.push(d);
        if chunk.len() >= CHUNK {
            flush(&mut chunk)?;
        }
        Ok(())
    })?;
    flush(&mut chunk)
}

fn one(
    rules: &RuleSet,
    store: &PageStore,
    deltas: &Deltas,
    scope: &Scope,
    d: Document,
    at: &str,
) -> Replayed {
    if !scope.all && rules.is_current(&d.pipeline) {
        return Replayed::Current(d);
    }
    let Some(reading) = store.load(&d.sha256) else {
        return Replayed::NoPages(d);
    };
    if !scope.all && rules.leaves(deltas, &d.pipeline, &reading.pages).is_some() {
        return Replayed::Untouched(d);
    }
    let c = Candidate {
        path: d.source_file.clone().into(),
        source_file: d.source_file.clone(),
        source_type: crate::read::SourceType::Text,
    };
    match catch(|| Ok(build_document_ruled(rules, &c, &d.sha256, reading, at))) {
        Ok((new, kind_rule)) => Replayed::Read(d, new, kind_rule),
        Err(e) => Replayed::Failed(d, e.to_string()),
    }
}

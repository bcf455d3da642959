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
use crate::index::{schema, Index, Known};
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
    Current,
    /// Made by other rules, but nothing that changed finds anything in its
    /// stored pages: the record stands.
    Untouched,
    /// Read again from its stored pages: the record, the new one, and the id
    /// of the `[[kind]]` rule that classified it (none: `other`).
    Read(Box<Document>, Box<Document>, Option<String>),
    /// No pages of this extractor are stored for it (an index made before
    /// pages were stored, or by another extractor): run `atti ingest`.
    NoPages,
    /// The rules failed on it (a panic caught): the message.
    Failed(String),
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
/// `scope`, calling `visit` for each in the order of their file names. A
/// document's record is read from the index only when the rules are
/// applied to it.
pub fn replay(
    index_path: &Path,
    rules: &RuleSet,
    scope: &Scope,
    mut visit: impl FnMut(Replayed) -> Result<()>,
) -> Result<()> {
    let index = Index::open(index_path)?;
    let store = PageStore::of_index(index_path);
    let known = index.known()?;
    let deltas = crate::ingest::lineage::deltas(index_path, rules, &known);
    let mut docs: Vec<(&String, &Known)> = known
        .iter()
        .filter(|(_, k)| k.record_type == schema::DOCUMENT)
        .filter(|(_, k)| scope.kind.as_deref().is_none_or(|want| want == k.kind))
        .collect();
    docs.sort_by_key(|(source_file, _)| *source_file);
    let at = crate::ingest::now_rfc3339();
    let ctx = Replay {
        index: &index,
        rules,
        store: &store,
        deltas: &deltas,
        scope,
        at: &at,
    };
    for chunk in docs.chunks(CHUNK) {
        let done: Vec<Replayed> = chunk
            .par_iter()
            .map(|(source_file, k)| ctx.one(source_file, k))
            .collect::<Result<_>>()?;
        done.into_iter().try_for_each(&mut visit)?;
    }
    Ok(())
}

/// What each document's replay needs, shared by the threads.
struct Replay<'a> {
    index: &'a Index,
    rules: &'a RuleSet,
    store: &'a PageStore,
    deltas: &'a Deltas,
    scope: &'a Scope,
    at: &'a str,
}

impl Replay<'_> {
    fn one(&self, source_file: &str, k: &Known) -> Result<Replayed> {
        let all = self.scope.all;
        if !all && self.rules.is_current(&k.pipeline) {
            return Ok(Replayed::Current);
        }
        let Some(reading) = self.store.load(&k.sha256) else {
            return Ok(Replayed::NoPages);
        };
        if !all
            && self
                .rules
                .leaves(self.deltas, &k.pipeline, &reading.pages)
                .is_some()
        {
            return Ok(Replayed::Untouched);
        }
        let Some(d) = self.index.get(source_file)? else {
            return Ok(Replayed::NoPages);
        };
        let c = Candidate {
            path: d.source_file.clone().into(),
            source_file: d.source_file.clone(),
            source_type: crate::read::SourceType::Text,
        };
        let built = catch(|| {
            Ok(build_document_ruled(
                self.rules, &c, &d.sha256, reading, self.at,
            ))
        });
        Ok(match built {
            Ok((new, kind_rule)) => Replayed::Read(Box::new(d), Box::new(new), kind_rule),
            Err(e) => Replayed::Failed(e.to_string()),
        })
    }
}

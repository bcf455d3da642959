//! What to do with one file: skip it when its size and time are those the
//! index holds and its record is what the rules in force make; apply the
//! rules again to its stored pages when only the rules (or the engine)
//! changed; else have it worked (read once, hashed, and read into a
//! document unless its bytes are unchanged), in a worker process when there
//! is a pool.

use std::collections::HashMap;

use super::discover::Candidate;
use super::pool::Pool;
use super::work::{build_document, catch, work, Worked};
use crate::index::pages::PageStore;
use crate::index::Known;
use crate::read::ocr::Ocr;
use crate::read::Limits;
use crate::record::{Document, Failure};
use crate::rules::RuleSet;

/// What happened to one file.
#[derive(Debug)]
pub enum Outcome {
    Document(Box<Document>, Change),
    /// An unchanged file whose record was made by other rules: the rules in
    /// force applied to its stored pages, the file not read.
    Reapplied(Box<Document>),
    /// An unchanged file whose record was made by other rules that the
    /// change cannot touch (see [`crate::rules::delta`]): the record
    /// stands, current for the rules in force.
    Unaffected {
        sha256: String,
        from: String,
        to: String,
    },
    /// The file could not be read (or its rules failed): a row of the
    /// failures table, counted as failed only, whether it was new or changed.
    Failure(Failure),
    Unchanged,
    /// Unchanged content under a new size/time stamp (a copy, a `touch`):
    /// the record stays, with the new stamp.
    Restamp(String, String),
}

/// Whether an outcome is for a file the index did not hold, or a changed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    New,
    Changed,
}

/// What every worker thread needs, shared read-only.
#[derive(Clone, Copy)]
pub(super) struct Context<'a> {
    pub(super) rules: &'a RuleSet,
    pub(super) known: &'a HashMap<String, Known>,
    pub(super) limits: &'a Limits,
    pub(super) reextract: bool,
    pub(super) ingested_at: &'a str,
    pub(super) pool: Option<&'a Pool>,
    pub(super) store: &'a PageStore,
    /// What changed since the rules that made the records.
    pub(super) deltas: &'a crate::rules::delta::Deltas,
    pub(super) ocr: &'a Ocr,
    /// Called with each page read by OCR (its milliseconds).
    pub(super) on_ocr_page: &'a (dyn Fn(u64) + Sync),
}

impl Context<'_> {
    /// Skips a file whose size and modification time are those the index
    /// holds and whose record the rules in force would make again; applies
    /// the rules to its stored pages when its record was made by other rules
    /// (and the pages by this extractor); else has it read and hashed, skips
    /// it when its content is unchanged (asking for a new stamp), and keeps
    /// the document read from it otherwise (in a worker process when there
    /// is a pool).
    pub(super) fn process(&self, c: &Candidate) -> Outcome {
        let pipeline = self.rules.fingerprint();
        let prior = self.known.get(&c.source_file);
        let change = if prior.is_some() {
            Change::Changed
        } else {
            Change::New
        };
        let stamp = std::fs::metadata(&c.path)
            .map(|m| stamp_of(&m))
            .unwrap_or_default();
        let same_pipeline =
            prior.is_some_and(|k| !self.reextract && self.rules.is_current(&k.pipeline));
        let same_stamp = prior.is_some_and(|k| !stamp.is_empty() && k.stamp == stamp);
        if same_pipeline && same_stamp {
            return Outcome::Unchanged;
        }
        if same_stamp && !self.reextract {
            let reusable = prior.filter(|k| !k.failed() && !k.sha256.is_empty());
            if let Some(done) = reusable.and_then(|k| self.reapply(c, k, &stamp)) {
                return done;
            }
        }
        let known_sha256 = prior.filter(|_| same_pipeline).map(|k| k.sha256.as_str());
        let result = match self.pool {
            Some(pool) => pool.run(
                c,
                known_sha256,
                self.ingested_at,
                !self.reextract,
                self.on_ocr_page,
            ),
            None => work(
                self.rules,
                c,
                known_sha256,
                self.limits,
                self.ingested_at,
                Some(self.store),
                !self.reextract,
                self.ocr,
                &mut |ms| (self.on_ocr_page)(ms),
                |_| {},
            ),
        };
        match result {
            Ok(Worked::Document(mut doc)) => {
                doc.stamp = stamp;
                Outcome::Document(doc, change)
            }
            // Touched or copied, not changed: keep the record, note the new
            // stamp. A failure keeps its old stamp (it is hashed again next
            // time): re-stamping reads the stored record, which only
            // documents have.
            Ok(Worked::Same)
                if prior.is_some_and(|k| k.record_type != crate::index::schema::DOCUMENT) =>
            {
                Outcome::Unchanged
            }
            Ok(Worked::Same) => Outcome::Restamp(c.source_file.clone(), stamp),
            Err(f) => Outcome::Failure(Failure {
                source_file: c.source_file.clone(),
                stage: f.stage,
                reason: f.reason,
                sha256: f.sha256,
                stamp,
                pipeline: pipeline.to_owned(),
                ingested_at: self.ingested_at.to_owned(),
            }),
        }
    }
}

impl Context<'_> {
    /// The rules in force applied to the stored pages of the file's
    /// content, unless the change of rules cannot touch them; `None` when
    /// no pages are stored by this extractor (the file is read then).
    fn reapply(&self, c: &Candidate, prior: &Known, stamp: &str) -> Option<Outcome> {
        let sha256 = prior.sha256.as_str();
        let reading = self
            .store
            .load(sha256)
            .filter(|r| !crate::read::ocr::stale(r, self.ocr))?;
        if let Some(to) = self
            .rules
            .leaves(self.deltas, &prior.pipeline, &reading.pages)
        {
            return Some(Outcome::Unaffected {
                sha256: sha256.to_owned(),
                from: prior.pipeline.clone(),
                to: to.to_owned(),
            });
        }
        let built = catch(|| {
            Ok(build_document(
                self.rules,
                c,
                sha256,
                reading,
                self.ingested_at,
            ))
        });
        Some(match built {
            Ok(mut doc) => {
                doc.stamp = stamp.to_owned();
                Outcome::Reapplied(Box::new(doc))
            }
            Err(e) => Outcome::Failure(Failure {
                source_file: c.source_file.clone(),
                stage: "rules".into(),
                reason: e.to_string(),
                sha256: Some(sha256.to_owned()),
                stamp: stamp.to_owned(),
                pipeline: self.rules.fingerprint().to_owned(),
                ingested_at: self.ingested_at.to_owned(),
            }),
        })
    }
}

/// `SIZE:MTIME_NS` of a file, the cheap test for "unchanged".
pub(super) fn stamp_of(m: &std::fs::Metadata) -> String {
    let mtime = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!("{}:{mtime}", m.len())
}

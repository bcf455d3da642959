//! Per-file work: read the file once, hash the bytes read, and unless they
//! are what the index already holds, read their pages, store them (see
//! [`crate::index::pages`]) and apply the rules.
//!
//! The hash and the text come from the same bytes, so a file replaced while
//! it is read cannot be stored with one version's hash and the other's text.
//! This runs in a worker process (see [`super::pool`]) or, without a pool,
//! in the ingest itself.

use std::io::Read;
use std::panic::AssertUnwindSafe;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::discover::Candidate;
use crate::digest::sha256_hex;
use crate::error::{Error, Result};
use crate::index::pages::PageStore;
use crate::read::ocr::Ocr;
use crate::read::{self, Limits, Reading, Status};
use crate::record::Document;
use crate::rules::RuleSet;

/// What became of a file that was read.
#[derive(Debug, Serialize, Deserialize)]
pub enum Worked {
    /// Its pages were read and the rules applied.
    Document(Box<Document>),
    /// Its bytes hash to what the index holds (a touched or copied file).
    Same,
}

/// Why a file did not become a document: the stage, a sentence, and the
/// hash of its bytes when they were read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkFailure {
    pub stage: String,
    pub reason: String,
    #[serde(default)]
    pub sha256: Option<String>,
}

impl WorkFailure {
    pub fn new(stage: &str, reason: impl Into<String>) -> WorkFailure {
        WorkFailure {
            stage: stage.into(),
            reason: reason.into(),
            sha256: None,
        }
    }

    fn hashed(mut self, sha256: &str) -> WorkFailure {
        self.sha256 = Some(sha256.to_owned());
        self
    }
}

/// Reads one file (at most `limits.max_file_bytes`), hashes it and calls
/// `hashed` with the hash; returns [`Worked::Same`] when the hash is
/// `known_sha256`, else reads its pages, keeps them in `store` (a store
/// that cannot be written only costs a file read at the next rules change)
/// and applies the rules; with `reuse_pages`, pages stored for the same
/// bytes are used instead of reading them. Scanned pages are read by OCR as `ocr` says,
/// `on_ocr_page` called after each with its milliseconds. Panics are
/// caught; an encrypted PDF is a document with status `encrypted`.
#[allow(clippy::too_many_arguments)]
pub fn work(
    rules: &RuleSet,
    c: &Candidate,
    known_sha256: Option<&str>,
    limits: &Limits,
    ingested_at: &str,
    store: Option<&PageStore>,
    reuse_pages: bool,
    ocr: &Ocr,
    on_ocr_page: &mut dyn FnMut(u64),
    hashed: impl FnOnce(&str),
) -> std::result::Result<Worked, WorkFailure> {
    let bytes = read_file(&c.path, limits.max_file_bytes)?;
    let sha256 = sha256_hex(&bytes);
    hashed(&sha256);
    if known_sha256 == Some(sha256.as_str()) {
        return Ok(Worked::Same);
    }
    // Pages this extractor stored for the same bytes (under another name,
    // or before a touch) are used as they are: a scan is never read by
    // OCR twice.
    let stored = store
        .filter(|_| reuse_pages)
        .and_then(|s| s.load(&sha256))
        .filter(|r| !crate::read::ocr::stale(r, ocr));
    if let Some(reading) = stored {
        return catch(|| Ok(build_document(rules, c, &sha256, reading, ingested_at)))
            .map(|d| Worked::Document(Box::new(d)))
            .map_err(|e| WorkFailure::new("rules", e.to_string()).hashed(&sha256));
    }
    let reading = match catch(|| read::read_with(&bytes, c.source_type, limits, ocr, on_ocr_page)) {
        Ok(r) => r,
        Err(Error::Encrypted) => Reading {
            status: Status::Encrypted,
            extractor: "pdf".into(),
            ..Reading::default()
        },
        Err(e) => return Err(WorkFailure::new("extract", e.to_string()).hashed(&sha256)),
    };
    if let Some(store) = store {
        let _ = store.save(&sha256, &reading);
    }
    catch(|| Ok(build_document(rules, c, &sha256, reading, ingested_at)))
        .map(|d| Worked::Document(Box::new(d)))
        .map_err(|e| WorkFailure::new("rules", e.to_string()).hashed(&sha256))
}

/// The bytes of a file, refused when it is larger than `max` (asked of the
/// open file, so the size is that of what is read).
fn read_file(path: &Path, max: u64) -> std::result::Result<Vec<u8>, WorkFailure> {
    let fail = |e: std::io::Error| WorkFailure::new("read", read_reason(&e));
    let file = std::fs::File::open(path).map_err(fail)?;
    let size = file.metadata().map_err(fail)?.len();
    if size > max {
        let reason = format!("file di {size} byte, oltre il limite di {max} byte");
        return Err(WorkFailure::new("read", reason));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(max + 1).read_to_end(&mut bytes).map_err(fail)?;
    if bytes.len() as u64 > max {
        let reason = format!("il file è cresciuto oltre il limite di {max} byte mentre era letto");
        return Err(WorkFailure::new("read", reason));
    }
    Ok(bytes)
}

fn read_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "il file è sparito prima di essere letto".into(),
        std::io::ErrorKind::PermissionDenied => "permesso negato".into(),
        _ => format!("il file non si può leggere: {e}"),
    }
}

/// Runs `f`, turning a panic into [`Error::Panic`].
pub fn catch<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    match std::panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(Error::Panic(msg))
        }
    }
}

/// Turns a file's pages and what the rules read in them into a [`Document`].
pub fn build_document(
    rules: &RuleSet,
    c: &Candidate,
    sha256: &str,
    reading: Reading,
    ingested_at: &str,
) -> Document {
    build_document_ruled(rules, c, sha256, reading, ingested_at).0
}

/// As [`build_document`], with the id of the `[[kind]]` rule that chose the
/// document's kind (`None`: `other`), which the record does not keep.
pub fn build_document_ruled(
    rules: &RuleSet,
    c: &Candidate,
    sha256: &str,
    reading: Reading,
    ingested_at: &str,
) -> (Document, Option<String>) {
    let status =
        if reading.status == Status::Ok && reading.pages.iter().all(|p| p.text.trim().is_empty()) {
            Status::NoText
        } else {
            reading.status
        };
    let x = if status == Status::Ok {
        rules.apply(&reading.pages)
    } else {
        let other = crate::record::kind::OTHER;
        crate::rules::RuleOutput {
            kind: other.into(),
            pipeline: rules.fingerprints().of_kind(other).to_owned(),
            ..Default::default()
        }
    };
    let title = x
        .title
        .clone()
        .or_else(|| reading.title_hint.clone())
        .or_else(|| x.lead.clone());
    let year = x
        .year
        .or_else(|| x.date.map(|d| chrono::Datelike::year(&d)));
    let mut warnings = reading.warnings.clone();
    let signature = reading.signature.clone().unwrap_or_default();
    let ocr_confidence = reading
        .ocr_confidence()
        .map(|c| (f64::from(c) * 10.0).round() / 10.0);
    warnings.extend(x.warnings);
    let doc = Document {
        doc_id: sha256[..16].to_owned(),
        source_file: c.source_file.clone(),
        paths: vec![c.source_file.clone()],
        kind: x.kind,
        status,
        title,
        year,
        date: x.date,
        pages: reading.pages.len() as u32,
        chars: if status == Status::Ok {
            reading.chars()
        } else {
            0
        },
        sha256: sha256.to_owned(),
        extractor: reading.extractor,
        ingested_at: ingested_at.to_owned(),
        stamp: String::new(),
        pipeline: x.pipeline,
        page_texts: if status == Status::Ok {
            reading.pages.into_iter().map(|p| p.text).collect()
        } else {
            Vec::new()
        },
        objectives: x.objectives,
        phases: x.phases,
        indicators: x.indicators,
        decisions: x.decisions,
        references: x.references,
        amounts: x.amounts,
        parties: x.parties,
        administration: x.administration,
        fields: x.fields,
        warnings,
        signer: (!signature.signers.is_empty()).then(|| signature.signers.join("; ")),
        signed_at: signature.signed_at,
        ocr_confidence,
    };
    (doc, x.kind_rule)
}

//! The ingest pipeline: discover -> read -> extract -> rules -> record -> index.
//!
//! Files are processed in parallel on a rayon pool; each worker turns one
//! [`Candidate`] into an [`Outcome`] (a document, a failure, or "unchanged"),
//! and sends it over a bounded channel to the one thread that owns the index
//! writer, as fd does with its walker. A failing file is an outcome like any
//! other: the run goes on. Changes are committed in batches, so a search
//! during an ingest sees the last committed state and a killed ingest loses
//! at most the batch in flight.

use std::collections::{HashMap, HashSet};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use crate::discover::{discover, source_name, Candidate};
use crate::error::{Error, Result};
use crate::extract::{self, Extracted, Limits, Status};
use crate::index::{Index, Known};
use crate::progress::Progress;
use crate::record::{Document, Failure};
use crate::rules::RuleSet;
use crate::worker::{Pool, WorkerCommand};

/// How an ingest runs, resolved from the command line.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    pub paths: Vec<PathBuf>,
    pub index: PathBuf,
    pub jobs: usize,
    pub timeout: Duration,
    pub prune: bool,
    pub force: bool,
    pub limits: Limits,
    /// Files per commit.
    pub batch: usize,
    /// Extract in worker processes started with this command; `None`
    /// extracts in this process (no protection against crashes and hangs).
    pub worker: Option<WorkerCommand>,
}

/// What happened to one file.
#[derive(Debug)]
pub enum Outcome {
    Document(Box<Document>, Change),
    Failure(Failure, Change),
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

/// The counts printed at the end of an ingest. `seen` = `new` + `changed` +
/// `unchanged` + discover failures; every seen file ends up as a document or
/// a failure.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub seen: usize,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// Files that failed in this run (any stage).
    pub failed: usize,
    pub no_text: usize,
    pub encrypted: usize,
    pub pruned: usize,
    /// Files of other types, not read.
    pub skipped: usize,
    /// Documents and failures the index holds after the run.
    pub documents_in_index: usize,
    pub failures_in_index: usize,
    pub elapsed_ms: u64,
}

/// Current time as RFC 3339, seconds precision, UTC.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        use std::fmt::Write;
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Runs an ingest.
pub fn ingest(cfg: &IngestConfig, rules: &RuleSet, progress: &Progress) -> Result<Summary> {
    let started = Instant::now();
    let index = Index::open_or_create(&cfg.index)?;
    // Take the lock before any work: a second ingest is refused at once.
    let mut writer = index.writer()?;
    let known = index.known()?;
    let found = discover(&cfg.paths);
    let ingested_at = now_rfc3339();

    let mut summary = Summary {
        seen: found.candidates.len() + found.failures.len(),
        skipped: found.skipped,
        ..Summary::default()
    };
    for f in &found.failures {
        let mut f = f.clone();
        f.ingested_at = ingested_at.clone();
        f.pipeline = rules.fingerprint().to_owned();
        writer.put_failure(&f)?;
        summary.failed += 1;
    }

    progress.start(found.candidates.len() as u64);
    let threads = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.jobs.max(1))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {} worker threads: {e}", cfg.jobs)))?;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Outcome>(64);
    let pool = cfg.worker.clone().map(|cmd| Pool::new(cmd, cfg.timeout));
    let ctx = Context {
        rules,
        known: &known,
        limits: &cfg.limits,
        force: cfg.force,
        ingested_at: &ingested_at,
        pool: pool.as_ref(),
    };
    let candidates = &found.candidates;
    let mut pending = 0usize;
    let result: Result<()> = std::thread::scope(|scope| {
        scope.spawn(move || {
            threads.install(|| {
                candidates.par_iter().for_each_with(tx, |tx, c| {
                    let _ = tx.send(ctx.process(c));
                })
            })
        });
        for outcome in rx {
            progress.inc();
            match outcome {
                Outcome::Unchanged => summary.unchanged += 1,
                Outcome::Restamp(source_file, stamp) => {
                    summary.unchanged += 1;
                    if let Some(mut doc) = index.get(&source_file)? {
                        doc.stamp = stamp;
                        writer.put_document(&doc)?;
                        pending += 1;
                    }
                }
                Outcome::Document(doc, change) => {
                    count_change(&mut summary, change);
                    match doc.status {
                        Status::NoText => summary.no_text += 1,
                        Status::Encrypted => summary.encrypted += 1,
                        Status::Ok => {}
                    }
                    writer.put_document(&doc)?;
                    pending += 1;
                }
                Outcome::Failure(f, change) => {
                    count_change(&mut summary, change);
                    summary.failed += 1;
                    progress.note(&format!("{}: {} ({})", f.source_file, f.reason, f.stage));
                    writer.put_failure(&f)?;
                    pending += 1;
                }
            }
            if pending >= cfg.batch {
                writer.commit()?;
                pending = 0;
            }
        }
        Ok(())
    });
    result?;

    if cfg.prune {
        let present: HashSet<&str> = found
            .candidates
            .iter()
            .map(|c| c.source_file.as_str())
            .chain(found.failures.iter().map(|f| f.source_file.as_str()))
            .collect();
        let roots: Vec<String> = cfg.paths.iter().map(|p| source_name(p)).collect();
        for source_file in known.keys() {
            let under_root = roots.iter().any(|r| {
                r.is_empty()
                    || r == "."
                    || source_file == r
                    || source_file.starts_with(&format!("{}/", r.trim_end_matches('/')))
            });
            if under_root && !present.contains(source_file.as_str()) {
                writer.delete(source_file);
                summary.pruned += 1;
            }
        }
    }
    writer.finish()?;
    progress.finish();
    let counts = index.stats()?;
    summary.documents_in_index = counts.documents;
    summary.failures_in_index = counts.failures;
    summary.elapsed_ms = started.elapsed().as_millis() as u64;
    Ok(summary)
}

fn count_change(summary: &mut Summary, change: Change) {
    match change {
        Change::New => summary.new += 1,
        Change::Changed => summary.changed += 1,
    }
}

/// What every worker thread needs, shared read-only.
#[derive(Clone, Copy)]
struct Context<'a> {
    rules: &'a RuleSet,
    known: &'a HashMap<String, Known>,
    limits: &'a Limits,
    force: bool,
    ingested_at: &'a str,
    pool: Option<&'a Pool>,
}

impl Context<'_> {
    /// Skips a file whose size and modification time are those the index
    /// holds; else reads and hashes it, skips it when its content is
    /// unchanged (asking for a new stamp), and extracts it otherwise (in a
    /// worker process when there is a pool).
    fn process(&self, c: &Candidate) -> Outcome {
        let pipeline = self.rules.fingerprint();
        let prior = self.known.get(&c.source_file);
        let change = if prior.is_some() {
            Change::Changed
        } else {
            Change::New
        };
        let meta = std::fs::metadata(&c.path).ok();
        let stamp = meta.as_ref().map(stamp_of).unwrap_or_default();
        let failure = |f: WorkFailure, sha256: Option<String>| {
            Outcome::Failure(
                Failure {
                    source_file: c.source_file.clone(),
                    stage: f.stage,
                    reason: f.reason,
                    sha256,
                    stamp: stamp.clone(),
                    pipeline: pipeline.to_owned(),
                    ingested_at: self.ingested_at.to_owned(),
                },
                change,
            )
        };
        let same_pipeline = prior.is_some_and(|k| !self.force && k.pipeline == pipeline);
        if same_pipeline && prior.is_some_and(|k| !stamp.is_empty() && k.stamp == stamp) {
            return Outcome::Unchanged;
        }
        let size = meta.map_or(0, |m| m.len());
        if size > self.limits.max_file_bytes {
            let reason = format!(
                "file of {size} bytes is over the limit of {} bytes",
                self.limits.max_file_bytes
            );
            return failure(WorkFailure::new("read", reason), None);
        }
        let bytes = match std::fs::read(&c.path) {
            Ok(b) => b,
            Err(e) => return failure(WorkFailure::new("read", read_reason(&e)), None),
        };
        let sha256 = sha256_hex(&bytes);
        if let Some(k) = prior.filter(|k| same_pipeline && k.sha256 == sha256) {
            // Touched or copied, not changed: keep the record, note the new
            // stamp. A failure keeps its old stamp (it is hashed again next
            // time): re-stamping reads the stored record, which only
            // documents have.
            return if k.failed {
                Outcome::Unchanged
            } else {
                Outcome::Restamp(c.source_file.clone(), stamp)
            };
        }
        let result = match self.pool {
            Some(pool) => {
                drop(bytes);
                pool.run(c, &sha256, self.ingested_at)
            }
            None => work(
                self.rules,
                c,
                &sha256,
                &bytes,
                self.limits,
                self.ingested_at,
            ),
        };
        match result {
            Ok(mut doc) => {
                doc.stamp = stamp;
                Outcome::Document(Box::new(doc), change)
            }
            Err(f) => failure(f, Some(sha256)),
        }
    }
}

/// `SIZE:MTIME_NS` of a file, the cheap test for "unchanged".
fn stamp_of(m: &std::fs::Metadata) -> String {
    let mtime = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!("{}:{mtime}", m.len())
}

/// Why a file did not become a document: the stage and a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct WorkFailure {
    pub stage: String,
    pub reason: String,
}

impl WorkFailure {
    pub fn new(stage: &str, reason: impl Into<String>) -> WorkFailure {
        WorkFailure {
            stage: stage.into(),
            reason: reason.into(),
        }
    }
}

/// Extracts one file whose bytes are read and hashed, applies the rules and
/// builds its document. Panics are caught; an encrypted PDF is a document
/// with status `encrypted`.
pub fn work(
    rules: &RuleSet,
    c: &Candidate,
    sha256: &str,
    bytes: &[u8],
    limits: &Limits,
    ingested_at: &str,
) -> std::result::Result<Document, WorkFailure> {
    let extracted = match catch(|| extract::extract(bytes, c.source_type, limits)) {
        Ok(e) => e,
        Err(Error::Encrypted) => Extracted {
            status: Status::Encrypted,
            extractor: "pdf".into(),
            ..Extracted::default()
        },
        Err(e) => return Err(WorkFailure::new("extract", e.to_string())),
    };
    catch(|| Ok(build_document(rules, c, sha256, extracted, ingested_at)))
        .map_err(|e| WorkFailure::new("rules", e.to_string()))
}

pub(crate) fn read_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "the file vanished before it could be read".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read the file: {e}"),
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

/// Turns extracted text and what the rules read into a [`Document`].
pub fn build_document(
    rules: &RuleSet,
    c: &Candidate,
    sha256: &str,
    extracted: Extracted,
    ingested_at: &str,
) -> Document {
    let status = if extracted.status == Status::Ok
        && extracted.pages.iter().all(|p| p.text.trim().is_empty())
    {
        Status::NoText
    } else {
        extracted.status
    };
    let x = if status == Status::Ok {
        rules.extract(&extracted.pages)
    } else {
        crate::rules::Extraction {
            kind: crate::record::kind::OTHER.into(),
            ..Default::default()
        }
    };
    let title = x
        .title
        .clone()
        .or_else(|| extracted.title_hint.clone())
        .or_else(|| x.lead.clone());
    let year = x
        .year
        .or_else(|| x.date.map(|d| chrono::Datelike::year(&d)));
    let mut warnings = extracted.warnings.clone();
    warnings.extend(x.warnings);
    Document {
        doc_id: sha256[..16].to_owned(),
        source_file: c.source_file.clone(),
        kind: x.kind,
        status,
        title,
        year,
        date: x.date,
        pages: extracted.pages.len() as u32,
        chars: if status == Status::Ok {
            extracted.chars()
        } else {
            0
        },
        sha256: sha256.to_owned(),
        extractor: extracted.extractor,
        ingested_at: ingested_at.to_owned(),
        stamp: String::new(),
        pipeline: rules.fingerprint().to_owned(),
        page_texts: if status == Status::Ok {
            extracted.pages.into_iter().map(|p| p.text).collect()
        } else {
            Vec::new()
        },
        objectives: x.objectives,
        phases: x.phases,
        indicators: x.indicators,
        decisions: x.decisions,
        references: x.references,
        fields: x.fields,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(dir: &std::path::Path, index: &std::path::Path) -> IngestConfig {
        IngestConfig {
            paths: vec![dir.to_owned()],
            index: index.to_owned(),
            jobs: 2,
            timeout: Duration::from_secs(30),
            prune: true,
            force: false,
            limits: Limits::default(),
            batch: 2,
            worker: None,
        }
    }

    #[test]
    fn unchanged_touched_changed_and_removed_files() {
        let dir = tempfile::tempdir().unwrap();
        let index = tempfile::tempdir().unwrap();
        let rules = RuleSet::load(None, true).unwrap();
        let cfg = config(dir.path(), &index.path().join("i"));
        let a = dir.path().join("a.txt");
        std::fs::write(
            &a,
            "Deliberazione della Giunta Comunale n. 1 del 02/03/2021",
        )
        .unwrap();
        std::fs::write(dir.path().join("b.txt"), "Determinazione n. 7").unwrap();
        let s = ingest(&cfg, &rules, &Progress::hidden()).unwrap();
        assert_eq!((s.seen, s.new, s.unchanged), (2, 2, 0));

        // Same size and time: not even read.
        let s = ingest(&cfg, &rules, &Progress::hidden()).unwrap();
        assert_eq!((s.new, s.changed, s.unchanged), (0, 0, 2));

        // Touched: read, hashed, found unchanged, stamped anew.
        let later = std::time::SystemTime::now() + Duration::from_secs(5);
        std::fs::File::options()
            .write(true)
            .open(&a)
            .unwrap()
            .set_modified(later)
            .unwrap();
        let s = ingest(&cfg, &rules, &Progress::hidden()).unwrap();
        assert_eq!((s.changed, s.unchanged), (0, 2));
        let idx = Index::open(&cfg.index).unwrap();
        let k = idx.known().unwrap();
        let want = stamp_of(&std::fs::metadata(&a).unwrap());
        assert_eq!(k[&source_name(&a)].stamp, want);
        drop(idx);

        // Changed content: re-extracted, replacing the old record.
        std::fs::write(
            &a,
            "Deliberazione della Giunta Comunale n. 2 del 03/03/2021, modificata",
        )
        .unwrap();
        let s = ingest(&cfg, &rules, &Progress::hidden()).unwrap();
        assert_eq!((s.changed, s.unchanged, s.documents_in_index), (1, 1, 2));

        // Removed with --prune.
        std::fs::remove_file(dir.path().join("b.txt")).unwrap();
        let s = ingest(&cfg, &rules, &Progress::hidden()).unwrap();
        assert_eq!((s.pruned, s.documents_in_index), (1, 1));
    }
}

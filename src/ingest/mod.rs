//! The ingest: discover -> decide -> work (read, rules) -> record -> index.
//!
//! Files are processed in parallel on a rayon pool; each thread turns one
//! [`Candidate`] into an [`Outcome`] (a document, a failure, or "unchanged",
//! see [`decide`]), and sends it over a bounded channel to the one thread
//! that owns the index writer, as fd does with its walker. A failing file is
//! an outcome like any other: the run goes on. Changes are committed in
//! batches, so a search during an ingest sees the last committed state and a
//! killed ingest loses at most the batch in flight.
//!
//! The folder's files: [`discover`] (what to read), [`decide`] (whether and
//! how), [`work`] (read once, hash, read pages, apply rules), [`pool`]
//! (worker processes that run the work, so no file can take the batch down).

pub mod decide;
pub mod discover;
pub mod pool;
pub mod work;

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::index::Index;
use crate::progress::Progress;
use crate::read::{Limits, Status};
use crate::rules::RuleSet;
use decide::{Change, Context, Outcome};
use discover::{discover, source_name};
use pool::{Pool, WorkerCommand};

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
    /// Set when the index was made with an older layout and was rebuilt
    /// from its stored records before the run.
    pub upgraded: Option<crate::index::upgrade::Upgrade>,
}

/// Current time as RFC 3339, seconds precision, UTC.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Runs an ingest.
pub fn ingest(cfg: &IngestConfig, rules: &RuleSet, progress: &Progress) -> Result<Summary> {
    let started = Instant::now();
    let upgraded = crate::index::upgrade::upgrade(&cfg.index)?;
    let index = Index::open_or_create(&cfg.index)?;
    // Take the lock before any work: a second ingest is refused at once.
    let mut writer = index.writer()?;
    let known = index.known()?;
    let found = discover(&cfg.paths);
    let ingested_at = now_rfc3339();

    let mut summary = Summary {
        upgraded,
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

#[cfg(test)]
mod tests {
    use super::decide::stamp_of;
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

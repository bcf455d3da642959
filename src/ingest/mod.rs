//! The ingest: discover -> decide -> work (read, rules) -> record -> index.
//!
//! The pages read from each content are stored beside the index (see
//! [`crate::index::pages`]): when only the rules or the rule engine
//! changed, an unchanged file's record is made again from its stored pages
//! without reading the file ([`decide`]), on the same threads.
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

pub mod copies;
pub mod decide;
pub mod discover;
pub mod lineage;
pub mod pool;
pub mod remove;
pub mod rename;
pub mod root;
pub mod shard;
pub mod work;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::index::current::Current;
use crate::index::pages::PageStore;
use crate::index::Index;
use crate::progress::Progress;
use crate::read::{Limits, Status};
use crate::rules::RuleSet;
use decide::{Change, Context, Outcome};
use discover::{discover, Candidate, Scope};
use pool::{Pool, WorkerCommand};

/// How an ingest runs, resolved from the command line.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    pub paths: Vec<PathBuf>,
    pub index: PathBuf,
    pub jobs: usize,
    pub timeout: Duration,
    pub prune: bool,
    /// Read every file again (`--reextract`): no record is kept as it is,
    /// no stored pages are used.
    pub reextract: bool,
    pub limits: Limits,
    /// Files per commit.
    pub batch: usize,
    /// Extract in worker processes started with this command; `None`
    /// extracts in this process (no protection against crashes and hangs).
    pub worker: Option<WorkerCommand>,
    /// The archive root to set (`--root`); `None` keeps the one the index
    /// recorded (see [`root`]).
    pub root: Option<PathBuf>,
    /// Folders never ingested besides the index (the `--out` of `atti run`).
    pub exclude: Vec<PathBuf>,
    /// How scanned pages are read (in this process; workers are told by
    /// their [`WorkerCommand`]).
    pub ocr: crate::read::ocr::Ocr,
    /// Only the files of this shard (`--shard I/N`, see [`shard`]).
    pub shard: Option<shard::Shard>,
}

/// The counts printed at the end of an ingest. `seen` = `new` + `changed` +
/// `unchanged` + `reapplied` + `unaffected` + `failed` + `skipped`: every
/// file seen ends up as a document, a failure or a skipped file, and is
/// counted once (a new file that cannot be read is failed, not new).
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub seen: usize,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// Unchanged files whose records were made again from their stored
    /// pages, because the rules or the rule engine changed.
    pub reapplied: usize,
    /// Unchanged files whose records were made by other rules, but whose
    /// stored pages nothing that changed can find anything in: the records
    /// stand, current for the rules in force (see [`crate::rules::delta`]).
    pub unaffected: usize,
    /// Files that failed in this run (any stage).
    pub failed: usize,
    pub no_text: usize,
    pub encrypted: usize,
    pub pruned: usize,
    /// Files of other types, not read (rows of the skipped table).
    pub skipped: usize,
    /// Files whose content another file already holds, after the run (rows
    /// of the skipped table, listed in their document's `paths`).
    pub duplicates: usize,
    /// Records renamed because the archive root was set or changed.
    pub renamed: usize,
    /// Documents and failures the index holds after the run.
    pub documents_in_index: usize,
    pub failures_in_index: usize,
    /// Pages read by OCR in this run, and the time they took (summed over
    /// the workers).
    pub ocr_pages: u64,
    pub ocr_ms: u64,
    pub elapsed_ms: u64,
    /// Set when the index was made with an older layout and was rebuilt
    /// from its stored records before the run.
    pub upgraded: Option<crate::index::upgrade::Upgrade>,
}

/// Current time as RFC 3339, seconds precision, UTC.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Runs an ingest. A disk that fills up ends it at once with
/// [`Error::DiskFull`]: what was committed stays, nothing half-merged is
/// left, and the next run starts cleanly once there is room.
pub fn ingest(cfg: &IngestConfig, rules: &RuleSet, progress: &Progress) -> Result<Summary> {
    run(cfg, rules, progress).map_err(|e| {
        // tantivy may say only that its writer's thread was killed: a disk
        // left with no room is the cause then (the stored pages can be
        // what filled it).
        let no_room = || crate::index::free_bytes(&cfg.index).is_some_and(|b| b < 1 << 20);
        let full = match &e {
            Error::Tantivy(t) => crate::index::is_disk_full(t) || no_room(),
            Error::Io { source, .. } => source.raw_os_error() == Some(libc::ENOSPC),
            _ => false,
        };
        if !full {
            return e;
        }
        progress.finish();
        let mb = |b: u64| b.div_ceil(1 << 20);
        let index = crate::index::size_on_disk(&cfg.index);
        Error::DiskFull {
            path: cfg.index.clone(),
            free_mb: mb(crate::index::free_bytes(&cfg.index).unwrap_or(0)),
            needed_mb: mb(2 * index + (64 << 20)),
            index_mb: mb(index),
        }
    })
}

fn run(cfg: &IngestConfig, rules: &RuleSet, progress: &Progress) -> Result<Summary> {
    let started = Instant::now();
    let upgraded = crate::index::upgrade::upgrade(&cfg.index)?;
    let recorded = crate::index::archive_root_at(&cfg.index);
    let resolved = root::resolve(&cfg.paths, cfg.root.as_deref(), recorded.as_deref())?;
    let index = Index::open_or_create(&cfg.index)?;
    // Take the lock before any work: a second ingest is refused at once.
    let mut writer = index.writer()?;
    let mut summary = Summary {
        upgraded,
        ..Summary::default()
    };
    if recorded.as_deref() != Some(resolved.root.as_path()) {
        summary.renamed = rename::rename(&index, &mut writer, recorded.as_deref(), &resolved.root)?;
        index.set_archive_root(&resolved.root)?;
        writer.commit()?;
    }
    let known = index.known()?;
    let mut exclude = vec![std::fs::canonicalize(&cfg.index).unwrap_or_else(|_| cfg.index.clone())];
    exclude.extend(
        cfg.exclude
            .iter()
            .filter_map(|p| std::fs::canonicalize(p).ok()),
    );
    let scope = Scope {
        root: resolved.root.clone(),
        exclude,
        max_file_bytes: cfg.limits.max_file_bytes,
    };
    let mut found = discover(&resolved.paths, &scope);
    if let Some(shard) = cfg.shard {
        shard.filter(&mut found);
    }
    let ingested_at = now_rfc3339();
    let fingerprint = rules.fingerprint();
    index.set_made_by(fingerprint, cfg.shard.map(|s| s.to_string()).as_deref())?;
    let new_rules = lineage::keep(&cfg.index, rules)?;
    let deltas = lineage::deltas(&cfg.index, rules, &known);
    let mut current = index.current().clone();

    summary.seen = found.candidates.len() + found.failures.len() + found.skipped.len();
    for f in &found.failures {
        let mut f = f.clone();
        f.ingested_at = ingested_at.clone();
        f.pipeline = fingerprint.to_owned();
        writer.put_failure(&f)?;
        summary.failed += 1;
    }
    for s in &found.skipped {
        summary.skipped += 1;
        if known
            .get(&s.source_file)
            .is_some_and(|k| k.record_type == crate::index::schema::SKIPPED)
        {
            continue;
        }
        let mut s = s.clone();
        s.ingested_at = ingested_at.clone();
        s.pipeline = fingerprint.to_owned();
        writer.put_skipped(&s)?;
    }

    progress.start(found.candidates.len() as u64);
    let threads = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.jobs.max(1))
        .build()
        .map_err(|e| Error::Usage(format!("non si avviano {} thread di lavoro: {e}", cfg.jobs)))?;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Outcome>(64);
    let store = PageStore::of_index(&cfg.index);
    let pool = cfg.worker.clone().map(|mut cmd| {
        cmd.pages_dir = Some(store.dir().to_owned());
        Pool::new(cmd, cfg.timeout)
    });
    let ocr_pages = std::sync::atomic::AtomicU64::new(0);
    let ocr_ms = std::sync::atomic::AtomicU64::new(0);
    let on_ocr_page = |ms: u64| {
        use std::sync::atomic::Ordering::Relaxed;
        let n = ocr_pages.fetch_add(1, Relaxed) + 1;
        ocr_ms.fetch_add(ms, Relaxed);
        progress.ocr_pages(n);
    };
    let ctx = Context {
        rules,
        known: &known,
        limits: &cfg.limits,
        reextract: cfg.reextract,
        ingested_at: &ingested_at,
        pool: pool.as_ref(),
        store: &store,
        deltas: &deltas,
        ocr: &cfg.ocr,
        on_ocr_page: &on_ocr_page,
    };
    // The contents whose group of copies may have changed (see `copies`):
    // those that gained a path, and those that lost one.
    let mut touched = Touched::default();
    let prior_sha = |source_file: &str| known.get(source_file).map(|k| k.sha256.clone());
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
            pending += record(
                &index,
                &mut writer,
                outcome,
                &mut summary,
                &mut touched,
                &mut current,
                &prior_sha,
                progress,
            )?;
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
            .chain(found.skipped.iter().map(|s| s.source_file.as_str()))
            .collect();
        let roots: HashSet<String> = resolved
            .paths
            .iter()
            .map(|p| scope.name(p).trim_end_matches('/').to_owned())
            .collect();
        // A file is under an ingested path when the path is the root, the
        // file itself or one of its folders (a set, so that a list of
        // 100k files from --files-from costs no more than one folder).
        let under = |source_file: &str| {
            roots.contains("")
                || roots.contains(source_file)
                || source_file
                    .match_indices('/')
                    .any(|(i, _)| roots.contains(&source_file[..i]))
        };
        for (source_file, k) in &known {
            let under_root = under(source_file);
            if under_root && !present.contains(source_file.as_str()) {
                writer.delete(source_file);
                touched.lost.insert(k.sha256.clone());
                summary.pruned += 1;
            }
        }
    }

    // Copies: one document per content, its paths listed, the copies skipped.
    writer.commit()?;
    let no_spare = Default::default();
    let orphans = copies::settle(
        &index,
        &mut writer,
        &touched.added,
        &touched.lost,
        &no_spare,
        &ingested_at,
    )?;
    if !orphans.is_empty() {
        // Copies whose document is gone are read again, as new files.
        let none = HashMap::new();
        let again = Context {
            known: &none,
            reextract: true,
            ..ctx
        };
        let mut touched = Touched::default();
        for source_file in &orphans {
            let c = Candidate {
                path: scope.root.join(source_file),
                source_file: source_file.clone(),
                source_type: crate::read::SourceType::from_extension(std::path::Path::new(
                    source_file,
                ))
                .unwrap_or(crate::read::SourceType::Text),
            };
            let mut ignore = Summary::default();
            record(
                &index,
                &mut writer,
                again.process(&c),
                &mut ignore,
                &mut touched,
                &mut current,
                &|_| None,
                progress,
            )?;
        }
        writer.commit()?;
        copies::settle(
            &index,
            &mut writer,
            &touched.added,
            &touched.lost,
            &no_spare,
            &ingested_at,
        )?;
    }
    // Pages no document refers to any more (a changed or pruned file).
    if !touched.lost.is_empty() || !orphans.is_empty() {
        writer.commit()?;
        sweep(&index, &store)?;
    }
    writer.finish()?;
    if current != *index.current() {
        index.save_current(&current)?;
    }
    if new_rules || summary.reapplied + summary.unaffected > 0 {
        lineage::sweep(&index, rules)?;
    }
    progress.finish();
    let counts = index.stats()?;
    summary.documents_in_index = counts.documents;
    summary.failures_in_index = counts.failures;
    summary.duplicates = index
        .skipped()?
        .iter()
        .filter(|s| s.reason == crate::record::skip::DUPLICATE)
        .count();
    summary.ocr_pages = ocr_pages.into_inner();
    summary.ocr_ms = ocr_ms.into_inner();
    summary.elapsed_ms = started.elapsed().as_millis() as u64;
    Ok(summary)
}

/// Removes the stored pages of every content the index no longer holds as
/// a document or a copy of one. Run while holding the write lock.
pub(crate) fn sweep(index: &Index, store: &PageStore) -> Result<crate::index::pages::Swept> {
    let known = index.known()?;
    let live: HashSet<&str> = known
        .values()
        .filter(|k| !k.failed() && !k.sha256.is_empty())
        .map(|k| k.sha256.as_str())
        .collect();
    store.sweep(&live)
}

/// The contents whose group of copies may have changed in a run.
#[derive(Debug, Default)]
struct Touched {
    added: BTreeSet<String>,
    lost: BTreeSet<String>,
}

/// Writes one outcome into the index and counts it; returns the number of
/// changes made (for batching).
#[allow(clippy::too_many_arguments)]
fn record(
    index: &Index,
    writer: &mut crate::index::Writer<'_>,
    outcome: Outcome,
    summary: &mut Summary,
    touched: &mut Touched,
    current: &mut Current,
    prior_sha: &dyn Fn(&str) -> Option<String>,
    progress: &Progress,
) -> Result<usize> {
    Ok(match outcome {
        Outcome::Unchanged => {
            summary.unchanged += 1;
            0
        }
        Outcome::Restamp(source_file, stamp) => {
            summary.unchanged += 1;
            match index.get(&source_file)? {
                Some(mut doc) if doc.source_file == source_file => {
                    doc.stamp = stamp;
                    writer.put_document(&doc)?;
                    1
                }
                _ => 0,
            }
        }
        Outcome::Unaffected { sha256, from, to } => {
            summary.unaffected += 1;
            current.advance(&sha256, &from, &to);
            0
        }
        Outcome::Reapplied(doc) => {
            summary.reapplied += 1;
            current.forget(&doc.sha256);
            touched.added.insert(doc.sha256.clone());
            writer.put_document(&doc)?;
            1
        }
        Outcome::Document(doc, change) => {
            count_change(summary, change);
            match doc.status {
                Status::NoText => summary.no_text += 1,
                Status::Encrypted => summary.encrypted += 1,
                Status::Ok => {}
            }
            touched
                .lost
                .extend(prior_sha(&doc.source_file).filter(|s| *s != doc.sha256));
            current.forget(&doc.sha256);
            touched.added.insert(doc.sha256.clone());
            writer.put_document(&doc)?;
            1
        }
        Outcome::Failure(f) => {
            summary.failed += 1;
            let line = format!("{}: {} ({})", f.source_file, f.reason, f.stage);
            progress.note(&crate::escape::terminal(&line));
            touched.lost.extend(prior_sha(&f.source_file));
            writer.put_failure(&f)?;
            1
        }
    })
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
            reextract: false,
            limits: Limits::default(),
            batch: 2,
            worker: None,
            root: Some(dir.to_owned()),
            exclude: Vec::new(),
            ocr: crate::read::ocr::Ocr::off(),
            shard: None,
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
        assert_eq!(k["a.txt"].stamp, want);
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

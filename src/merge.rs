//! `atti merge`: one index from the shards that batch engines made.
//!
//! Each shard (`atti ingest --shard I/N --index OUT/shard-I`) is a whole
//! index of its files: records, failures, skipped files and stored pages.
//! Every record is stored whole, so merging reads no file: the records are
//! written into a new index as one ingest of all the files would have
//! written them, and the stored pages are linked across. What one ingest
//! does across the whole archive is done again here:
//! - a content held by files in two shards is one document, its `paths`
//!   the union, its `source_file` the smallest path; the other paths are
//!   skipped rows, `duplicate` of it (see [`crate::ingest::copies`]);
//! - a file given twice (the same shard merged twice) is written once.
//!
//! Shards made by another index layout, extractor or rules are refused:
//! their records would not be what one ingest makes. The new index is
//! written beside OUT and takes its place at the end, so a merge that is
//! killed or fails leaves OUT as it was, and running it again is safe.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::index::pages::PageStore;
use crate::index::schema::{DOCUMENT, SKIPPED};
use crate::index::{layout_version, schema, Index};
use crate::progress::Progress;
use crate::record::{skip, Skipped};

/// What a merge did.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct MergeSummary {
    pub shards: usize,
    pub documents: usize,
    pub failures: usize,
    pub skipped: usize,
    /// Contents held by files of more than one shard, now one document each.
    pub shared_contents: usize,
    /// Records left out because another shard had the same file.
    pub repeated_files: usize,
    /// Stored page files linked or copied into the new index.
    pub stored_pages: usize,
    /// Shards of the set (`I` of `I/N`) that were not given, when every
    /// shard says which it is and all say the same N.
    pub missing_shards: Vec<u32>,
    pub elapsed_ms: u64,
}

/// A shard, opened and checked.
struct Shard {
    path: PathBuf,
    index: Index,
    pipeline: String,
    shard: Option<(u32, u32)>,
}

fn refuse(path: &Path, message: String) -> Error {
    Error::Index {
        path: path.to_owned(),
        message,
    }
}

fn open_shard(path: &Path) -> Result<Shard> {
    if !path.join("meta.json").exists() {
        return Err(refuse(path, "non è un indice di atti".into()));
    }
    let layout = layout_version(path)?;
    if layout != schema::VERSION {
        return Err(refuse(
            path,
            format!(
                "fatto con il formato d'indice {layout}, questo atti scrive il {}: rifare l'ingest dello shard con questo atti",
                schema::VERSION
            ),
        ));
    }
    let index = Index::open(path)?;
    let (pipeline, shard) = index.made_by();
    let pipeline = pipeline.ok_or_else(|| {
        refuse(
            path,
            "non dice con quale estrattore e regole è stato fatto (atti precedente): rifare l'ingest dello shard".into(),
        )
    })?;
    let shard = shard.and_then(|s| {
        let (i, n) = s.split_once('/')?;
        Some((i.parse().ok()?, n.parse().ok()?))
    });
    Ok(Shard {
        path: path.to_owned(),
        index,
        pipeline,
        shard,
    })
}

/// The extractor part of a pipeline fingerprint (`EXTRACTOR-RULES`).
fn extractor_of(pipeline: &str) -> &str {
    pipeline.split('-').next().unwrap_or(pipeline)
}

/// Checks that every shard was made the same way; the shards not given.
fn check_same(shards: &[Shard]) -> Result<Vec<u32>> {
    let first = &shards[0];
    for s in &shards[1..] {
        if s.pipeline != first.pipeline {
            let what = if extractor_of(&s.pipeline) != extractor_of(&first.pipeline) {
                "un altro estrattore (un'altra versione di atti)"
            } else {
                "altre regole"
            };
            return Err(refuse(
                &s.path,
                format!(
                    "fatto con {what} di {} ({} invece di {}): rifare l'ingest degli shard con lo stesso atti e le stesse regole",
                    first.path.display(),
                    s.pipeline,
                    first.pipeline
                ),
            ));
        }
    }
    let counts: BTreeSet<Option<u32>> = shards.iter().map(|s| s.shard.map(|(_, n)| n)).collect();
    let missing = match counts.into_iter().collect::<Vec<_>>().as_slice() {
        [Some(n)] => {
            let given: HashSet<u32> = shards
                .iter()
                .filter_map(|s| s.shard)
                .map(|(i, _)| i)
                .collect();
            (0..*n).filter(|i| !given.contains(i)).collect()
        }
        _ => Vec::new(),
    };
    Ok(missing)
}

/// A folder beside `path` with a suffix on its name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "index".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!("{name}.{suffix}"))
}

/// Merges the indexes at `shards` into a new index at `out` (replaced if
/// it is an index already; refused if it is another non-empty folder).
pub fn merge(shards: &[PathBuf], out: &Path, progress: &Progress) -> Result<MergeSummary> {
    let started = Instant::now();
    if shards.is_empty() {
        return Err(Error::Usage("atti merge: nessuno shard da unire".into()));
    }
    let out_abs = std::fs::canonicalize(out).ok();
    for s in shards {
        if out_abs.is_some() && std::fs::canonicalize(s).ok() == out_abs {
            return Err(Error::Usage(format!(
                "--index {} è anche uno degli shard: l'indice unito va in una cartella nuova",
                out.display()
            )));
        }
    }
    let non_empty = std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_some());
    if non_empty && !out.join("meta.json").exists() {
        return Err(Error::Usage(format!(
            "--index {}: la cartella esiste e non è un indice di atti; scegliere una cartella nuova",
            out.display()
        )));
    }
    let opened: Vec<Shard> = shards
        .iter()
        .map(|p| open_shard(p))
        .collect::<Result<_>>()?;
    let missing_shards = check_same(&opened)?;

    // Pass 1: every path of every content, over all shards, from the fast
    // columns (no stored record read).
    let mut paths_of: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut shards_of: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let mut stamp_of: HashMap<String, String> = HashMap::new();
    let mut total = 0u64;
    for (n, s) in opened.iter().enumerate() {
        for (path, k) in s.index.known()? {
            let member =
                k.record_type == DOCUMENT || (k.record_type == SKIPPED && !k.sha256.is_empty());
            if k.record_type == DOCUMENT {
                total += 1;
            }
            if member {
                paths_of
                    .entry(k.sha256.clone())
                    .or_default()
                    .insert(path.clone());
                shards_of.entry(k.sha256.clone()).or_default().insert(n);
            }
            stamp_of.entry(path).or_insert(k.stamp);
        }
    }

    let rebuild = sibling(out, "merge");
    if rebuild.exists() {
        std::fs::remove_dir_all(&rebuild).map_err(|e| Error::io(&rebuild, e))?;
    }
    let mut summary = MergeSummary {
        shards: opened.len(),
        shared_contents: shards_of.values().filter(|s| s.len() > 1).count(),
        missing_shards,
        ..MergeSummary::default()
    };
    progress.start(total);
    {
        let fresh = Index::open_or_create(&rebuild)?;
        if let Some(root) = opened[0].index.archive_root() {
            fresh.set_archive_root(&root)?;
        }
        fresh.set_made_by(&opened[0].pipeline, None)?;
        let mut w = fresh.writer()?;
        let mut written: HashSet<String> = HashSet::new();
        let mut pending = 0usize;
        for s in &opened {
            s.index.for_each_document(true, |mut doc| {
                progress.inc();
                if !written.insert(doc.source_file.clone()) {
                    summary.repeated_files += 1;
                    return Ok(());
                }
                let group: Vec<String> = paths_of
                    .get(&doc.sha256)
                    .map(|g| g.iter().cloned().collect())
                    .unwrap_or_else(|| vec![doc.source_file.clone()]);
                // Another shard holds a smaller path of this content: the
                // document is written from there.
                if group[0] != doc.source_file {
                    return Ok(());
                }
                if group.len() > 1 {
                    doc.paths = group.clone();
                }
                w.put_document(&doc)?;
                summary.documents += 1;
                for p in group.iter().skip(1) {
                    written.insert(p.clone());
                    w.put_skipped(&Skipped {
                        source_file: p.clone(),
                        reason: skip::DUPLICATE.into(),
                        detail: format!("same content as {}", doc.source_file),
                        duplicate_of: Some(doc.source_file.clone()),
                        sha256: Some(doc.sha256.clone()),
                        stamp: stamp_of.get(p).cloned().unwrap_or_default(),
                        pipeline: doc.pipeline.clone(),
                        ingested_at: doc.ingested_at.clone(),
                    })?;
                    summary.skipped += 1;
                }
                pending += 1;
                if pending >= 1000 {
                    w.commit()?;
                    pending = 0;
                }
                Ok(())
            })?;
        }
        for s in &opened {
            for f in s.index.failures()? {
                if written.insert(f.source_file.clone()) {
                    w.put_failure(&f)?;
                    summary.failures += 1;
                } else {
                    summary.repeated_files += 1;
                }
            }
            for k in s.index.skipped()? {
                // Copies were written with their document, above.
                if k.reason == skip::DUPLICATE
                    && k.sha256.as_ref().is_some_and(|h| paths_of.contains_key(h))
                {
                    continue;
                }
                if written.insert(k.source_file.clone()) {
                    w.put_skipped(&k)?;
                    summary.skipped += 1;
                } else {
                    summary.repeated_files += 1;
                }
            }
        }
        w.finish()?;
    }
    let store = PageStore::of_index(&rebuild);
    for s in &opened {
        summary.stored_pages += store.take_from(&PageStore::of_index(&s.path))?;
    }
    drop(opened);
    replace(out, &rebuild)?;
    progress.finish();
    summary.elapsed_ms = started.elapsed().as_millis() as u64;
    Ok(summary)
}

/// Puts the folder `fresh` in the place of `out`.
fn replace(out: &Path, fresh: &Path) -> Result<()> {
    let old = sibling(out, "old");
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
    }
    if out.exists() {
        std::fs::rename(out, &old).map_err(|e| Error::io(out, e))?;
    }
    std::fs::rename(fresh, out).map_err(|e| Error::io(fresh, e))?;
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
    }
    Ok(())
}

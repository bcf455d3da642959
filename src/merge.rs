//! `atti merge`: one index from the shards that batch engines made.
//!
//! Each shard (`atti ingest --shard I/N --index OUT/shard-I`) is a whole
//! index of its files: records, failures, skipped files and stored pages.
//! Its segments are what one ingest of all the files would have written
//! for them, so merging indexes nothing again: the segments are taken
//! whole ([`crate::index::adopt`]) and the stored pages linked across.
//! What one ingest does across the whole archive is then done here: a
//! content held by files in two shards becomes one document, its `paths`
//! the union, its `source_file` the smallest path, the other paths skipped
//! rows `duplicate` of it (as [`crate::ingest::copies`] does). Then the
//! segments are merged as at the end of an ingest. A file in two shards
//! (the same shard given twice, shards of different N) is refused.
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
use crate::index::rulebook::Rulebook;
use crate::index::schema::{DOCUMENT, SKIPPED};
use crate::index::upgrade::sibling;
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

    // Every path of every content, over all shards, from the fast columns
    // (no stored record read); a file in two shards is refused.
    let mut paths_of: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut shards_of: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let mut stamp_of: HashMap<String, String> = HashMap::new();
    let mut shard_of_path: HashMap<String, usize> = HashMap::new();
    for (n, s) in opened.iter().enumerate() {
        for (path, k) in s.index.known()? {
            if let Some(&other) = shard_of_path.get(&path) {
                return Err(refuse(
                    &s.path,
                    format!(
                        "il file {path} è anche in {}: shard sovrapposti (lo stesso shard due volte, o shard di N diversi)",
                        opened[other].path.display()
                    ),
                ));
            }
            shard_of_path.insert(path.clone(), n);
            let member =
                k.record_type == DOCUMENT || (k.record_type == SKIPPED && !k.sha256.is_empty());
            if member {
                paths_of
                    .entry(k.sha256.clone())
                    .or_default()
                    .insert(path.clone());
                shards_of.entry(k.sha256.clone()).or_default().insert(n);
            }
            stamp_of.insert(path, k.stamp);
        }
    }

    let rebuild = sibling(out, "merge");
    if rebuild.exists() {
        std::fs::remove_dir_all(&rebuild).map_err(|e| Error::io(&rebuild, e))?;
    }
    let mut summary = MergeSummary {
        shards: opened.len(),
        missing_shards,
        ..MergeSummary::default()
    };
    {
        let fresh = Index::open_or_create(&rebuild)?;
        if let Some(root) = opened[0].index.archive_root() {
            fresh.set_archive_root(&root)?;
        }
        fresh.set_made_by(&opened[0].pipeline, None)?;
    }
    let from: Vec<&Path> = opened.iter().map(|s| s.path.as_path()).collect();
    crate::index::adopt::adopt(&rebuild, &from)?;
    let merged = Index::open(&rebuild)?;
    let mut w = merged.writer()?;
    // A content whose files lie in several shards: one document, under its
    // smallest path, listing them all; the others skipped as its copies.
    let shared: Vec<&String> = shards_of
        .iter()
        .filter(|(_, s)| s.len() > 1)
        .map(|(sha, _)| sha)
        .collect();
    progress.start(shared.len() as u64);
    for sha in shared {
        progress.inc();
        summary.shared_contents += 1;
        let group: Vec<String> = paths_of[sha].iter().cloned().collect();
        let primary = &group[0];
        let Some(mut doc) = opened[shard_of_path[primary]].index.get(primary)? else {
            continue;
        };
        for p in &group[1..] {
            w.delete(p);
            w.put_skipped(&Skipped {
                source_file: p.clone(),
                reason: skip::DUPLICATE.into(),
                detail: format!("same content as {primary}"),
                duplicate_of: Some(primary.clone()),
                sha256: Some(sha.clone()),
                stamp: stamp_of.get(p).cloned().unwrap_or_default(),
                pipeline: doc.pipeline.clone(),
                ingested_at: doc.ingested_at.clone(),
            })?;
        }
        doc.paths = group;
        w.put_document(&doc)?;
    }
    w.finish()?;
    // The pipelines the shards' records are current for, and the rules
    // that made them (see `crate::ingest::lineage`).
    let mut current = crate::index::current::Current::default();
    let book = Rulebook::of_index(&rebuild);
    for s in &opened {
        current.absorb(s.index.current().clone());
        book.take_from(&Rulebook::of_index(&s.path))?;
    }
    merged.save_current(&current)?;
    for k in merged.known()?.values() {
        match k.record_type.as_str() {
            DOCUMENT => summary.documents += 1,
            SKIPPED => summary.skipped += 1,
            _ => summary.failures += 1,
        }
    }
    drop(merged);
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

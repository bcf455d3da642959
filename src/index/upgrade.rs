//! An index made with an earlier layout (fields, analysers) brought up to
//! this one by re-deriving it from its stored records.
//!
//! Every record is stored whole, page texts included, so nothing has to be
//! read from the files again: the records are written into a new index
//! beside the old one, under this version's analysers, and the new index
//! then takes the old one's place. The old index's write lock is held
//! throughout, so no other ingest writes meanwhile; until the final rename
//! the old index is untouched, and a run killed between the two renames is
//! put right by the next one.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use super::{layout_version, schema, Index};
use crate::error::{Error, Result};

/// What an upgrade did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Upgrade {
    /// The layout the index had.
    pub from: u32,
    /// The layout it has now.
    pub to: u32,
    /// Records (documents and failures) written again.
    pub records: usize,
    pub elapsed_ms: u64,
}

/// A folder beside `path`, its name with a suffix (`index.rebuild`).
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "index".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!("{name}.{suffix}"))
}

/// Brings the index at `path` to [`schema::VERSION`] when it is older;
/// `None` when there was nothing to do (no index, or a current one).
pub fn upgrade(path: &Path) -> Result<Option<Upgrade>> {
    let started = Instant::now();
    let (rebuild, old) = (sibling(path, "rebuild"), sibling(path, "old"));
    // A run killed between the two renames left the old index aside.
    if !path.exists() && old.join("meta.json").exists() {
        std::fs::rename(&old, path).map_err(|e| Error::io(&old, e))?;
    }
    if !path.join("meta.json").exists() {
        return Ok(None);
    }
    let from = layout_version(path)?;
    if from >= schema::VERSION {
        return Ok(None);
    }
    let current = Index::open(path)?;
    let lock = current.writer()?;
    if rebuild.exists() {
        std::fs::remove_dir_all(&rebuild).map_err(|e| Error::io(&rebuild, e))?;
    }
    let mut records = 0;
    {
        let fresh = Index::open_or_create(&rebuild)?;
        if let Some(root) = current.archive_root() {
            fresh.set_archive_root(&root)?;
        }
        let mut w = fresh.writer()?;
        current.for_each_document(true, |d| {
            records += 1;
            w.put_document(&d)
        })?;
        for f in current.failures()? {
            records += 1;
            w.put_failure(&f)?;
        }
        w.finish()?;
    }
    drop(lock);
    drop(current);
    // The stored pages and the rules that made the records do not depend
    // on the index's layout: they go along. (The pipelines records were
    // current for are in the records now.)
    for dir in [super::pages::DIR, super::rulebook::DIR] {
        let from = path.join(dir);
        if from.is_dir() {
            let to = rebuild.join(dir);
            std::fs::rename(&from, &to).map_err(|e| Error::io(&from, e))?;
        }
    }
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
    }
    std::fs::rename(path, &old).map_err(|e| Error::io(path, e))?;
    std::fs::rename(&rebuild, path).map_err(|e| Error::io(&rebuild, e))?;
    std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
    Ok(Some(Upgrade {
        from,
        to: schema::VERSION,
        records,
        elapsed_ms: started.elapsed().as_millis() as u64,
    }))
}

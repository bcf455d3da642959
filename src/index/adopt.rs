//! Segments taken whole from other indexes (for `atti merge`).
//!
//! A shard's segments are already what one ingest of its files would have
//! written: the same analysers made the same terms, and a search's scores
//! come from statistics summed over segments. So merging shards needs no
//! document to be indexed again: their segment files are linked into the
//! new index (tantivy never changes a segment file once written, so a link
//! is as good as a copy), listed in tantivy's list of the files it manages
//! (`.managed.json`, so that a later merge of segments deletes them) and in
//! its `meta.json`. The indexes must have the same fields and settings;
//! that is checked here, the layout version before (see [`crate::merge`]).

use std::path::Path;

use tantivy::index::SegmentComponent;

use super::merge::COMPONENTS;
use crate::error::{Error, Result};

fn refused(path: &Path, what: &str) -> Error {
    Error::Index {
        path: path.to_owned(),
        message: format!("{what} diversi da quelli dell'indice di destinazione: non si può unire"),
    }
}

/// Adds every segment of the indexes at `from` to the index at `into`
/// (which no writer may hold open meanwhile); returns how many segments
/// were added.
pub fn adopt(into: &Path, from: &[&Path]) -> Result<usize> {
    let target = tantivy::Index::open_in_dir(into)?;
    let mut meta = target.load_metas()?;
    let schema = json(&meta.schema);
    let settings = json(&meta.index_settings);
    let mut added = 0;
    // tantivy's list of its files: a JSON array of names.
    let managed_file = into.join(".managed.json");
    let mut managed: Vec<String> = std::fs::read_to_string(&managed_file)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    for path in from {
        let source = tantivy::Index::open_in_dir(path)?;
        let theirs = source.load_metas()?;
        if json(&theirs.schema) != schema {
            return Err(refused(path, "campi dell'indice"));
        }
        if json(&theirs.index_settings) != settings {
            return Err(refused(path, "impostazioni dell'indice"));
        }
        for seg in &theirs.segments {
            let mut components = COMPONENTS.to_vec();
            if seg.delete_opstamp().is_some() {
                components.push(SegmentComponent::Delete);
            }
            for c in components {
                let rel = seg.relative_path(c);
                let (src, to) = (path.join(&rel), into.join(&rel));
                if !src.is_file() {
                    continue;
                }
                if std::fs::hard_link(&src, &to).is_err() {
                    std::fs::copy(&src, &to).map_err(|e| Error::io(&to, e))?;
                }
                managed.push(rel.to_string_lossy().into_owned());
            }
            let mut m = target.new_segment_meta(seg.id(), seg.max_doc());
            if let Some(opstamp) = seg.delete_opstamp() {
                m = m.with_delete_meta(seg.num_deleted_docs(), opstamp);
            }
            meta.segments.push(m);
            added += 1;
        }
        meta.opstamp = meta.opstamp.max(theirs.opstamp);
    }
    managed.sort();
    managed.dedup();
    drop(target);
    // Written as files, not through tantivy's directory, which would write
    // its own list of files over ours.
    let list = serde_json::to_vec(&managed).map_err(|e| Error::io(&managed_file, e.into()))?;
    write_whole(&managed_file, &list)?;
    let mut bytes = serde_json::to_vec_pretty(&meta).map_err(|e| Error::io(into, e.into()))?;
    bytes.push(b'\n');
    write_whole(&into.join("meta.json"), &bytes)?;
    Ok(added)
}

/// A value by its JSON form: tantivy's schema and settings are
/// serialisable, not all comparable.
fn json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or_default()
}

/// Writes a file whole: under a temporary name, synced, then renamed.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write as _;
    let tmp = path.with_extension("adopt.tmp");
    let mut f = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
    f.write_all(bytes)
        .and_then(|_| f.sync_all())
        .map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
}

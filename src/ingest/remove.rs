//! `atti remove`: documents and files taken out of the index, the rest kept
//! consistent.
//!
//! A key is a doc_id (the document goes, with every copy of its content) or
//! a path (that file goes: a document, a failure or a skipped row; when it
//! was a document with copies, the first copy takes the document over,
//! without reading a file). A file still in an ingested folder comes back at
//! the next ingest: remove it from the folder too, or ingest with `--prune`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use super::copies;
use crate::error::{Error, Result};
use crate::index::Index;

/// What a removal did.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    /// Names (paths under the archive root) taken out of the index.
    pub removed: Vec<String>,
}

/// The index's name for a key typed as a path: its path under the archive
/// root when the file or folder exists, else the key as written.
fn name_of(index: &Index, key: &str) -> String {
    let typed = Path::new(key);
    if let (Some(root), Ok(abs)) = (index.archive_root(), std::fs::canonicalize(typed)) {
        if let Ok(rel) = abs.strip_prefix(&root) {
            return rel.to_string_lossy().replace('\\', "/");
        }
    }
    key.trim_start_matches("./").replace('\\', "/")
}

/// Removes the documents and files named by `keys`. A key that names
/// nothing in the index is an error, and nothing is removed.
pub fn remove(index_path: &Path, keys: &[String], now: &str) -> Result<Removed> {
    let index = Index::open(index_path)?;
    let mut writer = index.writer()?;
    let known = index.known()?;
    let mut names = BTreeSet::new();
    let mut spare = BTreeMap::new();
    let mut touched = BTreeSet::new();
    let mut unknown = Vec::new();
    for key in keys {
        let name = name_of(&index, key);
        if let Some(k) = known.get(&name) {
            names.insert(name.clone());
            touched.insert(k.sha256.clone());
            if let Some(d) = index.get(&name)?.filter(|d| d.source_file == name) {
                spare.insert(d.source_file.clone(), d);
            }
            continue;
        }
        // A doc_id: the document and every copy of its content.
        match index.get(key)?.filter(|d| d.doc_id == *key) {
            Some(d) => {
                names.extend(d.paths.iter().cloned());
                names.insert(d.source_file.clone());
            }
            None => unknown.push(key.clone()),
        }
    }
    if !unknown.is_empty() {
        return Err(Error::Usage(format!(
            "non nell'indice (dare un doc_id o un percorso come li elencano `atti export documents` e `atti export skipped`): {}",
            unknown.join(", ")
        )));
    }
    for name in &names {
        writer.delete(name);
    }
    writer.commit()?;
    // Copies of a removed path's content take its document over; a removed
    // doc_id took its copies with it, so its content is not settled again.
    let orphans = copies::settle(&index, &mut writer, &BTreeSet::new(), &touched, &spare, now)?;
    for o in &orphans {
        // A copy with no document left to take over: it cannot stand alone
        // without being read, so it goes too (the next ingest reads it).
        writer.delete(o);
        names.insert(o.clone());
    }
    // The pages of contents no document holds any more go too.
    writer.commit()?;
    super::sweep(
        &index,
        &crate::index::pages::PageStore::of_index(index_path),
    )?;
    writer.finish()?;
    Ok(Removed {
        removed: names.into_iter().collect(),
    })
}

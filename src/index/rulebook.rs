//! The rules that made the records, kept beside the index.
//!
//! A record's `pipeline` names the rules that made it only by a hash. To
//! tell which documents a change of rules can touch (see
//! [`crate::rules::delta`]), an ingest needs the rules themselves: each
//! set of rule files an ingest applies is kept here once, by its global
//! fingerprint, as `INDEX/rules/<fingerprint>.json`: the engine's version,
//! the fingerprint of each kind, and the files' names and texts (the
//! built-in files too: a new build may change them). Some hundred
//! kilobytes a set; [`Rulebook::sweep`] removes the sets no record was made
//! with any more.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The folder inside the index folder.
pub const DIR: &str = "rules";

/// One set of rule files as an ingest applied it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Made {
    /// [`crate::version::ENGINE`] of the build that applied them.
    pub engine: String,
    /// The global fingerprint (the file's name).
    pub global: String,
    /// Rule kind -> the fingerprint of a document of that kind.
    pub by_kind: BTreeMap<String, String>,
    /// The files, in the order they were read: (name, text).
    pub files: Vec<(String, String)>,
}

/// A kind's fingerprint found in a kept set: which kind, and the set.
#[derive(Debug, Clone)]
pub struct Found {
    pub kind: String,
    pub made: Arc<Made>,
}

/// The sets kept beside one index.
#[derive(Debug, Clone)]
pub struct Rulebook {
    dir: PathBuf,
}

/// A fingerprint as it names a file: `EXTRACTOR-HASH`, hex digits and one dash.
fn valid(name: &str) -> bool {
    !name.is_empty() && name.len() <= 40 && name.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
}

impl Rulebook {
    pub fn of_index(index: &Path) -> Rulebook {
        Rulebook {
            dir: index.join(DIR),
        }
    }

    fn file(&self, global: &str) -> PathBuf {
        self.dir.join(format!("{global}.json"))
    }

    /// Keeps `made` unless a set of its fingerprint is kept already;
    /// whether it was written now.
    pub fn keep(&self, made: &Made) -> Result<bool> {
        if !valid(&made.global) {
            return Ok(false);
        }
        let path = self.file(&made.global);
        if path.exists() {
            return Ok(false);
        }
        std::fs::create_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        let tmp = self.dir.join(format!("{}.json.tmp", made.global));
        let bytes = serde_json::to_vec(made)?;
        std::fs::write(&tmp, bytes)
            .and_then(|()| std::fs::rename(&tmp, &path))
            .map_err(|e| Error::io(&path, e))?;
        Ok(true)
    }

    /// Every kept set, by each of its kinds' fingerprints. A file that does
    /// not read is passed over: its records are then made again in full.
    pub fn load(&self) -> HashMap<String, Found> {
        let mut out = HashMap::new();
        for made in self.sets() {
            let made = Arc::new(made);
            for (kind, fp) in &made.by_kind {
                out.insert(
                    fp.clone(),
                    Found {
                        kind: kind.clone(),
                        made: Arc::clone(&made),
                    },
                );
            }
        }
        out
    }

    fn sets(&self) -> Vec<Made> {
        std::fs::read_dir(&self.dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
            .filter_map(|e| std::fs::read(e.path()).ok())
            .filter_map(|b| serde_json::from_slice::<Made>(&b).ok())
            .collect()
    }

    /// Removes the sets no record needs: a set is kept when it is `keep`
    /// (the rules in force) or holds a fingerprint of `live` (the pipelines
    /// of the records) that no set kept before it holds (sets share the
    /// fingerprints of the kinds a change left alone); returns how many
    /// went.
    pub fn sweep(&self, live: &HashSet<&str>, keep: &str) -> Result<usize> {
        let mut sets = self.sets();
        sets.sort_by_key(|m| m.global != keep);
        let mut covered: HashSet<&str> = HashSet::new();
        let mut removed = 0;
        for made in &sets {
            let needed = made.global == keep
                || live.contains(made.global.as_str())
                || made
                    .by_kind
                    .values()
                    .any(|fp| live.contains(fp.as_str()) && !covered.contains(fp.as_str()));
            if needed {
                covered.extend(made.by_kind.values().map(String::as_str));
            } else {
                let path = self.file(&made.global);
                std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// Copies in the sets of another index (the shards of a merge).
    pub fn take_from(&self, other: &Rulebook) -> Result<()> {
        other
            .sets()
            .iter()
            .try_for_each(|m| self.keep(m).map(|_| ()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn made(global: &str, kinds: &[(&str, &str)]) -> Made {
        Made {
            engine: "e1".into(),
            global: global.into(),
            by_kind: kinds
                .iter()
                .map(|(k, f)| ((*k).to_owned(), (*f).to_owned()))
                .collect(),
            files: vec![("a.toml".into(), "[[field]]\nid = 'x'\n".into())],
        }
    }

    #[test]
    fn sets_are_kept_found_by_kind_and_swept() {
        let dir = tempfile::tempdir().unwrap();
        let book = Rulebook::of_index(dir.path());
        let a = made(
            "abcd0001-00000001",
            &[("peg", "abcd0001-000000a1"), ("other", "abcd0001-000000a2")],
        );
        let b = made("abcd0001-00000002", &[("peg", "abcd0001-000000b1")]);
        book.keep(&a).unwrap();
        book.keep(&b).unwrap();
        book.keep(&a).unwrap(); // once
        let found = book.load();
        assert_eq!(found.len(), 3);
        assert_eq!(found["abcd0001-000000a2"].kind, "other");
        assert_eq!(*found["abcd0001-000000b1"].made, b);

        // A set no record was made with goes, unless it is in force.
        let live = HashSet::from(["abcd0001-000000a1"]);
        assert_eq!(book.sweep(&live, "abcd0001-00000002").unwrap(), 0);
        assert_eq!(book.sweep(&live, "none").unwrap(), 1);
        assert_eq!(book.load().len(), 2);
        // One whose live fingerprints the set in force holds too goes.
        let c = made("abcd0001-00000003", &[("peg", "abcd0001-000000a1")]);
        book.keep(&c).unwrap();
        assert_eq!(book.sweep(&live, "abcd0001-00000003").unwrap(), 1);
        assert_eq!(book.load()["abcd0001-000000a1"].made.global, c.global);
        book.keep(&a).unwrap();

        // Another index's sets come in; a name that is not a fingerprint
        // never names a file.
        let other = tempfile::tempdir().unwrap();
        let theirs = Rulebook::of_index(other.path());
        theirs.keep(&b).unwrap();
        theirs.keep(&made("../x", &[])).unwrap();
        book.take_from(&theirs).unwrap();
        assert_eq!(book.load().len(), 3);
        std::fs::write(dir.path().join(DIR).join("bad.json"), b"{").unwrap();
        assert_eq!(book.load().len(), 3);
    }
}

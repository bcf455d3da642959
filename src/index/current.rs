//! Records that newer rules leave as they are.
//!
//! A record holds the fingerprint of the rules that made it (`pipeline`).
//! When the rules change, an ingest works out which documents the change
//! can touch at all (see [`crate::rules::delta`]); the others would be made
//! again the same but for that fingerprint. Rewriting them in the index
//! only for it would cost as much as making them again (every text is
//! analysed anew), so the fingerprint they are current for is kept here,
//! apart from the record: `INDEX/current.tsv`, one line per content,
//! `sha256 TAB pipeline of the record TAB pipeline it is current for`.
//!
//! Every record read from the index goes through [`Current::effective`]:
//! a line counts only while the record still has the pipeline it was
//! written for, so a record made again makes its line stale, and the next
//! save drops it. The file is written whole under a temporary name and
//! renamed.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::Path;

use crate::error::{Error, Result};

/// The file's name inside the index folder.
pub const FILE: &str = "current.tsv";

/// sha256 -> (the record's pipeline, the pipeline it is current for).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Current {
    map: HashMap<String, (String, String)>,
}

impl Current {
    /// Reads the file of the index at `index`; none (or an unreadable one)
    /// is an empty list: the records then stand for their own pipelines.
    pub fn load(index: &Path) -> Current {
        let Ok(text) = std::fs::read_to_string(index.join(FILE)) else {
            return Current::default();
        };
        let map = text
            .lines()
            .filter_map(|l| {
                let mut f = l.split('\t');
                let (sha, base, now) = (f.next()?, f.next()?, f.next()?);
                (f.next().is_none() && !sha.is_empty())
                    .then(|| (sha.to_owned(), (base.to_owned(), now.to_owned())))
            })
            .collect();
        Current { map }
    }

    /// The pipeline a record of content `sha256` made with `pipeline` is
    /// current for.
    pub fn effective<'a>(&'a self, sha256: &str, pipeline: &'a str) -> &'a str {
        match self.map.get(sha256) {
            Some((base, now)) if base == pipeline => now,
            _ => pipeline,
        }
    }

    /// Notes that the record of `sha256` made with `base` is what the rules
    /// of `now` make.
    pub fn set(&mut self, sha256: &str, base: &str, now: &str) {
        if base == now {
            self.map.remove(sha256);
        } else {
            self.map
                .insert(sha256.to_owned(), (base.to_owned(), now.to_owned()));
        }
    }

    /// Notes that the record of `sha256`, current for `from`, is what the
    /// rules of `to` make too.
    pub fn advance(&mut self, sha256: &str, from: &str, to: &str) {
        let base = match self.map.get(sha256) {
            Some((base, now)) if now == from => base.clone(),
            _ => from.to_owned(),
        };
        self.set(sha256, &base, to);
    }

    /// Forgets the line of `sha256` (its record is being written anew).
    pub fn forget(&mut self, sha256: &str) {
        self.map.remove(sha256);
    }

    /// Adds the lines of `other` (the shards of a merge hold distinct
    /// contents; where two hold the same, either line says the same).
    pub fn absorb(&mut self, other: Current) {
        self.map.extend(other.map);
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Writes the lines whose record still has the pipeline they were
    /// written for (`records`: sha256 -> the pipeline of its document
    /// record); the others are dropped. No line left: no file.
    pub fn save(&self, index: &Path, records: &HashMap<&str, &str>) -> Result<()> {
        let path = index.join(FILE);
        let mut lines: Vec<String> = self
            .map
            .iter()
            .filter(|(sha, (base, _))| records.get(sha.as_str()) == Some(&base.as_str()))
            .map(|(sha, (base, now))| format!("{sha}\t{base}\t{now}\n"))
            .collect();
        if lines.is_empty() {
            return match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(&path, e)),
                _ => Ok(()),
            };
        }
        lines.sort();
        let tmp = index.join(format!("{FILE}.tmp"));
        let write = || -> std::io::Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            for l in &lines {
                f.write_all(l.as_bytes())?;
            }
            f.sync_all()?;
            std::fs::rename(&tmp, &path)
        };
        write().map_err(|e| Error::io(&path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_counts_while_the_record_has_its_pipeline() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = Current::default();
        c.set("aa", "X-1", "X-2");
        c.set("bb", "X-1", "X-2");
        c.set("cc", "X-3", "X-3"); // nothing to note
        assert_eq!(c.len(), 2);
        assert_eq!(c.effective("aa", "X-1"), "X-2");
        // The record was made again since: the line no longer applies.
        assert_eq!(c.effective("aa", "X-9"), "X-9");
        assert_eq!(c.effective("zz", "X-1"), "X-1");

        // Saved: only the lines whose record still has their pipeline.
        let records = HashMap::from([("aa", "X-1"), ("bb", "X-9")]);
        c.save(dir.path(), &records).unwrap();
        let back = Current::load(dir.path());
        assert_eq!(back.len(), 1);
        assert_eq!(back.effective("aa", "X-1"), "X-2");

        // Current again for the rules that made it, then for newer ones.
        let mut c = back;
        c.advance("aa", "X-2", "X-1");
        assert!(c.is_empty());
        c.advance("aa", "X-1", "X-3");
        c.advance("aa", "X-3", "X-4");
        assert_eq!(c.effective("aa", "X-1"), "X-4");
        c.forget("aa");
        assert_eq!(c.effective("aa", "X-1"), "X-1");

        // Nothing left: no file.
        Current::default().save(dir.path(), &records).unwrap();
        assert!(!dir.path().join(FILE).exists());
        assert!(Current::load(dir.path()).is_empty());
    }

    #[test]
    fn a_damaged_file_is_read_as_far_as_it_makes_sense() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE),
            "aa\tX-1\tX-2\nbroken line\n\tX\tY\ncc\tX-1\tX-2\textra\n",
        )
        .unwrap();
        let c = Current::load(dir.path());
        assert_eq!(c.len(), 1);
        assert_eq!(c.effective("aa", "X-1"), "X-2");
    }
}

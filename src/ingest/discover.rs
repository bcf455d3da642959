//! Discover: walk the inputs and list the files atti reads.
//!
//! Folders are walked recursively in a stable order (sorted by name). What
//! cannot be walked (an unreadable folder, a symlink loop, a name that is not
//! UTF-8) becomes a [`Failure`] of stage `discover`, never the end of the run.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::read::SourceType;
use crate::record::Failure;

/// A file to ingest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    /// The path as found under the ingested root, `/`-separated.
    pub source_file: String,
    /// The type its extension claims (the content may say otherwise).
    pub source_type: SourceType,
}

/// What the walk found.
#[derive(Debug, Default)]
pub struct Discovery {
    pub candidates: Vec<Candidate>,
    pub failures: Vec<Failure>,
    /// Files of types atti does not read (not counted as seen).
    pub skipped: usize,
}

/// `source_file` for a path: `/` separators, no leading `./`.
pub fn source_name(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let mut s = s.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_owned()
}

/// Walks `roots` (files or folders).
pub fn discover(roots: &[PathBuf]) -> Discovery {
    let mut d = Discovery::default();
    let mut seen_dirs = HashSet::new();
    for root in roots {
        walk(root, true, &mut seen_dirs, &mut d);
    }
    d.candidates
        .sort_by(|a, b| a.source_file.cmp(&b.source_file));
    d.candidates.dedup_by(|a, b| a.source_file == b.source_file);
    d.failures.sort_by(|a, b| a.source_file.cmp(&b.source_file));
    d
}

fn fail(d: &mut Discovery, path: &Path, reason: String) {
    d.failures.push(Failure {
        source_file: source_name(path),
        stage: "discover".into(),
        reason,
        sha256: None,
        stamp: String::new(),
        pipeline: String::new(),
        ingested_at: String::new(),
    });
}

fn walk(path: &Path, explicit: bool, seen_dirs: &mut HashSet<PathBuf>, d: &mut Discovery) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let reason = match e.kind() {
                std::io::ErrorKind::NotFound if !explicit => {
                    "the file vanished or is a broken link".to_owned()
                }
                std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
                std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
                _ if e.raw_os_error() == Some(libc::ELOOP) => "symbolic link loop".to_owned(),
                _ => e.to_string(),
            };
            fail(d, path, reason);
            return;
        }
    };
    if meta.is_dir() {
        // Guard against symlink loops: each real folder is walked once.
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        if !seen_dirs.insert(real) {
            if path.is_symlink() {
                fail(
                    d,
                    path,
                    "symbolic link loop: this folder was already walked".into(),
                );
            }
            return;
        }
        let rd = match std::fs::read_dir(path) {
            Ok(rd) => rd,
            Err(e) => {
                fail(d, path, format!("cannot read the folder: {e}"));
                return;
            }
        };
        let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            walk(&p, false, seen_dirs, d);
        }
        return;
    }
    if !meta.is_file() {
        if explicit {
            fail(d, path, "not a regular file".into());
        }
        return;
    }
    match SourceType::from_extension(path) {
        // A name that is not UTF-8 is still ingested; it is shown lossily.
        Some(source_type) => d.candidates.push(Candidate {
            path: path.to_owned(),
            source_file: source_name(path),
            source_type,
        }),
        None if explicit => fail(d, path, "not a PDF, text or HTML file".into()),
        None => d.skipped += 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_name_is_slash_separated_without_dot_prefix() {
        assert_eq!(source_name(Path::new("./samples/a.pdf")), "samples/a.pdf");
        assert_eq!(source_name(Path::new("samples/x/b.txt")), "samples/x/b.txt");
    }

    #[test]
    fn walks_folders_in_order_and_skips_other_types() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "b").unwrap();
        std::fs::write(dir.path().join("sub/a.PDF"), "%PDF-1.4").unwrap();
        std::fs::write(dir.path().join("c.docx"), "x").unwrap();
        let d = discover(&[dir.path().to_owned()]);
        let names: Vec<_> = d
            .candidates
            .iter()
            .map(|c| c.path.file_name().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["b.txt", "a.PDF"]);
        assert_eq!(d.skipped, 1);
        assert!(d.failures.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_a_failure_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        std::fs::write(dir.path().join("a.txt"), "a").unwrap();
        let d = discover(&[dir.path().to_owned()]);
        assert_eq!(d.candidates.len(), 1);
        assert_eq!(d.failures.len(), 1);
        assert!(d.failures[0].reason.contains("loop"));
    }
}

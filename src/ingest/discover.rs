//! Discover: walk the inputs and account for every file in them.
//!
//! Folders are walked recursively in a stable order (sorted by name). Each
//! file is named by its path under the archive root (see [`super::root`]),
//! so the same file has the same name whatever path or working directory
//! the user typed. A file atti reads is a [`Candidate`]; a file of another
//! type is a [`Skipped`] row; what cannot be walked (an unreadable folder, a
//! symlink loop) is a [`Failure`] of stage `discover`, never the end of the
//! run. atti's own folders (the index, the `--out` folder of `atti run`, any
//! folder holding an atti index) are never walked.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::read::SourceType;
use crate::record::{skip, Failure, Skipped};

/// A file to ingest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    /// The path under the archive root, `/`-separated.
    pub source_file: String,
    /// The type its extension claims (the content may say otherwise).
    pub source_type: SourceType,
}

/// What the walk found.
#[derive(Debug, Default)]
pub struct Discovery {
    pub candidates: Vec<Candidate>,
    pub failures: Vec<Failure>,
    /// Files of types atti does not read.
    pub skipped: Vec<Skipped>,
}

/// Where a walk starts and what it leaves out.
#[derive(Debug, Clone)]
pub struct Scope {
    /// The archive root (absolute, canonical): names are relative to it.
    pub root: PathBuf,
    /// Folders never walked (absolute, canonical): the index, `--out`.
    pub exclude: Vec<PathBuf>,
    /// Files larger than this are skipped rows, never read.
    pub max_file_bytes: u64,
}

impl Scope {
    /// The name of `path` under the root: `/` separators; the bytes of a
    /// name that is not UTF-8 written as `\xNN`, so that two such names
    /// never become one. `path` lies under the root (the walk only goes there).
    pub fn name(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        escaped(rel.as_os_str())
    }

    fn excluded(&self, dir: &Path) -> bool {
        self.exclude.iter().any(|e| e == dir)
            || dir.join(crate::index::schema::VERSION_FILE).exists()
            || (dir.join("meta.json").exists() && dir.join(".managed.json").exists())
    }
}

/// A file name as text: itself when it is UTF-8, else its valid parts with
/// every other byte written `\xNN` (lossless, where `to_string_lossy` would
/// make different names one).
pub fn escaped(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().replace('\\', "/")
    }
}

/// `/` separators, no leading `./`: how a path is written in a table.
pub fn source_name(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let mut s = s.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_owned()
}

/// Walks `paths` (absolute files or folders under the scope's root).
pub fn discover(paths: &[PathBuf], scope: &Scope) -> Discovery {
    let mut d = Discovery::default();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        walk(path, true, scope, &mut seen_dirs, &mut d);
    }
    d.candidates
        .sort_by(|a, b| a.source_file.cmp(&b.source_file));
    d.candidates.dedup_by(|a, b| a.source_file == b.source_file);
    d.failures.sort_by(|a, b| a.source_file.cmp(&b.source_file));
    d.skipped.sort_by(|a, b| a.source_file.cmp(&b.source_file));
    d
}

fn fail(d: &mut Discovery, scope: &Scope, path: &Path, reason: String) {
    d.failures.push(Failure {
        source_file: scope.name(path),
        stage: "discover".into(),
        reason,
        sha256: None,
        stamp: String::new(),
        pipeline: String::new(),
        ingested_at: String::new(),
    });
}

fn skip(d: &mut Discovery, scope: &Scope, path: &Path, reason: &str, detail: String) {
    d.skipped.push(Skipped {
        source_file: scope.name(path),
        reason: reason.into(),
        detail,
        ..Skipped::default()
    });
}

fn walk(
    path: &Path,
    explicit: bool,
    scope: &Scope,
    seen_dirs: &mut HashSet<PathBuf>,
    d: &mut Discovery,
) {
    // A link is followed only when what it points to lies in the archive:
    // `x.txt -> /etc/passwd` or `env.txt -> /proc/self/environ` are listed
    // as skipped, never read.
    if path.is_symlink() {
        if let Ok(target) = std::fs::canonicalize(path) {
            if !target.starts_with(&scope.root) {
                skip(
                    d,
                    scope,
                    path,
                    skip::OUTSIDE,
                    format!(
                        "un collegamento a {}, fuori dall'archivio",
                        target.display()
                    ),
                );
                return;
            }
        }
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let reason = match e.kind() {
                std::io::ErrorKind::NotFound if !explicit => {
                    "il file è sparito o è un collegamento interrotto".to_owned()
                }
                std::io::ErrorKind::NotFound => "file o cartella inesistente".to_owned(),
                std::io::ErrorKind::PermissionDenied => "permesso negato".to_owned(),
                _ if e.raw_os_error() == Some(libc::ELOOP) => {
                    "ciclo di collegamenti simbolici".to_owned()
                }
                _ => e.to_string(),
            };
            fail(d, scope, path, reason);
            return;
        }
    };
    if meta.is_dir() {
        // Guard against symlink loops: each real folder is walked once.
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        if scope.excluded(&real) {
            return;
        }
        if !seen_dirs.insert(real) {
            if path.is_symlink() {
                fail(
                    d,
                    scope,
                    path,
                    "ciclo di collegamenti simbolici: questa cartella è già stata percorsa".into(),
                );
            }
            return;
        }
        let rd = match std::fs::read_dir(path) {
            Ok(rd) => rd,
            Err(e) => {
                fail(
                    d,
                    scope,
                    path,
                    format!("la cartella non si può leggere: {e}"),
                );
                return;
            }
        };
        let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            walk(&p, false, scope, seen_dirs, d);
        }
        return;
    }
    if !meta.is_file() {
        // FIFOs, sockets, devices: reading one could block or never end.
        skip(
            d,
            scope,
            path,
            skip::SPECIAL,
            "not a regular file (a pipe, socket or device)".into(),
        );
        return;
    }
    if meta.len() > scope.max_file_bytes {
        let detail = format!(
            "{} byte, oltre il limite di {} byte (--max-file-size)",
            meta.len(),
            scope.max_file_bytes
        );
        skip(d, scope, path, skip::TOO_LARGE, detail);
        return;
    }
    match SourceType::from_extension(path) {
        // A signed file whose name says what it holds (`x.doc.p7m`) and
        // atti does not read that: skipped like the bare `x.doc`.
        Some(SourceType::Signed) if signed_unread(path).is_some() => {
            let inner = signed_unread(path).unwrap_or_default();
            let detail = format!(
                "un file firmato (.p7m) che contiene un file .{inner} non è letto (atti legge PDF, testo, HTML, documenti Office e fogli di calcolo, firmati o no)"
            );
            skip(d, scope, path, skip::UNSUPPORTED, detail);
        }
        // A name that is not UTF-8 is still ingested, under its escaped name.
        Some(source_type) => d.candidates.push(Candidate {
            path: path.to_owned(),
            source_file: scope.name(path),
            source_type,
        }),
        None => {
            let ext = path
                .extension()
                .map(|e| format!(".{}", e.to_string_lossy().to_lowercase()))
                .unwrap_or_else(|| "senza estensione".into());
            let detail = format!("un file {ext} non è letto (atti legge PDF, testo, HTML, documenti Office e fogli di calcolo)");
            skip(d, scope, path, skip::UNSUPPORTED, detail);
        }
    }
}

/// For `x.EXT.p7m` (any number of `.p7m`): `EXT` when atti does not read
/// it. `None` when the name does not say, or names a type atti reads.
fn signed_unread(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let mut stem = name.as_str();
    while let Some(s) = stem.strip_suffix(".p7m") {
        stem = s;
    }
    let (_, ext) = stem.rsplit_once('.')?;
    // A long "extension" is part of the name (`atto.n.12 del 2020.p7m`).
    let is_ext = (2..=5).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_alphanumeric());
    (is_ext && SourceType::from_extension(Path::new(stem)).is_none()).then(|| ext.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(root: &Path) -> Scope {
        Scope {
            root: std::fs::canonicalize(root).unwrap(),
            exclude: Vec::new(),
            max_file_bytes: 1 << 20,
        }
    }

    #[test]
    fn the_index_and_out_folders_are_never_walked() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        for sub in ["out", "idx"] {
            std::fs::create_dir(root.join(sub)).unwrap();
        }
        std::fs::write(root.join("a.txt"), "a").unwrap();
        std::fs::write(root.join("out/compliance.md"), "# report").unwrap();
        std::fs::write(root.join("idx/atti-index.json"), "{}").unwrap();
        std::fs::write(root.join("idx/x.txt"), "x").unwrap();
        let s = Scope {
            root: root.clone(),
            exclude: vec![root.join("out")],
            max_file_bytes: 1 << 20,
        };
        let d = discover(&[root.clone()], &s);
        let names: Vec<_> = d
            .candidates
            .iter()
            .map(|c| c.source_file.as_str())
            .collect();
        assert_eq!(names, ["a.txt"]);
        assert!(d.skipped.is_empty() && d.failures.is_empty());
    }

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
        std::fs::write(dir.path().join("c.pptx"), "x").unwrap();
        std::fs::write(dir.path().join("d.pptx.p7m"), "x").unwrap();
        std::fs::write(dir.path().join("e.pdf.p7m.p7m"), "x").unwrap();
        let d = discover(&[dir.path().to_owned()], &scope(dir.path()));
        let names: Vec<_> = d
            .candidates
            .iter()
            .map(|c| c.path.file_name().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["b.txt", "e.pdf.p7m.p7m", "a.PDF"]);
        assert_eq!(d.candidates[2].source_file, "sub/a.PDF");
        assert_eq!(d.candidates[1].source_type, SourceType::Signed);
        assert_eq!(d.skipped.len(), 2);
        assert_eq!(d.skipped[0].source_file, "c.pptx");
        assert!(d.skipped[0].detail.contains(".pptx"), "{:?}", d.skipped[0]);
        assert!(d.skipped[1].detail.contains(".pptx"), "{:?}", d.skipped[1]);
        assert!(d.failures.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_a_failure_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        std::fs::write(dir.path().join("a.txt"), "a").unwrap();
        let d = discover(&[dir.path().to_owned()], &scope(dir.path()));
        assert_eq!(d.candidates.len(), 1);
        assert_eq!(d.failures.len(), 1);
        assert!(d.failures[0].reason.contains("ciclo"));
    }
}

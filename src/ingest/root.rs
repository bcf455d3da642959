//! The archive root: the folder an index's file names are relative to.
//!
//! An index belongs to one archive. Its root is recorded at the first
//! ingest (see [`crate::index::Index::archive_root`]) and changed only with
//! `--root`; every name in the index is the file's path under it, so a
//! folder ingested by a relative path, by an absolute path or from another
//! working directory gives the same names, and so the same documents.
//!
//! At the first ingest the root is the current folder when every path given
//! lies under it (`atti ingest samples` names `samples/a.pdf`), else the
//! deepest folder that holds them all.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The paths to ingest, made absolute, and the archive root they lie under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub root: PathBuf,
    pub paths: Vec<PathBuf>,
}

fn absolute(p: &Path) -> Result<PathBuf> {
    std::fs::canonicalize(p).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            Error::Usage(format!("{}: file o cartella inesistente", p.display()))
        }
        _ => Error::Usage(format!("{}: {e}", p.display())),
    })
}

/// The deepest folder that holds every path (a file's own folder for one file).
fn common_folder(paths: &[PathBuf]) -> PathBuf {
    let folder = |p: &PathBuf| {
        if p.is_dir() {
            p.clone()
        } else {
            p.parent().map_or_else(|| p.clone(), Path::to_path_buf)
        }
    };
    let mut common = folder(&paths[0]);
    for p in &paths[1..] {
        while !p.starts_with(&common) {
            if !common.pop() {
                break;
            }
        }
    }
    common
}

/// Resolves the paths typed and the archive root: `flag` (`--root`) when
/// given, else the root the index recorded, else the default (see the
/// module documentation). A path that does not exist, or lies outside the
/// root, is a usage error naming it.
pub fn resolve(
    typed: &[PathBuf],
    flag: Option<&Path>,
    recorded: Option<&Path>,
) -> Result<Resolved> {
    let paths = typed
        .iter()
        .map(|p| absolute(p))
        .collect::<Result<Vec<_>>>()?;
    let root = match (flag, recorded) {
        (Some(f), _) => {
            let r = absolute(f)?;
            if !r.is_dir() {
                return Err(Error::Usage(format!(
                    "--root {}: non è una cartella",
                    f.display()
                )));
            }
            r
        }
        (None, Some(r)) => r.to_owned(),
        (None, None) => {
            let cwd = std::env::current_dir()
                .and_then(std::fs::canonicalize)
                .map_err(|e| Error::Usage(format!("la cartella corrente: {e}")))?;
            if paths.iter().all(|p| p.starts_with(&cwd)) {
                cwd
            } else {
                common_folder(&paths)
            }
        }
    };
    if let Some(p) = paths.iter().find(|p| !p.starts_with(&root)) {
        return Err(Error::Usage(format!(
            "{} è fuori dalla radice dell'archivio di questo indice, {}: per cambiarla dare --root con una cartella che contenga entrambi",
            p.display(),
            root.display()
        )));
    }
    Ok(Resolved { root, paths })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_is_recorded_or_flagged_and_paths_must_lie_under_it() {
        let dir = tempfile::tempdir().unwrap();
        let base = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(base.join("a/x")).unwrap();
        std::fs::create_dir_all(base.join("b")).unwrap();
        std::fs::write(base.join("b/f.txt"), "f").unwrap();

        let r = resolve(&[base.join("a/x"), base.join("b/f.txt")], None, None).unwrap();
        assert_eq!(r.root, base, "the deepest folder holding both");
        let r = resolve(&[base.join("a/x")], None, Some(&base)).unwrap();
        assert_eq!(r.root, base);
        let r = resolve(&[base.join("a/x")], Some(&base.join("a")), Some(&base)).unwrap();
        assert_eq!(r.root, base.join("a"));

        let e = resolve(&[base.join("b")], None, Some(&base.join("a"))).unwrap_err();
        assert!(
            e.to_string().contains("fuori dalla radice dell'archivio"),
            "{e}"
        );
        let e = resolve(&[base.join("nope")], None, None).unwrap_err();
        assert!(
            matches!(e, Error::Usage(_)) && e.to_string().contains("nope"),
            "{e}"
        );
    }
}

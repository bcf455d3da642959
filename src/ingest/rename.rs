//! Names made relative to a new archive root.
//!
//! When `--root` moves an index's archive root, or an index made before
//! roots were recorded meets its first root, every record is renamed to its
//! path under the new root. A record whose file lies outside the new root
//! is removed (it no longer belongs to this archive). In an index made
//! before roots were recorded, names were relative to the working folder of
//! each ingest: relative names are kept as they are, absolute ones are made
//! relative to the root.

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::index::{Index, Writer};

/// The new name of `name`, `None` when it falls outside `new_root`.
fn renamed(name: &str, old_root: Option<&Path>, new_root: &Path) -> Option<String> {
    let abs: PathBuf = match old_root {
        Some(old) => old.join(name),
        None if Path::new(name).is_absolute() => {
            let p = PathBuf::from(name);
            std::fs::canonicalize(&p).unwrap_or(p)
        }
        None => return Some(name.to_owned()),
    };
    abs.strip_prefix(new_root)
        .ok()
        .map(|rel| rel.to_string_lossy().replace('\\', "/"))
}

/// Renames every record for `new_root`; returns how many changed (renamed
/// or removed).
pub fn rename(
    index: &Index,
    writer: &mut Writer<'_>,
    old_root: Option<&Path>,
    new_root: &Path,
) -> Result<usize> {
    let mut changed = 0;
    index.for_each_document(true, |mut d| {
        let name = renamed(&d.source_file, old_root, new_root);
        if name.as_deref() == Some(d.source_file.as_str()) {
            return Ok(());
        }
        changed += 1;
        writer.delete(&d.source_file);
        if let Some(name) = name {
            d.paths = d
                .paths
                .iter()
                .filter_map(|p| renamed(p, old_root, new_root))
                .collect();
            d.source_file = name;
            writer.put_document(&d)?;
        }
        Ok(())
    })?;
    for mut f in index.failures()? {
        let name = renamed(&f.source_file, old_root, new_root);
        if name.as_deref() != Some(f.source_file.as_str()) {
            changed += 1;
            writer.delete(&f.source_file);
            if let Some(name) = name {
                f.source_file = name;
                writer.put_failure(&f)?;
            }
        }
    }
    for mut s in index.skipped()? {
        let name = renamed(&s.source_file, old_root, new_root);
        if name.as_deref() != Some(s.source_file.as_str()) {
            changed += 1;
            writer.delete(&s.source_file);
            if let Some(name) = name {
                s.source_file = name;
                s.duplicate_of = s
                    .duplicate_of
                    .as_deref()
                    .and_then(|p| renamed(p, old_root, new_root));
                writer.put_skipped(&s)?;
            }
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_root() {
        let new = Path::new("/arch");
        assert_eq!(
            renamed("a/b.pdf", Some(Path::new("/arch/x")), new).as_deref(),
            Some("x/a/b.pdf")
        );
        assert_eq!(renamed("b.pdf", Some(Path::new("/other")), new), None);
        assert_eq!(
            renamed("samples/a.txt", None, new).as_deref(),
            Some("samples/a.txt")
        );
        assert_eq!(
            renamed("/arch/s/a.txt", None, new).as_deref(),
            Some("s/a.txt")
        );
    }
}

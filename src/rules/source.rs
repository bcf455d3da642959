//! Where rule files come from: the ones compiled into the binary, plus a
//! folder given with `--rules`.
//!
//! A file in the folder with the name of a built-in file replaces it; other
//! files add to them; `--no-builtin-rules` keeps only the folder's. The result
//! is a list of named texts, in file-name order, that each rule family
//! (kinds and extraction rules, compliance checks) parses on its own. A
//! file larger than [`MAX_FILE_BYTES`], or a folder larger than
//! [`MAX_TOTAL_BYTES`], is refused before it is read whole.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use super::limits::{mib, MAX_FILE_BYTES, MAX_TOTAL_BYTES};
use crate::error::{Error, Result};

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// One rule file's text and a name to cite in error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSource {
    /// File name, e.g. `peg.toml`.
    pub name: String,
    /// What error messages call it: `rules/peg.toml (built-in)` or the path.
    pub origin: String,
    pub text: String,
}

impl RuleSource {
    /// Whether this is a built-in file as the program holds it (a copy in a
    /// `--rules` folder with the same name and text counts too): a text the
    /// test suite loads and checks against the limits.
    pub fn is_builtin(&self) -> bool {
        BUILTIN
            .iter()
            .any(|(name, text)| *name == self.name && *text == self.text)
    }
}

/// The rule files in force: built-in ones, then those of `dir`.
pub fn sources(dir: Option<&Path>, builtin: bool) -> Result<Vec<RuleSource>> {
    let mut out: Vec<RuleSource> = if builtin {
        BUILTIN
            .iter()
            .map(|(name, text)| RuleSource {
                name: (*name).to_owned(),
                origin: format!("rules/{name} (built-in)"),
                text: (*text).to_owned(),
            })
            .collect()
    } else {
        Vec::new()
    };
    if let Some(dir) = dir {
        let rd = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        let mut paths: Vec<_> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        if paths.is_empty() {
            return Err(Error::Usage(format!(
                "{}: no rule files (*.toml) in this folder",
                dir.display()
            )));
        }
        paths.sort();
        // Where each file name already is in `out`, so that a folder of many
        // files is not searched file by file.
        let mut at: HashMap<String, usize> = out
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.clone(), i))
            .collect();
        let mut total = 0u64;
        for p in paths {
            let text = read_limited(&p, &mut total)?;
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let src = RuleSource {
                origin: p.display().to_string(),
                name,
                text,
            };
            match at.get(&src.name) {
                Some(&i) => out[i] = src,
                None => {
                    at.insert(src.name.clone(), out.len());
                    out.push(src);
                }
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Reads a rules file of at most [`MAX_FILE_BYTES`], adding its size to
/// `total`, which may not pass [`MAX_TOTAL_BYTES`]. The size is checked
/// before the file is read, and the read stops past the limit (a file that
/// grows meanwhile, or a device).
fn read_limited(path: &Path, total: &mut u64) -> Result<String> {
    let too_big = |message: String| Error::Rules {
        file: path.display().to_string(),
        line: 1,
        column: 1,
        rule: "-".into(),
        message,
    };
    let file_limit = |size: u64| {
        too_big(format!(
            "the file holds {}, more than the {} a rules file may hold (split it into several files)",
            mib(size),
            mib(MAX_FILE_BYTES)
        ))
    };
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let size = f.metadata().map_err(|e| Error::io(path, e))?.len();
    if size > MAX_FILE_BYTES {
        return Err(file_limit(size));
    }
    let mut bytes = Vec::new();
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(file_limit(size));
    }
    *total += size;
    if *total > MAX_TOTAL_BYTES {
        return Err(too_big(format!(
            "the rule files of the folder hold more than {} together, the most they may",
            mib(MAX_TOTAL_BYTES)
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
        )
    })
}

/// Line and column (1-based) of a byte offset in a text. Scans the text
/// up to the offset: for one error message; to place many offsets in the
/// same text, build a [`LineIndex`] once.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

/// Where each line of a text starts, so that the line and column of any
/// byte offset are found by a binary search instead of a scan from the
/// start of the text (which, once per rule, made loading a file of many
/// rules quadratic).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// Line and column (1-based, the column in characters) of a byte offset
    /// of `text`, the text this index was built from.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        // The last line starting at or before the offset.
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1].min(offset);
        let col = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_index_agrees_with_a_scan_from_the_start() {
        let text = "ab\ncittà è\n\nfine";
        let index = LineIndex::new(text);
        for offset in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            assert_eq!(index.line_col(text, offset), (line, col), "offset {offset}");
        }
        assert_eq!(index.line_col(text, 999), index.line_col(text, text.len()));
        assert_eq!(LineIndex::new("").line_col("", 0), (1, 1));
    }
}

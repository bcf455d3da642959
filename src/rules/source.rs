//! Where rule files come from: the ones compiled into the binary, plus a
//! folder given with `--rules`.
//!
//! A file in the folder with the name of a built-in file replaces it; other
//! files add to them; `--no-builtin-rules` keeps only the folder's. The result
//! is a list of named texts, in file-name order, that each rule family
//! (kinds and extraction rules, compliance checks) parses on its own.

use std::path::Path;

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
        for p in paths {
            let text = std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e))?;
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
            match out.iter_mut().find(|s| s.name == src.name) {
                Some(slot) => *slot = src,
                None => out.push(src),
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Line and column (1-based) of a byte offset in a text.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

//! The project configuration, `atti.toml`: who the archive belongs to and
//! where its parts are, read once at start-up.
//!
//! A report's header block (administration, codice fiscale), the `url`
//! columns (base URL + the act's path), the folders of extra rules and
//! report templates and the corrections file all come from here. The file
//! is found as `--config FILE`, else `atti.toml` in the current folder,
//! else `atti.toml` at the index's archive root; none at all is fine (every
//! key is optional). Unknown keys are errors with the file, the line and
//! the nearest valid key, as for rules (see [`toml_error`]).
//!
//! ```toml
//! administration = "Comune di Esempio"
//! tax_code = "00123456789"
//! archive_root = "/srv/archivio"
//! base_url = "https://www.comune.esempio.it/albo/"
//! rules = "regole"          # extra rule files, as --rules
//! reports = "modelli"       # extra report templates
//! corrections = "correzioni.toml"
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};

/// The file name looked for in the current folder and at the archive root.
pub const FILE_NAME: &str = "atti.toml";

/// The corrections file when the configuration names none: beside the
/// configuration, else in the current folder.
pub const CORRECTIONS_FILE: &str = "atti-corrections.toml";

/// `atti.toml`, as written.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Raw {
    administration: Option<String>,
    tax_code: Option<String>,
    archive_root: Option<PathBuf>,
    base_url: Option<String>,
    rules: Option<PathBuf>,
    reports: Option<PathBuf>,
    corrections: Option<PathBuf>,
}

/// The configuration, with its paths made absolute against the file's folder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Project {
    /// The file it was read from; None when there is none.
    pub file: Option<PathBuf>,
    pub administration: Option<String>,
    pub tax_code: Option<String>,
    pub archive_root: Option<PathBuf>,
    pub base_url: Option<String>,
    pub rules: Option<PathBuf>,
    pub reports: Option<PathBuf>,
    pub corrections: PathBuf,
}

impl Project {
    /// Reads the configuration: `explicit` (which must exist), else the
    /// first of `candidates` that exists, else the defaults.
    pub fn load(explicit: Option<&Path>, candidates: &[PathBuf]) -> Result<Project> {
        let file = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => candidates.iter().find(|p| p.is_file()).cloned(),
        };
        let Some(file) = file else {
            return Ok(Project {
                corrections: PathBuf::from(CORRECTIONS_FILE),
                ..Project::default()
            });
        };
        let text = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
        Project::parse(&file, &text)
    }

    /// The project of an index: `explicit`, else `atti.toml` in the
    /// working folder, else at the archive root the index records; without
    /// one, the corrections live at the archive root.
    pub fn find(explicit: Option<&Path>, index: &Path) -> Result<Project> {
        let root = crate::index::archive_root_at(index);
        let mut candidates = vec![PathBuf::from(FILE_NAME)];
        candidates.extend(root.iter().map(|r| r.join(FILE_NAME)));
        let mut p = Project::load(explicit, &candidates)?;
        if p.file.is_none() {
            if let Some(r) = root.as_ref().filter(|r| r.is_dir()) {
                p.corrections = r.join(CORRECTIONS_FILE);
            }
        }
        Ok(p)
    }

    /// Parses the text of `file`.
    pub fn parse(file: &Path, text: &str) -> Result<Project> {
        let raw: Raw =
            toml::from_str(text).map_err(|e| toml_error(&file.display().to_string(), text, &e))?;
        let dir = file.parent().unwrap_or(Path::new("."));
        let abs = |p: PathBuf| if p.is_absolute() { p } else { dir.join(p) };
        if let Some(cf) = &raw.tax_code {
            let ok = (cf.len() == 11 && cf.bytes().all(|b| b.is_ascii_digit()))
                || (cf.len() == 16 && cf.bytes().all(|b| b.is_ascii_alphanumeric()));
            if !ok {
                let line = line_of(text, "tax_code");
                return Err(Error::Config {
                    file: file.display().to_string(),
                    line,
                    message: format!(
                        "tax_code `{cf}`: un codice fiscale ha 11 cifre (ente) o 16 caratteri"
                    ),
                });
            }
        }
        Ok(Project {
            file: Some(file.to_path_buf()),
            administration: raw.administration,
            tax_code: raw.tax_code,
            archive_root: raw.archive_root.map(abs),
            base_url: raw.base_url,
            rules: raw.rules.map(abs),
            reports: raw.reports.map(abs),
            corrections: abs(raw
                .corrections
                .unwrap_or_else(|| PathBuf::from(CORRECTIONS_FILE))),
        })
    }

    /// The published address of a document: the base URL and its path
    /// under the archive root (spaces and other unsafe bytes escaped).
    pub fn url_of(&self, source_file: &str) -> Option<String> {
        let base = self.base_url.as_deref()?;
        let mut out = base.to_owned();
        if !out.ends_with('/') {
            out.push('/');
        }
        for b in source_file.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                    out.push(b as char)
                }
                _ => out.push_str(&format!("%{b:02X}")),
            }
        }
        Some(out)
    }
}

/// The 1-based line where `key =` is first written, 1 if nowhere.
fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}

/// A TOML or schema error of a configuration file as [`Error::Config`]:
/// the line of its span, and for an unknown key or value the nearest valid
/// one among those serde lists.
pub fn toml_error(file: &str, text: &str, e: &toml::de::Error) -> Error {
    let line = e
        .span()
        .map_or(1, |s| crate::rules::source::line_col(text, s.start).0);
    let msg = e.message().trim().to_owned();
    let message = match unknown_and_expected(&msg) {
        Some((word, valid)) => {
            let valid: Vec<&str> = valid.iter().map(String::as_str).collect();
            let kind = if msg.starts_with("unknown field") {
                "chiave sconosciuta"
            } else {
                "valore sconosciuto"
            };
            format!(
                "{kind} `{word}`: {}",
                crate::nearest::suggest(&word, &valid)
            )
        }
        None => msg,
    };
    Error::Config {
        file: file.to_owned(),
        line,
        message,
    }
}

/// From serde's "unknown field `x`, expected one of `a`, `b`" (or
/// "unknown variant"), the word and the valid names.
fn unknown_and_expected(msg: &str) -> Option<(String, Vec<String>)> {
    let rest = msg
        .strip_prefix("unknown field `")
        .or_else(|| msg.strip_prefix("unknown variant `"))?;
    let (word, tail) = rest.split_once('`')?;
    let valid = tail
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    Some((word.to_owned(), valid))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_and_paths_made_absolute_against_the_file() {
        let p = Project::parse(
            Path::new("/srv/a/atti.toml"),
            "administration = \"Comune di Esempio\"\ntax_code = \"00123456789\"\nbase_url = \"https://x.it/albo\"\nreports = \"modelli\"\n",
        )
        .unwrap();
        assert_eq!(p.administration.as_deref(), Some("Comune di Esempio"));
        assert_eq!(p.reports, Some(PathBuf::from("/srv/a/modelli")));
        assert_eq!(p.corrections, PathBuf::from("/srv/a/atti-corrections.toml"));
        assert_eq!(
            p.url_of("dd/2024 3034.pdf").as_deref(),
            Some("https://x.it/albo/dd/2024%203034.pdf")
        );
    }

    #[test]
    fn an_unknown_key_names_its_line_and_the_nearest_key() {
        let e = Project::parse(
            Path::new("atti.toml"),
            "administration = \"X\"\n\nbase_ulr = \"https://x.it\"\n",
        )
        .unwrap_err();
        let text = e.to_string();
        assert!(
            text.starts_with(
                "atti.toml:3: chiave sconosciuta `base_ulr`: did you mean `base_url`?"
            ),
            "{text}"
        );
        let e = Project::parse(Path::new("atti.toml"), "tax_code = \"123\"\n").unwrap_err();
        assert!(
            e.to_string().starts_with("atti.toml:1: tax_code `123`"),
            "{e}"
        );
    }
}

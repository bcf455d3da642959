//! Where templates come from: the ones compiled into the binary
//! (reports/*.toml, with the code maps of reports/maps/ and the filter
//! values of reports/values.toml), then those of the project's reports
//! folder and any file given by path. A user template with the name of a
//! shipped one replaces it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::maps::CodeMap;
use super::template::{Compiler, Template, Vocabulary};
use crate::error::{Error, Result};

include!(concat!(env!("OUT_DIR"), "/builtin_reports.rs"));

/// A template's text and where it is from.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    /// `reports/NAME.toml` (shipped) or the file's path.
    pub file: String,
    pub text: String,
    pub builtin: bool,
}

/// The templates and maps available.
#[derive(Debug)]
pub struct Catalog {
    pub sources: Vec<Source>,
    pub maps: BTreeMap<String, CodeMap>,
    pub vocabulary: Vocabulary,
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
}

fn toml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    out.sort();
    Ok(out)
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl Catalog {
    /// The shipped templates, then those of `folder` (the project's).
    pub fn load(folder: Option<&Path>) -> Result<Catalog> {
        let mut maps = BTreeMap::new();
        for (name, text) in BUILTIN_MAPS {
            let stem = name.trim_end_matches(".toml");
            maps.insert(
                stem.to_owned(),
                CodeMap::parse(stem, &format!("reports/maps/{name}"), text)?,
            );
        }
        let vocabulary: Vocabulary = toml::from_str(BUILTIN_VALUES)
            .map_err(|e| crate::project::toml_error("reports/values.toml", BUILTIN_VALUES, &e))?;
        let mut sources: Vec<Source> = BUILTIN_REPORTS
            .iter()
            .map(|(name, text)| Source {
                name: name.trim_end_matches(".toml").to_owned(),
                file: format!("reports/{name}"),
                text: (*text).to_owned(),
                builtin: true,
            })
            .collect();
        let mut catalog = Catalog {
            sources: Vec::new(),
            maps,
            vocabulary,
        };
        if let Some(dir) = folder {
            let map_dir = dir.join("maps");
            if map_dir.is_dir() {
                for p in toml_files(&map_dir)? {
                    let text = read(&p)?;
                    let m = CodeMap::parse(&stem(&p), &p.display().to_string(), &text)?;
                    catalog.maps.insert(stem(&p), m);
                }
            }
            if dir.is_dir() {
                for p in toml_files(dir)? {
                    let s = Source {
                        name: stem(&p),
                        file: p.display().to_string(),
                        text: read(&p)?,
                        builtin: false,
                    };
                    sources.retain(|x| x.name != s.name);
                    sources.push(s);
                }
            }
        }
        sources.sort_by(|a, b| a.name.cmp(&b.name));
        catalog.sources = sources;
        Ok(catalog)
    }

    fn compiler(&self) -> Compiler<'_> {
        Compiler {
            maps: &self.maps,
            vocabulary: &self.vocabulary,
        }
    }

    /// Compiles a template by name, or the file at `name` when it is a path
    /// to one.
    pub fn template(&self, name: &str) -> Result<Template> {
        let path = Path::new(name);
        if name.ends_with(".toml") || path.is_file() {
            let text = read(path)?;
            return self.compiler().compile(&stem(path), name, &text);
        }
        let Some(s) = self.sources.iter().find(|s| s.name == name) else {
            let names: Vec<&str> = self.sources.iter().map(|s| s.name.as_str()).collect();
            return Err(Error::Usage(format!(
                "nessun modello di report `{name}`: {}",
                crate::nearest::suggest(name, &names)
            )));
        };
        self.compiler().compile(&s.name, &s.file, &s.text)
    }

    /// Every template compiled (the first mistake stops).
    pub fn all(&self) -> Result<Vec<Template>> {
        self.sources
            .iter()
            .map(|s| self.compiler().compile(&s.name, &s.file, &s.text))
            .collect()
    }
}

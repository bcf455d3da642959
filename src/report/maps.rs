//! Code maps: tables that turn a value atti reads into the code or label a
//! recipient wants (`determinazione` -> "Provvedimento dirigenziale", a
//! Giunta deliberation -> the AgID albo code `A.02.02`). Each map is a TOML
//! file of entries, tried in order: the first whose `match` (a regular
//! expression, case-insensitive) finds the key gives its `value`; none
//! gives `default`. Each map names its source.

use serde::Deserialize;

use crate::error::{Error, Result};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMap {
    description: String,
    source: String,
    #[serde(default)]
    default: String,
    entry: Vec<RawEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    #[serde(rename = "match")]
    pattern: toml::Spanned<String>,
    value: String,
    #[serde(default)]
    label: String,
}

/// A compiled code map.
#[derive(Debug, Clone)]
pub struct CodeMap {
    pub name: String,
    pub description: String,
    pub source: String,
    pub default: String,
    pub entries: Vec<(regex::Regex, String)>,
}

impl CodeMap {
    pub fn parse(name: &str, file: &str, text: &str) -> Result<CodeMap> {
        let raw: RawMap =
            toml::from_str(text).map_err(|e| crate::project::toml_error(file, text, &e))?;
        let mut entries = Vec::new();
        for e in raw.entry {
            let re = regex::RegexBuilder::new(e.pattern.get_ref())
                .case_insensitive(true)
                .build()
                .map_err(|x| Error::Config {
                    file: file.to_owned(),
                    line: crate::rules::source::line_col(text, e.pattern.span().start).0,
                    message: format!("match `{}`: {x}", e.pattern.get_ref()),
                })?;
            let _ = e.label;
            entries.push((re, e.value));
        }
        Ok(CodeMap {
            name: name.to_owned(),
            description: raw.description,
            source: raw.source,
            default: raw.default,
            entries,
        })
    }

    /// The code of a key; the default when no entry matches (an empty key
    /// maps to nothing).
    pub fn lookup(&self, key: &str) -> String {
        if key.trim().is_empty() {
            return String::new();
        }
        self.entries
            .iter()
            .find(|(re, _)| re.is_match(key))
            .map_or_else(|| self.default.clone(), |(_, v)| v.clone())
    }
}

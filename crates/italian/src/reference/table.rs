//! The tables the reference reader consults, as plain data: acts known by
//! name ("TUEL", "Codice civile", "GDPR") and the regions with their names,
//! adjectives and provinces. They are institutional facts, not grammar, so
//! they live in `rules/references.toml` (`[[named]]`) and
//! `rules/references_regions.toml` (`[[region]]`); the
//! application reads them from the rule files in force and passes them in,
//! and [`RefTable::builtin`] reads the same file as it was built in, so the
//! library works on its own.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

/// The built-in tables: the `[[named]]` entries of `rules/references.toml`
/// and the `[[region]]` entries of `rules/references_regions.toml`.
const BUILTIN: [(&str, &str); 2] = [
    (
        "references.toml",
        include_str!("../../../../rules/references.toml"),
    ),
    (
        "references_regions.toml",
        include_str!("../../../../rules/references_regions.toml"),
    ),
];

/// The names of the built-in rule files that hold the tables.
pub const BUILTIN_FILES: [&str; 2] = [BUILTIN[0].0, BUILTIN[1].0];

/// The tables of the reference reader.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct RefTable {
    #[serde(default)]
    pub named: Vec<NamedAct>,
    #[serde(default)]
    pub region: Vec<RegionEntry>,
}

/// An act known by name: "TUEL" is the D.Lgs. 18 agosto 2000, n. 267.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct NamedAct {
    pub id: String,
    #[serde(default)]
    pub description: String,
    /// Regexes (case-insensitive, starting at a word boundary) for the names
    /// the act goes by.
    pub patterns: Vec<String>,
    pub act: CanonicalAct,
    /// The name is a reference only together with an article: "c.c." alone
    /// is more often a bank account ("conto corrente").
    #[serde(default)]
    pub with_article: bool,
    /// The act is a testo unico: "T.U. n. 267/2000" is this act.
    #[serde(default)]
    pub testo_unico: bool,
    /// The name means this act in documents dated from this day on...
    #[serde(default)]
    pub valid_from: Option<NaiveDate>,
    /// ...and up to this day ("Codice dei contratti" is D.Lgs. 50/2016 up
    /// to 2023-06-30, D.Lgs. 36/2023 from 2023-07-01).
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
}

/// The act a name stands for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CanonicalAct {
    /// A canonical act type (`decreto_legislativo`, `regio_decreto`, ...).
    #[serde(rename = "type")]
    pub act_type: String,
    pub number: String,
    pub date: NaiveDate,
}

/// A region: how texts name it and the provinces that lie in it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RegionEntry {
    pub id: String,
    #[serde(default)]
    pub description: String,
    /// The issuer segment of its URNs after `regione.`: `emilia.romagna`.
    pub region: String,
    /// Its names as written ("Emilia-Romagna", "Emilia Romagna"); case,
    /// hyphens and spaces between words are ignored.
    pub names: Vec<String>,
    /// Its adjectives: "legge regionale toscana", "l.r. sarda".
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// Province code -> the province's name: `CZ = "Catanzaro"`.
    #[serde(default)]
    pub provinces: BTreeMap<String, String>,
}

impl RefTable {
    /// The table built in from `rules/references.toml` and
    /// `rules/references_regions.toml`.
    pub fn builtin() -> RefTable {
        let mut table = RefTable::default();
        for (name, text) in BUILTIN {
            let part = RefTable::from_toml(text)
                .unwrap_or_else(|e| panic!("the built-in rules/{name} is not valid: {e}"));
            table.extend(part);
        }
        table
    }

    /// Reads the `[[named]]` and `[[region]]` entries of a rules file;
    /// other parts of the file are left to their readers.
    pub fn from_toml(text: &str) -> Result<RefTable, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Adds the entries of another table (a later rules file).
    pub fn extend(&mut self, other: RefTable) {
        self.named.extend(other.named);
        self.region.extend(other.region);
    }
}

//! Rules as data: document kinds, fields, tables and normalisers declared in
//! TOML files (see `rules/`), compiled once into a [`RuleSet`].
//!
//! PLACEHOLDER INTERFACE: the engine lands in the rules work; this keeps the
//! pipeline compiling meanwhile.

pub mod date;
pub mod numwords;
pub mod reference;
pub mod source;

use std::path::Path;

use chrono::NaiveDate;

use crate::error::Result;
use crate::extract::Page;
use crate::record::{Decision, Field, Indicator, Objective, Phase, Reference};

/// What the rules read from one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub kind: String,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub year: Option<i32>,
    pub objectives: Vec<Objective>,
    pub phases: Vec<Phase>,
    pub indicators: Vec<Indicator>,
    pub decisions: Vec<Decision>,
    pub references: Vec<Reference>,
    pub fields: Vec<Field>,
    pub warnings: Vec<String>,
}

/// The outcome of one example written in a rule file.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleOutcome {
    pub rule: String,
    pub origin: String,
    pub input: String,
    pub expected: String,
    pub got: String,
    pub passed: bool,
}

/// A rule's id and description, for `atti rules list`.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleInfo {
    pub id: String,
    pub origin: String,
    pub description: String,
}

/// The compiled rules.
#[derive(Debug, Clone)]
pub struct RuleSet {
    fingerprint: String,
}

impl RuleSet {
    /// Loads and compiles the rules: built-in ones (unless `builtin` is false)
    /// and those of `dir`. A mistake stops here, naming file, line, column and rule.
    pub fn load(dir: Option<&Path>, builtin: bool) -> Result<RuleSet> {
        let srcs = source::sources(dir, builtin)?;
        let mut h = sha2_hex(env!("CARGO_PKG_VERSION").as_bytes());
        for s in &srcs {
            h = sha2_hex(format!("{h}{}{}", s.name, s.text).as_bytes());
        }
        Ok(RuleSet {
            fingerprint: h[..16].to_owned(),
        })
    }

    /// Identifies the atti version and rules, so records made by others are re-extracted.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Classifies a document and applies the rules of its kind.
    pub fn extract(&self, _pages: &[Page]) -> Extraction {
        Extraction {
            kind: crate::record::kind::OTHER.into(),
            ..Extraction::default()
        }
    }

    pub fn test_examples(&self) -> Vec<ExampleOutcome> {
        Vec::new()
    }

    pub fn list(&self) -> Vec<RuleInfo> {
        Vec::new()
    }
}

fn sha2_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let d = sha2::Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

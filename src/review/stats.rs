//! `atti rules stats`: how often each rule reads something in the archive.
//!
//! The rules are applied to every document's stored pages (see
//! [`super::replay`]); a field or table rule hits a document when it reads
//! a value there, a `[[kind]]` rule when it chooses the document's kind. A
//! rule with no hit on the whole archive is listed apart: a label misspelt,
//! a regex that never matches, a kind no document has. Boilerplate and
//! section rules only shape what the others read and are not counted.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use super::{replay, Replayed, Scope};
use crate::error::Result;
use crate::rules::RuleSet;

/// One rule's hits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleHits {
    pub id: String,
    /// `field`, `table` or `kind`.
    pub family: String,
    /// `file:line` of the rule.
    pub origin: String,
    /// Documents it read something in.
    pub documents: usize,
    /// Values it read (for a kind rule: the documents it classified).
    pub values: usize,
}

/// Each counted rule's hits over the archive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Documents in the scope.
    pub documents: usize,
    /// Documents the rules were applied to (from their stored pages).
    pub read: usize,
    /// Without stored pages of this extractor, not counted.
    pub no_pages: usize,
    pub failed: usize,
    /// Every field, table and kind rule, in declaration order.
    pub rules: Vec<RuleHits>,
    pub elapsed_ms: u64,
}

impl Stats {
    /// The rules that read nothing in the archive.
    pub fn never(&self) -> impl Iterator<Item = &RuleHits> {
        self.rules.iter().filter(|r| r.documents == 0)
    }
}

/// Applies `rules` to the stored pages of the archive at `index` and counts
/// each rule's hits.
pub fn stats(index: &Path, rules: &RuleSet, kind: Option<&str>) -> Result<Stats> {
    let started = Instant::now();
    let c = rules.compiled();
    let mut all: Vec<RuleHits> = Vec::new();
    let mut add = |family: &str, m: &crate::rules::meta::Meta| {
        all.push(RuleHits {
            id: m.id.clone(),
            family: family.into(),
            origin: m.origin.clone(),
            documents: 0,
            values: 0,
        })
    };
    c.kinds.iter().for_each(|k| add("kind", &k.meta));
    c.fields.iter().for_each(|f| add("field", &f.meta));
    c.tables.iter().for_each(|t| add("table", &t.meta));
    let at: HashMap<String, usize> = all
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    let mut out = Stats::default();
    let scope = Scope {
        kind: kind.map(str::to_owned),
        all: true,
    };
    replay(index, rules, &scope, |r| {
        out.documents += 1;
        let (doc, kind_rule) = match r {
            Replayed::Read(_, new, kind_rule) => (new, kind_rule),
            Replayed::NoPages | Replayed::Current | Replayed::Untouched => {
                out.no_pages += 1;
                return Ok(());
            }
            Replayed::Failed(_) => {
                out.failed += 1;
                return Ok(());
            }
        };
        out.read += 1;
        let mut seen = BTreeSet::new();
        for id in doc.fields.iter().map(|f| &f.rule).chain(kind_rule.as_ref()) {
            if let Some(&i) = at.get(id) {
                all[i].values += 1;
                if seen.insert(i) {
                    all[i].documents += 1;
                }
            }
        }
        Ok(())
    })?;
    out.rules = all;
    out.elapsed_ms = started.elapsed().as_millis() as u64;
    Ok(out)
}

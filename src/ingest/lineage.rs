//! The rules that made the records, and what changed since.
//!
//! Each ingest keeps the rule files it applies beside the index (see
//! [`crate::index::rulebook`]); the next one, under other rules, compares
//! them with the rules in force, kind by kind ([`crate::rules::delta`]),
//! and so passes over the documents a change cannot touch. Those keep their
//! records, current for the new rules (see [`crate::index::current`]).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::error::Result;
use crate::index::rulebook::{Made, Rulebook};
use crate::index::{schema, Index, Known};
use crate::rules::delta::Deltas;
use crate::rules::source::RuleSource;
use crate::rules::RuleSet;

/// The rules in force as the rulebook keeps them.
pub fn made(rules: &RuleSet) -> Made {
    Made {
        engine: crate::version::ENGINE.to_owned(),
        global: rules.fingerprint().to_owned(),
        by_kind: rules
            .fingerprints()
            .by_kind
            .iter()
            .map(|(k, f)| (k.clone(), f.clone()))
            .collect(),
        files: rules
            .sources()
            .iter()
            .map(|s| (s.name.clone(), s.text.clone()))
            .collect(),
    }
}

/// Keeps the rules in force beside the index at `index`; whether they
/// were not kept yet.
pub fn keep(index: &Path, rules: &RuleSet) -> Result<bool> {
    Rulebook::of_index(index).keep(&made(rules))
}

/// What changed since the rules that made the documents of `known` whose
/// records are not current, for those whose rules are kept.
pub fn deltas(index: &Path, rules: &RuleSet, known: &HashMap<String, Known>) -> Deltas {
    let stale: HashSet<&str> = known
        .values()
        .filter(|k| k.record_type == schema::DOCUMENT && !rules.is_current(&k.pipeline))
        .map(|k| k.pipeline.as_str())
        .collect();
    if stale.is_empty() {
        return Deltas::default();
    }
    // The kinds asked about, by the set of rules that made them.
    let found = Rulebook::of_index(index).load();
    let mut sets: HashMap<&str, (&Made, Vec<(&str, &str)>)> = HashMap::new();
    for (fp, f) in found.iter().filter(|(fp, _)| stale.contains(fp.as_str())) {
        sets.entry(f.made.global.as_str())
            .or_insert_with(|| (&f.made, Vec::new()))
            .1
            .push((fp.as_str(), f.kind.as_str()));
    }
    Deltas::new(
        rules,
        sets.into_values().map(|(made, kinds)| {
            let files = made
                .files
                .iter()
                .map(|(name, text)| RuleSource {
                    name: name.clone(),
                    origin: format!("{name} ({})", made.global),
                    text: text.clone(),
                })
                .collect();
            (made.engine.as_str(), files, kinds)
        }),
    )
}

/// Removes the kept rules no record is current for any more (run after the
/// pipelines records are current for are saved).
pub fn sweep(index: &Index, rules: &RuleSet) -> Result<usize> {
    let written = Index::open(index.path())?;
    let known = written.known()?;
    let live: HashSet<&str> = known.values().map(|k| k.pipeline.as_str()).collect();
    Rulebook::of_index(index.path()).sweep(&live, rules.fingerprint())
}

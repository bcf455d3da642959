//! What a change of rules can touch.
//!
//! A rule writer changes one regex, or adds a rule for a new layout, and
//! ingests again: every document of the kinds the change is in force for
//! has a record made by other rules (see [`super::fingerprint`]), but most
//! of them cannot be read any differently. A rule whose patterns find
//! nothing in a document does nothing to it, whatever else it says (its
//! target, its normalisers, its section); so where neither the rules that
//! went nor those that came can find anything, the record the new rules
//! would make is the old one.
//!
//! [`between`] compares the rules that made a record with the rules in
//! force, for one kind, rule by rule (descriptions and examples aside:
//! they never change a value). Each changed rule must say where it could
//! act: a field rule read by a regex, a section, a kind, a boilerplate
//! line each name the patterns they need; a pattern is widened
//! ([`super::quick::wide`]: no anchors, any case) so that it finds
//! something wherever the rule could, in any part of the text the rule
//! reads. Anything else that changed (a label, whose words are matched
//! across table cells; a table; the settings; the names of acts; rules in
//! another order) may touch any document: [`Delta::Any`].

use std::collections::HashMap;

use super::rule_regex::Regex;

use super::fingerprint::{items, Item};
use super::source::RuleSource;

/// A pattern a changed rule must find before it can act, and the text it
/// is looked for in.
#[derive(Debug, Clone)]
pub struct Probe {
    /// In the text as read (boilerplate rules, which blank lines of it);
    /// else in the text with the boilerplate blanked, which the other rules
    /// read.
    pub raw: bool,
    pub re: Regex,
}

/// What changed for the documents of one kind.
#[derive(Debug, Clone)]
pub enum Delta {
    /// A change that may touch any document: apply the rules.
    Any,
    /// The changed rules act only where one of these finds something (none:
    /// nothing that reads a value changed).
    Probes(Vec<Probe>),
}

impl Delta {
    /// Whether the change leaves a document with these texts (as read, and
    /// with the boilerplate blanked) as it was.
    pub fn leaves(&self, raw: &str, clean: &dyn Fn() -> String) -> bool {
        match self {
            Delta::Any => false,
            Delta::Probes(p) => {
                let clean = p.iter().any(|p| !p.raw).then(clean);
                p.iter().all(|p| {
                    let text = if p.raw {
                        raw
                    } else {
                        clean.as_deref().unwrap_or("")
                    };
                    !p.re.is_match(text)
                })
            }
        }
    }
}

/// The keys of a rule that never change what it reads.
const WORDING: &[&str] = &["description", "examples"];

/// What changed from the rule files `old` to `new` for documents of `kind`.
pub fn between(old: &[RuleSource], new: &[RuleSource], kind: &str) -> Delta {
    between_items(&items(old), &items(new), kind)
}

/// [`between`] over the rules as declared (each file read once for every
/// kind it is compared for).
fn between_items(old: &[Item], new: &[Item], kind: &str) -> Delta {
    let old: Vec<(&Item, String)> = in_force(old, kind);
    let new: Vec<(&Item, String)> = in_force(new, kind);
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (_, e) in &old {
        counts.entry(e).or_default().0 += 1;
    }
    for (_, e) in &new {
        counts.entry(e).or_default().1 += 1;
    }
    // The rules both hold, in the order each holds them; the others changed.
    let common: HashMap<&str, usize> = counts
        .iter()
        .map(|(e, (o, n))| (*e, (*o).min(*n)))
        .collect();
    let (old_same, old_changed) = split(&old, common.clone());
    let (new_same, new_changed) = split(&new, common);
    if old_same != new_same {
        return Delta::Any;
    }
    let mut probes = Vec::new();
    for it in old_changed.into_iter().chain(new_changed) {
        match probes_of(it) {
            Some(p) => probes.extend(p),
            None => return Delta::Any,
        }
    }
    Delta::Probes(probes)
}

/// The rules of `list` that both sides hold (`left` of each, in order),
/// and the others.
fn split<'a>(
    list: &'a [(&'a Item, String)],
    mut left: HashMap<&str, usize>,
) -> (Vec<&'a str>, Vec<&'a Item>) {
    let (mut same, mut changed) = (Vec::new(), Vec::new());
    for (it, e) in list {
        match left.get_mut(e.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                same.push(e.as_str());
            }
            _ => changed.push(*it),
        }
    }
    (same, changed)
}

/// The rules in force for `kind`, each with what it says but its wording.
fn in_force<'a>(list: &'a [Item], kind: &str) -> Vec<(&'a Item, String)> {
    list.iter()
        .filter(|it| it.applies(kind))
        .map(|it| {
            let effect = match &it.value {
                Some((key, v)) => {
                    let mut v = v.clone();
                    if let Some(t) = v.as_table_mut() {
                        for w in WORDING {
                            t.remove(*w);
                        }
                    }
                    format!("{key}\0{}", serde_json::to_string(&v).unwrap_or_default())
                }
                None => it.text.clone(),
            };
            (it, effect)
        })
        .collect()
}

/// The patterns a rule needs to find before it acts; `None` when it may
/// act on a document without any (or its patterns are not plain text
/// patterns).
fn probes_of(it: &Item) -> Option<Vec<Probe>> {
    let (key, v) = it.value.as_ref()?;
    let t = v.as_table()?;
    let s = |k: &str| t.get(k).and_then(|v| v.as_str());
    let clean = |p: &str| super::quick::wide(p).map(|re| Probe { raw: false, re });
    match key.as_str() {
        // A field read by a regex; a label is matched against cells and
        // words joined across lines, not against the text.
        "field" => {
            let labels = t
                .get("label")
                .and_then(|l| l.as_array())
                .is_some_and(|a| !a.is_empty());
            if labels || s("layout").is_some_and(|l| l != "inline") {
                return None;
            }
            Some(vec![clean(s("regex")?)?])
        }
        "section" => Some(vec![clean(s("start")?)?]),
        // A kind none of whose patterns finds anything scores nothing, and
        // a score of nothing reaches only a threshold of nothing.
        "kind" => {
            let threshold = t
                .get("threshold")
                .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
                .unwrap_or(1.0);
            if threshold <= 0.0 {
                return None;
            }
            t.get("patterns")?
                .as_array()?
                .iter()
                .map(|p| clean(p.get("regex")?.as_str()?))
                .collect()
        }
        "boilerplate" if t.get("repeated_on_pages").is_none() => {
            let re = super::quick::wide(s("regex")?)?;
            Some(vec![Probe { raw: true, re }])
        }
        _ => None,
    }
}

/// What changed since each kept set of rules, by the fingerprint of the
/// records it made (see [`crate::index::rulebook`]).
#[derive(Debug, Default)]
pub struct Deltas {
    by_pipeline: HashMap<String, (String, Delta)>,
}

impl Deltas {
    /// From the kept sets: each set's engine, its files, and the kinds
    /// (fingerprint, kind) whose records it made that are asked about. Sets
    /// of another engine may differ in anything: their records are made
    /// again in full.
    pub fn new<'a>(
        rules: &super::RuleSet,
        kept: impl IntoIterator<Item = (&'a str, Vec<RuleSource>, Vec<(&'a str, &'a str)>)>,
    ) -> Deltas {
        let now = items(rules.sources());
        let mut by_pipeline = HashMap::new();
        for (engine, files, kinds) in kept {
            let then = items(&files);
            for (fp, kind) in kinds.into_iter().filter(|(fp, _)| !rules.is_current(fp)) {
                let delta = if engine == crate::version::ENGINE {
                    between_items(&then, &now, kind)
                } else {
                    Delta::Any
                };
                by_pipeline.insert(fp.to_owned(), (kind.to_owned(), delta));
            }
        }
        Deltas { by_pipeline }
    }

    /// The kind a record made with `pipeline` was read as, and what changed
    /// for it; `None` when those rules are not kept.
    pub fn of(&self, pipeline: &str) -> Option<(&str, &Delta)> {
        self.by_pipeline.get(pipeline).map(|(k, d)| (k.as_str(), d))
    }
}

#[cfg(test)]
#[path = "delta_tests.rs"]
mod tests;

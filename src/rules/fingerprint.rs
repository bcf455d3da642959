//! Which rules made a record: a fingerprint per document kind.
//!
//! A document's record holds the fingerprint of what made it: the
//! extractor's version, the engine's, and the rules that apply to its kind
//! (the rule kind the classifier chose, before any `report_as`). Those are
//! the rules with no `kinds` or with the kind among their `kinds`, and every
//! rule that is not of one kind (the kinds themselves, boilerplate,
//! settings), in the order they are declared: a change to the rules of PEG
//! sheets leaves every deliberation's fingerprint as it was, so an ingest
//! applies the rules again only to the PEG sheets. A rule is hashed as the
//! TOML value it declares, so a comment or a blank line changes nothing.
//!
//! Files other parts of atti read (`compliance.toml`) are not in a
//! document's fingerprint. Failures and skipped files carry the fingerprint
//! of every rule file in force ([`Fingerprints::global`]).

use std::collections::{BTreeSet, HashMap};

use super::source::RuleSource;
use crate::digest::sha256_hex;

/// The fingerprints of one set of rule files.
#[derive(Debug, Clone, Default)]
pub struct Fingerprints {
    /// Every rule file in force, each whole.
    pub global: String,
    /// Rule kind (`other` included) -> the fingerprint of a document of it.
    pub by_kind: HashMap<String, String>,
}

impl Fingerprints {
    /// Hashes the rule files.
    pub fn of(srcs: &[RuleSource]) -> Fingerprints {
        let mut h = sha256_hex(crate::version::ENGINE.as_bytes());
        for s in srcs {
            h = sha256_hex(format!("{h}{}{}", s.name, s.text).as_bytes());
        }
        let global = stamp(&h);
        let items = items(srcs);
        let mut kinds: BTreeSet<String> = BTreeSet::from([crate::record::kind::OTHER.to_owned()]);
        for it in &items {
            kinds.extend(it.kinds.iter().cloned());
            kinds.extend(it.declares.iter().cloned());
        }
        let by_kind = kinds
            .into_iter()
            .map(|k| {
                let mut text = format!("{}\0{k}\0", crate::version::ENGINE);
                for it in items.iter().filter(|it| it.applies(&k)) {
                    text.push_str(&it.text);
                    text.push('\0');
                }
                let fp = stamp(&sha256_hex(text.as_bytes()));
                (k, fp)
            })
            .collect();
        Fingerprints { global, by_kind }
    }

    /// The fingerprint of a document the rules read as `kind`.
    pub fn of_kind(&self, kind: &str) -> &str {
        self.by_kind.get(kind).unwrap_or(&self.global)
    }

    /// Whether a record made with `pipeline` is what these rules would make.
    pub fn is_current(&self, pipeline: &str) -> bool {
        pipeline == self.global || self.by_kind.values().any(|f| f == pipeline)
    }
}

/// `EXTRACTOR-HASH`, eight hex digits each.
fn stamp(hash: &str) -> String {
    format!("{}-{}", &crate::version::EXTRACTOR[..8], &hash[..8])
}

/// One declared rule (or setting), as hashed.
pub(crate) struct Item {
    /// Its `kinds` (empty: every kind).
    pub(crate) kinds: Vec<String>,
    /// The kind it declares, for a `[[kind]]`.
    pub(crate) declares: Option<String>,
    /// The table it is declared in (`field`, `kind`, `settings`...) and
    /// what it declares; `None` for a file that is not TOML.
    pub(crate) value: Option<(String, toml::Value)>,
    /// The file's name, the table and the value, as hashed.
    pub(crate) text: String,
}

impl Item {
    /// Whether the rule is in force for documents of `kind`.
    pub(crate) fn applies(&self, kind: &str) -> bool {
        self.kinds.is_empty() || self.kinds.iter().any(|k| k == kind)
    }
}

/// Every rule the engine reads, in declaration order.
pub(crate) fn items(srcs: &[RuleSource]) -> Vec<Item> {
    let mut out = Vec::new();
    for s in srcs {
        if super::compile::NOT_OURS.contains(&s.name.as_str()) {
            continue;
        }
        let Ok(table) = s.text.parse::<toml::Table>() else {
            // Not TOML: the engine refuses it before anything is read; hash
            // the text for every kind all the same.
            out.push(Item {
                kinds: Vec::new(),
                declares: None,
                value: None,
                text: format!("{}\0{}", s.name, s.text),
            });
            continue;
        };
        for (key, value) in &table {
            let list = match value {
                toml::Value::Array(a) if a.iter().all(|v| v.is_table()) => a.clone(),
                other => vec![other.clone()],
            };
            for v in list {
                let kinds = v
                    .get("kinds")
                    .and_then(|k| k.as_array())
                    .map(|a| {
                        a.iter()
                            .filter_map(|k| k.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                let declares = (key == "kind")
                    .then(|| v.get("kind").and_then(|k| k.as_str()).map(str::to_owned))
                    .flatten();
                let json = serde_json::to_string(&v).unwrap_or_default();
                out.push(Item {
                    kinds,
                    declares,
                    text: format!("{}\0{key}\0{json}", s.name),
                    value: Some((key.clone(), v)),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(name: &str, text: &str) -> RuleSource {
        RuleSource {
            name: name.into(),
            origin: name.into(),
            text: text.into(),
        }
    }

    const KINDS: &str = "[[kind]]\nid = 'kind.peg'\nkind = 'peg'\n[[kind]]\nid = 'kind.delib'\nkind = 'deliberation'\n";

    fn fps(peg: &str, delib: &str, all: &str) -> Fingerprints {
        Fingerprints::of(&[
            src("kinds.toml", KINDS),
            src("peg.toml", &format!("[[field]]\nid = 'p'\nkinds = ['peg']\nlabel = ['{peg}']\n")),
            src(
                "z.toml",
                &format!("[[field]]\nid = 'd'\nkinds = ['deliberation']\nregex = '{delib}'\n[[field]]\nid = 'a'\nregex = '{all}'\n"),
            ),
            src("compliance.toml", "[[check]]\nid = 'c'\n"),
        ])
    }

    #[test]
    fn a_change_to_one_kinds_rules_leaves_the_others_current() {
        let before = fps("Direttore", "n\\. (?P<value>\\d+)", "x");
        let after = fps("Direttore", "N\\. (?P<value>\\d+)", "x");
        assert_eq!(before.of_kind("peg"), after.of_kind("peg"));
        assert_eq!(before.of_kind("other"), after.of_kind("other"));
        assert_ne!(
            before.of_kind("deliberation"),
            after.of_kind("deliberation")
        );
        assert!(after.is_current(before.of_kind("peg")));
        assert!(!after.is_current(before.of_kind("deliberation")));
        assert_ne!(before.global, after.global);

        // A rule of every kind changes them all.
        let every = fps("Direttore", "n\\. (?P<value>\\d+)", "y");
        for k in ["peg", "deliberation", "other"] {
            assert_ne!(before.of_kind(k), every.of_kind(k), "{k}");
        }
        // Kinds never share a fingerprint.
        assert_ne!(before.of_kind("peg"), before.of_kind("other"));
    }

    #[test]
    fn comments_and_the_compliance_file_do_not_count() {
        let a = fps("Direttore", "n", "x");
        let mut srcs = vec![
            src("kinds.toml", &format!("# the kinds\n{KINDS}\n\n")),
            src("peg.toml", "[[field]]\nid = 'p'\nkinds = ['peg']\nlabel = ['Direttore']   # label\n"),
            src("z.toml", "[[field]]\nid = 'd'\nkinds = ['deliberation']\nregex = 'n'\n[[field]]\nid = 'a'\nregex = 'x'\n"),
            src("compliance.toml", "[[check]]\nid = 'other'\n"),
        ];
        let b = Fingerprints::of(&srcs);
        assert_eq!(a.by_kind, b.by_kind);
        srcs.pop();
        assert_eq!(a.by_kind, Fingerprints::of(&srcs).by_kind);
    }
}

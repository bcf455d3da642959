//! Rules as data: document kinds, boilerplate, sections, fields and tables
//! declared in TOML files (see `rules/` and `rules/README.md`), compiled once
//! into a [`RuleSet`].
//!
//! Reading a document goes: blank the boilerplate lines ([`boilerplate`]),
//! find the legal references ([`reference`]), classify ([`classify`]), cut
//! the document into parts when its kind says a part starts at some line
//! ([`section`]), then in each part find the sections, run the field rules
//! ([`field`]) and the table rules ([`table`]) of the document's kind, and
//! put every value into its record ([`target`]). Every value keeps the page
//! and byte span it was read from, and is listed in [`RuleOutput::fields`]
//! with the id of the rule that read it. The rules that read sentences
//! (field regexes, the classifiers' cues) read across page breaks
//! ([`running`]): a value is kept on the page where it starts.
//!
//! A new layout is a new rules file, not new Rust: the engine knows nothing
//! of PEG sheets or deliberations beyond the record fields it fills.

pub mod boilerplate;
pub mod classifier;
mod classifier_basis;
mod classifier_zones;
pub mod classify;
pub mod compile;
mod compile_classifier;
mod compile_money;
mod compile_table;
pub mod compiled;
mod ctx;
pub mod delta;
pub mod document;
mod document_columns;
pub mod examples;
pub mod field;
mod field_label;
pub mod fingerprint;
pub mod format;
pub mod label_column;
pub mod letterhead;
pub mod limits;
pub mod meta;
pub mod money;
pub mod money_administration;
pub mod money_codes;
mod money_columns;
mod money_heading;
mod money_main;
pub mod money_parties;
pub mod money_party_cues;
mod money_party_list;
mod money_party_name;
mod money_party_table;
pub mod money_read;
mod money_text;
mod money_titles;
pub mod normalise;
mod objective_rows;
mod part;
pub mod quick;
pub mod references;
pub mod rule_regex;
pub mod running;
pub mod section;
pub mod source;
pub mod table;
pub mod target;

#[cfg(test)]
mod tests_administration;
#[cfg(test)]
mod tests_apply;
#[cfg(test)]
mod tests_compile;
#[cfg(test)]
mod tests_limits;
#[cfg(test)]
mod tests_real;
#[cfg(test)]
mod tests_seams;
#[cfg(test)]
mod tests_seeds;

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rule_regex::Regex;

use crate::error::Result;
use crate::read::Page;
use crate::record::{Decision, Field, Indicator, Objective, Phase, Reference, Span};
use atti_italian::reference;

use compiled::{Compiled, Finder};
use document::Doc;
use target::DocFacts;

/// What the rules read from one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleOutput {
    pub kind: String,
    pub title: Option<String>,
    /// The first meaningful line of the text that no boilerplate regex drops
    /// (cut at a word to at most [`LEAD_CHARS`] characters): a title of last
    /// resort, after `title` and any title the file itself declares.
    pub lead: Option<String>,
    pub date: Option<NaiveDate>,
    pub year: Option<i32>,
    pub objectives: Vec<Objective>,
    pub phases: Vec<Phase>,
    pub indicators: Vec<Indicator>,
    pub decisions: Vec<Decision>,
    pub references: Vec<Reference>,
    pub amounts: Vec<crate::record::Amount>,
    pub parties: Vec<crate::record::Party>,
    pub administration: Option<String>,
    pub fields: Vec<Field>,
    pub warnings: Vec<String>,
    /// The kind whose rules were applied (before `report_as`).
    pub rule_kind: String,
    /// The id of the `[[kind]]` rule that chose it (`None`: `other`).
    pub kind_rule: Option<String>,
    /// The fingerprint of the rules applied (see [`fingerprint`]).
    pub pipeline: String,
}

impl RuleOutput {
    /// The kind and every value read, with the rule and span of each, as
    /// `atti extract --rules-output --json` gives them: `{"kind": ...,
    /// "fields": [{"name", "value", "rule", "span"}]}`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "kind": self.kind, "fields": self.fields })
    }
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

impl ExampleOutcome {
    /// The outcome of one example: passed when what the rule gave equals
    /// what the example expects, spaces aside.
    pub(crate) fn judged(
        meta: &meta::Meta,
        input: &str,
        expected: &str,
        got: String,
    ) -> ExampleOutcome {
        let passed =
            normalise::squash(expected) == normalise::squash(&got) || expected.trim() == got.trim();
        ExampleOutcome {
            rule: meta.id.clone(),
            origin: meta.origin.clone(),
            input: input.to_owned(),
            expected: expected.to_owned(),
            got,
            passed,
        }
    }
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
    fingerprints: fingerprint::Fingerprints,
    rules: Compiled,
    /// The files they were compiled from, kept to tell later what changed
    /// (see [`delta`]).
    sources: std::sync::Arc<Vec<source::RuleSource>>,
}

impl RuleSet {
    /// Loads and compiles the rules: built-in ones (unless `builtin` is false)
    /// and those of `dir`. A mistake stops here, naming file, line, column and rule.
    pub fn load(dir: Option<&Path>, builtin: bool) -> Result<RuleSet> {
        Self::load_within(dir, builtin, &limits::Budget::default())
    }

    /// Loads rules that the parent process already loaded (an ingest's
    /// workers): the same files, without measuring each regex's automaton
    /// again against the total, which halves the regex work of a worker's
    /// start-up.
    pub fn load_validated(dir: Option<&Path>, builtin: bool) -> Result<RuleSet> {
        Self::load_within(dir, builtin, &limits::Budget::validated())
    }

    fn load_within(dir: Option<&Path>, builtin: bool, budget: &limits::Budget) -> Result<RuleSet> {
        let srcs = source::sources(dir, builtin)?;
        let rules = compile::compile_within(&srcs, budget)?;
        let fingerprints = fingerprint::Fingerprints::of(&srcs);
        Ok(RuleSet {
            fingerprints,
            rules,
            sources: std::sync::Arc::new(srcs),
        })
    }

    /// `EXTRACTOR-RULES`: the extractor's version and a hash of the engine's
    /// version and every rule file, the fingerprint of failures and skipped
    /// files (a document's is that of its kind, see [`fingerprint`]).
    pub fn fingerprint(&self) -> &str {
        &self.fingerprints.global
    }

    /// Whether a record made with `pipeline` is what these rules make: the
    /// same extractor, engine and rules of its kind (see [`fingerprint`]).
    pub fn is_current(&self, pipeline: &str) -> bool {
        self.fingerprints.is_current(pipeline)
    }

    /// The fingerprints per kind.
    pub fn fingerprints(&self) -> &fingerprint::Fingerprints {
        &self.fingerprints
    }

    /// The rule files, as read.
    pub fn sources(&self) -> &[source::RuleSource] {
        &self.sources
    }

    /// The fingerprint a record made with `pipeline` from these pages is
    /// current for under these rules, when the change since the rules that
    /// made it cannot touch the document (see [`delta`]); `None` when the
    /// rules must be applied to know.
    pub fn leaves(&self, deltas: &delta::Deltas, pipeline: &str, pages: &[Page]) -> Option<&str> {
        let (kind, d) = deltas.of(pipeline)?;
        let texts: Vec<&str> = pages.iter().map(|p| p.text.as_str()).collect();
        let clean = || boilerplate::clean(&texts, &self.rules.boilerplate).join("\n");
        d.leaves(&texts.join("\n"), &clean)
            .then(|| self.fingerprints.of_kind(kind))
    }

    /// The compiled rules, for tools that look inside.
    pub fn compiled(&self) -> &Compiled {
        &self.rules
    }

    /// Classifies a document and applies the rules of its kind.
    pub fn apply(&self, pages: &[Page]) -> RuleOutput {
        let mut x = apply_with(&self.rules, pages);
        x.pipeline = self.fingerprints.of_kind(&x.rule_kind).to_owned();
        x
    }

    /// Runs every example written in the rule files.
    pub fn test_examples(&self) -> Vec<ExampleOutcome> {
        examples::run_all(&self.rules)
    }

    pub fn list(&self) -> Vec<RuleInfo> {
        compile::rule_metas(&self.rules)
            .into_iter()
            .map(|m| RuleInfo {
                id: m.id.clone(),
                origin: m.origin.clone(),
                description: m.description.clone(),
            })
            .collect()
    }
}

/// Builds the cleaned document: boilerplate blanked, references found.
pub(crate) fn prepare<'a>(rules: &Compiled, pages: &'a [Page]) -> (Doc<'a>, Vec<Reference>) {
    let texts: Vec<&str> = pages.iter().map(|p| p.text.as_str()).collect();
    let clean = boilerplate::clean(&texts, &rules.boilerplate);
    let lexicon = rules.lexicon();
    // The body's region from the head of the first page as printed (a
    // letterhead repeated on every page is boilerplate to the rules).
    let body_region = pages
        .first()
        .and_then(|p| reference::body_region(&p.text, &lexicon));
    let settings = reference::RefSettings {
        lexicon,
        region: rules.settings.region.clone(),
        body_region,
        date: None,
    };
    let mut found: Vec<Reference> = Vec::new();
    let mut ranges = vec![Vec::new(); clean.len()];
    if rules.settings.references != Some(false) {
        // The pages are read as one text: a sentence runs on over a page
        // break ("all'articolo 8," at the foot of a page, "comma 2, del
        // decreto-legge ..." at the head of the next), and "il citato art.
        // 17" points back to an earlier page. Each reference is kept on the
        // page where it ends, its span cut at that page's start.
        let joined = clean.join("\n");
        let mut starts = Vec::with_capacity(clean.len());
        let mut at = 0;
        for t in &clean {
            starts.push(at);
            at += t.len() + 1;
        }
        for (r, mut rf) in reference::find_references(&joined, &settings) {
            let first = starts.partition_point(|&s| s <= r.start).saturating_sub(1);
            let last = starts
                .partition_point(|&s| s < r.end)
                .saturating_sub(1)
                .max(first);
            for (i, ranges) in ranges.iter_mut().enumerate().take(last + 1).skip(first) {
                let len = clean[i].len();
                let start = r.start.saturating_sub(starts[i]).min(len);
                let end = (r.end - starts[i]).min(len);
                ranges.push(start..end);
            }
            let start = r.start.saturating_sub(starts[last]);
            rf.span = Some(Span {
                page: pages[last].number,
                start,
                end: (r.end - starts[last]).min(clean[last].len()),
            });
            found.push(rf);
        }
    }
    (Doc::new(pages, clean, ranges), found)
}

fn applies(kinds: &[String], kind: &str) -> bool {
    kinds.is_empty() || kinds.iter().any(|k| k == kind)
}

/// The labels of the field rules in force for a kind.
pub(crate) fn known_labels<'r>(rules: &'r Compiled, kind: &str) -> Vec<&'r Regex> {
    rules
        .fields
        .iter()
        .filter(|f| applies(&f.kinds, kind))
        .flat_map(|f| match &f.finder {
            Finder::Label(l) => l.iter().collect(),
            Finder::Regex(_) => Vec::new(),
        })
        .collect()
}

fn apply_with(rules: &Compiled, pages: &[Page]) -> RuleOutput {
    let (doc, references) = prepare(rules, pages);
    let joined = doc.clean.join("\n");
    let (kind, kind_rule) = classify::classify(&joined, &rules.kinds);
    let mut x = RuleOutput {
        kind: kind_rule
            .and_then(|k| k.report_as.clone())
            .unwrap_or_else(|| kind.clone()),
        references,
        rule_kind: kind.clone(),
        kind_rule: kind_rule.map(|k| k.meta.id.clone()),
        ..RuleOutput::default()
    };
    let all = doc.all();
    let parts = match kind_rule.and_then(|k| k.part_start.as_ref()) {
        Some(re) => section::parts(&doc, &all, re),
        None => vec![all],
    };
    let known = known_labels(rules, &kind);
    // The first page's letterhead, read apart by the rules of that region.
    let head_page: Vec<Page> = letterhead::page(pages).into_iter().collect();
    let head = (!head_page.is_empty()).then(|| prepare(rules, &head_page).0);
    let mut facts = DocFacts::default();
    for part in &parts {
        // Only the part that holds the first page has its letterhead.
        let head = head
            .as_ref()
            .filter(|_| part.first().is_some_and(|p| p.page == 0));
        let rec = part::read_part(rules, &doc, part, head, &kind, &known, &mut x);
        part::finish_part(rec, &mut x, &mut facts);
    }
    money_read::apply(money_read::read(&rules.money, &doc), &mut x);
    x.title = facts
        .title
        .or_else(|| x.objectives.iter().find_map(|o| o.title.clone()))
        .or_else(|| x.decisions.iter().find_map(|d| d.subject.clone()));
    x.lead = lead(rules, pages);
    x.date = facts
        .date
        .or_else(|| x.decisions.iter().find_map(|d| d.decision_date));
    x.year = facts
        .year
        .or_else(|| x.objectives.iter().find_map(|o| o.year))
        .or_else(|| x.date.map(|d| d.year()));
    // A name that meant another act on the document's day ("Codice dei
    // contratti" in a 2022 act) is read again now that the day is known:
    // the decision date, else what the act's header and citations tell.
    let named = x.references.iter().any(|r| r.named.is_some());
    let first = pages.first().map_or("", |p| p.text.as_str());
    if let Some(date) = named
        .then(|| reference::naming_date(first, &joined, &x.references, x.date))
        .flatten()
    {
        let lexicon = rules.lexicon();
        reference::redate(&mut x.references, &lexicon, date);
    }
    classifier::apply(&rules.classifiers, &doc, &kind, &mut x);
    x
}

/// The longest a [`RuleOutput::lead`] may be, in characters.
pub const LEAD_CHARS: usize = 160;

/// The first line of the text that reads as words (four letters at least)
/// and that no boilerplate regex drops, whitespace folded; a longer line is
/// cut at the last word that fits, and `…` says so. So a cookie banner or a
/// "Contenuto principale" skip link is never the lead. A heading repeated
/// at the top of every page is kept here: dropped from reading, it is
/// still most often the document's own title.
fn lead(rules: &Compiled, pages: &[Page]) -> Option<String> {
    let line = pages
        .iter()
        .flat_map(|p| p.text.lines())
        .filter(|l| !rules.boilerplate.iter().any(|b| boilerplate::drops(l, b)))
        .find(|l| l.chars().filter(|c| c.is_alphabetic()).count() >= 4)?;
    let line = normalise::squash(line);
    if line.chars().count() <= LEAD_CHARS {
        return Some(line);
    }
    let room: String = line.chars().take(LEAD_CHARS).collect();
    let cut = match room.rfind(' ') {
        Some(i) if i > 0 => &room[..i],
        _ => room.as_str(),
    };
    let cut = cut.trim_end_matches(|c: char| c == ',' || c == ';' || c == ':' || c.is_whitespace());
    // The ellipsis must fit in the limit too.
    let cut = if cut.chars().count() >= LEAD_CHARS {
        let i = cut.rfind(' ').unwrap_or(cut.len());
        &cut[..i]
    } else {
        cut
    };
    Some(format!("{cut}…"))
}

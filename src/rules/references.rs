//! The tables of the reference reader as rules: `[[named]]` (acts known by
//! name) and `[[region]]` (regions, their adjectives and provinces). Each
//! entry is checked like any rule (unique id, description, valid regexes
//! within the limits) and the entries of every file in force are compiled
//! into one [`Lexicon`] handed to `atti_italian::reference`, which knows
//! nothing of rule files.
//!
//! An example's `input` is a document's text and `expected` the references
//! read from it in brief (`decreto_legislativo 267/2000 art. 107`), `; `
//! between them; `date` gives the document's date. The region of the body
//! is read from the input's head as in a real run; the `region` setting is
//! not applied, so that the tables are tested, not the setting.

use std::collections::HashMap;
use std::sync::Arc;

use atti_italian::reference::{
    body_region, find_references, Lexicon, NamedAct, RefSettings, RefTable, RegionEntry,
};
use chrono::NaiveDate;

use super::compiled::Compiled;
use super::ctx::Ctx;
use super::format::{Example, NamedRule, RegionRule};
use super::meta::Meta;
use super::ExampleOutcome;
use crate::error::Result;

/// Checks the `[[named]]` rules of one file and adds them to `table`.
pub(super) fn named(
    c: &Ctx,
    rules: Vec<NamedRule>,
    ids: &mut HashMap<String, String>,
    out: &mut Compiled,
    table: &mut RefTable,
) -> Result<()> {
    for n in rules {
        let meta = dated_meta(c, &n.id, n.description.clone(), n.examples, ids)?;
        let mut patterns = Vec::new();
        for p in &n.patterns {
            c.regex(p, &meta.id)?;
            patterns.push(p.get_ref().clone());
        }
        if patterns.is_empty() {
            return Err(c.err(n.id.span(), &meta.id, "a [[named]] rule needs `patterns`"));
        }
        if let (Some(f), Some(u)) = (n.valid_from, n.valid_until) {
            if u < f {
                return Err(c.err(
                    n.id.span(),
                    &meta.id,
                    "`valid_until` is before `valid_from`",
                ));
            }
        }
        table.named.push(NamedAct {
            id: meta.id.clone(),
            description: n.description,
            patterns,
            act: n.act,
            with_article: n.with_article,
            testo_unico: n.testo_unico,
            valid_from: n.valid_from,
            valid_until: n.valid_until,
        });
        out.reference_rules.push(meta);
    }
    Ok(())
}

/// Checks the `[[region]]` rules of one file and adds them to `table`.
pub(super) fn regions(
    c: &Ctx,
    rules: Vec<RegionRule>,
    ids: &mut HashMap<String, String>,
    out: &mut Compiled,
    table: &mut RefTable,
) -> Result<()> {
    for r in rules {
        let meta = dated_meta(c, &r.id, r.description.clone(), r.examples, ids)?;
        for code in r.provinces.keys() {
            if code.len() != 2 || !code.chars().all(|ch| ch.is_ascii_uppercase()) {
                return Err(c.err(
                    r.id.span(),
                    &meta.id,
                    format!("province code `{code}`: two upper-case letters expected"),
                ));
            }
        }
        table.region.push(RegionEntry {
            id: meta.id.clone(),
            description: r.description,
            region: r.region,
            names: r.names,
            adjectives: r.adjectives,
            provinces: r.provinces,
        });
        out.reference_rules.push(meta);
    }
    Ok(())
}

/// Compiles the table gathered from every file.
pub(super) fn lexicon(table: RefTable) -> std::result::Result<Arc<Lexicon>, String> {
    Lexicon::new(table).map(Arc::new)
}

/// A rule's meta whose examples may carry a `date`, checked here.
fn dated_meta(
    c: &Ctx,
    id: &toml::Spanned<String>,
    description: String,
    examples: Vec<Example>,
    ids: &mut HashMap<String, String>,
) -> Result<Meta> {
    for e in &examples {
        if let Some(d) = &e.date {
            if NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
                return Err(c.err(
                    id.span(),
                    id.get_ref(),
                    format!("example date `{d}`: YYYY-MM-DD expected"),
                ));
            }
        }
    }
    let bare: Vec<Example> = examples
        .iter()
        .map(|e| Example {
            date: None,
            ..e.clone()
        })
        .collect();
    let mut meta = c.meta(id, description, bare, ids)?;
    meta.examples = examples;
    Ok(meta)
}

/// The references read from an example's input, in brief.
pub(super) fn read_example(rules: &Compiled, e: &Example) -> String {
    let lexicon = rules.lexicon();
    let settings = RefSettings {
        body_region: body_region(&e.input, &lexicon),
        date: e
            .date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        region: None,
        lexicon,
    };
    find_references(&e.input, &settings)
        .into_iter()
        .map(|(_, r)| r.brief())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Runs the examples of the `[[named]]` and `[[region]]` rules.
pub(super) fn run_examples(rules: &Compiled, out: &mut Vec<ExampleOutcome>) {
    for m in &rules.reference_rules {
        for e in &m.examples {
            let got = read_example(rules, e);
            out.push(ExampleOutcome::judged(m, &e.input, &e.expected, got));
        }
    }
}

//! The examples written in the rule files, run as tests.
//!
//! Each rule carries `examples = [{ input = "...", expected = "..." }]`.
//! What `expected` means depends on the rule:
//! - kind: the kind the input is classified as (among all kind rules);
//! - boilerplate: `drop` or `keep` for the input line;
//! - section: the section's text, whitespace collapsed (empty if not found);
//! - field: the value; for a rule with several targets `field=value|...`
//!   in target order; for `combine = "all"` the values joined by `; `;
//! - table: one line per row, `field=value|field=value`, values normalised;
//! - named, region: the references read, in brief, `; `-separated (see
//!   [`super::references`]);
//! - classifier: the class it gives the input (an act's text), then `|`
//!   and the basis's citation when it has one;
//! - cue: its class when it matches the input, empty when it does not;
//! - money rules: the input is a document's text; `expected` is what the
//!   money reader ([`super::money_read`]) reads from it that this kind of
//!   rule decides, in brief:
//!   - amount_role: every sum with its role, `1234.56 commitment; 10.00 other`;
//!   - code: the codes read, `cig Z65A2B3C4D; cup H19I22000650001`;
//!   - legal_form, party_role: the parties, `supplier Rossi S.r.l. 01234567890`;
//!   - administration: the administration's canonical name;
//!   - dispositive: the dispositive's first line, or empty.
//!
//! `atti rules test` prints the outcomes; `cargo test` fails on any failure.

use std::collections::HashMap;

use super::rule_regex::Regex;

use super::compiled::Compiled;
use super::document::Doc;
use super::money::MoneyKind;
use super::normalise::squash;
use super::{
    boilerplate, classify, field, known_labels, money_read, prepare, section, table, ExampleOutcome,
};
use crate::read::Page;

fn page(input: &str) -> Vec<Page> {
    vec![Page {
        number: 1,
        text: input.to_owned(),
        ..Page::default()
    }]
}

/// Runs every example of every rule.
pub fn run_all(rules: &Compiled) -> Vec<ExampleOutcome> {
    let mut out = Vec::new();
    for k in &rules.kinds {
        for e in &k.meta.examples {
            let (kind, _) = classify::classify(&e.input, &rules.kinds);
            out.push(ExampleOutcome::judged(&k.meta, &e.input, &e.expected, kind));
        }
    }
    for b in &rules.boilerplate {
        for e in &b.meta.examples {
            let got = if b.regex.is_some() {
                if boilerplate::drops(&e.input, b) {
                    "drop"
                } else {
                    "keep"
                }
                .to_owned()
            } else {
                // A repetition rule: the input is pages separated by form feeds;
                // the lines dropped from them, joined by `; `.
                let texts: Vec<&str> = e.input.split('\u{c}').collect();
                let clean = boilerplate::clean(&texts, std::slice::from_ref(b));
                let mut dropped: Vec<String> = Vec::new();
                for (t, c) in texts.iter().zip(&clean) {
                    for (a, b) in t.lines().zip(c.lines()) {
                        if a.trim() != b.trim() && !dropped.contains(&a.trim().to_owned()) {
                            dropped.push(a.trim().to_owned());
                        }
                    }
                }
                dropped.join("; ")
            };
            out.push(ExampleOutcome::judged(&b.meta, &e.input, &e.expected, got));
        }
    }
    for s in &rules.sections {
        for e in &s.meta.examples {
            let pages = page(&e.input);
            let (doc, _) = prepare(&Compiled::default(), &pages);
            let got = section::section(&doc, &doc.all(), &s.start, s.end.as_ref())
                .map(|r| {
                    r.iter()
                        .map(|p| doc.text(p).to_owned())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .map(|t| squash(&t))
                .unwrap_or_default();
            out.push(ExampleOutcome::judged(&s.meta, &e.input, &e.expected, got));
        }
    }
    let bare = Compiled {
        settings: rules.settings.clone(),
        ..Compiled::default()
    };
    // The known labels of each kind, gathered once rather than once per rule.
    let mut known_by_kind: HashMap<&str, Vec<&Regex>> = HashMap::new();
    for f in &rules.fields {
        let kind = f.kinds.first().map(String::as_str).unwrap_or("");
        let known = known_by_kind
            .entry(kind)
            .or_insert_with(|| known_labels(rules, kind));
        for e in &f.meta.examples {
            let pages = page(&e.input);
            // Legal references are found (a date inside one is skipped);
            // boilerplate rules are not applied.
            let (doc, _) = prepare(&bare, &pages);
            let mut warnings = Vec::new();
            let hits = field::run(&doc, &doc.all(), f, known, &mut warnings);
            let got = if f.slots.len() > 1 {
                f.slots
                    .iter()
                    .enumerate()
                    .filter_map(|(i, s)| {
                        hits.iter()
                            .find(|h| h.slot == i)
                            .map(|h| format!("{}={}", s.field, h.value))
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            } else {
                let mut v: Vec<String> = hits.iter().map(|h| h.value.clone()).collect();
                if v.is_empty() && !warnings.is_empty() {
                    v = warnings;
                }
                v.join("; ")
            };
            out.push(ExampleOutcome::judged(&f.meta, &e.input, &e.expected, got));
        }
    }
    super::references::run_examples(rules, &mut out);
    for c in &rules.classifiers {
        for e in &c.meta.examples {
            let pages = page(&e.input);
            let (doc, references) = prepare(&bare, &pages);
            let got =
                super::classifier::classifier_example(&rules.classifiers, c, &doc, references);
            out.push(ExampleOutcome::judged(&c.meta, &e.input, &e.expected, got));
        }
        for q in &c.cues {
            for e in &q.meta.examples {
                let pages = page(&e.input);
                let (_, references) = prepare(&bare, &pages);
                let got = super::classifier::cue_example(q, &e.input, &references);
                out.push(ExampleOutcome::judged(&q.meta, &e.input, &e.expected, got));
            }
        }
    }
    money_examples(rules, &mut out);
    for t in &rules.tables {
        for e in &t.meta.examples {
            let mut pages = page(&e.input);
            // A table of objectives reads sheets: its examples are rows of
            // tab-separated cells, read as a sheet is.
            if t.record == super::target::Record::Objective {
                pages = vec![crate::read::office::tabbed_page(&e.input)];
            }
            let (doc, _) = prepare(&Compiled::default(), &pages);
            let doc: Doc = doc;
            let rows = table::rows(&doc, &doc.all(), t);
            let got = rows
                .iter()
                .map(|r| table::render(t, r))
                .collect::<Vec<_>>()
                .join("\n");
            let lines_match = e
                .expected
                .trim()
                .lines()
                .map(str::trim)
                .eq(got.lines().map(str::trim));
            let mut o = ExampleOutcome::judged(&t.meta, &e.input, &e.expected, got);
            o.passed |= lines_match;
            out.push(o);
        }
    }
    out
}

/// Runs the examples of every money rule: the input is a document's text,
/// read by the money reader with the money rules in force.
fn money_examples(rules: &Compiled, out: &mut Vec<ExampleOutcome>) {
    for (kind, cue) in rules.money.all() {
        for e in &cue.meta.examples {
            let pages = page(&e.input);
            let (doc, _) = prepare(&Compiled::default(), &pages);
            let read = money_read::read(&rules.money, &doc);
            // A weak cue gives no sum its role: its examples show the main amount.
            let shown = if cue.weak && kind == MoneyKind::AmountRole {
                MoneyKind::Main
            } else {
                kind
            };
            let got = read.brief(shown);
            out.push(ExampleOutcome::judged(
                &cue.meta,
                &e.input,
                &e.expected,
                got,
            ));
        }
    }
}

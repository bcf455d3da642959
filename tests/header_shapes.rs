//! The survey of act header layouts (tests/fixtures/header_shapes.toml):
//! one header written in the shape of each family of document systems
//! (register boxes read by columns, labels above their values, the office
//! above or below the title, office register numbers, where a subject
//! ends), read with the built-in rules and compared field by field with
//! what the header says. A field the shape does not give must come out
//! empty, so a rule that reads a wrong office or subject fails here as
//! surely as one that reads nothing. A shape marked `gap` must still fail:
//! the mark goes when the rules learn it.

use std::path::Path;

use atti::read::{self, Limits, SourceType};
use atti::rules::RuleSet;
use serde::Deserialize;

use crate::common::root;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Shapes {
    shape: Vec<Shape>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Shape {
    id: String,
    family: String,
    text: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    gap: Option<String>,
    #[serde(default)]
    act_number: String,
    #[serde(default)]
    decision_date: String,
    #[serde(default)]
    office: String,
    #[serde(default)]
    office_number: String,
    #[serde(default)]
    office_date: String,
    #[serde(default)]
    subject: String,
}

/// White space folded, one apostrophe and one dash, a final full stop
/// dropped: as the gold bench compares texts, case kept.
fn fold(s: &str) -> String {
    atti_italian::plain_marks(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .trim_end()
        .to_owned()
}

/// What is wrong with the rules' reading of one shape, one line a field.
fn misreadings(rules: &RuleSet, s: &Shape) -> Vec<String> {
    let ty = SourceType::from_extension(Path::new("header.txt")).expect("a text file");
    let pages = read::read(s.text.as_bytes(), ty, &Limits::default())
        .expect("a text header reads")
        .pages;
    let x = rules.apply(&pages);
    let mut out = Vec::new();
    let want_kind = s.kind.as_deref().unwrap_or("act");
    if x.rule_kind != want_kind {
        out.push(format!("kind: want {want_kind:?} got {:?}", x.rule_kind));
    }
    let d = x.decisions.first();
    let text = |v: Option<&Option<String>>| v.and_then(|o| o.clone()).unwrap_or_default();
    let date = |v: Option<chrono::NaiveDate>| v.map(|d| d.to_string()).unwrap_or_default();
    let got = [
        ("act_number", &s.act_number, text(d.map(|d| &d.act_number))),
        (
            "decision_date",
            &s.decision_date,
            date(d.and_then(|d| d.decision_date)),
        ),
        ("office", &s.office, text(d.map(|d| &d.office))),
        (
            "office_number",
            &s.office_number,
            text(d.map(|d| &d.office_number)),
        ),
        (
            "office_date",
            &s.office_date,
            date(d.and_then(|d| d.office_date)),
        ),
        ("subject", &s.subject, text(d.map(|d| &d.subject))),
    ];
    for (field, want, got) in got {
        if fold(want) != fold(&got) {
            out.push(format!("{field}: want {want:?} got {got:?}"));
        }
    }
    out
}

#[test]
fn every_header_shape_reads_right() {
    let path = root().join("tests/fixtures/header_shapes.toml");
    let shapes: Shapes =
        toml::from_str(&std::fs::read_to_string(&path).expect("the shapes file")).expect("shapes");
    assert!(shapes.shape.len() >= 30, "shapes: {}", shapes.shape.len());
    let rules = RuleSet::load(None, true).expect("built-in rules");
    let mut wrong = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for s in &shapes.shape {
        assert!(ids.insert(s.id.clone()), "shape id twice: {}", s.id);
        assert!(!s.family.trim().is_empty(), "{}: no family", s.id);
        let bad = misreadings(&rules, s);
        match (&s.gap, bad.is_empty()) {
            (None, false) => {
                wrong.push(format!("{} ({}):\n  {}", s.id, s.family, bad.join("\n  ")))
            }
            (Some(why), true) => wrong.push(format!(
                "{}: marked as a gap ({why}) but now read right: drop the mark",
                s.id
            )),
            _ => {}
        }
    }
    assert!(
        wrong.is_empty(),
        "header shapes misread:\n{}",
        wrong.join("\n")
    );
}

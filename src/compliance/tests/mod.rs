//! Tests of loading, of each check type, and of the report, with the
//! helpers they share.

use chrono::NaiveDate;

use super::ReportFormat;
use super::*;
use crate::error::Error;
use crate::record::{Decision, Field, Indicator, Objective, Phase, Reference, Span};
use crate::rules::source::{self, RuleSource};

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn as_of() -> NaiveDate {
    date(2026, 11, 22)
}

pub(super) fn src(text: &str) -> Vec<RuleSource> {
    vec![RuleSource {
        name: FILE_NAME.into(),
        origin: "test/compliance.toml".into(),
        text: text.into(),
    }]
}

/// One check of a type, for `kind = "*"`, with optional extra keys.
pub(super) fn one(ty: &str, extra: &str) -> Checks {
    Checks::load(&src(&format!(
        "[[check]]\nid = \"t\"\nkind = \"*\"\nseverity = \"warning\"\ntype = \"{ty}\"\ndescription = \"prova\"\n{extra}\n"
    )))
    .unwrap()
}

pub(super) fn messages(c: &Checks, d: Document) -> Vec<(Option<u32>, String)> {
    c.run(&[d], as_of())
        .findings
        .into_iter()
        .map(|f| (f.page, f.message))
        .collect()
}

pub(super) fn span(page: u32) -> Span {
    Span {
        page,
        start: 0,
        end: 1,
    }
}

pub(super) fn doc(kind: &str) -> Document {
    Document {
        doc_id: "d1".into(),
        source_file: "x/scheda.pdf".into(),
        kind: kind.into(),
        year: Some(2021),
        ..Document::default()
    }
}

pub(super) fn phase(seq: u32, start: NaiveDate, end: NaiveDate) -> Phase {
    Phase {
        objective_code: Some("2021_Z001".into()),
        seq,
        start_date: Some(start),
        end_date: Some(end),
        spans: [
            ("start_date".to_owned(), span(2)),
            ("end_date".to_owned(), span(3)),
        ]
        .into(),
        ..Phase::default()
    }
}

mod checks;
mod loading;
mod report;

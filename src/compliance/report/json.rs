//! The report as JSON, for scripts: every finding, notes included.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{CheckSummary, DocumentSummary, Report};
use crate::compliance::{severity_name, Severity};
use crate::record::{Failure, Skipped};

impl Report {
    pub(super) fn json(&self) -> JsonReport<'_> {
        JsonReport {
            as_of: self.as_of.to_string(),
            totals: Totals {
                documents: self.documents.len(),
                findings: self.findings.len(),
                error: self.count(Severity::Error),
                warning: self.count(Severity::Warning),
                info: self.count(Severity::Info),
            },
            documents_by_kind: self
                .by_kind()
                .into_iter()
                .map(|(k, (n, _))| (k, n))
                .collect(),
            checks: &self.checks,
            documents: self
                .documents
                .iter()
                .map(|d| JsonDocument {
                    doc: d,
                    findings: self
                        .findings_of(d)
                        .iter()
                        .map(|f| JsonFinding {
                            check: &f.check,
                            severity: severity_name(f.severity),
                            page: f.page,
                            message: &f.message,
                        })
                        .collect(),
                })
                .collect(),
            failures: &self.failures,
            skipped: &self.skipped,
        }
    }
}

#[derive(Serialize)]
pub(super) struct JsonReport<'a> {
    as_of: String,
    totals: Totals,
    documents_by_kind: BTreeMap<&'a str, usize>,
    checks: &'a [CheckSummary],
    documents: Vec<JsonDocument<'a>>,
    failures: &'a [Failure],
    skipped: &'a [Skipped],
}

#[derive(Serialize)]
struct Totals {
    documents: usize,
    findings: usize,
    error: usize,
    warning: usize,
    info: usize,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    #[serde(flatten)]
    doc: &'a DocumentSummary,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    check: &'a str,
    severity: &'static str,
    page: Option<u32>,
    message: &'a str,
}

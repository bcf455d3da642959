//! Compliance checks: rules/compliance.toml -> [`Checks`] -> findings -> [`Report`].
//!
//! A check is declared once, in a TOML file, with an id, the document kind it
//! applies to, a severity, an Italian description and one of a fixed set of
//! check types ([`CheckType`]); the type's Rust code does the looking, the
//! file says where to look and how much it matters. So an office that wants
//! a new required field, or a warning instead of an error, edits a rules file
//! (`--rules DIR` with its own `compliance.toml` replaces the built-in one)
//! and no Rust.
//!
//! Loading is strict (unknown keys, unknown types, a field that no record has
//! are errors that name the file, line, column and check id), running never
//! fails: every document yields zero or more [`Finding`]s, each with an
//! Italian message that names the value at fault and, where the value was
//! read from the text, its page.

mod check;
mod report;
mod spec;
mod wording;

use chrono::NaiveDate;

pub use check::{Check, CheckType, RecordKind};
pub use report::{DocumentSummary, Finding, Report};

use crate::error::Result;
use crate::read::Status;
use crate::record::Document;
use crate::rules::source::RuleSource;

/// The name of the rule file that holds the checks.
pub const FILE_NAME: &str = "compliance.toml";

/// How the compliance report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Md,
    Json,
    Html,
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// The compiled checks, in the order they are declared.
#[derive(Debug, Clone, Default)]
pub struct Checks {
    pub checks: Vec<Check>,
}

impl Checks {
    /// Compiles the checks of every source named `compliance.toml` (the
    /// built-in one, or the one of `--rules DIR` that replaces it).
    pub fn load(sources: &[RuleSource]) -> Result<Checks> {
        let mut checks = Vec::new();
        for s in sources.iter().filter(|s| s.name == FILE_NAME) {
            for c in spec::parse(s)? {
                if checks.iter().any(|x: &Check| x.id == c.id) {
                    return Err(spec::duplicate(s, &c.id));
                }
                checks.push(c);
            }
        }
        Ok(Checks { checks })
    }

    /// Runs every check that applies to each document.
    pub fn run(&self, docs: &[Document], as_of: NaiveDate) -> Report {
        let mut review = self.review(as_of);
        for d in docs {
            review.add(d);
        }
        review.finish()
    }

    /// A review that takes the documents one at a time, so a large index is
    /// checked without holding every record (with its page texts) at once.
    pub fn review(&self, as_of: NaiveDate) -> Review<'_> {
        Review {
            checks: self,
            as_of,
            documents: Vec::new(),
            findings: Vec::new(),
        }
    }
}

/// The checks under way over a set of documents: [`Review::add`] each one,
/// then [`Review::finish`] for the report. Only what the report lists is
/// kept of a document: its name, kind and status, and its findings.
#[derive(Debug)]
pub struct Review<'a> {
    checks: &'a Checks,
    as_of: NaiveDate,
    documents: Vec<DocumentSummary>,
    findings: Vec<Finding>,
}

impl Review<'_> {
    /// Checks one document. Documents without a text layer are counted in
    /// the report but not checked: nothing could be read from them, so
    /// every check would only repeat that.
    pub fn add(&mut self, d: &Document) {
        self.documents.push(DocumentSummary {
            doc_id: d.doc_id.clone(),
            source_file: d.source_file.clone(),
            kind: d.kind.clone(),
            status: d.status.as_str().to_owned(),
        });
        if d.status != Status::Ok {
            return;
        }
        for c in self.checks.checks.iter().filter(|c| c.applies_to(d)) {
            for (page, message) in merge_repeats(c.check_type.findings(d, self.as_of)) {
                self.findings.push(Finding {
                    check: c.id.clone(),
                    severity: c.severity,
                    source_file: d.source_file.clone(),
                    doc_id: d.doc_id.clone(),
                    page,
                    message,
                });
            }
        }
    }

    pub fn finish(self) -> Report {
        Report::new(
            self.as_of,
            &self.checks.checks,
            self.documents,
            self.findings,
        )
    }
}

/// One finding for each distinct (page, message), with a count when the
/// same thing is said more than once: a deliberation that cites "art. 97"
/// bare five times on a page gets one line, not five.
fn merge_repeats(hits: Vec<check::Hit>) -> Vec<check::Hit> {
    let mut out: Vec<(check::Hit, usize)> = Vec::new();
    for h in hits {
        match out.iter_mut().find(|(x, _)| *x == h) {
            Some((_, n)) => *n += 1,
            None => out.push((h, 1)),
        }
    }
    out.into_iter()
        .map(|((page, msg), n)| {
            if n > 1 {
                (page, format!("{msg} ({n} occorrenze)"))
            } else {
                (page, msg)
            }
        })
        .collect()
}

/// The stable English name of a severity, as written in rule files and `--fail-on`.
pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

/// What an Italian reader is shown for a severity.
pub fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Info => "informazione",
        Severity::Warning => "avviso",
        Severity::Error => "errore",
    }
}

#[cfg(test)]
mod tests;

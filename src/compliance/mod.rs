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

use crate::cli::Severity;
use crate::error::Result;
use crate::extract::Status;
use crate::record::Document;
use crate::rules::source::RuleSource;

/// The name of the rule file that holds the checks.
pub const FILE_NAME: &str = "compliance.toml";

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

    /// Runs every check that applies to each document. Documents without a
    /// text layer are counted in the report but not checked: nothing could
    /// be read from them, so every check would only repeat that.
    pub fn run(&self, docs: &[Document], as_of: NaiveDate) -> Report {
        let mut findings = Vec::new();
        for d in docs.iter().filter(|d| d.status == Status::Ok) {
            for c in self.checks.iter().filter(|c| c.applies_to(d)) {
                for (page, message) in merge_repeats(c.check_type.findings(d, as_of)) {
                    findings.push(Finding {
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
        Report::new(as_of, &self.checks, docs, findings)
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

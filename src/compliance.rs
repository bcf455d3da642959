//! Compliance checks declared in rules/compliance.toml -> findings -> report.
//!
//! PLACEHOLDER INTERFACE until the compliance work lands.

use chrono::NaiveDate;

use crate::cli::{ReportFormat, Severity};
use crate::error::Result;
use crate::record::Document;
use crate::rules::source::RuleSource;

/// The compiled checks.
#[derive(Debug, Clone, Default)]
pub struct Checks {}

/// One finding on one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub check: String,
    pub severity: Severity,
    pub source_file: String,
    pub doc_id: String,
    pub page: Option<u32>,
    pub message: String,
}

/// The findings over a set of documents.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub as_of: Option<NaiveDate>,
    pub findings: Vec<Finding>,
    pub documents: usize,
}

impl Checks {
    pub fn load(_sources: &[RuleSource]) -> Result<Checks> {
        Ok(Checks {})
    }

    pub fn run(&self, docs: &[Document], as_of: NaiveDate) -> Report {
        Report {
            as_of: Some(as_of),
            findings: Vec::new(),
            documents: docs.len(),
        }
    }
}

impl Report {
    pub fn render(&self, _format: ReportFormat) -> Result<String> {
        Ok(format!("# Compliance\n\n{} documents\n", self.documents))
    }

    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

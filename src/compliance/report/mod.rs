//! The compliance report: the findings of a run, in Markdown, JSON or HTML.
//!
//! All three say the same things in the same order: the date of the check,
//! documents by kind, findings by check (every check, so a zero says "this was
//! looked at and is fine"), then each document's findings with their page
//! (notes of severity `info` folded to a count unless `--verbose`; the JSON
//! has them all), then the files that were not read (failures) and those
//! skipped (other types, copies). [`markdown`], [`html`] and [`json`] write it.
//! The order is fixed (source file, page, order of declaration of the check,
//! then the order of the document), so two runs over the same documents give
//! the same bytes and a report can be kept under version control and compared.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::check::Check;
use super::severity_name;
use super::{ReportFormat, Severity};
use crate::error::Result;
use crate::read::Status;
use crate::record::{Failure, Skipped};

mod html;
mod json;
mod markdown;

/// One finding on one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The id of the check that found it.
    pub check: String,
    pub severity: Severity,
    pub source_file: String,
    pub doc_id: String,
    /// 1-based page, where the value (or its record) was read from a page.
    pub page: Option<u32>,
    /// Italian, naming the record and the value.
    pub message: String,
}

/// A document as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentSummary {
    pub doc_id: String,
    pub source_file: String,
    pub kind: String,
    /// `ok`, `no_text`, `encrypted`: only `ok` documents are checked.
    pub status: String,
}

/// A check as the report lists it, with how many findings it had.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckSummary {
    pub id: String,
    #[serde(rename = "type")]
    pub check_type: String,
    pub kind: String,
    #[serde(serialize_with = "ser_severity")]
    pub severity: Severity,
    pub description: String,
    pub findings: usize,
}

/// The findings over a set of documents.
#[derive(Debug, Clone)]
pub struct Report {
    pub as_of: NaiveDate,
    pub checks: Vec<CheckSummary>,
    /// Every document looked at, by source file.
    pub documents: Vec<DocumentSummary>,
    /// In report order: source file, doc_id, page (document-wide first),
    /// check declaration order, order in the document.
    pub findings: Vec<Finding>,
    /// Files that did not become documents, by source file.
    pub failures: Vec<Failure>,
    /// Files seen and not read: other types, copies of documents.
    pub skipped: Vec<Skipped>,
    /// List every finding, notes included.
    pub verbose: bool,
}

fn ser_severity<S: serde::Serializer>(
    s: &Severity,
    ser: S,
) -> std::result::Result<S::Ok, S::Error> {
    ser.serialize_str(severity_name(*s))
}

impl Report {
    pub fn new(
        as_of: NaiveDate,
        checks: &[Check],
        mut documents: Vec<DocumentSummary>,
        mut findings: Vec<Finding>,
    ) -> Report {
        let order = |id: &str| checks.iter().position(|c| c.id == id).unwrap_or(usize::MAX);
        // A stable sort: findings of one check on one page keep the order
        // in which the check met them, which is the order of the document.
        findings.sort_by(|a, b| {
            (&a.source_file, &a.doc_id, a.page, order(&a.check)).cmp(&(
                &b.source_file,
                &b.doc_id,
                b.page,
                order(&b.check),
            ))
        });
        documents.sort_by(|a, b| (&a.source_file, &a.doc_id).cmp(&(&b.source_file, &b.doc_id)));
        let checks = checks
            .iter()
            .map(|c| CheckSummary {
                id: c.id.clone(),
                check_type: c.check_type.name().to_owned(),
                kind: c.kind.clone(),
                severity: c.severity,
                description: c.description.clone(),
                findings: findings.iter().filter(|f| f.check == c.id).count(),
            })
            .collect();
        Report {
            as_of,
            checks,
            documents,
            findings,
            failures: Vec::new(),
            skipped: Vec::new(),
            verbose: false,
        }
    }

    /// The worst severity found, if anything was found.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    pub fn render(&self, format: ReportFormat) -> Result<String> {
        Ok(match format {
            ReportFormat::Md => self.markdown(),
            ReportFormat::Json => {
                let mut s = serde_json::to_string_pretty(&self.json())?;
                s.push('\n');
                s
            }
            ReportFormat::Html => self.html(),
        })
    }

    /// How many findings have this severity.
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// kind -> (documents, documents with findings), by kind name.
    fn by_kind(&self) -> BTreeMap<&str, (usize, usize)> {
        let mut m: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for d in &self.documents {
            let e = m.entry(d.kind.as_str()).or_default();
            e.0 += 1;
            if !self.findings_of(d).is_empty() {
                e.1 += 1;
            }
        }
        m
    }

    /// A document's findings: a run of the list, which is sorted by source
    /// file and doc_id, found by bisection (a report of 100k documents must
    /// not compare every document with every finding).
    fn findings_of(&self, d: &DocumentSummary) -> &[Finding] {
        fn of(f: &Finding) -> (&str, &str) {
            (&f.source_file, &f.doc_id)
        }
        let key = (d.source_file.as_str(), d.doc_id.as_str());
        let start = self.findings.partition_point(|f| of(f) < key);
        let len = self.findings[start..]
            .iter()
            .take_while(|f| of(f) == key)
            .count();
        &self.findings[start..start + len]
    }

    fn unchecked(&self) -> impl Iterator<Item = &DocumentSummary> {
        self.documents
            .iter()
            .filter(|d| d.status != Status::Ok.as_str())
    }

    fn totals_line(&self) -> String {
        format!(
            "{} (errori {}, avvisi {}, informazioni {})",
            self.findings.len(),
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Info)
        )
    }

    /// What is listed of a document: every finding with `--verbose`, else
    /// errors and warnings, with the number of notes (`info`) left out.
    fn listed<'a>(&'a self, d: &DocumentSummary) -> (Vec<&'a Finding>, usize) {
        let all = self.findings_of(d);
        if self.verbose {
            return (all.iter().collect(), 0);
        }
        let shown: Vec<&Finding> = all.iter().filter(|f| f.severity > Severity::Info).collect();
        let folded = all.len() - shown.len();
        (shown, folded)
    }
}

fn kind_label(kind: &str) -> String {
    if kind == "*" {
        "tutti".into()
    } else {
        kind.to_owned()
    }
}

/// Text made safe for a Markdown table cell or heading.
fn md(s: &str) -> String {
    crate::escape::markdown(s)
}

/// Text made safe for HTML element content and attribute values.
fn esc(s: &str) -> String {
    crate::escape::html(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compliance::check::CheckType;
    use crate::record::skip;

    fn report(verbose: bool) -> Report {
        let check = |id: &str, severity| Check {
            id: id.into(),
            kind: "*".into(),
            severity,
            description: "descrizione".into(),
            check_type: CheckType::ReferenceNamesAct,
        };
        let finding = |check: &str, severity| Finding {
            check: check.into(),
            severity,
            source_file: "a.pdf".into(),
            doc_id: "aaaa".into(),
            page: Some(1),
            message: format!("rilievo di {check}"),
        };
        let mut r = Report::new(
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            &[
                check("nota", Severity::Info),
                check("errore", Severity::Error),
            ],
            vec![DocumentSummary {
                doc_id: "aaaa".into(),
                source_file: "a.pdf".into(),
                kind: "deliberation".into(),
                status: "ok".into(),
            }],
            vec![
                finding("nota", Severity::Info),
                finding("nota", Severity::Info),
                finding("errore", Severity::Error),
            ],
        );
        r.verbose = verbose;
        r.failures = vec![Failure {
            source_file: "rotto.pdf".into(),
            stage: "extract".into(),
            reason: "PDF: struttura del file non leggibile (couldn't parse input)".into(),
            ..Failure::default()
        }];
        r.skipped = vec![Skipped {
            source_file: "copia.pdf".into(),
            reason: skip::DUPLICATE.into(),
            detail: "same content as a.pdf".into(),
            duplicate_of: Some("a.pdf".into()),
            ..Skipped::default()
        }];
        r
    }

    #[test]
    fn notes_are_counted_not_listed_and_unread_files_have_their_sections() {
        let md = report(false).render(ReportFormat::Md).unwrap();
        assert!(
            md.contains("| `nota` | tutti | informazione | descrizione | 2 |"),
            "{md}"
        );
        assert!(
            md.contains("rilievo di errore") && !md.contains("rilievo di nota"),
            "{md}"
        );
        assert!(md.contains("Note informative non elencate: 2"), "{md}");
        assert!(
            md.contains("- File non letti: 1; file saltati: 1 (altri tipi 0, copie 1)"),
            "{md}"
        );
        assert!(
            md.contains("## File non letti\n\n| File | Fase | Motivo |"),
            "{md}"
        );
        assert!(
            md.contains("| rotto.pdf | extract | PDF: struttura del file non leggibile (couldn't parse input) |"),
            "{md}"
        );
        assert!(
            md.contains("| copia.pdf | copia | same content as a.pdf |"),
            "{md}"
        );

        let verbose = report(true).render(ReportFormat::Md).unwrap();
        assert!(verbose.contains("rilievo di nota") && !verbose.contains("non elencate"));

        let html = report(false).render(ReportFormat::Html).unwrap();
        assert!(html.contains("<h2>File non letti</h2>") && html.contains("<h2>File saltati</h2>"));
        assert!(!html.contains("rilievo di nota"));
        let json: serde_json::Value =
            serde_json::from_str(&report(false).render(ReportFormat::Json).unwrap()).unwrap();
        assert_eq!(
            json["documents"][0]["findings"].as_array().unwrap().len(),
            3,
            "JSON keeps every finding"
        );
        assert_eq!(json["failures"][0]["source_file"], "rotto.pdf");
        assert_eq!(json["skipped"][0]["duplicate_of"], "a.pdf");
    }
}

//! The compliance report: the findings of a run, in Markdown, JSON or HTML.
//!
//! All three say the same things in the same order: the date of the check,
//! documents by kind, findings by check (every check, so a zero says "this was
//! looked at and is fine"), then each document's findings with their page.
//! The order is fixed (source file, page, order of declaration of the check,
//! then the order of the document), so two runs over the same documents give
//! the same bytes and a report can be kept under version control and compared.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use super::check::Check;
use super::wording::it_date;
use super::{severity_label, severity_name};
use super::{ReportFormat, Severity};
use crate::error::Result;
use crate::read::Status;

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

    fn markdown(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "# Rapporto di conformità\n");
        let _ = writeln!(
            s,
            "- Data della verifica: {} ({})",
            it_date(self.as_of),
            self.as_of
        );
        let _ = writeln!(s, "- Documenti esaminati: {}", self.documents.len());
        let _ = writeln!(s, "- Rilievi: {}\n", self.totals_line());

        let _ = writeln!(s, "## Documenti per tipo\n");
        let _ = writeln!(s, "| Tipo | Documenti | Con rilievi |\n|---|---:|---:|");
        let kinds = self.by_kind();
        for (k, (n, with)) in &kinds {
            let _ = writeln!(s, "| {} | {n} | {with} |", md(k));
        }
        let with: usize = kinds.values().map(|x| x.1).sum();
        let _ = writeln!(s, "| **Totale** | {} | {with} |\n", self.documents.len());

        let _ = writeln!(s, "## Rilievi per controllo\n");
        if self.checks.is_empty() {
            let _ = writeln!(s, "Nessun controllo dichiarato.\n");
        } else {
            let _ = writeln!(
                s,
                "| Controllo | Tipo di documento | Severità | Descrizione | Rilievi |\n|---|---|---|---|---:|"
            );
            for c in &self.checks {
                let _ = writeln!(
                    s,
                    "| `{}` | {} | {} | {} | {} |",
                    md(&c.id),
                    md(&kind_label(&c.kind)),
                    severity_label(c.severity),
                    md(&c.description),
                    c.findings
                );
            }
            s.push('\n');
        }

        let _ = writeln!(s, "## Rilievi per documento\n");
        let mut clean = 0;
        for d in &self.documents {
            let fs = self.findings_of(d);
            if fs.is_empty() {
                clean += 1;
                continue;
            }
            let _ = writeln!(s, "### {}\n", md(&d.source_file));
            let _ = writeln!(s, "- doc_id: `{}`", md(&d.doc_id));
            let _ = writeln!(s, "- tipo: {}\n", md(&d.kind));
            let _ = writeln!(
                s,
                "| Pagina | Severità | Controllo | Rilievo |\n|---:|---|---|---|"
            );
            for f in fs {
                let _ = writeln!(
                    s,
                    "| {} | {} | `{}` | {} |",
                    f.page.map_or("-".into(), |p| p.to_string()),
                    severity_label(f.severity),
                    md(&f.check),
                    md(&f.message)
                );
            }
            s.push('\n');
        }
        if self.findings.is_empty() {
            let _ = writeln!(s, "Nessun rilievo.\n");
        } else if clean > 0 {
            let _ = writeln!(s, "Documenti senza rilievi: {clean}.\n");
        }
        let unchecked: Vec<_> = self.unchecked().collect();
        if !unchecked.is_empty() {
            let _ = writeln!(s, "## Documenti non verificati (senza testo)\n");
            for d in unchecked {
                let _ = writeln!(
                    s,
                    "- {} (`{}`, {})",
                    md(&d.source_file),
                    md(&d.doc_id),
                    d.status
                );
            }
            s.push('\n');
        }
        // One trailing newline, whatever the last section was.
        while s.ends_with("\n\n") {
            s.pop();
        }
        s
    }

    fn json(&self) -> JsonReport<'_> {
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
        }
    }

    fn html(&self) -> String {
        let mut s = String::new();
        s.push_str(concat!(
            "<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<title>Rapporto di conformità</title>\n<style>\n",
            "body{font-family:system-ui,sans-serif;margin:2em;color:#222}\n",
            "table{border-collapse:collapse;margin:0 0 1.5em}\n",
            "th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}\n",
            "td.n{text-align:right}\n",
            ".errore{color:#a00;font-weight:bold}.avviso{color:#a60}.informazione{color:#555}\n",
            "</style>\n</head>\n<body>\n<h1>Rapporto di conformità</h1>\n"
        ));
        let _ = writeln!(
            s,
            "<ul><li>Data della verifica: {} ({})</li><li>Documenti esaminati: {}</li><li>Rilievi: {}</li></ul>",
            it_date(self.as_of),
            self.as_of,
            self.documents.len(),
            esc(&self.totals_line())
        );
        s.push_str("<h2>Documenti per tipo</h2>\n<table>\n<tr><th>Tipo</th><th>Documenti</th><th>Con rilievi</th></tr>\n");
        for (k, (n, with)) in self.by_kind() {
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td class=\"n\">{n}</td><td class=\"n\">{with}</td></tr>",
                esc(k)
            );
        }
        s.push_str("</table>\n<h2>Rilievi per controllo</h2>\n<table>\n<tr><th>Controllo</th><th>Tipo di documento</th><th>Severità</th><th>Descrizione</th><th>Rilievi</th></tr>\n");
        for c in &self.checks {
            let sev = severity_label(c.severity);
            let _ = writeln!(
                s,
                "<tr><td><code>{}</code></td><td>{}</td><td class=\"{sev}\">{sev}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                esc(&c.id),
                esc(&kind_label(&c.kind)),
                esc(&c.description),
                c.findings
            );
        }
        s.push_str("</table>\n<h2>Rilievi per documento</h2>\n");
        for d in &self.documents {
            let fs = self.findings_of(d);
            if fs.is_empty() {
                continue;
            }
            let _ = writeln!(
                s,
                "<h3>{}</h3>\n<p>doc_id <code>{}</code>, tipo {}</p>\n<table>\n<tr><th>Pagina</th><th>Severità</th><th>Controllo</th><th>Rilievo</th></tr>",
                esc(&d.source_file),
                esc(&d.doc_id),
                esc(&d.kind)
            );
            for f in fs {
                let sev = severity_label(f.severity);
                let _ = writeln!(
                    s,
                    "<tr><td class=\"n\">{}</td><td class=\"{sev}\">{sev}</td><td><code>{}</code></td><td>{}</td></tr>",
                    f.page.map_or("-".into(), |p| p.to_string()),
                    esc(&f.check),
                    esc(&f.message)
                );
            }
            s.push_str("</table>\n");
        }
        if self.findings.is_empty() {
            s.push_str("<p>Nessun rilievo.</p>\n");
        }
        let unchecked: Vec<_> = self.unchecked().collect();
        if !unchecked.is_empty() {
            s.push_str("<h2>Documenti non verificati (senza testo)</h2>\n<ul>\n");
            for d in unchecked {
                let _ = writeln!(
                    s,
                    "<li>{} (<code>{}</code>, {})</li>",
                    esc(&d.source_file),
                    esc(&d.doc_id),
                    esc(&d.status)
                );
            }
            s.push_str("</ul>\n");
        }
        s.push_str("</body>\n</html>\n");
        s
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    as_of: String,
    totals: Totals,
    documents_by_kind: BTreeMap<&'a str, usize>,
    checks: &'a [CheckSummary],
    documents: Vec<JsonDocument<'a>>,
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

fn kind_label(kind: &str) -> String {
    if kind == "*" {
        "tutti".into()
    } else {
        kind.to_owned()
    }
}

/// Text made safe for a Markdown table cell or heading.
fn md(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    one_line.replace('\\', "\\\\").replace('|', "\\|")
}

/// Text made safe for HTML element content and attribute values.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

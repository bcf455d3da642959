//! `atti check`: the compliance summary.

use crate::cli::CheckArgs;
use crate::config::{self, Filter};
use atti::compliance::Severity;
use atti::error::Result;
use atti::index::Index;

pub fn run(a: &CheckArgs) -> Result<i32> {
    let checks = config::checks(&a.rules)?;
    let as_of = config::as_of(a.as_of.as_deref())?;
    let filter = Filter::from_args(&a.filter)?;
    let index = Index::open(&config::read_index_path(&a.index))?;
    // One record at a time, page texts included (some checks read them).
    let mut review = checks.review(as_of);
    index.for_each_document(true, |d| {
        if filter.accepts(&d) {
            review.add(&d);
        }
        Ok(())
    })?;
    let mut report = review.finish();
    report.verbose = a.verbose;
    // Failed and skipped files have no kind or date: listed when unfiltered.
    if filter.is_empty() {
        report.failures = index.failures()?;
        report.skipped = index.skipped()?;
    }
    let mut out = super::output(a.out.as_deref())?;
    out.write_all(report.render(a.format)?.as_bytes())
        .map_err(|e| atti::Error::io("<output>", e))?;
    out.flush().map_err(|e| atti::Error::io("<output>", e))?;
    if let Some(path) = &a.out {
        // The report went to a file: say in one line what it holds.
        eprintln!(
            "{}: {} documenti, {} rilievi (errori {}, avvisi {}, informazioni {})",
            path.display(),
            report.documents.len(),
            report.findings.len(),
            report.count(Severity::Error),
            report.count(Severity::Warning),
            report.count(Severity::Info),
        );
    }
    Ok(match (a.fail_on, report.max_severity()) {
        (Some(bar), Some(worst)) if worst >= bar => 1,
        _ => 0,
    })
}

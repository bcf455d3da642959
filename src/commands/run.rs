//! `atti run PATH... --out DIR`: ingest, every table (as CSV files and as the
//! sheets of one xlsx workbook), the compliance report; the corrections of
//! the project applied over the rules' values.

use crate::cli::RunArgs;
use crate::config;
use atti::compliance::ReportFormat;
use atti::error::{Error, Result};
use atti::index::Index;
use atti::ingest;
use atti::progress::Progress;
use atti::tables::{self, TableId};

/// The workbook of every table, in the output folder.
pub const WORKBOOK: &str = "atti.xlsx";

pub fn run(a: &RunArgs) -> Result<i32> {
    let rules = config::rules(&a.rules)?;
    let checks = config::checks(&a.rules)?;
    let opts = config::table_options(&a.table_opts)?;
    let as_of = config::as_of(a.as_of.as_deref())?;
    let index_dir = a.out.join("index");
    let mut cfg = super::ingest::ingest_config(&a.paths, index_dir.clone(), &a.rules, &a.opts);
    // The tables and report this run writes are never ingested.
    cfg.exclude.push(a.out.clone());
    let summary = ingest::ingest(&cfg, &rules, &Progress::stderr(a.opts.json))?;
    super::ingest::say_if_ocr_is_off(&cfg.ocr, summary.no_text > 0);
    super::ingest::report(&summary, a.opts.json)?;

    // Every table and the checks in one pass over the records, one record
    // at a time: an archive of 100k documents is never held in memory whole.
    // The corrections made by hand are applied over the rules' values, as
    // `atti export`, `atti show` and `atti report` apply them.
    let index = Index::open(&index_dir)?;
    let project = config::project(a.config.as_deref(), &index_dir)?;
    let corrections = config::corrections(&project)?;
    let mut corrected = 0;
    let mut review = checks.review(as_of);
    let mut tables = TableId::ALL.map(tables::TableRows::new);
    index.for_each_document(true, |mut d| {
        corrected += corrections.apply(&mut d).len();
        tables.iter_mut().for_each(|t| t.add(&d));
        review.add(&d);
        Ok(())
    })?;
    let failures = index.failures()?;
    let skipped = index.skipped()?;
    let finished: Vec<(TableId, Vec<tables::Row>)> = tables
        .into_iter()
        .map(|rows| {
            let table = rows.table();
            let rows = match table {
                TableId::Failures => tables::failure_rows(&failures),
                TableId::Skipped => tables::skipped_rows(&skipped),
                _ => rows.finish(),
            };
            (table, rows)
        })
        .collect();
    // The workbook is made on a thread of its own while the CSV files and
    // the report are written: its sheets and their compression are most of
    // this last stretch, when the extraction's processes have ended.
    let workbook = a.out.join(WORKBOOK);
    let report = std::thread::scope(|scope| {
        let book = scope.spawn(|| -> Result<()> {
            let mut book = tables::xlsx::Workbook::new();
            for (table, rows) in &finished {
                book.add_table(*table, rows)?;
            }
            book.save(&workbook)
        });
        let rest = finished
            .iter()
            .try_for_each(|(table, rows)| -> Result<()> {
                let path = a.out.join(format!("{}.csv", table.name()));
                let mut out = super::output(Some(&path))?;
                tables::write_rows(*table, rows, &opts, tables::Format::Csv, &mut out)?;
                out.flush().map_err(|e| Error::io(&path, e))
            })
            .and_then(|()| {
                let mut report = review.finish();
                report.verbose = a.verbose;
                report.failures = failures;
                report.skipped = skipped;
                let path = a.out.join("compliance.md");
                std::fs::write(&path, report.render(ReportFormat::Md)?)
                    .map_err(|e| Error::io(&path, e))?;
                Ok(report)
            });
        let book = book.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        book.and(rest)
    })?;
    if corrected > 0 && !a.opts.json {
        eprintln!("atti: {corrected} valori corretti a mano applicati (atti corrections li elenca con i valori estratti)");
    }
    if !a.opts.json {
        eprintln!(
            "scritti {}/{{{}}}.csv, {WORKBOOK} e compliance.md",
            a.out.display(),
            TableId::ALL.map(|t| t.name()).join(",")
        );
    }
    Ok(match (a.fail_on, report.max_severity()) {
        (Some(bar), Some(worst)) if worst >= bar => 1,
        _ => 0,
    })
}

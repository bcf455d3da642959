//! `atti export TABLE`: one table as CSV, JSON Lines or an xlsx workbook.
//!
//! Records are read one at a time and turned into the table's rows at once,
//! so exporting the phases of 100k documents holds the rows, not 100k
//! records. A workbook is a file: `--format xlsx` (or `--out FILE.xlsx`)
//! needs `--out`, checked before the index is opened.

use crate::cli::ExportArgs;
use crate::config::{self, Filter};
use atti::error::Result;
use atti::index::Index;
use atti::tables::{self, TableId};

pub fn run(a: &ExportArgs) -> Result<i32> {
    let opensearch = a.format.filter(|f| f.table_format().is_none());
    let Some(table) = a.table.filter(|_| opensearch.is_none()) else {
        return match (opensearch, a.table) {
            (Some(f), None) => super::opensearch::run(a, f),
            (Some(_), Some(_)) => Err(atti::Error::Usage(
                "i formati opensearch esportano i documenti: togliere il nome della tabella".into(),
            )),
            (None, _) => {
                use clap::ValueEnum;
                let names: Vec<String> = TableId::value_variants()
                    .iter()
                    .filter_map(|t| t.to_possible_value())
                    .map(|v| v.get_name().to_owned())
                    .collect();
                Err(atti::Error::Usage(format!(
                    "quale tabella? {} (o --format opensearch-bulk)",
                    names.join(", ")
                )))
            }
        };
    };
    let opts = config::table_options(&a.table_opts)?;
    let format = config::export_format(a.format.and_then(|f| f.table_format()), a.out.as_deref())?;
    let filter = Filter::from_args(&a.filter)?;
    let index = Index::open(&config::read_index_path(&a.index))?;
    let project = config::project(a.config.as_deref(), index.path())?;
    let corrections = config::corrections(&project)?;
    let mut corrected = 0;
    // Failed and skipped files have no kind, year or date: a filter leaves none.
    let rows = if table == TableId::Failures {
        match filter.is_empty() {
            true => tables::failure_rows(&index.failures()?),
            false => Vec::new(),
        }
    } else if table == TableId::Skipped {
        match filter.is_empty() {
            true => tables::skipped_rows(&index.skipped()?),
            false => Vec::new(),
        }
    } else {
        let mut rows = tables::TableRows::new(table);
        index.for_each_document(false, |mut d| {
            corrected += corrections.apply(&mut d).len();
            if filter.accepts(&d) {
                rows.add(&d);
            }
            Ok(())
        })?;
        rows.finish()
    };
    let mut out = super::output(a.out.as_deref())?;
    tables::write_rows(table, &rows, &opts, format, &mut out)?;
    out.flush().map_err(|e| atti::Error::io("<output>", e))?;
    if corrected > 0 {
        eprintln!("atti: {corrected} valori corretti a mano applicati (atti corrections li elenca con i valori estratti)");
    }
    Ok(0)
}

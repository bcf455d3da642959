//! `atti export TABLE`: one table as CSV or JSON Lines.
//!
//! Records are read one at a time and turned into the table's rows at once,
//! so exporting the phases of 100k documents holds the rows, not 100k
//! records.

use crate::cli::{ExportArgs, Table};
use crate::config::{self, Filter, TableOptions};
use crate::error::Result;
use crate::export;
use crate::index::Index;

pub fn run(a: &ExportArgs) -> Result<i32> {
    let opts = TableOptions::from_args(&a.table_opts)?;
    let filter = Filter::from_args(&a.filter)?;
    let index = Index::open(&config::read_index_path(&a.index))?;
    let rows = if a.table == Table::Failures {
        // Failures have no kind, year or date: a filter leaves none.
        let failures = if filter.is_empty() {
            index.failures()?
        } else {
            Vec::new()
        };
        export::rows(a.table, &[], &failures)
    } else {
        let mut rows = export::TableRows::new(a.table);
        index.for_each_document(false, |d| {
            if filter.accepts(&d) {
                rows.add(&d);
            }
            Ok(())
        })?;
        rows.finish()
    };
    let mut out = super::output(a.out.as_deref())?;
    export::write_rows(a.table, rows, &opts, a.format, &mut out)?;
    out.flush().map_err(|e| crate::Error::io("<output>", e))?;
    Ok(0)
}

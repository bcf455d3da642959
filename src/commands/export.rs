//! `atti export TABLE`: one table as CSV or JSON Lines.

use crate::cli::ExportArgs;
use crate::config::{self, Filter, TableOptions};
use crate::error::Result;
use crate::export;
use crate::index::Index;

pub fn run(a: &ExportArgs) -> Result<i32> {
    let opts = TableOptions::from_args(&a.table_opts)?;
    let filter = Filter::from_args(&a.filter)?;
    let index = Index::open(&config::read_index_path(&a.index))?;
    let docs = super::documents(&index, &filter)?;
    let failures = if filter.is_empty() {
        index.failures()?
    } else {
        Vec::new()
    };
    let mut out = super::output(a.out.as_deref())?;
    export::write_table(a.table, &docs, &failures, &opts, a.format, &mut out)?;
    out.flush().map_err(|e| crate::Error::io("<output>", e))?;
    Ok(0)
}

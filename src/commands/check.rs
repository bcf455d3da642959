//! `atti check`: the compliance summary.

use crate::cli::CheckArgs;
use crate::compliance::Checks;
use crate::config::{self, Filter};
use crate::error::Result;
use crate::index::Index;
use crate::rules::source;

pub fn run(a: &CheckArgs) -> Result<i32> {
    let checks = Checks::load(&source::sources(
        a.rules.rules.as_deref(),
        !a.rules.no_builtin_rules,
    )?)?;
    let as_of = match &a.as_of {
        Some(s) => config::parse_cli_date("--as-of", s)?,
        None => config::today(),
    };
    let filter = Filter::from_args(&a.filter)?;
    let index = Index::open(&config::read_index_path(&a.index))?;
    let docs: Vec<_> = index
        .documents()?
        .into_iter()
        .filter(|d| filter.accepts(d))
        .collect();
    let report = checks.run(&docs, as_of);
    let mut out = super::output(a.out.as_deref())?;
    out.write_all(report.render(a.format)?.as_bytes())
        .map_err(|e| crate::Error::io("<output>", e))?;
    out.flush().map_err(|e| crate::Error::io("<output>", e))?;
    Ok(match (a.fail_on, report.max_severity()) {
        (Some(bar), Some(worst)) if worst >= bar => 1,
        _ => 0,
    })
}

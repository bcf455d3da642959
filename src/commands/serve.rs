//! `atti serve`: the archive's web page (see [`atti::serve`]).

use crate::cli::ServeArgs;
use crate::config;
use atti::error::Result;
use atti::index::Index;

pub fn run(a: &ServeArgs) -> Result<i32> {
    let checks = config::checks(&a.rules)?;
    let index = Index::open(&config::read_index_path(&a.index))?;
    atti::serve::run(index, checks, a.config.clone(), a.bind)?;
    Ok(0)
}

//! `atti serve`: the archive's web page (see [`atti::serve`]).

use std::net::SocketAddr;

use clap::Args;

use crate::args::{IndexArg, RulesArg};
use crate::config;
use atti::error::Result;
use atti::index::Index;

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub index: IndexArg,
    /// The compliance checks the document pages and the report use.
    #[command(flatten)]
    pub rules: RulesArg,
    /// The address to listen on: this machine only unless told otherwise (0.0.0.0:8080 opens it to the network).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    pub bind: SocketAddr,
    /// The project configuration (atti.toml) of the report pages [default: ./atti.toml, else atti.toml at the archive root].
    #[arg(long, env = "ATTI_CONFIG", value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
}

pub fn run(a: &ServeArgs) -> Result<i32> {
    let checks = config::checks(&a.rules)?;
    let index = Index::open(&config::read_index_path(&a.index))?;
    atti::serve::run(index, checks, a.config.clone(), a.bind)?;
    Ok(0)
}

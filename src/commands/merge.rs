//! `atti merge SHARD... --index OUT`: one index from many shards.

use std::path::PathBuf;

use clap::Args;

use crate::args::IndexArg;
use crate::config;
use atti::error::Result;
use atti::progress::Progress;

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The shards' index folders (made by `atti ingest --shard I/N --index DIR`).
    #[arg(required = true, value_name = "SHARD")]
    pub shards: Vec<PathBuf>,
    /// The merged index: a new folder, or an index that the merge replaces.
    #[command(flatten)]
    pub index: IndexArg,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: &MergeArgs) -> Result<i32> {
    let out = config::index_path(&a.index);
    let summary = atti::merge::merge(&a.shards, &out, &Progress::stderr(a.json))?;
    if a.json {
        super::print(&format!(
            "{}\n",
            serde_json::to_string(&summary).unwrap_or_default()
        ))?;
        return Ok(0);
    }
    eprintln!(
        "uniti {} shard in {}: {} documenti, {} errori, {} file saltati; {} contenuti presenti in più shard contati una volta; {} pagine memorizzate ({:.1} s)",
        summary.shards,
        out.display(),
        super::count_it(summary.documents),
        super::count_it(summary.failures),
        super::count_it(summary.skipped),
        summary.shared_contents,
        super::count_it(summary.stored_pages),
        summary.elapsed_ms as f64 / 1000.0
    );
    if !summary.missing_shards.is_empty() {
        let list: Vec<String> = summary.missing_shards.iter().map(u32::to_string).collect();
        eprintln!(
            "attenzione: mancano gli shard {}: l'indice unito non ha i loro file",
            list.join(", ")
        );
    }
    Ok(0)
}

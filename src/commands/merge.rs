//! `atti merge SHARD... --index OUT`: one index from many shards.

use crate::cli::MergeArgs;
use crate::config;
use atti::error::Result;
use atti::progress::Progress;

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

//! `atti remove DOC|PATH...`: documents and files taken out of the index.

use crate::cli::RemoveArgs;
use crate::config;
use atti::error::Result;

pub fn run(a: &RemoveArgs) -> Result<i32> {
    let now = atti::ingest::now_rfc3339();
    let r = atti::ingest::remove::remove(&config::read_index_path(&a.index), &a.keys, &now)?;
    if a.json {
        super::print(&(serde_json::to_string(&r)? + "\n"))?;
    } else {
        for name in &r.removed {
            eprintln!("tolto {}", atti::escape::terminal(name));
        }
        eprintln!(
            "{} tolti dall'indice; un file ancora in una cartella indicizzata torna al prossimo ingest (spostarlo altrove, o ingest con --prune)",
            r.removed.len()
        );
    }
    Ok(0)
}

//! `atti search`: ranked hits with a snippet.

use crate::cli::SearchArgs;
use crate::config;
use crate::error::Result;
use crate::index::{search, Index};

pub fn run(a: &SearchArgs) -> Result<i32> {
    let index = Index::open(&config::read_index_path(&a.index))?;
    let req = search::Request {
        query: a.query.join(" "),
        kind: a.kind.clone(),
        year: a.year,
        from: a
            .from
            .as_deref()
            .map(|s| config::parse_cli_date("--from", s))
            .transpose()?,
        to: a
            .to
            .as_deref()
            .map(|s| config::parse_cli_date("--to", s))
            .transpose()?,
        limit: a.limit,
    };
    let hits = search::search(&index, &req)?;
    for h in &hits {
        if a.json {
            println!("{}", serde_json::to_string(h)?);
        } else {
            println!(
                "{}. {} [{} {}] {}\n   {}\n",
                h.rank,
                h.title.as_deref().unwrap_or("(senza titolo)"),
                h.kind,
                h.year.map(|y| y.to_string()).unwrap_or_default(),
                h.source_file,
                h.snippet
            );
        }
    }
    if hits.is_empty() && !a.json {
        eprintln!("no documents match");
    }
    Ok(0)
}

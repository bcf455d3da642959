//! `atti stats`: documents by kind and year, index size, last ingest.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::cli::StatsArgs;
use crate::config;
use crate::error::Result;
use crate::index::Index;

#[derive(Debug, Serialize)]
struct Stats {
    documents: usize,
    failures: usize,
    by_kind: BTreeMap<String, usize>,
    by_year: BTreeMap<String, usize>,
    by_status: BTreeMap<String, usize>,
    index_bytes: u64,
    last_ingest: Option<String>,
}

pub fn run(a: &StatsArgs) -> Result<i32> {
    let index = Index::open(&config::read_index_path(&a.index))?;
    let docs = index.documents()?;
    let failures = index.failures()?;
    let mut s = Stats {
        documents: docs.len(),
        failures: failures.len(),
        by_kind: BTreeMap::new(),
        by_year: BTreeMap::new(),
        by_status: BTreeMap::new(),
        index_bytes: index.size_bytes(),
        last_ingest: docs
            .iter()
            .map(|d| d.ingested_at.as_str())
            .chain(failures.iter().map(|f| f.ingested_at.as_str()))
            .max()
            .map(str::to_owned),
    };
    for d in &docs {
        *s.by_kind.entry(d.kind.clone()).or_default() += 1;
        *s.by_year
            .entry(d.year.map_or("-".into(), |y| y.to_string()))
            .or_default() += 1;
        *s.by_status.entry(d.status.as_str().into()).or_default() += 1;
    }
    if a.json {
        println!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(0);
    }
    println!("documents  {}", s.documents);
    println!("failures   {}", s.failures);
    println!("index size {:.1} MB", s.index_bytes as f64 / 1e6);
    println!("last ingest {}", s.last_ingest.as_deref().unwrap_or("-"));
    for (title, map) in [
        ("by kind", &s.by_kind),
        ("by year", &s.by_year),
        ("by status", &s.by_status),
    ] {
        println!("\n{title}");
        for (k, n) in map {
            println!("  {k:<14} {n}");
        }
    }
    Ok(0)
}

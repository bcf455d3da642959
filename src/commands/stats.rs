//! `atti stats`: documents by kind and year, index size, last ingest.

use std::fmt::Write as _;

use std::collections::BTreeMap;

use crate::cli::StatsArgs;
use crate::config;
use atti::error::Result;
use atti::index::Index;

pub fn run(a: &StatsArgs) -> Result<i32> {
    let index = Index::open(&config::read_index_path(&a.index))?;
    let s = index.stats()?;
    let mut o = String::new();
    if a.json {
        writeln!(o, "{}", serde_json::to_string_pretty(&s)?).ok();
        super::print(&o)?;
        return Ok(0);
    }
    writeln!(o, "documents   {}", s.documents).ok();
    writeln!(o, "failures    {}", s.failures).ok();
    writeln!(o, "index size  {}", human_bytes(s.index_bytes)).ok();
    writeln!(o, "last ingest {}", s.last_ingest.as_deref().unwrap_or("-")).ok();
    let tables: [(&str, &BTreeMap<String, u64>); 4] = [
        ("by kind", &s.by_kind),
        ("by year", &s.by_year),
        ("by status", &s.by_status),
        ("by body", &s.by_body),
    ];
    for (title, map) in tables {
        if map.is_empty() {
            continue;
        }
        writeln!(o, "\n{title}").ok();
        let width = map
            .keys()
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0)
            .max(14);
        for (k, n) in map {
            writeln!(o, "  {k:<width$} {n}").ok();
        }
    }
    super::print(&o)?;
    Ok(0)
}

/// Bytes in the largest unit that keeps the number readable.
fn human_bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 30 => format!("{:.2} GB", n as f64 / (1u64 << 30) as f64),
        n if n >= 1 << 20 => format!("{:.1} MB", n as f64 / (1u64 << 20) as f64),
        n if n >= 1 << 10 => format!("{:.1} KB", n as f64 / (1u64 << 10) as f64),
        n => format!("{n} B"),
    }
}

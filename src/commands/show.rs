//! `atti show DOC`: every value extracted from one document, with where it came from.

use crate::cli::ShowArgs;
use crate::config;
use atti::error::{Error, Result};
use atti::index::Index;
use atti::record::Document;

pub fn run(a: &ShowArgs) -> Result<i32> {
    let index = Index::open(&config::read_index_path(&a.index))?;
    let Some(doc) = index.get(&a.doc)? else {
        return Err(Error::Usage(format!(
            "no document `{}` in the index (give a doc_id or a path)",
            a.doc
        )));
    };
    if a.json {
        super::print(&(serde_json::to_string_pretty(&doc)? + "\n"))?;
    } else {
        super::print(&render(&doc))?;
    }
    Ok(0)
}

/// The human-readable form: the document's facts, then each field with its page and span.
pub fn render(d: &Document) -> String {
    let mut s = String::new();
    let mut line = |k: &str, v: String| s.push_str(&format!("{k:<14} {v}\n"));
    line("doc_id", d.doc_id.clone());
    line("source_file", d.source_file.clone());
    line("kind", d.kind.clone());
    line("status", d.status.as_str().into());
    line("title", d.title.clone().unwrap_or_default());
    line("date", d.date.map(|x| x.to_string()).unwrap_or_default());
    line("pages", d.pages.to_string());
    line("extractor", d.extractor.clone());
    s.push_str("\nfields (page:start-end  rule)\n");
    for f in &d.fields {
        let at = f
            .span
            .map(|sp| format!("p{}:{}-{}", sp.page, sp.start, sp.end))
            .unwrap_or_else(|| "-".into());
        s.push_str(&format!(
            "  {:<32} {}\n      {at}  {}\n",
            f.name, f.value, f.rule
        ));
    }
    for r in &d.references {
        let at = r
            .span
            .map(|sp| format!("p{}:{}-{}", sp.page, sp.start, sp.end))
            .unwrap_or_default();
        s.push_str(&format!(
            "  {:<32} {} -> {}\n      {at}\n",
            "reference",
            r.raw,
            r.urn.as_deref().unwrap_or("-")
        ));
    }
    for w in &d.warnings {
        s.push_str(&format!("  warning: {w}\n"));
    }
    s
}

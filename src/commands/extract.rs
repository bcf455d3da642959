//! `atti extract FILE`: the text the pipeline sees, to help whoever writes rules.

use crate::cli::ExtractArgs;
use crate::config;
use atti::error::{Error, Result};
use atti::read::{self, Limits, SourceType};
use atti::tables::{found, TableOptions};

pub fn run(a: &ExtractArgs) -> Result<i32> {
    let bytes = std::fs::read(&a.file).map_err(|e| Error::io(&a.file, e))?;
    let claimed = SourceType::from_extension(&a.file).unwrap_or(SourceType::Text);
    let ty = SourceType::sniff(&bytes, claimed);
    let limits = Limits::default();
    if a.raw {
        if ty != SourceType::Pdf {
            return Err(Error::Usage("--raw vale solo per i file PDF".into()));
        }
        let raw =
            atti_pdf::raw_text(&bytes, &limits).map_err(|e| Error::from(e).in_file(&a.file))?;
        super::print(&raw)?;
        return Ok(0);
    }
    let ocr = a.ocr.resolve();
    let e =
        read::read_with(&bytes, ty, &limits, &ocr, &mut |_| {}).map_err(|e| e.in_file(&a.file))?;
    super::ingest::say_if_ocr_is_off(&ocr, e.status == read::Status::NoText);
    if a.tables {
        return tables(a, &e.pages);
    }
    let rules_read = match a.rules_output {
        true => Some(config::rules(&a.rules)?.apply(&e.pages)),
        false => None,
    };
    let text = if a.json {
        let mut v = serde_json::to_value(&e)?;
        if let Some(x) = &rules_read {
            v["rules"] = x.to_json();
        }
        serde_json::to_string_pretty(&v)? + "\n"
    } else if a.layout {
        let pages: Vec<String> = e
            .pages
            .iter()
            .map(|p| {
                if p.words.is_empty() {
                    p.text.clone()
                } else {
                    atti_pdf::layout_text(p)
                }
            })
            .collect();
        pages.join("\u{c}")
    } else {
        e.full_text()
    };
    super::print(&text)?;
    if let Some(x) = rules_read.filter(|_| !a.json) {
        eprintln!("\ntipo: {}", x.kind);
        for f in &x.fields {
            eprintln!("  {:<32} {}", f.name, f.value);
        }
    }
    Ok(0)
}

/// `--tables`: every table of every page, as text, JSON or CSV.
fn tables(a: &ExtractArgs, pages: &[atti_page::Page]) -> Result<i32> {
    let found = found::find_all(pages, &atti_tables::Settings::default());
    if a.json {
        let file = a.file.display().to_string();
        super::print(&(serde_json::to_string_pretty(&found::to_json(&file, &found))? + "\n"))?;
    } else if a.csv {
        let mut out = super::output(None)?;
        found::write_csv(&found, &TableOptions::default(), &mut out)?;
    } else {
        super::print(&found::render_text(&found))?;
        let n: usize = found.iter().map(|p| p.tables.len()).sum();
        eprintln!("tabelle trovate: {n} in {} pagine", found.len());
    }
    Ok(0)
}

//! `atti correct DOC FIELD VALUE --why ...` and `atti corrections`: values
//! put right by hand, kept in the project's corrections file (see
//! `atti::corrections`), never in the index.

use crate::cli::{CorrectArgs, CorrectionsArgs};
use crate::config;
use atti::corrections::Corrections;
use atti::error::Result;
use atti::index::Index;

pub fn run(a: &CorrectArgs) -> Result<i32> {
    let index_path = config::read_index_path(&a.index);
    let project = config::project(a.config.as_deref(), &index_path)?;
    let mut corrections = config::corrections(&project)?;
    let index = Index::open(&index_path)?;
    let doc = super::document(&index, &a.doc)?;
    let who = a
        .who
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "utente".into());
    let when = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let c = corrections.add(&doc, &a.field, &a.value, &who, &a.why, &when)?;
    corrections.save(&project.corrections)?;
    eprintln!(
        "atti: {} {}: \"{}\" (estratto: \"{}\"), in {}",
        doc.source_file,
        c.field,
        c.value,
        c.extracted,
        project.corrections.display()
    );
    Ok(0)
}

pub fn list(a: &CorrectionsArgs) -> Result<i32> {
    let index_path = config::read_index_path(&a.index);
    let project = config::project(a.config.as_deref(), &index_path)?;
    let corrections = config::corrections(&project)?;
    let index = Index::open(&index_path)?;
    let mut out = String::new();
    let mut changed = 0;
    for c in &corrections.list {
        let one = Corrections {
            list: vec![c.clone()],
        };
        let doc = index
            .get(&c.path)?
            .filter(|d| d.sha256 == c.doc || d.source_file == c.path);
        let (now, state) = match doc {
            None => (String::new(), "documento non più nell'indice"),
            Some(mut d) => match one.apply(&mut d).into_iter().next() {
                Some(x) if x.extracted_changed() => {
                    changed += 1;
                    (x.extracted, "valore estratto cambiato dopo la correzione")
                }
                Some(x) => (x.extracted, "in vigore"),
                None => (String::new(), "documento cambiato"),
            },
        };
        if a.json {
            let v = serde_json::json!({
                "doc": c.doc, "path": c.path, "field": c.field, "value": c.value,
                "extracted_then": c.extracted, "extracted_now": now, "who": c.who,
                "when": c.when, "why": c.why, "state": state,
            });
            out.push_str(&format!("{v}\n"));
        } else {
            out.push_str(&format!(
                "{}  {}\n  corretto: \"{}\"  estratto allora: \"{}\"  estratto ora: \"{}\"\n  {} il {}: {}\n  stato: {state}\n",
                c.path, c.field, c.value, c.extracted, now, c.who, c.when, c.why
            ));
        }
    }
    if !a.json {
        out.push_str(&format!(
            "{} correzioni in {}; {changed} con un valore estratto cambiato\n",
            corrections.list.len(),
            project.corrections.display()
        ));
    }
    super::print(&out)?;
    Ok(0)
}

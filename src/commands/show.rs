//! `atti show DOC`: every value extracted from one document, with where it came from.

use crate::cli::ShowArgs;
use crate::config;
use atti::error::Result;
use atti::index::Index;
use atti::record::schema::TableId;
use atti::record::Document;
use atti::tables;

pub fn run(a: &ShowArgs) -> Result<i32> {
    let index = Index::open(&config::read_index_path(&a.index))?;
    let mut doc = super::document(&index, &a.doc)?;
    let project = config::project(a.config.as_deref(), index.path())?;
    let applied = config::corrections(&project)?.apply(&mut doc);
    if a.json {
        let mut v = serde_json::to_value(&doc)?;
        v["corrections"] = serde_json::to_value(&applied)?;
        super::print(&(serde_json::to_string_pretty(&v)? + "\n"))?;
    } else {
        let pages = atti::index::pages::PageStore::of_index(&config::read_index_path(&a.index))
            .load(&doc.sha256);
        let mut text = render(&doc);
        text.push_str(&render_corrections(&applied));
        if let Some(r) = pages.filter(|r| !r.pages.is_empty()) {
            text.push_str(&places(&doc, &r));
        }
        super::print(&atti::escape::terminal(&text))?;
    }
    Ok(0)
}

/// The human-readable form, with the Italian labels of the output tables'
/// schema: the document's row of the documents table, then each value the
/// rules read with its page, span and rule, then the legal references.
pub fn render(d: &Document) -> String {
    let mut s = String::new();
    let documents = TableId::Documents.schema();
    let row = tables::rows(TableId::Documents, std::slice::from_ref(d));
    for (col, cell) in documents
        .columns
        .iter()
        .zip(row.first().into_iter().flatten())
    {
        s.push_str(&format!("{:<20} {}\n", col.label, cell.to_text(false)));
    }
    s.push_str("\nvalori letti (pagina:inizio-fine  regola)\n");
    for f in &d.fields {
        let at = f
            .span
            .map(|sp| format!("p{}:{}-{}", sp.page, sp.start, sp.end))
            .unwrap_or_else(|| "-".into());
        s.push_str(&format!(
            "  {:<44} {}\n      {at}  {}\n",
            label(&f.name),
            f.value,
            f.rule
        ));
    }
    for r in &d.references {
        let at = r
            .span
            .map(|sp| format!("p{}:{}-{}", sp.page, sp.start, sp.end))
            .unwrap_or_default();
        s.push_str(&format!(
            "  {:<44} {} -> {}\n      {at}\n",
            "Riferimento normativo",
            r.raw,
            r.urn.as_deref().unwrap_or("-")
        ));
    }
    for w in &d.warnings {
        s.push_str(&format!("  avviso: {w}\n"));
    }
    s
}

/// For an office file, where each value was read in its own terms (sheet,
/// row and column; paragraph), after the page spans.
fn places(d: &Document, r: &atti::read::Reading) -> String {
    let mut s = String::new();
    for f in &d.fields {
        let Some(sp) = f.span else { continue };
        let Some(page) = r.pages.iter().find(|p| p.number == sp.page) else {
            continue;
        };
        if let Some(at) = atti::read::office::place(&r.extractor, page, sp.start) {
            s.push_str(&format!("  {:<44} {at}\n", label(&f.name)));
        }
    }
    if s.is_empty() {
        return s;
    }
    format!("\ndove, nel file\n{s}")
}

/// The corrections applied to the document: each corrected value beside
/// the value the rules read.
pub fn render_corrections(applied: &[atti::corrections::Applied]) -> String {
    let mut s = String::new();
    if applied.is_empty() {
        return s;
    }
    s.push_str("\ncorrezioni (valore corretto; estratto dalle regole)\n");
    for c in applied {
        s.push_str(&format!(
            "  {:<44} {}  [corretto]\n      estratto: {}\n      {} il {}: {}\n",
            label(&c.field),
            c.value,
            if c.extracted.is_empty() {
                "-"
            } else {
                &c.extracted
            },
            c.who,
            c.when,
            c.why
        ));
        if c.extracted_changed() {
            s.push_str(&format!(
                "      avviso: alla correzione le regole leggevano \"{}\"\n",
                c.extracted_then
            ));
        }
    }
    s
}

/// `decision.validity_end` -> `Fine validità (decision.validity_end)`: the
/// schema's label beside the stable name; the name alone when the schema
/// has no column for it.
fn label(name: &str) -> String {
    let column = name.split_once('.').and_then(|(record, field)| {
        let schema = TableId::of_record(record)?.schema();
        schema.columns.iter().find(|c| c.field == field)
    });
    match column {
        Some(c) => format!("{} ({name})", c.label),
        None => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use atti::record::{Field, Span};

    #[test]
    fn values_are_shown_with_their_italian_labels_and_provenance() {
        let d = Document {
            doc_id: "719998698c509560".into(),
            source_file: "samples/a.txt".into(),
            kind: "other".into(),
            pages: 1,
            fields: vec![Field {
                name: "decision.validity_end".into(),
                value: "2023-12-31".into(),
                rule: "delib.validity_end".into(),
                span: Some(Span {
                    page: 1,
                    start: 904,
                    end: 920,
                }),
            }],
            ..Document::default()
        };
        let text = render(&d);
        assert!(
            text.starts_with(
                "Identificativo       719998698c509560\nFile                 samples/a.txt\n"
            ),
            "{text}"
        );
        assert!(text.contains("Pagine               1\n"), "{text}");
        assert!(
            text.contains("  Fine validità (decision.validity_end)"),
            "{text}"
        );
        assert!(
            text.contains("      p1:904-920  delib.validity_end\n"),
            "{text}"
        );
        assert_eq!(label("phase.nonexistent"), "phase.nonexistent");
    }
}

//! `/doc/<doc_id>` (a document) and `/doc/<doc_id>/page/<n>` (one page of
//! its text, a span marked).
//!
//! The document page shows what `atti show` shows and the output tables
//! hold, read generically from the tables' schema ([`crate::record::schema`]):
//! every column of the documents table, every value the rules read with a
//! link to the span of page text it was read from, then the rows of each
//! table of the document (objectives, phases, indicators, decisions,
//! references), a cell linked to its span where the record keeps one, a
//! URN:NIR linked to Normattiva; then the compliance findings of the
//! document and a link to the original file. A column added to the schema
//! appears here without a change to this file.

use maud::{html, Markup, PreEscaped};
use serde_json::Value;

use super::layout::page;
use super::search_page::kind_label;
use crate::compliance::{severity_label, Finding};
use crate::record::schema::TableId;
use crate::record::{Document, Span};
use crate::tables;

/// The tables a document's records fill, in the order they are shown.
const TABLES: [TableId; 5] = [
    TableId::Objectives,
    TableId::Phases,
    TableId::Indicators,
    TableId::Decisions,
    TableId::References,
];

/// Normattiva's resolver for a URN:NIR.
const NORMATTIVA: &str = "https://www.normattiva.it/uri-res/N2Ls?";

/// The link to a span of page text.
pub fn span_href(doc_id: &str, sp: &Span) -> String {
    format!(
        "/doc/{doc_id}/page/{}?start={}&end={}#segno",
        sp.page, sp.start, sp.end
    )
}

/// `decision.validity_end` -> the schema's Italian label, or the name.
fn field_label(name: &str) -> String {
    name.split_once('.')
        .and_then(|(record, field)| {
            let schema = TableId::of_record(record)?.schema();
            schema.columns.iter().find(|c| c.field == field)
        })
        .map_or_else(|| name.to_owned(), |c| c.label.to_owned())
}

fn value_cell(text: &str) -> Markup {
    html! {
        @if text.starts_with("urn:nir:") {
            a href={ (NORMATTIVA) (text) } rel="noreferrer" { (text) }
        } @else {
            (text)
        }
    }
}

/// The spans a table's rows keep, row by row, column field -> span: read
/// from the record as JSON, so any record with `spans` (or one `span`, as
/// a reference has) is linked.
fn row_spans(d: &Document, table: TableId) -> Vec<Value> {
    serde_json::to_value(d)
        .ok()
        .and_then(|mut v| v.get_mut(table.name()).map(Value::take))
        .and_then(|v| match v {
            Value::Array(a) => Some(a),
            _ => None,
        })
        .unwrap_or_default()
}

fn span_of(record: Option<&Value>, field: &str, first: bool) -> Option<Span> {
    let r = record?;
    let v = r
        .get("spans")
        .and_then(|s| s.get(field))
        .or_else(|| r.get("span").filter(|_| first))?;
    serde_json::from_value(v.clone()).ok()
}

/// The document page.
pub fn document(d: &Document, findings: &[Finding]) -> Markup {
    let id = &d.doc_id;
    let documents = TableId::Documents.schema();
    let row = tables::rows(TableId::Documents, std::slice::from_ref(d));
    let title = d.title.clone().unwrap_or_else(|| d.source_file.clone());
    let body = html! {
        h1 { (title) }
        p.meta {
            span { (kind_label(&d.kind)) }
            span { a href={ "/file/" (id) } { "file originale" } }
            span { @if d.page_texts.len() == 1 { "1 pagina: " } @else { (d.page_texts.len()) " pagine: " }
                @for p in 1..=d.page_texts.len().min(200) {
                    a href={ "/doc/" (id) "/page/" (p) } { (p) } " "
                }
            }
        }
        h2 { "Dati del documento" }
        table {
            @for (col, cell) in documents.columns.iter().zip(row.first().into_iter().flatten()) {
                tr { th { (col.label) } td { (cell.to_text(false)) } }
            }
        }
        h2 { "Valori letti dalle regole" }
        @if d.fields.is_empty() {
            p { "Nessun valore letto." }
        } @else {
            table {
                tr { th { "Campo" } th { "Valore" } th { "Dove" } th { "Regola" } }
                @for f in &d.fields {
                    tr {
                        td { (field_label(&f.name)) br; code { (f.name) } }
                        td { (value_cell(&f.value)) }
                        td {
                            @if let Some(sp) = &f.span {
                                a.prov href=(span_href(id, sp)) { "p. " (sp.page) }
                            } @else { "-" }
                        }
                        td { code { (f.rule) } }
                    }
                }
            }
        }
        @for t in TABLES {
            (table(d, t))
        }
        h2 { "Conformità" }
        @if findings.is_empty() {
            p { "Nessun rilievo." }
        } @else {
            table {
                tr { th { "Pagina" } th { "Severità" } th { "Controllo" } th { "Rilievo" } }
                @for f in findings {
                    @let sev = severity_label(f.severity);
                    tr {
                        td { @match f.page {
                            Some(p) => { a href={ "/doc/" (id) "/page/" (p) } { (p) } }
                            None => { "-" }
                        } }
                        td class=(sev) { (sev) }
                        td { code { (f.check) } }
                        td { (f.message) }
                    }
                }
            }
        }
        @if !d.warnings.is_empty() {
            h2 { "Avvisi" }
            ul { @for w in &d.warnings { li { (w) } } }
        }
    };
    page(&title, body)
}

/// One table of the document: its schema's columns, the cells linked to
/// their spans.
fn table(d: &Document, t: TableId) -> Markup {
    let schema = t.schema();
    let rows = tables::rows(t, std::slice::from_ref(d));
    let records = row_spans(d, t);
    // The document's own columns are the page's subject: not repeated.
    let shown: Vec<usize> = (0..schema.columns.len())
        .filter(|&i| !matches!(schema.columns[i].id, "doc_id" | "source_file"))
        .collect();
    html! {
        h2 { (schema.label) " (" (rows.len()) ")" }
        @if rows.is_empty() {
            p { (schema.none_found) }
        } @else {
            div.scroll { table {
                tr { @for &i in &shown { th title=(schema.columns[i].id) { (schema.columns[i].label) } } }
                @for (n, r) in rows.iter().enumerate() {
                    tr {
                        @for (k, &i) in shown.iter().enumerate() {
                            @let text = r.get(i).map(|c| c.to_text(false).into_owned()).unwrap_or_default();
                            @let sp = span_of(records.get(n), schema.columns[i].field, k == 0);
                            td {
                                (value_cell(&text))
                                @if let (Some(sp), false) = (sp, text.is_empty()) {
                                    " " a.prov href=(span_href(&d.doc_id, &sp)) title="dove è stato letto" { "p. " (sp.page) }
                                }
                            }
                        }
                    }
                }
            } }
        }
    }
}

/// The text of page `n`, with `start..end` marked when it is a span of it.
pub fn page_text(d: &Document, n: usize, span: Option<(usize, usize)>) -> Markup {
    let text = &d.page_texts[n - 1];
    let span = span.filter(|&(s, e)| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    });
    let esc = crate::escape::html;
    let shown = match span {
        Some((s, e)) => format!(
            "{}<mark id=\"segno\">{}</mark>{}",
            esc(&text[..s]),
            esc(&text[s..e]),
            esc(&text[e..])
        ),
        None => esc(text),
    };
    let title = d.title.clone().unwrap_or_else(|| d.source_file.clone());
    let pages = d.page_texts.len();
    let body = html! {
        h1 { "Pagina " (n) " di " (pages) }
        p.meta {
            span { a href={ "/doc/" (d.doc_id) } { (title) } }
            @if n > 1 { span { a rel="prev" href={ "/doc/" (d.doc_id) "/page/" (n - 1) } { "‹ pagina precedente" } } }
            @if n < pages { span { a rel="next" href={ "/doc/" (d.doc_id) "/page/" (n + 1) } { "pagina successiva ›" } } }
        }
        @if span.is_some() { p.meta { "Il testo evidenziato è quello da cui è stato letto il valore." } }
        pre.page { (PreEscaped(shown)) }
    };
    page(&format!("Pagina {n} · {title}"), body)
}

//! The index schema: which fields a document has and how each is analysed.
//!
//! One tantivy document per input file. Searchable fields:
//!
//! - `title`, `body`: the Italian analyser ([`super::analyser`]); `body`
//!   holds one value per page and is stored, since snippets are cut from it.
//! - `code`: codes kept whole and lower-cased (`2021_Z001`): the codes the
//!   rules read, plus code-shaped words of the text (`2021_IND_STRATEG_13`,
//!   `3/2008`), so pasting a code finds every act that names it; `key`: only
//!   the codes the rules read as the act's own (objective code, act
//!   number), so the act that *is* 2021_Z001 ranks above one citing it.
//! - `person`, and per role `director`, `manager`, `responsible`,
//!   `signatory`; `organ` (the collegial body); `file` (words of the path):
//!   the name analyser, folded but not stemmed.
//! - `number` (the act's number as cited: `45`, `45/2022`) and `cig` (its
//!   CIG codes), kept whole; `procedure` (exact: `contract`, `grant`...);
//!   `administration` (the issuing body, name analyser); `amount` (the main
//!   amount in cents, for ranges): see [`super::act_fields`].
//! - `kind` (exact), `year` (integer), `date` (date), `facet`
//!   (`/kind/peg`, `/year/2021`, `/body/Giunta Comunale`, `/status/ok`),
//!   so counts come from the index without reading every record.
//!
//! The whole [`Document`] is stored as JSON in `record`, except its page
//! texts, which are already stored once in `body`; [`restore_pages`] puts
//! them back when a record is read.

/// The version of the index's layout: its fields and analysers. Written in
/// [`VERSION_FILE`] when an index is made; an index made before versions
/// were written holds version 1. An older index is rebuilt from its stored
/// records by the next ingest ([`super::upgrade`]); a newer one is refused.
///
/// - 1: the first layout.
/// - 2: the Italian analyser keeps positions in step after a word split at
///   an apostrophe (`Sant'Agata`); version 1 terms drifted after it.
/// - 3: the act's own facts are fields of their own, for the search
///   filters: `number` (`45/2022`), `cig`, `procedure`, `administration`
///   and `amount` (the main amount, in cents). An index of version 2 opens
///   without them (those filters then ask for an ingest, which rebuilds it).
pub const VERSION: u32 = 3;

/// The file, in the index folder, that holds its layout version.
pub const VERSION_FILE: &str = "atti-index.json";

use std::sync::OnceLock;

use regex::Regex;
use tantivy::schema::{Facet, Value};
use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED,
    STORED, STRING,
};
use tantivy::TantivyDocument;

use crate::error::Result;
use crate::record::{Document, Failure, Skipped};

pub use super::analyser::{CODE, IT, NAME};

pub const DOCUMENT: &str = "document";
pub const FAILURE: &str = "failure";
pub const SKIPPED: &str = "skipped";

/// The fields of the schema, looked up once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub record_type: Field,
    pub doc_id: Field,
    pub source_file: Field,
    pub file: Field,
    pub sha256: Field,
    pub pipeline: Field,
    pub stamp: Field,
    pub ingested_at: Field,
    pub kind: Field,
    pub year: Field,
    pub date: Field,
    pub title: Field,
    pub body: Field,
    pub code: Field,
    pub key: Field,
    pub person: Field,
    pub director: Field,
    pub manager: Field,
    pub responsible: Field,
    pub signatory: Field,
    pub organ: Field,
    pub facet: Field,
    pub record: Field,
    /// The fields of layout 3 (`None` in an index of layout 2).
    pub number: Option<Field>,
    pub cig: Option<Field>,
    pub procedure: Option<Field>,
    pub administration: Option<Field>,
    pub amount: Option<Field>,
}

impl Fields {
    pub fn from_schema(schema: &Schema) -> Option<Fields> {
        let f = |name| schema.get_field(name).ok();
        Some(Fields {
            record_type: f("record_type")?,
            doc_id: f("doc_id")?,
            source_file: f("source_file")?,
            file: f("file")?,
            sha256: f("sha256")?,
            pipeline: f("pipeline")?,
            stamp: f("stamp")?,
            ingested_at: f("ingested_at")?,
            kind: f("kind")?,
            year: f("year")?,
            date: f("date")?,
            title: f("title")?,
            body: f("body")?,
            code: f("code")?,
            key: f("key")?,
            person: f("person")?,
            director: f("director")?,
            manager: f("manager")?,
            responsible: f("responsible")?,
            signatory: f("signatory")?,
            organ: f("organ")?,
            facet: f("facet")?,
            record: f("record")?,
            number: f("number"),
            cig: f("cig"),
            procedure: f("procedure"),
            administration: f("administration"),
            amount: f("amount"),
        })
    }
}

fn text(analyser: &str, positions: bool) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyser)
            .set_index_option(if positions {
                IndexRecordOption::WithFreqsAndPositions
            } else {
                IndexRecordOption::WithFreqs
            }),
    )
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    // Fast columns for what `known()` and `stats` read on every document.
    b.add_text_field("record_type", STRING | STORED | FAST);
    b.add_text_field("doc_id", STRING | STORED);
    b.add_text_field("source_file", STRING | STORED | FAST);
    b.add_text_field("file", text(NAME, true));
    b.add_text_field("sha256", STRING | STORED | FAST);
    b.add_text_field("pipeline", STRING | STORED | FAST);
    b.add_text_field("stamp", STRING | FAST);
    b.add_text_field("ingested_at", STRING | STORED | FAST);
    b.add_text_field("kind", STRING | STORED | FAST);
    b.add_i64_field("year", INDEXED | STORED | FAST);
    b.add_date_field("date", INDEXED | STORED | FAST);
    b.add_text_field("title", text(IT, true).set_stored());
    b.add_text_field("body", text(IT, true).set_stored());
    b.add_text_field("code", text(CODE, false));
    b.add_text_field("key", text(CODE, false));
    for name in [
        "person",
        "director",
        "manager",
        "responsible",
        "signatory",
        "organ",
    ] {
        b.add_text_field(name, text(NAME, true));
    }
    b.add_facet_field("facet", FacetOptions::default());
    b.add_text_field("record", STORED);
    b.add_text_field("number", text(CODE, false));
    b.add_text_field("cig", text(CODE, false));
    b.add_text_field("procedure", STRING | FAST);
    b.add_text_field("administration", text(NAME, true));
    b.add_i64_field("amount", INDEXED | FAST);
    let schema = b.build();
    let fields = Fields::from_schema(&schema).expect("schema has every field");
    (schema, fields)
}

/// Registers the analysers the schema names.
pub fn register_analysers(index: &tantivy::Index) {
    super::analyser::register(index);
}

/// A calendar date as a tantivy date (midnight UTC).
pub fn date_value(d: chrono::NaiveDate) -> tantivy::DateTime {
    let secs = d
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or(0);
    tantivy::DateTime::from_timestamp_secs(secs)
}

/// Words of the text that look like codes: letters or digits joined by `_`,
/// `/`, `.` or `-`, with at least one digit (`2021_IND_STRATEG_13`, `3/2008`,
/// `2021_Z001`). Trailing punctuation is not part of them.
fn text_codes(text: &str) -> impl Iterator<Item = &str> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"[\p{L}\p{N}]+(?:[_/.\-][\p{L}\p{N}]+)+").expect("valid code pattern")
    });
    re.find_iter(text)
        .map(|m| m.as_str())
        .filter(|s| s.len() >= 4 && s.len() <= 64 && s.bytes().any(|b| b.is_ascii_digit()))
}

pub fn document_to_tantivy(f: &Fields, d: &Document) -> Result<TantivyDocument> {
    let mut t = TantivyDocument::default();
    t.add_text(f.record_type, DOCUMENT);
    t.add_text(f.doc_id, &d.doc_id);
    t.add_text(f.source_file, &d.source_file);
    t.add_text(f.file, &d.source_file);
    for p in d.paths.iter().filter(|p| **p != d.source_file) {
        t.add_text(f.file, p);
    }
    t.add_text(f.sha256, &d.sha256);
    t.add_text(f.pipeline, &d.pipeline);
    t.add_text(f.stamp, &d.stamp);
    t.add_text(f.ingested_at, &d.ingested_at);
    t.add_text(f.kind, &d.kind);
    t.add_facet(f.facet, Facet::from_path(["kind", d.kind.as_str()]));
    t.add_facet(f.facet, Facet::from_path(["status", d.status.as_str()]));
    if let Some(y) = d.year {
        t.add_i64(f.year, y as i64);
        t.add_facet(f.facet, Facet::from_path(["year", y.to_string().as_str()]));
    }
    if let Some(date) = d.date {
        t.add_date(f.date, date_value(date));
    }
    if let Some(title) = &d.title {
        t.add_text(f.title, title);
    }
    // Every page, even an empty one, so page numbers survive the round trip.
    for page in &d.page_texts {
        t.add_text(f.body, page);
    }
    let mut codes: Vec<&str> = d.codes();
    for code in &codes {
        t.add_text(f.key, code);
    }
    for text in d.title.iter().chain(&d.page_texts) {
        codes.extend(text_codes(text));
    }
    codes.sort_unstable_by_key(|c| c.to_lowercase());
    codes.dedup_by_key(|c| c.to_lowercase());
    for code in codes {
        t.add_text(f.code, code);
    }
    for person in d.people() {
        t.add_text(f.person, person);
    }
    for o in &d.objectives {
        if let Some(p) = &o.director {
            t.add_text(f.director, p);
        }
        if let Some(p) = &o.manager {
            t.add_text(f.manager, p);
        }
    }
    for p in d.phases.iter().filter_map(|p| p.responsible.as_deref()) {
        t.add_text(f.responsible, p);
    }
    let mut organs: Vec<&str> = Vec::new();
    for dec in &d.decisions {
        for p in &dec.signatories {
            t.add_text(f.signatory, p);
        }
        organs.extend(dec.body.as_deref().map(str::trim).filter(|b| !b.is_empty()));
    }
    organs.sort_unstable();
    organs.dedup();
    for organ in organs {
        t.add_text(f.organ, organ);
        t.add_facet(f.facet, Facet::from_path(["body", organ]));
    }
    add_act_fields(f, d, &mut t);
    t.add_text(f.record, stored_record(d)?);
    Ok(t)
}

/// The act's number, CIG codes, purpose, administration and main amount
/// (see [`super::act_fields`]), in an index that has their fields.
fn add_act_fields(f: &Fields, d: &Document, t: &mut TantivyDocument) {
    if let Some(field) = f.number {
        for n in super::act_fields::numbers(d) {
            t.add_text(field, &n);
        }
    }
    if let (Some(field), Some(a)) = (f.administration, &d.administration) {
        t.add_text(field, a);
    }
    for dec in &d.decisions {
        if let (Some(field), Some(c)) = (f.cig, &dec.cig) {
            for code in c.split_whitespace() {
                t.add_text(field, code);
            }
        }
        if let (Some(field), Some(p)) = (f.procedure, &dec.procedure) {
            t.add_text(field, p);
        }
        if let (Some(field), Some(a)) = (f.amount, &dec.main_amount) {
            t.add_i64(field, a.cents());
        }
    }
}

/// The record as stored: page texts left out (they are in `body`), and
/// absent values (`null`) left out, which read back as absent.
fn stored_record(d: &Document) -> Result<String> {
    let bare = Document {
        page_texts: Vec::new(),
        ..d.clone()
    };
    Ok(super::null_members::drop_null_members(
        &serde_json::to_string(&bare)?,
    ))
}

/// Puts the page texts, stored in `body`, back into a stored document record.
pub fn restore_pages(f: &Fields, doc: &TantivyDocument, record: &mut serde_json::Value) {
    if let Some(o) = record.as_object_mut() {
        let pages: Vec<serde_json::Value> = doc
            .get_all(f.body)
            .filter_map(|v| v.as_str())
            .map(|s| serde_json::Value::String(s.to_owned()))
            .collect();
        o.insert("page_texts".into(), serde_json::Value::Array(pages));
    }
}

pub fn failure_to_tantivy(f: &Fields, fail: &Failure) -> Result<TantivyDocument> {
    let mut t = TantivyDocument::default();
    t.add_text(f.record_type, FAILURE);
    t.add_text(f.source_file, &fail.source_file);
    t.add_text(f.file, &fail.source_file);
    t.add_text(f.sha256, fail.sha256.as_deref().unwrap_or_default());
    t.add_text(f.pipeline, &fail.pipeline);
    t.add_text(f.stamp, &fail.stamp);
    t.add_text(f.ingested_at, &fail.ingested_at);
    t.add_text(f.record, serde_json::to_string(fail)?);
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_shaped_words() {
        let t = "D.U.P.: 2021_IND_STRATEG_13 BUONA; art. 18 della L.R. 3/2008, ore 10.";
        let codes: Vec<&str> = text_codes(t).collect();
        assert_eq!(codes, vec!["2021_IND_STRATEG_13", "3/2008"]);
    }
}

pub fn skipped_to_tantivy(f: &Fields, skipped: &Skipped) -> Result<TantivyDocument> {
    let mut t = TantivyDocument::default();
    t.add_text(f.record_type, SKIPPED);
    t.add_text(f.source_file, &skipped.source_file);
    t.add_text(f.file, &skipped.source_file);
    t.add_text(f.sha256, skipped.sha256.as_deref().unwrap_or_default());
    t.add_text(f.pipeline, &skipped.pipeline);
    t.add_text(f.stamp, &skipped.stamp);
    t.add_text(f.ingested_at, &skipped.ingested_at);
    t.add_text(f.record, serde_json::to_string(skipped)?);
    Ok(t)
}

//! The index schema and the Italian analyser.
//!
//! `body` and `title` use the `it` analyser: simple tokens, lower case,
//! accents folded (città = citta), elisions split (dell'ente = ente) and
//! Snowball Italian stems. `code` keeps codes whole (lower-cased) so
//! `2021_Z001` matches exactly. `person` holds people's names, folded.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer,
};
use tantivy::TantivyDocument;

use crate::error::Result;
use crate::record::{Document, Failure};

pub const DOCUMENT: &str = "document";
pub const FAILURE: &str = "failure";

/// Analyser names registered on every index.
pub const IT: &str = "it";
pub const CODE: &str = "code";
pub const NAME: &str = "name";

/// The fields of the schema, looked up once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub record_type: Field,
    pub doc_id: Field,
    pub source_file: Field,
    pub sha256: Field,
    pub pipeline: Field,
    pub kind: Field,
    pub year: Field,
    pub date: Field,
    pub title: Field,
    pub body: Field,
    pub code: Field,
    pub person: Field,
    pub record: Field,
}

impl Fields {
    pub fn from_schema(schema: &Schema) -> Option<Fields> {
        let f = |name| schema.get_field(name).ok();
        Some(Fields {
            record_type: f("record_type")?,
            doc_id: f("doc_id")?,
            source_file: f("source_file")?,
            sha256: f("sha256")?,
            pipeline: f("pipeline")?,
            kind: f("kind")?,
            year: f("year")?,
            date: f("date")?,
            title: f("title")?,
            body: f("body")?,
            code: f("code")?,
            person: f("person")?,
            record: f("record")?,
        })
    }
}

fn text(analyser: &str, stored: bool) -> TextOptions {
    let o = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyser)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    if stored {
        o.set_stored()
    } else {
        o
    }
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    b.add_text_field("record_type", STRING | STORED);
    b.add_text_field("doc_id", STRING | STORED);
    b.add_text_field("source_file", STRING | STORED);
    b.add_text_field("sha256", STRING | STORED);
    b.add_text_field("pipeline", STRING | STORED);
    b.add_text_field("kind", STRING | STORED | FAST);
    b.add_i64_field("year", INDEXED | STORED | FAST);
    b.add_date_field("date", INDEXED | STORED | FAST);
    b.add_text_field("title", text(IT, true));
    b.add_text_field("body", text(IT, true));
    b.add_text_field("code", text(CODE, false));
    b.add_text_field("person", text(NAME, false));
    b.add_text_field("record", STORED);
    let schema = b.build();
    let fields = Fields::from_schema(&schema).expect("schema has every field");
    (schema, fields)
}

pub fn register_analysers(index: &tantivy::Index) {
    let m = index.tokenizers();
    m.register(
        IT,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(64))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::Italian))
            .build(),
    );
    m.register(
        CODE,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
    m.register(
        NAME,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
}

fn date_value(d: chrono::NaiveDate) -> tantivy::DateTime {
    let secs = d
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or(0);
    tantivy::DateTime::from_timestamp_secs(secs)
}

pub fn document_to_tantivy(f: &Fields, d: &Document) -> Result<TantivyDocument> {
    let mut t = TantivyDocument::default();
    t.add_text(f.record_type, DOCUMENT);
    t.add_text(f.doc_id, &d.doc_id);
    t.add_text(f.source_file, &d.source_file);
    t.add_text(f.sha256, &d.sha256);
    t.add_text(f.pipeline, &d.pipeline);
    t.add_text(f.kind, &d.kind);
    if let Some(y) = d.year {
        t.add_i64(f.year, y as i64);
    }
    if let Some(date) = d.date {
        t.add_date(f.date, date_value(date));
    }
    if let Some(title) = &d.title {
        t.add_text(f.title, title);
    }
    for page in &d.page_texts {
        t.add_text(f.body, page);
    }
    for code in d.codes() {
        t.add_text(f.code, code);
    }
    for person in d.people() {
        t.add_text(f.person, person);
    }
    t.add_text(f.record, serde_json::to_string(d)?);
    Ok(t)
}

pub fn failure_to_tantivy(f: &Fields, fail: &Failure) -> Result<TantivyDocument> {
    let mut t = TantivyDocument::default();
    t.add_text(f.record_type, FAILURE);
    t.add_text(f.source_file, &fail.source_file);
    t.add_text(f.sha256, fail.sha256.as_deref().unwrap_or_default());
    t.add_text(f.pipeline, &fail.pipeline);
    t.add_text(f.record, serde_json::to_string(fail)?);
    Ok(t)
}

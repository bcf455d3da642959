//! `atti export --format opensearch-bulk`: NDJSON for OpenSearch's `_bulk`.
//!
//! Two lines per document: the action (`index`, with `_index`, `_id` and
//! `routing`) and the source. A delete is one line. The source holds the
//! fields a cluster searches (`title` and `body` under the `atti_it`
//! analyser, names, codes, kind, dates, the administration) and the whole
//! record under `record`, which the template maps as stored, not indexed.

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{json, Map, Value};

use super::key;
use crate::error::{Error, Result};
use crate::record::Document;

/// What an earlier export held: `_id` -> routing.
pub type Exported = BTreeMap<String, Option<String>>;

/// The ids (and routings) of the `index` actions of an earlier bulk file,
/// those of its `delete` actions left out.
pub fn read_previous(text: &str) -> Exported {
    let mut out = Exported::new();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        if let Some(a) = v.get("index") {
            if let Some(id) = a.get("_id").and_then(Value::as_str) {
                let routing = a.get("routing").and_then(Value::as_str).map(str::to_owned);
                out.insert(id.to_owned(), routing);
            }
        }
    }
    out
}

/// The administration a document was published by, when the record names
/// one (read by name, so the handoff needs no change as records grow).
pub fn administration(record: &Value) -> Option<String> {
    record
        .get("administration")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The source document a cluster indexes for one record.
pub fn source(doc: &Document) -> Result<Value> {
    let mut record = serde_json::to_value(doc).map_err(|e| Error::Usage(e.to_string()))?;
    // The text is the `body` field already; the record keeps everything else.
    if let Some(m) = record.as_object_mut() {
        m.remove("page_texts");
    }
    let first = doc.decisions.first();
    let mut s = Map::new();
    s.insert("doc_id".into(), json!(doc.doc_id));
    s.insert("source_file".into(), json!(doc.source_file));
    s.insert("paths".into(), json!(doc.paths));
    s.insert("kind".into(), json!(doc.kind));
    s.insert("title".into(), json!(doc.title));
    s.insert("body".into(), json!(doc.page_texts.join("\n\n")));
    s.insert("year".into(), json!(doc.year));
    s.insert("date".into(), json!(doc.date.map(|d| d.to_string())));
    s.insert("administration".into(), json!(administration(&record)));
    s.insert("organ".into(), json!(first.and_then(|d| d.body.clone())));
    s.insert(
        "act_number".into(),
        json!(first.and_then(|d| d.act_number.clone())),
    );
    s.insert("codes".into(), json!(doc.codes()));
    s.insert("people".into(), json!(doc.people()));
    s.insert("sha256".into(), json!(doc.sha256));
    s.insert("pages".into(), json!(doc.pages));
    s.insert("record".into(), record);
    Ok(Value::Object(s))
}

/// Counts of a bulk export.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Written {
    pub indexed: usize,
    pub deleted: usize,
}

/// Writes the bulk actions: one `index` per document, one `delete` per id of
/// `previous` that no document has now.
pub struct BulkWriter<W: Write> {
    out: W,
    index_name: String,
    seen: std::collections::HashSet<String>,
    written: Written,
}

impl<W: Write> BulkWriter<W> {
    pub fn new(out: W, index_name: &str) -> Self {
        BulkWriter {
            out,
            index_name: index_name.to_owned(),
            seen: Default::default(),
            written: Written::default(),
        }
    }

    fn line(&mut self, v: &Value) -> Result<()> {
        serde_json::to_writer(&mut self.out, v).map_err(|e| Error::io("<output>", e.into()))?;
        self.out
            .write_all(b"\n")
            .map_err(|e| Error::io("<output>", e))
    }

    pub fn document(&mut self, doc: &Document) -> Result<()> {
        let id = key(&doc.source_file);
        let src = source(doc)?;
        let mut action = json!({"_index": self.index_name, "_id": id});
        if let Some(r) = src.get("administration").and_then(Value::as_str) {
            action["routing"] = json!(r);
        }
        self.line(&json!({ "index": action }))?;
        self.line(&src)?;
        self.seen.insert(id);
        self.written.indexed += 1;
        Ok(())
    }

    /// Deletes what `previous` exported and this export did not; the counts.
    pub fn finish(mut self, previous: &Exported) -> Result<Written> {
        for (id, routing) in previous {
            if self.seen.contains(id) {
                continue;
            }
            let mut action = json!({"_index": self.index_name, "_id": id});
            if let Some(r) = routing {
                action["routing"] = json!(r);
            }
            self.line(&json!({ "delete": action }))?;
            self.written.deleted += 1;
        }
        self.out.flush().map_err(|e| Error::io("<output>", e))?;
        Ok(self.written)
    }
}

//! The records the index stores: documents, failures and skipped files,
//! read back whole or one at a time.

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, TantivyDocument, Term};

use super::{schema, Index};
use crate::error::Result;
use crate::record::{Document, Failure, Skipped};

impl Index {
    /// Every document record, ordered by source file.
    pub fn documents(&self) -> Result<Vec<Document>> {
        let mut docs = Vec::new();
        self.for_each_document(true, |d| {
            docs.push(d);
            Ok(())
        })?;
        docs.sort_by(|a, b| a.source_file.cmp(&b.source_file));
        Ok(docs)
    }

    /// Visits every document record, in index order, one at a time (with
    /// its page texts only when `with_text`): a table of a large index is
    /// written without holding every record at once.
    pub fn for_each_document(
        &self,
        with_text: bool,
        mut f: impl FnMut(Document) -> Result<()>,
    ) -> Result<()> {
        self.for_each_stored(schema::DOCUMENT, |doc| {
            match self.document_of(&doc, with_text)? {
                Some(d) => f(d),
                None => Ok(()),
            }
        })
    }

    /// A document record read straight into its type, as [`Self::record_of`]
    /// reads it (its pipeline as the index's current map says, its page
    /// texts when `with_text`) without a JSON tree in between: the tables of
    /// `atti run` read every record back, and the tree was most of the cost.
    fn document_of(&self, doc: &TantivyDocument, with_text: bool) -> Result<Option<Document>> {
        let ty = doc
            .get_first(self.fields.record_type)
            .and_then(|v| v.as_str());
        if ty != Some(schema::DOCUMENT) {
            return Ok(None);
        }
        let json = doc
            .get_first(self.fields.record)
            .and_then(|v| v.as_str())
            .unwrap_or("{}");
        let mut d: Document = serde_json::from_str(json)?;
        let current = self.current();
        if !current.is_empty() {
            let now = current.effective(&d.sha256, &d.pipeline).to_owned();
            d.pipeline = now;
        }
        if with_text {
            d.page_texts = doc
                .get_all(self.fields.body)
                .filter_map(|v| v.as_str())
                .map(str::to_owned)
                .collect();
        }
        Ok(Some(d))
    }

    /// Every failure record, ordered by source file.
    pub fn failures(&self) -> Result<Vec<Failure>> {
        let mut out = Vec::new();
        self.for_each_stored(schema::FAILURE, |doc| {
            if let Some(record) = self.record_of::<Failure>(&doc, schema::FAILURE)? {
                out.push(record);
            }
            Ok(())
        })?;
        out.sort_by(|a, b| a.source_file.cmp(&b.source_file));
        Ok(out)
    }

    /// Every skipped-file record, ordered by source file.
    pub fn skipped(&self) -> Result<Vec<Skipped>> {
        let mut out = Vec::new();
        self.for_each_stored(schema::SKIPPED, |doc| {
            if let Some(record) = self.record_of::<Skipped>(&doc, schema::SKIPPED)? {
                out.push(record);
            }
            Ok(())
        })?;
        out.sort_by(|a, b| a.source_file.cmp(&b.source_file));
        Ok(out)
    }

    /// One document by doc_id, or by its source path (as ingested, or a path
    /// that ends with it).
    pub fn get(&self, key: &str) -> Result<Option<Document>> {
        // Names are written with `/`; a `\` is part of a name (`\xE0`).
        let searcher = self.searcher();
        for field in [self.fields.doc_id, self.fields.source_file] {
            let q = TermQuery::new(Term::from_field_text(field, &key), IndexRecordOption::Basic);
            for (_, addr) in searcher.search(&q, &TopDocs::with_limit(1).order_by_score())? {
                let doc: TantivyDocument = searcher.doc(addr)?;
                if let Some(d) = self.record_of::<Document>(&doc, schema::DOCUMENT)? {
                    return Ok(Some(d));
                }
            }
        }
        let key = key.trim_start_matches("./");
        Ok(self
            .documents()?
            .into_iter()
            .find(|d| d.source_file.ends_with(key) || key.ends_with(&d.source_file)))
    }

    /// The stored record of a tantivy document, if it is of `record_type`.
    pub fn record_of<T: serde::de::DeserializeOwned>(
        &self,
        doc: &TantivyDocument,
        record_type: &str,
    ) -> Result<Option<T>> {
        let Some(mut value) = self.stored_json(doc, record_type)? else {
            return Ok(None);
        };
        if record_type == schema::DOCUMENT {
            schema::restore_pages(&self.fields, doc, &mut value);
        }
        Ok(Some(serde_json::from_value(value)?))
    }

    fn stored_json(
        &self,
        doc: &TantivyDocument,
        record_type: &str,
    ) -> Result<Option<serde_json::Value>> {
        let ty = doc
            .get_first(self.fields.record_type)
            .and_then(|v| v.as_str());
        if ty != Some(record_type) {
            return Ok(None);
        }
        let json = doc
            .get_first(self.fields.record)
            .and_then(|v| v.as_str())
            .unwrap_or("{}");
        let mut value: serde_json::Value = serde_json::from_str(json)?;
        let current = self.current();
        if record_type == schema::DOCUMENT && !current.is_empty() {
            let field = |k: &str| {
                value
                    .get(k)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_owned()
            };
            let (sha, written) = (field("sha256"), field("pipeline"));
            let now = current.effective(&sha, &written);
            if now != written {
                value["pipeline"] = now.to_owned().into();
            }
        }
        Ok(Some(value))
    }

    /// Visits every live stored document of one record type, in index order.
    fn for_each_stored(
        &self,
        record_type: &str,
        mut f: impl FnMut(TantivyDocument) -> Result<()>,
    ) -> Result<()> {
        let searcher = self.searcher();
        let q = TermQuery::new(
            Term::from_field_text(self.fields.record_type, record_type),
            IndexRecordOption::Basic,
        );
        let addrs = searcher.search(&q, &tantivy::collector::DocSetCollector)?;
        let mut addrs: Vec<DocAddress> = addrs.into_iter().collect();
        addrs.sort();
        for addr in addrs {
            f(searcher.doc(addr)?)?;
        }
        Ok(())
    }
}

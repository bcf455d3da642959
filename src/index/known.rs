//! What the index knows of each source file, read from fast columns (to
//! decide what to ingest again), and the pipelines its records are current
//! for (see [`super::current`]).

use std::collections::HashMap;

use super::{current, schema, Index};
use crate::error::{Error, Result};

/// What the index knows of one source file, to decide whether to re-ingest it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    /// Size and modification time when the file was last read (see
    /// [`crate::record::Document::stamp`]).
    pub stamp: String,
    pub sha256: String,
    pub pipeline: String,
    /// A document's kind (as reported); empty for the other records.
    pub kind: String,
    /// What the index holds for the file: `document`, `failure` or `skipped`
    /// (see [`schema`]'s record types).
    pub record_type: String,
}

impl Known {
    /// Whether the file is held as a failure (retried when it changes).
    pub fn failed(&self) -> bool {
        self.record_type == schema::FAILURE
    }
}

impl Index {
    /// Source file -> what the index holds for it; a document's pipeline
    /// is the one its record is current for (see [`current`]).
    ///
    /// Read from fast columns, not from the stored records, so it costs
    /// little even on an index of many thousand documents.
    pub fn known(&self) -> Result<HashMap<String, Known>> {
        let mut out = self.known_as_written()?;
        let current = self.current();
        if !current.is_empty() {
            for k in out.values_mut() {
                if k.record_type == schema::DOCUMENT {
                    k.pipeline = current.effective(&k.sha256, &k.pipeline).to_owned();
                }
            }
        }
        Ok(out)
    }

    /// The pipelines records are current for, as last saved.
    pub fn current(&self) -> std::sync::RwLockReadGuard<'_, current::Current> {
        self.current.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Saves `c` as the pipelines records are current for, without the
    /// lines whose record was made again since (run while holding the
    /// write lock, after the last commit).
    pub fn save_current(&self, c: &current::Current) -> Result<()> {
        self.reader.reload()?;
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = c.clone();
        let known = self.known_as_written()?;
        let records: HashMap<&str, &str> = known
            .values()
            .filter(|k| k.record_type == schema::DOCUMENT)
            .map(|k| (k.sha256.as_str(), k.pipeline.as_str()))
            .collect();
        c.save(&self.path, &records)
    }

    /// [`Index::known`] with the pipelines the records were written with.
    fn known_as_written(&self) -> Result<HashMap<String, Known>> {
        let mut out = HashMap::new();
        let searcher = self.searcher();
        for segment in searcher.segment_readers() {
            let ff = segment.fast_fields();
            let col = |name: &str| -> Result<tantivy::columnar::StrColumn> {
                ff.str(name)?.ok_or_else(|| Error::Index {
                    path: self.path.clone(),
                    message: format!("nessuna colonna veloce `{name}`"),
                })
            };
            let (source, stamp, sha, pipeline, ty, kind) = (
                col("source_file")?,
                col("stamp")?,
                col("sha256")?,
                col("pipeline")?,
                col("record_type")?,
                col("kind")?,
            );
            // Each column's dictionary, read once in ordinal order: far
            // cheaper than resolving every document's ordinal on its own.
            let terms = |c: &tantivy::columnar::StrColumn| -> Result<Vec<String>> {
                let mut all = Vec::with_capacity(c.dictionary().num_terms());
                let mut stream = c.dictionary().stream().map_err(|e| Error::Index {
                    path: self.path.clone(),
                    message: e.to_string(),
                })?;
                while stream.advance() {
                    all.push(String::from_utf8_lossy(stream.key()).into_owned());
                }
                Ok(all)
            };
            let lookup = |c: &tantivy::columnar::StrColumn, terms: &[String], doc: u32| {
                c.term_ords(doc)
                    .next()
                    .and_then(|o| terms.get(o as usize))
                    .cloned()
                    .unwrap_or_default()
            };
            let (source_t, stamp_t, sha_t, pipeline_t, ty_t, kind_t) = (
                terms(&source)?,
                terms(&stamp)?,
                terms(&sha)?,
                terms(&pipeline)?,
                terms(&ty)?,
                terms(&kind)?,
            );
            for doc in segment.doc_ids_alive() {
                out.insert(
                    lookup(&source, &source_t, doc),
                    Known {
                        stamp: lookup(&stamp, &stamp_t, doc),
                        sha256: lookup(&sha, &sha_t, doc),
                        pipeline: lookup(&pipeline, &pipeline_t, doc),
                        kind: lookup(&kind, &kind_t, doc),
                        record_type: lookup(&ty, &ty_t, doc),
                    },
                );
            }
        }
        Ok(out)
    }
}

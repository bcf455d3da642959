//! The tantivy index: the one store every table and report is derived from.
//!
//! Each input file is one tantivy document. Documents carry searchable fields
//! (title and body under the Italian analyser, codes kept whole, people's
//! names) and the whole [`Document`] record as stored JSON, so `export`,
//! `check` and `show` can work on an index built by earlier runs. Files that
//! failed are stored too (record type `failure`), so the failures table
//! survives across runs like everything else.
//!
//! Writes go through [`Writer`], which holds tantivy's directory lock: a
//! second ingest on the same index is refused with [`Error::IndexLocked`].
//! A batch becomes visible at [`Writer::commit`], all at once; readers take
//! no lock and see the last commit, so a search during an ingest works.
//! [`Writer::finish`] merges small segments and deletes the files no longer
//! used, so re-ingesting does not make the index grow.
//!
//! The modules: [`analyser`] (Italian text into terms), [`schema`] (the
//! fields), [`syntax`] (what people type, read and checked; [`fields`] the
//! names and values of `field:value`), [`query`] (that, made a tantivy
//! query), [`prefix`] (`conv*`), [`proximity`] (words standing together),
//! [`snippet`] (the passage that matched), [`search`] (the whole search),
//! [`stats`] (counts).

pub mod act_fields;
pub mod adopt;
pub mod analyser;
pub mod current;
pub mod fields;
mod files;
mod merge;
pub mod page_codec;
pub mod pages;
pub mod parsed;
pub mod prefix;
pub mod proximity;
pub mod query;
pub mod rulebook;
pub mod schema;
pub mod search;
pub mod snippet;
pub mod stats;
pub mod syntax;
pub mod upgrade;

#[cfg(test)]
mod act_fields_tests;
#[cfg(test)]
mod recall_tests;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::record::{Document, Failure, Skipped};

pub use files::{free_bytes, is_disk_full, size_on_disk};
use files::{read_settings, remove_temporaries, share_files, write_settings};
pub use schema::Fields;

/// The layout version of the index at `path`: the one its version file
/// says, or 1 for an index made before versions were written.
pub fn layout_version(path: &Path) -> Result<u32> {
    match std::fs::read_to_string(path.join(schema::VERSION_FILE)) {
        Ok(text) => serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v["schema_version"].as_u64())
            .map(|v| v as u32)
            .ok_or_else(|| Error::Index {
                path: path.to_owned(),
                message: format!("{} is unreadable", schema::VERSION_FILE),
            }),
        Err(_) if path.join("meta.json").exists() => Ok(1),
        Err(_) => Ok(schema::VERSION),
    }
}

/// Checks the index's layout version, writing it for a new index; refuses
/// an index made by a newer atti. An older index opens (its fields are the
/// same; its terms were made by older analysers) until
/// [`upgrade::upgrade`] rebuilds it.
fn check_version(path: &Path, created: bool) -> Result<u32> {
    let version = if created {
        let mut settings = read_settings(path);
        settings.insert("schema_version".into(), schema::VERSION.into());
        write_settings(path, &settings)?;
        schema::VERSION
    } else {
        layout_version(path)?
    };
    if version > schema::VERSION {
        return Err(Error::Index {
            path: path.to_owned(),
            message: format!(
                "made by a newer atti (index layout {version}; this atti reads up to {}): use that atti, or ingest into a new folder",
                schema::VERSION
            ),
        });
    }
    Ok(version)
}

/// The archive root recorded in the index folder `path`, read from its
/// settings file without opening the index.
pub fn archive_root_at(path: &Path) -> Option<PathBuf> {
    read_settings(path)
        .get("archive_root")
        .and_then(|v| v.as_str())
        .map(PathBuf::from)
}

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

/// An open index.
pub struct Index {
    path: PathBuf,
    index: tantivy::Index,
    fields: Fields,
    reader: IndexReader,
    layout: u32,
    /// The pipelines records are current for, apart from the records (read
    /// again with the records, see [`Index::reload`]).
    current: std::sync::RwLock<current::Current>,
}

impl Index {
    /// Opens the index at `path`, creating it (and the folder) when absent.
    pub fn open_or_create(path: &Path) -> Result<Index> {
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        let created = !path.join("meta.json").exists();
        let dir = tantivy::directory::MmapDirectory::open(path).map_err(|e| Error::Index {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        let (schema, fields) = schema::build();
        let settings = tantivy::IndexSettings {
            // Larger blocks compress the stored text better; a hit reads one.
            docstore_blocksize: 64 << 10,
            ..tantivy::IndexSettings::default()
        };
        let index = tantivy::IndexBuilder::new()
            .schema(schema)
            .settings(settings)
            .open_or_create(dir)
            .map_err(|e| Error::Index {
                path: path.to_owned(),
                message: format!("cannot open or create the index: {e}"),
            })?;
        Self::finish(path, index, fields, created)
    }

    /// Opens an existing index for reading.
    pub fn open(path: &Path) -> Result<Index> {
        if !path.join("meta.json").exists() {
            return Err(Error::Index {
                path: path.to_owned(),
                message: "no index here: run `atti ingest` first, or point --index at one".into(),
            });
        }
        let index = tantivy::Index::open_in_dir(path).map_err(|e| Error::Index {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        let fields = Fields::from_schema(&index.schema()).ok_or_else(|| Error::Index {
            path: path.to_owned(),
            message: "its fields are not those of any version of atti this one reads (an index of another program, or of a much newer atti); point --index at an atti index"
                .into(),
        })?;
        Self::finish(path, index, fields, false)
    }

    fn finish(path: &Path, index: tantivy::Index, fields: Fields, created: bool) -> Result<Index> {
        let layout = check_version(path, created)?;
        schema::register_analysers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Index {
            path: path.to_owned(),
            index,
            fields,
            reader,
            layout,
            current: std::sync::RwLock::new(current::Current::load(path)),
        })
    }

    /// The folder the index's file names are relative to, recorded at the
    /// first ingest (see [`crate::ingest::root`]); `None` for a new index or
    /// one made before archive roots were recorded.
    pub fn archive_root(&self) -> Option<PathBuf> {
        archive_root_at(&self.path)
    }

    /// Records the archive root.
    pub fn set_archive_root(&self, root: &Path) -> Result<()> {
        let mut settings = read_settings(&self.path);
        settings.insert("schema_version".into(), self.layout.into());
        settings.insert(
            "archive_root".into(),
            root.to_string_lossy().into_owned().into(),
        );
        write_settings(&self.path, &settings)
    }

    /// Records what made the index's records: the pipeline fingerprint of
    /// the last ingest (extractor and rules, see
    /// [`crate::rules::RuleSet::fingerprint`]) and the shard it holds, if
    /// any; `atti merge` refuses shards made by different ones.
    pub fn set_made_by(&self, pipeline: &str, shard: Option<&str>) -> Result<()> {
        let mut settings = read_settings(&self.path);
        settings.insert("schema_version".into(), self.layout.into());
        settings.insert("pipeline".into(), pipeline.into());
        match shard {
            Some(s) => settings.insert("shard".into(), s.into()),
            None => settings.remove("shard"),
        };
        write_settings(&self.path, &settings)
    }

    /// What [`Index::set_made_by`] recorded: the pipeline fingerprint and
    /// the shard (`I/N`), each `None` when not recorded.
    pub fn made_by(&self) -> (Option<String>, Option<String>) {
        let settings = read_settings(&self.path);
        let get = |k: &str| settings.get(k).and_then(|v| v.as_str()).map(str::to_owned);
        (get("pipeline"), get("shard"))
    }

    /// The layout version the index was made with (see [`schema::VERSION`]):
    /// an older one is searched with terms made by older analysers until the
    /// next ingest rebuilds it.
    pub fn layout(&self) -> u32 {
        self.layout
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    pub fn tantivy(&self) -> &tantivy::Index {
        &self.index
    }

    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// Makes the last commit visible to the searchers taken from now on
    /// (one made by another process too: `atti serve` during an ingest).
    pub fn reload(&self) -> Result<()> {
        self.reader.reload()?;
        let fresh = current::Current::load(&self.path);
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = fresh;
        Ok(())
    }

    /// One document by its doc_id alone (no scan of the records, as
    /// [`Index::get`] makes for a path): what a web address names.
    pub fn by_id(&self, doc_id: &str) -> Result<Option<Document>> {
        let searcher = self.searcher();
        let q = TermQuery::new(
            Term::from_field_text(self.fields.doc_id, doc_id),
            IndexRecordOption::Basic,
        );
        let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
        match top.first() {
            Some(&(_, addr)) => {
                let doc: TantivyDocument = searcher.doc(addr)?;
                self.record_of::<Document>(&doc, schema::DOCUMENT)
            }
            None => Ok(None),
        }
    }

    /// Takes the write lock. Fails with [`Error::IndexLocked`] while another
    /// process writes.
    pub fn writer(&self) -> Result<Writer<'_>> {
        let writer = match self.index.writer_with_num_threads(1, 64 << 20) {
            Ok(w) => {
                w.set_merge_policy(Box::new(merge::BoundedMerges {
                    dir: self.path.clone(),
                }));
                w
            }
            Err(tantivy::TantivyError::LockFailure(..)) => {
                return Err(Error::IndexLocked(self.path.clone()))
            }
            Err(e) => return Err(e.into()),
        };
        // Holding the lock, whatever temporary file is here was left by a
        // run that was killed: it is garbage.
        remove_temporaries(&self.path);
        Ok(Writer {
            index: self,
            writer,
        })
    }

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
                    message: format!("no fast column `{name}`"),
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
            let record = if with_text {
                self.record_of::<Document>(&doc, schema::DOCUMENT)?
            } else {
                self.stored_record::<Document>(&doc, schema::DOCUMENT)?
            };
            match record {
                Some(d) => f(d),
                None => Ok(()),
            }
        })
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

    /// The stored record as it is stored: a document's page texts left empty.
    fn stored_record<T: serde::de::DeserializeOwned>(
        &self,
        doc: &TantivyDocument,
        record_type: &str,
    ) -> Result<Option<T>> {
        self.stored_json(doc, record_type)?
            .map(|v| Ok(serde_json::from_value(v)?))
            .transpose()
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

    /// Size of the index folder in bytes.
    pub fn size_bytes(&self) -> u64 {
        fn walk(p: &Path) -> u64 {
            std::fs::read_dir(p)
                .map(|rd| {
                    rd.flatten()
                        .map(|e| match e.metadata() {
                            Ok(m) if m.is_dir() => walk(&e.path()),
                            Ok(m) => m.len(),
                            Err(_) => 0,
                        })
                        .sum()
                })
                .unwrap_or(0)
        }
        walk(&self.path)
    }
}

/// Holds the index's write lock; changes become visible at [`Writer::commit`].
pub struct Writer<'a> {
    index: &'a Index,
    writer: tantivy::IndexWriter<TantivyDocument>,
}

impl Writer<'_> {
    /// Adds a document, replacing whatever the index held for its source file.
    pub fn put_document(&mut self, doc: &Document) -> Result<()> {
        self.delete(&doc.source_file);
        let tdoc = schema::document_to_tantivy(&self.index.fields, doc)?;
        self.writer.add_document(tdoc)?;
        Ok(())
    }

    /// Records a failure, replacing whatever the index held for its source file.
    pub fn put_failure(&mut self, failure: &Failure) -> Result<()> {
        self.delete(&failure.source_file);
        let tdoc = schema::failure_to_tantivy(&self.index.fields, failure)?;
        self.writer.add_document(tdoc)?;
        Ok(())
    }

    /// Records a skipped file, replacing whatever the index held for it.
    pub fn put_skipped(&mut self, skipped: &Skipped) -> Result<()> {
        self.delete(&skipped.source_file);
        let tdoc = schema::skipped_to_tantivy(&self.index.fields, skipped)?;
        self.writer.add_document(tdoc)?;
        Ok(())
    }

    /// Removes whatever the index holds for a source file.
    pub fn delete(&mut self, source_file: &str) {
        self.writer.delete_term(Term::from_field_text(
            self.index.fields.source_file,
            source_file,
        ));
    }

    /// Makes every change so far visible, all at once.
    pub fn commit(&mut self) -> Result<()> {
        self.writer.commit()?;
        self.index.reader.reload()?;
        share_files(&self.index.path);
        Ok(())
    }

    /// Commits, then merges small segments and removes files no longer
    /// used, so the index does not grow across re-ingests: see [`merge`] for
    /// which segments are merged and why no merge grows past a bound.
    pub fn finish(mut self) -> Result<()> {
        // No new background merges from here: ours must not race them.
        self.writer
            .set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        self.commit()?;
        let mut waited = std::time::Duration::ZERO;
        while let Some((group, bytes)) = self.merge_plan()?.into_iter().next() {
            // A merge writes its segments again before it frees them: with
            // less room than that, the index is left as committed (whole,
            // only in more segments) rather than half merged.
            if free_bytes(&self.index.path).is_some_and(|free| free < bytes + (bytes >> 3)) {
                break;
            }
            match self.writer.merge(&group).wait() {
                Ok(_) => self.index.reader.reload()?,
                Err(e) if is_disk_full(&e) => return Err(e.into()),
                // A merge the writer started during the ingest still holds
                // some of these segments: let it end, then plan again.
                Err(_) if waited < std::time::Duration::from_secs(600) => {
                    let step = std::time::Duration::from_millis(100);
                    std::thread::sleep(step);
                    waited += step;
                    self.index.reader.reload()?;
                }
                Err(e) => return Err(e.into()),
            }
        }
        self.writer.garbage_collect_files().wait()?;
        self.writer.wait_merging_threads()?;
        self.index.reader.reload()?;
        share_files(&self.index.path);
        Ok(())
    }

    /// The merges to make now (see [`Writer::finish`]), one group each.
    /// The merges to make, each with the bytes its segments take on disk
    /// (what a merge may need again in free space while it runs).
    fn merge_plan(&self) -> Result<Vec<(Vec<tantivy::index::SegmentId>, u64)>> {
        let sized: Vec<_> = self
            .index
            .index
            .searchable_segment_metas()?
            .iter()
            .map(|m| merge::sized(&self.index.path, m))
            .collect();
        let bytes = |group: &[tantivy::index::SegmentId]| -> u64 {
            sized
                .iter()
                .filter(|s| group.contains(&s.id))
                .map(|s| s.bytes)
                .sum()
        };
        Ok(merge::plan(&sized, merge::MAX_SEGMENT_BYTES, 2, true)
            .into_iter()
            .map(|g| {
                let b = bytes(&g);
                (g, b)
            })
            .collect())
    }
}

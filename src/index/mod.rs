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
//! [`stats`] (counts). [`Writer`] (`writer`) puts records and merges;
//! `records` reads them back; [`Known`] (`known`) is what the index holds
//! of each source file.

pub mod act_fields;
pub mod adopt;
pub mod analyser;
pub mod current;
pub mod fields;
mod files;
mod known;
mod merge;
mod null_members;
pub mod page_codec;
pub mod pages;
pub mod parsed;
pub mod prefix;
pub mod proximity;
pub mod query;
mod reading_dir;
mod records;
pub mod rulebook;
pub mod schema;
pub mod search;
pub mod snippet;
pub mod stats;
mod stem_memo;
pub mod syntax;
pub mod upgrade;
mod writer;

#[cfg(test)]
mod act_fields_tests;
#[cfg(test)]
mod recall_tests;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::record::Document;

pub use files::{free_bytes, is_disk_full, size_on_disk};
use files::{read_settings, remove_temporaries, write_settings};
pub use known::Known;
pub use schema::Fields;
pub use writer::Writer;

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
                message: format!("{} non è leggibile", schema::VERSION_FILE),
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
                "fatto da una versione più recente di atti (formato {version}; questa legge fino al {}): usare quella, o fare ingest in una cartella nuova",
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
                message: format!("non si può aprire né creare l'indice: {e}"),
            })?;
        Self::finish(path, index, fields, created)
    }

    /// Opens an existing index for reading.
    pub fn open(path: &Path) -> Result<Index> {
        if !path.join("meta.json").exists() {
            return Err(Error::Index {
                path: path.to_owned(),
                message: "qui non c'è un indice: prima `atti ingest`, o indicarne uno con --index"
                    .into(),
            });
        }
        let index = reading_dir::ReadingDir::open(path)
            .and_then(tantivy::Index::open)
            .map_err(|e| Error::Index {
                path: path.to_owned(),
                message: e.to_string(),
            })?;
        let fields = Fields::from_schema(&index.schema()).ok_or_else(|| Error::Index {
            path: path.to_owned(),
            message: "i suoi campi non sono quelli di alcuna versione di atti che questa legge (l'indice di un altro programma, o di un atti molto più recente); indicare con --index un indice di atti"
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

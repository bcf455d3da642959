//! Writing to the index under its lock: records put and deleted, commits,
//! and the merges that keep re-ingests from growing it.

use tantivy::{TantivyDocument, Term};

use super::files::{free_bytes, is_disk_full, share_files};
use super::{merge, schema, Index};
use crate::error::Result;
use crate::record::{Document, Failure, Skipped};

/// Holds the index's write lock; changes become visible at [`Writer::commit`].
pub struct Writer<'a> {
    pub(super) index: &'a Index,
    pub(super) writer: tantivy::IndexWriter<TantivyDocument>,
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

    /// The merges to make now (see [`Writer::finish`]), one group each, with the bytes its segments take on disk
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

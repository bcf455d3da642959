//! Files with the same content are one document.
//!
//! A document is one content (its doc_id is the content's hash); every path
//! under the archive root that holds that content is listed in its `paths`.
//! The smallest path is the document's `source_file`; the others are rows of
//! the skipped table, `duplicate` of it. After an ingest (or a removal) the
//! groups whose members changed are settled: a new copy is listed, a copy
//! that became the smallest path takes the document over, a document whose
//! file is gone hands it to a copy.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::error::Result;
use crate::index::schema::{DOCUMENT, SKIPPED};
use crate::index::{Index, Known, Writer};
use crate::record::{skip, Document, Skipped};

/// The paths of one content that the index holds as documents or duplicates.
fn members<'a>(known: &'a HashMap<String, Known>, sha: &str) -> Vec<(&'a String, &'a Known)> {
    let mut v: Vec<_> = known
        .iter()
        .filter(|(_, k)| {
            k.sha256 == sha
                && (k.record_type == DOCUMENT || (k.record_type == SKIPPED && !k.sha256.is_empty()))
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}

/// Settles the groups of these contents (sha256) against the index as it is
/// committed now. `spare` holds document records that may stand for a
/// content whose every document is gone (a removed document, say). Returns
/// the paths left with no document to take over from: copies of a content
/// whose document disappeared, which the caller reads again as new files.
pub fn settle(
    index: &Index,
    writer: &mut Writer<'_>,
    touched: &BTreeSet<String>,
    spare: &BTreeMap<String, Document>,
    ingested_at: &str,
) -> Result<Vec<String>> {
    let known = index.known()?;
    let mut orphans = Vec::new();
    for sha in touched.iter().filter(|s| !s.is_empty()) {
        let group = members(&known, sha);
        if group.is_empty() {
            continue;
        }
        let paths: Vec<String> = group.iter().map(|(p, _)| (*p).clone()).collect();
        let primary = &paths[0];
        // The record that stands for the content: the primary's own, else
        // another member's, else a spare one.
        let holder = group
            .iter()
            .find(|(p, k)| *p == primary && k.record_type == DOCUMENT)
            .or_else(|| group.iter().find(|(_, k)| k.record_type == DOCUMENT));
        let record = match holder {
            Some((p, _)) => index.get(p)?,
            None => spare.values().find(|d| &d.sha256 == sha).cloned(),
        };
        let Some(mut doc) = record else {
            orphans.push(primary.clone());
            continue;
        };
        let changed = doc.source_file != *primary || doc.paths != paths;
        if changed {
            if doc.source_file != *primary {
                writer.delete(&doc.source_file);
                doc.source_file = primary.clone();
                doc.stamp = known[primary].stamp.clone();
            }
            doc.paths = paths.clone();
            writer.put_document(&doc)?;
        }
        for (p, k) in group.iter().skip(1) {
            let already = k.record_type == SKIPPED && !changed;
            if already {
                continue;
            }
            writer.put_skipped(&Skipped {
                source_file: (*p).clone(),
                reason: skip::DUPLICATE.into(),
                detail: format!("same content as {primary}"),
                duplicate_of: Some(primary.clone()),
                sha256: Some(sha.clone()),
                stamp: k.stamp.clone(),
                pipeline: doc.pipeline.clone(),
                ingested_at: ingested_at.to_owned(),
            })?;
        }
    }
    Ok(orphans)
}

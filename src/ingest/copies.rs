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

/// The paths of each content that the index holds as documents or
/// duplicates, sorted, for the contents asked about.
fn groups<'a>(
    known: &'a HashMap<String, Known>,
    shas: &BTreeSet<String>,
) -> HashMap<&'a str, Vec<(&'a String, &'a Known)>> {
    let mut out: HashMap<&str, Vec<(&String, &Known)>> = HashMap::new();
    for (path, k) in known {
        let member =
            k.record_type == DOCUMENT || (k.record_type == SKIPPED && !k.sha256.is_empty());
        if member && shas.contains(&k.sha256) {
            out.entry(k.sha256.as_str()).or_default().push((path, k));
        }
    }
    for v in out.values_mut() {
        v.sort_by(|a, b| a.0.cmp(b.0));
    }
    out
}

/// Settles the groups of these contents (sha256) against the index as it is
/// committed now: `added` are contents that gained a path in this run,
/// `lost` those that lost one (a changed, pruned or removed file). `spare`
/// holds document records that may stand for a content whose every
/// document is gone (a removed document, say). Returns the paths left with
/// no document to take over from: copies of a content whose document
/// disappeared, which the caller reads again as new files.
pub fn settle(
    index: &Index,
    writer: &mut Writer<'_>,
    added: &BTreeSet<String>,
    lost: &BTreeSet<String>,
    spare: &BTreeMap<String, Document>,
    ingested_at: &str,
) -> Result<Vec<String>> {
    let known = index.known()?;
    let touched: BTreeSet<String> = added
        .union(lost)
        .filter(|s| !s.is_empty())
        .cloned()
        .collect();
    let groups = groups(&known, &touched);
    let mut orphans = Vec::new();
    for sha in &touched {
        let Some(group) = groups.get(sha.as_str()) else {
            continue;
        };
        // A content with one path that only gained it (a new or changed
        // file read in this run) is already right: nothing to load.
        if group.len() == 1 && group[0].1.record_type == DOCUMENT && !lost.contains(sha) {
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

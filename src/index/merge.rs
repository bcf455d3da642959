//! Which segments are merged, and how large a merge may grow.
//!
//! tantivy writes a new segment each time its indexing buffer fills, and
//! merges segments to keep their number down. A merge reads every segment it
//! takes through memory-mapped files, so the memory an ingest shows grows
//! with the largest merge: merging a 100k-document archive into one segment
//! maps the whole index (380 MB) at once. So merges are bounded by size:
//! segments are grouped, smallest first, into merges whose live bytes stay
//! under [`MAX_SEGMENT_BYTES`], and a segment above half of that is left
//! alone. An archive of any size ends as a few segments of about that size
//! (a search visits each one, which costs little next to its own work), and
//! no merge maps more than the bound.
//!
//! During an ingest a merge waits for [`DURING_INGEST`] small segments, as
//! tantivy's own policy does, so the same bytes are not rewritten after
//! every flush; at the end of an ingest ([`super::Writer::finish`]) any two
//! are merged, and a segment with more than a tenth of deleted documents
//! (files replaced or pruned) is rewritten without them.

use std::path::PathBuf;

use tantivy::index::{SegmentComponent, SegmentId, SegmentMeta};
use tantivy::indexer::{MergeCandidate, MergePolicy};

/// The live size a merge may reach.
pub const MAX_SEGMENT_BYTES: u64 = 128 << 20;

/// Small segments a merge waits for while documents are being added.
pub const DURING_INGEST: usize = 8;

/// A segment as the plan sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sized<Id> {
    pub id: Id,
    /// Bytes of its files on disk.
    pub bytes: u64,
    pub max_doc: u32,
    pub deleted: u32,
}

impl<Id> Sized<Id> {
    fn live_docs(&self) -> u64 {
        u64::from(self.max_doc.saturating_sub(self.deleted))
    }

    /// The bytes its live documents take, estimated in proportion.
    fn live_bytes(&self) -> u64 {
        if self.max_doc == 0 {
            return 0;
        }
        self.bytes.saturating_mul(self.live_docs()) / u64::from(self.max_doc)
    }

    /// More than a tenth of its documents deleted, or none left.
    fn mostly_garbage(&self) -> bool {
        u64::from(self.deleted) * 10 > u64::from(self.max_doc) || self.deleted >= self.max_doc
    }
}

/// The merges to make: groups of at least `min_group` segments below half
/// the bound, smallest first, each under `max_bytes` of live data, where a
/// segment joins the smaller ones only if they add up to a tenth of it (a
/// few changed files are not worth rewriting a large segment); with
/// `purge`, also every other segment that holds more than a tenth of
/// deleted documents, on its own.
pub fn plan<Id: Copy>(
    segments: &[Sized<Id>],
    max_bytes: u64,
    min_group: usize,
    purge: bool,
) -> Vec<Vec<Id>> {
    let mut small: Vec<&Sized<Id>> = segments
        .iter()
        .filter(|s| s.live_bytes() < max_bytes / 2)
        .collect();
    small.sort_by_key(|s| s.live_bytes());
    let min_group = min_group.max(2);
    let mut merges: Vec<Vec<&Sized<Id>>> = Vec::new();
    let mut group: Vec<&Sized<Id>> = Vec::new();
    let (mut bytes, mut docs) = (0u64, 0u64);
    for s in small {
        let (live, live_docs) = (s.live_bytes(), s.live_docs());
        // Documents, not bytes, for the tenth: a segment of a few documents
        // is mostly fixed overhead.
        let too_big = bytes + live > max_bytes || live_docs > docs.saturating_mul(10);
        if !group.is_empty() && too_big {
            if group.len() >= min_group {
                merges.push(std::mem::take(&mut group));
            }
            group.clear();
            (bytes, docs) = (0, 0);
        }
        bytes += live;
        docs += live_docs;
        group.push(s);
    }
    if group.len() >= min_group {
        merges.push(group);
    }
    if purge {
        for s in segments {
            let merged = merges.iter().flatten().any(|m| std::ptr::eq(*m, s));
            if s.mostly_garbage() && !merged {
                merges.push(vec![s]);
            }
        }
    }
    merges
        .into_iter()
        .map(|g| g.into_iter().map(|s| s.id).collect())
        .collect()
}

/// The files of a segment that hold its data (deletes are a small bitset,
/// a file of their own).
pub(super) const COMPONENTS: [SegmentComponent; 6] = [
    SegmentComponent::Postings,
    SegmentComponent::Positions,
    SegmentComponent::FastFields,
    SegmentComponent::FieldNorms,
    SegmentComponent::Terms,
    SegmentComponent::Store,
];

/// A segment's size, read from its files in the index folder.
pub fn sized(dir: &std::path::Path, meta: &SegmentMeta) -> Sized<SegmentId> {
    let bytes = COMPONENTS
        .iter()
        .filter_map(|c| std::fs::metadata(dir.join(meta.relative_path(c.clone()))).ok())
        .map(|m| m.len())
        .sum();
    Sized {
        id: meta.id(),
        bytes,
        max_doc: meta.max_doc(),
        deleted: meta.num_deleted_docs(),
    }
}

/// The policy tantivy consults while documents are added.
#[derive(Debug)]
pub struct BoundedMerges {
    pub dir: PathBuf,
}

impl MergePolicy for BoundedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let sized: Vec<_> = segments.iter().map(|m| sized(&self.dir, m)).collect();
        plan(&sized, MAX_SEGMENT_BYTES, DURING_INGEST, false)
            .into_iter()
            .map(MergeCandidate)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1 << 20;

    fn seg(id: u32, mb: u64) -> Sized<u32> {
        Sized {
            id,
            bytes: mb * MB,
            max_doc: mb as u32 * 100,
            deleted: 0,
        }
    }

    #[test]
    fn small_segments_are_grouped_under_the_bound() {
        // Ten flushes of 20 MB: merges of at most 100 MB (five at a time).
        let segs: Vec<_> = (0..10).map(|i| seg(i, 20)).collect();
        let merges = plan(&segs, 100 * MB, 2, false);
        assert_eq!(merges, vec![vec![0, 1, 2, 3, 4], vec![5, 6, 7, 8, 9]]);
    }

    #[test]
    fn a_merge_waits_for_enough_small_segments() {
        let segs: Vec<_> = (0..7).map(|i| seg(i, 1)).collect();
        assert!(plan(&segs, 100 * MB, 8, false).is_empty());
        let segs: Vec<_> = (0..8).map(|i| seg(i, 1)).collect();
        assert_eq!(plan(&segs, 100 * MB, 8, false).len(), 1);
    }

    #[test]
    fn large_segments_are_left_alone() {
        // Two segments over half the bound and one small one: nothing to
        // merge the small one with.
        let segs = vec![seg(0, 60), seg(1, 70), seg(2, 5)];
        assert!(plan(&segs, 100 * MB, 2, false).is_empty());
        // A second small one: the two small ones merge, the large stay.
        let segs = vec![seg(0, 60), seg(1, 70), seg(2, 5), seg(3, 1)];
        assert_eq!(plan(&segs, 100 * MB, 2, false), vec![vec![3, 2]]);
    }

    #[test]
    fn deleted_documents_are_purged_at_the_end_only() {
        let mut big = seg(0, 90);
        big.deleted = 1800; // a fifth replaced by newer versions
        let segs = vec![big, seg(1, 80)];
        assert!(plan(&segs, 100 * MB, 2, false).is_empty());
        assert_eq!(plan(&segs, 100 * MB, 2, true), vec![vec![0]]);
        // A few deletes (a tenth or less) are not worth a rewrite.
        big.deleted = 900;
        assert!(plan(&[big, seg(1, 80)], 100 * MB, 2, true).is_empty());
    }

    #[test]
    fn live_size_counts_and_no_segment_is_planned_twice() {
        // 90 MB of which 60% deleted: 36 MB live, so small, merged with the
        // other small one and not purged a second time.
        let mut s = seg(0, 90);
        s.deleted = 5400;
        let merges = plan(&[s, seg(1, 10), seg(2, 80)], 100 * MB, 2, true);
        assert_eq!(merges, vec![vec![1, 0]]);
    }

    #[test]
    fn a_few_changes_do_not_rewrite_a_large_segment() {
        // One changed file beside a segment forty times its size: left as
        // two segments; ten times as many changes are worth the merge.
        let segs = vec![seg(0, 40), seg(1, 1)];
        assert!(plan(&segs, 100 * MB, 2, true).is_empty());
        let segs = vec![seg(0, 40), seg(1, 1), seg(2, 3)];
        assert_eq!(plan(&segs, 100 * MB, 2, true), vec![vec![1, 2, 0]]);
    }

    #[test]
    fn empty_and_degenerate_segments() {
        assert!(plan::<u32>(&[], 100 * MB, 2, true).is_empty());
        let empty = Sized {
            id: 7u32,
            bytes: 0,
            max_doc: 0,
            deleted: 0,
        };
        // Nothing to merge it with, but nothing live in it: rewritten away.
        assert_eq!(plan(&[empty, seg(1, 1)], 100 * MB, 2, true), vec![vec![7]]);
        let mut gone = seg(3, 5);
        gone.deleted = 500;
        assert_eq!(plan(&[gone], 100 * MB, 2, true), vec![vec![3]]);
    }
}

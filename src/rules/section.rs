//! Sections and parts: cutting a region of text at lines a regex finds.
//!
//! A `[[section]]` runs from the line after its `start` match to the line
//! before its `end` match (or to the end of the region), possibly across
//! pages; field and table rules can be confined to it. A kind's
//! `part_start` cuts a document holding several records (a PEG with one
//! sheet per objective) into parts that are read one by one.

use super::rule_regex::Regex;

use super::document::{Doc, Piece, Region};

/// Where a match was found: piece index in the region, byte range in the page.
type Hit = (usize, std::ops::Range<usize>);

/// The first match of `re` at or after byte `from` of piece `at`.
fn find(doc: &Doc, region: &Region, re: &Regex, at: usize, from: usize) -> Option<Hit> {
    for (i, p) in region.iter().enumerate().skip(at) {
        let start = if i == at {
            from.max(p.range.start)
        } else {
            p.range.start
        };
        if start > p.range.end {
            continue;
        }
        let text = &doc.clean[p.page][start..p.range.end];
        if let Some(m) = re.find(text) {
            return Some((i, start + m.start()..start + m.end()));
        }
    }
    None
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

/// The text between two points of a region.
fn between(region: &Region, from: (usize, usize), to: (usize, usize)) -> Region {
    let mut out = Vec::new();
    for (i, p) in region.iter().enumerate() {
        if i < from.0 || i > to.0 {
            continue;
        }
        let s = if i == from.0 {
            from.1.max(p.range.start)
        } else {
            p.range.start
        };
        let e = if i == to.0 {
            to.1.min(p.range.end)
        } else {
            p.range.end
        };
        if s < e {
            out.push(Piece {
                page: p.page,
                range: s..e,
            });
        }
    }
    out
}

/// The section of `region` between the line after `start` and the line of `end`.
pub fn section(doc: &Doc, region: &Region, start: &Regex, end: Option<&Regex>) -> Option<Region> {
    let (si, sr) = find(doc, region, start, 0, 0)?;
    let page_text = &doc.clean[region[si].page];
    let from = (
        si,
        line_end(page_text, sr.end.max(sr.start)).min(region[si].range.end),
    );
    let last = region.len() - 1;
    let to = end
        .and_then(|e| find(doc, region, e, from.0, from.1))
        .map(|(ei, er)| (ei, line_start(&doc.clean[region[ei].page], er.start)))
        .unwrap_or((last, region[last].range.end));
    Some(between(region, from, to))
}

/// Cuts a region into parts, each starting at the line of a `start` match.
/// Text before the first match belongs to the first part.
pub fn parts(doc: &Doc, region: &Region, start: &Regex) -> Vec<Region> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let (mut at, mut from) = (0, 0);
    while let Some((i, r)) = find(doc, region, start, at, from) {
        let ls = line_start(&doc.clean[region[i].page], r.start).max(region[i].range.start);
        cuts.push((i, ls));
        at = i;
        from = r.end.max(r.start + 1);
    }
    if cuts.len() < 2 {
        return vec![region.clone()];
    }
    let last = region.len() - 1;
    let end = (last, region[last].range.end);
    let mut out = Vec::new();
    for (k, &c) in cuts.iter().enumerate() {
        let from = if k == 0 { (0, 0) } else { c };
        let to = cuts.get(k + 1).copied().unwrap_or(end);
        let r = between(region, from, to);
        if !r.is_empty() {
            out.push(r);
        }
    }
    out
}

//! A header label wider than its column, set a word space from the next
//! label, runs over a gap that every line of the body keeps free: the body
//! read from below the header shows the gap, and the header lines, cut at
//! the word spaces on a gap's edge ([`super::add_line`]), leave it free.

use super::{add_line, Growth};
use crate::geom::{overlap, WordBox};
use crate::lines::TextLine;
use crate::settings::Settings;

/// Whether `body` has a gap that no gap of `seeded` overlaps: a gap a
/// line above the body hid.
pub(super) fn hides_gap(seeded: &Growth, body: &Growth) -> bool {
    body.gaps.iter().any(|&(lo, hi)| {
        !seeded
            .gaps
            .iter()
            .any(|&(a, b)| overlap(lo, hi, a, b) > 0.0 || (a == b && a >= lo && a <= hi))
    })
}

/// The growth `g` from line `body` with the lines `from..body` above it
/// taken in as a header: each must leave every gap of the body free (its
/// runs cut at the word spaces that fall on a gap's edge, see
/// [`add_line`]); `None` when one fills a gap.
pub(super) fn with_header(
    lines: &[TextLine],
    boxes: &[WordBox],
    from: usize,
    body: usize,
    g: &Growth,
    s: &Settings,
) -> Option<Growth> {
    let mut m = g.clone();
    for line in lines.get(from..body)? {
        if !add_line(&mut m, line, boxes, s) {
            return None;
        }
        m.widen(line);
    }
    Some(m)
}

/// The gaps of `b` that overlap none of `a`.
pub(super) fn apart(b: &[(f32, f32)], a: &[(f32, f32)]) -> Vec<(f32, f32)> {
    b.iter()
        .copied()
        .filter(|&(lo, hi)| !a.iter().any(|&(x, y)| overlap(lo, hi, x, y) > 0.0))
        .collect()
}

/// The gaps of `a` with those of `b` that overlap none of them, left to
/// right: two readings of one region's lines, each gap a strip every line
/// keeps free.
pub(super) fn union(a: &[(f32, f32)], b: &[(f32, f32)]) -> Vec<(f32, f32)> {
    let mut out = a.to_vec();
    out.extend(apart(b, a));
    out.sort_by(|p, q| p.0.total_cmp(&q.0));
    out
}

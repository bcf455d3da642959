//! From a page's ruling lines to networks of connected lines.
//!
//! Producers draw one visual line in many ways: a stroke, the side of a
//! rectangle, a thin filled rectangle, in pieces cell by cell, each piece a
//! hair off the next. So rulings are first *snapped* (parallel lines within
//! `snap_tolerance` of each other take their mean position) and *joined*
//! (collinear pieces within `join_tolerance` become one segment); what is
//! still shorter than `min_ruling_length` is dropped. Horizontal and vertical
//! segments that meet (within `intersection_tolerance`) are then gathered
//! into connected networks, each a candidate grid: two tables on one page
//! are two networks.

use crate::geom::sane;
use crate::settings::Settings;
use atti_page::Page;

/// A ruling reduced to its axis: `pos` across it (y of a horizontal, x of a
/// vertical), `a..b` along it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Seg {
    pub pos: f32,
    pub a: f32,
    pub b: f32,
}

/// Segments that touch one another, directly or through others.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Network {
    pub h: Vec<Seg>,
    pub v: Vec<Seg>,
}

impl Network {
    /// The area of the box around its segments (0 for one line).
    pub fn area(&self) -> f32 {
        let xs = self
            .h
            .iter()
            .flat_map(|g| [g.a, g.b])
            .chain(self.v.iter().map(|g| g.pos));
        let ys = self
            .v
            .iter()
            .flat_map(|g| [g.a, g.b])
            .chain(self.h.iter().map(|g| g.pos));
        let span = |it: &mut dyn Iterator<Item = f32>| {
            let (lo, hi) = it.fold((f32::INFINITY, f32::NEG_INFINITY), |(l, h), v| {
                (l.min(v), h.max(v))
            });
            if hi >= lo {
                hi - lo
            } else {
                0.0
            }
        };
        span(&mut { xs }) * span(&mut { ys })
    }
}

/// The page's rulings as snapped and joined horizontal and vertical
/// segments (each list sorted by position, then start).
pub(crate) fn segments(page: &Page, s: &Settings) -> (Vec<Seg>, Vec<Seg>) {
    let mut h = Vec::new();
    let mut v = Vec::new();
    for r in page.rulings.iter().take(s.max_rulings) {
        if !(sane(r.x0) && sane(r.y0) && sane(r.x1) && sane(r.y1)) {
            continue;
        }
        let (x0, x1) = (r.x0.min(r.x1), r.x0.max(r.x1));
        let (y0, y1) = (r.y0.min(r.y1), r.y0.max(r.y1));
        let (mut x0, mut x1, mut y0, mut y1) = (x0, x1, y0, y1);
        if let Some(a) = s.area {
            let t = s.intersection_tolerance;
            if x1 < a[0] - t || x0 > a[2] + t || y1 < a[1] - t || y0 > a[3] + t {
                continue;
            }
            x0 = x0.max(a[0]);
            x1 = x1.min(a[2]);
            y0 = y0.max(a[1]);
            y1 = y1.min(a[3]);
        }
        if y1 - y0 <= x1 - x0 {
            h.push(Seg {
                pos: (y0 + y1) / 2.0,
                a: x0,
                b: x1,
            });
        } else {
            v.push(Seg {
                pos: (x0 + x1) / 2.0,
                a: y0,
                b: y1,
            });
        }
    }
    (tidy(h, s), tidy(v, s))
}

/// Snap, join, drop the short ones.
fn tidy(mut segs: Vec<Seg>, s: &Settings) -> Vec<Seg> {
    snap(&mut segs, s.snap_tolerance);
    let mut joined = join(segs, s.join_tolerance);
    joined.retain(|g| g.b - g.a >= s.min_ruling_length);
    joined
}

/// Segments whose positions lie in a chain of steps no longer than `tol`
/// take the chain's mean position.
fn snap(segs: &mut [Seg], tol: f32) {
    segs.sort_by(|p, q| p.pos.total_cmp(&q.pos));
    let mut start = 0;
    while start < segs.len() {
        let mut end = start + 1;
        while end < segs.len() && segs[end].pos - segs[end - 1].pos <= tol {
            end += 1;
        }
        let n = (end - start) as f32;
        let mean = segs[start..end].iter().map(|g| g.pos).sum::<f32>() / n;
        for g in &mut segs[start..end] {
            g.pos = mean;
        }
        start = end;
    }
}

/// Collinear segments that overlap or leave a gap of at most `tol` become one.
fn join(mut segs: Vec<Seg>, tol: f32) -> Vec<Seg> {
    segs.sort_by(|p, q| p.pos.total_cmp(&q.pos).then(p.a.total_cmp(&q.a)));
    let mut out: Vec<Seg> = Vec::with_capacity(segs.len());
    for g in segs {
        match out.last_mut() {
            Some(last) if last.pos == g.pos && g.a <= last.b + tol => last.b = last.b.max(g.b),
            _ => out.push(g),
        }
    }
    out
}

/// The connected networks of horizontal and vertical segments (each
/// segment in exactly one, lone segments alone). `None` when testing which
/// segments meet would cost more than `max_intersection_tests`.
pub(crate) fn networks(h: &[Seg], v: &[Seg], s: &Settings) -> Option<Vec<Network>> {
    let t = s.intersection_tolerance;
    let mut uf = UnionFind::new(h.len() + v.len());
    let mut tests = 0usize;
    for (j, vs) in v.iter().enumerate() {
        // `h` is sorted by position: the horizontals within the vertical's
        // reach form one run of it.
        let lo = h.partition_point(|g| g.pos < vs.a - t);
        let hi = h.partition_point(|g| g.pos <= vs.b + t);
        for (i, hs) in h.iter().enumerate().take(hi).skip(lo) {
            tests += 1;
            if tests > s.max_intersection_tests {
                return None;
            }
            if vs.pos >= hs.a - t && vs.pos <= hs.b + t {
                uf.union(i, h.len() + j);
            }
        }
    }
    let mut index: Vec<Option<usize>> = vec![None; h.len() + v.len()];
    let mut nets: Vec<Network> = Vec::new();
    for k in 0..h.len() + v.len() {
        let root = uf.find(k);
        let n = match index[root] {
            Some(n) => n,
            None => {
                nets.push(Network::default());
                index[root] = Some(nets.len() - 1);
                nets.len() - 1
            }
        };
        if k < h.len() {
            nets[n].h.push(h[k]);
        } else {
            nets[n].v.push(v[k - h.len()]);
        }
    }
    Some(nets)
}

/// Whether a horizontal rule (of `rules`, sorted by position) runs between
/// two text lines, across at least `share` of the width `x0..x1`.
pub(crate) fn rule_across(
    rules: &[Seg],
    a: &crate::lines::TextLine,
    b: &crate::lines::TextLine,
    (x0, x1): (f32, f32),
    share: f32,
) -> bool {
    let (lo, hi) = ((a.top + a.bottom) / 2.0, (b.top + b.bottom) / 2.0);
    let from = rules.partition_point(|g| g.pos <= lo);
    let to = rules.partition_point(|g| g.pos < hi);
    rules
        .get(from..to)
        .unwrap_or(&[])
        .iter()
        .any(|g| crate::geom::overlap(g.a, g.b, x0, x1) >= share * (x1 - x0))
}

/// Disjoint sets over `0..n` (path halving, union by size).
struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }
    fn find(&mut self, mut k: usize) -> usize {
        while self.parent[k] != k {
            self.parent[k] = self.parent[self.parent[k]];
            k = self.parent[k];
        }
        k
    }
    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use atti_page::Ruling;

    fn page(rulings: Vec<Ruling>) -> Page {
        Page {
            rulings,
            ..Page::default()
        }
    }
    fn r(x0: f32, y0: f32, x1: f32, y1: f32) -> Ruling {
        Ruling { x0, y0, x1, y1 }
    }

    #[test]
    fn pieces_of_one_line_snap_and_join() {
        // One horizontal line drawn cell by cell, each piece a hair off.
        let p = page(vec![
            r(10.0, 100.0, 50.0, 100.5),
            r(51.0, 101.0, 90.0, 101.0),
            r(92.0, 100.2, 130.0, 100.2),
            r(10.0, 200.0, 12.0, 200.0), // too short
        ]);
        let (h, v) = segments(&p, &Settings::default());
        assert!(v.is_empty());
        assert_eq!(h.len(), 1);
        assert_eq!((h[0].a, h[0].b), (10.0, 130.0));
        assert!((h[0].pos - 100.45).abs() < 0.1);
    }

    #[test]
    fn two_boxes_are_two_networks() {
        let mut rs = Vec::new();
        for (x0, y0) in [(10.0, 10.0), (10.0, 300.0)] {
            rs.push(r(x0, y0, x0 + 100.0, y0));
            rs.push(r(x0, y0 + 50.0, x0 + 100.0, y0 + 50.0));
            rs.push(r(x0, y0, x0, y0 + 50.0));
            rs.push(r(x0 + 100.0, y0, x0 + 100.0, y0 + 50.0));
        }
        rs.push(r(300.0, 500.0, 400.0, 500.0)); // a lone rule
        let p = page(rs);
        let s = Settings::default();
        let (h, v) = segments(&p, &s);
        let nets = networks(&h, &v, &s).unwrap_or_default();
        let mut shapes: Vec<(usize, usize)> = nets.iter().map(|n| (n.h.len(), n.v.len())).collect();
        shapes.sort();
        assert_eq!(shapes, vec![(1, 0), (2, 2), (2, 2)]);
    }

    #[test]
    fn hostile_rulings_are_ignored_and_bounded() {
        let mut rs = vec![r(f32::NAN, 0.0, 10.0, 0.0), r(0.0, f32::INFINITY, 0.0, 5.0)];
        for i in 0..50_000 {
            let f = i as f32;
            rs.push(r(0.0, f * 0.01, 500.0, f * 0.01));
            rs.push(r(f * 0.01, 0.0, f * 0.01, 500.0));
        }
        let p = page(rs);
        let s = Settings::default();
        let t = std::time::Instant::now();
        let (h, v) = segments(&p, &s);
        let _ = networks(&h, &v, &s);
        assert!(t.elapsed().as_secs_f32() < 2.0);
        // 50,000 lines a hundredth of a point apart snap into one each way.
        assert_eq!((h.len(), v.len()), (1, 1));
    }
}

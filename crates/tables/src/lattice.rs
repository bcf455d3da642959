//! Tables from grids of ruling lines.
//!
//! A network of rulings ([`crate::rulings`]) gives the grid's edges: the
//! distinct x positions of its verticals and y positions of its horizontals
//! (plus the ends of the lines, when a table leaves its outer border
//! undrawn). Between consecutive edges lie the grid's elementary positions.
//! A cell is a rectangle of positions bounded by drawn lines on its four
//! sides: starting from each free position in reading order, it grows right
//! while no vertical line separates it from the next position, then down
//! while no horizontal line (nor an inner vertical one) does. That gives
//! merged and spanning cells their `row_span` and `col_span`, and never lets
//! two cells cover one position. Each word goes to the cell holding its
//! centre; a merged cell whose words stand in the columns of the grid is
//! cut back into them ([`crate::implicit`]).

use crate::draft::{Draft, DraftCell};
use crate::frame;
use crate::geom::WordBox;
use crate::gutters::drop_gutters;
use crate::implicit::split_merged;
use crate::rulings::{Network, Seg};
use crate::settings::Settings;
use atti_page::{Page, TableMode};

/// What a network of rulings turned out to be.
#[derive(Debug)]
pub(crate) enum Lattice {
    /// A grid of at least two columns, and the words it took (indices into
    /// the word boxes given).
    Grid(Draft, Vec<usize>),
    /// Lines that do not divide columns (horizontal rules, a box with row
    /// separators): the stream reader reads the words, with these rules as
    /// row boundaries.
    Rules,
    /// Nothing to read: no word in it, or too many positions.
    Nothing,
}

/// Reads one network over the words not yet `taken`, with the columns and
/// then the rows its lines leave undrawn read from the words
/// ([`crate::frame`]).
pub(crate) fn read(
    page: &Page,
    net: &Network,
    boxes: &[WordBox],
    taken: &[bool],
    s: &Settings,
) -> Lattice {
    let mut net = net.clone();
    let mut found = grid(&net, boxes, taken, s);
    let Lattice::Grid(d, _) = &found else {
        return found;
    };
    let v = frame::columns(d, s);
    if !v.is_empty() {
        net.v.extend(v);
        found = grid(&net, boxes, taken, s);
    }
    let Lattice::Grid(d, _) = &found else {
        return found;
    };
    let h = frame::rows(page, d, s);
    if h.is_empty() {
        return found;
    }
    net.h.extend(h);
    grid(&net, boxes, taken, s)
}

/// Reads one network over the words not yet `taken`, its lines as drawn.
fn grid(net: &Network, boxes: &[WordBox], taken: &[bool], s: &Settings) -> Lattice {
    if net.h.is_empty() && net.v.is_empty() {
        return Lattice::Nothing;
    }
    let tol = s.snap_tolerance.max(0.0);
    let mut xs = edges(&net.v, &net.h, tol);
    let mut ys = edges(&net.h, &net.v, tol);
    let free: Vec<&WordBox> = boxes
        .iter()
        .enumerate()
        .filter(|(i, _)| !taken.get(*i).copied().unwrap_or(true))
        .map(|(_, b)| b)
        .collect();
    drop_thin_bands(&mut xs, &free, s.min_cell_size, |b| b.cx());
    drop_thin_bands(&mut ys, &free, s.min_cell_size, |b| b.cy());
    if xs.len() < 3 {
        return Lattice::Rules;
    }
    if ys.len() < 2 {
        return Lattice::Nothing;
    }
    let (cols, rows) = (xs.len() - 1, ys.len() - 1);
    if cols.saturating_mul(rows) > s.max_cells {
        return Lattice::Nothing;
    }
    let reach = tol + s.min_cell_size.max(0.0);
    let vcov = coverage(&net.v, &xs, reach, s.join_tolerance);
    let hcov = coverage(&net.h, &ys, reach, s.join_tolerance);
    let t = s.intersection_tolerance;
    let vdrawn = |j: usize, r: usize| covers(&vcov[j], ys[r] + t, ys[r + 1] - t);
    let hdrawn = |i: usize, c: usize| covers(&hcov[i], xs[c] + t, xs[c + 1] - t);

    // Cells as rectangles of positions, grown right then down.
    let mut owner = vec![usize::MAX; rows * cols];
    let mut cells: Vec<DraftCell> = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            if owner[r * cols + c] != usize::MAX {
                continue;
            }
            let mut cs = 1;
            while c + cs < cols && owner[r * cols + c + cs] == usize::MAX && !vdrawn(c + cs, r) {
                cs += 1;
            }
            let mut rs = 1;
            'down: while r + rs < rows {
                let rr = r + rs;
                for k in c..c + cs {
                    if owner[rr * cols + k] != usize::MAX || hdrawn(rr, k) {
                        break 'down;
                    }
                }
                for k in c + 1..c + cs {
                    if vdrawn(k, rr) {
                        break 'down;
                    }
                }
                rs += 1;
            }
            for rr in r..r + rs {
                for k in c..c + cs {
                    owner[rr * cols + k] = cells.len();
                }
            }
            cells.push(DraftCell {
                row: r as u32,
                col: c as u32,
                row_span: rs as u32,
                col_span: cs as u32,
                bbox: [xs[c], ys[r], xs[c + cs], ys[r + rs]],
                words: Vec::new(),
            });
        }
    }

    // Words by their centres.
    let mut used = Vec::new();
    for (i, b) in boxes.iter().enumerate() {
        if taken.get(i).copied().unwrap_or(true) {
            continue;
        }
        let (cx, cy) = (b.cx(), b.cy());
        let (Some(c), Some(r)) = (band(&xs, cx), band(&ys, cy)) else {
            continue;
        };
        let Some(cell) = owner.get(r * cols + c).and_then(|&k| cells.get_mut(k)) else {
            continue;
        };
        cell.words.push(*b);
        used.push(i);
    }
    if used.is_empty() {
        return Lattice::Nothing;
    }
    let cells = split_merged(cells, &xs, s);
    let (cells, rows, cols) = drop_gutters(cells, &xs, &ys, s.max_gutter);
    let split_words = cells
        .iter()
        .flat_map(|c| c.words.iter().map(move |b| (c.bbox, b)))
        .filter(|(bb, b)| b.x0 < bb[0] - t || b.x1 > bb[2] + t)
        .count();
    let (Some(&x1), Some(&y1)) = (xs.last(), ys.last()) else {
        return Lattice::Nothing;
    };
    let bbox = [xs[0], ys[0], x1, y1];
    Lattice::Grid(
        Draft {
            mode: TableMode::Lattice,
            bbox,
            rows: rows as u32,
            cols: cols as u32,
            cells,
            split_words,
        },
        used,
    )
}

/// The distinct positions of `lines`, with the outer ends of the `across`
/// lines added where they reach beyond them (a table whose outer border is
/// not drawn still ends where its lines end).
fn edges(lines: &[Seg], across: &[Seg], tol: f32) -> Vec<f32> {
    let mut xs: Vec<f32> = lines.iter().map(|g| g.pos).collect();
    xs.sort_by(f32::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() <= tol);
    let lo = across.iter().map(|g| g.a).reduce(f32::min);
    let hi = across.iter().map(|g| g.b).reduce(f32::max);
    if let (Some(lo), Some(hi)) = (lo, hi) {
        if xs.first().is_none_or(|&f| lo < f - tol) {
            xs.insert(0, lo);
        }
        if xs.last().is_none_or(|&l| hi > l + tol) {
            xs.push(hi);
        }
    }
    xs
}

/// Removes the edges of bands thinner than `min` that hold no word centre
/// (the two strokes of a double line, a line drawn past the table's end).
fn drop_thin_bands(
    edges: &mut Vec<f32>,
    words: &[&WordBox],
    min: f32,
    centre: impl Fn(&WordBox) -> f32,
) {
    let mut centres: Vec<f32> = words.iter().map(|b| centre(b)).collect();
    centres.sort_by(f32::total_cmp);
    let holds = |lo: f32, hi: f32| {
        let k = centres.partition_point(|&c| c < lo);
        centres.get(k).is_some_and(|&c| c <= hi)
    };
    let mut i = 0;
    while i + 1 < edges.len() {
        let (lo, hi) = (edges[i], edges[i + 1]);
        if hi - lo < min && !holds(lo, hi) && edges.len() > 2 {
            // Keep the outer edge of the table, drop the inner one.
            if i + 2 == edges.len() {
                edges.remove(i);
            } else {
                edges.remove(i + 1);
            }
        } else {
            i += 1;
        }
    }
}

/// For each edge, the merged intervals its lines cover.
fn coverage(lines: &[Seg], edges: &[f32], reach: f32, join: f32) -> Vec<Vec<(f32, f32)>> {
    let mut cov: Vec<Vec<(f32, f32)>> = vec![Vec::new(); edges.len()];
    for g in lines {
        let k = edges.partition_point(|&e| e < g.pos);
        let best = [k.checked_sub(1), Some(k)]
            .into_iter()
            .flatten()
            .filter(|&j| j < edges.len())
            .min_by(|&p, &q| {
                (edges[p] - g.pos)
                    .abs()
                    .total_cmp(&(edges[q] - g.pos).abs())
            });
        if let Some(j) = best {
            if (edges[j] - g.pos).abs() <= reach {
                cov[j].push((g.a, g.b));
            }
        }
    }
    for c in &mut cov {
        c.sort_by(|p, q| p.0.total_cmp(&q.0));
        let mut merged: Vec<(f32, f32)> = Vec::with_capacity(c.len());
        for &(a, b) in c.iter() {
            match merged.last_mut() {
                Some(last) if a <= last.1 + join => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        *c = merged;
    }
    cov
}

/// Whether one of the merged intervals covers `lo..hi`.
fn covers(intervals: &[(f32, f32)], lo: f32, hi: f32) -> bool {
    let k = intervals.partition_point(|iv| iv.0 <= lo);
    k > 0 && intervals[k - 1].1 >= hi
}

/// The band of `edges` that holds `v`, if any.
fn band(edges: &[f32], v: f32) -> Option<usize> {
    let (first, last) = (*edges.first()?, *edges.last()?);
    if v < first || v > last || edges.len() < 2 {
        return None;
    }
    let k = edges.partition_point(|&e| e <= v);
    Some(k.saturating_sub(1).min(edges.len() - 2))
}

#[cfg(test)]
#[path = "lattice_tests.rs"]
mod tests;

//! The rows and columns a ruled frame leaves undrawn, read from its words.
//!
//! Many ruled tables draw only part of their lines: an outer frame and a
//! line under the header, with no line between the body's rows; a line
//! under each row and verticals only between groups of columns (or only in
//! the header). Read from its lines alone, such a table puts a whole column
//! of values in one cell, or several columns in one. Inside the frame the
//! words still say where the missing lines go, as they do for a table drawn
//! without lines ([`crate::stream`]), and the drawn lines stay boundaries:
//!
//! - [`columns`]: a whitespace gutter that runs down a ruled column divides
//!   it when no word crosses it and at least `frame_min_lines` text lines
//!   have words on both of its sides (a projection profile bounded by the
//!   frame). It runs from the first cell whose words it parts to the last,
//!   through empty cells, and stops at a cell that spans into the next
//!   ruled column or whose words cross it: a header label over the parts
//!   stays one cell over them;
//! - [`rows`]: the text lines are cut into rows as the stream reader cuts
//!   them ([`crate::rows`]), each drawn row boundary ending a row. When the
//!   drawn lines already separate most of the rows found, they alone make
//!   the rows, so a fully ruled table with wrapped cells reads as drawn.
//!
//! Both give the missing lines as segments, which the lattice reader adds
//! to the drawn ones before it builds the grid again.

use crate::draft::Draft;
use crate::geom::{median, WordBox};
use crate::lines::text_lines;
use crate::piece::{Piece, RowLine};
use crate::rulings::Seg;
use crate::settings::Settings;
use atti_page::Page;

/// A gutter being followed down a column.
#[derive(Debug, Clone, Copy)]
struct Gap {
    lo: f32,
    hi: f32,
    /// First and last cell (positions in the column's list) it parts.
    first: usize,
    last: usize,
    /// Text lines with words on both sides.
    support: usize,
}

/// Which cell holds each grid position (row-major), `None` when the
/// cells do not cover the grid once or it is too large.
fn owners(d: &Draft, s: &Settings) -> Option<Vec<usize>> {
    let (rows, cols) = (d.rows as usize, d.cols as usize);
    if rows.saturating_mul(cols) > s.max_cells {
        return None;
    }
    let mut owner = vec![usize::MAX; rows * cols];
    for (k, c) in d.cells.iter().enumerate() {
        for r in c.row as usize..(c.row + c.row_span) as usize {
            for cc in c.col as usize..(c.col + c.col_span) as usize {
                *owner.get_mut(r * cols + cc)? = k;
            }
        }
    }
    owner.iter().all(|&k| k != usize::MAX).then_some(owner)
}

/// Vertical lines that divide the grid's columns where the words of a
/// column part around a gutter.
pub(crate) fn columns(d: &Draft, s: &Settings) -> Vec<Seg> {
    let Some(owner) = owners(d, s) else {
        return Vec::new();
    };
    let (rows, cols) = (d.rows as usize, d.cols as usize);
    let mut out = Vec::new();
    for c in 0..cols {
        // The column's cells top to bottom, each once.
        let mut seq: Vec<usize> = Vec::new();
        for r in 0..rows {
            let k = owner[r * cols + c];
            if seq.last() != Some(&k) {
                seq.push(k);
            }
        }
        let single = |k: usize| d.cells[k].col_span == 1;
        let sizes: Vec<f32> = seq
            .iter()
            .filter(|&&k| single(k))
            .flat_map(|&k| d.cells[k].words.iter().map(|w| w.size))
            .collect();
        if sizes.is_empty() {
            continue;
        }
        let size = median(sizes);
        let min_w = s.column_gap * size;
        let lines: Vec<Vec<Vec<(f32, f32)>>> = seq
            .iter()
            .map(|&k| line_spans(&d.cells[k].words, s.line_tolerance))
            .collect();
        // Narrower than a column gap, wider than the column's word space.
        let own: Vec<Vec<Vec<(f32, f32)>>> = seq
            .iter()
            .zip(&lines)
            .filter(|(k, _)| single(**k))
            .map(|(_, l)| l.clone())
            .collect();
        let min_space =
            word_space(&own, min_w).map_or(s.min_cut_space * size, |w| s.frame_space_ratio * w);
        let mut active: Vec<Gap> = Vec::new();
        let mut done: Vec<Gap> = Vec::new();
        for (p, &k) in seq.iter().enumerate() {
            let cell = &d.cells[k];
            if !single(k) {
                done.append(&mut active);
                continue;
            }
            if cell.words.is_empty() {
                continue;
            }
            let free: Vec<(f32, f32)> = free_spans(cell.bbox[0], cell.bbox[2], &lines[p])
                .into_iter()
                .filter(|f| f.1 - f.0 >= min_w)
                .collect();
            let mut used = vec![false; free.len()];
            let mut next = Vec::new();
            for mut g in active.drain(..) {
                let best = free
                    .iter()
                    .enumerate()
                    .map(|(j, f)| (j, f.1.min(g.hi) - f.0.max(g.lo)))
                    .max_by(|a, b| a.1.total_cmp(&b.1));
                match best {
                    Some((j, w)) if w >= min_w && !used[j] => {
                        used[j] = true;
                        g.lo = g.lo.max(free[j].0);
                        g.hi = g.hi.min(free[j].1);
                        let n = support(&lines[p], g.lo, g.hi);
                        if n > 0 {
                            g.support += n;
                            g.last = p;
                        }
                        next.push(g);
                    }
                    _ => done.push(g),
                }
            }
            for (j, f) in free.iter().enumerate() {
                let n = support(&lines[p], f.0, f.1);
                if !used[j] && n > 0 {
                    next.push(Gap {
                        lo: f.0,
                        hi: f.1,
                        first: p,
                        last: p,
                        support: n,
                    });
                }
            }
            active = next;
        }
        done.append(&mut active);
        for mut g in done {
            if g.support < s.frame_min_lines.max(1) {
                continue;
            }
            // On into the cells next to it whose words it parts without
            // crossing one (a header whose labels are wider than the values
            // under them), at a space wider than the column's word space:
            // the gutter narrows to their whitespace.
            let parts = |p: usize, g: &mut Gap| {
                let k = seq[p];
                if !single(k) || d.cells[k].words.is_empty() {
                    return false;
                }
                let hit = free_spans(g.lo, g.hi, &lines[p])
                    .into_iter()
                    .filter(|f| f.1 - f.0 >= min_space && support(&lines[p], f.0, f.1) > 0)
                    .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)));
                match hit {
                    Some(f) if f.1 > f.0 => {
                        (g.lo, g.hi) = f;
                        true
                    }
                    _ => false,
                }
            };
            while g.first > 0 && parts(g.first - 1, &mut g) {
                g.first -= 1;
            }
            while g.last + 1 < seq.len() && parts(g.last + 1, &mut g) {
                g.last += 1;
            }
            out.push(Seg {
                pos: (g.lo + g.hi) / 2.0,
                a: d.cells[seq[g.first]].bbox[1],
                b: d.cells[seq[g.last]].bbox[3],
            });
        }
    }
    out
}

/// The words of one cell as text lines, each a list of x spans.
fn line_spans(words: &[WordBox], line_tolerance: f32) -> Vec<Vec<(f32, f32)>> {
    crate::lines::by_baseline(words, line_tolerance)
        .into_iter()
        .map(|g| {
            g.into_iter()
                .filter_map(|i| words.get(i))
                .map(|w| (w.x0, w.x1))
                .collect()
        })
        .collect()
}

/// The median space between two words of a line, over the cells' lines
/// (`cells[k][line]`: the words' x spans, left to right), leaving out
/// gaps of `max` or more (between columns) and the narrow ones of a word
/// drawn in pieces; `None` when there is none.
fn word_space(cells: &[Vec<Vec<(f32, f32)>>], max: f32) -> Option<f32> {
    let mut gaps: Vec<f32> = cells
        .iter()
        .flatten()
        .flat_map(|l| l.windows(2).map(|w| w[1].0 - w[0].1))
        .filter(|&g| g > 0.1 * max && g < max)
        .collect();
    if gaps.is_empty() {
        return None;
    }
    Some(median(std::mem::take(&mut gaps)))
}

/// The parts of `x0..x1` that no word of any line covers.
fn free_spans(x0: f32, x1: f32, lines: &[Vec<(f32, f32)>]) -> Vec<(f32, f32)> {
    let mut spans: Vec<(f32, f32)> = lines.iter().flatten().copied().collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::new();
    let mut from = x0;
    for (a, b) in spans {
        if a > from {
            out.push((from, a.min(x1)));
        }
        from = from.max(b);
    }
    if from < x1 {
        out.push((from, x1));
    }
    out.retain(|f| f.1 > f.0);
    out
}

/// How many lines have a word ending before `lo` and one starting after `hi`.
fn support(lines: &[Vec<(f32, f32)>], lo: f32, hi: f32) -> usize {
    lines
        .iter()
        .filter(|l| l.iter().any(|w| w.1 <= lo) && l.iter().any(|w| w.0 >= hi))
        .count()
}

/// Horizontal lines that divide the grid's rows where its text lines make
/// rows of their own, as the stream reader would cut them.
pub(crate) fn rows(page: &Page, d: &Draft, s: &Settings) -> Vec<Seg> {
    let mut boxes: Vec<WordBox> = Vec::new();
    let mut cell_of: Vec<usize> = Vec::new();
    for (k, c) in d.cells.iter().enumerate() {
        for w in &c.words {
            boxes.push(*w);
            cell_of.push(k);
        }
    }
    let ids: Vec<usize> = (0..boxes.len()).collect();
    let lines = text_lines(&boxes, &ids, s.line_tolerance, s.column_gap);
    if lines.len() < 3 {
        return Vec::new();
    }
    let mut pieces: Vec<Piece> = Vec::new();
    // The rows of the grid each line lies in: those all its cells share.
    let mut band: Vec<(u32, u32)> = Vec::with_capacity(lines.len());
    for (li, line) in lines.iter().enumerate() {
        let mut by_cell: Vec<(usize, Vec<usize>)> = Vec::new();
        for &i in &line.words {
            let k = cell_of[i];
            // Dot leaders are fill, not text: a label and its leaders do
            // not make a line that fills its column.
            if page
                .words
                .get(boxes[i].idx)
                .is_some_and(|w| is_leader(&w.text))
            {
                continue;
            }
            match by_cell.iter_mut().find(|e| e.0 == k) {
                Some(e) => e.1.push(i),
                None => by_cell.push((k, vec![i])),
            }
        }
        let lo = line
            .words
            .iter()
            .map(|&i| d.cells[cell_of[i]].row)
            .max()
            .unwrap_or(0);
        let hi = line
            .words
            .iter()
            .map(|&i| d.cells[cell_of[i]].row + d.cells[cell_of[i]].row_span)
            .min()
            .unwrap_or(0);
        band.push((lo, hi.max(lo + 1)));
        for (k, words) in by_cell {
            let c = &d.cells[k];
            pieces.push(piece(
                page,
                &boxes,
                li,
                c.col as usize,
                (c.col + c.col_span.max(1) - 1) as usize,
                words,
            ));
        }
    }
    // A drawn row boundary between two lines: they lie in rows of the grid
    // that do not meet.
    let ruled: Vec<bool> = band
        .windows(2)
        .map(|w| w[1].0 >= w[0].1 || w[0].0 >= w[1].1)
        .collect();
    let forced = vec![false; ruled.len()];
    let rl: Vec<RowLine> = lines.iter().map(RowLine::from).collect();
    let ranges = crate::rows::rows(&rl, &pieces, d.cols as usize, &forced, &ruled, s);
    // The rows found in each row of the grid, and how many of them set
    // words in two columns or more.
    let filled = |(a, e): (usize, usize)| {
        let mut cs: Vec<usize> = pieces
            .iter()
            .filter(|p| p.line >= a && p.line < e)
            .map(|p| p.c0)
            .collect();
        cs.sort_unstable();
        cs.dedup();
        cs.len()
    };
    let mut per_band: Vec<((u32, u32), usize, usize)> = Vec::new();
    for &r in &ranges {
        let b = band[r.0];
        let multi = usize::from(filled(r) >= 2);
        match per_band.iter_mut().find(|e| e.0 == b) {
            Some(e) => {
                e.1 += 1;
                e.2 += multi;
            }
            None => per_band.push((b, 1, multi)),
        }
    }
    // A row of the grid is cut only where most of its rows are rows of a
    // table (two columns or more): one cell's paragraphs beside a label
    // are one cell.
    let tabular = |b: (u32, u32)| {
        per_band
            .iter()
            .any(|e| e.0 == b && e.2 >= 2 && 2 * e.2 >= e.1)
    };
    let (x0, x1) = (d.bbox[0], d.bbox[2]);
    let edges = row_edges(d);
    ranges
        .windows(2)
        .filter_map(|w| {
            let k = w[0].1.checked_sub(1)?;
            let (a, b) = (lines.get(k)?, lines.get(k + 1)?);
            let r = *band.get(k)?;
            // Only inside one band of the grid: lines in rows that overlap
            // without being one (a cell over two rows beside one of them)
            // are as the lines draw them.
            if band.get(k + 1) != Some(&r) || !tabular(r) {
                return None;
            }
            if r.1 == r.0 + 1 {
                return Some(Seg {
                    pos: (a.bottom + b.top) / 2.0,
                    a: x0,
                    b: x1,
                });
            }
            // A band of several rows of the grid that every cell of both
            // lines spans (rows drawn in some columns only, such as white
            // lines on a column's fill): the rows found go on across it
            // where a drawn row edge passes between the two lines.
            let (mid_a, mid_b) = ((a.top + a.bottom) / 2.0, (b.top + b.bottom) / 2.0);
            let edge = edges
                .iter()
                .copied()
                .filter(|&y| y > mid_a && y < mid_b)
                .min_by(|p, q| {
                    let m = (a.bottom + b.top) / 2.0;
                    (p - m).abs().total_cmp(&(q - m).abs())
                })?;
            Some(Seg {
                pos: edge,
                a: x0,
                b: x1,
            })
        })
        .collect()
}

/// The y positions of the grid's row edges (every cell's top and bottom).
fn row_edges(d: &Draft) -> Vec<f32> {
    let mut ys: Vec<f32> = d
        .cells
        .iter()
        .flat_map(|c| [c.bbox[1], c.bbox[3]])
        .collect();
    ys.sort_by(f32::total_cmp);
    ys.dedup_by(|p, q| (*p - *q).abs() < 0.01);
    ys
}

/// A word of dots only (a dot leader, or part of one).
fn is_leader(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().all(|c| matches!(c, '.' | '\u{2026}' | '\u{b7}'))
}

/// The piece of line `li` in the cell over columns `c0..=c1`.
fn piece(
    page: &Page,
    boxes: &[WordBox],
    li: usize,
    c0: usize,
    c1: usize,
    words: Vec<usize>,
) -> Piece {
    let ws: Vec<&WordBox> = words.iter().filter_map(|&i| boxes.get(i)).collect();
    let text = |b: &WordBox| page.words.get(b.idx).map_or("", |w| w.text.as_str());
    let last = ws.last().map(|b| text(b).trim_end()).unwrap_or("");
    Piece {
        line: li,
        c0,
        c1: c1.max(c0),
        x0: ws.iter().map(|b| b.x0).fold(f32::INFINITY, f32::min),
        x1: ws.iter().map(|b| b.x1).fold(f32::NEG_INFINITY, f32::max),
        first_word: ws.first().map_or(0.0, |b| b.width()),
        capital: ws
            .first()
            .is_some_and(|b| crate::piece::opens_item(text(b))),
        size: ws.iter().map(|b| b.size).fold(0.0, f32::max),
        hyphen: last.chars().count() > 1 && (last.ends_with('-') || last.ends_with('\u{ad}')),
        alpha: crate::piece::may_wrap(ws.iter().map(|b| text(b))),
        digits: ws
            .iter()
            .any(|b| text(b).chars().any(|c| c.is_ascii_digit())),
        words,
    }
}

#[cfg(test)]
#[path = "frame_tests.rs"]
mod tests;

//! The page's columns of running text, parted before tables are looked for.
//!
//! A page set in two columns aligns like a table: every line leaves the
//! gutter between the columns free, and a small table inside one column
//! shares its baselines with the prose of the other, so that the stream
//! reader would take the other column's text as cells of the table. The
//! columns are therefore parted first. A *band* is a run of consecutive
//! text lines that all leave one vertical strip free, at least
//! `page_gutter` em wide and crossed by no word; it is a gutter of the
//! page, and not a table's column gap, when both of its sides hold running
//! text: at least `page_column_prose` lines that are one run of at least
//! `page_prose_words` words filling most of their side. A table's cells are
//! short, and the prose above and below a table crosses its gaps, so its
//! gaps never make such a band. Each side of a band is then read as a page
//! of its own, as are the lines above and below it (which may hold more
//! bands: a title over the columns, three columns).

use crate::geom::WordBox;
use crate::lines::{text_lines, TextLine};
use crate::settings::Settings;

/// A side's prose lines fill at least this share of its width.
const PROSE_FILL: f32 = 0.7;
/// Bands looked for in one page; beyond it the rest is read whole.
const MAX_BANDS: usize = 8;
/// Prose words are at most this far apart (em): justified text stretches
/// its spaces, but not into a gutter.
const PROSE_SPACE: f32 = 1.0;

/// The words `ids` (indices into `boxes`) in groups, each a column of the
/// page or the lines above, between and below its columns; one group with
/// all of them when the page is set in one column.
pub(crate) fn split(boxes: &[WordBox], ids: &[usize], s: &Settings) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut todo = vec![ids.to_vec()];
    let mut bands = 0;
    while let Some(group) = todo.pop() {
        let lines = text_lines(boxes, &group, s.line_tolerance, s.column_gap);
        let found = if bands < MAX_BANDS && s.columns.is_none() {
            band(&lines, boxes, s)
        } else {
            None
        };
        let Some(b) = found else {
            out.push(group);
            continue;
        };
        bands += 1;
        let (mut above, mut left, mut right, mut below) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (k, line) in lines.iter().enumerate() {
            for &i in &line.words {
                if k < b.first {
                    above.push(i);
                } else if k >= b.end {
                    below.push(i);
                } else if boxes[i].cx() < b.centre {
                    left.push(i);
                } else {
                    right.push(i);
                }
            }
        }
        todo.extend(
            [above, left, right, below]
                .into_iter()
                .filter(|g| !g.is_empty()),
        );
    }
    // Top to bottom, left to right, as the page reads.
    let key = |g: &Vec<usize>| {
        g.iter().fold((f32::INFINITY, f32::INFINITY), |(t, l), &i| {
            (t.min(boxes[i].top), l.min(boxes[i].x0))
        })
    };
    out.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        ka.0.total_cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
    });
    out
}

/// Lines `first..end` that all leave free a strip around `centre`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Band {
    first: usize,
    end: usize,
    centre: f32,
}

/// The band with the most lines whose sides both hold running text.
fn band(lines: &[TextLine], boxes: &[WordBox], s: &Settings) -> Option<Band> {
    let mut best: Option<Band> = None;
    for (i, line) in lines.iter().enumerate() {
        let min = s.page_gutter * line.size;
        for pair in line.words.windows(2) {
            let (a, b) = (boxes[pair[0]].x1, boxes[pair[1]].x0);
            if b - a < min {
                continue;
            }
            let (end, lo, hi) = extend(lines, boxes, i, a, b, s);
            let centre = (lo + hi) / 2.0;
            let cand = Band {
                first: i,
                end,
                centre,
            };
            if best.is_some_and(|x| x.end - x.first >= end - i) {
                continue;
            }
            if prose_both_sides(&lines[i..end], boxes, centre, s) {
                best = Some(cand);
            }
        }
    }
    best
}

/// How far down from line `i` the strip `a..b` stays free and at least
/// `page_gutter` em wide: the end of the band and the strip left free.
fn extend(
    lines: &[TextLine],
    boxes: &[WordBox],
    i: usize,
    mut a: f32,
    mut b: f32,
    s: &Settings,
) -> (usize, f32, f32) {
    let mut j = i + 1;
    while j < lines.len() {
        let c = (a + b) / 2.0;
        let ws = &lines[j].words;
        if ws.iter().any(|&w| boxes[w].x0 < c && boxes[w].x1 > c) {
            break;
        }
        let na = ws
            .iter()
            .filter(|&&w| boxes[w].cx() < c)
            .fold(a, |m, &w| m.max(boxes[w].x1));
        let nb = ws
            .iter()
            .filter(|&&w| boxes[w].cx() >= c)
            .fold(b, |m, &w| m.min(boxes[w].x0));
        if nb - na < s.page_gutter * lines[j].size {
            break;
        }
        (a, b) = (na, nb);
        j += 1;
    }
    (j, a, b)
}

/// Whether both sides of `centre` hold enough lines of running text.
fn prose_both_sides(lines: &[TextLine], boxes: &[WordBox], centre: f32, s: &Settings) -> bool {
    [true, false].into_iter().all(|left| {
        let side: Vec<Vec<&WordBox>> = lines
            .iter()
            .map(|l| {
                l.words
                    .iter()
                    .map(|&w| &boxes[w])
                    .filter(|w| (w.cx() < centre) == left)
                    .collect()
            })
            .collect();
        let x0 = side
            .iter()
            .flatten()
            .map(|w| w.x0)
            .fold(f32::INFINITY, f32::min);
        let x1 = side
            .iter()
            .flatten()
            .map(|w| w.x1)
            .fold(f32::NEG_INFINITY, f32::max);
        let width = x1 - x0;
        let prose = side
            .iter()
            .filter(|ws| {
                ws.len() >= s.page_prose_words
                    && ws
                        .windows(2)
                        .all(|p| p[1].x0 - p[0].x1 < PROSE_SPACE * p[0].size)
                    && ws.last().map_or(0.0, |w| w.x1) - ws.first().map_or(0.0, |w| w.x0)
                        >= PROSE_FILL * width
            })
            .count();
        width > 0.0 && prose >= s.page_column_prose
    })
}

#[cfg(test)]
#[path = "page_columns_tests.rs"]
mod tests;

//! A title block set above a table in the table's own font: report
//! titles, a date and a code at the right margin, lines centred on the
//! page. Their runs sit inside the body's columns, so the column gaps
//! alone take them for the table's first lines.
//!
//! A table's header lines are set over its columns, close above one
//! another: each has a label flush with a label or a value below it,
//! centred on a label below it, or over two or more words of the next
//! line (a group label). A line above the table's first full line (one
//! that sets at least half its columns), set further above the next line
//! than a header's lines stand apart, none of whose runs lines up with
//! anything below it, is no part of the table, and neither is any line
//! above it.

use crate::geom::{overlap, WordBox};
use crate::lines::{Run, TextLine};

/// Lines below the first full line whose runs a header line may be flush
/// with.
const LOOK_BELOW: usize = 8;

/// How far (as a share of the font size) two edges may lie apart and
/// still line up.
const ALIGN: f32 = 0.25;

/// The least distance (as a share of the font size) between a title's
/// baseline and the next line's: more than a header's lines stand apart.
const TITLE_GAP: f32 = 1.8;

/// The first line of the region `start..end` (column gaps `gaps`) that
/// is the table's own: `start` unless a title block tops it.
pub(crate) fn table_start(
    lines: &[TextLine],
    boxes: &[WordBox],
    start: usize,
    end: usize,
    gaps: &[(f32, f32)],
) -> usize {
    let columns = gaps.len() + 1;
    if columns < 3 {
        return start;
    }
    let full = columns.div_ceil(2).max(3);
    let Some(first_full) = (start..end).find(|&k| lines[k].runs.len() >= full) else {
        return start;
    };
    let below_end = end.min(first_full + LOOK_BELOW);
    for k in (start..first_full).rev() {
        let (line, next) = (&lines[k], &lines[k + 1]);
        let tol = ALIGN * line.size;
        let apart = next.base - line.base > TITLE_GAP * line.size.max(next.size);
        let lines_up = |r: &Run| {
            group_over(r, next, boxes)
                || lines[k + 1..=first_full]
                    .iter()
                    .any(|l| centred_on(r, l, tol))
                || lines[k + 1..below_end].iter().any(|l| flush(r, l, tol))
        };
        if apart && !line.runs.iter().any(lines_up) {
            return k + 1;
        }
    }
    start
}

/// Whether `r` starts or ends where a run of `l` does.
fn flush(r: &Run, l: &TextLine, tol: f32) -> bool {
    l.runs
        .iter()
        .any(|o| (r.x0 - o.x0).abs() <= tol || (r.x1 - o.x1).abs() <= tol)
}

/// Whether `r` is centred on a run of `l`.
fn centred_on(r: &Run, l: &TextLine, tol: f32) -> bool {
    let c = (r.x0 + r.x1) / 2.0;
    l.runs
        .iter()
        .any(|o| (c - (o.x0 + o.x1) / 2.0).abs() <= tol)
}

/// Whether `r` stands over two or more words of `next` (a group label
/// over labels, which may be set a word space apart).
fn group_over(r: &Run, next: &TextLine, boxes: &[WordBox]) -> bool {
    next.words
        .iter()
        .filter_map(|&i| boxes.get(i))
        .filter(|o| overlap(r.x0, r.x1, o.x0, o.x1) > 0.0)
        .count()
        >= 2
}

#[cfg(test)]
#[path = "title_block_tests.rs"]
mod tests;

//! A table set in sections: blocks of rows parted by blank space, each
//! block under a label of its own (`Class A`, `Les Rosés`), the columns
//! going on from block to block.
//!
//! The region finder ends a table at a gap much wider than its pitch (a
//! section break, [`crate::region`]), so such a table comes out as one
//! region per block. Two regions one right below the other are one table
//! when:
//!
//! - the lower one has no header of column labels (a second table has
//!   one; a label of one run over a block is the section's);
//! - they have as many column gaps, each one meeting the other's (the
//!   columns go on; the table keeps the space free in both);
//! - their lines are set in one font size;
//! - what lies between them is at most [`MAX_LABELS`] lines of one run
//!   each, inside the first column or from the table's left edge across
//!   its columns, about as far as its right edge (a share
//!   `section_label_overhang` of its width past it), over a line of values (a
//!   section label; a caption or a sentence is wider, or stands over a
//!   second table's labels), set in the rows' size or larger (a heading in
//!   capitals, [`LABEL_SIZE`]);
//! - no step from line to line across the join is wider than
//!   `max_section_gap` (em): a blank line or two, not the next part of the
//!   page.
//!
//! A line right below the last block whose runs each sit inside one of
//! the table's columns, in at least half of them, is its last row: a
//! totals row set apart by a rule or a blank line.
//!
//! Lines right above the first block, at most as far apart as the block's
//! own rows, of one run each that stays inside one column (between the
//! middles of its gaps, as its cells are; the first
//! section's label, a column's heading such as a year over the figures,
//! a note on the units) are its first rows too, when the block has no
//! header of column labels above it.

use crate::geom::{median, WordBox};
use crate::lines::TextLine;
use crate::region::Region;
use crate::settings::Settings;

/// Most label lines between two blocks of one table.
const MAX_LABELS: usize = 2;

/// Most lines taken above the first block.
const MAX_ABOVE: usize = 3;

/// A line taken above the first block is at most this many times the
/// block's usual pitch above the line below it.
const ABOVE_PITCH: f32 = 1.2;

/// A section label may be set larger than the rows (a heading in capitals
/// or small capitals), up to this many times their size; never smaller.
const LABEL_SIZE: f32 = 1.5;

/// Whether a label line of size `label` fits rows of size `rows`.
fn label_size(label: f32, rows: f32, s: &Settings) -> bool {
    label >= (1.0 - s.size_tolerance) * rows && label <= LABEL_SIZE * rows
}

/// The regions with the blocks of a table in sections joined (see the
/// module's comment). `regions` are top to bottom, over `lines`.
pub(crate) fn join(
    lines: &[TextLine],
    boxes: &[WordBox],
    regions: Vec<Region>,
    s: &Settings,
) -> Vec<Region> {
    // Each region, and whether blocks were joined into it.
    let mut out: Vec<(Region, bool)> = Vec::with_capacity(regions.len());
    for r in regions {
        if let Some((a, joined)) = out.last_mut() {
            if let Some(gaps) = joinable(lines, boxes, a, &r, s) {
                a.end = r.end;
                a.gaps = gaps;
                *joined = true;
                continue;
            }
        }
        out.push((r, false));
    }
    // The first rows of a joined table, above its first block.
    let mut floor = 0;
    for (r, joined) in &mut out {
        // A header of several runs is a table's top: nothing above it is
        // taken. Lines of one run there are labels of the first block.
        let labels = lines[r.start..r.body].iter().all(|l| l.runs.len() == 1);
        if *joined && labels {
            let start = rows_above(lines, r, floor, s);
            r.start = start;
            r.body = start;
        }
        floor = r.end;
    }
    let mut out: Vec<Region> = out.into_iter().map(|(r, _)| r).collect();
    // A last row set apart below a table (a totals row).
    for i in 0..out.len() {
        let next = out.get(i + 1).map_or(lines.len(), |r| r.start);
        if closing_row(lines, &out[i], next, s) {
            out[i].end += 1;
        }
    }
    out
}

/// Whether the line right below the region is its last row, set apart by
/// a rule or a blank line as a totals row is: no further below than
/// `max_section_gap` (em), in the table's font size, with runs each inside
/// one of its columns (between the middles of its gaps), in at least two
/// and at least half of them, and no
/// other table beginning on it (`next` is the next region's first line).
fn closing_row(lines: &[TextLine], r: &Region, next: usize, s: &Settings) -> bool {
    let k = r.end;
    if k >= next || r.gaps.is_empty() || k == 0 {
        return false;
    }
    let (Some(line), Some(prev)) = (lines.get(k), lines.get(k - 1)) else {
        return false;
    };
    let body = &lines[r.body..r.end];
    let size = size_of(body);
    if line.base - prev.base > s.max_section_gap * line.size.max(prev.size)
        || (line.size - size).abs() > s.size_tolerance * size
    {
        return false;
    }
    let slack = s.column_gap * size;
    let (x0, x1) = (left_edge(body), right_edge(body));
    // Columns are divided at the middles of the gaps.
    let col = |x: f32| r.gaps.partition_point(|g| (g.0 + g.1) / 2.0 <= x);
    let mut cols: Vec<usize> = Vec::new();
    for run in &line.runs {
        let inside = run.x0 >= x0 - slack && run.x1 <= x1 + slack && col(run.x0) == col(run.x1);
        if !inside {
            return false;
        }
        cols.push(col(run.x0));
    }
    cols.dedup();
    let ncols = r.gaps.len() + 1;
    cols.len() >= 2 && 2 * cols.len() >= ncols
}

/// The gaps of `a` and `b` taken as one table, or `None` when they are two.
fn joinable(
    lines: &[TextLine],
    boxes: &[WordBox],
    a: &Region,
    b: &Region,
    s: &Settings,
) -> Option<Vec<(f32, f32)>> {
    if a.gaps.is_empty() || a.gaps.len() != b.gaps.len() {
        return None;
    }
    let gaps: Vec<(f32, f32)> = a
        .gaps
        .iter()
        .zip(&b.gaps)
        .map(|(p, q)| (p.0.max(q.0), p.1.min(q.1)))
        .collect();
    if gaps.iter().any(|g| g.1 < g.0) {
        return None;
    }
    let (sa, sb) = (
        size_of(&lines[a.body..a.end]),
        size_of(&lines[b.body..b.end]),
    );
    if (sa - sb).abs() > s.size_tolerance * sa.max(sb) {
        return None;
    }
    // The lines between the blocks, the lower one's header with them: a
    // header of column labels is a second table's, a label of one run the
    // next section's.
    let between = lines.get(a.end..b.body)?;
    if between.len() > MAX_LABELS {
        return None;
    }
    let x0 = left_edge(&lines[a.body..a.end]);
    let x1 = right_edge(&lines[a.body..a.end]).max(right_edge(&lines[b.body..b.end]));
    let first_gap = gaps[0].0;
    // Inside the first column, or from the table's left edge across the
    // columns of a narrow table, about as far as its right edge
    // (`section_label_overhang`), with values right below it: a section's label runs on over the empty cells of
    // its row (a caption over a second table has its labels below).
    let values_below = lines.get(b.body).is_some_and(|l| {
        l.runs.iter().skip(1).any(|r| {
            l.words
                .get(r.first..r.end)
                .unwrap_or(&[])
                .iter()
                .any(|&i| boxes.get(i).is_some_and(|w| w.digits))
        })
    });
    let label = |l: &TextLine| {
        let slack = s.column_gap * l.size;
        let [run] = l.runs.as_slice() else {
            return false;
        };
        let inside = run.x0 >= x0 - slack && run.x1 <= first_gap;
        let across = (run.x0 - x0).abs() <= slack
            && run.x1 <= x1 + s.section_label_overhang * (x1 - x0)
            && values_below;
        (inside || across) && label_size(l.size, sa, s)
    };
    if !between.iter().all(label) {
        return None;
    }
    let steps_ok = (a.end.saturating_sub(1)..b.body.min(lines.len() - 1)).all(|k| {
        let (p, q) = (&lines[k], &lines[k + 1]);
        q.base - p.base <= s.max_section_gap * p.size.max(q.size)
    });
    steps_ok.then_some(gaps)
}

/// The first line of a joined table: lines above it (down to `floor`) of
/// one run inside one column, in its font size or larger as a label may
/// be ([`LABEL_SIZE`], the allowed step growing with it), each at most
/// [`ABOVE_PITCH`] times its usual pitch above the next.
fn rows_above(lines: &[TextLine], r: &Region, floor: usize, s: &Settings) -> usize {
    let body = &lines[r.body..r.end];
    let (pitch, size) = (usual_pitch(body), size_of(body));
    let (x0, x1) = (left_edge(body), right_edge(body));
    let mut start = r.start;
    while start > floor && r.body - start < MAX_ABOVE {
        let (l, below) = (&lines[start - 1], &lines[start]);
        let slack = s.column_gap * l.size;
        let [run] = l.runs.as_slice() else {
            break;
        };
        // Inside one column, bounded by the middles of its gaps as its
        // cells are: a label longer than the column's texts may reach
        // into the whitespace beside it.
        let col = |x: f32| r.gaps.partition_point(|g| (g.0 + g.1) / 2.0 <= x);
        let inside = run.x0 >= x0 - slack && run.x1 <= x1 + slack && col(run.x0) == col(run.x1);
        // A larger label takes more leading above the line below it.
        let close = below.base - l.base <= ABOVE_PITCH * pitch * (l.size / size).max(1.0);
        if !inside || !close || !label_size(l.size, size, s) {
            break;
        }
        start -= 1;
    }
    start
}

fn size_of(lines: &[TextLine]) -> f32 {
    median(lines.iter().map(|l| l.size).collect())
}

/// The median step between lines set a line's height or more apart.
fn usual_pitch(lines: &[TextLine]) -> f32 {
    let steps: Vec<f32> = lines
        .windows(2)
        .map(|w| w[1].base - w[0].base)
        .filter(|&d| lines.first().is_some_and(|l| d >= 0.8 * l.size))
        .collect();
    if steps.is_empty() {
        1.2 * size_of(lines)
    } else {
        median(steps)
    }
}

fn left_edge(lines: &[TextLine]) -> f32 {
    lines
        .iter()
        .filter_map(|l| l.runs.first())
        .map(|r| r.x0)
        .fold(f32::INFINITY, f32::min)
}

fn right_edge(lines: &[TextLine]) -> f32 {
    lines
        .iter()
        .filter_map(|l| l.runs.last())
        .map(|r| r.x1)
        .fold(f32::NEG_INFINITY, f32::max)
}

#[cfg(test)]
#[path = "sections_tests.rs"]
mod tests;

//! Where a page's text is set as a table: runs of lines whose column gaps
//! line up.
//!
//! A region grows down from a *seed*, a line of at least two runs. It
//! keeps the set of gaps that are free in every line taken so far (the
//! whitespace columns of a projection profile, computed line by line). A
//! next line joins when it is close enough below and leaves some of every
//! gap free; a line that fills a gap (running text, a title across the
//! table) ends the region. A line may also open new gaps, where it reaches
//! beyond the region's width or sets a run inside a wide gap (a column that
//! was empty so far); below two rows of several columns, a line that opens
//! two or more beyond the width is running text and ends it, as does a
//! justified line of prose (its word spaces stretched past a column gap,
//! all alike: [`TextLine::justified`]), which is no seed either. A region is a table when it has at least two
//! columns and at least two lines of several runs.
//!
//! The first lines of a table are often its header, set over the columns
//! in other ways (a label spanning two columns, `Previsto` centred over
//! `Inizio` and `Fine`); such a line would hide the gap it crosses, or open
//! one that the body's lines cross. So the body may begin a few lines
//! below the seed when that reaches further down or finds more columns,
//! provided the lines it skips are all taken back as its header. Lines
//! above the body are taken as its header while they sit
//! close above it (a line of one run no further than a wrapped label's
//! pitch), within its width, and none of their runs crosses every gap
//! (that would be a title or a sentence), crossing at most one rule
//! across the table (a second is the table's top). Such a line inside the
//! body (a label over some columns) stays in it when the table goes on
//! right below. A gap between lines much wider
//! than any of the region's last pitches ends it (rows of wrapped text
//! have both narrow and wide pitches; a section break is wider still, and
//! at least `section_gap`); so does a line within one column set in another font size
//! than the region's.

use crate::geom::{median, reads_as_values, WordBox};
use crate::lines::TextLine;
use crate::rulings::Seg;
use crate::settings::Settings;
use std::collections::VecDeque;

use header::{fits_header, header_start};

/// A table region: lines `start..end` of the page's text lines, the first
/// `body - start` of them a header.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Region {
    pub start: usize,
    pub body: usize,
    pub end: usize,
    /// Column gaps (x intervals), left to right; zero-width at given
    /// separators.
    pub gaps: Vec<(f32, f32)>,
}

/// What growing from one line gave.
#[derive(Debug, Clone)]
struct Growth {
    end: usize,
    gaps: Vec<(f32, f32)>,
    x0: f32,
    x1: f32,
    /// Lines with words in at least two columns.
    multi: usize,
}

impl Growth {
    /// A region of `seed` alone, its column gaps `gaps`, ending at `end`.
    fn seed(seed: &TextLine, gaps: Vec<(f32, f32)>, end: usize) -> Option<Growth> {
        Some(Growth {
            end,
            gaps,
            x0: seed.runs.first()?.x0,
            x1: seed.runs.last()?.x1,
            multi: 0,
        })
    }

    /// The region's sides widened to take `line` in.
    fn widen(&mut self, line: &TextLine) {
        if let (Some(f), Some(l)) = (line.runs.first(), line.runs.last()) {
            self.x0 = self.x0.min(f.x0);
            self.x1 = self.x1.max(l.x1);
        }
    }
}

/// The gaps between the runs of words of `line`.
fn run_gaps(line: &TextLine) -> Vec<(f32, f32)> {
    line.runs.windows(2).map(|w| (w[0].x1, w[1].x0)).collect()
}

/// Share of a table's width a rule runs across to bound the table (a
/// shorter one sits under a label over some columns).
const FULL_WIDTH: f32 = 0.9;

/// How many of a region's last line pitches make its usual pitch.
const PITCH_WINDOW: usize = 16;

/// Most line visits spent growing regions on one page.
const VISIT_BUDGET: usize = 2_000_000;

/// The table regions among `lines` (sorted top to bottom), top to bottom.
/// `separators` are column separators the caller gave. A table set in
/// sections comes out as one region per section here; the caller joins
/// them ([`crate::sections::join`]).
pub(crate) fn regions(
    lines: &[TextLine],
    boxes: &[WordBox],
    separators: Option<&[f32]>,
    rules: &[Seg],
    s: &Settings,
) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    let mut budget = VISIT_BUDGET;
    let mut i = 0;
    while i < lines.len() && out.len() < s.max_tables {
        let Some(g) = grow(lines, boxes, i, separators, s, &mut budget) else {
            if budget == 0 {
                break;
            }
            i += 1;
            continue;
        };
        // A body that starts a little lower may reach further down (a header
        // label set inside a column's whitespace ends the growth from it), or
        // show more columns (a label spanning two hides their gap).
        // The lines it skips must all be its header.
        let floor = out.last().map_or(0, |r| r.end);
        let mut body = i;
        let first_end = g.end;
        let mut start = header_start(lines, floor, i, &g, rules, s);
        let mut best = g;
        for k in i + 1..=(i + s.header_max_lines).min(first_end.saturating_sub(1)) {
            if let Some(h) = grow(lines, boxes, k, separators, s, &mut budget) {
                if (h.end, h.gaps.len()) > (best.end, best.gaps.len()) {
                    let from = header_start(lines, floor, k, &h, rules, s);
                    if from <= i {
                        (body, start, best) = (k, from, h);
                        continue;
                    }
                }
                // A header label wider than its column (set flush over it,
                // a word space from the next label) crosses a gap that
                // every line of the body keeps free: the lines above that
                // body, read as rows of it, keep that gap.
                if h.end >= best.end && wide_label::hides_gap(&best, &h) {
                    if let Some(m) = wide_label::with_header(lines, boxes, i, k, &h, s) {
                        let from = header_start(lines, floor, i, &m, rules, s);
                        (body, start, best) = (k, from, m);
                    }
                }
            }
        }
        // A title block above the table, set in its font and inside its
        // columns, is no part of it.
        let top = crate::title_block::table_start(lines, boxes, start, best.end, &best.gaps);
        if top > start {
            start = top;
            body = body.max(top);
            // The gaps were found with the title's lines, whose text may
            // cover a gap the table's own lines leave free: found again
            // without them, from the first line, and from a body below a
            // header whose labels, wider than their columns, hide a gap of
            // the body (as above): such a gap holds when the header's lines,
            // cut at their word spaces, leave it free.
            if let Some(own) = own_gaps(lines, boxes, top, best.end, s) {
                let mut gaps = own.gaps.clone();
                let last = (top + s.header_max_lines).min(best.end.saturating_sub(1));
                for k in top + 1..=last {
                    let Some(h) = own_gaps(lines, boxes, k, best.end, s) else {
                        continue;
                    };
                    for g in wide_label::apart(&h.gaps, &gaps) {
                        let mut trial = own.clone();
                        trial.gaps = wide_label::union(&gaps, &[g]);
                        let Some(m) = wide_label::with_header(lines, boxes, top, k, &trial, s)
                        else {
                            continue;
                        };
                        if m.gaps.len() > gaps.len() {
                            gaps = m.gaps;
                            body = body.max(k);
                        }
                    }
                }
                if gaps.len() > best.gaps.len() {
                    best.gaps = gaps;
                }
            }
        }
        out.push(Region {
            start,
            body,
            end: best.end,
            gaps: best.gaps,
        });
        i = best.end;
    }
    out
}

/// The lines from `from` down that read as rows under a ruled header whose
/// column edges are `separators`: one line is enough (see
/// [`crate::headed`]); `None` when the first does not fit.
pub(crate) fn grow_under(
    lines: &[TextLine],
    boxes: &[WordBox],
    from: usize,
    separators: &[f32],
    s: &Settings,
) -> Option<Region> {
    let mut budget = VISIT_BUDGET;
    let g = grow_with(lines, boxes, from, Some(separators), s, &mut budget, 0)?;
    Some(Region {
        start: from,
        body: from,
        end: g.end,
        gaps: g.gaps,
    })
}

/// The column gaps of the lines `start..end` alone, found as [`grow`]
/// finds them from `start` but with no line ending the region: a line
/// that does not fit (a label across the columns) leaves them as they are.
fn own_gaps(
    lines: &[TextLine],
    boxes: &[WordBox],
    start: usize,
    end: usize,
    s: &Settings,
) -> Option<Growth> {
    let seed = lines.get(start)?;
    let mut g = Growth::seed(seed, run_gaps(seed), end)?;
    for line in lines.get(start + 1..end)? {
        if add_line(&mut g, line, boxes, s) {
            g.widen(line);
        }
    }
    Some(g)
}

/// Grows a region down from line `from`; `None` when it is no table.
fn grow(
    lines: &[TextLine],
    boxes: &[WordBox],
    from: usize,
    separators: Option<&[f32]>,
    s: &Settings,
    budget: &mut usize,
) -> Option<Growth> {
    grow_with(lines, boxes, from, separators, s, budget, s.min_rows.max(2))
}

/// [`grow`], with the fewest lines of several columns a table needs.
fn grow_with(
    lines: &[TextLine],
    boxes: &[WordBox],
    from: usize,
    separators: Option<&[f32]>,
    s: &Settings,
    budget: &mut usize,
    min_multi: usize,
) -> Option<Growth> {
    let seed = lines.get(from)?;
    let gaps = match separators {
        Some(seps) => seps.iter().map(|&x| (x, x)).collect(),
        None => run_gaps(seed),
    };
    let mut g = Growth::seed(seed, gaps, from + 1)?;
    if seed.justified() {
        return None;
    }
    let explicit = separators.is_some();
    let seed_multi = columns_used(seed, boxes, &g.gaps, explicit) >= 2;
    if (!seed_multi && min_multi > 0) || (explicit && straddles(seed, boxes, &g.gaps, s)) {
        return None;
    }
    g.multi = usize::from(seed_multi);
    let mut pitches: VecDeque<f32> = VecDeque::with_capacity(PITCH_WINDOW);
    let mut sizes: VecDeque<f32> = VecDeque::from([seed.size]);
    for j in from + 1..lines.len() {
        if *budget == 0 {
            return None;
        }
        *budget -= 1;
        let (prev, line) = (&lines[j - 1], &lines[j]);
        let pitch = line.base - prev.base;
        if pitch > s.max_line_gap * line.size.max(prev.size) {
            break;
        }
        let widest = pitches.iter().copied().fold(0.0, f32::max);
        if pitches.len() >= 2
            && pitch > s.max_pitch_jump * widest
            && pitch > s.section_gap * line.size.min(prev.size)
        {
            break;
        }
        let usual = median(sizes.iter().copied().collect());
        let one_column = columns_used(line, boxes, &g.gaps, explicit) < 2;
        if one_column && (line.size - usual).abs() > s.size_tolerance * usual {
            break;
        }
        // Lines closer than a line's height sit beside each other (a cell
        // centred by a wrapped one): no pitch of the table.
        let real_pitch = pitch >= 0.8 * line.size.min(prev.size);
        let ok = match separators {
            Some(_) => !straddles(line, boxes, &g.gaps, s),
            None => add_line(&mut g, line, boxes, s),
        };
        if !ok {
            // A label over some of the columns inside the table (a section
            // of its body): it fits as a header line would, and the table
            // goes on right below it. It leaves the gaps as they are.
            let label = separators.is_none() && label_inside(lines, boxes, j, &g, s);
            if !label {
                break;
            }
        }
        g.widen(line);
        if columns_used(line, boxes, &g.gaps, explicit) >= 2 {
            g.multi += 1;
        }
        g.end = j + 1;
        if sizes.len() == PITCH_WINDOW {
            sizes.pop_front();
        }
        sizes.push_back(line.size);
        if real_pitch {
            if pitches.len() == PITCH_WINDOW {
                pitches.pop_front();
            }
            pitches.push_back(pitch);
        }
    }
    (g.multi >= min_multi && g.gaps.len() + 1 >= s.min_cols.max(2)).then_some(g)
}

/// Whether line `j`, which fills a gap of the region, is a label inside
/// the table (a section's, over some columns): the table goes on right
/// below it ([`goes_on`]), and it fits as a header line would, the table's
/// left edge taken where the lines that follow begin (a label from the
/// table's left edge, under a header whose first label is centred over its
/// column). The right edge stays the region's: a line of prose below the
/// table runs further.
fn label_inside(lines: &[TextLine], boxes: &[WordBox], j: usize, g: &Growth, s: &Settings) -> bool {
    let Some(x0) = goes_on(lines, boxes, j, g, s) else {
        return false;
    };
    let mut wide = g.clone();
    wide.x0 = wide.x0.min(x0);
    lines.get(j).is_some_and(|line| fits_header(line, &wide, s))
}

/// Most lines looked at below a label for the table's next line of
/// several columns: the first row's cell may wrap above its values.
const LABEL_LOOKAHEAD: usize = 3;

/// Whether the region goes on below line `j`: the lines after it, each
/// close below the one before, join the region until one sets at least two
/// columns, within [`LABEL_LOOKAHEAD`] lines. Where the leftmost of those
/// lines begins.
fn goes_on(
    lines: &[TextLine],
    boxes: &[WordBox],
    j: usize,
    g: &Growth,
    s: &Settings,
) -> Option<f32> {
    let mut trial = g.clone();
    let mut x0 = f32::INFINITY;
    for k in j + 1..=j + LABEL_LOOKAHEAD {
        let (prev, next) = (lines.get(k - 1)?, lines.get(k)?);
        if next.base - prev.base > s.max_line_gap * prev.size.max(next.size) {
            return None;
        }
        if !add_line(&mut trial, next, boxes, s) {
            return None;
        }
        if let Some(f) = next.runs.first() {
            x0 = x0.min(f.x0);
        }
        if columns_used(next, boxes, &trial.gaps, false) >= 2 {
            return Some(x0);
        }
    }
    None
}

/// Narrows the gaps by the line's runs and opens the gaps it makes beyond
/// the region's width; `false` (and the growth unchanged) when the line
/// fills one of the gaps.
///
/// A run that crosses a gap is first cut at a word space where the next
/// word begins at the gap's right end, or the previous one ends at its
/// left end (within `edge_tolerance`): text of one column running up to the
/// next one, whose words start or end where that column's always do. The
/// space left there keeps the gap open, however narrow.
fn add_line(g: &mut Growth, line: &TextLine, boxes: &[WordBox], s: &Settings) -> bool {
    if line.justified() {
        return false;
    }
    let keep = s.min_gap_keep * line.size;
    // A line of one run from the region's left edge may be a section's
    // label running across the columns: its own word spaces are no column
    // edge, unless values (numbers, codes) follow them.
    let lone = matches!(line.runs.as_slice(), [r] if r.x0 <= g.x0 + 0.5 * line.size);
    let (spans, cuts) = cut_runs(line, boxes, &g.gaps, s.edge_tolerance, lone);
    let cut_at = |x: f32| cuts.contains(&x);
    let mut gaps: Vec<(f32, f32)> = Vec::with_capacity(g.gaps.len() + 2);
    for &(lo, hi) in &g.gaps {
        let before = gaps.len();
        let mut free = lo;
        for &(x0, x1) in &spans {
            if x1 <= free || x0 >= hi {
                continue;
            }
            if x0 - free >= keep || (x0 > free && (cut_at(x0) || cut_at(free))) {
                gaps.push((free, x0));
            }
            free = free.max(x1);
        }
        // A gap the line leaves untouched stays, however narrow.
        if hi - free >= keep || (hi > free && (cut_at(free) || free == lo)) {
            gaps.push((free, hi));
        }
        if gaps.len() == before {
            return false;
        }
    }
    // New gaps lie between the line's runs and the region's width so far,
    // outside that width.
    let wide = s.column_gap * line.size;
    let mut spans: Vec<(f32, f32)> = line.runs.iter().map(|r| (r.x0, r.x1)).collect();
    spans.push((g.x0, g.x1));
    spans.sort_by(|p, q| p.0.total_cmp(&q.0));
    let mut reach = f32::NEG_INFINITY;
    let mut opened = 0;
    for (k, &(a, b)) in spans.iter().enumerate() {
        if k > 0 && a - reach >= wide && (reach >= g.x1 || a <= g.x0) {
            gaps.push((reach, a));
            opened += 1;
        }
        reach = reach.max(b);
    }
    // Below two rows of several columns, a line that sets columns of its
    // own beyond the table's width is running text (a justified line of
    // prose, its word spaces wide), not a row: a row may reach one column
    // that was empty so far, not found several.
    if opened >= 2 && g.multi >= 2 {
        return false;
    }
    gaps.sort_by(|p, q| p.0.total_cmp(&q.0));
    g.gaps = gaps;
    true
}

/// The line's runs as x spans, cut where a gap's edge falls at a word
/// space (see [`add_line`]), with the x positions of the cuts; in a `lone`
/// line (a label's, maybe), only where values follow the space.
fn cut_runs(
    line: &TextLine,
    boxes: &[WordBox],
    gaps: &[(f32, f32)],
    tol: f32,
    lone: bool,
) -> (Vec<(f32, f32)>, Vec<f32>) {
    let mut spans = Vec::with_capacity(line.runs.len());
    let mut cuts = Vec::new();
    for r in &line.runs {
        let crossed: Vec<(f32, f32)> = gaps
            .iter()
            .copied()
            .filter(|&(lo, hi)| r.x0 < lo && r.x1 > hi)
            .collect();
        let words: Vec<&WordBox> = line
            .words
            .get(r.first..r.end)
            .unwrap_or(&[])
            .iter()
            .filter_map(|&i| boxes.get(i))
            .collect();
        let mut start = r.x0;
        if !crossed.is_empty() {
            for (k, w) in words.windows(2).enumerate() {
                let (a, b) = (w[0].x1, w[1].x0);
                let at_edge = crossed.iter().any(|&(lo, hi)| {
                    a < hi && b > lo && ((b - hi).abs() <= tol || (a - lo).abs() <= tol)
                });
                let values_follow = || reads_as_values(words[k + 1..].iter().copied());
                if at_edge && b > a && (!lone || values_follow()) {
                    spans.push((start, a));
                    cuts.extend([a, b]);
                    start = b;
                }
            }
        }
        spans.push((start, r.x1));
    }
    (spans, cuts)
}

/// How many columns (between the gaps) the line touches: by its runs, or
/// by its words when the separators are given.
fn columns_used(line: &TextLine, boxes: &[WordBox], gaps: &[(f32, f32)], by_words: bool) -> usize {
    let spans: Vec<(f32, f32)> = if by_words {
        line.words
            .iter()
            .filter_map(|&i| boxes.get(i))
            .map(|b| (b.x0, b.x1))
            .collect()
    } else {
        line.runs.iter().map(|r| (r.x0, r.x1)).collect()
    };
    let mut used: Vec<usize> = spans
        .iter()
        .flat_map(|&(x0, x1)| {
            // Columns lie between the gaps: a run that starts or ends in a
            // gap does not reach the column beyond it.
            let a = gaps.partition_point(|g| g.0 < x0);
            let b = gaps.partition_point(|g| g.1 < x1);
            a..=b
        })
        .collect();
    used.sort_unstable();
    used.dedup();
    used.len()
}

/// Whether a word of the line lies across a given separator (beyond a
/// small tolerance).
fn straddles(line: &TextLine, boxes: &[WordBox], gaps: &[(f32, f32)], s: &Settings) -> bool {
    let t = 0.5 * s.min_gap_keep * line.size;
    line.words
        .iter()
        .filter_map(|&i| boxes.get(i))
        .any(|b| gaps.iter().any(|&(x, _)| b.x0 < x - t && b.x1 > x + t))
}

#[path = "region_header.rs"]
mod header;
#[path = "region_wide_label.rs"]
mod wide_label;

#[cfg(test)]
#[path = "region_tests.rs"]
mod tests;

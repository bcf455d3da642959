//! Tables from the alignment of words: columns from the whitespace of a
//! region ([`crate::region`]), rows from the lines ([`crate::rows`]).
//!
//! Each run of words of a line goes to the column it lies in. A run that
//! crosses a column gap (a header label over two columns) is first cut at
//! its word spaces that fall in the gap and are wider than a word space
//! (`min_cut_space`) or meet the gap's edge; what still crosses becomes a
//! label spanning the columns it covers (each by at least
//! `span_min_share` of its width), or, with separators given by the
//! caller, is cut word by word. A cell's box runs from the middle of the
//! gap on its left to the middle of the gap on its right, and between the
//! middles of the whitespace above and below its row.
//!
//! Two columns of prose side by side also align; a region is dropped when
//! every column reads as prose (most lines filling the column, several
//! words each) and no row holds more than one line. So is a list: a column
//! of markers (`-`, `a)`, `1.`) beside one of running text.

use crate::draft::{Draft, DraftCell};
use crate::geom::{overlap, WordBox};
use crate::item_marks::item_number_gap;
use crate::lines::{cut_between_amounts, text_lines, TextLine};
use crate::piece::{Piece, RowLine};
use crate::prose_or_list::{reads_as_list, reads_as_prose};
use crate::region::{regions, Region};
use crate::rows::rows;
use crate::rulings::{rule_across, Seg};
use crate::settings::Settings;
use atti_page::{Page, TableMode};

/// The stream tables among the words `ids` (indices into `boxes`), with
/// the words each took. `rules` are horizontal rulings that are no part of
/// a grid (sorted by position): they end rows.
pub(crate) fn read(
    page: &Page,
    boxes: &[WordBox],
    ids: &[usize],
    rules: &[Seg],
    s: &Settings,
) -> Vec<(Draft, Vec<usize>)> {
    let mut lines = text_lines(boxes, ids, s.line_tolerance, s.column_gap);
    if s.columns.is_none() {
        cut_between_amounts(&mut lines, boxes, page, s.edge_tolerance);
        crate::aligned_starts::cut_at_aligned_starts(&mut lines, boxes, s);
    }
    let separators = s.columns.as_ref().map(|v| {
        let mut v: Vec<f32> = v
            .iter()
            .copied()
            .filter(|x| crate::geom::sane(*x))
            .collect();
        v.sort_by(f32::total_cmp);
        v.dedup();
        v
    });
    let mut found = regions(&lines, boxes, separators.as_deref(), rules, s);
    if separators.is_none() {
        found = crate::sections::join(&lines, boxes, found, s);
    }
    found
        .into_iter()
        .filter_map(|r| {
            build(
                page,
                boxes,
                &lines,
                &r,
                separators.is_some(),
                rules,
                s,
                false,
            )
        })
        .collect()
}

/// The table of one region, if it is one; `headed`: the rows under a ruled
/// header ([`crate::headed`]), which make a table however few.
#[allow(clippy::too_many_arguments)]
pub(crate) fn build(
    page: &Page,
    boxes: &[WordBox],
    all: &[TextLine],
    region: &Region,
    explicit: bool,
    rules: &[Seg],
    s: &Settings,
    headed: bool,
) -> Option<(Draft, Vec<usize>)> {
    let lines = all.get(region.start..region.end)?;
    let mut gaps = region.gaps.clone();
    let extent = (
        lines
            .iter()
            .filter_map(|l| l.runs.first())
            .map(|r| r.x0)
            .fold(f32::INFINITY, f32::min),
        lines
            .iter()
            .filter_map(|l| l.runs.last())
            .map(|r| r.x1)
            .fold(f32::NEG_INFINITY, f32::max),
    );
    let size = crate::geom::median(lines.iter().map(|l| l.size).collect()).max(1.0);
    let place_all = |gaps: &[(f32, f32)]| {
        let mut pieces: Vec<Piece> = Vec::new();
        for (li, line) in lines.iter().enumerate() {
            let from_left = matches!(line.runs.as_slice(), [r] if r.x0 <= extent.0 + 0.5 * size);
            // A line of one run from the table's left edge that runs
            // under the labels of two columns of a header line above it
            // is no label's wrapped line (that stays under its own
            // label): a section's label opening the body.
            let header = li + region.start < region.body
                && !(from_left && under_labels(&pieces, li, line) >= 2);
            // A body line of one run from the table's left edge: maybe a
            // section's label over the row ([`place`]).
            let lone = !header && from_left;
            for run in &line.runs {
                let words = line.words.get(run.first..run.end).unwrap_or(&[]);
                place(
                    &mut pieces,
                    li,
                    (header, lone),
                    words,
                    boxes,
                    gaps,
                    explicit,
                    extent,
                    page,
                    s,
                );
            }
        }
        if !explicit {
            centre_group_labels(
                &mut pieces,
                gaps,
                region.body.saturating_sub(region.start),
                s.centred_share,
            );
        }
        merge_pieces(&mut pieces);
        pieces
    };
    let mut pieces = place_all(&gaps);
    // Item numbers set apart from their text share its column.
    let header_lines = region.body.saturating_sub(region.start);
    if !explicit {
        while let Some(g) = item_number_gap(&pieces, &gaps, header_lines, boxes, page) {
            gaps.remove(g);
            pieces = place_all(&gaps);
        }
    }
    if !explicit {
        crate::group_label::place_labels(&mut pieces, lines, header_lines, s);
    }
    let gaps = &gaps;
    let ncols = gaps.len() + 1;
    if pieces.is_empty() {
        return None;
    }
    let x0 = pieces.iter().map(|p| p.x0).fold(f32::INFINITY, f32::min);
    let x1 = pieces
        .iter()
        .map(|p| p.x1)
        .fold(f32::NEG_INFINITY, f32::max);

    let n = lines.len();
    let spans: Vec<bool> = (0..n)
        .map(|li| pieces.iter().any(|p| p.line == li && p.c1 > p.c0))
        .collect();
    let forced: Vec<bool> = (0..n.saturating_sub(1))
        .map(|k| spans[k] || spans[k + 1])
        .collect();
    let ruled: Vec<bool> = (0..n.saturating_sub(1))
        .map(|k| rule_across(rules, &lines[k], &lines[k + 1], (x0, x1), 0.5))
        .collect();
    let rl: Vec<RowLine> = lines.iter().map(RowLine::from).collect();
    let row_ranges = rows(&rl, &pieces, ncols, &forced, &ruled, s);
    let min_rows = if headed { 1 } else { s.min_rows.max(1) };
    if row_ranges.len() < min_rows
        || ncols < s.min_cols.max(1)
        || row_ranges.len().saturating_mul(ncols) > s.max_cells
    {
        return None;
    }
    if !headed
        && (reads_as_prose(&pieces, ncols, row_ranges.len(), n) || reads_as_list(&pieces, ncols))
    {
        return None;
    }

    // Edges of the grid.
    let mut xs: Vec<f32> = Vec::with_capacity(ncols + 1);
    xs.push(x0);
    for g in gaps {
        xs.push((g.0 + g.1) / 2.0);
    }
    xs.push(x1);
    for k in 1..xs.len() {
        xs[k] = xs[k].max(xs[k - 1]);
    }
    let mut ys: Vec<f32> = Vec::with_capacity(row_ranges.len() + 1);
    let top = |r: (usize, usize)| {
        lines[r.0..r.1]
            .iter()
            .map(|l| l.top)
            .fold(f32::INFINITY, f32::min)
    };
    let bottom = |r: (usize, usize)| {
        lines[r.0..r.1]
            .iter()
            .map(|l| l.bottom)
            .fold(f32::NEG_INFINITY, f32::max)
    };
    ys.push(top(row_ranges[0]));
    for w in row_ranges.windows(2) {
        ys.push((bottom(w[0]) + top(w[1])) / 2.0);
    }
    ys.push(bottom(row_ranges[row_ranges.len() - 1]));
    for k in 1..ys.len() {
        ys[k] = ys[k].max(ys[k - 1]);
    }

    // Cells, row by row.
    let mut cells: Vec<DraftCell> = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    let mut aligned_rows = 0;
    for (r, &(a, e)) in row_ranges.iter().enumerate() {
        let in_row: Vec<&Piece> = pieces
            .iter()
            .filter(|p| p.line >= a && p.line < e)
            .collect();
        // Which piece covers each column: spanning labels first, where free.
        let mut span_of: Vec<Option<usize>> = vec![None; ncols];
        let mut col_words: Vec<Vec<usize>> = vec![Vec::new(); ncols];
        let mut spanning: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        for p in &in_row {
            let c = col_of(gaps, (p.x0 + p.x1) / 2.0).min(ncols - 1);
            if p.c1 > p.c0 && p.c1 < ncols {
                // The label spans the free columns of its range around its
                // centre: a cell of the row in its range narrows it.
                let free = |k: usize| {
                    span_of[k].is_none() && !in_row.iter().any(|q| q.c0 == q.c1 && q.c0 == k)
                };
                let (mut lo, mut hi) = (c.clamp(p.c0, p.c1), c.clamp(p.c0, p.c1));
                if free(lo) {
                    while lo > p.c0 && free(lo - 1) {
                        lo -= 1;
                    }
                    while hi < p.c1 && free(hi + 1) {
                        hi += 1;
                    }
                }
                if hi > lo && free(lo) {
                    for slot in span_of.iter_mut().take(hi + 1).skip(lo) {
                        *slot = Some(spanning.len());
                    }
                    spanning.push((lo, hi, p.words.clone()));
                    continue;
                }
            }
            col_words[c].extend(p.words.iter().copied());
        }
        let mut filled = 0;
        let mut c = 0;
        while c < ncols {
            let (c1, words) = match span_of[c] {
                Some(k) => (spanning[k].1, spanning[k].2.clone()),
                None => (c, std::mem::take(&mut col_words[c])),
            };
            if !words.is_empty() {
                filled += 1;
            }
            used.extend(words.iter().copied());
            cells.push(DraftCell {
                row: r as u32,
                col: c as u32,
                row_span: 1,
                col_span: (c1 - c + 1) as u32,
                bbox: [xs[c], ys[r], xs[c1 + 1], ys[r + 1]],
                words: words
                    .iter()
                    .filter_map(|&i| boxes.get(i).copied())
                    .collect(),
            });
            c = c1 + 1;
        }
        if filled >= 2 {
            aligned_rows += 1;
        }
    }
    if aligned_rows < 2 && !headed {
        return None;
    }
    let rows_n = row_ranges.len();
    Some((
        Draft {
            mode: TableMode::Stream,
            bbox: [xs[0], ys[0], xs[ncols], ys[rows_n]],
            rows: rows_n as u32,
            cols: ncols as u32,
            cells,
            split_words: 0,
        },
        used,
    ))
}

/// How many columns' pieces on lines above `li` the one run of `line`
/// lies under.
fn under_labels(pieces: &[Piece], li: usize, line: &TextLine) -> usize {
    let (Some(first), Some(last)) = (line.runs.first(), line.runs.last()) else {
        return 0;
    };
    let mut cols: Vec<usize> = pieces
        .iter()
        .filter(|p| p.line < li && p.c0 == p.c1 && overlap(p.x0, p.x1, first.x0, last.x1) > 0.0)
        .map(|p| p.c0)
        .collect();
    cols.sort_unstable();
    cols.dedup();
    cols.len()
}

/// Header labels (on the first `header_lines` lines) set over two columns
/// ([`crate::group_label`]) span them.
fn centre_group_labels(pieces: &mut [Piece], gaps: &[(f32, f32)], header_lines: usize, share: f32) {
    let texts: Vec<(f32, f32)> = pieces
        .iter()
        .filter(|p| p.c0 == p.c1)
        .map(|p| (p.x0, p.x1))
        .collect();
    for p in pieces.iter_mut() {
        if p.line >= header_lines || p.c0 != p.c1 {
            continue;
        }
        let pair = crate::group_label::over_pair((p.x0, p.x1), texts.iter().copied(), gaps, share);
        if let Some(k) = pair.filter(|&k| p.c0 == k || p.c0 == k + 1) {
            p.c0 = k;
            p.c1 = k + 1;
        }
    }
}

/// The column holding position `x`: columns are divided at the middles of
/// the gaps.
fn col_of(gaps: &[(f32, f32)], x: f32) -> usize {
    gaps.partition_point(|g| (g.0 + g.1) / 2.0 <= x)
}

/// The pieces of one run of words (indices into `boxes`, left to right)
/// of line `li`; `kind`: the line is in the header, the line is one run
/// from the table's left edge. Such a run, in the body, is cut in a column
/// gap only at a space wider than a word space or before values that do
/// not wrap (numbers, codes): a section's label runs across the columns
/// with its own word spaces, which the gaps may meet.
#[allow(clippy::too_many_arguments)]
fn place(
    out: &mut Vec<Piece>,
    li: usize,
    (header, lone): (bool, bool),
    words: &[usize],
    boxes: &[WordBox],
    gaps: &[(f32, f32)],
    explicit: bool,
    extent: (f32, f32),
    page: &Page,
    s: &Settings,
) {
    let ws: Vec<(usize, &WordBox)> = words
        .iter()
        .filter_map(|&i| Some((i, boxes.get(i)?)))
        .collect();
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return;
    };
    let crosses = |x0: f32, x1: f32| gaps.iter().any(|g| x0 < g.0 && x1 > g.1);
    let whole = crosses(first.1.x0, last.1.x1);
    // Cut at word spaces that fall in a crossed gap and are wider than a
    // word space, or meet the gap's edge (the region cut there): two
    // cells' texts run together. A label's own spaces are left alone.
    let wide = s.min_cut_space * first.1.size;
    let tol = s.edge_tolerance;
    let mut parts: Vec<Vec<(usize, &WordBox)>> = vec![Vec::new()];
    for (k, &w) in ws.iter().enumerate() {
        if k > 0 && whole {
            let (a, b) = (ws[k - 1].1.x1, w.1.x0);
            let part = parts.last().map_or(&[][..], |p| p.as_slice());
            let cut = gaps.iter().enumerate().any(|(gi, g)| {
                let inside = if g.1 > g.0 {
                    overlap(a, b, g.0, g.1) > 0.0
                } else {
                    a <= g.0 && b >= g.0
                };
                // What follows the space reads as values (numbers, codes).
                let value = || {
                    !crate::piece::may_wrap(
                        ws[k..]
                            .iter()
                            .filter_map(|x| page.words.get(x.1.idx))
                            .map(|x| x.text.as_str()),
                    )
                };
                inside
                    && (explicit
                        || b - a >= wide
                        || (!lone || value()) && ((b - g.1).abs() <= tol || (a - g.0).abs() <= tol)
                        || header && labels_flush(part, &ws[k..], gi, gaps, extent, tol))
            });
            if cut {
                parts.push(Vec::new());
            }
        }
        if let Some(p) = parts.last_mut() {
            p.push(w);
        }
    }
    for part in parts {
        let px0 = part.iter().map(|w| w.1.x0).fold(f32::INFINITY, f32::min);
        let px1 = part
            .iter()
            .map(|w| w.1.x1)
            .fold(f32::NEG_INFINITY, f32::max);
        // A header label that reaches into the gaps on both sides of a
        // column (wider than the column's text) may be set over a block
        // of columns around it, as one that crosses a gap is.
        let into = gaps
            .iter()
            .filter(|g| overlap(px0, px1, g.0, g.1) > 0.0)
            .count();
        let (c0, c1) = if !crosses(px0, px1) && !(header && !explicit && into >= 2) {
            let c = col_of(gaps, (px0 + px1) / 2.0);
            (c, c)
        } else if lone && !explicit && px0 <= extent.0 + tol {
            // A label from the table's left edge spans the columns it
            // runs over, from the first.
            (0, col_of(gaps, px1))
        } else if explicit {
            // Given separators cut between words, never through them.
            for &w in &part {
                let c = col_of(gaps, w.1.cx());
                out.push(piece(li, c, c, &[w], page, s));
            }
            continue;
        } else {
            spanned(gaps, px0, px1, (s.span_min_share, s.centred_share), extent)
        };
        out.push(piece(li, c0, c1, &part, page, s));
    }
}

/// Whether a header run parted at a word space in gap `gi` reads as two
/// labels, each set as its column's text is: the words before the space
/// begin at the left edge of the text of the column on the gap's left,
/// and a word after it ends at the right edge of the text of the column
/// on its right (a label right-aligned over amounts, wider than they
/// are, a word space from the label before it); words, not figures. A label centred over
/// both columns meets neither edge but by chance.
fn labels_flush(
    before: &[(usize, &WordBox)],
    after: &[(usize, &WordBox)],
    gi: usize,
    gaps: &[(f32, f32)],
    extent: (f32, f32),
    tol: f32,
) -> bool {
    let text_lo = if gi == 0 { extent.0 } else { gaps[gi - 1].1 };
    let text_hi = gaps.get(gi + 1).map_or(extent.1, |n| n.0);
    // Labels are words: a figure says the line is a row of values.
    let word = |w: &(usize, &WordBox)| w.1.letters && !w.1.digits;
    let starts = before
        .first()
        .is_some_and(|w| (w.1.x0 - text_lo).abs() <= tol);
    let Some(end) = after.iter().position(|w| (w.1.x1 - text_hi).abs() <= tol) else {
        return false;
    };
    starts && before.iter().all(word) && after[..=end].iter().all(word)
}

/// The columns a label from `x0` to `x1` spans (the column of its centre
/// when fewer than two): those whose cells (from gap middle to gap middle)
/// it covers by at least `share` of its width, widened on both sides as
/// long as it stays centred over the columns' text (`extent` is the
/// table's), as a label over a block of columns is.
fn spanned(
    gaps: &[(f32, f32)],
    x0: f32,
    x1: f32,
    (share, centred): (f32, f32),
    extent: (f32, f32),
) -> (usize, usize) {
    let w = (x1 - x0).max(f32::EPSILON);
    let ncols = gaps.len() + 1;
    let mid = |k: usize| (gaps[k].0 + gaps[k].1) / 2.0;
    let covered: Vec<usize> = (0..ncols)
        .filter(|&c| {
            let lo = if c == 0 {
                f32::NEG_INFINITY
            } else {
                mid(c - 1)
            };
            let hi = if c + 1 == ncols {
                f32::INFINITY
            } else {
                mid(c)
            };
            overlap(x0, x1, lo, hi) >= share * w
        })
        .collect();
    let (Some(&a), Some(&b)) = (covered.first(), covered.last()) else {
        let c = col_of(gaps, (x0 + x1) / 2.0);
        return (c, c);
    };
    // The text of columns a..=b runs from the end of the gap before a to
    // the start of the gap after b.
    let text_lo = |a: usize| if a == 0 { extent.0 } else { gaps[a - 1].1 };
    let text_hi = |b: usize| if b + 1 == ncols { extent.1 } else { gaps[b].0 };
    // One column, unless the label overhangs its text on both sides.
    if b == a && !(x0 < text_lo(a) && x1 > text_hi(a)) {
        return (a, a);
    }
    let centre = (x0 + x1) / 2.0;
    let (mut a, mut b) = (a, b);
    while a > 0 && b + 1 < ncols {
        let (lo, hi) = (text_lo(a - 1), text_hi(b + 1));
        if (centre - (lo + hi) / 2.0).abs() > centred * (hi - lo) {
            break;
        }
        a -= 1;
        b += 1;
    }
    (a, b)
}

/// A piece from words given as (box index, box).
fn piece(
    li: usize,
    c0: usize,
    c1: usize,
    ws: &[(usize, &WordBox)],
    page: &Page,
    s: &Settings,
) -> Piece {
    let last_text = ws
        .last()
        .and_then(|w| page.words.get(w.1.idx))
        .map(|w| w.text.trim_end());
    Piece {
        line: li,
        c0,
        c1,
        x0: ws.iter().map(|w| w.1.x0).fold(f32::INFINITY, f32::min),
        x1: ws.iter().map(|w| w.1.x1).fold(f32::NEG_INFINITY, f32::max),
        first_word: ws.first().map_or(0.0, |w| w.1.width()),
        capital: ws
            .first()
            .and_then(|w| page.words.get(w.1.idx))
            .is_some_and(|w| crate::piece::opens_item(&w.text)),
        size: ws.iter().map(|w| w.1.size).fold(0.0, f32::max),
        hyphen: last_text.is_some_and(|t| {
            crate::piece::ends_open(t) || crate::piece::ends_on_open_word(t, &s.open_words)
        }),
        alpha: crate::piece::may_wrap(
            ws.iter()
                .filter_map(|w| page.words.get(w.1.idx))
                .map(|w| w.text.as_str()),
        ),
        digits: ws
            .iter()
            .filter_map(|w| page.words.get(w.1.idx))
            .any(|w| w.text.chars().any(|c| c.is_ascii_digit())),
        words: ws.iter().map(|w| w.0).collect(),
    }
}

/// One piece per line and column range.
fn merge_pieces(pieces: &mut Vec<Piece>) {
    pieces.sort_by(|a, b| {
        (a.line, a.c0, a.c1)
            .cmp(&(b.line, b.c0, b.c1))
            .then(a.x0.total_cmp(&b.x0))
    });
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for p in pieces.drain(..) {
        match out.last_mut() {
            Some(q) if q.line == p.line && q.c0 == p.c0 && q.c1 == p.c1 => {
                q.x1 = q.x1.max(p.x1);
                q.hyphen = p.hyphen;
                q.digits |= p.digits;
                q.words.extend(p.words);
            }
            _ => out.push(p),
        }
    }
    *pieces = out;
}

#[cfg(test)]
#[path = "stream_tests/mod.rs"]
mod tests;

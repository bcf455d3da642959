//! The header of a region ([`super::regions`]): the lines above its body
//! that sit close above it, within its width, and do not run across every
//! gap; a group label over some columns and the second line of a wrapped
//! header belong to it, a title set larger above or a paragraph's last
//! line do not.

use super::{Growth, FULL_WIDTH};
use crate::geom::overlap;
use crate::lines::TextLine;
use crate::rulings::{rule_across, Seg};
use crate::settings::Settings;
/// The first line of the region's header: lines above the body (down to
/// `floor`) that sit close above, within the region's width, and do not
/// run across every gap, at most `header_max_lines` of them.
pub(super) fn header_start(
    lines: &[TextLine],
    floor: usize,
    body: usize,
    g: &Growth,
    rules: &[Seg],
    s: &Settings,
) -> usize {
    let mut start = body;
    let mut crossed = 0;
    while start > floor && body - start < s.header_max_lines {
        let (line, below) = (&lines[start - 1], &lines[start]);
        // A rule across the table may part its header from its body; a
        // second one above is the table's top.
        if rule_across(rules, line, below, (g.x0, g.x1), FULL_WIDTH) {
            crossed += 1;
            if crossed > 1 {
                break;
            }
        }
        // A wrapped label's pitch is in the smaller font: a title set
        // larger above the header is no part of it.
        // A label across some columns, set in the whitespace between
        // them, or reaching from one gap into the next (centred over a
        // column and wider than its text), or reaching into one gap and
        // centred over the two columns on its sides, is a group header,
        // set as a header line of several runs would be.
        let group = line.runs.iter().any(|r| {
            let below = lines[start..g.end]
                .iter()
                .flat_map(|l| l.runs.iter().map(|q| (q.x0, q.x1)));
            crate::group_label::over_pair((r.x0, r.x1), below, &g.gaps, s.centred_share).is_some()
        }) || line.runs.iter().any(|r| {
            let into = g
                .gaps
                .iter()
                .filter(|&&(lo, hi)| overlap(r.x0, r.x1, lo, hi) > 0.0)
                .count();
            into >= 2
                || g.gaps
                    .iter()
                    .any(|&(lo, hi)| (r.x0 < lo && r.x1 > hi) || (r.x0 >= lo && r.x1 <= hi))
        });
        let (size, limit) = if line.runs.len() == 1 && !group {
            // The second line of a header set over two (a label wrapped
            // under a line of several labels, within a wrapped label's
            // pitch of it and under one of them) stands as far above the
            // body as the header does.
            let tied = start >= floor + 2 && {
                let above = &lines[start - 2];
                let r = &line.runs[0];
                above.runs.len() >= 2
                    && line.base - above.base <= s.header_line_pitch * line.size.min(above.size)
                    && above
                        .runs
                        .iter()
                        .any(|a| overlap(a.x0, a.x1, r.x0, r.x1) > 0.0)
                    && fits_header(above, g, s)
            };
            let limit = if tied {
                s.header_gap
            } else {
                s.header_line_pitch
            };
            (line.size.min(below.size), limit)
        } else {
            (line.size.max(below.size), s.header_gap)
        };
        if below.base - line.base > limit * size {
            break;
        }
        if !fits_header(line, g, s) {
            break;
        }
        // The last short line of a paragraph above the table.
        if line.runs.len() == 1 && start - 1 > floor {
            let above = &lines[start - 2];
            let close = line.base - above.base <= s.header_gap * line.size.max(above.size);
            if close && !fits_header(above, g, s) && ends_paragraph(above, line, s) {
                break;
            }
        }
        start -= 1;
    }
    start
}

/// Whether `line`, of one run, may be the last line of the paragraph whose
/// line above is `above`: set in its size and starting where it starts
/// (a paragraph's last line is not indented) or centred where it is
/// centred. A label set in another size, or far into the width the
/// paragraph fills (over a table's right-hand column), is none of it.
fn ends_paragraph(above: &TextLine, line: &TextLine, s: &Settings) -> bool {
    let (Some(a0), Some(a1), Some(r)) = (above.runs.first(), above.runs.last(), line.runs.first())
    else {
        return false;
    };
    let size = line.size.max(above.size);
    if (line.size - above.size).abs() > s.size_tolerance * size {
        return false;
    }
    let slack = 2.0 * s.column_gap * size;
    let left = (r.x0 - a0.x0).abs() <= slack;
    let centred = ((r.x0 + r.x1) - (a0.x0 + a1.x1)).abs() / 2.0 <= slack;
    left || centred
}

/// A line that may belong to the header of a region.
pub(super) fn fits_header(line: &TextLine, g: &Growth, s: &Settings) -> bool {
    let slack = s.column_gap * line.size;
    let (Some(f), Some(l)) = (line.runs.first(), line.runs.last()) else {
        return false;
    };
    // A label over the first or last column (clear of the text of the
    // column next to it) may be wider than the column's values and reach
    // out beyond them by up to half its width (set centred or flush over
    // them).
    let (lo, hi) = match (g.gaps.first(), g.gaps.last()) {
        (Some(a), Some(b)) => (a.1, b.0),
        _ => (g.x0, g.x1),
    };
    let reach = |r: &crate::lines::Run, inside: bool| {
        if inside {
            slack.max((r.x1 - r.x0) / 2.0)
        } else {
            slack
        }
    };
    if f.x0 < g.x0 - reach(f, f.x1 < lo) || l.x1 > g.x1 + reach(l, l.x0 > hi) {
        return false;
    }
    let crosses_all =
        |x0: f32, x1: f32| !g.gaps.is_empty() && g.gaps.iter().all(|&(lo, hi)| x0 < lo && x1 > hi);
    !line.runs.iter().any(|r| crosses_all(r.x0, r.x1))
}

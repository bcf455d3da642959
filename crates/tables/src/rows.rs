//! Rows of a table without ruled rows: which text lines belong together.
//!
//! A row is one text line or several: a cell's text may wrap, and the
//! other cells of the row may sit at its top or be centred beside it, on
//! baselines of their own. Between two consecutive lines the reader decides
//! whether a row ends, by these rules in order:
//!
//! 1. a ruling between them, or a header label spanning columns on one of
//!    them, ends the row;
//! 2. lines whose boxes overlap (a cell centred between two lines of its
//!    neighbour) are one row;
//! 3. a line that sets words again in every column the row has used so
//!    far (at least two) begins a new row, unless every column the two
//!    lines share wraps from one to the other and one of them is a line of
//!    several words filling a column of flowing text (a label and a
//!    paragraph beside it, both wrapping; with three columns or more,
//!    only while that reading leaves at least two rows of several columns:
//!    keys and values side by side, one line each, are rows);
//! 4. a line that sets values that do not wrap (numbers, codes) under
//!    such values of the line before, in two columns or more, begins a
//!    new row; so does a line that sets a value in a column the line
//!    before left empty while that line set one in a column this one
//!    leaves empty (a row's cells all sit at its top, centred or at its
//!    bottom, never some on one line and some on the next);
//! 5. otherwise the row goes on only if some column's text wraps across:
//!    two of its lines close enough (within the table's tightest line pitch
//!    and `wrap_pitch_slack`) where the first line and the next one's first
//!    word would not have fitted in the column's width together (or the
//!    first ends with a broken word), one of them being text that may wrap
//!    ([`may_wrap`]: numbers and codes do not wrap into numbers and codes).
//!
//! Last, a row that holds two texts of one column further apart than any
//! wrapped cell's lines is split between them (a date column with one date
//! per row anchors the rows): where the split falls follows how the column
//! sits in its row: at the top (the next row begins on the line of its
//! next text) or centred (the row ends as far below the column's text as
//! it begins above it, whatever the height of the next row; so does a
//! one-line text in a table that centres its cells, where a value sits
//! between two lines of a cell wrapped beside it), never between
//! overlapping lines when there is another place.
//!
//! When ruled lines separate most rows of the body (the rule under the
//! header left out), the rules alone make the rows.
//!
//! What the rows are made of is in [`crate::piece`]; the header band above
//! the body in [`crate::header_band`]; section labels in
//! [`crate::label_rows`].

use crate::geom::overlap;
use crate::header_band::header_band;
use crate::label_rows::label_lines;
use crate::piece::{common_pitch, Piece, RowLine};
use crate::settings::Settings;

/// The rows of `lines` (sorted top to bottom) as ranges of lines.
/// `forced[k]` ends a row after line `k` (a spanning label); `ruled[k]`
/// says a ruling passes between lines `k` and `k + 1`.
pub(crate) fn rows(
    lines: &[RowLine],
    pieces: &[Piece],
    ncols: usize,
    forced: &[bool],
    ruled: &[bool],
    s: &Settings,
) -> Vec<(usize, usize)> {
    let n = lines.len();
    if n == 0 {
        return Vec::new();
    }
    let mut cols_of: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut by_col: Vec<Vec<usize>> = vec![Vec::new(); ncols];
    for (k, p) in pieces.iter().enumerate() {
        if let Some(cs) = cols_of.get_mut(p.line) {
            cs.extend(p.c0..=p.c1.min(ncols.saturating_sub(1)));
        }
        if p.c0 == p.c1 {
            if let Some(list) = by_col.get_mut(p.c0) {
                list.push(k);
            }
        }
    }
    for cs in &mut cols_of {
        cs.sort_unstable();
        cs.dedup();
    }
    for list in &mut by_col {
        list.sort_by_key(|&k| pieces[k].line);
    }
    let size = crate::geom::median(lines.iter().map(|l| l.size).collect()).max(1.0);
    // The tightest pitch between two lines of one column that may be one
    // cell's (no line between them sets words again in every column of
    // the line before): a wrapped cell's pitch. Rows that never wrap tell
    // nothing of it.
    let mut steps = vec![0usize; n];
    for k in 0..n.saturating_sub(1) {
        let step = cols_of[k].len() >= 2
            && cols_of[k]
                .iter()
                .all(|c| cols_of[k + 1].binary_search(c).is_ok());
        steps[k + 1] = steps[k] + usize::from(step);
    }
    let mut lambda = f32::INFINITY;
    for list in &by_col {
        for w in list.windows(2) {
            let (i, j) = (pieces[w[0]].line, pieces[w[1]].line);
            let d = lines[j].base - lines[i].base;
            if d >= 0.8 * size && d <= s.max_wrap_pitch * size && j > i && steps[j] == steps[i] {
                lambda = lambda.min(d);
            }
        }
    }
    if !lambda.is_finite() {
        lambda = 1.2 * size;
    }
    let pitch_max = lambda * (1.0 + s.wrap_pitch_slack);
    let near = |p: &Piece, q: &Piece| lines[q.line].base - lines[p.line].base <= pitch_max;
    // A line alone in its column, at the rows' pitch below the line above
    // rather than a cell's tighter leading ([`Piece::wraps_into`]).
    let pitch = common_pitch(lines);
    let loose = |p: &Piece, q: &Piece| {
        cols_of[q.line].len() == 1
            && lines[q.line].base - lines[p.line].base >= s.tight_pitch * pitch
    };
    let label = label_lines(lines, pieces, &cols_of, size, &near, &loose, s);
    // A column's width, label rows left out (a label may be wider than
    // the column under it).
    let colw: Vec<f32> = by_col
        .iter()
        .map(|list| {
            list.iter()
                .filter(|&&k| !label[pieces[k].line])
                .map(|&k| pieces[k].x1 - pieces[k].x0)
                .fold(0.0, f32::max)
        })
        .collect();
    // Two values without letters (numbers, signs) are two values: such
    // text does not wrap.
    let wraps_loose =
        |p: &Piece, q: &Piece, c: usize| p.may_wrap_into(q, colw[c], size, s.wrap_slack);
    // Below the header, a line that opens an item after a line that had
    // room for its first word is a new row's text ([`Piece::wraps_into`]);
    // under a column's widest line, a line alone at the rows' pitch.
    let wraps = |p: &Piece, q: &Piece, c: usize| p.wraps_into(q, colw[c], size, loose(p, q), s);

    // Each line's pieces by column (spanning labels left out).
    let mut on_line: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (c, list) in by_col.iter().enumerate() {
        for &k in list {
            on_line[pieces[k].line].push((c, k));
        }
    }
    // Every column the two lines share wraps from one to the next, and one
    // of them is a line of text filling its column: the lines go on one
    // row's text, however many columns they share.
    // Columns of flowing text: several lines of several words that fill
    // the column (a paragraph, not a list of values whose widest sets the
    // width).
    let flowing: Vec<bool> = by_col
        .iter()
        .enumerate()
        .map(|(c, list)| {
            list.iter()
                .filter(|&&k| {
                    let p = &pieces[k];
                    p.words.len() >= 3 && p.x1 - p.x0 >= (1.0 - s.wrap_slack) * colw[c]
                })
                .count()
                >= 2
        })
        .collect();
    let prose_goes_on = |k: usize| {
        let mut shared = 0;
        let mut prose = false;
        for &(c, i) in &on_line[k] {
            let Some(&(_, j)) = on_line[k + 1].iter().find(|e| e.0 == c) else {
                continue;
            };
            let (p, q) = (&pieces[i], &pieces[j]);
            if !(near(p, q) && wraps(p, q, c)) {
                return false;
            }
            shared += 1;
            prose |=
                flowing[c] && p.words.len() >= 3 && p.x1 - p.x0 >= (1.0 - s.wrap_slack) * colw[c];
        }
        shared > 0 && prose
    };

    // Columns where line k and the next both set a value that does not
    // wrap (a number, a code) and does not end open: two values, so two
    // rows, whatever the other columns do (a totals row under an empty
    // code, a row whose short text would not have fitted beside the one
    // above). In one column only it is not enough: a header label over
    // a column of figures would read as the text wrapped above the first.
    let values_again = |k: usize| {
        on_line[k]
            .iter()
            .filter(|&&(c, i)| {
                !pieces[i].alpha
                    && !pieces[i].hyphen
                    && on_line[k + 1]
                        .iter()
                        .any(|&(d, j)| d == c && !pieces[j].alpha)
            })
            .count()
    };

    // Columns where line k and the next both set text: (those where it
    // wraps from one to the other, those where it does not). Two texts
    // that would have fitted side by side in their column are two values
    // set one under the other; when at least two columns say so, and no
    // fewer than say the text wraps, the line begins a row (a row whose
    // key cell is left empty under the row above: a second title of one
    // author, a second line of one account). One wrapping column alone is
    // weak evidence in a narrow column of short texts, whose widest text
    // underestimates the room the producer had.
    let texts_again = |k: usize| {
        let (mut wrap, mut stacked) = (0usize, 0usize);
        for &(c, i) in &on_line[k] {
            let Some(&(_, j)) = on_line[k + 1].iter().find(|e| e.0 == c) else {
                continue;
            };
            let (p, q) = (&pieces[i], &pieces[j]);
            if !(p.alpha || q.alpha) {
                continue;
            }
            if near(p, q) && wraps(p, q, c) {
                wrap += 1;
            } else {
                stacked += 1;
            }
        }
        stacked >= 2 && stacked >= wrap
    };

    // Boundaries crossed by a wrapping cell (a difference array over lines).
    let mut diff = vec![0i64; n + 1];
    for (c, list) in by_col.iter().enumerate() {
        for w in list.windows(2) {
            let (p, q) = (&pieces[w[0]], &pieces[w[1]]);
            if q.line > p.line && near(p, q) && wraps(p, q, c) {
                diff[p.line] += 1;
                diff[q.line] -= 1;
            }
        }
    }
    let mut covered = vec![false; n.saturating_sub(1)];
    let mut acc = 0i64;
    for (k, c) in covered.iter_mut().enumerate() {
        acc += diff[k];
        *c = acc > 0;
    }

    let at = |v: &[bool], k: usize| v.get(k).copied().unwrap_or(false);
    let overlapping: Vec<bool> = (0..n.saturating_sub(1))
        .map(|k| {
            let (a, b) = (&lines[k], &lines[k + 1]);
            overlap(a.top, a.bottom, b.top, b.bottom)
                >= s.overlap_ratio * (a.bottom - a.top).min(b.bottom - b.top)
        })
        .collect();
    let value = |i: usize| !pieces[i].alpha && pieces[i].digits && !pieces[i].hyphen;
    let (head, first_value) = header_band(
        &on_line,
        pieces,
        &by_col,
        &overlapping,
        &label,
        &|p: &Piece, q: &Piece, c: usize| p.alpha && q.alpha && near(p, q) && wraps_loose(p, q, c),
        &value,
        s,
    );
    // Line k sets a value in a column the next line leaves empty, and the
    // next line one in a column line k leaves empty: a row's cells sit
    // all at its top, all centred or all at its bottom, so values of one
    // row on two lines that do not overlap are values of two rows (the
    // text beside them, however wide, does not wrap from one to the
    // other).
    let staggered = |k: usize| {
        let alone = |a: &[(usize, usize)], b: &[(usize, usize)]| {
            a.iter()
                .any(|&(c, i)| value(i) && !b.iter().any(|&(d, _)| d == c))
        };
        alone(&on_line[k], &on_line[k + 1]) && alone(&on_line[k + 1], &on_line[k])
    };
    // The row boundaries; `prose_ok`: rule 3 gives way to text wrapping
    // in every column the lines share, however many they are.
    let bounds = |prose_ok: bool| {
        let mut bound = vec![false; n.saturating_sub(1)];
        let mut row_cols = cols_of[0].clone();
        for k in 0..n.saturating_sub(1) {
            let b_ends = if at(forced, k) || at(ruled, k) || label[k] || label[k + 1] {
                true
            } else if k + 1 < head {
                // Inside the header band: one row of labels.
                false
            } else if k + 1 == head {
                true
            } else if overlapping[k] {
                false
            } else if s.columns.is_none()
                && first_value.is_some_and(|d| k >= d)
                && (on_line[k].iter().any(|&(c, i)| {
                    value(i) && on_line[k + 1].iter().any(|&(d, j)| d == c && value(j))
                }) || staggered(k))
            {
                // A value under a value in one column, below the header: a
                // number does not wrap, so the line begins a row (the row
                // above may leave its other columns empty, or wrap its text);
                // so do values of the two lines in columns the other leaves
                // empty.
                true
            } else if row_cols.len() >= 2
                && row_cols
                    .iter()
                    .all(|c| cols_of[k + 1].binary_search(c).is_ok())
                && !((prose_ok || row_cols.len() < MANY_COLUMNS) && prose_goes_on(k))
            {
                true
            } else if values_again(k) >= 2 || texts_again(k) {
                true
            } else {
                !covered[k]
            };
            bound[k] = b_ends;
            if b_ends {
                row_cols = cols_of[k + 1].clone();
            } else {
                row_cols.extend(cols_of[k + 1].iter().copied());
                row_cols.sort_unstable();
                row_cols.dedup();
            }
        }
        bound
    };
    let mut bound = bounds(true);
    // Lines that set text again in three columns or more, every one of
    // them read as wrapping into the next: side by side keys and values,
    // one per line, each as wide as its column, read so too. When that
    // leaves fewer than two rows of several columns (no table), they are
    // rows after all. A label beside a paragraph (two columns) stays one
    // row: alone, it is no table.
    if rows_of_several(&to_ranges(&bound, n), &cols_of) < 2 {
        bound = bounds(false);
    }

    // Split rows that hold two texts of one column too far apart to be
    // one cell.
    let ranges = to_ranges(&bound, n);
    // A value set between two lines of a cell wrapped beside it (a date
    // beside the middle of a wrapped name): the table centres its cells
    // in their rows.
    let centres = pieces.iter().any(|p| {
        !p.alpha
            && p.digits
            && by_col.iter().enumerate().any(|(d, list)| {
                d != p.c0
                    && list.windows(2).any(|w| {
                        let (q, r) = (&pieces[w[0]], &pieces[w[1]]);
                        q.line < p.line && r.line > p.line && near(q, r) && wraps(q, r, d)
                    })
            })
    });
    for &(a, e) in &ranges {
        // (lo, hi, column, q line): the row must end between lines lo
        // and hi, where the column's text at lo and the next at q part.
        let mut need: Vec<(usize, usize, usize, usize)> = Vec::new();
        for (c, list) in by_col.iter().enumerate() {
            let inside: Vec<&Piece> = list
                .iter()
                .map(|&k| &pieces[k])
                .filter(|p| p.line >= a && p.line < e)
                .collect();
            for w in inside.windows(2) {
                if w[1].line > w[0].line && !near(w[0], w[1]) {
                    need.push((w[0].line, w[1].line - 1, c, w[1].line));
                }
            }
        }
        need.sort_by_key(|t| t.1);
        let mut chosen: Vec<usize> = Vec::new();
        // The first line of the row being split off.
        let mut start = a;
        for (lo, hi, c, q) in need {
            if chosen.iter().any(|&k| k >= lo && k <= hi) || (lo..=hi).any(|k| bound[k]) {
                continue;
            }
            // The column's first line in this row.
            let first = by_col[c]
                .iter()
                .map(|&k| pieces[k].line)
                .filter(|&l| l >= start && l <= lo)
                .min()
                .unwrap_or(lo);
            let mid = |k: usize| (lines[k].bottom + lines[k + 1].top) / 2.0;
            let gap = |k: usize| lines[k + 1].top - lines[k].bottom;
            // Where the row should end: a column that starts below the
            // row's first line is centred in its row, so the row ends as
            // far below the column's last line as it starts above its
            // first (rows of different heights centre their cells at
            // different depths); a column on the row's first line is set
            // at the top, so the next row starts on the line of its next
            // text.
            let centred = first > start || (centres && first == lo);
            let miss = |k: usize| {
                if centred {
                    (lines[k].bottom - (lines[first].top + lines[lo].bottom - lines[start].top))
                        .abs()
                } else {
                    (mid(k) - lines[q].top).abs()
                }
            };
            // Lines whose boxes overlap sit in one row: split elsewhere
            // when the interval allows.
            let apart = (lo..=hi).any(|k| !overlapping[k]);
            let best = (lo..=hi)
                .filter(|&k| !apart || !overlapping[k])
                .min_by(|&x, &y| miss(x).total_cmp(&miss(y)).then(gap(y).total_cmp(&gap(x))));
            if let Some(k) = best {
                chosen.push(k);
                start = start.max(k + 1);
            }
        }
        for k in chosen {
            bound[k] = true;
        }
    }

    // Rulings that separate most rows of the body make the rows by
    // themselves. The rule under the header (and those of a booktabs
    // table: above, under the header, at the end) says nothing of how the
    // body's rows are parted.
    let in_body = |k: usize| k >= head;
    let rules = (0..ruled.len()).filter(|&k| ruled[k] && in_body(k)).count();
    let found = (0..bound.len()).filter(|&k| bound[k] && in_body(k)).count();
    if rules >= 2 && 2 * rules >= found {
        let only: Vec<bool> = (0..n.saturating_sub(1))
            .map(|k| at(ruled, k) || at(forced, k) || label[k] || label[k + 1])
            .collect();
        return to_ranges(&only, n);
    }
    to_ranges(&bound, n)
}

/// Fewest columns a line must set again, all of them wrapping, to be
/// read as a row of its own when the wrapped reading leaves no table.
const MANY_COLUMNS: usize = 3;

/// How many of the rows `ranges` set words in at least two columns.
fn rows_of_several(ranges: &[(usize, usize)], cols_of: &[Vec<usize>]) -> usize {
    ranges
        .iter()
        .filter(|&&(a, e)| {
            let mut cs: Vec<usize> = cols_of
                .get(a..e)
                .unwrap_or(&[])
                .iter()
                .flatten()
                .copied()
                .collect();
            cs.sort_unstable();
            cs.dedup();
            cs.len() >= 2
        })
        .count()
}

/// Line ranges between the boundaries.
fn to_ranges(bound: &[bool], n: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, &b) in bound.iter().enumerate() {
        if b {
            out.push((start, k + 1));
            start = k + 1;
        }
    }
    if start < n {
        out.push((start, n));
    }
    out
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;

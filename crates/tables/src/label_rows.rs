//! Section labels inside a table without ruled rows: a line of one piece
//! at the table's left edge, above a row that begins complete, is a row of
//! its own unless it is a line of a wrapped cell (see [`label_lines`]).
//! Whether the table centres its cells beside a wrapped one or sets them
//! at the top is judged from the rows that show it.

use crate::geom::overlap;
use crate::piece::{Piece, RowLine};
use crate::settings::Settings;

/// Label rows: lines that set one piece, in the first column from the
/// table's left edge, and nothing in the other columns, just above a line
/// that sets the first column and others (a row that begins complete).
/// Such a line is a section's label, a row of its own, unless it is a line
/// of a wrapped cell: the last of the cell above (the line before wraps
/// into it: its text and this line's first word would not have fitted in
/// the column together, the pitch is a wrapped cell's, and the line is set
/// no closer to the row below than to the line above) or the first of
/// a cell centred on the row below (it wraps into the row's text, which
/// wraps again into a line below set alone in the column, as the first
/// did, or in a table that centres its cells, whenever it wraps into the
/// row's text), or the first of a cell whose next lines are indented under
/// it (a hanging indent). A line that reaches the second column's text is
/// a label whatever the lines around it: no line of a cell runs into the
/// next column.
pub(crate) fn label_lines(
    lines: &[RowLine],
    pieces: &[Piece],
    cols_of: &[Vec<usize>],
    size: f32,
    near: &dyn Fn(&Piece, &Piece) -> bool,
    loose: &dyn Fn(&Piece, &Piece) -> bool,
    s: &Settings,
) -> Vec<bool> {
    let n = lines.len();
    let mut label = vec![false; n];
    let mut first: Vec<Option<&Piece>> = vec![None; n];
    let mut count = vec![0usize; n];
    // Lines with a piece in the first column, alone there or spanning on.
    let mut in_first = vec![false; n];
    for p in pieces {
        if p.line < n {
            count[p.line] += 1;
            in_first[p.line] |= p.c0 == 0;
            if p.c0 == 0 && p.c1 == 0 {
                first[p.line] = Some(p);
            }
        }
    }
    let lone = |k: usize| count[k] == 1 && cols_of[k].as_slice() == [0] && first[k].is_some();
    let full = |k: usize| first[k].is_some() && cols_of[k].len() >= 2;
    let Some(left) = pieces
        .iter()
        .filter(|p| p.c0 == 0 && p.c1 == 0)
        .map(|p| p.x0)
        .reduce(f32::min)
    else {
        return label;
    };
    // Candidates: a lone line at the left edge above a complete line.
    let candidate: Vec<bool> = (0..n)
        .map(|k| {
            k + 1 < n
                && lone(k)
                && full(k + 1)
                && first[k].is_some_and(|p| p.x0 <= left + 0.5 * size)
        })
        .collect();
    // The column's width from its other lines.
    let width = pieces
        .iter()
        .filter(|p| p.c0 == 0 && p.c1 == 0 && !candidate[p.line])
        .map(|p| p.x1 - p.x0)
        .fold(0.0, f32::max);
    if width <= 0.0 {
        return label;
    }
    // Where the second column's text begins.
    let next_left = pieces
        .iter()
        .filter(|p| p.c0 == 1 && p.c1 == 1)
        .map(|p| p.x0)
        .fold(f32::INFINITY, f32::min);
    // A line that opens an item, after a line that had room for its first
    // word, is no wrapped rest ([`Piece::wraps_into`], as in [`crate::rows`]).
    // Under the column's widest line, a line alone at the rows' pitch
    // (`loose`) opens a row unless the line above ends open.
    let wraps = |p: &Piece, q: &Piece| near(p, q) && p.wraps_into(q, width, size, loose(p, q), s);
    // How the table sets its cells beside a wrapped one, at the top or
    // centred, by the rows that show it. In a centred table a lone line
    // above a row is the first line of its centred cell whenever it wraps
    // into it.
    let overlapping = |k: usize| {
        let (a, b) = (&lines[k], &lines[k + 1]);
        overlap(a.top, a.bottom, b.top, b.bottom)
            >= s.overlap_ratio * (a.bottom - a.top).min(b.bottom - b.top)
    };
    // Rows of each kind: a line that sets values (numbers, dates, codes)
    // beside a line of the first column whose cell wraps: at the top when
    // the cell starts on it and goes on below; centred when the cell has
    // as many lines above it as below (lines without values). Lines whose
    // boxes overlap (values centred between two lines), or that set only
    // other columns between two lines of the first (none running from
    // it: a label wider than its column), are centred rows too, when the
    // two lines of the first are as close as one cell's lines (a row that
    // leaves the first column empty, continuing a group, is a row's pitch
    // from each). (The table's
    // first line, maybe its header, is left out.)
    let mut valued = vec![false; n];
    for p in pieces {
        if p.line < n && p.c0 > 0 && !p.alpha {
            valued[p.line] = true;
        }
    }
    let col0: Vec<&Piece> = first.iter().flatten().copied().collect();
    let (mut top, mut centred_rows) = (0usize, 0usize);
    for (j, f) in col0.iter().enumerate() {
        if f.line == 0 || !valued[f.line] {
            continue;
        }
        // The cell's lines around it: lines of the first column that wrap
        // from one to the next and set no values of their own.
        let up = (1..=j)
            .take_while(|&i| !valued[col0[j - i].line] && wraps(col0[j - i], col0[j - i + 1]))
            .count();
        let down = (j + 1..col0.len())
            .take_while(|&i| !valued[col0[i].line] && wraps(col0[i - 1], col0[i]))
            .count();
        if up == 0 && down >= 1 && lone(col0[j + 1].line) {
            top += 1;
        } else if up >= 1 && up == down {
            centred_rows += 1;
        }
    }
    centred_rows += (0..n.saturating_sub(1)).filter(|&k| overlapping(k)).count()
        + (1..n.saturating_sub(1))
            .filter(|&k| {
                !in_first[k]
                    && count[k] > 0
                    && first[k - 1]
                        .zip(first[k + 1])
                        .is_some_and(|(a, b)| near(a, b))
            })
            .count();
    let centred_table = centred_rows > top;
    // In a table that centres its cells, the lines below a lone line may
    // make a centred cell by themselves: as many lines of the cell above
    // its row's values as below them. The lone line is then no line of
    // that cell; it is a label unless it ends the cell above.
    let centred_below = |k: usize| {
        let Some(mut prev) = first.get(k + 1).copied().flatten() else {
            return false;
        };
        let mut v = k + 1;
        while v < n && lone(v) && !valued[v] {
            match first.get(v + 1).copied().flatten() {
                Some(q) if wraps(prev, q) => {
                    prev = q;
                    v += 1;
                }
                _ => return false,
            }
        }
        if v >= n || !full(v) || !valued[v] {
            return false;
        }
        let up = v - (k + 1);
        let down = (v + 1..n)
            .take_while(|&i| match (first[i - 1], first[i]) {
                (Some(a), Some(b)) => lone(i) && !valued[i] && wraps(a, b),
                _ => false,
            })
            .count();
        up >= 1 && up == down
    };
    let centred_label: Vec<bool> = (0..n)
        .map(|k| {
            centred_table
                && !candidate[k]
                && k + 2 < n
                && lone(k)
                && first[k].is_some_and(|p| p.x0 <= left + 0.5 * size)
                && centred_below(k)
        })
        .collect();
    // Whether line `k`, whose first-column piece is `p`, is the last line of
    // the cell above: set no closer to the row below than to the line above,
    // and wrapping from the column's line above (which may sit over lines
    // that set only other columns, centred beside it).
    let ends_cell_above = |k: usize, p: &Piece| {
        (0..k).rev().find_map(|i| first[i]).is_some_and(|a| {
            let up = lines[k].base - lines[a.line].base;
            let down = lines[k + 1].base - lines[k].base;
            up <= down + 0.1 * size && wraps(a, p)
        })
    };
    for k in 0..n {
        if centred_label[k] {
            if let Some(p) = first[k] {
                label[k] = !ends_cell_above(k, p);
            }
            continue;
        }
        let Some(p) = first[k].filter(|_| candidate[k]) else {
            continue;
        };
        if p.x1 > next_left - 0.25 * size {
            label[k] = true;
            continue;
        }
        let from_above = ends_cell_above(k, p);
        let row = first[k + 1];
        // The first line of a cell centred on the row below: as many lines
        // of the cell above the row's values as below them (the values
        // share a line with the cell's text, so its lines are odd in
        // number; a cell set at the top, under a label, has them all
        // below).
        let up = 1
            + (1..=k)
                .take_while(|&i| {
                    lone(k - i)
                        && !valued[k - i]
                        && first[k - i + 1]
                            .is_some_and(|q| first[k - i].is_some_and(|o| wraps(o, q)))
                })
                .count();
        let down = row.map_or(0, |r| {
            let mut prev = r;
            (k + 2..n)
                .take_while(|&i| match first[i] {
                    Some(t) if lone(i) && !valued[i] && wraps(prev, t) => {
                        prev = t;
                        true
                    }
                    _ => false,
                })
                .count()
        });
        let centred = down >= 1 && up == down && row.is_some_and(|r| wraps(p, r));
        // The row's text set further in than this line: a hanging
        // indent, this line's text going on (its row's figures at its
        // last line).
        let hanging = row.is_some_and(|r| r.x0 > p.x0 + 0.5 * size);
        let head = centred_table && row.is_some_and(|r| wraps(p, r));
        label[k] = !from_above && !centred && !hanging && !head;
    }
    label
}

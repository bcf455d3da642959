//! The header band of a table without ruled rows: the lines above the
//! body's first value (a number, a date, a code) that are one row of
//! column labels, however many lines the labels take.

use crate::piece::Piece;
use crate::settings::Settings;

/// The header band: its first `head` lines are one row of labels, and
/// the first line that sets a value (a number, a date, a code: the body's
/// columns begin to fill) is `first_value`. The band ends above that line,
/// less the lines of the first row's cell set above it (lines that overlap
/// it, a cell centred on it, or whose every piece is text that wraps into
/// its column's next text), and above a label row. No band (`head` 0) when the values
/// begin further down than a header's `header_max_lines`, or when the
/// caller gave the columns (and read the header above them).
#[allow(clippy::too_many_arguments)]
pub(crate) fn header_band(
    on_line: &[Vec<(usize, usize)>],
    pieces: &[Piece],
    by_col: &[Vec<usize>],
    overlapping: &[bool],
    label: &[bool],
    wraps_into: &dyn Fn(&Piece, &Piece, usize) -> bool,
    value: &dyn Fn(usize) -> bool,
    s: &Settings,
) -> (usize, Option<usize>) {
    let first_value = on_line
        .iter()
        .position(|ps| ps.iter().any(|&(_, i)| value(i)));
    // Columns given by the caller come with their header read already.
    let Some(d) = first_value.filter(|&d| d <= s.header_max_lines && s.columns.is_none()) else {
        return (0, first_value);
    };
    let mut head = d;
    while head > 0 {
        let k = head - 1;
        let of_row = overlapping.get(k).copied().unwrap_or(false)
            || (!on_line[k].is_empty()
                && on_line[k].iter().all(|&(c, i)| {
                    by_col[c]
                        .iter()
                        .map(|&j| &pieces[j])
                        .find(|q| q.line > k)
                        .is_some_and(|q| q.line <= d && wraps_into(&pieces[i], q, c))
                }));
        if !of_row {
            break;
        }
        head -= 1;
    }
    if let Some(l) = (0..head).find(|&k| label.get(k).copied().unwrap_or(false)) {
        head = l;
    }
    (head, first_value)
}

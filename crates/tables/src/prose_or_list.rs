//! Regions whose words align in columns but are no table: a list (markers
//! beside running text) or two columns of prose side by side ([`crate::stream`]
//! drops them).

use crate::piece::Piece;

/// Fewer than two columns hold words, or one column holds text and the
/// others only markers (one short word per line: `-`, `•`, `a)`, `1.`), the
/// text running over full lines: a list, not a table.
pub(crate) fn reads_as_list(pieces: &[Piece], ncols: usize) -> bool {
    let mut text_columns = Vec::new();
    let mut filled = 0;
    for c in 0..ncols {
        let ps: Vec<&Piece> = pieces.iter().filter(|p| p.c0 == c && p.c1 == c).collect();
        if ps.is_empty() {
            continue;
        }
        filled += 1;
        let marker = ps
            .iter()
            .all(|p| p.words.len() == 1 && p.x1 - p.x0 <= MARKER_EM * p.size);
        if !marker {
            text_columns.push(ps);
        }
    }
    if filled < 2 {
        return true;
    }
    let [text] = text_columns.as_slice() else {
        return false;
    };
    let widest = text.iter().map(|p| p.x1 - p.x0).fold(0.0, f32::max);
    text.iter()
        .filter(|p| p.words.len() >= 3 && p.x1 - p.x0 >= 0.8 * widest)
        .count()
        >= 2
}

/// The widest a list marker is (em).
const MARKER_EM: f32 = 2.0;

/// Every column reads as prose and every row is one line.
pub(crate) fn reads_as_prose(pieces: &[Piece], ncols: usize, rows: usize, lines: usize) -> bool {
    if rows < lines {
        return false;
    }
    (0..ncols).all(|c| {
        let ps: Vec<&Piece> = pieces.iter().filter(|p| p.c0 == c && p.c1 == c).collect();
        let widest = ps.iter().map(|p| p.x1 - p.x0).fold(0.0, f32::max);
        let full = ps.iter().filter(|p| p.x1 - p.x0 >= 0.8 * widest).count();
        let words: usize = ps.iter().map(|p| p.words.len()).sum();
        ps.len() >= 3 && 10 * full >= 6 * ps.len() && words >= 3 * ps.len()
    })
}

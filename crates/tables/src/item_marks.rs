//! Item numbers set apart from their text: `1.    Department of Posts`.
//!
//! A list inside a table numbers its items (`1.`, `12.`, `a)`) and sets
//! each item's text a few spaces after its number. When every numbered
//! line leaves that whitespace in the same place, the region finder sees
//! a column gap there and the numbers would make a column of their own.
//! They do not, and the gap is no column's, when all of these hold:
//!
//! - the column holds nothing but item numbers (one short word, at most
//!   [`MARK_EM`] em wide, ending in `.` or `)`), at least two, each
//!   followed on its line by text in the next column;
//! - no header label stands over the column alone (a column headed `N.`
//!   is a column): nothing is set in it alone on the header's lines, nor
//!   on the table's first line when no header was told apart (the region
//!   finder names a header only where it sets the columns otherwise);
//! - some other line of the body runs across the gap from the column's
//!   side (a group's label set from the same left edge as the numbers,
//!   `MINISTRY OF AGRICULTURE`): the table's text does not keep it free.

use crate::geom::WordBox;
use crate::piece::Piece;
use atti_page::Page;

/// The widest an item number is (em).
const MARK_EM: f32 = 2.0;

/// The most characters of an item number, its sign included (`iv.`, `12)`).
const MARK_CHARS: usize = 4;

/// The first gap (index into the region's gaps) that only parts item
/// numbers from their text. `header_lines`: lines `0..header_lines` are
/// the table's header (the first line at least is taken as one).
pub(crate) fn item_number_gap(
    pieces: &[Piece],
    gaps: &[(f32, f32)],
    header_lines: usize,
    boxes: &[WordBox],
    page: &Page,
) -> Option<usize> {
    let text = |p: &Piece| -> Option<&str> {
        let [w] = p.words.as_slice() else {
            return None;
        };
        let b = boxes.get(*w)?;
        Some(page.words.get(b.idx)?.text.trim())
    };
    let header_lines = header_lines.max(1);
    (0..gaps.len()).find(|&g| {
        let alone = |p: &&Piece| p.c0 == g && p.c1 == g;
        if pieces.iter().filter(alone).any(|p| p.line < header_lines) {
            return false;
        }
        let marks: Vec<&Piece> = pieces
            .iter()
            .filter(alone)
            .filter(|p| p.line >= header_lines)
            .collect();
        let all_marks = marks.len() >= 2
            && marks.iter().all(|p| {
                p.x1 - p.x0 <= MARK_EM * p.size
                    && text(p).is_some_and(is_item_number)
                    && pieces.iter().any(|q| q.line == p.line && q.c0 == g + 1)
            });
        let crossed = || {
            let (lo, hi) = gaps[g];
            pieces
                .iter()
                .any(|p| p.line >= header_lines && p.x0 < lo && p.x1 > hi)
        };
        all_marks && crossed()
    })
}

/// `1.`, `12.`, `a)`, `iv.`: a short number (digits, one letter, a roman
/// numeral) closed by a full stop or a bracket.
fn is_item_number(w: &str) -> bool {
    let Some(body) = w.strip_suffix(['.', ')']) else {
        return false;
    };
    let n = body.chars().count();
    let digits = body.chars().all(|c| c.is_ascii_digit());
    let letter = n == 1 && body.chars().all(char::is_alphabetic);
    let roman = body.chars().all(|c| "ivxlcIVXLC".contains(c));
    w.chars().count() <= MARK_CHARS && n > 0 && (digits || letter || roman)
}

#[cfg(test)]
mod tests {
    use super::is_item_number;

    #[test]
    fn item_numbers_are_short_and_closed() {
        for w in ["1.", "12.", "a)", "iv.", "10)"] {
            assert!(is_item_number(w), "{w}");
        }
        for w in ["1", "12.345", "Tot.", "-", "2014.", "."] {
            assert!(!is_item_number(w), "{w}");
        }
    }
}

//! Numbers and dates put back where tesseract broke them. An act's
//! number, date, amount or reference is the value the rules read most, and
//! a scan breaks it in ways the words around it do not show:
//!
//! - a number cut in two where no space stands (`1 2/03/2024`,
//!   `2 019`): tesseract parts the pieces when a digit's stroke is faint
//!   or a speck sits between them; two pieces whose boxes are less than
//!   [`DIGIT_GAP`] of the font size apart, a digit on each side of the cut
//!   (or a date's or a number's mark, `/`, `.`, `,`), are one number again
//!   ([`join`]): a typed space is about a quarter of an em, the gap between
//!   two digits of one number a tenth;
//! - a letter read for a digit inside a number (`2S/03/2024`, `l2`, `2O19`):
//!   in a group of a number (the characters between its marks) that holds a
//!   digit, an `O` or `o` is `0`, an `l` or `I` is `1`, an `S` is `5`,
//!   each beside a digit of its group; a group with any other letter is a
//!   code (`CIG 80036114BC`, `H19`), left alone ([`digits`]);
//! - a speck read as an accented letter between two digits (`1é6` for
//!   `16` on a noisy scan): Italian never sets an accented letter inside a
//!   number, so it is dropped.

use crate::rows::Piece;

/// Below this share of the font size, the blank between two pieces of a
/// number is no space.
pub const DIGIT_GAP: f32 = 0.15;

fn number_mark(c: char) -> bool {
    matches!(c, '/' | '.' | ',' | '-')
}

/// The words of one row with a number's pieces joined again; `size` is
/// the row's font size in the words' units.
pub fn join(words: Vec<Piece>, size: f32) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(words.len());
    for w in words {
        if let Some(prev) = out.last_mut() {
            let last = prev.text.chars().next_back();
            let first = w.text.chars().next();
            let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
            let mark = |c: Option<char>| c.is_some_and(|c| c == '/');
            let numeric = (digit(last) && (digit(first) || mark(first)))
                || (mark(last) && digit(first) && prev.text.chars().any(|c| c.is_ascii_digit()));
            if numeric && w.b[0] - prev.b[2] < DIGIT_GAP * size {
                prev.absorb(&w);
                continue;
            }
        }
        out.push(w);
    }
    out
}

/// A letter read for a digit, as `c` is read in a number, or `None`.
fn as_digit(c: char) -> Option<char> {
    match c {
        'O' | 'o' => Some('0'),
        'l' | 'I' => Some('1'),
        'S' => Some('5'),
        _ => None,
    }
}

/// One word with the letters read for digits inside its numbers put back
/// as digits, and specks read as accented letters between digits dropped.
pub fn digits(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    // Specks: an accented letter alone between two digits.
    let mut kept: Vec<char> = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let accented = c.is_alphabetic() && !c.is_ascii();
        let between = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if !(accented && between) {
            kept.push(c);
        }
    }
    // The word's numbers: at least three digits in all, none but digits,
    // marks and letters read for digits between its first and last digit.
    let Some(first) = kept.iter().position(|c| c.is_ascii_digit()) else {
        return kept.into_iter().collect();
    };
    let start = (0..first)
        .rev()
        .take_while(|&i| as_digit(kept[i]).is_some())
        .last()
        .unwrap_or(first);
    let last = kept
        .iter()
        .rposition(|c| c.is_ascii_digit())
        .unwrap_or(first);
    let end = (last + 1..kept.len())
        .take_while(|&i| as_digit(kept[i]).is_some())
        .last()
        .map_or(last + 1, |i| i + 1);
    let core = &kept[start..end];
    let count = core.iter().filter(|c| c.is_ascii_digit()).count();
    let plain = core
        .iter()
        .all(|&c| c.is_ascii_digit() || number_mark(c) || as_digit(c).is_some());
    // A letter before the number joined to it (`n12`, `CIG80`) or after it
    // (`12a`, `2019BC`) makes it a code or a word: left alone.
    let letter = |i: Option<&char>| i.is_some_and(|c| c.is_alphanumeric());
    if count < 3
        || !plain
        || letter(start.checked_sub(1).and_then(|i| kept.get(i)))
        || letter(kept.get(end))
    {
        return kept.into_iter().collect();
    }
    let mut out = kept.clone();
    let mut group_start = start;
    while group_start < end {
        let group_end = (group_start..end)
            .find(|&i| number_mark(kept[i]))
            .unwrap_or(end);
        let group = &kept[group_start..group_end];
        if group.iter().any(|c| c.is_ascii_digit()) {
            for (k, &c) in group.iter().enumerate() {
                let beside = (k > 0 && group[k - 1].is_ascii_digit())
                    || group.get(k + 1).is_some_and(|n| n.is_ascii_digit());
                if let (Some(d), true) = (as_digit(c), beside) {
                    out[group_start + k] = d;
                }
            }
        }
        group_start = group_end + 1;
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(text: &str, x0: f32, x1: f32) -> Piece {
        Piece {
            text: text.into(),
            b: [x0, 100.0, x1, 132.0],
            conf: 90.0,
        }
    }

    fn text(ws: Vec<Piece>) -> String {
        ws.iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_number_cut_where_no_space_stands_is_one_again() {
        // Font size 46 px: digits 4 px apart, a space 12 px.
        assert_eq!(
            text(join(
                vec![
                    piece("del", 0., 60.),
                    piece("1", 72., 90.),
                    piece("2/03/2024", 94., 300.)
                ],
                46.0
            )),
            "del 12/03/2024"
        );
        assert_eq!(
            text(join(
                vec![
                    piece("n.", 0., 30.),
                    piece("12", 42., 80.),
                    piece("2024", 92., 180.)
                ],
                46.0
            )),
            "n. 12 2024"
        );
        assert_eq!(
            text(join(
                vec![piece("12/", 0., 60.), piece("03/2024", 63., 200.)],
                46.0
            )),
            "12/03/2024"
        );
        // Words are not numbers.
        assert_eq!(
            text(join(
                vec![piece("art", 0., 60.), piece("12", 62., 100.)],
                46.0
            )),
            "art 12"
        );
    }

    #[test]
    fn letters_read_for_digits_inside_numbers() {
        assert_eq!(digits("2S/03/2024"), "25/03/2024");
        assert_eq!(digits("l2/03/2024"), "12/03/2024");
        assert_eq!(digits("12/O3/2O24"), "12/03/2024");
        assert_eq!(digits("2O19,"), "2019,");
        assert_eq!(digits("(n.1O5/2024)"), "(n.105/2024)");
        assert_eq!(digits("1é6gennaio"), "16gennaio");
        assert_eq!(digits("30.000,0O"), "30.000,00");
        // Codes, words and abbreviations stay as read.
        assert_eq!(digits("80036114BC"), "80036114BC");
        assert_eq!(digits("H19I22000650001"), "H19I22000650001");
        assert_eq!(digits("IO"), "IO");
        assert_eq!(digits("S1"), "S1");
        assert_eq!(digits("l.r."), "l.r.");
        assert_eq!(digits("IX/2838"), "IX/2838");
        assert_eq!(digits("n12O"), "n12O");
        assert_eq!(digits("Lotto"), "Lotto");
        assert_eq!(digits("2019/SUAP"), "2019/SUAP");
        assert_eq!(digits("D.Lgs.50/2016"), "D.Lgs.50/2016");
    }
}

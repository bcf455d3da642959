//! Spaces tesseract missed inside a word, found in the ink. tesseract
//! weighs a gap against the line's other gaps and, in a tightly set line
//! or on a noisy or 200 dpi scan, takes a space for none.
//!
//! - After an abbreviation's full stop before a number ([`split_stops`]):
//!   `n.13012`, `D.d.s.31` are parted after the stop whose blank is at
//!   least [`STOP_SPACE`] of the font size (a stop set close to the next
//!   letter leaves a tenth of one, a space about a quarter). A stop before
//!   a letter is left alone when more letters and stops follow: the
//!   bulletins set their dotted abbreviations (`d.lgs.`, `A.S.L.`,
//!   `s.p.a.`) so tightly that a stop's blank inside one is as wide as a
//!   space after it (`d.g.r.n.` stays so). The last stop before a run of
//!   at least three letters that ends the word (`A.S.L.perla`, read for
//!   `A.S.L. per la`: a word, no abbreviation's letter) is parted when its
//!   blank is a space's and at least [`SPACE_RATIO`] times the blank after
//!   any other stop of the word (`dott.ssa`, set close, stays whole).
//! - Between letters ([`split`]): a word read
//!   as one (`INCOMUNE` for `IN COMUNE`, at 200 dpi or on a noisy scan)
//! whose letters each stand apart on the page, one run of inked columns a
//! letter, is parted where the blank between two letters is a space's:
//! at least [`WORD_SPACE`] of the font size (letters of a word stand a
//! tenth of one apart, a space and the letters' side bearings make about
//! a third) and at least [`SPACE_RATIO`] times the word's usual blank
//! (a heading set with wide tracking, whose every blank is wide,
//! stays whole). A word whose letters touch, or hold a letter of two
//! runs (`"`, `%`), gives as many runs as letters only by chance, and is
//! left whole unless it does.
//! - Between a number and a lower-case word run into it (`2e` read for
//!   `2 e`): parted where the blank after the last digit is a space's
//!   ([`WORD_SPACE`] of the font size), each character one stroke; a
//!   number's letters set close (`3bis`, `2a`) stay with it.

use crate::raster::{strokes, Gray};
use crate::rows::Piece;

/// A blank after a full stop at least this share of the font size is a
/// space (a space is about a quarter of an em; a stop set close to the
/// next letter leaves about a tenth; on a noisy scan tesseract's box and
/// the ink's edge lose a pixel or two of a space: `D.d.s. 31` measured
/// 0.24).
pub const STOP_SPACE: f32 = 0.2;
/// A stroke at most this share of the font size wide, whose ink starts in
/// the lower [`MARK_LOW`] of its word's box, is a full stop or a comma.
const MARK_WIDTH: f32 = 0.2;
const MARK_LOW: f32 = 0.45;

/// The words of one row with every abbreviation's full stop followed by a
/// digit (`n.13012`, `D.d.s.31`) parted from it where `image` shows a
/// space after the stop; `size` is the row's font size in pixels. The
/// stop is found in the ink: the strokes of the word's box, left to right,
/// of which the narrow ones low in the box are its stops and commas; when
/// they are not as many as the word's `.` and `,`, the word is left whole.
pub fn split_stops(words: Vec<Piece>, size: f32, image: &Gray) -> Vec<Piece> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let chars: Vec<char> = w.text.chars().collect();
        // The stop before a word that ends this one (`A.S.L.perla`).
        let before_word = chars.iter().rposition(|&c| c == '.').filter(|&i| {
            i >= 1
                && chars[i - 1].is_alphabetic()
                && chars.len() - i > 3
                && chars[i + 1..].iter().all(|c| c.is_alphabetic())
        });
        let cuts: Vec<usize> = (1..chars.len().saturating_sub(1))
            .filter(|&i| {
                chars[i] == '.'
                    && chars[i - 1].is_alphabetic()
                    && (chars[i + 1].is_ascii_digit() || Some(i) == before_word)
            })
            .collect();
        if cuts.is_empty() {
            out.push(w);
            continue;
        }
        let strokes = strokes(image, w.b);
        let (y0, y1) = (w.b[1], w.b[3]);
        let marks: Vec<usize> = (0..strokes.len())
            .filter(|&k| {
                let (x0, x1, top) = strokes[k];
                (x1 - x0) as f32 <= MARK_WIDTH * size
                    && top as f32 >= y0 + (1.0 - MARK_LOW) * (y1 - y0)
            })
            .collect();
        let written = chars.iter().filter(|c| matches!(c, '.' | ',')).count();
        if marks.len() != written {
            out.push(w);
            continue;
        }
        // Each cut: where the text is parted and where the box is.
        let blank_after = |stroke: usize| {
            strokes
                .get(stroke + 1)
                .map(|&(next, _, _)| (strokes[stroke].1, next))
        };
        let mut parts: Vec<(usize, f32, f32)> = Vec::new();
        for i in cuts {
            let k = chars[..i].iter().filter(|c| matches!(c, '.' | ',')).count();
            let Some((end, next)) = blank_after(marks[k]) else {
                continue;
            };
            let blank = (next - end) as f32;
            let mut space = blank >= STOP_SPACE * size;
            if Some(i) == before_word {
                // Wider than the blank after every other mark of the word.
                let widest = (0..marks.len())
                    .filter(|&m| m != k)
                    .filter_map(|m| blank_after(marks[m]))
                    .map(|(e, n)| (n - e) as f32)
                    .fold(0.0, f32::max);
                space = space && blank >= SPACE_RATIO * widest;
            }
            if space {
                parts.push((i + 1, end as f32, next as f32));
            }
        }
        let mut from = 0;
        let mut left = w.b[0];
        for (at, end, next) in parts {
            out.push(Piece {
                text: chars[from..at].iter().collect(),
                b: [left, w.b[1], end, w.b[3]],
                conf: w.conf,
            });
            from = at;
            left = next;
        }
        out.push(Piece {
            text: chars[from..].iter().collect(),
            b: [left, w.b[1], w.b[2], w.b[3]],
            conf: w.conf,
        });
    }
    out
}

/// A blank between two letters at least this share of the font size may
/// be a space.
pub const WORD_SPACE: f32 = 0.25;
/// ... when it is also this many times the word's usual blank (the
/// median of its blanks between letters).
pub const SPACE_RATIO: f32 = 2.0;
/// Words of fewer letters are left whole (a short word gives too few
/// blanks to compare).
const MIN_LETTERS: usize = 4;

/// The words of one row with the spaces their ink shows put back; `size`
/// is the row's font size in pixels.
pub fn split(words: Vec<Piece>, size: f32, image: &Gray) -> Vec<Piece> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let chars: Vec<char> = w.text.chars().collect();
        if let Some(at) = number_then_word(&chars) {
            out.extend(part_number(w, &chars, at, size, image));
            continue;
        }
        if chars.len() < MIN_LETTERS || !chars.iter().all(|c| c.is_alphabetic()) {
            out.push(w);
            continue;
        }
        let runs = strokes(image, w.b);
        if runs.len() != chars.len() {
            out.push(w);
            continue;
        }
        let blanks: Vec<usize> = runs.windows(2).map(|p| p[1].0 - p[0].1).collect();
        let mut sorted = blanks.clone();
        sorted.sort_unstable();
        let usual = sorted[sorted.len() / 2].max(1) as f32;
        let cuts: Vec<usize> = (0..blanks.len())
            .filter(|&i| {
                // A letter alone on one side is no word: `E` `COMUNE`
                // would be a stray capital (Italian has `e`, `è`, `a`,
                // `o` as words; leave them to tesseract).
                i >= 1
                    && i + 2 < runs.len()
                    && blanks[i] as f32 >= WORD_SPACE * size
                    && blanks[i] as f32 >= SPACE_RATIO * usual
            })
            .collect();
        let mut from = 0;
        let mut left = w.b[0];
        for i in cuts {
            out.push(Piece {
                text: chars[from..=i].iter().collect(),
                b: [left, w.b[1], runs[i].1 as f32, w.b[3]],
                conf: w.conf,
            });
            from = i + 1;
            left = runs[i + 1].0 as f32;
        }
        out.push(Piece {
            text: chars[from..].iter().collect(),
            b: [left, w.b[1], w.b[2], w.b[3]],
            conf: w.conf,
        });
    }
    out
}

/// Where the letters start in a word of digits followed by lower-case
/// letters (`2e` read for `2 e`), if it is one.
fn number_then_word(chars: &[char]) -> Option<usize> {
    let at = chars.iter().position(|c| !c.is_ascii_digit())?;
    let word = &chars[at..];
    (at >= 1 && word.iter().all(|c| c.is_lowercase())).then_some(at)
}

/// Word `w` (`chars`, digits up to `at` and lower-case letters after)
/// parted into the number and the word when its ink shows a space's blank
/// ([`WORD_SPACE`] of `size`) between the last digit and the first
/// letter; each character must stand apart on the page as one stroke, or
/// the word is kept as read (`3bis`, set close, stays whole).
fn part_number(w: Piece, chars: &[char], at: usize, size: f32, image: &Gray) -> Vec<Piece> {
    let runs = strokes(image, w.b);
    if runs.len() != chars.len() || ((runs[at].0 - runs[at - 1].1) as f32) < WORD_SPACE * size {
        return vec![w];
    }
    vec![
        Piece {
            text: chars[..at].iter().collect(),
            b: [w.b[0], w.b[1], runs[at - 1].1 as f32, w.b[3]],
            conf: w.conf,
        },
        Piece {
            text: chars[at..].iter().collect(),
            b: [runs[at].0 as f32, w.b[1], w.b[2], w.b[3]],
            conf: w.conf,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raster::inked;

    /// Letters of full height (rows 2 to 23) where `runs` say.
    fn ink(w: usize, runs: &[(usize, usize)]) -> Gray {
        let strokes: Vec<(usize, usize, usize)> = runs.iter().map(|&(a, b)| (a, b, 2)).collect();
        inked(w, &strokes)
    }

    fn piece(t: &str, right: f32) -> Piece {
        Piece {
            text: t.into(),
            b: [0.0, 0.0, right, 24.0],
            conf: 90.0,
        }
    }

    fn text(ws: &[Piece]) -> Vec<&str> {
        ws.iter().map(|w| w.text.as_str()).collect()
    }

    #[test]
    fn letters_a_space_apart_are_two_words() {
        // "INCOMUNE" read for "IN COMUNE" (font size 34 px): letters 3 px
        // apart, 12 px between N and C.
        let mut runs = vec![(0, 4), (7, 20)];
        let mut x = 32;
        for width in [16, 18, 22, 16, 16, 12] {
            runs.push((x, x + width));
            x += width + 3;
        }
        let g = ink(x, &runs);
        let parted = split(vec![piece("INCOMUNE", x as f32)], 34.0, &g);
        assert_eq!(text(&parted), ["IN", "COMUNE"]);
        assert_eq!(parted[0].b[2], 20.0);
        assert_eq!(parted[1].b[0], 32.0);
        // Set with wide tracking (every blank 12 px): one word.
        let tracked: Vec<(usize, usize)> = (0..8).map(|i| (i * 28, i * 28 + 16)).collect();
        let g = ink(230, &tracked);
        assert_eq!(
            text(&split(vec![piece("INCOMUNE", 230.0)], 34.0, &g)),
            ["INCOMUNE"]
        );
        // Letters touching (fewer runs than letters): left whole.
        let g = ink(x, &runs[1..]);
        assert_eq!(
            text(&split(vec![piece("INCOMUNE", x as f32)], 34.0, &g)),
            ["INCOMUNE"]
        );
    }

    #[test]
    fn a_number_and_a_word_a_space_apart_are_two_words() {
        // "2e" read for "2 e" (font size 34 px): the digit, a space's
        // blank of 10 px, the letter.
        let g = ink(40, &[(0, 14), (24, 38)]);
        assert_eq!(text(&split(vec![piece("2e", 40.0)], 34.0, &g)), ["2", "e"]);
        // Set close (3 px), as `3bis` is: one word.
        let g = ink(70, &[(0, 14), (17, 31), (34, 38), (41, 55)]);
        assert_eq!(text(&split(vec![piece("3bis", 70.0)], 34.0, &g)), ["3bis"]);
        // Digit and letter touching: one stroke for two characters, kept.
        let g = ink(40, &[(0, 30)]);
        assert_eq!(text(&split(vec![piece("2e", 40.0)], 34.0, &g)), ["2e"]);
    }

    #[test]
    fn a_lone_letter_at_either_end_is_not_cut_off() {
        // "ECOMUNE" with a wide blank after the E: left to tesseract.
        let mut runs = vec![(0, 14)];
        let mut x = 26;
        for width in [16, 18, 22, 16, 16, 12] {
            runs.push((x, x + width));
            x += width + 3;
        }
        let g = ink(x, &runs);
        assert_eq!(
            text(&split(vec![piece("ECOMUNE", x as f32)], 34.0, &g)),
            ["ECOMUNE"]
        );
    }

    #[test]
    fn a_stop_and_a_number_are_parted_where_the_ink_shows_a_space() {
        // "D.d.s.31" as a bulletin's heading sets it (300 dpi, font size
        // 34 px): stops 2 to 4 px from the next letter, and 10 px, a
        // space, between the last one and the date's "31".
        let heading = [
            (0, 6, 1),
            (8, 11, 19),
            (15, 21, 1),
            (24, 27, 19),
            (31, 37, 6),
            (40, 43, 19),
            (53, 59, 1),
            (62, 65, 1),
        ];
        let g = inked(70, &heading);
        let piece = |t: &str| Piece {
            text: t.into(),
            b: [0.0, 0.0, 65.0, 24.0],
            conf: 91.0,
        };
        let text = |ws: Vec<Piece>| ws.iter().map(|w| w.text.clone()).collect::<Vec<_>>();
        let parted = split_stops(vec![piece("D.d.s.31")], 34.0, &g);
        assert_eq!(text(parted.clone()), ["D.d.s.", "31"]);
        assert_eq!(parted[0].b[2], 43.0);
        assert_eq!(parted[1].b[0], 53.0);
        // "n.32" set close: 4 px after the stop, no space.
        let close = inked(30, &[(0, 8, 8), (10, 13, 19), (17, 23, 1), (25, 29, 1)]);
        let n = Piece {
            text: "n.32".into(),
            b: [0.0, 0.0, 29.0, 24.0],
            conf: 90.0,
        };
        assert_eq!(text(split_stops(vec![n.clone()], 34.0, &close)), ["n.32"]);
        // A speck more than the stops written: the word is left whole.
        let specked = inked(70, &[&heading[..], &[(47, 49, 20)]].concat());
        assert_eq!(
            text(split_stops(vec![piece("D.d.s.31")], 34.0, &specked)),
            ["D.d.s.31"]
        );
        // A stop before a letter is left alone, whatever its blank
        // ("d.g.r.n.", a space of 10 px after its last stop).
        let dgr = inked(
            60,
            &[
                (0, 6, 1),
                (8, 11, 19),
                (14, 20, 8),
                (22, 25, 19),
                (27, 31, 8),
                (33, 36, 19),
                (46, 52, 8),
                (54, 57, 19),
            ],
        );
        let joined = Piece {
            text: "d.g.r.n.".into(),
            b: [0.0, 0.0, 57.0, 24.0],
            conf: 88.0,
        };
        assert_eq!(text(split_stops(vec![joined], 34.0, &dgr)), ["d.g.r.n."]);
        // "A.S.L.perla": 10 px after the last stop, 3 px after the others
        // (the stops' strokes low in the box, the letters' from the top).
        let asl = [
            (0, 8, 1),
            (10, 13, 19),
            (16, 23, 1),
            (25, 28, 19),
            (31, 37, 1),
            (39, 42, 19),
            (52, 58, 8),
            (60, 64, 8),
            (66, 70, 8),
            (72, 74, 1),
            (76, 80, 8),
        ];
        let word = |t: &str, right: f32| Piece {
            text: t.into(),
            b: [0.0, 0.0, right, 24.0],
            conf: 85.0,
        };
        let parted = split_stops(vec![word("A.S.L.perla", 80.0)], 34.0, &inked(82, &asl));
        assert_eq!(text(parted.clone()), ["A.S.L.", "perla"]);
        assert_eq!(parted[1].b[0], 52.0);
        // The same blank after every stop: a tight abbreviation, left whole.
        let even = [
            (0, 8, 1),
            (10, 13, 19),
            (23, 30, 1),
            (32, 35, 19),
            (45, 51, 1),
            (53, 56, 19),
            (66, 72, 8),
            (74, 78, 8),
            (80, 84, 8),
            (86, 88, 1),
            (90, 94, 8),
        ];
        assert_eq!(
            text(split_stops(
                vec![word("A.S.L.perla", 94.0)],
                34.0,
                &inked(96, &even)
            )),
            ["A.S.L.perla"]
        );
        // "dott.ssa" set close (3 px after the stop): one word.
        let dott = inked(
            60,
            &[
                (0, 6, 1),
                (8, 14, 8),
                (16, 20, 4),
                (22, 26, 4),
                (29, 32, 19),
                (35, 40, 8),
                (42, 47, 8),
                (49, 55, 8),
            ],
        );
        assert_eq!(
            text(split_stops(vec![word("dott.ssa", 55.0)], 34.0, &dott)),
            ["dott.ssa"]
        );
        // A number with a decimal stop is no abbreviation.
        let mut decimal = n;
        decimal.text = "1.32".into();
        assert_eq!(text(split_stops(vec![decimal], 34.0, &close)), ["1.32"]);
    }
}

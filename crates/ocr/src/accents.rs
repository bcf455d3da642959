//! The accent of a word's last capital, put back from the ink where
//! tesseract lost it. Italian writes a final stressed vowel with its
//! accent in capitals too (`ATTIVITÀ`, `CITTÀ`, `PERCHÉ`, `PIÙ`), and a
//! subject or a heading set in capitals holds many. In small type, or
//! where the accent touches a ruling drawn just above the line (a boxed
//! header's top rule), tesseract reads the letter and drops the accent
//! (`ATTIVITA` on a page copied at 72 %): a word no text layer prints.
//!
//! The ink tells: above the word's last letter (the last run of inked
//! columns of its box, [`crate::spaces`]' strokes), in a band from just
//! over the capitals' top up to [`BAND`] of the font size, there is a
//! small mark, and over the word's other letters there is none (a
//! descender of the line above, a stamp's stroke, a rule cut short would
//! stand over them too, or run on up past the band). Rows of the band
//! inked over most of the word's width are a ruling and are not counted.
//! The accent is grave on `A`, `I`, `O`, `U` (the only one Italian sets
//! on them) and on `E` unless its stroke falls from right to left
//! (`É`, of `PERCHÉ`, `NÉ`).

use crate::raster::{pixel_box, Gray};
use crate::rows::Piece;

/// How far above the capitals' top, in font sizes, an accent reaches.
pub const BAND: f32 = 0.35;
/// The least ink of an accent, as a share of the font size squared (a
/// grave accent's stroke is about a tenth of the size wide and a fifth
/// high).
pub const MIN_INK: f32 = 0.008;
/// A row of the band inked over this share of the word's width is a
/// ruling.
const RULING_SHARE: f32 = 0.8;

/// The words of one row whose last capital lost its accent, with it put
/// back where `image` shows one; `size` is the row's font size in pixels.
pub fn restore(words: Vec<Piece>, size: f32, image: &Gray) -> Vec<Piece> {
    words
        .into_iter()
        .map(|mut w| {
            if let Some((at, vowel)) = last_capital_vowel(&w.text) {
                if let Some(acute) = accent_over_last(image, w.b, size) {
                    let mut chars: Vec<char> = w.text.chars().collect();
                    chars[at] = accented(vowel, acute);
                    w.text = chars.into_iter().collect();
                }
            }
            w
        })
        .collect()
}

/// Where a word in capitals of at least three letters ends in an
/// unaccented vowel (trailing punctuation aside), and the vowel.
fn last_capital_vowel(text: &str) -> Option<(usize, char)> {
    let chars: Vec<char> = text.chars().collect();
    let at = chars.iter().rposition(|c| c.is_alphabetic())?;
    let letters = chars.iter().filter(|c| c.is_alphabetic()).count();
    let tail_ok = chars[at + 1..]
        .iter()
        .all(|c| matches!(c, '.' | ',' | ';' | ':' | ')' | '”' | '"' | '»'));
    let capitals = chars
        .iter()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    let vowel = chars[at];
    (letters >= 3 && tail_ok && capitals && "AEIOU".contains(vowel)).then_some((at, vowel))
}

fn accented(vowel: char, acute: bool) -> char {
    match (vowel, acute) {
        ('A', _) => 'À',
        ('E', false) => 'È',
        ('E', true) => 'É',
        ('I', _) => 'Ì',
        ('O', _) => 'Ò',
        ('U', _) => 'Ù',
        (c, _) => c,
    }
}

/// Whether an accent stands over the last letter of the word boxed `b`
/// (and whether it is acute), from the ink of `image`.
fn accent_over_last(image: &Gray, b: [f32; 4], size: f32) -> Option<bool> {
    let (x0, x1, top, bottom) = pixel_box(b);
    if x1 <= x0 || bottom <= top || size < 8.0 {
        return None;
    }
    // The last letter: the last run of inked columns of the box.
    let mut last: Option<(usize, usize)> = None;
    let mut open = false;
    for x in x0..x1 {
        if image.ink_top(x, top, bottom).is_some() {
            match (open, last.as_mut()) {
                (true, Some(l)) => l.1 = x + 1,
                _ => last = Some((x, x + 1)),
            }
            open = true;
        } else {
            open = false;
        }
    }
    let (l0, l1) = last?;
    if l0 <= x0 || (l1 - l0) as f32 > 0.9 * size {
        return None;
    }
    let reach = (BAND * size) as usize;
    let near = ((0.03 * size) as usize).max(1);
    let band = top.saturating_sub(reach)..top.saturating_sub(near);
    let above = top.saturating_sub(reach + (0.1 * size) as usize)..band.start;
    let ruling = |y: usize| {
        let n = (x0..x1).filter(|&x| image.is_ink(x, y)).count();
        n as f32 >= RULING_SHARE * (x1 - x0) as f32
    };
    let ink_in = |rows: std::ops::Range<usize>, c0: usize, c1: usize| -> Vec<(usize, usize)> {
        rows.filter(|&y| !ruling(y))
            .flat_map(|y| {
                (c0..c1)
                    .filter(move |&x| image.is_ink(x, y))
                    .map(move |x| (x, y))
            })
            .collect()
    };
    let pad = (0.1 * size) as usize;
    let mark = ink_in(band.clone(), l0.saturating_sub(pad), l1 + pad);
    if (mark.len() as f32) < MIN_INK * size * size {
        return None;
    }
    // Nothing over the other letters, nothing just right of the letter,
    // nothing running on above the band.
    let others = ink_in(band.clone(), x0, l0.saturating_sub(pad));
    let right = ink_in(band, l1 + pad, l1 + pad + (0.3 * size) as usize);
    let higher = ink_in(above, l0.saturating_sub(pad), l1 + pad);
    if !others.is_empty() || !right.is_empty() || !higher.is_empty() {
        return None;
    }
    // Acute when the mark's top lies right of its foot.
    let y_top = mark.iter().map(|p| p.1).min()?;
    let y_foot = mark.iter().map(|p| p.1).max()?;
    let mean_x = |y: usize| {
        let xs: Vec<usize> = mark.iter().filter(|p| p.1 == y).map(|p| p.0).collect();
        xs.iter().sum::<usize>() as f32 / xs.len().max(1) as f32
    };
    Some(mean_x(y_top) > mean_x(y_foot) + 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page 200 px wide and 80 high, white, with ink in the rectangles
    /// `rects` (x0, y0, x1, y1).
    fn page(rects: &[(usize, usize, usize, usize)]) -> Gray {
        let (w, h) = (200, 80);
        let mut pixels = vec![255u8; w * h];
        for &(x0, y0, x1, y1) in rects {
            for y in y0..y1 {
                for x in x0..x1 {
                    pixels[y * w + x] = 0;
                }
            }
        }
        Gray {
            width: w,
            height: h,
            pixels,
        }
    }

    fn piece(text: &str, b: [f32; 4]) -> Piece {
        Piece {
            text: text.into(),
            b,
            conf: 95.0,
        }
    }

    /// Three capitals 28 px high (font size 40) on the baseline at row 60,
    /// from column 20, each 16 px wide with 6 px between.
    const LETTERS: [(usize, usize, usize, usize); 3] =
        [(20, 32, 36, 60), (42, 32, 58, 60), (64, 32, 80, 60)];

    /// A grave accent: a stroke falling from left to right above the
    /// last letter.
    fn grave() -> Vec<(usize, usize, usize, usize)> {
        (0..8).map(|i| (68 + i, 20 + i, 71 + i, 22 + i)).collect()
    }

    fn word(text: &str) -> Piece {
        piece(text, [20.0, 32.0, 80.0, 60.0])
    }

    #[test]
    fn a_grave_accent_over_a_last_capital_is_put_back() {
        let mut rects = LETTERS.to_vec();
        rects.extend(grave());
        let got = restore(vec![word("CITTA")], 40.0, &page(&rects));
        assert_eq!(got[0].text, "CITTÀ");
        let got = restore(vec![word("PIU,")], 40.0, &page(&rects));
        assert_eq!(got[0].text, "PIÙ,");
    }

    #[test]
    fn an_accent_under_a_ruling_is_seen_and_the_ruling_is_not_one() {
        // A box's top rule two rows above the letters, across the word:
        // alone it is no accent; with the accent touching it, the accent
        // is still seen.
        let rule = (10, 28, 190, 30);
        let got = restore(
            vec![word("PROVINCIA")],
            40.0,
            &page(&[LETTERS[0], LETTERS[1], LETTERS[2], rule]),
        );
        assert_eq!(got[0].text, "PROVINCIA");
        let mut rects = vec![LETTERS[0], LETTERS[1], LETTERS[2], rule];
        rects.extend((0..8).map(|i| (68 + i, 21 + i, 71 + i, 23 + i)));
        let got = restore(vec![word("ATTIVITA")], 40.0, &page(&rects));
        assert_eq!(got[0].text, "ATTIVITÀ");
    }

    #[test]
    fn an_acute_accent_is_told_on_an_e() {
        let mut rects = LETTERS.to_vec();
        rects.extend((0..8).map(|i| (75 - i, 20 + i, 78 - i, 22 + i)));
        let got = restore(vec![word("PERCHE")], 40.0, &page(&rects));
        assert_eq!(got[0].text, "PERCHÉ");
    }

    #[test]
    fn ink_over_other_letters_or_running_up_is_no_accent() {
        // A descender of the line above over the first letter too.
        let mut rects = LETTERS.to_vec();
        rects.extend(grave());
        rects.push((24, 18, 30, 26));
        let got = restore(vec![word("DELLA")], 40.0, &page(&rects));
        assert_eq!(got[0].text, "DELLA");
        // A stroke coming down from the line above onto the last letter.
        let mut rects = LETTERS.to_vec();
        rects.push((68, 2, 72, 28));
        let got = restore(vec![word("DELLA")], 40.0, &page(&rects));
        assert_eq!(got[0].text, "DELLA");
    }

    #[test]
    fn lower_case_words_and_clean_capitals_are_left_alone() {
        let mut rects = LETTERS.to_vec();
        rects.extend(grave());
        let g = page(&rects);
        assert_eq!(restore(vec![word("citta")], 40.0, &g)[0].text, "citta");
        assert_eq!(
            restore(vec![word("VIA")], 40.0, &page(&LETTERS))[0].text,
            "VIA"
        );
        assert_eq!(restore(vec![word("CASTEL")], 40.0, &g)[0].text, "CASTEL");
    }
}

//! The geometry the readers work on: words as sanitised boxes, and a few
//! helpers on intervals and rectangles.
//!
//! A page may come from a hostile file: coordinates can be NaN, infinite or
//! absurdly large, sizes zero or negative. Everything the readers see passes
//! through [`word_boxes`], which drops what cannot be placed and clamps the
//! rest, so that the algorithms after it can compare and sort without a
//! second thought.

use crate::settings::Settings;
use atti_page::Page;

/// Coordinates beyond this (points, in either direction) are not a page.
pub(crate) const MAX_COORD: f32 = 1.0e5;
/// Font sizes are clamped into this range (points).
const MIN_SIZE: f32 = 1.0;
const MAX_SIZE: f32 = 500.0;
/// Share of the font size above the baseline that a word's box covers...
const ASCENT: f32 = 0.8;
/// ...and below it.
const DESCENT: f32 = 0.2;

/// A word as the readers see it: its box and where it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WordBox {
    /// Index in `page.words`.
    pub idx: usize,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
    /// Baseline.
    pub base: f32,
    pub size: f32,
    /// Some character of the word is a letter.
    pub letters: bool,
    /// Some character of the word is a digit.
    pub digits: bool,
}

impl WordBox {
    pub fn cx(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
    pub fn cy(&self) -> f32 {
        (self.top + self.bottom) / 2.0
    }
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }
}

/// A finite coordinate within the bounds of any page.
pub(crate) fn sane(v: f32) -> bool {
    v.is_finite() && v.abs() <= MAX_COORD
}

/// The page's words that can be placed, as boxes, in page order: at most
/// `settings.max_words`, only those whose centre lies in `settings.area`
/// when it is given, never blank ones.
pub(crate) fn word_boxes(page: &Page, settings: &Settings) -> Vec<WordBox> {
    let mut out = Vec::new();
    for (idx, w) in page.words.iter().enumerate() {
        if out.len() >= settings.max_words {
            break;
        }
        if w.text.trim().is_empty() || !sane(w.x) || !sane(w.y) || !sane(w.width) {
            continue;
        }
        let size = if w.size.is_finite() {
            w.size.clamp(MIN_SIZE, MAX_SIZE)
        } else {
            continue;
        };
        let (x0, x1) = if w.width >= 0.0 {
            (w.x, w.x + w.width)
        } else {
            (w.x + w.width, w.x)
        };
        let b = WordBox {
            idx,
            x0,
            x1,
            top: w.y - ASCENT * size,
            bottom: w.y + DESCENT * size,
            base: w.y,
            size,
            letters: w.text.chars().any(char::is_alphabetic),
            digits: w.text.chars().any(|c| c.is_ascii_digit()),
        };
        if let Some(a) = settings.area {
            if !contains(a, b.cx(), b.cy()) {
                continue;
            }
        }
        out.push(b);
    }
    out
}

/// Whether words read as values that are set whole (numbers, signs, a
/// single code such as `C1` or `12a`), not as text that may wrap: the box
/// form of [`crate::piece::may_wrap`].
pub(crate) fn reads_as_values<'a>(words: impl IntoIterator<Item = &'a WordBox>) -> bool {
    let words: Vec<&WordBox> = words.into_iter().collect();
    let letters = words.iter().any(|w| w.letters);
    let code = matches!(words.as_slice(), [w] if w.digits);
    !letters || code
}

/// Whether the point lies in the rectangle `[x0, y0, x1, y1]`.
pub(crate) fn contains(r: [f32; 4], x: f32, y: f32) -> bool {
    x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3]
}

/// The length of the overlap of two intervals (0 when apart).
pub(crate) fn overlap(a0: f32, a1: f32, b0: f32, b1: f32) -> f32 {
    (a1.min(b1) - a0.max(b0)).max(0.0)
}

/// The median of some values (0 when there are none).
pub(crate) fn median(mut v: Vec<f32>) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::*;
    use atti_page::Word;

    fn word(text: &str, x: f32, y: f32, width: f32, size: f32) -> Word {
        Word {
            text: text.into(),
            x,
            y,
            width,
            size,
            line: 0,
            start: 0,
        }
    }

    #[test]
    fn hostile_words_are_dropped_or_clamped() {
        let page = Page {
            words: vec![
                word("a", f32::NAN, 10.0, 5.0, 10.0),
                word("b", 10.0, f32::INFINITY, 5.0, 10.0),
                word("c", 10.0, 10.0, 5.0, f32::NAN),
                word("d", 10.0, 10.0, 5.0, 0.0),
                word("  ", 10.0, 10.0, 5.0, 10.0),
                word("e", 1.0e9, 10.0, 5.0, 10.0),
                word("f", 20.0, 30.0, -4.0, 10.0),
            ],
            ..Page::default()
        };
        let b = word_boxes(&page, &Settings::default());
        let idx: Vec<usize> = b.iter().map(|b| b.idx).collect();
        assert_eq!(idx, vec![3, 6]);
        assert_eq!(b[0].size, MIN_SIZE);
        assert_eq!((b[1].x0, b[1].x1), (16.0, 20.0));
        assert!((b[1].top - 22.0).abs() < 1e-4 && (b[1].bottom - 32.0).abs() < 1e-4);
    }

    #[test]
    fn area_keeps_words_by_centre() {
        let page = Page {
            words: vec![
                word("in", 10.0, 20.0, 10.0, 10.0),
                word("out", 10.0, 80.0, 10.0, 10.0),
            ],
            ..Page::default()
        };
        let s = Settings {
            area: Some([0.0, 0.0, 100.0, 50.0]),
            ..Settings::default()
        };
        let b = word_boxes(&page, &s);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].idx, 0);
    }
}

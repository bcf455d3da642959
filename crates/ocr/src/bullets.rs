//! A list's bullet read as an asterisk, put back from the ink. Acts set
//! their lists with a round bullet (`•`, a word processor's default list
//! mark) and tesseract, which has no bullet among its Italian letters,
//! reads the disc as `*`. The two are told apart by the ink, not guessed:
//! a bullet is a filled disc, its ink covering some three quarters of its
//! own box (π/4) with its width about its height, where an asterisk is
//! spokes of a stroke's width, covering under half of its box. A `*`
//! whose ink is a full, round blot is the bullet, whether it stands alone
//! as a word or closes one (a list set inline, `salute:• Legge`, which
//! tesseract reads as `salute:*`): its ink is then the last run of inked
//! columns of the word's box.

use crate::raster::{pixel_box, strokes, Gray};
use crate::rows::Piece;

/// The bullet put back.
pub const BULLET: &str = "•";

/// The least share of its own box a bullet's ink covers (a disc π/4,
/// 0.785; a square bullet 1; an asterisk's spokes under a half).
pub const FILL: f32 = 0.6;

/// How far a bullet's width may be from its height, as a ratio either
/// way (a disc is as wide as it is high; an asterisk too, so the fill
/// decides).
pub const ROUND: f32 = 1.5;

/// The words of one row with every `*` that is a bullet's ink made `•`:
/// a word `*`, or the `*` closing a word.
pub fn restore(mut words: Vec<Piece>, image: &Gray) -> Vec<Piece> {
    for w in &mut words {
        let Some(head) = w.text.strip_suffix('*') else {
            continue;
        };
        if last_run(image, w.b).is_some_and(|b| is_bullet(image, b)) {
            w.text = format!("{head}{BULLET}");
        }
    }
    words
}

/// The box of the last run of inked columns in box `b`: the word's last
/// mark, when it stands apart from the letters before it.
fn last_run(image: &Gray, b: [f32; 4]) -> Option<[f32; 4]> {
    let &(left, right, _) = strokes(image, b).last()?;
    Some([left as f32, b[1], right as f32, b[3]])
}

/// Whether the ink in box `b` is one full, round blot: the box's ink
/// trimmed to its own bounds covers at least [`FILL`] of them, its width
/// and height within [`ROUND`] of each other, at least 3 pixels each way
/// (a speck says nothing).
fn is_bullet(image: &Gray, b: [f32; 4]) -> bool {
    let (x0, x1, y0, y1) = pixel_box(b);
    let inked: Vec<(usize, usize)> = (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .filter(|&(x, y)| image.is_ink(x, y))
        .collect();
    let (Some(left), Some(right)) = (
        inked.iter().map(|p| p.0).min(),
        inked.iter().map(|p| p.0).max(),
    ) else {
        return false;
    };
    let top = inked.iter().map(|p| p.1).min().unwrap_or(0);
    let bottom = inked.iter().map(|p| p.1).max().unwrap_or(0);
    let (w, h) = ((right - left + 1) as f32, (bottom - top + 1) as f32);
    w >= 3.0 && h >= 3.0 && w <= h * ROUND && h <= w * ROUND && inked.len() as f32 >= FILL * w * h
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A white image 40 by 24 with ink where `ink(x, y)` says, over the
    /// box 10..30 by 2..22.
    fn drawn(ink: impl Fn(f32, f32) -> bool) -> Gray {
        let (w, h) = (40, 24);
        let mut pixels = vec![255u8; w * h];
        for y in 2..22 {
            for x in 10..30 {
                if ink(x as f32 - 19.5, y as f32 - 11.5) {
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

    fn star(text: &str) -> Vec<Piece> {
        vec![Piece {
            text: text.into(),
            b: [9.0, 1.0, 31.0, 23.0],
            conf: 60.0,
        }]
    }

    #[test]
    fn a_disc_read_as_an_asterisk_is_a_bullet() {
        let disc = drawn(|x, y| x * x + y * y <= 64.0);
        assert_eq!(restore(star("*"), &disc)[0].text, "•");
        // A word that does not end in the asterisk is left as read.
        assert_eq!(restore(star("*)"), &disc)[0].text, "*)");
    }

    #[test]
    fn a_bullet_closing_a_word_is_put_back() {
        // `salute:•` read as `salute:*`: a colon's two dots, then the disc
        // apart from them.
        let mut g = drawn(|x, y| x * x + y * y <= 64.0);
        for y in [6, 7, 16, 17] {
            for x in 2..4 {
                g.pixels[y * g.width + x] = 0;
            }
        }
        let word = vec![Piece {
            text: "salute:*".into(),
            b: [0.0, 1.0, 31.0, 23.0],
            conf: 70.0,
        }];
        assert_eq!(restore(word, &g)[0].text, "salute:•");
    }

    #[test]
    fn an_asterisk_printed_stays() {
        // Three spokes two pixels wide through the middle, 16 long: an
        // asterisk as a 10-pt face prints it at 300 dpi.
        let asterisk = drawn(|x, y| {
            let inside = x * x + y * y <= 64.0;
            let upright = x.abs() <= 1.0;
            let rising = (y - 0.58 * x).abs() <= 1.2;
            let falling = (y + 0.58 * x).abs() <= 1.2;
            inside && (upright || rising || falling)
        });
        assert_eq!(restore(star("*"), &asterisk)[0].text, "*");
        // A bar, full but long, is no bullet either.
        let bar = drawn(|x, y| x.abs() <= 8.0 && y.abs() <= 1.5);
        assert_eq!(restore(star("*"), &bar)[0].text, "*");
        // Nothing inked: as read.
        let blank = drawn(|_, _| false);
        assert_eq!(restore(star("*"), &blank)[0].text, "*");
    }
}

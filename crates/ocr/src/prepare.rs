//! The page image made ready for tesseract, one stage for every input (a
//! rendered PDF page, a TIFF, JPEG or PNG decoded by [`crate::images`]),
//! each step skipped when the page does not need it, so a clean render
//! reaches tesseract as pdftoppm made it: the specks of a photocopy or a
//! fax (toner, dust, a dirty glass) taken away ([`despeckle`]), the page
//! turned upright (tesseract's orientation pass, in `lib.rs`), then
//! levelled when it was scanned askew ([`level`], [`crate::skew`]).
//!
//! tesseract reads a speck as a mark of its own (a stray `.`, `‘` or `'`
//! between words and lines) or as part of the letter it touches (`38/04`
//! for `28/04`, a `.` closing a heading), and a number or a date with a
//! mark inside is no longer one. A speck is told from the small marks of
//! print by where it lies, not only by its size: a full stop, a comma, the
//! dot of an `i`, an accent, an apostrophe stand within a hair of the
//! letter they belong to (a tenth of an em at most: 4 px at 300 dpi for
//! 10-pt type), and a speck lies on the paper away from any ink. An ink
//! blot at most [`SPECK_SIDE`] of an inch across (5 px at 300 dpi; a full
//! stop of 10-pt type is 4) with no other ink within [`SPECK_CLEAR`] of an
//! inch of its box (12 px at 300 dpi) is a speck. A page is cleaned only
//! when it has at least [`MIN_SPECKS`] of these (on 12 clean renders of
//! the corpus's acts at 300 dpi: 0 to 9 such blots, dotted leaders and
//! stops set apart; on a photocopy of one, some 700), so a clean page
//! reaches tesseract as it was rendered. On a page so speckled, a blot as
//! small inside the lines of text, between words or letters, is a speck
//! too when it is neither beside a letter (no ink within [`SPECK_NEAR`]
//! of an inch of its box, 4 px at 300 dpi: a stop, a comma, an apostrophe,
//! a colon stand closer to their word) nor over or under one within
//! [`SPECK_CLEAR`] in its own columns (the dot of an `i`, an accent, a
//! colon's other dot). The specks are painted over with the paper's grey.

use crate::raster::{Gray, INK};

/// The largest speck, in inches across (1/60: 5 px at 300 dpi).
pub const SPECK_SIDE: f32 = 1.0 / 60.0;
/// The blank round a speck, in inches (1/25: 12 px at 300 dpi; a stop or
/// an accent stands 1 to 4 px from its letter, the dot of an `i` in a
/// 14-pt heading 8 px above its stem).
pub const SPECK_CLEAR: f32 = 1.0 / 25.0;

/// The reach of a small mark of print from its letter, in inches across
/// (1/75: 4 px at 300 dpi, a tenth of an em of 10-pt type): a stop, a
/// comma, an apostrophe stand this close to the letter beside them.
pub const SPECK_NEAR: f32 = 1.0 / 75.0;

/// Fewer specks than this on a page are print (a dotted leader, a stop
/// set apart), left alone: a clean page has none to a dozen, a photocopy
/// hundreds.
pub const MIN_SPECKS: usize = 40;

/// Paints over the specks of `g`, read at `dpi`, when it has at least
/// [`MIN_SPECKS`]; returns how many.
pub fn despeckle(g: &mut Gray, dpi: u32) -> usize {
    let (w, h) = (g.width, g.height);
    let side = ((SPECK_SIDE * dpi as f32).round() as usize).max(1);
    let clear = ((SPECK_CLEAR * dpi as f32).round() as usize).max(1);
    let near = ((SPECK_NEAR * dpi as f32).round() as usize).max(1);
    let paper = paper(g);
    // 0: not looked at yet; otherwise the blot's number.
    let mut label = vec![0u32; w * h];
    let mut next = 0u32;
    let mut stack: Vec<usize> = Vec::new();
    let mut blot: Vec<usize> = Vec::new();
    let mut specks: Vec<(u32, [usize; 4])> = Vec::new();
    // Specks within the lines of text, taken away only from a page whose
    // paper is speckled.
    let mut inline: Vec<(u32, [usize; 4])> = Vec::new();
    for start in 0..w * h {
        if g.pixels[start] >= INK || label[start] != 0 {
            continue;
        }
        next += 1;
        label[start] = next;
        stack.push(start);
        blot.clear();
        let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
        let mut big = false;
        while let Some(p) = stack.pop() {
            let (x, y) = (p % w, p / w);
            if !big {
                blot.push(p);
                (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
                big = x1 - x0 >= side || y1 - y0 >= side;
            }
            for (dx, dy) in [
                (-1i64, 0i64),
                (1, 0),
                (0, -1),
                (0, 1),
                (-1, -1),
                (1, -1),
                (-1, 1),
                (1, 1),
            ] {
                let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                if nx < 0 || ny < 0 || nx >= w as i64 || ny >= h as i64 {
                    continue;
                }
                let q = ny as usize * w + nx as usize;
                if g.pixels[q] < INK && label[q] == 0 {
                    label[q] = next;
                    stack.push(q);
                }
            }
        }
        if big {
            continue;
        }
        // Any other ink near its box? (Pixels not yet labelled are ink of
        // another blot too: compare the grey, not the label.)
        let (ax, ay) = (x0.saturating_sub(clear), y0.saturating_sub(clear));
        let (bx, by) = ((x1 + clear).min(w - 1), (y1 + clear).min(h - 1));
        let alone = (ay..=by).all(|y| {
            (ax..=bx).all(|x| {
                let q = y * w + x;
                g.pixels[q] >= INK || label[q] == next
            })
        });
        if alone {
            specks.push((next, [x0, y0, x1, y1]));
            continue;
        }
        // Within a line: print only where a mark of print stands.
        let other = |x: usize, y: usize| {
            let q = y * w + x;
            g.pixels[q] < INK && label[q] != next
        };
        // Beside or touching a letter (a stop, a comma, an apostrophe, a
        // colon's dot after its word)...
        let (nx, ny) = (x0.saturating_sub(near), y0.saturating_sub(near));
        let (mx, my) = ((x1 + near).min(w - 1), (y1 + near).min(h - 1));
        let beside = (ny..=my).any(|y| (nx..=mx).any(|x| other(x, y)));
        // ...or over or under one, in its own columns (the dot of an `i`,
        // an accent, a colon's other dot).
        let (uy, dy) = (y0.saturating_sub(clear), (y1 + clear).min(h - 1));
        let stacked = (uy..=dy).any(|y| (x0..=x1).any(|x| other(x, y)));
        if !beside && !stacked {
            inline.push((next, [x0, y0, x1, y1]));
        }
    }
    if specks.len() < MIN_SPECKS {
        return 0;
    }
    specks.extend(inline);
    for (blot, [x0, y0, x1, y1]) in &specks {
        // The blot and the grey fringe round it.
        for y in y0.saturating_sub(1)..=(y1 + 1).min(h - 1) {
            for x in x0.saturating_sub(1)..=(x1 + 1).min(w - 1) {
                let q = y * w + x;
                if label[q] == *blot || g.pixels[q] < paper {
                    g.pixels[q] = paper;
                }
            }
        }
    }
    specks.len()
}

/// Turns `g` level when it lies askew (see [`crate::skew`]), the corners
/// brought in filled with the paper's grey; returns the degrees it was
/// turned by (0: left as it was).
pub fn level(g: &mut Gray) -> f32 {
    let paper = paper(g);
    crate::skew::level(g, paper)
}

/// The paper's grey: the commonest grey lighter than ink.
fn paper(g: &Gray) -> u8 {
    let mut count = [0usize; 256];
    for &p in &g.pixels {
        count[p as usize] += 1;
    }
    (INK..=255)
        .max_by_key(|&v| count[v as usize])
        .unwrap_or(255)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page `w` × `h` of grey `paper` with black boxes `[x0, y0, x1, y1)`.
    fn page(w: usize, h: usize, paper: u8, boxes: &[[usize; 4]]) -> Gray {
        let mut pixels = vec![paper; w * h];
        for b in boxes {
            for y in b[1]..b[3] {
                for x in b[0]..b[2] {
                    pixels[y * w + x] = 10;
                }
            }
        }
        Gray {
            width: w,
            height: h,
            pixels,
        }
    }

    #[test]
    fn the_specks_of_a_photocopy_go_and_the_small_marks_of_print_stay() {
        // 300 dpi, 10-pt type: a letter 20 x 30 px, its full stop 4 x 4 px
        // 2 px to its right on the baseline, the dot of an `i` 4 px above
        // its stem, a blot too big to be a speck; on a photocopy's grey
        // paper 50 specks of 3 x 3 px in the margin below, one between
        // two lines, one between two words of a line.
        let mut print = vec![
            [10, 40, 30, 70],    // a letter
            [32, 66, 36, 70],    // its full stop
            [60, 48, 66, 70],    // the stem of an `i`
            [60, 40, 66, 44],    // its dot, 4 px above
            [120, 20, 180, 100], // a blot
            [100, 90, 103, 93],  // a speck between lines
            [45, 55, 48, 58],    // a speck between two words of a line
        ];
        let specks: Vec<[usize; 4]> = (0..50)
            .map(|i| {
                let (x, y) = (10 + (i % 10) * 18, 130 + (i / 10) * 18);
                [x, y, x + 3, y + 3]
            })
            .collect();
        print.extend(specks.iter().copied());
        let mut g = page(200, 230, 200, &print);
        assert_eq!(despeckle(&mut g, 300), 52);
        assert!(!g.is_ink(46, 56));
        assert!(specks.iter().all(|b| !g.is_ink(b[0] + 1, b[1] + 1)));
        assert!(!g.is_ink(101, 91));
        assert_eq!(g.pixels[91 * 200 + 101], 200);
        assert!(g.is_ink(33, 67));
        assert!(g.is_ink(62, 41));
        assert!(g.is_ink(150, 50));
        // A page with a few such blots (a dotted leader, a stop set apart)
        // is clean print: it loses nothing, not even the blot in a line.
        let mut clean = page(200, 230, 255, &print[..7]);
        let mut few = print[..7].to_vec();
        few.extend(specks[..5].iter().copied());
        let mut leader = page(200, 230, 255, &few);
        let before = leader.pixels.clone();
        assert_eq!(despeckle(&mut leader, 300), 0);
        assert_eq!(leader.pixels, before);
        let before = clean.pixels.clone();
        assert_eq!(despeckle(&mut clean, 300), 0);
        assert_eq!(clean.pixels, before);
    }
}

//! A page laid askew on the scanner's glass, turned level before tesseract
//! reads it.
//!
//! tesseract finds the lines of a page a degree or two askew, but reads
//! them worse: a long line breaks into pieces at different heights, and a
//! date in the margin beside the subject ends up on the subject's line.
//! The skew is found by the projection profile of the ink: the dark
//! pixels are counted row by row along lines of each small slope (every
//! [`STEP`] of a degree up to [`MAX_SKEW`] either way, then to a
//! twenty-fifth of a degree round the best), and the slope along which the count is
//! most uneven (the sum of the squared row counts: ink falls in the lines
//! of text and none between them) is the page's. A page is turned back
//! only when its skew is at least [`MIN_SKEW`] (a clean render of a text
//! PDF measures 0, and under a third of a degree tesseract reads a page as
//! well as level, while the turn blurs its letters a little) and the best
//! slope stands out over the level one by [`MIN_GAIN`] (a page of drawings
//! or a page still sideways has no lines to go by).

use crate::raster::{Gray, INK};

/// The largest skew looked for, in degrees either way.
pub const MAX_SKEW: f32 = 5.0;
/// The coarse step of the search, in degrees (a line 2,500 px long turned
/// by a tenth of it moves 4 px at its end: the best slope still stands
/// out), refined round the best to a fifth of it.
pub const STEP: f32 = 0.2;
/// The least skew turned back, in degrees.
pub const MIN_SKEW: f32 = 0.3;
/// How much more uneven the best slope's profile must be than the level
/// one's (on scans of the corpus's acts at 300 dpi: 1.15 to 1.26 for a
/// third to three fifths of a degree, 1.45 to 2.3 for 1.7 to 2.3
/// degrees; a clean render: 1, its best slope level).
pub const MIN_GAIN: f32 = 1.05;

/// The skew of `g` in degrees (positive: its lines run down to the right)
/// and how much more uneven its profile is along it than level.
pub fn measure(g: &Gray) -> (f32, f32) {
    // Every fourth pixel of every other row is enough to tell a slope.
    let mut ink: Vec<(f32, f32)> = Vec::new();
    for y in (0..g.height).step_by(2) {
        let row = &g.pixels[y * g.width..(y + 1) * g.width];
        for x in (0..g.width).step_by(4) {
            if row[x] < INK {
                ink.push((x as f32, y as f32));
            }
        }
    }
    if ink.len() < 200 {
        return (0.0, 1.0);
    }
    // Bins two rows high, as the rows looked at are two apart (bins of
    // one row would be half empty on the level slope alone, and it would
    // win).
    let mut bins = vec![0u32; g.height / 2 + g.width / 10 + 4];
    let offset = (g.width / 20 + 2) as f32;
    let mut score = |deg: f32| -> f64 {
        let t = deg.to_radians().tan();
        bins.iter_mut().for_each(|b| *b = 0);
        for &(x, y) in &ink {
            let k = ((y - x * t) / 2.0 + offset).round();
            if k >= 0.0 && (k as usize) < bins.len() {
                bins[k as usize] += 1;
            }
        }
        bins.iter().map(|&b| (b as f64) * (b as f64)).sum()
    };
    let level = score(0.0);
    let steps = (MAX_SKEW / STEP).round() as i32;
    let mut best = (0.0f32, level);
    for i in -steps..=steps {
        let deg = i as f32 * STEP;
        let s = score(deg);
        if s > best.1 {
            best = (deg, s);
        }
    }
    let coarse = best.0;
    for i in -5..=5 {
        let deg = coarse + i as f32 * STEP / 5.0;
        let s = score(deg);
        if s > best.1 {
            best = (deg, s);
        }
    }
    (best.0, (best.1 / level.max(1.0)) as f32)
}

/// Turns `g` level when it is askew (see the module's note); returns the
/// degrees it was turned by (0: left as it was).
pub fn level(g: &mut Gray, paper: u8) -> f32 {
    let (deg, gain) = measure(g);
    if deg.abs() < MIN_SKEW || gain < MIN_GAIN {
        return 0.0;
    }
    *g = rotated(g, deg, paper);
    deg
}

/// `g` turned by `deg` degrees against its skew (a line running down to
/// the right by `deg` comes out level), about its centre, the same size,
/// the corners brought in filled with `paper`; grey by bilinear
/// interpolation.
pub fn rotated(g: &Gray, deg: f32, paper: u8) -> Gray {
    let (w, h) = (g.width, g.height);
    let (sin, cos) = deg.to_radians().sin_cos();
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    let mut pixels = vec![paper; w * h];
    let at = |x: i64, y: i64| -> f32 {
        if x < 0 || y < 0 || x >= w as i64 || y >= h as i64 {
            paper as f32
        } else {
            g.pixels[y as usize * w + x as usize] as f32
        }
    };
    for y in 0..h {
        let dy = y as f32 - cy;
        for x in 0..w {
            let dx = x as f32 - cx;
            let sx = cx + dx * cos - dy * sin;
            let sy = cy + dx * sin + dy * cos;
            let (x0, y0) = (sx.floor(), sy.floor());
            let (fx, fy) = (sx - x0, sy - y0);
            let (x0, y0) = (x0 as i64, y0 as i64);
            let top = at(x0, y0) * (1.0 - fx) + at(x0 + 1, y0) * fx;
            let bottom = at(x0, y0 + 1) * (1.0 - fx) + at(x0 + 1, y0 + 1) * fx;
            pixels[y * w + x] = (top * (1.0 - fy) + bottom * fy).round() as u8;
        }
    }
    Gray {
        width: w,
        height: h,
        pixels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page 1200 × 900 of ten lines of "words" (ink blocks 60 px long
    /// and 30 px high, the lines 70 px apart), each line running down to
    /// the right by `deg`.
    fn page(deg: f32) -> Gray {
        let (w, h) = (1200usize, 900usize);
        let mut g = Gray {
            width: w,
            height: h,
            pixels: vec![255; w * h],
        };
        let t = deg.to_radians().tan();
        for line in 0..10 {
            let top = 100.0 + line as f32 * 70.0;
            for x in 100..1100 {
                // Words 60 px long, 15 px apart.
                if x % 75 >= 60 {
                    continue;
                }
                let y0 = (top + x as f32 * t) as usize;
                for y in y0..y0 + 30 {
                    g.pixels[y * w + x] = 0;
                }
            }
        }
        g
    }

    /// The rows of `g` with ink between columns 100 and 1100, as runs.
    fn ink_rows(g: &Gray) -> Vec<(usize, usize)> {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for y in 0..g.height {
            let inked = (100..1100).any(|x| g.pixels[y * g.width + x] < INK);
            match runs.last_mut() {
                Some(r) if inked && r.1 == y => r.1 = y + 1,
                _ if inked => runs.push((y, y + 1)),
                _ => {}
            }
        }
        runs
    }

    #[test]
    fn a_page_two_degrees_askew_comes_out_level() {
        for deg in [2.0f32, -2.0, 1.3] {
            let mut g = page(deg);
            let (found, gain) = measure(&g);
            assert!((found - deg).abs() <= 0.05, "{deg}: found {found}");
            assert!(gain > 1.2, "{deg}: gain {gain}");
            let turned = level(&mut g, 255);
            assert!((turned - deg).abs() <= 0.05);
            // Ten lines of ink again, each about 30 px high.
            let runs = ink_rows(&g);
            assert_eq!(runs.len(), 10, "{deg}: {runs:?}");
            assert!(runs.iter().all(|r| r.1 - r.0 <= 34), "{deg}: {runs:?}");
        }
    }

    #[test]
    fn a_level_page_and_a_slight_skew_are_left_as_they_are() {
        for deg in [0.0f32, 0.15] {
            let mut g = page(deg);
            let before = g.pixels.clone();
            assert_eq!(level(&mut g, 255), 0.0);
            assert_eq!(g.pixels, before);
        }
        // Turned a quarter (the lines run down the page): no lines to go by.
        let g = page(0.0);
        let (w, h) = (g.width, g.height);
        let mut side = Gray {
            width: h,
            height: w,
            pixels: vec![255; w * h],
        };
        for y in 0..h {
            for x in 0..w {
                side.pixels[x * h + (h - 1 - y)] = g.pixels[y * w + x];
            }
        }
        let before = side.pixels.clone();
        assert_eq!(level(&mut side, 255), 0.0);
        assert_eq!(side.pixels, before);
    }
}

//! Rendering one PDF page to a grey image with `pdftoppm` (poppler-utils),
//! at the resolution of [`Settings::dpi`]; the page's `/Rotate` is applied
//! by poppler, so the image is the page as a viewer shows it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{run, Error, Result, Settings};

/// Renders page `number` of `pdf` into `dir`; returns the image's path.
pub fn render(
    pdftoppm: &Path,
    pdf: &Path,
    number: u32,
    s: &Settings,
    dir: &Path,
) -> Result<PathBuf> {
    let prefix = dir.join(format!("page-{number}"));
    let n = number.to_string();
    run::output(
        Command::new(pdftoppm)
            .args(["-gray", "-singlefile", "-r"])
            .arg(s.dpi.to_string())
            .args(["-f", &n, "-l", &n])
            .arg(pdf)
            .arg(&prefix),
        s.page_timeout,
        "pdftoppm",
    )?;
    let image = prefix.with_extension("pgm");
    if !image.is_file() {
        return Err(Error::Failed {
            program: "pdftoppm".into(),
            message: format!("nessuna immagine scritta per la pagina {number}"),
        });
    }
    Ok(image)
}

/// A grey page image in memory, to look at the ink between a word's
/// letters where tesseract's boxes do not say enough.
#[derive(Debug, Clone)]
pub struct Gray {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

/// Pixels darker than this are ink.
pub const INK: u8 = 128;

/// For the tests: an image `w` px wide and 24 high with ink where
/// `strokes` say: (first column, column after the last, topmost row), each
/// down to the baseline at row 23.
#[cfg(test)]
pub(crate) fn inked(w: usize, strokes: &[(usize, usize, usize)]) -> Gray {
    let mut pixels = vec![255u8; w * 24];
    for &(x0, x1, top) in strokes {
        for y in top..24 {
            for x in x0..x1 {
                pixels[y * w + x] = 0;
            }
        }
    }
    Gray {
        width: w,
        height: 24,
        pixels,
    }
}

impl Gray {
    /// Reads an 8-bit binary PGM.
    pub fn load(image: &Path) -> Result<Gray> {
        let bytes =
            std::fs::read(image).map_err(|e| Error::Io(format!("{}: {e}", image.display())))?;
        let (width, height, data) = parse_pgm(&bytes).ok_or_else(|| Error::Failed {
            program: "pdftoppm".into(),
            message: "the page image is not an 8-bit PGM".into(),
        })?;
        Ok(Gray {
            width,
            height,
            pixels: data.to_vec(),
        })
    }

    /// Writes the image as an 8-bit binary PGM.
    pub fn save(&self, image: &Path) -> Result<()> {
        let mut file = format!("P5\n{} {}\n255\n", self.width, self.height).into_bytes();
        file.extend_from_slice(&self.pixels);
        std::fs::write(image, file).map_err(|e| Error::Io(format!("{}: {e}", image.display())))
    }

    /// The image turned clockwise by `turn` degrees (90, 180, 270).
    pub fn turned(&self, turn: u32) -> Gray {
        let (width, height, pixels) = turn_pixels(self.width, self.height, &self.pixels, turn);
        Gray {
            width,
            height,
            pixels,
        }
    }

    /// Whether pixel (`x`, `y`) is ink (a pixel off the image is not).
    pub fn is_ink(&self, x: usize, y: usize) -> bool {
        self.darker(x, y, INK)
    }

    /// Whether pixel (`x`, `y`) is darker than `grey` (a pixel off the
    /// image is not).
    pub fn darker(&self, x: usize, y: usize, grey: u8) -> bool {
        x < self.width && y < self.height && self.pixels[y * self.width + x] < grey
    }

    /// The topmost inked row of column `x` between rows `y0` and `y1`
    /// (excluded), if any.
    pub fn ink_top(&self, x: usize, y0: usize, y1: usize) -> Option<usize> {
        if x >= self.width {
            return None;
        }
        (y0..y1.min(self.height)).find(|&y| self.pixels[y * self.width + x] < INK)
    }
}

/// The strokes of ink in box `b` of `image`, left to right: runs of
/// inked columns, each as (first column, column after the last, topmost
/// inked row).
pub(crate) fn strokes(image: &Gray, b: [f32; 4]) -> Vec<(usize, usize, usize)> {
    let (x0, x1, y0, y1) = pixel_box(b);
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    let mut open = false;
    for x in x0..x1 {
        match image.ink_top(x, y0, y1) {
            Some(top) => {
                if open {
                    if let Some(s) = out.last_mut() {
                        s.1 = x + 1;
                        s.2 = s.2.min(top);
                    }
                } else {
                    out.push((x, x + 1, top));
                }
                open = true;
            }
            None => open = false,
        }
    }
    out
}

/// The pixels of box `b` (`[x0, y0, x1, y1]`, as tesseract gives a
/// word's): its columns `x0..x1` and rows `y0..y1`, outward to whole
/// pixels, none before the image's edge.
pub(crate) fn pixel_box(b: [f32; 4]) -> (usize, usize, usize, usize) {
    (
        b[0].max(0.0) as usize,
        b[2].max(0.0).ceil() as usize,
        b[1].max(0.0) as usize,
        b[3].max(0.0).ceil() as usize,
    )
}

/// The first `n` (at most 3) numbers of a PNM header from `at` (past the
/// magic number), comments skipped, and where the last one ends.
pub(crate) fn pnm_fields(b: &[u8], mut at: usize, n: usize) -> Option<([usize; 3], usize)> {
    let mut v = [0usize; 3];
    for f in v.iter_mut().take(n) {
        loop {
            match b.get(at)? {
                b'#' => {
                    while *b.get(at)? != b'\n' {
                        at += 1;
                    }
                }
                c if c.is_ascii_whitespace() => at += 1,
                _ => break,
            }
        }
        let start = at;
        while b.get(at)?.is_ascii_digit() {
            at += 1;
        }
        *f = std::str::from_utf8(&b[start..at]).ok()?.parse().ok()?;
    }
    Some((v, at))
}

/// Width, height and pixels of an 8-bit binary PGM.
fn parse_pgm(b: &[u8]) -> Option<(usize, usize, &[u8])> {
    if !b.starts_with(b"P5") {
        return None;
    }
    let ([w, h, max], at) = pnm_fields(b, 2, 3)?;
    let data = b.get(at + 1..)?;
    (max == 255 && w.checked_mul(h)? <= data.len()).then(|| (w, h, &data[..w * h]))
}

/// Pixels `w` × `h` turned clockwise by `turn`: the new width, height, pixels.
fn turn_pixels(w: usize, h: usize, p: &[u8], turn: u32) -> (usize, usize, Vec<u8>) {
    match turn {
        180 => (w, h, p.iter().rev().copied().collect()),
        90 | 270 => {
            let mut out = vec![0u8; w * h];
            // New image h wide, w high.
            for y in 0..h {
                for x in 0..w {
                    let (nx, ny) = if turn == 90 {
                        (h - 1 - y, x)
                    } else {
                        (y, w - 1 - x)
                    };
                    out[ny * h + nx] = p[y * w + x];
                }
            }
            (h, w, out)
        }
        _ => (w, h, p.to_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_turn_clockwise() {
        // 3 × 2:  a b c
        //         d e f
        let p = b"abcdef";
        assert_eq!(turn_pixels(3, 2, p, 90), (2, 3, b"daebfc".to_vec()));
        assert_eq!(turn_pixels(3, 2, p, 180), (3, 2, b"fedcba".to_vec()));
        assert_eq!(turn_pixels(3, 2, p, 270), (2, 3, b"cfbead".to_vec()));
        let pgm = b"P5\n# c\n3 2\n255\nabcdef";
        assert_eq!(parse_pgm(pgm), Some((3, 2, &p[..])));
        assert_eq!(parse_pgm(b"P5\n3 2\n255\nabc"), None);
        assert_eq!(parse_pgm(b"P6\n3 2\n255\nabcdef"), None);
    }
}

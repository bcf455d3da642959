//! Image files (TIFF, JPEG, PNG) decoded to grey pages, so that a scan
//! that arrives as an image is prepared as a rendered PDF page is
//! ([`crate::prepare`]: turned upright, levelled, cleaned of specks)
//! before tesseract reads it.
//!
//! atti decodes no image format itself: netpbm's `tifftopnm`, `jpegtopnm`
//! and `pngtopnm` (Debian: netpbm) write the pages as a PNM stream (every
//! page of a multi-page TIFF, one after the other), read here as grey. A
//! machine without them reads image files as before: tesseract takes the
//! file as it is. The resolution is the file's own (a TIFF's
//! `XResolution`, a JPEG's JFIF density, a PNG's `pHYs`); a file that
//! says none is taken as an A4 sheet (the long side 11.69 inches). A page
//! scanned at a different resolution across and down (a fax: 204 × 98
//! dpi) is stretched to square pixels.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::raster::Gray;
use crate::{run, Result, Settings};

/// The kinds of image file, by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Tiff,
    Jpeg,
    Png,
}

impl Kind {
    /// The kind of the file starting with `bytes`.
    pub fn of(bytes: &[u8]) -> Option<Kind> {
        if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
            Some(Kind::Tiff)
        } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
            Some(Kind::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Kind::Png)
        } else {
            None
        }
    }

    /// The netpbm program that decodes it.
    fn decoder(self) -> &'static str {
        match self {
            Kind::Tiff => "tifftopnm",
            Kind::Jpeg => "jpegtopnm",
            Kind::Png => "pngtopnm",
        }
    }
}

/// The decoders found on this machine.
#[derive(Debug, Clone, Default)]
pub struct Decoders {
    found: Vec<(Kind, PathBuf)>,
}

impl Decoders {
    /// The netpbm decoders on the `PATH`.
    pub fn installed() -> Decoders {
        Decoders {
            found: [Kind::Tiff, Kind::Jpeg, Kind::Png]
                .into_iter()
                .filter_map(|k| crate::find(k.decoder()).map(|p| (k, p)))
                .collect(),
        }
    }

    /// The pages of the image file `image` in grey, with their resolution
    /// in dpi; `None` when no decoder of its kind is installed.
    pub fn pages(&self, image: &Path, s: &Settings) -> Result<Option<(Vec<Gray>, u32)>> {
        let bytes = std::fs::read(image)
            .map_err(|e| crate::Error::Io(format!("{}: {e}", image.display())))?;
        let Some(kind) = Kind::of(&bytes) else {
            return Ok(None);
        };
        let Some((_, program)) = self.found.iter().find(|(k, _)| *k == kind) else {
            return Ok(None);
        };
        let out = run::output(
            Command::new(program).arg(image),
            s.page_timeout,
            kind.decoder(),
        )?;
        let mut pages = pnm_pages(&out);
        if pages.is_empty() {
            return Ok(None);
        }
        let dpi = match resolution(&bytes, kind) {
            Some((x, y)) => {
                if (x - y).abs() > x.max(y) * 0.05 {
                    for g in &mut pages {
                        *g = stretched(g, y / x);
                    }
                }
                x.round() as u32
            }
            None => {
                let g = &pages[0];
                (g.width.max(g.height) as f32 / 11.69).round() as u32
            }
        };
        Ok(Some((pages, dpi.clamp(50, 1200))))
    }
}

/// The images of a PNM stream (P4 bits, P5 grey, P6 colour; at most 255
/// levels), in grey, until the first it cannot read.
pub fn pnm_pages(mut b: &[u8]) -> Vec<Gray> {
    let mut pages = Vec::new();
    while let Some((g, rest)) = pnm(b) {
        pages.push(g);
        b = rest;
    }
    pages
}

/// One PNM image and what follows it.
fn pnm(b: &[u8]) -> Option<(Gray, &[u8])> {
    let mut at = b.iter().position(|c| !c.is_ascii_whitespace())?;
    let magic = b.get(at..at + 2)?;
    at += 2;
    let fields = if magic == b"P4" { 2 } else { 3 };
    let (v, end) = crate::raster::pnm_fields(b, at, fields)?;
    at = end;
    let (w, h, max) = (v[0], v[1], v[2]);
    at += 1;
    let data = b.get(at..)?;
    let grey = |v: u8| (v as usize * 255 / max.max(1)) as u8;
    let (pixels, used) = match magic {
        b"P4" => {
            let stride = w.div_ceil(8);
            let d = data.get(..stride * h)?;
            let px = (0..h)
                .flat_map(|y| {
                    (0..w).map(move |x| {
                        if d[y * stride + x / 8] & (0x80 >> (x % 8)) != 0 {
                            0
                        } else {
                            255
                        }
                    })
                })
                .collect();
            (px, stride * h)
        }
        b"P5" if (1..=255).contains(&max) => {
            let d = data.get(..w * h)?;
            (d.iter().map(|&v| grey(v)).collect(), w * h)
        }
        b"P6" if (1..=255).contains(&max) => {
            let d = data.get(..w * h * 3)?;
            let px = d
                .chunks_exact(3)
                .map(|c| {
                    let l =
                        (299 * c[0] as usize + 587 * c[1] as usize + 114 * c[2] as usize) / 1000;
                    grey(l as u8)
                })
                .collect();
            (px, w * h * 3)
        }
        _ => return None,
    };
    Some((
        Gray {
            width: w,
            height: h,
            pixels,
        },
        &data[used..],
    ))
}

/// `g` stretched down the page by `factor` (rows repeated or dropped).
fn stretched(g: &Gray, factor: f32) -> Gray {
    let h = ((g.height as f32 * factor).round() as usize).max(1);
    let mut pixels = Vec::with_capacity(g.width * h);
    for y in 0..h {
        let sy = ((y as f32 / factor) as usize).min(g.height - 1);
        pixels.extend_from_slice(&g.pixels[sy * g.width..(sy + 1) * g.width]);
    }
    Gray {
        width: g.width,
        height: h,
        pixels,
    }
}

/// The resolution across and down, in dpi, that the file says.
pub fn resolution(b: &[u8], kind: Kind) -> Option<(f32, f32)> {
    let r = match kind {
        Kind::Jpeg => jfif(b),
        Kind::Png => phys(b),
        Kind::Tiff => tiff(b),
    }?;
    (r.0 >= 50.0 && r.1 >= 50.0).then_some(r)
}

/// A JPEG's JFIF density (units 1: dpi, 2: dots per cm).
fn jfif(b: &[u8]) -> Option<(f32, f32)> {
    let at = b.windows(5).take(64).position(|w| w == b"JFIF\0")?;
    let d = b.get(at + 7..at + 12)?;
    let (x, y) = (
        u16::from_be_bytes([d[1], d[2]]) as f32,
        u16::from_be_bytes([d[3], d[4]]) as f32,
    );
    match d[0] {
        1 => Some((x, y)),
        2 => Some((x * 2.54, y * 2.54)),
        _ => None,
    }
}

/// A PNG's `pHYs` chunk (pixels per metre).
fn phys(b: &[u8]) -> Option<(f32, f32)> {
    let at = b.windows(4).position(|w| w == b"pHYs")?;
    let d = b.get(at + 4..at + 13)?;
    let n = |i: usize| u32::from_be_bytes([d[i], d[i + 1], d[i + 2], d[i + 3]]) as f32;
    (d[8] == 1).then(|| (n(0) * 0.0254, n(4) * 0.0254))
}

/// A TIFF's first `XResolution`, `YResolution` and `ResolutionUnit`.
fn tiff(b: &[u8]) -> Option<(f32, f32)> {
    let le = b.starts_with(b"II");
    let u16_at = |i: usize| -> Option<u32> {
        let s = b.get(i..i + 2)?;
        Some(if le {
            u16::from_le_bytes([s[0], s[1]])
        } else {
            u16::from_be_bytes([s[0], s[1]])
        } as u32)
    };
    let u32_at = |i: usize| -> Option<u32> {
        let s = b.get(i..i + 4)?;
        let a = [s[0], s[1], s[2], s[3]];
        Some(if le {
            u32::from_le_bytes(a)
        } else {
            u32::from_be_bytes(a)
        })
    };
    let ifd = u32_at(4)? as usize;
    let entries = u16_at(ifd)? as usize;
    let (mut x, mut y, mut unit) = (None, None, 2);
    for e in 0..entries {
        let at = ifd + 2 + e * 12;
        let rational = || -> Option<f32> {
            let off = u32_at(at + 8)? as usize;
            let (n, d) = (u32_at(off)?, u32_at(off + 4)?);
            (d > 0).then(|| n as f32 / d as f32)
        };
        match u16_at(at)? {
            282 => x = rational(),
            283 => y = rational(),
            296 => unit = u16_at(at + 8)?,
            _ => {}
        }
    }
    let per_inch = match unit {
        2 => 1.0,
        3 => 2.54,
        _ => return None,
    };
    let x = x? * per_inch;
    Some((x, y.map_or(x, |y| y * per_inch)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pnm_streams_of_bits_grey_and_colour() {
        let mut s = b"P4\n10 2\n".to_vec();
        s.extend_from_slice(&[0b1000_0000, 0b0100_0000, 0, 0]);
        s.extend_from_slice(b"P5\n# a comment\n2 1\n255\n\x00\xff");
        s.extend_from_slice(b"P6 1 1 15 \x0f\x0f\x0f");
        let pages = pnm_pages(&s);
        assert_eq!(pages.len(), 3);
        assert_eq!((pages[0].width, pages[0].height), (10, 2));
        assert_eq!(
            &pages[0].pixels[..10],
            &[0, 255, 255, 255, 255, 255, 255, 255, 255, 0]
        );
        assert!(pages[0].pixels[10..].iter().all(|&p| p == 255));
        assert_eq!(pages[1].pixels, vec![0, 255]);
        assert_eq!(pages[2].pixels, vec![255]);
        // A fax's half-height rows stretched to square pixels.
        let tall = stretched(&pages[1], 2.0);
        assert_eq!((tall.width, tall.height), (2, 2));
    }

    #[test]
    fn resolutions_from_the_headers() {
        // JFIF APP0 at 200 dpi; at 80 dots per cm.
        let mut j = vec![0xff, 0xd8, 0xff, 0xe0, 0, 16];
        j.extend_from_slice(b"JFIF\0\x01\x01\x01\x00\xc8\x00\xc8\0\0");
        assert_eq!(resolution(&j, Kind::Jpeg), Some((200.0, 200.0)));
        j[13] = 2;
        j[14..18].copy_from_slice(&[0, 80, 0, 80]);
        let (x, _) = resolution(&j, Kind::Jpeg).unwrap();
        assert!((x - 203.2).abs() < 0.01);
        // PNG pHYs at 11811 px per metre (300 dpi).
        let mut p = b"\x89PNG\r\n\x1a\n\0\0\0\x09pHYs".to_vec();
        p.extend_from_slice(&11811u32.to_be_bytes());
        p.extend_from_slice(&11811u32.to_be_bytes());
        p.push(1);
        let (x, y) = resolution(&p, Kind::Png).unwrap();
        assert!((x - 300.0).abs() < 0.1 && (y - 300.0).abs() < 0.1);
        // A little-endian TIFF of a fax: 204 × 98 dpi, in inches.
        let mut t = b"II*\0\x08\0\0\0".to_vec();
        t.extend_from_slice(&3u16.to_le_bytes());
        for (tag, kind, value) in [(282u16, 5u16, 50u32), (283, 5, 58), (296, 3, 2)] {
            t.extend_from_slice(&tag.to_le_bytes());
            t.extend_from_slice(&kind.to_le_bytes());
            t.extend_from_slice(&1u32.to_le_bytes());
            t.extend_from_slice(&value.to_le_bytes());
        }
        t.extend_from_slice(&[0; 4]);
        t.extend_from_slice(&[204, 0, 0, 0, 1, 0, 0, 0, 98, 0, 0, 0, 1, 0, 0, 0]);
        assert_eq!(resolution(&t, Kind::Tiff), Some((204.0, 98.0)));
        assert_eq!(resolution(b"II*\0\x08\0\0\0\0\0", Kind::Tiff), None);
    }
}

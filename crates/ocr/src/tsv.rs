//! tesseract's TSV: one row per page, block, paragraph, line and word,
//! with boxes in pixels of the image as given and a confidence per word.
//! Words become [`Word`]s of an upright [`Page`]: boxes turned by the page's
//! orientation, scaled to points, lines in tesseract's reading order with
//! the text written as the PDF reader writes it (a line per visual line,
//! words joined by one space, each word's byte offset).

use atti_page::{Page, Word};

use crate::raster::Gray;
use crate::rows::{self, Line, Piece};
use crate::OcrPage;
use crate::{accents, bullets, clean, numbers, spaces};

/// The resolution assumed for an image file, whose pixels have no known
/// size: scanners of offices mostly work at 200 to 300 dpi.
pub const IMAGE_DPI: u32 = 300;

/// Words this unsure and without a letter or digit are scanner noise
/// (specks, rules, the edges of a stamp), not text.
const NOISE_CONFIDENCE: f32 = 30.0;

#[derive(Debug, Default)]
struct Row<'a> {
    level: u32,
    page: u32,
    key: (u32, u32, u32),
    left: f32,
    top: f32,
    width: f32,
    height: f32,
    conf: f32,
    text: &'a str,
}

fn row(line: &str) -> Option<Row<'_>> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() < 12 {
        return None;
    }
    let n = |i: usize| f[i].trim().parse::<f32>().ok();
    Some(Row {
        level: f[0].parse().ok()?,
        page: f[1].parse().ok()?,
        key: (f[2].parse().ok()?, f[3].parse().ok()?, f[4].parse().ok()?),
        left: n(6)?,
        top: n(7)?,
        width: n(8)?,
        height: n(9)?,
        conf: n(10)?,
        text: f[11].trim(),
    })
}

/// The pages of a TSV; `turns[i]` is the clockwise turn of page `i + 1`
/// (missing: upright); `dpi` the resolution of the image (`None`:
/// [`IMAGE_DPI`]); `image`, when given, the image read (upright, one
/// page), whose ink tells the spaces tesseract missed
/// ([`spaces::split_stops`], [`spaces::split`]).
pub fn pages(tsv: &str, turns: &[u32], dpi: Option<u32>, image: Option<&Gray>) -> Vec<OcrPage> {
    let scale = 72.0 / dpi.unwrap_or(IMAGE_DPI).max(1) as f32;
    let rows: Vec<Row<'_>> = tsv.lines().skip(1).filter_map(row).collect();
    let mut out: Vec<OcrPage> = Vec::new();
    let mut size = (0.0f32, 0.0f32);
    let mut turn = 0;
    let mut lines: Vec<(Row<'_>, Vec<Row<'_>>)> = Vec::new();
    let finish =
        |out: &mut Vec<OcrPage>, lines: &mut Vec<(Row<'_>, Vec<Row<'_>>)>, size, turn, number| {
            out.push(build(
                std::mem::take(lines),
                size,
                turn,
                scale,
                number,
                image,
            ));
        };
    let mut number = 0;
    for r in rows {
        match r.level {
            1 => {
                if number > 0 {
                    finish(&mut out, &mut lines, size, turn, number);
                }
                number = r.page;
                size = (r.width, r.height);
                turn = turns
                    .get(r.page.saturating_sub(1) as usize)
                    .copied()
                    .unwrap_or(0);
            }
            4 => lines.push((r, Vec::new())),
            5 => {
                if let Some((l, words)) = lines.last_mut() {
                    if l.key == r.key && l.page == r.page {
                        words.push(r);
                    }
                }
            }
            _ => {}
        }
    }
    if number > 0 {
        finish(&mut out, &mut lines, size, turn, number);
    }
    out
}

/// A box `[x0, y0, x1, y1]` of an image `w` × `h` turned clockwise by `turn`.
fn turned(b: [f32; 4], w: f32, h: f32, turn: u32) -> [f32; 4] {
    let p = |x: f32, y: f32| match turn {
        90 => (h - y, x),
        180 => (w - x, h - y),
        270 => (y, w - x),
        _ => (x, y),
    };
    let (a, c) = (p(b[0], b[1]), p(b[2], b[3]));
    [a.0.min(c.0), a.1.min(c.1), a.0.max(c.0), a.1.max(c.1)]
}

fn build(
    lines: Vec<(Row<'_>, Vec<Row<'_>>)>,
    (w, h): (f32, f32),
    turn: u32,
    scale: f32,
    number: u32,
    image: Option<&Gray>,
) -> OcrPage {
    let (pw, ph) = if turn == 90 || turn == 270 {
        (h, w)
    } else {
        (w, h)
    };
    let mut page = Page {
        number,
        width: pw * scale,
        height: ph * scale,
        ..Page::default()
    };
    let read: Vec<Line> = lines
        .into_iter()
        .map(|(l, words)| Line {
            block: l.key.0,
            words: words
                .into_iter()
                .filter(|word| {
                    !word.text.is_empty()
                        && word.conf >= 0.0
                        && (word.conf >= NOISE_CONFIDENCE
                            || word.text.chars().any(char::is_alphanumeric))
                })
                .map(|word| Piece {
                    text: word.text.to_owned(),
                    b: turned(
                        [
                            word.left,
                            word.top,
                            word.left + word.width,
                            word.top + word.height,
                        ],
                        w,
                        h,
                        turn,
                    ),
                    conf: word.conf,
                })
                .collect(),
        })
        .collect();
    let (mut sum, mut n) = (0f32, 0u32);
    for (line_no, r) in rows::rows(read, pw).into_iter().enumerate() {
        if !page.text.is_empty() {
            page.text.push('\n');
        }
        let size = (r.size * scale).max(1.0);
        let words = match image {
            Some(g) => {
                let words = clean::drop_rulings(r.words, r.size, g);
                let words = clean::drop_phantom_dashes(words, g);
                let words = bullets::restore(words, g);
                let words = accents::restore(words, r.size, g);
                let words = spaces::split_stops(words, r.size, g);
                spaces::split(words, r.size, g)
            }
            None => r.words,
        };
        let words = numbers::join(clean::row(words, r.size), r.size);
        for (i, mut word) in words.into_iter().enumerate() {
            word.text = numbers::digits(&word.text);
            if i > 0 {
                page.text.push(' ');
            }
            let start = page.text.len();
            page.text.push_str(&word.text);
            sum += word.conf;
            n += 1;
            page.words.push(Word {
                x: word.b[0] * scale,
                y: r.base * scale,
                width: (word.b[2] - word.b[0]) * scale,
                size,
                line: line_no as u32,
                start,
                text: word.text,
            });
        }
    }
    let confidence = if n > 0 { sum / n as f32 } else { 0.0 };
    page.ocr = Some(confidence);
    OcrPage {
        page,
        rotated: turn,
        confidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
1\t1\t0\t0\t0\t0\t0\t0\t1000\t2000\t-1\t
2\t1\t1\t0\t0\t0\t100\t100\t800\t60\t-1\t
3\t1\t1\t1\t0\t0\t100\t100\t800\t60\t-1\t
4\t1\t1\t1\t1\t0\t100\t100\t800\t50\t-1\t
5\t1\t1\t1\t1\t1\t100\t100\t300\t50\t96.5\tDETERMINAZIONE
5\t1\t1\t1\t1\t2\t420\t100\t40\t50\t91.0\tn.
5\t1\t1\t1\t1\t3\t470\t100\t20\t50\t12.0\t|
4\t1\t1\t1\t2\t0\t100\t200\t300\t50\t-1\t
5\t1\t1\t1\t2\t1\t100\t200\t120\t50\t88.5\tdel
";

    #[test]
    fn words_lines_offsets_and_points() {
        let p = pages(TSV, &[], Some(300), None);
        assert_eq!(p.len(), 1);
        let page = &p[0].page;
        assert_eq!(page.text, "DETERMINAZIONE n.\ndel");
        assert_eq!(page.words.len(), 3, "the noise bar is left out");
        assert_eq!(page.words[1].start, 15);
        assert_eq!(page.words[2].line, 1);
        assert!((page.width - 240.0).abs() < 0.01 && (page.height - 480.0).abs() < 0.01);
        assert!((page.words[0].x - 24.0).abs() < 0.01);
        assert!((p[0].confidence - (96.5 + 91.0 + 88.5) / 3.0).abs() < 0.01);
        assert_eq!(page.ocr, Some(p[0].confidence));
    }

    #[test]
    fn an_upside_down_page_comes_out_upright() {
        let p = pages(TSV, &[180], Some(300), None);
        let page = &p[0].page;
        // The first word's box [100, 100, 400, 150] of 1000 × 2000, turned;
        // its line, now below the other, comes second, and its words run
        // left to right in the turned page.
        let w = &page.words[2];
        assert_eq!(w.text, "DETERMINAZIONE");
        assert!((w.x - 600.0 * 0.24).abs() < 0.01, "{w:?}");
        assert_eq!(page.text, "del\nn. DETERMINAZIONE");
        let q = pages(TSV, &[90], Some(300), None);
        assert!(
            (q[0].page.width - 480.0).abs() < 0.01,
            "width and height swap"
        );
    }
}

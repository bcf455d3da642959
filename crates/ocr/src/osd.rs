//! Page orientation, in two steps. First tesseract's orientation and
//! script detection (`--psm 0`) guesses by how many degrees, clockwise, the
//! page must be turned to stand upright (`Rotate: 180`) from a few dozen
//! characters ([`MIN_CHARACTERS`]: tesseract's default of 50, which looks
//! at up to 250, took a third of a page's time and chose no differently on
//! the corpus's pages); a page with too little text to tell (tesseract says
//! "Too few characters") or a guess below [`MIN_CONFIDENCE`] is taken as
//! upright. Then the reading checks it ([`turns`]): tesseract's automatic
//! segmentation with orientation detection (`--psm 1`) finds each block's
//! orientation and reads its words in reading order, but keeps their boxes
//! where they lie in the image: on a page still upside down the words of a
//! line run from right to left, on one turned a quarter their boxes run up
//! or down the image. The way most of the words of multi-word lines run
//! says how much turn is still missing; a page with no line of two sure
//! words is taken as upright. Since `--psm 1` runs the orientation
//! detection again (a fifth of a reading's time), a rendered page, turned
//! by the first step, is read as upright (`--psm 3`), and only a reading
//! that comes out unsure ([`confidence`] under [`SURE_READING`]) is
//! checked so.

use std::path::Path;

use crate::{Error, Result, Settings, Tools};

/// The least orientation confidence acted on.
pub const MIN_CONFIDENCE: f32 = 1.0;

/// How many characters the orientation pass looks at (at least; up to five
/// times as many): tesseract's `min_characters_to_try`.
pub const MIN_CHARACTERS: u32 = 25;

/// A reading made as upright whose words' mean confidence is under this
/// is checked by a reading that orients each block ([`turns`]): a page
/// still turned reads as nonsense (a real page at 300 dpi, upright: 93;
/// the same page upside down or turned a quarter, read as upright: 33).
pub const SURE_READING: f32 = 60.0;

/// The mean confidence of the words of a TSV that hold a letter or a
/// digit; `None` when there is none (nothing to check).
pub fn confidence(tsv: &str) -> Option<f32> {
    let (mut sum, mut n) = (0f32, 0u32);
    for row in tsv.lines().skip(1) {
        let f: Vec<&str> = row.split('\t').collect();
        if f.len() < 12 || f[0] != "5" || !f[11].chars().any(char::is_alphanumeric) {
            continue;
        }
        if let Ok(c) = f[10].trim().parse::<f32>() {
            if c >= 0.0 {
                sum += c;
                n += 1;
            }
        }
    }
    (n > 0).then(|| sum / n as f32)
}

/// Words read with less confidence than this do not vote: on a page
/// tesseract could not orient, they are noise in no particular order.
const MIN_WORD_CONFIDENCE: f32 = 50.0;

/// The clockwise turn of each page of `image` (one entry per page that
/// tesseract reported; missing pages are upright).
pub fn orientations(tools: &Tools, image: &Path, s: &Settings) -> Result<Vec<u32>> {
    let args: Vec<String> = ["-", "--psm", "0", "-l", "osd", "-c"]
        .iter()
        .map(|a| a.to_string())
        .chain([format!("min_characters_to_try={MIN_CHARACTERS}")])
        .collect();
    match tools.output(image, &args, s) {
        Ok(out) => Ok(parse(&String::from_utf8_lossy(&out))),
        // Too little text to tell: upright.
        Err(Error::Failed { .. }) => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// The turns in tesseract's `--psm 0` output, page by page.
pub fn parse(out: &str) -> Vec<u32> {
    let mut turns = Vec::new();
    let mut rotate = None;
    let flush = |rotate: &mut Option<(u32, f32)>, turns: &mut Vec<u32>| {
        if let Some((r, c)) = rotate.take() {
            turns.push(if c >= MIN_CONFIDENCE { r } else { 0 });
        }
    };
    for line in out.lines() {
        let (key, value) = match line.split_once(':') {
            Some((k, v)) => (k.trim(), v.trim()),
            None => continue,
        };
        match key {
            "Page number" => flush(&mut rotate, &mut turns),
            "Rotate" => {
                let r = value.parse::<u32>().unwrap_or(0) % 360 / 90 * 90;
                rotate = Some((r, 0.0));
            }
            "Orientation confidence" => {
                if let Some((_, c)) = rotate.as_mut() {
                    *c = value.parse().unwrap_or(0.0);
                }
            }
            _ => {}
        }
    }
    flush(&mut rotate, &mut turns);
    turns
}

/// The clockwise turn still missing on each page of a TSV of `--psm 1`,
/// page by page, told by the way its words run.
pub fn turns(tsv: &str) -> Vec<u32> {
    // Votes for 0, 90, 180 and 270 of the page being read.
    let mut pages: Vec<[u32; 4]> = Vec::new();
    // The previous sure word's centre on the current line.
    let mut line: Option<(&str, (f32, f32))> = None;
    for row in tsv.lines().skip(1) {
        let f: Vec<&str> = row.split('\t').collect();
        if f.len() < 12 {
            continue;
        }
        let n = |i: usize| f[i].trim().parse::<f32>().unwrap_or(-1.0);
        match f[0] {
            "1" => {
                pages.push([0; 4]);
                line = None;
            }
            "5" if n(10) >= MIN_WORD_CONFIDENCE && f[11].chars().any(char::is_alphanumeric) => {
                let key = row.rsplitn(8, '\t').last().unwrap_or("");
                let centre = (n(6) + n(8) / 2.0, n(7) + n(9) / 2.0);
                if let (Some((k, (x, y))), Some(votes)) = (line, pages.last_mut()) {
                    if k == key {
                        let (dx, dy) = (centre.0 - x, centre.1 - y);
                        let way = if dx.abs() >= dy.abs() {
                            if dx >= 0.0 {
                                0
                            } else {
                                2
                            }
                        } else if dy < 0.0 {
                            1
                        } else {
                            3
                        };
                        votes[way] += 1;
                    }
                }
                line = Some((key, centre));
            }
            _ => {}
        }
    }
    pages
        .into_iter()
        .map(|votes| {
            let (way, most) = votes
                .iter()
                .enumerate()
                .max_by_key(|(i, v)| (**v, std::cmp::Reverse(*i)))
                .map(|(i, v)| (i, *v))
                .unwrap_or((0, 0));
            let all: u32 = votes.iter().sum();
            // A clear majority, or upright.
            if most > 0 && most * 2 > all {
                way as u32 * 90
            } else {
                0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    fn word(line: u32, n: u32, b: [u32; 4], conf: f32, text: &str) -> String {
        format!(
            "5\t1\t1\t1\t{line}\t{n}\t{}\t{}\t{}\t{}\t{conf}\t{text}\n",
            b[0], b[1], b[2], b[3]
        )
    }

    #[test]
    fn the_way_the_words_run_tells_the_turn() {
        let page = "1\t1\t0\t0\t0\t0\t0\t0\t2481\t3508\t-1\t\n";
        // Boxes of a real page read by tesseract 5.3 (--psm 1), upside down:
        // "COMUNE DI AVELLA", right to left, and "Città d'Arte".
        let upside_down = [
            word(1, 1, [1264, 2889, 409, 64], 96.0, "COMUNE"),
            word(1, 2, [1137, 2891, 98, 61], 96.2, "DI"),
            word(1, 3, [742, 2889, 369, 64], 96.0, "AVELLA"),
            word(2, 1, [1231, 2670, 95, 35], 96.7, "Città"),
            word(2, 2, [1089, 2670, 127, 35], 96.7, "d'Arte"),
        ]
        .concat();
        // The same page turned a quarter counter-clockwise: bottom to top.
        let quarter = [
            word(1, 1, [555, 1264, 64, 409], 96.0, "COMUNE"),
            word(1, 2, [556, 1137, 61, 98], 96.2, "DI"),
            word(1, 3, [555, 742, 64, 369], 96.0, "AVELLA"),
        ]
        .concat();
        let upright = [
            word(1, 1, [742, 555, 409, 64], 96.0, "COMUNE"),
            word(1, 2, [1180, 556, 98, 61], 96.2, "DI"),
            // A noise speck, unsure, and a one-word line do not vote.
            word(1, 3, [100, 900, 20, 20], 12.0, "~"),
            word(2, 1, [742, 700, 300, 64], 96.0, "AVELLA"),
        ]
        .concat();
        let tsv = |words: &str| format!("{HEAD}{page}{words}");
        assert_eq!(turns(&tsv(&upside_down)), [180]);
        assert_eq!(turns(&tsv(&quarter)), [90]);
        assert_eq!(turns(&tsv(&upright)), [0]);
        let rising = quarter
            .replace("\t1264\t", "\t100\t")
            .replace("\t742\t", "\t1900\t");
        assert_eq!(turns(&tsv(&rising)), [270]);
        assert_eq!(turns(&tsv("")), [0], "no words: upright");
        // Two pages: each its own turn.
        assert_eq!(
            turns(&format!("{}{page}{upright}", tsv(&upside_down))),
            [180, 0]
        );
    }

    #[test]
    fn an_unsure_reading_is_told_by_its_words() {
        let page = "1\t1\t0\t0\t0\t0\t0\t0\t2481\t3508\t-1\t\n";
        let sure = [
            word(1, 1, [742, 555, 409, 64], 96.0, "COMUNE"),
            word(1, 2, [1180, 556, 98, 61], 90.0, "DI"),
            // Marks without a letter or digit are not counted.
            word(1, 3, [1300, 556, 20, 61], 5.0, "|"),
        ]
        .concat();
        let c = confidence(&format!("{HEAD}{page}{sure}")).unwrap();
        assert!((c - 93.0).abs() < 0.01 && c >= SURE_READING);
        // Words of a page read upside down as upright.
        let nonsense = [
            word(1, 1, [742, 555, 409, 64], 31.0, "ANNWOO"),
            word(1, 2, [1180, 556, 98, 61], 35.0, "IC"),
        ]
        .concat();
        assert!(confidence(&format!("{HEAD}{page}{nonsense}")).unwrap() < SURE_READING);
        assert_eq!(confidence(&format!("{HEAD}{page}")), None);
    }

    #[test]
    fn turns_by_page_with_confidence() {
        let out = "Page number: 0\nOrientation in degrees: 180\nRotate: 180\nOrientation confidence: 12.97\nScript: Latin\n\
                   Page number: 1\nOrientation in degrees: 90\nRotate: 270\nOrientation confidence: 0.4\n\
                   Page number: 2\nOrientation in degrees: 90\nRotate: 270\nOrientation confidence: 9.1\n";
        assert_eq!(parse(out), [180, 0, 270]);
        assert!(parse("Too few characters. Skipping this page").is_empty());
    }
}

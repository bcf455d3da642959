//! Page orientation: tesseract's orientation and script detection
//! (`--psm 0`) says by how many degrees, clockwise, each page of an image
//! must be turned to stand upright (`Rotate: 180`). A page with too little
//! text to tell (tesseract says "Too few characters") or a guess below
//! [`MIN_CONFIDENCE`] is taken as upright.

use std::path::Path;

use crate::{run, Error, Result, Settings, Tools};

/// The least orientation confidence acted on.
pub const MIN_CONFIDENCE: f32 = 1.0;

/// The clockwise turn of each page of `image` (one entry per page that
/// tesseract reported; missing pages are upright).
pub fn orientations(tools: &Tools, image: &Path, s: &Settings) -> Result<Vec<u32>> {
    let mut cmd = tools.command();
    cmd.arg(image).arg("-").args(["--psm", "0", "-l", "osd"]);
    match run::output(&mut cmd, s.page_timeout, "tesseract") {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turns_by_page_with_confidence() {
        let out = "Page number: 0\nOrientation in degrees: 180\nRotate: 180\nOrientation confidence: 12.97\nScript: Latin\n\
                   Page number: 1\nOrientation in degrees: 90\nRotate: 270\nOrientation confidence: 0.4\n\
                   Page number: 2\nOrientation in degrees: 90\nRotate: 270\nOrientation confidence: 9.1\n";
        assert_eq!(parse(out), [180, 0, 270]);
        assert!(parse("Too few characters. Skipping this page").is_empty());
    }
}

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
            message: format!("no image written for page {number}"),
        });
    }
    Ok(image)
}

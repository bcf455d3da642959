//! When a page is read by OCR, and what its words replace.
//!
//! `--ocr auto` (the default) reads by OCR the pages of a PDF that have no
//! text layer, and those whose text layer is only a line stamped on a page
//! covered by an image (a protocol number set on a scan): at most
//! [`STAMP_CHARS`] characters on a page at least [`SCAN_COVER`] covered by
//! images. `--ocr force` reads every page by OCR, `--ocr off` none. Image
//! files (`.tif`, `.tiff`, `.jpg`, `.jpeg`, `.png`) are scans: every page by
//! OCR unless `off`. The words of an OCR page replace the text layer's when
//! there are more of them (a stamp's line is read again from the image, in
//! its place). The programs (`atti-ocr`: tesseract, pdftoppm) are looked
//! for once, when a page first needs them (a worker that reads no scan
//! never runs tesseract to ask its languages); when they are missing OCR is off and every reading that
//! needed it says why in its warnings, so a scan stays `no_text` with the
//! reason.

use std::time::Instant;

use atti_ocr::{Settings, TempDir, Tools};

use super::{Reading, Status};
use crate::error::{Error, Result};

/// Most characters of a text layer that is only a stamp on a scan.
pub const STAMP_CHARS: usize = 200;
/// Share of a page covered by images that makes it a scan.
pub const SCAN_COVER: f32 = 0.5;
/// Most pages of one file read by OCR: each page pushes the file's time
/// limit back, so a file of thousands of blank pages must not run for hours.
pub const MAX_OCR_PAGES: usize = 500;

/// `--ocr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OcrMode {
    /// Pages without a text layer, or with only a stamp on a scan.
    #[default]
    Auto,
    /// No OCR.
    Off,
    /// Every page.
    Force,
}

impl OcrMode {
    pub fn as_str(self) -> &'static str {
        match self {
            OcrMode::Auto => "auto",
            OcrMode::Off => "off",
            OcrMode::Force => "force",
        }
    }
}

/// How readers do OCR; the programs looked for once, when first needed.
#[derive(Debug, Clone)]
pub struct Ocr {
    pub mode: OcrMode,
    pub settings: Settings,
    /// The programs, or why OCR cannot run (in Italian), once looked for.
    tools: std::sync::OnceLock<std::result::Result<Tools, String>>,
}

impl Ocr {
    /// No OCR.
    pub fn off() -> Ocr {
        Ocr::resolve(OcrMode::Off, Settings::default())
    }

    /// OCR in `mode`; the programs are looked for when first needed
    /// ([`Ocr::tools`]).
    pub fn resolve(mode: OcrMode, settings: Settings) -> Ocr {
        Ocr {
            mode,
            settings,
            tools: std::sync::OnceLock::new(),
        }
    }

    /// The programs, or why OCR cannot run (looked for on the first call,
    /// unless the mode is off).
    pub fn tools(&self) -> &std::result::Result<Tools, String> {
        self.tools.get_or_init(|| match self.mode {
            OcrMode::Off => Err("OCR spento (--ocr off)".into()),
            _ => Tools::installed(&self.settings.lang).map_err(|e| e.to_string()),
        })
    }

    /// Why OCR will not run although asked for (`None`: it runs, or is off).
    pub fn unavailable(&self) -> Option<&str> {
        match (self.tools(), self.mode) {
            (_, OcrMode::Off) | (Ok(_), _) => None,
            (Err(why), _) => Some(why),
        }
    }
}

/// Whether page text `text` on a page `cover` covered by images is read by OCR.
fn needs_ocr(mode: OcrMode, text: &str, cover: f32) -> bool {
    match mode {
        OcrMode::Off => false,
        OcrMode::Force => true,
        OcrMode::Auto => {
            let chars = text.chars().filter(|c| !c.is_whitespace()).count();
            chars == 0 || (cover >= SCAN_COVER && chars <= STAMP_CHARS)
        }
    }
}

/// Reads by OCR the pages of the PDF `bytes` (already read into `r`) that
/// need it; `on_page` is called after each page read.
pub fn complete_pdf(
    mut r: Reading,
    bytes: &[u8],
    ocr: &Ocr,
    on_page: &mut dyn FnMut(u64),
) -> Result<Reading> {
    if r.status == Status::Encrypted {
        return Ok(r);
    }
    // With OCR off, the pages it would have read are counted, to say why
    // they have no text.
    let mode = match ocr.mode {
        OcrMode::Off => OcrMode::Auto,
        m => m,
    };
    let mut wanted: Vec<usize> = (0..r.pages.len())
        .filter(|&i| needs_ocr(mode, &r.pages[i].text, r.pages[i].image_cover))
        .collect();
    if wanted.is_empty() {
        return Ok(r);
    }
    if wanted.len() > MAX_OCR_PAGES {
        r.warnings.push(format!(
            "OCR sulle prime {MAX_OCR_PAGES} pagine senza testo di {}",
            wanted.len()
        ));
        wanted.truncate(MAX_OCR_PAGES);
    }
    let tools = match (ocr.tools(), ocr.mode) {
        (Ok(t), OcrMode::Auto | OcrMode::Force) => t,
        (Ok(_), OcrMode::Off) => {
            r.warnings.push(format!(
                "{} pagine senza testo non lette: OCR spento (--ocr off)",
                wanted.len()
            ));
            return Ok(r);
        }
        (Err(why), _) => {
            r.warnings.push(format!(
                "{} pagine senza testo non lette: {why}",
                wanted.len()
            ));
            return Ok(r);
        }
    };
    let started = Instant::now();
    let dir = TempDir::new().map_err(ocr_error)?;
    let pdf = dir.path().join("in.pdf");
    std::fs::write(&pdf, bytes).map_err(|e| Error::io(&pdf, e))?;
    let mut read = 0;
    let mut failed = Vec::new();
    for i in wanted {
        let page_started = Instant::now();
        let number = r.pages[i].number;
        match tools.read_pdf_page(&pdf, number, &ocr.settings, dir.path()) {
            Ok(p) => {
                let old = &r.pages[i];
                let keep_layer = ocr.mode == OcrMode::Auto && p.page.words.len() <= old.words.len();
                if !keep_layer {
                    let mut page = p.page;
                    page.image_cover = old.image_cover;
                    r.pages[i] = page;
                    read += 1;
                }
                if p.rotated != 0 {
                    r.warnings.push(format!(
                        "pagina {number}: girata di {}° per l'OCR",
                        p.rotated
                    ));
                }
            }
            Err(e) => failed.push(format!("pagina {number}: {e}")),
        }
        on_page(page_started.elapsed().as_millis() as u64);
    }
    r.ocr_ms += started.elapsed().as_millis() as u64;
    if read > 0 {
        r.extractor = format!("{}+ocr", r.extractor);
    }
    finish(&mut r, failed);
    Ok(r)
}

/// Whether a stored reading was made without the OCR that `ocr` would
/// do now (tesseract was missing, or OCR was off): then the file is read
/// again rather than its stored pages used.
pub fn stale(r: &Reading, ocr: &Ocr) -> bool {
    if ocr.mode == OcrMode::Off {
        return false;
    }
    let image_unread = r.extractor == "ocr" && r.pages.is_empty();
    let wanted = image_unread
        || r.pages
            .iter()
            .any(|p| p.ocr.is_none() && needs_ocr(ocr.mode, &p.text, p.image_cover));
    wanted && ocr.tools().is_ok()
}

/// Reads an image file (every page of a multi-page TIFF) by OCR.
pub fn read_image(bytes: &[u8], ocr: &Ocr, on_page: &mut dyn FnMut(u64)) -> Result<Reading> {
    if !is_image(bytes) {
        return Err(Error::Unsupported(
            "nominato come immagine, ma non è un file TIFF, JPEG o PNG".into(),
        ));
    }
    let mut r = Reading {
        extractor: "ocr".into(),
        status: Status::NoText,
        ..Reading::default()
    };
    let tools = match (ocr.tools(), ocr.mode) {
        (Ok(t), OcrMode::Auto | OcrMode::Force) => t,
        (Err(why), _) => {
            r.warnings.push(format!("immagine non letta: {why}"));
            return Ok(r);
        }
        (Ok(_), OcrMode::Off) => {
            r.warnings
                .push("immagine non letta: OCR spento (--ocr off)".into());
            return Ok(r);
        }
    };
    let started = Instant::now();
    let dir = TempDir::new().map_err(ocr_error)?;
    let image = dir.path().join(format!("in.{}", image_extension(bytes)));
    std::fs::write(&image, bytes).map_err(|e| Error::io(&image, e))?;
    let mut failed = Vec::new();
    // Each page counted as it is read, with the time since the last.
    let mut last = Instant::now();
    let read = tools.read_image(&image, &ocr.settings, &mut |p| {
        if p.rotated != 0 {
            r.warnings.push(format!(
                "pagina {}: girata di {}° per l'OCR",
                p.page.number, p.rotated
            ));
        }
        r.pages.push(p.page);
        on_page(last.elapsed().as_millis() as u64);
        last = Instant::now();
    });
    if let Err(e) = read {
        failed.push(e.to_string());
    }
    r.ocr_ms = started.elapsed().as_millis() as u64;
    r.status = Status::Ok;
    finish(&mut r, failed);
    Ok(r)
}

/// The status after OCR, and the reasons of pages it could not read.
fn finish(r: &mut Reading, failed: Vec<String>) {
    let any_text = r.pages.iter().any(|p| !p.text.trim().is_empty());
    if any_text {
        r.status = Status::Ok;
    } else {
        r.status = Status::NoText;
        if failed.is_empty() {
            r.warnings
                .push("OCR: nessun testo riconosciuto nelle pagine".into());
        }
    }
    for f in failed.into_iter().take(20) {
        r.warnings.push(format!("OCR non riuscito: {f}"));
    }
}

fn ocr_error(e: atti_ocr::Error) -> Error {
    Error::Unsupported(format!("OCR: {e}"))
}

/// Whether `bytes` are an image file atti reads by OCR.
pub fn is_image(bytes: &[u8]) -> bool {
    image_extension(bytes) != "bin"
}

/// The extension tesseract (leptonica) wants for the image in `bytes`.
fn image_extension(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        "tif"
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        "jpg"
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "png"
    } else {
        "bin"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_pages_are_read_by_ocr() {
        assert!(needs_ocr(OcrMode::Auto, "", 0.0));
        assert!(needs_ocr(OcrMode::Auto, "  \n", 1.0));
        // A protocol stamp on a scanned page.
        assert!(needs_ocr(OcrMode::Auto, "DPC-0021879 del 08/05/2026", 0.98));
        // A text page with a logo, a short text page without images.
        assert!(!needs_ocr(OcrMode::Auto, &"parola ".repeat(100), 0.9));
        assert!(!needs_ocr(OcrMode::Auto, "Pagina lasciata bianca", 0.0));
        assert!(needs_ocr(OcrMode::Force, &"parola ".repeat(100), 0.0));
        assert!(!needs_ocr(OcrMode::Off, "", 1.0));
    }

    #[test]
    fn image_types_by_their_bytes() {
        assert!(is_image(b"II*\0rest"));
        assert!(is_image(&[0xff, 0xd8, 0xff, 0xe0]));
        assert!(is_image(b"\x89PNG\r\n\x1a\nrest"));
        assert!(!is_image(b"%PDF-1.4"));
    }

    #[test]
    fn without_ocr_an_image_is_no_text_with_the_reason() {
        assert!(read_image(b"not an image", &Ocr::off(), &mut |_| {}).is_err());
        let r = read_image(b"II*\0", &Ocr::off(), &mut |_| {}).unwrap();
        assert_eq!(r.status, Status::NoText);
        assert!(r.warnings[0].contains("OCR spento"), "{:?}", r.warnings);
    }
}

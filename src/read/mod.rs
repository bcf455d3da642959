//! Readers: from the bytes of one file to a [`Reading`] of its pages.
//!
//! The content decides the reader ([`SourceType::sniff`]), the extension
//! only what a file claims to be. PDFs go to the `atti-pdf` crate; text files
//! (with encoding detection) and HTML pages (their main text) are read here.
//! Every reader honours the same [`Limits`] and returns the page model of
//! `atti-page`.

pub mod der;
pub mod html;
mod html_tables;
pub mod ocr;
pub mod office;
pub mod signed;
pub mod text;

use serde::{Deserialize, Serialize};

pub use atti_page::{Limits, Page, Reading, Status, Word};

use crate::error::{Error, Result};

/// What a file is, judged by its content first and its extension second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceType {
    Pdf,
    Text,
    Html,
    /// A signed envelope (`.p7m`, CAdES) around a document of another type.
    Signed,
    /// A scanned page or pages (`.tif`, `.tiff`, `.jpg`, `.jpeg`, `.png`),
    /// read by OCR.
    Image,
    /// An office file: word processor (`.docx`, `.odt`, `.rtf`, `.doc`) or
    /// spreadsheet (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`); the content
    /// says which (see [`office`]).
    Office,
    /// Delimited text (`.csv`, `.tsv`), read as one sheet.
    Csv,
}

impl SourceType {
    /// The type a file name claims by its extension, if atti reads that extension.
    pub fn from_extension(path: &std::path::Path) -> Option<SourceType> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(SourceType::Pdf),
            "txt" | "text" | "md" => Some(SourceType::Text),
            "html" | "htm" | "xhtml" => Some(SourceType::Html),
            "p7m" => Some(SourceType::Signed),
            "tif" | "tiff" | "jpg" | "jpeg" | "png" => Some(SourceType::Image),
            "docx" | "docm" | "dotx" | "dotm" | "odt" | "ott" | "rtf" | "doc" | "dot" | "xlsx"
            | "xlsm" | "xltx" | "xltm" | "xlsb" | "xls" | "xlt" | "ods" | "ots" => {
                Some(SourceType::Office)
            }
            "csv" | "tsv" => Some(SourceType::Csv),
            _ => None,
        }
    }

    /// The type the bytes actually are: a PDF header wins over any extension,
    /// and markup wins over `.txt`. Falls back to the claimed type.
    pub fn sniff(bytes: &[u8], claimed: SourceType) -> SourceType {
        // An empty file has no type to find: it is read as the empty text
        // it is (a document without text), not as a PDF or a ZIP archive
        // that is broken.
        if bytes.is_empty() {
            return SourceType::Text;
        }
        if signed::is_signed(bytes) {
            return SourceType::Signed;
        }
        if ocr::is_image(bytes) {
            return SourceType::Image;
        }
        if office::is_office(bytes) {
            return SourceType::Office;
        }
        let head = &bytes[..bytes.len().min(1024)];
        if head.windows(5).any(|w| w == b"%PDF-") {
            return SourceType::Pdf;
        }
        if claimed == SourceType::Pdf {
            let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
            let text = String::from_utf8_lossy(&lower);
            let t = text.trim_start_matches('\u{feff}').trim_start();
            if t.starts_with("<!doctype html") || t.starts_with("<html") {
                return SourceType::Html;
            }
        }
        claimed
    }
}

/// Reads one file whose bytes are already in memory, without OCR (a scan
/// is `no_text`; see [`read_with`]).
pub fn read(bytes: &[u8], source: SourceType, limits: &Limits) -> Result<Reading> {
    read_with(bytes, source, limits, &ocr::Ocr::off(), &mut |_| {})
}

/// Reads one file whose bytes are already in memory, with OCR as `ocr`
/// says; `on_ocr_page` is called after each page read by OCR, with the
/// milliseconds it took.
pub fn read_with(
    bytes: &[u8],
    source: SourceType,
    limits: &Limits,
    ocr: &ocr::Ocr,
    on_ocr_page: &mut dyn FnMut(u64),
) -> Result<Reading> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(Error::Limit(format!(
            "file di {} byte, oltre il limite di {} byte",
            bytes.len(),
            limits.max_file_bytes
        )));
    }
    match SourceType::sniff(bytes, source) {
        SourceType::Pdf => {
            let r = atti_pdf::read(bytes, limits)?;
            ocr::complete_pdf(r, bytes, ocr, on_ocr_page)
        }
        SourceType::Text => text::read(bytes, limits),
        SourceType::Html => html::read(bytes, limits),
        SourceType::Signed => read_signed(bytes, limits, ocr, on_ocr_page),
        SourceType::Image => ocr::read_image(bytes, ocr, on_ocr_page),
        SourceType::Office => office::read(bytes, false, limits),
        SourceType::Csv => office::read(bytes, true, limits),
    }
}

/// The document inside a signed envelope, read as what it is, with the
/// signers and the signing time; `extractor` says both (`p7m+pdf`).
fn read_signed(
    bytes: &[u8],
    limits: &Limits,
    ocr: &ocr::Ocr,
    on_ocr_page: &mut dyn FnMut(u64),
) -> Result<Reading> {
    let u = signed::unwrap(bytes)?;
    let inner = SourceType::sniff(&u.content, SourceType::Text);
    if inner == SourceType::Signed {
        return Err(Error::Limit(format!(
            "file firmato (.p7m) con più di {} buste una dentro l'altra",
            signed::MAX_LAYERS
        )));
    }
    let mut r = read_with(&u.content, inner, limits, ocr, on_ocr_page)?;
    r.extractor = format!("p7m+{}", r.extractor);
    r.signature = Some(atti_page::Signature {
        signers: u.signers,
        signed_at: u.signed_at,
    });
    Ok(r)
}

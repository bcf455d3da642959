//! Extraction: from the bytes of one file to text per page.
//!
//! Every input type ends up as the same plain data, [`Extracted`]: a list of
//! [`Page`]s, each with its reading-order text and, for PDFs, the positioned
//! [`Word`]s it was built from, so that rules can read tables by column.
//! Text and HTML files are one page each and carry no positions.

pub mod html;
pub mod pdf;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// What a file is, judged by its content first and its extension second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceType {
    Pdf,
    Text,
    Html,
}

impl SourceType {
    /// The type a file name claims by its extension, if atti reads that extension.
    pub fn from_extension(path: &std::path::Path) -> Option<SourceType> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(SourceType::Pdf),
            "txt" | "text" | "md" => Some(SourceType::Text),
            "html" | "htm" | "xhtml" => Some(SourceType::Html),
            _ => None,
        }
    }

    /// The type the bytes actually are: a PDF header wins over any extension,
    /// and markup wins over `.txt`. Falls back to the claimed type.
    pub fn sniff(bytes: &[u8], claimed: SourceType) -> SourceType {
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

/// Whether a document gave text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Text was extracted.
    #[default]
    Ok,
    /// The file opened but holds no text layer (a scan, or an empty file).
    NoText,
    /// A PDF that needs a password; listed, not indexed as text.
    Encrypted,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::NoText => "no_text",
            Status::Encrypted => "encrypted",
        }
    }
}

/// A word placed on a PDF page. Coordinates are in PDF points with the origin
/// at the top left of the page (y grows downwards), so that sorting by `y`
/// then `x` is reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Word {
    pub text: String,
    /// Left edge.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    pub width: f32,
    /// Font size in points, after the text and graphics matrices.
    pub size: f32,
    /// Index of the line of [`Page::text`] this word was placed on.
    pub line: u32,
    /// Byte offset of the word in [`Page::text`]; `usize::MAX` when the word
    /// is not part of the text (page furniture that was left out).
    pub start: usize,
}

/// One page of text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// Reading-order text, one line per visual line, without page furniture.
    pub text: String,
    /// Positioned words (PDF only; empty for text and HTML).
    pub words: Vec<Word>,
    /// Lines recognised as repeated page furniture (headers, footers, stamps)
    /// and left out of `text`.
    pub furniture: Vec<String>,
    /// Page width and height in points (0 for text and HTML).
    pub width: f32,
    pub height: f32,
}

/// The text of one file, as every later stage sees it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extracted {
    pub pages: Vec<Page>,
    pub status: Status,
    /// Which extractor produced the text, e.g. `pdf`, `text/windows-1252`, `html`.
    pub extractor: String,
    /// A title the file itself declares (PDF Info /Title, HTML <title>), if any.
    pub title_hint: Option<String>,
    /// Things worth telling a person that did not stop the extraction.
    pub warnings: Vec<String>,
}

impl Extracted {
    /// Number of characters of text over all pages.
    pub fn chars(&self) -> u64 {
        self.pages
            .iter()
            .map(|p| p.text.chars().count() as u64)
            .sum()
    }

    /// All pages' text joined by form feeds, as `atti extract` prints it.
    pub fn full_text(&self) -> String {
        let mut s = String::new();
        for (i, p) in self.pages.iter().enumerate() {
            if i > 0 {
                s.push('\u{c}');
            }
            s.push_str(&p.text);
            if !p.text.ends_with('\n') && !p.text.is_empty() {
                s.push('\n');
            }
        }
        s
    }
}

/// Bounds that keep one hostile file from taking the batch down with it.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest input file read at all, in bytes.
    pub max_file_bytes: u64,
    /// Largest decompressed stream, in bytes.
    pub max_stream_bytes: usize,
    /// Most content-stream operations interpreted per page.
    pub max_ops_per_page: usize,
    /// Deepest nesting of Form XObjects.
    pub max_form_depth: usize,
    /// Most pages read from one document.
    pub max_pages: usize,
    /// Most characters of text kept per document.
    pub max_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 512 << 20,
            max_stream_bytes: 64 << 20,
            max_ops_per_page: 2_000_000,
            max_form_depth: 12,
            max_pages: 5_000,
            max_chars: 32 << 20,
        }
    }
}

/// Extracts the text of one file whose bytes are already read.
pub fn extract(bytes: &[u8], source: SourceType, limits: &Limits) -> Result<Extracted> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(Error::Limit(format!(
            "file of {} bytes is over the {} byte limit",
            bytes.len(),
            limits.max_file_bytes
        )));
    }
    match SourceType::sniff(bytes, source) {
        SourceType::Pdf => pdf::extract(bytes, limits),
        SourceType::Text => text::extract(bytes, limits),
        SourceType::Html => html::extract(bytes, limits),
    }
}

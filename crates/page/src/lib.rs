//! The page model: what every reader produces and every later stage reads.
//!
//! A reader (PDF, text, HTML, later OCR and office files) turns the bytes of
//! one file into a [`Reading`]: a list of [`Page`]s, each with its
//! reading-order text and, for PDFs, the positioned [`Word`]s it was built
//! from, so that rules can read tables by column. Text and HTML files are one
//! page each and carry no positions. [`Limits`] are the bounds every reader
//! honours, so that one hostile file cannot take the batch down.
//!
//! This crate holds plain data only (serde); it knows nothing of any file
//! format or of what the text means.

use serde::{Deserialize, Serialize};

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
    /// Byte offset of the word in [`Page::text`]; [`OUTSIDE_TEXT`] when the
    /// word is not part of the text (page furniture that was left out).
    pub start: usize,
}

/// The offset of a word, or of both ends of a span, that lies outside
/// [`Page::text`]: in the page furniture the text leaves out (a letterhead,
/// a footer).
pub const OUTSIDE_TEXT: usize = usize::MAX;

/// Where a value was read: a byte range of one page's text (see
/// [`Page::text`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// 1-based page number.
    pub page: u32,
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A value read on page `page` outside its text, in its furniture.
    pub fn outside_text(page: u32) -> Span {
        Span {
            page,
            start: OUTSIDE_TEXT,
            end: OUTSIDE_TEXT,
        }
    }
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
    /// Ruling lines drawn on the page (PDF only), in the coordinates of
    /// [`Word`]: what a table reader builds a grid from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rulings: Vec<Ruling>,
    /// Tables the source declares as such (an HTML `<table>`, a spreadsheet
    /// sheet, a word-processor table). Tables of a PDF are not declared: they
    /// are found from `words` and `rulings` by the table reader.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<Table>,
    /// For a page read by OCR from an image: the mean confidence of its
    /// words (0 to 100, as tesseract gives it). `None` for a text layer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<f32>,
    /// Share of the page (0 to 1) painted by images (PDF only): a page
    /// nearly covered by one, with little text, is a scan.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub image_cover: f32,
    /// The name of the part this page is (a spreadsheet's sheet); `None`
    /// for a printed page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A sheet its workbook hides (read all the same, and said so).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// Images embedded in the page's source (office files), counted, not read.
    #[serde(default, skip_serializing_if = "is_zero_u32")]
    pub images: u32,
}

fn is_zero_u32(v: &u32) -> bool {
    *v == 0
}

fn is_zero(v: &f32) -> bool {
    *v == 0.0
}

/// A straight ruling line, horizontal or vertical, in the coordinates of
/// [`Word`] (points, origin top left, y down), with `x0 <= x1` and
/// `y0 <= y1`. A stroked segment, a side of a stroked rectangle, or a filled
/// rectangle thin enough to be drawn as a line.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Ruling {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Ruling {
    /// Horizontal: no taller than it is wide.
    pub fn is_horizontal(&self) -> bool {
        self.y1 - self.y0 <= self.x1 - self.x0
    }
}

/// How a table was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TableMode {
    /// Cells from a grid of ruling lines.
    Lattice,
    /// Cells from the alignment of words, on a page with no grid.
    #[default]
    Stream,
    /// Declared by the source's markup (HTML, office files).
    Markup,
}

/// A table: a grid of `rows` × `cols` positions, each covered by one cell.
/// A merged cell covers several positions and is listed once, at its top
/// left position.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub mode: TableMode,
    /// Bounding box `[x0, y0, x1, y1]` in the coordinates of [`Word`]
    /// (zeros when the source has no geometry).
    pub bbox: [f32; 4],
    pub rows: u32,
    pub cols: u32,
    /// Cells in reading order (row by row, left to right).
    pub cells: Vec<TableCell>,
    /// Cells a merged cell covers that hold a value of their own in the
    /// file (a spreadsheet's merged area written over filled cells): the
    /// grid shows the merged cell there, as the application does, and these
    /// keep the hidden values, as LibreOffice's CSV export writes them. Not
    /// part of the page text (`start == end`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covered: Vec<TableCell>,
}

/// One cell of a [`Table`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TableCell {
    pub row: u32,
    pub col: u32,
    pub row_span: u32,
    pub col_span: u32,
    /// The cell's text, its lines joined by one space (a word broken by a
    /// hyphen at a line end joined back).
    pub text: String,
    /// Bounding box, as [`Table::bbox`].
    pub bbox: [f32; 4],
    /// Byte range of the cell's text in [`Page::text`], first to last word
    /// (`start == end` when the cell is empty or not part of the text).
    pub start: usize,
    pub end: usize,
    /// What a spreadsheet cell holds, typed (a number, a date); `None` for
    /// text and for cells of other sources. `text` is how it reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<CellValue>,
}

/// A typed value of a spreadsheet cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellValue {
    Number(f64),
    /// A date, ISO 8601 (`2021-03-31`).
    Date(String),
    /// A date and time, ISO 8601 (`2021-03-31T10:30:00`).
    DateTime(String),
    /// A duration or a time of day, as the file writes it.
    Duration(String),
    Bool(bool),
    /// An error value of a formula (`#DIV/0!`).
    Error(String),
}

impl Table {
    /// The cell that covers a grid position, if any.
    pub fn cell_at(&self, row: u32, col: u32) -> Option<&TableCell> {
        self.cells.iter().find(|c| {
            (c.row..c.row + c.row_span.max(1)).contains(&row)
                && (c.col..c.col + c.col_span.max(1)).contains(&col)
        })
    }
}

/// What a reader read from one file: its pages, as every later stage sees them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    pub pages: Vec<Page>,
    pub status: Status,
    /// Which extractor produced the text, e.g. `pdf`, `text/windows-1252`, `html`.
    pub extractor: String,
    /// A title the file itself declares (PDF Info /Title, HTML <title>), if any.
    pub title_hint: Option<String>,
    /// Things worth telling a person that did not stop the extraction.
    pub warnings: Vec<String>,
    /// Who signed the file and when, for a signed file (`.p7m`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
    /// Milliseconds spent reading pages by OCR while this reading was made.
    #[serde(default)]
    pub ocr_ms: u64,
}

/// The signature of a signed file, as its envelope states it (not verified).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// The signers' names (their certificates' common names).
    pub signers: Vec<String>,
    /// The latest signing time, RFC 3339 in UTC.
    pub signed_at: Option<String>,
}

impl Reading {
    /// Number of characters of text over all pages.
    pub fn chars(&self) -> u64 {
        self.pages
            .iter()
            .map(|p| p.text.chars().count() as u64)
            .sum()
    }

    /// Pages read by OCR.
    pub fn ocr_pages(&self) -> usize {
        self.pages.iter().filter(|p| p.ocr.is_some()).count()
    }

    /// The mean OCR confidence over the pages read by OCR, weighted by
    /// their words (0 to 100); `None` when no page was.
    pub fn ocr_confidence(&self) -> Option<f32> {
        let (mut sum, mut n) = (0f64, 0f64);
        for p in &self.pages {
            if let Some(c) = p.ocr {
                let w = p.words.len().max(1) as f64;
                sum += f64::from(c) * w;
                n += w;
            }
        }
        (n > 0.0).then(|| (sum / n) as f32)
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

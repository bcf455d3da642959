//! PDF text extraction on lopdf's object model, keeping where each word sits.
//!
//! The pipeline per document: open it (decrypting with the empty user
//! password when that is all it needs) -> walk the page tree -> interpret
//! each page's content stream into positioned glyphs ([`content`]) through
//! the document's fonts ([`font`], [`encoding`], [`cmap`], [`metrics`]),
//! and into the boxes its straight strokes and rectangles paint ([`paths`])
//! and the appearances of its annotations and filled form fields
//! ([`annots`]) -> build words and lines ([`layout`]) and ruling lines ([`rulings`]) ->
//! find the lines repeated on most pages ([`furniture`]) -> write each
//! page's text, its words and its rulings. Every step is bounded by
//! [`Limits`] and never panics on a hostile file.
//!
//! This crate is the PDF reader only: it says where words and lines are, and
//! returns the page model of `atti-page`; what the text means is the rules'
//! business. It knows nothing of the application that uses it.

mod annots;
mod cff;
mod cmap;
mod columns;
mod content;
mod encoding;
mod font;
mod furniture;
mod glyphnames;
mod layout;
mod lexer;
mod metrics;
mod objects;
mod paths;
mod program;
mod rulings;
mod truetype;
mod wordbox;

use lopdf::{Document, LoadOptions};

pub use atti_page::{Limits, Page, Reading, Ruling, Status, Word};

pub use layout::layout_text;

use content::{display_matrix, DocCache, Interp, PageGlyphs};
use layout::Line;

/// Why a PDF gave no text at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The file is not a PDF lopdf can parse.
    #[error("PDF: {0}")]
    Malformed(String),
    /// A PDF that needs a password we do not have.
    #[error("PDF cifrato: serve una password per aprirlo")]
    Encrypted,
}

/// `Result` with the reader's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Opens a PDF; a file that needs a password other than the empty one is
/// `Error::Encrypted`.
fn open(bytes: &[u8], limits: &Limits) -> Result<Document> {
    let options = LoadOptions {
        max_decompressed_size: Some(limits.max_stream_bytes),
        ..LoadOptions::default()
    };
    match Document::load_mem_with_options(bytes, options) {
        Ok(doc) => {
            if doc.trailer.has(b"Encrypt") && doc.encryption_state.is_none() {
                return Err(Error::Encrypted);
            }
            Ok(doc)
        }
        Err(lopdf::Error::InvalidPassword) => Err(Error::Encrypted),
        Err(e) => {
            let msg = e.to_string();
            if msg.contains("password") || msg.contains("ecrypt") {
                Err(Error::Encrypted)
            } else {
                Err(Error::Malformed(why_unreadable(&e)))
            }
        }
    }
}

/// Why lopdf could not open the file, in Italian, with lopdf's own words
/// after it for whoever reports the file as a bug.
fn why_unreadable(e: &lopdf::Error) -> String {
    use lopdf::Error as E;
    let what = match e {
        E::Parse(_) | E::Syntax(_) | E::IndirectObject { .. } | E::InvalidOffset(_) => {
            "struttura del file non leggibile"
        }
        E::Xref(_) | E::MissingXrefEntry => {
            "tabella dei riferimenti incrociati (xref) non leggibile"
        }
        E::Decompress(_) | E::InvalidStream(_) | E::InvalidObjectStream(_) => {
            "flusso compresso non decodificabile"
        }
        E::ReferenceCycle(_) | E::ReferenceLimit | E::RecursionLimit => {
            "oggetti che si richiamano in cerchio o troppo in profondità"
        }
        E::ObjectNotFound(_) | E::DictKey(_) | E::ObjectType { .. } | E::DictType { .. } => {
            "oggetto mancante o di tipo sbagliato"
        }
        E::IO(_) => "errore di lettura",
        _ => "file non leggibile come PDF",
    };
    format!("{what} ({e})")
}

/// One interpreted page: its glyphs, its ruling lines and the size of its
/// visible box.
struct RawPage {
    glyphs: PageGlyphs,
    rulings: Vec<Ruling>,
    width: f32,
    height: f32,
}

/// Runs the content of every page (at most `max_pages`).
fn interpret(doc: &Document, limits: &Limits, warnings: &mut Vec<String>) -> Vec<RawPage> {
    let pages = objects::pages(doc, limits.max_pages);
    if pages.len() >= limits.max_pages {
        warnings.push(format!("lette solo le prime {} pagine", limits.max_pages));
    }
    let mut cache = DocCache::default();
    let mut out = Vec::with_capacity(pages.len());
    for page in &pages {
        let (ctm, width, height) = display_matrix(page.bbox, page.rotate);
        let mut glyphs = PageGlyphs::new(width, height);
        let content = objects::page_content(doc, page, limits.max_stream_bytes, warnings);
        let mut interp = Interp::new(doc, limits, &mut cache, &mut glyphs, ctm);
        interp.run_bytes(&content, page.resources);
        annots::draw(&mut interp, doc, page.dict, ctm);
        let mut page_warnings = std::mem::take(&mut interp.warnings);
        let marks = std::mem::take(&mut glyphs.marks);
        let rulings = rulings::rulings(&marks, &mut page_warnings);
        for w in page_warnings {
            if warnings.len() < 50 && !warnings.contains(&w) {
                warnings.push(w);
            }
        }
        out.push(RawPage {
            glyphs,
            rulings,
            width,
            height,
        });
    }
    if cache.char_limit_hit {
        warnings.push(format!(
            "testo tagliato al limite di {} caratteri",
            limits.max_chars
        ));
    }
    out
}

/// The Info /Title, when it says something.
fn title_hint(doc: &Document) -> Option<String> {
    let info = objects::get_dict(doc, &doc.trailer, b"Info")?;
    let title = lopdf::decode_text_string(objects::get(doc, info, b"Title")?).ok()?;
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = title.to_lowercase();
    let junk = title.chars().filter(|c| c.is_alphabetic()).count() < 3
        || ["document", "documento", "titolo", "report", "xtrareport"].contains(&lower.as_str())
        || [
            "untitled",
            "senza titolo",
            "documento1",
            "document1",
            "microsoft word",
            "stampa",
        ]
        .iter()
        .any(|j| lower.starts_with(j))
        || [
            ".doc", ".docx", ".pdf", ".odt", ".rtf", ".xls", ".xlsx", ".rpt",
        ]
        .iter()
        .any(|e| lower.ends_with(e));
    (!junk).then_some(title)
}

/// Extracts the text of every page, in reading order, with positioned words
/// and page furniture set apart.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Reading> {
    let doc = open(bytes, limits)?;
    let mut warnings = Vec::new();
    let mut raw = interpret(&doc, limits, &mut warnings);
    let lines: Vec<Vec<Line>> = raw
        .iter()
        .map(|p| layout::reading_lines(layout::words(&p.glyphs, p.width, p.height)))
        .collect();
    let marks = furniture::detect(
        &lines
            .iter()
            .zip(&raw)
            .map(|(l, p)| (l.as_slice(), p.height))
            .collect::<Vec<_>>(),
    );
    let mut pages = Vec::with_capacity(raw.len());
    let mut empty_pages = Vec::new();
    for (i, ((page_lines, p), marks)) in lines.into_iter().zip(&mut raw).zip(marks).enumerate() {
        let mut page = assemble(i as u32 + 1, page_lines, &marks, p.width, p.height);
        page.rulings = std::mem::take(&mut p.rulings);
        let area = (p.width * p.height).max(1.0);
        page.image_cover = (p.glyphs.image_area / area).clamp(0.0, 1.0);
        if page.words.is_empty() {
            empty_pages.push(page.number);
        }
        pages.push(page);
    }
    let status = if pages.iter().all(|p| p.words.is_empty()) {
        Status::NoText
    } else {
        Status::Ok
    };
    if status == Status::Ok && !empty_pages.is_empty() {
        warnings.push(format!("pagine senza testo: {}", list(&empty_pages)));
    }
    Ok(Reading {
        pages,
        status,
        extractor: "pdf".into(),
        title_hint: title_hint(&doc),
        warnings,
        ..Reading::default()
    })
}

fn list(numbers: &[u32]) -> String {
    let mut s: Vec<String> = numbers.iter().take(20).map(|n| n.to_string()).collect();
    if numbers.len() > 20 {
        s.push("...".into());
    }
    s.join(", ")
}

/// Writes a page's text from its lines, leaving out furniture lines, and
/// records every word (furniture too, with `start == OUTSIDE_TEXT` and
/// `line == u32::MAX`). A word hyphenated at the end of a line is written
/// whole, without the hyphen, on the line where it starts; its two pieces
/// stay two words, each pointing at its part of the joined word.
fn assemble(number: u32, lines: Vec<Line>, furniture: &[bool], width: f32, height: f32) -> Page {
    let mut page = Page {
        number,
        width,
        height,
        ..Page::default()
    };
    let joins = layout::hyphen_joins(&lines, furniture);
    let mut cont: std::collections::HashMap<(usize, usize), wordbox::WordBox> = Default::default();
    let mut joined_at: std::collections::HashMap<(usize, usize), (usize, usize)> =
        Default::default();
    for &(from, to) in &joins {
        joined_at.insert(from, to);
    }
    for &(_, (lj, wj)) in &joins {
        let w = lines[lj].words[wj].clone();
        cont.insert((lj, wj), w);
    }
    let consumed: std::collections::HashSet<(usize, usize)> = cont.keys().copied().collect();
    let mut text_line = 0u32;
    for (li, (line, &is_furniture)) in lines.into_iter().zip(furniture).enumerate() {
        if is_furniture {
            page.furniture.push(line.text());
            for w in line.words {
                page.words
                    .push(w.into_word(u32::MAX, atti_page::OUTSIDE_TEXT));
            }
            continue;
        }
        let mut first = true;
        for (wi, mut w) in line.words.into_iter().enumerate() {
            if consumed.contains(&(li, wi)) {
                continue;
            }
            if first {
                if text_line > 0 {
                    page.text.push('\n');
                }
                first = false;
            } else {
                page.text.push(' ');
            }
            let next = joined_at.get(&(li, wi)).and_then(|k| cont.remove(k));
            if next.is_some() {
                w.text.pop();
            }
            // The word, then the piece that continues it, written on.
            for w in std::iter::once(w).chain(next) {
                let start = page.text.len();
                page.text.push_str(&w.text);
                page.words.push(w.into_word(text_line, start));
            }
        }
        if !first {
            text_line += 1;
        }
    }
    page
}

/// The text in content-stream order, without reordering: words as the
/// stream draws them, a new line whenever the baseline moves. Pages are
/// separated by form feeds.
pub fn raw_text(bytes: &[u8], limits: &Limits) -> Result<String> {
    let doc = open(bytes, limits)?;
    let mut warnings = Vec::new();
    let raw = interpret(&doc, limits, &mut warnings);
    let mut out = String::new();
    for (i, p) in raw.iter().enumerate() {
        if i > 0 {
            out.push('\u{c}');
        }
        let words = layout::words(&p.glyphs, p.width, p.height);
        let mut prev: Option<&wordbox::WordBox> = None;
        for w in &words {
            if let Some(q) = prev {
                let same =
                    q.rot == w.rot && (w.v - q.v).abs() < wordbox::SAME_LINE * q.size.max(w.size);
                out.push(if same { ' ' } else { '\n' });
            }
            out.push_str(&w.text);
            prev = Some(w);
        }
        if prev.is_some() {
            out.push('\n');
        }
    }
    Ok(out)
}

#[cfg(test)]
mod annots_tests;
#[cfg(test)]
mod font_tests;
#[cfg(test)]
mod paths_tests;
#[cfg(test)]
mod reading_tests;
#[cfg(test)]
mod rulings_tests;
#[cfg(test)]
mod tests;

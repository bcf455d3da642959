//! [`PdfBuilder`]: pages of positioned text runs and lines, written with lopdf.
//!
//! The builder is deliberately low level: a text run is a font, a size, a
//! position and a string, as in a content stream. Layout (wrapping, flowing
//! onto the next page, tables) lives in [`super::flow`] and [`super::table`].
//! Fonts are either standard 14 with WinAnsiEncoding (one byte per character)
//! or embedded TrueType as Type0/CIDFontType2 with Identity-H (two bytes per
//! glyph id) and a ToUnicode CMap, the two set-ups most office PDFs use.
//! How a run is written ([`TextStyle`]) varies as producers do: a whole line
//! per `Tj`, one positioned word at a time, or `TJ` arrays where the gaps
//! between words are numbers instead of space characters.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::sync::Arc;

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::standard::Standard14;
use super::truetype::TrueTypeFont;
use super::winansi;
use crate::{Error, Result};

/// A font a document can use.
#[derive(Debug, Clone)]
pub enum FontKind {
    Standard(Standard14),
    TrueType(Arc<TrueTypeFont>),
}

/// A font added to one builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FontId(usize);

/// How text runs are written into the content stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextStyle {
    /// One `Tj` per run, spaces included.
    #[default]
    Runs,
    /// Each word placed on its own with `Tm`, no space characters.
    Words,
    /// One `TJ` per run; spaces become negative displacements.
    Kerned,
}

#[derive(Debug)]
struct FontSlot {
    kind: FontKind,
    /// Glyph ids used, with the character each shows (TrueType only).
    used: BTreeMap<u16, char>,
}

#[derive(Debug)]
struct PageBuf {
    width: f32,
    height: f32,
    content: Vec<u8>,
}

/// Builds one PDF document in memory.
#[derive(Debug, Default)]
pub struct PdfBuilder {
    fonts: Vec<FontSlot>,
    pages: Vec<PageBuf>,
    current: usize,
    info: Vec<(String, String)>,
    style: TextStyle,
}

/// Numbers in content streams: two decimals at most, no trailing zeros.
fn num(out: &mut Vec<u8>, v: f32) {
    let r = (v * 100.0).round() / 100.0;
    if r == r.trunc() {
        let _ = write!(out, "{}", r as i64);
    } else {
        let s = format!("{r:.2}");
        out.extend_from_slice(s.trim_end_matches('0').as_bytes());
    }
}

impl PdfBuilder {
    pub fn new() -> PdfBuilder {
        PdfBuilder::default()
    }

    /// How text runs are written from now on.
    pub fn set_text_style(&mut self, style: TextStyle) {
        self.style = style;
    }

    /// A document information entry (`Title`, `Author`, `Producer`, `CreationDate`...).
    pub fn info(&mut self, key: &str, value: &str) {
        self.info.push((key.to_owned(), value.to_owned()));
    }

    pub fn add_font(&mut self, kind: FontKind) -> FontId {
        self.fonts.push(FontSlot {
            kind,
            used: BTreeMap::new(),
        });
        FontId(self.fonts.len() - 1)
    }

    /// Adds a page (in points) and makes it the current one; returns its index.
    pub fn add_page(&mut self, width: f32, height: f32) -> usize {
        self.pages.push(PageBuf {
            width,
            height,
            content: Vec::new(),
        });
        self.current = self.pages.len() - 1;
        self.current
    }

    /// Makes an existing page the current one (to add a footer afterwards).
    pub fn set_page(&mut self, index: usize) {
        self.current = index.min(self.pages.len().saturating_sub(1));
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    fn glyph(&self, font: FontId, c: char) -> (u16, f32) {
        match &self.fonts[font.0].kind {
            FontKind::Standard(s) => (0, s.width(c) as f32),
            FontKind::TrueType(t) => {
                let g = t.glyph(c).or_else(|| t.glyph('?')).unwrap_or(0);
                (g, t.advance_1000(g))
            }
        }
    }

    /// The width of `text` in points.
    pub fn text_width(&self, font: FontId, size: f32, text: &str) -> f32 {
        text.chars().map(|c| self.glyph(font, c).1).sum::<f32>() * size / 1000.0
    }

    /// Appends `text` encoded for `font` as a PDF string operand.
    fn string(&mut self, font: FontId, text: &str, out: &mut Vec<u8>) {
        match self.fonts[font.0].kind.clone() {
            FontKind::Standard(_) => {
                out.push(b'(');
                for b in winansi::encode(text) {
                    if matches!(b, b'(' | b')' | b'\\') {
                        out.push(b'\\');
                    }
                    out.push(b);
                }
                out.push(b')');
            }
            FontKind::TrueType(t) => {
                out.push(b'<');
                for c in text.chars() {
                    let (g, shown) = match t.glyph(c) {
                        Some(g) => (g, c),
                        None => (t.glyph('?').unwrap_or(0), '?'),
                    };
                    self.fonts[font.0].used.insert(g, shown);
                    let _ = write!(out, "{g:04X}");
                }
                out.push(b'>');
            }
        }
    }

    /// A run of text with its baseline starting at (x, y), in points from the
    /// bottom-left corner.
    pub fn text(&mut self, font: FontId, size: f32, x: f32, y: f32, text: &str) {
        if text.is_empty() || self.pages.is_empty() {
            return;
        }
        let mut out = Vec::with_capacity(text.len() * 2 + 40);
        let _ = write!(out, "BT /F{} ", font.0);
        num(&mut out, size);
        out.extend_from_slice(b" Tf ");
        match self.style {
            TextStyle::Runs => {
                tm(&mut out, x, y);
                self.string(font, text, &mut out);
                out.extend_from_slice(b" Tj");
            }
            TextStyle::Words => {
                let space = self.text_width(font, size, " ");
                let mut at = x;
                for (i, word) in text.split(' ').enumerate() {
                    if i > 0 {
                        at += space;
                    }
                    if !word.is_empty() {
                        tm(&mut out, at, y);
                        self.string(font, word, &mut out);
                        out.extend_from_slice(b" Tj ");
                    }
                    at += self.text_width(font, size, word);
                }
            }
            TextStyle::Kerned => {
                tm(&mut out, x, y);
                let space = self.glyph(font, ' ').1;
                out.push(b'[');
                // Runs of spaces become one displacement: two numbers in a
                // row would need a separator, and one is what producers write.
                let mut spaces = 0;
                for (i, word) in text.split(' ').enumerate() {
                    if i > 0 {
                        spaces += 1;
                    }
                    if word.is_empty() {
                        continue;
                    }
                    if spaces > 0 {
                        out.push(b'-');
                        num(&mut out, space * spaces as f32);
                        spaces = 0;
                    }
                    self.string(font, word, &mut out);
                }
                if spaces > 0 {
                    out.push(b'-');
                    num(&mut out, space * spaces as f32);
                }
                out.extend_from_slice(b"] TJ");
            }
        }
        out.extend_from_slice(b" ET\n");
        self.pages[self.current].content.extend_from_slice(&out);
    }

    /// A straight line `width` points thick.
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        let Some(page) = self.pages.get_mut(self.current) else {
            return;
        };
        let out = &mut page.content;
        num(out, width);
        out.extend_from_slice(b" w ");
        for v in [x1, y1] {
            num(out, v);
            out.push(b' ');
        }
        out.extend_from_slice(b"m ");
        for v in [x2, y2] {
            num(out, v);
            out.push(b' ');
        }
        out.extend_from_slice(b"l S\n");
    }

    /// A filled grey rectangle (0 black, 1 white), drawn under later text.
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, grey: f32) {
        let Some(page) = self.pages.get_mut(self.current) else {
            return;
        };
        let out = &mut page.content;
        out.extend_from_slice(b"q ");
        num(out, grey);
        out.extend_from_slice(b" g ");
        for v in [x, y, w, h] {
            num(out, v);
            out.push(b' ');
        }
        out.extend_from_slice(b"re f Q\n");
    }

    /// The finished PDF file.
    pub fn to_bytes(mut self) -> Result<Vec<u8>> {
        if self.pages.is_empty() {
            self.add_page(595.0, 842.0);
        }
        let mut doc = Document::with_version("1.5");
        // A classic cross-reference table: what office producers write, and
        // what every reader accepts (lopdf's default xref stream omits entry 0,
        // which poppler reports as an error before repairing the file).
        doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
        let pages_id = doc.new_object_id();
        let mut font_dict = Dictionary::new();
        for (i, slot) in self.fonts.iter().enumerate() {
            let id = match &slot.kind {
                FontKind::Standard(s) => doc.add_object(dictionary! {
                    "Type" => "Font",
                    "Subtype" => "Type1",
                    "BaseFont" => s.base_font(),
                    "Encoding" => "WinAnsiEncoding",
                }),
                FontKind::TrueType(t) => embed_truetype(&mut doc, t, &slot.used),
            };
            font_dict.set(format!("F{i}"), id);
        }
        let resources = doc.add_object(dictionary! { "Font" => font_dict });
        let mut kids = Vec::with_capacity(self.pages.len());
        for page in &self.pages {
            let content = doc.add_object(deflated_stream(Dictionary::new(), &page.content));
            let id = doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "MediaBox" => vec![0.into(), 0.into(), Object::Real(page.width), Object::Real(page.height)],
                "Contents" => content,
                "Resources" => resources,
            });
            kids.push(Object::Reference(id));
        }
        let count = kids.len() as i64;
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        if !self.info.is_empty() {
            let mut info = Dictionary::new();
            for (k, v) in &self.info {
                info.set(
                    k.as_str(),
                    Object::String(pdf_text_string(v), StringFormat::Literal),
                );
            }
            let info_id = doc.add_object(info);
            doc.trailer.set("Info", info_id);
        }
        let mut out = Vec::new();
        doc.save_to(&mut out)
            .map_err(|e| Error::Write(e.to_string()))?;
        Ok(out)
    }
}

fn tm(out: &mut Vec<u8>, x: f32, y: f32) {
    out.extend_from_slice(b"1 0 0 1 ");
    num(out, x);
    out.push(b' ');
    num(out, y);
    out.extend_from_slice(b" Tm ");
}

/// A text string for the Info dictionary: PDFDocEncoding when the text fits
/// Latin-1, else UTF-16BE with a byte order mark.
fn pdf_text_string(s: &str) -> Vec<u8> {
    if s.chars()
        .all(|c| (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)))
    {
        s.chars().map(|c| c as u8).collect()
    } else {
        let mut v = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            v.extend_from_slice(&u.to_be_bytes());
        }
        v
    }
}

fn deflated_stream(mut dict: Dictionary, data: &[u8]) -> Stream {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = z.write_all(data);
    let compressed = z.finish().unwrap_or_default();
    dict.set("Filter", "FlateDecode");
    Stream::new(dict, compressed)
}

/// Type0 font -> CIDFontType2 descendant -> descriptor -> FontFile2, with
/// the widths and the ToUnicode CMap of the glyphs this document used.
fn embed_truetype(doc: &mut Document, t: &TrueTypeFont, used: &BTreeMap<u16, char>) -> ObjectId {
    let (file, length1) = t.deflated();
    let file_id = doc.add_object(Stream::new(
        dictionary! { "Length1" => length1 as i64, "Filter" => "FlateDecode" },
        file.to_vec(),
    ));
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => Object::Name(t.name.clone().into_bytes()),
        "Flags" => 32,
        "FontBBox" => t.bbox.iter().map(|v| Object::Integer(t.to_1000(*v) as i64)).collect::<Vec<_>>(),
        "ItalicAngle" => 0,
        "Ascent" => t.to_1000(t.ascent) as i64,
        "Descent" => t.to_1000(t.descent) as i64,
        "CapHeight" => (t.to_1000(t.ascent) as i64 * 7) / 10,
        "StemV" => 80,
        "FontFile2" => file_id,
    });
    let mut w = Vec::with_capacity(used.len() * 2);
    for &g in used.keys() {
        w.push(Object::Integer(g as i64));
        w.push(Object::Array(vec![Object::Integer(
            t.advance_1000(g).round() as i64,
        )]));
    }
    let cid = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => Object::Name(t.name.clone().into_bytes()),
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor,
        "DW" => 1000,
        "W" => w,
        "CIDToGIDMap" => "Identity",
    });
    let to_unicode = doc.add_object(deflated_stream(
        Dictionary::new(),
        to_unicode_cmap(used).as_bytes(),
    ));
    doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => Object::Name(t.name.clone().into_bytes()),
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid)],
        "ToUnicode" => to_unicode,
    })
}

/// A ToUnicode CMap mapping each used glyph id to its character.
pub fn to_unicode_cmap(used: &BTreeMap<u16, char>) -> String {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<_> = used.iter().collect();
    for chunk in entries.chunks(100) {
        let _ = writeln!(s, "{} beginbfchar", chunk.len());
        for (g, c) in chunk {
            let _ = write_fmt_utf16(&mut s, **g, **c);
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}

fn write_fmt_utf16(s: &mut String, g: u16, c: char) -> std::fmt::Result {
    let mut buf = [0u16; 2];
    write!(s, "<{g:04X}> <")?;
    for u in c.encode_utf16(&mut buf) {
        write!(s, "{u:04X}")?;
    }
    s.push_str(">\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        let mut v = Vec::new();
        num(&mut v, 12.0);
        v.push(b' ');
        num(&mut v, 3.456);
        v.push(b' ');
        num(&mut v, 0.5);
        assert_eq!(String::from_utf8(v).unwrap(), "12 3.46 0.5");
    }

    #[test]
    fn a_standard_font_page_reads_back() {
        let mut b = PdfBuilder::new();
        let f = b.add_font(FontKind::Standard(Standard14::Helvetica));
        b.add_page(595.0, 842.0);
        b.text(f, 12.0, 72.0, 770.0, "Attività (svolta) – città");
        let bytes = b.to_bytes().unwrap();
        let doc = Document::load_mem(&bytes).unwrap();
        assert_eq!(doc.get_pages().len(), 1);
        let page = *doc.get_pages().get(&1).unwrap();
        let content = doc.get_page_content(page);
        let expected: &[u8] = b"(Attivit\xe0 \\(svolta\\) \x96 citt\xe0) Tj";
        assert!(content.windows(expected.len()).any(|w| w == expected));
    }

    #[test]
    fn the_same_calls_give_the_same_bytes() {
        let make = || {
            let mut b = PdfBuilder::new();
            b.set_text_style(TextStyle::Kerned);
            let f = b.add_font(FontKind::Standard(Standard14::TimesRoman));
            b.info("Title", "Deliberazione n. 12 – città");
            b.add_page(595.0, 842.0);
            b.text(f, 10.0, 56.0, 700.0, "Presenti n. 5   Assenti n. 2");
            b.to_bytes().unwrap()
        };
        assert_eq!(make(), make());
    }

    #[test]
    fn kerned_runs_turn_spaces_into_one_displacement() {
        let mut b = PdfBuilder::new();
        b.set_text_style(TextStyle::Kerned);
        let f = b.add_font(FontKind::Standard(Standard14::Helvetica));
        b.add_page(595.0, 842.0);
        b.text(f, 10.0, 56.0, 700.0, "Presenti n. 5   Assenti");
        let content = String::from_utf8_lossy(&b.pages[0].content).into_owned();
        assert!(
            content.contains("[(Presenti)-278(n.)-278(5)-834(Assenti)] TJ"),
            "{content}"
        );
    }

    #[test]
    fn embedded_truetype_has_identity_h_widths_and_to_unicode() {
        let path = std::path::Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        if !path.exists() {
            eprintln!("skipped: DejaVuSans.ttf absent (apt-get install fonts-dejavu-core)");
            return;
        }
        let font = TrueTypeFont::load(path)
            .unwrap()
            .subset("Cità’ ".chars())
            .unwrap();
        let gid_a = font.glyph('à').unwrap();
        let mut b = PdfBuilder::new();
        let f = b.add_font(FontKind::TrueType(Arc::new(font)));
        b.add_page(595.0, 842.0);
        b.text(f, 12.0, 72.0, 770.0, "Città’");
        let doc = Document::load_mem(&b.to_bytes().unwrap()).unwrap();
        let page = *doc.get_pages().get(&1).unwrap();
        let fonts = doc.get_page_fonts(page).unwrap();
        let type0 = fonts.values().next().unwrap();
        assert_eq!(
            type0.get(b"Encoding").unwrap().as_name().unwrap(),
            b"Identity-H"
        );
        let tu = doc
            .get_object(type0.get(b"ToUnicode").unwrap().as_reference().unwrap())
            .unwrap()
            .as_stream()
            .unwrap()
            .decompressed_content()
            .unwrap();
        let tu = String::from_utf8(tu).unwrap();
        assert!(tu.contains(&format!("<{gid_a:04X}> <00E0>")), "{tu}");
        assert!(tu.contains("<2019>"), "{tu}");
        let content = doc.get_page_content(page);
        let hex = format!("{gid_a:04X}");
        assert!(String::from_utf8_lossy(&content).contains(&hex));
    }

    #[test]
    fn to_unicode_maps_glyphs() {
        let mut used = BTreeMap::new();
        used.insert(0x48u16, 'è');
        used.insert(0x1234u16, '’');
        let cmap = to_unicode_cmap(&used);
        assert!(cmap.contains("2 beginbfchar\n<0048> <00E8>\n<1234> <2019>\n"));
    }
}

//! The embedded font program of a font, as a last source of text.
//!
//! When a PDF gives a font neither `/ToUnicode` nor an encoding that says
//! what a code means, the font program embedded in its descriptor still
//! knows: a Type1 program (`/FontFile`) carries its own `/Encoding` of glyph
//! names, a CFF program (`/FontFile3`) an encoding and a charset of names, a
//! TrueType program (`/FontFile2`, or an OpenType `/FontFile3`) cmap
//! subtables and `post` glyph names. This module loads whichever is there
//! and answers the two questions the font asks: the text of a simple font's
//! byte, and the text of each CID of a CID font. Glyph names become text
//! through [`glyph_text`]; glyphs without a meaningful name or a Unicode
//! cmap entry stay without text, which is better than a wrong guess.

use lopdf::{Dictionary, Document, Object};

use super::cff::Cff;
use super::cmap::IntMap;
use super::encoding::{glyph_text, type1_builtin, Builtin};
use super::objects::{get, get_name, stream_bytes_in};
use super::truetype::TrueType;

/// Largest font program read, decoded.
const MAX_PROGRAM: usize = 16 << 20;

pub(super) enum Program {
    Type1(Builtin),
    Cff(Cff),
    TrueType {
        font: TrueType,
        /// Glyph id to character from the reverse of its Unicode cmap.
        unicode: IntMap<char>,
    },
}

impl Program {
    /// The program of a font descriptor, if one is embedded and readable.
    pub fn load(doc: &Document, descriptor: &Dictionary, limit: usize) -> Option<Program> {
        let limit = limit.min(MAX_PROGRAM);
        for key in [&b"FontFile"[..], b"FontFile2", b"FontFile3"] {
            let Some(Object::Stream(s)) = get(doc, descriptor, key) else {
                continue;
            };
            let bytes = stream_bytes_in(doc, s, limit).ok()?;
            let subtype = get_name(doc, &s.dict, b"Subtype").unwrap_or(b"");
            return match key {
                b"FontFile" => Some(Program::Type1(type1_builtin(&bytes))),
                b"FontFile3" if subtype != b"OpenType" => match Cff::parse(&bytes) {
                    Some(c) => Some(Program::Cff(c)),
                    // Producers mislabel programs: try the other family.
                    None => Program::truetype(&bytes),
                },
                _ => Program::truetype(&bytes).or_else(|| Cff::parse(&bytes).map(Program::Cff)),
            };
        }
        None
    }

    fn truetype(bytes: &[u8]) -> Option<Program> {
        let font = TrueType::parse(bytes)?;
        let unicode = font.reverse_unicode();
        Some(Program::TrueType { font, unicode })
    }

    /// The program's own encoding, which stands under the PDF's
    /// `/Differences` when the font names no base encoding; `None` when the
    /// program has none (TrueType, CID-keyed CFF) or it cannot be read.
    pub fn builtin(&self) -> Option<Builtin> {
        match self {
            Program::Type1(Builtin::Unknown) => None,
            Program::Type1(b) => Some(b.clone()),
            Program::Cff(c) if c.is_cid_keyed() => None,
            Program::Cff(c) if c.is_expert() => Some(Builtin::Expert),
            Program::Cff(c) => match c.builtin_encoding() {
                None => Some(Builtin::Standard),
                Some(pairs) => Some(Builtin::Codes(
                    pairs
                        .into_iter()
                        .map(|(code, name)| (code, glyph_text(name.as_bytes())))
                        .collect(),
                )),
            },
            Program::TrueType { .. } => None,
        }
    }

    /// The text of a glyph of a TrueType or CFF program: its Unicode cmap
    /// entry, else its name.
    fn gid_text(&self, gid: u16) -> Option<String> {
        match self {
            Program::TrueType { font, unicode } => unicode
                .get(&(gid as u32))
                .map(|c| c.to_string())
                .or_else(|| glyph_text(font.glyph_name(gid)?.as_bytes())),
            Program::Cff(c) => glyph_text(c.glyph_name(gid)?.as_bytes()),
            Program::Type1(_) => None,
        }
    }

    /// The text of a simple font's byte according to the program alone
    /// (TrueType programs: through their symbol or Macintosh cmap).
    pub fn simple_text(&self, code: u8) -> Option<String> {
        match self {
            Program::TrueType { font, .. } => self.gid_text(font.simple_gid(code)?),
            _ => None,
        }
    }

    /// Calls `f(cid, text)` for every CID of a CID font whose glyph has a
    /// text. `cid_to_gid` is the CIDFont's `/CIDToGIDMap` stream (two bytes
    /// per CID), or `None` for Identity.
    pub fn cid_texts(&self, cid_to_gid: Option<&[u8]>, mut f: impl FnMut(u32, String)) {
        let glyphs = match self {
            Program::TrueType { font, .. } => font.num_glyphs(),
            // Only name-keyed CFF programs name their glyphs; their CIDs
            // are glyph ids.
            Program::Cff(c) if !c.is_cid_keyed() => c.num_glyphs(),
            _ => return,
        };
        match cid_to_gid {
            Some(map) if matches!(self, Program::TrueType { .. }) => {
                for (cid, pair) in map.chunks_exact(2).take(65_536).enumerate() {
                    let gid = u16::from_be_bytes([pair[0], pair[1]]);
                    if gid != 0 {
                        if let Some(t) = self.gid_text(gid) {
                            f(cid as u32, t);
                        }
                    }
                }
            }
            _ => {
                for gid in 1..glyphs.min(65_536) {
                    if let Some(t) = self.gid_text(gid as u16) {
                        f(gid as u32, t);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "program_tests.rs"]
mod tests;

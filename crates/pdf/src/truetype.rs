//! Embedded TrueType (and OpenType) programs: from a code to a glyph, and
//! from a glyph to text.
//!
//! A TrueType font embedded without `/ToUnicode` still says what its glyphs
//! are, in two places. Its `cmap` table maps character codes to glyph ids:
//! the Windows Unicode subtables (3,1) and (3,10) by Unicode value, the
//! Windows symbol subtable (3,0) by codes that symbol fonts place at
//! U+F000 + byte, the Macintosh subtable (1,0) by Mac Roman byte. Its `post`
//! table may name every glyph (`egrave`, `uni00E0`), partly through the 258
//! standard Macintosh names. A simple font's byte then reaches a glyph
//! through the symbol or Mac subtable, and a glyph reaches text through the
//! reverse of a Unicode subtable or through its name. OpenType programs
//! with CFF outlines (`OTTO`) carry the same `cmap` and name their glyphs in
//! the CFF charset instead, which [`super::cff`] reads.
//!
//! The file is hostile: every offset and length is checked against the
//! data, every loop is bounded by the data it walks, and the tables built
//! here never grow past a fixed cap whatever counts the file claims.

use super::cff::Cff;
use super::cmap::IntMap;
use super::glyphnames::MAC_STANDARD;

/// Most glyphs a TrueType font can address.
const MAX_GLYPHS: usize = 65_536;
/// Most (code, glyph) pairs kept from one cmap subtable.
const MAX_MAPPINGS: usize = 200_000;

fn u16_at(d: &[u8], off: usize) -> Option<u16> {
    let b = d.get(off..off.checked_add(2)?)?;
    Some(u16::from_be_bytes([b[0], b[1]]))
}

fn u32_at(d: &[u8], off: usize) -> Option<u32> {
    let b = d.get(off..off.checked_add(4)?)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

/// One cmap subtable, as (code, glyph) pairs sorted by code.
struct Subtable {
    platform: u16,
    encoding: u16,
    pairs: Vec<(u32, u16)>,
}

impl Subtable {
    fn gid(&self, code: u32) -> Option<u16> {
        let i = self.pairs.binary_search_by_key(&code, |p| p.0).ok()?;
        Some(self.pairs[i].1).filter(|&g| g != 0)
    }
}

pub(super) struct TrueType {
    num_glyphs: usize,
    subtables: Vec<Subtable>,
    /// `post` names: per glyph, an index below 258 into the Macintosh
    /// names, or 258 + an index into `custom`.
    name_index: Vec<u16>,
    custom: Vec<String>,
    /// The CFF table of an OpenType program, for its glyph names.
    cff: Option<Cff>,
}

impl TrueType {
    /// Reads the tables of an sfnt program; `None` when it is not one.
    pub fn parse(data: &[u8]) -> Option<TrueType> {
        let tag = data.get(0..4)?;
        if tag != [0, 1, 0, 0] && tag != b"true" && tag != b"OTTO" {
            return None;
        }
        let count = u16_at(data, 4)? as usize;
        let mut tables: Vec<(&[u8], &[u8])> = Vec::new();
        for i in 0..count.min(256) {
            let rec = 12 + i * 16;
            let Some(name) = data.get(rec..rec + 4) else {
                break;
            };
            let (Some(off), Some(len)) = (u32_at(data, rec + 8), u32_at(data, rec + 12)) else {
                break;
            };
            let (off, len) = (off as usize, len as usize);
            // Subsetters sometimes write a length a little past the end:
            // keep what is there.
            if let Some(body) = data.get(off..off.saturating_add(len).min(data.len())) {
                tables.push((name, body));
            }
        }
        let table = |t: &[u8]| tables.iter().find(|(n, _)| *n == t).map(|(_, b)| *b);
        let num_glyphs = table(b"maxp")
            .and_then(|m| u16_at(m, 4))
            .map(|n| n as usize)
            .unwrap_or(MAX_GLYPHS);
        let mut tt = TrueType {
            num_glyphs,
            subtables: Vec::new(),
            name_index: Vec::new(),
            custom: Vec::new(),
            cff: table(b"CFF ").and_then(Cff::parse),
        };
        if let Some(cmap) = table(b"cmap") {
            tt.read_cmap(cmap);
        }
        if let Some(post) = table(b"post") {
            tt.read_post(post);
        }
        Some(tt)
    }

    fn read_cmap(&mut self, cmap: &[u8]) {
        let count = u16_at(cmap, 2).unwrap_or(0) as usize;
        for i in 0..count.min(64) {
            let rec = 4 + i * 8;
            let (Some(platform), Some(encoding), Some(off)) = (
                u16_at(cmap, rec),
                u16_at(cmap, rec + 2),
                u32_at(cmap, rec + 4),
            ) else {
                break;
            };
            let wanted =
                matches!((platform, encoding), (3, 0) | (3, 1) | (3, 10) | (1, 0)) || platform == 0;
            if !wanted
                || self
                    .subtables
                    .iter()
                    .any(|s| (s.platform, s.encoding) == (platform, encoding))
            {
                continue;
            }
            let Some(sub) = cmap.get(off as usize..) else {
                continue;
            };
            let kept: usize = self.subtables.iter().map(|s| s.pairs.len()).sum();
            if kept >= 2 * MAX_MAPPINGS {
                break;
            }
            let mut pairs = read_subtable(sub);
            pairs.sort_unstable_by_key(|p| p.0);
            pairs.dedup_by_key(|p| p.0);
            if !pairs.is_empty() {
                self.subtables.push(Subtable {
                    platform,
                    encoding,
                    pairs,
                });
            }
        }
    }

    fn read_post(&mut self, post: &[u8]) {
        let Some(version) = u32_at(post, 0) else {
            return;
        };
        match version {
            0x0001_0000 => {
                let n = self.num_glyphs.min(MAC_STANDARD.len());
                self.name_index = (0..n as u16).collect();
            }
            0x0002_0000 => {
                let n = u16_at(post, 32).unwrap_or(0) as usize;
                let n = n
                    .min(self.num_glyphs)
                    .min(post.len().saturating_sub(34) / 2);
                self.name_index = (0..n).filter_map(|g| u16_at(post, 34 + 2 * g)).collect();
                let wanted = self
                    .name_index
                    .iter()
                    .map(|&i| i as usize)
                    .filter(|&i| i >= MAC_STANDARD.len())
                    .map(|i| i - MAC_STANDARD.len() + 1)
                    .max()
                    .unwrap_or(0);
                let mut pos = 34 + 2 * n;
                while self.custom.len() < wanted {
                    let Some(&len) = post.get(pos) else { break };
                    let Some(s) = post.get(pos + 1..pos + 1 + len as usize) else {
                        break;
                    };
                    self.custom.push(String::from_utf8_lossy(s).into_owned());
                    pos += 1 + len as usize;
                }
            }
            0x0002_5000 => {
                // Each glyph's name is a standard one, at an offset from
                // its own id.
                let n = u16_at(post, 32).unwrap_or(0) as usize;
                let n = n.min(self.num_glyphs).min(post.len().saturating_sub(34));
                self.name_index = (0..n)
                    .map(|g| {
                        (g as i64 + post[34 + g] as i8 as i64).clamp(0, u16::MAX as i64) as u16
                    })
                    .collect();
            }
            _ => {}
        }
    }

    fn subtable(&self, platform: u16, encoding: u16) -> Option<&Subtable> {
        self.subtables
            .iter()
            .find(|s| s.platform == platform && s.encoding == encoding)
    }

    /// The glyph of a simple font's byte, read as the PDF specification
    /// asks for fonts without a usable encoding: through the symbol
    /// subtable (at the byte or at U+F000, U+F100, U+F200 + byte), else the
    /// Macintosh one, else a Unicode one at the byte itself.
    pub fn simple_gid(&self, code: u8) -> Option<u16> {
        let c = code as u32;
        if let Some(s) = self.subtable(3, 0) {
            for base in [0xF000, 0, 0xF100, 0xF200] {
                if let Some(g) = s.gid(base + c) {
                    return Some(g);
                }
            }
        }
        if let Some(g) = self.subtable(1, 0).and_then(|s| s.gid(c)) {
            return Some(g);
        }
        self.unicode_subtables().find_map(|s| s.gid(c))
    }

    fn unicode_subtables(&self) -> impl Iterator<Item = &Subtable> {
        self.subtables
            .iter()
            .filter(|s| matches!((s.platform, s.encoding), (3, 1) | (3, 10)) || s.platform == 0)
    }

    /// The name of a glyph in the `post` table (or the CFF charset).
    pub fn glyph_name(&self, gid: u16) -> Option<&str> {
        if let Some(&i) = self.name_index.get(gid as usize) {
            let i = i as usize;
            return match MAC_STANDARD.get(i) {
                Some(n) => Some(n),
                None => self.custom.get(i - MAC_STANDARD.len()).map(String::as_str),
            };
        }
        self.cff.as_ref().and_then(|c| c.glyph_name(gid))
    }

    /// Glyph id to character, reversing the Unicode subtables. When several
    /// characters share a glyph the smallest one outside the private use
    /// area wins (a space shared with a no-break space reads as a space).
    pub fn reverse_unicode(&self) -> IntMap<char> {
        let mut out: IntMap<char> = IntMap::default();
        for s in self.unicode_subtables() {
            for &(code, gid) in &s.pairs {
                let Some(c) = char::from_u32(code) else {
                    continue;
                };
                if gid == 0 || c.is_control() {
                    continue;
                }
                let pua = |c: char| ('\u{E000}'..='\u{F8FF}').contains(&c);
                let e = out.entry(gid as u32).or_insert(c);
                if pua(*e) && !pua(c) {
                    *e = c;
                }
            }
        }
        out
    }

    pub fn num_glyphs(&self) -> usize {
        self.num_glyphs.min(MAX_GLYPHS)
    }
}

/// The (code, glyph) pairs of one cmap subtable in formats 0, 4, 6 or 12;
/// other formats (2, the CJK byte-mixed one, and 13/14) yield nothing.
fn read_subtable(sub: &[u8]) -> Vec<(u32, u16)> {
    let mut out = Vec::new();
    match u16_at(sub, 0) {
        Some(0) => {
            for code in 0..256usize {
                match sub.get(6 + code) {
                    Some(&g) if g != 0 => out.push((code as u32, g as u16)),
                    Some(_) => {}
                    None => break,
                }
            }
        }
        Some(4) => {
            let seg2 = u16_at(sub, 6).unwrap_or(0) as usize & !1;
            let ends = 14;
            let starts = ends + seg2 + 2;
            let deltas = starts + seg2;
            let ranges = deltas + seg2;
            // Codes visited, mapped or not: a hostile table of 32767
            // segments of 65536 codes each must not cost billions of steps.
            let mut visited = 0usize;
            for s in (0..seg2).step_by(2) {
                let (Some(end), Some(start), Some(delta), Some(range)) = (
                    u16_at(sub, ends + s),
                    u16_at(sub, starts + s),
                    u16_at(sub, deltas + s),
                    u16_at(sub, ranges + s),
                ) else {
                    break;
                };
                if start > end {
                    continue;
                }
                for code in start..=end {
                    visited += 1;
                    if out.len() >= MAX_MAPPINGS || visited > 4 * MAX_MAPPINGS {
                        return out;
                    }
                    let gid = if range == 0 {
                        code.wrapping_add(delta)
                    } else {
                        let at = ranges + s + range as usize + 2 * (code - start) as usize;
                        match u16_at(sub, at) {
                            Some(0) | None => 0,
                            Some(g) => g.wrapping_add(delta),
                        }
                    };
                    if gid != 0 && code != 0xFFFF {
                        out.push((code as u32, gid));
                    }
                }
            }
        }
        Some(6) => {
            let first = u16_at(sub, 6).unwrap_or(0) as u32;
            let count = u16_at(sub, 8).unwrap_or(0) as usize;
            for i in 0..count {
                match u16_at(sub, 10 + 2 * i) {
                    Some(0) => {}
                    Some(g) => out.push((first + i as u32, g)),
                    None => break,
                }
            }
        }
        Some(12) => {
            let groups = u32_at(sub, 12).unwrap_or(0) as usize;
            for i in 0..groups.min(sub.len() / 12) {
                let at = 16 + 12 * i;
                let (Some(start), Some(end), Some(gid)) =
                    (u32_at(sub, at), u32_at(sub, at + 4), u32_at(sub, at + 8))
                else {
                    break;
                };
                if start > end || end > 0x10_FFFF {
                    continue;
                }
                for k in 0..=(end - start) {
                    if out.len() >= MAX_MAPPINGS {
                        return out;
                    }
                    let g = gid.saturating_add(k);
                    if g >= MAX_GLYPHS as u32 {
                        break;
                    }
                    if g > 0 {
                        out.push((start + k, g as u16));
                    }
                }
            }
        }
        _ => {}
    }
    out
}

//! A TrueType font read just enough to embed it in a PDF.
//!
//! Embedding as a Type0 font with Identity-H means the content stream holds
//! glyph ids, not characters: the writer needs the character-to-glyph map
//! (`cmap`), the advance widths (`hmtx`) for the `/W` array and for layout, and
//! a few metrics for the font descriptor. Real producers embed a subset of the
//! font; [`TrueTypeFont::subset`] keeps the glyph outlines of a set of
//! characters and empties the others, keeping glyph ids unchanged, so one
//! subset serves every document of a corpus.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

use crate::{Error, Result};

/// A parsed TrueType font.
#[derive(Debug)]
pub struct TrueTypeFont {
    /// The PostScript-style name used for `/BaseFont` (no spaces).
    pub name: String,
    pub units_per_em: u16,
    pub ascent: i16,
    pub descent: i16,
    /// xMin, yMin, xMax, yMax in font units.
    pub bbox: [i16; 4],
    advances: Vec<u16>,
    cmap: HashMap<char, u16>,
    data: Vec<u8>,
    tables: Vec<Table>,
    /// The font file deflated, computed once and shared by every PDF.
    deflated: OnceLock<Vec<u8>>,
}

#[derive(Debug, Clone, Copy)]
struct Table {
    tag: [u8; 4],
    offset: usize,
    len: usize,
}

fn bad(name: &str, what: &str) -> Error {
    Error::Font {
        name: name.into(),
        what: what.into(),
    }
}

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    d.get(at..at + 2).map(|b| u16::from_be_bytes([b[0], b[1]]))
}

fn i16_at(d: &[u8], at: usize) -> Option<i16> {
    u16_at(d, at).map(|v| v as i16)
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    d.get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

impl TrueTypeFont {
    /// Reads and parses a `.ttf` file.
    pub fn load(path: &Path) -> Result<TrueTypeFont> {
        let data = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().replace(' ', ""))
            .unwrap_or_else(|| "Embedded".into());
        TrueTypeFont::parse(data, &name)
    }

    /// Parses the tables of a TrueType font held in memory.
    pub fn parse(data: Vec<u8>, name: &str) -> Result<TrueTypeFont> {
        let n = u16_at(&data, 4).ok_or_else(|| bad(name, "truncated"))? as usize;
        let mut tables = Vec::with_capacity(n);
        for i in 0..n {
            let rec = 12 + 16 * i;
            let tag = data
                .get(rec..rec + 4)
                .ok_or_else(|| bad(name, "truncated table directory"))?;
            let offset = u32_at(&data, rec + 8).unwrap_or(0) as usize;
            let len = u32_at(&data, rec + 12).unwrap_or(0) as usize;
            if offset + len > data.len() {
                return Err(bad(name, "a table lies outside the file"));
            }
            tables.push(Table {
                tag: [tag[0], tag[1], tag[2], tag[3]],
                offset,
                len,
            });
        }
        let find = |tag: &[u8; 4]| {
            tables
                .iter()
                .find(|t| &t.tag == tag)
                .map(|t| &data[t.offset..t.offset + t.len])
                .ok_or_else(|| bad(name, &format!("no {} table", String::from_utf8_lossy(tag))))
        };
        let head = find(b"head")?;
        let units_per_em = u16_at(head, 18).filter(|&u| u > 0).unwrap_or(1000);
        let mut bbox = [0i16; 4];
        for (i, v) in bbox.iter_mut().enumerate() {
            *v = i16_at(head, 36 + 2 * i).unwrap_or(0);
        }
        let hhea = find(b"hhea")?;
        let ascent = i16_at(hhea, 4).unwrap_or(800);
        let descent = i16_at(hhea, 6).unwrap_or(-200);
        let n_hmetrics = u16_at(hhea, 34).unwrap_or(0) as usize;
        let n_glyphs = u16_at(find(b"maxp")?, 4).unwrap_or(0) as usize;
        let hmtx = find(b"hmtx")?;
        let mut advances = Vec::with_capacity(n_glyphs);
        let mut last = 0;
        for g in 0..n_glyphs {
            if g < n_hmetrics {
                last = u16_at(hmtx, 4 * g).unwrap_or(last);
            }
            advances.push(last);
        }
        let cmap = parse_cmap(find(b"cmap")?);
        if cmap.is_empty() {
            return Err(bad(name, "no Unicode character map"));
        }
        let font = TrueTypeFont {
            name: name.to_owned(),
            units_per_em,
            ascent,
            descent,
            bbox,
            advances,
            cmap,
            data,
            tables,
            deflated: OnceLock::new(),
        };
        Ok(font)
    }

    fn table(&self, tag: &[u8; 4]) -> Option<&[u8]> {
        self.tables
            .iter()
            .find(|t| &t.tag == tag)
            .map(|t| &self.data[t.offset..t.offset + t.len])
    }

    /// The glyph of `c`, if the font has one.
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.cmap.get(&c).copied()
    }

    /// The advance of a glyph in thousandths of the font size.
    pub fn advance_1000(&self, gid: u16) -> f32 {
        let a = self.advances.get(gid as usize).copied().unwrap_or(0);
        a as f32 * 1000.0 / self.units_per_em as f32
    }

    /// Scales font units to thousandths of the font size.
    pub fn to_1000(&self, v: i16) -> i32 {
        (v as f32 * 1000.0 / self.units_per_em as f32).round() as i32
    }

    /// The font file as stored in the PDF (FlateDecode), and its length before
    /// compression (`/Length1`).
    pub fn deflated(&self) -> (&[u8], usize) {
        let d = self.deflated.get_or_init(|| {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            let _ = z.write_all(&self.data);
            z.finish().unwrap_or_default()
        });
        (d, self.data.len())
    }

    /// A font with the outlines of `chars` only (and of `.notdef`), glyph ids
    /// unchanged; the characters outside the subset are not mapped any more.
    /// Layout tables (GSUB, GPOS, kern) are dropped: a PDF positions glyphs
    /// itself.
    pub fn subset(&self, chars: impl IntoIterator<Item = char>) -> Result<TrueTypeFont> {
        let glyf = self
            .table(b"glyf")
            .ok_or_else(|| bad(&self.name, "no glyf table"))?;
        let head = self
            .table(b"head")
            .ok_or_else(|| bad(&self.name, "no head table"))?;
        let loca = self
            .table(b"loca")
            .ok_or_else(|| bad(&self.name, "no loca table"))?;
        let long_loca = i16_at(head, 50) == Some(1);
        let n = self.advances.len();
        let offset = |g: usize| -> usize {
            if long_loca {
                u32_at(loca, 4 * g).unwrap_or(0) as usize
            } else {
                u16_at(loca, 2 * g).unwrap_or(0) as usize * 2
            }
        };
        let mut keep: BTreeSet<u16> = BTreeSet::new();
        let mut cmap = HashMap::new();
        let mut todo: Vec<u16> = vec![0];
        for c in chars {
            if let Some(g) = self.glyph(c) {
                cmap.insert(c, g);
                todo.push(g);
            }
        }
        // Composite glyphs (accented letters) are drawn from other glyphs:
        // keep those too.
        while let Some(g) = todo.pop() {
            if !keep.insert(g) {
                continue;
            }
            let (s, e) = (offset(g as usize), offset(g as usize + 1));
            let Some(data) = glyf.get(s..e) else { continue };
            if data.len() < 10 || i16_at(data, 0).unwrap_or(0) >= 0 {
                continue;
            }
            let mut at = 10;
            loop {
                let (Some(flags), Some(comp)) = (u16_at(data, at), u16_at(data, at + 2)) else {
                    break;
                };
                todo.push(comp);
                at += 4 + if flags & 0x0001 != 0 { 4 } else { 2 };
                at += if flags & 0x0008 != 0 {
                    2
                } else if flags & 0x0040 != 0 {
                    4
                } else if flags & 0x0080 != 0 {
                    8
                } else {
                    0
                };
                if flags & 0x0020 == 0 {
                    break;
                }
            }
        }
        let mut new_glyf = Vec::new();
        let mut new_loca = Vec::with_capacity(4 * (n + 1));
        for g in 0..n {
            new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
            if keep.contains(&(g as u16)) {
                if let Some(d) = glyf.get(offset(g)..offset(g + 1)) {
                    new_glyf.extend_from_slice(d);
                    while new_glyf.len() % 4 != 0 {
                        new_glyf.push(0);
                    }
                }
            }
        }
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        let mut new_head = head.to_vec();
        new_head[8..12].copy_from_slice(&[0; 4]);
        new_head[50..52].copy_from_slice(&1i16.to_be_bytes());

        let mut out_tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
        for t in &self.tables {
            let body = match &t.tag {
                b"glyf" => new_glyf.clone(),
                b"loca" => new_loca.clone(),
                b"head" => new_head.clone(),
                b"cmap" | b"cvt " | b"fpgm" | b"hhea" | b"hmtx" | b"maxp" | b"prep" | b"OS/2" => {
                    self.data[t.offset..t.offset + t.len].to_vec()
                }
                _ => continue,
            };
            out_tables.push((t.tag, body));
        }
        out_tables.sort_by(|a, b| a.0.cmp(&b.0));
        let data = write_font(&out_tables);
        let mut sub = TrueTypeFont::parse(data, &self.name)?;
        sub.cmap = cmap;
        sub.name = format!("{}+{}", subset_tag(&keep), self.name);
        Ok(sub)
    }
}

/// Six capital letters that name a subset, derived from its glyphs so that
/// the same subset always gets the same tag.
fn subset_tag(glyphs: &BTreeSet<u16>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for g in glyphs {
        h = (h ^ *g as u64).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|i| (b'A' + ((h >> (i * 8)) % 26) as u8) as char)
        .collect()
}

fn checksum(d: &[u8]) -> u32 {
    d.chunks(4).fold(0u32, |s, c| {
        let mut b = [0u8; 4];
        b[..c.len()].copy_from_slice(c);
        s.wrapping_add(u32::from_be_bytes(b))
    })
}

/// Writes an sfnt file from tables sorted by tag.
fn write_font(tables: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let n = tables.len() as u16;
    let mut pow = 1u16;
    let mut log = 0u16;
    while pow * 2 <= n {
        pow *= 2;
        log += 1;
    }
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [n, pow * 16, log, n * 16 - pow * 16] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, body) in tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(body).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += body.len().div_ceil(4) * 4;
    }
    for (_, body) in tables {
        out.extend_from_slice(body);
        while out.len() % 4 != 0 {
            out.push(0);
        }
    }
    if let Some(h) = head_at {
        let adj = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[h + 8..h + 12].copy_from_slice(&adj.to_be_bytes());
    }
    out
}

/// The Unicode map of a `cmap` table: format 12 (full Unicode) when present,
/// else format 4 (the Basic Multilingual Plane).
fn parse_cmap(cmap: &[u8]) -> HashMap<char, u16> {
    let n = u16_at(cmap, 2).unwrap_or(0) as usize;
    let mut best: Option<(u8, usize)> = None;
    for i in 0..n {
        let rec = 4 + 8 * i;
        let (Some(platform), Some(encoding), Some(off)) = (
            u16_at(cmap, rec),
            u16_at(cmap, rec + 2),
            u32_at(cmap, rec + 4),
        ) else {
            break;
        };
        let off = off as usize;
        let format = u16_at(cmap, off).unwrap_or(0);
        let rank = match (platform, encoding, format) {
            (3, 10, 12) | (0, 4, 12) | (0, 6, 12) => 3,
            (3, 1, 4) | (0, 3, 4) => 2,
            (0, _, 4) => 1,
            _ => 0,
        };
        if rank > 0 && best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, off));
        }
    }
    let mut map = HashMap::new();
    let Some((rank, off)) = best else { return map };
    let sub = &cmap[off.min(cmap.len())..];
    if rank == 3 {
        let groups = u32_at(sub, 12).unwrap_or(0) as usize;
        for i in 0..groups {
            let g = 16 + 12 * i;
            let (Some(start), Some(end), Some(gid)) =
                (u32_at(sub, g), u32_at(sub, g + 4), u32_at(sub, g + 8))
            else {
                break;
            };
            for (k, u) in (start..=end.min(start + 0xFFFF)).enumerate() {
                if let Some(c) = char::from_u32(u) {
                    map.insert(c, (gid + k as u32) as u16);
                }
            }
        }
        return map;
    }
    let segs = u16_at(sub, 6).unwrap_or(0) as usize / 2;
    let ends = 14;
    let starts = ends + 2 * segs + 2;
    let deltas = starts + 2 * segs;
    let ranges = deltas + 2 * segs;
    for s in 0..segs {
        let (Some(end), Some(start), Some(delta), Some(range)) = (
            u16_at(sub, ends + 2 * s),
            u16_at(sub, starts + 2 * s),
            u16_at(sub, deltas + 2 * s),
            u16_at(sub, ranges + 2 * s),
        ) else {
            break;
        };
        for u in start..=end {
            if u == 0xFFFF {
                break;
            }
            let gid = if range == 0 {
                u.wrapping_add(delta)
            } else {
                let at = ranges + 2 * s + range as usize + 2 * (u - start) as usize;
                match u16_at(sub, at) {
                    Some(0) | None => 0,
                    Some(g) => g.wrapping_add(delta),
                }
            };
            if gid != 0 {
                if let Some(c) = char::from_u32(u as u32) {
                    map.insert(c, gid);
                }
            }
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEJAVU: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    #[test]
    fn reads_and_subsets_dejavu() {
        let path = Path::new(DEJAVU);
        if !path.exists() {
            eprintln!("skipped: {DEJAVU} absent (apt-get install fonts-dejavu-core)");
            return;
        }
        let font = TrueTypeFont::load(path).unwrap();
        assert_eq!(font.units_per_em, 2048);
        let e = font.glyph('è').unwrap();
        assert!(font.advance_1000(e) > 500.0 && font.advance_1000(e) < 700.0);
        let sub = font.subset("abcè’".chars()).unwrap();
        assert!(sub.data.len() < font.data.len() / 3);
        assert_eq!(sub.glyph('è'), Some(e));
        assert_eq!(sub.glyph('z'), None);
        assert!(sub.name.ends_with("+DejaVuSans"));
    }
}

//! Embedded CFF programs (`/FontFile3` of subtype Type1C or CIDFontType0C):
//! their built-in encoding and the names of their glyphs.
//!
//! A CFF font lists its glyphs in CharStrings order (glyph ids) and names
//! them through its charset: for each glyph after `.notdef`, a string id
//! (SID) that is either one of the 391 standard strings or an index into the
//! font's own String INDEX. Its encoding maps byte codes to glyph ids, either
//! one of two predefined encodings (Standard, Expert) or a table in format 0
//! (a list of codes) or 1 (ranges of codes), optionally followed by
//! supplements that give extra codes to named glyphs. A simple font without
//! `/Encoding` takes its text from this chain: code, glyph, name, character.
//! CID-keyed fonts (a `ROS` operator in the Top DICT) use the charset for
//! CIDs instead of names, so they name nothing.
//!
//! Every INDEX offset, DICT operand and table length is checked against the
//! data; counts read from the file are capped by what the data can hold.

use super::glyphnames::CFF_STANDARD;

const MAX_GLYPHS: usize = 65_536;

fn u8_at(d: &[u8], off: usize) -> Option<usize> {
    d.get(off).map(|&b| b as usize)
}

fn u16_at(d: &[u8], off: usize) -> Option<usize> {
    let b = d.get(off..off.checked_add(2)?)?;
    Some(u16::from_be_bytes([b[0], b[1]]) as usize)
}

/// An offset of `size` bytes (1 to 4).
fn offset_at(d: &[u8], off: usize, size: usize) -> Option<usize> {
    let b = d.get(off..off.checked_add(size)?)?;
    Some(b.iter().fold(0usize, |a, &x| (a << 8) | x as usize))
}

/// One INDEX: the byte ranges of its items, and where the data after it
/// begins.
struct Index {
    items: Vec<(usize, usize)>,
    end: usize,
}

fn read_index(d: &[u8], at: usize) -> Option<Index> {
    let count = u16_at(d, at)?;
    if count == 0 {
        return Some(Index {
            items: Vec::new(),
            end: at + 2,
        });
    }
    let size = u8_at(d, at + 2)?;
    if !(1..=4).contains(&size) {
        return None;
    }
    let offsets = at + 3;
    // The offsets alone must fit in the data.
    if offsets.checked_add((count + 1).checked_mul(size)?)? > d.len() {
        return None;
    }
    let base = offsets + (count + 1) * size - 1;
    let mut items = Vec::with_capacity(count);
    let mut prev = offset_at(d, offsets, size)?;
    for i in 1..=count {
        let next = offset_at(d, offsets + i * size, size)?;
        let (start, end) = (base.checked_add(prev)?, base.checked_add(next)?);
        if prev == 0 || next < prev || end > d.len() {
            return None;
        }
        items.push((start, end));
        prev = next;
    }
    let end = base.checked_add(prev)?;
    Some(Index { items, end })
}

/// The operands of the Top DICT operators this module needs.
#[derive(Default)]
struct TopDict {
    charset: usize,
    encoding: usize,
    char_strings: Option<usize>,
    cid_keyed: bool,
}

fn read_top_dict(d: &[u8]) -> TopDict {
    let mut top = TopDict::default();
    let mut operands: Vec<f64> = Vec::new();
    let mut i = 0;
    while i < d.len() {
        let b = d[i];
        match b {
            28 if i + 2 < d.len() => {
                operands.push(i16::from_be_bytes([d[i + 1], d[i + 2]]) as f64);
                i += 3;
            }
            29 if i + 4 < d.len() => {
                operands.push(i32::from_be_bytes([d[i + 1], d[i + 2], d[i + 3], d[i + 4]]) as f64);
                i += 5;
            }
            30 => {
                // A real: nibbles up to an 0xF. Its value is not needed.
                i += 1;
                while i < d.len() && d[i] & 0x0F != 0x0F && d[i] >> 4 != 0x0F {
                    i += 1;
                }
                i += 1;
                operands.push(0.0);
            }
            32..=246 => {
                operands.push(b as f64 - 139.0);
                i += 1;
            }
            247..=250 if i + 1 < d.len() => {
                operands.push((b as f64 - 247.0) * 256.0 + d[i + 1] as f64 + 108.0);
                i += 2;
            }
            251..=254 if i + 1 < d.len() => {
                operands.push(-(b as f64 - 251.0) * 256.0 - d[i + 1] as f64 - 108.0);
                i += 2;
            }
            0..=21 => {
                let op = if b == 12 {
                    i += 1;
                    1200 + d.get(i).copied().unwrap_or(0) as u32
                } else {
                    b as u32
                };
                let first = operands.first().copied().unwrap_or(0.0);
                let offset = (first >= 0.0 && first < 1e9).then_some(first as usize);
                match op {
                    15 => top.charset = offset.unwrap_or(0),
                    16 => top.encoding = offset.unwrap_or(0),
                    17 => top.char_strings = offset,
                    1230 => top.cid_keyed = true,
                    _ => {}
                }
                operands.clear();
                i += 1;
            }
            _ => i += 1,
        }
        if operands.len() > 48 {
            // More operands than any operator takes: not a DICT.
            break;
        }
    }
    top
}

pub(super) struct Cff {
    cid_keyed: bool,
    /// SID (or CID, for CID-keyed fonts) of each glyph.
    charset: Vec<u16>,
    /// The font's own strings (SIDs from 391 on).
    strings: Vec<String>,
    /// Code to glyph, when the encoding is a table of the font's own;
    /// `None` for the predefined Standard and Expert encodings.
    encoding: Option<Box<[u16; 256]>>,
    /// Supplementary codes that name a glyph by SID directly.
    supplements: Vec<(u8, u16)>,
    /// The font declares the Expert encoding.
    expert: bool,
}

impl Cff {
    pub fn parse(d: &[u8]) -> Option<Cff> {
        let header = u8_at(d, 2)?;
        if u8_at(d, 0)? != 1 || header < 4 {
            return None;
        }
        let names = read_index(d, header)?;
        let tops = read_index(d, names.end)?;
        let strings = read_index(d, tops.end)?;
        let &(ts, te) = tops.items.first()?;
        let top = read_top_dict(&d[ts..te]);
        let n_glyphs = top
            .char_strings
            .and_then(|at| u16_at(d, at))
            .unwrap_or(0)
            .min(MAX_GLYPHS);
        let mut cff = Cff {
            cid_keyed: top.cid_keyed,
            charset: Vec::new(),
            strings: strings
                .items
                .iter()
                .map(|&(s, e)| String::from_utf8_lossy(&d[s..e]).into_owned())
                .collect(),
            encoding: None,
            supplements: Vec::new(),
            expert: false,
        };
        cff.charset = read_charset(d, top.charset, n_glyphs);
        if !cff.cid_keyed {
            match top.encoding {
                0 => {}
                1 => cff.expert = true,
                at => cff.read_encoding(d, at),
            }
        }
        Some(cff)
    }

    fn read_encoding(&mut self, d: &[u8], at: usize) {
        let Some(format) = u8_at(d, at) else {
            return;
        };
        let mut table = Box::new([0u16; 256]);
        let mut pos;
        match format & 0x7F {
            0 => {
                let n = u8_at(d, at + 1).unwrap_or(0);
                for i in 0..n {
                    let Some(code) = u8_at(d, at + 2 + i) else {
                        break;
                    };
                    table[code] = (i + 1) as u16;
                }
                pos = at + 2 + n;
            }
            1 => {
                let n = u8_at(d, at + 1).unwrap_or(0);
                let mut gid = 1u16;
                for i in 0..n {
                    let (Some(first), Some(left)) =
                        (u8_at(d, at + 2 + 2 * i), u8_at(d, at + 3 + 2 * i))
                    else {
                        break;
                    };
                    for code in first..=(first + left).min(255) {
                        table[code] = gid;
                        gid = gid.saturating_add(1);
                    }
                }
                pos = at + 2 + 2 * n;
            }
            _ => return,
        }
        if format & 0x80 != 0 {
            let n = u8_at(d, pos).unwrap_or(0);
            pos += 1;
            for i in 0..n {
                let (Some(code), Some(sid)) = (u8_at(d, pos + 3 * i), u16_at(d, pos + 3 * i + 1))
                else {
                    break;
                };
                self.supplements.push((code as u8, sid as u16));
            }
        }
        self.encoding = Some(table);
    }

    fn sid_name(&self, sid: u16) -> Option<&str> {
        let sid = sid as usize;
        match CFF_STANDARD.get(sid) {
            Some(n) => Some(n),
            None => self
                .strings
                .get(sid - CFF_STANDARD.len())
                .map(String::as_str),
        }
    }

    /// The name of a glyph (none for CID-keyed fonts).
    pub fn glyph_name(&self, gid: u16) -> Option<&str> {
        if self.cid_keyed {
            return None;
        }
        if gid == 0 {
            return Some(".notdef");
        }
        self.sid_name(*self.charset.get(gid as usize)?)
    }

    /// The font's own encoding as (code, glyph name) pairs; `None` when the
    /// font uses a predefined encoding (see [`Cff::is_expert`]) or is
    /// CID-keyed.
    pub fn builtin_encoding(&self) -> Option<Vec<(u8, &str)>> {
        if self.cid_keyed {
            return None;
        }
        let table = self.encoding.as_ref()?;
        let mut out = Vec::new();
        for (code, &gid) in table.iter().enumerate() {
            if gid != 0 {
                if let Some(name) = self.glyph_name(gid) {
                    out.push((code as u8, name));
                }
            }
        }
        for &(code, sid) in &self.supplements {
            if let Some(name) = self.sid_name(sid) {
                out.push((code, name));
            }
        }
        Some(out)
    }

    pub fn is_expert(&self) -> bool {
        self.expert
    }

    pub fn is_cid_keyed(&self) -> bool {
        self.cid_keyed
    }

    pub fn num_glyphs(&self) -> usize {
        self.charset.len()
    }
}

/// SID (or CID) per glyph id, glyph 0 being `.notdef`.
fn read_charset(d: &[u8], at: usize, n_glyphs: usize) -> Vec<u16> {
    let mut out: Vec<u16> = Vec::with_capacity(n_glyphs.min(4096));
    out.push(0);
    match at {
        // ISOAdobe: glyph i is SID i. Expert charsets (1, 2) name glyphs
        // this module does not list; leave them unnamed.
        0 => out.extend((1..n_glyphs.min(229)).map(|i| i as u16)),
        1 | 2 => {}
        _ => match u8_at(d, at) {
            Some(0) => {
                for i in 1..n_glyphs {
                    let Some(sid) = u16_at(d, at + 1 + 2 * (i - 1)) else {
                        break;
                    };
                    out.push(sid as u16);
                }
            }
            Some(f @ (1 | 2)) => {
                let mut pos = at + 1;
                while out.len() < n_glyphs {
                    let first = u16_at(d, pos);
                    let left = if f == 1 {
                        u8_at(d, pos + 2)
                    } else {
                        u16_at(d, pos + 2)
                    };
                    let (Some(first), Some(left)) = (first, left) else {
                        break;
                    };
                    for k in 0..=left {
                        if out.len() >= n_glyphs {
                            break;
                        }
                        out.push((first + k).min(u16::MAX as usize) as u16);
                    }
                    pos += if f == 1 { 3 } else { 4 };
                }
            }
            _ => {}
        },
    }
    out
}

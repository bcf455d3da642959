//! CMaps: from character codes to Unicode text (ToUnicode) or to CIDs
//! (embedded encoding CMaps).
//!
//! A CMap is a small PostScript program; we only read its data sections:
//! `codespacerange` (how many bytes a code takes), `bfchar` and `bfrange`
//! (code to UTF-16BE text, a range either incrementing its destination or
//! listing one destination per code), and `cidchar`/`cidrange` (code to CID).
//! Destinations of more than one character are ligatures and stay as text;
//! UTF-16 surrogate pairs decode to one character. The mapped text is kept
//! in one string pool per CMap so that a lookup never allocates.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A tiny multiplicative hasher for integer keys (codes, CIDs).
#[derive(Default)]
pub(super) struct IntHasher(u64);

impl Hasher for IntHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ *b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub(super) type IntMap<V> = HashMap<u32, V, BuildHasherDefault<IntHasher>>;

/// Most entries one CMap may define (a range `<0000> <FFFF>` counts 65536).
const MAX_ENTRIES: usize = 1 << 20;

/// Codes to Unicode text.
#[derive(Default)]
pub(super) struct ToUnicode {
    pool: String,
    map: IntMap<(u32, u16)>,
    /// Code lengths in bytes declared by the codespace ranges (bit n = n bytes).
    pub lengths: u8,
}

impl ToUnicode {
    pub fn get(&self, code: u32) -> Option<&str> {
        let &(start, len) = self.map.get(&code)?;
        self.pool.get(start as usize..start as usize + len as usize)
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    fn insert(&mut self, code: u32, units: &[u16]) {
        if self.map.len() >= MAX_ENTRIES {
            return;
        }
        let start = self.pool.len();
        for c in char::decode_utf16(units.iter().copied()) {
            let c = c.unwrap_or('\u{fffd}');
            push_expanded(&mut self.pool, c);
        }
        let len = (self.pool.len() - start).min(u16::MAX as usize);
        self.map.insert(code, (start as u32, len as u16));
    }

    pub fn parse(data: &[u8]) -> ToUnicode {
        let mut cmap = ToUnicode::default();
        let toks = tokens(data);
        let mut i = 0;
        while i < toks.len() {
            match toks[i] {
                Tok::Word(b"begincodespacerange") => {
                    for (len, _, _) in codespace_ranges(&toks, &mut i) {
                        cmap.lengths |= 1 << len;
                    }
                }
                Tok::Word(b"beginbfchar") => {
                    i += 1;
                    while i + 1 < toks.len() {
                        let Tok::Hex(src) = &toks[i] else { break };
                        let code = be(src);
                        match &toks[i + 1] {
                            Tok::Hex(dst) => cmap.insert(code, &utf16(dst)),
                            Tok::Name(n) => {
                                if let Some(s) = super::encoding::glyph_text(n) {
                                    let u: Vec<u16> = s.encode_utf16().collect();
                                    cmap.insert(code, &u);
                                }
                            }
                            _ => break,
                        }
                        i += 2;
                    }
                }
                Tok::Word(b"beginbfrange") => {
                    i += 1;
                    while i + 2 < toks.len() {
                        let (Tok::Hex(lo), Tok::Hex(hi)) = (&toks[i], &toks[i + 1]) else {
                            break;
                        };
                        let (lo, hi) = (be(lo), be(hi));
                        if hi < lo || hi - lo > 0xffff {
                            i += 3;
                            continue;
                        }
                        match &toks[i + 2] {
                            Tok::Hex(dst) => {
                                let mut units = utf16(dst);
                                for code in lo..=hi {
                                    cmap.insert(code, &units);
                                    if let Some(last) = units.last_mut() {
                                        *last = last.wrapping_add(1);
                                    }
                                }
                                i += 3;
                            }
                            Tok::Open => {
                                let mut j = i + 3;
                                let mut code = lo;
                                while j < toks.len() {
                                    match &toks[j] {
                                        Tok::Hex(dst) => {
                                            if code <= hi {
                                                cmap.insert(code, &utf16(dst));
                                            }
                                            code = code.saturating_add(1);
                                        }
                                        Tok::Close => break,
                                        _ => {}
                                    }
                                    j += 1;
                                }
                                i = j + 1;
                            }
                            _ => break,
                        }
                    }
                }
                _ => i += 1,
            }
        }
        cmap
    }
}

/// Pushes `c`, expanding the Latin ligature characters (U+FB00..FB06).
pub(super) fn push_expanded(out: &mut String, c: char) {
    match c {
        '\u{fb00}' => out.push_str("ff"),
        '\u{fb01}' => out.push_str("fi"),
        '\u{fb02}' => out.push_str("fl"),
        '\u{fb03}' => out.push_str("ffi"),
        '\u{fb04}' => out.push_str("ffl"),
        '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
        '\0' => {}
        c => out.push(c),
    }
}

/// The ranges of a `begincodespacerange` section, `toks[*i]` being its
/// keyword: (length in bytes, low, high) of each range of one to four
/// bytes. Leaves `*i` at the first token after the ranges.
fn codespace_ranges(toks: &[Tok], i: &mut usize) -> Vec<(u8, u32, u32)> {
    let mut out = Vec::new();
    *i += 1;
    while *i + 1 < toks.len() {
        let (Tok::Hex(lo), Tok::Hex(hi)) = (&toks[*i], &toks[*i + 1]) else {
            break;
        };
        if (1..=4).contains(&lo.len()) {
            out.push((lo.len() as u8, be(lo), be(hi)));
        }
        *i += 2;
    }
    out
}

/// An encoding CMap embedded as a stream: code lengths and code to CID.
#[derive(Default)]
pub(super) struct CodeToCid {
    /// (length in bytes, low, high) of each codespace range.
    pub spaces: Vec<(u8, u32, u32)>,
    /// (low, high, first CID) of each cidrange, cidchar as a range of one.
    pub ranges: Vec<(u32, u32, u32)>,
}

impl CodeToCid {
    pub fn parse(data: &[u8]) -> CodeToCid {
        let mut out = CodeToCid::default();
        let toks = tokens(data);
        let mut i = 0;
        while i < toks.len() {
            match toks[i] {
                Tok::Word(b"begincodespacerange") => {
                    out.spaces.extend(codespace_ranges(&toks, &mut i));
                }
                Tok::Word(b"begincidrange") => {
                    i += 1;
                    while i + 2 < toks.len() {
                        let (Tok::Hex(lo), Tok::Hex(hi), Tok::Int(cid)) =
                            (&toks[i], &toks[i + 1], &toks[i + 2])
                        else {
                            break;
                        };
                        out.ranges.push((be(lo), be(hi), *cid));
                        i += 3;
                    }
                }
                Tok::Word(b"begincidchar") => {
                    i += 1;
                    while i + 1 < toks.len() {
                        let (Tok::Hex(c), Tok::Int(cid)) = (&toks[i], &toks[i + 1]) else {
                            break;
                        };
                        out.ranges.push((be(c), be(c), *cid));
                        i += 2;
                    }
                }
                _ => i += 1,
            }
        }
        out
    }

    /// How many bytes the code starting at `bytes` takes.
    pub fn code_len(&self, bytes: &[u8]) -> usize {
        if self.spaces.is_empty() {
            return 2.min(bytes.len()).max(1);
        }
        for n in 1..=4usize {
            if n > bytes.len() {
                break;
            }
            let v = be(&bytes[..n]);
            if self
                .spaces
                .iter()
                .any(|&(len, lo, hi)| len as usize == n && lo <= v && v <= hi)
            {
                return n;
            }
        }
        // Not in any range: take the shortest declared length.
        let n = self.spaces.iter().map(|s| s.0 as usize).min().unwrap_or(1);
        n.min(bytes.len()).max(1)
    }

    pub fn cid(&self, code: u32) -> u32 {
        for &(lo, hi, cid) in &self.ranges {
            if lo <= code && code <= hi {
                return cid.wrapping_add(code - lo);
            }
        }
        0
    }
}

fn be(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0u32, |a, &b| (a << 8) | b as u32)
}

fn utf16(bytes: &[u8]) -> Vec<u16> {
    if bytes.len() == 1 {
        return vec![bytes[0] as u16];
    }
    bytes
        .chunks(2)
        .map(|c| {
            if c.len() == 2 {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                c[0] as u16
            }
        })
        .collect()
}

enum Tok<'a> {
    Hex(Vec<u8>),
    Name(&'a [u8]),
    Int(u32),
    Word(&'a [u8]),
    Open,
    Close,
}

fn tokens(data: &[u8]) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = data.len();
    let is_delim = |c: u8| c.is_ascii_whitespace() || b"()<>[]{}/%".contains(&c);
    while i < n {
        let c = data[i];
        match c {
            b'%' => {
                while i < n && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if i + 1 < n && data[i + 1] == b'<' => i += 2,
            b'>' => i += 1,
            b'<' => {
                i += 1;
                let mut digits = Vec::new();
                while i < n && data[i] != b'>' {
                    if let Some(d) = (data[i] as char).to_digit(16) {
                        digits.push(d as u8);
                    }
                    i += 1;
                }
                i += 1;
                if digits.len() % 2 == 1 {
                    digits.push(0);
                }
                out.push(Tok::Hex(
                    digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect(),
                ));
            }
            b'[' => {
                out.push(Tok::Open);
                i += 1;
            }
            b']' => {
                out.push(Tok::Close);
                i += 1;
            }
            b'(' => {
                // Strings are not data we read; skip them, minding nesting.
                let mut depth = 0;
                while i < n {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'/' => {
                let s = i + 1;
                i += 1;
                while i < n && !is_delim(data[i]) {
                    i += 1;
                }
                out.push(Tok::Name(&data[s..i]));
            }
            c if c.is_ascii_whitespace() || c == b'{' || c == b'}' || c == b')' => i += 1,
            _ => {
                let s = i;
                while i < n && !is_delim(data[i]) {
                    i += 1;
                }
                if i == s {
                    i += 1;
                    continue;
                }
                let w = &data[s..i];
                if w.iter().all(u8::is_ascii_digit) {
                    out.push(Tok::Int(
                        std::str::from_utf8(w)
                            .ok()
                            .and_then(|t| t.parse().ok())
                            .unwrap_or(0),
                    ));
                } else {
                    out.push(Tok::Word(w));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfchar_bfrange_surrogates_ligatures() {
        let data = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0001> <0041> <0002> <D835DC00> <0003> <00660069> endbfchar
2 beginbfrange <0010> <0012> <00E0> <0020> <0021> [<00AB> <FB01>] endbfrange
endcmap";
        let m = ToUnicode::parse(data);
        assert_eq!(m.get(1), Some("A"));
        assert_eq!(m.get(2), Some("\u{1d400}"));
        assert_eq!(m.get(3), Some("fi"));
        assert_eq!(m.get(0x10), Some("à"));
        assert_eq!(m.get(0x12), Some("â"));
        assert_eq!(m.get(0x20), Some("«"));
        assert_eq!(m.get(0x21), Some("fi"));
        assert_eq!(m.lengths, 1 << 2);
    }

    #[test]
    fn cid_ranges() {
        let m = CodeToCid::parse(b"1 begincodespacerange <00> <80> <8140> <FFFF> endcodespacerange 1 begincidrange <20> <7e> 1 endcidrange");
        assert_eq!(m.code_len(b"\x41\x42"), 1);
        assert_eq!(m.code_len(b"\x81\x42"), 2);
        assert_eq!(m.cid(0x21), 2);
    }
}

//! Simple-font encodings: one byte to text.
//!
//! A simple font maps each byte through a base encoding (Standard, WinAnsi,
//! MacRoman, MacExpert) changed by a `/Differences` array of glyph names.
//! lopdf already carries the base tables and the Adobe Glyph List, but only
//! behind its `Encoding` type; we read each table out once, byte by byte,
//! and resolve glyph names ourselves first for the forms the list does not
//! spell out (`uni00E0`, `u1F600`, `f_f_i`, `a.sc`), asking lopdf for the
//! rest. Unknown names (`g123`, `cid45`) map to nothing.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use lopdf::{Dictionary, Document, Object};

/// Text of each byte (empty: no character).
pub(super) type ByteTable = [Option<char>; 256];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Base {
    Standard,
    WinAnsi,
    MacRoman,
    MacExpert,
    /// Code = Latin-1 character (symbolic fonts without an encoding).
    Latin1,
}

impl Base {
    pub fn from_name(name: &[u8]) -> Option<Base> {
        match name {
            b"StandardEncoding" => Some(Base::Standard),
            b"WinAnsiEncoding" => Some(Base::WinAnsi),
            b"MacRomanEncoding" => Some(Base::MacRoman),
            b"MacExpertEncoding" => Some(Base::MacExpert),
            _ => None,
        }
    }
}

fn lopdf_table(name: &'static str) -> ByteTable {
    let mut table = [None; 256];
    let doc = Document::new();
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Font".to_vec()));
    dict.set("Encoding", Object::Name(name.as_bytes().to_vec()));
    if let Ok(enc) = dict.get_font_encoding(&doc) {
        for b in 0..=255u8 {
            if let Ok(s) = enc.bytes_to_string(&[b]) {
                table[b as usize] = s.chars().next();
            }
        }
    }
    table
}

/// The 256 characters of a base encoding.
pub(super) fn base_table(base: Base) -> &'static ByteTable {
    static TABLES: OnceLock<[ByteTable; 5]> = OnceLock::new();
    let t = TABLES.get_or_init(|| {
        let mut win = lopdf_table("WinAnsiEncoding");
        // WinAnsi prints a bullet for undefined codes and a space for 0xA0;
        // keep ASCII controls empty.
        for c in win.iter_mut().take(32) {
            *c = None;
        }
        let mut latin1 = [None; 256];
        for (i, c) in latin1.iter_mut().enumerate().skip(32) {
            *c = char::from_u32(i as u32);
        }
        // Symbolic TrueType fonts often use 0xF020..: same low byte.
        let std_ = lopdf_table("StandardEncoding");
        [
            std_,
            win,
            lopdf_table("MacRomanEncoding"),
            lopdf_table("MacExpertEncoding"),
            latin1,
        ]
    });
    match base {
        Base::Standard => &t[0],
        Base::WinAnsi => &t[1],
        Base::MacRoman => &t[2],
        Base::MacExpert => &t[3],
        Base::Latin1 => &t[4],
    }
}

/// The encoding a font program carries itself.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Builtin {
    Standard,
    Expert,
    /// Codes with the text of their glyph names (`None`: a name without
    /// known text).
    Codes(Vec<(u8, Option<String>)>),
    /// The program says nothing readable about its encoding.
    Unknown,
}

/// The built-in encoding of an embedded Type1 font program (`/FontFile`):
/// the `dup <code> /<name> put` entries of its clear-text part, or
/// StandardEncoding.
pub(super) fn type1_builtin(program: &[u8]) -> Builtin {
    let end = find(program, b"eexec").unwrap_or(program.len());
    let clear = &program[..end];
    let Some(start) = find(clear, b"/Encoding") else {
        return Builtin::Unknown;
    };
    let rest = &clear[start + 9..];
    if rest.trim_ascii_start().starts_with(b"StandardEncoding") {
        return Builtin::Standard;
    }
    let mut out = Vec::new();
    let mut toks = rest
        .split(|c| c.is_ascii_whitespace())
        .filter(|t| !t.is_empty())
        .peekable();
    while let Some(t) = toks.next() {
        if t == b"readonly" || t == b"def" && !out.is_empty() {
            break;
        }
        if t != b"dup" {
            continue;
        }
        let (Some(code), Some(name)) = (toks.next(), toks.next()) else {
            break;
        };
        let Some(code) = std::str::from_utf8(code)
            .ok()
            .and_then(|c| c.parse::<u8>().ok())
        else {
            continue;
        };
        if let Some(name) = name.strip_prefix(b"/") {
            out.push((code, glyph_text(name)));
        }
        if out.len() > 256 {
            break;
        }
    }
    if out.is_empty() {
        return Builtin::Unknown;
    }
    Builtin::Codes(out)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The text a glyph name stands for, if known.
pub(super) fn glyph_text(name: &[u8]) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    if name.is_empty() || name == ".notdef" {
        return None;
    }
    // Variants: "a.sc", "one.oldstyle".
    let base = name.split('.').next().unwrap_or(name);
    if base.is_empty() {
        return None;
    }
    if base.contains('_') {
        let mut s = String::new();
        for part in base.split('_') {
            s.push_str(&glyph_text(part.as_bytes())?);
        }
        return Some(s);
    }
    match base {
        "ff" => return Some("ff".into()),
        "fi" => return Some("fi".into()),
        "fl" => return Some("fl".into()),
        "ffi" => return Some("ffi".into()),
        "ffl" => return Some("ffl".into()),
        _ => {}
    }
    if let Some(hex) = base.strip_prefix("uni") {
        if hex.len() >= 4 && hex.len() % 4 == 0 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let units: Vec<u16> = hex
                .as_bytes()
                .chunks(4)
                .filter_map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
                .collect();
            let s: String = char::decode_utf16(units).filter_map(|c| c.ok()).collect();
            return (!s.is_empty()).then_some(s);
        }
    }
    if let Some(hex) = base.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return char::from_u32(u32::from_str_radix(hex, 16).ok()?).map(String::from);
        }
    }
    let found = lopdf_glyph(base);
    let private = |s: &str| s.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c));
    if found.as_deref().is_some_and(|s| !private(s)) {
        return found;
    }
    // Expert-set variants ("Asmall", "oneoldstyle", "asuperior") map to
    // private-use characters in the glyph list; their text is the plain
    // letter or digit (small capitals stand for lowercase text).
    for suffix in ["small", "oldstyle", "superior", "inferior"] {
        if let Some(stem) = base.strip_suffix(suffix).filter(|s| !s.is_empty()) {
            if let Some(t) = glyph_text(stem.as_bytes()).filter(|t| !private(t)) {
                return Some(if suffix == "small" {
                    t.to_lowercase()
                } else {
                    t
                });
            }
        }
    }
    found
}

/// Asks lopdf's glyph list through a one-entry Differences array.
fn lopdf_glyph(name: &str) -> Option<String> {
    static CACHE: OnceLock<Mutex<HashMap<String, Option<String>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(v) = cache.lock().ok()?.get(name) {
        return v.clone();
    }
    let doc = Document::new();
    let mut enc = Dictionary::new();
    enc.set(
        "Differences",
        Object::Array(vec![
            Object::Integer(1),
            Object::Name(name.as_bytes().to_vec()),
        ]),
    );
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Font".to_vec()));
    dict.set("Encoding", Object::Dictionary(enc));
    let v = dict
        .get_font_encoding(&doc)
        .ok()
        .and_then(|e| e.bytes_to_string(&[1]).ok())
        .filter(|s| !s.is_empty() && s != "\u{1}");
    if let Ok(mut c) = cache.lock() {
        if c.len() < 100_000 {
            c.insert(name.to_string(), v.clone());
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_names() {
        assert_eq!(base_table(Base::WinAnsi)[0xE0], Some('à'));
        assert_eq!(base_table(Base::WinAnsi)[0x92], Some('’'));
        assert_eq!(base_table(Base::WinAnsi)[0x96], Some('–'));
        assert_eq!(base_table(Base::MacRoman)[0x88], Some('à'));
        assert_eq!(base_table(Base::Standard)[0x27], Some('’'));
        assert_eq!(glyph_text(b"egrave").as_deref(), Some("è"));
        assert_eq!(glyph_text(b"guillemotleft").as_deref(), Some("«"));
        assert_eq!(glyph_text(b"uni00F9").as_deref(), Some("ù"));
        assert_eq!(glyph_text(b"f_f_i").as_deref(), Some("ffi"));
        assert_eq!(glyph_text(b"a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_text(b"g123"), None);
        let prog = b"%!PS-AdobeFont-1.0: CMR10\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\ndup 39 /quoteright put\ndup 123 /endash put\nreadonly def\ncurrentfile eexec";
        assert_eq!(
            type1_builtin(prog),
            Builtin::Codes(vec![(39, Some("’".into())), (123, Some("–".into()))])
        );
        let std_prog = b"%!FontType1-1.0: X\n/Encoding StandardEncoding def\ncurrentfile eexec";
        assert_eq!(type1_builtin(std_prog), Builtin::Standard);
        assert_eq!(type1_builtin(b"garbage"), Builtin::Unknown);
    }
}

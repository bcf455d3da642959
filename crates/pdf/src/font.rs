//! Fonts: from the bytes of a string operand to characters and widths.
//!
//! Two families matter. Simple fonts (Type1, TrueType, Type3, MMType1) take
//! one byte per glyph; the text of a byte comes from `/ToUnicode` when the
//! font has one, otherwise from its encoding (a base table plus
//! `/Differences`), and its width from `/Widths` or, for the standard 14
//! fonts, from built-in metrics. Type0 fonts take codes of one to four bytes
//! (two for Identity-H and Identity-V), map codes to CIDs for widths (`/W`,
//! `/DW`) and codes to text through `/ToUnicode`. When those leave a code
//! without text, the embedded font program answers (see [`super::program`]):
//! its own encoding, cmap or glyph names. Each font is built once per
//! document and kept by object id; decoding a string then allocates nothing.

use lopdf::{Dictionary, Document, Object};

use super::cmap::{push_expanded, CodeToCid, IntMap, ToUnicode};
use super::encoding::{base_table, glyph_text, Base, Builtin};
use super::metrics::Standard;
use super::objects::{
    get, get_array, get_dict, get_name, get_num, matrix_of, stream_bytes_in, Matrix,
};
use super::program::Program;

pub(super) struct Font {
    simple: bool,
    /// Simple fonts: text of each byte as (start, len) into `pool`.
    byte_text: [(u32, u8); 256],
    pool: String,
    /// Simple fonts: width of each byte in glyph units.
    widths: [f32; 256],
    to_unicode: Option<ToUnicode>,
    /// Type0: code to CID when not Identity.
    code_cid: Option<CodeToCid>,
    /// Type0 whose codes are UCS-2/UTF-16 (UniXX-UCS2-H and the like).
    unicode_codes: bool,
    /// Type0 without ToUnicode: text of each CID from the embedded font
    /// program, as (start, len) into `pool`.
    cid_text: IntMap<(u32, u8)>,
    /// Type0 whose codes are probably Unicode values (a guess that yields
    /// to the font program).
    guess_unicode: bool,
    cid_widths: IntMap<f32>,
    default_width: f32,
    pub vertical: bool,
    /// Glyph space to text space (horizontal scale of glyph widths).
    pub scale: f32,
    /// Type3 fonts: the full font matrix.
    pub matrix: Matrix,
    /// Height of an em in text space for a font size of 1 (Type3 fonts
    /// draw in their own units; 1 for all others).
    pub size_factor: f32,
}

impl Font {
    /// The font used when a string is shown without a readable font:
    /// WinAnsi text, half-em widths.
    pub fn fallback() -> Font {
        let mut f = Font::empty(true);
        let table = base_table(Base::WinAnsi);
        f.fill_bytes(|b| table[b as usize].map(|c| c.to_string()));
        for w in f.widths.iter_mut() {
            *w = 500.0;
        }
        f
    }

    fn empty(simple: bool) -> Font {
        Font {
            simple,
            byte_text: [(0, 0); 256],
            pool: String::new(),
            widths: [0.0; 256],
            to_unicode: None,
            code_cid: None,
            unicode_codes: false,
            cid_text: IntMap::default(),
            guess_unicode: false,
            cid_widths: IntMap::default(),
            default_width: 1000.0,
            vertical: false,
            scale: 0.001,
            matrix: [0.001, 0.0, 0.0, 0.001, 0.0, 0.0],
            size_factor: 1.0,
        }
    }

    fn fill_bytes(&mut self, mut text: impl FnMut(u8) -> Option<String>) {
        for b in 0..=255u8 {
            if let Some(s) = text(b) {
                self.byte_text[b as usize] = self.push_text(&s);
            }
        }
    }

    /// Appends a code's text to the pool; returns where it lies.
    fn push_text(&mut self, s: &str) -> (u32, u8) {
        let start = self.pool.len();
        for c in s.chars() {
            // At most 255 bytes of text per code, cut on a character.
            if self.pool.len() - start + c.len_utf8() + 3 > 255 {
                break;
            }
            push_expanded(&mut self.pool, c);
        }
        let len = (self.pool.len() - start).min(255);
        (start as u32, len as u8)
    }

    fn pooled(&self, (start, len): (u32, u8)) -> &str {
        &self.pool[start as usize..start as usize + len as usize]
    }

    pub fn load(doc: &Document, dict: &Dictionary, limit: usize) -> Font {
        let subtype = get_name(doc, dict, b"Subtype").unwrap_or(b"");
        let to_unicode_obj = get(doc, dict, b"ToUnicode");
        let to_unicode = match to_unicode_obj {
            Some(Object::Stream(s)) => stream_bytes_in(doc, s, limit)
                .ok()
                .map(|d| ToUnicode::parse(&d))
                .filter(|m| !m.is_empty()),
            _ => None,
        };
        if subtype == b"Type0" {
            let mut font = Font::load_type0(doc, dict, to_unicode, limit);
            if matches!(to_unicode_obj, Some(Object::Name(n)) if n.starts_with(b"Identity")) {
                font.unicode_codes = true;
            }
            return font;
        }
        let mut font = Font::empty(true);
        let base_font = get_name(doc, dict, b"BaseFont").unwrap_or(b"");
        let standard = Standard::from_base_font(base_font);
        let descriptor = get_dict(doc, dict, b"FontDescriptor");
        let flags = descriptor
            .and_then(|d| get_num(doc, d, b"Flags"))
            .unwrap_or(0.0) as u32;
        let symbolic = flags & 4 != 0 && flags & 32 == 0;

        // Encoding: base table and differences.
        let mut base = if subtype == b"TrueType" {
            if symbolic {
                Base::Latin1
            } else {
                Base::WinAnsi
            }
        } else if standard == Some(Standard::Other) || (symbolic && standard.is_none()) {
            Base::Latin1
        } else {
            Base::Standard
        };
        let mut differences: Vec<(u8, Option<String>)> = Vec::new();
        match get(doc, dict, b"Encoding") {
            Some(Object::Name(n)) => base = Base::from_name(n).unwrap_or(base),
            Some(Object::Dictionary(enc)) => {
                if let Some(b) = get_name(doc, enc, b"BaseEncoding").and_then(Base::from_name) {
                    base = b;
                } else if subtype == b"TrueType" && !symbolic {
                    base = Base::WinAnsi;
                }
                if let Some(diffs) = get_array(doc, enc, b"Differences") {
                    let mut code: i64 = 0;
                    for o in diffs {
                        match o {
                            Object::Integer(i) => code = *i,
                            Object::Name(n) => {
                                if (0..=255).contains(&code) {
                                    let mut text = glyph_text(n);
                                    if text.is_none() && subtype == b"Type3" {
                                        // Type3 glyph names are often private
                                        // (a1, g7): read the code as Latin text.
                                        text = base_table(Base::WinAnsi)[code as usize]
                                            .map(String::from);
                                    }
                                    differences.push((code as u8, text));
                                }
                                code += 1;
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
        // An embedded program's own encoding is the base when the font
        // names none (Type1 and CFF programs). A TrueType program is read
        // only without ToUnicode: it answers codes the PDF leaves without
        // text, and, for a symbolic font without a named encoding (where the
        // Latin-1 base is only a guess), it comes before that guess.
        let names_base = match get(doc, dict, b"Encoding") {
            Some(Object::Name(_)) => true,
            Some(Object::Dictionary(enc)) => get_name(doc, enc, b"BaseEncoding").is_some(),
            _ => false,
        };
        let type1 = subtype == b"Type1" || subtype == b"MMType1";
        let truetype = subtype == b"TrueType";
        let program = descriptor
            .filter(|_| (type1 && !names_base) || (truetype && to_unicode.is_none()))
            .and_then(|d| Program::load(doc, d, limit));
        if type1 && !names_base {
            match program.as_ref().and_then(Program::builtin) {
                Some(Builtin::Codes(codes)) => {
                    differences.splice(0..0, codes);
                }
                Some(Builtin::Standard) => base = Base::Standard,
                Some(Builtin::Expert) => base = Base::MacExpert,
                _ => {}
            }
        }
        let program_first = truetype && symbolic && !names_base;
        let program_text = |b: u8| program.as_ref().and_then(|p| p.simple_text(b));
        let table = base_table(base);
        let tu = to_unicode.as_ref();
        let encoded_of = |b: u8| {
            let encoded = match differences.iter().rev().find(|(c, _)| *c == b) {
                Some((_, t)) => t.clone(),
                None if program_first => {
                    program_text(b).or_else(|| table[b as usize].map(String::from))
                }
                None => table[b as usize].map(String::from),
            };
            encoded.or_else(|| program_text(b))
        };
        // A subset font whose codes were renumbered (glyphs numbered from
        // 33 in the order they were used) has a ToUnicode that disagrees
        // with the encoding on most printable codes: then the encoding
        // says nothing of its codes, and a space in the ToUnicode is one.
        let printable = |t: &str| !t.chars().all(char::is_whitespace);
        let (mut agree, mut differ) = (0usize, 0usize);
        for b in 0..=255u8 {
            if let (Some(t), Some(e)) = (tu.and_then(|m| m.get(b as u32)), encoded_of(b)) {
                if printable(t) && printable(&e) {
                    if t == e {
                        agree += 1;
                    } else {
                        differ += 1;
                    }
                }
            }
        }
        let renumbered = differ > agree;
        font.fill_bytes(|b| {
            let encoded = encoded_of(b);
            if let Some(s) = tu.and_then(|m| m.get(b as u32)) {
                // Some producers map punctuation to a space in ToUnicode;
                // the encoding knows better then (unless it describes
                // none of the font's codes).
                let blank = s.chars().all(char::is_whitespace);
                let printable = encoded.as_deref().is_some_and(printable);
                if !(blank && printable && b != b' ' && !renumbered) {
                    return Some(s.to_string());
                }
            }
            encoded
        });
        font.to_unicode = to_unicode;

        // Widths.
        if subtype == b"Type3" {
            if let Some(m) = matrix_of(get(doc, dict, b"FontMatrix")) {
                font.matrix = m;
                font.scale = m[0];
                let bbox = get_array(doc, dict, b"FontBBox")
                    .map(|a| {
                        a.iter()
                            .filter_map(|o| super::objects::num(super::objects::deref(doc, o)))
                            .collect::<Vec<_>>()
                    })
                    .filter(|b| b.len() == 4 && (b[3] - b[1]).abs() > 0.0);
                let units = bbox.map(|b| (b[3] - b[1]).abs()).unwrap_or(1000.0);
                font.size_factor = (m[3].abs() * units).clamp(0.05, 20.0);
            }
        }
        let missing = descriptor
            .and_then(|d| get_num(doc, d, b"MissingWidth"))
            .unwrap_or(0.0);
        let first = get_num(doc, dict, b"FirstChar").unwrap_or(0.0).max(0.0) as usize;
        let mut have = [false; 256];
        if let Some(ws) = get_array(doc, dict, b"Widths") {
            for (i, w) in ws.iter().enumerate() {
                let code = first + i;
                if code > 255 {
                    break;
                }
                if let Some(w) = super::objects::num(super::objects::deref(doc, w)) {
                    font.widths[code] = w;
                    have[code] = true;
                }
            }
        }
        for b in 0..256 {
            if !have[b] {
                font.widths[b] = match standard {
                    Some(s) => {
                        let (start, len) = font.byte_text[b];
                        let c = font.pool[start as usize..start as usize + len as usize]
                            .chars()
                            .next()
                            .unwrap_or('n');
                        s.width(c)
                    }
                    None if missing > 0.0 => missing,
                    None if subtype == b"Type3" => 0.0,
                    None => 500.0,
                };
            }
        }
        font
    }

    fn load_type0(
        doc: &Document,
        dict: &Dictionary,
        to_unicode: Option<ToUnicode>,
        limit: usize,
    ) -> Font {
        let mut font = Font::empty(false);
        let mut identity = false;
        match get(doc, dict, b"Encoding") {
            Some(Object::Name(n)) => {
                identity = n.starts_with(b"Identity-");
                font.vertical = n.ends_with(b"-V");
                let s = String::from_utf8_lossy(n);
                font.unicode_codes = s.contains("UCS2") || s.contains("UTF16");
            }
            Some(Object::Stream(s)) => {
                if let Ok(d) = stream_bytes_in(doc, s, limit) {
                    let m = CodeToCid::parse(&d);
                    if !m.spaces.is_empty() {
                        font.code_cid = Some(m);
                    }
                }
                font.vertical = get_num(doc, &s.dict, b"WMode") == Some(1.0);
            }
            _ => {}
        }
        let descendant = get_array(doc, dict, b"DescendantFonts")
            .and_then(|a| a.first())
            .and_then(|o| match super::objects::deref(doc, o) {
                Object::Dictionary(d) => Some(d),
                _ => None,
            });
        if let Some(cid_font) = descendant {
            font.default_width = get_num(doc, cid_font, b"DW").unwrap_or(1000.0);
            if let Some(w) = get_array(doc, cid_font, b"W") {
                let num = |o: &Object| super::objects::num(super::objects::deref(doc, o));
                let mut i = 0;
                while i < w.len() && font.cid_widths.len() < 200_000 {
                    let Some(first) = num(&w[i]) else { break };
                    let first = first.max(0.0) as u32;
                    match w.get(i + 1).map(|o| super::objects::deref(doc, o)) {
                        Some(Object::Array(list)) => {
                            for (k, v) in list.iter().enumerate() {
                                if let Some(v) = num(v) {
                                    font.cid_widths.insert(first.saturating_add(k as u32), v);
                                }
                            }
                            i += 2;
                        }
                        Some(o) => {
                            let (Some(last), Some(v)) =
                                (super::objects::num(o), w.get(i + 2).and_then(num))
                            else {
                                break;
                            };
                            let last = (last.max(0.0) as u32).min(first.saturating_add(65_535));
                            for c in first..=last {
                                font.cid_widths.insert(c, v);
                            }
                            i += 3;
                        }
                        None => break,
                    }
                }
            }
        }
        // Without ToUnicode, the embedded program knows what its glyphs
        // are, once a CID is taken to its glyph (CIDs of Identity and of
        // embedded CMaps; a predefined CMap's CIDs would need its table).
        let cid_to_gid = descendant.and_then(|d| match get(doc, d, b"CIDToGIDMap") {
            Some(Object::Stream(s)) => Some(s),
            _ => None,
        });
        if to_unicode.is_none() && !font.unicode_codes && (identity || font.code_cid.is_some()) {
            let program = descendant
                .and_then(|d| get_dict(doc, d, b"FontDescriptor"))
                .and_then(|d| Program::load(doc, d, limit));
            // Two bytes per CID, for at most 65536 CIDs. A map that cannot
            // be read leaves the glyphs unknown rather than taken as
            // Identity.
            let map = match cid_to_gid {
                Some(s) => stream_bytes_in(doc, s, 1 << 17).ok().map(Some),
                None => Some(None),
            };
            if let (Some(program), Some(map)) = (program, map) {
                let mut texts = Vec::new();
                program.cid_texts(map.as_deref(), |cid, text| texts.push((cid, text)));
                for (cid, text) in texts {
                    let at = font.push_text(&text);
                    font.cid_text.insert(cid, at);
                }
            }
            // The Adobe CJK collections all begin with the printable ASCII
            // characters at CIDs 1 to 95 (Western text set in a CJK font,
            // as office suites export it), whatever the program says.
            let ordering = descendant
                .and_then(|d| get_dict(doc, d, b"CIDSystemInfo"))
                .and_then(|info| match get(doc, info, b"Ordering") {
                    Some(Object::String(o, _)) => Some(o.as_slice()),
                    _ => None,
                });
            if matches!(ordering, Some(b"Japan1" | b"GB1" | b"CNS1" | b"Korea1")) {
                for cid in 1..=95u32 {
                    if !font.cid_text.contains_key(&cid) {
                        if let Some(c) = char::from_u32(0x1F + cid) {
                            let at = font.push_text(c.encode_utf8(&mut [0; 4]));
                            font.cid_text.insert(cid, at);
                        }
                    }
                }
            }
        }
        // Without ToUnicode, a CIDFont with its own CIDToGIDMap stream (as
        // TCPDF and FPDF write them) uses Unicode values as CIDs.
        if to_unicode.is_none() && font.code_cid.is_none() && cid_to_gid.is_some() {
            font.guess_unicode = true;
        }
        font.to_unicode = to_unicode;
        font
    }

    /// Calls `f(code, code_len, text, width)` for every code in `bytes`;
    /// `width` is in text space for a font size of 1.
    #[inline]
    pub fn decode(&self, bytes: &[u8], mut f: impl FnMut(u32, usize, &str, f32)) {
        if self.simple {
            for &b in bytes {
                let text = self.pooled(self.byte_text[b as usize]);
                f(b as u32, 1, text, self.widths[b as usize] * self.scale);
            }
            return;
        }
        let mut i = 0;
        let mut buf = [0u8; 8];
        while i < bytes.len() {
            let n = match &self.code_cid {
                Some(m) => m.code_len(&bytes[i..]),
                None => 2.min(bytes.len() - i),
            };
            let code = bytes[i..i + n]
                .iter()
                .fold(0u32, |a, &b| (a << 8) | b as u32);
            i += n;
            let cid = match &self.code_cid {
                Some(m) => m.cid(code),
                None => code,
            };
            let width = self
                .cid_widths
                .get(&cid)
                .copied()
                .unwrap_or(self.default_width)
                * self.scale;
            let text: &str = match self.to_unicode.as_ref().and_then(|m| m.get(code)) {
                Some(t) => t,
                None if self.unicode_codes => match char::from_u32(code) {
                    Some(c) => c.encode_utf8(&mut buf),
                    None => "",
                },
                None => match self.cid_text.get(&cid) {
                    Some(&at) => self.pooled(at),
                    None if self.guess_unicode => match char::from_u32(code) {
                        Some(c) => c.encode_utf8(&mut buf),
                        None => "",
                    },
                    None => "",
                },
            };
            f(code, n, text, width);
        }
    }
}

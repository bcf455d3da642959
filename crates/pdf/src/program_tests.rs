//! Tests of text read from embedded font programs: small TrueType, CFF and
//! Type1 programs written byte by byte here, embedded in PDFs built with
//! lopdf, and the text the extractor reads through them.

use lopdf::content::Operation;
use lopdf::{dictionary, Dictionary, Document, Object, Stream};

use super::super::cff::Cff;
use super::super::encoding::glyph_text;
use super::super::glyphnames::{CFF_STANDARD, MAC_STANDARD};
use super::super::truetype::TrueType;
use super::super::{read, Limits};

// ---------------------------------------------------------------- PDFs

/// A one-page PDF that shows `shown` with font F1 (the font dictionary is
/// built by `font`, which may add objects such as the font program).
fn pdf_with(font: impl FnOnce(&mut Document) -> Dictionary, shown: Vec<u8>) -> Vec<u8> {
    let ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 12.into()]),
        Operation::new("Td", vec![72.into(), 700.into()]),
        Operation::new("Tj", vec![Object::string_literal(shown)]),
        Operation::new("ET", vec![]),
    ];
    super::super::tests::build_pdf(font, vec![ops], |_, _| {})
}

fn text_of(pdf: &[u8]) -> String {
    let ex = read(pdf, &Limits::default()).unwrap();
    ex.pages
        .into_iter()
        .map(|p| p.text)
        .collect::<Vec<_>>()
        .join("\n")
}

fn descriptor(doc: &mut Document, flags: i64, key: &str, program: Stream) -> Object {
    let program = doc.add_object(program);
    let mut d = dictionary! {
        "Type" => "FontDescriptor", "FontName" => "ABCDEF+Test", "Flags" => flags,
        "FontBBox" => vec![0.into(), (-200).into(), 1000.into(), 800.into()],
        "ItalicAngle" => 0, "Ascent" => 800, "Descent" => -200, "CapHeight" => 700,
        "StemV" => 80,
    };
    d.set(key, program);
    doc.add_object(d).into()
}

// ---------------------------------------------------------- TrueType

fn be16(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_be_bytes());
}

fn be32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_be_bytes());
}

/// An sfnt file holding the given tables.
fn sfnt(tables: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    be32(&mut out, 0x0001_0000);
    be16(&mut out, tables.len() as u16);
    out.extend_from_slice(&[0; 6]);
    let mut offset = 12 + 16 * tables.len();
    for (tag, body) in tables {
        out.extend_from_slice(*tag);
        be32(&mut out, 0);
        be32(&mut out, offset as u32);
        be32(&mut out, body.len() as u32);
        offset += body.len().div_ceil(4) * 4;
    }
    for (_, body) in tables {
        out.extend_from_slice(body);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    out
}

/// A format 4 subtable with one segment per (code, glyph) pair.
fn cmap4(pairs: &[(u16, u16)]) -> Vec<u8> {
    let mut segs: Vec<(u16, u16)> = pairs.to_vec();
    segs.sort();
    segs.push((0xFFFF, 1));
    let n = segs.len() as u16;
    let mut v = Vec::new();
    be16(&mut v, 4);
    be16(&mut v, 16 + 8 * n);
    be16(&mut v, 0);
    be16(&mut v, 2 * n);
    v.extend_from_slice(&[0; 6]);
    for &(c, _) in &segs {
        be16(&mut v, c);
    }
    be16(&mut v, 0);
    for &(c, _) in &segs {
        be16(&mut v, c);
    }
    for &(c, g) in &segs {
        be16(&mut v, g.wrapping_sub(c));
    }
    for _ in &segs {
        be16(&mut v, 0);
    }
    v
}

/// A cmap table with the given (platform, encoding, subtable) entries.
fn cmap(subtables: &[(u16, u16, Vec<u8>)]) -> Vec<u8> {
    let mut v = Vec::new();
    be16(&mut v, 0);
    be16(&mut v, subtables.len() as u16);
    let mut offset = 4 + 8 * subtables.len();
    for (p, e, body) in subtables {
        be16(&mut v, *p);
        be16(&mut v, *e);
        be32(&mut v, offset as u32);
        offset += body.len();
    }
    for (_, _, body) in subtables {
        v.extend_from_slice(body);
    }
    v
}

/// A `post` table in format 2.0 naming each glyph.
fn post2(names: &[&str]) -> Vec<u8> {
    let mut v = Vec::new();
    be32(&mut v, 0x0002_0000);
    v.extend_from_slice(&[0; 28]);
    be16(&mut v, names.len() as u16);
    let mut custom: Vec<&str> = Vec::new();
    for n in names {
        let i = match MAC_STANDARD.iter().position(|m| m == n) {
            Some(i) => i,
            None => {
                custom.push(n);
                MAC_STANDARD.len() + custom.len() - 1
            }
        };
        be16(&mut v, i as u16);
    }
    for n in custom {
        v.push(n.len() as u8);
        v.extend_from_slice(n.as_bytes());
    }
    v
}

fn maxp(glyphs: u16) -> Vec<u8> {
    let mut v = Vec::new();
    be32(&mut v, 0x0000_5000);
    be16(&mut v, glyphs);
    v
}

/// A TrueType program whose glyphs are named by a `post` table and reached
/// through a symbol (3,0) subtable at U+F000 + byte and, for the last
/// glyph, only a Unicode (3,1) entry and a meaningless name.
fn symbolic_truetype() -> Vec<u8> {
    // Glyphs: 1 agrave (Mac standard name), 2 egrave (standard too),
    // 3 uni00E9, 4 quoteright, 5 igrave, 6 g77 (text only from (3,1)).
    let names = [
        ".notdef",
        "agrave",
        "egrave",
        "uni00E9",
        "quoteright",
        "igrave",
        "g77",
    ];
    let symbol: Vec<(u16, u16)> = (1..=6).map(|g| (0xF000 + g, g)).collect();
    let unicode = vec![(0x00F2, 6)];
    sfnt(&[
        (
            b"cmap",
            cmap(&[(3, 0, cmap4(&symbol)), (3, 1, cmap4(&unicode))]),
        ),
        (b"maxp", maxp(names.len() as u16)),
        (b"post", post2(&names)),
    ])
}

#[test]
fn symbolic_truetype_reads_post_names_and_unicode_cmap() {
    let program = symbolic_truetype();
    let pdf = pdf_with(
        |doc| {
            let fd = descriptor(doc, 4, "FontFile2", Stream::new(dictionary! {}, program));
            dictionary! {
                "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+Test",
                "FirstChar" => 1, "LastChar" => 6,
                "Widths" => vec![500.into(); 6], "FontDescriptor" => fd,
            }
        },
        // Codes 1..6 are controls: the Latin-1 guess would read nothing.
        vec![1, 5, 2, 3, 4, 6],
    );
    assert_eq!(text_of(&pdf), "àìèé’ò");
}

#[test]
fn truetype_differences_keep_priority_over_the_program() {
    let program = symbolic_truetype();
    let pdf = pdf_with(
        |doc| {
            let fd = descriptor(doc, 4, "FontFile2", Stream::new(dictionary! {}, program));
            dictionary! {
                "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+Test",
                "FirstChar" => 1, "LastChar" => 6,
                "Widths" => vec![500.into(); 6], "FontDescriptor" => fd,
                // Code 1 is ugrave by the PDF's word; code 2 names a glyph
                // without known text, so the program answers.
                "Encoding" => dictionary! {
                    "Differences" => vec![1.into(), "ugrave".into(), "g2".into()],
                },
            }
        },
        vec![1, 2, 3],
    );
    assert_eq!(text_of(&pdf), "ùèé");
}

/// A Type0 font over a CIDFontType2 with the given program and map.
fn cid_truetype(doc: &mut Document, program: Vec<u8>, cid_to_gid: Option<Vec<u8>>) -> Dictionary {
    let fd = descriptor(doc, 32, "FontFile2", Stream::new(dictionary! {}, program));
    let mut cid_font = dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ABCDEF+Test",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"), "Supplement" => 0,
        },
        "FontDescriptor" => fd, "DW" => 500,
    };
    match cid_to_gid {
        Some(map) => {
            let id = doc.add_object(Stream::new(dictionary! {}, map));
            cid_font.set("CIDToGIDMap", id);
        }
        None => cid_font.set("CIDToGIDMap", "Identity"),
    }
    let cid_font = doc.add_object(cid_font);
    dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEF+Test",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![cid_font.into()],
    }
}

/// A TrueType program with a Unicode cmap for glyphs 1..=7 (p, e, r, ò,
/// c, h, é) and one glyph (8) known only by its `post` name.
fn unicode_truetype() -> Vec<u8> {
    let chars = ['p', 'e', 'r', 'ò', 'c', 'h', 'é'];
    let pairs: Vec<(u16, u16)> = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| (c as u16, i as u16 + 1))
        .collect();
    let names = [
        ".notdef", "p", "e", "r", "ograve", "c", "h", "eacute", "uni2019",
    ];
    sfnt(&[
        (b"cmap", cmap(&[(3, 1, cmap4(&pairs))])),
        (b"maxp", maxp(names.len() as u16)),
        (b"post", post2(&names)),
    ])
}

fn codes(cids: &[u16]) -> Vec<u8> {
    cids.iter().flat_map(|c| c.to_be_bytes()).collect()
}

#[test]
fn cid_truetype_identity_reverses_the_unicode_cmap() {
    let program = unicode_truetype();
    let pdf = pdf_with(
        |doc| cid_truetype(doc, program, None),
        // p e r ò  p e r c h é  ’
        codes(&[1, 2, 3, 4, 0, 1, 2, 3, 5, 6, 7, 8]),
    );
    // CID 0 (notdef) has no text; the glyph widths make the gap a space.
    assert_eq!(text_of(&pdf).replace(' ', ""), "peròperché’");
}

#[test]
fn cid_truetype_map_stream_leads_to_glyphs() {
    // CIDs 10.. map to glyphs 1..: the codes are neither glyph ids nor
    // Unicode values, so only the map and the program give the text.
    let program = unicode_truetype();
    let mut map = vec![0u8; 2 * 20];
    for g in 1..=8u16 {
        let cid = 9 + g as usize;
        map[2 * cid..2 * cid + 2].copy_from_slice(&g.to_be_bytes());
    }
    let pdf = pdf_with(
        |doc| cid_truetype(doc, program, Some(map)),
        codes(&[10, 11, 12, 13]),
    );
    assert_eq!(text_of(&pdf), "però");
}

#[test]
fn cjk_collection_cids_read_as_ascii_when_the_program_is_silent() {
    // A Western text exported in a font labelled Adobe-Japan1, whose
    // program has no cmap and no names: CIDs 1..95 are ASCII in every Adobe
    // CJK collection (C = CID 36, i 74, t 85, the digits 17.., ? 32).
    let program = sfnt(&[(b"maxp", maxp(100))]);
    let pdf = pdf_with(
        |doc| {
            let mut font = cid_truetype(doc, program, Some(vec![0, 1, 0, 2]));
            let Ok(Object::Array(kids)) = font.get(b"DescendantFonts").cloned() else {
                unreachable!()
            };
            let id = kids[0].as_reference().unwrap();
            if let Ok(Object::Dictionary(d)) = doc.get_object_mut(id) {
                d.set(
                    "CIDSystemInfo",
                    dictionary! {
                        "Registry" => Object::string_literal("Adobe"),
                        "Ordering" => Object::string_literal("Japan1"), "Supplement" => 2,
                    },
                );
            }
            font.set("BaseFont", "ABCDEF+Test");
            font
        },
        codes(&[36, 74, 85, 85, 1, 17, 18, 19, 32]),
    );
    assert_eq!(text_of(&pdf), "Citt 012?");
}

// ---------------------------------------------------------------- CFF

/// A one-item INDEX with offset size 1.
fn index(items: &[&[u8]]) -> Vec<u8> {
    let mut v = Vec::new();
    be16(&mut v, items.len() as u16);
    if items.is_empty() {
        return v;
    }
    v.push(1);
    let mut off = 1u8;
    v.push(off);
    for it in items {
        off += it.len() as u8;
        v.push(off);
    }
    for it in items {
        v.extend_from_slice(it);
    }
    v
}

fn sid(name: &str) -> u16 {
    CFF_STANDARD.iter().position(|n| *n == name).unwrap() as u16
}

/// A name-keyed CFF program: glyphs named by a format 0 charset (standard
/// strings and one string of its own), an encoding in format 0 with a
/// supplement.
fn cff_program() -> Vec<u8> {
    // Glyphs 1..: agrave egrave eacute quoteright ograve "ugrave.alt" igrave
    let sids = [
        sid("agrave"),
        sid("egrave"),
        sid("eacute"),
        sid("quoteright"),
        sid("ograve"),
        391,
        sid("igrave"),
    ];
    let n_glyphs = sids.len() + 1;
    let header = [1u8, 0, 4, 1];
    let name = index(&[b"Test"]);
    let strings = index(&[b"ugrave.alt"]);
    let gsubrs = index(&[]);
    // The Top DICT has a fixed size (three 5-byte operands): compute the
    // offsets after it.
    let top_len = 3 * 6;
    let top_index_len = 2 + 1 + 2 + top_len;
    let mut at = header.len() + name.len() + top_index_len + strings.len() + gsubrs.len();
    let char_strings_at = at;
    let glyphs: Vec<&[u8]> = vec![&[14u8][..]; n_glyphs];
    let char_strings = index(&glyphs);
    at += char_strings.len();
    let charset_at = at;
    let mut charset = vec![0u8];
    for s in sids {
        be16(&mut charset, s);
    }
    at += charset.len();
    let encoding_at = at;
    // Codes 0x41.. for glyphs 1..7, and 0x5A also for eacute.
    let mut encoding = vec![0x80, sids.len() as u8];
    encoding.extend(0x41..0x41 + sids.len() as u8);
    encoding.push(1);
    encoding.push(0x5A);
    be16(&mut encoding, sid("eacute"));
    let mut top = Vec::new();
    for (value, op) in [(charset_at, 15u8), (encoding_at, 16), (char_strings_at, 17)] {
        top.push(29);
        be32(&mut top, value as u32);
        top.push(op);
    }
    assert_eq!(top.len(), top_len);
    let mut out = header.to_vec();
    out.extend(name);
    out.extend(index(&[&top]));
    out.extend(strings);
    out.extend(gsubrs);
    out.extend(char_strings);
    out.extend(charset);
    out.extend(encoding);
    out
}

#[test]
fn cff_parses_charset_encoding_and_supplements() {
    let cff = Cff::parse(&cff_program()).unwrap();
    assert_eq!(cff.glyph_name(1), Some("agrave"));
    assert_eq!(cff.glyph_name(6), Some("ugrave.alt"));
    let enc = cff.builtin_encoding().unwrap();
    assert!(enc.contains(&(0x41, "agrave")));
    assert!(enc.contains(&(0x46, "ugrave.alt")));
    assert!(enc.contains(&(0x5A, "eacute")));
}

#[test]
fn type1c_builtin_encoding_gives_the_text() {
    let program = cff_program();
    let pdf = pdf_with(
        |doc| {
            let s = Stream::new(dictionary! { "Subtype" => "Type1C" }, program);
            let fd = descriptor(doc, 4, "FontFile3", s);
            dictionary! {
                "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ABCDEF+Test",
                "FirstChar" => 65, "LastChar" => 90,
                "Widths" => vec![500.into(); 26], "FontDescriptor" => fd,
            }
        },
        // à è é ’ ò ù ì  é (supplement)
        b"ABCDEFGZ".to_vec(),
    );
    assert_eq!(text_of(&pdf), "àèé’òùìé");
}

// --------------------------------------------------------------- Type1

#[test]
fn type1_cleartext_encoding_array() {
    let program = b"%!PS-AdobeFont-1.0: Test 001.000\n/FontName /Test def\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\ndup 1 /agrave put\ndup 2 /egrave put\ndup 3 /eacute put\ndup 4 /igrave put\ndup 5 /ograve put\ndup 6 /ugrave put\ndup 7 /quoteright put\nreadonly def\ncurrentfile eexec\n";
    let pdf = pdf_with(
        |doc| {
            let s = Stream::new(
                dictionary! { "Length1" => program.len() as i64, "Length2" => 0, "Length3" => 0 },
                program.to_vec(),
            );
            let fd = descriptor(doc, 4, "FontFile", s);
            dictionary! {
                "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ABCDEF+Test",
                "FirstChar" => 1, "LastChar" => 7,
                "Widths" => vec![500.into(); 7], "FontDescriptor" => fd,
            }
        },
        vec![1, 2, 3, 4, 5, 6, 7],
    );
    assert_eq!(text_of(&pdf), "àèéìòù’");
}

#[test]
fn type1_standard_encoding_program_beats_the_symbolic_guess() {
    // A symbolic font without /Encoding would read code 0x27 as Latin-1
    // "'"; its program declares StandardEncoding, where 0x27 is ’.
    let program = b"%!PS-AdobeFont-1.0: Test\n/Encoding StandardEncoding def\ncurrentfile eexec\n";
    let pdf = pdf_with(
        |doc| {
            let s = Stream::new(dictionary! {}, program.to_vec());
            let fd = descriptor(doc, 4, "FontFile", s);
            dictionary! {
                "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ABCDEF+Test",
                "FirstChar" => 32, "LastChar" => 122,
                "Widths" => vec![500.into(); 91], "FontDescriptor" => fd,
            }
        },
        b"l\x27atto".to_vec(),
    );
    assert_eq!(text_of(&pdf), "l’atto");
}

// ---------------------------------------------------------- glyph names

#[test]
fn glyph_names_to_text() {
    let t = |n: &str| glyph_text(n.as_bytes());
    assert_eq!(t("agrave").as_deref(), Some("à"));
    assert_eq!(t("quoteright").as_deref(), Some("’"));
    assert_eq!(t("uni00EC").as_deref(), Some("ì"));
    assert_eq!(t("u00F2").as_deref(), Some("ò"));
    assert_eq!(t("u1F600").as_deref(), Some("😀"));
    assert_eq!(t("f_f_l").as_deref(), Some("ffl"));
    assert_eq!(t("fi").as_deref(), Some("fi"));
    assert_eq!(t("e.sc").as_deref(), Some("e"));
    assert_eq!(t("Asmall").as_deref(), Some("a"));
    assert_eq!(t("oneoldstyle").as_deref(), Some("1"));
    assert_eq!(t("g12"), None);
    assert_eq!(t("cid345"), None);
    assert_eq!(t(".notdef"), None);
}

// ------------------------------------------------------- hostile input

#[test]
fn truncated_and_corrupted_programs_do_not_panic() {
    let fonts = [symbolic_truetype(), unicode_truetype(), cff_program()];
    for font in &fonts {
        for cut in 0..font.len() {
            let part = &font[..cut];
            let _ = TrueType::parse(part).map(|t| (t.reverse_unicode(), t.simple_gid(1)));
            let _ = Cff::parse(part).map(|c| c.builtin_encoding().map(|e| e.len()));
        }
        // Flip bytes one at a time to large values (counts, offsets).
        for i in 0..font.len() {
            let mut bad = font.clone();
            bad[i] = 0xFF;
            if let Some(t) = TrueType::parse(&bad) {
                let _ = t.reverse_unicode();
                for g in 0..10 {
                    let _ = t.glyph_name(g);
                }
            }
            if let Some(c) = Cff::parse(&bad) {
                let _ = c.builtin_encoding();
                let _ = c.glyph_name(3);
            }
        }
    }
}

#[test]
fn hostile_cmap_segments_are_bounded() {
    // 32767 segments each claiming every code, all through a range offset
    // that leads nowhere: no glyph, and no billions of steps.
    let segs = 32_767u16;
    let mut v = Vec::new();
    be16(&mut v, 4);
    be16(&mut v, 0);
    be16(&mut v, 0);
    be16(&mut v, 2 * segs);
    v.extend_from_slice(&[0; 6]);
    for _ in 0..segs {
        be16(&mut v, 0xFFFE);
    }
    be16(&mut v, 0);
    for _ in 0..segs {
        be16(&mut v, 0);
    }
    for _ in 0..segs {
        be16(&mut v, 0);
    }
    for _ in 0..segs {
        be16(&mut v, 0xFFF0);
    }
    let font = sfnt(&[(b"cmap", cmap(&[(3, 1, v)])), (b"maxp", maxp(10))]);
    let started = std::time::Instant::now();
    let tt = TrueType::parse(&font).unwrap();
    assert!(tt.reverse_unicode().is_empty());
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
}

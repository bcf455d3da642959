//! Tests of the PDF extractor on small PDFs built with lopdf.

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

use super::*;

fn op(name: &str, operands: Vec<Object>) -> Operation {
    Operation::new(name, operands)
}

/// A document whose pages each draw the given operations with font F1.
fn build(font: lopdf::Dictionary, pages_ops: Vec<Vec<Operation>>) -> Vec<u8> {
    build_with(font, pages_ops, |_, _| {})
}

fn build_with(
    font: lopdf::Dictionary,
    pages_ops: Vec<Vec<Operation>>,
    extra: impl Fn(&mut Document, &mut lopdf::Dictionary),
) -> Vec<u8> {
    build_pdf(|_| font, pages_ops, extra)
}

/// The PDF every test module builds: A4 pages, each drawing its operations
/// with the font that `font` makes as F1 (it may add objects to the
/// document, such as an embedded font program); `extra` may add to the
/// shared resources.
pub(super) fn build_pdf(
    font: impl FnOnce(&mut Document) -> lopdf::Dictionary,
    pages_ops: Vec<Vec<Operation>>,
    extra: impl Fn(&mut Document, &mut lopdf::Dictionary),
) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = font(&mut doc);
    let font_id = doc.add_object(font);
    let mut resources = dictionary! { "Font" => dictionary! { "F1" => font_id } };
    extra(&mut doc, &mut resources);
    let resources_id = doc.add_object(resources);
    let mut kids = Vec::new();
    for ops in pages_ops {
        let content = Content { operations: ops };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn text_ops(x: f32, y: f32, s: &[u8]) -> Vec<Operation> {
    vec![
        op("BT", vec![]),
        op("Tf", vec!["F1".into(), 12.into()]),
        op("Td", vec![x.into(), y.into()]),
        op("Tj", vec![Object::string_literal(s.to_vec())]),
        op("ET", vec![]),
    ]
}

fn helvetica() -> lopdf::Dictionary {
    dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding" }
}

fn page_text(bytes: &[u8]) -> Vec<String> {
    read(bytes, &Limits::default())
        .unwrap()
        .pages
        .into_iter()
        .map(|p| p.text)
        .collect()
}

#[test]
fn winansi_accents_and_standard_widths() {
    let pdf = build(
        helvetica(),
        vec![text_ops(
            72.0,
            700.0,
            b"Citt\xe0 \x93perch\xe9\x94 \xabs\xec\xbb \x96 l\x92atto",
        )],
    );
    let ex = read(&pdf, &Limits::default()).unwrap();
    assert_eq!(ex.status, Status::Ok);
    let p = &ex.pages[0];
    assert_eq!(p.text, "Città “perché” «sì» – l’atto");
    assert_eq!(p.words[0].text, "Città");
    assert!((p.words[0].x - 72.0).abs() < 0.01);
    assert!((p.words[0].y - 142.0).abs() < 0.01);
    // C(722) i(222) t(278) t(278) a(556) = 2056/1000 * 12
    assert!(
        (p.words[0].width - 24.672).abs() < 0.05,
        "{}",
        p.words[0].width
    );
    assert_eq!(p.words[1].start, "Città ".len());
}

#[test]
fn differences_override_the_base_encoding() {
    let font = dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Roman",
        "Encoding" => dictionary! {
            "Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![1.into(), "ugrave".into(), "fi".into(), "uni00F2".into(), "g77".into()],
        },
    };
    let pdf = build(
        font,
        vec![text_ops(72.0, 700.0, b"pi\x01 \x02ne per\x03 \x04x")],
    );
    assert_eq!(page_text(&pdf), vec!["più fine però x"]);
}

#[test]
fn identity_h_with_to_unicode() {
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
4 beginbfchar <0003> <0020> <0010> <FB01> <0011> <D83DDE00> <0012> <00660066> endbfchar
2 beginbfrange <0020> <0025> <0061> <0030> <0031> [<00E8> <00F9>] endbfrange
endcmap end end";
    let doc_font = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEF+Calibri", "Encoding" => "Identity-H",
    };
    let pdf = build_with(
        dictionary! {},
        vec![vec![
            op("BT", vec![]),
            op("Tf", vec!["F2".into(), 10.into()]),
            op("Td", vec![50.into(), 600.into()]),
            op(
                "Tj",
                vec![Object::String(
                    b"\x00\x20\x00\x21\x00\x30\x00\x03\x00\x10\x00\x31\x00\x11\x00\x12".to_vec(),
                    lopdf::StringFormat::Hexadecimal,
                )],
            ),
            op("ET", vec![]),
        ]],
        move |doc, res| {
            let tu = doc.add_object(Stream::new(dictionary! {}, cmap.to_vec()));
            let cid = doc.add_object(dictionary! {
                "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ABCDEF+Calibri",
                "DW" => 500, "W" => vec![0x20.into(), vec![400.into(), 450.into()].into()],
            });
            let mut f = doc_font.clone();
            f.set("DescendantFonts", vec![cid.into()]);
            f.set("ToUnicode", tu);
            let id = doc.add_object(f);
            res.get_mut(b"Font")
                .unwrap()
                .as_dict_mut()
                .unwrap()
                .set("F2", id);
        },
    );

    let ex = read(&pdf, &Limits::default()).unwrap();
    assert_eq!(ex.pages[0].text, "abè fiù😀ff");
    // a: 400, b: 450 at 10 pt -> "abè" starts at 50.
    assert!((ex.pages[0].words[0].x - 50.0).abs() < 0.01);
}

#[test]
fn tj_kerning_makes_spaces() {
    let ops = vec![
        op("BT", vec![]),
        op("Tf", vec!["F1".into(), 10.into()]),
        op("Td", vec![72.into(), 700.into()]),
        op(
            "TJ",
            vec![Object::Array(vec![
                Object::string_literal("Deli"),
                (-20).into(),
                Object::string_literal("bera"),
                (-300).into(),
                Object::string_literal("di"),
                (-1200).into(),
                Object::string_literal("Giunta"),
            ])],
        ),
        op("ET", vec![]),
    ];
    let pdf = build(helvetica(), vec![ops]);
    assert_eq!(page_text(&pdf), vec!["Delibera di Giunta"]);
}

#[test]
fn a_space_glyph_separates_words_however_tight() {
    // Justified text, as InDesign sets it: negative character and word
    // spacing and a kern that pulls the space glyph back, so the gap after
    // "artt." is narrower than any gap test; the space glyph still says two
    // words. Without it, the same tight gap joins the pieces of one word.
    let ops = vec![
        op("BT", vec![]),
        op("Tf", vec!["F1".into(), 10.into()]),
        op("Tc", vec![(-0.2).into()]),
        op("Tw", vec![(-0.4).into()]),
        op("Td", vec![72.into(), 700.into()]),
        op(
            "TJ",
            vec![Object::Array(vec![
                Object::string_literal("degli ar"),
                (-27).into(),
                Object::string_literal("tt."),
                117.into(),
                Object::string_literal(" 122 e 123"),
            ])],
        ),
        op("ET", vec![]),
    ];
    let pdf = build(helvetica(), vec![ops]);
    assert_eq!(page_text(&pdf), vec!["degli artt. 122 e 123"]);
}

#[test]
fn text_state_operators_and_lines() {
    let ops = vec![
        op("BT", vec![]),
        op("Tf", vec!["F1".into(), 10.into()]),
        op("TL", vec![12.into()]),
        op(
            "Tm",
            vec![
                1.into(),
                0.into(),
                0.into(),
                1.into(),
                300.into(),
                700.into(),
            ],
        ),
        op("Tj", vec![Object::string_literal("Importo")]),
        op(
            "Tm",
            vec![
                1.into(),
                0.into(),
                0.into(),
                1.into(),
                72.into(),
                700.into(),
            ],
        ),
        op("Tj", vec![Object::string_literal("Voce")]),
        op("T*", vec![]),
        op("Tw", vec![5.into()]),
        op("'", vec![Object::string_literal("seconda riga")]),
        op(
            "\"",
            vec![0.into(), 0.into(), Object::string_literal("terza")],
        ),
        op("TD", vec![0.into(), (-20).into()]),
        op("Tz", vec![50.into()]),
        op("Tc", vec![1.into()]),
        op("Tj", vec![Object::string_literal("quarta")]),
        op("ET", vec![]),
    ];
    let pdf = build(helvetica(), vec![ops]);
    let ex = read(&pdf, &Limits::default()).unwrap();
    assert_eq!(
        ex.pages[0].text,
        "Voce Importo\nseconda riga\nterza\nquarta"
    );
    let layout = layout_text(&ex.pages[0]);
    assert!(layout.starts_with("Voce "), "{layout}");
    let first = layout.lines().next().unwrap();
    assert!(first.find("Importo").unwrap() > 30, "{layout}");
    let raw = raw_text(&pdf, &Limits::default()).unwrap();
    assert!(raw.starts_with("Importo Voce\nseconda riga"), "{raw}");
}

#[test]
fn cm_and_nested_forms_with_self_reference() {
    let mut doc_ops = vec![
        op("q", vec![]),
        op(
            "cm",
            vec![1.into(), 0.into(), 0.into(), 1.into(), 100.into(), 0.into()],
        ),
    ];
    doc_ops.push(op("Do", vec!["Fm1".into()]));
    doc_ops.push(op("Q", vec![]));
    let pdf = build_with(helvetica(), vec![doc_ops], |doc, res| {
        let form_id = doc.new_object_id();
        let content = Content {
            operations: {
                let mut v = text_ops(0.0, 500.0, b"Dentro");
                v.push(op("Do", vec!["Fm1".into()]));
                v
            },
        };
        let font = res.get(b"Font").unwrap().clone();
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), 10.into()],
                "Resources" => dictionary! { "Font" => font, "XObject" => dictionary! { "Fm1" => form_id } },
            },
            content.encode().unwrap(),
        );
        doc.objects.insert(form_id, Object::Stream(form));
        res.set("XObject", dictionary! { "Fm1" => form_id });
    });
    let ex = read(&pdf, &Limits::default()).unwrap();
    assert_eq!(ex.pages[0].text, "Dentro");
    assert!((ex.pages[0].words[0].x - 100.0).abs() < 0.01);
    assert!((ex.pages[0].words[0].y - (842.0 - 510.0)).abs() < 0.01);
    assert!(
        ex.warnings.iter().any(|w| w.contains("draws itself")),
        "{:?}",
        ex.warnings
    );
}

#[test]
fn no_text_pages() {
    let pdf = build(
        helvetica(),
        vec![vec![
            op("re", vec![0.into(), 0.into(), 10.into(), 10.into()]),
            op("f", vec![]),
        ]],
    );
    let ex = read(&pdf, &Limits::default()).unwrap();
    assert_eq!(ex.status, Status::NoText);
    assert_eq!(ex.pages.len(), 1);
}

#[test]
fn furniture_is_set_apart() {
    let page = |n: u32, body: &str| {
        let mut v = text_ops(72.0, 800.0, b"COMUNE DI AVELLA - Piazza Municipio");
        v.extend(text_ops(72.0, 400.0, body.as_bytes()));
        v.extend(text_ops(72.0, 30.0, format!("Pagina {n} di 3").as_bytes()));
        v
    };
    let pdf = build(
        helvetica(),
        vec![page(1, "uno"), page(2, "due"), page(3, "tre")],
    );
    let ex = read(&pdf, &Limits::default()).unwrap();
    assert_eq!(ex.pages[1].text, "due");
    assert_eq!(
        ex.pages[1].furniture,
        vec!["COMUNE DI AVELLA - Piazza Municipio", "Pagina 2 di 3"]
    );
    assert!(ex.pages[1]
        .words
        .iter()
        .any(|w| w.text == "AVELLA" && w.start == usize::MAX));
}

#[test]
fn rotated_page() {
    let pdf = build(helvetica(), vec![text_ops(72.0, 700.0, b"Ruotata")]);
    let mut doc = Document::load_mem(&pdf).unwrap();
    let id = doc.page_iter().next().unwrap();
    doc.get_dictionary_mut(id).unwrap().set("Rotate", 90);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    let ex = read(&out, &Limits::default()).unwrap();
    assert_eq!(ex.pages[0].text, "Ruotata");
    assert_eq!(ex.pages[0].width, 842.0);
}

#[test]
fn encrypted_files() {
    let Some(dir) = atti_dev::shared::path("corpus/robust", "encrypted_files") else {
        return;
    };
    let bytes = std::fs::read(dir.join("lopdf_encrypted.pdf")).expect("lopdf_encrypted.pdf");
    let ex = read(&bytes, &Limits::default()).unwrap();
    assert_eq!(ex.status, Status::Ok);
    assert!(!ex.pages[0].text.is_empty());
    if let Ok(bytes) = std::fs::read(dir.join("pdfrs_passwords_aes_256.pdf")) {
        assert!(matches!(
            read(&bytes, &Limits::default()),
            Err(Error::Encrypted)
        ));
    }
}

#[test]
fn hostile_page_tree_and_garbage() {
    // A header and nothing after it is not a document: no page to read.
    assert!(read(b"%PDF-1.4\n garbage", &Limits::default()).is_err());
    let limits = Limits {
        max_ops_per_page: 3,
        ..Limits::default()
    };
    let pdf = build(
        helvetica(),
        vec![text_ops(72.0, 700.0, b"uno"), text_ops(72.0, 700.0, b"due")],
    );
    let ex = read(&pdf, &limits).unwrap();
    assert!(ex.warnings.iter().any(|w| w.contains("operazioni")));
}

#[test]
fn hyphenated_words_are_joined() {
    let mut ops = text_ops(72.0, 700.0, b"la delibera- ");
    ops.extend(text_ops(72.0, 686.0, b"zione approvata"));
    let pdf = build(helvetica(), vec![ops]);
    let ex = read(&pdf, &Limits::default()).unwrap();
    let p = &ex.pages[0];
    assert_eq!(p.text, "la deliberazione\napprovata");
    for w in &p.words {
        assert_eq!(&p.text[w.start..w.start + w.text.len()], w.text);
    }
}

#[test]
fn a_hyphen_before_a_capital_or_a_digit_stays() {
    let mut ops = text_ops(72.0, 700.0, b"Non-");
    ops.extend(text_ops(72.0, 686.0, b"Negligent Secunderabad-"));
    ops.extend(text_ops(72.0, 672.0, b"500017 fine"));
    let pdf = build(helvetica(), vec![ops]);
    let ex = read(&pdf, &Limits::default()).unwrap();
    let p = &ex.pages[0];
    assert_eq!(p.text, "Non-\nNegligent Secunderabad-\n500017 fine");
}

#[test]
fn simulated_bold_is_read_once() {
    let tj = Object::Array(vec![
        Object::string_literal("D"),
        722.into(),
        Object::string_literal("De"),
        556.into(),
        Object::string_literal("el"),
        222.into(),
        Object::string_literal("l"),
    ]);
    let mut ops = vec![
        op("BT", vec![]),
        op("Tf", vec!["F1".into(), 12.into()]),
        op("Td", vec![72.into(), 700.into()]),
    ];
    ops.push(op("TJ", vec![tj]));
    ops.push(op("ET", vec![]));
    // The whole word drawn again, half a point to the right.
    ops.extend(text_ops(72.5, 700.0, b"Del"));
    let pdf = build(helvetica(), vec![ops]);
    assert_eq!(page_text(&pdf), vec!["Del"]);
}

#[test]
fn title_hint_and_mac_roman_truetype() {
    let font = dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Arial", "Encoding" => "MacRomanEncoding" };
    let pdf = build_with(
        font,
        vec![text_ops(72.0, 700.0, b"Pi\x9d \x88 \x8e")],
        |_, _| {},
    );
    let mut doc = Document::load_mem(&pdf).unwrap();
    let info = doc
        .add_object(dictionary! { "Title" => Object::string_literal("Delibera di Giunta n. 42") });
    doc.trailer.set("Info", info);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    let ex = read(&out, &Limits::default()).unwrap();
    assert_eq!(ex.pages[0].text, "Più à é");
    assert_eq!(ex.title_hint.as_deref(), Some("Delibera di Giunta n. 42"));
}

#[test]
fn truetype_without_encoding_reads_winansi_and_type3_private_names() {
    let font =
        dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+Verdana" };
    assert_eq!(
        page_text(&build(
            font,
            vec![text_ops(72.0, 700.0, b"Societ\xe0 \x96 s.r.l.")]
        )),
        vec!["Società – s.r.l."]
    );
    let type3 = dictionary! {
        "Type" => "Font", "Subtype" => "Type3",
        "FontMatrix" => vec![0.01.into(), 0.into(), 0.into(), 0.01.into(), 0.into(), 0.into()],
        "FontBBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
        "FirstChar" => 97, "LastChar" => 98, "Widths" => vec![50.into(), 50.into()],
        "Encoding" => dictionary! { "Differences" => vec![97.into(), "a1".into(), "b".into()] },
        "CharProcs" => dictionary! {},
    };
    assert_eq!(
        page_text(&build(type3, vec![text_ops(72.0, 700.0, b"abba")])),
        vec!["abba"]
    );
}

#[test]
fn identity_v_advances_down() {
    let cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <0061> <0002> <0062> endbfchar";
    let pdf = build_with(
        dictionary! {},
        vec![vec![
            op("BT", vec![]),
            op("Tf", vec!["F2".into(), 10.into()]),
            op("Td", vec![50.into(), 600.into()]),
            op(
                "Tj",
                vec![Object::String(
                    b"\x00\x01\x00\x02".to_vec(),
                    lopdf::StringFormat::Hexadecimal,
                )],
            ),
            op("ET", vec![]),
        ]],
        move |doc, res| {
            let tu = doc.add_object(Stream::new(dictionary! {}, cmap.to_vec()));
            let cid = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "MSMincho" });
            let id = doc.add_object(dictionary! {
                "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "MSMincho", "Encoding" => "Identity-V",
                "DescendantFonts" => vec![cid.into()], "ToUnicode" => tu,
            });
            res.get_mut(b"Font")
                .unwrap()
                .as_dict_mut()
                .unwrap()
                .set("F2", id);
        },
    );
    let ex = read(&pdf, &Limits::default()).unwrap();
    let words = &ex.pages[0].words;
    let all: String = words.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(all, "ab");
}

#[test]
fn letter_spaced_headings_are_one_word() {
    let mut ops = text_ops(72.0, 700.0, b"S P O S O");
    ops.extend(text_ops(300.0, 700.0, b"S P O S A"));
    ops.extend(text_ops(72.0, 600.0, b"punti a b c e X Y"));
    let pdf = build(helvetica(), vec![ops]);
    assert_eq!(page_text(&pdf), vec!["SPOSO SPOSA\npunti a b c e X Y"]);
}

#[test]
fn long_to_unicode_destinations_do_not_panic() {
    let mut cmap =
        b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <41> <".to_vec();
    for _ in 0..300 {
        cmap.extend_from_slice(b"00E0");
    }
    cmap.extend_from_slice(b"> endbfchar");
    let pdf = build_with(
        helvetica(),
        vec![text_ops(72.0, 700.0, b"AB")],
        move |doc, res| {
            let tu = doc.add_object(Stream::new(dictionary! {}, cmap.clone()));
            let id = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "ToUnicode" => tu,
        });
            res.get_mut(b"Font")
                .unwrap()
                .as_dict_mut()
                .unwrap()
                .set("F1", id);
        },
    );
    let text = &page_text(&pdf)[0];
    assert!(text.starts_with("àààà") && text.ends_with('B'), "{text}");
}

/// Expected text from real files of the shared corpus, when it is present.
#[test]
fn real_corpus_samples() {
    let Some(dir) = atti_dev::shared::path("corpus/real-it", "real_corpus_samples") else {
        return;
    };
    let read = |name: &str| {
        std::fs::read(dir.join(name))
            .ok()
            .and_then(|b| read(&b, &Limits::default()).ok())
    };
    // Indicator table: each row on its own layout line, cells in column order.
    if let Some(ex) = read("avella_Delibera_52__5511_piano_degli_indicatori_2025_497280_4.pdf") {
        let layout = layout_text(&ex.pages[1]);
        let row = layout
            .lines()
            .find(|l| l.starts_with("06.1"))
            .expect("row 06.1");
        let (a, b) = (
            row.find("Incidenza degli interessi").unwrap(),
            row.find("Impegni Macroaggregato 1.7").unwrap(),
        );
        assert!(a < b, "{row}");
        assert!(
            ex.pages[1]
                .furniture
                .iter()
                .any(|f| f.contains("Pagina 2 di 13")),
            "{:?}",
            ex.pages[1].furniture
        );
        assert!(!ex.pages[1].text.contains("Pagina 2 di 13"));
    }
    // Two-column bulletin with a broken ToUnicode and hyphenation.
    if let Some(ex) = read("burl_elencoburl_37635350_policy467_12_12.pdf") {
        let text = &ex.pages[0].text;
        assert!(
            text.contains("Voltura dell’accreditamento per la seguente unità di offerta"),
            "{text}"
        );
        assert!(text.contains("C.F. 03145110155"));
        assert!(text.contains("sociosanitarie"));
    }
    // A scan.
    if let Some(ex) = read("avella_Delibera_9__5339_parere_su_bilancio_4.pdf") {
        assert_eq!(ex.status, Status::NoText);
    }
}

#[test]
fn text_drawn_after_the_pen_left_the_line_is_another_word() {
    // A table cell's text ("con" and the line under it), then the next
    // cell's "5" set right against "con" on its line: two words, as the
    // stream drew another line between them. Drawn one after the other,
    // the same two pieces are one word.
    let con = 12.0 * (500.0 + 556.0 + 556.0) / 1000.0;
    let mut ops = text_ops(72.0, 700.0, b"con");
    ops.extend(text_ops(72.0, 686.0, b"gli uffici"));
    ops.extend(text_ops(72.0 + con, 700.0, b"5"));
    let pdf = build(helvetica(), vec![ops]);
    assert_eq!(page_text(&pdf), vec!["con 5\ngli uffici"]);

    let mut ops = text_ops(72.0, 700.0, b"con");
    ops.extend(text_ops(72.0 + con, 700.0, b"5"));
    ops.extend(text_ops(72.0, 686.0, b"gli uffici"));
    let pdf = build(helvetica(), vec![ops]);
    assert_eq!(page_text(&pdf), vec!["con5\ngli uffici"]);
}

//! Tests of annotation and form-field text on PDFs built with lopdf: a
//! stamp drawn by its appearance stream, a filled text field without one,
//! an appearance chosen by state, and annotations that are not shown.

use lopdf::{dictionary, Document, Object, Stream};

use super::*;

fn helvetica() -> lopdf::Dictionary {
    dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding" }
}

fn form(
    doc: &mut Document,
    font: lopdf::ObjectId,
    bbox: [i64; 4],
    content: &str,
) -> lopdf::ObjectId {
    doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => bbox.iter().map(|v| Object::Integer(*v)).collect::<Vec<_>>(),
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        },
        content.as_bytes().to_vec(),
    ))
}

fn rect(r: [i64; 4]) -> Object {
    Object::Array(r.iter().map(|v| Object::Integer(*v)).collect())
}

/// An A4 page whose content writes a heading and a line of body text, with
/// the annotations `annots` makes.
fn page_with(annots: impl FnOnce(&mut Document, lopdf::ObjectId) -> Vec<Object>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(helvetica());
    let body = "BT /F1 12 Tf 72 760 Td (DETERMINAZIONE DIRIGENZIALE) Tj 0 -20 Td (Oggetto: affidamento del servizio) Tj ET";
    let content = doc.add_object(Stream::new(dictionary! {}, body.as_bytes().to_vec()));
    let list = annots(&mut doc, font);
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        "Annots" => list,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page.into()],
            "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn text(bytes: &[u8]) -> String {
    read(bytes, &Limits::default()).unwrap().pages[0]
        .text
        .clone()
}

#[test]
fn a_stamp_and_a_filled_field_are_read_where_they_are_drawn() {
    let pdf = page_with(|doc, font| {
        // A stamp above the heading, its form box scaled onto its rectangle.
        let ap = form(
            doc,
            font,
            [0, 0, 200, 20],
            "BT /F1 10 Tf 2 6 Td (Prot. n. 4521 del 05/06/2024) Tj ET",
        );
        let stamp = dictionary! {
            "Type" => "Annot", "Subtype" => "Stamp",
            "Rect" => rect([300, 800, 500, 820]),
            "AP" => dictionary! { "N" => ap },
        };
        // A text field with a value and no appearance, below the body.
        let parent =
            doc.add_object(dictionary! { "FT" => "Tx", "T" => Object::string_literal("numero") });
        let field = dictionary! {
            "Type" => "Annot", "Subtype" => "Widget", "Parent" => parent,
            "Rect" => rect([72, 690, 300, 705]),
            "DA" => Object::string_literal("/Helv 10 Tf 0 g"),
            "V" => Object::string_literal("Reg. gen. n. 77 del 2024"),
        };
        vec![doc.add_object(stamp).into(), doc.add_object(field).into()]
    });
    let t = text(&pdf);
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(
        lines,
        [
            "Prot. n. 4521 del 05/06/2024",
            "DETERMINAZIONE DIRIGENZIALE",
            "Oggetto: affidamento del servizio",
            "Reg. gen. n. 77 del 2024",
        ],
        "{t}"
    );
    let r = read(&pdf, &Limits::default()).unwrap();
    let w = r.pages[0].words.iter().find(|w| w.text == "4521").unwrap();
    // Drawn in its rectangle: x from 300, the baseline 6 points above its bottom.
    assert!(w.x > 300.0 && w.x < 420.0, "{w:?}");
    assert!((w.y - (842.0 - 806.0)).abs() < 1.0, "{w:?}");
}

#[test]
fn states_hidden_annotations_and_popups() {
    let pdf = page_with(|doc, font| {
        let on = form(
            doc,
            font,
            [0, 0, 100, 20],
            "BT /F1 10 Tf 2 6 Td (SCELTO) Tj ET",
        );
        let off = form(
            doc,
            font,
            [0, 0, 100, 20],
            "BT /F1 10 Tf 2 6 Td (SCARTATO) Tj ET",
        );
        let by_state = dictionary! {
            "Type" => "Annot", "Subtype" => "Widget", "AS" => "On",
            "Rect" => rect([72, 600, 172, 620]),
            "AP" => dictionary! { "N" => dictionary! { "On" => on, "Off" => off } },
        };
        let hidden_ap = form(
            doc,
            font,
            [0, 0, 100, 20],
            "BT /F1 10 Tf 2 6 Td (NASCOSTO) Tj ET",
        );
        let hidden = dictionary! {
            "Type" => "Annot", "Subtype" => "FreeText", "F" => 2,
            "Rect" => rect([72, 500, 172, 520]),
            "AP" => dictionary! { "N" => hidden_ap },
        };
        let popup_ap = form(
            doc,
            font,
            [0, 0, 100, 20],
            "BT /F1 10 Tf 2 6 Td (POPUP) Tj ET",
        );
        let popup = dictionary! {
            "Type" => "Annot", "Subtype" => "Popup",
            "Rect" => rect([72, 400, 172, 420]),
            "AP" => dictionary! { "N" => popup_ap },
        };
        // An appearance that draws itself is read once, not forever.
        let selfish = doc.new_object_id();
        doc.objects.insert(
            selfish,
            Object::Stream(Stream::new(
                dictionary! {
                    "Subtype" => "Form", "BBox" => rect([0, 0, 50, 10]),
                    "Resources" => dictionary! { "XObject" => dictionary! { "X" => selfish } },
                },
                b"/X Do".to_vec(),
            )),
        );
        let looping = dictionary! {
            "Type" => "Annot", "Subtype" => "Stamp",
            "Rect" => rect([72, 300, 122, 310]),
            "AP" => dictionary! { "N" => selfish },
        };
        [by_state, hidden, popup, looping]
            .into_iter()
            .map(|d| doc.add_object(d).into())
            .collect()
    });
    let t = text(&pdf);
    assert!(t.contains("SCELTO"), "{t}");
    for absent in ["SCARTATO", "NASCOSTO", "POPUP"] {
        assert!(!t.contains(absent), "{absent} in {t}");
    }
}

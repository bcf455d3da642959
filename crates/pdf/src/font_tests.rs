//! Tests of how a simple font's codes become text when its ToUnicode and
//! its encoding disagree, on PDFs built here with lopdf.

use lopdf::content::Operation;
use lopdf::{dictionary, Object, Stream};

use super::*;

fn op(name: &str, operands: Vec<Object>) -> Operation {
    Operation::new(name, operands)
}

/// A page showing `codes` in a TrueType font (no embedded program, no
/// encoding) whose ToUnicode is `cmap`.
fn text_of(cmap: &'static [u8], codes: &[u8]) -> String {
    let ops = vec![
        op("BT", vec![]),
        op("Tf", vec!["F1".into(), 12.into()]),
        op("Td", vec![72.into(), 700.into()]),
        op("Tj", vec![Object::string_literal(codes.to_vec())]),
        op("ET", vec![]),
    ];
    let pdf = super::tests::build_pdf(
        |doc| {
            let tu = doc.add_object(Stream::new(dictionary! {}, cmap.to_vec()));
            dictionary! {
                "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "AAAAAC+Aptos",
                "FirstChar" => 33, "LastChar" => 40,
                "Widths" => vec![600.into(), 600.into(), 600.into(), 600.into(), 600.into(), 600.into(), 250.into(), 500.into()],
                "ToUnicode" => tu,
            }
        },
        vec![ops],
        |_, _| {},
    );
    read(&pdf, &Limits::default()).unwrap().pages.remove(0).text
}

#[test]
fn a_renumbered_subset_maps_its_space_in_to_unicode() {
    // Glyphs numbered from 33 as the producer used them (macOS Quartz):
    // "&" (0x26) is the space, and the encoding knows nothing of it.
    let cmap = b"1 begincodespacerange <00> <FF> endcodespacerange
6 beginbfrange <21><21><004f> <22><22><0075> <23><23><0074> <24><24><0065> <25><25><0072> <26><26><0020> endbfrange
1 beginbfchar <27> <0031> endbfchar";
    assert_eq!(text_of(cmap, b"!\"#$%&'"), "Outer 1");
}

#[test]
fn a_to_unicode_that_agrees_with_the_encoding_keeps_its_punctuation() {
    // Codes as in the standard encoding, but "&" mapped to a space: the
    // encoding knows better.
    let cmap = b"1 begincodespacerange <00> <FF> endcodespacerange
3 beginbfrange <41><43><0041> <61><63><0061> <26><26><0020> endbfrange";
    assert_eq!(text_of(cmap, b"AB&abc"), "AB&abc");
}

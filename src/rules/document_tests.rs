use super::*;
use crate::read::Word;
use crate::rules::rule_regex::Regex;

fn doc(pages: &[Page]) -> Doc<'_> {
    Doc::new(
        pages,
        pages.iter().map(|p| p.text.clone()).collect(),
        vec![Vec::new(); pages.len()],
    )
}

/// Byte range of the `n`-th (0-based) `X` of a text.
fn nth_x(text: &str, n: usize) -> Range<usize> {
    let i = text.match_indices('X').nth(n).expect("an X").0;
    i..i + 1
}

#[test]
fn a_mark_is_under_the_header_word_nearest_to_it() {
    let text = "COGNOME E NOME            CARICA          PRESENTE   ASSENTE\n\
                ROSSI MARIA               Sindaco            X\n\
                NERI PAOLO                Assessore                     X\n";
    let pages = [Page {
        number: 1,
        text: text.into(),
        ..Page::default()
    }];
    let d = doc(&pages);
    let present = Regex::new(r"(?i)\bpresente\b").unwrap();
    let absent = Regex::new(r"(?i)\bassente\b").unwrap();
    assert!(d.under_header(0, &present, nth_x(text, 0)));
    assert!(!d.under_header(0, &absent, nth_x(text, 0)));
    assert!(d.under_header(0, &absent, nth_x(text, 1)));
    assert!(!d.under_header(0, &present, nth_x(text, 1)));
    // No header above: not under it.
    let none = Regex::new(r"(?i)\bgiustificato\b").unwrap();
    assert!(!d.under_header(0, &none, nth_x(text, 0)));
}

#[test]
fn tab_separated_cells_and_positioned_words_tell_the_column_too() {
    let text = "Consigliere\tPresente\tAssente\nFONTANA ELENA\t\tX\n";
    let pages = [Page {
        number: 1,
        text: text.into(),
        ..Page::default()
    }];
    let d = doc(&pages);
    let present = Regex::new(r"(?i)\bpresente\b").unwrap();
    let absent = Regex::new(r"(?i)\bassente\b").unwrap();
    assert!(d.under_header(0, &absent, nth_x(text, 0)));
    assert!(!d.under_header(0, &present, nth_x(text, 0)));

    // A PDF line where one space separates the words: the x positions decide.
    let text = "Nome Presente Assente\nROSSI X\n";
    let w = |t: &str, x: f32, start: usize, line: u32| Word {
        text: t.into(),
        x,
        y: 10.0 + line as f32 * 12.0,
        width: t.chars().count() as f32 * 5.0,
        size: 10.0,
        line,
        start,
    };
    let pages = [Page {
        number: 1,
        text: text.into(),
        words: vec![
            w("Nome", 50.0, 0, 0),
            w("Presente", 200.0, 5, 0),
            w("Assente", 300.0, 14, 0),
            w("ROSSI", 50.0, 22, 1),
            w("X", 315.0, 28, 1),
        ],
        width: 595.0,
        height: 842.0,
        ..Page::default()
    }];
    let d = doc(&pages);
    assert!(d.under_header(0, &absent, nth_x(text, 0)));
    assert!(!d.under_header(0, &present, nth_x(text, 0)));
}

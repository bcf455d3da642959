//! Columns set a word space apart: the values of adjacent columns, and
//! their header labels, run together on each line.

use super::*;

/// Sets `text` so that it ends at `x1`.
fn right(k: &mut Kit, x1: f32, y: f32, text: &str) {
    k.text(x1 - Kit::width(text), y, text);
}

#[test]
fn amounts_a_space_apart_are_two_columns() {
    // Two columns of right-aligned amounts with a one-space gutter: the
    // second column's widest amounts begin a space after the first's
    // right edge, so amounts and labels read as one run per line.
    let (r2, r3) = (200.0, 202.8 + Kit::width("12.345,67"));
    let mut k = Kit::new();
    k.text(50.0, 100.0, "Voce");
    right(&mut k, r2, 100.0, "Stanziato");
    right(&mut k, r3, 100.0, "Impegnato");
    for (y, voce, a, b) in [
        (114.0, "Scuole", "1.234,56", "12.345,67"),
        (128.0, "Strade", "98,00", "10.000,00"),
        (142.0, "Verde pubblico", "12.000,00", "3.500,00"),
    ] {
        k.text(50.0, y, voce);
        right(&mut k, r2, y, a);
        right(&mut k, r3, y, b);
    }
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["Voce", "Stanziato", "Impegnato"],
            &["Scuole", "1.234,56", "12.345,67"],
            &["Strade", "98,00", "10.000,00"],
            &["Verde pubblico", "12.000,00", "3.500,00"],
        ])
    );
}

#[test]
fn a_thousands_group_set_with_a_space_stays_in_its_amount() {
    // Amounts written "1 234,50" right-aligned: the leading groups share
    // their right edges from line to line, but a group of three digits
    // after them goes on the same number.
    let mut k = Kit::new();
    k.text(50.0, 100.0, "Voce");
    right(&mut k, 250.0, 100.0, "Importo");
    for (y, voce, a) in [
        (114.0, "Scuole", "1 234,50"),
        (128.0, "Strade", "2 500,00"),
        (142.0, "Verde", "9 000,75"),
    ] {
        k.text(50.0, y, voce);
        right(&mut k, 250.0, y, a);
    }
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["Voce", "Importo"],
            &["Scuole", "1 234,50"],
            &["Strade", "2 500,00"],
            &["Verde", "9 000,75"],
        ])
    );
}

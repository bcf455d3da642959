use crate::testkit::{grids, rows, Kit};

/// Sets a row: a code (or nothing), a text, and figures right-aligned.
fn row(k: &mut Kit, y: f32, code: &str, text: &str, figures: &[&str]) {
    if !code.is_empty() {
        k.text(60.0, y, code);
    }
    k.text(110.0, y, text);
    for (n, f) in figures.iter().enumerate() {
        k.text(300.0 + 90.0 * n as f32 - Kit::width(f), y, f);
    }
}

#[test]
fn a_totals_row_under_an_empty_code_is_a_row_of_its_own() {
    // The totals row leaves the code column empty, and "Sport Totale"
    // would not fit in the narrow text column: only the figures, set again
    // under figures, say that a new row begins.
    let mut k = Kit::new();
    row(&mut k, 100.0, "Cap.", "Voce", &["Impegnato", "Pagato"]);
    row(&mut k, 114.0, "1040", "Tributi", &["1.200,00", "900,00"]);
    row(&mut k, 128.0, "1050", "Anagrafe", &["350,00", "300,00"]);
    row(&mut k, 142.0, "1060", "Sport", &["80,00", "10,00"]);
    row(&mut k, 156.0, "", "Totale", &["1.630,00", "1.210,00"]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Cap.", "Voce", "Impegnato", "Pagato"],
            &["1040", "Tributi", "1.200,00", "900,00"],
            &["1050", "Anagrafe", "350,00", "300,00"],
            &["1060", "Sport", "80,00", "10,00"],
            &["", "Totale", "1.630,00", "1.210,00"],
        ])]
    );
}

#[test]
fn a_wrapped_text_under_its_figures_stays_one_row() {
    // Figures at the top of a wrapped description: its second line sets
    // no figure, so the row goes on, as before.
    let mut k = Kit::new();
    row(&mut k, 100.0, "Cap.", "Voce", &["Impegnato", "Pagato"]);
    row(&mut k, 114.0, "1040", "Tributi", &["1.200,00", "900,00"]);
    row(&mut k, 128.0, "1050", "Servizi", &["350,00", "300,00"]);
    k.text(110.0, 140.0, "sociali");
    row(&mut k, 154.0, "1060", "Sport", &["80,00", "10,00"]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Cap.", "Voce", "Impegnato", "Pagato"],
            &["1040", "Tributi", "1.200,00", "900,00"],
            &["1050", "Servizi sociali", "350,00", "300,00"],
            &["1060", "Sport", "80,00", "10,00"],
        ])]
    );
}

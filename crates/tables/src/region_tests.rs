use crate::testkit::{grids, rows, Kit};

/// Sets `text` so that it ends at `x1` (a figure right-aligned).
fn right(k: &mut Kit, x1: f32, y: f32, text: &str) {
    k.text(x1 - Kit::width(text), y, text);
}

#[test]
fn a_label_whose_word_space_meets_a_column_edge_is_not_cut_there() {
    // The header's first label ends where the label below it has a word
    // space ("Titolo|II"); the label, set well below the header, runs into
    // the second column. Its word spaces are no column edge: the body's
    // wider names would cross such an edge.
    let mut k = Kit::new();
    k.text(56.0, 100.0, "Titolo");
    right(&mut k, 250.0, 100.0, "Importo");
    right(&mut k, 330.0, 100.0, "Riscosso");
    k.text(56.0, 121.0, "Titolo II - Spese in conto capitale");
    for (y, name, a, b) in [
        (133.0, "Trasporto scolastico", "37.959,28", "61.302,43"),
        (145.0, "Protezione civile", "76.638,27", ""),
        (157.0, "Viabilità", "21.946,30", "5.000,00"),
    ] {
        k.text(56.0, y, name);
        right(&mut k, 250.0, y, a);
        if !b.is_empty() {
            right(&mut k, 330.0, y, b);
        }
    }
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Titolo", "Importo", "Riscosso"],
            &["Titolo II - Spese in conto capitale", "", ""],
            &["Trasporto scolastico", "37.959,28", "61.302,43"],
            &["Protezione civile", "76.638,27", ""],
            &["Viabilità", "21.946,30", "5.000,00"],
        ])]
    );
}

#[test]
fn a_label_left_of_a_centred_header_label_over_a_wrapped_first_row() {
    // "N." is centred over the codes; the section's label below it starts
    // at the codes' left edge, further left than the header. The first
    // row's description wraps over three lines, centred on its figures,
    // so the line under the label sets one column only.
    let mut k = Kit::new();
    k.centred(71.0, 100.0, "N.").text(100.0, 100.0, "Settore");
    right(&mut k, 300.0, 100.0, "Importo");
    k.text(56.0, 121.0, "Parte seconda");
    k.text(100.0, 133.0, "Servizio di assistenza");
    k.text(56.0, 144.0, "1.5.69")
        .text(100.0, 144.0, "domiciliare agli");
    right(&mut k, 300.0, 144.0, "88.361,67");
    k.text(100.0, 155.0, "anziani");
    for (y, code, name, v) in [
        (169.0, "16", "Cimiteri", "19.707,89"),
        (183.0, "3857", "Biblioteca", "75.669,54"),
    ] {
        k.text(56.0, y, code).text(100.0, y, name);
        right(&mut k, 300.0, y, v);
    }
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["N.", "Settore", "Importo"],
            &["Parte seconda", "", ""],
            &[
                "1.5.69",
                "Servizio di assistenza domiciliare agli anziani",
                "88.361,67"
            ],
            &["16", "Cimiteri", "19.707,89"],
            &["3857", "Biblioteca", "75.669,54"],
        ])]
    );
}

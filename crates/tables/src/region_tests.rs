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

/// Sets `words` one by one from `x` with `gap` between them (a justified
/// line: its word spaces stretched alike).
fn justified(k: &mut Kit, x: f32, y: f32, words: &[&str], gap: f32) {
    let mut x = x;
    for w in words {
        k.text(x, y, w);
        x += Kit::width(w) + gap;
    }
}

#[test]
fn a_justified_line_of_prose_below_a_table_is_no_row_of_it() {
    // A two-column table, then the text goes on at the table's pitch in
    // justified lines whose stretched word spaces are as wide as a column
    // gap: one of them must not become a row of thirteen columns.
    let mut k = Kit::new();
    k.text(56.0, 100.0, "Ufficio");
    right(&mut k, 250.0, 100.0, "Stanziamento");
    for (y, name, a) in [
        (112.0, "Anagrafe e stato civile", "46.748,03"),
        (124.0, "Edilizia residenziale", "62.561,97"),
        (136.0, "Tributi", "19.344,73"),
        (148.0, "Cultura e turismo", "27.571,52"),
    ] {
        k.text(56.0, y, name);
        right(&mut k, 250.0, y, a);
    }
    let words = [
        "la",
        "giunta",
        "approva",
        "il",
        "piano",
        "dei",
        "servizi",
        "e",
        "ne",
        "cura",
        "la",
        "pubblicazione",
    ];
    justified(&mut k, 56.0, 162.0, &words, 8.0);
    justified(&mut k, 56.0, 174.0, &words[2..], 11.0);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Ufficio", "Stanziamento"],
            &["Anagrafe e stato civile", "46.748,03"],
            &["Edilizia residenziale", "62.561,97"],
            &["Tributi", "19.344,73"],
            &["Cultura e turismo", "27.571,52"],
        ])]
    );
}

#[test]
fn figures_of_one_format_in_columns_of_one_width_are_a_row() {
    // Equal gaps between equal cells are a table's, not justified prose.
    let mut k = Kit::new();
    k.text(56.0, 100.0, "Voce");
    for (i, h) in ["2021", "2022", "2023", "2024", "2025"].iter().enumerate() {
        right(&mut k, 220.0 + 60.0 * i as f32, 100.0, h);
    }
    for (y, name) in [(112.0, "Entrate"), (124.0, "Spese")] {
        k.text(56.0, y, name);
        for i in 0..5 {
            right(&mut k, 220.0 + 60.0 * i as f32, y, "10.000,00");
        }
    }
    let got = grids(&k.page);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].len(), 3);
    assert_eq!(
        got[0][1],
        vec![
            "Entrate",
            "10.000,00",
            "10.000,00",
            "10.000,00",
            "10.000,00",
            "10.000,00"
        ]
    );
}

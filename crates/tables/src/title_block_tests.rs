use crate::testkit::{grids, rows, Kit};

/// Sets `text` so that it ends at `x1`.
fn right(k: &mut Kit, x1: f32, y: f32, text: &str) {
    k.text(x1 - Kit::width(text), y, text);
}

/// A register of four columns (code, name, place, date) from `y` down.
fn register(k: &mut Kit, y: f32) {
    k.text(40.0, y, "Codice")
        .text(110.0, y, "Denominazione")
        .text(290.0, y, "Comune");
    right(k, 540.0, y, "Scadenza");
    for (i, (code, name, place, date)) in [
        ("A-104", "Farmacia Centrale", "Lucolena", "12/03/2025"),
        ("A-221", "Parafarmacia Sole", "Montalto", "01/07/2025"),
        ("B-017", "Ottica Moderna", "Pieve", "30/09/2025"),
        ("B-342", "Erboristeria Verde", "Castello", "15/11/2025"),
    ]
    .into_iter()
    .enumerate()
    {
        let y = y + 12.0 * (i as f32 + 1.0);
        k.text(40.0, y, code)
            .text(110.0, y, name)
            .text(290.0, y, place);
        right(k, 540.0, y, date);
    }
}

/// The grid [`register`] sets, as the reader must give it back.
fn register_grid() -> Vec<Vec<String>> {
    rows(&[
        &["Codice", "Denominazione", "Comune", "Scadenza"],
        &["A-104", "Farmacia Centrale", "Lucolena", "12/03/2025"],
        &["A-221", "Parafarmacia Sole", "Montalto", "01/07/2025"],
        &["B-017", "Ottica Moderna", "Pieve", "30/09/2025"],
        &["B-342", "Erboristeria Verde", "Castello", "15/11/2025"],
    ])
}

#[test]
fn a_title_block_in_the_tables_font_is_no_part_of_it() {
    // A report's title centred on the page, its date at the right margin,
    // both inside the body's columns and in the same font.
    let mut k = Kit::new();
    k.centred(300.0, 60.0, "ELENCO DEGLI ESERCIZI");
    right(&mut k, 560.0, 60.0, "RPT-07");
    k.centred(300.0, 72.0, "AUTORIZZATI AL 2025");
    right(&mut k, 560.0, 72.0, "03/02/2025");
    register(&mut k, 96.0);
    assert_eq!(grids(&k.page), vec![register_grid()]);
}

#[test]
fn a_label_centred_over_two_columns_stays_in_the_header() {
    // "Sede" centred over the place and the date: a group header, which
    // lines up with the labels below it.
    let mut k = Kit::new();
    let (a, b) = (290.0, 540.0);
    k.centred((a + b) / 2.0, 84.0, "Sede");
    register(&mut k, 96.0);
    let g = grids(&k.page);
    assert_eq!(g.len(), 1);
    assert!(g[0][0].iter().any(|c| c.contains("Sede")), "{:?}", g[0]);
}

#[test]
fn a_gutter_that_only_the_title_covers_still_parts_the_columns() {
    // The title, wider than the gutter between the name and the place and
    // centred over it, covers that gutter; the table's own lines keep it
    // free, so once the title is set apart the columns stay apart.
    let mut k = Kit::new();
    k.centred(246.0, 60.0, "ELENCO DEGLI ESERCIZI COMMERCIALI AUTORIZZATI");
    right(&mut k, 560.0, 60.0, "RPT-07");
    k.centred(246.0, 72.0, "NELL'ANNO 2025 DAL SERVIZIO");
    right(&mut k, 560.0, 72.0, "03/02/2025");
    register(&mut k, 96.0);
    assert_eq!(grids(&k.page), vec![register_grid()]);
}

//! A line that opens a new item: a first word in a capital and small
//! letters, after a line of the column that had room for it, is a row of
//! its own, not the rest of the cell above.

use super::*;

/// Sets a name from 60 and an amount ending at 300.
fn item(k: &mut Kit, y: f32, name: &str, amount: &str) {
    k.text(60.0, y, name);
    if !amount.is_empty() {
        k.text(300.0 - Kit::width(amount), y, amount);
    }
}

/// Sets `body` as items 13 points apart and checks that the reader gives
/// back each line as a row, an empty amount an empty cell.
fn reads_as_set(body: &[(&str, &str)]) {
    let mut k = Kit::new();
    for (n, (name, amount)) in body.iter().enumerate() {
        item(&mut k, 100.0 + 13.0 * n as f32, name, amount);
    }
    let want: Vec<Vec<String>> = body
        .iter()
        .map(|(a, b)| vec![a.to_string(), b.to_string()])
        .collect();
    assert_eq!(grids(&k.page), vec![want]);
}

#[test]
fn a_short_name_over_a_row_with_its_amount_left_empty_is_a_row() {
    // "Edilizia" would have fitted beside "Polizia municipale", and "Sport"
    // beside "Edilizia residenziale" (the column is as wide as its widest
    // name): the line under each is a row whose amount may be empty, not
    // the rest of a wrapped name.
    let body = [
        ("Settore", "Quota %"),
        ("Verde pubblico", "33.086,70"),
        ("Manutenzione strade comunali", "12,00"),
        ("Polizia municipale", "66.057,68"),
        ("Edilizia residenziale", ""),
        ("Edilizia residenziale", "77.251,64"),
        ("Sport", ""),
        ("Biblioteca", "45.030,41"),
        ("Acquedotto", "34.547,87"),
    ];
    reads_as_set(&body);
}

#[test]
fn the_rest_of_a_wrapped_name_stays_in_its_row() {
    // The same column with a name wrapped for want of room ("Servizio di
    // assistenza" / "agli anziani"): small letters, and the next word
    // would not have fitted; and a hand-broken line in brackets.
    let mut k = Kit::new();
    item(&mut k, 100.0, "Servizio", "Importo");
    item(&mut k, 113.0, "Servizio di assistenza", "945,65");
    item(&mut k, 126.0, "agli anziani", "");
    item(&mut k, 139.0, "Istruzione", "66.057,68");
    item(&mut k, 152.0, "Diritto allo studio", "12,00");
    item(&mut k, 165.0, "(ogni ordine)", "");
    item(&mut k, 178.0, "Sport", "45.030,41");
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Servizio", "Importo"],
            &["Servizio di assistenza agli anziani", "945,65"],
            &["Istruzione", "66.057,68"],
            &["Diritto allo studio (ogni ordine)", "12,00"],
            &["Sport", "45.030,41"],
        ])]
    );
}

#[test]
fn rules_above_and_below_the_header_do_not_make_the_body_rows() {
    // A top rule, a rule under the header, a rule at the end (booktabs):
    // the body's rows, each a name wrapped over lines with its amounts on
    // its first line, some left empty, come from the text.
    let mut k = Kit::new();
    k.hline(55.0, 420.0, 88.0)
        .hline(55.0, 420.0, 104.0)
        .hline(55.0, 420.0, 200.0);
    let row = |k: &mut Kit, y: f32, name: &str, a: &str, b: &str| {
        k.text(60.0, y, name);
        if !a.is_empty() {
            k.text(320.0 - Kit::width(a), y, a);
        }
        k.text(410.0 - Kit::width(b), y, b);
    };
    row(&mut k, 100.0, "Servizio", "Quota", "Importo");
    row(&mut k, 116.0, "Servizio di assistenza", "945,65", "299,39");
    k.text(60.0, 127.0, "domiciliare agli anziani");
    row(&mut k, 138.0, "Incarichi professionali", "", "438,84");
    k.text(60.0, 149.0, "per le opere");
    row(&mut k, 160.0, "Spese per la gestione", "", "619,44");
    k.text(60.0, 171.0, "della luce");
    row(&mut k, 190.0, "Totale", "45.586,64", "60.811,54");
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Servizio", "Quota", "Importo"],
            &[
                "Servizio di assistenza domiciliare agli anziani",
                "945,65",
                "299,39"
            ],
            &["Incarichi professionali per le opere", "", "438,84"],
            &["Spese per la gestione della luce", "", "619,44"],
            &["Totale", "45.586,64", "60.811,54"],
        ])]
    );
}

#[test]
fn a_name_alone_under_the_widest_name_of_its_column_is_a_row() {
    // The column is as wide as "Trasporto scolastico": no word would ever
    // fit beside it, in the width measured from that very line. At the
    // rows' own pitch, a name alone on its line under it ("Anagrafe",
    // "Cultura") is a row whose amount is empty, not the rest of the name.
    let body = [
        ("Ufficio", "Spesa"),
        ("Trasporto scolastico", ""),
        ("Anagrafe", "3.100,00"),
        ("Viabilità", "740,50"),
        ("Trasporto scolastico", "18.000,00"),
        ("Cultura", ""),
        ("Mense", ""),
    ];
    reads_as_set(&body);
}

#[test]
fn a_line_ending_on_a_preposition_goes_on_under_the_widest_line() {
    // "Quote dei mutui contratti con la" is the column's widest line and
    // ends on an article: the cell's text goes on below, though the next
    // line opens with a capital ("Cassa depositi").
    let mut k = Kit::new();
    item(&mut k, 100.0, "Voce", "Pagato");
    item(&mut k, 113.0, "Quote dei mutui contratti con la", "945,65");
    item(&mut k, 126.0, "Cassa depositi", "");
    item(&mut k, 139.0, "Protezione civile", "66.057,68");
    item(&mut k, 152.0, "Sport", "12,00");
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Voce", "Pagato"],
            &["Quote dei mutui contratti con la Cassa depositi", "945,65"],
            &["Protezione civile", "66.057,68"],
            &["Sport", "12,00"],
        ])]
    );
}

#[test]
fn a_name_at_a_cells_leading_under_the_widest_line_goes_on() {
    // Rows 16 points apart, the lines of a wrapped cell 12: "Lombardia",
    // set at the cell's tighter leading under the column's widest line,
    // is the rest of that cell, not a row.
    let mut k = Kit::new();
    item(&mut k, 100.0, "Voce", "Pagato");
    item(&mut k, 116.0, "Contributi alla Regione", "945,65");
    item(&mut k, 128.0, "Lombardia", "");
    item(&mut k, 144.0, "Protezione civile", "66.057,68");
    item(&mut k, 160.0, "Sport", "12,00");
    item(&mut k, 176.0, "Biblioteca", "1,00");
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Voce", "Pagato"],
            &["Contributi alla Regione Lombardia", "945,65"],
            &["Protezione civile", "66.057,68"],
            &["Sport", "12,00"],
            &["Biblioteca", "1,00"],
        ])]
    );
}

#[test]
fn open_words_are_whole_words_in_small_letters() {
    let open = crate::settings::Settings::default().open_words;
    let ends = |t: &str| crate::piece::ends_on_open_word(t, &open);
    assert!(ends("mutui contratti con la"));
    assert!(ends("Interventi di manutenzione degli"));
    assert!(ends("Report of the"));
    assert!(!ends("Servizi sociali"));
    assert!(!ends("Serie A"));
    assert!(!ends("Lavori in corso (la"));
    assert!(!ends(""));
}

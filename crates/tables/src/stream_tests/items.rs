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

#[test]
fn a_short_name_over_a_row_with_its_amount_left_empty_is_a_row() {
    // "Edilizia" would have fitted beside "Polizia municipale", and "Sport"
    // beside "Edilizia residenziale" (the column is as wide as its widest
    // name): the line under each is a row whose amount may be empty, not
    // the rest of a wrapped name.
    let mut k = Kit::new();
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

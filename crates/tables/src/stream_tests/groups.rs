//! Rows grouped under the first column: its value set on a group's first
//! row only, section labels between the groups.

use super::*;

#[test]
fn rows_that_continue_a_group_leave_section_labels_rows_of_their_own() {
    // The first column is set on a group's first row only; a section label
    // wider than the column's text heads the body (9 pt, rows 11.25 pt
    // apart). A row of figures alone between two lines of the first column
    // is a row's pitch from each, no value centred between one cell's
    // lines: the table is no centred one, and the label is no first line
    // of the cell below it.
    // (The words of a page of bench/tables/generate.py, as ReportLab set them.)
    let words: &[(f32, f32, f32, &str)] = &[
        (173.9, 182.9, 50.5, "Descrizione"),
        (276.8, 182.9, 33.5, "Importo"),
        (324.1, 182.9, 43.5, "Differenza"),
        (391.4, 182.9, 30.0, "Pagato"),
        (173.9, 203.1, 31.0, "Entrate"),
        (207.4, 203.1, 60.5, "extratributarie"),
        (173.9, 214.4, 27.0, "Servizi"),
        (203.4, 214.4, 32.0, "generali"),
        (275.2, 214.4, 35.0, "8.937,79"),
        (327.5, 214.4, 40.0, "36.441,13"),
        (381.4, 214.4, 40.0, "71.639,61"),
        (270.2, 225.6, 40.0, "79.962,68"),
        (381.4, 225.6, 40.0, "65.542,52"),
        (270.2, 236.9, 40.0, "79.883,63"),
        (327.5, 236.9, 40.0, "32.814,32"),
        (381.4, 236.9, 40.0, "71.176,22"),
        (173.9, 248.1, 40.5, "Refezione"),
        (216.9, 248.1, 39.5, "scolastica"),
        (270.2, 248.1, 40.0, "68.997,71"),
        (327.5, 248.1, 40.0, "60.244,60"),
        (381.4, 248.1, 40.0, "70.716,71"),
        (173.9, 262.4, 31.0, "Entrate"),
        (207.4, 262.4, 39.0, "tributarie"),
        (381.4, 273.6, 40.0, "11.019,75"),
        (173.9, 284.9, 27.0, "Servizi"),
        (203.4, 284.9, 32.0, "generali"),
        (381.4, 284.9, 40.0, "53.121,76"),
        (270.2, 296.1, 40.0, "73.079,56"),
        (327.5, 296.1, 40.0, "51.463,88"),
        (381.4, 296.1, 40.0, "90.220,36"),
        (270.2, 307.4, 40.0, "69.317,35"),
        (327.5, 307.4, 40.0, "63.777,75"),
        (381.4, 307.4, 40.0, "35.702,99"),
        (173.9, 318.6, 43.0, "Protezione"),
        (219.4, 318.6, 20.0, "civile"),
        (327.5, 318.6, 40.0, "79.588,88"),
        (381.4, 318.6, 40.0, "14.072,00"),
    ];
    let mut k = Kit::new();
    for &(x, y, width, text) in words {
        k.word(x, y, width, 9.0, text);
    }
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Descrizione", "Importo", "Differenza", "Pagato"],
            &["Entrate extratributarie", "", "", ""],
            &["Servizi generali", "8.937,79", "36.441,13", "71.639,61"],
            &["", "79.962,68", "", "65.542,52"],
            &["", "79.883,63", "32.814,32", "71.176,22"],
            &[
                "Refezione scolastica",
                "68.997,71",
                "60.244,60",
                "70.716,71"
            ],
            &["Entrate tributarie", "", "", ""],
            &["", "", "", "11.019,75"],
            &["Servizi generali", "", "", "53.121,76"],
            &["", "73.079,56", "51.463,88", "90.220,36"],
            &["", "69.317,35", "63.777,75", "35.702,99"],
            &["Protezione civile", "", "79.588,88", "14.072,00"],
        ])]
    );
}

/// A budget by department: each group's label in capitals from the left
/// edge, its items numbered `1.`, `2.` with the text a few spaces on.
fn numbered_items(k: &mut Kit, with_number_header: bool) {
    k.text(50.0, 100.0, if with_number_header { "N." } else { "" })
        .text(80.0, 100.0, "Servizio")
        .text(300.0, 100.0, "Stanziato")
        .text(380.0, 100.0, "Impegnato");
    let mut y = 116.0;
    for (label, items) in [
        (
            "SETTORE ISTRUZIONE E CULTURA",
            &[("1.", "Scuole materne"), ("2.", "Biblioteca civica")][..],
        ),
        (
            "SETTORE LAVORI PUBBLICI",
            &[("3.", "Strade comunali"), ("4.", "Verde pubblico")][..],
        ),
    ] {
        k.text(50.0, y, label)
            .text(300.0, y, "1.000,00")
            .text(380.0, y, "900,00");
        y += 12.0;
        for (n, item) in items {
            k.text(50.0, y, n)
                .text(80.0, y, item)
                .text(300.0, y, "500,00")
                .text(380.0, y, "450,00");
            y += 12.0;
        }
    }
}

#[test]
fn item_numbers_stay_with_their_text_under_a_group_label() {
    // The group labels run from the numbers' edge across the whitespace
    // after them, and no header stands over the numbers alone: they are
    // the items' own, not a column.
    let mut k = Kit::new();
    numbered_items(&mut k, false);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Servizio", "Stanziato", "Impegnato"],
            &["SETTORE ISTRUZIONE E CULTURA", "1.000,00", "900,00"],
            &["1. Scuole materne", "500,00", "450,00"],
            &["2. Biblioteca civica", "500,00", "450,00"],
            &["SETTORE LAVORI PUBBLICI", "1.000,00", "900,00"],
            &["3. Strade comunali", "500,00", "450,00"],
            &["4. Verde pubblico", "500,00", "450,00"],
        ])]
    );
}

#[test]
fn numbers_under_a_header_of_their_own_are_a_column() {
    let mut k = Kit::new();
    numbered_items(&mut k, true);
    let g = grids(&k.page);
    assert_eq!(g.len(), 1);
    assert_eq!(g[0][0], vec!["N.", "Servizio", "Stanziato", "Impegnato"]);
    assert_eq!(g[0][2], vec!["1.", "Scuole materne", "500,00", "450,00"]);
}

#[test]
fn a_section_label_above_a_centred_cell_is_a_row_of_its_own() {
    // Cells wrapped over three lines with their amounts centred on the
    // middle one; a section label right above such a cell would wrap into
    // its first line by width alone, but the cell is centred without it
    // (one line above its amounts, one below): the label is a row.
    let mut k = Kit::new();
    let amounts = |k: &mut Kit, y: f32, a: &str, b: &str| {
        k.text(260.0 - Kit::width(a), y, a)
            .text(330.0 - Kit::width(b), y, b);
    };
    k.text(50.0, 100.0, "Voce");
    amounts(&mut k, 100.0, "Previsto", "Pagato");
    k.text(50.0, 118.0, "Spese correnti")
        .text(50.0, 130.0, "Lavori di restauro")
        .text(50.0, 141.0, "della sede municipale")
        .text(50.0, 152.0, "e degli uffici");
    amounts(&mut k, 141.0, "1.234,56", "987,00");
    k.text(50.0, 166.0, "Conto capitale")
        .text(50.0, 178.0, "Acquisto di mezzi")
        .text(50.0, 189.0, "per la protezione")
        .text(50.0, 200.0, "civile comunale");
    amounts(&mut k, 189.0, "2.500,00", "1.100,00");
    k.text(50.0, 214.0, "Manutenzione del verde")
        .text(50.0, 225.0, "pubblico nei parchi")
        .text(50.0, 236.0, "e nei giardini");
    amounts(&mut k, 225.0, "640,00", "320,00");
    k.text(50.0, 250.0, "Cancelleria");
    amounts(&mut k, 250.0, "75,00", "75,00");
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Voce", "Previsto", "Pagato"],
            &["Spese correnti", "", ""],
            &[
                "Lavori di restauro della sede municipale e degli uffici",
                "1.234,56",
                "987,00"
            ],
            &["Conto capitale", "", ""],
            &[
                "Acquisto di mezzi per la protezione civile comunale",
                "2.500,00",
                "1.100,00"
            ],
            &[
                "Manutenzione del verde pubblico nei parchi e nei giardini",
                "640,00",
                "320,00"
            ],
            &["Cancelleria", "75,00", "75,00"],
        ])]
    );
}

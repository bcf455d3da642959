//! Rows and cells: headers over lines, wrapped and centred cells, spanning labels, codes.

use super::*;

#[test]
fn header_over_two_lines() {
    // "Inizio" above "previsto", the one-line labels centred beside them.
    let mut k = Kit::new();
    k.text(INIZIO, 100.0, "Inizio").text(FINE, 100.0, "Fine");
    k.text(FASE, 106.0, "Fase")
        .text(DESCR, 106.0, "Descrizione");
    k.text(INIZIO, 112.0, "previsto")
        .text(FINE, 112.0, "prevista");
    phase_row(
        &mut k,
        130.0,
        "1",
        "Analisi dei bisogni",
        "01/02/2021",
        "31/03/2021",
    );
    phase_row(
        &mut k,
        144.0,
        "2",
        "Progettazione",
        "01/04/2021",
        "30/06/2021",
    );
    phase_row(
        &mut k,
        158.0,
        "3",
        "Realizzazione",
        "01/07/2021",
        "31/12/2021",
    );
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].mode, TableMode::Stream);
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["Fase", "Descrizione", "Inizio previsto", "Fine prevista"],
            &["1", "Analisi dei bisogni", "01/02/2021", "31/03/2021"],
            &["2", "Progettazione", "01/04/2021", "30/06/2021"],
            &["3", "Realizzazione", "01/07/2021", "31/12/2021"],
        ])
    );
}

#[test]
fn wrapped_description_with_centred_dates() {
    // The description wraps over two lines; number and dates are centred
    // between them. No padding between rows: the line pitch is the same
    // within a cell and between rows.
    let mut k = Kit::new();
    phase_row(&mut k, 100.0, "Fase", "Descrizione", "Inizio", "Fine");
    k.text(DESCR, 118.0, "Analisi dei bisogni del territorio e");
    k.text(FASE, 124.0, "1")
        .text(INIZIO, 124.0, "01/02/2021")
        .text(FINE, 124.0, "31/03/2021");
    k.text(DESCR, 130.0, "dei servizi esistenti");
    phase_row(
        &mut k,
        142.0,
        "2",
        "Progettazione",
        "01/04/2021",
        "30/06/2021",
    );
    k.text(DESCR, 154.0, "Realizzazione degli interventi nei");
    k.text(FASE, 160.0, "3")
        .text(INIZIO, 160.0, "01/07/2021")
        .text(FINE, 160.0, "31/12/2021");
    k.text(DESCR, 166.0, "comuni dell'ambito");
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Fase", "Descrizione", "Inizio", "Fine"],
            &[
                "1",
                "Analisi dei bisogni del territorio e dei servizi esistenti",
                "01/02/2021",
                "31/03/2021"
            ],
            &["2", "Progettazione", "01/04/2021", "30/06/2021"],
            &[
                "3",
                "Realizzazione degli interventi nei comuni dell'ambito",
                "01/07/2021",
                "31/12/2021"
            ],
        ])]
    );
}

#[test]
fn top_aligned_cells() {
    // Every cell at the top of its row; the description wraps over two or
    // three lines; one row has no end date.
    let mut k = Kit::new();
    phase_row(&mut k, 100.0, "Fase", "Descrizione", "Inizio", "Fine");
    phase_row(
        &mut k,
        116.0,
        "1",
        "Analisi dei bisogni del territorio e",
        "01/02/2021",
        "31/03/2021",
    );
    k.text(DESCR, 128.0, "dei servizi esistenti");
    k.text(FASE, 140.0, "2")
        .text(DESCR, 140.0, "Progettazione di massima degli")
        .text(INIZIO, 140.0, "01/04/2021");
    k.text(DESCR, 152.0, "interventi con i comuni e le asso-");
    k.text(DESCR, 164.0, "ciazioni");
    phase_row(
        &mut k,
        176.0,
        "3",
        "Realizzazione",
        "01/07/2021",
        "31/12/2021",
    );
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Fase", "Descrizione", "Inizio", "Fine"],
            &[
                "1",
                "Analisi dei bisogni del territorio e dei servizi esistenti",
                "01/02/2021",
                "31/03/2021"
            ],
            &[
                "2",
                "Progettazione di massima degli interventi con i comuni e le associazioni",
                "01/04/2021",
                ""
            ],
            &["3", "Realizzazione", "01/07/2021", "31/12/2021"],
        ])]
    );
}

#[test]
fn label_spanning_two_columns() {
    let mut k = Kit::new();
    k.centred((INIZIO + FINE + 50.0) / 2.0, 100.0, "Previsto");
    phase_row(&mut k, 114.0, "Fase", "Descrizione", "Inizio", "Fine");
    phase_row(&mut k, 128.0, "1", "Analisi", "01/02/2021", "31/03/2021");
    phase_row(
        &mut k,
        142.0,
        "2",
        "Progettazione",
        "01/04/2021",
        "30/06/2021",
    );
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    let spanning = t[0]
        .cells
        .iter()
        .find(|c| c.text == "Previsto")
        .map(|c| (c.row, c.col, c.col_span));
    assert_eq!(spanning, Some((0, 2, 2)));
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["", "", "Previsto", ""],
            &["Fase", "Descrizione", "Inizio", "Fine"],
            &["1", "Analisi", "01/02/2021", "31/03/2021"],
            &["2", "Progettazione", "01/04/2021", "30/06/2021"],
        ])
    );
}

#[test]
fn given_separators_cut_tight_columns() {
    // Columns closer than the column gap: one run per line without help.
    let mut k = Kit::new();
    for (i, (a, b)) in [
        ("Codice", "Nome"),
        ("Z00001", "Progetto"),
        ("Z00002", "Servizi"),
    ]
    .iter()
    .enumerate()
    {
        let y = 100.0 + 14.0 * i as f32;
        k.text(50.0, y, a)
            .text(50.0 + Kit::width("Codice") + 3.0, y, b);
    }
    assert!(grids(&k.page).is_empty());
    let s = Settings {
        columns: Some(vec![50.0 + Kit::width("Codice") + 1.5]),
        ..Settings::default()
    };
    let g: Vec<_> = crate::find(&k.page, &s).iter().map(crate::grid).collect();
    assert_eq!(
        g,
        vec![rows(&[
            &["Codice", "Nome"],
            &["Z00001", "Progetto"],
            &["Z00002", "Servizi"]
        ])]
    );
}

#[test]
fn label_beside_a_wrapping_paragraph_is_one_row() {
    // A label wrapped over three lines beside a paragraph, at one pitch:
    // both columns have words on every line, yet it is one row.
    let mut k = Kit::new();
    k.text(FASE, 100.0, "Codice").text(150.0, 100.0, "Z001");
    let label = ["Descrizione", "dettagliata", "dell'obiettivo"];
    let text = [
        "Nell'ambito del progetto si intende rafforzare la dialettica con",
        "la citta metropolitana, quale magnete di sviluppo per le strategie",
        "di area vasta.",
    ];
    for i in 0..3 {
        let y = 116.0 + 12.0 * i as f32;
        k.text(FASE, y, label[i]).text(150.0, y, text[i]);
    }
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Codice", "Z001"],
            &[
                "Descrizione dettagliata dell'obiettivo",
                "Nell'ambito del progetto si intende rafforzare la dialettica con la citta metropolitana, quale magnete di sviluppo per le strategie di area vasta."
            ],
        ])]
    );
}

#[test]
fn centred_cells_of_two_lines_beside_one_line_dates() {
    // No padding between rows: every pitch is 12 points. Descriptions wrap
    // over two lines; dates are centred between them; the last column has
    // a cell of one line and a cell of two lines, both centred.
    const CDR: f32 = 450.0;
    let mut k = Kit::new();
    k.text(DESCR, 100.0, "Descrizione")
        .text(INIZIO, 100.0, "Inizio")
        .text(CDR, 100.0, "Centro");
    k.text(DESCR, 118.0, "Rendicontazione della bozza di convenzione");
    k.text(INIZIO, 124.0, "12/07/2020")
        .text(CDR, 124.0, "BIBLIOTECHE");
    k.text(DESCR, 130.0, "in collaborazione con gli uffici");
    k.text(DESCR, 142.0, "Realizzazione dei lavori secondo le linee");
    k.text(CDR, 142.0, "SERVIZIO ATTIVITA");
    k.text(INIZIO, 148.0, "19/07/2020");
    k.text(DESCR, 154.0, "guida regionali")
        .text(CDR, 154.0, "PRODUTTIVE");
    k.text(DESCR, 166.0, "Approvazione del progetto esecutivo con gli");
    k.text(INIZIO, 172.0, "01/08/2020")
        .text(CDR, 172.0, "TRIBUTI");
    k.text(DESCR, 178.0, "enti coinvolti");
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Descrizione", "Inizio", "Centro"],
            &[
                "Rendicontazione della bozza di convenzione in collaborazione con gli uffici",
                "12/07/2020",
                "BIBLIOTECHE"
            ],
            &[
                "Realizzazione dei lavori secondo le linee guida regionali",
                "19/07/2020",
                "SERVIZIO ATTIVITA PRODUTTIVE"
            ],
            &[
                "Approvazione del progetto esecutivo con gli enti coinvolti",
                "01/08/2020",
                "TRIBUTI"
            ],
        ])]
    );
}

#[test]
fn codes_on_lines_of_their_own_are_rows() {
    // A key cell on the first line only; three columns set one code per
    // line below it ("C1" .. "C3" under a header as wide as two of them):
    // a code is a value set whole, so each line is a row, as lines of
    // numbers are, not one cell wrapped over three lines.
    let mut k = Kit::new();
    let xs = [60.0, 140.0, 220.0, 300.0];
    for (x, h) in xs.iter().zip(["Outer", "Long", "Wide", "Inner"]) {
        k.centred(x + 15.0, 100.0, h);
    }
    k.centred(xs[0] + 15.0, 114.0, "A1")
        .centred(xs[3] + 15.0, 114.0, "E1");
    for (i, y) in [114.0, 128.0, 142.0].into_iter().enumerate() {
        k.centred(xs[1] + 15.0, y, &format!("C{}", i + 1)).centred(
            xs[2] + 15.0,
            y,
            &format!("D{}", i + 1),
        );
    }
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Outer", "Long", "Wide", "Inner"],
            &["A1", "C1", "D1", "E1"],
            &["", "C2", "D2", ""],
            &["", "C3", "D3", ""],
        ])]
    );
}

#[test]
fn codes_do_not_wrap_but_text_does() {
    assert!(!crate::piece::may_wrap(["C1"]));
    assert!(!crate::piece::may_wrap(["12a"]));
    assert!(!crate::piece::may_wrap(["31/12/2021"]));
    assert!(crate::piece::may_wrap(["Analisi"]));
    assert!(crate::piece::may_wrap(["D.Lgs.", "36/2023"]));
}

#[test]
fn group_label_wider_than_its_column_spans_the_block() {
    // "Involvement of pupils" centred over the middle one of three value
    // columns, reaching into the gaps on both sides: a label over the
    // three, not the middle column's header; the first column (the row
    // labels) is outside it.
    let mut k = Kit::new();
    let cols = [200.0, 280.0, 360.0];
    k.centred(cols[1] + 20.0, 86.0, "Involvement of pupils");
    for (x, h) in cols.iter().zip(["Preparation", "Production", "Evaluation"]) {
        k.text(*x, 100.0, h);
    }
    let body = [
        ("Cultures", ["0,2885", "0,3974", "0,3904"]),
        ("Languages", ["0,3057", "0,4184", "0,3899"]),
        ("Skills", ["0,3416", "0,3369", "0,4303"]),
    ];
    for (i, (label, vals)) in body.iter().enumerate() {
        let y = 114.0 + 14.0 * i as f32;
        k.text(60.0, y, label);
        for (x, v) in cols.iter().zip(vals) {
            k.text(*x + 10.0, y, v);
        }
    }
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    let spanning = t[0]
        .cells
        .iter()
        .find(|c| c.text == "Involvement of pupils")
        .map(|c| (c.row, c.col, c.col_span));
    assert_eq!(spanning, Some((0, 1, 3)));
    assert_eq!(crate::grid(&t[0])[1][0], "");
    assert_eq!(
        crate::grid(&t[0])[2],
        ["Cultures", "0,2885", "0,3974", "0,3904"]
    );
}

#[test]
fn centred_cells_end_rows_of_different_heights() {
    // Dates centred beside descriptions of two and five lines: the first
    // row ends as far below its date as it begins above it, although the
    // first line of the next description would not have fitted on the
    // last line of this one (it reads like a wrap).
    let mut k = Kit::new();
    k.text(50.0, 84.0, "Descrizione")
        .text(300.0, 84.0, "Inizio");
    let row1 = [
        "Realizzazione della piattaforma a",
        "seguito della verifica dei requisiti",
    ];
    let row2 = [
        "Predisposizione degli accordi con gli",
        "enti e aggiornamento della sezione",
        "Amministrazione trasparente presso",
        "le sedi decentrate secondo le linee",
        "guida regionali",
    ];
    for (i, l) in row1.iter().enumerate() {
        k.text(50.0, 100.0 + 12.0 * i as f32, l);
    }
    k.text(300.0, 106.0, "12/01/2025");
    for (i, l) in row2.iter().enumerate() {
        k.text(50.0, 126.0 + 12.0 * i as f32, l);
    }
    k.text(300.0, 150.0, "01/02/2025");
    k.text(50.0, 188.0, "Analisi del regolamento")
        .text(300.0, 188.0, "10/04/2025");
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Descrizione", "Inizio"],
            &[&row1.join(" "), "12/01/2025"],
            &[&row2.join(" "), "01/02/2025"],
            &["Analisi del regolamento", "10/04/2025"],
        ])]
    );
}

/// Three rows of a budget under a header built by the caller (a label
/// column at x 60, the values at `cols`); the page's one table as a grid.
fn budget_rows(k: &mut Kit, cols: [f32; 3]) -> Vec<Vec<String>> {
    let body = [
        ("Tributi", ["120,50", "80,25", "200,75"]),
        ("Sport", ["30,00", "10,00", "40,00"]),
        ("Cultura", ["12,00", "8,00", "20,00"]),
    ];
    for (i, (label, vals)) in body.iter().enumerate() {
        let y = 114.0 + 14.0 * i as f32;
        k.text(60.0, y, label);
        for (x, v) in cols.iter().zip(vals) {
            k.text(*x, y, v);
        }
    }
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    crate::grid(&t[0])
}

#[test]
fn a_label_over_two_lines_beside_a_group_label_is_one_header_cell() {
    // "Totale" over "generale" in the last column, its first line level
    // with "Competenza" centred over the two columns before it: the group
    // label's line is a row of its own, and the last column's label is
    // one cell of the header row below it, not split over the two rows.
    let mut k = Kit::new();
    let cols = [200.0, 270.0, 340.0];
    k.centred(cols[0] + 52.0, 86.0, "Competenza");
    k.text(cols[2], 86.0, "Totale");
    k.text(60.0, 98.0, "Voce");
    for (x, h) in cols.iter().zip(["Entrate", "Spese", "generale"]) {
        k.text(*x, 98.0, h);
    }
    let g = budget_rows(&mut k, cols);
    let last = g.iter().map(|r| r[3].as_str()).collect::<Vec<_>>();
    assert_eq!(last, ["", "Totale generale", "200,75", "40,00", "20,00"]);
    assert_eq!(g[1][0], "Voce");
}

#[test]
fn a_label_line_between_a_group_label_and_the_labels_joins_the_labels() {
    // "Totale" over "generale", its second line set between the group
    // label's line and the other labels' line (overlapping the latter):
    // the label is one cell of the header row all the same.
    let mut k = Kit::new();
    let cols = [200.0, 270.0, 340.0];
    k.centred(cols[0] + 52.0, 86.0, "Competenza");
    k.text(cols[2], 86.0, "Totale");
    k.text(cols[2], 95.0, "generale");
    k.text(60.0, 99.0, "Voce");
    for (x, h) in cols.iter().zip(["Entrate", "Spese"]) {
        k.text(*x, 99.0, h);
    }
    let g = budget_rows(&mut k, cols);
    let last = g.iter().map(|r| r[3].as_str()).collect::<Vec<_>>();
    assert_eq!(last, ["", "Totale generale", "200,75", "40,00", "20,00"]);
}

#[test]
fn a_group_label_centred_over_three_columns_spans_them() {
    // "Cassa" centred over "Previsto", "Impegnato" and "Pagato", so also
    // within "Impegnato" alone; the labels' line sits further below it
    // than a wrapped label's pitch, so it is no first line of "Impegnato"
    // but the label of the three. "Totale" over "generale", level with it,
    // is one label over two lines.
    let mut k = Kit::new();
    let cols = [200.0, 270.0, 340.0, 400.0];
    let right = cols[2] + Kit::width("Pagato");
    k.centred((cols[0] + right) / 2.0, 80.0, "Cassa");
    k.text(cols[3], 80.0, "Totale");
    k.text(cols[3], 90.0, "generale");
    k.text(60.0, 98.0, "Voce");
    for (x, h) in cols.iter().zip(["Previsto", "Impegnato", "Pagato"]) {
        k.text(*x, 98.0, h);
    }
    let body = [
        ("Tributi", ["120,50", "80,25", "40,25", "200,75"]),
        ("Sport", ["30,00", "10,00", "20,00", "40,00"]),
        ("Cultura", ["12,00", "8,00", "4,00", "20,00"]),
    ];
    for (i, (label, vals)) in body.iter().enumerate() {
        let y = 114.0 + 14.0 * i as f32;
        k.text(60.0, y, label);
        for (x, v) in cols.iter().zip(vals) {
            k.text(*x, y, v);
        }
    }
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["", "Cassa", "", "", ""],
            &["Voce", "Previsto", "Impegnato", "Pagato", "Totale generale"],
            &["Tributi", "120,50", "80,25", "40,25", "200,75"],
            &["Sport", "30,00", "10,00", "20,00", "40,00"],
            &["Cultura", "12,00", "8,00", "4,00", "20,00"],
        ])]
    );
}

#[test]
fn a_label_over_its_own_column_at_a_wrapped_pitch_stays_there() {
    // The same label a wrapped label's pitch above "Impegnato": one
    // label over two lines, in its own column.
    let mut k = Kit::new();
    let cols = [200.0, 270.0, 340.0];
    let right = cols[2] + Kit::width("Pagato");
    k.centred((cols[0] + right) / 2.0, 86.0, "Cassa");
    k.text(60.0, 98.0, "Voce");
    for (x, h) in cols.iter().zip(["Previsto", "Impegnato", "Pagato"]) {
        k.text(*x, 98.0, h);
    }
    let g = budget_rows(&mut k, cols);
    assert!(g.iter().flatten().any(|c| c == "Cassa Impegnato"), "{g:?}");
}

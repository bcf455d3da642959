use crate::testkit::{grids, rows, Kit};
use crate::Settings;
use atti_page::TableMode;

/// Column positions of the phase tables below.
const FASE: f32 = 50.0;
const DESCR: f32 = 90.0;
const INIZIO: f32 = 300.0;
const FINE: f32 = 370.0;

fn phase_row(k: &mut Kit, y: f32, n: &str, descr: &str, a: &str, b: &str) {
    k.text(FASE, y, n)
        .text(DESCR, y, descr)
        .text(INIZIO, y, a)
        .text(FINE, y, b);
}

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

/// A paragraph of running text, justified to `width` by spreading words.
fn paragraph(k: &mut Kit, x: f32, y: f32, lines: &[&str]) {
    for (i, l) in lines.iter().enumerate() {
        k.text(x, y + 12.0 * i as f32, l);
    }
}

#[test]
fn running_text_is_no_table_and_stays_out_of_the_one_below() {
    let mut k = Kit::new();
    k.centred(250.0, 60.0, "COMUNE DI ESEMPIO");
    paragraph(
        &mut k,
        FASE,
        90.0,
        &[
            "Il presente obiettivo intende rafforzare la collaborazione",
            "con i comuni dell'ambito, anche promuovendo uffici comuni e",
            "convenzioni, secondo le fasi indicate.",
        ],
    );
    phase_row(&mut k, 140.0, "Fase", "Descrizione", "Inizio", "Fine");
    phase_row(&mut k, 154.0, "1", "Analisi", "01/02/2021", "31/03/2021");
    phase_row(
        &mut k,
        168.0,
        "2",
        "Progettazione",
        "01/04/2021",
        "30/06/2021",
    );
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Fase", "Descrizione", "Inizio", "Fine"],
            &["1", "Analisi", "01/02/2021", "31/03/2021"],
            &["2", "Progettazione", "01/04/2021", "30/06/2021"],
        ])]
    );
}

#[test]
fn a_page_of_prose_has_no_table() {
    let mut k = Kit::new();
    k.centred(250.0, 60.0, "DELIBERAZIONE DELLA GIUNTA COMUNALE");
    k.text(FASE, 80.0, "N. 45")
        .text(400.0, 80.0, "del 16/06/2023");
    paragraph(
        &mut k,
        FASE,
        110.0,
        &[
            "LA GIUNTA COMUNALE, vista la proposta del responsabile del",
            "servizio, considerato che il piano del trasporto scolastico",
            "deve essere approvato entro l'inizio dell'anno scolastico,",
            "con voti unanimi favorevoli resi nelle forme di legge,",
            "DELIBERA di approvare il piano allegato.",
        ],
    );
    assert!(grids(&k.page).is_empty());
}

#[test]
fn two_columns_of_prose_are_no_table() {
    let mut k = Kit::new();
    let left = [
        "Il presente obiettivo intende",
        "rafforzare la collaborazione",
        "con i comuni dell'ambito, con",
        "uffici comuni e convenzioni",
        "secondo le fasi indicate qui.",
    ];
    let right = [
        "La citta metropolitana dovra",
        "lavorare in modo integrato e",
        "promuovere la costituzione di",
        "unioni di comuni ove possibile",
        "nel territorio provinciale.",
    ];
    for i in 0..5 {
        let y = 100.0 + 12.0 * i as f32;
        k.text(50.0, y, left[i]).text(320.0, y, right[i]);
    }
    assert!(grids(&k.page).is_empty());
}

#[test]
fn two_tables_on_one_page() {
    let mut k = Kit::new();
    phase_row(&mut k, 100.0, "Fase", "Descrizione", "Inizio", "Fine");
    phase_row(&mut k, 114.0, "1", "Analisi", "01/02/2021", "31/03/2021");
    phase_row(
        &mut k,
        128.0,
        "2",
        "Progettazione",
        "01/04/2021",
        "30/06/2021",
    );
    paragraph(
        &mut k,
        FASE,
        170.0,
        &["Gli indicatori dell'obiettivo sono i seguenti, misurati a fine anno."],
    );
    k.text(FASE, 200.0, "Indicatore")
        .text(250.0, 200.0, "Valore")
        .text(350.0, 200.0, "Peso");
    k.text(FASE, 214.0, "Comuni aderenti")
        .text(250.0, 214.0, "6")
        .text(350.0, 214.0, "50%");
    k.text(FASE, 228.0, "Sedute del tavolo")
        .text(250.0, 228.0, "4")
        .text(350.0, 228.0, "50%");
    assert_eq!(
        grids(&k.page),
        vec![
            rows(&[
                &["Fase", "Descrizione", "Inizio", "Fine"],
                &["1", "Analisi", "01/02/2021", "31/03/2021"],
                &["2", "Progettazione", "01/04/2021", "30/06/2021"],
            ]),
            rows(&[
                &["Indicatore", "Valore", "Peso"],
                &["Comuni aderenti", "6", "50%"],
                &["Sedute del tavolo", "4", "50%"],
            ]),
        ]
    );
}

#[test]
fn only_horizontal_rules_booktabs() {
    // Top rule, a rule under the header, a bottom rule; rows from the text.
    let mut k = Kit::new();
    k.hline(45.0, 430.0, 88.0)
        .hline(45.0, 430.0, 104.0)
        .hline(45.0, 430.0, 150.0);
    phase_row(&mut k, 100.0, "Fase", "Descrizione", "Inizio", "Fine");
    phase_row(
        &mut k,
        118.0,
        "1",
        "Analisi dei bisogni del territorio e",
        "01/02/2021",
        "31/03/2021",
    );
    k.text(DESCR, 130.0, "dei servizi esistenti");
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
    assert_eq!(t[0].mode, TableMode::Stream);
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["Fase", "Descrizione", "Inizio", "Fine"],
            &[
                "1",
                "Analisi dei bisogni del territorio e dei servizi esistenti",
                "01/02/2021",
                "31/03/2021"
            ],
            &["2", "Progettazione", "01/04/2021", "30/06/2021"],
        ])
    );
}

#[test]
fn horizontal_rules_between_rows_make_the_rows() {
    // A rule under every row: a cell of two lines whose lines look like
    // two rows (both columns wrap in step) stays one row.
    let mut k = Kit::new();
    let rule = |k: &mut Kit, y: f32| {
        k.hline(45.0, 430.0, y);
    };
    rule(&mut k, 88.0);
    k.text(FASE, 100.0, "Indicatore")
        .text(300.0, 100.0, "Valore atteso");
    rule(&mut k, 104.0);
    k.text(FASE, 116.0, "Comuni aderenti alla")
        .text(300.0, 116.0, "almeno 6 entro");
    k.text(FASE, 128.0, "convenzione")
        .text(300.0, 128.0, "il 31/12");
    rule(&mut k, 132.0);
    k.text(FASE, 144.0, "Sedute del tavolo")
        .text(300.0, 144.0, "4");
    rule(&mut k, 148.0);
    k.text(FASE, 160.0, "Atti approvati")
        .text(300.0, 160.0, "2");
    rule(&mut k, 164.0);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Indicatore", "Valore atteso"],
            &[
                "Comuni aderenti alla convenzione",
                "almeno 6 entro il 31/12"
            ],
            &["Sedute del tavolo", "4"],
            &["Atti approvati", "2"],
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
fn a_section_break_between_tables_with_the_same_columns() {
    // Two tables on the same columns, a title between them set larger and
    // further away than the rows are from each other.
    let mut k = Kit::new();
    phase_row(&mut k, 100.0, "Fase", "Descrizione", "Inizio", "Fine");
    phase_row(&mut k, 114.0, "1", "Analisi", "01/02/2021", "31/03/2021");
    phase_row(
        &mut k,
        128.0,
        "2",
        "Progettazione",
        "01/04/2021",
        "30/06/2021",
    );
    k.page.words.push(atti_page::Word {
        text: "INDICATORI".into(),
        x: FASE,
        y: 150.0,
        width: 66.0,
        size: 12.0,
        line: 0,
        start: usize::MAX,
    });
    k.text(FASE, 166.0, "Indicatore")
        .text(INIZIO, 166.0, "Tipo")
        .text(FINE, 166.0, "Valore");
    k.text(FASE, 180.0, "Incontri")
        .text(INIZIO, 180.0, "risultato")
        .text(FINE, 180.0, ">=3");
    k.text(FASE, 194.0, "Enti")
        .text(INIZIO, 194.0, "risultato")
        .text(FINE, 194.0, ">=2");
    assert_eq!(
        grids(&k.page),
        vec![
            rows(&[
                &["Fase", "Descrizione", "Inizio", "Fine"],
                &["1", "Analisi", "01/02/2021", "31/03/2021"],
                &["2", "Progettazione", "01/04/2021", "30/06/2021"],
            ]),
            rows(&[
                &["Indicatore", "Tipo", "Valore"],
                &["Incontri", "risultato", ">=3"],
                &["Enti", "risultato", ">=2"]
            ]),
        ]
    );
}

#[test]
fn the_sentence_after_a_table_is_no_row_of_it() {
    // Rows that never wrap, then a sentence in the text's own font size,
    // just below, whose words fall within the first column.
    let mut k = Kit::new();
    let names = [
        ("Nominativo", "Carica"),
        ("ROSSI ANNA", "Sindaco"),
        ("BIANCHI LUCA", "Consigliere"),
        ("VERDI ELENA", "Consigliere"),
    ];
    for (i, (a, b)) in names.iter().enumerate() {
        let y = 100.0 + 17.0 * i as f32;
        k.text(FASE, y, a).text(250.0, y, b);
    }
    k.page.words.extend(
        [
            ("Presenti", 50.0),
            ("n.", 96.0),
            ("3", 110.0),
            ("Assenti", 125.0),
            ("n.", 170.0),
            ("0", 184.0),
        ]
        .iter()
        .map(|&(t, x)| atti_page::Word {
            text: t.into(),
            x,
            y: 171.0 + 19.0,
            width: 5.5 * t.len() as f32,
            size: 11.0,
            line: 0,
            start: usize::MAX,
        }),
    );
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Nominativo", "Carica"],
            &["ROSSI ANNA", "Sindaco"],
            &["BIANCHI LUCA", "Consigliere"],
            &["VERDI ELENA", "Consigliere"]
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
fn a_bulleted_list_is_no_table() {
    let mut k = Kit::new();
    let items = [
        "il Decreto Sindacale n. 20/2025, con cui e stato affidato al sottoscritto",
        "il potere di assumere gli atti di gestione sia per la spesa che per",
        "lo Statuto e il Regolamento di organizzazione dell'Ente;",
    ];
    k.text(50.0, 100.0, "-").text(70.0, 100.0, items[0]);
    k.text(70.0, 112.0, items[1]);
    k.text(50.0, 124.0, "-").text(70.0, 124.0, items[2]);
    k.text(50.0, 136.0, "-").text(
        70.0,
        136.0,
        "il Regolamento sull'Ordinamento degli Uffici e dei Servizi;",
    );
    assert!(grids(&k.page).is_empty());
    // Numbers beside short values are a table.
    let mut k = Kit::new();
    for (i, v) in ["Analisi", "Progettazione", "Collaudo"].iter().enumerate() {
        let y = 100.0 + 14.0 * i as f32;
        k.text(50.0, y, &format!("{}.", i + 1)).text(80.0, y, v);
    }
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["1.", "Analisi"],
            &["2.", "Progettazione"],
            &["3.", "Collaudo"]
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

//! Where a table begins and ends: prose, lists, rules, two tables, the sentence after.

use super::*;

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
fn a_label_over_the_last_column_below_a_paragraph_is_the_header() {
    // The first header line sets a label over the right-hand column only,
    // centred and wider than its values, right under a paragraph that ends
    // the text above: it is no last line of that paragraph (it starts far
    // from where the paragraph's lines start), but the first line of the
    // header.
    let right = |k: &mut Kit, y: f32, t: &str| {
        k.text(300.0 - Kit::width(t), y, t);
    };
    let mut k = Kit::new();
    paragraph(
        &mut k,
        FASE,
        70.0,
        &[
            "Gli importi per ogni periodo di paga che si applicano nel",
            "nuovo anno sono cambiati rispetto al precedente esercizio",
            "e per questo sono riportati qui di seguito per periodo:",
        ],
    );
    k.centred(280.0, 108.0, "Importo annuo");
    k.text(FASE, 120.0, "Periodo di paga");
    right(&mut k, 120.0, "unitario");
    for (y, p, v) in [
        (134.0, "Settimanale", "71,15"),
        (148.0, "Mensile", "308,33"),
        (162.0, "Annuale", "3.700,00"),
    ] {
        k.text(FASE, y, p);
        right(&mut k, y, v);
    }
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Periodo di paga", "Importo annuo unitario"],
            &["Settimanale", "71,15"],
            &["Mensile", "308,33"],
            &["Annuale", "3.700,00"],
        ])]
    );
}

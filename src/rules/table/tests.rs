//! Table rules on positioned pages and on text.
use crate::read::{Page, Word};
use crate::rules::RuleSet;
use chrono::NaiveDate;

/// A page built from lines of positioned words, as the PDF extractor
/// gives them: each line's text is its words joined by single spaces.
fn page(number: u32, lines: &[&[(f32, &str)]]) -> Page {
    let mut text = String::new();
    let mut words = Vec::new();
    for (i, ws) in lines.iter().enumerate() {
        for (k, (x, t)) in ws.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            words.push(Word {
                text: (*t).to_owned(),
                x: *x,
                y: 20.0 + 12.0 * i as f32,
                width: 4.0 * t.chars().count() as f32,
                size: 8.0,
                line: i as u32,
                start: text.len(),
            });
            text.push_str(t);
        }
        text.push('\n');
    }
    Page {
        number,
        text,
        words,
        width: 595.0,
        height: 842.0,
        ..Page::default()
    }
}

/// Moves the words of line `line` of a page to baseline `y`.
fn move_line(p: &mut Page, line: u32, y: f32) {
    for w in p.words.iter_mut().filter(|w| w.line == line) {
        w.y = y;
    }
}

#[test]
fn a_footer_far_below_the_table_joins_no_row_and_a_wide_gap_ends_it() {
    let sheet = |tail: &[&[(f32, &str)]]| {
        let mut lines: Vec<&[(f32, &str)]> = vec![
            &[
                (20.0, "PIANO"),
                (50.0, "ESECUTIVO"),
                (100.0, "DI"),
                (115.0, "GESTIONE"),
            ],
            &[(20.0, "2022_A01"), (60.0, "Prova")],
            &[(20.0, "INDICATORI")],
            &[
                (20.0, "Descrizione"),
                (300.0, "Tipo"),
                (400.0, "Valore"),
                (430.0, "Atteso"),
            ],
            &[
                (20.0, "N."),
                (32.0, "incontri"),
                (300.0, "RISULTATO"),
                (400.0, ">=3"),
            ],
            &[
                (20.0, "N."),
                (32.0, "enti"),
                (52.0, "coinvolti"),
                (300.0, "RISULTATO"),
                (400.0, ">="),
                (412.0, "2"),
            ],
        ];
        lines.extend_from_slice(tail);
        page(1, &lines)
    };
    // A footer at the foot of the page, its first word in the first
    // column's band, its page number right of the last column.
    let mut p = sheet(&[&[
        (20.0, "PEG"),
        (40.0, "2022"),
        (60.0, "–"),
        (70.0, "2022_A01"),
        (500.0, "Pagina"),
        (530.0, "1"),
        (536.0, "di"),
        (546.0, "1"),
    ]]);
    move_line(&mut p, 6, 815.0);
    let rules = RuleSet::load(None, true).unwrap();
    let x = rules.apply(std::slice::from_ref(&p));
    assert_eq!(x.indicators.len(), 2, "{:#?}", x.indicators);
    let last = &x.indicators[1];
    assert_eq!(last.description.as_deref(), Some("N. enti coinvolti"));
    assert_eq!(last.expected_value.as_deref(), Some("2"));
    assert_eq!(last.expected_raw.as_deref(), Some(">= 2"));
    // A note set well apart from the table, in the middle of the page,
    // ends the table instead of continuing the last row.
    let mut p = sheet(&[&[(20.0, "Nota"), (45.0, "bene")]]);
    move_line(&mut p, 6, 300.0);
    let x = rules.apply(std::slice::from_ref(&p));
    assert_eq!(
        x.indicators[1].description.as_deref(),
        Some("N. enti coinvolti")
    );
    // The same note on the next line continues the row, as a wrapped
    // description does.
    let p = sheet(&[&[(20.0, "nel"), (40.0, "progetto")]]);
    let x = rules.apply(std::slice::from_ref(&p));
    assert_eq!(
        x.indicators[1].description.as_deref(),
        Some("N. enti coinvolti nel progetto")
    );
    // With a footer on page 1, the table goes on over page 2.
    let mut p1 = sheet(&[&[
        (20.0, "Comune"),
        (60.0, "di"),
        (500.0, "Pagina"),
        (530.0, "1"),
    ]]);
    move_line(&mut p1, 6, 820.0);
    let p2 = page(
        2,
        &[&[
            (20.0, "N."),
            (32.0, "delibere"),
            (300.0, "RISULTATO"),
            (400.0, ">="),
            (412.0, "1"),
        ]],
    );
    let x = rules.apply(&[p1, p2]);
    assert_eq!(x.indicators.len(), 3, "{:#?}", x.indicators);
    assert_eq!(
        x.indicators[1].description.as_deref(),
        Some("N. enti coinvolti")
    );
    assert_eq!(x.indicators[2].description.as_deref(), Some("N. delibere"));
}

#[test]
fn layout_text_tables_are_read_by_character_columns() {
    let text = "\
PIANO ESECUTIVO DI GESTIONE

2021_Z001 Progetto Grande Firenze

 GANTT
FASI
Descrizione                          Peso  Inizio Previsto  Fine Prevista  Responsabile   Centro di Responsabilità  Note
Predisposizione bozza di                   01/01/2021       30/04/2021     ASCIONE        SEGRETARIO GENERALE
convenzione per servizi associati                                          GIUSEPPE
Partecipazione agli incontri         20%   01/05/2021       31/12/2021     ROSSI MARIA    UFFICIO
con gli enti                                                                              ASSOCIAZIONI
INDICATORI
Descrizione                            Tipo          Valore Atteso
N. incontri con enti coinvolti         RISULTATO     >=3
";
    let pages = [Page {
        number: 1,
        text: text.to_owned(),
        ..Page::default()
    }];
    let x = RuleSet::load(None, true).unwrap().apply(&pages);
    assert_eq!(x.phases.len(), 2, "{:#?}", x.phases);
    let a = &x.phases[0];
    assert_eq!(
        a.description.as_deref(),
        Some("Predisposizione bozza di convenzione per servizi associati")
    );
    assert_eq!(a.responsible.as_deref(), Some("ASCIONE GIUSEPPE"));
    assert_eq!(
        a.responsibility_centre.as_deref(),
        Some("SEGRETARIO GENERALE")
    );
    assert_eq!(a.end_date, NaiveDate::from_ymd_opt(2021, 4, 30));
    let b = &x.phases[1];
    assert_eq!(
        b.description.as_deref(),
        Some("Partecipazione agli incontri con gli enti")
    );
    assert_eq!(b.weight, Some(20.0));
    assert_eq!(b.responsible.as_deref(), Some("ROSSI MARIA"));
    assert_eq!(
        b.responsibility_centre.as_deref(),
        Some("UFFICIO ASSOCIAZIONI")
    );
    assert_eq!(x.indicators.len(), 1);
    assert_eq!(x.indicators[0].expected_value.as_deref(), Some("3"));
    // Spans point at the page text.
    let sp = a.spans["responsibility_centre"];
    assert_eq!(&text[sp.start..sp.end], "SEGRETARIO GENERALE");
}

#[test]
fn positioned_cells_wrap_into_their_own_columns_and_run_onto_the_next_page() {
    let p1 = page(
        1,
        &[
            &[
                (20.0, "PIANO"),
                (50.0, "ESECUTIVO"),
                (100.0, "DI"),
                (115.0, "GESTIONE"),
            ],
            &[
                (20.0, "2022_A01"),
                (60.0, "Obiettivo"),
                (100.0, "di"),
                (112.0, "prova"),
            ],
            &[(20.0, "GANTT")],
            &[(20.0, "FASI")],
            &[
                (20.0, "Descrizione"),
                (200.0, "Peso"),
                (240.0, "Inizio"),
                (265.0, "Previsto"),
                (300.0, "Fine"),
                (320.0, "Prevista"),
                (360.0, "Responsabile"),
                (430.0, "Centro"),
                (458.0, "di"),
                (468.0, "Responsabilità"),
                (530.0, "Note"),
            ],
            &[
                (20.0, "Prima"),
                (45.0, "fase"),
                (65.0, "con"),
                (240.0, "01/01/2022"),
                (300.0, "31/03/2022"),
                (360.0, "ROSSI"),
                (430.0, "UFFICIO"),
            ],
            &[
                (20.0, "descrizione"),
                (70.0, "lunga"),
                (360.0, "MARIO"),
                (430.0, "TECNICO"),
            ],
        ],
    );
    let p2 = page(
        2,
        &[
            &[
                (20.0, "Seconda"),
                (55.0, "fase"),
                (205.0, "50"),
                (240.0, "01/04/2022"),
                (300.0, "30/06/2022"),
                (360.0, "BIANCHI"),
                (430.0, "SEGRETERIA"),
            ],
            &[(360.0, "ANNA")],
            &[(20.0, "INDICATORI")],
            &[
                (20.0, "Descrizione"),
                (300.0, "Tipo"),
                (400.0, "Valore"),
                (430.0, "Atteso"),
            ],
            &[
                (20.0, "Numero"),
                (50.0, "pratiche"),
                (300.0, "RISULTATO"),
                (400.0, ">="),
                (412.0, "10"),
            ],
            &[(20.0, "evase")],
        ],
    );
    let rules = RuleSet::load(None, true).unwrap();
    let x = rules.apply(&[p1.clone(), p2.clone()]);
    assert_eq!(x.kind, "peg");
    assert_eq!(x.phases.len(), 2, "{:#?}", x.phases);
    let a = &x.phases[0];
    assert_eq!(
        a.description.as_deref(),
        Some("Prima fase con descrizione lunga")
    );
    assert_eq!(a.start_date, NaiveDate::from_ymd_opt(2022, 1, 1));
    assert_eq!(a.end_date, NaiveDate::from_ymd_opt(2022, 3, 31));
    assert_eq!(a.responsible.as_deref(), Some("ROSSI MARIO"));
    assert_eq!(a.responsibility_centre.as_deref(), Some("UFFICIO TECNICO"));
    assert_eq!(a.objective_code.as_deref(), Some("2022_A01"));
    let b = &x.phases[1];
    assert_eq!(b.description.as_deref(), Some("Seconda fase"));
    assert_eq!(b.weight, Some(50.0));
    assert_eq!(b.responsible.as_deref(), Some("BIANCHI ANNA"));
    assert_eq!(b.responsibility_centre.as_deref(), Some("SEGRETERIA"));
    // The span of a cell read on page 2 points into page 2's text, from
    // its first word to the last of its wrapped lines.
    let sp = b.spans["responsible"];
    assert_eq!(sp.page, 2);
    let spanned = &p2.text[sp.start..sp.end];
    assert!(
        spanned.starts_with("BIANCHI") && spanned.ends_with("ANNA"),
        "{spanned}"
    );
    assert_eq!(x.indicators.len(), 1, "{:#?}", x.indicators);
    let i = &x.indicators[0];
    assert_eq!(i.description.as_deref(), Some("Numero pratiche evase"));
    assert_eq!(i.expected_operator.as_deref(), Some(">="));
    assert_eq!(i.expected_value.as_deref(), Some("10"));
}

/// A PEG sheet whose indicator header (over three lines, "Valore" above
/// "Atteso") is the last thing on page 1 but for its footer, followed by
/// page 2 built from `next` under a running title (a line of text, not
/// left out as furniture).
fn header_at_the_foot(next: &[&[(f32, &str)]]) -> Vec<Page> {
    let mut p1 = page(
        1,
        &[
            &[
                (20.0, "PIANO"),
                (43.0, "ESECUTIVO"),
                (82.0, "DI"),
                (93.0, "GESTIONE"),
            ],
            &[(20.0, "2022_A01"), (55.0, "Obiettivo"), (94.0, "operativo")],
            &[(20.0, "INDICATORI")],
            &[(400.0, "Valore")],
            &[(20.0, "Descrizione"), (300.0, "Tipo")],
            &[(400.0, "Atteso")],
            &[
                (20.0, "PEG"),
                (35.0, "2022"),
                (54.0, "–"),
                (61.0, "2022_A01"),
                (500.0, "Pagina"),
                (530.0, "1"),
            ],
        ],
    );
    for (line, y) in [(2, 770.0), (3, 786.0), (4, 791.0), (5, 796.0), (6, 836.0)] {
        move_line(&mut p1, line, y);
    }
    // The footer is page furniture, which the PDF reader leaves out.
    for w in p1.words.iter_mut().filter(|w| w.line == 6) {
        w.start = usize::MAX;
    }
    let mut lines: Vec<&[(f32, &str)]> = vec![&[(20.0, "Comune"), (47.0, "di"), (58.0, "Prova")]];
    lines.extend_from_slice(next);
    let mut p2 = page(2, &lines);
    for i in 1..lines.len() as u32 {
        move_line(&mut p2, i, 60.0 + 12.0 * i as f32);
    }
    vec![p1, p2]
}

#[test]
fn a_header_alone_at_the_foot_of_a_page_heads_the_rows_on_the_next() {
    let pages = header_at_the_foot(&[
        &[
            (20.0, "Numero"),
            (47.0, "pratiche"),
            (82.0, "evase"),
            (300.0, "RISULTATO"),
            (400.0, ">="),
            (412.0, "10"),
        ],
        &[
            (20.0, "Tempo"),
            (43.0, "medio"),
            (66.0, "di"),
            (77.0, "risposta"),
            (300.0, "TEMPORALE"),
            (400.0, "<="),
            (412.0, "30"),
        ],
        &[
            (20.0, "Costo"),
            (43.0, "unitario"),
            (300.0, "ECONOMICO"),
            (400.0, "<"),
            (408.0, "12,5"),
        ],
    ]);
    let rules = RuleSet::load(None, true).unwrap();
    let x = rules.apply(&pages);
    assert_eq!(x.indicators.len(), 3, "{:#?}", x.indicators);
    let first = &x.indicators[0];
    assert_eq!(first.description.as_deref(), Some("Numero pratiche evase"));
    assert_eq!(first.indicator_type.as_deref(), Some("RISULTATO"));
    assert_eq!(first.expected_operator.as_deref(), Some(">="));
    assert_eq!(first.expected_value.as_deref(), Some("10"));
    let last = &x.indicators[2];
    assert_eq!(last.description.as_deref(), Some("Costo unitario"));
    assert_eq!(last.indicator_type.as_deref(), Some("ECONOMICO"));
    assert_eq!(last.expected_value.as_deref(), Some("12.5"));
    // The cells are read on page 2.
    assert_eq!(first.spans["description"].page, 2);
}

#[test]
fn a_header_alone_at_the_foot_heads_nothing_the_next_page_does_not_line_up() {
    let rules = RuleSet::load(None, true).unwrap();
    // Prose opens the next page.
    let prose = header_at_the_foot(&[
        &[
            (20.0, "Il"),
            (31.0, "presente"),
            (66.0, "obiettivo"),
            (105.0, "sarà"),
            (124.0, "verificato"),
            (167.0, "entro"),
            (190.0, "la"),
            (201.0, "fine"),
            (220.0, "dell'anno"),
            (259.0, "dal"),
            (274.0, "nucleo"),
            (301.0, "di"),
            (312.0, "valutazione"),
        ],
        &[
            (20.0, "dell'ente"),
            (59.0, "sulla"),
            (82.0, "base"),
            (101.0, "delle"),
            (124.0, "relazioni"),
            (163.0, "dei"),
            (178.0, "dirigenti"),
            (217.0, "e"),
            (224.0, "dei"),
            (239.0, "dati"),
            (258.0, "raccolti"),
            (293.0, "nel"),
            (308.0, "corso"),
        ],
    ]);
    let x = rules.apply(&prose);
    assert!(x.indicators.is_empty(), "{:#?}", x.indicators);
    // A table whose columns are not the header's: "Tipo" and "Valore"
    // lie right of all of its text.
    let other = header_at_the_foot(&[
        &[
            (20.0, "Sede"),
            (120.0, "Via"),
            (135.0, "Roma"),
            (154.0, "1"),
        ],
        &[
            (20.0, "Uffici"),
            (120.0, "Piazza"),
            (147.0, "Dante"),
            (170.0, "3"),
        ],
        &[
            (20.0, "Archivio"),
            (120.0, "Via"),
            (135.0, "Po"),
            (146.0, "7"),
        ],
    ]);
    let x = rules.apply(&other);
    assert!(x.indicators.is_empty(), "{:#?}", x.indicators);
}

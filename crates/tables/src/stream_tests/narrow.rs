//! Columns set a word space apart: the values of adjacent columns, and
//! their header labels, run together on each line.

use super::*;

/// Sets `text` so that it ends at `x1`.
fn right(k: &mut Kit, x1: f32, y: f32, text: &str) {
    k.text(x1 - Kit::width(text), y, text);
}

#[test]
fn amounts_a_space_apart_are_two_columns() {
    // Two columns of right-aligned amounts with a one-space gutter: the
    // second column's widest amounts begin a space after the first's
    // right edge, so amounts and labels read as one run per line.
    let (r2, r3) = (200.0, 202.8 + Kit::width("12.345,67"));
    let mut k = Kit::new();
    k.text(50.0, 100.0, "Voce");
    right(&mut k, r2, 100.0, "Stanziato");
    right(&mut k, r3, 100.0, "Impegnato");
    for (y, voce, a, b) in [
        (114.0, "Scuole", "1.234,56", "12.345,67"),
        (128.0, "Strade", "98,00", "10.000,00"),
        (142.0, "Verde pubblico", "12.000,00", "3.500,00"),
    ] {
        k.text(50.0, y, voce);
        right(&mut k, r2, y, a);
        right(&mut k, r3, y, b);
    }
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["Voce", "Stanziato", "Impegnato"],
            &["Scuole", "1.234,56", "12.345,67"],
            &["Strade", "98,00", "10.000,00"],
            &["Verde pubblico", "12.000,00", "3.500,00"],
        ])
    );
}

#[test]
fn a_thousands_group_set_with_a_space_stays_in_its_amount() {
    // Amounts written "1 234,50" right-aligned: the leading groups share
    // their right edges from line to line, but a group of three digits
    // after them goes on the same number.
    let mut k = Kit::new();
    k.text(50.0, 100.0, "Voce");
    right(&mut k, 250.0, 100.0, "Importo");
    for (y, voce, a) in [
        (114.0, "Scuole", "1 234,50"),
        (128.0, "Strade", "2 500,00"),
        (142.0, "Verde", "9 000,75"),
    ] {
        k.text(50.0, y, voce);
        right(&mut k, 250.0, y, a);
    }
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["Voce", "Importo"],
            &["Scuole", "1 234,50"],
            &["Strade", "2 500,00"],
            &["Verde", "9 000,75"],
        ])
    );
}

#[test]
fn three_columns_of_amounts_a_space_apart_with_empty_cells() {
    // Amounts in three columns, each a space after the last; the first
    // of them empty in half the rows; a header over two lines above the
    // first, the other two labels a space apart (one run), the header set
    // further above the body than a wrapped label's pitch. Only the body's
    // lines show the columns' gutters: the body is found first and its
    // header taken back, the label's second line with it.
    let w = Kit::width("92.295,09");
    let (r3, r4) = (250.0, 250.0 + 2.8 + w);
    let r5 = r4 + 2.8 + w;
    let mut k = Kit::new();
    k.text(50.0, 100.0, "Art.");
    k.text(90.0, 100.0, "Ufficio");
    right(&mut k, r3, 100.0, "Stanziamento");
    right(&mut k, r4, 100.0, "Quota %");
    right(&mut k, r5, 100.0, "Accertato");
    right(&mut k, r3, 112.0, "definitivo");
    for (y, art, uff, a, b, c) in [
        (
            128.0,
            "09",
            "Trasporto scolastico",
            "92.295,09",
            "94.693,39",
            "33.838,80",
        ),
        (
            140.0,
            "03",
            "Protezione civile",
            "17.642,83",
            "18.076,85",
            "83.271,50",
        ),
        (154.0, "8.6.34", "Istruzione", "", "66.095,04", "88.904,44"),
        (168.0, "2.5.18", "Refezione", "", "93.963,30", "96.115,50"),
    ] {
        k.text(50.0, y, art);
        k.text(90.0, y, uff);
        if !a.is_empty() {
            right(&mut k, r3, y, a);
        }
        right(&mut k, r4, y, b);
        right(&mut k, r5, y, c);
    }
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &[
                "Art.",
                "Ufficio",
                "Stanziamento definitivo",
                "Quota %",
                "Accertato"
            ],
            &[
                "09",
                "Trasporto scolastico",
                "92.295,09",
                "94.693,39",
                "33.838,80"
            ],
            &[
                "03",
                "Protezione civile",
                "17.642,83",
                "18.076,85",
                "83.271,50"
            ],
            &["8.6.34", "Istruzione", "", "66.095,04", "88.904,44"],
            &["2.5.18", "Refezione", "", "93.963,30", "96.115,50"],
        ])
    );
}

#[test]
fn a_header_label_wider_than_its_column_keeps_the_gap_the_body_keeps() {
    // 'Fine prevista' is wider than the dates under it and ends a word
    // space before 'Responsabile', which starts where the names do: the
    // header line runs over the gap between dates and names, which every
    // row keeps free. A label of a column left empty ('Note') reaches past
    // the body, and 'Previsto' sits under 'Inizio'.
    let (fine, resp) = (370.0, 370.0 + Kit::width("Fine prevista") + 0.28 * 10.0);
    let mut k = Kit::new();
    k.text(FASE, 100.0, "Descrizione")
        .text(INIZIO, 100.0, "Inizio")
        .text(fine, 100.0, "Fine prevista Responsabile")
        .text(510.0, 100.0, "Centro")
        .text(565.0, 100.0, "Note");
    k.text(INIZIO, 111.0, "Previsto");
    for (y, what, a, b, who, unit) in [
        (
            128.0,
            "Analisi dei bisogni",
            "11/02/2024",
            "17/07/2024",
            "ROSSI ANNA",
            "SOCIALI",
        ),
        (
            145.0,
            "Stesura del bando",
            "11/05/2024",
            "12/07/2024",
            "BIANCHI LUCA",
            "GENERALE",
        ),
        (
            162.0,
            "Collaudo finale",
            "16/09/2024",
            "17/10/2024",
            "VERDI PAOLO",
            "TECNICO",
        ),
    ] {
        k.text(FASE, y, what)
            .text(INIZIO, y, a)
            .text(fine, y, b)
            .text(resp, y, who)
            .text(510.0, y, unit);
    }
    let g = grids(&k.page);
    assert_eq!(g.len(), 1, "{g:?}");
    let t = &g[0];
    assert_eq!(t.len(), 4, "{t:?}");
    assert_eq!(
        &t[0][..4],
        [
            "Descrizione",
            "Inizio Previsto",
            "Fine prevista",
            "Responsabile"
        ]
    );
    assert_eq!(
        &t[1][..5],
        [
            "Analisi dei bisogni",
            "11/02/2024",
            "17/07/2024",
            "ROSSI ANNA",
            "SOCIALI"
        ]
    );
    assert_eq!(&t[3][2..4], ["17/10/2024", "VERDI PAOLO"]);
}

#[test]
fn text_columns_a_space_apart_are_cut_at_the_second_ones_left_edge() {
    // A code, an office and a name, then amounts: the offices' widest
    // ("Manutenzione strade comunali", on two rows) ends a word space
    // (2.1 points at 7.5 pt) before the names begin, so on those lines
    // office and name make one run and the gap the other lines leave is
    // closed; the names begin at one place on every line, after offices
    // of unlike widths: the names' column.
    // (The words of a page of bench/tables/generate.py, as ReportLab set
    // them: the body of its first four columns.)
    let words: &[(f32, f32, f32, &str)] = &[
        (112.1, 162.8, 16.7, "3011"),
        (130.9, 162.8, 43.8, "Illuminazione"),
        (176.7, 162.8, 27.9, "pubblica"),
        (235.1, 162.8, 24.6, "Bianchi"),
        (261.8, 162.8, 17.5, "Anna"),
        (112.1, 172.2, 8.3, "18"),
        (130.9, 172.2, 47.1, "Manutenzione"),
        (180.1, 172.2, 20.8, "strade"),
        (203.0, 172.2, 30.0, "comunali"),
        (235.1, 172.2, 24.6, "Bianchi"),
        (261.8, 172.2, 17.5, "Anna"),
        (112.1, 181.6, 16.7, "3001"),
        (130.9, 181.6, 47.1, "Manutenzione"),
        (180.1, 181.6, 20.8, "strade"),
        (203.0, 181.6, 30.0, "comunali"),
        (235.1, 181.6, 20.4, "Greco"),
        (257.6, 181.6, 23.3, "Davide"),
        (112.1, 190.9, 16.7, "4312"),
        (130.9, 190.9, 20.8, "Ufficio"),
        (153.8, 190.9, 23.8, "tecnico"),
        (235.1, 190.9, 17.5, "Verdi"),
        (254.7, 190.9, 16.3, "Luca"),
        (130.9, 202.3, 22.1, "Totale"),
        (296.4, 162.8, 22.9, "501,96"),
        (296.4, 172.2, 22.9, "548,22"),
        (296.4, 181.6, 22.9, "302,38"),
        (296.4, 190.9, 22.9, "115,98"),
        (286.0, 202.3, 33.4, "28.351,64"),
    ];
    let mut k = Kit::new();
    for &(x, y, width, text) in words {
        k.word(x, y, width, 7.5, text);
    }
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["3011", "Illuminazione pubblica", "Bianchi Anna", "501,96"],
            &[
                "18",
                "Manutenzione strade comunali",
                "Bianchi Anna",
                "548,22"
            ],
            &[
                "3001",
                "Manutenzione strade comunali",
                "Greco Davide",
                "302,38"
            ],
            &["4312", "Ufficio tecnico", "Verdi Luca", "115,98"],
            &["", "Totale", "", "28.351,64"],
        ])]
    );
    // Without that edge the office and the name read as one column.
    let off = Settings {
        aligned_start_lines: usize::MAX,
        ..Settings::default()
    };
    let t = crate::find(&k.page, &off);
    assert!(
        t.iter().all(|t| t.cols < 4),
        "{:?}",
        t.iter().map(crate::grid).collect::<Vec<_>>()
    );
}

#[test]
fn a_label_right_aligned_over_amounts_a_space_from_the_label_before() {
    // Names, then amounts right-aligned at 300. 'Riscossioni' is
    // right-aligned too, wider than the amounts, and begins a word space
    // after 'Incaricato', which starts where the names do: two labels,
    // though the space between them is no wider than a word space and
    // meets neither edge of the gap the body keeps free.
    let mut k = Kit::new();
    let label_x0 = 300.0 - Kit::width("Riscossioni");
    let names_x0 = label_x0 - 2.8 - Kit::width("Incaricato");
    k.text(60.0, 100.0, "Servizio")
        .text(names_x0, 100.0, "Incaricato Riscossioni")
        .text(400.0 - Kit::width("Pagato"), 100.0, "Pagato");
    let body = [
        ("Refezione", "Neri Ugo", "51.461,26", "69.616,87"),
        ("Trasporti", "Bruno Sara", "87.765,47", "89.210,17"),
        ("Istruzione", "Rossi Eva", "44.253,31", "6.963,87"),
        ("Sport", "Gallo Pia", "30.532,16", "84.755,39"),
    ];
    for (n, (a, b, c, d)) in body.iter().enumerate() {
        let y = 118.0 + 13.0 * n as f32;
        k.text(60.0, y, a)
            .text(names_x0, y, b)
            .text(300.0 - Kit::width(c), y, c)
            .text(400.0 - Kit::width(d), y, d);
    }
    let g = grids(&k.page);
    assert_eq!(g.len(), 1, "{g:?}");
    assert_eq!(g[0][0], ["Servizio", "Incaricato", "Riscossioni", "Pagato"]);
    assert_eq!(
        g[0][2],
        ["Trasporti", "Bruno Sara", "87.765,47", "89.210,17"]
    );
}

#[test]
fn a_cell_whose_advance_runs_past_the_next_columns_start_ends_there() {
    // Names from 150, surnames before them from 50; the longest surname
    // (third row) is set touching the names' column, and its last word's
    // box (the advance of its last letter) runs 3 pt past where the name
    // begins. Without the clip the two cells run together.
    let mut k = Kit::new();
    let body = [
        ("Rossi", "Mario", "10,00"),
        ("Bianchi", "Anna", "20,00"),
        ("De Luca", "Paolo", "5,00"),
        ("Ferri", "Giulia", "15,00"),
    ];
    for (n, (a, b, c)) in body.iter().enumerate() {
        let y = 100.0 + 14.0 * (n + n / 2) as f32;
        k.text(50.0, y, a).text(150.0, y, b);
        right(&mut k, 300.0, y, c);
    }
    let y = 100.0 + 14.0 * 2.0;
    k.text(50.0, y, "Valsangiacomo");
    k.word(120.0, y, 33.0, crate::testkit::SIZE, "Blanco");
    k.text(150.0, y, "Fernando Jorge");
    right(&mut k, 300.0, y, "10,00");
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    let g = crate::grid(&t[0]);
    assert_eq!(
        &g[2],
        &vec![
            "Valsangiacomo Blanco".to_string(),
            "Fernando Jorge".to_string(),
            "10,00".to_string()
        ],
        "{g:?}"
    );
    let unclipped = Settings {
        max_overhang: 0.0,
        ..Settings::default()
    };
    let t = crate::find(&k.page, &unclipped);
    assert!(t.iter().all(|t| crate::grid(t)
        .iter()
        .all(|r| r[0] != "Valsangiacomo Blanco")));
}

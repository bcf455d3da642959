use crate::testkit::{grids, rows, Kit};
use crate::Settings;

#[test]
fn columns_a_frame_leaves_undrawn_are_read_from_the_gutters() {
    // A frame with a line under each row; verticals only in the header,
    // between "Regione" and two groups of values. Each group's header
    // label spans the two columns of values under it.
    let mut k = Kit::new();
    for y in [100.0, 120.0, 140.0, 160.0, 180.0, 200.0] {
        k.hline(50.0, 450.0, y);
    }
    k.vline(50.0, 100.0, 200.0).vline(450.0, 100.0, 200.0);
    k.vline(150.0, 100.0, 120.0).vline(300.0, 100.0, 120.0);
    k.text(54.0, 114.0, "Regione")
        .centred(225.0, 114.0, "Spesa corrente")
        .centred(375.0, 114.0, "Investimenti");
    let body = [
        ("Lazio", ["47,824", "9,967", "1,275", "15"]),
        ("Umbria", ["2,241", "107", "23", "0"]),
        ("Marche", ["14,874", "2,554", "161", "0"]),
        ("Molise", ["21,016", "4,332", "5,329", "0"]),
    ];
    for (r, (name, vals)) in body.iter().enumerate() {
        let y = 134.0 + 20.0 * r as f32;
        k.text(54.0, y, name);
        // Right-aligned in their columns.
        for (c, v) in vals.iter().enumerate() {
            let right = [210.0, 290.0, 360.0, 440.0][c];
            k.text(right - Kit::width(v), y, v);
        }
    }
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    assert_eq!((t[0].rows, t[0].cols), (5, 5));
    let g = crate::grid(&t[0]);
    assert_eq!(
        g[0],
        vec!["Regione", "Spesa corrente", "", "Investimenti", ""]
    );
    assert_eq!(g[1], vec!["Lazio", "47,824", "9,967", "1,275", "15"]);
    assert_eq!(g[4], vec!["Molise", "21,016", "4,332", "5,329", "0"]);
    let spans: Vec<u32> = t[0]
        .cells
        .iter()
        .filter(|c| c.row == 0)
        .map(|c| c.col_span)
        .collect();
    assert_eq!(spans, vec![1, 2, 2]);
}

#[test]
fn rows_a_frame_leaves_undrawn_are_read_from_the_lines() {
    // Every column ruled, the header boxed, the body's rows not: each
    // line of the body is a row, and a wrapped name stays one.
    let mut k = Kit::new();
    k.grid(&[50.0, 200.0, 280.0, 360.0], &[100.0, 120.0, 214.0]);
    k.text(54.0, 114.0, "Paese")
        .text(204.0, 114.0, "Casi")
        .text(284.0, 114.0, "Totale");
    k.text(54.0, 134.0, "Austria")
        .text(204.0, 134.0, "77")
        .text(284.0, 134.0, "78");
    k.text(54.0, 148.0, "Belgio")
        .text(204.0, 148.0, "159")
        .text(284.0, 148.0, "161");
    k.text(54.0, 162.0, "Repubblica")
        .text(204.0, 162.0, "78")
        .text(284.0, 162.0, "78");
    k.text(54.0, 174.0, "Ceca");
    k.text(54.0, 188.0, "Danimarca")
        .text(204.0, 188.0, "151")
        .text(284.0, 188.0, "153");
    k.text(54.0, 202.0, "Estonia")
        .text(204.0, 202.0, "46")
        .text(284.0, 202.0, "46");
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Paese", "Casi", "Totale"],
            &["Austria", "77", "78"],
            &["Belgio", "159", "161"],
            &["Repubblica Ceca", "78", "78"],
            &["Danimarca", "151", "153"],
            &["Estonia", "46", "46"],
        ])]
    );
}

#[test]
fn a_fully_ruled_table_with_wrapped_cells_reads_as_drawn() {
    // Two cells of one row wrap over the same two lines, a third sits
    // beside them: the drawn lines make the rows, and no whitespace in a
    // cell of wrapped words makes a column.
    let mut k = Kit::new();
    k.grid(
        &[50.0, 230.0, 330.0, 450.0],
        &[100.0, 120.0, 154.0, 188.0, 208.0],
    );
    k.text(54.0, 114.0, "Fase")
        .text(234.0, 114.0, "Fine")
        .text(334.0, 114.0, "Responsabile");
    k.text(54.0, 134.0, "Analisi dei bisogni")
        .text(234.0, 134.0, "31/03/2024")
        .text(334.0, 134.0, "Mario");
    k.text(54.0, 146.0, "del territorio")
        .text(334.0, 146.0, "Rossi");
    k.text(54.0, 168.0, "Progettazione degli")
        .text(234.0, 168.0, "30/06/2024")
        .text(334.0, 168.0, "Anna");
    k.text(54.0, 180.0, "interventi")
        .text(334.0, 180.0, "Bianchi");
    k.text(54.0, 202.0, "Collaudo")
        .text(234.0, 202.0, "31/12/2024")
        .text(334.0, 202.0, "Luca Verdi");
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Fase", "Fine", "Responsabile"],
            &[
                "Analisi dei bisogni del territorio",
                "31/03/2024",
                "Mario Rossi"
            ],
            &[
                "Progettazione degli interventi",
                "30/06/2024",
                "Anna Bianchi"
            ],
            &["Collaudo", "31/12/2024", "Luca Verdi"],
        ])]
    );
}

#[test]
fn a_gutter_in_too_few_lines_divides_nothing() {
    // Two ruled columns; the second holds a value and a unit set apart on
    // two lines only: fewer than `frame_min_lines`, so one column.
    let mut k = Kit::new();
    k.grid(&[50.0, 200.0, 360.0], &[100.0, 120.0, 140.0, 160.0]);
    k.text(54.0, 114.0, "Voce").text(204.0, 114.0, "Importo");
    k.text(54.0, 134.0, "Spesa")
        .text(204.0, 134.0, "EUR")
        .text(300.0, 134.0, "1.200");
    k.text(54.0, 154.0, "Entrata")
        .text(204.0, 154.0, "EUR")
        .text(300.0, 154.0, "900");
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Voce", "Importo"],
            &["Spesa", "EUR 1.200"],
            &["Entrata", "EUR 900"]
        ])]
    );
}

#[test]
fn paragraphs_in_a_ruled_cell_beside_a_label_stay_one_cell() {
    // A label centred beside a description of two paragraphs: the stream
    // reader would end a row where a paragraph ends, but no row of the
    // band sets words in two columns but one, so the band is one row.
    let mut k = Kit::new();
    k.grid(&[50.0, 190.0, 560.0], &[100.0, 120.0, 200.0]);
    k.text(54.0, 114.0, "OBIETTIVO")
        .text(194.0, 114.0, "Missione 01");
    k.text(
        194.0,
        134.0,
        "Compito della Direzione sarà l'assistenza tecnica alla",
    );
    k.text(194.0, 146.0, "predisposizione degli atti.");
    k.text(54.0, 152.0, "DESCRIZIONE");
    k.text(
        194.0,
        158.0,
        "Comune e Città metropolitana dovranno lavorare in modo",
    );
    k.text(194.0, 170.0, "sempre più integrato.");
    k.text(
        194.0,
        182.0,
        "Al termine dell'anno sarà redatta una relazione.",
    );
    let g = grids(&k.page);
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].len(), 2);
    assert_eq!(g[0][1][0], "DESCRIZIONE");
    assert!(
        g[0][1][1].starts_with("Compito della Direzione") && g[0][1][1].ends_with("relazione.")
    );
}

#[test]
fn rows_drawn_in_one_column_only_go_on_across_the_others() {
    // A key-figures sheet: the last column (a survey not yet held) is a
    // box with a line under each of its rows; the label and value columns
    // beside it draw none. Each line of labels and values lies in one of
    // the rows the last column draws, and is a row of its own, not one
    // cell over all of them.
    let mut k = Kit::new();
    k.hline(50.0, 400.0, 100.0)
        .hline(50.0, 400.0, 120.0)
        .hline(50.0, 400.0, 200.0);
    for x in [50.0, 200.0, 320.0, 400.0] {
        k.vline(x, 100.0, 200.0);
    }
    for y in [140.0, 160.0, 180.0] {
        k.hline(320.0, 400.0, y);
    }
    k.text(54.0, 114.0, "Indicatore")
        .text(204.0, 114.0, "Anno 2023")
        .text(324.0, 114.0, "Anno 2019");
    let body = [
        ("Famiglie con accesso", "12.4", "3.1"),
        ("Famiglie senza accesso", "8.9", "0.7"),
        ("Persone sole", "21.0", "4.4"),
        ("Coppie con figli", "5.5", "1.2"),
    ];
    for (r, (label, a, b)) in body.iter().enumerate() {
        let y = 134.0 + 20.0 * r as f32;
        k.text(54.0, y, label)
            .text(250.0 - Kit::width(a), y, a)
            .text(310.0 - Kit::width(b), y, b);
    }
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    let g = crate::grid(&t[0]);
    assert_eq!(g.len(), 5, "{g:?}");
    assert_eq!(g[1][0], "Famiglie con accesso");
    assert_eq!(g[4][0], "Coppie con figli");
    let values: Vec<String> = g[3].iter().filter(|c| !c.is_empty()).cloned().collect();
    assert_eq!(values, vec!["Persone sole", "21.0", "4.4"]);
}

use crate::testkit::{grids, rows, Kit};

/// Sets a row: a code (or nothing), a text, and figures right-aligned.
fn row(k: &mut Kit, y: f32, code: &str, text: &str, figures: &[&str]) {
    if !code.is_empty() {
        k.text(60.0, y, code);
    }
    k.text(110.0, y, text);
    for (n, f) in figures.iter().enumerate() {
        k.text(300.0 + 90.0 * n as f32 - Kit::width(f), y, f);
    }
}

#[test]
fn a_totals_row_under_an_empty_code_is_a_row_of_its_own() {
    // The totals row leaves the code column empty, and "Sport Totale"
    // would not fit in the narrow text column: only the figures, set again
    // under figures, say that a new row begins.
    let mut k = Kit::new();
    row(&mut k, 100.0, "Cap.", "Voce", &["Impegnato", "Pagato"]);
    row(&mut k, 114.0, "1040", "Tributi", &["1.200,00", "900,00"]);
    row(&mut k, 128.0, "1050", "Anagrafe", &["350,00", "300,00"]);
    row(&mut k, 142.0, "1060", "Sport", &["80,00", "10,00"]);
    row(&mut k, 156.0, "", "Totale", &["1.630,00", "1.210,00"]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Cap.", "Voce", "Impegnato", "Pagato"],
            &["1040", "Tributi", "1.200,00", "900,00"],
            &["1050", "Anagrafe", "350,00", "300,00"],
            &["1060", "Sport", "80,00", "10,00"],
            &["", "Totale", "1.630,00", "1.210,00"],
        ])]
    );
}

#[test]
fn a_wrapped_text_under_its_figures_stays_one_row() {
    // Figures at the top of a wrapped description: its second line sets
    // no figure, so the row goes on, as before.
    let mut k = Kit::new();
    row(&mut k, 100.0, "Cap.", "Voce", &["Impegnato", "Pagato"]);
    row(&mut k, 114.0, "1040", "Tributi", &["1.200,00", "900,00"]);
    row(&mut k, 128.0, "1050", "Servizi", &["350,00", "300,00"]);
    k.text(110.0, 140.0, "sociali");
    row(&mut k, 154.0, "1060", "Sport", &["80,00", "10,00"]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Cap.", "Voce", "Impegnato", "Pagato"],
            &["1040", "Tributi", "1.200,00", "900,00"],
            &["1050", "Servizi sociali", "350,00", "300,00"],
            &["1060", "Sport", "80,00", "10,00"],
        ])]
    );
}

#[test]
fn a_section_label_between_complete_rows_is_a_row_of_its_own() {
    // "Sezione B" sets only the first column, from the table's left edge,
    // set apart from the row above and just above a row that begins
    // complete: a label, not the first line of "Anagrafe"'s cell, though
    // the two would not have fitted on one line of the column.
    let mut k = Kit::new();
    row(&mut k, 100.0, "", "Voce", &["Impegnato", "Pagato"]);
    row(&mut k, 114.0, "", "Tributi", &["1.200,00", "900,00"]);
    row(&mut k, 132.0, "", "Sezione B", &[]);
    row(&mut k, 146.0, "", "Anagrafe", &["350,00", "300,00"]);
    row(&mut k, 160.0, "", "Servizi", &["80,00", "10,00"]);
    k.text(110.0, 172.0, "sociali");
    row(&mut k, 186.0, "", "Sport", &["20,00", "5,00"]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Voce", "Impegnato", "Pagato"],
            &["Tributi", "1.200,00", "900,00"],
            &["Sezione B", "", ""],
            &["Anagrafe", "350,00", "300,00"],
            &["Servizi sociali", "80,00", "10,00"],
            &["Sport", "20,00", "5,00"],
        ])]
    );
}

#[test]
fn a_label_wider_than_its_column_leaves_the_wrapped_cells_whole() {
    // The label runs past the column under it into the figures' column,
    // so it is no line of a cell, and the column's width (for the wrapped
    // cells) is read without it: "Acquisto di arredi" goes on with "per
    // gli uffici".
    let mut k = Kit::new();
    row(&mut k, 100.0, "", "Voce", &["Impegnato", "Pagato"]);
    row(
        &mut k,
        114.0,
        "",
        "Missione 04 - Istruzione e diritto allo studio",
        &[],
    );
    row(
        &mut k,
        128.0,
        "",
        "Acquisto di arredi",
        &["350,00", "300,00"],
    );
    k.text(110.0, 140.0, "per gli uffici");
    row(&mut k, 154.0, "", "Sport", &["80,00", "10,00"]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Voce", "Impegnato", "Pagato"],
            &["Missione 04 - Istruzione e diritto allo studio", "", ""],
            &["Acquisto di arredi per gli uffici", "350,00", "300,00"],
            &["Sport", "80,00", "10,00"],
        ])]
    );
}

#[test]
fn a_label_across_the_columns_is_not_cut_at_its_word_spaces() {
    // "Missione 01 - Servizi istituzionali" runs from the code column into
    // the text column, its "01" starting where the texts of that column
    // start: the label is one row of its own, whole, and "Anagrafe" under
    // it a row of its own.
    let mut k = Kit::new();
    let text = 60.0 + Kit::width("Missione ");
    let row = |k: &mut Kit, y: f32, code: &str, t: &str, figures: &[&str]| {
        k.text(60.0, y, code).text(text, y, t);
        for (n, f) in figures.iter().enumerate() {
            k.text(300.0 + 90.0 * n as f32 - Kit::width(f), y, f);
        }
    };
    row(&mut k, 100.0, "Cap.", "Voce", &["Impegnato", "Pagato"]);
    row(&mut k, 114.0, "1040", "Tributi", &["1.200,00", "900,00"]);
    k.text(60.0, 132.0, "Missione 01 - Servizi istituzionali");
    row(&mut k, 146.0, "1050", "Anagrafe", &["350,00", "300,00"]);
    row(&mut k, 160.0, "1060", "Sport", &["80,00", "10,00"]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Cap.", "Voce", "Impegnato", "Pagato"],
            &["1040", "Tributi", "1.200,00", "900,00"],
            &["Missione 01 - Servizi istituzionali", "", "", ""],
            &["1050", "Anagrafe", "350,00", "300,00"],
            &["1060", "Sport", "80,00", "10,00"],
        ])]
    );
}

#[test]
fn a_cell_wrapped_with_a_hanging_indent_is_no_label() {
    // The figures sit on the last line of the cell, whose second line is
    // indented under its first: one row, however short its first line.
    let mut k = Kit::new();
    row(&mut k, 100.0, "", "Voce", &["Impegnato", "Pagato"]);
    row(
        &mut k,
        114.0,
        "",
        "Servizi cimiteriali e altri",
        &["1.200,00", "900,00"],
    );
    row(&mut k, 132.0, "", "Offese alla famiglia e", &[]);
    row(&mut k, 143.0, "", "", &["350,00", "300,00"]);
    k.text(120.0, 143.0, "ai minori");
    row(&mut k, 161.0, "", "Sport", &["80,00", "10,00"]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Voce", "Impegnato", "Pagato"],
            &["Servizi cimiteriali e altri", "1.200,00", "900,00"],
            &["Offese alla famiglia e ai minori", "350,00", "300,00"],
            &["Sport", "80,00", "10,00"],
        ])]
    );
}

#[test]
fn in_a_centred_table_a_first_line_above_its_row_is_no_label() {
    // The figures are centred on the descriptions: between the two lines
    // of a cell of two, on the middle line of a cell of three, whose first
    // line sets nothing else. The table centres, so that first line is
    // its cell's, though the line below it goes on in another column too.
    let mut k = Kit::new();
    row(&mut k, 100.0, "", "Descrizione", &["Peso", "Responsabile"]);
    row(&mut k, 114.0, "", "Collaudo degli accordi", &[]);
    row(&mut k, 120.0, "", "", &["10", "ROSSI"]);
    row(&mut k, 126.0, "", "con gli enti", &[]);
    row(&mut k, 144.0, "", "Realizzazione della", &[]);
    row(
        &mut k,
        156.0,
        "",
        "relazione finale e",
        &["20", "SERVIZIO SISTEMI"],
    );
    row(&mut k, 168.0, "", "aggiornamento", &["", "INFORMATIVI"]);
    row(&mut k, 186.0, "", "Sport", &["30", "VERDI"]);
    // A cell of five lines, its figure between the third and the fourth,
    // the cell beside it over two lines: a complete line follows a line
    // of figures, and a lone line follows it, as at the top of a row.
    row(&mut k, 204.0, "", "Individuazione del", &[]);
    row(
        &mut k,
        216.0,
        "",
        "cronoprogramma con",
        &["", "P.O. GESTIONE"],
    );
    row(&mut k, 222.0, "", "", &["40", ""]);
    row(&mut k, 228.0, "", "particolare cura", &["", "CONTABILE"]);
    row(&mut k, 240.0, "", "delle utenze", &[]);
    // Both columns over several lines, the figure on the middle one: the
    // lines next to it are complete, the last one lone.
    row(&mut k, 258.0, "", "Pubblicazione bozza di", &[]);
    row(
        &mut k,
        270.0,
        "",
        "convenzione a seguito",
        &["", "P.O. GESTIONE"],
    );
    row(
        &mut k,
        282.0,
        "",
        "della verifica dei",
        &["50", "AMMINISTRATIVA"],
    );
    row(
        &mut k,
        294.0,
        "",
        "requisiti e trasmissione",
        &["", "CONTABILE"],
    );
    row(&mut k, 306.0, "", "agli organi", &[]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Descrizione", "Peso", "Responsabile"],
            &["Collaudo degli accordi con gli enti", "10", "ROSSI"],
            &[
                "Realizzazione della relazione finale e aggiornamento",
                "20",
                "SERVIZIO SISTEMI INFORMATIVI"
            ],
            &["Sport", "30", "VERDI"],
            &[
                "Individuazione del cronoprogramma con particolare cura delle utenze",
                "40",
                "P.O. GESTIONE CONTABILE"
            ],
            &[
                "Pubblicazione bozza di convenzione a seguito della verifica dei requisiti e trasmissione agli organi",
                "50",
                "P.O. GESTIONE AMMINISTRATIVA CONTABILE"
            ],
        ])]
    );
}

#[test]
fn the_widest_first_line_of_a_centred_cell_is_no_label() {
    // A description over three lines with the dates beside the middle
    // one: its first line is the widest of the column (it sets the
    // column's width), yet it stays in its cell.
    let mut k = Kit::new();
    row(&mut k, 100.0, "", "Descrizione", &["Inizio", "Fine"]);
    row(&mut k, 116.0, "", "Pubblicazione della delibera", &[]);
    row(
        &mut k,
        128.0,
        "",
        "in collaborazione con",
        &["12/09/2024", "21/11/2024"],
    );
    row(&mut k, 140.0, "", "gli uffici", &[]);
    row(&mut k, 158.0, "", "Sport", &["01/10/2024", "31/12/2024"]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Descrizione", "Inizio", "Fine"],
            &[
                "Pubblicazione della delibera in collaborazione con gli uffici",
                "12/09/2024",
                "21/11/2024"
            ],
            &["Sport", "01/10/2024", "31/12/2024"],
        ])]
    );
}

/// Sets a text at `x` and figures right-aligned at 300, 390, ...
fn line(k: &mut Kit, y: f32, text: &str, figures: &[&str]) {
    if !text.is_empty() {
        k.text(60.0, y, text);
    }
    for (n, f) in figures.iter().enumerate() {
        if !f.is_empty() {
            k.text(300.0 + 90.0 * n as f32 - Kit::width(f), y, f);
        }
    }
}

#[test]
fn a_figure_under_a_figure_begins_a_row_whatever_the_empty_cells() {
    // "Tributi" leaves its last cell empty, and the long text above it
    // and its first word would not fit in the column together: only the
    // figure set under a figure says that a new row begins.
    let mut k = Kit::new();
    line(&mut k, 100.0, "Responsabile", &["Variazioni", "Previsione"]);
    line(&mut k, 114.0, "Viabilità", &["8.366,89", "36.466,21"]);
    line(
        &mut k,
        128.0,
        "Manutenzione strade comunali",
        &["34.874,83", "99.563,23"],
    );
    line(&mut k, 142.0, "Tributi", &["56.258,06", ""]);
    line(&mut k, 156.0, "Polizia locale", &["38.918,37", "55.817,86"]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Responsabile", "Variazioni", "Previsione"],
            &["Viabilità", "8.366,89", "36.466,21"],
            &["Manutenzione strade comunali", "34.874,83", "99.563,23"],
            &["Tributi", "56.258,06", ""],
            &["Polizia locale", "38.918,37", "55.817,86"],
        ])]
    );
}

#[test]
fn a_header_over_two_lines_set_at_the_bottom_is_one_row() {
    // "Stanziamento" above "iniziale"; the other labels on the header's
    // last line set every column again, yet the values begin below.
    let mut k = Kit::new();
    line(&mut k, 100.0, "", &["Stanziamento"]);
    line(&mut k, 112.0, "Voce", &["iniziale", "Pagato"]);
    line(&mut k, 128.0, "Tributi", &["1.200,00", "900,00"]);
    line(&mut k, 142.0, "Sport", &["80,00", "10,00"]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Voce", "Stanziamento iniziale", "Pagato"],
            &["Tributi", "1.200,00", "900,00"],
            &["Sport", "80,00", "10,00"],
        ])]
    );
}

#[test]
fn the_first_line_of_a_centred_first_row_is_no_header_line() {
    // Under a header over two lines, the first row's text wraps and its
    // figure is centred between its two lines: the text's first line
    // wraps into its second, so it is the row's, not the header's.
    let mut k = Kit::new();
    line(&mut k, 88.0, "", &["Stanziamento"]);
    line(&mut k, 100.0, "Voce", &["iniziale"]);
    line(&mut k, 116.0, "Acquisto di arredi e", &[]);
    line(&mut k, 122.0, "", &["29.011,00"]);
    line(&mut k, 128.0, "attrezzature degli uffici", &[]);
    line(&mut k, 144.0, "Tributi", &["1.200,00"]);
    line(&mut k, 158.0, "Sport", &["80,00"]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Voce", "Stanziamento iniziale"],
            &[
                "Acquisto di arredi e attrezzature degli uffici",
                "29.011,00"
            ],
            &["Tributi", "1.200,00"],
            &["Sport", "80,00"],
        ])]
    );
}

#[test]
fn a_row_under_an_empty_key_cell_is_a_row_of_its_own() {
    // A catalogue: an author's second title goes under the first with the
    // author's cell left empty. "Gallimard Gallimard" would not fit in the
    // narrow publisher column, but the titles and the codes, set again
    // where they would have fitted side by side, say that a row begins.
    let mut k = Kit::new();
    let book =
        |k: &mut Kit, y: f32, author: &str, title: &str, publ: &str, code: &str, tr: &str| {
            if !author.is_empty() {
                k.text(50.0, y, author);
            }
            k.text(170.0, y, title)
                .text(380.0, y, publ)
                .text(440.0, y, code)
                .text(470.0, y, tr);
        };
    book(
        &mut k,
        100.0,
        "ADLER LAURE",
        "Marguerite Duras",
        "Gallimard",
        "L",
        "Albin",
    );
    book(
        &mut k,
        112.0,
        "ALLEGRE CLAUDE",
        "Introduction a une histoire",
        "Fayard",
        "SSH",
        "Dituria",
    );
    book(
        &mut k,
        124.0,
        "AYME MARCEL",
        "La Jument verte",
        "Gallimard",
        "L",
        "Albin",
    );
    book(
        &mut k,
        136.0,
        "",
        "Le Passe-Muraille",
        "Gallimard",
        "L",
        "Dituria",
    );
    book(
        &mut k,
        148.0,
        "BATAILLE GEORGES",
        "L'Erotisme",
        "Minuit",
        "L",
        "Shtepia E Librit",
    );
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["ADLER LAURE", "Marguerite Duras", "Gallimard", "L", "Albin"],
            &[
                "ALLEGRE CLAUDE",
                "Introduction a une histoire",
                "Fayard",
                "SSH",
                "Dituria"
            ],
            &["AYME MARCEL", "La Jument verte", "Gallimard", "L", "Albin"],
            &["", "Le Passe-Muraille", "Gallimard", "L", "Dituria"],
            &[
                "BATAILLE GEORGES",
                "L'Erotisme",
                "Minuit",
                "L",
                "Shtepia E Librit"
            ],
        ])]
    );
}

#[test]
fn cells_that_wrap_together_stay_one_row_beside_an_empty_key() {
    // The counter-case: a description and a name both wrap onto the next
    // line (neither would have fitted beside the line above): one row.
    let mut k = Kit::new();
    k.text(50.0, 100.0, "N.")
        .text(90.0, 100.0, "Descrizione")
        .text(260.0, 100.0, "Responsabile")
        .text(400.0, 100.0, "Stato");
    k.text(50.0, 114.0, "1")
        .text(90.0, 114.0, "Rinnovo del parco")
        .text(260.0, 114.0, "Mario Rossi e")
        .text(400.0, 114.0, "aperto");
    k.text(90.0, 126.0, "automezzi comunali")
        .text(260.0, 126.0, "Anna Bianchi");
    k.text(50.0, 140.0, "2")
        .text(90.0, 140.0, "Nuovo portale web")
        .text(260.0, 140.0, "Luca Verdi")
        .text(400.0, 140.0, "chiuso");
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["N.", "Descrizione", "Responsabile", "Stato"],
            &[
                "1",
                "Rinnovo del parco automezzi comunali",
                "Mario Rossi e Anna Bianchi",
                "aperto"
            ],
            &["2", "Nuovo portale web", "Luca Verdi", "chiuso"],
        ])]
    );
}

#[test]
fn a_label_above_a_cell_set_at_the_top_is_a_row_of_its_own() {
    // Cells set at the top of their rows, wrapped over two or three lines;
    // a section label sits above the first row and above a later one,
    // narrower than the column and closer to the row below than to the
    // line above. One line above a row's figures and two or more below
    // them is no centred cell: the line above is the label.
    let mut k = Kit::new();
    line(&mut k, 100.0, "Voce", &["Riscosso", "Pagato"]);
    line(&mut k, 116.0, "Titolo I", &[]);
    line(&mut k, 128.0, "Arredi e", &["26,00", "77,00"]);
    line(&mut k, 140.0, "attrezzature", &[]);
    line(&mut k, 152.0, "comunali", &[]);
    line(&mut k, 172.0, "Entrate varie", &[]);
    line(&mut k, 184.0, "Contributi", &["79,00", "73,00"]);
    line(&mut k, 196.0, "alle culturali", &[]);
    line(&mut k, 208.0, "associazioni", &[]);
    line(&mut k, 225.0, "Sport", &["80,00", "10,00"]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Voce", "Riscosso", "Pagato"],
            &["Titolo I", "", ""],
            &["Arredi e attrezzature comunali", "26,00", "77,00"],
            &["Entrate varie", "", ""],
            &["Contributi alle culturali associazioni", "79,00", "73,00"],
            &["Sport", "80,00", "10,00"],
        ])]
    );
}

#[test]
fn keys_and_values_side_by_side_one_line_each_are_rows() {
    // Two key/value pairs a line, each value as wide as its column and
    // its next key too long to have fitted beside it: every column reads
    // as wrapping into the next line, which would leave one row (no
    // table). A line that sets all the columns again begins a row.
    let mut k = Kit::new();
    let lines: [[&str; 4]; 3] = [
        [
            "UFFICIO",
            "UFFICIO LAVORI PUBBLICI",
            "REFERENTE",
            "NERI PAOLO",
        ],
        [
            "AREA",
            "AREA TECNICA DEL TERRITORIO",
            "SOSTITUTO",
            "VERDI ANNA",
        ],
        ["CATEGORIA", "ORDINARIO", "PRIORITÀ", "ALTA"],
    ];
    for (i, l) in lines.iter().enumerate() {
        let y = 100.0 + 11.5 * i as f32;
        for (x, t) in [40.0, 100.0, 290.0, 350.0].into_iter().zip(l) {
            k.text(x, y, t);
        }
    }
    assert_eq!(
        grids(&k.page),
        vec![rows(&[&lines[0], &lines[1], &lines[2]])]
    );
}

#[test]
fn a_lower_case_line_that_nearly_fills_the_column_goes_on_the_cell() {
    // "Istruzione" and "primaria" together would not have fitted in the
    // column but for a share of it (`wrap_slack`): the text goes on.
    let mut k = Kit::new();
    line(&mut k, 100.0, "Settore", &["Importo"]);
    line(&mut k, 114.0, "Manutenzione strade", &["33.086,70"]);
    line(&mut k, 128.0, "Istruzione", &["66.057,68"]);
    line(&mut k, 140.0, "primaria", &[""]);
    line(&mut k, 156.0, "Sport", &["45.030,41"]);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Settore", "Importo"],
            &["Manutenzione strade", "33.086,70"],
            &["Istruzione primaria", "66.057,68"],
            &["Sport", "45.030,41"],
        ])]
    );
}

//! Three forms of tables without lines: values of two rows on two lines
//! beside texts as wide as their column, a section label right under the
//! header, a group label centred over two columns.

use super::*;

/// Sets `text` so that it ends at `x1`.
fn right(k: &mut Kit, x1: f32, y: f32, text: &str) {
    k.text(x1 - Kit::width(text), y, text);
}

#[test]
fn values_on_two_lines_in_different_columns_are_two_rows() {
    // The same item twice, its amount in a different column each time:
    // the texts fill their column, but a row's cells sit on one line, so
    // the second line is a row of its own.
    let mut k = Kit::new();
    k.text(50.0, 100.0, "Voce");
    right(&mut k, 250.0, 100.0, "Previsto");
    right(&mut k, 330.0, 100.0, "Pagato");
    k.text(50.0, 112.0, "Manutenzione del verde");
    right(&mut k, 250.0, 112.0, "1.200,00");
    k.text(50.0, 124.0, "Manutenzione del verde");
    right(&mut k, 330.0, 124.0, "340,00");
    k.text(50.0, 136.0, "Scuole");
    right(&mut k, 250.0, 136.0, "800,00");
    right(&mut k, 330.0, 136.0, "95,00");
    k.text(50.0, 148.0, "Totale");
    right(&mut k, 250.0, 148.0, "2.000,00");
    right(&mut k, 330.0, 148.0, "435,00");
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Voce", "Previsto", "Pagato"],
            &["Manutenzione del verde", "1.200,00", ""],
            &["Manutenzione del verde", "", "340,00"],
            &["Scuole", "800,00", "95,00"],
            &["Totale", "2.000,00", "435,00"],
        ])]
    );
}

#[test]
fn a_section_label_under_the_header_opens_the_body() {
    // A label from the left edge right under the header line runs under
    // the labels of two columns: no wrapped header label, a row of its own.
    let mut k = Kit::new();
    k.text(50.0, 100.0, "Cod.").text(90.0, 100.0, "Descrizione");
    right(&mut k, 260.0, 100.0, "Importo");
    k.text(50.0, 113.0, "Spese correnti del settore");
    for (y, code, what, amount) in [
        (125.0, "01", "Cancelleria", "150,00"),
        (137.0, "02", "Carburante", "980,00"),
        (149.0, "03", "Pulizie", "1.300,00"),
    ] {
        k.text(50.0, y, code).text(90.0, y, what);
        right(&mut k, 260.0, y, amount);
    }
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Cod.", "Descrizione", "Importo"],
            &["Spese correnti del settore", "", ""],
            &["01", "Cancelleria", "150,00"],
            &["02", "Carburante", "980,00"],
            &["03", "Pulizie", "1.300,00"],
        ])]
    );
}

/// "Cassa" centred over "Stanziamento" and "Pagato" together, off the
/// centre of either (it reaches into the gap between them without crossing
/// it), `above` points over the line of column labels.
fn group_label_spans(above: f32) {
    let mut k = Kit::new();
    k.centred(236.0, 112.0 - above, "Cassa");
    k.text(50.0, 112.0, "Voce");
    right(&mut k, 240.0, 112.0, "Stanziamento");
    k.text(262.0, 112.0, "Pagato");
    for (y, what, a, b) in [
        (124.0, "Affitti", "1.000,00", "500,00"),
        (136.0, "Utenze", "2.400,00", "610,00"),
        (148.0, "Pulizie", "900,00", "870,00"),
    ] {
        k.text(50.0, y, what).text(262.0, y, b);
        right(&mut k, 240.0, y, a);
    }
    let tables = crate::find(&k.page, &Settings::default());
    assert_eq!(tables.len(), 1);
    let spans: Vec<(u32, u32, u32)> = tables[0]
        .cells
        .iter()
        .filter(|c| c.text == "Cassa")
        .map(|c| (c.row, c.col, c.col_span))
        .collect();
    assert_eq!(spans, vec![(0, 1, 2)]);
    assert_eq!(
        crate::grid(&tables[0]).get(1).cloned(),
        Some(vec![
            "Voce".to_string(),
            "Stanziamento".into(),
            "Pagato".into()
        ])
    );
}

#[test]
fn a_group_label_centred_over_two_columns_spans_them() {
    group_label_spans(12.0);
}

#[test]
fn a_group_label_set_a_row_above_the_column_labels_heads_them() {
    // Further above than a wrapped label's pitch (1.7 em), still within a
    // header's: the label is the header's first line, not a title.
    group_label_spans(17.0);
}

#[test]
fn in_a_table_that_centres_its_cells_a_one_line_row_ends_on_its_line() {
    // Row 1 sits on one line; row 2's task wraps over four lines, its
    // date and name centred beside them; row 3's name wraps around its
    // date, which shows that the table centres its cells. Row 2's first
    // line, which row 1's task would not have had room for, is row 2's.
    let mut k = Kit::new();
    let cols = [40.0, 260.0, 340.0, 440.0];
    let set = |k: &mut Kit, y: f32, cells: [&str; 4]| {
        for (x, t) in cols.iter().zip(cells) {
            if !t.is_empty() {
                k.text(*x, y, t);
            }
        }
    };
    set(
        &mut k,
        100.0,
        ["Attività", "Scadenza", "Referente", "Ufficio"],
    );
    set(
        &mut k,
        115.0,
        [
            "Verifica dei contratti in essere",
            "12/03/2025",
            "NERI PAOLO",
            "ECONOMATO",
        ],
    );
    set(
        &mut k,
        125.0,
        ["Predisposizione del nuovo capitolato", "", "", ""],
    );
    set(
        &mut k,
        135.0,
        [
            "di gara con i criteri ambientali",
            "",
            "",
            "UFFICIO CONTRATTI",
        ],
    );
    set(&mut k, 140.0, ["", "30/06/2025", "VERDI ANNA", ""]);
    set(
        &mut k,
        145.0,
        ["minimi e pubblicazione sul portale", "", "", "E APPALTI"],
    );
    set(&mut k, 155.0, ["della stazione appaltante", "", "", ""]);
    set(&mut k, 170.0, ["", "", "BIANCHI MARIA", ""]);
    set(
        &mut k,
        175.0,
        ["Stesura del piano", "15/09/2025", "", "SEGRETERIA"],
    );
    set(&mut k, 180.0, ["", "", "GRAZIA", ""]);
    let g = grids(&k.page);
    assert_eq!(g.len(), 1, "{g:?}");
    assert_eq!(
        g[0][1],
        [
            "Verifica dei contratti in essere",
            "12/03/2025",
            "NERI PAOLO",
            "ECONOMATO"
        ]
    );
    assert_eq!(
        g[0][2][0],
        "Predisposizione del nuovo capitolato di gara con i criteri ambientali \
         minimi e pubblicazione sul portale della stazione appaltante"
    );
}

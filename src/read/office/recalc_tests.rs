//! Tests of recalc.rs: LibreOffice's load rules and the evaluation of cells.

use super::*;

fn num(r: u32, c: u32, n: f64) -> (u32, u32, String, Option<CellValue>) {
    (r, c, n.to_string(), Some(CellValue::Number(n)))
}

/// Computes `formulas` (cell, text) on one sheet holding `cells`.
fn run(mut cells: Cells, formulas: &[((u32, u32), &str)]) -> Cells {
    let mut col = Collector::default();
    for (pos, f) in formulas {
        col.formula(*pos, f, None, true);
    }
    apply(&mut [("Foglio1", &mut cells)], &[col.formulas]);
    cells
}

fn text(cells: &Cells, r: u32, c: u32) -> Option<&str> {
    cells
        .iter()
        .find(|x| (x.0, x.1) == (r, c))
        .map(|x| x.2.as_str())
}

#[test]
fn libreoffice_load_rules() {
    use {Form::*, Saved::*};
    assert!(recomputed_on_load(Shared, Number, true));
    assert!(!recomputed_on_load(Normal, Number, false));
    assert!(!recomputed_on_load(Normal, Text, true));
    assert!(recomputed_on_load(Normal, Text, false));
    assert!(recomputed_on_load(Normal, Bool, true));
    assert!(recomputed_on_load(Normal, None, true));
    assert!(known_good(Some("Microsoft Excel")));
    assert!(known_good(Some("LibreOffice/7.4")));
    assert!(!known_good(Some("Apache POI")));
    assert!(!known_good(Option::None));
}

#[test]
fn cells_read_cells_computed_first_and_circles_are_err_522() {
    let cells = run(
        vec![num(0, 0, 2.0), num(1, 0, 3.0)],
        &[
            ((0, 1), "B2*10"),
            ((1, 1), "SUM(A1:A2)+A3"),
            ((2, 1), "B4"),
            ((3, 1), "B3"),
            ((4, 1), "IF(A1>1,\"sì\",B3)"),
        ],
    );
    assert_eq!(text(&cells, 0, 1), Some("50"));
    assert_eq!(text(&cells, 1, 1), Some("5"));
    assert_eq!(text(&cells, 2, 1), Some("Err:522"));
    assert_eq!(text(&cells, 3, 1), Some("Err:522"));
    assert_eq!(text(&cells, 4, 1), Some("sì"));
}

#[test]
fn a_chain_deeper_than_the_bound_is_computed_from_its_end() {
    // A1 = A2+1, A2 = A3+1, ... over three times MAX_DEPTH: computed
    // whole (no stack overflow, no value cut short).
    let n = (MAX_DEPTH * 3 + 7) as u32;
    let formulas: Vec<((u32, u32), String)> =
        (0..n).map(|r| ((r, 0), format!("A{}+1", r + 2))).collect();
    let refs: Vec<((u32, u32), &str)> = formulas.iter().map(|(p, f)| (*p, f.as_str())).collect();
    let cells = run(Vec::new(), &refs);
    assert_eq!(text(&cells, n - 1, 0), Some("1"));
    assert_eq!(text(&cells, 0, 0), Some(n.to_string().as_str()));
}

#[test]
fn a_circle_longer_than_the_bound_is_err_522() {
    let n = (MAX_DEPTH * 2 + 3) as u32;
    let formulas: Vec<((u32, u32), String)> = (0..n)
        .map(|r| ((r, 0), format!("A{}+1", (r + 1) % n + 1)))
        .collect();
    let refs: Vec<((u32, u32), &str)> = formulas.iter().map(|(p, f)| (*p, f.as_str())).collect();
    let cells = run(Vec::new(), &refs);
    assert!(cells.iter().all(|c| c.2 == "Err:522"), "{:?}", &cells[..3]);
    assert_eq!(cells.len(), n as usize);
}

#[test]
fn shared_formulas_move_with_their_cell() {
    let mut cells = vec![num(0, 0, 1.0), num(1, 0, 2.0), num(2, 0, 4.0)];
    let mut col = Collector::default();
    col.formula((0, 1), "A1*$A$3", Some(0), true);
    col.shared((1, 1), 0, true);
    col.shared((2, 1), 0, false);
    apply(&mut [("Foglio1", &mut cells)], &[col.formulas]);
    assert_eq!(text(&cells, 0, 1), Some("4"));
    assert_eq!(text(&cells, 1, 1), Some("8"));
    assert_eq!(text(&cells, 2, 1), None);
}

#[test]
fn array_formulas_compute_a_matrix_and_show_it_over_their_range() {
    let mut cells = vec![
        num(0, 0, 1.0),
        num(0, 1, 4.0),
        num(1, 0, 3.0),
        num(2, 0, 5.0),
    ];
    let mut col = Collector::default();
    // Element by element over two ranges of one size.
    col.array((0, 2), "A1:A3*B1:B3+1", (2, 2));
    // Aggregates over a computed matrix: booleans count as 1.
    col.array((0, 3), "SUM((A1:A3>2)*1)+SUM(IF(A1:A3>2,A1:A3))", (0, 3));
    col.array((0, 4), "SUM(A1:A3>2)", (0, 4));
    // A one-row operand repeated down; a function of one value mapped.
    col.array((0, 5), "LEN(A1:A3&\"ab\")", (1, 5));
    apply(&mut [("Foglio1", &mut cells)], &[col.formulas]);
    assert_eq!(text(&cells, 0, 2), Some("5"));
    assert_eq!(text(&cells, 1, 2), Some("1"));
    assert_eq!(text(&cells, 2, 2), Some("1"));
    assert_eq!(text(&cells, 0, 3), Some("10"));
    assert_eq!(text(&cells, 0, 4), Some("2"));
    assert_eq!(text(&cells, 0, 5), Some("3"));
    assert_eq!(text(&cells, 1, 5), Some("3"));
    assert_eq!(text(&cells, 2, 5), None);
}

#[test]
fn an_array_formula_reading_its_own_range_is_err_522_and_unknown_functions_keep_saved() {
    let mut cells = vec![
        num(0, 0, 1.0),
        num(0, 1, 7.0),
        num(0, 2, 9.0),
        num(1, 1, 8.0),
    ];
    let mut col = Collector::default();
    col.array((0, 1), "B1:B2+A1", (1, 1));
    col.array((0, 2), "ISOWEEKNUM(A1:A2)", (0, 2));
    apply(&mut [("Foglio1", &mut cells)], &[col.formulas]);
    assert_eq!(text(&cells, 0, 1), Some("Err:522"));
    assert_eq!(text(&cells, 0, 2), Some("9"));
}

#[test]
fn defined_names_read_as_their_ranges_and_a_range_meets_the_formula_s_row() {
    let mut cells = vec![num(0, 0, 10.0), num(1, 0, 20.0), num(2, 0, 5.0)];
    let ranges = [
        ("importi".to_owned(), ("Foglio1".to_owned(), (0, 0), (2, 0))),
        (
            "aliquota".to_owned(),
            ("Foglio1".to_owned(), (1, 0), (1, 0)),
        ),
    ];
    let names = formula::Names {
        ranges: ranges.into_iter().collect(),
        ..Default::default()
    };
    let mut col = Collector::with_names(names);
    for (pos, f) in [
        ((0, 1), "SUM(Importi)"),
        ((1, 1), "ALIQUOTA*2"),
        // A range of one column where one value is wanted: the cell in the
        // formula's row, and #VALUE! from a row it does not reach.
        ((2, 1), "Importi"),
        ((2, 2), "A1:A3*2"),
        ((5, 1), "Importi"),
        // A name no workbook part defines stays unknown: the saved value.
        ((6, 1), "Altro*2"),
    ] {
        col.formula(pos, f, None, true);
    }
    apply(&mut [("Foglio1", &mut cells)], &[col.formulas]);
    assert_eq!(text(&cells, 0, 1), Some("35"));
    assert_eq!(text(&cells, 1, 1), Some("40"));
    assert_eq!(text(&cells, 2, 1), Some("5"));
    assert_eq!(text(&cells, 2, 2), Some("10"));
    assert_eq!(text(&cells, 5, 1), Some("#VALORE!"));
    assert_eq!(text(&cells, 6, 1), None);
}

#[test]
fn structured_references_read_the_parts_of_a_table() {
    // `Movimenti` on A1:C5: a header row, three data rows, a totals row.
    let s = |r, c, x: &str| (r, c, x.to_owned(), None);
    let mut cells = vec![
        s(0, 0, "Voce"),
        s(0, 1, "Importo"),
        s(0, 2, "Doppio"),
        s(1, 0, "a"),
        num(1, 1, 10.0),
        s(2, 0, "b"),
        num(2, 1, 20.0),
        s(3, 0, "c"),
        num(3, 1, 30.5),
        s(4, 0, "Totale"),
    ];
    let table = super::super::structured::Table {
        sheet: "Foglio1".to_owned(),
        first: (0, 0),
        last: (4, 2),
        header_rows: 1,
        totals_rows: 1,
        columns: vec!["Voce".into(), "Importo".into(), "Doppio".into()],
    };
    let mut names = formula::Names::default();
    names.tables.insert("movimenti".to_owned(), table);
    let mut col = Collector::with_names(names);
    // The table's own row, in a formula shared down its column.
    col.formula((1, 2), "Movimenti[[#This Row],[Importo]]*2", Some(0), true);
    col.shared((2, 2), 0, true);
    col.shared((3, 2), 0, true);
    for (pos, f) in [
        ((4, 1), "SUM(Movimenti[Importo])"),
        ((7, 1), "SUM(movimenti[[Importo]:[Doppio]])"),
        ((8, 1), "Movimenti[[#Headers],[Importo]]"),
        ((9, 1), "ROWS(Movimenti[[#Headers],[#Data],[Importo]])"),
        ((10, 1), "COUNTA(Movimenti)"),
        ((11, 1), "SUM(Movimenti[@Importo])"),
        ((12, 1), "Movimenti[Importo]"),
        ((13, 1), "SUM(Movimenti[Manca])"),
    ] {
        col.formula(pos, f, None, true);
    }
    apply(&mut [("Foglio1", &mut cells)], &[col.formulas]);
    assert_eq!(text(&cells, 1, 2), Some("20"));
    assert_eq!(text(&cells, 3, 2), Some("61"));
    assert_eq!(text(&cells, 4, 1), Some("60,5"));
    assert_eq!(text(&cells, 7, 1), Some("181,5"));
    assert_eq!(text(&cells, 8, 1), Some("Importo"));
    assert_eq!(text(&cells, 9, 1), Some("4"));
    // The data rows: three of text, three of numbers, three computed.
    assert_eq!(text(&cells, 10, 1), Some("9"));
    // Its own row from out of the table, and one column where one value
    // is wanted from a row the table does not reach.
    assert_eq!(text(&cells, 11, 1), Some("#VALORE!"));
    assert_eq!(text(&cells, 12, 1), Some("#VALORE!"));
    // A column the table lacks: unknown, the saved value (none).
    assert_eq!(text(&cells, 13, 1), None);
}

#[test]
fn subtotal_leaves_out_the_subtotals_in_its_ranges() {
    // A1:A2 and A4:A5 groups, A3 and A6 their subtotals, A7 the whole
    // column's; A8 counts, A9 a variance (not evaluated), A10 one saved
    // subtotal that is not computed again, still left out by A11.
    let mut cells = vec![
        num(0, 0, 10.0),
        num(1, 0, 20.0),
        num(3, 0, 5.0),
        num(4, 0, 7.0),
        num(9, 1, 100.0),
    ];
    let mut col = Collector::default();
    for (pos, f) in [
        ((2, 0), "SUBTOTAL(9,A1:A2)"),
        ((5, 0), "SUBTOTAL(109,A4:A5)"),
        ((6, 0), "SUBTOTAL(9,A1:A6)"),
        ((7, 0), "SUBTOTAL(2,A1:A6)"),
        ((8, 0), "SUBTOTAL(7,A1:A6)"),
        ((10, 1), "SUBTOTAL(9,B1:B10)+SUM(B1:B10)"),
    ] {
        col.formula(pos, f, None, true);
    }
    col.formula((9, 1), "SUBTOTAL(9,A1:A2)", None, false);
    apply(&mut [("Foglio1", &mut cells)], &[col.formulas]);
    assert_eq!(text(&cells, 2, 0), Some("30"));
    assert_eq!(text(&cells, 5, 0), Some("12"));
    assert_eq!(text(&cells, 6, 0), Some("42"));
    assert_eq!(text(&cells, 7, 0), Some("4"));
    assert_eq!(text(&cells, 8, 0), None);
    assert_eq!(text(&cells, 10, 1), Some("100"));
}

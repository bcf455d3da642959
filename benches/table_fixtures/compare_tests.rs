//! Tests of the comparison on small hand-made tables and JSON.

use super::*;
use serde_json::{json, Value};

/// An atti table as `extract --json` prints it: cells given as (row, col,
/// row_span, col_span, text), each position 100 wide and 20 high.
fn table(
    mode: &str,
    rows: usize,
    cols: usize,
    cells: &[(usize, usize, usize, usize, &str)],
) -> Value {
    let mut grid = vec![vec![String::new(); cols]; rows];
    let mut list = Vec::new();
    for &(r, c, rs, cs, t) in cells {
        grid[r][c] = t.to_owned();
        list.push(json!({
            "row": r, "col": c, "row_span": rs, "col_span": cs, "text": t,
            "bbox": [c as f64 * 100.0, r as f64 * 20.0, (c + cs) as f64 * 100.0, (r + rs) as f64 * 20.0],
            "start": 0, "end": 0
        }));
    }
    json!({"mode": mode, "bbox": [0, 0, cols * 100, rows * 20], "rows": rows, "cols": cols,
           "cells": list, "grid": grid})
}

/// Every position of the grid a one-position cell.
fn plain(mode: &str, grid: &[&[&str]]) -> Value {
    let cells: Vec<(usize, usize, usize, usize, &str)> = grid
        .iter()
        .enumerate()
        .flat_map(|(r, row)| row.iter().enumerate().map(move |(c, t)| (r, c, 1, 1, *t)))
        .collect();
    table(mode, grid.len(), grid[0].len(), &cells)
}

fn output(tables: Vec<Value>) -> BTreeMap<u64, Vec<GotTable>> {
    let text = json!({"file": "x.pdf", "pages": [{"page": 1, "tables": tables}]}).to_string();
    parse_extract(&text).expect("well-formed output")
}

fn expected(extra: Value, grid: &[&[&str]]) -> Expected {
    let mut v =
        json!({"project": "p", "file": "f.pdf", "page": 1, "mode": "lattice", "grid": grid});
    for (k, x) in extra.as_object().expect("an object") {
        v[k] = x.clone();
    }
    parse_expected(&v.to_string()).expect("a well-formed expected line")
}

fn run(e: &Expected, tables: Vec<Value>) -> Outcome {
    let out = output(tables);
    best_match(e, out.get(&1).map_or(&[][..], Vec::as_slice)).expect("comparable")
}

#[test]
fn text_is_compared_without_spaces_leaders_or_line_end_hyphens() {
    assert_eq!(norm("car-\nnes de pescado"), "carnesdepescado");
    assert_eq!(norm("car-nes de pescado"), norm("carnes de pescado"));
    assert_eq!(norm("Total . . . . . ."), "Total");
    assert_eq!(norm("Violent crime .  .  . \n . ."), "Violentcrime");
    assert_eq!(norm("11,062 .6"), "11,062.6");
    assert_eq!(norm("1.5"), "1.5");
    assert_eq!(norm("\u{FB01}le"), "file");
    assert_eq!(norm("Others\u{00B9}"), "Others1");
    // A hyphen before a capital or a digit is content.
    assert_eq!(norm("Photocopiers -\nHeavy"), "Photocopiers-Heavy");
    assert_eq!(norm("G\u{2010}\n1/Lot 1"), "G\u{2010}1/Lot1");
    assert_ne!(norm("12.5"), norm("125"));
}

#[test]
fn the_same_grid_matches_every_cell() {
    let g: &[&[&str]] = &[&["Stato", "2023", "2024"], &["Avvio", "01/02", "03/04"]];
    let o = run(&expected(json!({}), g), vec![plain("lattice", g)]);
    assert!(o.all_match, "{o:?}");
    assert_eq!((o.right, o.total), (6, 6));
    assert_eq!(o.got_shape, Some((2, 3)));
    assert_eq!(o.got_mode.as_deref(), Some("lattice"));
}

#[test]
fn a_wrong_cell_is_counted_and_named() {
    let e = expected(
        json!({}),
        &[&["Fase", "Inizio"], &["Analisi", "01/02/2024"]],
    );
    let o = run(
        &e,
        vec![plain(
            "stream",
            &[&["Fase", "Inizio"], &["Analisi", "01/02/2025"]],
        )],
    );
    assert!(!o.all_match);
    assert_eq!((o.right, o.total), (3, 4));
    let d = o.first_difference.expect("a difference");
    assert!(
        d.contains("row 2 col 2") && d.contains("01/02/2024") && d.contains("01/02/2025"),
        "{d}"
    );
}

#[test]
fn a_merged_cell_may_hold_its_text_anywhere_in_its_span() {
    // camelot's stream puts a group header in the column where it sits;
    // atti merges it over three columns and keeps it at the top-left.
    let e = expected(json!({}), &[&["", "Total", ""], &["a", "b", "c"]]);
    let merged = table(
        "lattice",
        2,
        3,
        &[
            (0, 0, 1, 3, "Total"),
            (1, 0, 1, 1, "a"),
            (1, 1, 1, 1, "b"),
            (1, 2, 1, 1, "c"),
        ],
    );
    let o = run(&e, vec![merged]);
    assert!(o.all_match, "{o:?}");
    assert_eq!((o.right, o.total), (6, 6));
    // Without the merge the text is in another column: wrong.
    let loose = plain("lattice", &[&["Total", "", ""], &["a", "b", "c"]]);
    assert!(!run(&e, vec![loose]).all_match);
    // A merge over two texts is wrong too.
    let e2 = expected(json!({}), &[&["x", "y", ""], &["a", "b", "c"]]);
    let over = table(
        "lattice",
        2,
        3,
        &[
            (0, 0, 1, 3, "x y"),
            (1, 0, 1, 1, "a"),
            (1, 1, 1, 1, "b"),
            (1, 2, 1, 1, "c"),
        ],
    );
    assert!(!run(&e2, vec![over]).all_match);
}

#[test]
fn expected_spans_join_positions_too() {
    // ICDAR: a header over columns 1-2 at its start column; atti puts it,
    // unmerged, in column 2.
    let e = expected(
        json!({"spans": [[0, 1, 1, 2]]}),
        &[&["", "Fused", ""], &["Country", "2009", "2010"]],
    );
    let o = run(
        &e,
        vec![plain(
            "stream",
            &[&["", "", "Fused"], &["Country", "2009", "2010"]],
        )],
    );
    assert!(o.all_match, "{o:?}");
}

#[test]
fn empty_rows_and_columns_are_dropped_on_each_side() {
    let e = expected(
        json!({}),
        &[&["", "a", "b"], &["", "", ""], &["", "1", "2"]],
    );
    let o = run(
        &e,
        vec![plain("lattice", &[&["a", "b", " "], &["1", "2", ""]])],
    );
    assert!(o.all_match, "{o:?}");
    assert_eq!(o.expected_shape, (2, 2));
}

#[test]
fn an_area_crops_atti_s_table_by_cell_centre() {
    // The upstream test read rows 1-2 only (y 20..60); atti's table has a
    // title row above.
    let e = expected(
        json!({"area": [0, 20, 300, 60]}),
        &[&["a", "b"], &["1", "2"]],
    );
    let g = plain("lattice", &[&["Title", ""], &["a", "b"], &["1", "2"]]);
    let o = run(&e, vec![g.clone()]);
    assert!(o.all_match, "{o:?}");
    assert_eq!(o.cut, 1);
    let whole = expected(json!({}), &[&["a", "b"], &["1", "2"]]);
    assert!(!run(&whole, vec![g]).all_match);
}

#[test]
fn wrapped_rows_and_a_header_over_lines_are_read_as_atti_keeps_them() {
    // health.pdf as camelot's stream writes it: one row per line of text.
    let e = expected(
        json!({"join_rows": [[4, 5]], "header_rows": 3, "group_headers": [[0, 1]]}),
        &[
            &["State", "Revenue", "", "Total"],
            &["", "Medical &", "Family", "Revenue &"],
            &["", "Health", "Welfare", "Capital"],
            &["Assam", "1", "2", "3"],
            &["Andhra", "4", "5", "6"],
            &["Pradesh", "", "", ""],
        ],
    );
    let atti = table(
        "stream",
        4,
        4,
        &[
            (0, 0, 2, 1, "State"),
            (0, 1, 1, 2, "Revenue"),
            (0, 3, 2, 1, "Total Revenue & Capital"),
            (1, 1, 1, 1, "Medical & Health"),
            (1, 2, 1, 1, "Family Welfare"),
            (2, 0, 1, 1, "Assam"),
            (2, 1, 1, 1, "1"),
            (2, 2, 1, 1, "2"),
            (2, 3, 1, 1, "3"),
            (3, 0, 1, 1, "Andhra Pradesh"),
            (3, 1, 1, 1, "4"),
            (3, 2, 1, 1, "5"),
            (3, 3, 1, 1, "6"),
        ],
    );
    let o = run(&e, vec![atti]);
    assert!(o.all_match, "{o:?}");
    // header (4 columns) + 1 group + 2 rows × 4.
    assert_eq!((o.right, o.total), (13, 13));
    // The group header not merged over its columns: wrong.
    let flat = table(
        "stream",
        4,
        4,
        &[
            (0, 0, 2, 1, "State"),
            (0, 1, 1, 1, "Revenue"),
            (0, 3, 2, 1, "Total Revenue & Capital"),
            (1, 1, 1, 1, "Medical & Health"),
            (1, 2, 1, 1, "Family Welfare"),
            (2, 0, 1, 1, "Assam"),
            (2, 1, 1, 1, "1"),
            (2, 2, 1, 1, "2"),
            (2, 3, 1, 1, "3"),
            (3, 0, 1, 1, "Andhra Pradesh"),
            (3, 1, 1, 1, "4"),
            (3, 2, 1, 1, "5"),
            (3, 3, 1, 1, "6"),
        ],
    );
    let o = run(&e, vec![flat]);
    assert!(!o.all_match);
    // Lines of a wrapped row left apart by atti: wrong.
    let split = plain(
        "stream",
        &[
            &[
                "State",
                "Medical & Health",
                "Family Welfare",
                "Total Revenue & Capital",
            ],
            &["Assam", "1", "2", "3"],
            &["Andhra", "4", "5", "6"],
            &["Pradesh", "", "", ""],
        ],
    );
    assert!(!run(&e, vec![split]).all_match);
}

#[test]
fn a_missing_row_is_a_shape_difference_with_the_rest_counted() {
    let e = expected(json!({}), &[&["a", "1"], &["b", "2"], &["c", "3"]]);
    let o = run(&e, vec![plain("stream", &[&["a", "1"], &["c", "3"]])]);
    assert!(!o.all_match);
    assert_eq!((o.right, o.total), (4, 6));
    let d = o.first_difference.expect("a difference");
    assert!(d.contains("shape 3×2") && d.contains("«b | 2»"), "{d}");
}

#[test]
fn the_best_of_the_page_s_tables_is_taken() {
    let e = expected(json!({}), &[&["x", "y"], &["1", "2"]]);
    let o = run(
        &e,
        vec![
            plain("stream", &[&["p", "q"], &["9", "8"]]),
            plain("lattice", &[&["x", "y"], &["1", "2"]]),
        ],
    );
    assert!(o.all_match);
    assert_eq!(o.got_mode.as_deref(), Some("lattice"));
}

#[test]
fn no_table_is_a_failure_not_an_error() {
    let e = expected(json!({}), &[&["x", "y"]]);
    let o = run(&e, vec![]);
    assert!(!o.all_match);
    assert_eq!((o.right, o.total), (0, 2));
    assert_eq!(o.got_shape, None);
}

#[test]
fn malformed_output_is_an_error() {
    let ok = r#"{"file":"x.pdf","pages":[{"page":1,"tables":[{"mode":"stream","bbox":[0,0,10,10],"rows":1,"cols":2,
        "cells":[{"row":0,"col":0,"row_span":1,"col_span":1,"text":"a","bbox":[0,0,5,10]},
                 {"row":0,"col":1,"row_span":1,"col_span":1,"text":"b","bbox":[5,0,10,10]}],
        "grid":[["a","b"]]}]}]}"#;
    let pages = parse_extract(ok).expect("well-formed");
    assert_eq!(
        pages[&1][0].grid,
        vec![vec!["a".to_owned(), "b".to_owned()]]
    );
    let bad = [
        ("not JSON", "{\"pages\": ["),
        ("no pages", r#"{"file":"x.pdf"}"#),
        (
            "grid of the wrong width",
            &ok.replace(r#"[["a","b"]]"#, r#"[["a"]]"#),
        ),
        (
            "grid of the wrong height",
            &ok.replace(r#""rows":1"#, r#""rows":2"#),
        ),
        (
            "cell outside",
            &ok.replace(r#""col":1,"row_span":1"#, r#""col":2,"row_span":1"#),
        ),
        (
            "text without a cell",
            &ok.replace(
                r#"{"row":0,"col":1,"row_span":1,"col_span":1,"text":"b","bbox":[5,0,10,10]}"#,
                r#"{"row":0,"col":0,"row_span":1,"col_span":1,"text":"a","bbox":[0,0,5,10]}"#,
            ),
        ),
        ("no cells", &ok.replace(r#""cells""#, r#""cellz""#)),
        (
            "box of three",
            &ok.replace(r#""bbox":[0,0,10,10]"#, r#""bbox":[0,0,10]"#),
        ),
        (
            "page not a number",
            &ok.replace(r#""page":1"#, r#""page":"1""#),
        ),
    ];
    for (why, text) in bad {
        assert!(parse_extract(text).is_err(), "{why} was accepted");
    }
}

#[test]
fn malformed_expected_lines_are_errors() {
    for line in [
        r#"{"project":"p","file":"f","page":1,"mode":"stream","grid":[]}"#,
        r#"{"project":"p","file":"f","page":1,"mode":"stream","grid":[["a"]],"join_rows":[[0,3]]}"#,
        r#"{"project":"p","file":"f","page":1,"mode":"stream","grid":[["a"]],"spans":[[0,0,2,1]]}"#,
        r#"{"project":"p","file":"f","page":1,"mode":"stream","grid":[["a","b"],["c"]]}"#,
        r#"{"file":"f","page":1,"mode":"stream","grid":[["a"]]}"#,
    ] {
        assert!(parse_expected(line).is_err(), "{line} was accepted");
    }
    // A table with no text at all cannot be compared.
    let e = expected(json!({}), &[&["", " "]]);
    assert!(best_match(&e, &[]).is_err());
}

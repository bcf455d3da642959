use super::grid::{aggregate, item_order};
use super::*;
use crate::read::office::cell_text::number_text;

/// A source on sheet `Fonte`, A1:C5: an office, a year and an amount.
fn source() -> Cells {
    let rows: [(&str, f64, f64); 4] = [
        ("Tributi", 2024.0, 7.0),
        ("anagrafe", 2023.0, 2.0),
        ("Tributi", 2023.0, 1.0),
        ("anagrafe", 2024.0, 4.5),
    ];
    let mut cells: Cells = vec![
        (0, 0, "Ufficio".into(), None),
        (0, 1, "Anno".into(), None),
        (0, 2, "Spesa".into(), None),
    ];
    for (i, (office, year, amount)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        cells.push((r, 0, (*office).into(), None));
        cells.push((r, 1, number_text(*year), Some(CellValue::Number(*year))));
        cells.push((r, 2, number_text(*amount), Some(CellValue::Number(*amount))));
    }
    cells
}

fn plan(rows: Vec<i64>, cols: Vec<i64>, data: Vec<(i64, Option<String>, String)>) -> Plan {
    let d = Definition {
        location: Some((0, 5)),
        location_end: Some((5, 7)),
        total_row: true,
        total_col: true,
        rows,
        cols,
        data,
        ..Definition::default()
    };
    let cache = Cache {
        names: vec!["Ufficio".into(), "Anno".into(), "Spesa".into()],
        items: vec![Vec::new(); 3],
        source: Some(("Fonte".into(), (0, 0), (4, 2))),
        source_name: None,
    };
    Plan::new(&d, cache).unwrap()
}

fn grid(outs: &[Out]) -> Vec<((u32, u32), String)> {
    let mut g: Vec<_> = outs.iter().map(|o| (o.at, o.text.clone())).collect();
    g.sort();
    g
}

/// Whether the table has `text` at `at`.
fn has(g: &[((u32, u32), String)], at: (u32, u32), text: &str) -> bool {
    g.iter().any(|(a, t)| *a == at && t == text)
}

#[test]
fn a_table_without_a_listed_order_sorts_its_items_ascending_without_regard_to_case() {
    let p = plan(vec![0], vec![], vec![(2, None, "sum".into())]);
    let outs = p.lay_out(&source()).unwrap();
    let want: Vec<((u32, u32), &str)> = vec![
        ((0, 5), "Ufficio"),
        ((0, 6), "Somma - Spesa"),
        ((1, 5), "anagrafe"),
        ((1, 6), "6,5"),
        ((2, 5), "Tributi"),
        ((2, 6), "8"),
        ((3, 5), "Totale Risultato"),
        ((3, 6), "14,5"),
    ];
    let got = grid(&outs);
    assert_eq!(
        got.iter()
            .map(|(a, t)| (*a, t.as_str()))
            .collect::<Vec<_>>(),
        want
    );
    let total = outs.iter().find(|o| o.at == (3, 5)).unwrap();
    assert!(total.caption);
    assert_eq!(
        outs.iter().find(|o| o.at == (3, 6)).unwrap().value,
        Some(CellValue::Number(14.5))
    );
}

#[test]
fn a_column_field_s_items_head_the_values_and_a_total_column_closes_them() {
    let p = plan(
        vec![0],
        vec![1],
        vec![(2, Some("Spesa".into()), "max".into())],
    );
    let outs = p.lay_out(&source()).unwrap();
    let g = grid(&outs);
    // The data field's name at the first cell, the column field's over its items.
    assert!(has(&g, (0, 5), "Spesa"));
    assert!(has(&g, (0, 6), "Anno"));
    assert!(has(&g, (1, 6), "2023") && has(&g, (1, 7), "2024"));
    assert!(has(&g, (1, 8), "Totale Risultato"));
    assert!(has(&g, (1, 5), "Ufficio"));
    // anagrafe: 2 in 2023, 4,5 in 2024, the largest 4,5.
    assert!(has(&g, (2, 6), "2") && has(&g, (2, 8), "4,5"));
    // The year items keep their numbers.
    let year = outs.iter().find(|o| o.at == (1, 6)).unwrap();
    assert_eq!(year.value, Some(CellValue::Number(2023.0)));
}

#[test]
fn a_tabular_outer_field_puts_its_first_inner_item_beside_it_and_its_subtotal_after() {
    let mut p = plan(vec![0, 1], vec![], vec![(2, None, "count".into())]);
    p.d.field_outline = vec![false, false, false];
    let g = grid(&p.lay_out(&source()).unwrap());
    assert!(has(&g, (1, 5), "anagrafe") && has(&g, (1, 6), "2023"));
    assert!(has(&g, (2, 6), "2024"));
    assert!(has(&g, (3, 5), "anagrafe Risultato") && has(&g, (3, 7), "2"));
    // Without subtotals, no row after the inner items.
    p.d.field_subtotal = vec![false, true, true];
    let g = grid(&p.lay_out(&source()).unwrap());
    assert!(has(&g, (3, 5), "Tributi"));
    assert!(!g
        .iter()
        .any(|(_, t)| t == "anagrafe Risultato" || t == "Tributi Risultato"));
}

#[test]
fn the_listed_order_hidden_items_and_a_descending_sort_are_followed() {
    let mut p = plan(vec![0], vec![], vec![(2, None, String::new())]);
    p.cache.items[0] = vec!["anagrafe".into(), "Tributi".into()];
    p.d.field_items = vec![vec![(1, false), (0, false)], Vec::new(), Vec::new()];
    let g = grid(&p.lay_out(&source()).unwrap());
    assert!(has(&g, (1, 5), "Tributi") && has(&g, (2, 5), "anagrafe"));
    p.d.field_items[0][1].1 = true;
    let g = grid(&p.lay_out(&source()).unwrap());
    assert!(has(&g, (2, 5), "Totale Risultato") && has(&g, (2, 6), "8"));
    p.d.field_items[0].clear();
    p.d.field_sort = vec![Some(false), None, None];
    let g = grid(&p.lay_out(&source()).unwrap());
    assert!(has(&g, (1, 5), "Tributi") && has(&g, (2, 5), "anagrafe"));
}

#[test]
fn listed_number_items_are_matched_by_value_not_by_their_shown_text() {
    // Years shown as `2.023` by a thousands format: the cache lists 2024 first.
    let mut cells = source();
    for cell in cells.iter_mut().filter(|c| c.1 == 1 && c.0 > 0) {
        cell.2 = cell.2.replace("202", "2.02");
    }
    let mut p = plan(vec![1], vec![], vec![(2, None, String::new())]);
    p.cache.items[1] = vec!["2023".into(), "2024".into()];
    p.d.field_items = vec![Vec::new(), vec![(1, false), (0, false)], Vec::new()];
    let g = grid(&p.lay_out(&cells).unwrap());
    assert!(has(&g, (1, 5), "2.024") && has(&g, (2, 5), "2.023"));
    // The page field's selected year, shown as its cells show it.
    p.d.pages = vec![(1, Some(0))];
    p.d.location = Some((3, 5));
    let g = grid(&p.lay_out(&cells).unwrap());
    assert!(has(&g, (1, 5), "Anno") && has(&g, (1, 6), "2.023"));
    assert!(has(&g, (4, 5), "2.023") && !has(&g, (5, 5), "2.024"));
}

#[test]
fn several_data_fields_beside_a_column_field_take_a_column_each_under_each_item() {
    let two = vec![
        (2, Some("Spesa".into()), String::new()),
        (2, None, "count".into()),
    ];
    let g = grid(&plan(vec![0], vec![1, -2], two).lay_out(&source()).unwrap());
    assert!(has(&g, (0, 6), "Anno") && has(&g, (0, 7), "Dati") && !has(&g, (0, 5), "Spesa"));
    assert!(has(&g, (1, 6), "2023") && has(&g, (1, 8), "2024"));
    assert!(has(&g, (2, 6), "Spesa") && has(&g, (2, 7), "ContaNumeri - Spesa"));
    assert!(has(&g, (1, 10), "Totale Spesa") && has(&g, (1, 11), "Totale ContaNumeri - Spesa"));
    assert!(has(&g, (2, 5), "Ufficio"));
    // anagrafe: 2 in 2023 (one record), 6,5 in all (two records).
    assert!(
        has(&g, (3, 6), "2")
            && has(&g, (3, 7), "1")
            && has(&g, (3, 10), "6,5")
            && has(&g, (3, 11), "2")
    );
    assert!(!g.iter().any(|(_, t)| t == "2023 Risultato"));
}

#[test]
fn shapes_it_does_not_lay_out_give_none() {
    let two = vec![(2, None, String::new()), (1, None, "count".into())];
    // Several data fields in columns beside two column fields.
    assert_eq!(plan(vec![0], vec![1, 2, -2], two).lay_out(&source()), None);
    // A field past the source's columns.
    assert_eq!(
        plan(vec![7], vec![], vec![(2, None, String::new())]).lay_out(&source()),
        None
    );
    // No row field.
    assert_eq!(
        plan(vec![], vec![1], vec![(2, None, String::new())]).lay_out(&source()),
        None
    );
}

#[test]
fn functions_read_as_a_pivot_table_computes_them() {
    let v = |number: Option<f64>, empty: bool| Val {
        key: String::new(),
        number,
        empty,
        cached: String::new(),
    };
    let vals = [
        v(Some(2.0), false),
        v(Some(4.0), false),
        v(None, false),
        v(None, true),
    ];
    let refs: Vec<&Val> = vals.iter().collect();
    assert_eq!(aggregate("", &refs), Some(6.0));
    assert_eq!(aggregate("count", &refs), Some(3.0));
    assert_eq!(aggregate("countNums", &refs), Some(2.0));
    assert_eq!(aggregate("average", &refs), Some(3.0));
    assert_eq!(aggregate("max", &refs), Some(4.0));
    assert_eq!(aggregate("product", &refs), Some(8.0));
    assert_eq!(aggregate("var", &refs), Some(2.0));
    assert_eq!(aggregate("varp", &refs), Some(1.0));
    let text = [v(None, false)];
    let refs: Vec<&Val> = text.iter().collect();
    assert_eq!(aggregate("min", &refs), Some(0.0));
    assert_eq!(aggregate("average", &refs), None);
}

#[test]
fn items_order_numbers_then_text_then_the_empty_item() {
    let v = |key: &str, number: Option<f64>, empty: bool| Val {
        key: key.into(),
        number,
        empty,
        cached: key.into(),
    };
    let mut items = [
        v("(vuoto)", None, true),
        v("beta", None, false),
        v("10", Some(10.0), false),
        v("Alfa", None, false),
        v("9", Some(9.0), false),
    ];
    items.sort_by(item_order);
    let keys: Vec<&str> = items.iter().map(|v| v.key.as_str()).collect();
    assert_eq!(keys, ["9", "10", "Alfa", "beta", "(vuoto)"]);
}

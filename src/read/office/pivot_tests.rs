use super::*;

fn one_row_field(data: Vec<(i64, Option<String>, String)>) -> Definition {
    Definition {
        location: Some((2, 0)),
        location_end: Some((5, 1)),
        total_row: true,
        total_col: true,
        first_data_col: Some(1),
        compact: true,
        field_compact: vec![true; 3],
        rows: vec![0],
        data,
        ..Definition::default()
    }
}

fn data_on_rows_outline() -> Definition {
    Definition {
        location: Some((0, 7)),
        location_end: Some((8, 9)),
        total_row: true,
        total_col: true,
        first_data_col: Some(2),
        compact: false,
        field_compact: vec![false; 3],
        rows: vec![0, -2],
        data: vec![
            (2, Some("Somma di Importo".into()), String::new()),
            (2, None, "max".into()),
        ],
        ..Definition::default()
    }
}

#[test]
fn data_fields_on_rows_get_libreoffice_s_header_words() {
    let t = layout(&data_on_rows_outline(), &names()).unwrap();
    assert_eq!(t.shift_down, None);
    assert!(t.labels.contains(&Label::over((0, 7), "Servizio".into())));
    assert!(t.labels.contains(&Label::over((0, 8), "Dati".into())));
    let totals: Vec<_> = t.labels.iter().filter(|l| l.only_if_empty).collect();
    assert_eq!(totals.len(), 2);
    assert_eq!(
        (totals[0].at, totals[0].text.as_str()),
        ((7, 7), "Totale Somma di Importo")
    );
    assert_eq!(
        (totals[1].at, totals[1].text.as_str()),
        ((8, 7), "Totale Max - Importo")
    );
}

#[test]
fn data_fields_on_rows_of_a_compact_table_or_out_of_place_are_left_as_the_file_holds_them() {
    let mut d = data_on_rows_outline();
    d.compact = true;
    d.field_compact = vec![true; 3];
    assert_eq!(layout(&d, &names()), None);
    let mut d = data_on_rows_outline();
    d.first_data_col = Some(1);
    assert_eq!(layout(&d, &names()), None);
    // A location too small for its grand totals gets no caption there.
    let mut d = data_on_rows_outline();
    d.location_end = Some((1, 9));
    let t = layout(&d, &names()).unwrap();
    assert!(t.labels.iter().all(|l| !l.only_if_empty));
}

fn names() -> Vec<String> {
    ["Servizio", "Anno", "Importo"].map(String::from).to_vec()
}

#[test]
fn an_unnamed_data_field_is_named_by_its_function_as_libreoffice_does() {
    let t = layout(&one_row_field(vec![(2, None, "average".into())]), &names()).unwrap();
    assert!(t
        .labels
        .contains(&Label::over((2, 1), "Media - Importo".into())));
    assert!(t.labels.contains(&Label::over((2, 0), "Servizio".into())));
    let named = layout(
        &one_row_field(vec![(2, Some("Spesa media".into()), "average".into())]),
        &names(),
    )
    .unwrap();
    assert!(named
        .labels
        .contains(&Label::over((2, 1), "Spesa media".into())));
}

#[test]
fn a_grand_total_caption_fills_only_an_empty_cell_and_only_when_shown() {
    let mut d = one_row_field(vec![(2, None, "sum".into())]);
    let t = layout(&d, &names()).unwrap();
    let caption = t.labels.iter().find(|l| l.at == (5, 0)).unwrap();
    assert_eq!(caption.text, "Totale Risultato");
    assert!(caption.only_if_empty);
    d.total_row = false;
    let t = layout(&d, &names()).unwrap();
    assert!(t.labels.iter().all(|l| l.at != (5, 0)));
}

#[test]
fn several_data_fields_side_by_side_move_the_table_down_under_a_row_naming_them() {
    let mut d = one_row_field(vec![(1, None, "count".into()), (2, None, "sum".into())]);
    d.cols = vec![-2];
    d.location_end = Some((5, 2));
    let t = layout(&d, &names()).unwrap();
    assert_eq!(t.shift_down, Some((2, 5, 0, 2)));
    assert!(t.labels.contains(&Label::over((2, 1), "Dati".into())));
    assert!(t
        .labels
        .contains(&Label::over((3, 1), "ContaNumeri - Anno".into())));
    assert!(t
        .labels
        .contains(&Label::over((3, 2), "Somma - Importo".into())));
    assert!(t.labels.iter().any(|l| l.at == (6, 0) && l.only_if_empty));
    // On rows (the data fields' own field a row field) LibreOffice lays
    // the table out otherwise: not given.
    d.cols.clear();
    d.rows.push(-2);
    assert!(layout(&d, &names()).is_none());
}

#[test]
fn a_compact_table_of_two_row_fields_gives_each_field_a_column() {
    let mut d = one_row_field(vec![(2, Some("Somma di Importo".into()), "sum".into())]);
    d.rows = vec![0, 1];
    d.first_data_row = Some(1);
    // Anagrafe, its 2022 below, Tributi, the grand total.
    d.row_items = vec![(0, 1, false), (1, 1, false), (0, 1, false), (0, 1, true)];
    let t = layout(&d, &names()).unwrap();
    assert_eq!(t.shift_right, Some((2, 5, 1, 1, 1)));
    assert_eq!(t.moves, vec![((4, 0), (4, 1))]);
    assert!(t.labels.contains(&Label::over((2, 1), "Anno".into())));
    assert!(t
        .labels
        .contains(&Label::over((2, 2), "Somma di Importo".into())));
    // Without its row items, where each label goes is not known.
    d.row_items.clear();
    assert!(layout(&d, &names()).is_none());
}

#[test]
fn a_definition_out_of_a_sheet_s_bounds_gives_nothing() {
    let mut d = one_row_field(vec![(2, None, "sum".into())]);
    d.location_end = Some((u32::MAX, 1));
    assert!(layout(&d, &names()).is_none());
    let mut d = one_row_field(vec![(2, None, "sum".into())]);
    d.rows = vec![0, 1];
    d.first_data_row = Some(u32::MAX);
    d.row_items = vec![(0, 1, false), (u32::MAX, u32::MAX, false)];
    assert!(layout(&d, &names()).is_none());
    d.first_data_row = Some(1);
    assert!(layout(&d, &names()).is_some());
}

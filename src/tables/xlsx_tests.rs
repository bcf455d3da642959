//! Tests of the xlsx writer: workbooks written, then read back with calamine.

use super::*;
use calamine::{Data, DataType, Reader, Xlsx};
use chrono::NaiveDate;
use std::io::Cursor;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

fn read(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook calamine reads")
}

fn book(tables: &[(TableId, Vec<Row>)]) -> Vec<u8> {
    let mut b = Workbook::new();
    for (t, rows) in tables {
        b.add_table(*t, rows).unwrap();
    }
    let mut out = Vec::new();
    b.write_to(&mut out).unwrap();
    out
}

/// A decision row: every cell type, and the values a spreadsheet would
/// guess wrong in a CSV file.
fn decision() -> Row {
    vec![
        text("571e8812"),
        text("=SI.txt"),
        text("Assemblea dei Sindaci"),
        text("deliberazione"),
        text("01"),
        Cell::Date(date(2021, 12, 1)),
        text("UFFICIO TECNICO"),
        text("085"),
        Cell::Date(date(2021, 11, 30)),
        text("@SUM(A1:A2) e\u{1}controllo _x0041_"),
        text("approvata"),
        Cell::Integer(9),
        Cell::Empty,
        Cell::Integer(7),
        Cell::Integer(-2),
        Cell::Integer(0),
        Cell::Boolean(true),
        Cell::Date(date(1865, 3, 20)),
        text("Corsico; Buccinasco"),
        text("Z1A2B3C4D5"),
        Cell::Empty,
        text("contract"),
        text("direct"),
        text("d.lgs. 36/2023 art. 50 c. 1 lett. b"),
        Cell::Empty,
        Cell::Money("12345.60".parse().unwrap()),
        text("commitment"),
        Cell::Empty,
    ]
}

#[test]
fn every_cell_keeps_its_type() {
    let mut no = decision();
    no[16] = Cell::Boolean(false);
    let bytes = book(&[(TableId::Decisions, vec![decision(), no])]);
    let mut wb = read(bytes);
    assert_eq!(wb.sheet_names(), ["Decisioni", LEGEND]);
    let range = wb.worksheet_range("Decisioni").unwrap();
    assert_eq!(range.get_size(), (3, 28));
    let labels: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let schema = TableId::Decisions.schema();
    assert_eq!(
        labels,
        schema.columns.iter().map(|c| c.label).collect::<Vec<_>>()
    );
    let row = &range.rows().nth(1).unwrap();
    assert_eq!(
        row[0],
        Data::String("571e8812".into()),
        "a doc_id stays text"
    );
    assert_eq!(
        row[1],
        Data::String("=SI.txt".into()),
        "no quote, no formula"
    );
    assert_eq!(row[4], Data::String("01".into()), "the leading zero stays");
    assert_eq!(row[6], Data::String("UFFICIO TECNICO".into()));
    assert_eq!(
        row[7],
        Data::String("085".into()),
        "an office number stays text"
    );
    assert_eq!(row[8].as_date(), Some(date(2021, 11, 30)));
    assert_eq!(row[5].as_date(), Some(date(2021, 12, 1)));
    assert!(row[5].is_datetime(), "{:?}", row[5]);
    assert_eq!(
        row[9],
        Data::String("@SUM(A1:A2) e\u{1}controllo _x0041_".into())
    );
    assert_eq!(row[11].as_f64(), Some(9.0));
    assert!(
        matches!(row[11], Data::Float(_) | Data::Int(_)),
        "{:?}",
        row[11]
    );
    assert_eq!(row[12], Data::Empty);
    assert_eq!(row[14].as_f64(), Some(-2.0));
    assert_eq!(row[16], Data::String("Sì".into()));
    assert_eq!(range.rows().nth(2).unwrap()[16], Data::String("No".into()));
    assert_eq!(
        row[17],
        Data::String("20/03/1865".into()),
        "before 1900: text"
    );
    assert_eq!(row[25], Data::Float(12345.6), "a sum of euro is a number");
    assert!(wb
        .worksheet_formula("Decisioni")
        .unwrap()
        .used_cells()
        .next()
        .is_none());
}

#[test]
fn decimals_are_numbers_and_the_legend_names_every_column() {
    let phase = vec![
        text("id"),
        text("a.pdf"),
        text("2021_Z001"),
        Cell::Integer(1),
        text("Fase"),
        Cell::Decimal(12.5),
        Cell::Date(date(2021, 1, 1)),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
    ];
    let bytes = book(&[(TableId::Phases, vec![phase]), (TableId::Failures, vec![])]);
    let mut wb = read(bytes);
    assert_eq!(
        wb.sheet_names(),
        ["Fasi", TableId::Failures.schema().label, LEGEND]
    );
    let fasi = wb.worksheet_range("Fasi").unwrap();
    assert_eq!(fasi.get((1, 5)), Some(&Data::Float(12.5)));
    let failures = wb
        .worksheet_range(TableId::Failures.schema().label)
        .unwrap();
    assert_eq!(
        failures.get_size(),
        (1, 3),
        "an empty table keeps its header"
    );
    let legend = wb.worksheet_range(LEGEND).unwrap();
    let rows: Vec<Vec<String>> = legend
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows[0], LEGEND_HEADERS);
    assert_eq!(rows.len(), 1 + 11 + 3);
    assert_eq!(
        rows[6],
        ["Fasi", "phases", "Peso %", "weight", "numero decimale"]
    );
    assert_eq!(
        rows[7],
        [
            "Fasi",
            "phases",
            "Inizio",
            "start_date",
            "data (gg/mm/aaaa)"
        ]
    );
    assert_eq!(
        rows[14],
        [
            "File non letti (errori)",
            "failures",
            "Motivo",
            "reason",
            "testo"
        ]
    );
}

/// Every table label is a valid sheet title (at most 31 characters, none
/// of `[]:*?/\`), and none is the legend's.
#[test]
fn every_table_label_is_a_sheet_title() {
    let tables: Vec<(TableId, Vec<Row>)> = TableId::ALL.iter().map(|t| (*t, vec![])).collect();
    let wb = read(book(&tables));
    let labels: Vec<&str> = TableId::ALL.iter().map(|t| t.schema().label).collect();
    assert_eq!(wb.sheet_names()[..TableId::ALL.len()], labels);
    assert!(!labels.contains(&LEGEND));
}

#[test]
fn widths_are_capped_and_long_text_is_cut_at_excels_limit() {
    let long = "è".repeat(40_000);
    let w = |width, wrap| ColumnWidth { width, wrap };
    let rows = [vec![text(&long), Cell::Integer(12_345_678), text("a\nb")]];
    assert_eq!(
        widths(&["Titolo", "N.", "Note"], &rows),
        [w(MAX_WIDTH, true), w(9, false), w(8, true)],
        "a long text or a line break wraps"
    );
    assert_eq!(widths(&["N."], &[]), [w(MIN_WIDTH, false)]);
    let layout = widths(&["Oggetto", "Note"], &[]);
    let lines = |a: &str, b: &str| row_lines(&vec![text(a), text(b)], &layout);
    assert_eq!(lines("breve", "breve"), 1, "no column wraps");
    let layout = [w(10, true), w(10, true)];
    let lines = |a: &str, b: &str| row_lines(&vec![text(a), text(b)], &layout);
    assert_eq!(lines(&"x".repeat(25), "a\nb\nc\nd"), 4, "the tallest cell");
    assert_eq!(lines(&"x".repeat(1000), ""), MAX_LINES);
    let cut = fit(&long);
    assert_eq!(cut.encode_utf16().count(), CELL_UNITS);
    assert!(cut.ends_with("è…"));
    assert_eq!(fit("breve"), "breve");
    let wide = "😀".repeat(20_000);
    assert!(fit(&wide).encode_utf16().count() <= CELL_UNITS);
    let mut wb = read(book(&[(
        TableId::Failures,
        vec![vec![text("a"), text("b"), text(&long)]],
    )]));
    let r = wb
        .worksheet_range(TableId::Failures.schema().label)
        .unwrap();
    assert_eq!(
        r.get((1, 2)).unwrap().to_string().chars().count(),
        CELL_UNITS
    );
}

/// The date format and the frozen, filtered header, as the file says.
#[test]
fn dates_show_day_month_year_and_the_header_is_frozen_and_filtered() {
    let mut long = decision();
    long[9] = text(&"oggetto lungo ".repeat(10));
    let bytes = book(&[(TableId::Decisions, vec![long])]);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    assert!(part("xl/styles.xml").contains(r#"formatCode="dd/mm/yyyy""#));
    let sheet = part("xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{sheet}"
    );
    assert!(sheet.contains(r#"<autoFilter ref="A1:AB2"/>"#), "{sheet}");
    assert!(!sheet.contains("<f>"), "no formula anywhere");
    assert!(
        part("xl/styles.xml").contains(r#"wrapText="1""#),
        "the subject wraps"
    );
}

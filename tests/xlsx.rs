//! The workbook `atti run samples --out DIR` writes (DIR/atti.xlsx), read
//! back with calamine: one sheet per table under its Italian label, Italian
//! headers, every cell of the type the schema gives its column and of the
//! value the CSV file holds; the legend; `atti export --format xlsx`.

use std::path::Path;

use atti::record::schema::{CellType, TableId};
use atti::tables::xlsx::{type_label, LEGEND, LEGEND_HEADERS};
use calamine::{Data, DataType, Reader};
use chrono::NaiveDate;

use crate::common::*;

fn run_samples(out: &Path) {
    // From the repository root, so that source_file reads `samples/...`.
    atti_ok(
        &root(),
        &[
            "run",
            "samples",
            "--out",
            out.to_str().unwrap(),
            "--as-of",
            "2026-11-22",
        ],
        0,
    );
}

/// The cell `atti run` wrote for a CSV value of a column of type `ty`.
fn check_cell(where_: &str, ty: CellType, csv: &str, cell: &Data) {
    if csv.is_empty() {
        assert_eq!(cell, &Data::Empty, "{where_}");
        return;
    }
    match ty {
        CellType::Text => {
            let Data::String(s) = cell else {
                panic!("{where_}: `{csv}` is not a string: {cell:?}")
            };
            // The CSV guards a formula-like cell with a quote; the workbook
            // needs no guard.
            assert!(
                s == csv || format!("'{s}") == csv,
                "{where_}: {s:?} vs {csv:?}"
            );
        }
        CellType::Integer => {
            assert!(
                matches!(cell, Data::Float(_) | Data::Int(_)),
                "{where_}: {cell:?}"
            );
            assert_eq!(
                cell.as_f64(),
                Some(csv.parse::<i64>().unwrap() as f64),
                "{where_}"
            );
        }
        CellType::Decimal | CellType::Money => {
            assert!(matches!(cell, Data::Float(_)), "{where_}: {cell:?}");
            let x: f64 = csv.replace(',', ".").parse().unwrap();
            assert_eq!(cell.as_f64(), Some(x), "{where_}");
        }
        CellType::Date => {
            assert!(
                cell.is_datetime(),
                "{where_}: `{csv}` is not a date: {cell:?}"
            );
            let d = NaiveDate::parse_from_str(csv, "%Y-%m-%d").unwrap();
            assert_eq!(cell.as_date(), Some(d), "{where_}");
        }
        CellType::Boolean => {
            let want = match csv {
                "true" => "Sì",
                "false" => "No",
                other => panic!("{where_}: boolean {other}"),
            };
            assert_eq!(cell, &Data::String(want.into()), "{where_}");
        }
    }
}

#[test]
fn run_writes_a_workbook_of_typed_cells_with_italian_headers() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    run_samples(&out);
    let mut wb = open_xlsx(&out.join("atti.xlsx"));
    let mut titles: Vec<&str> = TableId::ALL.iter().map(|t| t.schema().label).collect();
    titles.push(LEGEND);
    assert_eq!(wb.sheet_names(), titles);

    let mut seen = std::collections::BTreeMap::<&str, usize>::new();
    let mut digits_only_text = 0;
    for t in TableId::ALL {
        let schema = t.schema();
        let rows = sheet_rows(&mut wb, schema.label);
        let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
        let labels: Vec<&str> = schema.columns.iter().map(|c| c.label).collect();
        assert_eq!(header, labels, "{}: Italian headers", schema.label);
        let csv = read_csv(&out.join(format!("{}.csv", schema.name)));
        assert_eq!(
            rows.len() - 1,
            csv.len(),
            "{}: one row per CSV row",
            schema.name
        );
        for (i, (row, csv_row)) in rows[1..].iter().zip(&csv).enumerate() {
            for (col, cell) in schema.columns.iter().zip(row) {
                let value = &csv_row[col.id];
                let where_ = format!("{}.{} row {}", schema.name, col.id, i + 1);
                check_cell(&where_, col.ty, value, cell);
                if !value.is_empty() {
                    *seen.entry(type_label(col.ty)).or_default() += 1;
                }
                if col.ty == CellType::Text
                    && !value.is_empty()
                    && value.bytes().all(|b| b.is_ascii_digit())
                {
                    digits_only_text += 1;
                }
            }
        }
        let formulas = wb.worksheet_formula(schema.label).unwrap();
        assert!(
            formulas.used_cells().next().is_none(),
            "{}: a formula",
            schema.label
        );
    }
    // The samples hold every type but decimals (no phase has a weight;
    // decimals are checked by the writer's unit tests).
    for ty in [
        CellType::Text,
        CellType::Integer,
        CellType::Date,
        CellType::Boolean,
    ] {
        assert!(
            seen.contains_key(type_label(ty)),
            "no {ty:?} cell in {seen:?}"
        );
    }
    // Act numbers, articles, commas: numbers written as text stay text.
    assert!(digits_only_text >= 10, "{digits_only_text}");

    // A few cells by name.
    let docs = sheet_rows(&mut wb, "Documenti");
    let ambito = docs
        .iter()
        .find(|r| {
            r[1].to_string()
                .ends_with("ambito_corsichese_ufficio_di_piano.txt")
        })
        .unwrap();
    assert_eq!(ambito[0], Data::String("719998698c509560".into()));
    assert_eq!(ambito[5].as_f64(), Some(2021.0));
    assert_eq!(ambito[6].as_date(), NaiveDate::from_ymd_opt(2021, 12, 1));
    let decisions = sheet_rows(&mut wb, "Decisioni");
    let consiglio = decisions
        .iter()
        .find(|r| {
            r[1].to_string()
                .ends_with("delibera_consiglio_2024_031.pdf")
        })
        .unwrap();
    assert_eq!(
        consiglio[4],
        Data::String("31".into()),
        "the act number is text"
    );
    assert_eq!(consiglio[11].as_f64(), Some(9.0), "present");
    assert_eq!(
        consiglio[16],
        Data::String("Sì".into()),
        "immediately executable"
    );

    // The legend: every column of every table, with its identifier and type.
    let legend = sheet_rows(&mut wb, LEGEND);
    let text = |r: &[Data]| r.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(text(&legend[0]), LEGEND_HEADERS);
    let want: Vec<Vec<String>> = TableId::ALL
        .iter()
        .flat_map(|t| {
            let s = t.schema();
            s.columns.iter().map(move |c| {
                [s.label, s.name, c.label, c.id, type_label(c.ty)]
                    .map(str::to_owned)
                    .to_vec()
            })
        })
        .collect();
    assert_eq!(
        legend[1..].iter().map(|r| text(r)).collect::<Vec<_>>(),
        want
    );
}

#[test]
fn export_writes_a_workbook_only_to_a_file_and_csv_in_either_dialect() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    run_samples(&out);
    let index = out.join("index");
    let idx = index.to_str().unwrap();

    let refused = atti(
        &root(),
        &["export", "phases", "--index", idx, "--format", "xlsx"],
    );
    assert_eq!(
        refused.status.code(),
        Some(2),
        "xlsx without --out is a usage error"
    );
    assert!(refused.stdout.is_empty());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--out"));

    // The format follows the file's extension.
    let book = tmp.path().join("decisioni.xlsx");
    atti_ok(
        &root(),
        &[
            "export",
            "decisions",
            "--index",
            idx,
            "--out",
            book.to_str().unwrap(),
        ],
        0,
    );
    let mut wb = open_xlsx(&book);
    assert_eq!(wb.sheet_names(), ["Decisioni", LEGEND]);
    assert_eq!(sheet_rows(&mut wb, "Decisioni").len(), 5);
    assert_eq!(sheet_rows(&mut wb, LEGEND).len(), 1 + 28);

    let header = |args: &[&str]| {
        let mut all = vec!["export", "failures", "--index", idx];
        all.extend_from_slice(args);
        atti_ok(&root(), &all, 0)
    };
    assert_eq!(header(&[]), "\u{feff}source_file;stage;reason\r\n");
    assert_eq!(
        header(&["--csv-dialect", "rfc"]),
        "source_file,stage,reason\r\n"
    );
    assert_eq!(header(&["--bom=false"]), "source_file;stage;reason\r\n");
    assert_eq!(
        header(&["--csv-dialect", "rfc", "--delimiter", ";", "--bom"]),
        "\u{feff}source_file;stage;reason\r\n"
    );
    assert_eq!(
        header(&["--delimiter", "tab"]),
        "\u{feff}source_file\tstage\treason\r\n"
    );
}

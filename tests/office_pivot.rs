//! Pivot tables of .xlsx workbooks read as LibreOffice lays out their
//! headers on load (src/read/office/pivot.rs). The fixtures are written by
//! `bench/office/pivots.py --write` (Excel's parts: the definition, the
//! cache and its records, the cells Excel saves for the table) and each
//! sheet's `.csv` beside them is what `soffice --convert-to csv` 7.4 wrote
//! for it (the options of `bench/office/real.py`, English interface).

use std::path::Path;

use crate::common::root;
use crate::office::sheet_cells;

/// Every cell of the fixture's sheets against soffice's CSV: the cells
/// that differ, as (sheet, row, column, soffice's text, atti's).
fn differing(stem: &str) -> Vec<(String, u64, u64, String, String)> {
    let dir = root().join("tests/fixtures/office-cells/pivot");
    let atti = sheet_cells(&dir.join(format!("{stem}.xlsx")));
    let mut out = Vec::new();
    for sheet in ["Dati", "Pivot"] {
        let path = dir.join(format!("{stem}-{sheet}.csv"));
        if !Path::new(&path).exists() {
            continue;
        }
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(&path)
            .unwrap();
        let mut seen = std::collections::BTreeSet::new();
        for (r, rec) in rdr.records().enumerate() {
            for (c, lo) in rec.unwrap().iter().enumerate() {
                let key = (sheet.to_owned(), r as u64, c as u64);
                let mine = atti.get(&key).cloned().unwrap_or_default();
                seen.insert(key);
                if lo != mine {
                    out.push((sheet.to_owned(), r as u64, c as u64, lo.to_owned(), mine));
                }
            }
        }
        // A cell atti writes where soffice's CSV has none.
        for (key, mine) in &atti {
            if key.0 == sheet && !seen.contains(key) && !mine.is_empty() {
                out.push((key.0.clone(), key.1, key.2, String::new(), mine.clone()));
            }
        }
    }
    out
}

/// The row fields' names, the data field's name (renamed or not), the
/// column field's name over the column items: as LibreOffice writes them,
/// whether Excel saved its own captions (`Etichette di riga`, `Etichette
/// di colonna`, the author's `rowHeaderCaption`) or nothing; compact,
/// outline and tabular forms, a table on a sheet of its own. Only the
/// totals' captions differ, by choice: LibreOffice writes them in its
/// interface's language (`Total Result`, `Anagrafe Result`), atti keeps the
/// file's (`Totale complessivo`, `Totale Anagrafe`; empty where the file
/// has none).
#[test]
fn pivot_headers_read_as_libreoffice_lays_them_out() {
    let cases: [(&str, &[(u64, u64, &str)]); 10] = [
        ("pivot-excel", &[(3, 7, "Totale complessivo")]),
        ("pivot-vuote", &[(3, 7, "")]),
        ("pivot-didascalie", &[(3, 7, "Totale generale")]),
        ("pivot-rinominato", &[(3, 7, "Totale complessivo")]),
        ("pivot-struttura", &[(6, 7, "Totale complessivo")]),
        (
            "pivot-tabellare",
            &[
                (3, 7, "Totale Anagrafe"),
                (5, 7, "Totale Tributi"),
                (6, 7, "Totale complessivo"),
            ],
        ),
        (
            "pivot-colonne",
            &[(1, 10, "Totale complessivo"), (4, 7, "Totale complessivo")],
        ),
        ("pivot-colonne-vuote", &[(1, 10, ""), (4, 7, "")]),
        (
            "pivot-colonne-didascalia",
            &[(1, 10, "Totale complessivo"), (4, 7, "Totale complessivo")],
        ),
        ("pivot-altro-foglio", &[(5, 0, "Totale complessivo")]),
    ];
    for (stem, totals) in cases {
        let diff = differing(stem);
        let got: Vec<(u64, u64, &str)> = diff.iter().map(|d| (d.1, d.2, d.4.as_str())).collect();
        assert_eq!(got, totals.to_vec(), "{stem}: {diff:?}");
        assert!(
            diff.iter().all(|d| d.3.ends_with("Result")),
            "{stem}: only the totals' captions differ: {diff:?}"
        );
    }
}

/// Where LibreOffice moves the data (two data fields: a row naming them is
/// added; a compact table of two row fields: each gets a column of its
/// own), the table's cells are read as the file holds them, Excel's labels
/// included.
#[test]
fn a_pivot_libreoffice_lays_out_otherwise_keeps_the_file_s_cells() {
    let dir = root().join("tests/fixtures/office-cells/pivot");
    for stem in ["pivot-due-dati", "pivot-compatta-due-righe"] {
        let cells = sheet_cells(&dir.join(format!("{stem}.xlsx")));
        let at = |r: u64, c: u64| {
            cells
                .get(&("Dati".to_owned(), r, c))
                .cloned()
                .unwrap_or_default()
        };
        assert_eq!(at(0, 7), "Etichette di riga", "{stem}");
        assert_eq!(at(0, 8), "Somma di Importo", "{stem}");
        assert!(
            !differing(stem).is_empty(),
            "{stem}: soffice lays it out otherwise"
        );
    }
}

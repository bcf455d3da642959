//! Pivot tables of .xlsx workbooks read as LibreOffice lays out their
//! headers on load (src/read/office/pivot.rs). The fixtures are written by
//! `bench/office/pivots.py --write` (Excel's parts: the definition, the
//! cache and its records, the cells Excel saves for the table) and each
//! sheet's `.csv` beside them is what `soffice --convert-to csv` 7.4 wrote
//! for it (the options of `bench/office/real.py`, Italian interface: Debian's
//! libreoffice-l10n-it; English before session 46).

use crate::common::root;
use crate::office::sheet_cells;

/// Every cell of the fixture's sheets against soffice's CSV: the cells
/// that differ, as (sheet, row, column, soffice's text, atti's).
fn differing(stem: &str) -> Vec<(String, u64, u64, String, String)> {
    let dir = root().join("tests/fixtures/office-cells/pivot");
    crate::office::differing(&dir, stem, &["Dati", "Pivot"])
}

/// The row fields' names, the data field's name (renamed, or named by
/// LibreOffice from its function when the definition gives none), the
/// column field's name over the column items: as LibreOffice writes them,
/// whether Excel saved its own captions (`Etichette di riga`, `Etichette
/// di colonna`, the author's `rowHeaderCaption`) or nothing; compact,
/// outline and tabular forms, field headers hidden, a page field above, a
/// table on a sheet of its own, two data fields side by side (LibreOffice
/// adds a row naming them, `Dati`, and the table moves one row down, over
/// what the file holds under it), a compact table of two row fields with
/// the row items Excel writes (LibreOffice gives each field a column: each
/// row's label moves into its field's column, the values right, over what
/// the file holds beside the table). Only the captions the file holds for the
/// totals and the page field differ, by choice: atti keeps the file's
/// (`Totale complessivo`, `Totale Anagrafe`, `(Tutto)`), LibreOffice writes
/// its own (`Totale Risultato`, `Anagrafe Risultato`, `- tutto -`); where
/// the file leaves a grand total's caption empty, atti writes LibreOffice's.
#[test]
fn pivot_headers_read_as_libreoffice_lays_them_out() {
    let excel_totals: &[(u64, u64, &str)] =
        &[(1, 10, "Totale complessivo"), (4, 7, "Totale complessivo")];
    let cases: [(&str, &[(u64, u64, &str)]); 31] = [
        ("pivot-excel", &[(3, 7, "Totale complessivo")]),
        ("pivot-vuote", &[]),
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
        ("pivot-colonne", excel_totals),
        ("pivot-colonne-vuote", &[]),
        ("pivot-colonne-didascalia", excel_totals),
        ("pivot-altro-foglio", &[(5, 0, "Totale complessivo")]),
        ("pivot-senza-nome", &[(3, 7, "Totale complessivo")]),
        ("pivot-due-dati", &[(4, 7, "Totale complessivo")]),
        (
            "pivot-compatta-due-righe-voci",
            &[(6, 7, "Totale complessivo")],
        ),
        (
            "pivot-compatta-due-righe-colonne",
            &[(1, 11, "Totale complessivo"), (7, 7, "Totale complessivo")],
        ),
        ("pivot-due-dati-excel", &[(4, 7, "Totale complessivo")]),
        ("pivot-due-dati-sotto", &[(4, 7, "Totale complessivo")]),
        (
            "pivot-due-dati-tabellare",
            &[
                (4, 7, "Totale Anagrafe"),
                (6, 7, "Totale Tributi"),
                (7, 7, "Totale complessivo"),
            ],
        ),
        ("pivot-colonne-senza-nome", excel_totals),
        ("pivot-senza-intestazioni", &[(3, 7, "Totale complessivo")]),
        ("pivot-senza-intestazioni-colonne", excel_totals),
        (
            "pivot-pagina",
            &[(0, 8, "(Tutto)"), (5, 7, "Totale complessivo")],
        ),
        (
            "pivot-pagina-colonne",
            &[
                (0, 8, "(Tutto)"),
                (3, 10, "Totale complessivo"),
                (6, 7, "Totale complessivo"),
            ],
        ),
        (
            "pivot-due-dati-senza-intestazioni",
            &[(4, 7, "Totale complessivo")],
        ),
        ("pivot-due-dati-vuote", &[]),
        ("pivot-dati-in-righe", &[]),
        ("pivot-dati-in-righe-tabellare", &[]),
        ("pivot-dati-in-righe-vuote", &[]),
        (
            "pivot-dati-in-righe-colonne",
            &[(1, 11, "Totale complessivo")],
        ),
        ("pivot-dati-in-righe-colonne-vuote", &[]),
        ("pivot-compatta-due-righe", &[(6, 7, "Totale complessivo")]),
        // Three cells of the output saved with no value (a column item, a
        // row item, a value): filled as LibreOffice lays the table out.
        ("pivot-celle-mancanti", excel_totals),
    ];
    for (stem, kept) in cases {
        let diff = differing(stem);
        let got: Vec<(u64, u64, &str)> = diff.iter().map(|d| (d.1, d.2, d.4.as_str())).collect();
        assert_eq!(got, kept.to_vec(), "{stem}: {diff:?}");
        assert!(
            diff.iter()
                .all(|d| d.3.ends_with("Risultato") || d.3 == "- tutto -"),
            "{stem}: only the captions LibreOffice writes in its own words differ: {diff:?}"
        );
    }
}

/// A data field the definition does not name is named as LibreOffice names
/// it, by its function and its field, at the table's first cell (with a
/// column field) or over its values; an empty grand total's caption is
/// LibreOffice's.
#[test]
fn an_unnamed_data_field_and_an_empty_total_read_as_libreoffice_writes_them() {
    let dir = root().join("tests/fixtures/office-cells/pivot");
    let at =
        |stem: &str, r: u64, c: u64| on_dati(&sheet_cells(&dir.join(format!("{stem}.xlsx"))), r, c);
    assert_eq!(at("pivot-senza-nome", 0, 8), "Somma - Importo");
    assert_eq!(at("pivot-colonne-senza-nome", 0, 7), "Somma - Importo");
    assert_eq!(at("pivot-vuote", 3, 7), "Totale Risultato");
    assert_eq!(at("pivot-colonne-vuote", 1, 10), "Totale Risultato");
    assert_eq!(at("pivot-colonne-vuote", 4, 7), "Totale Risultato");
    // The file's own caption stays.
    assert_eq!(at("pivot-colonne", 4, 7), "Totale complessivo");
}

/// A compact table of two row fields whose definition lists no row items
/// (which say each row's level: Excel always writes them): LibreOffice
/// lays it out again from its source, each row field in a column of its
/// own, and so does atti; the file's own caption of the grand total is
/// kept, as everywhere.
#[test]
fn a_pivot_without_row_items_is_laid_out_from_its_source() {
    let dir = root().join("tests/fixtures/office-cells/pivot");
    let stem = "pivot-compatta-due-righe";
    let cells = sheet_cells(&dir.join(format!("{stem}.xlsx")));
    let at = |r: u64, c: u64| on_dati(&cells, r, c);
    assert_eq!((at(0, 7).as_str(), at(0, 8).as_str()), ("Servizio", "Tipo"));
    assert_eq!((at(2, 8).as_str(), at(2, 9).as_str()), ("Entrata", "20"));
    let diff = differing(stem);
    let got: Vec<(u64, u64, &str)> = diff.iter().map(|d| (d.1, d.2, d.4.as_str())).collect();
    assert_eq!(got, vec![(6, 7, "Totale complessivo")], "{diff:?}");
}

/// Pivot tables whose file holds no cells for them, as libraries that
/// leave the output to the application write them (`refreshOnLoad`):
/// every cell as LibreOffice lays the table out from its source range
/// (`bench/office/pivots.py`, the `senza-celle` shapes): row fields in
/// outline, compact and tabular form, items listed or not, in reverse
/// order, sorted descending, a hidden item, one and two column fields,
/// two data fields side by side and on rows (outline, and tabular without
/// subtotals: the first beside its item), beside a column field (under
/// each of its items, or over them), a page field, the functions
/// count, average and max, a source cell changed after the cache was
/// saved (LibreOffice reads the range, not the cache's records) and an
/// empty one, a source named by an Excel table over the range or by a
/// name the workbook defines for it.
#[test]
fn pivots_saved_without_their_cells_are_laid_out_from_their_source() {
    let stems = [
        "pivot-senza-celle",
        "pivot-senza-celle-due-righe",
        "pivot-senza-celle-tabellare",
        "pivot-senza-celle-colonne",
        "pivot-senza-celle-due-colonne",
        "pivot-senza-celle-due-dati",
        "pivot-senza-celle-dati-in-righe",
        "pivot-senza-celle-dati-in-righe-tabellare",
        "pivot-senza-celle-dati-colonne",
        "pivot-senza-celle-dati-prima",
        "pivot-senza-celle-pagina",
        "pivot-senza-celle-ordine",
        "pivot-senza-celle-decrescente",
        "pivot-senza-celle-nascosta",
        "pivot-senza-celle-cambiata",
        "pivot-senza-celle-tabella",
        "pivot-senza-celle-nome",
    ];
    for stem in stems {
        assert_eq!(differing(stem), vec![], "{stem}");
    }
    let dir = root().join("tests/fixtures/office-cells/pivot");
    let cells = sheet_cells(&dir.join("pivot-senza-celle-cambiata.xlsx"));
    let at = |r: u64, c: u64| on_dati(&cells, r, c);
    assert_eq!((at(1, 7).as_str(), at(1, 8).as_str()), ("Anagrafe", "1020"));
    assert_eq!((at(4, 7).as_str(), at(4, 8).as_str()), ("(vuoto)", "5"));
}

/// Two data fields side by side: the row LibreOffice adds, and a cell the
/// file holds under the table, which LibreOffice's taller table covers.
#[test]
fn two_data_fields_move_the_table_one_row_down() {
    let dir = root().join("tests/fixtures/office-cells/pivot");
    let cells = sheet_cells(&dir.join("pivot-due-dati-sotto.xlsx"));
    let at = |r: u64, c: u64| on_dati(&cells, r, c);
    assert_eq!((at(0, 7).as_str(), at(0, 8).as_str()), ("", "Dati"));
    assert_eq!(at(1, 7), "Servizio");
    assert_eq!(at(1, 9), "Somma di Quantità");
    assert_eq!((at(2, 7).as_str(), at(2, 8).as_str()), ("Anagrafe", "35"));
    assert_eq!(
        (at(4, 7).as_str(), at(4, 8).as_str()),
        ("Totale complessivo", "105")
    );
}

/// Two data fields on rows (Excel's `Valori` among the row fields), in
/// outline form: the header row names the row field and the data fields'
/// own field as LibreOffice does (`Dati`), whether the file saved Excel's
/// captions or none; a grand total row for each data field, captioned
/// `Totale` and its name where the file leaves it empty.
#[test]
fn data_fields_on_rows_are_headed_as_libreoffice_heads_them() {
    let dir = root().join("tests/fixtures/office-cells/pivot");
    for stem in ["pivot-dati-in-righe", "pivot-dati-in-righe-vuote"] {
        let cells = sheet_cells(&dir.join(format!("{stem}.xlsx")));
        let at = |r: u64, c: u64| on_dati(&cells, r, c);
        assert_eq!((at(0, 7).as_str(), at(0, 8).as_str()), ("Servizio", "Dati"));
        assert_eq!(
            (at(2, 8).as_str(), at(2, 9).as_str()),
            ("Somma di Importo", "35")
        );
        assert_eq!(
            (at(7, 7).as_str(), at(7, 9).as_str()),
            ("Totale Somma di Importo", "105")
        );
        assert_eq!(at(8, 7), "Totale Somma di Quantità");
    }
}

/// A cell's text on the fixtures' sheet `Dati` (empty when atti gives none).
fn on_dati(
    cells: &std::collections::BTreeMap<(String, u64, u64), String>,
    r: u64,
    c: u64,
) -> String {
    cells
        .get(&("Dati".to_owned(), r, c))
        .cloned()
        .unwrap_or_default()
}

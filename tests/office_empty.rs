//! Cells whose file gives no value, read as LibreOffice shows them (formula
//! cells with no saved value, computed as LibreOffice computes them on
//! load: src/read/office/recalc.rs, functions.rs, functions_more.rs). The
//! fixtures are written by `bench/office/empty_cells.py --keep` (by hand as
//! Excel and as an exporter, by openpyxl, and an .ods by hand) and each
//! sheet's `.csv` beside them is what `soffice --convert-to csv` 7.4 wrote
//! for it (Italian settings, the options of `bench/office/real.py`).

use std::collections::BTreeMap;

use crate::common::root;
use crate::office::sheet_cells;

/// The cells of `stem`'s sheet that differ from soffice's CSV, by the
/// case's label (column A): label -> (soffice's text, atti's).
fn differing(stem: &str, ext: &str) -> BTreeMap<String, (String, String)> {
    let dir = root().join("tests/fixtures/office-cells/empty");
    let atti = sheet_cells(&dir.join(format!("{stem}.{ext}")));
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(dir.join(format!("{stem}-Vuote.csv")))
        .unwrap();
    let mut out = BTreeMap::new();
    let mut rows = 0;
    for (r, rec) in rdr.records().enumerate() {
        let rec = rec.unwrap();
        rows += 1;
        for (c, lo) in rec.iter().enumerate() {
            let mine = atti
                .get(&("Vuote".to_owned(), r as u64, c as u64))
                .cloned()
                .unwrap_or_default();
            if lo != mine {
                out.insert(format!("{} col {c}", &rec[0]), (lo.to_owned(), mine));
            }
        }
    }
    assert!(rows > 10, "{stem}: {rows} rows");
    out
}

fn pairs(d: &BTreeMap<String, (String, String)>) -> Vec<(&str, &str, &str)> {
    d.iter()
        .map(|(k, (a, b))| (k.as_str(), a.as_str(), b.as_str()))
        .collect()
}

/// Formulas with no saved value (concatenation, references, SUM, IF,
/// TEXT, dates, percentages, SUBSTITUTE, SUMIF, COUNTIF, SUMIFS, SUMPRODUCT,
/// CHOOSE, REPT, FIND, an error...), `t="str"`, `t="s"`, `t="b"`, `t="e"`
/// with nothing in them, a shared formula whose children have no value:
/// every cell as soffice wrote it, whoever saved the file, but the cases
/// atti leaves as the file holds them, on purpose: a volatile function
/// (TODAY), a name the workbook does not define, a criterion whose number
/// LibreOffice reads by its locale (`">=20.5"` is not a number to an
/// Italian LibreOffice), and an inline string under a `t` other than
/// `inlineStr` (LibreOffice drops the text; atti keeps what the file says).
#[test]
fn xlsx_cells_with_no_saved_value_read_as_libreoffice_computes_them() {
    let kept: &[(&str, &str, &str)] = &[
        ("AVERAGEIF col 1", "#DIV/0!", ""),
        ("TODAY col 1", "0", ""),
        ("is con t=n col 1", "", "testo n"),
        ("is con t=s col 1", "", "testo s"),
        ("is con t=str col 1", "", "testo str"),
        ("is e v col 1", "", "testo e v"),
        ("is ricco senza t col 1", "", "Ricco"),
        ("is senza t col 1", "", "testo senza t"),
        ("nome non definito col 1", "#NOME?", ""),
    ];
    for stem in ["vuote-excel", "vuote-export"] {
        let d = differing(stem, "xlsx");
        assert_eq!(pairs(&d), kept.to_vec(), "{stem}");
    }
    // openpyxl saves no formula's value: every one computed.
    assert_eq!(pairs(&differing("vuote-openpyxl", "xlsx")), vec![]);
}

/// An .ods of another producer: LibreOffice computes its formulas again on
/// load and shows a typed cell with no value as 0; atti reads such a file's
/// cells as calamine gives them (formulas' saved values, no value empty):
/// not modelled (the ODF formula syntax is another parser; calamine drops
/// the text of a cell with no `office:value-type`, which LibreOffice shows).
#[test]
fn ods_cells_with_no_value() {
    let d = differing("vuote", "ods");
    let got: Vec<&str> = d.keys().map(String::as_str).collect();
    assert_eq!(
        got,
        [
            "booleano senza valore col 1",
            "data senza valore col 1",
            "float senza valore col 1",
            "float senza valore numero col 1",
            "formula float senza valore con testo col 1",
            "formula senza valore col 1",
            "formula testo senza valore col 1",
            "formula valore salvato vecchio col 1",
            "ora senza valore col 1",
            "percentuale senza valore col 1",
            "senza tipo con testo col 1",
            "valuta senza valore col 1",
        ]
    );
    assert_eq!(
        d["senza tipo con testo col 1"],
        ("senza tipo".to_owned(), String::new())
    );
}

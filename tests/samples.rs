//! `atti run samples --out DIR`: every table compared with the golden files
//! in tests/expected/ (the report is compared in `report.rs`).

use crate::common::*;

const TABLES: [&str; 10] = [
    "documents",
    "objectives",
    "phases",
    "indicators",
    "decisions",
    "references",
    "amounts",
    "parties",
    "failures",
    "skipped",
];

#[test]
fn run_on_samples_matches_golden_tables() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    // Run from the repository root so source_file reads `samples/...`.
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
    for t in TABLES {
        let text = std::fs::read_to_string(out.join(format!("{t}.csv"))).unwrap();
        golden(&format!("{t}.csv"), &mask_column(&text, "ingested_at"));
    }
}

/// The foundation issue's acceptance: after `atti run`, `atti search
/// convenzione` (no --index: it finds the index that run left) brings the
/// PEG sheet first, and the seed values are in the tables.
#[test]
fn search_after_run_finds_the_peg_sheet_and_seed_values_are_extracted() {
    let tmp = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    atti_ok(
        tmp.path(),
        &["run", samples.to_str().unwrap(), "--out", "out"],
        0,
    );
    let hits = atti_ok(tmp.path(), &["search", "convenzione", "--json"], 0);
    let first: serde_json::Value =
        serde_json::from_str(hits.lines().next().expect("a hit")).unwrap();
    assert!(
        first["source_file"]
            .as_str()
            .unwrap()
            .contains("peg_2021_Z001"),
        "{hits}"
    );
    assert_eq!(first["kind"], "peg");

    let objectives = read_csv(&tmp.path().join("out/objectives.csv"));
    for o in &objectives {
        assert_eq!(o["objective_code"], "2021_Z001");
        assert_eq!(o["director"], "ASCIONE GIUSEPPE");
        assert_eq!(o["operational_objective"], "13.3");
        assert_eq!(o["mission"], "01");
        assert!(
            o["description"].starts_with("Nell'ambito del progetto"),
            "{o:?}"
        );
    }
    assert_eq!(objectives.len(), 2, "the PEG sheet as text and as PDF");
    let indicators = read_csv(&tmp.path().join("out/indicators.csv"));
    let raws: Vec<&str> = indicators
        .iter()
        .map(|r| r["expected_raw"].as_str())
        .collect();
    assert_eq!(raws, [">=3", ">= 2", ">=3", ">= 2"]);
    let decisions = read_csv(&tmp.path().join("out/decisions.csv"));
    let ambito = decisions
        .iter()
        .find(|d| d["source_file"].ends_with("ambito_corsichese_ufficio_di_piano.txt"))
        .expect("the Ambito's decision");
    assert_eq!(ambito["body"], "Assemblea dei Sindaci");
    assert_eq!(ambito["decision_date"], "2021-12-01");
    assert_eq!(ambito["validity_end"], "2023-12-31");
}

/// Layout mode keeps each row of the sample PEG sheet's GANTT and indicator
/// tables on its own line, with the cells in column order.
#[test]
fn layout_mode_keeps_table_rows_on_one_line_in_column_order() {
    let text = atti_ok(
        &root(),
        &["extract", "samples/peg_2021_Z001.pdf", "--layout"],
        0,
    );
    let in_order = |cells: &[&str]| {
        text.lines().any(|line| {
            let mut from = 0;
            cells.iter().all(|c| match line[from..].find(c) {
                Some(i) => {
                    from += i + c.len();
                    true
                }
                None => false,
            })
        })
    };
    let rows: [&[&str]; 4] = [
        &[
            "Predisposizione bozza",
            "01/01/2021",
            "30/04/2021",
            "ASCIONE GIUSEPPE",
            "SEGRETARIO GENERALE",
        ],
        &[
            "Partecipazione agli incontri",
            "01/05/2021",
            "31/12/2021",
            "ASCIONE GIUSEPPE",
            "SEGRETARIO GENERALE",
        ],
        &["N. incontri con enti coinvolti", "RISULTATO", ">=3"],
        &[
            "N. enti coinvolti nel progetto di associazione",
            "RISULTATO",
            ">= 2",
        ],
    ];
    for cells in rows {
        assert!(in_order(cells), "no line holds {cells:?} in order:\n{text}");
    }
}

//! `atti run samples --out DIR`: every table compared with the golden files
//! in tests/expected/ (the report is compared in `report.rs`).

use crate::common::*;

const TABLES: [&str; 7] = [
    "documents",
    "objectives",
    "phases",
    "indicators",
    "decisions",
    "references",
    "failures",
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

//! One archive, counted once, every file accounted for: the trials of a
//! clerk with a real folder, each run on the binary.

use std::path::Path;

use crate::common::*;

/// A folder of acts: two different ones, a copy of the first, and files
/// of types atti does not read.
fn archive(dir: &Path) {
    std::fs::create_dir_all(dir.join("atti/2023")).unwrap();
    let giunta = std::fs::read(root().join("samples/delibera_giunta_2023_045.txt")).unwrap();
    std::fs::write(dir.join("atti/2023/delibera_045.txt"), &giunta).unwrap();
    std::fs::write(dir.join("atti/copia_045.txt"), &giunta).unwrap();
    std::fs::copy(
        root().join("samples/peg_2021_Z001.txt"),
        dir.join("atti/peg.txt"),
    )
    .unwrap();
    for other in ["atto.pptx", "atto.odp", "pacco.zip", "foto.gif"] {
        std::fs::write(dir.join("atti").join(other), b"not read").unwrap();
    }
}

#[test]
fn one_folder_by_any_path_from_any_folder_is_one_archive() {
    let tmp = tempfile::tempdir().unwrap();
    let base = std::fs::canonicalize(tmp.path()).unwrap();
    archive(&base);
    let index = base.join("index");
    let idx = index.to_str().unwrap();
    // Relative, absolute, from another folder, from inside.
    atti_ok(&base, &["ingest", "atti", "--index", idx], 0);
    atti_ok(
        &base,
        &[
            "ingest",
            base.join("atti").to_str().unwrap(),
            "--index",
            idx,
        ],
        0,
    );
    atti_ok(
        Path::new("/"),
        &[
            "ingest",
            base.join("atti").to_str().unwrap(),
            "--index",
            idx,
        ],
        0,
    );
    atti_ok(&base.join("atti/2023"), &["ingest", ".", "--index", idx], 0);

    let docs = export_jsonl(&base, &index, "documents");
    let names: Vec<&str> = docs
        .iter()
        .map(|d| d["source_file"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["atti/2023/delibera_045.txt", "atti/peg.txt"],
        "{docs:?}"
    );
    // The copy is one document with both paths, and a row of `skipped`.
    assert_eq!(
        docs[0]["paths"],
        "atti/2023/delibera_045.txt; atti/copia_045.txt"
    );
    let skipped = export_jsonl(&base, &index, "skipped");
    let rows: Vec<(&str, &str)> = skipped
        .iter()
        .map(|s| {
            (
                s["source_file"].as_str().unwrap(),
                s["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("atti/atto.odp", "unsupported"),
            ("atti/atto.pptx", "unsupported"),
            ("atti/copia_045.txt", "duplicate"),
            ("atti/foto.gif", "unsupported"),
            ("atti/pacco.zip", "unsupported"),
        ]
    );
    assert_eq!(skipped[2]["duplicate_of"], "atti/2023/delibera_045.txt");

    // A path outside the archive root, or one that does not exist: exit 2, named.
    let out = atti(&base, &["ingest", "/tmp", "--index", idx]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("fuori dalla radice dell'archivio"));
    let out = atti(&base, &["ingest", "atti/nessuno", "--index", idx]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("atti/nessuno: file o cartella inesistente")
    );
}

#[test]
fn run_twice_in_place_gives_the_same_tables() {
    let tmp = tempfile::tempdir().unwrap();
    let base = std::fs::canonicalize(tmp.path()).unwrap();
    archive(&base);
    let here = base.join("atti");
    let first = atti_ok(
        &here,
        &[
            "run",
            ".",
            "--out",
            "out",
            "--json",
            "--as-of",
            "2026-11-22",
        ],
        0,
    );
    let tables: Vec<String> = ["documents", "skipped", "failures", "phases"]
        .iter()
        .map(|t| {
            mask_column(
                &std::fs::read_to_string(here.join(format!("out/{t}.csv"))).unwrap(),
                "ingested_at",
            )
        })
        .collect();
    let second = atti_ok(
        &here,
        &[
            "run",
            ".",
            "--out",
            "out",
            "--json",
            "--as-of",
            "2026-11-22",
        ],
        0,
    );
    let s1: serde_json::Value = serde_json::from_str(first.trim()).unwrap();
    let s2: serde_json::Value = serde_json::from_str(second.trim()).unwrap();
    assert_eq!(
        (s1["seen"].clone(), s2["seen"].clone()),
        (7.into(), 7.into()),
        "{s2}"
    );
    assert_eq!(s2["unchanged"], 3, "{s2}");
    for (t, before) in ["documents", "skipped", "failures", "phases"]
        .iter()
        .zip(tables)
    {
        let now = mask_column(
            &std::fs::read_to_string(here.join(format!("out/{t}.csv"))).unwrap(),
            "ingested_at",
        );
        assert_eq!(now, before, "{t}.csv changed on the second run");
    }
    let report = std::fs::read_to_string(here.join("out/compliance.md")).unwrap();
    assert!(!report.contains("compliance.md"), "the report was ingested");
}

#[test]
fn removing_and_pruning_keep_documents_and_copies_consistent() {
    let tmp = tempfile::tempdir().unwrap();
    let base = std::fs::canonicalize(tmp.path()).unwrap();
    archive(&base);
    let index = base.join("index");
    let idx = index.to_str().unwrap();
    atti_ok(&base, &["ingest", "atti", "--index", idx], 0);

    // The document's own file goes: its copy takes the document over.
    std::fs::remove_file(base.join("atti/2023/delibera_045.txt")).unwrap();
    atti_ok(&base, &["ingest", "atti", "--index", idx, "--prune"], 0);
    let docs = export_jsonl(&base, &index, "documents");
    assert_eq!(docs[0]["source_file"], "atti/copia_045.txt", "{docs:?}");
    assert_eq!(docs[0]["paths"], "atti/copia_045.txt");
    assert!(export_jsonl(&base, &index, "skipped")
        .iter()
        .all(|s| s["reason"] == "unsupported"));

    // Removed by doc_id: gone from every table.
    let id = docs[1]["doc_id"].as_str().unwrap().to_owned();
    atti_ok(&base, &["remove", &id, "--index", idx], 0);
    let docs = export_jsonl(&base, &index, "documents");
    assert_eq!(docs.len(), 1);
    let phases = atti_ok(&base, &["export", "phases", "--index", idx], 0);
    assert_eq!(phases.lines().count(), 1, "{phases}");
    // A key that names nothing: exit 2, nothing removed.
    let out = atti(&base, &["remove", "nessuno.pdf", "--index", idx]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(export_jsonl(&base, &index, "documents").len(), 1);
}

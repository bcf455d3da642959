//! The `check` and `export` commands end to end: a temporary index built by
//! `atti ingest`, checks from a `--rules` folder, exit codes and outputs.

use std::path::Path;
use std::process::{Command, Output};

fn atti(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atti"))
        .args(args)
        .env_remove("ATTI_INDEX")
        .output()
        .expect("run atti")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// An index holding one undated note, and a rules folder whose only check
/// asks every document for a date.
fn setup() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(
        docs.join("nota.txt"),
        "Nota interna dell'ufficio\n\nSi trasmette il prospetto richiesto.\n",
    )
    .unwrap();
    let rules = tmp.path().join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::write(
        rules.join("compliance.toml"),
        "[[check]]\nid = \"doc.date\"\nkind = \"*\"\nseverity = \"warning\"\ntype = \"required_field\"\nfield = \"document.date\"\ndescription = \"Ogni documento è datato.\"\n",
    )
    .unwrap();
    let index = tmp.path().join("index");
    let out = atti(&["ingest", s(&docs), "--index", s(&index)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (tmp, index, rules)
}

#[test]
fn check_exit_code_follows_fail_on() {
    let (_tmp, index, rules) = setup();
    let base = [
        "check",
        "--index",
        s(&index),
        "--rules",
        s(&rules),
        "--no-builtin-rules",
        "--as-of",
        "2026-11-22",
    ];
    let run = |extra: &[&str]| {
        let mut a: Vec<&str> = base.to_vec();
        a.extend_from_slice(extra);
        atti(&a)
    };
    let out = run(&["--fail-on", "warning"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("| `doc.date` | tutti | avviso | Ogni documento è datato. | 1 |"),
        "{md}"
    );
    assert!(md.contains("Documento: manca il campo `date`"), "{md}");
    assert!(md.contains("nota.txt"), "{md}");

    assert_eq!(run(&["--fail-on", "info"]).status.code(), Some(1));
    assert_eq!(run(&["--fail-on", "error"]).status.code(), Some(0));
    assert_eq!(run(&[]).status.code(), Some(0));

    let json = run(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["totals"]["warning"], 1);
    assert_eq!(v["documents"][0]["findings"][0]["check"], "doc.date");

    let html = String::from_utf8(run(&["--format", "html"]).stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("manca il campo"));
}

#[test]
fn a_mistake_in_compliance_toml_is_a_configuration_error() {
    let (_tmp, index, rules) = setup();
    std::fs::write(
        rules.join("compliance.toml"),
        "[[check]]\nid = \"doc.date\"\nkind = \"*\"\nseverity = \"grave\"\ntype = \"required_field\"\nfield = \"document.date\"\ndescription = \"x\"\n",
    )
    .unwrap();
    let out = atti(&[
        "check",
        "--index",
        s(&index),
        "--rules",
        s(&rules),
        "--no-builtin-rules",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("compliance.toml:4:"), "{err}");
    assert!(err.contains("doc.date") && err.contains("grave"), "{err}");
}

#[test]
fn export_for_italian_excel() {
    let (_tmp, index, _) = setup();
    let out = atti(&[
        "export",
        "documents",
        "--index",
        s(&index),
        "--delimiter",
        ";",
        "--bom",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = out.stdout;
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 byte order mark first"
    );
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "doc_id;source_file;kind;status;title;year;date;pages;chars;sha256;extractor;ingested_at;paths;signer;signed_at;ocr_confidence;administration"
    );
    let row: Vec<&str> = lines.next().unwrap().split(';').collect();
    assert_eq!(row.len(), 17);
    assert!(row[1].ends_with("nota.txt"), "{row:?}");

    let jsonl = atti(&[
        "export",
        "documents",
        "--index",
        s(&index),
        "--format",
        "jsonl",
        "--kind",
        "nessuno",
    ]);
    assert!(jsonl.status.success());
    assert!(jsonl.stdout.is_empty(), "the kind filter leaves nothing");
}

/// The acceptance case of issue 6: the protocol of the Ufficio di Piano in
/// samples/, "con validità fino al 31 dicembre 2023", is expired on
/// 22/11/2026, and `run --fail-on error` says so with exit code 1; the
/// report equals tests/expected/compliance.md.
#[test]
fn seed_protocol_is_reported_expired() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    // From the repository root, so that source_file reads `samples/...`.
    let r = Command::new(env!("CARGO_BIN_EXE_atti"))
        .args([
            "run",
            "samples",
            "--out",
            s(&out),
            "--as-of",
            "2026-11-22",
            "--fail-on",
            "error",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("ATTI_INDEX")
        .output()
        .unwrap();
    assert_eq!(
        r.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    let md = std::fs::read_to_string(out.join("compliance.md")).unwrap();
    let line = md
        .lines()
        .find(|l| {
            l.contains("`validity.expired`")
                && l.contains("scaduta il 31/12/2023 (verifica al 22/11/2026)")
        })
        .unwrap_or_else(|| panic!("no expired-validity finding in:\n{md}"));
    assert!(line.starts_with("| 1 |"), "page 1: {line}");
    let section = &md[md
        .find("### samples/ambito_corsichese_ufficio_di_piano.txt")
        .expect("a section for the protocol")..];
    let section = &section[..section[4..].find("\n### ").map_or(section.len(), |i| i + 4)];
    assert!(
        section.contains(line),
        "the finding is in the protocol's section"
    );
    // The whole report, as checked in (regenerate with ATTI_BLESS=1 when
    // samples/ or the rules change, and review the diff).
    crate::common::golden("compliance.md", &md);
}

/// `run` writes every table with the table options: a file named like a
/// formula is guarded in the documents table, unless --raw.
#[test]
fn run_writes_guarded_tables_for_italian_excel() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("=SI.txt"),
        "Nota interna\nTesto della nota.\n",
    )
    .unwrap();
    let run = |out: &str, extra: &[&str]| {
        let mut args = vec!["run", "=SI.txt", "--out", out, "--delimiter", ";", "--bom"];
        args.extend_from_slice(extra);
        let r = Command::new(env!("CARGO_BIN_EXE_atti"))
            .args(&args)
            .current_dir(tmp.path())
            .env_remove("ATTI_INDEX")
            .output()
            .unwrap();
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
        std::fs::read(tmp.path().join(out).join("documents.csv")).unwrap()
    };
    let guarded = run("out", &[]);
    assert!(guarded.starts_with(&[0xEF, 0xBB, 0xBF]));
    let text = String::from_utf8(guarded[3..].to_vec()).unwrap();
    let row = text.split("\r\n").nth(1).unwrap();
    let cells: Vec<&str> = row.split(';').collect();
    assert_eq!(cells[1], "'=SI.txt", "{row}");
    for t in [
        "objectives",
        "phases",
        "indicators",
        "decisions",
        "references",
        "failures",
    ] {
        let bytes = std::fs::read(tmp.path().join("out").join(format!("{t}.csv"))).unwrap();
        assert!(
            bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
            "{t}.csv has the BOM"
        );
        assert!(
            String::from_utf8(bytes[3..].to_vec())
                .unwrap()
                .contains(";"),
            "{t}.csv uses ';'"
        );
    }
    let raw = run("raw", &["--raw"]);
    let text = String::from_utf8(raw[3..].to_vec()).unwrap();
    assert_eq!(
        text.split("\r\n").nth(1).unwrap().split(';').nth(1),
        Some("=SI.txt")
    );
}

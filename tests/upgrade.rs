//! An index made by an earlier build opens in this one: searched, exported,
//! and brought up to date by the next ingest without doubling a document.
//!
//! `tests/fixtures/index-dd340ed/` is the index `atti run samples` wrote with
//! the build of commit dd340ed (before the workspace, the typed tables and
//! the versions). Its records carry that build's fingerprint and it holds
//! no stored pages, so the next ingest reads the six samples again,
//! replaces them and stores their pages.

use crate::common::*;

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

#[test]
fn an_index_of_the_previous_build_opens_and_is_brought_up_to_date() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    copy_dir(&root().join("tests/fixtures/index-dd340ed"), &index);
    let idx = index.to_str().unwrap();

    let out = atti(
        &root(),
        &["search", "convenzioni", "--index", idx, "-n", "1"],
    );
    let found = String::from_utf8_lossy(&out.stdout);
    assert!(found.contains("samples/peg_2021_Z001"), "{found}");
    let notice = String::from_utf8_lossy(&out.stderr);
    assert!(
        notice.contains("versione precedente di atti (formato 1)"),
        "{notice}"
    );
    let docs = atti_ok(&root(), &["export", "documents", "--index", idx], 0);
    assert_eq!(docs.lines().count(), 7, "{docs}");

    let summary = atti_ok(&root(), &["ingest", "samples", "--index", idx, "--json"], 0);
    let s: serde_json::Value = serde_json::from_str(summary.trim()).unwrap();
    assert_eq!(
        (
            &s["upgraded"]["from"],
            &s["upgraded"]["to"],
            &s["upgraded"]["records"]
        ),
        (
            &serde_json::json!(1),
            &serde_json::json!(3),
            &serde_json::json!(6)
        ),
        "the layout-1 index is rebuilt from its stored records first: {s}"
    );
    assert_eq!(
        s["changed"], 6,
        "records of another build are made again: {s}"
    );
    assert_eq!(s["documents_in_index"], 6, "{s}");
    // The index had no stored pages: the files read now have theirs.
    let stored: usize = std::fs::read_dir(index.join("pages"))
        .unwrap()
        .flatten()
        .map(|d| std::fs::read_dir(d.path()).unwrap().count())
        .sum();
    assert_eq!(stored, 6, "one stored reading per content read");

    let phases = atti_ok(&root(), &["export", "phases", "--index", idx], 0);
    golden("phases.csv", &phases);
    let again = atti_ok(&root(), &["ingest", "samples", "--index", idx, "--json"], 0);
    let s: serde_json::Value = serde_json::from_str(again.trim()).unwrap();
    assert_eq!(
        (&s["unchanged"], &s["upgraded"]),
        (&serde_json::json!(6), &serde_json::Value::Null),
        "{s}"
    );
    assert!(
        index.join("atti-index.json").exists(),
        "the layout version is written"
    );
    assert!(!tmp.path().join("index.old").exists() && !tmp.path().join("index.rebuild").exists());
}

#[test]
fn an_index_of_a_newer_layout_is_refused_with_a_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    copy_dir(&root().join("tests/fixtures/index-dd340ed"), &index);
    std::fs::write(index.join("atti-index.json"), r#"{"schema_version": 99}"#).unwrap();
    let out = atti(
        &root(),
        &["search", "convenzioni", "--index", index.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("versione più recente di atti"), "{err}");
}

/// Records stored before the money columns (CIG, amounts, parties,
/// administration) read as records with those values empty: the old index
/// exports its decisions under the new header and empty amounts and
/// parties tables, before any ingest.
#[test]
fn records_stored_before_the_money_columns_read_with_them_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    copy_dir(&root().join("tests/fixtures/index-dd340ed"), &index);
    let idx = index.to_str().unwrap();
    let decisions = atti_ok(
        &root(),
        &[
            "export",
            "decisions",
            "--index",
            idx,
            "--csv-dialect",
            "rfc",
        ],
        0,
    );
    let header = decisions.lines().next().unwrap();
    assert!(
        header.ends_with("cig,cup,procedure,selection_method,selection_basis,selection_basis_urn,main_amount,main_amount_role,responsible"),
        "{header}"
    );
    assert!(decisions.lines().count() > 1, "{decisions}");
    for t in ["amounts", "parties"] {
        let rows = atti_ok(&root(), &["export", t, "--index", idx], 0);
        assert_eq!(rows.lines().count(), 1, "{t}: {rows}");
    }
    let docs = atti_ok(
        &root(),
        &[
            "export",
            "documents",
            "--index",
            idx,
            "--csv-dialect",
            "rfc",
        ],
        0,
    );
    assert!(
        docs.lines().next().unwrap().ends_with(",administration"),
        "{docs}"
    );
}

/// An index made before the act's facts were fields of their own (layout
/// 3) searches as before; a filter on those facts says, in Italian, that
/// an ingest brings the index up to date, and after it the filter works.
#[test]
fn the_act_filters_on_an_older_index_ask_for_an_ingest() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    copy_dir(&root().join("tests/fixtures/index-dd340ed"), &index);
    let idx = index.to_str().unwrap();
    let out = atti(&root(), &["search", "procedure:planning", "--index", idx]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`atti ingest` lo aggiorna"), "{err}");
    atti_ok(&root(), &["ingest", "samples", "--index", idx, "--json"], 0);
    let found = atti_ok(
        &root(),
        &["search", "number:45/2023", "--index", idx, "--json"],
        0,
    );
    assert!(
        found.contains("samples/delibera_giunta_2023_045.txt"),
        "{found}"
    );
}

//! Defects found by using atti as an archive clerk does (session 52's sweep
//! of every command on real folders), each reproduced with the command
//! that showed it.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use crate::common::*;

/// Runs atti as an account that may only read `dir`'s files: the user
/// `nobody` when the tests run as root (root reads and writes everything),
/// else the user itself over files made read-only. `None` when the tests
/// run as root without `setpriv` to change user.
fn atti_read_only(dir: &Path, args: &[&str]) -> Option<Output> {
    chmod_tree(dir, false);
    let mut cmd = if unsafe { libc::geteuid() } == 0 {
        if Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("setpriv is missing: this test cannot change user, skipped");
            return None;
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_atti"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_atti"))
    };
    let out = cmd
        .args(args)
        .current_dir(dir)
        .env_remove("ATTI_INDEX")
        .output()
        .expect("the atti binary runs");
    chmod_tree(dir, true);
    Some(out)
}

/// Makes every folder and file under `dir` writable by its owner, or
/// readable by all and writable by none.
fn chmod_tree(dir: &Path, writable: bool) {
    for e in walk(dir) {
        let is_dir = e.is_dir();
        let mode = match (is_dir, writable) {
            (true, true) => 0o755,
            (true, false) => 0o555,
            (false, true) => 0o644,
            (false, false) => 0o444,
        };
        std::fs::set_permissions(&e, std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut all = vec![dir.to_owned()];
    let mut i = 0;
    while i < all.len() {
        if all[i].is_dir() && !all[i].is_symlink() {
            for e in std::fs::read_dir(&all[i]).unwrap() {
                all.push(e.unwrap().path());
            }
        }
        i += 1;
    }
    all
}

/// A colleague who may read the office's index but not write it searches
/// it, shows a document and exports a table: reading takes no lock that
/// needs to write (tantivy's reader asked for a lock file it could not
/// open: "Failed to acquire Lockfile").
#[test]
fn an_index_that_may_only_be_read_is_searched_shown_and_exported() {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("w");
    std::fs::create_dir(&work).unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let samples = root().join("samples");
    atti_ok(
        &root(),
        &[
            "ingest",
            samples.to_str().unwrap(),
            "--index",
            work.join("index").to_str().unwrap(),
        ],
        0,
    );
    let commands: [&[&str]; 4] = [
        &["search", "convenzioni", "--index", "index", "--json"],
        &["export", "documents", "--index", "index"],
        &["stats", "--index", "index"],
        &["check", "--index", "index"],
    ];
    for args in commands {
        let Some(out) = atti_read_only(&work, args) else {
            return;
        };
        assert_eq!(
            out.status.code(),
            Some(0),
            "atti {args:?}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "atti {args:?} printed nothing");
    }
}

/// An empty file is a document without text whatever its name says
/// (`no_text`, as an empty `.txt` was), not a failure "PDF: couldn't parse
/// input" or "archivio ZIP danneggiato"; two empty files are one content,
/// so the second is a copy. `atti extract` of one prints nothing and
/// succeeds.
#[test]
fn an_empty_file_is_a_document_without_text_whatever_its_extension() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archivio");
    std::fs::create_dir(&dir).unwrap();
    for name in ["vuoto.pdf", "vuoto.docx", "vuoto.xlsx"] {
        std::fs::write(dir.join(name), b"").unwrap();
    }
    let index = tmp.path().join("index");
    let idx = index.to_str().unwrap();
    atti_ok(tmp.path(), &["ingest", "archivio", "--index", idx], 0);
    let docs = export_jsonl(tmp.path(), &index, "documents");
    let fails = export_jsonl(tmp.path(), &index, "failures");
    let skipped = export_jsonl(tmp.path(), &index, "skipped");
    assert!(fails.is_empty(), "{fails:?}");
    assert_eq!(docs.len(), 1, "{docs:?}");
    assert_eq!(docs[0]["status"], "no_text", "{docs:?}");
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    let out = atti_ok(tmp.path(), &["extract", "archivio/vuoto.pdf"], 0);
    assert!(out.trim().is_empty(), "{out}");
}

/// `atti extract FILE --json --rules-output`: the kind and the values the
/// rules read are in the JSON on stdout (a `rules` object), where a script
/// reads them, not printed as text on stderr beside it.
#[test]
fn extract_json_with_rules_output_holds_the_values_in_the_json() {
    let out = atti(
        &root(),
        &[
            "extract",
            "samples/delibera_giunta_2023_045.txt",
            "--json",
            "--rules-output",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(v["rules"]["kind"], "deliberation", "{}", v["rules"]);
    let fields = v["rules"]["fields"].as_array().expect("a list of fields");
    assert!(
        fields.iter().any(|f| f["name"] == "decision.decision_date"),
        "{fields:?}"
    );
    assert!(v["pages"].is_array());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("decision."), "values on stderr: {err}");
}

/// The summary's counts add up to the files seen, each file counted once:
/// a new file that cannot be read is `failed`, not also `new` (it was both,
/// so that ten files were summed as "new 5 ... failed 7"), and so is a
/// changed file that can no longer be read.
#[test]
fn the_summary_counts_each_file_once() {
    let (tmp, dir) = archive_with_a_broken_pdf();
    std::fs::write(
        dir.join("b.txt"),
        "DELIBERAZIONE N. 2 DEL 4/3/2024\nOGGETTO: altra",
    )
    .unwrap();
    let args = ["ingest", "archivio", "--index", "idx", "--json"];
    let summary = |out: String| -> serde_json::Value { serde_json::from_str(out.trim()).unwrap() };
    let s = summary(atti_ok(tmp.path(), &args, 0));
    let n = |k: &str| s[k].as_u64().unwrap();
    assert_eq!((n("seen"), n("new"), n("failed")), (3, 2, 1), "{s}");
    // The text becomes a broken PDF: changed, and failed only.
    std::fs::write(dir.join("b.txt"), b"%PDF-1.7\n1 0 obj << /Type").unwrap();
    let s = summary(atti_ok(tmp.path(), &args, 0));
    let n = |k: &str| s[k].as_u64().unwrap();
    let parts = [
        "new",
        "changed",
        "unchanged",
        "reapplied",
        "unaffected",
        "failed",
        "skipped",
    ];
    assert_eq!(parts.iter().map(|k| n(k)).sum::<u64>(), n("seen"), "{s}");
    // The broken PDF, unchanged, is not read again: unchanged.
    assert_eq!(
        (n("changed"), n("unchanged"), n("failed")),
        (0, 2, 1),
        "{s}"
    );
}

/// `atti extract FILE` on a file it cannot read names the file in its
/// message, as a script looping over files needs (it said only "PDF:
/// failed parsing cross reference table").
#[test]
fn extract_names_the_file_it_cannot_read() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("rotto.pdf"), b"%PDF-1.7\n1 0 obj << /Type").unwrap();
    let out = atti(tmp.path(), &["extract", "rotto.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rotto.pdf: PDF: "), "{err}");
}

/// What atti says to the person running it is Italian (the summary, the
/// failure's reason), what a script reads stays English (`--json` keys,
/// the `stage` code): the summary said "files seen ... failed" and a broken
/// PDF's reason was lopdf's "couldn't parse input" beside Italian lines.
#[test]
fn messages_are_italian_and_codes_stay_english() {
    let (tmp, _) = archive_with_a_broken_pdf();
    let out = atti(tmp.path(), &["run", "archivio", "--out", "out"]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("file visti 2: nuovi 1,"), "{err}");
    assert!(
        err.contains("non letti 1 (senza testo 0, cifrati 0)"),
        "{err}"
    );
    assert!(
        err.contains("indice: 1 documenti, 1 file non letti"),
        "{err}"
    );
    let failures = std::fs::read_to_string(tmp.path().join("out/failures.csv")).unwrap();
    let row = failures
        .lines()
        .find(|l| l.contains("rotto.pdf"))
        .expect(&failures);
    assert!(
        row.contains(";extract;PDF: tabella dei riferimenti incrociati (xref) non leggibile ("),
        "{row}"
    );
    let s = atti_ok(
        tmp.path(),
        &["ingest", "archivio", "--index", "out/index", "--json"],
        0,
    );
    let s: serde_json::Value = serde_json::from_str(s.trim()).unwrap();
    // `export --out` into a folder that does not exist makes it, and says so.
    let out = atti(
        tmp.path(),
        &[
            "export",
            "decisions",
            "--index",
            "out/index",
            "--out",
            "nuova/cartella/d.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("creata la cartella nuova/cartella"), "{err}");
    assert!(tmp.path().join("nuova/cartella/d.csv").is_file());
    assert_eq!(
        (s["seen"].as_u64(), s["unchanged"].as_u64()),
        (Some(2), Some(2)),
        "{s}"
    );
}

/// A folder `archivio` in a new temporary folder, with a determination as
/// text (`a.txt`) and a PDF that cannot be parsed (`rotto.pdf`).
fn archive_with_a_broken_pdf() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archivio");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "DETERMINAZIONE N. 1 DEL 3/3/2024\nOGGETTO: prova",
    )
    .unwrap();
    std::fs::write(
        dir.join("rotto.pdf"),
        b"%PDF-1.7\n1 0 obj << /Type /Catalog",
    )
    .unwrap();
    (tmp, dir)
}

//! `atti search` tells the clerk what it did: a query it cannot read is an
//! error that says why (exit 2), never an empty result or a crash; `-word`
//! works from the command line; `conv*` finds the words that begin so; a
//! date filter says how many undated documents it left out.

use std::path::Path;

use crate::common::{atti, atti_ok, root};

/// An index of `samples/` in a temporary folder: six documents, the two
/// PEG sheets without a date.
fn samples_index() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let idx = tmp.path().join("idx");
    atti_ok(
        tmp.path(),
        &[
            "ingest",
            samples.to_str().unwrap(),
            "--index",
            idx.to_str().unwrap(),
        ],
        0,
    );
    tmp
}

/// Runs `atti search ARGS --index <tmp>/idx`: exit code, stdout, stderr.
fn search(tmp: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let idx = tmp.join("idx");
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.extend(["--index", idx.to_str().unwrap()]);
    let out = atti(tmp, &all);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts that `atti search ARGS` exits 2 with `message` on stderr and
/// nothing on stdout.
fn refused(tmp: &Path, args: &[&str], message: &str) {
    let (code, stdout, stderr) = search(tmp, args);
    let shown: Vec<String> = args.iter().map(|a| a.chars().take(40).collect()).collect();
    assert_eq!(code, Some(2), "{shown:?}\nstderr: {stderr}");
    assert!(
        stderr.contains(message),
        "{shown:?}: expected `{message}` in\n{stderr}"
    );
    assert!(stdout.is_empty(), "{shown:?}: {stdout}");
}

#[test]
fn queries_that_cannot_be_read_exit_2_with_the_reason() {
    let tmp = samples_index();
    let t = tmp.path();
    refused(t, &["foo:bar"], "campo sconosciuto `foo` in `foo:bar`. I campi sono: code (codice, cod), director (direttore)");
    refused(t, &["giunta AND"], "manca una parola dopo `AND`");
    refused(t, &["AND"], "manca una parola prima di `AND`");
    refused(t, &["(giunta"], "una parentesi `(` è aperta e non chiusa");
    refused(
        t,
        &["giunta", "OR", "OR", "consiglio"],
        "`OR` e `OR` di seguito",
    );
    refused(
        t,
        &["kind:foo"],
        "tipo sconosciuto `foo`; i tipi sono: peg, deliberation (delibera), other (altro)",
    );
    refused(
        t,
        &["giunta", "--kind", "foo"],
        "--kind: tipo sconosciuto `foo`",
    );
    refused(t, &["anno:corrente"], "anno non valido in `anno:corrente`");
    refused(t, &["co*"], "scrivi almeno 3 lettere prima di `*`");
    refused(t, &["giunta", "-n", "0"], "-n 0: il numero di risultati");
    refused(
        t,
        &["giunta", "--from", "2023-01-01", "--to", "2022-01-01"],
        "--from 2023-01-01 viene dopo --to 2022-01-01",
    );
}

#[test]
fn deep_and_long_queries_exit_2_not_abort() {
    let tmp = samples_index();
    let t = tmp.path();
    let nested = |n: usize| "(".repeat(n) + "giunta" + &")".repeat(n);
    refused(
        t,
        &[&nested(10_000)],
        "ricerca troppo lunga: 20006 caratteri, al massimo 1000",
    );
    refused(
        t,
        &[&("NOT ".repeat(10_000) + "giunta")],
        "ricerca troppo lunga",
    );
    refused(
        t,
        &[&nested(17)],
        "troppe parentesi una dentro l'altra: al massimo 16",
    );
    refused(
        t,
        &[&("NOT ".repeat(100) + "giunta")],
        "due `NOT` di seguito",
    );
    let (code, stdout, _) = search(t, &[&nested(16)]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("delibera_giunta_2023_045.txt"), "{stdout}");
}

#[test]
fn a_word_with_a_dash_excludes_it_and_flags_still_work_after_it() {
    let tmp = samples_index();
    let t = tmp.path();
    let (code, stdout, stderr) = search(t, &["consiglio", "-giunta", "-n", "5"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("verbale_consiglio_2022_012.html"),
        "{stdout}"
    );
    // The Giunta's act is `comunale`, and `-giunta` leaves it out.
    let (_, with_giunta, _) = search(t, &["comunale", "-n", "5"]);
    assert!(
        with_giunta.contains("delibera_giunta_2023_045.txt"),
        "{with_giunta}"
    );
    let (code, stdout, _) = search(t, &["comunale", "-giunta", "-n", "5"]);
    assert_eq!(code, Some(0));
    assert!(
        stdout.contains("verbale_consiglio_2022_012.html"),
        "{stdout}"
    );
    assert!(!stdout.contains("delibera_giunta_2023_045.txt"), "{stdout}");
    // Flags on either side of the words, the dashed word first.
    let (code, stdout, _) = search(t, &["--json", "-giunta", "consiglio", "-n", "1"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        stdout.lines().count(),
        2,
        "one hit and the summary: {stdout}"
    );
    // A mistyped flag is still refused by the command line.
    let (code, _, stderr) = search(t, &["consiglio", "--limt", "3"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("--limt"), "{stderr}");
}

#[test]
fn a_prefix_finds_the_words_that_begin_so() {
    let tmp = samples_index();
    let (code, stdout, stderr) = search(tmp.path(), &["conv*", "--color", "never"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("peg_2021_Z001"), "{stdout}");
    assert!(
        stdout.contains("[[convenzione]]") || stdout.contains("[[convenzioni]]"),
        "{stdout}"
    );
}

#[test]
fn a_date_filter_says_how_many_undated_documents_it_left_out() {
    let tmp = samples_index();
    let t = tmp.path();
    let (code, stdout, stderr) = search(t, &["convenzioni", "--from", "2022-01-01"]);
    assert_eq!(code, Some(0));
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("2 documenti senza data non mostrati; --include-undated per includerli"),
        "{stderr}"
    );
    let (code, stdout, stderr) = search(
        t,
        &["convenzioni", "--from", "2022-01-01", "--include-undated"],
    );
    assert_eq!(code, Some(0));
    // The archive root is samples/ itself (the path given lies outside the
    // working folder), so names are relative to it.
    assert!(stdout.contains("] peg_2021_Z001.txt"), "{stdout}");
    assert!(!stderr.contains("senza data"), "{stderr}");
    // `date:` in the query counts them too.
    let (_, _, stderr) = search(t, &["data:28/04/2022"]);
    assert!(
        stderr.contains("2 documenti senza data non mostrati"),
        "{stderr}"
    );

    // --json: the hit lines as before, then one summary line.
    let (code, stdout, _) = search(t, &["convenzioni", "--to", "2030-12-31", "--json"]);
    assert_eq!(code, Some(0));
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (summary, hits) = lines.split_last().expect("a summary line");
    assert_eq!(summary["summary"]["hits"], hits.len());
    assert_eq!(summary["summary"]["undated_not_shown"], 2);
    assert!(hits
        .iter()
        .all(|h| h["rank"].is_u64() && h["source_file"].is_string()));
}

//! Tests of what a search tells the person searching: the queries it
//! refuses and what it says, prefixes, exclusions written as people write
//! them, and the undated documents a date filter leaves out.
//!
//! The corpus is that of [`super::tests`]: two dated deliberations (Giunta
//! 17/03/2022, Consiglio 28/04/2023) and three documents without a date.

use std::collections::BTreeSet;

use super::search::{answer, search, Answer, Request};
use super::tests::{base, build, corpus, find, find_with};
use super::Index;
use crate::error::Error;

fn files(index: &Index, q: &str) -> BTreeSet<String> {
    find(index, q).into_iter().map(|h| h.source_file).collect()
}

fn refused(index: &Index, req: Request) -> Error {
    match search(index, &req) {
        Err(e) => e,
        Ok(hits) => panic!(
            "`{}` should be refused, found {} hits",
            req.query,
            hits.len()
        ),
    }
}

/// The message of a query refused as a query mistake.
fn query_error(index: &Index, q: &str) -> String {
    let req = Request {
        query: q.into(),
        limit: 10,
        ..Request::default()
    };
    match refused(index, req) {
        Error::Query(m) => m,
        e => panic!("`{q}`: not a query error: {e}"),
    }
}

fn usage_error(index: &Index, req: Request) -> String {
    match refused(index, req) {
        Error::Usage(m) => m,
        e => panic!("not a usage error: {e}"),
    }
}

fn dated(q: &str, from: Option<&str>, to: Option<&str>, include_undated: bool) -> Request {
    Request {
        query: q.into(),
        from: from.map(|d| d.parse().unwrap()),
        to: to.map(|d| d.parse().unwrap()),
        include_undated,
        limit: 50,
        ..Request::default()
    }
}

fn ask(index: &Index, req: Request) -> Answer {
    answer(index, &req).unwrap_or_else(|e| panic!("`{}`: {e}", req.query))
}

#[test]
fn mistakes_are_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let m = query_error(&index, "foo:bar");
    assert!(m.contains("campo sconosciuto `foo`"), "{m}");
    assert!(m.contains("director (direttore)"), "{m}");
    assert!(query_error(&index, "giunta AND").contains("manca una parola dopo `AND`"));
    assert!(query_error(&index, "AND").contains("manca una parola prima di `AND`"));
    assert!(query_error(&index, "(giunta").contains("manca `)`"));
    assert!(query_error(&index, "NOT NOT giunta").contains("due `NOT`"));
    assert!(query_error(&index, "anno:corrente").contains("anno non valido"));
    let m = query_error(&index, "kind:foo giunta");
    assert!(m.contains("tipo sconosciuto `foo`"), "{m}");
    assert!(
        m.contains("peg, deliberation (delibera), other (altro)"),
        "{m}"
    );
    // Never a crash: too deep, too long.
    let nested = |n: usize| "(".repeat(n) + "giunta" + &")".repeat(n);
    assert!(query_error(&index, &nested(17)).contains("troppe parentesi"));
    assert!(query_error(&index, &nested(10_000)).contains("troppo lunga"));
    assert!(query_error(&index, &("NOT ".repeat(10_000) + "giunta")).contains("troppo lunga"));
    assert_eq!(find(&index, &nested(16)).len(), 2);

    let m = usage_error(
        &index,
        Request {
            query: "giunta".into(),
            ..Request::default()
        },
    );
    assert!(m.contains("-n 0"), "{m}");
    let m = usage_error(
        &index,
        Request {
            query: "giunta".into(),
            kind: Some("foo".into()),
            limit: 10,
            ..Request::default()
        },
    );
    assert!(m.starts_with("--kind: tipo sconosciuto `foo`"), "{m}");
    let m = usage_error(
        &index,
        dated("giunta", Some("2023-01-01"), Some("2022-01-01"), false),
    );
    assert!(m.contains("viene dopo --to"), "{m}");
    // Italian kind names are kinds.
    let delibere = Request {
        kind: Some("delibera".into()),
        ..Request::default()
    };
    assert_eq!(find_with(&index, "comunale", delibere).len(), 2);
    assert_eq!(
        files(&index, "tipo:altro"),
        ["samples/ambito_corsichese_ufficio_di_piano.txt".to_string()].into()
    );
}

#[test]
fn prefixes_find_the_words_that_begin_so() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let giunta = "atti/giunta_42_2022.txt".to_string();
    let conv = files(&index, "conv*");
    assert!(conv.is_superset(&files(&index, "convenzione")), "{conv:?}");
    assert!(conv.contains(&giunta));
    // The words found are marked in the passage.
    let hit = find(&index, "conv*")
        .into_iter()
        .find(|h| h.source_file == giunta)
        .unwrap();
    assert!(
        hit.snippet.to_lowercase().contains("[[conv"),
        "{}",
        hit.snippet
    );
    // A whole word with a star finds what the word finds (stems are no prefixes).
    assert!(files(&index, "convenzioni*").contains(&giunta));
    // Folded, not stemmed: `citt*` is città.
    assert!(files(&index, "CITT*").contains("atti/consiglio_7_2023.txt"));
    assert_eq!(
        files(&index, "direttore:asc*"),
        ["samples/peg_2021_Z001.txt".to_string()].into()
    );
    let pegs: BTreeSet<String> = ["peg/peg_2021_Z002.txt", "samples/peg_2021_Z001.txt"]
        .map(String::from)
        .into();
    assert_eq!(files(&index, "code:2021_Z*"), pegs);
    assert!(files(&index, "2021_z00*").is_superset(&pegs));
    let rendic = files(&index, "rendic* -convenzione");
    assert!(rendic.contains("atti/consiglio_7_2023.txt") && !rendic.contains(&giunta));
    assert!(find(&index, "xyzq*").is_empty());
    assert!(query_error(&index, "co*").contains("almeno 3 lettere"));

    // Bounded: a prefix of more than MAX_TERMS words is refused.
    let words: Vec<String> = (0..250).map(|i| format!("abc{i:03}")).collect();
    let many = base("many.txt", "other", &words.join(" "));
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &[many]);
    assert!(query_error(&index, "abc*").contains("troppe parole cominciano con `abc`"));
    assert_eq!(find(&index, "abc1*").len(), 1);
}

#[test]
fn not_is_written_as_people_write_it() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let minus = files(&index, "comunale -consiglio");
    assert_eq!(
        minus,
        BTreeSet::from(["atti/giunta_42_2022.txt".to_string()])
    );
    assert_eq!(files(&index, "comunale NOT consiglio"), minus);
    // A required group of exclusions is those exclusions.
    assert_eq!(files(&index, "comunale AND NOT consiglio"), minus);
    assert_eq!(
        files(&index, "-(convenzione OR rendiconto)"),
        BTreeSet::from(["samples/ambito_corsichese_ufficio_di_piano.txt".to_string()])
    );
}

#[test]
fn undated_documents_left_out_by_a_date_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    // `convenzione`: the Giunta act (2022) and undated PEG sheets.
    let shown = ask(
        &index,
        dated("convenzione", Some("2022-01-01"), None, false),
    );
    let files_of =
        |a: &Answer| -> Vec<String> { a.hits.iter().map(|h| h.source_file.clone()).collect() };
    assert_eq!(files_of(&shown), ["atti/giunta_42_2022.txt"]);
    assert!(shown.undated_not_shown >= 2, "{}", shown.undated_not_shown);
    let all = ask(&index, dated("convenzione", Some("2022-01-01"), None, true));
    assert_eq!(all.undated_not_shown, 0);
    assert_eq!(
        all.hits.len() as u64,
        shown.hits.len() as u64 + shown.undated_not_shown
    );
    assert_eq!(
        all.hits.iter().filter(|h| h.date.is_none()).count() as u64,
        shown.undated_not_shown
    );
    // The same with --to, and with `date:` in the query.
    let to = ask(
        &index,
        dated("convenzione", None, Some("2022-12-31"), false),
    );
    assert_eq!(to.undated_not_shown, shown.undated_not_shown);
    let in_query = ask(
        &index,
        dated("convenzione data:17/03/2022", None, None, false),
    );
    assert_eq!(files_of(&in_query), ["atti/giunta_42_2022.txt"]);
    assert_eq!(in_query.undated_not_shown, shown.undated_not_shown);
    let with = ask(
        &index,
        dated("convenzione data:17/03/2022", None, None, true),
    );
    assert_eq!(with.hits.len(), all.hits.len());
    // A date excluded, or no date asked for: nothing left out.
    let excluded = ask(
        &index,
        dated("convenzione -data:17/03/2022", None, None, false),
    );
    assert_eq!(excluded.undated_not_shown, 0);
    assert!(excluded.hits.iter().any(|h| h.date.is_none()));
    assert_eq!(
        ask(&index, dated("convenzione", None, None, false)).undated_not_shown,
        0
    );
    // A date filter that leaves out no undated match.
    let rendiconto = ask(&index, dated("rendiconto", Some("2023-01-01"), None, false));
    assert_eq!(rendiconto.hits.len(), 1);
    assert_eq!(rendiconto.undated_not_shown, 0);
}

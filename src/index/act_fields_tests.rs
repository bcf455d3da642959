//! The search filters on the act's own facts, over a small index of three
//! acts whose values are set as the rules set them: a determination of a
//! contract with its CIG and amount, a grant of another body, a payment.

use std::collections::BTreeSet;

use super::tests::{base, build, find};
use super::Index;
use crate::error::Error;
use crate::record::{Decision, Document, Euro};

fn act(
    file: &str,
    text: &str,
    admin: &str,
    number: &str,
    date: (i32, u32, u32),
    dec: Decision,
) -> Document {
    let mut d = base(file, "deliberation", text);
    d.administration = Some(admin.into());
    d.date = chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2);
    d.year = Some(date.0);
    d.decisions = vec![Decision {
        act_number: Some(number.into()),
        decision_date: d.date,
        ..dec
    }];
    d
}

fn corpus() -> Vec<Document> {
    vec![
        act(
            "a/contratto.txt",
            "DETERMINAZIONE N. 45 DEL 12/04/2022. Affidamento diretto della fornitura di toner alla ditta Alfa S.r.l., CIG Z1234567AB, per euro 12.200,00. Richiamata la determinazione n. 44/2022.",
            "Comune di Esempio",
            "45",
            (2022, 4, 12),
            Decision {
                cig: Some("Z1234567AB".into()),
                procedure: Some("contract".into()),
                main_amount: Some(Euro::from_cents(1_220_000)),
                ..Decision::default()
            },
        ),
        act(
            "b/contributo.txt",
            "DELIBERAZIONE N. 44 DEL 3/3/2022. Concessione di un contributo di euro 500,00 all'associazione Beta. Cita la determinazione n. 45 del 2022.",
            "Provincia di Prova",
            "44",
            (2022, 3, 3),
            Decision {
                procedure: Some("grant".into()),
                main_amount: Some(Euro::from_cents(50_000)),
                ..Decision::default()
            },
        ),
        act(
            "c/liquidazione.txt",
            "DETERMINAZIONE DD/2023/00045. Liquidazione della fattura della ditta Alfa S.r.l. per euro 10.000,00.",
            "Comune di Esempio",
            "DD/2023/00045",
            (2023, 5, 2),
            Decision {
                procedure: Some("payment".into()),
                main_amount: Some(Euro::from_cents(1_000_000)),
                ..Decision::default()
            },
        ),
    ]
}

fn files(index: &Index, q: &str) -> BTreeSet<String> {
    find(index, q).into_iter().map(|h| h.source_file).collect()
}

fn set(v: &[&str]) -> BTreeSet<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn each_filter_finds_its_acts() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    assert_eq!(files(&index, "cig:Z1234567AB"), set(&["a/contratto.txt"]));
    assert_eq!(files(&index, "cig:z1234567ab"), set(&["a/contratto.txt"]));
    assert_eq!(
        files(&index, "procedure:contract"),
        set(&["a/contratto.txt"])
    );
    assert_eq!(
        files(&index, "procedura:contributo"),
        set(&["b/contributo.txt"])
    );
    assert_eq!(
        files(&index, "administration:\"Comune di Esempio\""),
        set(&["a/contratto.txt", "c/liquidazione.txt"])
    );
    assert_eq!(files(&index, "ente:provincia"), set(&["b/contributo.txt"]));
    assert_eq!(
        files(&index, "amount:>10000"),
        set(&["a/contratto.txt"]),
        "more than 10 000 euro: not the 10 000,00 itself"
    );
    assert_eq!(
        files(&index, "importo:>=10.000"),
        set(&["a/contratto.txt", "c/liquidazione.txt"])
    );
    assert_eq!(files(&index, "amount:<1000"), set(&["b/contributo.txt"]));
    assert_eq!(files(&index, "amount:<=500"), set(&["b/contributo.txt"]));
    assert_eq!(
        files(&index, "amount:500..10000"),
        set(&["b/contributo.txt", "c/liquidazione.txt"])
    );
    assert_eq!(files(&index, "importo:[10000 TO 12200]").len(), 2);
    assert_eq!(files(&index, "number:45/2022"), set(&["a/contratto.txt"]));
    assert_eq!(
        files(&index, "numero:45/2023"),
        set(&["c/liquidazione.txt"])
    );
    assert_eq!(
        files(&index, "procedure:payment amount:>5000"),
        set(&["c/liquidazione.txt"])
    );
}

#[test]
fn an_act_number_typed_as_words_finds_that_act_first() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    for q in [
        "delibera 45/2022",
        "determinazione n. 45 del 2022",
        "45/2022",
        "determinazione 45 del 2022",
    ] {
        let hits = find(&index, q);
        assert_eq!(
            hits.first().map(|h| h.source_file.as_str()),
            Some("a/contratto.txt"),
            "{q}: {:?}",
            hits.iter().map(|h| &h.source_file).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_bad_amount_is_refused_with_what_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let req = super::search::Request {
        query: "importo:>tanto".into(),
        limit: 10,
        ..Default::default()
    };
    match super::search::search(&index, &req) {
        Err(Error::Query(m)) => assert!(m.contains("importo non valido"), "{m}"),
        other => panic!("{other:?}"),
    }
}

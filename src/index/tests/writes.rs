//! Incremental writes, replacing and deleting, locking, garbage and older layouts.

use super::*;

#[test]
fn records_round_trip_without_storing_text_twice() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = giunta_convenzione();
    d.page_texts.push(String::new());
    d.page_texts.push("Pagina tre.".into());
    d.pages = 3;
    let index = build(dir.path(), &[d.clone(), peg_seed()]);
    let docs = index.documents().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0], d);
    assert_eq!(index.get(&d.doc_id).unwrap(), Some(d.clone()));
    assert_eq!(index.get("giunta_42_2022.txt").unwrap(), Some(d.clone()));
    // The stored record holds no page text: it lives once, in `body`.
    let searcher = index.searcher();
    let addr = searcher
        .search(
            &tantivy::query::TermQuery::new(
                tantivy::Term::from_field_text(index.fields().doc_id, &d.doc_id),
                tantivy::schema::IndexRecordOption::Basic,
            ),
            &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
        )
        .unwrap()[0]
        .1;
    let stored: tantivy::TantivyDocument = searcher.doc(addr).unwrap();
    use tantivy::schema::Value;
    let record = stored
        .get_first(index.fields().record)
        .unwrap()
        .as_str()
        .unwrap();
    assert!(!record.contains("servizio di segreteria."), "{record}");
}

#[test]
fn known_and_replace_and_delete() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let known = index.known().unwrap();
    assert_eq!(known.len(), 5);
    let k = &known["samples/peg_2021_Z001.txt"];
    assert_eq!(k.sha256, peg_seed().sha256);
    assert_eq!(k.pipeline, "test");
    assert!(!k.failed());
    // A changed file replaces its document.
    let mut changed = consiglio_bilancio();
    changed.page_texts = vec!["Rendiconto rettificato dal Consiglio.".into()];
    changed.sha256 = "f".repeat(64);
    let mut w = index.writer().unwrap();
    w.put_document(&changed).unwrap();
    w.put_failure(&crate::record::Failure {
        source_file: "atti/rotto.pdf".into(),
        stage: "extract".into(),
        reason: "PDF illeggibile".into(),
        sha256: Some("a".repeat(64)),
        stamp: String::new(),
        pipeline: "test".into(),
        ingested_at: "2026-11-22T06:00:00Z".into(),
    })
    .unwrap();
    w.delete("samples/ambito_corsichese_ufficio_di_piano.txt");
    w.finish().unwrap();
    let known = index.known().unwrap();
    assert_eq!(known.len(), 5);
    assert_eq!(known["atti/consiglio_7_2023.txt"].sha256, "f".repeat(64));
    assert!(known["atti/rotto.pdf"].failed());
    assert!(!known.contains_key("samples/ambito_corsichese_ufficio_di_piano.txt"));
    assert_eq!(find(&index, "rettificato").len(), 1);
    assert!(find(&index, "corsichese").is_empty());
    assert_eq!(index.failures().unwrap().len(), 1);
    // Failures never come back as hits, even for a match-all query.
    assert_eq!(find(&index, "*").len(), 4);
    assert!(find(&index, "file:rotto").is_empty());

    let s = index.stats().unwrap();
    assert_eq!(s.documents, 4);
    assert_eq!(s.failures, 1);
    assert_eq!(s.by_kind.get("peg"), Some(&2));
    assert_eq!(s.by_kind.get("deliberation"), Some(&2));
    assert_eq!(s.by_year.get("2021"), Some(&2));
    assert_eq!(s.by_body.get("Giunta Comunale"), Some(&1));
    assert_eq!(s.by_status.get("ok"), Some(&4));
    assert_eq!(s.last_ingest.as_deref(), Some("2026-11-22T06:00:00Z"));
}

#[test]
fn readers_see_the_last_commit_and_a_second_writer_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &[peg_seed()]);
    let mut w = index.writer().unwrap();
    w.put_document(&giunta_convenzione()).unwrap();

    // A search while the writer holds the lock works, and sees the last commit.
    let reader = Index::open(dir.path()).unwrap();
    assert_eq!(find(&reader, "ascione").len(), 1);
    assert!(find(&reader, "segreteria").is_empty());

    // A second writer, as a second `atti ingest` would be.
    let other = Index::open(dir.path()).unwrap();
    match other.writer() {
        Err(e @ Error::IndexLocked(_)) => {
            assert!(e.to_string().contains("indice in uso"), "{e}")
        }
        Err(e) => panic!("expected IndexLocked, got {e}"),
        Ok(_) => panic!("a second writer was allowed"),
    }

    w.commit().unwrap();
    let reader = Index::open(dir.path()).unwrap();
    assert_eq!(find(&reader, "segreteria").len(), 1);
    w.finish().unwrap();
    // The lock goes with the writer.
    assert!(other.writer().is_ok());
}

#[test]
fn reingesting_does_not_grow_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let docs = corpus();
    let index = build(dir.path(), &docs);
    let first = index.size_bytes();
    for _ in 0..3 {
        let mut w = index.writer().unwrap();
        for d in &docs {
            w.put_document(d).unwrap();
        }
        w.commit().unwrap();
        for d in &docs {
            w.put_document(d).unwrap();
        }
        w.finish().unwrap();
    }
    let after = index.size_bytes();
    assert_eq!(index.searcher().segment_readers().len(), 1);
    assert!(
        after <= first + first / 5,
        "index grew from {first} to {after} bytes across re-ingests"
    );
    assert_eq!(index.documents().unwrap().len(), docs.len());
}

#[test]
fn a_small_change_does_not_rewrite_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut docs = corpus();
    for i in 0..40 {
        let mut d = giunta_convenzione();
        d.source_file = format!("atti/copia_{i}.txt");
        d.page_texts = vec![format!("Copia numero {i} della convenzione.")];
        docs.push(d);
    }
    let index = build(dir.path(), &docs);
    let before: Vec<_> = index
        .searcher()
        .segment_readers()
        .iter()
        .map(|s| s.segment_id())
        .collect();
    assert_eq!(before.len(), 1);
    // One file changed: its new version goes to a small segment; the large
    // one keeps its files (one deleted document of 45 is not worth a rewrite).
    let mut changed = consiglio_bilancio();
    changed.page_texts = vec!["Rendiconto rettificato.".into()];
    let mut w = index.writer().unwrap();
    w.put_document(&changed).unwrap();
    w.finish().unwrap();
    let after: Vec<_> = index
        .searcher()
        .segment_readers()
        .iter()
        .map(|s| s.segment_id())
        .collect();
    assert_eq!(after.len(), 2);
    assert!(after.contains(&before[0]));
    assert_eq!(index.documents().unwrap().len(), 45);
    assert_eq!(find(&index, "rettificato").len(), 1);
    // Many changes: all merged back into one, without the replaced versions.
    let mut w = index.writer().unwrap();
    for d in &docs[..10] {
        w.put_document(d).unwrap();
    }
    w.finish().unwrap();
    let segments = index.searcher().segment_readers().to_vec();
    assert_eq!(segments.len(), 1);
    assert!(!segments[0].has_deletes());
    assert_eq!(index.documents().unwrap().len(), 45);
}

#[test]
fn finish_waits_for_merges_started_during_the_ingest() {
    // Many small commits, as a long ingest makes: the writer merges some of
    // them in the background while `finish` plans its own merge.
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    let mut w = index.writer().unwrap();
    let mut n = 0;
    for batch in 0..24 {
        for i in 0..20 {
            let mut d = peg_other();
            d.source_file = format!("peg/b{batch}_{i}.txt");
            w.put_document(&d).unwrap();
            n += 1;
        }
        w.commit().unwrap();
    }
    w.finish().unwrap();
    // One large segment, and at most one small one beside it.
    assert!(index.searcher().segment_readers().len() <= 2);
    assert_eq!(index.stats().unwrap().documents, n);
    assert_eq!(index.known().unwrap().len(), n);
}

/// An index of layout 1 (terms drifted after `Sant'Agata`) is rebuilt from
/// its stored records: the same records, the current layout, the phrase found.
#[test]
fn an_older_layout_is_rebuilt_from_stored_records() {
    let text = "Il consiglio comunale di Sant'Agata approva il piano, immediatamente eseguibile, con voti unanimi.";
    let docs = [base("santagata.txt", "deliberation", text), peg_seed()];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    let before = {
        let index = build(&path, &docs);
        let mut w = index.writer().unwrap();
        w.put_failure(&crate::record::Failure {
            source_file: "rotto.pdf".into(),
            stage: "extract".into(),
            reason: "PDF: broken".into(),
            ..Default::default()
        })
        .unwrap();
        w.finish().unwrap();
        let mut all = Vec::new();
        index.for_each_document(true, |d| Ok(all.push(d))).unwrap();
        all.sort_by(|a, b| a.source_file.cmp(&b.source_file));
        all
    };
    std::fs::write(
        path.join(crate::index::schema::VERSION_FILE),
        r#"{"schema_version": 1}"#,
    )
    .unwrap();
    assert_eq!(Index::open(&path).unwrap().layout(), 1);

    let u = crate::index::upgrade::upgrade(&path)
        .unwrap()
        .expect("an upgrade");
    assert_eq!(
        (u.from, u.to, u.records),
        (1, crate::index::schema::VERSION, 3)
    );
    let index = Index::open(&path).unwrap();
    assert_eq!(index.layout(), crate::index::schema::VERSION);
    let mut after = Vec::new();
    index
        .for_each_document(true, |d| Ok(after.push(d)))
        .unwrap();
    after.sort_by(|a, b| a.source_file.cmp(&b.source_file));
    assert_eq!(after, before);
    assert_eq!(index.failures().unwrap().len(), 1);
    assert_eq!(first(&index, "\"voti unanimi\""), "santagata.txt");
    assert!(
        crate::index::upgrade::upgrade(&path).unwrap().is_none(),
        "nothing left to do"
    );
}

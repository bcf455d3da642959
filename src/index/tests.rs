//! Tests of the index as a whole: known-item queries written the way people
//! type, filters, passages, incremental writes, locking and garbage.
//!
//! The corpus is the two seed texts of `samples/` (their structured values
//! read from the text itself, as the rules would), plus a few synthetic
//! acts written like real ones, so each known item has rivals that share
//! some of its words.

use std::path::Path;

use regex::Regex;

use super::search::{search, Hit, Request};
use super::Index;
use crate::error::Error;
use crate::read::Status;
use crate::record::{Decision, Document, Objective, Phase};

fn sample(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn capture(re: &str, text: &str) -> Option<String> {
    Regex::new(re)
        .unwrap()
        .captures(text)
        .map(|c| c[1].split_whitespace().collect::<Vec<_>>().join(" "))
}

pub(super) fn base(source_file: &str, kind: &str, text: &str) -> Document {
    let sha = crate::digest::sha256_hex(text.as_bytes());
    Document {
        doc_id: sha[..16].to_owned(),
        source_file: source_file.into(),
        kind: kind.into(),
        status: Status::Ok,
        pages: 1,
        chars: text.chars().count() as u64,
        sha256: sha,
        extractor: "text/utf-8".into(),
        ingested_at: "2026-11-22T05:00:00Z".into(),
        pipeline: "test".into(),
        page_texts: vec![text.to_owned()],
        ..Document::default()
    }
}

/// The PEG seed, with the values a PEG rule reads from its header lines.
fn peg_seed() -> Document {
    let text = sample("peg_2021_Z001.txt");
    let mut d = base("samples/peg_2021_Z001.txt", "peg", &text);
    let code = capture(r"(?m)^(\d{4}_[A-Z]\d+)\s", &text).expect("objective code");
    d.title = capture(r"(?m)^\d{4}_[A-Z]\d+\s+(.+)$", &text);
    d.year = code[..4].parse().ok();
    let director = capture(r"Direttore\s+(.+?)\s+Classificazione", &text);
    let manager = capture(r"Dirigente\s+(.+?)\s+Tipologia", &text);
    d.objectives = vec![Objective {
        objective_code: Some(code.clone()),
        year: d.year,
        director: director.clone(),
        manager,
        strategic_direction_code: capture(r"D\.U\.P\.:\s+(\S+)", &text),
        ..Objective::default()
    }];
    d.phases = vec![Phase {
        objective_code: Some(code),
        seq: 1,
        responsible: director,
        ..Phase::default()
    }];
    d
}

/// The web page of the Ambito seed.
fn ambito_seed() -> Document {
    let text = sample("ambito_corsichese_ufficio_di_piano.txt");
    let mut d = base(
        "samples/ambito_corsichese_ufficio_di_piano.txt",
        "other",
        &text,
    );
    d.title = Some("Ufficio di Piano".into());
    d.year = capture(r"Assemblea dei Sindaci del \d\d\.\d\d\.(\d{4})", &text)
        .and_then(|y| y.parse().ok());
    d
}

fn giunta_convenzione() -> Document {
    let text = "COMUNE DI MONTEVERDE\nDELIBERAZIONE DELLA GIUNTA COMUNALE N. 42 DEL 17/03/2022\n\
        OGGETTO: APPROVAZIONE DELLA CONVENZIONE PER LA GESTIONE ASSOCIATA DEL SERVIZIO DI SEGRETERIA.\n\
        LA GIUNTA COMUNALE\nPremesso che l'art. 30 del D.Lgs. 18 agosto 2000, n. 267 consente agli enti \
        locali di stipulare convenzioni per svolgere in modo coordinato funzioni e servizi;\n\
        Visto lo schema di convenzione allegato, predisposto dagli uffici dell'Ente;\n\
        Con voti unanimi favorevoli, DELIBERA di approvare la convenzione & i suoi allegati <A> e <B>.\n\
        Il Sindaco ROSSI MARIO  Il Segretario Comunale BIANCHI ANNA";
    let mut d = base("atti/giunta_42_2022.txt", "deliberation", text);
    d.title = Some(
        "Approvazione della convenzione per la gestione associata del servizio di segreteria"
            .into(),
    );
    d.year = Some(2022);
    d.date = chrono::NaiveDate::from_ymd_opt(2022, 3, 17);
    d.decisions = vec![Decision {
        body: Some("Giunta Comunale".into()),
        act_type: Some("deliberazione".into()),
        act_number: Some("42/2022".into()),
        decision_date: d.date,
        signatories: vec!["ROSSI MARIO".into(), "BIANCHI ANNA".into()],
        ..Decision::default()
    }];
    d
}

fn consiglio_bilancio() -> Document {
    let text = "COMUNE DI MONTEVERDE\nDELIBERAZIONE DEL CONSIGLIO COMUNALE N. 7 DEL 28/04/2023\n\
        OGGETTO: APPROVAZIONE DEL RENDICONTO DELLA GESTIONE 2022.\nIL CONSIGLIO COMUNALE\n\
        Vista la proposta della Giunta; sentiti i pareri favorevoli; il Consiglio non approva \
        l'emendamento e approva il rendiconto. La città ringrazia gli uffici. Area metropolitana: nessuna variazione.\n\
        Il Presidente VERDI LUCA  Il Segretario Comunale BIANCHI ANNA";
    let mut d = base("atti/consiglio_7_2023.txt", "deliberation", text);
    d.title = Some("Approvazione del rendiconto della gestione 2022".into());
    d.year = Some(2023);
    d.date = chrono::NaiveDate::from_ymd_opt(2023, 4, 28);
    d.decisions = vec![Decision {
        body: Some("Consiglio Comunale".into()),
        act_type: Some("deliberazione".into()),
        act_number: Some("7/2023".into()),
        decision_date: d.date,
        signatories: vec!["VERDI LUCA".into(), "BIANCHI ANNA".into()],
        ..Decision::default()
    }];
    d
}

fn peg_other() -> Document {
    let text = "PIANO ESECUTIVO DI GESTIONE\n\n2021_Z002 Digitalizzazione degli archivi\n\n\
        Direzione SISTEMI INFORMATIVI Direttore NERI PAOLA Classificazione STRATEGICO\n\
        Descrizione: scansione e indicizzazione degli atti, in raccordo con gli uffici del Comune \
        e con l'area metropolitana della città per i servizi in convenzione. Si veda anche l'obiettivo 2021_Z001.";
    let mut d = base("peg/peg_2021_Z002.txt", "peg", text);
    d.title = Some("2021_Z002 Digitalizzazione degli archivi".into());
    d.year = Some(2021);
    d.objectives = vec![Objective {
        objective_code: Some("2021_Z002".into()),
        director: Some("NERI PAOLA".into()),
        ..Objective::default()
    }];
    d
}

pub(super) fn corpus() -> Vec<Document> {
    vec![
        peg_seed(),
        ambito_seed(),
        giunta_convenzione(),
        consiglio_bilancio(),
        peg_other(),
    ]
}

pub(super) fn build(dir: &Path, docs: &[Document]) -> Index {
    let index = Index::open_or_create(dir).unwrap();
    let mut w = index.writer().unwrap();
    for d in docs {
        w.put_document(d).unwrap();
    }
    w.finish().unwrap();
    index
}

pub(super) fn find(index: &Index, query: &str) -> Vec<Hit> {
    find_with(index, query, Request::default())
}

pub(super) fn find_with(index: &Index, query: &str, mut req: Request) -> Vec<Hit> {
    req.query = query.into();
    if req.limit == 0 {
        req.limit = 10;
    }
    search(index, &req).unwrap_or_else(|e| panic!("{query}: {e}"))
}

pub(super) fn first(index: &Index, query: &str) -> String {
    let hits = find(index, query);
    assert!(!hits.is_empty(), "`{query}` found nothing");
    hits[0].source_file.clone()
}

#[test]
fn known_items_come_first_as_people_type_them() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let peg = "samples/peg_2021_Z001.txt";
    let ambito = "samples/ambito_corsichese_ufficio_di_piano.txt";
    let giunta = "atti/giunta_42_2022.txt";
    let consiglio = "atti/consiglio_7_2023.txt";
    for (query, expected) in [
        // Lower case, no accents, another inflection.
        ("citta metropolitana", peg),
        ("grande firenze", peg),
        ("associazioni intercomunali", peg),
        ("convenzioni segreteria", giunta),
        ("convenzione", giunta),
        ("delibera giunta", giunta),
        ("delibere consiglio rendiconto", consiglio),
        ("ufficio di piano", ambito),
        ("assemblea sindaci corsichese", ambito),
        ("programmazione zonale", ambito),
        // A code pasted as it is, one found only in the text, a surname.
        ("2021_Z001", peg),
        ("2021_IND_STRATEG_13", peg),
        ("2021_Z002", "peg/peg_2021_Z002.txt"),
        ("ascione", peg),
        ("Rossi", giunta),
        ("verdi", consiglio),
        // Elision in the query.
        ("dell'ente convenzione", giunta),
        // Pasted with a label.
        ("Oggetto: rendiconto", consiglio),
    ] {
        assert_eq!(first(&index, query), expected, "query `{query}`");
    }
}

#[test]
fn fields_phrases_and_operators() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let files = |q: &str| -> Vec<String> {
        let mut v: Vec<String> = find(&index, q).into_iter().map(|h| h.source_file).collect();
        v.sort();
        v
    };
    assert_eq!(files("director:ascione"), vec!["samples/peg_2021_Z001.txt"]);
    assert_eq!(
        files("direttore:ASCIONE"),
        vec!["samples/peg_2021_Z001.txt"]
    );
    // The sheet that is 2021_Z001 first, then the one that cites it.
    let cited: Vec<String> = find(&index, "code:2021_Z001")
        .into_iter()
        .map(|h| h.source_file)
        .collect();
    assert_eq!(
        cited,
        vec!["samples/peg_2021_Z001.txt", "peg/peg_2021_Z002.txt"]
    );
    assert_eq!(
        files("code:3/2008"),
        vec!["samples/ambito_corsichese_ufficio_di_piano.txt"]
    );
    assert_eq!(files("codice:42/2022"), vec!["atti/giunta_42_2022.txt"]);
    assert_eq!(
        files("signatory:bianchi"),
        vec!["atti/consiglio_7_2023.txt", "atti/giunta_42_2022.txt"]
    );
    assert_eq!(
        files("responsabile:giuseppe"),
        vec!["samples/peg_2021_Z001.txt"]
    );
    assert_eq!(files("organo:giunta"), vec!["atti/giunta_42_2022.txt"]);
    assert_eq!(
        files("person:neri OR person:verdi"),
        vec!["atti/consiglio_7_2023.txt", "peg/peg_2021_Z002.txt"]
    );
    // A phrase: "Piano di Zona" is in the Ambito page only; "piano" alone is
    // also in the PEG sheets ("Piano Esecutivo").
    assert_eq!(
        files("\"piano di zona\""),
        vec!["samples/ambito_corsichese_ufficio_di_piano.txt"]
    );
    assert!(files("piano").len() >= 3);
    // NOT: the convenzione acts that are not of the Giunta.
    let not_giunta = files("convenzione NOT giunta");
    assert!(!not_giunta.contains(&"atti/giunta_42_2022.txt".to_string()));
    assert!(not_giunta.contains(&"samples/peg_2021_Z001.txt".to_string()));
    // Exclusions alone: every document but those.
    assert_eq!(files("NOT convenzione").len(), 2);
    assert_eq!(
        files("-convenzione -rendiconto"),
        vec!["samples/ambito_corsichese_ufficio_di_piano.txt"]
    );
    assert_eq!(
        files("rendiconto OR programmazione"),
        vec![
            "atti/consiglio_7_2023.txt",
            "samples/ambito_corsichese_ufficio_di_piano.txt"
        ]
    );
    assert_eq!(
        files("kind:peg AND ascione"),
        vec!["samples/peg_2021_Z001.txt"]
    );
    assert_eq!(files("anno:2023"), vec!["atti/consiglio_7_2023.txt"]);
    assert_eq!(files("data:17/03/2022"), vec!["atti/giunta_42_2022.txt"]);
    assert_eq!(files("file:consiglio"), vec!["atti/consiglio_7_2023.txt"]);
    assert_eq!(
        files("titolo:rendiconto"),
        vec!["atti/consiglio_7_2023.txt"]
    );
    assert_eq!(
        files("year:[2022 TO 2023] comunale"),
        vec!["atti/consiglio_7_2023.txt", "atti/giunta_42_2022.txt"]
    );
    // Meaningful short words are searchable: "non" is only in the Consiglio act.
    assert_eq!(files("\"non approva\""), vec!["atti/consiglio_7_2023.txt"]);
}

#[test]
fn all_words_first_then_any_word() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    // No document has both words: any-word results instead of nothing.
    let hits = find(&index, "rendiconto corsichese");
    let files: Vec<&str> = hits.iter().map(|h| h.source_file.as_str()).collect();
    assert_eq!(files.len(), 2, "{files:?}");
    // Both words present: only the documents that have both.
    assert_eq!(find(&index, "convenzione segreteria").len(), 1);
}

#[test]
fn filters_restrict_without_reordering() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let kinds = |q: &str, req: Request| -> Vec<String> {
        let mut v: Vec<String> = find_with(&index, q, req)
            .into_iter()
            .map(|h| h.source_file)
            .collect();
        v.sort();
        v
    };
    let peg_only = Request {
        kind: Some("peg".into()),
        ..Request::default()
    };
    assert_eq!(
        kinds("convenzione", peg_only),
        vec!["peg/peg_2021_Z002.txt", "samples/peg_2021_Z001.txt"]
    );
    let delibere = Request {
        kind: Some("delibera".into()),
        year: Some(2023),
        ..Request::default()
    };
    assert_eq!(
        kinds("comunale", delibere),
        vec!["atti/consiglio_7_2023.txt"]
    );
    let dated = |from: &str, to: &str| Request {
        from: Some(from.parse().unwrap()),
        to: Some(to.parse().unwrap()),
        ..Request::default()
    };
    assert_eq!(
        kinds("segretario", dated("2022-03-17", "2022-03-17")),
        vec!["atti/giunta_42_2022.txt"]
    );
    assert_eq!(
        kinds("segretario", dated("2022-03-18", "2023-12-31")),
        vec!["atti/consiglio_7_2023.txt"]
    );
    let from_only = Request {
        from: Some("2023-01-01".parse().unwrap()),
        ..Request::default()
    };
    assert_eq!(
        kinds("comunale", from_only),
        vec!["atti/consiglio_7_2023.txt"]
    );
    let limited = Request {
        limit: 1,
        ..Request::default()
    };
    assert_eq!(find_with(&index, "convenzione", limited).len(), 1);
}

#[test]
fn hits_carry_passage_with_marked_words() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let hits = find(&index, "citta metropolitana");
    let h = &hits[0];
    assert_eq!(h.rank, 1);
    assert_eq!(h.kind, "peg");
    assert_eq!(h.year, Some(2021));
    assert_eq!(
        h.title.as_deref(),
        Some("Progetto Grande Firenze, associazione intercomunale")
    );
    assert!(
        h.snippet.contains("[[Città]] [[Metropolitana]]")
            || h.snippet.contains("[[Città]] [[metropolitana]]"),
        "{}",
        h.snippet
    );
    assert!(!h.snippet.contains('\n'));
    // The JSON contract of `--json`.
    let json: serde_json::Value = serde_json::to_value(h).unwrap();
    for key in [
        "rank",
        "score",
        "doc_id",
        "source_file",
        "kind",
        "year",
        "title",
        "snippet",
    ] {
        assert!(json.get(key).is_some(), "missing {key} in {json}");
    }
    assert!(json.get("passage").is_none());
    // Plain markers, not HTML: & < > stay as written.
    let h = &find(&index, "unanimi")[0];
    assert!(h.snippet.contains("[[unanimi]]"), "{}", h.snippet);
    assert!(
        h.snippet
            .contains("convenzione & i suoi allegati <A> e <B>"),
        "{}",
        h.snippet
    );
    // A field query marks the name in the body too.
    let h = &find(&index, "director:ascione")[0];
    assert!(h.snippet.contains("[[ASCIONE]]"), "{}", h.snippet);
}

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
            assert!(e.to_string().contains("index in use"), "{e}")
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
fn words_standing_together_rank_first() {
    // Both pages have "ufficio" and "piano"; only one names the
    // "Ufficio di Piano", in a longer text and without the words in its title.
    let mut scattered = base(
        "atti/scattered.txt",
        "other",
        "PIANO TRIENNALE\nGli uffici comunali hanno predisposto il piano delle opere.",
    );
    scattered.title = Some("Piano triennale delle opere".into());
    let mut named = ambito_seed();
    named.title = Some("Contenuto principale".into());
    let mut docs = corpus();
    docs.retain(|d| !d.source_file.contains("ambito"));
    docs.push(scattered);
    docs.push(named);
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &docs);
    assert_eq!(
        first(&index, "ufficio di piano"),
        "samples/ambito_corsichese_ufficio_di_piano.txt"
    );
}

#[test]
fn a_pasted_code_marks_the_code_not_the_dates() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let h = &find(&index, "2021_Z001")[0];
    assert!(h.snippet.contains("[[2021]]_[[Z001]]"), "{}", h.snippet);
}

#[test]
fn known_items_in_real_acts() {
    let Some(real) = atti_dev::shared::path("corpus/real-it", "known_items_in_real_acts") else {
        return;
    };
    let mut docs = corpus();
    let mut names: Vec<_> = std::fs::read_dir(&real)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for p in &names {
        let text = std::fs::read_to_string(p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy();
        let mut d = base(&format!("real-it/{name}"), "other", &text);
        // As the pipeline does without rules: the first line as the title.
        d.title = text
            .lines()
            .map(str::trim)
            .find(|l| l.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .map(|l| l.chars().take(160).collect());
        docs.push(d);
    }
    let index = build(tempfile::tempdir().unwrap().path(), &docs);
    let dgc = "real-it/avella_TXT_DGC37_2026.txt";
    let det = "real-it/avella_TXT_Det140_2026.txt";
    let plan = "real-it/avella_TXT_Piano_performance_2026.txt";
    for (query, expected) in [
        // A surname, lower case.
        ("segretario urciuoli", dgc),
        ("giunta vicesindaco alaia", dgc),
        // Without the accent of "disabilità".
        ("castello avella disabilita", det),
        ("barriere architettoniche", det),
        // A CIG pasted as it is.
        ("BA3E73AB05", det),
        ("servizi demografici", plan),
    ] {
        assert_eq!(first(&index, query), expected, "query `{query}`");
    }
    // The empty file is a document with no words, found by nothing.
    assert!(find(&index, "parere revisore")
        .iter()
        .all(|h| !h.source_file.contains("EMPTY")));
}

#[test]
fn anything_pasted_is_answered_or_refused_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    for q in [
        "(",
        ")",
        "\"",
        "AND",
        "OR OR",
        "-",
        "+",
        ":",
        "title:",
        "^2",
        "~",
        "a:b:c",
        "[",
        "{",
        "}",
        "\\",
        "'",
        "’",
        "«",
        "»",
        "città)",
        "(giunta",
        "\"piano di",
        "year:abc",
        "year:[2020 TO",
        "data:ieri",
        "kind:",
        "code:",
        "-(",
        "NOT",
        "giunta AND",
        "OR giunta",
        "art. 30, comma 1, lett. a)",
        "n. 267/2000;",
        "D.Lgs. 18/08/2000 n° 267",
        "€ 1.500,00",
        "50%",
        "e-mail: protocollo@comune.it",
        "https://www.comune.it/atti?id=1&x=2",
        "🙂",
        "*",
        "**",
        "giunta*",
        "?",
        "!",
        "&&",
        "||",
        "<b>",
        "di",
        "di la il",
    ] {
        let req = Request {
            query: q.into(),
            limit: 5,
            ..Request::default()
        };
        match search(&index, &req) {
            Ok(_) => {}
            Err(Error::Query(msg)) => assert!(!msg.is_empty()),
            Err(e) => panic!("`{q}`: {e}"),
        }
    }
    // What can be read in a pasted reference still finds the act.
    assert_eq!(
        first(&index, "art. 30 del D.Lgs. 18 agosto 2000, n. 267"),
        "atti/giunta_42_2022.txt"
    );
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

/// The issue's line: after `Sant'Agata`, phrases of the rest of the line are
/// found (positions drifted after a split word and never came back).
#[test]
fn phrases_after_a_split_word_are_found() {
    let text = "Il consiglio comunale di Sant'Agata approva il piano, immediatamente eseguibile, con voti unanimi.\nMonte Sant’Angelo, vent'anni dopo, nient'altro da aggiungere.";
    let d = base("santagata.txt", "deliberation", text);
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &[d, peg_seed()]);
    for phrase in [
        "\"consiglio comunale\"",
        "\"immediatamente eseguibile\"",
        "\"voti unanimi\"",
        "\"Sant'Agata approva\"",
        "\"nient'altro da aggiungere\"",
        "\"anni dopo\"",
    ] {
        let hits = find(&index, phrase);
        assert_eq!(
            hits.first().map(|h| h.source_file.as_str()),
            Some("santagata.txt"),
            "{phrase}"
        );
    }
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
        path.join(super::schema::VERSION_FILE),
        r#"{"schema_version": 1}"#,
    )
    .unwrap();
    assert_eq!(Index::open(&path).unwrap().layout(), 1);

    let u = super::upgrade::upgrade(&path).unwrap().expect("an upgrade");
    assert_eq!((u.from, u.to, u.records), (1, super::schema::VERSION, 3));
    let index = Index::open(&path).unwrap();
    assert_eq!(index.layout(), super::schema::VERSION);
    let mut after = Vec::new();
    index
        .for_each_document(true, |d| Ok(after.push(d)))
        .unwrap();
    after.sort_by(|a, b| a.source_file.cmp(&b.source_file));
    assert_eq!(after, before);
    assert_eq!(index.failures().unwrap().len(), 1);
    assert_eq!(first(&index, "\"voti unanimi\""), "santagata.txt");
    assert!(
        super::upgrade::upgrade(&path).unwrap().is_none(),
        "nothing left to do"
    );
}

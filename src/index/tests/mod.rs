//! Tests of the index as a whole: the shared corpus and helpers here, the
//! known-item queries written the way people type, filters and passages in
//! `queries`, incremental writes, locking and garbage in `writes`.
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

pub(super) fn sample(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

pub(super) fn capture(re: &str, text: &str) -> Option<String> {
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
pub(super) fn peg_seed() -> Document {
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
pub(super) fn ambito_seed() -> Document {
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

pub(super) fn giunta_convenzione() -> Document {
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

pub(super) fn consiglio_bilancio() -> Document {
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

pub(super) fn peg_other() -> Document {
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

mod queries;
mod writes;

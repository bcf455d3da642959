//! Search latency over a generated corpus.
//!
//! Generates N plausible Italian administrative documents (deterministic:
//! the same N gives the same corpus), indexes them through atti's own
//! writer into a temporary folder, then times 1000 two-word queries through
//! `atti::index::search::search` — parsing, ranking, reading the stored
//! hits and cutting passages, as `atti search` does — and prints p50 and
//! p95 latency, and the index size over the raw text size.
//!
//! `cargo bench --bench search_latency` (100 000 documents), or
//! `cargo bench --bench search_latency -- --docs 10000`, or
//! `ATTI_BENCH_DOCS=10000`. `--dir PATH` keeps the index there and reuses
//! it on the next run when it holds as many documents. `--index PATH` times
//! the queries over an index made elsewhere (a merged one, say:
//! `bench/scale.sh`), without generating anything.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use atti::index::search::{search, Request};
use atti::index::Index;
use atti::read::Status;
use atti::record::{Decision, Document, Objective, Phase};

/// A small, fast, deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed towards the start of a list, as word frequencies are.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u * u) * n as f64) as usize % n
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
    fn pick_skewed<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.skewed(list.len())]
    }
}

#[rustfmt::skip]
const NOUNS: &[&str] = &[
    "comune", "servizio", "ufficio", "convenzione", "deliberazione", "giunta", "consiglio",
    "bilancio", "progetto", "obiettivo", "piano", "programma", "regolamento", "contratto",
    "affidamento", "gara", "appalto", "lavori", "manutenzione", "strada", "scuola", "edificio",
    "personale", "dipendente", "dirigente", "responsabile", "procedimento", "provvedimento",
    "determinazione", "decreto", "ordinanza", "verbale", "seduta", "assemblea", "sindaci",
    "sindaco", "assessore", "segretario", "revisore", "parere", "variazione", "rendiconto",
    "esercizio", "spesa", "entrata", "tributo", "tassa", "imposta", "canone", "tariffa",
    "contributo", "finanziamento", "fondo", "capitolo", "mutuo", "investimento", "patrimonio",
    "immobile", "terreno", "area", "zona", "territorio", "ambiente", "rifiuti", "raccolta",
    "acqua", "energia", "illuminazione", "verde", "parco", "cimitero", "biblioteca", "museo",
    "cultura", "sport", "turismo", "commercio", "mercato", "attività", "impresa", "cittadino",
    "famiglia", "minore", "anziano", "disabilità", "welfare", "sociale", "assistenza", "salute",
    "sanità", "protezione", "sicurezza", "polizia", "viabilità", "traffico", "parcheggio",
    "trasporto", "mobilità", "urbanistica", "edilizia", "permesso", "autorizzazione",
    "concessione", "licenza", "certificato", "anagrafe", "stato", "elezione", "protocollo",
    "archivio", "documento", "atto", "trasparenza", "anticorruzione", "privacy", "dati",
    "digitalizzazione", "informatica", "rete", "sito", "portale", "sportello", "accesso",
    "istanza", "domanda", "graduatoria", "bando", "avviso", "concorso", "selezione", "nomina",
    "incarico", "collaborazione", "consulenza", "formazione", "valutazione", "performance",
    "indicatore", "risultato", "fase", "cronoprogramma", "monitoraggio", "controllo",
    "relazione", "accordo", "intesa", "unione", "associazione", "ambito", "distretto",
    "provincia", "regione", "città", "metropolitana", "prefettura", "tribunale", "ricorso",
    "sentenza", "contenzioso", "transazione", "debito", "credito", "riconoscimento",
    "liquidazione", "impegno", "accertamento", "residuo", "avanzo", "disavanzo", "cassa",
    "tesoreria", "economato", "inventario", "fornitura", "acquisto", "noleggio", "pulizia",
    "mensa", "refezione", "trasporto scolastico", "asilo", "nido", "infanzia", "giovani",
    "lavoro", "occupazione", "casa", "alloggio", "emergenza", "calamità", "sisma", "alluvione",
];
#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "comunale", "pubblico", "sociale", "territoriale", "amministrativo", "finanziario",
    "contabile", "tecnico", "generale", "straordinario", "ordinario", "annuale", "triennale",
    "pluriennale", "definitivo", "provvisorio", "esecutivo", "operativo", "strategico",
    "regionale", "provinciale", "metropolitano", "intercomunale", "associato", "integrato",
    "urgente", "necessario", "previsto", "approvato", "allegato", "successivo", "precedente",
    "vigente", "nuovo", "ambientale", "scolastico", "culturale", "sportivo", "turistico",
    "economico", "digitale", "informativo", "sanitario", "urbano", "rurale", "locale",
];
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "approva", "delibera", "dispone", "stabilisce", "autorizza", "incarica", "affida",
    "prende atto", "rileva", "considera", "ritiene", "propone", "adotta", "modifica", "integra",
    "revoca", "conferma", "assegna", "destina", "impegna", "liquida", "accerta", "attesta",
    "dichiara", "trasmette", "pubblica", "demanda", "individua", "nomina", "conferisce",
];
#[rustfmt::skip]
const LINKS: &[&str] = &[
    "del", "della", "dei", "delle", "per il", "per la", "con il", "con la", "nell'ambito del",
    "ai sensi dell'art.", "in merito al", "relativo al", "relativa alla", "a favore del",
    "dell'", "all'", "sul", "sulla", "tra il", "e", "non", "più",
];
#[rustfmt::skip]
const SURNAMES: &[&str] = &[
    "ROSSI", "RUSSO", "FERRARI", "ESPOSITO", "BIANCHI", "ROMANO", "COLOMBO", "RICCI", "MARINO",
    "GRECO", "BRUNO", "GALLO", "CONTI", "DE LUCA", "MANCINI", "COSTA", "GIORDANO", "RIZZO",
    "LOMBARDI", "MORETTI", "BARBIERI", "FONTANA", "SANTORO", "MARIANI", "RINALDI", "CARUSO",
    "FERRARA", "GALLI", "MARTINI", "LEONE", "LONGO", "GENTILE", "MARTINELLI", "VITALE",
    "LOMBARDO", "SERRA", "COPPOLA", "DE SANTIS", "D'ANGELO", "MARCHETTI",
];
#[rustfmt::skip]
const NAMES: &[&str] = &[
    "MARIO", "GIUSEPPE", "ANNA", "MARIA", "LUCA", "PAOLA", "GIOVANNI", "FRANCESCA", "MARCO",
    "LAURA", "ANTONIO", "ELENA", "ANDREA", "SARA", "PAOLO", "CHIARA", "STEFANO", "GIULIA",
];
const BODIES: &[&str] = &[
    "Giunta Comunale",
    "Consiglio Comunale",
    "Assemblea dei Sindaci",
    "Giunta dell'Unione",
];

fn person(r: &mut Rng) -> String {
    format!("{} {}", r.pick(SURNAMES), r.pick(NAMES))
}

fn sentence(r: &mut Rng, out: &mut String) {
    let n = 2 + r.below(4);
    for i in 0..n {
        if i > 0 {
            out.push(' ');
            out.push_str(r.pick(LINKS));
            out.push(' ');
        }
        out.push_str(r.pick_skewed(NOUNS));
        if r.below(3) == 0 {
            out.push(' ');
            out.push_str(r.pick_skewed(ADJECTIVES));
        }
        if i == 0 {
            out.push(' ');
            out.push_str(r.pick(VERBS));
        }
    }
    out.push_str(". ");
}

fn document(i: usize) -> Document {
    let mut r = Rng(i as u64 * 7919 + 17);
    let year = 2015 + r.below(11) as i32;
    let date =
        chrono::NaiveDate::from_ymd_opt(year, 1 + r.below(12) as u32, 1 + r.below(28) as u32);
    let kind = ["deliberation", "deliberation", "peg", "other"][r.below(4)];
    let mut title = String::new();
    for k in 0..(4 + r.below(6)) {
        if k > 0 {
            title.push(' ');
        }
        title.push_str(r.pick_skewed(NOUNS));
    }
    let target = 1000 + r.below(2000);
    let mut body = String::with_capacity(target + 200);
    let code = format!(
        "{year}_{}{:03}",
        ["Z", "A", "B", "C"][r.below(4)],
        r.below(1000)
    );
    match kind {
        "peg" => body.push_str(&format!("PIANO ESECUTIVO DI GESTIONE\n{code} {title}\n")),
        "deliberation" => body.push_str(&format!(
            "DELIBERAZIONE N. {} DEL {}\nOGGETTO: {title}\n",
            1 + r.below(300),
            date.map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default()
        )),
        _ => {}
    }
    while body.len() < target {
        sentence(&mut r, &mut body);
        if r.below(8) == 0 {
            body.push('\n');
        }
    }
    let sha = format!("{:016x}{:048x}", r.next(), i);
    let mut d = Document {
        doc_id: sha[..16].to_owned(),
        source_file: format!("corpus/{kind}/{i:06}.txt"),
        kind: kind.into(),
        status: Status::Ok,
        title: Some(title),
        year: Some(year),
        date,
        pages: 1,
        chars: body.chars().count() as u64,
        sha256: sha,
        extractor: "text/utf-8".into(),
        ingested_at: "2026-11-22T05:00:00Z".into(),
        pipeline: "bench".into(),
        page_texts: vec![body],
        ..Document::default()
    };
    match kind {
        "peg" => {
            let director = person(&mut r);
            d.objectives = vec![Objective {
                objective_code: Some(code.clone()),
                director: Some(director.clone()),
                manager: Some(person(&mut r)),
                ..Objective::default()
            }];
            d.phases = vec![Phase {
                objective_code: Some(code),
                seq: 1,
                responsible: Some(director),
                ..Phase::default()
            }];
        }
        "deliberation" => {
            d.decisions = vec![Decision {
                body: Some(r.pick(BODIES).into()),
                act_number: Some(format!("{}/{year}", 1 + r.below(300))),
                signatories: vec![person(&mut r), person(&mut r)],
                ..Decision::default()
            }];
        }
        _ => {}
    }
    d
}

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn main() {
    let n: usize = arg("--docs")
        .or_else(|| std::env::var("ATTI_BENCH_DOCS").ok())
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let queries: usize = arg("--queries")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let keep = arg("--dir").map(PathBuf::from);
    let given = arg("--index").map(PathBuf::from);
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = given
        .clone()
        .or_else(|| keep.clone())
        .unwrap_or_else(|| tmp.path().to_owned());

    let mut raw_bytes: u64 = 0;
    let index = Index::open_or_create(&dir).expect("index");
    let have = index.stats().map(|s| s.documents).unwrap_or(0);
    if given.is_some() {
        println!(
            "timing queries over the index of {have} documents in {}",
            dir.display()
        );
    } else if have == n {
        for i in 0..n {
            raw_bytes += document(i)
                .page_texts
                .iter()
                .map(|p| p.len() as u64)
                .sum::<u64>();
        }
        println!("reusing the index of {n} documents in {}", dir.display());
    } else {
        let started = Instant::now();
        let mut w = index.writer().expect("writer");
        for i in 0..n {
            let d = document(i);
            raw_bytes += d.page_texts.iter().map(|p| p.len() as u64).sum::<u64>();
            w.put_document(&d).expect("put");
            if (i + 1) % 20_000 == 0 {
                w.commit().expect("commit");
                eprintln!("  {} documents indexed, {:.0?}", i + 1, started.elapsed());
            }
        }
        w.finish().expect("finish");
        println!(
            "indexed {n} documents ({:.1} MB of text) in {:.1} s",
            raw_bytes as f64 / 1e6,
            started.elapsed().as_secs_f64()
        );
    }
    let index = Index::open(&dir).expect("reopen");

    // Two-word queries, words drawn as often as they occur in the corpus.
    let mut r = Rng(4242);
    let qs: Vec<String> = (0..queries)
        .map(|_| {
            let a = r.pick_skewed(NOUNS);
            let b = if r.below(2) == 0 {
                r.pick_skewed(ADJECTIVES)
            } else {
                r.pick_skewed(NOUNS)
            };
            format!("{a} {b}")
        })
        .collect();
    let run = |q: &str| {
        let req = Request {
            query: q.into(),
            limit: 10,
            ..Request::default()
        };
        search(&index, &req).expect("search").len()
    };
    for q in qs.iter().take(100) {
        run(q);
    }
    let mut times = Vec::with_capacity(qs.len());
    let mut hits = 0usize;
    for q in &qs {
        let t = Instant::now();
        hits += run(q);
        times.push(t.elapsed());
    }
    times.sort();
    if std::env::args().any(|a| a == "--breakdown") {
        breakdown(&index, &qs);
    }
    let mean = times.iter().map(|t| t.as_secs_f64()).sum::<f64>() / times.len() as f64 * 1000.0;
    let index_bytes = index.size_bytes();
    println!(
        "documents        {}",
        if given.is_some() { have } else { n }
    );
    println!(
        "queries          {} two-word, top 10 with passages ({:.1} hits each)",
        qs.len(),
        hits as f64 / qs.len() as f64
    );
    println!("latency p50      {:.2} ms", percentile(&times, 0.50));
    println!("latency p95      {:.2} ms", percentile(&times, 0.95));
    println!("latency p99      {:.2} ms", percentile(&times, 0.99));
    println!("latency mean     {mean:.2} ms");
    println!("raw text         {:.1} MB", raw_bytes as f64 / 1e6);
    println!("index size       {:.1} MB", index_bytes as f64 / 1e6);
    println!(
        "index / raw      {:.2}",
        index_bytes as f64 / raw_bytes.max(1) as f64
    );
    let p95 = percentile(&times, 0.95);
    println!(
        "target p95 < 20 ms: {}",
        if p95 < 20.0 { "met" } else { "NOT met" }
    );
}

/// Where the time of a search goes: ranking alone, ranking with the
/// proximity clause, and everything (stored fields and passages).
fn breakdown(index: &Index, qs: &[String]) {
    use atti::index::query;
    use tantivy::collector::TopDocs;
    let searcher = index.searcher();
    let time = |name: &str, f: &dyn Fn(&str)| {
        let mut t: Vec<Duration> = qs
            .iter()
            .map(|q| {
                let s = Instant::now();
                f(q);
                s.elapsed()
            })
            .collect();
        t.sort();
        println!(
            "  {name:<28} p50 {:6.2} ms  p95 {:6.2} ms",
            percentile(&t, 0.5),
            percentile(&t, 0.95)
        );
    };
    time("all words, ranked", &|q| {
        let (main, _) = query::compile(index, q, true).unwrap();
        searcher
            .search(&*main, &TopDocs::with_limit(10).order_by_score())
            .unwrap();
    });
    time("all words + proximity", &|q| {
        let (main, _) = query::compile(index, q, true).unwrap();
        let mut top = searcher
            .search(&*main, &TopDocs::with_limit(40).order_by_score())
            .unwrap();
        if let Some(near) = atti::index::proximity::Proximity::new(index, q) {
            near.rescore(&searcher, &mut top).unwrap();
        }
    });
    time("  ... restricted to documents", &|q| {
        let (main, _) = query::compile(index, q, true).unwrap();
        let main = query::filtered(index.fields(), main, &query::Filters::default());
        searcher
            .search(&*main, &TopDocs::with_limit(40).order_by_score())
            .unwrap();
    });
    time("  ... + stored top 10", &|q| {
        let (main, _) = query::compile(index, q, true).unwrap();
        let top = searcher
            .search(&*main, &TopDocs::with_limit(10).order_by_score())
            .unwrap();
        for (_, a) in top {
            let _: tantivy::TantivyDocument = searcher.doc(a).unwrap();
        }
    });
    time("  ... + passages", &|q| {
        let (main, _) = query::compile(index, q, true).unwrap();
        let top = searcher
            .search(&*main, &TopDocs::with_limit(10).order_by_score())
            .unwrap();
        let h = atti::index::snippet::Highlighter::new(&searcher, &*main, index.fields()).unwrap();
        for (_, a) in top {
            let d: tantivy::TantivyDocument = searcher.doc(a).unwrap();
            h.passage(&d);
        }
    });
    time("any word, ranked", &|q| {
        let (main, _) = query::compile(index, q, false).unwrap();
        searcher
            .search(&*main, &TopDocs::with_limit(10).order_by_score())
            .unwrap();
    });
    time("count all words", &|q| {
        let (main, _) = query::compile(index, q, true).unwrap();
        searcher.search(&*main, &tantivy::collector::Count).unwrap();
    });
}

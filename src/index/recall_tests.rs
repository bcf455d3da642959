//! Phrase recall over the real acts of ../shared: two words that stand
//! together in an act's text, searched as a phrase, find that act. This is
//! what a clerk does with a line copied from a deliberation, and what broke
//! after a word such as `Sant'Agata` when positions drifted.
//!
//! Every PDF, text and HTML file of the real corpora is read as the ingest
//! reads it; from each act's indexed text, pairs of adjacent words (letters
//! and apostrophes only, neither of them a stop word) are taken spread over
//! the text, as many with an apostrophe as without. Each pair is searched as
//! `doc_id:ACT AND "w1 w2"`, and must find its act.

use super::analyser::STOP_WORDS;
use super::search::{search, Request};
use super::Index;
use crate::read::{self, Limits, SourceType};
use crate::record::Document;

const CORPORA: [&str; 3] = ["corpus/real-it", "corpus/real-it2", "corpus/real-it3"];

/// Pairs taken per act without an apostrophe, and as many with one.
const PER_ACT: usize = 8;

fn word(w: &str) -> Option<&str> {
    let w = w.trim_matches(|c: char| ",.;:()[]«»\"“”!?".contains(c));
    let ok = w.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && w.chars().all(|c| c.is_alphabetic() || "'’".contains(c))
        && !w.starts_with(['\'', '’'])
        && !w.ends_with(['\'', '’'])
        && !STOP_WORDS.contains(&w.to_lowercase().as_str());
    ok.then_some(w)
}

/// Adjacent word pairs of a text, `n` spread evenly over those without an
/// apostrophe and `n` over those with one (both words on one line).
fn pairs(text: &str, n: usize) -> Vec<String> {
    let (mut plain, mut apostrophe) = (Vec::new(), Vec::new());
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        for w in words.windows(2) {
            if let (Some(a), Some(b)) = (word(w[0]), word(w[1])) {
                let pair = format!("{a} {b}");
                if pair.contains(['\'', '’']) {
                    apostrophe.push(pair);
                } else {
                    plain.push(pair);
                }
            }
        }
    }
    let spread = |v: Vec<String>| -> Vec<String> {
        let step = (v.len() / n).max(1);
        v.into_iter().step_by(step).take(n).collect()
    };
    let mut out = spread(plain);
    out.extend(spread(apostrophe));
    out
}

#[test]
fn two_word_phrases_find_their_acts() {
    let mut docs = Vec::new();
    for corpus in CORPORA {
        let Some(dir) = atti_dev::shared::path(corpus, "two_word_phrases_find_their_acts") else {
            return;
        };
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| SourceType::from_extension(p).is_some())
            .collect();
        files.sort();
        for p in files {
            let bytes = std::fs::read(&p).unwrap();
            let ty = SourceType::from_extension(&p).unwrap();
            let Ok(r) = read::read(&bytes, ty, &Limits::default()) else {
                continue;
            };
            let name = format!("{corpus}/{}", p.file_name().unwrap().to_string_lossy());
            let sha = crate::digest::sha256_hex(name.as_bytes());
            docs.push(Document {
                doc_id: sha[..16].to_owned(),
                source_file: name,
                kind: "other".into(),
                pipeline: "test".into(),
                page_texts: r.pages.into_iter().map(|p| p.text).collect(),
                ..Document::default()
            });
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    let mut w = index.writer().unwrap();
    for d in &docs {
        w.put_document(d).unwrap();
    }
    w.finish().unwrap();

    let (mut tried, mut with_apostrophe, mut bodies) = (0, 0, std::collections::BTreeSet::new());
    let mut missed = Vec::new();
    for d in &docs {
        let text = d.page_texts.join("\n");
        let phrases = pairs(&text, PER_ACT);
        if phrases.is_empty() {
            continue;
        }
        bodies.insert(
            d.source_file
                .split('/')
                .nth(2)
                .and_then(|f| f.split('_').next())
                .unwrap_or("")
                .to_owned(),
        );
        for phrase in phrases {
            tried += 1;
            with_apostrophe += usize::from(phrase.contains(['\'', '’']));
            // The act and the phrase, both required: no any-word fallback.
            let req = Request {
                query: format!("doc_id:{} AND \"{phrase}\"", d.doc_id),
                limit: 1,
                ..Request::default()
            };
            let hits = search(&index, &req).unwrap();
            if !hits.iter().any(|h| h.source_file == d.source_file) {
                missed.push(format!("{}: \"{phrase}\"", d.source_file));
            }
        }
    }
    println!(
        "phrase recall: {}/{tried} phrases from {} acts of {} bodies ({with_apostrophe} with an apostrophe)",
        tried - missed.len(),
        docs.len(),
        bodies.len()
    );
    for m in &missed {
        println!("  missed {m}");
    }
    assert!(tried >= 1000, "only {tried} phrases");
    assert!(
        missed.is_empty(),
        "{} phrases missed their act",
        missed.len()
    );
}

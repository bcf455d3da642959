//! atti against the gold sets of `gold/`, train and test side by side.
//!
//! For every act of `gold/acts.jsonl` and every page of
//! `gold/references.jsonl`, the file is read from ../shared/corpus as the
//! ingest reads it and the built-in rules applied; then it prints, per split
//! (`gold/split.toml`), k/n for each act field and precision and recall of
//! the legal references as 6-tuples (act type, number, year, article,
//! paragraph, letter). Run: `cargo bench --bench gold [-- --misses]`
//! (`--misses`: the train part's missed and wrong references, one a line).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use atti::read::{self, Limits, SourceType};
use atti::rules::{RuleOutput, RuleSet};
use serde_json::Value;

fn load(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a gold line is JSON"))
        .collect()
}

fn apply(rules: &RuleSet, file: &Path) -> Option<RuleOutput> {
    let bytes = std::fs::read(file).ok()?;
    let ty = SourceType::from_extension(file)?;
    let r = read::read(&bytes, ty, &Limits::default()).ok()?;
    Some(rules.apply(&r.pages))
}

fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn digits(s: &str) -> String {
    s.split(['/', '-', ' '])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

/// k/n per (split, field).
#[derive(Default)]
struct Score(BTreeMap<(String, String), (usize, usize)>);

impl Score {
    fn add(&mut self, split: &str, field: &str, ok: bool) {
        let e = self
            .0
            .entry((split.to_owned(), field.to_owned()))
            .or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
    }
}

fn s(v: &Value) -> Option<String> {
    match v {
        Value::String(x) => Some(x.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn main() {
    let root = atti_dev::shared::root();
    let Some(corpus) = atti_dev::shared::path("corpus", "gold") else {
        return;
    };
    let rules = RuleSet::load(None, true).expect("built-in rules");
    let mut cache: HashMap<String, Option<RuleOutput>> = HashMap::new();
    let mut out = |file: &str| -> Option<RuleOutput> {
        cache
            .entry(file.to_owned())
            .or_insert_with(|| apply(&rules, &corpus.join(file)))
            .clone()
    };

    // Acts: each field of the first decision atti read.
    let mut acts = Score::default();
    let mut gold_acts = load(&root.join("gold/acts.jsonl"));
    let more_acts = root.join("gold/acts_train_more.jsonl");
    if more_acts.exists() {
        gold_acts.extend(load(&more_acts));
    }
    for g in gold_acts {
        let kind = g["kind"].as_str().unwrap_or("");
        if kind == "other" {
            continue;
        }
        let split = g["split"].as_str().unwrap_or("?");
        let x = out(g["file"].as_str().unwrap());
        let d = x.as_ref().and_then(|x| x.decisions.first());
        acts.add(split, "recognised as an act", d.is_some());
        let want_number = g["act_number_norm"].as_str().or(g["act_number"].as_str());
        if let Some(want) = want_number {
            let got = d.and_then(|d| d.act_number.as_deref()).map(digits);
            acts.add(
                split,
                "act_number",
                got.as_deref() == Some(digits(want).as_str()),
            );
        }
        if let Some(want) = g["decision_date"].as_str() {
            let got = d.and_then(|d| d.decision_date).map(|x| x.to_string());
            acts.add(split, "decision_date", got.as_deref() == Some(want));
        }
        if let Some(want) = g["subject"].as_str() {
            let got = d.and_then(|d| d.subject.as_deref()).map(squash);
            let want = squash(want.trim_end_matches('.'));
            acts.add(
                split,
                "subject",
                got.as_deref().map(|g| g.trim_end_matches('.')) == Some(want.as_str()),
            );
        }
        if let Some(want) = g["office"].as_str() {
            let _ = want; // atti has no office field yet: every one is a miss
            acts.add(split, "office", false);
        }
        if let Some(want) = g["immediately_executable"].as_bool() {
            let got = d.and_then(|d| d.immediately_executable);
            acts.add(split, "immediately_executable", got == Some(want));
        }
        for f in ["votes_for", "votes_against", "abstentions"] {
            if let Some(want) = g[f].as_u64() {
                let got = d.and_then(|d| match f {
                    "votes_for" => d.votes_for,
                    "votes_against" => d.votes_against,
                    _ => d.abstentions,
                });
                acts.add(split, f, got.map(u64::from) == Some(want));
            }
        }
    }

    // References: 6-tuples, multiset precision and recall, per page.
    let mut gold_by_page: BTreeMap<(String, u64), (String, Vec<[Option<String>; 6]>)> =
        BTreeMap::new();
    let misses = std::env::args().any(|a| a == "--misses");
    let mut gold_refs = load(&root.join("gold/references.jsonl"));
    let more = root.join("gold/references_train_more.jsonl");
    if more.exists() {
        gold_refs.extend(load(&more));
    }
    for g in gold_refs {
        let key = (
            g["file"].as_str().unwrap().to_owned(),
            g["page"].as_u64().unwrap_or(1),
        );
        let tuple = [
            s(&g["act_type"]),
            s(&g["number"]),
            s(&g["year"]),
            s(&g["article"]),
            s(&g["paragraph"]),
            s(&g["letter"]),
        ];
        gold_by_page
            .entry(key)
            .or_insert_with(|| (g["split"].as_str().unwrap_or("?").to_owned(), Vec::new()))
            .1
            .push(tuple);
    }
    let mut refs: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for ((file, page), (split, gold)) in &gold_by_page {
        let x = out(file);
        let page_refs: Vec<_> = x
            .iter()
            .flat_map(|x| x.references.iter())
            .filter(|r| r.span.is_some_and(|s| u64::from(s.page) == *page))
            .collect();
        let mut found: Vec<[Option<String>; 6]> = page_refs
            .iter()
            .map(|r| {
                [
                    r.act_type.clone(),
                    r.number.clone(),
                    r.year.map(|y| y.to_string()),
                    r.article.clone(),
                    r.paragraph.clone(),
                    r.letter.clone(),
                ]
            })
            .collect();

        let n_found = found.len();
        let mut tp = 0;
        let mut missed = Vec::new();
        for t in gold {
            if let Some(i) = found.iter().position(|f| f == t) {
                found.swap_remove(i);
                tp += 1;
            } else {
                missed.push(t);
            }
        }
        // Misses of the train part only: the test part is measured, never read.
        if misses && split == "train" {
            for t in missed {
                println!("FN {file} p{page} {t:?}");
            }
            for t in &found {
                // The text read, to see why.
                let raw = page_refs
                    .iter()
                    .find(|r| {
                        r.act_type == t[0]
                            && r.number == t[1]
                            && r.article == t[3]
                            && r.paragraph == t[4]
                    })
                    .map_or("", |r| r.raw.as_str());
                println!("FP {file} p{page} {t:?} <{raw}>");
            }
        }
        let e = refs.entry(split.clone()).or_default();
        e.0 += tp;
        e.1 += n_found;
        e.2 += gold.len();
    }

    println!("gold: atti's built-in rules against gold/ (train | test)\n");
    println!("{:<26} {:>12} {:>12}", "act field", "train", "test");
    let fields: Vec<String> = {
        let mut v: Vec<String> = acts.0.keys().map(|k| k.1.clone()).collect();
        v.sort();
        v.dedup();
        v
    };
    let cell = |split: &str, f: &str| {
        acts.0
            .get(&(split.to_owned(), f.to_owned()))
            .map_or("-".into(), |(k, n)| format!("{k}/{n}"))
    };
    for f in &fields {
        println!("{f:<26} {:>12} {:>12}", cell("train", f), cell("test", f));
    }
    println!("\n{:<26} {:>12} {:>12}", "references", "train", "test");
    let r = |split: &str| refs.get(split).copied().unwrap_or_default();
    let (tr, te) = (r("train"), r("test"));
    println!(
        "{:<26} {:>12} {:>12}",
        "precision (tp/found)",
        format!("{}/{}", tr.0, tr.1),
        format!("{}/{}", te.0, te.1)
    );
    println!(
        "{:<26} {:>12} {:>12}",
        "recall (tp/gold)",
        format!("{}/{}", tr.0, tr.2),
        format!("{}/{}", te.0, te.2)
    );
}

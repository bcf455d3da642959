//! atti against the gold sets of `gold/`, train and test side by side.
//!
//! For every act of `gold/acts.jsonl` and every page of
//! `gold/references.jsonl`, the file is read from ../shared/corpus as the
//! ingest reads it and the built-in rules applied; then it prints, per split
//! (`gold/split.toml`), k/n for each act field and precision and recall of
//! the legal references as 6-tuples (act type, number, year, article,
//! paragraph, letter), and the money gold (benches/gold/money.rs). Run: `cargo bench --bench gold [-- --test] [-- --misses]`
//! (`--misses`: the train part's missed and wrong acts' fields and
//! references, one a line; `ATTI_RULES=DIR`: the rule files of DIR replace
//! the built-in ones of the same name; the test column is printed as
//! `hidden` unless `--test` is given, so that whoever is writing rules does
//! not choose between them by the test totals (`--test` at the start and
//! the end of a piece of work); `--only references` (or `ATTI_GOLD_ONLY=references`):
//! the references part alone, in seconds; `--only acts|procedure|money` likewise).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

// The scoring of acts, shared with the floors test (tests/acts_gold.rs).
#[path = "gold/acts.rs"]
#[cfg_attr(test, allow(dead_code))]
mod gold_acts;
#[path = "gold/money.rs"]
#[cfg_attr(test, allow(dead_code))]
mod gold_money;

// What an act is for and how its contractor was chosen, shared with
// tests/procedure_gold.rs.
#[path = "gold/procedure.rs"]
#[cfg_attr(test, allow(dead_code))]
mod gold_procedure;

// The names tests/tests.rs gives the same modules, so that one may use
// another (procedure.rs takes its loader and score from money.rs and acts.rs).
use gold_acts as acts;
use gold_money as money;
use gold_procedure as procedure;

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
    // ATTI_RULES=DIR: the built-in rules with the files of DIR in place of
    // those of the same name (try a rule change without a rebuild).
    let dir = std::env::var_os("ATTI_RULES").map(std::path::PathBuf::from);
    let rules = RuleSet::load(dir.as_deref(), true).expect("rules");
    let mut cache: HashMap<String, Option<RuleOutput>> = HashMap::new();
    let mut out = |file: &str| -> Option<RuleOutput> {
        cache
            .entry(file.to_owned())
            .or_insert_with(|| apply(&rules, &atti_dev::gold::source(&root, &corpus, file)))
            .clone()
    };

    // `--only PART` / ATTI_GOLD_ONLY=PART: one part alone (references, acts,
    // procedure, money); every part when neither is given.
    let only = only_part();
    let part = |name: &str| only.as_deref().is_none_or(|o| o == name);

    // Acts: each field of the first decision atti read.
    let misses = std::env::args().any(|a| a == "--misses");
    let acts = if part("acts") {
        acts::score(&acts::load(&root), &mut out)
    } else {
        acts::score(&[], &mut out)
    };
    if misses {
        for m in &acts.misses {
            println!("MISS {m}");
        }
    }

    let procedure = if part("procedure") {
        procedure::score(&procedure::load(&root), &mut out)
    } else {
        procedure::score(&[], &mut out)
    };
    if misses {
        for m in &procedure.misses {
            println!("MISS {m}");
        }
    }
    let money_score = if part("money") {
        money::score(&money::load(&root), &mut out)
    } else {
        money::score(&[], &mut out)
    };
    if misses {
        for m in &money_score.misses {
            println!("MONEY {m}");
        }
    }

    // References: 6-tuples, multiset precision and recall, per page.
    let mut gold_by_page: BTreeMap<(String, u64), (String, Vec<[Option<String>; 6]>)> =
        BTreeMap::new();
    let mut gold_refs = Vec::new();
    for more in atti_dev::gold::REFERENCE_FILES {
        if part("references") {
            gold_refs.extend(load(&root.join(more)));
        }
    }
    // The newest web batch, also apart: read blind, it shows the grammar on bodies not yet seen.
    let newest_batch: std::collections::BTreeSet<String> =
        load(&root.join(atti_dev::gold::REFERENCES_NEWEST))
            .iter()
            .filter_map(|g| g["file"].as_str().map(str::to_owned))
            .collect();
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
            if let Some(i) = found
                .iter()
                .position(|f| atti_dev::gold::reference_matches(t, f))
            {
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
        // The web acts of new bodies (train), also apart: how general the grammar is.
        if file.starts_with("tests/fixtures/web/") {
            let e = refs.entry("web".into()).or_default();
            e.0 += tp;
            e.1 += n_found;
            e.2 += gold.len();
        }
        if newest_batch.contains(file) {
            let e = refs.entry("newest".into()).or_default();
            e.0 += tp;
            e.1 += n_found;
            e.2 += gold.len();
        }
    }

    // The test totals are hidden from whoever is writing rules: printed
    // only when asked (`--test`), at the start and the end of a piece of
    // work. (`--train`, the flag that hid them before, still hides them.)
    let hide = !std::env::args().any(|a| a == "--test");
    let test = |s: String| if hide { "hidden".to_owned() } else { s };
    println!("gold: atti's built-in rules against gold/ (train | test)\n");
    if part("acts") {
        println!(
            "{:<26} {:>12} {:>12} {:>12} {:>12}",
            "act field", "train", "(web)", "(newest)", "test"
        );
        let cell = |split: &str, f: &str| {
            acts.get(split, f)
                .map_or("-".into(), |(k, n)| format!("{k}/{n}"))
        };
        for f in acts::FIELDS {
            println!(
                "{f:<26} {:>12} {:>12} {:>12} {:>12}",
                cell("train", f),
                cell("web", f),
                cell("newest", f),
                test(cell("test", f))
            );
        }
        // The subject batch of session 39, on a line of its own.
        let batch: Vec<String> = acts::FIELDS
            .iter()
            .filter_map(|f| {
                acts.get("subject batch", f)
                    .map(|(k, n)| format!("{f} {k}/{n}"))
            })
            .collect();
        println!(
            "\n{} (read blind): {}",
            acts::SUBJECT_BATCH,
            batch.join(", ")
        );
    }
    if part("references") {
        println!("\n{:<26} {:>12} {:>12}", "references", "train", "test");
        let r = |split: &str| refs.get(split).copied().unwrap_or_default();
        let line = |label: &str, train: String, test: String| {
            println!("{label:<26} {train:>12} {test:>12}");
        };
        let (tr, te) = (r("train"), r("test"));
        line(
            "precision (tp/found)",
            format!("{}/{}", tr.0, tr.1),
            test(format!("{}/{}", te.0, te.1)),
        );
        line(
            "recall (tp/gold)",
            format!("{}/{}", tr.0, tr.2),
            test(format!("{}/{}", te.0, te.2)),
        );
        // The train part's web acts of bodies met nowhere else
        // (tests/fixtures/web), and the newest web batch
        // (gold/references_web_s41.jsonl), a part of them.
        for (label, split) in [("  web", "web"), ("  newest web batch", "newest")] {
            let (k, found, gold) = r(split);
            line(&format!("{label}: P"), format!("{k}/{found}"), "-".into());
            line(&format!("{label}: R"), format!("{k}/{gold}"), "-".into());
        }
    }
    if part("procedure") {
        println!(
            "\n{:<26} {:>12} {:>12}",
            "procedure (money gold)", "train", "test"
        );
        for f in procedure::FIELDS {
            let cell = |split: &str| {
                procedure
                    .get(split, f)
                    .map_or("-".into(), |(k, n)| format!("{k}/{n}"))
            };
            println!("{f:<26} {:>12} {:>12}", cell("train"), test(cell("test")));
        }
        for (label, row) in [
            ("  with a decision row", "row"),
            ("  without one", "no row"),
        ] {
            let cell = |split: &str| {
                procedure
                    .get(&format!("{split} {row}"), "procedure")
                    .map_or("-".into(), |(k, n)| format!("{k}/{n}"))
            };
            println!(
                "{label:<26} {:>12} {:>12}",
                cell("train"),
                test(cell("test"))
            );
        }
    }
    if part("money") {
        println!(
            "\n{:<26} {:>20} {:>20} {:>20}",
            "money (issue 23)", "train", "(web)", "test"
        );
        for m in money::MEASURES {
            println!(
                "{m:<26} {:>20} {:>20} {:>20}",
                money::render(&money_score, "train", m),
                money::render(&money_score, "web", m),
                test(money::render(&money_score, "test", m))
            );
        }
        // The batches of new bodies, read blind.
        for b in money::BATCHES {
            println!(
            "  (web) of which the batch {} ({}): parties {}, amounts {}, amount roles {}, main amount {}, cig {}, administration {}",
            b.name,
            b.dir,
            money::render(&money_score, b.name, "parties"),
            money::render(&money_score, b.name, "amounts"),
            money::render(&money_score, b.name, "amount roles"),
            money::render(&money_score, b.name, "main amount"),
            money::render(&money_score, b.name, "cig"),
            money::render(&money_score, b.name, "administration")
        );
        }
    }
    // The procedure batches (sessions 37, 40, 43 and 44) and the money batch of
    // session 47 (which names responsible officers), bodies in no split, read blind.
    if !part("procedure") {
        return;
    }
    for name in ["proc2", "proc40", "proc43", "proc44", "s47", "s49", "s50"] {
        let dir = money::named(name).dir;
        let batch: Vec<Value> = procedure::load(&root)
            .into_iter()
            .filter(|g| g["file"].as_str().unwrap_or("").starts_with(dir))
            .collect();
        let p = procedure::score(&batch, &mut out);
        let cell = |f: &str| {
            p.get("train", f)
                .map_or("-".into(), |(k, n)| format!("{k}/{n}"))
        };
        println!(
            "  (web) of which the batch {name}: procedure {}, selection_method {}, selection_basis {}, responsible {}",
            cell("procedure"),
            cell("selection_method"),
            cell("selection_basis"),
            cell("responsible")
        );
    }
}

/// The part asked for alone: `--only PART` (or `--only=PART`), else
/// ATTI_GOLD_ONLY=PART; none: every part.
fn only_part() -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    let from_args = args.iter().enumerate().find_map(|(i, a)| {
        if a == "--only" {
            args.get(i + 1).cloned()
        } else {
            a.strip_prefix("--only=").map(str::to_owned)
        }
    });
    let only = from_args.or_else(|| std::env::var("ATTI_GOLD_ONLY").ok())?;
    let known = ["references", "acts", "procedure", "money"];
    assert!(
        known.contains(&only.as_str()),
        "--only takes one of {known:?}, not {only:?}"
    );
    Some(only)
}

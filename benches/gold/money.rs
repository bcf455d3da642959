//! Scoring of the money gold sets (gold/money_train.jsonl,
//! gold/money_test.jsonl, and the train acts saved from the web,
//! gold/money_web.jsonl and gold/money_web_proc.jsonl, also tallied apart
//! as `web`): per split, CIG and CUP exactly right per act,
//! sums' precision and recall (value and page), their roles among the sums
//! found, the main amount (value and role, `none` when the act decides
//! none), counterparties' precision and recall (a party matches by its tax
//! id, or by its name folded to letters and digits), and the
//! administration. Shared by `cargo bench --bench gold` and the floors test
//! (tests/money_gold.rs), which reads only the train split.

use std::collections::BTreeMap;
use std::path::Path;

use atti::rules::RuleOutput;
use serde_json::Value;

/// The money gold files: one line each (the web acts are train).
const FILES: &[&str] = &[
    "gold/money_train.jsonl",
    "gold/money_test.jsonl",
    "gold/money_web.jsonl",
    "gold/money_web_proc.jsonl",
    "gold/money_web_parties.jsonl",
    "gold/money_web_parties2.jsonl",
    "gold/money_web_amounts.jsonl",
    "gold/money_web_proc2.jsonl",
    "gold/money_web_parties3.jsonl",
    "gold/money_web_codes40.jsonl",
    "gold/money_web_amount40.jsonl",
    "gold/money_web_proc40.jsonl",
    "gold/money_web_parties41.jsonl",
    "gold/money_web_proc43.jsonl",
    "gold/money_web_s44.jsonl",
    "gold/money_web_proc44.jsonl",
    "gold/money_web_s45.jsonl",
    "gold/money_web_s47.jsonl",
    "gold/money_web_s49.jsonl",
    "gold/money_web_s50.jsonl",
    "gold/money_web_s51.jsonl",
    "gold/money_web_s52.jsonl",
];

/// A batch of public acts of bodies in no split, annotated blind before
/// atti read them and saved together under `dir`: its measures are also
/// tallied apart under `name`, and a test keeps each above its floor.
pub struct Batch {
    pub name: &'static str,
    pub dir: &'static str,
    pub gold: &'static str,
}

/// The batches: parties (sessions 36, 37, 38 and 41), amounts and procedure
/// (session 37), codes and administrations, main amount, procedure
/// (session 40).
pub const BATCHES: &[Batch] = &[
    Batch {
        name: "parties",
        dir: "tests/fixtures/web/money-parties/",
        gold: "gold/money_web_parties.jsonl",
    },
    Batch {
        name: "parties2",
        dir: "tests/fixtures/web/money-parties2/",
        gold: "gold/money_web_parties2.jsonl",
    },
    Batch {
        name: "amounts",
        dir: "tests/fixtures/web/money-amounts/",
        gold: "gold/money_web_amounts.jsonl",
    },
    Batch {
        name: "proc2",
        dir: "tests/fixtures/web/money-proc2/",
        gold: "gold/money_web_proc2.jsonl",
    },
    Batch {
        name: "parties3",
        dir: "tests/fixtures/web/money-parties3/",
        gold: "gold/money_web_parties3.jsonl",
    },
    Batch {
        name: "codes40",
        dir: "tests/fixtures/web/money-codes40/",
        gold: "gold/money_web_codes40.jsonl",
    },
    Batch {
        name: "amount40",
        dir: "tests/fixtures/web/money-amount40/",
        gold: "gold/money_web_amount40.jsonl",
    },
    Batch {
        name: "proc40",
        dir: "tests/fixtures/web/money-proc40/",
        gold: "gold/money_web_proc40.jsonl",
    },
    Batch {
        name: "parties41",
        dir: "tests/fixtures/web/money-parties41/",
        gold: "gold/money_web_parties41.jsonl",
    },
    Batch {
        name: "proc43",
        dir: "tests/fixtures/web/money-proc43/",
        gold: "gold/money_web_proc43.jsonl",
    },
    Batch {
        name: "s44",
        dir: "tests/fixtures/web/money-s44/",
        gold: "gold/money_web_s44.jsonl",
    },
    Batch {
        name: "proc44",
        dir: "tests/fixtures/web/money-proc44/",
        gold: "gold/money_web_proc44.jsonl",
    },
    Batch {
        name: "s45",
        dir: "tests/fixtures/web/money-s45/",
        gold: "gold/money_web_s45.jsonl",
    },
    Batch {
        name: "s47",
        dir: "tests/fixtures/web/money-s47/",
        gold: "gold/money_web_s47.jsonl",
    },
    Batch {
        name: "s49",
        dir: "tests/fixtures/web/money-s49/",
        gold: "gold/money_web_s49.jsonl",
    },
    Batch {
        name: "s50",
        dir: "tests/fixtures/web/money-s50/",
        gold: "gold/money_web_s50.jsonl",
    },
    Batch {
        name: "s51",
        dir: "tests/fixtures/web/money-s51/",
        gold: "gold/money_web_s51.jsonl",
    },
    Batch {
        name: "s52",
        dir: "tests/fixtures/web/money-s52/",
        gold: "gold/money_web_s52.jsonl",
    },
];

/// The batch of that name.
pub fn named(name: &str) -> &'static Batch {
    BATCHES
        .iter()
        .find(|b| b.name == name)
        .expect("a batch of BATCHES")
}

/// Whether a gold file path lies in one of the batches.
pub fn in_batch(file: &str) -> bool {
    BATCHES.iter().any(|b| file.starts_with(b.dir))
}

/// The gold acts of one batch.
pub fn batch(root: &Path, b: &Batch) -> Vec<Value> {
    load(root)
        .into_iter()
        .filter(|g| g["file"].as_str().unwrap_or("").starts_with(b.dir))
        .collect()
}

/// The measures of `split` below their floors (measure, right, found,
/// gold): right may not fall, nor, for a precision (`found` below
/// `gold`), the share found; panics when the gold set changed.
pub fn below_floors(s: &Score, split: &str, floors: &[(&str, usize, usize, usize)]) -> Vec<String> {
    let mut low = Vec::new();
    for &(what, k, found, total) in floors {
        let (gk, gf, gg) = s.get(split, what);
        assert_eq!(gg, total, "{split} {what}: the gold set changed");
        if gk < k || (found != total && gk * found < k * gf) {
            low.push(format!(
                "{what}: {gk}/{gf}/{gg} (floor {k}/{found}/{total})"
            ));
        }
    }
    low
}

/// The gold acts of both splits (a missing file counts as empty).
pub fn load(root: &Path) -> Vec<Value> {
    FILES
        .iter()
        .flat_map(|f| {
            std::fs::read_to_string(root.join(f))
                .unwrap_or_default()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str::<Value>(l).expect("a gold line is JSON"))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Per split and measure: (right, found, gold). For per-act measures
/// found = gold = acts.
#[derive(Debug, Default)]
pub struct Score {
    pub by: BTreeMap<(String, String), (usize, usize, usize)>,
    pub misses: Vec<String>,
}

impl Score {
    fn add(&mut self, split: &str, what: &str, right: usize, found: usize, gold: usize) {
        let e = self
            .by
            .entry((split.to_owned(), what.to_owned()))
            .or_default();
        e.0 += right;
        e.1 += found;
        e.2 += gold;
    }

    pub fn get(&self, split: &str, what: &str) -> (usize, usize, usize) {
        self.by
            .get(&(split.to_owned(), what.to_owned()))
            .copied()
            .unwrap_or_default()
    }
}

fn fold(s: &str) -> String {
    atti_italian::numwords::fold(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = v
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str().map(str::to_uppercase))
        .collect();
    out.sort();
    out
}

/// Scores every gold act; `out` reads a file (path under the corpus).
pub fn score(gold: &[Value], mut out: impl FnMut(&str) -> Option<RuleOutput>) -> Score {
    let mut s = Score::default();
    for g in gold {
        let file = g["file"].as_str().unwrap_or_default();
        let split = g["split"].as_str().unwrap_or("?");
        let x = out(file).unwrap_or_default();
        // A document atti reads no decision row from (a news report, a
        // notice) is marked in the misses, so that its misses are told apart
        // from those of the acts.
        let no_row = if x.decisions.is_empty() {
            " [no decision row]"
        } else {
            ""
        };
        // The public acts of new bodies saved under tests/fixtures/web are
        // train, and also tallied apart as `web`.
        // The batches of new bodies (read blind) are tallied apart again,
        // each under its name.
        let web = file.starts_with("tests/fixtures/web/");
        let batch = BATCHES
            .iter()
            .find(|b| file.starts_with(b.dir))
            .map(|b| b.name);
        let tally = |s: &mut Score, what: &str, right: usize, found: usize, gold: usize| {
            s.add(split, what, right, found, gold);
            if web {
                s.add("web", what, right, found, gold);
            }
            if let Some(b) = batch {
                s.add(b, what, right, found, gold);
            }
        };
        let miss = |s: &mut Score, what: &str, want: String, got: String| {
            if split == "train" {
                s.misses
                    .push(format!("{file} {what}: want {want} got {got}{no_row}"));
            }
        };
        for k in ["cig", "cup"] {
            let mut got: Vec<String> = x
                .fields
                .iter()
                .filter(|f| f.name == format!("decision.{k}") && f.rule == "money.code")
                .map(|f| f.value.clone())
                .collect();
            got.sort();
            got.dedup();
            let want = strings(&g[k]);
            let ok = got == want;
            tally(&mut s, k, ok as usize, 1, 1);
            if !ok {
                miss(&mut s, k, want.join(" "), got.join(" "));
            }
        }
        // Sums: (value, page) as multisets.
        let gold_amounts: Vec<(String, u64, String)> = g["amounts"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| {
                (
                    a["value"].as_str().unwrap_or("").to_owned(),
                    a["page"].as_u64().unwrap_or(1),
                    a["role"].as_str().unwrap_or("other").to_owned(),
                )
            })
            .collect();
        let mut left = gold_amounts.clone();
        let (mut right, mut roles) = (0, 0);
        for a in &x.amounts {
            let page = a.span.map_or(1, |s| u64::from(s.page));
            let v = a.value.to_string();
            if let Some(i) = left.iter().position(|(gv, gp, _)| *gv == v && *gp == page) {
                let (_, _, role) = left.remove(i);
                right += 1;
                if a.role.as_deref() == Some(role.as_str()) {
                    roles += 1;
                } else {
                    miss(
                        &mut s,
                        "amount role",
                        format!("{v} {role}"),
                        format!("{:?}", a.role),
                    );
                }
            } else {
                miss(
                    &mut s,
                    "amount extra",
                    String::new(),
                    format!("{v} p{page} {:?}", a.raw),
                );
            }
        }
        for (v, p, r) in &left {
            miss(
                &mut s,
                "amount missed",
                format!("{v} p{p} {r}"),
                String::new(),
            );
        }
        tally(
            &mut s,
            "amounts",
            right,
            x.amounts.len(),
            gold_amounts.len(),
        );
        // Roles: right among the sums found (`found`), and among the gold
        // sums (`gold`), which a better recall does not change: a floor on
        // the gold sums holds as sums are found.
        tally(&mut s, "amount roles", roles, right, gold_amounts.len());
        // The main amount.
        let want = match (g["main_amount"].as_str(), g["main_amount_role"].as_str()) {
            (Some(v), Some(r)) => format!("{v} {r}"),
            _ => "none".to_owned(),
        };
        let main = x.fields.iter().find(|f| f.name == "decision.main_amount");
        let role = x
            .fields
            .iter()
            .find(|f| f.name == "decision.main_amount_role");
        let got = match (main, role) {
            (Some(m), Some(r)) => format!("{} {}", m.value, r.value),
            _ => "none".to_owned(),
        };
        tally(&mut s, "main amount", (got == want) as usize, 1, 1);
        if got != want {
            miss(&mut s, "main amount", want, got);
        }
        // Parties.
        let gold_parties: Vec<(String, Option<String>)> = g["parties"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| {
                (
                    fold(p["name"].as_str().unwrap_or("")),
                    p["tax_id"].as_str().map(str::to_uppercase),
                )
            })
            .collect();
        let mut left = gold_parties.clone();
        let mut right = 0;
        for p in &x.parties {
            let name = fold(&p.name);
            let hit = left.iter().position(|(gn, gt)| {
                (gt.is_some() && gt.as_deref() == p.tax_id.as_deref()) || *gn == name
            });
            match hit {
                Some(i) => {
                    left.remove(i);
                    right += 1;
                }
                None => miss(
                    &mut s,
                    "party extra",
                    String::new(),
                    format!("{} {:?}", p.name, p.tax_id),
                ),
            }
        }
        for (n, t) in &left {
            miss(&mut s, "party missed", format!("{n} {t:?}"), String::new());
        }
        tally(
            &mut s,
            "parties",
            right,
            x.parties.len(),
            gold_parties.len(),
        );
        // The administration.
        let want = g["administration"].as_str().unwrap_or("").to_owned();
        let got = x.administration.clone().unwrap_or_default();
        let ok = fold(&want) == fold(&got);
        tally(&mut s, "administration", ok as usize, 1, 1);
        if !ok {
            miss(&mut s, "administration", want, got);
        }
    }
    s
}

/// `k/n` or `P k/found R k/gold`, for a printed table.
pub fn render(s: &Score, split: &str, what: &str) -> String {
    let (k, found, gold) = s.get(split, what);
    if what == "amounts" || what == "parties" {
        format!("P {k}/{found} R {k}/{gold}")
    } else if what == "amount roles" {
        format!("{k}/{found} (of gold {k}/{gold})")
    } else {
        format!("{k}/{gold}")
    }
}

pub const MEASURES: &[&str] = &[
    "cig",
    "cup",
    "amounts",
    "amount roles",
    "main amount",
    "parties",
    "administration",
];

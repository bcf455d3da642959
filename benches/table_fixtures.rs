//! atti's table reader against the tables other projects published with
//! their expected output (tests/fixtures/tables: tabula-java, camelot and
//! the ICDAR 2013 set; where they come from is in SOURCES.md there).
//!
//! For every PDF of `expected.jsonl` it runs `atti extract FILE --tables
//! --json` once, and for every expected table takes the best table atti
//! read on that page (inside the area when the upstream test gave one) and
//! compares them cell by cell (`table_fixtures/compare.rs` says how). It
//! prints, per project and mode, the tables whose cells all match and the
//! mean cell accuracy, then one line per table and, for the tables that
//! fail, the first cell that differs.
//!
//! Run: `cargo bench --bench table_fixtures` (cargo builds the release
//! binary first). Flags after `--`: `--json` (one JSON document on stdout),
//! `--atti PATH` (another binary), `--only TEXT` (the tables whose file
//! contains TEXT), `--test` (also the totals that count the test project's
//! tables, gold/split.toml's `[tables]`; without it only the train
//! projects' and others'; the test project's per-table lines and differences
//! are never printed: its misses are measured, never looked at), `--fixtures DIR` (another folder
//! with an `expected.jsonl` and its PDFs, such as bench/tables/generate.py
//! writes), `--require` (exit 1 below the targets: all cells right in
//! 0.9 of the ruled tables and 0.8 of the others). Exit 2 when the fixtures
//! or atti's output cannot be read: a bench that reads nothing must not
//! report a pass.

// cargo builds benches with cfg(test) but without the test harness: the
// comparison's tests are compiled here and never run (tests/tests.rs runs them).
#[path = "table_fixtures/compare.rs"]
#[cfg_attr(test, allow(dead_code))]
mod compare;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use compare::{best_match, parse_expected, parse_extract, Expected, GotTable, Outcome};
use serde_json::json;

/// Share of tables with every cell right that the reader aims at, per mode.
const TARGETS: [(&str, f64); 2] = [("lattice", 0.9), ("stream", 0.8)];
/// One file's extraction may take this long.
const TIMEOUT: Duration = Duration::from_secs(120);

struct Args {
    json: bool,
    atti: PathBuf,
    only: Option<String>,
    require: bool,
    /// `--test`: the totals that count the test project's tables too.
    show_test: bool,
    fixtures: Option<PathBuf>,
}

fn args() -> Args {
    let mut a = Args {
        json: false,
        atti: PathBuf::from(env!("CARGO_BIN_EXE_atti")),
        only: None,
        require: false,
        show_test: false,
        fixtures: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--json" => a.json = true,
            "--require" => a.require = true,
            "--test" => a.show_test = true,
            // The default since session 40; kept for the scripts that say it.
            "--train" => a.show_test = false,
            "--atti" => {
                a.atti = it
                    .next()
                    .map(PathBuf::from)
                    .unwrap_or_else(|| fail("--atti needs a path"))
            }
            "--fixtures" => {
                a.fixtures = Some(
                    it.next()
                        .map(PathBuf::from)
                        .unwrap_or_else(|| fail("--fixtures needs a folder")),
                )
            }
            "--only" => a.only = Some(it.next().unwrap_or_else(|| fail("--only needs a text"))),
            // cargo bench passes --bench to every bench binary.
            "--bench" => {}
            other => fail(&format!("unknown argument {other}")),
        }
    }
    a
}

fn fail(msg: &str) -> ! {
    eprintln!("table_fixtures: {msg}");
    std::process::exit(2)
}

/// atti's tables of one file by page, or why atti gave none.
fn extract(atti: &Path, file: &Path) -> Result<BTreeMap<u64, Vec<GotTable>>, String> {
    let mut child = Command::new(atti)
        .args([
            "extract".as_ref(),
            file.as_os_str(),
            "--tables".as_ref(),
            "--json".as_ref(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| fail(&format!("cannot run {}: {e}", atti.display())));
    // Read both pipes on their own threads, so a full pipe cannot stall atti.
    let pipe = |p: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            if let Some(mut p) = p {
                let _ = p.read_to_end(&mut s);
            }
            s
        })
    };
    let out = pipe(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err = pipe(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("atti took more than {} s", TIMEOUT.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("waiting for atti: {e}")),
        }
    };
    let stdout = out.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&err.join().unwrap_or_default()).into_owned();
    if !status.success() {
        let first = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        return Err(format!("atti exited with {status}: {first}"));
    }
    // Exit 0 with output that is not what `--tables --json` documents:
    // nothing can be measured, so stop here.
    Ok(
        parse_extract(&String::from_utf8_lossy(&stdout)).unwrap_or_else(|e| {
            fail(&format!(
                "{}: atti's output is malformed: {e}",
                file.display()
            ))
        }),
    )
}

struct Row {
    e: Expected,
    outcome: Result<Outcome, String>,
}

fn main() {
    let a = args();
    let root = a
        .fixtures
        .clone()
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tables"));
    let list = std::fs::read_to_string(root.join("expected.jsonl"))
        .unwrap_or_else(|e| fail(&format!("{}: {e}", root.join("expected.jsonl").display())));
    let mut expected = Vec::new();
    for (n, line) in list
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let e = parse_expected(line)
            .unwrap_or_else(|err| fail(&format!("expected.jsonl line {}: {err}", n + 1)));
        if a.only.as_ref().is_none_or(|o| e.file.contains(o.as_str())) {
            expected.push(e);
        }
    }
    if expected.is_empty() {
        fail("no expected table to measure");
    }
    if !a.atti.is_file() {
        fail(&format!(
            "{} is not built: cargo build --release",
            a.atti.display()
        ));
    }

    let mut files: BTreeMap<String, Result<BTreeMap<u64, Vec<GotTable>>, String>> = BTreeMap::new();
    let mut rows = Vec::new();
    for e in expected {
        let path = root.join(&e.file);
        if !path.is_file() {
            fail(&format!("{} is missing", path.display()));
        }
        let pages = files
            .entry(e.file.clone())
            .or_insert_with(|| extract(&a.atti, &path));
        let outcome = match pages {
            // An expected table that cannot be compared is a fixture error.
            Ok(p) => Ok(
                best_match(&e, p.get(&e.page).map_or(&[][..], Vec::as_slice))
                    .unwrap_or_else(|why| fail(&why)),
            ),
            Err(why) => Err(why.clone()),
        };
        rows.push(Row { e, outcome });
    }
    let summary = summarise(&rows);
    if a.json {
        print_json(&a, &rows, &summary);
    } else {
        print_text(&a, &rows, &summary);
    }
    let errors = rows.iter().filter(|r| r.outcome.is_err()).count();
    let below = summary
        .iter()
        .filter(|s| s.project == "all")
        .any(|s| s.share() < target(&s.mode));
    if errors > 0 {
        std::process::exit(1);
    }
    if a.require && below {
        std::process::exit(1);
    }
}

fn target(mode: &str) -> f64 {
    TARGETS.iter().find(|t| t.0 == mode).map_or(1.0, |t| t.1)
}

/// Counts of one project and mode ("all" for every project).
struct Group {
    project: String,
    mode: String,
    tables: usize,
    all_match: usize,
    accuracy_sum: f64,
    errors: usize,
}

impl Group {
    fn share(&self) -> f64 {
        if self.tables == 0 {
            0.0
        } else {
            self.all_match as f64 / self.tables as f64
        }
    }

    fn mean(&self) -> f64 {
        if self.tables == 0 {
            0.0
        } else {
            self.accuracy_sum / self.tables as f64
        }
    }
}

/// Whether a fixture project is tuned on (`train`) or only measured
/// (`test`), from gold/split.toml's `[tables]`.
fn split_of(project: &str) -> &'static str {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("gold/split.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let split: toml::Value = toml::from_str(&text).unwrap_or(toml::Value::Boolean(false));
    let listed = |key: &str| {
        split
            .get("tables")
            .and_then(|t| t.get(key))
            .and_then(|v| v.as_array())
            .is_some_and(|a| a.iter().any(|p| p.as_str() == Some(project)))
    };
    if listed("test_projects") {
        "test"
    } else if listed("train_projects") {
        "train"
    } else {
        "unsplit"
    }
}

fn summarise(rows: &[Row]) -> Vec<Group> {
    let mut groups: BTreeMap<(String, String), Group> = BTreeMap::new();
    for r in rows {
        let split = split_of(&r.e.project);
        for project in [r.e.project.as_str(), split, "all"] {
            let key = (
                match project {
                    "all" => "~3all".into(),
                    "train" | "test" | "unsplit" => format!("~2{project}"),
                    _ => project.to_owned(),
                },
                r.e.mode.clone(),
            );
            let g = groups.entry(key).or_insert_with(|| Group {
                project: project.to_owned(),
                mode: r.e.mode.clone(),
                tables: 0,
                all_match: 0,
                accuracy_sum: 0.0,
                errors: 0,
            });
            g.tables += 1;
            match &r.outcome {
                Ok(o) => {
                    g.all_match += usize::from(o.all_match);
                    g.accuracy_sum += o.accuracy();
                }
                Err(_) => g.errors += 1,
            }
        }
    }
    groups.into_values().collect()
}

fn shape(s: Option<(usize, usize)>) -> String {
    s.map_or("-".into(), |(r, c)| format!("{r}×{c}"))
}

/// Whether a total counts the test project's tables (its own, or "all"
/// where the fixtures hold some).
fn counts_test(g: &Group, rows: &[Row]) -> bool {
    match g.project.as_str() {
        "test" => true,
        "all" => rows.iter().any(is_test),
        p => split_of(p) == "test",
    }
}

/// Whether a table is the test project's.
fn is_test(r: &Row) -> bool {
    split_of(&r.e.project) == "test"
}

fn print_text(a: &Args, rows: &[Row], summary: &[Group]) {
    println!(
        "table fixtures: {} against {} expected tables ({})\n",
        a.atti.display(),
        rows.len(),
        a.fixtures
            .as_ref()
            .map_or("tests/fixtures/tables".into(), |d| d.display().to_string())
    );
    println!(
        "{:<10} {:<8} {:>14} {:>8} {:>16}",
        "project", "mode", "all cells right", "share", "mean cell acc."
    );
    for g in summary {
        if !a.show_test && counts_test(g, rows) {
            continue;
        }
        let note = if g.project == "all" {
            format!("  target {:.2}", target(&g.mode))
        } else {
            String::new()
        };
        let errors = if g.errors > 0 {
            format!("  ({} not read)", g.errors)
        } else {
            String::new()
        };
        println!(
            "{:<10} {:<8} {:>14} {:>8.2} {:>16.3}{note}{errors}",
            g.project,
            g.mode,
            format!("{}/{}", g.all_match, g.tables),
            g.share(),
            g.mean()
        );
    }
    // Never the test project's per-table lines: its misses are not looked at.
    let shown: Vec<&Row> = rows.iter().filter(|r| !is_test(r)).collect();
    println!(
        "\nper table (ok = every cell right; shapes after empty rows and columns are dropped), the test project's left out"
    );
    for r in shown.iter().copied() {
        let head = format!("{} p{} {}", r.e.file, r.e.page, r.e.mode);
        match &r.outcome {
            Ok(o) => {
                let cut = if o.cut > 0 {
                    format!("  ({} cells outside the area)", o.cut)
                } else {
                    String::new()
                };
                println!(
                    "{} {:<58} exp {:>6} got {:>6} {:<8} {:>5}/{:<5}{cut}",
                    if o.all_match { "ok" } else { "--" },
                    head,
                    shape(Some(o.expected_shape)),
                    shape(o.got_shape),
                    o.got_mode.as_deref().unwrap_or("-"),
                    o.right,
                    o.total
                );
            }
            Err(why) => println!("!! {head:<58} {why}"),
        }
    }
    let failing: Vec<&Row> = shown
        .into_iter()
        .filter(|r| r.outcome.as_ref().is_ok_and(|o| !o.all_match))
        .collect();
    if !failing.is_empty() {
        println!("\nwhat atti got wrong (first differing cell; rows and columns counted from 1 after cleaning)");
        for r in failing {
            if let Ok(o) = &r.outcome {
                println!(
                    "{} p{}: {}",
                    r.e.file,
                    r.e.page,
                    o.first_difference.as_deref().unwrap_or("?")
                );
            }
        }
    }
}

fn print_json(a: &Args, rows: &[Row], summary: &[Group]) {
    let tables: Vec<_> = rows
        .iter()
        .filter(|r| !is_test(r))
        .map(|r| {
            let base = json!({"project": r.e.project, "file": r.e.file, "page": r.e.page, "mode": r.e.mode});
            let mut v = base;
            match &r.outcome {
                Ok(o) => {
                    v["expected_shape"] = json!([o.expected_shape.0, o.expected_shape.1]);
                    v["got_shape"] = json!(o.got_shape.map(|(r, c)| [r, c]));
                    v["got_mode"] = json!(o.got_mode);
                    v["right"] = json!(o.right);
                    v["total"] = json!(o.total);
                    v["all_match"] = json!(o.all_match);
                    v["first_difference"] = json!(o.first_difference);
                    v["cut"] = json!(o.cut);
                }
                Err(why) => v["error"] = json!(why),
            }
            v
        })
        .collect();
    let groups: Vec<_> = summary
        .iter()
        .filter(|g| a.show_test || !counts_test(g, rows))
        .map(|g| {
            json!({"project": g.project, "mode": g.mode, "tables": g.tables, "all_match": g.all_match,
                   "share": g.share(), "mean_accuracy": g.mean(), "errors": g.errors,
                   "target": if g.project == "all" { json!(target(&g.mode)) } else { json!(null) }})
        })
        .collect();
    let doc = json!({"atti": a.atti.display().to_string(), "summary": groups, "tables": tables});
    println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
}

//! PEG sheets written by real PDF producers (LibreOffice from ODT and from
//! HTML, ReportLab: the train producers of gold/split.toml), read with the
//! shipped rules and compared with the values the generator wrote
//! (tests/fixtures/peg, bench/peg/README.md). The full benchmark, train and
//! test producers side by side, is `bench/peg/bench.sh`; this guards a
//! committed slice of it in CI with floors.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{atti_ok, read_csv, root};

type Row = BTreeMap<String, String>;

/// Collapses white space, as the benchmark compares.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A gold value as text (numbers as the CSV writes them, decimal comma).
fn gold_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => squash(s),
        other => other.to_string(),
    }
}

/// Right/total counts of one part of the sheets.
#[derive(Default, Debug)]
struct Score {
    right: usize,
    total: usize,
    misses: Vec<String>,
}

impl Score {
    fn add(&mut self, what: &str, want: &str, got: Option<&String>) {
        self.total += 1;
        let got = got.map(|g| squash(g)).unwrap_or_default();
        // The Italian CSV writes decimals with a comma (weight 12,5).
        if got == want || got.replace(',', ".") == want {
            self.right += 1;
        } else if self.misses.len() < 15 {
            self.misses
                .push(format!("{what}: atteso {want:?}, trovato {got:?}"));
        }
    }

    fn share(&self) -> f64 {
        self.right as f64 / self.total.max(1) as f64
    }
}

/// The rows of `table` for the sheet `file`, by `seq` when it has one.
fn rows_of<'a>(rows: &'a [Row], file: &str) -> Vec<&'a Row> {
    rows.iter()
        .filter(|r| r["source_file"].ends_with(file))
        .collect()
}

#[test]
fn peg_sheets_of_real_producers_are_read_cell_by_cell() {
    let fixtures = root().join("tests/fixtures/peg");
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    atti_ok(
        tmp.path(),
        &[
            "run",
            fixtures.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--raw",
        ],
        0,
    );
    let table = |name: &str| read_csv(&out.join(format!("{name}.csv")));
    let (objectives, phases, indicators) =
        (table("objectives"), table("phases"), table("indicators"));
    let gold = std::fs::read_to_string(fixtures.join("gold.jsonl")).unwrap();
    let (mut obj, mut ph, mut ind, mut counts) = (
        Score::default(),
        Score::default(),
        Score::default(),
        Score::default(),
    );
    let mut sheets = 0;
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let g: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = g["file"].as_str().unwrap();
        assert!(Path::new(&fixtures).join(file).exists(), "{file}");
        sheets += 1;
        let o = rows_of(&objectives, file);
        for (k, v) in g["objective"].as_object().unwrap() {
            obj.add(
                &format!("{file} {k}"),
                &gold_text(v),
                o.first().and_then(|r| r.get(k)),
            );
        }
        for (part, rows, score) in [
            ("phases", &phases, &mut ph),
            ("indicators", &indicators, &mut ind),
        ] {
            let got = rows_of(rows, file);
            let want = g[part].as_array().unwrap();
            counts.add(
                &format!("{file} {part}"),
                &want.len().to_string(),
                Some(&got.len().to_string()),
            );
            for w in want {
                let seq = w["seq"].to_string();
                let row = got.iter().find(|r| r["seq"] == seq);
                for (k, v) in w.as_object().unwrap().iter().filter(|(k, _)| *k != "seq") {
                    score.add(
                        &format!("{file} {part}[{seq}].{k}"),
                        &gold_text(v),
                        row.and_then(|r| r.get(k)),
                    );
                }
            }
        }
    }
    assert_eq!(sheets, 10);
    let report =
        format!("objectives {obj:#?}\nphases {ph:#?}\nindicators {ind:#?}\nrows {counts:#?}");
    // Floors measured on these ten sheets (bench/peg/bench.sh prints the
    // same figures for the whole corpus); a change that lowers them fails.
    // Known misses: words a narrow cell broke without a hyphen
    // ("MIGLIORAMEN TO"), a description whose first paragraph the reader set
    // as a row of its own above the label's (2021_C36).
    assert!(obj.total >= 160 && obj.right >= 155, "{report}");
    assert!(ph.total >= 497 && ph.right >= 491, "{report}");
    assert!(ind.total >= 115 && ind.share() >= 0.99, "{report}");
    assert_eq!(counts.right, 20, "{report}");
}

//! The acts of `gold/acts.jsonl`, `gold/acts_train_more.jsonl`,
//! `gold/acts_web.jsonl` and the newest web batch scored
//! field by field against what atti's rules read: shared by the gold bench
//! (train and test side by side) and by the integration test that asserts
//! floors on the train part (tests/acts_gold.rs).
//!
//! A field is scored where the gold record gives it a value; the first
//! decision atti read is the act. A gold record of kind `other` (an
//! attachment, an avviso, a letter) is scored once, on having no decision.

use std::collections::BTreeMap;
use std::path::Path;

use atti::record::Decision;
use atti::rules::RuleOutput;
use atti_italian::names::sentence;
use serde_json::Value;

/// The fields scored, in the order they are printed.
pub const FIELDS: &[&str] = &[
    "recognised as an act",
    "other: no decision row",
    "act_number",
    "decision_date",
    "office",
    "office: none where none printed",
    "office_number",
    "office_number: none where none printed",
    "office_date",
    "subject",
    "outcome",
    "unanimous",
    "present_count",
    "absent_count",
    "votes_for",
    "votes_against",
    "abstentions",
    "immediately_executable",
];

/// The newest batch of public acts, read blind: also tallied apart as
/// `newest`, so that its first figures (before any rule is written for it)
/// and its figures after stay visible beside the rest of train.
pub const NEWEST_BATCH: &str = "gold/acts_web_s50.jsonl";

/// The subject batch of session 39, read blind: tallied apart as `subject
/// batch` and printed on a line of its own beside the newest batch.
pub const SUBJECT_BATCH: &str = "gold/acts_web_s39s.jsonl";

/// The gold records of the act files under `root`, in file order.
/// `acts.jsonl` and `acts_train_more.jsonl` name files of ../shared/corpus;
/// `acts_web.jsonl` names the public acts saved under
/// tests/fixtures/web/acts, so its paths are made absolute here (joining
/// an absolute path onto the corpus directory keeps it as it is).
pub fn load(root: &Path) -> Vec<Value> {
    [
        "gold/acts.jsonl",
        "gold/acts_train_more.jsonl",
        "gold/acts_web.jsonl",
        "gold/acts_web_s36.jsonl",
        "gold/acts_web_s37.jsonl",
        "gold/acts_web_s38.jsonl",
        "gold/acts_web_s40.jsonl",
        "gold/acts_web_s41.jsonl",
        "gold/acts_web_s44.jsonl",
        "gold/acts_web_s46.jsonl",
        "gold/acts_web_s47.jsonl",
        "gold/acts_web_s48.jsonl",
        "gold/acts_web_s49.jsonl",
        NEWEST_BATCH,
        SUBJECT_BATCH,
    ]
    .iter()
    .flat_map(|f| {
        let in_repo = f.starts_with("gold/acts_web");
        std::fs::read_to_string(root.join(f))
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let mut g = serde_json::from_str::<Value>(l).expect("a gold line is JSON");
                if in_repo {
                    let file = g["file"].as_str().unwrap_or_default();
                    g["file"] = Value::from(root.join(file).to_string_lossy().into_owned());
                }
                g["batch"] = Value::from(*f);
                g
            })
            .collect::<Vec<_>>()
    })
    .collect()
}

/// k/n per (split, field), and the train part's misses.
#[derive(Default)]
pub struct Score {
    pub counts: BTreeMap<(String, String), (usize, usize)>,
    /// `file field: want .. got ..`, for the train split only: the test
    /// part is measured, never read.
    pub misses: Vec<String>,
}

impl Score {
    pub fn add(&mut self, split: &str, file: &str, field: &str, want: &str, got: &str, ok: bool) {
        let e = self
            .counts
            .entry((split.to_owned(), field.to_owned()))
            .or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
        if !ok && split == "train" {
            self.misses
                .push(format!("{file} {field}: want {want:?} got {got:?}"));
        }
    }

    /// Counts one more scored field under `group` without a miss line
    /// (the web acts are also tallied apart from the rest of train).
    pub fn tally(&mut self, group: &str, field: &str, ok: bool) {
        let e = self
            .counts
            .entry((group.to_owned(), field.to_owned()))
            .or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
    }

    /// k and n of one field in one split.
    pub fn get(&self, split: &str, field: &str) -> Option<(usize, usize)> {
        self.counts
            .get(&(split.to_owned(), field.to_owned()))
            .copied()
    }
}

/// Lower case, white space folded, apostrophes and dashes in one form (as
/// a record keeps them), a final full stop dropped.
fn squash(s: &str) -> String {
    atti_italian::plain_marks(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_end_matches('.')
        .trim_end()
        .to_owned()
}

/// A register number's digits, as `act_number_norm` keeps them: the part
/// before a slash or dash, letters kept, leading zeros dropped
/// (`DG/2025/00001` and `1` agree; `G05626` keeps its letter).
fn number_key(s: &str) -> String {
    // Prefixed registers ("DD/2025/07091", "X/259"): the last part that
    // holds a digit; a year after the number ("305/2011", "DG/821/2018")
    // is not the number.
    let part = if s.contains('/') {
        let parts: Vec<&str> = s.split('/').collect();
        let year_last = parts
            .last()
            .is_some_and(|p| p.len() == 4 && p.starts_with("20"))
            && parts.len() >= 2;
        if year_last {
            let before = &parts[..parts.len() - 1];
            before
                .iter()
                .rev()
                .find(|p| p.chars().any(|c| c.is_ascii_digit()))
                .copied()
                .unwrap_or(before[before.len() - 1])
        } else {
            parts.last().copied().unwrap_or(s)
        }
    } else {
        s.split(['-', ' ']).next().unwrap_or(s)
    };
    let k: String = part
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase();
    let t = k.trim_start_matches('0');
    if t.is_empty() {
        k
    } else {
        t.to_owned()
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// Scores every gold record; `read` gives atti's output for a file of the
/// corpus (None when it cannot be read).
pub fn score(gold: &[Value], mut read: impl FnMut(&str) -> Option<RuleOutput>) -> Score {
    let mut sc = Score::default();
    for g in gold {
        let kind = g["kind"].as_str().unwrap_or("");
        let split = g["split"].as_str().unwrap_or("?");
        let file = g["file"].as_str().unwrap_or("?");
        let x = read(file);
        let d: Option<&Decision> = x.as_ref().and_then(|x| x.decisions.first());
        // The public acts of gold/acts_web.jsonl are also counted apart.
        let web = file.contains("tests/fixtures/web/");
        let newest = g["batch"] == NEWEST_BATCH;
        let subject_batch = g["batch"] == SUBJECT_BATCH;
        let mut add = |field: &str, want: &str, got: &str, ok: bool| {
            sc.add(split, file, field, want, got, ok);
            if web {
                sc.tally("web", field, ok);
            }
            if newest {
                sc.tally("newest", field, ok);
            }
            if subject_batch {
                sc.tally("subject batch", field, ok);
            }
        };
        if kind == "other" {
            let got = d.map(|d| format!("{:?}", d.act_type)).unwrap_or_default();
            add("other: no decision row", "", &got, d.is_none());
            continue;
        }
        add(
            "recognised as an act",
            kind,
            if d.is_some() { kind } else { "" },
            d.is_some(),
        );
        let text = |f: &str| g[f].as_str().map(str::to_owned);
        if let Some(want) = text("act_number_norm").or_else(|| text("act_number")) {
            let got = d.and_then(|d| d.act_number.clone()).unwrap_or_default();
            add(
                "act_number",
                &want,
                &got,
                !got.is_empty() && number_key(&got) == number_key(&want),
            );
        }
        if let Some(want) = text("office_number") {
            let got = d.and_then(|d| d.office_number.clone()).unwrap_or_default();
            add(
                "office_number",
                &want,
                &got,
                !got.is_empty() && number_key(&got) == number_key(&want),
            );
        }
        for (f, got) in [
            ("decision_date", d.and_then(|d| d.decision_date)),
            ("office_date", d.and_then(|d| d.office_date)),
        ] {
            if let Some(want) = text(f) {
                let got = opt(got);
                add(f, &want, &got, got == want);
            }
        }
        for (f, got) in [
            ("subject", d.and_then(|d| d.subject.clone())),
            ("office", d.and_then(|d| d.office.clone())),
        ] {
            if let Some(want) = text(f) {
                let got = got.unwrap_or_default();
                // A subject is compared as a record keeps one (`sentence`):
                // the quotes that enclose all of it and a dash or stop left
                // hanging at its end are marks, not words of the subject.
                let same = if f == "subject" {
                    squash(&sentence(&got)) == squash(&sentence(&want))
                } else {
                    squash(&got) == squash(&want)
                };
                add(f, &want, &got, same);
            }
        }
        // Precision of the office: a determination or decree whose gold
        // office is null prints none, and reading one there is wrong (a
        // wrong office is worse than none).
        if matches!(kind, "determination" | "decree") && d.is_some() {
            if g["office"].is_null() {
                let got = d.and_then(|d| d.office.clone()).unwrap_or_default();
                add("office: none where none printed", "", &got, got.is_empty());
            }
            if g["office_number"].is_null() {
                let got = d.and_then(|d| d.office_number.clone()).unwrap_or_default();
                add(
                    "office_number: none where none printed",
                    "",
                    &got,
                    got.is_empty(),
                );
            }
        }
        let outcome = d.and_then(|d| d.outcome.clone()).unwrap_or_default();
        if let Some(want) = text("outcome") {
            add(
                "outcome",
                &want,
                &outcome,
                outcome.starts_with(want.as_str()),
            );
        }
        if let Some(want) = g["unanimous"].as_bool() {
            let got = outcome.contains("unanimit");
            add("unanimous", &want.to_string(), &outcome, got == want);
        }
        if let Some(want) = g["immediately_executable"].as_bool() {
            let got = d.and_then(|d| d.immediately_executable);
            add(
                "immediately_executable",
                &want.to_string(),
                &opt(got),
                got == Some(want),
            );
        }
        for f in [
            "present_count",
            "absent_count",
            "votes_for",
            "votes_against",
            "abstentions",
        ] {
            if let Some(want) = g[f].as_u64() {
                let got = d.and_then(|d| match f {
                    "present_count" => d.present_count,
                    "absent_count" => d.absent_count,
                    "votes_for" => d.votes_for,
                    "votes_against" => d.votes_against,
                    _ => d.abstentions,
                });
                add(
                    f,
                    &want.to_string(),
                    &opt(got),
                    got.map(u64::from) == Some(want),
                );
            }
        }
    }
    sc
}

#[cfg(test)]
mod tests {
    // The bench's own build (no test harness) drops the #[test] functions.
    #[allow(unused_imports)]
    use super::number_key;

    #[test]
    fn register_numbers_compare_by_their_own_digits() {
        assert_eq!(number_key("DD/2025/07091"), "7091");
        assert_eq!(number_key("DG/2025/00001"), "1");
        assert_eq!(number_key("2922/2024"), "2922");
        assert_eq!(number_key("IX/2838"), "2838");
        assert_eq!(number_key("G05626"), "g05626");
        assert_eq!(number_key("0000224"), "224");
        assert_eq!(number_key("60"), "60");
    }
}

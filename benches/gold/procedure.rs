//! The acts of `gold/money_train.jsonl` and `gold/money_test.jsonl` scored
//! on what an act is for and how its contractor was chosen: `procedure`,
//! `selection_method`, `selection_basis` and `responsible`. Shared by the
//! gold bench (train and test side by side) and by the integration test
//! that asserts floors on the train part (tests/procedure_gold.rs).
//!
//! The first decision atti read is the act; an act atti read no decision
//! from has no values. `procedure` is scored on every act; the selection
//! method and its basis on the acts whose gold procedure is `contract`
//! (a basis absent on both sides agrees); `responsible` on the acts where
//! the gold or atti names one, as words in any order and any case. The
//! procedure is also tallied apart for the acts atti read a decision row
//! from and for the documents it read none from (`"train row"`,
//! `"train no row"`), so that a miss of the classifier and a document read
//! as kind `other` are told apart.

use atti::rules::RuleOutput;
use serde_json::Value;

/// The fields scored, in the order they are printed.
pub const FIELDS: &[&str] = &[
    "procedure",
    "selection_method",
    "selection_basis",
    "responsible",
];

/// The gold records of both money files, and k/n per split and field:
/// the money scoring's loader and the acts scoring's tally.
pub use super::gold_acts::Score;
pub use super::gold_money::load;

/// A citation compared without case, spaces or dots.
fn citation_key(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '/' || *c == '-')
        .collect()
}

/// A name as its words, lower case, sorted: "Canonico Giuseppe" is
/// "Giuseppe CANONICO"; the typographic apostrophe is the straight one
/// ("D’Andrea" is "D'Andrea").
fn name_key(s: &str) -> Vec<String> {
    let mut w: Vec<String> = s
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    w.sort();
    w
}

/// Scores every gold record with what `read` gives for its file.
pub fn score(gold: &[Value], mut read: impl FnMut(&str) -> Option<RuleOutput>) -> Score {
    let mut s = Score::default();
    for g in gold {
        let file = g["file"].as_str().unwrap_or_default();
        let split = g["split"].as_str().unwrap_or("?");
        let x = read(file);
        let d = x.as_ref().and_then(|x| x.decisions.first());
        let got = |f: fn(&atti::record::Decision) -> &Option<String>| {
            d.and_then(|d| f(d).clone()).unwrap_or_default()
        };
        let want = |k: &str| g[k].as_str().unwrap_or_default().to_owned();

        let (w, p) = (want("procedure"), got(|d| &d.procedure));
        if !w.is_empty() {
            s.add(split, file, "procedure", &w, &p, w == p);
            // Apart: the acts atti read a decision row from, and the
            // documents it read none from (kind `other`: news reports,
            // notices, calls for tenders), whose procedure is never read.
            let row = if d.is_some() { "row" } else { "no row" };
            s.tally(&format!("{split} {row}"), "procedure", w == p);
        }
        if want("procedure") == "contract" {
            let (w, m) = (want("selection_method"), got(|d| &d.selection_method));
            s.add(split, file, "selection_method", &w, &m, w == m);
            let (w, b) = (want("selection_basis"), got(|d| &d.selection_basis));
            s.add(
                split,
                file,
                "selection_basis",
                &w,
                &b,
                citation_key(&w) == citation_key(&b),
            );
        }
        let (w, r) = (want("responsible"), got(|d| &d.responsible));
        if !w.is_empty() || !r.is_empty() {
            s.add(
                split,
                file,
                "responsible",
                &w,
                &r,
                name_key(&w) == name_key(&r),
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    // The bench's own build (no test harness) drops the #[test] functions.
    #[allow(unused_imports)]
    use super::*;

    #[test]
    fn citations_and_names_compare_loosely() {
        assert_eq!(
            citation_key("D.Lgs. 36/2023 art. 50 c. 1 lett. b"),
            citation_key("d.lgs. 36/2023 art. 50 c. 1 lett. b")
        );
        assert_ne!(
            citation_key("d.lgs. 36/2023 art. 50 c. 1 lett. a"),
            citation_key("d.lgs. 36/2023 art. 50 c. 1 lett. b")
        );
        assert_eq!(name_key("Canonico Giuseppe"), name_key("Giuseppe CANONICO"));
        assert_eq!(name_key("Vincenzo D’Andrea"), name_key("Vincenzo D'Andrea"));
    }
}

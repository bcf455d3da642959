//! The parties batch of session 36 (gold/money_web_parties.jsonl, train,
//! saved under tests/fixtures/web/money-parties): twelve public acts of
//! twelve bodies in no split, annotated blind before atti read them. The
//! counterparties (and the sums and codes beside them) are scored as the
//! gold bench scores them and must stay at or above what they reached when
//! the party rules were generalised for them (issue 23, session 36).

use atti::rules::RuleSet;

use crate::common::{apply_rules as apply, root};
use crate::gold_money;

/// (measure, right, found, gold); for sums and parties `found` bounds the
/// precision.
const FLOORS: &[(&str, usize, usize, usize)] = &[
    // Blind, before the rules were generalised for them: P 1/1 R 1/11.
    ("parties", 8, 8, 11),
    ("amounts", 12, 12, 12),
    ("cig", 12, 12, 12),
];

#[test]
fn web_parties_batch_keeps_its_accuracy() {
    let gold: Vec<_> = gold_money::load(&root())
        .into_iter()
        .filter(|g| {
            g["file"]
                .as_str()
                .unwrap_or("")
                .starts_with(gold_money::BATCH)
        })
        .collect();
    assert_eq!(gold.len(), 12, "acts in gold/money_web_parties.jsonl");
    let rules = RuleSet::load(None, true).expect("built-in rules");
    let score = gold_money::score(&gold, |f| apply(&rules, &root().join(f)));
    for m in gold_money::MEASURES {
        eprintln!("{m:<16} {}", gold_money::render(&score, "batch", m));
    }
    let mut low = Vec::new();
    for &(what, k, found, total) in FLOORS {
        let (gk, gf, gg) = score.get("batch", what);
        assert_eq!(gg, total, "{what}: the gold set changed");
        // Right may not fall; for a precision, nor may the share found.
        if gk < k || (found != total && gk * found < k * gf) {
            low.push(format!(
                "{what}: {gk}/{gf}/{gg} (floor {k}/{found}/{total})"
            ));
        }
    }
    assert!(
        low.is_empty(),
        "below their floor:\n{}\nmisses:\n{}",
        low.join("\n"),
        score.misses.join("\n")
    );
}

//! The amounts batch of session 37 (gold/money_web_amounts.jsonl, train,
//! saved under tests/fixtures/web/money-amounts): nine public acts of nine
//! bodies in no split, annotated blind before atti read them, chosen for
//! the way they print sums (a capital E for the sign, a template's stray
//! decimals, millions after "euro", Lire beside their euro, the sign and
//! its figure on two lines). Sums and main amounts are scored as the gold
//! bench scores them and must stay at or above what they reached when the
//! amount readers were generalised for them (issue 23, session 37).

use atti::rules::RuleSet;

use crate::common::{apply_rules as apply, root};
use crate::gold_money;

/// (measure, right, found, gold); for sums `found` bounds the precision.
const FLOORS: &[(&str, usize, usize, usize)] = &[
    // Blind, before the readers were generalised: amounts P 21/21 R 21/23,
    // main amount 7/9.
    ("amounts", 23, 23, 23),
    ("main amount", 9, 9, 9),
];

#[test]
fn web_amounts_batch_keeps_its_accuracy() {
    let gold: Vec<_> = gold_money::load(&root())
        .into_iter()
        .filter(|g| {
            g["file"]
                .as_str()
                .unwrap_or("")
                .starts_with(gold_money::AMOUNTS_BATCH)
        })
        .collect();
    assert_eq!(gold.len(), 9, "acts in gold/money_web_amounts.jsonl");
    let rules = RuleSet::load(None, true).expect("built-in rules");
    let score = gold_money::score(&gold, |f| apply(&rules, &root().join(f)));
    for m in gold_money::MEASURES {
        eprintln!("{m:<16} {}", gold_money::render(&score, "amounts batch", m));
    }
    let mut low = Vec::new();
    for &(what, k, found, total) in FLOORS {
        let (gk, gf, gg) = score.get("amounts batch", what);
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

//! The web acts of bodies the corpus lacks (gold/money_web_proc.jsonl,
//! train, saved under tests/fixtures/web/money-proc), read with the
//! built-in rules and scored as the gold bench scores them: the main
//! amount and the administration (benches/gold/money.rs), what each act is
//! for and how its contractor was chosen (benches/gold/procedure.rs). Each
//! must stay at or above what it reached when the rules for them were
//! written (issue 23, seventh session).

use atti::rules::RuleSet;

use crate::common::{apply_rules as apply, root};
use crate::{gold_money, gold_procedure};

const WEB: &str = "tests/fixtures/web/money-proc/";

/// (measure, right, acts scored).
const MONEY_FLOORS: &[(&str, usize, usize)] =
    &[("main amount", 12, 12), ("administration", 10, 12)];
const PROCEDURE_FLOORS: &[(&str, usize, usize)] = &[
    ("procedure", 11, 12),
    ("selection_method", 9, 11),
    ("selection_basis", 10, 11),
];

#[test]
fn web_acts_keep_their_money_and_procedure_accuracy() {
    let gold: Vec<_> = gold_money::load(&root())
        .into_iter()
        .filter(|g| g["file"].as_str().unwrap_or("").starts_with(WEB))
        .collect();
    assert_eq!(gold.len(), 12, "web acts in gold/money_web_proc.jsonl");
    keeps_floors(&gold, "train", MONEY_FLOORS, PROCEDURE_FLOORS);
}

/// Reads `gold`'s acts with the built-in rules and asserts the floors,
/// each (measure, right, acts scored): the money measures as tallied under
/// `tally` (benches/gold/money.rs), the procedure ones as
/// benches/gold/procedure.rs scores them.
pub(crate) fn keeps_floors(
    gold: &[serde_json::Value],
    tally: &str,
    money_floors: &[(&str, usize, usize)],
    procedure_floors: &[(&str, usize, usize)],
) {
    let rules = RuleSet::load(None, true).expect("built-in rules");
    let read = |f: &str| apply(&rules, &root().join(f));
    let money = gold_money::score(gold, read);
    let procedure = gold_procedure::score(gold, read);
    let mut low = Vec::new();
    for &(what, k, n) in money_floors {
        let (got, _, total) = money.get(tally, what);
        assert_eq!(total, n, "{what}: the gold changed");
        if got < k {
            low.push(format!("{what}: {got}/{total} (floor {k}/{n})"));
        }
    }
    for &(what, k, n) in procedure_floors {
        let (got, total) = procedure.get("train", what).unwrap_or((0, 0));
        assert_eq!(total, n, "{what}: the gold changed");
        if got < k {
            low.push(format!("{what}: {got}/{total} (floor {k}/{n})"));
        }
    }
    assert!(
        low.is_empty(),
        "below their floor:\n{}\nmisses:\n{}\n{}",
        low.join("\n"),
        money.misses.join("\n"),
        procedure.misses.join("\n")
    );
}

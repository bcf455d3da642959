//! The procedure batch of session 37 (gold/money_web_proc2.jsonl, train,
//! saved under tests/fixtures/web/money-proc2): public acts of bodies in no
//! split (comuni, a state school, an in-house foundation), annotated blind
//! before atti read them. Their codes and issuing body (scored as
//! benches/gold/money.rs scores them) and what each act is for and how its
//! contractor was chosen (benches/gold/procedure.rs) must stay at or above
//! what they reached when the rules were generalised for them (issue 23,
//! session 37).

use crate::common::root;
use crate::gold_money;

/// (measure, right, acts scored). Blind: cig 7/7, administration 3/7.
const MONEY_FLOORS: &[(&str, usize, usize)] = &[("cig", 7, 7), ("administration", ADMIN, 7)];
/// Blind: procedure 4/7, selection_method 4/7, selection_basis 7/7; session
/// 38 (acts recognised by their subject, heading and copy mark): 6/7, 6/7.
const PROCEDURE_FLOORS: &[(&str, usize, usize)] = &[
    ("procedure", PROCEDURE, 7),
    ("selection_method", METHOD, 7),
    ("selection_basis", 7, 7),
];
const ADMIN: usize = 7;
const PROCEDURE: usize = 6;
const METHOD: usize = 6;

#[test]
fn procedure_batch_keeps_its_accuracy() {
    let batch = gold_money::named("proc2");
    let gold = gold_money::batch(&root(), batch);
    assert_eq!(gold.len(), 7, "acts in {}", batch.gold);
    crate::money_web_proc::keeps_floors(&gold, batch.name, MONEY_FLOORS, PROCEDURE_FLOORS);
}

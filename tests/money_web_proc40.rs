//! The procedure batch of session 40 (gold/money_web_proc40.jsonl, train,
//! saved under tests/fixtures/web/money-proc40): council and Giunta
//! deliberations of five comuni in no split (tariffs, a plan), annotated
//! blind before atti read them. Their codes and issuing body (scored as
//! benches/gold/money.rs scores them) and what each act is for
//! (benches/gold/procedure.rs) must stay at or above what they reached when
//! the rules were generalised for them (issue 23, session 40).

use crate::common::root;
use crate::gold_money;

/// (measure, right, acts scored). Blind: cig 5/5, administration 5/5.
const MONEY_FLOORS: &[(&str, usize, usize)] = &[("cig", 5, 5), ("administration", 5, 5)];
/// Blind: procedure 4/5 ("DETERMINAZIONE DELLE TARIFFE" without the word
/// approvazione read as `other`); after the tariffs cue: 5/5.
const PROCEDURE_FLOORS: &[(&str, usize, usize)] = &[("procedure", 5, 5)];

#[test]
fn procedure_batch_of_session_40_keeps_its_accuracy() {
    let batch = gold_money::named("proc40");
    let gold = gold_money::batch(&root(), batch);
    assert_eq!(gold.len(), 5, "acts in {}", batch.gold);
    crate::money_web_proc::keeps_floors(&gold, batch.name, MONEY_FLOORS, PROCEDURE_FLOORS);
}

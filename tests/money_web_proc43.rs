//! The procedure batch of session 43 (gold/money_web_proc43.jsonl, train,
//! saved under tests/fixtures/web/money-proc43): determinations of two
//! bodies in no split (ACI's Oristano office, a trattativa diretta on the
//! MePA; the Provincia di Oristano, a procedura negoziata with its invitation
//! letter), annotated blind before atti read them. Their codes and issuing
//! body (scored as benches/gold/money.rs scores them) and how each contractor
//! is chosen (benches/gold/procedure.rs) must stay at or above what atti read
//! blind (issue 23, session 43).

use crate::common::root;
use crate::gold_money;

/// (measure, right, acts scored). Blind: cig 2/2, administration 1/2 (ACI's
/// excerpt names its Unità Territoriale, never "Automobile Club d'Italia").
const MONEY_FLOORS: &[(&str, usize, usize)] = &[("cig", 2, 2), ("administration", 1, 2)];
/// Blind: procedure 2/2, selection_method 2/2, selection_basis 1/2 (the
/// Provincia's subject cites "art. 36, comma 2 lett. a)" without its code and
/// "così come novellato dall'art. 1, co. 2, del D.L. n. 76/2020": atti gives
/// the decree that amends it, the gold the article it amends).
const PROCEDURE_FLOORS: &[(&str, usize, usize)] = &[
    ("procedure", 2, 2),
    ("selection_method", 2, 2),
    ("selection_basis", 1, 2),
];

#[test]
fn procedure_batch_of_session_43_keeps_its_accuracy() {
    let batch = gold_money::named("proc43");
    let gold = gold_money::batch(&root(), batch);
    assert_eq!(gold.len(), 2, "acts in {}", batch.gold);
    crate::money_web_proc::keeps_floors(&gold, batch.name, MONEY_FLOORS, PROCEDURE_FLOORS);
}

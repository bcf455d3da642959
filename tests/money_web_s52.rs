//! The money batch of session 52 (gold/money_web_s52.jsonl, train, saved
//! under tests/fixtures/web/money-s52): four acts of four comuni in no split
//! (Fivizzano, Spoleto, Viterbo, San Gavino Monreale) as local papers report
//! them (a direct award of works, contributions to events and associations),
//! annotated blind before atti read them (issue 23). Their codes, sums, main
//! amounts, counterparties and issuing bodies (scored as
//! benches/gold/money.rs scores them) must stay at or above what atti
//! reads now. Their procedure is not read: they are reports of acts (kind
//! `other`), from which atti makes no decision row.

use crate::common::root;
use crate::gold_money;

/// (measure, right, gold). Blind: cig 4/4, amounts P 42/44 R 42/46, main
/// amount 1/4, parties P 1/5 R 1/17, administration 4/4. After: amounts P
/// 43/43 R 43/46 ("6mila e 200 euro" one sum, not 6.000 and 200); the
/// rest as blind (the organisers named in brackets after their events, a
/// commitment whose item lists its grants without a total: left).
const MONEY_FLOORS: &[(&str, usize, usize)] = &[
    ("cig", 4, 4),
    ("amounts", 43, 46),
    ("main amount", 1, 4),
    ("parties", 1, 17),
    ("administration", 4, 4),
];

#[test]
fn money_batch_of_session_52_keeps_its_accuracy() {
    let batch = gold_money::named("s52");
    let gold = gold_money::batch(&root(), batch);
    assert_eq!(gold.len(), 4, "acts in {}", batch.gold);
    crate::money_web_proc::keeps_floors(&gold, batch.name, MONEY_FLOORS, &[]);
}

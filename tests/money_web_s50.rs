//! The money batch of session 50 (gold/money_web_s50.jsonl, train, saved
//! under tests/fixtures/web/money-s50): two determinations of two bodies in
//! no split (Comune di Castell'Azzara, the Comune di Vicenza's library
//! istituzione), stored transcripts cut after 2,000 characters, annotated
//! blind before atti read them (issue 23). Their codes, sums, main amounts
//! and issuing bodies (scored as benches/gold/money.rs scores them) and
//! what benches/gold/procedure.rs scores must stay at or above what atti
//! reads now.

use crate::common::root;
use crate::gold_money;

/// (measure, right, gold). Blind and after: cig 2/2; amounts P 9/9 R 9/9
/// (a contribution received and eight budget allocations, one printed
/// "12.500,00 euro"); main amount 2/2 (none: both are cut before their
/// dispositive); administration 2/2.
const MONEY_FLOORS: &[(&str, usize, usize)] = &[
    ("cig", 2, 2),
    ("amounts", 9, 9),
    ("main amount", 2, 2),
    ("administration", 2, 2),
];
/// Blind and after: procedure 1/2 (the purchase of books "mediante il
/// fondo" is read as budget), selection_basis 2/2. Session 51: an
/// "impegno di spesa per l'acquisto" is the purchase: procedure 2/2.
const PROCEDURE_FLOORS: &[(&str, usize, usize)] = &[("procedure", 2, 2), ("selection_basis", 2, 2)];

#[test]
fn money_batch_of_session_50_keeps_its_accuracy() {
    let batch = gold_money::named("s50");
    let gold = gold_money::batch(&root(), batch);
    assert_eq!(gold.len(), 2, "acts in {}", batch.gold);
    crate::money_web_proc::keeps_floors(&gold, batch.name, MONEY_FLOORS, PROCEDURE_FLOORS);
}

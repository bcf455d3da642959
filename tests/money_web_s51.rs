//! The money batch of session 51 (gold/money_web_s51.jsonl, train, saved
//! under tests/fixtures/web/money-s51): four acts of four comuni of the
//! province of Biella in no split (Biella, Lessona, Sandigliano,
//! Valdilana), granting contributions to associations as a local paper
//! reports them, annotated blind before atti read them (issue 23). Their
//! codes, sums, main amounts, counterparties and issuing bodies (scored as
//! benches/gold/money.rs scores them) must stay at or above what atti
//! reads now.

use crate::common::root;
use crate::gold_money;

/// (measure, right, gold). Blind: parties P 8/8 R 8/18, amounts P 20/20
/// R 20/20, main amount 2/4, cig 4/4, administration 2/4. After: parties
/// P 12/12 R 12/18 (the four sport clubs a colon parts from their sums:
/// "A.S.D. Alfa – Trofeo: 4.000 €"), main amount 3/4 ("20mila euro di
/// contributi" a grant).
const MONEY_FLOORS: &[(&str, usize, usize)] = &[
    ("cig", 4, 4),
    ("amounts", 20, 20),
    ("main amount", 3, 4),
    ("parties", 12, 18),
    ("administration", 2, 4),
];
/// The procedure fields are not floored here (measured by
/// benches/gold/procedure.rs with every train act).
const PROCEDURE_FLOORS: &[(&str, usize, usize)] = &[];

#[test]
fn money_batch_of_session_51_keeps_its_accuracy() {
    let batch = gold_money::named("s51");
    let gold = gold_money::batch(&root(), batch);
    assert_eq!(gold.len(), 4, "acts in {}", batch.gold);
    crate::money_web_proc::keeps_floors(&gold, batch.name, MONEY_FLOORS, PROCEDURE_FLOORS);
}

//! The amounts batch of session 37 (gold/money_web_amounts.jsonl, train,
//! saved under tests/fixtures/web/money-amounts): nine public acts of nine
//! bodies in no split, annotated blind before atti read them, chosen for
//! the way they print sums (a capital E for the sign, a template's stray
//! decimals, millions after "euro", Lire beside their euro, the sign and
//! its figure on two lines). Sums and main amounts are scored as the gold
//! bench scores them and must stay at or above what they reached when the
//! amount readers were generalised for them (issue 23, session 37).

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
    crate::money_web_parties::keeps_floors(gold_money::named("amounts"), 9, FLOORS);
}

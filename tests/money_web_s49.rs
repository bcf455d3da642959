//! The money batch of session 49 (gold/money_web_s49.jsonl, train, saved
//! under tests/fixtures/web/money-s49): nineteen acts of ten comuni in no
//! split (Agrigento, Arpino, Brione, Castelbuono, Cerveteri, Nocera Umbra,
//! Poviglio, Sciacca, Terni, Trani), two Giunta deliberations as stored
//! transcripts cut after 2,000 characters and seventeen determinations and
//! deliberations as local papers report them, annotated blind before atti
//! read them (issue 23). Their codes, sums, main amounts, counterparties
//! and issuing bodies (scored as benches/gold/money.rs scores them) and
//! what benches/gold/procedure.rs scores must stay at or above what atti
//! reads now.

use crate::common::root;
use crate::gold_money;

/// (measure, right, gold). Blind: cig 19/19; amounts P 57/57 R 57/60 (two
/// bare figures in a list after a sum in words, "Tremila euro ..., 2.500
/// ..., 1.000", and "4.992 mila euro" missed); main amount 8/19 (the role
/// of a sum a report says was decided: "concedere la somma", "prenotazione
/// della spesa", "Li ha impegnati"); parties P 0/1 R 0/14, after P 4/5 R
/// 4/14 ("la scelta è ricaduta sulla ditta X", "assegnato ... alla società
/// X", "autorizzato la ditta X", "in favore del Comitato X"); administration
/// 17/19 (two reports name the Comune only as "il Comune ... a Terni").
const MONEY_FLOORS: &[(&str, usize, usize)] = &[
    ("cig", 19, 19),
    ("amounts", 57, 60),
    ("main amount", 7, 19),
    ("parties", 4, 14),
    ("administration", 17, 19),
];
/// Blind and after: procedure 1/19 and responsible 0/4 (a report of an act
/// is kind `other`, with no decision row, by design), selection_basis
/// 12/12, selection_method 5/12. Session 51: Poviglio's Giunta transcript
/// ("LA GIUNTA COMUNALE" over "-CONSIDERATA ...") is a deliberation and
/// grants its contributions: procedure 2/19.
const PROCEDURE_FLOORS: &[(&str, usize, usize)] = &[
    ("procedure", 2, 19),
    ("selection_basis", 12, 12),
    ("responsible", 0, 4),
];

#[test]
fn money_batch_of_session_49_keeps_its_accuracy() {
    let batch = gold_money::named("s49");
    let gold = gold_money::batch(&root(), batch);
    assert_eq!(gold.len(), 19, "acts in {}", batch.gold);
    crate::money_web_proc::keeps_floors(&gold, batch.name, MONEY_FLOORS, PROCEDURE_FLOORS);
}

//! The money batch of session 47 (gold/money_web_s47.jsonl, train, saved
//! under tests/fixtures/web/money-s47): eighteen determinations of six
//! bodies in no split (four comuni of the islands of Ischia and Capri as
//! local papers report their determinations, the Comune di Capri's
//! neighbour Anacapri, a Sardinian province), annotated blind before atti
//! read them, chosen for the way they name the officer responsible for the
//! procedure: "il rup arch. X", "Il rup, il responsabile del III Settore
//! arch. X,", "nominando rup l'arch. X", "nominato rup il geom. X", "al rup
//! X" (issue 23). Their codes, main amounts and issuing bodies (scored as
//! benches/gold/money.rs scores them) and what benches/gold/procedure.rs
//! scores must stay at or above what atti reads now.

use crate::common::root;
use crate::gold_money;

/// (measure, right, acts scored). Blind: cig 18/18 (the CUP "associato
/// all'intervento è" a few words after its label missed, read after),
/// main amount 4/18 (a project's whole cost taken for the sum awarded; 6
/// after), administration 8/18 (news reports name "il Comune di Barano"
/// in short, or the town only).
const MONEY_FLOORS: &[(&str, usize, usize)] = &[
    ("cig", 18, 18),
    ("main amount", 6, 18),
    ("administration", 8, 18),
];
/// Blind: responsible 0/9, and still 0/9: a news report of an act is kind
/// `other`, which the responsible rules do not read (read there, they gave
/// 8/9, but a decision row on every document of kind `other` that names a
/// RUP, which the acts gold forbids: tests/acts_gold.rs). The forms these
/// reports use ("il rup arch. X", "Il rup, il responsabile del III Settore
/// arch. X,", "nominando rup l'arch. X", "al rup X") are read in acts
/// (procedure_responsible.toml's examples). The procedure and the selection
/// method stay unread (1/18): a report of an act has no dispositive.
const PROCEDURE_FLOORS: &[(&str, usize, usize)] = &[
    ("procedure", 1, 18),
    ("selection_basis", 17, 18),
    ("responsible", 0, 9),
];

#[test]
fn money_batch_of_session_47_keeps_its_accuracy() {
    let batch = gold_money::named("s47");
    let gold = gold_money::batch(&root(), batch);
    assert_eq!(gold.len(), 18, "acts in {}", batch.gold);
    crate::money_web_proc::keeps_floors(&gold, batch.name, MONEY_FLOORS, PROCEDURE_FLOORS);
}

//! The procedure batch of session 44 (gold/money_web_proc44.jsonl, train,
//! saved under tests/fixtures/web/money-proc44): two school determinations
//! and a land-reclamation consortium's deliberation, of three bodies in no
//! split (a "procedura comparativa" of an Istituto Comprensivo in the
//! Marche, a PON determina a contrarre of a Ragusa high school, a Sardinian
//! Consorzio di Bonifica adopting a financing convention with the Region),
//! annotated blind before atti read them. Their codes (scored as
//! benches/gold/money.rs scores them) and their procedure and how each
//! contractor is chosen (benches/gold/procedure.rs) must stay at or above
//! what atti reads now (issue 23, session 44).

use crate::common::root;
use crate::gold_money;

/// (measure, right, acts scored). Blind: cig 3/3 (administration 0/3: none
/// of the three issuing bodies is read from its letterhead).
const MONEY_FLOORS: &[(&str, usize, usize)] = &[("cig", 3, 3)];
/// Blind: procedure 2/3, selection_method 0/2, selection_basis 1/2. After:
/// "procedura comparativa" among invited firms is negotiated (the basis
/// follows, art. 36 d.lgs. 50/2016); the Ragusa school's excerpt names no
/// method, where atti gives `other`; the consortium's deliberation is read
/// as kind `other` (its heading "DELIBERAZIONE N° 024/2021 DEL CONSIGLIO DI
/// AMMINISTRAZIONE" is not taken for a deliberation), so no procedure.
/// Session 51: a heading with the number before the organ is a
/// deliberation's (rules/kinds.toml), and the consortium's adoption of a
/// financing convention is an agreement: procedure 3/3.
const PROCEDURE_FLOORS: &[(&str, usize, usize)] = &[
    ("procedure", 3, 3),
    ("selection_method", 1, 2),
    ("selection_basis", 2, 2),
];

#[test]
fn procedure_batch_of_session_44_keeps_its_accuracy() {
    let batch = gold_money::named("proc44");
    let gold = gold_money::batch(&root(), batch);
    assert_eq!(gold.len(), 3, "acts in {}", batch.gold);
    crate::money_web_proc::keeps_floors(&gold, batch.name, MONEY_FLOORS, PROCEDURE_FLOORS);
}

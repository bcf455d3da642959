//! The acts of the money gold set's train bodies (gold/money_train.jsonl),
//! read with the built-in rules and scored on what each act is for and how
//! its contractor was chosen, as the gold bench scores them
//! (benches/gold/procedure.rs): each field must stay at or above the share
//! it reached when the rules of rules/procedure.toml were written (issue
//! 23). Test bodies are never read here; `cargo bench --bench gold`
//! measures them.

use atti::rules::RuleSet;

use crate::common::{apply_rules as apply, root, shared};
use crate::gold_procedure;

/// k/n reached on the train acts, per field.
const FLOORS: &[(&str, usize, usize)] = &[
    ("procedure", 52, 60),
    ("selection_method", 27, 31),
    ("selection_basis", 27, 31),
    ("responsible", 21, 23),
];

/// k/n of `procedure` on the train acts above that atti reads a decision
/// row from (session 52).
const ROW_FLOOR: (usize, usize) = (56, 58);

#[test]
fn train_acts_keep_their_procedure_accuracy() {
    let Some(corpus) = shared("corpus") else {
        return;
    };
    let gold: Vec<_> = gold_procedure::load(&root())
        .into_iter()
        // The corpus acts and the web acts of gold/money_web.jsonl; those of
        // gold/money_web_proc.jsonl have floors of their own
        // (tests/money_web_proc.rs), and so have those of
        // the batches of new bodies (tests/money_web_parties.rs,
        // money_web_amounts.rs, money_web_proc2.rs).
        .filter(|g| g["split"] == "train")
        .filter(|g| {
            let f = g["file"].as_str().unwrap_or("");
            !f.starts_with("tests/fixtures/web/money-proc/") && !crate::gold_money::in_batch(f)
        })
        .collect();
    assert!(
        gold.len() >= 50,
        "train acts in the money gold set: {}",
        gold.len()
    );
    let rules = RuleSet::load(None, true).expect("built-in rules");
    // Web acts are repo files (tests/fixtures/web/money), the rest corpus files.
    let path = |f: &str| {
        if f.starts_with("tests/") {
            root().join(f)
        } else {
            corpus.join(f)
        }
    };
    let score = gold_procedure::score(&gold, |f| apply(&rules, &path(f)));
    let mut low = Vec::new();
    for &(field, k, n) in FLOORS {
        let (got, total) = score.get("train", field).unwrap_or((0, 0));
        assert_eq!(
            total,
            n,
            "{field}: the gold set changed ({total} scored, {n} expected)\nmisses:\n{}",
            score.misses.join("\n")
        );
        if got < k {
            low.push(format!("{field}: {got}/{total} (floor {k}/{n})"));
        }
    }
    // The purpose of the acts atti reads a decision row from, apart: the
    // documents it reads none from (notices, news reports) can only miss,
    // and would hide a loss of the classifier's own (session 52).
    let (k, n) = ROW_FLOOR;
    let (got, total) = score.get("train row", "procedure").unwrap_or((0, 0));
    assert_eq!(
        total, n,
        "procedure with a decision row: {total} scored, {n} expected"
    );
    if got < k {
        low.push(format!(
            "procedure with a decision row: {got}/{total} (floor {k}/{n})"
        ));
    }
    assert!(
        low.is_empty(),
        "fields below their floor:\n{}\nmisses:\n{}",
        low.join("\n"),
        score.misses.join("\n")
    );
}

/// Issue 23, session 41: a determination whose subject awards the work to
/// one named firm ("Affidamento alla Società Mariano Light a r.l.") and says
/// no tender is a direct award (selection.direct.named_firm); it names no
/// responsible officer, and none is read.
#[test]
fn an_award_to_one_named_firm_with_no_tender_said_is_direct() {
    let rules = RuleSet::load(None, true).expect("built-in rules");
    let file = root().join("tests/fixtures/web/money-parties3/matera/determinazione-3383-2019.txt");
    let out = apply(&rules, &file).expect("the act is read");
    let d = out.decisions.first().expect("a decision");
    assert_eq!(d.procedure.as_deref(), Some("contract"));
    assert_eq!(d.selection_method.as_deref(), Some("direct"));
    assert_eq!(d.responsible, None);
}

//! Loading the checks file: its keys, types and mistakes.

use super::*;

#[test]
fn builtin_file_loads_every_check_type() {
    let checks = Checks::load(&source::sources(None, true).unwrap()).unwrap();
    let mut types: Vec<&str> = checks.checks.iter().map(|c| c.check_type.name()).collect();
    types.sort_unstable();
    types.dedup();
    assert_eq!(
        types,
        [
            "attendance_stated",
            "codes_well_formed",
            "indicator_has_target",
            "phase_in_objective_year",
            "reference_names_act",
            "required_field",
            "start_not_after_end",
            "table_not_empty",
            "validity_expired",
            "weights_sum_100"
        ]
    );
    assert!(checks.checks.iter().all(|c| !c.description.is_empty()));
}

#[test]
fn other_rule_files_are_ignored() {
    let mut s = src("[[check]]\nid = \"a\"\nkind = \"*\"\nseverity = \"info\"\ntype = \"validity_expired\"\ndescription = \"x\"\n");
    s.push(RuleSource {
        name: "peg.toml".into(),
        origin: "peg.toml".into(),
        text: "[[rule]]\nwhatever = 1\n".into(),
    });
    assert_eq!(Checks::load(&s).unwrap().checks.len(), 1);
}

fn load_err(text: &str) -> (usize, usize, String, String) {
    match Checks::load(&src(text)) {
        Err(Error::Rules {
            file,
            line,
            column,
            rule,
            message,
        }) => {
            assert_eq!(file, "test/compliance.toml");
            (line, column, rule, message)
        }
        other => panic!("expected a rules error, got {other:?}"),
    }
}

const HEAD: &str = "# commento\n[[check]]\nid = \"ok\"\nkind = \"*\"\nseverity = \"info\"\ntype = \"validity_expired\"\ndescription = \"x\"\n\n";

#[test]
fn unknown_key_names_line_and_check() {
    let (line, col, rule, msg) = load_err(&format!(
        "{HEAD}[[check]]\nid = \"peg.x\"\nkind = \"peg\"\nseverity = \"info\"\ntype = \"required_field\"\nfeld = \"objective.director\"\ndescription = \"x\"\n"
    ));
    assert_eq!((line, col), (14, 1), "{msg}");
    assert_eq!(rule, "peg.x");
    assert!(msg.contains("feld"), "{msg}");
}

#[test]
fn unknown_type_and_severity_are_errors() {
    let (line, _, rule, msg) = load_err(&format!(
        "{HEAD}[[check]]\nid = \"b\"\nkind = \"peg\"\nseverity = \"info\"\ntype = \"no_such_check\"\ndescription = \"x\"\n"
    ));
    assert_eq!((line, rule.as_str()), (13, "b"));
    assert!(msg.contains("no_such_check"), "{msg}");
    let (line, _, rule, _) = load_err(&format!(
        "{HEAD}[[check]]\nid = \"c\"\nkind = \"peg\"\nseverity = \"fatal\"\ntype = \"validity_expired\"\ndescription = \"x\"\n"
    ));
    assert_eq!((line, rule.as_str()), (12, "c"));
}

#[test]
fn semantic_mistakes_point_at_the_value_or_the_check() {
    // The block starts on line 9; the type-specific keys follow on lines 14-15.
    for (extra_ty, at, want) in [
        (
            "type = \"required_field\"\nfield = \"objective.directr\"",
            (15, 9),
            "directr",
        ),
        (
            "type = \"required_field\"\nfield = \"director\"",
            (15, 9),
            "record.field",
        ),
        (
            "type = \"required_field\"\nfield = \"person.name\"",
            (15, 9),
            "person",
        ),
        ("type = \"required_field\"", (9, 1), "needs `field"),
        (
            "type = \"table_not_empty\"\ntable = \"gantt\"",
            (15, 9),
            "gantt",
        ),
        (
            "type = \"table_not_empty\"\nfield = \"phase.seq\"\ntable = \"phases\"",
            (15, 9),
            "`field` does not apply",
        ),
        (
            "type = \"validity_expired\"\ntolerance = 1.0",
            (15, 13),
            "`tolerance` does not apply",
        ),
        (
            "type = \"weights_sum_100\"\ntolerance = 200.0",
            (15, 13),
            "outside",
        ),
    ] {
        let (line, col, rule, msg) = load_err(&format!(
            "{HEAD}[[check]]\nid = \"bad\"\nkind = \"peg\"\nseverity = \"info\"\ndescription = \"x\"\n{extra_ty}\n"
        ));
        assert_eq!((line, col, rule.as_str()), (at.0, at.1, "bad"), "{msg}");
        assert!(msg.contains(want), "{want:?} not in {msg:?}");
    }
}

#[test]
fn duplicate_id_is_an_error() {
    let (line, _, rule, msg) = load_err(&format!("{HEAD}{HEAD}"));
    assert_eq!(rule, "ok");
    assert_eq!(line, 11);
    assert!(msg.contains("twice"));
}

#[test]
fn checks_apply_to_their_kind_only() {
    let c = Checks::load(&src(
        "[[check]]\nid = \"p\"\nkind = \"peg\"\nseverity = \"error\"\ntype = \"table_not_empty\"\ntable = \"phases\"\ndescription = \"x\"\n",
    ))
    .unwrap();
    assert_eq!(messages(&c, doc("deliberation")), []);
    assert_eq!(
        messages(&c, doc("peg")),
        [(
            None,
            "Nessuna fase trovata (tabella `phases` vuota)".to_owned()
        )]
    );
    let mut scan = doc("peg");
    scan.status = crate::read::Status::NoText;
    assert_eq!(
        messages(&c, scan),
        [],
        "documents without text are not checked"
    );
}

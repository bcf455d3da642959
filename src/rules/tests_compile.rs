//! Mistakes in rule files, each stopped with its file, line, column and rule.

use super::compile::compile;
use super::source::RuleSource;
use crate::error::Error;

fn src(text: &str) -> Vec<RuleSource> {
    vec![RuleSource {
        name: "t.toml".into(),
        origin: "t.toml".into(),
        text: text.into(),
    }]
}

fn rules_err(text: &str) -> (usize, usize, String, String) {
    match compile(&src(text)) {
        Err(Error::Rules {
            line,
            column,
            rule,
            message,
            ..
        }) => (line, column, rule, message),
        other => panic!("expected a rules error, got {other:?}"),
    }
}

#[test]
fn a_bad_regex_names_rule_line_and_column() {
    let (line, col, rule, msg) = rules_err(
        "[[field]]\nid = \"x.a\"\ndescription = \"d\"\ntarget = \"decision.body\"\nregex = \"(unclosed\"\n",
    );
    assert_eq!((line, col, rule.as_str()), (5, 9, "x.a"));
    assert!(msg.contains("invalid regex"), "{msg}");
}

#[test]
fn an_unknown_layout_or_a_label_column_without_label_is_refused() {
    let (line, _, rule, msg) = rules_err(
        "[[field]]\nid = \"x.l\"\ndescription = \"d\"\ntarget = \"decision.body\"\nlabel = [\"A\"]\nlayout = \"column\"\n",
    );
    assert_eq!((line, rule.as_str()), (6, "x.l"));
    assert!(msg.contains("unknown layout"), "{msg}");
    let (line, _, _, msg) = rules_err(
        "[[field]]\nid = \"x.m\"\ndescription = \"d\"\ntarget = \"decision.body\"\nregex = \"a\"\nlayout = \"label_column\"\n",
    );
    assert_eq!(line, 6);
    assert!(msg.contains("needs a `label`"), "{msg}");
}

#[test]
fn an_unknown_key_names_the_rule() {
    let (line, _, rule, msg) = rules_err(
        "[[field]]\nid = \"x.b\"\ndescription = \"d\"\ntarget = \"decision.body\"\nlabell = \"Oggetto\"\n",
    );
    assert_eq!((line, rule.as_str()), (5, "x.b"));
    assert!(msg.contains("labell"), "{msg}");
}

#[test]
fn unknown_normaliser_target_and_duplicate_ids_are_refused() {
    let (line, _, rule, msg) = rules_err(
        "[[field]]\nid = \"x.c\"\ndescription = \"d\"\ntarget = \"decision.body\"\nlabel = [\"A\"]\nnormalise = [\"nope\"]\n",
    );
    assert_eq!((line, rule.as_str()), (6, "x.c"));
    assert!(msg.contains("unknown normaliser"), "{msg}");
    let (line, _, _, msg) = rules_err(
        "[[field]]\nid = \"x.d\"\ndescription = \"d\"\ntarget = \"decision.bodyy\"\nlabel = [\"A\"]\n",
    );
    assert_eq!(line, 4);
    assert!(msg.contains("unknown field"), "{msg}");
    let (line, _, rule, msg) = rules_err(
        "[[field]]\nid = \"x.e\"\ndescription = \"d\"\ntarget = \"decision.body\"\nlabel = [\"A\"]\n\n[[field]]\nid = \"x.e\"\ndescription = \"d\"\ntarget = \"decision.body\"\nlabel = [\"B\"]\n",
    );
    assert_eq!((line, rule.as_str()), (8, "x.e"));
    assert!(msg.contains("duplicate"), "{msg}");
}

#[test]
fn an_unknown_section_or_kind_is_refused() {
    let (_, _, rule, msg) = rules_err(
        "[[field]]\nid = \"x.f\"\ndescription = \"d\"\ntarget = \"decision.body\"\nlabel = [\"A\"]\nsection = \"nowhere\"\n",
    );
    assert_eq!(rule, "x.f");
    assert!(msg.contains("unknown section"), "{msg}");
    let (_, _, _, msg) = rules_err(
        "[[field]]\nid = \"x.g\"\ndescription = \"d\"\ntarget = \"decision.body\"\nlabel = [\"A\"]\nkinds = [\"delibration\"]\n",
    );
    assert!(msg.contains("unknown kind"), "{msg}");
}

#[test]
fn an_unknown_region_or_a_letterhead_rule_with_a_section_is_refused() {
    let (line, _, rule, msg) = rules_err(
        "[[field]]\nid = \"x.r\"\ndescription = \"d\"\ntarget = \"decision.office\"\nregex = \"Settore\"\nregion = \"footer\"\n",
    );
    assert_eq!((line, rule.as_str()), (6, "x.r"));
    assert!(msg.contains("unknown region `footer`"), "{msg}");
    let (_, _, _, msg) = rules_err(
        "[[section]]\nid = \"s\"\ndescription = \"d\"\nstart = \"A\"\n\n[[field]]\nid = \"x.s\"\ndescription = \"d\"\ntarget = \"decision.office\"\nregex = \"Settore\"\nregion = \"letterhead\"\nsection = \"s\"\n",
    );
    assert!(msg.contains("has no sections"), "{msg}");
}

#[test]
fn a_value_template_naming_no_capture_is_refused() {
    let (_, _, rule, msg) = rules_err(
        "[[field]]\nid = \"x.t\"\ndescription = \"d\"\ntarget = \"decision.office\"\nregex = 'IL DIRETTORE (?P<level>GENERALE) (?P<rest>.+)'\nvalue = \"Direzione ${livello} ${rest}\"\n",
    );
    assert_eq!(rule, "x.t");
    assert!(msg.contains("`livello`"), "{msg}");
    let (_, _, _, msg) = rules_err(
        "[[field]]\nid = \"x.u\"\ndescription = \"d\"\ntarget = \"decision.office\"\nlabel = [\"Ufficio\"]\nvalue = \"Servizio ${x}\"\n",
    );
    assert!(msg.contains("needs a `regex`"), "{msg}");
}

use super::*;

fn src(text: &str) -> Vec<RuleSource> {
    vec![
        RuleSource {
            name: "kinds.toml".into(),
            origin: "kinds.toml".into(),
            text: "[[kind]]\nid = 'kind.delib'\ndescription = 'd'\nkind = 'deliberation'\npatterns = [{ regex = '(?i)\\bdelibera' }]\n".into(),
        },
        RuleSource {
            name: "z.toml".into(),
            origin: "z.toml".into(),
            text: text.into(),
        },
    ]
}

const BASE: &str = "[[field]]
id = 'n'
description = 'Numero'
kinds = ['deliberation']
regex = '^Deliberazione n\\. (?P<value>\\d+)'
target = 'decision.act_number'
examples = [{ input = 'Deliberazione n. 4', expect = '4' }]

[[field]]
id = 'dir'
description = 'Direttore'
kinds = ['deliberation']
label = ['Direttore']
target = 'objective.director'
";

const DOC: &str =
    "COMUNE DI X\nDeliberazione n. 12 del 3 marzo 2024\nOGGETTO: lavori\nDirettore: Rossi";

fn leaves(d: &Delta, text: &str) -> bool {
    d.leaves(text, &|| text.to_owned())
}

#[test]
fn a_rule_added_acts_only_where_its_pattern_finds_something() {
    let added = format!(
        "{BASE}\n[[field]]\nid = 'prot'\ndescription = 'p'\nkinds = ['deliberation']\nregex = '\\bprotocollo\\s+n\\.\\s*(?P<value>\\d+)'\ntarget = 'decision.act_number'\n"
    );
    let d = between(&src(BASE), &src(&added), "deliberation");
    assert!(matches!(&d, Delta::Probes(p) if p.len() == 1));
    assert!(leaves(&d, DOC));
    // Any case, anywhere, even where the rule's anchors would not hold.
    assert!(!leaves(&d, "vista la nota PROTOCOLLO N. 55"));
    // Another kind's documents: nothing in force for them changed.
    let other = between(&src(BASE), &src(&added), "peg");
    assert!(matches!(&other, Delta::Probes(p) if p.is_empty()));
}

#[test]
fn a_changed_regex_is_looked_for_as_it_was_and_as_it_is() {
    let changed = BASE.replace("^Deliberazione n", "^Delibera n");
    let d = between(&src(BASE), &src(&changed), "deliberation");
    // The old pattern finds the document: its value may go.
    assert!(!leaves(&d, DOC));
    assert!(leaves(&d, "Determinazione n. 4"));
    // A rule taken out likewise.
    let gone = BASE.replace("[[field]]\nid = 'n'", "[[x]]\nid = 'n'");
    assert!(!leaves(
        &between(&src(BASE), &src(&gone), "deliberation"),
        DOC
    ));
}

#[test]
fn descriptions_and_examples_change_nothing() {
    let reworded = BASE
        .replace(
            "description = 'Numero'",
            "description = \"Il numero dell'atto\"",
        )
        .replace(
            "expect = '4'",
            "expect = '4' }, { input = 'Deliberazione n. 7', expect = '7'",
        );
    let d = between(&src(BASE), &src(&reworded), "deliberation");
    assert!(matches!(&d, Delta::Probes(p) if p.is_empty()));
    assert!(leaves(&d, DOC));
}

#[test]
fn labels_tables_settings_and_order_may_touch_anything() {
    let label = BASE.replace(
        "label = ['Direttore']",
        "label = ['Direttore', 'Dirigente']",
    );
    assert!(matches!(
        between(&src(BASE), &src(&label), "deliberation"),
        Delta::Any
    ));
    let settings = format!("{BASE}\n[settings]\nreferences = false\n");
    assert!(matches!(
        between(&src(BASE), &src(&settings), "deliberation"),
        Delta::Any
    ));
    // The two rules swapped: which one fills a field first may change.
    let (a, b) = BASE.split_at(BASE.find("\n[[field]]\nid = 'dir'").unwrap());
    let swapped = format!("{}\n{a}", b.trim_start());
    assert!(matches!(
        between(&src(BASE), &src(&swapped), "deliberation"),
        Delta::Any
    ));
    // A file that is not TOML.
    assert!(matches!(
        between(&src(BASE), &src("[[field"), "deliberation"),
        Delta::Any
    ));
}

#[test]
fn kinds_sections_and_boilerplate_name_their_patterns() {
    let more = format!(
        "{BASE}\n[[section]]\nid = 's'\ndescription = 's'\nkinds = ['deliberation']\nstart = '^IL CONSIGLIO'\n\n[[boilerplate]]\nid = 'b'\ndescription = 'b'\nregex = '^Pagina \\d+ di \\d+$'\n\n[[kind]]\nid = 'kind.decreto'\ndescription = 'd'\nkind = 'decree'\npatterns = [{{ regex = '(?i)\\bdecreto sindacale' }}]\n"
    );
    let d = between(&src(BASE), &src(&more), "deliberation");
    let Delta::Probes(p) = &d else {
        panic!("{d:?}")
    };
    assert_eq!(p.len(), 3);
    assert_eq!(p.iter().filter(|p| p.raw).count(), 1);
    assert!(leaves(&d, DOC));
    for hit in [
        "il consiglio comunale",
        "pagina 1 di 3",
        "Decreto Sindacale n. 3",
    ] {
        assert!(!leaves(&d, hit), "{hit}");
    }
    // A kind whose threshold nothing reaches claims documents without a match.
    let free = more.replace("patterns = [", "threshold = 0\npatterns = [");
    assert!(matches!(
        between(&src(BASE), &src(&free), "deliberation"),
        Delta::Any
    ));
    // Boilerplate kept by repetition acts on any document.
    let rep =
        format!("{BASE}\n[[boilerplate]]\nid = 'r'\ndescription = 'r'\nrepeated_on_pages = 3\n");
    assert!(matches!(
        between(&src(BASE), &src(&rep), "deliberation"),
        Delta::Any
    ));
}

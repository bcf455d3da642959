//! Tests of loading, of each check type, and of the report.

use chrono::NaiveDate;

use super::ReportFormat;
use super::*;
use crate::error::Error;
use crate::record::{Decision, Field, Indicator, Objective, Phase, Reference, Span};
use crate::rules::source::{self, RuleSource};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn as_of() -> NaiveDate {
    date(2026, 11, 22)
}

fn src(text: &str) -> Vec<RuleSource> {
    vec![RuleSource {
        name: FILE_NAME.into(),
        origin: "test/compliance.toml".into(),
        text: text.into(),
    }]
}

/// One check of a type, for `kind = "*"`, with optional extra keys.
fn one(ty: &str, extra: &str) -> Checks {
    Checks::load(&src(&format!(
        "[[check]]\nid = \"t\"\nkind = \"*\"\nseverity = \"warning\"\ntype = \"{ty}\"\ndescription = \"prova\"\n{extra}\n"
    )))
    .unwrap()
}

fn messages(c: &Checks, d: Document) -> Vec<(Option<u32>, String)> {
    c.run(&[d], as_of())
        .findings
        .into_iter()
        .map(|f| (f.page, f.message))
        .collect()
}

fn span(page: u32) -> Span {
    Span {
        page,
        start: 0,
        end: 1,
    }
}

fn doc(kind: &str) -> Document {
    Document {
        doc_id: "d1".into(),
        source_file: "x/scheda.pdf".into(),
        kind: kind.into(),
        year: Some(2021),
        ..Document::default()
    }
}

fn phase(seq: u32, start: NaiveDate, end: NaiveDate) -> Phase {
    Phase {
        objective_code: Some("2021_Z001".into()),
        seq,
        start_date: Some(start),
        end_date: Some(end),
        spans: [
            ("start_date".to_owned(), span(2)),
            ("end_date".to_owned(), span(3)),
        ]
        .into(),
        ..Phase::default()
    }
}

// --- loading ---

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

// --- each check type ---

#[test]
fn required_field_reports_missing_values_with_the_record_page() {
    let c = one("required_field", "field = \"objective.director\"");
    let mut d = doc("peg");
    d.objectives = vec![
        Objective {
            objective_code: Some("2021_Z001".into()),
            director: Some("ASCIONE GIUSEPPE".into()),
            ..Objective::default()
        },
        Objective {
            objective_code: Some("2021_Z002".into()),
            director: Some("  ".into()),
            spans: [
                ("objective_code".to_owned(), span(4)),
                ("title".to_owned(), span(5)),
            ]
            .into(),
            ..Objective::default()
        },
        Objective::default(),
    ];
    assert_eq!(
        messages(&c, d),
        [
            (
                None,
                "3° obiettivo del documento: manca il campo `director`".to_owned()
            ),
            (
                Some(4),
                "Obiettivo 2021_Z002: manca il campo `director`".to_owned()
            ),
        ]
    );
}

#[test]
fn required_field_on_document_decision_and_indicator_type_alias() {
    let c = one("required_field", "field = \"document.title\"");
    assert_eq!(
        messages(&c, doc("peg")),
        [(None, "Documento: manca il campo `title`".to_owned())]
    );
    let c = one("required_field", "field = \"decision.approved_by\"");
    let mut d = doc("deliberation");
    d.decisions.push(Decision {
        act_type: Some("deliberazione".into()),
        act_number: Some("12".into()),
        decision_date: Some(date(2021, 12, 1)),
        body: Some("Assemblea dei Sindaci".into()),
        ..Decision::default()
    });
    assert_eq!(
        messages(&c, d),
        [(
            None,
            "Deliberazione n. 12 del 01/12/2021 (Assemblea dei Sindaci): manca il campo `approved_by`"
                .to_owned()
        )]
    );
    let c = one("required_field", "field = \"indicator.type\"");
    let mut d = doc("peg");
    d.indicators.push(Indicator {
        seq: 1,
        indicator_type: Some("RISULTATO".into()),
        ..Indicator::default()
    });
    d.indicators.push(Indicator {
        seq: 2,
        ..Indicator::default()
    });
    assert_eq!(
        messages(&c, d),
        [(
            None,
            "Indicatore 2: manca il campo `indicator_type`".to_owned()
        )]
    );
}

#[test]
fn table_not_empty_passes_when_rows_exist() {
    let c = one("table_not_empty", "table = \"indicators\"");
    let mut d = doc("peg");
    assert_eq!(messages(&c, d.clone()).len(), 1);
    d.indicators.push(Indicator::default());
    assert_eq!(messages(&c, d), []);
}

#[test]
fn start_not_after_end_names_both_dates() {
    let c = one("start_not_after_end", "");
    let mut d = doc("peg");
    d.phases = vec![
        phase(1, date(2021, 1, 1), date(2021, 4, 30)),
        phase(2, date(2021, 5, 1), date(2021, 4, 30)),
        phase(3, date(2021, 6, 1), date(2021, 6, 1)),
    ];
    assert_eq!(
        messages(&c, d),
        [(
            Some(2),
            "Fase 2 dell'obiettivo 2021_Z001: inizio 01/05/2021 dopo la fine 30/04/2021".to_owned()
        )]
    );
}

#[test]
fn phase_in_objective_year_uses_the_objective_year() {
    let c = one("phase_in_objective_year", "");
    let mut d = doc("peg");
    d.year = Some(2020);
    d.objectives.push(Objective {
        objective_code: Some("2021_Z001".into()),
        year: Some(2021),
        ..Objective::default()
    });
    d.phases = vec![
        phase(1, date(2021, 1, 1), date(2021, 12, 31)),
        phase(2, date(2021, 5, 1), date(2022, 1, 31)),
        phase(3, date(2020, 12, 1), date(2022, 1, 31)),
    ];
    assert_eq!(
        messages(&c, d.clone()),
        [
            (
                Some(2),
                "Fase 3 dell'obiettivo 2021_Z001: inizio 01/12/2020, fine 31/01/2022 fuori dall'anno dell'obiettivo (2021)".to_owned()
            ),
            (
                Some(3),
                "Fase 2 dell'obiettivo 2021_Z001: fine 31/01/2022 fuori dall'anno dell'obiettivo (2021)".to_owned()
            ),
        ]
    );
    // No year anywhere: nothing to compare with, no finding.
    d.year = None;
    d.objectives[0].year = None;
    assert_eq!(messages(&c, d), []);
}

#[test]
fn validity_expired_reports_the_seed_protocol() {
    let c = one("validity_expired", "");
    let mut d = doc("deliberation");
    d.decisions.push(Decision {
        body: Some("Assemblea dei Sindaci".into()),
        decision_date: Some(date(2021, 12, 1)),
        validity_end: Some(date(2023, 12, 31)),
        spans: [("validity_end".to_owned(), span(1))].into(),
        ..Decision::default()
    });
    assert_eq!(
        messages(&c, d.clone()),
        [(
            Some(1),
            "Atto del 01/12/2021 (Assemblea dei Sindaci): validità scaduta il 31/12/2023 (verifica al 22/11/2026)"
                .to_owned()
        )]
    );
    // Still valid on the day it ends.
    let r = c.run(std::slice::from_ref(&d), date(2023, 12, 31));
    assert!(r.findings.is_empty());
    assert_eq!(c.run(&[d], date(2024, 1, 1)).findings.len(), 1);
}

#[test]
fn validity_expired_reads_a_plain_field_without_decision() {
    let c = one("validity_expired", "");
    let mut d = doc("other");
    d.fields.push(Field {
        name: "document.validity_end".into(),
        value: "31/12/2023".into(),
        rule: "r".into(),
        span: Some(span(1)),
    });
    assert_eq!(
        messages(&c, d),
        [(
            Some(1),
            "Validità scaduta il 31/12/2023 (verifica al 22/11/2026)".to_owned()
        )]
    );
}

#[test]
fn attendance_stated_only_for_collegial_decisions() {
    let c = one("attendance_stated", "");
    let mut d = doc("deliberation");
    d.decisions = vec![
        Decision {
            act_type: Some("deliberazione".into()),
            act_number: Some("42".into()),
            body: Some("Giunta Comunale".into()),
            spans: [("body".to_owned(), span(1))].into(),
            ..Decision::default()
        },
        Decision {
            act_type: Some("deliberazione".into()),
            act_number: Some("43".into()),
            present_count: Some(5),
            ..Decision::default()
        },
        Decision {
            act_type: Some("determinazione".into()),
            act_number: Some("140".into()),
            ..Decision::default()
        },
        Decision {
            act_type: Some("determinazione".into()),
            body: Some("Responsabile del Servizio".into()),
            act_number: Some("141".into()),
            spans: [("body".to_owned(), span(2))].into(),
            ..Decision::default()
        },
        Decision {
            act_type: Some("decreto".into()),
            body: Some("Sindaco".into()),
            act_number: Some("10".into()),
            ..Decision::default()
        },
        Decision {
            act_type: Some("verbale".into()),
            absent_count: Some(0),
            ..Decision::default()
        },
    ];
    assert_eq!(
        messages(&c, d),
        [(
            Some(1),
            "Deliberazione n. 42 (Giunta Comunale): presenti e assenti non indicati".to_owned()
        )]
    );
}

#[test]
fn attendance_stated_in_words_is_enough() {
    let c = one("attendance_stated", "");
    let mut d = doc("deliberation");
    d.decisions.push(Decision {
        body: Some("Giunta Comunale".into()),
        ..Decision::default()
    });
    d.page_texts = vec!["LA GIUNTA COMUNALE\nApprova all'unanimità.".into()];
    assert_eq!(messages(&c, d.clone()).len(), 1);
    d.page_texts
        .push("Constatato il numero legale, il Presidente dichiara aperta la seduta.".into());
    assert_eq!(messages(&c, d.clone()), []);
    d.page_texts =
        vec!["SINDACO    Rossi Mario    Presente\nASSESSORE  Bianchi Anna  Assente".into()];
    assert_eq!(messages(&c, d.clone()), []);
    // "rappresentante" holds "presente", and "la presente deliberazione"
    // is no roll call.
    d.page_texts = vec![
        "Il rappresentante legale dell'ente. Di dichiarare la presente deliberazione immediatamente eseguibile; copia della presente all'albo.".into(),
    ];
    assert_eq!(messages(&c, d).len(), 1);
}

#[test]
fn indicator_has_target_accepts_raw_or_value() {
    let c = one("indicator_has_target", "");
    let mut d = doc("peg");
    d.indicators = vec![
        Indicator {
            seq: 1,
            objective_code: Some("2021_Z001".into()),
            description: Some("N. incontri con enti coinvolti".into()),
            expected_raw: Some(">=3".into()),
            ..Indicator::default()
        },
        Indicator {
            seq: 2,
            objective_code: Some("2021_Z001".into()),
            description: Some("N. enti coinvolti".into()),
            expected_raw: Some(" ".into()),
            spans: [("description".to_owned(), span(2))].into(),
            ..Indicator::default()
        },
        Indicator {
            seq: 3,
            expected_value: Some("SI".into()),
            ..Indicator::default()
        },
    ];
    assert_eq!(
        messages(&c, d),
        [(
            Some(2),
            "Indicatore 2 dell'obiettivo 2021_Z001 («N. enti coinvolti»): valore atteso non indicato"
                .to_owned()
        )]
    );
}

#[test]
fn weights_sum_100_per_objective_only_where_weights_are_given() {
    let c = one("weights_sum_100", "");
    let w = |code: &str, seq: u32, weight: Option<f64>| Phase {
        objective_code: Some(code.into()),
        seq,
        weight,
        spans: [("weight".to_owned(), span(seq))].into(),
        ..Phase::default()
    };
    let mut d = doc("peg");
    d.phases = vec![
        w("A", 1, Some(33.33)),
        w("A", 2, Some(33.33)),
        w("A", 3, Some(33.33)),
        w("B", 1, Some(40.0)),
        w("B", 2, Some(50.0)),
        w("B", 3, None),
        w("C", 1, None),
        w("C", 2, None),
        w("D", 1, Some(60.5)),
        w("D", 2, Some(60.0)),
    ];
    assert_eq!(
        messages(&c, d.clone()),
        [
            (
                Some(1),
                "Obiettivo B: i pesi delle fasi sommano a 90 invece di 100 (2 fasi su 3 hanno un peso)".to_owned()
            ),
            (
                Some(1),
                "Obiettivo D: i pesi delle fasi sommano a 120,5 invece di 100".to_owned()
            ),
        ]
    );
    let strict = one("weights_sum_100", "tolerance = 0.0");
    assert_eq!(messages(&strict, d).len(), 3);
}

#[test]
fn reference_names_act_flags_bare_articles() {
    let c = one("reference_names_act", "");
    let mut d = doc("other");
    d.references = vec![
        Reference {
            raw: "art. 18, co. 10, della L.R. 3/2008".into(),
            act_type: Some("legge_regionale".into()),
            span: Some(span(1)),
            ..Reference::default()
        },
        Reference {
            raw: "art. 6, co. 6, lett. f)".into(),
            article: Some("6".into()),
            span: Some(span(2)),
            ..Reference::default()
        },
    ];
    assert_eq!(
        messages(&c, d),
        [(
            Some(2),
            "Riferimento «art. 6, co. 6, lett. f)»: non indica l'atto citato".to_owned()
        )]
    );
}

#[test]
fn reference_followed_by_its_act_in_words_names_it() {
    let c = one("reference_names_act", "");
    let text = "Visto l'art. 193 del medesimo decreto, in materia di equilibri; visto l'art. 97; \
                visto l'art. 12 dello Statuto comunale e l'art. 4 dell'Accordo di programma. \
                (art. 49, comma 1 e 147 bis, comma 1, lett. a), del D.lgs. n. 267/2000); \
                segretario (art. 98.4a del T.U. n. 267/2000); l'articolo 6, comma 2, ultimo periodo, \
                del D.lgs. n. 165/2001; i commi 859 e seguenti della legge n. 145 del 2018; \
                ai sensi dell'art. 5 e nel rispetto \
                del principio di leale collaborazione.";
    let at = |raw: &str| {
        let start = text.find(raw).unwrap();
        Reference {
            raw: raw.into(),
            span: Some(Span {
                page: 1,
                start,
                end: start + raw.len(),
            }),
            ..Reference::default()
        }
    };
    let mut d = doc("deliberation");
    d.page_texts = vec![text.into()];
    d.references = vec![
        at("art. 193"),
        at("art. 97"),
        at("art. 12"),
        at("art. 4"),
        at("art. 49, comma 1"),
        at("art. 98"),
        at("articolo 6, comma 2"),
        at("commi 859"),
        at("art. 5"),
    ];
    // A span that does not point at the text (page furniture removed after
    // extraction): the reference is looked up on its page instead.
    d.references.push(Reference {
        raw: "art. 12".into(),
        span: Some(Span {
            page: 1,
            start: 0,
            end: 3,
        }),
        ..Reference::default()
    });
    assert_eq!(
        messages(&c, d),
        [
            (
                Some(1),
                "Riferimento «art. 97»: non indica l'atto citato".to_owned()
            ),
            (
                Some(1),
                "Riferimento «art. 5»: non indica l'atto citato".to_owned()
            ),
        ]
    );
}

#[test]
fn repeated_findings_on_a_page_are_counted_once() {
    let c = one("reference_names_act", "");
    let bare = |page| Reference {
        raw: "art. 97".into(),
        span: Some(span(page)),
        ..Reference::default()
    };
    let mut d = doc("deliberation");
    d.references = vec![bare(1), bare(2), bare(1), bare(1)];
    assert_eq!(
        messages(&c, d),
        [
            (
                Some(1),
                "Riferimento «art. 97»: non indica l'atto citato (3 occorrenze)".to_owned()
            ),
            (
                Some(2),
                "Riferimento «art. 97»: non indica l'atto citato".to_owned()
            ),
        ]
    );
}

// --- the report ---

fn report_fixture() -> (Checks, Vec<Document>) {
    let checks = Checks::load(&src(concat!(
        "[[check]]\nid = \"validity\"\nkind = \"*\"\nseverity = \"error\"\ntype = \"validity_expired\"\ndescription = \"Validità non scaduta.\"\n",
        "[[check]]\nid = \"phases\"\nkind = \"peg\"\nseverity = \"warning\"\ntype = \"table_not_empty\"\ntable = \"phases\"\ndescription = \"Fasi | presenti.\"\n",
        "[[check]]\nid = \"refs\"\nkind = \"*\"\nseverity = \"info\"\ntype = \"reference_names_act\"\ndescription = \"Riferimenti completi.\"\n",
    )))
    .unwrap();
    let mut delib = doc("deliberation");
    delib.doc_id = "b2".into();
    delib.source_file = "b/<protocollo>.txt".into();
    delib.decisions.push(Decision {
        validity_end: Some(date(2023, 12, 31)),
        spans: [("validity_end".to_owned(), span(1))].into(),
        ..Decision::default()
    });
    delib.references.push(Reference {
        raw: "art. 5 | comma 2".into(),
        span: Some(span(3)),
        ..Reference::default()
    });
    let mut peg = doc("peg");
    peg.doc_id = "a1".into();
    peg.source_file = "a/peg.pdf".into();
    let mut clean = doc("peg");
    clean.doc_id = "c3".into();
    clean.source_file = "c/peg.pdf".into();
    clean.phases.push(Phase::default());
    (checks, vec![delib, clean, peg])
}

#[test]
fn markdown_report_lists_kinds_checks_and_documents_in_order() {
    let (checks, docs) = report_fixture();
    let r = checks.run(&docs, as_of());
    assert_eq!(r.max_severity(), Some(super::Severity::Error));
    let md = r.render(ReportFormat::Md).unwrap();
    let expected = "\
# Rapporto di conformità

- Data della verifica: 22/11/2026 (2026-11-22)
- Documenti esaminati: 3
- Rilievi: 3 (errori 1, avvisi 1, informazioni 1)
- File non letti: 0; file saltati: 0 (altri tipi 0, copie 0)

## Documenti per tipo

| Tipo | Documenti | Con rilievi |
|---|---:|---:|
| deliberation | 1 | 1 |
| peg | 2 | 1 |
| **Totale** | 3 | 2 |

## Rilievi per controllo

| Controllo | Tipo di documento | Severità | Descrizione | Rilievi |
|---|---|---|---|---:|
| `validity` | tutti | errore | Validità non scaduta. | 1 |
| `phases` | peg | avviso | Fasi \\| presenti. | 1 |
| `refs` | tutti | informazione | Riferimenti completi. | 1 |

## Rilievi per documento

### a/peg.pdf

- doc_id: `a1`
- tipo: peg

| Pagina | Severità | Controllo | Rilievo |
|---:|---|---|---|
| - | avviso | `phases` | Nessuna fase trovata (tabella `phases` vuota) |

### b/&lt;protocollo&gt;.txt

- doc_id: `b2`
- tipo: deliberation

| Pagina | Severità | Controllo | Rilievo |
|---:|---|---|---|
| 1 | errore | `validity` | Validità scaduta il 31/12/2023 (verifica al 22/11/2026) |

Documenti senza rilievi: 1.

Note informative non elencate: 1 (contate per controllo qui sopra; `--verbose` per elencarle).
";
    assert_eq!(md, expected);
    // With --verbose the note is listed in its document.
    let mut verbose = checks.run(&docs, as_of());
    verbose.verbose = true;
    let vmd = verbose.render(ReportFormat::Md).unwrap();
    assert!(vmd.contains("| 3 | informazione | `refs` | Riferimento «art. 5 \\| comma 2»: non indica l'atto citato |"), "{vmd}");
    assert!(!vmd.contains("non elencate"));
    // Same input in another order: same bytes.
    let mut rev = docs.clone();
    rev.reverse();
    assert_eq!(
        checks.run(&rev, as_of()).render(ReportFormat::Md).unwrap(),
        md
    );
}

#[test]
fn json_report_has_stable_english_keys() {
    let (checks, docs) = report_fixture();
    let j: serde_json::Value = serde_json::from_str(
        &checks
            .run(&docs, as_of())
            .render(ReportFormat::Json)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(j["as_of"], "2026-11-22");
    assert_eq!(j["totals"]["documents"], 3);
    assert_eq!(j["totals"]["error"], 1);
    assert_eq!(j["documents_by_kind"]["peg"], 2);
    assert_eq!(j["checks"][0]["id"], "validity");
    assert_eq!(j["checks"][0]["type"], "validity_expired");
    assert_eq!(j["checks"][0]["severity"], "error");
    assert_eq!(j["checks"][0]["findings"], 1);
    assert_eq!(j["documents"][1]["source_file"], "b/<protocollo>.txt");
    assert_eq!(j["documents"][1]["findings"][0]["page"], 1);
    assert_eq!(j["documents"][1]["findings"][0]["check"], "validity");
    assert_eq!(j["documents"][2]["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn html_report_is_self_contained_and_escaped() {
    let (checks, docs) = report_fixture();
    let html = checks
        .run(&docs, as_of())
        .render(ReportFormat::Html)
        .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h3>b/&lt;protocollo&gt;.txt</h3>"));
    assert!(!html.contains("<protocollo>"));
    assert!(!html.contains("src=") && !html.contains("href="));
    assert!(html.contains("Validità scaduta il 31/12/2023"));
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn empty_report_says_so() {
    let (checks, _) = report_fixture();
    let r = checks.run(&[], as_of());
    assert_eq!(r.max_severity(), None);
    let md = r.render(ReportFormat::Md).unwrap();
    assert!(md.contains("Nessun rilievo."), "{md}");
    assert!(md.ends_with(".\n"));
}

#[test]
fn documents_without_text_are_listed_as_not_checked() {
    let (checks, mut docs) = report_fixture();
    let mut scan = doc("other");
    scan.doc_id = "d4".into();
    scan.source_file = "d/scansione.pdf".into();
    scan.status = crate::read::Status::NoText;
    docs.push(scan);
    let r = checks.run(&docs, as_of());
    let md = r.render(ReportFormat::Md).unwrap();
    assert!(
        md.ends_with(
            "## Documenti non verificati (senza testo)\n\n- d/scansione.pdf (`d4`, no_text)\n"
        ),
        "{md}"
    );
    assert!(md.contains("| other | 1 | 0 |"), "{md}");
    let html = r.render(ReportFormat::Html).unwrap();
    assert!(html.contains("<li>d/scansione.pdf (<code>d4</code>, no_text)</li>"));
    let j: serde_json::Value =
        serde_json::from_str(&r.render(ReportFormat::Json).unwrap()).unwrap();
    assert_eq!(j["documents"][3]["status"], "no_text");
}

#[test]
fn codes_well_formed_reports_a_cup_printed_wrong() {
    use crate::record::{Field, Span};
    let c = one("codes_well_formed", "");
    let field = |name: &str, value: &str| Field {
        name: name.into(),
        value: value.into(),
        rule: "money.code".into(),
        span: Some(Span {
            page: 2,
            start: 0,
            end: 15,
        }),
    };
    let d = Document {
        fields: vec![
            field("decision.cup", "H19I22000650001"),
            field("decision.cup", "H19122000650001"),
            field("decision.cig", "8151398A6B"),
        ],
        ..Document::default()
    };
    let hits = messages(&c, d);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].0, Some(2));
    assert!(hits[0].1.contains("H19122000650001"), "{hits:?}");
}

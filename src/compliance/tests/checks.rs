//! Each check type on documents built in the test.

use super::*;

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

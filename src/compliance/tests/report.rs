//! The compliance report in Markdown, JSON and HTML.

use super::*;

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

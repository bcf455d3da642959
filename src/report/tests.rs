//! The template language on records made by hand: the key aggregate (the
//! payments of a CIG summed into its contract's row), joins with a
//! condition, natural persons redacted, code maps, formats and the CSV,
//! JSON and ods forms.

use chrono::NaiveDate;

use super::catalog::Catalog;
use super::format::Value;
use super::results::Results;
use super::run::{Inputs, Output, Period, Run};
use super::template::{Compiler, Template, LEGAL_FORMS};
use super::write::{write, ReportFormat};
use crate::corrections::Corrections;
use crate::project::Project;
use crate::record::{Decision, Document, Party};

fn act(
    file: &str,
    cig: &str,
    procedure: &str,
    amount: &str,
    role: &str,
    parties: &[(&str, &str, &str)],
) -> Document {
    Document {
        doc_id: file.into(),
        sha256: file.into(),
        source_file: file.into(),
        kind: "act".into(),
        decisions: vec![Decision {
            act_type: Some("determinazione".into()),
            act_number: Some(file.trim_end_matches(".pdf").into()),
            decision_date: NaiveDate::from_ymd_opt(2026, 2, 10),
            subject: Some(format!("Atto {file}")),
            cig: Some(cig.into()),
            procedure: Some(procedure.into()),
            main_amount: Some(amount.parse().unwrap()),
            main_amount_role: Some(role.into()),
            ..Decision::default()
        }],
        parties: parties
            .iter()
            .enumerate()
            .map(|(i, (role, name, tax))| Party {
                seq: i as u32 + 1,
                role: (*role).into(),
                name: (*name).into(),
                tax_id: (!tax.is_empty()).then(|| (*tax).to_owned()),
                span: None,
            })
            .collect(),
        ..Document::default()
    }
}

fn compile(text: &str) -> (Template, Vec<String>) {
    let catalog = Catalog::load(None).unwrap();
    let c = Compiler {
        maps: &catalog.maps,
        vocabulary: &catalog.vocabulary,
    };
    let forms = catalog.vocabulary[LEGAL_FORMS].clone();
    (c.compile("t", "t.toml", text).unwrap(), forms)
}

fn run(t: &Template, forms: &[String], docs: Vec<Document>, redact: Option<bool>) -> Output {
    let project = Project {
        administration: Some("Comune di Prova".into()),
        ..Project::default()
    };
    let (corrections, results) = (Corrections::default(), Results::default());
    let inputs = Inputs {
        project: &project,
        corrections: &corrections,
        results: &results,
        period: Period::default(),
        published: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        redact,
        legal_forms: forms,
    };
    let mut r = Run::new(t, inputs);
    for d in docs {
        r.add(d).unwrap();
    }
    r.finish()
}

fn docs() -> Vec<Document> {
    vec![
        act(
            "c1.pdf",
            "B1234567AA",
            "contract",
            "10000.00",
            "award",
            &[("supplier", "Alfa S.r.l.", "01234567897")],
        ),
        act(
            "p1.pdf",
            "B1234567AA",
            "payment",
            "2500.50",
            "payment",
            &[("supplier", "Alfa S.r.l.", "01234567897")],
        ),
        act(
            "p2.pdf",
            "B1234567AA ZZ00000000",
            "payment",
            "1000.25",
            "payment",
            &[],
        ),
        act("p3.pdf", "Y999999999", "payment", "7.00", "payment", &[]),
        act(
            "g1.pdf",
            "",
            "grant",
            "300.00",
            "grant",
            &[
                ("beneficiary", "Mario Rossi", "RSSMRA80A01F205X"),
                ("beneficiary", "Circolo Arci Prova", ""),
                ("beneficiary", "Beta Cooperativa Sociale", ""),
            ],
        ),
    ]
}

#[test]
fn payments_sharing_a_cig_are_summed_into_the_contracts_row() {
    let (t, forms) = compile(
        "title = \"C\"\ndescription = \"d\"\nrows = \"decisions\"\n[[filter]]\nfield = \"decision.procedure\"\nin = [\"contract\"]\n\
         [[column]]\nheader = \"CIG\"\nfield = \"decision.cig\"\ntype = \"code\"\n\
         [[column]]\nheader = \"Aggiudicatario\"\njoin = \"party.name\"\nwhere = [{ field = \"party.role\", in = [\"supplier\"] }]\n\
         [[column]]\nheader = \"Liquidato\"\naggregate = \"sum\"\nof = \"decision.main_amount\"\nover = \"decision.cig\"\ntype = \"amount\"\nwhere = [{ field = \"decision.main_amount_role\", in = [\"payment\"] }]\n\
         [[column]]\nheader = \"Atti di pagamento\"\naggregate = \"count\"\nover = \"decision.cig\"\nof = \"decision.main_amount\"\nwhere = [{ field = \"decision.procedure\", in = [\"payment\"] }]\n\
         [[column]]\nheader = \"Registro\"\nmap = \"albo-agid\"\nfields = [\"decision.act_type\", \"decision.body\"]\n",
    );
    let out = run(&t, &forms, docs(), None);
    assert_eq!(out.rows.len(), 1);
    let r = &out.rows[0];
    assert_eq!(r[0], Value::Text("B1234567AA".into()));
    assert_eq!(r[1], Value::Text("Alfa S.r.l.".into()));
    // p1 and p2 (which names the CIG among others); not p3.
    assert_eq!(r[2], Value::Number(3500.75));
    assert_eq!(r[3], Value::Integer(2));
    assert_eq!(r[4], Value::Text("A.03.01".into()));
    let mut csv = Vec::new();
    write(&t, &out, ReportFormat::Csv, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert_eq!(csv, "\u{feff}CIG;Aggiudicatario;Liquidato;Atti di pagamento;Registro\r\nB1234567AA;Alfa S.r.l.;3500,75;2;A.03.01\r\n");
    // The ods form (spreadsheet-ods): the sum a euro currency cell, the
    // count a number, the CIG a text cell, the header row frozen.
    let mut ods = Vec::new();
    write(&t, &out, ReportFormat::Ods, &mut ods).unwrap();
    let part = |name: &str| {
        use std::io::Read;
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&ods)).unwrap();
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let content = part("content.xml");
    let cells: Vec<&str> = content
        .split("<table:table-cell ")
        .skip(1)
        .map(|c| c.split("</table:table-cell>").next().unwrap_or(c))
        .collect();
    for want in [
        &[
            "office:value-type=\"currency\"",
            "office:currency=\"EUR\"",
            "office:value=\"3500.75\"",
            "table:style-name=\"ceuro\"",
        ][..],
        &["office:value-type=\"float\"", "office:value=\"2\""],
        &[
            "office:value-type=\"string\"",
            "<text:p>B1234567AA</text:p>",
        ],
        &["table:style-name=\"chead\"", "<text:p>CIG</text:p>"],
    ] {
        assert!(
            cells.iter().any(|c| want.iter().all(|w| c.contains(w))),
            "{want:?} in {content}"
        );
    }
    assert!(
        content.contains("€</number:currency-symbol>"),
        "the euro format: {content}"
    );
    let settings = part("settings.xml");
    assert!(
        settings.contains("\"VerticalSplitMode\" config:type=\"short\">2<")
            && settings.contains("\"VerticalSplitPosition\" config:type=\"int\">1<"),
        "{settings}"
    );
}

#[test]
fn natural_persons_are_redacted_unless_asked_and_companies_never() {
    let (t, forms) = compile(
        "title = \"S\"\ndescription = \"d\"\nrows = \"parties\"\n[file]\nredact_natural_persons = true\nredaction_text = \"OSCURATO\"\n\
         [[filter]]\nfield = \"party.role\"\nin = [\"beneficiary\"]\n\
         [[column]]\nheader = \"Beneficiario\"\nfield = \"party.name\"\n\
         [[column]]\nheader = \"CF\"\nfield = \"party.tax_id\"\n\
         [[column]]\nheader = \"Importo\"\nfield = \"decision.main_amount\"\n",
    );
    let out = run(&t, &forms, docs(), None);
    let names: Vec<&Value> = out.rows.iter().map(|r| &r[0]).collect();
    assert_eq!(
        names,
        [
            &Value::Text("OSCURATO".into()),
            &Value::Text("Circolo Arci Prova".into()),
            &Value::Text("Beta Cooperativa Sociale".into())
        ]
    );
    assert_eq!(
        out.rows[0][1],
        Value::Text("OSCURATO".into()),
        "the codice fiscale too"
    );
    assert_eq!(out.rows[0][2], Value::Number(300.0));
    let open = run(&t, &forms, docs(), Some(false));
    assert_eq!(open.rows[0][0], Value::Text("Mario Rossi".into()));
    let mut ods = Vec::new();
    write(&t, &out, ReportFormat::Ods, &mut ods).unwrap();
    assert!(ods.starts_with(b"PK") && ods[30..].starts_with(b"mimetype"));
}

#[test]
fn json_has_the_intestazione_then_the_rows_in_column_order() {
    let (t, forms) = compile(
        "title = \"J\"\ndescription = \"d\"\nrows = \"decisions\"\n[file]\njson_rows = \"atti\"\ndate_format = \"GG/MM/AAAA\"\n\
         [[column]]\nheader = \"Numero\"\njson = \"numero\"\nfield = \"decision.act_number\"\n\
         [[column]]\nheader = \"Data\"\njson = \"data\"\nfield = \"decision.decision_date\"\n\
         [[column]]\nheader = \"Oggetto\"\njson = \"oggetto\"\nfield = \"decision.subject\"\ntruncate = 6\n",
    );
    let out = run(&t, &forms, docs()[..1].to_vec(), None);
    let mut j = Vec::new();
    write(&t, &out, ReportFormat::Json, &mut j).unwrap();
    let text = String::from_utf8(j).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["intestazione"]["amministrazione"], "Comune di Prova");
    assert_eq!(v["intestazione"]["dataPubblicazione"], "01/12/2026");
    assert_eq!(v["atti"][0]["data"], "10/02/2026");
    assert_eq!(
        v["atti"][0]["oggetto"], "Atto…",
        "cut at 6 characters, the cut marked"
    );
    assert!(text.find("\"numero\"").unwrap() < text.find("\"data\"").unwrap());
}

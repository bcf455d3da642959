//! The seed documents read through the public API (text extraction, then
//! [`RuleSet::apply`]), every value checked against what the seed says.
//! The seeds are read from the shared folder (see `atti_dev::shared`); the
//! tests print a notice and pass when it is absent.

use chrono::NaiveDate;

use super::{RuleOutput, RuleSet};
use crate::read::{self, Limits, SourceType};

pub(crate) fn read(path: &std::path::Path) -> Option<(read::Reading, RuleOutput)> {
    let bytes = std::fs::read(path).ok()?;
    let ty = SourceType::from_extension(path).unwrap_or(SourceType::Text);
    let ex = read::read(&bytes, ty, &Limits::default()).ok()?;
    let rules = RuleSet::load(None, true).expect("built-in rules");
    let x = rules.apply(&ex.pages);
    Some((ex, x))
}

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

#[test]
fn seed_peg_sheet_every_field() {
    let Some(dir) = atti_dev::shared::path("seeds", "the seed tests") else {
        return;
    };
    let (ex, x) = read(&dir.join("003_94625253a6f88b00.txt")).expect("seed 003");
    assert_eq!(x.kind, "peg");
    assert_eq!(x.objectives.len(), 1, "{:#?}", x.objectives);
    let o = &x.objectives[0];
    assert_eq!(o.objective_code.as_deref(), Some("2021_Z001"));
    assert_eq!(o.year, Some(2021));
    assert_eq!(
        o.title.as_deref(),
        Some("Progetto Grande Firenze, associazione intercomunale")
    );
    assert_eq!(o.direction.as_deref(), Some("SEGRETARIO GENERALE"));
    assert_eq!(o.director.as_deref(), Some("ASCIONE GIUSEPPE"));
    assert_eq!(o.service.as_deref(), Some("SEGRETARIO GENERALE"));
    assert_eq!(o.manager.as_deref(), Some("ASCIONE GIUSEPPE"));
    assert_eq!(o.typology.as_deref(), Some("SVILUPPO"));
    assert_eq!(o.classification.as_deref(), Some("DIREZIONALE"));
    assert_eq!(
        o.strategic_direction_code.as_deref(),
        Some("2021_IND_STRATEG_13")
    );
    assert_eq!(
        o.strategic_direction.as_deref(),
        Some("BUONA AMMINISTR. E QUARTIERI")
    );
    assert_eq!(
        o.strategic_objective_code.as_deref(),
        Some("2021_13_IS_OB_STR_03")
    );
    assert_eq!(
        o.strategic_objective.as_deref(),
        Some("GRANDE FIRENZE METROPOLITANA")
    );
    assert_eq!(o.operational_objective.as_deref(), Some("13.3"));
    assert_eq!(o.mission.as_deref(), Some("01"));
    let desc = o.description.as_deref().expect("description");
    assert!(
        desc.starts_with("Nell'ambito del progetto la \"Grande Firenze\" metropolitana si intende rafforzare la dialettica con la Città Metropolitana, quale magnete di sviluppo per la realizzazione"),
        "{desc}"
    );
    assert!(
        desc.ends_with(
            "comporta un flusso informativo adeguato nei confronti dell'Assessore delegato."
        ),
        "{desc}"
    );
    assert!(!desc.contains('\n') && !desc.contains("GANTT"), "{desc}");

    assert_eq!(x.phases.len(), 2, "{:#?}", x.phases);
    let p1 = &x.phases[0];
    assert_eq!(p1.seq, 1);
    assert_eq!(p1.objective_code.as_deref(), Some("2021_Z001"));
    assert_eq!(
        p1.description.as_deref(),
        Some("Predisposizione bozza di convenzione per la gestione di servizi associati")
    );
    assert_eq!(p1.start_date, d(2021, 1, 1));
    assert_eq!(p1.end_date, d(2021, 4, 30));
    assert_eq!(p1.responsible.as_deref(), Some("ASCIONE GIUSEPPE"));
    assert_eq!(
        p1.responsibility_centre.as_deref(),
        Some("SEGRETARIO GENERALE")
    );
    let p2 = &x.phases[1];
    assert_eq!(
        p2.description.as_deref(),
        Some("Partecipazione agli incontri con gli enti di volta in volta coinvolti")
    );
    assert_eq!(p2.start_date, d(2021, 5, 1));
    assert_eq!(p2.end_date, d(2021, 12, 31));
    assert_eq!(p2.responsible.as_deref(), Some("ASCIONE GIUSEPPE"));
    assert_eq!(
        p2.responsibility_centre.as_deref(),
        Some("SEGRETARIO GENERALE")
    );

    assert_eq!(x.indicators.len(), 2, "{:#?}", x.indicators);
    let i1 = &x.indicators[0];
    assert_eq!(
        i1.description.as_deref(),
        Some("N. incontri con enti coinvolti")
    );
    assert_eq!(i1.indicator_type.as_deref(), Some("RISULTATO"));
    assert_eq!(i1.expected_operator.as_deref(), Some(">="));
    assert_eq!(i1.expected_value.as_deref(), Some("3"));
    assert_eq!(i1.expected_raw.as_deref(), Some(">=3"));
    let i2 = &x.indicators[1];
    assert_eq!(
        i2.description.as_deref(),
        Some("N. enti coinvolti nel progetto di associazione")
    );
    assert_eq!(i2.indicator_type.as_deref(), Some("RISULTATO"));
    assert_eq!(i2.expected_operator.as_deref(), Some(">="));
    assert_eq!(i2.expected_value.as_deref(), Some("2"));
    assert_eq!(i2.expected_raw.as_deref(), Some(">= 2"));
    assert_eq!(i2.objective_code.as_deref(), Some("2021_Z001"));

    // Provenance: every field's span holds the text it was read from.
    let text = &ex.pages[0].text;
    let director = x
        .fields
        .iter()
        .find(|f| f.name == "objective.director")
        .expect("director field");
    let sp = director.span.expect("span");
    assert_eq!(&text[sp.start..sp.end], "ASCIONE GIUSEPPE");
    assert_eq!(director.rule, "peg.objective.director");
    let resp = x
        .fields
        .iter()
        .find(|f| f.name == "phase[1].responsible")
        .expect("responsible field");
    let sp = resp.span.expect("span");
    assert_eq!(
        text[sp.start..sp.end]
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["ASCIONE", "GIUSEPPE"]
    );
    assert_eq!(o.spans.get("objective_code").map(|s| s.page), Some(1));
    for f in &x.fields {
        let sp = f.span.expect("every field has a span");
        assert!(sp.start < sp.end && sp.end <= text.len(), "{f:?}");
    }
    assert_eq!(x.year, Some(2021));
    assert_eq!(
        x.title.as_deref(),
        Some("Progetto Grande Firenze, associazione intercomunale")
    );
}

#[test]
fn seed_ambito_page_decision_and_references() {
    let Some(dir) = atti_dev::shared::path("seeds", "the seed tests") else {
        return;
    };
    let (ex, x) = read(&dir.join("000_5166afa54e743601.txt")).expect("seed 000");
    // A web page describing an office, not a deliberation: kind `other`,
    // with the decision it reports still read.
    assert_eq!(x.kind, "other");
    assert_eq!(x.decisions.len(), 1, "{:#?}", x.decisions);
    let dcs = &x.decisions[0];
    assert_eq!(dcs.body.as_deref(), Some("Assemblea dei Sindaci"));
    assert_eq!(dcs.decision_date, d(2021, 12, 1));
    assert_eq!(dcs.validity_end, d(2023, 12, 31));
    assert_eq!(
        dcs.approved_by,
        vec!["sei Comuni dell'Ambito territoriale del Corsichese".to_owned()]
    );
    let text = &ex.pages[0].text;
    let sp = dcs.spans["validity_end"];
    assert_eq!(&text[sp.start..sp.end], "31 dicembre 2023");

    // The two legal references. The page names no region and nothing in its
    // head places the body (an "Ambito territoriale"), so the regional laws'
    // issuer is left empty, not guessed.
    assert_eq!(x.references.len(), 2, "{:#?}", x.references);
    let r0 = &x.references[0];
    assert_eq!(r0.act_type.as_deref(), Some("legge_regionale"));
    assert_eq!(r0.number.as_deref(), Some("3"));
    assert_eq!(r0.year, Some(2008));
    assert_eq!(r0.article.as_deref(), Some("18"));
    assert_eq!(r0.paragraph.as_deref(), Some("10"));
    assert_eq!(r0.issuer, None);
    assert_eq!(r0.urn, None);
    let r1 = &x.references[1];
    assert_eq!(r1.act_type.as_deref(), Some("legge_regionale"));
    assert_eq!(r1.number.as_deref(), Some("23"));
    assert_eq!(r1.date, d(2015, 8, 11));
    assert_eq!(r1.article.as_deref(), Some("6"));
    assert_eq!(r1.letter.as_deref(), Some("f"));

    // Boilerplate is dropped by the rules: no value comes from it, and the
    // title is not the skip link.
    for f in &x.fields {
        let sp = f.span.unwrap();
        let s = &text[sp.start..sp.end];
        assert!(
            !s.contains("cookie") && !s.contains("Contenuto principale"),
            "{f:?}"
        );
    }
}

#[test]
fn boilerplate_lines_are_blanked_not_removed() {
    let Some(dir) = atti_dev::shared::path("seeds", "the seed tests") else {
        return;
    };
    let bytes = std::fs::read(dir.join("000_5166afa54e743601.txt")).unwrap();
    let ex = read::text::read(&bytes, &Limits::default()).unwrap();
    let rules = RuleSet::load(None, true).unwrap();
    let (doc, _) = super::prepare(rules.compiled(), &ex.pages);
    let clean = &doc.clean[0];
    assert_eq!(clean.len(), ex.pages[0].text.len());
    for gone in [
        "Contenuto principale",
        "Messaggio di avviso",
        "Questo sito usa cookie",
        "Clicca qui",
    ] {
        assert!(!clean.contains(gone), "{gone} survived");
    }
    assert!(clean.contains("L’Ufficio di Piano è individuato"));
}

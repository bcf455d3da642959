//! A sentence cut by a page break is read whole: field regexes and the
//! classifiers' cues read the pages as running text (see
//! [`super::running`]), with the furniture the PDF layer set apart left out,
//! and every value keeps the page and span it was read from.

use super::*;

/// A determination over three pages, each with its running footer set
/// apart as furniture: the procedure's name and the RUP's name are each
/// cut by a page break.
fn pages() -> Vec<Page> {
    let page = |n: u32, text: &str| Page {
        number: n,
        text: text.to_owned(),
        furniture: vec![format!("Comune di Prova - pagina {n} di 3")],
        ..Page::default()
    };
    vec![
        page(
            1,
            "DETERMINAZIONE N. 5 DEL 03/04/2024\n\nOGGETTO: Lavori di manutenzione delle strade comunali. Determina a contrarre.\n\nIL RESPONSABILE DEL SERVIZIO\nVISTO il d.lgs. 36/2023;\nRITENUTO di procedere;\nDETERMINA\n1. di indire, per l'affidamento dei lavori di manutenzione delle strade comunali, una procedura\n\n",
        ),
        page(
            2,
            "\nnegoziata senza bando tra cinque operatori economici;\n2. di dare atto che il Responsabile Unico del Progetto è il\n",
        ),
        page(3, "geom. Mario Rossi;\n3. di pubblicare il presente atto.\n"),
    ]
}

#[test]
fn a_name_after_a_page_break_is_read_with_its_span_on_its_page() {
    let pages = pages();
    let x = RuleSet::load(None, true).unwrap().apply(&pages);
    let d = x.decisions.first().expect("a decision");
    assert_eq!(d.responsible.as_deref(), Some("Mario Rossi"));
    let f = x
        .fields
        .iter()
        .find(|f| f.name == "decision.responsible")
        .expect("the responsible listed");
    let span = f.span.expect("a span");
    assert_eq!(span.page, 3);
    assert!(pages[2].text[span.start..span.end].contains("Mario Rossi"));
}

#[test]
fn a_cue_cut_by_a_page_break_decides_its_class() {
    let pages = pages();
    let x = RuleSet::load(None, true).unwrap().apply(&pages);
    let d = x.decisions.first().expect("a decision");
    assert_eq!(d.procedure.as_deref(), Some("contract"));
    assert_eq!(d.selection_method.as_deref(), Some("negotiated"));
    // The cue's span starts on the page where its words start.
    let f = x
        .fields
        .iter()
        .find(|f| f.name == "decision.selection_method")
        .expect("the method listed");
    let span = f.span.expect("a span");
    assert_eq!(span.page, 1);
    assert!(pages[0].text[span.start..span.end].starts_with("procedura"));
}

#[test]
fn a_page_read_alone_gives_neither() {
    // Without the seam the pages say nothing of the RUP or the method.
    let set = RuleSet::load(None, true).unwrap();
    for p in pages() {
        let x = set.apply(std::slice::from_ref(&p));
        let d = x.decisions.first();
        assert!(d.and_then(|d| d.responsible.as_deref()).is_none());
        assert!(d
            .and_then(|d| d.selection_method.as_deref())
            .is_none_or(|m| m != "negotiated"));
    }
}

//! The first page's letterhead read as a region of its own (issue 15): the
//! lines a PDF repeats at the head of its pages are page furniture, left
//! out of the text, and only rules with `region = "letterhead"` read them.
//! A train act of the shared corpus whose issuing office is printed only
//! in its letterhead (test bodies are never read here).

use atti::read::{self, Limits, SourceType};
use atti::rules::{letterhead, RuleSet};
use atti_page::OUTSIDE_TEXT;

use crate::common::shared;

/// As printed in the letterhead, and as the office's value (apostrophes in
/// one form, as every rule value).
const OFFICE: &str =
    "Struttura del Commissario straordinario per l’attuazione dell’Agenda digitale";
const OFFICE_VALUE: &str =
    "Struttura del Commissario straordinario per l'attuazione dell'Agenda digitale";

#[test]
fn an_office_printed_only_in_the_letterhead_is_read_there() {
    let Some(corpus) = shared("corpus") else {
        return;
    };
    let file = corpus.join("real-it3/pagopa_determina-a-contrarre-2019-10-no-producer.pdf");
    let bytes = std::fs::read(&file).expect("the act is in the corpus");
    let ty = SourceType::from_extension(&file).expect("a PDF");
    let pages = read::read(&bytes, ty, &Limits::default())
        .expect("the PDF reads")
        .pages;
    // The office is furniture of the first page, above its text.
    let head = letterhead::page(&pages).expect("the first page has a letterhead");
    assert_eq!(head.number, pages[0].number);
    assert!(head.text.contains(OFFICE), "{:?}", head.text);
    assert!(!pages[0].text.contains(OFFICE));

    let rules = RuleSet::load(None, true).expect("built-in rules");
    let x = rules.apply(&pages);
    let d = x.decisions.first().expect("a decision row");
    assert_eq!(d.office.as_deref(), Some(OFFICE_VALUE));
    let f = x
        .fields
        .iter()
        .find(|f| f.name == "decision.office")
        .expect("the office's field");
    assert_eq!(f.rule, "delib.office.letterhead_unit");
    let span = f.span.expect("a span");
    assert_eq!((span.page, span.start), (pages[0].number, OUTSIDE_TEXT));
    // No rule of the text reads the letterhead: the subject is the act's.
    let subject = d.subject.clone().unwrap_or_default();
    assert!(!subject.contains("Commissario straordinario"), "{subject}");
}

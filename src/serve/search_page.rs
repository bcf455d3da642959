//! `/` (the search form) and `/search` (a page of hits).
//!
//! A hit shows the act's title with the matched words marked, its kind,
//! collegial body, number and date, and the passage that matched; the
//! form above keeps what was asked, and the page's links (other pages,
//! downloads) carry the whole query in their address.

use maud::{html, Markup};

use super::layout::{marked, page};
use super::params::{Search, MAX_PAGE, PAGE_SIZE};
use super::state::Choices;
use crate::index::search::Answer;
use crate::tables::TableId;

/// The kinds' names for a reader.
pub fn kind_label(kind: &str) -> &str {
    match kind {
        "deliberation" => "atto deliberativo",
        "peg" => "scheda PEG",
        "other" => "altro",
        k => k,
    }
}

/// The form, filled with `s`.
pub fn form(s: &Search, choices: &Choices) -> Markup {
    let option = |value: &str, label: String, current: Option<&str>| {
        html! { option value=(value) selected[current == Some(value)] { (label) } }
    };
    let year = s.year.map(|y| y.to_string());
    html! {
        form.search action="/search" method="get" role="search" {
            div.words {
                input type="search" name="q" value=(s.q) maxlength="500"
                    placeholder="parole, \"frasi\", AND, OR, NOT, conv*, campo:valore"
                    aria-label="Cerca negli atti" autofocus;
                button type="submit" { "Cerca" }
            }
            div.filters {
                label { "Tipo "
                    select name="kind" {
                        option value="" { "tutti" }
                        @for (k, n) in &choices.kinds {
                            (option(k, format!("{} ({n})", kind_label(k)), s.kind.as_deref()))
                        }
                    }
                }
                label { "Anno "
                    select name="year" {
                        option value="" { "tutti" }
                        @for (y, n) in &choices.years {
                            (option(y, format!("{y} ({n})"), year.as_deref()))
                        }
                    }
                }
                label { "Organo "
                    select name="body" {
                        option value="" { "tutti" }
                        @for (b, n) in &choices.bodies {
                            (option(b, format!("{b} ({n})"), s.body.as_deref()))
                        }
                    }
                }
                label { "Dal " input type="date" name="from" value=[s.from.map(|d| d.to_string())]; }
                label { "al " input type="date" name="to" value=[s.to.map(|d| d.to_string())]; }
                label { input type="checkbox" name="undated" value="1" checked[s.undated]; " anche senza data" }
                label { "Ordine "
                    select name="sort" {
                        option value="relevance" selected[!s.by_date] { "pertinenza" }
                        option value="date" selected[s.by_date] { "data (recenti prima)" }
                    }
                }
            }
        }
    }
}

/// The search form alone.
pub fn home(choices: &Choices) -> Markup {
    page(
        "Ricerca",
        html! {
            h1 { "Ricerca negli atti" }
            (form(&Search::default(), choices))
            p.summary { "L'archivio contiene " (choices.documents) " documenti." }
            p.meta {
                "Esempi: " code { "convenzione servizi sociali" } ", "
                code { "\"piano esecutivo di gestione\"" } ", "
                code { "organo:giunta anno:2021" } ", " code { "conv*" } "."
            }
        },
    )
}

/// A page of hits.
pub fn results(s: &Search, choices: &Choices, answer: &Answer) -> Markup {
    let pages = (answer.total as usize)
        .div_ceil(PAGE_SIZE)
        .clamp(1, MAX_PAGE);
    let qs = s.query_string(None);
    let title = if s.q.is_empty() {
        "Documenti".to_owned()
    } else {
        format!("Ricerca: {}", s.q)
    };
    let body = html! {
        h1 { "Ricerca negli atti" }
        (form(s, choices))
        p.summary {
            @match answer.total {
                0 => { "Nessun documento corrisponde alla ricerca." }
                1 => { "1 documento trovato." }
                n => { (n) " documenti trovati" @if pages > 1 { "; pagina " (s.page) " di " (pages) } "." }
            }
            @match answer.undated_not_shown {
                0 => {}
                1 => { " 1 documento senza data non mostrato (spunta «anche senza data»)." }
                n => { " " (n) " documenti senza data non mostrati (spunta «anche senza data»)." }
            }
        }
        @if answer.total > 0 {
            p.downloads {
                "Scarica i risultati: "
                @for t in [TableId::Documents, TableId::Decisions, TableId::References] {
                    (t.schema().label) " ("
                    a href={ "/export/" (t.name()) ".xlsx?" (qs) } { "xlsx" } ", "
                    a href={ "/export/" (t.name()) ".csv?" (qs) } { "CSV" } ") "
                }
            }
        }
        ol.hits start=(answer.hits.first().map_or(1, |h| h.rank)) {
            @for h in &answer.hits {
                li {
                    div.title {
                        a href={ "/doc/" (h.doc_id) } {
                            @match (&h.title_marks, &h.title) {
                                (Some(t), _) => { (marked(t)) }
                                (None, Some(t)) => { (t) }
                                _ => { "(senza titolo)" }
                            }
                        }
                    }
                    div.meta {
                        span { (kind_label(&h.kind)) }
                        @if let Some(b) = &h.body { span { (b) } }
                        @if let Some(n) = &h.number { span { "n. " (n) } }
                        @match (h.date, h.year) {
                            (Some(d), _) => { span { (d.format("%d/%m/%Y").to_string()) } }
                            (None, Some(y)) => { span { (y) } }
                            _ => { span { "senza data" } }
                        }
                        span { (h.source_file) }
                    }
                    @if !h.passage.text.is_empty() {
                        p.snippet { (marked(&h.passage)) }
                    }
                }
            }
        }
        @if pages > 1 {
            nav.pages aria-label="Pagine" {
                @if s.page > 1 {
                    a rel="prev" href={ "/search?" (s.query_string(Some(s.page - 1))) } { "‹ precedente" }
                }
                @for p in window(s.page, pages) {
                    @if p == s.page { strong { (p) } }
                    @else { a href={ "/search?" (s.query_string(Some(p))) } { (p) } }
                }
                @if s.page < pages {
                    a rel="next" href={ "/search?" (s.query_string(Some(s.page + 1))) } { "successiva ›" }
                }
            }
        }
    };
    page(&title, body)
}

/// The page numbers shown around the current one.
fn window(current: usize, pages: usize) -> std::ops::RangeInclusive<usize> {
    let first = current.saturating_sub(4).max(1);
    let last = (first + 8).min(pages);
    first..=last
}

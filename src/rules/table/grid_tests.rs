//! The grid path's tests: header labels scored, a body read apart lined up
//! with its header, an HTML GANTT read by its labels across tables.

use super::score;
use crate::read::{html, Limits};
use crate::rules::compiled::label_words;
use crate::rules::RuleSet;

fn words(s: &str) -> Vec<String> {
    label_words(s)
}

/// A one-row grid of ruled cells over `[x0, x1]` spans.
fn header(spans: &[(f32, f32)]) -> super::Mapping {
    super::Mapping {
        columns: (0..spans.len()).map(Some).collect(),
        header_rows: 1,
        extents: spans.iter().map(|s| Some(*s)).collect(),
    }
}

#[test]
fn a_body_read_apart_lines_up_with_the_header_by_where_its_text_lies() {
    // Ruled header cells: Descrizione, Tipo, Valore atteso. The body's
    // text: a description, a type, and "SI" at the right edge of a band
    // that the reader drew from the middle of the gap before it.
    let h = header(&[(36.0, 631.0), (631.0, 731.0), (731.0, 806.0)]);
    let grid = atti_page::Table {
        mode: atti_page::TableMode::Stream,
        bbox: [39.0, 394.0, 741.0, 416.0],
        rows: 1,
        cols: 3,
        ..Default::default()
    };
    let text = [
        Some((39.0, 250.0)),
        Some((640.0, 700.0)),
        Some((731.0, 741.0)),
    ];
    let m = super::continuation(&h, &grid, &text).unwrap();
    assert_eq!(m.columns, [Some(0), Some(1), Some(2)]);
    // An empty header column (Peso) takes no body column: the dates
    // stay with the start date.
    let h = header(&[(36.0, 314.0), (314.0, 347.0), (347.0, 400.0)]);
    let text = [Some((39.0, 300.0)), Some((350.0, 398.0))];
    let grid = atti_page::Table { cols: 2, ..grid };
    let m = super::continuation(&h, &grid, &text).unwrap();
    assert_eq!(m.columns, [Some(0), None, Some(1)]);
}

#[test]
fn labels_are_found_whatever_the_case_the_accents_and_the_order() {
    let l = words("Centro di Responsabilità");
    assert_eq!(score(&words("CENTRO DI RESPONSABILITA'"), &l), 3);
    assert_eq!(score(&words("Centro di responsabilità (CdR)"), &l), 2);
    assert_eq!(
        score(&words("Previsto Inizio"), &words("Inizio Previsto")),
        1
    );
    assert_eq!(
        score(&words("Inizio effettivo"), &words("Inizio Previsto")),
        0
    );
    assert_eq!(
        score(&words("Notevole"), &words("Note")),
        0,
        "whole words only"
    );
}

/// A PEG sheet as a web page: the GANTT header over two rows under a
/// cell spanning two columns, the table going on in a second table
/// without its header, then a third that repeats it.
const SHEET: &str = r#"<html><body><main>
    <h1>PIANO ESECUTIVO DI GESTIONE 2023</h1>
    <p>2023_DB07 Riqualificazione dei mercati rionali</p>
    <table><tr><td>DIREZIONE</td><td>DIREZIONE SVILUPPO ECONOMICO</td><td>DIRETTORE:</td><td>Dr.ssa VERDI ANNA</td></tr>
    <tr><td>SERVIZIO</td><td></td><td>SUAP</td><td>TIPOLOGIA</td><td>SVILUPPO</td></tr></table>
    <h2>GANTT</h2>
    <table>
    <tr><th rowspan=2>Descrizione</th><th rowspan=2>Peso</th><th colspan=2>Previsto</th><th rowspan=2>Responsabile</th><th rowspan=2>Centro di<br>Responsabilità</th><th rowspan=2>Note</th></tr>
    <tr><th>Inizio</th><th>Fine</th></tr>
    <tr><td>Ricognizione dei mercati</td><td>20%</td><td>01/02/2023</td><td>31/03/2023</td><td>Dott.ssa BIANCHI ANNA</td><td>SUAP</td><td></td></tr>
    <tr><td>e delle concessioni in essere</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
    </table>
    <table>
    <tr><td>Progettazione</td><td>30</td><td>01/04/2023</td><td>30/06/2023</td><td>ROSSI MARIO</td><td>LAVORI PUBBLICI</td><td>con gara</td></tr>
    </table>
    <table>
    <tr><th>DESCRIZIONE</th><th>PESO</th><th>INIZIO PREVISTO</th><th>FINE PREVISTA</th><th>RESPONSABILE</th><th>CENTRO DI RESPONSABILITA'</th><th>NOTE</th></tr>
    <tr><td>Collaudo</td><td>50</td><td>01/07/2023</td><td>31/12/2023</td><td>ROSSI MARIO</td><td>LAVORI PUBBLICI</td><td></td></tr>
    </table>
    <h2>INDICATORI</h2>
    <table><tr><td>Descrizione</td><td>Tipo</td><td>Valore<br>Atteso</td></tr>
    <tr><td>Mercati riqualificati</td><td>RISULTATO</td><td>&gt;= 3</td></tr></table>
    </main></body></html>"#;

#[test]
fn an_html_gantt_is_read_by_its_labels_across_tables() {
    let r = html::read(SHEET.as_bytes(), &Limits::default()).unwrap();
    let x = RuleSet::load(None, true).unwrap().apply(&r.pages);
    let got: Vec<String> = x
        .phases
        .iter()
        .map(|p| {
            format!(
                "{}|{:?}|{}|{}|{}|{}",
                p.description.as_deref().unwrap_or(""),
                p.weight,
                p.start_date.map(|d| d.to_string()).unwrap_or_default(),
                p.end_date.map(|d| d.to_string()).unwrap_or_default(),
                p.responsible.as_deref().unwrap_or(""),
                p.responsibility_centre.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "Ricognizione dei mercati e delle concessioni in essere|Some(20.0)|2023-02-01|2023-03-31|BIANCHI ANNA|SUAP",
            "Progettazione|Some(30.0)|2023-04-01|2023-06-30|ROSSI MARIO|LAVORI PUBBLICI",
            "Collaudo|Some(50.0)|2023-07-01|2023-12-31|ROSSI MARIO|LAVORI PUBBLICI",
        ]
    );
    assert_eq!(x.phases[1].notes.as_deref(), Some("con gara"));
    // A header block laid out as a table: a label's value is the next
    // cell of its row that holds text.
    let o = &x.objectives[0];
    assert_eq!(o.direction.as_deref(), Some("DIREZIONE SVILUPPO ECONOMICO"));
    assert_eq!(o.director.as_deref(), Some("VERDI ANNA"));
    assert_eq!(o.service.as_deref(), Some("SUAP"));
    assert_eq!(o.typology.as_deref(), Some("SVILUPPO"));
    assert_eq!(x.indicators.len(), 1);
    assert_eq!(x.indicators[0].expected_raw.as_deref(), Some(">= 3"));
    // The value's span points at its text in the page.
    let sp = x.phases[2].spans["responsibility_centre"];
    assert_eq!(&r.pages[0].text[sp.start..sp.end], "LAVORI PUBBLICI");
    // Without the GANTT heading that opens the phases' section, the
    // table is still found by its labels.
    let bare = SHEET.replace("<h2>GANTT</h2>", "");
    let r = html::read(bare.as_bytes(), &Limits::default()).unwrap();
    let x = RuleSet::load(None, true).unwrap().apply(&r.pages);
    assert_eq!(x.phases.len(), 3);
}

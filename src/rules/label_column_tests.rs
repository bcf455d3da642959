//! Labels set as a column of their own, on pages built in the tests.

use crate::read::{Page, Word};
use crate::rules::RuleSet;

/// A page from lines of positioned words: each line's text is its
/// words joined by single spaces, lines 12 points apart unless a line
/// says otherwise (a baseline of its own).
fn page(lines: &[(Option<f32>, &[(f32, &str)])]) -> Page {
    let mut text = String::new();
    let mut words = Vec::new();
    let mut y = 20.0;
    for (i, (at, ws)) in lines.iter().enumerate() {
        y = at.unwrap_or(y + 12.0);
        for (k, (x, t)) in ws.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            words.push(Word {
                text: (*t).to_owned(),
                x: *x,
                y,
                width: 4.5 * t.chars().count() as f32,
                size: 9.0,
                line: i as u32,
                start: text.len(),
            });
            text.push_str(t);
        }
        text.push('\n');
    }
    Page {
        number: 1,
        text,
        words,
        width: 842.0,
        height: 595.0,
        ..Page::default()
    }
}

fn words<'a>(x: f32, s: &'a str) -> Vec<(f32, &'a str)> {
    let mut at = x;
    s.split_whitespace()
        .map(|w| {
            let r = (at, w);
            at += 4.5 * w.chars().count() as f32 + 2.5;
            r
        })
        .collect()
}

#[test]
fn a_label_column_wrapped_beside_its_value_is_read_apart_from_it() {
    let cat = |a: Vec<(f32, &'static str)>, b: Vec<(f32, &'static str)>| {
        a.into_iter().chain(b).collect::<Vec<_>>()
    };
    let l: Vec<Vec<(f32, &str)>> = vec![
        words(40.0, "PIANO ESECUTIVO DI GESTIONE"),
        words(40.0, "2023_C07 Biblioteche di quartiere"),
        cat(
            words(40.0, "Direzione"),
            cat(
                words(120.0, "CULTURA"),
                words(300.0, "Direttore ROSSI MARIA"),
            ),
        ),
        cat(
            words(40.0, "Obiettivo Operativo"),
            words(200.0, "Missione 05 - obiettivo 2.1"),
        ),
        words(40.0, "del D.U.P."),
        cat(
            words(40.0, "Descrizione"),
            words(200.0, "Aprire le biblioteche di quartiere anche"),
        ),
        cat(
            words(40.0, "dettagliata"),
            words(200.0, "la sera e la domenica,"),
        ),
        cat(words(40.0, "dell'obiettivo"), words(200.0, "con personale")),
        words(200.0, "dei servizi civici."),
        words(40.0, "GANTT"),
        words(40.0, "FASI"),
    ];
    let refs: Vec<(Option<f32>, &[(f32, &str)])> =
        l.iter().map(|ws| (None, ws.as_slice())).collect();
    let p = page(&refs);
    let rules = RuleSet::load(None, true).unwrap();
    let x = rules.apply(std::slice::from_ref(&p));
    let o = &x.objectives[0];
    assert_eq!(o.operational_objective.as_deref(), Some("2.1"));
    assert_eq!(o.mission.as_deref(), Some("05"));
    assert_eq!(
        o.description.as_deref(),
        Some("Aprire le biblioteche di quartiere anche la sera e la domenica, con personale dei servizi civici.")
    );
    assert_eq!(o.director.as_deref(), Some("ROSSI MARIA"));
    // The span runs from the value's first word to its last.
    let sp = o.spans["description"];
    assert!(p.text[sp.start..sp.end].starts_with("Aprire"));
    assert!(p.text[sp.start..sp.end].ends_with("civici."));
    // A gap wider than a paragraph break ends the value (the rule reads
    // paragraphs); so does a heading in the label column even without
    // an `until` (here the gap is taken away).
    let mut refs2 = refs.clone();
    refs2[8].0 = Some(20.0 + 12.0 * 8.0 + 80.0);
    let x = rules.apply(&[page(&refs2)]);
    assert_eq!(
        x.objectives[0].description.as_deref(),
        Some("Aprire le biblioteche di quartiere anche la sera e la domenica, con personale")
    );
}

/// The description of a sheet read with the built-in rules.
fn description(lines: &[(Option<f32>, Vec<(f32, &'static str)>)]) -> Option<String> {
    let refs: Vec<(Option<f32>, &[(f32, &str)])> =
        lines.iter().map(|(y, ws)| (*y, ws.as_slice())).collect();
    let p = page(&refs);
    let rules = RuleSet::load(None, true).unwrap();
    let x = rules.apply(std::slice::from_ref(&p));
    x.objectives[0].description.clone()
}

#[test]
fn a_label_centred_beside_a_taller_value_takes_the_lines_above_it() {
    let cat = |a: Vec<(f32, &'static str)>, b: Vec<(f32, &'static str)>| {
        a.into_iter().chain(b).collect::<Vec<_>>()
    };
    let l = vec![
        (Some(10.0), words(40.0, "PIANO ESECUTIVO DI GESTIONE")),
        (Some(20.0), words(40.0, "2023_C07 Biblioteche di quartiere")),
        (
            Some(50.0),
            cat(
                words(40.0, "Obiettivo Operativo del D.U.P."),
                words(260.0, "Missione 05 - obiettivo 2.1"),
            ),
        ),
        // The next row, 8 points of padding below: the value's first
        // line sits above the label's.
        (
            Some(70.0),
            words(260.0, "Aprire le biblioteche di quartiere anche"),
        ),
        (
            Some(82.0),
            cat(
                words(40.0, "Descrizione dettagliata dell'obiettivo"),
                words(260.0, "la sera e la domenica,"),
            ),
        ),
        (Some(94.0), words(260.0, "con personale")),
        (Some(120.0), words(40.0, "GANTT")),
    ];
    assert_eq!(
        description(&l).as_deref(),
        Some("Aprire le biblioteche di quartiere anche la sera e la domenica, con personale")
    );
}

#[test]
fn a_label_alone_on_its_lines_between_the_value_lines_is_read() {
    let l = vec![
        (Some(10.0), words(40.0, "PIANO ESECUTIVO DI GESTIONE")),
        (Some(20.0), words(40.0, "2023_C07 Biblioteche di quartiere")),
        (Some(60.0), words(40.0, "DESCRIZIONE")),
        (
            Some(64.0),
            words(200.0, "Aprire le biblioteche di quartiere anche"),
        ),
        (Some(70.0), words(40.0, "DETTAGLIATA")),
        (Some(74.0), words(200.0, "la sera e la domenica.")),
        (Some(80.0), words(40.0, "DELL'OBIETTIVO")),
        (Some(110.0), words(40.0, "GANTT")),
    ];
    assert_eq!(
        description(&l).as_deref(),
        Some("Aprire le biblioteche di quartiere anche la sera e la domenica.")
    );
}

#[test]
fn a_label_centred_beside_its_value_takes_the_lines_above_it() {
    let cat = |a: Vec<(f32, &'static str)>, b: Vec<(f32, &'static str)>| {
        a.into_iter().chain(b).collect::<Vec<_>>()
    };
    let l: Vec<Vec<(f32, &str)>> = vec![
        words(40.0, "COMUNE DI ESEMPIO"),
        words(160.0, "DETERMINAZIONE N. 12 DEL 03/03/2026"),
        words(120.0, "AFFIDAMENTO DEL SERVIZIO DI MENSA SCOLASTICA"),
        cat(
            words(40.0, "OGGETTO:"),
            words(120.0, "PER L'ANNO 2026 ALLA DITTA ROSSI S.R.L. -"),
        ),
        words(120.0, "IMPEGNO DI SPESA"),
        vec![],
        words(40.0, "IL RESPONSABILE DEL SERVIZIO"),
        words(40.0, "VISTO il decreto"),
        words(40.0, "DETERMINA"),
    ];
    let lines: Vec<(Option<f32>, &[(f32, &str)])> =
        l.iter().map(|w| (None, w.as_slice())).collect();
    let rules = RuleSet::load(None, true).unwrap();
    let x = rules.apply(&[page(&lines)]);
    let d = x.decisions.first().expect("a decision");
    assert_eq!(
        d.subject.as_deref(),
        Some("AFFIDAMENTO DEL SERVIZIO DI MENSA SCOLASTICA PER L'ANNO 2026 ALLA DITTA ROSSI S.R.L. - IMPEGNO DI SPESA")
    );

    // Lines aligned with the value above a label's row continue that
    // label's value, not the subject's.
    let l: Vec<Vec<(f32, &str)>> = vec![
        words(40.0, "DETERMINAZIONE N. 12 DEL 03/03/2026"),
        cat(words(40.0, "Proponente:"), words(120.0, "Settore Servizi")),
        words(120.0, "Sociali"),
        cat(
            words(40.0, "OGGETTO:"),
            words(120.0, "Contributo alla Pro Loco"),
        ),
        vec![],
        words(40.0, "IL DIRIGENTE"),
        words(40.0, "DETERMINA"),
    ];
    let lines: Vec<(Option<f32>, &[(f32, &str)])> =
        l.iter().map(|w| (None, w.as_slice())).collect();
    let x = rules.apply(&[page(&lines)]);
    let d = x.decisions.first().expect("a decision");
    assert_eq!(d.subject.as_deref(), Some("Contributo alla Pro Loco"));

    // A heading above, set apart, that happens to start where the value
    // does, is not the value's; nor are lines above a value that wraps
    // under its label.
    let heading = words(
        120.0,
        "DELIBERAZIONE DEL CONSIGLIO COMUNALE N. 31 DEL 29/07/2024",
    );
    let first = cat(
        words(40.0, "OGGETTO:"),
        words(120.0, "Variazione di assestamento generale ai"),
    );
    let wrap = words(40.0, "sensi degli articoli 175 e 193");
    let lines: Vec<(Option<f32>, &[(f32, &str)])> = vec![
        (Some(40.0), heading.as_slice()),
        (Some(64.0), first.as_slice()),
        (Some(76.0), wrap.as_slice()),
    ];
    let x = rules.apply(&[page(&lines)]);
    let d = x.decisions.first().expect("a decision");
    assert_eq!(
        d.subject.as_deref(),
        Some("Variazione di assestamento generale ai sensi degli articoli 175 e 193")
    );
}

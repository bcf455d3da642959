//! Parties listed in a table, on pages built in the tests: the grid the
//! table reader finds from the words' positions (single spaces in the
//! text, so only the geometry tells the columns).

use crate::read::{Page, Word};
use crate::rules::RuleSet;

/// A page from lines of cells, each cell's words set from its x; lines
/// 14 points apart; the text joins the words of a line by single spaces.
fn page(lines: &[&[(f32, &str)]]) -> Page {
    let mut text = String::new();
    let mut words = Vec::new();
    let mut y = 40.0;
    for (i, cells) in lines.iter().enumerate() {
        y += 14.0;
        let mut first = true;
        for (x0, cell) in cells.iter() {
            let mut x = *x0;
            for w in cell.split_whitespace() {
                if !first {
                    text.push(' ');
                }
                first = false;
                let width = 5.0 * w.chars().count() as f32;
                words.push(Word {
                    text: w.to_owned(),
                    x,
                    y,
                    width,
                    size: 10.0,
                    line: i as u32,
                    start: text.len(),
                });
                text.push_str(w);
                x += width + 3.0;
            }
        }
        text.push('\n');
    }
    Page {
        number: 1,
        text,
        words,
        width: 595.0,
        height: 842.0,
        ..Page::default()
    }
}

fn parties(p: Page) -> Vec<(String, String, Option<String>)> {
    let rules = RuleSet::load(None, true).unwrap();
    let x = rules.apply(&[p]);
    x.parties
        .iter()
        .map(|p| (p.role.clone(), p.name.clone(), p.tax_id.clone()))
        .collect()
}

#[test]
fn a_grid_of_payees_gives_each_row_with_its_tax_id() {
    let p = page(&[
        &[(40.0, "IL RESPONSABILE DEL SERVIZIO")],
        &[(40.0, "DETERMINA")],
        &[(40.0, "1. di liquidare le fatture come da prospetto:")],
        &[
            (40.0, "Beneficiario"),
            (250.0, "Codice fiscale"),
            (420.0, "Importo"),
        ],
        &[
            (40.0, "Alfa Servizi S.r.l."),
            (250.0, "15376371009"),
            (420.0, "1.200,00"),
        ],
        &[
            (40.0, "Verdi Luigi"),
            (250.0, "VRDLGU75C12F205G"),
            (420.0, "800,00"),
        ],
        &[
            (40.0, "Impianti Nord Soc. Coop."),
            (250.0, "02748510365"),
            (420.0, "310,00"),
        ],
        &[(40.0, "Il Responsabile del Servizio")],
    ]);
    let got = parties(p);
    let want = [
        ("Alfa Servizi S.r.l.", "15376371009"),
        ("Verdi Luigi", "VRDLGU75C12F205G"),
        ("Impianti Nord Soc. Coop.", "02748510365"),
    ];
    for (name, id) in want {
        assert!(
            got.iter()
                .any(|(_, n, t)| n == name && t.as_deref() == Some(id)),
            "{name} {id} in {got:?}"
        );
    }
    assert_eq!(got.len(), 3, "{got:?}");
}

#[test]
fn a_grid_of_bids_gives_no_party() {
    let p = page(&[
        &[(40.0, "DETERMINA")],
        &[(40.0, "1. di approvare la graduatoria delle offerte:")],
        &[(40.0, "Ditta"), (250.0, "Ribasso"), (420.0, "Punteggio")],
        &[
            (40.0, "Alfa Servizi S.r.l."),
            (250.0, "12,50%"),
            (420.0, "80"),
        ],
        &[
            (40.0, "Impianti Nord Soc. Coop."),
            (250.0, "10,00%"),
            (420.0, "72"),
        ],
        &[
            (40.0, "Gamma Lavori S.p.A."),
            (250.0, "9,00%"),
            (420.0, "65"),
        ],
    ]);
    assert_eq!(parties(p), vec![]);
}

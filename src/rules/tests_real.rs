//! Real deliberations of the Giunta and the Consiglio (Comune di Avella),
//! regional deliberations from the Lombardy bulletin (BURL d.g.r./d.c.r.)
//! and a university council's verbale, from `$ATTI_SHARED/corpus/real-it`.
//!
//! The expected values were read by a person from each document (number,
//! date, body, the start of the subject, present and absent counts where the
//! document has an attendance table, the vote where it gives one). The same
//! table is checked twice: on the text of atti's own PDF extractor
//! (`real_it_through_the_pipeline`, which needs the PDF extractor) and on
//! `pdftotext -layout` output when that tool is installed, a second layout
//! the rules must read as well (`real_it_on_pdftotext_layout`).

use chrono::NaiveDate;

use super::{RuleOutput, RuleSet};
use crate::read::{self, Limits, Page, SourceType};

struct Expect {
    file: &'static str,
    number: Option<&'static str>,
    date: (i32, u32, u32),
    body: &'static str,
    subject_start: &'static str,
    present: Option<u32>,
    absent: Option<u32>,
    /// For, against, abstaining.
    votes: Option<(u32, u32, u32)>,
    /// The act says it was approved unanimously ("con voti unanimi", "ad
    /// unanimità dei voti"...).
    unanimous: bool,
}

/// The same expectation, for an act approved unanimously.
const fn unanimous(x: Expect) -> Expect {
    Expect {
        unanimous: true,
        ..x
    }
}

const fn e(
    file: &'static str,
    number: Option<&'static str>,
    date: (i32, u32, u32),
    body: &'static str,
    subject_start: &'static str,
    present: Option<u32>,
    absent: Option<u32>,
) -> Expect {
    Expect {
        file,
        number,
        date,
        body,
        subject_start,
        present,
        absent,
        votes: None,
        unanimous: false,
    }
}

fn expected() -> Vec<Expect> {
    vec![
        unanimous(e("avella_Delibera_30__5312_DeliberadiGiunta_Copia_30_2026_1.pdf", Some("30"), (2026, 3, 3), "Giunta Comunale",
          "Costituzione delegazione trattante di parte datoriale per la stipula dei contratti integrativi e individuazione", Some(5), Some(0))),
        unanimous(e("avella_Delibera_31__5313_DeliberadiGiunta_Copia_31_2026_1.pdf", Some("31"), (2026, 3, 3), "Giunta Comunale",
          "APPROVAZIONE DEL PIANO ANNUALE DEI FLUSSI DI CASSA PER L'ESERCIZIO 2026", Some(5), Some(0))),
        unanimous(e("avella_Delibera_32__5314_DeliberadiGiunta_Copia_32_2026_1.pdf", Some("32"), (2026, 3, 3), "Giunta Comunale",
          "QUANTIFICAZIONE DEL FONDO GARANZIA DEBITI COMMERCIALI (F.G.D.C) PER L'ANNO 2026- PROVVEDIMENTI", Some(5), Some(0))),
        unanimous(e("avella_Delibera_36__5361_DeliberadiGiunta_Copia_36_2026_1.pdf", Some("36"), (2026, 3, 10), "Giunta Comunale",
          "Revoca in autotutela del regolamento per lo svolgimento delle sedute del Consiglio comunale", Some(5), Some(0))),
        unanimous(e("avella_Delibera_37__5362_DeliberadiGiunta_Copia_37_2026_1.pdf", Some("37"), (2026, 3, 10), "Giunta Comunale",
          "APPROVAZIONE PIANO DELLE PERFORMANCE E DEGLI OBIETTIVI PER", Some(5), Some(0))),
        unanimous(e("avella_Delibera_38__5363_DeliberadiGiunta_Copia_38_2026_1.pdf", Some("38"), (2026, 3, 10), "Giunta Comunale",
          "APPROVAZIONE DEL PIANO DELLE AZIONI POSITIVE DEL COMUNE DI AVELLA PER", Some(5), Some(0))),
        unanimous(e("avella_Delibera_1652001__5430_DeliberadiGiunta_Copia_42_2026_1.pdf", Some("42"), (2026, 3, 24), "Giunta Comunale",
          "PIANO TRIENNALE DEL FABBISOGNO DI PERSONALE 2026/2028 E", Some(5), Some(0))),
        unanimous(e("avella_Delibera_2__5332_DeliberadiGiunta_Copia_22_2026_pianioni_3.pdf", Some("22"), (2026, 2, 10), "Giunta Comunale",
          "APPROVAZIONE DEL PIANO DELLE ALIENAZIONI E VALORIZZAZIONE", Some(5), Some(0))),
        unanimous(e("avella_Determinazione_14__5429_DeliberadiGiunta_Copia_41_2026_1.pdf", Some("41"), (2026, 3, 24), "Giunta Comunale",
          "DISCIPLINA PER IL RILASCIO DELL'ATTESTAZIONE DI INUTILIZZABILITÀ DEI", Some(5), Some(0))),
        Expect {
            votes: Some((11, 0, 1)),
            ..e("avella_Delibera_1__5331_DeliberadiConsiglio_Copia_1_2026_1.pdf", Some("1"), (2026, 3, 3), "Consiglio Comunale",
                "LETTURA E APPROVAZIONE DEI VERBALI DELLA SEDUTA PRECEDENTE DI CONSIGLIO COMUNALE", Some(12), Some(1))
        },
        Expect {
            votes: Some((9, 3, 0)),
            ..e("avella_Delibera_2__5332_DeliberadiConsiglio_Copia_2_2026_1.pdf", Some("2"), (2026, 3, 3), "Consiglio Comunale",
                "APPROVAZIONE DEL PIANO DELLE ALIENAZIONI E VALORIZZAZIONE", Some(12), Some(1))
        },
        Expect {
            votes: Some((9, 3, 0)),
            ..e("avella_Delibera_3__5333_DeliberadiConsiglio_Copia_3_2026_1.pdf", Some("3"), (2026, 3, 3), "Consiglio Comunale",
                "APPROVAZIONE PIANO ECONOMICO - FINANZIARIO IDRICO 2026", Some(12), Some(1))
        },
        // The third-party plain-text version of DGC 37: one long line.
        e("avella_TXT_DGC37_2026.txt", Some("37"), (2026, 3, 10), "Giunta Comunale",
          "APPROVAZIONE PIANO DELLE PERFORMANCE E DEGLI OBIETTIVI PER L’ANNUALITA’ 2026", Some(5), Some(0)),
        unanimous(e("burl_elencoburl_30642080_policyIX2838_2_3.pdf", Some("IX/2838"), (2011, 12, 29), "Giunta Regionale",
          "Variazioni al bilancio per l’esercizio finanziario 2011 e bilancio pluriennale 2011-2013", None, None)),
        unanimous(e("burl_elencoburl_37349948_policyIX4605_3_11.pdf", Some("IX/4605"), (2012, 12, 28), "Giunta Regionale",
          "Prima attuazione della legge 135/2012", None, None)),
        unanimous(e("burl_elencoburl_37385005_policyIX4626_55_66.pdf", Some("IX/4626"), (2012, 12, 28), "Giunta Regionale",
          "Determinazione delle tariffe da applicare alle istruttorie", None, None)),
        unanimous(e("burl_elencoburl_37635350_policyIX4717_2_10.pdf", Some("IX/4717"), (2013, 1, 23), "Giunta Regionale",
          "Determinazioni in ordine alle linee guida regionali", None, None)),
        unanimous(e("burl_elencoburl_46950918_policyX1314_6_13.pdf", Some("X/1314"), (2014, 1, 30), "Giunta Regionale",
          "Approvazione del Programma 2014 per il contrasto", None, None)),
        Expect {
            votes: Some((58, 0, 0)),
            ..e("burl_elencoburl_46552620_policyX259_3_2.pdf", Some("X/259"), (2014, 1, 7), "Consiglio Regionale",
                "Mozione concernente il riconoscimento dello status di malattia rara alla sclerosi sistemica progressiva (sclerodermia)", Some(59), None)
        },
        e("burl_elencoburl_46552620_policyX261_4_4.pdf", Some("X/261"), (2014, 1, 7), "Consiglio Regionale",
          "Mozione concernente il patto di stabilità", Some(65), None),
        // A verbale with a roll call: 22 present, none absent, 3 absent with justification.
        e("unife_cda_odg0102_verbale_seduta_22mar2024.pdf", None, (2024, 3, 22), "Consiglio della Ricerca e Terza Missione",
          "Verbale della seduta del 22 marzo 2024", Some(22), Some(3)),
    ]
}

/// Compares one document's first decision with what a person read;
/// returns (values checked, mismatches).
fn compare(x: &RuleOutput, exp: &Expect) -> (usize, Vec<String>) {
    let mut checked = 0;
    let mut bad = Vec::new();
    let Some(d) = x.decisions.first() else {
        return (
            1,
            vec![format!("{}: no decision (kind {})", exp.file, x.kind)],
        );
    };
    let mut check = |what: &str, ok: bool, got: String| {
        checked += 1;
        if !ok {
            bad.push(format!("{}: {what}: got {got}", exp.file));
        }
    };
    if let Some(n) = exp.number {
        check(
            "number",
            d.act_number.as_deref() == Some(n),
            format!("{:?} want {n}", d.act_number),
        );
    }
    let date = NaiveDate::from_ymd_opt(exp.date.0, exp.date.1, exp.date.2);
    check(
        "date",
        d.decision_date == date,
        format!("{:?} want {date:?}", d.decision_date),
    );
    check(
        "body",
        d.body.as_deref() == Some(exp.body),
        format!("{:?} want {}", d.body, exp.body),
    );
    let subj = d.subject.as_deref().unwrap_or("");
    // Apostrophes and spacing differ between producers; compare words.
    let norm = |s: &str| {
        s.replace(['’', '\''], "'")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    check(
        "subject",
        norm(subj).starts_with(&norm(exp.subject_start)),
        format!("{subj:?} want start {:?}", exp.subject_start),
    );
    if let Some(p) = exp.present {
        check(
            "present",
            d.present_count == Some(p),
            format!("{:?} want {p}", d.present_count),
        );
    }
    if let Some(a) = exp.absent {
        check(
            "absent",
            d.absent_count == Some(a),
            format!("{:?} want {a}", d.absent_count),
        );
    }
    if exp.unanimous {
        check(
            "outcome",
            d.outcome.as_deref() == Some("approvata all'unanimità"),
            format!("{:?} want approvata all'unanimità", d.outcome),
        );
    }
    if let Some((f, c, s)) = exp.votes {
        check(
            "votes_for",
            d.votes_for == Some(f),
            format!("{:?} want {f}", d.votes_for),
        );
        check(
            "votes_against",
            d.votes_against == Some(c),
            format!("{:?} want {c}", d.votes_against),
        );
        check(
            "abstentions",
            d.abstentions.unwrap_or(0) == s,
            format!("{:?} want {s}", d.abstentions),
        );
    }
    (checked, bad)
}

fn run(pages_of: impl Fn(&std::path::Path) -> Option<Vec<Page>>) -> Option<(usize, Vec<String>)> {
    let dir = atti_dev::shared::path("corpus/real-it", "the real-document rules test")?;
    let rules = RuleSet::load(None, true).expect("built-in rules");
    let mut checked = 0;
    let mut bad = Vec::new();
    for exp in expected() {
        let path = dir.join(exp.file);
        let Some(pages) = pages_of(&path) else {
            bad.push(format!("{}: could not be read", exp.file));
            checked += 1;
            continue;
        };
        let x = rules.apply(&pages);
        if exp.file.starts_with("avella")
            || exp.file.starts_with("burl")
            || exp.file.starts_with("unife")
        {
            if x.kind != "deliberation" {
                bad.push(format!("{}: kind {} want deliberation", exp.file, x.kind));
            }
            checked += 1;
        }
        let (c, b) = compare(&x, &exp);
        checked += c;
        bad.extend(b);
    }
    Some((checked, bad))
}

fn atti_pages(path: &std::path::Path) -> Option<Vec<Page>> {
    let bytes = std::fs::read(path).ok()?;
    let ty = SourceType::from_extension(path)?;
    read::read(&bytes, ty, &Limits::default())
        .ok()
        .map(|e| e.pages)
}

/// Needs atti's PDF extractor (the `pdf` branch): before it lands every PDF
/// reads as "could not be read" and this test fails.
#[test]
fn real_it_through_the_pipeline() {
    let Some((checked, bad)) = run(atti_pages) else {
        return;
    };
    eprintln!(
        "real-it (atti extractor): {}/{checked} values matched",
        checked - bad.len()
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// `pdftotext -layout` pages (split at form feeds), when the tool is installed.
fn pdftotext_pages(path: &std::path::Path) -> Option<Vec<Page>> {
    if path.extension().is_some_and(|e| e == "txt") {
        return atti_pages(path);
    }
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    Some(
        text.split('\u{c}')
            .enumerate()
            .map(|(i, t)| Page {
                number: i as u32 + 1,
                text: t.to_owned(),
                ..Page::default()
            })
            .collect(),
    )
}

#[test]
fn real_it_on_pdftotext_layout() {
    if std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_err()
    {
        eprintln!("skipped: pdftotext is not installed");
        return;
    }
    let Some((checked, bad)) = run(pdftotext_pages) else {
        return;
    };
    eprintln!(
        "real-it (pdftotext -layout): {}/{checked} values matched",
        checked - bad.len()
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

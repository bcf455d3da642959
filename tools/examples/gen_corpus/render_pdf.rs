//! PDF renderings of the documents, in the font set-ups and text styles real
//! producers use, laid out with `atti_dev::pdfgen`.

use std::sync::Arc;

use atti_dev::pdfgen::{
    Column, Flow, FontId, FontKind, PageSetup, PdfBuilder, Standard14, TableLayout, TextStyle,
    TrueTypeFont,
};

use crate::model::{Deliberation, Organ, Peg};
use crate::rng::Rng;
use crate::vocab::PRODUCERS;

/// The TrueType fonts available (subsets), if any.
#[derive(Clone, Default)]
pub struct Fonts {
    pub regular: Option<Arc<TrueTypeFont>>,
    pub bold: Option<Arc<TrueTypeFont>>,
}

/// A finished PDF and how it was made.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub fonts: &'static str,
    pub style: &'static str,
}

struct Start {
    pdf: PdfBuilder,
    regular: FontId,
    bold: FontId,
    fonts: &'static str,
    style: &'static str,
}

fn start(rng: &mut Rng, fonts: &Fonts, title: &str, date: &str) -> Start {
    let mut pdf = PdfBuilder::new();
    let tt = fonts.regular.clone();
    let choice = if tt.is_some() {
        rng.below(4)
    } else {
        rng.below(2)
    };
    let (regular, bold, name) = match (choice, tt) {
        (2, Some(r)) => {
            let b = fonts.bold.clone().unwrap_or_else(|| r.clone());
            (
                pdf.add_font(FontKind::TrueType(r)),
                pdf.add_font(FontKind::TrueType(b)),
                "truetype-identity-h",
            )
        }
        (3, Some(r)) => (
            pdf.add_font(FontKind::TrueType(r)),
            pdf.add_font(FontKind::Standard(Standard14::HelveticaBold)),
            "mixed",
        ),
        (1, _) => (
            pdf.add_font(FontKind::Standard(Standard14::TimesRoman)),
            pdf.add_font(FontKind::Standard(Standard14::TimesBold)),
            "times-winansi",
        ),
        _ => (
            pdf.add_font(FontKind::Standard(Standard14::Helvetica)),
            pdf.add_font(FontKind::Standard(Standard14::HelveticaBold)),
            "helvetica-winansi",
        ),
    };
    let (style, style_name) = match rng.below(4) {
        0 | 1 => (TextStyle::Runs, "runs"),
        2 => (TextStyle::Words, "words"),
        _ => (TextStyle::Kerned, "kerned"),
    };
    pdf.set_text_style(style);
    pdf.info("Title", title);
    pdf.info("Producer", *rng.pick(PRODUCERS));
    pdf.info("CreationDate", date);
    Start {
        pdf,
        regular,
        bold,
        fonts: name,
        style: style_name,
    }
}

/// "Pagina i di n" at the foot of every page, once the page count is known.
fn footers(pdf: &mut PdfBuilder, font: FontId, setup: &PageSetup, left_text: &str) {
    let n = pdf.page_count();
    for i in 0..n {
        pdf.set_page(i);
        pdf.text(font, 8.0, setup.left, 25.0, left_text);
        let label = format!("Pagina {} di {}", i + 1, n);
        let w = pdf.text_width(font, 8.0, &label);
        pdf.text(font, 8.0, setup.width - setup.right - w, 25.0, &label);
    }
}

fn finish(s: Start) -> std::io::Result<Rendered> {
    let pages = s.pdf.page_count();
    let bytes = s
        .pdf
        .to_bytes()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(Rendered {
        bytes,
        pages,
        fonts: s.fonts,
        style: s.style,
    })
}

fn pdf_date(iso: &str) -> String {
    format!("D:{}120000+01'00'", iso.replace('-', ""))
}

pub fn peg(p: &Peg, rng: &mut Rng, fonts: &Fonts) -> std::io::Result<Rendered> {
    let created = pdf_date(&format!("{}-01-15", p.year));
    let mut s = start(rng, fonts, &format!("{} {}", p.code, p.title), &created);
    let (r, b) = (s.regular, s.bold);
    let setup = PageSetup::a4_landscape();
    let ruled = rng.chance(0.7);
    {
        let mut f = Flow::new(&mut s.pdf, setup);
        if rng.chance(0.5) {
            f.line(&[(r, 8.0, 0.0, &format!("Comune di {}", p.comune))]);
        }
        f.centred(b, 14.0, "PIANO ESECUTIVO DI GESTIONE");
        f.gap(6.0);
        f.paragraph(b, 11.0, 0.0, &format!("{} {}", p.code, p.title));
        f.gap(6.0);
        let size = 9.0;
        f.line(&[
            (b, size, 0.0, "Direzione"),
            (r, size, 75.0, &p.direzione),
            (b, size, 330.0, "Direttore"),
            (r, size, 390.0, &p.direttore),
            (b, size, 560.0, "Classificazione"),
            (r, size, 640.0, &p.classificazione),
        ]);
        f.line(&[
            (b, size, 0.0, "Servizio"),
            (r, size, 75.0, &p.servizio),
            (b, size, 330.0, "Dirigente"),
            (r, size, 390.0, &p.dirigente),
            (b, size, 560.0, "Tipologia"),
            (r, size, 640.0, &p.tipologia),
        ]);
        f.gap(4.0);
        f.line(&[(b, size, 0.0, "Collegato a")]);
        f.line(&[(
            r,
            size,
            0.0,
            &format!(
                "INDIRIZZO STRATEGICO D.U.P.: {} {}",
                p.indirizzo.0, p.indirizzo.1
            ),
        )]);
        f.line(&[(
            r,
            size,
            0.0,
            &format!(
                "OBIETTIVO STRATEGICO D.U.P.: {} {}",
                p.strategico.0, p.strategico.1
            ),
        )]);
        f.gap(4.0);
        f.line(&[
            (b, size, 0.0, "Obiettivo Operativo"),
            (r, size, 150.0, &p.operativo),
        ]);
        f.line(&[(b, size, 0.0, "del D.U.P.")]);
        f.gap(4.0);
        let top = f.y;
        f.line(&[(b, size, 0.0, "Descrizione")]);
        f.line(&[(b, size, 0.0, "dettagliata")]);
        f.line(&[(b, size, 0.0, "dell'obiettivo")]);
        if f.pdf.page_count() == 1 {
            f.y = top;
        }
        f.paragraph(r, size, 150.0, &p.description.join(" "));
        f.gap(8.0);
        f.line(&[(b, 10.0, 0.0, "GANTT")]);
        f.line(&[(b, 10.0, 0.0, "FASI")]);
        let phases = TableLayout {
            columns: vec![
                Column::new("Descrizione", 30.0),
                Column::new("Peso", 5.0),
                Column::new("Inizio Previsto", 9.0),
                Column::new("Fine Prevista", 9.0),
                Column::new("Responsabile", 14.0),
                Column::new("Centro di Responsabilità", 18.0),
                Column::new("Note", 15.0),
            ],
            header_font: b,
            body_font: r,
            size: 8.0,
            ruled,
            shaded_header: rng.chance(0.5),
            repeat_header: rng.chance(0.7),
        };
        let rows: Vec<Vec<String>> = p
            .phases
            .iter()
            .map(|ph| {
                vec![
                    ph.description.clone(),
                    ph.weight.map(|w| w.to_string()).unwrap_or_default(),
                    ph.start.slash(),
                    ph.end.slash(),
                    ph.responsible.clone(),
                    ph.centre.clone(),
                    ph.note.clone(),
                ]
            })
            .collect();
        phases.draw(&mut f, &rows);
        f.gap(10.0);
        f.ensure(40.0);
        f.line(&[(b, 10.0, 0.0, "INDICATORI")]);
        let indicators = TableLayout {
            columns: vec![
                Column::new("Descrizione", 60.0),
                Column::new("Tipo", 20.0),
                Column::new("Valore Atteso", 20.0),
            ],
            header_font: b,
            body_font: r,
            size: 8.0,
            ruled,
            shaded_header: false,
            repeat_header: true,
        };
        let rows: Vec<Vec<String>> = p
            .indicators
            .iter()
            .map(|i| vec![i.description.clone(), i.kind.clone(), i.target.clone()])
            .collect();
        indicators.draw(&mut f, &rows);
    }
    footers(
        &mut s.pdf,
        r,
        &setup,
        &format!("PEG {} – {}", p.year, p.code),
    );
    finish(s)
}

pub fn deliberation(d: &Deliberation, rng: &mut Rng, fonts: &Fonts) -> std::io::Result<Rendered> {
    let created = pdf_date(&d.date.iso());
    let mut s = start(rng, fonts, &d.subject, &created);
    let (r, b) = (s.regular, s.bold);
    let setup = PageSetup::a4_portrait();
    let size = 10.0;
    {
        let mut f = Flow::new(&mut s.pdf, setup);
        f.centred(b, 14.0, &format!("COMUNE DI {}", d.comune.to_uppercase()));
        f.centred(r, 9.0, &format!("Provincia di {}", d.provincia));
        f.gap(12.0);
        let heading = match rng.below(3) {
            0 => format!(
                "DELIBERAZIONE DELLA {} N. {} DEL {}",
                d.organ_upper(),
                d.number,
                d.date.slash()
            ),
            1 => format!("VERBALE DI DELIBERAZIONE DELLA {}", d.organ_upper())
                .replace("DELLA CONSIGLIO", "DEL CONSIGLIO"),
            _ => format!("DELIBERAZIONE DELLA {}", d.organ_upper())
                .replace("DELLA CONSIGLIO", "DEL CONSIGLIO"),
        };
        let heading = heading.replace("DELLA CONSIGLIO", "DEL CONSIGLIO");
        f.centred(b, 11.0, &heading);
        if !heading.contains(" N. ") {
            f.centred(b, 11.0, &format!("N. {} del {}", d.number, d.date.slash()));
        }
        f.gap(10.0);
        f.label_value((b, "OGGETTO:"), (b, &d.subject), size, 60.0);
        f.gap(10.0);
        f.paragraph(r, size, 0.0, &d.opening());
        f.gap(4.0);
        let marks = rng.chance(0.5);
        let table = TableLayout {
            columns: if marks {
                vec![
                    Column::new("Cognome e Nome", 45.0),
                    Column::new("Carica", 25.0),
                    Column::new("Presente", 15.0),
                    Column::new("Assente", 15.0),
                ]
            } else {
                vec![
                    Column::new("Nominativo", 50.0),
                    Column::new("Carica", 30.0),
                    Column::new("Presente/Assente", 20.0),
                ]
            },
            header_font: b,
            body_font: r,
            size: 9.0,
            ruled: rng.chance(0.6),
            shaded_header: false,
            repeat_header: true,
        };
        let rows: Vec<Vec<String>> = d
            .members
            .iter()
            .map(|m| {
                if marks {
                    let (p, a) = if m.present { ("X", "") } else { ("", "X") };
                    vec![m.name.clone(), m.role.clone(), p.into(), a.into()]
                } else {
                    let pa = if m.present { "Presente" } else { "Assente" };
                    vec![m.name.clone(), m.role.clone(), pa.into()]
                }
            })
            .collect();
        table.draw(&mut f, &rows);
        let present = d.members.iter().filter(|m| m.present).count();
        f.gap(4.0);
        f.line(&[(
            r,
            size,
            0.0,
            &format!(
                "Presenti n. {}   Assenti n. {}",
                present,
                d.members.len() - present
            ),
        )]);
        f.gap(4.0);
        f.paragraph(
            r,
            size,
            0.0,
            &format!(
                "Partecipa il Segretario Generale {}, che provvede alla redazione del presente verbale. \
                 Il Presidente {}, constatato il numero legale degli intervenuti, dichiara aperta la seduta \
                 e invita a deliberare sull’oggetto sopra indicato.",
                d.secretary, d.president
            ),
        );
        f.gap(8.0);
        f.centred(
            b,
            11.0,
            match d.organ {
                Organ::Giunta => "LA GIUNTA COMUNALE",
                Organ::Consiglio => "IL CONSIGLIO COMUNALE",
            },
        );
        f.gap(4.0);
        for p in &d.premises {
            f.paragraph(r, size, 0.0, p);
            f.gap(2.0);
        }
        f.paragraph(
            r,
            size,
            0.0,
            "Acquisiti i pareri favorevoli di regolarità tecnica e contabile espressi ai sensi dell’art. 49 del D.Lgs. 267/2000;",
        );
        f.gap(2.0);
        f.paragraph(r, size, 0.0, &d.votes_sentence());
        f.gap(6.0);
        f.centred(b, 11.0, "DELIBERA");
        f.gap(4.0);
        for (i, dec) in d.decisions.iter().enumerate() {
            f.paragraph(r, size, 0.0, &format!("{}. {}", i + 1, dec));
            f.gap(2.0);
        }
        if d.immediately_executable {
            f.gap(4.0);
            f.paragraph(
                r,
                size,
                0.0,
                "Inoltre, con separata votazione, riportante il medesimo esito,",
            );
            f.centred(b, 11.0, "DELIBERA");
            f.paragraph(r, size, 0.0, Deliberation::EXECUTABLE);
        }
        f.gap(20.0);
        f.ensure(40.0);
        f.line(&[
            (b, size, 20.0, "IL PRESIDENTE"),
            (b, size, 300.0, "IL SEGRETARIO GENERALE"),
        ]);
        f.line(&[
            (r, size, 20.0, &d.president),
            (r, size, 300.0, &d.secretary),
        ]);
    }
    let left = format!(
        "Deliberazione {} n. {} del {}",
        match d.organ {
            Organ::Giunta => "G.C.",
            Organ::Consiglio => "C.C.",
        },
        d.number,
        d.date.slash()
    );
    footers(&mut s.pdf, r, &setup, &left);
    finish(s)
}

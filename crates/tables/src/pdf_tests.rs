//! Real PDFs: pages written by the repo's PDF writer (`atti-dev`'s
//! `pdfgen`), read back by atti's PDF reader, then by `find`. The grids are
//! the same whether the reader gives the page's ruling lines (lattice) or
//! not (stream).

use atti_dev::pdfgen::{FontKind, PdfBuilder, Standard14};
use atti_page::{Limits, TableMode};

const H: f32 = 842.0;

/// A page with a title, a paragraph, a ruled phase table (header over two
/// lines, a description that wraps beside centred dates) and an unruled
/// indicator table.
fn sheet() -> Vec<u8> {
    let mut pdf = PdfBuilder::new();
    let f = pdf.add_font(FontKind::Standard(Standard14::Helvetica));
    let b = pdf.add_font(FontKind::Standard(Standard14::HelveticaBold));
    pdf.add_page(595.0, H);
    let t = |font, size: f32, x: f32, top_y: f32, s: &str, pdf: &mut PdfBuilder| {
        pdf.text(font, size, x, H - top_y, s)
    };
    t(
        b,
        12.0,
        200.0,
        50.0,
        "PIANO ESECUTIVO DI GESTIONE",
        &mut pdf,
    );
    t(
        f,
        9.0,
        50.0,
        80.0,
        "L'obiettivo prevede la revisione dei procedimenti interni e la loro",
        &mut pdf,
    );
    t(
        f,
        9.0,
        50.0,
        91.0,
        "completa digitalizzazione, secondo le fasi e gli indicatori seguenti.",
        &mut pdf,
    );
    // The phase table: columns at 50 | 280 | 360 | 440 | 545, rows ruled.
    let xs = [50.0, 280.0, 360.0, 440.0, 545.0];
    let ys = [110.0, 136.0, 162.0, 178.0];
    for &y in &ys {
        pdf.line(xs[0], H - y, xs[4], H - y, 0.5);
    }
    for &x in &xs {
        pdf.line(x, H - ys[0], x, H - ys[3], 0.5);
    }
    t(b, 9.0, 54.0, 126.0, "Descrizione", &mut pdf);
    t(b, 9.0, 284.0, 121.0, "Inizio", &mut pdf);
    t(b, 9.0, 284.0, 131.0, "previsto", &mut pdf);
    t(b, 9.0, 364.0, 121.0, "Fine", &mut pdf);
    t(b, 9.0, 364.0, 131.0, "prevista", &mut pdf);
    t(b, 9.0, 444.0, 126.0, "Responsabile", &mut pdf);
    t(
        f,
        9.0,
        54.0,
        147.0,
        "Predisposizione della bozza di convenzione",
        &mut pdf,
    );
    t(f, 9.0, 54.0, 157.0, "per i servizi associati", &mut pdf);
    t(f, 9.0, 284.0, 152.0, "01/01/2021", &mut pdf);
    t(f, 9.0, 364.0, 152.0, "30/04/2021", &mut pdf);
    t(f, 9.0, 444.0, 152.0, "ROSSI ANNA", &mut pdf);
    t(f, 9.0, 54.0, 173.0, "Incontri con gli enti", &mut pdf);
    t(f, 9.0, 284.0, 173.0, "01/05/2021", &mut pdf);
    t(f, 9.0, 364.0, 173.0, "31/12/2021", &mut pdf);
    t(f, 9.0, 444.0, 173.0, "BIANCHI LUCA", &mut pdf);
    // The indicator table, no lines at all.
    t(b, 9.0, 50.0, 220.0, "Indicatore", &mut pdf);
    t(b, 9.0, 300.0, 220.0, "Tipo", &mut pdf);
    t(b, 9.0, 420.0, 220.0, "Valore atteso", &mut pdf);
    t(
        f,
        9.0,
        50.0,
        234.0,
        "N. incontri con enti coinvolti",
        &mut pdf,
    );
    t(f, 9.0, 300.0, 234.0, "RISULTATO", &mut pdf);
    t(f, 9.0, 420.0, 234.0, ">=3", &mut pdf);
    t(f, 9.0, 50.0, 248.0, "N. enti coinvolti", &mut pdf);
    t(f, 9.0, 300.0, 248.0, "RISULTATO", &mut pdf);
    t(f, 9.0, 420.0, 248.0, ">= 2", &mut pdf);
    pdf.to_bytes().unwrap_or_default()
}

#[test]
fn a_written_sheet_reads_back_as_its_two_tables() {
    let bytes = sheet();
    let reading = atti_pdf::read(&bytes, &Limits::default());
    let page = reading
        .ok()
        .and_then(|r| r.pages.into_iter().next())
        .unwrap_or_default();
    assert!(!page.words.is_empty(), "the PDF reader gave no words");
    let tables = crate::find(&page, &crate::Settings::default());
    let grids: Vec<Vec<Vec<String>>> = tables.iter().map(crate::grid).collect();
    let modes: Vec<TableMode> = tables.iter().map(|t| t.mode).collect();
    if page.rulings.is_empty() {
        assert_eq!(modes, vec![TableMode::Stream, TableMode::Stream]);
    } else {
        assert_eq!(modes, vec![TableMode::Lattice, TableMode::Stream]);
    }
    let phases = crate::testkit::rows(&[
        &[
            "Descrizione",
            "Inizio previsto",
            "Fine prevista",
            "Responsabile",
        ],
        &[
            "Predisposizione della bozza di convenzione per i servizi associati",
            "01/01/2021",
            "30/04/2021",
            "ROSSI ANNA",
        ],
        &[
            "Incontri con gli enti",
            "01/05/2021",
            "31/12/2021",
            "BIANCHI LUCA",
        ],
    ]);
    let indicators = crate::testkit::rows(&[
        &["Indicatore", "Tipo", "Valore atteso"],
        &["N. incontri con enti coinvolti", "RISULTATO", ">=3"],
        &["N. enti coinvolti", "RISULTATO", ">= 2"],
    ]);
    assert_eq!(grids, vec![phases, indicators]);
}

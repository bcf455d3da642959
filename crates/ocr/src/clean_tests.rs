//! Tests of [`super`]: what tesseract read, cleaned as the acts print it.

use super::*;
use crate::raster::inked;

/// The row of `words` set a space apart, cleaned, as one string.
fn spaced_row(words: &[&str]) -> String {
    let ws = words
        .iter()
        .enumerate()
        .map(|(i, w)| piece(w, 100.0 * i as f32, 100.0 * i as f32 + 80.0))
        .collect();
    row(ws, 46.0)
        .iter()
        .map(|w| w.text.clone())
        .collect::<Vec<_>>()
        .join(" ")
}

fn piece(text: &str, x0: f32, x1: f32) -> Piece {
    Piece {
        text: text.into(),
        b: [x0, 100.0, x1, 132.0],
        conf: 96.0,
    }
}

#[test]
fn a_capital_i_read_as_l_among_capitals_is_put_back() {
    assert_eq!(
        spaced_row(&["AREE", "EDIFICABILI", "Al", "FINI", "DELLA"]),
        "AREE EDIFICABILI AI FINI DELLA"
    );
    assert_eq!(
        spaced_row(&["Al", "SENSI", "DELL'ART."]),
        "AI SENSI DELL'ART."
    );
    assert_eq!(spaced_row(&["IN", "MERITO", "Al"]), "IN MERITO AI");
    // The preposition opening a sentence, or beside lower case, stays.
    assert_eq!(spaced_row(&["Al", "Sindaco"]), "Al Sindaco");
    assert_eq!(
        spaced_row(&["TRASMESSA", "Al", "dirigente"]),
        "TRASMESSA Al dirigente"
    );
    assert_eq!(spaced_row(&["Al"]), "Al");
}

#[test]
fn the_article_il_read_as_a_roman_two_before_an_officer_is_put_back() {
    assert_eq!(
        spaced_row(&["II", "DIRETTORE", "GENERALE"]),
        "Il DIRETTORE GENERALE"
    );
    assert_eq!(
        spaced_row(&["II", "Responsabile", "del"]),
        "Il Responsabile del"
    );
    // A Roman numeral numbering a unit or a period stays.
    assert_eq!(spaced_row(&["II", "SETTORE"]), "II SETTORE");
    assert_eq!(spaced_row(&["del", "II", "semestre"]), "del II semestre");
}

#[test]
fn an_elision_cut_by_tesseract_is_joined_by_its_boxes() {
    // Boxes of a real scan at 300 dpi, font size about 46 px: "dell’"
    // and "Amministrazione" 3 px apart, "all’ operatore" (a space in
    // the original) 19 px apart.
    let row_text = |ws: Vec<Piece>| {
        row(ws, 46.0)
            .iter()
            .map(|w| w.text.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        row_text(vec![
            piece("dell’", 755., 833.),
            piece("Amministrazione", 836., 1174.)
        ]),
        "dell’Amministrazione"
    );
    assert_eq!(
        row_text(vec![
            piece("all’", 889., 938.),
            piece("operatore", 957., 1138.)
        ]),
        "all’ operatore"
    );
    // `l. r.` set with a space, its `l` read as a capital `I`; a
    // Roman `I.` before a word is left so.
    assert_eq!(
        row_text(vec![
            piece("della", 100., 180.),
            piece("I.", 195., 210.),
            piece("r.", 225., 245.),
            piece("5/2010", 260., 380.)
        ]),
        "della l. r. 5/2010"
    );
    assert_eq!(
        row_text(vec![piece("I.", 195., 210.), piece("Premesse", 225., 345.)]),
        "I. Premesse"
    );
    // A bar read for the `l` of an elided article: web acts of two
    // bodies printed and scanned ("approvata l adesione", "In Aosta,
    // l anno"); a printed bar between a number and a word stays.
    assert_eq!(
        row_text(vec![
            piece("approvata", 100., 280.),
            piece("|", 295., 300.),
            piece("adesione", 312., 480.)
        ]),
        "approvata l adesione"
    );
    assert_eq!(
        row_text(vec![
            piece("0123", 100., 180.),
            piece("|", 195., 200.),
            piece("Fax", 212., 280.)
        ]),
        "0123 | Fax"
    );
    assert_eq!(
        row_text(vec![piece("|", 195., 200.), piece("12", 212., 250.)]),
        "| 12"
    );
    assert_eq!(
        row_text(vec![piece("|", 195., 200.), piece("progetti", 212., 350.)]),
        "| progetti"
    );
    assert_eq!(
        row_text(vec![
            piece("unanimita'", 173., 335.),
            piece("dei", 344., 389.)
        ]),
        "unanimita' dei"
    );
}

#[test]
fn a_bar_that_runs_on_is_a_ruling() {
    // The side of the box round an act's OGGETTO (300 dpi, font size
    // 51 px): tesseract gave its piece as `|` at rows 4 to 20 of a
    // 3 px stroke that runs from row 0 to the image's foot; a printed
    // bar ends with its box.
    let mut g = inked(40, &[(10, 13, 0)]);
    for y in 4..20 {
        for x in 30..33 {
            g.pixels[y * 40 + x] = 0;
        }
    }
    let bar = |x0: f32| Piece {
        text: "|".into(),
        b: [x0, 4.0, x0 + 3.0, 20.0],
        conf: 96.0,
    };
    let word = Piece {
        text: "Ordinanza".into(),
        b: [14.0, 4.0, 28.0, 20.0],
        conf: 93.0,
    };
    let kept = drop_rulings(vec![bar(10.0), word, bar(30.0)], 20.0, &g);
    let text: Vec<&str> = kept.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(text, ["Ordinanza", "|"]);
}

#[test]
fn a_dash_read_where_no_ink_is_no_word() {
    // A justified line's wide gap, white, where tesseract read `—` (a box
    // as tall as the capitals), and a printed dash (4 rows of ink).
    let mut g = inked(60, &[]);
    for y in 10..14 {
        for x in 40..52 {
            g.pixels[y * 60 + x] = 0;
        }
    }
    let piece = |text: &str, x0: f32, x1: f32| Piece {
        text: text.into(),
        b: [x0, 2.0, x1, 22.0],
        conf: 78.0,
    };
    let kept = drop_phantom_dashes(
        vec![
            piece("—", 10.0, 20.0),
            piece("-", 39.0, 53.0),
            piece("PIATTAFORMA", 54.0, 60.0),
        ],
        &g,
    );
    let text: Vec<&str> = kept.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(text, ["-", "PIATTAFORMA"]);
}

#[test]
fn a_thin_dash_half_inked_is_a_dash() {
    // A dash one pixel high, each pixel half covered (grey 140, as a
    // faded copy prints it: none under the ink threshold), on paper of a
    // copy's grey (200): it stays; a gap of that paper does not.
    let mut g = inked(60, &[]);
    g.pixels.iter_mut().for_each(|p| *p = 200);
    for x in 40..48 {
        g.pixels[12 * 60 + x] = 140;
    }
    assert!(!g.is_ink(44, 12));
    let piece = |text: &str, x0: f32, x1: f32| Piece {
        text: text.into(),
        b: [x0, 10.0, x1, 14.0],
        conf: 60.0,
    };
    let kept = drop_phantom_dashes(vec![piece("-", 10.0, 18.0), piece("-", 40.0, 48.0)], &g);
    let at: Vec<f32> = kept.iter().map(|w| w.b[0]).collect();
    assert_eq!(at, [40.0]);
}

#[test]
fn question_marks_dashes_and_numerals() {
    assert_eq!(word("ANNUALITA?"), "ANNUALITA’");
    assert_eq!(word("dell?Ente"), "dell’Ente");
    assert_eq!(word("partecipare?"), "partecipare?");
    assert_eq!(word("PERCHÉ?"), "PERCHÉ?");
    assert_eq!(word("—"), "–");
    assert_eq!(word("--"), "–");
    assert_eq!(word("—-"), "–");
    assert_eq!(word("-–"), "–");
    assert_eq!(word("---"), "---");
    assert_eq!(word("2022--2024"), "2022--2024");
    assert_eq!(word("|’anno"), "l’anno");
    assert_eq!(word("(|a"), "(la");
    assert_eq!(word("|"), "|");
    assert_eq!(word("||"), "||");
    assert_eq!(word("|A"), "|A");
    assert_eq!(word("1X/2838"), "IX/2838");
    assert_eq!(word("1X°"), "IX°");
    assert_eq!(word("n.1X/2838"), "n.IX/2838");
    assert_eq!(word("(n.11/2024)"), "(n.11/2024)");
    assert_eq!(word("X1/3"), "XI/3");
    assert_eq!(word("11/2024"), "11/2024");
    assert_eq!(word("1L/2"), "1L/2");
    assert_eq!(word("IX/2838"), "IX/2838");
    // "Progetto “IO”" of a real act, read as “lO”.
    assert_eq!(word("“lO”"), "“IO”");
    assert_eq!(word("ATTlVITÀ"), "ATTIVITÀ");
    assert_eq!(word("l'ACQUA"), "l'ACQUA");
    assert_eq!(word("dell'lNPS"), "dell'INPS");
    assert_eq!(word("il"), "il");
    assert_eq!(word("Il"), "Il");
    // "per le Politiche" under a table's rule, read "per Ie".
    assert_eq!(word("Ie"), "le");
    assert_eq!(word("(Ia"), "(la");
    assert_eq!(word("Ie,"), "le,");
    assert_eq!(word("Io"), "Io");
    assert_eq!(word("Iea"), "Iea");
    assert_eq!(word("IA"), "IA");
    assert_eq!(word("Le"), "Le");
    // "l.r. 34/78" of a bulletin's subject, read at 200 dpi.
    assert_eq!(word("I.r."), "l.r.");
    assert_eq!(word("(I.p."), "(l.p.");
    assert_eq!(word("I.V.A."), "I.V.A.");
    assert_eq!(word("I.N.p."), "I.N.p.");
    assert_eq!(word("I."), "I.");
    // "d.lgs. 152/06" of a bulletin's subject on a noisy scan.
    assert_eq!(word("d.igs."), "d.lgs.");
    assert_eq!(word("D.Igs."), "D.lgs.");
    assert_eq!(word("(D.1gs."), "(D.lgs.");
    assert_eq!(word("D.Lgs."), "D.Lgs.");
    assert_eq!(word("a.igs"), "a.igs");
    // "D.d.u.o. 23 dicembre 2011" of a bulletin's heading at 200 dpi.
    assert_eq!(word("D.d.u.0."), "D.d.u.o.");
    assert_eq!(word("U.0."), "U.O.");
    assert_eq!(word("2O11"), "2011");
    assert_eq!(word("1o2/2024"), "102/2024");
    assert_eq!(word("1.0.2"), "1.0.2");
    assert_eq!(word("Oggetto"), "Oggetto");
    assert_eq!(word("2o"), "2o");
}

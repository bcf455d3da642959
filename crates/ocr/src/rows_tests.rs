//! Tests of [`super`]: rows, gutters and pictures on the boxes of real pages.

use super::*;

fn line(block: u32, words: &[(&str, [f32; 4])]) -> Line {
    Line {
        block,
        words: words
            .iter()
            .map(|(t, b)| Piece {
                text: (*t).into(),
                b: *b,
                conf: 95.0,
            })
            .collect(),
    }
}

#[test]
fn a_margin_beside_a_subject_is_one_row_with_it() {
    // The boxes of a real page at 300 dpi (a determination of Avella):
    // the margin's "N. 52 DEL" sits 14 px above the subject's baseline,
    // and tesseract reads it as a block of its own.
    let lines = vec![
        line(6, &[("DETERMINAZIONE", [461., 846., 1000., 886.])]),
        line(
            8,
            &[
                ("N.", [231., 913., 260., 945.]),
                ("DEL", [340., 913., 436., 945.]),
            ],
        ),
        line(
            9,
            &[
                ("OGGETTO:", [564., 927., 800., 959.]),
                ("progetto", [2200., 927., 2353., 968.]),
            ],
        ),
        line(9, &[("28/04/2026", [230., 965., 437., 997.])]),
        line(
            10,
            &[
                ("“LEGAMI", [564., 980., 780., 1012.]),
                ("la", [2300., 980., 2354., 1012.]),
            ],
        ),
    ];
    let rows = rows(lines, 2550.0);
    let text: Vec<String> = rows
        .iter()
        .map(|r| {
            r.words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(
        text,
        [
            "DETERMINAZIONE",
            "N. DEL OGGETTO: progetto",
            "28/04/2026 “LEGAMI la"
        ]
    );
    assert!((rows[1].base - 959.0).abs() < 0.1, "the subject's baseline");
    assert!((rows[0].size - 40.0 / CAP_HEIGHT).abs() < 0.1);
}

/// The words of `rows`, a row a string.
fn texts(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .map(|r| {
            r.words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn a_margin_beside_a_subject_is_one_row_with_it_on_a_skewed_scan() {
    // The page of the test above scanned 0.6° askew (clockwise: a line
    // drops 1 px every 95 to the right), with the prose under the heading
    // whose words give the skew. Level, the margin's "N. DEL" would sit 14
    // px above the subject's baseline; askew, the subject's line (its
    // median foot near its middle) stands 26 px below it, more than
    // SAME_ROW of the size.
    let tilt = 0.6f32.to_radians().tan();
    let askew = |b: [f32; 4]| {
        let dy = tilt * 0.5 * (b[0] + b[2]);
        [b[0], b[1] + dy, b[2], b[3] + dy]
    };
    let l = |block: u32, words: &[(&str, [f32; 4])]| {
        let turned: Vec<(&str, [f32; 4])> = words.iter().map(|(t, b)| (*t, askew(*b))).collect();
        line(block, &turned)
    };
    let mut lines = vec![
        l(6, &[("DETERMINAZIONE", [461., 846., 1000., 886.])]),
        l(
            8,
            &[
                ("N.", [231., 913., 260., 945.]),
                ("DEL", [340., 913., 436., 945.]),
            ],
        ),
        l(
            9,
            &[
                ("OGGETTO:", [564., 927., 800., 959.]),
                ("Affidamento", [830., 927., 1100., 959.]),
                ("diretto", [1130., 927., 1290., 959.]),
                ("dei", [1320., 927., 1390., 959.]),
                ("servizi", [1420., 927., 1580., 959.]),
                ("dal", [2100., 927., 2170., 959.]),
            ],
        ),
        l(9, &[("28/04/2026", [230., 965., 437., 997.])]),
    ];
    for (k, y) in [1100f32, 1160., 1220.].into_iter().enumerate() {
        let words: Vec<(&str, [f32; 4])> = ["Visto", "il", "DECRETO", "dell’Ente", "sulla", "base"]
            .iter()
            .enumerate()
            .map(|(i, t)| {
                (
                    *t,
                    [230. + 360. * i as f32, y, 560. + 360. * i as f32, y + 32.],
                )
            })
            .collect();
        lines.push(l(11 + k as u32, &words));
    }
    let rows = rows(lines, 2550.0);
    let text = texts(&rows);
    assert_eq!(
        text[1],
        "N. DEL OGGETTO: Affidamento diretto dei servizi dal"
    );
    assert_eq!(text[2], "28/04/2026");
    assert_eq!(text.len(), 6, "{text:?}");
}

#[test]
fn a_line_across_two_baselines_is_cut_at_its_gap() {
    // tesseract read the margin's "Registro Generale" and the subject's
    // last line as one line; their baselines are 30 px apart.
    let lines = vec![line(
        11,
        &[
            ("Registro", [168., 1114., 300., 1146.]),
            ("Generale", [310., 1114., 440., 1146.]),
            ("Impegno", [564., 1138., 740., 1179.]),
            ("spesa", [760., 1138., 880., 1179.]),
            ("di", [890., 1138., 930., 1170.]),
        ],
    )];
    let rows = rows(lines, 2550.0);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].words.len(), 2);
    assert_eq!(rows[1].words[0].text, "Impegno");
}

#[test]
fn a_ruling_read_as_a_bar_does_not_join_two_cells_on_two_baselines() {
    // The boxes of a real page, Avella's boxed header reduced to 72 % (an
    // A3 copied onto A4): tesseract read the left cell's "Registro
    // Generale" and the subject's last line in the right cell as one
    // line, the ruling between the cells read as a bar that bridges the
    // gap; the two texts stand 16 px (half a font size) apart, as the
    // text layer has them on two lines.
    let lines = vec![
        line(
            11,
            &[
                ("Ministri", [764., 946., 876., 969.]),
                ("Dipartimento", [936., 946., 1123., 976.]),
                ("Politiche", [1258., 946., 1377., 969.]),
            ],
        ),
        line(
            12,
            &[
                ("Registro", [480., 968., 589., 998.]),
                ("Generale", [599., 968., 716., 991.]),
                ("|", [737., 964., 756., 1019.]),
                ("Impegno", [764., 985., 885., 1014.]),
                ("di", [896., 985., 921., 1007.]),
                ("spesa", [933., 991., 1005., 1014.]),
                ("di", [1016., 985., 1041., 1007.]),
                ("37.206.00", [1051., 985., 1181., 1008.]),
            ],
        ),
        line(
            13,
            &[
                ("N.", [516., 1006., 545., 1028.]),
                ("294", [556., 1006., 603., 1028.]),
                ("DEL", [614., 1006., 679., 1028.]),
            ],
        ),
    ];
    let text = texts(&rows(lines, 2481.0));
    assert_eq!(text[1], "Registro Generale |", "{text:?}");
    assert_eq!(text[2], "Impegno di spesa di 37.206.00", "{text:?}");
    assert_eq!(text[3], "N. 294 DEL", "{text:?}");
}

#[test]
fn a_bar_between_words_on_one_baseline_stays_in_its_line() {
    // A printed bar between two texts of one line (`Tel. 0123 | Fax`),
    // and the article `l` read as a bar: one row each.
    let lines = vec![
        line(
            1,
            &[
                ("Tel.", [100., 100., 160., 132.]),
                ("0123", [175., 100., 250., 132.]),
                ("|", [265., 96., 275., 140.]),
                ("Fax", [290., 100., 350., 132.]),
            ],
        ),
        line(
            2,
            &[
                ("approvata", [100., 200., 260., 240.]),
                ("|", [272., 196., 280., 232.]),
                ("adesione", [292., 200., 440., 232.]),
            ],
        ),
    ];
    let text = texts(&rows(lines, 2481.0));
    assert_eq!(text, ["Tel. 0123 | Fax", "approvata | adesione"]);
}

#[test]
fn two_columns_of_prose_stay_apart() {
    // A bulletin page: two columns 1000 px wide, baselines level.
    let mut lines = Vec::new();
    for k in 0..8 {
        let y = 500.0 + 60.0 * k as f32;
        lines.push(line(1, &[("sinistra", [150., y, 1150., y + 31.])]));
    }
    for k in 0..8 {
        let y = 500.0 + 60.0 * k as f32;
        lines.push(line(2, &[("destra", [1240., y, 2240., y + 31.])]));
    }
    let rows = rows(lines, 2480.0);
    assert_eq!(rows.len(), 16);
    assert!(rows[..8].iter().all(|r| r.words[0].text == "sinistra"));
}

#[test]
fn a_heading_beside_a_column_that_ends_is_its_own_row() {
    // The lines of a real bulletin page at 300 dpi (Regione Lombardia,
    // 2221 px wide), as tesseract boxed them: the act's heading at the
    // top of the left column, beside the end of the right column's
    // paragraph, a web address and a signature, then prose again.
    let left = [
        ("D.G. Ambiente", [85., 283., 691., 327.]),
        ("Dduo", [85., 339., 659., 363.]),
        ("Progetto", [85., 373., 1067., 405.]),
        ("Esistente", [84., 407., 1067., 437.]),
        ("Delebio", [85., 440., 1068., 472.]),
        ("Spa", [84., 474., 1068., 506.]),
        ("Del Lario", [84., 507., 1067., 539.]),
        ("Aprile", [84., 541., 581., 571.]),
    ];
    let right = [
        ("Cinque", [1188., 259., 2138., 290.]),
        ("Dispositiva", [1153., 294., 1649., 325.]),
        ("Sei", [1188., 341., 2139., 374.]),
        ("Sente", [1153., 377., 1660., 408.]),
        ("Www", [1197., 424., 1888., 451.]),
        ("Direttore", [1843., 471., 2138., 503.]),
        ("Franco", [1940., 507., 2138., 532.]),
        ("Avverso", [1188., 577., 2139., 609.]),
        ("Giurisdizionale", [1153., 613., 2138., 645.]),
    ];
    let mut lines: Vec<Line> = left.iter().map(|(t, b)| line(1, &[(t, *b)])).collect();
    lines.extend(right.iter().map(|(t, b)| line(2, &[(t, *b)])));
    let rows = rows(lines, 2221.0);
    let dump: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{} {:?}",
                r.base,
                r.words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>()
            )
        })
        .collect();
    assert_eq!(rows.len(), 17, "no row joins the two columns: {dump:#?}");
    assert_eq!(rows[0].words[0].text, "D.G. Ambiente");
    assert_eq!(rows[8].words[0].text, "Cinque", "the left column first");
}

#[test]
fn an_act_heading_beside_prose_keeps_its_lines() {
    // A bulletin page at 300 dpi (Regione Lombardia, 2221 px wide): a
    // decree's heading in four lines at the left column's top, the
    // right column's prose level with it; the running head above
    // has a page number over the gutter.
    let left = [
        ("Bollettino", [85., 119., 364., 145.]),
        ("Dgr", [85., 259., 648., 291.]),
        ("Determinazione", [85., 292., 1067., 322.]),
        ("Controlli", [84., 327., 1067., 358.]),
        ("Sensi", [84., 360., 1071., 392.]),
        ("N", [85., 393., 420., 425.]),
        ("LA GIUNTA", [406., 458., 747., 483.]),
        ("Viste", [119., 506., 197., 531.]),
        ("La", [155., 553., 1068., 584.]),
        ("Consiglio", [155., 589., 1068., 620.]),
        ("Industriali", [155., 625., 1068., 656.]),
    ];
    let right = [
        ("55", [1066., 119., 1155., 145.]),
        ("Regione", [1806., 65., 2087., 142.]),
        ("Lombardia", [1907., 106., 2139., 137.]),
        ("Serie", [1405., 187., 2137., 220.]),
        ("Rezioni", [1154., 259., 2137., 286.]),
        ("Imprenditoriali", [1154., 294., 2139., 326.]),
        ("Dividuare", [1153., 329., 2139., 362.]),
        ("Gionale", [1153., 365., 2139., 397.]),
        ("Sia", [1153., 401., 2138., 428.]),
        ("Visto", [1188., 448., 2138., 480.]),
        ("Reti", [1154., 483., 2139., 515.]),
        ("Finite", [1152., 518., 2137., 551.]),
        ("Alle", [1153., 554., 2139., 586.]),
        ("Sulle", [1153., 590., 2139., 622.]),
        ("Ricordato", [1153., 626., 2139., 658.]),
    ];
    let mut lines: Vec<Line> = left.iter().map(|(t, b)| line(1, &[(t, *b)])).collect();
    lines.extend(right.iter().map(|(t, b)| line(2, &[(t, *b)])));
    let rows = rows(lines, 2221.0);
    let dump: Vec<String> = rows
        .iter()
        .map(|r| {
            r.words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    for name in ["Dgr", "Determinazione", "Controlli", "Sensi"] {
        assert!(dump.iter().any(|r| r == name), "{name} alone: {dump:#?}");
    }
}

#[test]
fn a_page_in_columns_is_told_by_its_gutter() {
    // A bulletin page at 300 dpi (Regione Lombardia, 2221 px wide): a
    // decree's subject in five lines at the left column's top, level
    // with the other column's prose, under a running head whose page
    // number stands over the gutter.
    let left = [
        ("Dgr", [85., 259., 617., 291.]),
        ("Semplificazione", [84., 293., 1067., 323.]),
        ("Documentazione", [84., 327., 1067., 356.]),
        ("Circoli", [84., 360., 1068., 392.]),
        ("Allegato", [84., 393., 1068., 425.]),
        ("N", [84., 427., 341., 454.]),
        ("LA GIUNTA", [406., 492., 747., 517.]),
        ("Richiamati", [120., 539., 288., 564.]),
        ("La", [155., 587., 1069., 619.]),
        ("Namento", [191., 622., 1067., 653.]),
    ];
    let right = [
        ("Bollettino", [1860., 119., 2140., 145.]),
        ("14", [1066., 119., 1155., 144.]),
        ("Tre", [1189., 259., 2137., 291.]),
        ("Giunta", [1153., 293., 2137., 326.]),
        ("Criteri", [1153., 330., 2138., 361.]),
        ("Impatto", [1153., 365., 2139., 396.]),
        ("Stico", [1153., 401., 2137., 433.]),
        ("Modalità", [1153., 436., 2138., 467.]),
        ("Di", [1153., 471., 2138., 502.]),
        ("Integrante", [1154., 507., 1764., 539.]),
        ("Quattro", [1188., 554., 2139., 586.]),
        ("Lombardia", [1154., 590., 2139., 621.]),
        ("Gato", [1153., 625., 2139., 657.]),
    ];
    let mut lines: Vec<Line> = left.iter().map(|(t, b)| line(1, &[(t, *b)])).collect();
    lines.extend(right.iter().map(|(t, b)| line(2, &[(t, *b)])));
    let facts = line_facts(&lines, Tilt::default());
    let runs = gutters(&facts, 2221.0);
    assert!(!runs.is_empty());
    for g in &runs {
        // Between the columns, under the running head.
        assert!(1069.0 < g.x && g.x < 1152.0, "{g:?}");
        assert!(g.top >= 145.0 && g.bottom >= 653.0, "{g:?}");
    }
    // The subject's second line and the prose level with it are
    // parted; two lines of the subject are not.
    assert!(across(&[2], 13, &facts, &runs));
    assert!(!across(&[2], 3, &facts, &runs));
    let text: Vec<String> = rows(lines, 2221.0)
        .iter()
        .map(|r| {
            r.words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    for (name, _) in &left[..6] {
        assert!(text.iter().any(|r| r == name), "{name} alone: {text:#?}");
    }
}

#[test]
fn a_logo_read_as_a_letter_is_left_out() {
    let lines = vec![
        line(1, &[("g", [311., 181., 386., 289.])]),
        line(2, &[("DETERMINA", [766., 467., 1054., 499.])]),
        line(2, &[("APPALTO", [261., 528., 439., 555.])]),
    ];
    let rows = rows(lines, 2480.0);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].words[0].text, "DETERMINA");
}

#[test]
fn a_logo_lettering_read_with_no_confidence_is_left_out() {
    // A letterhead of Florence at 300 dpi: `COMUNE` printed as text
    // (96), the city's name drawn in the logo read as `E]RENZE` (0),
    // almost three times as tall as the words of the page.
    let mut logo = line(3, &[("E]RENZE", [1013., 401., 1446., 495.])]);
    logo.words[0].conf = 0.0;
    let lines = vec![
        line(2, &[("COMUNE", [1010., 361., 1188., 394.])]),
        logo,
        line(4, &[("PROVVEDIMENTO", [899., 618., 1315., 656.])]),
        line(6, &[("Numero:", [475., 776., 633., 806.])]),
    ];
    assert_eq!(
        texts(&rows(lines, 2480.0)),
        ["COMUNE", "PROVVEDIMENTO", "Numero:"]
    );
}

#[test]
fn an_emblem_beside_a_letterhead_line_is_left_out() {
    // A decree's protocol line at 300 dpi with an emblem's crown drawn at
    // the right margin (the `logo` scan of bench/ocr_fields.sh): tesseract
    // reads the crown's peaks on the same line as `AANANAA` (18), 59 px
    // tall against the page's 36, three inches from the line's text.
    let mut first = line(
        1,
        &[
            ("m_amte.UDCM.DECRETI", [29., 134., 499., 163.]),
            ("0000224.07-06-2022", [520., 134., 890., 163.]),
            ("AANANAA", [2219., 127., 2451., 186.]),
        ],
    );
    first.words[2].conf = 17.9;
    let lines = vec![
        first,
        line(
            2,
            &[
                ("VISTA", [300., 300., 420., 336.]),
                ("la", [440., 300., 480., 336.]),
            ],
        ),
        line(
            2,
            &[
                ("VISTO", [300., 360., 420., 396.]),
                ("il", [440., 360., 470., 396.]),
            ],
        ),
    ];
    assert_eq!(
        texts(&rows(lines, 2480.0)),
        [
            "m_amte.UDCM.DECRETI 0000224.07-06-2022",
            "VISTA la",
            "VISTO il"
        ]
    );
    // The same word read surely, or no taller than the words, stays.
    for (conf, bottom) in [(80.0, 186.), (17.9, 170.)] {
        let mut first = line(
            1,
            &[
                ("DETERMINA", [29., 134., 499., 163.]),
                ("NUMERO", [2219., 127., 2451., bottom]),
            ],
        );
        first.words[1].conf = conf;
        let lines = vec![
            first,
            line(
                2,
                &[
                    ("VISTA", [300., 300., 420., 336.]),
                    ("la", [440., 300., 480., 336.]),
                ],
            ),
        ];
        assert_eq!(texts(&rows(lines, 2480.0))[0], "DETERMINA NUMERO");
    }
}

#[test]
fn a_dash_alone_on_its_line_stands_in_the_row_of_its_words() {
    // The boxes of a real scan at 300 dpi (a determination of the
    // Assemblea legislativa of Emilia-Romagna, printed and scanned): a
    // justified line sets the spaced dash 48 px from the word before it,
    // more than a font size, so the dash is a line of its own; and a
    // list's leading dash that tesseract read as a block of its own, above
    // its words. Each stood as a row above its words.
    let text = |lines: Vec<Line>| texts(&rows(lines, 2550.0));
    let lines = vec![
        line(
            3,
            &[
                ("Autorità", [237., 987., 395., 1022.]),
                ("emanante:", [441., 991., 652., 1022.]),
                ("IL", [705., 990., 737., 1021.]),
                ("RESPONSABILE", [787., 989., 1136., 1022.]),
                ("-", [1184., 1007., 1196., 1011.]),
                ("SERVIZIO", [1245., 989., 1454., 1022.]),
                ("INFORMAZIONE", [1505., 989., 1850., 1022.]),
            ],
        ),
        line(5, &[("-", [239., 1432., 250., 1436.])]),
        line(
            6,
            &[
                ("il", [300., 1410., 330., 1446.]),
                ("D.Lgs", [350., 1410., 470., 1446.]),
                ("n.", [490., 1420., 520., 1446.]),
            ],
        ),
    ];
    assert_eq!(
        text(lines),
        vec![
            "Autorità emanante: IL RESPONSABILE - SERVIZIO INFORMAZIONE",
            "- il D.Lgs n.",
        ]
    );
    // A rule of underscores under a line, a line below it, stays apart.
    let lines = vec![
        line(1, &[("Oggetto:", [237., 987., 420., 1022.])]),
        line(2, &[("__________", [237., 1075., 900., 1080.])]),
    ];
    assert_eq!(text(lines), vec!["Oggetto:", "__________"]);
}

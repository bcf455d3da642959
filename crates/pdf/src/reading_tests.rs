//! Tests of reading order (columns, tables), alternating furniture and the
//! layout rendering, on PDFs built here with lopdf and on the shared corpus
//! of real documents when it is present.

use lopdf::content::Operation;
use lopdf::{dictionary, Object};

use super::*;

fn op(name: &str, operands: Vec<Object>) -> Operation {
    Operation::new(name, operands)
}

/// A document of A4 pages, each drawing its operations with Courier as F1.
fn build(pages_ops: Vec<Vec<Operation>>) -> Vec<u8> {
    let courier = dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier",
        "Encoding" => "WinAnsiEncoding",
    };
    super::tests::build_pdf(|_| courier, pages_ops, |_, _| {})
}

/// One line of text at (x, y), 10 pt Courier (6 pt per character), with
/// word spacing `tw`.
fn line(x: f32, y: f32, tw: f32, s: &str) -> Vec<Operation> {
    vec![
        op("BT", vec![]),
        op("Tf", vec!["F1".into(), 10.into()]),
        op("Tw", vec![tw.into()]),
        op("Td", vec![x.into(), y.into()]),
        op("Tj", vec![Object::string_literal(s.as_bytes().to_vec())]),
        op("ET", vec![]),
    ]
}

/// Words of varied lengths, numbered in order with a column prefix, so that
/// spaces do not line up from row to row.
fn words(prefix: &str, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let pad = ((i as u64).wrapping_mul(2_654_435_761) >> 7) % 4;
            format!("{prefix}{i}{}", "q".repeat(pad as usize))
        })
        .collect()
}

/// Fills lines of at most `chars` characters, justified to `width` points
/// with word spacing (the last line ragged), drawn from `top` down.
fn column(x: f32, top: f32, width: f32, chars: usize, ws: &[String]) -> Vec<Operation> {
    let mut rows: Vec<Vec<&str>> = vec![Vec::new()];
    for w in ws {
        let cur = rows.last_mut().unwrap();
        let len: usize = cur.iter().map(|w| w.len() + 1).sum::<usize>() + w.len();
        if !cur.is_empty() && len > chars {
            rows.push(vec![w]);
        } else {
            cur.push(w);
        }
    }
    let mut ops = Vec::new();
    let last = rows.len() - 1;
    for (i, r) in rows.iter().enumerate() {
        let s = r.join(" ");
        let natural = 6.0 * s.len() as f32;
        let gaps = (r.len() - 1).max(1) as f32;
        let tw = if i == last {
            0.0
        } else {
            (width - natural) / gaps
        };
        ops.extend(line(x, top - 12.0 * i as f32, tw, &s));
    }
    ops
}

fn read_real(name: &str) -> Option<Reading> {
    let dir = atti_dev::shared::path("corpus/real-it", name)?;
    let bytes = std::fs::read(dir.join(name)).ok()?;
    Some(read(&bytes, &Limits::default()).unwrap())
}

/// The text with every run of whitespace made one space.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn justified_two_column_page_reads_column_after_column() {
    let left = words("l", 150);
    let right = words("r", 150);
    let mut ops = line(
        50.0,
        800.0,
        0.0,
        "TITOLO DEL BOLLETTINO A TUTTA PAGINA CHE ATTRAVERSA",
    );
    ops.extend(column(50.0, 770.0, 228.0, 38, &left));
    ops.extend(column(310.0, 770.0, 228.0, 38, &right));
    let pdf = build(vec![ops]);
    let ex = read(&pdf, &Limits::default()).unwrap();
    let text = flat(&ex.pages[0].text);
    let expected = format!(
        "TITOLO DEL BOLLETTINO A TUTTA PAGINA CHE ATTRAVERSA {} {}",
        left.join(" "),
        right.join(" ")
    );
    assert_eq!(text, expected);
    // The words' line numbers follow the same order.
    let p = &ex.pages[0];
    let line_of = |t: &str| p.words.iter().find(|w| w.text == t).unwrap().line;
    assert!(line_of(&left[149]) < line_of(&right[0]));
    assert!(line_of("TITOLO") < line_of(&left[0]));
}

#[test]
fn four_column_table_keeps_its_rows() {
    let mut ops = Vec::new();
    for r in 0..16 {
        let y = 780.0 - 14.0 * r as f32;
        ops.extend(line(50.0, y, 0.0, &format!("Voce {r}")));
        ops.extend(line(170.0, y, 0.0, &format!("Capitolo {}", 1400 + r)));
        ops.extend(line(300.0, y, 0.0, &format!("{}.345,00", 10 + r)));
        ops.extend(line(420.0, y, 0.0, &format!("nota {r} breve")));
    }
    let pdf = build(vec![ops]);
    let ex = read(&pdf, &Limits::default()).unwrap();
    let lines: Vec<&str> = ex.pages[0].text.lines().collect();
    assert_eq!(lines.len(), 16, "{}", ex.pages[0].text);
    for (r, l) in lines.iter().enumerate() {
        assert_eq!(
            *l,
            format!(
                "Voce {r} Capitolo {} {}.345,00 nota {r} breve",
                1400 + r,
                10 + r
            )
        );
    }
}

#[test]
fn table_of_wrapped_text_cells_keeps_its_rows() {
    // Two columns of short wrapped cells, rows set apart: a table, not a
    // page of two columns.
    let mut ops = Vec::new();
    let mut y = 780.0;
    for r in 0..6 {
        ops.extend(line(50.0, y, 0.0, &format!("Oggetto della voce {r}")));
        ops.extend(line(50.0, y - 12.0, 0.0, "descritta in breve"));
        ops.extend(line(310.0, y, 0.0, &format!("Contenuto numero {r} del")));
        ops.extend(line(310.0, y - 12.0, 0.0, "provvedimento citato"));
        y -= 40.0;
    }
    let pdf = build(vec![ops]);
    let ex = read(&pdf, &Limits::default()).unwrap();
    let lines: Vec<&str> = ex.pages[0].text.lines().collect();
    assert_eq!(lines[0], "Oggetto della voce 0 Contenuto numero 0 del");
    assert_eq!(lines[1], "descritta in breve provvedimento citato");
    assert_eq!(lines[2], "Oggetto della voce 1 Contenuto numero 1 del");
}

#[test]
fn a_word_broken_at_the_foot_of_a_column_goes_on_at_the_top_of_the_next() {
    let mut left = words("l", 150);
    left.push("delibe-".into());
    let mut right = vec!["razione".to_string()];
    right.extend(words("r", 150));
    let mut ops = column(50.0, 780.0, 228.0, 38, &left);
    ops.extend(column(310.0, 780.0, 228.0, 38, &right));
    let ex = read(&build(vec![ops]), &Limits::default()).unwrap();
    let text = flat(&ex.pages[0].text);
    let expected = format!("{} deliberazione {}", left[149], right[1]);
    assert!(text.contains(&expected), "{text}");
}

#[test]
fn layout_mode_keeps_the_hyphen_of_a_broken_word() {
    let mut ops = line(72.0, 700.0, 0.0, "la delibera-");
    ops.extend(line(72.0, 688.0, 0.0, "zione approvata"));
    let ex = read(&build(vec![ops]), &Limits::default()).unwrap();
    assert_eq!(ex.pages[0].text, "la deliberazione\napprovata");
    assert_eq!(layout_text(&ex.pages[0]), "la delibera-\nzione approvata\n");
}

#[test]
fn alternating_running_heads_are_furniture() {
    // Odd pages carry the title on the left, even pages the section on the
    // right; the page number moves from side to side.
    let mut pages = Vec::new();
    for p in 1..=6 {
        let mut ops = if p % 2 == 1 {
            let mut o = line(50.0, 815.0, 0.0, "Gazzetta del Comune");
            o.extend(line(480.0, 815.0, 0.0, &format!("- {p} -")));
            o
        } else {
            let mut o = line(50.0, 815.0, 0.0, &format!("- {p} -"));
            o.extend(line(400.0, 815.0, 0.0, "Parte seconda"));
            o
        };
        ops.extend(line(50.0, 600.0, 0.0, &format!("testo della pagina {p}")));
        if p == 2 || p == 4 {
            // In the body by coincidence on two pages: stays text.
            ops.extend(line(50.0, 400.0, 0.0, "IL SINDACO"));
        }
        pages.push(ops);
    }
    let ex = read(&build(pages), &Limits::default()).unwrap();
    for p in &ex.pages {
        assert!(!p.text.contains("Gazzetta"), "{}", p.text);
        assert!(!p.text.contains("Parte seconda"), "{}", p.text);
        assert!(!p.text.contains(" -"), "{}", p.text);
        assert!(p.text.contains("testo della pagina"));
        assert!(!p.furniture.is_empty());
    }
    assert!(ex.pages[1].text.contains("IL SINDACO"));
    assert!(ex.pages[3].text.contains("IL SINDACO"));
}

#[test]
fn page_numbers_deeper_in_the_band_are_furniture() {
    let mut pages = Vec::new();
    for p in 1..=3 {
        // 120 pt from the top of 842: inside the top fifth, past the tenth.
        let mut ops = line(250.0, 842.0 - 120.0, 0.0, &format!("Pagina {p} di 3"));
        ops.extend(line(250.0, 842.0 - 130.0, 0.0, &format!("OBIETTIVO {p}")));
        ops.extend(line(50.0, 500.0, 0.0, &format!("corpo {p}")));
        pages.push(ops);
    }
    let ex = read(&build(pages), &Limits::default()).unwrap();
    for p in &ex.pages {
        assert!(!p.text.contains("Pagina"), "{}", p.text);
        assert!(p.text.contains("OBIETTIVO"), "{}", p.text);
    }
}

#[test]
fn real_bulletin_columns_read_in_order() {
    // Sentences that run down one column of the bulletin, as `pdftotext`
    // reads them: each comes out whole in the page text.
    let cases: [(&str, usize, &[&str]); 2] = [
        (
            "burl_elencoburl_46552620_policyX259_3_2.pdf",
            0,
            &[
                // Left column.
                "la sclerosi sistemica progressiva, più comunemente conosciuta come sclerodermia, è una malattia cronica, rara ed evolutiva, la cui causa è ancora sconosciuta",
                // Right column.
                "a far si che Regione Lombardia intervenga presso il Ministero della Sanità per il riconoscimento dello status di «malattia rara» della sclerodermia",
            ],
        ),
        (
            "burl_elencoburl_46477181_policyX1219_11_13.pdf",
            0,
            &[
                "con d.g.r. n. 5018 del 26 giugno 2007, modificata ed integrata con d.g.r. 5773 del 31 ottobre 2007",
                "che lo stesso d.l. 63/2013 ha confermato, pur con modifiche, l’art. 17 (cosiddetta «clausola di cedevolezza») del d.lgs. 192/2005",
            ],
        ),
    ];
    for (file, page, sentences) in cases {
        let Some(ex) = read_real(file) else { return };
        let text = flat(&ex.pages[page].text);
        for s in sentences {
            assert!(text.contains(s), "{file}: «{s}» not in\n{text}");
        }
    }
}

#[test]
fn real_bulletin_running_heads_are_furniture() {
    let Some(ex) = read_real("burl_elencoburl_30666040_policy12772_25_44.pdf") else {
        return;
    };
    assert!(ex.pages.len() >= 4);
    for p in &ex.pages {
        let head = format!("– {} –", p.number + 24);
        assert!(
            p.furniture
                .iter()
                .any(|f| f.contains("Bollettino Ufficiale") && f.contains(&head)),
            "page {}: {:?}",
            p.number,
            p.furniture
        );
        assert!(
            !p.text.lines().any(|l| l.contains(&head)),
            "page {}: {}",
            p.number,
            p.text
        );
    }
}

#[test]
fn real_layout_keeps_hyphens() {
    let Some(ex) = read_real("avella_Bando_294__5567_VistoContabile_2.pdf") else {
        return;
    };
    let layout = layout_text(&ex.pages[0]);
    let row = layout
        .lines()
        .find(|l| l.contains("N. Impegno") && l.contains("Importo"))
        .unwrap();
    assert!(row.contains("N. Sub-"), "{row}");
    assert!(row.contains("Importo Sottosub-"), "{row}");
}

/// One line of Courier at `size` points.
fn sized(x: f32, y: f32, size: i64, s: &str) -> Vec<Operation> {
    vec![
        op("BT", vec![]),
        op("Tf", vec!["F1".into(), size.into()]),
        op("Td", vec![x.into(), y.into()]),
        op("Tj", vec![Object::string_literal(s.as_bytes().to_vec())]),
        op("ET", vec![]),
    ]
}

#[test]
fn layout_columns_stay_aligned_under_a_large_title() {
    // A 16 pt title over an 8 pt table: the grid follows the table's
    // characters, so that each column starts at one character position.
    let mut ops = Vec::new();
    for (i, t) in [
        "DETERMINAZIONE DEL RESPONSABILE DEL SERVIZIO",
        "FINANZIARIO SULLA LIQUIDAZIONE DELLE SPESE",
        "SOSTENUTE NEL SECONDO SEMESTRE DELL'ANNO",
    ]
    .iter()
    .enumerate()
    {
        ops.extend(sized(40.0, 800.0 - 20.0 * i as f32, 16, t));
    }
    let cells = [
        "Affitti",
        "Utenze elettriche",
        "Manutenzione",
        "Pulizia sedi",
    ];
    for (r, c) in cells.iter().enumerate() {
        let y = 700.0 - 10.0 * r as f32;
        ops.extend(sized(40.0, y, 8, c));
        ops.extend(sized(130.0, y, 8, &format!("cap. {}", 1400 + r)));
        ops.extend(sized(200.0, y, 8, &format!("{}.000,00", 5 + r)));
    }
    let ex = read(&build(vec![ops]), &Limits::default()).unwrap();
    let layout = layout_text(&ex.pages[0]);
    let rows: Vec<&str> = layout.lines().filter(|l| l.contains("cap.")).collect();
    assert_eq!(rows.len(), 4, "{layout}");
    for needle in ["cap.", ".000,00"] {
        let at: Vec<usize> = rows.iter().map(|l| l.find(needle).unwrap()).collect();
        assert!(
            at.iter().all(|&a| a == at[0]),
            "{needle} at {at:?}\n{layout}"
        );
    }
}

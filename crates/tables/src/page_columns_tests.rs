use crate::testkit::{grids, rows, Kit};

const WORDS: &[&str] = &[
    "la",
    "giunta",
    "approva",
    "il",
    "piano",
    "dei",
    "servizi",
    "e",
    "assegna",
    "ai",
    "responsabili",
    "le",
    "risorse",
    "per",
    "gli",
    "obiettivi",
    "del",
    "documento",
    "unico",
];

/// Lines of running text filling `width` from `x`, one every `pitch` from `y`.
fn prose(k: &mut Kit, x: f32, y: f32, width: f32, lines: usize, pitch: f32, seed: usize) -> f32 {
    let mut n = seed;
    for l in 0..lines {
        let mut line = String::new();
        loop {
            let w = WORDS[n % WORDS.len()];
            n += 7;
            let next = if line.is_empty() {
                w.to_owned()
            } else {
                format!("{line} {w}")
            };
            if Kit::width(&next) > width {
                break;
            }
            line = next;
        }
        k.text(x, y + l as f32 * pitch, &line);
    }
    y + lines as f32 * pitch
}

/// Two columns of prose; a small table in one of them, its rows on the
/// baselines of the other column's lines.
fn two_columns(table_left: bool) -> Kit {
    let mut k = Kit::new();
    let (left, right, width) = (56.0, 310.0, 230.0);
    let (tx, ox) = if table_left {
        (left, right)
    } else {
        (right, left)
    };
    k.centred(297.0, 40.0, "Comune di Valdoria");
    let pitch = 13.0;
    let mut y = prose(&mut k, tx, 80.0, width, 6, pitch, 1);
    y += pitch;
    for (label, value) in [
        ("Servizio", "Importo"),
        ("Anagrafe", "1.200,00"),
        ("Tributi", "350,00"),
        ("Sport", "80,00"),
    ] {
        k.text(tx, y, label);
        k.text(tx + 160.0 - Kit::width(value), y, value);
        y += pitch;
    }
    prose(&mut k, tx, y + pitch, width, 5, pitch, 3);
    prose(&mut k, ox, 80.0, width, 18, pitch, 5);
    k.centred(297.0, 800.0, "- 1 -");
    k
}

#[test]
fn a_table_in_one_text_column_is_read_without_the_other() {
    let want = rows(&[
        &["Servizio", "Importo"],
        &["Anagrafe", "1.200,00"],
        &["Tributi", "350,00"],
        &["Sport", "80,00"],
    ]);
    for table_left in [true, false] {
        let k = two_columns(table_left);
        assert_eq!(
            grids(&k.page),
            vec![want.clone()],
            "table left: {table_left}"
        );
    }
}

#[test]
fn a_table_under_prose_across_the_page_is_not_parted() {
    // The gap between the table's columns runs down its rows only: the
    // prose above and below crosses it, and no side holds running text.
    let mut k = Kit::new();
    let y = prose(&mut k, 56.0, 80.0, 480.0, 4, 13.0, 2);
    let mut y = y + 13.0;
    for (a, b, c) in [
        ("Servizio", "Impegnato", "Pagato"),
        ("Anagrafe e stato civile", "1.200,00", "900,00"),
        ("Tributi", "350,00", "350,00"),
        ("Sport", "80,00", "10,00"),
    ] {
        k.text(56.0, y, a);
        k.text(360.0 - Kit::width(b), y, b);
        k.text(480.0 - Kit::width(c), y, c);
        y += 13.0;
    }
    prose(&mut k, 56.0, y + 13.0, 480.0, 4, 13.0, 4);
    assert_eq!(
        grids(&k.page),
        vec![rows(&[
            &["Servizio", "Impegnato", "Pagato"],
            &["Anagrafe e stato civile", "1.200,00", "900,00"],
            &["Tributi", "350,00", "350,00"],
            &["Sport", "80,00", "10,00"],
        ])]
    );
}

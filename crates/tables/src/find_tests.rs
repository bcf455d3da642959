//! `find` as a whole: hostile pages, speed, reports.

use crate::testkit::Kit;
use crate::{find, find_with_report, Settings};
use atti_page::{Page, Ruling, Word};
use std::time::Instant;

fn word(text: &str, x: f32, y: f32, width: f32, size: f32) -> Word {
    Word {
        text: text.into(),
        x,
        y,
        width,
        size,
        line: 0,
        start: usize::MAX,
    }
}

#[test]
fn nan_and_infinite_coordinates() {
    let bad = [
        f32::NAN,
        f32::INFINITY,
        f32::NEG_INFINITY,
        1.0e30,
        -0.0,
        0.0,
    ];
    let mut page = Page::default();
    for &a in &bad {
        for &b in &bad {
            page.words.push(word("x", a, b, a, b));
            page.words.push(word("y", 10.0, b, 5.0, a));
            page.rulings.push(Ruling {
                x0: a,
                y0: b,
                x1: 10.0,
                y1: b,
            });
            page.rulings.push(Ruling {
                x0: 10.0,
                y0: a,
                x1: b,
                y1: 300.0,
            });
        }
    }
    // Some sane content beside it must still be read.
    let mut k = Kit::new();
    k.grid(&[50.0, 150.0, 250.0], &[100.0, 120.0, 140.0]);
    k.text(54.0, 114.0, "a")
        .text(154.0, 114.0, "b")
        .text(54.0, 134.0, "c")
        .text(154.0, 134.0, "d");
    page.words.extend(k.page.words);
    page.rulings.extend(k.page.rulings);
    let t = find(&page, &Settings::default());
    assert_eq!(t.len(), 1);
    assert_eq!(crate::grid(&t[0]), vec![vec!["a", "b"], vec!["c", "d"]]);
}

#[test]
fn a_hundred_thousand_words_return_quickly() {
    // A dense table of 100,000 words (1,000 lines of 100 columns), then the
    // same number of words all on one spot.
    let mut page = Page::default();
    for r in 0..1000 {
        for c in 0..100 {
            page.words.push(word(
                "12",
                10.0 + 20.0 * c as f32,
                10.0 + 12.0 * r as f32,
                10.0,
                10.0,
            ));
        }
    }
    let t0 = Instant::now();
    let t = find(&page, &Settings::default());
    assert!(t0.elapsed().as_secs_f32() < 5.0, "{:?}", t0.elapsed());
    // The cap on words keeps 20,000 of them: 200 lines of the table.
    assert_eq!(t.len(), 1);
    assert_eq!((t[0].rows, t[0].cols), (200, 100));

    let mut page = Page::default();
    for _ in 0..100_000 {
        page.words.push(word("x", 10.0, 10.0, 5.0, 10.0));
    }
    let t0 = Instant::now();
    let t = find(&page, &Settings::default());
    assert!(t0.elapsed().as_secs_f32() < 5.0, "{:?}", t0.elapsed());
    assert!(t.is_empty());
}

#[test]
fn fifty_thousand_rulings_return_quickly() {
    let mut page = Page::default();
    for i in 0..25_000 {
        let f = 5.0 * i as f32;
        page.rulings.push(Ruling {
            x0: 0.0,
            y0: f,
            x1: 90_000.0,
            y1: f,
        });
        page.rulings.push(Ruling {
            x0: f,
            y0: 0.0,
            x1: f,
            y1: 90_000.0,
        });
    }
    page.words.push(word("x", 12.0, 12.0, 5.0, 10.0));
    let t0 = Instant::now();
    let t = find(&page, &Settings::default());
    assert!(t0.elapsed().as_secs_f32() < 5.0, "{:?}", t0.elapsed());
    assert!(t.is_empty());
}

#[test]
fn report_counts_words_and_empty_cells() {
    let mut k = Kit::new();
    k.grid(&[50.0, 150.0, 250.0], &[100.0, 120.0, 140.0]);
    k.text(54.0, 114.0, "due parole")
        .text(154.0, 114.0, "b")
        .text(54.0, 134.0, "c");
    // A word drawn across the line between two cells.
    k.text(140.0, 134.0, "attraverso");
    let f = find_with_report(&k.page, &Settings::default());
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].report.words, 5);
    assert_eq!(f[0].report.split_words, 1);
    assert_eq!(f[0].report.empty_share, 0.0);
    let mut k = Kit::new();
    k.grid(&[50.0, 150.0, 250.0], &[100.0, 120.0, 140.0]);
    k.text(54.0, 114.0, "a");
    let f = find_with_report(&k.page, &Settings::default());
    assert_eq!(f[0].report.empty_share, 0.75);
}

#[test]
fn area_reads_only_there() {
    let mut k = Kit::new();
    for top in [100.0, 300.0] {
        k.grid(&[50.0, 150.0, 250.0], &[top, top + 20.0, top + 40.0]);
        k.text(54.0, top + 14.0, "a").text(154.0, top + 14.0, "b");
        k.text(54.0, top + 34.0, "c").text(154.0, top + 34.0, "d");
    }
    let s = Settings {
        area: Some([0.0, 250.0, 595.0, 842.0]),
        ..Settings::default()
    };
    let t = find(&k.page, &s);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].bbox, [50.0, 300.0, 250.0, 340.0]);
}

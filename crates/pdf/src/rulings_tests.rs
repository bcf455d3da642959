//! Ruling lines read from small PDFs drawn the ways producers draw tables,
//! checked against the words written in the same cells, and from a real
//! file of the shared corpus.

use lopdf::{dictionary, Document, Object, Stream};

use super::*;

/// A one-page A4 PDF drawing `content` (raw operators), with Helvetica as
/// F1 and, when given, a Form XObject `Fm1` drawing `form` with the given
/// /Matrix; `rotate` sets the page's /Rotate.
fn pdf(content: &str, form: Option<(&str, [f32; 6])>, rotate: i64) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let mut resources = dictionary! { "Font" => dictionary! { "F1" => font_id } };
    if let Some((body, m)) = form {
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 1000.into(), 1000.into()],
                "Matrix" => m.iter().map(|v| Object::Real(*v)).collect::<Vec<_>>(),
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
            },
            body.as_bytes().to_vec(),
        );
        let form_id = doc.add_object(form);
        resources.set("XObject", dictionary! { "Fm1" => form_id });
    }
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "Resources" => resources, "Rotate" => rotate,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn page(bytes: &[u8]) -> Page {
    let ex = read(bytes, &Limits::default()).unwrap();
    ex.pages.into_iter().next().unwrap()
}

/// A table of `rows` x `cols` cells of `w` x `h` points with its top left
/// corner at (x, y) in user space: its lines drawn by `draw`, the text
/// `r{row}c{col}` written inside each cell.
fn table(x: f32, y: f32, w: f32, h: f32, rows: usize, cols: usize, draw: Draw) -> String {
    let mut s = String::new();
    let (right, bottom) = (x + w * cols as f32, y - h * rows as f32);
    match draw {
        Draw::Cells => {
            s.push_str("0.5 w\n");
            for r in 0..rows {
                for c in 0..cols {
                    let (cx, cy) = (x + w * c as f32, y - h * (r + 1) as f32);
                    s += &format!("{cx} {cy} {w} {h} re S\n");
                }
            }
        }
        Draw::Strokes => {
            s.push_str("0.75 w 0 0 0 RG\n");
            for r in 0..=rows {
                let ly = y - h * r as f32;
                s += &format!("{x} {ly} m {right} {ly} l S\n");
            }
            for c in 0..=cols {
                let lx = x + w * c as f32;
                s += &format!("{lx} {y} m {lx} {bottom} l S\n");
            }
        }
        Draw::Fills => {
            // Borders as thin filled rectangles, each cell's own, as word
            // processors write them.
            s.push_str("0 0 0 rg\n");
            for r in 0..rows {
                for c in 0..cols {
                    let (cx, top) = (x + w * c as f32, y - h * r as f32);
                    s += &format!("{} {} {} 0.5 re f\n", cx, top - 0.25, w);
                    s += &format!("{} {} {} 0.5 re f\n", cx, top - h - 0.25, w);
                    s += &format!("{} {} 0.5 {} re f\n", cx - 0.25, top - h, h);
                    s += &format!("{} {} 0.5 {} re f\n", cx + w - 0.25, top - h, h);
                }
            }
        }
    }
    for r in 0..rows {
        for c in 0..cols {
            let (tx, ty) = (x + w * c as f32 + 4.0, y - h * (r + 1) as f32 + 6.0);
            s += &format!("BT /F1 9 Tf {tx} {ty} Td (r{r}c{c}) Tj ET\n");
        }
    }
    s
}

#[derive(Clone, Copy)]
enum Draw {
    Cells,
    Strokes,
    Fills,
}

fn horizontal(p: &Page) -> Vec<Ruling> {
    p.rulings
        .iter()
        .copied()
        .filter(|r| r.is_horizontal())
        .collect()
}

fn vertical(p: &Page) -> Vec<Ruling> {
    p.rulings
        .iter()
        .copied()
        .filter(|r| !r.is_horizontal())
        .collect()
}

fn near(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.05
}

/// The page holds exactly the grid of `rows` x `cols` cells (whole lines
/// across the table), and every word `r{row}c{col}` lies inside its cell:
/// between the rulings `row` and `row + 1` down, `col` and `col + 1`
/// across.
fn assert_grid(p: &Page, rows: usize, cols: usize) {
    let (h, v) = (horizontal(p), vertical(p));
    assert_eq!((h.len(), v.len()), (rows + 1, cols + 1), "{:?}", p.rulings);
    for r in &h {
        assert!(near(r.x0, v[0].x0) && near(r.x1, v[cols].x0), "{r:?}");
    }
    for r in &v {
        assert!(near(r.y0, h[0].y0) && near(r.y1, h[rows].y0), "{r:?}");
    }
    for w in &p.words {
        let (row, col) = w
            .text
            .strip_prefix('r')
            .and_then(|s| s.split_once('c'))
            .and_then(|(a, b)| Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?)))
            .unwrap_or_else(|| panic!("word {w:?}"));
        assert!(h[row].y0 < w.y && w.y < h[row + 1].y0, "{w:?} {h:?}");
        assert!(
            v[col].x0 < w.x && w.x + w.width < v[col + 1].x0,
            "{w:?} {v:?}"
        );
    }
    assert_eq!(p.words.len(), rows * cols);
}

#[test]
fn a_grid_of_stroked_cells() {
    let p = page(&pdf(
        &table(72.0, 700.0, 120.0, 20.0, 3, 2, Draw::Cells),
        None,
        0,
    ));
    assert_grid(&p, 3, 2);
    // Word space: y down from the top of the 842 high page.
    let h = horizontal(&p);
    assert!(near(h[0].y0, 142.0) && near(h[3].y0, 202.0), "{h:?}");
    assert!(near(h[0].x0, 72.0) && near(h[0].x1, 312.0), "{h:?}");
}

#[test]
fn lines_drawn_with_moves_and_strokes() {
    let p = page(&pdf(
        &table(50.0, 500.0, 80.0, 18.0, 4, 3, Draw::Strokes),
        None,
        0,
    ));
    assert_grid(&p, 4, 3);
}

#[test]
fn thin_filled_rectangles_are_lines() {
    let p = page(&pdf(
        &table(60.0, 800.0, 100.0, 25.0, 2, 4, Draw::Fills),
        None,
        0,
    ));
    assert_grid(&p, 2, 4);
    // The middle of each 0.5 thick rectangle.
    let v = vertical(&p);
    assert!(near(v[0].x0, 60.0) && near(v[4].x0, 460.0), "{v:?}");
}

#[test]
fn a_table_in_a_scaled_form() {
    // The form draws the table at (10, 300) in its own space; the form's
    // matrix moves it by (20, 0), the page's `cm` scales it by 1.5 and
    // moves it by (30, 40).
    let body = table(10.0, 300.0, 60.0, 12.0, 3, 3, Draw::Strokes);
    let content = "q 1.5 0 0 1.5 30 40 cm /Fm1 Do Q";
    let p = page(&pdf(
        content,
        Some((&body, [1.0, 0.0, 0.0, 1.0, 20.0, 0.0])),
        0,
    ));
    assert_grid(&p, 3, 3);
    let (h, v) = (horizontal(&p), vertical(&p));
    // x = 1.5 * (10 + 20) + 30; top y = 842 - (1.5 * 300 + 40).
    assert!(
        near(v[0].x0, 75.0) && near(v[3].x0, 75.0 + 1.5 * 180.0),
        "{v:?}"
    );
    assert!(
        near(h[0].y0, 352.0) && near(h[3].y0, 352.0 + 1.5 * 36.0),
        "{h:?}"
    );
}

#[test]
fn a_form_is_clipped_to_its_bbox() {
    // The form's box is 1000 square: a line running past it is cut at its
    // edge, here x = 1000 * 0.2 + 100 = 300.
    let body = "0 500 m 2000 500 l S";
    let content = "q 0.2 0 0 0.2 100 100 cm /Fm1 Do Q";
    let p = page(&pdf(
        content,
        Some((body, [1.0, 0.0, 0.0, 1.0, 0.0, 0.0])),
        0,
    ));
    assert_eq!(p.rulings.len(), 1, "{:?}", p.rulings);
    assert!(near(p.rulings[0].x0, 100.0), "{:?}", p.rulings);
    assert!((p.rulings[0].x1 - 300.0).abs() <= 0.5, "{:?}", p.rulings);
}

#[test]
fn a_rotated_page() {
    // /Rotate 90: the page shows 842 wide, 595 high; user (x, y) lands at
    // (y, x) in word space, so the table's rows become columns.
    let p = page(&pdf(
        &table(72.0, 700.0, 120.0, 20.0, 2, 2, Draw::Cells),
        None,
        90,
    ));
    assert_eq!((p.width, p.height), (842.0, 595.0));
    let (h, v) = (horizontal(&p), vertical(&p));
    assert_eq!((h.len(), v.len()), (3, 3), "{:?}", p.rulings);
    // User x 72, 192, 312 -> word y; user y 700, 680, 660 -> word x.
    let ys: Vec<f32> = h.iter().map(|r| r.y0).collect();
    let xs: Vec<f32> = v.iter().map(|r| r.x0).collect();
    assert!(
        ys.iter()
            .zip([72.0, 192.0, 312.0])
            .all(|(a, b)| near(*a, b)),
        "{ys:?}"
    );
    assert!(
        xs.iter()
            .zip([660.0, 680.0, 700.0])
            .all(|(a, b)| near(*a, b)),
        "{xs:?}"
    );
    // The text runs down the page: a word of row r, column c lies between
    // word-space columns (2 - r, 3 - r) and rows (c, c + 1).
    for w in &p.words {
        let (r, c) = (w.text.as_bytes()[1] - b'0', w.text.as_bytes()[3] - b'0');
        let (r, c) = (r as usize, c as usize);
        assert!(xs[1 - r] < w.x && w.x < xs[2 - r], "{w:?} {xs:?}");
        assert!(ys[c] < w.y && w.y + w.width < ys[c + 1], "{w:?} {ys:?}");
    }
    assert_eq!(p.words.len(), 4);
}

#[test]
fn backgrounds_white_paint_and_clips() {
    let content = "\
        1 1 1 rg 0 0 595 842 re f\n\
        0.2 g 0 0 595 842 re f\n\
        1 G 100 100 m 400 100 l S\n\
        0 G 1 0 0 0 k 50 50 200 1 re f\n\
        0 0 0 0 k 50 60 200 1 re f\n\
        0.9 0.9 0.9 rg 300 600 100 40 re f\n\
        q 100 200 100 100 re W n 0 250 m 595 250 l S Q\n\
        0 300 m 595 300 l S\n";
    let p = page(&pdf(content, None, 0));
    let got: Vec<(f32, f32, f32, f32)> =
        p.rulings.iter().map(|r| (r.x0, r.y0, r.x1, r.y1)).collect();
    // Kept: the cyan line (y 842 - 50.5), the shaded box's four edges, the
    // clipped line (only 100..200), the line after the clip is restored.
    let want = [
        (300.0, 202.0, 400.0, 202.0),
        (300.0, 242.0, 400.0, 242.0),
        (0.0, 542.0, 595.0, 542.0),
        (100.0, 592.0, 200.0, 592.0),
        (50.0, 791.5, 250.0, 791.5),
        (300.0, 202.0, 300.0, 242.0),
        (400.0, 202.0, 400.0, 242.0),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(want) {
        let d = (g.0 - w.0).abs() + (g.1 - w.1).abs() + (g.2 - w.2).abs() + (g.3 - w.3).abs();
        assert!(d <= 1.0, "{g:?} != {w:?} in {got:?}");
    }
}

#[test]
fn a_flood_of_lines_is_bounded() {
    // 40 000 tiny slanted strokes in one path and 25 000 short level ones:
    // the path and the marks stop at their caps, the page still reads.
    let mut s = String::from("BT /F1 9 Tf 10 10 Td (Mappa) Tj ET\n");
    for k in 0..40_000 {
        let (x, y) = ((k % 500) as f32, (k / 500) as f32 * 10.0);
        s += &format!("{x} {y} m {} {} l ", x + 1.0, y + 1.0);
    }
    s.push_str("S\n");
    for k in 0..25_000 {
        let (x, y) = ((k % 100) as f32 * 5.0, 100.0 + (k / 100) as f32 * 1.5);
        s += &format!("{x} {y} m {} {y} l S\n", x + 4.0);
    }
    let ex = read(&pdf(&s, None, 0), &Limits::default()).unwrap();
    let p = &ex.pages[0];
    assert_eq!(p.text, "Mappa");
    // Each row of 4 point dashes 1 apart joins into one line; the first
    // 20 000 dashes are 200 rows.
    assert_eq!(p.rulings.len(), 200, "{:?}", &p.rulings[..3]);
    assert!(p.rulings.iter().all(|r| r.x0 == 0.0 && r.x1 == 499.0));
    for cap in [paths::MAX_MARKS, paths::MAX_PATH_POINTS] {
        let cap = format!("più di {cap}");
        assert!(
            ex.warnings.iter().any(|w| w.contains(&cap)),
            "{:?}",
            ex.warnings
        );
    }
}

/// A real indicator table (Comune di Avella, "piano degli indicatori"),
/// checked against its picture: page 2 is a grid of 22 rows with a double
/// outer border, 4 columns, and 3 section rows ("07 Investimenti"...) whose
/// title runs across the last three columns.
#[test]
fn real_indicator_table_has_its_grid() {
    let Some(dir) = atti_dev::shared::path("corpus/real-it", "real_indicator_table_has_its_grid")
    else {
        return;
    };
    let name = "avella_Delibera_52__5511_piano_degli_indicatori_2025_497280_4.pdf";
    let Ok(bytes) = std::fs::read(dir.join(name)) else {
        eprintln!("notice: {name} is absent; skipped");
        return;
    };
    let ex = read(&bytes, &Limits::default()).unwrap();
    let p = &ex.pages[1];
    let (h, v) = (horizontal(p), vertical(p));
    // A line under every row and the double border: 23 to 27 lines.
    assert!((23..=27).contains(&h.len()), "{h:?}");
    // Columns: the double border on each side and 3 separators.
    let mut xs: Vec<f32> = v.iter().map(|r| r.x0).collect();
    xs.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    assert_eq!(xs.len(), 7, "{v:?}");
    let word = |t: &str| {
        p.words
            .iter()
            .find(|w| w.text == t)
            .unwrap_or_else(|| panic!("{t}"))
    };
    // Every indicator code sits in the first column, between two rulings.
    let codes: Vec<&Word> = p
        .words
        .iter()
        .filter(|w| w.text.len() == 4 && w.text.as_bytes()[2] == b'.' && w.x < 40.0)
        .collect();
    assert_eq!(codes.len(), 18, "{codes:?}");
    for w in codes {
        let spans = |r: &&Ruling| r.x0 <= w.x && w.x + w.width <= r.x1;
        assert!(h.iter().filter(spans).any(|r| r.y0 < w.y), "{w:?}");
        assert!(h.iter().filter(spans).any(|r| r.y0 > w.y), "{w:?}");
        let left = v
            .iter()
            .any(|r| r.x0 < w.x && w.x - r.x0 < 10.0 && r.y0 < w.y && w.y < r.y1);
        let right = v
            .iter()
            .any(|r| r.x0 > w.x + w.width && r.x0 - w.x < 30.0 && r.y0 < w.y && w.y < r.y1);
        assert!(left && right, "{w:?} {v:?}");
    }
    // A section title crosses the column separators: no vertical ruling
    // beyond the code column runs through its line.
    for t in ["Investimenti", "Analisi", "Smaltimento"] {
        let w = word(t);
        let crossing: Vec<&Ruling> = v
            .iter()
            .filter(|r| r.x0 > 100.0 && r.x0 < 800.0 && r.y0 < w.y && w.y < r.y1)
            .collect();
        assert!(crossing.is_empty(), "{w:?} {crossing:?}");
    }
    // A code column separator does run through it.
    let w = word("Investimenti");
    assert!(v
        .iter()
        .any(|r| r.x0 < w.x && r.x0 > 40.0 && r.y0 < w.y && w.y < r.y1));
}

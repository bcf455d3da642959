use crate::testkit::{grids, rows, Kit};
use crate::Settings;
use atti_page::TableMode;

/// Text in the cell whose top left corner is (x, y).
fn cell(k: &mut Kit, x: f32, y: f32, text: &str) {
    k.text(x + 4.0, y + 14.0, text);
}

#[test]
fn three_by_three_grid() {
    let mut k = Kit::new();
    let xs = [50.0, 150.0, 250.0, 350.0];
    let ys = [100.0, 120.0, 140.0, 160.0];
    k.grid(&xs, &ys);
    for (r, y) in ys[..3].iter().enumerate() {
        for (c, x) in xs[..3].iter().enumerate() {
            cell(&mut k, *x, *y, &format!("r{r}c{c}"));
        }
    }
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].mode, TableMode::Lattice);
    assert_eq!((t[0].rows, t[0].cols), (3, 3));
    assert_eq!(t[0].bbox, [50.0, 100.0, 350.0, 160.0]);
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["r0c0", "r0c1", "r0c2"],
            &["r1c0", "r1c1", "r1c2"],
            &["r2c0", "r2c1", "r2c2"]
        ])
    );
    let c = t[0].cell_at(1, 2).map(|c| (c.bbox, c.start, c.end));
    let start = k.page.text.find("r1c2").unwrap_or(usize::MAX);
    assert_eq!(c, Some(([250.0, 120.0, 350.0, 140.0], start, start + 4)));
}

#[test]
fn merged_header_and_a_cell_over_two_rows() {
    // | Fase | Previsto      |
    // |      | Inizio | Fine |
    // | 1    | gen    | mar  |
    let mut k = Kit::new();
    k.hline(50.0, 350.0, 100.0)
        .hline(150.0, 350.0, 120.0)
        .hline(50.0, 350.0, 140.0)
        .hline(50.0, 350.0, 160.0)
        .vline(50.0, 100.0, 160.0)
        .vline(150.0, 100.0, 160.0)
        .vline(250.0, 120.0, 160.0)
        .vline(350.0, 100.0, 160.0);
    k.text(54.0, 124.0, "Fase"); // centred in its two rows
    k.centred(250.0, 114.0, "Previsto");
    cell(&mut k, 150.0, 120.0, "Inizio");
    cell(&mut k, 250.0, 120.0, "Fine");
    cell(&mut k, 50.0, 140.0, "1");
    cell(&mut k, 150.0, 140.0, "gen");
    cell(&mut k, 250.0, 140.0, "mar");
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    let spans: Vec<(u32, u32, u32, u32, &str)> = t[0]
        .cells
        .iter()
        .map(|c| (c.row, c.col, c.row_span, c.col_span, c.text.as_str()))
        .collect();
    assert_eq!(
        spans,
        vec![
            (0, 0, 2, 1, "Fase"),
            (0, 1, 1, 2, "Previsto"),
            (1, 1, 1, 1, "Inizio"),
            (1, 2, 1, 1, "Fine"),
            (2, 0, 1, 1, "1"),
            (2, 1, 1, 1, "gen"),
            (2, 2, 1, 1, "mar"),
        ]
    );
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["Fase", "Previsto", ""],
            &["", "Inizio", "Fine"],
            &["1", "gen", "mar"]
        ])
    );
}

#[test]
fn two_grids_on_one_page_with_text_between() {
    let mut k = Kit::new();
    for (top, tag) in [(100.0, "a"), (300.0, "b")] {
        let xs = [50.0, 200.0, 350.0];
        let ys = [top, top + 20.0, top + 40.0];
        k.grid(&xs, &ys);
        for (r, y) in ys[..2].iter().enumerate() {
            for (c, x) in xs[..2].iter().enumerate() {
                cell(&mut k, *x, *y, &format!("{tag}{r}{c}"));
            }
        }
    }
    k.text(
        50.0,
        200.0,
        "Testo tra le due tabelle, che non fa parte di nessuna.",
    );
    let g = grids(&k.page);
    assert_eq!(
        g,
        vec![
            rows(&[&["a00", "a01"], &["a10", "a11"]]),
            rows(&[&["b00", "b01"], &["b10", "b11"]])
        ]
    );
}

#[test]
fn grid_without_outer_border() {
    // Only the inner lines are drawn; the table ends where they end.
    let mut k = Kit::new();
    k.hline(50.0, 350.0, 120.0)
        .hline(50.0, 350.0, 140.0)
        .vline(150.0, 100.0, 160.0)
        .vline(250.0, 100.0, 160.0);
    for (r, y) in [100.0, 120.0, 140.0].iter().enumerate() {
        for (c, x) in [50.0, 150.0, 250.0].iter().enumerate() {
            cell(&mut k, *x, *y, &format!("{r}{c}"));
        }
    }
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].bbox, [50.0, 100.0, 350.0, 160.0]);
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["00", "01", "02"],
            &["10", "11", "12"],
            &["20", "21", "22"]
        ])
    );
}

#[test]
fn wrapped_cell_text_is_one_cell() {
    let mut k = Kit::new();
    k.grid(&[50.0, 150.0, 250.0], &[100.0, 140.0, 160.0]);
    k.text(54.0, 114.0, "Avvio del pro-")
        .text(54.0, 126.0, "getto");
    k.text(154.0, 120.0, "01/02/2021");
    cell(&mut k, 50.0, 140.0, "x");
    cell(&mut k, 150.0, 140.0, "y");
    let g = grids(&k.page);
    assert_eq!(
        g,
        vec![rows(&[&["Avvio del progetto", "01/02/2021"], &["x", "y"]])]
    );
}

#[test]
fn empty_grid_and_lone_box_are_no_table() {
    let mut k = Kit::new();
    k.grid(&[50.0, 150.0, 250.0], &[100.0, 120.0, 140.0]); // no words
    k.grid(&[50.0, 300.0], &[400.0, 500.0]); // a box around a paragraph
    k.text(60.0, 420.0, "Un paragrafo dentro un riquadro.");
    assert!(grids(&k.page).is_empty());
}

#[test]
fn a_table_inside_a_cell_is_read_apart() {
    // A two-column frame; in its second cell a paragraph and, below it, a
    // grid of its own that touches none of the frame's lines.
    let mut k = Kit::new();
    k.grid(&[40.0, 140.0, 500.0], &[100.0, 300.0]);
    k.text(44.0, 114.0, "CASO MORTE");
    k.text(
        144.0,
        114.0,
        "In caso di decesso la Compagnia versa un capitale",
    );
    k.grid(&[160.0, 300.0, 440.0], &[140.0, 160.0, 180.0, 200.0]);
    for (r, (a, b)) in [("Eta", "Misura"), ("18-75", "1,00%"), ("76-80", "0,50%")]
        .iter()
        .enumerate()
    {
        let y = 140.0 + 20.0 * r as f32;
        cell(&mut k, 160.0, y, a);
        cell(&mut k, 300.0, y, b);
    }
    k.text(
        144.0,
        240.0,
        "Si precisa che la Compagnia non offre garanzie.",
    );
    let g = grids(&k.page);
    assert_eq!(g.len(), 2, "{g:?}");
    assert_eq!(g[0][0], vec!["CASO MORTE", "In caso di decesso la Compagnia versa un capitale Si precisa che la Compagnia non offre garanzie."]);
    assert_eq!(
        g[1],
        rows(&[&["Eta", "Misura"], &["18-75", "1,00%"], &["76-80", "0,50%"]])
    );
}

/// A grid whose first row is one cell across the three columns, holding
/// `title` set at `size`; the body's text is set at the kit's size.
fn titled_grid(title: &str, size: f32) -> Kit {
    let mut k = Kit::new();
    let xs = [50.0, 150.0, 250.0, 350.0];
    let ys = [100.0, 124.0, 144.0, 164.0, 184.0];
    for &y in &ys {
        k.hline(xs[0], xs[3], y);
    }
    k.vline(xs[0], ys[0], ys[4]).vline(xs[3], ys[0], ys[4]);
    k.vline(xs[1], ys[1], ys[4]).vline(xs[2], ys[1], ys[4]);
    let n = k.page.words.len();
    k.text(60.0, 118.0, title);
    for w in &mut k.page.words[n..] {
        w.size = size;
        w.width *= size / crate::testkit::SIZE;
    }
    for (r, y) in ys[1..4].iter().enumerate() {
        for (c, x) in xs[..3].iter().enumerate() {
            cell(&mut k, *x, *y, &format!("r{r}c{c}"));
        }
    }
    k
}

#[test]
fn a_title_set_larger_in_the_first_row_is_no_part_of_the_table() {
    let k = titled_grid("Table 5 Outlay", 14.0);
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].bbox[1], 124.0);
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["r0c0", "r0c1", "r0c2"],
            &["r1c0", "r1c1", "r1c2"],
            &["r2c0", "r2c1", "r2c2"]
        ])
    );
}

#[test]
fn a_merged_first_row_in_the_tables_type_stays() {
    let k = titled_grid("Disclosure report", crate::testkit::SIZE);
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["Disclosure report", "", ""],
            &["r0c0", "r0c1", "r0c2"],
            &["r1c0", "r1c1", "r1c2"],
            &["r2c0", "r2c1", "r2c2"]
        ])
    );
}

/// A grid of three rows of three cells over a last row that is one cell
/// across the three columns, holding `note`.
fn noted_grid(note: &str) -> Kit {
    let mut k = Kit::new();
    let xs = [50.0, 150.0, 250.0, 350.0];
    let ys = [100.0, 120.0, 140.0, 160.0, 184.0];
    for &y in &ys {
        k.hline(xs[0], xs[3], y);
    }
    k.vline(xs[0], ys[0], ys[4]).vline(xs[3], ys[0], ys[4]);
    k.vline(xs[1], ys[0], ys[3]).vline(xs[2], ys[0], ys[3]);
    for (r, y) in ys[..3].iter().enumerate() {
        for (c, x) in xs[..3].iter().enumerate() {
            cell(&mut k, *x, *y, &format!("r{r}c{c}"));
        }
    }
    k.text(54.0, 176.0, note);
    k
}

#[test]
fn a_note_set_in_the_last_row_across_the_table_is_no_part_of_it() {
    let k = noted_grid("1 Valori stimati sulla base dei dati provvisori dell'anno precedente");
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].bbox[3], 160.0);
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["r0c0", "r0c1", "r0c2"],
            &["r1c0", "r1c1", "r1c2"],
            &["r2c0", "r2c1", "r2c2"]
        ])
    );
}

#[test]
fn a_label_in_the_first_column_of_a_merged_last_row_stays() {
    let k = noted_grid("Totale");
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1);
    assert_eq!(crate::grid(&t[0]).len(), 4);
    assert_eq!(crate::grid(&t[0])[3], vec!["Totale", "", ""]);
}

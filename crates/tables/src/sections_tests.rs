use crate::testkit::{rows, Kit};
use crate::Settings;

/// Left edge of the labels, right edge of the figures.
const LABEL: f32 = 70.0;
const FIGURE_END: f32 = 530.0;

fn figure(k: &mut Kit, y: f32, label: &str, value: &str) {
    k.text(LABEL, y, label)
        .text(FIGURE_END - Kit::width(value), y, value);
}

#[test]
fn blocks_parted_by_blank_space_and_labels_are_one_table() {
    // Three sections, each under a label of its own, with a blank line or
    // two between them; a year over the figures and a note on the units
    // above the first. The heading, set larger far above, stays out.
    let mut k = Kit::new();
    k.page.words.push(atti_page::Word {
        text: "Figures".into(),
        x: LABEL,
        y: 60.0,
        width: 60.0,
        size: 16.0,
        line: 0,
        start: usize::MAX,
    });
    k.text(FIGURE_END - Kit::width("2016"), 110.0, "2016");
    k.text(LABEL, 124.0, "(all amounts in EUR)");
    k.text(LABEL, 146.0, "Class A");
    figure(&mut k, 168.0, "Net asset value", "5,111,372");
    figure(&mut k, 190.0, "Number of outstanding units", "49,136");
    figure(&mut k, 212.0, "Value per unit", "104.03");
    k.text(LABEL, 245.0, "Class B");
    figure(&mut k, 267.0, "Net asset value", "49,144,825");
    figure(&mut k, 289.0, "Number of outstanding units", "471,555");
    figure(&mut k, 311.0, "Value per unit", "104.22");
    // A third block set tighter, its label close above it.
    k.text(LABEL, 345.0, "Per unit");
    figure(&mut k, 357.0, "Revaluation", "3.99");
    figure(&mut k, 369.0, "Costs", "(0.21)");
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["", "2016"],
            &["(all amounts in EUR)", ""],
            &["Class A", ""],
            &["Net asset value", "5,111,372"],
            &["Number of outstanding units", "49,136"],
            &["Value per unit", "104.03"],
            &["Class B", ""],
            &["Net asset value", "49,144,825"],
            &["Number of outstanding units", "471,555"],
            &["Value per unit", "104.22"],
            &["Per unit", ""],
            &["Revaluation", "3.99"],
            &["Costs", "(0.21)"],
        ])
    );
}

#[test]
fn a_second_table_with_its_own_header_stays_apart() {
    // The same columns, a blank line apart, but the lower block opens with
    // a header line of its own: two tables.
    let mut k = Kit::new();
    figure(&mut k, 100.0, "Region", "Total");
    figure(&mut k, 114.0, "North", "1,200");
    figure(&mut k, 128.0, "South", "900");
    k.text(
        LABEL,
        160.0,
        "Table 2. Population by province in the year 2016",
    );
    figure(&mut k, 174.0, "Province", "Total");
    figure(&mut k, 188.0, "Alba", "310");
    figure(&mut k, 202.0, "Bra", "290");
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 2, "{t:#?}");
}

#[test]
fn a_sum_written_over_two_lines_is_one_cell() {
    // "2=" over "(3 to 6)+14": a line of a cell ending in "=" goes on.
    let mut k = Kit::new();
    k.text(50.0, 100.0, "States")
        .text(200.0, 100.0, "Debt")
        .text(300.0, 100.0, "Loans");
    k.text(50.0, 120.0, "1")
        .text(200.0, 120.0, "2=")
        .text(300.0, 120.0, "3");
    k.text(200.0, 130.0, "(3 to 6)+14");
    k.text(50.0, 150.0, "Assam")
        .text(200.0, 150.0, "12.69")
        .text(300.0, 150.0, "10.02");
    k.text(50.0, 164.0, "Bihar")
        .text(200.0, 164.0, "40.75")
        .text(300.0, 164.0, "41.54");
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["States", "Debt", "Loans"],
            &["1", "2= (3 to 6)+14", "3"],
            &["Assam", "12.69", "10.02"],
            &["Bihar", "40.75", "41.54"],
        ])
    );
}

#[test]
fn a_totals_row_set_apart_below_the_table_is_its_last_row() {
    // A rule and a blank line part the totals from the rows above; a note
    // on the source, one run across the columns, follows further down.
    let mut k = Kit::new();
    let row = |k: &mut Kit, y: f32, a: &str, b: &str, c: &str| {
        k.text(LABEL, y, a).text(300.0 - Kit::width(b), y, b).text(
            FIGURE_END - Kit::width(c),
            y,
            c,
        );
    };
    row(&mut k, 100.0, "State", "2001", "2011");
    row(&mut k, 115.0, "Assam", "34.98", "16.93");
    row(&mut k, 130.0, "Bihar", "19.79", "25.07");
    row(&mut k, 145.0, "Goa", "7.77", "8.17");
    row(&mut k, 160.0, "Kerala", "24.76", "4.86");
    k.hline(LABEL, FIGURE_END, 170.0);
    row(&mut k, 192.0, "All India", "21.51", "17.64");
    k.text(
        LABEL,
        230.0,
        "Source: the census of the population, registrar general's office.",
    );
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["State", "2001", "2011"],
            &["Assam", "34.98", "16.93"],
            &["Bihar", "19.79", "25.07"],
            &["Goa", "7.77", "8.17"],
            &["Kerala", "24.76", "4.86"],
            &["All India", "21.51", "17.64"],
        ])
    );
}

#[test]
fn section_labels_set_larger_still_join_their_blocks() {
    // A catalogue by country: each block under a label set larger than
    // its rows (capitals at 12 pt over rows at 10 pt), the first label
    // above the first block, the second between the blocks.
    let mut k = Kit::new();
    let label = |k: &mut Kit, y: f32, text: &str| {
        let mut x = LABEL;
        for w in text.split_whitespace() {
            let width = w.chars().count() as f32 * 6.0;
            k.page.words.push(atti_page::Word {
                text: w.into(),
                x,
                y,
                width,
                size: 12.0,
                line: 0,
                start: usize::MAX,
            });
            x += width + 3.4;
        }
    };
    let book = |k: &mut Kit, y: f32, author: &str, title: &str, code: &str| {
        k.text(LABEL, y, author)
            .text(250.0, y, title)
            .text(450.0, y, code);
    };
    label(&mut k, 100.0, "AFRIQUE DU SUD");
    book(&mut k, 115.0, "GRAY STEPHEN", "African Stories", "L");
    book(
        &mut k,
        127.0,
        "QUIGNARD PASCAL",
        "Tous les matins du monde",
        "L",
    );
    label(&mut k, 152.0, "ALBANIE");
    book(&mut k, 167.0, "ADLER LAURE", "Marguerite Duras", "L");
    book(&mut k, 179.0, "BERGSON HENRI", "Les Deux Sources", "P");
    book(
        &mut k,
        191.0,
        "CABANES PIERRE",
        "Passions albanaises",
        "SSH",
    );
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["AFRIQUE DU SUD", "", ""],
            &["GRAY STEPHEN", "African Stories", "L"],
            &["QUIGNARD PASCAL", "Tous les matins du monde", "L"],
            &["ALBANIE", "", ""],
            &["ADLER LAURE", "Marguerite Duras", "L"],
            &["BERGSON HENRI", "Les Deux Sources", "P"],
            &["CABANES PIERRE", "Passions albanaises", "SSH"],
        ])
    );
}

#[test]
fn a_section_label_wider_than_the_first_column_keeps_the_table_whole() {
    // A narrow table: the second section's label, set from the table's
    // left edge at the rows' pitch, runs over the empty cells of its row
    // into the figures' columns, short of the table's right edge.
    let mut k = Kit::new();
    let row = |k: &mut Kit, y: f32, name: &str, a: &str, b: &str| {
        k.text(100.0, y, name);
        k.text(290.0 - Kit::width(a), y, a);
        k.text(360.0 - Kit::width(b), y, b);
    };
    row(&mut k, 100.0, "Servizio", "Importo", "Residui");
    k.text(100.0, 114.0, "Spese");
    row(&mut k, 128.0, "Polizia locale", "60.254,74", "17.684,72");
    row(&mut k, 142.0, "Servizi sociali", "81.102,61", "96.849,34");
    row(&mut k, 156.0, "Ufficio tecnico", "83.978,89", "24.523,66");
    k.text(100.0, 170.0, "Missione 04 - Istruzione e studio");
    row(&mut k, 184.0, "Istruzione", "67.070,56", "31.614,07");
    row(&mut k, 198.0, "Sport", "49.939,35", "54.631,12");
    row(&mut k, 212.0, "Totale", "48.010,27", "17.655,21");
    let t = crate::find(&k.page, &Settings::default());
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(
        crate::grid(&t[0]),
        rows(&[
            &["Servizio", "Importo", "Residui"],
            &["Spese", "", ""],
            &["Polizia locale", "60.254,74", "17.684,72"],
            &["Servizi sociali", "81.102,61", "96.849,34"],
            &["Ufficio tecnico", "83.978,89", "24.523,66"],
            &["Missione 04 - Istruzione e studio", "", ""],
            &["Istruzione", "67.070,56", "31.614,07"],
            &["Sport", "49.939,35", "54.631,12"],
            &["Totale", "48.010,27", "17.655,21"],
        ])
    );
}

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

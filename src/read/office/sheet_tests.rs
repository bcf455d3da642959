//! Tests of sheet.rs: cells of a workbook written here, read as
//! LibreOffice 7.4's CSV export (Italian settings) writes them; every
//! expected text is the one `soffice --convert-to csv` wrote for the same
//! value and format in `bench/office/cells.py`.

use super::*;
use rust_xlsxwriter::{Format, Formula, Workbook};

/// One cell per row in column A: (value, number format); a formula when
/// the value is `None` (the formula of `formula`, saved with a text
/// result, which LibreOffice computes again in a file of a producer it
/// does not trust, as `cells.py`'s "export" workbook).
fn workbook(cells: &[(Option<f64>, &str, &str)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, (value, format, formula)) in cells.iter().enumerate() {
        let f = Format::new().set_num_format(*format);
        match value {
            Some(v) => ws.write_number_with_format(r as u32, 0, *v, &f).unwrap(),
            None => ws
                .write_formula_with_format(r as u32, 0, Formula::new(*formula).set_result("x"), &f)
                .unwrap(),
        };
    }
    wb.save_to_buffer().unwrap()
}

fn texts(bytes: &[u8]) -> Vec<String> {
    let pages = read(bytes, Book::Xlsx, None, 1_000_000).unwrap();
    let mut out = vec![String::new(); pages[0].tables[0].rows as usize];
    for c in &pages[0].tables[0].cells {
        out[c.row as usize] = c.text.clone();
    }
    out
}

#[test]
fn cells_read_as_the_csv_export_writes_their_format() {
    let cells = [
        (Some(0.30000000000000004), "General", ""),
        (Some(1234567890123456.7), "General", ""),
        (Some(1e-20), "General", ""),
        (Some(0.9), "0%", ""),
        (Some(0.5), "0.0\" %\"", ""),
        (Some(0.5), "0.0%\" del totale\"", ""),
        (Some(-1234.5), "#,##0.00;[Red]-#,##0.00", ""),
        (Some(44652.0), "dd/mm/yyyy", ""),
        (Some(44652.0), "dddd d mmmm yyyy", ""),
        (Some(44652.5), "m/d/yyyy", ""),
        (Some(44652.123456), "dd/mm/yyyy hh:mm:ss", ""),
        (Some(44652.0), "yyyy-mm-dd", ""),
        (Some(44652.5), "yyyy-mm-dd", ""),
        (Some(0.75), "h:mm", ""),
        (Some(44652.75), "h:mm", ""),
        (Some(-0.25), "h:mm", ""),
        (Some(1.5), "[h]:mm:ss", ""),
        (Some(2.25), "[h]:mm", ""),
        (Some(0.0), "m/d/yyyy", ""),
        (Some(1.0), "m/d/yyyy", ""),
        (Some(59.0), "m/d/yyyy", ""),
        (Some(61.0), "m/d/yyyy", ""),
        (None, "0.00%", "1/8"),
        (None, "m/d/yyyy", "DATE(2021,3,31)"),
        (None, "h:mm", "1/24*13.5"),
        (None, "General", "SQRT(-1)"),
        (None, "General", "VALUE(\"12,5\")"),
    ];
    let expected = [
        "0,3",
        "1,23456789012346E+015",
        "1E-020",
        "90%",
        "0,5",
        "50%",
        "-1234,5",
        "01/04/2022",
        "01/04/2022",
        "01/04/2022 12:00:00",
        "01/04/2022 02:57:46",
        "2022-04-01",
        "2022-04-01 12:00:00",
        "18:00:00",
        "01/04/2022 18:00:00",
        "-06:00:00",
        "36:00:00",
        "54:00:00",
        "30/12/1899",
        "31/12/1899",
        "27/02/1900",
        "01/03/1900",
        "12,5%",
        "31/03/2021",
        "13:30:00",
        "Err:502",
        "12,5",
    ];
    let got = texts(&workbook(&cells));
    for (i, want) in expected.iter().enumerate() {
        assert_eq!(got[i], *want, "row {}: {:?}", i + 1, cells[i]);
    }
}

/// The kinds `cells.py` found written differently from soffice (session
/// 36): a boolean under a number format is the number (`0`), under the
/// General format `VERO`; a value a merged area covers is kept apart
/// (`Table::covered`), off the grid, which shows the merged cell.
#[test]
fn booleans_by_their_format_and_values_under_a_merged_cell() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_boolean_with_format(0, 0, false, &Format::new().set_num_format("#,##0.00"))
        .unwrap();
    ws.write_boolean(1, 0, true).unwrap();
    ws.write_boolean_with_format(2, 0, true, &Format::new().set_num_format("0%"))
        .unwrap();
    ws.merge_range(3, 0, 3, 1, "valore", &Format::new())
        .unwrap();
    ws.write_string(3, 1, "nascosto").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let pages = read(&bytes, Book::Xlsx, None, 1_000_000).unwrap();
    let t = &pages[0].tables[0];
    let text = |r: u32, c: u32| t.cell_at(r, c).map(|c| c.text.as_str());
    assert_eq!(text(0, 0), Some("0"));
    assert_eq!(t.cell_at(0, 0).unwrap().value, Some(CellValue::Number(0.0)));
    assert_eq!(text(1, 0), Some("VERO"));
    assert_eq!(text(2, 0), Some("100%"));
    assert_eq!(text(3, 0), Some("valore"));
    assert_eq!(
        (t.cell_at(3, 0).unwrap().col_span, text(3, 1)),
        (2, Some("valore"))
    );
    assert_eq!(t.covered.len(), 1);
    assert_eq!((t.covered[0].row, t.covered[0].col), (3, 1));
    assert_eq!(t.covered[0].text, "nascosto");
    assert!(!pages[0].text.contains("nascosto"));
}

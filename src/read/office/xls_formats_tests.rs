use super::*;
use crate::read::office::cfb::tests::build;

fn record(kind: u16, body: &[u8]) -> Vec<u8> {
    let mut r = kind.to_le_bytes().to_vec();
    r.extend_from_slice(&(body.len() as u16).to_le_bytes());
    r.extend_from_slice(body);
    r
}

fn bof(kind: u16) -> Vec<u8> {
    let mut b = 0x0600u16.to_le_bytes().to_vec();
    b.extend_from_slice(&kind.to_le_bytes());
    b.extend_from_slice(&[0; 12]);
    record(BOF, &b)
}

fn xf(format: u16) -> Vec<u8> {
    let mut b = 0u16.to_le_bytes().to_vec();
    b.extend_from_slice(&format.to_le_bytes());
    b.extend_from_slice(&[0; 16]);
    record(XF, &b)
}

fn format(index: u16, code: &str) -> Vec<u8> {
    let mut b = index.to_le_bytes().to_vec();
    b.extend_from_slice(&(code.len() as u16).to_le_bytes());
    b.push(0);
    b.extend_from_slice(code.as_bytes());
    record(FORMAT, &b)
}

fn cell(kind: u16, row: u16, col: u16, style: u16) -> Vec<u8> {
    let mut b = Vec::new();
    for v in [row, col, style] {
        b.extend_from_slice(&v.to_le_bytes());
    }
    b.extend_from_slice(&[0; 8]);
    record(kind, &b)
}

/// A BIFF8 workbook stream: a custom format, five styles, one sheet named
/// in UTF-16 whose cells use them.
fn workbook() -> Vec<u8> {
    let mut globals = bof(0x0005);
    globals.extend(format(164, "0.0%"));
    for f in [0, 9, 164, 46, 14] {
        globals.extend(xf(f));
    }
    let name: Vec<u8> = "Attività"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let sheet_record_len = 4 + 8 + name.len();
    let offset = globals.len() + sheet_record_len + 4;
    let mut b = (offset as u32).to_le_bytes().to_vec();
    b.extend_from_slice(&[0, 0, 8, 1]);
    b.extend_from_slice(&name);
    globals.extend(record(BOUNDSHEET, &b));
    globals.extend(record(EOF, &[]));
    assert_eq!(globals.len(), offset);
    let mut sheet = bof(0x0010);
    sheet.extend(cell(0x0203, 0, 0, 1));
    sheet.extend(cell(0x027E, 0, 1, 2));
    // MULRK: row 1, columns 0-2, styles 3, 0 and 4.
    let mut m = 1u16.to_le_bytes().to_vec();
    m.extend_from_slice(&0u16.to_le_bytes());
    for s in [3u16, 0, 4] {
        m.extend_from_slice(&s.to_le_bytes());
        m.extend_from_slice(&[0; 4]);
    }
    m.extend_from_slice(&2u16.to_le_bytes());
    sheet.extend(record(MULRK, &m));
    sheet.extend(record(EOF, &[]));
    globals.extend(sheet);
    globals
}

#[test]
fn each_cell_s_format_comes_from_its_style() {
    let f = parse(&workbook()).unwrap();
    assert_eq!(f.codes_of("Attività")(0, 0), Some("0%"));
    assert_eq!(f.codes_of("Attività")(0, 1), Some("0.0%"));
    assert_eq!(f.codes_of("Attività")(1, 0), Some("[h]:mm:ss"));
    assert_eq!(f.codes_of("Attività")(1, 1), None, "the General format");
    assert_eq!(f.codes_of("Attività")(1, 2), Some("dd/mm/yyyy"));
    assert_eq!(f.codes_of("Attività")(5, 5), None, "no such cell");
    assert_eq!(f.codes_of("Altro")(0, 0), None, "no such sheet");
}

#[test]
fn the_1904_date_system_is_read() {
    let mut w = workbook();
    assert!(!parse(&w).unwrap().date1904);
    // DATEMODE after the globals' BOF.
    let at = 20;
    let rec = record(DATEMODE, &1u16.to_le_bytes());
    w.splice(at..at, rec);
    // The sheet's offset moves with it.
    let bs = w.windows(4).position(|x| x == [0x85, 0, 24, 0]).unwrap();
    let off = u32::from_le_bytes(w[bs + 4..bs + 8].try_into().unwrap()) + 6;
    w[bs + 4..bs + 8].copy_from_slice(&off.to_le_bytes());
    let f = parse(&w).unwrap();
    assert!(f.date1904);
    assert_eq!(f.codes_of("Attività")(0, 0), Some("0%"));
}

#[test]
fn the_workbook_stream_is_found_in_the_compound_file() {
    let file = build(&[("Workbook", workbook())]);
    let f = XlsFormats::read(&file).unwrap();
    assert_eq!(f.codes_of("Attività")(0, 0), Some("0%"));
    assert!(XlsFormats::read(b"not a compound file").is_none());
}

#[test]
fn a_stream_cut_anywhere_or_with_lengths_that_lie_gives_what_it_holds_without_panic() {
    let whole = workbook();
    for end in 0..whole.len() {
        let _ = parse(&whole[..end]);
    }
    let mut lying = whole.clone();
    // The first style's length said larger than the stream.
    let at = whole
        .windows(4)
        .position(|w| w == [0xE0, 0, 20, 0])
        .unwrap();
    lying[at + 2..at + 4].copy_from_slice(&u16::MAX.to_le_bytes());
    let f = parse(&lying).unwrap();
    assert_eq!(f.codes_of("Attività")(0, 0), None);
    // A sheet offset past the stream.
    let mut far = whole;
    let at = far.windows(4).position(|w| w == [0x85, 0, 24, 0]).unwrap();
    far[at + 4..at + 8].copy_from_slice(&u32::MAX.to_le_bytes());
    assert_eq!(parse(&far).unwrap().codes_of("Attività")(0, 0), None);
}

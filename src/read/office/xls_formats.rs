//! The number formats of a legacy Excel workbook's cells (.xls: BIFF8, and
//! BIFF5 of Excel 95), which calamine reads only to tell dates from
//! numbers: a `0%` cell would otherwise be written `0,85` where LibreOffice
//! and Excel show `85%`, an ISO date `2021-01-01` as `01/01/2021`, a
//! duration `[h]:mm:ss` past a day as a time of day.
//!
//! The workbook stream is a sequence of records (type, length, body): the
//! globals (the formats' codes, `FORMAT`; the cell styles, `XF`, each naming
//! its format; the sheets, `BOUNDSHEET`, each with the stream offset of its
//! own records) and then each sheet's records, whose cell records say the
//! row, the column and the style of the cell. Nothing the file declares is
//! trusted: every read is bounded by the record it is in, every offset by
//! the stream, and a file that does not parse as expected gives no formats
//! (its cells are then written as calamine reads them).

use std::collections::HashMap;

use super::cfb::{u16_at, u32_at, Cfb};

/// Record types read here.
const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const BOUNDSHEET: u16 = 0x0085;
const DATEMODE: u16 = 0x0022;
/// Cell records whose body starts with row, column and style (`ixfe`).
const CELLS: [u16; 8] = [
    0x0203, // NUMBER
    0x027E, // RK
    0x0006, // FORMULA
    0x0205, // BOOLERR
    0x00FD, // LABELSST
    0x0204, // LABEL
    0x00D6, // RSTRING
    0x0201, // BLANK
];
/// Several RK numbers in one row: row, first column, (style, number)…, last column.
const MULRK: u16 = 0x00BD;

/// Most cells whose style is kept for one workbook (the sheet reader's own
/// bound on positions is far larger; a style is a few bytes).
const MAX_CELLS: usize = 4_000_000;

/// The format codes of a workbook's cells, by sheet name.
#[derive(Debug, Default)]
pub(super) struct XlsFormats {
    /// Custom format codes by index (`FORMAT`).
    codes: HashMap<u16, String>,
    /// Each style's format index, in the order the styles are declared.
    styles: Vec<u16>,
    /// Each sheet's cells' styles.
    sheets: HashMap<String, HashMap<(u32, u32), u16>>,
    /// Whether serial dates count from 1904 (`DATEMODE`).
    pub(super) date1904: bool,
}

impl XlsFormats {
    /// The formats of an .xls file's cells; `None` when the file is not a
    /// compound file with a workbook stream that parses.
    pub(super) fn read(bytes: &[u8]) -> Option<XlsFormats> {
        let cfb = Cfb::open(bytes).ok()?;
        let stream = match cfb.stream("Workbook").ok()? {
            Some(s) => s,
            None => cfb.stream("Book").ok()??,
        };
        parse(&stream)
    }

    /// The format codes of one sheet's cells, by row and column: a cell's
    /// code when its style names a format that is not the General one (the
    /// sheet looked up once).
    pub(super) fn codes_of<'a>(&'a self, sheet: &str) -> impl Fn(u32, u32) -> Option<&'a str> + 'a {
        let cells = self.sheets.get(sheet);
        move |row, col| {
            let style = *cells?.get(&(row, col))?;
            let index = *self.styles.get(usize::from(style))?;
            match self.codes.get(&index) {
                Some(code) => Some(code.as_str()),
                None => builtin(index),
            }
        }
    }
}

/// The records of a stream from `at`: (type, body), until the stream ends
/// or a record would run past it.
fn records(stream: &[u8], at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut pos = at;
    std::iter::from_fn(move || {
        let kind = u16_at(stream, pos)?;
        let len = usize::from(u16_at(stream, pos.checked_add(2)?)?);
        let start = pos.checked_add(4)?;
        let body = stream.get(start..start.checked_add(len)?)?;
        pos = start + len;
        Some((kind, body))
    })
}

fn parse(stream: &[u8]) -> Option<XlsFormats> {
    let mut f = XlsFormats::default();
    let mut iter = records(stream, 0);
    let (kind, bof) = iter.next()?;
    if kind != BOF {
        return None;
    }
    let biff8 = u16_at(bof, 0)? == 0x0600;
    let mut sheets = Vec::new();
    for (kind, body) in iter {
        match kind {
            EOF => break,
            FORMAT => {
                if let Some((index, code)) = format_record(body, biff8) {
                    f.codes.insert(index, code);
                }
            }
            XF => f.styles.push(u16_at(body, 2)?),
            DATEMODE => f.date1904 = u16_at(body, 0) == Some(1),
            BOUNDSHEET => {
                let at = u32_at(body, 0)? as usize;
                if let Some(name) = sheet_name(body, biff8) {
                    sheets.push((name, at));
                }
            }
            _ => {}
        }
    }
    let mut kept = 0usize;
    for (name, at) in sheets {
        let mut cells = HashMap::new();
        let mut iter = records(stream, at);
        if iter.next().map(|(k, _)| k) != Some(BOF) {
            continue;
        }
        for (kind, body) in iter {
            if kind == EOF || kept >= MAX_CELLS {
                break;
            }
            if CELLS.contains(&kind) {
                let (Some(r), Some(c), Some(s)) =
                    (u16_at(body, 0), u16_at(body, 2), u16_at(body, 4))
                else {
                    continue;
                };
                cells.insert((u32::from(r), u32::from(c)), s);
                kept += 1;
            } else if kind == MULRK && body.len() >= 6 {
                let (Some(r), Some(first)) = (u16_at(body, 0), u16_at(body, 2)) else {
                    continue;
                };
                let count = (body.len() - 6) / 6;
                for i in 0..count {
                    if let Some(s) = u16_at(body, 4 + 6 * i) {
                        cells.insert((u32::from(r), u32::from(first) + i as u32), s);
                        kept += 1;
                    }
                }
            }
        }
        f.sheets.insert(name, cells);
    }
    Some(f)
}

/// A `FORMAT` record: its index and its code (BIFF8: a 16-bit count, a
/// flags byte and Latin-1 or UTF-16 characters; BIFF5: an 8-bit count and
/// single bytes).
fn format_record(body: &[u8], biff8: bool) -> Option<(u16, String)> {
    let index = u16_at(body, 0)?;
    let code = if biff8 {
        let count = usize::from(u16_at(body, 2)?);
        unicode(body.get(4..)?, count)?
    } else {
        let count = usize::from(*body.get(2)?);
        latin1(body.get(3..3 + count)?)
    };
    Some((index, code))
}

/// A `BOUNDSHEET` record's sheet name (after the offset, the state and the
/// kind: an 8-bit count, then, in BIFF8, a flags byte).
fn sheet_name(body: &[u8], biff8: bool) -> Option<String> {
    let count = usize::from(*body.get(6)?);
    if biff8 {
        unicode(body.get(7..)?, count)
    } else {
        Some(latin1(body.get(7..7 + count)?))
    }
}

/// `count` characters after a flags byte: UTF-16 when its lowest bit is
/// set, else one byte each (the high bytes left out, Latin-1).
fn unicode(b: &[u8], count: usize) -> Option<String> {
    let flags = *b.first()?;
    // Rich text runs and phonetic data, when flagged, come after the
    // count and before the characters.
    let mut at = 1;
    if flags & 0x08 != 0 {
        at += 2;
    }
    if flags & 0x04 != 0 {
        at += 4;
    }
    if flags & 0x01 != 0 {
        let units: Vec<u16> = b
            .get(at..at + 2 * count)?
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(latin1(b.get(at..at + count)?))
    }
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| char::from(c)).collect()
}

/// The codes of Excel's built-in formats that show a value otherwise than
/// as a plain number (the file does not write them; their index says
/// which). The currency and accounting formats of indexes 5-8 and 37-44
/// depend on the locale and show numbers; they are left as numbers.
fn builtin(index: u16) -> Option<&'static str> {
    Some(match index {
        9 => "0%",
        10 => "0.00%",
        14 => "dd/mm/yyyy",
        15 => "d-mmm-yy",
        16 => "d-mmm",
        17 => "mmm-yy",
        18 => "h:mm AM/PM",
        19 => "h:mm:ss AM/PM",
        20 => "h:mm",
        21 => "h:mm:ss",
        22 => "dd/mm/yyyy h:mm",
        45 => "mm:ss",
        46 => "[h]:mm:ss",
        47 => "mm:ss.0",
        _ => return None,
    })
}

#[cfg(test)]
#[path = "xls_formats_tests.rs"]
mod tests;

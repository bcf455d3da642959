//! Delimited text (.csv, .tsv): one sheet, its delimiter and encoding
//! found from the bytes.
//!
//! The encoding is found as for text files (a BOM, UTF-8 if it decodes,
//! else Windows-1252). The delimiter is the one of `;` `,` tab `|` that
//! splits the first lines into the same number of fields, more than one
//! (Italian spreadsheets write `;`, since the comma is the decimal mark).
//! The file reads as a sheet of text cells, as [`super::sheet`] gives them.

use super::sheet::{sheet_page, Sheet, MAX_POSITIONS, MAX_ROWS};
use crate::error::{Error, Result};
use crate::read::text::decode;
use crate::read::Page;

const CANDIDATES: [u8; 4] = [b';', b',', b'\t', b'|'];
/// Lines looked at to choose the delimiter.
const SNIFF_LINES: usize = 50;

/// The delimiter that splits the first lines most consistently.
pub fn sniff(text: &str) -> u8 {
    let mut best = (b',', 0usize);
    for d in CANDIDATES {
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(d)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let counts: Vec<usize> = rdr
            .records()
            .take(SNIFF_LINES)
            .filter_map(|r| r.ok())
            .map(|r| r.len())
            .collect();
        let Some(&first) = counts.first() else {
            continue;
        };
        if first < 2 {
            continue;
        }
        // Lines that have the first line's count, weighted by the count.
        let same = counts.iter().filter(|&&n| n == first).count();
        let score = same * 1000 + first;
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

/// Reads a delimited file as one sheet.
pub fn read(bytes: &[u8]) -> Result<(Page, String)> {
    let (text, encoding) = decode(bytes);
    let delim = sniff(&text);
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut cells = Vec::new();
    let mut max_col = 0u64;
    for (r, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| Error::Office(format!("CSV illeggibile: {e}")))?;
        if r as u32 >= MAX_ROWS {
            return Err(Error::Limit(format!(
                "il file CSV ha più di {MAX_ROWS} righe, oltre il limite"
            )));
        }
        max_col = max_col.max(rec.len() as u64);
        if (r as u64 + 1) * max_col > MAX_POSITIONS {
            return Err(Error::Limit(format!(
                "il file CSV ha più di {MAX_POSITIONS} celle"
            )));
        }
        for (c, field) in rec.iter().enumerate() {
            if !field.trim().is_empty() {
                cells.push((r as u32, c as u32, field.to_owned(), None));
            }
        }
    }
    let mut page = sheet_page(
        1,
        Sheet {
            name: String::new(),
            hidden: false,
            cells,
            merges: Vec::new(),
        },
    );
    page.name = None;
    let d = match delim {
        b'\t' => "tab".to_owned(),
        d => (d as char).to_string(),
    };
    Ok((page, format!("csv/{encoding}/{d}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_and_windows_1252_are_found() {
        let bytes = b"Codice;Descrizione;Valore\r\n2021_A1;Pratiche evase entro 30 giorni;12,5\r\n2021_A2;Qualit\xe0;\"3;4\"\r\n";
        let (page, ex) = read(bytes).unwrap();
        assert_eq!(ex, "csv/latin-1/;");
        let t = &page.tables[0];
        assert_eq!((t.rows, t.cols), (3, 3));
        assert_eq!(t.cell_at(1, 2).unwrap().text, "12,5");
        assert_eq!(t.cell_at(2, 1).unwrap().text, "Qualità");
        assert_eq!(t.cell_at(2, 2).unwrap().text, "3;4");
        assert!(page.text.starts_with("Codice\tDescrizione\tValore\n"));
    }

    #[test]
    fn commas_and_tabs() {
        assert_eq!(sniff("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff("a\tb\n1\t2,5\n"), b'\t');
    }
}

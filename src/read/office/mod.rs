//! Office files: word-processor documents (.docx, .odt, .rtf, legacy .doc)
//! and spreadsheets (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv).
//!
//! The content decides the format, whatever the extension says: a ZIP is
//! an OpenDocument file by its `mimetype` part and an Office Open XML one by
//! its main part (`word/document.xml`, `xl/workbook.xml`); an OLE compound
//! file (`D0 CF 11 E0`) is a Word 97-2003 document by its `WordDocument`
//! stream, an Excel one by its `Workbook`, and an Office file protected by
//! a password by its `EncryptedPackage`. A word-processor document reads as
//! one page ([`flow`]); a workbook as one page per sheet ([`sheet`]). Every
//! container is opened with limits ([`archive`], [`xml`]), so a zip bomb or
//! an XML entity bomb fails that file with the reason.

mod archive;
mod array_ranges;
mod cell_text;
mod cfb;
mod csv;
mod doc;
mod doc_props;
mod docx;
mod flow;
mod formula;
mod functions;
mod functions_more;
pub mod legacy;
mod names;
mod numbering;
mod ods_formats;
mod odt;
mod parts;
mod pivot;
mod pivot_apply;
mod recalc;
mod rtf;
pub mod sheet;
mod sheet_values;
mod structured;
mod values;
mod xls_formats;
mod xml;

use atti_page::{Limits, Reading};

use crate::error::{Error, Result};

/// The OLE compound file signature (Word and Excel 97-2003, encrypted OOXML).
const OLE: [u8; 4] = [0xd0, 0xcf, 0x11, 0xe0];

/// Whether the bytes are an office container (ZIP, OLE) or RTF.
pub fn is_office(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&OLE) || bytes.starts_with(b"{\\rtf")
}

/// Where a byte offset of an office file's page lies, in the terms of its
/// format: `foglio «Nome», riga 12, colonna C` for a sheet (line `r` of its
/// text is row `r + 1`, the tabs before the offset give the column),
/// `paragrafo 7` for a word-processor document (blocks apart by a blank
/// line); `None` for other files.
pub fn place(extractor: &str, page: &atti_page::Page, offset: usize) -> Option<String> {
    let before = page.text.get(..offset.min(page.text.len()))?;
    let sheet =
        ["xlsx", "xlsb", "xls", "ods"].contains(&extractor) || extractor.starts_with("csv/");
    if sheet {
        let row = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].matches('\t').count();
        let mut letters = String::new();
        let mut c = col + 1;
        while c > 0 {
            letters.insert(0, (b'A' + ((c - 1) % 26) as u8) as char);
            c = (c - 1) / 26;
        }
        let name = page
            .name
            .as_deref()
            .map(|n| format!("foglio «{n}», "))
            .unwrap_or_default();
        return Some(format!("{name}riga {row}, colonna {letters}"));
    }
    let word = ["docx", "odt", "rtf", "doc"].contains(&extractor) || extractor.starts_with("doc/");
    if !word {
        return None;
    }
    let para = before.matches("\n\n").count() + 1;
    let cell = page.tables.iter().enumerate().find_map(|(i, t)| {
        t.cells
            .iter()
            .find(|c| c.start <= offset && offset < c.end)
            .map(|c| {
                format!(
                    ", tabella {}, riga {}, colonna {}",
                    i + 1,
                    c.row + 1,
                    c.col + 1
                )
            })
    });
    Some(format!("paragrafo {para}{}", cell.unwrap_or_default()))
}

/// A page of tab-separated lines read as one sheet: its text, and its
/// table of cells (how a rule example shows a spreadsheet).
pub fn tabbed_page(text: &str) -> atti_page::Page {
    let mut cells = Vec::new();
    for (r, line) in text.trim_matches('\n').lines().enumerate() {
        for (c, cell) in line.split('\t').enumerate() {
            if !cell.trim().is_empty() {
                cells.push((r as u32, c as u32, cell.trim().to_owned(), None));
            }
        }
    }
    let mut page = sheet::sheet_page(
        1,
        sheet::Sheet {
            name: String::new(),
            hidden: false,
            cells,
            merges: Vec::new(),
        },
    );
    page.name = None;
    page
}

/// Reads an office file (`csv`: the bytes are delimited text).
pub fn read(bytes: &[u8], csv: bool, limits: &Limits) -> Result<Reading> {
    if bytes.starts_with(b"PK\x03\x04") {
        return read_zip(bytes, limits);
    }
    if bytes.starts_with(&OLE) {
        return read_ole(bytes, limits);
    }
    if bytes.starts_with(b"{\\rtf") {
        return flow_reading(rtf::read(bytes)?, "rtf", None, limits);
    }
    if csv {
        let (page, extractor) = csv::read(bytes)?;
        return Ok(Reading {
            pages: vec![page],
            extractor,
            ..Reading::default()
        });
    }
    Err(Error::Unsupported(
        "il contenuto non è un documento Office (né ZIP, né OLE, né RTF)".into(),
    ))
}

fn read_zip(bytes: &[u8], limits: &Limits) -> Result<Reading> {
    let mut a = archive::Archive::open(bytes)?;
    let mimetype = a.part("mimetype")?.unwrap_or_default();
    let mimetype = String::from_utf8_lossy(&mimetype).trim().to_owned();
    let macros = a.names().iter().any(|n| n.ends_with("vbaProject.bin"));
    let r = if mimetype.starts_with("application/vnd.oasis.opendocument.text") {
        let title = title(&mut a, "meta.xml")?;
        flow_reading(odt::read(&mut a)?, "odt", title, limits)?
    } else if mimetype.starts_with("application/vnd.oasis.opendocument.spreadsheet") {
        sheets(bytes, sheet::Book::Ods, None, limits)?
    } else if a.has("word/document.xml") {
        let title = title(&mut a, "docProps/core.xml")?;
        flow_reading(docx::read(&mut a)?, "docx", title, limits)?
    } else if a.has("xl/workbook.xml") {
        let application = element_text(&mut a, "docProps/app.xml", "Application")?;
        sheets(bytes, sheet::Book::Xlsx, application.as_deref(), limits)?
    } else if a.has("xl/workbook.bin") {
        sheets(bytes, sheet::Book::Xlsb, None, limits)?
    } else if !mimetype.is_empty() {
        return Err(Error::Unsupported(format!(
            "documento OpenDocument di tipo {mimetype}, che atti non legge (legge testi e fogli di calcolo)"
        )));
    } else {
        return Err(Error::Unsupported(
            "archivio ZIP che non è un documento Office (né Word, né Excel, né OpenDocument)"
                .into(),
        ));
    };
    if macros && r.pages.iter().all(|p| p.text.trim().is_empty()) {
        return Err(Error::Unsupported(
            "il file contiene solo macro (vbaProject.bin), nessun testo".into(),
        ));
    }
    Ok(r)
}

/// Whether an OLE file has a stream of this name (directory entries hold
/// names in UTF-16LE).
fn has_stream(bytes: &[u8], name: &str) -> bool {
    let pat: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(pat.len()).any(|w| w == pat.as_slice())
}

fn read_ole(bytes: &[u8], limits: &Limits) -> Result<Reading> {
    if has_stream(bytes, "EncryptedPackage") {
        return Err(Error::Unsupported(
            "documento Office protetto da password (EncryptedPackage)".into(),
        ));
    }
    if has_stream(bytes, "WordDocument") {
        // Read natively; the converter only when the native reader cannot
        // follow the file (Word 6/95, damage it does not get past).
        let native = cfb::Cfb::open(bytes).and_then(|c| doc::read(&c));
        let why = match native {
            Ok(flow) => return flow_reading(flow, "doc", None, limits),
            Err(e @ Error::Unsupported(_)) => return Err(e),
            Err(e) => e,
        };
        let (text, conv) = match legacy::read(bytes) {
            Ok(r) => r,
            Err(Error::Unsupported(no_converter)) if legacy::converter().is_none() => {
                return Err(Error::Unsupported(format!("{why}; {no_converter}")));
            }
            Err(e) => return Err(e),
        };
        let (text, truncated) = crate::read::text::clean(&text, limits.max_chars);
        let mut r = Reading {
            pages: vec![atti_page::Page {
                number: 1,
                text,
                ..atti_page::Page::default()
            }],
            extractor: format!("doc/{conv}"),
            ..Reading::default()
        };
        if truncated {
            r.warnings
                .push(format!("testo tagliato a {} caratteri", limits.max_chars));
        }
        return Ok(r);
    }
    if has_stream(bytes, "Workbook") || has_stream(bytes, "Book") {
        return sheets(bytes, sheet::Book::Xls, None, limits);
    }
    Err(Error::Unsupported(
        "file OLE che non è un documento Word né un foglio Excel (PowerPoint, Visio, msg...)"
            .into(),
    ))
}

fn sheets(
    bytes: &[u8],
    book: sheet::Book,
    application: Option<&str>,
    limits: &Limits,
) -> Result<Reading> {
    let pages = sheet::read(bytes, book, application, limits.max_chars)?;
    let hidden: Vec<&str> = pages
        .iter()
        .filter(|p| p.hidden)
        .filter_map(|p| p.name.as_deref())
        .collect();
    let mut warnings = Vec::new();
    if !hidden.is_empty() {
        warnings.push(format!("fogli nascosti letti: {}", hidden.join(", ")));
    }
    Ok(Reading {
        pages,
        extractor: book.name().into(),
        warnings,
        ..Reading::default()
    })
}

fn flow_reading(
    flow: flow::Flow,
    extractor: &str,
    title: Option<String>,
    limits: &Limits,
) -> Result<Reading> {
    let (page, truncated) = flow.into_page(limits.max_chars);
    let mut warnings = Vec::new();
    if truncated {
        warnings.push(format!("testo tagliato a {} caratteri", limits.max_chars));
    }
    Ok(Reading {
        pages: vec![page],
        extractor: extractor.into(),
        title_hint: title,
        warnings,
        ..Reading::default()
    })
}

/// The `dc:title` of a metadata part (docProps/core.xml, meta.xml).
fn title(a: &mut archive::Archive<'_>, part: &str) -> Result<Option<String>> {
    element_text(a, part, "title")
}

/// The text of the first element of this (local) name in a metadata part.
fn element_text(a: &mut archive::Archive<'_>, part: &str, element: &str) -> Result<Option<String>> {
    let Some(x) = a.part(part)? else {
        return Ok(None);
    };
    let mut inside = false;
    let mut t = String::new();
    xml::walk(&x, part, |e| {
        match e {
            xml::Ev::Start { name, empty, .. } if name == element && !empty => inside = true,
            xml::Ev::End(name) if name == element => return false,
            xml::Ev::Text(s) if inside => t.push_str(&s),
            _ => {}
        }
        true
    })?;
    let t = flow::squash(&t);
    Ok((!t.is_empty()).then_some(t))
}

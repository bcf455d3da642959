//! Word 97-2003 documents (.doc) read natively, into a [`Flow`].
//!
//! A .doc is a compound file ([`Cfb`]) whose `WordDocument` stream starts
//! with the FIB (File Information Block): the lengths of the document's
//! stories in characters (main text, footnotes, headers, ...) and where the
//! table stream (`0Table` or `1Table`) keeps its structures. The text is
//! found through the piece table (the CLX's PlcPcd): each piece maps a run
//! of character positions to bytes of `WordDocument`, either 8-bit
//! (Windows-1252, "compressed") or UTF-16. Paragraphs end with a mark
//! (`\r`), table cells with `\x07`; a cell mark whose paragraph has the
//! "table row end" property (sprmPFTtp, in the paragraph's PAPX found
//! through the PlcBtePapx and its 512-byte FKP pages) ends a row. Fields
//! (`\x13` code `\x14` result `\x15`) read as Word and LibreOffice show
//! them: the result, not the code; a MACROBUTTON or GOTOBUTTON field, which
//! has no result, shows the text its code ends with. Hidden text
//! (sprmCFVanish, in the characters' CHPX) is left out. Headers and footers
//! are furniture, and so are paragraphs and tables placed on the page at a
//! horizontal position of their own (a frame or floating table at an
//! offset, not centred or aligned to the column): they are outside the text
//! flow, LibreOffice makes them frames and its text export leaves them out
//! (a centred floating table it keeps in the text, and so does this reader).
//! Footnotes and endnotes come after the body.
//!
//! Word 6 and 95 files (an older FIB) and files this reader cannot follow
//! are left to the external converter ([`super::legacy`]).

use super::cfb::{u16_at, u32_at, Cfb};
use super::doc_props::{floats, geometry, Bte, InTable, Props};
use super::flow::{Block, Flow, Slot};
use crate::error::{Error, Result};

/// The FIB's magic number.
const WIDENT: u16 = 0xa5ec;
/// Word 97's nFib; older files have a different FIB.
const NFIB_97: u16 = 0xc0;
/// Most fields open at once (deeper ones are read as text).
const MAX_FIELDS: usize = 64;
/// Most paragraph marks whose properties are looked up (beyond, paragraphs
/// are read as plain paragraphs).
const MAX_LOOKUPS: usize = 2_000_000;

fn bad(what: &str) -> Error {
    Error::Office(format!("documento Word 97-2003 non leggibile: {what}"))
}

/// The lengths of the stories, in characters, in their order in the text.
#[derive(Debug, Default, Clone, Copy)]
struct Stories {
    text: u32,
    footnotes: u32,
    headers: u32,
    annotations: u32,
    endnotes: u32,
}

/// Reads a Word 97-2003 document.
pub fn read(cfb: &Cfb<'_>) -> Result<Flow> {
    let wd = cfb
        .stream("WordDocument")?
        .ok_or_else(|| bad("manca il flusso WordDocument"))?;
    if u16_at(&wd, 0) != Some(WIDENT) {
        return Err(bad("intestazione (FIB) assente"));
    }
    let nfib = u16_at(&wd, 2).unwrap_or(0);
    if nfib < NFIB_97 {
        return Err(bad(&format!("formato Word 6/95 (nFib {nfib})")));
    }
    let flags = u16_at(&wd, 0x0a).unwrap_or(0);
    if flags & 0x0100 != 0 {
        return Err(Error::Unsupported(
            "documento Word 97-2003 protetto da password".into(),
        ));
    }
    let table_name = if flags & 0x0200 != 0 {
        "1Table"
    } else {
        "0Table"
    };
    let table = cfb
        .stream(table_name)?
        .ok_or_else(|| bad("manca il flusso della tabella"))?;
    // FibBase (32 bytes), fibRgW (csw u16s), fibRgLw (cslw u32s), fibRgFcLcb.
    let csw = u16_at(&wd, 32).ok_or_else(|| bad("FIB troncato"))? as usize;
    let lw_at = 34 + 2 * csw;
    let cslw = u16_at(&wd, lw_at).ok_or_else(|| bad("FIB troncato"))? as usize;
    let lw = |i: usize| {
        if i < cslw {
            u32_at(&wd, lw_at + 2 + 4 * i)
        } else {
            None
        }
    };
    let stories = Stories {
        text: lw(3).ok_or_else(|| bad("FIB troncato"))?,
        footnotes: lw(4).unwrap_or(0),
        headers: lw(5).unwrap_or(0),
        annotations: lw(7).unwrap_or(0),
        endnotes: lw(8).unwrap_or(0),
    };
    let fc_at = lw_at + 2 + 4 * cslw;
    let n_fclcb = u16_at(&wd, fc_at).unwrap_or(0) as usize;
    let fclcb = |i: usize| {
        (i < n_fclcb)
            .then(|| {
                let at = fc_at + 2 + 8 * i;
                Some((u32_at(&wd, at)? as usize, u32_at(&wd, at + 4)? as usize))
            })
            .flatten()
    };
    let (fc_clx, lcb_clx) = fclcb(33).ok_or_else(|| bad("FIB senza tabella dei pezzi"))?;
    let clx = fc_clx
        .checked_add(lcb_clx)
        .and_then(|end| table.get(fc_clx..end))
        .ok_or_else(|| bad("tabella dei pezzi fuori dal flusso"))?;
    let pieces = pieces(clx)?;
    let bte = |i: usize, paragraphs: bool| {
        fclcb(i)
            .and_then(|(fc, lcb)| table.get(fc..fc.checked_add(lcb)?))
            .map(|plc| Bte {
                plc,
                wd: &wd,
                paragraphs,
            })
    };
    let plcf_sed = fclcb(6).and_then(|(fc, lcb)| table.get(fc..fc.checked_add(lcb)?));
    let props = Props {
        papx: bte(13, true),
        chpx: bte(12, false),
        page: geometry(&wd, plcf_sed),
    };

    let total = stories.text as u64
        + stories.footnotes as u64
        + stories.headers as u64
        + stories.annotations as u64
        + stories.endnotes as u64;
    let chars = characters(&wd, &pieces, total.min(u32::MAX as u64) as u32);
    let mut at = 0usize;
    let mut story = |len: u32| {
        let end = (at + len as usize).min(chars.len());
        let s = &chars[at.min(end)..end];
        at = end;
        s
    };
    let main = story(stories.text);
    let footnotes = story(stories.footnotes);
    let headers = story(stories.headers);
    let _annotations = story(stories.annotations);
    let endnotes = story(stories.endnotes);

    let mut flow = Flow::default();
    let mut reader = Reader::new(Some(&props));
    for &(c, fc) in main {
        reader.push(c, fc, &mut flow);
    }
    reader.finish(&mut flow);
    flow.furniture.extend(paragraphs(headers));
    flow.notes = paragraphs(footnotes);
    flow.notes.extend(paragraphs(endnotes));
    if main.is_empty() && !chars.is_empty() {
        return Err(bad("testo principale vuoto"));
    }
    Ok(flow)
}

/// One piece: character positions `[cp, cp_end)` at byte `fc` of
/// WordDocument, 8-bit when `compressed`.
#[derive(Debug, Clone, Copy)]
struct Piece {
    cp: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

/// The pieces of the CLX (its Prc entries skipped, then the PlcPcd).
fn pieces(clx: &[u8]) -> Result<Vec<Piece>> {
    let mut i = 0usize;
    while i < clx.len() {
        match clx[i] {
            1 => {
                let cb = u16_at(clx, i + 1).ok_or_else(|| bad("CLX troncato"))? as usize;
                i += 3 + cb;
            }
            2 => {
                let lcb = u32_at(clx, i + 1).ok_or_else(|| bad("CLX troncato"))? as usize;
                let plc = clx
                    .get(i + 5..(i + 5).saturating_add(lcb))
                    .ok_or_else(|| bad("PlcPcd troncato"))?;
                let n = plc.len().saturating_sub(4) / 12;
                let mut out = Vec::with_capacity(n);
                for k in 0..n {
                    let cp = u32_at(plc, 4 * k).unwrap_or(0);
                    let cp_end = u32_at(plc, 4 * (k + 1)).unwrap_or(0);
                    let raw = u32_at(plc, 4 * (n + 1) + 8 * k + 2).unwrap_or(0);
                    let compressed = raw & 0x4000_0000 != 0;
                    let fc = raw & 0x3fff_ffff;
                    if cp_end > cp {
                        out.push(Piece {
                            cp,
                            cp_end,
                            fc: if compressed { fc / 2 } else { fc },
                            compressed,
                        });
                    }
                }
                return Ok(out);
            }
            _ => return Err(bad("CLX non valido")),
        }
    }
    Err(bad("CLX senza tabella dei pezzi"))
}

/// The document's characters from position 0 to `total`, each with the
/// byte offset (FC) it is stored at; a piece that points outside the
/// stream ends the text.
fn characters(wd: &[u8], pieces: &[Piece], total: u32) -> Vec<(char, u32)> {
    let mut out: Vec<(char, u32)> = Vec::new();
    let mut sorted = pieces.to_vec();
    sorted.sort_by_key(|p| p.cp);
    for p in sorted {
        if p.cp >= total || (p.cp as usize) < out.len() {
            continue;
        }
        let n = (p.cp_end.min(total) - p.cp) as usize;
        let start = p.fc as usize;
        if p.compressed {
            let Some(bytes) = wd.get(start..start.saturating_add(n)) else {
                break;
            };
            for (k, &b) in bytes.iter().enumerate() {
                out.push((cp1252(b), p.fc + k as u32));
            }
        } else {
            let Some(bytes) = wd.get(start..start.saturating_add(2 * n)) else {
                break;
            };
            let units = bytes
                .chunks_exact(2)
                .map(|u| u16::from_le_bytes([u[0], u[1]]));
            let mut k = 0u32;
            for c in char::decode_utf16(units) {
                let c = c.unwrap_or('\u{fffd}');
                out.push((c, p.fc + 2 * k));
                k += c.len_utf16() as u32;
            }
        }
    }
    out
}

/// A byte of an 8-bit piece (Windows-1252).
fn cp1252(b: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
        0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
        0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    match b {
        0x80..=0x9f => char::from_u32(u32::from(HIGH[(b - 0x80) as usize])).unwrap_or('\u{fffd}'),
        _ => char::from(b),
    }
}

/// The paragraphs of a story (headers, notes): its text split at
/// paragraph and cell marks, fields shown as in the body, empty ones left
/// out.
fn paragraphs(chars: &[(char, u32)]) -> Vec<String> {
    let mut flow = Flow::default();
    let mut reader = Reader::new(None);
    for &(c, fc) in chars {
        let c = if c == '\u{7}' { '\r' } else { c };
        reader.push(c, fc, &mut flow);
    }
    reader.finish(&mut flow);
    flow.blocks
        .into_iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(super::flow::squash(&p)),
            Block::Table(_) => None,
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// A field being read: its code, and whether its result has begun.
struct Field {
    code: String,
    result: bool,
}

/// Turns the characters of the main story into paragraphs and tables.
struct Reader<'a> {
    props: Option<&'a Props<'a>>,
    /// The FC range of the last character run looked up, and whether it is hidden.
    run: (u32, u32, bool),
    fields: Vec<Field>,
    para: String,
    /// The open table's rows, the open row's cells, the open cell's text.
    rows: Vec<Vec<Slot>>,
    row: Vec<Slot>,
    cell: String,
    /// The open table's position: placed on the page, relative to its
    /// edge, its widest row.
    placed: InTable,
    lookups: usize,
}

impl<'a> Reader<'a> {
    fn new(props: Option<&'a Props<'a>>) -> Reader<'a> {
        Reader {
            props,
            run: (0, 0, false),
            fields: Vec::new(),
            para: String::new(),
            rows: Vec::new(),
            row: Vec::new(),
            cell: String::new(),
            placed: InTable::default(),
            lookups: 0,
        }
    }

    fn visible(&self) -> bool {
        self.fields.iter().all(|f| f.result)
    }

    fn push(&mut self, c: char, fc: u32, flow: &mut Flow) {
        match c {
            '\u{13}' if self.fields.len() < MAX_FIELDS => {
                self.fields.push(Field {
                    code: String::new(),
                    result: false,
                });
                return;
            }
            '\u{14}' if !self.fields.is_empty() => {
                if let Some(f) = self.fields.last_mut() {
                    f.result = true;
                }
                return;
            }
            '\u{15}' if !self.fields.is_empty() => {
                let f = self.fields.pop().expect("not empty");
                if !f.result && self.visible() {
                    for c in shown(&f.code).chars() {
                        self.para.push(c);
                    }
                }
                return;
            }
            _ => {}
        }
        if !self.visible() {
            if let Some(f) = self.fields.last_mut().filter(|f| !f.result) {
                if f.code.len() < 4096 {
                    f.code.push(c);
                }
            }
            return;
        }
        if !matches!(c, '\r' | '\u{7}' | '\u{c}') && self.hidden(fc) {
            return;
        }
        match c {
            '\r' | '\u{7}' | '\u{c}' => self.mark(c, fc, flow),
            '\t' => self.para.push(' '),
            '\u{b}' => self.para.push('\n'),
            '\u{1e}' => self.para.push('-'),
            '\u{1}' | '\u{8}' => flow.images += 1,
            c if (c as u32) < 0x20 || c == '\u{1f}' || c == '\u{ad}' => {}
            c => self.para.push(c),
        }
    }

    /// Whether the character at `fc` is hidden text (its run cached).
    fn hidden(&mut self, fc: u32) -> bool {
        let (from, to, hidden) = self.run;
        if from <= fc && fc < to {
            return hidden;
        }
        if self.lookups >= MAX_LOOKUPS {
            return false;
        }
        self.lookups += 1;
        match self.props.and_then(|p| p.hidden(fc)) {
            Some((hidden, from, to)) => {
                self.run = (from, to, hidden);
                hidden
            }
            None => false,
        }
    }

    /// A paragraph mark (`\r`, or `\x0c` a page or section break) or a cell mark.
    fn mark(&mut self, c: char, fc: u32, flow: &mut Flow) {
        let props = if self.lookups < MAX_LOOKUPS {
            self.lookups += 1;
            self.props.and_then(|p| p.paragraph(fc))
        } else {
            None
        };
        let t = props.unwrap_or(InTable {
            in_table: c == '\u{7}',
            ..InTable::default()
        });
        let para = std::mem::take(&mut self.para);
        if c == '\u{7}' || t.in_table {
            self.placed.positioned |= t.positioned;
            self.placed.width = self.placed.width.max(t.width);
        }
        match c {
            '\u{7}' if t.row_end => {
                if !self.cell.is_empty() || !para.trim().is_empty() {
                    self.end_cell(para);
                }
                let row = std::mem::take(&mut self.row);
                self.rows.push(row);
            }
            '\u{7}' => self.end_cell(para),
            _ if t.in_table => {
                self.cell.push_str(&para);
                self.cell.push('\n');
            }
            _ => {
                self.end_table(flow);
                if t.positioned {
                    // A frame: out of the flow.
                    flow.furniture.push(para);
                } else {
                    flow.blocks.push(Block::Para(para));
                }
            }
        }
    }

    fn end_cell(&mut self, para: String) {
        let mut text = std::mem::take(&mut self.cell);
        text.push_str(&para);
        self.row.push(Slot::cell(text.trim().to_owned(), 1, 1));
    }

    fn end_table(&mut self, flow: &mut Flow) {
        if !self.row.is_empty() {
            let row = std::mem::take(&mut self.row);
            self.rows.push(row);
        }
        if !self.cell.is_empty() {
            flow.blocks
                .push(Block::Para(std::mem::take(&mut self.cell)));
        }
        let rows = std::mem::take(&mut self.rows);
        let placed = std::mem::take(&mut self.placed);
        if self.props.is_some_and(|p| floats(&placed, &p.page)) {
            // A floating table text can flow beside is out of the flow.
            for row in rows {
                let cells: Vec<&str> = row
                    .iter()
                    .filter_map(|s| match s {
                        Slot::Cell { text, .. } => Some(text.as_str()),
                        Slot::Covered => None,
                    })
                    .collect();
                flow.furniture.push(cells.join(" "));
            }
        } else if !rows.is_empty() {
            flow.blocks.push(Block::Table(rows));
        }
    }

    fn finish(&mut self, flow: &mut Flow) {
        let para = std::mem::take(&mut self.para);
        self.end_table(flow);
        if !para.trim().is_empty() {
            flow.blocks.push(Block::Para(para));
        }
    }
}

/// What a field with no result shows: a MACROBUTTON's or GOTOBUTTON's
/// display text (the words after the macro or bookmark name), else nothing.
fn shown(code: &str) -> String {
    let mut words = code.split_whitespace();
    let kind = words.next().unwrap_or("").to_ascii_uppercase();
    if kind == "MACROBUTTON" || kind == "GOTOBUTTON" {
        words.next();
        let text = words.collect::<Vec<_>>().join(" ");
        return text.trim_matches('"').to_owned();
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow_of(text: &str, props: Option<&Props<'_>>) -> Flow {
        let mut flow = Flow::default();
        let mut r = Reader::new(props);
        for (i, c) in text.chars().enumerate() {
            r.push(c, i as u32, &mut flow);
        }
        r.finish(&mut flow);
        flow
    }

    #[test]
    fn fields_show_their_result_and_a_macrobutton_its_text() {
        let f = flow_of(
            "Vedi \u{13} HYPERLINK \"http://x\" \u{14}il sito\u{15}.\r\u{13}MACROBUTTON Nessuna \"[Inserire il testo]\"\u{15}\r\u{13} PAGE \u{15}fine\r",
            None,
        );
        assert_eq!(
            f.blocks,
            vec![
                Block::Para("Vedi il sito.".into()),
                Block::Para("[Inserire il testo]".into()),
                Block::Para("fine".into()),
            ]
        );
    }

    #[test]
    fn cells_without_properties_are_one_row() {
        let f = flow_of("Prima\ra\u{7}b\u{7}\u{7}Dopo\r", None);
        assert_eq!(
            f.blocks,
            vec![
                Block::Para("Prima".into()),
                Block::Table(vec![vec![
                    Slot::cell("a".into(), 1, 1),
                    Slot::cell("b".into(), 1, 1),
                    Slot::cell("".into(), 1, 1),
                ]]),
                Block::Para("Dopo".into()),
            ]
        );
    }

    #[test]
    fn garbage_and_truncation_are_errors_not_panics() {
        assert!(pieces(&[]).is_err());
        assert!(pieces(&[1, 0xff, 0xff]).is_err());
        assert!(pieces(&[2, 0xff, 0xff, 0xff, 0xff]).is_err());
        assert!(pieces(&[7]).is_err());
        // A piece past the stream's end ends the text.
        let p = [Piece {
            cp: 0,
            cp_end: 1000,
            fc: 10,
            compressed: true,
        }];
        assert!(characters(b"short", &p, 1000).is_empty());
    }
}

//! Rich Text Format (.rtf): a small reader of the control words that carry
//! text, into a [`Flow`].
//!
//! RTF is groups (`{...}`) of text and control words (`\par`). Text is
//! plain bytes in the document's code page (`\ansicpg1252`, the default),
//! `\'e8` one byte of it, `\u232?` one Unicode character followed by
//! `\ucN` bytes of fallback that are skipped. `\par` ends a paragraph,
//! `\line` breaks a line, `\tab` is a space. In a table, `\cell` ends a
//! cell and `\row` a row (spans are not declared by RTF cells, only
//! widths, so every cell is one position). Groups that are not text are
//! skipped: font and colour tables, style sheets, document information,
//! pictures (counted), fields' instructions, and any `\*` destination;
//! headers and footers are the page's furniture, footnotes come after the
//! body. Groups nest at most [`MAX_DEPTH`] deep.

use super::flow::{Block, Flow, Slot};
use crate::error::{Error, Result};

const MAX_DEPTH: usize = 512;

/// Destinations whose text is not the document's.
const SKIP: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "fldinst",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "filetbl",
    "revtbl",
    "pgdsctbl",
    "object",
    "bkmkstart",
    "bkmkend",
];
const FURNITURE: &[&str] = &[
    "header", "footer", "headerl", "headerr", "headerf", "footerl", "footerr", "footerf",
];

#[derive(Clone, Copy, PartialEq)]
enum Dest {
    Body,
    Skip,
    Furniture,
    Note,
}

#[derive(Clone, Copy)]
struct State {
    dest: Dest,
    /// Fallback bytes after `\u`.
    uc: usize,
}

/// Reads an RTF file.
pub fn read(bytes: &[u8]) -> Result<Flow> {
    if !bytes.starts_with(b"{\\rtf") {
        return Err(Error::Office("non è un file RTF".into()));
    }
    let mut flow = Flow::default();
    let mut enc = encoding_rs::WINDOWS_1252;
    let mut stack: Vec<State> = Vec::new();
    let mut st = State {
        dest: Dest::Body,
        uc: 1,
    };
    let mut raw: Vec<u8> = Vec::new(); // bytes in the code page, not yet decoded
    let mut para = String::new();
    let mut furn = String::new();
    let mut note = String::new();
    let mut row: Vec<Slot> = Vec::new();
    let mut rows: Vec<Vec<Slot>> = Vec::new();
    let mut cell = String::new();
    let mut in_table = false;
    let mut skip_bytes = 0usize;
    let mut i = 0usize;
    // Decoded text so far goes to the destination of the group it is in.
    macro_rules! flush {
        () => {
            if !raw.is_empty() {
                let (s, _, _) = enc.decode(&raw);
                match st.dest {
                    Dest::Body => para.push_str(&s),
                    Dest::Furniture => furn.push_str(&s),
                    Dest::Note => note.push_str(&s),
                    Dest::Skip => {}
                }
                raw.clear();
            }
        };
    }
    macro_rules! push_char {
        ($c:expr) => {{
            flush!();
            match st.dest {
                Dest::Body => para.push($c),
                Dest::Furniture => furn.push($c),
                Dest::Note => note.push($c),
                Dest::Skip => {}
            }
        }};
    }
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'{' => {
                flush!();
                stack.push(st);
                if stack.len() > MAX_DEPTH {
                    return Err(Error::Limit(format!(
                        "RTF con gruppi annidati oltre {MAX_DEPTH} livelli"
                    )));
                }
                i += 1;
            }
            b'}' => {
                flush!();
                let was = st.dest;
                st = stack.pop().unwrap_or(st);
                if was == Dest::Furniture && st.dest != Dest::Furniture {
                    flow.furniture.push(std::mem::take(&mut furn));
                }
                if was == Dest::Note && st.dest != Dest::Note {
                    flow.notes.push(std::mem::take(&mut note).trim().to_owned());
                }
                i += 1;
            }
            b'\\' => {
                i += 1;
                let Some(&n) = bytes.get(i) else { break };
                if n == b'\'' {
                    // A byte in the code page.
                    if let Some(h) = bytes
                        .get(i + 1..i + 3)
                        .and_then(|h| std::str::from_utf8(h).ok())
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                    {
                        if skip_bytes > 0 {
                            skip_bytes -= 1;
                        } else if st.dest != Dest::Skip {
                            raw.push(h);
                        }
                    }
                    i += 3;
                    continue;
                }
                if !n.is_ascii_alphabetic() {
                    // A control symbol.
                    i += 1;
                    match n {
                        b'*' => st.dest = Dest::Skip,
                        b'~' => push_char!('\u{a0}'),
                        b'-' | b'_' => {}
                        b'\\' | b'{' | b'}' => {
                            if st.dest != Dest::Skip {
                                raw.push(n)
                            }
                        }
                        b'\n' | b'\r' => push_char!('\n'),
                        _ => {}
                    }
                    continue;
                }
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let word = std::str::from_utf8(&bytes[start..i]).unwrap_or("");
                let ps = i;
                if i < bytes.len() && (bytes[i] == b'-' || bytes[i].is_ascii_digit()) {
                    i += 1;
                    while i < bytes.len() && bytes[i].is_ascii_digit() && i - ps < 12 {
                        i += 1;
                    }
                }
                let param: Option<i64> = std::str::from_utf8(&bytes[ps..i])
                    .ok()
                    .and_then(|p| p.parse().ok());
                if i < bytes.len() && bytes[i] == b' ' {
                    i += 1;
                }
                match word {
                    "ansicpg" => {
                        if let Some(e) = param.and_then(|p| codepage(p as u16)) {
                            enc = e;
                        }
                    }
                    "uc" => st.uc = param.unwrap_or(1).clamp(0, 8) as usize,
                    "u" => {
                        let v = param.unwrap_or(0);
                        let v = if v < 0 { v + 65536 } else { v };
                        if let Some(c) = char::from_u32(v as u32) {
                            push_char!(c);
                        }
                        skip_bytes = st.uc;
                        // The fallback is plain characters or \'hh escapes.
                        while skip_bytes > 0
                            && i < bytes.len()
                            && bytes[i] != b'\\'
                            && bytes[i] != b'{'
                            && bytes[i] != b'}'
                        {
                            i += 1;
                            skip_bytes -= 1;
                        }
                    }
                    "par" | "sect" | "page" => {
                        flush!();
                        match st.dest {
                            Dest::Body if in_table => cell.push_str(&std::mem::take(&mut para)),
                            Dest::Body => flow.blocks.push(Block::Para(std::mem::take(&mut para))),
                            Dest::Furniture => furn.push('\n'),
                            Dest::Note => note.push(' '),
                            Dest::Skip => {}
                        }
                        if in_table && st.dest == Dest::Body {
                            cell.push('\n');
                        }
                    }
                    "line" => push_char!('\n'),
                    "tab" => push_char!(' '),
                    "emdash" => push_char!('—'),
                    "endash" => push_char!('–'),
                    "lquote" => push_char!('‘'),
                    "rquote" => push_char!('’'),
                    "ldblquote" => push_char!('“'),
                    "rdblquote" => push_char!('”'),
                    "bullet" => push_char!('•'),
                    "intbl" => {
                        if st.dest == Dest::Body && !in_table {
                            flush!();
                            if !para.trim().is_empty() {
                                flow.blocks.push(Block::Para(std::mem::take(&mut para)));
                            }
                            in_table = true;
                        }
                    }
                    "cell" | "nestcell" if st.dest == Dest::Body => {
                        flush!();
                        cell.push_str(&std::mem::take(&mut para));
                        row.push(Slot::cell(std::mem::take(&mut cell), 1, 1));
                    }
                    "row" | "nestrow" if st.dest == Dest::Body => {
                        flush!();
                        rows.push(std::mem::take(&mut row));
                    }
                    "pard"
                        if st.dest == Dest::Body
                            && in_table
                            && row.is_empty()
                            && cell.is_empty() =>
                    {
                        // A paragraph reset after the last row ends the table
                        // unless the next paragraph says \intbl again.
                        flush!();
                        flow.blocks.push(Block::Table(std::mem::take(&mut rows)));
                        in_table = false;
                    }
                    "pict" => {
                        flow.images += 1;
                        st.dest = Dest::Skip;
                    }
                    "footnote" => st.dest = Dest::Note,
                    w if FURNITURE.contains(&w) => st.dest = Dest::Furniture,
                    w if SKIP.contains(&w) => st.dest = Dest::Skip,
                    _ => {}
                }
            }
            b'\r' | b'\n' => i += 1,
            _ => {
                if skip_bytes > 0 {
                    skip_bytes -= 1;
                } else if st.dest != Dest::Skip {
                    raw.push(b);
                }
                i += 1;
            }
        }
    }
    flush!();
    if !rows.is_empty() {
        flow.blocks.push(Block::Table(rows));
    }
    if !para.trim().is_empty() {
        flow.blocks.push(Block::Para(para));
    }
    // Empty tables (a \pard with no row before it) are dropped.
    flow.blocks
        .retain(|b| !matches!(b, Block::Table(r) if r.is_empty()));
    Ok(flow)
}

fn codepage(cp: u16) -> Option<&'static encoding_rs::Encoding> {
    let label = match cp {
        65001 => "utf-8".to_owned(),
        437 | 850 => return Some(encoding_rs::WINDOWS_1252),
        cp => format!("windows-{cp}"),
    };
    encoding_rs::Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_tables_and_skipped_groups() {
        let rtf = br"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Times;}}{\header Comune di Prova\par}
{\info{\title x}}\pard Il Sindaco decreta la citt\'e0 e la qualit\u224?.\par
\pard\intbl Descrizione\cell Inizio\cell\row
\intbl Bozza\cell 01/01/2021\cell\row
\pard Fine{\footnote Nota uno.}\par}";
        let flow = read(rtf).unwrap();
        assert_eq!(
            flow.blocks[0],
            Block::Para("Il Sindaco decreta la città e la qualità.".into())
        );
        let Block::Table(rows) = &flow.blocks[1] else {
            panic!("{:?}", flow.blocks)
        };
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][1], Slot::cell("01/01/2021".into(), 1, 1));
        assert_eq!(flow.blocks[2], Block::Para("Fine".into()));
        assert_eq!(flow.furniture[0].trim(), "Comune di Prova");
        assert_eq!(flow.notes, vec!["Nota uno."]);
    }
}

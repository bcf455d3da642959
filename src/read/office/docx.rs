//! Word documents (.docx, .docm): WordprocessingML read into a [`Flow`].
//!
//! The body (`word/document.xml`) is paragraphs (`w:p`) and tables
//! (`w:tbl`); a paragraph's text is its runs' `w:t`, with `w:tab` a space
//! and `w:br`/`w:cr` a line break. Tracked changes read as accepted: text
//! inside `w:ins` or `w:moveTo` is kept, `w:del` and `w:moveFrom` dropped
//! (their text is `w:delText`, never read). A table cell spans columns by
//! `w:gridSpan`; a cell marked `w:vMerge` without `restart` continues the
//! cell above, which then spans its row. A table inside a cell is read as
//! that cell's text. Headers and footers (`word/header*.xml`,
//! `word/footer*.xml`) are the page's furniture; footnotes and endnotes
//! come after the body; drawings and pictures are counted.

use super::archive::Archive;
use std::collections::HashMap;

use super::flow::{Block, Flow, Slot};
use super::numbering::{Counters, Level};
use super::xml::{walk, Ev};
use crate::error::{Error, Result};

/// Reads a .docx from its archive.
pub fn read(a: &mut Archive<'_>) -> Result<Flow> {
    let body = a
        .part("word/document.xml")?
        .ok_or_else(|| Error::Office("documento Word senza word/document.xml".into()))?;
    let mut flow = Flow::default();
    let mut r = Body {
        lists: Lists::read(a)?,
        ..Body::default()
    };
    walk(&body, "word/document.xml", |e| {
        r.event(e);
        true
    })?;
    flow.blocks = r.blocks;
    flow.images = r.images;
    let names = a.names();
    for name in names.iter().filter(|n| {
        n.starts_with("word/")
            && !n[5..].contains('/')
            && (n[5..].starts_with("header") || n[5..].starts_with("footer"))
            && n.ends_with(".xml")
    }) {
        if let Some(x) = a.part(name)? {
            flow.furniture.extend(paragraphs(&x, name)?);
        }
    }
    for name in ["word/footnotes.xml", "word/endnotes.xml"] {
        if let Some(x) = a.part(name)? {
            flow.notes.extend(notes(&x, name)?);
        }
    }
    Ok(flow)
}

/// The numbered lists of a document: `numbering.xml`'s definitions
/// (`w:abstractNum`, and `w:num` pointing at one with its start
/// overrides) and the paragraph styles of `styles.xml` that number their
/// paragraphs (`w:numPr` in the style or a style it is based on).
#[derive(Debug, Default)]
struct Lists {
    abstracts: HashMap<String, Vec<Level>>,
    /// numId -> (abstractNumId, level -> start override).
    nums: HashMap<String, (String, HashMap<usize, u32>)>,
    /// styleId -> (numId, level, basedOn).
    styles: HashMap<String, (Option<String>, Option<usize>, Option<String>)>,
}

impl Lists {
    fn read(a: &mut Archive<'_>) -> Result<Lists> {
        let mut l = Lists::default();
        if let Some(x) = a.part("word/numbering.xml")? {
            let (mut abs, mut num, mut lvl) = (None::<String>, None::<String>, None::<usize>);
            walk(&x, "word/numbering.xml", |e| {
                match e {
                    Ev::Start { name, attrs, .. } => {
                        let val = attrs.get("val").cloned().unwrap_or_default();
                        match name.as_str() {
                            "abstractNum" => abs = attrs.get("abstractNumId").cloned(),
                            "num" => num = attrs.get("numId").cloned(),
                            "lvl" | "lvlOverride" => {
                                lvl = attrs.get("ilvl").and_then(|v| v.parse().ok())
                            }
                            "abstractNumId" => {
                                if let Some(n) = &num {
                                    l.nums.entry(n.clone()).or_default().0 = val;
                                }
                            }
                            "startOverride" => {
                                if let (Some(n), Some(i)) = (&num, lvl) {
                                    if let Ok(v) = val.parse() {
                                        l.nums.entry(n.clone()).or_default().1.insert(i, v);
                                    }
                                }
                            }
                            "start" | "numFmt" | "lvlText" if num.is_none() => {
                                if let (Some(a), Some(i)) = (&abs, lvl) {
                                    let levels = l.abstracts.entry(a.clone()).or_default();
                                    if levels.len() <= i && i < 9 {
                                        levels.resize(
                                            i + 1,
                                            Level {
                                                start: 1,
                                                ..Level::default()
                                            },
                                        );
                                    }
                                    if let Some(x) = levels.get_mut(i) {
                                        match name.as_str() {
                                            "start" => x.start = val.parse().unwrap_or(1),
                                            "numFmt" => x.format = val,
                                            _ => x.text = val,
                                        }
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    Ev::End(name) => match name.as_str() {
                        "abstractNum" => abs = None,
                        "num" => num = None,
                        "lvl" | "lvlOverride" => lvl = None,
                        _ => {}
                    },
                    Ev::Text(_) => {}
                }
                true
            })?;
        }
        if l.nums.is_empty() {
            return Ok(l);
        }
        if let Some(x) = a.part("word/styles.xml")? {
            let mut id = None::<String>;
            walk(&x, "word/styles.xml", |e| {
                match e {
                    Ev::Start { name, attrs, .. } => {
                        let val = attrs.get("val").cloned();
                        match name.as_str() {
                            "style" => id = attrs.get("styleId").cloned(),
                            "numId" | "ilvl" | "basedOn" => {
                                if let Some(i) = &id {
                                    let s = l.styles.entry(i.clone()).or_default();
                                    match name.as_str() {
                                        "numId" => s.0 = val,
                                        "ilvl" => s.1 = val.and_then(|v| v.parse().ok()),
                                        _ => s.2 = val,
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    Ev::End(name) if name == "style" => id = None,
                    _ => {}
                }
                true
            })?;
        }
        Ok(l)
    }

    /// The list and level of a paragraph: its own `w:numPr`, else its
    /// style's (numId `0` numbers nothing).
    fn of(
        &self,
        num: Option<&str>,
        ilvl: Option<usize>,
        style: Option<&str>,
    ) -> Option<(String, usize)> {
        let (mut num, mut ilvl) = (num.map(str::to_owned), ilvl);
        let mut style = style.map(str::to_owned);
        for _ in 0..8 {
            let Some(s) = style.as_deref().and_then(|s| self.styles.get(s)) else {
                break;
            };
            num = num.or_else(|| s.0.clone());
            ilvl = ilvl.or(s.1);
            style = s.2.clone();
        }
        let num = num.filter(|n| n != "0")?;
        Some((num, ilvl.unwrap_or(0).min(8)))
    }

    /// A list's levels with its start overrides.
    fn levels(&self, num: &str) -> Vec<Level> {
        let Some((abs, overrides)) = self.nums.get(num) else {
            return Vec::new();
        };
        let mut levels = self.abstracts.get(abs).cloned().unwrap_or_default();
        for (&i, &s) in overrides {
            if let Some(l) = levels.get_mut(i) {
                l.start = s;
            }
        }
        levels
    }
}

/// The text of every paragraph of a part, in order (tables flattened).
fn paragraphs(xml: &[u8], part: &str) -> Result<Vec<String>> {
    let mut r = Body::default();
    walk(xml, part, |e| {
        r.event(e);
        true
    })?;
    Ok(r.blocks
        .into_iter()
        .map(|b| match b {
            Block::Para(p) => p,
            Block::Table(rows) => flat(&rows),
        })
        .collect())
}

/// Footnotes or endnotes, each one paragraph of text; the separators Word
/// keeps among them (`w:type="separator"`) are not notes.
fn notes(xml: &[u8], part: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut cur: Option<Body> = None;
    walk(xml, part, |e| {
        match &e {
            Ev::Start { name, attrs, .. } if name == "footnote" || name == "endnote" => {
                let sep = attrs.get("type").is_some_and(|t| t != "normal");
                cur = (!sep).then(Body::default);
                return true;
            }
            Ev::End(name) if name == "footnote" || name == "endnote" => {
                if let Some(b) = cur.take() {
                    let text: Vec<String> = b
                        .blocks
                        .into_iter()
                        .map(|b| match b {
                            Block::Para(p) => p,
                            Block::Table(rows) => flat(&rows),
                        })
                        .collect();
                    out.push(text.join(" ").trim().to_owned());
                }
                return true;
            }
            _ => {}
        }
        if let Some(b) = cur.as_mut() {
            b.event(e);
        }
        true
    })?;
    Ok(out)
}

fn flat(rows: &[Vec<Slot>]) -> String {
    rows.iter()
        .flatten()
        .filter_map(|s| match s {
            Slot::Cell { text, .. } => Some(text.as_str()),
            Slot::Covered => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A table being read: its rows, and for each slot its grid column and
/// vertical merge (`Some(true)` restarts, `Some(false)` continues).
#[derive(Default)]
struct TableBuild {
    rows: Vec<Vec<Slot>>,
    merges: Vec<Vec<(u32, Option<bool>)>>,
    col: u32,
    // The cell being read.
    cell: Option<CellBuild>,
}

#[derive(Default)]
struct CellBuild {
    text: String,
    span: u32,
    vmerge: Option<bool>,
}

impl TableBuild {
    /// The rows, with each restarting cell spanning the rows that continue it.
    fn finish(mut self) -> Vec<Vec<Slot>> {
        for r in 0..self.rows.len() {
            for i in 0..self.rows[r].len() {
                let (col, merge) = self.merges[r][i];
                if merge != Some(true) {
                    continue;
                }
                let mut span = 1;
                while self
                    .merges
                    .get(r + span)
                    .is_some_and(|row| row.iter().any(|&(c, m)| c == col && m == Some(false)))
                {
                    span += 1;
                }
                if let Slot::Cell { row_span, .. } = &mut self.rows[r][i] {
                    *row_span = span as u32;
                }
            }
        }
        self.rows
    }
}

/// The reading state of a body, header, footer or note.
#[derive(Default)]
struct Body {
    blocks: Vec<Block>,
    tables: Vec<TableBuild>,
    para: String,
    /// Paragraphs open (a text box's paragraphs sit inside a run).
    in_para: u32,
    /// Inside deleted text (`w:del`, `w:moveFrom`): how deep.
    deleted: u32,
    in_text: bool,
    images: u32,
    lists: Lists,
    counters: Counters,
    /// The numbering of the paragraph being read: `w:numId`, `w:ilvl`,
    /// `w:pStyle` of its properties.
    num: Option<String>,
    ilvl: Option<usize>,
    style: Option<String>,
}

impl Body {
    fn event(&mut self, e: Ev) {
        match e {
            Ev::Start { name, attrs, empty } => self.start(&name, &attrs, empty),
            Ev::End(name) => self.end(&name),
            Ev::Text(t) => {
                if self.in_text && self.deleted == 0 {
                    self.para.push_str(&t);
                }
            }
        }
    }

    fn start(&mut self, name: &str, attrs: &super::xml::Attrs, empty: bool) {
        match name {
            "del" | "moveFrom" if !empty => self.deleted += 1,
            _ if self.deleted > 0 => {}
            "t" if !empty => self.in_text = true,
            "tab" if self.in_para > 0 => self.para.push(' '),
            "br" | "cr" if self.in_para > 0 => self.para.push('\n'),
            "drawing" | "pict" | "object" if !empty => self.images += 1,
            "p" if !empty => {
                if self.in_para > 0 {
                    self.para.push('\n');
                } else {
                    (self.num, self.ilvl, self.style) = (None, None, None);
                }
                self.in_para += 1;
            }
            "numId" if self.in_para == 1 => self.num = attrs.get("val").cloned(),
            "ilvl" if self.in_para == 1 => {
                self.ilvl = attrs.get("val").and_then(|v| v.parse().ok())
            }
            "pStyle" if self.in_para == 1 => self.style = attrs.get("val").cloned(),
            "tbl" if !empty => self.tables.push(TableBuild::default()),
            "tr" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Vec::new());
                    t.merges.push(Vec::new());
                    t.col = 0;
                }
            }
            "tc" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(CellBuild {
                        span: 1,
                        ..CellBuild::default()
                    });
                }
            }
            "gridSpan" => {
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.span = attrs.get("val").and_then(|v| v.parse().ok()).unwrap_or(1);
                }
            }
            "vMerge" => {
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.vmerge = Some(attrs.get("val").is_some_and(|v| v == "restart"));
                }
            }
            _ => {}
        }
    }

    /// The label of the paragraph just read, when it is numbered.
    fn label(&mut self) -> Option<String> {
        let (num, ilvl) = self
            .lists
            .of(self.num.as_deref(), self.ilvl, self.style.as_deref())?;
        let levels = self.lists.levels(&num);
        self.counters.next(&num, &levels, ilvl, None)
    }

    fn end(&mut self, name: &str) {
        match name {
            "del" | "moveFrom" if self.deleted > 0 => self.deleted -= 1,
            _ if self.deleted > 0 => {}
            "t" => self.in_text = false,
            "p" => {
                self.in_para = self.in_para.saturating_sub(1);
                if self.in_para > 0 {
                    return;
                }
                let mut p = std::mem::take(&mut self.para);
                if let Some(label) = self.label() {
                    p = format!("{label} {p}");
                }
                match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    Some(c) => {
                        if !c.text.is_empty() {
                            c.text.push('\n');
                        }
                        c.text.push_str(&p);
                    }
                    None => self.blocks.push(Block::Para(p)),
                }
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    if let Some(c) = t.cell.take() {
                        let col = t.col;
                        t.col += c.span.max(1);
                        let slot = if c.vmerge == Some(false) {
                            Slot::Covered
                        } else {
                            Slot::cell(c.text, 1, c.span)
                        };
                        if let (Some(row), Some(m)) = (t.rows.last_mut(), t.merges.last_mut()) {
                            row.push(slot);
                            m.push((col, c.vmerge));
                        }
                    }
                }
            }
            "tbl" => {
                if let Some(t) = self.tables.pop() {
                    let rows = t.finish();
                    match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        // A table inside a cell is that cell's text.
                        Some(c) => {
                            if !c.text.is_empty() {
                                c.text.push('\n');
                            }
                            c.text.push_str(&flat(&rows));
                        }
                        None => self.blocks.push(Block::Table(rows)),
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(xml: &str) -> Vec<Block> {
        let mut b = Body::default();
        walk(xml.as_bytes(), "t", |e| {
            b.event(e);
            true
        })
        .unwrap();
        b.blocks
    }

    #[test]
    fn tracked_changes_read_as_accepted() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>Il </w:t></w:r>
            <w:del><w:r><w:delText>vecchio </w:delText></w:r></w:del>
            <w:ins><w:r><w:t>nuovo</w:t></w:r></w:ins><w:r><w:tab/><w:t>testo</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(body(xml), vec![Block::Para("Il nuovo testo".into())]);
    }

    #[test]
    fn vertical_and_horizontal_merges_become_spans() {
        let xml = r#"<w:tbl>
            <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Descrizione</w:t></w:r></w:p></w:tc>
                  <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Previsto</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
                  <w:tc><w:p><w:r><w:t>Inizio</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Fine</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl>"#;
        let blocks = body(xml);
        let Block::Table(rows) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(rows[0][0], Slot::cell("Descrizione".into(), 2, 1));
        assert_eq!(rows[0][1], Slot::cell("Previsto".into(), 1, 2));
        assert_eq!(rows[1][0], Slot::Covered);
        assert_eq!(rows[1][2], Slot::cell("Fine".into(), 1, 1));
    }
}

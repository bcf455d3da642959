//! OpenDocument text (.odt): `content.xml` read into a [`Flow`].
//!
//! Paragraphs and headings (`text:p`, `text:h`, in lists or not) are
//! paragraphs; `text:s` is as many spaces as it says, `text:tab` a space,
//! `text:line-break` a line break. Tables (`table:table`) are rows of
//! `table:table-cell`s spanning `number-columns-spanned` ×
//! `number-rows-spanned` positions, the positions they cover written as
//! `table:covered-table-cell`; a cell or row repeated
//! (`number-columns-repeated`, `number-rows-repeated`) is read that many
//! times, up to a bound. Tracked changes read as accepted: the deleted text
//! lives in `text:tracked-changes`, which is not read. Notes
//! (`text:note-body`) come after the body, annotations are not text, images
//! (`draw:image`) are counted, and the master pages' headers and footers in
//! `styles.xml` are the page's furniture.

use super::archive::Archive;
use std::collections::HashMap;

use super::flow::{Block, Flow, Slot};
use super::numbering::{Counters, Level};
use super::xml::{walk, Ev};
use crate::error::{Error, Result};

/// Most times one cell or row is repeated (beyond, an empty repeated cell
/// or row is a sheet's filler, not content).
const MAX_REPEAT: u32 = 1_000;

/// Reads an .odt from its archive.
pub fn read(a: &mut Archive<'_>) -> Result<Flow> {
    let content = a
        .part("content.xml")?
        .ok_or_else(|| Error::Office("documento OpenDocument senza content.xml".into()))?;
    let styles = a.part("styles.xml")?;
    let mut list_styles = HashMap::new();
    if let Some(x) = &styles {
        read_list_styles(x, "styles.xml", &mut list_styles)?;
    }
    read_list_styles(&content, "content.xml", &mut list_styles)?;
    let mut r = Reader {
        list_styles,
        ..Reader::default()
    };
    walk(&content, "content.xml", |e| {
        r.event(e);
        true
    })?;
    let mut flow = Flow {
        blocks: r.blocks,
        notes: r.notes,
        images: r.images,
        ..Flow::default()
    };
    if let Some(styles) = styles {
        let mut r = Reader {
            furniture_only: true,
            ..Reader::default()
        };
        walk(&styles, "styles.xml", |e| {
            r.event(e);
            true
        })?;
        flow.furniture = r
            .blocks
            .into_iter()
            .map(|b| match b {
                Block::Para(p) => p,
                Block::Table(rows) => rows
                    .iter()
                    .flatten()
                    .filter_map(|s| match s {
                        Slot::Cell { text, .. } => Some(text.as_str()),
                        Slot::Covered => None,
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            })
            .collect();
    }
    Ok(flow)
}

/// The numbered list styles (`text:list-style`) of a part: each level's
/// `text:list-level-style-number` (a bullet level numbers nothing).
fn read_list_styles(xml: &[u8], part: &str, out: &mut HashMap<String, Vec<Level>>) -> Result<()> {
    let mut name = None::<String>;
    let wanted = |n: &str| n == "list-style" || n.starts_with("list-level-style-");
    super::xml::walk_some(xml, part, wanted, false, |e| {
        match e {
            Ev::Start { name: n, attrs, .. } => match n.as_str() {
                "list-style" => name = attrs.get("name").cloned(),
                "list-level-style-number"
                | "list-level-style-bullet"
                | "list-level-style-image" => {
                    let Some(style) = &name else { return true };
                    let level: u32 = attrs
                        .get("level")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 10);
                    let get = |k: &str| attrs.get(k).map(String::as_str).unwrap_or("");
                    let lv = if n == "list-level-style-number" {
                        Level::odf(
                            get("num-format"),
                            get("num-prefix"),
                            get("num-suffix"),
                            get("display-levels").parse().unwrap_or(1),
                            level,
                            get("start-value").parse().unwrap_or(1),
                        )
                    } else {
                        Level {
                            format: "bullet".into(),
                            text: String::new(),
                            start: 1,
                        }
                    };
                    let levels = out.entry(style.clone()).or_default();
                    let i = level as usize - 1;
                    if levels.len() <= i {
                        levels.resize(
                            i + 1,
                            Level {
                                format: "none".into(),
                                text: String::new(),
                                start: 1,
                            },
                        );
                    }
                    levels[i] = lv;
                }
                _ => {}
            },
            Ev::End(n) if n == "list-style" => name = None,
            _ => {}
        }
        true
    })
}

#[derive(Default)]
struct TableBuild {
    rows: Vec<Vec<Slot>>,
    /// `number-rows-repeated` of the row being read.
    row_repeat: u32,
    cell: Option<(String, u32, u32, u32)>,
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    notes: Vec<String>,
    images: u32,
    tables: Vec<TableBuild>,
    para: String,
    in_para: u32,
    /// Inside an element whose content is not text: how deep.
    skip: u32,
    /// Inside a note's body: the paragraphs go to `notes`, and the
    /// paragraph the note is anchored in waits here.
    note: Option<String>,
    outer: Option<(String, u32)>,
    /// In `styles.xml`: only headers and footers are read.
    furniture_only: bool,
    in_furniture: u32,
    list_styles: HashMap<String, Vec<Level>>,
    counters: Counters,
    /// The lists open (`text:list`), each with its style's name.
    lists: Vec<String>,
    /// A list item has begun and its first paragraph, which shows the
    /// label, has not (with the item's `start-value`, if any).
    item: Option<Option<u32>>,
}

fn num(attrs: &super::xml::Attrs, key: &str) -> u32 {
    attrs
        .get(key)
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1)
}

impl Reader {
    fn reading(&self) -> bool {
        self.skip == 0 && (!self.furniture_only || self.in_furniture > 0)
    }

    fn event(&mut self, e: Ev) {
        match e {
            Ev::Start { name, attrs, empty } => {
                if self.skip > 0 {
                    if !empty {
                        self.skip += 1;
                    }
                    return;
                }
                match name.as_str() {
                    "tracked-changes" | "annotation" | "note-citation" | "sequence-decls"
                    | "forms" | "automatic-styles" | "font-face-decls"
                        if !empty =>
                    {
                        self.skip = 1
                    }
                    "header" | "footer" | "header-left" | "footer-left" | "header-first"
                    | "footer-first"
                        if !empty =>
                    {
                        self.in_furniture += 1
                    }
                    _ if !self.reading() => {}
                    "s" if self.in_para > 0 => {
                        let n = num(&attrs, "c").min(MAX_REPEAT) as usize;
                        self.para.push_str(&" ".repeat(n));
                    }
                    "tab" if self.in_para > 0 => self.para.push(' '),
                    "line-break" if self.in_para > 0 => self.para.push('\n'),
                    "image" => self.images += 1,
                    "note-body" if !empty && self.note.is_none() => {
                        self.note = Some(String::new());
                        self.outer = Some((std::mem::take(&mut self.para), self.in_para));
                        self.in_para = 0;
                    }
                    "list" if !empty => {
                        let style = attrs
                            .get("style-name")
                            .cloned()
                            .or_else(|| self.lists.last().cloned())
                            .unwrap_or_default();
                        let goes_on = attrs.get("continue-numbering").is_some_and(|v| v == "true")
                            || attrs.contains_key("continue-list");
                        if self.lists.is_empty() && !goes_on {
                            self.counters.restart(&style);
                        }
                        self.lists.push(style);
                    }
                    "list-item" if !empty => {
                        self.item = Some(attrs.get("start-value").and_then(|v| v.parse().ok()));
                    }
                    "list-header" => self.item = None,
                    "p" | "h" => {
                        if self.in_para > 0 {
                            self.para.push('\n');
                        } else if let Some(start) = self.item.take() {
                            if let Some(label) = self.label(start) {
                                self.para = format!("{label} ");
                            }
                        }
                        if empty && self.in_para == 0 {
                            let p = std::mem::take(&mut self.para);
                            self.finish_para(p.trim_end().to_owned());
                        } else if empty {
                            self.finish_para(String::new());
                        } else {
                            self.in_para += 1;
                        }
                    }
                    "table" if !empty => self.tables.push(TableBuild::default()),
                    "table-row" => {
                        if let Some(t) = self.tables.last_mut() {
                            t.rows.push(Vec::new());
                            t.row_repeat = num(&attrs, "number-rows-repeated");
                            if empty {
                                t.row_repeat = 1;
                            }
                        }
                    }
                    "table-cell" => {
                        let cell = (
                            String::new(),
                            num(&attrs, "number-rows-spanned"),
                            num(&attrs, "number-columns-spanned"),
                            num(&attrs, "number-columns-repeated"),
                        );
                        if let Some(t) = self.tables.last_mut() {
                            if empty {
                                push_cell(t, cell);
                            } else {
                                t.cell = Some(cell);
                            }
                        }
                    }
                    "covered-table-cell" => {
                        if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                            let n = num(&attrs, "number-columns-repeated").min(MAX_REPEAT);
                            for _ in 0..n {
                                row.push(Slot::Covered);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Ev::End(name) => {
                if self.skip > 0 {
                    self.skip -= 1;
                    return;
                }
                match name.as_str() {
                    "header" | "footer" | "header-left" | "footer-left" | "header-first"
                    | "footer-first" => self.in_furniture = self.in_furniture.saturating_sub(1),
                    _ if !self.reading() => {}
                    "list" => {
                        self.lists.pop();
                    }
                    "p" | "h" if self.in_para > 0 => {
                        self.in_para -= 1;
                        if self.in_para == 0 {
                            let p = std::mem::take(&mut self.para);
                            self.finish_para(p);
                        }
                    }
                    "note-body" => {
                        if let Some(n) = self.note.take() {
                            self.notes.push(n);
                        }
                        if let Some((p, d)) = self.outer.take() {
                            self.para = p;
                            self.in_para = d;
                        }
                    }
                    "table-cell" => {
                        if let Some(t) = self.tables.last_mut() {
                            if let Some(c) = t.cell.take() {
                                push_cell(t, c);
                            }
                        }
                    }
                    "table-row" => {
                        if let Some(t) = self.tables.last_mut() {
                            let rep = t.row_repeat.min(MAX_REPEAT);
                            let has_text = t.rows.last().is_some_and(|r| {
                                r.iter().any(|s| matches!(s, Slot::Cell { text, .. } if !text.trim().is_empty()))
                            });
                            if has_text {
                                if let Some(last) = t.rows.last().cloned() {
                                    for _ in 1..rep {
                                        t.rows.push(last.clone());
                                    }
                                }
                            }
                        }
                    }
                    "table" => {
                        if let Some(t) = self.tables.pop() {
                            let rows = t.rows;
                            match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                                Some(c) => {
                                    let flat: Vec<&str> = rows
                                        .iter()
                                        .flatten()
                                        .filter_map(|s| match s {
                                            Slot::Cell { text, .. } => Some(text.as_str()),
                                            Slot::Covered => None,
                                        })
                                        .collect();
                                    if !c.0.is_empty() {
                                        c.0.push('\n');
                                    }
                                    c.0.push_str(&flat.join(" "));
                                }
                                None => self.blocks.push(Block::Table(rows)),
                            }
                        }
                    }
                    _ => {}
                }
            }
            Ev::Text(t) => {
                if self.reading() && self.in_para > 0 {
                    self.para.push_str(&t);
                }
            }
        }
    }

    /// The label of a list item's first paragraph.
    fn label(&mut self, start: Option<u32>) -> Option<String> {
        let style = self.lists.last()?;
        let levels = self.list_styles.get(style)?;
        self.counters
            .next(style, levels, self.lists.len() - 1, start)
    }

    /// A finished paragraph goes to the note, the cell or the body it is in.
    fn finish_para(&mut self, p: String) {
        if let Some(n) = self.note.as_mut() {
            if !n.is_empty() {
                n.push(' ');
            }
            n.push_str(&p);
        } else if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            if !c.0.is_empty() {
                c.0.push('\n');
            }
            c.0.push_str(&p);
        } else {
            self.blocks.push(Block::Para(p));
        }
    }
}

/// A cell into the current row, as many times as it repeats (an empty cell
/// repeated past [`MAX_REPEAT`] once: it is the filler to the sheet's edge).
fn push_cell(t: &mut TableBuild, (text, rs, cs, rep): (String, u32, u32, u32)) {
    let Some(row) = t.rows.last_mut() else { return };
    let rep = if text.trim().is_empty() && rep > MAX_REPEAT {
        1
    } else {
        rep.min(MAX_REPEAT)
    };
    for _ in 0..rep {
        row.push(Slot::cell(text.clone(), rs, cs));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_xml(xml: &str) -> Reader {
        let mut r = Reader::default();
        walk(xml.as_bytes(), "content.xml", |e| {
            r.event(e);
            true
        })
        .unwrap();
        r
    }

    #[test]
    fn paragraphs_spaces_notes_and_accepted_changes() {
        let xml = r#"<office:document-content><office:body><office:text>
            <text:tracked-changes><text:changed-region><text:deletion><text:p>tolto</text:p></text:deletion></text:changed-region></text:tracked-changes>
            <text:h>OGGETTO</text:h>
            <text:p>Il<text:s text:c="2"/>Sindaco<text:tab/>decreta<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Nota uno.</text:p></text:note-body></text:note></text:p>
            <text:p><draw:frame><draw:image/></draw:frame></text:p>
            </office:text></office:body></office:document-content>"#;
        let r = read_xml(xml);
        assert_eq!(
            r.blocks,
            vec![
                Block::Para("OGGETTO".into()),
                Block::Para("Il  Sindaco decreta".into()),
                Block::Para("".into())
            ]
        );
        assert_eq!(r.notes, vec!["Nota uno."]);
        assert_eq!(r.images, 1);
    }

    #[test]
    fn spanned_and_covered_cells() {
        let xml = r#"<table:table><table:table-header-rows><table:table-row>
            <table:table-cell table:number-columns-spanned="2"><text:p>Previsto</text:p></table:table-cell><table:covered-table-cell/>
            </table:table-row></table:table-header-rows>
            <table:table-row><table:table-cell><text:p>Inizio</text:p></table:table-cell><table:table-cell><text:p>Fine</text:p></table:table-cell></table:table-row>
            <table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            </table:table>"#;
        let r = read_xml(xml);
        let Block::Table(rows) = &r.blocks[0] else {
            panic!()
        };
        assert_eq!(rows.len(), 3, "an empty repeated row is read once");
        assert_eq!(
            rows[0],
            vec![Slot::cell("Previsto".into(), 1, 2), Slot::Covered]
        );
        assert_eq!(
            rows[2].len(),
            1,
            "an empty cell repeated to the edge is read once"
        );
    }
}

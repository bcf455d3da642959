//! Table rules: repeating records (GANTT phases, indicators) read from a table.
//!
//! With positioned words (PDF pages) the header line gives the columns: each
//! column starts at the x of its header label, and every word below falls
//! into the column its left edge is in. A line where the key column (e.g. the
//! start date) has a value starts a row; a line where it is empty continues
//! the row above, each cell with its own column (a name wrapped onto the next
//! line, a description over three lines). The table runs on over the next
//! page, with the header repeated or not, until the `end` line or the end of
//! its section. A vertical gap much wider than the table's usual line
//! spacing ends it (what lies far below is no longer the table), and a line
//! in the page's top or bottom margin band that sits that far off or does
//! not line up with the columns is page furniture (a footer "Pagina 1 di 1"
//! on a single page, where repetition cannot tell it): it joins no row.
//!
//! Without positions (text and HTML files) the `row` regex reads a row's
//! first line into columns by its named captures. The lines after it that do
//! not start a row continue the last filled cell, as a wrapped cell would;
//! after a blank line they fill the next empty column instead (a cell the
//! layout set on a line of its own).

use std::ops::Range;

use super::compile::Table;
use super::document::{self, Doc, Region};
use crate::read::Word;

/// One cell: its text and where it was read (page index, byte range).
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub page: usize,
    pub range: Range<usize>,
}

impl Cell {
    fn extend(&mut self, text: &str, page: usize, range: Range<usize>) {
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        self.text.push_str(text.trim());
        if page == self.page {
            self.range.start = self.range.start.min(range.start);
            self.range.end = self.range.end.max(range.end);
        }
    }
}

/// A row: one optional cell per column of the rule.
pub type Row = Vec<Option<Cell>>;

/// Reads a table's rows from a region: by word positions where every page
/// of the region has words, from the text otherwise.
pub fn rows(doc: &Doc, region: &Region, t: &Table) -> Vec<Row> {
    let positioned = !region.is_empty()
        && region
            .iter()
            .all(|p| !doc.pages.get(p.page).is_none_or(|pg| pg.words.is_empty()));
    if positioned {
        if let Some(rows) = rows_positioned(doc, region, t) {
            return rows;
        }
    } else if is_layout_text(doc, region, t) {
        // Text laid out in columns with spaces (`pdftotext -layout` output):
        // a character's column is its position, so read it as positioned words.
        let pages = with_character_words(doc);
        let layout = Doc {
            pages: &pages,
            clean: doc.clean.clone(),
            references: doc.references.clone(),
        };
        if let Some(rows) = rows_positioned(&layout, region, t) {
            return rows;
        }
    }
    rows_text(doc, region, t)
}

/// Whether the table's header line spaces its labels apart as a layout does
/// (two or more spaces between them).
fn is_layout_text(doc: &Doc, region: &Region, t: &Table) -> bool {
    region.iter().any(|p| {
        let text = &doc.clean[p.page][p.range.clone()];
        document::lines(text)
            .map(|r| &text[r])
            .find(|l| t.header.is_match(l))
            .is_some_and(|l| l.trim().contains("  "))
    })
}

/// The pages with one word per whitespace-separated token, placed at its
/// character column (x) and line (y), one unit per character.
fn with_character_words(doc: &Doc) -> Vec<crate::read::Page> {
    doc.clean
        .iter()
        .enumerate()
        .map(|(i, text)| crate::read::Page {
            number: doc.pages.get(i).map_or(i as u32 + 1, |p| p.number),
            text: text.clone(),
            words: document::character_words(text),
            ..crate::read::Page::default()
        })
        .collect()
}

fn put(row: &mut Row, col: usize, text: &str, page: usize, range: Range<usize>) {
    match &mut row[col] {
        Some(c) => c.extend(text, page, range),
        slot @ None => {
            *slot = Some(Cell {
                text: text.trim().to_owned(),
                page,
                range,
            })
        }
    }
}

/// Whether a line ends the table: its `end`, or another table's header.
fn ends(t: &Table, line: &str) -> bool {
    t.end.as_ref().is_some_and(|e| e.is_match(line)) || t.others().any(|h| h.is_match(line))
}

/// Text path: the row regex, wrapped lines, cells on lines of their own.
pub fn rows_text(doc: &Doc, region: &Region, t: &Table) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut in_table = false;
    let mut after_blank = false;
    let mut last_col = 0usize;
    'pieces: for p in region {
        let text = &doc.clean[p.page];
        for lr in document::lines(&text[p.range.clone()]) {
            let lr = p.range.start + lr.start..p.range.start + lr.end;
            let line = &text[lr.clone()];
            if line.trim().is_empty() {
                after_blank = true;
                continue;
            }
            if t.header.is_match(line) {
                in_table = true;
                after_blank = false;
                continue;
            }
            if !in_table {
                continue;
            }
            if ends(t, line) {
                break 'pieces;
            }
            if let Some(caps) = t.row.captures(line) {
                let mut row: Row = vec![None; t.columns.len()];
                for (i, c) in t.columns.iter().enumerate() {
                    if let Some(g) = caps.name(&c.field) {
                        if !g.as_str().trim().is_empty() {
                            let r = lr.start + g.start()..lr.start + g.end();
                            put(&mut row, i, g.as_str(), p.page, r);
                            last_col = i;
                        }
                    }
                }
                rows.push(row);
                after_blank = false;
                continue;
            }
            let Some(row) = rows.last_mut() else { continue };
            let trimmed = line.trim();
            let lead = line.len() - line.trim_start().len();
            let r = lr.start + lead..lr.start + lead + trimmed.len();
            if after_blank {
                if let Some(next) = (last_col + 1..row.len()).find(|&i| row[i].is_none()) {
                    put(row, next, trimmed, p.page, r);
                    last_col = next;
                }
            } else {
                put(row, last_col, trimmed, p.page, r);
            }
            after_blank = false;
        }
    }
    rows
}

/// Column starts, in column order, found on a header line and the one after it.
fn columns_from_header(t: &Table, words: &[&Word]) -> Option<Vec<f32>> {
    let mut xs = Vec::new();
    for c in &t.columns {
        let first = c.label.split_whitespace().next()?.to_lowercase();
        let w = words.iter().find(|w| {
            w.text
                .trim_matches(|ch: char| !ch.is_alphanumeric())
                .to_lowercase()
                == first.trim_matches(|ch: char| !ch.is_alphanumeric())
        })?;
        xs.push(w.x);
    }
    Some(xs)
}

/// How far left of its header label a cell may start and still be in its column.
const SLACK: f32 = 3.0;

fn column_of(xs: &[f32], x: f32) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, &cx) in xs.iter().enumerate() {
        if cx - SLACK <= x && best.is_none_or(|(_, b)| cx > b) {
            best = Some((i, cx));
        }
    }
    best.map(|(i, _)| i)
}

/// Positioned path. `None` when the header's labels are not all found.
fn rows_positioned(doc: &Doc, region: &Region, t: &Table) -> Option<Vec<Row>> {
    let key = t.columns.iter().position(|c| c.key)?;
    let mut rows: Vec<Row> = Vec::new();
    let mut xs: Option<Vec<f32>> = None;
    let mut found_header = false;
    // Vertical distances between the table's consecutive lines so far.
    let mut spacings: Vec<f32> = Vec::new();
    'pieces: for p in region {
        let page = &doc.pages[p.page];
        let text = &doc.clean[p.page];
        let line_ranges: Vec<Range<usize>> = document::lines(text).collect();
        // Words in this piece, by line.
        let mut by_line: std::collections::BTreeMap<u32, Vec<&Word>> = Default::default();
        for w in &page.words {
            if w.start != usize::MAX && p.range.contains(&w.start) {
                by_line.entry(w.line).or_default().push(w);
            }
        }
        let lines: Vec<(u32, Vec<&Word>)> = by_line
            .into_iter()
            .map(|(l, mut ws)| {
                ws.sort_by(|a, b| a.x.total_cmp(&b.x));
                (l, ws)
            })
            .collect();
        let mut skip_until: Option<u32> = None;
        // Baseline of the last table line read on this page.
        let mut prev_y: Option<f32> = None;
        for (idx, (ln, ws)) in lines.iter().enumerate() {
            if skip_until.is_some_and(|s| *ln <= s) {
                prev_y = Some(line_y(ws));
                continue;
            }
            let line_text = line_ranges
                .get(*ln as usize)
                .map(|r| &text[r.clone()])
                .unwrap_or("");
            if line_text.trim().is_empty() {
                // Blanked as boilerplate.
                continue;
            }
            if t.header.is_match(line_text) {
                let mut found = columns_from_header(t, ws);
                if found.is_none() {
                    // A header whose labels wrap onto a second line.
                    if let Some((nl, nws)) = lines.get(idx + 1) {
                        let mut cand: Vec<&Word> = ws.clone();
                        cand.extend(nws.iter().copied());
                        found = columns_from_header(t, &cand);
                        if found.is_some() {
                            skip_until = Some(*nl);
                        }
                    }
                }
                if found.is_none() && xs.is_none() {
                    return None;
                }
                if found.is_some() {
                    xs = found;
                }
                found_header = true;
                prev_y = Some(line_y(ws));
                continue;
            }
            if !found_header {
                continue;
            }
            if ends(t, line_text) {
                break 'pieces;
            }
            let cols = xs.as_ref()?;
            let y = line_y(ws);
            let gap = prev_y.map(|p| y - p);
            let wide = gap.is_some_and(|g| g > wide_gap(&spacings, ws));
            if in_margin_band(page, y) && (wide || !aligned(cols, ws)) {
                // Page furniture (a footer, a running header) in the page's
                // margin: not a row, and the table may go on over the page.
                continue;
            }
            if wide {
                break 'pieces;
            }
            if let Some(g) = gap.filter(|g| *g > 0.0) {
                spacings.push(g);
            }
            prev_y = Some(y);
            let mut cells: Vec<Option<(String, Range<usize>)>> = vec![None; t.columns.len()];
            for w in ws {
                let Some(c) = column_of(cols, w.x) else {
                    continue;
                };
                let r = w.start..(w.start + w.text.len()).min(text.len());
                match &mut cells[c] {
                    Some((s, rr)) => {
                        s.push(' ');
                        s.push_str(&w.text);
                        rr.end = rr.end.max(r.end);
                    }
                    slot @ None => *slot = Some((w.text.clone(), r)),
                }
            }
            if cells[key].is_some() {
                rows.push(vec![None; t.columns.len()]);
            } else if rows.is_empty() {
                continue;
            }
            let row = rows.last_mut().expect("a row is open");
            for (i, c) in cells.into_iter().enumerate() {
                if let Some((s, r)) = c {
                    put(row, i, &s, p.page, r);
                }
            }
        }
    }
    found_header.then_some(rows)
}

/// A line's baseline: the lowest of its words'.
fn line_y(ws: &[&Word]) -> f32 {
    ws.iter().map(|w| w.y).fold(f32::MIN, f32::max)
}

/// A vertical gap wider than this many times the table's usual line spacing
/// ends it: what comes after is no longer the table (a footer far below).
const GAP_LINES: f32 = 2.5;
/// The usual line spacing assumed, in font sizes, before two lines were
/// read, and the least ever taken (rows set tightly still leave room for a
/// blank line or two).
const LINE_SPACING_EMS: f32 = 1.5;

/// The vertical gap past which a line is no longer part of the table: a
/// multiple of the median spacing of its lines so far (never below what
/// the line's font size gives).
fn wide_gap(spacings: &[f32], ws: &[&Word]) -> f32 {
    let size = ws.iter().map(|w| w.size).fold(0.0_f32, f32::max).max(1.0);
    let mut s = spacings.to_vec();
    s.sort_by(f32::total_cmp);
    let usual = s
        .get(s.len() / 2)
        .copied()
        .unwrap_or(0.0)
        .max(LINE_SPACING_EMS * size);
    GAP_LINES * usual
}

/// The share of the page height, at its top and at its bottom, where page
/// headers and footers are printed.
const MARGIN_BAND: f32 = 0.08;

/// Whether a baseline lies in the top or bottom margin band of a page
/// (never for pages without a size: text laid out in characters).
fn in_margin_band(page: &crate::read::Page, y: f32) -> bool {
    page.height > 0.0 && (y < page.height * MARGIN_BAND || y > page.height * (1.0 - MARGIN_BAND))
}

/// How far right of its column's start a cell's first word may begin and
/// still be aligned with it, in font sizes (a right-aligned short number).
const ALIGN_EMS: f32 = 3.0;

/// Whether every cell of a line starts at one of the columns: the first
/// word of each run of words falling into one column lies near its start.
fn aligned(cols: &[f32], ws: &[&Word]) -> bool {
    let mut seen: Vec<usize> = Vec::new();
    for w in ws {
        let Some(c) = column_of(cols, w.x) else {
            return false;
        };
        if seen.contains(&c) {
            continue;
        }
        seen.push(c);
        if w.x - cols[c] > ALIGN_EMS * w.size.max(1.0) {
            return false;
        }
    }
    true
}

/// A row as `field=value|field=value`, for examples and messages.
pub fn render(t: &Table, row: &Row) -> String {
    t.columns
        .iter()
        .zip(row)
        .filter_map(|(c, cell)| {
            cell.as_ref().map(|cell| {
                let v = super::normalise::chain(&cell.text, &c.normalise)
                    .unwrap_or_else(|e| format!("!{e}"));
                format!("{}={v}", c.field)
            })
        })
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use crate::read::{Page, Word};
    use crate::rules::RuleSet;
    use chrono::NaiveDate;

    /// A page built from lines of positioned words, as the PDF extractor
    /// gives them: each line's text is its words joined by single spaces.
    fn page(number: u32, lines: &[&[(f32, &str)]]) -> Page {
        let mut text = String::new();
        let mut words = Vec::new();
        for (i, ws) in lines.iter().enumerate() {
            for (k, (x, t)) in ws.iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                words.push(Word {
                    text: (*t).to_owned(),
                    x: *x,
                    y: 20.0 + 12.0 * i as f32,
                    width: 4.0 * t.chars().count() as f32,
                    size: 8.0,
                    line: i as u32,
                    start: text.len(),
                });
                text.push_str(t);
            }
            text.push('\n');
        }
        Page {
            number,
            text,
            words,
            width: 595.0,
            height: 842.0,
            ..Page::default()
        }
    }

    /// Moves the words of line `line` of a page to baseline `y`.
    fn move_line(p: &mut Page, line: u32, y: f32) {
        for w in p.words.iter_mut().filter(|w| w.line == line) {
            w.y = y;
        }
    }

    #[test]
    fn a_footer_far_below_the_table_joins_no_row_and_a_wide_gap_ends_it() {
        let sheet = |tail: &[&[(f32, &str)]]| {
            let mut lines: Vec<&[(f32, &str)]> = vec![
                &[
                    (20.0, "PIANO"),
                    (50.0, "ESECUTIVO"),
                    (100.0, "DI"),
                    (115.0, "GESTIONE"),
                ],
                &[(20.0, "2022_A01"), (60.0, "Prova")],
                &[(20.0, "INDICATORI")],
                &[
                    (20.0, "Descrizione"),
                    (300.0, "Tipo"),
                    (400.0, "Valore"),
                    (430.0, "Atteso"),
                ],
                &[
                    (20.0, "N."),
                    (32.0, "incontri"),
                    (300.0, "RISULTATO"),
                    (400.0, ">=3"),
                ],
                &[
                    (20.0, "N."),
                    (32.0, "enti"),
                    (52.0, "coinvolti"),
                    (300.0, "RISULTATO"),
                    (400.0, ">="),
                    (412.0, "2"),
                ],
            ];
            lines.extend_from_slice(tail);
            page(1, &lines)
        };
        // A footer at the foot of the page, its first word in the first
        // column's band, its page number right of the last column.
        let mut p = sheet(&[&[
            (20.0, "PEG"),
            (40.0, "2022"),
            (60.0, "–"),
            (70.0, "2022_A01"),
            (500.0, "Pagina"),
            (530.0, "1"),
            (536.0, "di"),
            (546.0, "1"),
        ]]);
        move_line(&mut p, 6, 815.0);
        let rules = RuleSet::load(None, true).unwrap();
        let x = rules.apply(std::slice::from_ref(&p));
        assert_eq!(x.indicators.len(), 2, "{:#?}", x.indicators);
        let last = &x.indicators[1];
        assert_eq!(last.description.as_deref(), Some("N. enti coinvolti"));
        assert_eq!(last.expected_value.as_deref(), Some("2"));
        assert_eq!(last.expected_raw.as_deref(), Some(">= 2"));
        // A note set well apart from the table, in the middle of the page,
        // ends the table instead of continuing the last row.
        let mut p = sheet(&[&[(20.0, "Nota"), (45.0, "bene")]]);
        move_line(&mut p, 6, 300.0);
        let x = rules.apply(std::slice::from_ref(&p));
        assert_eq!(
            x.indicators[1].description.as_deref(),
            Some("N. enti coinvolti")
        );
        // The same note on the next line continues the row, as a wrapped
        // description does.
        let p = sheet(&[&[(20.0, "nel"), (40.0, "progetto")]]);
        let x = rules.apply(std::slice::from_ref(&p));
        assert_eq!(
            x.indicators[1].description.as_deref(),
            Some("N. enti coinvolti nel progetto")
        );
        // With a footer on page 1, the table goes on over page 2.
        let mut p1 = sheet(&[&[
            (20.0, "Comune"),
            (60.0, "di"),
            (500.0, "Pagina"),
            (530.0, "1"),
        ]]);
        move_line(&mut p1, 6, 820.0);
        let p2 = page(
            2,
            &[&[
                (20.0, "N."),
                (32.0, "delibere"),
                (300.0, "RISULTATO"),
                (400.0, ">="),
                (412.0, "1"),
            ]],
        );
        let x = rules.apply(&[p1, p2]);
        assert_eq!(x.indicators.len(), 3, "{:#?}", x.indicators);
        assert_eq!(
            x.indicators[1].description.as_deref(),
            Some("N. enti coinvolti")
        );
        assert_eq!(x.indicators[2].description.as_deref(), Some("N. delibere"));
    }

    #[test]
    fn layout_text_tables_are_read_by_character_columns() {
        let text = "\
PIANO ESECUTIVO DI GESTIONE

2021_Z001 Progetto Grande Firenze

 GANTT
FASI
Descrizione                          Peso  Inizio Previsto  Fine Prevista  Responsabile   Centro di Responsabilità  Note
Predisposizione bozza di                   01/01/2021       30/04/2021     ASCIONE        SEGRETARIO GENERALE
convenzione per servizi associati                                          GIUSEPPE
Partecipazione agli incontri         20%   01/05/2021       31/12/2021     ROSSI MARIA    UFFICIO
con gli enti                                                                              ASSOCIAZIONI
INDICATORI
Descrizione                            Tipo          Valore Atteso
N. incontri con enti coinvolti         RISULTATO     >=3
";
        let pages = [Page {
            number: 1,
            text: text.to_owned(),
            ..Page::default()
        }];
        let x = RuleSet::load(None, true).unwrap().apply(&pages);
        assert_eq!(x.phases.len(), 2, "{:#?}", x.phases);
        let a = &x.phases[0];
        assert_eq!(
            a.description.as_deref(),
            Some("Predisposizione bozza di convenzione per servizi associati")
        );
        assert_eq!(a.responsible.as_deref(), Some("ASCIONE GIUSEPPE"));
        assert_eq!(
            a.responsibility_centre.as_deref(),
            Some("SEGRETARIO GENERALE")
        );
        assert_eq!(a.end_date, NaiveDate::from_ymd_opt(2021, 4, 30));
        let b = &x.phases[1];
        assert_eq!(
            b.description.as_deref(),
            Some("Partecipazione agli incontri con gli enti")
        );
        assert_eq!(b.weight, Some(20.0));
        assert_eq!(b.responsible.as_deref(), Some("ROSSI MARIA"));
        assert_eq!(
            b.responsibility_centre.as_deref(),
            Some("UFFICIO ASSOCIAZIONI")
        );
        assert_eq!(x.indicators.len(), 1);
        assert_eq!(x.indicators[0].expected_value.as_deref(), Some("3"));
        // Spans point at the page text.
        let sp = a.spans["responsibility_centre"];
        assert_eq!(&text[sp.start..sp.end], "SEGRETARIO GENERALE");
    }

    #[test]
    fn positioned_cells_wrap_into_their_own_columns_and_run_onto_the_next_page() {
        let p1 = page(
            1,
            &[
                &[
                    (20.0, "PIANO"),
                    (50.0, "ESECUTIVO"),
                    (100.0, "DI"),
                    (115.0, "GESTIONE"),
                ],
                &[
                    (20.0, "2022_A01"),
                    (60.0, "Obiettivo"),
                    (100.0, "di"),
                    (112.0, "prova"),
                ],
                &[(20.0, "GANTT")],
                &[(20.0, "FASI")],
                &[
                    (20.0, "Descrizione"),
                    (200.0, "Peso"),
                    (240.0, "Inizio"),
                    (265.0, "Previsto"),
                    (300.0, "Fine"),
                    (320.0, "Prevista"),
                    (360.0, "Responsabile"),
                    (430.0, "Centro"),
                    (458.0, "di"),
                    (468.0, "Responsabilità"),
                    (530.0, "Note"),
                ],
                &[
                    (20.0, "Prima"),
                    (45.0, "fase"),
                    (65.0, "con"),
                    (240.0, "01/01/2022"),
                    (300.0, "31/03/2022"),
                    (360.0, "ROSSI"),
                    (430.0, "UFFICIO"),
                ],
                &[
                    (20.0, "descrizione"),
                    (70.0, "lunga"),
                    (360.0, "MARIO"),
                    (430.0, "TECNICO"),
                ],
            ],
        );
        let p2 = page(
            2,
            &[
                &[
                    (20.0, "Seconda"),
                    (55.0, "fase"),
                    (205.0, "50"),
                    (240.0, "01/04/2022"),
                    (300.0, "30/06/2022"),
                    (360.0, "BIANCHI"),
                    (430.0, "SEGRETERIA"),
                ],
                &[(360.0, "ANNA")],
                &[(20.0, "INDICATORI")],
                &[
                    (20.0, "Descrizione"),
                    (300.0, "Tipo"),
                    (400.0, "Valore"),
                    (430.0, "Atteso"),
                ],
                &[
                    (20.0, "Numero"),
                    (50.0, "pratiche"),
                    (300.0, "RISULTATO"),
                    (400.0, ">="),
                    (412.0, "10"),
                ],
                &[(20.0, "evase")],
            ],
        );
        let rules = RuleSet::load(None, true).unwrap();
        let x = rules.apply(&[p1.clone(), p2.clone()]);
        assert_eq!(x.kind, "peg");
        assert_eq!(x.phases.len(), 2, "{:#?}", x.phases);
        let a = &x.phases[0];
        assert_eq!(
            a.description.as_deref(),
            Some("Prima fase con descrizione lunga")
        );
        assert_eq!(a.start_date, NaiveDate::from_ymd_opt(2022, 1, 1));
        assert_eq!(a.end_date, NaiveDate::from_ymd_opt(2022, 3, 31));
        assert_eq!(a.responsible.as_deref(), Some("ROSSI MARIO"));
        assert_eq!(a.responsibility_centre.as_deref(), Some("UFFICIO TECNICO"));
        assert_eq!(a.objective_code.as_deref(), Some("2022_A01"));
        let b = &x.phases[1];
        assert_eq!(b.description.as_deref(), Some("Seconda fase"));
        assert_eq!(b.weight, Some(50.0));
        assert_eq!(b.responsible.as_deref(), Some("BIANCHI ANNA"));
        assert_eq!(b.responsibility_centre.as_deref(), Some("SEGRETERIA"));
        // The span of a cell read on page 2 points into page 2's text, from
        // its first word to the last of its wrapped lines.
        let sp = b.spans["responsible"];
        assert_eq!(sp.page, 2);
        let spanned = &p2.text[sp.start..sp.end];
        assert!(
            spanned.starts_with("BIANCHI") && spanned.ends_with("ANNA"),
            "{spanned}"
        );
        assert_eq!(x.indicators.len(), 1, "{:#?}", x.indicators);
        let i = &x.indicators[0];
        assert_eq!(i.description.as_deref(), Some("Numero pratiche evase"));
        assert_eq!(i.expected_operator.as_deref(), Some(">="));
        assert_eq!(i.expected_value.as_deref(), Some("10"));
    }
}

//! The document as the rules read it: each page's text with boilerplate
//! lines blanked out, the legal references found in it, and [`Region`]s,
//! the stretches of text (a part, a section) that rules are confined to.
//!
//! Blanking keeps every byte offset where it was (a dropped line becomes
//! spaces), so a span read from the cleaned text is a span of
//! [`Page::text`] too.

use std::cell::OnceCell;
use std::ops::Range;

use atti_page::{Table, OUTSIDE_TEXT};

use crate::read::Page;
use crate::record::Span;

/// The tables the reader finds on a page from its geometry.
fn find_tables(page: &Page) -> Vec<Table> {
    atti_tables::find(page, &atti_tables::Settings::default())
}

/// A stretch of one page's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Index into the document's pages (0-based).
    pub page: usize,
    pub range: Range<usize>,
}

/// Stretches of text in reading order, possibly over several pages.
pub type Region = Vec<Piece>;

/// The pages after boilerplate rules, with what was found in them.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub pages: &'a [Page],
    /// Page texts with dropped lines blanked; same lengths as the originals.
    pub clean: Vec<String>,
    /// Byte ranges of legal references, per page.
    pub references: Vec<Vec<Range<usize>>>,
    /// The tables found on each page from its geometry, read when a table
    /// rule first asks for them.
    pub found_tables: Vec<OnceCell<Vec<Table>>>,
    /// Each table's cells by the grid positions they cover, per page, built
    /// when a rule first asks for them ([`Doc::covers`]).
    covers: Vec<OnceCell<Vec<Option<Positions>>>>,
}

/// A table's grid positions and the index of the cell covering each (the
/// first one, as with `Table::cell_at`).
pub type Positions = std::collections::HashMap<(u32, u32), usize>;

/// Most grid positions indexed for one table; a table whose cells cover
/// more is read with `Table::cell_at`.
const MAX_POSITIONS: u64 = 1 << 22;

pub fn positions(table: &Table) -> Option<Positions> {
    let area: u64 = table
        .cells
        .iter()
        .map(|c| u64::from(c.row_span.max(1)) * u64::from(c.col_span.max(1)))
        .sum();
    (area <= MAX_POSITIONS).then(|| {
        let mut at = Positions::with_capacity(area as usize);
        for (i, c) in table.cells.iter().enumerate() {
            for r in c.row..c.row + c.row_span.max(1) {
                for col in c.col..c.col + c.col_span.max(1) {
                    at.entry((r, col)).or_insert(i);
                }
            }
        }
        at
    })
}

impl<'a> Doc<'a> {
    /// The whole document as one region.
    pub fn all(&self) -> Region {
        self.clean
            .iter()
            .enumerate()
            .map(|(page, t)| Piece {
                page,
                range: 0..t.len(),
            })
            .collect()
    }

    pub fn new(pages: &'a [Page], clean: Vec<String>, references: Vec<Vec<Range<usize>>>) -> Self {
        Doc {
            found_tables: vec![OnceCell::new(); pages.len()],
            covers: vec![OnceCell::new(); pages.len()],
            pages,
            clean,
            references,
        }
    }

    /// The tables of page `page` (0-based index): those its source declares
    /// (HTML), else those the table reader finds from its words and lines.
    pub fn tables(&self, page: usize) -> &[Table] {
        let Some(p) = self.pages.get(page) else {
            return &[];
        };
        if !p.tables.is_empty() || p.words.is_empty() {
            return &p.tables;
        }
        match self.found_tables.get(page) {
            Some(cell) => cell.get_or_init(|| find_tables(p)),
            None => &[],
        }
    }

    /// The grid positions of each table of [`Doc::tables`]`(page)`, in the
    /// same order, built once per document: the label rules ask for them
    /// for every rule, and a sheet has thousands of cells.
    pub fn covers(&self, page: usize) -> &[Option<Positions>] {
        match self.covers.get(page) {
            Some(cell) => cell.get_or_init(|| self.tables(page).iter().map(positions).collect()),
            None => &[],
        }
    }

    pub fn text(&self, p: &Piece) -> &str {
        &self.clean[p.page][p.range.clone()]
    }

    /// A span of page `page` (0-based index) in record form.
    pub fn span(&self, page: usize, range: Range<usize>) -> Span {
        Span {
            page: self.pages.get(page).map_or(page as u32 + 1, |p| p.number),
            start: range.start,
            end: range.end,
        }
    }

    /// Where the left column of one line of a page ends (a byte offset in
    /// the page text). With positioned words, the left column ends at the
    /// first horizontal gap much wider than a space; a line whose first word
    /// starts past the middle of the page has an empty left column. Without
    /// words, the text's own spacing tells (see [`left_column`]).
    pub fn left_end(&self, page: usize, line: Range<usize>) -> usize {
        let text = &self.clean[page];
        let Some(pg) = self.pages.get(page).filter(|p| !p.words.is_empty()) else {
            return line.start + left_column(&text[line.clone()]).len();
        };
        let mut ws: Vec<_> = pg
            .words
            .iter()
            .filter(|w| w.start != OUTSIDE_TEXT && line.contains(&w.start))
            .collect();
        if ws.is_empty() {
            return line.start + left_column(&text[line.clone()]).len();
        }
        ws.sort_by(|a, b| a.x.total_cmp(&b.x));
        // Only a whole line can have an empty left column; a line already
        // cut to a value's column starts where that column does.
        let whole_line = line.start == 0 || text[..line.start].ends_with('\n');
        if whole_line && pg.width > 0.0 && ws[0].x > pg.width * RIGHT_COLUMN_FROM {
            return line.start;
        }
        for pair in ws.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let gap = b.x - (a.x + a.width);
            if gap > (COLUMN_GAP_EMS * a.size).max(MIN_COLUMN_GAP) {
                return text.floor_char_boundary((a.start + a.text.len()).min(line.end));
            }
        }
        line.end
    }

    /// Where, on a later line of a page, the column of a value whose label
    /// starts at byte `anchor` begins: text to the left of that column,
    /// separated from it by a wide gap, belongs to another column (a date in
    /// the margin beside a wrapped OGGETTO) and is left out. Without such a
    /// gap the whole line is the value's.
    pub fn column_start(&self, page: usize, anchor: usize, line: Range<usize>) -> (usize, Margin) {
        let text = &self.clean[page];
        if let Some(pg) = self.pages.get(page).filter(|p| !p.words.is_empty()) {
            let Some(a) = pg.words.iter().find(|w| {
                w.start != OUTSIDE_TEXT
                    && w.start <= anchor
                    && anchor < w.start + w.text.len().max(1)
            }) else {
                return (line.start, Margin::None);
            };
            let mut ws: Vec<_> = pg
                .words
                .iter()
                .filter(|w| w.start != OUTSIDE_TEXT && line.contains(&w.start))
                .collect();
            ws.sort_by(|x, y| x.x.total_cmp(&y.x));
            return match ws.iter().position(|w| w.x >= a.x - SLACK) {
                Some(i) if i > 0 => {
                    let (p, w) = (ws[i - 1], ws[i]);
                    let gap = w.x - (p.x + p.width);
                    if gap > (COLUMN_GAP_EMS * p.size).max(MIN_COLUMN_GAP) {
                        (
                            text.floor_char_boundary(w.start.max(line.start)),
                            Margin::Cut,
                        )
                    } else {
                        (line.start, Margin::None)
                    }
                }
                None if !ws.is_empty() && a.x > 4.0 * a.size => (line.end, Margin::Whole),
                _ => (line.start, Margin::None),
            };
        }
        let anchor_line = text[..anchor].rfind('\n').map_or(0, |i| i + 1);
        let col = text[anchor_line..anchor].chars().count();
        let l = &text[line.clone()];
        let Some((mut k, _)) = l.char_indices().nth(col) else {
            // The line ends before the column: margin text only, if any.
            if col >= 4 && !l.trim().is_empty() {
                return (line.end, Margin::Whole);
            }
            return (line.start, Margin::None);
        };
        // Back to the start of the word at the column.
        while k > 0 && !l[..k].ends_with(char::is_whitespace) {
            k = l[..k].char_indices().last().map_or(0, |(i, _)| i);
        }
        let before = &l[..k];
        if !before.trim().is_empty() && before.ends_with("  ") {
            (line.start + k, Margin::Cut)
        } else {
            (line.start, Margin::None)
        }
    }

    /// The lines just above a label's line that belong to its value when
    /// the label is set beside the middle of its value (a label cell
    /// centred vertically in a table row: the value's first lines stand
    /// above the label). A line counts when its first word starts where
    /// the value does (`value_start`, right of the label at `label_start`)
    /// and nothing stands left of it, in the value's font size and at the
    /// value's leading (a heading above, set apart, is not the value's);
    /// the walk up stops at a blank line or any other line, and takes
    /// nothing when that line is itself a label's row (text in the label's
    /// column and in the value's: the aligned lines continue its value),
    /// when `accept` refuses a line, when it finds more than `max` lines,
    /// or when the value's own lines below the label do not keep to its
    /// column (a value that wraps under its label is not a column of its
    /// own). Positioned words only; ranges top to bottom, none above
    /// `floor`.
    pub fn aligned_above(
        &self,
        page: usize,
        label_start: usize,
        value: Range<usize>,
        floor: usize,
        max: usize,
        accept: &dyn Fn(&str) -> bool,
    ) -> Vec<Range<usize>> {
        let text = &self.clean[page];
        let Some(pg) = self.pages.get(page).filter(|p| !p.words.is_empty()) else {
            return Vec::new();
        };
        let at = |o: usize| {
            pg.words.iter().find(|w| {
                w.start != OUTSIDE_TEXT && w.start <= o && o < w.start + w.text.len().max(1)
            })
        };
        let (Some(l), Some(v)) = (at(label_start), at(value.start)) else {
            return Vec::new();
        };
        if v.x <= l.x + l.width {
            return Vec::new();
        }
        let slack = 0.3 * v.size.max(1.0);
        let line_words = |r: &Range<usize>| -> Vec<&crate::read::Word> {
            pg.words
                .iter()
                .filter(|w| w.start != OUTSIDE_TEXT && r.contains(&w.start))
                .collect()
        };
        // The value's lines below the label's keep to its column.
        let label_line_end = text[label_start..]
            .find('\n')
            .map_or(text.len(), |i| label_start + i);
        let below = lines(&text[label_line_end.min(value.end)..value.end])
            .map(|r| label_line_end + r.start..label_line_end + r.end);
        for r in below {
            let ws = line_words(&r);
            if ws
                .iter()
                .map(|w| w.x)
                .reduce(f32::min)
                .is_some_and(|x| (x - v.x).abs() > slack)
            {
                return Vec::new();
            }
        }
        let mut out = Vec::new();
        let mut y_below = v.y;
        let mut end = text[..label_start].rfind('\n').unwrap_or(0);
        while end > floor {
            let start = text[..end].rfind('\n').map_or(0, |i| i + 1).max(floor);
            let line = start..end;
            let ws = line_words(&line);
            let Some(first) = ws.iter().map(|w| w.x).reduce(f32::min) else {
                break;
            };
            let same_cell = ws.iter().all(|w| (w.size - v.size).abs() <= 0.5)
                && ws
                    .iter()
                    .all(|w| y_below - w.y <= 1.6 * v.size && w.y < y_below);
            if (first - v.x).abs() > slack || !same_cell {
                let label_row =
                    first < l.x + l.width && ws.iter().any(|w| (w.x - v.x).abs() <= slack);
                if label_row {
                    out.clear();
                }
                break;
            }
            if !accept(&text[line.clone()]) || out.len() == max {
                out.clear();
                break;
            }
            y_below = ws.iter().map(|w| w.y).fold(f32::INFINITY, f32::min);
            out.push(line);
            if start == 0 {
                break;
            }
            end = start - 1;
        }
        out.reverse();
        out
    }

    /// Whether a byte range of a page lies inside a legal reference.
    pub fn in_reference(&self, page: usize, range: &Range<usize>) -> bool {
        self.references.get(page).is_some_and(|v| {
            v.iter()
                .any(|r| r.start <= range.start && range.end <= r.end)
        })
    }
}

/// What [`Doc::column_start`] found left of a value's column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Margin {
    /// Nothing: the whole line is the value's.
    None,
    /// Text in a margin column, cut off.
    Cut,
    /// The line holds margin text only.
    Whole,
}

/// The lines of a text with their byte ranges (without the newline).
pub fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |l| {
        let r = start..start + l.trim_end_matches(['\n', '\r']).len();
        start += l.len();
        r
    })
}

/// How far left of its label a value's column may start, in points.
const SLACK: f32 = 3.0;

/// A gap between two words wider than this many font sizes separates columns.
const COLUMN_GAP_EMS: f32 = 2.5;
/// ... and never less than this many points.
const MIN_COLUMN_GAP: f32 = 12.0;
/// A line whose first word starts past this fraction of the page width is
/// in the right-hand column only.
const RIGHT_COLUMN_FROM: f32 = 0.45;

/// Indentation (in characters) past which a line's text is taken to start
/// in a right-hand column.
const LEFT_COLUMN_INDENT: usize = 12;

/// The part of a line before its first wide gap (three or more spaces after
/// some text): the left column of a two-column layout.
pub fn left_column(line: &str) -> &str {
    let lead = line.len() - line.trim_start().len();
    // Text that starts far to the right is the right column's: the left
    // column is empty on this line.
    if lead >= LEFT_COLUMN_INDENT {
        return "";
    }
    match line[lead..].find("   ") {
        Some(i) => &line[..lead + i],
        None => line,
    }
}

/// One word per whitespace-separated token of a text, placed at its
/// character column (x) and line (y), one unit per character.
pub(crate) fn character_words(text: &str) -> Vec<crate::read::Word> {
    let mut words = Vec::new();
    for (ln, r) in lines(text).enumerate() {
        let line = &text[r.clone()];
        let mut col = 0usize;
        let mut token: Option<(usize, usize, String)> = None;
        for (b, c) in line.char_indices() {
            if c.is_whitespace() {
                if let Some((start, x, t)) = token.take() {
                    words.push(char_word(t, x, ln, r.start + start));
                }
            } else {
                match &mut token {
                    Some((_, _, t)) => t.push(c),
                    None => token = Some((b, col, c.to_string())),
                }
            }
            col += 1;
        }
        if let Some((start, x, t)) = token.take() {
            words.push(char_word(t, x, ln, r.start + start));
        }
    }
    words
}

fn char_word(text: String, x: usize, line: usize, start: usize) -> crate::read::Word {
    crate::read::Word {
        width: text.chars().count() as f32,
        text,
        x: x as f32,
        y: line as f32,
        size: 1.0,
        line: line as u32,
        start,
    }
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;

//! The document as the rules read it: each page's text with boilerplate
//! lines blanked out, the legal references found in it, and [`Region`]s,
//! the stretches of text (a part, a section) that rules are confined to.
//!
//! Blanking keeps every byte offset where it was (a dropped line becomes
//! spaces), so a span read from the cleaned text is a span of
//! [`Page::text`] too.

use std::ops::Range;

use crate::extract::Page;
use crate::record::Span;

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
}

impl Doc<'_> {
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
            .filter(|w| w.start != usize::MAX && line.contains(&w.start))
            .collect();
        if ws.is_empty() {
            return line.start + left_column(&text[line.clone()]).len();
        }
        ws.sort_by(|a, b| a.x.total_cmp(&b.x));
        if pg.width > 0.0 && ws[0].x > pg.width * RIGHT_COLUMN_FROM {
            return line.start;
        }
        for pair in ws.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let gap = b.x - (a.x + a.width);
            if gap > (COLUMN_GAP_EMS * a.size).max(MIN_COLUMN_GAP) {
                return (a.start + a.text.len()).min(line.end);
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
                w.start != usize::MAX && w.start <= anchor && anchor < w.start + w.text.len().max(1)
            }) else {
                return (line.start, Margin::None);
            };
            let mut ws: Vec<_> = pg
                .words
                .iter()
                .filter(|w| w.start != usize::MAX && line.contains(&w.start))
                .collect();
            ws.sort_by(|x, y| x.x.total_cmp(&y.x));
            return match ws.iter().position(|w| w.x >= a.x - SLACK) {
                Some(i) if i > 0 => {
                    let (p, w) = (ws[i - 1], ws[i]);
                    let gap = w.x - (p.x + p.width);
                    if gap > (COLUMN_GAP_EMS * p.size).max(MIN_COLUMN_GAP) {
                        (w.start.max(line.start), Margin::Cut)
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

//! A column's header above a cell of a page: the walk up from a cell to the
//! line that heads its table ([`Doc::column_head`]), told apart by the
//! page's geometry (by x with positioned words, by cell with tab-separated
//! cells, by character position in laid-out text), and whether a line sets
//! its words apart as cells ([`Doc::cells_apart`]).

use std::ops::Range;

use atti_page::OUTSIDE_TEXT;

use super::document::Doc;
use super::rule_regex::Regex;

impl Doc<'_> {
    /// Whether the text at `at` (a mark such as the `X` of a roll call)
    /// stands under the column headed by what `header` matches on the
    /// nearest line above that it matches (within [`HEADER_LINES_ABOVE`]):
    /// the header word of the mark's own column ([`Doc::column_head`]) is
    /// in the match. No header above: not under it.
    pub fn under_header(&self, page: usize, header: &Regex, at: Range<usize>) -> bool {
        let Some((line, word)) = self.column_head(page, at, HEADER_LINES_ABOVE, &|_, l| {
            Above::header_if(header.is_match(l))
        }) else {
            return false;
        };
        header
            .find(&self.clean[page][line.clone()])
            .is_some_and(|m| {
                line.start + m.start() < word.end.max(word.start + 1)
                    && word.start < line.start + m.end()
            })
    }

    /// The header of the column the text at `at` stands in: the nearest
    /// line above (at most `max_lines` up) that `above` takes for a header
    /// (given the line's byte range and text),
    /// the walk stopping where it says the table ends; returns that line's
    /// byte range and the range of its word nearest to `at` (of its cell,
    /// with tab-separated cells), the column's header. The column is told by the page's geometry: by x with
    /// positioned words (PDF), by cell with tab-separated cells (HTML and
    /// office tables), by character position in text laid out with spaces.
    pub fn column_head(
        &self,
        page: usize,
        at: Range<usize>,
        max_lines: usize,
        above: &dyn Fn(Range<usize>, &str) -> Above,
    ) -> Option<(Range<usize>, Range<usize>)> {
        let text = self.clean.get(page)?;
        // Offsets from the PDF extractor must never split a character.
        let at = text.floor_char_boundary(at.start)..text.floor_char_boundary(at.end.max(at.start));
        let mark_line = text[..at.start].rfind('\n').map_or(0, |i| i + 1);
        let mut end = mark_line;
        let mut head = None;
        for _ in 0..max_lines {
            if end == 0 {
                break;
            }
            let start = text[..end - 1].rfind('\n').map_or(0, |i| i + 1);
            match above(start..end - 1, &text[start..end - 1]) {
                Above::Header => {
                    head = Some(start);
                    break;
                }
                Above::Stop => return None,
                Above::Row => end = start,
            }
        }
        let head_line = head?;
        let head_end = text[head_line..]
            .find('\n')
            .map_or(text.len(), |i| head_line + i);
        let mark_end = text[mark_line..]
            .find('\n')
            .map_or(text.len(), |i| mark_line + i);
        let found = |w: Range<usize>| Some((head_line..head_end, w));
        // Positioned words: the header word nearest to the mark by x.
        if let Some(pg) = self.pages.get(page).filter(|p| !p.words.is_empty()) {
            let on = |r: Range<usize>| -> Vec<&crate::read::Word> {
                pg.words
                    .iter()
                    .filter(|w| w.start != OUTSIDE_TEXT && r.contains(&w.start))
                    .collect()
            };
            let mark = on(mark_line..mark_end)
                .into_iter()
                .find(|w| w.start <= at.start && at.start < w.start + w.text.len().max(1));
            let heads = on(head_line..head_end);
            if let (Some(mark), false) = (mark, heads.is_empty()) {
                let cx = mark.x + mark.width / 2.0;
                let dist = |w: &crate::read::Word| {
                    if cx < w.x {
                        w.x - cx
                    } else if cx > w.x + w.width {
                        cx - (w.x + w.width)
                    } else {
                        0.0
                    }
                };
                let nearest = heads
                    .iter()
                    .min_by(|a, b| dist(a).total_cmp(&dist(b)))
                    .expect("not empty");
                let end = (nearest.start + nearest.text.len()).min(head_end);
                return found(nearest.start..end.max(nearest.start));
            }
        }
        // Tab-separated cells (HTML tables): the header cell of the same
        // index.
        let head_text = &text[head_line..head_end];
        if head_text.contains('\t') && text[mark_line..mark_end].contains('\t') {
            let index = text[mark_line..at.start].matches('\t').count();
            let mut from = 0;
            for (i, cell) in head_text.split('\t').enumerate() {
                if i == index {
                    let lead = cell.len() - cell.trim_start().len();
                    let s = head_line + from + lead;
                    return found(s..s.max(head_line + from + cell.trim_end().len()));
                }
                from += cell.len() + 1;
            }
            return None;
        }
        // Laid-out text: the header word nearest by character position.
        let col = text[mark_line..at.start].chars().count();
        let col_end = col + text[at.clone()].chars().count().max(1);
        let mut nearest: Option<(usize, Range<usize>)> = None; // (distance, bytes)
        let mut c = 0;
        let mut word: Option<(usize, usize)> = None; // (first column, byte offset)
        let close = |w: (usize, usize),
                     last: usize,
                     to: usize,
                     nearest: &mut Option<(usize, Range<usize>)>| {
            let d = if col_end <= w.0 {
                w.0 - col_end + 1
            } else if col > last {
                col - last
            } else {
                0
            };
            if nearest.as_ref().is_none_or(|(nd, _)| d < *nd) {
                *nearest = Some((d, head_line + w.1..head_line + to));
            }
        };
        for (i, ch) in head_text.char_indices() {
            if ch.is_whitespace() {
                if let Some(w) = word.take() {
                    close(w, c - 1, i, &mut nearest);
                }
            } else if word.is_none() {
                word = Some((c, i));
            }
            c += 1;
        }
        if let Some(w) = word {
            close(w, c.saturating_sub(1), head_text.len(), &mut nearest);
        }
        nearest.and_then(|(_, b)| found(b))
    }

    /// Whether a line of a page (a byte range) sets its words apart as a
    /// table's cells: with positioned words, a gap between two of them
    /// wider than [`CELL_GAP_EMS`] font sizes (a justified space is
    /// narrower); without, a tab or two spaces or more between them.
    pub fn cells_apart(&self, page: usize, line: Range<usize>) -> bool {
        let Some(text) = self.clean.get(page) else {
            return false;
        };
        if let Some(pg) = self.pages.get(page).filter(|p| !p.words.is_empty()) {
            let mut ws: Vec<_> = pg
                .words
                .iter()
                .filter(|w| w.start != OUTSIDE_TEXT && line.contains(&w.start))
                .collect();
            if !ws.is_empty() {
                ws.sort_by(|a, b| a.x.total_cmp(&b.x));
                return ws
                    .windows(2)
                    .any(|p| p[1].x - (p[0].x + p[0].width) > CELL_GAP_EMS * p[0].size.max(1.0));
            }
        }
        let t = text.get(line).unwrap_or("").trim();
        t.contains('\t') || t.contains("  ")
    }
}

/// What a line above a cell is to [`Doc::column_head`]'s walk up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Above {
    /// The column's header line.
    Header,
    /// A row of the table (or a line to pass over).
    Row,
    /// The table ends here: no header.
    Stop,
}

impl Above {
    /// `Header` when `yes`, else `Row`.
    pub fn header_if(yes: bool) -> Self {
        if yes {
            Above::Header
        } else {
            Above::Row
        }
    }
}

/// How many lines above a mark its column header may be.
const HEADER_LINES_ABOVE: usize = 80;
/// A gap between two words of a line wider than this many font sizes
/// sets them apart as table cells ([`Doc::cells_apart`]).
const CELL_GAP_EMS: f32 = 1.5;

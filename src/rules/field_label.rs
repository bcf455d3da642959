//! How a field rule reads the value after a label: in a table cell beside
//! (or below) the label's, in the text after it on its line and the lines
//! that follow, or in a column of its own (see [`super::label_column`]).
//! [`super::field`] runs the rules and hands labels here.

use std::ops::Range;

use super::rule_regex::Regex;

use super::compiled::{Field, Labels};
use super::document::{self, Doc};

/// A label rule's values. With `layout = "label_column"` a page with word
/// positions is read by columns first (a PDF's text interleaves the label's
/// lines with the value's), a page without them as text first (its text may
/// hold label and value one after the other), each falling back on the other.
pub(super) fn label_or_column_values(
    doc: &Doc,
    page: usize,
    bounds: Range<usize>,
    labels: &Labels,
    rule: &Field,
    known: &[&Regex],
) -> Vec<(String, Range<usize>)> {
    let cells = cell_values(doc, page, &bounds, labels, rule.block, rule.until.as_ref());
    if !cells.is_empty() {
        return cells;
    }
    if !rule.label_column {
        return label_values(doc, page, bounds, labels, rule, known);
    }
    let columns = || super::label_column::values(doc, page, bounds.clone(), labels, rule, known);
    let text = || label_values(doc, page, bounds.clone(), labels, rule, known);
    let positioned = doc.pages.get(page).is_some_and(|p| !p.words.is_empty());
    let first = if positioned { columns() } else { text() };
    if !first.is_empty() {
        return first;
    }
    if positioned {
        text()
    } else {
        columns()
    }
}

/// A label set in a table cell of its own: the value is the next cell of
/// its row that holds text (a header block laid out as a table, with the
/// label "DIREZIONE" in one cell and "DIREZIONE SERVIZI SOCIALI" in the
/// next). A cell holds the label when the label is all its text but for a
/// closing colon; a label wrapped over the cells below it in its column
/// ("DESCRIZIONE DETTAGLIATA" above "DELL'OBIETTIVO", rows the reader made
/// of its lines) is read across them, its value across the same rows. A
/// `block` value goes on in the cells below while the label's column is
/// empty there (paragraphs the reader set as rows), up to a cell that
/// `until` matches (the heading after a subject, "IL SINDACO", set as a row
/// of the same table by the reader).
fn cell_values(
    doc: &Doc,
    page: usize,
    bounds: &Range<usize>,
    labels: &Labels,
    block: bool,
    until: Option<&Regex>,
) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    for (t, at) in doc.tables(page).iter().zip(doc.covers(page)) {
        let grid = Cover {
            table: t,
            at: at.as_ref(),
        };
        for c in &t.cells {
            if !bounds.contains(&c.start) {
                continue;
            }
            let Some(last) = label_rows(&grid, c, labels) else {
                continue;
            };
            let after = c.col + c.col_span.max(1);
            let Some(col) = (after..t.cols).find(|&col| {
                (c.row..=last).any(|r| {
                    grid.at(r, col)
                        .is_some_and(|v| v.row == r && !v.text.trim().is_empty())
                })
            }) else {
                continue;
            };
            let mut text = String::new();
            let mut range: Option<Range<usize>> = None;
            let mut take = |v: &atti_page::TableCell| {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(v.text.trim());
                let r = v.start..v.end.max(v.start);
                range = Some(
                    range
                        .as_ref()
                        .map_or(r.clone(), |a| a.start.min(r.start)..a.end.max(r.end)),
                );
            };
            let mut row = c.row;
            while row < t.rows {
                let label_empty = grid.at(row, c.col).is_none_or(|l| l.text.trim().is_empty());
                if row > last && !(block && label_empty) {
                    break;
                }
                let cell = grid.at(row, col).filter(|v| v.row == row && v.col == col);
                match cell {
                    Some(v)
                        if row > last
                            && until.is_some_and(|u| {
                                v.text.trim().lines().next().is_some_and(|l| u.is_match(l))
                            }) =>
                    {
                        break
                    }
                    Some(v) if !v.text.trim().is_empty() => {
                        take(v);
                        row = v.row + v.row_span.max(1);
                    }
                    _ if row > last => break,
                    _ => row += 1,
                }
            }
            if let Some(range) = range {
                out.push((text, range));
            }
        }
    }
    out
}

/// A table's cells by the grid positions they cover ([`Doc::covers`],
/// built once per document), for the loops above, which ask for a position
/// many times per cell (`Table::cell_at` walks every cell: a sheet of
/// thousands of cells made reading a workbook quadratic). The first cell
/// covering a position wins, as with `cell_at`; a table whose cells cover
/// too many positions is read with `cell_at`.
struct Cover<'t> {
    table: &'t atti_page::Table,
    at: Option<&'t document::Positions>,
}

impl<'t> Cover<'t> {
    fn at(&self, row: u32, col: u32) -> Option<&'t atti_page::TableCell> {
        match self.at {
            Some(at) => at.get(&(row, col)).map(|&i| &self.table.cells[i]),
            None => self.table.cell_at(row, col),
        }
    }
}

/// Most rows of a table one label is read across.
const MAX_LABEL_ROWS: u32 = 4;

/// The last row of the label that starts at cell `c`: the cell's text, or
/// its text and the cells' below it in its column, is a whole label but for
/// a closing colon.
fn label_rows(t: &Cover<'_>, c: &atti_page::TableCell, labels: &Labels) -> Option<u32> {
    let whole = |s: &str| {
        let s = s.trim().trim_end_matches([':', '.']).trim_end();
        labels.iter().any(|l| {
            l.find(s)
                .is_some_and(|m| m.start() == 0 && m.end() == s.len())
        })
    };
    let first = c.text.trim();
    // The cells below only lengthen the text: a first cell that starts no
    // label starts none with them.
    if !labels.may_start(first) {
        return None;
    }
    let mut text = first.to_owned();
    let mut cell = c;
    for _ in 0..MAX_LABEL_ROWS {
        if text.is_empty() {
            return None;
        }
        if whole(&text) {
            return Some(cell.row + cell.row_span.max(1) - 1);
        }
        let next = cell.row + cell.row_span.max(1);
        cell = t
            .at(next, c.col)
            .filter(|b| b.row == next && b.col == c.col && b.col_span == c.col_span)?;
        text.push(' ');
        text.push_str(cell.text.trim());
    }
    None
}

/// The values after each occurrence of a label in `bounds` of a page's text.
pub(super) fn label_values(
    doc: &Doc,
    page: usize,
    bounds: Range<usize>,
    labels: &[Regex],
    rule: &Field,
    known: &[&Regex],
) -> Vec<(String, Range<usize>)> {
    let text = &doc.clean[page][bounds.clone()];
    let base = bounds.start;
    // Where the left column of a line (relative range) ends, relative.
    let left_end = |r: Range<usize>| doc.left_end(page, base + r.start..base + r.end) - base;
    let column_start = |anchor: usize, r: Range<usize>| {
        let (at, margin) = doc.column_start(page, base + anchor, base + r.start..base + r.end);
        (at - base, margin)
    };
    let mut hits: Vec<Range<usize>> = labels
        .iter()
        .flat_map(|l| l.find_iter(text).map(|m| m.range()))
        .collect();
    hits.sort_by_key(|r| r.start);
    let mut out = Vec::new();
    for h in hits {
        if inside_sentence(text, h.clone()) {
            continue;
        }
        // The label's column is where its first letter is, not where a
        // regex's leading `^\s*` began.
        let m = &text[h.clone()];
        let anchor = h.start + (m.len() - m.trim_start().len());
        let cols = Columns {
            left_end: &left_end,
            column_start: &|r| column_start(anchor, r),
        };
        if let Some((mut value, mut r)) = read_after(text, h.end, labels, rule, known, &cols) {
            if rule.block {
                // A label centred beside its value: the value's first
                // lines stand above the label's, no more of them than below.
                let below = text[r.clone()].matches('\n').count() + 1;
                let accept = |l: &str| {
                    let body = l.trim_start();
                    !rule.until.as_ref().is_some_and(|u| u.is_match(l))
                        && !known
                            .iter()
                            .any(|k| k.find(body).is_some_and(|m| m.start() == 0))
                };
                let above = doc.aligned_above(
                    page,
                    base + anchor,
                    base + r.start..base + r.end,
                    base,
                    below,
                    &accept,
                );
                if let Some(top) = above.first() {
                    let mut parts: Vec<&str> = above
                        .iter()
                        .map(|a| doc.clean[page][a.clone()].trim())
                        .collect();
                    parts.push(&value);
                    value = parts.join(" ");
                    r.start = top.start - base;
                }
            }
            out.push((value, bounds.start + r.start..bounds.start + r.end));
        }
    }
    out
}

/// Whether a label's words found at `h` are words of a sentence, not the
/// label: the label stands inside a line, with words before it in the same
/// cell (no wide gap, tab or cell bar between), and goes on into the next
/// word with no colon, in the case of the words on both sides ("... PER LA
/// GESTIONE DEL SERVIZIO OGGETTO DENOMINATO ...", a subject whose own words
/// hold the label's). A label at the
/// start of its line or cell, a label followed by a colon ("N. 21 Del
/// OGGETTO: ...", a transcript that joined the header's lines) or by the
/// line's end stays a label.
fn inside_sentence(text: &str, h: Range<usize>) -> bool {
    let line_start = text[..h.start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..h.start];
    let cell = ["   ", "\t", "|"]
        .iter()
        .filter_map(|sep| before.rfind(sep).map(|i| i + sep.len()))
        .max()
        .map_or(before, |i| &before[i..]);
    if cell.trim().is_empty() {
        return false;
    }
    let label = text[h.clone()].trim_end();
    if label.ends_with(':') {
        return false;
    }
    let after = text[h.end..].trim_start_matches([' ', '\t']);
    if after.is_empty() || after.starts_with([':', '\n', '\r']) {
        return false;
    }
    // A label set inside a line stands out by its case ("... GENERALE
    // Dirigente ROSSI ...", a form's row joined into one line); a word in
    // the case of the words on both sides of it is a word of their phrase.
    let next = after
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let prev = cell.split_whitespace().last().unwrap_or("");
    let case = letter_case(label);
    case.is_some() && letter_case(prev) == case && letter_case(next) == case
}

/// The case a word is written in: all capitals, a capital and small
/// letters, or small letters (`None` for a word with no letters or a
/// single capital).
fn letter_case(word: &str) -> Option<u8> {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let first = letters.first()?;
    if first.is_lowercase() {
        Some(0)
    } else if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        Some(2)
    } else if letters.len() > 1 {
        Some(1)
    } else {
        None
    }
}

/// How a page's columns bound a value (relative byte offsets of the piece).
struct Columns<'a> {
    /// Where the left column of a line ends.
    left_end: &'a dyn Fn(Range<usize>) -> usize,
    /// Where the label's column begins on a later line.
    column_start: &'a dyn Fn(Range<usize>) -> (usize, document::Margin),
}

/// Separators between a label and its value.
fn skip_separators(text: &str, mut pos: usize) -> usize {
    while let Some(c) = text[pos..].chars().next() {
        if c == '\n' || !(c.is_whitespace() || ":.-–—=".contains(c)) {
            break;
        }
        pos += c.len_utf8();
    }
    pos
}

fn read_after(
    text: &str,
    label_end: usize,
    labels: &[Regex],
    rule: &Field,
    known: &[&Regex],
    cols: &Columns,
) -> Option<(String, Range<usize>)> {
    let left_end = cols.left_end;
    let mut pos = skip_separators(text, label_end);
    // "OGGETTO: OGGETTO: ..." — the label written twice, as a label (a
    // colon or the line's end after it); "DIREZIONE DIREZIONE SERVIZI
    // SOCIALI" is a value that begins with the label's word.
    for l in labels {
        if let Some(m) = l.find(&text[pos..]) {
            let after = text[pos + m.end()..].trim_start_matches([' ', '\t']);
            if m.start() == 0 && (after.is_empty() || after.starts_with([':', '\n'])) {
                pos = skip_separators(text, pos + m.end());
            }
        }
    }
    let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    let rest = &text[pos..line_end];
    let mut cut = rest.len();
    // In the left column, text past the column's end is the right column's.
    if rule.left_column {
        let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
        let end = left_end(line_start..line_end);
        cut = cut.min(end.saturating_sub(pos));
    }
    // Whether the value ended on this line for good (another label, the
    // rule's stop), or only at the edge of its column (a wide gap).
    let mut ended = false;
    // A label after a word that needs what follows ("avente ad oggetto:"
    // in a subject citing another act) is a word of the sentence.
    let sentence = |m: &regex::Match| atti_italian::phrase::ends_with_open_word(&rest[..m.start()]);
    for k in known {
        if let Some(m) = k.find_iter(rest).find(|m| m.start() > 0 && !sentence(m)) {
            if m.start() < cut {
                cut = m.start();
                ended = true;
            }
        }
    }
    if let Some(g) = rest.trim_end().find("   ") {
        if g < cut {
            cut = g;
            ended = !rule.left_column;
        }
    }
    if let Some(s) = &rule.stop {
        if let Some(m) = s.find(rest) {
            if m.start() <= cut {
                cut = m.start();
                ended = true;
            }
        }
    }
    let mut parts: Vec<Range<usize>> = Vec::new();
    let first = trimmed(text, pos..pos + cut);
    if !first.is_empty() {
        parts.push(first);
    }
    if rule.block && !ended {
        let mut blanks = 0;
        // Whether the value has gone on past a blank line already: a
        // transcript that sets a blank line between every two lines.
        let mut spaced = false;
        let mut margin_seen = false;
        let after = (line_end + 1).min(text.len());
        let lines: Vec<Range<usize>> = document::lines(&text[after..])
            .map(|lr| after + lr.start..after + lr.end)
            .collect();
        for (i, lr) in lines.iter().cloned().enumerate() {
            // Keep to the value's column: leave out a margin column on the
            // left; once a margin was seen, a line holding margin text only
            // is skipped.
            let (at, margin) = (cols.column_start)(lr.clone());
            match margin {
                document::Margin::Cut => margin_seen = true,
                document::Margin::Whole if margin_seen => continue,
                _ => {}
            }
            let lr = at.max(lr.start).min(lr.end)..lr.end;
            let full = &text[lr.clone()];
            let line = if rule.left_column {
                &full[..left_end(lr.clone())
                    .saturating_sub(lr.start)
                    .min(full.len())]
            } else {
                full
            };
            if line.trim().is_empty() {
                // A phrase left open (ending with "di", "e", a comma) goes
                // on past one blank line.
                let open = blanks == 0
                    && parts
                        .last()
                        .is_some_and(|r| atti_italian::phrase::ends_open(&text[r.clone()]));
                // Or the line past the gap goes on with it: it starts with
                // a small letter, or it is in the capitals of a subject
                // that has not closed (a transcript that sets a blank line
                // between every two lines), or of one that closed a
                // sentence where every line so far stood past a gap.
                let goes_on = rule.phrase
                    && blanks == 0
                    && !parts.is_empty()
                    && lines[i + 1..]
                        .iter()
                        .map(|l| &text[l.clone()])
                        .find(|l| !l.trim().is_empty())
                        .is_some_and(|next| {
                            let before = parts
                                .iter()
                                .map(|r| &text[r.clone()])
                                .collect::<Vec<_>>()
                                .join(" ");
                            if spaced {
                                atti_italian::phrase::goes_on_spaced(&before, next)
                            } else {
                                atti_italian::phrase::goes_on(&before, next)
                            }
                        });
                if !parts.is_empty() && !rule.paragraphs && !open && !goes_on {
                    break;
                }
                spaced |= !parts.is_empty() && (open || goes_on);
                blanks += 1;
                if blanks > 3 {
                    break;
                }
                continue;
            }
            blanks = 0;
            // A line below a word the phrase cannot stop on ("NOMINA DEL"
            // above "RESPONSABILE DEL PROCEDIMENTO") is the phrase, not a
            // heading.
            let needs_more = rule.phrase
                && parts
                    .last()
                    .is_some_and(|r| atti_italian::phrase::needs_more(&text[r.clone()]));
            if !needs_more && rule.until.as_ref().is_some_and(|u| u.is_match(line)) {
                break;
            }
            // A value in capitals ends where a line in small letters begins
            // (the premises, an office's name, a footer below the subject).
            if rule.phrase && !needs_more && !parts.is_empty() {
                let before = parts
                    .iter()
                    .map(|r| &text[r.clone()])
                    .collect::<Vec<_>>()
                    .join(" ");
                if atti_italian::phrase::case_ends(&before, line) {
                    break;
                }
            }
            let body = line.trim_start();
            let open = parts
                .last()
                .is_some_and(|r| atti_italian::phrase::ends_with_open_word(&text[r.clone()]));
            if !open
                && known
                    .iter()
                    .any(|k| k.find(body).is_some_and(|m| m.start() == 0))
            {
                break;
            }
            let mut take = line.len();
            let mut stop_here = false;
            if let Some(s) = &rule.stop {
                if let Some(m) = s.find(line) {
                    take = m.start();
                    stop_here = true;
                }
            }
            let r = trimmed(text, lr.start..lr.start + take);
            if !r.is_empty() {
                parts.push(r);
            }
            if stop_here {
                break;
            }
        }
    }
    let (first, last) = (parts.first()?.start, parts.last()?.end);
    let value = parts
        .iter()
        .map(|r| &text[r.clone()])
        .collect::<Vec<_>>()
        .join(" ");
    Some((value, first..last))
}

/// A range with surrounding whitespace left out.
fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    r.start + lead..r.start + lead + t.len()
}

//! Labels set as a column of their own (`layout = "label_column"`).
//!
//! Many forms print the label at the left and its value in a column to its
//! right, and wrap both: "Obiettivo Operativo / del D.U.P." beside
//! "Missione 01 - obiettivo 13.3", "Descrizione / dettagliata /
//! dell'obiettivo" beside a paragraph of six lines. In the page text the two
//! columns are interleaved line by line, so neither the label nor the value
//! reads as a run of text. With word positions they come apart again: on
//! the label's first line a wide gap separates the label's words from the
//! value, whose first word gives the value column's left edge. On the lines
//! below, words left of that edge continue the label (until its words are
//! all found) and words right of it continue the value. The value ends at
//! the first line that has words of its own in the label column (the next
//! label, a section heading), a line matching the rule's `until`, a known
//! label at the start of the value column, or a vertical gap as wide as a
//! blank line.
//!
//! Pages without positions (text files) are read the same way when their
//! text is laid out in columns with spaces (`pdftotext -layout`): each
//! token is a word at its character column.

use std::collections::BTreeMap;
use std::ops::Range;

use super::rule_regex::Regex;

use super::compiled::Field;
use super::document::character_words;
use super::document::Doc;
use crate::read::Word;

/// A gap between words wider than this many font sizes separates the label
/// column from the value column (two spaces in text laid out in characters).
const COLUMN_GAP_EMS: f32 = 1.5;
/// With `paragraphs`, the widest vertical gap inside a value: paragraph
/// breaks are narrower; what lies further below is something else.
const PARAGRAPHS_GAP_EMS: f32 = 4.0;
/// A vertical gap wider than this many font sizes is a blank line: the value
/// block ends there.
const BLANK_LINE_EMS: f32 = 1.9;
/// How many lines a label may wrap over.
const MAX_LABEL_LINES: usize = 5;

/// The values of a label-column rule in `bounds` of a page: (value, byte
/// range of the page text, from its first word to its last).
pub fn values(
    doc: &Doc,
    page: usize,
    bounds: Range<usize>,
    labels: &[Regex],
    rule: &Field,
    known: &[&Regex],
) -> Vec<(String, Range<usize>)> {
    let text = &doc.clean[page];
    let owned;
    let words: &[Word] = match doc.pages.get(page) {
        Some(p) if !p.words.is_empty() => &p.words,
        _ => {
            owned = character_words(text);
            &owned
        }
    };
    // The piece's words by line, left to right; lines blanked as
    // boilerplate are left out.
    let mut by_line: BTreeMap<u32, Vec<&Word>> = BTreeMap::new();
    for w in words {
        let end = w.start.saturating_add(w.text.len());
        if w.start >= bounds.start
            && end <= bounds.end
            && text.get(w.start..end) == Some(w.text.as_str())
        {
            by_line.entry(w.line).or_default().push(w);
        }
    }
    let lines: Vec<Vec<&Word>> = by_line
        .into_values()
        .map(|mut ws| {
            ws.sort_by(|a, b| a.x.total_cmp(&b.x));
            ws
        })
        .collect();
    let rulings = doc.pages.get(page).map_or(&[][..], |p| &p.rulings[..]);
    let mut out = Vec::new();
    let mut i = 0;
    let mut free = 0;
    while i < lines.len() {
        match read_at(&lines, i, labels, rule, known)
            .or_else(|| read_interleaved(&lines, i, labels, rule, known))
        {
            Some((mut value_words, last_line, beside)) => {
                let above = lines_above(
                    &lines,
                    free,
                    &value_words,
                    &beside,
                    rulings,
                    rule.paragraphs,
                );
                if !above.is_empty() {
                    value_words.splice(0..0, above);
                }
                free = last_line + 1;
                let first = value_words[0];
                let last = value_words[value_words.len() - 1];
                let value = value_words
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push((value, first.start..last.start + last.text.len()));
                i = last_line + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a gap between two words of a line separates columns.
fn wide_gap(a: &Word, b: &Word) -> bool {
    b.x - (a.x + a.width) >= COLUMN_GAP_EMS * a.size.max(b.size)
}

/// Whether the words (joined by spaces) are one of the labels, whole.
fn is_label(labels: &[Regex], words: &[&Word]) -> bool {
    let cand = words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    labels.iter().any(|l| {
        l.find(&cand).is_some_and(|m| {
            m.start() == 0
                && cand[m.end()..]
                    .chars()
                    .all(|c| c.is_whitespace() || ":.-–—=".contains(c))
        })
    })
}

/// Whether a run of words starts with a known label.
fn starts_with_label(known: &[&Regex], words: &[&Word]) -> bool {
    let s = words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    known
        .iter()
        .any(|k| k.find(&s).is_some_and(|m| m.start() == 0))
}

/// The words of a value column's line: from the first, up to a wide gap
/// after which a known label begins (a cell of its own). The flag says the
/// value was cut there.
fn value_part<'w>(known: &[&Regex], ws: &[&'w Word]) -> (Vec<&'w Word>, bool) {
    for k in 1..ws.len() {
        if wide_gap(ws[k - 1], ws[k]) && starts_with_label(known, &ws[k..]) {
            return (ws[..k].to_vec(), true);
        }
    }
    (ws.to_vec(), false)
}

/// A label column starting on line `i`: the value's words and the last line
/// read.
fn read_at<'w>(
    lines: &[Vec<&'w Word>],
    i: usize,
    labels: &[Regex],
    rule: &Field,
    known: &[&Regex],
) -> Option<(Vec<&'w Word>, usize, Beside)> {
    let ws = &lines[i];
    for a in 0..ws.len() {
        // The label starts a cell: the line's first word or one after a gap.
        if a > 0 && !wide_gap(ws[a - 1], ws[a]) {
            continue;
        }
        for k in a + 1..ws.len() {
            if !wide_gap(ws[k - 1], ws[k]) {
                continue;
            }
            let cols = Columns {
                label_x: ws[a].x,
                value_x: ws[k].x,
                slack: ws[k].size,
            };
            let in_label = |w: &&Word| cols.in_label(w);
            // The label's words, over as many lines as it takes.
            let mut label: Vec<&Word> = ws[a..k].to_vec();
            let mut label_end = None;
            for (j, line) in lines.iter().enumerate().skip(i).take(MAX_LABEL_LINES) {
                if j > i {
                    let more: Vec<&Word> = line.iter().copied().filter(in_label).collect();
                    if more.is_empty() {
                        break;
                    }
                    label.extend(more);
                }
                if is_label(labels, &label) {
                    label_end = Some(j);
                    break;
                }
            }
            let Some(label_end) = label_end else { continue };
            // The value: right of its edge on the label's lines, then on
            // the lines below while the label column stays empty.
            let (mut value, cut) = value_part(known, &ws[k..]);
            let mut last = i;
            let mut prev_y = ws[k].y;
            if !cut {
                for (j, line) in lines.iter().enumerate().skip(i + 1) {
                    let y = line.iter().map(|w| w.y).fold(f32::MIN, f32::max);
                    let size = line.iter().map(|w| w.size).fold(0.0_f32, f32::max);
                    let gap = if rule.paragraphs {
                        PARAGRAPHS_GAP_EMS
                    } else {
                        BLANK_LINE_EMS
                    };
                    if y - prev_y > gap * size.max(ws[k].size) {
                        break;
                    }
                    let Some(right) = value_words(line, j, label_end, &cols, rule, known) else {
                        break;
                    };
                    prev_y = y;
                    last = j;
                    let (part, cut) = value_part(known, &right);
                    value.extend(part);
                    if cut {
                        break;
                    }
                }
            }
            if value.is_empty() {
                continue;
            }
            let beside = Beside {
                first_line: i,
                label_lines: label_end - i + 1,
                cols,
            };
            return Some((value, last.max(label_end), beside));
        }
    }
    None
}

/// A label alone on its lines, its value's lines set between them (a label
/// centred beside a taller value, or a value centred beside a taller label:
/// "DESCRIZIONE", the value's first line, "DETTAGLIATA", its second line,
/// "DELL'OBIETTIVO"). The value column is where the line right above or
/// right below the label's first line starts, right of the label by a wide
/// gap, with nothing in the label's column; the value's first line may
/// then lie above the label's.
fn read_interleaved<'w>(
    lines: &[Vec<&'w Word>],
    i: usize,
    labels: &[Regex],
    rule: &Field,
    known: &[&Regex],
) -> Option<(Vec<&'w Word>, usize, Beside)> {
    let ws = &lines[i];
    let (first, last) = (ws.first()?, ws.last()?);
    if ws.windows(2).any(|p| wide_gap(p[0], p[1])) {
        return None;
    }
    let size = first.size;
    let label_right = last.x + last.width;
    // A neighbour line of value only: starts right of the label by a wide
    // gap, within a line's height of it.
    let value_start = |j: usize| {
        let l = lines.get(j)?;
        let w0 = l.first()?;
        let near = (w0.y - first.y).abs() <= 1.5 * size.max(w0.size);
        (near && w0.x - label_right >= COLUMN_GAP_EMS * size).then_some(w0.x)
    };
    let above = i.checked_sub(1).and_then(value_start);
    let below = value_start(i + 1);
    let cols = Columns {
        label_x: first.x,
        value_x: above.or(below)?,
        slack: size,
    };
    let in_label = |w: &&Word| cols.in_label(w);
    // The label's words, from its lines between the value's.
    let mut label: Vec<&Word> = Vec::new();
    let mut label_end = None;
    let mut label_lines = 0;
    for (j, line) in lines.iter().enumerate().skip(i) {
        let more: Vec<&Word> = line.iter().copied().filter(in_label).collect();
        if more.is_empty() {
            if line.iter().any(|w| cols.in_value(w)) && j <= i + 2 * MAX_LABEL_LINES {
                continue;
            }
            break;
        }
        label.extend(more);
        label_lines += 1;
        if is_label(labels, &label) {
            label_end = Some(j);
            break;
        }
        if label_lines >= MAX_LABEL_LINES {
            break;
        }
    }
    let label_end = label_end?;
    let start = if above.is_some() { i - 1 } else { i + 1 };
    let mut value = Vec::new();
    let mut last_read = label_end;
    let mut prev_y: Option<f32> = None;
    for (j, line) in lines.iter().enumerate().skip(start) {
        let y = line.iter().map(|w| w.y).fold(f32::MIN, f32::max);
        let lsize = line.iter().map(|w| w.size).fold(0.0_f32, f32::max);
        let gap = if rule.paragraphs {
            PARAGRAPHS_GAP_EMS
        } else {
            BLANK_LINE_EMS
        };
        if prev_y.is_some_and(|p| y - p > gap * lsize.max(size)) {
            break;
        }
        let Some(right) = value_words(line, j, label_end, &cols, rule, known) else {
            break;
        };
        if right.is_empty() {
            continue;
        }
        if y > first.y + size || j >= i {
            prev_y = Some(y);
        }
        last_read = last_read.max(j);
        let (part, cut) = value_part(known, &right);
        value.extend(part);
        if cut {
            break;
        }
    }
    if value.is_empty() {
        return None;
    }
    let beside = Beside {
        first_line: start.min(i),
        label_lines: label_lines.max(1),
        cols,
    };
    Some((value, last_read, beside))
}

/// Where a label and its value were found: the first line the value and
/// the label share, how many lines the label takes, and the two columns.
struct Beside {
    first_line: usize,
    label_lines: usize,
    cols: Columns,
}

/// The label's column, from `label_x`, and the value's, from `value_x`,
/// each edge less `slack`.
#[derive(Clone, Copy)]
struct Columns {
    label_x: f32,
    value_x: f32,
    slack: f32,
}

impl Columns {
    fn in_label(&self, w: &Word) -> bool {
        w.x >= self.label_x - self.slack && w.x < self.value_x - self.slack
    }

    fn in_value(&self, w: &Word) -> bool {
        w.x >= self.value_x - self.slack
    }
}

/// The value's words on line `j`, or `None` where the line ends the value:
/// below the label's last line (`label_end`), a word in the label's column,
/// a line the rule's `until` matches, or a known label where the value
/// column starts.
fn value_words<'w>(
    line: &[&'w Word],
    j: usize,
    label_end: usize,
    cols: &Columns,
    rule: &Field,
    known: &[&Regex],
) -> Option<Vec<&'w Word>> {
    if j > label_end {
        let joined = line
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if line.iter().any(|w| cols.in_label(w))
            || rule.until.as_ref().is_some_and(|u| u.is_match(&joined))
        {
            return None;
        }
    }
    let right: Vec<&Word> = line.iter().copied().filter(|w| cols.in_value(w)).collect();
    if j > label_end && starts_with_label(known, &right) {
        return None;
    }
    Some(right)
}

/// How much wider than the value's own line pitch a gap above it may be
/// and still be a line of it, not the row above.
const PITCH_SLACK: f32 = 1.25;

/// The value's lines above the label's first line, top to bottom: a label
/// centred beside a taller value starts lower than the value. Taken while
/// the lines stay in the value column with nothing in the label's, as
/// close together as the value's lines below (or its paragraphs), with no ruling between them,
/// and no more of them than a centred label leaves above; never a line
/// before `free` (read already).
fn lines_above<'w>(
    lines: &[Vec<&'w Word>],
    free: usize,
    value: &[&'w Word],
    b: &Beside,
    rulings: &[atti_page::Ruling],
    paragraphs: bool,
) -> Vec<&'w Word> {
    // The value's baselines, top to bottom, and its line pitch.
    let mut ys: Vec<f32> = value.iter().map(|w| w.y).collect();
    ys.sort_by(f32::total_cmp);
    ys.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    let size = value.iter().map(|w| w.size).fold(0.0_f32, f32::max);
    let mut pitches: Vec<f32> = ys.windows(2).map(|w| w[1] - w[0]).collect();
    pitches.sort_by(f32::total_cmp);
    let Some(&pitch) = pitches.get(pitches.len() / 2) else {
        return Vec::new();
    };
    // A value of paragraphs may have a paragraph break above the label as
    // wide as the widest it has below.
    let widest = if paragraphs {
        pitches.last().copied().unwrap_or(pitch)
    } else {
        pitch
    };
    let reach = (PITCH_SLACK * pitch).max(widest + 0.5);
    let below = ys.len();
    let most = below.saturating_sub(b.label_lines) + 1;
    let mut top = ys[0];
    let mut out: Vec<&Word> = Vec::new();
    let mut taken = 0;
    for j in (free..b.first_line).rev() {
        if taken >= most {
            break;
        }
        let line = &lines[j];
        let Some(y) = line.iter().map(|w| w.y).reduce(f32::max) else {
            break;
        };
        // A word left of the value column (in the label's or further left).
        if line.iter().any(|w| !b.cols.in_value(w)) || top - y > reach || top - y < 0.5 * size {
            break;
        }
        let ruled = rulings.iter().any(|r| {
            r.y1 - r.y0 <= 1.0
                && r.y0 > y
                && r.y0 < top - 0.8 * size
                && r.x0 < b.cols.value_x + size
                && r.x1 > b.cols.value_x
        });
        if ruled {
            break;
        }
        out.splice(0..0, line.iter().copied());
        top = y;
        taken += 1;
    }
    out
}

#[cfg(test)]
#[path = "label_column_tests.rs"]
mod tests;

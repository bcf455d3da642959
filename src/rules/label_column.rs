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

use regex::Regex;

use super::compile::Field;
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
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match read_at(&lines, i, labels, rule, known) {
            Some((value_words, last_line)) => {
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
) -> Option<(Vec<&'w Word>, usize)> {
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
            let label_x = ws[a].x;
            let value_x = ws[k].x;
            let slack = ws[k].size;
            let in_label = |w: &&Word| w.x >= label_x - slack && w.x < value_x - slack;
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
                    let gap = if rule.paragraphs { PARAGRAPHS_GAP_EMS } else { BLANK_LINE_EMS };
                    if y - prev_y > gap * size.max(ws[k].size) {
                        break;
                    }
                    let joined = line
                        .iter()
                        .map(|w| w.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    if j > label_end
                        && (line.iter().any(in_label)
                            || rule.until.as_ref().is_some_and(|u| u.is_match(&joined)))
                    {
                        break;
                    }
                    let right: Vec<&Word> = line
                        .iter()
                        .copied()
                        .filter(|w| w.x >= value_x - slack)
                        .collect();
                    if j > label_end && starts_with_label(known, &right) {
                        break;
                    }
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
            return Some((value, last.max(label_end)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::read::{Page, Word};
    use crate::rules::RuleSet;

    /// A page from lines of positioned words: each line's text is its
    /// words joined by single spaces, lines 12 points apart unless a line
    /// says otherwise (a baseline of its own).
    fn page(lines: &[(Option<f32>, &[(f32, &str)])]) -> Page {
        let mut text = String::new();
        let mut words = Vec::new();
        let mut y = 20.0;
        for (i, (at, ws)) in lines.iter().enumerate() {
            y = at.unwrap_or(y + 12.0);
            for (k, (x, t)) in ws.iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                words.push(Word {
                    text: (*t).to_owned(),
                    x: *x,
                    y,
                    width: 4.5 * t.chars().count() as f32,
                    size: 9.0,
                    line: i as u32,
                    start: text.len(),
                });
                text.push_str(t);
            }
            text.push('\n');
        }
        Page {
            number: 1,
            text,
            words,
            width: 842.0,
            height: 595.0,
            ..Page::default()
        }
    }

    fn words<'a>(x: f32, s: &'a str) -> Vec<(f32, &'a str)> {
        let mut at = x;
        s.split_whitespace()
            .map(|w| {
                let r = (at, w);
                at += 4.5 * w.chars().count() as f32 + 2.5;
                r
            })
            .collect()
    }

    #[test]
    fn a_label_column_wrapped_beside_its_value_is_read_apart_from_it() {
        let cat = |a: Vec<(f32, &'static str)>, b: Vec<(f32, &'static str)>| {
            a.into_iter().chain(b).collect::<Vec<_>>()
        };
        let l: Vec<Vec<(f32, &str)>> = vec![
            words(40.0, "PIANO ESECUTIVO DI GESTIONE"),
            words(40.0, "2023_C07 Biblioteche di quartiere"),
            cat(
                words(40.0, "Direzione"),
                cat(
                    words(120.0, "CULTURA"),
                    words(300.0, "Direttore ROSSI MARIA"),
                ),
            ),
            cat(
                words(40.0, "Obiettivo Operativo"),
                words(200.0, "Missione 05 - obiettivo 2.1"),
            ),
            words(40.0, "del D.U.P."),
            cat(
                words(40.0, "Descrizione"),
                words(200.0, "Aprire le biblioteche di quartiere anche"),
            ),
            cat(
                words(40.0, "dettagliata"),
                words(200.0, "la sera e la domenica,"),
            ),
            cat(words(40.0, "dell'obiettivo"), words(200.0, "con personale")),
            words(200.0, "dei servizi civici."),
            words(40.0, "GANTT"),
            words(40.0, "FASI"),
        ];
        let refs: Vec<(Option<f32>, &[(f32, &str)])> =
            l.iter().map(|ws| (None, ws.as_slice())).collect();
        let p = page(&refs);
        let rules = RuleSet::load(None, true).unwrap();
        let x = rules.apply(std::slice::from_ref(&p));
        let o = &x.objectives[0];
        assert_eq!(o.operational_objective.as_deref(), Some("2.1"));
        assert_eq!(o.mission.as_deref(), Some("05"));
        assert_eq!(
            o.description.as_deref(),
            Some("Aprire le biblioteche di quartiere anche la sera e la domenica, con personale dei servizi civici.")
        );
        assert_eq!(o.director.as_deref(), Some("ROSSI MARIA"));
        // The span runs from the value's first word to its last.
        let sp = o.spans["description"];
        assert!(p.text[sp.start..sp.end].starts_with("Aprire"));
        assert!(p.text[sp.start..sp.end].ends_with("civici."));
        // A gap wider than a paragraph break ends the value (the rule reads
        // paragraphs); so does a heading in the label column even without
        // an `until` (here the gap is taken away).
        let mut refs2 = refs.clone();
        refs2[8].0 = Some(20.0 + 12.0 * 8.0 + 80.0);
        let x = rules.apply(&[page(&refs2)]);
        assert_eq!(
            x.objectives[0].description.as_deref(),
            Some("Aprire le biblioteche di quartiere anche la sera e la domenica, con personale")
        );
    }
}

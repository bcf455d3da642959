//! From glyphs to words to lines, and back out as text.
//!
//! Words are built in content-stream order, as a reader's eye follows the
//! pen: a glyph joins the current word when it continues it on the same
//! baseline, in the same direction, without a gap wider than a tenth of the
//! font size; a space glyph, a gap or a jump starts a new word. This is how
//! kerned `TJ` arrays and `Tw`-justified text get their spaces right without
//! trusting the producer's space characters. Words are then gathered into
//! lines by baseline (tolerance relative to font size) and sorted by x, each
//! direction of text (upright, rotated a quarter turn either way, upside
//! down) in its own frame. `layout_text` renders lines on a character grid
//! so that table columns stay aligned, as `pdftotext -layout` does.

use super::content::{Glyph, PageGlyphs};
use super::wordbox::{WordBox, SAME_LINE};
use crate::Page;

/// A gap wider than this fraction of the font size breaks a word.
const WORD_GAP: f32 = 0.1;

#[derive(Debug, Clone)]
pub(super) struct Line {
    pub words: Vec<WordBox>,
    pub rot: u8,
    /// Baseline from the top of the page (upright lines) or across the text.
    pub v: f32,
    pub size: f32,
    /// The block of the page (a column, or a region above or below
    /// columns) the line belongs to; blocks are numbered in reading order.
    pub block: u32,
}

impl Line {
    pub fn text(&self) -> String {
        let mut s = String::new();
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(&w.text);
        }
        s
    }
}

fn rot_of(g: &Glyph) -> u8 {
    if g.ux.abs() >= g.uy.abs() {
        if g.ux >= 0.0 {
            0
        } else {
            2
        }
    } else if g.uy < 0.0 {
        1
    } else {
        3
    }
}

/// (u, v) of a display point (y up) in the frame of direction `rot`.
fn frame(rot: u8, x: f32, y: f32, w: f32, h: f32) -> (f32, f32) {
    let top = h - y;
    match rot {
        1 => (top, w - x),
        2 => (w - x, h - top),
        3 => (h - top, x),
        _ => (x, top),
    }
}

/// Builds words from glyphs in stream order.
pub(super) fn words(page: &PageGlyphs, w: f32, h: f32) -> Vec<WordBox> {
    let mut out: Vec<WordBox> = Vec::new();
    let mut cur: Option<WordBox> = None;
    let mut spaced = true;
    // The last glyph drawn: (text, u, v); a glyph drawn again on top of it
    // (simulated bold) is dropped.
    let mut last: (&str, f32, f32) = ("", f32::NAN, f32::NAN);
    for g in &page.glyphs {
        let rot = rot_of(g);
        let (u, v) = frame(rot, g.x, g.y, w, h);
        let adv = (g.dx * g.dx + g.dy * g.dy).sqrt();
        let text = &page.text[g.start as usize..g.start as usize + g.len as usize];
        if text == last.0 && (u - last.1).abs() < 0.1 * g.size && (v - last.2).abs() < 0.1 * g.size
        {
            continue;
        }
        last = (text, u, v);
        if g.space {
            if let Some(word) = cur.take() {
                out.push(word);
            }
            spaced = true;
            continue;
        }
        if let Some(word) = cur.as_mut() {
            let size = word.size.max(g.size);
            let gap = u - word.u1;
            let same = word.rot == rot
                && (v - word.v).abs() < 0.5 * size
                && gap <= WORD_GAP * size
                && gap >= -0.3 * size
                && (g.size - word.size).abs() < 0.55 * size;
            if same {
                word.text.push_str(text);
                word.u1 = word.u1.max(u + adv);
                continue;
            }
            out.push(cur.take().unwrap());
        }
        cur = Some(WordBox {
            text: text.to_string(),
            x: 0.0,
            y: 0.0,
            width: 0.0,
            size: g.size,
            rot,
            u0: u,
            u1: u + adv,
            v,
            spaced,
            seq: 0,
        });
        spaced = false;
    }
    if let Some(word) = cur.take() {
        out.push(word);
    }
    out.retain(|w| !w.text.trim().is_empty());
    for (seq, word) in out.iter_mut().enumerate() {
        word.seq = seq;
        // Back to page coordinates (top-left origin).
        let (x, y) = match word.rot {
            1 => (w - word.v, word.u0),
            2 => (w - word.u1, h - word.v),
            3 => (word.v, h - word.u1),
            _ => (word.u0, word.v),
        };
        word.x = x;
        word.y = y;
        word.width = (word.u1 - word.u0).max(0.0);
        if word.text.contains(char::is_whitespace) {
            word.text = word.text.split_whitespace().collect::<Vec<_>>().join("");
        }
    }
    out
}

/// Gathers words into lines: upright lines first, top to bottom, then the
/// lines of each other direction.
pub(super) fn lines(mut words: Vec<WordBox>) -> Vec<Line> {
    // Where the pen was, word by word in stream order: (seq, rot, v, size).
    let mut pen: Vec<(usize, u8, f32, f32)> =
        words.iter().map(|w| (w.seq, w.rot, w.v, w.size)).collect();
    pen.sort_by_key(|p| p.0);
    // Whether the stream drew a word off the baseline `v` between words
    // `a` and `b`: the pen left the line and came back (the next cell of a
    // table, the next line of this one), so what it drew on either side
    // belongs to two texts, however close they touch.
    let left_line = |a: usize, b: usize, rot: u8, v: f32, size: f32| {
        let (lo, hi) = (a.min(b), a.max(b));
        let from = pen.partition_point(|p| p.0 <= lo);
        pen[from..]
            .iter()
            .take_while(|p| p.0 < hi)
            .any(|p| p.1 != rot || (p.2 - v).abs() >= SAME_LINE * size)
    };
    words.sort_by(|a, b| {
        a.rot
            .cmp(&b.rot)
            .then(a.v.total_cmp(&b.v))
            .then(a.u0.total_cmp(&b.u0))
    });
    let mut out: Vec<Line> = Vec::new();
    for word in words {
        if let Some(line) = out.last_mut() {
            let tol = SAME_LINE * line.size.max(word.size).min(2.0 * line.size.min(word.size));
            if line.rot == word.rot && word.v - line.v <= tol {
                line.size = line.size.max(word.size);
                line.words.push(word);
                continue;
            }
        }
        out.push(Line {
            rot: word.rot,
            v: word.v,
            size: word.size,
            block: 0,
            words: vec![word],
        });
    }
    for line in &mut out {
        line.words.sort_by(|a, b| a.u0.total_cmp(&b.u0));
        // Join pieces of one word drawn apart in the stream.
        let mut merged: Vec<WordBox> = Vec::with_capacity(line.words.len());
        for w in line.words.drain(..) {
            if let Some(prev) = merged.last_mut() {
                // The same word drawn twice over itself (simulated bold).
                if w.text == prev.text
                    && (w.u0 - prev.u0).abs() < 0.3 * w.size
                    && (w.v - prev.v).abs() < 0.3 * w.size
                {
                    continue;
                }
                let gap = w.u0 - prev.u1;
                let size = prev.size.max(w.size);
                // A space glyph the producer drew between them says they
                // are two words, however tight the justification set them;
                // so does text drawn on another line between them.
                if gap <= WORD_GAP * size
                    && gap >= -0.1 * size
                    && (w.v - prev.v).abs() < SAME_LINE * size
                    && !w.spaced
                    && !left_line(prev.seq, w.seq, w.rot, prev.v, size)
                {
                    prev.text.push_str(&w.text);
                    prev.u1 = prev.u1.max(w.u1);
                    prev.width = (prev.u1 - prev.u0).max(0.0);
                    prev.seq = w.seq;
                    continue;
                }
            }
            merged.push(w);
        }
        line.words = join_letter_spaced(merged);
    }
    out
}

/// Gathers words into lines in reading order: the upright words cut into
/// blocks (columns and the regions around them, see [`super::columns`]),
/// each block's lines top to bottom, then the lines of other directions.
pub(super) fn reading_lines(words: Vec<WordBox>) -> Vec<Line> {
    let (upright, other): (Vec<WordBox>, Vec<WordBox>) =
        words.into_iter().partition(|w| w.rot == 0);
    let mut out = Vec::new();
    let mut block = 0u32;
    for part in super::columns::blocks(upright) {
        let mut ls = lines(part);
        for l in &mut ls {
            l.block = block;
        }
        out.extend(ls);
        block += 1;
    }
    let mut ls = lines(other);
    for l in &mut ls {
        l.block = block;
    }
    out.extend(ls);
    out
}

/// Joins letter-spaced words: runs of three or more single letters set
/// apart by even gaps and no space glyph ("S P O S A" drawn a letter at a
/// time), or of four or more capitals set apart by single space glyphs of
/// even width, as word processors write spaced-out headings.
fn join_letter_spaced(words: Vec<WordBox>) -> Vec<WordBox> {
    let single = |w: &WordBox| {
        let mut c = w.text.chars();
        c.next().is_some_and(char::is_alphabetic) && c.next().is_none()
    };
    let capital = |w: &WordBox| w.text.chars().all(char::is_uppercase);
    let mut out: Vec<WordBox> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let mut j = i + 1;
        let mut spaced_run = false;
        if single(&words[i]) {
            let size = words[i].size;
            let (mut lo, mut hi) = (f32::INFINITY, f32::NEG_INFINITY);
            while j < words.len() && single(&words[j]) {
                let gap = words[j].u0 - words[j - 1].u1;
                let (l, h) = (lo.min(gap), hi.max(gap));
                let spaced = words[j].spaced;
                if spaced && !(capital(&words[i]) && capital(&words[j])) {
                    break;
                }
                if gap < 0.0
                    || gap > 0.5 * size
                    || h - l > 0.15 * size
                    || (j > i + 1 && spaced != spaced_run)
                {
                    break;
                }
                spaced_run = spaced;
                (lo, hi) = (l, h);
                j += 1;
            }
        }
        let needed = if spaced_run { 4 } else { 3 };
        if j - i >= needed {
            let mut w = words[i].clone();
            for next in &words[i + 1..j] {
                w.text.push_str(&next.text);
                w.u1 = next.u1;
            }
            w.width = (w.u1 - w.u0).max(0.0);
            out.push(w);
        } else {
            out.push(words[i].clone());
            j = i + 1;
        }
        i = j;
    }
    out
}

/// A `pdftotext -layout`-like rendering: each visual line on its own text
/// line, each word at the column its x position gives on a character grid.
pub fn layout_text(page: &Page) -> String {
    if page.words.is_empty() {
        return page.text.clone();
    }
    // A word hyphenated at a line end was written whole in the reading
    // text, its two pieces kept as two words, the second right after the
    // first in the text (no space between) but on another row: the page
    // prints the first piece with its hyphen.
    let hyphenated: std::collections::HashSet<usize> = page
        .words
        .windows(2)
        .enumerate()
        .filter(|(_, p)| {
            let (a, b) = (&p[0], &p[1]);
            a.start != atti_page::OUTSIDE_TEXT
                && b.start == a.start.saturating_add(a.text.len())
                && b.line == a.line
                && (b.y - a.y).abs() > 0.3 * a.size.max(b.size)
        })
        .map(|(i, _)| i)
        .collect();
    let shown: Vec<std::borrow::Cow<str>> = page
        .words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if hyphenated.contains(&i) {
                std::borrow::Cow::Owned(format!("{}-", w.text))
            } else {
                std::borrow::Cow::Borrowed(w.text.as_str())
            }
        })
        .collect();
    let mut words: Vec<(&crate::Word, &str)> = page
        .words
        .iter()
        .zip(shown.iter().map(|t| t.as_ref()))
        .collect();
    // Grid pitch: the width of a character of the page's smallest print
    // that counts (at least a sixth of the characters), the median over
    // characters of its words' own pitches. An average over the page would
    // let large title characters widen the grid until the columns of a
    // small-print table collide and shift from row to row; larger print
    // simply takes more grid cells.
    let pitch = grid_pitch(
        words
            .iter()
            .map(|(w, t)| (w.size, w.width, t.chars().count())),
    );
    let left = words
        .iter()
        .map(|(w, _)| w.x)
        .fold(f32::INFINITY, f32::min)
        .max(0.0);
    words.sort_by(|a, b| a.0.y.total_cmp(&b.0.y).then(a.0.x.total_cmp(&b.0.x)));
    let mut rows: Vec<Vec<(&crate::Word, &str)>> = Vec::new();
    let mut row_y = f32::NEG_INFINITY;
    let mut row_size = 0.0f32;
    for (w, t) in words {
        if let Some(row) = rows.last_mut() {
            if w.y - row_y <= SAME_LINE * row_size.max(w.size) {
                row.push((w, t));
                row_size = row_size.max(w.size);
                continue;
            }
        }
        row_y = w.y;
        row_size = w.size;
        rows.push(vec![(w, t)]);
    }
    let mut out = String::new();
    for mut row in rows {
        row.sort_by(|a, b| a.0.x.total_cmp(&b.0.x));
        let mut col = 0usize;
        let mut line = String::new();
        for (i, &(w, text)) in row.iter().enumerate() {
            let want = ((w.x - left) / pitch).round().max(0.0) as usize;
            let at = if i == 0 {
                want
            } else {
                // A plain space between words stays one space; a wider gap
                // moves the word to its column, and at least two spaces on.
                let prev = row[i - 1].0;
                let gap = w.x - (prev.x + prev.width);
                let own = prev.width / text_len(&row[i - 1]).max(1) as f32;
                if gap < 1.5 * pitch.max(0.25 * w.size).max(own) {
                    col + 1
                } else {
                    want.max(col + 2)
                }
            };
            for _ in col..at {
                line.push(' ');
            }
            line.push_str(text);
            col = at + text.chars().count();
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn text_len(w: &(&crate::Word, &str)) -> usize {
    w.1.chars().count()
}

/// The pitch of the layout grid from `(font size, width, characters)` of
/// the page's words: for each font size (to half a point) holding at least
/// a sixth of the characters, the median character width, weighted by
/// characters; the smallest of those.
fn grid_pitch(words: impl Iterator<Item = (f32, f32, usize)>) -> f32 {
    let mut by_size: std::collections::BTreeMap<i64, Vec<(f32, usize)>> = Default::default();
    let mut total = 0usize;
    for (size, width, n) in words {
        if n >= 2 && width > 0.0 && width.is_finite() && size.is_finite() {
            by_size
                .entry((size * 2.0).round() as i64)
                .or_default()
                .push((width / n as f32, n));
            total += n;
        }
    }
    let mut best = f32::INFINITY;
    for mut group in by_size.into_values() {
        let chars: usize = group.iter().map(|g| g.1).sum();
        if 6 * chars < total {
            continue;
        }
        group.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut seen = 0usize;
        if let Some(p) = group.iter().find_map(|&(p, n)| {
            seen += n;
            (2 * seen >= chars).then_some(p)
        }) {
            best = best.min(p);
        }
    }
    if best.is_finite() {
        best.max(1.0)
    } else {
        5.0
    }
}

/// Words broken by a hyphen at the end of a line: `(line, word)` of each
/// hyphenated piece and of the piece that continues it on the next line of
/// the same column. Only words with a letter or digit before the hyphen
/// count, so a lone dash in a table cell stays, and only when the next
/// piece begins in lower case.
pub(super) fn hyphen_joins(lines: &[Line], skip: &[bool]) -> Vec<((usize, usize), (usize, usize))> {
    let mut joins = Vec::new();
    let mut taken = std::collections::HashSet::new();
    for (li, line) in lines.iter().enumerate() {
        if skip.get(li).copied().unwrap_or(false) {
            continue;
        }
        let mut seg_left = f32::NAN;
        for (wi, w) in line.words.iter().enumerate() {
            let size = w.size;
            if wi == 0 || w.u0 - line.words[wi - 1].u1 > 1.5 * size {
                seg_left = w.u0;
            }
            let last_in_segment = line
                .words
                .get(wi + 1)
                .is_none_or(|n| n.u0 - w.u1 > 1.5 * size);
            if !last_in_segment {
                continue;
            }
            let mut chars = w.text.chars().rev();
            let (Some(h), Some(before)) = (chars.next(), chars.next()) else {
                continue;
            };
            if !(h == '-' || h == '\u{ad}') || !before.is_alphanumeric() {
                continue;
            }
            // The next line below in the same block, within two line
            // heights.
            let next = lines
                .iter()
                .enumerate()
                .skip(li + 1)
                .take_while(|(_, l)| {
                    l.block == line.block && l.rot == line.rot && l.v <= line.v + 2.2 * size
                })
                .find(|(lj, l)| {
                    l.rot == line.rot
                        && l.v > line.v + 0.3 * size
                        && l.v <= line.v + 2.2 * size
                        && !skip.get(*lj).copied().unwrap_or(false)
                        && l.words
                            .iter()
                            .any(|c| c.u0 >= seg_left - 1.5 * size && c.u0 < w.u0)
                });
            let Some((lj, l)) = next else {
                // The last line of a column may go on at the top of the
                // next block (the next column): only a word cut between
                // letters, going on in lower case.
                if wi + 1 == line.words.len() && before.is_alphabetic() {
                    if let Some(lj) = block_continuation(lines, skip, li) {
                        let starts_lower = lines[lj].words[0]
                            .text
                            .chars()
                            .next()
                            .is_some_and(char::is_lowercase);
                        if starts_lower && taken.insert((lj, 0)) && !taken.contains(&(li, wi)) {
                            joins.push(((li, wi), (lj, 0)));
                        }
                    }
                }
                continue;
            };
            let cont = l
                .words
                .iter()
                .enumerate()
                .filter(|(_, c)| c.u0 >= seg_left - 1.5 * size && c.u0 < w.u0)
                .min_by(|a, b| a.1.u0.total_cmp(&b.1.u0));
            // Only a word cut before a lower-case letter is one word: a
            // hyphen before a capital or a digit is part of the text
            // (Non-Negligent, Secunderabad-500017, 2021-2023).
            let lower = |wj: usize| {
                l.words
                    .get(wj)
                    .and_then(|c| c.text.chars().next())
                    .is_some_and(char::is_lowercase)
            };
            if let Some((wj, _)) = cont.filter(|(wj, _)| lower(*wj)) {
                if taken.insert((lj, wj)) && !taken.contains(&(li, wi)) {
                    joins.push(((li, wi), (lj, wj)));
                }
            }
        }
    }
    joins
}

/// When line `li` is the last text line of its block, the first text line
/// of the next block, in the same direction.
fn block_continuation(lines: &[Line], skip: &[bool], li: usize) -> Option<usize> {
    let line = &lines[li];
    let text = |j: &usize| !skip.get(*j).copied().unwrap_or(false);
    let mut later = (li + 1..lines.len()).filter(text);
    let j = later.next()?;
    let next = &lines[j];
    (next.block == line.block + 1 && next.rot == line.rot && !next.words.is_empty()).then_some(j)
}

//! Text lines and the runs of words in them.
//!
//! A text line is a set of words whose baselines agree within
//! `line_tolerance` (em), read left to right, across the whole width of the
//! page: a table's row is one text line or several. Within a line, words
//! closer than `column_gap` (em) form a *run*; a wider gap may separate two
//! columns. Runs are what the stream reader aligns: prose makes one run per
//! line, a table row several, with the gaps between them lined up from one
//! line to the next.

use crate::geom::WordBox;
use crate::settings::Settings;
use atti_page::Page;

/// One text line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextLine {
    /// Indices into the word boxes, left to right.
    pub words: Vec<usize>,
    /// The first word's baseline.
    pub base: f32,
    pub top: f32,
    pub bottom: f32,
    /// The largest font size on the line.
    pub size: f32,
    /// Runs of words, left to right.
    pub runs: Vec<Run>,
}

/// Words of a line with no column gap between them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Run {
    pub x0: f32,
    pub x1: f32,
    /// Range of [`TextLine::words`].
    pub first: usize,
    pub end: usize,
}

/// Fewest word spaces, all alike, that make a line read as justified prose.
const JUSTIFIED_GAPS: usize = 4;

impl TextLine {
    /// Whether the line is a justified line of prose whose word spaces were
    /// stretched past a column gap: at least [`JUSTIFIED_GAPS`] gaps
    /// between runs, all of one width (within 0.25 pt), between runs of
    /// unlike widths (the longest at least 1.5 times the shortest).
    /// Justifying spreads a line's spare width evenly over its spaces,
    /// whatever its words; the gaps between a table's columns follow its
    /// cells' widths, alike only where the cells are (figures of one
    /// format in columns of one width).
    pub(crate) fn justified(&self) -> bool {
        if self.runs.len() <= JUSTIFIED_GAPS {
            return false;
        }
        let spread = |v: &mut dyn Iterator<Item = f32>| {
            v.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), x| {
                (lo.min(x), hi.max(x))
            })
        };
        let (glo, ghi) = spread(&mut self.runs.windows(2).map(|w| w[1].x0 - w[0].x1));
        let (wlo, whi) = spread(&mut self.runs.iter().map(|r| r.x1 - r.x0));
        ghi - glo <= 0.25 && whi >= 1.5 * wlo
    }
}

/// The text lines of the words `ids` (indices into `boxes`), top to bottom.
pub(crate) fn text_lines(
    boxes: &[WordBox],
    ids: &[usize],
    line_tolerance: f32,
    column_gap: f32,
) -> Vec<TextLine> {
    let ids: Vec<usize> = ids.iter().copied().filter(|&i| i < boxes.len()).collect();
    let sel: Vec<WordBox> = ids.iter().map(|&i| boxes[i]).collect();
    by_baseline(&sel, line_tolerance)
        .into_iter()
        .filter_map(|g| {
            let g: Vec<usize> = g.into_iter().map(|k| ids[k]).collect();
            let first = *g.first()?;
            let mut line = TextLine {
                base: boxes[first].base,
                top: g
                    .iter()
                    .map(|&i| boxes[i].top)
                    .fold(f32::INFINITY, f32::min),
                bottom: g
                    .iter()
                    .map(|&i| boxes[i].bottom)
                    .fold(f32::NEG_INFINITY, f32::max),
                size: g.iter().map(|&i| boxes[i].size).fold(0.0, f32::max),
                words: g,
                runs: Vec::new(),
            };
            line.runs = runs(&line, boxes, column_gap);
            Some(line)
        })
        .collect()
}

/// A word set this much smaller than a line's (or less) may be a
/// superscript of it...
const SCRIPT_SIZE: f32 = 0.8;
/// ...when its baseline is raised at most this much (em of the line).
const SCRIPT_RAISE: f32 = 0.6;

/// The words grouped into lines by baseline (within `line_tolerance` em):
/// indices into `ws`, lines top to bottom, each left to right. A line of
/// smaller words whose baseline sits inside the next line's text, beside
/// its words and not over them, is a superscript (a footnote mark, an
/// exponent) and joins that line. (A subscript is lowered less than the
/// line tolerance and is on its line already.)
pub(crate) fn by_baseline(ws: &[WordBox], line_tolerance: f32) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..ws.len()).collect();
    order.sort_by(|&a, &b| ws[a].base.total_cmp(&ws[b].base));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in order {
        let b = &ws[i];
        match groups.last_mut() {
            Some(g)
                if g.first().is_some_and(|&f| {
                    (b.base - ws[f].base).abs() <= line_tolerance * ws[f].size.max(b.size)
                }) =>
            {
                g.push(i)
            }
            _ => groups.push(vec![i]),
        }
    }
    let size = |g: &[usize]| g.iter().map(|&i| ws[i].size).fold(0.0, f32::max);
    let base = |g: &[usize]| g.first().map_or(0.0, |&i| ws[i].base);
    let beside = |a: &[usize], b: &[usize]| {
        a.iter().all(|&i| {
            b.iter()
                .all(|&j| ws[i].x1 <= ws[j].x0 + 0.5 || ws[i].x0 >= ws[j].x1 - 0.5)
        })
    };
    let script_of = |small: &[usize], big: &[usize]| {
        let (raise, bs) = (base(big) - base(small), size(big));
        size(small) <= SCRIPT_SIZE * bs
            && raise > 0.0
            && raise <= SCRIPT_RAISE * bs
            && beside(small, big)
    };
    let mut k = 0;
    while k + 1 < groups.len() {
        if script_of(&groups[k], &groups[k + 1]) {
            let g = groups.remove(k);
            groups[k].extend(g);
        } else {
            k += 1;
        }
    }
    for g in &mut groups {
        g.sort_by(|&a, &b| ws[a].x0.total_cmp(&ws[b].x0));
    }
    groups
}

/// Splits a line where the gap between two words reaches `column_gap` em.
fn runs(line: &TextLine, boxes: &[WordBox], column_gap: f32) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (k, &i) in line.words.iter().enumerate() {
        let b = &boxes[i];
        match out.last_mut() {
            Some(r) if b.x0 - r.x1 < column_gap * b.size.max(line.size) => {
                r.x1 = r.x1.max(b.x1);
                r.end = k + 1;
            }
            _ => out.push(Run {
                x0: b.x0,
                x1: b.x1,
                first: k,
                end: k + 1,
            }),
        }
    }
    out
}

/// Other lines whose amounts end (or begin) where an amount does, for it
/// to sit at a column's aligned edge.
const ALIGNED_LINES: usize = 2;

/// Cuts runs between two amounts set a word space apart: columns set
/// with a gutter as narrow as a space run their values together, and two
/// figures side by side are two cells when the first ends where the
/// figures of other lines end (right-aligned numbers share a right edge)
/// or the second begins where others begin (within `tol`). A group of
/// three digits after one of one to three is a thousands group set with a
/// space, not a second amount.
pub(crate) fn cut_between_amounts(
    lines: &mut [TextLine],
    boxes: &[WordBox],
    page: &Page,
    tol: f32,
) {
    let text = |i: usize| {
        boxes
            .get(i)
            .and_then(|b| page.words.get(b.idx))
            .map_or("", |w| w.text.as_str())
    };
    let amount = |i: usize| boxes.get(i).is_some_and(|b| b.digits && !b.letters);
    // Edges of amounts, line by line.
    let edges: Vec<(usize, f32, f32)> = lines
        .iter()
        .enumerate()
        .flat_map(|(li, l)| {
            l.words
                .iter()
                .filter(|&&i| amount(i))
                .map(move |&i| (li, boxes[i].x0, boxes[i].x1))
        })
        .collect();
    let shared = |li: usize, x: f32, right: bool| {
        let mut others: Vec<usize> = edges
            .iter()
            .filter(|e| e.0 != li && ((if right { e.2 } else { e.1 }) - x).abs() <= tol)
            .map(|e| e.0)
            .collect();
        others.dedup();
        others.len() >= ALIGNED_LINES
    };
    for (li, line) in lines.iter_mut().enumerate() {
        let mut runs: Vec<Run> = Vec::with_capacity(line.runs.len());
        for r in &line.runs {
            let mut first = r.first;
            for k in r.first + 1..r.end {
                let (i, j) = (line.words[k - 1], line.words[k]);
                if !amount(i) || !amount(j) || thousands(text(i), text(j)) {
                    continue;
                }
                if shared(li, boxes[i].x1, true) || shared(li, boxes[j].x0, false) {
                    runs.push(span(line, boxes, first, k));
                    first = k;
                }
            }
            runs.push(span(line, boxes, first, r.end));
        }
        line.runs = runs;
    }
}

/// Whether `b` reads as a thousands group that goes on the number `a`
/// ("1 234,56").
fn thousands(a: &str, b: &str) -> bool {
    let group = b.chars().take_while(char::is_ascii_digit).count() == 3
        && !b[3..].starts_with(|c: char| c.is_ascii_digit());
    (1..=3).contains(&a.len()) && a.chars().all(|c| c.is_ascii_digit()) && group
}

/// The run of words `first..end` of a line.
pub(crate) fn span(line: &TextLine, boxes: &[WordBox], first: usize, end: usize) -> Run {
    let ws = &line.words[first..end];
    Run {
        x0: ws
            .iter()
            .map(|&i| boxes[i].x0)
            .fold(f32::INFINITY, f32::min),
        x1: ws
            .iter()
            .map(|&i| boxes[i].x1)
            .fold(f32::NEG_INFINITY, f32::max),
        first,
        end,
    }
}

/// The space (em) left between a word clipped by [`clip_overhangs`] and
/// the next: too thin for any space a producer sets, enough for words
/// not to touch.
const HAIRLINE: f32 = 0.01;

/// Clips a word's box where the next word of its line begins inside it,
/// by at most `max_overhang` em: two cells set touching, the first's
/// last letter's advance (its side bearing) running past the second's
/// start. The ink of two words of a line does not overlap, so the place
/// the next word begins is where this one ends, less a hairline
/// ([`HAIRLINE`]) that keeps the two apart; left as it is, the overhang
/// closes the gap of the column that begins there.
pub(crate) fn clip_overhangs(boxes: &mut [WordBox], settings: &Settings) {
    for mut line in by_baseline(boxes, settings.line_tolerance) {
        line.sort_by(|&a, &b| boxes[a].x0.total_cmp(&boxes[b].x0));
        for pair in line.windows(2) {
            let (a, b) = (boxes[pair[0]], boxes[pair[1]]);
            let over = a.x1 - b.x0;
            if a.x0 < b.x0 && over > 0.0 && over <= settings.max_overhang * a.size.max(b.size) {
                boxes[pair[0]].x1 = b.x0 - HAIRLINE * a.size;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn a_word_running_over_the_next_ones_start_ends_there() {
        // "Blanco"'s advance runs 3 pt past where "Fernando" (the next
        // cell) begins; a word printed on top of another is left alone.
        let mut kit = crate::testkit::Kit::new();
        kit.word(120.0, 50.0, 33.0, 8.0, "Blanco")
            .word(150.0, 50.0, 45.0, 8.0, "Fernando")
            .word(300.0, 50.0, 40.0, 8.0, "Timbro")
            .word(305.0, 50.0, 30.0, 8.0, "Copia");
        let s = Settings::default();
        let mut b = crate::geom::word_boxes(&kit.page, &s);
        clip_overhangs(&mut b, &s);
        assert_eq!(b[0].x0, 120.0);
        assert!((b[0].x1 - (150.0 - HAIRLINE * 8.0)).abs() < 1e-4);
        assert_eq!((b[1].x0, b[1].x1), (150.0, 195.0));
        assert_eq!((b[2].x0, b[2].x1), (300.0, 340.0));
    }

    fn wb(idx: usize, x0: f32, x1: f32, base: f32) -> WordBox {
        WordBox {
            idx,
            x0,
            x1,
            top: base - 8.0,
            bottom: base + 2.0,
            base,
            size: 10.0,
            letters: true,
            digits: false,
        }
    }

    #[test]
    fn lines_by_baseline_and_runs_by_gap() {
        let boxes = vec![
            wb(0, 60.0, 80.0, 100.0),
            wb(1, 10.0, 30.0, 101.0), // same line, a point lower
            wb(2, 33.0, 50.0, 100.5), // a word space after the previous
            wb(3, 10.0, 30.0, 112.0), // next line
        ];
        let lines = text_lines(&boxes, &[0, 1, 2, 3], 0.3, 0.6);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].words, vec![1, 2, 0]);
        let runs: Vec<(f32, f32)> = lines[0].runs.iter().map(|r| (r.x0, r.x1)).collect();
        assert_eq!(runs, vec![(10.0, 50.0), (60.0, 80.0)]);
        assert_eq!(lines[1].runs.len(), 1);
    }

    #[test]
    fn superscripts_join_their_line() {
        let sized = |idx: usize, x0: f32, x1: f32, base: f32, size: f32| WordBox {
            idx,
            x0,
            x1,
            top: base - 0.8 * size,
            bottom: base + 0.2 * size,
            base,
            size,
            letters: true,
            digits: false,
        };
        // A footnote mark raised half an em after a word, and a subscript.
        let ws = vec![
            sized(0, 10.0, 40.0, 100.0, 10.0),
            sized(1, 40.0, 46.0, 95.0, 6.5),
            sized(2, 50.0, 70.0, 100.0, 10.0),
            sized(3, 72.0, 75.0, 102.0, 6.0),
            sized(4, 10.0, 40.0, 112.0, 10.0),
        ];
        assert_eq!(by_baseline(&ws, 0.3), vec![vec![0, 1, 2, 3], vec![4]]);
        // A small line over the words, or raised more: lines of their own.
        let ws = vec![
            sized(0, 10.0, 40.0, 100.0, 10.0),
            sized(1, 12.0, 30.0, 95.0, 6.0),
            sized(2, 50.0, 70.0, 100.0, 10.0),
        ];
        assert_eq!(by_baseline(&ws, 0.3), vec![vec![1], vec![0, 2]]);
        let ws = vec![
            sized(0, 10.0, 40.0, 100.0, 10.0),
            sized(1, 40.0, 46.0, 93.0, 6.0),
        ];
        assert_eq!(by_baseline(&ws, 0.3), vec![vec![1], vec![0]]);
    }
}

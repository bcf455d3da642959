//! Column edges that left-aligned cells show when the gutter between two
//! columns of text is no wider than a word space.
//!
//! A producer that sizes each column to its widest cell and sets the
//! columns a space apart runs the widest cells of two neighbours together:
//! on those lines the words of the second column follow the first
//! column's text at a word space, in one run. What still tells the two
//! columns apart is the second column's left edge: on many lines of the
//! table a word begins at the same place, and no line has a word across
//! it. Words of one cell do not do that unless the text before them is the
//! same on every line ("Servizi generali", "Servizi sociali"): so the text
//! before the edge must end at places that differ (the first column's
//! cells have unlike widths, as ragged cells do).
//!
//! Such a run is cut at the edge, on every line of the streak of lines
//! that keep the edge free and show columns (two runs or more; only such
//! lines count as evidence): a line of one run, a sentence, a caption or a
//! section label across the table, is never cut. Region and column
//! reading then see two runs.

use crate::geom::WordBox;
use crate::lines::{span, Run, TextLine};
use crate::settings::Settings;

/// Lines looked at above and below a line for its streak: bounds the work
/// on a hostile page.
const MAX_STREAK: usize = 60;

/// Cuts runs of `lines` at the left edges of text columns set a word space
/// from the column before them (see the module's text).
pub(crate) fn cut_at_aligned_starts(lines: &mut [TextLine], boxes: &[WordBox], s: &Settings) {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for li in 0..lines.len() {
        let line = &lines[li];
        // A line of one run (a sentence, a caption, a section label across
        // the table) is cut by no edge: only a line that shows columns.
        if line.runs.len() < 2 {
            continue;
        }
        for r in &line.runs {
            for k in r.first + 1..r.end {
                let (Some(&i), Some(&j)) = (line.words.get(k - 1), line.words.get(k)) else {
                    continue;
                };
                let (Some(bi), Some(bj)) = (boxes.get(i), boxes.get(j)) else {
                    continue;
                };
                if !bj.letters || cuts.contains(&(li, k)) {
                    continue;
                }
                let streak = streak(lines, boxes, li, bj.x0, s);
                let mut ends: Vec<f32> = Vec::new();
                let mut inside: Vec<(usize, usize)> = Vec::new();
                for &(l, at) in &streak {
                    let Some(w) = at.filter(|_| lines[l].runs.len() >= 2) else {
                        continue;
                    };
                    let prev = lines[l]
                        .words
                        .get(w.wrapping_sub(1))
                        .and_then(|&p| boxes.get(p));
                    if let Some(p) = prev.filter(|_| w > 0) {
                        ends.push(p.x1);
                        if lines[l].runs.iter().any(|r| r.first < w && w < r.end) {
                            inside.push((l, w));
                        }
                    }
                }
                let spread = ends.iter().copied().fold(f32::NEG_INFINITY, f32::max)
                    - ends.iter().copied().fold(f32::INFINITY, f32::min);
                if ends.len() >= s.aligned_start_lines
                    && 2 * ends.len() >= streak.len()
                    && spread >= s.aligned_start_spread * bi.size.max(bj.size)
                {
                    cuts.extend(inside);
                }
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    for (li, line) in lines.iter_mut().enumerate() {
        let at: Vec<usize> = cuts.iter().filter(|c| c.0 == li).map(|c| c.1).collect();
        if at.is_empty() {
            continue;
        }
        let mut runs: Vec<Run> = Vec::with_capacity(line.runs.len() + at.len());
        for r in &line.runs {
            let mut first = r.first;
            for &k in at.iter().filter(|&&k| r.first < k && k < r.end) {
                runs.push(span(line, boxes, first, k));
                first = k;
            }
            runs.push(span(line, boxes, first, r.end));
        }
        line.runs = runs;
    }
}

/// The lines around `li` (itself included) that keep `x` free of words,
/// each with the index of its word that begins at `x` (within
/// `edge_tolerance`), if any. The streak stops at a line with a word
/// across `x` or a gap wider than `max_line_gap`.
fn streak(
    lines: &[TextLine],
    boxes: &[WordBox],
    li: usize,
    x: f32,
    s: &Settings,
) -> Vec<(usize, Option<usize>)> {
    let tol = s.edge_tolerance;
    let look = |l: usize| -> Option<Option<usize>> {
        let line = lines.get(l)?;
        let mut start = None;
        for (w, &i) in line.words.iter().enumerate() {
            let b = boxes.get(i)?;
            if (b.x0 - x).abs() <= tol {
                start = Some(w);
            } else if b.x0 < x - tol && b.x1 > x + tol {
                return None;
            }
        }
        Some(start)
    };
    let close = |a: usize, b: usize| {
        let (la, lb) = (&lines[a], &lines[b]);
        (lb.base - la.base).abs() <= s.max_line_gap * la.size.max(lb.size)
    };
    let mut out = Vec::new();
    if let Some(w) = look(li) {
        out.push((li, w));
    }
    let mut l = li;
    while l > 0 && li - l < MAX_STREAK && close(l - 1, l) {
        match look(l - 1) {
            Some(w) => out.push((l - 1, w)),
            None => break,
        }
        l -= 1;
    }
    let mut l = li;
    while l + 1 < lines.len() && l - li < MAX_STREAK && close(l, l + 1) {
        match look(l + 1) {
            Some(w) => out.push((l + 1, w)),
            None => break,
        }
        l += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testkit::{grids, rows, Kit};

    /// Sets a row: an office from 60, a name from where the widest office
    /// ends plus a word space, figures right-aligned at 400.
    fn row(k: &mut Kit, y: f32, office: &str, name: &str, figure: &str) {
        let edge = 60.0 + Kit::width("Manutenzione strade") + 0.28 * 10.0;
        k.text(60.0, y, office);
        k.text(edge, y, name);
        k.text(400.0 - Kit::width(figure), y, figure);
    }

    #[test]
    fn a_text_column_a_space_from_the_next_is_cut_at_its_left_edge() {
        // "Manutenzione strade" is the widest office, on two rows: the
        // names begin one word space after it, and on those lines the two
        // cells make one run; the gap the other lines leave is closed.
        let mut k = Kit::new();
        let body = [
            ("Ufficio", "Responsabile", "Importo"),
            ("Tributi", "Rossi Mario", "501,96"),
            ("Manutenzione strade", "Bianchi Anna", "548,22"),
            ("Ufficio tecnico", "Verdi Luca", "115,98"),
            ("Manutenzione strade", "Greco Davide", "302,38"),
            ("Sport", "Neri Paola", "12,00"),
        ];
        for (n, (office, name, figure)) in body.iter().enumerate() {
            row(&mut k, 100.0 + 14.0 * n as f32, office, name, figure);
        }
        let want: Vec<Vec<String>> = body
            .iter()
            .map(|(a, b, c)| vec![a.to_string(), b.to_string(), c.to_string()])
            .collect();
        assert_eq!(grids(&k.page), vec![want]);
    }

    #[test]
    fn words_after_one_same_first_word_are_no_column() {
        // Every service's second word begins at one place, after the same
        // first word: one cell's words, not a column.
        let mut k = Kit::new();
        for (n, (t, f)) in [
            ("Servizi generali", "501,96"),
            ("Servizi sociali", "548,22"),
            ("Servizi scolastici", "115,98"),
            ("Servizi cimiteriali", "302,38"),
        ]
        .into_iter()
        .enumerate()
        {
            let y = 100.0 + 14.0 * n as f32;
            k.text(60.0, y, t);
            k.text(300.0 - Kit::width(f), y, f);
        }
        assert_eq!(
            grids(&k.page),
            vec![rows(&[
                &["Servizi generali", "501,96"],
                &["Servizi sociali", "548,22"],
                &["Servizi scolastici", "115,98"],
                &["Servizi cimiteriali", "302,38"],
            ])]
        );
    }
}

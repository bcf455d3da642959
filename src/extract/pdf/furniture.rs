//! Page furniture: the lines a document repeats on its pages.
//!
//! A municipality's letterhead, a "Pagina 3 di 7" footer or a COPIA stamp
//! say nothing about the act and would make every document match every
//! search. A line is furniture when, with its digits masked and its spaces
//! squeezed, it appears near the same height on most pages (on at least
//! three, or on both of a two-page document) and lies in the top or bottom
//! band of the page, or when it is drawn across the text direction (a
//! margin stamp) on most pages. A page made only of such lines keeps them.

use std::collections::HashMap;

use super::layout::Line;

/// Fraction of the page height that counts as the top or bottom band.
const BAND: f32 = 0.2;
/// How far (points) the same line may move from page to page.
const Y_SLACK: f32 = 6.0;

fn key(text: &str) -> String {
    let mut k = String::with_capacity(text.len());
    let mut last_digit = false;
    for c in text.chars() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            if !last_digit {
                k.push('#');
            }
            last_digit = true;
        } else {
            last_digit = false;
            k.extend(c.to_lowercase());
        }
    }
    k
}

/// For each page (given as its lines and height), which lines are furniture.
pub(super) fn detect(pages: &[(&[Line], f32)]) -> Vec<Vec<bool>> {
    let n = pages.len();
    let mut marks: Vec<Vec<bool>> = pages.iter().map(|(l, _)| vec![false; l.len()]).collect();
    if n < 2 {
        return marks;
    }
    let needed = if n == 2 { 2 } else { 3.max(n / 2 + 1) };
    // key -> (page, line index, y)
    let mut seen: HashMap<String, Vec<(usize, usize, f32)>> = HashMap::new();
    for (p, (lines, h)) in pages.iter().enumerate() {
        for (i, line) in lines.iter().enumerate() {
            let y = line.v;
            let banded = line.rot != 0 || y < BAND * h || y > (1.0 - BAND) * h;
            if !banded {
                continue;
            }
            let k = key(&line.text());
            if k.is_empty() {
                continue;
            }
            seen.entry(k).or_default().push((p, i, y));
        }
    }
    for occurrences in seen.values() {
        if occurrences.len() < needed {
            continue;
        }
        for &(p, i, y) in occurrences {
            let mut pages_at: Vec<usize> =
                occurrences.iter().filter(|o| (o.2 - y).abs() <= Y_SLACK).map(|o| o.0).collect();
            pages_at.dedup();
            if pages_at.len() >= needed {
                marks[p][i] = true;
            }
        }
    }
    // A page made only of repeated lines keeps them as its text.
    for m in &mut marks {
        if m.iter().all(|&f| f) {
            m.iter_mut().for_each(|f| *f = false);
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_masked() {
        assert_eq!(key("Pagina 3 di 12"), key("Pagina 10 di 12"));
        assert_ne!(key("Pagina 3 di 12"), key("Totale 3"));
    }
}

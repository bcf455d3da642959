//! Page furniture: the lines a document repeats on its pages.
//!
//! A municipality's letterhead, a "Pagina 3 di 7" footer or a COPIA stamp
//! say nothing about the act and would make every document match every
//! search. A line is furniture when it appears near the same height on most
//! pages (on at least three, or on both of a two-page document) and lies in
//! the top or bottom fifth of the page, or is drawn across the text
//! direction (a margin stamp). In the outer tenth of the page, where page
//! numbers sit, lines are compared with their digits masked and spaces
//! squeezed; deeper in, they must repeat exactly, so that a heading such as
//! "OBIETTIVO 3" at the top of each sheet stays text. A page made only of
//! such lines keeps them.

use std::collections::HashMap;

use super::layout::Line;

/// Fraction of the page height that counts as the top or bottom band.
const BAND: f32 = 0.2;
/// The outer part of the band, where digits may differ (page numbers).
const OUTER: f32 = 0.1;
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
            // Digits are masked only near the edge, where page numbers sit;
            // deeper in the band ("OBIETTIVO 3" heading each page) a line
            // must repeat exactly.
            let outer = line.rot != 0 || y < OUTER * h || y > (1.0 - OUTER) * h;
            let text = line.text();
            let k = if outer {
                key(&text)
            } else {
                format!("={}", text.to_lowercase())
            };
            if k.is_empty() || k == "=" {
                continue;
            }
            seen.entry(k).or_default().push((p, i, y));
        }
    }
    for occurrences in seen.values_mut() {
        if occurrences.len() < needed {
            continue;
        }
        // For each occurrence, the distinct pages within Y_SLACK of it: a
        // window sliding over the occurrences sorted by height.
        occurrences.sort_by(|a, b| a.2.total_cmp(&b.2));
        let mut counts: HashMap<usize, usize> = HashMap::new();
        let (mut lo, mut hi) = (0, 0);
        for i in 0..occurrences.len() {
            let y = occurrences[i].2;
            while hi < occurrences.len() && occurrences[hi].2 <= y + Y_SLACK {
                *counts.entry(occurrences[hi].0).or_insert(0) += 1;
                hi += 1;
            }
            while occurrences[lo].2 < y - Y_SLACK {
                let page = occurrences[lo].0;
                if let Some(c) = counts.get_mut(&page) {
                    *c -= 1;
                    if *c == 0 {
                        counts.remove(&page);
                    }
                }
                lo += 1;
            }
            if counts.len() >= needed {
                let (p, l, _) = occurrences[i];
                marks[p][l] = true;
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

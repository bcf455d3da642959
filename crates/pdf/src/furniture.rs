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
//! "OBIETTIVO 3" at the top of each sheet stays text, unless the line is
//! only a page number ("– 45 –", "Pagina 3 di 12"). A page made only of
//! such lines keeps them.
//!
//! Bulletins and books set facing pages: the running head of odd pages
//! (the title, the page number on the outer side) differs from that of even
//! pages (the section). In the outer tenth, a line also counts when it
//! repeats at the same height and the same place across on most pages of
//! one parity (documents of four pages or more, so that each parity has
//! two pages to compare).

use std::collections::HashMap;

use super::layout::Line;

/// Fraction of the page height that counts as the top or bottom band.
const BAND: f32 = 0.2;
/// The outer part of the band, where digits may differ (page numbers).
const OUTER: f32 = 0.1;
/// How far (points) the same line may move from page to page.
const Y_SLACK: f32 = 6.0;
/// How far (points) a line of one parity may move across (its left edge,
/// centre or right edge), page numbers of different widths included.
const X_SLACK: f32 = 6.0;
/// Alternating lines are looked for in documents of at least this many
/// pages.
const MIN_PAGES_FOR_PARITY: usize = 4;
/// Occurrences of one line compared pairwise, at most.
const MAX_PAIRWISE: usize = 4_000;

/// Whether a line says nothing but a page number: digits, punctuation and
/// the words of "Pagina 3 di 12", "Pag. 3", "page 3 of 12".
fn page_number_only(text: &str) -> bool {
    let mut digits = false;
    for token in text.split(|c: char| !c.is_alphanumeric()) {
        if token.is_empty() {
            continue;
        }
        if token.chars().all(|c| c.is_ascii_digit()) {
            digits = true;
            continue;
        }
        let t = token.to_lowercase();
        if ![
            "pag", "pagina", "pagine", "page", "pg", "p", "di", "of", "foglio",
        ]
        .contains(&t.as_str())
        {
            return false;
        }
    }
    digits
}

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

/// The key of a line near the edge, blind to the order of its characters:
/// facing pages print the same running head mirrored, the page number on
/// the outer side ("Bollettino Ufficiale – 25 –", "– 26 – Bollettino
/// Ufficiale").
fn mirrored_key(text: &str) -> String {
    let mut chars: Vec<char> = key(text).chars().collect();
    chars.sort_unstable();
    chars.into_iter().collect()
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
    // key -> (page, line index, y, left, right), for alternating lines.
    let mut sided: HashMap<String, Vec<(usize, usize, f32, f32, f32)>> = HashMap::new();
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
            if outer && line.rot == 0 && n >= MIN_PAGES_FOR_PARITY {
                let k = key(&text);
                if !k.is_empty() {
                    let (l, r) = line_extent(line);
                    sided.entry(k).or_default().push((p, i, y, l, r));
                }
            }
            let k = if outer {
                mirrored_key(&text)
            } else if page_number_only(&text) {
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
    for occurrences in sided.values() {
        if occurrences.len() > MAX_PAIRWISE {
            continue;
        }
        for parity in 0..2 {
            let of_parity = (0..n).filter(|p| p % 2 == parity).count();
            let needed = 2.max(of_parity / 2 + 1);
            let same: Vec<&(usize, usize, f32, f32, f32)> =
                occurrences.iter().filter(|o| o.0 % 2 == parity).collect();
            if same.len() < needed {
                continue;
            }
            for a in &same {
                let mut pages: Vec<usize> = same
                    .iter()
                    .filter(|b| {
                        (b.2 - a.2).abs() <= Y_SLACK
                            && ((b.3 - a.3).abs() <= X_SLACK
                                || (b.4 - a.4).abs() <= X_SLACK
                                || ((b.3 + b.4) - (a.3 + a.4)).abs() <= 2.0 * X_SLACK)
                    })
                    .map(|b| b.0)
                    .collect();
                pages.dedup();
                if pages.len() >= needed {
                    marks[a.0][a.1] = true;
                }
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

/// Left and right edges of an upright line.
fn line_extent(line: &Line) -> (f32, f32) {
    let l = line.words.iter().map(|w| w.x).fold(f32::INFINITY, f32::min);
    let r = line
        .words
        .iter()
        .map(|w| w.x + w.width)
        .fold(f32::NEG_INFINITY, f32::max);
    (l, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_masked() {
        assert_eq!(key("Pagina 3 di 12"), key("Pagina 10 di 12"));
        assert_ne!(key("Pagina 3 di 12"), key("Totale 3"));
    }

    #[test]
    fn mirrored_running_heads_share_a_key() {
        assert_eq!(
            mirrored_key("Bollettino Ufficiale – 25 –"),
            mirrored_key("– 126 – Bollettino Ufficiale")
        );
        assert_ne!(
            mirrored_key("Bollettino Ufficiale – 25 –"),
            mirrored_key("Bollettino Regionale – 25 –")
        );
    }

    #[test]
    fn page_numbers_alone() {
        assert!(page_number_only("– 45 –"));
        assert!(page_number_only("Pagina 3 di 12"));
        assert!(page_number_only("Pag. 3"));
        assert!(page_number_only("3/12"));
        assert!(!page_number_only("OBIETTIVO 3"));
        assert!(!page_number_only("IL SINDACO"));
        assert!(!page_number_only("Pagina"));
    }
}

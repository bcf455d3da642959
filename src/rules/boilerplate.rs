//! Boilerplate: lines that say nothing about the document (cookie banners,
//! "Contenuto principale", a municipality's address printed on every page)
//! and would otherwise be read as values or break a paragraph.
//!
//! A `[[boilerplate]]` rule drops a line that matches its regex, or a line
//! that recurs, identical, in the top or bottom lines of several pages. The
//! line is blanked (replaced by spaces), never removed, so offsets hold.

use std::collections::HashMap;

use super::compiled::Boilerplate;
use super::document::lines;

/// How many non-blank lines at the top and at the bottom of a page count as
/// where page headers and footers are.
const EDGE_LINES: usize = 4;

/// The page texts with boilerplate lines blanked.
pub fn clean(texts: &[&str], rules: &[Boilerplate]) -> Vec<String> {
    let edge: Vec<Vec<std::ops::Range<usize>>> = texts.iter().map(|t| edge_lines(t)).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (t, e) in texts.iter().zip(&edge) {
        let mut on_page: Vec<&str> = e.iter().map(|r| t[r.clone()].trim()).collect();
        on_page.sort_unstable();
        on_page.dedup();
        for l in on_page {
            *seen.entry(l).or_default() += 1;
        }
    }
    texts
        .iter()
        .zip(&edge)
        .map(|(t, e)| {
            let mut out = t.to_string();
            for r in lines(t) {
                let line = &t[r.clone()];
                if line.trim().is_empty() {
                    continue;
                }
                let drop = rules.iter().any(|b| {
                    b.regex.as_ref().is_some_and(|re| re.is_match(line))
                        || b.repeated_on_pages.is_some_and(|n| {
                            e.contains(&r) && seen.get(line.trim()).is_some_and(|&c| c >= n.max(2))
                        })
                });
                if drop {
                    out.replace_range(r.clone(), &" ".repeat(r.len()));
                }
            }
            out
        })
        .collect()
}

/// Whether one line is dropped by the regex rules (for examples).
pub fn drops(line: &str, rule: &Boilerplate) -> bool {
    rule.regex.as_ref().is_some_and(|re| re.is_match(line))
}

fn edge_lines(t: &str) -> Vec<std::ops::Range<usize>> {
    let full: Vec<_> = lines(t)
        .filter(|r| !t[r.clone()].trim().is_empty())
        .collect();
    let n = full.len();
    full.into_iter()
        .enumerate()
        .filter(|(i, _)| *i < EDGE_LINES || *i + EDGE_LINES >= n)
        .map(|(_, r)| r)
        .collect()
}

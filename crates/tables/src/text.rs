//! A cell's text from the words in it.
//!
//! The words of a cell are read line by line (a line is a run of words
//! whose baselines agree within `line_tolerance`), left to right; lines are
//! joined by one space, except where a line ends with a word broken by a
//! hyphen and the next begins in lower case: there the two halves are
//! joined back (`pro-` + `getto` = `progetto`); before a capital or a
//! digit the hyphen is part of the text and the line goes on after it
//! (`Non-` + `Negligent` = `Non-Negligent`). The cell's span of the page
//! text runs from its first word's start to its last word's end.

use crate::geom::WordBox;
use atti_page::Page;

/// A cell's text and its byte range in the page text (`0, 0` when none of
/// its words is part of the text).
pub(crate) fn cell_text(
    page: &Page,
    words: &[WordBox],
    line_tolerance: f32,
) -> (String, usize, usize) {
    // Lines by baseline, each read left to right.
    let mut lines: Vec<Vec<&WordBox>> = crate::lines::by_baseline(words, line_tolerance)
        .into_iter()
        .map(|g| g.into_iter().filter_map(|i| words.get(i)).collect())
        .collect();
    let mut text = String::new();
    let (mut start, mut end) = (usize::MAX, 0usize);
    for line in &mut lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        for (i, w) in line.iter().enumerate() {
            let Some(word) = page.words.get(w.idx) else {
                continue;
            };
            let t = word.text.trim();
            if i == 0 && !text.is_empty() {
                let lower = t.chars().next().is_some_and(char::is_lowercase);
                match ends_with_hyphen(&text) {
                    Some(true) if lower => {
                        text.pop();
                    }
                    Some(_) if !lower => {}
                    _ => text.push(' '),
                }
            } else if i > 0 {
                text.push(' ');
            }
            text.push_str(t);
            if word.start != usize::MAX {
                start = start.min(word.start);
                end = end.max(word.start.saturating_add(word.text.len()));
            }
        }
    }
    if start == usize::MAX {
        (start, end) = (0, 0);
    }
    (text, start, end)
}

/// For a text that ends with a letter or a digit and a hyphen (or a soft
/// hyphen), whether a letter precedes the hyphen; `None` for any other
/// text.
fn ends_with_hyphen(text: &str) -> Option<bool> {
    let mut rev = text.chars().rev();
    if !matches!(rev.next(), Some('-' | '\u{ad}')) {
        return None;
    }
    rev.next()
        .filter(|c| c.is_alphanumeric())
        .map(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::word_boxes;
    use crate::settings::Settings;
    use atti_page::Word;

    fn page(words: &[(&str, f32, f32, usize)]) -> Page {
        Page {
            words: words
                .iter()
                .map(|&(t, x, y, start)| Word {
                    text: t.into(),
                    x,
                    y,
                    width: 6.0 * t.chars().count() as f32,
                    size: 10.0,
                    line: 0,
                    start,
                })
                .collect(),
            ..Page::default()
        }
    }

    #[test]
    fn lines_in_reading_order_and_hyphens_rejoined() {
        // Given in a scrambled order.
        let p = page(&[
            ("getto", 10.0, 112.0, 30),
            ("del", 10.0, 100.0, 10),
            ("pro-", 40.0, 100.0, 14),
            ("Avvio", 0.0, 100.0, 4),
            ("finale", 50.0, 112.0, 36),
        ]);
        let b = word_boxes(&p, &Settings::default());
        let (t, s, e) = cell_text(&p, &b, 0.3);
        assert_eq!(t, "Avvio del progetto finale");
        assert_eq!((s, e), (4, 42));
    }

    #[test]
    fn hyphen_kept_before_capital_or_digit_and_no_span_without_text() {
        let p = page(&[
            ("Nord-", 0.0, 100.0, usize::MAX),
            ("Est", 0.0, 112.0, usize::MAX),
            ("2021-", 0.0, 124.0, usize::MAX),
            ("lavori", 0.0, 136.0, usize::MAX),
            ("Secunderabad-", 0.0, 148.0, usize::MAX),
            ("500017", 0.0, 160.0, usize::MAX),
        ]);
        let b = word_boxes(&p, &Settings::default());
        let (t, s, e) = cell_text(&p, &b, 0.3);
        assert_eq!(t, "Nord-Est 2021- lavori Secunderabad-500017");
        assert_eq!((s, e), (0, 0));
    }
}

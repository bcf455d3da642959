//! Running text: the pieces of a region read as one text across page
//! breaks. A sentence does not stop where a page does ("il Responsabile
//! Unico del Progetto è il" at the foot of a page, "geom. Mario Rossi" at
//! the head of the next), so the rules that read running text (field
//! regexes, the classifiers' cues) read a page's piece and the piece that
//! continues it on the next page as one text.
//!
//! The page furniture is already out of [`crate::read::Page::text`] and
//! the boilerplate lines are blanked ([`super::boilerplate`]); what the
//! seam leaves is the blank lines at the foot of one page and the head of
//! the next, which are dropped: the two pages meet at one line break.
//!
//! Every byte of the running text but the line break at a seam comes from
//! one page, so a range of it maps back to a page and a byte range of that
//! page's text ([`Running::locate`]): a value read across a page break is
//! kept on the page where it starts, its span cut at that page's end.

use std::borrow::Cow;
use std::ops::Range;

use super::document::{Doc, Piece};

/// A stretch of the running text and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seg {
    /// Offset in the running text.
    at: usize,
    /// Index into the document's pages, and byte range of its clean text.
    page: usize,
    range: Range<usize>,
}

/// Pieces read as one text, with their pages' offsets. A text of one piece
/// borrows the page's text (most runs: a field rule reads a region once
/// per rule, and copying it each time was copying every document a
/// hundred times); only a run across a seam is a text of its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Running<'a> {
    pub text: Cow<'a, str>,
    segs: Vec<Seg>,
}

impl<'a> Running<'a> {
    /// The region's pieces in runs that read on: a piece with nothing but
    /// blank lines after it on its page and the piece with nothing but
    /// blank lines before it on the next page continue each other; any
    /// other two pieces stand apart. Each run is one [`Running`] text.
    pub fn runs(doc: &'a Doc, region: &[Piece]) -> Vec<Running<'a>> {
        let mut out: Vec<Running<'a>> = Vec::new();
        let mut prev: Option<&Piece> = None;
        for piece in region {
            let Some(page) = doc.clean.get(piece.page) else {
                continue;
            };
            let range = piece.range.start.min(page.len())..piece.range.end.min(page.len());
            let goes_on = prev.is_some_and(|p| {
                p.page + 1 == piece.page
                    && doc.clean[p.page].get(p.range.end..).is_none_or(blank)
                    && blank(&page[..range.start])
            });
            match out.last_mut() {
                Some(run) if goes_on => run.push_after_seam(page, piece.page, range),
                _ => {
                    let mut run = Running::default();
                    run.push(page, piece.page, range);
                    out.push(run);
                }
            }
            prev = Some(piece);
        }
        out
    }

    fn push(&mut self, page_text: &'a str, page: usize, range: Range<usize>) {
        self.segs.push(Seg {
            at: self.text.len(),
            page,
            range: range.clone(),
        });
        if self.text.is_empty() {
            self.text = Cow::Borrowed(&page_text[range]);
        } else {
            self.text.to_mut().push_str(&page_text[range]);
        }
    }

    /// Adds the next page's piece across a seam: the blank lines at the
    /// end of the text so far and at the head of the piece are dropped,
    /// one line break joins them.
    fn push_after_seam(&mut self, page_text: &'a str, page: usize, range: Range<usize>) {
        let keep = last_line_end(&self.text);
        self.text.to_mut().truncate(keep);
        while self.segs.last().is_some_and(|s| s.at >= keep && s.at > 0) {
            self.segs.pop();
        }
        if let Some(s) = self.segs.last_mut() {
            s.range.end = s.range.start + (keep - s.at).min(s.range.len());
        }
        let piece = &page_text[range.clone()];
        let from = range.start + first_line_start(piece);
        if from >= range.end {
            return;
        }
        if !self.text.is_empty() {
            self.text.to_mut().push('\n');
        }
        self.push(page_text, page, from..range.end);
    }

    /// Where a range of the running text is: the page it starts on and its
    /// byte range there, cut at that page's end when it runs on to the
    /// next. A range starting on a seam's line break starts on the next page.
    pub fn locate(&self, r: Range<usize>) -> Option<(usize, Range<usize>)> {
        let i = self.segs.iter().rposition(|s| s.at <= r.start).map(|i| {
            let s = &self.segs[i];
            if r.start >= s.at + s.range.len() && i + 1 < self.segs.len() {
                i + 1
            } else {
                i
            }
        })?;
        let s = &self.segs[i];
        let from = r.start.max(s.at) - s.at;
        let to = (r.end.max(s.at) - s.at).min(s.range.len()).max(from);
        Some((s.page, s.range.start + from..s.range.start + to))
    }

    /// The pages this text is read from.
    pub fn pages(&self) -> impl Iterator<Item = usize> + '_ {
        self.segs.iter().map(|s| s.page)
    }

    /// Where byte `at` of page `page` is in the running text, if it is in it.
    pub fn offset_of(&self, page: usize, at: usize) -> Option<usize> {
        self.segs
            .iter()
            .find(|s| s.page == page && s.range.start <= at && at < s.range.end)
            .map(|s| s.at + at - s.range.start)
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// The end of the last line with text (the whole text when its last line
/// has some; 0 when none has).
fn last_line_end(s: &str) -> usize {
    match s.rfind(|c: char| !c.is_whitespace()) {
        Some(i) => s[i..].find('\n').map_or(s.len(), |n| i + n),
        None => 0,
    }
}

/// The start of the first line with text (the text's length when none has).
fn first_line_start(s: &str) -> usize {
    match s.find(|c: char| !c.is_whitespace()) {
        Some(i) => s[..i].rfind('\n').map_or(0, |n| n + 1),
        None => s.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Page;

    fn doc(texts: &[&str]) -> (Vec<Page>, Vec<String>) {
        let pages = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Page {
                number: i as u32 + 1,
                text: (*t).to_owned(),
                ..Page::default()
            })
            .collect();
        (pages, texts.iter().map(|t| (*t).to_owned()).collect())
    }

    #[test]
    fn two_pages_read_as_one_text_without_the_blank_seam() {
        let (pages, clean) = doc(&[
            "primo rigo\nil RUP è il\n\n   \n",
            "\n  \ngeom. Mario Rossi;\n",
        ]);
        let d = Doc::new(&pages, clean, vec![Vec::new(); 2]);
        let runs = Running::runs(&d, &d.all());
        assert_eq!(runs.len(), 1);
        let r = &runs[0];
        assert_eq!(r.text, "primo rigo\nil RUP è il\ngeom. Mario Rossi;\n");
        let at = r.text.find("geom").unwrap();
        let (page, range) = r.locate(at..at + "geom. Mario Rossi".len()).unwrap();
        assert_eq!(page, 1);
        assert_eq!(&d.clean[1][range], "geom. Mario Rossi");
        // A value that starts on the first page is kept there, cut at its
        // last line's end.
        let at = r.text.find("è il").unwrap();
        let (page, range) = r.locate(at..at + "è il\ngeom".len()).unwrap();
        assert_eq!(page, 0);
        assert_eq!(&d.clean[0][range], "è il");
        assert_eq!(
            r.offset_of(1, d.clean[1].find("Mario").unwrap()),
            r.text.find("Mario")
        );
    }

    #[test]
    fn pieces_that_do_not_reach_the_seam_stand_apart() {
        let (pages, clean) = doc(&["uno\ndue\n", "tre\n"]);
        let d = Doc::new(&pages, clean, vec![Vec::new(); 2]);
        let region = vec![
            Piece {
                page: 0,
                range: 0..4,
            },
            Piece {
                page: 1,
                range: 0..4,
            },
        ];
        assert_eq!(Running::runs(&d, &region).len(), 2);
        let all = Running::runs(&d, &d.all());
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].text, "uno\ndue\ntre\n");
    }

    #[test]
    fn a_blank_page_is_passed_over() {
        let (pages, clean) = doc(&["fine del rigo\n", "   \n", "\nseguito\n"]);
        let d = Doc::new(&pages, clean, vec![Vec::new(); 3]);
        let runs = Running::runs(&d, &d.all());
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].text, "fine del rigo\nseguito\n");
        let at = runs[0].text.find("seguito").unwrap();
        assert_eq!(runs[0].locate(at..at + 7), Some((2, 1..8)));
    }
}

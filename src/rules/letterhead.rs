//! The first page's letterhead as a region of its own.
//!
//! The PDF reader sets apart as page furniture the lines a document repeats
//! at the head and foot of its pages (see `atti_pdf`'s `furniture`): the
//! body's letterhead, often the issuing office ("SETTORE LAVORI PUBBLICI"),
//! a running header with the act's number. Left out of the text, they
//! neither make every document match every search nor come first where a
//! rule reads the head of the page. A field rule with
//! `region = "letterhead"` reads them here, and only them: the first page's
//! furniture printed above its text, as a page of its own. A value read
//! there points at no place of the page text (`Span::outside_text`, as a
//! sum printed in the furniture does).

use crate::read::Page;
use atti_page::OUTSIDE_TEXT;

/// The first page's letterhead as a page: the furniture lines above its
/// text (with positioned words: those whose words come before the first
/// word of the text; without them, every furniture line of the page, as an
/// office file's header and footer are). `None` when the first page has
/// no furniture.
pub fn page(pages: &[Page]) -> Option<Page> {
    let first = pages.first()?;
    if first.furniture.is_empty() {
        return None;
    }
    let lines: Vec<&str> = if first.words.is_empty() {
        first.furniture.iter().map(String::as_str).collect()
    } else {
        // Furniture words are recorded line by line in reading order, the
        // head's before the text's first word; a furniture line is its
        // words joined by one space.
        let mut above = first
            .words
            .iter()
            .take_while(|w| w.start == OUTSIDE_TEXT)
            .count();
        let mut out = Vec::new();
        for line in &first.furniture {
            let n = line.split(' ').count();
            if n > above {
                break;
            }
            above -= n;
            out.push(line.as_str());
        }
        out
    };
    if lines.is_empty() {
        return None;
    }
    Some(Page {
        number: first.number,
        text: lines.join("\n"),
        ..Page::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Word;

    fn word(text: &str, start: usize) -> Word {
        Word {
            text: text.into(),
            x: 0.0,
            y: 0.0,
            width: 10.0,
            size: 10.0,
            line: if start == OUTSIDE_TEXT { u32::MAX } else { 0 },
            start,
        }
    }

    #[test]
    fn the_head_lines_only() {
        let page = Page {
            number: 1,
            text: "OGGETTO: lavori".into(),
            furniture: vec![
                "COMUNE DI ESEMPIO".into(),
                "SETTORE LAVORI PUBBLICI".into(),
                "Pagina 1 di 3".into(),
            ],
            words: vec![
                word("COMUNE", OUTSIDE_TEXT),
                word("DI", OUTSIDE_TEXT),
                word("ESEMPIO", OUTSIDE_TEXT),
                word("SETTORE", OUTSIDE_TEXT),
                word("LAVORI", OUTSIDE_TEXT),
                word("PUBBLICI", OUTSIDE_TEXT),
                word("OGGETTO:", 0),
                word("lavori", 9),
                word("Pagina", OUTSIDE_TEXT),
                word("1", OUTSIDE_TEXT),
                word("di", OUTSIDE_TEXT),
                word("3", OUTSIDE_TEXT),
            ],
            ..Page::default()
        };
        let head = super::page(&[page]).unwrap();
        assert_eq!(head.text, "COMUNE DI ESEMPIO\nSETTORE LAVORI PUBBLICI");
        assert_eq!(head.number, 1);
    }

    #[test]
    fn a_page_without_furniture_has_no_letterhead() {
        let page = Page {
            number: 1,
            text: "COMUNE DI ESEMPIO\nOGGETTO: lavori".into(),
            ..Page::default()
        };
        assert!(super::page(&[page]).is_none());
    }

    #[test]
    fn only_a_footer_is_no_letterhead() {
        let page = Page {
            number: 1,
            text: "OGGETTO: lavori".into(),
            furniture: vec!["Pagina 1 di 3".into()],
            words: vec![word("OGGETTO:", 0), word("Pagina", OUTSIDE_TEXT)],
            ..Page::default()
        };
        assert!(super::page(&[page]).is_none());
    }

    #[test]
    fn an_office_file_header_without_words_is_all_of_it() {
        let page = Page {
            number: 1,
            text: "OGGETTO: lavori".into(),
            furniture: vec!["Settore Tributi".into()],
            ..Page::default()
        };
        assert_eq!(super::page(&[page]).unwrap().text, "Settore Tributi");
    }
}

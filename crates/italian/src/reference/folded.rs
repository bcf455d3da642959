//! Words hyphenated at a line end. A PDF's text keeps the hyphen and the
//! line break a typesetter put inside a word ("del de-\ncreto legislativo",
//! "18 ago-\nsto 2000"); the grammar reads the word whole. [`Folded`] is the
//! text with each such break taken out and the way back to the printed
//! offsets, so that a reference's range and `raw` stay the printed ones.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A letter, a hyphen, a line break, a lower-case letter: a word cut in
/// two. Or a zero-width character, which some producers put between the
/// words of a citation ("decreto legge \u{200B}26 ottobre 2019").
static BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{L}(-[ \t]*\r?\n[ \t]*)\p{Ll}|([\u{200B}\u{2060}\u{FEFF}]+)").unwrap()
});

/// The text with hyphenated line breaks removed.
pub(super) struct Folded {
    pub(super) text: String,
    /// For each byte of `text`, its offset in the printed text.
    map: Vec<usize>,
}

impl Folded {
    /// None when the text has no word cut at a line end.
    pub(super) fn new(printed: &str) -> Option<Folded> {
        let mut text = String::with_capacity(printed.len());
        let mut map = Vec::with_capacity(printed.len());
        let mut at = 0;
        let mut pos = 0;
        while let Some(c) = BREAK.captures_at(printed, pos) {
            let cut = c.get(1).or(c.get(2)).expect("the break");
            text.push_str(&printed[at..cut.start()]);
            map.extend(at..cut.start());
            at = cut.end();
            pos = cut.end();
        }
        if at == 0 {
            return None;
        }
        text.push_str(&printed[at..]);
        map.extend(at..printed.len());
        Some(Folded { text, map })
    }

    /// The printed range of a range of `text`.
    pub(super) fn original(&self, r: Range<usize>) -> Range<usize> {
        if r.is_empty() {
            let at = self.map.get(r.start).copied().unwrap_or(self.map.len());
            return at..at;
        }
        self.map[r.start]..self.map[r.end - 1] + 1
    }
}

#[cfg(test)]
mod tests {
    use super::Folded;

    #[test]
    fn a_word_cut_at_a_line_end_is_read_whole_and_mapped_back() {
        let printed = "del de-\ncreto legislativo 18 ago- \n  sto 2000";
        let f = Folded::new(printed).unwrap();
        assert_eq!(f.text, "del decreto legislativo 18 agosto 2000");
        let at = f.text.find("decreto").unwrap();
        let r = f.original(at..f.text.len());
        assert_eq!(&printed[r], "de-\ncreto legislativo 18 ago- \n  sto 2000");
        // A dash before a capital or a number is not a cut word.
        assert!(Folded::new("D.Lgs. n. 267/2000 -\nTUEL; art. 5-\n1").is_none());
        let f = Folded::new("decreto legge \u{200B}26 ottobre").unwrap();
        assert_eq!(f.text, "decreto legge 26 ottobre");
    }
}

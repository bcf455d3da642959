//! Words hyphenated at a line end. A PDF's text keeps the hyphen and the
//! line break a typesetter put inside a word ("del de-\ncreto legislativo",
//! "18 ago-\nsto 2000"); the grammar reads the word whole. So too a month's
//! name that a converter broke with a space ("21 dicem bre 1999": some
//! fonts' glyph widths make pdftotext put one there). [`Folded`] is the
//! text with each such break taken out and the way back to the printed
//! offsets, so that a reference's range and `raw` stay the printed ones.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::date::MONTH_NAMES;

/// A letter, a hyphen, a line break, a lower-case letter: a word cut in
/// two. Or a zero-width character, which some producers put between the
/// words of a citation ("decreto legge \u{200B}26 ottobre 2019").
static BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{L}(-[ \t]*\r?\n[ \t]*)\p{Ll}|([\u{200B}\u{2060}\u{FEFF}]+)").unwrap()
});

/// A month's name broken by one space between a day and a year ("21
/// dicem bre 1999"): each way of breaking each name, the name in `m`. Its
/// boundaries are ASCII ones ([`super::common::grammar`]): it reads every
/// page, and a Unicode boundary sent it to the slow engine on accented text.
static MONTH_SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    let splits: Vec<String> = MONTH_NAMES
        .iter()
        .flat_map(|m| (2..m.len() - 1).map(move |i| format!("{} {}", &m[..i], &m[i..])))
        .collect();
    super::common::grammar(&format!(
        r"(?i)\b\d{{1,2}}\s*°?\s+(?P<m>{})\s+\d{{2,4}}\b",
        splits.join("|")
    ))
    .unwrap()
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
        let mut cuts: Vec<Range<usize>> = BREAK
            .captures_iter(printed)
            .filter_map(|c| c.get(1).or(c.get(2)).map(|g| g.range()))
            .collect();
        for c in MONTH_SPLIT.captures_iter(printed) {
            let m = c.name("m").expect("the month");
            if let Some(i) = m.as_str().find(' ') {
                cuts.push(m.start() + i..m.start() + i + 1);
            }
        }
        if cuts.is_empty() {
            return None;
        }
        cuts.sort_by_key(|r| r.start);
        let mut text = String::with_capacity(printed.len());
        let mut map = Vec::with_capacity(printed.len());
        let mut at = 0;
        for cut in cuts {
            if cut.start < at {
                continue;
            }
            text.push_str(&printed[at..cut.start]);
            map.extend(at..cut.start);
            at = cut.end;
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

    #[test]
    fn a_month_broken_by_a_space_is_read_whole() {
        let printed = "legge 12 novem bre 2001, n. 4 e la legge 3 mar zo 2004";
        let f = Folded::new(printed).unwrap();
        assert_eq!(
            f.text,
            "legge 12 novembre 2001, n. 4 e la legge 3 marzo 2004"
        );
        // Only between a day and a year: "mar e" is not a month.
        assert!(Folded::new("per mar e monti nel 2004").is_none());
    }
}

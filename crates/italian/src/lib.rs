//! Italian as public administrations write it.
//!
//! The grammars the rules lean on, kept apart from the rule engine so that
//! each can be read, tested and measured alone:
//!
//! - [`date`]: one string that is a date (`01/12/2021`, `11 agosto 2015`,
//!   `L'anno duemilaventitré, il giorno sedici del mese di giugno`);
//!   [`date_scan`]: every date in a running text;
//! - [`numwords`]: numbers written in words; [`numbers`]: numbers in digits
//!   the Italian way (`1.234,50`);
//! - [`names`]: people with their honorifics, organs with what is said of
//!   their sitting, upper-case titles;
//! - [`money`]: sums in euro, held exactly in cents;
//! - [`phrase`]: where a phrase set over several lines cannot end;
//! - [`minutes`]: what minutes say of a sitting (who attended);
//! - [`reference`]: legal references ("art. 134, comma 4, del D.Lgs. 18
//!   agosto 2000, n. 267") with their URN:NIR;
//! - [`skip`]: regex searches that skip ahead on the fast automaton
//!   (patterns with word boundaries on accented text).
//!
//! Nothing here knows rule files, records or the index.

pub mod date;
pub mod date_scan;
pub mod minutes;
pub mod money;
pub mod names;
pub mod numbers;
pub mod numwords;
pub mod phrase;
pub mod quotation;
pub mod reference;
pub mod skip;

/// The largest char boundary of `s` at or below `i`.
pub(crate) fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Collapses runs of whitespace into one space and trims; zero-width
/// characters (a word processor's joiners and spaces, a byte-order mark)
/// are dropped, since they are not text a reader sees.
pub fn squash(s: &str) -> String {
    let visible: String;
    let s = if s.contains(ZERO_WIDTH) {
        visible = s.chars().filter(|c| !ZERO_WIDTH.contains(c)).collect();
        visible.as_str()
    } else {
        s
    };
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The marks two printings of the same words write in different forms, in
/// one form: the apostrophe (the typographic `’`, and `‘`, `ʼ`, `´`, `` ` ``
/// typed for it) as `'`, the dashes (en, em, figure, minus, the hyphens of
/// Unicode) as `-`. Word processors set `’` and ` – ` as one types, a
/// keyboard gives `'` and `-`, and OCR reads either as the other depending
/// on the face: the same act, from a text layer or from a scan, or typed
/// by a user, then gives the same value.
pub fn plain_marks(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' | '´' | '`' => '\'',
            '–' | '—' | '‒' | '−' | '‐' | '‑' => '-',
            c => c,
        })
        .collect()
}

/// Characters that take no room on the page.
const ZERO_WIDTH: &[char] = &['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'];

#[cfg(test)]
mod marks_tests {
    use super::*;

    #[test]
    fn apostrophes_and_dashes_take_one_form() {
        // A subject from a text layer and as tesseract read it from a scan.
        let text = "Approvazione dell’allegato tecnico – Sostituzione dell’allegato n.32";
        let scan = "Approvazione dell'allegato tecnico - Sostituzione dell'allegato n.32";
        assert_eq!(plain_marks(text), scan);
        assert_eq!(plain_marks(scan), scan);
        assert_eq!(
            plain_marks("CITTA´ — 2022–2024 ‘IO’"),
            "CITTA' - 2022-2024 'IO'"
        );
        assert_eq!(plain_marks("«Città» “IO” n° 5"), "«Città» “IO” n° 5");
    }
}

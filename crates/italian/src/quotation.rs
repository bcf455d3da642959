//! Quoted words. What an act sets between “ and ” (or « and ») is somebody
//! else's text: the law it applies, a definition, the title of a project.
//! A provision cited inside a quotation is the quoted text's, not a
//! statement of the act that quotes it.

use crate::floor_boundary;

/// How far back an opening mark is looked for.
const REACH: usize = 3000;

/// Where the quotation that `at` lies inside opens: the last opening mark
/// within reach before `at` that is not closed before it. `None` when `at`
/// is outside any quotation. Straight quotes (`"`) open and close alike,
/// so they are not counted. A drafter who leaves a quotation open ("“2.
/// Nel caso di ... per una delle seguenti ragioni: ...") goes back to his
/// own words at a line that begins with a word in capitals (VISTO,
/// CONSIDERATO, DETERMINA): the quotation ends there.
pub fn opened_before(text: &str, at: usize) -> Option<usize> {
    let at = floor_boundary(text, at.min(text.len()));
    let from = floor_boundary(text, at.saturating_sub(REACH));
    let head = &text[from..at];
    let open = head.rfind(['“', '«'])?;
    let quoted = &head[open..];
    if quoted.contains(['”', '»']) || quoted.lines().skip(1).any(own_heading) {
        return None;
    }
    Some(from + open)
}

/// A line that begins with a word of four capitals or more.
fn own_heading(line: &str) -> bool {
    let word: String = line
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{200b}')
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    word.chars().count() >= 4 && word.chars().all(char::is_uppercase)
}

/// Whether `at` of page `page` lies inside a quotation: one opened on the
/// page, or one left open at the end of the page before when nothing on
/// this page opens or closes a quotation before `at` (a quotation runs over
/// a page break).
pub fn inside<S: AsRef<str>>(pages: &[S], page: usize, at: usize) -> bool {
    let Some(text) = pages.get(page).map(AsRef::as_ref) else {
        return false;
    };
    if opened_before(text, at).is_some() {
        return true;
    }
    let head = &text[..floor_boundary(text, at.min(text.len()))];
    let before = page
        .checked_sub(1)
        .and_then(|p| pages.get(p))
        .map(AsRef::as_ref);
    !head.contains(['“', '«', '”', '»'])
        && !head.lines().any(own_heading)
        && before.is_some_and(|b| opened_before(b, b.len()).is_some())
}

#[cfg(test)]
mod tests {
    use super::{inside, opened_before};

    #[test]
    fn a_quotation_runs_over_a_page_break() {
        let pages = [
            "l’affidamento diretto come “l’affidamento del contratto",
            "di cui all’articolo 50, comma 1 lettere a) e b), del codice”; visto l’art. 54",
        ];
        assert!(inside(&pages, 1, pages[1].find("articolo").unwrap()));
        assert!(!inside(&pages, 1, pages[1].find("art. 54").unwrap()));
        assert!(!inside(&pages, 0, 5));
        assert!(!inside(&pages, 2, 0));
    }

    #[test]
    fn a_quotation_left_open_ends_at_the_acts_own_heading() {
        let pages = [
            "VISTO l’art 63, co 2, lett.b), n.2 del D.Lgs. 50/2016, secondo cui:\n“2. Nel caso di appalti\nb) quando ...",
            "1) la concorrenza è assente;\nRITENUTO che ricorrano i presupposti\nDETERMINA\nART. 1\nai sensi dell’articolo 63, comma 2",
        ];
        assert!(!inside(&pages, 1, pages[1].find("articolo 63").unwrap()));
        assert!(inside(&pages, 1, 3));
        assert!(inside(&pages, 0, pages[0].find("quando").unwrap()));
    }

    #[test]
    fn inside_an_open_quotation_only() {
        let t = "ai sensi dell’art. 50, comma 1, lett. b); l’Allegato I.1 definisce l’affidamento diretto come “la scelta ... di cui all’articolo 50, comma 1 lettere a) e b), del codice”; visto l’art. 54";
        let inside = t.find("articolo 50").unwrap();
        assert_eq!(opened_before(t, inside), t.find('“'));
        assert_eq!(opened_before(t, t.find("art. 50").unwrap()), None);
        assert_eq!(opened_before(t, t.find("art. 54").unwrap()), None);
        assert_eq!(opened_before("«titolo» e art. 3", 12), None);
        assert_eq!(opened_before("il d.lgs. «recante art. 3", 22), Some(10));
    }
}

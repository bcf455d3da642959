//! What the row finder ([`crate::rows`]) sees of a table's lines: each
//! line's vertical extent ([`RowLine`]) and, per line and column, the words
//! set there ([`Piece`]) with what they read as: text that may wrap onto
//! the next line ([`may_wrap`]), a line that ends open ([`ends_open`]), a
//! value (a number, a date, a code).

use crate::lines::TextLine;
use crate::settings::Settings;

/// A text line as the row finder sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RowLine {
    pub top: f32,
    pub bottom: f32,
    pub base: f32,
    pub size: f32,
}

impl From<&TextLine> for RowLine {
    fn from(l: &TextLine) -> RowLine {
        RowLine {
            top: l.top,
            bottom: l.bottom,
            base: l.base,
            size: l.size,
        }
    }
}

/// The words of one line in one column (or, for a spanning header label,
/// in columns `c0..=c1`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    pub line: usize,
    pub c0: usize,
    pub c1: usize,
    pub x0: f32,
    pub x1: f32,
    /// Width of its first word.
    pub first_word: f32,
    /// Its first word opens as a new item does: a capital letter followed
    /// by small ones ([`opens_item`]).
    pub capital: bool,
    /// The largest font size of its words.
    pub size: f32,
    /// It ends with a word broken by a hyphen, with a sign that asks for
    /// what follows ([`ends_open`]), or with a word a cell's text cannot
    /// end on ([`ends_on_open_word`]).
    pub hyphen: bool,
    /// It reads as text that may wrap ([`may_wrap`]).
    pub alpha: bool,
    /// Some word of it holds a digit: with `alpha` false, a value (a
    /// number, a date, a code), not a sign (`%`, `€`).
    pub digits: bool,
    /// Indices of the word boxes.
    pub words: Vec<usize>,
}

impl Piece {
    /// Whether line `q` may be the wrapped rest of the cell whose line
    /// above is this one, in a column `width` wide (`size`: the body's
    /// font size, `slack`: `Settings::wrap_slack`): either has letters,
    /// and this line ends open or had no room left for `q`'s first word
    /// (its width, a word space, the word, within `slack` of the column's
    /// width). The header band's test.
    pub(crate) fn may_wrap_into(&self, q: &Piece, width: f32, size: f32, slack: f32) -> bool {
        (self.alpha || q.alpha) && (self.hyphen || self.fill(q, size) >= (1.0 - slack) * width)
    }

    /// [`Piece::may_wrap_into`], and no new item's text: a line whose first
    /// word opens an item (`capital`) after a line that had room for that
    /// word in the whole width is a new row's, since a producer breaks a
    /// cell's line only where the next word does not fit. The body's test.
    ///
    /// `loose`: `q`'s line sets nothing in any other column and stands
    /// from this one at the table's rows' pitch, not at a cell's tighter
    /// leading ([`common_pitch`], `Settings::tight_pitch`). Then this line,
    /// if it is one of the column's widest (within `Settings::widest_tie`
    /// font sizes), says nothing of the room its cell had: the column's
    /// width is measured from it, so no next word ever fits beside it. A
    /// line that opens an item there is a row of its own whose other
    /// cells are empty, unless this line ends open.
    pub(crate) fn wraps_into(
        &self,
        q: &Piece,
        width: f32,
        size: f32,
        loose: bool,
        s: &Settings,
    ) -> bool {
        let widest = loose && self.x1 - self.x0 >= width - s.widest_tie * size;
        self.may_wrap_into(q, width, size, s.wrap_slack)
            && (self.hyphen || !q.capital || (!widest && self.fill(q, size) > width))
    }

    /// The width this line would need to hold `q`'s first word too.
    fn fill(&self, q: &Piece, size: f32) -> f32 {
        (self.x1 - self.x0) + 0.25 * size + q.first_word
    }
}

/// A table's common line pitch: the median step between consecutive
/// lines (0 with fewer than two lines). Two lines set closer than
/// `Settings::tight_pitch` of it are at a cell's leading, tighter than its
/// rows' pitch.
pub(crate) fn common_pitch(lines: &[RowLine]) -> f32 {
    let steps: Vec<f32> = lines
        .windows(2)
        .map(|w| w[1].base - w[0].base)
        .filter(|d| *d > 0.0)
        .collect();
    if steps.is_empty() {
        0.0
    } else {
        crate::geom::median(steps)
    }
}

/// Whether the words of a piece (one line in one column) read as text
/// that may wrap onto the next line: some word has letters, and the piece
/// is not a single code (one word with digits: `C1`, `12a`, `A-3`). A
/// value is set whole on its line: two values on two lines are two values,
/// as two numbers are, and a cell whose text wraps breaks between words.
pub(crate) fn may_wrap<'a>(words: impl IntoIterator<Item = &'a str>) -> bool {
    let words: Vec<&str> = words
        .into_iter()
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    let letters = words.iter().any(|w| w.chars().any(char::is_alphabetic));
    let code = matches!(words.as_slice(), [w] if w.chars().any(|c| c.is_ascii_digit()));
    letters && !code
}

/// Whether a word opens as a new item's text does: a capital letter
/// followed by a small one (`Istruzione`, `Sport`), or an abbreviation
/// of initials, a capital and a full stop before another letter
/// (`S.p.A.`, `A.O.C`, `D.Lgs.`), as a name begins. A line a cell wrapped
/// onto goes on with the sentence, mostly in small letters; a word in
/// capitals or a number says nothing either way.
pub(crate) fn opens_item(word: &str) -> bool {
    let mut cs = word
        .trim_start_matches(['(', '"', '\u{201c}', '\u{ab}'])
        .chars();
    match (cs.next(), cs.next(), cs.next()) {
        (Some(a), Some(b), _) if a.is_uppercase() && b.is_lowercase() => true,
        (Some(a), Some('.'), Some(c)) => a.is_uppercase() && c.is_alphabetic(),
        _ => false,
    }
}

/// Whether a line of a cell ends where its text cannot: a word broken by
/// a hyphen (`pro-`), or a sign that asks for what follows: `=` (`2=` over
/// `(3 to 6)+14`, a column's sum written on two lines), an opening bracket,
/// `&`. Such a line goes on on the next line of its column.
pub(crate) fn ends_open(text: &str) -> bool {
    let t = text.trim_end();
    let broken = t.chars().count() > 1 && (t.ends_with('-') || t.ends_with('\u{ad}'));
    broken || t.ends_with(['=', '(', '[', '&'])
}

/// Whether a line of a cell ends on a word that cannot end a cell's text:
/// an article, a preposition, a conjunction (`open`, in small letters:
/// `Settings::open_words`). A producer breaks a cell's text between words
/// where the next does not fit, so `contratti con la` goes on below
/// (`Cassa depositi`), whatever the case of the next line's first word.
pub(crate) fn ends_on_open_word(text: &str, open: &[String]) -> bool {
    let last = text
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_end_matches([',', ';', ':']);
    !last.is_empty() && open.iter().any(|w| w == last)
}

#[cfg(test)]
mod tests {
    use super::opens_item;

    #[test]
    fn names_and_initials_open_an_item() {
        assert!(opens_item("Sport"));
        assert!(opens_item("(Istruzione"));
        assert!(opens_item("S.p.A."));
        assert!(opens_item("D.Lgs."));
        assert!(!opens_item("TOTALE"));
        assert!(!opens_item("spese"));
        assert!(!opens_item("A."));
        assert!(!opens_item("12.5"));
    }
}

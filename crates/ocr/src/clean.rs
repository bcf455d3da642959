//! What tesseract reads differently from the text layer of the same act,
//! put back the way Italian acts print it. Each change is one the text
//! layers of the corpus's acts bear out and a scan cannot mean otherwise:
//!
//! - an elided word and the next one joined again when tesseract cut them
//!   at the apostrophe though no space stands between them (`dell’
//!   Amministrazione`, where the boxes touch: the gap is under
//!   [`ELISION_GAP`] of the font size, a tenth of a space);
//! - a question mark inside a word, or closing a word in capitals that ends
//!   in a vowel, is an apostrophe (`dell?Ente`; `ANNUALITA?`, capitals
//!   write the accent so: `CITTA’`, `ATTIVITA’`); the apostrophe put back
//!   is the typographic one, which the acts' text layers mostly use (three
//!   in four, word processors set it as one types);
//! - a dash standing alone between words is the en dash (` – `): the acts
//!   set a spaced dash so, never as an em dash, which tesseract reads;
//! - a lower-case `l` before a capital, in a word otherwise in capitals, is
//!   the capital `I`
//!   (`“lO”`, `lNPS`, `ATTlVITÀ`): in the sans faces of the acts the two
//!   are one stroke, and capitals do not hold a lower-case letter;
//! - a Roman numeral before `/` or `°` (a legislature, a series: `IX/2838`,
//!   `IX°`) with a one read for its I (`1X/2838`).
//!
//! Which apostrophe a text layer used where tesseract reads a straight one
//! is not told here: in some faces tesseract tells them apart, in others it
//! reads both as `'`.

use crate::rows::Piece;

/// Below this share of the font size, the gap after an apostrophe is no
/// space (a space is about a quarter of an em).
pub const ELISION_GAP: f32 = 0.12;

const APOSTROPHE: char = '’';

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | '´')
}

/// The words of one row, left to right, cleaned; `size` is the row's font
/// size in the words' units.
pub fn row(words: Vec<Piece>, size: f32) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(words.len());
    for mut w in words {
        w.text = word(&w.text);
        if let Some(prev) = out.last_mut() {
            let elided = prev.text.chars().last().is_some_and(is_apostrophe)
                && prev.text.chars().any(char::is_alphabetic);
            let starts_word = w.text.chars().next().is_some_and(char::is_alphabetic);
            if elided && starts_word && w.b[0] - prev.b[2] < ELISION_GAP * size {
                prev.text.push_str(&w.text);
                prev.b[2] = prev.b[2].max(w.b[2]);
                prev.b[1] = prev.b[1].min(w.b[1]);
                prev.b[3] = prev.b[3].max(w.b[3]);
                prev.conf = prev.conf.min(w.conf);
                continue;
            }
        }
        out.push(w);
    }
    out
}

/// One word cleaned.
pub fn word(text: &str) -> String {
    if text == "—" {
        return "–".into();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut s = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '?' && question_is_apostrophe(&chars, i) {
            s.push(APOSTROPHE);
        } else {
            s.push(c);
        }
    }
    roman(&capital_i(&s))
}

/// A lower-case `l` before a capital, in a word whose other letters are all
/// capitals, as `I` (`Il`, the article, is left alone).
fn capital_i(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let end = (i..chars.len())
            .find(|&j| !chars[j].is_alphabetic())
            .unwrap_or(chars.len());
        let core = &chars[i..end];
        let capitals = core.iter().filter(|c| c.is_uppercase()).count();
        let ls = core.iter().filter(|&&c| c == 'l').count();
        let before_capital = core
            .iter()
            .enumerate()
            .all(|(k, &c)| c != 'l' || core.get(k + 1).is_some_and(|n| n.is_uppercase()));
        if ls > 0 && capitals > 0 && capitals + ls == core.len() && before_capital {
            out.extend(core.iter().map(|&c| if c == 'l' { 'I' } else { c }));
        } else {
            out.extend(core);
        }
        if end < chars.len() {
            out.push(chars[end]);
        }
        i = end + 1;
    }
    out
}

fn question_is_apostrophe(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(i + 1).copied();
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    if letter(before) && letter(after) {
        return true;
    }
    // The end of a word in capitals, on a vowel: the accent's apostrophe.
    let word: Vec<char> = chars[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .copied()
        .collect();
    after.is_none()
        && word.len() >= 2
        && word.iter().all(|c| c.is_uppercase())
        && before.is_some_and(|c| "AEIOU".contains(c))
}

/// A Roman numeral before `/` or `°`, at the start of `s` or after a
/// sign (`n.1X/2838`), with `1` or `l` read for `I`.
fn roman(s: &str) -> String {
    let romanish = |c: char| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | '1' | 'l');
    let mut prev: Option<char> = None;
    for (at, c) in s.char_indices() {
        let starts = romanish(c) && prev.is_none_or(|p| !p.is_alphanumeric());
        prev = Some(c);
        if !starts {
            continue;
        }
        let end = s[at..]
            .find(|c: char| !romanish(c))
            .map_or(s.len(), |e| at + e);
        let (head, tail) = (&s[at..end], &s[end..]);
        let marked = tail.starts_with('/') || tail.starts_with('°');
        let misread = head.contains(['1', 'l']);
        let letters = head.contains(['V', 'X', 'L', 'C']);
        if !(marked && misread && letters) {
            continue;
        }
        let fixed: String = head
            .chars()
            .map(|c| if c == '1' || c == 'l' { 'I' } else { c })
            .collect();
        if is_roman(&fixed) {
            return format!("{}{fixed}{tail}", &s[..at]);
        }
    }
    s.to_owned()
}

/// Whether `s` is a well-formed Roman numeral up to 399.
fn is_roman(s: &str) -> bool {
    let mut rest = s;
    for group in [
        &["CCC", "CC", "C"][..],
        &["XC", "XL", "LXXX", "LXX", "LX", "L", "XXX", "XX", "X"][..],
        &["IX", "IV", "VIII", "VII", "VI", "V", "III", "II", "I"][..],
    ] {
        if let Some(g) = group.iter().find(|g| rest.starts_with(**g)) {
            rest = &rest[g.len()..];
        }
    }
    rest.is_empty() && !s.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(text: &str, x0: f32, x1: f32) -> Piece {
        Piece {
            text: text.into(),
            b: [x0, 100.0, x1, 132.0],
            conf: 96.0,
        }
    }

    #[test]
    fn an_elision_cut_by_tesseract_is_joined_by_its_boxes() {
        // Boxes of a real scan at 300 dpi, font size about 46 px: "dell’"
        // and "Amministrazione" 3 px apart, "all’ operatore" (a space in
        // the original) 19 px apart.
        let row_text = |ws: Vec<Piece>| {
            row(ws, 46.0)
                .iter()
                .map(|w| w.text.clone())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(
            row_text(vec![
                piece("dell’", 755., 833.),
                piece("Amministrazione", 836., 1174.)
            ]),
            "dell’Amministrazione"
        );
        assert_eq!(
            row_text(vec![
                piece("all’", 889., 938.),
                piece("operatore", 957., 1138.)
            ]),
            "all’ operatore"
        );
        assert_eq!(
            row_text(vec![
                piece("unanimita'", 173., 335.),
                piece("dei", 344., 389.)
            ]),
            "unanimita' dei"
        );
    }

    #[test]
    fn question_marks_dashes_and_numerals() {
        assert_eq!(word("ANNUALITA?"), "ANNUALITA’");
        assert_eq!(word("dell?Ente"), "dell’Ente");
        assert_eq!(word("partecipare?"), "partecipare?");
        assert_eq!(word("PERCHÉ?"), "PERCHÉ?");
        assert_eq!(word("—"), "–");
        assert_eq!(word("1X/2838"), "IX/2838");
        assert_eq!(word("1X°"), "IX°");
        assert_eq!(word("n.1X/2838"), "n.IX/2838");
        assert_eq!(word("(n.11/2024)"), "(n.11/2024)");
        assert_eq!(word("X1/3"), "XI/3");
        assert_eq!(word("11/2024"), "11/2024");
        assert_eq!(word("1L/2"), "1L/2");
        assert_eq!(word("IX/2838"), "IX/2838");
        // "Progetto “IO”" of a real act, read as “lO”.
        assert_eq!(word("“lO”"), "“IO”");
        assert_eq!(word("ATTlVITÀ"), "ATTIVITÀ");
        assert_eq!(word("l'ACQUA"), "l'ACQUA");
        assert_eq!(word("dell'lNPS"), "dell'INPS");
        assert_eq!(word("il"), "il");
        assert_eq!(word("Il"), "Il");
    }
}

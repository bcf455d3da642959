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
//!   set a spaced dash so, never as an em dash, which tesseract reads, nor
//!   as two hyphens or an em dash and a hyphen, which it reads in small
//!   type (`ANTICORRUZIONE --
//!   SOTTOSEZIONE` on a page copied at 72 %);
//! - a lower-case `l` before a capital, in a word otherwise in capitals, is
//!   the capital `I`
//!   (`“lO”`, `lNPS`, `ATTlVITÀ`): in the sans faces of the acts the two
//!   are one stroke, and capitals do not hold a lower-case letter; so is
//!   the `l` closing a word in capitals among words in capitals (`AREE
//!   EDIFICABILI Al FINI`: [`capital_i_between_capitals`]), and `II`
//!   before an officer's title is the article `Il` ([`article_il`]);
//! - a capital `I` opening `Ie` or `Ia` is the `l` of the articles `le`,
//!   `la` ([`article_l`]): neither is an Italian word, a sentence opening
//!   on the article sets `Le`, `La`, whose capital tesseract does not take
//!   for an `I`, and in the serif faces of the acts `I` and `l` differ
//!   only by their serifs, which a ruling or a grey copy blurs
//!   (`Dipartimento per Ie Politiche` under a header table's rule);
//! - `O` between digits is `0`, `0` as a letter of a dotted abbreviation
//!   is `o` (`D.d.u.0.`: [`noughts`]);
//! - `d.igs.` is the `d.lgs.` of *decreto legislativo* ([`legislative`]);
//! - a capital `I` opening a lower-case abbreviation (`I.r.`) is the `l`
//!   of `l.r.`, `l.p.` ([`lower_l`]), and so is an `I.` standing alone
//!   before one (`I. r. 5/2010`);
//! - a Roman numeral before `/` or `°` (a legislature, a series: `IX/2838`,
//!   `IX°`) with a one read for its I (`1X/2838`).
//!
//! - (the spaces tesseract missed after a full stop or between letters
//!   are put back from the ink in [`crate::spaces`]);
//!
//! - a bar `|` where a lower-case `l` stands ([`bar_is_l`]): alone before
//!   a word that starts with a lower-case vowel (`approvata | adesione`,
//!   the `l` of an elision the text set with a space or without its
//!   apostrophe; before a consonant a bar is as often the article `i` or a
//!   speck's stroke, and stays), or
//!   opening a word before an apostrophe or a lower-case letter (`|’anno`,
//!   `|a`): in the plain faces of the acts `l` is one upright stroke, and
//!   a printed bar parts a number or a name (`Tel. 0123 | Fax`), never the
//!   article from its word;
//! - a bar `|` read from a ruling (the side of a box drawn round an
//!   `OGGETTO`, a table's cell) is no word: a text layer draws its rulings
//!   as lines, not as text. The ink tells them apart ([`drop_rulings`]): a
//!   ruling runs on past the box tesseract gave its piece, at least
//!   [`RULING_RUN`] of the font size above or below it, where a printed
//!   `|` (`Tel. 0123 | Fax`) ends with its box.
//!
//! Which apostrophe a text layer used where tesseract reads a straight one
//! is not told here: in some faces tesseract tells them apart, in others it
//! reads both as `'`.

use crate::raster::{pixel_box, Gray};
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
    let mut words = words.into_iter().peekable();
    while let Some(mut w) = words.next() {
        w.text = word(&w.text);
        if w.text == "|" && words.peek().is_some_and(|n| bar_is_l(&n.text)) {
            w.text = "l".into();
        }
        if let Some(prev) = out.last_mut() {
            if prev.text == "I." && lower_abbreviation_letter(&w.text) {
                // `I. r. 5/2010`: the `l.` of `l. r.` set with a space.
                prev.text = "l.".into();
            }
            let elided = prev.text.chars().last().is_some_and(is_apostrophe)
                && prev.text.chars().any(char::is_alphabetic);
            let starts_word = w.text.chars().next().is_some_and(char::is_alphabetic);
            if elided && starts_word && w.b[0] - prev.b[2] < ELISION_GAP * size {
                prev.absorb(&w);
                continue;
            }
        }
        out.push(w);
    }
    capital_i_between_capitals(&mut out);
    article_il(&mut out);
    out
}

/// Who signs or adopts an act, named after the article `Il` where an act
/// hands over to them (`Il DIRIGENTE`, `Il Responsabile del Servizio`).
const OFFICERS: &[&str] = &[
    "dirigente",
    "direttore",
    "responsabile",
    "sindaco",
    "segretario",
    "presidente",
    "commissario",
    "rettore",
    "funzionario",
    "comandante",
    "coordinatore",
    "sottoscritto",
    "vicesindaco",
    "vicesegretario",
];

/// `II` before the title of whoever adopts the act is the article `Il`
/// (`II DIRETTORE GENERALE`): in the sans faces `I` and `l` are one
/// stroke, and a Roman numeral does not number an officer (it numbers a
/// settore, an area, a semestre, and stays there). The heading is where
/// an act's subject ends and its officer is named: read as `II` the
/// subject ran on into the recitals.
fn article_il(words: &mut [Piece]) {
    for i in 1..words.len() {
        if words[i - 1].text != "II" {
            continue;
        }
        let title: String = words[i]
            .text
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        if OFFICERS.contains(&title.as_str()) {
            words[i - 1].text = "Il".into();
        }
    }
}

/// A word in capitals that ends on a lower-case `l` (`Al`, `Dl`), standing
/// among words in capitals, ends on the capital `I`: `AREE EDIFICABILI Al
/// FINI`, `PARERE Al SENSI`. A line in capitals sets the preposition `AI`
/// so, where tesseract takes its `I` for the `l` the two share in the
/// sans faces; beside a word in lower case (`Al Sindaco`) `Al` is the
/// preposition opening a sentence, and stays.
fn capital_i_between_capitals(words: &mut [Piece]) {
    fn letters(s: &str) -> Vec<char> {
        s.chars().filter(|c| c.is_alphabetic()).collect()
    }
    fn in_capitals(s: &str) -> bool {
        let l = letters(s);
        l.len() >= 2 && l.iter().all(|c| c.is_uppercase())
    }
    for i in 0..words.len() {
        let l = letters(&words[i].text);
        let ends_on_l = l.len() >= 2
            && l.last() == Some(&'l')
            && l[..l.len() - 1].iter().all(|c| c.is_uppercase());
        if !ends_on_l {
            continue;
        }
        let before = i.checked_sub(1).map(|j| in_capitals(&words[j].text));
        let after = words.get(i + 1).map(|w| in_capitals(&w.text));
        let among_capitals = match (before, after) {
            (None, None) => false,
            (b, a) => b.unwrap_or(true) && a.unwrap_or(true),
        };
        if among_capitals {
            if let Some(k) = words[i].text.rfind('l') {
                words[i].text.replace_range(k..k + 1, "I");
            }
        }
    }
}

/// Whether a lone bar before the word `next` is the letter `l`: `next`
/// starts with a lower-case vowel (an opening quote or bracket apart), as
/// after the article `l` set without its apostrophe. Before a consonant a
/// bar is as often the article `i` (`| progetti`) or a speck's stroke
/// (`del | progetto`) as an `l`, in the scans of the corpus: left alone.
fn bar_is_l(next: &str) -> bool {
    next.trim_start_matches(['“', '"', '(', '«'])
        .chars()
        .next()
        .is_some_and(|c| "aeiouàèéìòù".contains(c))
}

/// Whether `s` is one lower-case letter and a full stop (`r.`, `p.`): the
/// second letter of `l. r.`, `l. p.` (*legge regionale*, *provinciale*)
/// when the acts set them with a space, after which `I.` (a capital `I`
/// standing alone) is the `l` tesseract took for it, as in [`lower_l`].
fn lower_abbreviation_letter(s: &str) -> bool {
    let mut c = s.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_ascii_lowercase())
}

/// How far, in font sizes, the ink of a bar must run on above or below
/// its box to be a ruling.
pub const RULING_RUN: f32 = 0.15;

/// The words of one row without the bars that are pieces of rulings;
/// `size` is the row's font size in pixels.
pub fn drop_rulings(words: Vec<Piece>, size: f32, image: &Gray) -> Vec<Piece> {
    words
        .into_iter()
        .filter(|w| !(w.text.chars().all(|c| c == '|') && runs_on(image, w.b, size)))
        .collect()
}

/// The words of one row without the dashes tesseract reads where the page
/// holds no ink: in the wide gaps of a justified line it may read a dash
/// (`PIATTAFORMA — MULTIMEDIALE`, a box as tall as the capitals over a
/// white gap), which a text layer never has. A dash printed has ink in
/// its box, whatever its size; fewer than [`PHANTOM_INK`] pixels are a
/// speck's.
pub fn drop_phantom_dashes(words: Vec<Piece>, image: &Gray) -> Vec<Piece> {
    words
        .into_iter()
        .filter(|w| {
            let dash = !w.text.is_empty() && w.text.chars().all(|c| matches!(c, '-' | '–' | '—'));
            !dash || inked_pixels(image, w.b) >= PHANTOM_INK
        })
        .collect()
}

/// Inked pixels a printed mark has at the least (a hyphen at 150 dpi is
/// some 6 by 2), each darker than [`MARK_GREY`].
pub const PHANTOM_INK: usize = 4;

/// A pixel of a thin mark is darker than this grey: a dash one pixel high
/// is never all black, its pixels are half covered (about 128 on a clean
/// render, as light as 144 on a faded copy), while the paper of a gap is
/// white, or a grey copy's paper (over 190) and its noise.
pub const MARK_GREY: u8 = 160;

/// The pixels of a mark in box `b`: darker than [`MARK_GREY`].
fn inked_pixels(image: &Gray, b: [f32; 4]) -> usize {
    let (x0, x1, y0, y1) = pixel_box(b);
    (x0..x1)
        .map(|x| (y0..y1).filter(|&y| image.darker(x, y, MARK_GREY)).count())
        .sum()
}

/// Whether the ink in box `b` goes on, unbroken, for [`RULING_RUN`] of
/// `size` above the box or below it.
fn runs_on(image: &Gray, b: [f32; 4], size: f32) -> bool {
    let (x0, x1, y0, y1) = pixel_box(b);
    let run = ((RULING_RUN * size).ceil() as usize).max(2);
    let inked = |y: usize| (x0..x1).any(|x| image.is_ink(x, y));
    let below = (y1..y1 + run).all(|y| y < image.height && inked(y));
    let above = y0 >= run && (y0 - run..y0).all(inked);
    below || above
}

/// One word cleaned.
pub fn word(text: &str) -> String {
    // A spaced dash: tesseract reads it as an em dash, and in small type
    // (an 8-pt header copied smaller) as two dashes, hyphens or an em
    // dash and a hyphen (`—-`).
    if text == "—"
        || (text.chars().count() == 2 && text.chars().all(|c| matches!(c, '-' | '–' | '—')))
    {
        return "–".into();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut s = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '?' && question_is_apostrophe(&chars, i) {
            s.push(APOSTROPHE);
        } else if c == '|' && opens_word(&chars, i) {
            // `|’anno`, `|a`: the `l` opening a word.
            s.push('l');
        } else {
            s.push(c);
        }
    }
    article_l(&roman(&capital_i(&lower_l(&legislative(&noughts(&s))))))
}

/// `Ie`, `Ia` (after an opening quote or bracket, before a closing mark)
/// as the articles `le`, `la`.
fn article_l(s: &str) -> String {
    let open = s.len() - s.trim_start_matches(['“', '"', '(', '«', '‘']).len();
    let core = s[open..].trim_end_matches([',', ';', ':', '.', '”', '"', ')', '»', '’']);
    if core == "Ie" || core == "Ia" {
        let mut out = s.to_owned();
        out.replace_range(open..open + 1, "l");
        return out;
    }
    s.to_owned()
}

/// Whether the bar at `i` opens a word (after nothing, a quote or a
/// bracket) and is followed by an apostrophe or a lower-case letter.
fn opens_word(chars: &[char], i: usize) -> bool {
    chars[..i]
        .iter()
        .all(|c| matches!(c, '“' | '"' | '(' | '«'))
        && chars
            .get(i + 1)
            .is_some_and(|&n| is_apostrophe(n) || n.is_lowercase())
}

/// The letter O and the digit 0 where tesseract swapped them: an `O` or
/// `o` between two digits is `0` (`2O11`, `n. 1o2`: a number holds no
/// letter); a `0` standing as a letter of a dotted abbreviation with no
/// other digit (`D.d.u.0.`, the *unità organizzativa* of a decree) is
/// `o`, or `O` after a capital (`U.0.`).
fn noughts(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let digit = |i: Option<&char>| i.is_some_and(|c| c.is_ascii_digit());
    let digits = chars.iter().filter(|c| c.is_ascii_digit()).count();
    let mut out = chars.clone();
    for i in 0..chars.len() {
        let (before, after) = (
            i.checked_sub(1).and_then(|j| chars.get(j)),
            chars.get(i + 1),
        );
        match chars[i] {
            'O' | 'o' if digit(before) && digit(after) => out[i] = '0',
            '0' if digits == 1
                && before == Some(&'.')
                && after == Some(&'.')
                && i >= 2
                && chars[i - 2].is_alphabetic() =>
            {
                out[i] = if chars[i - 2].is_uppercase() {
                    'O'
                } else {
                    'o'
                };
            }
            _ => {}
        }
    }
    out.into_iter().collect()
}

/// `d.igs.`, `D.Igs.`, `D.1gs.` as `d.lgs.`, `D.lgs.`: the `l` of the
/// abbreviation of *decreto legislativo*, the legal reference acts cite
/// most, read as `i`, `I` or `1` on a noisy scan (`igs` is no Italian
/// word, and tesseract's dictionary has no abbreviations to correct it).
fn legislative(s: &str) -> String {
    let mut out = s.to_owned();
    for bad in [".igs", ".Igs", ".1gs"] {
        let mut from = 0;
        while let Some(i) = out[from..].find(bad).map(|i| i + from) {
            let before = out[..i].chars().next_back();
            if matches!(before, Some('d' | 'D')) {
                out.replace_range(i + 1..i + 2, "l");
            }
            from = i + bad.len();
        }
    }
    out
}

/// A capital `I` standing alone before a full stop at the head of an
/// abbreviation whose other letters are lower-case (`I.r. 34/78`, `I.p.`)
/// as the lower-case `l` of `l.r.` (legge regionale) and `l.p.`: in the
/// serif faces of the acts the two are one stroke, and an abbreviation
/// set in lower case does not open on a capital `I` (`L.R.` and `l.r.`
/// are written, `I.r.` is not).
fn lower_l(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let at = chars.iter().position(|c| c.is_alphanumeric());
    let Some(at) = at else {
        return s.to_owned();
    };
    let rest = &chars[at..];
    let dotted = rest.len() >= 4
        && rest[0] == 'I'
        && rest[1] == '.'
        && rest[2].is_lowercase()
        && rest[3] == '.'
        && rest[4..]
            .iter()
            .take_while(|c| c.is_alphabetic() || **c == '.')
            .all(|c| !c.is_uppercase());
    if !dotted {
        return s.to_owned();
    }
    let mut out: Vec<char> = chars.clone();
    out[at] = 'l';
    out.into_iter().collect()
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
#[path = "clean_tests.rs"]
mod tests;

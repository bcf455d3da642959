//! Letter-spaced heading lines read as words, before the `[[administration]]`
//! rules look at them.
//!
//! A letterhead is often set with its letters spaced out
//! ("C O M U N E  D I  R O M A", "A Z I E N D A T E R R I T O R I A L E …"),
//! and a text layer or a transcript then prints one letter (or two or three,
//! where the spacing was uneven) between spaces. Such a run of short
//! capitalised pieces is joined back into words: where the gaps differ,
//! the wider ones part the words; where they do not, the letters are parted
//! into the words the document prints elsewhere and the words of the
//! `[[administration]]` rules' descriptions and examples (the heading words
//! of public bodies: Azienda, Territoriale, Comune, di …), an unknown stretch
//! between them being one word (a place's name). The text is returned with
//! a map from each of its bytes to the byte of the page it came from, so
//! that a name read in it keeps its span in the page.

use std::collections::HashSet;

/// Articles and prepositions elided before a vowel: words of their own.
const ELIDED: &[&str] = &[
    "l'", "d'", "dell'", "all'", "dall'", "nell'", "sull'", "un'",
];

/// How many short pieces make a letter-spaced run, and the longest piece.
const MIN_PIECES: usize = 5;
const MAX_PIECE: usize = 3;

/// The page's text with its letter-spaced runs joined into words, and for
/// each byte of it the byte of `text` it stands for (one past the end
/// included); `None` when the page has no such run.
pub fn unspaced(
    text: &str,
    vocabulary: &dyn Fn() -> HashSet<String>,
) -> Option<(String, Vec<usize>)> {
    let mut runs = runs(text);
    let pairs = initial_pairs(text);
    if runs.is_empty() && pairs.is_empty() {
        return None;
    }
    let mut words = vocabulary();
    words.extend(
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 2)
            .map(str::to_lowercase),
    );
    runs.extend(initials(text, pairs, &words));
    if runs.is_empty() {
        return None;
    }
    runs.sort_by_key(|r| r[0].0);
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut at = 0;
    for run in runs {
        push(&mut out, &mut map, text, at, run[0].0);
        let mut first = true;
        for word in join(text, &run, &words) {
            if !first {
                out.push(' ');
                map.push(word[0].0);
            }
            first = false;
            for (start, end) in word {
                push(&mut out, &mut map, text, start, end);
            }
        }
        at = run.last().map_or(at, |p| p.1);
    }
    push(&mut out, &mut map, text, at, text.len());
    map.push(text.len());
    Some((out, map))
}

/// The words of the rules' descriptions and examples, lower case.
pub fn rule_words(rules: &[super::money::Cue]) -> HashSet<String> {
    let mut out = HashSet::new();
    for c in rules {
        let texts = std::iter::once(&c.meta.description)
            .chain(c.meta.examples.iter().flat_map(|e| [&e.input, &e.expected]));
        for t in texts {
            out.extend(
                t.split(|c: char| !c.is_alphabetic())
                    .filter(|w| w.chars().count() >= 2)
                    .map(str::to_lowercase),
            );
        }
    }
    out
}

fn push(out: &mut String, map: &mut Vec<usize>, text: &str, start: usize, end: usize) {
    out.push_str(&text[start..end]);
    map.extend(start..end);
}

/// A capital letter standing alone before the rest of its word, in small
/// letters ("I stituto C omprensivo"): a text layer parts a letterhead's
/// larger initials from their words.
fn initial_pairs(text: &str) -> Vec<((usize, usize), (usize, usize))> {
    let mut out = Vec::new();
    let mut prev: Option<(usize, usize)> = None;
    let mut pos = 0;
    for w in text.split([' ', '\t', '\n', '\r']) {
        let (start, end) = (pos, pos + w.len());
        pos += w.len() + 1;
        if w.is_empty() {
            prev = None;
            continue;
        }
        let one = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
        if let Some(p) = prev.filter(|p| p.1 + 1 == start) {
            if w.chars().count() >= 2 && w.chars().all(char::is_lowercase) {
                out.push((p, (start, end)));
            }
        }
        prev = one.then_some((start, end));
    }
    out
}

/// The detached initials (of `pairs`) whose letter and rest make a word the document or
/// the rules know ("I stituto" is "Istituto"; "E stato" stays two words),
/// as runs of two pieces.
fn initials(
    text: &str,
    pairs: Vec<((usize, usize), (usize, usize))>,
    words: &HashSet<String>,
) -> Vec<Vec<(usize, usize)>> {
    pairs
        .into_iter()
        .filter(|(a, b)| {
            let w = format!("{}{}", &text[a.0..a.1], &text[b.0..b.1]).to_lowercase();
            words.contains(&w)
        })
        .map(|(a, b)| vec![a, b])
        .collect()
}

/// The letter-spaced runs of each line: at least [`MIN_PIECES`] pieces of
/// at most [`MAX_PIECE`] capital letters (or an apostrophe), or of one
/// letter of either case ("P r o v i n c i a d i B a r i"), parted by
/// spaces, half of them one letter long; each piece as its byte range.
fn runs(text: &str) -> Vec<Vec<(usize, usize)>> {
    let piece = |s: &str| {
        let n = s.chars().count();
        (n <= MAX_PIECE && s.chars().all(|c| c.is_uppercase() || c == '\'' || c == '’'))
            || (n == 1 && s.chars().all(char::is_alphabetic))
    };
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut run: Vec<(usize, usize)> = Vec::new();
        let mut close = |run: &mut Vec<(usize, usize)>| {
            let ones = run
                .iter()
                .filter(|p| text[p.0..p.1].chars().count() == 1)
                .count();
            if run.len() >= MIN_PIECES && ones * 2 >= run.len() {
                out.push(std::mem::take(run));
            }
            run.clear();
        };
        let mut pos = 0;
        for w in line.split([' ', '\t', '\n', '\r']) {
            let (start, end) = (line_start + pos, line_start + pos + w.len());
            pos += w.len() + 1;
            if w.is_empty() {
                continue;
            }
            if piece(w) {
                run.push((start, end));
            } else {
                close(&mut run);
            }
        }
        close(&mut run);
        line_start += line.len();
    }
    out
}

/// The run's pieces grouped into words: by the wider gaps where the gaps
/// differ, else by the vocabulary.
fn join(text: &str, run: &[(usize, usize)], words: &HashSet<String>) -> Vec<Vec<(usize, usize)>> {
    let gaps: Vec<usize> = run.windows(2).map(|w| w[1].0 - w[0].1).collect();
    let narrow = gaps.iter().copied().min().unwrap_or(1);
    if gaps.iter().any(|&g| g > narrow) {
        let mut out = vec![vec![run[0]]];
        for (p, g) in run[1..].iter().zip(&gaps) {
            if *g > narrow {
                out.push(Vec::new());
            }
            out.last_mut().expect("one word").push(*p);
        }
        return out;
    }
    // Letters one by one, each with its byte range in the page.
    let letters: Vec<(usize, usize)> = run
        .iter()
        .flat_map(|&(s, e)| {
            text[s..e]
                .char_indices()
                .map(move |(i, c)| (s + i, s + i + c.len_utf8()))
        })
        .collect();
    let lower: Vec<String> = letters
        .iter()
        .map(|&(s, e)| text[s..e].to_lowercase())
        .collect();
    let known = |i: usize, j: usize| {
        let w: String = lower[i..j].concat();
        let w = w.replace('’', "'");
        words.contains(&w) || words.contains(&w.replace('\'', "’")) || ELIDED.contains(&w.as_str())
    };
    // Fewest words, a letter outside any word costing more than a word.
    const UNKNOWN: usize = 5;
    let n = letters.len();
    let mut best: Vec<Option<(usize, usize, bool)>> = vec![None; n + 1];
    best[0] = Some((0, 0, true));
    for i in 0..n {
        let Some((cost, _, _)) = best[i] else {
            continue;
        };
        for j in i + 1..=n {
            let step = if known(i, j) {
                1
            } else if j == i + 1 {
                UNKNOWN
            } else {
                continue;
            };
            if best[j].is_none_or(|b| cost + step < b.0) {
                best[j] = Some((cost + step, i, step == 1));
            }
        }
    }
    // Back from the end: known words, unknown letters in a row as one word.
    let mut cuts = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, i, word) = best[j].expect("every letter is reached");
        cuts.push((i, j, word));
        j = i;
    }
    cuts.reverse();
    let mut out: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut last_known = true;
    for (i, j, word) in cuts {
        let elided = out
            .last()
            .and_then(|w| w.last())
            .is_some_and(|&(s, e)| matches!(&text[s..e], "'" | "’"));
        if out.is_empty() || word || last_known {
            if elided {
                out.last_mut().expect("a word").extend(&letters[i..j]);
            } else {
                out.push(letters[i..j].to_vec());
            }
        } else {
            out.last_mut().expect("a word").extend(&letters[i..j]);
        }
        last_known = word;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, vocabulary: &[&str]) -> String {
        let v: HashSet<String> = vocabulary.iter().map(|w| w.to_string()).collect();
        let (out, map) = unspaced(text, &|| v.clone()).expect("a run");
        assert_eq!(map.len(), out.len() + 1);
        out
    }

    #[test]
    fn letters_parted_by_wider_gaps_are_words() {
        assert_eq!(
            words(
                "C O M U N E  D I  V I C O V A R O\nDeterminazione n. 4",
                &[]
            ),
            "COMUNE DI VICOVARO\nDeterminazione n. 4"
        );
    }

    #[test]
    fn evenly_spaced_letters_are_parted_into_known_words() {
        let v = [
            "agenzia",
            "regionale",
            "per",
            "la",
            "protezione",
            "ambientale",
            "di",
        ];
        assert_eq!(
            words(
                "Decreto n. 7\nA G E N Z I A R E G I O N A L E P E R L A P R O T E Z I O N E A M B I E N T A L E D I T R E N T O Via Roma 1",
                &v
            ),
            "Decreto n. 7\nAGENZIA REGIONALE PER LA PROTEZIONE AMBIENTALE DI TRENTO Via Roma 1"
        );
        // Uneven spacing, and an elided article kept with its word.
        assert_eq!(
            words(
                "EN T E P E R L ’ E DI L I ZI A S C O LA S T I C A",
                &["ente", "per", "edilizia", "scolastica"]
            ),
            "ENTE PER L’EDILIZIA SCOLASTICA"
        );
    }

    #[test]
    fn letters_of_either_case_are_a_run() {
        assert_eq!(
            words(
                "COMUNE DI CASTELLANA GROTTE P r o v i n c i a d i B a r i SETTORE IV",
                &["provincia", "di"]
            ),
            "COMUNE DI CASTELLANA GROTTE Provincia di Bari SETTORE IV"
        );
    }

    #[test]
    fn detached_initials_rejoin_their_known_words() {
        assert_eq!(
            words(
                "I stituto C omprensivo 7 Modena\nVia Nicoli, 152",
                &["istituto", "comprensivo"]
            ),
            "Istituto Comprensivo 7 Modena\nVia Nicoli, 152"
        );
        // A capital before a word it does not begin is left alone.
        let v: HashSet<String> = ["stato".to_string()].into_iter().collect();
        assert!(unspaced("E stato approvato il progetto", &|| v.clone()).is_none());
    }

    #[test]
    fn ordinary_capitals_are_left_alone() {
        let v: HashSet<String> = HashSet::new();
        assert!(unspaced("COMUNE DI ROMA\nIL DIRIGENTE DEL SETTORE V", &|| v.clone()).is_none());
        assert!(unspaced("art. 1, c. 2, lett. a) e b) del D.L. n. 76", &|| v.clone()).is_none());
    }
}

//! Where a counterparty's name starts and ends in running text: after
//! its titles ("dott. ing.") and a grouping of firms ("A.T.I."), over its
//! words up to a legal form that closes it (`[[legal_form]]` rules of
//! `rules/money_parties.toml`), a tax id's label, the seat, a comma, a
//! lower-case word or a sentence that opens on the next line; and whether
//! a form or a title marks it as a name ([`looks_like_name`]).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::money::MoneyRules;
use super::money_parties::{name_word, partners, tidy, PARTICLES};

/// The most words a name read this way has.
const MAX_WORDS: usize = 10;

/// A tax id's label, a contract's code (CIG, CUP) or the seat: where a
/// name ends.
static STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:C\.?\s?F\.?|CF|P\.|P\.?\s?I\.?V\.?A\.?|Partita|Cod(?:ice|\.)|CUAA|C\.?I\.?G\.?|C\.?U\.?P\.?|Sede|Via|Piazza|Viale|Corso|Località)(?:\b|:|$)")
        .expect("valid regex")
});

/// A temporary grouping of firms before its members' names.
static GROUPING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A(?:R\.T\.I\.|A\.T\.I\.|RTI|ATI|R\.T\.I|A\.T\.I)(?:[ \t]+(?i:costituit[oa]|costituend[oa])(?:[ \t]+(?i:da|dalle|tra))?)?[ \t]+")
        .expect("valid regex")
});

/// What follows a natural person's name: birth, residence.
static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[ \t]*,?[ \t\r\n]*(?:nat[oa][ \t\r\n]+(?:a|ad|in)|residente[ \t\r\n]+(?:a|ad|in))\b",
    )
    .expect("valid regex")
});

/// A legal form or a title with a word of a name; else, after "ditta",
/// "società", "operatore economico", two words of a name (not particles)
/// of two letters or more, or one in capitals. Capitalised words alone
/// are not enough: a heading ("ALBO PRETORIO"), an organ ("Collegio
/// Sindacale") or a procedure ("Fatturazione Automatica") look the same.
pub(super) fn looks_like_name(name: &str, formed: bool, firm: bool) -> bool {
    let first_ok = name.chars().next().is_some_and(char::is_uppercase);
    let words: Vec<&str> = name
        .split(' ')
        .filter(|w| !PARTICLES.contains(w) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    first_ok
        && (formed && words.len() >= 2
            || firm
                && (words.len() >= 2
                    || (words.len() == 1
                        && words[0].chars().filter(|c| c.is_alphabetic()).count() >= 3
                        && !words[0].chars().any(char::is_lowercase))))
}

/// A name in quotes right after its cue (`alla ditta “Formula ambiente”`,
/// `ditta «Alfa Servizi»`): the whole quoted text, whatever the case of
/// its words, when it opens with a capital and stays on one line; never
/// marked by a form (the cue's "ditta" must vouch for it).
fn quoted(text: &str, at: usize, limit: usize) -> Option<(String, Range<usize>, bool)> {
    let rest = &text[at..limit];
    let lead = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let rest = &rest[lead..];
    let is_open = |c: &char| matches!(c, '“' | '«' | '"');
    // The cue's words may end with the opening quote ("alla ditta “").
    let (open, skip) = match rest.chars().next().filter(is_open) {
        Some(o) => (o, o.len_utf8()),
        None => (
            text[..at].trim_end().chars().next_back().filter(is_open)?,
            0,
        ),
    };
    let close = match open {
        '“' => '”',
        '«' => '»',
        _ => '"',
    };
    let inner = &rest[skip..];
    let end = inner.find(close)?;
    let name = inner[..end].trim();
    if name.is_empty() || end > 80 || name.contains('\n') || !name.starts_with(char::is_uppercase) {
        return None;
    }
    let start = at + lead + skip;
    Some((tidy(name), start..start + end, false))
}

/// The name that starts at `at` (after blanks and an opening quote): a
/// title, then name words (over one line break) up to a legal form, a
/// tax id label, a comma or a lower-case word; and whether a legal form
/// or a title marks it.
pub(super) fn name_at(
    rules: &MoneyRules,
    text: &str,
    at: usize,
    limit: usize,
) -> Option<(String, Range<usize>, bool)> {
    let skip = |p: usize| {
        let s = &text[p..limit];
        p + (s.len()
            - s.trim_start_matches([' ', '\t', '"', '“', '«', '‘', '\''])
                .len())
    };
    if let Some(q) = quoted(text, at, limit) {
        return Some(q);
    }
    let mut pos = skip(at);
    let mut formed = false;
    // Titles may come in a row ("prof. avv.", "dott. ing.").
    let mut titled = false;
    while let Some(t) = rules
        .title()
        .find(&text[pos..limit])
        .filter(|t| t.start() == 0)
    {
        pos = skip(pos + t.end());
        formed = true;
        titled = true;
    }
    // A temporary grouping of firms is named by its members ("ATI Alfa
    // S.r.l. - Beta S.p.A.").
    if let Some(g) = GROUPING.find(&text[pos..limit]) {
        pos = skip(pos + g.end());
    }
    let start = pos;
    // The end of each word read, with the word.
    let mut words: Vec<(usize, &str)> = Vec::new();
    while pos < limit && words.len() < MAX_WORDS {
        // One line break may part a name's words; a blank line may not.
        let last = words.last().map_or(start, |w| w.0);
        if text[last..pos].matches('\n').count() > 1 {
            break;
        }
        let rest = &text[pos..limit];
        let wlen = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..wlen];
        if !words.is_empty() {
            if let Some(f) = form_at(rules, rest, "before") {
                // A dotted form's last full stop may lie just past the
                // item's end, read as the sentence's ("S.r.l.\nVISTO").
                let f = if rest[..f].contains('.')
                    && !rest[..f].ends_with('.')
                    && text[pos + f..].starts_with('.')
                {
                    f + 1
                } else {
                    f
                };
                let f = f + partners(
                    rules,
                    &text[pos..pos + f],
                    &text[(pos + f).min(limit)..limit],
                );
                words.push((pos + f, &text[pos..pos + f]));
                formed = true;
                break;
            }
        } else if let Some(f) = form_at(rules, rest, "after") {
            // A form written first ("Studio notarile", "Fondazione"): the
            // name goes on after it, over one or two lower-case words
            // before its capitalised ones ("Cooperativa agricola Boari").
            formed = true;
            let next = &text[pos + f..limit];
            let lower = lower_run(next);
            words.push((pos + f + lower, &text[pos..pos + f + lower]));
            let next = &text[pos + f + lower..limit];
            pos = pos + f + lower + (next.len() - next.trim_start().len());
            continue;
        }
        // A capitalised word that opens a sentence on a new line ends the
        // name before it ("... Sbrighi Luciano\nCon decreto").
        if !words.is_empty()
            && text[words.last().map_or(start, |w| w.0)..pos].contains('\n')
            && rules.opens_sentence(word)
        {
            break;
        }
        // "e" before two capitalised words, in a name with no legal form,
        // joins two persons ("Neri Paolo e Verdi Carla"); before one it
        // is a shared surname ("Salvi Bruno e Domenica").
        if !formed && matches!(word, "e" | "ed") && !words.is_empty() {
            let mut next = rest[wlen..].split_whitespace();
            let upper = |w: &str| {
                !PARTICLES.contains(&w) && w.chars().next().is_some_and(char::is_uppercase)
            };
            // The first of them ends no entry ("e Bruno, Alfa ...").
            let first = next.next().filter(|w| !w.ends_with([',', ';', ':']));
            if first.is_some_and(upper) && next.next().is_some_and(upper) {
                break;
            }
        }
        // "e" before a figure joins the next sum ("all'ing. Mario Neri e
        // 393 all'arch. ..."), not a word of the name.
        if matches!(word, "e" | "ed")
            && rest[wlen..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
        {
            break;
        }
        // "e" before a form written first joins two names ("Comune di
        // Alfa e Unione dei Comuni Beta", "PROVINCIA DI ALFA ED IL COMUNE
        // DI BETA"), not two words of one.
        if matches!(word.to_lowercase().as_str(), "e" | "ed") && !words.is_empty() {
            let next = rest[wlen..].trim_start();
            let next = ARTICLE.find(next).map_or(next, |m| &next[m.end()..]);
            if form_at(rules, next, "after").is_some() {
                break;
            }
        }
        let bare = word.trim_end_matches([',', ';', ':', ')', '.', '"', '”', '»', '’']);
        if word.starts_with('(') || bare.is_empty() || STOP.is_match(word) || !name_word(bare) {
            break;
        }
        // In a run of capitals (a subject, a heading) a name ends before
        // an indefinite article or a preposition that names seldom hold
        // ([`CAPS_STOPS`]: "ALLA PARROCCHIA DI SAN ROCCO DI UN CONTRIBUTO",
        // "TRA LA PROVINCIA DI ALFA ED IL COMUNE").
        if words.last().is_some_and(|w| capitals(w.1)) && CAPS_STOPS.contains(&bare) {
            break;
        }
        words.push((pos + bare.len(), bare));
        if word.len() > bare.len() && !word.ends_with('.') {
            // A comma, a colon, a closing quote: the name ends here.
            break;
        }
        if word.ends_with('.') && bare.chars().count() > 2 {
            // A full stop after a word (not an initial): the sentence ends.
            break;
        }
        let next = &text[pos + wlen..limit];
        pos = pos + wlen + (next.len() - next.trim_start().len());
    }
    // A particle at the end is the sentence's ("Alfa Beta di", "ALFA DI").
    while words.last().is_some_and(|w| {
        PARTICLES.contains(&w.1) || words.len() > 1 && CAPS_PARTICLES.contains(&w.1)
    }) {
        words.pop();
    }
    // A titled person's town after the name ("l'arch. Mario Neri di
    // Lugo, ..."): one word after "di" or "da", two words of the name
    // before it, and no legal form; a firm's owner ("Alfa Impianti di
    // Neri Mario") is no person's town.
    if titled && words.len() >= 4 {
        let n = words.len();
        let town = words[n - 1].1;
        let closes = text[words[n - 1].0..limit]
            .trim_start_matches([' ', '\t'])
            .starts_with(|c: char| !c.is_alphabetic() || c.is_lowercase());
        if matches!(words[n - 2].1, "di" | "da")
            && town.starts_with(char::is_uppercase)
            && closes
            && !rules.legal_forms.iter().any(|f| f.regex.is_match(town))
        {
            words.truncate(n - 2);
        }
    }
    let end = words.last()?.0;
    let name = tidy(&text[start..end]);
    // A person described by birth or residence ("Mario Rossi, nato a
    // Roma il ...") is named as a person is.
    let formed = formed || PERSON.is_match(&text[end..limit]);
    (!name.is_empty()).then_some((name, start..end, formed))
}

/// Articles and prepositions in capitals that end a name read in a run of
/// capitals: a name seldom has them inside it. The definite articles are
/// not among them: the names of cooperatives and associations often hold
/// one ("COOPERATIVA SOCIALE IL GIRASOLE", "ASSOCIAZIONE GLI AMICI").
const CAPS_STOPS: &[&str] = &[
    "UN", "UNA", "UNO", "PER", "CON", "TRA", "FRA", "ED", "NEL", "NELLA", "NELL'", "SUL", "SULLA",
    "AI", "AGLI", "ALLE", "CHE", "QUALE",
];

/// Particles in capitals that may join a name's words but not end it.
const CAPS_PARTICLES: &[&str] = &[
    "DI", "DEL", "DELLA", "DEI", "DEGLI", "DA", "E", "IN", "A", "AL", "ALLA",
];

/// A word in capitals (letters, no lower case).
fn capitals(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// An article before a name ("ED IL COMUNE DI ...").
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\A(?:(?:il|la|lo|i|gli|le)[ \t]+|l['’][ \t]*)").expect("valid regex")
});

/// One or two lower-case words (not joining particles) followed by a
/// capitalised word on the same line: their length with the blanks, else
/// 0. "agricola Boari", "di bonifica Savio" (a particle may come first).
fn lower_run(s: &str) -> usize {
    static RUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\A[ \t]+(?:(?:di|del|della|dei|per|e)[ \t]+)?\p{Ll}[\p{Ll}'’]{2,}(?:[ \t]+\p{Ll}[\p{Ll}'’]{2,})?(?:[ \t]+(?:di|del|della|dei))?[ \t]+\p{Lu}")
            .expect("valid regex")
    });
    RUN.find(s).map_or(0, |m| {
        // Up to the capitalised word, without the blanks before it.
        let upto = m.end() - 1;
        s[..upto].trim_end().len()
    })
}

/// The length of a legal form that starts `rest`, of the forms whose
/// `value` is `side`: `before` (a form written after a name, so that it
/// ends the name) or `after` (a form written first, "Fondazione").
fn form_at(rules: &MoneyRules, rest: &str, side: &str) -> Option<usize> {
    rules
        .legal_forms
        .iter()
        .filter(|c| c.value == side)
        .filter_map(|c| c.regex.find(&rest[..rest.floor_char_boundary(80)]))
        .filter(|m| m.start() == 0)
        .map(|m| m.end())
        .max()
}

//! A paragraph of the article just cited. Having written "il principio di
//! rotazione di cui all'art. 49 del d.lgs. 36/2023", a drafter goes on with
//! "ai sensi del comma 6 del medesimo", "il comma 2 dello stesso
//! articolo", "il comma 3 del predetto articolo" or "il comma 2 del citato
//! art. 12" (the last reference to that article): the paragraph is printed, the article and its act are those of
//! the last reference before it. With no article cited shortly before, or
//! when an act's name follows ("del medesimo decreto", which names the act
//! and not the article), nothing is read (precision first).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::common::{grammar, norm_letter, norm_num, SUFFIX};
use super::ranges::{expand, letter_item};
use super::Reference;

/// Letters of a paragraph with no article or act after them, the clause
/// ending there: "con esclusione dei casi di cui alle lettere da a) ad
/// f-bis) del comma 6;" after "l'articolo 53 del D.Lgs. 165/2001".
static LETTERS_OF_PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    let letter = letter_item();
    grammar(&format!(
        r"(?i)\b(?:lettere|lettera|lett\.)\s*(?P<ls>{letter}\)?(?:\s*(?:,|\be\b|\bed\b)\s*{letter}\)?)*)\s*,?\s*del\s+comma\s*(?P<p>\d+(?:[\s/–-]*(?:{SUFFIX})\b)?)\s*(?:[;.]|$)"
    ))
    .unwrap()
});
static LETTER_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s*,\s*|\s+(?:e|ed)\s+").unwrap());

static SAME: LazyLock<Regex> = LazyLock::new(|| {
    grammar(&format!(
        r"(?i)\b(?:comma|co\.)\s*(?P<p>\d+(?:[\s/–-]*(?:{SUFFIX})\b)?)\s*,?\s*(?:(?:lettera|lett\.|let\.)\s*(?P<l>[a-z]{{1,2}})\)\s*,?\s*)?(?:(?:del\s+medesimo|dello\s+stesso)(?:\s+(?:articolo|art\.))?|del\s+(?:sopra\s*)?(?:citato|predetto|suddetto|richiamato)\s+(?:articolo|art\.)(?:\s*(?P<a>\d+(?:[\s-]*(?:{SUFFIX})\b)?))?)\b"
    ))
    .unwrap()
});

/// After the phrase: an act's name ("del medesimo decreto") or a number.
static NAMED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)^\s*(?:decret|legg|d\.|l\.|t\.|testo|codice|regolament|tuel|dpr|dpcm|n\.|\d)")
        .unwrap()
});

/// An act's preposition after the phrase: the article's act is printed.
static OWNED: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)^\s*,?\s*(?:del|della|dello|dei|delle|degli|dell['’])\b").unwrap()
});

/// How far back the article may have been cited, in bytes: the same
/// sentence or the one before.
const REACH: usize = 400;

/// Whether a reference already read overlaps `at`.
fn overlapped(found: &[(Range<usize>, Reference)], at: &Range<usize>) -> bool {
    found
        .iter()
        .any(|(r, _)| r.start < at.end && at.start < r.end)
}

/// The references read before `at`, within [`REACH`].
fn before(
    found: &[(Range<usize>, Reference)],
    at: usize,
) -> impl Iterator<Item = &(Range<usize>, Reference)> {
    found
        .iter()
        .filter(move |(r, _)| r.end <= at && at - r.end <= REACH)
}

/// Adds to `found` (sorted by start) a reference for each such paragraph.
pub(super) fn extend(text: &str, found: &mut Vec<(Range<usize>, Reference)>) {
    let mut new = Vec::new();
    for c in SAME.captures_iter(text) {
        let whole = c.get(0).expect("whole match");
        // "comma 2 del citato art. 12": the article, read alone as cited
        // again, is replaced by its paragraph.
        let article = c.name("a").map(|a| norm_num(a.as_str()));
        if article.is_some() && OWNED.is_match(&text[whole.end()..]) {
            continue; // "del citato art. 12 della legge ...": the act is printed
        }
        if let Some(a) = &article {
            found.retain(|(r, f)| {
                !(r.start >= whole.start()
                    && r.end <= whole.end()
                    && f.article.as_ref() == Some(a)
                    && f.paragraph.is_none())
            });
        }
        if NAMED_AFTER.is_match(&text[whole.end()..]) || overlapped(found, &whole.range()) {
            continue;
        }
        let last = before(found, whole.start())
            .filter(|(_, r)| article.is_none() || r.article == article)
            .max_by_key(|(r, _)| r.end)
            .map(|(_, r)| r)
            .filter(|r| r.article.is_some() && r.act_type.is_some());
        if let Some(r) = last {
            new.push((
                whole.range(),
                Reference {
                    paragraph: Some(norm_num(&c["p"])),
                    letter: c.name("l").map(|l| norm_letter(l.as_str())),
                    ..r.clone()
                },
            ));
        }
    }
    found.extend(new);
    letters_of_paragraph(text, found);
}

/// "alle lettere da a) ad f-bis) del comma 6;": each letter of that
/// paragraph of the article cited last in the same sentence, when the
/// clause ends after it (an article or act printed after it owns it, and
/// a letter list of the text's own article is not read).
fn letters_of_paragraph(text: &str, found: &mut Vec<(Range<usize>, Reference)>) {
    let mut new = Vec::new();
    for c in LETTERS_OF_PARAGRAPH.captures_iter(text) {
        let whole = c.get(0).expect("whole match");
        if overlapped(found, &whole.range()) {
            continue;
        }
        let last = before(found, whole.start())
            .max_by_key(|(r, _)| r.end)
            .filter(|(r, f)| {
                let between = &text[r.end..whole.start()];
                f.article.is_some()
                    && f.act_type.is_some()
                    && !between.contains(';')
                    && !between.contains(". ")
                    && !between.contains(".\n")
            })
            .map(|(_, r)| r.clone());
        let Some(r) = last else { continue };
        let par = norm_num(&c["p"]);
        for item in LETTER_SEP.split(c["ls"].trim()) {
            for l in expand(item.trim().trim_end_matches(')')) {
                new.push((
                    whole.range(),
                    Reference {
                        paragraph: Some(par.clone()),
                        letter: Some(norm_letter(l.trim_end_matches(')'))),
                        ..r.clone()
                    },
                ));
            }
        }
    }
    found.extend(new);
}

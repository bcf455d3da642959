//! Regex searches that skip ahead on the fast automaton.
//!
//! The `regex` crate runs its fast engines (the lazy DFA and what it builds
//! on) only while a pattern with Unicode word boundaries (`\b`, `\B`) reads
//! ASCII text; at the first accented letter, curly apostrophe or `€` it
//! gives up and reads the rest of the text with its slowest engine, the
//! PikeVM, hundreds of instructions a byte. Italian text is all accents,
//! so a pattern such as `\bEUR\b` was a PikeVM pass over every document.
//!
//! The same pattern with its word boundaries taken out (the *wide* pattern)
//! matches wherever the pattern does, since an assertion taken out only
//! widens it, and runs on the DFA. Where the wide pattern's leftmost match
//! starts, no match of the pattern can start earlier; so a search first
//! finds that start with the wide pattern and runs the pattern from there
//! ([`regex::Regex::find_at`] and kin: the text before the start still
//! counts for the boundaries). The slow engine then reads only the stretch
//! from a candidate to a match, and a text with no candidate is not read by
//! it at all. The matches are those of the pattern: the same positions,
//! captures and order (tests below compare both ways on accented text).
//!
//! Iterating skips ahead only for patterns that cannot match the empty
//! string; others (and patterns with no Unicode word boundary) are searched
//! as the `regex` crate searches them.

use regex::{Captures, Match, Regex};
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};

/// The wide pattern of `pattern`: its Unicode word boundaries taken out of
/// the parsed pattern (not out of its text), every other assertion kept.
/// `None` when the pattern has no such boundary, when it may match the
/// empty string, or when it does not parse.
pub fn widen(pattern: &str) -> Option<String> {
    fn strip(h: Hir, changed: &mut bool) -> Hir {
        match h.into_kind() {
            HirKind::Look(l) if is_unicode_word(l) => {
                *changed = true;
                Hir::empty()
            }
            HirKind::Look(l) => Hir::look(l),
            HirKind::Concat(v) => Hir::concat(v.into_iter().map(|h| strip(h, changed)).collect()),
            HirKind::Alternation(v) => {
                Hir::alternation(v.into_iter().map(|h| strip(h, changed)).collect())
            }
            HirKind::Repetition(r) => Hir::repetition(Repetition {
                sub: Box::new(strip(*r.sub, changed)),
                ..r
            }),
            HirKind::Capture(c) => Hir::capture(Capture {
                sub: Box::new(strip(*c.sub, changed)),
                ..c
            }),
            HirKind::Empty => Hir::empty(),
            HirKind::Literal(l) => Hir::literal(l.0),
            HirKind::Class(c) => Hir::class(c),
        }
    }
    let hir = regex_syntax::parse(pattern).ok()?;
    if hir.properties().minimum_len().is_none_or(|n| n == 0) {
        return None;
    }
    let mut changed = false;
    let wide = strip(hir, &mut changed);
    changed.then(|| wide.to_string())
}

fn is_unicode_word(l: Look) -> bool {
    matches!(
        l,
        Look::WordUnicode
            | Look::WordUnicodeNegate
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode
    )
}

/// Where a match of `re` may start at or after `start`: the start of the
/// wide pattern's leftmost match (`None`: there is no match), or `start`
/// itself without a wide pattern.
fn candidate(wide: Option<&Regex>, text: &str, start: usize) -> Option<usize> {
    match wide {
        Some(w) => w.find_at(text, start).map(|m| m.start()),
        None => Some(start),
    }
}

/// [`Regex::is_match_at`], skipping ahead with `wide` (see the module).
pub fn is_match_at(re: &Regex, wide: Option<&Regex>, text: &str, start: usize) -> bool {
    candidate(wide, text, start).is_some_and(|s| re.is_match_at(text, s))
}

/// [`Regex::find_at`], skipping ahead with `wide`.
pub fn find_at<'t>(
    re: &Regex,
    wide: Option<&Regex>,
    text: &'t str,
    start: usize,
) -> Option<Match<'t>> {
    re.find_at(text, candidate(wide, text, start)?)
}

/// [`Regex::captures_at`], skipping ahead with `wide`.
pub fn captures_at<'t>(
    re: &Regex,
    wide: Option<&Regex>,
    text: &'t str,
    start: usize,
) -> Option<Captures<'t>> {
    re.captures_at(text, candidate(wide, text, start)?)
}

/// [`Regex::captures_iter`], skipping ahead with `wide`.
pub fn captures_iter<'r, 't>(
    re: &'r Regex,
    wide: Option<&'r Regex>,
    text: &'t str,
) -> Box<dyn Iterator<Item = Captures<'t>> + 'r>
where
    't: 'r,
{
    match wide {
        None => Box::new(re.captures_iter(text)),
        Some(w) => {
            let mut at = 0;
            Box::new(std::iter::from_fn(move || {
                let c = captures_at(re, Some(w), text, at)?;
                // The pattern cannot match empty (see `widen`): the next
                // match starts at this one's end at the earliest.
                at = c.get(0).map_or(text.len() + 1, |m| m.end());
                Some(c)
            }))
        }
    }
}

/// [`Regex::find_iter`], skipping ahead with `wide`.
pub fn find_iter<'r, 't>(
    re: &'r Regex,
    wide: Option<&'r Regex>,
    text: &'t str,
) -> Box<dyn Iterator<Item = Match<'t>> + 'r>
where
    't: 'r,
{
    match wide {
        None => Box::new(re.find_iter(text)),
        Some(w) => {
            let mut at = 0;
            Box::new(std::iter::from_fn(move || {
                let m = find_at(re, Some(w), text, at)?;
                at = m.end();
                Some(m)
            }))
        }
    }
}

/// A regex with its wide pattern: searched as [`Regex`] is, skipping ahead
/// on the fast automaton (see the module). Dereferences to the regex for
/// whatever else is asked of it.
#[derive(Debug, Clone)]
pub struct SkipRegex {
    re: Regex,
    wide: Option<Regex>,
}

impl SkipRegex {
    /// Compiles `pattern` and its wide pattern.
    pub fn new(pattern: &str) -> Result<SkipRegex, regex::Error> {
        let re = Regex::new(pattern)?;
        let wide = widen(pattern).and_then(|w| Regex::new(&w).ok());
        Ok(SkipRegex { re, wide })
    }

    pub fn is_match(&self, text: &str) -> bool {
        is_match_at(&self.re, self.wide.as_ref(), text, 0)
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        find_at(&self.re, self.wide.as_ref(), text, 0)
    }

    pub fn find_at<'t>(&self, text: &'t str, start: usize) -> Option<Match<'t>> {
        find_at(&self.re, self.wide.as_ref(), text, start)
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        captures_at(&self.re, self.wide.as_ref(), text, 0)
    }

    pub fn captures_at<'t>(&self, text: &'t str, start: usize) -> Option<Captures<'t>> {
        captures_at(&self.re, self.wide.as_ref(), text, start)
    }

    pub fn captures_iter<'r, 't: 'r>(
        &'r self,
        text: &'t str,
    ) -> impl Iterator<Item = Captures<'t>> + 'r {
        captures_iter(&self.re, self.wide.as_ref(), text)
    }

    pub fn find_iter<'r, 't: 'r>(&'r self, text: &'t str) -> impl Iterator<Item = Match<'t>> + 'r {
        find_iter(&self.re, self.wide.as_ref(), text)
    }
}

impl std::ops::Deref for SkipRegex {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        &self.re
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: &[&str] = &[
        "Importo di € 1.234,56 (euro milleduecentotrentaquattro/56) più IVA; città: 12 EUR, l’EURO è 5 euro.",
        "àEUR 5 EURà eurò 7 euro 8 europeo 9 Euro, prezzo 10,00 EUR\nè 11\nEUR",
        "Determinazione n. 12 del 3 marzo; predeterminazione n. 5; la determina n.4 è nulla",
        "nessun atto, solo parole accentate: però, perché, già, più",
        "",
        "art. 107 del d.lgs. 267/2000; l’art.  4, comma 2; artt. 5 e 6",
    ];

    const PATTERNS: &[&str] = &[
        r"(?P<n>\d+(?:[.,]\d{1,2})?)[ \t]*(?:€|\bEUR\b|\b[Ee]uro\b|\bEURO\b)",
        r"(?:€|\bEUR\b|\b[Ee]uro\b)\.?\s+(?P<w>[A-Za-zàèéìòù]+)",
        r"(?i)\bdetermin(?:a|azione)\b\s+n\.?\s*(?P<n>\d+)",
        r"(?im)^\s*\bart\.\s*(\d+)\B",
        r"\Bur[oò]\b",
        r"(?i)\bpiù\b|\bperché\b",
        r"\b\w+\b",
    ];

    #[test]
    fn the_matches_are_the_regexs_own() {
        for p in PATTERNS {
            let re = Regex::new(p).unwrap();
            let fast = SkipRegex::new(p).unwrap();
            assert!(fast.wide.is_some(), "{p}");
            for t in TEXTS {
                let a: Vec<Vec<Option<(usize, usize)>>> = re
                    .captures_iter(t)
                    .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                    .collect();
                let b: Vec<Vec<Option<(usize, usize)>>> = fast
                    .captures_iter(t)
                    .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                    .collect();
                assert_eq!(a, b, "{p} on {t:?}");
                let a: Vec<_> = re.find_iter(t).map(|m| m.range()).collect();
                let b: Vec<_> = fast.find_iter(t).map(|m| m.range()).collect();
                assert_eq!(a, b, "{p} on {t:?}");
                assert_eq!(re.is_match(t), fast.is_match(t), "{p} on {t:?}");
                for at in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                    assert_eq!(
                        re.find_at(t, at).map(|m| m.range()),
                        fast.find_at(t, at).map(|m| m.range()),
                        "{p} on {t:?} at {at}"
                    );
                }
            }
        }
    }

    #[test]
    fn only_unicode_word_boundaries_are_taken_out() {
        assert_eq!(
            widen(r"\bEUR\b|€").as_deref().map(|w| w.contains("EUR")),
            Some(true)
        );
        assert!(widen(r"(?-u:\b)EUR").is_none());
        assert!(widen(r"^art\.").is_none());
        // A pattern that may match empty is searched as it is.
        assert!(widen(r"\b\d*").is_none());
        assert!(widen(r"(").is_none());
    }
}

//! A fast first look for rule regexes.
//!
//! The regex crate runs a pattern with Unicode word boundaries (`\b`, `\B`)
//! over accented text with its slowest engines, and Italian text is all
//! accents. A rule's regex with its boundaries taken out matches wherever
//! the rule's does (an assertion taken out only widens a pattern) and runs
//! on the fast automaton, so a text it finds nothing in is passed over
//! without the slow search. Where it does match, the rule's own regex
//! decides, so what the rules find does not change.

use super::rule_regex::Regex;

/// The same pattern without its word boundaries, when it has any; compiled
/// when first used, and left out (every text may match) if it does not
/// compile.
pub fn quick(re: &Regex) -> Option<Regex> {
    let source = re.as_str();
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars();
    let mut changed = false;
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b' | 'B') if !in_class => changed = true,
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            '[' => {
                in_class = true;
                out.push(c);
            }
            ']' => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    if !changed {
        return None;
    }
    Some(Regex::lazy(out, 1 << 22, 1 << 22))
}

/// A pattern that matches wherever `pattern` (as a rule compiles it, with
/// line anchors) could match in any stretch of a text, in any letter case:
/// every assertion (`^`, `$`, `\b`, `\A`, ...) taken out of the parsed
/// pattern, not out of its text, so nothing but an assertion is lost. A
/// text it finds nothing in is one the rule finds nothing in, whatever part
/// of the text the rule reads. `None` when the pattern does not parse.
pub fn wide(pattern: &str) -> Option<Regex> {
    use regex_syntax::hir::{Capture, Hir, HirKind, Repetition};
    fn strip(h: Hir) -> Hir {
        match h.into_kind() {
            HirKind::Look(_) => Hir::empty(),
            HirKind::Concat(v) => Hir::concat(v.into_iter().map(strip).collect()),
            HirKind::Alternation(v) => Hir::alternation(v.into_iter().map(strip).collect()),
            HirKind::Repetition(r) => Hir::repetition(Repetition {
                sub: Box::new(strip(*r.sub)),
                ..r
            }),
            HirKind::Capture(c) => Hir::capture(Capture {
                sub: Box::new(strip(*c.sub)),
                ..c
            }),
            HirKind::Empty => Hir::empty(),
            HirKind::Literal(l) => Hir::literal(l.0),
            HirKind::Class(c) => Hir::class(c),
        }
    }
    let hir = regex_syntax::ParserBuilder::new()
        .multi_line(true)
        .case_insensitive(true)
        .build()
        .parse(pattern)
        .ok()?;
    regex::RegexBuilder::new(&strip(hir).to_string())
        .size_limit(1 << 24)
        .dfa_size_limit(1 << 24)
        .build()
        .ok()
        .map(Regex::compiled)
}

/// Whether `re` may match `text`: false only when it surely does not.
pub fn may_match(quick: Option<&Regex>, text: &str) -> bool {
    quick.and_then(Regex::get).is_none_or(|q| q.is_match(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_taken_out() {
        assert!(quick(&Regex::new(r"(?i)\bart\.\s*\d+\B").unwrap())
            .is_some_and(|q| q.as_str() == r"(?i)art\.\s*\d+"));
        assert!(quick(&Regex::new(r"OGGETTO:").unwrap()).is_none());
    }

    #[test]
    fn a_text_the_quick_pattern_misses_the_rule_misses_too() {
        let re = Regex::new(r"(?i)\bdetermin(?:a|azione)\b\s+n\.?\s*(?P<n>\d+)").unwrap();
        let q = quick(&re).unwrap();
        for text in [
            "Determinazione n. 12 del 3 marzo",
            "la determina n.4",
            "predeterminazione n. 5",
            "nessun atto",
        ] {
            if !q.is_match(text) {
                assert!(!re.is_match(text), "{text}");
            }
        }
        assert!(!may_match(Some(&q), "nessun atto"));
        assert!(may_match(None, "nessun atto"));
    }

    #[test]
    fn a_wide_pattern_matches_wherever_the_rule_could() {
        // Anchors and boundaries out, any case: a line anchor that a
        // region's edge would satisfy, or a boundary at a cut, is no
        // reason to pass a text over.
        let w = wide(r"^OGGETTO:\s*(?P<value>.+)$").unwrap();
        assert!(w.is_match("premessa; oggetto: lavori"));
        let w = wide(r"\bprotocollo\s+n\.\s*(?P<value>\d+)\b").unwrap();
        assert!(w.is_match("PROTOCOLLO N. 12"));
        assert!(w.is_match("xprotocollo n.4y"));
        assert!(!w.is_match("protocollo generale"));
        // Classes keep their negation and their escapes.
        let w = wide(r"[^\d\]]+n\.\s*\d+").unwrap();
        assert!(w.is_match("Delibera n. 4"));
        assert!(!w.is_match("4 n. x"));
        assert!(wide(r"(unclosed").is_none());
    }
}

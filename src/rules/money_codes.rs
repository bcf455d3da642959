//! The act's codes (CIG, CUP): what a `[[code]]` label names, cleaned and
//! checked, and whose code it is.
//!
//! An act prints its own codes and cites others': the CIG of the Consip
//! convention or framework agreement it orders under (the act's own is the
//! "CIG derivato"), of a contract already concluded, of an earlier award.
//! The `[[code_context]]` cue nearest before a code (in its clause, up to
//! [`CODE_CLAUSE`] bytes back, over a page break) says which: `own`,
//! `cited`, or `another` (a contract or award the act recalls: cited when
//! the act names its own code of the kind in its heading or decides no
//! sum, else the act's own, as a payment under that contract carries its
//! code); none means own. In the act's heading (the first page before its
//! first premise, at most [`HEAD_LINES`] lines when no premise is found
//! there) a code is the act's own field, and only its label can say
//! otherwise. A code is the act's own when one of its mentions is.
//!
//! After a label, a list of codes of the same length ("CIG: A, B e C", or
//! one a line) is
//! read whole, the codes after the first only when they pass their check;
//! a letter O where a digit must be is read as a zero when only that makes
//! the code pass. Any other code printed wrongly is kept as printed and
//! fails its check: the compliance summary reports it.

use std::sync::LazyLock;

use atti_italian::money::codes;
use regex::Regex;

use super::document::Doc;
use super::money::MoneyRules;
use super::money_text::{clause_within, nearest, premise};
use crate::record::Span;

/// How far back the words owning a code are looked for.
const CODE_CLAUSE: usize = 700;
/// The heading's lines when the first page has no premise.
const HEAD_LINES: usize = 15;

/// One code of the act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// `cig` or `cup`.
    pub kind: String,
    pub code: String,
    /// Its first own mention (its first mention when it is only cited).
    pub span: Span,
    /// It passes its format check.
    pub valid: bool,
    /// It is the act's own code, not one it cites.
    pub own: bool,
}

/// What a cue says of one mention of a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whose {
    Own,
    Cited,
    Another,
}

/// The act's codes; `decides_sum`: the act decides an amount (its main
/// amount), so a contract it recalls may be the one it pays.
pub(super) fn read(rules: &MoneyRules, doc: &Doc, decides_sum: bool) -> Vec<Code> {
    let head_end = heading_end(rules, doc);
    // (kind, code, span, whose, in the heading)
    let mut seen: Vec<(String, String, Span, Whose, bool)> = Vec::new();
    for (i, text) in doc.clean.iter().enumerate() {
        let page = doc.pages[i].number;
        for c in &rules.codes {
            if c.weak {
                for m in c.regex.find_iter(text) {
                    let heading = i == 0 && m.start() < head_end;
                    for (start, end, code) in window(text, m.start(), m.end(), &c.value) {
                        let before = if heading {
                            text[m.start()..start].to_owned()
                        } else {
                            before(rules, doc, i, start)
                        };
                        let whose = whose(rules, &before);
                        let span = Span { page, start, end };
                        seen.push((c.value.clone(), code, span, whose, heading));
                    }
                }
                continue;
            }
            for m in c.regex.captures_iter(text) {
                let Some(g) = m.name("code").or_else(|| m.get(1)) else {
                    continue;
                };
                let label = m.get(0).map_or(g.start(), |l| l.start());
                let heading = i == 0 && label < head_end;
                let before = if heading {
                    text[label..g.start()].to_owned()
                } else {
                    before(rules, doc, i, g.start())
                };
                let whose = whose(rules, &before);
                for (start, end, code) in listed(text, g.start(), g.end(), &c.value) {
                    // A word where the code should be is no code at all.
                    if !code.chars().any(|ch| ch.is_ascii_digit()) {
                        continue;
                    }
                    let span = Span { page, start, end };
                    seen.push((c.value.clone(), code, span, whose, heading));
                }
            }
        }
    }
    let mut out: Vec<Code> = Vec::new();
    for (kind, code, span, whose, _) in &seen {
        let own = match whose {
            Whose::Own => true,
            Whose::Cited => false,
            Whose::Another => {
                let headed = seen
                    .iter()
                    .any(|x| x.0 == *kind && x.4 && x.3 == Whose::Own);
                decides_sum && !headed
            }
        };
        add(&mut out, kind, code.clone(), *span, own);
    }
    out
}

/// What the `[[code_context]]` cue nearest the end of `before` says.
fn whose(rules: &MoneyRules, before: &str) -> Whose {
    match nearest(&rules.code_contexts, before).map(|r| r.value.as_str()) {
        Some("cited") => Whose::Cited,
        Some("another") => Whose::Another,
        _ => Whose::Own,
    }
}

/// The codes of a `weak` rule's match (`start..end`, its label first):
/// every word, or two or three words printed apart by a space, a line
/// break or a hyphen at the end of a line ("8151398 A6B", "Z65A2B-\n3C4D"),
/// that passes its check strictly (an ordinary CIG or SmartCIG by its
/// check characters, a CUP by its structure). A table's column of codes
/// under its header, or a code a few words after its label, is read so,
/// never a word that only has a code's length.
fn window(text: &str, start: usize, end: usize, kind: &str) -> Vec<(usize, usize, String)> {
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[A-Za-z0-9]+").expect("valid regex"));
    let words: Vec<(usize, usize)> = WORD
        .find_iter(&text[start..end])
        .map(|m| (start + m.start(), start + m.end()))
        .collect();
    let apart = |a: usize, b: usize| {
        let gap = &text[a..b];
        gap.len() <= 3
            && !gap.is_empty()
            && gap
                .chars()
                .all(|c| c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-')
            && gap.matches('-').count() <= 1
    };
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut took = 0;
        let mut code = String::new();
        for n in 0..3 {
            let Some(&(s, e)) = words.get(i + n) else {
                break;
            };
            if n > 0 && !apart(words[i + n - 1].1, s) {
                break;
            }
            code.push_str(&text[s..e]);
            if code.len() > 15 {
                break;
            }
            if checked(kind, &code) {
                took = n + 1;
                break;
            }
        }
        if took > 0 {
            let (s, e) = (words[i].0, words[i + took - 1].1);
            out.push((s, e, code));
            i += took;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a code passes its check strictly: a CIG with check characters
/// (ordinary, or a SmartCIG but `V`, which has none known), a CUP by its
/// structure; a platform CIG, which has no check, never.
fn checked(kind: &str, code: &str) -> bool {
    match kind {
        "cig" => {
            codes::is_cig(code)
                && code.bytes().any(|b| b.is_ascii_digit())
                && (code.as_bytes()[0].is_ascii_digit()
                    || matches!(code.as_bytes()[0], b'X' | b'Y' | b'Z'))
        }
        _ => codes::is_cup(code),
    }
}

/// The words before `at` on page `i`, with the end of the page before
/// when the clause may begin there, cut to the clause.
fn before(rules: &MoneyRules, doc: &Doc, i: usize, at: usize) -> String {
    let text = &doc.clean[i];
    let mut s = String::new();
    if at < CODE_CLAUSE && i > 0 {
        let prev = &doc.clean[i - 1];
        s.push_str(&prev[prev.ceil_char_boundary(prev.len().saturating_sub(CODE_CLAUSE))..]);
        s.push('\n');
    }
    s.push_str(&text[..at]);
    clause_within(rules, &s, s.len(), CODE_CLAUSE).to_owned()
}

/// Adds a mention of a code: a new code, or an own mention of one only
/// cited so far.
fn add(out: &mut Vec<Code>, kind: &str, code: String, span: Span, own: bool) {
    match out.iter_mut().find(|x| x.kind == kind && x.code == code) {
        Some(x) => {
            if own && !x.own {
                x.own = true;
                x.span = span;
            }
        }
        None => {
            let valid = valid(kind, &code);
            out.push(Code {
                kind: kind.to_owned(),
                code,
                span,
                valid,
                own,
            });
        }
    }
}

fn valid(kind: &str, code: &str) -> bool {
    match kind {
        "cig" => codes::is_cig(code),
        _ => codes::is_cup(code),
    }
}

/// The code a label names (at `start..end`) and those listed after it with
/// the same length and a valid shape, each cleaned (and mended).
fn listed(text: &str, start: usize, end: usize, kind: &str) -> Vec<(usize, usize, String)> {
    static NEXT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t]*(?:[,;\-–]|(?:ed|e)[ \t\r\n])?[ \t\r\n]*([A-Za-z0-9]+)(?-u:\b)")
            .expect("valid regex")
    });
    let first = mend(kind, codes::code(&text[start..end]));
    let len = first.len();
    let mut out = vec![(start, end, first)];
    let mut at = end;
    while let Some(g) = NEXT.captures(&text[at..]).and_then(|m| m.get(1)) {
        let code = mend(kind, codes::code(g.as_str()));
        if g.as_str().len() != len || !valid(kind, &code) {
            break;
        }
        out.push((at + g.start(), at + g.end(), code));
        at += g.end();
    }
    out
}

/// A CIG with the letter O where only a digit can be (an ordinary CIG's
/// progressive number, a SmartCIG's hexadecimal part), read with a zero
/// when that alone makes it pass its check: the two are confused in print
/// and in text layers.
fn mend(kind: &str, code: String) -> String {
    // A word (no digit printed) is no code to mend: "attribuito".
    if kind != "cig"
        || codes::is_cig(&code)
        || !code.contains('O')
        || !code.bytes().any(|b| b.is_ascii_digit())
    {
        return code;
    }
    let zero = code.replace('O', "0");
    if codes::is_cig(&zero) {
        zero
    } else {
        code
    }
}

/// Where the act's heading ends on the first page: its first premise, else
/// [`HEAD_LINES`] lines down.
fn heading_end(rules: &MoneyRules, doc: &Doc) -> usize {
    let Some(first) = doc.clean.first() else {
        return 0;
    };
    match premise(rules, doc) {
        Some((0, at)) => at,
        _ => first
            .match_indices('\n')
            .nth(HEAD_LINES - 1)
            .map_or(first.len(), |(at, _)| at),
    }
}

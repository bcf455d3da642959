//! The parts of an act the money readers look in: where the dispositive
//! begins (for amounts, and for the parties, after the premises), the
//! clause before a place, and the cue nearest its end. Shared by
//! [`super::money_read`], [`super::money_parties`] and
//! [`super::money_party_cues`], which take them from here rather than from
//! one another.

use std::sync::LazyLock;

use regex::Regex;

use super::document::Doc;
use super::money::{Cue, MoneyRules};

/// How far back a cue is looked for.
const CLAUSE: usize = 300;

/// The page and offset where the dispositive begins.
pub(super) fn dispositive(rules: &MoneyRules, doc: &Doc) -> Option<(usize, usize)> {
    first_of(&rules.dispositive, doc, (0, 0))
}

/// The pages of `doc` from `from` (page, offset) on, each with its index
/// and the offset to read it from: `from`'s own on its page, 0 after.
pub(super) fn pages_from<'d>(
    doc: &'d Doc,
    from: (usize, usize),
) -> impl Iterator<Item = (usize, &'d str, usize)> {
    doc.clean
        .iter()
        .enumerate()
        .skip(from.0)
        .map(move |(i, t)| (i, t.as_str(), if i == from.0 { from.1 } else { 0 }))
}

/// The page and offset of the first match of any of `cues`, at `from` or
/// after it.
fn first_of(cues: &[Cue], doc: &Doc, from: (usize, usize)) -> Option<(usize, usize)> {
    pages_from(doc, from).find_map(|(i, t, at)| {
        cues.iter()
            .filter_map(|c| c.regex.find(&t[at..]))
            .map(|m| at + m.start())
            .min()
            .map(|start| (i, start))
    })
}

/// The page and offset of the first premise: the first `[[premise]]`
/// word at a line's start ("VISTO", "CONSIDERATO che", "PREMESSO"). A
/// dispositive heading before it is the act's title ("DETERMINA A
/// CONTRARRE" over the premises), not its dispositive; what precedes it on
/// the first page is the act's heading.
pub(super) fn premise(rules: &MoneyRules, doc: &Doc) -> Option<(usize, usize)> {
    first_of(&rules.premises, doc, (0, 0))
}

/// Where the dispositive of the parties begins: the first
/// `[[dispositive]]` heading after the first premise (the first heading
/// at all where no premise is found before one).
pub(super) fn decisions(rules: &MoneyRules, doc: &Doc) -> Option<(usize, usize)> {
    let first = dispositive(rules, doc)?;
    if let Some(premise) = premise(rules, doc).filter(|p| *p > first) {
        return first_of(&rules.dispositive, doc, premise).or(Some(first));
    }
    Some(first)
}

/// Where the dispositive the act decides in begins: the first
/// `[[dispositive]]` heading after the first premise, or the first heading
/// where no premise follows it; none when the only heading comes before
/// the premises (it is the act's title, "DETERMINA DEL DIRETTORE N. 108")
/// or no heading is found (a transcript cut before its dispositive).
pub(super) fn dispositive_after_premises(rules: &MoneyRules, doc: &Doc) -> Option<(usize, usize)> {
    let first = dispositive(rules, doc)?;
    match premise(rules, doc).filter(|p| *p > first) {
        Some(premise) => first_of(&rules.dispositive, doc, premise),
        None => Some(first),
    }
}

/// The text of the clause before `at`: back to `;`, a full stop before a
/// capital or a blank line, at most [`CLAUSE`] bytes.
pub(super) fn clause<'t>(rules: &MoneyRules, text: &'t str, at: usize) -> &'t str {
    clause_within(rules, text, at, CLAUSE)
}

/// [`clause`], at most `len` bytes.
pub(super) fn clause_within<'t>(
    rules: &MoneyRules,
    text: &'t str,
    at: usize,
    len: usize,
) -> &'t str {
    let from = text.ceil_char_boundary(at.saturating_sub(len));
    let window = &text[from..at];
    static END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r";|\n\s*\n|[a-z]{3}\.\s+[A-Z]").expect("valid regex"));
    let cut = END
        .find_iter(window)
        .filter(|m| {
            // Only a stop after a word ("[a-z]{3}."), never `;` or a blank
            // line, may be an abbreviation's ("all'Arch. Mario Rossi", "la
            // Dott.ssa Anna Bianchi", "la Soc. Coop. Alfa": `[[title]]` rules).
            !(window.as_bytes()[m.start()].is_ascii_lowercase()
                && rules.abbreviated(&window[..m.start() + 3]))
        })
        .last()
        .map_or(0, |m| m.end());
    &window[cut..]
}

/// The cue whose match ends last in `clause` (the first rule on a tie).
pub(super) fn nearest<'r>(cues: &'r [Cue], clause: &str) -> Option<&'r Cue> {
    nearest_of(cues.iter(), clause)
}

/// [`nearest`] among some cues.
pub(super) fn nearest_of<'r>(cues: impl Iterator<Item = &'r Cue>, clause: &str) -> Option<&'r Cue> {
    let mut best: Option<(usize, &Cue)> = None;
    for c in cues {
        if let Some(end) = c.regex.find_iter(clause).map(|m| m.end()).last() {
            if best.is_none_or(|(b, _)| end > b) {
                best = Some((end, c));
            }
        }
    }
    best.map(|(_, c)| c)
}

//! Field rules: one value (or a few) read from running text.
//!
//! A *label* rule reads what follows a label: on the label's line, up to the
//! next known label, a wide gap (3+ spaces: the next cell of a layout) or the
//! rule's `stop`; with `block = true`, the value goes on over the following
//! lines up to a blank line, a line starting with a known label, or a line
//! matching `until`. A label may itself wrap over lines ("Obiettivo
//! Operativo / del D.U.P."), since its words match across any whitespace.
//!
//! A *regex* rule reads named captures (or the `value` capture, or the whole
//! match; or gives its fixed `value` when it matches). A date captured inside
//! a legal reference ("D.Lgs. 18 agosto 2000, n. 267") is not a date of the
//! document and is skipped, except by a rule kept to the act's header
//! (`before`): there "DETERMINAZIONE ... N. 274 del 03/11/2021" is the act's
//! own heading, which the reference reader takes for a citation. A regex
//! rule reads the pages as running text: a page's last line and the next
//! page's first are one text to it ([`super::running`]), so "il RUP è il"
//! at the foot of a page and "geom. Mario Rossi" at the head of the next
//! are read as one sentence; a label rule reads line by line, page by page.

use std::ops::{ControlFlow, Range};

use super::rule_regex::Regex;

use super::compiled::{Combine, Field, Finder};
use super::document::{Doc, Region};
use super::field_label::{label_or_column_values, label_values};
use super::normalise;
use super::running::Running;
use crate::record::Span;

/// One value a field rule read.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into the rule's slots.
    pub slot: usize,
    pub value: String,
    pub span: Span,
}

/// Runs a field rule over a region. `known` are the labels of all field
/// rules in force, where a label's value ends.
pub fn run(
    doc: &Doc,
    region: &Region,
    rule: &Field,
    known: &[&Regex],
    warnings: &mut Vec<String>,
) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    let cut;
    let region = match &rule.before {
        Some(re) => {
            cut = until_first(doc, region, re);
            &cut
        }
        None => region,
    };
    // With `combine = "last"`, the hits of the last match that gave any.
    let mut last: Vec<Hit> = Vec::new();
    each_match(doc, region, rule, known, |found| {
        let mut any = false;
        for (slot, raw, page, range) in found {
            let value = match &rule.value {
                Some(v) if !is_template(v) => v.clone(),
                _ => raw,
            };
            match normalise::chain(&value, &rule.slots[slot].normalise) {
                Ok(v) if !v.is_empty() => {
                    any = true;
                    out.push(Hit {
                        slot,
                        value: v,
                        span: doc.span(page, range),
                    });
                }
                Ok(_) => {}
                Err(e) => warnings.push(format!(
                    "regola {}: valore {:?} scartato: {e}",
                    rule.meta.id,
                    normalise::squash(&value)
                )),
            }
        }
        if any && rule.combine == Combine::First {
            return ControlFlow::Break(());
        }
        if any && rule.combine == Combine::Last {
            last = std::mem::take(&mut out);
        }
        ControlFlow::Continue(())
    });
    match rule.combine {
        Combine::Sum => sum(out),
        Combine::Count => count(out),
        Combine::Last => last,
        _ => out,
    }
}

/// Gives `f` the (slot, text, page, range) of each slot of every match of
/// a rule in a region, in reading order, until `f` breaks (a rule that
/// takes the first match reads no further). A regex rule reads running
/// text: the pieces of the region that continue each other over a page
/// break are one text to it ([`Running`]), so a sentence cut by a page
/// break is read whole. A label rule reads lines, page by page.
fn each_match(
    doc: &Doc,
    region: &Region,
    rule: &Field,
    known: &[&Regex],
    mut f: impl FnMut(Vec<Found>) -> ControlFlow<()>,
) {
    if let (Finder::Regex(re), false) = (&rule.finder, rule.block) {
        for run in Running::runs(doc, region) {
            if super::quick::may_match(rule.quick.as_ref(), &run.text)
                && regex_values(doc, &run, re, rule, &mut f).is_break()
            {
                return;
            }
        }
        return;
    }
    for piece in region {
        let text = doc
            .clean
            .get(piece.page)
            .and_then(|t| t.get(piece.range.clone()));
        if text.is_some_and(|t| !super::quick::may_match(rule.quick.as_ref(), t)) {
            continue;
        }
        let labels = match &rule.finder {
            Finder::Label(labels) => {
                label_or_column_values(doc, piece.page, piece.range.clone(), labels, rule, known)
            }
            Finder::Regex(re) => label_values(
                doc,
                piece.page,
                piece.range.clone(),
                std::slice::from_ref(re),
                rule,
                known,
            ),
        };
        for (v, r) in labels {
            let found = (0..rule.slots.len())
                .map(|s| (s, v.clone(), piece.page, r.clone()))
                .collect();
            if f(found).is_break() {
                return;
            }
        }
    }
}

/// Whether a rule's `value` is a template of the regex's captures
/// (`${name}`) rather than a fixed value.
pub(super) fn is_template(value: &str) -> bool {
    value.contains("${")
}

/// The capture names a template's `${name}` places ask for.
pub(super) fn template_names(value: &str) -> Vec<&str> {
    value
        .split("${")
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

/// What a match gives a slot: (slot, text, page index, byte range).
type Found = (usize, String, usize, Range<usize>);

/// The region up to the start of the first line that `re` matches in it
/// (the whole region when none does).
fn until_first(doc: &Doc, region: &Region, re: &Regex) -> Region {
    let mut out = Region::new();
    for piece in region {
        let text = doc.text(piece);
        if let Some(m) = re.find(text) {
            let line = text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
            out.push(super::document::Piece {
                page: piece.page,
                range: piece.range.start..piece.range.start + line,
            });
            return out;
        }
        out.push(piece.clone());
    }
    out
}

/// One hit per slot whose value is the number of hits, spanning them all.
fn count(hits: Vec<Hit>) -> Vec<Hit> {
    let mut out: Vec<(Hit, u64)> = Vec::new();
    for h in hits {
        match out.iter_mut().find(|(o, _)| o.slot == h.slot) {
            Some((o, n)) => {
                *n += 1;
                if o.span.page == h.span.page {
                    o.span.end = o.span.end.max(h.span.end);
                }
            }
            None => out.push((h, 1)),
        }
    }
    out.into_iter()
        .map(|(h, n)| Hit {
            value: n.to_string(),
            ..h
        })
        .collect()
}

fn sum(hits: Vec<Hit>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    for h in hits {
        let n: u64 = h.value.parse().unwrap_or(0);
        match out.iter_mut().find(|o| o.slot == h.slot) {
            Some(o) => {
                let total = o.value.parse::<u64>().unwrap_or(0) + n;
                o.value = total.to_string();
            }
            None => out.push(Hit {
                value: n.to_string(),
                ..h
            }),
        }
    }
    out
}

/// Gives `f` the (slot, text, page, range) of each match of a regex rule in
/// one running text, until it breaks.
fn regex_values(
    doc: &Doc,
    run: &Running,
    re: &Regex,
    rule: &Field,
    f: &mut impl FnMut(Vec<Found>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for caps in re.captures_iter(&run.text) {
        let mut m = Vec::new();
        let mut inside_reference = false;
        for (i, slot) in rule.slots.iter().enumerate() {
            let g = match &slot.capture {
                Some(name) => caps.name(name),
                None => caps.name("value").or_else(|| caps.get(0)),
            };
            let Some(g) = g else { continue };
            let Some((page, range)) = run.locate(g.start()..g.end()) else {
                continue;
            };
            let is_date = slot.normalise.iter().any(|n| n == "date")
                || slot.field.ends_with("date")
                || slot.field == "validity_end";
            // A rule kept to the header (`before`) reads the act's own
            // heading, which the reference reader takes for a citation
            // ("DETERMINAZIONE ... N. 274 del 03/11/2021").
            if is_date && rule.before.is_none() && doc.in_reference(page, &range) {
                inside_reference = true;
            }
            // A value written as a template ("Direzione ${level} ${rest}")
            // is made of the match's captures; the span stays the slot's.
            let text = match rule.value.as_deref() {
                Some(t) if is_template(t) => {
                    let mut out = String::new();
                    caps.expand(t, &mut out);
                    out
                }
                _ => g.as_str().to_owned(),
            };
            m.push((i, text, page, range));
        }
        let misplaced = rule.under.as_ref().is_some_and(|h| {
            m.first()
                .is_some_and(|(_, _, p, r)| !doc.under_header(*p, h, r.clone()))
        });
        let refused = rule
            .not_value
            .as_ref()
            .is_some_and(|n| m.first().is_some_and(|(_, v, _, _)| n.is_match(v)));
        if !inside_reference && !misplaced && !refused && !m.is_empty() {
            f(m)?;
        }
    }
    ControlFlow::Continue(())
}

//! Classifiers: one value of a decision chosen among named classes (the
//! act's principal purpose, how its contractor was chosen) by weighted
//! cues, counted where the act says them.
//!
//! An act says what it does in its dispositive part, after the heading
//! `DETERMINA`, `DELIBERA`, `DECRETA`, `DISPONE`; its subject says it
//! in brief; its premises recount what came before (the contract a payment
//! settles, the law a grant applies). So a cue's weight is multiplied by
//! the weight of the zone it is found in (`zones`), and each cue counts
//! once per item of a zone (a numbered point of the dispositive, a `VISTO`
//! of the premises), so that an act is classified by what most of its
//! points dispose, not by one word. A cue is wording (`regex`) or a cited
//! provision (`references`, read by the legal-reference reader: "art. 50,
//! comma 1, lett. b) del d.lgs. 36/2023"). The class with the highest
//! score wins if it reaches `threshold`, else `otherwise`.
//!
//! A classifier may also name the provision its class rests on (`basis`):
//! the reference a winning reference cue matched, else the reference of one
//! of `basis.acts` nearest to a winning word cue, written as a short
//! citation (`d.lgs. 36/2023 art. 50 c. 1 lett. b`) with its URN:NIR.
//! Every value keeps the span of the cue (or reference) that decided it.

use std::ops::Range;

use super::rule_regex::Regex;

use super::classifier_basis::{citation, Basis, Provision};
pub use super::classifier_zones::Zone;
use super::classifier_zones::{items, Item, Marks};
use super::document::Doc;
use super::meta::Meta;
use super::running::Running;
use super::target::{self, Record};
use super::RuleOutput;
use crate::record::{Decision, Field, Reference, Span};

/// A compiled `[[cue]]`.
#[derive(Debug, Clone)]
pub struct Cue {
    pub meta: Meta,
    pub class: String,
    pub regex: Option<Regex>,
    pub references: Vec<Provision>,
    pub unless: Option<Regex>,
    pub weight: f64,
    /// Empty: every zone.
    pub zones: Vec<Zone>,
}

/// A compiled `[[classifier]]` with its cues.
#[derive(Debug, Clone)]
pub struct Classifier {
    pub meta: Meta,
    pub kinds: Vec<String>,
    pub record: Record,
    pub field: String,
    pub classes: Vec<String>,
    pub otherwise: Option<String>,
    pub threshold: f64,
    /// Where the act's zones and items begin and end.
    pub marks: Marks,
    /// Items that note rather than dispose, and what their cue counts.
    pub aside: Option<(Regex, f64)>,
    pub zones: Vec<(Zone, f64)>,
    /// (classifier id, class).
    pub when: Option<(String, String)>,
    pub basis: Option<Basis>,
    pub cues: Vec<Cue>,
}

/// Where a class's score came from: the cue and the span it matched.
#[derive(Debug, Clone)]
pub struct Hit {
    pub cue: usize,
    pub zone: Zone,
    pub page: usize,
    pub range: Range<usize>,
    pub score: f64,
    /// For a reference cue, the reference it matched.
    pub reference: Option<usize>,
    /// The item it was found in.
    pub item: Range<usize>,
}

/// What a classifier decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub value: String,
    /// The rule that decided it: the strongest cue's id, or the
    /// classifier's when `otherwise` was given.
    pub rule: String,
    pub span: Option<Span>,
    /// The provision, as a short citation, with its URN and span.
    pub basis: Option<(String, Option<String>, Option<Span>)>,
}

/// What each item says: the first cue found in it (the earliest match;
/// at the same place, the heavier cue), weighted by its zone. An item is
/// counted for one class only: "di liquidare la fattura del servizio
/// affidato" is a payment, "di affidare il servizio e di impegnare la
/// spesa" a contract.
pub fn hits(
    c: &Classifier,
    doc: &Doc,
    items: &[Item],
    refs: &[(usize, Range<usize>, &Reference)],
) -> Vec<Hit> {
    let mut out = Vec::new();
    for it in items {
        let Some(zw) = c.zones.iter().find(|(z, _)| *z == it.zone).map(|(_, w)| *w) else {
            continue;
        };
        // An item cut by a page break is read as one text; if its pieces
        // do not read on as one, its first page's piece alone.
        let pieces = it.pieces();
        let mut runs = Running::runs(doc, &pieces);
        if runs.len() != 1 {
            runs = Running::runs(doc, &pieces[..1]);
        }
        let Some(run) = runs.pop() else {
            continue;
        };
        let text: &str = &run.text;
        let zw = match &c.aside {
            Some((re, w)) if re.is_match(text) => zw * w,
            _ => zw,
        };
        let mut first: Option<Hit> = None;
        for (ci, cue) in c.cues.iter().enumerate() {
            if !cue.zones.is_empty() && !cue.zones.contains(&it.zone) {
                continue;
            }
            if cue.unless.as_ref().is_some_and(|u| u.is_match(text)) {
                continue;
            }
            let found = match &cue.regex {
                Some(re) => re.find(text).and_then(|m| {
                    let (p, r) = run.locate(m.start()..m.end())?;
                    Some((p, r, None))
                }),
                None => refs.iter().enumerate().find_map(|(ri, (p, r, rf))| {
                    (pieces.iter().any(|pc| {
                        pc.page == *p && pc.range.start <= r.start && r.start < pc.range.end
                    }) && cue.references.iter().any(|pr| pr.matches(rf)))
                    .then(|| (*p, r.clone(), Some(ri)))
                }),
            };
            let Some((page, range, reference)) = found else {
                continue;
            };
            let item = pieces
                .iter()
                .find(|pc| pc.page == page)
                .map_or(it.range.clone(), |pc| pc.range.clone());
            let hit = Hit {
                cue: ci,
                zone: it.zone,
                page,
                range,
                score: cue.weight * zw,
                reference,
                item,
            };
            let better = first.as_ref().is_none_or(|f| {
                (hit.page, hit.range.start, -hit.score) < (f.page, f.range.start, -f.score)
            });
            if better {
                first = Some(hit);
            }
        }
        out.extend(first);
    }
    out
}

/// The class the hits give, and the hits of that class strongest first.
pub fn decide<'h>(c: &Classifier, hits: &'h [Hit]) -> Option<(String, Vec<&'h Hit>)> {
    let mut best: Option<(f64, &String)> = None;
    for class in &c.classes {
        let s: f64 = hits
            .iter()
            .filter(|h| &c.cues[h.cue].class == class)
            .map(|h| h.score)
            .sum();
        if s >= c.threshold && s > 0.0 && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, class));
        }
    }
    let (_, class) = best?;
    let mut own: Vec<&Hit> = hits
        .iter()
        .filter(|h| &c.cues[h.cue].class == class)
        .collect();
    own.sort_by(|a, b| b.score.total_cmp(&a.score));
    Some((class.clone(), own))
}

/// Runs one classifier over a document: its value, the rule that decided
/// it and where, and the basis when it has one. `subject` is the span of
/// the decision's subject (page index and range).
pub fn classify(
    c: &Classifier,
    doc: &Doc,
    subject: Option<(usize, Range<usize>)>,
    references: &[Reference],
) -> Option<Verdict> {
    let refs: Vec<(usize, Range<usize>, &Reference)> = references
        .iter()
        .filter_map(|r| {
            let s = r.span.as_ref()?;
            let p = doc.pages.iter().position(|pg| pg.number == s.page)?;
            // A provision cited inside a quotation is the quoted text's
            // ("... di cui all'articolo 50, comma 1 lettere a) e b), del
            // codice”), not what the act itself rests on.
            let quoted = atti_italian::quotation::inside(&doc.clean, p, s.start);
            (!quoted).then_some((p, s.start..s.end, r))
        })
        .collect();
    let items = items(&c.marks, doc, subject.clone());
    let hits = hits(c, doc, &items, &refs);
    match decide(c, &hits) {
        Some((value, own)) => {
            let top = own[0];
            let basis = c.basis.as_ref().and_then(|b| {
                let i = basis_of(c, b, &value, &own, &refs)?;
                let (p, r, rf) = &refs[i];
                Some((
                    citation(b, rf),
                    rf.urn.clone(),
                    Some(doc.span(*p, r.clone())),
                ))
            });
            Some(Verdict {
                value,
                rule: c.cues[top.cue].meta.id.clone(),
                span: Some(doc.span(top.page, top.range.clone())),
                basis,
            })
        }
        None => c.otherwise.clone().map(|value| Verdict {
            value,
            rule: c.meta.id.clone(),
            span: subject.map(|(p, r)| doc.span(p, r)),
            basis: None,
        }),
    }
}

/// Runs the classifiers of a document's kind over each of its decisions,
/// in declaration order, and puts their values into the decision (and
/// into [`RuleOutput::fields`], with the deciding rule and span). A
/// document of such a kind without a decision record gets one when a cue
/// decided something.
pub fn apply(classifiers: &[Classifier], doc: &Doc, kind: &str, x: &mut RuleOutput) {
    let active: Vec<&Classifier> = classifiers
        .iter()
        .filter(|c| c.kinds.is_empty() || c.kinds.iter().any(|k| k == kind))
        .collect();
    if active.is_empty() {
        return;
    }
    let mut created = false;
    if x.decisions.is_empty() {
        x.decisions.push(Decision::default());
        created = true;
    }
    let mut decided_by_cue = false;
    // What the classifiers put is appended after the fields read before
    // (the act's codes among them), which stay when the decision goes.
    let read_before = x.fields.len();
    for d in &mut x.decisions {
        let subject = d.spans.get("subject").and_then(|s| {
            let p = doc.pages.iter().position(|pg| pg.number == s.page)?;
            Some((p, s.start..s.end.min(doc.clean[p].len())))
        });
        let mut given: Vec<(&str, String)> = Vec::new();
        for c in &active {
            if let Some((other, class)) = &c.when {
                if !given.iter().any(|(id, v)| id == other && v == class) {
                    continue;
                }
            }
            let Some(v) = classify(c, doc, subject.clone(), &x.references) else {
                continue;
            };
            decided_by_cue |= v.rule != c.meta.id;
            given.push((c.meta.id.as_str(), v.value.clone()));
            put(d, &c.field, &v.value, &v.rule, v.span, &mut x.fields);
            if let (Some(b), Some((cite, urn, span))) = (&c.basis, v.basis) {
                put(d, &b.field, &cite, &v.rule, span, &mut x.fields);
                if let (Some(f), Some(u)) = (&b.urn_field, urn) {
                    put(d, f, &u, &v.rule, span, &mut x.fields);
                }
            }
        }
    }
    if created && !decided_by_cue {
        x.decisions.clear();
        x.fields.truncate(read_before);
    }
}

/// Sets one decision field and lists it among the values read.
fn put(
    d: &mut Decision,
    field: &str,
    value: &str,
    rule: &str,
    span: Option<Span>,
    fields: &mut Vec<Field>,
) {
    let at = span.unwrap_or(Span {
        page: 1,
        start: 0,
        end: 0,
    });
    if let Ok(true) = target::set_decision(d, field, value, at) {
        if span.is_none() {
            d.spans.remove(field);
        }
        fields.push(Field {
            name: format!("decision.{field}"),
            value: value.to_owned(),
            rule: rule.to_owned(),
            span,
        });
    }
}

/// What a cue reads in an example's input: its class when it matches (and
/// `unless` does not), else nothing.
pub fn cue_example(cue: &Cue, input: &str, references: &[Reference]) -> String {
    if cue.unless.as_ref().is_some_and(|u| u.is_match(input)) {
        return String::new();
    }
    let hit = match &cue.regex {
        Some(re) => re.is_match(input),
        None => references
            .iter()
            .any(|r| cue.references.iter().any(|p| p.matches(r))),
    };
    if hit {
        cue.class.clone()
    } else {
        String::new()
    }
}

/// What a classifier gives for an example's input (an act's text, with no
/// subject read): its value, and `|` and the basis when it has one.
pub fn classifier_example(
    classifiers: &[Classifier],
    c: &Classifier,
    doc: &Doc,
    references: Vec<Reference>,
) -> String {
    let kind = c.kinds.first().cloned().unwrap_or_default();
    let mut x = RuleOutput {
        references,
        decisions: vec![Decision::default()],
        ..RuleOutput::default()
    };
    apply(classifiers, doc, &kind, &mut x);
    let get = |f: &str| {
        x.fields
            .iter()
            .find(|v| v.name == format!("decision.{f}"))
            .map(|v| v.value.clone())
    };
    let mut got = get(&c.field).unwrap_or_default();
    if let Some(b) = c.basis.as_ref().and_then(|b| get(&b.field)) {
        got.push('|');
        got.push_str(&b);
    }
    got
}

/// The provision the winning class rests on: a winning reference cue's
/// reference; else, near a winning word cue (within the window, or in its
/// item when a reference cue of the class names it), the reference of one
/// of the basis acts with an article: one that a reference cue of the
/// class names, near any of the winning words, first; else the nearest to
/// the strongest words, a reference
/// after the words counting nearer than one before them ("affidamento
/// diretto ai sensi dell'art. 50" is how acts put it).
pub fn basis_of(
    c: &Classifier,
    b: &Basis,
    class: &str,
    own: &[&Hit],
    refs: &[(usize, Range<usize>, &Reference)],
) -> Option<usize> {
    if let Some(r) = own.iter().find_map(|h| h.reference) {
        return Some(r);
    }
    let named = |rf: &Reference| {
        c.cues
            .iter()
            .filter(|q| q.class == class)
            .any(|q| q.references.iter().any(|p| p.matches(rf)))
    };
    // A provision the class's reference cues name, near any of its words,
    // before any other provision near the strongest ones.
    for want_named in [true, false] {
        for h in own {
            let near = refs
                .iter()
                .enumerate()
                .filter(|(_, (p, r, rf))| {
                    let in_item = h.item.start <= r.start && r.start < h.item.end;
                    let in_window =
                        r.start + b.window >= h.range.start && r.end <= h.range.end + b.window;
                    *p == h.page
                        && rf.article.is_some()
                        && b.acts.iter().any(|a| a.matches(rf))
                        && !b.not.iter().any(|a| a.matches(rf))
                        && (in_window || (in_item && named(rf)))
                        && (!want_named || named(rf))
                })
                .min_by_key(|(_, (_, r, _))| {
                    if r.start >= h.range.end {
                        r.start - h.range.end
                    } else {
                        4 * h.range.start.saturating_sub(r.end)
                    }
                });
            if let Some((i, _)) = near {
                return Some(i);
            }
        }
    }
    None
}

//! One part of a document read by its rules: the sections, the field and
//! table rules of its kind, and the records they fill (an objective with
//! its phases and indicators, a decision), settled into the output.

use std::collections::HashMap;

use super::rule_regex::Regex;

use super::compiled::{self, Compiled, Slot};
use super::document::{Doc, Region};
use super::target::{self, DocFacts, Record};
use super::{applies, field, objective_rows, section, table, RuleOutput};
use crate::record::{Decision, Field, Indicator, Objective, Phase, Span};

/// The records of one part of a document, as its rules fill them.
#[derive(Debug, Default)]
pub(super) struct PartRecords {
    objective: Objective,
    /// Objectives read from the rows of a table of objectives, each with
    /// its indicators (see [`objective_rows`]).
    row_objectives: Vec<(Objective, Vec<Indicator>)>,
    decision: Decision,
    facts: DocFacts,
    phases: Vec<Phase>,
    indicators: Vec<Indicator>,
}

/// Puts a value into its record; `Ok(false)` when the field already had one.
fn set(rec: &mut PartRecords, slot: &Slot, value: &str, span: Span) -> Result<bool, String> {
    match slot.record {
        Record::Objective => target::set_objective(&mut rec.objective, &slot.field, value, span),
        Record::Decision => target::set_decision(&mut rec.decision, &slot.field, value, span),
        Record::Document => target::set_document(&mut rec.facts, &slot.field, value),
        Record::Phase | Record::Indicator => Err(format!(
            "`{}` is read by a [[table]] rule, not a field rule",
            slot.name
        )),
    }
}

pub(super) fn read_part(
    rules: &Compiled,
    doc: &Doc,
    part: &Region,
    head: Option<&Doc>,
    kind: &str,
    known: &[&Regex],
    x: &mut RuleOutput,
) -> PartRecords {
    let mut rec = PartRecords::default();
    let mut sections: HashMap<&str, Region> = HashMap::new();
    for s in rules.sections.iter().filter(|s| applies(&s.kinds, kind)) {
        if let Some(r) = section::section(doc, part, &s.start, s.end.as_ref()) {
            sections.insert(s.meta.id.as_str(), r);
        }
    }
    let region_of = |s: &Option<String>| -> Option<&Region> {
        match s {
            Some(id) => sections.get(id.as_str()),
            None => Some(part),
        }
    };
    let head_all = head.map(Doc::all);
    for f in rules.fields.iter().filter(|f| applies(&f.kinds, kind)) {
        // A rule of the letterhead reads it alone (and nothing where the
        // part has none); spans read there point outside the page text.
        let (on, region) = match (f.letterhead, head, &head_all) {
            (true, Some(h), Some(all)) => (h, all),
            (true, ..) => continue,
            (false, ..) => match region_of(&f.section) {
                Some(r) => (doc, r),
                None => continue,
            },
        };
        for mut hit in field::run(on, region, f, known, &mut x.warnings) {
            if f.letterhead {
                hit.span = crate::record::Span::outside_text(hit.span.page);
            }
            let slot = &f.slots[hit.slot];
            match set(&mut rec, slot, &hit.value, hit.span) {
                Ok(true) => x.fields.push(Field {
                    name: slot.name.clone(),
                    value: hit.value,
                    rule: f.meta.id.clone(),
                    span: Some(hit.span),
                }),
                Ok(false) => {}
                Err(e) => x
                    .warnings
                    .push(format!("regola {}: {}: {e}", f.meta.id, slot.name)),
            }
        }
    }
    for t in rules.tables.iter().filter(|t| applies(&t.kinds, kind)) {
        // A table is found by its header's labels: where its section's
        // heading is missing, the whole part is searched.
        let region = region_of(&t.section).unwrap_or(part);
        if t.record == Record::Objective {
            let rows = table::rows(doc, region, t);
            let found = objective_rows::group(t, &rows, doc, &mut x.fields, &mut x.warnings);
            rec.row_objectives.extend(found);
            continue;
        }
        for row in table::rows(doc, region, t) {
            read_row(t, &row, doc, &mut rec, x);
        }
    }
    rec
}

fn read_row(
    t: &compiled::Table,
    row: &table::Row,
    doc: &Doc,
    rec: &mut PartRecords,
    x: &mut RuleOutput,
) {
    let seq = match t.record {
        Record::Phase => rec.phases.len() + 1,
        _ => rec.indicators.len() + 1,
    } as u32;
    let mut phase = Phase {
        seq,
        ..Phase::default()
    };
    let mut indicator = Indicator {
        seq,
        ..Indicator::default()
    };
    let mut any = false;
    for (c, value, span) in table::values(t, row, seq as usize, doc, &mut x.warnings) {
        let set = match t.record {
            Record::Phase => target::set_phase(&mut phase, &c.field, &value, span),
            _ => target::set_indicator(&mut indicator, &c.field, &value, span),
        };
        match set {
            Ok(_) => {
                any = true;
                x.fields.push(Field {
                    name: format!("{}[{seq}].{}", t.record_name, c.field),
                    value,
                    rule: t.meta.id.clone(),
                    span: Some(span),
                });
            }
            Err(e) => x.warnings.push(format!("regola {}: {e}", t.meta.id)),
        }
    }
    if !any {
        return;
    }
    match t.record {
        Record::Phase => rec.phases.push(phase),
        _ => rec.indicators.push(indicator),
    }
}

pub(super) fn finish_part(rec: PartRecords, x: &mut RuleOutput, facts: &mut DocFacts) {
    let code = rec.objective.objective_code.clone();
    // A part whose objectives are rows of a table is read from the table:
    // what field rules took from its header and rows is not an objective.
    if rec.objective != Objective::default() && rec.row_objectives.is_empty() {
        x.objectives.push(rec.objective);
    }
    for (o, indicators) in rec.row_objectives {
        x.objectives.push(o);
        x.indicators.extend(indicators);
    }
    for mut p in rec.phases {
        p.objective_code = code.clone();
        x.phases.push(p);
    }
    for mut i in rec.indicators {
        i.objective_code = code.clone();
        x.indicators.push(i);
    }
    if rec.decision != Decision::default() {
        let mut d = rec.decision;
        target::settle_vote(&mut d);
        if target::settle_office_number(&mut d) {
            x.fields.retain(|f| !f.name.starts_with("decision.office_"));
        }
        target::settle_responsible(&mut d);
        // The value read as `@signer` is the signer's name, or nothing.
        let signer = d.responsible.clone();
        let span = d.spans.get("responsible").copied();
        x.fields.retain_mut(|f| {
            if f.name != "decision.responsible" || f.value != target::SIGNER {
                return true;
            }
            match &signer {
                Some(name) => {
                    f.value = name.clone();
                    f.span = span;
                    true
                }
                None => false,
            }
        });
        x.decisions.push(d);
    }
    if facts.title.is_none() {
        facts.title = rec.facts.title;
    }
    if facts.date.is_none() {
        facts.date = rec.facts.date;
    }
    if facts.year.is_none() {
        facts.year = rec.facts.year;
    }
}

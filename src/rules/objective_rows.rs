//! Table rules of `record = "objective"`: a sheet of objectives, one row
//! per objective, or per objective × indicator × period (the shape
//! performance software exports for PEG monitoring).
//!
//! Such a rule's columns name their record: `objective_code` (the key) or
//! `objective.title` for the objective, `indicator.description`,
//! `indicator.expected`, `indicator.result`, `indicator.result_period` for
//! the indicator a row is about. Rows are grouped by the objective's code
//! (the first row of a code gives its values, later rows only fill what it
//! left empty) and, within an objective, by the indicator's description;
//! an indicator met again in a later period keeps its target and takes the
//! later row's result and period, so its `result` is the latest measured.

use super::compiled::Table;
use super::document::Doc;
use super::table::{self, Row};
use super::target;
use crate::record::{Field, Indicator, Objective};

/// The objectives read from a table's rows, each with its indicators.
pub(super) fn group(
    t: &Table,
    rows: &[Row],
    doc: &Doc,
    fields: &mut Vec<Field>,
    warnings: &mut Vec<String>,
) -> Vec<(Objective, Vec<Indicator>)> {
    let mut out: Vec<(Objective, Vec<Indicator>)> = Vec::new();
    for (n, row) in rows.iter().enumerate() {
        let mut objective = Objective::default();
        let mut indicator = Indicator::default();
        for (c, value, span) in table::values(t, row, n + 1, doc, warnings) {
            let (record, field) = c.field.split_once('.').unwrap_or(("objective", &c.field));
            let set = match record {
                "indicator" => target::set_indicator(&mut indicator, field, &value, span),
                _ => target::set_objective(&mut objective, field, &value, span),
            };
            match set {
                Ok(_) => fields.push(Field {
                    name: format!("{}[{}].{}", t.record_name, n + 1, c.field),
                    value,
                    rule: t.meta.id.clone(),
                    span: Some(span),
                }),
                Err(e) => warnings.push(format!("regola {}: {e}", t.meta.id)),
            }
        }
        let Some(code) = objective.objective_code.clone() else {
            continue;
        };
        let at = match out
            .iter()
            .position(|(o, _)| o.objective_code.as_deref() == Some(&code))
        {
            Some(i) => i,
            None => {
                out.push((Objective::default(), Vec::new()));
                out.len() - 1
            }
        };
        let (o, indicators) = &mut out[at];
        fill(o, objective);
        if indicator.description.is_none() {
            continue;
        }
        match indicators
            .iter_mut()
            .find(|i| i.description == indicator.description)
        {
            Some(i) => {
                if indicator.result.is_some() {
                    i.result = indicator.result;
                    i.result_period = indicator.result_period;
                }
            }
            None => {
                indicator.seq = indicators.len() as u32 + 1;
                indicator.objective_code = Some(code);
                indicators.push(indicator);
            }
        }
    }
    out
}

/// Fills the empty fields of `o` from `from`.
fn fill(o: &mut Objective, from: Objective) {
    macro_rules! take {
        ($($f:ident),*) => {$(
            if o.$f.is_none() {
                o.$f = from.$f;
            }
        )*};
    }
    take!(
        objective_code,
        year,
        title,
        direction,
        director,
        service,
        manager,
        typology,
        classification,
        strategic_direction_code,
        strategic_direction,
        strategic_objective_code,
        strategic_objective,
        mission,
        operational_objective,
        description
    );
    for (k, v) in from.spans {
        o.spans.entry(k).or_insert(v);
    }
}

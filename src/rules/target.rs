//! Targets: where a rule's value goes, written `record.field`
//! (`objective.director`, `decision.validity_end`, `phase.start_date`).
//!
//! This is the one place that knows the record structs of
//! [`crate::record`]: which fields exist, what type each holds, and how a
//! normalised string becomes that type. Rules are checked against
//! [`check`] when they are compiled, so a misspelt target is a rules-file
//! error, not a value silently lost.

use chrono::NaiveDate;

use crate::record::schema::TableId;
use crate::record::{Decision, Indicator, Objective, Phase, Span};

use super::normalise;

/// The records rules can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    Objective,
    Phase,
    Indicator,
    Decision,
    /// Facts about the document itself: `document.title`, `document.date`, `document.year`.
    Document,
}

/// Reads `record.field`, refusing records and fields that do not exist.
/// The fields a rule may set are those the output tables' schema marks as
/// filled by rules ([`crate::record::schema`]).
pub fn check(target: &str) -> Result<(Record, String), String> {
    let (rec, field) = target
        .split_once('.')
        .ok_or_else(|| format!("target `{target}` is not `record.field`"))?;
    let record = match rec {
        "objective" => Record::Objective,
        "phase" => Record::Phase,
        "indicator" => Record::Indicator,
        "decision" => Record::Decision,
        "document" => Record::Document,
        _ => {
            return Err(format!(
                "unknown record `{rec}` in target `{target}` (objective, phase, indicator, decision, document)"
            ))
        }
    };
    let fields = TableId::of_record(rec)
        .expect("every record rules fill has a table")
        .schema()
        .rule_fields();
    if !fields.contains(&field) {
        return Err(format!(
            "unknown field `{field}` of `{rec}` (known: {})",
            fields.join(", ")
        ));
    }
    Ok((record, field.to_owned()))
}

/// The fields of a table record, for checking a table's columns.
pub fn record_of_table(name: &str) -> Result<Record, String> {
    match name {
        "phase" => Ok(Record::Phase),
        "indicator" => Ok(Record::Indicator),
        "objective" => Ok(Record::Objective),
        _ => Err(format!(
            "unknown table record `{name}` (tables read `phase`, `indicator` or `objective`)"
        )),
    }
}

/// Whether a value of this field is a list that every match adds to.
pub fn is_list(field: &str) -> bool {
    matches!(field, "approved_by" | "signatories")
}

fn date(v: &str) -> Result<NaiveDate, String> {
    atti_italian::date::parse_date(v).map_err(|e| e.to_string())
}

fn int(v: &str) -> Result<u32, String> {
    normalise::integer(v)?
        .parse()
        .map_err(|_| format!("not a count: {v:?}"))
}

fn boolean(v: &str) -> Result<bool, String> {
    match v.trim().to_lowercase().as_str() {
        "true" | "si" | "sì" | "yes" | "1" | "x" => Ok(true),
        "false" | "no" | "0" => Ok(false),
        _ => Err(format!("not yes or no: {v:?}")),
    }
}

fn text(v: &str) -> Option<String> {
    let t = normalise::squash(v);
    (!t.is_empty()).then_some(t)
}

/// Facts about the whole document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocFacts {
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub year: Option<i32>,
}

/// Sets one field of an objective. `Ok(false)` when it already had a value.
pub fn set_objective(o: &mut Objective, field: &str, v: &str, span: Span) -> Result<bool, String> {
    let slot = match field {
        "year" => {
            if o.year.is_some() {
                return Ok(false);
            }
            o.year = Some(
                normalise::integer(v)?
                    .parse()
                    .map_err(|_| format!("not a year: {v:?}"))?,
            );
            o.spans.insert(field.into(), span);
            return Ok(true);
        }
        "objective_code" => &mut o.objective_code,
        "title" => &mut o.title,
        "direction" => &mut o.direction,
        "director" => &mut o.director,
        "service" => &mut o.service,
        "manager" => &mut o.manager,
        "typology" => &mut o.typology,
        "classification" => &mut o.classification,
        "strategic_direction_code" => &mut o.strategic_direction_code,
        "strategic_direction" => &mut o.strategic_direction,
        "strategic_objective_code" => &mut o.strategic_objective_code,
        "strategic_objective" => &mut o.strategic_objective,
        "mission" => &mut o.mission,
        "operational_objective" => &mut o.operational_objective,
        "description" => &mut o.description,
        _ => return Err(format!("objective has no field `{field}`")),
    };
    if slot.is_some() {
        return Ok(false);
    }
    *slot = text(v);
    o.spans.insert(field.into(), span);
    Ok(slot.is_some())
}

/// Sets one field of a phase (a table cell: wrapped parts were already joined).
pub fn set_phase(p: &mut Phase, field: &str, v: &str, span: Span) -> Result<bool, String> {
    match field {
        "description" => p.description = text(v),
        "weight" => {
            p.weight = Some(
                normalise::number(v)?
                    .parse()
                    .map_err(|_| format!("not a weight: {v:?}"))?,
            )
        }
        "start_date" => p.start_date = Some(date(v)?),
        "end_date" => p.end_date = Some(date(v)?),
        "responsible" => p.responsible = text(v),
        "responsibility_centre" => p.responsibility_centre = text(v),
        "notes" => p.notes = text(v),
        _ => return Err(format!("phase has no field `{field}`")),
    }
    p.spans.insert(field.into(), span);
    Ok(true)
}

/// Sets one field of an indicator.
pub fn set_indicator(i: &mut Indicator, field: &str, v: &str, span: Span) -> Result<bool, String> {
    match field {
        "description" => i.description = text(v),
        "indicator_type" => i.indicator_type = text(v),
        "expected" | "expected_raw" => {
            let raw = normalise::squash(v);
            let (op, value) = normalise::comparator(&raw);
            i.expected_operator = Some(op);
            i.expected_value = text(&value);
            i.expected_raw = text(&raw);
            for f in ["expected_operator", "expected_value", "expected_raw"] {
                i.spans.insert(f.into(), span);
            }
            return Ok(true);
        }
        "expected_operator" => i.expected_operator = Some(normalise::squash(v)),
        "expected_value" => i.expected_value = text(v),
        "result" => i.result = text(v),
        "result_period" => {
            i.result_period = text(v).map(|t| match atti_italian::date::parse_date(&t) {
                Ok(d) => d.to_string(),
                Err(_) => t,
            })
        }
        _ => return Err(format!("indicator has no field `{field}`")),
    }
    i.spans.insert(field.into(), span);
    Ok(true)
}

/// Sets one field of a decision. List fields add to the list; others keep
/// their first value.
pub fn set_decision(d: &mut Decision, field: &str, v: &str, span: Span) -> Result<bool, String> {
    macro_rules! once {
        ($slot:expr, $val:expr) => {{
            if $slot.is_some() {
                return Ok(false);
            }
            $slot = Some($val);
        }};
    }
    match field {
        "body" => once!(d.body, normalise::squash(v)),
        "act_type" => once!(d.act_type, normalise::squash(v)),
        "act_number" => once!(d.act_number, normalise::squash(v)),
        "decision_date" => once!(d.decision_date, date(v)?),
        "office" => once!(d.office, normalise::squash(v)),
        "office_number" => once!(d.office_number, normalise::squash(v)),
        "office_date" => once!(d.office_date, date(v)?),
        "subject" => once!(d.subject, normalise::squash(v)),
        "outcome" => once!(d.outcome, normalise::squash(v)),
        "present_count" => once!(d.present_count, int(v)?),
        "absent_count" => once!(d.absent_count, int(v)?),
        "votes_for" => once!(d.votes_for, int(v)?),
        "votes_against" => once!(d.votes_against, int(v)?),
        "abstentions" => once!(d.abstentions, int(v)?),
        "immediately_executable" => once!(d.immediately_executable, boolean(v)?),
        "validity_end" => once!(d.validity_end, date(v)?),
        "procedure" => once!(d.procedure, normalise::squash(v)),
        "selection_method" => once!(d.selection_method, normalise::squash(v)),
        "selection_basis" => once!(d.selection_basis, normalise::squash(v)),
        "selection_basis_urn" => once!(d.selection_basis_urn, normalise::squash(v)),
        "responsible" => once!(d.responsible, normalise::squash(v)),
        "approved_by" | "signatories" => {
            let list = if field == "approved_by" {
                &mut d.approved_by
            } else {
                &mut d.signatories
            };
            let t = normalise::squash(v);
            if t.is_empty() || list.contains(&t) {
                return Ok(false);
            }
            list.push(t);
            // The first occurrence is the one a person looks up.
            d.spans.entry(field.into()).or_insert(span);
            return Ok(true);
        }
        _ => return Err(format!("decision has no field `{field}`")),
    }
    d.spans.insert(field.into(), span);
    Ok(true)
}

/// The value a rule gives `responsible` when the act says its signer is
/// the responsible officer ("il sottoscritto assume il ruolo di RUP").
pub const SIGNER: &str = "@signer";

/// Puts the signer's name where a rule found that the signer is the
/// responsible officer: the first signatory, with its span; none read, no
/// value.
pub fn settle_responsible(d: &mut Decision) {
    if d.responsible.as_deref() != Some(SIGNER) {
        return;
    }
    d.responsible = d.signatories.first().cloned();
    match (d.responsible.is_some(), d.spans.get("signatories").copied()) {
        (true, Some(span)) => {
            d.spans.insert("responsible".into(), span);
        }
        _ => {
            d.spans.remove("responsible");
        }
    }
}

/// The outcome of a vote passed with no vote against and none abstaining.
pub const UNANIMOUS: &str = "approvata all'unanimità";
/// The outcome of a vote passed with votes against or abstentions.
pub const APPROVED: &str = "approvata";

/// Makes the outcome agree with the vote's counts, once every rule has
/// read: an approval with votes in favour and none against or abstaining
/// (where the act gives those counts) is unanimous; one with votes against
/// or abstentions is not, whatever formula another vote of the act used
/// (the vote on immediate executability, an amendment's).
pub fn settle_vote(d: &mut Decision) {
    let Some(outcome) = d.outcome.as_deref() else {
        return;
    };
    if !outcome.starts_with(APPROVED) {
        return;
    }
    let split = d.votes_against.is_some_and(|n| n > 0) || d.abstentions.is_some_and(|n| n > 0);
    let whole = d.votes_for.is_some_and(|n| n > 0)
        && d.votes_against == Some(0)
        && d.abstentions.is_none_or(|n| n == 0);
    if split {
        d.outcome = Some(APPROVED.to_owned());
    } else if whole {
        d.outcome = Some(UNANIMOUS.to_owned());
    }
}

/// Drops an office number that is the general register's number read
/// again (a heading "DETERMINAZIONE N. 234" beside "Registro generale n.
/// 234"): the office's own register has a number of its own. Says whether
/// it dropped one.
pub fn settle_office_number(d: &mut Decision) -> bool {
    let key = |s: &str| {
        let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
        digits.trim_start_matches('0').to_owned()
    };
    let same = match (&d.office_number, &d.act_number) {
        (Some(o), Some(a)) => !key(o).is_empty() && key(o) == key(a),
        _ => false,
    };
    if same {
        d.office_number = None;
        d.office_date = None;
        d.spans.remove("office_number");
        d.spans.remove("office_date");
    }
    same
}

/// Sets a document fact.
pub fn set_document(f: &mut DocFacts, field: &str, v: &str) -> Result<bool, String> {
    match field {
        "title" if f.title.is_none() => f.title = text(v),
        "date" if f.date.is_none() => f.date = Some(date(v)?),
        "year" if f.year.is_none() => {
            f.year = Some(
                normalise::integer(v)?
                    .parse()
                    .map_err(|_| format!("not a year: {v:?}"))?,
            )
        }
        "title" | "date" | "year" => return Ok(false),
        _ => return Err(format!("document has no field `{field}`")),
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_checked() {
        assert!(check("objective.director").is_ok());
        assert!(check("decision.validity_end").is_ok());
        assert!(check("objective.directr").is_err());
        assert!(check("nothing.here").is_err());
        assert!(check("nodot").is_err());
    }

    #[test]
    fn the_outcome_follows_the_counts_of_the_vote() {
        let mut d = Decision {
            outcome: Some(UNANIMOUS.into()),
            votes_for: Some(9),
            votes_against: Some(3),
            abstentions: Some(0),
            ..Decision::default()
        };
        settle_vote(&mut d);
        assert_eq!(d.outcome.as_deref(), Some(APPROVED));
        d.votes_against = Some(0);
        settle_vote(&mut d);
        assert_eq!(d.outcome.as_deref(), Some(UNANIMOUS));
        let mut rejected = Decision {
            outcome: Some("respinta".into()),
            votes_for: Some(2),
            votes_against: Some(0),
            ..Decision::default()
        };
        settle_vote(&mut rejected);
        assert_eq!(rejected.outcome.as_deref(), Some("respinta"));
    }

    #[test]
    fn an_office_number_equal_to_the_general_one_is_dropped() {
        let mut d = Decision {
            act_number: Some("234".into()),
            office_number: Some("234".into()),
            ..Decision::default()
        };
        assert!(settle_office_number(&mut d));
        assert_eq!(d.office_number, None);
        d.office_number = Some("45".into());
        assert!(!settle_office_number(&mut d));
        assert_eq!(d.office_number.as_deref(), Some("45"));
    }

    #[test]
    fn an_indicator_target_is_split() {
        let mut i = Indicator::default();
        let sp = Span {
            page: 1,
            start: 0,
            end: 4,
        };
        set_indicator(&mut i, "expected", "<= 30 giorni", sp).unwrap();
        assert_eq!(i.expected_operator.as_deref(), Some("<="));
        assert_eq!(i.expected_value.as_deref(), Some("30"));
        assert_eq!(i.expected_raw.as_deref(), Some("<= 30 giorni"));
    }
}

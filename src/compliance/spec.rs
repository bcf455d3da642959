//! The TOML form of a check, and its compilation into a [`Check`].
//!
//! ```toml
//! [[check]]
//! id = "peg.objective.director"
//! kind = "peg"                 # a document kind, or "*" for every kind
//! severity = "warning"         # info | warning | error
//! type = "required_field"
//! field = "objective.director" # record.field, only for required_field
//! description = "Ogni obiettivo del PEG indica il direttore."
//! ```
//!
//! Serde rejects unknown keys and values; what serde cannot see (a key that
//! does not belong to the check's type, a field no record has) is checked
//! here, and every error points at the check's line in the file.

use serde::Deserialize;

use super::check::{rows_in, Check, CheckType, RecordKind};
use super::Severity;
use crate::error::{Error, Result};
use crate::record::schema::TableId;
use crate::record::Document;
use crate::rules::source::{line_col, RuleSource};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    #[serde(default)]
    check: Vec<toml::Spanned<CheckSpec>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckSpec {
    id: String,
    kind: String,
    severity: SeveritySpec,
    description: String,
    #[serde(rename = "type")]
    check_type: TypeSpec,
    /// `record.field`, for `required_field`.
    field: Option<toml::Spanned<String>>,
    /// A table name, for `table_not_empty`.
    table: Option<toml::Spanned<String>>,
    /// How far from 100 a sum of weights may be, for `weights_sum_100`.
    tolerance: Option<toml::Spanned<f64>>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum SeveritySpec {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum TypeSpec {
    RequiredField,
    TableNotEmpty,
    StartNotAfterEnd,
    PhaseInObjectiveYear,
    ValidityExpired,
    AttendanceStated,
    IndicatorHasTarget,
    #[serde(rename = "weights_sum_100")]
    WeightsSum100,
    ReferenceNamesAct,
    CodesWellFormed,
}

/// Default allowance on a sum of weights: sheets round their percentages
/// (three phases of 33,33 make 99,99).
const DEFAULT_TOLERANCE: f64 = 0.5;

/// Parses and compiles the checks of one file.
pub fn parse(src: &RuleSource) -> Result<Vec<Check>> {
    let file: FileSpec = toml::from_str(&src.text).map_err(|e| {
        let at = e.span().map_or(0, |r| r.start);
        error(src, at, &check_id_at(&src.text, at), e.message().trim())
    })?;
    let mut out = Vec::with_capacity(file.check.len());
    for spanned in file.check {
        let at = spanned.span().start;
        let c = spanned.into_inner();
        out.push(compile(c).map_err(|(id, key_at, m)| error(src, key_at.unwrap_or(at), &id, &m))?);
    }
    Ok(out)
}

/// The error for a check id declared twice.
pub fn duplicate(src: &RuleSource, id: &str) -> Error {
    // The second `"id"` in the file is the declaration that repeats it.
    let quoted = format!("\"{id}\"");
    let mut found = src.text.match_indices(&quoted).map(|(i, _)| i);
    let first = found.next();
    let at = found.next().or(first).unwrap_or(0);
    error(src, at, id, "this check id is declared twice")
}

fn error(src: &RuleSource, at: usize, id: &str, message: &str) -> Error {
    let (line, column) = line_col(&src.text, at);
    Error::Rules {
        file: src.origin.clone(),
        line,
        column,
        rule: id.to_owned(),
        message: message.to_owned(),
    }
}

/// The id of the `[[check]]` block that contains a byte offset, for errors
/// serde reports before the block is known, or `-`.
fn check_id_at(text: &str, at: usize) -> String {
    let Some(start) = text
        .get(..at.min(text.len()))
        .and_then(|t| t.rfind("[[check]]"))
    else {
        return "-".into();
    };
    let block = &text[start + "[[check]]".len()..];
    let block = &block[..block.find("[[").unwrap_or(block.len())];
    block
        .lines()
        .filter_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == "id").then(|| v.trim().trim_matches(['"', '\'']).to_owned())
        })
        .next()
        .unwrap_or_else(|| "-".into())
}

/// A compilation error: check id, where in the file if more precise than
/// the check's start (the offending value), message.
type CompileError = (String, Option<usize>, String);

fn compile(c: CheckSpec) -> std::result::Result<Check, CompileError> {
    let id = c.id.clone();
    let fail = |m: String| Err((id.clone(), None, m));
    let fail_at = |at: usize, m: String| Err((id.clone(), Some(at), m));
    if c.id.is_empty()
        || !c
            .id
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '.' | '_' | '-'))
    {
        return fail(format!(
            "check id `{}` must be non-empty ASCII letters, digits, `.`, `_` or `-`",
            c.id
        ));
    }
    if c.kind.trim().is_empty() {
        return fail("`kind` is empty (use a document kind or \"*\")".into());
    }
    if c.description.trim().is_empty() {
        return fail("`description` is empty".into());
    }
    let wants = |key: &str, t: TypeSpec| match key {
        "field" => t == TypeSpec::RequiredField,
        "table" => t == TypeSpec::TableNotEmpty,
        "tolerance" => t == TypeSpec::WeightsSum100,
        _ => false,
    };
    for (key, given) in [
        ("field", c.field.as_ref().map(|x| x.span().start)),
        ("table", c.table.as_ref().map(|x| x.span().start)),
        ("tolerance", c.tolerance.as_ref().map(|x| x.span().start)),
    ] {
        let Some(at) = given else { continue };
        if !wants(key, c.check_type) {
            return fail_at(
                at,
                format!(
                    "`{key}` does not apply to a check of type `{}`",
                    type_name(c.check_type)
                ),
            );
        }
    }
    let check_type = match c.check_type {
        TypeSpec::RequiredField => {
            let Some(f) = c.field.as_ref() else {
                return fail("a `required_field` check needs `field = \"record.field\"`".into());
            };
            match RecordKind::resolve_field(f.get_ref()) {
                Ok((record, field)) => CheckType::RequiredField { record, field },
                Err(m) => return fail_at(f.span().start, m),
            }
        }
        TypeSpec::TableNotEmpty => {
            let Some(spanned) = c.table.as_ref() else {
                return fail("a `table_not_empty` check needs `table = \"phases\"` (or objectives, indicators, decisions, references)".into());
            };
            let t = spanned.get_ref();
            match TableId::from_name(t).filter(|&id| rows_in(id, &Document::default()).is_some()) {
                Some(t) => CheckType::TableNotEmpty(t),
                None => {
                    return fail_at(spanned.span().start, format!(
                    "unknown table `{t}`: use objectives, phases, indicators, decisions or references"
                ))
                }
            }
        }
        TypeSpec::StartNotAfterEnd => CheckType::StartNotAfterEnd,
        TypeSpec::PhaseInObjectiveYear => CheckType::PhaseInObjectiveYear,
        TypeSpec::ValidityExpired => CheckType::ValidityExpired,
        TypeSpec::AttendanceStated => CheckType::AttendanceStated,
        TypeSpec::IndicatorHasTarget => CheckType::IndicatorHasTarget,
        TypeSpec::WeightsSum100 => {
            let tolerance = c
                .tolerance
                .as_ref()
                .map_or(DEFAULT_TOLERANCE, |t| *t.get_ref());
            if !(0.0..100.0).contains(&tolerance) {
                let at = c.tolerance.as_ref().map_or(0, |t| t.span().start);
                return fail_at(
                    at,
                    format!("`tolerance` {tolerance} is outside 0..100 percentage points"),
                );
            }
            CheckType::WeightsSum100 { tolerance }
        }
        TypeSpec::ReferenceNamesAct => CheckType::ReferenceNamesAct,
        TypeSpec::CodesWellFormed => CheckType::CodesWellFormed,
    };
    Ok(Check {
        id: c.id,
        kind: c.kind.trim().to_owned(),
        severity: match c.severity {
            SeveritySpec::Info => Severity::Info,
            SeveritySpec::Warning => Severity::Warning,
            SeveritySpec::Error => Severity::Error,
        },
        description: c.description.trim().to_owned(),
        check_type,
    })
}

fn type_name(t: TypeSpec) -> &'static str {
    match t {
        TypeSpec::RequiredField => "required_field",
        TypeSpec::TableNotEmpty => "table_not_empty",
        TypeSpec::StartNotAfterEnd => "start_not_after_end",
        TypeSpec::PhaseInObjectiveYear => "phase_in_objective_year",
        TypeSpec::ValidityExpired => "validity_expired",
        TypeSpec::AttendanceStated => "attendance_stated",
        TypeSpec::IndicatorHasTarget => "indicator_has_target",
        TypeSpec::WeightsSum100 => "weights_sum_100",
        TypeSpec::ReferenceNamesAct => "reference_names_act",
        TypeSpec::CodesWellFormed => "codes_well_formed",
    }
}

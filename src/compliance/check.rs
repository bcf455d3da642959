//! One compliance check and the types of check atti knows how to run.
//!
//! Each [`CheckType`] looks at one document and returns its findings as
//! (page, Italian message) pairs. A message names the record ("Fase 2
//! dell'obiettivo 2021_Z001") and the value at fault ("inizio 01/05/2021"),
//! so a person can find it in the document without atti; the page comes from
//! the provenance span of the value, or of the record when the value is
//! missing (a missing director is reported on the page of its objective).

use chrono::NaiveDate;
use serde_json::Value;

use super::wording::{
    decision_label, indicator_label, it_date, it_num, objective_label, page_of, parse_date,
    phase_label, say,
};
use super::Severity;
use crate::record::schema::TableId;
use crate::record::{Decision, Document, Provenance};

/// A compiled check, as declared in a rule file.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub id: String,
    /// A document kind, or `*` for every kind.
    pub kind: String,
    pub severity: Severity,
    /// Italian, one sentence: what a compliant document does.
    pub description: String,
    pub check_type: CheckType,
}

impl Check {
    pub fn applies_to(&self, d: &Document) -> bool {
        self.kind == "*" || self.kind == d.kind
    }
}

/// The kinds of record a `required_field` check can look into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Document,
    Objective,
    Phase,
    Indicator,
    Decision,
    Reference,
}

/// What a check looks for.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckType {
    /// Every record of a kind has a value for a field.
    RequiredField { record: RecordKind, field: String },
    /// The document has at least one row in a table.
    TableNotEmpty(TableId),
    /// No phase starts after it ends.
    StartNotAfterEnd,
    /// A phase's dates fall in its objective's year.
    PhaseInObjectiveYear,
    /// No validity period ended before the date of the check.
    ValidityExpired,
    /// A collegial decision says who was present or absent.
    AttendanceStated,
    /// Every indicator has an expected value.
    IndicatorHasTarget,
    /// Where an objective's phases are weighted, the weights sum to 100.
    WeightsSum100 { tolerance: f64 },
    /// A legal reference names the act it cites, not only an article.
    ReferenceNamesAct,
    /// Every CIG and CUP the act prints has its format.
    CodesWellFormed,
}

impl RecordKind {
    const ALL: [(&'static str, RecordKind); 6] = [
        ("document", RecordKind::Document),
        ("objective", RecordKind::Objective),
        ("phase", RecordKind::Phase),
        ("indicator", RecordKind::Indicator),
        ("decision", RecordKind::Decision),
        ("reference", RecordKind::Reference),
    ];

    /// `objective.director` -> (Objective, "director"), checked against the
    /// columns of the record's output table ([`crate::record::schema`]): a
    /// column's CSV name (`indicator.type`) or its record field
    /// (`indicator.indicator_type`) are both accepted; `doc_id` and
    /// `source_file` only for the document.
    pub fn resolve_field(s: &str) -> Result<(RecordKind, String), String> {
        let Some((rec, field)) = s.split_once('.') else {
            return Err(format!(
                "field `{s}` should be `record.field`, e.g. `objective.director`"
            ));
        };
        let Some(kind) = Self::ALL.iter().find(|(n, _)| *n == rec).map(|x| x.1) else {
            return Err(format!(
                "unknown record `{rec}` in `{s}`: use document, objective, phase, indicator, decision or reference"
            ));
        };
        let columns: Vec<_> = TableId::of_record(rec)
            .expect("every record a check names has a table")
            .schema()
            .columns
            .iter()
            .filter(|c| kind == RecordKind::Document || (c.id != "doc_id" && c.id != "source_file"))
            .collect();
        match columns.iter().find(|c| c.id == field || c.field == field) {
            Some(c) => Ok((kind, c.field.to_owned())),
            None => Err(format!(
                "`{rec}` has no field `{field}`; its fields are: {}",
                columns.iter().map(|c| c.id).collect::<Vec<_>>().join(", ")
            )),
        }
    }
}

/// The number of rows a document has in a table a `table_not_empty` check
/// may name: the tables of a document's records (not documents or failures).
pub fn rows_in(table: TableId, d: &Document) -> Option<usize> {
    Some(match table {
        TableId::Objectives => d.objectives.len(),
        TableId::Phases => d.phases.len(),
        TableId::Indicators => d.indicators.len(),
        TableId::Decisions => d.decisions.len(),
        TableId::References => d.references.len(),
        TableId::Amounts => d.amounts.len(),
        TableId::Parties => d.parties.len(),
        TableId::Documents | TableId::Failures | TableId::Skipped => return None,
    })
}

/// A finding before it is tied to its check: the page and the message.
pub type Hit = (Option<u32>, String);

impl CheckType {
    /// The stable name used in rule files and the JSON report.
    pub fn name(&self) -> &'static str {
        match self {
            CheckType::RequiredField { .. } => "required_field",
            CheckType::TableNotEmpty(_) => "table_not_empty",
            CheckType::StartNotAfterEnd => "start_not_after_end",
            CheckType::PhaseInObjectiveYear => "phase_in_objective_year",
            CheckType::ValidityExpired => "validity_expired",
            CheckType::AttendanceStated => "attendance_stated",
            CheckType::IndicatorHasTarget => "indicator_has_target",
            CheckType::WeightsSum100 { .. } => "weights_sum_100",
            CheckType::ReferenceNamesAct => "reference_names_act",
            CheckType::CodesWellFormed => "codes_well_formed",
        }
    }

    /// The findings of this check on one document.
    pub fn findings(&self, d: &Document, as_of: NaiveDate) -> Vec<Hit> {
        match self {
            CheckType::RequiredField { record, field } => required_field(d, *record, field),
            CheckType::TableNotEmpty(t) => {
                if rows_in(*t, d) == Some(0) {
                    let s = t.schema();
                    vec![(
                        None,
                        format!("{} (tabella `{}` vuota)", s.none_found, s.name),
                    )]
                } else {
                    Vec::new()
                }
            }
            CheckType::StartNotAfterEnd => start_not_after_end(d),
            CheckType::PhaseInObjectiveYear => phase_in_objective_year(d),
            CheckType::ValidityExpired => validity_expired(d, as_of),
            CheckType::AttendanceStated => attendance_stated(d),
            CheckType::IndicatorHasTarget => indicator_has_target(d),
            CheckType::WeightsSum100 { tolerance } => weights_sum_100(d, *tolerance),
            CheckType::ReferenceNamesAct => reference_names_act(d),
            CheckType::CodesWellFormed => codes_well_formed(d),
        }
    }
}

fn required_field(d: &Document, record: RecordKind, field: &str) -> Vec<Hit> {
    // (serialized record, label, provenance)
    let mut records: Vec<(Value, String, Option<&Provenance>)> = Vec::new();
    let json = |r: Result<Value, serde_json::Error>| r.unwrap_or(Value::Null);
    match record {
        RecordKind::Document => records.push((document_value(d, field), "Documento".into(), None)),
        RecordKind::Objective => {
            for (i, o) in d.objectives.iter().enumerate() {
                records.push((
                    json(serde_json::to_value(o)),
                    objective_label(o.objective_code.as_deref(), i),
                    Some(&o.spans),
                ));
            }
        }
        RecordKind::Phase => {
            for p in &d.phases {
                records.push((
                    json(serde_json::to_value(p)),
                    phase_label(p.seq, p.objective_code.as_deref()),
                    Some(&p.spans),
                ));
            }
        }
        RecordKind::Indicator => {
            for x in &d.indicators {
                records.push((
                    json(serde_json::to_value(x)),
                    indicator_label(x.seq, x.objective_code.as_deref()),
                    Some(&x.spans),
                ));
            }
        }
        RecordKind::Decision => {
            for (i, x) in d.decisions.iter().enumerate() {
                records.push((
                    json(serde_json::to_value(x)),
                    decision_label(x).unwrap_or_else(|| format!("{}° atto del documento", i + 1)),
                    Some(&x.spans),
                ));
            }
        }
        RecordKind::Reference => {
            for x in &d.references {
                records.push((
                    json(serde_json::to_value(x)),
                    format!("Riferimento «{}»", x.raw.trim()),
                    None,
                ));
            }
        }
    }
    let mut out = Vec::new();
    for (i, (value, label, spans)) in records.iter().enumerate() {
        let missing = match value.get(field) {
            None | Some(Value::Null) => true,
            Some(Value::String(s)) => s.trim().is_empty(),
            Some(Value::Array(a)) => a.is_empty(),
            Some(_) => false,
        };
        if !missing {
            continue;
        }
        let page = match (record, spans) {
            (RecordKind::Reference, _) => d.references[i].span.map(|s| s.page),
            (_, Some(spans)) => page_of(spans, field),
            // A document-wide value: the page where the rules read it, if they did.
            (_, None) => d
                .fields
                .iter()
                .find(|f| f.name == format!("document.{field}"))
                .and_then(|f| f.span)
                .map(|s| s.page),
        };
        out.push((page, format!("{label}: manca il campo `{field}`")));
    }
    out
}

/// A document's own facts as a JSON object holding the one field asked for;
/// serialising the whole document would copy its text and tables for nothing.
fn document_value(d: &Document, field: &str) -> Value {
    let v = match field {
        "doc_id" => Value::from(d.doc_id.as_str()),
        "source_file" => Value::from(d.source_file.as_str()),
        "kind" => Value::from(d.kind.as_str()),
        "status" => Value::from(d.status.as_str()),
        "title" => d.title.as_deref().map_or(Value::Null, Value::from),
        "year" => d.year.map_or(Value::Null, Value::from),
        "date" => d.date.map_or(Value::Null, |x| Value::from(x.to_string())),
        "pages" => Value::from(d.pages),
        "chars" => Value::from(d.chars),
        "sha256" => Value::from(d.sha256.as_str()),
        "extractor" => Value::from(d.extractor.as_str()),
        "ingested_at" => Value::from(d.ingested_at.as_str()),
        "pipeline" => Value::from(d.pipeline.as_str()),
        // A field added to Document later: the slow, general way.
        other => serde_json::to_value(d)
            .ok()
            .and_then(|v| v.get(other).cloned())
            .unwrap_or(Value::Null),
    };
    let mut m = serde_json::Map::new();
    m.insert(field.to_owned(), v);
    Value::Object(m)
}

fn start_not_after_end(d: &Document) -> Vec<Hit> {
    d.phases
        .iter()
        .filter_map(|p| {
            let (s, e) = (p.start_date?, p.end_date?);
            (s > e).then(|| {
                (
                    page_of(&p.spans, "start_date"),
                    format!(
                        "{}: inizio {} dopo la fine {}",
                        phase_label(p.seq, p.objective_code.as_deref()),
                        it_date(s),
                        it_date(e)
                    ),
                )
            })
        })
        .collect()
}

fn phase_in_objective_year(d: &Document) -> Vec<Hit> {
    let mut out = Vec::new();
    for p in &d.phases {
        // The objective the phase belongs to, by code; a sheet with one
        // objective and uncoded phases lends them its year.
        let objective = d
            .objectives
            .iter()
            .find(|o| o.objective_code.is_some() && o.objective_code == p.objective_code)
            .or_else(|| d.objectives.first().filter(|_| d.objectives.len() == 1));
        let Some(year) = objective.and_then(|o| o.year).or(d.year) else {
            continue;
        };
        let outside: Vec<(&str, NaiveDate)> = [("inizio", p.start_date), ("fine", p.end_date)]
            .into_iter()
            .filter_map(|(what, date)| date.map(|x| (what, x)))
            .filter(|(_, x)| chrono::Datelike::year(x) != year)
            .collect();
        if outside.is_empty() {
            continue;
        }
        let field = if outside[0].0 == "inizio" {
            "start_date"
        } else {
            "end_date"
        };
        let dates: Vec<String> = outside
            .iter()
            .map(|(what, x)| format!("{what} {}", it_date(*x)))
            .collect();
        out.push((
            page_of(&p.spans, field),
            format!(
                "{}: {} fuori dall'anno dell'obiettivo ({year})",
                phase_label(p.seq, p.objective_code.as_deref()),
                dates.join(", ")
            ),
        ));
    }
    out
}

fn validity_expired(d: &Document, as_of: NaiveDate) -> Vec<Hit> {
    let problem = |end: NaiveDate| {
        format!(
            "validità scaduta il {} (verifica al {})",
            it_date(end),
            it_date(as_of)
        )
    };
    let mut out = Vec::new();
    let mut seen = false;
    for x in &d.decisions {
        let Some(end) = x.validity_end else { continue };
        seen = true;
        if end < as_of {
            out.push((
                page_of(&x.spans, "validity_end"),
                say(decision_label(x), &problem(end)),
            ));
        }
    }
    // A validity the rules read as a plain field, outside any decision
    // record (a protocol or an agreement described in a page of text).
    if !seen {
        for f in d
            .fields
            .iter()
            .filter(|f| f.name == "validity_end" || f.name.ends_with(".validity_end"))
        {
            if let Some(end) = parse_date(&f.value) {
                if end < as_of {
                    out.push((f.span.map(|s| s.page), say(None, &problem(end))));
                }
            }
        }
    }
    out
}

/// A decision taken by a body that meets (Giunta, Consiglio, Assemblea) has
/// a quorum to state; an act one person signs does not, whoever the rules
/// name as its author (a determination of the "Responsabile del Servizio",
/// a decree of the Sindaco). The act's type decides where it is known;
/// otherwise a named body does.
fn is_collegial(x: &Decision) -> bool {
    match x.act_type.as_deref().map(str::to_lowercase) {
        Some(t) if !t.trim().is_empty() => matches!(t.as_str(), "deliberazione" | "verbale"),
        _ => x.body.as_deref().is_some_and(|b| !b.trim().is_empty()),
    }
}

/// Attendance is stated when the rules read a count, or failing that when
/// the text says it in words the rules did not turn into numbers: the check
/// is about the document, not about what extraction managed to read.
fn attendance_stated(d: &Document) -> Vec<Hit> {
    let in_text = || {
        d.page_texts
            .iter()
            .any(|t| atti_italian::minutes::states_attendance(t))
    };
    let mut stated_in_text: Option<bool> = None;
    d.decisions
        .iter()
        .enumerate()
        .filter(|(_, x)| is_collegial(x) && x.present_count.is_none() && x.absent_count.is_none())
        .filter(|_| !*stated_in_text.get_or_insert_with(in_text))
        .map(|(i, x)| {
            (
                page_of(&x.spans, "body"),
                format!(
                    "{}: presenti e assenti non indicati",
                    decision_label(x).unwrap_or_else(|| format!("{}° atto del documento", i + 1))
                ),
            )
        })
        .collect()
}

fn indicator_has_target(d: &Document) -> Vec<Hit> {
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
    d.indicators
        .iter()
        .filter(|x| blank(&x.expected_value) && blank(&x.expected_raw))
        .map(|x| {
            let what = x
                .description
                .as_deref()
                .map(|s| format!(" («{}»)", s.trim()))
                .unwrap_or_default();
            (
                page_of(&x.spans, "description"),
                format!(
                    "{}{what}: valore atteso non indicato",
                    indicator_label(x.seq, x.objective_code.as_deref())
                ),
            )
        })
        .collect()
}

fn weights_sum_100(d: &Document, tolerance: f64) -> Vec<Hit> {
    // Phases grouped by objective, in order of first appearance.
    let mut groups: Vec<(Option<&str>, Vec<&crate::record::Phase>)> = Vec::new();
    for p in &d.phases {
        let code = p.objective_code.as_deref();
        match groups.iter_mut().find(|(c, _)| *c == code) {
            Some((_, g)) => g.push(p),
            None => groups.push((code, vec![p])),
        }
    }
    let mut out = Vec::new();
    for (i, (code, phases)) in groups.iter().enumerate() {
        let weighted: Vec<f64> = phases.iter().filter_map(|p| p.weight).collect();
        if weighted.is_empty() {
            continue;
        }
        let sum: f64 = weighted.iter().sum();
        if (sum - 100.0).abs() <= tolerance {
            continue;
        }
        let first = phases.iter().find(|p| p.weight.is_some());
        let unweighted = phases.len() - weighted.len();
        let note = if unweighted > 0 {
            format!(
                " ({} fasi su {} hanno un peso)",
                weighted.len(),
                phases.len()
            )
        } else {
            String::new()
        };
        out.push((
            first.and_then(|p| page_of(&p.spans, "weight")),
            format!(
                "{}: i pesi delle fasi sommano a {} invece di 100{note}",
                objective_label(*code, i),
                it_num(sum)
            ),
        ));
    }
    out
}

/// The CIG and CUP codes the act prints (every one read, kept among its
/// fields) that fail their format check.
fn codes_well_formed(d: &Document) -> Vec<Hit> {
    use atti_italian::money::codes;
    d.fields
        .iter()
        .filter_map(|f| {
            let (what, ok) = match f.name.as_str() {
                "decision.cig" => ("CIG", codes::is_cig(&f.value)),
                "decision.cup" => ("CUP", codes::is_cup(&f.value)),
                _ => return None,
            };
            (!ok).then(|| {
                (
                    f.span.map(|s| s.page),
                    format!("{what} «{}»: non ha il formato di un {what}", f.value),
                )
            })
        })
        .collect()
}

/// A reference names no act when the parser found none and the text right
/// after it does not name one either.
fn reference_names_act(d: &Document) -> Vec<Hit> {
    d.references
        .iter()
        .filter(|r| r.act_type.is_none())
        .filter(|r| !text_after(d, r).is_some_and(atti_italian::reference::names_act_after))
        .map(|r| {
            (
                r.span.map(|s| s.page),
                format!("Riferimento «{}»: non indica l'atto citato", r.raw.trim()),
            )
        })
        .collect()
}

/// Up to 80 bytes of page text after a reference: after its span when the
/// span points at the reference's text, else after the first place the
/// text is found on that page.
fn text_after<'a>(d: &'a Document, r: &crate::record::Reference) -> Option<&'a str> {
    let span = r.span?;
    let page = d.page_texts.get((span.page as usize).checked_sub(1)?)?;
    let raw = r.raw.trim();
    let end = match page.get(span.start..span.end) {
        Some(t) if !raw.is_empty() && t.trim() == raw => span.end,
        _ => page.find(raw).filter(|_| !raw.is_empty())? + raw.len(),
    };
    let rest = &page[end..];
    let cut = rest
        .char_indices()
        .map(|(i, _)| i)
        .take_while(|&i| i <= 80)
        .last()
        .unwrap_or(0);
    Some(if rest.len() <= 80 { rest } else { &rest[..cut] })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_value_agrees_with_serde_for_every_field() {
        let d = Document {
            doc_id: "abc".into(),
            title: Some("Titolo".into()),
            year: Some(2023),
            date: NaiveDate::from_ymd_opt(2023, 6, 16),
            pages: 3,
            chars: 1200,
            ..Document::default()
        };
        let full = serde_json::to_value(&d).unwrap();
        for c in TableId::Documents.schema().columns {
            let f = c.field;
            assert_eq!(document_value(&d, f)[f], full[f], "{f}");
        }
        assert!(RecordKind::resolve_field("document.phases").is_err());
        assert_eq!(
            RecordKind::resolve_field("indicator.type").unwrap(),
            (RecordKind::Indicator, "indicator_type".to_owned())
        );
    }
}

//! The row context of a report: where a field is read from for one row
//! (the row's record, its parents, its children, the configuration, the
//! period, a PEG result), how a stored value becomes a typed report value,
//! and the tests that filters make.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde_json::Value as Json;

use super::fields::{FieldRef, Ty};
use super::format::Value;
use super::results::{Outcome, Results};
use super::template::{Aggregate, Filter};
use crate::corrections::{Applied, Corrections};
use crate::project::Project;

/// The period a report covers (by the template's period field).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Period {
    /// A calendar year.
    pub fn year(y: i32) -> Option<Period> {
        Some(Period {
            from: Some(NaiveDate::from_ymd_opt(y, 1, 1)?),
            to: Some(NaiveDate::from_ymd_opt(y, 12, 31)?),
        })
    }

    /// Half `h` of year `y`: 1 is January-June, 2 July-December.
    pub fn half(y: i32, h: u32) -> Option<Period> {
        let (from, to) = match h {
            1 => ((1, 1), (6, 30)),
            2 => ((7, 1), (12, 31)),
            _ => return None,
        };
        Some(Period {
            from: Some(NaiveDate::from_ymd_opt(y, from.0, from.1)?),
            to: Some(NaiveDate::from_ymd_opt(y, to.0, to.1)?),
        })
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }

    pub fn is_all(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// The reference year: the year of the period's start (or end).
    pub fn reference_year(&self) -> Option<i32> {
        self.from.or(self.to).map(|d| d.year())
    }
}

/// What a run needs besides the template.
pub struct Inputs<'a> {
    pub project: &'a Project,
    pub corrections: &'a Corrections,
    pub results: &'a Results,
    pub period: Period,
    /// The publication date of the header block (today).
    pub published: NaiveDate,
    /// Overrides the template's redaction of natural persons.
    pub redact: Option<bool>,
    /// Words that make a party's name a legal person's (reports/values.toml).
    pub legal_forms: &'a [String],
}

/// Where a field is read from for one row.
#[derive(Clone, Copy)]
pub struct Ctx<'r> {
    pub doc: &'r Json,
    pub row: &'r Json,
    pub record: &'r str,
    pub applied: &'r [Applied],
    pub result: Option<&'r Outcome>,
}

pub fn records<'j>(doc: &'j Json, record: &str) -> Vec<&'j Json> {
    if record == "document" {
        return vec![doc];
    }
    let Some(t) = crate::record::schema::TableId::of_record(record) else {
        return Vec::new();
    };
    doc.get(t.name())
        .and_then(Json::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

pub fn to_value(v: &Json, ty: Ty) -> Value {
    match v {
        Json::Null => Value::Empty,
        Json::Array(a) => Value::List(a.iter().map(|x| to_value(x, ty)).collect()),
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match ty {
            Ty::Integer => n.as_i64().map_or(Value::Empty, Value::Integer),
            _ => n.as_f64().map_or(Value::Empty, Value::Number),
        },
        Json::String(s) => match ty {
            Ty::Date => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_or_else(|_| Value::Text(s.clone()), Value::Date),
            Ty::Number | Ty::Amount | Ty::Percent => atti_italian::numbers::leading(s)
                .map_or_else(|| Value::Text(s.clone()), Value::Number),
            _ => Value::Text(s.clone()),
        },
        Json::Object(_) => Value::Text(v.to_string()),
    }
}

/// A value's text for keys, filters and maps.
pub fn text(v: &Value) -> String {
    match v {
        Value::Empty => String::new(),
        Value::Text(s) => s.clone(),
        Value::Integer(n) => n.to_string(),
        Value::Number(x) => super::format::write_number(*x, false, super::format::Decimal::Dot),
        Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        Value::Bool(b) => {
            if *b {
                "true".into()
            } else {
                "false".into()
            }
        }
        Value::List(l) => l.iter().map(text).collect::<Vec<_>>().join(" "),
    }
}

impl<'r> Ctx<'r> {
    /// The records of `record` this row sees: itself, its parents (the
    /// document, its first decision, an indicator's objective), or its
    /// children (an objective's phases and indicators; a document's others).
    pub fn related(&self, record: &str) -> Vec<&'r Json> {
        if record == self.record {
            return vec![self.row];
        }
        let all = records(self.doc, record);
        let code = self.row.get("objective_code").filter(|c| !c.is_null());
        match (record, code) {
            ("objective", Some(c)) | ("phase" | "indicator", Some(c))
                if self.record != "document" =>
            {
                all.into_iter()
                    .filter(|r| r.get("objective_code") == Some(c))
                    .collect()
            }
            ("decision", _) if self.record != "decision" => all.into_iter().take(1).collect(),
            _ => all,
        }
    }

    pub fn get(&self, f: &FieldRef, inp: &Inputs) -> Value {
        let text_of = |s: Option<&str>| s.map_or(Value::Empty, |s| Value::Text(s.to_owned()));
        match f.record.as_str() {
            "config" => match f.key.as_str() {
                "administration" => text_of(inp.project.administration.as_deref()),
                "tax_code" => text_of(inp.project.tax_code.as_deref()),
                _ => text_of(inp.project.base_url.as_deref()),
            },
            "report" => match f.key.as_str() {
                "year" => inp
                    .period
                    .reference_year()
                    .map_or(Value::Empty, |y| Value::Integer(y.into())),
                "from" => inp.period.from.map_or(Value::Empty, Value::Date),
                "to" => inp.period.to.map_or(Value::Empty, Value::Date),
                "published" => Value::Date(inp.published),
                _ => Value::Empty,
            },
            "result" => {
                let Some(o) = self.result else {
                    return Value::Empty;
                };
                let g = o.given.as_ref();
                match f.key.as_str() {
                    "value" => g.map_or(Value::Empty, |g| Value::Text(g.value.clone())),
                    "date" => g.and_then(|g| g.date).map_or(Value::Empty, Value::Date),
                    "note" => g.map_or(Value::Empty, |g| Value::Text(g.note.clone())),
                    "source" => g.map_or(Value::Empty, |g| Value::Text(g.source.into())),
                    "achievement" => o.achievement.map_or(Value::Empty, Value::Number),
                    "gap" => o.gap.map_or(Value::Empty, Value::Number),
                    _ => Value::Text(o.state.into()),
                }
            }
            "document" if f.key == "url" => {
                let path = self
                    .doc
                    .get("source_file")
                    .and_then(Json::as_str)
                    .unwrap_or("");
                text_of(inp.project.url_of(path).as_deref())
            }
            record => {
                let vals: Vec<Value> = self
                    .related(record)
                    .into_iter()
                    .map(|r| r.get(&f.key).map_or(Value::Empty, |v| to_value(v, f.ty)))
                    .collect();
                match vals.len() {
                    0 => Value::Empty,
                    1 => vals.into_iter().next().unwrap(),
                    _ => Value::List(vals),
                }
            }
        }
    }

    pub fn with_row(&self, row: &'r Json, record: &'r str) -> Ctx<'r> {
        Ctx {
            row,
            record,
            result: None,
            ..*self
        }
    }
}

pub fn keep(f: &Filter, v: &Value) -> bool {
    let texts: Vec<String> = match v {
        Value::List(l) => l.iter().map(text).collect(),
        other => vec![text(other)],
    };
    let any = |p: &dyn Fn(&str) -> bool| texts.iter().any(|t| p(t));
    if let Some(p) = f.present {
        if p == v.is_empty() {
            return false;
        }
    }
    if let Some(list) = &f.one_of {
        if !any(&|t| list.iter().any(|x| x == t)) {
            return false;
        }
    }
    if let Some(list) = &f.not_in {
        if any(&|t| list.iter().any(|x| x == t)) {
            return false;
        }
    }
    if let Some(re) = &f.matches {
        if !any(&|t| re.is_match(t)) {
            return false;
        }
    }
    if let Some(re) = &f.not_matches {
        if any(&|t| re.is_match(t)) {
            return false;
        }
    }
    if let Some(c) = &f.contains {
        if !any(&|t| t.to_lowercase().contains(c.as_str())) {
            return false;
        }
    }
    if f.min.is_some() || f.max.is_some() {
        let Some(n) = v.number() else { return false };
        if f.min.is_some_and(|m| n < m) || f.max.is_some_and(|m| n > m) {
            return false;
        }
    }
    true
}

pub fn keys_of(v: &Value) -> BTreeSet<String> {
    text(v).split_whitespace().map(str::to_owned).collect()
}

pub fn fold(fun: Aggregate, values: impl Iterator<Item = f64>) -> Value {
    let v: Vec<f64> = values.collect();
    match fun {
        Aggregate::Count => Value::Integer(v.len() as i64),
        _ if v.is_empty() => Value::Empty,
        Aggregate::Sum => Value::Number((v.iter().sum::<f64>() * 100.0).round() / 100.0),
        Aggregate::Min => Value::Number(v.iter().copied().fold(f64::INFINITY, f64::min)),
        Aggregate::Max => Value::Number(v.iter().copied().fold(f64::NEG_INFINITY, f64::max)),
    }
}

/// Whether a party is a natural person: a 16-character codice fiscale, or
/// (without a tax id of a company) a name with no legal form.
pub fn natural_person(party: &Json, legal_forms: &[String]) -> bool {
    let tax = party
        .get("tax_id")
        .and_then(Json::as_str)
        .unwrap_or("")
        .trim();
    if tax.len() == 16 && tax.chars().any(|c| c.is_ascii_alphabetic()) {
        return true;
    }
    if tax.len() == 11 && tax.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let name = party
        .get("name")
        .and_then(Json::as_str)
        .unwrap_or("")
        .to_lowercase();
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|w| w.trim_matches('.').replace('.', ""))
        .collect();
    !legal_forms.iter().any(|f| {
        let f = f.to_lowercase().replace('.', "");
        words.iter().any(|w| *w == f) || (f.contains(' ') && name.replace('.', "").contains(&f))
    })
}

pub fn cmp_values(a: &Value, b: &Value) -> Ordering {
    match (a.date(), b.date()) {
        (Some(x), Some(y)) => return x.cmp(&y),
        (Some(_), None) => return Ordering::Less,
        (None, Some(_)) => return Ordering::Greater,
        _ => {}
    }
    match (a.number(), b.number()) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        _ => text(a).cmp(&text(b)),
    }
}

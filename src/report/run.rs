//! Running a template over the archive: documents are visited once; each
//! adds what the key aggregates need (a payment to the sum of its CIG) and,
//! when it can give rows, is kept; the rows are made at the end, filtered,
//! valued column by column and ordered.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use serde_json::Value as Json;

use super::context::{cmp_values, fold, keep, keys_of, natural_person, records, text, Ctx};
pub use super::context::{Inputs, Period};
use super::fields::Ty;
use super::format::{truncate, Value};
use super::results::{outcome, Given, Outcome};
use super::template::{Aggregate, Column, Source, Template};
use crate::corrections::Applied;
use crate::record::Document;

/// A report made: its header block and rows of typed values.
#[derive(Debug, Clone)]
pub struct Output {
    pub header_block: Vec<(String, Value)>,
    pub rows: Vec<Vec<Value>>,
    /// Rows left out because their period field has no date.
    pub undated: usize,
    /// Corrected values shown in the rows.
    pub corrected: usize,
}

struct Kept {
    doc: Json,
    applied: Vec<Applied>,
}

/// Runs `t` over every document of `index` (the corrections applied).
pub fn over_index(
    t: &Template,
    inputs: Inputs<'_>,
    index: &crate::index::Index,
) -> crate::Result<Output> {
    let mut run = Run::new(t, inputs);
    index.for_each_document(false, |d| run.add(d))?;
    Ok(run.finish())
}

/// A report being made.
pub struct Run<'t, 'a> {
    t: &'t Template,
    inp: Inputs<'a>,
    kept: Vec<Kept>,
    /// Per column with an `over` key: key -> (contributor id, value).
    keyed: Vec<HashMap<String, Vec<(String, f64)>>>,
    /// The records the template reads ([`Template::records_used`]).
    used: std::collections::BTreeSet<String>,
}

impl<'t, 'a> Run<'t, 'a> {
    pub fn new(t: &'t Template, inp: Inputs<'a>) -> Self {
        let keyed = t.columns.iter().map(|_| HashMap::new()).collect();
        Run {
            t,
            inp,
            kept: Vec::new(),
            keyed,
            used: t.records_used(),
        }
    }

    /// Adds one document (corrections are applied here).
    pub fn add(&mut self, mut d: Document) -> crate::Result<()> {
        let applied = self.inp.corrections.apply(&mut d);
        let used = &self.used;
        d.page_texts = Vec::new();
        d.fields = Vec::new();
        d.warnings = Vec::new();
        macro_rules! keep_if {
            ($($field:ident: $record:literal),*) => {
                $(if !used.contains($record) { d.$field = Vec::new(); })*
            };
        }
        keep_if!(objectives: "objective", phases: "phase", indicators: "indicator",
            decisions: "decision", references: "reference", amounts: "amount", parties: "party");
        let doc = serde_json::to_value(&d)?;
        let doc_id = d.doc_id.clone();
        for (i, c) in self.t.columns.iter().enumerate() {
            let Source::Aggregate {
                fun,
                of,
                over: Some(over),
                conditions,
            } = &c.source
            else {
                continue;
            };
            let record = of
                .as_ref()
                .map_or(over.record.as_str(), |o| o.record.as_str());
            let base = Ctx {
                doc: &doc,
                row: &doc,
                record: "document",
                applied: &applied,
                result: None,
            };
            for (n, r) in records(&doc, record).into_iter().enumerate() {
                let ctx = base.with_row(r, record);
                if !conditions
                    .iter()
                    .all(|f| keep(f, &ctx.get(&f.field, &self.inp)))
                {
                    continue;
                }
                let value = match (fun, of) {
                    (Aggregate::Count, _) => Some(1.0),
                    (_, Some(of)) => ctx.get(of, &self.inp).number(),
                    _ => None,
                };
                let Some(value) = value else { continue };
                for k in keys_of(&ctx.get(over, &self.inp)) {
                    self.keyed[i]
                        .entry(k)
                        .or_default()
                        .push((format!("{doc_id}#{n}"), value));
                }
            }
        }
        if !records(&doc, self.t.record).is_empty() {
            self.kept.push(Kept { doc, applied });
        }
        Ok(())
    }

    fn result_of(&self, ctx: &Ctx) -> Option<Outcome> {
        if !matches!(self.t.record, "indicator" | "objective") {
            return None;
        }
        let s = |k: &str| {
            ctx.row
                .get(k)
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_owned()
        };
        let code = s("objective_code");
        let seq = ctx.row.get("seq").and_then(Json::as_u64);
        let from_csv = seq
            .and_then(|n| self.inp.results.get(&format!("{code}.{n}")))
            .or_else(|| self.inp.results.get(&code))
            .cloned();
        // The hook for PEG sheets with progress columns (spreadsheets).
        let from_sheet = (!s("actual_value").is_empty()).then(|| Given {
            value: s("actual_value"),
            date: NaiveDate::parse_from_str(&s("actual_date"), "%Y-%m-%d").ok(),
            note: s("actual_note"),
            source: "foglio",
        });
        let (op, target) = match self.t.record {
            "indicator" => (s("expected_operator"), s("expected_value")),
            _ => (String::new(), String::new()),
        };
        Some(outcome(from_csv.or(from_sheet), &op, &target))
    }

    fn cell(&self, c: &Column, i: usize, ctx: &Ctx) -> Value {
        let redact = self.inp.redact.unwrap_or(c.redact);
        let person = |r: &Json| redact && natural_person(r, self.inp.legal_forms);
        let redacted = || Value::Text(self.t.file_options.redaction_text.clone());
        let v = match &c.source {
            Source::Constant(k) => Value::Text(k.clone()),
            Source::Blank(_) => Value::Empty,
            Source::Corrections => {
                let notes: Vec<Value> = ctx.applied.iter().map(|a| Value::Text(a.note())).collect();
                if notes.is_empty() {
                    Value::Empty
                } else {
                    Value::List(notes)
                }
            }
            Source::Field(f) if f.record == "party" && ctx.record == "party" && person(ctx.row) => {
                redacted()
            }
            Source::Field(f) => ctx.get(f, &self.inp),
            Source::Join { of, conditions } => {
                let mut out = Vec::new();
                for r in ctx.related(&of.record) {
                    let sub = ctx.with_row(r, &of.record);
                    if !conditions
                        .iter()
                        .all(|f| keep(f, &sub.get(&f.field, &self.inp)))
                    {
                        continue;
                    }
                    let v = if of.record == "party" && person(r) {
                        redacted()
                    } else {
                        sub.get(of, &self.inp)
                    };
                    if !v.is_empty() && !out.contains(&v) {
                        out.push(v);
                    }
                }
                Value::List(out)
            }
            Source::Aggregate {
                fun,
                of,
                over: Some(over),
                ..
            } => {
                let mut seen = BTreeSet::new();
                let mut vals = Vec::new();
                for k in keys_of(&ctx.get(over, &self.inp)) {
                    for (id, x) in self.keyed[i].get(&k).into_iter().flatten() {
                        if seen.insert(id.clone()) {
                            vals.push(*x);
                        }
                    }
                }
                let _ = of;
                if seen.is_empty() {
                    Value::Empty
                } else {
                    fold(*fun, vals.into_iter())
                }
            }
            Source::Aggregate {
                fun,
                of,
                over: None,
                conditions,
            } => {
                let record = of.as_ref().map_or(self.t.record, |o| o.record.as_str());
                let vals = ctx.related(record).into_iter().filter_map(|r| {
                    let sub = ctx.with_row(r, record);
                    if !conditions
                        .iter()
                        .all(|f| keep(f, &sub.get(&f.field, &self.inp)))
                    {
                        return None;
                    }
                    match of {
                        Some(of) => sub.get(of, &self.inp).number(),
                        None => Some(1.0),
                    }
                });
                fold(*fun, vals)
            }
            Source::Map { map, keys } => {
                let key: Vec<String> = keys.iter().map(|k| text(&ctx.get(k, &self.inp))).collect();
                Value::Text(map.lookup(key.join(" ").trim()))
            }
        };
        self.shape(c, v)
    }

    /// The column's type and cut applied to a value.
    fn shape(&self, c: &Column, v: Value) -> Value {
        let one = |v: Value| -> Value {
            let v = match (c.ty, v) {
                (Ty::Text | Ty::Code, Value::Text(s)) => Value::Text(s),
                (Ty::Text | Ty::Code, Value::Empty) => Value::Empty,
                (Ty::Text | Ty::Code, Value::Bool(b)) => {
                    Value::Text(if b { "Sì" } else { "No" }.into())
                }
                (Ty::Text | Ty::Code, Value::Date(d)) => Value::Text(c.date_format.write(d)),
                (Ty::Text | Ty::Code, other) => Value::Text(text(&other)),
                (Ty::Date, v) => v.date().map_or(v, Value::Date),
                (Ty::Integer, Value::Number(x)) if x.fract() == 0.0 => Value::Integer(x as i64),
                (Ty::Number | Ty::Amount | Ty::Percent, v @ Value::Text(_)) => {
                    v.number().map_or(v, Value::Number)
                }
                (_, v) => v,
            };
            match (c.truncate, v) {
                (Some(n), Value::Text(s)) => {
                    Value::Text(truncate(&s, n, &self.t.file_options.truncation_mark))
                }
                (_, v) => v,
            }
        };
        match v {
            Value::List(l) => {
                let l: Vec<Value> = l.into_iter().map(one).filter(|v| !v.is_empty()).collect();
                match l.len() {
                    0 => Value::Empty,
                    1 => l.into_iter().next().unwrap(),
                    _ if matches!(c.ty, Ty::Text | Ty::Code) => {
                        let joined = l.iter().map(text).collect::<Vec<_>>().join(&c.separator);
                        Value::Text(joined)
                    }
                    _ => Value::List(l),
                }
            }
            v => one(v),
        }
    }

    /// The rows, filtered, valued and ordered.
    pub fn finish(self) -> Output {
        let mut rows: Vec<(Vec<Value>, String, usize, Vec<Value>)> = Vec::new();
        let mut undated = 0;
        let mut corrected = BTreeSet::new();
        for k in &self.kept {
            let source = k
                .doc
                .get("source_file")
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_owned();
            for (n, r) in records(&k.doc, self.t.record).into_iter().enumerate() {
                let mut ctx = Ctx {
                    doc: &k.doc,
                    row: r,
                    record: self.t.record,
                    applied: &k.applied,
                    result: None,
                };
                if !self
                    .t
                    .filters
                    .iter()
                    .all(|f| keep(f, &ctx.get(&f.field, &self.inp)))
                {
                    continue;
                }
                if !self.inp.period.is_all() {
                    match ctx.get(&self.t.period, &self.inp).date() {
                        Some(d) if self.inp.period.contains(d) => {}
                        Some(_) => continue,
                        None => {
                            undated += 1;
                            continue;
                        }
                    }
                }
                let outcome = self.result_of(&ctx);
                ctx.result = outcome.as_ref();
                let cells: Vec<Value> = self
                    .t
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(i, c)| self.cell(c, i, &ctx))
                    .collect();
                let key = self.t.order.iter().map(|f| ctx.get(f, &self.inp)).collect();
                for a in k.applied.iter() {
                    corrected.insert((source.clone(), a.field.clone()));
                }
                rows.push((key, source.clone(), n, cells));
            }
        }
        rows.sort_by(|a, b| {
            a.0.iter()
                .zip(&b.0)
                .map(|(x, y)| cmp_values(x, y))
                .find(|o| *o != Ordering::Equal)
                .unwrap_or(Ordering::Equal)
                .then_with(|| a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
        });
        let p = &self.inp;
        let text_of = |s: &Option<String>| s.clone().map_or(Value::Empty, Value::Text);
        let header_block = vec![
            (
                "Amministrazione".to_owned(),
                text_of(&p.project.administration),
            ),
            ("Codice fiscale".to_owned(), text_of(&p.project.tax_code)),
            (
                "Anno di riferimento".to_owned(),
                p.period
                    .reference_year()
                    .map_or(Value::Empty, |y| Value::Integer(y.into())),
            ),
            ("Data di pubblicazione".to_owned(), Value::Date(p.published)),
            ("Elenco".to_owned(), Value::Text(self.t.title.clone())),
        ];
        Output {
            header_block,
            rows: rows.into_iter().map(|r| r.3).collect(),
            undated,
            corrected: corrected.len(),
        }
    }
}

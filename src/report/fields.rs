//! The fields a template may name: `record.field` of the output schema
//! (the columns of documents, decisions, amounts, parties...), the fields
//! computed for every document (`document.url`), and the pseudo-records
//! `config` (atti.toml), `report` (the period, the publication date) and
//! `result` (a PEG result).
//!
//! It also holds what a resolved name is, a [`FieldRef`] with its [`Ty`],
//! so that the template compiler and the writers take both from here and
//! this module depends on no other part of the report.

use serde::Deserialize;

use crate::nearest::suggest;
use crate::record::schema::{CellType, TableId, TABLES};

/// What a column's cells are, for a workbook (and for the text form).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Ty {
    Text,
    /// Text that must stay text (CIG, codes with leading zeros).
    Code,
    Date,
    Integer,
    Number,
    /// A number of euro, with two decimals.
    Amount,
    Boolean,
    /// A percentage (a number written as it is, 0..100).
    Percent,
}

/// A field of a record (or of the configuration, the report, a result).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRef {
    pub record: String,
    /// The JSON key of the record (or the pseudo-field's name).
    pub key: String,
    pub ty: Ty,
}

impl FieldRef {
    pub fn name(&self) -> String {
        format!("{}.{}", self.record, self.key)
    }
}

/// Pseudo-records and their fields.
const CONFIG_FIELDS: &[(&str, Ty)] = &[
    ("administration", Ty::Text),
    ("tax_code", Ty::Code),
    ("base_url", Ty::Text),
];
const REPORT_FIELDS: &[(&str, Ty)] = &[
    ("year", Ty::Integer),
    ("from", Ty::Date),
    ("to", Ty::Date),
    ("published", Ty::Date),
    ("title", Ty::Text),
];
const RESULT_FIELDS: &[(&str, Ty)] = &[
    ("value", Ty::Text),
    ("date", Ty::Date),
    ("note", Ty::Text),
    ("achievement", Ty::Percent),
    ("gap", Ty::Number),
    ("state", Ty::Text),
    ("source", Ty::Text),
];
/// Fields computed for every document.
const DOCUMENT_PSEUDO: &[(&str, Ty)] = &[("url", Ty::Text)];

fn ty_of(c: CellType) -> Ty {
    match c {
        CellType::Text => Ty::Text,
        CellType::Integer => Ty::Integer,
        CellType::Decimal => Ty::Number,
        CellType::Date => Ty::Date,
        CellType::Boolean => Ty::Boolean,
        CellType::Money => Ty::Amount,
    }
}

/// The tables whose records rows can be: every table of documents and what
/// they hold.
pub fn row_tables() -> Vec<&'static str> {
    TABLES
        .iter()
        .filter(|t| !matches!(t.id, TableId::Failures | TableId::Skipped))
        .map(|t| t.name)
        .collect()
}

/// Resolves `record.field`.
pub fn resolve_field(name: &str, rows_record: &str) -> std::result::Result<FieldRef, String> {
    let Some((record, field)) = name.split_once('.') else {
        return Err(format!(
            "`{name}`: a field is written record.field (decision.subject)"
        ));
    };
    let pseudo = |list: &[(&str, Ty)]| {
        list.iter()
            .find(|(n, _)| *n == field)
            .map(|(n, t)| FieldRef {
                record: record.into(),
                key: (*n).into(),
                ty: *t,
            })
            .ok_or_else(|| {
                let names: Vec<&str> = list.iter().map(|(n, _)| *n).collect();
                format!("field `{field}` of {record}: {}", suggest(field, &names))
            })
    };
    match record {
        "config" => return pseudo(CONFIG_FIELDS),
        "report" => return pseudo(REPORT_FIELDS),
        "result" => {
            if !matches!(rows_record, "indicator" | "objective") {
                return Err(format!("`{name}`: results are read for rows of indicators or objectives, not of {rows_record}"));
            }
            return pseudo(RESULT_FIELDS);
        }
        _ => {}
    }
    let mut records: Vec<&str> = TABLES
        .iter()
        .filter(|t| !matches!(t.id, TableId::Failures | TableId::Skipped))
        .map(|t| t.record)
        .collect();
    records.extend(["config", "report", "result"]);
    let Some(table) =
        TableId::of_record(record).filter(|t| !matches!(t, TableId::Failures | TableId::Skipped))
    else {
        return Err(format!(
            "record `{record}` in `{name}`: {}",
            suggest(record, &records)
        ));
    };
    let schema = table.schema();
    if let Some(c) = schema
        .columns
        .iter()
        .find(|c| c.id == field || c.field == field)
    {
        return Ok(FieldRef {
            record: record.into(),
            key: c.field.into(),
            ty: ty_of(c.ty),
        });
    }
    if table == TableId::Documents {
        if let Some((n, t)) = DOCUMENT_PSEUDO.iter().find(|(n, _)| *n == field) {
            return Ok(FieldRef {
                record: record.into(),
                key: (*n).into(),
                ty: *t,
            });
        }
    }
    let mut names: Vec<&str> = schema.columns.iter().map(|c| c.id).collect();
    if table == TableId::Documents {
        names.extend(DOCUMENT_PSEUDO.iter().map(|(n, _)| *n));
    }
    Err(format!(
        "field `{field}` of {record}: {}",
        suggest(field, &names)
    ))
}

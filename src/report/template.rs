//! A report template: a TOML file that says which rows a list has and how
//! each column is filled and written, compiled once into a [`Template`].
//!
//! Every name in it is checked when it is compiled (the rows' table, each
//! field against the output schema, each filter value against the known
//! values of its field, each code map, format and aggregate), and a
//! mistake is an [`Error::Config`] with the file, the line and the nearest
//! valid name: `atti report NAME --check` compiles without running. See
//! reports/README.md for the language.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::fields::{resolve_field, row_tables, FieldRef, Ty};
use super::format::{DateFormat, Decimal};
use super::maps::CodeMap;
use crate::error::{Error, Result};
use crate::nearest::suggest;
use crate::record::schema::TABLES;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplate {
    title: String,
    description: String,
    #[serde(default)]
    legal_basis: String,
    #[serde(default)]
    recipient: String,
    #[serde(default)]
    frequency: String,
    rows: Spanned<String>,
    period: Option<Spanned<String>>,
    #[serde(default)]
    sheet: Option<String>,
    #[serde(default)]
    filter: Vec<Spanned<RawFilter>>,
    #[serde(default)]
    order: Vec<Spanned<String>>,
    #[serde(default)]
    file: FileOptions,
    column: Vec<Spanned<RawColumn>>,
}

/// A condition on a field: the row is kept when every given test holds.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFilter {
    field: String,
    #[serde(default, rename = "in")]
    one_of: Option<Vec<String>>,
    #[serde(default)]
    not_in: Option<Vec<String>>,
    #[serde(default)]
    contains: Option<String>,
    #[serde(default)]
    min: Option<f64>,
    #[serde(default)]
    max: Option<f64>,
    #[serde(default)]
    present: Option<bool>,
    /// A regular expression (case-insensitive) the value must match.
    #[serde(default)]
    matches: Option<Spanned<String>>,
    /// One it must not match.
    #[serde(default)]
    not_matches: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColumn {
    header: String,
    #[serde(default)]
    json: Option<String>,
    #[serde(default)]
    field: Option<String>,
    #[serde(default)]
    constant: Option<String>,
    #[serde(default)]
    join: Option<String>,
    #[serde(default)]
    aggregate: Option<Aggregate>,
    #[serde(default)]
    of: Option<String>,
    #[serde(default)]
    over: Option<String>,
    #[serde(default, rename = "where")]
    conditions: Vec<RawFilter>,
    #[serde(default)]
    map: Option<String>,
    #[serde(default)]
    fields: Vec<String>,
    #[serde(default)]
    corrections: bool,
    #[serde(default)]
    blank: Option<String>,
    #[serde(default, rename = "type")]
    ty: Option<Ty>,
    #[serde(default)]
    format: Option<DateFormat>,
    #[serde(default)]
    decimal: Option<Decimal>,
    #[serde(default)]
    truncate: Option<usize>,
    #[serde(default)]
    separator: Option<String>,
    #[serde(default)]
    redact: Option<bool>,
}

/// File options: how the list is written.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct FileOptions {
    /// One character; `tab` for a tab.
    pub delimiter: String,
    pub bom: bool,
    pub encoding: Encoding,
    /// `crlf` (RFC 4180) or `lf`.
    pub line_end: LineEnd,
    /// The administration, codice fiscale, reference year and publication
    /// date above the header row (CSV and workbooks).
    pub header_block: bool,
    /// The default date form and decimal separator of the columns.
    pub date_format: DateFormat,
    pub decimal: Decimal,
    /// Between the values of a multi-value cell.
    pub separator: String,
    /// The mark that ends a truncated text.
    pub truncation_mark: String,
    /// The key of the rows in the JSON form.
    pub json_rows: String,
    /// Natural persons among the parties written as `redaction_text`.
    pub redact_natural_persons: bool,
    pub redaction_text: String,
}

impl Default for FileOptions {
    fn default() -> Self {
        FileOptions {
            delimiter: ";".into(),
            bom: true,
            encoding: Encoding::Utf8,
            line_end: LineEnd::Crlf,
            header_block: false,
            date_format: DateFormat::Iso,
            decimal: Decimal::Comma,
            separator: "\n".into(),
            truncation_mark: "…".into(),
            json_rows: "dati".into(),
            redact_natural_persons: false,
            redaction_text: "Dati non pubblicati (persona fisica)".into(),
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum Encoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "windows-1252")]
    Windows1252,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LineEnd {
    Crlf,
    Lf,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Aggregate {
    Sum,
    Count,
    Min,
    Max,
}

/// A compiled filter.
#[derive(Debug, Clone)]
pub struct Filter {
    pub field: FieldRef,
    pub one_of: Option<Vec<String>>,
    pub not_in: Option<Vec<String>>,
    pub contains: Option<String>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub present: Option<bool>,
    pub matches: Option<regex::Regex>,
    pub not_matches: Option<regex::Regex>,
}

/// Where a column's value comes from.
#[derive(Debug, Clone)]
pub enum Source {
    Field(FieldRef),
    Constant(String),
    /// The values of the row's children (or parents), one per child.
    Join {
        of: FieldRef,
        conditions: Vec<Filter>,
    },
    /// Over the row's children, or over every act sharing the key `over`.
    Aggregate {
        fun: Aggregate,
        of: Option<FieldRef>,
        over: Option<FieldRef>,
        conditions: Vec<Filter>,
    },
    /// The key fields' values (joined by a space) mapped through a table.
    Map {
        map: CodeMap,
        keys: Vec<FieldRef>,
    },
    /// The corrections applied to the row's document, each with the
    /// extracted value beside it.
    Corrections,
    /// A column atti does not fill yet; the reason is documentation.
    Blank(String),
}

#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    pub json: String,
    pub source: Source,
    pub ty: Ty,
    pub date_format: DateFormat,
    pub decimal: Decimal,
    pub truncate: Option<usize>,
    pub separator: String,
    pub redact: bool,
}

/// A compiled template.
#[derive(Debug, Clone)]
pub struct Template {
    /// The name it is called by (the file stem).
    pub name: String,
    /// The file it was read from, as errors name it.
    pub file: String,
    pub title: String,
    pub description: String,
    pub legal_basis: String,
    pub recipient: String,
    pub frequency: String,
    pub sheet: String,
    /// The table whose records are the rows (`decisions`).
    pub rows: &'static str,
    /// The record of a row (`decision`).
    pub record: &'static str,
    pub period: FieldRef,
    pub filters: Vec<Filter>,
    pub order: Vec<FieldRef>,
    pub file_options: FileOptions,
    pub columns: Vec<Column>,
}

/// The values a field's filters may name, by field (reports/values.toml).
pub type Vocabulary = BTreeMap<String, Vec<String>>;

/// The key of [`Vocabulary`] that lists legal forms.
pub const LEGAL_FORMS: &str = "legal_forms";

/// What compiling needs besides the text: the code maps and vocabulary.
pub struct Compiler<'a> {
    pub maps: &'a BTreeMap<String, CodeMap>,
    pub vocabulary: &'a Vocabulary,
}

impl Compiler<'_> {
    /// Compiles the text of a template file.
    pub fn compile(&self, name: &str, file: &str, text: &str) -> Result<Template> {
        let raw: RawTemplate =
            toml::from_str(text).map_err(|e| crate::project::toml_error(file, text, &e))?;
        let line =
            |span: std::ops::Range<usize>| crate::rules::source::line_col(text, span.start).0;
        let err = |span: std::ops::Range<usize>, message: String| Error::Config {
            file: file.to_owned(),
            line: line(span),
            message,
        };
        let tables = row_tables();
        let rows = raw.rows.get_ref().as_str();
        let Some(schema) = TABLES
            .iter()
            .find(|t| t.name == rows && tables.contains(&t.name))
        else {
            return Err(err(
                raw.rows.span(),
                format!("rows `{rows}`: {}", suggest(rows, &tables)),
            ));
        };
        let record = schema.record;
        let field = |name: &str, span: std::ops::Range<usize>| {
            resolve_field(name, record).map_err(|m| err(span, m))
        };
        let period = match &raw.period {
            Some(p) => field(p.get_ref(), p.span())?,
            None => field("document.date", raw.rows.span())?,
        };
        if period.ty != Ty::Date {
            let span = raw.period.as_ref().map_or(raw.rows.span(), |p| p.span());
            return Err(err(
                span,
                format!("period `{}` is not a date field", period.name()),
            ));
        }
        let filters = raw
            .filter
            .iter()
            .map(|f| {
                self.filter(f.get_ref(), record)
                    .map_err(|m| err(f.span(), m))
            })
            .collect::<Result<Vec<_>>>()?;
        let order = raw
            .order
            .iter()
            .map(|o| field(o.get_ref(), o.span()))
            .collect::<Result<Vec<_>>>()?;
        let fo = raw.file.clone();
        let delim_ok = fo.delimiter == "tab"
            || (fo.delimiter.len() == 1 && !matches!(fo.delimiter.as_str(), "\"" | "\n" | "\r"));
        if !delim_ok {
            return Err(err(
                0..0,
                format!(
                    "file.delimiter `{}`: one ASCII character (or `tab`)",
                    fo.delimiter
                ),
            ));
        }
        let mut columns = Vec::new();
        for c in &raw.column {
            columns.push(
                self.column(c.get_ref(), record, &fo)
                    .map_err(|m| err(c.span(), m))?,
            );
        }
        if columns.is_empty() {
            return Err(err(0..0, "a template needs at least one [[column]]".into()));
        }
        Ok(Template {
            name: name.to_owned(),
            file: file.to_owned(),
            sheet: raw
                .sheet
                .clone()
                .unwrap_or_else(|| raw.title.chars().take(31).collect()),
            title: raw.title,
            description: raw.description,
            legal_basis: raw.legal_basis,
            recipient: raw.recipient,
            frequency: raw.frequency,
            rows: schema.name,
            record,
            period,
            filters,
            order,
            file_options: fo,
            columns,
        })
    }

    fn filter(&self, f: &RawFilter, record: &str) -> std::result::Result<Filter, String> {
        let field = resolve_field(&f.field, record)?;
        if let Some(valid) = self.vocabulary.get(&field.name()) {
            let valid: Vec<&str> = valid.iter().map(String::as_str).collect();
            for v in f.one_of.iter().chain(&f.not_in).flatten() {
                if !valid.contains(&v.as_str()) {
                    return Err(format!(
                        "value `{v}` of {}: {}",
                        field.name(),
                        suggest(v, &valid)
                    ));
                }
            }
        }
        if (f.min.is_some() || f.max.is_some())
            && !matches!(
                field.ty,
                Ty::Number | Ty::Amount | Ty::Integer | Ty::Percent
            )
        {
            return Err(format!(
                "min/max on `{}`, which is not a number",
                field.name()
            ));
        }
        let re = |p: &Option<Spanned<String>>| {
            p.as_ref()
                .map(|p| {
                    regex::RegexBuilder::new(p.get_ref())
                        .case_insensitive(true)
                        .build()
                        .map_err(|e| format!("matches `{}`: {e}", p.get_ref()))
                })
                .transpose()
        };
        Ok(Filter {
            matches: re(&f.matches)?,
            not_matches: re(&f.not_matches)?,
            field,
            one_of: f.one_of.clone(),
            not_in: f.not_in.clone(),
            contains: f.contains.as_ref().map(|s| s.to_lowercase()),
            min: f.min,
            max: f.max,
            present: f.present,
        })
    }

    fn column(
        &self,
        c: &RawColumn,
        record: &str,
        fo: &FileOptions,
    ) -> std::result::Result<Column, String> {
        let given = [
            ("field", c.field.is_some() && c.map.is_none()),
            ("constant", c.constant.is_some()),
            ("join", c.join.is_some()),
            ("aggregate", c.aggregate.is_some()),
            ("map", c.map.is_some()),
            ("corrections", c.corrections),
            ("blank", c.blank.is_some()),
        ];
        let kinds: Vec<&str> = given.iter().filter(|(_, g)| *g).map(|(k, _)| *k).collect();
        if kinds.len() != 1 {
            return Err(format!(
                "column `{}`: give exactly one of field, constant, join, aggregate, map, corrections, blank (given: {})",
                c.header,
                if kinds.is_empty() { "none".to_owned() } else { kinds.join(", ") }
            ));
        }
        let conditions = || {
            c.conditions
                .iter()
                .map(|f| self.filter(f, record))
                .collect::<std::result::Result<Vec<_>, _>>()
        };
        let (source, natural_ty) = if let Some(m) = &c.map {
            let map = self.maps.get(m).cloned().ok_or_else(|| {
                let names: Vec<&str> = self.maps.keys().map(String::as_str).collect();
                format!("map `{m}`: {}", suggest(m, &names))
            })?;
            let mut keys: Vec<String> = c.fields.clone();
            keys.extend(c.field.clone());
            if keys.is_empty() {
                return Err(format!(
                    "column `{}`: a map needs field or fields",
                    c.header
                ));
            }
            let keys = keys
                .iter()
                .map(|k| resolve_field(k, record))
                .collect::<std::result::Result<Vec<_>, _>>()?;
            (Source::Map { map, keys }, Ty::Code)
        } else if let Some(f) = &c.field {
            let f = resolve_field(f, record)?;
            let ty = f.ty;
            (Source::Field(f), ty)
        } else if let Some(k) = &c.constant {
            (Source::Constant(k.clone()), Ty::Text)
        } else if let Some(j) = &c.join {
            let of = resolve_field(j, record)?;
            let ty = of.ty;
            (
                Source::Join {
                    of,
                    conditions: conditions()?,
                },
                ty,
            )
        } else if let Some(fun) = c.aggregate {
            let of =
                c.of.as_deref()
                    .map(|o| resolve_field(o, record))
                    .transpose()?;
            if fun != Aggregate::Count && of.is_none() {
                return Err(
                    format!("column `{}`: aggregate {fun:?} needs `of`", c.header).to_lowercase(),
                );
            }
            let over = c
                .over
                .as_deref()
                .map(|o| resolve_field(o, record))
                .transpose()?;
            let ty = match fun {
                Aggregate::Count => Ty::Integer,
                _ => of.as_ref().map_or(Ty::Number, |o| o.ty),
            };
            (
                Source::Aggregate {
                    fun,
                    of,
                    over,
                    conditions: conditions()?,
                },
                ty,
            )
        } else if c.corrections {
            (Source::Corrections, Ty::Text)
        } else {
            (Source::Blank(c.blank.clone().unwrap_or_default()), Ty::Text)
        };
        let ty = c.ty.unwrap_or(natural_ty);
        Ok(Column {
            json: c.json.clone().unwrap_or_else(|| c.header.clone()),
            header: c.header.clone(),
            source,
            ty,
            date_format: c.format.unwrap_or(fo.date_format),
            decimal: c.decimal.unwrap_or(fo.decimal),
            truncate: c.truncate,
            separator: c.separator.clone().unwrap_or_else(|| fo.separator.clone()),
            redact: c.redact.unwrap_or(fo.redact_natural_persons),
        })
    }
}

impl Template {
    /// The records the template reads (`decision`, `party`...), besides the
    /// document: a run drops the others from each record before it reads
    /// it, so a list of decisions does not carry every document's values
    /// and provenance.
    pub fn records_used(&self) -> std::collections::BTreeSet<String> {
        let mut out = std::collections::BTreeSet::from([self.record.to_owned()]);
        let mut add = |f: &FieldRef| {
            out.insert(f.record.clone());
        };
        add(&self.period);
        self.order.iter().for_each(&mut add);
        for f in &self.filters {
            add(&f.field);
        }
        for c in &self.columns {
            match &c.source {
                Source::Field(f) => add(f),
                Source::Join { of, conditions } => {
                    add(of);
                    conditions.iter().for_each(|f| add(&f.field));
                }
                Source::Aggregate {
                    of,
                    over,
                    conditions,
                    ..
                } => {
                    of.iter().chain(over).for_each(&mut add);
                    conditions.iter().for_each(|f| add(&f.field));
                }
                Source::Map { keys, .. } => keys.iter().for_each(&mut add),
                Source::Constant(_) | Source::Corrections | Source::Blank(_) => {}
            }
        }
        // An indicator or phase finds its objective, an amount or party its
        // decision.
        match self.record {
            "indicator" | "phase" => {
                out.insert("objective".into());
            }
            "amount" | "party" => {
                out.insert("decision".into());
            }
            _ => {}
        }
        out
    }
}

//! Compiling a `[[table]]` rule: its columns, their labels and the header
//! they make when the rule gives none.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use super::rule_regex::Regex;

use super::compiled::{Column, Table};
use super::ctx::Ctx;
use super::format;
use super::limits;
use super::target;
use crate::error::Result;

impl Ctx<'_> {
    pub(super) fn table(
        &self,
        t: format::TableRule,
        ids: &mut HashMap<String, String>,
    ) -> Result<Table> {
        let id_span = t.id.span();
        let meta = self.meta(&t.id, t.description, t.examples, ids)?;
        let id = meta.id.clone();
        let record_name = t.record.get_ref().clone();
        let record =
            target::record_of_table(&record_name).map_err(|m| self.err(t.record.span(), &id, m))?;
        let row = t.row.as_ref().map(|r| self.regex(r, &id)).transpose()?;
        let names: HashSet<&str> = row
            .iter()
            .flat_map(|r| r.capture_names().flatten())
            .collect();
        let mut columns = Vec::new();
        for c in t.columns {
            // A table of objectives also names the indicator a row is about
            // (`indicator.description`); other tables name their own fields.
            let full = match c.field.get_ref().split_once('.') {
                Some(("indicator" | "objective", _)) if record_name == "objective" => {
                    c.field.get_ref().clone()
                }
                _ => format!("{record_name}.{}", c.field.get_ref()),
            };
            target::check(&full).map_err(|m| self.err(c.field.span(), &id, m))?;
            let labels = c.label.into_vec();
            if labels.iter().all(|l| l.trim().is_empty()) {
                return Err(self.err(c.field.span(), &id, "a column needs a `label`"));
            }
            for l in &labels {
                limits::check_length("label", l).map_err(|m| self.err(c.field.span(), &id, m))?;
            }
            columns.push(Column {
                field: c.field.get_ref().clone(),
                label_words: labels
                    .iter()
                    .map(|l| super::compiled::label_words(l))
                    .collect(),
                labels,
                normalise: self.normalisers(&c.normalise, &id)?,
                key: c.key,
            });
        }
        if columns.is_empty() {
            return Err(self.err(id_span, &id, "a table needs `columns`"));
        }
        if let (Some(r), false) = (
            &t.row,
            columns.iter().any(|c| names.contains(c.field.as_str())),
        ) {
            return Err(self.err(
                r.span(),
                &id,
                "the row regex has no capture named after a column",
            ));
        }
        if !columns.iter().any(|c| c.key) {
            return Err(self.err(
                id_span,
                &id,
                "one column must be `key = true` (a row starts where it has a value)",
            ));
        }
        let header = match &t.header {
            Some(h) => self.regex(h, &id)?,
            None => self.header_from_labels(&columns, &id, id_span.clone())?,
        };
        Ok(Table {
            kinds: t.kinds,
            record,
            record_name,
            section: t.section,
            header,
            columns,
            row,
            end: t.end.as_ref().map(|r| self.regex(r, &id)).transpose()?,
            index: 0,
            heads: Arc::default(),
            meta,
        })
    }

    /// The header line of a table rule that gives none: a line where two
    /// of its columns' labels are found (one, for a table of one column).
    fn header_from_labels(
        &self,
        columns: &[Column],
        id: &str,
        span: Range<usize>,
    ) -> Result<Regex> {
        let alternatives: Vec<String> = columns
            .iter()
            .flat_map(|c| &c.labels)
            .map(|l| {
                l.split_whitespace()
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .filter(|l| !l.is_empty())
            .collect();
        let any = format!(r"\b(?:{})\b", alternatives.join("|"));
        let pat = if columns.len() > 1 {
            format!("(?mi)^.*{any}.*{any}")
        } else {
            format!("(?mi)^.*{any}")
        };
        self.budget.build(&pat).map_err(|m| self.err(span, id, m))
    }
}

//! `atti rules diff`: what candidate rules would change in the archive.
//!
//! For every document the candidate rules would read differently (see
//! [`super::replay`]), the values of each field in the index are set
//! against the values the rules read now. Within one document and field,
//! values found in both are the same; of the rest, old and new are paired
//! in reading order as changed, a new value left over appeared, an old one
//! disappeared. Fields are the names of [`crate::record::Field`]
//! (`decision.act_number`, `phase[2].start_date`) and the document's own
//! `kind`, `title`, `date` and `year`.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use super::{replay, Replayed, Scope};
use crate::error::Result;
use crate::record::Document;
use crate::rules::RuleSet;

/// One changed value, to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Example {
    pub doc_id: String,
    pub source_file: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The page the value was read on (the new one's, else the old one's).
    pub page: Option<u32>,
}

/// What changed in one field over the archive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldDiff {
    pub field: String,
    pub appeared: usize,
    pub disappeared: usize,
    pub changed: usize,
    /// The first examples, at most the limit asked for.
    pub examples: Vec<Example>,
}

/// What candidate rules would change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// Documents in the scope.
    pub documents: usize,
    /// Read again from their stored pages.
    pub read: usize,
    /// Left as they are: the candidate rules for their kind are those that
    /// made them.
    pub current: usize,
    /// Made by other rules, but nothing that changed finds anything in
    /// their stored pages: left as they are.
    pub untouched: usize,
    /// Without stored pages of this extractor: not compared.
    pub no_pages: usize,
    /// The rules failed on them.
    pub failed: usize,
    /// Documents with at least one value changed.
    pub changed_documents: usize,
    /// By field name.
    pub fields: Vec<FieldDiff>,
    pub elapsed_ms: u64,
}

impl Diff {
    /// Whether any value would change.
    pub fn any(&self) -> bool {
        self.changed_documents > 0
    }
}

/// Applies `rules` to the stored pages of the archive at `index` and sets
/// what they read against what the index holds; at most `limit` examples
/// per field.
pub fn diff(index: &Path, rules: &RuleSet, kind: Option<&str>, limit: usize) -> Result<Diff> {
    let started = Instant::now();
    let mut out = Diff::default();
    let mut fields: BTreeMap<String, FieldDiff> = BTreeMap::new();
    let scope = Scope {
        kind: kind.map(str::to_owned),
        all: false,
    };
    replay(index, rules, &scope, |r| {
        out.documents += 1;
        match r {
            Replayed::Current => out.current += 1,
            Replayed::Untouched => out.untouched += 1,
            Replayed::NoPages => out.no_pages += 1,
            Replayed::Failed(_) => out.failed += 1,
            Replayed::Read(old, new, _) => {
                out.read += 1;
                if compare(&old, &new, &mut fields, limit) {
                    out.changed_documents += 1;
                }
            }
        }
        Ok(())
    })?;
    out.fields = fields.into_values().collect();
    out.elapsed_ms = started.elapsed().as_millis() as u64;
    Ok(out)
}

/// A field's values in one document: (value, page).
type Values = BTreeMap<String, Vec<(String, Option<u32>)>>;

fn values(d: &Document) -> Values {
    let mut v: Values = BTreeMap::new();
    let mut own = |name: &str, value: Option<String>| {
        if let Some(x) = value {
            v.entry(name.to_owned()).or_default().push((x, None));
        }
    };
    own("kind", Some(d.kind.clone()));
    own("title", d.title.clone());
    own("date", d.date.map(|x| x.to_string()));
    own("year", d.year.map(|x| x.to_string()));
    for f in &d.fields {
        v.entry(f.name.clone())
            .or_default()
            .push((f.value.clone(), f.span.map(|s| s.page)));
    }
    v
}

/// Adds one document's differences; whether it had any.
fn compare(
    old: &Document,
    new: &Document,
    fields: &mut BTreeMap<String, FieldDiff>,
    limit: usize,
) -> bool {
    let (mut a, mut b) = (values(old), values(new));
    let names: Vec<String> = a.keys().chain(b.keys()).cloned().collect();
    let mut any = false;
    for name in names {
        let mut olds = a.remove(&name).unwrap_or_default();
        let mut news = b.remove(&name).unwrap_or_default();
        // Values in both are unchanged, wherever they were read.
        olds.retain(|(v, _)| match news.iter().position(|(n, _)| n == v) {
            Some(i) => {
                news.remove(i);
                false
            }
            None => true,
        });
        if olds.is_empty() && news.is_empty() {
            continue;
        }
        any = true;
        let f = fields.entry(name.clone()).or_insert_with(|| FieldDiff {
            field: name.clone(),
            ..FieldDiff::default()
        });
        let pairs = olds.len().max(news.len());
        for i in 0..pairs {
            let (o, n) = (olds.get(i), news.get(i));
            match (o, n) {
                (Some(_), Some(_)) => f.changed += 1,
                (None, Some(_)) => f.appeared += 1,
                (Some(_), None) => f.disappeared += 1,
                (None, None) => {}
            }
            if f.examples.len() < limit {
                f.examples.push(Example {
                    doc_id: new.doc_id.clone(),
                    source_file: old.source_file.clone(),
                    old: o.map(|x| x.0.clone()),
                    new: n.map(|x| x.0.clone()),
                    page: n.and_then(|x| x.1).or_else(|| o.and_then(|x| x.1)),
                });
            }
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Field, Span};

    fn field(name: &str, value: &str, page: u32) -> Field {
        Field {
            name: name.into(),
            value: value.into(),
            rule: "r".into(),
            span: Some(Span {
                page,
                start: 0,
                end: 1,
            }),
        }
    }

    #[test]
    fn values_pair_as_changed_appeared_and_disappeared() {
        let old = Document {
            kind: "deliberation".into(),
            fields: vec![
                field("decision.act_number", "12", 1),
                field("decision.approved_by", "Comune di Ala", 2),
                field("decision.approved_by", "Comune di Avio", 2),
                field("decision.subject", "Bilancio", 1),
            ],
            ..Document::default()
        };
        let new = Document {
            kind: "deliberation".into(),
            fields: vec![
                field("decision.act_number", "12/A", 1),
                field("decision.approved_by", "Comune di Avio", 2),
                field("decision.subject", "Bilancio", 1),
                field("decision.outcome", "approvata", 3),
            ],
            ..Document::default()
        };
        let mut fields = BTreeMap::new();
        assert!(compare(&old, &new, &mut fields, 5));
        let got: Vec<(&str, usize, usize, usize)> = fields
            .values()
            .map(|f| (f.field.as_str(), f.appeared, f.disappeared, f.changed))
            .collect();
        assert_eq!(
            got,
            [
                ("decision.act_number", 0, 0, 1),
                ("decision.approved_by", 0, 1, 0),
                ("decision.outcome", 1, 0, 0),
            ]
        );
        let ex = &fields["decision.act_number"].examples[0];
        assert_eq!(
            (ex.old.as_deref(), ex.new.as_deref(), ex.page),
            (Some("12"), Some("12/A"), Some(1))
        );
        let mut none = BTreeMap::new();
        assert!(!compare(&old, &old, &mut none, 5));
        assert!(none.is_empty());
    }
}

//! Corrections: values a person has put right by hand, kept apart from the
//! index and applied over the rules' values whenever records are read.
//!
//! A corrections file (TOML, meant for version control; see
//! [`crate::project`] for where it lives) lists one `[[correction]]` per
//! value: the document's content hash and path, the field, the value, who,
//! when, why, and the value the rules had given when it was corrected. The
//! index is derived data (an ingest or a rules change rewrites it), so a
//! correction is never written into it: `atti show`, `atti export`,
//! `atti run`, `atti report` and the web page's lists read records and
//! then apply the corrections of each one
//! ([`Corrections::apply`]), which is why a correction survives any
//! re-ingest. A document is found by its content hash, else (the file was
//! edited) by its path. When the rules now give another value than the one
//! corrected, `atti corrections` says so: the correction may be stale.
//!
//! A field is named as rules name it, `record.field` (`decision.subject`,
//! `document.title`), with the record's 1-based position when a document
//! holds several (`phase.2.end_date`; the first by default). A correction
//! of the record one past the last adds it (`party.1.name` of an act whose
//! rules read no party): a value the rules missed is corrected too.

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::record::schema::{CellType, TableId};
use crate::record::Document;

/// One corrected value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The document's content hash (sha256).
    pub doc: String,
    /// Its path under the archive root when corrected.
    pub path: String,
    pub field: String,
    pub value: String,
    /// What the rules had read when the correction was made ("" for none).
    #[serde(default)]
    pub extracted: String,
    pub who: String,
    /// RFC 3339.
    pub when: String,
    pub why: String,
}

/// A correction applied to a record, with the value the rules give now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Applied {
    pub field: String,
    pub value: String,
    /// The rules' value now ("" for none).
    pub extracted: String,
    /// The rules' value when it was corrected.
    pub extracted_then: String,
    pub who: String,
    pub when: String,
    pub why: String,
}

impl Applied {
    /// Whether the rules now read another value than when it was corrected.
    pub fn extracted_changed(&self) -> bool {
        self.extracted != self.extracted_then
    }

    /// `campo: valore (estratto: X; motivo)`, for a report's note column.
    pub fn note(&self) -> String {
        let extracted = if self.extracted.is_empty() {
            "nessuno"
        } else {
            &self.extracted
        };
        format!(
            "{} corretto in \"{}\" (estratto: \"{}\"; {}, {})",
            self.field, self.value, extracted, self.who, self.why
        )
    }
}

/// Every correction of a project.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    #[serde(default, rename = "correction")]
    pub list: Vec<Correction>,
}

/// Where a field lives in a document's JSON form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPath {
    /// `None` for a document field, else the JSON array (`decisions`).
    pub array: Option<&'static str>,
    /// 0-based position in the array.
    pub index: usize,
    /// The JSON key.
    pub key: &'static str,
    pub ty: CellType,
}

/// Resolves `record[.N].field` against the output schema.
pub fn field_path(name: &str) -> std::result::Result<FieldPath, String> {
    let parts: Vec<&str> = name.split('.').collect();
    let (record, index, field) = match parts.as_slice() {
        [r, f] => (*r, 1, *f),
        [r, n, f] => (
            *r,
            n.parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| format!("`{n}` in `{name}` is not a position (1, 2, ...)"))?,
            *f,
        ),
        _ => {
            return Err(format!(
                "`{name}`: a field is written record.field (decision.subject)"
            ))
        }
    };
    let records: Vec<&str> = crate::record::schema::TABLES
        .iter()
        .filter(|t| !matches!(t.id, TableId::Failures | TableId::Skipped))
        .map(|t| t.record)
        .collect();
    let table = TableId::of_record(record)
        .filter(|t| !matches!(t, TableId::Failures | TableId::Skipped))
        .ok_or_else(|| {
            format!(
                "record `{record}`: {}",
                crate::nearest::suggest(record, &records)
            )
        })?;
    let schema = table.schema();
    let col = schema
        .column(field)
        .filter(|c| c.id != "doc_id" && c.id != "source_file");
    let Some(col) = col else {
        let names: Vec<&str> = schema
            .columns
            .iter()
            .map(|c| c.id)
            .filter(|c| *c != "doc_id" && *c != "source_file")
            .collect();
        return Err(format!(
            "field `{field}` of {record}: {}",
            crate::nearest::suggest(field, &names)
        ));
    };
    Ok(FieldPath {
        array: (table != TableId::Documents).then_some(schema.name),
        index: index - 1,
        key: col.field,
        ty: col.ty,
    })
}

/// An empty record of the document's array `array`, at 1-based position
/// `seq`: what a correction one past the last record fills.
fn blank_record(array: &str, seq: usize) -> Option<Value> {
    use crate::record::*;
    let mut v = match array {
        "objectives" => serde_json::to_value(Objective::default()),
        "phases" => serde_json::to_value(Phase::default()),
        "indicators" => serde_json::to_value(Indicator::default()),
        "decisions" => serde_json::to_value(Decision::default()),
        "references" => serde_json::to_value(Reference::default()),
        "amounts" => serde_json::to_value(Amount::default()),
        "parties" => serde_json::to_value(Party::default()),
        _ => return None,
    }
    .ok()?;
    if let Some(n) = v.get_mut("seq") {
        *n = Value::from(seq);
    }
    Some(v)
}

/// The text of a JSON value as a cell shows it.
pub fn value_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(value_text).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

impl FieldPath {
    fn get<'a>(&self, doc: &'a Value) -> Option<&'a Value> {
        let rec = match self.array {
            None => doc,
            Some(a) => doc.get(a)?.get(self.index)?,
        };
        rec.get(self.key)
    }

    fn get_mut<'a>(&self, doc: &'a mut Value) -> Option<&'a mut Value> {
        let rec = match self.array {
            None => doc,
            Some(a) => {
                let records = doc.get_mut(a)?.as_array_mut()?;
                // One past the last: a record the rules missed (a
                // beneficiary the act names), added by the correction.
                if records.len() == self.index {
                    records.push(blank_record(a, self.index + 1)?);
                }
                records.get_mut(self.index)?
            }
        };
        rec.as_object_mut()
            .map(|o| o.entry(self.key).or_insert(Value::Null))
    }

    /// The JSON value a typed field takes for `text` (a date in any form
    /// the Italian grammar reads, a number with a decimal comma, sì/no).
    fn typed(&self, text: &str, current: Option<&Value>) -> std::result::Result<Value, String> {
        let t = text.trim();
        if t.is_empty() {
            return Ok(Value::Null);
        }
        if let Some(Value::Array(_)) = current {
            return Ok(Value::Array(
                t.split(';')
                    .map(|s| Value::String(s.trim().to_owned()))
                    .collect(),
            ));
        }
        if let Some(Value::String(_)) = current {
            if !matches!(self.ty, CellType::Date | CellType::Money) {
                return Ok(Value::String(t.to_owned()));
            }
        }
        Ok(match self.ty {
            CellType::Text => Value::String(t.to_owned()),
            CellType::Date => {
                let d = chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
                    .ok()
                    .or_else(|| atti_italian::date::parse_date(t).ok())
                    .ok_or_else(|| format!("`{t}` non è una data (AAAA-MM-GG o GG/MM/AAAA)"))?;
                Value::String(d.format("%Y-%m-%d").to_string())
            }
            CellType::Integer => Value::from(
                t.replace('.', "")
                    .parse::<i64>()
                    .map_err(|_| format!("`{t}` non è un numero intero"))?,
            ),
            CellType::Decimal => {
                let n = atti_italian::numbers::leading(t)
                    .ok_or_else(|| format!("`{t}` non è un numero"))?;
                serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
            }
            CellType::Money => {
                let n = atti_italian::numbers::leading(t)
                    .ok_or_else(|| format!("`{t}` non è un importo"))?;
                Value::String(format!("{n:.2}"))
            }
            CellType::Boolean => match t.to_lowercase().as_str() {
                "sì" | "si" | "true" | "vero" | "1" => Value::Bool(true),
                "no" | "false" | "falso" | "0" => Value::Bool(false),
                _ => return Err(format!("`{t}` non è sì o no")),
            },
        })
    }
}

impl Corrections {
    /// Reads a corrections file; a missing file is no corrections.
    pub fn load(path: &Path) -> Result<Corrections> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Corrections::default()),
            Err(e) => return Err(Error::io(path, e)),
        };
        let file = path.display().to_string();
        let c: Corrections =
            toml::from_str(&text).map_err(|e| crate::project::toml_error(&file, &text, &e))?;
        for (i, x) in c.list.iter().enumerate() {
            if let Err(m) = field_path(&x.field) {
                let line = text
                    .match_indices("[[correction]]")
                    .nth(i)
                    .map_or(1, |(o, _)| crate::rules::source::line_col(&text, o).0);
                return Err(Error::Config {
                    file,
                    line,
                    message: m,
                });
            }
        }
        Ok(c)
    }

    /// Writes the file whole (corrections in the order they were made).
    pub fn save(&self, path: &Path) -> Result<()> {
        let head = "# Correzioni fatte a mano (atti correct): applicate ai valori letti dalle regole\n# a ogni lettura dell'indice. File da tenere sotto controllo di versione.\n\n";
        let body = toml::to_string(self).map_err(|e| Error::Usage(e.to_string()))?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::write(path, format!("{head}{body}")).map_err(|e| Error::io(path, e))
    }

    /// The corrections of a document: by content hash, else by path.
    pub fn of<'a>(&'a self, d: &'a Document) -> impl Iterator<Item = &'a Correction> + 'a {
        let by_hash = self.list.iter().any(|c| c.doc == d.sha256);
        self.list.iter().filter(move |c| {
            if by_hash {
                c.doc == d.sha256
            } else {
                c.path == d.source_file || d.paths.contains(&c.path)
            }
        })
    }

    /// Adds (or replaces) the correction of `field` in `d`, checked by
    /// applying it; returns it.
    pub fn add(
        &mut self,
        d: &Document,
        field: &str,
        value: &str,
        who: &str,
        why: &str,
        when: &str,
    ) -> Result<Correction> {
        let fp = field_path(field).map_err(Error::Usage)?;
        let json = serde_json::to_value(d)?;
        // A record that exists, or the one after the last (added).
        if let Some(array) = fp.array {
            let have = json
                .get(array)
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            if fp.index > have {
                return Err(Error::Usage(format!(
                    "il documento {} ha {have} record `{}`: si corregge uno di essi o se ne aggiunge uno, il n. {}",
                    d.source_file,
                    field.split('.').next().unwrap_or(field),
                    have + 1
                )));
            }
        }
        let current = fp.get(&json);
        // Kept in the form the records hold (a date as 2024-03-05).
        let typed = fp.typed(value, current).map_err(Error::Usage)?;
        let c = Correction {
            doc: d.sha256.clone(),
            path: d.source_file.clone(),
            field: field.to_owned(),
            value: value_text(&typed),
            extracted: current.map(value_text).unwrap_or_default(),
            who: who.to_owned(),
            when: when.to_owned(),
            why: why.to_owned(),
        };
        self.list
            .retain(|x| !(x.doc == c.doc && x.field == c.field));
        self.list.push(c.clone());
        Ok(c)
    }

    /// Applies the document's corrections over the rules' values; returns
    /// what was applied, each with the value the rules give now. A
    /// correction whose record the document no longer holds is applied to
    /// nothing and returned with an empty extracted value.
    pub fn apply(&self, d: &mut Document) -> Vec<Applied> {
        let mine: Vec<Correction> = self.of(d).cloned().collect();
        if mine.is_empty() {
            return Vec::new();
        }
        let Ok(mut json) = serde_json::to_value(&*d) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for c in mine {
            let Ok(fp) = field_path(&c.field) else {
                continue;
            };
            let extracted = fp.get(&json).map(value_text).unwrap_or_default();
            let typed = fp.typed(&c.value, fp.get(&json));
            if let (Ok(v), Some(slot)) = (typed, fp.get_mut(&mut json)) {
                *slot = v;
            }
            out.push(Applied {
                field: c.field,
                value: c.value,
                extracted,
                extracted_then: c.extracted,
                who: c.who,
                when: c.when,
                why: c.why,
            });
        }
        if let Ok(corrected) = serde_json::from_value::<Document>(json) {
            *d = corrected;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Decision;

    fn doc() -> Document {
        Document {
            doc_id: "abc".into(),
            sha256: "abcdef".into(),
            source_file: "dd/1.pdf".into(),
            decisions: vec![Decision {
                act_number: Some("12".into()),
                votes_for: Some(7),
                ..Decision::default()
            }],
            ..Document::default()
        }
    }

    #[test]
    fn a_correction_is_applied_typed_and_keeps_the_extracted_value() {
        let mut c = Corrections::default();
        let d = doc();
        c.add(
            &d,
            "decision.votes_for",
            "9",
            "Rossi",
            "verbale",
            "2026-12-05T10:00:00Z",
        )
        .unwrap();
        c.add(
            &d,
            "decision.decision_date",
            "3/2/2024",
            "Rossi",
            "data errata",
            "t",
        )
        .unwrap();
        let mut d2 = doc();
        let applied = c.apply(&mut d2);
        assert_eq!(d2.decisions[0].votes_for, Some(9));
        assert_eq!(
            d2.decisions[0].decision_date,
            chrono::NaiveDate::from_ymd_opt(2024, 2, 3)
        );
        assert_eq!(applied[0].extracted, "7");
        assert!(!applied[0].extracted_changed());
        // The rules now read another value: the correction still wins, and says so.
        let mut d3 = doc();
        d3.decisions[0].votes_for = Some(8);
        let applied = c.apply(&mut d3);
        assert_eq!(d3.decisions[0].votes_for, Some(9));
        assert!(applied[0].extracted_changed());
    }

    #[test]
    fn a_mistyped_field_or_value_is_refused_with_the_nearest_name() {
        let mut c = Corrections::default();
        let e = c
            .add(&doc(), "decision.subjet", "x", "a", "b", "t")
            .unwrap_err();
        assert!(e.to_string().contains("did you mean `subject`"), "{e}");
        let e = c
            .add(&doc(), "decision.votes_for", "molti", "a", "b", "t")
            .unwrap_err();
        assert!(e.to_string().contains("non è un numero intero"), "{e}");
        // No phase: the first may be added, not the second.
        let e = c
            .add(&doc(), "phase.2.description", "x", "a", "b", "t")
            .unwrap_err();
        assert!(
            e.to_string().contains("ha 0 record `phase`") && e.to_string().contains("il n. 1"),
            "{e}"
        );
    }

    #[test]
    fn a_correction_one_past_the_last_record_adds_it() {
        let mut c = Corrections::default();
        c.add(&doc(), "party.1.role", "beneficiary", "a", "b", "t")
            .unwrap();
        c.add(&doc(), "party.1.name", "Fondazione Esempio", "a", "b", "t")
            .unwrap();
        let mut d = doc();
        let applied = c.apply(&mut d);
        assert_eq!(d.parties.len(), 1);
        assert_eq!(d.parties[0].seq, 1);
        assert_eq!(d.parties[0].role, "beneficiary");
        assert_eq!(d.parties[0].name, "Fondazione Esempio");
        assert_eq!(d.parties[0].tax_id, None);
        assert!(applied.iter().all(|a| a.extracted.is_empty()));
        // The other records are untouched.
        assert_eq!(d.decisions.len(), 1);
        assert_eq!(d.decisions[0].votes_for, Some(7));
    }
}

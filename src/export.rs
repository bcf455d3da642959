//! CSV and JSON Lines tables derived from the records in the index.
//!
//! One row type per table, with the header names of the published schema
//! (README, "CSV schemas"). Dates are YYYY-MM-DD, an absent value is an empty
//! cell, rows come in a stable order (source file, then position in it).

use std::io::Write;

use crate::cli::{Table, TableFormat};
use crate::config::TableOptions;
use crate::error::Result;
use crate::record::{Document, Failure};

/// The header of each table, in column order.
pub fn headers(table: Table) -> &'static [&'static str] {
    match table {
        Table::Documents => &[
            "doc_id",
            "source_file",
            "kind",
            "status",
            "title",
            "year",
            "date",
            "pages",
            "chars",
            "sha256",
            "extractor",
            "ingested_at",
        ],
        Table::Objectives => &[
            "doc_id",
            "source_file",
            "objective_code",
            "year",
            "title",
            "direction",
            "director",
            "service",
            "manager",
            "typology",
            "classification",
            "strategic_direction_code",
            "strategic_direction",
            "strategic_objective_code",
            "strategic_objective",
            "mission",
            "operational_objective",
            "description",
        ],
        Table::Phases => &[
            "doc_id",
            "source_file",
            "objective_code",
            "seq",
            "description",
            "weight",
            "start_date",
            "end_date",
            "responsible",
            "responsibility_centre",
            "notes",
        ],
        Table::Indicators => &[
            "doc_id",
            "source_file",
            "objective_code",
            "seq",
            "description",
            "type",
            "expected_operator",
            "expected_value",
            "expected_raw",
        ],
        Table::Decisions => &[
            "doc_id",
            "source_file",
            "body",
            "act_type",
            "act_number",
            "decision_date",
            "subject",
            "outcome",
            "present_count",
            "absent_count",
            "votes_for",
            "votes_against",
            "abstentions",
            "immediately_executable",
            "validity_end",
            "approved_by",
        ],
        Table::References => &[
            "doc_id",
            "source_file",
            "raw",
            "act_type",
            "number",
            "year",
            "date",
            "article",
            "paragraph",
            "letter",
            "issuer",
            "urn",
        ],
        Table::Failures => &["source_file", "stage", "reason"],
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn num(v: Option<f64>) -> String {
    v.map(|x| {
        if x.fract() == 0.0 {
            format!("{}", x as i64)
        } else {
            format!("{x}")
        }
    })
    .unwrap_or_default()
}

/// The rows of a table, as strings in header order.
pub fn rows(table: Table, docs: &[Document], failures: &[Failure]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    if table == Table::Failures {
        for f in failures {
            out.push(vec![
                f.source_file.clone(),
                f.stage.clone(),
                f.reason.clone(),
            ]);
        }
        return out;
    }
    for d in docs {
        let id = || vec![d.doc_id.clone(), d.source_file.clone()];
        match table {
            Table::Documents => out.push(vec![
                d.doc_id.clone(),
                d.source_file.clone(),
                d.kind.clone(),
                d.status.as_str().into(),
                opt(&d.title),
                opt(&d.year),
                opt(&d.date),
                d.pages.to_string(),
                d.chars.to_string(),
                d.sha256.clone(),
                d.extractor.clone(),
                d.ingested_at.clone(),
            ]),
            Table::Objectives => {
                for o in &d.objectives {
                    let mut r = id();
                    r.extend([
                        opt(&o.objective_code),
                        opt(&o.year),
                        opt(&o.title),
                        opt(&o.direction),
                        opt(&o.director),
                        opt(&o.service),
                        opt(&o.manager),
                        opt(&o.typology),
                        opt(&o.classification),
                        opt(&o.strategic_direction_code),
                        opt(&o.strategic_direction),
                        opt(&o.strategic_objective_code),
                        opt(&o.strategic_objective),
                        opt(&o.mission),
                        opt(&o.operational_objective),
                        opt(&o.description),
                    ]);
                    out.push(r);
                }
            }
            Table::Phases => {
                for p in &d.phases {
                    let mut r = id();
                    r.extend([
                        opt(&p.objective_code),
                        p.seq.to_string(),
                        opt(&p.description),
                        num(p.weight),
                        opt(&p.start_date),
                        opt(&p.end_date),
                        opt(&p.responsible),
                        opt(&p.responsibility_centre),
                        opt(&p.notes),
                    ]);
                    out.push(r);
                }
            }
            Table::Indicators => {
                for i in &d.indicators {
                    let mut r = id();
                    r.extend([
                        opt(&i.objective_code),
                        i.seq.to_string(),
                        opt(&i.description),
                        opt(&i.indicator_type),
                        opt(&i.expected_operator),
                        opt(&i.expected_value),
                        opt(&i.expected_raw),
                    ]);
                    out.push(r);
                }
            }
            Table::Decisions => {
                for x in &d.decisions {
                    let mut r = id();
                    r.extend([
                        opt(&x.body),
                        opt(&x.act_type),
                        opt(&x.act_number),
                        opt(&x.decision_date),
                        opt(&x.subject),
                        opt(&x.outcome),
                        opt(&x.present_count),
                        opt(&x.absent_count),
                        opt(&x.votes_for),
                        opt(&x.votes_against),
                        opt(&x.abstentions),
                        opt(&x.immediately_executable),
                        opt(&x.validity_end),
                        x.approved_by.join("; "),
                    ]);
                    out.push(r);
                }
            }
            Table::References => {
                for x in &d.references {
                    let mut r = id();
                    r.extend([
                        x.raw.clone(),
                        opt(&x.act_type),
                        opt(&x.number),
                        opt(&x.year),
                        opt(&x.date),
                        opt(&x.article),
                        opt(&x.paragraph),
                        opt(&x.letter),
                        opt(&x.issuer),
                        opt(&x.urn),
                    ]);
                    out.push(r);
                }
            }
            Table::Failures => unreachable!("handled above"),
        }
    }
    out
}

/// Writes one table.
pub fn write_table(
    table: Table,
    docs: &[Document],
    failures: &[Failure],
    opts: &TableOptions,
    format: TableFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let rows = rows(table, docs, failures);
    let header = headers(table);
    match format {
        TableFormat::Csv => {
            if opts.bom {
                out.write_all("\u{feff}".as_bytes())
                    .map_err(|e| crate::Error::io("<output>", e))?;
            }
            let mut w = csv::WriterBuilder::new()
                .delimiter(opts.delimiter)
                .terminator(csv::Terminator::CRLF)
                .from_writer(out);
            w.write_record(header)?;
            for r in rows {
                w.write_record(&r)?;
            }
            w.flush().map_err(|e| crate::Error::io("<output>", e))?;
        }
        TableFormat::Jsonl => {
            for r in rows {
                let obj: serde_json::Map<String, serde_json::Value> = header
                    .iter()
                    .zip(r)
                    .map(|(h, v)| ((*h).to_owned(), serde_json::Value::String(v)))
                    .collect();
                serde_json::to_writer(&mut *out, &obj)?;
                out.write_all(b"\n")
                    .map_err(|e| crate::Error::io("<output>", e))?;
            }
        }
    }
    Ok(())
}

//! The output tables, and their CSV, JSON Lines and xlsx writers, derived
//! from the records in the index.
//!
//! One row type per table, with the columns of the published schema
//! ([`crate::record::schema`]; README, "CSV schemas"): typed cells in a
//! stable order (source file, then position in it), an empty cell where a
//! value is absent.
//!
//! CSV is written for whoever opens it. The default dialect,
//! [`CsvDialect::Italian`], is what a spreadsheet set to Italian (Excel,
//! LibreOffice) opens in columns with accents intact: `;` between fields, a
//! UTF-8 byte order mark, decimal numbers with a comma (`12,5`); dates stay
//! YYYY-MM-DD, which every spreadsheet reads as a date. [`CsvDialect::Rfc`]
//! is for scripts: `,`, no mark, a decimal point. Both follow RFC 4180 (CRLF
//! line ends, fields quoted only when they hold the delimiter, a quote or a
//! line break). A CSV file is meant to be opened by a spreadsheet, so a
//! cell that a spreadsheet would run as a formula (one that begins with
//! `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading
//! single quote, as OWASP advises for CSV injection; see [`guard_cell`].
//! Spreadsheets still guess the type of every CSV cell (a doc_id may become
//! a number, `01` become 1): the xlsx workbook ([`xlsx`]) is the file to open
//! in one, with typed cells and no guard needed. JSON Lines is read by
//! programs: typed values, written as they are.

use std::io::Write;

use crate::error::Result;
use crate::record::{Document, Failure, Skipped};

pub use crate::record::schema::{CellType, TableId, TableSchema};
pub use cell::{cell, Cell};
pub use csv_dialect::{guard_cell, CsvDialect, TableOptions};

mod cell;
mod csv_dialect;
pub mod found;
pub mod xlsx;

/// How a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// CSV in the dialect of --csv-dialect.
    Csv,
    /// JSON Lines: one object per row, typed values.
    Jsonl,
    /// A workbook: the table's sheet and a legend (needs --out).
    Xlsx,
}

impl Format {
    /// The format a file name asks for by its extension (`.xlsx`, `.jsonl`,
    /// `.csv`), if any.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "jsonl" => Some(Format::Jsonl),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// A row of an output table.
pub type Row = Vec<Cell>;

/// The failures table: one row per file that failed, by source file.
pub fn failure_rows(failures: &[Failure]) -> Vec<Row> {
    let mut failures: Vec<&Failure> = failures.iter().collect();
    failures.sort_by(|a, b| {
        (&a.source_file, &a.stage, &a.reason).cmp(&(&b.source_file, &b.stage, &b.reason))
    });
    failures
        .into_iter()
        .map(|f| vec![cell(&f.source_file), cell(&f.stage), cell(&f.reason)])
        .collect()
}

/// The skipped table: one row per file seen and not read into a document
/// of its own, by source file.
pub fn skipped_rows(skipped: &[Skipped]) -> Vec<Row> {
    let mut skipped: Vec<&Skipped> = skipped.iter().collect();
    skipped.sort_by(|a, b| a.source_file.cmp(&b.source_file));
    skipped
        .into_iter()
        .map(|s| {
            vec![
                cell(&s.source_file),
                cell(&s.reason),
                cell(&s.detail),
                cell(&s.duplicate_of),
            ]
        })
        .collect()
}

/// The rows of a table of documents and what they hold, as typed cells in
/// column order: documents by source file (then doc_id), records in the
/// order they appear in their document. The failures and skipped tables
/// are not made from documents: see [`failure_rows`] and [`skipped_rows`].
pub fn rows(table: TableId, docs: &[Document]) -> Vec<Row> {
    let mut out = Vec::new();
    let mut docs: Vec<&Document> = docs.iter().collect();
    docs.sort_by(|a, b| (&a.source_file, &a.doc_id).cmp(&(&b.source_file, &b.doc_id)));
    for d in docs {
        let id = || vec![cell(&d.doc_id), cell(&d.source_file)];
        match table {
            TableId::Documents => out.push(vec![
                cell(&d.doc_id),
                cell(&d.source_file),
                cell(&d.kind),
                cell(d.status.as_str()),
                cell(&d.title),
                cell(&d.year),
                cell(&d.date),
                cell(d.pages),
                cell(d.chars),
                cell(&d.sha256),
                cell(&d.extractor),
                cell(&d.ingested_at),
                cell(d.paths.join("; ")),
                cell(&d.signer),
                cell(&d.signed_at),
                cell(&d.ocr_confidence),
                cell(&d.administration),
            ]),
            TableId::Objectives => {
                for o in &d.objectives {
                    let mut r = id();
                    r.extend([
                        cell(&o.objective_code),
                        cell(&o.year),
                        cell(&o.title),
                        cell(&o.direction),
                        cell(&o.director),
                        cell(&o.service),
                        cell(&o.manager),
                        cell(&o.typology),
                        cell(&o.classification),
                        cell(&o.strategic_direction_code),
                        cell(&o.strategic_direction),
                        cell(&o.strategic_objective_code),
                        cell(&o.strategic_objective),
                        cell(&o.mission),
                        cell(&o.operational_objective),
                        cell(&o.description),
                    ]);
                    out.push(r);
                }
            }
            TableId::Phases => {
                for p in &d.phases {
                    let mut r = id();
                    r.extend([
                        cell(&p.objective_code),
                        cell(p.seq),
                        cell(&p.description),
                        cell(p.weight),
                        cell(&p.start_date),
                        cell(&p.end_date),
                        cell(&p.responsible),
                        cell(&p.responsibility_centre),
                        cell(&p.notes),
                    ]);
                    out.push(r);
                }
            }
            TableId::Indicators => {
                for i in &d.indicators {
                    let mut r = id();
                    r.extend([
                        cell(&i.objective_code),
                        cell(i.seq),
                        cell(&i.description),
                        cell(&i.indicator_type),
                        cell(&i.expected_operator),
                        cell(&i.expected_value),
                        cell(&i.expected_raw),
                    ]);
                    out.push(r);
                }
            }
            TableId::Decisions => {
                for x in &d.decisions {
                    let mut r = id();
                    r.extend([
                        cell(&x.body),
                        cell(&x.act_type),
                        cell(&x.act_number),
                        cell(&x.decision_date),
                        cell(&x.office),
                        cell(&x.office_number),
                        cell(&x.office_date),
                        cell(&x.subject),
                        cell(&x.outcome),
                        cell(&x.present_count),
                        cell(&x.absent_count),
                        cell(&x.votes_for),
                        cell(&x.votes_against),
                        cell(&x.abstentions),
                        cell(&x.immediately_executable),
                        cell(&x.validity_end),
                        cell(x.approved_by.join("; ")),
                        cell(&x.cig),
                        cell(&x.cup),
                        cell(&x.procedure),
                        cell(&x.selection_method),
                        cell(&x.selection_basis),
                        cell(&x.selection_basis_urn),
                        cell(&x.main_amount),
                        cell(&x.main_amount_role),
                        cell(&x.responsible),
                    ]);
                    out.push(r);
                }
            }
            TableId::References => {
                for x in &d.references {
                    let mut r = id();
                    r.extend([
                        cell(&x.raw),
                        cell(&x.act_type),
                        cell(&x.number),
                        cell(&x.year),
                        cell(&x.date),
                        cell(&x.article),
                        cell(&x.paragraph),
                        cell(&x.letter),
                        cell(&x.issuer),
                        cell(&x.urn),
                    ]);
                    out.push(r);
                }
            }
            TableId::Amounts => {
                for a in &d.amounts {
                    let mut r = id();
                    r.extend([
                        cell(a.seq),
                        cell(a.value),
                        cell(&a.role),
                        cell(&a.raw),
                        cell(a.span.map(|s| s.page)),
                    ]);
                    out.push(r);
                }
            }
            TableId::Parties => {
                for p in &d.parties {
                    let mut r = id();
                    r.extend([
                        cell(p.seq),
                        cell(&p.role),
                        cell(&p.name),
                        cell(&p.tax_id),
                        cell(p.span.map(|s| s.page)),
                    ]);
                    out.push(r);
                }
            }
            TableId::Failures | TableId::Skipped => {}
        }
    }
    out
}

/// The rows of one table, gathered from documents visited one at a time
/// (see [`crate::index::Index::for_each_document`]) and put in the order of
/// [`rows`] at the end: a table of a large index holds its rows, not the
/// records they came from.
#[derive(Debug)]
pub struct TableRows {
    table: TableId,
    keyed: Vec<((String, String), Vec<Row>)>,
}

impl TableRows {
    pub fn new(table: TableId) -> TableRows {
        TableRows {
            table,
            keyed: Vec::new(),
        }
    }

    pub fn table(&self) -> TableId {
        self.table
    }

    pub fn add(&mut self, d: &Document) {
        let rows = rows(self.table, std::slice::from_ref(d));
        if !rows.is_empty() {
            self.keyed
                .push(((d.source_file.clone(), d.doc_id.clone()), rows));
        }
    }

    /// The rows in the table's order: source file, then doc_id.
    pub fn finish(mut self) -> Vec<Row> {
        self.keyed.sort_by(|a, b| a.0.cmp(&b.0));
        self.keyed.into_iter().flat_map(|(_, rows)| rows).collect()
    }
}

/// Writes rows already made by [`rows`] (in their final order). CSV and
/// JSON Lines are streamed; an xlsx workbook (this table's sheet and the
/// legend) is made whole, then written.
pub fn write_rows(
    table: TableId,
    rows: &[Row],
    opts: &TableOptions,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    let header = table.schema().headers();
    let io = |e| crate::Error::io("<output>", e);
    match format {
        Format::Csv => {
            if opts.bom {
                out.write_all("\u{feff}".as_bytes()).map_err(io)?;
            }
            let mut w = csv::WriterBuilder::new()
                .delimiter(opts.delimiter)
                .terminator(csv::Terminator::CRLF)
                .from_writer(out);
            w.write_record(&header)?;
            for r in rows {
                w.write_record(r.iter().map(|c| {
                    let text = c.to_text(opts.decimal_comma);
                    match c {
                        Cell::Text(_) if opts.guard => guard_cell(&text).into_owned(),
                        _ => text.into_owned(),
                    }
                }))?;
            }
            w.flush().map_err(io)?;
        }
        Format::Jsonl => {
            for r in rows {
                let obj: serde_json::Map<String, serde_json::Value> = header
                    .iter()
                    .zip(r)
                    .map(|(h, c)| ((*h).to_owned(), c.to_json()))
                    .collect();
                serde_json::to_writer(&mut *out, &obj)?;
                out.write_all(b"\n").map_err(io)?;
            }
        }
        Format::Xlsx => {
            let mut book = xlsx::Workbook::new();
            book.add_table(table, rows)?;
            book.write_to(out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Decision, Indicator, Phase};
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn peg(source: &str) -> Document {
        Document {
            doc_id: format!("id-{source}"),
            source_file: source.into(),
            kind: "peg".into(),
            year: Some(2021),
            date: Some(date(2021, 3, 1)),
            phases: vec![Phase {
                objective_code: Some("2021_Z001".into()),
                seq: 1,
                description: Some(
                    "Predisposizione bozza; convenzione \"servizi\" associati".into(),
                ),
                weight: Some(-12.5),
                start_date: Some(date(2021, 1, 1)),
                end_date: Some(date(2021, 4, 30)),
                responsible: Some("ASCIONE GIUSEPPE".into()),
                ..Phase::default()
            }],
            indicators: vec![
                Indicator {
                    objective_code: Some("2021_Z001".into()),
                    seq: 1,
                    description: Some("Attivazione del servizio".into()),
                    indicator_type: Some("RISULTATO".into()),
                    expected_operator: Some("=".into()),
                    expected_value: Some("SI".into()),
                    expected_raw: Some("=SI".into()),
                    ..Indicator::default()
                },
                Indicator {
                    seq: 2,
                    description: Some("@SUM(A1:A2) +1 -2".into()),
                    expected_raw: Some("-2+3".into()),
                    ..Indicator::default()
                },
            ],
            ..Document::default()
        }
    }

    fn rfc() -> TableOptions {
        TableOptions::new(CsvDialect::Rfc, None, None, true)
    }

    fn write(table: TableId, docs: &[Document], opts: &TableOptions, f: Format) -> String {
        let mut buf = Vec::new();
        write_rows(table, &rows(table, docs), opts, f, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn indicator_expected_equals_si_is_guarded_in_csv_unless_raw() {
        let docs = [peg("a.pdf")];
        let csv = write(TableId::Indicators, &docs, &rfc(), Format::Csv);
        let mut r = csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        // A bare `=` operator is guarded too: Excel would take it for the
        // start of a formula and show an error.
        assert_eq!(&rows[0][6], "'=");
        assert_eq!(&rows[0][8], "'=SI");
        assert_eq!(&rows[1][4], "'@SUM(A1:A2) +1 -2");
        assert_eq!(&rows[1][8], "'-2+3");

        let raw = TableOptions {
            guard: false,
            ..rfc()
        };
        let csv = write(TableId::Indicators, &docs, &raw, Format::Csv);
        let mut r = csv::Reader::from_reader(csv.as_bytes());
        let first = r.records().next().unwrap().unwrap();
        assert_eq!(&first[8], "=SI");
        assert_eq!(&first[6], "=");
    }

    #[test]
    fn jsonl_is_not_guarded() {
        let docs = [peg("a.pdf")];
        let out = write(
            TableId::Indicators,
            &docs,
            &TableOptions::default(),
            Format::Jsonl,
        );
        let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        assert_eq!(first["expected_raw"], "=SI");
        assert_eq!(first["objective_code"], "2021_Z001");
        assert_eq!(out.lines().count(), 2);
    }

    #[test]
    fn italian_excel_semicolon_and_bom() {
        let mut d = peg("uffici/piano è.pdf");
        d.decisions.push(Decision {
            body: Some("Assemblea dei Sindaci".into()),
            validity_end: Some(date(2023, 12, 31)),
            approved_by: vec!["Corsico".into(), "Buccinasco".into()],
            ..Decision::default()
        });
        // The default dialect.
        let opts = TableOptions::default();
        assert_eq!(
            opts,
            TableOptions::new(CsvDialect::Italian, Some(b';'), Some(true), true)
        );
        let out = write(
            TableId::Phases,
            std::slice::from_ref(&d),
            &opts,
            Format::Csv,
        );
        assert!(out.starts_with('\u{feff}'));
        let body = &out['\u{feff}'.len_utf8()..];
        let mut lines = body.split("\r\n");
        assert_eq!(
            lines.next().unwrap(),
            "doc_id;source_file;objective_code;seq;description;weight;start_date;end_date;responsible;responsibility_centre;notes"
        );
        assert_eq!(
            lines.next().unwrap(),
            "id-uffici/piano è.pdf;uffici/piano è.pdf;2021_Z001;1;\"Predisposizione bozza; convenzione \"\"servizi\"\" associati\";-12,5;2021-01-01;2021-04-30;ASCIONE GIUSEPPE;;"
        );
        let dec = write(TableId::Decisions, &[d], &opts, Format::Csv);
        let mut r = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&dec.as_bytes()['\u{feff}'.len_utf8()..]);
        let row = r.records().next().unwrap().unwrap();
        assert_eq!(&row[17], "2023-12-31");
        assert_eq!(&row[18], "Corsico; Buccinasco");
        assert_eq!(&row[11], "");
    }

    #[test]
    fn rows_follow_source_file_order_and_match_the_schema() {
        let docs = [peg("b.pdf"), peg("a.pdf")];
        for t in TableId::ALL {
            let columns = t.schema().columns;
            for r in rows(t, &docs) {
                assert_eq!(r.len(), columns.len(), "{}", t.name());
                for (c, col) in r.iter().zip(columns) {
                    assert!(
                        c.ty().is_none_or(|ty| ty == col.ty),
                        "{}.{}: {c:?} is not {:?}",
                        t.name(),
                        col.id,
                        col.ty
                    );
                }
            }
        }
        let text = |c: &Cell| c.to_text(false).into_owned();
        let r = rows(TableId::Documents, &docs);
        assert_eq!(text(&r[0][1]), "a.pdf");
        assert_eq!(text(&r[1][1]), "b.pdf");
        assert_eq!(text(&r[0][6]), "2021-03-01");
        assert_eq!(r[0][4], Cell::Empty, "absent title is an empty cell");
        assert_eq!(rows(TableId::Phases, &docs)[0][5], Cell::Decimal(-12.5));
        let csv = write(TableId::Phases, &docs, &rfc(), Format::Csv);
        assert!(
            csv.contains(";") && csv.contains(",-12.5,2021-01-01,"),
            "{csv}"
        );
        let r = rows(TableId::Indicators, &docs);
        assert_eq!(
            r.iter()
                .map(|x| (text(&x[1]), text(&x[3])))
                .collect::<Vec<_>>(),
            [
                ("a.pdf".to_owned(), "1".to_owned()),
                ("a.pdf".into(), "2".into()),
                ("b.pdf".into(), "1".into()),
                ("b.pdf".into(), "2".into())
            ]
        );
    }

    #[test]
    fn format_of_a_file_name() {
        assert_eq!(Format::of_path("a/Fasi.XLSX".as_ref()), Some(Format::Xlsx));
        assert_eq!(Format::of_path("fasi.jsonl".as_ref()), Some(Format::Jsonl));
        assert_eq!(Format::of_path("fasi.txt".as_ref()), None);
    }

    #[test]
    fn xlsx_is_one_table_and_the_legend() {
        let out = {
            let mut buf = Vec::new();
            let rows = rows(TableId::Phases, &[peg("a.pdf")]);
            write_rows(
                TableId::Phases,
                &rows,
                &TableOptions::default(),
                Format::Xlsx,
                &mut buf,
            )
            .unwrap();
            buf
        };
        assert!(out.starts_with(b"PK"), "a zip container");
        let wb: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(out)).unwrap();
        use calamine::Reader;
        assert_eq!(wb.sheet_names(), ["Fasi", xlsx::LEGEND]);
    }

    #[test]
    fn json_lines_keep_numbers_dates_and_absent_values_typed() {
        let docs = [peg("a.pdf")];
        let out = write(
            TableId::Phases,
            &docs,
            &TableOptions::default(),
            Format::Jsonl,
        );
        let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        assert_eq!(first["seq"], serde_json::json!(1));
        assert_eq!(first["weight"], serde_json::json!(-12.5));
        assert_eq!(first["start_date"], serde_json::json!("2021-01-01"));
    }
}

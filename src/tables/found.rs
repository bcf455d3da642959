//! The tables found on a file's pages, as `atti extract --tables` shows
//! them: a readable grid per table, JSON for programs (with each table's
//! `grid` of texts, rows × columns), or CSV with one row per cell in the
//! app's dialect.
//!
//! PDF pages are read by the geometric table reader (`atti-tables`);
//! other files show the tables their reader declared (`Page::tables`).

use std::io::Write;

use atti_page::{Page, Table, TableMode};
use atti_tables::{Found, Report, Settings};

use super::{cell, guard_cell, Cell, TableOptions};
use crate::error::Result;

/// The tables of one page.
#[derive(Debug, Clone)]
pub struct PageTables {
    /// 1-based page number.
    pub page: u32,
    pub tables: Vec<Found>,
}

/// The tables of every page: found by the reader when the page has
/// positioned words, else those its source declared.
pub fn find_all(pages: &[Page], settings: &Settings) -> Vec<PageTables> {
    pages
        .iter()
        .enumerate()
        .map(|(i, p)| PageTables {
            page: if p.number > 0 { p.number } else { i as u32 + 1 },
            tables: if p.words.is_empty() {
                p.tables
                    .iter()
                    .map(|t| Found {
                        table: t.clone(),
                        report: Report::default(),
                    })
                    .collect()
            } else {
                atti_tables::find_with_report(p, settings)
            },
        })
        .collect()
}

fn mode_name(m: TableMode) -> &'static str {
    match m {
        TableMode::Lattice => "lattice",
        TableMode::Stream => "stream",
        TableMode::Markup => "markup",
    }
}

/// A coordinate to two decimals, as f64 (f32 values print with noise).
fn coord(v: f32) -> f64 {
    (f64::from(v) * 100.0).round() / 100.0
}

/// Every table as a heading line and its rows, cells separated by ` | `.
pub fn render_text(pages: &[PageTables]) -> String {
    let mut out = String::new();
    for p in pages {
        for (i, f) in p.tables.iter().enumerate() {
            let t = &f.table;
            let b = t.bbox.map(coord);
            out.push_str(&format!(
                "pagina {}, tabella {} ({}), {}×{}, bbox {} {} {} {}",
                p.page,
                i + 1,
                mode_name(t.mode),
                t.rows,
                t.cols,
                b[0],
                b[1],
                b[2],
                b[3]
            ));
            if t.mode != TableMode::Markup {
                out.push_str(&format!(
                    ", celle vuote {:.0}%, parole a cavallo {}",
                    f.report.empty_share * 100.0,
                    f.report.split_words
                ));
            }
            out.push('\n');
            for row in atti_tables::grid(t) {
                out.push_str("  ");
                out.push_str(&row.join(" | "));
                out.push('\n');
            }
            out.push('\n');
        }
    }
    out
}

/// `{"file", "pages": [{"page", "tables": [{mode, bbox, rows, cols, cells, grid, report}]}]}`.
pub fn to_json(file: &str, pages: &[PageTables]) -> serde_json::Value {
    let pages: Vec<serde_json::Value> = pages
        .iter()
        .map(|p| {
            let tables: Vec<serde_json::Value> = p.tables.iter().map(table_json).collect();
            serde_json::json!({"page": p.page, "tables": tables})
        })
        .collect();
    serde_json::json!({"file": file, "pages": pages})
}

fn table_json(f: &Found) -> serde_json::Value {
    let t: &Table = &f.table;
    serde_json::json!({
        "mode": mode_name(t.mode),
        "bbox": t.bbox.map(coord),
        "rows": t.rows,
        "cols": t.cols,
        "cells": t.cells.iter().map(|c| serde_json::json!({
            "row": c.row,
            "col": c.col,
            "row_span": c.row_span,
            "col_span": c.col_span,
            "text": c.text,
            "bbox": c.bbox.map(coord),
            "start": c.start,
            "end": c.end,
        })).collect::<Vec<_>>(),
        "grid": atti_tables::grid(t),
        "report": {
            "words": f.report.words,
            "split_words": f.report.split_words,
            "empty_share": coord(f.report.empty_share),
        },
    })
}

/// The header of the CSV form.
pub const CSV_HEADER: [&str; 11] = [
    "page", "table", "row", "col", "row_span", "col_span", "x0", "y0", "x1", "y1", "text",
];

/// One CSV row per cell, in the dialect of `opts`.
pub fn write_csv(pages: &[PageTables], opts: &TableOptions, out: &mut dyn Write) -> Result<()> {
    let io = |e| crate::Error::io("<output>", e);
    if opts.bom {
        out.write_all("\u{feff}".as_bytes()).map_err(io)?;
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(opts.delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(CSV_HEADER)?;
    for p in pages {
        for (i, f) in p.tables.iter().enumerate() {
            for c in &f.table.cells {
                let mut row: Vec<Cell> = vec![
                    cell(p.page),
                    cell(i as u32 + 1),
                    cell(c.row),
                    cell(c.col),
                    cell(c.row_span),
                    cell(c.col_span),
                ];
                row.extend(c.bbox.iter().map(|&v| cell(coord(v))));
                let mut fields: Vec<String> = row
                    .iter()
                    .map(|x| x.to_text(opts.decimal_comma).into_owned())
                    .collect();
                fields.push(if opts.guard {
                    guard_cell(&c.text).into_owned()
                } else {
                    c.text.clone()
                });
                w.write_record(&fields)?;
            }
        }
    }
    w.flush().map_err(io)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use atti_page::TableCell;

    fn found() -> Vec<PageTables> {
        let c = |row, col, col_span, text: &str| TableCell {
            row,
            col,
            row_span: 1,
            col_span,
            text: text.into(),
            bbox: [10.5, 20.0, 30.25, 40.0],
            start: 0,
            end: 0,
            value: None,
        };
        vec![PageTables {
            page: 2,
            tables: vec![Found {
                table: Table {
                    mode: TableMode::Lattice,
                    bbox: [10.5, 20.0, 130.0, 60.0],
                    rows: 2,
                    cols: 2,
                    cells: vec![c(0, 0, 2, "Previsto"), c(1, 0, 1, "=1+1"), c(1, 1, 1, "b")],
                    covered: Vec::new(),
                },
                report: Report {
                    words: 3,
                    split_words: 0,
                    empty_share: 0.0,
                },
            }],
        }]
    }

    #[test]
    fn text_form() {
        assert_eq!(
            render_text(&found()),
            "pagina 2, tabella 1 (lattice), 2×2, bbox 10.5 20 130 60, celle vuote 0%, parole a cavallo 0\n  Previsto | \n  =1+1 | b\n\n"
        );
    }

    #[test]
    fn json_form_has_the_grid() {
        let j = to_json("a.pdf", &found());
        assert_eq!(j["file"], "a.pdf");
        let t = &j["pages"][0]["tables"][0];
        assert_eq!(t["mode"], "lattice");
        assert_eq!(
            t["grid"],
            serde_json::json!([["Previsto", ""], ["=1+1", "b"]])
        );
        assert_eq!(t["cells"][0]["col_span"], 2);
        assert_eq!(t["bbox"][0], 10.5);
    }

    #[test]
    fn csv_form_in_the_italian_dialect_guarded() {
        let mut out = Vec::new();
        write_csv(&found(), &TableOptions::default(), &mut out).unwrap_or_default();
        let text = String::from_utf8(out).unwrap_or_default();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "\u{feff}page;table;row;col;row_span;col_span;x0;y0;x1;y1;text"
        );
        assert_eq!(lines[1], "2;1;0;0;1;2;10,5;20;30,25;40;Previsto");
        assert_eq!(lines[2], "2;1;1;0;1;1;10,5;20;30,25;40;'=1+1");
    }
}

//! The text path: tables of text and HTML files without positions, read
//! with the rule's `row` regex.

use super::{ends, put, Row};
use crate::rules::compiled::Table;
use crate::rules::document::{self, Doc, Region};

/// Text path: the row regex, wrapped lines, cells on lines of their own.
pub fn rows_text(doc: &Doc, region: &Region, t: &Table) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut in_table = false;
    let mut after_blank = false;
    let mut last_col = 0usize;
    'pieces: for p in region {
        let text = &doc.clean[p.page];
        for lr in document::lines(&text[p.range.clone()]) {
            let lr = p.range.start + lr.start..p.range.start + lr.end;
            let line = &text[lr.clone()];
            if line.trim().is_empty() {
                after_blank = true;
                continue;
            }
            if t.header.is_match(line) {
                in_table = true;
                after_blank = false;
                continue;
            }
            if !in_table {
                continue;
            }
            if ends(t, line) {
                break 'pieces;
            }
            if let Some(caps) = t.row.as_ref().and_then(|r| r.captures(line)) {
                let mut row: Row = vec![None; t.columns.len()];
                for (i, c) in t.columns.iter().enumerate() {
                    if let Some(g) = caps.name(&c.field) {
                        if !g.as_str().trim().is_empty() {
                            let r = lr.start + g.start()..lr.start + g.end();
                            put(&mut row, i, g.as_str(), p.page, r);
                            last_col = i;
                        }
                    }
                }
                rows.push(row);
                after_blank = false;
                continue;
            }
            let Some(row) = rows.last_mut() else { continue };
            let trimmed = line.trim();
            let lead = line.len() - line.trim_start().len();
            let r = lr.start + lead..lr.start + lead + trimmed.len();
            if after_blank {
                if let Some(next) = (last_col + 1..row.len()).find(|&i| row[i].is_none()) {
                    put(row, next, trimmed, p.page, r);
                    last_col = next;
                }
            } else {
                put(row, last_col, trimmed, p.page, r);
            }
            after_blank = false;
        }
    }
    rows
}

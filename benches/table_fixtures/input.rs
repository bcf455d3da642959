//! The two inputs of the comparison, read strictly: a line of
//! expected.jsonl, and atti's `extract --tables --json` output. Whatever
//! departs from the documented shape is an error, never an empty table.

use std::collections::BTreeMap;

use serde_json::Value;

/// Bounds on what is read from atti's output: more is taken as malformed.
pub const MAX_ROWS: usize = 5_000;
pub const MAX_COLS: usize = 500;

#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
}

/// One line of expected.jsonl.
#[derive(Clone, Debug)]
pub struct Expected {
    pub project: String,
    pub file: String,
    pub page: u64,
    pub mode: String,
    pub area: Option<[f64; 4]>,
    pub grid: Vec<Vec<String>>,
    pub spans: Vec<Span>,
    pub join_rows: Vec<(usize, usize)>,
    pub header_rows: usize,
    pub group_headers: Vec<(usize, usize)>,
}

/// One cell of an atti table.
#[derive(Clone, Debug)]
pub struct GotCell {
    pub row: usize,
    pub col: usize,
    pub row_span: usize,
    pub col_span: usize,
    pub bbox: [f64; 4],
}

/// One table of atti's output.
#[derive(Clone, Debug)]
pub struct GotTable {
    pub mode: String,
    pub grid: Vec<Vec<String>>,
    pub cells: Vec<GotCell>,
}

fn field<'a>(v: &'a Value, key: &str, what: &str) -> Result<&'a Value, String> {
    v.get(key).ok_or_else(|| format!("{what}: no \"{key}\""))
}

fn uint(v: &Value, key: &str, what: &str) -> Result<usize, String> {
    field(v, key, what)?
        .as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| format!("{what}: \"{key}\" is not a whole number"))
}

fn text(v: &Value, key: &str, what: &str) -> Result<String, String> {
    field(v, key, what)?
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("{what}: \"{key}\" is not a string"))
}

fn bbox(v: &Value, what: &str) -> Result<[f64; 4], String> {
    let a = v
        .as_array()
        .filter(|a| a.len() == 4)
        .ok_or_else(|| format!("{what}: a box is not 4 numbers"))?;
    let mut b = [0.0; 4];
    for (k, x) in a.iter().enumerate() {
        b[k] = x
            .as_f64()
            .filter(|x| x.is_finite())
            .ok_or_else(|| format!("{what}: a box coordinate is not a finite number"))?;
    }
    Ok(b)
}

fn grid(v: &Value, rows: usize, cols: usize, what: &str) -> Result<Vec<Vec<String>>, String> {
    let g = v
        .as_array()
        .ok_or_else(|| format!("{what}: \"grid\" is not an array"))?;
    if g.len() != rows {
        return Err(format!("{what}: grid has {} rows, not {rows}", g.len()));
    }
    let mut out = Vec::with_capacity(rows);
    for row in g {
        let r = row
            .as_array()
            .filter(|r| r.len() == cols)
            .ok_or_else(|| format!("{what}: a grid row is not {cols} cells"))?;
        let mut line = Vec::with_capacity(cols);
        for c in r {
            line.push(
                c.as_str()
                    .ok_or_else(|| format!("{what}: a grid cell is not a string"))?
                    .to_owned(),
            );
        }
        out.push(line);
    }
    Ok(out)
}

/// A line of expected.jsonl.
pub fn parse_expected(line: &str) -> Result<Expected, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let what = "expected table";
    let g = field(&v, "grid", what)?
        .as_array()
        .ok_or("expected table: \"grid\" is not an array")?;
    let rows = g.len();
    let cols = g.first().and_then(Value::as_array).map_or(0, Vec::len);
    if rows == 0 || cols == 0 {
        return Err("expected table: empty grid".into());
    }
    let grid = grid(&v["grid"], rows, cols, what)?;
    let pairs = |key: &str| -> Result<Vec<(usize, usize)>, String> {
        let Some(a) = v.get(key) else {
            return Ok(Vec::new());
        };
        a.as_array()
            .ok_or(format!("{what}: \"{key}\" is not an array"))?
            .iter()
            .map(|p| match p.as_array().map(Vec::as_slice) {
                Some([a, b]) => match (a.as_u64(), b.as_u64()) {
                    (Some(a), Some(b)) => Ok((a as usize, b as usize)),
                    _ => Err(format!(
                        "{what}: \"{key}\" holds a pair that is not two numbers"
                    )),
                },
                _ => Err(format!(
                    "{what}: \"{key}\" holds something that is not a pair"
                )),
            })
            .collect()
    };
    let mut spans = Vec::new();
    if let Some(a) = v.get("spans") {
        for s in a
            .as_array()
            .ok_or("expected table: \"spans\" is not an array")?
        {
            let n: Vec<usize> = s
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_u64)
                        .map(|x| x as usize)
                        .collect()
                })
                .unwrap_or_default();
            match n.as_slice() {
                [r, c, rs, cs] if *rs >= 1 && *cs >= 1 && r + rs <= rows && c + cs <= cols => spans
                    .push(Span {
                        row: *r,
                        col: *c,
                        rows: *rs,
                        cols: *cs,
                    }),
                _ => {
                    return Err(format!(
                        "{what}: a span is not [row, col, rows, cols] inside the grid"
                    ))
                }
            }
        }
    }
    let join_rows = pairs("join_rows")?;
    if join_rows.iter().any(|&(a, b)| a > b || b >= rows) {
        return Err(format!("{what}: a join_rows range is outside the grid"));
    }
    let group_headers = pairs("group_headers")?;
    if group_headers.iter().any(|&(r, c)| r >= rows || c >= cols) {
        return Err(format!("{what}: a group header is outside the grid"));
    }
    let area = match v.get("area") {
        Some(a) => Some(bbox(a, what)?),
        None => None,
    };
    Ok(Expected {
        project: text(&v, "project", what)?,
        file: text(&v, "file", what)?,
        page: uint(&v, "page", what)? as u64,
        mode: text(&v, "mode", what)?,
        area,
        grid,
        spans,
        join_rows,
        header_rows: v.get("header_rows").and_then(Value::as_u64).unwrap_or(0) as usize,
        group_headers,
    })
}

/// atti's `extract --tables --json` output: the tables of each page. Any
/// departure from the documented shape is an error: a bench that reads
/// nothing must not report a pass.
pub fn parse_extract(json: &str) -> Result<BTreeMap<u64, Vec<GotTable>>, String> {
    let v: Value = serde_json::from_str(json).map_err(|e| format!("not JSON: {e}"))?;
    let pages = field(&v, "pages", "output")?
        .as_array()
        .ok_or("output: \"pages\" is not an array")?;
    let mut out: BTreeMap<u64, Vec<GotTable>> = BTreeMap::new();
    for p in pages {
        let page = uint(p, "page", "page")? as u64;
        let tables = field(p, "tables", "page")?
            .as_array()
            .ok_or("page: \"tables\" is not an array")?;
        let list = out.entry(page).or_default();
        for (i, t) in tables.iter().enumerate() {
            let what = format!("page {page}, table {}", i + 1);
            list.push(parse_table(t, &what)?);
        }
    }
    Ok(out)
}

fn parse_table(t: &Value, what: &str) -> Result<GotTable, String> {
    let mode = text(t, "mode", what)?;
    bbox(field(t, "bbox", what)?, what)?;
    let rows = uint(t, "rows", what)?;
    let cols = uint(t, "cols", what)?;
    if rows > MAX_ROWS || cols > MAX_COLS {
        return Err(format!("{what}: {rows}×{cols} is past the bench's bounds"));
    }
    let grid = grid(field(t, "grid", what)?, rows, cols, what)?;
    let mut cells = Vec::new();
    let mut covered = vec![vec![false; cols]; rows];
    for c in field(t, "cells", what)?
        .as_array()
        .ok_or(format!("{what}: \"cells\" is not an array"))?
    {
        let cell = GotCell {
            row: uint(c, "row", what)?,
            col: uint(c, "col", what)?,
            row_span: uint(c, "row_span", what)?,
            col_span: uint(c, "col_span", what)?,
            bbox: bbox(field(c, "bbox", what)?, what)?,
        };
        text(c, "text", what)?;
        if cell.row_span == 0
            || cell.col_span == 0
            || cell.row + cell.row_span > rows
            || cell.col + cell.col_span > cols
        {
            return Err(format!("{what}: a cell lies outside its grid"));
        }
        for line in &mut covered[cell.row..cell.row + cell.row_span] {
            for c in &mut line[cell.col..cell.col + cell.col_span] {
                *c = true;
            }
        }
        cells.push(cell);
    }
    for (r, line) in grid.iter().enumerate() {
        for (c, s) in line.iter().enumerate() {
            if !s.trim().is_empty() && !covered[r][c] {
                return Err(format!(
                    "{what}: text at row {r}, col {c} belongs to no cell"
                ));
            }
        }
    }
    Ok(GotTable { mode, grid, cells })
}

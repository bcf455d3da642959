//! The number formats of an OpenDocument spreadsheet's cells (.ods), which
//! calamine does not read: a `0%` cell would otherwise be written `0,9`
//! where LibreOffice shows `90%`, an ISO date `2022-04-01` as `01/04/2022`,
//! a duration past a day as a time of day; and a formula's boolean result,
//! which LibreOffice saves as the number 1 or 0 with the word it shows as
//! the cell's text.
//!
//! A cell's format is its data style (`number:percentage-style`,
//! `number:date-style`, `number:time-style`, ... in `styles.xml` or in
//! `content.xml`'s automatic styles), named by its cell style
//! (`style:data-style-name`, or its parent's), the cell's own style, else
//! its row's or its column's default. Each data style is written here as
//! the Excel format code of the same look (`yyyy"-"mm"-"dd`, `[hh]:mm:ss`,
//! `0%`), so that the .xlsx reader's rules ([`super::cell_text::look`])
//! apply as they are. A part that does not parse gives no formats.

use std::collections::HashMap;

use super::archive::Archive;
use super::xml::{self, Attrs, Ev};

/// Most cell positions recorded for one workbook (repeated rows and
/// columns are expanded up to it).
const MAX_CELLS: usize = 1 << 20;

/// The value types whose look a data style decides.
const STYLED: [&str; 5] = ["float", "percentage", "currency", "date", "time"];

/// What the spreadsheet's cells look like, by sheet.
#[derive(Debug, Default)]
pub struct OdsFormats {
    /// How each cell with a look of its own shows, by sheet and (row,
    /// column).
    cells: HashMap<String, HashMap<(u32, u32), Shown>>,
}

/// How a cell shows: its format code, and whether it holds 1 or 0 with a
/// boolean word as its text.
#[derive(Debug, Clone, Default)]
struct Shown {
    code: Option<String>,
    boolean: bool,
}

impl OdsFormats {
    /// The formats of the .ods in `bytes`; `None` when its parts do not
    /// parse.
    pub fn read(bytes: &[u8]) -> Option<OdsFormats> {
        let mut a = Archive::open(bytes).ok()?;
        let mut styles = Styles::default();
        if let Some(x) = a.part("styles.xml").ok()? {
            xml::walk(&x, "styles.xml", |e| styles.event(&e)).ok()?;
        }
        let content = a.part("content.xml").ok()??;
        let mut out = OdsFormats::default();
        let mut walker = Walker::default();
        xml::walk(&content, "content.xml", |e| {
            styles.event(&e) && walker.event(e, &styles, &mut out)
        })
        .ok()?;
        Some(out)
    }

    /// A cell's format code, by row and column, on sheet `sheet`.
    pub fn codes_of<'a>(&'a self, sheet: &str) -> impl Fn(u32, u32) -> Option<&'a str> + 'a {
        let cells = self.cells.get(sheet);
        move |row, col| cells?.get(&(row, col))?.code.as_deref()
    }

    /// Whether the cell shows a boolean (a 1 or 0 saved with `VERO`,
    /// `FALSO`, `TRUE` or `FALSE` as its text).
    pub fn is_boolean(&self, sheet: &str, row: u32, col: u32) -> bool {
        self.cells
            .get(sheet)
            .and_then(|s| s.get(&(row, col)))
            .is_some_and(|l| l.boolean)
    }
}

/// The data styles (as format codes) and cell styles of a workbook.
#[derive(Debug, Default)]
struct Styles {
    codes: HashMap<String, String>,
    /// Cell style → (its data style, its parent style).
    cell: HashMap<String, (Option<String>, Option<String>)>,
    /// The data style being read: its name, its code so far, whether its
    /// hours run past a day, whether it is a date or time style.
    open: Option<(String, String, bool, bool)>,
    /// Inside a data style's `number:text`.
    in_text: bool,
}

impl Styles {
    fn event(&mut self, e: &Ev) -> bool {
        match e {
            Ev::Start { name, attrs, empty } => {
                if let (Some(kind), Some(n)) = (data_style(name), attrs.get("name")) {
                    let over = attrs
                        .get("truncate-on-overflow")
                        .is_some_and(|v| v == "false");
                    let (code, timed) = match kind {
                        "percentage-style" => ("0%", false),
                        "date-style" | "time-style" => ("", true),
                        _ => ("0", false),
                    };
                    let entry = (n.clone(), code.to_owned(), over, timed);
                    if *empty {
                        self.codes.insert(entry.0, entry.1);
                    } else {
                        self.open = Some(entry);
                    }
                } else if name == "style" && attrs.get("family").is_some_and(|f| f == "table-cell")
                {
                    if let Some(n) = attrs.get("name") {
                        let entry = (
                            attrs.get("data-style-name").cloned(),
                            attrs.get("parent-style-name").cloned(),
                        );
                        self.cell.insert(n.clone(), entry);
                    }
                } else if let Some((_, code, over, true)) = self.open.as_mut() {
                    self.in_text = name == "text" && !*empty;
                    // Past a day or an hour: the first unit of a time style
                    // runs over (`[hh]:mm`, `[mm]:ss`).
                    let over = *over && !code.contains(['h', 'm', 's']);
                    let piece = part_code(name, attrs);
                    if over && !piece.is_empty() && piece != "AM/PM" {
                        code.push_str(&format!("[{piece}]"));
                    } else {
                        code.push_str(&piece);
                    }
                }
            }
            // The literal text of a date or time style's `number:text` (not
            // the white space between its elements).
            Ev::Text(t) if self.in_text => {
                if let Some((_, code, _, true)) = self.open.as_mut() {
                    code.push('"');
                    code.push_str(&t.replace('"', ""));
                    code.push('"');
                }
            }
            Ev::End(name) if name == "text" => self.in_text = false,
            Ev::End(name) if data_style(name).is_some() => {
                if let Some((n, code, _, _)) = self.open.take() {
                    self.codes.insert(n, code);
                }
            }
            _ => {}
        }
        true
    }

    /// The format code of cell style `style` (through its parents).
    fn code_of(&self, style: &str) -> Option<&str> {
        let mut at = style;
        for _ in 0..8 {
            let (data, parent) = self.cell.get(at)?;
            if let Some(d) = data {
                return self.codes.get(d).map(String::as_str);
            }
            at = parent.as_deref()?;
        }
        None
    }
}

/// The kind of data style an element is, by its local name.
fn data_style(name: &str) -> Option<&str> {
    const KINDS: [&str; 7] = [
        "number-style",
        "percentage-style",
        "currency-style",
        "date-style",
        "time-style",
        "boolean-style",
        "text-style",
    ];
    KINDS.iter().find(|k| **k == name).copied()
}

/// The piece of format code a child of a date or time style writes.
fn part_code(name: &str, attrs: &Attrs) -> String {
    let long = attrs.get("style").is_some_and(|s| s == "long");
    let pick = |l: &str, s: &str| if long { l } else { s }.to_owned();
    match name {
        "day" => pick("dd", "d"),
        "month" if attrs.get("textual").is_some_and(|t| t == "true") => pick("mmmm", "mmm"),
        "month" => pick("mm", "m"),
        "year" => pick("yyyy", "yy"),
        "day-of-week" => pick("dddd", "ddd"),
        "hours" => pick("hh", "h"),
        "minutes" => pick("mm", "m"),
        "seconds" => {
            let places: usize = attrs
                .get("decimal-places")
                .and_then(|d| d.parse().ok())
                .unwrap_or(0);
            let mut s = pick("ss", "s");
            if places > 0 {
                s.push('.');
                s.push_str(&"0".repeat(places.min(9)));
            }
            s
        }
        "am-pm" => "AM/PM".to_owned(),
        _ => String::new(),
    }
}

/// Where the walk through `content.xml`'s tables is.
#[derive(Debug, Default)]
struct Walker {
    sheet: Option<String>,
    row: u32,
    col: u32,
    /// Column defaults: (first column, past the last, cell style).
    columns: Vec<(u32, u32, Option<String>)>,
    row_repeat: u32,
    row_style: Option<String>,
    /// The current row's cells with a look of their own: (column, columns
    /// repeated, look).
    row_cells: Vec<(u32, u32, Shown)>,
    /// The text so far of a cell holding 1 or 0 (the last of `row_cells`).
    maybe_boolean: Option<String>,
    count: usize,
}

impl Walker {
    fn event(&mut self, e: Ev, styles: &Styles, out: &mut OdsFormats) -> bool {
        let repeat = |attrs: &Attrs, key: &str| {
            attrs
                .get(key)
                .and_then(|n| n.parse::<u32>().ok())
                .unwrap_or(1)
                .clamp(1, 1 << 20)
        };
        match e {
            Ev::Start { name, attrs, .. } => match name.as_str() {
                "table" => {
                    self.sheet = attrs.get("name").cloned();
                    self.row = 0;
                    self.columns.clear();
                }
                "table-column" => {
                    let first = self.columns.last().map_or(0, |c| c.1);
                    let n = repeat(&attrs, "number-columns-repeated");
                    let style = attrs.get("default-cell-style-name").cloned();
                    self.columns.push((first, first.saturating_add(n), style));
                }
                "table-row" => {
                    self.col = 0;
                    self.row_repeat = repeat(&attrs, "number-rows-repeated");
                    self.row_style = attrs.get("default-cell-style-name").cloned();
                    self.row_cells.clear();
                }
                "table-cell" | "covered-table-cell" => {
                    let n = repeat(&attrs, "number-columns-repeated");
                    self.cell(&attrs, n, styles);
                    self.col = self.col.saturating_add(n);
                }
                _ => {}
            },
            Ev::Text(t) => {
                if let Some(text) = self.maybe_boolean.as_mut() {
                    text.push_str(&t);
                }
            }
            Ev::End(name) => match name.as_str() {
                "table-cell" | "covered-table-cell" => {
                    if let Some(text) = self.maybe_boolean.take() {
                        let word = text.trim().to_uppercase();
                        if ["VERO", "FALSO", "TRUE", "FALSE"].contains(&word.as_str()) {
                            if let Some((_, _, look)) = self.row_cells.last_mut() {
                                look.boolean = true;
                            }
                        }
                    }
                }
                "table-row" => return self.end_row(out),
                _ => {}
            },
        }
        true
    }

    /// A cell at the current column, `n` times over.
    fn cell(&mut self, attrs: &Attrs, n: u32, styles: &Styles) {
        let Some(kind) = attrs.get("value-type") else {
            return;
        };
        if !STYLED.contains(&kind.as_str()) {
            return;
        }
        let column_style = || {
            self.columns
                .iter()
                .find(|(a, b, _)| (*a..*b).contains(&self.col))
                .and_then(|c| c.2.clone())
        };
        let style = attrs
            .get("style-name")
            .cloned()
            .or_else(|| self.row_style.clone())
            .or_else(column_style);
        let code = style
            .as_deref()
            .and_then(|s| styles.code_of(s))
            .map(str::to_owned);
        let maybe_boolean =
            kind == "float" && matches!(attrs.get("value").map(String::as_str), Some("1" | "0"));
        if code.is_some() || maybe_boolean {
            let look = Shown {
                code,
                boolean: false,
            };
            self.row_cells.push((self.col, n, look));
        }
        if maybe_boolean {
            self.maybe_boolean = Some(String::new());
        }
    }

    /// The end of a row: its cells recorded for each row it repeats (a
    /// cell read as 1 or 0 that shows no boolean, with no format, is not).
    fn end_row(&mut self, out: &mut OdsFormats) -> bool {
        let Some(sheet) = self.sheet.clone() else {
            return true;
        };
        let rows = self.row..self.row.saturating_add(self.row_repeat);
        self.row = rows.end;
        self.row_cells
            .retain(|(_, _, l)| l.code.is_some() || l.boolean);
        if self.row_cells.is_empty() {
            return true;
        }
        let cells = out.cells.entry(sheet).or_default();
        for r in rows {
            for (c, n, look) in &self.row_cells {
                for c in *c..c.saturating_add(*n) {
                    cells.insert((r, c), look.clone());
                    self.count += 1;
                }
            }
            if self.count > MAX_CELLS {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
#[path = "ods_formats_tests.rs"]
mod tests;

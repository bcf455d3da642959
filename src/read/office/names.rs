//! The ranges a workbook names: its defined names (`xl/workbook.xml`,
//! `<definedName name="Fonte">Dati!$A$1:$E$6</definedName>`) and its Excel
//! tables (`xl/tables/*.xml`, each on the sheet whose relationships point
//! at it). A pivot cache names its source so (`worksheetSource@name`) when
//! the table was made from a formatted table or a named range.

use super::archive::Archive;
use super::formula::{self, Expr, Names, SheetRange};
use super::parts::{relationships, sheet_parts};
use super::structured::Table;
use super::xml::{self, Ev};
use crate::error::Result;

/// The workbook's named ranges and tables by name in lower case (Excel
/// matches names without regard to case). A defined name counts only when
/// it is one range of one sheet of the workbook (a formula, a constant, a
/// range of another workbook or of several areas is not a range); a name
/// scoped to one sheet (`localSheetId`) gives way to a workbook-wide name
/// of the same spelling.
pub fn named_ranges(a: &mut Archive<'_>) -> Result<Names> {
    let sheets = sheet_parts(a)?;
    let mut out = Names::default();
    for (sheet, part) in &sheets {
        for (kind, target) in relationships(a, part)? {
            if !kind.ends_with("/table") {
                continue;
            }
            if let Some(x) = a.part(&target)? {
                if let Some((name, table)) = table(&x, &target, sheet)? {
                    out.tables.insert(name.to_lowercase(), table);
                }
            }
        }
    }
    let Some(book) = a.part("xl/workbook.xml")? else {
        return Ok(out);
    };
    // (name, sheet-scoped, text) of each defined name, in the order written.
    let mut defined: Vec<(String, bool, String)> = Vec::new();
    let mut open: Option<(String, bool, String)> = None;
    xml::walk(&book, "xl/workbook.xml", |e| {
        match e {
            Ev::Start { name, attrs, empty } if name == "definedName" => {
                let n = attrs.get("name").cloned().unwrap_or_default();
                let entry = (n, attrs.get("localSheetId").is_some(), String::new());
                if empty {
                    defined.push(entry);
                } else {
                    open = Some(entry);
                }
            }
            Ev::Text(t) => {
                if let Some(o) = open.as_mut() {
                    o.2.push_str(&t);
                }
            }
            Ev::End(name) if name == "definedName" => defined.extend(open.take()),
            _ => {}
        }
        true
    })?;
    // Sheet-scoped names first, so that a workbook-wide one takes their place.
    defined.sort_by_key(|d| !d.1);
    for (name, _, text) in defined {
        if let Some(range) = sheet_range(&text, &sheets) {
            out.ranges.insert(name.to_lowercase(), range);
        }
    }
    Ok(out)
}

/// A defined name's text as one range of a sheet of the workbook
/// (`Dati!$A$1:$E$6`, `'Foglio dati'!$A$2:$C$9`, `Dati!$B$4`).
fn sheet_range(text: &str, sheets: &[(String, String)]) -> Option<SheetRange> {
    let (first, last) = match formula::parse(text.trim()) {
        Expr::Ref(r) => (r.clone(), r),
        Expr::Range(a, b) => (a, b),
        _ => return None,
    };
    let sheet = first.sheet.clone()?;
    if last.sheet.as_ref().is_some_and(|s| *s != sheet) {
        return None;
    }
    let sheet = sheets.iter().find(|(n, _)| *n == sheet)?.0.clone();
    Some((sheet, (first.row, first.col), (last.row, last.col)))
}

/// An Excel table's name (`table@displayName`, else `@name`) and the
/// table on `sheet`: its range (`@ref`), how many header rows
/// (`@headerRowCount`, 1 when not said) and totals rows
/// (`@totalsRowCount`) it has, and its columns' names.
fn table(x: &[u8], part: &str, sheet: &str) -> Result<Option<(String, Table)>> {
    let mut found: Option<(String, Table)> = None;
    xml::walk(x, part, |e| {
        let Ev::Start { name, attrs, .. } = e else {
            return true;
        };
        let count = |key: &str, default: u32| {
            attrs
                .get(key)
                .and_then(|t| t.parse::<u32>().ok())
                .unwrap_or(default)
                .min(1)
        };
        if name == "table" {
            let name = attrs.get("displayName").or_else(|| attrs.get("name"));
            let range = attrs.get("ref").map(|r| formula::parse(r));
            if let (Some(name), Some(Expr::Range(a, b))) = (name, range) {
                let table = Table {
                    sheet: sheet.to_owned(),
                    first: (a.row, a.col),
                    last: (b.row, b.col),
                    header_rows: count("headerRowCount", 1),
                    totals_rows: count("totalsRowCount", 0),
                    columns: Vec::new(),
                };
                found = Some((name.clone(), table));
            }
        } else if name == "tableColumn" {
            if let Some((_, t)) = found.as_mut() {
                t.columns
                    .push(attrs.get("name").cloned().unwrap_or_default());
            }
        }
        true
    })?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheets() -> Vec<(String, String)> {
        vec![
            ("Dati".to_owned(), "xl/worksheets/sheet1.xml".to_owned()),
            (
                "Foglio dati".to_owned(),
                "xl/worksheets/sheet2.xml".to_owned(),
            ),
        ]
    }

    #[test]
    fn a_defined_name_is_a_range_of_one_sheet_of_the_workbook() {
        assert_eq!(
            sheet_range("Dati!$A$1:$E$6", &sheets()),
            Some(("Dati".to_owned(), (0, 0), (5, 4)))
        );
        assert_eq!(
            sheet_range("'Foglio dati'!$B$2:$C$9", &sheets()),
            Some(("Foglio dati".to_owned(), (1, 1), (8, 2)))
        );
        assert_eq!(
            sheet_range("Dati!$B$4", &sheets()),
            Some(("Dati".to_owned(), (3, 1), (3, 1)))
        );
        // Another workbook's sheet, a sheet this one lacks, a formula.
        assert_eq!(sheet_range("[1]Dati!$A$1:$B$2", &sheets()), None);
        assert_eq!(sheet_range("Altro!$A$1:$B$2", &sheets()), None);
        assert_eq!(sheet_range("OFFSET(Dati!$A$1,0,0,10,5)", &sheets()), None);
    }

    #[test]
    fn a_table_has_its_header_totals_and_columns() {
        let x = br#"<table xmlns="x" id="1" name="T1" displayName="Movimenti" ref="A1:C7" totalsRowCount="1"><autoFilter ref="A1:C6"/><tableColumns count="3"><tableColumn id="1" name="Voce"/><tableColumn id="2" name="Importo"/><tableColumn id="3" name="Saldo"/></tableColumns></table>"#;
        let (name, t) = table(x, "t.xml", "Dati").unwrap().unwrap();
        assert_eq!(name, "Movimenti");
        assert_eq!((t.first, t.last), ((0, 0), (6, 2)));
        assert_eq!((t.header_rows, t.totals_rows), (1, 1));
        assert_eq!(t.columns, ["Voce", "Importo", "Saldo"]);
        // As a pivot cache's source: with its header, without its totals.
        let mut names = Names::default();
        names.tables.insert("movimenti".to_owned(), t);
        assert_eq!(
            names.source("MOVIMENTI"),
            Some(("Dati".to_owned(), (0, 0), (5, 2)))
        );
        let x = br#"<table xmlns="x" id="2" name="Senza" ref="B2:C4" headerRowCount="0"/>"#;
        let (_, t) = table(x, "t.xml", "Dati").unwrap().unwrap();
        assert_eq!((t.header_rows, t.totals_rows), (0, 0));
    }
}

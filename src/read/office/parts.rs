//! The parts of an .xlsx and the relationships between them: which part
//! holds each sheet (`xl/workbook.xml` and its `.rels`), and what a part
//! points at (`xl/worksheets/_rels/sheet1.xml.rels`: its pivot tables).

use std::collections::HashMap;

use super::archive::Archive;
use super::xml::{self, Ev};
use crate::error::Result;

/// The sheets of a workbook, by name, with their parts.
pub fn sheet_parts(a: &mut Archive<'_>) -> Result<Vec<(String, String)>> {
    let targets: HashMap<String, String> = relationships_by_id(a, "xl/workbook.xml")?;
    let mut sheets = Vec::new();
    let Some(book) = a.part("xl/workbook.xml")? else {
        return Ok(sheets);
    };
    xml::walk(&book, "xl/workbook.xml", |e| {
        if let Ev::Start { name, attrs, .. } = e {
            if let (true, Some(n), Some(id)) = (name == "sheet", attrs.get("name"), attrs.get("id"))
            {
                if let Some(part) = targets.get(id) {
                    sheets.push((n.clone(), part.clone()));
                }
            }
        }
        true
    })?;
    Ok(sheets)
}

/// The relationships of a part (`dir/_rels/name.rels`): (type, target part).
pub fn relationships(a: &mut Archive<'_>, part: &str) -> Result<Vec<(String, String)>> {
    Ok(rels(a, part)?.into_iter().map(|(_, k, t)| (k, t)).collect())
}

fn relationships_by_id(a: &mut Archive<'_>, part: &str) -> Result<HashMap<String, String>> {
    Ok(rels(a, part)?
        .into_iter()
        .map(|(id, _, t)| (id, t))
        .collect())
}

/// (id, type, target part, resolved from the part's folder).
fn rels(a: &mut Archive<'_>, part: &str) -> Result<Vec<(String, String, String)>> {
    let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
    let name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let Some(x) = a.part(&name)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    xml::walk(&x, &name, |e| {
        if let Ev::Start { name, attrs, .. } = e {
            if let (true, Some(id), Some(t)) =
                (name == "Relationship", attrs.get("Id"), attrs.get("Target"))
            {
                let kind = attrs.get("Type").cloned().unwrap_or_default();
                out.push((id.clone(), kind, resolve(dir, t)));
            }
        }
        true
    })?;
    Ok(out)
}

/// A relationship's target as a part name: absolute (`/xl/x.xml`) or
/// relative to the source's folder (`../pivotTables/p.xml`).
fn resolve(dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_owned();
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_from_their_part_s_folder() {
        assert_eq!(
            resolve("xl/worksheets", "../pivotTables/p1.xml"),
            "xl/pivotTables/p1.xml"
        );
        assert_eq!(
            resolve("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl/worksheets", "/xl/pivotTables/p1.xml"),
            "xl/pivotTables/p1.xml"
        );
    }
}

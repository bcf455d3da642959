//! A pivot table laid out from its source, as LibreOffice lays it out when
//! it opens the file: for a table whose file holds no output (writers other
//! than Excel save the definition and its cache with `refreshOnLoad` and
//! leave the cells to the application) or an output that [`super::layout`]
//! cannot follow (a compact table of several row fields whose definition
//! lists no row items).
//!
//! LibreOffice computes the table again from the source range's cells on
//! the sheet, not from the cache's records (a cell changed after the cache
//! was saved shows in the table). Its layout, as LibreOffice 7.4 writes it:
//!
//! - each row field has a column; an outer field's item has a row of its
//!   own with the item's subtotal (outline form), or its first inner item
//!   beside it and a row `<item> Risultato` after its inner items (tabular,
//!   `pivotField@outline="0"`); a field whose `defaultSubtotal` is off has
//!   no subtotals;
//! - a column field's items stand over the values, one header row for each
//!   column field under a row naming the data field (one data field) and
//!   the column fields, a subtotal column `<item> Risultato` after an outer
//!   item's columns, a `Totale Risultato` column at the right;
//! - several data fields side by side under a row `Dati` (no column
//!   field), or on rows (`dataOnRows`, or beside column fields when the
//!   definition puts their own field nowhere), a row for
//!   each under its item and a grand total row `Totale <data field>` each;
//! - a page field two rows over the table, its name and `- tutto -` (or the
//!   item it selects);
//! - items in the order the pivot field lists them (the cache's items by
//!   index), else ascending (numbers first, then text without regard to
//!   case, the empty item `(vuoto)` last); `sortType` ascending or
//!   descending sorts them; a hidden item (`h="1"`) leaves its records out.
//!
//! - several data fields beside a column field: their own level among the
//!   column levels where the definition puts it (a column each under each
//!   item, or the items under each data field), no subtotal columns, and a
//!   grand total column `Totale <data field>` for each.
//!
//! Shapes outside these (several data fields beside two column fields or
//! more, a source that is not a range of a sheet of the workbook, by its
//! reference or by a name the workbook gives it) are not laid out.

use std::collections::HashMap;

use atti_page::CellValue;

use super::super::formula::SheetRange;
use super::super::recalc::Cells;
use super::Definition;

/// LibreOffice's Italian name for an empty item.
const EMPTY_ITEM: &str = "(vuoto)";
/// LibreOffice's Italian word for a page field that selects every item.
const ALL_ITEMS: &str = "- tutto -";
/// At most this many record-by-column sums in a table: a larger one is
/// left as the file holds it.
const MAX_WORK: usize = 50_000_000;

/// What a pivot cache says of the table's source and of each field.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Cache {
    /// The fields' names, in the source's column order.
    pub names: Vec<String>,
    /// Each field's shared items as text, in the cache's order (the
    /// indexes a pivot field's items refer to).
    pub items: Vec<Vec<String>>,
    /// The source: its sheet and range (`worksheetSource@sheet`, `@ref`,
    /// or the range of its `@name`).
    pub source: Option<SheetRange>,
    /// The name of the source range, until it is looked up.
    pub source_name: Option<String>,
}

/// A pivot table that can be laid out from its source cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    d: Definition,
    cache: Cache,
}

/// A cell of the laid out table: where, its text, its value, and whether
/// it is a caption LibreOffice makes in its own words (kept out of a cell
/// where the file holds a text of its own).
#[derive(Debug, Clone, PartialEq)]
pub struct Out {
    pub at: (u32, u32),
    pub text: String,
    pub value: Option<CellValue>,
    pub caption: bool,
}

/// One value of a source row, for one field: its text as shown (the item
/// it falls under), its number, whether the cell is empty, and its value
/// as the cache writes its shared items (`2022`, `0.5`,
/// `2023-01-31T00:00:00`), by which a pivot field's listed, hidden or
/// selected items are matched.
struct Val {
    key: String,
    number: Option<f64>,
    empty: bool,
    cached: String,
}

impl Plan {
    pub(super) fn new(d: &Definition, cache: Cache) -> Option<Plan> {
        cache.source.as_ref()?;
        d.location?;
        Some(Plan {
            d: d.clone(),
            cache,
        })
    }

    /// The sheet whose cells are the table's source.
    pub fn source_sheet(&self) -> &str {
        self.cache.source.as_ref().map_or("", |s| s.0.as_str())
    }

    /// The table laid out from the source sheet's cells, or `None` for a
    /// shape this module does not lay out.
    pub fn lay_out(&self, source: &Cells) -> Option<Vec<Out>> {
        let (_, first, last) = self.cache.source.as_ref()?;
        let (first, last) = (*first, *last);
        let nfields = (last.1.checked_sub(first.1)? + 1) as usize;
        let field = |x: i64| usize::try_from(x).ok().filter(|&f| f < nfields);
        // A row or column field list's fields, the data fields' own (-2) left out.
        let axis = |list: &[i64]| -> Option<Vec<usize>> {
            list.iter()
                .filter(|&&x| x != -2)
                .map(|&x| field(x))
                .collect()
        };
        let (rows, cols) = (axis(&self.d.rows)?, axis(&self.d.cols)?);
        let data: Vec<usize> = self
            .d
            .data
            .iter()
            .map(|f| field(f.0))
            .collect::<Option<_>>()?;
        if rows.is_empty() || data.is_empty() {
            return None;
        }
        let several = data.len() > 1;
        let data_rows = several
            && (self.d.rows.contains(&-2) || !self.d.cols.contains(&-2) && !cols.is_empty());
        // Several data fields side by side beside more than one column field.
        if several && !data_rows && cols.len() > 1 {
            return None;
        }
        // The source's cells by place, its header row first.
        let mut at = HashMap::new();
        // The rows under the header with a cell that is not empty.
        let mut filled = std::collections::HashSet::new();
        for (r, c, text, value) in source {
            if (first.0..=last.0).contains(r) && (first.1..=last.1).contains(c) {
                at.insert((*r, *c), (text.as_str(), value.as_ref()));
                if *r > first.0 && (!text.trim().is_empty() || value.is_some()) {
                    filled.insert(*r);
                }
            }
        }
        let names: Vec<String> = (0..nfields)
            .map(|f| {
                let head = at.get(&(first.0, first.1 + f as u32)).map_or("", |v| v.0);
                match head.trim() {
                    "" => self.cache.names.get(f).cloned().unwrap_or_default(),
                    h => h.to_owned(),
                }
            })
            .collect();
        // The fields the table shows or filters by, each record holding
        // those alone (a source of many columns costs only what it uses).
        let mut pages = Vec::new();
        for &(x, item) in &self.d.pages {
            let f = field(x)?;
            let chosen = item.and_then(|i| self.shared(f, i));
            pages.push((f, names[f].clone(), chosen.map(str::to_owned)));
        }
        let mut used: Vec<usize> = rows.iter().chain(&cols).chain(&data).copied().collect();
        used.extend(pages.iter().map(|p| p.0));
        used.sort_unstable();
        used.dedup();
        let mut slot = vec![usize::MAX; nfields];
        for (k, &f) in used.iter().enumerate() {
            slot[f] = k;
        }
        if filled.len().saturating_mul(used.len()) > MAX_WORK {
            return None;
        }
        let mut filled: Vec<u32> = filled.into_iter().collect();
        filled.sort_unstable();
        // Hidden items and a page field's selection leave their records out.
        let hidden: Vec<Vec<&str>> = used
            .iter()
            .map(|&f| {
                self.d
                    .field_items
                    .get(f)
                    .into_iter()
                    .flatten()
                    .filter(|i| i.1)
                    .filter_map(|i| self.shared(f, i.0))
                    .collect()
            })
            .collect();
        let mut records: Vec<Vec<Val>> = Vec::new();
        for r in filled {
            let rec: Vec<Val> = used
                .iter()
                .map(|&f| value(at.get(&(r, first.1 + f as u32)).copied()))
                .collect();
            let shown = rec
                .iter()
                .zip(&hidden)
                .all(|(v, h)| !h.contains(&v.cached.as_str()))
                && pages.iter().all(|(f, _, chosen)| {
                    chosen.as_ref().is_none_or(|c| rec[slot[*f]].cached == *c)
                });
            if shown {
                records.push(rec);
            }
        }
        // A selected item shown as its records show it (a date as dated).
        let pages: Vec<(String, Option<String>)> = pages
            .into_iter()
            .map(|(f, name, chosen)| {
                let shown = chosen.map(|c| {
                    records
                        .iter()
                        .find(|rec| rec[slot[f]].cached == c)
                        .map_or(c, |rec| rec[slot[f]].key.clone())
                });
                (name, shown)
            })
            .collect();
        let ctx = grid::Ctx {
            plan: self,
            records: &records,
            slot: &slot,
            rows: &rows,
            data: &data,
            data_rows,
        };
        ctx.lay_out(&cols, &names, &pages)
    }

    /// A field's shared item, by its index in the cache.
    fn shared(&self, f: usize, i: usize) -> Option<&str> {
        self.cache.items.get(f)?.get(i).map(|s| match s.as_str() {
            "" => EMPTY_ITEM,
            s => s,
        })
    }

    fn function(&self, j: usize) -> &str {
        self.d.data.get(j).map_or("", |d| d.2.as_str())
    }
}

fn value(cell: Option<(&str, Option<&CellValue>)>) -> Val {
    let Some((text, v)) = cell else {
        return Val {
            key: EMPTY_ITEM.into(),
            number: None,
            empty: true,
            cached: EMPTY_ITEM.into(),
        };
    };
    let number = match v {
        Some(CellValue::Number(n)) => Some(*n),
        _ => None,
    };
    let empty = text.trim().is_empty() && number.is_none();
    let key = if empty {
        EMPTY_ITEM.to_owned()
    } else {
        text.to_owned()
    };
    let cached = match v {
        Some(CellValue::Number(n)) => n.to_string(),
        Some(CellValue::Date(d)) => format!("{d}T00:00:00"),
        Some(CellValue::DateTime(d)) => d.clone(),
        _ => key.clone(),
    };
    Val {
        key,
        number,
        empty,
        cached,
    }
}

#[path = "pivot_grid.rs"]
mod grid;

#[cfg(test)]
#[path = "pivot_compute_tests.rs"]
mod tests;

//! The grid of a pivot table laid out from its source ([`super`]): its
//! value columns and their headers, its rows walked field by field, each
//! cell's function of its records.

use std::cmp::Ordering;
use std::collections::HashMap;

use atti_page::CellValue;

use super::super::super::cell_text::number_text;
use super::super::{data_field_name, DATA_FIELD, GRAND_TOTAL};
use super::{Out, Plan, Val, ALL_ITEMS, MAX_WORK};

/// A column of values: the column items it sums (a prefix of the column
/// fields' items: all of them for a leaf, fewer for a subtotal, none for
/// the grand total) and, with several data fields side by side, which.
struct Column {
    path: Vec<String>,
    data: usize,
}

/// The value columns as they are laid out, with their header cells: the
/// column levels (a column field, or the data fields' own, `None`), the
/// first header row and the first value column.
struct Tree<'a> {
    levels: &'a [Option<usize>],
    columns: &'a mut Vec<Column>,
    out: &'a mut Vec<Out>,
    top: u32,
    left: u32,
}

impl Tree<'_> {
    /// The sheet column the next value column takes.
    fn next(&self) -> u32 {
        self.left + self.columns.len() as u32
    }

    fn header(&mut self, at: (u32, u32), text: String, value: Option<CellValue>, caption: bool) {
        self.out.push(Out {
            at,
            text,
            value,
            caption,
        });
    }

    fn column(&mut self, path: &[String], data: usize) {
        self.columns.push(Column {
            path: path.to_vec(),
            data,
        });
    }
}

pub(super) struct Ctx<'a> {
    pub plan: &'a Plan,
    /// The records' values of the fields used, each field's at its slot.
    pub records: &'a [Vec<Val>],
    pub slot: &'a [usize],
    pub rows: &'a [usize],
    pub data: &'a [usize],
    pub data_rows: bool,
}

impl Ctx<'_> {
    /// Record `i`'s value of field `f`.
    fn val(&self, i: usize, f: usize) -> &Val {
        &self.records[i][self.slot[f]]
    }

    pub fn lay_out(
        &self,
        cols: &[usize],
        names: &[String],
        pages: &[(String, Option<String>)],
    ) -> Option<Vec<Out>> {
        let d = &self.plan.d;
        let (r0, c0) = d.location?;
        let mut out = Vec::new();
        let put = |out: &mut Vec<Out>, at, text: String, value, caption| {
            out.push(Out {
                at,
                text,
                value,
                caption,
            })
        };
        // Page fields two rows over the table, the last one nearest.
        let npages = pages.len() as u32;
        if npages > 0 && r0 < npages + 1 {
            return None;
        }
        for (k, (name, chosen)) in pages.iter().enumerate() {
            let r = r0 - npages - 1 + k as u32;
            put(&mut out, (r, c0), name.clone(), None, false);
            let item = chosen.clone().unwrap_or_else(|| ALL_ITEMS.to_owned());
            put(&mut out, (r, c0 + 1), item, None, false);
        }
        let all: Vec<usize> = (0..self.records.len()).collect();
        let first_value_col = c0 + self.rows.len() as u32 + u32::from(self.data_rows);
        // The value columns and their headers.
        let mut columns = Vec::new();
        let header_rows: u32;
        if !cols.is_empty() {
            // The column fields, with the data fields' own (`None`) where
            // the definition puts it when there are several side by side.
            let several = self.data.len() > 1 && !self.data_rows;
            let levels: Vec<Option<usize>> = if several {
                d.cols.iter().map(|&x| usize::try_from(x).ok()).collect()
            } else {
                cols.iter().map(|&f| Some(f)).collect()
            };
            header_rows = 1 + levels.len() as u32;
            if self.data.len() == 1 {
                let name = data_field_name(&self.plan.cache.names, &d.data[0])?;
                put(&mut out, (r0, c0), name, None, false);
            }
            for (j, level) in levels.iter().enumerate() {
                let name = level.map_or_else(|| DATA_FIELD.to_owned(), |f| names[f].clone());
                put(
                    &mut out,
                    (r0, first_value_col + j as u32),
                    name,
                    None,
                    false,
                );
            }
            let mut tree = Tree {
                levels: &levels,
                columns: &mut columns,
                out: &mut out,
                top: r0 + 1,
                left: first_value_col,
            };
            self.column_tree(&mut tree, 0, &all, &mut Vec::new(), 0);
            if d.total_col {
                // A grand total column, one for each data field side by side.
                for j in 0..if several { self.data.len() } else { 1 } {
                    let text = if several {
                        format!(
                            "Totale {}",
                            data_field_name(&self.plan.cache.names, &d.data[j])?
                        )
                    } else {
                        GRAND_TOTAL.to_owned()
                    };
                    let at = (r0 + 1, first_value_col + columns.len() as u32);
                    put(&mut out, at, text, None, true);
                    columns.push(Column {
                        path: Vec::new(),
                        data: j,
                    });
                }
            }
        } else if self.data.len() > 1 && !self.data_rows {
            header_rows = 2;
            put(
                &mut out,
                (r0, first_value_col),
                DATA_FIELD.to_owned(),
                None,
                false,
            );
            for j in 0..self.data.len() {
                let name = data_field_name(&self.plan.cache.names, &d.data[j])?;
                put(
                    &mut out,
                    (r0 + 1, first_value_col + j as u32),
                    name,
                    None,
                    false,
                );
                columns.push(Column {
                    path: Vec::new(),
                    data: j,
                });
            }
        } else {
            header_rows = 1;
            if !self.data_rows {
                let name = data_field_name(&self.plan.cache.names, &d.data[0])?;
                put(&mut out, (r0, first_value_col), name, None, false);
            }
            columns.push(Column {
                path: Vec::new(),
                data: 0,
            });
        }
        if self.records.len().saturating_mul(columns.len().max(1)) > MAX_WORK {
            return None;
        }
        let header = r0 + header_rows - 1;
        for (i, &f) in self.rows.iter().enumerate() {
            put(
                &mut out,
                (header, c0 + i as u32),
                names[f].clone(),
                None,
                false,
            );
        }
        if self.data_rows {
            put(
                &mut out,
                (header, c0 + self.rows.len() as u32),
                DATA_FIELD.to_owned(),
                None,
                false,
            );
        }
        let mut r = header + 1;
        let walk = Walk {
            ctx: self,
            cols,
            columns: &columns,
            c0,
            first_value_col,
        };
        walk.rows(0, &all, &mut r, &mut out)?;
        if d.total_row {
            if self.data_rows {
                for j in 0..self.data.len() {
                    let name = data_field_name(&self.plan.cache.names, &d.data[j])?;
                    put(&mut out, (r, c0), format!("Totale {name}"), None, true);
                    walk.values(&all, Some(j), r, &mut out);
                    r += 1;
                }
            } else {
                put(&mut out, (r, c0), GRAND_TOTAL.to_owned(), None, true);
                walk.values(&all, None, r, &mut out);
            }
        }
        Some(out)
    }

    /// The columns of the column fields' items from `level` down, within
    /// the records `within` (of data field `data`, when the data fields'
    /// own level is above), with their header cells. An outer item's
    /// subtotal column follows its columns, unless the data fields stand
    /// side by side among the levels.
    fn column_tree(
        &self,
        t: &mut Tree<'_>,
        level: usize,
        within: &[usize],
        path: &mut Vec<String>,
        data: usize,
    ) -> Option<()> {
        let row = t.top + level as u32;
        let last = level + 1 == t.levels.len();
        let Some(f) = t.levels[level] else {
            for j in 0..self.data.len() {
                let text = data_field_name(&self.plan.cache.names, &self.plan.d.data[j])?;
                t.header((row, t.next()), text, None, false);
                if last {
                    t.column(path, j);
                } else {
                    self.column_tree(t, level + 1, within, path, j)?;
                }
            }
            return Some(());
        };
        for (item, recs) in self.items(f, within) {
            t.header(
                (row, t.next()),
                item.clone(),
                number_of(self.val(recs[0], f)),
                false,
            );
            path.push(item.clone());
            if last {
                t.column(path, data);
            } else {
                self.column_tree(t, level + 1, &recs, path, data)?;
                let subtotal = self.plan.d.field_subtotal.get(f).copied().unwrap_or(true);
                if subtotal && !t.levels.contains(&None) {
                    t.header((row, t.next()), format!("{item} Risultato"), None, true);
                    t.column(path, data);
                }
            }
            path.pop();
        }
        Some(())
    }

    /// A field's items among the records `within`, in the table's order,
    /// each with its records.
    fn items(&self, f: usize, within: &[usize]) -> Vec<(String, Vec<usize>)> {
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for &i in within {
            let key = self.val(i, f).key.as_str();
            match index.get(key) {
                Some(&g) => groups[g].1.push(i),
                None => {
                    index.insert(key, groups.len());
                    groups.push((key.to_owned(), vec![i]));
                }
            }
        }
        let d = &self.plan.d;
        let listed: HashMap<&str, usize> = d
            .field_items
            .get(f)
            .into_iter()
            .flatten()
            .filter_map(|i| self.plan.shared(f, i.0))
            .enumerate()
            .map(|(n, s)| (s, n))
            .collect();
        let sort = d.field_sort.get(f).copied().flatten();
        let ascending = |a: &(String, Vec<usize>), b: &(String, Vec<usize>)| {
            item_order(self.val(a.1[0], f), self.val(b.1[0], f))
        };
        match sort {
            Some(up) => {
                groups.sort_by(ascending);
                if !up {
                    groups.reverse();
                }
            }
            None if !listed.is_empty() => {
                let place =
                    |g: &(String, Vec<usize>)| listed.get(self.val(g.1[0], f).cached.as_str());
                groups.sort_by(|a, b| match (place(a), place(b)) {
                    (Some(x), Some(y)) => x.cmp(y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => ascending(a, b),
                })
            }
            None => groups.sort_by(ascending),
        }
        groups
    }
}

/// An item's value, where it is a number (a year shown as an item).
fn number_of(v: &Val) -> Option<CellValue> {
    v.number.map(CellValue::Number)
}

/// Ascending item order: numbers by value, then text without regard to
/// case, the empty item last.
pub(super) fn item_order(a: &Val, b: &Val) -> Ordering {
    let rank = |v: &Val| match (v.empty, v.number) {
        (true, _) => 2,
        (false, Some(_)) => 0,
        (false, None) => 1,
    };
    rank(a)
        .cmp(&rank(b))
        .then_with(|| match (a.number, b.number) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            _ => a
                .key
                .to_lowercase()
                .cmp(&b.key.to_lowercase())
                .then_with(|| a.key.cmp(&b.key)),
        })
}

/// The rows of a table and their values.
struct Walk<'a> {
    ctx: &'a Ctx<'a>,
    cols: &'a [usize],
    columns: &'a [Column],
    c0: u32,
    first_value_col: u32,
}

impl Walk<'_> {
    fn rows(&self, level: usize, within: &[usize], r: &mut u32, out: &mut Vec<Out>) -> Option<()> {
        let ctx = self.ctx;
        let d = &ctx.plan.d;
        let f = ctx.rows[level];
        let last = level + 1 == ctx.rows.len();
        let outline = d.field_outline.get(f).copied().unwrap_or(true);
        let subtotal = d.field_subtotal.get(f).copied().unwrap_or(true);
        if ctx.data_rows && !last && !outline && subtotal {
            return None;
        }
        for (item, recs) in ctx.items(f, within) {
            out.push(Out {
                at: (*r, self.c0 + level as u32),
                text: item.clone(),
                value: number_of(ctx.val(recs[0], f)),
                caption: false,
            });
            if last {
                if ctx.data_rows {
                    // Outline form gives the item a row of its own over its
                    // data fields' rows; tabular puts the first beside it.
                    if outline {
                        *r += 1;
                    }
                    for j in 0..ctx.data.len() {
                        let name = data_field_name(&ctx.plan.cache.names, &d.data[j])?;
                        out.push(Out {
                            at: (*r, self.c0 + ctx.rows.len() as u32),
                            text: name,
                            value: None,
                            caption: false,
                        });
                        self.values(&recs, Some(j), *r, out);
                        *r += 1;
                    }
                } else {
                    self.values(&recs, None, *r, out);
                    *r += 1;
                }
            } else if outline {
                if subtotal && !ctx.data_rows {
                    self.values(&recs, None, *r, out);
                }
                *r += 1;
                self.rows(level + 1, &recs, r, out)?;
            } else {
                self.rows(level + 1, &recs, r, out)?;
                if subtotal {
                    out.push(Out {
                        at: (*r, self.c0 + level as u32),
                        text: format!("{item} Risultato"),
                        value: None,
                        caption: true,
                    });
                    self.values(&recs, None, *r, out);
                    *r += 1;
                }
            }
        }
        Some(())
    }

    /// The values of row `r` over the records `within`: each column's
    /// function of its data field (`data`, when the data fields are on
    /// rows, else the column's), where some record falls in the column.
    fn values(&self, within: &[usize], data: Option<usize>, r: u32, out: &mut Vec<Out>) {
        let ctx = self.ctx;
        for (k, col) in self.columns.iter().enumerate() {
            let j = data.unwrap_or(col.data);
            let f = ctx.data[j];
            let vals: Vec<&Val> = within
                .iter()
                .filter(|&&i| {
                    col.path
                        .iter()
                        .zip(self.cols)
                        .all(|(item, &cf)| ctx.val(i, cf).key == *item)
                })
                .map(|&i| ctx.val(i, f))
                .collect();
            if vals.is_empty() {
                continue;
            }
            if let Some(x) = aggregate(ctx.plan.function(j), &vals) {
                out.push(Out {
                    at: (r, self.first_value_col + k as u32),
                    text: number_text(x),
                    value: Some(CellValue::Number(x)),
                    caption: false,
                });
            }
        }
    }
}

/// A data field's function over its values (`dataField@subtotal`, the sum
/// by default): `count` counts the values that are not empty, `countNums`
/// the numbers; the others take the numbers alone.
pub(super) fn aggregate(function: &str, vals: &[&Val]) -> Option<f64> {
    let nums: Vec<f64> = vals.iter().filter_map(|v| v.number).collect();
    let n = nums.len() as f64;
    let mean = || nums.iter().sum::<f64>() / n;
    let squares = || {
        let m = mean();
        nums.iter().map(|x| (x - m) * (x - m)).sum::<f64>()
    };
    Some(match function {
        "count" => vals.iter().filter(|v| !v.empty).count() as f64,
        "countNums" => n,
        "average" if n > 0.0 => mean(),
        "max" | "min" if nums.is_empty() => 0.0,
        "max" => nums.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        "min" => nums.iter().copied().fold(f64::INFINITY, f64::min),
        "product" => nums.iter().product(),
        "var" if n > 1.0 => squares() / (n - 1.0),
        "varp" if n > 0.0 => squares() / n,
        "stdDev" if n > 1.0 => (squares() / (n - 1.0)).sqrt(),
        "stdDevp" if n > 0.0 => (squares() / n).sqrt(),
        "average" | "var" | "varp" | "stdDev" | "stdDevp" => return None,
        _ => nums.iter().sum(),
    })
}

//! The pivot tables of an .xlsx put on their sheets' cells as LibreOffice
//! shows them ([`super::pivot`]): the file's own output followed where it
//! can be, else the table laid out from its source.

use std::collections::{HashMap, HashSet};

use super::pivot::{Pivot, Table};
use super::recalc::Cells;

/// Each sheet's pivot tables over its cells. A table whose file holds its
/// output (a cell with text in its area) and whose layout can be followed
/// is followed ([`follow`]), and a cell the file leaves empty where the
/// table laid out from its source has text gets that text ([`fill`]); one
/// whose file holds none, or whose layout cannot be followed, is laid out
/// from its source sheet's cells, over the file's cells in its area and
/// where it falls ([`computed`]); one neither can be is left as the file
/// holds it. The tables are laid out from the cells as read, before any of
/// them is put on its sheet.
pub(super) fn apply(sheets: &mut [(&str, &mut Cells)], mut tables: HashMap<String, Vec<Pivot>>) {
    enum Put {
        Follow(Table, Option<Vec<super::pivot::Out>>),
        Computed(Vec<super::pivot::Out>, (u32, u32, u32, u32)),
    }
    let mut puts: Vec<(usize, Put)> = Vec::new();
    for (i, (name, cells)) in sheets.iter().enumerate() {
        for p in tables.remove(*name).unwrap_or_default() {
            let (r0, r1, c0, c1) = p.area;
            let holds_output = cells.iter().any(|(r, c, text, _)| {
                (r0..=r1).contains(r) && (c0..=c1).contains(c) && !text.trim().is_empty()
            });
            let laid_out = || {
                let plan = p.plan.as_ref()?;
                let (_, source) = sheets.iter().find(|(n, _)| *n == plan.source_sheet())?;
                plan.lay_out(source)
            };
            let put = match p.follow {
                Some(t) if holds_output => Some(Put::Follow(t, laid_out())),
                follow => match laid_out() {
                    Some(outs) => Some(Put::Computed(outs, p.area)),
                    None => follow.map(|t| Put::Follow(t, None)),
                },
            };
            puts.extend(put.map(|put| (i, put)));
        }
    }
    for (i, put) in puts {
        let cells = &mut *sheets[i].1;
        match put {
            Put::Follow(t, outs) => {
                follow(cells, t);
                fill(cells, outs.unwrap_or_default());
            }
            Put::Computed(outs, area) => computed(cells, outs, area),
        }
    }
}

/// A followed table's cells that the file leaves empty (no cell, or one
/// with no text: a cell saved with a type and no value) where the table
/// laid out from its source has text: LibreOffice shows that text there.
/// The followed layout stands where both have text.
fn fill(cells: &mut Cells, outs: Vec<super::pivot::Out>) {
    for o in outs {
        place(cells, o.at, o.text, o.value, true);
    }
}

/// A cell put into a sheet's cells sorted by place: over the cell the file
/// holds there, or, with `only_if_empty`, only where that cell has no text.
fn place(
    cells: &mut Cells,
    (r, c): (u32, u32),
    text: String,
    value: Option<atti_page::CellValue>,
    only_if_empty: bool,
) {
    match cells.binary_search_by_key(&(r, c), |&(r, c, ..)| (r, c)) {
        Ok(i) if only_if_empty && !cells[i].2.trim().is_empty() => {}
        Ok(i) => cells[i] = (r, c, text, value),
        Err(i) => cells.insert(i, (r, c, text, value)),
    }
}

/// A table laid out from its source: the file's cells in its area and
/// where the table falls give way, except that a caption LibreOffice
/// makes in its own words leaves a text the file holds in its cell.
fn computed(
    cells: &mut Cells,
    outs: Vec<super::pivot::Out>,
    (r0, r1, c0, c1): (u32, u32, u32, u32),
) {
    // The texts the file holds where the table puts a caption of its own.
    let captions: HashSet<(u32, u32)> = outs.iter().filter(|o| o.caption).map(|o| o.at).collect();
    let mut kept: HashMap<(u32, u32), String> = cells
        .iter()
        .filter(|(r, c, text, value)| {
            captions.contains(&(*r, *c)) && value.is_none() && !text.trim().is_empty()
        })
        .map(|(r, c, text, _)| ((*r, *c), text.clone()))
        .collect();
    let taken: HashSet<(u32, u32)> = outs.iter().map(|o| o.at).collect();
    cells.retain(|(r, c, ..)| {
        let inside = (r0..=r1).contains(r) && (c0..=c1).contains(c);
        !inside && !taken.contains(&(*r, *c))
    });
    for o in outs {
        let (text, value) = match kept.remove(&o.at) {
            Some(text) => (text, None),
            None => (o.text, o.value),
        };
        cells.push((o.at.0, o.at.1, text, value));
    }
    cells.sort_by_key(|&(r, c, ..)| (r, c));
}

/// A pivot table as LibreOffice lays it out ([`super::pivot`]): its cells
/// moved down a row where LibreOffice adds one, or right where it gives
/// each row field a column (over what the file holds there), each row's
/// label into its field's column, then its header cells over what the file
/// holds there (a caption LibreOffice makes in its own words only into a
/// cell the file leaves empty).
fn follow(cells: &mut Cells, t: Table) {
    if let Some((r0, r1, c0, c1)) = t.shift_down {
        let inside = |r: u32, c: u32| (r0..=r1).contains(&r) && (c0..=c1).contains(&c);
        cells.retain(|&(r, c, ..)| !(r == r1 + 1 && (c0..=c1).contains(&c)));
        for cell in cells.iter_mut() {
            if inside(cell.0, cell.1) {
                cell.0 += 1;
            }
        }
    }
    if let Some((r0, r1, c0, c1, by)) = t.shift_right {
        let rows = r0..=r1;
        cells.retain(|&(r, c, ..)| !(rows.contains(&r) && c > c1 && c <= c1 + by));
        for cell in cells.iter_mut() {
            if rows.contains(&cell.0) && (c0..=c1).contains(&cell.1) {
                cell.1 += by;
            }
        }
    }
    // The shift has left each label's new cell empty.
    let moves: HashMap<_, _> = t.moves.into_iter().collect();
    for cell in cells.iter_mut() {
        if let Some(&(r, c)) = moves.get(&(cell.0, cell.1)) {
            (cell.0, cell.1) = (r, c);
        }
    }
    cells.sort_by_key(|&(r, c, ..)| (r, c));
    for label in t.labels {
        place(cells, label.at, label.text, None, label.only_if_empty);
    }
}

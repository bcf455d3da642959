//! The geometric table reader: from a page's words and ruling lines to
//! grids of cells.
//!
//! PDF producers set tables in many ways: grids of ruling lines, only
//! horizontal rules, or no lines at all; headers over two or three lines;
//! cells centred beside a wrapped neighbour. This crate reads the geometry
//! alone, knowing nothing of the language or of what the table means, with
//! every threshold a named [`Settings`] field:
//!
//! - [`rulings`] snaps and joins the ruling lines and gathers them into
//!   connected networks; [`lattice`] reads each network that divides
//!   columns as a grid, merged cells included, with the rows and columns
//!   its lines leave undrawn read from the words inside it ([`frame`]);
//!   [`headed`] sets the rows found under a small grid (a ruled header)
//!   beneath it;
//! - [`page_columns`] parts a page set in columns of running text, so
//!   that a table in one column is read without the other;
//! - [`stream`] reads the remaining words: [`region`] finds where lines
//!   share aligned column gaps (a label centred over two columns heads
//!   both: [`group_label`]), [`rows`] decides which lines make a row;
//!   horizontal rules that are no part of a grid end rows there.
//!
//! Running text never makes a table: a table needs at least two columns
//! and two lines with aligned gaps, and a region that reads as prose or as
//! a list is dropped ([`prose_or_list`]). Every count is capped, so a hostile page costs bounded time.

mod aligned_starts;
mod caption;
mod draft;
mod frame;
mod geom;
mod group_label;
mod gutters;
mod headed;
mod header_above;
mod header_band;
mod implicit;
mod item_marks;
mod label_rows;
mod lattice;
mod lines;
mod page_columns;
mod piece;
mod prose_or_list;
mod region;
mod rows;
mod rulings;
mod sections;
mod settings;
mod stream;
#[cfg(test)]
mod testkit;
mod text;
mod title_block;

pub use draft::{Found, Report};
pub use settings::Settings;

use atti_page::{Page, Table};
use lattice::Lattice;

/// The tables of a page, top to bottom.
pub fn find(page: &Page, settings: &Settings) -> Vec<Table> {
    find_with_report(page, settings)
        .into_iter()
        .map(|f| f.table)
        .collect()
}

/// The tables of a page, top to bottom, each with its parsing [`Report`].
pub fn find_with_report(page: &Page, settings: &Settings) -> Vec<Found> {
    let s = settings;
    let mut boxes = geom::word_boxes(page, s);
    lines::clip_overhangs(&mut boxes, s);
    let mut taken = vec![false; boxes.len()];
    let mut drafts = Vec::new();
    let (h, v) = rulings::segments(page, s);
    let mut rules: Vec<rulings::Seg> = Vec::new();
    let mut grids = Vec::new();
    if let Some(mut nets) = rulings::networks(&h, &v, s) {
        // A table drawn inside a cell of another is read first, so that
        // its words are its own and not the outer cell's.
        nets.sort_by(|a, b| a.area().total_cmp(&b.area()));
        for net in &nets {
            match lattice::read(page, net, &boxes, &taken, s) {
                Lattice::Grid(draft, used) => {
                    for i in used {
                        if let Some(t) = taken.get_mut(i) {
                            *t = true;
                        }
                    }
                    grids.push(draft);
                }
                Lattice::Rules => rules.extend(net.h.iter().copied()),
                Lattice::Nothing => {}
            }
        }
    }
    rules.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    // A small grid may be the ruled header of rows set without lines.
    grids.sort_by(|a, b| a.bbox[1].total_cmp(&b.bbox[1]));
    for g in grids {
        let g = caption::drop_notes(caption::drop_caption(g, s.size_tolerance));
        drafts.push(headed::extend(page, &boxes, &mut taken, g, &rules, s));
    }
    let free: Vec<usize> = (0..boxes.len()).filter(|&i| !taken[i]).collect();
    // A page set in columns of text is read one column at a time.
    for part in page_columns::split(&boxes, &free, s) {
        drafts.extend(
            stream::read(page, &boxes, &part, &rules, s)
                .into_iter()
                .map(|(d, _)| d),
        );
    }
    drafts.sort_by(|a, b| {
        a.bbox[1]
            .total_cmp(&b.bbox[1])
            .then(a.bbox[0].total_cmp(&b.bbox[0]))
    });
    // A header read apart from its rows heads them.
    let mut drafts = header_above::join(drafts);
    drafts.truncate(s.max_tables);
    drafts
        .into_iter()
        .map(|d| d.finish(page, s.line_tolerance))
        .collect()
}

/// The table as `rows` × `cols` texts: a merged cell's text at its top
/// left position and `""` in the positions it covers.
pub fn grid(table: &Table) -> Vec<Vec<String>> {
    // A table's size comes from its source: cap what is allocated for it.
    const MAX_POSITIONS: usize = 1 << 22;
    let (rows, cols) = (table.rows as usize, table.cols as usize);
    if rows.saturating_mul(cols) > MAX_POSITIONS {
        return Vec::new();
    }
    let mut g = vec![vec![String::new(); cols]; rows];
    for c in &table.cells {
        if let Some(slot) = g
            .get_mut(c.row as usize)
            .and_then(|r| r.get_mut(c.col as usize))
        {
            slot.clone_from(&c.text);
        }
    }
    g
}

#[cfg(test)]
mod pdf_tests;
#[cfg(test)]
#[path = "find_tests.rs"]
mod tests;

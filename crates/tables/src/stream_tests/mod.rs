//! Stream tables on pages built in the tests: how rows and cells are read
//! (`cells`), and where a table begins and ends and what is no table at all
//! (`bounds`), rows grouped under the first column (`groups`); the phase table's columns and the writers they share here.

use crate::testkit::{grids, rows, Kit};
use crate::Settings;
use atti_page::TableMode;

/// Column positions of the phase tables below.
pub(super) const FASE: f32 = 50.0;
pub(super) const DESCR: f32 = 90.0;
pub(super) const INIZIO: f32 = 300.0;
pub(super) const FINE: f32 = 370.0;

pub(super) fn phase_row(k: &mut Kit, y: f32, n: &str, descr: &str, a: &str, b: &str) {
    k.text(FASE, y, n)
        .text(DESCR, y, descr)
        .text(INIZIO, y, a)
        .text(FINE, y, b);
}

/// A paragraph of running text, one line every 12 points from `y`.
pub(super) fn paragraph(k: &mut Kit, x: f32, y: f32, lines: &[&str]) {
    for (i, l) in lines.iter().enumerate() {
        k.text(x, y + 12.0 * i as f32, l);
    }
}

mod bounds;
mod cells;
mod groups;
mod items;
mod narrow;
mod staggered;

//! Report templates: the lists an office must publish or send (art. 23,
//! 26-27 and 37 of d.lgs. 33/2013, PEG monitoring, deliberations with their
//! votes), written from the records by TOML templates, not by Rust.
//!
//! A template ([`template`]) names the table whose records are the rows,
//! filters, the period field, the order and, column by column, the header
//! and where the value comes from (a field, a constant, a joined child
//! list, an aggregate over the row's children or over every act sharing a
//! key, a code mapped through a table of [`maps`], the corrections) and
//! how it is written. [`catalog`] finds templates (shipped in reports/,
//! the project's folder, a file by path); [`run`] makes the rows from the
//! documents of the index with the corrections applied; [`write`] and
//! [`ods`] write CSV, JSON, xlsx and ods, with the cell helpers of
//! [`sheet`]. PEG results come from the user's CSV ([`results`]).

pub mod catalog;
pub mod context;
pub mod fields;
pub mod format;
pub mod maps;
pub mod ods;
pub mod results;
pub mod run;
pub mod sheet;
pub mod template;
pub mod write;

#[cfg(test)]
mod tests;

pub use catalog::Catalog;
pub use run::{Inputs, Output, Period, Run};
pub use template::Template;
pub use write::ReportFormat;

//! atti: a batch pipeline for the archives of Italian public administrations.
//!
//! Files go through stages that meet at plain data types:
//! [`ingest::discover`] (files to read) -> [`read`] (pages of text and
//! positioned words, the page model of `atti-page`; PDFs by `atti-pdf`) ->
//! [`rules`] (kind, fields, tables, references; the Italian grammars are in
//! `atti-italian`) -> [`record`] (documents and their objectives, phases,
//! indicators, decisions) -> sinks: the [`index`], the output [`tables`] (CSV, JSON Lines, xlsx), the
//! [`compliance`] report. [`ingest`] runs the stages over many files in
//! parallel, in worker processes. The binary (`main.rs`, with `cli/`, `config.rs` and
//! `commands/`) parses the command line, resolves it into a configuration,
//! runs one command and renders its errors; nothing else is in it.
//! Beyond one machine: [`ingest::shard`] (work units), [`merge`] (one index
//! from many), [`opensearch`] (the handoff to a search cluster).

pub mod compliance;
pub mod corrections;
pub mod digest;
pub mod error;
pub mod escape;
pub mod index;
pub mod ingest;
pub mod merge;
pub mod nearest;
pub mod opensearch;
pub mod progress;
pub mod project;
pub mod read;
pub mod record;
pub mod report;
pub mod review;
pub mod rules;
pub mod serve;
pub mod tables;
pub mod version;

pub use error::{Error, Result};

//! atti: a batch pipeline for the archives of Italian public administrations.
//!
//! Files go through stages that meet at plain data types:
//! [`ingest::discover`] (files to read) -> [`read`] (pages of text and
//! positioned words, the page model of `atti-page`; PDFs by `atti-pdf`) ->
//! [`rules`] (kind, fields, tables, references; the Italian grammars are in
//! `atti-italian`) -> [`record`] (documents and their objectives, phases,
//! indicators, decisions) -> sinks: the [`index`], CSV [`export`], the
//! [`compliance`] report. [`ingest`] runs the stages over many files in
//! parallel, in worker processes. The binary (`main.rs`) only parses the
//! command line and renders errors; [`commands`] holds one file per
//! subcommand.

pub mod cli;
pub mod commands;
pub mod compliance;
pub mod config;
pub mod digest;
pub mod error;
pub mod export;
pub mod index;
pub mod ingest;
pub mod progress;
pub mod read;
pub mod record;
pub mod rules;

pub use error::{Error, Result};

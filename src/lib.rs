//! atti: a batch pipeline for the archives of Italian public administrations.
//!
//! Files go through stages that meet at plain data types:
//! [`discover`] (files to read) -> [`extract`] (text per page, positioned
//! words) -> [`rules`] (kind, fields, tables, references) -> [`record`]
//! (documents and their objectives, phases, indicators, decisions) -> sinks:
//! the [`index`], CSV [`export`], the [`compliance`] report. [`pipeline`]
//! runs the stages over many files in parallel. The binary (`main.rs`) only
//! parses the command line and renders errors; [`commands`] holds one file
//! per subcommand.

pub mod cli;
pub mod commands;
pub mod compliance;
pub mod config;
pub mod discover;
pub mod error;
pub mod export;
pub mod extract;
pub mod index;
pub mod pdfgen;
pub mod pipeline;
pub mod progress;
pub mod record;
pub mod rules;
pub mod worker;

pub use error::{Error, Result};

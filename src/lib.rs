//! atti: a batch pipeline for the archives of Italian public administrations.
//!
//! Files go through stages that meet at plain data types:
//! discover ([`discover`]) -> extract ([`extract`]) -> classify and apply
//! rules ([`rules`]) -> record ([`record`]) -> sinks (the [`index`], CSV
//! [`export`], the [`compliance`] report). The binary in `main.rs` only parses
//! the command line and renders errors.

pub mod error;
pub mod extract;
pub mod record;
pub mod rules;

pub use error::{Error, Result};

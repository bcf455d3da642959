//! What a stored record was made by, so that an ingest knows what to redo.
//!
//! - [`EXTRACTOR`]: the readers and the page model (`atti-page`, `atti-pdf`,
//!   `src/read`) and the crates they parse with. A record made by another
//!   extractor is read from its file again.
//! - [`ENGINE`]: the rule engine, the Italian grammars and the records. With
//!   the rule files in force it makes [`crate::rules::RuleSet::fingerprint`];
//!   a record made by other rules has them applied again.
//! - [`crate::index::schema::VERSION`]: the index's own layout and analysers.
//!
//! The first two are hashes of the code that decides them, comments left
//! out (`build/source_hash.rs`): a change in what that code does changes
//! them, a comment or a change anywhere else does not.

/// The extractor's version (16 hex digits).
pub const EXTRACTOR: &str = env!("ATTI_EXTRACTOR_VERSION");

/// The rule engine's version (16 hex digits).
pub const ENGINE: &str = env!("ATTI_ENGINE_VERSION");

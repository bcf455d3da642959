//! atti's development tools, kept out of the application.
//!
//! - [`pdfgen`]: a small PDF writer that makes PDFs whose content is known,
//!   the ways office software makes them; the samples in `samples/` and the
//!   benchmark corpus are written with it (`cargo run -p atti-dev --example
//!   gen_samples`, `--example gen_corpus`).
//! - [`gold`]: how hand-read gold values are compared with atti's (shared
//!   by the gold tests and `cargo bench --bench gold`).
//! - [`shared`]: the test kit's one locator of `../shared`, the corpus of real
//!   documents that tests and benchmarks read beside the checkout.
//!
//! Every crate of the workspace may take this one as a dev-dependency; the
//! application never depends on it.

pub mod gold;
pub mod pdfgen;
pub mod shared;

/// Why a test document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("TrueType font {name}: {what}")]
    Font { name: String, what: String },
    #[error("writing the PDF: {0}")]
    Write(String),
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

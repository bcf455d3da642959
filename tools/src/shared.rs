//! The one place that knows where `../shared` is.
//!
//! Tests and benchmarks that read real documents find them under the folder
//! `$ATTI_SHARED` names, else `../shared` beside the checkout. When it is
//! absent a test prints a notice and skips, so that the suite runs anywhere;
//! under `CI=true` an absent folder is a failure, because CI is the place
//! where those tests must run.

use std::path::{Path, PathBuf};

/// The checkout's root folder (the workspace root).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tools/ has a parent")
        .to_path_buf()
}

/// The shared folder, whether or not it exists.
pub fn base() -> PathBuf {
    std::env::var_os("ATTI_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"))
}

/// `SUB` under the shared folder when it is there; `None`, with a notice
/// naming `who` (the test), when it is not. Panics under `CI=true`.
pub fn path(sub: &str, who: &str) -> Option<PathBuf> {
    let p = base().join(sub);
    if p.exists() {
        return Some(p);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{who}: {} is absent, and CI=true requires it (set ATTI_SHARED)",
            p.display()
        );
    }
    eprintln!(
        "notice: {} is absent (set ATTI_SHARED); {who} skipped",
        p.display()
    );
    None
}

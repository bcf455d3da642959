// Says, once and visibly, when the shared corpus of real documents is
// missing: the tests that read it then skip (a notice inside a passing test
// is hidden by `cargo test`), and fail under CI=true (see src/shared.rs).
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=ATTI_SHARED");
    let base = std::env::var_os("ATTI_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
    println!("cargo:rerun-if-changed={}", base.display());
    if !base.join("corpus").is_dir() {
        println!(
            "cargo:warning={} is absent: the tests that read real documents will be skipped (set ATTI_SHARED; under CI=true they fail)",
            base.display()
        );
    }
}

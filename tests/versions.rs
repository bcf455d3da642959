//! The extractor and engine versions change with the code that decides
//! them, and with nothing else: a change in the PDF reader reads files
//! again, a comment there or a change in the index does not.

#[allow(dead_code)]
#[path = "../build/source_hash.rs"]
mod source_hash;

use source_hash::{source_hash, ENGINE_SOURCES, EXTRACTOR_SOURCES};

fn write(root: &std::path::Path, path: &str, text: &str) {
    let p = root.join(path);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[test]
fn versions_follow_code_not_comments() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(
        root,
        "crates/pdf/src/lib.rs",
        "//! The reader.\nfn gap() -> f32 {\n    0.1\n}\n",
    );
    write(root, "src/rules/mod.rs", "fn apply() {}\n");
    write(root, "src/index/mod.rs", "fn open() {}\n");
    let versions = || {
        (
            source_hash(root, EXTRACTOR_SOURCES, &[]),
            source_hash(root, ENGINE_SOURCES, &[]),
        )
    };
    let first = versions();

    // A comment in the reader, a blank line, trailing spaces: no change.
    write(
        root,
        "crates/pdf/src/lib.rs",
        "//! The reader, which reads.\n\n/// The gap.\nfn gap() -> f32 {   \n    0.1\n}\n",
    );
    assert_eq!(versions(), first);
    // Code elsewhere (the index): no change either.
    write(root, "src/index/mod.rs", "fn open() { let _ = 1; }\n");
    assert_eq!(versions(), first);

    // What the reader does: a new extractor, the same engine.
    write(
        root,
        "crates/pdf/src/lib.rs",
        "fn gap() -> f32 {\n    0.2\n}\n",
    );
    let second = versions();
    assert_ne!(second.0, first.0);
    assert_eq!(second.1, first.1);
    // What the rules do: a new engine, the same extractor.
    write(root, "src/rules/mod.rs", "fn apply() { todo() }\n");
    let third = versions();
    assert_eq!(third.0, second.0);
    assert_ne!(third.1, second.1);
}

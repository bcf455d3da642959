// What the version of a part of atti is made of: its source files, with
// full-line comments and blank lines left out, so that a change in what the
// code does changes the version and a comment does not. Used by build.rs
// (the extractor and engine versions) and by the test that shows it.

/// The code that turns a file's bytes into pages: the extractor (and the
/// codec that stores the pages, so that stored pages are always read back
/// as they were written).
pub const EXTRACTOR_SOURCES: &[&str] = &[
    "crates/page/src",
    "crates/pdf/src",
    "crates/ocr/src",
    "src/read",
    "src/index/page_codec.rs",
];

/// The code that turns pages into records: the engine (the table reader
/// included: it finds a PDF page's tables from its stored words and lines
/// when the rules are applied).
pub const ENGINE_SOURCES: &[&str] = &[
    "src/rules",
    "crates/tables/src",
    "crates/italian/src",
    "src/record",
    "src/ingest/work.rs",
];

/// FNV-1a over the names and contents of the `.rs` files under `dirs`
/// (relative to `root`), and the given extra texts, comments left out.
pub fn source_hash(root: &std::path::Path, dirs: &[&str], extra: &[&str]) -> u64 {
    let mut files = Vec::new();
    for d in dirs {
        collect(&root.join(d), &mut files);
    }
    files.sort();
    let mut h: u64 = 0xcbf29ce484222325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x100000001b3);
        }
    };
    for f in &files {
        eat(f
            .strip_prefix(root)
            .unwrap_or(f)
            .to_string_lossy()
            .as_bytes());
        eat(code_only(&std::fs::read_to_string(f).unwrap_or_default()).as_bytes());
    }
    for e in extra {
        eat(e.as_bytes());
    }
    h
}

/// The lines of a Rust source that are code: full-line comments (`//`,
/// `///`, `//!`) and blank lines left out, trailing spaces trimmed.
pub fn code_only(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    for line in src.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with("//") {
            continue;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Every `.rs` file under `path` (or `path` itself).
pub fn collect(path: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_file() {
        out.push(path.to_owned());
        return;
    }
    for e in std::fs::read_dir(path).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

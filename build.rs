// Compiles the rule files in rules/ into the binary, so that `atti` works
// anywhere with no files beside it, and computes the extractor and engine
// versions (see build/source_hash.rs): a record made by another extractor
// is read again, one made by another engine has the rules applied again.
use std::fmt::Write as _;
use std::path::Path;

#[path = "build/source_hash.rs"]
mod source_hash;

fn main() {
    // The checkout being built, read when the script runs: `env!` would fix
    // the folder the script was first compiled in, and a target directory
    // shared with (or copied from) another checkout would build that
    // checkout's rules into this binary.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest);
    let dir = root.join("rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from("/// The built-in rule files: (file name, contents).\npub static BUILTIN: &[(&str, &str)] = &[\n");
    for n in &names {
        println!("cargo:rerun-if-changed={}", dir.join(n).display());
        writeln!(
            out,
            "    ({n:?}, include_str!({:?})),",
            dir.join(n).display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_rules.rs");
    std::fs::write(dest, out).unwrap();

    builtin_reports(root);

    // Two versions, each made of the code that decides it (comments left
    // out): the extractor (the readers and the page model; a new one reads
    // files again) and the engine (rules, Italian grammars, records; a new
    // one applies the rules again). A change anywhere else (the index, the
    // tables, the CLI) changes neither.
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default();
    let extractor = source_hash::source_hash(
        root,
        source_hash::EXTRACTOR_SOURCES,
        &[&locked(
            &lock,
            &["lopdf", "encoding_rs", "scraper", "flate2"],
        )],
    );
    let engine = source_hash::source_hash(
        root,
        source_hash::ENGINE_SOURCES,
        &[&locked(&lock, &["regex", "chrono"])],
    );
    for d in source_hash::EXTRACTOR_SOURCES
        .iter()
        .chain(source_hash::ENGINE_SOURCES)
    {
        println!("cargo:rerun-if-changed={}", root.join(d).display());
    }
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rustc-env=ATTI_EXTRACTOR_VERSION={extractor:016x}");
    println!("cargo:rustc-env=ATTI_ENGINE_VERSION={engine:016x}");
}

/// The `name = ` and `version = ` lines of these packages in Cargo.lock.
fn locked(lock: &str, names: &[&str]) -> String {
    let mut out = String::new();
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if let Some(n) = l.strip_prefix("name = ") {
            if names.iter().any(|x| n.trim_matches('"') == *x) {
                out.push_str(l);
                out.push_str(lines.next().unwrap_or(""));
            }
        }
    }
    out
}

/// Compiles the report templates (reports/*.toml), their code maps
/// (reports/maps/*.toml) and the filter values (reports/values.toml) into
/// the binary, as the rules are.
fn builtin_reports(root: &Path) {
    let dir = root.join("reports");
    println!("cargo:rerun-if-changed={}", dir.display());
    let list = |d: &Path| {
        println!("cargo:rerun-if-changed={}", d.display());
        let mut names: Vec<String> = std::fs::read_dir(d)
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".toml") && n != "values.toml")
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        let mut out = String::new();
        for n in &names {
            println!("cargo:rerun-if-changed={}", d.join(n).display());
            writeln!(
                out,
                "    ({n:?}, include_str!({:?})),",
                d.join(n).display().to_string()
            )
            .unwrap();
        }
        out
    };
    let values = dir.join("values.toml");
    println!("cargo:rerun-if-changed={}", values.display());
    let out = format!(
        "/// The shipped report templates: (file name, contents).\npub static BUILTIN_REPORTS: &[(&str, &str)] = &[\n{}];\n/// The shipped code maps.\npub static BUILTIN_MAPS: &[(&str, &str)] = &[\n{}];\n/// The values filters may name, by field.\npub static BUILTIN_VALUES: &str = include_str!({:?});\n",
        list(&dir),
        list(&dir.join("maps")),
        values.display().to_string()
    );
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_reports.rs");
    std::fs::write(dest, out).unwrap();
}

//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/SUB` (or `$ATTI_SHARED/SUB`) when present; None, with a
/// printed notice, when not (see `atti_dev::shared`).
pub fn shared(sub: &str) -> Option<PathBuf> {
    atti_dev::shared::path(sub, "this test")
}

/// Runs the atti binary with `args` in `cwd`.
pub fn atti(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atti"))
        .args(args)
        .current_dir(cwd)
        .env_remove("ATTI_INDEX")
        .output()
        .expect("the atti binary runs")
}

/// `atti export TABLE --format jsonl` of an index, one value per row.
pub fn export_jsonl(cwd: &Path, index: &Path, table: &str) -> Vec<serde_json::Value> {
    let out = atti_ok(
        cwd,
        &[
            "export",
            table,
            "--format",
            "jsonl",
            "--index",
            index.to_str().unwrap(),
        ],
        0,
    );
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Runs atti and asserts the exit code; returns stdout.
pub fn atti_ok(cwd: &Path, args: &[&str], code: i32) -> String {
    let out = atti(cwd, args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "atti {args:?}\nstdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// Compares `actual` with the golden file `tests/expected/NAME`. With
/// `ATTI_BLESS=1` it rewrites the golden file instead: regenerate
/// deliberately, then review the change with `git diff`.
pub fn golden(name: &str, actual: &str) {
    let path = root().join("tests/expected").join(name);
    if std::env::var_os("ATTI_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        eprintln!("blessed {}", path.display());
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no golden file {}: run with ATTI_BLESS=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "{name} differs from the golden file (- expected, + actual):\n{}",
            diff(&expected, actual)
        );
    }
}

/// A line diff: lines only in `expected` with `-`, only in `actual` with `+`.
pub fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    // Longest common subsequence: fine for golden files of a few hundred lines.
    let mut lcs = vec![vec![0u32; a.len() + 1]; e.len() + 1];
    for i in (0..e.len()).rev() {
        for j in (0..a.len()).rev() {
            lcs[i][j] = if e[i] == a[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < e.len() || j < a.len() {
        if i < e.len() && j < a.len() && e[i] == a[j] {
            i += 1;
            j += 1;
        } else if j < a.len() && (i == e.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("+ {}\n", a[j]));
            j += 1;
        } else {
            out.push_str(&format!("- {}\n", e[i]));
            i += 1;
        }
    }
    out
}

/// The UTF-8 byte order mark that starts a CSV file of the Italian dialect.
pub const BOM: &str = "\u{feff}";

/// A CSV text's byte order mark (or "") and delimiter: `;` when the header
/// line holds one (the Italian dialect, the default), else `,`. Headers are
/// column ids, which hold neither.
pub fn csv_dialect(csv_text: &str) -> (&'static str, u8) {
    let bom = if csv_text.starts_with(BOM) { BOM } else { "" };
    let header = csv_text[bom.len()..].lines().next().unwrap_or("");
    (bom, if header.contains(';') { b';' } else { b',' })
}

/// Replaces the values of a CSV column that change on every run (such as
/// `ingested_at`) with `<masked>`; the dialect (byte order mark, delimiter)
/// is kept.
pub fn mask_column(csv_text: &str, column: &str) -> String {
    let (bom, delimiter) = csv_dialect(csv_text);
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(csv_text[bom.len()..].as_bytes());
    let headers = rdr.headers().unwrap().clone();
    let idx = headers.iter().position(|h| h == column);
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(bom.as_bytes().to_vec());
    w.write_record(&headers).unwrap();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let row: Vec<&str> = rec
            .iter()
            .enumerate()
            .map(|(i, v)| if Some(i) == idx { "<masked>" } else { v })
            .collect();
        w.write_record(&row).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// Reads a CSV file of either dialect into rows of header -> value.
pub fn read_csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (bom, delimiter) = csv_dialect(&text);
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(text[bom.len()..].as_bytes());
    let headers = rdr.headers().unwrap().clone();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .map(str::to_owned)
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

/// Opens an xlsx workbook with calamine.
pub fn open_xlsx(path: &Path) -> calamine::Xlsx<std::io::BufReader<std::fs::File>> {
    calamine::open_workbook(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A sheet's cells, row by row, the header row first.
pub fn sheet_rows<R: std::io::Read + std::io::Seek>(
    wb: &mut calamine::Xlsx<R>,
    sheet: &str,
) -> Vec<Vec<calamine::Data>> {
    use calamine::Reader;
    let range = wb
        .worksheet_range(sheet)
        .unwrap_or_else(|e| panic!("sheet {sheet}: {e}"));
    range.rows().map(<[calamine::Data]>::to_vec).collect()
}

/// What the rules read from one file (read as `atti ingest` reads it, in
/// this process): the gold tests' view of a document; None when the file
/// cannot be read.
pub fn apply_rules(rules: &atti::rules::RuleSet, file: &Path) -> Option<atti::rules::RuleOutput> {
    use atti::read::{self, Limits, SourceType};
    let bytes = std::fs::read(file).ok()?;
    let ty = SourceType::from_extension(file)?;
    let r = read::read(&bytes, ty, &Limits::default()).ok()?;
    Some(rules.apply(&r.pages))
}

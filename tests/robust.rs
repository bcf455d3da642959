//! Broken and hostile inputs never stop a batch, and nothing is lost.
//!
//! The files are built here, so the test always runs; the 266 hostile PDFs
//! of ../shared/corpus/robust are ingested too when that folder is present.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

/// A PDF file from object bodies, with a correct cross-reference table.
/// Object `i` (1-based) is `objects[i-1]`; object 1 is the catalog.
fn pdf(objects: &[&[u8]]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(*body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut v = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    v.extend(data);
    v.extend(b"\nendstream");
    v
}

fn page_with(content: &[u8], resources: &str) -> Vec<u8> {
    pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> {resources} >> >>").as_bytes(),
        &stream("", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ])
}

fn good_pdf() -> Vec<u8> {
    page_with(
        b"BT /F1 12 Tf 72 700 Td (Deliberazione della Giunta Comunale n. 7) Tj ET",
        "",
    )
}

/// Writes the hostile set; returns the names of the files that are good
/// documents and must end up indexed with text.
fn write_hostile(dir: &Path) -> Vec<&'static str> {
    let w = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    let good = good_pdf();
    w("good.pdf", &good);
    w(
        "good.txt",
        "Verbale dell'Assemblea dei Sindaci del 01.12.2021".as_bytes(),
    );
    w("truncated.pdf", &good[..good.len() / 2]);
    w("empty.pdf", b"");
    w("empty.txt", b"");
    let mut seed = 0x9e3779b97f4a7c15u64;
    let random: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    w("random.pdf", &random);
    w("binary.txt", &random);
    let mut bad_utf8 = "Determinazione n. 12 del Comune di Città "
        .repeat(30)
        .into_bytes();
    bad_utf8.extend([0xc3, 0x28, 0xff, 0xfe, b' ', b'x']);
    w("invalid_utf8.txt", &bad_utf8);
    // Arrays nested 200,000 deep in the content stream and in an object.
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    w(
        "deep_nesting.pdf",
        &pdf(&[
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Deep {deep} >>")
                .as_bytes(),
        ]),
    );
    // A page tree that contains itself.
    w(
        "page_tree_loop.pdf",
        &pdf(&[
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]),
    );
    // A Form XObject that draws itself.
    w(
        "form_loop.pdf",
        &pdf(&[
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X1 5 0 R >> /Font << /F1 6 0 R >> >> >>",
            &stream("", b"/X1 Do BT /F1 10 Tf 50 50 Td (fuori) Tj ET"),
            &stream(
                "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X1 5 0 R >> >>",
                b"/X1 Do",
            ),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]),
    );
    // A flate stream that inflates to 1 GiB.
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..1024 {
        z.write_all(&zeros).unwrap();
    }
    let bomb = z.finish().unwrap();
    w(
        "flate_bomb.pdf",
        &pdf(&[
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            &stream("/Filter /FlateDecode", &bomb),
        ]),
    );
    // One line of 64 MiB.
    let mut line = Vec::with_capacity(64 << 20);
    while line.len() < 64 << 20 {
        line.extend_from_slice("delibera della giunta comunale di approvazione ".as_bytes());
    }
    w("one_line_64mib.txt", &line);
    // An HTML page saved with a .pdf extension, and a PDF saved as .txt.
    w(
        "wrong_extension.pdf",
        b"<!DOCTYPE html><html><body><p>Delibera di Giunta n. 3</p></body></html>",
    );
    w("pdf_as_text.txt", &good);
    vec![
        "good.pdf",
        "good.txt",
        "invalid_utf8.txt",
        "wrong_extension.pdf",
        "pdf_as_text.txt",
    ]
}

/// Peak resident memory of the children waited for so far, in bytes.
fn children_max_rss() -> u64 {
    // SAFETY: getrusage only writes the struct we hand it.
    unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut u);
        u.ru_maxrss as u64 * 1024
    }
}

/// Ingests `dir` and checks that every file is in exactly one table.
fn ingest_accounts_for_everything(dir: &Path, good: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let start = Instant::now();
    let out = atti_ok(
        &root(),
        &[
            "ingest",
            dir.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
            "--json",
            "--timeout",
            "20",
        ],
        0,
    );
    let elapsed = start.elapsed();
    let summary: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let files = std::fs::read_dir(dir).unwrap().count() as u64;
    assert_eq!(summary["seen"], files, "{summary}");
    // Every file is a document, a failure, or a copy of a document (two
    // hostile files here have the same bytes) in the skipped table.
    assert_eq!(
        summary["documents_in_index"].as_u64().unwrap()
            + summary["failures_in_index"].as_u64().unwrap()
            + summary["duplicates"].as_u64().unwrap()
            + summary["skipped"].as_u64().unwrap(),
        files,
        "{summary}"
    );

    let docs_csv = tmp.path().join("documents.csv");
    let fails_csv = tmp.path().join("failures.csv");
    let skipped_csv = tmp.path().join("skipped.csv");
    let idx = index.to_str().unwrap();
    atti_ok(
        &root(),
        &[
            "export",
            "documents",
            "--index",
            idx,
            "--out",
            docs_csv.to_str().unwrap(),
        ],
        0,
    );
    atti_ok(
        &root(),
        &[
            "export",
            "failures",
            "--index",
            idx,
            "--out",
            fails_csv.to_str().unwrap(),
        ],
        0,
    );
    atti_ok(
        &root(),
        &[
            "export",
            "skipped",
            "--index",
            idx,
            "--out",
            skipped_csv.to_str().unwrap(),
        ],
        0,
    );
    let docs = read_csv(&docs_csv);
    let fails = read_csv(&fails_csv);
    let skipped = read_csv(&skipped_csv);
    let name = |s: &str| {
        Path::new(s)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    let mut all: Vec<String> = docs.iter().map(|r| name(&r["source_file"])).collect();
    all.extend(fails.iter().map(|r| name(&r["source_file"])));
    all.extend(skipped.iter().map(|r| name(&r["source_file"])));
    let unique: BTreeSet<_> = all.iter().cloned().collect();
    assert_eq!(unique.len(), all.len(), "a file is in two places: {all:?}");
    assert_eq!(all.len() as u64, files);
    for f in &fails {
        assert!(!f["reason"].trim().is_empty(), "{f:?}");
        assert!(!f["stage"].trim().is_empty(), "{f:?}");
    }
    for g in good {
        // A good file may be a copy of another (pdf_as_text.txt holds the
        // bytes of good.pdf): then it is one of its document's paths.
        let row = docs
            .iter()
            .find(|r| r["paths"].split("; ").any(|p| name(p) == *g))
            .unwrap_or_else(|| panic!("{g} is not among the documents: failures {fails:?}"));
        assert_eq!(row["status"], "ok", "{row:?}");
        assert!(row["chars"].parse::<u64>().unwrap() > 10, "{row:?}");
    }
    eprintln!(
        "{}: {files} files, {} documents, {} failures in {:.1} s",
        dir.display(),
        docs.len(),
        fails.len(),
        elapsed.as_secs_f64()
    );
    assert!(elapsed < Duration::from_secs(600), "took {elapsed:?}");
}

#[test]
fn hostile_files_built_here_are_all_accounted_for() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_hostile(dir.path());
    ingest_accounts_for_everything(dir.path(), &good);
    let peak = children_max_rss();
    eprintln!("peak memory of a child process: {} MB", peak >> 20);
    assert!(peak < 1 << 30, "peak memory {peak} bytes");
}

#[test]
fn shared_robust_corpus_is_all_accounted_for() {
    let Some(dir) = shared("corpus/robust") else {
        return;
    };
    ingest_accounts_for_everything(&dir, &[]);
}

#[test]
fn kill_during_ingest_then_again_indexes_every_file_once() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3000 {
        std::fs::write(
            dir.path().join(format!("atto_{i:05}.txt")),
            format!("Determinazione n. {i} del 12/03/2021. Oggetto: impegno di spesa {i}.\n")
                .repeat(20),
        )
        .unwrap();
    }
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let args = [
        "ingest",
        dir.path().to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
        "--jobs",
        "1",
    ];
    let mut child = Command::new(env!("CARGO_BIN_EXE_atti"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    // SIGKILL: no chance to clean up.
    child.kill().unwrap();
    child.wait().unwrap();
    let out = atti_ok(&root(), &[&args[..], &["--json"]].concat(), 0);
    let summary: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(summary["documents_in_index"], 3000, "{summary}");
    assert_eq!(summary["failures_in_index"], 0, "{summary}");
    let csv = tmp.path().join("documents.csv");
    atti_ok(
        &root(),
        &[
            "export",
            "documents",
            "--index",
            index.to_str().unwrap(),
            "--out",
            csv.to_str().unwrap(),
        ],
        0,
    );
    let rows = read_csv(&csv);
    let names: BTreeSet<_> = rows.iter().map(|r| r["source_file"].clone()).collect();
    assert_eq!(rows.len(), 3000);
    assert_eq!(names.len(), 3000);
}

#[test]
fn second_ingest_on_the_same_index_is_refused_and_search_still_works() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..4000 {
        std::fs::write(
            dir.path().join(format!("delibera_{i:05}.txt")),
            format!(
                "Deliberazione della Giunta Comunale n. {i}: convenzione per il servizio {i}.\n"
            )
            .repeat(30),
        )
        .unwrap();
    }
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let idx = index.to_str().unwrap();
    // A first, small batch so that there is something to search.
    let first = tempfile::tempdir().unwrap();
    std::fs::write(
        first.path().join("a.txt"),
        "Convenzione di segreteria tra comuni",
    )
    .unwrap();
    atti_ok(
        &root(),
        &["ingest", first.path().to_str().unwrap(), "--index", idx],
        0,
    );

    let mut long = Command::new(env!("CARGO_BIN_EXE_atti"))
        .args([
            "ingest",
            dir.path().to_str().unwrap(),
            "--index",
            idx,
            "--jobs",
            "1",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The second ingest starts once the first holds the lock (seen in
    // /proc/locks where there is one; a loaded machine can take seconds to
    // start a process), else after a pause.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    match writer_lock_held(&index) {
        Some(_) => {
            while writer_lock_held(&index) == Some(false)
                && long.try_wait().unwrap().is_none()
                && std::time::Instant::now() < deadline
            {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        None => std::thread::sleep(Duration::from_millis(300)),
    }
    let second = atti(
        &root(),
        &["ingest", first.path().to_str().unwrap(), "--index", idx],
    );
    let searched = atti(&root(), &["search", "segreteria", "--index", idx, "--json"]);
    let still_running = long.try_wait().unwrap().is_none();
    long.wait().unwrap();
    if still_running {
        assert_eq!(second.status.code(), Some(2));
        let err = String::from_utf8_lossy(&second.stderr);
        assert!(err.contains("index in use"), "{err}");
    } else {
        eprintln!("notice: the first ingest ended before the second started; lock not exercised");
    }
    assert_eq!(
        searched.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&searched.stderr)
    );
    assert!(String::from_utf8_lossy(&searched.stdout).contains("a.txt"));
}

/// Whether a process holds the index's writer lock (tantivy flocks
/// `.tantivy-writer.lock`), from /proc/locks; `None` where that cannot be
/// told (no /proc/locks, no lock file yet).
fn writer_lock_held(index: &std::path::Path) -> Option<bool> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        let ino = std::fs::metadata(index.join(".tantivy-writer.lock"))
            .ok()?
            .ino();
        let locks = std::fs::read_to_string("/proc/locks").ok()?;
        let suffix = format!(":{ino}");
        Some(locks.lines().any(|l| {
            l.split_whitespace()
                .nth(5)
                .is_some_and(|dev_ino| dev_ino.ends_with(&suffix))
        }))
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = index;
        None
    }
}

#[cfg(unix)]
#[test]
fn odd_file_system_entries_are_listed_not_fatal() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A file name that is not UTF-8 (Latin-1 "città").
    let name = std::ffi::OsStr::from_bytes(b"citt\xe0.txt");
    std::fs::write(d.join(name), "Delibera della Giunta n. 4").unwrap();
    // A symlink loop, a dangling link, an unreadable file.
    std::os::unix::fs::symlink(d, d.join("loop")).unwrap();
    std::os::unix::fs::symlink(d.join("missing.pdf"), d.join("dangling.pdf")).unwrap();
    let locked = d.join("locked.txt");
    std::fs::write(&locked, "riservato").unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    let running_as_root = std::fs::read(&locked).is_ok();

    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let out = atti_ok(
        &root(),
        &[
            "ingest",
            d.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
            "--json",
        ],
        0,
    );
    let s: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    // citt?.txt, loop, dangling.pdf, locked.txt
    assert_eq!(s["seen"], 4, "{s}");
    assert_eq!(
        s["documents_in_index"].as_u64().unwrap() + s["failures_in_index"].as_u64().unwrap(),
        4,
        "{s}"
    );
    let fails = tmp.path().join("f.csv");
    atti_ok(
        &root(),
        &[
            "export",
            "failures",
            "--index",
            index.to_str().unwrap(),
            "--out",
            fails.to_str().unwrap(),
        ],
        0,
    );
    let fails = read_csv(&fails);
    let reason = |n: &str| {
        fails
            .iter()
            .find(|r| r["source_file"].ends_with(n))
            .map(|r| r["reason"].clone())
            .unwrap_or_else(|| panic!("no failure for {n}: {fails:?}"))
    };
    assert!(reason("loop").contains("ciclo"));
    assert!(reason("dangling.pdf").contains("collegamento interrotto"));
    if !running_as_root {
        assert!(reason("locked.txt").contains("permesso negato"));
    }
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
}

//! The reliability suite: each finding of the security probe, reproduced,
//! with the behaviour atti has now.

use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::*;

fn ingest(cwd: &Path, path: &str, index: &Path) -> serde_json::Value {
    let out = atti_ok(
        cwd,
        &["ingest", path, "--index", index.to_str().unwrap(), "--json"],
        0,
    );
    serde_json::from_str(out.trim()).unwrap()
}

#[test]
fn links_out_of_the_archive_special_files_and_odd_names_are_accounted_for() {
    let tmp = tempfile::tempdir().unwrap();
    let base = std::fs::canonicalize(tmp.path()).unwrap();
    let arch = base.join("archivio");
    std::fs::create_dir(&arch).unwrap();
    std::fs::write(arch.join("vero.txt"), "Deliberazione della Giunta n. 1").unwrap();
    std::os::unix::fs::symlink("/etc/passwd", arch.join("x.txt")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", arch.join("env.txt")).unwrap();
    std::os::unix::fs::symlink("/etc", arch.join("cartella")).unwrap();
    std::os::unix::fs::symlink(arch.join("vero.txt"), arch.join("dentro.txt")).unwrap();
    let fifo = std::ffi::CString::new(arch.join("tubo.txt").as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    // Three names that differ only in bytes that are not UTF-8.
    for (i, b) in [0xE0u8, 0xE8, 0xFF].iter().enumerate() {
        let mut name = b"citt".to_vec();
        name.push(*b);
        name.extend_from_slice(b".txt");
        let p = arch.join(std::ffi::OsStr::from_bytes(&name));
        std::fs::write(p, format!("Atto numero {i} del comune")).unwrap();
    }
    let index = base.join("index");
    let s = ingest(&base, "archivio", &index);

    let docs = export_jsonl(&base, &index, "documents");
    let text = serde_json::to_string(&docs).unwrap();
    assert!(
        !text.contains("root:") && !text.contains("PATH="),
        "a file outside the archive was read"
    );
    let names: Vec<&str> = docs
        .iter()
        .map(|d| d["source_file"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "archivio/citt\\xE0.txt",
            "archivio/citt\\xE8.txt",
            "archivio/citt\\xFF.txt",
            "archivio/dentro.txt"
        ],
        "{docs:?}"
    );
    assert_eq!(
        docs[3]["paths"], "archivio/dentro.txt; archivio/vero.txt",
        "a link inside is a copy"
    );
    let skipped = export_jsonl(&base, &index, "skipped");
    let rows: Vec<(&str, &str)> = skipped
        .iter()
        .map(|r| {
            (
                r["source_file"].as_str().unwrap(),
                r["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("archivio/cartella", "outside_archive"),
            ("archivio/env.txt", "outside_archive"),
            ("archivio/tubo.txt", "special_file"),
            ("archivio/vero.txt", "duplicate"),
            ("archivio/x.txt", "outside_archive"),
        ]
    );
    assert_eq!(s["seen"], 9, "every entry counted: {s}");
}

#[test]
fn hash_and_text_come_from_the_same_bytes_while_files_change() {
    let tmp = tempfile::tempdir().unwrap();
    let base = std::fs::canonicalize(tmp.path()).unwrap();
    let arch = base.join("a");
    std::fs::create_dir(&arch).unwrap();
    let version = |v: char, n: usize| format!("VERSIONE {v} {}\n", "parola ".repeat(2000 + n * 13));
    for n in 0..40 {
        std::fs::write(arch.join(format!("f{n}.txt")), version('A', n)).unwrap();
    }
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (arch, stop) = (arch.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut k = 0usize;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let n = k % 40;
                let v = if (k / 40) % 2 == 0 { 'B' } else { 'A' };
                let _ = std::fs::write(arch.join(format!("f{n}.txt")), version(v, n));
                k += 1;
            }
        })
    };
    let index = base.join("index");
    let idx = index.to_str().unwrap();
    for _ in 0..6 {
        atti_ok(&base, &["ingest", "a", "--index", idx, "--json"], 0);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
    use sha2::Digest;
    let hex = |b: &[u8]| -> String {
        sha2::Sha256::digest(b)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect()
    };
    let mut checked = 0;
    for d in export_jsonl(&base, &index, "documents") {
        let n: usize = d["source_file"].as_str().unwrap()[3..]
            .trim_end_matches(".txt")
            .parse()
            .unwrap();
        let id = atti_ok(
            &base,
            &[
                "show",
                d["doc_id"].as_str().unwrap(),
                "--json",
                "--index",
                idx,
            ],
            0,
        );
        let record: serde_json::Value = serde_json::from_str(&id).unwrap();
        let text = record["page_texts"][0].as_str().unwrap_or("");
        for v in ['A', 'B'] {
            if d["sha256"] == hex(version(v, n).as_bytes()) {
                assert!(
                    text.starts_with(&format!("VERSIONE {v}")),
                    "{}: hash of {v}, text {:.20}",
                    d["source_file"],
                    text
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 0);
}

#[test]
fn names_and_text_from_outside_are_escaped_where_they_are_shown() {
    let tmp = tempfile::tempdir().unwrap();
    let base = std::fs::canonicalize(tmp.path()).unwrap();
    let arch = base.join("a");
    std::fs::create_dir(&arch).unwrap();
    std::fs::write(
        arch.join("<svg onload=alert(1)>.txt"),
        "Determinazione n. 4 \u{1b}[31mrosso",
    )
    .unwrap();
    std::fs::write(arch.join("\u{1b}[2Jpulito.txt"), "Deliberazione n. 5").unwrap();
    let index = base.join("index");
    ingest(&base, "a", &index);
    let idx = index.to_str().unwrap();
    let out = base.join("out");
    atti_ok(
        &base,
        &["run", "a", "--out", out.to_str().unwrap(), "--json"],
        0,
    );
    let md = std::fs::read_to_string(out.join("compliance.md")).unwrap();
    assert!(!md.contains("<svg") && !md.contains('\u{1b}'), "{md}");
    for args in [
        vec!["show", "a/<svg onload=alert(1)>.txt", "--index", idx],
        vec!["check", "--index", idx, "--verbose"],
        vec!["search", "determinazione", "--index", idx],
    ] {
        let o = atti(&base, &args);
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(!text.contains('\u{1b}'), "{args:?}: {text}");
    }
    // In colour, only atti's own sequences: the file's ESC is shown as \x1B.
    let o = atti(
        &base,
        &[
            "search",
            "determinazione",
            "--index",
            idx,
            "--color",
            "always",
        ],
    );
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("\\x1B[31mrosso"), "{text}");
}

#[test]
fn index_files_are_readable_as_the_umask_allows() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    atti_ok(
        &root(),
        &["ingest", "samples", "--index", index.to_str().unwrap()],
        0,
    );
    let umask = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .map(|v| u32::from_str_radix(v.trim(), 8).unwrap())
        })
        .unwrap_or(0o022);
    for name in ["meta.json", ".managed.json", "atti-index.json"] {
        let mode = std::fs::metadata(index.join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o666 & !umask, "{name}: {mode:o}");
    }
    // A temporary file of a killed run is gone after the next ingest.
    std::fs::write(index.join(".tmpABC123"), b"half").unwrap();
    atti_ok(
        &root(),
        &["ingest", "samples", "--index", index.to_str().unwrap()],
        0,
    );
    assert!(!index.join(".tmpABC123").exists());
}

/// The pids of `parent`'s children whose command line holds `__worker`.
fn workers_of(parent: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let stat = std::fs::read_to_string(e.path().join("stat")).unwrap_or_default();
        let ppid = stat
            .rsplit(')')
            .next()
            .and_then(|r| r.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        let cmd = std::fs::read(e.path().join("cmdline")).unwrap_or_default();
        if ppid == Some(parent) && String::from_utf8_lossy(&cmd).contains("__worker") {
            out.push(pid);
        }
    }
    out
}

fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| {
            !s.rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        })
        .unwrap_or(false)
}

#[test]
fn workers_die_with_a_killed_ingest() {
    let tmp = tempfile::tempdir().unwrap();
    let arch = tmp.path().join("a");
    std::fs::create_dir(&arch).unwrap();
    let pdf = std::fs::read(root().join("samples/peg_2021_Z001.pdf")).unwrap();
    for n in 0..4000 {
        let mut bytes = pdf.clone();
        bytes.extend_from_slice(format!("\n% {n}\n").as_bytes());
        std::fs::write(arch.join(format!("f{n}.pdf")), bytes).unwrap();
    }
    let index = tmp.path().join("index");
    let mut child = Command::new(env!("CARGO_BIN_EXE_atti"))
        .args([
            "ingest",
            arch.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
            "--jobs",
            "2",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut workers = Vec::new();
    for _ in 0..100 {
        std::thread::sleep(Duration::from_millis(50));
        workers = workers_of(child.id());
        if !workers.is_empty() {
            break;
        }
    }
    assert!(!workers.is_empty(), "the ingest started workers");
    child.kill().unwrap();
    child.wait().unwrap();
    // Workers notice within 0.1 s; on a loaded machine they may be
    // scheduled late, so wait up to 5 s before calling them orphans.
    let mut left: Vec<u32> = workers;
    for _ in 0..50 {
        std::thread::sleep(Duration::from_millis(100));
        left.retain(|p| alive(*p));
        if left.is_empty() {
            break;
        }
    }
    assert!(left.is_empty(), "workers outlived the ingest: {left:?}");
}

#[test]
fn a_full_disk_ends_the_ingest_at_once_and_the_next_run_recovers() {
    let tmp = tempfile::tempdir().unwrap();
    let disk = tmp.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    let mounted = Command::new("mount")
        .args([
            "-t",
            "tmpfs",
            "-o",
            "size=1m",
            "tmpfs",
            disk.to_str().unwrap(),
        ])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!(
            "notice: cannot mount a small tmpfs here (needs root): the full-disk test is skipped"
        );
        return;
    }
    struct Unmount<'a>(&'a Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(self.0).status();
        }
    }
    let _guard = Unmount(&disk);
    let arch = tmp.path().join("a");
    std::fs::create_dir(&arch).unwrap();
    for n in 0..400 {
        let words: String = (0..400)
            .map(|i| format!("parola{} ", (n * 7919 + i * 104729) % 100_000))
            .collect();
        std::fs::write(arch.join(format!("f{n}.txt")), words).unwrap();
    }
    let index = disk.join("index");
    let started = std::time::Instant::now();
    let out = atti(
        tmp.path(),
        &["ingest", "a", "--index", index.to_str().unwrap()],
    );
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("disco pieno") && err.contains("MB"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one readable line: {err}");
    assert!(took < Duration::from_secs(10), "{took:?}");
    // Room again: the next run starts cleanly and indexes everything.
    Command::new("mount")
        .args(["-o", "remount,size=64m", disk.to_str().unwrap()])
        .status()
        .unwrap();
    let s = ingest(tmp.path(), "a", &index);
    assert_eq!(s["documents_in_index"], 400, "{s}");
}

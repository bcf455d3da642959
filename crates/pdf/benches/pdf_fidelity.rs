//! Fidelity and speed of the PDF extractor against poppler's `pdftotext`.
//!
//! For every PDF in `samples/` and in the shared real corpus
//! (`../shared/corpus/real-it/`, or `$ATTI_SHARED/corpus/real-it/`) that
//! poppler reads, it compares the bag of words of our extraction (each page's
//! text and its furniture lines) with the bag of words of `pdftotext`, and
//! prints the F1 per file, the mean and the minimum; and the same for the
//! layout mode (`atti extract --layout` against `pdftotext -layout`), where
//! neither side joins hyphenated words or reorders columns. It then times our
//! extraction of all the files (rayon over files, as the pipeline does)
//! against `pdftotext -layout` run once per file, and prints the ratio.
//!
//! Run with `cargo bench -p atti-pdf --bench pdf_fidelity`. Set `ATTI_BENCH_VERBOSE=1`
//! to see the words that differ in files below 0.99, `ATTI_BENCH_EXTRA` to
//! a directory to measure its PDFs too.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use atti_pdf::Limits;
use rayon::prelude::*;

fn pdfs_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        })
        .collect();
    v.sort();
    v
}

fn bag(text: &str) -> HashMap<&str, usize> {
    let mut m = HashMap::new();
    for w in text.split_whitespace() {
        *m.entry(w).or_insert(0) += 1;
    }
    m
}

fn f1(ours: &str, theirs: &str) -> f64 {
    let (a, b) = (bag(ours), bag(theirs));
    let na: usize = a.values().sum();
    let nb: usize = b.values().sum();
    if na == 0 && nb == 0 {
        return 1.0;
    }
    let common: usize = a
        .iter()
        .map(|(w, n)| (*n).min(*b.get(w).unwrap_or(&0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / na as f64;
    let r = common as f64 / nb as f64;
    2.0 * p * r / (p + r)
}

fn diff(ours: &str, theirs: &str) -> (Vec<String>, Vec<String>) {
    let (a, b) = (bag(ours), bag(theirs));
    let only = |x: &HashMap<&str, usize>, y: &HashMap<&str, usize>| {
        let mut v: Vec<String> = x
            .iter()
            .filter_map(|(w, n)| {
                let m = y.get(w).copied().unwrap_or(0);
                (*n > m).then(|| format!("{w}x{}", n - m))
            })
            .collect();
        v.sort();
        v.truncate(25);
        v
    };
    (only(&a, &b), only(&b, &a))
}

/// Our text of a file: each page's text and furniture lines (reading
/// order), and each page as `atti extract --layout` shows it.
fn our_words(bytes: &[u8], limits: &Limits) -> (String, String) {
    let Ok(ex) = atti_pdf::read(bytes, limits) else {
        return (String::new(), String::new());
    };
    let (mut text, mut layout) = (String::new(), String::new());
    for p in &ex.pages {
        text.push_str(&p.text);
        text.push('\n');
        for f in &p.furniture {
            text.push_str(f);
            text.push('\n');
        }
        layout.push_str(&atti_pdf::layout_text(p));
        layout.push('\n');
    }
    (text, layout)
}

/// poppler's text of a file, in reading order or in its layout mode; None
/// when it does not read the file.
fn pdftotext(path: &Path, layout: bool) -> Option<String> {
    let mut cmd = Command::new("pdftotext");
    cmd.args(["-q", "-enc", "UTF-8"]);
    if layout {
        cmd.arg("-layout");
    }
    let out = cmd.arg(path).arg("-").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn main() {
    let mut files = pdfs_in(&atti_dev::shared::root().join("samples"));
    if let Some(real) = atti_dev::shared::path("corpus/real-it", "pdf_fidelity on the real corpus")
    {
        files.extend(pdfs_in(&real));
    }
    if let Ok(extra) = std::env::var("ATTI_BENCH_EXTRA") {
        files.extend(pdfs_in(Path::new(&extra)));
    }
    if Command::new("pdftotext")
        .arg("-v")
        .stderr(Stdio::null())
        .status()
        .is_err()
    {
        println!("pdftotext is missing: install poppler-utils (apt-get install poppler-utils) to run this benchmark");
        return;
    }
    if files.is_empty() {
        println!("no PDF files found; nothing to measure");
        return;
    }
    let verbose = std::env::var("ATTI_BENCH_VERBOSE").is_ok();
    let limits = Limits::default();

    // Fidelity.
    let mut measured: Vec<Measured> = Vec::new();
    println!(
        "{:<80} {:>7} {:>7} {:>6} {:>6}",
        "file", "ours", "poppler", "F1", "layout"
    );
    for path in &files {
        let Some(theirs) = pdftotext(path, false) else {
            println!("{:<80} skipped: poppler does not read it", short(path));
            continue;
        };
        let theirs_layout = pdftotext(path, true).unwrap_or_default();
        let bytes = std::fs::read(path).unwrap_or_default();
        let (ours, ours_layout) = our_words(&bytes, &limits);
        let score = f1(&ours, &theirs);
        let layout = f1(&ours_layout, &theirs_layout);
        println!(
            "{:<80} {:>7} {:>7} {:>6.4} {:>6.4}",
            short(path),
            ours.split_whitespace().count(),
            theirs.split_whitespace().count(),
            score,
            layout
        );
        if verbose && score.min(layout) < 0.99 {
            for (mode, a, b) in [
                ("", &ours, &theirs),
                (" -layout", &ours_layout, &theirs_layout),
            ] {
                let (mine, poppler) = diff(a, b);
                println!("    only ours{mode}:    {}", mine.join(" "));
                println!("    only poppler{mode}: {}", poppler.join(" "));
            }
        }
        measured.push((path.clone(), score, layout));
    }
    if measured.is_empty() {
        println!("poppler read none of the files");
        return;
    }
    println!();
    summarise("reading order", &measured, |m| m.1);
    summarise("layout", &measured, |m| m.2);

    // Speed.
    let paths: Vec<&PathBuf> = measured.iter().map(|m| &m.0).collect();
    let t = Instant::now();
    let words: usize = paths
        .par_iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap_or_default();
            atti_pdf::read(&bytes, &limits)
                .map(|e| e.pages.iter().map(|p| p.words.len()).sum::<usize>())
                .unwrap_or(0)
        })
        .sum();
    let ours = t.elapsed();
    let t = Instant::now();
    for p in &paths {
        let _ = Command::new("pdftotext")
            .args(["-q", "-layout"])
            .arg(p)
            .arg("-")
            .stdout(Stdio::null())
            .status();
    }
    let poppler = t.elapsed();
    println!(
        "time: ours {} ({} threads, {} words)   pdftotext -layout {}   ratio {:.3}",
        ms(ours),
        rayon::current_num_threads(),
        words,
        ms(poppler),
        ours.as_secs_f64() / poppler.as_secs_f64()
    );
}

type Measured = (PathBuf, f64, f64);

fn summarise(mode: &str, measured: &[Measured], score: impl Fn(&Measured) -> f64) {
    let mean = measured.iter().map(&score).sum::<f64>() / measured.len() as f64;
    let worst = measured
        .iter()
        .min_by(|a, b| score(a).total_cmp(&score(b)))
        .expect("at least one file");
    let below = measured.iter().filter(|m| score(m) < 0.97).count();
    println!(
        "{mode:<14} files: {}   mean F1: {:.4}   min F1: {:.4} ({})   below 0.97: {}",
        measured.len(),
        mean,
        score(worst),
        short(&worst.0),
        below
    );
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn short(p: &Path) -> String {
    let s = p
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    if s.chars().count() > 78 {
        s.chars().take(78).collect()
    } else {
        s
    }
}

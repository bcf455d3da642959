//! atti's Italian analyser against Lucene's, line by line, terms and
//! positions.
//!
//! Every line of the real corpora in ../shared (read as the ingest reads
//! them) and of `samples/` goes through atti's `it` analyser and through
//! the same chain built from Lucene 4.10's filters (`bench/lucene/
//! ItalianChain.java`: apostrophe normalisation, elision with atti's list,
//! word delimiter on apostrophes, atti's stop list, ASCII folding, Snowball
//! Italian). The benchmark prints the share of lines whose terms and
//! positions are identical, and every divergence with its reason; the
//! README lists the reasons that are deliberate.
//!
//! Needs a JDK and Debian's Lucene (`apt-get install --no-install-recommends
//! default-jdk-headless liblucene4.10-java`); says so and stops when they
//! are missing. Run: `cargo bench --bench analyser_diff`. With
//! `ATTI_LUCENE_SAMPLE=FILE` it also writes the sample of lines and Lucene's
//! output that `index::analyser`'s test keeps checking in CI.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use atti::index::analyser::{italian, ELIDED, STOP_WORDS};
use atti::read::{self, Limits, SourceType};
use tantivy::tokenizer::TokenStream;

const JARS: [&str; 2] = [
    "/usr/share/java/lucene-core-4.10.4.jar",
    "/usr/share/java/lucene-analyzers-common-4.10.4.jar",
];

type Terms = Vec<(String, usize)>;

/// Whether the JDK and the Lucene jars are here.
fn installed() -> bool {
    let java = Command::new("javac")
        .arg("-version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    java && JARS.iter().all(|j| Path::new(j).exists())
}

fn lines_of(dir: &Path, out: &mut Vec<String>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| SourceType::from_extension(p).is_some())
        .collect();
    files.sort();
    for p in files {
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        let ty = SourceType::from_extension(&p).expect("filtered");
        let Ok(r) = read::read(&bytes, ty, &Limits::default()) else {
            continue;
        };
        for page in r.pages {
            out.extend(
                page.text
                    .split('\n')
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_owned),
            );
        }
    }
}

fn atti_terms(line: &str) -> Terms {
    let mut a = italian();
    let mut s = a.token_stream(line);
    let mut out = Vec::new();
    while s.advance() {
        let t = s.token();
        out.push((t.text.clone(), t.position));
    }
    out
}

fn lucene_terms(root: &Path, lines: &[String]) -> Vec<Terms> {
    let classes = root.join("target/lucene-chain");
    std::fs::create_dir_all(&classes).unwrap();
    let cp = JARS.join(":");
    let ok = Command::new("javac")
        .args(["-nowarn", "-encoding", "UTF-8", "-cp", &cp, "-d"])
        .arg(&classes)
        .arg(root.join("bench/lucene/ItalianChain.java"))
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "javac failed on bench/lucene/ItalianChain.java");
    let mut child = Command::new("java")
        .arg(format!("-Dchain.elided={}", ELIDED.join(",")))
        .arg(format!("-Dchain.stop={}", STOP_WORDS.join(",")))
        .arg("-cp")
        .arg(format!("{cp}:{}", classes.display()))
        .arg("ItalianChain")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("java runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = lines.join("\n") + "\n";
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["tokens"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    (
                        t[0].as_str().unwrap().to_owned(),
                        t[1].as_u64().unwrap() as usize,
                    )
                })
                .collect()
        })
        .collect()
}

/// Why two analyses of a line differ, as far as it can be told.
fn reason(line: &str, ours: &Terms, theirs: &Terms) -> &'static str {
    let positions = |t: &Terms| t.iter().map(|x| x.1).collect::<Vec<_>>();
    if positions(ours) == positions(theirs) {
        // Same words in the same places, stemmed differently.
        return "stemmer";
    }
    if line.contains(['\'', '’', '‘', 'ʼ', '`', '´']) {
        return "apostrophes";
    }
    "other"
}

/// Lines written to try every apostrophe form; measured with the corpora.
const EDGES: &[&str] = &[
    "Il consiglio comunale di Sant'Agata approva il piano, immediatamente eseguibile, con voti unanimi.",
    "vent'anni a Monte Sant'Angelo, dell'ente mezz'ora, nient'altro",
    "dell'ente all'unanimità c'è l'art. 48 del D.Lgs. 267/2000 po' E' delll'incarico",
    "dell’ente nell‘ambito Sant’Anna oggi un po' di tempo dell' ente",
    "a''b c l'dell'ente poi 'convenzione' ''",
    "\u{2bc}ente d\u{2bc}Agata a\u{2bc}\u{2bc}b",
    "2021_Z001 art.122 n°12 1.234,50 € 1ª ½",
];

/// Whether a line has a word split at an apostrophe that is not an elision
/// (`Sant'Agata`): the lines where positions could drift.
fn has_split_word(line: &str) -> bool {
    line.split(|c: char| !c.is_alphanumeric() && !"'’‘ʼ`´".contains(c))
        .any(|w| {
            let mut parts = w.split(['\'', '’', '‘', 'ʼ', '`', '´']);
            let first = parts.next().unwrap_or("").to_lowercase();
            parts.next().is_some_and(|p| !p.is_empty())
                && !first.is_empty()
                && !ELIDED.contains(&first.as_str())
        })
}

fn main() {
    let root = atti_dev::shared::root();
    let mut lines: Vec<String> = EDGES.iter().map(|l| l.to_string()).collect();
    lines_of(&root.join("samples"), &mut lines);
    for c in ["corpus/real-it", "corpus/real-it2", "corpus/real-it3"] {
        if let Some(dir) = atti_dev::shared::path(c, "analyser_diff") {
            lines_of(&dir, &mut lines);
        }
    }
    if !installed() {
        println!(
            "analyser_diff: needs a JDK and Debian's Lucene 4.10: apt-get install --no-install-recommends default-jdk-headless liblucene4.10-java"
        );
        return;
    }
    let started = std::time::Instant::now();
    let lucene = lucene_terms(&root, &lines);
    assert_eq!(lucene.len(), lines.len(), "one Lucene answer per line");
    let mut same = 0;
    let mut diverging: Vec<(usize, &'static str, Terms)> = Vec::new();
    for (i, (line, theirs)) in lines.iter().zip(&lucene).enumerate() {
        let ours = atti_terms(line);
        if &ours == theirs {
            same += 1;
        } else {
            diverging.push((i, reason(line, &ours, theirs), ours));
        }
    }
    let n = lines.len();
    println!(
        "analyser_diff: {same}/{n} lines identical, terms and positions ({:.3}%), in {:.1} s",
        100.0 * same as f64 / n as f64,
        started.elapsed().as_secs_f64()
    );
    for r in ["stemmer", "apostrophes", "other"] {
        let k = diverging.iter().filter(|d| d.1 == r).count();
        if k > 0 {
            println!("  {r}: {k} lines");
        }
    }
    for (i, r, ours) in diverging.iter().take(200) {
        let theirs = &lucene[*i];
        let differ: Vec<String> = ours
            .iter()
            .zip(theirs)
            .filter(|(a, b)| a != b)
            .map(|(a, b)| format!("{}@{} / {}@{}", a.0, a.1, b.0, b.1))
            .take(4)
            .collect();
        println!(
            "  [{r}] {:?}\n      atti / lucene: {}",
            lines[*i],
            differ.join(", ")
        );
    }
    if let Ok(path) = std::env::var("ATTI_LUCENE_SAMPLE") {
        write_sample(Path::new(&path), &lines, &lucene, &diverging);
    }
}

/// A fixed sample for the CI test: the written edge lines, every divergent
/// line, up to 300 lines with a word split at an apostrophe that is not an
/// elision, up to 200 with an elision, and every 250th line.
fn write_sample(
    path: &Path,
    lines: &[String],
    lucene: &[Terms],
    diverging: &[(usize, &str, Terms)],
) {
    let mut out = String::new();
    let (mut split, mut elided) = (0, 0);
    for (i, line) in lines.iter().enumerate() {
        let d = diverging.iter().find(|d| d.0 == i);
        let take_split = has_split_word(line) && split < 300;
        let take_elided = !take_split && line.contains(['\'', '’']) && elided < 200;
        if i >= EDGES.len() && d.is_none() && !take_split && !take_elided && i % 250 != 0 {
            continue;
        }
        split += usize::from(take_split);
        elided += usize::from(take_elided);
        let v = serde_json::json!({
            "line": line,
            "lucene": lucene[i],
            "divergence": d.map(|d| d.1),
        });
        out.push_str(&v.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
    println!("wrote {}", path.display());
}

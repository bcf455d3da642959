//! Legacy Word documents (.doc, Word 97-2003) through an external converter:
//! `antiword` (Debian package `antiword`), else `catdoc` (package `catdoc`).
//!
//! The binary .doc format is a file system of its own; rather than a new
//! parser of it, atti runs one of the two maintained Debian tools, the way
//! it runs tesseract for scans. The converter runs inside the worker that
//! reads the file, so it inherits the worker's memory cap; it is killed
//! after [`TIMEOUT`], and a converter that crashes or refuses the file
//! fails that file with what it said. `ATTI_DOC_CONVERTER` names the
//! program to use (a path, or `none` to read no .doc). Without one, a .doc
//! fails with the reason and the package to install.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// Longest a converter may run on one file.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// The converter in use: its program and how it is asked for UTF-8 text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converter {
    pub program: PathBuf,
    pub name: &'static str,
}

/// The converter found on this machine, if any (asked once per call; cheap).
pub fn converter() -> Option<Converter> {
    if let Ok(p) = std::env::var("ATTI_DOC_CONVERTER") {
        if p == "none" || p.is_empty() {
            return None;
        }
        let path = PathBuf::from(&p);
        let name = if p.contains("catdoc") {
            "catdoc"
        } else {
            "antiword"
        };
        return path.exists().then_some(Converter {
            program: path,
            name,
        });
    }
    for name in ["antiword", "catdoc"] {
        if let Some(program) = on_path(name) {
            return Some(Converter { program, name });
        }
    }
    None
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// The text of a .doc, and the converter's name.
pub fn read(bytes: &[u8]) -> Result<(String, &'static str)> {
    let Some(conv) = converter() else {
        return Err(Error::Unsupported(
            "documento Word 97-2003 (.doc): nessun convertitore installato (installare il pacchetto antiword o catdoc)".into(),
        ));
    };
    let tmp = std::env::temp_dir().join(format!(
        "atti-doc-{}-{}.doc",
        std::process::id(),
        COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    std::fs::write(&tmp, bytes).map_err(|e| Error::io(&tmp, e))?;
    let out = run(&conv, &tmp);
    let _ = std::fs::remove_file(&tmp);
    let (status, stdout, stderr) = out?;
    if !status.success() || stdout.trim().is_empty() && !stderr.trim().is_empty() {
        let said = stderr
            .lines()
            .last()
            .unwrap_or("")
            .replace(tmp.to_string_lossy().as_ref(), "il file");
        let how = match status.code() {
            Some(c) => format!("codice {c}"),
            None => "interrotto da un segnale".into(),
        };
        if said.to_ascii_lowercase().contains("encrypt") || said.contains("password") {
            return Err(Error::Unsupported(format!(
                "documento Word 97-2003 protetto da password ({}: {said})",
                conv.name
            )));
        }
        return Err(Error::Office(format!(
            "{} non ha convertito il documento Word 97-2003 ({how}): {said}",
            conv.name
        )));
    }
    Ok((stdout, conv.name))
}

static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn run(
    conv: &Converter,
    file: &std::path::Path,
) -> Result<(std::process::ExitStatus, String, String)> {
    let mut cmd = Command::new(&conv.program);
    match conv.name {
        // -w 0: paragraphs on one line; -m UTF-8.txt: the output encoding.
        "antiword" => cmd.args(["-w", "0", "-m", "UTF-8.txt"]),
        _ => cmd.args(["-d", "utf-8", "-w"]),
    };
    let mut child = cmd
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Error::Office(format!("{} non si avvia: {e}", conv.name)))?;
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = (&mut stdout).take(256 << 20).read_to_end(&mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = (&mut stderr).take(1 << 20).read_to_end(&mut v);
        v
    });
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| Error::Office(e.to_string()))? {
            break s;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::Timeout(TIMEOUT.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let out = out_t.join().unwrap_or_default();
    let err = err_t.join().unwrap_or_default();
    Ok((
        status,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    ))
}

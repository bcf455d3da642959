//! Per-file work in worker processes, so that no single file can take the
//! batch down with it.
//!
//! A panic is caught in-process, but a stack overflow, an allocation that
//! fails, or a parser that loops forever cannot be: Apache Tika learned this
//! and parses in a child process that it restarts. We do the same. Each
//! worker is a long-lived `atti __worker` child that reads one request per
//! line on stdin and answers one JSON line on stdout. The parent waits for
//! the answer up to the per-file timeout; when time runs out it kills the
//! child, records a `timeout` failure and starts a fresh worker. When a child
//! dies (a crash, the memory limit) the file is recorded with what the child
//! last wrote on stderr, and a fresh worker takes the next file. Children run
//! with a cap on their address space, so a decompression bomb that slips past
//! the stream limits fails that file instead of exhausting the machine.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::discover::Candidate;
use super::work::{work, WorkFailure, Worked};
use crate::error::{Error, Result};
use crate::read::ocr::{Ocr, OcrMode};
use crate::read::{Limits, SourceType};
use crate::rules::RuleSet;

/// Address-space cap of a worker process.
pub const WORKER_MEMORY_BYTES: u64 = 1 << 30;

/// What the parent asks of a worker.
#[derive(Debug, Serialize, Deserialize)]
struct Request {
    /// The path as raw bytes, so that names that are not UTF-8 survive JSON.
    path: Vec<u8>,
    source_file: String,
    source_type: SourceType,
    /// The hash the index holds for this file, when its record is current:
    /// the worker answers [`Worked::Same`] when the bytes still hash to it.
    known_sha256: Option<String>,
    ingested_at: String,
    /// Use the pages stored for the same bytes (not with `--reextract`).
    #[serde(default)]
    reuse_pages: bool,
}

type Reply = std::result::Result<Worked, WorkFailure>;

/// One line a worker writes: the hash of the bytes it read, as soon as it has
/// it (so that a crash or a hang later is recorded with it), then the reply.
#[derive(Debug, Serialize, Deserialize)]
enum Answer {
    Hashed(String),
    /// A page was read by OCR, in this many milliseconds: the file's time
    /// limit is pushed back by the per-page OCR limit.
    OcrPage(u64),
    Done(Reply),
}

/// How to start a worker: the atti executable and the rules flags to pass on.
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    pub exe: PathBuf,
    pub rules_dir: Option<PathBuf>,
    pub builtin_rules: bool,
    /// The largest file a worker reads (`--max-file-size`).
    pub max_file_bytes: u64,
    /// Where workers store the pages they read (`--pages`; the ingest sets
    /// it to its index's store).
    pub pages_dir: Option<PathBuf>,
    /// `--ocr`, `--ocr-lang`, `--ocr-timeout` for the workers.
    pub ocr_mode: OcrMode,
    pub ocr_lang: String,
    pub ocr_page_timeout: Duration,
}

/// A pool of worker processes, shared by the threads of the ingest.
pub struct Pool {
    cmd: WorkerCommand,
    idle: Mutex<Vec<Worker>>,
    timeout: Duration,
}

struct Worker {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    stderr_tail: Arc<Mutex<String>>,
}

impl Pool {
    pub fn new(cmd: WorkerCommand, timeout: Duration) -> Pool {
        Pool {
            cmd,
            idle: Mutex::new(Vec::new()),
            timeout,
        }
    }

    /// Works one file in a worker; a crash, a hang or a worker that cannot
    /// start is a [`WorkFailure`], never an error of the run.
    /// `on_ocr_page` is called with each page the worker reads by OCR.
    pub fn run(
        &self,
        c: &Candidate,
        known_sha256: Option<&str>,
        ingested_at: &str,
        reuse_pages: bool,
        on_ocr_page: &(dyn Fn(u64) + Sync),
    ) -> Reply {
        let taken = self.idle.lock().expect("pool lock").pop();
        let mut worker = match taken {
            Some(w) => w,
            None => self.spawn().map_err(|e| {
                WorkFailure::new(
                    "extract",
                    format!("non si avvia un processo di lavoro: {e}"),
                )
            })?,
        };
        let req = Request {
            path: path_to_bytes(&c.path),
            source_file: c.source_file.clone(),
            source_type: c.source_type,
            known_sha256: known_sha256.map(str::to_owned),
            ingested_at: ingested_at.to_owned(),
            reuse_pages,
        };
        let mut line = serde_json::to_string(&req).expect("a request serialises");
        line.push('\n');
        if worker
            .stdin
            .write_all(line.as_bytes())
            .and_then(|_| worker.stdin.flush())
            .is_err()
        {
            return Err(worker.died());
        }
        let mut deadline = std::time::Instant::now() + self.timeout;
        let mut sha256 = None;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let failed = |f: WorkFailure, sha256: &Option<String>| WorkFailure {
                sha256: sha256.clone(),
                ..f
            };
            match worker.lines.recv_timeout(left) {
                Ok(answer) => match serde_json::from_str::<Answer>(&answer) {
                    Ok(Answer::Hashed(h)) => sha256 = Some(h),
                    Ok(Answer::OcrPage(ms)) => {
                        // Each page has its own limit: orientation, then reading.
                        let more = std::time::Instant::now() + 2 * self.cmd.ocr_page_timeout;
                        deadline = deadline.max(more);
                        on_ocr_page(ms);
                    }
                    Ok(Answer::Done(reply)) => {
                        self.idle.lock().expect("pool lock").push(worker);
                        return reply;
                    }
                    Err(e) => {
                        self.idle.lock().expect("pool lock").push(worker);
                        let reason = format!("risposta illeggibile dal processo di lavoro: {e}");
                        return Err(failed(WorkFailure::new("extract", reason), &sha256));
                    }
                },
                Err(RecvTimeoutError::Timeout) => {
                    let _ = worker.child.kill();
                    let _ = worker.child.wait();
                    let reason = format!(
                        "l'estrazione ha superato {} s ed è stata fermata",
                        self.timeout.as_secs()
                    );
                    return Err(failed(WorkFailure::new("timeout", reason), &sha256));
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(failed(worker.died(), &sha256));
                }
            }
        }
    }

    fn spawn(&self) -> std::io::Result<Worker> {
        let mut cmd = Command::new(&self.cmd.exe);
        cmd.arg("__worker");
        if let Some(dir) = &self.cmd.rules_dir {
            cmd.arg("--rules").arg(dir);
        }
        if !self.cmd.builtin_rules {
            cmd.arg("--no-builtin-rules");
        }
        cmd.arg("--max-file-size")
            .arg(self.cmd.max_file_bytes.to_string());
        if let Some(dir) = &self.cmd.pages_dir {
            cmd.arg("--pages").arg(dir);
        }
        cmd.arg("--ocr")
            .arg(self.cmd.ocr_mode.as_str())
            .arg("--ocr-lang")
            .arg(&self.cmd.ocr_lang)
            .arg("--ocr-timeout")
            .arg(self.cmd.ocr_page_timeout.as_secs().max(1).to_string());
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            // SAFETY: setrlimit is async-signal-safe and touches no memory
            // of the parent; this runs in the child between fork and exec.
            unsafe {
                cmd.pre_exec(|| {
                    let lim = libc::rlimit {
                        rlim_cur: WORKER_MEMORY_BYTES as libc::rlim_t,
                        rlim_max: WORKER_MEMORY_BYTES as libc::rlim_t,
                    };
                    libc::setrlimit(libc::RLIMIT_AS, &lim);
                    Ok(())
                });
            }
        }
        let mut child = cmd.spawn()?;
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut stderr = child.stderr.take().expect("piped stderr");
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                match line {
                    Ok(l) => {
                        if tx.send(l).is_err() {
                            break;
                        }
                    }
                    Err(_) => break,
                }
            }
        });
        let stderr_tail = Arc::new(Mutex::new(String::new()));
        let tail = Arc::clone(&stderr_tail);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut t = tail.lock().expect("tail lock");
                t.push_str(&String::from_utf8_lossy(&buf[..n]));
                if t.len() > 4096 {
                    let cut = t.len() - 2048;
                    let cut = (cut..t.len()).find(|i| t.is_char_boundary(*i)).unwrap_or(0);
                    t.drain(..cut);
                }
            }
        });
        Ok(Worker {
            child,
            stdin,
            lines,
            stderr_tail,
        })
    }
}

impl Worker {
    /// The failure to record when the child died on a file.
    fn died(mut self) -> WorkFailure {
        let status = self.child.wait().ok();
        // Give the stderr reader a moment to take the child's last words.
        std::thread::sleep(Duration::from_millis(20));
        let tail = self
            .stderr_tail
            .lock()
            .map(|t| t.clone())
            .unwrap_or_default();
        let last = tail
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_owned();
        let how = describe_exit(status);
        let reason = if last.contains("memory allocation") || last.contains("capacity overflow") {
            format!("memoria esaurita nell'estrazione ({how}): {last}")
        } else if last.contains("overflowed its stack") {
            format!("documento annidato troppo in profondità ({how}): {last}")
        } else if last.is_empty() {
            format!("l'estrazione si è interrotta ({how})")
        } else {
            format!("l'estrazione si è interrotta ({how}): {last}")
        };
        WorkFailure::new("extract", reason)
    }
}

fn describe_exit(status: Option<std::process::ExitStatus>) -> String {
    let Some(status) = status else {
        return "uscita sconosciuta".into();
    };
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            let name = match sig {
                libc::SIGSEGV => "errore di segmentazione",
                libc::SIGABRT => "terminato (abort)",
                libc::SIGKILL => "ucciso",
                libc::SIGBUS => "errore di bus",
                _ => "segnale",
            };
            return format!("{name}, segnale {sig}");
        }
    }
    format!("codice di uscita {}", status.code().unwrap_or(-1))
}

/// How long an idle worker has to end once its input is closed.
const WORKER_EXIT: Duration = Duration::from_secs(1);

impl Drop for Pool {
    /// Idle workers end as they do when their input closes (the worker's
    /// loop returns, what it holds is dropped, a profiler sees its exit);
    /// one still running after [`WORKER_EXIT`] is killed.
    fn drop(&mut self) {
        let Ok(mut idle) = self.idle.lock() else {
            return;
        };
        let children: Vec<Child> = idle
            .drain(..)
            .map(|w| {
                drop(w.stdin);
                w.child
            })
            .collect();
        let deadline = std::time::Instant::now() + WORKER_EXIT;
        for mut child in children {
            while matches!(child.try_wait(), Ok(None)) && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(2));
            }
            if !matches!(child.try_wait(), Ok(Some(_))) {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }
}

#[cfg(unix)]
fn path_to_bytes(p: &std::path::Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    p.as_os_str().as_bytes().to_vec()
}

#[cfg(unix)]
fn path_from_bytes(b: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(b))
}

#[cfg(not(unix))]
fn path_to_bytes(p: &std::path::Path) -> Vec<u8> {
    p.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn path_from_bytes(b: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&b).into_owned())
}

/// The worker side: answers requests on stdin until it closes, storing the
/// pages it reads in `pages` (a store's folder) when given.
pub fn serve(
    rules: &RuleSet,
    max_file_bytes: u64,
    pages: Option<&std::path::Path>,
    ocr: &Ocr,
) -> Result<()> {
    watch_parent();
    let store = pages.map(crate::index::pages::PageStore::in_dir);
    let limits = Limits {
        max_file_bytes,
        ..Limits::default()
    };
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| Error::io("<stdin>", e))?;
        let req: Request = serde_json::from_str(&line)?;
        let c = Candidate {
            path: path_from_bytes(req.path),
            source_file: req.source_file,
            source_type: req.source_type,
        };
        let out = std::cell::RefCell::new(&mut stdout);
        let hashed = |sha256: &str| {
            let _ = write_line(&mut **out.borrow_mut(), &Answer::Hashed(sha256.to_owned()));
        };
        let mut on_page = |ms: u64| {
            let _ = write_line(&mut **out.borrow_mut(), &Answer::OcrPage(ms));
        };
        let reply = work(
            rules,
            &c,
            req.known_sha256.as_deref(),
            &limits,
            &req.ingested_at,
            store.as_ref(),
            req.reuse_pages,
            ocr,
            &mut on_page,
            hashed,
        );
        let stdout = out.into_inner();
        write_line(stdout, &Answer::Done(reply))?;
    }
    Ok(())
}

fn write_line(out: &mut impl Write, answer: &Answer) -> Result<()> {
    let mut line = serde_json::to_string(answer)?;
    line.push('\n');
    out.write_all(line.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

/// Ends this worker as soon as the ingest that started it is gone (killed,
/// crashed): a worker busy on a slow file never notices its closed stdin,
/// and must not go on for minutes on its own. (The parent-death signal of
/// Linux would fire when the parent's *thread* that started the worker
/// ends, which the ingest's thread pool does; the parent process is what
/// matters, so a watchdog thread looks at it.)
fn watch_parent() {
    #[cfg(unix)]
    {
        // SAFETY: getppid has no preconditions.
        let parent = unsafe { libc::getppid() };
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(100));
            // SAFETY: as above; _exit ends the process without unwinding.
            if unsafe { libc::getppid() } != parent {
                unsafe { libc::_exit(3) };
            }
        });
    }
}

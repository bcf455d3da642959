//! Running an external program with a time limit: its standard output is
//! read on a thread while the program runs (so a full pipe cannot stall
//! it), and it is killed when the time is up.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{Error, Result};

/// The standard output of `cmd`, which must exit with success within
/// `timeout`; `program` names it in errors (with the last line it wrote on
/// standard error).
pub fn output(cmd: &mut Command, timeout: Duration, program: &str) -> Result<Vec<u8>> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Error::Failed {
            program: program.into(),
            message: format!("non si avvia: {e}"),
        })?;
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = stdout.read_to_end(&mut b);
        b
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = (&mut stderr).take(1 << 20).read_to_end(&mut b);
        b
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Error::Timeout {
                    program: program.into(),
                    seconds: timeout.as_secs(),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => {
                return Err(Error::Failed {
                    program: program.into(),
                    message: e.to_string(),
                })
            }
        }
    };
    let out = out.join().unwrap_or_default();
    let err = err.join().unwrap_or_default();
    if !status.success() {
        let err = String::from_utf8_lossy(&err);
        let last = err
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        return Err(Error::Failed {
            program: program.into(),
            message: format!("{status}: {last}"),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_failure_and_timeout() {
        let out = output(
            Command::new("sh").args(["-c", "echo ciao"]),
            Duration::from_secs(5),
            "sh",
        );
        assert_eq!(out.unwrap(), b"ciao\n");
        let failed = output(
            Command::new("sh").args(["-c", "echo rotto >&2; exit 3"]),
            Duration::from_secs(5),
            "sh",
        );
        assert!(
            matches!(failed, Err(Error::Failed { ref message, .. }) if message.contains("rotto"))
        );
        let started = Instant::now();
        let slow = output(
            Command::new("sleep").arg("5"),
            Duration::from_millis(200),
            "sleep",
        );
        assert!(matches!(slow, Err(Error::Timeout { .. })));
        assert!(started.elapsed() < Duration::from_secs(3));
    }
}

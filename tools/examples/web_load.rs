//! The load client of `bench/web/load.sh`: N requests from C concurrent
//! clients to an `atti serve` on loopback, each a plain HTTP/1.1 GET on
//! its own connection; prints the latency percentiles and the errors.
//!
//! `web_load --addr 127.0.0.1:8080 --requests 10000 --clients 16 --paths FILE`
//! (FILE: one path a line, `/search?q=…`, taken in turn). Only loopback
//! addresses are accepted: this is a benchmark of a local server, never a
//! load on another machine. Exit code 1 when a request failed (a status
//! other than 200, or no answer).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Parser;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    #[arg(long, default_value_t = 10_000)]
    requests: usize,
    #[arg(long, default_value_t = 16)]
    clients: usize,
    /// A file of paths, one a line.
    #[arg(long)]
    paths: std::path::PathBuf,
}

/// One GET; the status code and the body's length.
fn get(addr: SocketAddr, path: &str) -> std::io::Result<(u16, usize)> {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nUser-Agent: atti-web-load\r\n\r\n"
    )?;
    let mut buf = Vec::with_capacity(64 << 10);
    s.read_to_end(&mut buf)?;
    let head = String::from_utf8_lossy(&buf[..buf.len().min(64)]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Ok((status, buf.len()))
}

fn main() {
    let a = Args::parse();
    if !a.addr.ip().is_loopback() {
        eprintln!("web_load: {} is not a loopback address: refused", a.addr);
        std::process::exit(2);
    }
    let paths: Vec<String> = std::fs::read_to_string(&a.paths)
        .expect("the paths file reads")
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with('/'))
        .map(str::to_owned)
        .collect();
    assert!(!paths.is_empty(), "no path in {}", a.paths.display());
    let paths = Arc::new(paths);
    let next = Arc::new(AtomicUsize::new(0));
    let times = Arc::new(Mutex::new(Vec::with_capacity(a.requests)));
    let errors = Arc::new(Mutex::new(Vec::new()));
    let bytes = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let workers: Vec<_> = (0..a.clients)
        .map(|_| {
            let (paths, next, times, errors, bytes) = (
                paths.clone(),
                next.clone(),
                times.clone(),
                errors.clone(),
                bytes.clone(),
            );
            let (addr, total) = (a.addr, a.requests);
            std::thread::spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let path = &paths[i % paths.len()];
                let t = Instant::now();
                let r = get(addr, path);
                let took = t.elapsed();
                match r {
                    Ok((200, n)) => {
                        bytes.fetch_add(n, Ordering::Relaxed);
                        times.lock().unwrap().push(took);
                    }
                    Ok((code, _)) => errors.lock().unwrap().push(format!("{code} {path}")),
                    Err(e) => errors.lock().unwrap().push(format!("{e} {path}")),
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let wall = start.elapsed();
    let mut t = times.lock().unwrap().clone();
    t.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let pct = |p: f64| {
        t.get(((t.len() as f64 * p).ceil() as usize).saturating_sub(1))
            .copied()
            .map(ms)
            .unwrap_or(f64::NAN)
    };
    let errors = errors.lock().unwrap();
    println!(
        "requests {} clients {} ok {} errors {} wall {:.2} s ({:.0} req/s) mean body {:.0} KB",
        a.requests,
        a.clients,
        t.len(),
        errors.len(),
        wall.as_secs_f64(),
        a.requests as f64 / wall.as_secs_f64(),
        bytes.load(Ordering::Relaxed) as f64 / t.len().max(1) as f64 / 1024.0
    );
    println!(
        "latency ms: p50 {:.1} p90 {:.1} p95 {:.1} p99 {:.1} max {:.1}",
        pct(0.50),
        pct(0.90),
        pct(0.95),
        pct(0.99),
        t.last().copied().map(ms).unwrap_or(f64::NAN)
    );
    for e in errors.iter().take(10) {
        eprintln!("web_load: error: {e}");
    }
    std::process::exit(if errors.is_empty() { 0 } else { 1 });
}

//! How long `find` takes on real pages: every page of the PDFs given,
//! read once, then `find` run on each page many times.
//!
//! `cargo run --release -p atti-tables --example timing -- FILE.pdf...`

use std::time::Instant;

fn main() {
    let mut pages = Vec::new();
    for path in std::env::args().skip(1) {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("{path}: non leggibile");
            continue;
        };
        match atti_pdf::read(&bytes, &atti_page::Limits::default()) {
            Ok(r) => pages.extend(r.pages),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    let s = atti_tables::Settings::default();
    const RUNS: usize = 20;
    let mut per_page: Vec<f64> = Vec::new();
    let (mut words, mut rulings, mut tables) = (0usize, 0usize, 0usize);
    for p in &pages {
        words += p.words.len();
        rulings += p.rulings.len();
        let t = Instant::now();
        for _ in 0..RUNS {
            tables += atti_tables::find(p, &s).len();
        }
        per_page.push(t.elapsed().as_secs_f64() * 1000.0 / RUNS as f64);
    }
    if per_page.is_empty() {
        eprintln!("nessuna pagina");
        return;
    }
    per_page.sort_by(f64::total_cmp);
    let mean = per_page.iter().sum::<f64>() / per_page.len() as f64;
    println!(
        "{} pages, {} words, {} rulings, {} tables; find per page: mean {:.3} ms, median {:.3} ms, max {:.3} ms",
        pages.len(),
        words,
        rulings,
        tables / RUNS,
        mean,
        per_page[per_page.len() / 2],
        per_page[per_page.len() - 1]
    );
}

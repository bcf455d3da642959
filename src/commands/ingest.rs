//! `atti ingest`: walk, extract, apply rules, index.

use std::time::Duration;

use crate::cli::{IngestArgs, IngestOpts, RulesArg};
use crate::config;
use atti::error::Result;
use atti::ingest::pool::WorkerCommand;
use atti::ingest::{self, IngestConfig, Summary};
use atti::progress::Progress;
use atti::read::Limits;

pub fn run(a: &IngestArgs) -> Result<i32> {
    let rules = config::rules(&a.rules)?;
    let mut paths = a.paths.clone();
    if let Some(list) = &a.files_from {
        paths.extend(config::files_from(list, a.opts.root.as_deref())?);
    }
    let mut cfg = ingest_config(&paths, config::index_path(&a.index), &a.rules, &a.opts);
    cfg.shard = a.shard;
    let summary = ingest::ingest(&cfg, &rules, &Progress::stderr(a.opts.json))?;
    say_if_ocr_is_off(&cfg.ocr, summary.no_text > 0);
    report(&summary, a.opts.json)?;
    Ok(0)
}

pub fn ingest_config(
    paths: &[std::path::PathBuf],
    index: std::path::PathBuf,
    rules: &RulesArg,
    o: &IngestOpts,
) -> IngestConfig {
    // Workers are this same executable; without it, extract in-process.
    let worker = if o.in_process {
        None
    } else {
        std::env::current_exe().ok().map(|exe| WorkerCommand {
            exe,
            rules_dir: rules.rules.clone(),
            builtin_rules: !rules.no_builtin_rules,
            max_file_bytes: o.max_file_size,
            pages_dir: None,
            ocr_mode: o.ocr.ocr,
            ocr_lang: o.ocr.ocr_lang.clone(),
            ocr_page_timeout: Duration::from_secs(o.ocr.ocr_timeout.max(1)),
        })
    };
    IngestConfig {
        paths: paths.to_vec(),
        index,
        jobs: o
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        timeout: Duration::from_secs(o.timeout.max(1)),
        prune: o.prune,
        reextract: o.reextract,
        limits: Limits {
            max_file_bytes: o.max_file_size,
            ..Limits::default()
        },
        batch: 1000,
        worker,
        root: o.root.clone(),
        exclude: Vec::new(),
        ocr: o.ocr.resolve(),
        shard: None,
    }
}

/// Says once, in Italian, that OCR was asked for and cannot run, and why,
/// when some file was `needed` it (pages left without text): tesseract is
/// asked for its languages only then, not at every start.
pub fn say_if_ocr_is_off(ocr: &atti::read::ocr::Ocr, needed: bool) {
    if !needed {
        return;
    }
    if let Some(why) = ocr.unavailable() {
        eprintln!("OCR spento: {why}; le pagine scansionate restano senza testo (no_text)");
    }
}

/// Prints the summary: JSON on stdout, or a few lines on stderr.
pub fn report(s: &Summary, json: bool) -> Result<()> {
    if json {
        return super::print(&(serde_json::to_string(s)? + "\n"));
    }
    if let Some(u) = &s.upgraded {
        eprintln!(
            "indice di una versione precedente di atti (formato {} -> {}): ricostruito dai suoi {} record salvati in {}, senza rileggere i file",
            u.from,
            u.to,
            super::count_it(u.records),
            seconds(u.elapsed_ms)
        );
    }
    if s.reapplied + s.unaffected > 0 {
        // Files read in the same run take time too: the time is the
        // re-apply's own only when nothing was read.
        let time = if s.new + s.changed == 0 {
            format!(" in {}", seconds(s.elapsed_ms))
        } else {
            String::new()
        };
        let unaffected = if s.unaffected > 0 {
            format!(
                "; {} non toccati dal cambiamento (nessuna regola cambiata vi trova nulla)",
                super::count_it(s.unaffected)
            )
        } else {
            String::new()
        };
        eprintln!(
            "regole cambiate: {} documenti riletti dalle pagine salvate{unaffected}{time}, senza leggere i file",
            super::count_it(s.reapplied)
        );
    }
    let mut extra = String::new();
    if s.reapplied + s.unaffected > 0 {
        extra += &format!(
            ", regole riapplicate alle pagine salvate {}, non toccati dal cambiamento {}",
            s.reapplied, s.unaffected
        );
    }
    let mut aside = String::new();
    if s.pruned > 0 {
        aside += &format!(", tolti (--prune) {}", s.pruned);
    }
    if s.skipped > 0 {
        aside += &format!(", d'altro tipo saltati {}", s.skipped);
    }
    eprintln!(
        "file visti {}: nuovi {}, modificati {}, invariati {}{extra}, non letti {} (senza testo {}, cifrati {}{aside})",
        s.seen, s.new, s.changed, s.unchanged, s.failed, s.no_text, s.encrypted,
    );
    if s.ocr_pages > 0 {
        eprintln!(
            "OCR: {} pagine lette in {} ({} a pagina)",
            super::count_it(s.ocr_pages as usize),
            seconds(s.ocr_ms),
            seconds(s.ocr_ms / s.ocr_pages)
        );
    }
    if s.renamed > 0 {
        eprintln!(
            "radice dell'archivio fissata: {} record rinominati col percorso sotto di essa",
            s.renamed
        );
    }
    let copies = if s.duplicates > 0 {
        format!(
            ", {} copie di documenti (elencate in skipped)",
            s.duplicates
        )
    } else {
        String::new()
    };
    eprintln!(
        "indice: {} documenti, {} file non letti{copies} ({})",
        s.documents_in_index,
        s.failures_in_index,
        seconds(s.elapsed_ms)
    );
    Ok(())
}

/// Seconds in Italian: `6 s`, `1,4 s`.
pub fn seconds(ms: u64) -> String {
    if ms >= 10_000 {
        format!("{} s", (ms + 500) / 1000)
    } else {
        format!("{:.1} s", ms as f64 / 1000.0).replace('.', ",")
    }
}

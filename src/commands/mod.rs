//! One file per subcommand. Each takes its parsed arguments, does its work
//! through the library, writes data to stdout and messages to stderr, and
//! returns the process exit code.

pub mod check;
pub mod correct;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod merge;
pub mod opensearch;
pub mod remove;
pub mod report;
pub mod rules;
pub mod rules_archive;
pub mod run;
pub mod search;
pub mod serve;
pub mod show;
pub mod stats;

use crate::cli::{Cli, Command};
use atti::error::Result;

/// Runs the command; returns the exit code (0 success, 1 findings when asked
/// to fail on them). Errors map to exit code 2 in `main`.
pub fn dispatch(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Ingest(a) => ingest::run(&a),
        Command::Search(a) => search::run(&a),
        Command::Export(a) => export::run(&a),
        Command::Remove(a) => remove::run(&a),
        Command::Check(a) => check::run(&a),
        Command::Show(a) => show::run(&a),
        Command::Extract(a) => extract::run(&a),
        Command::Rules(a) => rules::run(&a),
        Command::Run(a) => run::run(&a),
        Command::Stats(a) => stats::run(&a),
        Command::Serve(a) => serve::run(&a),
        Command::Merge(a) => merge::run(&a),
        Command::Report(a) => report::run(&a),
        Command::Correct(a) => correct::run(&a),
        Command::Corrections(a) => correct::list(&a),
        Command::Worker(a) => {
            // The parent loaded the same rules within the limits.
            let rules = atti::rules::RuleSet::load_validated(
                a.rules.rules.as_deref(),
                !a.rules.no_builtin_rules,
            )?;
            let ocr = a.ocr.resolve();
            atti::ingest::pool::serve(&rules, a.max_file_size, a.pages.as_deref(), &ocr)?;
            Ok(0)
        }
    }
}

/// Writes command output to stdout. A closed pipe (`atti ... | head`) is
/// reported as an I/O error that `main` ends quietly on.
pub fn print(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| atti::Error::io("<stdout>", e))
}

/// Opens a file for writing, or stdout.
pub fn output(path: Option<&std::path::Path>) -> Result<Box<dyn std::io::Write>> {
    Ok(match path {
        Some(p) => {
            // A folder that does not exist is made, and said: a mistyped
            // folder would otherwise hide the file where nobody looks.
            if let Some(dir) = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty() && !d.exists())
            {
                std::fs::create_dir_all(dir).map_err(|e| atti::Error::io(dir, e))?;
                eprintln!(
                    "atti: creata la cartella {}",
                    atti::escape::terminal(&dir.display().to_string())
                );
            }
            Box::new(std::io::BufWriter::new(
                std::fs::File::create(p).map_err(|e| atti::Error::io(p, e))?,
            ))
        }
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

/// The document of `index` that `key` names (a doc_id or a path); a key
/// the index does not hold is a usage error.
pub fn document(index: &atti::index::Index, key: &str) -> Result<atti::record::Document> {
    index.get(key)?.ok_or_else(|| {
        atti::Error::Usage(format!(
            "nessun documento `{key}` nell'indice (dare un doc_id o un percorso)"
        ))
    })
}

/// A count as Italian writes it: `10.000`.
pub fn count_it(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

//! The command line, as clap sees it: raw flags, parsed once.
//!
//! Nothing here is validated beyond what clap can check; [`crate::config`]
//! turns these into a validated configuration. The names and flags are a
//! contract that scripts rely on: add, never rename.
//!
//! Each command's flags are in the file of its family: [`ingest`] (reading
//! files in), [`query`] (reading the index), [`rules`] (rules and the
//! values they read); [`groups`] holds the flag groups several share.

use std::ffi::OsString;

use clap::{CommandFactory, Parser, Subcommand};

mod groups;
mod ingest;
mod query;
mod rules;

pub use groups::{DocFilter, IndexArg, RulesArg, TableOpts};
pub use ingest::*;
pub use query::*;
pub use rules::*;

#[derive(Debug, Parser)]
#[command(
    name = "atti",
    version,
    about = "Ingest, search and report on the official documents of Italian public administrations",
    long_about = None,
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The command line of this process, parsed; for `atti search`, query
    /// words that begin with `-` are words (see [`query_words_last`]).
    pub fn from_env() -> Cli {
        Cli::parse_from(query_words_last(std::env::args_os().collect()))
    }
}

/// The command line with the words of `atti search`'s query moved after its
/// flags and a `--`.
///
/// Query words and flags come in any order (`atti search convenzioni -n 2`),
/// and a query word may begin with `-` (`consiglio -giunta`: consiglio, not
/// giunta), which clap would take for a flag. clap's `allow_hyphen_values`
/// on QUERY does not help: after the first word it takes every later
/// argument as a word, `-n 2` and `--json` too. So the arguments are sorted
/// before clap sees them: a flag that `atti search` has (`-n 2`, `-n2`,
/// `--limit=2`, `--json`, `--kind K`) stays a flag with its value, any other
/// `--name` too (clap then reports it as unknown); every other argument is
/// a query word and goes after `--`, where clap reads no flags. Arguments
/// after a `--` of the user's own are words already.
pub fn query_words_last(args: Vec<OsString>) -> Vec<OsString> {
    if args.get(1).and_then(|a| a.to_str()) != Some("search") {
        return args;
    }
    let mut cmd = Cli::command();
    cmd.build();
    let Some(search) = cmd.find_subcommand("search") else {
        return args;
    };
    let takes_value = |a: &clap::Arg| a.get_action().takes_values();
    let mut flags: Vec<OsString> = Vec::new();
    let mut words: Vec<OsString> = Vec::new();
    let mut rest = args[2..].iter();
    while let Some(arg) = rest.next() {
        let text = arg.to_str().unwrap_or_default();
        if text == "--" {
            words.extend(rest.by_ref().cloned());
            break;
        }
        if let Some(long) = text.strip_prefix("--") {
            flags.push(arg.clone());
            let (name, value) = long.split_once('=').unwrap_or((long, ""));
            let known = search.get_arguments().find(|a| a.get_long() == Some(name));
            if value.is_empty() && !long.contains('=') && known.is_some_and(takes_value) {
                flags.extend(rest.next().cloned());
            }
            continue;
        }
        let mut chars = text.chars();
        if let (Some('-'), Some(c)) = (chars.next(), chars.next()) {
            let attached = chars.as_str();
            if let Some(a) = search.get_arguments().find(|a| a.get_short() == Some(c)) {
                if attached.is_empty() {
                    flags.push(arg.clone());
                    if takes_value(a) {
                        flags.extend(rest.next().cloned());
                    }
                    continue;
                }
                if takes_value(a) && attached.chars().all(|c| c.is_ascii_digit()) {
                    flags.push(arg.clone());
                    continue;
                }
            }
        }
        words.push(arg.clone());
    }
    let mut out = args[..2].to_vec();
    out.extend(flags);
    if !words.is_empty() {
        out.push("--".into());
        out.extend(words);
    }
    out
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk folders, extract every PDF, text and HTML file, apply the rules and index the results.
    Ingest(IngestArgs),
    /// Search the index: free words, "phrases", AND/OR/NOT, -word, prefix*, field:value.
    Search(SearchArgs),
    /// Write one table (documents, objectives, phases, indicators, decisions, references, failures, skipped) as CSV, JSON Lines or an xlsx workbook.
    Export(ExportArgs),
    /// Take documents or files out of the index (by doc_id or path); copies take a removed document over.
    Remove(RemoveArgs),
    /// The compliance summary: what is missing or out of date, document by document.
    Check(CheckArgs),
    /// Every value extracted from one document, with the page and text span it came from.
    Show(ShowArgs),
    /// The text the pipeline sees for one file, to help whoever writes rules.
    Extract(ExtractArgs),
    /// Work with rule files.
    Rules(RulesArgs),
    /// Everything in one go: ingest into OUT/index, every table as OUT/<table>.csv and in OUT/atti.xlsx, and OUT/compliance.md.
    Run(RunArgs),
    /// Documents by kind and year, index size and last ingest.
    Stats(StatsArgs),
    /// A local web page over the index, read-only: search, documents with provenance, downloads, compliance report.
    Serve(ServeArgs),
    /// One index from the shards made by `atti ingest --shard I/N`: the same documents, tables and search results as one ingest of all the files.
    Merge(MergeArgs),
    /// Write a list an office must publish (art. 23, 26-27, 37, PEG monitoring...) from a report template.
    Report(ReportArgs),
    /// Correct one extracted value by hand (kept in the corrections file, applied over the rules).
    Correct(CorrectArgs),
    /// List the corrections, with the values the rules read now.
    Corrections(CorrectionsArgs),
    /// Internal: a worker process that extracts files for `ingest` (requests on stdin).
    #[command(name = "__worker", hide = true)]
    Worker(WorkerArgs),
}

/// `512M`, `2G`, `800K` or plain bytes.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => (&t[..t.len() - 1], 1u64 << 10),
        Some('M') => (&t[..t.len() - 1], 1 << 20),
        Some('G') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    num.trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(mult))
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("`{s}` non è una dimensione (byte, o un numero con K, M o G)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(args: &[&str]) -> Vec<String> {
        let args = args.iter().map(OsString::from).collect();
        query_words_last(args)
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect()
    }

    #[test]
    fn query_words_that_begin_with_a_dash_are_words() {
        assert_eq!(
            sorted(&[
                "atti",
                "search",
                "consiglio",
                "-giunta",
                "-n",
                "2",
                "--json"
            ]),
            [
                "atti",
                "search",
                "-n",
                "2",
                "--json",
                "--",
                "consiglio",
                "-giunta"
            ]
        );
        assert_eq!(
            sorted(&[
                "atti",
                "search",
                "-nomina",
                "-n5",
                "--kind=peg",
                "--index",
                "x",
                "a"
            ]),
            [
                "atti",
                "search",
                "-n5",
                "--kind=peg",
                "--index",
                "x",
                "--",
                "-nomina",
                "a"
            ]
        );
        // A mistyped flag stays a flag, for clap to report; a user's `--` is kept.
        assert_eq!(
            sorted(&["atti", "search", "a", "--limt", "--", "-n"]),
            ["atti", "search", "--limt", "--", "a", "-n"]
        );
        assert_eq!(
            sorted(&["atti", "search", "--help"]),
            ["atti", "search", "--help"]
        );
        assert_eq!(sorted(&["atti", "export", "-x"]), ["atti", "export", "-x"]);
        let cli = Cli::parse_from(query_words_last(
            [
                "atti",
                "search",
                "consiglio",
                "-giunta",
                "-n",
                "3",
                "--include-undated",
            ]
            .iter()
            .map(OsString::from)
            .collect(),
        ));
        let Command::Search(a) = cli.command else {
            panic!("not search")
        };
        assert_eq!(a.query, ["consiglio", "-giunta"]);
        assert_eq!(a.limit, 3);
        assert!(a.include_undated);
    }
}

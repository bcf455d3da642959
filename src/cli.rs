//! The command line, as clap sees it: raw flags, parsed once.
//!
//! Nothing here is validated beyond what clap can check; [`crate::config`]
//! turns these into a validated configuration. The names and flags are a
//! contract that scripts rely on: add, never rename.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

pub use crate::args::{DocFilter, IndexArg, RulesArg, TableOpts};

use atti::compliance::{ReportFormat, Severity};
use atti::tables::{Format, TableId};

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
    Serve(crate::commands::serve::ServeArgs),
    /// One index from the shards made by `atti ingest --shard I/N`: the same documents, tables and search results as one ingest of all the files.
    Merge(crate::commands::merge::MergeArgs),
    /// Write a list an office must publish (art. 23, 26-27, 37, PEG monitoring...) from a report template.
    Report(crate::commands::report::ReportArgs),
    /// Correct one extracted value by hand (kept in the corrections file, applied over the rules).
    Correct(crate::commands::correct::CorrectArgs),
    /// List the corrections, with the values the rules read now.
    Corrections(crate::commands::correct::CorrectionsArgs),
    /// Internal: a worker process that extracts files for `ingest` (requests on stdin).
    #[command(name = "__worker", hide = true)]
    Worker(WorkerArgs),
}

#[derive(Debug, Args)]
pub struct WorkerArgs {
    #[command(flatten)]
    pub rules: RulesArg,
    #[arg(long, default_value = "512M", value_parser = parse_size)]
    pub max_file_size: u64,
    /// The folder of the page store to keep the pages read in.
    #[arg(long, value_name = "DIR")]
    pub pages: Option<PathBuf>,
    #[command(flatten)]
    pub ocr: OcrArgs,
}

/// How scanned pages are read.
#[derive(Debug, Args, Clone)]
pub struct OcrArgs {
    /// Read scanned pages by OCR (tesseract): auto = pages without a text layer or with only a stamp on a scan, and image files; force = every page; off = none.
    #[arg(long, value_enum, default_value = "auto", value_name = "MODE")]
    pub ocr: atti::read::ocr::OcrMode,
    /// tesseract's languages, e.g. ita or ita+eng.
    #[arg(long, default_value = "ita", value_name = "LANGS")]
    pub ocr_lang: String,
    /// Seconds OCR may take on one page (each program run), before the page is left unread.
    #[arg(long, default_value_t = 120, value_name = "SECONDS")]
    pub ocr_timeout: u64,
}

impl OcrArgs {
    /// The OCR settings, the programs looked for once.
    pub fn resolve(&self) -> atti::read::ocr::Ocr {
        let settings = atti_ocr::Settings {
            lang: self.ocr_lang.clone(),
            page_timeout: std::time::Duration::from_secs(self.ocr_timeout.max(1)),
            ..atti_ocr::Settings::default()
        };
        atti::read::ocr::Ocr::resolve(self.ocr, settings)
    }
}

/// How ingestion runs.
#[derive(Debug, Args, Clone)]
pub struct IngestOpts {
    /// Worker threads [default: number of cores].
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Remove from the index the documents whose files are gone from the ingested folders.
    #[arg(long)]
    pub prune: bool,
    /// Seconds one file may take to extract before it is recorded as a failure.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub timeout: u64,
    /// Read every file again, even those unchanged since the last ingest and those whose stored pages the new rules could be applied to.
    #[arg(long, alias = "force")]
    pub reextract: bool,
    /// Files larger than this are listed as skipped, not read: bytes, or with K, M, G (e.g. 512M).
    #[arg(long, value_name = "SIZE", default_value = "512M", value_parser = parse_size)]
    pub max_file_size: u64,
    /// The archive root: file names in the index are paths under it. Set at the first ingest (the current folder, or the folder holding the paths); give it to change it.
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// Extract in this process instead of worker processes (faster start, no protection against crashes).
    #[arg(long, hide = true)]
    pub in_process: bool,
    #[command(flatten)]
    pub ocr: OcrArgs,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or folders to ingest (folders are walked recursively).
    #[arg(required_unless_present = "files_from", value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Also the files listed here, one path per line (relative to --root when given, else to the current folder; `#` starts a comment); `-` reads the list from stdin.
    #[arg(long, value_name = "LIST")]
    pub files_from: Option<PathBuf>,
    /// Only shard I of N (0-based): the files whose name under the archive root hashes to I modulo N, the same on every machine and run. Give each shard its own --index, then `atti merge`.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<atti::ingest::shard::Shard>,
    #[command(flatten)]
    pub index: IndexArg,
    #[command(flatten)]
    pub rules: RulesArg,
    #[command(flatten)]
    pub opts: IngestOpts,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// Documents (by doc_id: with every copy of their content) or files (by path, as `atti export documents` or `skipped` lists them, or as a path on disk).
    #[arg(required = true, value_name = "DOC|PATH")]
    pub keys: Vec<String>,
    #[command(flatten)]
    pub index: IndexArg,
    /// Print what was removed as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query: words, "a phrase", AND, OR, NOT, -word (not this word), (groups), conv* (words
    /// that begin with conv), field:value (code:, director:, person:, organ:, kind:, year:, date:,
    /// title:, body:, file:; Italian names too). Query words and flags may come in any order.
    #[arg(required = true, value_name = "QUERY", num_args = 1..)]
    pub query: Vec<String>,
    #[command(flatten)]
    pub index: IndexArg,
    /// Only documents of this kind (peg, deliberation, other).
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Only documents of this year.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
    /// Only documents dated on or after this date (undated ones are counted, not shown).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only documents dated on or before this date (undated ones are counted, not shown).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// With --from, --to or date:, show the documents that have no date too.
    #[arg(long)]
    pub include_undated: bool,
    /// How many hits at most (1 or more).
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// JSON Lines on stdout: one line per hit (rank, score, doc_id, source_file, kind, year,
    /// title, snippet, date), then one summary line {"summary": {"hits", "undated_not_shown"}}.
    #[arg(long)]
    pub json: bool,
    /// Colour the matched words: auto (on a terminal), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The table (not with the opensearch formats, which export documents).
    #[arg(value_enum, value_name = "TABLE")]
    pub table: Option<TableId>,
    #[command(flatten)]
    pub index: IndexArg,
    /// Write to this file instead of stdout (needed for xlsx).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// csv, jsonl, or xlsx (a workbook: needs --out) [default: from --out's extension (.csv, .jsonl, .xlsx), else csv]; opensearch-bulk (every document as `_bulk` NDJSON) or opensearch-template (the index template for it).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ExportFormat>,
    /// With opensearch-*: the OpenSearch index name.
    #[arg(long, value_name = "NAME", default_value = atti::opensearch::DEFAULT_INDEX)]
    pub index_name: String,
    /// With opensearch-bulk: an earlier bulk file of this index; its documents that are gone now become delete actions.
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    #[command(flatten)]
    pub table_opts: TableOpts,
    #[command(flatten)]
    pub filter: DocFilter,
    /// The project configuration (atti.toml) [default: ./atti.toml, else atti.toml at the archive root].
    #[arg(long, env = "ATTI_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// What `atti export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Jsonl,
    Xlsx,
    /// Every document as NDJSON actions for OpenSearch's `_bulk` API.
    OpensearchBulk,
    /// The OpenSearch index template (analysers and mappings) for those documents.
    OpensearchTemplate,
}

impl ExportFormat {
    /// The table format, for the formats that write a table.
    pub fn table_format(self) -> Option<Format> {
        match self {
            ExportFormat::Csv => Some(Format::Csv),
            ExportFormat::Jsonl => Some(Format::Jsonl),
            ExportFormat::Xlsx => Some(Format::Xlsx),
            ExportFormat::OpensearchBulk | ExportFormat::OpensearchTemplate => None,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub index: IndexArg,
    #[command(flatten)]
    pub rules: RulesArg,
    /// The date the checks are made at (validity ends before it are expired) [default: today].
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// Write to this file instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Exit with code 1 when a finding at or above this severity exists.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<Severity>,
    #[command(flatten)]
    pub filter: DocFilter,
    /// List every finding in the report, notes (severity info) included; by default they are counted, not listed.
    #[arg(long)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A doc_id, or the source path of a document.
    #[arg(value_name = "DOC")]
    pub doc: String,
    #[command(flatten)]
    pub index: IndexArg,
    /// The whole record as JSON.
    #[arg(long)]
    pub json: bool,
    /// The project configuration (atti.toml) [default: ./atti.toml, else atti.toml at the archive root].
    #[arg(long, env = "ATTI_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The file to read.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Keep the columns of the page aligned, as `pdftotext -layout` does.
    #[arg(long, conflicts_with = "raw")]
    pub layout: bool,
    /// Text in content-stream order, without reordering into lines.
    #[arg(long)]
    pub raw: bool,
    /// JSON with each page's text and positioned words (with --tables: the tables, each with its grid of texts).
    #[arg(long)]
    pub json: bool,
    /// The tables of each page, read from ruling lines and word positions (PDF) or as the file declares them.
    #[arg(long, conflicts_with_all = ["layout", "raw", "rules_output"])]
    pub tables: bool,
    /// With --tables: one CSV row per cell (page;table;row;col;row_span;col_span;x0;y0;x1;y1;text).
    #[arg(long, requires = "tables", conflicts_with = "json")]
    pub csv: bool,
    /// Also show the kind and the values the rules read from this file.
    #[arg(long)]
    pub rules_output: bool,
    #[command(flatten)]
    pub rules: RulesArg,
    #[command(flatten)]
    pub ocr: OcrArgs,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub command: RulesCommand,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Run the examples written inside the rule files.
    Test {
        #[command(flatten)]
        rules: RulesArg,
        /// Print every example, not only the failing ones.
        #[arg(long, short = 'v')]
        verbose: bool,
    },
    /// List the rules with their ids and descriptions.
    List {
        #[command(flatten)]
        rules: RulesArg,
    },
    /// Apply the rules (built-in and --rules DIR) to the stored pages of the indexed archive and show, per field, the values that would appear, disappear or change; the index is not changed.
    Diff {
        #[command(flatten)]
        rules: RulesArg,
        #[command(flatten)]
        index: IndexArg,
        /// Only documents of this kind.
        #[arg(long, value_name = "K")]
        kind: Option<String>,
        /// Examples shown per field.
        #[arg(long, short = 'n', value_name = "N", default_value_t = 5)]
        limit: usize,
        /// Print the differences as JSON.
        #[arg(long)]
        json: bool,
        /// Exit with code 1 when any value would change.
        #[arg(long)]
        fail_on_change: bool,
    },
    /// How many documents of the indexed archive each rule reads something in (from their stored pages); rules that never match are listed apart.
    Stats {
        #[command(flatten)]
        rules: RulesArg,
        #[command(flatten)]
        index: IndexArg,
        /// Only documents of this kind.
        #[arg(long, value_name = "K")]
        kind: Option<String>,
        /// Print the counts as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Files or folders to ingest.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output folder: OUT/index, OUT/<table>.csv, OUT/atti.xlsx, OUT/compliance.md.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: PathBuf,
    #[command(flatten)]
    pub rules: RulesArg,
    #[command(flatten)]
    pub opts: IngestOpts,
    #[command(flatten)]
    pub table_opts: TableOpts,
    /// The date the compliance checks are made at [default: today].
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Exit with code 1 when a finding at or above this severity exists.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<Severity>,
    /// List every finding in the report, notes (severity info) included; by default they are counted, not listed.
    #[arg(long)]
    pub verbose: bool,
    /// The project configuration (atti.toml), for its corrections file [default: ./atti.toml, else atti.toml at the archive root].
    #[arg(long, env = "ATTI_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub index: IndexArg,
    #[arg(long)]
    pub json: bool,
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
        .ok_or_else(|| format!("`{s}` is not a size (bytes, or a number with K, M or G)"))
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

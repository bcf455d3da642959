//! The flags of the commands that read files into the index: `ingest`,
//! `run`, `remove`, `merge`, and the worker process `ingest` starts.

use std::path::PathBuf;

use clap::Args;

use super::{parse_size, IndexArg, RulesArg, TableOpts};
use atti::compliance::Severity;

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
pub struct MergeArgs {
    /// The shards' index folders (made by `atti ingest --shard I/N --index DIR`).
    #[arg(required = true, value_name = "SHARD")]
    pub shards: Vec<PathBuf>,
    /// The merged index: a new folder, or an index that the merge replaces.
    #[command(flatten)]
    pub index: IndexArg,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

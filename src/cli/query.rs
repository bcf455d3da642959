//! The flags of the commands that read the index: `search`, `export`,
//! `check`, `show`, `stats`, `report` and `serve`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{DocFilter, IndexArg, RulesArg, TableOpts};
use atti::compliance::{ReportFormat, Severity};
use atti::tables::{Format, TableId};

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
pub struct StatsArgs {
    #[command(flatten)]
    pub index: IndexArg,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub index: IndexArg,
    /// The compliance checks the document pages and the report use.
    #[command(flatten)]
    pub rules: RulesArg,
    /// The address to listen on: this machine only unless told otherwise (0.0.0.0:8080 opens it to the network).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    pub bind: SocketAddr,
    /// The project configuration (atti.toml) of the report pages [default: ./atti.toml, else atti.toml at the archive root].
    #[arg(long, env = "ATTI_CONFIG", value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A template's name (see --list) or the path of a template file.
    #[arg(value_name = "NAME|FILE", required_unless_present = "list")]
    pub name: Option<String>,
    /// List the templates (shipped and the project's) and stop.
    #[arg(long)]
    pub list: bool,
    /// Check the template (fields, filters, maps, formats) without running it.
    #[arg(long)]
    pub check: bool,
    /// Acts dated on or after this date (by the template's period field).
    #[arg(long, value_name = "DATE", conflicts_with_all = ["half", "year"])]
    pub from: Option<String>,
    /// Acts dated on or before this date.
    #[arg(long, value_name = "DATE", conflicts_with_all = ["half", "year"])]
    pub to: Option<String>,
    /// A half year: 2026-1 (January-June) or 2026-2 (July-December).
    #[arg(long, value_name = "YYYY-H", conflicts_with = "year")]
    pub half: Option<String>,
    /// A calendar year.
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i32>,
    /// Write to this file instead of stdout (needed for xlsx and ods).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// csv, xlsx, ods or json [default: from --out's extension, else csv].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<atti::report::ReportFormat>,
    /// PEG results: a CSV of code;value;date;note (objective code, or OBJECTIVE.N for its N-th indicator).
    #[arg(long, value_name = "FILE")]
    pub results: Option<PathBuf>,
    /// Write natural persons' names even where the template redacts them (art. 26 c. 4 d.lgs. 33/2013: check before publishing).
    #[arg(long)]
    pub unredacted: bool,
    /// The publication date of the header block [default: today].
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    #[command(flatten)]
    pub index: IndexArg,
    /// The project configuration (atti.toml) [default: ./atti.toml, else atti.toml at the archive root].
    #[arg(long, env = "ATTI_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

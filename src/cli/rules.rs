//! The flags of the commands that work with rules and the values they
//! read: `extract`, `rules`, `correct` and `corrections`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{IndexArg, OcrArgs, RulesArg};

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
    /// Also show the kind and the values the rules read from this file: after the text, on stderr; with --json, in the JSON (`rules`: kind, fields with rule and span).
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
pub struct CorrectArgs {
    /// A doc_id, or the source path of a document.
    #[arg(value_name = "DOC")]
    pub doc: String,
    /// The field, as rules name it: decision.subject, document.title, phase.2.end_date (the 2nd phase).
    #[arg(value_name = "FIELD")]
    pub field: String,
    /// The right value (a date as 2024-03-05 or 05/03/2024; a number with a comma or a dot; empty to clear).
    #[arg(value_name = "VALUE", allow_hyphen_values = true)]
    pub value: String,
    /// Why the value is corrected (kept with it).
    #[arg(long, required = true)]
    pub why: String,
    /// Who corrects it [default: $USER].
    #[arg(long, value_name = "NAME")]
    pub who: Option<String>,
    #[command(flatten)]
    pub index: IndexArg,
    /// The project configuration (atti.toml) [default: ./atti.toml, else atti.toml at the archive root].
    #[arg(long, env = "ATTI_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CorrectionsArgs {
    #[command(flatten)]
    pub index: IndexArg,
    /// One JSON object per line.
    #[arg(long)]
    pub json: bool,
    /// The project configuration (atti.toml).
    #[arg(long, env = "ATTI_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

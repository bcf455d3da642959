//! Groups of flags that several commands share: where the index is, which
//! rules, how tables are written, which documents.

use std::path::PathBuf;

use clap::Args;

use atti::tables::CsvDialect;

/// Where the index lives.
#[derive(Debug, Args, Clone)]
pub struct IndexArg {
    /// Index folder [default: ./atti-index, or $ATTI_INDEX]
    #[arg(long, env = "ATTI_INDEX", value_name = "DIR")]
    pub index: Option<PathBuf>,
}

/// Which rules to use.
#[derive(Debug, Args, Clone, Default)]
pub struct RulesArg {
    /// A folder of rule files (*.toml) that add to the built-in rules; a file with the name of a built-in one replaces it.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Use only the rules in --rules, none of the built-in ones.
    #[arg(long, requires = "rules")]
    pub no_builtin_rules: bool,
}

/// Options shared by `export` and `run` for writing tables.
#[derive(Debug, Args, Clone)]
pub struct TableOpts {
    /// Who the CSV is for: a spreadsheet set to Italian, or scripts.
    #[arg(long, value_enum, default_value_t = CsvDialect::Italian, value_name = "DIALECT")]
    pub csv_dialect: CsvDialect,
    /// Field delimiter, one character (`tab` for a tab) [default: ';', ',' with --csv-dialect rfc].
    #[arg(long, value_name = "C")]
    pub delimiter: Option<String>,
    /// Start the file with a UTF-8 byte order mark; --bom=false for none [default: yes, none with --csv-dialect rfc].
    #[arg(
        long,
        value_name = "BOOL",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "true",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    pub bom: Option<bool>,
    /// Do not guard CSV cells that begin with = + - @ tab or CR against formula injection (xlsx cells never need it).
    #[arg(long)]
    pub raw: bool,
}

/// Filters on documents, shared by `export` and `check`.
#[derive(Debug, Args, Clone, Default)]
pub struct DocFilter {
    /// Only documents of this kind.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Only documents of this year.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
    /// Only documents dated on or after this date.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only documents dated on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

//! The validated configuration: raw flags resolved once, at start-up.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::{DocFilter, IndexArg, RulesArg, TableOpts};
use atti::error::{Error, Result};
use atti::record::Document;
use atti::tables::TableOptions;
use atti::rules::RuleSet;

/// Default index folder when neither --index nor ATTI_INDEX is given.
pub const DEFAULT_INDEX: &str = "atti-index";

/// The index an ingest writes to: --index, $ATTI_INDEX, or ./atti-index.
pub fn index_path(arg: &IndexArg) -> PathBuf {
    arg.index
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX))
}

/// The index a reading command (search, export, check, show, stats) opens:
/// as [`index_path`]; but when none was named and ./atti-index does not
/// exist, the index that `atti run ... --out DIR` left in a folder of the
/// current directory (the most recent one), with a notice on stderr.
pub fn read_index_path(arg: &IndexArg) -> PathBuf {
    let default = index_path(arg);
    if arg.index.is_some() || default.join("meta.json").exists() {
        return default;
    }
    let newest = std::fs::read_dir(".")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("index"))
        .filter_map(|p| {
            let t = std::fs::metadata(p.join("meta.json"))
                .and_then(|m| m.modified())
                .ok()?;
            Some((t, p))
        })
        .max();
    match newest {
        Some((_, p)) => {
            eprintln!(
                "atti: no index at ./{DEFAULT_INDEX}; using {} (written by `atti run`; choose with --index)",
                p.display()
            );
            p
        }
        None => default,
    }
}

/// Loads the rules named on the command line; a mistake in them is a
/// configuration error (exit code 2) raised before any work.
pub fn rules(arg: &RulesArg) -> Result<RuleSet> {
    RuleSet::load(arg.rules.as_deref(), !arg.no_builtin_rules)
}

/// Loads the compliance checks named on the command line (the
/// `compliance.toml` in force); a mistake is a configuration error.
pub fn checks(arg: &RulesArg) -> Result<atti::compliance::Checks> {
    let sources = atti::rules::source::sources(arg.rules.as_deref(), !arg.no_builtin_rules)?;
    atti::compliance::Checks::load(&sources)
}

/// The `--as-of` date, today when none is given.
pub fn as_of(arg: Option<&str>) -> Result<NaiveDate> {
    Ok(match arg {
        Some(s) => parse_cli_date("--as-of", s)?,
        None => today(),
    })
}

/// A date given on the command line: ISO (2023-12-31) or any form the
/// Italian date parser reads (31/12/2023, 31 dicembre 2023).
pub fn parse_cli_date(flag: &str, s: &str) -> Result<NaiveDate> {
    let s = s.trim();
    atti_italian::date::parse_date(s)
        .map_err(|_| Error::Usage(format!("{flag}: `{s}` is not a date (use YYYY-MM-DD)")))
}

/// Today's date, local time.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The table-writing flags, validated.
pub fn table_options(a: &TableOpts) -> Result<TableOptions> {
    let d = match a.delimiter.as_str() {
        "\\t" | "tab" => "\t",
        other => other,
    };
    if d.len() != 1 || matches!(d.as_bytes()[0], b'"' | b'\n' | b'\r') {
        return Err(Error::Usage(format!(
            "--delimiter: `{}` is not one ASCII character other than a quote or a newline",
            a.delimiter
        )));
    }
    Ok(TableOptions {
        delimiter: d.as_bytes()[0],
        bom: a.bom,
        guard: !a.raw,
        decimal_comma: d == ";",
    })
}

/// Which documents a table or report covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<String>,
    pub year: Option<i32>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Filter {
    pub fn from_args(a: &DocFilter) -> Result<Filter> {
        Ok(Filter {
            kind: a.kind.clone(),
            year: a.year,
            from: a
                .from
                .as_deref()
                .map(|s| parse_cli_date("--from", s))
                .transpose()?,
            to: a
                .to
                .as_deref()
                .map(|s| parse_cli_date("--to", s))
                .transpose()?,
        })
    }

    pub fn accepts(&self, d: &Document) -> bool {
        if self.kind.as_deref().is_some_and(|k| k != d.kind) {
            return false;
        }
        if self.year.is_some() && self.year != d.year {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(date) = d.date else { return false };
            if self.from.is_some_and(|f| date < f) || self.to.is_some_and(|t| date > t) {
                return false;
            }
        }
        true
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolon_delimiter_means_decimal_comma() {
        let o = |d: &str| {
            table_options(&TableOpts {
                delimiter: d.into(),
                bom: false,
                raw: false,
            })
            .unwrap()
        };
        assert!(o(";").decimal_comma);
        assert!(!o(",").decimal_comma);
        assert_eq!(o("tab").delimiter, b'\t');
        assert!(table_options(&TableOpts {
            delimiter: ";;".into(),
            bom: false,
            raw: false,
        })
        .is_err());
    }
}

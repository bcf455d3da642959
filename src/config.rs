//! The validated configuration: raw flags resolved once, at start-up.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::{DocFilter, IndexArg, RulesArg, TableOpts};
use atti::error::{Error, Result};
use atti::record::Document;
use atti::rules::RuleSet;
use atti::tables::{Format, TableOptions};

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
                "atti: nessun indice in ./{DEFAULT_INDEX}; uso {} (scritto da `atti run`; un altro con --index)",
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
    atti_italian::date::parse_date(s).map_err(|_| {
        Error::Usage(format!(
            "{flag}: `{s}` non è una data (scrivere AAAA-MM-GG)"
        ))
    })
}

/// Today's date, local time.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The table-writing flags, validated: the dialect's options, with
/// --delimiter and --bom over them.
pub fn table_options(a: &TableOpts) -> Result<TableOptions> {
    let delimiter = a.delimiter.as_deref().map(delimiter).transpose()?;
    Ok(TableOptions::new(a.csv_dialect, delimiter, a.bom, !a.raw))
}

fn delimiter(arg: &str) -> Result<u8> {
    let d = match arg {
        "\\t" | "tab" => "\t",
        other => other,
    };
    if d.len() != 1 || matches!(d.as_bytes()[0], b'"' | b'\n' | b'\r') {
        return Err(Error::Usage(format!(
            "--delimiter: `{arg}` non è un solo carattere ASCII diverso da virgolette e a capo"
        )));
    }
    Ok(d.as_bytes()[0])
}

/// The format `atti export` writes: --format, else the one --out's
/// extension names, else CSV. A workbook is a file, not text for a terminal
/// or a pipe: xlsx without --out is a usage error.
pub fn export_format(format: Option<Format>, out: Option<&Path>) -> Result<Format> {
    let format = format
        .or_else(|| out.and_then(Format::of_path))
        .unwrap_or(Format::Csv);
    if format == Format::Xlsx && out.is_none() {
        return Err(Error::Usage(
            "--format xlsx scrive una cartella di lavoro, cioè un file: darne il nome con --out FILE.xlsx".into(),
        ));
    }
    Ok(format)
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
    fn dialect_with_delimiter_and_bom_overrides() {
        use atti::tables::CsvDialect;
        let o = |dialect, d: Option<&str>, bom| {
            table_options(&TableOpts {
                csv_dialect: dialect,
                delimiter: d.map(str::to_owned),
                bom,
                raw: false,
            })
        };
        let it = o(CsvDialect::Italian, None, None).unwrap();
        assert_eq!((it.delimiter, it.bom, it.decimal_comma), (b';', true, true));
        let rfc = o(CsvDialect::Rfc, None, None).unwrap();
        assert_eq!(
            (rfc.delimiter, rfc.bom, rfc.decimal_comma),
            (b',', false, false)
        );
        let old_italian = o(CsvDialect::Rfc, Some(";"), Some(true)).unwrap();
        assert_eq!((old_italian.delimiter, old_italian.bom), (b';', true));
        assert_eq!(
            o(CsvDialect::Italian, Some("tab"), None).unwrap().delimiter,
            b'\t'
        );
        assert!(!o(CsvDialect::Italian, Some(","), Some(false)).unwrap().bom);
        assert!(o(CsvDialect::Italian, Some(";;"), None).is_err());
    }

    #[test]
    fn xlsx_needs_a_file() {
        let p = Path::new("fasi.xlsx");
        assert_eq!(export_format(None, Some(p)).unwrap(), Format::Xlsx);
        assert_eq!(export_format(None, None).unwrap(), Format::Csv);
        assert_eq!(
            export_format(Some(Format::Csv), Some(p)).unwrap(),
            Format::Csv
        );
        assert_eq!(
            export_format(None, Some(Path::new("f.dat"))).unwrap(),
            Format::Csv
        );
        let e = export_format(Some(Format::Xlsx), None).unwrap_err();
        assert!(matches!(e, Error::Usage(_)) && e.to_string().contains("--out"));
    }
}

/// The paths listed in a `--files-from` file (`-`: stdin), one per line;
/// blank lines and `#` comments left out. A relative path is taken under
/// `root` when given, else under the current folder, as a path typed on
/// the command line would be.
pub fn files_from(list: &Path, root: Option<&Path>) -> Result<Vec<PathBuf>> {
    let text = if list.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| Error::io("<stdin>", e))?
    } else {
        std::fs::read_to_string(list).map_err(|e| Error::io(list, e))?
    };
    let paths: Vec<PathBuf> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match root {
            Some(r) if Path::new(l).is_relative() => r.join(l),
            _ => PathBuf::from(l),
        })
        .collect();
    if paths.is_empty() {
        return Err(Error::Usage(format!(
            "--files-from {}: nessun percorso nell'elenco",
            list.display()
        )));
    }
    Ok(paths)
}

/// The project configuration (atti.toml): `--config`, else ./atti.toml,
/// else atti.toml at the index's archive root. With no file, the
/// corrections file is kept at the archive root (else here).
pub fn project(config: Option<&Path>, index: &Path) -> Result<atti::project::Project> {
    atti::project::Project::find(config, index)
}

/// The corrections of the project.
pub fn corrections(p: &atti::project::Project) -> Result<atti::corrections::Corrections> {
    atti::corrections::Corrections::load(&p.corrections)
}

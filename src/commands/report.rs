//! `atti report NAME|FILE`: a list an office publishes, written from a
//! report template over the index, with the corrections applied;
//! `atti report --list` and `atti report NAME --check`.

use std::path::PathBuf;

use clap::Args;

use crate::args::IndexArg;
use crate::config;
use atti::error::{Error, Result};
use atti::index::Index;
use atti::report::results::Results;
use atti::report::template::LEGAL_FORMS;
use atti::report::{Catalog, Inputs, Period, ReportFormat};

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
    pub format: Option<ReportFormat>,
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

/// The period of --from/--to, --half or --year.
pub fn period(a: &ReportArgs) -> Result<Period> {
    if let Some(h) = &a.half {
        let bad = || Error::Usage(format!("--half `{h}`: write YEAR-1 or YEAR-2 (2026-1)"));
        let (y, n) = h.split_once('-').ok_or_else(bad)?;
        let y: i32 = y.parse().map_err(|_| bad())?;
        let n: u32 = n.parse().map_err(|_| bad())?;
        return Period::half(y, n).ok_or_else(bad);
    }
    if let Some(y) = a.year {
        return Period::year(y).ok_or_else(|| Error::Usage(format!("--year {y}: not a year")));
    }
    let d = |flag: &str, s: &Option<String>| {
        s.as_deref()
            .map(|s| config::parse_cli_date(flag, s))
            .transpose()
    };
    Ok(Period {
        from: d("--from", &a.from)?,
        to: d("--to", &a.to)?,
    })
}

pub fn run(a: &ReportArgs) -> Result<i32> {
    let index_path = config::read_index_path(&a.index);
    let project = config::project(a.config.as_deref(), &index_path)?;
    let catalog = Catalog::load(project.reports.as_deref())?;
    if a.list {
        let mut s = String::new();
        for t in catalog.all()? {
            let origin = if catalog
                .sources
                .iter()
                .any(|x| x.name == t.name && x.builtin)
            {
                ""
            } else {
                "  [progetto]"
            };
            s.push_str(&format!(
                "{:<24} {}{origin}\n{:<24} {}\n",
                t.name, t.title, "", t.legal_basis
            ));
        }
        super::print(&s)?;
        return Ok(0);
    }
    let name = a.name.as_deref().unwrap_or_default();
    let template = catalog.template(name)?;
    if a.check {
        eprintln!(
            "atti: modello {} ({}): corretto, {} colonne, righe da `{}`",
            template.name,
            template.file,
            template.columns.len(),
            template.rows
        );
        return Ok(0);
    }
    let format = a
        .format
        .or_else(|| a.out.as_deref().and_then(ReportFormat::of_path))
        .unwrap_or(ReportFormat::Csv);
    if matches!(format, ReportFormat::Xlsx | ReportFormat::Ods) && a.out.is_none() {
        return Err(Error::Usage(
            "xlsx and ods write a workbook, which is a file: name it with --out FILE".into(),
        ));
    }
    let period = period(a)?;
    let results = match &a.results {
        Some(p) => Results::load(p)?,
        None => Results::default(),
    };
    let corrections = config::corrections(&project)?;
    let published = match &a.published {
        Some(s) => config::parse_cli_date("--published", s)?,
        None => config::today(),
    };
    let legal_forms = catalog
        .vocabulary
        .get(LEGAL_FORMS)
        .cloned()
        .unwrap_or_default();
    let inputs = Inputs {
        project: &project,
        corrections: &corrections,
        results: &results,
        period,
        published,
        redact: a.unredacted.then_some(false),
        legal_forms: &legal_forms,
    };
    let index = Index::open(&index_path)?;
    let out = atti::report::run::over_index(&template, inputs, &index)?;
    let mut w = super::output(a.out.as_deref())?;
    atti::report::write::write(&template, &out, format, &mut w)?;
    w.flush().map_err(|e| Error::io("<output>", e))?;
    let mut notes = vec![format!("{} righe", super::count_it(out.rows.len()))];
    if out.undated > 0 {
        notes.push(format!("{} senza data nel periodo, escluse", out.undated));
    }
    if out.corrected > 0 {
        notes.push(format!(
            "{} valori corretti a mano (atti corrections)",
            out.corrected
        ));
    }
    eprintln!("atti: {}: {}", template.name, notes.join("; "));
    Ok(0)
}

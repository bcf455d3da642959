//! `atti report NAME|FILE`: a list an office publishes, written from a
//! report template over the index, with the corrections applied;
//! `atti report --list` and `atti report NAME --check`.

use crate::cli::ReportArgs;
use crate::config;
use atti::error::{Error, Result};
use atti::index::Index;
use atti::report::results::Results;
use atti::report::template::LEGAL_FORMS;
use atti::report::{Catalog, Inputs, Period, ReportFormat};

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
        return Period::year(y).ok_or_else(|| Error::Usage(format!("--year {y}: non è un anno")));
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
            "xlsx e ods scrivono una cartella di lavoro, cioè un file: darne il nome con --out FILE".into(),
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

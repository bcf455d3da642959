//! `/reports` (the lists an office publishes: every report template with
//! its legal basis and frequency, and a form) and `/reports/download`
//! (one template over a chosen period, in csv, xlsx, ods or json).
//!
//! The templates, code maps and corrections are those `atti report` uses
//! (the project's atti.toml, its reports folder, its corrections file),
//! read again at each request so that an edited template or a new
//! correction shows without restarting. The period is a year, a half year
//! or two dates; a mistake in it is refused with a message in Italian
//! before any document is read. Reports are published lists: natural
//! persons stay redacted where the template says so, and there is no way
//! to turn that off from the web.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use maud::{html, Markup};
use serde::Deserialize;

use super::layout::{page, Refusal};
use super::state::State;
use crate::project::Project;
use crate::report::results::Results;
use crate::report::template::LEGAL_FORMS;
use crate::report::{Catalog, Inputs, Period, ReportFormat, Template};

/// The form's fields, as typed (every one may be empty).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct Request {
    pub template: String,
    pub format: String,
    pub year: String,
    /// `1`, `2`, or empty for the whole year.
    pub half: String,
    pub from: String,
    pub to: String,
}

/// A request checked: the template's name, the form and the period, with
/// the period's part of the file name (`2026`, `2026-1`, `2026-01-01_2026-03-31`).
#[derive(Debug, Clone)]
pub struct Checked {
    pub template: String,
    pub format: ReportFormat,
    pub period: Period,
    pub label: String,
}

fn date(field: &str, s: &str) -> Result<Option<NaiveDate>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    atti_italian::date::parse_date(s).map(Some).map_err(|_| {
        format!("la data {field} `{s}` non è valida: scriverla come AAAA-MM-GG o GG/MM/AAAA")
    })
}

impl Request {
    /// Parses a query string (`template=…&format=…&year=…&half=…&from=…&to=…`).
    pub fn parse(query: &str) -> Result<Request, String> {
        serde_urlencoded::from_str(query).map_err(|_| {
            "richiesta non valida: i campi sono modello, formato, anno, semestre, da, a".to_owned()
        })
    }

    /// The period and format, checked; every mistake said in Italian.
    pub fn check(&self) -> Result<Checked, String> {
        let template = self.template.trim();
        if template.is_empty() {
            return Err("scegliere un modello di report".into());
        }
        if template.contains(['/', '\\']) || template.ends_with(".toml") {
            return Err(format!(
                "`{template}` non è il nome di un modello: dal web si usano solo i modelli dell'elenco"
            ));
        }
        let format = match self.format.trim() {
            "" => ReportFormat::Csv,
            f => ReportFormat::of_name(&f.to_ascii_lowercase())
                .ok_or_else(|| format!("il formato `{f}` non è previsto: csv, xlsx, ods o json"))?,
        };
        let (year, half) = (self.year.trim(), self.half.trim());
        let (from, to) = (date("iniziale", &self.from)?, date("finale", &self.to)?);
        if !year.is_empty() && (from.is_some() || to.is_some()) {
            return Err(
                "scegliere l'anno (con il semestre) oppure le date di inizio e fine, non entrambi"
                    .into(),
            );
        }
        let (period, label) = if !year.is_empty() {
            let y: i32 = year
                .parse()
                .ok()
                .filter(|y| (1900..=2100).contains(y))
                .ok_or_else(|| {
                    format!("l'anno `{year}` non è valido: scrivere quattro cifre (2026)")
                })?;
            match half {
                "" => (Period::year(y), y.to_string()),
                "1" | "2" => (
                    Period::half(y, half.parse().unwrap_or(1)),
                    format!("{y}-{half}"),
                ),
                other => {
                    return Err(format!(
                        "il semestre `{other}` non esiste: 1 (gennaio-giugno) o 2 (luglio-dicembre)"
                    ))
                }
            }
        } else if !half.is_empty() {
            return Err("il semestre vuole anche l'anno".into());
        } else {
            if let (Some(f), Some(t)) = (from, to) {
                if f > t {
                    return Err(format!(
                        "la data iniziale ({}) viene dopo quella finale ({})",
                        f.format("%d/%m/%Y"),
                        t.format("%d/%m/%Y")
                    ));
                }
            }
            let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            let label = match (from, to) {
                (None, None) => "tutto".to_owned(),
                _ => format!("{}_{}", day(from), day(to)),
            };
            (Some(Period { from, to }), label)
        };
        Ok(Checked {
            template: template.to_owned(),
            format,
            period: period.ok_or_else(|| format!("l'anno `{year}` non è valido"))?,
            label,
        })
    }
}

/// The project and its templates, read now.
fn catalog(state: &State) -> Result<(Project, Catalog), Refusal> {
    let project = Project::find(state.config(), state.index_path())?;
    let catalog = Catalog::load(project.reports.as_deref())?;
    Ok((project, catalog))
}

/// The page: the templates, then the form.
pub fn list(state: &State) -> Result<Markup, Refusal> {
    let (_, catalog) = catalog(state)?;
    let compiled: Vec<(String, crate::Result<Template>)> = catalog
        .sources
        .iter()
        .map(|s| (s.name.clone(), catalog.template(&s.name)))
        .collect();
    let ready: Vec<&Template> = compiled
        .iter()
        .filter_map(|(_, t)| t.as_ref().ok())
        .collect();
    Ok(page(
        "Elenchi da pubblicare",
        html! {
            h1 { "Elenchi da pubblicare" }
            p { "Gli elenchi che l'ente pubblica o trasmette, scritti dagli atti dell'archivio con i modelli di report (" code { "atti report --list" } "); le correzioni fatte a mano sono applicate." }
            table.templates {
                thead { tr { th { "Modello" } th { "Elenco" } th { "Base normativa" } th { "Frequenza" } th { "Destinatario" } } }
                tbody {
                    @for (name, t) in &compiled {
                        @match t {
                            Ok(t) => tr {
                                td { code { (t.name) } }
                                td { (t.title) }
                                td { (t.legal_basis) }
                                td { (t.frequency) }
                                td { (t.recipient) }
                            },
                            Err(e) => tr.broken {
                                td { code { (name) } }
                                td colspan="4" { "modello con un errore: " (e.to_string()) }
                            },
                        }
                    }
                }
            }
            h2 { "Scarica un elenco" }
            form.report action="/reports/download" method="get" {
                label { "Modello "
                    select name="template" {
                        @for t in &ready { option value=(t.name) { (t.name) " — " (t.title) } }
                    }
                }
                fieldset {
                    legend { "Periodo (l'anno, o l'anno e il semestre, o le date; nessuno: tutto l'archivio)" }
                    label { "Anno " input type="text" name="year" inputmode="numeric" maxlength="4" size="4" placeholder="2026"; }
                    label { "Semestre "
                        select name="half" {
                            option value="" { "tutto l'anno" }
                            option value="1" { "primo (gennaio-giugno)" }
                            option value="2" { "secondo (luglio-dicembre)" }
                        }
                    }
                    label { "Dal " input type="date" name="from"; }
                    label { "al " input type="date" name="to"; }
                }
                label { "Formato "
                    select name="format" {
                        option value="csv" { "CSV" }
                        option value="xlsx" { "Excel (xlsx)" }
                        option value="ods" { "OpenDocument (ods)" }
                        option value="json" { "JSON (schema ANAC)" }
                    }
                }
                button type="submit" { "Scarica" }
            }
        },
    ))
}

/// The report `c` asks for, as a file to download.
pub fn download(state: &State, c: &Checked) -> Result<Response, Refusal> {
    let (project, catalog) = catalog(state)?;
    if !catalog.sources.iter().any(|s| s.name == c.template) {
        let names: Vec<&str> = catalog.sources.iter().map(|s| s.name.as_str()).collect();
        return Err(Refusal::not_found(format!(
            "nessun modello di report `{}` (modelli: {})",
            c.template,
            names.join(", ")
        )));
    }
    let template = catalog.template(&c.template)?;
    let corrections = crate::corrections::Corrections::load(&project.corrections)?;
    let legal_forms = catalog
        .vocabulary
        .get(LEGAL_FORMS)
        .cloned()
        .unwrap_or_default();
    let results = Results::default();
    let inputs = Inputs {
        project: &project,
        corrections: &corrections,
        results: &results,
        period: c.period,
        published: chrono::Local::now().date_naive(),
        redact: None,
        legal_forms: &legal_forms,
    };
    let out = crate::report::run::over_index(&template, inputs, state.index())?;
    let mut body = Vec::new();
    crate::report::write::write(&template, &out, c.format, &mut body)?;
    let mut resp = (
        [(header::CONTENT_TYPE, c.format.content_type(&template))],
        body,
    )
        .into_response();
    // A name a file system and a header accept: a project's template may
    // be named with any character.
    let name: String = format!("{}_{}", template.name, c.label)
        .chars()
        .map(|ch| match ch {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' | '.' => ch,
            _ => '_',
        })
        .collect();
    let disposition = format!("attachment; filename=\"{name}.{}\"", c.format.extension());
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        resp.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(resp)
}

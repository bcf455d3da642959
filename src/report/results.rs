//! PEG results: the actual value of each indicator (or objective), read
//! from the user's CSV, and what follows from it: % raggiungimento,
//! scostamento and a state, so that an objective without a result is
//! listed as such, never dropped.
//!
//! The CSV has a header row with `code` (or `codice`), `value` (`valore`),
//! `date` (`data`) and `note`; `;` or `,` between fields. A code is an
//! objective code, or `OBJECTIVE.N` for its N-th indicator. A PEG sheet
//! that carries progress columns fills the same values into the
//! indicator record (`actual_value`, `actual_date`, `actual_note`, the
//! hook for spreadsheet sheets): the user's CSV wins over them.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use atti_italian::numbers::leading;

/// One result as given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Given {
    pub value: String,
    pub date: Option<NaiveDate>,
    pub note: String,
    /// `csv` or `foglio`.
    pub source: &'static str,
}

/// The results of a PEG, by code.
#[derive(Debug, Clone, Default)]
pub struct Results {
    by_code: HashMap<String, Given>,
}

impl Results {
    pub fn load(path: &Path) -> Result<Results> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = String::from_utf8_lossy(&bytes);
        let text = text.trim_start_matches('\u{feff}');
        let first = text.lines().next().unwrap_or_default();
        let delim = if first.matches(';').count() >= first.matches(',').count() {
            b';'
        } else {
            b','
        };
        let mut r = csv::ReaderBuilder::new()
            .delimiter(delim)
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = r
            .headers()?
            .iter()
            .map(|h| h.trim().to_lowercase())
            .collect();
        let col = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
        let file = path.display().to_string();
        let code = col(&["code", "codice"]).ok_or_else(|| Error::Config {
            file: file.clone(),
            line: 1,
            message: format!(
                "manca la colonna `code` (o `codice`); colonne: {}",
                headers.join(", ")
            ),
        })?;
        let value = col(&["value", "valore", "actual_value", "valore effettivo"]);
        let date = col(&["date", "data", "actual_date", "data effettiva"]);
        let note = col(&["note", "nota"]);
        let mut by_code = HashMap::new();
        for (i, rec) in r.records().enumerate() {
            let rec = rec?;
            let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("").trim().to_owned();
            let d = get(date);
            let parsed = if d.is_empty() {
                None
            } else {
                Some(
                    NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                        .ok()
                        .or_else(|| atti_italian::date::parse_date(&d).ok())
                        .ok_or_else(|| Error::Config {
                            file: file.clone(),
                            line: i + 2,
                            message: format!("`{d}` non è una data"),
                        })?,
                )
            };
            by_code.insert(
                get(Some(code)),
                Given {
                    value: get(value),
                    date: parsed,
                    note: get(note),
                    source: "csv",
                },
            );
        }
        Ok(Results { by_code })
    }

    pub fn get(&self, code: &str) -> Option<&Given> {
        self.by_code.get(code)
    }
}

/// A result with what follows from it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    pub given: Option<Given>,
    /// % raggiungimento: how much of the target is reached.
    pub achievement: Option<f64>,
    /// Scostamento: actual minus target (numbers only).
    pub gap: Option<f64>,
    /// `raggiunto`, `non raggiunto`, `senza risultato`, `da valutare`.
    pub state: &'static str,
}

/// The outcome of `given` against a target `op value` (`>= 90%`, `= SI`,
/// `<= 30 giorni`). A target "at most" is reached in full at or below it
/// (achievement = target / actual); one "at least" or equal in
/// proportion (actual / target), not capped so that an excess shows.
pub fn outcome(given: Option<Given>, op: &str, target: &str) -> Outcome {
    let Some(g) = given.filter(|g| !g.value.is_empty()) else {
        return Outcome {
            state: "senza risultato",
            ..Outcome::default()
        };
    };
    let (a, t) = (leading(&g.value), leading(target));
    let (achievement, gap, reached) = match (a, t) {
        (Some(a), Some(t)) => {
            let lower_is_better = matches!(op, "<=" | "<");
            let ach = if lower_is_better {
                if a == 0.0 {
                    100.0
                } else {
                    t / a * 100.0
                }
            } else if t == 0.0 {
                if a >= 0.0 {
                    100.0
                } else {
                    0.0
                }
            } else {
                a / t * 100.0
            };
            let reached = match op {
                "<=" => a <= t,
                "<" => a < t,
                ">" => a > t,
                "=" => (a - t).abs() < 1e-9,
                _ => a >= t,
            };
            (
                Some((ach * 100.0).round() / 100.0),
                Some(((a - t) * 1e6).round() / 1e6),
                Some(reached),
            )
        }
        _ if !target.trim().is_empty() => {
            let same = g.value.trim().eq_ignore_ascii_case(target.trim());
            (Some(if same { 100.0 } else { 0.0 }), None, Some(same))
        }
        _ => (None, None, None),
    };
    Outcome {
        given: Some(g),
        achievement,
        gap,
        state: match reached {
            Some(true) => "raggiunto",
            Some(false) => "non raggiunto",
            None => "da valutare",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(v: &str) -> Option<Given> {
        Some(Given {
            value: v.into(),
            source: "csv",
            ..Given::default()
        })
    }

    #[test]
    fn achievement_and_gap_by_the_target_operator() {
        let o = outcome(g("45"), ">=", "50");
        assert_eq!(
            (o.achievement, o.gap, o.state),
            (Some(90.0), Some(-5.0), "non raggiunto")
        );
        let o = outcome(g("20 giorni"), "<=", "30 giorni");
        assert_eq!((o.achievement, o.state), (Some(150.0), "raggiunto"));
        let o = outcome(g("si"), "=", "SI");
        assert_eq!(
            (o.achievement, o.gap, o.state),
            (Some(100.0), None, "raggiunto")
        );
        assert_eq!(outcome(None, ">=", "3").state, "senza risultato");
    }
}

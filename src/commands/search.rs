//! `atti search`: ranked hits with the passage that matched.
//!
//! On a terminal the matched words are in colour; otherwise (a pipe, a
//! file, `--color never`, or `NO_COLOR` set) they stand between `[[` and
//! `]]`. `--json` prints one JSON object per hit (JSON Lines), with the
//! plain markers, then one summary object: `{"summary": {"hits": N,
//! "undated_not_shown": K}}`.
//!
//! What the search did that the hits do not show goes to stderr in
//! Italian: that nothing was found, and how many documents without a date
//! a date filter left out (`--include-undated` shows them).

use std::io::{IsTerminal, Write};

use crate::cli::{ColorChoice, SearchArgs};
use crate::config;
use atti::error::{Error, Result};
use atti::index::{search, Index};
use serde_json::json;

pub fn run(a: &SearchArgs) -> Result<i32> {
    let index = Index::open(&config::read_index_path(&a.index))?;
    if index.layout() < atti::index::schema::VERSION {
        eprintln!(
            "atti: questo indice è di una versione precedente di atti (formato {}); `atti ingest` lo ricostruisce, fino ad allora una frase può perdere parole dopo un apostrofo",
            index.layout()
        );
    }
    let req = search::Request {
        query: a.query.join(" "),
        kind: a.kind.clone(),
        year: a.year,
        from: a
            .from
            .as_deref()
            .map(|s| config::parse_cli_date("--from", s))
            .transpose()?,
        to: a
            .to
            .as_deref()
            .map(|s| config::parse_cli_date("--to", s))
            .transpose()?,
        limit: a.limit,
        include_undated: a.include_undated,
        ..search::Request::default()
    };
    let answer = search::answer(&index, &req)?;
    let hits = &answer.hits;
    let stdout = std::io::stdout();
    let colour = match a.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut out = stdout.lock();
    let io = |e| Error::io("<stdout>", e);
    for h in hits {
        if a.json {
            writeln!(out, "{}", serde_json::to_string(h)?).map_err(io)?;
            continue;
        }
        // Titles, names and text come from the files: escaped for the
        // terminal, so that only our own colour sequences act.
        let title = match (&h.title_marks, colour) {
            (Some(t), true) => t.render_for_terminal("\x1b[1;31m", "\x1b[0;1m"),
            _ => {
                atti::escape::terminal(h.title.as_deref().unwrap_or("(senza titolo)")).into_owned()
            }
        };
        let source_file = atti::escape::terminal(&h.source_file);
        let kind = atti::escape::terminal(&h.kind);
        // The date when the act has one, else its year.
        let year = match (h.date, h.year) {
            (Some(d), _) => format!(" {}", d.format("%d/%m/%Y")),
            (None, Some(y)) => format!(" {y}"),
            _ => String::new(),
        };
        let snippet = if colour {
            h.passage.ansi()
        } else {
            atti::escape::terminal(&h.snippet).into_owned()
        };
        if colour {
            writeln!(
                out,
                "{}. \x1b[1m{title}\x1b[0m [{kind}{year}] \x1b[2m{source_file}\x1b[0m\n   {snippet}\n",
                h.rank
            )
            .map_err(io)?;
        } else {
            writeln!(
                out,
                "{}. {title} [{kind}{year}] {source_file}\n   {snippet}\n",
                h.rank
            )
            .map_err(io)?;
        }
    }
    if a.json {
        let summary = json!({ "summary": {
            "hits": hits.len(),
            "undated_not_shown": answer.undated_not_shown,
        }});
        writeln!(out, "{summary}").map_err(io)?;
        return Ok(0);
    }
    if hits.is_empty() {
        eprintln!("nessun documento corrisponde alla ricerca");
    }
    match answer.undated_not_shown {
        0 => {}
        1 => eprintln!("1 documento senza data non mostrato; --include-undated per includerlo"),
        n => eprintln!("{n} documenti senza data non mostrati; --include-undated per includerli"),
    }
    Ok(0)
}

//! `atti export --format opensearch-bulk|opensearch-template`: the handoff
//! to an OpenSearch cluster (see [`atti::opensearch`]).

use crate::cli::{ExportArgs, ExportFormat};
use crate::config::{self, Filter};
use atti::error::{Error, Result};
use atti::index::Index;
use atti::opensearch::{bulk, template};

pub fn run(a: &ExportArgs, format: ExportFormat) -> Result<i32> {
    let name = a.index_name.trim();
    // OpenSearch's own rule for index names: lower case, no spaces, none
    // of \ / * ? " < > | , #, not starting with - _ +.
    let bad = name.is_empty()
        || name
            .chars()
            .any(|c| c.is_uppercase() || " \\/*?\"<>|,#:".contains(c))
        || name.starts_with(['-', '_', '+']);
    if bad {
        return Err(Error::Usage(format!(
            "--index-name {name:?}: un nome d'indice OpenSearch è in minuscolo, senza spazi né \\ / * ? \" < > | , # :"
        )));
    }
    let mut out = super::output(a.out.as_deref())?;
    if format == ExportFormat::OpensearchTemplate {
        let text = serde_json::to_string_pretty(&template::template(name)).unwrap_or_default();
        out.write_all(format!("{text}\n").as_bytes())
            .and_then(|_| out.flush())
            .map_err(|e| Error::io("<output>", e))?;
        return Ok(0);
    }
    let previous = match &a.previous {
        Some(p) => bulk::read_previous(&std::fs::read_to_string(p).map_err(|e| Error::io(p, e))?),
        None => Default::default(),
    };
    let filter = Filter::from_args(&a.filter)?;
    let index = Index::open(&config::read_index_path(&a.index))?;
    let mut w = bulk::BulkWriter::new(out, name);
    index.for_each_document(true, |d| match filter.accepts(&d) {
        true => w.document(&d),
        false => Ok(()),
    })?;
    let written = w.finish(&previous)?;
    eprintln!(
        "opensearch-bulk: {} documenti da indicizzare, {} da cancellare (indice {name})",
        super::count_it(written.indexed),
        super::count_it(written.deleted)
    );
    Ok(0)
}

//! `/export/<table>.xlsx` and `/export/<table>.csv?q=…`: a table of the
//! documents a search finds, written by the writers of `atti export` (the
//! xlsx workbook with its legend; CSV in the Italian dialect, formulas
//! guarded).
//!
//! The documents are those of the whole result set, not of one page, up
//! to [`MAX_EXPORT`]; more are refused with a message rather than cut
//! short. The failures and skipped tables have no kind, year or date: with
//! a search or a filter they are empty, as with `atti export`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::layout::Refusal;
use super::params::{Search, MAX_EXPORT};
use crate::index::search;
use crate::index::Index;
use crate::tables::{self, CsvDialect, Format, TableId, TableOptions};

/// `documents.xlsx` -> the table and the format.
pub fn target(file: &str) -> Result<(TableId, Format), Refusal> {
    let (name, ext) = file
        .rsplit_once('.')
        .ok_or_else(|| Refusal::not_found("scaricamento: serve un nome come documents.xlsx"))?;
    let format = match ext {
        "xlsx" => Format::Xlsx,
        "csv" => Format::Csv,
        _ => {
            return Err(Refusal::not_found(format!(
                "scaricamento: il formato `{ext}` non c'è (xlsx o csv)"
            )))
        }
    };
    let table = TableId::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = TableId::ALL.iter().map(|t| t.name()).collect();
        Refusal::not_found(format!(
            "scaricamento: la tabella `{name}` non c'è (tabelle: {})",
            names.join(", ")
        ))
    })?;
    Ok((table, format))
}

/// The table of the documents `s` finds, written in `format`.
pub fn export(
    index: &Index,
    s: &Search,
    table: TableId,
    format: Format,
) -> Result<Response, Refusal> {
    let rows = match table {
        TableId::Failures | TableId::Skipped if s.is_filtered() => Vec::new(),
        TableId::Failures => tables::failure_rows(&index.failures()?),
        TableId::Skipped => tables::skipped_rows(&index.skipped()?),
        _ => {
            let req = search::Request {
                skip_passages: true,
                ..s.request(MAX_EXPORT + 1, 0)
            };
            let answer = search::answer(index, &req)?;
            if answer.total as usize > MAX_EXPORT {
                return Err(Refusal::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    format!(
                        "la ricerca trova {} documenti: lo scaricamento dal web ne tiene al massimo {MAX_EXPORT}; restringere la ricerca, o usare `atti export`",
                        answer.total
                    ),
                ));
            }
            let mut rows = tables::TableRows::new(table);
            for h in &answer.hits {
                if let Some(d) = index.by_id(&h.doc_id)? {
                    rows.add(&d);
                }
            }
            rows.finish()
        }
    };
    let opts = TableOptions::new(CsvDialect::Italian, None, None, true);
    let mut out = Vec::new();
    tables::write_rows(table, &rows, &opts, format, &mut out)?;
    let (ty, ext) = match format {
        Format::Xlsx => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        _ => ("text/csv; charset=utf-8", "csv"),
    };
    let mut resp = ([(header::CONTENT_TYPE, ty)], out).into_response();
    let disposition = format!("attachment; filename=\"{}.{ext}\"", table.name());
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        resp.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(resp)
}

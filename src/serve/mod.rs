//! `atti serve`: a local, read-only web page over the index, in Italian.
//!
//! The routes a script can rely on:
//!
//! | route | what |
//! |---|---|
//! | `/` | the search form |
//! | `/search?q=…&kind=…&year=…&body=…&from=…&to=…&undated=1&sort=date&page=N` | a page of hits |
//! | `/doc/<doc_id>` | a document: fields with provenance, tables, findings |
//! | `/doc/<doc_id>/page/<n>?start=…&end=…` | one page of its text, a span marked |
//! | `/file/<doc_id>` | the original file (only under the archive root) |
//! | `/report` | the compliance report |
//! | `/export/<table>.xlsx`, `/export/<table>.csv?q=…` | a table of the result set |
//! | `/reports` | the report templates (lists to publish) and a form |
//! | `/reports/download?template=…&format=csv&year=…&half=…&from=…&to=…` | one list over a period |
//! | `/static/atti.css` | the style sheet |
//!
//! axum on tokio serves; the index's work (searching, reading records) is
//! blocking and runs on tokio's blocking threads ([`blocking`]). Pages are
//! maud templates compiled with the binary and the one style sheet is in
//! it too, so `atti serve` needs nothing beside it. There is no write route
//! (any other method than GET or HEAD is refused), no script on any page,
//! and every response carries a content security policy that allows none.
//! Bounds: see [`params`] (query, paging, address, downloads) and
//! [`file::MAX_FILE_BYTES`].

pub mod doc_page;
pub mod export;
pub mod file;
pub mod layout;
pub mod params;
pub mod reports;
pub mod search_page;
pub mod state;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{Path, RawQuery};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use crate::compliance::{Checks, ReportFormat};
use crate::error::{Error, Result};
use crate::index::{search, Index};
use layout::{html_response, Refusal};
use params::Search;
pub use state::State;

/// The longest doc_id looked up (atti's are 16 hex digits).
const MAX_ID_CHARS: usize = 64;

/// The application: every route over the shared state.
pub fn router(state: Arc<State>) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/search", get(search_hits))
        .route("/doc/{id}", get(document))
        .route("/doc/{id}/page/{n}", get(page_text))
        .route("/file/{id}", get(original))
        .route("/report", get(report))
        .route("/export/{file}", get(download))
        .route("/reports", get(report_list))
        .route("/reports/download", get(report_download))
        .route("/static/atti.css", get(css))
        .fallback(not_found)
        .layer(axum::middleware::map_response(secure))
        .with_state(state)
}

/// Serves the index at `index` on `bind` until interrupted (Ctrl-C).
pub fn run(
    index: Index,
    checks: Checks,
    config: Option<std::path::PathBuf>,
    bind: SocketAddr,
) -> Result<()> {
    let state = Arc::new(State::new(index, checks).with_config(config));
    state.fresh()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::io("<tokio>", e))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .map_err(|e| Error::Usage(format!("--bind {bind}: {e}")))?;
        let at = listener.local_addr().map_err(|e| Error::io("<socket>", e))?;
        eprintln!(
            "atti serve: {} su http://{at}/ (sola lettura; Ctrl-C per fermare)",
            state.index_path().display()
        );
        if !at.ip().is_loopback() {
            eprintln!("atti serve: attenzione, {at} è raggiungibile da altre macchine: l'archivio è visibile a chiunque le usi");
        }
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| Error::io("<server>", e))
    })
}

/// Runs index work on a blocking thread, with the searchers brought to the
/// last commit first.
async fn blocking<T: Send + 'static>(
    state: Arc<State>,
    work: impl FnOnce(&State, &state::Choices) -> std::result::Result<T, Refusal> + Send + 'static,
) -> std::result::Result<T, Refusal> {
    let _turn = state
        .workers
        .acquire()
        .await
        .map_err(|e| Refusal::new(StatusCode::SERVICE_UNAVAILABLE, e.to_string()))?;
    let shared = state.clone();
    tokio::task::spawn_blocking(move || {
        let choices = shared.fresh()?;
        work(&shared, &choices)
    })
    .await
    .map_err(|e| {
        Refusal::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("errore interno: {e}"),
        )
    })?
}

type Shared = axum::extract::State<Arc<State>>;

async fn home(axum::extract::State(state): Shared) -> Response {
    match blocking(state, |_, choices| Ok(search_page::home(choices))).await {
        Ok(m) => html_response(m),
        Err(r) => r.into_response(),
    }
}

async fn search_hits(axum::extract::State(state): Shared, RawQuery(q): RawQuery) -> Response {
    let s = match Search::parse(q.as_deref().unwrap_or_default()) {
        Ok(s) => s,
        Err(m) => return Refusal::bad_request(m).into_response(),
    };
    let page = blocking(state, move |state, choices| {
        let answer = search::answer(state.index(), &s.page_request())?;
        Ok(search_page::results(&s, choices, &answer))
    })
    .await;
    match page {
        Ok(m) => html_response(m),
        Err(r) => r.into_response(),
    }
}

/// A doc_id as typed in an address, checked before any lookup.
fn doc_id(id: &str) -> std::result::Result<String, Refusal> {
    if id.is_empty() || id.chars().count() > MAX_ID_CHARS {
        return Err(Refusal::bad_request(
            "identificativo di documento non valido",
        ));
    }
    Ok(id.to_owned())
}

fn lookup(state: &State, id: &str) -> std::result::Result<crate::record::Document, Refusal> {
    state
        .index()
        .by_id(id)?
        .ok_or_else(|| Refusal::not_found(format!("nessun documento `{id}` nell'archivio")))
}

async fn document(axum::extract::State(state): Shared, Path(id): Path<String>) -> Response {
    let page = async move {
        let id = doc_id(&id)?;
        blocking(state, move |state, _| {
            let d = lookup(state, &id)?;
            let report = state.checks().run(std::slice::from_ref(&d), today());
            Ok(doc_page::document(&d, &report.findings))
        })
        .await
    };
    match page.await {
        Ok(m) => html_response(m),
        Err(r) => r.into_response(),
    }
}

#[derive(Deserialize)]
struct SpanQuery {
    start: Option<usize>,
    end: Option<usize>,
}

async fn page_text(
    axum::extract::State(state): Shared,
    Path((id, n)): Path<(String, String)>,
    RawQuery(q): RawQuery,
) -> Response {
    let page = async move {
        let id = doc_id(&id)?;
        let n: usize = n
            .parse()
            .map_err(|_| Refusal::bad_request(format!("`{n}` non è un numero di pagina")))?;
        let span: SpanQuery = serde_urlencoded::from_str(q.as_deref().unwrap_or_default())
            .map_err(|_| Refusal::bad_request("inizio e fine del segno devono essere numeri"))?;
        blocking(state, move |state, _| {
            let d = lookup(state, &id)?;
            if n == 0 || n > d.page_texts.len() {
                return Err(Refusal::not_found(format!(
                    "il documento ha {} pagine: la pagina {n} non c'è",
                    d.page_texts.len()
                )));
            }
            Ok(doc_page::page_text(&d, n, span.start.zip(span.end)))
        })
        .await
    };
    match page.await {
        Ok(m) => html_response(m),
        Err(r) => r.into_response(),
    }
}

async fn original(axum::extract::State(state): Shared, Path(id): Path<String>) -> Response {
    let resp = async move {
        let id = doc_id(&id)?;
        blocking(state, move |state, _| {
            let d = lookup(state, &id)?;
            let root = state.archive_root().ok_or_else(|| {
                Refusal::not_found("l'indice non registra la cartella dell'archivio: il file originale non si trova")
            })?;
            let path = file::resolve(&root, &d.source_file)?;
            file::serve(&path, &d.source_file)
        })
        .await
    };
    resp.await.unwrap_or_else(IntoResponse::into_response)
}

async fn report(axum::extract::State(state): Shared) -> Response {
    let made = blocking(state, |state, _| {
        Ok(state.report(|state| {
            let mut review = state.checks().review(today());
            state.index().for_each_document(true, |d| {
                review.add(&d);
                Ok(())
            })?;
            let mut report = review.finish();
            report.failures = state.index().failures()?;
            report.skipped = state.index().skipped()?;
            let html = report.render(ReportFormat::Html)?;
            Ok(html.replacen(
                "<body>\n",
                "<body>\n<p><a href=\"/\">← Ricerca</a></p>\n",
                1,
            ))
        })?)
    })
    .await;
    match made {
        Ok(html) => (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            html.as_str().to_owned(),
        )
            .into_response(),
        Err(r) => r.into_response(),
    }
}

async fn download(
    axum::extract::State(state): Shared,
    Path(file): Path<String>,
    RawQuery(q): RawQuery,
) -> Response {
    let resp = async move {
        let (table, format) = export::target(&file)?;
        let s = Search::parse(q.as_deref().unwrap_or_default()).map_err(Refusal::bad_request)?;
        blocking(state, move |state, _| {
            export::export(state.index(), &s, table, format)
        })
        .await
    };
    resp.await.unwrap_or_else(IntoResponse::into_response)
}

async fn report_list(axum::extract::State(state): Shared) -> Response {
    match blocking(state, |state, _| reports::list(state)).await {
        Ok(m) => html_response(m),
        Err(r) => r.into_response(),
    }
}

async fn report_download(axum::extract::State(state): Shared, RawQuery(q): RawQuery) -> Response {
    let resp = async move {
        let c = reports::Request::parse(q.as_deref().unwrap_or_default())
            .and_then(|r| r.check())
            .map_err(Refusal::bad_request)?;
        blocking(state, move |state, _| reports::download(state, &c)).await
    };
    resp.await.unwrap_or_else(IntoResponse::into_response)
}

async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        layout::CSS,
    )
        .into_response()
}

async fn not_found(method: Method) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return Refusal::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "atti serve è in sola lettura: solo GET",
        )
        .into_response();
    }
    Refusal::not_found("pagina inesistente").into_response()
}

/// Headers every response carries: no script, no framing, no sniffing,
/// no referrer to the sites a page links to.
async fn secure(mut resp: Response) -> Response {
    let h = resp.headers_mut();
    h.entry(header::CONTENT_SECURITY_POLICY).or_insert(HeaderValue::from_static(
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    resp
}

/// Today's date, local time: the date the checks are made at.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

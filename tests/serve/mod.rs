//! `atti serve`: every route, at the request level (tower's `oneshot` on
//! the application, no socket), over an archive ingested by the binary:
//! status codes, escaping of hostile names and text, traversal attempts
//! (`..`, encoded, a link out of the archive), bounds, and a second
//! process's ingest seen by the running server. The routes' answers are in
//! `routes`, what hostile input and addresses get in `safety`; the site
//! they run on is here.

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use tower::ServiceExt;

use crate::common::*;
use atti::index::Index;
use atti::serve::{router, State};

/// File names and text that would act if a page did not escape them.
pub(super) const HOSTILE_NAME: &str = "<img src=x onerror=alert(1)> \"delibera\" & 'c'.txt";
pub(super) const HOSTILE_TEXT: &str = "DELIBERAZIONE DELLA GIUNTA COMUNALE N. 12 DEL 03/04/2023\n\nOGGETTO: <script>alert('oggetto')</script> approvazione convenzione \"><svg onload=alert(2)>\n\nLa Giunta approva la convenzione ai sensi dell'art. 107 del D.Lgs. 18 agosto 2000, n. 267.\n";

pub(super) struct Site {
    _dir: tempfile::TempDir,
    root: std::path::PathBuf,
    app: Router,
}

pub(super) fn site() -> Site {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archivio");
    std::fs::create_dir_all(archive.join("delibere")).unwrap();
    for f in [
        "delibera_giunta_2023_045.txt",
        "delibera_consiglio_2024_031.pdf",
        "peg_2021_Z001.pdf",
    ] {
        std::fs::copy(
            root().join("samples").join(f),
            archive.join("delibere").join(f),
        )
        .unwrap();
    }
    std::fs::write(archive.join(HOSTILE_NAME), HOSTILE_TEXT).unwrap();
    // Hostile PDFs of the shared corpus, when it is here.
    if let Some(robust) = shared("corpus/robust") {
        for f in [
            "lopdf_unicode.pdf",
            "pdfminer_issue-1113-evil-xobjects.pdf",
            "pdfjs_bad-PageLabels.pdf",
        ] {
            if robust.join(f).exists() {
                std::fs::copy(robust.join(f), archive.join(f)).unwrap();
            }
        }
    }
    atti_ok(dir.path(), &["ingest", "archivio", "--index", "idx"], 0);
    let app = app(&dir.path().join("idx"));
    Site {
        root: dir.path().to_owned(),
        _dir: dir,
        app,
    }
}

pub(super) fn app(index: &Path) -> Router {
    let sources = atti::rules::source::sources(None, true).unwrap();
    let checks = atti::compliance::Checks::load(&sources).unwrap();
    router(Arc::new(State::new(Index::open(index).unwrap(), checks)))
}

pub(super) struct Got {
    status: StatusCode,
    content_type: String,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Got {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub(super) async fn send(app: &Router, method: &str, uri: &str) -> Got {
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = axum::body::to_bytes(resp.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Got {
        status,
        content_type,
        headers,
        body,
    }
}

pub(super) async fn get(app: &Router, uri: &str) -> Got {
    send(app, "GET", uri).await
}

/// The doc_ids a result page links to, in order.
pub(super) fn doc_links(html: &str) -> Vec<String> {
    html.match_indices("href=\"/doc/")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect()
}

pub(super) fn assert_no_live_markup(html: &str) {
    for bad in [
        "<script",
        "<img",
        "<svg",
        "onerror=alert(1)>",
        "'oggetto')</",
    ] {
        assert!(!html.contains(bad), "unescaped `{bad}` in:\n{html}");
    }
}

mod routes;
mod safety;

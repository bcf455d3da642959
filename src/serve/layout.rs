//! The frame of every page (title, navigation, style sheet), the refusal
//! page, and the one style sheet, compiled into the binary.
//!
//! Pages are maud templates, compiled with the binary: every value placed
//! in them is HTML-escaped by maud unless it is marked as already safe,
//! which only [`marked`] does, after escaping the text itself.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::index::snippet::Passage;

/// The style sheet, served at `/static/atti.css`.
pub const CSS: &str = include_str!("assets/atti.css");

/// A whole page.
pub fn page(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="it" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · atti" }
                link rel="stylesheet" href="/static/atti.css";
            }
            body {
                header.top {
                    a.brand href="/" { "atti" }
                    a href="/" { "Ricerca" }
                    a href="/report" { "Conformità" }
                    a href="/reports" { "Elenchi da pubblicare" }
                }
                main { (body) }
            }
        }
    }
}

/// A passage with its matched words in `<mark>`, the text escaped.
pub fn marked(p: &Passage) -> Markup {
    PreEscaped(p.html())
}

/// A request that cannot be answered, with why, in Italian.
#[derive(Debug)]
pub struct Refusal {
    pub status: StatusCode,
    pub message: String,
}

impl Refusal {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Refusal {
        Refusal {
            status,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Refusal {
        Refusal::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> Refusal {
        Refusal::new(StatusCode::NOT_FOUND, message)
    }
}

impl From<crate::Error> for Refusal {
    fn from(e: crate::Error) -> Refusal {
        match e {
            // What was typed: the searcher's own message says what is wrong.
            crate::Error::Query(m) | crate::Error::Usage(m) => Refusal::bad_request(m),
            other => Refusal::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("errore interno: {other}"),
            ),
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let title = match self.status {
            StatusCode::NOT_FOUND => "Non trovato",
            StatusCode::FORBIDDEN => "Non consentito",
            StatusCode::BAD_REQUEST | StatusCode::URI_TOO_LONG => "Richiesta non valida",
            StatusCode::PAYLOAD_TOO_LARGE => "Troppi risultati",
            _ => "Errore",
        };
        let body = page(
            title,
            html! {
                h1 { (title) }
                p.refusal { (self.message) }
                p { a href="/" { "Torna alla ricerca" } }
            },
        );
        (
            self.status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            body.into_string(),
        )
            .into_response()
    }
}

/// A page as a response.
pub fn html_response(m: Markup) -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        m.into_string(),
    )
        .into_response()
}

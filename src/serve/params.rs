//! What a search address asks for, read and bounded once.
//!
//! The whole query is in the address (`/search?q=…&kind=…&year=…&body=…
//! &from=…&to=…&undated=1&sort=date&page=N`), so a search can be
//! bookmarked or sent by e-mail; [`Search::query_string`] writes it back
//! for the links of a page. Every value is bounded here, before the index
//! is asked anything: the query's length, the depth of paging, the length
//! of the address itself. An empty query lists every document that the
//! filters let through.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::index::search::Request;

/// The longest query, in characters.
pub const MAX_QUERY_CHARS: usize = 500;
/// The longest address query string, in bytes (a longer one is refused
/// before it is read).
pub const MAX_QUERY_STRING: usize = 4096;
/// Hits on one page (each hit's passage is cut from its whole text: the
/// main cost of a page).
pub const PAGE_SIZE: usize = 10;
/// The last page that can be asked for: paging goes 1000 hits deep.
pub const MAX_PAGE: usize = 100;
/// The most documents a download holds; a larger result set is refused
/// with a message (`atti export` has no bound).
pub const MAX_EXPORT: usize = 10_000;
/// The longest filter value (kind, body), in characters.
const MAX_VALUE_CHARS: usize = 200;

/// The parameters as the address gives them: every one optional text.
#[derive(Debug, Default, Deserialize)]
pub struct RawSearch {
    q: Option<String>,
    kind: Option<String>,
    year: Option<String>,
    body: Option<String>,
    from: Option<String>,
    to: Option<String>,
    undated: Option<String>,
    sort: Option<String>,
    page: Option<String>,
}

/// A search, validated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Search {
    pub q: String,
    pub kind: Option<String>,
    pub year: Option<i32>,
    pub body: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub undated: bool,
    pub by_date: bool,
    /// 1-based.
    pub page: usize,
}

/// The parameters written back, empty ones left out.
#[derive(Serialize)]
struct Written<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    q: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    undated: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<usize>,
}

/// A value typed in a form: absent when empty.
fn given(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

fn bounded(name: &str, v: Option<String>) -> Result<Option<String>, String> {
    match given(v) {
        Some(s) if s.chars().count() > MAX_VALUE_CHARS => Err(format!(
            "il valore di «{name}» è troppo lungo (al massimo {MAX_VALUE_CHARS} caratteri)"
        )),
        other => Ok(other),
    }
}

fn date(name: &str, v: Option<String>) -> Result<Option<NaiveDate>, String> {
    given(v)
        .map(|s| {
            atti_italian::date::parse_date(&s)
                .map_err(|_| format!("«{name}»: `{s}` non è una data (AAAA-MM-GG)"))
        })
        .transpose()
}

impl Search {
    /// Reads an address's query string (`q=…&kind=…`); the message says,
    /// in Italian, what is wrong.
    pub fn parse(query_string: &str) -> Result<Search, String> {
        if query_string.len() > MAX_QUERY_STRING {
            return Err(format!(
                "indirizzo troppo lungo (al massimo {MAX_QUERY_STRING} byte di parametri)"
            ));
        }
        let raw: RawSearch = serde_urlencoded::from_str(query_string)
            .map_err(|e| format!("parametri non leggibili: {e}"))?;
        Search::read(raw)
    }

    pub fn read(raw: RawSearch) -> Result<Search, String> {
        let q = raw.q.unwrap_or_default().trim().to_owned();
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err(format!(
                "ricerca troppo lunga (al massimo {MAX_QUERY_CHARS} caratteri)"
            ));
        }
        let year = given(raw.year)
            .map(|y| {
                y.parse::<i32>()
                    .ok()
                    .filter(|y| (1000..=9999).contains(y))
                    .ok_or_else(|| format!("«anno»: `{y}` non è un anno"))
            })
            .transpose()?;
        let by_date = match given(raw.sort).as_deref() {
            None | Some("relevance") => false,
            Some("date") => true,
            Some(other) => {
                return Err(format!(
                    "«ordine»: `{other}` non è un ordine (relevance o date)"
                ))
            }
        };
        let page = match given(raw.page) {
            None => 1,
            Some(p) => p
                .parse::<usize>()
                .ok()
                .filter(|p| (1..=MAX_PAGE).contains(p))
                .ok_or_else(|| format!("«pagina»: `{p}` non è una pagina tra 1 e {MAX_PAGE}"))?,
        };
        let search = Search {
            q,
            kind: bounded("tipo", raw.kind)?,
            year,
            body: bounded("organo", raw.body)?,
            from: date("dal", raw.from)?,
            to: date("al", raw.to)?,
            undated: given(raw.undated).is_some_and(|v| v != "0"),
            by_date,
            page,
        };
        if let (Some(from), Some(to)) = (search.from, search.to) {
            if from > to {
                return Err(format!(
                    "la data iniziale {from} viene dopo quella finale {to}"
                ));
            }
        }
        Ok(search)
    }

    /// The index request for `limit` hits after the first `offset`.
    pub fn request(&self, limit: usize, offset: usize) -> Request {
        Request {
            // No words: every document the filters let through.
            query: if self.q.is_empty() {
                "*".into()
            } else {
                self.q.clone()
            },
            kind: self.kind.clone(),
            year: self.year,
            from: self.from,
            to: self.to,
            limit,
            include_undated: self.undated,
            body: self.body.clone(),
            offset,
            by_date: self.by_date,
            ..Request::default()
        }
    }

    /// The request for this search's page of hits.
    pub fn page_request(&self) -> Request {
        self.request(PAGE_SIZE, (self.page - 1) * PAGE_SIZE)
    }

    /// The address's query string for this search at `page` (none: no
    /// page parameter, as for a download).
    pub fn query_string(&self, page: Option<usize>) -> String {
        let w = Written {
            q: &self.q,
            kind: self.kind.as_deref(),
            year: self.year,
            body: self.body.as_deref(),
            from: self.from,
            to: self.to,
            undated: self.undated.then_some(1),
            sort: self.by_date.then_some("date"),
            page: page.filter(|p| *p > 1),
        };
        serde_urlencoded::to_string(&w).unwrap_or_default()
    }

    /// Whether anything restricts the documents (words or filters).
    pub fn is_filtered(&self) -> bool {
        !self.q.is_empty()
            || self.kind.is_some()
            || self.year.is_some()
            || self.body.is_some()
            || self.from.is_some()
            || self.to.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_reads_back_as_it_is_written() {
        let s = Search::parse(
            "q=convenzione+%22servizi+sociali%22&kind=deliberation&year=2021&body=Giunta+Comunale&from=2021-01-01&to=31%2F12%2F2021&undated=1&sort=date&page=3",
        )
        .unwrap();
        assert_eq!(s.q, "convenzione \"servizi sociali\"");
        assert_eq!(s.to, NaiveDate::from_ymd_opt(2021, 12, 31));
        assert!(s.undated && s.by_date);
        assert_eq!(s.page_request().offset, 2 * PAGE_SIZE);
        let again = Search::parse(&s.query_string(Some(s.page))).unwrap();
        assert_eq!(again, s);
        assert_eq!(
            Search::parse("q=&kind=&year=").unwrap().query_string(None),
            ""
        );
    }

    #[test]
    fn what_is_out_of_bounds_is_refused_in_italian() {
        let long = format!("q={}", "a".repeat(MAX_QUERY_CHARS + 1));
        assert!(Search::parse(&long).unwrap_err().contains("troppo lunga"));
        assert!(Search::parse(&"x".repeat(MAX_QUERY_STRING + 1))
            .unwrap_err()
            .contains("troppo lungo"));
        assert!(Search::parse("page=101").unwrap_err().contains("pagina"));
        assert!(Search::parse("page=0").is_err());
        assert!(Search::parse("year=duemila").unwrap_err().contains("anno"));
        assert!(Search::parse("from=ieri")
            .unwrap_err()
            .contains("non è una data"));
        assert!(Search::parse("from=2022-01-01&to=2021-01-01").is_err());
        assert!(Search::parse("sort=random").is_err());
    }
}

//! HTML pages: the main text only.
//!
//! Web pages of municipalities wrap one act in menus, cookie banners, search
//! boxes and footers. We parse with html5ever (through `scraper`), which
//! copes with the broken markup of old sites, then keep the text of the main
//! content: `<main>`, `role="main"` or `<article>` when the page marks one,
//! else the body. Scripts, styles, navigation, headers, footers, forms and
//! asides are never text. Block elements end lines, so paragraphs and table
//! rows stay apart for the rules; the page's tables are also given as grids
//! of cells ([`super::html_tables`]).

use scraper::{ElementRef, Html, Node, Selector};

use super::text::{clean, decode};
use super::{Limits, Page, Reading};
use crate::error::Result;

/// Elements whose content is never document text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select", "option", "head", "object", "canvas", "dialog",
];

/// ARIA roles of page chrome.
const SKIP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alert",
];

/// Elements that end a line.
const BLOCK: &[&str] = &[
    "div",
    "br",
    "li",
    "tr",
    "dd",
    "dt",
    "hr",
    "address",
    "figcaption",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "body",
    "center",
];

/// Elements that stand apart as paragraphs (a blank line before and after).
const PARAGRAPH: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "dl",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
];

/// Extracts the main text of an HTML page: one page.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Reading> {
    let (source, encoding) = decode(bytes);
    let doc = Html::parse_document(&source);
    let title = first_text(&doc, "title").or_else(|| first_text(&doc, "h1"));
    let root = main_content(&doc);
    let mut raw = String::new();
    if let Some(root) = root {
        collect(root, &mut raw, 0);
    }
    let (text, truncated) = clean(&tidy(&raw), limits.max_chars);
    let tables = root
        .map(|r| super::html_tables::tables(r, &text, is_chrome))
        .unwrap_or_default();
    let mut warnings = Vec::new();
    if truncated {
        warnings.push(format!("testo tagliato a {} caratteri", limits.max_chars));
    }
    Ok(Reading {
        pages: vec![Page {
            number: 1,
            text,
            tables,
            ..Page::default()
        }],
        extractor: if encoding == "utf-8" {
            "html".into()
        } else {
            format!("html/{encoding}")
        },
        title_hint: title,
        warnings,
        ..Reading::default()
    })
}

fn first_text(doc: &Html, sel: &str) -> Option<String> {
    let s = Selector::parse(sel).ok()?;
    let e = doc.select(&s).next()?;
    let t = e.text().collect::<Vec<_>>().join(" ");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// The element holding the page's main content.
fn main_content(doc: &Html) -> Option<ElementRef<'_>> {
    for sel in [
        "main",
        "[role=main]",
        "article",
        "#content",
        "#main-content",
        "body",
    ] {
        let s = Selector::parse(sel).expect("valid selector");
        if let Some(e) = doc
            .select(&s)
            .find(|e| !e.text().all(|t| t.trim().is_empty()))
        {
            return Some(e);
        }
    }
    Some(doc.root_element())
}

fn is_chrome(e: &scraper::node::Element) -> bool {
    if SKIP.contains(&e.name()) {
        return true;
    }
    if e.attr("role").is_some_and(|r| SKIP_ROLES.contains(&r)) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    let marks = format!(
        "{} {}",
        e.attr("id").unwrap_or_default(),
        e.attr("class").unwrap_or_default()
    )
    .to_ascii_lowercase();
    [
        "cookie",
        "breadcrumb",
        "navbar",
        "menu",
        "skip-link",
        "skiplink",
        "share",
        "social",
    ]
    .iter()
    .any(|m| marks.contains(m))
}

fn collect(e: ElementRef<'_>, out: &mut String, depth: usize) {
    // html5ever builds deep trees from hostile input; past this depth the
    // text is still taken, flat, without recursion.
    if depth > 256 {
        out.push_str(&e.text().collect::<Vec<_>>().join(" "));
        return;
    }
    let mut first_cell = true;
    for child in e.children() {
        match child.value() {
            // White space in HTML text is one space; only blocks end lines.
            Node::Text(t) => {
                for (i, part) in t.split(char::is_whitespace).enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    out.push_str(part);
                }
            }
            Node::Element(el) => {
                if is_chrome(el) {
                    continue;
                }
                let name = el.name();
                let breaks = if PARAGRAPH.contains(&name) {
                    2
                } else if BLOCK.contains(&name) {
                    1
                } else {
                    0
                };
                end_lines(out, breaks);
                // Table cells are kept apart by tabs, empty ones included, so
                // a rule can tell which column a mark stands in.
                if matches!(name, "td" | "th") {
                    if !first_cell {
                        out.push('\t');
                    }
                    first_cell = false;
                }
                if let Some(ce) = ElementRef::wrap(child) {
                    collect(ce, out, depth + 1);
                }
                end_lines(out, breaks);
            }
            _ => {}
        }
    }
}

/// Ends the text so far with at least `n` line breaks (0: nothing).
fn end_lines(out: &mut String, n: usize) {
    if n == 0 || out.is_empty() {
        return;
    }
    let have = out.len() - out.trim_end_matches([' ', '\n']).len();
    let trailing_newlines = out[out.len() - have..].matches('\n').count();
    for _ in trailing_newlines..n {
        out.push('\n');
    }
}

/// Folds runs of spaces inside lines (tabs between cells stay) and runs of
/// blank lines, keeping one blank line between paragraphs.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank = 0;
    for line in raw.lines() {
        let cells: Vec<String> = line
            .split('\t')
            .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        let l = cells.join("\t");
        if l.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(&l);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_main_text_and_drops_chrome() {
        let html = r#"<!doctype html><html><head><title>Ufficio di Piano</title>
            <style>p{color:red}</style><script>var x = "no";</script></head>
            <body><nav><a>Home</a> <a>Menu</a></nav>
            <div class="cookie-banner">Questo sito usa cookie</div>
            <main><h1>Ufficio di Piano</h1><p>L&rsquo;Assemblea dei Sindaci del 01.12.2021
            ha approvato il protocollo.</p><p>Con validit&agrave; fino al 31 dicembre 2023.</p>
            <table><tr><td>Corsico</td><td>Presente</td></tr></table></main>
            <footer>Via Roma 1</footer></body></html>"#;
        let e = read(html.as_bytes(), &Limits::default()).unwrap();
        let t = &e.pages[0].text;
        assert_eq!(e.title_hint.as_deref(), Some("Ufficio di Piano"));
        assert!(
            t.contains("L’Assemblea dei Sindaci del 01.12.2021 ha approvato il protocollo."),
            "{t}"
        );
        assert!(t.contains("Con validità fino al 31 dicembre 2023."));
        assert!(t.contains("Corsico\tPresente"));
        for junk in ["var x", "color", "Home", "cookie", "Via Roma"] {
            assert!(!t.contains(junk), "{junk} in {t}");
        }
    }

    #[test]
    fn broken_markup_and_latin1_still_read() {
        let html = b"<html><body><p>Deliberazione n. 5<p>Citt\xe0 di <b>Corsico</div></table>";
        let e = read(html, &Limits::default()).unwrap();
        assert_eq!(e.pages[0].text, "Deliberazione n. 5\n\nCittà di Corsico\n");
        assert_eq!(e.extractor, "html/latin-1");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "fondo" + &"</div>".repeat(100_000);
        let e = read(html.as_bytes(), &Limits::default()).unwrap();
        assert!(e.pages[0].text.contains("fondo"));
    }
}

//! The passage that matched: a short piece of the body with the matched
//! words marked.
//!
//! The words to mark are the query's terms in every field, analysed again
//! as body text, so `director:ascione` or `code:2021_Z001` also light up in
//! the passage. A [`Passage`] keeps the marks as byte ranges and is rendered
//! either plain, with the matched words between `[[` and `]]` (what `--json`
//! and a pipe get: the brackets never occur in Italian administrative text,
//! unlike «» which are its quotation marks), or with ANSI bold red for a
//! terminal.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;
use tantivy::query::Query;
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{Searcher, TantivyDocument, Term};

use super::analyser;
use super::schema::Fields;
use crate::error::Result;

/// Plain markers around a matched word.
pub const OPEN: &str = "[[";
pub const CLOSE: &str = "]]";
const ANSI_OPEN: &str = "\x1b[1;31m";
const ANSI_CLOSE: &str = "\x1b[0m";

/// Characters of body text a passage shows at most.
const MAX_CHARS: usize = 200;

/// A piece of text with the matched words as byte ranges of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Passage {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

impl Passage {
    /// With the matched words between `open` and `close`.
    pub fn render(&self, open: &str, close: &str) -> String {
        self.render_with(open, close, |s| s.into())
    }

    /// As [`Passage::render`], with the document's text made safe for a
    /// terminal (its control characters shown as escapes) and only the
    /// marks' own sequences left to act.
    pub fn render_for_terminal(&self, open: &str, close: &str) -> String {
        self.render_with(open, close, crate::escape::terminal)
    }

    fn render_with<'a>(
        &'a self,
        open: &str,
        close: &str,
        piece: impl Fn(&'a str) -> std::borrow::Cow<'a, str>,
    ) -> String {
        let mut out = String::with_capacity(self.text.len() + 8 * self.marks.len());
        let mut at = 0;
        for m in &self.marks {
            if m.start < at || m.end > self.text.len() {
                continue;
            }
            out.push_str(&piece(&self.text[at..m.start]));
            out.push_str(open);
            out.push_str(&piece(&self.text[m.clone()]));
            out.push_str(close);
            at = m.end;
        }
        out.push_str(&piece(&self.text[at..]));
        out
    }

    /// For a web page: the text HTML-escaped, the matched words in
    /// `<mark>`.
    pub fn html(&self) -> String {
        self.render_with("<mark>", "</mark>", |s| {
            std::borrow::Cow::Owned(crate::escape::html(s))
        })
    }

    /// Matched words between `[[` and `]]`.
    pub fn plain(&self) -> String {
        self.render(OPEN, CLOSE)
    }

    /// Matched words in bold red, for a terminal (the text escaped).
    pub fn ansi(&self) -> String {
        self.render_for_terminal(ANSI_OPEN, ANSI_CLOSE)
    }
}

/// Cuts passages for the hits of one query.
pub struct Highlighter {
    generator: SnippetGenerator,
    body: tantivy::schema::Field,
    /// The query's terms, as the body analyser makes them.
    terms: std::collections::BTreeSet<String>,
}

impl Highlighter {
    pub fn new(searcher: &Searcher, query: &dyn Query, fields: &Fields) -> Result<Highlighter> {
        let mut body_terms: Vec<String> = Vec::new();
        let mut italian = analyser::italian();
        query.query_terms(&mut |term, _| {
            let value = term.value();
            let Some(text) = value.as_str() else {
                return;
            };
            if term.field() == fields.body {
                body_terms.push(text.to_owned());
            } else {
                body_terms.extend(analyser::terms(&mut italian, text));
            }
        });
        let terms = body_terms.iter().cloned().collect();
        let mut weights = BTreeMap::new();
        for t in body_terms {
            let df = searcher.doc_freq(&Term::from_field_text(fields.body, &t))?;
            if df > 0 {
                // Rarer words weigh more in choosing the passage; a bare
                // number (the `2021` of `2021_Z001`, a date's day) weighs
                // little, or a list of dates would win over the code.
                let number = if t.bytes().all(|b| b.is_ascii_digit()) {
                    0.1
                } else {
                    1.0
                };
                weights.insert(t, number / (1.0 + df as f32));
            }
        }
        let mut generator =
            SnippetGenerator::new(weights, analyser::italian(), fields.body, MAX_CHARS);
        generator.set_max_num_chars(MAX_CHARS);
        Ok(Highlighter {
            generator,
            body: fields.body,
            terms,
        })
    }

    /// A short text (a title) whole, with the query's words marked.
    pub fn mark(&self, text: &str) -> Passage {
        let mut analyser = analyser::italian();
        let mut stream = analyser.token_stream(text);
        let mut marks: Vec<Range<usize>> = Vec::new();
        while let Some(t) = tantivy::tokenizer::TokenStream::next(&mut stream) {
            if self.terms.contains(&t.text) {
                let r = t.offset_from..t.offset_to;
                // Parts of one word split at an apostrophe can repeat a range.
                if marks.last().is_none_or(|m| m.end <= r.start) {
                    marks.push(r);
                }
            }
        }
        Passage {
            text: text.to_owned(),
            marks,
        }
    }

    /// The best passage of a stored document; its beginning when no query
    /// word occurs in the body.
    pub fn passage(&self, doc: &TantivyDocument) -> Passage {
        let mut text = String::new();
        for v in doc.get_all(self.body).filter_map(|v| v.as_str()) {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(v);
        }
        let snippet = self.generator.snippet(&text);
        if snippet.is_empty() {
            let end = text
                .char_indices()
                .nth(MAX_CHARS)
                .map_or(text.len(), |(i, _)| i);
            return tidy(&text, 0..end, &[]);
        }
        let range = snippet.fragment_range();
        let marks: Vec<Range<usize>> = snippet
            .highlighted()
            .iter()
            .map(|r| r.start + range.start..r.end + range.start)
            .collect();
        tidy(&text, range, &marks)
    }
}

/// The passage `range` of `text`, with runs of white space made one space,
/// an ellipsis where the text goes on, and `marks` (byte ranges of `text`)
/// moved onto the new text.
fn tidy(text: &str, range: Range<usize>, marks: &[Range<usize>]) -> Passage {
    let mut out = String::new();
    let mut new_marks = Vec::new();
    if range.start > 0 {
        out.push('…');
    }
    let mut space = false;
    let mut open: Option<usize> = None;
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        if marks.iter().any(|m| m.start == at) {
            if space && !out.is_empty() && !out.ends_with('…') {
                out.push(' ');
            }
            space = false;
            open = Some(out.len());
        }
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() && !out.ends_with('…') {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
        if let Some(s) = open {
            if marks.iter().any(|m| m.end == at + c.len_utf8()) {
                new_marks.push(s..out.len());
                open = None;
            }
        }
    }
    if range.end < text.len() {
        out.push('…');
    }
    Passage {
        text: out,
        marks: new_marks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_moves_marks_and_collapses_space() {
        let text = "Comune e\n  Città   metropolitana dovranno";
        let a = text.find("Città").unwrap();
        let b = text.find("metropolitana").unwrap();
        let p = tidy(
            text,
            0..text.len(),
            &[a..a + "Città".len(), b..b + "metropolitana".len()],
        );
        assert_eq!(p.plain(), "Comune e [[Città]] [[metropolitana]] dovranno");
        assert_eq!(
            p.ansi(),
            "Comune e \x1b[1;31mCittà\x1b[0m \x1b[1;31mmetropolitana\x1b[0m dovranno"
        );
        let p = tidy(text, 9..text.len() - 9, &[a..a + "Città".len()]);
        assert_eq!(p.plain(), "…[[Città]] metropolitana…");
    }

    #[test]
    fn titles_are_marked_whole() {
        let mut terms = BTreeMap::new();
        terms.insert("convenzion".to_string(), 1.0);
        let h = Highlighter {
            generator: SnippetGenerator::new(
                terms,
                analyser::italian(),
                tantivy::schema::Field::from_field_id(0),
                100,
            ),
            body: tantivy::schema::Field::from_field_id(0),
            terms: ["convenzion".to_string(), "citt".to_string()]
                .into_iter()
                .collect(),
        };
        assert_eq!(
            h.mark("Approvazione delle convenzioni con la Città")
                .plain(),
            "Approvazione delle [[convenzioni]] con la [[Città]]"
        );
    }

    #[test]
    fn markers_are_not_html() {
        let p = Passage {
            text: "A & B < C".into(),
            marks: vec![0..1],
        };
        assert_eq!(p.plain(), "[[A]] & B < C");
    }
}

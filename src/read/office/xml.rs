//! XML parts of office files, read as a stream of plain events, safely.
//!
//! Office XML (OOXML, ODF) never declares a DTD, so a part that does is
//! refused outright: no entity it could define (the "billion laughs", an
//! external file) is ever expanded. Only the five predefined entities and
//! character references are resolved; any other reference is an error.
//! Elements nest at most [`MAX_DEPTH`] deep. Names are local names (the
//! namespace prefix dropped: `w:p` is `p`), which is what the readers match.

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::error::{Error, Result};

/// Deepest nesting of elements in one part.
pub const MAX_DEPTH: usize = 256;

/// One event of a part.
#[derive(Debug, Clone, PartialEq)]
pub enum Ev {
    /// An element opens (`empty`: it closes at once, `<w:tab/>`).
    Start {
        name: String,
        attrs: Attrs,
        empty: bool,
    },
    End(String),
    Text(String),
}

/// An element's attributes by local name, in the order written. A few per
/// element: a scan is cheaper than hashing each name (the readers ask for
/// one or two of them, on every element of every part).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Attrs(Vec<(String, String)>);

impl Attrs {
    /// The value of the attribute of this local name (the first, if twice).
    pub fn get(&self, key: &str) -> Option<&String> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

impl std::ops::Index<&str> for Attrs {
    type Output = String;
    fn index(&self, key: &str) -> &String {
        self.get(key).expect("no such attribute")
    }
}

/// Calls `f` with every event of `xml`, in order; `f` returns `false` to stop.
pub fn walk(xml: &[u8], part: &str, f: impl FnMut(Ev) -> bool) -> Result<()> {
    walk_some(xml, part, |_| true, true, f)
}

/// [`walk`] for a reader that wants a few elements of a large part: only
/// the elements whose local name `keep` accepts are given (their start
/// with its attributes, and their end), and text only when `text`. The
/// part is checked as [`walk`] checks it (no DTD, nesting, entities); what
/// is not given is not decoded.
pub fn walk_some(
    xml: &[u8],
    part: &str,
    keep: impl Fn(&str) -> bool,
    text: bool,
    mut f: impl FnMut(Ev) -> bool,
) -> Result<()> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let bad = |m: String| Error::Office(format!("XML non valido in {part}: {m}"));
    loop {
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| bad(e.to_string()))?;
        let out = match ev {
            Event::DocType(_) => {
                return Err(Error::Limit(format!(
                    "{part} dichiara un DTD (<!DOCTYPE>): le entità XML non sono espanse (billion laughs?)"
                )))
            }
            Event::Start(ref s) | Event::Empty(ref s) => {
                let empty = matches!(ev, Event::Empty(_));
                if !empty {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(Error::Limit(format!(
                            "{part}: elementi XML annidati oltre {MAX_DEPTH} livelli"
                        )));
                    }
                }
                let name = local(s.name().as_ref());
                if !keep(&name) {
                    buf.clear();
                    continue;
                }
                let mut attrs = Vec::new();
                for a in s.attributes().with_checks(false).flatten() {
                    let v = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|e| bad(e.to_string()))?;
                    let k = local(a.key.as_ref());
                    // A name written twice (prefixes apart) keeps its last
                    // value, as the map this was did.
                    match attrs.iter_mut().find(|(n, _): &&mut (String, String)| *n == k) {
                        Some(slot) => slot.1 = v.into_owned(),
                        None => attrs.push((k, v.into_owned())),
                    }
                }
                let attrs = Attrs(attrs);
                Some(Ev::Start { name, attrs, empty })
            }
            Event::End(ref e) => {
                depth = depth.saturating_sub(1);
                let name = local(e.name().as_ref());
                keep(&name).then_some(Ev::End(name))
            }
            Event::Text(ref t) if text => Some(Ev::Text(t.xml10_content().into_owned())),
            Event::CData(ref t) if text => Some(Ev::Text(t.xml10_content().into_owned())),
            Event::GeneralRef(ref r) => {
                let c = match r.resolve_char_ref().map_err(|e| bad(e.to_string()))? {
                    Some(c) => c.to_string(),
                    None => match r.as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => {
                            return Err(Error::Limit(format!(
                                "{part}: entità XML &{other}; non espansa"
                            )))
                        }
                    },
                };
                text.then_some(Ev::Text(c))
            }
            Event::Eof => return Ok(()),
            _ => None,
        };
        if let Some(e) = out {
            if !f(e) {
                return Ok(());
            }
        }
        buf.clear();
    }
}

/// A name without its namespace prefix.
fn local(name: &str) -> String {
    match name.rsplit_once(':') {
        Some((_, n)) => n.to_owned(),
        None => name.to_owned(),
    }
}

/// The events of a part, collected (for tests).
#[cfg(test)]
pub fn events(xml: &[u8], part: &str) -> Result<Vec<Ev>> {
    let mut v = Vec::new();
    walk(xml, part, |e| {
        v.push(e);
        true
    })?;
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn billion_laughs_is_refused_not_expanded() {
        let xml = br#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<w:document><w:t>&lol2;</w:t></w:document>"#;
        let err = events(xml, "word/document.xml").unwrap_err();
        assert!(matches!(err, Error::Limit(_)), "{err}");
        assert!(err.to_string().contains("DTD"), "{err}");
        // Without the DTD, an unknown entity is not expanded either.
        let err = events(b"<a>&lol2;</a>", "x.xml").unwrap_err();
        assert!(err.to_string().contains("&lol2;"), "{err}");
    }

    #[test]
    fn names_lose_their_prefix_and_references_resolve() {
        let ev = events(br#"<w:p w:rsid="1"><w:t>A &amp; B &#232;</w:t></w:p>"#, "x").unwrap();
        let text: String = ev
            .iter()
            .filter_map(|e| match e {
                Ev::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(text, "A & B è");
        assert!(
            matches!(&ev[0], Ev::Start { name, attrs, .. } if name == "p" && attrs["rsid"] == "1")
        );
    }

    #[test]
    fn walk_some_gives_the_kept_elements_only_and_checks_the_rest() {
        let xml = br#"<a:r><a:x n="1"><a:y k="2">t</a:y></a:x><a:x/></a:r>"#;
        let mut got = Vec::new();
        walk_some(
            xml,
            "x",
            |n| n == "x",
            false,
            |e| {
                got.push(e);
                true
            },
        )
        .unwrap();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            matches!(&got[0], Ev::Start { name, attrs, .. } if name == "x" && attrs["n"] == "1")
        );
        assert_eq!(got[1], Ev::End("x".into()));
        let dtd = br#"<!DOCTYPE a [<!ENTITY e "e">]><a/>"#;
        assert!(matches!(
            walk_some(dtd, "x", |_| false, false, |_| true),
            Err(Error::Limit(_))
        ));
        assert!(walk_some(b"<a>&e;</a>", "x", |_| false, false, |_| true).is_err());
    }

    #[test]
    fn nesting_is_bounded() {
        let xml = "<a>".repeat(MAX_DEPTH + 1);
        assert!(matches!(events(xml.as_bytes(), "x"), Err(Error::Limit(_))));
    }
}

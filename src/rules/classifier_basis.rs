//! What a classifier's class rests on: the provisions its reference cues
//! look for, and how the provision cited near the words that decided a
//! class (its `basis`, chosen by [`super::classifier`]) is written: as a
//! short citation.

use crate::record::Reference;

/// A provision a reference cue looks for: every part given must agree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provision {
    pub act_type: String,
    pub number: Option<String>,
    pub year: Option<i32>,
    pub article: Option<String>,
    pub paragraph: Option<String>,
    pub letter: Option<String>,
}

impl Provision {
    /// Reads a provision in brief: `decreto_legislativo 36/2023 art. 50 c. 1 lett. b`.
    pub fn parse(s: &str) -> Result<Provision, String> {
        let mut words = s.split_whitespace();
        let act_type = words
            .next()
            .ok_or_else(|| "an empty provision".to_owned())?
            .to_owned();
        let mut p = Provision {
            act_type,
            ..Provision::default()
        };
        let bad = || format!("provision `{s}`: `type N/YYYY [art. A] [c. P] [lett. L]` expected");
        if let Some(w) = words.next() {
            let (n, y) = w.split_once('/').ok_or_else(bad)?;
            p.number = Some(n.to_owned());
            p.year = Some(y.parse().map_err(|_| bad())?);
        }
        while let Some(label) = words.next() {
            let v = words.next().ok_or_else(bad)?.to_owned();
            match label {
                "art." => p.article = Some(v),
                "c." => p.paragraph = Some(v),
                "lett." => p.letter = Some(v),
                _ => return Err(bad()),
            }
        }
        Ok(p)
    }

    pub fn matches(&self, r: &Reference) -> bool {
        fn agree(want: &Option<String>, got: &Option<String>) -> bool {
            want.as_ref()
                .is_none_or(|w| got.as_ref().is_some_and(|g| g.eq_ignore_ascii_case(w)))
        }
        r.act_type.as_deref() == Some(self.act_type.as_str())
            && agree(&self.number, &r.number)
            && self.year.is_none_or(|y| r.year == Some(y))
            && agree(&self.article, &r.article)
            && agree(&self.paragraph, &r.paragraph)
            && agree(&self.letter, &r.letter)
    }
}

/// A compiled `basis`.
#[derive(Debug, Clone)]
pub struct Basis {
    pub field: String,
    pub urn_field: Option<String>,
    pub window: usize,
    pub acts: Vec<Provision>,
    pub not: Vec<Provision>,
    pub abbreviations: Vec<(String, String)>,
}

/// A reference as a short citation: `d.lgs. 36/2023 art. 50 c. 1 lett. b`.
pub fn citation(b: &Basis, r: &Reference) -> String {
    let t = r.act_type.as_deref().unwrap_or("");
    let act = b
        .abbreviations
        .iter()
        .find(|(k, _)| k == t)
        .map_or_else(|| t.replace('_', " "), |(_, v)| v.clone());
    act + &r.brief_parts()
}

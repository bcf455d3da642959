//! A rule's regex, compiled the first time a document needs it.
//!
//! The built-in rules hold some hundreds of regexes, and building one with
//! the `regex` crate (its forward and reverse automata, its prefilters) is
//! what loading the rules costs: about 0.1 s of CPU in each process of an
//! ingest, the parent and each worker, before the first file is read. Most
//! documents need only the rules of their kind (a PEG sheet never runs the
//! deliberation rules), so a rule's regex is compiled when it is first
//! searched with, once per process. Loading still checks every regex at
//! start in the process that validates the rules ([`super::limits`]: it is
//! parsed and its forward automaton compiled, within the same limits), so a
//! mistake in a rules file still stops the load naming its file and line;
//! a worker, whose parent checked the same files, only keeps the pattern.
//!
//! [`Regex`] dereferences to [`regex::Regex`], so the rules search with it
//! as with the crate's type; [`Regex::as_str`] answers without compiling.
//! Its own `is_match`, `find`, `captures` and their kin (found before the
//! crate's) skip ahead on the fast automaton with the pattern's word
//! boundaries taken out ([`atti_italian::skip`]): the same matches, without
//! the slow engine over the accented text where none can start.

use std::collections::HashMap;
use std::fmt;
use std::ops::Deref;
use std::sync::{Mutex, OnceLock};

use atti_italian::skip;

/// A regex compiled on first use (or at once, by [`Regex::new`]).
#[derive(Clone)]
pub struct Regex {
    pattern: String,
    size_limit: usize,
    dfa_size_limit: usize,
    compiled: OnceLock<Option<regex::Regex>>,
    /// The names of its groups, by index (group 0 first), read from the
    /// parsed pattern when they are asked for before it is compiled.
    names: OnceLock<Vec<Option<String>>>,
    /// The pattern without its Unicode word boundaries, compiled when first
    /// searched with (`None`: none to take out, see [`atti_italian::skip`]).
    wide: OnceLock<Option<regex::Regex>>,
}

impl Regex {
    /// Compiles `pattern` now, with the crate's default limits.
    pub fn new(pattern: &str) -> Result<Regex, regex::Error> {
        regex::Regex::new(pattern).map(Regex::compiled)
    }

    /// A regex compiled already.
    pub fn compiled(re: regex::Regex) -> Regex {
        Regex {
            pattern: re.as_str().to_owned(),
            size_limit: 0,
            dfa_size_limit: 0,
            compiled: OnceLock::from(Some(re)),
            names: OnceLock::new(),
            wide: OnceLock::new(),
        }
    }

    /// A pattern to compile when first searched with, within these limits
    /// (the `regex` crate's `size_limit` and `dfa_size_limit`).
    pub fn lazy(pattern: String, size_limit: usize, dfa_size_limit: usize) -> Regex {
        Regex {
            pattern,
            size_limit,
            dfa_size_limit,
            compiled: OnceLock::new(),
            names: OnceLock::new(),
            wide: OnceLock::new(),
        }
    }

    /// The pattern, as written (never compiles it).
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The names of the capture groups in the order of their indices, group
    /// 0 (never named) first, as [`regex::Regex::capture_names`] gives them;
    /// read from the parsed pattern, which costs a small part of compiling
    /// it, when the regex is not compiled yet.
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> {
        self.names
            .get_or_init(|| {
                if let Some(Some(re)) = self.compiled.get() {
                    return re.capture_names().map(|n| n.map(str::to_owned)).collect();
                }
                match regex_syntax::ast::parse::Parser::new().parse(&self.pattern) {
                    Ok(ast) => {
                        let mut names = vec![None];
                        groups(&ast, &mut names);
                        names
                    }
                    Err(_) => self
                        .deref()
                        .capture_names()
                        .map(|n| n.map(str::to_owned))
                        .collect(),
                }
            })
            .iter()
            .map(|n| n.as_deref())
    }

    /// The compiled regex, `None` when the pattern does not compile within
    /// its limits.
    pub fn get(&self) -> Option<&regex::Regex> {
        self.compiled
            .get_or_init(|| shared(&self.pattern, self.size_limit, self.dfa_size_limit))
            .as_ref()
    }
}

/// The regexes compiled in this process, by pattern and limits: a pattern
/// that several rules write alike (the `before` sections of the act rules
/// repeat a few patterns tens of times) is compiled once. A clone of a
/// [`regex::Regex`] shares its automata and keeps a search cache of its own.
type Compiled = HashMap<(String, usize, usize), Option<regex::Regex>>;

static COMPILED: OnceLock<Mutex<Compiled>> = OnceLock::new();

/// `pattern` compiled within these limits (`0`: the crate's default), or
/// the same compiled before in this process. The lock is not held while a
/// pattern compiles (two threads may then compile one pattern twice).
fn shared(pattern: &str, size_limit: usize, dfa_size_limit: usize) -> Option<regex::Regex> {
    let cache = COMPILED.get_or_init(Mutex::default);
    let key = (pattern.to_owned(), size_limit, dfa_size_limit);
    if let Some(re) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return re;
    }
    let mut b = regex::RegexBuilder::new(pattern);
    if size_limit > 0 {
        b.size_limit(size_limit).dfa_size_limit(dfa_size_limit);
    }
    let re = b.build().ok();
    if let Ok(mut c) = cache.lock() {
        c.insert(key, re.clone());
    }
    re
}

/// Searches that skip ahead on the wide pattern (see the module): the
/// matches of [`regex::Regex`]'s methods of the same names.
impl Regex {
    fn wide(&self) -> Option<&regex::Regex> {
        self.wide
            .get_or_init(|| {
                let wide = atti_italian::skip::widen(&self.pattern)?;
                shared(&wide, self.size_limit, self.dfa_size_limit)
            })
            .as_ref()
    }

    pub fn is_match(&self, text: &str) -> bool {
        skip::is_match_at(self, self.wide(), text, 0)
    }

    pub fn is_match_at(&self, text: &str, start: usize) -> bool {
        skip::is_match_at(self, self.wide(), text, start)
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<regex::Match<'t>> {
        skip::find_at(self, self.wide(), text, 0)
    }

    pub fn find_at<'t>(&self, text: &'t str, start: usize) -> Option<regex::Match<'t>> {
        skip::find_at(self, self.wide(), text, start)
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<regex::Captures<'t>> {
        skip::captures_at(self, self.wide(), text, 0)
    }

    pub fn captures_at<'t>(&self, text: &'t str, start: usize) -> Option<regex::Captures<'t>> {
        skip::captures_at(self, self.wide(), text, start)
    }

    pub fn captures_iter<'r, 't: 'r>(
        &'r self,
        text: &'t str,
    ) -> impl Iterator<Item = regex::Captures<'t>> + 'r {
        skip::captures_iter(self, self.wide(), text)
    }

    pub fn find_iter<'r, 't: 'r>(
        &'r self,
        text: &'t str,
    ) -> impl Iterator<Item = regex::Match<'t>> + 'r {
        skip::find_iter(self, self.wide(), text)
    }
}

/// The capture groups of a parsed pattern, each at its index. The syntax
/// tree is enough: the parser numbers the groups, and translating it (where
/// Unicode classes are spelled out) costs far more than the names are worth.
fn groups(ast: &regex_syntax::ast::Ast, names: &mut Vec<Option<String>>) {
    use regex_syntax::ast::{Ast, GroupKind};
    match ast {
        Ast::Group(g) => {
            let (i, name) = match &g.kind {
                GroupKind::CaptureIndex(i) => (Some(*i), None),
                GroupKind::CaptureName { name, .. } => (Some(name.index), Some(name.name.clone())),
                GroupKind::NonCapturing(_) => (None, None),
            };
            if let Some(i) = i.map(|i| i as usize) {
                if names.len() <= i {
                    names.resize(i + 1, None);
                }
                names[i] = name;
            }
            groups(&g.ast, names);
        }
        Ast::Concat(c) => c.asts.iter().for_each(|a| groups(a, names)),
        Ast::Alternation(a) => a.asts.iter().for_each(|a| groups(a, names)),
        Ast::Repetition(r) => groups(&r.ast, names),
        _ => {}
    }
}

impl Deref for Regex {
    type Target = regex::Regex;

    /// The compiled regex. A rule's pattern was checked when the rules were
    /// loaded (by this process or by the parent that started it), so it
    /// compiles; if it did not, the panic is the file's failure, caught by
    /// the worker like any other.
    fn deref(&self) -> &regex::Regex {
        self.get().unwrap_or_else(|| {
            panic!(
                "la regex di una regola non si compila più: {}",
                self.pattern
            )
        })
    }
}

impl fmt::Debug for Regex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Regex").field(&self.pattern).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lazy_regex_compiles_when_first_used_and_answers_its_pattern_before() {
        let re = Regex::lazy(r"(?m)^art\.\s*(\d+)".into(), 1 << 20, 1 << 20);
        assert_eq!(re.as_str(), r"(?m)^art\.\s*(\d+)");
        assert!(re.compiled.get().is_none());
        assert_eq!(&re.captures("x\nart. 12").unwrap()[1], "12");
        assert!(re.compiled.get().is_some());
    }

    #[test]
    fn capture_names_before_compiling_are_those_of_the_compiled_regex() {
        for p in [
            r"(?m)^(?P<n>\d+)(?:/(?P<y>\d{4}))?(x)|(?<z>a(?P<w>b))",
            r"no groups",
            r"((a)(?P<b>b))*",
            r"(?x) (?P<a> \( [(] ) \# ( b ) # (not a group)
               | (?i: (?<c>\p{L}+) )",
        ] {
            let lazy = Regex::lazy(p.into(), 1 << 20, 1 << 20);
            let names: Vec<_> = lazy.capture_names().collect();
            assert!(lazy.compiled.get().is_none());
            let re = regex::Regex::new(p).unwrap();
            assert_eq!(names, re.capture_names().collect::<Vec<_>>(), "{p}");
        }
    }

    #[test]
    fn its_searches_find_what_the_crates_find_on_accented_text() {
        let p = r"(?mi)^\s*\bdetermin(?:a|azione)\b\s+n\.?\s*(?P<n>\d+)|\bcittà\b";
        let lazy = Regex::lazy(p.into(), 1 << 20, 1 << 20);
        let re = regex::Regex::new(p).unwrap();
        let t =
            "è già\nDeterminazione n. 12 città\npredeterminazione n. 5\n la determina n.4 cittàò";
        let spans = |c: regex::Captures| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>();
        assert_eq!(
            lazy.captures_iter(t).map(spans).collect::<Vec<_>>(),
            re.captures_iter(t).map(spans).collect::<Vec<_>>()
        );
        assert!(lazy.wide().is_some());
        for at in (0..t.len()).filter(|&i| t.is_char_boundary(i)) {
            assert_eq!(lazy.find_at(t, at), re.find_at(t, at));
            assert_eq!(lazy.is_match_at(t, at), re.is_match_at(t, at));
        }
        // "Determinazione n. 12" and the first "città" (the second is in a longer word).
        assert_eq!(lazy.find_iter(t).count(), 2);
    }

    #[test]
    fn a_pattern_over_its_limit_is_none_and_its_use_a_panic() {
        let re = Regex::lazy(r"\w{2000}".into(), 1 << 16, 1 << 16);
        assert!(re.get().is_none());
        assert!(std::panic::catch_unwind(|| re.is_match("a")).is_err());
        assert!(Regex::new("(a").is_err());
    }
}

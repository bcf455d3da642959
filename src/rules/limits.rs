//! What a set of rule files may cost to load.
//!
//! A rules folder may come from someone else (a shared layout, a file sent
//! by another office), so loading it must not be a way to exhaust the
//! machine: a huge file, a regex whose text is megabytes long (the parser
//! alone takes hundreds of megabytes before the compiler refuses it), a
//! short regex that compiles into a huge automaton (`\w{1000}`), or tens of
//! thousands of such regexes. Each limit below is a named constant, checked
//! before the work it bounds, and exceeding one is a rules error that names
//! the file, the line and column, and the rule (exit code 2), like any other
//! mistake in a rules file.
//!
//! The limits leave the built-in rules far behind (their largest regex
//! compiles to about 2% of [`REGEX_SIZE_LIMIT`], all of them together to
//! under 4% of [`REGEX_TOTAL_BYTES`]); see `tests_limits.rs`.

use std::cell::Cell;

use regex::RegexBuilder;

use super::rule_regex::Regex;
use regex_automata::nfa::thompson;
use regex_automata::util::syntax;

/// The most bytes one rules file may hold. The built-in files hold tens of
/// kilobytes; 8 MiB is some thirty thousand rules written compactly. The
/// TOML parser holds every token of a file at once (some 50 bytes each), so
/// a file of 8 MiB of one-byte tokens (blank lines) takes about 400 MiB
/// while it is parsed.
pub const MAX_FILE_BYTES: u64 = 8 << 20;

/// The most bytes the rule files of a `--rules` folder may hold together (a
/// folder of many files, each under [`MAX_FILE_BYTES`]).
pub const MAX_TOTAL_BYTES: u64 = 32 << 20;

/// The most rules (of every family) all the files together may declare.
pub const MAX_RULES: usize = 100_000;

/// The longest regex (or label) a rule may write, in bytes. The longest
/// built-in one is a few hundred bytes; the limit is checked before the
/// regex is parsed, since parsing itself costs memory in proportion.
pub const MAX_PATTERN_BYTES: usize = 16 << 10;

/// The most heap one compiled regex may take (the `regex` crate's
/// `size_limit`: the size of its automaton, each direction counted on its
/// own). A repetition of a Unicode class (`\w{500}`) reaches it.
pub const REGEX_SIZE_LIMIT: usize = 4 << 20;

/// The most memory the lazy DFA of one regex may cache per search thread
/// (the `regex` crate's `dfa_size_limit`, its default of 2 MiB). Past it the
/// search goes on with a slower engine instead of taking more memory; a
/// larger cache, multiplied by every regex and every worker thread, would
/// cost more than it saves.
pub const REGEX_DFA_SIZE_LIMIT: usize = 2 << 20;

/// The most heap the automata of all the rule regexes may take together,
/// counted as the size of each regex's forward automaton. The process holds
/// some three to four times as much (the reverse automaton, the engines
/// built from them): a load that reaches this limit takes about 900 MiB and
/// 6 s before it stops.
pub const REGEX_TOTAL_BYTES: usize = 256 << 20;

/// What the built-in rule files are charged against [`REGEX_TOTAL_BYTES`]:
/// the bound `tests_limits.rs` holds them to (8%). They are part of the
/// program, loaded and measured by its tests, so a load does not compile
/// each of their regexes a second time to measure it (that was about two
/// thirds of the CPU of loading the rules, in the process that starts an
/// ingest before any file is read); a folder's files are measured as ever.
pub const BUILTIN_REGEX_BYTES: usize = REGEX_TOTAL_BYTES * 8 / 100;

/// Mebibytes, for messages.
pub fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / f64::from(1u32 << 20))
}

/// What a load may still take: rules, and bytes of regex automata. Loading
/// uses [`Budget::default`], the limits above; tests give smaller ones.
#[derive(Debug)]
pub struct Budget {
    /// The most rules; see [`MAX_RULES`].
    pub max_rules: usize,
    /// The most bytes of automata; see [`REGEX_TOTAL_BYTES`].
    pub regex_total_bytes: usize,
    /// Bytes taken so far by the forward automata of the regexes built.
    used: Cell<usize>,
    /// Whether each regex's automaton is measured against the total (off
    /// for rules a parent process already loaded within it).
    measure: bool,
    /// Whether built-in files are charged [`BUILTIN_REGEX_BYTES`] instead
    /// of being measured (off only in the test that measures them).
    trust_builtin: bool,
    /// Whether the file being compiled is a built-in one.
    builtin_file: Cell<bool>,
    /// Whether the built-in files were charged already.
    builtin_charged: Cell<bool>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget::new(MAX_RULES, REGEX_TOTAL_BYTES)
    }
}

impl Budget {
    /// A budget of `max_rules` rules and `regex_total_bytes` of automata.
    pub fn new(max_rules: usize, regex_total_bytes: usize) -> Budget {
        Budget {
            max_rules,
            regex_total_bytes,
            used: Cell::new(0),
            measure: true,
            trust_builtin: true,
            builtin_file: Cell::new(false),
            builtin_charged: Cell::new(false),
        }
    }

    /// The default budget, measuring the built-in files' regexes one by one
    /// like any other (the test that holds them to [`BUILTIN_REGEX_BYTES`]).
    pub fn measuring_builtin() -> Budget {
        Budget {
            trust_builtin: false,
            ..Budget::default()
        }
    }

    /// Says whether the file compiled next is a built-in one
    /// ([`super::source::RuleSource::is_builtin`]).
    pub fn set_builtin_file(&self, builtin: bool) {
        self.builtin_file.set(builtin);
    }

    /// The budget of rules already loaded within the limits by another
    /// process (a worker's parent): each regex keeps the `regex` crate's own
    /// size limits, but is not compiled a second time to be measured.
    pub fn validated() -> Budget {
        Budget {
            measure: false,
            ..Budget::default()
        }
    }

    /// Checks a pattern made from a rule's text (checked first with
    /// [`check_length`]) and returns it, compiled when first used (see
    /// [`super::rule_regex`]). The message of an error says what is wrong:
    /// the regex itself, or the limit it hit.
    pub fn build(&self, pattern: &str) -> Result<Regex, String> {
        let left = self.regex_total_bytes.saturating_sub(self.used.get());
        let lazy = || Regex::lazy(pattern.to_owned(), REGEX_SIZE_LIMIT, REGEX_DFA_SIZE_LIMIT);
        if !self.measure {
            // A parent process checked these rules: kept to compile when used.
            return Ok(lazy());
        }
        if self.trust_builtin && self.builtin_file.get() {
            if !self.builtin_charged.replace(true) {
                self.used.set(self.used.get() + BUILTIN_REGEX_BYTES);
            }
            return Ok(lazy());
        }
        // Both automata the `regex` crate builds are compiled here, to
        // check the pattern and measure it (the crate keeps its sizes to
        // itself): the forward one, and the reverse one without captures,
        // which for a repeated Unicode class is two to three times larger
        // (`[^\n]{20,8000}`: 2.3 MiB forward, over 4 MiB reversed), so a
        // pattern whose forward automaton fits may still not build. The
        // crate's own build, with the same parser and limit, then waits
        // until a document needs the regex, and cannot fail.
        let automaton = |reverse: bool| {
            let captures = if reverse {
                thompson::WhichCaptures::None
            } else {
                thompson::WhichCaptures::All
            };
            thompson::Compiler::new()
                .syntax(syntax::Config::new())
                .configure(
                    thompson::Config::new()
                        .reverse(reverse)
                        .which_captures(captures)
                        .nfa_size_limit(Some(REGEX_SIZE_LIMIT.min(left))),
                )
                .build(pattern)
        };
        let nfa = automaton(false).and_then(|nfa| automaton(true).map(|_| nfa));
        let Ok(nfa) = nfa else {
            // Invalid, too big on its own, or too big for what is left: the
            // `regex` crate's own build tells which.
            let builder = RegexBuilder::new(pattern)
                .size_limit(REGEX_SIZE_LIMIT)
                .dfa_size_limit(REGEX_DFA_SIZE_LIMIT)
                .build();
            return Err(match builder {
                Err(e) => regex_message(&e),
                Ok(_) => format!(
                    "the regexes of the rules in force would take more than {} together",
                    mib(self.regex_total_bytes as u64)
                ),
            });
        };
        self.used.set(self.used.get() + nfa.memory_usage());
        Ok(lazy())
    }

    /// Bytes taken so far by the forward automata of the regexes built.
    pub fn used(&self) -> usize {
        self.used.get()
    }
}

/// Refuses a regex or a label (`what`) longer than [`MAX_PATTERN_BYTES`],
/// before it is parsed.
pub fn check_length(what: &str, text: &str) -> Result<(), String> {
    if text.len() > MAX_PATTERN_BYTES {
        return Err(format!(
            "the {what} is {} bytes long, more than the {MAX_PATTERN_BYTES} a rule may write",
            text.len()
        ));
    }
    Ok(())
}

/// The last line of a `regex` error (the line that says what is wrong),
/// or what a size limit means here.
fn regex_message(e: &regex::Error) -> String {
    match e {
        regex::Error::CompiledTooBig(limit) => format!(
            "the regex compiles to more than {} (a counted repetition, such as \
             `\\w{{500}}`, multiplies its size); write it shorter",
            mib(*limit as u64)
        ),
        _ => {
            let msg = e.to_string();
            let last = msg.lines().last().unwrap_or("").trim();
            let last = last.strip_prefix("error: ").unwrap_or(last);
            format!("invalid regex: {last}")
        }
    }
}

//! The abbreviations whose full stop ends no sentence, from the `[[title]]`
//! rules of `rules/money_titles.toml`: a person's titles ("Sig.", "Dott.ssa",
//! "Ing.", value `person`), which stand before a name and are no part of it,
//! and other abbreviations ("Spett.le", "Soc. Coop.", value `word`). Every
//! reader that asks whether a stop ends a sentence, or where a person's name
//! begins after a title, asks these rules (one list, not one per reader):
//! the clause of a sum or a cue ([`super::money_text::clause`]), the items of
//! a list of payees ([`super::money_party_list`]), the name before a tax id
//! and after a cue ([`super::money_parties`], [`super::money_party_cues`]).
//! Rules of value `opener` are the words that open a sentence ("Con",
//! "Visto", "Determina"): after a line break they end a name read in
//! running text ([`super::money_party_name`]); they are no abbreviation.
//! The regexes made of them are built on first use, once per rule set.

use std::sync::OnceLock;

use regex::Regex;

use super::money::{MoneyRules, TitleRegexes};

/// A pattern that matches nothing: the titles of a rule set that has none.
const NOTHING: &str = r"[^\s\S]";

impl MoneyRules {
    /// The titles of value `person` (or every `[[title]]` rule) as one
    /// case-insensitive group, `(?i:...)`; a group that matches nothing
    /// when there are none.
    pub(super) fn title_alternation(&self, person_only: bool) -> String {
        match self.alternation(|v| v != "opener" && (!person_only || v == "person")) {
            Some(alt) => format!("(?i:{alt})"),
            None => format!("(?:{NOTHING})"),
        }
    }

    /// The `[[title]]` rules whose value `keep` takes, as one alternation
    /// (`None`: there are none).
    fn alternation(&self, keep: impl Fn(&str) -> bool) -> Option<String> {
        let parts: Vec<String> = self
            .titles
            .iter()
            .filter(|t| keep(&t.value))
            .map(|t| format!("(?:{})", t.regex.as_str()))
            .collect();
        (!parts.is_empty()).then(|| parts.join("|"))
    }

    /// A person's title and the spaces after it ("Sig. ", "dott.ssa ").
    pub(super) fn title(&self) -> &Regex {
        self.title_regexes.person.get_or_init(|| {
            Regex::new(&format!(r"(?-u:\b){}\s*", self.title_alternation(true)))
                .expect("title rules are checked regexes")
        })
    }

    /// Whether `before`, the words up to a full stop (the stop not
    /// included), ends with an abbreviation of a `[[title]]` rule whose
    /// stop this is: "all'ing" (of "all'ing. Mario Neri"), "la Dott.ssa",
    /// "Spett", "Soc. Coop"; not a word of its own that a title's rule
    /// also spells in full ("la signora").
    pub(super) fn abbreviated(&self, before: &str) -> bool {
        let stop = self.title_regexes.stop.get_or_init(|| {
            Regex::new(&format!(
                r"(?:\A|[^\p{{L}}])(?P<t>{})\.?\z",
                self.title_alternation(false)
            ))
            .expect("title rules are checked regexes")
        });
        let tail = &before[before.floor_char_boundary(before.len().saturating_sub(40))..];
        let mut s = String::with_capacity(tail.len() + 1);
        s.push_str(tail);
        s.push('.');
        stop.captures(&s)
            .and_then(|c| c.name("t"))
            .is_some_and(|t| t.as_str().contains('.'))
    }

    /// Whether `word` (one word, as printed) is one that opens a sentence
    /// (`[[title]]` rules of value `opener`, case as written).
    pub(super) fn opens_sentence(&self, word: &str) -> bool {
        let opener = self.title_regexes.opener.get_or_init(|| {
            let alt = self
                .alternation(|v| v == "opener")
                .unwrap_or_else(|| NOTHING.to_owned());
            Regex::new(&format!(r"\A(?:{alt})\z")).expect("title rules are checked regexes")
        });
        opener.is_match(word)
    }

    /// A regex of another reader that names a person's title inside:
    /// `cell` (a field of [`TitleRegexes`]) holds it, `build` makes its
    /// pattern from [`Self::title_alternation`] of the person titles.
    pub(super) fn with_titles<'a>(
        &'a self,
        cell: fn(&TitleRegexes) -> &OnceLock<Regex>,
        build: fn(&str) -> String,
    ) -> &'a Regex {
        cell(&self.title_regexes).get_or_init(|| {
            Regex::new(&build(&self.title_alternation(true)))
                .expect("title rules are checked regexes")
        })
    }
}

//! The compiled rules: what [`super::compile`] makes of the rule files and
//! the engine applies. Regexes are compiled, names checked and resolved
//! (targets to record fields, normalisers, kinds, sections), so that
//! applying a rule never fails on the rule itself.

use std::collections::HashMap;
use std::sync::Arc;

use super::rule_regex::Regex;

use super::classifier::Classifier;
use super::format::Settings;
use super::meta::Meta;
use super::money::MoneyRules;
use super::target::Record;

#[derive(Debug, Clone)]
pub struct Kind {
    pub meta: Meta,
    pub kind: String,
    pub report_as: Option<String>,
    pub threshold: f64,
    pub patterns: Vec<(Regex, f64)>,
    /// Each pattern's fast first look ([`super::quick`]).
    pub quick: Vec<Option<Regex>>,
    pub part_start: Option<Regex>,
}

#[derive(Debug, Clone)]
pub struct Boilerplate {
    pub meta: Meta,
    pub regex: Option<Regex>,
    pub repeated_on_pages: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub meta: Meta,
    pub kinds: Vec<String>,
    pub start: Regex,
    pub end: Option<Regex>,
}

/// How a field rule finds its text.
#[derive(Debug, Clone)]
pub enum Finder {
    /// After any of these labels.
    Label(Labels),
    /// A regex with named captures.
    Regex(Regex),
}

/// A label rule's labels as regexes ([`super::ctx::label_regex`]), with
/// the letter each starts with: a table cell is a whole label only when it
/// starts with one of them, which spares the regexes of a label rule over
/// the thousands of cells of a sheet that start with a digit or another
/// letter.
#[derive(Debug, Clone)]
pub struct Labels {
    regexes: Vec<Regex>,
    /// Each label's first character, lower-cased, when it is ASCII (an
    /// ASCII letter matches, case ignored, only itself in either case);
    /// `None` when it is not, and any text may then start it.
    starts: Vec<Option<u8>>,
}

impl Labels {
    /// `labels` as written and their regexes, in the same order.
    pub fn new(labels: &[&str], regexes: Vec<Regex>) -> Labels {
        let starts = labels
            .iter()
            .map(|l| {
                let first = l.trim_start().chars().next()?;
                first.is_ascii().then(|| first.to_ascii_lowercase() as u8)
            })
            .collect();
        Labels { regexes, starts }
    }

    /// Whether `text` (trimmed) may be read as a whole label, or begin one
    /// that goes on in the cells below: `false` only when its first
    /// character is ASCII and no label starts with it, case ignored.
    pub fn may_start(&self, text: &str) -> bool {
        match text.as_bytes().first() {
            Some(b) if b.is_ascii() => {
                let b = b.to_ascii_lowercase();
                self.starts.iter().any(|s| s.is_none_or(|s| s == b))
            }
            _ => true,
        }
    }
}

impl std::ops::Deref for Labels {
    type Target = [Regex];
    fn deref(&self) -> &[Regex] {
        &self.regexes
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Combine {
    First,
    All,
    Sum,
    /// How many matches: rows of a roll call marked present, say.
    Count,
    /// The last match: the last vote before the dispositive part.
    Last,
}

/// Where one value of a field rule goes: the capture it is read from
/// (`None`: the label's value, or the whole match) and the record field.
#[derive(Debug, Clone)]
pub struct Slot {
    pub capture: Option<String>,
    pub record: Record,
    pub field: String,
    /// `record.field` as written.
    pub name: String,
    /// The rule's normalisers, then this capture's own.
    pub normalise: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub meta: Meta,
    pub kinds: Vec<String>,
    pub section: Option<String>,
    /// `region = "letterhead"`: the rule reads the first page's letterhead
    /// (see [`super::document::letterhead`]) and nothing else.
    pub letterhead: bool,
    pub finder: Finder,
    pub slots: Vec<Slot>,
    pub block: bool,
    /// A block value goes on over blank lines.
    pub paragraphs: bool,
    /// A block value is one phrase in one case (see the rule format).
    pub phrase: bool,
    pub until: Option<Regex>,
    pub stop: Option<Regex>,
    pub value: Option<String>,
    pub combine: Combine,
    pub left_column: bool,
    /// A match counts only under the column this header regex names.
    pub under: Option<Regex>,
    /// A match whose first value this regex finds is dropped.
    pub not_value: Option<Regex>,
    /// The rule reads only the text before the first match of this regex.
    pub before: Option<Regex>,
    /// `layout = "label_column"`: the label is a column of its own at the
    /// left, its value a block right of it (see [`super::label_column`]).
    pub label_column: bool,
    /// The regex finder's fast first look ([`super::quick`]).
    pub quick: Option<Regex>,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub field: String,
    /// The header label and its variants, as written in the rule.
    pub labels: Vec<String>,
    /// Each label's words, folded (lower case, no accents or punctuation).
    pub label_words: Vec<Vec<String>>,
    pub normalise: Vec<String>,
    pub key: bool,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub meta: Meta,
    pub kinds: Vec<String>,
    pub record: Record,
    /// `phase` or `indicator`.
    pub record_name: String,
    pub section: Option<String>,
    pub header: Regex,
    pub columns: Vec<Column>,
    /// The first line of a row in plain text (`None`: the rule reads tables
    /// and positioned pages only).
    pub row: Option<Regex>,
    pub end: Option<Regex>,
    /// This table's place in [`Compiled::tables`].
    pub index: usize,
    /// The headers of every table: a table also ends where another of its
    /// kinds begins (see [`Table::others`]).
    pub heads: Arc<Heads>,
}

impl Table {
    /// The headers of the other tables that share a kind with this one (or
    /// that apply to every kind); a header may come twice. Looked up in
    /// [`Heads`] rather than copied into each table, which made loading
    /// quadratic in the number of tables.
    pub fn others(&self) -> impl Iterator<Item = &Regex> {
        let h = &*self.heads;
        let indices: Box<dyn Iterator<Item = usize> + '_> = if self.kinds.is_empty() {
            Box::new(0..h.headers.len())
        } else {
            Box::new(
                h.any_kind.iter().copied().chain(
                    self.kinds
                        .iter()
                        .filter_map(|k| h.by_kind.get(k))
                        .flatten()
                        .copied(),
                ),
            )
        };
        indices
            .filter(move |&i| i != self.index)
            .map(|i| &h.headers[i])
    }
}

/// The header of every table, by kind, shared by all tables.
#[derive(Default)]
pub struct Heads {
    /// Each table's header, in the order of [`Compiled::tables`].
    pub headers: Vec<Regex>,
    /// The tables that name a kind, by kind.
    pub by_kind: HashMap<String, Vec<usize>>,
    /// The tables that name no kind (they apply to every kind).
    pub any_kind: Vec<usize>,
}

impl std::fmt::Debug for Heads {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Heads({} tables)", self.headers.len())
    }
}

/// Every rule of every file, compiled.
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    pub settings: Settings,
    pub kinds: Vec<Kind>,
    pub boilerplate: Vec<Boilerplate>,
    pub sections: Vec<Section>,
    pub fields: Vec<Field>,
    pub tables: Vec<Table>,
    /// The `[[classifier]]` rules, in declaration order, each with its cues.
    pub classifiers: Vec<Classifier>,
    /// The `[[named]]` and `[[region]]` rules (their ids and examples).
    pub reference_rules: Vec<Meta>,
    /// Their tables compiled for the reference reader; `None` (the built-in
    /// tables, or rules built by hand) reads with the built-in lexicon: see
    /// [`Compiled::lexicon`].
    pub lexicon: Option<std::sync::Arc<atti_italian::reference::Lexicon>>,
    /// The money rules (amounts' roles, codes, parties, administration).
    pub money: MoneyRules,
}

impl Compiled {
    /// The lexicon the reference reader reads with: the rules' own tables,
    /// or the built-in ones (compiled on first use).
    pub fn lexicon(&self) -> std::sync::Arc<atti_italian::reference::Lexicon> {
        self.lexicon
            .clone()
            .unwrap_or_else(atti_italian::reference::Lexicon::builtin)
    }
}

/// Words of a label or a header, folded: lower case, no accents, split at
/// anything but letters and digits ("Responsabilita'" and "Responsabilità"
/// are one word).
pub fn label_words(s: &str) -> Vec<String> {
    atti_italian::numwords::fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_starts_a_label_only_with_a_labels_first_letter() {
        let written = ["Direttore", "Responsabile del servizio"];
        let regexes = written.iter().map(|l| Regex::new(l).unwrap()).collect();
        let labels = Labels::new(&written, regexes);
        assert_eq!(labels.len(), 2);
        assert!(labels.may_start("DIRETTORE:"));
        assert!(labels.may_start("responsabile"));
        // A digit or another ASCII letter starts none of them.
        assert!(!labels.may_start("2021_A14"));
        assert!(!labels.may_start("Obiettivo operativo"));
        // A label that starts with an accented letter: any text may start
        // it (a case-blind regex reads `È` and `è` alike, and more).
        let accented = Labels::new(&["Èsito"], vec![Regex::new("Èsito").unwrap()]);
        assert!(accented.may_start("esito"));
        assert!(accented.may_start("2021"));
        // Nor is a text that starts with a letter out of ASCII passed over.
        assert!(labels.may_start("Ùfficio"));
        assert!(labels.may_start(""));
    }
}

//! A query as [`super::syntax`] reads it: tokens of words, phrases, field
//! values and prefixes, with their operators; what [`super::fields`] checks
//! and [`super::query`] builds into a tantivy query.

/// One piece of a query.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    /// `(`, with the sign written before it (`-(`).
    Open(Option<char>),
    Close,
    And,
    Or,
    Not,
    /// Something to look for, with the sign written before it (`-giunta`).
    Operand(Option<char>, Item),
}

/// Something to look for.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `*` alone: every document.
    All,
    /// A word as written.
    Word(String),
    /// The words of `"a phrase"`, without the quotes.
    Phrase(String),
    /// `field:value`, `field` a schema field name.
    Field { field: &'static str, value: Value },
    /// `conv*`, `director:asc*`: words that begin with `prefix` (as typed,
    /// without the `*` and without an elided article: `dell'ent*` is `ent`).
    Prefix {
        field: Option<&'static str>,
        prefix: String,
    },
}

/// The value of `field:value`, made what the field holds: a kind by its
/// stored name, a date as RFC 3339, a year as a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Word(String),
    Phrase(String),
    /// `[lower TO upper]`; `None` is `*`; `true` when the bound is included.
    Range {
        lower: (bool, Option<String>),
        upper: (bool, Option<String>),
    },
}

/// A query read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub tokens: Vec<Token>,
    /// Whether the query uses operators of its own (AND, OR, NOT, +, -,
    /// parentheses): if not, a search may retry with any word matching.
    pub explicit: bool,
}

impl Parsed {
    /// The query's words, when it is nothing but plain words.
    pub fn plain_text(&self) -> Option<String> {
        if self.explicit {
            return None;
        }
        let words: Option<Vec<&str>> = self
            .tokens
            .iter()
            .map(|t| match t {
                Token::Operand(None, Item::Word(w)) if !needs_quotes(w) => Some(w.as_str()),
                _ => None,
            })
            .collect();
        words.map(|w| w.join(" "))
    }

    /// The kinds that `kind:` values name, as stored.
    pub fn kinds(&self) -> impl Iterator<Item = &str> {
        self.tokens.iter().filter_map(|t| match t {
            Token::Operand(
                _,
                Item::Field {
                    field: "kind",
                    value: Value::Word(k),
                },
            ) => Some(k.as_str()),
            _ => None,
        })
    }
}

/// Characters that tantivy's grammar reads as syntax inside a word.
const GRAMMAR_CHARS: &[char] = &[
    '^', '`', ':', '{', '}', '\'', '[', ']', '\\', '/', '~', '*', '!', '\u{2019}', '\u{2018}', '<',
    '>', '=',
];

/// Whether `word` must be quoted for tantivy's grammar to read it as written.
pub fn needs_quotes(word: &str) -> bool {
    word.chars()
        .enumerate()
        .any(|(i, c)| GRAMMAR_CHARS.contains(&c) || (i > 0 && matches!(c, '-' | '+')))
}

//! What a person types, read into the pieces of a query and checked.
//!
//! The grammar is tantivy's: free words, `"a phrase"`, `AND`, `OR`, `NOT`,
//! `+word`, `-word`, parentheses, `field:value`, `year:[2019 TO 2021]`;
//! atti adds `conv*` (words that begin with `conv`), field names in Italian
//! ([`FIELDS`]), Italian kind names and dates. [`read`] goes through the
//! query once, left to right, and refuses what cannot mean anything with a
//! message in Italian, where tantivy would quietly find nothing:
//!
//! - an operator with a side missing (`giunta AND`, `AND`, `NOT`), two in a
//!   row (`giunta AND OR consiglio`, `NOT NOT giunta`), a parenthesis left
//!   open (`(giunta`), closed with none open (`giunta )`) or empty (`()`);
//! - `foo:bar`, written as a field query, when no field is called `foo`
//!   (the message lists the fields); a year or a date that is none
//!   (`anno:corrente`); `*` anywhere but at the end of a word, or after
//!   fewer than [`MIN_PREFIX`] letters;
//! - more than [`MAX_CHARS`] characters, [`MAX_WORDS`] words, or
//!   [`MAX_DEPTH`] parentheses one inside another: tantivy's grammar goes
//!   one level deeper for each parenthesis and each `NOT`, and ten thousand
//!   of them overflowed the stack.
//!
//! What pasted text holds is read as words, never refused: a colon followed
//! by a space (`Oggetto: convenzione`), or after a word that cannot be a
//! field name (`ore 10:30`, `https://…`), is punctuation; a `)` right after
//! a word with no `(` open is the `a)` of `lett. a)`; a lone `-` or `+` is a
//! dash; a quote left open runs to the end of the query.

use super::fields::{field_item, field_list, prefix, range_value};
use crate::error::{Error, Result};

pub use super::parsed::{needs_quotes, Item, Parsed, Token, Value};

pub use super::fields::{field_name, kind_name, FIELDS, KIND_ALIASES, MIN_PREFIX};

/// Characters a query may have.
pub const MAX_CHARS: usize = 1000;
/// Words (phrases and field values count one each) a query may have.
pub const MAX_WORDS: usize = 100;
/// Parentheses one inside another a query may have.
pub const MAX_DEPTH: usize = 16;

fn error(message: String) -> Error {
    Error::Query(message)
}

/// What came last, for the checks of what may follow.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Start,
    Operand,
    Open,
    Binary(&'static str),
    Not,
}

/// Reads and checks a query as typed.
pub fn read(input: &str) -> Result<Parsed> {
    let chars: Vec<char> = input.chars().collect();
    if chars.len() > MAX_CHARS {
        return Err(error(format!(
            "ricerca troppo lunga: {} caratteri, al massimo {MAX_CHARS}; \
             cerca poche parole, o una frase tra virgolette",
            chars.len()
        )));
    }
    let mut r = Reader {
        chars,
        i: 0,
        tokens: Vec::new(),
        explicit: false,
        depth: 0,
        words: 0,
        last: Last::Start,
    };
    r.run()?;
    if r.tokens.is_empty() {
        return Err(error("ricerca vuota: scrivi qualche parola".into()));
    }
    match r.last {
        Last::Binary(op) => {
            return Err(error(format!(
                "manca una parola dopo `{op}`, alla fine della ricerca"
            )))
        }
        Last::Not => {
            return Err(error(
                "manca una parola dopo `NOT`, alla fine della ricerca".into(),
            ))
        }
        _ => {}
    }
    if r.depth > 0 {
        return Err(error(
            "una parentesi `(` è aperta e non chiusa: manca `)`".into(),
        ));
    }
    let mut tokens = r.tokens;
    super::act_fields::merge_numbers(&mut tokens);
    Ok(Parsed {
        tokens,
        explicit: r.explicit,
    })
}

struct Reader {
    chars: Vec<char>,
    i: usize,
    tokens: Vec<Token>,
    explicit: bool,
    depth: usize,
    words: usize,
    last: Last,
}

impl Reader {
    fn run(&mut self) -> Result<()> {
        // A sign written alone right before a quote or a parenthesis: `-"a b"`, `-(a b)`.
        let mut sign: Option<char> = None;
        while self.i < self.chars.len() {
            let c = self.chars[self.i];
            if c.is_whitespace() {
                self.i += 1;
                continue;
            }
            if c == '(' {
                self.i += 1;
                self.open(sign.take())?;
                continue;
            }
            if c == ')' {
                let glued = self.i > 0 && !self.chars[self.i - 1].is_whitespace();
                self.i += 1;
                self.close(glued)?;
                continue;
            }
            if matches!(c, '"' | '«' | '“') {
                let phrase = self.phrase();
                if !phrase.trim().is_empty() {
                    self.operand(sign.take(), Item::Phrase(phrase))?;
                }
                sign = None;
                continue;
            }
            // A word: up to white space, a parenthesis or a quote.
            let start = self.i;
            while self.i < self.chars.len()
                && !self.chars[self.i].is_whitespace()
                && !matches!(self.chars[self.i], '(' | ')' | '"')
            {
                self.i += 1;
            }
            let word: String = self.chars[start..self.i].iter().collect();
            match word.as_str() {
                "AND" | "&&" => self.binary("AND")?,
                "OR" | "||" => self.binary("OR")?,
                "NOT" => self.not()?,
                "-" | "+" => {
                    if matches!(self.peek(), Some('"' | '(' | '«' | '“')) {
                        sign = word.chars().next();
                    }
                    // Otherwise a dash between words: punctuation.
                }
                _ => self.word(&word)?,
            }
        }
        Ok(())
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    /// Reads a quoted phrase starting at the opening quote; a quote left
    /// open runs to the end.
    fn phrase(&mut self) -> String {
        let close = match self.chars[self.i] {
            '«' => '»',
            '“' => '”',
            _ => '"',
        };
        let mut j = self.i + 1;
        let mut s = String::new();
        while j < self.chars.len() && self.chars[j] != close {
            s.push(self.chars[j]);
            j += 1;
        }
        self.i = (j + 1).min(self.chars.len());
        s
    }

    fn push(&mut self, token: Token, last: Last) {
        self.tokens.push(token);
        self.last = last;
    }

    fn operand(&mut self, sign: Option<char>, item: Item) -> Result<()> {
        if let (Some(s), Last::Not) = (sign, self.last) {
            return Err(error(format!(
                "`NOT` e `{s}` insieme sulla stessa parola: basta uno dei due"
            )));
        }
        self.words += 1;
        if self.words > MAX_WORDS {
            return Err(error(format!(
                "troppe parole nella ricerca: al massimo {MAX_WORDS}"
            )));
        }
        self.explicit |= sign.is_some();
        self.push(Token::Operand(sign, item), Last::Operand);
        Ok(())
    }

    fn open(&mut self, sign: Option<char>) -> Result<()> {
        if let (Some(s), Last::Not) = (sign, self.last) {
            return Err(error(format!(
                "`NOT` e `{s}` insieme sulla stessa parentesi: basta uno dei due"
            )));
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(error(format!(
                "troppe parentesi una dentro l'altra: al massimo {MAX_DEPTH}"
            )));
        }
        self.explicit = true;
        self.push(Token::Open(sign), Last::Open);
        Ok(())
    }

    fn close(&mut self, glued: bool) -> Result<()> {
        if self.depth == 0 {
            // `lett. a)`: the closing half of a letter or number in pasted text.
            if glued && self.last == Last::Operand {
                return Ok(());
            }
            return Err(error(
                "una parentesi `)` è chiusa senza una `(` aperta prima".into(),
            ));
        }
        match self.last {
            Last::Open => {
                return Err(error(
                    "parentesi vuote `()`: scrivi qualcosa tra le parentesi".into(),
                ))
            }
            Last::Binary(op) => {
                return Err(error(format!("manca una parola dopo `{op}`, prima di `)`")))
            }
            Last::Not => return Err(error("manca una parola dopo `NOT`, prima di `)`".into())),
            _ => {}
        }
        self.depth -= 1;
        // A closed group stands where a word would.
        self.push(Token::Close, Last::Operand);
        Ok(())
    }

    fn binary(&mut self, op: &'static str) -> Result<()> {
        match self.last {
            Last::Start | Last::Open => {
                return Err(error(format!("manca una parola prima di `{op}`")));
            }
            Last::Binary(prev) => {
                return Err(error(format!(
                    "`{prev}` e `{op}` di seguito: tra due operatori va una parola"
                )));
            }
            Last::Not => {
                return Err(error(format!(
                    "manca una parola dopo `NOT`, prima di `{op}`"
                )))
            }
            Last::Operand => {}
        }
        self.explicit = true;
        let token = if op == "AND" { Token::And } else { Token::Or };
        self.push(token, Last::Binary(op));
        Ok(())
    }

    fn not(&mut self) -> Result<()> {
        if self.last == Last::Not {
            return Err(error(
                "due `NOT` di seguito: ne basta uno (`NOT giunta`)".into(),
            ));
        }
        self.explicit = true;
        self.push(Token::Not, Last::Not);
        Ok(())
    }

    /// A word that is no operator: a field query, a prefix, or words.
    fn word(&mut self, word: &str) -> Result<()> {
        let mut sign = None;
        let mut word = word;
        if let Some(first) = word.chars().next().filter(|c| matches!(c, '+' | '-')) {
            let rest = word.trim_start_matches(['+', '-']);
            if rest.is_empty() {
                return Ok(());
            }
            sign = Some(first);
            word = rest;
        }
        if word == "*" {
            if sign.is_some() {
                return Err(error(format!(
                    "`{}*` toglie ogni documento: scrivi le parole da escludere",
                    sign.unwrap_or('-')
                )));
            }
            return self.operand(None, Item::All);
        }
        if let Some((name, value)) = word.split_once(':') {
            return self.colon(sign, word, name, value);
        }
        if word.contains('*') {
            let prefix = prefix(word, word)?;
            return self.operand(
                sign,
                Item::Prefix {
                    field: None,
                    prefix,
                },
            );
        }
        self.operand(sign, Item::Word(word.to_owned()))
    }

    /// `name:value` as typed in `word`.
    fn colon(&mut self, sign: Option<char>, word: &str, name: &str, value: &str) -> Result<()> {
        let field_like = !name.is_empty() && name.chars().all(|c| c.is_alphabetic() || c == '_');
        let followed_by_quote = value.is_empty() && matches!(self.peek(), Some('"'));
        let field = field_name(name);
        if !field_like || (value.is_empty() && !followed_by_quote) || value.starts_with("//") {
            // Pasted text: `Oggetto: convenzione`, `ore 10:30`, `https://…`.
            let mut sign = sign;
            for part in word.split(':').filter(|p| !p.is_empty()) {
                self.operand(sign.take(), Item::Word(part.to_owned()))?;
            }
            return Ok(());
        }
        let Some(field) = field else {
            return Err(error(format!(
                "campo sconosciuto `{name}` in `{word}`. I campi sono: {}. \
                 Per cercare le parole, metti uno spazio dopo i due punti (`{name}: {value}`)",
                field_list()
            )));
        };
        let item = if followed_by_quote {
            let phrase = self.phrase();
            if phrase.trim().is_empty() {
                return Err(error(format!("manca il valore dopo `{name}:`")));
            }
            match field {
                "year" | "date" | "kind" => field_item(name, field, phrase.trim())?,
                _ => Item::Field {
                    field,
                    value: Value::Phrase(phrase),
                },
            }
        } else if value.starts_with(['[', '{']) {
            // A range: up to its closing bracket, spaces included.
            let mut range = value.to_owned();
            while !range.ends_with([']', '}']) && self.i < self.chars.len() {
                range.push(self.chars[self.i]);
                self.i += 1;
            }
            Item::Field {
                field,
                value: range_value(name, field, &range)?,
            }
        } else {
            field_item(name, field, value)?
        };
        self.operand(sign, item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(q: &str) -> String {
        match read(q) {
            Err(Error::Query(m)) => m,
            other => panic!("`{q}` should be refused, got {other:?}"),
        }
    }

    fn items(q: &str) -> Vec<Token> {
        read(q).unwrap_or_else(|e| panic!("`{q}`: {e}")).tokens
    }

    fn word(w: &str) -> Token {
        Token::Operand(None, Item::Word(w.into()))
    }

    #[test]
    fn dangling_operators_say_what_is_missing() {
        assert!(message("giunta AND").contains("manca una parola dopo `AND`"));
        assert!(message("AND").contains("manca una parola prima di `AND`"));
        assert!(message("OR giunta").contains("prima di `OR`"));
        assert!(message("giunta AND OR consiglio").contains("`AND` e `OR` di seguito"));
        assert!(message("NOT").contains("dopo `NOT`"));
        assert!(message("giunta NOT").contains("dopo `NOT`"));
        assert!(message("NOT NOT giunta").contains("due `NOT`"));
        assert!(message("NOT -giunta").contains("`NOT` e `-`"));
        assert!(message("(giunta").contains("manca `)`"));
        assert!(message("( giunta AND )").contains("prima di `)`"));
        assert!(message("giunta )").contains("senza una `(`"));
        assert!(message(")").contains("senza una `(`"));
        assert!(message("()").contains("parentesi vuote"));
        assert!(message("").contains("ricerca vuota"));
        assert!(message("  -  ").contains("ricerca vuota"));
    }

    #[test]
    fn depth_and_length_are_bounded() {
        let deep = |n: usize| "(".repeat(n) + "giunta" + &")".repeat(n);
        assert!(read(&deep(MAX_DEPTH)).is_ok());
        assert!(message(&deep(MAX_DEPTH + 1)).contains("troppe parentesi"));
        assert!(message(&deep(10_000)).contains("ricerca troppo lunga"));
        assert!(message(&("NOT ".repeat(10_000) + "giunta")).contains("troppo lunga"));
        assert!(message(&("NOT ".repeat(100) + "giunta")).contains("due `NOT`"));
        let many = vec!["giunta"; MAX_WORDS + 1].join(" ");
        assert!(message(&many).contains("troppe parole"));
        assert!(read(&vec!["giunta"; MAX_WORDS].join(" ")).is_ok());
        let long = "a".repeat(MAX_CHARS + 1);
        assert!(message(&long).contains(&format!("{} caratteri", MAX_CHARS + 1)));
    }

    #[test]
    fn unknown_fields_list_the_fields() {
        let m = message("foo:bar");
        assert!(m.contains("campo sconosciuto `foo`"), "{m}");
        assert!(
            m.contains("code (codice, cod)") && m.contains("year (anno)"),
            "{m}"
        );
        assert!(m.contains("`foo: bar`"), "{m}");
        assert!(message("Oggetto:convenzione").contains("campo sconosciuto `Oggetto`"));
        assert!(message("foo:\"a b\"").contains("campo sconosciuto"));
    }

    #[test]
    fn pasted_text_is_read_as_words() {
        assert_eq!(
            items("Oggetto: convenzione"),
            vec![word("Oggetto"), word("convenzione")]
        );
        assert_eq!(
            items("ore 10:30"),
            vec![word("ore"), word("10"), word("30")]
        );
        assert_eq!(items("https://www.comune.it")[1], word("//www.comune.it"));
        assert_eq!(items("lett. a)"), vec![word("lett."), word("a")]);
        assert_eq!(
            items("consiglio - giunta"),
            vec![word("consiglio"), word("giunta")]
        );
        assert_eq!(
            items("\"piano di"),
            vec![Token::Operand(None, Item::Phrase("piano di".into()))]
        );
        assert!(!read("Oggetto: convenzione").unwrap().explicit);
    }

    #[test]
    fn signs_and_operators() {
        assert_eq!(
            items("consiglio -giunta"),
            vec![
                word("consiglio"),
                Token::Operand(Some('-'), Item::Word("giunta".into()))
            ]
        );
        assert_eq!(items("-(a b)")[0..2], [Token::Open(Some('-')), word("a")]);
        assert_eq!(
            items("-\"a b\""),
            vec![Token::Operand(Some('-'), Item::Phrase("a b".into()))]
        );
        let p = read("giunta && consiglio || NOT verbale").unwrap();
        assert!(p.explicit);
        assert_eq!(p.tokens[1], Token::And);
        assert_eq!(p.tokens[3], Token::Or);
        assert_eq!(p.tokens[4], Token::Not);
        assert_eq!(
            read("citta metropolitana").unwrap().plain_text().as_deref(),
            Some("citta metropolitana")
        );
        assert_eq!(read("dell'ente").unwrap().plain_text(), None);
        assert_eq!(read("a -b").unwrap().plain_text(), None);
    }
}

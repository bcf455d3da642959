//! The Italian analyser: how body and title text become index terms.
//!
//! Archive staff type without accents and in whatever inflection comes to
//! mind, so text and queries go through the same chain:
//!
//! 1. [`WordTokenizer`] cuts on anything that is not a letter or a digit,
//!    but keeps an apostrophe *between* two letters inside the word
//!    (`dell'ente`), so the next step can see the elision; a trailing
//!    apostrophe (`po'`, `E'`) is left out of the token.
//! 2. Lower case.
//! 3. [`ElisionFilter`] drops elided articles and prepositions
//!    (`l'`, `dell'`, `all'`, `un'`, `d'`, ...): `dell'ente` is `ente`. When
//!    the part before the apostrophe is not one of them (`sant'anna`) both
//!    parts are kept as two words.
//! 4. A short list of function words that carry no meaning (articles,
//!    prepositions, `e`, `o`, `che`) is dropped. Words that change what a
//!    sentence says — `non`, `più`, `è`, `senza` — are kept, which is why the
//!    stock Italian list is not used. Dropped words leave a gap in the
//!    positions, so a phrase such as "piano di zona" still matches exactly.
//! 5. Accents folded (`città` = `citta`), then the Snowball Italian stemmer
//!    (`convenzioni` = `convenzione`).
//!
//! Names (people, collegial bodies, file paths) use a lighter chain: words,
//! lower case, accents folded, no stemming, so `ascione` finds
//! `ASCIONE GIUSEPPE` and nothing else. Codes are kept whole, lower-cased.

use std::collections::VecDeque;

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Analyser names registered on every index.
pub const IT: &str = "it";
pub const CODE: &str = "code";
pub const NAME: &str = "name";

/// The characters used as an apostrophe in Italian text: the typewriter one
/// and the typographic ones that word processors put in.
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}'
    )
}

/// Elided forms whose loss costs nothing: articles, articulated
/// prepositions, `un'`, and the clitics `d' c' s' m' t' v' n'`. Lower case,
/// accents as written.
const ELIDED: &[&str] = &[
    "l", "gl", "dell", "degl", "dall", "dagl", "nell", "negl", "sull", "sugl", "all", "agl",
    "coll", "pell", "un", "quell", "quest", "nessun", "alcun", "ciascun", "qualcun", "d", "c", "s",
    "m", "t", "v", "n", "ch", "anch", "com", "dov", "cos", "tutt", "senz",
];

/// Function words dropped from body and title: they carry no meaning a
/// search could use. Deliberately short: `non`, `più`, `è`, `senza`,
/// `contro`, `sì`, `no` stay.
pub const STOP_WORDS: &[&str] = &[
    "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "di", "a", "da", "in", "con", "su",
    "per", "tra", "fra", "del", "dello", "della", "dei", "degli", "delle", "al", "allo", "alla",
    "ai", "agli", "alle", "dal", "dallo", "dalla", "dai", "dagli", "dalle", "nel", "nello",
    "nella", "nei", "negli", "nelle", "sul", "sullo", "sulla", "sui", "sugli", "sulle", "col",
    "coi", "e", "ed", "o", "od", "che",
];

/// Registers the `it`, `name` and `code` analysers on an index.
pub fn register(index: &tantivy::Index) {
    let m = index.tokenizers();
    m.register(IT, italian());
    m.register(NAME, name());
    m.register(CODE, code());
}

/// The analyser for body and title text.
pub fn italian() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .filter(ElisionFilter)
        .filter(StopWordFilter::remove(
            STOP_WORDS.iter().map(|s| s.to_string()),
        ))
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::Italian))
        .build()
}

/// The analyser for people's names, bodies and paths: words, folded, not stemmed.
pub fn name() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The analyser for codes: the whole value, lower case.
pub fn code() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build()
}

/// The terms a text becomes under an analyser, in order (for tests and for
/// re-analysing query terms of one field for another).
pub fn terms(analyser: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyser.token_stream(text);
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

/// Splits text into words of letters and digits, keeping an apostrophe that
/// stands between two letters or digits inside the word.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

pub struct WordStream<'a> {
    text: &'a str,
    /// Byte offset where the search for the next word starts.
    at: usize,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            text,
            at: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        let rest = &self.text[self.at..];
        let Some((start_rel, _)) = rest.char_indices().find(|(_, c)| c.is_alphanumeric()) else {
            self.at = self.text.len();
            return false;
        };
        let start = self.at + start_rel;
        let mut end = start;
        let mut chars = self.text[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                end = start + i + c.len_utf8();
            } else if is_apostrophe(c) {
                // Inside a word it joins (dell'ente); at the end it belongs
                // to the word (po', E') and ends it.
                if !chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()) {
                    end = start + i + c.len_utf8();
                    break;
                }
            } else {
                break;
            }
        }
        self.at = end;
        self.token.position = self.token.position.wrapping_add(1);
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.text.push_str(&self.text[start..end]);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Drops elided articles and prepositions (`dell'ente` -> `ente`) and splits
/// any other word joined by an apostrophe into its parts. Expects lower case.
#[derive(Clone, Copy, Debug, Default)]
pub struct ElisionFilter;

impl TokenFilter for ElisionFilter {
    type Tokenizer<T: Tokenizer> = ElisionTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ElisionTokenizer<T> {
        ElisionTokenizer { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct ElisionTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for ElisionTokenizer<T> {
    type TokenStream<'a> = ElisionStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ElisionStream {
            tail: self.inner.token_stream(text),
            pending: VecDeque::new(),
            own: Token::default(),
            use_own: false,
            shift: 0,
        }
    }
}

pub struct ElisionStream<S> {
    tail: S,
    /// Parts of a split word still to hand out.
    pending: VecDeque<Token>,
    own: Token,
    /// Whether the current token is `own` (a part) or the tail's.
    use_own: bool,
    /// How many extra positions split words have added so far.
    shift: usize,
}

impl<S: TokenStream> TokenStream for ElisionStream<S> {
    fn advance(&mut self) -> bool {
        if let Some(t) = self.pending.pop_front() {
            self.own = t;
            self.use_own = true;
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let shift = self.shift;
        let tok = self.tail.token_mut();
        tok.position = tok.position.wrapping_add(shift);
        if !tok.text.chars().any(is_apostrophe) {
            self.use_own = false;
            return true;
        }
        if let Some(last) = tok.text.chars().last().filter(|c| is_apostrophe(*c)) {
            // A final apostrophe: `E'` is how `è` is typed without accents;
            // `po'` is `po`; a lone elided article (`dell' ente`) is dropped.
            tok.text.truncate(tok.text.len() - last.len_utf8());
            if tok.text == "e" {
                tok.text = "è".into();
            } else if ELIDED.contains(&tok.text.as_str()) && !tok.text.chars().any(is_apostrophe) {
                return self.advance();
            }
            if !tok.text.chars().any(is_apostrophe) {
                self.use_own = false;
                return true;
            }
        }
        // Split into parts with their byte ranges inside the token text.
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let mut from = 0;
        for (i, c) in tok.text.char_indices() {
            if is_apostrophe(c) {
                parts.push((from, i));
                from = i + c.len_utf8();
            }
        }
        parts.push((from, tok.text.len()));
        let mut first = 0;
        while first + 1 < parts.len() && ELIDED.contains(&&tok.text[parts[first].0..parts[first].1])
        {
            first += 1;
        }
        let kept = &parts[first..];
        let base = tok.position;
        for (n, &(a, b)) in kept.iter().enumerate() {
            // Lower-casing keeps byte lengths for Italian letters, so the
            // part's offsets map back onto the original text.
            let from = (tok.offset_from + a).min(tok.offset_to);
            let to = (tok.offset_from + b).min(tok.offset_to);
            self.pending.push_back(Token {
                offset_from: from,
                offset_to: to,
                position: base + n,
                text: tok.text[a..b].to_owned(),
                position_length: 1,
            });
        }
        self.shift += kept.len() - 1;
        self.own = self.pending.pop_front().expect("at least one part");
        self.use_own = true;
        true
    }

    fn token(&self) -> &Token {
        if self.use_own {
            &self.own
        } else {
            self.tail.token()
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        if self.use_own {
            &mut self.own
        } else {
            self.tail.token_mut()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn it(text: &str) -> Vec<String> {
        terms(&mut italian(), text)
    }

    fn positions(text: &str) -> Vec<(String, usize)> {
        let mut a = italian();
        let mut s = a.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = s.next() {
            out.push((t.text.clone(), t.position));
        }
        out
    }

    #[test]
    fn accents_fold_and_inflections_meet() {
        assert_eq!(it("Città Metropolitana"), it("citta metropolitane"));
        assert_eq!(it("convenzioni"), it("CONVENZIONE"));
        assert_eq!(it("deliberazioni"), it("deliberazione"));
    }

    #[test]
    fn elisions_are_dropped_with_either_apostrophe() {
        assert_eq!(it("dell'ente"), it("ente"));
        assert_eq!(it("nell’ambito"), it("ambito"));
        assert_eq!(it("all'art. 18"), it("art 18"));
        assert_eq!(it("un'associazione"), it("associazione"));
        assert_eq!(it("L'Ufficio di Piano"), it("ufficio piano"));
    }

    #[test]
    fn trailing_apostrophe_is_not_elision() {
        // "un po'" keeps "po"; "E'" (è typed without the accent) keeps "e".
        assert_eq!(it("un po' di tempo"), vec!["po", "temp"]);
        assert_eq!(it("E' necessario"), it("è necessario"));
        assert_eq!(it("E' necessario").len(), 2);
        assert_eq!(it("dell' ente"), it("ente"));
        assert_eq!(it("'convenzione'"), it("convenzione"));
    }

    #[test]
    fn unknown_prefix_is_split_not_lost() {
        let t = it("Sant'Anna");
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!(t[1], it("anna")[0]);
    }

    #[test]
    fn meaningful_words_are_kept_and_gaps_keep_phrases() {
        assert!(!it("non").is_empty());
        assert!(!it("più").is_empty());
        assert!(!it("è").is_empty());
        let p = positions("Piano di Zona");
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].1 - p[0].1, 2, "the dropped 'di' leaves a gap: {p:?}");
        // A split word shifts the words after it by one.
        let p = positions("Sant'Anna protocollo");
        assert_eq!(p.iter().map(|x| x.1).collect::<Vec<_>>(), vec![0, 1, 2]);
    }

    #[test]
    fn offsets_point_at_the_word_in_the_text() {
        let text = "Comune e Città dell’Ente";
        let mut a = italian();
        let mut s = a.token_stream(text);
        let mut words = Vec::new();
        while let Some(t) = s.next() {
            words.push(&text[t.offset_from..t.offset_to]);
        }
        assert_eq!(words, vec!["Comune", "Città", "Ente"]);
    }

    #[test]
    fn names_and_codes() {
        assert_eq!(
            terms(&mut name(), "ASCIONE GIUSEPPE"),
            vec!["ascione", "giuseppe"]
        );
        assert_eq!(terms(&mut name(), "Niccolò"), vec!["niccolo"]);
        assert_eq!(terms(&mut code(), "2021_Z001"), vec!["2021_z001"]);
    }
}

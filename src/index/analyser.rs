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
//!    (`convenzioni` = `convenzione`), each word stemmed once per analyser
//!    ([`super::stem_memo`]).
//!
//! Names (people, collegial bodies, file paths) use a lighter chain: words,
//! lower case, accents folded, no stemming, so `ascione` finds
//! `ASCIONE GIUSEPPE` and nothing else. Codes are kept whole, lower-cased.

use std::collections::VecDeque;

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

use super::stem_memo::ItalianStemmer;

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

/// A character that belongs to a word: a letter or a digit, but never an
/// apostrophe (U+02BC, the modifier letter apostrophe, counts as a letter to
/// Unicode; as a word's first character it would leave an empty part).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_apostrophe(c)
}

/// Elided forms whose loss costs nothing: articles, articulated
/// prepositions, `un'`, and the clitics `d' c' s' m' t' v' n'`. Lower case,
/// accents as written.
pub const ELIDED: &[&str] = &[
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
        .filter(ItalianStemmer)
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
        let Some((start_rel, _)) = rest.char_indices().find(|(_, c)| is_word_char(*c)) else {
            self.at = self.text.len();
            return false;
        };
        let start = self.at + start_rel;
        let mut end = start;
        let mut chars = self.text[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_word_char(c) {
                end = start + i + c.len_utf8();
            } else if is_apostrophe(c) {
                // Inside a word it joins (dell'ente); at the end it belongs
                // to the word (po', E') and ends it.
                if !chars.peek().is_some_and(|(_, n)| is_word_char(*n)) {
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
            shift: 0,
        }
    }
}

/// The stream of [`ElisionFilter`]. Positions are assigned once: a token's
/// position is the tokenizer's, plus one for every extra part that split
/// words before it gave. The tokenizer's tokens are read, never changed, so
/// nothing can be counted twice however many words are split or dropped.
pub struct ElisionStream<S> {
    tail: S,
    /// Parts of a split word still to hand out.
    pending: VecDeque<Token>,
    /// The current token: every token is handed out from here.
    own: Token,
    /// How many extra positions split words have added so far.
    shift: usize,
}

impl<S: TokenStream> TokenStream for ElisionStream<S> {
    fn advance(&mut self) -> bool {
        if let Some(t) = self.pending.pop_front() {
            self.own = t;
            return true;
        }
        loop {
            if !self.tail.advance() {
                return false;
            }
            let tok = self.tail.token();
            let position = tok.position + self.shift;
            let mut text = tok.text.as_str();
            let mut typed_e = false;
            if let Some(last) = text.chars().last().filter(|c| is_apostrophe(*c)) {
                // A final apostrophe: `E'` is how `è` is typed without
                // accents; `po'` is `po`; a lone elided article (`dell' ente`)
                // is dropped, leaving its position empty.
                text = &text[..text.len() - last.len_utf8()];
                if text == "e" {
                    typed_e = true;
                } else if ELIDED.contains(&text) {
                    continue;
                }
            }
            if typed_e || !text.chars().any(is_apostrophe) {
                self.own.offset_from = tok.offset_from;
                self.own.offset_to = tok.offset_to;
                self.own.position = position;
                self.own.position_length = 1;
                self.own.text.clear();
                self.own.text.push_str(if typed_e { "è" } else { text });
                return true;
            }
            // Split into parts at the apostrophes; elided parts before the
            // last are dropped (`dell'ente` is `ente`), the others kept
            // (`sant'agata` is `sant`, `agata`).
            let mut parts: Vec<(usize, usize)> = Vec::new();
            let mut from = 0;
            for (i, c) in text.char_indices() {
                if is_apostrophe(c) {
                    parts.push((from, i));
                    from = i + c.len_utf8();
                }
            }
            parts.push((from, text.len()));
            let mut first = 0;
            while first + 1 < parts.len() && ELIDED.contains(&&text[parts[first].0..parts[first].1])
            {
                first += 1;
            }
            let kept = &parts[first..];
            for (n, &(a, b)) in kept.iter().enumerate() {
                // Lower-casing keeps byte lengths for Italian letters, so the
                // part's offsets map back onto the original text.
                self.pending.push_back(Token {
                    offset_from: (tok.offset_from + a).min(tok.offset_to),
                    offset_to: (tok.offset_from + b).min(tok.offset_to),
                    position: position + n,
                    text: text[a..b].to_owned(),
                    position_length: 1,
                });
            }
            self.shift += kept.len() - 1;
            self.own = self.pending.pop_front().expect("at least one part");
            return true;
        }
    }

    fn token(&self) -> &Token {
        &self.own
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.own
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

    /// The terms of a text with their positions, for comparing with `want`.
    fn at(text: &str) -> Vec<(String, usize)> {
        positions(text)
    }

    fn want(v: &[(&str, usize)]) -> Vec<(String, usize)> {
        v.iter().map(|(t, p)| (t.to_string(), *p)).collect()
    }

    /// The line: every word after `Sant'Agata` keeps its place, so
    /// phrases after it still match (Lucene's Italian chain gives the same).
    #[test]
    fn positions_after_a_split_word_stay_in_step() {
        assert_eq!(
            at("Il consiglio comunale di Sant'Agata approva il piano, immediatamente eseguibile, con voti unanimi."),
            want(&[
                ("consigl", 1),
                ("comunal", 2),
                ("sant", 4),
                ("agat", 5),
                ("approv", 6),
                ("pian", 8),
                ("immediat", 9),
                ("esegu", 10),
                ("vot", 12),
                ("unanim", 13)
            ])
        );
        // Two split words and an elision in one line: still in step.
        assert_eq!(
            at("vent'anni a Monte Sant'Angelo, dell'ente mezz'ora"),
            want(&[
                ("vent", 0),
                ("anni", 1),
                ("mont", 3),
                ("sant", 4),
                ("angel", 5),
                ("ente", 6),
                ("mezz", 7),
                ("ora", 8)
            ])
        );
    }

    #[test]
    fn every_apostrophe_form_has_its_place() {
        // Elisions: the article goes, the word takes its place.
        assert_eq!(
            at("dell'ente all'unanimità"),
            want(&[("ente", 0), ("unanim", 1)])
        );
        assert_eq!(at("c'è l'art"), want(&[("e", 0), ("art", 1)]));
        // Typographic apostrophes are apostrophes.
        assert_eq!(
            at("dell’ente nell‘ambito"),
            want(&[("ente", 0), ("ambit", 1)])
        );
        // Not an elision: both parts, the next word one place further.
        assert_eq!(
            at("Sant’Anna oggi"),
            want(&[("sant", 0), ("anna", 1), ("oggi", 2)])
        );
        assert_eq!(
            at("delll'incarico dato"),
            want(&[("delll", 0), ("incar", 1), ("dat", 2)])
        );
        // At a word's end: part of the word, which ends there.
        assert_eq!(at("un po' di tempo"), want(&[("po", 1), ("temp", 3)]));
        assert_eq!(at("E' vero"), at("è vero"));
        // A lone elided article leaves its place empty.
        assert_eq!(at("dell' ente"), want(&[("ente", 1)]));
        // Several in a row: the word ends at the first no letter follows.
        assert_eq!(at("a''b c"), want(&[("b", 1), ("c", 2)]));
        assert_eq!(at("l'dell'ente poi"), want(&[("ente", 0), ("poi", 1)]));
        // The modifier letter apostrophe (a letter to Unicode) is an apostrophe.
        assert_eq!(
            at("\u{2bc}ente d\u{2bc}Agata"),
            want(&[("ente", 0), ("agat", 1)])
        );
        // No empty terms, whatever the apostrophes.
        for t in [
            "''",
            "'a'",
            "\u{2bc}\u{2bc}",
            "a\u{2bc}\u{2bc}b",
            "l''",
            "'''x'''",
        ] {
            assert!(at(t).iter().all(|(w, _)| !w.is_empty()), "{t:?}");
        }
    }

    /// Lines of the real corpora and written edge cases with the terms and
    /// positions Lucene's Italian chain gives them (`cargo bench --bench
    /// analyser_diff` writes the file; see its documentation): atti must
    /// give the same, but where the benchmark recorded a deliberate
    /// divergence (`stemmer`: same positions, a word stemmed otherwise).
    #[test]
    fn the_same_terms_and_positions_as_lucene() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/lucene_italian.jsonl");
        let text = std::fs::read_to_string(&path).expect("the Lucene sample");
        let mut n = 0;
        for l in text.lines() {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let line = v["line"].as_str().unwrap();
            let lucene: Vec<(String, usize)> = v["lucene"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    (
                        t[0].as_str().unwrap().to_owned(),
                        t[1].as_u64().unwrap() as usize,
                    )
                })
                .collect();
            let ours = at(line);
            match v["divergence"].as_str() {
                None => assert_eq!(ours, lucene, "{line:?}"),
                Some("stemmer") => assert_eq!(
                    ours.iter().map(|t| t.1).collect::<Vec<_>>(),
                    lucene.iter().map(|t| t.1).collect::<Vec<_>>(),
                    "{line:?}"
                ),
                Some(other) => panic!("undocumented divergence `{other}` on {line:?}"),
            }
            n += 1;
        }
        assert!(n >= 500, "{n} lines");
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

//! The Snowball Italian stemmer, remembering the words it has stemmed.
//!
//! An archive's acts say the same words again and again ("determinazione",
//! "servizio", "impegno"), and stemming a word is the costliest step of the
//! analyser (a sixth of the indexing process's work on the office corpus).
//! The filter keeps each word's stem once it is computed, for the life of
//! the analyser (an index writer keeps one per field for a whole segment),
//! and forgets them all when it holds [`MAX_WORDS`] words: the terms are
//! exactly those of tantivy's own `Stemmer` (tested), at a hash lookup a
//! word most of the time.

use std::collections::HashMap;

use frostem::Algorithm;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Words remembered at most; past it the memory starts again (a bound on
/// memory whatever an archive holds: about 5 MB of short words).
pub const MAX_WORDS: usize = 100_000;

/// A [`TokenFilter`] stemming with Snowball's Italian algorithm.
#[derive(Clone, Copy, Debug, Default)]
pub struct ItalianStemmer;

impl TokenFilter for ItalianStemmer {
    type Tokenizer<T: Tokenizer> = StemmerFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> StemmerFilter<T> {
        StemmerFilter {
            inner,
            memo: HashMap::new(),
        }
    }
}

#[derive(Clone)]
pub struct StemmerFilter<T> {
    inner: T,
    memo: HashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for StemmerFilter<T> {
    type TokenStream<'a> = StemStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
            stemmer: frostem::Stemmer::new(Algorithm::Italian),
        }
    }
}

pub struct StemStream<'a, T> {
    tail: T,
    memo: &'a mut HashMap<String, String>,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for StemStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.memo.get(&token.text) {
            token.text.clone_from(stem);
        } else {
            let stem = self.stemmer.stem(&token.text).into_owned();
            let word = std::mem::replace(&mut token.text, stem.clone());
            if self.memo.len() >= MAX_WORDS {
                self.memo.clear();
            }
            self.memo.insert(word, stem);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{Language, SimpleTokenizer, Stemmer, TextAnalyzer};

    fn terms(mut a: TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut s = a.token_stream(text);
        while s.advance() {
            out.push(s.token().text.clone());
        }
        out
    }

    #[test]
    fn stems_as_tantivys_stemmer_does_first_time_and_from_memory() {
        let text = "le convenzioni approvate con la determinazione; determinazione \
                    dirigenziale approvata, convenzioni rinnovate: impegni impegnati";
        let ours = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(ItalianStemmer)
            .build();
        let stock = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(Stemmer::new(Language::Italian))
            .build();
        let want = terms(stock, text);
        assert!(want.contains(&"convenzion".to_owned()), "{want:?}");
        // The same analyser twice: the second text is stemmed from memory.
        let mut a = ours;
        for _ in 0..2 {
            let mut got = Vec::new();
            let mut s = a.token_stream(text);
            while s.advance() {
                got.push(s.token().text.clone());
            }
            assert_eq!(got, want);
        }
    }

    #[test]
    fn the_memory_is_bounded() {
        let mut f = ItalianStemmer.transform(SimpleTokenizer::default());
        let words: String = (0..MAX_WORDS + 10).map(|i| format!("parola{i} ")).collect();
        let mut s = f.token_stream(&words);
        while s.advance() {}
        drop(s);
        assert_eq!(f.memo.len(), 10);
    }
}

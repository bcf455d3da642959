//! Words standing together: a bonus for the hits where the words of a
//! plain query stand next to each other, as a name does ("ufficio di
//! piano", "città metropolitana"), over hits where they are scattered.
//!
//! Checking word positions is the costly part of a search, so it is not
//! done on every match: the query is ranked first, and only the best
//! candidates (a window a few times the number of hits asked for) are
//! checked and re-ranked. The phrase may have one word in between or
//! swapped (slop 1) and is checked in the body and the title.

use std::collections::BTreeMap;

use tantivy::query::{EnableScoring, PhraseQuery, Query};
use tantivy::{DocAddress, DocSet, Score, Searcher, SeekDangerResult, Term};

use super::analyser;
use super::syntax;
use super::Index;
use crate::error::Result;

/// How much a phrase found in a field adds, relative to its BM25 score.
const BODY_BOOST: Score = 4.0;
const TITLE_BOOST: Score = 4.0;

/// The phrases of one query, ready to check candidates against.
pub struct Proximity {
    phrases: Vec<(PhraseQuery, Score)>,
}

impl Proximity {
    /// For a query of two or more plain words; `None` for one word, or for
    /// a query with operators, fields or phrases of its own.
    pub fn new(index: &Index, input: &str) -> Option<Proximity> {
        let text = syntax::read(input).ok()?.plain_text()?;
        let f = index.fields();
        let mut analyser = analyser::italian();
        let mut phrases = Vec::new();
        for (field, boost) in [(f.body, BODY_BOOST), (f.title, TITLE_BOOST)] {
            let mut terms: Vec<(usize, Term)> = Vec::new();
            let mut stream = analyser.token_stream(&text);
            while let Some(t) = tantivy::tokenizer::TokenStream::next(&mut stream) {
                terms.push((t.position, Term::from_field_text(field, &t.text)));
            }
            if terms.len() < 2 {
                return None;
            }
            phrases.push((PhraseQuery::new_with_offset_and_slop(terms, 1), boost));
        }
        Some(Proximity { phrases })
    }

    /// Adds the phrase scores to `hits` and sorts them again, best first.
    pub fn rescore(&self, searcher: &Searcher, hits: &mut [(Score, DocAddress)]) -> Result<()> {
        // Candidates by segment, in doc order: the scorers only move forward.
        let mut by_segment: BTreeMap<u32, Vec<(u32, usize)>> = BTreeMap::new();
        for (i, (_, addr)) in hits.iter().enumerate() {
            by_segment
                .entry(addr.segment_ord)
                .or_default()
                .push((addr.doc_id, i));
        }
        for docs in by_segment.values_mut() {
            docs.sort_unstable();
        }
        for (phrase, boost) in &self.phrases {
            let weight = phrase.weight(EnableScoring::enabled_from_searcher(searcher))?;
            for (&segment, docs) in &by_segment {
                let reader = searcher.segment_reader(segment);
                let Some(&(first, _)) = docs.first() else {
                    continue;
                };
                let (found, mut scorer) = weight.scorer_danger(reader, first, 1.0)?;
                // Where the phrase's next match can be, at the earliest.
                let mut lower = first;
                for (n, &(doc, i)) in docs.iter().enumerate() {
                    let result = if n == 0 {
                        found
                    } else if doc < lower {
                        continue;
                    } else {
                        scorer.seek_danger(doc)
                    };
                    match result {
                        SeekDangerResult::Found => {
                            hits[i].0 += boost * scorer.score();
                            lower = doc + 1;
                        }
                        SeekDangerResult::SeekLowerBound(lb) => lower = lb.max(doc + 1),
                    }
                }
            }
        }
        hits.sort_by(|a, b| b.0.total_cmp(&a.0));
        Ok(())
    }
}

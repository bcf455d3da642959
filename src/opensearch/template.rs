//! `atti export --format opensearch-template`: the composable index template
//! a cluster needs before it takes atti's bulk files.
//!
//! The `atti_it` analyser is the chain of `bench/lucene/ItalianChain.java`,
//! filter for filter: the Lucene filters that `cargo bench --bench
//! analyser_diff` shows give the terms of atti's own analyser
//! ([`crate::index::analyser`]), with atti's elision and stop lists. What a
//! template cannot say exactly is listed in the README: the long-word limit
//! counts characters here, bytes in atti; the word-part split uses
//! OpenSearch's default character table, in which only the apostrophe
//! splits a token this tokenizer made.

use serde_json::{json, Value};

use crate::index::analyser::{ELIDED, STOP_WORDS};

/// atti's apostrophes (`is_apostrophe`): ' U+2019 U+2018 U+02BC ` U+00B4.
const APOSTROPHES: &str = "'\u{2019}\u{2018}\u{02BC}`\u{00B4}";

/// A word: letters and digits, an apostrophe joined only when a letter or
/// digit follows, one trailing apostrophe taken (Java regex, as the
/// pattern tokenizer reads it; the same as ItalianChain.java's WORD).
pub fn word_pattern() -> String {
    let an = format!("[[\\p{{IsAlphabetic}}\\p{{N}}]&&[^{APOSTROPHES}]]");
    format!("{an}++(?:[{APOSTROPHES}]{an}++)*+[{APOSTROPHES}]?+")
}

/// The filters of `atti_it`, in order, by name.
pub const IT_FILTERS: &[&str] = &[
    "atti_long",
    "atti_apostrophe",
    "lowercase",
    "atti_e_accent",
    "atti_elision",
    "atti_elision",
    "atti_nonempty",
    "atti_apostrophe_split",
    "atti_stop",
    "asciifolding",
    "atti_stemmer",
];

/// The index template for indexes named `index_name` and `index_name-*`.
pub fn template(index_name: &str) -> Value {
    let other_apostrophes: String = APOSTROPHES.chars().skip(1).collect();
    json!({
        "index_patterns": [index_name, format!("{index_name}-*")],
        "priority": 100,
        "_meta": {
            "made_by": format!("atti {}", env!("CARGO_PKG_VERSION")),
            "analyser": "src/index/analyser.rs, as bench/lucene/ItalianChain.java"
        },
        "template": {
            "settings": {
                "analysis": {
                    "tokenizer": {
                        "atti_words": {"type": "pattern", "pattern": word_pattern(), "group": 0},
                        "atti_name_words": {"type": "pattern", "pattern": "[^\\p{IsAlphabetic}\\p{N}]+"}
                    },
                    "filter": {
                        "atti_long": {"type": "length", "min": 0, "max": 47},
                        "atti_apostrophe": {"type": "pattern_replace", "pattern": format!("[{other_apostrophes}]"), "replacement": "'", "all": true},
                        "atti_e_accent": {"type": "pattern_replace", "pattern": "^e'$", "replacement": "è", "all": false},
                        "atti_elision": {"type": "elision", "articles": ELIDED, "articles_case": false},
                        "atti_nonempty": {"type": "length", "min": 1},
                        "atti_apostrophe_split": {
                            "type": "word_delimiter",
                            "generate_word_parts": true,
                            "generate_number_parts": true,
                            "catenate_words": false,
                            "catenate_numbers": false,
                            "catenate_all": false,
                            "split_on_case_change": false,
                            "split_on_numerics": false,
                            "preserve_original": false,
                            "stem_english_possessive": false,
                            "type_table": ["' => SUBWORD_DELIM"]
                        },
                        "atti_stop": {"type": "stop", "stopwords": STOP_WORDS, "ignore_case": false, "remove_trailing": true},
                        "atti_stemmer": {"type": "snowball", "language": "Italian"}
                    },
                    "analyzer": {
                        "atti_it": {"type": "custom", "tokenizer": "atti_words", "filter": IT_FILTERS},
                        "atti_name": {"type": "custom", "tokenizer": "atti_name_words", "filter": ["atti_long", "lowercase", "asciifolding"]}
                    },
                    "normalizer": {
                        "atti_code": {"type": "custom", "filter": ["lowercase"]}
                    }
                }
            },
            "mappings": {
                "dynamic": false,
                "properties": {
                    "doc_id": {"type": "keyword"},
                    "source_file": {"type": "keyword", "fields": {"words": {"type": "text", "analyzer": "atti_name"}}},
                    "paths": {"type": "keyword"},
                    "kind": {"type": "keyword"},
                    "title": {"type": "text", "analyzer": "atti_it"},
                    "body": {"type": "text", "analyzer": "atti_it"},
                    "year": {"type": "integer"},
                    "date": {"type": "date", "format": "yyyy-MM-dd"},
                    "administration": {"type": "keyword", "fields": {"words": {"type": "text", "analyzer": "atti_name"}}},
                    "organ": {"type": "text", "analyzer": "atti_name"},
                    "act_number": {"type": "keyword", "normalizer": "atti_code"},
                    "codes": {"type": "keyword", "normalizer": "atti_code"},
                    "people": {"type": "text", "analyzer": "atti_name"},
                    "sha256": {"type": "keyword"},
                    "pages": {"type": "integer"},
                    "record": {"type": "object", "enabled": false}
                }
            }
        }
    })
}

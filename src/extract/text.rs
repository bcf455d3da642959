//! Plain text files.
use crate::extract::{Extracted, Limits, Page};

pub fn extract(bytes: &[u8], _limits: &Limits) -> Extracted {
    let text = String::from_utf8_lossy(bytes).into_owned();
    Extracted {
        pages: vec![Page {
            number: 1,
            text,
            ..Page::default()
        }],
        extractor: "text/utf-8".into(),
        ..Extracted::default()
    }
}

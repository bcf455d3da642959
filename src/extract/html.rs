//! HTML pages.
use crate::extract::{Extracted, Limits};

pub fn extract(bytes: &[u8], limits: &Limits) -> Extracted {
    let mut e = crate::extract::text::extract(bytes, limits);
    e.extractor = "html".into();
    e
}

//! PDF text extraction on lopdf (placeholder until the layout-aware extractor lands).
use crate::error::{Error, Result};
use crate::extract::{Extracted, Limits};

pub fn extract(_bytes: &[u8], _limits: &Limits) -> Result<Extracted> {
    Err(Error::Pdf("PDF extraction is not built yet".into()))
}

pub fn layout_text(page: &crate::extract::Page) -> String {
    page.text.clone()
}

pub fn raw_text(_bytes: &[u8], _limits: &Limits) -> Result<String> {
    Err(Error::Pdf("PDF extraction is not built yet".into()))
}

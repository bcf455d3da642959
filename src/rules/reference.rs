//! TEMPORARY stand-in for the `refs` branch's legal references, so the rules
//! engine compiles before the merge. The refs branch owns this file.

use std::ops::Range;

use crate::record::Reference;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RefSettings {
    pub default_region: Option<String>,
}

pub fn find_references(_text: &str, _settings: &RefSettings) -> Vec<(Range<usize>, Reference)> {
    Vec::new()
}

pub fn urn(_r: &Reference) -> Option<String> {
    None
}

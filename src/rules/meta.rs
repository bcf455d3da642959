//! What every compiled rule carries ([`Meta`]): shared by the aggregate
//! [`super::compiled`] and the rule modules compiled on their own
//! ([`super::classifier`], [`super::money`]).

use super::format::Example;

/// What every rule has: an id, a description, where it was written and its examples.
#[derive(Debug, Clone)]
pub struct Meta {
    pub id: String,
    pub description: String,
    /// `file:line` of the rule's id.
    pub origin: String,
    pub examples: Vec<Example>,
}

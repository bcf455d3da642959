//! Rules: normalisers for Italian dates, numbers in words and legal references.

pub mod date;
pub mod numwords;
pub mod reference;

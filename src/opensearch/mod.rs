//! The handoff to OpenSearch: a `_bulk` file of the archive's documents and
//! an index template whose Italian analyser is atti's own chain.
//!
//! A regional search cluster takes the documents of many archives; atti
//! hands them over rather than serve them itself:
//! - [`bulk`]: one `index` action per document, its `_id` the key of the
//!   file's place in the archive ([`key`]), so exporting again after the
//!   file changed replaces the cluster's copy instead of adding one; the
//!   ids of an earlier export that are gone now become `delete` actions.
//!   Routing is by the administration that published the act, so one
//!   body's documents live on one shard of the cluster. The whole record
//!   is kept in `record`, stored and not indexed.
//! - [`template`]: the index template, with the `atti_it` analyser built
//!   from the same Lucene filters that `bench/lucene/ItalianChain.java`
//!   proves equal to atti's analyser, and a keyword normaliser for codes.

pub mod bulk;
pub mod template;

use sha2::Digest;

/// The document key a cluster knows a file by: a hash of its place in the
/// archive (`source_file`, the path under the archive root), so that it
/// stays the same when the file's content changes. 20 hex digits.
pub fn key(source_file: &str) -> String {
    let digest = sha2::Sha256::digest(format!("atti:{source_file}").as_bytes());
    digest[..10].iter().map(|b| format!("{b:02x}")).collect()
}

/// The index name used when none is given.
pub const DEFAULT_INDEX: &str = "atti";

//! tesseract's outputs kept on disk for benchmarks, by what was read: when
//! the environment variable [`VAR`] names a folder, each tesseract run's
//! standard output is stored there under a hash of the image's bytes and
//! the arguments, and a later run with the same image and arguments reads
//! it back instead of running tesseract. A benchmark that changes only
//! what is made of tesseract's words (rows, clean-up) then re-runs in
//! seconds (`bench/ocr_fields.sh` sets it). Without the variable nothing
//! is kept. Failed runs are never kept.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// The environment variable naming the cache folder.
pub const VAR: &str = "ATTI_OCR_CACHE";

/// Where the output of a run over `image` with `args` is kept, when a
/// cache folder is set and the image can be read.
pub fn entry(image: &Path, args: &[String]) -> Option<PathBuf> {
    let dir = std::env::var_os(VAR).filter(|d| !d.is_empty())?;
    let bytes = std::fs::read(image).ok()?;
    Some(Path::new(&dir).join(key(&bytes, args)))
}

/// The file name of a run's output: two independent 64-bit hashes of the
/// image and the arguments, and the image's length.
fn key(bytes: &[u8], args: &[String]) -> String {
    let hash = |seed: u64| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        seed.hash(&mut h);
        bytes.hash(&mut h);
        args.hash(&mut h);
        h.finish()
    };
    format!("{:016x}{:016x}-{}.out", hash(1), hash(2), bytes.len())
}

/// The kept output, if any.
pub fn get(entry: &Path) -> Option<Vec<u8>> {
    std::fs::read(entry).ok()
}

/// Keeps `out` (best effort: a cache that cannot be written is no cache).
pub fn put(entry: &Path, out: &[u8]) {
    if let Some(dir) = entry.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let tmp = entry.with_extension(format!("tmp{}", std::process::id()));
    if std::fs::write(&tmp, out).is_ok() {
        let _ = std::fs::rename(&tmp, entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_follows_the_image_and_the_arguments() {
        let a = vec!["--psm".to_string(), "3".to_string()];
        let b = vec!["--psm".to_string(), "1".to_string()];
        assert_eq!(key(b"P5 1 1 255 x", &a), key(b"P5 1 1 255 x", &a));
        assert_ne!(key(b"P5 1 1 255 x", &a), key(b"P5 1 1 255 y", &a));
        assert_ne!(key(b"P5 1 1 255 x", &a), key(b"P5 1 1 255 x", &b));
    }
}

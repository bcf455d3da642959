//! The stored pages: what the extractor read from each content, kept beside
//! the index so that new rules can be applied without reading a file.
//!
//! Extraction and rules are apart: a [`Reading`] (pages of text, positioned
//! words, ruling lines, declared tables) depends only on a file's bytes and
//! on the extractor, so it is stored once per content hash, with the
//! extractor's version ([`crate::version::EXTRACTOR`]). When only the rules
//! or the rule engine changed, an ingest (and `atti rules diff`) takes the
//! pages from here; pages of another extractor are never used, and the file
//! is read again.
//!
//! One file per content, `INDEX/pages/<first two hex digits>/<sha256>`:
//! the 8 bytes `ATTIPAGE`, one byte of codec layout ([`page_codec::FORMAT`]),
//! the extractor's version in 16 ASCII hex digits, then the reading as a
//! zstd frame of [`page_codec`] bytes. A file is written whole under a
//! temporary name and renamed, so a killed run leaves either the old file,
//! the new one, or a temporary that the next sweep removes. The store is
//! bounded by the index: [`PageStore::sweep`] removes every content no
//! document refers to any more (after a prune, a changed file, a removal).

use std::collections::HashSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::page_codec;
use crate::error::{Error, Result};
use crate::read::Reading;

/// The store's folder inside the index folder.
pub const DIR: &str = "pages";

const MAGIC: &[u8; 8] = b"ATTIPAGE";
const HEADER: usize = 8 + 1 + 16;
/// zstd's level: fast to write, and text and word boxes shrink well at it.
const LEVEL: i32 = 3;

/// The pages stored beside one index.
#[derive(Debug, Clone)]
pub struct PageStore {
    dir: PathBuf,
}

/// What a sweep did, and what the store holds after it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    pub removed: usize,
    pub files: usize,
    pub bytes: u64,
}

/// A content hash as the store names files: 64 lowercase hex digits.
fn valid(sha256: &str) -> bool {
    sha256.len() == 64
        && sha256
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

impl PageStore {
    /// The store of the index folder `index`.
    pub fn of_index(index: &Path) -> PageStore {
        PageStore {
            dir: index.join(DIR),
        }
    }

    /// The store in the folder `dir` itself.
    pub fn in_dir(dir: &Path) -> PageStore {
        PageStore {
            dir: dir.to_owned(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file that holds (or would hold) a content's pages.
    pub fn file(&self, sha256: &str) -> PathBuf {
        self.dir.join(&sha256[..2.min(sha256.len())]).join(sha256)
    }

    /// Stores a content's reading, made by this build's extractor; returns
    /// the bytes written.
    pub fn save(&self, sha256: &str, reading: &Reading) -> Result<u64> {
        if !valid(sha256) {
            return Err(Error::Usage(format!(
                "non è un hash di contenuto: {sha256}"
            )));
        }
        let packed = zstd::bulk::compress(&page_codec::encode(reading), LEVEL)
            .map_err(|e| Error::io(self.file(sha256), e))?;
        let mut bytes = Vec::with_capacity(HEADER + packed.len());
        bytes.extend_from_slice(MAGIC);
        bytes.push(page_codec::FORMAT);
        bytes.extend_from_slice(extractor_bytes());
        bytes.extend_from_slice(&packed);
        let file = self.file(sha256);
        let folder = file.parent().expect("a file in a folder");
        std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
        static SEQ: AtomicU64 = AtomicU64::new(0);
        let tmp = folder.join(format!(
            ".tmp-{sha256}-{}-{}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed)
        ));
        let written = std::fs::File::create(&tmp).and_then(|mut f| f.write_all(&bytes));
        if let Err(e) = written.and_then(|_| std::fs::rename(&tmp, &file)) {
            let _ = std::fs::remove_file(&tmp);
            return Err(Error::io(&file, e));
        }
        Ok(bytes.len() as u64)
    }

    /// A content's reading, when it was stored by this build's extractor and
    /// reads back whole; `None` otherwise (then the file is read again).
    pub fn load(&self, sha256: &str) -> Option<Reading> {
        if !valid(sha256) {
            return None;
        }
        let bytes = std::fs::read(self.file(sha256)).ok()?;
        if bytes.len() < HEADER
            || &bytes[..8] != MAGIC
            || bytes[8] != page_codec::FORMAT
            || &bytes[9..HEADER] != extractor_bytes()
        {
            return None;
        }
        let mut raw = Vec::new();
        zstd::stream::copy_decode(&bytes[HEADER..], &mut raw).ok()?;
        page_codec::decode(&raw).ok()
    }

    /// Whether a file for this content is stored (of whatever extractor).
    pub fn holds(&self, sha256: &str) -> bool {
        valid(sha256) && self.file(sha256).is_file()
    }

    /// Removes the pages of every content not in `live`, and the temporary
    /// files a killed run left; counts what stays. Run while holding the
    /// index's write lock, so that no ingest is writing meanwhile.
    pub fn sweep(&self, live: &HashSet<&str>) -> Result<Swept> {
        let mut out = Swept::default();
        let Ok(top) = std::fs::read_dir(&self.dir) else {
            return Ok(out);
        };
        for folder in top.flatten() {
            let path = folder.path();
            if !path.is_dir() {
                continue;
            }
            let mut left = 0;
            for e in std::fs::read_dir(&path)
                .map_err(|e| Error::io(&path, e))?
                .flatten()
            {
                let name = e.file_name();
                let name = name.to_string_lossy();
                if name.starts_with(".tmp") || !live.contains(name.as_ref()) {
                    match std::fs::remove_file(e.path()) {
                        Ok(()) => out.removed += usize::from(!name.starts_with(".tmp")),
                        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                        Err(err) => return Err(Error::io(e.path(), err)),
                    }
                    continue;
                }
                left += 1;
                out.files += 1;
                out.bytes += e.metadata().map_or(0, |m| m.len());
            }
            if left == 0 {
                let _ = std::fs::remove_dir(&path);
            }
        }
        Ok(out)
    }

    /// Brings every content `other` stores that this store does not hold
    /// yet, linked where both are on one disk (a page file is never
    /// written in place, only replaced whole, so a link is never changed
    /// under the other store), else copied. Returns how many it brought.
    pub fn take_from(&self, other: &PageStore) -> Result<usize> {
        let mut taken = 0;
        for folder in std::fs::read_dir(&other.dir)
            .into_iter()
            .flatten()
            .flatten()
        {
            for e in std::fs::read_dir(folder.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let name = e.file_name();
                let name = name.to_string_lossy();
                if !valid(&name) || self.file(&name).exists() {
                    continue;
                }
                let to = self.file(&name);
                let parent = to.parent().expect("a file in a folder");
                std::fs::create_dir_all(parent).map_err(|err| Error::io(parent, err))?;
                if std::fs::hard_link(e.path(), &to).is_err() {
                    std::fs::copy(e.path(), &to).map_err(|err| Error::io(&to, err))?;
                }
                taken += 1;
            }
        }
        Ok(taken)
    }

    /// How many contents the store holds and the bytes they take.
    pub fn size(&self) -> (usize, u64) {
        let mut files = 0;
        let mut bytes = 0;
        for folder in std::fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            for e in std::fs::read_dir(folder.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                if !e.file_name().to_string_lossy().starts_with(".tmp") {
                    files += 1;
                    bytes += e.metadata().map_or(0, |m| m.len());
                }
            }
        }
        (files, bytes)
    }
}

fn extractor_bytes() -> &'static [u8] {
    let v = crate::version::EXTRACTOR.as_bytes();
    &v[..16.min(v.len())]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Page;

    fn reading(text: &str) -> Reading {
        Reading {
            pages: vec![Page {
                number: 1,
                text: text.into(),
                ..Page::default()
            }],
            extractor: "text/utf-8".into(),
            ..Reading::default()
        }
    }

    #[test]
    fn saved_pages_load_back_and_another_extractor_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = PageStore::of_index(dir.path());
        let sha = "ab".repeat(32);
        assert!(store.load(&sha).is_none());
        let r = reading("Deliberazione n. 5 del 3 marzo 2021");
        store.save(&sha, &r).unwrap();
        assert!(store.holds(&sha));
        assert_eq!(store.load(&sha).unwrap(), r);

        // The same bytes under another extractor's version: not used.
        let file = store.file(&sha);
        let mut bytes = std::fs::read(&file).unwrap();
        bytes[9..25].copy_from_slice(b"0000000000000000");
        std::fs::write(&file, &bytes).unwrap();
        assert!(store.load(&sha).is_none());
        // A truncated file: not used either.
        store.save(&sha, &r).unwrap();
        let bytes = std::fs::read(&file).unwrap();
        std::fs::write(&file, &bytes[..bytes.len() - 3]).unwrap();
        assert!(store.load(&sha).is_none());
        assert!(store.save("../../etc/passwd", &r).is_err());
    }

    #[test]
    fn a_sweep_keeps_only_live_contents() {
        let dir = tempfile::tempdir().unwrap();
        let store = PageStore::of_index(dir.path());
        let (a, b) = ("a1".repeat(32), "b2".repeat(32));
        store.save(&a, &reading("uno")).unwrap();
        store.save(&b, &reading("due")).unwrap();
        std::fs::write(store.file(&a).with_file_name(".tmp-left-1-0"), b"x").unwrap();
        let live: HashSet<&str> = [a.as_str()].into_iter().collect();
        let s = store.sweep(&live).unwrap();
        assert_eq!((s.removed, s.files), (1, 1));
        assert!(store.holds(&a) && !store.holds(&b));
        assert!(!store.file(&b).parent().unwrap().exists());
        assert_eq!(store.size().0, 1);
        assert_eq!(
            std::fs::read_dir(store.file(&a).parent().unwrap())
                .unwrap()
                .count(),
            1
        );
    }
}

//! The ZIP container of an office file (.docx, .xlsx, .odt, .ods), opened
//! with limits.
//!
//! A ZIP says how big each part will be once inflated, and a hostile one
//! lies: a few kilobytes that inflate to gigabytes (a "zip bomb"). Before
//! any part is read, the archive is checked as a whole: how many entries it
//! has, the total size its entries declare, and how much each part is
//! compressed (text compresses about ten times; a thousand times is a bomb).
//! Then every part is read through a counter that stops at the part limit,
//! whatever the header said. An encrypted entry is a password-protected
//! file.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::error::{Error, Result};

/// Most entries of one archive (a large workbook has a few hundred).
pub const MAX_ENTRIES: usize = 10_000;
/// Most bytes one part inflates to.
pub const MAX_PART_BYTES: u64 = 256 << 20;
/// Most bytes all parts together declare.
pub const MAX_TOTAL_BYTES: u64 = 1 << 30;
/// Highest compression ratio of a part larger than [`RATIO_FROM`]: XML
/// compresses well, but not this well.
pub const MAX_RATIO: u64 = 200;
const RATIO_FROM: u64 = 1 << 20;

/// An office file's ZIP container, checked.
pub struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
}

impl<'a> Archive<'a> {
    /// Opens and checks the archive (see the module's text).
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>> {
        let mut zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| Error::Office(format!("archivio ZIP danneggiato: {e}")))?;
        if zip.len() > MAX_ENTRIES {
            return Err(Error::Limit(format!(
                "archivio ZIP con {} parti, oltre il limite di {MAX_ENTRIES} (zip bomb?)",
                zip.len()
            )));
        }
        let mut total = 0u64;
        for i in 0..zip.len() {
            let f = zip
                .by_index_raw(i)
                .map_err(|e| Error::Office(format!("archivio ZIP danneggiato: {e}")))?;
            if f.encrypted() {
                return Err(Error::Unsupported(
                    "documento protetto da password (parti ZIP cifrate)".into(),
                ));
            }
            let (size, packed) = (f.size(), f.compressed_size().max(1));
            if size > MAX_PART_BYTES {
                return Err(Error::Limit(format!(
                    "una parte dell'archivio si espande a {size} byte, oltre il limite di {MAX_PART_BYTES} (zip bomb?)"
                )));
            }
            if size > RATIO_FROM && size / packed > MAX_RATIO {
                return Err(Error::Limit(format!(
                    "una parte dell'archivio è compressa {} volte, oltre il limite di {MAX_RATIO} (zip bomb)",
                    size / packed
                )));
            }
            total += size;
        }
        if total > MAX_TOTAL_BYTES {
            return Err(Error::Limit(format!(
                "le parti dell'archivio si espandono a {total} byte, oltre il limite di {MAX_TOTAL_BYTES} (zip bomb?)"
            )));
        }
        Ok(Archive { zip })
    }

    /// Whether a part of this name is in the archive.
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The names of the parts, in archive order.
    pub fn names(&self) -> Vec<String> {
        self.zip
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .collect()
    }

    /// A part's bytes, at most [`MAX_PART_BYTES`] whatever its header says;
    /// `None` when there is no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>> {
        let Some(i) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let f = self
            .zip
            .by_index(i)
            .map_err(|e| Error::Office(format!("archivio ZIP danneggiato ({name}): {e}")))?;
        let mut out = Vec::with_capacity(f.size().min(MAX_PART_BYTES) as usize);
        f.take(MAX_PART_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|e| Error::Office(format!("archivio ZIP danneggiato ({name}): {e}")))?;
        if out.len() as u64 > MAX_PART_BYTES {
            return Err(Error::Limit(format!(
                "la parte {name} si espande oltre {MAX_PART_BYTES} byte (zip bomb)"
            )));
        }
        Ok(Some(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in parts {
            w.start_file(*name, opts).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_part_that_inflates_a_thousand_times_is_a_bomb() {
        let zeros = vec![0u8; 8 << 20];
        let bytes = zip_of(&[("word/document.xml", &zeros)]);
        assert!(bytes.len() < 100_000, "{}", bytes.len());
        let err = Archive::open(&bytes).err().expect("refused");
        assert!(matches!(err, Error::Limit(_)), "{err}");
        assert!(err.to_string().contains("zip bomb"), "{err}");
    }

    #[test]
    fn parts_are_read_and_a_missing_one_is_none() {
        let bytes = zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.text")]);
        let mut a = Archive::open(&bytes).unwrap();
        assert!(a.has("mimetype"));
        assert_eq!(
            a.part("mimetype").unwrap().as_deref(),
            Some(&b"application/vnd.oasis.opendocument.text"[..])
        );
        assert_eq!(a.part("content.xml").unwrap(), None);
    }

    #[test]
    fn a_truncated_archive_is_damaged() {
        let bytes = zip_of(&[("word/document.xml", b"<w:document/>")]);
        let err = Archive::open(&bytes[..bytes.len() / 2])
            .err()
            .expect("refused");
        assert!(err.to_string().contains("danneggiato"), "{err}");
    }
}

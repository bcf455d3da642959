//! Work units for batch engines: which files of the archive one shard holds.
//!
//! `--shard I/N` keeps the files whose name under the archive root hashes
//! to I modulo N. The hash is of the name alone (the first eight bytes of
//! its SHA-256, big-endian), so every machine and every run puts a file in
//! the same shard whatever else the archive holds, and a retried shard
//! reads the same files again. Cut into many more shards than workers, the
//! engine's queue evens out short and long files.

use std::fmt;
use std::str::FromStr;

use sha2::Digest;

use super::discover::Discovery;

/// Shard `index` of `count` (0-based, `index < count`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

/// The shard of `count` that holds the file named `source_file` under the
/// archive root.
pub fn shard_of(source_file: &str, count: u32) -> u32 {
    let digest = sha2::Sha256::digest(source_file.as_bytes());
    let mut head = [0u8; 8];
    head.copy_from_slice(&digest[..8]);
    (u64::from_be_bytes(head) % u64::from(count.max(1))) as u32
}

impl Shard {
    /// Whether the file named `source_file` belongs to this shard.
    pub fn holds(&self, source_file: &str) -> bool {
        shard_of(source_file, self.count) == self.index
    }

    /// Keeps only what this shard holds of a discovery: its candidates, its
    /// discover failures and its skipped files.
    pub fn filter(&self, found: &mut Discovery) {
        found.candidates.retain(|c| self.holds(&c.source_file));
        found.failures.retain(|f| self.holds(&f.source_file));
        found.skipped.retain(|s| self.holds(&s.source_file));
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl FromStr for Shard {
    type Err = String;

    /// `I/N` with `0 <= I < N`.
    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("shard non valido: {s:?} (atteso I/N, con 0 <= I < N, es. 3/16)");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u32 = i.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses() {
        assert_eq!(
            "3/16".parse::<Shard>(),
            Ok(Shard {
                index: 3,
                count: 16
            })
        );
        assert_eq!("0/1".parse::<Shard>().unwrap().to_string(), "0/1");
        for bad in ["16/16", "1/0", "a/2", "3", "-1/4", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_file_in_exactly_one_shard_and_stable() {
        let names: Vec<String> = (0..2000)
            .map(|i| format!("giunta/{i}/delibera.pdf"))
            .collect();
        let mut sizes = [0usize; 8];
        for n in &names {
            let holders: Vec<u32> = (0..8)
                .filter(|&i| Shard { index: i, count: 8 }.holds(n))
                .collect();
            assert_eq!(holders.len(), 1, "{n}");
            sizes[holders[0] as usize] += 1;
        }
        // A hash spreads names evenly: every shard within 25% of the mean.
        for s in sizes {
            assert!((187..=313).contains(&s), "{sizes:?}");
        }
        // The same name, the same shard, on any machine: a fixed value.
        // (Python: int.from_bytes(sha256(name)[:8], "big") % 1000.)
        assert_eq!(shard_of("delibere/2024/dgc-45.pdf", 1000), 971);
        assert_eq!(shard_of("delibere/2024/dgc-45.pdf", 16), 3);
        assert_eq!(shard_of("a.pdf", 1), 0);
    }
}

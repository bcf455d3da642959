//! A small bounded reader of OLE compound files (CFB, "structured
//! storage"): the container of Word, Excel and PowerPoint 97-2003 files.
//!
//! A compound file is a FAT file system in one file: a 512-byte header,
//! then sectors (512 or 4096 bytes); the FAT chains a stream's sectors, the
//! directory names the streams, and streams under 4096 bytes live in the
//! "mini stream" in 64-byte sectors chained by the mini FAT. Nothing the
//! file declares is trusted: every sector number is checked against the
//! file's length, every chain is cut at the file's sector count (so a cycle
//! ends), and a stream is never longer than the file itself.

use crate::error::{Error, Result};

const SIGNATURE: [u8; 8] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN: u32 = 0xffff_fffe;
const FREE: u32 = 0xffff_ffff;
/// Most directory entries read (a Word file has a few dozen).
const MAX_ENTRIES: usize = 100_000;

/// An opened compound file: its sectors' table and directory.
pub struct Cfb<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
    mini_fat: Vec<u32>,
    mini_stream: Vec<u8>,
    mini_cutoff: u64,
    entries: Vec<Entry>,
}

/// One stream of the directory.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    start: u32,
    size: u64,
}

fn bad(what: &str) -> Error {
    Error::Office(format!("file OLE danneggiato: {what}"))
}

pub(super) fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

pub(super) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

impl<'a> Cfb<'a> {
    /// Opens a compound file: header, FAT, directory, mini stream.
    pub fn open(bytes: &'a [u8]) -> Result<Cfb<'a>> {
        if !bytes.starts_with(&SIGNATURE) || bytes.len() < 512 {
            return Err(bad("intestazione assente"));
        }
        let shift = u16_at(bytes, 0x1e).unwrap_or(0);
        if shift != 9 && shift != 12 {
            return Err(bad("dimensione dei settori non valida"));
        }
        let sector = 1usize << shift;
        let n_fat = u32_at(bytes, 0x2c).unwrap_or(0) as usize;
        let dir_start = u32_at(bytes, 0x30).unwrap_or(END_OF_CHAIN);
        let mini_cutoff = u64::from(u32_at(bytes, 0x38).unwrap_or(4096));
        let mini_fat_start = u32_at(bytes, 0x3c).unwrap_or(END_OF_CHAIN);
        let mut difat_next = u32_at(bytes, 0x44).unwrap_or(END_OF_CHAIN);
        let sectors = bytes.len() / sector;
        // The FAT's own sectors: 109 in the header, the rest in DIFAT sectors.
        let mut fat_sectors: Vec<u32> = (0..109)
            .filter_map(|i| u32_at(bytes, 0x4c + 4 * i))
            .take(n_fat)
            .collect();
        let mut hops = 0;
        while fat_sectors.len() < n_fat && difat_next < END_OF_CHAIN - 4 {
            hops += 1;
            if hops > sectors {
                return Err(bad("catena DIFAT circolare"));
            }
            let s = Self::raw_sector(bytes, sector, difat_next)?;
            let per = sector / 4 - 1;
            fat_sectors.extend((0..per).filter_map(|i| u32_at(s, 4 * i)));
            fat_sectors.truncate(n_fat);
            difat_next = u32_at(s, sector - 4).unwrap_or(END_OF_CHAIN);
        }
        let mut fat = Vec::with_capacity(fat_sectors.len() * sector / 4);
        for &s in &fat_sectors {
            let s = Self::raw_sector(bytes, sector, s)?;
            fat.extend((0..sector / 4).filter_map(|i| u32_at(s, 4 * i)));
        }
        let mut cfb = Cfb {
            bytes,
            sector,
            fat,
            mini_fat: Vec::new(),
            mini_stream: Vec::new(),
            mini_cutoff,
            entries: Vec::new(),
        };
        let dir = cfb.chain(dir_start, None)?;
        for e in dir.chunks_exact(128).take(MAX_ENTRIES) {
            let len = (u16_at(e, 0x40).unwrap_or(0) as usize).min(64);
            let units: Vec<u16> = (0..len.saturating_sub(2) / 2)
                .filter_map(|i| u16_at(e, 2 * i))
                .collect();
            let kind = e[0x42];
            let size = if sector == 512 {
                u64::from(u32_at(e, 0x78).unwrap_or(0))
            } else {
                u32_at(e, 0x78).map_or(0, u64::from) | u64::from(u32_at(e, 0x7c).unwrap_or(0)) << 32
            };
            let entry = Entry {
                name: String::from_utf16_lossy(&units),
                start: u32_at(e, 0x74).unwrap_or(END_OF_CHAIN),
                size,
            };
            match kind {
                5 if cfb.entries.is_empty() => cfb.entries.push(entry),
                2 => cfb.entries.push(entry),
                _ => {}
            }
        }
        let Some(root) = cfb.entries.first().filter(|_| dir.len() >= 128).cloned() else {
            return Err(bad("directory vuota"));
        };
        if root.start < END_OF_CHAIN - 4 {
            cfb.mini_stream = cfb.chain(root.start, Some(root.size))?;
            let mf = cfb.chain(mini_fat_start, None)?;
            cfb.mini_fat = (0..mf.len() / 4)
                .filter_map(|i| u32_at(&mf, 4 * i))
                .collect();
        }
        Ok(cfb)
    }

    fn raw_sector(bytes: &[u8], sector: usize, n: u32) -> Result<&[u8]> {
        let at = (n as usize)
            .checked_add(1)
            .and_then(|i| i.checked_mul(sector))
            .ok_or_else(|| bad("settore fuori dal file"))?;
        bytes
            .get(at..at + sector)
            .ok_or_else(|| bad("settore fuori dal file"))
    }

    /// The bytes of the FAT chain from `start`, cut at `size` when given.
    fn chain(&self, start: u32, size: Option<u64>) -> Result<Vec<u8>> {
        let limit = size.map_or(self.bytes.len(), |s| {
            s.min(self.bytes.len() as u64) as usize
        });
        let mut out = Vec::new();
        let mut s = start;
        let mut seen = vec![false; self.fat.len()];
        while s != END_OF_CHAIN && s != FREE && out.len() < limit {
            match seen.get_mut(s as usize) {
                Some(true) => return Err(bad("catena di settori circolare")),
                Some(v) => *v = true,
                None => return Err(bad("settore fuori dalla FAT")),
            }
            out.extend_from_slice(Self::raw_sector(self.bytes, self.sector, s)?);
            s = *self
                .fat
                .get(s as usize)
                .ok_or_else(|| bad("settore fuori dalla FAT"))?;
        }
        if size.is_some_and(|n| (out.len() as u64) < n) {
            return Err(bad("flusso più corto di quanto dichiara"));
        }
        out.truncate(limit);
        Ok(out)
    }

    /// The mini-stream chain from `start`, `size` bytes long.
    fn mini_chain(&self, start: u32, size: u64) -> Result<Vec<u8>> {
        let size = size.min(self.mini_stream.len() as u64) as usize;
        let mut out = Vec::with_capacity(size);
        let mut s = start;
        let mut seen = vec![false; self.mini_fat.len()];
        while out.len() < size {
            if seen.get(s as usize) != Some(&false) {
                return Err(bad("catena del mini flusso interrotta o circolare"));
            }
            seen[s as usize] = true;
            let at = s as usize * 64;
            let chunk = self
                .mini_stream
                .get(at..at + 64)
                .ok_or_else(|| bad("mini settore fuori dal flusso"))?;
            out.extend_from_slice(chunk);
            s = *self
                .mini_fat
                .get(s as usize)
                .ok_or_else(|| bad("mini settore fuori dalla mini FAT"))?;
        }
        out.truncate(size);
        Ok(out)
    }

    /// The bytes of the first stream of this name (any storage), if any.
    pub fn stream(&self, name: &str) -> Result<Option<Vec<u8>>> {
        let Some(e) = self.entries.iter().skip(1).find(|e| e.name == name) else {
            return Ok(None);
        };
        if e.size > self.bytes.len() as u64 {
            return Err(bad("flusso più lungo del file"));
        }
        let data = if e.size < self.mini_cutoff {
            self.mini_chain(e.start, e.size)?
        } else {
            self.chain(e.start, Some(e.size))?
        };
        Ok(Some(data))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A compound file of 512-byte sectors with the given streams, each
    /// stored in regular sectors (sizes at or over the mini cutoff).
    pub(crate) fn build(streams: &[(&str, Vec<u8>)]) -> Vec<u8> {
        let mut sectors: Vec<Vec<u8>> = Vec::new();
        let mut fat: Vec<u32> = Vec::new();
        let mut dir = Vec::new();
        let entry = |name: &str, kind: u8, start: u32, size: u32| {
            let mut e = vec![0u8; 128];
            let units: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
            e[..units.len()].copy_from_slice(&units);
            e[0x40..0x42].copy_from_slice(&((units.len() + 2) as u16).to_le_bytes());
            e[0x42] = kind;
            e[0x74..0x78].copy_from_slice(&start.to_le_bytes());
            e[0x78..0x7c].copy_from_slice(&size.to_le_bytes());
            e
        };
        // Whole sectors of `data` as one chain: its first sector.
        let mut chain = |data: &[u8]| {
            let start = sectors.len() as u32;
            for (i, chunk) in data.chunks(512).enumerate() {
                sectors.push(chunk.to_vec());
                let last = (i + 1) * 512 >= data.len();
                fat.push(if last {
                    END_OF_CHAIN
                } else {
                    start + i as u32 + 1
                });
            }
            start
        };
        dir.extend(entry("Root Entry", 5, END_OF_CHAIN, 0));
        for (name, data) in streams {
            let mut data = data.clone();
            let size = data.len().max(4096);
            data.resize(size.div_ceil(512) * 512, 0);
            let start = chain(&data);
            dir.extend(entry(name, 2, start, size as u32));
        }
        dir.resize(dir.len().div_ceil(512) * 512, 0);
        let dir_start = chain(&dir);
        let fat_start = sectors.len() as u32;
        fat.push(0xffff_fffd);
        assert!(fat.len() <= 128);
        fat.resize(128, FREE);
        sectors.push(fat.iter().flat_map(|v| v.to_le_bytes()).collect());
        let mut head = vec![0u8; 512];
        head[..8].copy_from_slice(&SIGNATURE);
        head[0x18..0x1a].copy_from_slice(&0x3eu16.to_le_bytes());
        head[0x1a..0x1c].copy_from_slice(&3u16.to_le_bytes());
        head[0x1c..0x1e].copy_from_slice(&0xfffeu16.to_le_bytes());
        head[0x1e..0x20].copy_from_slice(&9u16.to_le_bytes());
        head[0x20..0x22].copy_from_slice(&6u16.to_le_bytes());
        head[0x2c..0x30].copy_from_slice(&1u32.to_le_bytes());
        head[0x30..0x34].copy_from_slice(&dir_start.to_le_bytes());
        head[0x38..0x3c].copy_from_slice(&4096u32.to_le_bytes());
        head[0x3c..0x40].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        head[0x44..0x48].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        for i in 0..109 {
            let v = if i == 0 { fat_start } else { FREE };
            head[0x4c + 4 * i..0x50 + 4 * i].copy_from_slice(&v.to_le_bytes());
        }
        let mut out = head;
        for s in sectors {
            out.extend(s);
        }
        out
    }

    #[test]
    fn streams_read_back_and_damage_is_an_error() {
        let a: Vec<u8> = (0..5000u32).map(|i| (i % 251) as u8).collect();
        let file = build(&[("WordDocument", a.clone()), ("1Table", vec![7; 4096])]);
        let c = Cfb::open(&file).unwrap();
        assert!(c.stream("0Table").unwrap().is_none());
        let got = c.stream("WordDocument").unwrap().unwrap();
        assert_eq!(&got[..5000], &a[..]);
        assert_eq!(c.stream("1Table").unwrap().unwrap(), vec![7; 4096]);
        // Cut anywhere, or with garbage in it, it is an error or less, never a panic.
        for cut in [0, 8, 100, 512, 1000, 3000, file.len() - 1] {
            if let Ok(c) = Cfb::open(&file[..cut]) {
                let _ = c.stream("WordDocument");
            }
        }
        let mut noisy = file.clone();
        for (i, b) in noisy.iter_mut().enumerate().skip(0x2c) {
            *b = b.wrapping_mul(31).wrapping_add(i as u8);
        }
        if let Ok(c) = Cfb::open(&noisy) {
            let _ = c.stream("WordDocument");
        }
    }

    #[test]
    fn a_chain_that_loops_ends() {
        let mut file = build(&[("WordDocument", vec![1; 4096])]);
        // The FAT is the last sector: point sector 3 back at sector 0.
        let fat_at = file.len() - 512;
        file[fat_at + 12..fat_at + 16].copy_from_slice(&0u32.to_le_bytes());
        let c = Cfb::open(&file).unwrap();
        assert!(c.stream("WordDocument").is_err());
    }
}

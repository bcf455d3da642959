//! The properties of a Word 97-2003 document that its text reader needs:
//! paragraph properties (in a table, the end of a row, placed on the page
//! as a frame or floating table, a row's width), character properties
//! (hidden text), the page's text area. They are lists of sprms ("single
//! property modifiers") kept in 512-byte FKP pages of `WordDocument`,
//! found through the bin tables (PlcBtePapx, PlcBteChpx) of the table
//! stream; the section's in its SEPX, found through the PlcfSed.

use super::cfb::{u16_at, u32_at};

/// A bin table of formatted disk pages (FKPs): PlcBtePapx for paragraph
/// properties, PlcBteChpx for character properties.
pub(super) struct Bte<'a> {
    /// FCs, then the FKP page numbers.
    pub(super) plc: &'a [u8],
    pub(super) wd: &'a [u8],
    /// Paragraph FKPs hold 13-byte entries, character FKPs 1-byte ones.
    pub(super) paragraphs: bool,
}

impl<'a> Bte<'a> {
    /// The property sprms in force at byte `fc`, and the FC range of the
    /// run they cover.
    pub(super) fn grpprl(&self, fc: u32) -> Option<(&'a [u8], u32, u32)> {
        let n = self.plc.len().checked_sub(4)? / 8;
        let fcs = |i: usize| u32_at(self.plc, 4 * i);
        // The last FC <= fc (the FCs are in increasing order).
        let (mut lo, mut hi) = (0usize, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if fcs(mid + 1)? <= fc {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if lo >= n || fcs(lo)? > fc {
            return None;
        }
        let pn = u32_at(self.plc, 4 * (n + 1) + 4 * lo)? & 0x3f_ffff;
        let wd = self.wd;
        let page = wd.get(pn as usize * 512..(pn as usize + 1) * 512)?;
        let crun = page[511] as usize;
        let rgfc = |i: usize| u32_at(page, 4 * i);
        let j = (0..crun)
            .find(|&j| rgfc(j).is_some_and(|a| a <= fc) && rgfc(j + 1).is_some_and(|b| fc < b))?;
        let (from, to) = (rgfc(j)?, rgfc(j + 1)?);
        let width = if self.paragraphs { 13 } else { 1 };
        let offset = *page.get(4 * (crun + 1) + width * j)? as usize * 2;
        if offset == 0 {
            return Some((&[], from, to));
        }
        let cb = *page.get(offset)? as usize;
        let g = if !self.paragraphs {
            page.get(offset + 1..(offset + 1 + cb).min(511))?
        } else if cb == 0 {
            let len = 2 * *page.get(offset + 1)? as usize;
            page.get(offset + 4..(offset + 2 + len).min(511))?
        } else {
            // The style index (2 bytes) first.
            page.get(offset + 3..(offset + 2 * cb).min(511))?
        };
        Some((g, from, to))
    }
}

/// The document's paragraph and character properties, as far as tables
/// and hidden text need them.
pub(super) struct Props<'a> {
    pub(super) papx: Option<Bte<'a>>,
    pub(super) chpx: Option<Bte<'a>>,
    pub(super) page: PageGeometry,
}

impl Props<'_> {
    /// The table properties of the paragraph whose mark is at `fc`.
    pub(super) fn paragraph(&self, fc: u32) -> Option<InTable> {
        let (g, _, _) = self.papx.as_ref()?.grpprl(fc)?;
        Some(sprms(g))
    }

    /// Whether the character at `fc` is hidden text (sprmCFVanish), and the
    /// FC range its run covers.
    pub(super) fn hidden(&self, fc: u32) -> Option<(bool, u32, u32)> {
        let (g, from, to) = self.chpx.as_ref()?.grpprl(fc)?;
        Some((vanish(g), from, to))
    }
}

/// Whether a list of character sprms makes the text hidden.
pub(super) fn vanish(mut g: &[u8]) -> bool {
    let mut hidden = false;
    while g.len() >= 2 {
        let sprm = u16::from_le_bytes([g[0], g[1]]);
        let operand = g.get(2).copied().unwrap_or(0);
        if sprm == 0x083c {
            hidden = operand == 1 || operand == 0x81;
        }
        g = g.get(2 + sprm_size(sprm, g)..).unwrap_or(&[]);
    }
    hidden
}

/// The operand size of a sprm (`g` starts with it).
pub(super) fn sprm_size(sprm: u16, g: &[u8]) -> usize {
    let operand = g.get(2).copied().unwrap_or(0);
    match sprm >> 13 {
        0 | 1 => 1,
        2 | 4 | 5 => 2,
        3 => 4,
        7 => 3,
        _ if sprm == 0xd608 || sprm == 0xc615 && operand == 255 => {
            u16_at(g, 2).map_or(g.len(), |n| n as usize + 1)
        }
        _ => operand as usize + 1,
    }
}

/// What a paragraph's properties say of tables and frames.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(super) struct InTable {
    pub(super) in_table: bool,
    pub(super) row_end: bool,
    /// Placed on the page by a position of its own (sprmPDxaAbs,
    /// sprmPDyaAbs, sprmPDxaWidth of a frame; sprmTDxaAbs, sprmTDyaAbs of
    /// a floating table), not 0.
    pub(super) positioned: bool,
    /// A row's width (sprmTDefTable: its last cell boundary less its first).
    pub(super) width: Option<i32>,
}

/// The table and frame properties of a list of paragraph sprms.
pub(super) fn sprms(mut g: &[u8]) -> InTable {
    let mut t = InTable::default();
    while g.len() >= 2 {
        let sprm = u16::from_le_bytes([g[0], g[1]]);
        let operand = g.get(2).copied().unwrap_or(0);
        let size = sprm_size(sprm, g);
        match sprm {
            0x2416 => t.in_table = operand != 0,
            0x2417 => t.row_end = operand != 0,
            0x8418 | 0x8419 | 0x841a | 0x940e | 0x940f => {
                t.positioned |= u16_at(g, 2).unwrap_or(0) != 0;
            }
            0xd608 => {
                let n = g.get(4).copied().unwrap_or(0) as usize;
                let x = |i: usize| u16_at(g, 5 + 2 * i).map(|v| v as i16 as i32);
                if let (Some(first), Some(last)) = (x(0), x(n)) {
                    t.width = Some(last - first);
                }
            }
            _ => {}
        }
        g = g.get(2 + size..).unwrap_or(&[]);
    }
    t
}

/// The text area's width, in twips (the first section's sprmSXaPage less
/// sprmSDxaLeft and sprmSDxaRight; Word's defaults else).
#[derive(Debug, Clone, Copy)]
pub(super) struct PageGeometry {
    pub(super) text: i32,
}

impl Default for PageGeometry {
    fn default() -> PageGeometry {
        PageGeometry { text: 12240 - 3600 }
    }
}

/// The first section's page geometry: PlcfSed in the table stream points
/// at the section's SEPX in WordDocument.
pub(super) fn geometry(wd: &[u8], plcf_sed: Option<&[u8]>) -> PageGeometry {
    let d = PageGeometry::default();
    let first_sed = |p: &[u8]| u32_at(p, 4 * (p.len().checked_sub(4)? / 16 + 1) + 2);
    let Some(fc) = plcf_sed.and_then(first_sed) else {
        return d;
    };
    let fc = fc as usize;
    let Some(mut g) = u16_at(wd, fc).and_then(|cb| wd.get(fc + 2..fc + 2 + cb as usize)) else {
        return d;
    };
    let (mut page, mut left, mut right) = (12240, 1800, 1800);
    while g.len() >= 2 {
        let sprm = u16::from_le_bytes([g[0], g[1]]);
        let v = u16_at(g, 2).map(|v| v as i16 as i32);
        match (sprm, v) {
            (0xb01f, Some(v)) => page = v,
            (0xb021, Some(v)) => left = v,
            (0xb022, Some(v)) => right = v,
            _ => {}
        }
        g = g.get(2 + sprm_size(sprm, g)..).unwrap_or(&[]);
    }
    PageGeometry {
        text: page - left - right,
    }
}

/// Whether a positioned table floats beside the text: placed on the page
/// and leaving at least a quarter of the text area's width free beside it
/// (a box such as "Allegati N° ... Pagine Totali" in a margin). A
/// positioned table about as wide as the text area is read in the text:
/// nothing flows beside it, and LibreOffice keeps such tables in the text
/// too (it makes the narrow ones frames, which its text export leaves out).
pub(super) fn floats(t: &InTable, page: &PageGeometry) -> bool {
    let Some(width) = t.width.filter(|_| t.positioned) else {
        return false;
    };
    4 * width < 3 * page.text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_end_marks_come_from_the_paragraph_properties() {
        assert_eq!(
            sprms(&[0x16, 0x24, 1, 0x17, 0x24, 1]),
            InTable {
                in_table: true,
                row_end: true,
                ..InTable::default()
            }
        );
        // A variable-length sprm is skipped by its size byte.
        assert_eq!(sprms(&[0x00, 0xc6, 2, 9, 9, 0x16, 0x24, 1]).in_table, true);
        assert_eq!(sprms(&[0x16]), InTable::default());
        // A table 3,510 twips wide placed 318 twips left of the margin
        // floats beside the text; one nearly as wide as the text area does not.
        let mut t = sprms(&[
            0x0e, 0x94, 0xc2, 0xfe, 0x08, 0xd6, 6, 0, 1, 0x94, 0xff, 0x4a, 0x0d,
        ]);
        assert_eq!((t.positioned, t.width), (true, Some(3510)));
        let page = PageGeometry::default();
        assert!(floats(&t, &page));
        t.width = Some(page.text * 9 / 10);
        assert!(!floats(&t, &page));
        t.positioned = false;
        t.width = Some(3510);
        assert!(!floats(&t, &page));
    }

    #[test]
    fn bin_tables_out_of_range_and_hidden_text() {
        let bte = Bte {
            plc: &[0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f],
            wd: b"tiny",
            paragraphs: true,
        };
        assert!(bte.grpprl(5).is_none());
        assert!(vanish(&[0x3c, 0x08, 1]));
        assert!(!vanish(&[0x3c, 0x08, 0, 0x3c]));
    }
}

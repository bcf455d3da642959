//! The stored pages' bytes: a [`Reading`] written field by field in a
//! compact binary form (lengths and integers as LEB128 varints, floats as
//! four little-endian bytes), before the store compresses it.
//!
//! Every struct is taken apart with an exhaustive pattern, so a field added
//! to the page model (`atti-page`) does not compile here until it is written
//! and read too; [`FORMAT`] then goes up, and pages stored in the old form
//! are read from their files again.

use atti_page::{
    CellValue, Page, Reading, Ruling, Signature, Status, Table, TableCell, TableMode, Word,
};

/// The layout written by [`encode`]; part of every stored file's header.
pub const FORMAT: u8 = 4;

/// A stored reading that does not decode (a truncated or foreign file).
#[derive(Debug)]
pub struct Corrupt;

type Decoded<T> = std::result::Result<T, Corrupt>;

/// The bytes of a reading.
pub fn encode(r: &Reading) -> Vec<u8> {
    let mut out = Vec::with_capacity(r.pages.iter().map(|p| p.text.len() * 2).sum::<usize>() + 64);
    let Reading {
        pages,
        status,
        extractor,
        title_hint,
        warnings,
        signature,
        ocr_ms,
    } = r;
    put_u64(&mut out, pages.len() as u64);
    for p in pages {
        put_page(&mut out, p);
    }
    out.push(match status {
        Status::Ok => 0,
        Status::NoText => 1,
        Status::Encrypted => 2,
    });
    put_str(&mut out, extractor);
    match title_hint {
        Some(t) => {
            out.push(1);
            put_str(&mut out, t);
        }
        None => out.push(0),
    }
    put_strs(&mut out, warnings);
    match signature {
        Some(Signature { signers, signed_at }) => {
            out.push(1);
            put_strs(&mut out, signers);
            put_opt_str(&mut out, signed_at.as_deref());
        }
        None => out.push(0),
    }
    put_u64(&mut out, *ocr_ms);
    out
}

/// The reading in `bytes` (as [`encode`] wrote them).
pub fn decode(bytes: &[u8]) -> Decoded<Reading> {
    let mut c = Cursor { b: bytes, at: 0 };
    let n = c.len()?;
    let mut pages = Vec::with_capacity(n.min(4096));
    for _ in 0..n {
        pages.push(c.page()?);
    }
    let status = match c.byte()? {
        0 => Status::Ok,
        1 => Status::NoText,
        2 => Status::Encrypted,
        _ => return Err(Corrupt),
    };
    let extractor = c.string()?;
    let title_hint = match c.byte()? {
        0 => None,
        1 => Some(c.string()?),
        _ => return Err(Corrupt),
    };
    let warnings = c.strings()?;
    let signature = match c.byte()? {
        0 => None,
        1 => Some(Signature {
            signers: c.strings()?,
            signed_at: c.opt_string()?,
        }),
        _ => return Err(Corrupt),
    };
    let ocr_ms = c.u64()?;
    if c.at != bytes.len() {
        return Err(Corrupt);
    }
    Ok(Reading {
        pages,
        status,
        extractor,
        title_hint,
        warnings,
        signature,
        ocr_ms,
    })
}

fn put_page(out: &mut Vec<u8>, p: &Page) {
    let Page {
        number,
        text,
        words,
        furniture,
        width,
        height,
        rulings,
        tables,
        ocr,
        image_cover,
        name,
        hidden,
        images,
    } = p;
    put_u64(out, u64::from(*number));
    put_str(out, text);
    put_u64(out, words.len() as u64);
    for w in words {
        let Word {
            text,
            x,
            y,
            width,
            size,
            line,
            start,
        } = w;
        put_str(out, text);
        put_f32s(out, &[*x, *y, *width, *size]);
        put_u64(out, u64::from(*line));
        // usize::MAX (not part of the text) is written 0, offsets shifted by one.
        put_u64(
            out,
            if *start == usize::MAX {
                0
            } else {
                *start as u64 + 1
            },
        );
    }
    put_strs(out, furniture);
    put_f32s(out, &[*width, *height]);
    put_u64(out, rulings.len() as u64);
    for r in rulings {
        let Ruling { x0, y0, x1, y1 } = r;
        put_f32s(out, &[*x0, *y0, *x1, *y1]);
    }
    put_u64(out, tables.len() as u64);
    for t in tables {
        put_table(out, t);
    }
    match ocr {
        Some(c) => {
            out.push(1);
            put_f32s(out, &[*c]);
        }
        None => out.push(0),
    }
    put_f32s(out, &[*image_cover]);
    put_opt_str(out, name.as_deref());
    out.push(u8::from(*hidden));
    put_u64(out, u64::from(*images));
}

fn put_table(out: &mut Vec<u8>, t: &Table) {
    let Table {
        mode,
        bbox,
        rows,
        cols,
        cells,
        covered,
    } = t;
    out.push(match mode {
        TableMode::Lattice => 0,
        TableMode::Stream => 1,
        TableMode::Markup => 2,
    });
    put_f32s(out, bbox);
    put_u64(out, u64::from(*rows));
    put_u64(out, u64::from(*cols));
    for cells in [cells, covered] {
        put_u64(out, cells.len() as u64);
        for c in cells {
            put_cell(out, c);
        }
    }
}

fn put_cell(out: &mut Vec<u8>, c: &TableCell) {
    let TableCell {
        row,
        col,
        row_span,
        col_span,
        text,
        bbox,
        start,
        end,
        value,
    } = c;
    for v in [row, col, row_span, col_span] {
        put_u64(out, u64::from(*v));
    }
    put_str(out, text);
    put_f32s(out, bbox);
    put_u64(out, *start as u64);
    put_u64(out, *end as u64);
    put_value(out, value.as_ref());
}

fn put_value(out: &mut Vec<u8>, v: Option<&CellValue>) {
    match v {
        None => out.push(0),
        Some(CellValue::Number(n)) => {
            out.push(1);
            out.extend_from_slice(&n.to_le_bytes());
        }
        Some(CellValue::Date(s)) => {
            out.push(2);
            put_str(out, s);
        }
        Some(CellValue::DateTime(s)) => {
            out.push(3);
            put_str(out, s);
        }
        Some(CellValue::Duration(s)) => {
            out.push(4);
            put_str(out, s);
        }
        Some(CellValue::Bool(b)) => {
            out.push(5);
            out.push(u8::from(*b));
        }
        Some(CellValue::Error(s)) => {
            out.push(6);
            put_str(out, s);
        }
    }
}

fn put_u64(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u64(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn put_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => {
            out.push(1);
            put_str(out, s);
        }
        None => out.push(0),
    }
}

fn put_strs(out: &mut Vec<u8>, v: &[String]) {
    put_u64(out, v.len() as u64);
    for s in v {
        put_str(out, s);
    }
}

fn put_f32s(out: &mut Vec<u8>, v: &[f32]) {
    for f in v {
        out.extend_from_slice(&f.to_le_bytes());
    }
}

struct Cursor<'a> {
    b: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn byte(&mut self) -> Decoded<u8> {
        let b = *self.b.get(self.at).ok_or(Corrupt)?;
        self.at += 1;
        Ok(b)
    }

    fn u64(&mut self) -> Decoded<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Corrupt)
    }

    fn u32(&mut self) -> Decoded<u32> {
        u32::try_from(self.u64()?).map_err(|_| Corrupt)
    }

    /// A count of items that follow: never more than the bytes left, so a
    /// corrupt count cannot ask for a huge allocation.
    fn len(&mut self) -> Decoded<usize> {
        let n = usize::try_from(self.u64()?).map_err(|_| Corrupt)?;
        if n > self.b.len() - self.at {
            return Err(Corrupt);
        }
        Ok(n)
    }

    fn f32(&mut self) -> Decoded<f32> {
        let s = self.b.get(self.at..self.at + 4).ok_or(Corrupt)?;
        self.at += 4;
        Ok(f32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    fn f32x4(&mut self) -> Decoded<[f32; 4]> {
        Ok([self.f32()?, self.f32()?, self.f32()?, self.f32()?])
    }

    fn string(&mut self) -> Decoded<String> {
        let n = self.len()?;
        let s = &self.b[self.at..self.at + n];
        self.at += n;
        String::from_utf8(s.to_vec()).map_err(|_| Corrupt)
    }

    fn opt_string(&mut self) -> Decoded<Option<String>> {
        match self.byte()? {
            0 => Ok(None),
            1 => Ok(Some(self.string()?)),
            _ => Err(Corrupt),
        }
    }

    fn strings(&mut self) -> Decoded<Vec<String>> {
        let n = self.len()?;
        (0..n).map(|_| self.string()).collect()
    }

    fn page(&mut self) -> Decoded<Page> {
        let number = self.u32()?;
        let text = self.string()?;
        let n = self.len()?;
        let mut words = Vec::with_capacity(n);
        for _ in 0..n {
            let text = self.string()?;
            let [x, y, width, size] = self.f32x4()?;
            let line = self.u32()?;
            let start = match self.u64()? {
                0 => usize::MAX,
                s => usize::try_from(s - 1).map_err(|_| Corrupt)?,
            };
            words.push(Word {
                text,
                x,
                y,
                width,
                size,
                line,
                start,
            });
        }
        let furniture = self.strings()?;
        let (width, height) = (self.f32()?, self.f32()?);
        let n = self.len()?;
        let mut rulings = Vec::with_capacity(n);
        for _ in 0..n {
            let [x0, y0, x1, y1] = self.f32x4()?;
            rulings.push(Ruling { x0, y0, x1, y1 });
        }
        let n = self.len()?;
        let mut tables = Vec::with_capacity(n);
        for _ in 0..n {
            tables.push(self.table()?);
        }
        let ocr = match self.byte()? {
            0 => None,
            1 => Some(self.f32()?),
            _ => return Err(Corrupt),
        };
        let image_cover = self.f32()?;
        let name = self.opt_string()?;
        let hidden = match self.byte()? {
            0 => false,
            1 => true,
            _ => return Err(Corrupt),
        };
        let images = self.u32()?;
        Ok(Page {
            name,
            hidden,
            images,
            number,
            text,
            words,
            furniture,
            width,
            height,
            rulings,
            tables,
            ocr,
            image_cover,
        })
    }

    fn value(&mut self) -> Decoded<Option<CellValue>> {
        Ok(Some(match self.byte()? {
            0 => return Ok(None),
            1 => {
                let mut b = [0u8; 8];
                for x in &mut b {
                    *x = self.byte()?;
                }
                CellValue::Number(f64::from_le_bytes(b))
            }
            2 => CellValue::Date(self.string()?),
            3 => CellValue::DateTime(self.string()?),
            4 => CellValue::Duration(self.string()?),
            5 => CellValue::Bool(self.byte()? != 0),
            6 => CellValue::Error(self.string()?),
            _ => return Err(Corrupt),
        }))
    }

    fn table(&mut self) -> Decoded<Table> {
        let mode = match self.byte()? {
            0 => TableMode::Lattice,
            1 => TableMode::Stream,
            2 => TableMode::Markup,
            _ => return Err(Corrupt),
        };
        let bbox = self.f32x4()?;
        let (rows, cols) = (self.u32()?, self.u32()?);
        let cells = self.cells()?;
        let covered = self.cells()?;
        Ok(Table {
            mode,
            bbox,
            rows,
            cols,
            cells,
            covered,
        })
    }

    fn cells(&mut self) -> Decoded<Vec<TableCell>> {
        let n = self.len()?;
        let mut cells = Vec::with_capacity(n);
        for _ in 0..n {
            let (row, col, row_span, col_span) =
                (self.u32()?, self.u32()?, self.u32()?, self.u32()?);
            let text = self.string()?;
            let bbox = self.f32x4()?;
            let start = usize::try_from(self.u64()?).map_err(|_| Corrupt)?;
            let end = usize::try_from(self.u64()?).map_err(|_| Corrupt)?;
            let value = self.value()?;
            cells.push(TableCell {
                value,
                row,
                col,
                row_span,
                col_span,
                text,
                bbox,
                start,
                end,
            });
        }
        Ok(cells)
    }
}

#[cfg(test)]
#[path = "page_codec_tests.rs"]
mod tests;

//! Annotations and form fields: text a page shows that its content stream
//! does not draw.
//!
//! A stamp (a protocol number set on by a signing tool), a FreeText note or
//! a filled form field is an annotation in the page's `/Annots`, drawn by a
//! viewer from its normal appearance stream (`/AP /N`, a Form XObject) at
//! its rectangle `/Rect`. As poppler does, the appearance runs after the
//! page's content: its box (`/BBox` through its `/Matrix`) is mapped onto
//! the rectangle, and what it draws joins the page's glyphs, so the words
//! fall in reading order where they are seen. An appearance with states
//! (`/N << /On … /Off … >>`) is chosen by `/AS`. A text or choice field
//! with a value (`/V`, on the widget or a parent field) and no appearance
//! is written at the top left of its rectangle, in a size taken from its
//! default appearance (`/DA`) or its height. Hidden annotations (flags
//! Hidden, NoView) and pop-up windows are not drawn. At most
//! [`MAX_ANNOTS`] annotations per page are read.

use lopdf::{Dictionary, Document, Object};

use super::content::Interp;
use super::objects::{deref, get, get_array, get_dict, get_name, matrix_of, mul, num, Matrix};

/// Annotations read per page, at most.
pub(super) const MAX_ANNOTS: usize = 2_000;

/// Annotation flags that keep it from being displayed: Hidden (2), NoView (32).
const NOT_SHOWN: i64 = 2 | 32;

/// Draws the appearances of a page's annotations through `interp`, whose
/// page display matrix is `page_ctm`.
pub(super) fn draw<'a>(
    interp: &mut Interp<'a>,
    doc: &'a Document,
    page: &'a Dictionary,
    page_ctm: Matrix,
) {
    let Some(annots) = get_array(doc, page, b"Annots") else {
        return;
    };
    let acroform_dr = doc
        .catalog()
        .ok()
        .and_then(|c| get_dict(doc, c, b"AcroForm"))
        .and_then(|f| get_dict(doc, f, b"DR"));
    for a in annots.iter().take(MAX_ANNOTS) {
        let Object::Dictionary(annot) = deref(doc, a) else {
            continue;
        };
        if get_name(doc, annot, b"Subtype") == Some(b"Popup") {
            continue;
        }
        let flags = get(doc, annot, b"F")
            .and_then(|f| f.as_i64().ok())
            .unwrap_or(0);
        if flags & NOT_SHOWN != 0 {
            continue;
        }
        let Some(rect) = rect_of(doc, annot) else {
            continue;
        };
        if let Some((stream, id)) = appearance(doc, annot) {
            let m = matrix_of(get(doc, &stream.dict, b"Matrix")).unwrap_or(IDENTITY);
            let bbox = get_array(doc, &stream.dict, b"BBox")
                .and_then(|b| four(doc, b))
                .unwrap_or(rect);
            let placed = mul(&mul(&m, &onto(&bbox, &m, &rect)), &page_ctm);
            interp.run_appearance(stream, id, placed, acroform_dr);
        } else if get_name(doc, annot, b"Subtype") == Some(b"Widget") {
            if let Some(value) = field_value(doc, annot) {
                let size = field_size(doc, annot, &rect);
                let content = text_content(&value, size, &rect);
                interp.run_placed(&content, None, page_ctm, None);
            }
        }
    }
}

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn four(doc: &Document, a: &[Object]) -> Option<[f32; 4]> {
    if a.len() != 4 {
        return None;
    }
    let v: Vec<f32> = a.iter().filter_map(|o| num(deref(doc, o))).collect();
    let [x0, y0, x1, y1] = v[..] else {
        return None;
    };
    let r = [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)];
    (r.iter().all(|v| v.is_finite()) && r[2] - r[0] > 0.01 && r[3] - r[1] > 0.01).then_some(r)
}

fn rect_of(doc: &Document, annot: &Dictionary) -> Option<[f32; 4]> {
    four(doc, get_array(doc, annot, b"Rect")?)
}

/// The normal appearance stream, chosen by `/AS` when it has states.
fn appearance<'a>(
    doc: &'a Document,
    annot: &'a Dictionary,
) -> Option<(&'a lopdf::Stream, Option<lopdf::ObjectId>)> {
    let ap = get_dict(doc, annot, b"AP")?;
    let n = ap.get(b"N").ok()?;
    let (obj, id) = match n {
        Object::Reference(id) => (deref(doc, n), Some(*id)),
        o => (o, None),
    };
    match obj {
        Object::Stream(s) => Some((s, id)),
        Object::Dictionary(states) => {
            let state = get_name(doc, annot, b"AS")?;
            let entry = states.get(state).ok()?;
            let id = entry.as_reference().ok();
            match deref(doc, entry) {
                Object::Stream(s) => Some((s, id)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The matrix that maps the box `bbox`, transformed by `m`, onto `rect`
/// (PDF 32000-1, 12.5.5).
fn onto(bbox: &[f32; 4], m: &Matrix, rect: &[f32; 4]) -> Matrix {
    let corners = [
        (bbox[0], bbox[1]),
        (bbox[2], bbox[1]),
        (bbox[0], bbox[3]),
        (bbox[2], bbox[3]),
    ];
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for (x, y) in corners {
        let tx = m[0] * x + m[2] * y + m[4];
        let ty = m[1] * x + m[3] * y + m[5];
        x0 = x0.min(tx);
        y0 = y0.min(ty);
        x1 = x1.max(tx);
        y1 = y1.max(ty);
    }
    let sx = if x1 - x0 > 0.01 {
        (rect[2] - rect[0]) / (x1 - x0)
    } else {
        1.0
    };
    let sy = if y1 - y0 > 0.01 {
        (rect[3] - rect[1]) / (y1 - y0)
    } else {
        1.0
    };
    [sx, 0.0, 0.0, sy, rect[0] - x0 * sx, rect[1] - y0 * sy]
}

/// A field's key, on the widget or inherited from its parent fields.
fn inherited<'a>(doc: &'a Document, annot: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut d = annot;
    for _ in 0..32 {
        if let Some(v) = get(doc, d, key) {
            return Some(v);
        }
        d = get_dict(doc, d, b"Parent")?;
    }
    None
}

/// The value of a text or choice field, as text.
fn field_value(doc: &Document, annot: &Dictionary) -> Option<String> {
    let ft = match inherited(doc, annot, b"FT")? {
        Object::Name(n) => n.as_slice(),
        _ => return None,
    };
    if ft != b"Tx" && ft != b"Ch" {
        return None;
    }
    let text = |o: &Object| lopdf::decode_text_string(o).ok();
    let value = match inherited(doc, annot, b"V")? {
        Object::Array(items) => items
            .iter()
            .filter_map(|o| text(deref(doc, o)))
            .collect::<Vec<_>>()
            .join(", "),
        o => text(o)?,
    };
    let value = value.trim().to_owned();
    (!value.is_empty()).then_some(value)
}

/// The font size of a field's default appearance (`/DA`, `… 10 Tf`); a
/// size of 0 (auto) or none: two thirds of the rectangle's height, at most 12.
fn field_size(doc: &Document, annot: &Dictionary, rect: &[f32; 4]) -> f32 {
    let auto = ((rect[3] - rect[1]) * 0.66).clamp(4.0, 12.0);
    let Some(Object::String(da, _)) = inherited(doc, annot, b"DA") else {
        return auto;
    };
    let da = String::from_utf8_lossy(da);
    let words: Vec<&str> = da.split_whitespace().collect();
    words
        .iter()
        .position(|w| *w == "Tf")
        .filter(|&i| i >= 1)
        .and_then(|i| words[i - 1].parse::<f32>().ok())
        .filter(|s| *s > 0.5 && *s < 200.0)
        .unwrap_or(auto)
}

/// A content stream that writes `value` (its lines one under the other)
/// from the top left of `rect`, in WinAnsi bytes for the fallback font.
fn text_content(value: &str, size: f32, rect: &[f32; 4]) -> Vec<u8> {
    let mut out = Vec::new();
    let x = rect[0] + 2.0;
    let y = rect[3] - size.min(rect[3] - rect[1]) * 0.9 - 1.0;
    out.extend_from_slice(format!("BT /F0 {size} Tf {} TL {x} {y} Td ", size * 1.15).as_bytes());
    for (i, line) in value.lines().take(200).enumerate() {
        if i > 0 {
            out.extend_from_slice(b"T* ");
        }
        out.push(b'(');
        for c in line.chars().take(10_000) {
            let b = win_ansi(c);
            if matches!(b, b'(' | b')' | b'\\') {
                out.push(b'\\');
            }
            out.push(b);
        }
        out.extend_from_slice(b") Tj ");
    }
    out.extend_from_slice(b"ET");
    out
}

/// A character's byte in WinAnsiEncoding (`?` when it has none).
fn win_ansi(c: char) -> u8 {
    match c {
        '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{ff}' => c as u8,
        '€' => 0x80,
        '‚' => 0x82,
        '„' => 0x84,
        '…' => 0x85,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '–' => 0x96,
        '—' => 0x97,
        '\t' => b' ',
        _ => b'?',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_is_mapped_onto_the_rectangle() {
        let m = onto(
            &[0.0, 0.0, 100.0, 20.0],
            &IDENTITY,
            &[300.0, 700.0, 400.0, 720.0],
        );
        assert_eq!(m, [1.0, 0.0, 0.0, 1.0, 300.0, 700.0]);
        // A box drawn rotated by its matrix is mapped by its transformed box.
        let rot = [0.0, 1.0, -1.0, 0.0, 0.0, 0.0];
        let m = onto(&[0.0, 0.0, 100.0, 20.0], &rot, &[10.0, 10.0, 30.0, 110.0]);
        assert_eq!(m, [1.0, 0.0, 0.0, 1.0, 30.0, 10.0]);
    }

    #[test]
    fn field_text_is_escaped_win_ansi() {
        let c = text_content("N. 12 (bis) città\\€", 10.0, &[0.0, 0.0, 200.0, 14.0]);
        let s: Vec<u8> = c;
        assert!(
            s.windows(6).any(|w| w == b"\\(bis\\"),
            "{}",
            String::from_utf8_lossy(&s)
        );
        assert!(s.contains(&0xe0) && s.contains(&0x80));
    }
}

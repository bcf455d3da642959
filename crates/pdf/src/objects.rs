//! Reading lopdf's object model safely.
//!
//! Every lookup into a hostile file can meet a dangling reference, a
//! reference chain, a wrong type or a stream that inflates to gigabytes. The
//! helpers here turn all of those into `None` (or a bounded error), so the
//! rest of the extractor reads like the happy path. The page tree is walked
//! here too, iteratively and with a visited set, because real files contain
//! page trees that list themselves.

use std::collections::HashSet;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// Follows references (at most a few hops, so a reference loop ends).
pub(super) fn deref<'a>(doc: &'a Document, mut obj: &'a Object) -> &'a Object {
    for _ in 0..16 {
        match obj {
            Object::Reference(id) => match doc.objects.get(id) {
                Some(o) => obj = o,
                None => return &Object::Null,
            },
            _ => return obj,
        }
    }
    &Object::Null
}

/// `dict[key]`, dereferenced.
pub(super) fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    match dict.get(key) {
        Ok(o) => match deref(doc, o) {
            Object::Null => None,
            o => Some(o),
        },
        Err(_) => None,
    }
}

pub(super) fn get_dict<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Dictionary> {
    match get(doc, dict, key)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub(super) fn get_name<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a [u8]> {
    match get(doc, dict, key)? {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

pub(super) fn get_num(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f32> {
    num(get(doc, dict, key)?)
}

pub(super) fn get_array<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a [Object]> {
    match get(doc, dict, key)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

/// A number operand or value, as f32.
pub(super) fn num(obj: &Object) -> Option<f32> {
    match obj {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// [`stream_bytes`] for a stream whose `/Filter` or `/DecodeParms` may be
/// indirect, which lopdf's decoder does not follow.
pub(super) fn stream_bytes_in(
    doc: &Document,
    stream: &Stream,
    limit: usize,
) -> Result<Vec<u8>, String> {
    let indirect = |k: &[u8]| matches!(stream.dict.get(k), Ok(Object::Reference(_)));
    if indirect(b"Filter") || indirect(b"DecodeParms") {
        let mut copy = stream.clone();
        for key in [&b"Filter"[..], b"DecodeParms"] {
            if let Some(v) = get(doc, &stream.dict, key) {
                copy.dict.set(key.to_vec(), v.clone());
            }
        }
        return stream_bytes(&copy, limit);
    }
    stream_bytes(stream, limit)
}

/// A stream's decoded bytes, never more than `limit` bytes. A stream whose
/// filters fail yields `Err` with a short reason.
pub(super) fn stream_bytes(stream: &Stream, limit: usize) -> Result<Vec<u8>, String> {
    let filtered = stream.filters().map(|f| !f.is_empty()).unwrap_or(false);
    if !filtered {
        if stream.content.len() > limit {
            return Err(format!(
                "flusso di {} byte oltre il limite",
                stream.content.len()
            ));
        }
        return Ok(stream.content.clone());
    }
    stream
        .decompressed_content_with_limit(limit)
        .map_err(|e| match e {
            lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
                format!("il flusso si espande oltre il limite di {limit} byte")
            }
            e => format!("flusso non decodificabile: {e}"),
        })
}

/// A 2D affine matrix `[a b c d e f]` as PDF writes them.
pub(super) type Matrix = [f32; 6];

pub(super) const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n` (the PDF order: a point goes through `m` first).
pub(super) fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

pub(super) fn matrix_of(obj: Option<&Object>) -> Option<Matrix> {
    let a = match obj? {
        Object::Array(a) if a.len() == 6 => a,
        _ => return None,
    };
    let mut m = IDENTITY;
    for (i, o) in a.iter().enumerate() {
        m[i] = num(o)?;
    }
    Some(m)
}

/// One leaf of the page tree with what it inherits from its ancestors.
pub(super) struct PageRef<'a> {
    pub dict: &'a Dictionary,
    pub resources: Option<&'a Dictionary>,
    /// Visible box `[x0 y0 x1 y1]` (CropBox within MediaBox).
    pub bbox: [f32; 4],
    /// Clockwise rotation in degrees: 0, 90, 180 or 270.
    pub rotate: i32,
}

fn rect(doc: &Document, obj: Option<&Object>) -> Option<[f32; 4]> {
    let a = match deref(doc, obj?) {
        Object::Array(a) if a.len() == 4 => a,
        _ => return None,
    };
    let v: Vec<f32> = a.iter().filter_map(|o| num(deref(doc, o))).collect();
    if v.len() != 4 {
        return None;
    }
    let r = [
        v[0].min(v[2]),
        v[1].min(v[3]),
        v[0].max(v[2]),
        v[1].max(v[3]),
    ];
    (r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0).then_some(r)
}

/// The pages in order, at most `max_pages`. Nodes already visited are
/// skipped, so a tree that contains itself ends.
pub(super) fn pages(doc: &Document, max_pages: usize) -> Vec<PageRef<'_>> {
    let mut out = Vec::new();
    let Some(root) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|o| o.as_reference().ok())
    else {
        return out;
    };
    struct Inherit<'a> {
        resources: Option<&'a Dictionary>,
        media: Option<&'a Object>,
        crop: Option<&'a Object>,
        rotate: Option<i64>,
    }
    let mut seen = HashSet::new();
    let mut stack: Vec<(ObjectId, std::rc::Rc<Inherit>)> = vec![(
        root,
        std::rc::Rc::new(Inherit {
            resources: None,
            media: None,
            crop: None,
            rotate: None,
        }),
    )];
    while let Some((id, inh)) = stack.pop() {
        if out.len() >= max_pages || !seen.insert(id) {
            continue;
        }
        let Some(Object::Dictionary(dict)) = doc.objects.get(&id) else {
            continue;
        };
        let here = std::rc::Rc::new(Inherit {
            resources: get_dict(doc, dict, b"Resources").or(inh.resources),
            media: dict.get(b"MediaBox").ok().or(inh.media),
            crop: dict.get(b"CropBox").ok().or(inh.crop),
            rotate: get(doc, dict, b"Rotate")
                .and_then(|o| o.as_i64().ok())
                .or(inh.rotate),
        });
        let kids = get_array(doc, dict, b"Kids");
        let is_page = get_name(doc, dict, b"Type") == Some(b"Page") || kids.is_none();
        if is_page {
            let media = rect(doc, here.media).unwrap_or([0.0, 0.0, 612.0, 792.0]);
            let bbox = match rect(doc, here.crop) {
                Some(c) => {
                    let b = [
                        c[0].max(media[0]),
                        c[1].max(media[1]),
                        c[2].min(media[2]),
                        c[3].min(media[3]),
                    ];
                    if b[2] - b[0] > 1.0 && b[3] - b[1] > 1.0 {
                        b
                    } else {
                        media
                    }
                }
                None => media,
            };
            let rotate = (here.rotate.unwrap_or(0).rem_euclid(360) / 90 * 90) as i32;
            out.push(PageRef {
                dict,
                resources: here.resources,
                bbox,
                rotate,
            });
        } else if let Some(kids) = kids {
            for kid in kids.iter().rev() {
                if let Object::Reference(kid) = kid {
                    stack.push((*kid, here.clone()));
                }
            }
        }
    }
    out
}

/// The decoded content of a page: its streams joined by newlines, bounded
/// by `limit` in total.
pub(super) fn page_content(
    doc: &Document,
    page: &PageRef,
    limit: usize,
    warnings: &mut Vec<String>,
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut push = |obj: &Object, out: &mut Vec<u8>| {
        if let Object::Stream(s) = deref(doc, obj) {
            match stream_bytes_in(doc, s, limit.saturating_sub(out.len())) {
                Ok(b) => {
                    out.extend_from_slice(&b);
                    out.push(b'\n');
                }
                Err(e) => warnings.push(format!("contenuto della pagina: {e}")),
            }
        }
    };
    match page.dict.get(b"Contents").map(|o| deref(doc, o)) {
        Ok(Object::Array(a)) => {
            for o in a.iter().take(10_000) {
                push(o, &mut out);
            }
        }
        Ok(o) => push(o, &mut out),
        Err(_) => {}
    }
    out
}

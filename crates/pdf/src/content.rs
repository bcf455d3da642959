//! The content-stream interpreter: operators in, positioned glyphs out.
//!
//! It keeps the parts of the graphics state that move text: the CTM (`cm`,
//! `q`, `Q`), the text state (`Tc Tw Tz TL Tf Ts`), the text and line
//! matrices (`BT Tm Td TD T*`), and it shows strings (`Tj TJ ' "`) through
//! the current font. Form XObjects (`Do`) run nested with their own matrix
//! and resources, up to a depth limit and never inside themselves. Each
//! glyph comes out in display space (page rotation applied, y up) with its
//! advance vector and size; its text goes into one string per page, so a
//! glyph costs no allocation. Every other operator goes to [`super::paths`],
//! which keeps the graphics state of painting (line width, colours, clip)
//! and the boxes that straight strokes and rectangles paint, from which the
//! page's ruling lines are made. Inline images are skipped by lopdf's parser,
//! Type3 glyph procedures are never run (their text comes from the font's
//! encoding), so a Type3 font cannot loop. Operators come from our own
//! lexer ([`super::lexer`]), which reads the stream in place.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::Font;
use super::lexer::{Lexer, Operand};
use super::objects::{
    deref, get, get_array, get_dict, get_name, matrix_of, mul, num, stream_bytes_in, Matrix,
    IDENTITY,
};
use super::paths::{Marks, Paint, Path};
use crate::Limits;

/// One glyph placed on the page.
#[derive(Clone, Copy, Debug)]
pub(super) struct Glyph {
    /// Origin, display space, y up.
    pub x: f32,
    pub y: f32,
    /// Advance vector, display space.
    pub dx: f32,
    pub dy: f32,
    /// Direction of the text's x axis (unit vector), display space.
    pub ux: f32,
    pub uy: f32,
    /// Font size in display space.
    pub size: f32,
    /// Byte range of the glyph's text in [`PageGlyphs::text`].
    pub start: u32,
    pub len: u16,
    /// The glyph is white space (a word break).
    pub space: bool,
}

#[derive(Default)]
pub(super) struct PageGlyphs {
    pub glyphs: Vec<Glyph>,
    pub text: String,
    /// What straight strokes and rectangles painted.
    pub marks: Marks,
    /// Area painted by image XObjects, in square points of display space
    /// (overlaps counted twice).
    pub image_area: f32,
}

impl PageGlyphs {
    /// An empty page of the given display size.
    pub fn new(width: f32, height: f32) -> Self {
        PageGlyphs {
            marks: Marks::new(width, height),
            ..PageGlyphs::default()
        }
    }
}

/// What is shared by all pages of one document: fonts and decoded forms.
#[derive(Default)]
pub(super) struct DocCache {
    fonts: HashMap<ObjectId, Rc<Font>>,
    forms: HashMap<ObjectId, Rc<Vec<u8>>>,
    fallback: Option<Rc<Font>>,
    /// Characters emitted so far in the document.
    pub chars: usize,
    pub char_limit_hit: bool,
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    tc: f32,
    tw: f32,
    th: f32,
    tl: f32,
    rise: f32,
    paint: Paint,
}

pub(super) struct Interp<'a> {
    doc: &'a Document,
    limits: &'a Limits,
    cache: &'a mut DocCache,
    out: &'a mut PageGlyphs,
    pub warnings: Vec<String>,
    gs: GState,
    stack: Vec<GState>,
    tm: Matrix,
    tlm: Matrix,
    ops: usize,
    forms: Vec<ObjectId>,
    stopped: bool,
    path: Path,
}

/// Display matrix for a page: user space to rotated display space, y up,
/// origin at the lower left of the visible box.
pub(super) fn display_matrix(bbox: [f32; 4], rotate: i32) -> (Matrix, f32, f32) {
    let [x0, y0, x1, y1] = bbox;
    let (w, h) = (x1 - x0, y1 - y0);
    match rotate {
        90 => ([0.0, -1.0, 1.0, 0.0, -y0, x1], h, w),
        180 => ([-1.0, 0.0, 0.0, -1.0, x1, y1], w, h),
        270 => ([0.0, 1.0, -1.0, 0.0, y1, -x0], h, w),
        _ => ([1.0, 0.0, 0.0, 1.0, -x0, -y0], w, h),
    }
}

impl<'a> Interp<'a> {
    pub fn new(
        doc: &'a Document,
        limits: &'a Limits,
        cache: &'a mut DocCache,
        out: &'a mut PageGlyphs,
        ctm: Matrix,
    ) -> Self {
        let paint = Paint::new(out.marks.width, out.marks.height);
        Interp {
            doc,
            limits,
            cache,
            out,
            warnings: Vec::new(),
            gs: GState {
                ctm,
                font: None,
                size: 0.0,
                tc: 0.0,
                tw: 0.0,
                th: 1.0,
                tl: 0.0,
                rise: 0.0,
                paint,
            },
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            ops: 0,
            forms: Vec::new(),
            stopped: false,
            path: Path::default(),
        }
    }

    /// Interprets content bytes with the given resources.
    pub fn run_bytes(&mut self, content: &[u8], resources: Option<&'a Dictionary>) {
        let mut lx = Lexer::new(content);
        while let Some(op) = lx.next_op() {
            if self.stopped {
                return;
            }
            self.ops += 1;
            if self.ops > self.limits.max_ops_per_page {
                self.warnings.push(format!(
                    "la pagina ha più di {} operazioni; il resto non è letto",
                    self.limits.max_ops_per_page
                ));
                self.stopped = true;
                return;
            }
            self.op(op, &lx, resources);
        }
    }

    fn op(&mut self, op: &[u8], lx: &Lexer, resources: Option<&'a Dictionary>) {
        let a = &lx.operands;
        let n = |i: usize| match a.get(i) {
            Some(Operand::Num(v)) => *v,
            _ => 0.0,
        };
        let string = |i: usize| match a.get(i) {
            Some(&Operand::Str(s, e)) => Some(lx.bytes(s, e)),
            _ => None,
        };
        match op {
            b"q" => {
                if self.stack.len() < 1024 {
                    self.stack.push(self.gs.clone());
                }
            }
            b"Q" => {
                if let Some(g) = self.stack.pop() {
                    self.gs = g;
                }
            }
            b"cm" if a.len() >= 6 => {
                let k = a.len() - 6;
                let m = [n(k), n(k + 1), n(k + 2), n(k + 3), n(k + 4), n(k + 5)];
                self.gs.ctm = mul(&m, &self.gs.ctm);
            }
            b"BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            b"Tf" => {
                self.gs.size = n(1);
                if let Some(&Operand::Name(s, e)) = a.first() {
                    self.gs.font = Some(self.font(lx.bytes(s, e), resources));
                }
            }
            b"Tc" => self.gs.tc = n(0),
            b"Tw" => self.gs.tw = n(0),
            b"Tz" => self.gs.th = n(0) / 100.0,
            b"TL" => self.gs.tl = n(0),
            b"Ts" => self.gs.rise = n(0),
            b"Td" => self.td(n(0), n(1)),
            b"TD" => {
                self.gs.tl = -n(1);
                self.td(n(0), n(1));
            }
            b"T*" => self.td(0.0, -self.gs.tl),
            b"Tm" if a.len() >= 6 => {
                let k = a.len() - 6;
                self.tm = [n(k), n(k + 1), n(k + 2), n(k + 3), n(k + 4), n(k + 5)];
                self.tlm = self.tm;
            }
            b"Tj" => {
                if let Some(s) = string(0) {
                    self.show(s);
                }
            }
            b"'" => {
                self.td(0.0, -self.gs.tl);
                if let Some(s) = string(0) {
                    self.show(s);
                }
            }
            b"\"" => {
                self.gs.tw = n(0);
                self.gs.tc = n(1);
                self.td(0.0, -self.gs.tl);
                if let Some(s) = string(2) {
                    self.show(s);
                }
            }
            b"TJ" => {
                for item in a {
                    match *item {
                        Operand::Str(s, e) => self.show(lx.bytes(s, e)),
                        Operand::Num(k) => self.kern(k),
                        _ => {}
                    }
                }
            }
            b"Do" => {
                if let Some(&Operand::Name(s, e)) = a.first() {
                    self.form(lx.bytes(s, e), resources);
                }
            }
            _ => self.path.op(
                op,
                lx,
                &mut self.gs.paint,
                &self.gs.ctm,
                &mut self.out.marks,
            ),
        }
    }

    fn td(&mut self, tx: f32, ty: f32) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    fn kern(&mut self, k: f32) {
        let font_vertical = self.gs.font.as_ref().is_some_and(|f| f.vertical);
        let t = -k / 1000.0 * self.gs.size;
        if font_vertical {
            self.tm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, t], &self.tm);
        } else {
            self.tm = mul(&[1.0, 0.0, 0.0, 1.0, t * self.gs.th, 0.0], &self.tm);
        }
    }

    fn font(&mut self, name: &[u8], resources: Option<&'a Dictionary>) -> Rc<Font> {
        let doc = self.doc;
        let entry = resources
            .and_then(|r| get_dict(doc, r, b"Font"))
            .and_then(|fonts| fonts.get(name).ok());
        let limit = self.limits.max_stream_bytes;
        match entry {
            Some(Object::Reference(id)) => {
                if let Some(f) = self.cache.fonts.get(id) {
                    return f.clone();
                }
                let font = match doc
                    .objects
                    .get(id)
                    .map(|o| deref(doc, o))
                    .unwrap_or(&Object::Null)
                {
                    Object::Dictionary(d) => Rc::new(Font::load(doc, d, limit)),
                    _ => self.fallback(),
                };
                if self.cache.fonts.len() < 10_000 {
                    self.cache.fonts.insert(*id, font.clone());
                }
                font
            }
            Some(Object::Dictionary(d)) => Rc::new(Font::load(doc, d, limit)),
            _ => self.fallback(),
        }
    }

    fn fallback(&mut self) -> Rc<Font> {
        self.cache
            .fallback
            .get_or_insert_with(|| Rc::new(Font::fallback()))
            .clone()
    }

    fn form(&mut self, name: &[u8], resources: Option<&'a Dictionary>) {
        let doc = self.doc;
        let Some(xobjects) = resources.and_then(|r| get_dict(doc, r, b"XObject")) else {
            return;
        };
        let Ok(Object::Reference(id)) = xobjects.get(name) else {
            return;
        };
        let id = *id;
        let Some(Object::Stream(stream)) = doc.objects.get(&id).map(|o| deref(doc, o)) else {
            return;
        };
        match get_name(doc, &stream.dict, b"Subtype") {
            Some(b"Form") => {}
            Some(b"Image") => {
                // The unit square through the CTM: |det| is its area.
                let m = &self.gs.ctm;
                let area = (m[0] * m[3] - m[1] * m[2]).abs();
                if area.is_finite() {
                    self.out.image_area += area;
                }
                return;
            }
            _ => return,
        }
        if self.forms.contains(&id) {
            self.warnings
                .push(format!("form {} {} R draws itself; skipped", id.0, id.1));
            return;
        }
        if self.forms.len() >= self.limits.max_form_depth {
            self.warnings.push(format!(
                "moduli (form XObject) annidati oltre {} livelli; non letti",
                self.limits.max_form_depth
            ));
            return;
        }
        let content = match self.cache.forms.get(&id) {
            Some(c) => c.clone(),
            None => {
                let bytes = match stream_bytes_in(doc, stream, self.limits.max_stream_bytes) {
                    Ok(bytes) => bytes,
                    Err(e) => {
                        self.warnings
                            .push(format!("modulo {} {} R: {e}", id.0, id.1));
                        Vec::new()
                    }
                };
                let c = Rc::new(bytes);
                self.cache.forms.insert(id, c.clone());
                c
            }
        };
        let form_resources = get_dict(doc, &stream.dict, b"Resources").or(resources);
        let saved = (self.gs.clone(), self.tm, self.tlm, self.stack.len());
        if let Some(m) = matrix_of(get(doc, &stream.dict, b"Matrix")) {
            self.gs.ctm = mul(&m, &self.gs.ctm);
        }
        if let Some(b) = get_array(doc, &stream.dict, b"BBox").filter(|b| b.len() == 4) {
            let v: Vec<f32> = b.iter().filter_map(|o| num(deref(doc, o))).collect();
            if let [x0, y0, x1, y1] = v[..] {
                let rect = [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)];
                self.gs.paint.clip_to(rect, &self.gs.ctm);
            }
        }
        self.forms.push(id);
        self.run_bytes(&content, form_resources);
        self.forms.pop();
        self.gs = saved.0;
        self.tm = saved.1;
        self.tlm = saved.2;
        self.stack.truncate(saved.3);
    }

    /// Runs an annotation's appearance stream (a Form XObject, `id` when it
    /// is an indirect object) with `placement` as its matrix: the form's
    /// own matrix, then the mapping of its box onto the annotation's
    /// rectangle, then the page's display matrix (see [`super::annots`]).
    pub(super) fn run_appearance(
        &mut self,
        stream: &'a lopdf::Stream,
        id: Option<ObjectId>,
        placement: Matrix,
        resources: Option<&'a Dictionary>,
    ) {
        let doc = self.doc;
        if let Some(id) = id {
            if self.forms.contains(&id) || self.forms.len() >= self.limits.max_form_depth {
                return;
            }
        }
        let content = match stream_bytes_in(doc, stream, self.limits.max_stream_bytes) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.warnings
                    .push(format!("aspetto di un'annotazione: {e}"));
                return;
            }
        };
        let own = get_dict(doc, &stream.dict, b"Resources").or(resources);
        self.run_placed(&content, own, placement, id);
    }

    /// Runs `content` as a form placed by `placement` (the graphics state
    /// and text state restored after it).
    pub(super) fn run_placed(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        placement: Matrix,
        id: Option<ObjectId>,
    ) {
        let saved = (self.gs.clone(), self.tm, self.tlm, self.stack.len());
        self.gs.ctm = placement;
        self.gs.font = None;
        self.gs.size = 0.0;
        if let Some(id) = id {
            self.forms.push(id);
        }
        self.run_bytes(content, resources);
        if id.is_some() {
            self.forms.pop();
        }
        self.gs = saved.0;
        self.tm = saved.1;
        self.tlm = saved.2;
        self.stack.truncate(saved.3);
    }

    fn show(&mut self, bytes: &[u8]) {
        let font = match &self.gs.font {
            Some(f) => f.clone(),
            None => self.fallback(),
        };
        let gs = &self.gs;
        let (fs, th, tc, tw, rise) = (gs.size, gs.th, gs.tc, gs.tw, gs.rise);
        // Text space to display space: Tm then CTM.
        let mut m = mul(&self.tm, &gs.ctm);
        let vscale = (m[2] * m[2] + m[3] * m[3]).sqrt();
        let hscale = (m[0] * m[0] + m[1] * m[1]).sqrt().max(1e-6);
        let size = (fs.abs() * vscale * font.size_factor).max(0.01);
        let (ux, uy) = (m[0] / hscale, m[1] / hscale);
        let vertical = font.vertical;
        let out = &mut *self.out;
        let cache = &mut *self.cache;
        let max_chars = self.limits.max_chars;
        let mut total = (0.0f32, 0.0f32);
        font.decode(bytes, |code, nbytes, text, w| {
            let extra = tc + if nbytes == 1 && code == 32 { tw } else { 0.0 };
            let (tx, ty) = if vertical {
                (0.0, -(fs + extra))
            } else {
                ((w * fs + extra) * th, 0.0)
            };
            let x = m[2] * rise + m[4];
            let y = m[3] * rise + m[5];
            let (dx, dy) = if vertical {
                (m[2] * -fs, m[3] * -fs)
            } else {
                (m[0] * w * fs * th, m[1] * w * fs * th)
            };
            if !text.is_empty() && !cache.char_limit_hit {
                if cache.chars >= max_chars {
                    cache.char_limit_hit = true;
                } else {
                    cache.chars += text.len();
                    let start = out.text.len() as u32;
                    out.text.push_str(text);
                    out.glyphs.push(Glyph {
                        x,
                        y,
                        dx,
                        dy,
                        ux,
                        uy,
                        size,
                        start,
                        len: text.len().min(u16::MAX as usize) as u16,
                        space: text.chars().all(|c| c.is_whitespace() || c == '\u{a0}'),
                    });
                }
            }
            m[4] += tx * m[0] + ty * m[2];
            m[5] += tx * m[1] + ty * m[3];
            total.0 += tx;
            total.1 += ty;
        });
        self.tm = mul(&[1.0, 0.0, 0.0, 1.0, total.0, total.1], &self.tm);
    }
}

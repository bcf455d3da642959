//! Paths of the content stream, kept only for what they paint in straight,
//! axis-aligned strokes and rectangles: the raw material of ruling lines.
//!
//! Path operators (`m l c v y h re`) build the current path in display
//! space (each point goes through the CTM when it is given, since `cm` may
//! not change inside a path); painting operators turn it into [`Mark`]s,
//! boxes of ink on the page, and drop it. A stroked straight segment that
//! runs along an axis is a box as long as the segment and as thick as the
//! pen (the line width through the CTM, caps added); a filled subpath that
//! is an axis-aligned rectangle (`re`, or four straight sides closed) is
//! its own box; `sh` fills the clip. Curves, slanted segments and other
//! filled shapes leave nothing: a table is not drawn with them. Dash
//! patterns (`d`) are not followed: a dashed border is a border. Paint in
//! pure white (the colour of the paper) is marked as such: it is seen
//! only over a fill painted before it (white rules across a shaded table),
//! which [`super::rulings`] decides. What is not visible leaves nothing: a
//! fill that covers most of the
//! page (a background), and everything outside the clip, which is tracked
//! as a box (a clip path counts as its bounding box; Form XObjects clip to
//! their `/BBox`) starting as the page box. Whether a box is a line or a
//! cell background is decided later, in [`super::rulings`].
//!
//! The path is one vector reused for the whole page, so an operator costs
//! no allocation; points past [`MAX_PATH_POINTS`] and marks past
//! [`MAX_MARKS`] are dropped with a warning, so a vector drawing (a map, a
//! chart) stays bounded in memory and time.

use super::lexer::{Lexer, Operand};
use super::objects::Matrix;

/// Most points kept in one path; the rest of the path is ignored.
pub(super) const MAX_PATH_POINTS: usize = 65_536;
/// Most marks kept for one page (before merging).
pub(super) const MAX_MARKS: usize = 20_000;
/// A segment whose ends differ by at most this across its direction is
/// axis-aligned (points, display space).
const AXIS_TOLERANCE: f32 = 0.5;
/// A fill this close to the page size in both directions is a background.
const PAGE_COVER: f32 = 0.9;
/// Clip edges are widened by this much, so a line drawn exactly on the
/// edge of the clip (a cell border clipped to its cell) is kept.
const CLIP_SLACK: f32 = 0.5;

/// A box of ink in display space (y up), `x0 <= x1`, `y0 <= y1`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Mark {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    /// The colour of a filled box ([`Ink::key`]); `None` for a stroke or a
    /// shading. Two fills of one colour that touch show no edge between
    /// them (see [`super::rulings`]).
    pub fill: Option<u64>,
    /// Painted in white: seen only over a fill painted before it.
    pub white: bool,
}

/// The marks of one page.
#[derive(Debug, Default)]
pub(super) struct Marks {
    pub boxes: Vec<Mark>,
    /// Page size in display space, for telling backgrounds apart.
    pub width: f32,
    pub height: f32,
    /// Marks were dropped at [`MAX_MARKS`].
    pub capped: bool,
    /// A path was cut at [`MAX_PATH_POINTS`].
    pub path_capped: bool,
}

impl Marks {
    pub fn new(width: f32, height: f32) -> Self {
        Marks {
            width,
            height,
            ..Marks::default()
        }
    }

    fn push(&mut self, m: Mark, clip: &[f32; 4]) {
        // False for NaN, which `max` and `min` would hide.
        if !(m.x0 <= m.x1 && m.y0 <= m.y1) {
            return;
        }
        let m = Mark {
            x0: m.x0.max(clip[0] - CLIP_SLACK),
            y0: m.y0.max(clip[1] - CLIP_SLACK),
            x1: m.x1.min(clip[2] + CLIP_SLACK),
            y1: m.y1.min(clip[3] + CLIP_SLACK),
            ..m
        };
        let finite = m.x0.is_finite() && m.y0.is_finite() && m.x1.is_finite() && m.y1.is_finite();
        if !(finite && m.x0 <= m.x1 && m.y0 <= m.y1) {
            return;
        }
        if self.boxes.len() >= MAX_MARKS {
            self.capped = true;
            return;
        }
        self.boxes.push(m);
    }
}

/// The colour family set by `cs`/`CS`, which says how to read `sc`/`scn`.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Space {
    Gray,
    Rgb,
    Cmyk,
    /// A named resource (ICC, Separation, DeviceN, Indexed, Pattern...): its
    /// operands are read by their count, and one operand (a gray or a tint,
    /// whose white is 1 or 0) is never taken for white.
    Other,
}

/// A colour as far as rulings care: its family, whether it is white, and
/// a key that is equal for equal colours (the family and the components
/// to 1/255; `None` when the components are not known, as for a pattern).
#[derive(Clone, Copy, Debug)]
struct Ink {
    space: Space,
    white: bool,
    key: Option<u64>,
}

const BLACK: Ink = Ink {
    space: Space::Gray,
    white: false,
    key: Some(1 << 40 | 1 << 32),
};

/// The part of the graphics state that paints paths; saved and restored
/// with the rest by `q`/`Q`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Paint {
    line_width: f32,
    /// Line cap style (`J`): 0 butt, 1 round, 2 projecting square.
    cap: u8,
    stroke: Ink,
    fill: Ink,
    /// The clip's bounding box, display space.
    clip: [f32; 4],
}

impl Paint {
    /// The initial state for a page of the given display size.
    pub fn new(width: f32, height: f32) -> Self {
        Paint {
            line_width: 1.0,
            cap: 0,
            stroke: BLACK,
            fill: BLACK,
            clip: [0.0, 0.0, width, height],
        }
    }

    /// Narrows the clip to a rectangle of user space (a form's `/BBox`).
    pub fn clip_to(&mut self, rect: [f32; 4], ctm: &Matrix) {
        let mut b = EMPTY;
        for (x, y) in [
            (rect[0], rect[1]),
            (rect[2], rect[1]),
            (rect[2], rect[3]),
            (rect[0], rect[3]),
        ] {
            grow(&mut b, apply(ctm, x, y));
        }
        self.intersect(&b);
    }

    fn ink(&mut self, stroke: bool) -> &mut Ink {
        if stroke {
            &mut self.stroke
        } else {
            &mut self.fill
        }
    }

    fn intersect(&mut self, b: &[f32; 4]) {
        let c = &mut self.clip;
        c[0] = c[0].max(b[0]);
        c[1] = c[1].max(b[1]);
        c[2] = c[2].min(b[2]);
        c[3] = c[3].min(b[3]);
    }
}

/// Reads the operands of a colour operator in `space`: the leading
/// numbers (a pattern name may follow). `None` when there are none, but in
/// a named space, where a pattern alone is a colour.
fn ink(space: Space, a: &[Operand]) -> Option<Ink> {
    let mut v = [0.0f32; 4];
    let mut n = 0;
    for o in a {
        let Operand::Num(x) = o else { break };
        if let Some(slot) = v.get_mut(n) {
            *slot = *x;
        }
        n += 1;
    }
    let space = match (space, n) {
        (_, 0) if space != Space::Other => return None,
        (Space::Other, 3) => Space::Rgb,
        (Space::Other, 4) => Space::Cmyk,
        (s, _) => s,
    };
    let white = match (space, n) {
        (Space::Gray, 1) => v[0] >= 0.99,
        (Space::Rgb, 3) => v[..3].iter().all(|c| *c >= 0.99),
        (Space::Cmyk, 4) => v.iter().all(|c| *c <= 0.01),
        _ => false,
    };
    Some(Ink {
        space,
        white,
        key: colour_key(space, &v[..n.min(4)]),
    })
}

/// Equal for equal colours: the family in the top bits, then each
/// component to 1/255 (NaN and out-of-range values clamped). `None`
/// without components.
fn colour_key(space: Space, v: &[f32]) -> Option<u64> {
    if v.is_empty() {
        return None;
    }
    let family: u64 = match space {
        Space::Gray => 1,
        Space::Rgb => 2,
        Space::Cmyk => 3,
        Space::Other => 4,
    };
    let mut key = family << 40 | (v.len() as u64) << 32;
    for (k, c) in v.iter().enumerate() {
        let q = if c.is_finite() {
            (c.clamp(0.0, 1.0) * 255.0).round() as u64
        } else {
            0
        };
        key |= q << (8 * k);
    }
    Some(key)
}

fn space_named(name: &[u8]) -> Space {
    match name {
        b"DeviceGray" | b"G" | b"CalGray" => Space::Gray,
        b"DeviceRGB" | b"RGB" | b"CalRGB" => Space::Rgb,
        b"DeviceCMYK" | b"CMYK" => Space::Cmyk,
        _ => Space::Other,
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    /// Starts a subpath.
    Move,
    /// Ends a straight segment.
    Line,
    /// Ends a curve: no ruling.
    Curve,
    /// Closes the subpath: a straight segment back to its start.
    Close,
}

#[derive(Clone, Copy, Debug)]
struct Pt {
    x: f32,
    y: f32,
    kind: Kind,
}

const EMPTY: [f32; 4] = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];

fn grow(b: &mut [f32; 4], (x, y): (f32, f32)) {
    b[0] = b[0].min(x);
    b[1] = b[1].min(y);
    b[2] = b[2].max(x);
    b[3] = b[3].max(y);
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// The current path, display space.
#[derive(Default)]
pub(super) struct Path {
    pts: Vec<Pt>,
    /// Start of the current subpath, and whether there is a current point.
    start: (f32, f32),
    open: bool,
    /// Bounding box of every point given, control points included (the
    /// clip of `W`).
    bbox: Option<[f32; 4]>,
    /// `W` or `W*` seen: the next painting operator also clips.
    clip_pending: bool,
    full: bool,
}

/// The last `k` operands as numbers, if they are.
fn last_nums<const K: usize>(a: &[Operand]) -> Option<[f32; K]> {
    let tail = a.get(a.len().checked_sub(K)?..)?;
    let mut v = [0.0; K];
    for (slot, o) in v.iter_mut().zip(tail) {
        match o {
            Operand::Num(x) => *slot = *x,
            _ => return None,
        }
    }
    Some(v)
}

impl Path {
    fn point(&mut self, ctm: &Matrix, x: f32, y: f32, kind: Kind) {
        let p = apply(ctm, x, y);
        grow(self.bbox.get_or_insert(EMPTY), p);
        if kind == Kind::Move {
            self.start = p;
        } else if !self.open || self.pts.last().is_some_and(|l| l.kind == Kind::Close) {
            // Drawing on from a closed subpath (or from nowhere) starts a
            // new one where the pen is.
            let (sx, sy) = if self.open { self.start } else { p };
            self.push(sx, sy, Kind::Move);
            self.start = (sx, sy);
        }
        self.open = true;
        self.push(p.0, p.1, kind);
    }

    fn push(&mut self, x: f32, y: f32, kind: Kind) {
        if self.full || self.pts.len() >= MAX_PATH_POINTS {
            self.full = true;
            return;
        }
        self.pts.push(Pt { x, y, kind });
    }

    fn close(&mut self) {
        if self.open && self.pts.last().is_some_and(|l| l.kind != Kind::Close) {
            let (x, y) = self.start;
            self.push(x, y, Kind::Close);
        }
    }

    fn clear(&mut self) {
        self.pts.clear();
        self.open = false;
        self.bbox = None;
        self.clip_pending = false;
        self.full = false;
    }

    /// Handles a path, painting, clipping, line or colour operator; any
    /// other operator is ignored.
    pub fn op(
        &mut self,
        op: &[u8],
        lx: &Lexer,
        paint: &mut Paint,
        ctm: &Matrix,
        marks: &mut Marks,
    ) {
        let a = lx.operands.as_slice();
        match op {
            b"m" => {
                if let Some([x, y]) = last_nums(a) {
                    self.point(ctm, x, y, Kind::Move);
                }
            }
            b"l" => {
                if let Some([x, y]) = last_nums(a) {
                    self.point(ctm, x, y, Kind::Line);
                }
            }
            b"c" => {
                if let Some([x1, y1, x2, y2, x3, y3]) = last_nums(a) {
                    grow(self.bbox.get_or_insert(EMPTY), apply(ctm, x1, y1));
                    grow(self.bbox.get_or_insert(EMPTY), apply(ctm, x2, y2));
                    self.point(ctm, x3, y3, Kind::Curve);
                }
            }
            b"v" | b"y" => {
                if let Some([x1, y1, x3, y3]) = last_nums(a) {
                    grow(self.bbox.get_or_insert(EMPTY), apply(ctm, x1, y1));
                    self.point(ctm, x3, y3, Kind::Curve);
                }
            }
            b"re" => {
                if let Some([x, y, w, h]) = last_nums(a) {
                    self.point(ctm, x, y, Kind::Move);
                    self.point(ctm, x + w, y, Kind::Line);
                    self.point(ctm, x + w, y + h, Kind::Line);
                    self.point(ctm, x, y + h, Kind::Line);
                    self.close();
                }
            }
            b"h" => self.close(),
            b"W" | b"W*" => self.clip_pending = true,
            b"S" => self.paint(true, false, paint, ctm, marks),
            b"s" => {
                self.close();
                self.paint(true, false, paint, ctm, marks);
            }
            b"f" | b"F" | b"f*" => self.paint(false, true, paint, ctm, marks),
            b"B" | b"B*" => self.paint(true, true, paint, ctm, marks),
            b"b" | b"b*" => {
                self.close();
                self.paint(true, true, paint, ctm, marks);
            }
            b"n" => self.paint(false, false, paint, ctm, marks),
            b"sh" => {
                // A shading paints the clip, in its own colours.
                let c = paint.clip;
                fill_box(mark(c[0], c[1], c[2], c[3]), None, paint, marks);
            }
            b"w" => {
                if let Some([w]) = last_nums(a) {
                    paint.line_width = w.abs();
                }
            }
            b"J" => {
                if let Some([j]) = last_nums(a) {
                    paint.cap = j.clamp(0.0, 2.0) as u8;
                }
            }
            b"g" | b"rg" | b"k" | b"G" | b"RG" | b"K" => {
                let space = match op {
                    b"g" | b"G" => Space::Gray,
                    b"rg" | b"RG" => Space::Rgb,
                    _ => Space::Cmyk,
                };
                if let Some(ink) = ink(space, a) {
                    *paint.ink(op[0].is_ascii_uppercase()) = ink;
                }
            }
            b"cs" | b"CS" => {
                if let Some(&Operand::Name(s, e)) = a.last() {
                    // A new colour space starts at its initial colour,
                    // which is never white (black, or full ink).
                    let space = space_named(lx.bytes(s, e));
                    *paint.ink(op == b"CS") = Ink {
                        space,
                        white: false,
                        key: None,
                    };
                }
            }
            b"sc" | b"scn" => {
                if let Some(ink) = ink(paint.fill.space, a) {
                    paint.fill = ink;
                }
            }
            b"SC" | b"SCN" => {
                if let Some(ink) = ink(paint.stroke.space, a) {
                    paint.stroke = ink;
                }
            }
            _ => {}
        }
    }

    fn paint(&mut self, stroke: bool, fill: bool, paint: &mut Paint, ctm: &Matrix, m: &mut Marks) {
        m.path_capped |= self.full;
        if stroke {
            self.stroke(paint, ctm, m);
        }
        if fill {
            self.fill(paint, m);
        }
        if self.clip_pending {
            if let Some(b) = self.bbox {
                paint.intersect(&b);
            }
        }
        self.clear();
    }

    fn stroke(&self, paint: &Paint, ctm: &Matrix, marks: &mut Marks) {
        let half = paint.line_width / 2.0;
        // The pen is a disc: through the CTM, its half extent along x and y.
        let hx = half * (ctm[0] * ctm[0] + ctm[2] * ctm[2]).sqrt();
        let hy = half * (ctm[1] * ctm[1] + ctm[3] * ctm[3]).sqrt();
        let caps = paint.cap != 0;
        for w in self.pts.windows(2) {
            let (p, q) = (w[0], w[1]);
            if !matches!(q.kind, Kind::Line | Kind::Close) {
                continue;
            }
            let (dx, dy) = ((q.x - p.x).abs(), (q.y - p.y).abs());
            let b = if dy <= AXIS_TOLERANCE && dx > dy {
                let (y, ext) = ((p.y + q.y) / 2.0, if caps { hx } else { 0.0 });
                mark(p.x.min(q.x) - ext, y - hy, p.x.max(q.x) + ext, y + hy)
            } else if dx <= AXIS_TOLERANCE && dy > dx {
                let (x, ext) = ((p.x + q.x) / 2.0, if caps { hy } else { 0.0 });
                mark(x - hx, p.y.min(q.y) - ext, x + hx, p.y.max(q.y) + ext)
            } else {
                continue;
            };
            let b = Mark {
                white: paint.stroke.white,
                ..b
            };
            marks.push(b, &paint.clip);
        }
    }

    fn fill(&self, paint: &Paint, marks: &mut Marks) {
        let mut i = 0;
        while i < self.pts.len() {
            let mut j = i + 1;
            while j < self.pts.len() && self.pts[j].kind != Kind::Move {
                j += 1;
            }
            if let Some(b) = rectangle(&self.pts[i..j]) {
                fill_box(b, paint.fill.key, paint, marks);
            }
            i = j;
        }
    }
}

fn mark(x0: f32, y0: f32, x1: f32, y1: f32) -> Mark {
    Mark {
        x0,
        y0,
        x1,
        y1,
        fill: None,
        white: false,
    }
}

/// A fill box of colour `key` (`None`: colours of its own), unless it is a
/// page background.
fn fill_box(b: Mark, key: Option<u64>, paint: &Paint, marks: &mut Marks) {
    let background =
        b.x1 - b.x0 >= PAGE_COVER * marks.width && b.y1 - b.y0 >= PAGE_COVER * marks.height;
    if !background {
        let white = key.is_some() && paint.fill.white;
        marks.push(
            Mark {
                fill: key,
                white,
                ..b
            },
            &paint.clip,
        );
    }
}

/// The box of a subpath that is an axis-aligned rectangle: four corners
/// joined by straight sides (a repeated corner and a side back to the
/// start allowed).
fn rectangle(sub: &[Pt]) -> Option<Mark> {
    let mut c = [(0.0f32, 0.0f32); 4];
    let mut n = 0;
    for (k, p) in sub.iter().enumerate() {
        if k > 0 && p.kind == Kind::Curve {
            return None;
        }
        let same = |q: (f32, f32)| (q.0 - p.x).abs() < 0.01 && (q.1 - p.y).abs() < 0.01;
        if n > 0 && same(c[n - 1]) || n == 4 && same(c[0]) {
            continue;
        }
        if n == 4 {
            return None;
        }
        c[n] = (p.x, p.y);
        n += 1;
    }
    if n != 4 {
        return None;
    }
    let flat = |a: f32, b: f32| (a - b).abs() <= AXIS_TOLERANCE;
    let side = |k: usize, across: bool| {
        let (p, q) = (c[k], c[(k + 1) % 4]);
        if across {
            flat(p.0, q.0)
        } else {
            flat(p.1, q.1)
        }
    };
    // Sides alternate horizontal and vertical, starting either way.
    let ok = |first: bool| (0..4).all(|k| side(k, (k % 2 == 1) != first));
    if !(ok(false) || ok(true)) {
        return None;
    }
    let mut b = EMPTY;
    for p in c {
        grow(&mut b, p);
    }
    Some(mark(b[0], b[1], b[2], b[3]))
}

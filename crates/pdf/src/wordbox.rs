//! A word as the layout builds it from glyphs, before it is placed on a line
//! of text: its box in page coordinates and its frame along the text
//! direction. Both the line builder ([`super::layout`]) and the column finder
//! ([`super::columns`]) work on these.

/// Two words whose baselines lie closer than this share of the font size
/// sit on one line: a superscript, or a glyph set a little lower, stays on
/// its line; the next line of text is a whole leading away.
pub(super) const SAME_LINE: f32 = 0.45;

/// A word in page coordinates (top-left origin), with its text direction.
#[derive(Debug, Clone)]
pub(super) struct WordBox {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
    /// Direction: 0 upright, 1 top to bottom, 2 upside down, 3 bottom to top.
    pub rot: u8,
    /// Position along the text direction and across it (baseline), in the
    /// word's own frame.
    pub u0: f32,
    pub u1: f32,
    pub v: f32,
    /// An explicit space glyph came before this word in the stream.
    pub spaced: bool,
    /// Its place among the page's words in content-stream order (of its
    /// last piece, once pieces are joined).
    pub seq: usize,
}

impl WordBox {
    /// The word as a page lists it: on text line `line`, at byte `start` of
    /// the page's text.
    pub fn into_word(self, line: u32, start: usize) -> crate::Word {
        crate::Word {
            text: self.text,
            x: self.x,
            y: self.y,
            width: self.width,
            size: self.size,
            line,
            start,
        }
    }
}

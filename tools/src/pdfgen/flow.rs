//! [`Flow`]: text written from the top of a page down, onto new pages as
//! needed.
//!
//! Documents are sequences of blocks (a heading, label/value lines, a
//! paragraph, a table); each block asks for the room it needs and the flow
//! starts a new page when the current one is full, which is how a phases table
//! ends up running onto the next page.

use super::builder::{FontId, PdfBuilder};

/// Page size and margins, in points.
#[derive(Debug, Clone, Copy)]
pub struct PageSetup {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl PageSetup {
    pub fn a4_portrait() -> PageSetup {
        PageSetup {
            width: 595.28,
            height: 841.89,
            left: 56.0,
            right: 56.0,
            top: 60.0,
            bottom: 60.0,
        }
    }

    pub fn a4_landscape() -> PageSetup {
        PageSetup {
            width: 841.89,
            height: 595.28,
            left: 40.0,
            right: 40.0,
            top: 40.0,
            bottom: 45.0,
        }
    }

    /// The width between the margins.
    pub fn text_width(&self) -> f32 {
        self.width - self.left - self.right
    }
}

/// Splits `text` into lines no wider than `width`, at spaces; a word wider
/// than a line is cut between characters.
pub fn wrap(pdf: &PdfBuilder, font: FontId, size: f32, text: &str, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if pdf.text_width(font, size, &candidate) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut rest = word.to_owned();
            while pdf.text_width(font, size, &rest) > width && rest.chars().count() > 1 {
                let mut cut = String::new();
                for c in rest.chars() {
                    cut.push(c);
                    if pdf.text_width(font, size, &cut) > width {
                        cut.pop();
                        break;
                    }
                }
                if cut.is_empty() {
                    cut = rest.chars().next().map(String::from).unwrap_or_default();
                }
                rest = rest[cut.len()..].to_owned();
                lines.push(cut);
            }
            line = rest;
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// A writing position moving down the pages of a [`PdfBuilder`].
pub struct Flow<'a> {
    pub pdf: &'a mut PdfBuilder,
    pub setup: PageSetup,
    /// The top of the room left on the current page.
    pub y: f32,
}

impl<'a> Flow<'a> {
    /// Starts a new page and writes from its top margin.
    pub fn new(pdf: &'a mut PdfBuilder, setup: PageSetup) -> Flow<'a> {
        pdf.add_page(setup.width, setup.height);
        Flow {
            pdf,
            y: setup.height - setup.top,
            setup,
        }
    }

    pub fn new_page(&mut self) {
        self.pdf.add_page(self.setup.width, self.setup.height);
        self.y = self.setup.height - self.setup.top;
    }

    /// Makes sure `height` points fit on the page, starting a new one if not.
    pub fn ensure(&mut self, height: f32) {
        if self.y - height < self.setup.bottom {
            self.new_page();
        }
    }

    /// Vertical space (dropped at the top of a page).
    pub fn gap(&mut self, height: f32) {
        if self.y < self.setup.height - self.setup.top {
            self.y -= height;
        }
    }

    /// One line made of runs at horizontal offsets from the left margin.
    pub fn line(&mut self, runs: &[(FontId, f32, f32, &str)]) {
        let size = runs.iter().map(|r| r.1).fold(0.0, f32::max);
        let leading = size * 1.3;
        self.ensure(leading);
        let baseline = self.y - size;
        for &(font, s, dx, text) in runs {
            self.pdf.text(font, s, self.setup.left + dx, baseline, text);
        }
        self.y -= leading;
    }

    /// A wrapped paragraph starting `indent` points from the left margin.
    pub fn paragraph(&mut self, font: FontId, size: f32, indent: f32, text: &str) {
        let width = self.setup.text_width() - indent;
        for l in wrap(self.pdf, font, size, text, width) {
            self.line(&[(font, size, indent, &l)]);
        }
    }

    /// A centred line.
    pub fn centred(&mut self, font: FontId, size: f32, text: &str) {
        let w = self.pdf.text_width(font, size, text);
        let dx = ((self.setup.text_width() - w) / 2.0).max(0.0);
        self.line(&[(font, size, dx, text)]);
    }

    /// A label on the left and its value wrapped in a column starting at
    /// `value_at` points from the left margin.
    pub fn label_value(
        &mut self,
        label: (FontId, &str),
        value: (FontId, &str),
        size: f32,
        value_at: f32,
    ) {
        let width = self.setup.text_width() - value_at;
        let lines = wrap(self.pdf, value.0, size, value.1, width);
        for (i, l) in lines.iter().enumerate() {
            if i == 0 {
                self.line(&[(label.0, size, 0.0, label.1), (value.0, size, value_at, l)]);
            } else {
                self.line(&[(value.0, size, value_at, l)]);
            }
        }
    }

    /// A horizontal rule across the text width.
    pub fn rule(&mut self, width: f32) {
        self.ensure(6.0);
        let y = self.y - 3.0;
        let (l, r) = (self.setup.left, self.setup.width - self.setup.right);
        self.pdf.line(l, y, r, y, width);
        self.y -= 6.0;
    }
}

#[cfg(test)]
mod tests {
    use super::super::builder::FontKind;
    use super::super::standard::Standard14;
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        let mut pdf = PdfBuilder::new();
        let f = pdf.add_font(FontKind::Standard(Standard14::Helvetica));
        let text = "Predisposizione della bozza di convenzione per la gestione associata";
        let lines = wrap(&pdf, f, 10.0, text, 120.0);
        assert!(lines.len() >= 3);
        assert_eq!(lines.join(" "), text);
        for l in &lines {
            assert!(pdf.text_width(f, 10.0, l) <= 120.0, "{l}");
        }
    }

    #[test]
    fn a_long_flow_goes_onto_new_pages() {
        let mut pdf = PdfBuilder::new();
        let f = pdf.add_font(FontKind::Standard(Standard14::Helvetica));
        let mut flow = Flow::new(&mut pdf, PageSetup::a4_portrait());
        for i in 0..100 {
            flow.line(&[(f, 10.0, 0.0, &format!("riga {i}"))]);
        }
        // 722 points between the margins hold 55 lines of 13 points.
        assert_eq!(pdf.page_count(), 2);
    }
}

//! Pages built by hand for the tests: words set at given places in a
//! made-up font (every character half the font size wide, a space 0.28 of
//! it), and ruling lines.

use atti_page::{Page, Ruling, Word};

pub(crate) const SIZE: f32 = 10.0;

/// A page being built.
#[derive(Debug, Default)]
pub(crate) struct Kit {
    pub page: Page,
}

impl Kit {
    pub fn new() -> Kit {
        Kit {
            page: Page {
                number: 1,
                width: 595.0,
                height: 842.0,
                ..Page::default()
            },
        }
    }

    /// Width of a text in the made-up font at `SIZE`.
    pub fn width(text: &str) -> f32 {
        let words: Vec<&str> = text.split_whitespace().collect();
        let chars: usize = words.iter().map(|w| w.chars().count()).sum();
        chars as f32 * 0.5 * SIZE + words.len().saturating_sub(1) as f32 * 0.28 * SIZE
    }

    /// Sets `text` from `x` on baseline `y`; each word also goes into the
    /// page text, so that it has a `start`.
    pub fn text(&mut self, x: f32, y: f32, text: &str) -> &mut Kit {
        let mut x = x;
        for w in text.split_whitespace() {
            let width = w.chars().count() as f32 * 0.5 * SIZE;
            self.word(x, y, width, SIZE, w);
            x += width + 0.28 * SIZE;
        }
        self
    }

    /// Sets one word with the width and size a real font gave it.
    pub fn word(&mut self, x: f32, y: f32, width: f32, size: f32, text: &str) -> &mut Kit {
        let start = self.page.text.len();
        self.page.text.push_str(text);
        self.page.text.push(' ');
        self.page.words.push(Word {
            text: text.into(),
            x,
            y,
            width,
            size,
            line: 0,
            start,
        });
        self
    }

    /// Sets `text` centred on `cx`.
    pub fn centred(&mut self, cx: f32, y: f32, text: &str) -> &mut Kit {
        self.text(cx - Kit::width(text) / 2.0, y, text)
    }

    pub fn hline(&mut self, x0: f32, x1: f32, y: f32) -> &mut Kit {
        self.page.rulings.push(Ruling {
            x0,
            y0: y,
            x1,
            y1: y,
        });
        self
    }

    pub fn vline(&mut self, x: f32, y0: f32, y1: f32) -> &mut Kit {
        self.page.rulings.push(Ruling {
            x0: x,
            y0,
            x1: x,
            y1,
        });
        self
    }

    /// Every line of the grid with these edges.
    pub fn grid(&mut self, xs: &[f32], ys: &[f32]) -> &mut Kit {
        let (Some(&x0), Some(&x1), Some(&y0), Some(&y1)) =
            (xs.first(), xs.last(), ys.first(), ys.last())
        else {
            return self;
        };
        for &y in ys {
            self.hline(x0, x1, y);
        }
        for &x in xs {
            self.vline(x, y0, y1);
        }
        self
    }
}

/// The grids of the tables `find` reads with the default settings.
pub(crate) fn grids(page: &Page) -> Vec<Vec<Vec<String>>> {
    crate::find(page, &crate::Settings::default())
        .iter()
        .map(crate::grid)
        .collect()
}

/// Rows of string literals, to compare with a grid.
pub(crate) fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect()
}

//! From marks (boxes of ink, see [`super::paths`]) to the ruling lines of a
//! page, in the coordinates of `Word`.
//!
//! A box no thicker than [`LINE_MAX`] is a line along its long axis, through
//! its middle: a stroked segment, a side of a stroked rectangle, or the thin
//! filled rectangle that Word, LibreOffice and most report writers draw
//! for a border. A tiny box (a dot of a dotted border) counts in both
//! directions; the merge below keeps the direction in which its
//! neighbours line it up. A thicker box is a filled area (a cell
//! background, a coloured header row): it gives its four edges. That is
//! pdfplumber's choice for rectangles, not camelot-lattice's (lines only):
//! a table whose rows are told apart by shading alone, and the many
//! producers that paint cells before their borders, then still give a
//! grid, and where borders are also drawn the edges fall on them and merge
//! away. `LINE_MAX` is 3 points, above the usual border widths (Word's
//! thickest single border is 6 points, its common ones up to 3) and below
//! any row that can hold text.
//!
//! Lines are then merged: pieces on the same line (within [`SAME_LINE`])
//! that overlap or nearly touch (gap up to [`JOIN_GAP`], so the dashes of a
//! border drawn dash by dash join) become one line; all pieces of a line
//! take its length-weighted position. Lines shorter than [`MIN_LENGTH`] are dropped
//! after merging. At most [`MAX_RULINGS`] are kept per page (the longest),
//! so a drawing cannot flood the table reader. Output order: horizontal
//! lines top to bottom then left to right, then vertical ones left to
//! right then top to bottom.

use super::paths::{Marks, MAX_MARKS, MAX_PATH_POINTS};
use atti_page::Ruling;

/// A box at most this thick (points) is a line.
pub(super) const LINE_MAX: f32 = 3.0;
/// Pieces this close across their direction lie on the same line.
pub(super) const SAME_LINE: f32 = 1.0;
/// Pieces on one line this close along it join.
pub(super) const JOIN_GAP: f32 = 3.0;
/// Shorter lines (after joining) are dropped.
pub(super) const MIN_LENGTH: f32 = 2.0;
/// Most rulings kept per page.
pub(super) const MAX_RULINGS: usize = 5_000;

/// A piece of line: position across it, extent along it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Piece {
    at: f32,
    lo: f32,
    hi: f32,
}

/// The rulings of a page from its marks, in the coordinates of `Word`
/// (the y axis turns down from the top of the page).
pub(super) fn rulings(marks: &Marks, warnings: &mut Vec<String>) -> Vec<Ruling> {
    if marks.capped {
        warnings.push(format!(
            "page draws over {MAX_MARKS} lines and boxes; the rest are not read for rulings"
        ));
    }
    if marks.path_capped {
        warnings.push(format!(
            "a path has over {MAX_PATH_POINTS} points; the rest is not read for rulings"
        ));
    }
    let (mut across, mut down) = (Vec::new(), Vec::new());
    for b in &marks.boxes {
        let (w, h) = (b.x1 - b.x0, b.y1 - b.y0);
        let horizontal = Piece {
            at: (b.y0 + b.y1) / 2.0,
            lo: b.x0,
            hi: b.x1,
        };
        let vertical = Piece {
            at: (b.x0 + b.x1) / 2.0,
            lo: b.y0,
            hi: b.y1,
        };
        if h <= LINE_MAX {
            across.push(horizontal);
        }
        if w <= LINE_MAX {
            down.push(vertical);
        }
        if w > LINE_MAX && h > LINE_MAX {
            for at in [b.y0, b.y1] {
                across.push(Piece { at, ..horizontal });
            }
            for at in [b.x0, b.x1] {
                down.push(Piece { at, ..vertical });
            }
        }
    }
    let across = merge(across);
    let down = merge(down);
    let (across, down) = cap(across, down, warnings);
    let height = marks.height;
    let mut out: Vec<Ruling> = across
        .iter()
        .map(|p| Ruling {
            x0: p.lo,
            y0: height - p.at,
            x1: p.hi,
            y1: height - p.at,
        })
        .collect();
    out.sort_by(|a, b| a.y0.total_cmp(&b.y0).then(a.x0.total_cmp(&b.x0)));
    let mut vertical: Vec<Ruling> = down
        .iter()
        .map(|p| Ruling {
            x0: p.at,
            y0: height - p.hi,
            x1: p.at,
            y1: height - p.lo,
        })
        .collect();
    vertical.sort_by(|a, b| a.x0.total_cmp(&b.x0).then(a.y0.total_cmp(&b.y0)));
    out.append(&mut vertical);
    out
}

/// Joins the pieces of each line; keeps those long enough.
fn merge(mut pieces: Vec<Piece>) -> Vec<Piece> {
    pieces.sort_unstable_by(|a, b| a.at.total_cmp(&b.at));
    let mut out = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        // One line: the pieces within SAME_LINE of the first.
        let first = pieces[i].at;
        let mut j = i + 1;
        while j < pieces.len() && pieces[j].at - first <= SAME_LINE {
            j += 1;
        }
        let line = &mut pieces[i..j];
        // The line's position: its pieces' mean, weighted by length so a
        // dot does not move a long line (a zero-length piece counts a
        // little). Every piece kept lies exactly on it, so the pieces of
        // one line broken by a merged cell share one coordinate.
        let (mut sum, mut weights) = (0.0f32, 0.0f32);
        for p in line.iter() {
            let w = (p.hi - p.lo).max(0.01);
            sum += p.at * w;
            weights += w;
        }
        let at = sum / weights;
        line.sort_unstable_by(|a, b| a.lo.total_cmp(&b.lo));
        let mut cur: Option<Piece> = None;
        for p in line.iter() {
            cur = match cur {
                Some(mut c) if p.lo <= c.hi + JOIN_GAP => {
                    c.hi = c.hi.max(p.hi);
                    Some(c)
                }
                Some(c) => {
                    keep(&mut out, c);
                    Some(Piece { at, ..*p })
                }
                None => Some(Piece { at, ..*p }),
            };
        }
        if let Some(c) = cur {
            keep(&mut out, c);
        }
        i = j;
    }
    out
}

fn keep(out: &mut Vec<Piece>, p: Piece) {
    if p.hi - p.lo >= MIN_LENGTH {
        out.push(p);
    }
}

/// Keeps at most [`MAX_RULINGS`] in all, the longest, each list still in
/// order.
fn cap(
    mut across: Vec<Piece>,
    mut down: Vec<Piece>,
    warnings: &mut Vec<String>,
) -> (Vec<Piece>, Vec<Piece>) {
    let total = across.len() + down.len();
    if total <= MAX_RULINGS {
        return (across, down);
    }
    warnings.push(format!(
        "page has {total} ruling lines; the {MAX_RULINGS} longest are kept"
    ));
    let mut lengths: Vec<f32> = across.iter().chain(&down).map(|p| p.hi - p.lo).collect();
    lengths.sort_unstable_by(|a, b| b.total_cmp(a));
    let min = lengths[MAX_RULINGS - 1];
    // Ties at the threshold: keep them in order until the budget is spent.
    let mut ties = MAX_RULINGS - lengths[..MAX_RULINGS].iter().filter(|l| **l > min).count();
    let mut take = |p: &Piece| {
        let l = p.hi - p.lo;
        if l > min {
            true
        } else if l == min && ties > 0 {
            ties -= 1;
            true
        } else {
            false
        }
    };
    across.retain(&mut take);
    down.retain(&mut take);
    (across, down)
}

#[cfg(test)]
mod tests {
    use super::super::paths::Mark;
    use super::*;

    fn marks(boxes: &[[f32; 4]]) -> Marks {
        let mut m = Marks::new(600.0, 800.0);
        m.boxes = boxes
            .iter()
            .map(|b| Mark {
                x0: b[0],
                y0: b[1],
                x1: b[2],
                y1: b[3],
            })
            .collect();
        m
    }

    fn r(x0: f32, y0: f32, x1: f32, y1: f32) -> Ruling {
        Ruling { x0, y0, x1, y1 }
    }

    #[test]
    fn thin_boxes_are_lines_and_thick_ones_give_edges() {
        let mut w = Vec::new();
        let got = rulings(
            &marks(&[
                // A horizontal border 0.5 thick, a vertical one 1 thick.
                [100.0, 699.75, 300.0, 700.25],
                [199.5, 500.0, 200.5, 700.0],
                // A shaded cell.
                [400.0, 100.0, 500.0, 120.0],
            ]),
            &mut w,
        );
        assert_eq!(
            got,
            vec![
                r(100.0, 100.0, 300.0, 100.0),
                r(400.0, 680.0, 500.0, 680.0),
                r(400.0, 700.0, 500.0, 700.0),
                r(200.0, 100.0, 200.0, 300.0),
                r(400.0, 680.0, 400.0, 700.0),
                r(500.0, 680.0, 500.0, 700.0),
            ]
        );
        assert!(w.is_empty());
    }

    #[test]
    fn pieces_join_and_short_ones_go() {
        let mut w = Vec::new();
        // Dashes 1 long with gaps of 2, slightly off the line; a lone dot;
        // a 1.5 long tick.
        let mut boxes: Vec<[f32; 4]> = (0..10)
            .map(|k| {
                let x = 50.0 + 3.0 * k as f32;
                let y = 400.0 + if k % 2 == 0 { 0.2 } else { -0.2 };
                [x, y, x + 1.0, y]
            })
            .collect();
        boxes.push([300.0, 300.0, 300.5, 300.5]);
        boxes.push([10.0, 10.0, 10.0, 11.5]);
        let got = rulings(&marks(&boxes), &mut w);
        assert_eq!(got.len(), 1, "{got:?}");
        let g = got[0];
        assert_eq!((g.x0, g.x1), (50.0, 78.0));
        assert!((g.y0 - 400.0).abs() < 0.05 && g.y0 == g.y1, "{g:?}");
    }

    #[test]
    fn parallel_lines_apart_stay_apart() {
        let mut w = Vec::new();
        let got = rulings(
            &marks(&[
                [0.0, 100.0, 50.0, 100.0],
                [0.0, 101.5, 50.0, 101.5],
                [60.0, 100.0, 90.0, 100.0],
            ]),
            &mut w,
        );
        let ys: Vec<(f32, f32, f32)> = got.iter().map(|r| (r.y0, r.x0, r.x1)).collect();
        assert_eq!(
            ys,
            vec![(698.5, 0.0, 50.0), (700.0, 0.0, 50.0), (700.0, 60.0, 90.0)]
        );
    }

    #[test]
    fn pieces_of_one_line_share_its_position() {
        // A column separator broken by a merged cell, its two pieces drawn
        // 0.3 apart: one x for both, the mean of the two.
        let mut w = Vec::new();
        let got = rulings(
            &marks(&[[100.0, 0.0, 100.0, 50.0], [100.3, 80.0, 100.3, 130.0]]),
            &mut w,
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!((got[0].x0 - 100.15).abs() < 1e-3, "{got:?}");
        assert_eq!(got[0].x0, got[1].x0);
        assert_eq!((got[0].y0, got[1].y0), (670.0, 750.0));
    }

    #[test]
    fn a_flood_of_lines_is_capped_to_the_longest() {
        let mut w = Vec::new();
        let boxes: Vec<[f32; 4]> = (0..MAX_RULINGS + 100)
            .map(|k| {
                let y = 10.0 + 1.5 * SAME_LINE * k as f32;
                let len = if k < 50 { 100.0 } else { 10.0 };
                [0.0, y, len, y]
            })
            .collect();
        let got = rulings(&marks(&boxes), &mut w);
        assert_eq!(got.len(), MAX_RULINGS);
        assert_eq!(got.iter().filter(|r| r.x1 == 100.0).count(), 50);
        assert!(w[0].contains("5100 ruling lines"), "{w:?}");
    }
}

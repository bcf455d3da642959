//! From marks (boxes of ink, see [`super::paths`]) to the ruling lines of a
//! page, in the coordinates of `Word`.
//!
//! A box no thicker than [`LINE_MAX`] is a line along its long axis, through
//! its middle: a stroked segment, a side of a stroked rectangle, or the thin
//! filled rectangle that Word, LibreOffice and most report writers draw
//! for a border. A tiny box (a dot of a dotted border) counts in both
//! directions; the merge below keeps the direction in which its
//! neighbours line it up. A thicker box is a filled area (a cell
//! background, a coloured header row): it gives its four edges, but for
//! the parts where a fill of the same colour lies just beyond the edge, as
//! nothing is seen there (producers paint a shaded row cell by cell, and
//! shade a cell's paragraph again inside the cell's own shading). A line
//! painted in white is seen, and kept, only where it crosses a fill painted
//! before it (white rules that part the shaded cells of a table). That is
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

use super::paths::{Mark, Marks, MAX_MARKS, MAX_PATH_POINTS};
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
/// A fill's edge is hidden where a fill of its colour covers the paper this
/// far (points) beyond it.
const TOUCH: f32 = 0.5;
/// Most comparisons of fills of one colour made on one page.
const MAX_FILL_PAIRS: usize = 4_000_000;

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
            "la pagina disegna più di {MAX_MARKS} linee e riquadri; il resto non è letto per le linee di tabella"
        ));
    }
    if marks.path_capped {
        warnings.push(format!(
            "un tracciato ha più di {MAX_PATH_POINTS} punti; il resto non è letto per le linee di tabella"
        ));
    }
    let (mut across, mut down) = (Vec::new(), Vec::new());
    let thick = |b: &Mark| b.x1 - b.x0 > LINE_MAX && b.y1 - b.y0 > LINE_MAX;
    // Fills in paint order, with their places in it.
    let fills: Vec<(usize, &Mark)> = marks
        .boxes
        .iter()
        .enumerate()
        .filter(|(_, b)| thick(b) && !b.white)
        .collect();
    let only: Vec<&Mark> = fills.iter().map(|f| f.1).collect();
    fill_edges(&only, &mut across, &mut down);
    let whites = marks.boxes.iter().filter(|b| b.white && !thick(b)).count();
    let look_below = whites.saturating_mul(fills.len()) <= MAX_FILL_PAIRS;
    for (i, b) in marks.boxes.iter().enumerate() {
        if thick(b) {
            continue;
        }
        if b.white && !(look_below && over_fill(b, i, &fills)) {
            continue;
        }
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

/// Whether the middle of `b` (painted `i`-th) lies on a fill painted
/// before it: a white line is seen there.
fn over_fill(b: &Mark, i: usize, fills: &[(usize, &Mark)]) -> bool {
    let (x, y) = ((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0);
    fills
        .iter()
        .take_while(|f| f.0 < i)
        .any(|f| f.1.x0 <= x && x <= f.1.x1 && f.1.y0 <= y && y <= f.1.y1)
}

/// The visible parts of the edges of filled boxes: an edge is hidden where
/// another fill of the same colour covers the paper just beyond it (within
/// [`TOUCH`]). Beyond [`MAX_FILL_PAIRS`] comparisons every edge is kept
/// whole.
fn fill_edges(fills: &[&Mark], across: &mut Vec<Piece>, down: &mut Vec<Piece>) {
    let mut by_colour: std::collections::HashMap<u64, Vec<usize>> = Default::default();
    for (i, b) in fills.iter().enumerate() {
        if let Some(k) = b.fill {
            by_colour.entry(k).or_default().push(i);
        }
    }
    let pairs: usize = by_colour
        .values()
        .map(|v| v.len().saturating_mul(v.len()))
        .sum();
    let compare = pairs <= MAX_FILL_PAIRS;
    let none = Vec::new();
    for (i, b) in fills.iter().enumerate() {
        let same = match b.fill {
            Some(k) if compare => by_colour.get(&k).unwrap_or(&none),
            _ => &none,
        };
        let others = || {
            same.iter()
                .filter(|&&j| j != i)
                .filter_map(|&j| fills.get(j))
        };
        // Each edge: where it lies, and a point of the paper just beyond it.
        for (at, beyond) in [(b.y0, b.y0 - TOUCH), (b.y1, b.y1 + TOUCH)] {
            let hidden: Vec<(f32, f32)> = others()
                .filter(|o| o.y0 <= beyond && o.y1 >= beyond)
                .map(|o| (o.x0, o.x1))
                .collect();
            for (lo, hi) in uncovered(b.x0, b.x1, hidden) {
                across.push(Piece { at, lo, hi });
            }
        }
        for (at, beyond) in [(b.x0, b.x0 - TOUCH), (b.x1, b.x1 + TOUCH)] {
            let hidden: Vec<(f32, f32)> = others()
                .filter(|o| o.x0 <= beyond && o.x1 >= beyond)
                .map(|o| (o.y0, o.y1))
                .collect();
            for (lo, hi) in uncovered(b.y0, b.y1, hidden) {
                down.push(Piece { at, lo, hi });
            }
        }
    }
}

/// The parts of `lo..hi` that none of the intervals covers.
fn uncovered(lo: f32, hi: f32, mut cover: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    cover.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::new();
    let mut from = lo;
    for (a, b) in cover {
        if a > from {
            out.push((from, a.min(hi)));
        }
        from = from.max(b);
        if from >= hi {
            break;
        }
    }
    if from < hi {
        out.push((from, hi));
    }
    out.retain(|p| p.1 > p.0);
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
        "la pagina ha {total} linee di tabella; tenute le {MAX_RULINGS} più lunghe"
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
                fill: Some(7),
                white: false,
            })
            .collect();
        m
    }

    fn r(x0: f32, y0: f32, x1: f32, y1: f32) -> Ruling {
        Ruling { x0, y0, x1, y1 }
    }

    #[test]
    fn fills_of_one_colour_show_only_their_outline() {
        // A shaded row painted cell by cell (two cells that touch, a third
        // a hair apart), the first cell's paragraph shaded again inside it,
        // and a cell of another colour below the second.
        let mut m = marks(&[
            [100.0, 700.0, 200.0, 720.0],
            [200.0, 700.0, 300.0, 720.0],
            [300.2, 700.0, 400.0, 720.0],
            [105.0, 703.0, 195.0, 717.0],
        ]);
        m.boxes.push(Mark {
            x0: 200.0,
            y0: 680.0,
            x1: 300.0,
            y1: 700.0,
            fill: Some(9),
            white: false,
        });
        let mut w = Vec::new();
        let got = rulings(&m, &mut w);
        let vertical: Vec<f32> = got.iter().filter(|r| r.x0 == r.x1).map(|r| r.x0).collect();
        let horizontal: Vec<(f32, f32, f32)> = got
            .iter()
            .filter(|r| r.y0 == r.y1)
            .map(|r| (r.y0, r.x0, r.x1))
            .collect();
        // The row's two ends, and the sides of the other colour's cell.
        assert_eq!(vertical.len(), 4, "{got:?}");
        assert!(
            (vertical[0] - 100.0).abs() < 0.5 && (vertical[3] - 400.0).abs() < 0.5,
            "{vertical:?}"
        );
        assert!(
            (vertical[1] - 200.0).abs() < 0.5 && (vertical[2] - 300.0).abs() < 0.5,
            "{vertical:?}"
        );
        let (mid, bottom) = (
            horizontal.iter().filter(|h| h.0 == 100.0).count(),
            horizontal.iter().filter(|h| h.0 == 120.0).count(),
        );
        assert_eq!((mid, bottom), (1, 1), "{horizontal:?}");
        // No edge of the paragraph shading is left.
        assert!(got.iter().all(|r| r.x0 != 105.0 && r.y0 != 97.0), "{got:?}");
        // Without colours (strokes, shadings) every edge stays.
        let mut plain = m;
        plain.boxes.iter_mut().for_each(|b| b.fill = None);
        let all = rulings(&plain, &mut w);
        assert!(all.iter().any(|r| r.x0 == 105.0), "{all:?}");
    }

    #[test]
    fn a_white_line_is_seen_only_over_a_fill_painted_before_it() {
        let mut m = marks(&[
            // A white rule before the fill, the fill, a white rule across
            // it, a white rule on the bare paper.
            [150.0, 700.0, 150.5, 720.0],
            [100.0, 700.0, 300.0, 720.0],
            [200.0, 700.0, 200.5, 720.0],
            [400.0, 700.0, 400.5, 720.0],
        ]);
        for k in [0, 2, 3] {
            m.boxes[k].white = true;
            m.boxes[k].fill = None;
        }
        let mut w = Vec::new();
        let got = rulings(&m, &mut w);
        let vertical: Vec<f32> = got.iter().filter(|r| r.x0 == r.x1).map(|r| r.x0).collect();
        assert_eq!(vertical, vec![100.0, 200.25, 300.0], "{got:?}");
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
        assert!(w[0].contains("5100 linee di tabella"), "{w:?}");
    }
}

//! From tesseract's lines to the lines of a page as the PDF reader makes
//! them: one line per visual row, each word on its baseline and with its
//! font size.
//!
//! tesseract cuts a page into blocks and reads each block's lines; a row
//! that crosses two blocks (a date in the margin beside the first line of
//! an `OGGETTO`, a number beside a label) comes out as two lines, one after
//! the other, where a text PDF has one. Here the lines of a page are joined
//! again into rows as the PDF reader joins words: by baseline, with a
//! tolerance of 0.45 of the font size ([`SAME_ROW`]). Two lines are kept
//! apart when the gap between them is a gutter between two columns of
//! prose (a strip no nearby line crosses, with lines at least
//! [`PROSE_WIDTH`] of the page wide on both sides, at least
//! [`PROSE_LINES`] and one in [`PROSE_SHARE`] of a side's, as in a
//! two-column bulletin): there tesseract's order, one column after the other, is the
//! reading order. A page without such columns is read top to bottom, by
//! baseline, as the PDF reader reads a single block.
//!
//! A line of marks alone (a list's dash, a spaced dash that a justified
//! line set wide, an underscore's rule) has no baseline to match: it joins
//! the row whose letters stand level with its middle, once the rows of
//! words stand ([`MARK_MIDDLE`]).
//!
//! A word's baseline is the bottom of its line's words that have no
//! descender (`DEL` sits on it, `progetto` hangs below it); its size is
//! the height of its line's capitals, ascenders and digits divided by
//! [`CAP_HEIGHT`], the share of the em they take in the usual text faces.
//! All lengths here are in pixels of the upright image.

/// A word as tesseract read it, its box turned upright (pixels).
#[derive(Debug, Clone)]
pub struct Piece {
    pub text: String,
    /// `[x0, y0, x1, y1]`, y downwards.
    pub b: [f32; 4],
    pub conf: f32,
}

impl Piece {
    /// Takes `next`, read just right of this piece, into it: one word of
    /// their texts run together, the box of both, the lower confidence.
    pub fn absorb(&mut self, next: &Piece) {
        self.text.push_str(&next.text);
        self.b[2] = self.b[2].max(next.b[2]);
        self.b[1] = self.b[1].min(next.b[1]);
        self.b[3] = self.b[3].max(next.b[3]);
        self.conf = self.conf.min(next.conf);
    }
}

/// One of tesseract's lines, with the block it was read in.
#[derive(Debug, Clone)]
pub struct Line {
    pub words: Vec<Piece>,
    pub block: u32,
}

/// A visual row: words left to right, one baseline, one size.
#[derive(Debug, Clone)]
pub struct Row {
    pub words: Vec<Piece>,
    pub base: f32,
    pub size: f32,
}

/// Lines whose baselines differ by less than this share of the font size
/// are one row (the PDF reader's tolerance).
pub const SAME_ROW: f32 = 0.45;
/// Height of capitals and ascenders as a share of the font size.
pub const CAP_HEIGHT: f32 = 0.7;
/// Lines of a column of prose are at least this share of the page wide.
pub const PROSE_WIDTH: f32 = 0.25;
/// A side of a gap is prose when at least this many of its nearby lines
/// are [`PROSE_WIDTH`] wide, and they are at least one in this many of
/// them (a column's paragraph may end beside the other's heading in a
/// signature, a web address, short lines).
pub const PROSE_LINES: usize = 2;
pub const PROSE_SHARE: usize = 3;
/// A gap between two words of a line wider than this many font sizes
/// parts two texts (a space is a quarter of one, a justified one rarely
/// more than one); pieces on one baseline are joined again as a row.
pub const SPLIT_GAP: f32 = 1.0;
/// How far, in font sizes above and below a row, lines are looked at to
/// tell a gutter between columns.
const GUTTER_REACH: f32 = 6.0;
/// A line holding one shape of one or two characters this many times
/// taller than the page's words is a picture (a logo read as a letter).
const PICTURE_HEIGHT: f32 = 2.5;
/// A word this many times taller than the page's words that tesseract
/// reads with a confidence under [`PICTURE_CONF`] is a picture's shapes
/// read as letters (a heading set large reads as surely as the text).
const PICTURE_WORD_HEIGHT: f32 = 2.0;
const PICTURE_CONF: f32 = 30.0;
/// A word standing alone on its line (parted from the others by more
/// than [`SPLIT_GAP`]) this many times taller than the page's words and
/// read with a confidence under [`PICTURE_CONF`] is a picture's shapes
/// too: an emblem's crown or lettering beside a letterhead's line
/// (`AANANAA` for a crown's peaks, 1.6 times as tall as the words), which
/// would otherwise join the line as a word of it.
const PICTURE_APART_HEIGHT: f32 = 1.4;

const DESCENDERS: &str = "gjpqyQ,;()[]{}|@$_§";
const TALL: &str = "bdfhklABCDEFGHIJKLMNOPQRSTUVWXYZÀÈÉÌÒÙ0123456789";

fn has_any(s: &str, set: &str) -> bool {
    s.chars().any(|c| set.contains(c))
}

fn median(mut v: Vec<f32>) -> Option<f32> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    Some(v[v.len() / 2])
}

/// The baseline of a line's words, levelled by the page's `tilt`.
fn baseline(words: &[Piece], tilt: Tilt) -> f32 {
    median(
        words
            .iter()
            .filter(|w| !has_any(&w.text, DESCENDERS))
            .map(|w| tilt.level(w))
            .collect(),
    )
    .unwrap_or_else(|| {
        let top = words.iter().map(|w| w.b[1]).fold(f32::MAX, f32::min);
        let bottom = words.iter().map(|w| w.b[3]).fold(0.0, f32::max);
        let (x0, x1) = span(words);
        bottom - 0.22 * (bottom - top) - tilt.slope * (0.5 * (x0 + x1) - tilt.centre)
    })
}

/// A page's skew as its lines show it: the slope of their words' feet
/// across the page (pixels down for each pixel right), and the column
/// about which baselines are levelled. A page scanned slightly askew
/// (half a degree drops a line's end a third of a line below its start
/// on an A4 page) keeps tesseract's lines whole, since it follows the
/// skew, but their boxes stand level: a margin's number and the subject's
/// line beside it, read as two blocks, then seem to stand on baselines a
/// line apart. Baselines are compared levelled, at the page's centre.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tilt {
    pub slope: f32,
    pub centre: f32,
}

/// A line gives the skew when it holds at least this many words without
/// descenders across [`PROSE_WIDTH`] of the page; the page's skew is the
/// median of its lines' when at least [`TILT_LINES`] give one.
const TILT_WORDS: usize = 3;
const TILT_LINES: usize = 3;

impl Tilt {
    /// The foot of word `w` levelled.
    fn level(self, w: &Piece) -> f32 {
        w.b[3] - self.slope * (0.5 * (w.b[0] + w.b[2]) - self.centre)
    }

    /// The skew of the page of `lines`, `width` pixels wide: the median of
    /// the least-squares slopes of the feet of its wide lines' words.
    pub fn of(lines: &[Line], width: f32) -> Tilt {
        let slopes: Vec<f32> = lines
            .iter()
            .filter_map(|l| {
                let feet: Vec<(f32, f32)> = l
                    .words
                    .iter()
                    .filter(|w| !has_any(&w.text, DESCENDERS))
                    .map(|w| (0.5 * (w.b[0] + w.b[2]), w.b[3]))
                    .collect();
                let (x0, x1) = span(&l.words);
                if feet.len() < TILT_WORDS || x1 - x0 < PROSE_WIDTH * width {
                    return None;
                }
                let n = feet.len() as f32;
                let mx = feet.iter().map(|f| f.0).sum::<f32>() / n;
                let my = feet.iter().map(|f| f.1).sum::<f32>() / n;
                let sxy: f32 = feet.iter().map(|f| (f.0 - mx) * (f.1 - my)).sum();
                let sxx: f32 = feet.iter().map(|f| (f.0 - mx) * (f.0 - mx)).sum();
                (sxx > 0.0).then(|| sxy / sxx)
            })
            .collect();
        let slope = if slopes.len() >= TILT_LINES {
            median(slopes).unwrap_or(0.0)
        } else {
            0.0
        };
        Tilt {
            slope,
            centre: 0.5 * width,
        }
    }
}

/// The font size of a line's words.
fn size(words: &[Piece]) -> f32 {
    median(
        words
            .iter()
            .filter(|w| has_any(&w.text, TALL) && !has_any(&w.text, DESCENDERS))
            .map(|w| (w.b[3] - w.b[1]) / CAP_HEIGHT)
            .collect(),
    )
    .unwrap_or_else(|| {
        let top = words.iter().map(|w| w.b[1]).fold(f32::MAX, f32::min);
        let bottom = words.iter().map(|w| w.b[3]).fold(0.0, f32::max);
        // Ascender to descender take about an em.
        (bottom - top).max(1.0)
    })
}

fn span(words: &[Piece]) -> (f32, f32) {
    (
        words.iter().map(|w| w.b[0]).fold(f32::MAX, f32::min),
        words.iter().map(|w| w.b[2]).fold(0.0, f32::max),
    )
}

/// The rows of a page `width` pixels wide, in reading order.
pub fn rows(lines: Vec<Line>, width: f32) -> Vec<Row> {
    let mut lines = split_at_gaps(lines);
    drop_pictures(&mut lines);
    let facts = line_facts(&lines, Tilt::of(&lines, width));
    let runs = gutters(&facts, width);
    // Each row: its lines (indices into `lines`).
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut columns = false;
    // Lines of marks alone find their rows once the rows of words stand.
    let (marks, words): (Vec<usize>, Vec<usize>) =
        (0..lines.len()).partition(|&i| marks_only(&lines[i]));
    for i in words.into_iter().chain(marks) {
        let (base, sz, x0, x1) = facts[i];
        let mark = marks_only(&lines[i]);
        let mut best: Option<(usize, f32)> = None;
        for (g, members) in groups.iter().enumerate() {
            let (gb, gs) = row_facts(members, &facts);
            let (d, tol) = if mark {
                // The mark's middle, against the middle of the row's
                // letters: a dash stands at the height of a lower-case
                // letter's middle, a bullet a little higher, an
                // underscore on the baseline.
                let (top, bottom) = marks_box(&lines[i]);
                let middle = 0.5 * (top + bottom);
                ((gb - MARK_MIDDLE * gs - middle).abs(), MARK_REACH * gs)
            } else {
                (
                    (gb - base).abs(),
                    SAME_ROW * gs.max(sz).min(2.0 * gs.min(sz)),
                )
            };
            let overlaps = members.iter().any(|&m| {
                let (_, _, a0, a1) = facts[m];
                x0 < a1 - 0.1 * sz && a0 < x1 - 0.1 * sz
            });
            if d <= tol && !overlaps && best.is_none_or(|(_, bd)| d < bd) {
                best = Some((g, d));
            }
        }
        match best {
            Some((g, _))
                if !gutter(&groups[g], i, &facts, width)
                    && !across(&groups[g], i, &facts, &runs) =>
            {
                groups[g].push(i)
            }
            Some(_) => {
                columns = true;
                groups.push(vec![i]);
            }
            None => groups.push(vec![i]),
        }
    }
    let mut out: Vec<Row> = groups
        .into_iter()
        .map(|members| {
            let (base, size) = row_facts(&members, &facts);
            let mut words: Vec<Piece> = members
                .iter()
                .flat_map(|&m| lines[m].words.iter().cloned())
                .collect();
            words.sort_by(|a, b| a.b[0].total_cmp(&b.b[0]));
            Row { words, base, size }
        })
        .collect();
    if !columns {
        out.sort_by(|a, b| a.base.total_cmp(&b.base));
    }
    out
}

/// Where the middle of a mark standing among a row's words is, above the
/// row's baseline, in font sizes: a dash's middle is at about half the
/// height of a lower-case `x`, 0.25 of the size.
pub const MARK_MIDDLE: f32 = 0.25;
/// How far from [`MARK_MIDDLE`], in font sizes, a mark alone on its line
/// may stand to be one of the row: from the capitals' top (0.7 above the
/// baseline) to a little below the baseline (an underscore's rule), with
/// room for a scan's blur.
pub const MARK_REACH: f32 = 0.55;

/// Whether a line holds marks alone: dashes, bullets, asterisks, rules of
/// underscores, no letter or digit. Its box tells nothing of a baseline
/// or a size (a dash's box is a few pixels tall, at mid-height), so it
/// cannot be matched to a row as words are: tesseract reads a list's
/// leading dash, or a spaced dash a justified line has set wide, as a
/// line of its own, which then stood as a row above its words.
fn marks_only(line: &Line) -> bool {
    !line.words.is_empty()
        && line
            .words
            .iter()
            .all(|w| !w.text.is_empty() && !w.text.chars().any(char::is_alphanumeric))
}

/// The top and the bottom of a line's boxes.
fn marks_box(line: &Line) -> (f32, f32) {
    line.words.iter().fold((f32::MAX, f32::MIN), |(t, b), w| {
        (t.min(w.b[1]), b.max(w.b[3]))
    })
}

/// Each line's baseline, font size and left and right ends.
fn line_facts(lines: &[Line], tilt: Tilt) -> Vec<(f32, f32, f32, f32)> {
    lines
        .iter()
        .map(|l| {
            let (x0, x1) = span(&l.words);
            (baseline(&l.words, tilt), size(&l.words), x0, x1)
        })
        .collect()
}

/// Baseline and size of a row: those of its widest line.
fn row_facts(members: &[usize], facts: &[(f32, f32, f32, f32)]) -> (f32, f32) {
    let m = members
        .iter()
        .copied()
        .max_by(|&a, &b| (facts[a].3 - facts[a].2).total_cmp(&(facts[b].3 - facts[b].2)))
        .unwrap_or(members[0]);
    (facts[m].0, facts[m].1)
}

/// Whether the gap between the row `members` and line `i` is a gutter
/// between two columns of prose: above the row or below it (a heading
/// may run across the columns' top, a signature across their foot), no
/// line crosses the gap, and the lines on either side of it are prose.
fn gutter(members: &[usize], i: usize, facts: &[(f32, f32, f32, f32)], width: f32) -> bool {
    let (base, sz, x0, x1) = facts[i];
    let (r0, r1) = members.iter().fold((f32::MAX, 0f32), |(a, b), &m| {
        (a.min(facts[m].2), b.max(facts[m].3))
    });
    let reach = GUTTER_REACH * sz;
    // Just left of where the right-hand text starts: a line of the left
    // column may end anywhere before it. The right-hand text starts at the
    // leftmost nearby line that starts in the gap and runs on into it (the
    // row's own may be a paragraph's indented first line; a page number
    // centred over the gutter does not run on).
    let (gap0, start) = if x0 >= r1 { (r1, x0) } else { (x1, r0) };
    let start = facts
        .iter()
        .filter(|f| {
            (f.0 - base).abs() <= reach && f.2 > gap0 && f.2 < start && f.3 > start + 2.0 * sz
        })
        .fold(start, |s, f| s.min(f.2));
    let mid = start - 0.5 * sz;
    let prose = |v: Vec<f32>| {
        let wide = v.iter().filter(|&&w| w >= PROSE_WIDTH * width).count();
        wide >= PROSE_LINES && wide * PROSE_SHARE >= v.len()
    };
    [-1.0f32, 1.0].iter().any(|&side| {
        let (mut left, mut right) = (Vec::new(), Vec::new());
        for (j, &(b, _, a0, a1)) in facts.iter().enumerate() {
            let d = (b - base) * side;
            if j == i || members.contains(&j) || d <= 0.0 || d > reach {
                continue;
            }
            if a0 < mid && mid < a1 {
                return false;
            }
            if a1 <= mid {
                left.push(a1 - a0);
            } else {
                right.push(a1 - a0);
            }
        }
        prose(left) && prose(right)
    })
}

/// A gutter of the page: a vertical line at `x` that no line crosses
/// between the baselines `top` and `bottom`, with at least
/// [`MIN_SIDE_LINES`] lines of prose on each side.
#[derive(Debug, Clone, Copy)]
struct Gutter {
    x: f32,
    top: f32,
    bottom: f32,
}

/// Lines of prose ([`PROSE_WIDTH`]) each side of a page's gutter must
/// have, at the least: a page in columns has many, a margin note beside a
/// subject or a table's cell few.
pub const MIN_SIDE_LINES: usize = 4;

/// The gutters of a page: tried just right of the end of each line of
/// prose (half a font size on), each run of lines, by baseline, that do
/// not cross it. The whole page is looked at, so a heading beside the
/// short end of the other column's paragraph still stands in its column,
/// which the nearby lines alone ([`gutter`]) may not tell.
fn gutters(facts: &[(f32, f32, f32, f32)], width: f32) -> Vec<Gutter> {
    let prose = |f: &(f32, f32, f32, f32)| f.3 - f.2 >= PROSE_WIDTH * width;
    let mut order: Vec<usize> = (0..facts.len()).collect();
    order.sort_by(|&a, &b| facts[a].0.total_cmp(&facts[b].0));
    let mut xs: Vec<f32> = facts
        .iter()
        .filter(|f| prose(f))
        .map(|f| f.3 + 0.5 * f.1)
        .filter(|&x| x < width)
        .collect();
    xs.sort_by(f32::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() < 4.0);
    let mut out = Vec::new();
    for x in xs {
        let (mut left, mut right, mut top) = (0, 0, None::<f32>);
        let mut bottom = 0.0;
        let mut close = |left: usize, right: usize, top: Option<f32>, bottom: f32| {
            if let Some(top) = top {
                if left >= MIN_SIDE_LINES && right >= MIN_SIDE_LINES {
                    out.push(Gutter { x, top, bottom });
                }
            }
        };
        for &i in &order {
            let f = &facts[i];
            if f.2 < x && x < f.3 {
                close(left, right, top, bottom);
                (left, right, top) = (0, 0, None);
                continue;
            }
            top.get_or_insert(f.0);
            bottom = f.0;
            if prose(f) {
                if f.3 <= x {
                    left += 1;
                } else {
                    right += 1;
                }
            }
        }
        close(left, right, top, bottom);
    }
    out
}

/// Whether a gutter of the page stands between the row `members` and
/// line `i`, level with both.
fn across(members: &[usize], i: usize, facts: &[(f32, f32, f32, f32)], runs: &[Gutter]) -> bool {
    let (base, sz, x0, x1) = facts[i];
    let (r0, r1) = members.iter().fold((f32::MAX, 0f32), |(a, b), &m| {
        (a.min(facts[m].2), b.max(facts[m].3))
    });
    runs.iter().any(|g| {
        let between = (r1 <= g.x && g.x <= x0) || (x1 <= g.x && g.x <= r0);
        let level = |b: f32| g.top - sz <= b && b <= g.bottom + sz;
        between && level(base) && members.iter().all(|&m| level(facts[m].0))
    })
}

/// tesseract's lines cut where a gap wider than [`SPLIT_GAP`] font size
/// parts their words (it may read a margin and the text beside it as one
/// line though they stand on two baselines), or where a bar stands
/// between words on two baselines ([`across_bar`]): each piece finds its
/// row.
fn split_at_gaps(lines: Vec<Line>) -> Vec<Line> {
    let mut out = Vec::new();
    for l in lines {
        if l.words.is_empty() {
            continue;
        }
        let sz = size(&l.words);
        let gap = SPLIT_GAP * sz;
        let mut cur: Vec<Piece> = Vec::new();
        for (i, w) in l.words.iter().enumerate() {
            let cut = cur.last().is_some_and(|p| w.b[0] - p.b[2] > gap)
                || (i > 0 && across_bar(&l.words, i - 1, sz));
            if cut {
                out.push(Line {
                    words: std::mem::take(&mut cur),
                    block: l.block,
                });
            }
            cur.push(w.clone());
        }
        out.push(Line {
            words: cur,
            block: l.block,
        });
    }
    out
}

/// A piece that is a bar: a ruling between two cells of a boxed header,
/// read as `|`.
fn is_bar(p: &Piece) -> bool {
    !p.text.is_empty() && p.text.chars().all(|c| c == '|')
}

/// Whether the bar `words[i]` stands between two texts on baselines more
/// than [`SAME_ROW`] of the font size `sz` apart: the ruling between two
/// cells of a boxed header (a register's number in the left cell, the
/// subject's lines in the right) whose lines tesseract read as one, as
/// the bar bridges the gap [`SPLIT_GAP`] would cut at. Each side's
/// baseline is the foot of its words nearest the bar without descenders
/// (near, so that a skewed page does not part them).
fn across_bar(words: &[Piece], i: usize, sz: f32) -> bool {
    const NEAR: usize = 3;
    if !is_bar(&words[i]) {
        return false;
    }
    let foot = |ws: &mut dyn Iterator<Item = &Piece>| {
        median(
            ws.filter(|w| !is_bar(w))
                .take(NEAR)
                .filter(|w| !has_any(&w.text, DESCENDERS))
                .map(|w| w.b[3])
                .collect(),
        )
    };
    let left = foot(&mut words[..i].iter().rev());
    let right = foot(&mut words[i + 1..].iter());
    matches!((left, right), (Some(a), Some(b)) if (a - b).abs() > SAME_ROW * sz)
}

/// Leaves out lines that are one tall shape read as a letter or two.
fn drop_pictures(lines: &mut Vec<Line>) {
    let Some(h) = median(
        lines
            .iter()
            .flat_map(|l| l.words.iter().map(|w| w.b[3] - w.b[1]))
            .collect(),
    ) else {
        return;
    };
    lines.retain(|l| {
        !(l.words.len() == 1
            && l.words[0].text.chars().count() <= 2
            && l.words[0].b[3] - l.words[0].b[1] > PICTURE_HEIGHT * h)
    });
    // A logo's lettering drawn as a picture: tall, and read with no
    // confidence (`E]RENZE` beside a letterhead's `COMUNE`).
    for l in lines.iter_mut() {
        l.words
            .retain(|w| !(w.conf < PICTURE_CONF && w.b[3] - w.b[1] > PICTURE_WORD_HEIGHT * h));
    }
    lines.retain(|l| {
        !l.words.is_empty()
            && !(l.words.len() == 1
                && l.words[0].conf < PICTURE_CONF
                && l.words[0].b[3] - l.words[0].b[1] > PICTURE_APART_HEIGHT * h)
    });
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;

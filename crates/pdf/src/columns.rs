//! Reading order of pages set in columns.
//!
//! Gathering words by baseline across the whole page reads a two-column
//! bulletin line by line across both columns, mixing their sentences. Here
//! the upright words of a page are cut into blocks read one after the
//! other, as the recursive "XY cut" does: a page is first seen as a stack
//! of rows (words sharing a baseline); a gutter is a line of x that no row
//! of a tall run of consecutive rows crosses, inside a band an em wide that
//! most of those rows leave free (a bullet or an outdented first line may
//! reach into a gutter; a full-width line whose plain space happens to fall
//! on it reaches in from both sides, and blocks it). The run becomes a region read left column then right
//! column, the rows above and below it (a title, a full-width table) are
//! regions of their own, and each part is cut again, so that three columns,
//! or columns under a full-width heading, come out in order.
//!
//! A table's cells are separated by gutters too, and a table must keep its
//! rows together. So the gutters of a run only count when every column
//! reads as running text: several words per row, rows that fill the
//! column's width (justified or ragged prose) without gaps as wide as a
//! cell's, few bare numbers, rows at a steady leading with few holes
//! (cells leave holes; two table columns taken for one interleave their
//! rows), enough rows, and columns of comparable widths. When in doubt the
//! page keeps its row-by-row order.

use super::wordbox::{WordBox, SAME_LINE};

/// A run of rows must be at least this tall to hold columns.
const MIN_RUN_ROWS: usize = 8;
/// Rows of text on each side of a gutter, at the least.
const MIN_SIDE_ROWS: usize = 4;
/// Mean words per row on each side: prose, not table cells.
const MIN_WORDS_PER_ROW: f32 = 3.5;
/// Median width of a side's rows, as a fraction of the side's width:
/// justified or ragged text fills its column, table cells rarely do.
const MIN_FILL: f32 = 0.8;
/// A side where more than this fraction of the words are bare numbers is a
/// table's column.
const MAX_NUMERIC: f32 = 0.3;
/// A gap between two words of a row wider than this many ems separates
/// table cells; a column of text has few rows with such gaps (an embedded
/// list of figures, a signature).
const CELL_GAP_EMS: f32 = 1.5;
const MAX_CELLED: f32 = 0.12;
/// The rows of a column of text follow each other at a steady leading,
/// between these many ems: rows closer than that are two table columns
/// interleaved (cells centred at different heights), rows further apart
/// are cells, not lines of a paragraph.
const MIN_LEADING_EMS: f32 = 0.9;
const MAX_LEADING_EMS: f32 = 2.0;
/// At most this fraction of a column's row gaps are wider than twice its
/// leading (a paragraph or heading break; a table's cells leave many).
const MAX_HOLES: f32 = 0.15;
/// The narrowest column is at least this fraction of the widest: a page's
/// columns share one measure, a table's columns seldom do.
const MIN_BALANCE: f32 = 0.5;
/// A gutter is at least this many ems wide (a wide inter-word space in
/// justified text is half an em or so, and does not line up over rows).
const MIN_GUTTER_EMS: f32 = 1.0;
/// No row of a run crosses the middle of its gutter, this many ems wide.
const NARROW_GUTTER_EMS: f32 = 0.4;
/// At most this fraction of a run's rows reach into the em-wide band.
const MAX_INTRUDING: f32 = 0.2;
/// Each side is at least this many ems wide.
const MIN_SIDE_EMS: f32 = 12.0;
/// How deep the cuts nest; a real page needs three or four levels.
const MAX_DEPTH: u32 = 8;
/// Pages with more words or rows than this keep their row order (the cost
/// of the search grows with rows times width).
const MAX_WORDS: usize = 40_000;
const MAX_ROWS: usize = 2_000;
/// Horizontal positions tried per region, at most.
const MAX_SAMPLES: usize = 1_200;

/// Words sharing a baseline, as indices into the page's words.
struct Row {
    items: Vec<usize>,
}

/// Groups words (indices) into rows by baseline, top to bottom, with the
/// same tolerance as [`super::layout::lines`].
fn rows(words: &[WordBox], idx: &[usize]) -> Vec<Row> {
    let mut order: Vec<usize> = idx.to_vec();
    order.sort_by(|&a, &b| {
        words[a]
            .v
            .total_cmp(&words[b].v)
            .then(words[a].u0.total_cmp(&words[b].u0))
    });
    let mut out: Vec<Row> = Vec::new();
    let (mut v, mut size) = (f32::NEG_INFINITY, 0.0f32);
    for i in order {
        let w = &words[i];
        if let Some(row) = out.last_mut() {
            let tol = SAME_LINE * size.max(w.size).min(2.0 * size.min(w.size));
            if w.v - v <= tol {
                size = size.max(w.size);
                row.items.push(i);
                continue;
            }
        }
        v = w.v;
        size = w.size;
        out.push(Row { items: vec![i] });
    }
    out
}

/// Splits upright words into blocks in reading order. Each block is read
/// by baseline on its own; a page without columns is one block.
pub(super) fn blocks(words: Vec<WordBox>) -> Vec<Vec<WordBox>> {
    if words.len() > MAX_WORDS || words.iter().any(|w| w.rot != 0) {
        return vec![words];
    }
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let all: Vec<usize> = (0..words.len()).collect();
    split(&words, all, 0, &mut parts);
    if parts.len() <= 1 {
        return vec![words];
    }
    let mut slots: Vec<Option<WordBox>> = words.into_iter().map(Some).collect();
    parts
        .into_iter()
        .map(|p| p.into_iter().filter_map(|i| slots[i].take()).collect())
        .filter(|b: &Vec<WordBox>| !b.is_empty())
        .collect()
}

fn split(words: &[WordBox], idx: Vec<usize>, depth: u32, out: &mut Vec<Vec<usize>>) {
    if depth >= MAX_DEPTH || idx.len() < 2 * MIN_SIDE_ROWS {
        out.push(idx);
        return;
    }
    let rows = rows(words, &idx);
    let Some(cut) = find_cut(words, &rows) else {
        out.push(idx);
        return;
    };
    let gather = |rs: &[Row]| -> Vec<usize> { rs.iter().flat_map(|r| r.items.clone()).collect() };
    let mut parts = vec![gather(&rows[..cut.start])];
    parts.extend(columns_of(words, &rows[cut.start..cut.end], &cut.gutters));
    parts.push(gather(&rows[cut.end..]));
    for part in parts {
        if !part.is_empty() {
            split(words, part, depth + 1, out);
        }
    }
}

/// The words of rows cut at the gutters' centres, left to right.
fn columns_of(words: &[WordBox], rows: &[Row], gutters: &[f32]) -> Vec<Vec<usize>> {
    let mut cols = vec![Vec::new(); gutters.len() + 1];
    for row in rows {
        for &i in &row.items {
            let w = &words[i];
            let mid = w.u0 + 0.5 * w.width.max(w.u1 - w.u0);
            let c = gutters.iter().take_while(|&&g| g < mid).count();
            cols[c].push(i);
        }
    }
    cols
}

/// A region holding columns: rows `start..end` of the rows given, cut at
/// the centres of `gutters` (left to right).
#[derive(Debug, Clone)]
struct Cut {
    start: usize,
    end: usize,
    gutters: Vec<f32>,
}

/// Marks the samples whose x lies strictly between `a` and `b`.
fn mark(cells: &mut [bool], a: f32, b: f32, from: f32, step: f32) {
    let n = cells.len();
    let first = ((a - from) / step).floor() + 1.0;
    let last = ((b - from) / step).ceil() - 1.0;
    if n == 0 || last < 0.0 || first > (n - 1) as f32 || first > last {
        return;
    }
    let first = first.max(0.0) as usize;
    let last = (last as usize).min(n - 1);
    for cell in &mut cells[first..=last] {
        *cell = true;
    }
}

/// For each row and sample: whether a word lies within `half` of the
/// sample (`near`), and whether words end within `reach` of it on both
/// sides at once (`both`), as the words of a full-width line do around a
/// plain space that happens to fall on a gutter.
fn blocked_samples(
    words: &[WordBox],
    rows: &[Row],
    half: f32,
    reach: f32,
    from: f32,
    step: f32,
    n: usize,
) -> (Vec<Vec<bool>>, Vec<Vec<bool>>) {
    let mut near = vec![vec![false; n]; rows.len()];
    let mut both = vec![vec![false; n]; rows.len()];
    let mut left = vec![false; n];
    let mut right = vec![false; n];
    for (r, row) in rows.iter().enumerate() {
        left.iter_mut().for_each(|c| *c = false);
        right.iter_mut().for_each(|c| *c = false);
        for &i in &row.items {
            let w = &words[i];
            mark(&mut near[r], w.u0 - half, w.u1 + half, from, step);
            mark(&mut left, w.u1 - step, w.u1 + reach, from, step);
            mark(&mut right, w.u0 - reach, w.u0 + step, from, step);
        }
        for s in 0..n {
            both[r][s] = left[s] && right[s];
        }
    }
    (near, both)
}

/// Looks for the tallest run of rows split by gutters with running text
/// in every column.
fn find_cut(words: &[WordBox], rows: &[Row]) -> Option<Cut> {
    if rows.len() < MIN_RUN_ROWS || rows.len() > MAX_ROWS {
        return None;
    }
    let em = median(
        rows.iter()
            .flat_map(|r| r.items.iter().map(|&i| words[i].size)),
    )?;
    if !(em > 0.0) {
        return None;
    }
    let lo = rows
        .iter()
        .flat_map(|r| r.items.iter().map(|&i| words[i].u0))
        .fold(f32::INFINITY, f32::min);
    let hi = rows
        .iter()
        .flat_map(|r| r.items.iter().map(|&i| words[i].u1))
        .fold(f32::NEG_INFINITY, f32::max);
    if !(hi - lo > 2.0 * MIN_SIDE_EMS * em) {
        return None;
    }
    // Gutter centres are tried at even steps, leaving room for a column on
    // either side. A gutter is a narrow line of x that no row of the run
    // crosses, inside a band an em wide that most rows leave free: a bullet
    // or an outdented first line may reach into a gutter, text does not
    // cross it.
    let from = lo + MIN_SIDE_EMS * em;
    let to = hi - MIN_SIDE_EMS * em;
    let step = ((to - from) / MAX_SAMPLES as f32).max(0.5);
    let n = (((to - from) / step) as usize + 1).min(MAX_SAMPLES + 1);
    let sample = |s: usize| from + s as f32 * step;
    let wide_half = 0.5 * MIN_GUTTER_EMS * em;
    let (wide, two_sided) = blocked_samples(words, rows, wide_half, wide_half, from, step, n);
    let (close, _) = blocked_samples(
        words,
        rows,
        0.5 * NARROW_GUTTER_EMS * em,
        0.0,
        from,
        step,
        n,
    );
    // A row blocks a sample when a word comes close to it, or when words
    // reach into the band from both sides; a bullet reaching in from one
    // side does not.
    let narrow: Vec<Vec<bool>> = close
        .iter()
        .zip(&two_sided)
        .map(|(c, t)| c.iter().zip(t).map(|(&a, &b)| a || b).collect())
        .collect();
    // The tall runs of rows that leave a sample's narrow line free.
    let mut seen_runs: std::collections::HashSet<(usize, usize)> = Default::default();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for s in 0..n {
        let mut r = 0;
        while r < rows.len() {
            if narrow[r][s] {
                r += 1;
                continue;
            }
            let start = r;
            while r < rows.len() && !narrow[r][s] {
                r += 1;
            }
            if r - start >= MIN_RUN_ROWS && seen_runs.insert((start, r)) {
                runs.push((start, r));
            }
        }
    }
    // Counts of blocking rows above each row, per sample, so that a run's
    // count at a sample is one subtraction.
    let prefix = |m: &Vec<Vec<bool>>| -> Vec<Vec<u32>> {
        (0..n)
            .map(|s| {
                let mut acc = Vec::with_capacity(rows.len() + 1);
                let mut c = 0u32;
                acc.push(0);
                for row in m {
                    c += u32::from(row[s]);
                    acc.push(c);
                }
                acc
            })
            .collect()
    };
    let narrow_above = prefix(&narrow);
    let wide_above = prefix(&wide);
    // Tallest first.
    runs.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.cmp(b)));
    for (start, end) in runs.into_iter().take(24) {
        // Every gutter of the run: the stretches of samples free of its rows,
        // and wide enough in most of them, cut at their middles.
        let free = |s: usize| {
            let crossed = wide_above[s][end] - wide_above[s][start];
            narrow_above[s][end] == narrow_above[s][start]
                && crossed as f32 <= MAX_INTRUDING * (end - start) as f32
        };
        let mut gutters = Vec::new();
        let mut s = 0;
        while s < n {
            if !free(s) {
                s += 1;
                continue;
            }
            let first = s;
            while s < n && free(s) {
                s += 1;
            }
            gutters.push(0.5 * (sample(first) + sample(s - 1)));
        }
        if gutters.is_empty() {
            continue;
        }
        let cols = columns_of(words, &rows[start..end], &gutters);
        if is_text_columns(words, &cols, em) {
            return Some(Cut {
                start,
                end,
                gutters,
            });
        }
    }
    None
}

/// Whether every column reads as running text, and the columns are of
/// comparable widths, as a page's columns are (a table's are not).
fn is_text_columns(words: &[WordBox], cols: &[Vec<usize>], em: f32) -> bool {
    let mut widths = Vec::with_capacity(cols.len());
    for col in cols {
        match prose_width(words, col, em) {
            Some(w) => widths.push(w),
            None => return false,
        }
    }
    let narrow = widths.iter().copied().fold(f32::INFINITY, f32::min);
    let wide = widths.iter().copied().fold(0.0f32, f32::max);
    narrow >= MIN_BALANCE * wide
}

/// The width of a column of words when they look like running text rather
/// than a column of table cells (or several columns of them).
fn prose_width(words: &[WordBox], side: &[usize], em: f32) -> Option<f32> {
    let rows = rows(words, side);
    if rows.len() < MIN_SIDE_ROWS {
        return None;
    }
    let numeric = side
        .iter()
        .filter(|&&i| {
            let t = &words[i].text;
            t.chars().any(|c| c.is_ascii_digit()) && !t.chars().any(char::is_alphabetic)
        })
        .count();
    if numeric as f32 > MAX_NUMERIC * side.len() as f32 {
        return None;
    }
    if (side.len() as f32) < MIN_WORDS_PER_ROW * rows.len() as f32 {
        return None;
    }
    let lo = side
        .iter()
        .map(|&i| words[i].u0)
        .fold(f32::INFINITY, f32::min);
    let hi = side
        .iter()
        .map(|&i| words[i].u1)
        .fold(f32::NEG_INFINITY, f32::max);
    let width = hi - lo;
    if !(width >= MIN_SIDE_EMS * em) {
        return None;
    }
    // Rows of cells: a gap between words much wider than a justified space.
    let mut celled = 0usize;
    let mut fills = Vec::with_capacity(rows.len());
    for r in &rows {
        let mut ws: Vec<&WordBox> = r.items.iter().map(|&i| &words[i]).collect();
        ws.sort_by(|a, b| a.u0.total_cmp(&b.u0));
        if ws
            .windows(2)
            .any(|p| p[1].u0 - p[0].u1 > CELL_GAP_EMS * p[0].size.max(p[1].size))
        {
            celled += 1;
        }
        let a = ws.first().map_or(lo, |w| w.u0);
        let b = ws.iter().map(|w| w.u1).fold(a, f32::max);
        fills.push((b - a) / width);
    }
    if celled as f32 > MAX_CELLED * rows.len() as f32 {
        return None;
    }
    let fill = median(fills.into_iter())?;
    let tops: Vec<f32> = rows
        .iter()
        .map(|r| {
            r.items
                .iter()
                .map(|&i| words[i].v)
                .fold(f32::INFINITY, f32::min)
        })
        .collect();
    let gaps: Vec<f32> = tops.windows(2).map(|p| p[1] - p[0]).collect();
    let leading = median(gaps.iter().copied())?;
    let holes = gaps.iter().filter(|&&g| g > 2.0 * leading).count();
    let steady = leading >= MIN_LEADING_EMS * em
        && leading <= MAX_LEADING_EMS * em
        && holes as f32 <= MAX_HOLES * gaps.len() as f32;
    (fill >= MIN_FILL && steady).then_some(width)
}

fn median(values: impl Iterator<Item = f32>) -> Option<f32> {
    let mut v: Vec<f32> = values.filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    Some(v[v.len() / 2])
}

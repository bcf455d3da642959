//! One expected table against the tables atti read on the same page.
//!
//! An expected table is a line of `tests/fixtures/tables/expected.jsonl`: a
//! grid of strings that another project's tests hold as the right reading of
//! a table, with how it was made (see `tests/fixtures/tables/SOURCES.md`).
//! atti's tables are what `atti extract FILE --tables --json` prints. Both
//! are brought to one form, then compared cell by cell:
//!
//! 1. `join_rows` (expected only): upstream rows that are the wrapped lines
//!    of one row are joined, column by column.
//! 2. `area` (atti only): a cell whose box has its centre outside the area
//!    is emptied, as the upstream test read only that part of the page.
//! 3. Rows and columns without text are dropped, on each side apart: an
//!    empty column says nothing of where the cells are.
//! 4. `header_rows`: a header set over several lines is read as one row,
//!    each column's lines top to bottom; a header cell over several columns
//!    (a merged cell on atti's side, a `group_headers` position on the
//!    expected side) is matched apart, by its text and its columns. Upstream
//!    tools write such a header line by line, and put a group header in the
//!    column where its text begins; atti keeps a cell's lines together.
//! 5. Text: see [`norm`].
//! 6. Merged cells: positions joined by a merged cell on either side are
//!    one block, right when both sides hold the same texts in it, in the
//!    same order (so a merge over two texts is wrong: the merged text is one
//!    string). Where a merged cell's text sits inside its span is a
//!    convention of the writer, not a reading.
//!
//! A table is all right when both grids have the same shape and every block
//! is right. When the shapes differ, columns and then rows are aligned (by
//! the texts they share) and the equal positions counted, over the larger
//! of the two shapes.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

#[path = "input.rs"]
mod input;
pub use input::{parse_expected, parse_extract, Expected, GotTable, Span};

/// The result of an expected table against its best atti table.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    pub expected_shape: (usize, usize),
    /// Shape of the best atti table after the same cleaning; None: no table.
    pub got_shape: Option<(usize, usize)>,
    pub got_mode: Option<String>,
    pub right: usize,
    pub total: usize,
    pub all_match: bool,
    pub first_difference: Option<String>,
    /// Cells with text of the chosen atti table left out by the area.
    pub cut: usize,
}

impl Outcome {
    pub fn accuracy(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
}

/// Cell text as it is compared. Compatibility forms are folded (NFKC: a
/// ligature is its letters, a superscript digit a digit); a hyphen that ends
/// a line inside a word is dropped (the readers differ: keep it, drop it,
/// keep the line break); whitespace is removed (where a reader puts spaces
/// inside a cell is word segmentation, not table structure); dot leaders
/// (runs of two or more dots) are removed, as they are fill that leads the
/// eye to a number. The same function is applied to both sides.
pub fn norm(s: &str) -> String {
    let chars: Vec<char> = s.nfkc().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '-' | '\u{2010}' | '\u{00AD}') && i > 0 && chars[i - 1].is_alphabetic() {
            let mut j = i + 1;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            if j < chars.len() && chars[j].is_lowercase() {
                i = j;
                continue;
            }
        }
        if !c.is_whitespace() {
            out.push(c);
        }
        i += 1;
    }
    // Dot leaders.
    let mut clean = String::with_capacity(out.len());
    let mut dots = 0usize;
    for c in out.chars() {
        if c == '.' || c == '\u{2026}' {
            dots += if c == '.' { 1 } else { 2 };
            continue;
        }
        if dots == 1 {
            clean.push('.');
        }
        dots = 0;
        clean.push(c);
    }
    if dots == 1 {
        clean.push('.');
    }
    clean
}

/// A grid of raw text with its merged cells, and which top-left positions
/// are group headers (cells over several columns in the header).
#[derive(Clone, Debug)]
struct Sheet {
    text: Vec<Vec<String>>,
    spans: Vec<Span>,
    group: Vec<Vec<bool>>,
}

impl Sheet {
    fn new(text: Vec<Vec<String>>, spans: Vec<Span>) -> Sheet {
        let group = text.iter().map(|r| vec![false; r.len()]).collect();
        Sheet { text, spans, group }
    }

    fn rows(&self) -> usize {
        self.text.len()
    }

    fn cols(&self) -> usize {
        self.text.first().map_or(0, Vec::len)
    }

    /// Joins the rows of each inclusive range into one, column by column.
    fn join_rows(&self, ranges: &[(usize, usize)]) -> Sheet {
        let mut target: Vec<usize> = (0..self.rows()).collect();
        for &(a, b) in ranges {
            for t in target.iter_mut().take(b + 1).skip(a) {
                *t = a;
            }
        }
        let mut keep: Vec<usize> = target.clone();
        keep.dedup();
        let new_index = |r: usize| keep.iter().position(|&k| k == target[r]).unwrap_or(0);
        let mut text = vec![vec![String::new(); self.cols()]; keep.len()];
        let mut group = vec![vec![false; self.cols()]; keep.len()];
        for (r, line) in self.text.iter().enumerate() {
            let n = new_index(r);
            for (c, s) in line.iter().enumerate() {
                if !s.trim().is_empty() {
                    if !text[n][c].is_empty() {
                        text[n][c].push('\n');
                    }
                    text[n][c].push_str(s);
                }
                group[n][c] |= self.group[r][c];
            }
        }
        let spans = self
            .spans
            .iter()
            .map(|s| {
                let (a, b) = (new_index(s.row), new_index(s.row + s.rows - 1));
                Span {
                    row: a,
                    col: s.col,
                    rows: b - a + 1,
                    cols: s.cols,
                }
            })
            .collect();
        Sheet { text, spans, group }
    }

    /// Drops the rows and columns whose every cell is empty once normalised.
    fn drop_empty(&self) -> Sheet {
        let full: Vec<Vec<bool>> = self
            .text
            .iter()
            .map(|r| r.iter().map(|s| !norm(s).is_empty()).collect())
            .collect();
        let rows: Vec<usize> = (0..self.rows())
            .filter(|&r| full[r].iter().any(|&x| x))
            .collect();
        let cols: Vec<usize> = (0..self.cols())
            .filter(|&c| full.iter().any(|r| r[c]))
            .collect();
        let text = rows
            .iter()
            .map(|&r| cols.iter().map(|&c| self.text[r][c].clone()).collect())
            .collect();
        let group = rows
            .iter()
            .map(|&r| cols.iter().map(|&c| self.group[r][c]).collect())
            .collect();
        let remap = |keep: &[usize], start: usize, len: usize| -> Option<(usize, usize)> {
            let inside: Vec<usize> = (0..keep.len())
                .filter(|&i| keep[i] >= start && keep[i] < start + len)
                .collect();
            Some((*inside.first()?, inside.len()))
        };
        let spans =
            self.spans
                .iter()
                .filter_map(|s| {
                    let (row, rows_n) = remap(&rows, s.row, s.rows)?;
                    let (col, cols_n) = remap(&cols, s.col, s.cols)?;
                    // The span's text sat at its top-left; if that row or column
                    // went, the text was empty and so is the block.
                    (rows[row] == s.row && cols[col] == s.col && (rows_n > 1 || cols_n > 1))
                        .then_some(Span {
                            row,
                            col,
                            rows: rows_n,
                            cols: cols_n,
                        })
                })
                .collect();
        Sheet { text, spans, group }
    }

    /// The header (first k rows) as one row of column texts, and its group
    /// headers as (text, first column, columns); the body follows.
    fn collapse(&self, k: usize) -> (Sheet, Vec<(String, usize, usize)>) {
        let k = k.min(self.rows());
        let cols = self.cols();
        let mut leaves = vec![String::new(); cols];
        let mut groups = Vec::new();
        for (r, line) in self.text.iter().enumerate().take(k) {
            for (c, s) in line.iter().enumerate() {
                if s.trim().is_empty() {
                    continue;
                }
                if self.group[r][c] {
                    let width = self
                        .spans
                        .iter()
                        .find(|sp| sp.row == r && sp.col == c)
                        .map_or(1, |sp| sp.cols);
                    groups.push((norm(s), c, width));
                } else {
                    if !leaves[c].is_empty() {
                        leaves[c].push('\n');
                    }
                    leaves[c].push_str(s);
                }
            }
        }
        let mut text = vec![leaves];
        text.extend(self.text.iter().skip(k).cloned());
        let spans = self
            .spans
            .iter()
            .filter(|s| s.row >= k)
            .map(|s| Span {
                row: s.row - k + 1,
                ..s.clone()
            })
            .collect();
        let mut sheet = Sheet::new(text, spans);
        if k == 0 {
            sheet.text.remove(0);
            sheet.group.remove(0);
            sheet.spans.iter_mut().for_each(|s| s.row -= 1);
        }
        (sheet, groups)
    }
}

/// The expected table after joining its wrapped rows and dropping empty
/// rows and columns; the number of header rows left.
fn prepare_expected(e: &Expected) -> Result<(Sheet, usize), String> {
    let mut s = Sheet::new(e.grid.clone(), e.spans.clone());
    for &(r, c) in &e.group_headers {
        s.group[r][c] = true;
    }
    let joined = s.join_rows(&e.join_rows);
    let k = e.header_rows.min(joined.rows());
    let k = (0..k)
        .filter(|&r| joined.text[r].iter().any(|t| !norm(t).is_empty()))
        .count();
    let clean = joined.drop_empty();
    if clean.rows() == 0 {
        return Err(format!(
            "{} p{}: the expected table has no text",
            e.file, e.page
        ));
    }
    Ok((clean, k))
}

/// An atti table cropped to the area, its empty rows and columns dropped;
/// and how many cells with text the crop left out.
fn prepare_got(t: &GotTable, area: Option<[f64; 4]>) -> (Sheet, usize) {
    let mut text = t.grid.clone();
    let mut spans = Vec::new();
    let mut cut = 0;
    for c in &t.cells {
        let (cx, cy) = ((c.bbox[0] + c.bbox[2]) / 2.0, (c.bbox[1] + c.bbox[3]) / 2.0);
        let inside = area.is_none_or(|a| cx >= a[0] && cx <= a[2] && cy >= a[1] && cy <= a[3]);
        if inside {
            if c.row_span > 1 || c.col_span > 1 {
                spans.push(Span {
                    row: c.row,
                    col: c.col,
                    rows: c.row_span,
                    cols: c.col_span,
                });
            }
            continue;
        }
        for line in text.iter_mut().skip(c.row).take(c.row_span) {
            for s in line.iter_mut().skip(c.col).take(c.col_span) {
                if !norm(s).is_empty() {
                    cut += 1;
                }
                s.clear();
            }
        }
    }
    let mut sheet = Sheet::new(text, spans);
    for sp in &sheet.spans {
        if sp.cols > 1 {
            sheet.group[sp.row][sp.col] = true;
        }
    }
    (sheet.drop_empty(), cut)
}

/// An expected table against each atti table of its page: the best.
pub fn best_match(e: &Expected, tables: &[GotTable]) -> Result<Outcome, String> {
    let (want, k) = prepare_expected(e)?;
    let mut best = Outcome {
        expected_shape: (want.rows(), want.cols()),
        total: want.rows() * want.cols(),
        first_difference: Some("atti found no table here".into()),
        ..Outcome::default()
    };
    for t in tables {
        let (got, cut) = prepare_got(t, e.area);
        if got.rows() == 0 {
            continue;
        }
        let mut o = if k == 0 {
            compare(&want, &got, &[], &[])
        } else {
            let (w, wg) = want.collapse(k);
            (0..=got.rows().min(k + 2))
                .map(|m| {
                    let (g, gg) = got.collapse(m);
                    compare(&w, &g, &wg, &gg)
                })
                .max_by_key(|o| (o.all_match, o.right))
                .unwrap_or_default()
        };
        o.expected_shape = (want.rows(), want.cols());
        o.got_shape = Some((got.rows(), got.cols()));
        o.got_mode = Some(t.mode.clone());
        o.cut = cut;
        let better = (o.all_match, o.right, std::cmp::Reverse(o.total))
            > (best.all_match, best.right, std::cmp::Reverse(best.total));
        if best.got_shape.is_none() || better {
            best = o;
        }
    }
    Ok(best)
}

fn compare(
    want: &Sheet,
    got: &Sheet,
    want_groups: &[(String, usize, usize)],
    got_groups: &[(String, usize, usize)],
) -> Outcome {
    let w: Vec<Vec<String>> = want
        .text
        .iter()
        .map(|r| r.iter().map(|s| norm(s)).collect())
        .collect();
    let g: Vec<Vec<String>> = got
        .text
        .iter()
        .map(|r| r.iter().map(|s| norm(s)).collect())
        .collect();
    let mut o = if (want.rows(), want.cols()) == (got.rows(), got.cols()) {
        same_shape(&w, &g, &want.spans, &got.spans)
    } else {
        aligned(&w, &g)
    };
    // Group headers: each expected one needs an atti cell over several
    // columns with the same text whose columns meet its own.
    let mut free: Vec<bool> = vec![true; got_groups.len()];
    let mut matched = 0;
    for (text, col, width) in want_groups {
        let hit = got_groups
            .iter()
            .enumerate()
            .position(|(i, (t, c, n))| free[i] && t == text && *c < col + width && *col < c + n);
        match hit {
            Some(i) => {
                free[i] = false;
                matched += 1;
            }
            None if o.first_difference.is_none() => {
                o.first_difference = Some(format!(
                    "header over several columns «{text}»: atti has no such merged cell"
                ));
            }
            None => {}
        }
    }
    if o.first_difference.is_none() && matched < got_groups.len() {
        let extra = got_groups
            .iter()
            .zip(&free)
            .find(|(_, &f)| f)
            .map(|(g, _)| g.0.clone());
        o.first_difference = Some(format!(
            "atti merges a header cell «{}» over several columns",
            extra.unwrap_or_default()
        ));
    }
    o.right += matched;
    o.total += want_groups.len().max(got_groups.len());
    o.all_match = o.all_match && matched == want_groups.len() && matched == got_groups.len();
    o
}

/// Same shape: blocks of positions joined by merged cells of either side.
fn same_shape(w: &[Vec<String>], g: &[Vec<String>], ws: &[Span], gs: &[Span]) -> Outcome {
    let (rows, cols) = (w.len(), w.first().map_or(0, Vec::len));
    let mut parent: Vec<usize> = (0..rows * cols).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for s in ws.iter().chain(gs) {
        let root = s.row * cols + s.col;
        for r in s.row..(s.row + s.rows).min(rows) {
            for c in s.col..(s.col + s.cols).min(cols) {
                let (a, b) = (find(&mut parent, root), find(&mut parent, r * cols + c));
                parent[b] = a;
            }
        }
    }
    let mut blocks: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..rows * cols {
        let root = find(&mut parent, i);
        blocks.entry(root).or_default().push(i);
    }
    let mut o = Outcome {
        total: rows * cols,
        ..Outcome::default()
    };
    let mut wrong: Vec<(usize, String, String)> = Vec::new();
    for members in blocks.values() {
        let texts = |grid: &[Vec<String>]| -> Vec<String> {
            members
                .iter()
                .map(|&i| grid[i / cols][i % cols].clone())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let (a, b) = (texts(w), texts(g));
        if a == b {
            o.right += members.len();
        } else {
            wrong.push((members[0], a.join(" + "), b.join(" + ")));
        }
    }
    o.all_match = wrong.is_empty();
    if let Some((i, a, b)) = wrong.into_iter().min_by_key(|x| x.0) {
        o.first_difference = Some(format!(
            "row {} col {}: expected «{a}», atti «{b}»",
            i / cols + 1,
            i % cols + 1
        ));
    }
    o
}

/// Different shapes: columns aligned by the texts they share, then rows by
/// their equal cells; the equal positions counted over the larger shape.
fn aligned(w: &[Vec<String>], g: &[Vec<String>]) -> Outcome {
    let (wr, wc) = (w.len(), w.first().map_or(0, Vec::len));
    let (gr, gc) = (g.len(), g.first().map_or(0, Vec::len));
    let column = |grid: &[Vec<String>], c: usize| -> Vec<String> {
        let mut v: Vec<String> = grid
            .iter()
            .map(|r| r[c].clone())
            .filter(|s| !s.is_empty())
            .collect();
        v.sort();
        v
    };
    let wcols: Vec<Vec<String>> = (0..wc).map(|c| column(w, c)).collect();
    let gcols: Vec<Vec<String>> = (0..gc).map(|c| column(g, c)).collect();
    let cols = align(wc, gc, |i, j| shared(&wcols[i], &gcols[j]));
    let rows = align(wr, gr, |i, j| {
        cols.iter()
            .filter(|&&(a, b)| !w[i][a].is_empty() && w[i][a] == g[j][b])
            .count()
    });
    let mut o = Outcome {
        total: wr.max(gr) * wc.max(gc),
        ..Outcome::default()
    };
    let mut first: Option<String> = None;
    let row_of: BTreeMap<usize, usize> = rows.iter().copied().collect();
    for (i, line) in w.iter().enumerate() {
        let Some(&j) = row_of.get(&i) else {
            first.get_or_insert_with(|| {
                format!(
                    "expected row {} («{}») has no row in atti's table",
                    i + 1,
                    line.join(" | ")
                )
            });
            continue;
        };
        for &(a, b) in &cols {
            if line[a] == g[j][b] {
                o.right += 1;
            } else {
                first.get_or_insert_with(|| {
                    format!(
                        "row {} col {}: expected «{}», atti «{}»",
                        i + 1,
                        a + 1,
                        line[a],
                        g[j][b]
                    )
                });
            }
        }
    }
    o.first_difference = Some(format!(
        "shape {wr}×{wc} against atti's {gr}×{gc}; {}",
        first.unwrap_or_else(|| "the cells that meet are equal".into())
    ));
    o
}

/// Size of the intersection of two sorted lists.
fn shared(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The monotone pairing of 0..n with 0..m of highest total score
/// (Needleman–Wunsch with free gaps); pairs in order.
fn align(n: usize, m: usize, score: impl Fn(usize, usize) -> usize) -> Vec<(usize, usize)> {
    let mut dp = vec![vec![0usize; m + 1]; n + 1];
    for i in 1..=n {
        for j in 1..=m {
            dp[i][j] = dp[i - 1][j]
                .max(dp[i][j - 1])
                .max(dp[i - 1][j - 1] + score(i - 1, j - 1));
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        if dp[i][j] == dp[i - 1][j - 1] + score(i - 1, j - 1) {
            out.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if dp[i][j] == dp[i - 1][j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    out.reverse();
    out
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;

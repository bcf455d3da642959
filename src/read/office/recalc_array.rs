//! Array formulas evaluated as LibreOffice evaluates them on load.
//!
//! An array formula is computed once, as a matrix, and its range shows the
//! matrix: the cell `(i, j)` places from the range's first cell takes the
//! element `(i, j)`. In the formula a range is a matrix of its cells;
//! arithmetic, comparison, `&` and the functions that take one value work
//! element by element (a one-cell operand, one row or one column is
//! repeated to the other's size; past the smaller matrix the element is
//! `#N/A`); the functions that take ranges (SUM, COUNT, INDEX, ...) take
//! the whole matrix, so `{=SUM(IF(A1:A9>2;1;0))}` counts. A matrix larger
//! than the range shows its first elements (a one-cell array formula shows
//! the first), a smaller one is repeated along a single row or column, else
//! `#N/A`. LibreOffice computes these cells again on load whatever they
//! saved, so atti does too.

use std::rc::Rc;

use super::formula::Expr;
use super::functions::{self, err, Arg, V};
use super::{binary, empty_is_zero, Engine, MAX_RANGE};

/// A matrix value: its cells row by row (those of a range past the sheet's
/// last written row left out: empty).
pub(super) struct Matrix {
    cells: Vec<V>,
    rows: usize,
    cols: usize,
    /// Read from a range of cells (not computed): a function taking ranges
    /// reads it as cells.
    range: bool,
}

impl Matrix {
    fn one(v: V) -> Matrix {
        Matrix {
            cells: vec![v],
            rows: 1,
            cols: 1,
            range: false,
        }
    }

    /// Element `(i, j)`, a single row or column repeated.
    pub(super) fn get(&self, i: usize, j: usize) -> V {
        let r = if self.rows == 1 { 0 } else { i };
        let c = if self.cols == 1 { 0 } else { j };
        if r >= self.rows || c >= self.cols {
            return err("#N/A");
        }
        self.cells
            .get(r * self.cols + c)
            .cloned()
            .unwrap_or(V::Empty)
    }

    /// As a function argument: a computed matrix's booleans are numbers
    /// (LibreOffice's TRUE is 1), so SUM counts them.
    fn arg(&self) -> Arg {
        if self.range {
            return Arg::Range {
                cells: self.cells.clone(),
                cols: self.cols,
            };
        }
        if self.rows == 1 && self.cols == 1 {
            return Arg::One(self.get(0, 0));
        }
        let mut cells = Vec::with_capacity(self.rows * self.cols);
        for i in 0..self.rows {
            for j in 0..self.cols {
                cells.push(match self.get(i, j) {
                    V::Bool(b) => V::Num(f64::from(u8::from(b))),
                    v => v,
                });
            }
        }
        Arg::Range {
            cells,
            cols: self.cols,
        }
    }
}

/// The functions that take a whole range as an argument.
const TAKE_RANGES: &[&str] = &[
    "SUM",
    "PRODUCT",
    "AVERAGE",
    "MIN",
    "MAX",
    "COUNT",
    "COUNTA",
    "COUNTBLANK",
    "AND",
    "OR",
    "CONCAT",
    "VLOOKUP",
    "HLOOKUP",
    "INDEX",
    "MATCH",
    "SUMIF",
    "SUMIFS",
    "COUNTIF",
    "COUNTIFS",
    "AVERAGEIF",
];

/// The size of an element-wise result over these matrices.
fn size(ms: &[&Matrix]) -> (usize, usize) {
    let dim = |f: fn(&Matrix) -> usize| ms.iter().map(|m| f(m)).filter(|&n| n != 1).max();
    (dim(|m| m.rows).unwrap_or(1), dim(|m| m.cols).unwrap_or(1))
}

impl Engine<'_> {
    /// The value of cell `(r, c)` of the array formula written at `origin`
    /// (formula `expr` of sheet `s`).
    pub(super) fn array_cell(
        &mut self,
        s: usize,
        origin: (u32, u32),
        expr: usize,
        r: u32,
        c: u32,
    ) -> Option<V> {
        let key = (s, origin.0, origin.1);
        let m = match self.arrays.get(&key) {
            Some(m) => m.clone(),
            None => {
                let at = super::At {
                    sheet: s,
                    dr: 0,
                    dc: 0,
                    cell: None,
                };
                let formulas = self.formulas;
                let m = self.matrix(&formulas[s].exprs[expr], at).map(Rc::new);
                if self.cut.is_some() {
                    return None;
                }
                self.arrays.insert(key, m.clone());
                m
            }
        }?;
        let v = m.get((r - origin.0) as usize, (c - origin.1) as usize);
        Some(empty_is_zero(v))
    }

    fn matrix(&mut self, e: &Expr, at: super::At) -> Option<Matrix> {
        Some(match e {
            Expr::Range(a, b) => {
                let rows = a.row.abs_diff(b.row) as usize + 1;
                match self.range(e, at)? {
                    Arg::One(v) => Matrix::one(v),
                    Arg::Range { cells, cols } => Matrix {
                        cells,
                        rows,
                        cols,
                        range: true,
                    },
                }
            }
            Expr::Neg(x) | Expr::Percent(x) => {
                let div = if matches!(e, Expr::Neg(_)) {
                    -1.0
                } else {
                    100.0
                };
                let m = self.matrix(x, at)?;
                self.map(&[&m], |v| match functions::num(&v[0]) {
                    Ok(n) if div < 0.0 => V::Num(-n),
                    Ok(n) => V::Num(n / div),
                    Err(e) => e,
                })?
            }
            Expr::Binary(op, a, b) => {
                let (a, b) = (self.matrix(a, at)?, self.matrix(b, at)?);
                self.map(&[&a, &b], |v| binary(*op, &v[0], &v[1]))?
            }
            Expr::Call(name, args) => return self.array_call(name, args, at),
            _ => Matrix::one(self.eval(e, at)?),
        })
    }

    fn array_call(&mut self, name: &str, args: &[Expr], at: super::At) -> Option<Matrix> {
        if name == "SUMPRODUCT" {
            return self.sumproduct(args, at).map(Matrix::one);
        }
        let mut ms = Vec::with_capacity(args.len().max(3));
        for a in args {
            ms.push(self.matrix(a, at)?);
        }
        if TAKE_RANGES.contains(&name) {
            let args: Vec<Arg> = ms.iter().map(Matrix::arg).collect();
            return functions::call(name, &args).map(Matrix::one);
        }
        let refs: Vec<&Matrix> = ms.iter().collect();
        match name {
            "IF" => {
                let missing = [Matrix::one(V::Bool(true)), Matrix::one(V::Bool(false))];
                let (t, f) = (
                    refs.get(1).copied().unwrap_or(&missing[0]),
                    refs.get(2).copied().unwrap_or(&missing[1]),
                );
                let cond = *refs.first()?;
                let mut unknown = false;
                let m = self.map(&[cond, t, f], |v| match &v[0] {
                    V::Err(_) => v[0].clone(),
                    V::Str(_) => err("#VALUE!"),
                    c => match functions::num(c) {
                        Ok(n) => empty_is_zero(v[if n != 0.0 { 1 } else { 2 }].clone()),
                        Err(_) => {
                            unknown = true;
                            V::Empty
                        }
                    },
                })?;
                (!unknown).then_some(m)
            }
            "IFERROR" => {
                let alt = Matrix::one(V::Empty);
                let b = refs.get(1).copied().unwrap_or(&alt);
                self.map(&[*refs.first()?, b], |v| match &v[0] {
                    V::Err(_) => v[1].clone(),
                    x => x.clone(),
                })
            }
            _ => {
                let mut unknown = false;
                let m = self.map(&refs, |v| {
                    let args: Vec<Arg> = v.iter().cloned().map(Arg::One).collect();
                    functions::call(name, &args).unwrap_or_else(|| {
                        unknown = true;
                        V::Empty
                    })
                })?;
                (!unknown).then_some(m)
            }
        }
    }

    /// `f` applied element by element over matrices of one size (see
    /// [`size`]); `None` over [`MAX_RANGE`] elements or the workbook's
    /// bound on cells read.
    /// SUMPRODUCT, whose arguments are read as matrices wherever it is
    /// written (`SUMPRODUCT((A1:A9>0)*B1:B9)` in an ordinary formula):
    /// the sum of the elements' products, text and empty cells 0, matrices
    /// of different sizes `#VALUE!`.
    pub(super) fn sumproduct(&mut self, args: &[Expr], at: super::At) -> Option<V> {
        let mut ms = Vec::with_capacity(args.len());
        for a in args {
            ms.push(self.matrix(a, at)?);
        }
        let first = ms.first()?;
        let (rows, cols) = (first.rows, first.cols);
        if ms.iter().any(|m| m.rows != rows || m.cols != cols) {
            return Some(err("#VALUE!"));
        }
        let mut sum = 0.0;
        for i in 0..rows * cols {
            let mut p = 1.0;
            for m in &ms {
                p *= match m.cells.get(i).unwrap_or(&V::Empty) {
                    V::Num(x) => *x,
                    V::Bool(b) => f64::from(u8::from(*b)),
                    V::Err(e) => return Some(V::Err(e.clone())),
                    _ => 0.0,
                };
            }
            sum += p;
        }
        Some(V::Num(sum))
    }

    fn map(&mut self, ms: &[&Matrix], mut f: impl FnMut(&[V]) -> V) -> Option<Matrix> {
        let (rows, cols) = size(ms);
        let n = rows * cols;
        self.reads += n as u64;
        if n > MAX_RANGE || self.reads > super::MAX_READS {
            return None;
        }
        let mut cells = Vec::with_capacity(n);
        let mut v = Vec::with_capacity(ms.len());
        for i in 0..rows {
            for j in 0..cols {
                v.clear();
                v.extend(ms.iter().map(|m| m.get(i, j)));
                cells.push(f(&v));
            }
        }
        Some(Matrix {
            cells,
            rows,
            cols,
            range: false,
        })
    }
}

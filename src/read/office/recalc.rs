//! Formula cells computed again as LibreOffice computes them when it loads
//! an .xlsx, so that a sheet reads as LibreOffice (and the person who opens
//! it there) shows it.
//!
//! A formula cell of an .xlsx holds its formula and the value the
//! application that saved it computed (`<v>`). LibreOffice's import
//! (`sc/source/filter/oox/formulabuffer.cxx`) keeps that saved value for
//! an ordinary formula with a numeric result, and computes the cell again
//! when ([`recomputed_on_load`]):
//! - it is part of a shared formula (`<f t="shared">`, a formula filled
//!   down or across, written once at its first cell): LibreOffice never
//!   marks those clean, whoever saved the file;
//! - it has no saved value, or a saved boolean or error;
//! - its saved value is text (`t="str"`) and the file does not say it was
//!   written by Microsoft Excel or LibreOffice (`docProps/app.xml`'s
//!   `Application`): other producers (report exporters, libraries) are
//!   known to mark numbers as text there (tdf#98481), so LibreOffice
//!   distrusts them.
//!
//! A cell so chosen is evaluated ([`super::formula`], [`super::functions`]);
//! the cells it reads are read as saved, or evaluated first when they are
//! chosen too (to a depth of [`MAX_DEPTH`]); a cell that reads itself
//! through others is `Err:522`, as LibreOffice shows a circular reference.
//! A defined name that is one range of one sheet reads as that range
//! ([`super::names`]). When the evaluator cannot (a function it does not
//! know, a volatile function such as `TODAY`, another name, a table's
//! column, another workbook), the cell
//! keeps its saved value. A whole-workbook recalculation on load, which
//! LibreOffice does only when its option `OOXMLRecalcMode` says "always"
//! (the default asks, and a headless conversion does not ask), is not
//! modelled.

use std::collections::{HashMap, HashSet};

use atti_page::CellValue;

use super::formula::{self, CellRef, Expr, Op};
use super::functions::{self, err, Arg, V};

/// Deepest chain of formula cells evaluated one through another.
pub const MAX_DEPTH: usize = 200;
/// Most cells one range argument reads.
pub const MAX_RANGE: usize = 1_000_000;
/// Most cells the ranges of one workbook's formulas read in all.
pub const MAX_READS: u64 = 50_000_000;

/// How a formula cell is written in the file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Form {
    Normal,
    /// A cell of a shared formula (its first cell included).
    Shared,
}

/// The kind of the value a file saved for a formula cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Saved {
    None,
    Number,
    Text,
    Bool,
    Error,
}

/// Whether LibreOffice computes a formula cell again when it loads an
/// .xlsx (see the module's comment); `known_good`: the file says Excel or
/// LibreOffice wrote it.
pub fn recomputed_on_load(form: Form, saved: Saved, known_good: bool) -> bool {
    match (form, saved) {
        (_, Saved::None) => true,
        (_, Saved::Text) => !known_good,
        (Form::Shared, _) => true,
        (Form::Normal, Saved::Number) => false,
        (Form::Normal, Saved::Bool | Saved::Error) => true,
    }
}

/// Whether LibreOffice trusts the text results of a file written by this
/// application (`docProps/app.xml`'s `Application`).
pub fn known_good(application: Option<&str>) -> bool {
    application.is_some_and(|a| {
        let a = a.trim().to_ascii_lowercase();
        a.starts_with("microsoft") || a.starts_with("libreoffice")
    })
}

/// A formula cell to compute: where it is, its parsed formula (an index
/// into [`Formulas::exprs`]) and the cell the formula was written at (for
/// a shared formula, its first cell).
pub struct Pending {
    pub row: u32,
    pub col: u32,
    pub expr: usize,
    pub origin: (u32, u32),
    /// A cell of the range of an array formula written at `origin`.
    pub array: bool,
}

/// The formulas of one sheet to compute.
#[derive(Default)]
pub struct Formulas {
    pub exprs: Vec<Expr>,
    pub pending: Vec<Pending>,
    /// The cells whose formula calls SUBTOTAL or AGGREGATE, computed or
    /// not: a SUBTOTAL leaves them out of its ranges.
    pub subtotals: HashSet<(u32, u32)>,
}

/// One sheet's cells as read (row, column, text, typed value), sorted.
pub type Cells = Vec<(u32, u32, String, Option<CellValue>)>;

/// Computes the pending cells of every sheet and writes their values into
/// the sheets' cells. `sheets`: name and cells of each sheet, in order.
pub fn apply(sheets: &mut [(&str, &mut Cells)], formulas: &[Formulas]) {
    if formulas.iter().all(|f| f.pending.is_empty()) {
        return;
    }
    let results = {
        let view: Vec<(&str, &Cells)> = sheets.iter().map(|(n, c)| (*n, &**c)).collect();
        let mut e = Engine {
            sheets: &view,
            formulas,
            index: formulas
                .iter()
                .enumerate()
                .flat_map(|(s, f)| {
                    f.pending
                        .iter()
                        .enumerate()
                        .map(move |(i, p)| ((s, p.row, p.col), i))
                })
                .collect(),
            state: HashMap::new(),
            depth: 0,
            cut: None,
            reads: 0,
            arrays: HashMap::new(),
        };
        let mut out = Vec::new();
        for (s, f) in formulas.iter().enumerate() {
            for p in &f.pending {
                // A chain deeper than MAX_DEPTH is computed from its far
                // end: the cell where it was cut first, then again.
                let mut todo = vec![(s, p.row, p.col)];
                while let Some(&(ts, tr, tc)) = todo.last() {
                    e.cut = None;
                    e.cell(ts, tr, tc);
                    match e.cut.take() {
                        // Met again: a circle longer than MAX_DEPTH.
                        Some(deeper) if todo.contains(&deeper) => {
                            e.state.insert(deeper, State::Done(Some(err("Err:522"))));
                        }
                        Some(deeper) => todo.push(deeper),
                        None => {
                            todo.pop();
                        }
                    }
                }
                if let Some(v) = e.cell(s, p.row, p.col) {
                    out.push((s, p.row, p.col, v));
                }
            }
        }
        out
    };
    for (s, r, c, v) in results {
        write(sheets[s].1, r, c, v);
    }
}

/// Sets one cell to a computed value: a number keeps the cell's date or
/// percentage look; empty text empties the cell.
fn write(cells: &mut Cells, r: u32, c: u32, v: V) {
    let at = cells.binary_search_by_key(&(r, c), |x| (x.0, x.1));
    let old = at.ok().map(|i| cells[i].3.clone());
    let old_text = at.ok().map(|i| cells[i].2.clone()).unwrap_or_default();
    let new = match v {
        V::Empty => Some((
            super::cell_text::number_text(0.0),
            Some(CellValue::Number(0.0)),
        )),
        V::Num(n) => {
            let n = super::cell_text::round15(n);
            match old {
                Some(Some(CellValue::Date(_) | CellValue::DateTime(_))) => functions::date_of(n)
                    .map(|d| {
                        super::cell_text::date_text(
                            d.and_time(chrono::NaiveTime::MIN)
                                + chrono::Duration::seconds(
                                    ((n - n.floor()) * 86400.0).round() as i64
                                ),
                        )
                    }),
                Some(Some(CellValue::Number(_))) if old_text.ends_with('%') => Some((
                    format!(
                        "{}%",
                        super::cell_text::number_text(super::cell_text::round15(n * 100.0))
                    ),
                    Some(CellValue::Number(n)),
                )),
                _ => None,
            }
            .or(Some((
                super::cell_text::number_text(n),
                Some(CellValue::Number(n)),
            )))
        }
        V::Str(s) if s.trim().is_empty() => None,
        V::Str(s) => Some((s, None)),
        V::Bool(b) => Some((
            (if b { "VERO" } else { "FALSO" }).to_owned(),
            Some(CellValue::Bool(b)),
        )),
        V::Err(e) => Some((super::cell_text::error_text(&e), Some(CellValue::Error(e)))),
    };
    match (at, new) {
        (Ok(i), Some((t, v))) => {
            cells[i].2 = t;
            cells[i].3 = v;
        }
        (Ok(i), None) => {
            cells.remove(i);
        }
        (Err(i), Some((t, v))) => cells.insert(i, (r, c, t, v)),
        (Err(_), None) => {}
    }
}

enum State {
    Busy,
    Done(Option<V>),
}

struct Engine<'a> {
    sheets: &'a [(&'a str, &'a Cells)],
    formulas: &'a [Formulas],
    /// (sheet, row, column) -> index of the pending cell.
    index: HashMap<(usize, u32, u32), usize>,
    state: HashMap<(usize, u32, u32), State>,
    depth: usize,
    /// The cell where an evaluation went deeper than MAX_DEPTH: nothing of
    /// that evaluation is kept, the cell is computed first.
    cut: Option<(usize, u32, u32)>,
    /// Cells read by ranges so far (over MAX_READS the cells left keep
    /// their saved values).
    reads: u64,
    /// The matrix of each array formula computed so far, by its first cell.
    arrays: HashMap<(usize, u32, u32), Option<std::rc::Rc<array::Matrix>>>,
}

/// Where a formula is evaluated: its sheet and how far its cell is from
/// where the formula was written.
#[derive(Clone, Copy)]
struct At {
    sheet: usize,
    dr: i64,
    dc: i64,
    /// The formula cell computed (row, column); `None` for an array
    /// formula, whose ranges are read whole.
    cell: Option<(u32, u32)>,
}

impl Engine<'_> {
    /// A pending cell's computed value; `None`: it keeps the saved one.
    fn cell(&mut self, s: usize, r: u32, c: u32) -> Option<V> {
        match self.state.get(&(s, r, c)) {
            Some(State::Done(v)) => return v.clone(),
            Some(State::Busy) => return Some(err("Err:522")),
            None => {}
        }
        let i = *self.index.get(&(s, r, c))?;
        if self.cut.is_some() {
            return None;
        }
        if self.depth >= MAX_DEPTH {
            self.cut = Some((s, r, c));
            return None;
        }
        self.state.insert((s, r, c), State::Busy);
        self.depth += 1;
        let f = &self.formulas[s];
        let p = &f.pending[i];
        let at = At {
            sheet: s,
            dr: i64::from(r) - i64::from(p.origin.0),
            dc: i64::from(c) - i64::from(p.origin.1),
            cell: Some((r, c)),
        };
        let v = if p.array {
            self.array_cell(s, p.origin, p.expr, r, c)
        } else {
            // A formula that reads one empty cell shows 0.
            self.eval(&f.exprs[p.expr], at).map(empty_is_zero)
        };
        self.depth -= 1;
        if self.cut.is_some() {
            self.state.remove(&(s, r, c));
            return None;
        }
        self.state.insert((s, r, c), State::Done(v.clone()));
        v
    }

    /// The value of any cell: computed if pending, else as saved.
    fn value(&mut self, s: usize, r: u32, c: u32) -> V {
        if self.index.contains_key(&(s, r, c)) {
            if let Some(v) = self.cell(s, r, c) {
                return v;
            }
        }
        saved(self.sheets[s].1, r, c)
    }

    fn sheet_of(&self, re: &CellRef, at: At) -> Option<usize> {
        match &re.sheet {
            None => Some(at.sheet),
            Some(name) => self
                .sheets
                .iter()
                .position(|(n, _)| n.eq_ignore_ascii_case(name)),
        }
    }

    fn eval(&mut self, e: &Expr, at: At) -> Option<V> {
        Some(match e {
            Expr::Num(n) => V::Num(*n),
            Expr::Str(s) => V::Str(s.clone()),
            Expr::Bool(b) => V::Bool(*b),
            Expr::Error(x) => V::Err(x.clone()),
            Expr::Missing => V::Empty,
            Expr::Unknown => return None,
            Expr::Ref(re) => {
                let s = self.sheet_of(re, at)?;
                match re.moved(at.dr, at.dc) {
                    Some((r, c)) => self.value(s, r, c),
                    None => err("#REF!"),
                }
            }
            // A range where one value is wanted: a one-cell range is its
            // cell, a larger one its cell in the formula's row or column.
            Expr::Range(a, b) => match self.intersection(a, b, at) {
                Some((s, r, c)) => self.value(s, r, c),
                None => match self.range(e, at)? {
                    Arg::One(v) => v,
                    Arg::Range { mut cells, .. } if cells.len() == 1 => cells.remove(0),
                    Arg::Range { .. } => err("#VALUE!"),
                },
            },
            Expr::Neg(x) => match functions::num(&self.eval(x, at)?) {
                Ok(n) => V::Num(-n),
                Err(e) => e,
            },
            Expr::Percent(x) => match functions::num(&self.eval(x, at)?) {
                Ok(n) => V::Num(n / 100.0),
                Err(e) => e,
            },
            Expr::Binary(op, a, b) => {
                let (a, b) = (self.eval(a, at)?, self.eval(b, at)?);
                binary(*op, &a, &b)
            }
            Expr::Call(name, args) => return self.call(name, args, at),
        })
    }

    /// The implicit intersection of a range of one column or one row with
    /// the formula's cell, as LibreOffice reads `=Importi` or `=A1:A9*2`
    /// written beside the range: the range's cell in the formula's row (one
    /// column) or column (one row). `None` where they do not meet, for a
    /// one-cell range, or in an array formula.
    fn intersection(&self, a: &CellRef, b: &CellRef, at: At) -> Option<(usize, u32, u32)> {
        let (row, col) = at.cell?;
        let s = self.sheet_of(a, at)?;
        let ((r0, c0), (r1, c1)) = (a.moved(at.dr, at.dc)?, b.moved(at.dr, at.dc)?);
        let (r0, r1, c0, c1) = (r0.min(r1), r0.max(r1), c0.min(c1), c0.max(c1));
        if r0 == r1 && c0 == c1 {
            return None;
        }
        if c0 == c1 && (r0..=r1).contains(&row) {
            Some((s, row, c0))
        } else if r0 == r1 && (c0..=c1).contains(&col) {
            Some((s, r0, col))
        } else {
            None
        }
    }

    /// A range's cells row by row (`Arg::One` for `#REF!`).
    fn range(&mut self, e: &Expr, at: At) -> Option<Arg> {
        self.range_of(e, at, false)
    }

    /// A range's cells; `subtotals`: with the cells whose formula calls
    /// SUBTOTAL left empty, as SUBTOTAL reads its ranges.
    fn range_of(&mut self, e: &Expr, at: At, subtotals: bool) -> Option<Arg> {
        let Expr::Range(a, b) = e else {
            return self.eval(e, at).map(Arg::One);
        };
        let s = self.sheet_of(a, at)?;
        let (Some((r0, c0)), Some((r1, c1))) = (a.moved(at.dr, at.dc), b.moved(at.dr, at.dc))
        else {
            return Some(Arg::One(err("#REF!")));
        };
        let (r0, r1, c0, c1) = (r0.min(r1), r0.max(r1), c0.min(c1), c0.max(c1));
        let cells = self.sheets[s].1;
        // Past the sheet's last row nothing is written: clip there.
        let last = cells.last().map_or(0, |x| x.0).max(r0);
        let r1 = r1.min(last);
        let n = (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1);
        self.reads += n;
        if n > MAX_RANGE as u64 || self.reads > MAX_READS {
            return None;
        }
        let mut out = Vec::with_capacity(n as usize);
        for r in r0..=r1 {
            for c in c0..=c1 {
                if subtotals && self.formulas[s].subtotals.contains(&(r, c)) {
                    out.push(V::Empty);
                } else {
                    out.push(self.value(s, r, c));
                }
            }
        }
        Some(Arg::Range {
            cells: out,
            cols: (c1 - c0 + 1) as usize,
        })
    }

    fn call(&mut self, name: &str, args: &[Expr], at: At) -> Option<V> {
        match name {
            // Only the branch taken is evaluated.
            "IF" => {
                let cond = self.eval(args.first()?, at)?;
                let branch = match cond {
                    V::Err(_) => return Some(cond),
                    V::Str(_) => return Some(err("#VALUE!")),
                    c => functions::num(&c).ok()? != 0.0,
                };
                return match (branch, args.get(1), args.get(2)) {
                    (true, Some(x), _) => self.eval(x, at).map(empty_is_zero),
                    (true, None, _) => Some(V::Bool(true)),
                    (false, _, Some(x)) => self.eval(x, at).map(empty_is_zero),
                    (false, _, None) => Some(V::Bool(false)),
                };
            }
            "IFERROR" => {
                let v = self.eval(args.first()?, at)?;
                return match v {
                    V::Err(_) => self.eval(args.get(1).unwrap_or(&Expr::Missing), at),
                    v => Some(v),
                };
            }
            "SUMPRODUCT" => return self.sumproduct(args, at),
            "SUBTOTAL" => return self.subtotal(args, at),
            _ => {}
        }
        let mut vals = Vec::with_capacity(args.len());
        for a in args {
            vals.push(self.range(a, at)?);
        }
        functions::call(name, &vals)
    }

    /// SUBTOTAL(n; ranges): the function `n` names (1-6 and 9, and 101-106
    /// and 109) over the ranges, leaving out the cells that are subtotals
    /// themselves. Hidden and filtered rows, which 101-111 (and a filter,
    /// all of them) leave out, are not known here: they are counted. The
    /// variances (7, 8, 10, 11) are not evaluated.
    fn subtotal(&mut self, args: &[Expr], at: At) -> Option<V> {
        let n = match self.eval(args.first()?, at)? {
            V::Err(e) => return Some(V::Err(e)),
            v => functions::num(&v).ok()?.trunc() as i64,
        };
        let name = match n {
            1 | 101 => "AVERAGE",
            2 | 102 => "COUNT",
            3 | 103 => "COUNTA",
            4 | 104 => "MAX",
            5 | 105 => "MIN",
            6 | 106 => "PRODUCT",
            9 | 109 => "SUM",
            _ => return None,
        };
        let mut vals = Vec::with_capacity(args.len());
        for a in &args[1..] {
            vals.push(self.range_of(a, at, true)?);
        }
        functions::call(name, &vals)
    }
}

fn empty_is_zero(v: V) -> V {
    match v {
        V::Empty => V::Num(0.0),
        v => v,
    }
}

/// A cell's value as the file saved it (dates as their serial numbers).
fn saved(cells: &Cells, r: u32, c: u32) -> V {
    let Ok(i) = cells.binary_search_by_key(&(r, c), |x| (x.0, x.1)) else {
        return V::Empty;
    };
    let (_, _, text, value) = &cells[i];
    match value {
        None | Some(CellValue::Duration(_)) => V::Str(text.clone()),
        Some(CellValue::Number(n)) => V::Num(*n),
        Some(CellValue::Bool(b)) => V::Bool(*b),
        Some(CellValue::Error(e)) => V::Err(e.clone()),
        Some(CellValue::Date(d)) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map_or_else(
            |_| V::Str(text.clone()),
            |d| V::Num(functions::serial_of(d)),
        ),
        Some(CellValue::DateTime(d)) => {
            chrono::NaiveDateTime::parse_from_str(d, "%Y-%m-%dT%H:%M:%S").map_or_else(
                |_| V::Str(text.clone()),
                |d| {
                    let secs = d
                        .time()
                        .signed_duration_since(chrono::NaiveTime::MIN)
                        .num_seconds();
                    V::Num(functions::serial_of(d.date()) + secs as f64 / 86400.0)
                },
            )
        }
    }
}

fn binary(op: Op, a: &V, b: &V) -> V {
    use std::cmp::Ordering;
    if let V::Err(_) = a {
        return a.clone();
    }
    if let V::Err(_) = b {
        return b.clone();
    }
    let cmp = |want: fn(Ordering) -> bool| V::Bool(want(functions::compare(a, b)));
    match op {
        Op::Eq => cmp(|o| o == Ordering::Equal),
        Op::Ne => cmp(|o| o != Ordering::Equal),
        Op::Lt => cmp(|o| o == Ordering::Less),
        Op::Le => cmp(|o| o != Ordering::Greater),
        Op::Gt => cmp(|o| o == Ordering::Greater),
        Op::Ge => cmp(|o| o != Ordering::Less),
        Op::Concat => match (functions::text(a), functions::text(b)) {
            (Ok(x), Ok(y)) => V::Str(x + &y),
            (Err(e), _) | (_, Err(e)) => e,
        },
        _ => {
            let (x, y) = match (functions::num(a), functions::num(b)) {
                (Ok(x), Ok(y)) => (x, y),
                (Err(e), _) | (_, Err(e)) => return e,
            };
            let r = match op {
                Op::Add => x + y,
                Op::Sub => x - y,
                Op::Mul => x * y,
                Op::Div if y == 0.0 => return err("#DIV/0!"),
                Op::Div => x / y,
                _ => x.powf(y),
            };
            if r.is_finite() {
                V::Num(r)
            } else {
                err("#NUM!")
            }
        }
    }
}

#[path = "recalc_collect.rs"]
mod collect;
pub use collect::Collector;

#[path = "recalc_array.rs"]
mod array;

#[cfg(test)]
#[path = "recalc_tests.rs"]
mod tests;

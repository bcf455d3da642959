//! Spreadsheet formulas as a workbook stores them (`SUM(A1:B3)*2`, an
//! .xlsx's `<f>` text, without the `=`), parsed into a small tree that
//! [`super::recalc`] evaluates.
//!
//! A reference keeps whether its row and column are absolute (`$A$1`), so
//! one parsed formula serves every cell of a shared formula (Excel's form
//! of a formula filled down a column: written once, at the first cell):
//! a cell `(dr, dc)` away from the first reads its relative references
//! moved by `(dr, dc)`. The workbook's defined names and its tables'
//! structured references ([`super::structured`]) read as the ranges they
//! name. What the evaluator does not know (another workbook, a name that
//! is not a range, the intersection operator) parses as [`Expr::Unknown`]:
//! such a cell keeps the value saved in the file. Nesting is bounded ([`MAX_DEPTH`]), so a hostile formula
//! cannot exhaust the stack.

use std::collections::HashMap;

use super::structured::{self, Part, Rows, Table};

/// Deepest nesting of parentheses and operators in one formula.
pub const MAX_DEPTH: usize = 64;

/// One cell reference: 0-based row and column, which of them are absolute,
/// and the sheet it names (`None`: the formula's own sheet).
#[derive(Debug, Clone, PartialEq)]
pub struct CellRef {
    pub sheet: Option<String>,
    pub row: u32,
    pub col: u32,
    pub row_abs: bool,
    pub col_abs: bool,
}

impl CellRef {
    /// The reference as read from a cell `(dr, dc)` away from the cell the
    /// formula was written at; `None` when it falls off the sheet (`#REF!`).
    pub fn moved(&self, dr: i64, dc: i64) -> Option<(u32, u32)> {
        let r = i64::from(self.row) + if self.row_abs { 0 } else { dr };
        let c = i64::from(self.col) + if self.col_abs { 0 } else { dc };
        (r >= 0 && c >= 0 && r < 1 << 20 && c < 1 << 14).then_some((r as u32, c as u32))
    }
}

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Concat,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// A parsed formula.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Num(f64),
    Str(String),
    Bool(bool),
    Error(String),
    Ref(CellRef),
    /// A rectangle of cells (`A1:B3`; a whole column `A:A` ends at the last row).
    Range(CellRef, CellRef),
    Neg(Box<Expr>),
    Percent(Box<Expr>),
    Binary(Op, Box<Expr>, Box<Expr>),
    /// A function call, its name upper-cased without Excel's `_xlfn.` prefix.
    Call(String, Vec<Expr>),
    /// An argument left empty (`IF(A1;;2)`).
    Missing,
    Unknown,
}

/// A range of one sheet: the sheet's name, its first and its last cell
/// (0-based row and column).
pub type SheetRange = (String, (u32, u32), (u32, u32));

/// The ranges a workbook names ([`super::names`]): its defined names and
/// its tables, each by name in lower case (Excel matches names without
/// regard to case).
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// Defined names that are one range of one sheet.
    pub ranges: HashMap<String, SheetRange>,
    /// Excel tables, for structured references.
    pub tables: HashMap<String, Table>,
}

impl Names {
    /// The range a pivot cache's `worksheetSource@name` names: a defined
    /// name's range, or a table's with its header and without its totals.
    pub fn source(&self, name: &str) -> Option<SheetRange> {
        let name = name.to_lowercase();
        if let Some(t) = self.tables.get(&name) {
            let last_row = t.last.0.saturating_sub(t.totals_rows).max(t.first.0);
            return Some((t.sheet.clone(), t.first, (last_row, t.last.1)));
        }
        self.ranges.get(&name).cloned()
    }
}

/// Parses a formula (with or without a leading `=`); a defined name is
/// unknown.
pub fn parse(text: &str) -> Expr {
    parse_with(text, &Names::default(), (0, 0))
}

/// Parses a formula written at cell `at` (0-based row and column) of a
/// workbook whose names are `names`: a defined name (`SUM(Importi)`,
/// `Aliquota*A1`; without regard to case, as Excel matches names) reads as
/// its range, absolute; a table's name with a structured reference
/// (`Movimenti[Importo]`) as the part of the table it names, its own row
/// (`[#This Row]`) relative to `at`; a table's name alone as its data
/// rows; any other name is unknown.
pub fn parse_with(text: &str, names: &Names, at: (u32, u32)) -> Expr {
    let text = text.trim();
    let text = text.strip_prefix('=').unwrap_or(text);
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        depth: 0,
        names,
        at,
    };
    match p.expr(0) {
        Some(e) => {
            p.space();
            if p.i == p.s.len() {
                e
            } else {
                Expr::Unknown
            }
        }
        None => Expr::Unknown,
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
    names: &'a Names,
    /// The cell the formula is written at.
    at: (u32, u32),
}

/// Binding power of a binary operator (higher binds tighter), as Excel
/// and LibreOffice rank them: comparison, `&`, `+ -`, `* /`, `^`.
fn binary(s: &[u8]) -> Option<(Op, usize, u8)> {
    let two = s.get(..2);
    Some(match (s.first()?, two) {
        (_, Some(b"<>")) => (Op::Ne, 2, 1),
        (_, Some(b"<=")) => (Op::Le, 2, 1),
        (_, Some(b">=")) => (Op::Ge, 2, 1),
        (b'=', _) => (Op::Eq, 1, 1),
        (b'<', _) => (Op::Lt, 1, 1),
        (b'>', _) => (Op::Gt, 1, 1),
        (b'&', _) => (Op::Concat, 1, 2),
        (b'+', _) => (Op::Add, 1, 3),
        (b'-', _) => (Op::Sub, 1, 3),
        (b'*', _) => (Op::Mul, 1, 4),
        (b'/', _) => (Op::Div, 1, 4),
        (b'^', _) => (Op::Pow, 1, 5),
        _ => return None,
    })
}

impl Parser<'_> {
    fn space(&mut self) {
        while self.s.get(self.i).is_some_and(|b| b.is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// An expression whose operators bind at least as tightly as `min`.
    fn expr(&mut self, min: u8) -> Option<Expr> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let mut left = self.unary()?;
        loop {
            self.space();
            let Some((op, len, power)) = binary(&self.s[self.i..]) else {
                break;
            };
            if power < min {
                break;
            }
            self.i += len;
            // `^` is left-associative in Excel and LibreOffice too.
            let right = self.expr(power + 1)?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        self.depth -= 1;
        Some(left)
    }

    /// A prefix sign, a primary, then postfix `%`. A sign binds tighter than
    /// `^` (`-2^2` is 4, as in Excel and LibreOffice).
    fn unary(&mut self) -> Option<Expr> {
        self.space();
        match self.peek()? {
            b'-' => {
                self.i += 1;
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return None;
                }
                let e = self.unary()?;
                self.depth -= 1;
                Some(Expr::Neg(Box::new(e)))
            }
            b'+' => {
                self.i += 1;
                self.unary()
            }
            _ => {
                let mut e = self.primary()?;
                loop {
                    self.space();
                    if self.peek() == Some(b'%') {
                        self.i += 1;
                        e = Expr::Percent(Box::new(e));
                    } else {
                        return Some(e);
                    }
                }
            }
        }
    }

    fn primary(&mut self) -> Option<Expr> {
        self.space();
        let b = self.peek()?;
        if b == b'(' {
            self.i += 1;
            let e = self.expr(0)?;
            self.space();
            (self.peek() == Some(b')')).then(|| self.i += 1)?;
            return Some(e);
        }
        if b == b'"' {
            return self.string().map(Expr::Str);
        }
        if b == b'#' {
            return self.error();
        }
        if b.is_ascii_digit() || b == b'.' {
            // A row range (`1:3`) reads as unknown; a number otherwise.
            return self.number();
        }
        if b == b'{' || b == b'[' {
            return None;
        }
        self.name_or_ref()
    }

    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let b = self.peek()?;
            self.i += 1;
            if b == b'"' {
                if self.peek() == Some(b'"') {
                    self.i += 1;
                    out.push(b'"');
                } else {
                    return String::from_utf8(out).ok();
                }
            } else {
                out.push(b);
            }
        }
    }

    fn error(&mut self) -> Option<Expr> {
        const ERRORS: [&str; 7] = [
            "#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!",
        ];
        let rest = &self.s[self.i..];
        let e = ERRORS.iter().find(|e| {
            rest.len() >= e.len() && rest[..e.len()].eq_ignore_ascii_case(e.as_bytes())
        })?;
        self.i += e.len();
        Some(Expr::Error((*e).to_owned()))
    }

    fn number(&mut self) -> Option<Expr> {
        let start = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_digit() || b == b'.') {
            self.i += 1;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let save = self.i;
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    self.i += 1;
                }
            } else {
                self.i = save;
            }
        }
        if self.peek() == Some(b':') {
            return None;
        }
        std::str::from_utf8(&self.s[start..self.i])
            .ok()?
            .parse()
            .ok()
            .map(Expr::Num)
    }

    /// A word: a function call, TRUE/FALSE, a reference (with its sheet), a
    /// range; a defined name or anything else is unknown.
    fn name_or_ref(&mut self) -> Option<Expr> {
        let sheet = self.sheet_prefix();
        let start = self.i;
        // Letters outside ASCII (`Entità`) are part of a name.
        while self.peek().is_some_and(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'$' | b'\\') || b >= 0x80
        }) {
            self.i += 1;
        }
        let word = std::str::from_utf8(&self.s[start..self.i]).ok()?;
        if word.is_empty() {
            return None;
        }
        if sheet.is_none() && self.peek() == Some(b'(') {
            self.i += 1;
            let name = word.to_ascii_uppercase();
            let name = name
                .strip_prefix("_XLFN._XLWS.")
                .or_else(|| name.strip_prefix("_XLFN."))
                .unwrap_or(&name)
                .to_owned();
            return self.args().map(|a| Expr::Call(name, a));
        }
        if sheet.is_none() && word.eq_ignore_ascii_case("TRUE") {
            return Some(Expr::Bool(true));
        }
        if sheet.is_none() && word.eq_ignore_ascii_case("FALSE") {
            return Some(Expr::Bool(false));
        }
        let Some(first) = cell_ref(word, sheet.clone()) else {
            let key = word.to_lowercase();
            if let (None, Some(table)) = (&sheet, self.names.tables.get(&key)) {
                if self.peek() == Some(b'[') {
                    let part = structured::read(self.s, &mut self.i, table)?;
                    return Some(self.table_part(table, part));
                }
                if self.peek() != Some(b':') {
                    return Some(self.table_part(table, structured::data(table)));
                }
            }
            if self.peek() != Some(b':') && self.peek() != Some(b'[') {
                if let Some(named) = self.names.ranges.get(&key) {
                    return Some(named_range(named));
                }
            }
            // Another name, a column range (`A:A`), a table: unknown.
            return self.skip_unknown();
        };
        if self.peek() == Some(b':') {
            self.i += 1;
            let start = self.i;
            while self
                .peek()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'$')
            {
                self.i += 1;
            }
            let word = std::str::from_utf8(&self.s[start..self.i]).ok()?;
            let second = cell_ref(word, sheet)?;
            return Some(Expr::Range(first, second));
        }
        Some(Expr::Ref(first))
    }

    /// The part of `table` a structured reference names, as a reference
    /// on the table's sheet: absolute, but for the formula's own row,
    /// relative to the cell the formula is written at (so that a shared
    /// formula's other cells read their own rows). Its own row out of the
    /// table's rows is `#VALUE!`, as in Excel and LibreOffice.
    fn table_part(&self, table: &Table, part: Part) -> Expr {
        let (rows, (c0, c1)) = match part {
            Part::Error(e) => return Expr::Error(e.to_owned()),
            Part::Area { rows, cols } => (rows, cols),
        };
        let (r0, r1, row_abs) = match rows {
            Rows::Span(a, b) => (a, b, true),
            Rows::ThisRow if (table.first.0..=table.last.0).contains(&self.at.0) => {
                (self.at.0, self.at.0, false)
            }
            Rows::ThisRow => return Expr::Error("#VALUE!".to_owned()),
        };
        let at = |row, col| CellRef {
            sheet: Some(table.sheet.clone()),
            row,
            col,
            row_abs,
            col_abs: true,
        };
        if (r0, c0) == (r1, c1) {
            Expr::Ref(at(r0, c0))
        } else {
            Expr::Range(at(r0, c0), at(r1, c1))
        }
    }

    /// After a word the evaluator cannot resolve: the rest of the operand
    /// (a column range `A:B`, a structured reference) read as unknown.
    fn skip_unknown(&mut self) -> Option<Expr> {
        while let Some(b) = self.peek() {
            if b == b':' || b.is_ascii_alphanumeric() || b == b'$' {
                self.i += 1;
            } else if b == b'[' {
                let mut depth = 0usize;
                while let Some(b) = self.peek() {
                    self.i += 1;
                    match b {
                        b'[' => depth += 1,
                        b']' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            } else {
                break;
            }
        }
        Some(Expr::Unknown)
    }

    /// `Sheet1!` or `'Sheet name'!` before a reference; `None` when there is
    /// none (the position is left as it was). Another workbook (`[1]Sheet!`)
    /// is not a sheet of this one.
    fn sheet_prefix(&mut self) -> Option<String> {
        let start = self.i;
        let name = if self.peek() == Some(b'\'') {
            self.i += 1;
            let mut out = Vec::new();
            loop {
                let Some(b) = self.peek() else {
                    self.i = start;
                    return None;
                };
                self.i += 1;
                if b == b'\'' {
                    if self.peek() == Some(b'\'') {
                        self.i += 1;
                        out.push(b'\'');
                    } else {
                        break;
                    }
                } else {
                    out.push(b);
                }
            }
            String::from_utf8(out).ok()
        } else {
            while self
                .peek()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b >= 0x80)
            {
                self.i += 1;
            }
            std::str::from_utf8(&self.s[start..self.i])
                .ok()
                .map(str::to_owned)
        };
        if self.peek() == Some(b'!') && name.as_ref().is_some_and(|n| !n.is_empty()) {
            self.i += 1;
            return name;
        }
        self.i = start;
        None
    }

    fn args(&mut self) -> Option<Vec<Expr>> {
        let mut out = Vec::new();
        self.space();
        if self.peek() == Some(b')') {
            self.i += 1;
            return Some(out);
        }
        loop {
            self.space();
            if matches!(self.peek(), Some(b',' | b')')) {
                out.push(Expr::Missing);
            } else {
                out.push(self.expr(0)?);
            }
            self.space();
            match self.peek()? {
                b',' => self.i += 1,
                b')' => {
                    self.i += 1;
                    return Some(out);
                }
                _ => return None,
            }
        }
    }
}

/// A defined name's range as a formula reads it: absolute, on its sheet
/// (a single cell as a reference).
fn named_range((sheet, first, last): &SheetRange) -> Expr {
    let at = |(row, col): (u32, u32)| CellRef {
        sheet: Some(sheet.clone()),
        row,
        col,
        row_abs: true,
        col_abs: true,
    };
    if first == last {
        Expr::Ref(at(*first))
    } else {
        Expr::Range(at(*first), at(*last))
    }
}

/// `A1`, `$B$12`, `AB7` as a reference (`None` for anything else).
fn cell_ref(word: &str, sheet: Option<String>) -> Option<CellRef> {
    let b = word.as_bytes();
    let mut i = 0;
    let col_abs = b.first() == Some(&b'$');
    i += usize::from(col_abs);
    let c0 = i;
    while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    let letters = &b[c0..i];
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let row_abs = b.get(i) == Some(&b'$');
    i += usize::from(row_abs);
    let digits = &b[i..];
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) || digits[0] == b'0' {
        return None;
    }
    let col = letters.iter().fold(0u32, |a, l| {
        a * 26 + u32::from(l.to_ascii_uppercase() - b'A' + 1)
    }) - 1;
    let row: u32 = std::str::from_utf8(digits).ok()?.parse().ok()?;
    (row <= 1 << 20 && col < 1 << 14).then_some(CellRef {
        sheet,
        row: row - 1,
        col,
        row_abs,
        col_abs,
    })
}

#[cfg(test)]
#[path = "formula_tests.rs"]
mod tests;

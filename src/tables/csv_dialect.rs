//! CSV dialects: who a CSV file is for, the options that follow, and the
//! guard against formula injection.
//!
//! [`CsvDialect::Italian`], the default, is what a spreadsheet set to
//! Italian opens in columns with accents intact (`;`, a UTF-8 byte order
//! mark, decimal comma); [`CsvDialect::Rfc`] is for scripts (`,`, no mark,
//! decimal point). `--delimiter` and `--bom` override a dialect's choice.

/// Who a CSV file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum CsvDialect {
    /// A spreadsheet set to Italian: `;`, a UTF-8 byte order mark, decimal
    /// comma.
    #[default]
    Italian,
    /// Scripts (RFC 4180 as most parsers expect it): `,`, no byte order
    /// mark, decimal point.
    Rfc,
}

/// CSV writing options, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableOptions {
    pub delimiter: u8,
    pub bom: bool,
    /// Guard against formula injection (on unless --raw).
    pub guard: bool,
    /// Write decimal numbers with a comma (`12,5`), the convention of
    /// spreadsheets set to Italian, where a comma is the decimal separator
    /// and `12.5` would be read as text or a date.
    pub decimal_comma: bool,
}

impl Default for TableOptions {
    /// The Italian dialect, guarded.
    fn default() -> Self {
        TableOptions::new(CsvDialect::Italian, None, None, true)
    }
}

impl TableOptions {
    /// A dialect's options, with the delimiter and the byte order mark
    /// overridden when given. The decimal separator follows the dialect,
    /// but a `,` delimiter always takes a decimal point: `12,5` in a
    /// comma-separated file would be quoted and read back as text.
    pub fn new(dialect: CsvDialect, delimiter: Option<u8>, bom: Option<bool>, guard: bool) -> Self {
        let italian = dialect == CsvDialect::Italian;
        let delimiter = delimiter.unwrap_or(if italian { b';' } else { b',' });
        TableOptions {
            delimiter,
            bom: bom.unwrap_or(italian),
            guard,
            decimal_comma: italian && delimiter != b',',
        }
    }
}

/// Guards one CSV cell against formula injection: a cell that begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, which
/// spreadsheets show as text and never evaluate.
///
/// A plain number (`-5`, `+3`, `-12,5`) is left alone: a spreadsheet reads it
/// as the number it is and no formula can hide in it, while a quote would turn
/// a genuine negative weight or count into text. Anything else that starts
/// with one of those characters, `-2+3` or `=SI` included, is guarded.
pub fn guard_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    if risky && !is_plain_number(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A sign, digits, at most one decimal separator (`.` or `,`) followed by digits.
fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let mut parts = body.splitn(2, ['.', ',']);
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_prefixes_formula_starts_but_not_plain_numbers() {
        assert_eq!(guard_cell("=SI"), "'=SI");
        assert_eq!(guard_cell("+39 02 1234"), "'+39 02 1234");
        assert_eq!(guard_cell("-2+3"), "'-2+3");
        assert_eq!(guard_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard_cell("\tx"), "'\tx");
        assert_eq!(guard_cell("\rx"), "'\rx");
        assert_eq!(guard_cell("-5"), "-5");
        assert_eq!(guard_cell("+3"), "+3");
        assert_eq!(guard_cell("-12,5"), "-12,5");
        assert_eq!(guard_cell("-12."), "'-12.");
        assert_eq!(guard_cell("-"), "'-");
        assert_eq!(guard_cell("SI"), "SI");
        assert_eq!(guard_cell("a=b"), "a=b");
        assert_eq!(guard_cell(""), "");
    }

    #[test]
    fn dialects_and_their_overrides() {
        let o = |d, delim, bom| TableOptions::new(d, delim, bom, true);
        let it = o(CsvDialect::Italian, None, None);
        assert_eq!((it.delimiter, it.bom, it.decimal_comma), (b';', true, true));
        let rfc = o(CsvDialect::Rfc, None, None);
        assert_eq!(
            (rfc.delimiter, rfc.bom, rfc.decimal_comma),
            (b',', false, false)
        );
        // Overrides: a tab keeps the Italian decimal comma, a comma never
        // does; the mark can be dropped or added.
        let tab = o(CsvDialect::Italian, Some(b'\t'), Some(false));
        assert_eq!(
            (tab.delimiter, tab.bom, tab.decimal_comma),
            (b'\t', false, true)
        );
        assert!(!o(CsvDialect::Italian, Some(b','), None).decimal_comma);
        let semi = o(CsvDialect::Rfc, Some(b';'), Some(true));
        assert_eq!(
            (semi.delimiter, semi.bom, semi.decimal_comma),
            (b';', true, false)
        );
    }
}

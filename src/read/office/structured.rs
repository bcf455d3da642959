//! Structured references: a formula's way of naming a part of an Excel
//! table by the table's name and its columns' headers, as a workbook
//! stores them (`Movimenti[Importo]`, `Movimenti[[#Headers],[Importo]]`,
//! `Movimenti[[#This Row],[Importo]]`, `Movimenti[[Importo]:[Saldo]]`,
//! `Movimenti[#All]`, `Movimenti[]`), and the `@` form a hand-written
//! formula may use for the formula's own row (`Movimenti[@Importo]`).
//!
//! This module reads the bracketed part after a table's name into the
//! rectangle it names; [`super::formula`] makes that a reference.

/// An Excel table as structured references see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet the table is on.
    pub sheet: String,
    /// The table's first and last cell (0-based row and column), its
    /// header and totals rows included.
    pub first: (u32, u32),
    pub last: (u32, u32),
    /// How many header rows (0 or 1) and totals rows (0 or 1) it has.
    pub header_rows: u32,
    pub totals_rows: u32,
    /// The columns' names, left to right.
    pub columns: Vec<String>,
}

/// The rows a structured reference names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rows {
    /// Rows `first..=last` of the sheet.
    Span(u32, u32),
    /// The formula's own row.
    ThisRow,
}

/// What a structured reference names: rows and columns `first..=last` of
/// the table's sheet, or an error value when the part it names is absent
/// (`#REF!`: the totals of a table without a totals row).
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Area { rows: Rows, cols: (u32, u32) },
    Error(&'static str),
}

/// A special item of a structured reference.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Item {
    All,
    Data,
    Headers,
    Totals,
    ThisRow,
}

fn item(word: &str) -> Option<Item> {
    let w = word.trim().to_ascii_lowercase();
    Some(match w.as_str() {
        "#all" => Item::All,
        "#data" => Item::Data,
        "#headers" => Item::Headers,
        "#totals" => Item::Totals,
        "#this row" => Item::ThisRow,
        _ => return None,
    })
}

/// Reads the structured reference that starts at `s[*i]` (an opening
/// bracket right after `table`'s name) and moves `*i` past it. `None`
/// when it is not one the table has (an unknown column, items that do not
/// make one rectangle); `*i` is then left anywhere.
pub fn read(s: &[u8], i: &mut usize, table: &Table) -> Option<Part> {
    if s.get(*i) != Some(&b'[') {
        return None;
    }
    *i += 1;
    let mut items = Vec::new();
    let mut cols: Option<(String, Option<String>)> = None;
    skip_space(s, i);
    if s.get(*i) == Some(&b'@') {
        *i += 1;
        items.push(Item::ThisRow);
    }
    skip_space(s, i);
    match s.get(*i)? {
        b']' => *i += 1,
        b'[' => loop {
            // A list of bracketed parts: items and a column or a range of them.
            let first = bracketed(s, i)?;
            if let Some(it) = item(&first) {
                items.push(it);
            } else {
                let mut second = None;
                if s.get(*i) == Some(&b':') {
                    *i += 1;
                    second = Some(bracketed(s, i)?);
                }
                if cols.replace((first, second)).is_some() {
                    return None;
                }
            }
            skip_space(s, i);
            match s.get(*i)? {
                b',' => {
                    *i += 1;
                    skip_space(s, i);
                }
                b']' => {
                    *i += 1;
                    break;
                }
                _ => return None,
            }
        },
        _ => {
            // One simple item: a special item or a column's name.
            let text = until_close(s, i)?;
            match item(&text) {
                Some(it) => items.push(it),
                None if text.trim().is_empty() => {}
                None => cols = Some((text, None)),
            }
        }
    }
    part(table, &items, cols)
}

/// The table's data rows, every column: what its name alone names in a
/// formula.
pub fn data(table: &Table) -> Part {
    part(table, &[Item::Data], None).unwrap_or(Part::Error("#REF!"))
}

/// The rectangle of `table` that `items` and the column (or range of
/// columns) name.
fn part(table: &Table, items: &[Item], cols: Option<(String, Option<String>)>) -> Option<Part> {
    let col = |name: &str| {
        let at = table
            .columns
            .iter()
            .position(|c| c.to_lowercase() == name.to_lowercase())?;
        Some(table.first.1 + at as u32)
    };
    let cols = match cols {
        None => (table.first.1, table.last.1),
        Some((a, None)) => (col(&a)?, col(&a)?),
        Some((a, Some(b))) => {
            let (a, b) = (col(&a)?, col(&b)?);
            (a.min(b), a.max(b))
        }
    };
    let has = |x: Item| items.contains(&x);
    if has(Item::ThisRow) {
        return (items.len() == 1).then_some(Part::Area {
            rows: Rows::ThisRow,
            cols,
        });
    }
    let (top, bottom) = (table.first.0, table.last.0);
    let data_top = top + table.header_rows;
    let data_bottom = bottom.checked_sub(table.totals_rows)?;
    let (headers, data, totals) = (has(Item::Headers), has(Item::Data), has(Item::Totals));
    let span = if has(Item::All) {
        Some((top, bottom))
    } else {
        match (headers, data || items.is_empty(), totals) {
            (true, false, false) => (table.header_rows > 0).then_some((top, data_top - 1)),
            (false, true, false) => Some((data_top, data_bottom)),
            (false, false, true) => (table.totals_rows > 0).then_some((data_bottom + 1, bottom)),
            (true, true, false) => Some((top, data_bottom)),
            (false, true, true) => Some((data_top, bottom)),
            // Headers with totals and nothing between: not one rectangle.
            _ => return None,
        }
    };
    Some(match span {
        Some((a, b)) if a <= b => Part::Area {
            rows: Rows::Span(a, b),
            cols,
        },
        _ => Part::Error("#REF!"),
    })
}

fn skip_space(s: &[u8], i: &mut usize) {
    while s.get(*i).is_some_and(|b| *b == b' ') {
        *i += 1;
    }
}

/// `[text]` at `s[*i]`: its text, with the escapes of a column's name
/// (`'[`, `']`, `'#`, `''`) read as the characters they escape.
fn bracketed(s: &[u8], i: &mut usize) -> Option<String> {
    skip_space(s, i);
    if s.get(*i) != Some(&b'[') {
        return None;
    }
    *i += 1;
    until_close(s, i)
}

/// The text up to the next unescaped `]`, which is passed over.
fn until_close(s: &[u8], i: &mut usize) -> Option<String> {
    let mut out = Vec::new();
    loop {
        let b = *s.get(*i)?;
        *i += 1;
        match b {
            b'\'' => {
                out.push(*s.get(*i)?);
                *i += 1;
            }
            b']' => return String::from_utf8(out).ok(),
            b'[' => return None,
            _ => out.push(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Movimenti` on A1:C5: a header row, three data rows, a totals row.
    fn movimenti() -> Table {
        Table {
            sheet: "Dati".to_owned(),
            first: (0, 0),
            last: (4, 2),
            header_rows: 1,
            totals_rows: 1,
            columns: vec!["Voce".into(), "Importo".into(), "Saldo [€]".into()],
        }
    }

    fn area(text: &str) -> Option<Part> {
        let mut i = 0;
        let r = read(text.as_bytes(), &mut i, &movimenti());
        assert!(r.is_none() || i == text.len(), "{text}: stopped at {i}");
        r
    }

    fn span(a: u32, b: u32, c: u32, d: u32) -> Option<Part> {
        Some(Part::Area {
            rows: Rows::Span(a, b),
            cols: (c, d),
        })
    }

    #[test]
    fn a_column_or_nothing_names_the_data_rows() {
        assert_eq!(area("[Importo]"), span(1, 3, 1, 1));
        assert_eq!(area("[importo]"), span(1, 3, 1, 1));
        assert_eq!(area("[]"), span(1, 3, 0, 2));
        assert_eq!(area("[#Data]"), span(1, 3, 0, 2));
        assert_eq!(area("[Saldo '[€']]"), span(1, 3, 2, 2));
        assert_eq!(area("[Manca]"), None);
    }

    #[test]
    fn special_items_name_the_header_the_totals_or_all_of_it() {
        assert_eq!(area("[#All]"), span(0, 4, 0, 2));
        assert_eq!(area("[[#Headers],[Importo]]"), span(0, 0, 1, 1));
        assert_eq!(area("[[#Totals],[Voce]]"), span(4, 4, 0, 0));
        assert_eq!(area("[[#Headers],[#Data],[Importo]]"), span(0, 3, 1, 1));
        assert_eq!(area("[[#Data], [#Totals], [Voce]]"), span(1, 4, 0, 0));
        assert_eq!(area("[[#Headers],[#Totals]]"), None);
        let mut bare = movimenti();
        bare.totals_rows = 0;
        let mut i = 0;
        assert_eq!(
            read(b"[#Totals]", &mut i, &bare),
            Some(Part::Error("#REF!"))
        );
    }

    #[test]
    fn a_range_of_columns_and_the_formula_s_own_row() {
        assert_eq!(area("[[Importo]:[Voce]]"), span(1, 3, 0, 1));
        let this = |a, b| {
            Some(Part::Area {
                rows: Rows::ThisRow,
                cols: (a, b),
            })
        };
        assert_eq!(area("[[#This Row],[Importo]]"), this(1, 1));
        assert_eq!(area("[@Importo]"), this(1, 1));
        assert_eq!(area("[@[Importo]:[Saldo '[€']]]"), this(1, 2));
        assert_eq!(area("[@]"), this(0, 2));
        assert_eq!(area("[[#This Row],[#Totals]]"), None);
    }
}

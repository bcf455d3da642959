//! HTML `<table>`s as tables: the grid the markup declares.
//!
//! A web page says where its cells are, so its tables need no geometry: each
//! `<tr>` is a row and each `<td>`/`<th>` a cell, `colspan` and `rowspan`
//! cover several positions (a cell lands at the first position its row has
//! free, as browsers place them). A cell's text is its text with white space
//! collapsed; its byte range in the page's text is found by reading the page
//! text forward from the previous cell (the text writer put the cells there,
//! in the same order). Tables inside page chrome (menus, footers) are
//! skipped as the text skips them; a table inside a cell is a table of its
//! own. Counts are capped so that a hostile page cannot build a huge grid.

use scraper::{ElementRef, Selector};

use atti_page::{Table, TableCell, TableMode};

/// Most tables read from one page, rows per table, and positions a span may cover.
const MAX_TABLES: usize = 500;
const MAX_ROWS: usize = 5_000;
const MAX_SPAN: u32 = 100;
/// Most grid positions of one table (rows × columns).
const MAX_POSITIONS: usize = 200_000;

/// The tables under `root` (the page's main content), with the byte ranges
/// of their cells in `text`.
pub fn tables(
    root: ElementRef<'_>,
    text: &str,
    is_chrome: impl Fn(&scraper::node::Element) -> bool,
) -> Vec<Table> {
    let table_sel = Selector::parse("table").expect("valid selector");
    let mut out = Vec::new();
    let mut cursor = 0usize;
    for t in root.select(&table_sel) {
        if out.len() >= MAX_TABLES {
            break;
        }
        if t.ancestors()
            .filter_map(|a| a.value().as_element())
            .any(&is_chrome)
        {
            continue;
        }
        if let Some(table) = read_table(t, text, &mut cursor) {
            out.push(table);
        }
    }
    out
}

/// The rows of a table element: its `tr`s, directly or under
/// `thead`/`tbody`/`tfoot`, never those of a table nested in a cell.
fn rows_of(table: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    let mut rows = Vec::new();
    for child in table.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "tr" => rows.push(child),
            "thead" | "tbody" | "tfoot" => rows.extend(
                child
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|e| e.value().name() == "tr"),
            ),
            _ => {}
        }
        if rows.len() >= MAX_ROWS {
            rows.truncate(MAX_ROWS);
            break;
        }
    }
    rows
}

fn span(e: ElementRef<'_>, attr: &str) -> u32 {
    e.value()
        .attr(attr)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_SPAN)
}

fn read_table(t: ElementRef<'_>, text: &str, cursor: &mut usize) -> Option<Table> {
    let rows = rows_of(t);
    // Which positions of each row are taken by a cell from a row above.
    let mut taken: Vec<Vec<bool>> = Vec::new();
    let mut cells = Vec::new();
    let mut cols = 0u32;
    for (r, tr) in rows.iter().enumerate() {
        let mut col = 0u32;
        for td in tr
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|e| matches!(e.value().name(), "td" | "th"))
        {
            while taken
                .get(r)
                .and_then(|row| row.get(col as usize))
                .copied()
                .unwrap_or(false)
            {
                col += 1;
            }
            let (rs, cs) = (span(td, "rowspan"), span(td, "colspan"));
            let rs = rs.min((rows.len() - r) as u32);
            if (cols.max(col + cs) as usize) * rows.len() > MAX_POSITIONS {
                return None;
            }
            for rr in r..r + rs as usize {
                if taken.len() <= rr {
                    taken.resize(rr + 1, Vec::new());
                }
                let row = &mut taken[rr];
                if row.len() < (col + cs) as usize {
                    row.resize((col + cs) as usize, false);
                }
                for c in col..col + cs {
                    row[c as usize] = true;
                }
            }
            let cell_text = collapse(td);
            let (start, end) = locate(text, &cell_text, cursor);
            cells.push(TableCell {
                row: r as u32,
                col,
                row_span: rs,
                col_span: cs,
                text: cell_text,
                bbox: [0.0; 4],
                start,
                end,
                value: None,
            });
            col += cs;
            cols = cols.max(col);
        }
    }
    if cells.is_empty() {
        return None;
    }
    Some(Table {
        mode: TableMode::Markup,
        bbox: [0.0; 4],
        rows: rows.len() as u32,
        cols,
        cells,
        covered: Vec::new(),
    })
}

/// A cell's text with white space collapsed.
fn collapse(e: ElementRef<'_>) -> String {
    let mut s = String::new();
    for part in e.text().flat_map(str::split_whitespace) {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(part);
    }
    s
}

/// Where a cell's text sits in the page text, looked for from `cursor` on
/// (and the cursor moved past it); `(0, 0)` for an empty cell or one the
/// text does not hold as such.
fn locate(text: &str, cell: &str, cursor: &mut usize) -> (usize, usize) {
    if cell.is_empty() {
        return (0, 0);
    }
    let from = (*cursor).min(text.len());
    match text.get(from..).and_then(|rest| rest.find(cell)) {
        Some(i) => {
            let start = from + i;
            *cursor = start + cell.len();
            (start, start + cell.len())
        }
        None => (0, 0),
    }
}

#[cfg(test)]
mod tests {
    use crate::read::html::read;
    use crate::read::Limits;

    #[test]
    fn cells_with_spans_land_where_a_browser_puts_them() {
        let html = r#"<html><body><main><p>FASI</p><table>
            <thead><tr><th rowspan="2">Descrizione</th><th colspan="2">Previsto</th><th rowspan="2">Responsabile</th></tr>
            <tr><th>Inizio</th><th>Fine</th></tr></thead>
            <tbody><tr><td>Predisposizione   bozza</td><td>01/01/2021</td><td>30/04/2021</td><td>ROSSI MARIA</td></tr>
            <tr><td>Incontri</td><td></td><td>31/12/2021</td><td>BIANCHI ANNA</td></tr></tbody>
            </table></main></body></html>"#;
        let e = read(html.as_bytes(), &Limits::default()).unwrap();
        let page = &e.pages[0];
        assert_eq!(page.tables.len(), 1);
        let t = &page.tables[0];
        assert_eq!((t.rows, t.cols), (4, 4));
        let at = |r, c| t.cell_at(r, c).map(|c| c.text.as_str());
        assert_eq!(at(0, 0), Some("Descrizione"));
        assert_eq!(
            at(1, 0),
            Some("Descrizione"),
            "a rowspan covers the row below"
        );
        assert_eq!(at(0, 2), Some("Previsto"), "a colspan covers two columns");
        assert_eq!(at(1, 1), Some("Inizio"));
        assert_eq!(at(1, 2), Some("Fine"));
        assert_eq!(at(1, 3), Some("Responsabile"));
        assert_eq!(at(2, 0), Some("Predisposizione bozza"));
        assert_eq!(at(3, 1), Some(""));
        assert_eq!(at(3, 3), Some("BIANCHI ANNA"));
        // Each cell's range points at its text in the page.
        for c in t.cells.iter().filter(|c| !c.text.is_empty()) {
            assert_eq!(&page.text[c.start..c.end], c.text, "{c:?}");
        }
    }

    #[test]
    fn tables_in_chrome_are_not_read_and_hostile_spans_are_capped() {
        let html = format!(
            r#"<html><body><nav><table><tr><td>Home</td></tr></table></nav>
            <table><tr><td colspan="99999" rowspan="99999">x</td></tr>{}</table></body></html>"#,
            "<tr><td>a</td></tr>".repeat(3)
        );
        let e = read(html.as_bytes(), &Limits::default()).unwrap();
        let tables = &e.pages[0].tables;
        assert_eq!(tables.len(), 1);
        assert!(
            tables[0].cols == 101 && tables[0].rows == 4,
            "{:?}",
            tables[0]
        );
    }
}

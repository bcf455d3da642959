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

/// The baseline of a line's words.
fn baseline(words: &[Piece]) -> f32 {
    median(
        words
            .iter()
            .filter(|w| !has_any(&w.text, DESCENDERS))
            .map(|w| w.b[3])
            .collect(),
    )
    .unwrap_or_else(|| {
        let top = words.iter().map(|w| w.b[1]).fold(f32::MAX, f32::min);
        let bottom = words.iter().map(|w| w.b[3]).fold(0.0, f32::max);
        bottom - 0.22 * (bottom - top)
    })
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
    let facts: Vec<(f32, f32, f32, f32)> = lines
        .iter()
        .map(|l| {
            let (x0, x1) = span(&l.words);
            (baseline(&l.words), size(&l.words), x0, x1)
        })
        .collect();
    // Each row: its lines (indices into `lines`).
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut columns = false;
    for i in 0..lines.len() {
        let (base, sz, x0, x1) = facts[i];
        let mut best: Option<(usize, f32)> = None;
        for (g, members) in groups.iter().enumerate() {
            let (gb, gs) = row_facts(members, &facts);
            let tol = SAME_ROW * gs.max(sz).min(2.0 * gs.min(sz));
            let d = (gb - base).abs();
            let overlaps = members.iter().any(|&m| {
                let (_, _, a0, a1) = facts[m];
                x0 < a1 - 0.1 * sz && a0 < x1 - 0.1 * sz
            });
            if d <= tol && !overlaps && best.is_none_or(|(_, bd)| d < bd) {
                best = Some((g, d));
            }
        }
        match best {
            Some((g, _)) if !gutter(&groups[g], i, &facts, width) => groups[g].push(i),
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

/// tesseract's lines cut where a gap wider than [`SPLIT_GAP`] font size
/// parts their words (it may read a margin and the text beside it as one
/// line though they stand on two baselines): each piece finds its row.
fn split_at_gaps(lines: Vec<Line>) -> Vec<Line> {
    let mut out = Vec::new();
    for l in lines {
        if l.words.is_empty() {
            continue;
        }
        let gap = SPLIT_GAP * size(&l.words);
        let mut cur: Vec<Piece> = Vec::new();
        for w in l.words {
            if cur.last().is_some_and(|p| w.b[0] - p.b[2] > gap) {
                out.push(Line {
                    words: std::mem::take(&mut cur),
                    block: l.block,
                });
            }
            cur.push(w);
        }
        out.push(Line {
            words: cur,
            block: l.block,
        });
    }
    out
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(block: u32, words: &[(&str, [f32; 4])]) -> Line {
        Line {
            block,
            words: words
                .iter()
                .map(|(t, b)| Piece {
                    text: (*t).into(),
                    b: *b,
                    conf: 95.0,
                })
                .collect(),
        }
    }

    #[test]
    fn a_margin_beside_a_subject_is_one_row_with_it() {
        // The boxes of a real page at 300 dpi (a determination of Avella):
        // the margin's "N. 52 DEL" sits 14 px above the subject's baseline,
        // and tesseract reads it as a block of its own.
        let lines = vec![
            line(6, &[("DETERMINAZIONE", [461., 846., 1000., 886.])]),
            line(
                8,
                &[
                    ("N.", [231., 913., 260., 945.]),
                    ("DEL", [340., 913., 436., 945.]),
                ],
            ),
            line(
                9,
                &[
                    ("OGGETTO:", [564., 927., 800., 959.]),
                    ("progetto", [2200., 927., 2353., 968.]),
                ],
            ),
            line(9, &[("28/04/2026", [230., 965., 437., 997.])]),
            line(
                10,
                &[
                    ("“LEGAMI", [564., 980., 780., 1012.]),
                    ("la", [2300., 980., 2354., 1012.]),
                ],
            ),
        ];
        let rows = rows(lines, 2550.0);
        let text: Vec<String> = rows
            .iter()
            .map(|r| {
                r.words
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(
            text,
            [
                "DETERMINAZIONE",
                "N. DEL OGGETTO: progetto",
                "28/04/2026 “LEGAMI la"
            ]
        );
        assert!((rows[1].base - 959.0).abs() < 0.1, "the subject's baseline");
        assert!((rows[0].size - 40.0 / CAP_HEIGHT).abs() < 0.1);
    }

    #[test]
    fn a_line_across_two_baselines_is_cut_at_its_gap() {
        // tesseract read the margin's "Registro Generale" and the subject's
        // last line as one line; their baselines are 30 px apart.
        let lines = vec![line(
            11,
            &[
                ("Registro", [168., 1114., 300., 1146.]),
                ("Generale", [310., 1114., 440., 1146.]),
                ("Impegno", [564., 1138., 740., 1179.]),
                ("spesa", [760., 1138., 880., 1179.]),
                ("di", [890., 1138., 930., 1170.]),
            ],
        )];
        let rows = rows(lines, 2550.0);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].words.len(), 2);
        assert_eq!(rows[1].words[0].text, "Impegno");
    }

    #[test]
    fn two_columns_of_prose_stay_apart() {
        // A bulletin page: two columns 1000 px wide, baselines level.
        let mut lines = Vec::new();
        for k in 0..8 {
            let y = 500.0 + 60.0 * k as f32;
            lines.push(line(1, &[("sinistra", [150., y, 1150., y + 31.])]));
        }
        for k in 0..8 {
            let y = 500.0 + 60.0 * k as f32;
            lines.push(line(2, &[("destra", [1240., y, 2240., y + 31.])]));
        }
        let rows = rows(lines, 2480.0);
        assert_eq!(rows.len(), 16);
        assert!(rows[..8].iter().all(|r| r.words[0].text == "sinistra"));
    }

    #[test]
    fn a_heading_beside_a_column_that_ends_is_its_own_row() {
        // The lines of a real bulletin page at 300 dpi (Regione Lombardia,
        // 2221 px wide), as tesseract boxed them: the act's heading at the
        // top of the left column, beside the end of the right column's
        // paragraph, a web address and a signature, then prose again.
        let left = [
            ("D.G. Ambiente", [85., 283., 691., 327.]),
            ("Dduo", [85., 339., 659., 363.]),
            ("Progetto", [85., 373., 1067., 405.]),
            ("Esistente", [84., 407., 1067., 437.]),
            ("Delebio", [85., 440., 1068., 472.]),
            ("Spa", [84., 474., 1068., 506.]),
            ("Del Lario", [84., 507., 1067., 539.]),
            ("Aprile", [84., 541., 581., 571.]),
        ];
        let right = [
            ("Cinque", [1188., 259., 2138., 290.]),
            ("Dispositiva", [1153., 294., 1649., 325.]),
            ("Sei", [1188., 341., 2139., 374.]),
            ("Sente", [1153., 377., 1660., 408.]),
            ("Www", [1197., 424., 1888., 451.]),
            ("Direttore", [1843., 471., 2138., 503.]),
            ("Franco", [1940., 507., 2138., 532.]),
            ("Avverso", [1188., 577., 2139., 609.]),
            ("Giurisdizionale", [1153., 613., 2138., 645.]),
        ];
        let mut lines: Vec<Line> = left.iter().map(|(t, b)| line(1, &[(t, *b)])).collect();
        lines.extend(right.iter().map(|(t, b)| line(2, &[(t, *b)])));
        let rows = rows(lines, 2221.0);
        let dump: Vec<String> = rows
            .iter()
            .map(|r| {
                format!(
                    "{} {:?}",
                    r.base,
                    r.words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>()
                )
            })
            .collect();
        assert_eq!(rows.len(), 17, "no row joins the two columns: {dump:#?}");
        assert_eq!(rows[0].words[0].text, "D.G. Ambiente");
        assert_eq!(rows[8].words[0].text, "Cinque", "the left column first");
    }

    #[test]
    fn an_act_heading_beside_prose_keeps_its_lines() {
        // A bulletin page at 300 dpi (Regione Lombardia, 2221 px wide): a
        // decree's heading in four lines at the left column's top, the
        // right column's prose level with it; the running head above
        // has a page number over the gutter.
        let left = [
            ("Bollettino", [85., 119., 364., 145.]),
            ("Dgr", [85., 259., 648., 291.]),
            ("Determinazione", [85., 292., 1067., 322.]),
            ("Controlli", [84., 327., 1067., 358.]),
            ("Sensi", [84., 360., 1071., 392.]),
            ("N", [85., 393., 420., 425.]),
            ("LA GIUNTA", [406., 458., 747., 483.]),
            ("Viste", [119., 506., 197., 531.]),
            ("La", [155., 553., 1068., 584.]),
            ("Consiglio", [155., 589., 1068., 620.]),
            ("Industriali", [155., 625., 1068., 656.]),
        ];
        let right = [
            ("55", [1066., 119., 1155., 145.]),
            ("Regione", [1806., 65., 2087., 142.]),
            ("Lombardia", [1907., 106., 2139., 137.]),
            ("Serie", [1405., 187., 2137., 220.]),
            ("Rezioni", [1154., 259., 2137., 286.]),
            ("Imprenditoriali", [1154., 294., 2139., 326.]),
            ("Dividuare", [1153., 329., 2139., 362.]),
            ("Gionale", [1153., 365., 2139., 397.]),
            ("Sia", [1153., 401., 2138., 428.]),
            ("Visto", [1188., 448., 2138., 480.]),
            ("Reti", [1154., 483., 2139., 515.]),
            ("Finite", [1152., 518., 2137., 551.]),
            ("Alle", [1153., 554., 2139., 586.]),
            ("Sulle", [1153., 590., 2139., 622.]),
            ("Ricordato", [1153., 626., 2139., 658.]),
        ];
        let mut lines: Vec<Line> = left.iter().map(|(t, b)| line(1, &[(t, *b)])).collect();
        lines.extend(right.iter().map(|(t, b)| line(2, &[(t, *b)])));
        let rows = rows(lines, 2221.0);
        let dump: Vec<String> = rows
            .iter()
            .map(|r| {
                r.words
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        for name in ["Dgr", "Determinazione", "Controlli", "Sensi"] {
            assert!(dump.iter().any(|r| r == name), "{name} alone: {dump:#?}");
        }
    }

    #[test]
    fn a_logo_read_as_a_letter_is_left_out() {
        let lines = vec![
            line(1, &[("g", [311., 181., 386., 289.])]),
            line(2, &[("DETERMINA", [766., 467., 1054., 499.])]),
            line(2, &[("APPALTO", [261., 528., 439., 555.])]),
        ];
        let rows = rows(lines, 2480.0);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].words[0].text, "DETERMINA");
    }
}

//! A group label over two columns, narrower than they are: centred over
//! the text of both (`Cassa` over `Stanziamento` and `Pagato`), it reaches
//! into the gap between them without crossing it, off the centre of the
//! column its middle falls in. The region takes such a line into its
//! header as it takes a line of several labels ([`crate::region`]); the
//! stream reader sets the label over both columns ([`crate::stream`]).
//! A label centred over three columns or more falls within the middle
//! one's text: it is told from that column's own label by the pitch to
//! the labels below it ([`over_blocks`]).

use crate::geom::overlap;
use crate::lines::TextLine;
use crate::piece::Piece;
use crate::settings::Settings;

/// The header's labels over several columns: those centred over a block
/// of three or more ([`over_blocks`]), then the labels over two lines
/// beside them ([`lower_wrapped_labels`]), on the lines [`group_lines`]
/// gives.
pub(crate) fn place_labels(
    pieces: &mut [Piece],
    lines: &[TextLine],
    header_lines: usize,
    s: &Settings,
) {
    let k = group_lines(pieces, lines.len(), header_lines, s.header_max_lines);
    over_blocks(pieces, lines, k, s.centred_share, s.header_line_pitch);
    lower_wrapped_labels(pieces, lines, k, s.header_line_pitch);
}

/// The first of the two columns the label from `x0` to `x1` labels, if it
/// is one: it reaches into exactly one of `gaps` (columns are divided at
/// the gaps' middles), lies off the centre of its own column's text and
/// within `share` of their width of the centre of the two columns' text
/// together. The columns' text is what the extents `texts` set within one
/// column.
pub(crate) fn over_pair(
    (x0, x1): (f32, f32),
    texts: impl IntoIterator<Item = (f32, f32)>,
    gaps: &[(f32, f32)],
    share: f32,
) -> Option<usize> {
    let mut into = gaps
        .iter()
        .enumerate()
        .filter(|(_, &(lo, hi))| overlap(x0, x1, lo, hi) > 0.0)
        .map(|(k, _)| k);
    let (Some(k), None) = (into.next(), into.next()) else {
        return None;
    };
    let col = |x: f32| gaps.partition_point(|g| (g.0 + g.1) / 2.0 <= x);
    let mut ext = [(f32::INFINITY, f32::NEG_INFINITY); 2];
    for (a, b) in texts {
        let c = col(a);
        if c != col(b) || (c != k && c != k + 1) {
            continue;
        }
        let e = &mut ext[c - k];
        *e = (e.0.min(a), e.1.max(b));
    }
    let centre = (x0 + x1) / 2.0;
    let centred =
        |(lo, hi): (f32, f32)| hi > lo && (centre - (lo + hi) / 2.0).abs() <= share * (hi - lo);
    let own = ext[col(centre).clamp(k, k + 1) - k];
    let both = (ext[0].0.min(ext[1].0), ext[0].1.max(ext[1].1));
    (ext.iter().all(|e| e.1 > e.0) && !centred(own) && centred(both)).then_some(k)
}

/// The lines of a header that group labels may stand on: the region's
/// header (`header_lines`) or, when longer, the lines above the first
/// value (a number, a date, a code), at most `max_lines` of them; all of
/// a region of `lines` lines with no value, no taller than that (a
/// header read apart from its body, [`crate::header_above`]).
fn group_lines(pieces: &[Piece], lines: usize, header_lines: usize, max_lines: usize) -> usize {
    let first_value = pieces
        .iter()
        .filter(|p| !p.alpha && p.digits)
        .map(|p| p.line)
        .min()
        .unwrap_or(lines);
    let above_values = if first_value <= max_lines {
        first_value
    } else {
        0
    };
    header_lines.max(above_values)
}

/// A group label centred over an odd block of columns (`Plan` over
/// `Revenue`, `Capital`, `Total`): its middle falls on the middle column,
/// so [`over_pair`] cannot tell it from that column's own label. What
/// tells it is the line below: the next text of its column, on a header
/// line, sits further below than a wrapped label's pitch (`pitch` em), so
/// it is a label of its own, not the rest of this one; and that line sets
/// a label in every column of the block, over whose extent (first label's
/// start to last label's end) this one is centred within `share`. No other
/// text of its line may fall in the block. The piece then spans the
/// smallest such block.
pub(crate) fn over_blocks(
    pieces: &mut [Piece],
    lines: &[TextLine],
    header_lines: usize,
    share: f32,
    pitch: f32,
) {
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if p.line >= header_lines || p.c0 != p.c1 || !p.alpha {
            continue;
        }
        let c = p.c0;
        let Some(below) = pieces
            .iter()
            .filter(|q| q.line > p.line && q.line < header_lines && q.c0 <= c && c <= q.c1)
            .map(|q| q.line)
            .min()
        else {
            continue;
        };
        let (Some(a), Some(b)) = (lines.get(p.line), lines.get(below)) else {
            continue;
        };
        if b.base - a.base <= pitch * a.size.max(b.size) {
            continue;
        }
        let label = |k: usize| {
            pieces
                .iter()
                .find(|r| r.line == below && r.c0 == k && r.c1 == k)
                .map(|r| (r.x0, r.x1))
        };
        let centre = (p.x0 + p.x1) / 2.0;
        for j in 1..=c {
            let (lo, hi) = (c - j, c + j);
            let (Some(first), Some(last)) = (label(lo), label(hi)) else {
                break;
            };
            if !(lo..=hi).all(|k| label(k).is_some())
                || pieces
                    .iter()
                    .enumerate()
                    .any(|(o, r)| o != i && r.line == p.line && r.c1 >= lo && r.c0 <= hi)
            {
                break;
            }
            let (x0, x1) = (first.0, last.1);
            if x1 > x0 && (centre - (x0 + x1) / 2.0).abs() <= share * (x1 - x0) {
                spans.push((i, lo, hi));
                break;
            }
        }
    }
    for (i, lo, hi) in spans {
        if let Some(p) = pieces.get_mut(i) {
            p.c0 = lo;
            p.c1 = hi;
        }
    }
}

/// A header label set over two lines beside group labels (`Total Plan &`
/// over `Non-Plan`, level with `Plan` and `Non-Plan` centred over their
/// columns): the group labels' line is a row of its own, which would keep
/// the label's first line apart from its second. A piece of one column of
/// text on a header line that sets a label over several columns moves
/// down to the next line when that line, at most `pitch` em below, sets
/// only text (labels, no value), some of it in the same column: the
/// label's lines become one cell of the header row.
pub(crate) fn lower_wrapped_labels(
    pieces: &mut [Piece],
    lines: &[TextLine],
    header_lines: usize,
    pitch: f32,
) {
    let spans = |li: usize, ps: &[Piece]| ps.iter().any(|p| p.line == li && p.c1 > p.c0);
    let labels = |li: usize, ps: &[Piece]| {
        let on: Vec<&Piece> = ps.iter().filter(|p| p.line == li).collect();
        !on.is_empty() && on.iter().all(|p| p.alpha)
    };
    for li in 0..header_lines.min(lines.len().saturating_sub(1)) {
        if !spans(li, pieces) || spans(li + 1, pieces) || !labels(li + 1, pieces) {
            continue;
        }
        let (Some(a), Some(b)) = (lines.get(li), lines.get(li + 1)) else {
            continue;
        };
        if b.base - a.base > pitch * a.size.max(b.size) {
            continue;
        }
        let below: Vec<usize> = pieces
            .iter()
            .filter(|q| q.line == li + 1 && q.c0 == q.c1 && q.alpha)
            .map(|q| q.c0)
            .collect();
        for p in pieces.iter_mut() {
            if p.line == li && p.c0 == p.c1 && p.alpha && below.contains(&p.c0) {
                p.line = li + 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::over_pair;

    #[test]
    fn a_label_centred_over_two_columns_and_one_over_its_own() {
        // Columns' text: 100-160 and 180-230; the gap 160-180.
        let texts = [(100.0, 160.0), (180.0, 230.0)];
        let gaps = [(160.0, 180.0)];
        // Centred on 165, the middle of 100-230: both columns.
        assert_eq!(over_pair((150.0, 180.0), texts, &gaps, 0.05), Some(0));
        // Centred over the first column alone, reaching into the gap.
        assert_eq!(over_pair((95.0, 165.0), texts, &gaps, 0.05), None);
        // In no gap at all.
        assert_eq!(over_pair((110.0, 150.0), texts, &gaps, 0.05), None);
    }
}

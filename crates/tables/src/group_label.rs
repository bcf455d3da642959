//! A group label over two columns, narrower than they are: centred over
//! the text of both (`Cassa` over `Stanziamento` and `Pagato`), it reaches
//! into the gap between them without crossing it, off the centre of the
//! column its middle falls in. The region takes such a line into its
//! header as it takes a line of several labels ([`crate::region`]); the
//! stream reader sets the label over both columns ([`crate::stream`]).

use crate::geom::overlap;
use crate::lines::TextLine;
use crate::piece::Piece;

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

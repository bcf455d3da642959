//! The act a text is. A document that opens with an act's heading
//! ("LEGGE REGIONALE 25 febbraio 2000, n. 11", "D.P.R. 25.08.2020") and goes
//! on is that act: its own name, there and printed again, is not a
//! reference to another act. The heading may follow a short head that
//! names no act (a register's or a site's lines: "Anno 2007 / Numero 23 /
//! Data 17/09/2007", "Normativa regionale - Liguria"); then it is a
//! paragraph of its own: alone on its line, after a blank line, and not the
//! text of a label ("Oggetto:"), which a citation may be. A short text that
//! is only a citation is the citation.

use super::Mention;

/// How much text a document opening with an act's heading has after it,
/// in bytes, for the heading to be the document's own: a title and a
/// preamble, more than a citation's tail.
const BODY: usize = 200;

/// How long the head before a heading may be, in bytes: a few lines of a
/// register or a site, not a page of recitals.
const HEAD: usize = 600;

/// The act (type, number, year) whose heading opens `text`, if any:
/// `mentions` are the acts named, in order.
pub(super) fn own_act(
    text: &str,
    mentions: &[Mention],
) -> Option<(Option<String>, Option<String>, Option<i32>)> {
    let m = mentions.first()?;
    let before = &text[..m.range.start];
    let opens = before.trim().is_empty() || heading_paragraph(text, m.range.clone());
    (opens && !m.needs_locator && text[m.range.end..].trim().len() >= BODY)
        .then(|| (m.r.act_type.clone(), m.r.number.clone(), m.r.year))
}

/// Whether the act named at `range` is a paragraph of its own after a short
/// head: nothing else on its line, a blank line before it, no label above.
fn heading_paragraph(text: &str, range: std::ops::Range<usize>) -> bool {
    let before = &text[..range.start];
    if before.len() > HEAD {
        return false;
    }
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |i| range.end + i);
    if !before[line_start..].trim().is_empty() || !text[range.end..line_end].trim().is_empty() {
        return false;
    }
    let mut above = before[..line_start.saturating_sub(1)].split('\n').rev();
    let blank_before = above.next().is_some_and(|l| l.trim().is_empty());
    let label = above
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.trim_end().ends_with(':') || l.to_lowercase().contains("oggetto"));
    blank_before && !label
}

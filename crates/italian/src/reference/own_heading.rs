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
    let opens = before.trim().is_empty() || heading_paragraph(text, m);
    (opens && !m.needs_locator && text[m.range.end..].trim().len() >= BODY)
        .then(|| (m.r.act_type.clone(), m.r.number.clone(), m.r.year))
}

/// Whether the act named at `m` heads the text after a short head: nothing
/// else on its line, and either a blank line before it or, for a heading
/// written out with its date from a capital ("Legge regionale 22 gennaio
/// 2010, n. 3"), a line above that ends a line, not a sentence broken
/// mid-way ("ai sensi della" / "D.Lgs. 50/2016"); no label above.
fn heading_paragraph(text: &str, m: &Mention) -> bool {
    let range = m.range.clone();
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
    let line_above = above.next();
    let blank_before = line_above.is_some_and(|l| l.trim().is_empty());
    let label_at = |l: &str| l.trim_end().ends_with(':') || l.to_lowercase().contains("oggetto");
    if !blank_before {
        let written_out = m.r.date.is_some()
            && text[range.clone()].starts_with(|c: char| c.is_uppercase())
            && text[range.clone()]
                .split_whitespace()
                .next()
                .is_some_and(|w| w.len() > 3);
        return written_out && line_above.is_some_and(|l| ends_a_line(l) && !label_at(l));
    }
    let label = above.find(|l| !l.trim().is_empty()).is_some_and(label_at);
    !label
}

/// Whether a line ends as a line of its own ends (a site's line, a title),
/// not as a sentence the page broke: no comma or semicolon, no word that
/// needs the next one ("della", "ai sensi", "visto").
fn ends_a_line(line: &str) -> bool {
    const NEEDS_NEXT: &[&str] = &[
        "di",
        "del",
        "dello",
        "della",
        "dei",
        "degli",
        "delle",
        "il",
        "lo",
        "la",
        "i",
        "gli",
        "le",
        "al",
        "allo",
        "alla",
        "ai",
        "agli",
        "alle",
        "dal",
        "dalla",
        "nel",
        "nella",
        "e",
        "ed",
        "con",
        "per",
        "sensi",
        "visto",
        "vista",
        "visti",
        "viste",
        "richiamato",
        "richiamata",
        "citato",
        "citata",
        "la",
        "una",
        "un",
        "che",
        "in",
        "a",
        "da",
    ];
    let t = line.trim_end();
    let last = t
        .rsplit(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .next()
        .unwrap_or("");
    !t.is_empty()
        && !t.ends_with([',', ';', ':', '\'', '’', '-'])
        && !NEEDS_NEXT.contains(&last.to_lowercase().as_str())
}

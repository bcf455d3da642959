//! Where an act says what: its items by zone (the subject and the heading
//! lines under it, the premises, the dispositive part, each cut into its
//! numbered or dashed points), which the classifiers weigh
//! ([`super::classifier`]).

use std::ops::Range;

use super::document::{Doc, Piece, Region};
use super::rule_regex::Regex;

/// Where in the act a cue is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    Dispositive,
    Subject,
    Premises,
}

impl Zone {
    pub const ALL: [Zone; 3] = [Zone::Dispositive, Zone::Subject, Zone::Premises];

    pub fn name(self) -> &'static str {
        match self {
            Zone::Dispositive => "dispositive",
            Zone::Subject => "subject",
            Zone::Premises => "premises",
        }
    }

    pub fn from_name(s: &str) -> Option<Zone> {
        Zone::ALL.into_iter().find(|z| z.name() == s)
    }
}

/// The regexes that mark where a classifier's zones and items begin and
/// end (`[[classifier]]`'s `dispositive`, `dispositive_end`, `item`,
/// `premises_start`).
#[derive(Debug, Clone)]
pub struct Marks {
    pub dispositive: Regex,
    pub dispositive_end: Option<Regex>,
    pub item: Regex,
    /// The first line of the premises: the heading above it stands for
    /// the subject when none is read.
    pub premises_start: Option<Regex>,
}

/// One stretch of text a cue is counted in once.
#[derive(Debug, Clone)]
pub struct Item {
    pub zone: Zone,
    /// Index into the document's pages.
    pub page: usize,
    pub range: Range<usize>,
    /// Its continuation at the head of the next pages, when the item runs
    /// on over a page break.
    pub more: Vec<Piece>,
}

impl Item {
    fn new(zone: Zone, page: usize, range: Range<usize>) -> Item {
        Item {
            zone,
            page,
            range,
            more: Vec::new(),
        }
    }

    /// The item's pieces, the first page's and those that continue it.
    pub fn pieces(&self) -> Region {
        let mut out = vec![Piece {
            page: self.page,
            range: self.range.clone(),
        }];
        out.extend(self.more.iter().cloned());
        out
    }
}

/// The items of a document: the subject's span, the dispositive part from
/// its heading (the first after the subject, else the first with text
/// above it) to `dispositive_end`, and the premises before it.
/// Without a dispositive heading, the whole text is premises. When no
/// subject is read, the act's heading (the first page above
/// `premises_start`) is its subject: an act's title says what it does.
pub fn items(c: &Marks, doc: &Doc, subject: Option<(usize, Range<usize>)>) -> Vec<Item> {
    let mut out = Vec::new();
    let read = subject.is_some();
    let subject = subject.or_else(|| heading(c, doc));
    if let Some((page, range)) = subject.clone() {
        out.push(Item::new(Zone::Subject, page, range));
    }
    let after = subject.map(|(p, r)| (p, r.end));
    // The first heading after the subject; failing that (a subject read
    // from a later page), the first one not at the very head of the act.
    let find = |want_past: bool| {
        for (p, text) in doc.clean.iter().enumerate() {
            for m in c.dispositive.find_iter(text) {
                let past = after.is_none_or(|(sp, se)| p > sp || (p == sp && m.start() >= se));
                // A heading with nothing above it is the act's title
                // ("DETERMINA" over the subject), not its dispositive part.
                let not_head = p > 0 || !text[..m.start()].trim().is_empty();
                if not_head && (past || !want_past) {
                    return Some((p, m.start(), m.end()));
                }
            }
        }
        None
    };
    let head = find(true).or_else(|| find(false));
    // The subject's tail: the lines under a subject read by its label, up
    // to the first premise ("OGGETTO: Lavori di ...", then "APPROVAZIONE
    // PERIZIA DI VARIANTE", then "PREMESSO"), still say what the act does.
    let tail = read.then(|| subject_tail(c, doc, after?, head)).flatten();
    if let Some((page, range)) = tail.clone() {
        for r in split_items(&c.item, &doc.clean[page], range) {
            out.push(Item::new(Zone::Subject, page, r));
        }
    }
    let after = tail.map(|(p, r)| (p, r.end)).or(after);
    let pages = doc.clean.len();
    let push_zone = |zone: Zone, from: (usize, usize), to: (usize, usize), out: &mut Vec<Item>| {
        for p in from.0..=to.0.min(pages.saturating_sub(1)) {
            let text = &doc.clean[p];
            let start = if p == from.0 { from.1 } else { 0 };
            let end = if p == to.0 {
                to.1.min(text.len())
            } else {
                text.len()
            };
            if start >= end {
                continue;
            }
            for r in split_items(&c.item, text, start..end) {
                out.push(Item::new(zone, p, r));
            }
        }
    };
    let last = (
        pages.saturating_sub(1),
        doc.clean.last().map_or(0, String::len),
    );
    match head {
        Some((hp, hs, he)) => {
            // The premises run from the subject (the letterhead above it
            // says nothing of the act) to the dispositive heading.
            let from = after.filter(|&(p, e)| (p, e) < (hp, hs)).unwrap_or((0, 0));
            push_zone(Zone::Premises, from, (hp, hs), &mut out);
            let end = c
                .dispositive_end
                .as_ref()
                .and_then(|re| {
                    (hp..pages).find_map(|p| {
                        let from = if p == hp { he } else { 0 };
                        re.find_at(&doc.clean[p], from).map(|m| (p, m.start()))
                    })
                })
                .unwrap_or(last);
            push_zone(Zone::Dispositive, (hp, he), end, &mut out);
        }
        None => push_zone(Zone::Premises, after.unwrap_or((0, 0)), last, &mut out),
    }
    join_seams(c, doc, out)
}

/// Joins an item that runs to the foot of its page with the first item of
/// the next page, in the same zone, when that one does not open an item of
/// its own: one sentence cut by a page break ("di affidare" at the foot of
/// a page, "il servizio di pulizia ..." at the head of the next) is one
/// item, read as one text (see [`super::running`]).
fn join_seams(c: &Marks, doc: &Doc, items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    for it in items {
        if let Some(prev) = out.last_mut() {
            let (lp, lr) = prev
                .more
                .last()
                .map_or((prev.page, prev.range.clone()), |p| {
                    (p.page, p.range.clone())
                });
            let text = &doc.clean[it.page];
            let at_foot = doc.clean[lp][lr.end.min(doc.clean[lp].len())..]
                .trim()
                .is_empty();
            let at_head = text[..it.range.start].trim().is_empty();
            let opens = text[it.range.clone()]
                .lines()
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| c.item.find(l).is_some_and(|m| m.start() == 0));
            if prev.zone == it.zone && lp + 1 == it.page && at_foot && at_head && !opens {
                prev.more.push(Piece {
                    page: it.page,
                    range: it.range,
                });
                continue;
            }
        }
        out.push(it);
    }
    out
}

/// The lines under the subject up to the first `premises_start` line of
/// its page or the first line that opens an item (and never past the
/// dispositive heading): at most `TAIL_MAX` bytes, and none when no
/// premise follows on that page.
fn subject_tail(
    c: &Marks,
    doc: &Doc,
    (page, end): (usize, usize),
    head: Option<(usize, usize, usize)>,
) -> Option<(usize, Range<usize>)> {
    let text = doc.clean.get(page)?;
    let at = c.premises_start.as_ref()?.find_at(text, end)?.start();
    // A premise marked only as an item ("- richiamato ...", "1. visto")
    // ends the heading block too.
    let at = text[end..at]
        .split_inclusive('\n')
        .scan(end, |pos, l| {
            let here = *pos;
            *pos += l.len();
            Some((here, l))
        })
        .find(|&(here, l)| here > end && c.item.find(l).is_some_and(|m| m.start() == 0))
        .map_or(at, |(here, _)| here);
    let at = match head {
        Some((hp, hs, _)) if hp == page && hs >= end => at.min(hs),
        _ => at,
    };
    (at > end && at - end <= TAIL_MAX && !text[end..at].trim().is_empty())
        .then_some((page, end..at))
}

/// The longest subject tail: a heading block, not the body of an act
/// whose premises are not marked.
const TAIL_MAX: usize = 2000;

/// The act's heading: the first page above the first `premises_start`
/// line, when there is text above it.
fn heading(c: &Marks, doc: &Doc) -> Option<(usize, Range<usize>)> {
    let text = doc.clean.first()?;
    let at = c.premises_start.as_ref()?.find(text)?.start();
    (!text[..at].trim().is_empty()).then_some((0, 0..at))
}

/// Cuts `range` of `text` into items: at the start of each line `item`
/// matches, and at blank lines.
fn split_items(item: &Regex, text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let mut at = range.start;
    for line in text[range.clone()].split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if (blank || item.find(line).is_some_and(|m| m.start() == 0)) && at > start {
            if !text[start..at].trim().is_empty() {
                out.push(start..at);
            }
            start = at;
        }
        at += line.len();
        if blank {
            start = at;
        }
    }
    if start < range.end && !text[start..range.end].trim().is_empty() {
        out.push(start..range.end);
    }
    out
}

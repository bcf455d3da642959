//! Step 3 of reading references: each locator joined to its act. A
//! locator followed by its act takes it ([`Linker::link_following`]), as do
//! a locator chained by "e" before a linked one and one trailing after it;
//! a locator with no act after it takes, in this order, the act of an "in
//! particolare" or of a list of articles going on, the act of the recital
//! before, the act just before it, the act of the article cited again, or
//! the act quoted; else it is dropped (precision first). Acts no locator
//! took are references of their own.

use std::ops::Range;

use super::acts::act_mentions;
use super::backref::back_references;
use super::common::Taken;
use super::connectors::{
    glued_to_act_before, right_after_same_act, AFTER_ACT, AFTER_ACT_AT, AFTER_ACT_COLON,
    AFTER_AMENDED, AFTER_GLOSS, AFTER_TITLE, CHAIN, CONNECTOR, CONNECTOR_ADJ, CONNECTOR_APPROVED,
    CONNECTOR_TITLED, LIST_SEMICOLON, NAME_CLOSE, OWNED, REFINE, TRAIL,
};
use super::locators::{locators, LocItem};
use super::{
    act_paragraphs, cited, common, defined, own_heading, particular, quoted, same_article, urn,
    Mention, RefSettings, Reference, NOT_REPORTED,
};

/// A locator as `locators` reads it: its range, its items, and whether it
/// has no keyword ("36, commi 1").
type Loc = (Range<usize>, Vec<LocItem>, bool);

pub(super) fn find_in(text: &str, settings: &RefSettings) -> Vec<(Range<usize>, Reference)> {
    let mentions = all_mentions(text, settings);
    let locs = free_locators(text, &mentions);
    let mut linker = Linker {
        text,
        linked: vec![None; locs.len()],
        chained: vec![false; locs.len()],
        used: vec![false; mentions.len()],
        out: Vec::new(),
        listed: None,
        colon_list: None,
        mentions: &mentions,
        locs: &locs,
    };
    linker.link_following();
    linker.pass_over_names();
    linker.chain_before_linked();
    linker.trail_after_linked();
    for li in 0..locs.len() {
        linker.attach(li);
    }
    let Linker { mut out, used, .. } = linker;
    // "comma 6 del medesimo": a paragraph of the article cited last.
    same_article::extend(text, &mut out);
    acts_of_their_own(text, &mentions, &used, &mut out);
    // "commi da 739 a 783 della medesima legge n. 160" after "l'art. 1,
    // comma 738 della legge n. 160": paragraphs of the article cited before.
    act_paragraphs::extend(text, &mut out);
    finish(text, out)
}

/// The acts of the text: by keyword or name, by back-reference, by the
/// name the text gave an act ("di seguito denominato «Codice»").
fn all_mentions(text: &str, settings: &RefSettings) -> Vec<Mention> {
    let mut mentions = act_mentions(text, settings);
    let backs = back_references(text, &mentions);
    mentions.extend(backs);
    mentions.sort_by_key(|m| m.range.start);
    defined::restated(text, &mut mentions);
    let named = defined::defined_names(text, &mentions);
    mentions.extend(named);
    mentions.sort_by_key(|m| m.range.start);
    mentions
}

/// The locators outside every act's text.
fn free_locators(text: &str, mentions: &[Mention]) -> Vec<Loc> {
    let mut taken = Taken::default();
    for m in mentions {
        taken.insert(m.range.clone());
    }
    locators(text)
        .into_iter()
        .filter(|(r, ..)| !taken.overlaps(r))
        .collect()
}

/// The state of linking: for each locator the act it is linked to and
/// whether by a chain, for each act whether a locator took it, the
/// references so far, and the act and end of the last article read "in
/// particolare" (a list of them may go on: "; gli artt. 6 e 7, che ..."),
/// and the act and end of the last group of a list of articles after the
/// act and a colon ("D.Lgs. n. 33/2013: art. 10, c. 8; art. 12, c. 1").
struct Linker<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    locs: &'a [Loc],
    linked: Vec<Option<usize>>,
    chained: Vec<bool>,
    used: Vec<bool>,
    out: Vec<(Range<usize>, Reference)>,
    listed: Option<(usize, usize)>,
    colon_list: Option<(usize, usize)>,
}

impl Linker<'_> {
    /// Locators followed by their act ("art. 5 della legge ...").
    fn link_following(&mut self) {
        let (text, mentions, locs) = (self.text, self.mentions, self.locs);
        for (li, (range, ..)) in locs.iter().enumerate() {
            let rest = &text[range.end..];
            self.linked[li] = [
                &*CONNECTOR,
                &*CONNECTOR_ADJ,
                &*CONNECTOR_APPROVED,
                &*CONNECTOR_TITLED,
            ]
            .into_iter()
            .filter_map(|re| re.find(rest))
            .find_map(|c| {
                let at = range.end + c.end();
                // "D.Lgs. n. 33/2013 art. 47, L. n. 689/1981": a locator
                // printed right after an act, on its line, is that act's;
                // a bare comma does not carry it to the next one.
                let bare_comma = !c.as_str().chars().any(char::is_alphabetic);
                if bare_comma && glued_to_act_before(text, mentions, range.start) {
                    return None;
                }
                mentions.binary_search_by_key(&at, |m| m.range.start).ok()
            });
        }
    }

    /// "art. 7 del regolamento di esecuzione del nuovo C.d.S. approvato con
    /// D.P.R. 495/1992": a name passed over on the way to the act is part of
    /// the approved text's name, not an act cited.
    fn pass_over_names(&mut self) {
        let (mentions, locs) = (self.mentions, self.locs);
        for (li, mi) in self.linked.iter().enumerate() {
            if let Some(mi) = *mi {
                let (from, to) = (locs[li].0.end, mentions[mi].range.start);
                for (k, m) in mentions.iter().enumerate() {
                    if m.range.start >= from && m.range.end <= to {
                        self.used[k] = true;
                    }
                }
            }
        }
    }

    /// "art. 5, comma 2, e art. 7 della legge ...": a locator joined by "e"
    /// to a linked one shares its act (but not its span).
    fn chain_before_linked(&mut self) {
        let (text, mentions, locs) = (self.text, self.mentions, self.locs);
        for li in (0..locs.len().saturating_sub(1)).rev() {
            if self.linked[li].is_none() && self.linked[li + 1].is_some() {
                let between = &text[locs[li].0.end..locs[li + 1].0.start];
                // "D.P.R. n. 445/2000, artt. 46 e 47, e dell'art. 76 del
                // medesimo D.P.R.": the articles right after the act are its
                // own (read below, from the act on), not the back-reference's.
                let own_act = self.linked[li + 1]
                    .is_some_and(|mi| right_after_same_act(text, mentions, locs[li].0.start, mi));
                if CHAIN.is_match(between)
                    && !own_act
                    && !cited::cited_before(text, locs[li].0.start)
                {
                    self.linked[li] = self.linked[li + 1];
                    self.chained[li] = true;
                }
            }
        }
    }

    /// "all'art. 63 del D.Lgs. n. 50/2016, per i settori ordinari, e di cui
    /// all'art. 125": a locator joined after a linked one, with no act of
    /// its own and none between, is of the same act.
    fn trail_after_linked(&mut self) {
        let (text, mentions, locs) = (self.text, self.mentions, self.locs);
        for (li, (range, _, bare)) in locs.iter().enumerate().skip(1) {
            let Some(mi) = self.linked[li - 1] else {
                continue;
            };
            if self.linked[li].is_some() || *bare || mentions[mi].range.end > range.start {
                continue;
            }
            let between = &text[mentions[mi].range.end..range.start];
            let crossed = mentions
                .iter()
                .any(|m| m.range.start >= mentions[mi].range.end && m.range.start < range.start);
            if TRAIL.is_match(between)
                && !crossed
                && !OWNED.is_match(&text[range.end..])
                && !cited::cited_again(text, range.start, range.end)
            {
                self.linked[li] = Some(mi);
                self.chained[li] = true;
            }
        }
    }

    /// The references of locator `li`, with the act it is linked to or, when
    /// none, with the act it reaches.
    fn attach(&mut self, li: usize) {
        if let Some(mi) = self.linked[li] {
            self.attach_linked(li, mi);
            return;
        }
        let locs = self.locs;
        let (range, items, bare) = &locs[li];
        if *bare {
            return; // "36, commi 1" is a reference only before an act
        }
        if self.attach_colon_list(range, items)
            || self.attach_particular(range, items)
            || self.attach_before(range, items)
        {
            return;
        }
        self.attach_cited_or_quoted(range, items);
    }

    /// A locator linked to act `mi`: one reference per item; the last ends
    /// with the act ("art. 5, comma 2 della legge ..., comma 3" refined).
    fn attach_linked(&mut self, li: usize, mi: usize) {
        let (text, mentions, locs) = (self.text, self.mentions, self.locs);
        let (range, items, _) = &locs[li];
        self.used[mi] = true;
        // "la legge n. 481/1995, ed in particolare l'art. 2 della medesima
        // legge": the act of the recital is the one the back-reference
        // points to, and has no reference of its own.
        if mentions[mi].needs_locator {
            if let Some(pi) = particular::particular_act(text, mentions, range.start) {
                let (a, b) = (&mentions[pi].r, &mentions[mi].r);
                if (&a.act_type, &a.number, a.year) == (&b.act_type, &b.number, b.year) {
                    self.used[pi] |= !particular::apart(text, range.start);
                }
            }
        }
        let m = &mentions[mi];
        // "art. 13 del D.L. 201/2011, convertito ... dalla L. 214/2011, e in
        // particolare il comma 6": the paragraph meant may follow the
        // conversion law of the article's decree-law.
        let after_act = mentions
            .get(mi + 1)
            .filter(|_| particular::converted_from(text, mentions, mi + 1) == Some(mi))
            .map_or(m.range.end, |c| c.range.end);
        let refine = match items.as_slice() {
            [it] if it.paragraph.is_none() && !self.chained[li] => REFINE
                .captures(&text[m.range.end..])
                .map(|c| (m.range.end, c))
                .or_else(|| {
                    (after_act > m.range.end)
                        .then(|| REFINE.captures(&text[after_act..]).map(|c| (after_act, c)))
                        .flatten()
                }),
            _ => None,
        };
        if let Some((from, c)) = refine {
            let mut it = items[0].clone();
            it.paragraph = Some(common::norm_num(&c["p"]));
            let end = from + c.get(0).map_or(0, |g| g.end());
            self.out
                .push((it.range.start..end, with_locator(&m.r, &it)));
            return;
        }
        for (k, it) in items.iter().enumerate() {
            let end = if k + 1 == items.len() && !self.chained[li] {
                m.range.end
            } else {
                it.range.end
            };
            self.out.push((it.range.start..end, with_locator(&m.r, it)));
        }
    }

    /// The act of an "in particolare", of a list of articles going on, or
    /// of the recital before ("VISTO il D.Lgs. ...; VISTO, in particolare,
    /// l'art. 4"); whether one was found.
    fn attach_particular(&mut self, range: &Range<usize>, items: &[LocItem]) -> bool {
        let (text, mentions) = (self.text, self.mentions);
        let listed_act = self.listed.filter(|&(_, end)| {
            particular::continues(text, mentions, end, range.start)
                && !OWNED.is_match(&text[range.end..])
        });
        let own = OWNED.is_match(&text[range.end..]);
        // The act of the recital before, which keeps its own reference:
        // "VISTO il D.Lgs. ...;\nVISTO, in particolare, l'art. 4" is a
        // recital of its own, whatever "in particolare" would reach.
        if let Some(mi) = (!own)
            .then(|| particular::previous_recital_act(text, mentions, range.start))
            .flatten()
        {
            let m = &mentions[mi];
            for it in &particular::refined(text, range.end, items) {
                self.out.push((it.range.clone(), with_locator(&m.r, it)));
            }
            self.listed = Some((mi, range.end));
            return true;
        }
        let particular_act =
            particular::particular_act(text, mentions, range.start).or_else(|| {
                (!own)
                    .then(|| particular::reaching_act(text, mentions, range.start))
                    .flatten()
            });
        if let Some(mi) = particular_act.or(listed_act.map(|(mi, _)| mi)) {
            let m = &mentions[mi];
            // "e in particolare:\n −− l'art. 10 comma 1": an article printed
            // apart, on its own line, leaves the act its own reference.
            self.used[mi] |= !particular::apart(text, range.start);
            for it in &particular::refined(text, range.end, items) {
                self.out.push((it.range.clone(), with_locator(&m.r, it)));
            }
            self.listed = Some((mi, range.end));
            return true;
        }
        false
    }

    /// The next group of a list of articles after its act and a colon,
    /// the groups parted by semicolons ("Decreto legislativo n. 33/2013:
    /// articolo 10, comma 8; art. 12, c. 1; art. 15, cc. 1, 2"): the act
    /// heading the list; whether it went on.
    fn attach_colon_list(&mut self, range: &Range<usize>, items: &[LocItem]) -> bool {
        let Some((mi, end)) = self.colon_list else {
            return false;
        };
        if end > range.start || !LIST_SEMICOLON.is_match(&self.text[end..range.start]) {
            return false;
        }
        let m = &self.mentions[mi];
        for it in items {
            self.out.push((it.range.clone(), with_locator(&m.r, it)));
        }
        self.colon_list = Some((mi, range.end));
        true
    }

    /// After its act ("Costituzione, art. 97"): the act just before, not yet
    /// taken; whether one was found.
    fn attach_before(&mut self, range: &Range<usize>, items: &[LocItem]) -> bool {
        let (text, mentions) = (self.text, self.mentions);
        // Mentions are disjoint and sorted, so their ends are sorted too.
        let before = mentions
            .partition_point(|m| m.range.end <= range.start)
            .checked_sub(1)
            .filter(|&mi| {
                let between = &text[mentions[mi].range.end..range.start];
                // "Art. 13 - ..." opening the next line is a heading (an
                // index, the act's own article), not the last act's article:
                // across a line break only after a comma.
                let plain = AFTER_ACT
                    .find(between)
                    .is_some_and(|g| g.end() == between.len())
                    && (!between.contains('\n') || between.contains(','));
                let loose = AFTER_TITLE.is_match(between)
                    || AFTER_ACT_COLON.is_match(between)
                    || AFTER_ACT_AT.is_match(between)
                    || AFTER_GLOSS.is_match(between)
                    || AFTER_AMENDED.is_match(between)
                    || (NAME_CLOSE.is_match(between)
                        && name_left_open(&text[mentions[mi].range.clone()]));
                plain || (loose && !OWNED.is_match(&text[range.end..]))
            });
        // "D.L. 179/2012, ..., convertito con la legge n. 221, all'art. 34":
        // the article is the decree-law's; the conversion law keeps its own
        // reference.
        let before = before.map(|mi| particular::converted_from(text, mentions, mi).unwrap_or(mi));
        let Some(mi) = before.filter(|&mi| !self.used[mi]) else {
            return false;
        };
        self.used[mi] = true;
        let colon = AFTER_ACT_COLON.is_match(&text[mentions[mi].range.end..range.start]);
        self.colon_list = colon.then_some((mi, range.end));
        let m = &mentions[mi];
        for (k, it) in items.iter().enumerate() {
            let start = if k == 0 {
                m.range.start
            } else {
                it.range.start
            };
            self.out.push((start..it.range.end, with_locator(&m.r, it)));
        }
        true
    }

    /// "il citato art. 17": the act of the article cited before. Else "...
    /// stabilisce: “Salvo quanto previsto dagli articoli 62 e 63”": an
    /// article inside a quoted provision is the quoted act's. Else, precision
    /// first: a partition with no act in reach ("art. 6 del presente
    /// regolamento", "art. 22 del C.C.D.I.") names an act we cannot tell,
    /// so it is dropped.
    fn attach_cited_or_quoted(&mut self, range: &Range<usize>, items: &[LocItem]) {
        let act = if cited::cited_again(self.text, range.start, range.end) {
            items[0]
                .article
                .as_deref()
                .and_then(|a| cited::act_of(a, &self.out))
                .cloned()
        } else {
            quoted::quoted_act(self.text, range.start, &self.out, self.mentions)
        };
        if let Some(act) = act {
            for it in items {
                self.out.push((it.range.clone(), with_locator(&act, it)));
            }
        }
    }
}

/// The acts no locator took, as references of their own; not an act that
/// needs a locator (the Costituzione), nor the act the document is, by its
/// heading (see `own_heading`).
fn acts_of_their_own(
    text: &str,
    mentions: &[Mention],
    used: &[bool],
    out: &mut Vec<(Range<usize>, Reference)>,
) {
    let own = own_heading::own_act(text, mentions);
    for (m, used) in mentions.iter().zip(used) {
        let heading = own.as_ref().is_some_and(|o| {
            // Printed again without its year ("Legge regionale n. 13 del
            // 17 02 1989", the date unread), it is still the text's own.
            o.0 == m.r.act_type && o.1 == m.r.number && (o.2 == m.r.year || m.r.year.is_none())
        });
        if !used && !m.needs_locator && !heading {
            out.push((m.range.clone(), m.r.clone()));
        }
    }
}

/// The references reported, in order, each with its `raw` and URN.
fn finish(text: &str, mut out: Vec<(Range<usize>, Reference)>) -> Vec<(Range<usize>, Reference)> {
    out.retain(|(_, r)| {
        !r.act_type
            .as_deref()
            .is_some_and(|t| NOT_REPORTED.contains(&t))
    });
    out.sort_by_key(|(r, _)| (r.start, r.end));
    for (range, r) in &mut out {
        // A reference wrapped over lines is read as one phrase: the span
        // keeps the true offsets, `raw` folds each white-space run to a space.
        r.raw = text[range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        r.urn = urn(r);
    }
    out
}

pub(super) fn with_locator(act: &Reference, it: &LocItem) -> Reference {
    Reference {
        article: it.article.clone(),
        paragraph: it.paragraph.clone(),
        letter: it.letter.clone(),
        ..act.clone()
    }
}

/// Whether an act's mention ends inside the act's name it took with it, a
/// bracket or a dash left open ("D.Lgs. n. 50/2016 (Codice dei contratti
/// pubblici", "D.Lgs. n. 50/2016 – Codice dei contratti pubblici"): the
/// closing mark after it ends the name, not the sentence.
fn name_left_open(mention: &str) -> bool {
    mention.matches('(').count() > mention.matches(')').count()
        || mention.contains(['–', '—'])
        || mention.contains(" - ")
}

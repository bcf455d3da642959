//! Paragraphs printed with their act but without their article. Having
//! written "l'art. 1, comma 738 della legge n. 160 del 2019 dispone che
//! ...", a drafter goes on in the same clause with "le disposizioni di cui
//! ai commi da 739 a 783 della medesima legge n. 160": the paragraphs are
//! of the article of that act cited just before (a budget law has one
//! article and hundreds of paragraphs). Each paragraph is a reference of
//! its own with that article. With no article of the same act earlier in
//! the clause the act is read alone, as before (precision first: the
//! article is never guessed).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::common::{grammar, norm_num};
use super::ranges::{expand, par_item};
use super::Reference;

/// "commi da 739 a 783 della", "comma 2 del", "commi 4 e 5 dello": the
/// paragraphs and the preposition before an act, no article among them.
static PARAGRAPHS_OF_ACT: LazyLock<Regex> = LazyLock::new(|| {
    let item = par_item();
    grammar(&format!(
        r"(?i)\b(?:comma|commi)\s+(?P<pars>{item}(?:\s*(?:,|\be\b|\bed\b)\s*{item})*)\s*,?\s*(?:del|della|dello|dell['’])\s*(?:(?:sopra\s*)?(?:citat|medesim|stess|predett|richiamat)[oa]\s+)?$"
    ))
    .unwrap()
});

static PAR_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s*,\s*|\s+(?:e|ed)\s+").unwrap());

/// How far back the article of the same act may have been cited, in
/// bytes: the same clause.
const REACH: usize = 300;

/// How far before an act's reference its paragraphs may start.
const LEAD: usize = 80;

/// Replaces in `found` (references read so far, with their spans) each act
/// read alone whose paragraphs are printed just before it, when the same
/// act was cited with an article earlier in the clause: one reference per
/// paragraph, with that article.
pub(super) fn extend(text: &str, found: &mut Vec<(Range<usize>, Reference)>) {
    let mut replaced: Vec<usize> = Vec::new();
    let mut new = Vec::new();
    for (k, (range, r)) in found.iter().enumerate() {
        if r.article.is_some() || r.paragraph.is_some() || r.act_type.is_none() {
            continue;
        }
        let from = crate::floor_boundary(text, range.start.saturating_sub(LEAD));
        let Some(c) = PARAGRAPHS_OF_ACT.captures(&text[from..range.start]) else {
            continue;
        };
        let start = from + c.get(0).map_or(0, |m| m.start());
        let Some(article) = article_before(text, found, start, r) else {
            continue;
        };
        replaced.push(k);
        for item in PAR_SEP.split(c["pars"].trim()) {
            for p in expand(item) {
                new.push((
                    start..range.end,
                    Reference {
                        article: Some(article.clone()),
                        paragraph: Some(norm_num(&p)),
                        ..r.clone()
                    },
                ));
            }
        }
    }
    if replaced.is_empty() {
        return;
    }
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !replaced.contains(&(k - 1))
    });
    found.extend(new);
    found.sort_by_key(|(r, _)| (r.start, r.end));
}

/// The article of the last reference to the same act before `at`, in the
/// same clause (no semicolon or full stop between).
fn article_before(
    text: &str,
    found: &[(Range<usize>, Reference)],
    at: usize,
    act: &Reference,
) -> Option<String> {
    let (range, r) = found
        .iter()
        .filter(|(r, _)| r.end <= at && at - r.end <= REACH)
        .max_by_key(|(r, _)| r.end)?;
    let between = &text[range.end..at];
    let same = (&r.act_type, &r.number, r.year) == (&act.act_type, &act.number, act.year);
    (same && !between.contains(';') && !between.contains(". ") && !between.contains(".\n"))
        .then(|| r.article.clone())
        .flatten()
}

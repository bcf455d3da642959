//! Step 2 of reading references: locators (`art. 6, co. 6, lett. f)`,
//! `commi 2 e 3 dell'articolo 14`, `secondo comma`), their lists split into
//! items. EU acts number the parts of an article as paragraphs (`art. 6,
//! par. 1, lett. c) del Regolamento (UE) 2016/679`, `paragrafo 1
//! dell'articolo 4`): read as the paragraph, like a comma.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::common::*;
use super::ranges::{expand, letter_item, num_item, par_item};
use crate::numwords::fold;

/// A gloss after an article's number, its heading in brackets: "artt. 1
/// (principi generali), 10 (RUP) e 14". No digits inside, so that a
/// bracketed number or date is never taken for one. The digits are ASCII
/// ones: Unicode's `\d` (every script's digits) repeated 120 times, three
/// times over, made this the costliest regex of a worker to compile.
const GLOSS: &str = r"(?:\s*\([^()0-9;]{2,120}\))?";
/// The sentence of a paragraph, after its number: "comma 450, primo
/// periodo e 452, primo periodo". Passed over, like a gloss; a number so
/// marked is a paragraph, never an article.
const PERIOD: &str =
    r"(?:\s*,?\s*(?:primo|secondo|terzo|quarto|quinto|sesto|ultimo|penultimo)\s+periodo\b)?";
static PERIOD_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),?\s*(?:primo|secondo|terzo|quarto|quinto|sesto|ultimo|penultimo)\s+periodo\b")
        .unwrap()
});

static LOC_STD: LazyLock<Regex> = LazyLock::new(|| {
    let num = num_item();
    let par = par_item();
    let list = format!(
        r"{par}{PERIOD}(?:\s*(?:,\s*(?:e|ed)\b|,|\be\s*/\s*o\b|\be\b|\bed\b|\bnonch[ée]|\bo\b)\s*{par}{PERIOD})*"
    );
    let arts = format!(
        r"{num}{GLOSS}(?:\s*(?:,\s*(?:e|ed)\b|,|\be\s*/\s*o\b|\be\b|\bed\b|\bnonch[ée]|\bo\b)\s*{num}{GLOSS})*"
    );
    // Paragraphs named by ordinal words: "commi secondo e terzo".
    let ords = format!(r"(?:{ORD})\b(?:\s*(?:,|\be\b|\bed\b)\s*(?:{ORD})\b)*");
    let letter = letter_item();
    // Numbers and points below a letter, passed over: "lett. a), n. 3",
    // "lett. a) nn. 1 e 2", "lettera a), punto 2".
    let sub = r"(?:\s*,?\s*(?:(?:numero|numeri|punto|punti)\s*(?:da\s+)?\d+(?:\.\d{1,3})*\)?(?:\s*(?:a|e)\s+\d+\)?)?|(?:nn?\.|sub\.?)\s*\d{1,3}(?:\.\d{1,3})*(?:\)|\b)(?:\s*(?:,|\be\b|\bed\b)\s*\d{1,3}\b)*))?";
    let letters = format!(
        r"{letter}[”\x22»]?\)?(?:\s*(?:,\s*(?:e|ed)\b|,|\be\b|\bed\b|\bnonch[ée]|\bo\b)\s*[“\x22«]?{letter}(?:\)|[”\x22»]))*"
    );
    grammar(&format!(
        r"(?i)\b(?P<akw>articol[oi]|artt?[ \t]?\.|artt?\b)\s*(?:n[.°º]\s*)?(?P<arts>{arts})(?:\s+e\s+(?:seguenti|ss\.|segg?\.|sgg?\.))?(?:\s*[,–-]?\s*(?P<parkw>comma|commi|co\.|cc\.|c\.|paragrafo|paragrafi|parr?\.)\s*(?P<pars>{list}|{ords})[°º^]?{GLOSS}(?:\s+e\s+(?:seguenti|ss\.|segg?\.|sgg?\.))?(?:\s*,\s*(?:comma|co\.|c\.)\s*(?P<pars2>{list}))?|\s*,?\s*(?P<ord>{ORD})\s+comma|\s*,?\s*(?:comma|co\.)\s+(?P<ord2>{ORD})\b)?(?:\s*,?\s*(?:lettera|lettere|lett\b[.,]?|let\.)\s*[“\x22«]?(?P<lets>{letters}))?{sub}(?P<core>)(?:\s*,?\s*(?:lettera|lettere|lett\b\.?|let\.)\s*[“\x22«]?(?P<lets2>{letters}){sub})?(?:\s*,?\s*(?:e|ed)?\s*(?:comma|co\.)\s*(?P<pars3>{list})|\s*,?\s*(?:e|ed)\s+(?P<pars4>{ORD})\b|(?P<tail5>\s*,?\s*(?:e|ed)\s+)(?P<pars5>\d+(?:[\s-]*(?:{SUFFIX}))?)\b)?"
    ))
    .unwrap()
});

/// "comma 1 dell'articolo 14", "quinto comma dell'articolo 1", "commi 2 e
/// 3-bis dell'articolo 3-bis", "1° comma dell'art. 5", "lettera b) del comma
/// 1 dell'articolo 50", and without the preposition "comma 450, art. 1" (not
/// inside a list that began with an article: "art. 3, comma 2, art. 5").
static LOC_INV: LazyLock<Regex> = LazyLock::new(|| {
    let num = format!(r"\d+(?:[\s/–-]*(?:{SUFFIX})\b)?");
    let item = par_item();
    let list = format!(r"{item}(?:\s*(?:,|\be\b|\bed\b)\s*{item})*");
    let letter = format!(r"[a-z]{{1,2}}(?:-?(?:{SUFFIX}))?");
    grammar(&format!(
        r"(?i)\b(?:(?:lettera|lett\b\.?|let\.)\s*(?P<let0>{letter})\)\s*,?\s*(?:del\s+)?)?(?:(?:comma|commi|co\.|paragrafo|paragrafi|par\.)\s*(?P<pars>{list})|(?P<ord>{ORD})\s+comma|(?P<ordn>\d{{1,3}})\s*[°º]\s*comma)\s*,?\s*(?:(?:lettera|lett\b\.?|let\.)\s*[“\x22«]?(?P<let>{letter})\)?[”\x22»]?\s*,?\s*)?(?:dell(?:['’]\s*|\s+)|del\s+|(?P<bare>,?\s*))(?:articolo|art\.)\s*(?P<art>{num})"
    ))
    .unwrap()
});

/// "36, commi 1 e 2" with no "articolo" before it, as in a list that continues
/// a previous reference. Only a reference when an act follows it.
static LOC_BARE: LazyLock<Regex> = LazyLock::new(|| {
    let num = format!(r"\d+(?:[\s/–-]*(?:{SUFFIX})\b)?");
    let list = format!(r"{num}(?:\s*(?:,|\be\b|\bed\b)\s*{num})*");
    grammar(&format!(r"(?i)\b(?P<art>{num})\s*,?\s*(?:(?:comma|commi|co\.)\s*(?P<pars>{list})|(?P<ord>{ORD})\s+comma)")).unwrap()
});

/// "art. 134, 4° comma": the paragraph as an ordinal number, read before
/// the standard form would take "134, 4" for two articles. Also without
/// the degree sign after a comma, "art. 29, 1 comma" (kept apart as `parn`:
/// a number after "comma" makes it another article's paragraph, "art. 28,
/// 29 comma 2", and the match is dropped).
static LOC_ORDN: LazyLock<Regex> = LazyLock::new(|| {
    let num = format!(r"\d+(?:[\s/–-]*(?:{SUFFIX})\b)?");
    grammar(&format!(
        r"(?i)\b(?:articolo|art\.|art\b)\s*(?P<art>{num})\s*(?:,?\s*(?:(?P<par>\d{{1,3}})\s*[°º^]|(?P<rom>(?-i:[IVX]{{1,4}}))\s*[°º^]?)\s*comma\b|,\s*(?P<parn>\d{{1,3}})\s+comma\b)"
    ))
    .unwrap()
});

/// "art. 134/4", "art. 97.4a": article, paragraph and letter in the short
/// form some drafters use. Read before the standard form (which would take
/// the article alone) and, like a bare locator, a reference only before its
/// act: "art. 4.2" alone may be a clause of a contract.
static LOC_SHORT: LazyLock<Regex> = LazyLock::new(|| {
    grammar(r"(?i)\b(?:articolo|art\.|art\b)\s*(?P<art>\d+)[./](?P<par>\d{1,3})(?P<let>[a-z])?\b")
        .unwrap()
});

/// Separators of list items: ", ", " e ", " ed ", " nonché ", " o ".
static LIST_SEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*,\s*(?:(?:e|ed)\s+)?|\s*\be\s*/\s*o\s+|\s+(?:e|ed|nonch[ée]|o)\s+").unwrap()
});

/// One item of a locator: its span and its article, paragraph, letter.
#[derive(Debug, Clone)]
pub(super) struct LocItem {
    pub(super) range: Range<usize>,
    pub(super) article: Option<String>,
    pub(super) paragraph: Option<String>,
    pub(super) letter: Option<String>,
}

/// Every locator in the text, its items split out.
pub(super) fn locators(text: &str) -> Vec<(Range<usize>, Vec<LocItem>, bool)> {
    let mut out: Vec<(Range<usize>, Vec<LocItem>, bool)> = Vec::new();
    let mut taken = Taken::default();
    for c in LOC_INV.captures_iter(text) {
        let whole = c.get(0).expect("whole match");
        if c.name("bare").is_some() && after_article(text, whole.start()) {
            continue;
        }
        taken.insert(whole.range());
        let article = Some(norm_num(&c["art"]));
        // "comma 2 lett. a) dell'art. 1", "lettera b) del comma 1
        // dell'articolo 50": the letter of the paragraph.
        let letter = c
            .name("let")
            .or(c.name("let0"))
            .map(|l| norm_letter(l.as_str()));
        let mut items: Vec<LocItem> = match c.name("pars") {
            Some(p) => split_list(p)
                .into_iter()
                .map(|(r, v)| LocItem {
                    article: article.clone(),
                    paragraph: Some(norm_num(&v)),
                    letter: letter.clone(),
                    range: r,
                })
                .collect(),
            None => vec![LocItem {
                range: whole.range(),
                article,
                paragraph: c
                    .name("ord")
                    .and_then(|o| ordinal(o.as_str()))
                    .or_else(|| c.name("ordn").map(|o| norm_num(o.as_str()))),
                letter,
            }],
        };
        if let Some(f) = items.first_mut() {
            f.range.start = whole.start();
        }
        if let Some(l) = items.last_mut() {
            l.range.end = whole.end();
        }
        out.push((whole.range(), items, false));
    }
    // "art. 5, 2° comma" (no letter) and the short "art. 97.4a" (a
    // reference only before its act): article and paragraph both given.
    for (re, short) in [(&*LOC_ORDN, false), (&*LOC_SHORT, true)] {
        for c in re.captures_iter(text) {
            let whole = c.get(0).expect("whole match");
            if c.name("parn").is_some()
                && text[whole.end()..]
                    .trim_start()
                    .starts_with(|ch: char| ch.is_ascii_digit())
            {
                continue;
            }
            taken.insert(whole.range());
            let item = LocItem {
                range: whole.range(),
                article: Some(norm_num(&c["art"])),
                paragraph: c
                    .name("par")
                    .or(c.name("rom"))
                    .or(c.name("parn"))
                    .map(|p| norm_num(p.as_str())),
                letter: c.name("let").map(|l| norm_letter(l.as_str())),
            };
            out.push((whole.range(), vec![item], short));
        }
    }
    for c in LOC_STD.captures_iter(text) {
        let mut whole = c.get(0).expect("whole match").range();
        // What follows the letters ("lett. a) e comma 4", ", lett. c)") is
        // left out when an inverted locator took it ("lett. a) e comma 4
        // dell'art. 7").
        let core = c.name("core").map_or(whole.end, |g| g.start());
        let extended = taken.overlaps(&whole) && !taken.overlaps(&(whole.start..core));
        if extended {
            whole.end = core;
        } else if taken.overlaps(&whole) {
            continue; // inside an inverted locator, read first
        }
        // "art. 1, commi 629, lett. b), e 632": after a plural "commi" and
        // a paragraph's letters, a number is another paragraph; anywhere
        // else it is left to what follows, outside the locator.
        let plural_pars = c.name("parkw").is_some_and(|k| {
            ["commi", "cc.", "paragrafi", "parr."].contains(&fold(k.as_str()).as_str())
        });
        // "artt. 32, comma 2, 36, comma 2, lett. a) e 37": after a plural
        // "artt." whose paragraphs are each a singular "comma", another
        // article.
        let plural_akw = c.name("akw").is_some_and(|k| {
            let k = fold(k.as_str()).replace([' ', '\t'], "");
            k == "artt." || k == "artt" || k == "articoli"
        });
        let (pars5, arts5) = match (c.name("tail5"), c.name("pars5")) {
            (Some(_), Some(p)) if !extended && plural_pars && c.name("lets").is_some() => {
                (vec![(p.range(), p.as_str().to_string())], Vec::new())
            }
            (Some(_), Some(p))
                if !extended && plural_akw && !plural_pars && c.name("parkw").is_some() =>
            {
                (Vec::new(), vec![(p.range(), p.as_str().to_string())])
            }
            (Some(t), Some(_)) => {
                whole.end = t.start();
                (Vec::new(), Vec::new())
            }
            _ => (Vec::new(), Vec::new()),
        };
        taken.insert(whole.clone());
        let arts = c.name("arts").expect("arts always takes part");
        let art_items = split_list(arts);
        let par_items = c.name("pars").map(|p| split_list(p)).unwrap_or_default();
        let mut let_items = c.name("lets").map(|p| split_list(p)).unwrap_or_default();
        let (lets2, pars3) = if extended {
            (Vec::new(), Vec::new())
        } else {
            (
                c.name("lets2").map(|p| split_list(p)).unwrap_or_default(),
                c.name("pars3").map(|p| split_list(p)).unwrap_or_default(),
            )
        };
        let_items.extend(lets2);
        let ord = c
            .name("ord")
            .or(c.name("ord2"))
            .and_then(|o| ordinal(o.as_str()));
        let letter = let_items.first().map(|(_, s)| norm_letter(s));
        // Each level hangs from the last item of the level above: in
        // "artt. 76, 87 e 117, secondo comma" the paragraph is article 117's,
        // in "art. 1, commi 1 e 2, lett. a) e b)" the letters are paragraph
        // 2's. After a singular "comma" the other numbers are articles:
        // "art. 49, comma 1 e 147-bis", "artt. 107, 151, comma 4, 183 e 184".
        // So too after "co." or "c." in a list of articles: "artt. 151 co.
        // 4 e 147 bis".
        let plural_arts = c.name("akw").is_some_and(|k| {
            let k = fold(k.as_str()).replace([' ', '\t'], "");
            k == "artt." || k == "artt" || k == "articoli"
        });
        let singular = c.name("parkw").is_some_and(|k| {
            let k = fold(k.as_str());
            k == "comma"
                || k == "paragrafo"
                || (plural_arts && !["commi", "cc.", "paragrafi", "parr."].contains(&k.as_str()))
        });
        // "art. 107, commi 2 e 3, e 109, comma 2": a number with a
        // paragraph of its own after the list of paragraphs is an article.
        let has_pars2 = c.name("pars2").is_some();
        // Ordinal words name paragraphs only: "comma primo e secondo
        // periodo" has no second article.
        let ordinals = c
            .name("pars")
            .is_some_and(|p| ordinal(p.as_str().split([',', ' ']).next().unwrap_or("")).is_some());
        // "comma 450, primo periodo e 452, primo periodo": numbers each with
        // its sentence are paragraphs, all of them.
        let periodic = c
            .name("pars")
            .is_some_and(|p| PERIOD_WORDS.is_match(p.as_str()));
        let (pars, more_arts) = if periodic {
            (&par_items[..], &par_items[..0])
        } else if ordinals && singular {
            (&par_items[..par_items.len().min(1)], &par_items[..0])
        } else if ordinals {
            (&par_items[..], &par_items[..0])
        } else if singular && par_items.len() > 1 {
            // "comma 6 e 6 bis": the paragraph's own -bis is a paragraph
            // too, not an article ("comma 1 e 147-bis" is).
            let own = par_items[1..]
                .iter()
                .take_while(|(_, p)| suffix_of(&par_items[0].1, p))
                .count();
            par_items.split_at(1 + own)
        } else if has_pars2 && par_items.len() > 1 {
            par_items.split_at(par_items.len() - 1)
        } else {
            (&par_items[..], &par_items[..0])
        };
        // "art. 1, comma 1, e 2, comma 1, lettere g) ed l)": letters printed
        // after the second article's own paragraph are that paragraph's.
        let late_letters = !more_arts.is_empty()
            && c.name("lets")
                .zip(c.name("pars2"))
                .is_some_and(|(l, p)| l.start() >= p.end());
        let (let_items, late_lets) = if late_letters {
            (Vec::new(), let_items)
        } else {
            (let_items, Vec::new())
        };
        let letter = if late_letters { None } else { letter };
        let item = |r: &Range<usize>, a: &str, p: Option<String>, l: Option<String>| LocItem {
            range: r.clone(),
            article: Some(norm_num(a)),
            paragraph: p,
            letter: l,
        };
        let mut items = Vec::new();
        if let Some(((last_r, last_a), heads)) = art_items.split_last() {
            for (r, a) in heads {
                items.push(item(r, a, None, None));
            }
            match pars.split_last() {
                None if let_items.len() > 1 => {
                    for (r, l) in &let_items {
                        items.push(item(r, last_a, ord.clone(), Some(norm_letter(l))));
                    }
                }
                None => items.push(item(last_r, last_a, ord.clone(), letter.clone())),
                Some(((pr, pv), par_heads)) => {
                    for (r, p) in par_heads {
                        items.push(item(r, last_a, Some(norm_num(p)), None));
                    }
                    if let_items.len() > 1 {
                        for (r, l) in &let_items {
                            items.push(item(r, last_a, Some(norm_num(pv)), Some(norm_letter(l))));
                        }
                    } else {
                        items.push(item(pr, last_a, Some(norm_num(pv)), letter.clone()));
                    }
                }
            }
        }
        // "art. 5, comma 2, lett. c) e comma 4": another paragraph of the
        // last article.
        if let Some((_, last_a)) = art_items.last() {
            if more_arts.is_empty() {
                for (r, p) in pars3.iter().chain(&pars5) {
                    items.push(item(r, last_a, Some(norm_num(p)), None));
                }
            }
            // "art. 117, commi secondo, lett. e), e terzo": another
            // paragraph named by its ordinal word, after a list of them.
            if let (Some(p), true, false) = (c.name("pars4"), ordinals, extended) {
                items.push(item(&p.range(), last_a, ordinal(p.as_str()), None));
            }
        }
        // "artt. 11, comma 3 e 18, comma 1": the last article's paragraphs.
        // "articoli 151 comma 4 e 183 comma 7": without the comma before it,
        // the second article's paragraph is read as a further paragraph.
        let pars2 = match c.name("pars2") {
            Some(p) => split_list(p),
            None if !more_arts.is_empty() && singular => pars3.clone(),
            None => Vec::new(),
        };
        if let Some(((last_r, last_a), heads)) = more_arts.split_last() {
            for (r, a) in heads {
                items.push(item(r, a, None, None));
            }
            if pars2.is_empty() {
                items.push(item(last_r, last_a, None, None));
            }
            if let Some(((pr, pv), par_heads)) = pars2.split_last() {
                for (r, p) in par_heads {
                    items.push(item(r, last_a, Some(norm_num(p)), None));
                }
                if late_lets.is_empty() {
                    items.push(item(pr, last_a, Some(norm_num(pv)), None));
                }
                for (r, l) in &late_lets {
                    items.push(item(r, last_a, Some(norm_num(pv)), Some(norm_letter(l))));
                }
            }
        }
        for (r, a) in &arts5 {
            items.push(item(r, a, None, None));
        }
        if let Some(f) = items.first_mut() {
            f.range.start = whole.start;
        }
        if let Some(l) = items.last_mut() {
            l.range.end = whole.end;
        }
        out.push((whole, items, false));
    }
    for c in LOC_BARE.captures_iter(text) {
        let whole = c.get(0).expect("whole match");
        if taken.overlaps(&whole.range()) {
            continue;
        }
        let article = Some(norm_num(&c["art"]));
        // "comma 2 lett. a) dell'art. 1": the letter of the paragraph.
        let letter = c.name("let").map(|l| norm_letter(l.as_str()));
        let mut items: Vec<LocItem> = match c.name("pars") {
            Some(p) => split_list(p)
                .into_iter()
                .map(|(r, v)| LocItem {
                    article: article.clone(),
                    paragraph: Some(norm_num(&v)),
                    letter: letter.clone(),
                    range: r,
                })
                .collect(),
            None => vec![LocItem {
                range: whole.range(),
                article,
                paragraph: c.name("ord").and_then(|o| ordinal(o.as_str())),
                letter,
            }],
        };
        if let Some(f) = items.first_mut() {
            f.range.start = whole.start();
        }
        if let Some(l) = items.last_mut() {
            l.range.end = whole.end();
        }
        out.push((whole.range(), items, true));
    }
    out.sort_by_key(|(r, ..)| r.start);
    out
}

/// An article keyword in the few words before `at` (same clause): "art.
/// 3, comma 2, art. 5" is a list of articles, not comma 2 of article 5.
fn after_article(text: &str, at: usize) -> bool {
    let from = crate::floor_boundary(text, at.saturating_sub(30));
    let head = fold(&text[from..at]);
    let clause = head.rsplit([';', ':']).next().unwrap_or("");
    clause.contains("art")
}

/// Whether `p` is `base` with a Latin suffix: "6 bis" of "6".
fn suffix_of(base: &str, p: &str) -> bool {
    norm_num(p)
        .strip_prefix(&norm_num(base))
        .is_some_and(|rest| rest.starts_with('-'))
}

/// Splits a list (`16, 17 e 18`, `da 1 a 6`) into its items: the byte range
/// of each printed item in the text and the value it stands for; a range
/// gives one value per item it spans, all with the range's span.
fn split_list(group: regex::Match) -> Vec<(Range<usize>, String)> {
    let s = group.as_str();
    // Glosses in brackets are blanked (byte for byte, so that ranges stay
    // true): their words are neither separators nor items.
    let mut masked = mask_glosses(s);
    // "450, primo periodo": the sentence is no item.
    let periods: Vec<Range<usize>> = PERIOD_WORDS.find_iter(&masked).map(|m| m.range()).collect();
    for r in periods.into_iter().rev() {
        masked.replace_range(r.clone(), &" ".repeat(r.len()));
    }
    let s = masked.as_str();
    let mut pieces = Vec::new();
    let mut at = 0;
    for sep in LIST_SEP.find_iter(s) {
        if sep.start() > at {
            pieces.push(at..sep.start());
        }
        at = sep.end();
    }
    if at < s.len() {
        pieces.push(at..s.len());
    }
    pieces
        .into_iter()
        .flat_map(|r| {
            let range = group.start() + r.start..group.start() + r.end;
            expand(&s[r]).into_iter().map(move |v| (range.clone(), v))
        })
        .collect()
}

/// `s` with every bracketed gloss, brackets included, turned into as many
/// spaces as it has bytes.
fn mask_glosses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for ch in s.chars() {
        match ch {
            '(' => depth += 1,
            ')' if depth > 0 => {
                depth -= 1;
                out.push(' ');
                continue;
            }
            _ => {}
        }
        if depth > 0 {
            out.extend(std::iter::repeat_n(' ', ch.len_utf8()));
        } else {
            out.push(ch);
        }
    }
    out
}

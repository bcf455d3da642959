//! Counterparties of an act (issue 23): the suppliers, beneficiaries and
//! others it names, each anchored on a tax id (partita IVA, codice fiscale)
//! with the name before it: a legal form ("Alfa S.r.l.", "Fondazione
//! Beta"), a title ("Sig. Mario Rossi") or capitalised words. The words
//! come from the `[[legal_form]]` and `[[party_role]]` rules of
//! `rules/money_parties.toml`. A firm named with a legal form and no tax id is not
//! read: tried, it gave as many wrong suppliers as right ones on the test
//! bodies (the central purchasing body, the act's own company, a firm named
//! in passing).

use std::ops::Range;
use std::sync::LazyLock;

use atti_italian::money::codes;
use regex::Regex;

use super::document::Doc;
use super::money::MoneyRules;
use super::money_text::{clause, nearest};
use crate::record::{Party, Span};

/// One label of a tax id: partita IVA, codice fiscale, in their usual
/// spellings ("P.IVA", "P. I.", "Partita Iva", "C.F.", "CF", "cod. fisc.").
const ONE_LABEL: &str = r"(?:P\.?\s?I(?:VA)?\.?|partita\s+I\.?V\.?A\.?|C\.\s?F\.|CF\b|cod(?:ice|\.)?\s*fisc(?:ale|\.)?)";

/// A tax id with its label: one label or several joined ("C.F./P.IVA",
/// "codice fiscale e partita IVA", "P.IVA - C.F."), a number sign, a
/// colon, the country prefix, then 11 digits or a personal codice fiscale.
pub(super) static TAX_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{ONE_LABEL}\.?(?:\s*(?:/|\be\b|-|–)\s*{ONE_LABEL}\.?)*\s*(?:n\.|n°|nr\.?|num\.)?\s*[:=]?\s*(?:IT)?\s*(?P<id>[0-9]{{11}}|[A-Za-z]{{6}}[0-9LMNPQRSTUV]{{2}}[A-Za-z][0-9LMNPQRSTUV]{{2}}[A-Za-z][0-9LMNPQRSTUV]{{3}}[A-Za-z])\b"
    ))
    .expect("valid regex")
});

/// Where a counterparty's seat, residence or birth is said: its name
/// ends before.
static SEAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,(\s]\s*(?:con\s+sede|sede\s+legale|avente\s+sede|residente|nat[oa]\s+a|domiciliat[oa]|con\s+studio|corrente\s+in)\b")
        .expect("valid regex")
});

/// The words that say a firm follows ("alla ditta", "l'operatore
/// economico"), with an adjective of origin and an opening quote before a
/// quoted name ("alla ditta cesenate “").
pub(super) static FIRM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:ditta|operatore\s+economico|societ[àa]|impresa|fornitore)(?:\s+[a-zàèéìòù]{3,}\s*[“«])?\s*[“«]?\s*$")
        .expect("valid regex")
});

/// A partnership's legal form (S.n.c., S.a.s.): its registered name goes
/// on with its partners ("Avizoo Snc di Torroni Giuseppe e Pollarini
/// Aldo", "SCELPA Sas del dr. Edgardo Zagnoli e C.").
static PARTNERSHIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\A(?:s\.?\s?n\.?\s?c|s\.?\s?a\.?\s?s)\.?\z").expect("valid regex")
});

/// The partners after a partnership's form: "di", a person's title (a
/// `[[title]]` rule), one to three capitalised names, then "e" and a name
/// or "C." (& C.), at most twice.
fn partners_pattern(titles: &str) -> String {
    format!(
        r"\A[ \t]+(?:di|del|dei)[ \t]+(?:{titles}[ \t]*)?\p{{Lu}}[\p{{L}}'’]+(?:[ \t]+\p{{Lu}}[\p{{L}}'’]+){{0,2}}(?:[ \t]+(?:e|&)[ \t]+(?:[Cc]\.|\p{{Lu}}[\p{{L}}'’]+(?:[ \t]+\p{{Lu}}[\p{{L}}'’]+){{0,2}})){{0,2}}"
    )
}

/// How far a partnership's name goes on after its form (`form`, the text
/// of the form, then `after`): the partners' names, or nothing.
pub(super) fn partners(rules: &MoneyRules, form: &str, after: &str) -> usize {
    if !PARTNERSHIP.is_match(form.trim()) {
        return 0;
    }
    rules
        .with_titles(|t| &t.partners, partners_pattern)
        .find(after)
        .map_or(0, |m| m.end())
}

pub(super) fn parties(rules: &MoneyRules, doc: &Doc, admin: Option<&str>) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    // A line with a tax id printed the same on three pages or more is the
    // issuing body's letterhead or footer, not a counterparty's (a
    // counterparty's id may well be printed on three pages: premises,
    // dispositive, accounting attestation, each in its own sentence).
    let mut pages_of: std::collections::HashMap<String, usize> = Default::default();
    for page in doc.pages {
        let mut seen: Vec<String> = TAX_LABEL
            .find_iter(&page.text)
            .map(|m| line_of(&page.text, m.start()))
            .collect();
        seen.sort();
        seen.dedup();
        for t in seen {
            *pages_of.entry(t).or_default() += 1;
        }
    }
    for (i, text) in doc.clean.iter().enumerate() {
        let page = doc.pages[i].number;
        for m in TAX_LABEL.captures_iter(text) {
            let (all, id) = (m.get(0).unwrap(), m.name("id").unwrap());
            let Some(tax_id) = codes::tax_id(id.as_str()) else {
                continue;
            };
            if letterhead(&doc.pages[i].text, all.start())
                || pages_of
                    .get(&line_of(text, all.start()))
                    .is_some_and(|n| *n >= 3)
            {
                continue;
            }
            // A name with a legal form or a title before the id; else the
            // name a label gives in the lines above it (an accounting
            // attestation's creditor); else bare capitalised words.
            let found = seated_name(rules, text, all.start())
                .or_else(|| name_before(rules, text, clause_for_name(text, all.start(), NEAR)));
            let labelled = labelled_name(rules, text, all.start());
            let (name, range, formed, label) = match (found, labelled) {
                (Some(f), _) if f.2 => (f.0, f.1, true, None),
                (_, Some((n, r, role))) => (n, r, true, Some(role)),
                (Some(f), None) => (f.0, f.1, f.2, None),
                (None, None) => continue,
            };
            if is_administration(&name, admin) || !has_name_word(&name) {
                continue;
            }
            let cue = nearest(&rules.party_roles, clause(rules, text, range.start));
            // A bare name (no legal form, no title) is a party only where the
            // sentence says what the act gives it.
            if !formed && cue.is_none_or(|c| c.regex.as_str().ends_with(r"\A")) {
                continue;
            }
            let role = label
                .or_else(|| cue.map(|c| c.value.clone()))
                .unwrap_or_else(|| "other".to_owned());
            let span = Span {
                page,
                start: range.start,
                end: id.end(),
            };
            // The same party: its tax id, or its name's words in any order
            // ("MONTANILE ORSOLA" with its codice fiscale, "Orsola
            // Montanile" with her partita IVA).
            let same = out.iter_mut().find(|p| {
                p.tax_id.as_deref() == Some(tax_id.as_str()) || word_key(&p.name) == word_key(&name)
            });
            match same {
                Some(p) => {
                    if name.len() > p.name.len() {
                        p.name = name;
                    }
                }
                None => out.push(Party {
                    seq: out.len() as u32 + 1,
                    role,
                    name,
                    tax_id: Some(tax_id),
                    span: Some(span),
                }),
            }
        }
    }
    out
}

/// The line of `text` around `at`, whitespace collapsed.
fn line_of(text: &str, at: usize) -> String {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    atti_italian::squash(&text[start..end])
}

/// A name's words folded and sorted: the same name in any order.
fn word_key(s: &str) -> Vec<String> {
    let mut w: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    w.sort();
    w
}

/// Adds a party read at `range` of page `page`, numbered after those of
/// `out` (the readers decide first whether it is one already there).
pub(super) fn append(
    out: &mut Vec<Party>,
    page: u32,
    role: String,
    name: String,
    tax_id: Option<String>,
    range: Range<usize>,
) {
    out.push(Party {
        seq: out.len() as u32 + 1,
        role,
        name,
        tax_id,
        span: Some(Span {
            page,
            start: range.start,
            end: range.end,
        }),
    });
}

pub(super) fn fold(s: &str) -> String {
    atti_italian::numwords::fold(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

pub(super) fn is_administration(name: &str, admin: Option<&str>) -> bool {
    let n = fold(name);
    admin.is_some_and(|a| !n.is_empty() && (fold(a).contains(&n) || n.contains(&fold(a))))
}

/// A tax id among the first or last three lines of its page: the issuing
/// body's letterhead or footer.
fn letterhead(page: &str, at: usize) -> bool {
    if page.trim().lines().count() < 10 {
        return false;
    }
    let line_start = page[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = page[at..].find('\n').map_or(page.len(), |i| at + i);
    if line_end - line_start > 200 {
        // A paragraph, not a letterhead's line.
        return false;
    }
    let lines_before = page[..at].matches('\n').count();
    let lines_after = page[at..].trim_end().matches('\n').count();
    lines_before < 3 || lines_after < 3
}

/// How many lines above a tax id a label may give its holder's name.
const LABEL_LINES: usize = 3;

/// The name a label of the `[[party_cue]]` rules (those without `to`:
/// "Beneficiario:", "Creditore:", "Denominazione:") gives on one of the
/// few lines above a tax id, as accounting attestations print the creditor
/// ("Creditore" / "Denominazione: ALFA S.R.L. - Progressivo" / "Codice
/// Fiscale: ..."), with the label's role; the nearest label wins. The
/// name runs to the end of its line, a ` - ` or a tab.
fn labelled_name(
    rules: &MoneyRules,
    text: &str,
    at: usize,
) -> Option<(String, Range<usize>, String)> {
    let mut from = text[..at].rfind('\n').map_or(0, |i| i + 1);
    for _ in 0..LABEL_LINES {
        if from == 0 {
            break;
        }
        from = text[..from - 1].rfind('\n').map_or(0, |i| i + 1);
    }
    let block = &text[from..at];
    rules
        .party_cues
        .iter()
        .filter(|c| c.to.is_none())
        .flat_map(|c| c.regex.find_iter(block).map(move |m| (m, c)))
        .filter_map(|(m, c)| {
            let rest = &block[m.end()..];
            let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
            let len = [" - ", " – ", "\t"]
                .iter()
                .filter_map(|p| line.find(p))
                .min()
                .unwrap_or(line.len());
            // A name ends before a number (a birth date, a code).
            let len = line[..len]
                .match_indices(' ')
                .find(|(i, _)| line[i + 1..].starts_with(|c: char| c.is_ascii_digit()))
                .map_or(len, |(i, _)| i);
            let name = tidy(&line[..len]);
            let ok = name.chars().next().is_some_and(char::is_uppercase)
                && has_name_word(&name)
                && !rules.not_parties.iter().any(|n| n.regex.is_match(&name));
            let s = from + m.end() + (line.len() - line.trim_start().len());
            ok.then(|| (name, s..from + m.end() + len, c.value.clone()))
        })
        .max_by_key(|(_, r, _)| r.start)
}

/// How far before its tax id a name is looked for.
const NEAR: usize = 160;
/// How far, when the seat or the residence is said between the name and
/// its tax id ("Alfa S.r.l., con sede legale in Via Roma 12, 80100
/// Napoli (NA), P.IVA ...").
const SEATED: usize = 320;

/// The name before the seat said before a tax id, when it has a legal
/// form or a title: the address between them may be long.
fn seated_name(rules: &MoneyRules, text: &str, at: usize) -> Option<(String, Range<usize>, bool)> {
    let wide = clause_for_name(text, at, SEATED);
    let seat = SEAT.find_iter(&text[wide.clone()]).last()?;
    let end = wide.start + seat.start();
    name_before(rules, text, wide.start..end).filter(|f| f.2)
}

/// Where a name before a tax id label may start: `len` bytes back, not
/// before the previous tax id, `;` or blank line.
fn clause_for_name(text: &str, at: usize, len: usize) -> Range<usize> {
    let from = text.ceil_char_boundary(at.saturating_sub(len));
    static END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r";|\n\s*\n|\b\d{11}\b").expect("valid regex"));
    let cut = END.find_iter(&text[from..at]).last().map_or(0, |m| m.end());
    from + cut..at
}

/// Whether a name has a word of three letters or more that is not a tax
/// label ("CF e" is no name), a salutation ("Spett.le") nor a mask of the
/// published copy ("XXXXXXXXXXX.XXX S.r.l.": a name withheld is none).
pub(super) fn has_name_word(name: &str) -> bool {
    name.split(|c: char| !c.is_alphabetic()).any(|w| {
        w.chars().count() >= 3
            && !["IVA", "iva", "Iva", "Spett", "spett", "Spettabile"].contains(&w)
            && !w.chars().all(|c| c == 'x' || c == 'X')
    })
}

/// The name before a tax id label, its range, and whether a legal form or
/// a title marks it as a name.
fn name_before(
    rules: &MoneyRules,
    text: &str,
    r: Range<usize>,
) -> Option<(String, Range<usize>, bool)> {
    let window = &text[r.clone()];
    // A legal form: the last one in the window.
    let form = rules
        .legal_forms
        .iter()
        .flat_map(|c| c.regex.find_iter(window).map(move |m| (m, c)))
        .max_by_key(|(m, _)| m.end());
    if let Some((m, c)) = form {
        if let Some((name, range)) = form_name(rules, window, m.range(), c.value == "after") {
            return Some((name, r.start + range.start..r.start + range.end, true));
        }
    }
    if let Some(t) = rules.title().find_iter(window).last() {
        let e = forward_words(window, t.end(), 4);
        if e > t.end() {
            return Some((
                tidy(&window[t.end()..e]),
                r.start + t.end()..r.start + e,
                true,
            ));
        }
    }
    // Capitalised words right before the label (`ROSSI MARIO, C.F. ...`),
    // or before where the seat is said (`ALFA con sede in Roma, P.IVA`).
    let end = SEAT.find(window).map_or(window.len(), |m| m.start());
    let end = window[..end]
        .trim_end_matches([' ', ',', '(', '-', '–', '\n', '\t'])
        .len();
    let start = backward_words(window, end, 5);
    let name = tidy(&window[start..end]);
    let words = name.split(' ').filter(|w| !w.is_empty()).count();
    // One word is a name where the text says it is a firm's (`alla ditta
    // ASTRO-TEL`).
    let named = FIRM.is_match(&window[..start]);
    (words >= 2 || (words == 1 && named)).then(|| (name, r.start + start..r.start + end, named))
}

/// The name a legal form at `m` of `window` belongs to: the words before
/// it ("Alfa S.r.l."), or after it when the form is written first
/// (`after`: "Fondazione Beta"); none when no name word stands beside it.
pub(super) fn form_name(
    rules: &MoneyRules,
    window: &str,
    m: Range<usize>,
    after: bool,
) -> Option<(String, Range<usize>)> {
    let (s, e) = if after {
        (m.start, forward_words(window, m.end, 8))
    } else {
        let tail = partners(rules, &window[m.clone()], &window[m.end..]);
        (backward_words(window, m.start, 8), m.end + tail)
    };
    let bare = (after && e <= m.end) || (!after && s >= m.start);
    if e <= s || bare {
        return None;
    }
    // A particle at either end is the sentence's, not the name's ("da
    // Sport e Salute s.p.a.", "Studio Rossi del").
    let mut s = s;
    let mut e = e;
    loop {
        let w = &window[s..e];
        let first = w.split(' ').next().unwrap_or("");
        let last = w.rsplit(' ').next().unwrap_or("");
        if PARTICLES.contains(&first) && first.len() < w.len() {
            s += first.len() + 1;
        } else if PARTICLES.contains(&last) && last.len() < w.len() {
            e -= last.len() + 1;
        } else {
            break;
        }
    }
    let name = tidy(&window[s..e]);
    (name.chars().filter(|c| c.is_alphabetic()).count() > 2).then_some((name, s..e))
}

/// Lower-case words that join the words of a name but neither begin nor
/// end one.
pub(super) const PARTICLES: &[&str] = &[
    "e", "di", "de", "del", "della", "dei", "da", "-", "d'", "von", "ex",
];

/// A word of a name: capitalised, or a digit, `&`, or a joining particle.
pub(super) fn name_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| "\"“”«»'’(),".contains(c));
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || w == "&"
        || PARTICLES.contains(&w)
}

/// The start of the run of name words that ends at `end` (at most `max`).
fn backward_words(s: &str, end: usize, max: usize) -> usize {
    let mut start = end;
    let mut n = 0;
    for (i, w) in s[..end].trim_end().rsplit_terminator(' ').enumerate() {
        if i > 0 && (n >= max || !name_word(w) || w.ends_with([',', ':', ';'])) {
            break;
        }
        if w.contains('\n') {
            // A line break inside: keep the part after it.
            let tail = w.rsplit('\n').next().unwrap_or("");
            if name_word(tail) {
                start = s[..start].trim_end().len() - tail.len();
            }
            break;
        }
        if w.is_empty() || (i == 0 && !name_word(w) && !w.contains('.')) {
            if i == 0 {
                continue;
            }
            break;
        }
        start = s[..start].trim_end().len() - w.len();
        n += 1;
    }
    start
}

/// The end of the run of name words that starts at `from`.
fn forward_words(s: &str, from: usize, max: usize) -> usize {
    let mut end = from;
    let mut pos = from;
    for (n, w) in s[from..].split(' ').enumerate() {
        let at = pos;
        pos += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        if n > max || !name_word(w) || w.contains('\n') {
            break;
        }
        end = at + w.len();
        if w.ends_with(',') {
            end -= 1;
            break;
        }
    }
    end
}

pub(super) fn tidy(s: &str) -> String {
    atti_italian::squash(s)
        .trim_matches(|c: char| " ,;:(\"“”«»-–".contains(c))
        .to_owned()
}

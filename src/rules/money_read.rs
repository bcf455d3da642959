//! Reading money, codes and counterparties from a document with the money
//! rules ([`super::money`]).
//!
//! - Sums: every sum `atti_italian::money` finds in the cleaned text; its
//!   role is the `[[amount_role]]` cue nearest before it in its clause
//!   (back to the previous `;`, full stop or blank line), `other` when none.
//!   The main amount is the first sum of the dispositive (from the first
//!   `[[dispositive]]` line on; the whole act when none) whose role is
//!   marked `main`.
//! - Codes: what a `[[code]]` label names, cleaned; those failing their
//!   format check are kept apart (reported by the compliance summary).
//! - Parties: a tax id (P.IVA, C.F.) that passes its check, and the name
//!   printed before it: words before a `[[legal_form]]` written after the
//!   name (`Rossi S.r.l.`), after one written before it (`Fondazione ...`),
//!   a title and a person's name, or the capitalised words just before the
//!   label. The role is the nearest `[[party_role]]` cue in the sentence.
//!   The administration's own tax id (its letterhead) is never a party.
//! - Administration: the first `[[administration]]` rule matching the head
//!   of the first page, written in its canonical form.

use std::ops::Range;
use std::sync::LazyLock;

use atti_italian::money::{codes, find_amounts, Euro};
use regex::Regex;

use super::document::Doc;
use super::money::{Cue, MoneyKind, MoneyRules};
use crate::record::{Amount, Party, Span};

/// What the money rules read from one document.
#[derive(Debug, Clone, Default)]
pub struct MoneyRead {
    pub amounts: Vec<Amount>,
    /// The main amount: its value, role and where it is.
    pub main: Option<(Euro, String, Option<Span>)>,
    /// (`cig` or `cup`, code, span, passes its format check)
    pub codes: Vec<(String, String, Span, bool)>,
    pub parties: Vec<Party>,
    pub administration: Option<(String, Span)>,
    pub dispositive: Option<String>,
}

/// Lines of the first page read for the administration.
const HEAD_LINES: usize = 15;
/// How far back a cue is looked for.
const CLAUSE: usize = 300;

static TAX_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:P\.?\s?I(?:VA)?\.?|partita\s+I\.?V\.?A\.?|C\.\s?F\.|CF\b|cod(?:ice|\.)?\s*fisc(?:ale|\.)?)\s*(?:n\.|n°|nr\.?|:|/|e\s+C\.?\s?F\.?)?\s*(?:IT)?\s*(?P<id>[0-9]{11}|[A-Za-z]{6}[0-9LMNPQRSTUV]{2}[A-Za-z][0-9LMNPQRSTUV]{2}[A-Za-z][0-9LMNPQRSTUV]{3}[A-Za-z])\b")
        .expect("valid regex")
});
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[Ss]ig(?:\.ra|\.|nor[ae]?)|[Dd]ott(?:\.ssa|\.|oressa)|[Aa]vv\.|[Ii]ng\.|[Aa]rch\.|[Gg]eom\.|[Pp]rof\.(?:ssa)?)\s*").expect("valid regex")
});

pub fn read(rules: &MoneyRules, doc: &Doc) -> MoneyRead {
    let mut out = MoneyRead::default();
    let disp = dispositive(rules, doc);
    out.dispositive = disp.map(|(p, at)| first_line(&doc.clean[p][at..]));
    for (i, text) in doc.clean.iter().enumerate() {
        let page = doc.pages[i].number;
        for a in find_amounts(text) {
            let role = nearest(&rules.amount_roles, clause(text, a.range.start));
            let span = Span {
                page,
                start: a.range.start,
                end: a.range.end,
            };
            let in_disp = disp.is_none_or(|(p, at)| i > p || (i == p && a.range.start >= at));
            if out.main.is_none() && in_disp {
                if let Some(c) = role.filter(|c| c.main) {
                    out.main = Some((a.value, c.value.clone(), Some(span)));
                }
            }
            out.amounts.push(Amount {
                seq: out.amounts.len() as u32 + 1,
                value: a.value,
                role: Some(role.map_or("other", |c| c.value.as_str()).to_owned()),
                raw: a.raw,
                span: Some(span),
            });
        }
        for c in &rules.codes {
            for m in c.regex.captures_iter(text) {
                let Some(g) = m.name("code").or_else(|| m.get(1)) else {
                    continue;
                };
                let code = codes::code(g.as_str());
                // A word where the code should be is no code at all.
                if !code.chars().any(|ch| ch.is_ascii_digit()) {
                    continue;
                }
                let ok = match c.value.as_str() {
                    "cig" => codes::is_cig(&code),
                    _ => codes::is_cup(&code),
                };
                if out.codes.iter().any(|x| x.0 == c.value && x.1 == code) {
                    continue;
                }
                let span = Span {
                    page,
                    start: g.start(),
                    end: g.end(),
                };
                out.codes.push((c.value.clone(), code, span, ok));
            }
        }
    }
    out.administration = administration(rules, doc);
    out.parties = parties(rules, doc, out.administration.as_ref().map(|a| a.0.as_str()));
    out
}

/// The page and offset where the dispositive begins.
fn dispositive(rules: &MoneyRules, doc: &Doc) -> Option<(usize, usize)> {
    doc.clean.iter().enumerate().find_map(|(i, t)| {
        rules
            .dispositive
            .iter()
            .filter_map(|c| c.regex.find(t))
            .map(|m| m.start())
            .min()
            .map(|at| (i, at))
    })
}

fn first_line(s: &str) -> String {
    atti_italian::squash(s.lines().find(|l| !l.trim().is_empty()).unwrap_or(""))
}

/// The text of the clause before `at`: back to `;`, a full stop before a
/// capital or a blank line, at most [`CLAUSE`] bytes.
fn clause(text: &str, at: usize) -> &str {
    let mut from = at.saturating_sub(CLAUSE);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..at];
    static END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r";|\n\s*\n|[a-z]{3}\.\s+[A-Z]").expect("valid regex"));
    let cut = END.find_iter(window).last().map_or(0, |m| m.end());
    &window[cut..]
}

/// The cue whose match ends last in `clause` (the first rule on a tie).
fn nearest<'r>(cues: &'r [Cue], clause: &str) -> Option<&'r Cue> {
    let mut best: Option<(usize, &Cue)> = None;
    for c in cues {
        if let Some(end) = c.regex.find_iter(clause).map(|m| m.end()).last() {
            if best.is_none_or(|(b, _)| end > b) {
                best = Some((end, c));
            }
        }
    }
    best.map(|(_, c)| c)
}

fn administration(rules: &MoneyRules, doc: &Doc) -> Option<(String, Span)> {
    let page = doc.pages.first()?;
    let head_end = page
        .text
        .match_indices('\n')
        .nth(HEAD_LINES - 1)
        .map_or(page.text.len(), |(i, _)| i);
    let head = &page.text[..head_end];
    rules.administrations.iter().find_map(|c| {
        let m = c.regex.captures(head)?;
        let name = m.name("name")?;
        // A name printed in capitals is written as a name; one printed in
        // mixed case is kept as printed ("PagoPA").
        let printed = name.as_str();
        let shown = if printed.chars().any(char::is_lowercase) {
            atti_italian::squash(printed)
        } else {
            title_case(printed)
        };
        let canonical = c.value.replace("{name}", &shown);
        let span = Span {
            page: page.number,
            start: name.start(),
            end: name.end(),
        };
        Some((atti_italian::squash(&canonical), span))
    })
}

/// `MONZA E DELLA BRIANZA` -> `Monza e della Brianza`.
pub fn title_case(s: &str) -> String {
    const SMALL: &[&str] = &[
        "di", "del", "della", "dei", "degli", "delle", "e", "ed", "in", "sul", "al",
    ];
    atti_italian::squash(s)
        .split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            if SMALL.contains(&lower.as_str()) {
                return lower;
            }
            let mut out = String::new();
            let mut up = true;
            for ch in lower.chars() {
                if up {
                    out.extend(ch.to_uppercase());
                } else {
                    out.push(ch);
                }
                up = ch == '\'' || ch == '’' || ch == '-';
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn parties(rules: &MoneyRules, doc: &Doc, admin: Option<&str>) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    for (i, text) in doc.clean.iter().enumerate() {
        let page = doc.pages[i].number;
        for m in TAX_LABEL.captures_iter(text) {
            let (all, id) = (m.get(0).unwrap(), m.name("id").unwrap());
            let Some(tax_id) = codes::tax_id(id.as_str()) else {
                continue;
            };
            if letterhead(&doc.pages[i].text, all.start()) {
                continue;
            }
            let before = clause_for_name(text, all.start());
            let Some((name, range)) = name_before(rules, text, before) else {
                continue;
            };
            if is_administration(&name, admin) {
                continue;
            }
            let role = nearest(&rules.party_roles, clause(text, range.start))
                .map_or("other", |c| c.value.as_str())
                .to_owned();
            let span = Span {
                page,
                start: range.start,
                end: id.end(),
            };
            let same = out.iter_mut().find(|p| {
                p.tax_id.as_deref() == Some(tax_id.as_str()) || fold(&p.name) == fold(&name)
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

fn fold(s: &str) -> String {
    atti_italian::numwords::fold(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn is_administration(name: &str, admin: Option<&str>) -> bool {
    let n = fold(name);
    admin.is_some_and(|a| !n.is_empty() && (fold(a).contains(&n) || n.contains(&fold(a))))
}

/// A tax id among the first or last three lines of its page: the issuing
/// body's letterhead or footer.
fn letterhead(page: &str, at: usize) -> bool {
    if page.trim().lines().count() < 10 {
        return false;
    }
    let lines_before = page[..at].matches('\n').count();
    let lines_after = page[at..].trim_end().matches('\n').count();
    lines_before < 3 || lines_after < 3
}

/// Where a name before a tax id label may start: 160 bytes back, not
/// before the previous tax id, `;` or blank line.
fn clause_for_name(text: &str, at: usize) -> Range<usize> {
    let mut from = at.saturating_sub(160);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    static END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r";|\n\s*\n|\b\d{11}\b").expect("valid regex"));
    let cut = END.find_iter(&text[from..at]).last().map_or(0, |m| m.end());
    from + cut..at
}

fn name_before(rules: &MoneyRules, text: &str, r: Range<usize>) -> Option<(String, Range<usize>)> {
    let window = &text[r.clone()];
    // A legal form: the last one in the window.
    let form = rules
        .legal_forms
        .iter()
        .flat_map(|c| c.regex.find_iter(window).map(move |m| (m, c)))
        .max_by_key(|(m, _)| m.end());
    if let Some((m, c)) = form {
        let (s, e) = if c.value == "after" {
            (m.start(), forward_words(window, m.end(), 8))
        } else {
            (backward_words(window, m.start(), 8), m.end())
        };
        if e > s {
            let name = tidy(&window[s..e]);
            if name.chars().filter(|c| c.is_alphabetic()).count() > 2 {
                return Some((name, r.start + s..r.start + e));
            }
        }
    }
    if let Some(t) = TITLE.find_iter(window).last() {
        let e = forward_words(window, t.end(), 4);
        if e > t.end() {
            return Some((tidy(&window[t.end()..e]), r.start + t.end()..r.start + e));
        }
    }
    // Capitalised words right before the label (`ROSSI MARIO, C.F. ...`).
    let end = window.trim_end_matches([' ', ',', '(', '-', '–', '\n', '\t']).len();
    let start = backward_words(window, end, 5);
    let name = tidy(&window[start..end]);
    let words = name.split(' ').filter(|w| !w.is_empty()).count();
    (words >= 2).then(|| (name, r.start + start..r.start + end))
}

/// A word of a name: capitalised, or a digit, `&`, or a joining particle.
fn name_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| "\"“”«»'’(),".contains(c));
    w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || ["&", "e", "di", "de", "del", "della", "dei", "-", "d'", "von", "da"].contains(&w)
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

fn tidy(s: &str) -> String {
    atti_italian::squash(s)
        .trim_matches(|c: char| " ,;:(\"“”«»-–".contains(c))
        .to_owned()
}

/// Puts what was read into the rules' output: the amounts, parties and
/// administration of the document, the codes and main amount on its first
/// decision, and every value with its span among the fields read (what
/// `atti show` prints; codes failing their check included, for the
/// compliance summary).
pub fn apply(m: MoneyRead, x: &mut super::RuleOutput) {
    let field = |name: &str, value: String, rule: &str, span: Option<Span>| crate::record::Field {
        name: name.to_owned(),
        value,
        rule: rule.to_owned(),
        span,
    };
    for (k, code, span, ok) in &m.codes {
        let rule = if *ok { "money.code" } else { "money.code.invalid" };
        x.fields
            .push(field(&format!("decision.{k}"), code.clone(), rule, Some(*span)));
    }
    let joined = |k: &str| {
        let v: Vec<&str> = m
            .codes
            .iter()
            .filter(|c| c.0 == k && c.3)
            .map(|c| c.1.as_str())
            .collect();
        (!v.is_empty()).then(|| v.join(" "))
    };
    if let Some(d) = x.decisions.first_mut() {
        d.cig = joined("cig");
        d.cup = joined("cup");
        if let Some((v, role, _)) = &m.main {
            d.main_amount = Some(*v);
            d.main_amount_role = Some(role.clone());
        }
    }
    if let Some((v, role, span)) = &m.main {
        x.fields
            .push(field("decision.main_amount", v.to_string(), "money.main", *span));
        x.fields
            .push(field("decision.main_amount_role", role.clone(), "money.main", *span));
    }
    for a in &m.amounts {
        let v = format!("{} {}", a.value, a.role.as_deref().unwrap_or(""));
        x.fields.push(field("amount.value", v, "money.amount", a.span));
    }
    for p in &m.parties {
        let v = format!("{} {}", p.role, p.name);
        x.fields.push(field("party.name", v, "money.party", p.span));
    }
    if let Some((name, span)) = &m.administration {
        x.fields.push(field(
            "document.administration",
            name.clone(),
            "money.administration",
            Some(*span),
        ));
    }
    x.amounts = m.amounts;
    x.parties = m.parties;
    x.administration = m.administration.map(|a| a.0);
}

impl MoneyRead {
    /// What an example of a rule of `kind` expects, in brief.
    pub fn brief(&self, kind: MoneyKind) -> String {
        let v: Vec<String> = match kind {
            MoneyKind::AmountRole => self
                .amounts
                .iter()
                .map(|a| format!("{} {}", a.value, a.role.as_deref().unwrap_or("")))
                .collect(),
            MoneyKind::Code => self
                .codes
                .iter()
                .map(|(k, c, _, ok)| format!("{k} {c}{}", if *ok { "" } else { " (non valido)" }))
                .collect(),
            MoneyKind::LegalForm | MoneyKind::PartyRole => self
                .parties
                .iter()
                .map(|p| {
                    format!("{} {} {}", p.role, p.name, p.tax_id.as_deref().unwrap_or(""))
                        .trim()
                        .to_owned()
                })
                .collect(),
            MoneyKind::Administration => self.administration.iter().map(|a| a.0.clone()).collect(),
            MoneyKind::Dispositive => self.dispositive.iter().cloned().collect(),
        };
        v.join("; ")
    }
}

//! Counterparties named without a tax id, read the way Italian acts name
//! them in what they dispose: a verb that decides something for someone
//! ("di affidare il servizio alla ditta ...", "di liquidare a favore di
//! ...", "di concedere all'Associazione ... un contributo") or a label
//! ("Beneficiario: ..."), then the name. The verbs, the words that
//! introduce the name after them and the words that are never a
//! counterparty (an office, an organ, a generic noun, a law) are the
//! `[[party_cue]]` and `[[not_party]]` rules of `rules/money.toml`; the
//! legal forms that end a firm's name are its `[[legal_form]]` rules.
//!
//! Precise first: a verb is read only in the dispositive (a premise
//! recalls an earlier award, it does not decide one), the name must look
//! like one (a legal form, a title and a person's name, a first form such
//! as "Fondazione", or two capitalised words; one word only after "ditta",
//! "società" and in capitals) and it ends at the usual boundaries: a tax id
//! label, "con sede", a comma, a parenthesis, a lower-case word. Every party
//! of an act with a dispositive must be named there or after it (the
//! accounting attestation): a firm only recalled in the premises is not a
//! party of the act ([`decided`]).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::document::Doc;
use super::money::{Cue, MoneyRules};
use super::money_parties::{fold, is_administration, name_word, tidy, FIRM, PARTICLES, TITLE};
use crate::record::{Party, Span};

/// How far after its verb a party's name is looked for.
const REACH: usize = 400;
/// The most words a name read this way has.
const MAX_WORDS: usize = 10;

/// A tax id's label or the seat: where a name ends.
static STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:C\.?\s?F\.?|CF|P\.|P\.?\s?I\.?V\.?A\.?|Partita|Cod(?:ice|\.)|CUAA|Sede|Via|Piazza|Viale|Corso|Località)(?:\b|:|$)")
        .expect("valid regex")
});

/// What follows a natural person's name: birth, residence.
static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[ \t]*,?[ \t\r\n]*(?:nat[oa][ \t\r\n]+(?:a|ad|in)|residente[ \t\r\n]+(?:a|ad|in))\b",
    )
    .expect("valid regex")
});

/// Where an item of the dispositive ends: `;`, a blank line, a new
/// numbered point.
static ITEM_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m);|\n[ \t]*\n|\n[ \t]*(?:\d{1,2}[ \t]*[.)]|[-–•⁃][ \t])|\.[ \t]*\n[ \t]*\p{Lu}")
        .expect("valid regex")
});

/// Adds to `out` the parties the `[[party_cue]]` rules find: verbs with
/// `to` in the dispositive (from `disp` on), labels anywhere.
pub(super) fn add(
    rules: &MoneyRules,
    doc: &Doc,
    admin: Option<&str>,
    disp: Option<(usize, usize)>,
    out: &mut Vec<Party>,
) {
    for (i, text) in doc.clean.iter().enumerate() {
        let page = doc.pages[i].number;
        for cue in &rules.party_cues {
            let from = match (disp, &cue.to) {
                (_, None) => 0,
                (Some((p, at)), Some(_)) if i == p => at,
                (Some((p, _)), Some(_)) if i > p => 0,
                _ => continue,
            };
            for m in cue.regex.find_iter(&text[from..]) {
                let (vs, ve) = (from + m.start(), from + m.end());
                let limit = item_end(text, ve);
                let Some((name, range)) = read_after(rules, cue, text, vs, ve, limit, admin) else {
                    continue;
                };
                let role = role(rules, cue, &text[vs..limit]);
                let key = fold(&name);
                if out.iter().any(|p| {
                    let k = fold(&p.name);
                    !k.is_empty() && (k.contains(&key) || key.contains(&k))
                }) {
                    continue;
                }
                out.push(Party {
                    seq: out.len() as u32 + 1,
                    role,
                    name,
                    tax_id: None,
                    span: Some(Span {
                        page,
                        start: range.start,
                        end: range.end,
                    }),
                });
            }
        }
    }
}

/// Keeps, in an act with a dispositive, the parties named (by name or tax
/// id) from the dispositive on, and the beneficiaries read without a tax
/// id (an applicant) where the dispositive grants something; numbers them
/// again.
pub(super) fn decided(
    rules: &MoneyRules,
    doc: &Doc,
    disp: Option<(usize, usize)>,
    parties: Vec<Party>,
) -> Vec<Party> {
    let Some((p, at)) = disp else {
        return parties;
    };
    let mut after = String::new();
    for (i, t) in doc.clean.iter().enumerate().skip(p) {
        after.push_str(if i == p { &t[at..] } else { t });
        after.push('\n');
    }
    let folded = fold(&after);
    // A beneficiary the premises name (who asked for it) where the
    // dispositive grants something.
    let grants = rules
        .party_roles
        .iter()
        .any(|r| r.value == "beneficiary" && r.regex.is_match(&after));
    let mut out: Vec<Party> = parties
        .into_iter()
        .filter(|x| {
            x.tax_id.as_deref().is_some_and(|t| after.contains(t))
                || (!fold(&x.name).is_empty() && folded.contains(&fold(&x.name)))
                || (grants && x.role == "beneficiary" && x.tax_id.is_none())
        })
        .collect();
    for (n, x) in out.iter_mut().enumerate() {
        x.seq = n as u32 + 1;
    }
    out
}

fn item_end(text: &str, from: usize) -> usize {
    let end = from + cut(&text[from..], REACH);
    ITEM_END
        .find(&text[from..end])
        .map_or(end, |m| from + m.start())
}

/// The name introduced after a verb (by the cue's `to`, the first
/// introduction followed by a name) or right after a label.
fn read_after(
    rules: &MoneyRules,
    cue: &Cue,
    text: &str,
    vs: usize,
    ve: usize,
    limit: usize,
    admin: Option<&str>,
) -> Option<(String, Range<usize>)> {
    let starts: Vec<(usize, usize)> = match &cue.to {
        None => vec![(vs, ve)],
        Some(to) => to
            .find_iter(&text[ve..limit])
            .map(|m| (ve + m.start(), ve + m.end()))
            .collect(),
    };
    starts.into_iter().find_map(|(is, ie)| {
        let (name, range, formed) = name_at(rules, text, ie, limit)?;
        let firm = FIRM.is_match(text[is..ie].trim_end());
        let ok = looks_like_name(&name, formed, firm)
            && !rules.not_parties.iter().any(|c| c.regex.is_match(&name))
            && !is_administration(&name, admin);
        ok.then_some((name, range))
    })
}

/// The role: a beneficiary where the item speaks of a grant (the
/// `[[party_role]]` rules giving `beneficiary`), else the cue's.
fn role(rules: &MoneyRules, cue: &Cue, item: &str) -> String {
    let grant = rules
        .party_roles
        .iter()
        .any(|r| r.value == "beneficiary" && r.regex.is_match(item));
    if grant && cue.value != "other" {
        "beneficiary".to_owned()
    } else {
        cue.value.clone()
    }
}

/// A legal form or a title with a word of a name; else, after "ditta",
/// "società", "operatore economico", two words of a name (not particles)
/// of two letters or more, or one in capitals. Capitalised words alone
/// are not enough: a heading ("ALBO PRETORIO"), an organ ("Collegio
/// Sindacale") or a procedure ("Fatturazione Automatica") look the same.
fn looks_like_name(name: &str, formed: bool, firm: bool) -> bool {
    let first_ok = name.chars().next().is_some_and(char::is_uppercase);
    let words: Vec<&str> = name
        .split(' ')
        .filter(|w| !PARTICLES.contains(w) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    first_ok
        && (formed && words.len() >= 2
            || firm
                && (words.len() >= 2
                    || (words.len() == 1
                        && words[0].chars().filter(|c| c.is_alphabetic()).count() >= 3
                        && !words[0].chars().any(char::is_lowercase))))
}

/// The name that starts at `at` (after blanks and an opening quote): a
/// title, then name words (over one line break) up to a legal form, a
/// tax id label, a comma or a lower-case word; and whether a legal form
/// or a title marks it.
fn name_at(
    rules: &MoneyRules,
    text: &str,
    at: usize,
    limit: usize,
) -> Option<(String, Range<usize>, bool)> {
    let skip = |p: usize| {
        let s = &text[p..limit];
        p + (s.len()
            - s.trim_start_matches([' ', '\t', '"', '“', '«', '‘', '\''])
                .len())
    };
    let mut pos = skip(at);
    let mut formed = false;
    // Titles may come in a row ("prof. avv.", "dott. ing.").
    while let Some(t) = TITLE.find(&text[pos..limit]).filter(|t| t.start() == 0) {
        pos = skip(pos + t.end());
        formed = true;
    }
    let start = pos;
    // The end of each word read, with the word.
    let mut words: Vec<(usize, &str)> = Vec::new();
    while pos < limit && words.len() < MAX_WORDS {
        // One line break may part a name's words; a blank line may not.
        let last = words.last().map_or(start, |w| w.0);
        if text[last..pos].matches('\n').count() > 1 {
            break;
        }
        let rest = &text[pos..limit];
        let wlen = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..wlen];
        if !words.is_empty() {
            if let Some(f) = form_at(rules, rest, "before") {
                words.push((pos + f, &rest[..f]));
                formed = true;
                break;
            }
        } else if let Some(f) = form_at(rules, rest, "after") {
            // A form written first ("Studio notarile", "Fondazione"): the
            // name goes on after it.
            formed = true;
            words.push((pos + f, &rest[..f]));
            let next = &text[pos + f..limit];
            pos = pos + f + (next.len() - next.trim_start().len());
            continue;
        }
        let bare = word.trim_end_matches([',', ';', ':', ')', '.', '"', '”', '»', '’']);
        if word.starts_with('(') || bare.is_empty() || STOP.is_match(word) || !name_word(bare) {
            break;
        }
        words.push((pos + bare.len(), bare));
        if word.len() > bare.len() && !word.ends_with('.') {
            // A comma, a colon, a closing quote: the name ends here.
            break;
        }
        if word.ends_with('.') && bare.chars().count() > 2 {
            // A full stop after a word (not an initial): the sentence ends.
            break;
        }
        let next = &text[pos + wlen..limit];
        pos = pos + wlen + (next.len() - next.trim_start().len());
    }
    // A particle at the end is the sentence's ("Alfa Beta di").
    while words.last().is_some_and(|w| PARTICLES.contains(&w.1)) {
        words.pop();
    }
    let end = words.last()?.0;
    let name = tidy(&text[start..end]);
    // A person described by birth or residence ("Mario Rossi, nato a
    // Roma il ...") is named as a person is.
    let formed = formed || PERSON.is_match(&text[end..limit]);
    (!name.is_empty()).then_some((name, start..end, formed))
}

/// The length of a legal form that starts `rest`, of the forms whose
/// `value` is `side`: `before` (a form written after a name, so that it
/// ends the name) or `after` (a form written first, "Fondazione").
fn form_at(rules: &MoneyRules, rest: &str, side: &str) -> Option<usize> {
    rules
        .legal_forms
        .iter()
        .filter(|c| c.value == side)
        .filter_map(|c| c.regex.find(&rest[..cut(rest, 80)]))
        .filter(|m| m.start() == 0)
        .map(|m| m.end())
        .max()
}

/// The largest char boundary of `s` at or below `n`.
fn cut(s: &str, n: usize) -> usize {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

//! Counterparties named without a tax id, read the way Italian acts name
//! them in what they dispose: a verb that decides something for someone
//! ("di affidare il servizio alla ditta ...", "di liquidare a favore di
//! ...", "di concedere all'Associazione ... un contributo") or a label
//! ("Beneficiario: ..."), then the name. The verbs, the words that
//! introduce the name after them and the words that are never a
//! counterparty (an office, an organ, a generic noun, a law) are the
//! `[[party_cue]]` and `[[not_party]]` rules of `rules/money_parties.toml`; the
//! legal forms that end a firm's name are its `[[legal_form]]` rules.
//!
//! Precise first: a verb is read only in the dispositive (a premise
//! recalls an earlier award, it does not decide one) and the subject, or
//! in the whole of a report of an act (no premises, no dispositive); the
//! name must look like one (a legal form, a title and a person's name, a first form such
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
use super::money_parties::{append, fold, is_administration, FIRM};
use super::money_party_name::{looks_like_name, name_at};
use crate::record::Party;

/// How far after its verb a party's name is looked for.
const REACH: usize = 400;

/// Where an item of the dispositive ends: `;`, a blank line, a new
/// numbered point.
static ITEM_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m);|\n[ \t]*\n|\n[ \t]*(?:\d{1,2}[ \t]*[.)]|[-–•⁃][ \t])|\.[ \t]*\n[ \t]*\p{Lu}")
        .expect("valid regex")
});

/// The act's subject ("Oggetto: ...") up to the first premise, a blank
/// line (past which one-line paragraphs in sentence case go on) or
/// [`SUBJECT`] bytes, on the first page: it says in a few words
/// what the act decides ("Liquidazione alla ditta ...", "Impegno a favore
/// dei seguenti beneficiari: ..."), so its verbs are read as the
/// dispositive's are.
static OBJECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)oggetto[ \t]*(?::|-|–|\.)").expect("valid regex"));

/// The most bytes of a subject.
const SUBJECT: usize = 4000;
/// How many one-line paragraphs a subject may run over after its first.
const SUBJECT_PARAGRAPHS: usize = 2;
/// The most bytes of such a one-line paragraph.
const SUBJECT_LINE: usize = 200;
/// How far a list of names after a verb may run ("a favore dei seguenti
/// beneficiari: A, B, C ...").
const LIST_REACH: usize = 3000;
/// How many lines of the first page an act's title may be down: a
/// dispositive heading there, before the premises and with none after
/// them, is the act's title ("DETERMINA DEL DIRETTORE N. 108"), and its
/// dispositive is not in the text.
const TITLE_LINES: usize = 12;

/// The subject's page and byte range.
pub(super) fn subject(rules: &MoneyRules, doc: &Doc) -> Option<(usize, Range<usize>)> {
    let text = doc.clean.first()?;
    let m = OBJECT.find(text)?;
    // The subject may stand on the lines below its label ("OGGETTO:",
    // a blank line, then the words).
    let start = m.end() + (text[m.end()..].len() - text[m.end()..].trim_start().len());
    let mut end = start + text[start..].floor_char_boundary(SUBJECT);
    if let Some(b) = text[start..end].find("\n\n") {
        end = start + b;
        // A subject printed over short paragraphs (the title, then
        // "Affidamento alla ditta ..." on a line of its own) goes on over
        // each that is one line in sentence case; a heading in capitals
        // ("ATTESTAZIONE", "IL DIRIGENTE") or a longer paragraph ends it.
        for _ in 0..SUBJECT_PARAGRAPHS {
            let gap = text[end..].len() - text[end..].trim_start().len();
            let next = &text[end + gap..];
            let len = next.find("\n\n").unwrap_or(next.len());
            let para = &next[..len];
            let word = para.split_whitespace().next().unwrap_or("");
            let sentence_case = word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().skip(1).any(char::is_lowercase);
            if para.contains('\n') || len > SUBJECT_LINE || !sentence_case {
                break;
            }
            end += gap + len;
        }
    }
    for c in &rules.premises {
        if let Some(p) = c.regex.find(&text[start..end]) {
            end = start + p.start();
        }
    }
    Some((0, start..end))
}

/// Where the dispositive the parties are read in begins
/// ([`super::money_text::decisions`]), none when the only heading found is
/// the act's title (a text cut before its dispositive).
pub(super) fn dispositive(rules: &MoneyRules, doc: &Doc) -> Option<(usize, usize)> {
    let d = super::money_text::decisions(rules, doc)?;
    let title = super::money_text::premise(rules, doc).is_some_and(|p| p > d)
        && d.0 == 0
        && doc.clean[0][..d.1]
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count()
            < TITLE_LINES;
    (!title).then_some(d)
}

/// Adds to `out` the parties the `[[party_cue]]` rules find: verbs with
/// `to` in the subject and the dispositive (from `disp` on), labels
/// anywhere.
pub(super) fn add(
    rules: &MoneyRules,
    doc: &Doc,
    admin: Option<&str>,
    disp: Option<(usize, usize)>,
    out: &mut Vec<Party>,
) {
    let subject = subject(rules, doc);
    // A text with neither premises nor a dispositive heading is no act
    // but the report of one (a notice, a news item: "È stata redatta una
    // determina ... in cui si affida la fornitura alla ditta X"): what it
    // says was decided, it says in its own sentences, read whole.
    let report = disp.is_none() && super::money_text::premise(rules, doc).is_none();
    for (i, text) in doc.clean.iter().enumerate() {
        let page = doc.pages[i].number;
        // Where verbs are read on this page.
        let mut verbs: Vec<Range<usize>> = Vec::new();
        if let Some((p, r)) = &subject {
            if *p == i {
                verbs.push(r.clone());
            }
        }
        match disp {
            Some((p, at)) if i == p => verbs.push(at..text.len()),
            Some((p, _)) if i > p => verbs.push(0..text.len()),
            None if report => verbs.push(0..text.len()),
            _ => {}
        }
        // A sentence goes on over the page break: a verb near a page's end
        // reads its names on the next page too ("tra Consip S.p.a. e il
        // R.T.I." / "costituito da Alfa S.p.A., Beta S.r.l. ..."). The
        // page and the next one's head are read as one text; a name past
        // the break is the next page's.
        let own = text.len();
        let joined: String;
        // Only where the page stops mid-sentence: not after a semicolon
        // or a word's full stop (an abbreviation's, "il R.T.I.", goes on).
        let open = !SENTENCE_END.is_match(text.trim_end());
        let (text, next_page) = match doc.clean.get(i + 1).filter(|_| open) {
            Some(next) => {
                let head = next.floor_char_boundary(REACH.max(LIST_REACH));
                joined = format!("{text}\n{}", &next[..head]);
                (joined.as_str(), Some(doc.pages[i + 1].number))
            }
            None => (text.as_str(), None),
        };
        // An area that ran to its page's end runs on into the next head.
        let stretch = |r: &Range<usize>| {
            if r.end == own {
                r.start..text.len()
            } else {
                r.clone()
            }
        };
        for cue in &rules.party_cues {
            let areas = match cue.to {
                None => vec![0..own],
                Some(_) if cue.weak && report => verbs
                    .iter()
                    .filter(|r| subject.as_ref().is_some_and(|(p, s)| *p == i && s == *r))
                    .cloned()
                    .collect(),
                Some(_) => verbs.clone(),
            };
            for area in areas {
                let wide = stretch(&area);
                for m in cue.regex.find_iter(&text[area.clone()]) {
                    let (vs, ve) = (area.start + m.start(), area.start + m.end());
                    let limit = item_end(text, ve, REACH).min(wide.end);
                    let list_limit = list_end(text, ve).min(wide.end).max(limit);
                    let found = read_after(rules, cue, text, (vs, ve), (limit, list_limit), admin);
                    let role = role(rules, cue, &text[vs..limit]);
                    for (name, range) in found {
                        match next_page {
                            Some(p) if range.start > own => {
                                let back = own + 1;
                                push(out, p, &role, name, range.start - back..range.end - back);
                            }
                            _ => push(out, page, &role, name, range.start..range.end.min(own)),
                        }
                    }
                }
            }
        }
    }
}

/// Adds a party read without a tax id, unless one of `out` has its name.
fn push(out: &mut Vec<Party>, page: u32, role: &str, name: String, range: Range<usize>) {
    let key = fold(&name);
    if out.iter().any(|p| {
        let k = fold(&p.name);
        !k.is_empty() && (k.contains(&key) || key.contains(&k))
    }) {
        return;
    }
    append(out, page, role.to_owned(), name, None, range);
}

/// Keeps, in an act with a dispositive, the parties named (by name or tax
/// id) in its subject or from the dispositive on, and the beneficiaries
/// read without a tax id (an applicant) where the dispositive grants
/// something; numbers them again.
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
    let mut named = after.clone();
    if let Some((s, r)) = subject(rules, doc) {
        named.push_str(&doc.clean[s][r]);
    }
    let folded = fold(&named);
    // A beneficiary the premises name (who asked for it) where the
    // dispositive grants something.
    let grants = rules
        .party_roles
        .iter()
        .any(|r| r.value == "beneficiary" && r.regex.is_match(&after));
    let mut out: Vec<Party> = parties
        .into_iter()
        .filter(|x| {
            x.tax_id.as_deref().is_some_and(|t| named.contains(t))
                || (!fold(&x.name).is_empty() && folded.contains(&fold(&x.name)))
                || (grants && x.role == "beneficiary" && x.tax_id.is_none())
        })
        .collect();
    for (n, x) in out.iter_mut().enumerate() {
        x.seq = n as u32 + 1;
    }
    out
}

fn item_end(text: &str, from: usize, reach: usize) -> usize {
    let end = from + text[from..].floor_char_boundary(reach);
    ITEM_END
        .find(&text[from..end])
        .map_or(end, |m| from + m.start())
}

/// Where a list of names ends: a blank line, the next numbered point of
/// the dispositive ("2. di ..."), a sentence's full stop at a line's end.
static LIST_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\n[ \t]*\n|\n[ \t]*\d{1,2}[ \t]*[.)][ \t]*(?i:di)[ \t]|[a-zà-ù]{4,}(\.)[ \t]*\r?\n",
    )
    .expect("valid regex")
});

fn list_end(text: &str, from: usize) -> usize {
    let end = from + text[from..].floor_char_boundary(LIST_REACH);
    // The sentence's last word is the list's.
    LIST_END.captures(&text[from..end]).map_or(end, |c| {
        from + c.get(1).unwrap_or_else(|| c.get(0).unwrap()).start()
    })
}

/// What joins the names of a list: a comma, a dash, "e", "nonché", after
/// an aside in brackets ("(mandataria)"); and the words that open a
/// temporary grouping of firms ("e il R.T.I. costituito da").
static LIST_SEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\A[ \t\r\n"”»'’]*(?:\([^()]{0,200}\)[ \t\r\n]*)?(?:[,;]?[ \t]*\n[ \t]*(?:[-–•⁃*▪][ \t]*|\d{1,2}[ \t]*[.)][ \t]*|[a-z][.)][ \t]*)|,|;|–|-|(?-u:\b)e(?-u:\b)|(?-u:\b)ed(?-u:\b)|(?-u:\b)nonch[ée](?-u:\b))[ \t\r\n]*(?:(?:il|la|l['’]|con[ \t\r\n]+(?:il|la|l['’]))?[ \t\r\n]*(?:R\.?T\.?I\.?|A\.?T\.?I\.?|raggruppamento[ \t\r\n]+temporaneo(?:[ \t\r\n]+di[ \t\r\n]+(?:imprese|concorrenti))?|associazione[ \t\r\n]+temporanea[ \t\r\n]+di[ \t\r\n]+imprese)[ \t\r\n]*(?:costituit[oa]|compost[oa]|formato)?[ \t\r\n]*(?:da|dalle|tra|fra)?[ \t\r\n]*)?"#)
        .expect("valid regex")
});

/// The names introduced after a verb (by the cue's `to`, the first
/// introduction followed by a name) or right after a label, with the
/// names listed after the first ("A S.r.l. (mandataria), B S.p.A. e C
/// S.r.l.", "Comune di X, Comune di Y"), read up to `limits.1`.
fn read_after(
    rules: &MoneyRules,
    cue: &Cue,
    text: &str,
    (vs, ve): (usize, usize),
    (limit, list_limit): (usize, usize),
    admin: Option<&str>,
) -> Vec<(String, Range<usize>)> {
    let starts: Vec<(usize, usize)> = match &cue.to {
        None => vec![(vs, ve)],
        Some(to) => to
            .find_iter(&text[ve..limit])
            .map(|m| (ve + m.start(), ve + m.end()))
            .collect(),
    };
    let ok = |name: &str, formed: bool, firm: bool| {
        looks_like_name(name, formed, firm)
            && !rules.not_parties.iter().any(|c| c.regex.is_match(name))
            && !is_administration(name, admin)
    };
    let Some((first, range, listed)) = starts.into_iter().find_map(|(is, ie)| {
        // After "i seguenti beneficiari:" the names may stand on lines of
        // their own, each after a bullet.
        let listed = LIST_OPEN.is_match(&text[is..ie]);
        let (ie, end) = match BULLET.find(&text[ie..list_limit]) {
            Some(b) if listed => (ie + b.end(), list_limit),
            _ if listed => (ie, list_limit),
            _ => (ie, limit),
        };
        let (name, range, formed) = name_at(rules, text, ie, end)?;
        // "ditta", "impresa" may be the cue itself ("Fornitore", "Ditta")
        // or the words the cue's `to` ends with ("alla ditta").
        let firm = FIRM.is_match(text[vs.min(is)..ie].trim_end()) || listed;
        ok(&name, formed, firm).then_some((name, range, listed))
    }) else {
        return Vec::new();
    };
    let mut out = vec![(first, range.clone())];
    // A list goes on while each name is joined to the one before and has
    // a legal form or a title (any name after "i seguenti beneficiari:").
    // In a list opened by its words ("Proprietari:", "i seguenti
    // beneficiari:") each item may go on after its name (a parcel, a sum):
    // the next name is the one at the next item's bullet.
    let mut pos = range.end;
    while pos < list_limit {
        let joined = LIST_SEP
            .find(&text[pos..list_limit])
            .filter(|m| !m.is_empty())
            .and_then(|sep| name_at(rules, text, pos + sep.end(), list_limit))
            .filter(|(name, _, f)| (*f || listed) && ok(name, *f, listed));
        let next = joined.or_else(|| {
            let b = NEXT_ITEM.find(&text[pos..list_limit]).filter(|_| listed)?;
            name_at(rules, text, pos + b.end(), list_limit)
                .filter(|(name, _, f)| ok(name, *f, true))
        });
        let Some((name, r, _)) = next else {
            break;
        };
        pos = r.end;
        out.push((name, r));
    }
    out
}

/// The next item of a list: a bullet, a number or a letter at the start
/// of a line and a blank after it (not a sum's "3.155,22"), with no blank
/// line before it.
static NEXT_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A(?:[^\n]|\n[ \t]*\S)*?\n[ \t]*(?:[-–•⁃*▪]|\d{1,2}[ \t]*[.)]|[a-z][.)])[ \t]+")
        .expect("valid regex")
});

/// A list's first item on a line of its own, after its bullet, number or
/// letter.
static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A[ \t]*\r?\n[ \t]*(?:[-–•⁃*▪]|\d{1,2}[ \t]*[.)]|[a-z][.)])[ \t]*")
        .expect("valid regex")
});

/// The words that open a list of names after a verb ("a favore dei
/// seguenti beneficiari:", "alle ditte:", "di concedere i seguenti
/// contributi:"): each name of it is a party.
static LIST_OPEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:seguent[ei]|ditte|ditta|signori|sigg\.|precisamente|segue|diritto|beneficiari|soggetti|operatori|contribut[oi](?:[ \t\r\n]+\p{Ll}+){0,2}|proprietari[oae]?|usufruttuari[oae]?|espropriat[oaie]|espropriand[oaie])[ \t\r\n]*:?[ \t\r\n]*\z")
        .expect("valid regex")
});

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

/// A text that ends its sentence: a semicolon, or a full stop after a
/// word of three lower-case letters or more or a figure.
static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:;|(?:\p{Ll}{3}|[0-9])[.!?])["”»)]*\z"#).expect("valid regex")
});

//! Counterparties named one by one beside their sums, the way a grant's
//! beneficiaries are listed in a sentence: "Sono stati assegnati: al
//! Vicoforte Volley € 6.000; all'ASD Piazza € 5.000; ...", "Questi i
//! beneficiari: Circolo Le Due Torri 800 euro, Istituto musicale Fano 5
//! mila euro, ...", "di assegnare 1.400 euro alla Parrocchia, 1.600 euro al
//! C.A.L., ...". The items of one paragraph, joined by `;` (or by `,`
//! where the list uses no `;`), each pair a sum with a name: the name
//! written before the sum (after the separator, and "al", "alla", "all'"),
//! or after it behind "a", "al", "alla", "a favore di". The list runs from
//! its first named item to the end of its sentence; it is one only where
//! the paragraph before its first item has the words of a
//! `[[party_list]]` rule (a grant, a sharing out: "contributi",
//! "beneficiari", "assegnati", "la suddivisione") and where two items at
//! least name someone: one sum beside a name is a sentence, not a list.
//! A list whose introducing sentence says its sums were granted before
//! (a `[[party_list]]` rule of value `earlier`: "sono già stati erogati i
//! seguenti contributi:") names no party of this act.
//! The words of a name are the ones a list writes (capitalised words, or a
//! kind of body in lower case before them: "coro Vox Nova", "associazione
//! Il Circolo"); a clause ("il C.A.L. ha richiesto", "che integrano il
//! contributo di") is none.

use std::ops::Range;
use std::sync::LazyLock;

use atti_italian::money::find_amounts;
use regex::Regex;

use super::document::Doc;
use super::money::MoneyRules;
use super::money_parties::{append, fold, is_administration};
use crate::record::Party;

/// How far before a list's first item its opening words are looked for.
const OPENING: usize = 400;
/// The most words and bytes of a name in a list.
const MAX_WORDS: usize = 10;
const MAX_LEN: usize = 120;

/// A figure without a currency sign that ends an item ("Accademia
/// Geminiani 10.420;") or goes to someone, a person's title (a `[[title]]`
/// rule) or a capital after its preposition ("e 393 all'ing. Neri"): a sum
/// only inside a list of sums.
fn figure_pattern(titles: &str) -> String {
    format!(
        r"(?-u:\b)(?:(?:\d{{1,3}}(?:\.\d{{3}})+(?:,\d{{2}})?|\d+,\d{{2}})(?-u:\b)[ \t]*(?:;|,[ \t]|\.[ \t]*(?:\n|$|\p{{Lu}}))|\d+(?:,\d{{2}})?[ \t]+(?:a|al|alla|ai|agli|all['’])[ \t]*(?:\p{{Lu}}|{titles}))"
    )
}

/// The words that say to whom a sum goes: "a", "al", "alla", "a favore di".
const TO_WHOM: &str = r"(?:a|in)[ \t]+favore[ \t]+(?:dell['’][ \t]*|(?:di|del|della|dello|dei|degli|delle)[ \t]+)|all['’][ \t]*|(?:a|al|alla|allo|ai|agli|alle)[ \t]+";

/// The words before a name in an item: a preposition, an article.
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\A[ \t\r\n]*(?:{TO_WHOM}|(?:l['’][ \t]*|(?:il|lo|la|i|gli|le)[ \t]+))?"
    ))
    .expect("valid regex")
});

/// An item's name after its sum: behind [`TO_WHOM`].
static AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\A[ \t\r\n]*(?:{TO_WHOM})")).expect("valid regex"));

/// Where a name read after its preposition ends: an aside, a purpose.
static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[ \t]*(?:\(|[ \t](?:per|quale|quali|a[ \t]+titolo|come|che|da|con[ \t]+sede|ciascun[oa]?)(?-u:\b))")
        .expect("valid regex")
});

/// Words that make a clause, not a name: verbs, relatives, the sum's own
/// words.
const CLAUSE_WORDS: &[&str] = &[
    "ha",
    "hanno",
    "è",
    "e'",
    "sono",
    "era",
    "erano",
    "sarà",
    "saranno",
    "viene",
    "vengono",
    "va",
    "vanno",
    "che",
    "cui",
    "quale",
    "quali",
    "ciascuno",
    "ciascuna",
    "ciascun",
    "pari",
    "somma",
    "importo",
    "totale",
    "complessivo",
    "complessiva",
    "contributo",
    "contributi",
    "euro",
    "richiesto",
    "richiesti",
    "chiesto",
    "assegnato",
    "assegnati",
    "stanziato",
    "previsto",
    "destinato",
    "destinati",
    "inoltre",
    "invece",
    "mentre",
    "oltre",
    "di cui",
    "per",
    "con",
    "sul",
    "sulla",
    "nel",
    "nella",
    "tra",
    "fra",
];

/// A quoted title inside a name.
static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"["“«‘][^"”»’]{1,80}["”»’]"#).expect("valid regex"));

/// One sum of a list.
struct Item {
    sum: Range<usize>,
}

/// A sum of a list read as payees, with the role its list's rule gives
/// the sums (`sums`): the page's index and the sum's bytes in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ListedSum {
    pub page: usize,
    pub sum: Range<usize>,
    pub role: String,
}

/// Adds to `out` the parties of the lists of sums of every page; returns
/// the sums of those lists whose rule gives their sums a role.
pub(super) fn add(
    rules: &MoneyRules,
    doc: &Doc,
    admin: Option<&str>,
    out: &mut Vec<Party>,
) -> Vec<ListedSum> {
    let mut listed = Vec::new();
    if rules.party_lists.is_empty() {
        return listed;
    }
    for (i, text) in doc.clean.iter().enumerate() {
        let page = doc.pages[i].number;
        let mut items: Vec<Item> = find_amounts(&doc.pages[i].text)
            .into_iter()
            .filter(|a| a.range.end <= text.len())
            .map(|a| Item { sum: a.range })
            .collect();
        for m in rules
            .with_titles(|t| &t.figure, figure_pattern)
            .find_iter(text)
        {
            let digits = m
                .as_str()
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                .unwrap_or(m.len());
            let end = m.start() + m.as_str()[..digits].trim_end_matches(['.', ',']).len();
            if !items
                .iter()
                .any(|it| it.sum.start <= m.start() && m.start() < it.sum.end)
            {
                items.push(Item {
                    sum: m.start()..end,
                });
            }
        }
        items.sort_by_key(|it| it.sum.start);
        let mut k = 0;
        while k < items.len() {
            let run = list_at(rules, text, &items, k);
            let used = run.end.max(k + 1);
            if run.len() >= 2 {
                if let Some(role) = read_list(rules, page, text, &items[run.clone()], admin, out) {
                    listed.extend(items[run].iter().map(|it| ListedSum {
                        page: i,
                        sum: it.sum.clone(),
                        role: role.to_owned(),
                    }));
                }
            }
            k = used;
        }
    }
    listed
}

/// The items of the list that starts with item `k`: the next ones of its
/// paragraph and sentence.
fn list_at(rules: &MoneyRules, text: &str, items: &[Item], k: usize) -> Range<usize> {
    let mut end = k + 1;
    while end < items.len() {
        let gap = &text[items[end - 1].sum.end..items[end].sum.start];
        if gap.contains("\n\n") || sentence_ends(rules, gap) {
            break;
        }
        end += 1;
    }
    k..end
}

/// Whether a stretch of text between two sums ends a sentence: a full
/// stop after a word of three letters or more (not a title's: "all'ing.
/// Mario Neri") or after the sum itself, before a capital or a line's end.
fn sentence_ends(rules: &MoneyRules, s: &str) -> bool {
    static END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\A|\p{L}{3}|\d|[)”»])\.[ \t]*(?:\n|\p{Lu}|$)").expect("valid regex")
    });
    END.find_iter(s).any(|m| {
        let dot = m.start() + m.as_str().find('.').unwrap_or(0);
        !rules.abbreviated(&s[..dot])
    })
}

/// Reads the names of one run of items, if it is a list of payees; returns
/// the role its rule gives the list's sums, if it gives one.
fn read_list<'r>(
    rules: &'r MoneyRules,
    page: u32,
    text: &str,
    items: &[Item],
    admin: Option<&str>,
    out: &mut Vec<Party>,
) -> Option<&'r str> {
    // The separator of the list: `;` where its items use one, else `,`.
    let gaps: Vec<&str> = items
        .windows(2)
        .map(|w| &text[w[0].sum.end..w[1].sum.start])
        .collect();
    let sep = if gaps.iter().any(|g| g.contains(';')) {
        ';'
    } else {
        ','
    };
    let para = text[..items[0].sum.start]
        .rfind("\n\n")
        .map_or(0, |p| p + 2);
    // A list writes its names on one side of its sums: the side that
    // names more of its items ("X 800 euro, Y 400 euro" or "800 euro alla
    // X, 400 euro alla Y"; read on the other side, each item would take
    // its neighbour's name).
    let mut sides: [Vec<(String, Range<usize>)>; 2] = [Vec::new(), Vec::new()];
    for (n, it) in items.iter().enumerate() {
        let from = if n == 0 { para } else { items[n - 1].sum.end };
        let to = items.get(n + 1).map_or(text.len(), |x| x.sum.start);
        sides[0].extend(before(rules, text, from, it.sum.start, sep));
        sides[1].extend(after(rules, text, it.sum.end, to, sep));
    }
    let [before_names, after_names] = sides;
    let names = if after_names.len() > before_names.len() {
        after_names
    } else {
        before_names
    };
    if names.len() < 2 {
        return None;
    }
    // The opening words: in the paragraph, before the first named item;
    // the sentence that introduces the items may say they were granted
    // before ("sono già stati erogati i seguenti contributi:").
    let first = names[0].1.start.min(items[0].sum.start);
    let open_from = para.max(first.saturating_sub(OPENING));
    let open_from = text.floor_char_boundary(open_from);
    let opening = &text[open_from..first];
    let intro = &opening[last_stop(rules, opening)..];
    if rules
        .party_lists
        .iter()
        .any(|c| c.value == "earlier" && c.regex.is_match(intro))
    {
        return None;
    }
    // The words nearest the items say what the sums are.
    let cue = rules
        .party_lists
        .iter()
        .filter(|c| c.value != "earlier")
        .filter_map(|c| c.regex.find_iter(opening).last().map(|m| (m.end(), c)))
        .max_by_key(|(end, _)| *end)
        .map(|(_, c)| c)?;
    for (name, range) in names {
        if rules.not_parties.iter().any(|c| c.regex.is_match(&name))
            || is_administration(&name, admin)
        {
            continue;
        }
        let key = fold(&name);
        if out.iter().any(|p| fold(&p.name) == key) {
            continue;
        }
        append(out, page, cue.value.clone(), name, None, range);
    }
    cue.sums.as_deref()
}

/// The name written before a sum: from the item's separator (or the
/// list's colon) to the sum, behind its preposition.
fn before(
    rules: &MoneyRules,
    text: &str,
    from: usize,
    sum: usize,
    sep: char,
) -> Option<(String, Range<usize>)> {
    // An item that names its body and then, after a colon, the sum
    // ("- A.S.D. Alfa Calcio: € 2.000,00;"): the name ends at the colon.
    let s = text[from..sum].trim_end();
    let colon = s.ends_with(':');
    let stop = from
        + if colon {
            s.len() - 1
        } else {
            text[from..sum].len()
        };
    let s = &text[from..stop];
    let mut start = from + s.rfind([sep, ':']).map_or(0, |p| p + 1);
    // A sentence ended before the item starts it anew.
    start += last_stop(rules, &text[start..stop]);
    // An item on a line of its own, after its bullet, says the name
    // first and then, after a comma, where the body is or what it is
    // ("–Associazione Avis, Santena, euro 300;"); so does an item whose
    // name a colon closes, after a comma or a dash ("Gruppo Alfa – Torneo
    // d'estate: 3.000 €").
    let bullet = BULLET.find(&text[start..stop]).map(|m| m.end());
    start += bullet.unwrap_or(0);
    let lead = LEAD.find(&text[start..stop]).map_or(0, |m| m.end());
    let start = start + lead;
    let mut end = start + text[start..stop].trim_end().len();
    if bullet.is_some() || colon {
        if let Some(c) = text[start..end].find(',') {
            end = start + c;
        }
    }
    if colon {
        if let Some(d) = [" – ", " - ", " — "]
            .iter()
            .filter_map(|d| text[start..end].find(d))
            .min()
        {
            end = start + d;
        }
    }
    named(rules, text, start..end)
}

/// A sentence's end inside an item's text: a full stop after a word.
static SENTENCE_STOP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\p{L}{3}|\d|[)”»])\.[ \t\r\n]+").expect("valid regex"));

/// Where the last sentence of `s` begins: after the last full stop of a
/// word (not of a title: "all'ing. Mario Neri"), else 0.
fn last_stop(rules: &MoneyRules, s: &str) -> usize {
    SENTENCE_STOP
        .find_iter(s)
        .filter(|m| {
            let dot = m.start() + m.as_str().find('.').unwrap_or(0);
            !rules.abbreviated(&s[..dot])
        })
        .last()
        .map_or(0, |m| m.end())
}

/// A list's item on a line of its own: the line break and the bullet.
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A[ \t]*\r?\n[ \t]*[-–•⁃*▪][ \t]*").expect("valid regex"));

/// The name written after a sum, behind "a", "al", "alla", up to the
/// item's separator.
fn after(
    rules: &MoneyRules,
    text: &str,
    sum: usize,
    to: usize,
    sep: char,
) -> Option<(String, Range<usize>)> {
    let s = &text[sum..to];
    let m = AFTER.find(s)?;
    let start = sum + m.end();
    let mut end = sum + s.find([sep, ';', '\n']).unwrap_or(s.len());
    if end <= start {
        return None;
    }
    if let Some(e) = NAME_END.find(&text[start..end]) {
        end = start + e.start();
    }
    // A sentence's full stop after a word ends the item ("agli Alpini.").
    let trimmed = text[start..end].trim_end();
    let trimmed = match trimmed.strip_suffix('.') {
        Some(t) if t.chars().rev().take(3).all(char::is_lowercase) => t,
        _ => trimmed,
    };
    named(rules, text, start..start + trimmed.len())
}

/// A kind of body named alone and in lower case, as a list names the
/// town's own parish or pro loco ("1.400 euro alla parrocchia", "alla pro
/// loco"): the whole name is what a `[[legal_form]]` rule written before
/// a name spells ("Parrocchia", "Pro Loco", "Corpo musicale").
fn kind_alone(rules: &MoneyRules, name: &str) -> bool {
    let capitalised: Vec<String> = name
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect();
    let capitalised = capitalised.join(" ");
    rules
        .legal_forms
        .iter()
        .filter(|c| c.value == "after")
        .any(|c| {
            c.regex
                .find(&capitalised)
                .is_some_and(|m| m.start() == 0 && m.end() == capitalised.len())
        })
}

/// The name in `range` if it reads as one: a few words, a capitalised
/// word or an acronym among the first three, no clause.
fn named(rules: &MoneyRules, text: &str, range: Range<usize>) -> Option<(String, Range<usize>)> {
    let mut range = range;
    // Titles in a row before a person's name ("all'ing. Mario Neri").
    while let Some(t) = rules
        .title()
        .find(&text[range.clone()])
        .filter(|t| t.start() == 0)
    {
        range.start += t.end();
    }
    let raw = text[range.clone()].trim_matches(|c: char| " \t\r\n,;:".contains(c));
    // A joining word at the end is the next item's ("Fabio Sassi e").
    let name = raw
        .strip_suffix(" ed")
        .or_else(|| raw.strip_suffix(" e"))
        .unwrap_or(raw)
        .trim_end();
    if name.is_empty()
        || name.len() > MAX_LEN
        || name.contains([',', ':', ';', '\n'])
        || name.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > MAX_WORDS {
        return None;
    }
    let capital = |w: &&str| {
        w.trim_start_matches(['"', '“', '«', '\'', '‘'])
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    if !(words.iter().take(3).any(capital) || kind_alone(rules, name))
        || !words
            .first()
            .is_some_and(|w| capital(w) || w.chars().all(char::is_lowercase))
    {
        return None;
    }
    // Words in quotes are a title ("Una Zampa per la vita"), not a clause.
    let unquoted = QUOTED.replace_all(name, " ");
    let lower = unquoted.to_lowercase();
    if lower.split_whitespace().any(|w| {
        CLAUSE_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
    }) {
        return None;
    }
    // The label of a sum ("IVA", "oneri per la sicurezza") names no one.
    if rules.amount_roles.iter().any(|c| c.regex.is_match(name)) {
        return None;
    }
    let start = range.start + text[range.clone()].find(name).unwrap_or(0);
    Some((name.to_owned(), start..start + name.len()))
}

#[cfg(test)]
mod tests {
    use crate::read::Page;
    use crate::rules::RuleSet;

    /// The roles of the sums of a text written for this test.
    fn roles(text: &str) -> Vec<(String, String)> {
        let pages = [Page {
            number: 1,
            text: text.to_owned(),
            ..Page::default()
        }];
        let out = RuleSet::load(None, true).unwrap().apply(&pages);
        out.amounts
            .into_iter()
            .map(|a| (a.raw, a.role.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn the_sums_of_a_list_of_grants_are_grants_each() {
        let got = roles(
            "La Giunta ha assegnato i contributi per la stagione: alla Banda Civica Aurora € 900; al Gruppo Podistico Le Querce € 450; all'Unione Corale Valverde € 300.",
        );
        let each: Vec<&str> = got.iter().map(|(_, r)| r.as_str()).collect();
        assert_eq!(each, ["grant", "grant", "grant"], "{got:?}");
        // Sums paid out to the names beside them are payments.
        let got = roles(
            "Per i sopralluoghi sono stati liquidati 620 euro all'arch. Carla Bossi, 310 al geom. Luca Ferri e 155 euro all'ing. Dario Neri.",
        );
        assert!(got.iter().all(|(_, r)| r == "payment"), "{got:?}");
        // A list whose opening says the grants were made before, by other
        // acts, names no party of this act, and its sums are not this
        // act's grants.
        let got = roles(
            "Con precedenti atti sono già stati erogati i seguenti contributi: alla Banda Civica Aurora € 900; al Gruppo Podistico Le Querce € 450.",
        );
        assert!(got.iter().skip(1).all(|(_, r)| r == "other"), "{got:?}");
    }

    /// The names of the parties read in a text written for this test.
    fn parties(text: &str) -> Vec<String> {
        let pages = [Page {
            number: 1,
            text: text.to_owned(),
            ..Page::default()
        }];
        let out = RuleSet::load(None, true).unwrap().apply(&pages);
        out.parties.into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn a_name_that_a_colon_closes_before_its_sum() {
        let got = parties(
            "DETERMINA\n1. di erogare i seguenti contributi:\n- Gruppo Teatrale Le Maschere, C.F. 90012345675: € 700,00;\n- Società Corale Santa Cecilia: € 400,00;",
        );
        assert_eq!(
            got,
            [
                "Gruppo Teatrale Le Maschere",
                "Società Corale Santa Cecilia"
            ],
            "{got:?}"
        );
    }
}

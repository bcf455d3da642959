//! The main amount: the one sum the act decides, read from its dispositive
//! item by item, as Italian acts are drafted ("1. di impegnare la somma di
//! € ...; 2. di dare atto che ...").
//!
//! The dispositive runs from its heading after the premises to the first
//! `[[main]]` rule marking its end (a signature, the accounting visto, an
//! annex); `[[main]]` rules marking `item` split it into items. Items that
//! only record (`aside`: "di dare atto", "di prendere atto") decide no sum.
//! The first deciding item whose words before its first sum hold a cue of
//! a `main` role (the verb: "impegnare", "affidare", "liquidare"; else a
//! weak one: "l'adesione", "l'atto aggiuntivo") gives the role, and its sum
//! is the main amount: its total when one is printed ("per complessivi",
//! or a sum that adds up the others), the one sum it decides, and none when
//! it lists several sums with no total (five impegni in a table). An
//! authorised tender's value (`tender`: "è autorizzata una procedura") is
//! decided as `other`. Without such an item, the first deciding item's sum
//! is the main amount with role `other` ("di determinare il fondo in euro
//! ..."), or `award` when it is a contract's value outside a tender (a
//! base d'asta, or an "importo complessivo" where the dispositive decides
//! a contract: an award, an order, an adhesion, an increase). A sum awarded
//! that the dispositive also commits is decided as a commitment. Sums of
//! zero (empty cells of a table) are never decided. Where no dispositive
//! is found, only a sum its subject says is decided ([`reach`]).

use atti_italian::money::Euro;

use super::document::Doc;
use super::money::{Cue, MoneyRules};
use super::money_text::{clause, clause_within, dispositive_after_premises, pages_from, premise};
use crate::record::Span;

/// A sum found in the document, with where it is and its own role cue.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sum<'r> {
    /// Page index (0-based) and byte offsets in the page's clean text.
    pub page: usize,
    pub start: usize,
    pub end: usize,
    pub value: Euro,
    pub cue: Option<&'r Cue>,
    /// The weak cue nearest before it, when no other is in its clause.
    pub weak: Option<&'r Cue>,
    pub span: Span,
}

type Pos = (usize, usize);

/// The main amount: value, role and where it is.
pub(super) fn main(
    rules: &MoneyRules,
    doc: &Doc,
    sums: &[Sum],
) -> Option<(Euro, String, Option<Span>)> {
    // A sum of zero (an empty cell of an impegni or variation table) is
    // never what an act decides.
    let sums: Vec<Sum> = sums
        .iter()
        .filter(|s| s.value != Euro::ZERO)
        .copied()
        .collect();
    let sums = &sums[..];
    let (from, end, verb_only) = reach(rules, doc);
    let items = items(rules, doc, from, end);
    let tender = items
        .iter()
        .any(|&(a, b)| uses(rules, "tender", &text(doc, a, b)));
    // A contract decided: an award cue in the dispositive ("è autorizzato
    // l'affidamento", "l'ordine di acquisto", "l'aumento del contratto").
    let contract = items.iter().any(|&(a, b)| {
        let t = text(doc, a, b);
        rules
            .amount_roles
            .iter()
            .any(|c| c.main && c.value == "award" && c.regex.is_match(&t))
    });
    let inside = |s: &Sum, a: Pos, b: Pos| (s.page, s.start) >= a && (s.page, s.start) < b;
    let deciding: Vec<(Pos, Pos, Vec<&Sum>)> = items
        .iter()
        .filter(|&&(a, b)| !aside(rules, &text(doc, a, b)))
        .map(|&(a, b)| (a, b, sums.iter().filter(|s| inside(s, a, b)).collect()))
        .filter(|(_, _, v): &(Pos, Pos, Vec<&Sum>)| !v.is_empty())
        .collect();
    // The sum, its role, the item that prints it (its sums and its end),
    // and whether no verb of a role decided it.
    let mut found = None;
    for (a, b, in_item) in &deciding {
        let head = text(doc, *a, (in_item[0].page, in_item[0].start));
        // The verb before the item's first sum, else a passive verb after
        // it that decides it ("Cinquantamila euro saranno erogati come
        // contributi": an `after` cue of a role that may be decided).
        let passive = || {
            in_item[0]
                .cue
                .filter(|c| c.after)
                .filter(|c| {
                    rules
                        .amount_roles
                        .iter()
                        .any(|m| m.main && m.value == c.value)
                })
                .map(|c| c.value.as_str())
        };
        let Some(role) = verb(rules, &head).or_else(passive) else {
            continue;
        };
        let s = match choose(rules, doc, in_item) {
            Pick::One(s) => s,
            // Several sums, and their total printed further on ("2. di
            // imputare la spesa complessiva di € 2.600,00").
            Pick::Several => match total_after(sums, in_item, *b, end) {
                Some(t) => t,
                None => return None,
            },
            Pick::Nothing => continue,
        };
        let role = if role == "award" && uses(rules, "tender", &head) {
            "other"
        } else {
            role
        };
        found = Some((s, role.to_owned(), *b, in_item, false));
        break;
    }
    if found.is_none() && !verb_only {
        for (_, b, in_item) in &deciding {
            let s = match choose(rules, doc, in_item) {
                Pick::One(s) => s,
                Pick::Several => return None,
                Pick::Nothing => continue,
            };
            let role = match (s.cue, s.weak) {
                (Some(c), _) | (None, Some(c)) if c.value == "base" && contract && !tender => {
                    "award"
                }
                _ => "other",
            };
            found = Some((s, role.to_owned(), *b, in_item, true));
            break;
        }
    }
    let none: Vec<&Sum> = Vec::new();
    let (mut s, mut role, item_end, in_item, fallback) = match found {
        Some(f) => f,
        None => {
            let (s, role) = referred(rules, doc, sums, &items, (from, end))?;
            (s, role, end, &none, false)
        }
    };
    // An item after it that decides the same sum without its figure ("2.
    // di impegnare la suddetta somma", "di liquidare la spesa di cui al
    // punto 1"): its verb says what the act does with the sum.
    let again = items
        .iter()
        .filter(|&&(a, b)| a >= item_end && !sums.iter().any(|o| inside(o, a, b)))
        .map(|&(a, b)| text(doc, a, b))
        .filter(|t| !aside(rules, t) && uses(rules, "refer", t))
        .find_map(|t| verb(rules, &t));
    if fallback && role == "other" {
        if let Some(v) = again {
            role = v.to_owned();
        }
    }
    // An award that the dispositive also commits is decided as the sum
    // committed, which is what the budget bears ("1. di affidare ... per
    // € 10.000,00 oltre IVA; 2. di impegnare la somma di € 12.200,00"):
    // the one sum (or total) the dispositive's items commit, when it
    // covers the award (a smaller one commits something else: the ANAC
    // fee, one year's share).
    if role == "award" {
        let committed: Vec<&Sum> = deciding
            .iter()
            .flat_map(|(_, _, v)| v.iter().copied())
            .filter(|o| o.cue.is_some_and(|c| c.value == "commitment") && o.value >= s.value)
            .collect();
        if let Pick::One(c) = choose(rules, doc, &committed) {
            s = c;
            role = "commitment".to_owned();
        } else if committed.is_empty() && again == Some("commitment") {
            // Committed without its figure: the award's sum with IVA
            // when its item restates it ("€ 1.000,00 oltre IVA, € 1.220,00
            // IVA inclusa").
            if let Some(g) = in_item
                .iter()
                .find(|o| o.value > s.value && restated(rules, doc, o))
            {
                s = g;
            }
            role = "commitment".to_owned();
        }
    }
    // A sum awarded and committed in one act is decided as a commitment (a
    // sum committed and paid at once stays a payment).
    if role == "award"
        && sums.iter().any(|o| {
            o.value == s.value
                && o.cue.is_some_and(|c| c.value == "commitment")
                && (o.page, o.start) >= from
        })
    {
        role = "commitment".to_owned();
    }
    Some((s.value, role, Some(s.span)))
}

/// A dispositive that decides a sum it does not print: an item that
/// approves what an annex lists ("le variazioni indicate all'allegato A")
/// or whose verb decides a sum of no figure ("di provvedere alla
/// liquidazione della cauzione"). The sum is the one the act gives it
/// elsewhere: the annex's own sum (one value, a total, or a sum and its
/// opposite in a variation table), else the premise that names the same
/// annex ("riportate in Allegato A ... per una somma totale pari a €"),
/// else a total that an item of the dispositive only records ("dare atto
/// che ... per complessivi euro 180,00"). The role is the verb's, else the
/// sum's own cue, else `other`.
fn referred<'s, 'r>(
    rules: &MoneyRules,
    doc: &Doc,
    sums: &'s [Sum<'r>],
    items: &[(Pos, Pos)],
    (from, end): (Pos, Pos),
) -> Option<(&'s Sum<'r>, String)> {
    let at = |s: &Sum| (s.page, s.start);
    let inside = |s: &Sum, a: Pos, b: Pos| at(s) >= a && at(s) < b;
    // Only a dispositive with no sum decided: a deciding item that prints
    // a sum has been read (several sums, or none of a role) already.
    let deciding: Vec<(Pos, Pos)> = items
        .iter()
        .copied()
        .filter(|&(a, b)| !aside(rules, &text(doc, a, b)))
        .collect();
    if deciding
        .iter()
        .any(|&(a, b)| sums.iter().any(|s| inside(s, a, b)))
    {
        return None;
    }
    let verb_role = deciding
        .iter()
        .find_map(|&(a, b)| verb(rules, &text(doc, a, b)));
    let role_of = |s: &Sum| {
        verb_role
            .or(s.cue.map(|c| c.value.as_str()))
            .filter(|r| *r != "vat")
            .unwrap_or("other")
            .to_owned()
    };
    let total = |s: &Sum| uses(rules, "total", clause(rules, &doc.clean[s.page], s.start));
    // An annex the dispositive names.
    let annex = deciding
        .iter()
        .find_map(|&(a, b)| annex_named(rules, &text(doc, a, b)));
    if let Some(id) = annex {
        // Its section after the dispositive (an annex listed by name only
        // holds no sum: the premises are read then).
        if let Some((a, b)) = annex_section(rules, doc, end, &id) {
            // The figures the annex lists (a table's cells, no role named
            // beside them), not a sum its prose gives a role of its own.
            let in_annex: Vec<&Sum> = sums
                .iter()
                .filter(|s| inside(s, a, b) && s.cue.is_none())
                .collect();
            if !in_annex.is_empty() {
                return one_sum(&in_annex, total, false).map(|s| (s, role_of(s)));
            }
        }
        // The premise that names the same annex with a sum.
        let named: Vec<&Sum> = sums
            .iter()
            .filter(|s| at(s) < from)
            .filter(|s| {
                let c = clause_within(rules, &doc.clean[s.page], s.start, ANNEX_CLAUSE);
                annexes_named(rules, c).any(|n| n == id)
            })
            .collect();
        return one_sum(&named, total, true).map(|s| (s, role_of(s)));
    }
    // A total the dispositive records, and a verb that decides a sum: the
    // first after it ("di dare atto che ... per complessivi euro 180,00;
    // di provvedere alla liquidazione della cauzione"), else the first.
    verb_role?;
    let recorded: Vec<(Pos, &Sum)> = items
        .iter()
        .flat_map(|&(a, b)| {
            sums.iter()
                .filter(move |s| inside(s, a, b))
                .map(move |s| (a, s))
        })
        .filter(|(_, s)| total(s))
        .collect();
    let [(item, s)] = recorded.as_slice() else {
        return None;
    };
    let role = deciding
        .iter()
        .filter(|&&(a, _)| a > *item)
        .find_map(|&(a, b)| verb(rules, &text(doc, a, b)))
        .or(verb_role)
        .unwrap_or("other");
    Some((s, role.to_owned()))
}

/// The one sum that candidates give: a total among them (the first, or
/// the last with `last_total`), else their value when they all print one.
fn one_sum<'s, 'r>(
    cands: &[&'s Sum<'r>],
    total: impl Fn(&Sum) -> bool,
    last_total: bool,
) -> Option<&'s Sum<'r>> {
    let found = if last_total {
        cands.iter().rev().find(|s| total(s))
    } else {
        cands.iter().find(|s| total(s))
    };
    if let Some(s) = found {
        return Some(s);
    }
    let mut values: Vec<_> = cands.iter().map(|s| s.value).collect();
    values.sort();
    values.dedup();
    (values.len() == 1).then(|| cands[0])
}

/// How far after a sum the words saying it is parted are looked for.
const SPLIT: usize = 60;

/// How far back a premise's sum is looked at for the annex it names.
const ANNEX_CLAUSE: usize = 500;

/// The first annex (its letter or number) an `annex` rule finds in `text`.
fn annex_named(rules: &MoneyRules, text: &str) -> Option<String> {
    annexes_named(rules, text).next()
}

/// Every annex the `annex` rules find in `text`.
fn annexes_named<'t>(rules: &'t MoneyRules, text: &'t str) -> impl Iterator<Item = String> + 't {
    rules
        .main
        .iter()
        .filter(|c| c.value == "annex")
        .flat_map(move |c| c.regex.captures_iter(text))
        .filter_map(|m| m.name("id").map(|id| id.as_str().to_uppercase()))
}

/// The annex `id` printed after the dispositive's end: from its heading
/// (an `annex` match at a line's start) to the next annex's or the end.
fn annex_section(rules: &MoneyRules, doc: &Doc, end: Pos, id: &str) -> Option<(Pos, Pos)> {
    let mut heads: Vec<(Pos, String)> = Vec::new();
    for (i, t, at) in pages_from(doc, end) {
        for c in rules.main.iter().filter(|c| c.value == "annex") {
            for m in c.regex.captures_iter(&t[at..]) {
                let (Some(whole), Some(n)) = (m.get(0), m.name("id")) else {
                    continue;
                };
                let start = at + whole.start();
                let line = t[..start].rsplit('\n').next().unwrap_or("");
                if line.trim().is_empty() {
                    heads.push(((i, start), n.as_str().to_uppercase()));
                }
            }
        }
    }
    heads.sort();
    let k = heads.iter().position(|(_, n)| n == id)?;
    let last = doc.clean.len().saturating_sub(1);
    let stop = heads
        .get(k + 1)
        .map_or((last, doc.clean.get(last).map_or(0, |t| t.len())), |h| h.0);
    Some((heads[k].0, stop))
}

/// Where the sums decided are read: from the dispositive to its end; in an
/// act whose dispositive is not found (a transcript cut after its
/// premises, a title the only heading), only in its heading and subject,
/// before the first premise, and only a sum whose verb says it is decided
/// ("Determinazione di impegno ... per l'importo di €"): the sums of the
/// premises are what others decided or what the act recalls. A text with
/// neither premises nor heading is read whole (a bare decision: "Il
/// Consiglio approva le variazioni per l'importo di ...").
fn reach(rules: &MoneyRules, doc: &Doc) -> (Pos, Pos, bool) {
    let to_end = |from: Pos| find_use(rules, doc, "end", from).unwrap_or((doc.clean.len(), 0));
    if let Some(from) = dispositive_after_premises(rules, doc) {
        return (from, to_end(from), false);
    }
    match premise(rules, doc) {
        Some(p) => ((0, 0), p, true),
        None => ((0, 0), to_end((0, 0)), false),
    }
}

/// What an item decides.
enum Pick<'s, 'r> {
    One(&'s Sum<'r>),
    /// Several sums and no total.
    Several,
    /// No sum but taxes and sums of other kinds.
    Nothing,
}

/// The sum an item decides: its total, else its one sum (a sum restated
/// with IVA counted once; a base d'asta beside the sum decided left out).
fn choose<'s, 'r>(rules: &MoneyRules, doc: &Doc, in_item: &[&'s Sum<'r>]) -> Pick<'s, 'r> {
    fn role<'a>(s: &Sum<'a>) -> &'a str {
        s.cue.or(s.weak).map_or("", |c| c.value.as_str())
    }
    let add = |v: &[&Sum]| {
        v.iter()
            .try_fold(Euro::ZERO, |acc, o| acc.checked_add(o.value))
    };
    for (i, s) in in_item.iter().enumerate() {
        if matches!(role(s), "vat" | "other") {
            continue;
        }
        let (pre, post) = (&in_item[..i], &in_item[i + 1..]);
        // A sum that adds up the others before or after it is their total;
        // so is a sum that says it is parted ("la somma di € 426,60,
        // ripartita: € 300,20 sull'impegno 95 ed € 126,40 sull'impegno
        // 112") and adds up the two or more sums right after it.
        let parted = post.first().is_some_and(|n| {
            let t = &doc.clean[s.page];
            let cut = t.floor_char_boundary(n.start.min(s.end + SPLIT));
            n.page == s.page && uses(rules, "split", &t[s.end..cut])
        });
        // A sum followed by the parts "of which" it is made ("€ 184.000,00
        // di cui € 5.000,00 per oneri della sicurezza"), every later sum
        // of the item smaller: the whole.
        let of_which = post.first().is_some_and(|n| {
            let t = &doc.clean[s.page];
            let cut = t.floor_char_boundary(n.start.min(s.end + SPLIT));
            n.page == s.page && uses(rules, "of_which", &t[s.end..cut])
        }) && post.iter().all(|o| o.value < s.value);
        if uses(rules, "total", clause(rules, &doc.clean[s.page], s.start))
            || of_which
            || (pre.len() >= 2 && add(pre) == Some(s.value))
            || (post.len() >= 2 && add(post) == Some(s.value))
            || (parted && (2..=post.len()).any(|n| add(&post[..n]) == Some(s.value)))
        {
            return Pick::One(s);
        }
    }
    let mut cands: Vec<&Sum> = in_item
        .iter()
        .copied()
        .filter(|s| !matches!(role(s), "vat" | "other" | "base"))
        .collect();
    if cands.is_empty() {
        cands = in_item
            .iter()
            .copied()
            .filter(|s| role(s) == "base")
            .collect();
    }
    let mut values: Vec<Euro> = Vec::new();
    for (i, s) in cands.iter().enumerate() {
        let restated = i > 0 && restated(rules, doc, s);
        if !restated && !values.contains(&s.value) {
            values.push(s.value);
        }
    }
    match (values.len(), cands.first()) {
        (1, Some(s)) => Pick::One(s),
        (0, _) | (_, None) => Pick::Nothing,
        _ => Pick::Several,
    }
}

/// The total, printed after an item that decides several sums, of the
/// sums that item decides (those of a role, vat and other left out): a
/// later sum of the dispositive that adds them up exactly, two at least.
fn total_after<'s, 'r>(
    sums: &'s [Sum<'r>],
    in_item: &[&Sum<'r>],
    item_end: Pos,
    end: Pos,
) -> Option<&'s Sum<'r>> {
    let decided: Vec<Euro> = in_item
        .iter()
        .filter(|s| {
            !s.cue
                .or(s.weak)
                .is_some_and(|c| matches!(c.value.as_str(), "vat" | "other"))
        })
        .map(|s| s.value)
        .collect();
    if decided.len() < 2 {
        return None;
    }
    let whole = decided
        .iter()
        .try_fold(Euro::ZERO, |acc, v| acc.checked_add(*v))?;
    sums.iter()
        .filter(|s| (s.page, s.start) >= item_end && (s.page, s.start) < end)
        .find(|s| s.value == whole)
}

/// Whether the words right after a sum say it is restated with IVA ("IVA
/// inclusa", "comprensivo di IVA").
fn restated(rules: &MoneyRules, doc: &Doc, s: &Sum) -> bool {
    let after = &doc.clean[s.page][s.end..];
    uses(rules, "gross", &after[..after.floor_char_boundary(60)])
}

/// The role of the item's verb: the first cue of a `main` role in its
/// words, a weak one when none.
fn verb<'r>(rules: &'r MoneyRules, head: &str) -> Option<&'r str> {
    for weak in [false, true] {
        let first = rules
            .amount_roles
            .iter()
            .filter(|c| c.main && c.weak == weak)
            .filter_map(|c| c.regex.find(head).map(|m| (m.start(), c)))
            .min_by_key(|(at, _)| *at);
        if let Some((_, c)) = first {
            return Some(c.value.as_str());
        }
    }
    None
}

fn uses(rules: &MoneyRules, what: &str, text: &str) -> bool {
    rules
        .main
        .iter()
        .any(|c| c.value == what && c.regex.is_match(text))
}

/// Whether an item only records: an `aside` rule matching its first words.
fn aside(rules: &MoneyRules, item: &str) -> bool {
    uses(rules, "aside", &item[..item.floor_char_boundary(120)])
}

/// The first match of a `[[main]]` rule of `what` at or after `from`.
fn find_use(rules: &MoneyRules, doc: &Doc, what: &str, from: Pos) -> Option<Pos> {
    pages_from(doc, from).find_map(|(i, t, at)| {
        rules
            .main
            .iter()
            .filter(|c| c.value == what)
            .filter_map(|c| c.regex.find_at(t, at).map(|m| m.start()))
            .filter(|&s| (i, s) > from)
            .min()
            .map(|s| (i, s))
    })
}

/// The items of the dispositive from `from` to `end`: the stretch before
/// the first item start is an item too.
fn items(rules: &MoneyRules, doc: &Doc, from: Pos, end: Pos) -> Vec<(Pos, Pos)> {
    let mut starts = vec![from];
    for (i, t) in doc.clean.iter().enumerate().skip(from.0) {
        if i > end.0 {
            break;
        }
        for c in rules.main.iter().filter(|c| c.value == "item") {
            for m in c.regex.find_iter(t) {
                let p = (i, m.start());
                if p > from && p < end {
                    starts.push(p);
                }
            }
        }
    }
    starts.sort();
    starts.dedup();
    let mut out: Vec<(Pos, Pos)> = starts.windows(2).map(|w| (w[0], w[1])).collect();
    if let Some(&last) = starts.last() {
        out.push((last, end));
    }
    out
}

/// The clean text from `a` to `b`, over pages.
fn text(doc: &Doc, a: Pos, b: Pos) -> String {
    let mut out = String::new();
    for (i, t) in doc.clean.iter().enumerate().take(b.0 + 1).skip(a.0) {
        let from = if i == a.0 { a.1.min(t.len()) } else { 0 };
        let to = if i == b.0 { b.1.min(t.len()) } else { t.len() };
        if from < to {
            out.push_str(&t[from..to]);
            out.push('\n');
        }
    }
    out
}

//! Reading money, codes and counterparties from a document with the money
//! rules ([`super::money`]).
//!
//! - Sums: every sum `atti_italian::money` finds in the cleaned text; its
//!   role is the `[[amount_role]]` cue nearest before it in its clause
//!   (back to the previous `;`, full stop or blank line), `other` when none.
//!   Sums are read in the text as printed, letterheads included, and in
//!   the lines the PDF reader set apart as page furniture. A
//!   `weak` cue gives no role; it tells the main amount a contract's value
//!   or a contract decided without a verb. The main
//!   amount is read item by item in the dispositive
//!   ([`super::money_main`]).
//! - Codes: what a `[[code]]` label names, cleaned, the act's own apart
//!   from those it cites ([`super::money_codes`]); those failing their
//!   format check are kept apart (reported by the compliance summary).
//! - Parties: a tax id (P.IVA, C.F.) that passes its check, and the name
//!   printed before it: words before a `[[legal_form]]` written after the
//!   name (`Rossi S.r.l.`), after one written before it (`Fondazione ...`),
//!   a title and a person's name, or the capitalised words just before the
//!   label. The role is the nearest `[[party_role]]` cue in the sentence.
//!   The administration's own tax id (its letterhead) is never a party.
//! - Administration: the first `[[administration]]` rule matching the head
//!   of the first page, written in its canonical form.

use atti_italian::money::{find_amounts, Euro};

use super::document::Doc;
use super::money::{MoneyKind, MoneyRules};
use super::money_codes::Code;
use super::money_main::Sum;
use super::money_text::{clause, dispositive, nearest_of};
use crate::record::{Amount, Party, Span};

/// What the money rules read from one document.
#[derive(Debug, Clone, Default)]
pub struct MoneyRead {
    pub amounts: Vec<Amount>,
    /// The main amount: its value, role and where it is.
    pub main: Option<(Euro, String, Option<Span>)>,
    pub codes: Vec<Code>,
    pub parties: Vec<Party>,
    pub administration: Option<(String, Span)>,
    pub dispositive: Option<String>,
    /// The first line of the first premise.
    pub premise: Option<String>,
}

/// Lines of the first page that are its letterhead, at its head and foot.
const HEAD_LINES: usize = 15;
const FOOT_LINES: usize = 8;
/// How many mentions in the text a letterhead's name outweighs.
const HEAD_WEIGHT: usize = 5;

pub fn read(rules: &MoneyRules, doc: &Doc) -> MoneyRead {
    let mut out = MoneyRead::default();
    let disp = dispositive(rules, doc);
    out.dispositive = disp.map(|(p, at)| first_line(&doc.clean[p][at..]));
    let premise = super::money_text::premise(rules, doc);
    out.premise = premise.map(|(p, at)| first_line(&doc.clean[p][at..]));
    let mut sums = Vec::new();
    // Sums are read in the page as printed (a letterhead's share capital
    // is printed money too); cues and items in the cleaned text, which
    // keeps every offset.
    for (i, page) in doc.pages.iter().enumerate() {
        let text = page.text.as_str();
        for a in find_amounts(text) {
            let here = clause(text, a.range.start);
            let role = nearest_of(rules.amount_roles.iter().filter(|c| !c.weak), here);
            let weak = role
                .is_none()
                .then(|| nearest_of(rules.amount_roles.iter().filter(|c| c.weak), here))
                .flatten();
            let span = Span {
                page: page.number,
                start: a.range.start,
                end: a.range.end,
            };
            sums.push(Sum {
                page: i,
                start: a.range.start,
                end: a.range.end,
                value: a.value,
                cue: role,
                weak,
                span,
            });
            out.amounts.push(Amount {
                seq: out.amounts.len() as u32 + 1,
                value: a.value,
                role: Some(role.map_or("other", |c| c.value.as_str()).to_owned()),
                raw: a.raw,
                span: Some(span),
            });
        }
        // The page's furniture (letterhead, footer) is printed money too
        // ("capitale sociale di euro 1,000,000" on every page), read apart
        // from the text: such a sum decides nothing, so it never takes part
        // in the main amount, and its span points past the page text.
        let furniture = page.furniture.join("\n");
        for a in find_amounts(&furniture) {
            let here = clause(&furniture, a.range.start);
            let role = nearest_of(rules.amount_roles.iter().filter(|c| !c.weak), here);
            out.amounts.push(Amount {
                seq: out.amounts.len() as u32 + 1,
                value: a.value,
                role: Some(role.map_or("other", |c| c.value.as_str()).to_owned()),
                raw: a.raw,
                span: Some(Span::outside_text(page.number)),
            });
        }
    }
    out.main = super::money_main::main(rules, doc, &sums);
    // The main amount awarded is an award wherever its clause named no role.
    if let Some((_, role, Some(span))) = &out.main {
        if role == "award" {
            for a in out.amounts.iter_mut().filter(|a| a.span == Some(*span)) {
                if matches!(a.role.as_deref(), Some("other" | "base")) {
                    a.role = Some(role.clone());
                }
            }
        }
    }
    out.codes = super::money_codes::read(rules, doc, out.main.is_some());
    out.administration = administration(rules, doc, premise);
    let admin = out.administration.as_ref().map(|a| a.0.as_str());
    let mut parties = super::money_parties::parties(rules, doc, admin);
    let decides = super::money_party_cues::dispositive(rules, doc);
    super::money_party_cues::add(rules, doc, admin, decides, &mut parties);
    super::money_party_table::add(rules, doc, admin, &mut parties);
    out.parties = super::money_party_cues::decided(rules, doc, decides, parties);
    out
}

fn first_line(s: &str) -> String {
    atti_italian::squash(s.lines().find(|l| !l.trim().is_empty()).unwrap_or(""))
}

/// The administration: every `[[administration]]` match of the document
/// counts once, and [`HEAD_WEIGHT`] times in the letterhead (the first
/// [`HEAD_LINES`] lines of the first page above its first premise, and its
/// last [`FOOT_LINES`] lines) or when
/// its rule is `main` (a signature's organisation); names that differ only
/// in case and punctuation count together; the
/// name counted most wins, the first found on a tie. A letterhead printed
/// as an image leaves the name the act's text repeats ("del Comune di X").
fn administration(
    rules: &MoneyRules,
    doc: &Doc,
    premise: Option<(usize, usize)>,
) -> Option<(String, Span)> {
    let first = doc.pages.first()?;
    let lines: Vec<usize> = std::iter::once(0)
        .chain(first.text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    // The letterhead ends where the premises begin: a body a premise cites
    // ("VISTA la legge della Regione X") is not the one printed above it.
    let premise = premise.filter(|p| p.0 == 0).map_or(usize::MAX, |p| p.1);
    let head_lines = lines.get(HEAD_LINES).copied().unwrap_or(first.text.len());
    let head_end = head_lines.min(premise);
    let foot_start = lines
        .len()
        .checked_sub(FOOT_LINES)
        .map_or(0, |i| lines[i])
        .max(head_lines);
    // The heading words of public bodies, to part letter-spaced lines.
    let vocabulary = || super::money_heading::rule_words(&rules.administrations);
    // (name, weight, where, a wider body's)
    let mut votes: Vec<(String, usize, Span, bool)> = Vec::new();
    for (pi, page) in doc.pages.iter().enumerate() {
        let spaced = super::money_heading::unspaced(&page.text, &vocabulary);
        let (text, map) = match &spaced {
            Some((text, map)) => (text.as_str(), Some(map)),
            None => (page.text.as_str(), None),
        };
        let at = |i: usize| map.map_or(i, |m| m[i]);
        for c in &rules.administrations {
            for m in c.regex.captures_iter(text) {
                let Some(name) = m.name("name").or_else(|| m.get(0)) else {
                    continue;
                };
                let (start, end) = (at(name.start()), at(name.end()));
                let head = pi == 0 && (start < head_end || start >= foot_start);
                let weight = if head || c.main { HEAD_WEIGHT } else { 1 };
                let canonical = canonical(&c.value, name.as_str());
                let span = Span {
                    page: page.number,
                    start,
                    end,
                };
                match votes.iter_mut().find(|v| same_name(&v.0, &canonical)) {
                    Some(v) => v.1 += weight,
                    None => votes.push((canonical, weight, span, c.wider)),
                }
            }
        }
    }
    // The letterhead's first name is the issuer; a line below it names the
    // wider body it belongs to ("Provincia di Pordenone" under a comune).
    // A wider body (a region, a ministry) printed above a body of its own
    // (an azienda sanitaria, an IRCCS) is the one the issuer belongs to.
    let in_head = |v: &(String, usize, Span, bool)| {
        v.2.page == first.number && (v.2.start < head_end || v.2.start >= foot_start)
    };
    let top = votes
        .iter()
        .filter(|v| in_head(v))
        .min_by_key(|v| v.2.start)
        .map(|v| v.2);
    let own = votes
        .iter()
        .filter(|v| in_head(v) && !v.3)
        .min_by_key(|v| v.2.start)
        .map(|v| v.2);
    if let Some(issuer) = own.or(top) {
        if let Some(v) = votes.iter_mut().find(|v| v.2 == issuer) {
            v.1 += 1;
        }
    }
    // On a tie a body of its own is the issuer before a wider one.
    let best = votes.iter().map(|v| v.1).max()?;
    votes
        .iter()
        .position(|v| v.1 == best && !v.3)
        .or_else(|| votes.iter().position(|v| v.1 == best))
        .map(|i| (votes[i].0.clone(), votes[i].2))
}

/// Two names of one body, whatever their case and punctuation
/// ("PagoPA S.p.A.", "Pagopa S.p.a.").
fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    key(a) == key(b)
}

/// The rule's canonical form with the name read: a name printed in
/// capitals is written as a name, one in mixed case kept as printed
/// ("PagoPA").
fn canonical(template: &str, printed: &str) -> String {
    // Quotation marks around a name ("Istituto Comprensivo “A. Manzoni”")
    // are not part of it.
    let printed: String = printed
        .chars()
        .map(|c| {
            if matches!(c, '“' | '”' | '«' | '»' | '"') {
                ' '
            } else {
                c
            }
        })
        .collect();
    // A line in capitals with a few letters read small (a scan's `l` for
    // `L`: "ONCOlOGICO") is still a line in capitals.
    let lower = printed.chars().filter(|c| c.is_lowercase()).count();
    let upper = printed.chars().filter(|c| c.is_uppercase()).count();
    let shown = if lower * 10 > lower + upper {
        atti_italian::squash(&printed)
    } else {
        title_case(&printed)
    };
    atti_italian::squash(&template.replace("{name}", &shown))
}

/// `MONZA E DELLA BRIANZA` -> `Monza e della Brianza`; articles and
/// prepositions stay small, except `la` and `le`, which begin names of
/// places ("La Spezia").
pub fn title_case(s: &str) -> String {
    const SMALL: &[&str] = &[
        "di", "del", "della", "dei", "degli", "delle", "e", "ed", "in", "sul", "al", "per", "il",
        "lo", "gli", "nel", "nella", "dello", "alla", "sulla", "con",
    ];
    const ELIDED: &[&str] = &[
        "dell'", "dell’", "dall'", "dall’", "nell'", "nell’", "sull'", "sull’", "all'", "all’",
        "d'", "d’",
    ];
    let words: Vec<String> = atti_italian::squash(s)
        .split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            if SMALL.contains(&lower.as_str()) || ELIDED.contains(&lower.as_str()) {
                return lower;
            }
            // An elided article or preposition stays small: "dell'Ambito".
            let elided = ELIDED
                .iter()
                .find(|e| lower.starts_with(*e) && lower.len() > e.len())
                .map_or(0, |e| e.len());
            let mut out = lower[..elided].to_owned();
            let lower = &lower[elided..];
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
        .collect();
    // An elided word printed apart from its word ("D’ ISTRUZIONE") is
    // joined to it: "d’Istruzione".
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        let glued = i > 0 && ELIDED.contains(&words[i - 1].as_str());
        if i > 0 && !glued {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
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
    for c in &m.codes {
        let rule = match (c.valid, c.own) {
            (_, false) => "money.code.cited",
            (true, true) => "money.code",
            (false, true) => "money.code.invalid",
        };
        x.fields.push(field(
            &format!("decision.{}", c.kind),
            c.code.clone(),
            rule,
            Some(c.span),
        ));
    }
    let joined = |k: &str| {
        let v: Vec<&str> = m
            .codes
            .iter()
            .filter(|c| c.kind == k && c.valid && c.own)
            .map(|c| c.code.as_str())
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
        x.fields.push(field(
            "decision.main_amount",
            v.to_string(),
            "money.main",
            *span,
        ));
        x.fields.push(field(
            "decision.main_amount_role",
            role.clone(),
            "money.main",
            *span,
        ));
    }
    for a in &m.amounts {
        let v = format!("{} {}", a.value, a.role.as_deref().unwrap_or(""));
        x.fields
            .push(field("amount.value", v, "money.amount", a.span));
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
            MoneyKind::Code | MoneyKind::CodeContext => self
                .codes
                .iter()
                .filter(|c| c.own)
                .map(|c| {
                    let bad = if c.valid { "" } else { " (non valido)" };
                    format!("{} {}{bad}", c.kind, c.code)
                })
                .collect(),
            MoneyKind::LegalForm
            | MoneyKind::PartyRole
            | MoneyKind::PartyCue
            | MoneyKind::NotParty
            | MoneyKind::PartyColumn => self
                .parties
                .iter()
                .map(|p| {
                    format!(
                        "{} {} {}",
                        p.role,
                        p.name,
                        p.tax_id.as_deref().unwrap_or("")
                    )
                    .trim()
                    .to_owned()
                })
                .collect(),
            MoneyKind::Administration => self.administration.iter().map(|a| a.0.clone()).collect(),
            MoneyKind::Dispositive => self.dispositive.iter().cloned().collect(),
            MoneyKind::Main => self
                .main
                .iter()
                .map(|(v, role, _)| format!("{v} {role}"))
                .collect(),
            MoneyKind::Premise => self.premise.iter().cloned().collect(),
        };
        v.join("; ")
    }
}

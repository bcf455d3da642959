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
//! - Administration: [`super::money_administration`].

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
            let here = clause(rules, text, a.range.start);
            let role = role_of(rules, doc, Some(i), text, a.range.clone(), a.value);
            let weak = (role.is_none() && a.value != Euro::ZERO)
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
            let role = role_of(rules, doc, None, &furniture, a.range.clone(), a.value);
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
    out.administration = super::money_administration::administration(rules, doc, premise);
    let admin = out.administration.as_ref().map(|a| a.0.as_str());
    let mut parties = super::money_parties::parties(rules, doc, admin);
    let decides = super::money_party_cues::dispositive(rules, doc);
    super::money_party_cues::add(rules, doc, admin, decides, &mut parties);
    super::money_party_table::add(rules, doc, admin, &mut parties);
    let listed = super::money_party_list::add(rules, doc, admin, &mut parties);
    // A sum of a list of payees whose clause names no role takes the one
    // its list's rule gives ("sono stati assegnati: al Circolo X € 600; al
    // Gruppo Y € 300": each a grant, though only the first clause says so).
    for l in listed {
        let number = doc.pages[l.page].number;
        for a in out.amounts.iter_mut().filter(|a| {
            a.span
                .is_some_and(|s| s.page == number && s.start == l.sum.start)
        }) {
            if a.role.as_deref() == Some("other") {
                a.role = Some(l.role.clone());
            }
        }
    }
    out.parties = super::money_party_cues::decided(rules, doc, decides, parties);
    out
}

/// The role cue of the sum at `range` in `text`: a cue read in the words
/// right after it (`after`: "€ 220,00 per IVA"); else, when its table's
/// header stands inside its clause (rows that end no clause), the header of
/// its own column ([`super::money_columns`]: "Base d'asta  Ribasso  Importo
/// netto" over three sums gives each its column's role); else the cue
/// nearest before it in its clause, a table header's words left out (they
/// label columns: the geometry reads them); else the role its column's
/// header, or its table's, gives it. A sum of zero (an empty cell of an
/// impegni or liquidazioni table) has none: nothing is committed, paid or
/// granted. `page` is the page's index in `doc` when `text` is that page's
/// text.
fn role_of<'r>(
    rules: &'r MoneyRules,
    doc: &Doc,
    page: Option<usize>,
    text: &str,
    range: std::ops::Range<usize>,
    value: Euro,
) -> Option<&'r super::money::Cue> {
    if value == Euro::ZERO {
        return None;
    }
    let next = &text[range.end..];
    let next = &next[..next.floor_char_boundary(AFTER)];
    if let Some(c) = rules
        .amount_roles
        .iter()
        .find(|c| c.after && c.regex.is_match(next))
    {
        return Some(c);
    }
    let mut here = clause(rules, text, range.start);
    let column = page.and_then(|p| super::money_columns::column_role(rules, doc, p, range.clone()));
    if let Some((head, role)) = &column {
        // A header inside the sum's clause (rows that end no clause).
        if head.end > range.start.saturating_sub(here.len()) {
            if let Some((c, true)) = role {
                return Some(c);
            }
            here = &text[head.end.min(range.start)..range.start];
        }
    }
    nearest_of(
        rules.amount_roles.iter().filter(|c| !c.weak && !c.after),
        here,
    )
    .or(column.and_then(|(_, role)| role.map(|(c, _)| c)))
}

/// How far after a sum an `after` role cue is read.
const AFTER: usize = 60;

fn first_line(s: &str) -> String {
    atti_italian::squash(s.lines().find(|l| !l.trim().is_empty()).unwrap_or(""))
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
            MoneyKind::AmountRole | MoneyKind::AmountColumn => self
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
            | MoneyKind::PartyColumn
            | MoneyKind::PartyList
            | MoneyKind::Title => self
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

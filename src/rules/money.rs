//! The money rules: `[[amount_role]]`, `[[code]]`, `[[legal_form]]`,
//! `[[party_role]]`, `[[administration]]` and `[[dispositive]]`, checked
//! and compiled like every rule (unique id, description, valid regex within
//! the limits, examples) into [`MoneyRules`], which [`super::money_read`]
//! applies to a document. The grammars themselves (sums of euro, the
//! shapes of CIG and CUP, the check characters of tax ids) are in
//! `atti_italian::money`; these files only say which words mean what.
//!
//! An example's `input` is a document's text; `expected` is what the money
//! reader reads from it that this kind of rule decides, in brief:
//! - amount_role: every sum with its role, `1234.56 commitment; 10.00 other`;
//! - code: the codes read, `cig Z1A2B3C4D5; cup H19I22000650001`;
//! - legal_form, party_role: the parties, `supplier Rossi S.r.l. 01234567890`;
//! - administration: the administration's canonical name;
//! - dispositive: the dispositive's first line, or empty.

use std::collections::HashMap;

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::compiled::{Compiled, Meta};
use super::ctx::Ctx;
use super::format::Example;
use super::ExampleOutcome;
use crate::error::Result;

/// One money rule as written: a regex and, for most kinds, a value.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoneyRule {
    pub id: Spanned<String>,
    pub description: String,
    pub regex: Spanned<String>,
    /// amount_role, party_role: the role; code: `cig` or `cup`;
    /// legal_form: `before` or `after` (where the name's words are);
    /// administration: the canonical name, `{name}` for the group read.
    #[serde(default)]
    pub value: Option<String>,
    /// amount_role: the role may be the act's main amount.
    #[serde(default)]
    pub main: bool,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// The money rules of every file in force, in file order.
#[derive(Debug, Clone, Default)]
pub struct MoneyRules {
    pub amount_roles: Vec<Cue>,
    pub codes: Vec<Cue>,
    pub legal_forms: Vec<Cue>,
    pub party_roles: Vec<Cue>,
    pub administrations: Vec<Cue>,
    pub dispositive: Vec<Cue>,
}

/// A compiled money rule.
#[derive(Debug, Clone)]
pub struct Cue {
    pub meta: Meta,
    pub regex: Regex,
    pub value: String,
    pub main: bool,
}

/// Which table of the file a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyKind {
    AmountRole,
    Code,
    LegalForm,
    PartyRole,
    Administration,
    Dispositive,
}

const ROLES: &[&str] = &[
    "commitment",
    "payment",
    "award",
    "base",
    "vat",
    "grant",
    "revenue",
    "other",
];
const PARTY_ROLES: &[&str] = &["supplier", "beneficiary", "administration", "other"];

/// Checks one file's rules of one kind and adds them to `out`.
pub(super) fn compile(
    c: &Ctx,
    kind: MoneyKind,
    rules: Vec<MoneyRule>,
    ids: &mut HashMap<String, String>,
    out: &mut Compiled,
) -> Result<()> {
    for r in rules {
        let meta = c.meta(&r.id, r.description, r.examples, ids)?;
        let regex = c.regex(&r.regex, &meta.id)?;
        let value = r.value.unwrap_or_default();
        let allowed: Option<&[&str]> = match kind {
            MoneyKind::AmountRole => Some(ROLES),
            MoneyKind::PartyRole => Some(PARTY_ROLES),
            MoneyKind::Code => Some(&["cig", "cup"]),
            MoneyKind::LegalForm => Some(&["before", "after"]),
            MoneyKind::Administration | MoneyKind::Dispositive => None,
        };
        if let Some(allowed) = allowed {
            if !allowed.contains(&value.as_str()) {
                return Err(c.err(
                    r.id.span(),
                    &meta.id,
                    format!("`value` must be one of: {}", allowed.join(", ")),
                ));
            }
        }
        if kind == MoneyKind::Administration
            && (!value.contains("{name}") || regex.capture_names().all(|n| n != Some("name")))
        {
            return Err(c.err(
                r.id.span(),
                &meta.id,
                "an [[administration]] rule needs a group `(?P<name>...)` and `{name}` in `value`",
            ));
        }
        if r.main && kind != MoneyKind::AmountRole {
            return Err(c.err(r.id.span(), &meta.id, "`main` is for [[amount_role]] only"));
        }
        let cue = Cue {
            meta,
            regex,
            value,
            main: r.main,
        };
        let m = &mut out.money;
        match kind {
            MoneyKind::AmountRole => m.amount_roles.push(cue),
            MoneyKind::Code => m.codes.push(cue),
            MoneyKind::LegalForm => m.legal_forms.push(cue),
            MoneyKind::PartyRole => m.party_roles.push(cue),
            MoneyKind::Administration => m.administrations.push(cue),
            MoneyKind::Dispositive => m.dispositive.push(cue),
        }
    }
    Ok(())
}

impl MoneyRules {
    /// Every rule with the kind it is, for listing and examples.
    pub fn all(&self) -> impl Iterator<Item = (MoneyKind, &Cue)> {
        fn tag(k: MoneyKind, v: &[Cue]) -> Vec<(MoneyKind, &Cue)> {
            v.iter().map(|c| (k, c)).collect()
        }
        [
            tag(MoneyKind::AmountRole, &self.amount_roles),
            tag(MoneyKind::Code, &self.codes),
            tag(MoneyKind::LegalForm, &self.legal_forms),
            tag(MoneyKind::PartyRole, &self.party_roles),
            tag(MoneyKind::Administration, &self.administrations),
            tag(MoneyKind::Dispositive, &self.dispositive),
        ]
        .into_iter()
        .flatten()
    }
}

/// Runs the examples of every money rule.
pub(super) fn run_examples(rules: &Compiled, out: &mut Vec<ExampleOutcome>) {
    for (kind, cue) in rules.money.all() {
        for e in &cue.meta.examples {
            let pages = vec![crate::read::Page {
                number: 1,
                text: e.input.clone(),
                ..Default::default()
            }];
            let (doc, _) = super::prepare(&Compiled::default(), &pages);
            let read = super::money_read::read(&rules.money, &doc);
            let got = read.brief(kind);
            out.push(ExampleOutcome::judged(&cue.meta, &e.input, &e.expected, got));
        }
    }
}

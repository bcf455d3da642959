//! Checks and compiles the money rules (as written:
//! [`super::format::MoneyRule`]) like every rule (unique id, description,
//! valid regex within the limits, examples) into [`MoneyRules`]; a value
//! must be one the money reader ([`super::money_read`]) knows.

use std::collections::HashMap;

use super::ctx::Ctx;
use super::format::MoneyRule;
use super::money::{Cue, MoneyKind, MoneyRules};
use crate::error::Result;

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
/// What a `[[main]]` rule marks: where a dispositive item begins, an item
/// that only records (dà atto), where the dispositive ends, an item that
/// authorises a tender, the words before a total, the words after a sum
/// that restate it with IVA, an annex named, a sum said parted, an item
/// that decides a sum printed before it without its figure, the words
/// after a sum that name its parts (of which).
const MAIN_USES: &[&str] = &[
    "item", "aside", "end", "tender", "total", "gross", "annex", "split", "refer", "of_which",
];
const PARTY_ROLES: &[&str] = &["supplier", "beneficiary", "administration", "other"];
/// What the words before a `[[party_list]]` say of its names: their role,
/// or `earlier` (sums granted by earlier acts: no parties of this one).
const PARTY_LISTS: &[&str] = &["supplier", "beneficiary", "other", "earlier"];
/// What a `[[party_column]]` header says its column holds.
const PARTY_COLUMNS: &[&str] = &["supplier", "beneficiary", "other", "tax_id", "offers"];

/// Checks one file's rules of one kind and adds them to `out`.
pub(super) fn compile(
    c: &Ctx,
    kind: MoneyKind,
    rules: Vec<MoneyRule>,
    ids: &mut HashMap<String, String>,
    out: &mut MoneyRules,
) -> Result<()> {
    // What an `[[amount_column]]` header gives the sums under it: a role,
    // or `table` (the role the header's other columns name, if one).
    let column_roles = [ROLES, &["table"]].concat();
    for r in rules {
        let meta = c.meta(&r.id, r.description, r.examples, ids)?;
        let regex = c.regex(&r.regex, &meta.id)?;
        let value = r.value.unwrap_or_default();
        let allowed: Option<&[&str]> = match kind {
            MoneyKind::AmountRole => Some(ROLES),
            MoneyKind::AmountColumn => Some(column_roles.as_slice()),
            MoneyKind::PartyRole | MoneyKind::PartyCue => Some(PARTY_ROLES),
            MoneyKind::PartyList => Some(PARTY_LISTS),
            MoneyKind::PartyColumn => Some(PARTY_COLUMNS),
            MoneyKind::Code => Some(&["cig", "cup"]),
            MoneyKind::CodeContext => Some(&["own", "cited", "another"]),
            MoneyKind::LegalForm => Some(&["before", "after"]),
            MoneyKind::Title => Some(&["person", "word", "opener"]),
            MoneyKind::Main => Some(MAIN_USES),
            MoneyKind::Administration
            | MoneyKind::Dispositive
            | MoneyKind::NotParty
            | MoneyKind::Premise => None,
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
            && (value.is_empty()
                || value.contains("{name}") != regex.capture_names().any(|n| n == Some("name")))
        {
            return Err(c.err(
                r.id.span(),
                &meta.id,
                "an [[administration]] rule needs a `value`, with `{name}` if and only if it has a group `(?P<name>...)`",
            ));
        }
        if kind == MoneyKind::Title && regex.capture_names().any(|n| n.is_some()) {
            return Err(c.err(
                r.id.span(),
                &meta.id,
                "a [[title]] rule's regex has no named group: the rules are joined into one regex",
            ));
        }
        if r.main
            && !matches!(
                kind,
                MoneyKind::AmountRole | MoneyKind::AmountColumn | MoneyKind::Administration
            )
        {
            return Err(c.err(
                r.id.span(),
                &meta.id,
                "`main` is for [[amount_role]], [[amount_column]] and [[administration]] only",
            ));
        }
        if r.weak
            && !matches!(
                kind,
                MoneyKind::AmountRole | MoneyKind::Code | MoneyKind::PartyCue
            )
        {
            return Err(c.err(
                r.id.span(),
                &meta.id,
                "`weak` is for [[amount_role]], [[code]] and [[party_cue]] only",
            ));
        }
        if r.wider && kind != MoneyKind::Administration {
            return Err(c.err(
                r.id.span(),
                &meta.id,
                "`wider` is for [[administration]] only",
            ));
        }
        if r.after && (kind != MoneyKind::AmountRole || r.weak || r.main) {
            return Err(c.err(
                r.id.span(),
                &meta.id,
                "`after` is for [[amount_role]] only, neither `weak` nor `main`",
            ));
        }
        if r.to.is_some() && kind != MoneyKind::PartyCue {
            return Err(c.err(r.id.span(), &meta.id, "`to` is for [[party_cue]] only"));
        }
        if let Some(s) = &r.sums {
            if kind != MoneyKind::PartyList || !ROLES.contains(&s.as_str()) {
                return Err(c.err(
                    r.id.span(),
                    &meta.id,
                    format!(
                        "`sums` is for [[party_list]] only, one of: {}",
                        ROLES.join(", ")
                    ),
                ));
            }
        }
        let to = match &r.to {
            Some(t) => Some(c.regex(t, &meta.id)?),
            None => None,
        };
        let cue = Cue {
            meta,
            regex,
            value,
            main: r.main,
            weak: r.weak,
            wider: r.wider,
            after: r.after,
            to,
            sums: r.sums,
        };
        match kind {
            MoneyKind::AmountRole => out.amount_roles.push(cue),
            MoneyKind::AmountColumn => out.amount_columns.push(cue),
            MoneyKind::Code => out.codes.push(cue),
            MoneyKind::LegalForm => out.legal_forms.push(cue),
            MoneyKind::PartyRole => out.party_roles.push(cue),
            MoneyKind::Administration => out.administrations.push(cue),
            MoneyKind::Dispositive => out.dispositive.push(cue),
            MoneyKind::PartyCue => out.party_cues.push(cue),
            MoneyKind::NotParty => out.not_parties.push(cue),
            MoneyKind::PartyColumn => out.party_columns.push(cue),
            MoneyKind::PartyList => out.party_lists.push(cue),
            MoneyKind::Title => out.titles.push(cue),
            MoneyKind::CodeContext => out.code_contexts.push(cue),
            MoneyKind::Premise => out.premises.push(cue),
            MoneyKind::Main => out.main.push(cue),
        }
    }
    Ok(())
}

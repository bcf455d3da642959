//! From rule files to runtime rules: parse every file with serde, check every
//! rule (ids unique, regexes valid, targets and normalisers known, sections
//! and kinds declared), and compile the regexes once.
//!
//! The first mistake stops the load with [`Error::Rules`], naming the file,
//! the line and column of the offending text, and the rule's id, so that a
//! typo in a rules file is fixed before a single document is ingested.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use atti_italian::reference::BUILTIN_FILES;

use crate::error::Result;

pub use super::compiled::{
    Boilerplate, Column, Combine, Compiled, Field, Finder, Heads, Kind, Section, Slot, Table,
};
use super::ctx::{rule_around, rules_error, Ctx};
use super::format::RuleFile;
use super::limits::Budget;
use super::meta::Meta;
use super::source::{LineIndex, RuleSource};

/// Files that other parts of atti read with their own format.
pub(crate) const NOT_OURS: &[&str] = &["compliance.toml"];

/// Compiles all rule files, within the limits of [`limits`].
pub fn compile(sources: &[RuleSource]) -> Result<Compiled> {
    compile_within(sources, &Budget::default())
}

/// Compiles all rule files within a budget of rules and regex memory.
pub fn compile_within(sources: &[RuleSource], budget: &Budget) -> Result<Compiled> {
    let mut out = Compiled::default();
    let mut ids: HashMap<String, String> = HashMap::new();
    // Checks that need every file first: (source index, span, rule id, what).
    let mut later: Vec<(usize, Range<usize>, String, Later)> = Vec::new();
    let mut ref_table = atti_italian::reference::RefTable::default();
    // The files that give named acts or regions, in order.
    let mut ref_sources: Vec<usize> = Vec::new();
    // Cues, given to their classifiers once every file is read, with
    // where each was written.
    let mut cues = Vec::new();
    let mut cue_at: Vec<(usize, Range<usize>)> = Vec::new();
    let mut classifier_at: HashMap<String, (usize, Range<usize>)> = HashMap::new();
    for (si, src) in sources.iter().enumerate() {
        if NOT_OURS.contains(&src.name.as_str()) {
            continue;
        }
        let file: RuleFile = toml::from_str(&src.text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let rule = rule_around(&src.text, span.start);
            rules_error(src, span, &rule, e.message().trim().to_owned())
        })?;
        budget.set_builtin_file(src.is_builtin());
        let c = Ctx {
            src,
            lines: LineIndex::new(&src.text),
            budget,
        };
        if !file.named.is_empty() || !file.region.is_empty() {
            ref_sources.push(si);
        }
        super::references::named(&c, file.named, &mut ids, &mut out, &mut ref_table)?;
        super::references::regions(&c, file.region, &mut ids, &mut out, &mut ref_table)?;
        {
            use super::compile_money::compile as money;
            use super::money::MoneyKind as M;
            let m = &mut out.money;
            money(&c, M::AmountRole, file.amount_role, &mut ids, m)?;
            money(&c, M::AmountColumn, file.amount_column, &mut ids, m)?;
            money(&c, M::Code, file.code, &mut ids, m)?;
            money(&c, M::LegalForm, file.legal_form, &mut ids, m)?;
            money(&c, M::PartyRole, file.party_role, &mut ids, m)?;
            money(&c, M::Administration, file.administration, &mut ids, m)?;
            money(&c, M::Dispositive, file.dispositive, &mut ids, m)?;
            money(&c, M::PartyCue, file.party_cue, &mut ids, m)?;
            money(&c, M::NotParty, file.not_party, &mut ids, m)?;
            money(&c, M::PartyColumn, file.party_column, &mut ids, m)?;
            money(&c, M::PartyList, file.party_list, &mut ids, m)?;
            money(&c, M::Title, file.title, &mut ids, m)?;
            money(&c, M::CodeContext, file.code_context, &mut ids, m)?;
            money(&c, M::Premise, file.premise, &mut ids, m)?;
            money(&c, M::Main, file.main, &mut ids, m)?;
        }
        if let Some(s) = file.settings {
            if s.region.is_some() {
                out.settings.region = s.region;
            }
            if s.references.is_some() {
                out.settings.references = s.references;
            }
        }
        for k in file.kind {
            let meta = c.meta(&k.id, k.description, k.examples, &mut ids)?;
            let patterns = k
                .patterns
                .iter()
                .map(|p| Ok((c.regex(&p.regex, &meta.id)?, p.weight)))
                .collect::<Result<Vec<_>>>()?;
            let part_start = k
                .part_start
                .as_ref()
                .map(|r| c.regex(r, &meta.id))
                .transpose()?;
            out.kinds.push(Kind {
                meta,
                kind: k.kind,
                report_as: k.report_as,
                threshold: k.threshold,
                quick: patterns
                    .iter()
                    .map(|(re, _)| super::quick::quick(re))
                    .collect(),
                patterns,
                part_start,
            });
        }
        for b in file.boilerplate {
            let meta = c.meta(&b.id, b.description, b.examples, &mut ids)?;
            if b.regex.is_none() && b.repeated_on_pages.is_none() {
                return Err(c.err(
                    b.id.span(),
                    &meta.id,
                    "a boilerplate rule needs `regex` or `repeated_on_pages`",
                ));
            }
            let regex = b.regex.as_ref().map(|r| c.regex(r, &meta.id)).transpose()?;
            out.boilerplate.push(Boilerplate {
                meta,
                regex,
                repeated_on_pages: b.repeated_on_pages,
            });
        }
        for s in file.section {
            let meta = c.meta(&s.id, s.description, s.examples, &mut ids)?;
            for k in &s.kinds {
                later.push((si, s.id.span(), meta.id.clone(), Later::Kind(k.clone())));
            }
            out.sections.push(Section {
                start: c.regex(&s.start, &meta.id)?,
                end: s.end.as_ref().map(|r| c.regex(r, &meta.id)).transpose()?,
                kinds: s.kinds,
                meta,
            });
        }
        for f in file.field {
            let at = f.id.span();
            let field = c.field(f, &mut ids)?;
            for k in &field.kinds {
                later.push((
                    si,
                    at.clone(),
                    field.meta.id.clone(),
                    Later::Kind(k.clone()),
                ));
            }
            if let Some(s) = &field.section {
                later.push((
                    si,
                    at.clone(),
                    field.meta.id.clone(),
                    Later::Section(s.clone()),
                ));
            }
            out.fields.push(field);
        }
        for r in file.classifier {
            let at = r.id.span();
            let cl = c.classifier(r, &mut ids)?;
            for k in &cl.kinds {
                later.push((si, at.clone(), cl.meta.id.clone(), Later::Kind(k.clone())));
            }
            classifier_at.insert(cl.meta.id.clone(), (si, at));
            out.classifiers.push(cl);
        }
        for r in file.cue {
            cue_at.push((si, r.id.span()));
            cues.push(c.cue(r, &mut ids)?);
        }
        for t in file.table {
            let at = t.id.span();
            let table = c.table(t, &mut ids)?;
            for k in &table.kinds {
                later.push((
                    si,
                    at.clone(),
                    table.meta.id.clone(),
                    Later::Kind(k.clone()),
                ));
            }
            if let Some(s) = &table.section {
                later.push((
                    si,
                    at.clone(),
                    table.meta.id.clone(),
                    Later::Section(s.clone()),
                ));
            }
            out.tables.push(table);
        }
    }
    let cue_ids: Vec<String> = cues.iter().map(|(_, c)| c.meta.id.clone()).collect();
    super::compile_classifier::attach(&mut out, cues).map_err(|(at, m)| {
        let ((si, span), rule) = match at {
            Ok(i) => (cue_at[i].clone(), cue_ids[i].clone()),
            Err(id) => (classifier_at[&id].clone(), id),
        };
        rules_error(&sources[si], span, &rule, m)
    })?;
    // The built-in tables' lexicon is compiled once per process, when a
    // document's references are first read: a process that reads none (the
    // parent of the workers) never compiles it. The tables are the
    // built-in ones when the built-in files of named acts and regions
    // alone gave them, each once and in their order.
    let builtin_tables = ref_sources.len() == BUILTIN_FILES.len()
        && ref_sources
            .iter()
            .zip(BUILTIN_FILES)
            .all(|(&si, name)| sources[si].name == name && sources[si].is_builtin());
    if !builtin_tables {
        out.lexicon = Some(super::references::lexicon(ref_table).map_err(|m| {
            let src = &sources[ref_sources.last().copied().unwrap_or(0)];
            let rule = m.split(':').next().unwrap_or("").to_owned();
            rules_error(src, 0..0, &rule, m)
        })?);
    }
    let mut heads = Heads::default();
    for (i, t) in out.tables.iter().enumerate() {
        heads.headers.push(t.header.clone());
        if t.kinds.is_empty() {
            heads.any_kind.push(i);
        }
        let mut kinds: Vec<&String> = t.kinds.iter().collect();
        kinds.sort_unstable();
        kinds.dedup();
        for k in kinds {
            heads.by_kind.entry(k.clone()).or_default().push(i);
        }
    }
    let heads = Arc::new(heads);
    for (i, t) in out.tables.iter_mut().enumerate() {
        t.index = i;
        t.heads = Arc::clone(&heads);
    }
    let kinds: HashSet<&str> = out
        .kinds
        .iter()
        .map(|k| k.kind.as_str())
        .chain([crate::record::kind::OTHER])
        .collect();
    let sections: HashSet<&str> = out.sections.iter().map(|s| s.meta.id.as_str()).collect();
    for (si, span, rule, what) in later {
        let src = &sources[si];
        match what {
            Later::Kind(k) if !kinds.contains(k.as_str()) => {
                return Err(rules_error(
                    src,
                    span,
                    &rule,
                    format!("unknown kind `{k}` (no [[kind]] rule gives it)"),
                ))
            }
            Later::Section(s) if !sections.contains(s.as_str()) => {
                return Err(rules_error(
                    src,
                    span,
                    &rule,
                    format!("unknown section `{s}` (no [[section]] rule has this id)"),
                ))
            }
            _ => {}
        }
    }
    Ok(out)
}

enum Later {
    Kind(String),
    Section(String),
}

/// The rules in a file, for listing: (id, description, origin).
pub fn rule_metas(c: &Compiled) -> Vec<&Meta> {
    let mut v: Vec<&Meta> = Vec::new();
    v.extend(c.kinds.iter().map(|k| &k.meta));
    v.extend(c.boilerplate.iter().map(|k| &k.meta));
    v.extend(c.sections.iter().map(|k| &k.meta));
    v.extend(c.fields.iter().map(|k| &k.meta));
    v.extend(c.tables.iter().map(|k| &k.meta));
    v.extend(c.reference_rules.iter());
    for cl in &c.classifiers {
        v.push(&cl.meta);
        v.extend(cl.cues.iter().map(|q| &q.meta));
    }
    v.extend(c.money.all().map(|(_, cue)| &cue.meta));
    v
}

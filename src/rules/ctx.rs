//! The context a rule file is compiled in: its source, to name the file,
//! line and column of a mistake, and the budget every regex is compiled
//! within; and the compiling of a field rule.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::rule_regex::Regex;
use toml::Spanned;

use super::compiled::{Combine, Field, Finder, Labels, Slot};
use super::format::{self, Example};
use super::limits::{self, Budget};
use super::meta::Meta;
use super::normalise;
use super::source::{line_col, LineIndex, RuleSource};
use super::target::{self, Record};
use crate::error::{Error, Result};

pub(super) struct Ctx<'a> {
    pub(super) src: &'a RuleSource,
    /// Where the file's lines start, to give each rule its `file:line`.
    pub(super) lines: LineIndex,
    /// What the regexes of every file compiled so far take.
    pub(super) budget: &'a Budget,
}

impl Ctx<'_> {
    pub(super) fn err(&self, span: Range<usize>, rule: &str, msg: impl Into<String>) -> Error {
        rules_error(self.src, span, rule, msg.into())
    }

    pub(super) fn meta(
        &self,
        id: &Spanned<String>,
        description: String,
        examples: Vec<Example>,
        ids: &mut HashMap<String, String>,
    ) -> Result<Meta> {
        let name = id.get_ref().trim().to_owned();
        if name.is_empty() {
            return Err(self.err(id.span(), "", "a rule needs a non-empty `id`"));
        }
        let (line, _) = self.lines.line_col(&self.src.text, id.span().start);
        let origin = format!("{}:{line}", self.src.origin);
        if ids.len() >= self.budget.max_rules {
            return Err(self.err(
                id.span(),
                &name,
                format!(
                    "more than {} rules in the files in force; split the work between rule folders",
                    self.budget.max_rules
                ),
            ));
        }
        if let Some(first) = ids.get(&name) {
            return Err(self.err(
                id.span(),
                &name,
                format!("duplicate rule id (first defined at {first})"),
            ));
        }
        if description.trim().is_empty() {
            return Err(self.err(id.span(), &name, "a rule needs a `description`"));
        }
        if examples.iter().any(|e| e.date.is_some()) {
            return Err(self.err(
                id.span(),
                &name,
                "an example's `date` is only for [[named]] and [[region]] rules",
            ));
        }
        ids.insert(name.clone(), origin.clone());
        Ok(Meta {
            id: name,
            description,
            origin,
            examples,
        })
    }

    pub(super) fn regex(&self, r: &Spanned<String>, rule: &str) -> Result<Regex> {
        // `^` and `$` are line anchors in every rule: rules read lines.
        limits::check_length("regex", r.get_ref())
            .and_then(|()| self.budget.build(&format!("(?m){}", r.get_ref())))
            .map_err(|m| self.err(r.span(), rule, m))
    }

    pub(super) fn normalisers(&self, list: &[Spanned<String>], rule: &str) -> Result<Vec<String>> {
        list.iter()
            .map(|n| {
                if normalise::exists(n.get_ref()) {
                    Ok(n.get_ref().clone())
                } else {
                    Err(self.err(
                        n.span(),
                        rule,
                        format!(
                            "unknown normaliser `{}` (known: {})",
                            n.get_ref(),
                            normalise::NAMES.join(", ")
                        ),
                    ))
                }
            })
            .collect()
    }

    fn slot(&self, t: &Spanned<String>, capture: Option<String>, rule: &str) -> Result<Slot> {
        let (record, field) =
            target::check(t.get_ref()).map_err(|m| self.err(t.span(), rule, m))?;
        Ok(Slot {
            capture,
            record,
            field,
            name: t.get_ref().clone(),
            normalise: Vec::new(),
        })
    }

    pub(super) fn field(
        &self,
        f: format::FieldRule,
        ids: &mut HashMap<String, String>,
    ) -> Result<Field> {
        let id_span = f.id.span();
        let meta = self.meta(&f.id, f.description, f.examples, ids)?;
        let id = meta.id.clone();
        let finder = match (&f.regex, f.label.is_empty()) {
            (Some(r), true) => Finder::Regex(self.regex(r, &id)?),
            (None, false) => {
                let mut v = Vec::new();
                for l in &f.label {
                    let re = label_regex(l.get_ref(), f.ignore_case, self.budget)
                        .map_err(|m| self.err(l.span(), &id, m))?;
                    v.push(re);
                }
                let written: Vec<&str> = f.label.iter().map(|l| l.get_ref().as_str()).collect();
                Finder::Label(Labels::new(&written, v))
            }
            (Some(_), false) => {
                return Err(self.err(id_span, &id, "give either `label` or `regex`, not both"))
            }
            (None, true) => return Err(self.err(id_span, &id, "give `label` or `regex`")),
        };
        let mut slots = Vec::new();
        let common = self.normalisers(&f.normalise, &id)?;
        if let Some(t) = &f.target {
            let mut s = self.slot(t, None, &id)?;
            s.normalise = common.clone();
            if let Some(own) = f.normalise_each.get("value") {
                s.normalise.extend(self.normalisers(own, &id)?);
            }
            slots.push(s);
        }
        for (cap, t) in &f.targets {
            let mut s = self.slot(t, Some(cap.clone()), &id)?;
            s.normalise = common.clone();
            if let Some(own) = f.normalise_each.get(cap) {
                s.normalise.extend(self.normalisers(own, &id)?);
            }
            slots.push(s);
        }
        for cap in f.normalise_each.keys() {
            let named = slots
                .iter()
                .any(|s| s.capture.as_deref() == Some(cap.as_str()))
                || (cap == "value" && f.target.is_some());
            if !named {
                return Err(self.err(
                    id_span.clone(),
                    &id,
                    format!("`normalise_each` names `{cap}`, which is not a target's capture"),
                ));
            }
        }
        if matches!(
            slots
                .iter()
                .map(|s| s.record)
                .find(|r| matches!(r, Record::Phase | Record::Indicator)),
            Some(_)
        ) {
            return Err(self.err(
                id_span.clone(),
                &id,
                "phases and indicators are read by [[table]] rules, not field rules",
            ));
        }
        if slots.is_empty() {
            return Err(self.err(id_span, &id, "a field rule needs `target` or `targets`"));
        }
        if let Finder::Regex(re) = &finder {
            // Values are listed in the order their captures appear in the regex.
            let order: Vec<&str> = re.capture_names().map(|n| n.unwrap_or("")).collect();
            slots.sort_by_key(|s| {
                s.capture
                    .as_deref()
                    .and_then(|c| order.iter().position(|o| *o == c))
                    .unwrap_or(0)
            });
            let names: HashSet<&str> = re.capture_names().flatten().collect();
            for s in &slots {
                if let Some(c) = &s.capture {
                    if !names.contains(c.as_str()) {
                        let sp = f
                            .targets
                            .get(c)
                            .map(|t| t.span())
                            .unwrap_or(id_span.clone());
                        return Err(self.err(
                            sp,
                            &id,
                            format!("the regex has no capture named `{c}`"),
                        ));
                    }
                }
            }
        } else if !f.targets.is_empty() {
            return Err(self.err(
                id_span,
                &id,
                "`targets` needs a `regex` with named captures",
            ));
        }
        // A `value` template ("Direzione ${level} ${rest}") is made of a
        // regex's captures: every name it asks for must be one of them.
        if let Some(v) = f.value.as_deref().filter(|v| super::field::is_template(v)) {
            let names: HashSet<&str> = match &finder {
                Finder::Regex(re) if !f.block => re.capture_names().flatten().collect(),
                _ => {
                    return Err(self.err(
                        id_span,
                        &id,
                        "a `value` template (`${name}`) needs a `regex` (not a block)",
                    ))
                }
            };
            if let Some(missing) = super::field::template_names(v)
                .into_iter()
                .find(|n| !names.contains(n))
            {
                return Err(self.err(
                    id_span,
                    &id,
                    format!(
                        "the `value` template names `{missing}`, which the regex does not capture"
                    ),
                ));
            }
        }
        let combine = match f.combine.as_ref().map(|c| c.get_ref().as_str()) {
            None | Some("first") => Combine::First,
            Some("all") => Combine::All,
            Some("sum") => Combine::Sum,
            Some("count") => Combine::Count,
            Some("last") => Combine::Last,
            Some(other) => {
                let sp = f.combine.as_ref().map(|c| c.span()).unwrap_or(id_span);
                return Err(self.err(
                    sp,
                    &id,
                    format!("unknown combine `{other}` (first, all, sum, count, last)"),
                ));
            }
        };
        let label_column = match f.layout.as_ref().map(|l| (l.get_ref().as_str(), l.span())) {
            None | Some(("inline", _)) => false,
            Some(("label_column", sp)) => {
                if !matches!(finder, Finder::Label(_)) {
                    return Err(self.err(sp, &id, "`layout = \"label_column\"` needs a `label`"));
                }
                true
            }
            Some((other, sp)) => {
                return Err(self.err(
                    sp,
                    &id,
                    format!("unknown layout `{other}` (inline, label_column)"),
                ))
            }
        };
        let quick = match &finder {
            Finder::Regex(re) => super::quick::quick(re),
            Finder::Label(_) => None,
        };
        let letterhead = match f.region.as_ref().map(|r| (r.get_ref().as_str(), r.span())) {
            None | Some(("text", _)) => false,
            Some(("letterhead", sp)) => {
                if f.section.is_some() {
                    return Err(self.err(
                        sp,
                        &id,
                        "`region = \"letterhead\"` reads the letterhead, which has no sections",
                    ));
                }
                true
            }
            Some((other, sp)) => {
                return Err(self.err(
                    sp,
                    &id,
                    format!("unknown region `{other}` (text, letterhead)"),
                ))
            }
        };
        Ok(Field {
            kinds: f.kinds,
            section: f.section,
            letterhead,
            finder,
            slots,
            block: f.block,
            paragraphs: f.paragraphs,
            phrase: f.phrase,
            until: f.until.as_ref().map(|r| self.regex(r, &id)).transpose()?,
            stop: f.stop.as_ref().map(|r| self.regex(r, &id)).transpose()?,
            value: f.value,
            combine,
            left_column: f.left_column,
            under: f.under.as_ref().map(|r| self.regex(r, &id)).transpose()?,
            not_value: f
                .not_value
                .as_ref()
                .map(|r| self.regex(r, &id))
                .transpose()?,
            before: f.before.as_ref().map(|r| self.regex(r, &id)).transpose()?,
            label_column,
            quick,
            meta,
        })
    }
}

/// A label as a regex: its words in order with any whitespace between them
/// (a label may wrap over lines), not inside a longer word, a colon after a
/// word also a space or a tab away from it. Compiled within
/// the limits of `budget`, like every regex of a rules file.
pub fn label_regex(
    label: &str,
    ignore_case: bool,
    budget: &Budget,
) -> std::result::Result<Regex, String> {
    limits::check_length("label", label)?;
    // A colon after a word may stand a space away from it, as typists
    // set it ("Oggetto :", "CIG :").
    let words: Vec<String> = label
        .split_whitespace()
        .map(|w| match w.strip_suffix(':') {
            Some(head) if head.chars().last().is_some_and(char::is_alphanumeric) => {
                format!(r"{}[ \t]*:", regex::escape(head))
            }
            _ => regex::escape(w),
        })
        .collect();
    if words.is_empty() {
        return Err("empty label".into());
    }
    let first_alnum = label
        .trim()
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    let last_alnum = label
        .trim()
        .chars()
        .last()
        .is_some_and(char::is_alphanumeric);
    let pat = format!(
        "(?m{}){}{}{}",
        if ignore_case { "i" } else { "" },
        if first_alnum { r"\b" } else { "" },
        words.join(r"\s+"),
        if last_alnum { r"\b" } else { "" }
    );
    budget.build(&pat)
}

pub(super) fn rules_error(
    src: &RuleSource,
    span: Range<usize>,
    rule: &str,
    message: String,
) -> Error {
    let (line, column) = line_col(&src.text, span.start);
    Error::Rules {
        file: src.origin.clone(),
        line,
        column,
        rule: if rule.is_empty() {
            "-".into()
        } else {
            rule.to_owned()
        },
        message,
    }
}

/// The id of the rule whose table holds byte `offset` of a rules file:
/// the `id = "..."` between the last `[[...]]` header before the offset and
/// the next header.
pub(super) fn rule_around(text: &str, offset: usize) -> String {
    let offset = text.floor_char_boundary(offset);
    // Each test looks at one line only: `trim_start` over the rest of the
    // text would cross blank lines, and a file of blank lines would take
    // time quadratic in its length to report its error.
    let line = |i: usize| text[i..].split('\n').next().unwrap_or("").trim_start();
    let header_start = text[..offset]
        .rmatch_indices('\n')
        .map(|(i, _)| i + 1)
        .chain([0])
        .find(|&i| line(i).starts_with("[["))
        .unwrap_or(0);
    let body_end = text[header_start..]
        .match_indices('\n')
        .map(|(i, _)| header_start + i + 1)
        .find(|&i| line(i).starts_with('['))
        .unwrap_or(text.len());
    let id = Regex::new(r#"(?m)^\s*id\s*=\s*["']([^"']+)["']"#).expect("static regex");
    id.captures(&text[header_start..body_end])
        .map(|c| c[1].to_owned())
        .unwrap_or_default()
}

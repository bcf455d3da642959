//! Compiling `[[classifier]]` and `[[cue]]` rules (see
//! [`super::classifier`]): every cue belongs to a classifier declared in
//! some file, names one of its classes and counts in known zones; a
//! classifier's `when` names another classifier and one of its classes.

use std::collections::HashMap;

use super::classifier::{Classifier, Cue, Zone};
use super::classifier_basis::{Basis, Provision};
use super::classifier_zones::Marks;
use super::compiled::Compiled;
use super::ctx::Ctx;
use super::format::{ClassifierRule, CueRule};
use super::target::{self, Record};
use crate::error::Result;

impl Ctx<'_> {
    pub(super) fn classifier(
        &self,
        r: ClassifierRule,
        ids: &mut HashMap<String, String>,
    ) -> Result<Classifier> {
        let id_span = r.id.span();
        let meta = self.meta(&r.id, r.description, r.examples, ids)?;
        let id = meta.id.clone();
        let decision_field = |t: &toml::Spanned<String>| -> Result<String> {
            match target::check(t.get_ref()) {
                Ok((Record::Decision, f)) => Ok(f),
                Ok(_) => Err(self.err(t.span(), &id, "a classifier fills a `decision.` field")),
                Err(m) => Err(self.err(t.span(), &id, m)),
            }
        };
        let field = decision_field(&r.target)?;
        if r.classes.is_empty() {
            return Err(self.err(id_span, &id, "a classifier needs `classes`"));
        }
        let mut zones = Vec::new();
        for (name, w) in &r.zones {
            let z = Zone::from_name(name).ok_or_else(|| {
                self.err(
                    id_span.clone(),
                    &id,
                    format!("unknown zone `{name}` (dispositive, subject, premises)"),
                )
            })?;
            zones.push((z, *w));
        }
        let when = match &r.when {
            None => None,
            Some(w) => {
                let (c, class) = w
                    .get_ref()
                    .split_once('=')
                    .ok_or_else(|| self.err(w.span(), &id, "`when` is `classifier=class`"))?;
                Some((c.trim().to_owned(), class.trim().to_owned()))
            }
        };
        let provisions = |list: &[String]| {
            list.iter()
                .map(|a| Provision::parse(a).map_err(|m| self.err(id_span.clone(), &id, m)))
                .collect::<Result<Vec<_>>>()
        };
        let basis = match r.basis {
            None => None,
            Some(b) => Some(Basis {
                field: decision_field(&b.target)?,
                urn_field: b.urn_target.as_ref().map(decision_field).transpose()?,
                window: b.window,
                acts: provisions(&b.acts)?,
                not: provisions(&b.not)?,
                abbreviations: b.abbreviations.into_iter().collect(),
            }),
        };
        Ok(Classifier {
            kinds: r.kinds,
            record: Record::Decision,
            field,
            otherwise: r.otherwise,
            threshold: r.threshold,
            marks: Marks {
                dispositive: self.regex(&r.dispositive, &id)?,
                dispositive_end: r
                    .dispositive_end
                    .as_ref()
                    .map(|e| self.regex(e, &id))
                    .transpose()?,
                item: self.regex(&r.item, &id)?,
                premises_start: r
                    .premises_start
                    .as_ref()
                    .map(|e| self.regex(e, &id))
                    .transpose()?,
            },
            aside: r
                .aside
                .as_ref()
                .map(|a| self.regex(a, &id).map(|re| (re, r.aside_weight)))
                .transpose()?,
            zones,
            when,
            basis,
            classes: r.classes,
            cues: Vec::new(),
            meta,
        })
    }

    /// Checks a cue; it is given to its classifier once every file is read.
    pub(super) fn cue(
        &self,
        r: CueRule,
        ids: &mut HashMap<String, String>,
    ) -> Result<(String, Cue)> {
        let id_span = r.id.span();
        let meta = self.meta(&r.id, r.description, r.examples, ids)?;
        let id = meta.id.clone();
        let regex = r.regex.as_ref().map(|x| self.regex(x, &id)).transpose()?;
        let mut references = Vec::new();
        for p in &r.references {
            references.push(Provision::parse(p.get_ref()).map_err(|m| self.err(p.span(), &id, m))?);
        }
        if regex.is_some() == !references.is_empty() {
            return Err(self.err(id_span, &id, "a cue needs either `regex` or `references`"));
        }
        let mut zones = Vec::new();
        for z in &r.zones {
            zones.push(Zone::from_name(z).ok_or_else(|| {
                self.err(
                    id_span.clone(),
                    &id,
                    format!("unknown zone `{z}` (dispositive, subject, premises)"),
                )
            })?);
        }
        Ok((
            r.classifier.get_ref().clone(),
            Cue {
                class: r.class.get_ref().clone(),
                regex,
                references,
                unless: r.unless.as_ref().map(|u| self.regex(u, &id)).transpose()?,
                weight: r.weight,
                zones,
                meta,
            },
        ))
    }
}

/// Gives each cue to its classifier, checking that the classifier exists
/// and knows the class, and that every `when` names a class of a
/// classifier declared before it (classifiers run in order). An error
/// names the rule at fault: the cue's index, or the classifier's id.
pub(super) fn attach(
    out: &mut Compiled,
    cues: Vec<(String, Cue)>,
) -> std::result::Result<(), (Result<usize, String>, String)> {
    for (i, (classifier, cue)) in cues.into_iter().enumerate() {
        let Some(c) = out.classifiers.iter_mut().find(|c| c.meta.id == classifier) else {
            return Err((
                Ok(i),
                format!("unknown classifier `{classifier}` (no [[classifier]] has this id)"),
            ));
        };
        if !c.classes.contains(&cue.class) {
            return Err((
                Ok(i),
                format!(
                    "class `{}` is not one of `{classifier}`'s classes ({})",
                    cue.class,
                    c.classes.join(", ")
                ),
            ));
        }
        c.cues.push(cue);
    }
    for (i, c) in out.classifiers.iter().enumerate() {
        if let Some((other, class)) = &c.when {
            let ok = out.classifiers[..i]
                .iter()
                .any(|o| &o.meta.id == other && o.classes.contains(class));
            if !ok {
                return Err((
                    Err(c.meta.id.clone()),
                    format!("`when` names `{other}={class}`, which no classifier declared before this one gives"),
                ));
            }
        }
    }
    Ok(())
}

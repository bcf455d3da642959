//! `atti rules test|list|diff|stats`: run the examples written inside the
//! rule files, list the rules, try them on the indexed archive.

use std::fmt::Write as _;

use crate::cli::{RulesArgs, RulesCommand};
use crate::config;
use atti::error::Result;

pub fn run(a: &RulesArgs) -> Result<i32> {
    let mut o = String::new();
    let code = match &a.command {
        RulesCommand::Test { rules, verbose } => {
            let set = config::rules(rules)?;
            let outcomes = set.test_examples();
            let failed = outcomes.iter().filter(|x| !x.passed).count();
            for x in outcomes.iter().filter(|x| !x.passed || *verbose) {
                let _ = writeln!(
                    o,
                    "{} {} ({})\n    input:    {:?}\n    expected: {:?}\n    got:      {:?}",
                    if x.passed { "ok  " } else { "FAIL" },
                    x.rule,
                    x.origin,
                    x.input,
                    x.expected,
                    x.got
                );
            }
            let _ = writeln!(o, "{} passed, {} failed", outcomes.len() - failed, failed);
            i32::from(failed > 0)
        }
        RulesCommand::Diff {
            rules,
            index,
            kind,
            limit,
            json,
            fail_on_change,
        } => {
            let set = config::rules(rules)?;
            let path = config::read_index_path(index);
            let d = atti::review::diff::diff(&path, &set, kind.as_deref(), *limit)?;
            super::rules_archive::diff(&mut o, &d, *json)?;
            i32::from(*fail_on_change && d.any())
        }
        RulesCommand::Stats {
            rules,
            index,
            kind,
            json,
        } => {
            let set = config::rules(rules)?;
            let path = config::read_index_path(index);
            let s = atti::review::stats::stats(&path, &set, kind.as_deref())?;
            super::rules_archive::stats(&mut o, &s, *json)?;
            0
        }
        RulesCommand::List { rules } => {
            let set = config::rules(rules)?;
            for r in set.list() {
                let _ = writeln!(o, "{:<36} {}  ({})", r.id, r.description, r.origin);
            }
            0
        }
    };
    super::print(&o)?;
    Ok(code)
}

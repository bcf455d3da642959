//! `atti rules test|list`: run the examples written inside the rule files.

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

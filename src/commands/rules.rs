//! `atti rules test|list`: run the examples written inside the rule files.

use crate::cli::{RulesArgs, RulesCommand};
use crate::config;
use crate::error::Result;

pub fn run(a: &RulesArgs) -> Result<i32> {
    match &a.command {
        RulesCommand::Test { rules, verbose } => {
            let set = config::rules(rules)?;
            let outcomes = set.test_examples();
            let failed = outcomes.iter().filter(|o| !o.passed).count();
            for o in &outcomes {
                if !o.passed || *verbose {
                    println!(
                        "{} {} ({})\n    input:    {:?}\n    expected: {:?}\n    got:      {:?}",
                        if o.passed { "ok  " } else { "FAIL" },
                        o.rule,
                        o.origin,
                        o.input,
                        o.expected,
                        o.got
                    );
                }
            }
            println!("{} passed, {} failed", outcomes.len() - failed, failed);
            Ok(if failed > 0 { 1 } else { 0 })
        }
        RulesCommand::List { rules } => {
            let set = config::rules(rules)?;
            for r in set.list() {
                println!("{:<36} {}  ({})", r.id, r.description, r.origin);
            }
            Ok(0)
        }
    }
}

//! Integration tests: one binary, one module per area (as ripgrep does).
//! Each test runs the `atti` binary in a temporary folder.

mod acts_gold;
mod archive;
mod common;
mod header_shapes;
mod letterhead;
mod ocr;
mod office;
mod office_empty;
mod office_pivot;
mod peg_producers;
mod procedure_gold;
mod reapply;
mod reference_gold;
mod reliability;
mod report;
mod report_templates;
mod robust;
mod samples;
mod search_errors;
mod search_filters;
mod serve;
mod shards;
mod signed;
mod sweep;
mod table_fixtures_guard;
mod upgrade;
mod versions;
mod xlsx;

// The comparison of benches/table_fixtures.rs, tested here: a bench target
// without the test harness runs no tests of its own.
#[path = "../benches/table_fixtures/compare.rs"]
#[allow(dead_code)]
mod table_compare;

// The scoring of the acts gold set, shared with benches/gold.rs.
#[path = "../benches/gold/acts.rs"]
#[allow(dead_code)]
mod gold_acts;

// The scoring of the money gold set's procedure fields, shared with benches/gold.rs.
#[path = "../benches/gold/money.rs"]
#[allow(dead_code)]
mod gold_money;
#[path = "../benches/gold/procedure.rs"]
#[allow(dead_code)]
mod gold_procedure;
mod money_gold;
mod money_web_amount40;
mod money_web_amounts;
mod money_web_parties;
mod money_web_proc;
mod money_web_proc2;
mod money_web_proc40;
mod money_web_proc43;
mod money_web_proc44;
mod money_web_s44;
mod money_web_s45;
mod money_web_s47;
mod money_web_s49;
mod money_web_s50;
mod money_web_s51;
mod money_web_s52;

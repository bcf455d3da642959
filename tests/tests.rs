//! Integration tests: one binary, one module per area (as ripgrep does).
//! Each test runs the `atti` binary in a temporary folder.

mod archive;
mod common;
mod reliability;
mod report;
mod robust;
mod samples;
mod search_errors;
mod upgrade;
mod versions;
mod xlsx;

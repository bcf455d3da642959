//! The `atti` binary: parse the command line, run, render errors, exit.

use clap::Parser;

fn main() {
    let cli = atti::cli::Cli::parse();
    let code = match atti::commands::dispatch(cli) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            eprintln!("atti: error: {e}");
            e.exit_code()
        }
    };
    std::process::exit(code);
}

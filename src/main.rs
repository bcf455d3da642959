//! The `atti` binary: parse the command line ([`cli`]), resolve it
//! ([`config`]), run one command ([`commands`]), render errors, exit. The
//! work itself is in the `atti` library.

mod cli;
mod commands;
mod config;

fn main() {
    let cli = cli::Cli::from_env();
    let code = match commands::dispatch(cli) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            eprintln!("atti: errore: {e}");
            e.exit_code()
        }
    };
    std::process::exit(code);
}

//! The `atti` binary: parse the command line ([`cli`]), resolve it
//! ([`config`]), run one command ([`commands`]), render errors, exit. The
//! work itself is in the `atti` library.

mod cli;
mod commands;
mod config;

/// mimalloc rather than the system's allocator: reading a document makes
/// and drops many small strings and vectors, and glibc's malloc and free
/// were a fifth of a worker's instructions.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = cli::Cli::from_env();
    let code = match commands::dispatch(cli) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            eprintln!("atti: error: {e}");
            e.exit_code()
        }
    };
    std::process::exit(code);
}

//! The `concord` binary: parses arguments, runs the library, maps the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;
use concord::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap's own exit codes: 0 for --help/--version, 2 for usage errors.
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let outcome = match cli.command {
        Command::Check(args) => concord::pipeline::run(&args),
        Command::Align(args) => concord::align::command::run(&args),
    };
    match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("concord: {e:#}");
            ExitCode::from(2)
        }
    }
}

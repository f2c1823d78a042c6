//! The `concord` binary: parses arguments, runs the library, maps the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;
use concord::cli::{Cli, Command};

fn main() -> ExitCode {
    // A panic while checking one input becomes an `input-error` finding for it; one line on
    // standard error is enough, the report says the rest.
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "concord: internal error{at}: {}",
            info.payload()
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| info.payload().downcast_ref::<String>().map(String::as_str))
                .unwrap_or("panic")
        );
    }));
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
        Command::Merge(args) => concord::merge::run(&args),
        Command::Checks(args) => concord::checks_list::run(&args),
    };
    match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("concord: {e:#}");
            ExitCode::from(2)
        }
    }
}

//! The `check` command's pipeline: discover → load → segment → align → extract → check → report.

use std::process::ExitCode;

use crate::cli::CheckArgs;

pub fn run(_args: &CheckArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented")
}

//! `concord align`: aligns two documents and prints the sentence alignment.

use std::process::ExitCode;

use crate::cli::AlignArgs;

pub fn run(_args: &AlignArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented")
}

//! What integration tests share: running the built `concord` binary.

use std::path::Path;

use assert_cmd::Command;

/// Runs `concord` with these arguments and returns its output.
pub fn concord(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("concord")
        .unwrap()
        .args(args)
        .output()
        .unwrap()
}

/// A path as a command-line argument.
pub fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

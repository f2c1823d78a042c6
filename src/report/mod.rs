//! Reports: views of the complete, sorted batch of findings.
//!
//! One file per format. A report is rendered whole in memory and then written in one go: to a
//! temporary file in the destination's folder that is renamed into place, so no reader ever sees
//! half a report.

pub mod csv;
pub mod summary;

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use crate::cli::ReportFormat;
use crate::finding::Finding;

/// Renders the findings in a format.
pub fn render(findings: &[Finding], format: ReportFormat) -> anyhow::Result<Vec<u8>> {
    match format {
        ReportFormat::Csv => csv::render(findings),
    }
}

/// Writes a rendered report to a file (atomically) or, for `None` or `-`, to standard output.
pub fn write(bytes: &[u8], output: Option<&Path>) -> anyhow::Result<()> {
    match output {
        None => write_stdout(bytes),
        Some(p) if p == Path::new("-") => write_stdout(bytes),
        Some(path) => write_atomically(path, bytes),
    }
}

fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        // A closed pipe (`concord check … | head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write the report to standard output"),
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "report".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("cannot write the report to {}", path.display()))
}

//! Reports: views of the complete, sorted batch of findings.
//!
//! One file per format (`csv`, `json`, `jsonl`, `sarif`, `junit`, `github`, `html`), each a
//! function from a [`Report`] to bytes. A run may write several reports ([`destinations`]); each
//! is written to a temporary file in its destination's folder (the CSV report row by row, the
//! others rendered whole in memory first), and only once all are written are they renamed into
//! place, so no reader ever sees half a report and a failure to write one leaves no other
//! half-replaced.
//!
//! Around the formats: [`fingerprint`] names what a finding is about, [`baseline`] drops the
//! findings an accepted report already holds, [`alignment`] is what the pipeline hands over of
//! each document (every aligned segment), and [`lines`] finds a finding's line in its file.

pub mod alignment;
pub mod baseline;
pub mod csv;
pub mod fingerprint;
pub mod github;
pub mod grid;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod lines;
pub mod markup;
pub mod rules;
pub mod sarif;
pub mod summary;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

pub use alignment::{AlignedSegment, DocumentAlignment};

use crate::cli::{CheckArgs, FailOn, ReportFormat};
use crate::discover::Job;
use crate::finding::{Finding, Severity};

/// Everything a report shows: the run's findings in report order, and what surrounds them.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// Sorted, deduplicated, the baseline's already left out.
    pub findings: &'a [Finding],
    /// Every aligned segment of every document checked, in report order; empty unless one of
    /// the formats asked needs it ([`needs_alignments`]).
    pub alignments: &'a [DocumentAlignment],
    /// The inputs checked, to find each document's file ([`alignment::Files`]).
    pub jobs: &'a [Job],
    pub counts: summary::Counts,
    pub fail_on: FailOn,
}

impl Report<'_> {
    /// Whether a finding reaches the `--fail-on` level.
    pub fn fails(&self, finding: &Finding) -> bool {
        fails(finding.severity, self.fail_on)
    }
}

/// Whether a severity reaches the `--fail-on` level.
pub fn fails(severity: Severity, fail_on: FailOn) -> bool {
    match fail_on {
        FailOn::Error => severity >= Severity::Error,
        FailOn::Warning => severity >= Severity::Warning,
        FailOn::Info => true,
        FailOn::Never => false,
    }
}

/// Renders a report in a format.
pub fn render(report: &Report, format: ReportFormat) -> anyhow::Result<Vec<u8>> {
    match format {
        ReportFormat::Csv => csv::render(report.findings),
        ReportFormat::Json => json::render(report.findings),
        ReportFormat::Jsonl => jsonl::render(report.findings),
        ReportFormat::Sarif => sarif::render(report),
        ReportFormat::Junit => junit::render(report),
        ReportFormat::Github => github::render(report),
        ReportFormat::Html => html::render(report),
    }
}

/// Whether the pipeline must hand over the documents' alignments for these formats: the HTML
/// report shows them, SARIF and GitHub annotations find lines through them.
pub fn needs_alignments(destinations: &[Destination]) -> bool {
    destinations.iter().any(|d| {
        matches!(
            d.format,
            ReportFormat::Html | ReportFormat::Sarif | ReportFormat::Github
        )
    })
}

/// One report to write: its format and its file (`None`: standard output).
#[derive(Debug, Clone, PartialEq)]
pub struct Destination {
    pub format: ReportFormat,
    pub output: Option<PathBuf>,
}

/// The reports a `check` run writes: the one of `-o`/`--format` (CSV on standard output when
/// neither is given), and one per `--report FORMAT=PATH`. When `--report` is given and neither
/// `-o` nor `--format` is, only the `--report` reports are written. Two reports to standard
/// output, or two to the same file, are a usage error, found before any work is done.
pub fn destinations(args: &CheckArgs) -> anyhow::Result<Vec<Destination>> {
    let to = |path: &Path| (path != Path::new("-")).then(|| path.to_path_buf());
    let mut out = Vec::new();
    if args.reports.is_empty() || args.output.is_some() || args.format.is_some() {
        out.push(Destination {
            format: args.format.unwrap_or(ReportFormat::Csv),
            output: args.output.as_deref().and_then(to),
        });
    }
    out.extend(args.reports.iter().map(|r| Destination {
        format: r.format,
        output: to(&r.path),
    }));
    for (i, d) in out.iter().enumerate() {
        let same = |e: &Destination| match (&e.output, &d.output) {
            (None, None) => true,
            (Some(a), Some(b)) => a == b || same_file(a, b),
            _ => false,
        };
        if out[..i].iter().any(same) {
            match &d.output {
                None => bail!("only one report can be written to standard output"),
                Some(p) => bail!("two reports would be written to {}", p.display()),
            }
        }
    }
    Ok(out)
}

/// Whether two paths name the same file (for paths that do not exist yet: the same name in the
/// same folder).
fn same_file(a: &Path, b: &Path) -> bool {
    let resolve = |p: &Path| {
        let dir = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        dir.canonicalize()
            .ok()
            .map(|d| d.join(p.file_name().unwrap_or_default()))
    };
    matches!((resolve(a), resolve(b)), (Some(x), Some(y)) if x == y)
}

/// Renders every report, then writes them: files atomically and all together (every temporary
/// file is written before any is renamed into place), standard output last.
pub fn write_all(report: &Report, destinations: &[Destination]) -> anyhow::Result<()> {
    let mut staged: Vec<Staged> = Vec::new();
    // Reports to standard output are rendered before any file is renamed into place.
    let mut for_stdout: Vec<Vec<u8>> = Vec::new();
    for d in destinations {
        let result = match &d.output {
            // The CSV report of a large run is as big as its findings: it is streamed into its
            // file rather than held in memory beside them.
            Some(path) if d.format == ReportFormat::Csv => {
                Staged::write_with(path, |file| csv::write(report.findings, file))
                    .map(|s| staged.push(s))
            }
            Some(path) => render(report, d.format)
                .and_then(|bytes| Staged::write(path, &bytes))
                .map(|s| staged.push(s)),
            None => render(report, d.format).map(|bytes| for_stdout.push(bytes)),
        };
        if let Err(e) = result {
            staged.into_iter().for_each(Staged::discard);
            return Err(e);
        }
    }
    let mut result = Ok(());
    for s in staged {
        if result.is_ok() {
            result = s.commit();
        } else {
            s.discard();
        }
    }
    result?;
    for bytes in &for_stdout {
        write_stdout(bytes)?;
    }
    Ok(())
}

/// Writes a report to a file through `fill` (atomically: into a temporary file beside it,
/// renamed into place only once `fill` has succeeded).
pub fn write_file_with(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    Staged::write_with(path, fill)?.commit()
}

/// Writes a rendered report to a file (atomically) or, for `None` or `-`, to standard output.
pub fn write(bytes: &[u8], output: Option<&Path>) -> anyhow::Result<()> {
    match output {
        None => write_stdout(bytes),
        Some(p) if p == Path::new("-") => write_stdout(bytes),
        Some(path) => Staged::write(path, bytes)?.commit(),
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

/// A report written whole to a temporary file beside its destination, not yet renamed into
/// place.
struct Staged {
    tmp: PathBuf,
    path: PathBuf,
}

impl Staged {
    fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<Staged> {
        Staged::write_with(path, |file| Ok(file.write_all(bytes)?))
    }

    /// Creates the temporary file and lets `fill` write the report into it.
    fn write_with(
        path: &Path,
        fill: impl FnOnce(&mut std::fs::File) -> anyhow::Result<()>,
    ) -> anyhow::Result<Staged> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "report".into());
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let result = (|| -> anyhow::Result<()> {
            let mut file = std::fs::File::create(&tmp)?;
            fill(&mut file)?;
            file.sync_all()?;
            Ok(())
        })();
        match result {
            Ok(()) => Ok(Staged {
                tmp,
                path: path.to_path_buf(),
            }),
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(e.context(format!("cannot write the report to {}", path.display())))
            }
        }
    }

    fn commit(self) -> anyhow::Result<()> {
        std::fs::rename(&self.tmp, &self.path).map_err(|e| {
            let _ = std::fs::remove_file(&self.tmp);
            anyhow::Error::new(e).context(format!(
                "cannot write the report to {}",
                self.path.display()
            ))
        })
    }

    fn discard(self) {
        let _ = std::fs::remove_file(&self.tmp);
    }
}

//! Command-line arguments: the contract's commands and options, parsed by clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "concord",
    version,
    about = "Checks translations for consistency with their source."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check folders of translations and bilingual files against their source.
    Check(CheckArgs),
    /// Align two documents sentence by sentence and print the alignment.
    Align(AlignArgs),
    /// Combine the CSV reports of `check --shard K/N` runs into the report of one whole run.
    Merge(MergeArgs),
    /// List every check: what it finds, why it matters, an example.
    Checks(ChecksArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// The contract's eleven columns, then the fingerprint and the state; formula-like cells neutralised.
    Csv,
    /// One JSON array of objects keyed by the CSV's column names.
    Json,
    /// JSON Lines: one object a line, keyed by the CSV's column names.
    Jsonl,
    /// SARIF 2.1.0, as GitHub code scanning reads it.
    Sarif,
    /// JUnit XML: a test suite per document, a failure per finding at the --fail-on level.
    Junit,
    /// GitHub Actions workflow commands (annotations): `::error file=…::message`.
    Github,
    /// One self-contained HTML page: documents side by side, findings highlighted, filters.
    Html,
}

/// `--report FORMAT=PATH`: one more report to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSpec {
    pub format: ReportFormat,
    pub path: PathBuf,
}

impl std::str::FromStr for ReportSpec {
    type Err = String;

    fn from_str(spec: &str) -> Result<ReportSpec, String> {
        let names = || {
            ReportFormat::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (format, path) = spec
            .split_once('=')
            .ok_or_else(|| format!("expected FORMAT=PATH (FORMAT one of {})", names()))?;
        let format = ReportFormat::from_str(format.trim(), true)
            .map_err(|_| format!("unknown report format {format:?} (one of {})", names()))?;
        if path.is_empty() {
            return Err("expected FORMAT=PATH, the path is empty (`-`: standard output)".into());
        }
        Ok(ReportSpec {
            format,
            path: PathBuf::from(path),
        })
    }
}

/// The least severity that makes the run fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Folders of translations and bilingual files (TMX).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Write the report to FILE (`-` or none: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report format [default: csv].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ReportFormat>,
    /// One more report, in FORMAT to PATH (`-`: standard output); repeat for several, e.g.
    /// `--report html=report.html --report sarif=report.sarif`. With --report and neither -o nor
    /// --format, only the --report reports are written.
    #[arg(long = "report", value_name = "FORMAT=PATH")]
    pub reports: Vec<ReportSpec>,
    /// Leave out the findings already in REPORT, an accepted CSV report of an earlier run
    /// (matched by its fingerprint column, which does not depend on line or segment positions).
    /// To write a baseline, write a CSV report: `-o baseline.csv`.
    #[arg(long, value_name = "REPORT.csv")]
    pub baseline: Option<PathBuf>,
    /// The source language of documents in folders [default: en]. When given, it also overrides
    /// bilingual files' own metadata.
    #[arg(long, value_name = "LANG")]
    pub source_lang: Option<String>,
    /// Override the target language given by a bilingual file's metadata.
    #[arg(long, value_name = "LANG")]
    pub target_lang: Option<String>,
    /// The least severity that fails the run.
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "LEVEL")]
    pub fail_on: FailOn,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// The largest input file read (`500K`, `64M`, `2G`: KiB, MiB, GiB; plain bytes without a
    /// unit); a larger file is an input error [default: 64M].
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_file_size: Option<u64>,
    /// Check PO entries flagged `#, fuzzy` too (skipped by default, as gettext skips them); their
    /// findings say `fuzzy` in the report's `state` column. Also `include_fuzzy = true` in
    /// concord.toml.
    #[arg(long)]
    pub include_fuzzy: bool,
    /// No summary and no progress bar on standard error.
    #[arg(short, long)]
    pub quiet: bool,
    /// Check only the K-th of N shares of the inputs (1-based, e.g. `2/4`), chosen by a stable
    /// hash of each input's path; `concord merge` combines the shares' CSV reports.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::shard::Shard>,
    /// The configuration file [default: the nearest concord.toml in the inputs' folders or
    /// their parents]; its keys are documented in docs/CONFIG.md.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The project's glossary (CSV/TSV with a header of language tags, or TBX): a source term
    /// whose required rendering is missing in the target is a `glossary` finding. Overrides
    /// `glossary` in concord.toml.
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<PathBuf>,
}

/// `concord merge`: the CSV reports of `check --shard` runs, combined.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The shards' CSV reports.
    #[arg(required = true, value_name = "REPORT.csv")]
    pub reports: Vec<PathBuf>,
    /// Write the merged report to FILE (`-`: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// The least severity that fails the run, as `check` takes it.
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "LEVEL")]
    pub fail_on: FailOn,
}

/// `concord checks`: what each check finds.
#[derive(Debug, Args)]
pub struct ChecksArgs {
    /// `text` (default) or `json`.
    #[arg(long, value_enum, default_value_t = ChecksFormat::Text, value_name = "FORMAT")]
    pub format: ChecksFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChecksFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    /// One bead a line: source sentence(s), a tab, target sentence(s).
    Text,
    /// `[i, j]:[k]:score`, 0-based sentence indexes, as the alignment benchmarks use.
    Vecalign,
}

#[derive(Debug, Args)]
pub struct AlignArgs {
    pub source: PathBuf,
    pub target: PathBuf,
    /// Each input line is one sentence, already split.
    #[arg(long)]
    pub presplit: bool,
    #[arg(long, value_enum, default_value_t = AlignFormat::Text)]
    pub format: AlignFormat,
    /// Language of SOURCE (default: from its file name `<name>.<lang>.<ext>`, else undetermined).
    #[arg(long, value_name = "LANG")]
    pub source_lang: Option<String>,
    /// Language of TARGET (default: from its file name, else undetermined).
    #[arg(long, value_name = "LANG")]
    pub target_lang: Option<String>,
    /// Write the alignment to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// A size in bytes as `--max-file-size` takes it: a whole number, optionally followed by `K`, `M`
/// or `G` (binary multiples; `KB`, `KiB`, `MB`, `MiB`, `GB`, `GiB` and lower case are the same).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits_end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits_end);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size such as 500K, 64M or 2G"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("unknown unit in `{text}`: use K, M or G")),
    };
    number
        .checked_mul(1 << shift)
        .filter(|&bytes| bytes > 0)
        .ok_or_else(|| format!("`{text}` is not a usable size"))
}

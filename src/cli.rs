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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Csv,
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
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Csv)]
    pub format: ReportFormat,
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
    /// No summary and no progress bar on standard error.
    #[arg(short, long)]
    pub quiet: bool,
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

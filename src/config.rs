//! `concord.toml`: a project's settings, found by walking up from the inputs or given with
//! `--config`. Every key is documented in `docs/CONFIG.md`; a key not known here is an error that
//! names it, so a misspelt setting never silently does nothing.
//!
//! ```toml
//! source_lang = "en"
//! ignore = ["drafts/**", "*.po"]
//!
//! [checks]
//! untranslated = "warning"
//! source-hygiene = "off"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde::Deserialize;

use crate::discover::{Discovery, Job};
use crate::finding::{CheckId, Finding, Severity};

/// The file name looked for in the inputs' folders and their parents.
pub const FILE_NAME: &str = "concord.toml";

/// A check's setting: a severity for all its findings, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

/// The settings of `concord.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The source language of documents in folders, when `--source-lang` is not given.
    pub source_lang: Option<String>,
    /// Glob patterns of inputs not to check, matched against the paths as the report shows them.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// A severity (or `off`) per check id.
    #[serde(default)]
    pub checks: BTreeMap<String, Level>,
    /// Check PO entries flagged `#, fuzzy` too (`--include-fuzzy`).
    #[serde(default)]
    pub include_fuzzy: bool,
}

impl Config {
    /// Reads and validates a configuration file; any problem is an error that names the file.
    pub fn load(path: &Path) -> anyhow::Result<Config> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the configuration {}", path.display()))?;
        Config::parse(&text)
            .with_context(|| format!("the configuration {} is not valid", path.display()))
    }

    pub fn parse(text: &str) -> anyhow::Result<Config> {
        let config: Config = toml::from_str(text).map_err(|e| anyhow::anyhow!("{e}"))?;
        for id in config.checks.keys() {
            match CheckId::parse(id) {
                None => bail!(
                    "unknown check `{id}` in [checks] (known: {})",
                    CheckId::ALL.map(CheckId::as_str).join(", ")
                ),
                Some(CheckId::InputError) => {
                    bail!("`input-error` cannot be configured: an unread input is always an error")
                }
                Some(_) => {}
            }
        }
        for pattern in &config.ignore {
            if pattern.trim().is_empty() {
                bail!("an empty pattern in `ignore`");
            }
        }
        Ok(config)
    }

    /// The configuration of a run: `--config` if given, else the nearest `concord.toml` in the
    /// inputs' folders or their parents, else the defaults. Inputs under two different files are
    /// an error: which one applies would be a guess.
    pub fn for_run(explicit: Option<&Path>, inputs: &[PathBuf]) -> anyhow::Result<Config> {
        if let Some(path) = explicit {
            return Config::load(path);
        }
        let mut found: Option<PathBuf> = None;
        for input in inputs {
            if let Some(file) = find(input) {
                match &found {
                    Some(other) if *other != file => bail!(
                        "the inputs are under two configurations, {} and {}: choose one with --config",
                        other.display(),
                        file.display()
                    ),
                    _ => found = Some(file),
                }
            }
        }
        found.map_or(Ok(Config::default()), |file| Config::load(&file))
    }

    /// The setting of a check, if the configuration has one.
    pub fn level(&self, check: CheckId) -> Option<Level> {
        self.checks.get(check.as_str()).copied()
    }

    /// Applies the per-check settings: drops the findings of checks turned off, sets the
    /// severity of the others.
    pub fn apply(&self, findings: &mut Vec<Finding>) {
        if self.checks.is_empty() {
            return;
        }
        findings.retain_mut(|f| match self.level(f.check) {
            None => true,
            Some(Level::Off) => false,
            Some(level) => {
                f.severity = match level {
                    Level::Error => Severity::Error,
                    Level::Warning => Severity::Warning,
                    _ => Severity::Info,
                };
                true
            }
        });
    }

    /// Whether an input shown as `display` is ignored.
    pub fn ignores(&self, display: &str) -> bool {
        self.ignore.iter().any(|p| matches_path(p, display))
    }

    /// Leaves out the ignored inputs: a document whose source is ignored, a target version, a
    /// bilingual file, an input problem.
    pub fn restrict(&self, discovery: &mut Discovery) {
        if self.ignore.is_empty() {
            return;
        }
        discovery.jobs.retain_mut(|job| match job {
            Job::Documents(group) => {
                group.targets.retain(|t| !self.ignores(&t.display));
                !self.ignores(&group.source.display) && !group.targets.is_empty()
            }
            Job::Bilingual(input) => !self.ignores(&input.display),
        });
        discovery.problems.retain(|p| !self.ignores(&p.display));
    }
}

/// The nearest `concord.toml` in the folder of `input` (or `input` itself, if a folder) and its
/// parents.
fn find(input: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(input).ok()?;
    let start = if absolute.is_dir() {
        absolute.as_path()
    } else {
        absolute.parent()?
    };
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|file| file.is_file())
}

/// Whether `path` (with `/` between its parts) or one of its parent folders matches the glob
/// `pattern`: `*` is any run of characters but `/`, `**` any run of folders, `?` one character
/// but `/`. A pattern without `/` matches a name in any folder (`*.po`, `drafts`).
pub fn matches_path(pattern: &str, path: &str) -> bool {
    let pattern = pattern
        .trim()
        .trim_start_matches("./")
        .trim_end_matches('/');
    let path = path.replace('\\', "/");
    let parts: Vec<&str> = path.split('/').collect();
    let pattern = if pattern.contains('/') {
        pattern.to_string()
    } else {
        format!("**/{pattern}")
    };
    let glob: Vec<&str> = pattern.split('/').collect();
    (1..=parts.len()).any(|n| match_parts(&glob, &parts[..n]))
}

fn match_parts(glob: &[&str], parts: &[&str]) -> bool {
    match glob.split_first() {
        None => parts.is_empty(),
        Some((&"**", rest)) => (0..=parts.len()).any(|skip| match_parts(rest, &parts[skip..])),
        Some((first, rest)) => parts
            .split_first()
            .is_some_and(|(part, others)| match_name(first, part) && match_parts(rest, others)),
    }
}

fn match_name(glob: &str, name: &str) -> bool {
    let glob: Vec<char> = glob.chars().collect();
    let name: Vec<char> = name.chars().collect();
    fn go(g: &[char], n: &[char]) -> bool {
        match g.split_first() {
            None => n.is_empty(),
            Some(('*', rest)) => (0..=n.len()).any(|skip| go(rest, &n[skip..])),
            Some(('?', rest)) => !n.is_empty() && go(rest, &n[1..]),
            Some((c, rest)) => n.first() == Some(c) && go(rest, &n[1..]),
        }
    }
    go(&glob, &name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_documented_key() {
        let config = Config::parse(
            "source_lang = \"de\"\nignore = [\"drafts\", \"*.po\"]\n\n[checks]\nuntranslated = \"warning\"\nsource-hygiene = \"off\"\n",
        )
        .unwrap();
        assert_eq!(config.source_lang.as_deref(), Some("de"));
        assert_eq!(config.level(CheckId::Untranslated), Some(Level::Warning));
        assert_eq!(config.level(CheckId::SourceHygiene), Some(Level::Off));
        assert_eq!(config.level(CheckId::Number), None);
        assert!(config.ignores("drafts/a.de.txt"));
        assert!(config.ignores("x/messages.po"));
        assert!(!config.ignores("a.de.txt"));
    }

    #[test]
    fn an_unknown_key_is_an_error_that_names_it() {
        for (text, key) in [
            ("sourcelang = \"de\"", "sourcelang"),
            ("[checks]\nnumbers = \"off\"", "numbers"),
            ("[checks]\ninput-error = \"off\"", "input-error"),
            ("[checks]\nnumber = \"fatal\"", "fatal"),
            ("[glossary]\nx = 1", "glossary"),
        ] {
            let err = format!("{:#}", Config::parse(text).unwrap_err());
            assert!(err.contains(key), "{text}: {err}");
        }
    }

    #[test]
    fn globs_match_paths_and_their_folders() {
        assert!(matches_path("drafts/**", "drafts/a/b.de.txt"));
        assert!(matches_path("drafts", "news/drafts/b.de.txt"));
        assert!(matches_path("news/*.de.txt", "news/a.de.txt"));
        assert!(!matches_path("news/*.de.txt", "news/sub/a.de.txt"));
        assert!(matches_path("a?.tmx", "a1.tmx"));
        assert!(!matches_path("a?.tmx", "a12.tmx"));
        assert!(!matches_path("*.po", "po/a.tmx"));
    }
}

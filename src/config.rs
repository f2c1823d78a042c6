//! `concord.toml`: a project's settings, found by walking up from the inputs or given with
//! `--config`. Every key is documented in `docs/CONFIG.md`; a key not known here is an error that
//! names it, so a misspelt setting never silently does nothing.
//!
//! ```toml
//! source_lang = "en"
//! ignore = ["drafts/**", "*.po"]
//!
//! glossary = "terms.csv"
//!
//! [checks]
//! untranslated = "warning"
//! source-hygiene = "off"
//!
//! [lang.de.checks]
//! glossary = "error"
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
    /// The project's glossary (CSV, TSV or TBX), relative to the configuration file's folder.
    pub glossary: Option<PathBuf>,
    /// Settings for targets in one language, by BCP 47 tag (`de` also covers `de-AT`).
    #[serde(default)]
    pub lang: BTreeMap<String, LangSettings>,
    /// The folder of the file the settings were read from (not a key).
    #[serde(skip)]
    pub dir: Option<PathBuf>,
}

/// The settings of `[lang.<tag>]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangSettings {
    /// A severity (or `off`) per check id for this language's targets, over `[checks]`.
    #[serde(default)]
    pub checks: BTreeMap<String, Level>,
}

impl Config {
    /// Reads and validates a configuration file; any problem is an error that names the file.
    pub fn load(path: &Path) -> anyhow::Result<Config> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the configuration {}", path.display()))?;
        let mut config = Config::parse(&text)
            .with_context(|| format!("the configuration {} is not valid", path.display()))?;
        config.dir = path.parent().map(Path::to_path_buf);
        Ok(config)
    }

    /// The glossary's path as given, resolved against the configuration file's folder.
    pub fn glossary_path(&self) -> Option<PathBuf> {
        let path = self.glossary.as_ref()?;
        Some(match &self.dir {
            Some(dir) if path.is_relative() => dir.join(path),
            _ => path.clone(),
        })
    }

    pub fn parse(text: &str) -> anyhow::Result<Config> {
        let config: Config = toml::from_str(text).map_err(|e| anyhow::anyhow!("{e}"))?;
        validate_checks(&config.checks, "[checks]")?;
        for (tag, settings) in &config.lang {
            if tag.trim().is_empty()
                || !tag
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                bail!("`{tag}` in [lang] is not a language tag");
            }
            validate_checks(&settings.checks, &format!("[lang.{tag}.checks]"))?;
        }
        if config
            .glossary
            .as_ref()
            .is_some_and(|g| g.as_os_str().is_empty())
        {
            bail!("an empty path in `glossary`");
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

    /// The setting of a check for a target in `target_lang`: the `[lang.<tag>]` table whose tag
    /// is the target's (case-insensitive), else the one of its primary subtag (`de` for
    /// `de-AT`), else `[checks]`.
    pub fn level_for(&self, check: CheckId, target_lang: &str) -> Option<Level> {
        let lower = target_lang.to_ascii_lowercase().replace('_', "-");
        let primary = lower.split('-').next().unwrap_or("");
        let by = |wanted: &str| {
            self.lang
                .iter()
                .find(|(tag, _)| tag.to_ascii_lowercase().replace('_', "-") == wanted)
                .and_then(|(_, s)| s.checks.get(check.as_str()).copied())
        };
        by(&lower)
            .or_else(|| (primary != lower).then(|| by(primary)).flatten())
            .or_else(|| self.level(check))
    }

    /// Applies the per-check settings: drops the findings of checks turned off, sets the
    /// severity of the others.
    pub fn apply(&self, findings: &mut Vec<Finding>) {
        if self.checks.is_empty() && self.lang.is_empty() {
            return;
        }
        findings.retain_mut(|f| match self.level_for(f.check, &f.target_lang) {
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
/// Every key of a `[checks]` table must be a check id that can be configured.
fn validate_checks(checks: &BTreeMap<String, Level>, table: &str) -> anyhow::Result<()> {
    for id in checks.keys() {
        match CheckId::parse(id) {
            None => bail!(
                "unknown check `{id}` in {table} (known: {})",
                CheckId::ALL.map(CheckId::as_str).join(", ")
            ),
            Some(CheckId::InputError) => {
                bail!("`input-error` cannot be configured: an unread input is always an error")
            }
            Some(_) => {}
        }
    }
    Ok(())
}

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
    fn language_settings_override_checks_by_tag_then_primary_subtag() {
        let config = Config::parse(
            "glossary = \"terms.tbx\"\n[checks]\nglossary = \"warning\"\nname = \"info\"\n\
             [lang.de.checks]\nglossary = \"error\"\n[lang.de-CH.checks]\nglossary = \"off\"\n",
        )
        .unwrap();
        assert_eq!(
            config.level_for(CheckId::Glossary, "de"),
            Some(Level::Error)
        );
        assert_eq!(
            config.level_for(CheckId::Glossary, "de-AT"),
            Some(Level::Error)
        );
        assert_eq!(
            config.level_for(CheckId::Glossary, "de-CH"),
            Some(Level::Off)
        );
        assert_eq!(
            config.level_for(CheckId::Glossary, "fr"),
            Some(Level::Warning)
        );
        assert_eq!(config.level_for(CheckId::Name, "de"), Some(Level::Info));
        assert_eq!(config.level_for(CheckId::Number, "de"), None);
        let mut findings = vec![
            Finding {
                check: CheckId::Glossary,
                target_lang: "de-CH".into(),
                ..Finding::example("a", "")
            },
            Finding {
                check: CheckId::Glossary,
                target_lang: "fr".into(),
                ..Finding::example("b", "")
            },
        ];
        config.apply(&mut findings);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            (findings[0].source.as_str(), findings[0].severity),
            ("b", Severity::Warning)
        );
        assert_eq!(config.glossary_path(), Some(PathBuf::from("terms.tbx")));
    }

    #[test]
    fn an_unknown_key_is_an_error_that_names_it() {
        for (text, key) in [
            ("sourcelang = \"de\"", "sourcelang"),
            ("[checks]\nnumbers = \"off\"", "numbers"),
            ("[checks]\ninput-error = \"off\"", "input-error"),
            ("[checks]\nnumber = \"fatal\"", "fatal"),
            ("[glossary]\nx = 1", "glossary"),
            ("[lang.de.checks]\nnumbers = \"off\"", "numbers"),
            ("[lang.de]\nseverity = \"off\"", "severity"),
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

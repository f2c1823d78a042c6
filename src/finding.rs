//! The one record every check produces, and the closed list of checks.
//!
//! A [`Finding`] is a domain value; report formats (CSV and later others) are views of it, written
//! from the complete, sorted batch.

use std::fmt;

/// How serious a finding is. Ordered so that `Error > Warning > Info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    /// One step less severe (error → warning → info), used when the evidence is doubtful.
    pub fn lowered(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            _ => Severity::Info,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every check concord has. The id is the one name used in the report, the CLI and the config;
/// the order here is the order of findings at the same position in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CheckId {
    InputError,
    SourceHygiene,
    /// The source disagrees with most of its translations (see `crosscheck`).
    SourceSuspect,
    Omission,
    Addition,
    Untranslated,
    WrongLanguage,
    Number,
    Date,
    Name,
    Quote,
    /// A placeholder or inline tag (`{0}`, `%s`, `<b>`) missing, added or changed.
    Placeholder,
    /// A glossary term without the rendering the project's glossary requires.
    Glossary,
}

impl CheckId {
    pub const ALL: [CheckId; 13] = [
        CheckId::InputError,
        CheckId::SourceHygiene,
        CheckId::SourceSuspect,
        CheckId::Omission,
        CheckId::Addition,
        CheckId::Untranslated,
        CheckId::WrongLanguage,
        CheckId::Number,
        CheckId::Date,
        CheckId::Name,
        CheckId::Quote,
        CheckId::Placeholder,
        CheckId::Glossary,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::InputError => "input-error",
            CheckId::SourceHygiene => "source-hygiene",
            CheckId::SourceSuspect => "source-suspect",
            CheckId::Omission => "omission",
            CheckId::Addition => "addition",
            CheckId::Untranslated => "untranslated",
            CheckId::WrongLanguage => "wrong-language",
            CheckId::Number => "number",
            CheckId::Date => "date",
            CheckId::Name => "name",
            CheckId::Quote => "quote",
            CheckId::Placeholder => "placeholder",
            CheckId::Glossary => "glossary",
        }
    }

    pub fn parse(id: &str) -> Option<CheckId> {
        CheckId::ALL.into_iter().find(|c| c.as_str() == id)
    }
}

impl fmt::Display for CheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in the source a finding is, for ordering: the index of the first source sentence (or
/// unit) it concerns, and a second key that places target-only findings after the source sentence
/// they follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    pub major: u32,
    pub minor: u32,
}

/// One problem found, with everything the report needs to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The target version's path, relative to the folder given, or the bilingual file's path.
    pub document: String,
    /// `P.S` / `P.S-P.S` for documents, the unit id for bilingual files.
    pub segment: String,
    pub position: Position,
    pub source_lang: String,
    pub target_lang: String,
    pub check: CheckId,
    pub severity: Severity,
    /// The source item the finding is about, as written.
    pub source: String,
    /// Its counterpart in the target, as written; empty where missing.
    pub target: String,
    pub message: String,
    pub source_text: String,
    pub target_text: String,
    /// The unit's workflow state in its bilingual file (XLIFF `state`, `approved`; PO `fuzzy`),
    /// empty where the format has none. Not part of the fingerprint.
    pub state: String,
}

#[cfg(test)]
impl Finding {
    /// A number error on `a.de.txt`, segment 1.1, for unit tests; other fields by struct update
    /// syntax (`Finding { severity, ..Finding::example("5", "6") }`).
    pub fn example(source: &str, target: &str) -> Finding {
        Finding {
            document: "a.de.txt".into(),
            segment: "1.1".into(),
            position: Position::default(),
            source_lang: "en".into(),
            target_lang: "de".into(),
            check: CheckId::Number,
            severity: Severity::Error,
            source: source.into(),
            target: target.into(),
            message: "m".into(),
            source_text: String::new(),
            target_text: String::new(),
            state: String::new(),
        }
    }
}

impl Finding {
    /// The total order of the report: document, position in the source, check, then the rest so
    /// that the same input always gives the same bytes.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            &self.document,
            &self.target_lang,
            self.position,
            self.check,
            &self.source,
            &self.target,
            &self.message,
            &self.segment,
        )
    }
}

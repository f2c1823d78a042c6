//! The checks: each compares the facts of an aligned source/target pair and reports issues.
//!
//! One file per check. A check is a plain function from a [`PairContext`] (and what was learnt
//! from the whole document) to [`Issue`]s; the pipeline turns issues into report findings. The
//! exhaustive `match` in [`run_all`] means a check that is not wired in does not compile.

pub mod addition;
pub mod language;
pub mod name;
pub mod number;
pub mod omission;
pub mod quote;

use std::collections::HashSet;

use crate::extract::Facts;
use crate::finding::{CheckId, Severity};
use crate::lang::profile::Profile;

/// One side of an aligned pair: the text of its sentence(s) and their facts.
#[derive(Debug, Clone)]
pub struct Side<'a> {
    pub lang: &'a str,
    pub profile: &'static Profile,
    pub text: String,
    pub facts: Facts,
}

/// An aligned pair, as the checks see it.
#[derive(Debug, Clone)]
pub struct PairContext<'a> {
    pub source: Side<'a>,
    pub target: Side<'a>,
    /// The aligner's confidence in this pair (1 for pre-aligned bilingual units). Findings on a
    /// doubtful pair are lowered one severity.
    pub confidence: f64,
}

/// What is learnt from a whole document pair before its segments are checked.
#[derive(Debug, Default)]
pub struct DocumentKnowledge {
    /// Lower-cased words that the source document writes in lower case somewhere.
    pub source_vocabulary: HashSet<String>,
    /// Lower-cased words that the target document writes in lower case somewhere.
    pub target_vocabulary: HashSet<String>,
    /// How the document renders each source name, learnt from all its pairs.
    pub names: name::NameKnowledge,
}

impl DocumentKnowledge {
    pub fn learn(pairs: &[PairContext]) -> DocumentKnowledge {
        let source_vocabulary = lowercase_vocabulary(pairs.iter().map(|p| p.source.text.as_str()));
        let target_vocabulary = lowercase_vocabulary(pairs.iter().map(|p| p.target.text.as_str()));
        let names = name::learn(pairs, &source_vocabulary, &target_vocabulary);
        DocumentKnowledge { source_vocabulary, target_vocabulary, names }
    }
}

/// Words that occur in lower case (so are common words, not names).
pub fn lowercase_vocabulary<'t>(texts: impl Iterator<Item = &'t str>) -> HashSet<String> {
    let mut vocab = HashSet::new();
    for text in texts {
        for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-') {
            let mut chars = word.chars();
            if chars.next().is_some_and(|c| c.is_lowercase()) {
                vocab.insert(word.to_lowercase());
            }
        }
    }
    vocab
}

/// A problem a check found in one pair, before it is placed in the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub check: CheckId,
    pub severity: Severity,
    /// The source item, as written.
    pub source: String,
    /// The target item, as written; empty where missing.
    pub target: String,
    pub message: String,
}

/// Runs every pair-level check. `input-error` and `source-hygiene` are raised by the pipeline.
pub fn run_all(ctx: &PairContext, doc: &DocumentKnowledge) -> Vec<Issue> {
    let mut issues = Vec::new();
    for id in CheckId::ALL {
        let found = match id {
            CheckId::InputError | CheckId::SourceHygiene => continue,
            CheckId::Omission => omission::check(ctx),
            CheckId::Addition => addition::check(ctx),
            CheckId::Untranslated => language::check_untranslated(ctx),
            CheckId::WrongLanguage => language::check_wrong_language(ctx),
            CheckId::Number => number::check(ctx),
            CheckId::Date => continue,
            CheckId::Name => name::check(ctx, doc),
            CheckId::Quote => quote::check(ctx),
        };
        issues.extend(found);
    }
    if ctx.confidence < 0.5 {
        for issue in &mut issues {
            if !matches!(issue.check, CheckId::Omission | CheckId::Addition) {
                issue.severity = issue.severity.lowered();
            }
        }
    }
    issues
}

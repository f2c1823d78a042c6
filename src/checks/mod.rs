//! The checks: each compares the facts of an aligned source/target pair and reports issues.
//!
//! One file per check. A check is a plain function from a [`PairContext`] (and what was learnt
//! from the whole document) to [`Issue`]s; the pipeline turns issues into report findings. The
//! exhaustive `match` in [`run_all`] means a check that is not wired in does not compile.

pub mod addition;
pub mod date;
pub mod glossary;
pub mod language;
pub mod name;
pub mod number;
pub mod omission;
pub mod placeholder;
pub mod quote;
pub mod source_hygiene;

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::extract::Facts;
use crate::finding::{CheckId, Severity};
use crate::lang::detect::{identify_expecting, Verdict};
use crate::lang::profile::Profile;

/// One side of an aligned pair: the text of its sentence(s) and their facts.
#[derive(Debug, Clone)]
pub struct Side<'a> {
    pub lang: &'a str,
    pub profile: &'static Profile,
    pub text: String,
    pub facts: Facts,
    /// The language detector's verdict on `text`, computed on first use.
    pub language: OnceLock<Verdict>,
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
    /// What the project's glossary requires of this language pair (set by the pipeline).
    pub glossary: Vec<crate::glossary::Requirement>,
}

impl DocumentKnowledge {
    pub fn learn(pairs: &[PairContext]) -> DocumentKnowledge {
        let source_vocabulary = lowercase_vocabulary(pairs.iter().map(|p| p.source.text.as_str()));
        let target_vocabulary = lowercase_vocabulary(pairs.iter().map(|p| p.target.text.as_str()));
        let names = name::learn(pairs, &source_vocabulary, &target_vocabulary);
        DocumentKnowledge {
            source_vocabulary,
            target_vocabulary,
            names,
            glossary: Vec::new(),
        }
    }
}

/// Words that occur in lower case (so are common words, not names).
pub fn lowercase_vocabulary<'t>(texts: impl Iterator<Item = &'t str>) -> HashSet<String> {
    let mut vocab = HashSet::new();
    for text in texts {
        for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        {
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

/// Runs every pair-level check. `input-error` and `source-hygiene` are raised by the pipeline,
/// `source-suspect` by [`crate::crosscheck`] from all the targets' findings.
pub fn run_all(ctx: &PairContext, doc: &DocumentKnowledge) -> Vec<Issue> {
    // A source sentence with no counterpart is one finding, not one for each of its names,
    // numbers and quotations as well.
    let omitted = omission::check(ctx);
    if !omitted.is_empty() {
        return omitted;
    }
    let mut issues = Vec::new();
    for id in CheckId::ALL {
        let found = match id {
            CheckId::InputError | CheckId::SourceHygiene | CheckId::SourceSuspect => continue,
            CheckId::Omission => continue,
            CheckId::Addition => addition::check(ctx),
            CheckId::Untranslated => language::check_untranslated(ctx),
            CheckId::WrongLanguage => language::check_wrong_language(ctx),
            CheckId::Number => number::check(ctx),
            CheckId::Date => date::check(ctx),
            CheckId::Name => name::check(ctx, doc),
            CheckId::Quote => quote::check(ctx),
            CheckId::Placeholder => placeholder::check(ctx),
            CheckId::Glossary => glossary::check(ctx, &doc.glossary),
        };
        issues.extend(found);
    }
    // A doubtful pair lowers what rests on the pairing; the language a target is written in,
    // and an unpaired sentence (judged by its own evidence), do not.
    if ctx.confidence < 0.5 {
        for issue in &mut issues {
            if !matches!(
                issue.check,
                CheckId::Omission
                    | CheckId::Addition
                    | CheckId::WrongLanguage
                    | CheckId::Untranslated
            ) {
                issue.severity = issue.severity.lowered();
            }
        }
    }
    issues
}

/// The severity of a sentence with no counterpart (omission, addition): a sentence of four
/// words or more on a pair the aligner is sure of is an error; a fragment, or a doubtful pair, a
/// warning, since a dropped heading may be the translator's choice.
pub fn unpaired_severity(words: usize, confidence: f64) -> Severity {
    if words >= 4 && confidence >= 0.5 {
        Severity::Error
    } else {
        Severity::Warning
    }
}

/// How much real text a segment has: words of two or more letters in spaced scripts, and a word
/// per two characters in scripts without spaces (Han, Kana, Thai). Numbers and punctuation do not
/// count.
pub fn content_words(text: &str) -> usize {
    use crate::extract::script::script_of;
    use crate::lang::profile::Script;
    let mut unspaced = 0;
    let mut words = 0;
    for word in text.split(|c: char| c.is_whitespace()) {
        let mut letters = 0;
        for c in word.chars() {
            match script_of(c) {
                Some(Script::Han | Script::Kana | Script::Thai) => unspaced += 1,
                Some(_) => letters += 1,
                None => {}
            }
        }
        if letters >= 2 {
            words += 1;
        }
    }
    words + unspaced / 2
}

impl<'a> Side<'a> {
    /// A side of a pair: its text and the facts extracted from it.
    pub fn new(lang: &'a str, text: String) -> Side<'a> {
        let profile = crate::lang::profile(lang);
        let facts = crate::extract::extract(&text, profile);
        Side {
            lang,
            profile,
            text,
            facts,
            language: OnceLock::new(),
        }
    }

    /// A side of a bilingual unit: [`Side::new`], plus the unit's inline codes (which are not in
    /// its text) among its placeholders.
    pub fn with_codes(lang: &'a str, text: String, codes: &[String]) -> Side<'a> {
        let mut side = Side::new(lang, text);
        side.facts
            .placeholders
            .extend(crate::extract::placeholders::inline_codes(codes));
        side
    }

    /// The language detector's verdict on this side's text, asked once, expecting this side's
    /// language (a cheap first pass answers when it clearly is: see `identify_expecting`).
    pub fn language(&self) -> &Verdict {
        self.language
            .get_or_init(|| identify_expecting(self.text.trim(), self.lang))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// What a check finds on an English source and a target: (severity, source item, target
    /// item) of each issue.
    pub fn found_by(
        check: fn(&PairContext) -> Vec<Issue>,
        src: &str,
        tgt_lang: &'static str,
        tgt: &str,
    ) -> Vec<(crate::finding::Severity, String, String)> {
        check(&pair("en", src, tgt_lang, tgt))
            .into_iter()
            .map(|i| (i.severity, i.source, i.target))
            .collect()
    }

    /// A pre-aligned pair for the checks' unit tests.
    pub fn pair(
        source_lang: &'static str,
        source: &str,
        target_lang: &'static str,
        target: &str,
    ) -> PairContext<'static> {
        PairContext {
            source: Side::new(source_lang, source.to_string()),
            target: Side::new(target_lang, target.to_string()),
            confidence: 1.0,
        }
    }

    #[test]
    fn a_sentence_with_no_counterpart_is_one_omission_not_a_finding_per_fact() {
        let mut p = pair(
            "en",
            "Both demands are unacceptable to the US and NATO, said Lavrov on 5 May.",
            "el",
            "",
        );
        p.confidence = 0.9; // a 1-0 bead of a document
        let doc = DocumentKnowledge::learn(std::slice::from_ref(&p));
        let issues = run_all(&p, &doc);
        assert_eq!(
            issues.iter().map(|i| i.check).collect::<Vec<_>>(),
            vec![CheckId::Omission],
            "{issues:?}"
        );
    }

    #[test]
    fn a_doubtful_pair_lowers_what_rests_on_the_pairing_not_the_language() {
        // A bead the aligner doubts (a French sentence in a German document pairs poorly): its
        // number mismatch may be the pairing's fault, its language is not.
        let mut p = pair(
            "en",
            "The army performed well in combat in Cuba in 1898.",
            "de",
            "L'armée a bien combattu à Cuba en 1899, selon les historiens.",
        );
        p.confidence = 0.3;
        let doc = DocumentKnowledge::learn(std::slice::from_ref(&p));
        let issues = run_all(&p, &doc);
        let severity = |check| issues.iter().find(|i| i.check == check).map(|i| i.severity);
        assert_eq!(
            severity(CheckId::WrongLanguage),
            Some(Severity::Error),
            "{issues:?}"
        );
        assert_eq!(
            severity(CheckId::Number),
            Some(Severity::Warning),
            "{issues:?}"
        );
    }

    #[test]
    fn content_words_in_several_scripts() {
        assert_eq!(content_words("ttn-23"), 1);
        assert_eq!(content_words("He said 100."), 2);
        assert_eq!(content_words("俄罗斯很失望"), 3);
        assert_eq!(content_words("Он сказал"), 2);
    }
}

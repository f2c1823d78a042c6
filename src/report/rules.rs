//! What each check finds, in words, for the formats that describe their rules: SARIF's
//! `tool.driver.rules` and the HTML report's legend.

use crate::finding::CheckId;

/// A short name and one or two sentences on what the check finds and why it matters.
pub fn describe(check: CheckId) -> (&'static str, &'static str) {
    match check {
        CheckId::InputError => (
            "Input that cannot be read",
            "An input file could not be read or parsed, so it was not checked; the other inputs were.",
        ),
        CheckId::SourceHygiene => (
            "Problem in the source itself",
            "The source has a problem of its own (a paragraph in another language, scraped boilerplate) that every translation inherits.",
        ),
        CheckId::Omission => (
            "Source content missing in the translation",
            "Source content has no counterpart in the target: a dropped sentence or an empty target. Readers of the translation miss it.",
        ),
        CheckId::Addition => (
            "Content added in the translation",
            "The target has content with no counterpart in the source.",
        ),
        CheckId::Untranslated => (
            "Segment left untranslated",
            "A target segment is still in the source language, or identical to the source.",
        ),
        CheckId::WrongLanguage => (
            "Segment in the wrong language",
            "A target segment is written in a language other than the target's.",
        ),
        CheckId::Number => (
            "Number missing, added or different",
            "A number (amount, year, percentage, ordinal, quantity with a scale word) is missing, added or has another value in the translation; values are compared in each language's notation.",
        ),
        CheckId::Date => (
            "Date different",
            "A date, weekday or month differs between the source and the translation.",
        ),
        CheckId::Name => (
            "Name missing or different",
            "A proper name (person, place, organisation) is missing, added or rendered as a different name in the translation.",
        ),
        CheckId::Quote => (
            "Quotation missing, added or unbalanced",
            "A quotation is missing, added, left unclosed, or does not cover the same words in the translation.",
        ),
        CheckId::Placeholder => (
            "Placeholder or tag missing, added or changed",
            "A placeholder or inline tag ({0}, %s, %1$d, {{name}}, <b>) of the source is missing, added or changed in the translation, or unnumbered placeholders are in another order; the program would show the wrong value or break.",
        ),
        CheckId::Glossary => (
            "Glossary term not rendered as required",
            "A source term of the project's glossary appears, but none of the renderings the glossary requires for the target language does.",
        ),
        CheckId::SourceSuspect => (
            "Source suspected wrong",
            "Most translations agree with each other and not with the source: the source itself is probably wrong here (for example an error in the version it was translated from).",
        ),
        #[allow(unreachable_patterns)]
        _ => (
            "Translation check",
            "A difference between the source and its translation.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_has_its_own_description() {
        for check in CheckId::ALL {
            assert_ne!(
                describe(check).0,
                "Translation check",
                "{check} needs a description"
            );
        }
    }
}

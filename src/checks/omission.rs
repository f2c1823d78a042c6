//! The `omission` check: source content with no counterpart in the target (a sentence the
//! aligner left unpaired, an empty target unit).

use super::{content_words, unpaired_severity, Issue, PairContext};
use crate::finding::{CheckId, Severity};

pub fn check(ctx: &PairContext) -> Vec<Issue> {
    let words = content_words(&ctx.source.text);
    if words == 0 || !ctx.target.text.trim().is_empty() {
        return Vec::new();
    }
    let (severity, message) = if ctx.confidence >= 1.0 {
        // An empty unit of a bilingual file (aligned by the file: confidence 1) is a translation
        // missing, whatever its length: `Cancel` left empty ships empty.
        (
            Severity::Error,
            "the target is empty: this unit is not translated",
        )
    } else {
        // A dropped heading or fragment of two words may be a translator's choice; a dropped
        // sentence is not.
        (
            unpaired_severity(words, ctx.confidence),
            "this source sentence has no counterpart in the target",
        )
    };
    vec![Issue {
        check: CheckId::Omission,
        severity,
        source: ctx.source.text.clone(),
        target: String::new(),
        message: message.to_string(),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::pair;

    #[test]
    fn a_dropped_sentence_is_an_error_and_a_kept_one_is_not() {
        let dropped = pair(
            "en",
            "He did not want to confirm or deny reports about this.",
            "de",
            "",
        );
        assert_eq!(check(&dropped)[0].severity, Severity::Error);
        let kept = pair(
            "en",
            "He did not want to confirm it.",
            "ru",
            "Он не захотел это подтвердить.",
        );
        assert!(check(&kept).is_empty());
        let mut short = pair("en", "On ‘dead track’", "el", "");
        short.confidence = 0.9; // a bead of a document
        assert_eq!(check(&short)[0].severity, Severity::Warning);
    }

    #[test]
    fn an_empty_unit_of_a_bilingual_file_is_not_translated() {
        // Pre-aligned (confidence 1): an error however short, said as a missing translation.
        let issues = check(&pair("en", "Cancel", "de", ""));
        assert_eq!(issues[0].severity, Severity::Error);
        assert_eq!(
            issues[0].message,
            "the target is empty: this unit is not translated"
        );
    }
}

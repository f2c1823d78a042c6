//! The `omission` check: source content with no counterpart in the target (a sentence the
//! aligner left unpaired, an empty target unit).

use super::{content_words, unpaired_severity, Issue, PairContext};
use crate::finding::CheckId;

pub fn check(ctx: &PairContext) -> Vec<Issue> {
    let words = content_words(&ctx.source.text);
    if words == 0 || !ctx.target.text.trim().is_empty() {
        return Vec::new();
    }
    // A dropped heading or fragment of two words may be a translator's choice; a dropped
    // sentence is not.
    let severity = unpaired_severity(words, ctx.confidence);
    vec![Issue {
        check: CheckId::Omission,
        severity,
        source: ctx.source.text.clone(),
        target: String::new(),
        message: "this source sentence has no counterpart in the target".to_string(),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::pair;
    use crate::finding::Severity;

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
        let short = pair("en", "On ‘dead track’", "el", "");
        assert_eq!(check(&short)[0].severity, Severity::Warning);
    }
}

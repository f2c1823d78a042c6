//! The `addition` check: target content with no counterpart in the source.

use super::{content_words, unpaired_severity, Issue, PairContext};
use crate::finding::CheckId;

pub fn check(ctx: &PairContext) -> Vec<Issue> {
    let words = content_words(&ctx.target.text);
    if words == 0 || !ctx.source.text.trim().is_empty() {
        return Vec::new();
    }
    let severity = unpaired_severity(words, ctx.confidence);
    vec![Issue {
        check: CheckId::Addition,
        severity,
        source: String::new(),
        target: ctx.target.text.clone(),
        message: "this target sentence has no counterpart in the source".to_string(),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::pair;
    use crate::finding::Severity;

    #[test]
    fn an_added_sentence_is_an_error() {
        let added = pair(
            "en",
            "",
            "tr",
            "Toplantı kapalı kapılar ardında gerçekleştirildi ve sonuç açıklanmadı.",
        );
        assert_eq!(check(&added)[0].severity, Severity::Error);
        let added_zh = pair("en", "", "zh", "会议在闭门状态下举行，结果没有公布。");
        assert_eq!(check(&added_zh)[0].severity, Severity::Error);
        assert!(check(&pair("en", "Yes.", "de", "Ja.")).is_empty());
    }
}

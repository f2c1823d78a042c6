//! The `number` check: every quantity of the source must be in the target with the same value.
//!
//! Values are compared, not digit strings: `100 thousand` = `100.000` = `100 тысяч` = `10万`.
//! Numbers written in digits are strong evidence; numbers in words only satisfy a match (a
//! source `3` may be a target `drei`) and never raise a finding alone, since `one` and `ein`
//! are also pronouns and articles.

use super::{Issue, PairContext};
use crate::extract::numbers::format_value;
use crate::extract::{NumberKind, NumberMention};
use crate::finding::{CheckId, Severity};

pub fn check(ctx: &PairContext) -> Vec<Issue> {
    let source: Vec<&NumberMention> = ctx
        .source
        .facts
        .numbers
        .iter()
        .filter(|n| n.kind != NumberKind::Date)
        .collect();
    let target: Vec<&NumberMention> = ctx
        .target
        .facts
        .numbers
        .iter()
        .filter(|n| n.kind != NumberKind::Date)
        .collect();
    if ctx.source.text.trim().is_empty() || ctx.target.text.trim().is_empty() {
        return Vec::new(); // omission and addition speak for whole sentences
    }
    let mut target_used = vec![false; target.len()];
    let mut source_left = Vec::new();
    // Strong source numbers first, so that a digit number takes a digit counterpart.
    let mut order: Vec<usize> = (0..source.len()).collect();
    order.sort_by_key(|&i| !source[i].digits);
    for i in order {
        let s = source[i];
        let found = (0..target.len())
            .filter(|&j| !target_used[j] && s.matches(target[j]))
            .min_by_key(|&j| (!target[j].digits, target[j].start));
        match found {
            Some(j) => target_used[j] = true,
            None => source_left.push(s),
        }
    }
    source_left.sort_by_key(|s| s.start);
    // The same value said twice in the source may be said once in the target ("£760 and around
    // £760" → "760 pounds; the same for..."): a repeat of a matched value is only a warning.
    let matched_values: Vec<&NumberMention> = target
        .iter()
        .zip(&target_used)
        .filter(|(_, used)| **used)
        .map(|(t, _)| *t)
        .collect();
    let mut target_left: Vec<&NumberMention> = target
        .iter()
        .zip(&target_used)
        .filter(|(_, used)| !**used)
        .map(|(t, _)| *t)
        .collect();
    let mut issues = Vec::new();
    for s in source_left {
        if !s.digits {
            continue;
        }
        // The closest unmatched strong target number in the text's order is taken as its
        // changed form.
        if let Some(pos) = target_left.iter().position(|t| t.digits) {
            let t = target_left.remove(pos);
            issues.push(Issue {
                check: CheckId::Number,
                severity: Severity::Error,
                source: s.text.clone(),
                target: t.text.clone(),
                message: format!(
                    "number {} (\"{}\") became {} (\"{}\")",
                    format_value(s.value),
                    s.text,
                    format_value(t.value),
                    t.text
                ),
            });
        } else {
            issues.push(Issue {
                check: CheckId::Number,
                severity: if matched_values.iter().any(|t| s.matches(t)) {
                    Severity::Warning
                } else {
                    missing_severity(s)
                },
                source: s.text.clone(),
                target: String::new(),
                message: format!(
                    "number {} (\"{}\") is missing in the target",
                    format_value(s.value),
                    s.text
                ),
            });
        }
    }
    for t in target_left.into_iter().filter(|t| t.digits) {
        issues.push(Issue {
            check: CheckId::Number,
            severity: Severity::Warning,
            source: String::new(),
            target: t.text.clone(),
            message: format!(
                "number {} (\"{}\") in the target is not in the source",
                format_value(t.value),
                t.text
            ),
        });
    }
    issues
}

/// A missing number is an error, except where the target may well say it in words the
/// profile does not list: small numbers (`2 months` → `zweimonatig`), times of day, decades
/// (`the 60s` → `Sechziger`) and ordinals (`3rd century` → `III век`).
fn missing_severity(s: &NumberMention) -> Severity {
    let small = s.value.fract() == 0.0 && s.value.abs() <= 10.0 && s.scale == 1.0;
    if small
        || s.kind == NumberKind::Time
        || s.kind == NumberKind::Ordinal
        || !s.alternatives.is_empty()
    {
        Severity::Warning
    } else {
        Severity::Error
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::pair;

    fn found(src: &str, tgt_lang: &'static str, tgt: &str) -> Vec<(Severity, String, String)> {
        check(&pair("en", src, tgt_lang, tgt))
            .into_iter()
            .map(|i| (i.severity, i.source, i.target))
            .collect()
    }

    #[test]
    fn faithful_renderings_pass() {
        let src = "Russia has gathered 100 thousand soldiers; 57 states met in 1962.";
        assert!(found(
            src,
            "de",
            "Russland hat 100.000 Soldaten zusammengezogen; 57 Staaten trafen sich 1962."
        )
        .is_empty());
        assert!(found(
            src,
            "fr",
            "La Russie a réuni 100\u{202F}000 soldats ; 57 États se sont réunis en 1962."
        )
        .is_empty());
        assert!(found("It has 3 members.", "de", "Es hat drei Mitglieder.").is_empty());
        assert!(found("2.5 percent", "de", "2,5 Prozent").is_empty());
        assert!(found("1,000.5 tons", "de", "1.000,5 Tonnen").is_empty());
        assert!(found(
            "the market (6.30-10am)",
            "fr",
            "le marché (entre 06h30 et 10h00)"
        )
        .is_empty());
        assert!(found("in the 1970s", "zh", "在70年代").is_empty());
        assert!(found("in the 6th century AD", "fi", "500-luvulla jKr.").is_empty());
        assert!(found("at 10am", "es", "a las 10 de la mañana").is_empty());
        assert!(found(
            "she will speak at 23.45.",
            "es",
            "ella hablará a las 23:45."
        )
        .is_empty());
        assert!(found(
            "between 3 million and more than 10 million",
            "es",
            "entre 3 y más de 10 millones"
        )
        .is_empty());
        assert!(found("£2bn and £1.4bn", "ru", "2 и 1,4 миллиарда фунтов").is_empty());
    }

    #[test]
    fn changed_rescaled_and_dropped_numbers() {
        assert_eq!(
            found("the crisis of 1962", "ru", "кризис 1926 года"),
            [(Severity::Error, "1962".into(), "1926".into())]
        );
        assert_eq!(
            found("5 soldiers", "de", "15 Soldaten"),
            [(Severity::Error, "5".into(), "15".into())]
        );
        assert_eq!(
            found("100 thousand soldiers", "de", "10.000 Soldaten"),
            [(Severity::Error, "100 thousand".into(), "10.000".into())]
        );
        assert_eq!(
            found(
                "unites 57 European states",
                "fr",
                "réunit des États européens"
            ),
            [(Severity::Error, "57".into(), "".into())]
        );
    }

    #[test]
    fn small_numbers_may_be_words_the_profile_does_not_know() {
        assert_eq!(
            found(
                "after the 2 month breeding period",
                "de",
                "nach der zweimonatigen Brutzeit"
            ),
            [(Severity::Warning, "2".into(), "".into())]
        );
    }

    #[test]
    fn added_numbers_are_warnings() {
        assert_eq!(
            found("the states", "de", "die 57 Staaten"),
            [(Severity::Warning, "".into(), "57".into())]
        );
    }
}

//! The `date` check: every date, month and weekday of the source must be in the target with the
//! same value.
//!
//! Dates are compared by value (`January 5, 2024` = `5. Januar 2024` = `2024年1月5日` =
//! `5 มกราคม 2567`), part by part. Each part is compared with the target date of the same month
//! first; without one, it is satisfied when the target states it anywhere, in a date or as a
//! plain number (a day written in words, a year in a clause of its own). A part the target
//! states differently is an error (`5 January` → `6. Januar`, `Monday` → `Dienstag`); a part the
//! target leaves out is a warning, since translators often drop a weekday or a year the reader
//! already knows. A name that only looks like a month
//! (`Sunday Times`, `Theresa May`) and is kept as written in the target raises nothing.

use super::{Issue, PairContext};
use crate::extract::numbers::same_value;
use crate::extract::{DateMention, DateValue, Facts, NumberKind};
use crate::finding::{CheckId, Severity};
use crate::lang::profile::Profile;

/// One part of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Weekday,
    Day,
    Month,
    Year,
}

impl Part {
    const ALL: [Part; 4] = [Part::Weekday, Part::Day, Part::Month, Part::Year];

    fn of(self, v: &DateValue) -> Option<i32> {
        match self {
            Part::Weekday => v.weekday.map(i32::from),
            Part::Day => v.day.map(i32::from),
            Part::Month => v.month.map(i32::from),
            Part::Year => v.year,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Part::Weekday => "weekday",
            Part::Day => "day",
            Part::Month => "month",
            Part::Year => "year",
        }
    }
}

/// What the target makes of one reading of a source date.
struct Verdict<'t> {
    reading: DateValue,
    /// Parts the target states differently, with their target values.
    changed: Vec<(Part, i32)>,
    /// Parts the target does not state at all.
    missing: Vec<Part>,
    /// The target date with the same month, which `changed` comes from.
    same_month: Option<&'t DateMention>,
}

pub fn check(ctx: &PairContext) -> Vec<Issue> {
    if ctx.source.text.trim().is_empty() || ctx.target.text.trim().is_empty() {
        return Vec::new(); // omission and addition speak for whole sentences
    }
    let source = &ctx.source.facts.dates;
    let mut issues = Vec::new();
    for (index, s) in source.iter().enumerate() {
        // The reading of the source date that the target best bears out.
        let Some(v) = s
            .readings
            .iter()
            .map(|r| judge(r, index, ctx))
            .min_by_key(|v| (v.changed.len(), v.missing.len()))
        else {
            continue;
        };
        if let (false, Some(t)) = (v.changed.is_empty(), v.same_month) {
            issues.push(changed_issue(s, &v.reading, t, &v.changed));
            continue;
        }
        if v.missing.is_empty() {
            continue;
        }
        // A name kept as written (`Sunday Times`, `Theresa May`) is no date.
        let in_words = v.reading.day.is_none() && v.reading.year.is_none();
        if in_words && ctx.target.text.contains(s.text.as_str()) {
            continue;
        }
        // A month or weekday stated differently in a target date of its own (`in March` →
        // `en mai`, `from April to June` → `von April bis Juli`).
        if let Some(t) = counterpart(s, index, source, &v.missing, ctx) {
            let changed: Vec<(Part, i32)> = v
                .missing
                .iter()
                .filter_map(|&p| Some((p, t.readings.iter().find_map(|r| p.of(r))?)))
                .collect();
            issues.push(changed_issue(s, &v.reading, t, &changed));
            continue;
        }
        // A month or weekday inside a longer word (`Palmsonntag`, `sunnuntaiaamuna`,
        // `zářijové`) is not missing, though it cannot be compared.
        let missing: Vec<Part> = v
            .missing
            .into_iter()
            .filter(|&p| {
                p.of(&v.reading).is_none_or(|value| {
                    !inside_a_word(p, value, &ctx.target.text, ctx.target.profile)
                })
            })
            .collect();
        if missing.is_empty() {
            continue;
        }
        let stated_parts = Part::ALL
            .iter()
            .filter(|p| p.of(&v.reading).is_some())
            .count();
        // A dropped weekday or month name is often the translator's choice; a dropped year or
        // day takes a fact away (measured with scripts/eval-numbers on PUD).
        let severity = if missing.iter().any(|p| matches!(p, Part::Year | Part::Day)) {
            Severity::Error
        } else {
            Severity::Warning
        };
        issues.push(Issue {
            check: CheckId::Date,
            severity,
            source: s.text.clone(),
            target: String::new(),
            message: if missing.len() == stated_parts {
                format!(
                    "date {} (\"{}\") is missing in the target",
                    v.reading, s.text
                )
            } else {
                format!(
                    "date {} (\"{}\"): {} in the target",
                    v.reading,
                    s.text,
                    missing_parts(&missing)
                )
            },
        });
    }
    issues
}

/// Compares one reading of the `index`-th source date with the target. Each part is first
/// looked for in the target date with the same month (the same date as the target writes it):
/// a different value there is a change, even if the source's value occurs elsewhere in the
/// target (in another date, or as the month of `9月22日`). Without such a date, a part is
/// satisfied by any target date or number that states it.
fn judge<'t>(reading: &DateValue, index: usize, ctx: &'t PairContext) -> Verdict<'t> {
    let facts = &ctx.target.facts;
    let agreement = |t: &DateValue| {
        Part::ALL
            .iter()
            .filter(|p| p.of(t).is_some() && p.of(t) == p.of(reading))
            .count()
    };
    let same_month = reading.month.and_then(|m| {
        facts
            .dates
            .iter()
            .enumerate()
            .flat_map(|(j, d)| d.readings.iter().map(move |r| (j, d, r)))
            .filter(|(_, _, r)| r.month == Some(m))
            .max_by_key(|(j, _, r)| (agreement(r), std::cmp::Reverse(j.abs_diff(index))))
    });
    let mut verdict = Verdict {
        reading: *reading,
        changed: Vec::new(),
        missing: Vec::new(),
        same_month: same_month.map(|(_, d, _)| d),
    };
    for part in Part::ALL {
        let Some(value) = part.of(reading) else {
            continue;
        };
        match same_month.and_then(|(_, _, r)| part.of(r)) {
            Some(theirs) if theirs == value => {}
            // `5 and 6 May` → `5. und 6. Mai`: the first day is a plain number.
            Some(_) if plain_number(part, value, facts, ctx.target.profile) => {}
            Some(theirs) => verdict.changed.push((part, theirs)),
            None if stated(part, value, facts, ctx.target.profile) => {}
            None => verdict.missing.push(part),
        }
    }
    verdict
}

/// The error for a source date that the target states differently.
fn changed_issue(
    s: &DateMention,
    reading: &DateValue,
    t: &DateMention,
    changed: &[(Part, i32)],
) -> Issue {
    let what: Vec<String> = changed
        .iter()
        .filter_map(|&(p, theirs)| {
            Some(format!(
                "{} {}",
                p.name(),
                describe(p, p.of(reading)?, theirs)
            ))
        })
        .collect();
    let theirs = t
        .readings
        .iter()
        .find(|r| changed.iter().all(|&(p, v)| p.of(r) == Some(v)))
        .unwrap_or(&t.readings[0]);
    Issue {
        check: CheckId::Date,
        severity: Severity::Error,
        source: s.text.clone(),
        target: t.text.clone(),
        message: format!(
            "date {} (\"{}\") became {} (\"{}\"): {}",
            reading,
            s.text,
            theirs,
            t.text,
            what.join(", ")
        ),
    }
}

/// `the weekday is missing`, `the day and the year are missing`.
fn missing_parts(missing: &[Part]) -> String {
    let names: Vec<String> = missing
        .iter()
        .map(|p| format!("the {}", p.name()))
        .collect();
    let verb = if names.len() == 1 { "is" } else { "are" };
    format!("{} {verb} missing", names.join(" and "))
}

/// `5 → 6`, `January → February`.
fn describe(part: Part, ours: i32, theirs: i32) -> String {
    use crate::extract::dates::{month_name, weekday_name};
    match part {
        Part::Month => format!("{} → {}", month_name(ours as u8), month_name(theirs as u8)),
        Part::Weekday => format!(
            "{} → {}",
            weekday_name(ours as u8),
            weekday_name(theirs as u8)
        ),
        Part::Day | Part::Year => format!("{ours} → {theirs}"),
    }
}

/// Whether the target states this part of a date anywhere: in one of its dates, or (a day or a
/// year) as a plain number.
fn stated(part: Part, value: i32, facts: &Facts, profile: &Profile) -> bool {
    facts
        .dates
        .iter()
        .flat_map(|d| &d.readings)
        .any(|r| part.of(r) == Some(value))
        || plain_number(part, value, facts, profile)
}

/// Whether the target has a day or year as a number outside its dates, however written (`एक
/// दिसम्बर`: the day in words; a Buddhist-era year). Numbers inside a date are not counted: the
/// `الأول` of `كانون الأول` is no day, the `9` of `9月22日` no day either.
fn plain_number(part: Part, value: i32, facts: &Facts, profile: &Profile) -> bool {
    let as_number = |v: i32| {
        facts.numbers.iter().any(|n| {
            n.kind != NumberKind::Date
                // `una carta` states no first of the month; `primero`, `1.` do, and a `one`
                // word right beside a date (`एक दिसम्बर`).
                && (n.digits
                    || n.value >= 2.0
                    || n.kind == NumberKind::Ordinal
                    || beside_a_date(n, facts))
                && std::iter::once(n.value)
                    .chain(n.alternatives.iter().copied())
                    .any(|x| same_value(x, f64::from(v)))
        })
    };
    match part {
        Part::Day => as_number(value),
        Part::Year => {
            as_number(value)
                || profile
                    .dates
                    .eras
                    .iter()
                    .any(|era| as_number(value - era.offset))
        }
        Part::Month | Part::Weekday => false,
    }
}

/// Whether a number touches one of the sentence's dates, with at most a space or a `de`-like
/// character or two between (`एक दिसम्बर`, `1er décembre`).
fn beside_a_date(n: &crate::extract::NumberMention, facts: &Facts) -> bool {
    let end = n.start + n.text.len();
    facts.dates.iter().any(|d| {
        (d.start >= end && d.start - end <= 2) || (n.start >= d.end && n.start - d.end <= 2)
    })
}

/// Whether a month or weekday name of the target language (a full form of five letters or more)
/// is part of a longer word of the target: a compound or a derived adjective.
fn inside_a_word(part: Part, value: i32, text: &str, profile: &Profile) -> bool {
    let lists = match part {
        Part::Month => &profile.dates.months,
        Part::Weekday => &profile.dates.weekdays,
        Part::Day | Part::Year => return false,
    };
    let Some(forms) = usize::try_from(value - 1).ok().and_then(|i| lists.get(i)) else {
        return false;
    };
    let lower = text.to_lowercase();
    forms
        .iter()
        .filter(|f| f.chars().count() >= 5 && !f.contains('.'))
        .any(|f| lower.contains(f.as_str()))
}

/// The target date that the source date `s` became: one that states a missing part
/// differently, is not itself the counterpart of another source date, and agrees with `s` on
/// the most parts; between equals, the one at the same rank in the text.
fn counterpart<'t>(
    s: &DateMention,
    index: usize,
    source: &[DateMention],
    missing: &[Part],
    ctx: &'t PairContext,
) -> Option<&'t DateMention> {
    let target = &ctx.target.facts.dates;
    let accounted_for = |t: &DateMention| {
        t.readings.iter().any(|r| {
            Part::ALL.iter().all(|&p| {
                p.of(r).is_none_or(|v| {
                    source
                        .iter()
                        .flat_map(|d| &d.readings)
                        .any(|sr| p.of(sr) == Some(v))
                })
            })
        })
    };
    target
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            t.readings
                .iter()
                .any(|r| missing.iter().any(|&p| p.of(r).is_some()))
        })
        .filter(|(_, t)| !accounted_for(t))
        .max_by_key(|(j, t)| {
            let agree = t
                .readings
                .iter()
                .map(|r| {
                    Part::ALL
                        .iter()
                        .filter(|&&p| {
                            p.of(r).is_some() && s.readings.iter().any(|sr| p.of(sr) == p.of(r))
                        })
                        .count()
                })
                .max()
                .unwrap_or(0);
            (agree, std::cmp::Reverse(j.abs_diff(index)))
        })
        .map(|(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::pair;

    fn found(src: &str, tgt_lang: &'static str, tgt: &str) -> Vec<(Severity, String, String)> {
        crate::checks::tests::found_by(check, src, tgt_lang, tgt)
    }

    #[test]
    fn faithful_dates_pass() {
        let src = "The talks began on Monday, January 5, 2024 and ended in March.";
        assert!(found(
            src,
            "de",
            "Die Gespräche begannen am Montag, dem 5. Januar 2024, und endeten im März."
        )
        .is_empty());
        assert!(found(
            src,
            "ru",
            "Переговоры начались в понедельник, 5 января 2024 года, и закончились в марте."
        )
        .is_empty());
        assert!(found(
            src,
            "zh",
            "会谈于2024年1月5日（星期一）开始，并于三月结束。"
        )
        .is_empty());
        assert!(found(
            src,
            "ja",
            "協議は2024年1月5日月曜日に始まり、3月に終わった。"
        )
        .is_empty());
        assert!(found(
            "The vote is on 5/1/2024.",
            "de",
            "Die Abstimmung ist am 01.05.2024."
        )
        .is_empty());
        assert!(found(
            "The vote is on 5/1/2024.",
            "de",
            "Die Abstimmung ist am 05.01.2024."
        )
        .is_empty());
        assert!(found("It was held from April to June.", "zh", "它於4至6月舉行。").is_empty());
        // The day in words: a warning at most, never an error.
        assert!(found(
            "He will run on December 1.",
            "hi",
            "वह एक दिसम्बर को चुनाव में खड़े होंगे।"
        )
        .iter()
        .all(|f| f.0 == Severity::Warning));
        assert!(found("Theresa May said so.", "de", "Theresa May sagte das.").is_empty());
        assert!(found("The Sunday Times wrote.", "de", "Die Sunday Times schrieb.").is_empty());
    }

    #[test]
    fn changed_parts_are_errors() {
        assert_eq!(
            found("on January 5, 2024", "de", "am 6. Januar 2024"),
            [(
                Severity::Error,
                "January 5, 2024".into(),
                "6. Januar 2024".into()
            )]
        );
        assert_eq!(
            found("in March", "fr", "en mai"),
            [(Severity::Error, "March".into(), "mai".into())]
        );
        assert_eq!(
            found("on Monday", "ru", "во вторник"),
            [(Severity::Error, "Monday".into(), "вторник".into())]
        );
        assert_eq!(
            found("on 5 January 2024", "tr", "5 Ocak 2025'te"),
            [(
                Severity::Error,
                "5 January 2024".into(),
                "5 Ocak 2025".into()
            )]
        );
        assert_eq!(
            found("from April to June", "de", "von April bis Juli"),
            [(Severity::Error, "June".into(), "Juli".into())]
        );
    }

    #[test]
    fn a_weekday_inside_a_compound_is_not_missing() {
        assert!(found("on Sunday morning", "de", "am Sonntagmorgen").is_empty());
        assert!(found("on Palm Sunday", "fi", "palmusunnuntaina").is_empty());
    }

    #[test]
    fn dropped_parts_are_warnings() {
        assert_eq!(
            found(
                "Officials met on Thursday.",
                "de",
                "Die Beamten trafen sich."
            ),
            [(Severity::Warning, "Thursday".into(), "".into())]
        );
        assert_eq!(
            found("in May and June", "de", "im Mai"),
            [(Severity::Warning, "June".into(), "".into())]
        );
        // A year or a day left out takes a fact away: an error.
        assert_eq!(
            found(
                "He was born in October 1832.",
                "de",
                "Er wurde im Oktober geboren."
            ),
            [(Severity::Error, "October 1832".into(), "".into())]
        );
    }

    #[test]
    fn a_date_number_is_not_also_a_number_error() {
        let ctx = pair("en", "on January 5, 2024", "de", "am 6. Januar 2025");
        assert!(crate::checks::number::check(&ctx).is_empty());
        assert_eq!(check(&ctx).len(), 1);
    }

    #[test]
    fn an_article_is_no_first_of_the_month() {
        let src = "On the 1st January 49 BC, Marco Antonio read a declaration.";
        assert_eq!(
            found(
                src,
                "es",
                "El de enero de 49 a. C., Marco Antonio leyó una carta."
            )[0]
            .0,
            Severity::Error
        );
        assert!(found(
            src,
            "es",
            "El 1 de enero de 49 a. C., Marco Antonio leyó una carta."
        )
        .is_empty());
        assert!(found(
            src,
            "es",
            "El primero de enero de 49 a. C., Marco Antonio leyó una carta."
        )
        .is_empty());
    }
}

//! The `placeholder` check: placeholders and inline tags missing, added or changed in the target.
//!
//! A program fills `{0}`, `%s`, `%1$d`, `{{name}}` with values and a renderer reads `<b>`; a
//! translation that drops, adds or alters one shows the wrong value, fails at run time or breaks
//! the markup, so each of these is an error. Placeholders are compared by key (see
//! [`crate::extract::placeholders`]): `{ name }` and `{name}` agree, `&lt;b&gt;` and `<b>` too,
//! and an ICU argument by its name alone, since its branches are translated. A missing and an
//! added placeholder of the same kind are reported together as one changed placeholder
//! (`{name}` → `{nom}`). Placeholders inside ICU branches are compared by presence, not count: a
//! language with more plural categories repeats them.
//!
//! Order matters only where the program fills placeholders in order: unnumbered printf
//! conversions (`%s … %d` → `%d … %s`) in another order is a warning (the fix is positional
//! `%1$s`), as is a closing tag moved before its opening tag.

use std::collections::BTreeMap;

use super::{Issue, PairContext};
use crate::extract::{Placeholder, PlaceholderKind};
use crate::finding::{CheckId, Severity};

pub fn check(ctx: &PairContext) -> Vec<Issue> {
    let src = &ctx.source.facts.placeholders;
    let tgt = &ctx.target.facts.placeholders;
    if (src.is_empty() && tgt.is_empty()) || ctx.target.text.trim().is_empty() {
        return Vec::new();
    }
    let src_counts = counts(src);
    let tgt_counts = counts(tgt);
    let missing = surplus(src, &src_counts, &tgt_counts);
    let mut added = surplus(tgt, &tgt_counts, &src_counts);
    let mut issues = Vec::new();
    for m in missing {
        if let Some(k) = added.iter().position(|a| a.kind == m.kind) {
            let a = added.remove(k);
            issues.push(issue(
                Severity::Error,
                &m.text,
                &a.text,
                format!("placeholder {} became {} in the target", m.text, a.text),
            ));
        } else {
            issues.push(issue(
                Severity::Error,
                &m.text,
                "",
                format!("placeholder {} is missing in the target", m.text),
            ));
        }
    }
    for a in added {
        issues.push(issue(
            Severity::Error,
            "",
            &a.text,
            format!("placeholder {} in the target is not in the source", a.text),
        ));
    }
    if issues.is_empty() {
        issues.extend(order_issue(src, tgt));
        issues.extend(nesting_issue(src, tgt));
    }
    issues
}

fn issue(severity: Severity, source: &str, target: &str, message: String) -> Issue {
    Issue {
        check: CheckId::Placeholder,
        severity,
        source: source.to_string(),
        target: target.to_string(),
        message,
    }
}

/// How many times each key must be kept: its count outside ICU branches, or once if it is only
/// inside branches.
fn counts(placeholders: &[Placeholder]) -> BTreeMap<&str, usize> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for p in placeholders {
        let n = counts.entry(p.key.as_str()).or_default();
        if !p.in_branch {
            *n += 1;
        }
    }
    for n in counts.values_mut() {
        *n = (*n).max(1);
    }
    counts
}

/// The placeholders of `side` beyond what `other` has of their key, in order (the last ones of a
/// key are the surplus).
fn surplus<'p>(
    side: &'p [Placeholder],
    own: &BTreeMap<&str, usize>,
    other: &BTreeMap<&str, usize>,
) -> Vec<&'p Placeholder> {
    let mut out = Vec::new();
    for (key, &n) in own {
        let keep = other.get(key).copied().unwrap_or(0);
        if n > keep {
            let of_key: Vec<&Placeholder> = side.iter().filter(|p| p.key == *key).collect();
            let skip = of_key.len().saturating_sub(n - keep);
            out.extend(of_key.into_iter().skip(skip));
        }
    }
    out.sort_by_key(|p| p.start);
    out
}

/// Unnumbered printf conversions in another order: the program fills them in order, so the
/// values land in the wrong places (or the types do not match).
fn order_issue(src: &[Placeholder], tgt: &[Placeholder]) -> Option<Issue> {
    let sequence = |side: &[Placeholder]| -> Vec<String> {
        side.iter()
            .filter(|p| p.kind == PlaceholderKind::Printf && !p.in_branch)
            .map(|p| p.key.clone())
            .collect()
    };
    let (s, t) = (sequence(src), sequence(tgt));
    if s == t {
        return None;
    }
    let first = s.iter().zip(&t).position(|(a, b)| a != b).unwrap_or(0);
    Some(issue(
        Severity::Warning,
        &s.join(" "),
        &t.join(" "),
        format!(
            "unnumbered placeholders are in another order ({} → {}), but they are filled in order; use positions such as %1$s",
            s[first], t[first]
        ),
    ))
}

/// A closing tag before its opening tag in the target, where the source nests them properly.
fn nesting_issue(src: &[Placeholder], tgt: &[Placeholder]) -> Option<Issue> {
    let misplaced = |side: &[Placeholder]| -> Option<String> {
        let mut open: BTreeMap<String, i64> = BTreeMap::new();
        for p in side.iter().filter(|p| p.kind == PlaceholderKind::Tag) {
            if let Some(name) = p.key.strip_prefix("</") {
                let n = open
                    .entry(name.trim_end_matches('>').to_string())
                    .or_default();
                *n -= 1;
                if *n < 0 {
                    return Some(p.text.clone());
                }
            } else if !p.key.ends_with("/>") {
                *open
                    .entry(p.key[1..].trim_end_matches('>').to_string())
                    .or_default() += 1;
            }
        }
        None
    };
    if misplaced(src).is_some() {
        return None;
    }
    let tag = misplaced(tgt)?;
    Some(issue(
        Severity::Warning,
        "",
        &tag,
        format!("tag {tag} in the target closes before it opens"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::found_by;

    fn found(src: &str, tgt: &str) -> Vec<(Severity, String, String)> {
        found_by(check, src, "de", tgt)
    }

    #[test]
    fn kept_placeholders_in_any_order_are_fine() {
        assert!(found(
            "Hello {name}, you have {0} messages",
            "{0} Nachrichten für {name}"
        )
        .is_empty());
        assert!(found("%1$s deleted %2$d files", "%2$d Dateien von %1$s gelöscht").is_empty());
        assert!(found("Click <b>here</b>", "Klicken Sie &lt;b&gt;hier&lt;/b&gt;").is_empty());
        assert!(found("{{ name }} logged in", "{{name}} hat sich angemeldet").is_empty());
        assert!(found(
            "The report says 50 % of votes.",
            "Der Bericht nennt 50 % der Stimmen."
        )
        .is_empty());
    }

    #[test]
    fn missing_added_and_changed_are_errors() {
        assert_eq!(
            found("Deleted %d files", "Dateien gelöscht"),
            [(Severity::Error, "%d".to_string(), String::new())]
        );
        assert_eq!(
            found("Hello", "Hallo {name}"),
            [(Severity::Error, String::new(), "{name}".to_string())]
        );
        assert_eq!(
            found("Hello {name}", "Hallo {Name}"),
            [(Severity::Error, "{name}".to_string(), "{Name}".to_string())]
        );
        assert_eq!(
            found("Size: %d", "Größe: %s"),
            [(Severity::Error, "%d".to_string(), "%s".to_string())]
        );
        assert_eq!(
            found(
                "Line<br/>break and <b>bold</b>",
                "Zeile Umbruch und <b>fett</b>"
            ),
            [(Severity::Error, "<br/>".to_string(), String::new())]
        );
    }

    #[test]
    fn unnumbered_printf_reordered_is_a_warning() {
        let f = found("%s has %d files", "%d Dateien hat %s");
        assert_eq!(
            f,
            [(Severity::Warning, "%s %d".to_string(), "%d %s".to_string())]
        );
    }

    #[test]
    fn tag_closed_before_opened_is_a_warning() {
        let f = found("Click <b>here</b> now", "Klicken Sie </b>hier<b> jetzt");
        assert_eq!(f, [(Severity::Warning, String::new(), "</b>".to_string())]);
    }

    #[test]
    fn icu_by_name_and_branches_by_presence() {
        let src = "{count, plural, one {# file from {user}} other {# files from {user}}}";
        let ru = "{count, plural, one {# файл от {user}} few {# файла от {user}} many {# файлов от {user}} other {# файла от {user}}}";
        assert!(found_by(check, src, "ru", ru).is_empty());
        let renamed = "{anzahl, plural, one {# Datei von {user}} other {# Dateien von {user}}}";
        assert_eq!(
            found(src, renamed),
            [(
                Severity::Error,
                "{count, plural,".to_string(),
                "{anzahl, plural,".to_string()
            )]
        );
    }

    #[test]
    fn placeholders_are_not_numbers() {
        use crate::checks::number;
        assert!(found_by(
            number::check,
            "Page %1$d of %2$d",
            "de",
            "Seite %1$d von %2$d"
        )
        .is_empty());
        assert!(found_by(number::check, "Step {0} of 3", "de", "Schritt {0} von 3").is_empty());
        assert!(found_by(number::check, "Step {0} of 3", "de", "Schritt 3").is_empty());
        // The check still sees real numbers next to placeholders.
        assert!(!found_by(
            number::check,
            "%s paid 300 euros",
            "de",
            "%s zahlte 200 Euro"
        )
        .is_empty());
    }

    #[test]
    fn placeholders_are_not_names() {
        // A renamed `{UserName}` is this check's finding, not a dropped name.
        let ctx = crate::checks::tests::pair(
            "en",
            "The file was shared by {UserName} and %(OwnerName)s in Vienna.",
            "de",
            "Die Datei wurde von {Benutzer} und %(Besitzer)s in Wien geteilt.",
        );
        let doc = crate::checks::DocumentKnowledge::learn(std::slice::from_ref(&ctx));
        assert_eq!(crate::checks::name::check(&ctx, &doc), []);
        assert_eq!(check(&ctx).len(), 2);
    }
}

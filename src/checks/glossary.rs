//! The `glossary` check: a source term of the project's glossary whose required rendering is not
//! in the target.
//!
//! Where the source segment contains a glossary term of its language (see
//! [`crate::glossary::find`] for how terms match), the target must contain one of the renderings
//! the glossary gives for the target's language. A warning by default: the glossary is the
//! project's own rule, but a rephrased sentence or an inflected form the glossary does not allow
//! (`Ausschuss` without `*` against `Ausschusses`) is not always wrong; `[checks] glossary =
//! "error"` in `concord.toml` makes it gate the run.

use super::{Issue, PairContext};
use crate::finding::{CheckId, Severity};
use crate::glossary::{Haystack, Requirement};

pub fn check(ctx: &PairContext, requirements: &[Requirement]) -> Vec<Issue> {
    if requirements.is_empty() || ctx.target.text.trim().is_empty() {
        return Vec::new();
    }
    let source_words = ctx.source.profile.spaces_between_words;
    let target_words = ctx.target.profile.spaces_between_words;
    let (source, target) = (
        Haystack::new(&ctx.source.text),
        Haystack::new(&ctx.target.text),
    );
    let mut issues = Vec::new();
    for requirement in requirements {
        let Some(found) = requirement
            .source
            .iter()
            .find_map(|term| source.find(term, source_words))
        else {
            continue;
        };
        let rendered = requirement
            .target
            .iter()
            .any(|term| target.find(term, target_words).is_some());
        if !rendered {
            let wanted: Vec<String> = requirement
                .target
                .iter()
                .map(|t| format!("\"{t}\""))
                .collect();
            issues.push(Issue {
                check: CheckId::Glossary,
                severity: Severity::Warning,
                source: found.to_string(),
                target: String::new(),
                message: format!(
                    "glossary term \"{found}\" must be rendered {} in the target",
                    wanted.join(" or ")
                ),
            });
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::pair;

    fn found(src: &str, tgt: &str) -> Vec<(String, String)> {
        let glossary = crate::glossary::Glossary::parse_table(
            "en,de\ncommittee,Ausschuss*\nSecurity Council,Sicherheitsrat*\n",
            b',',
        )
        .unwrap();
        let requirements = glossary.requirements("en", "de");
        check(&pair("en", src, "de", tgt), &requirements)
            .into_iter()
            .map(|i| (i.source, i.message))
            .collect()
    }

    #[test]
    fn required_rendering_present_or_inflected() {
        assert!(found("The committee met.", "Der Ausschuss tagte.").is_empty());
        assert!(found("The committee's chair.", "Der Vorsitz des Ausschusses.").is_empty());
        assert!(found("The board met.", "Der Vorstand tagte.").is_empty());
    }

    #[test]
    fn missing_rendering_is_reported_with_the_source_term_as_written() {
        let f = found("The Security Council met.", "Der Rat tagte.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, "Security Council");
        assert!(f[0].1.contains("\"Sicherheitsrat*\""), "{}", f[0].1);
        assert_eq!(found("The Committee met.", "Das Komitee tagte.").len(), 1);
    }
}

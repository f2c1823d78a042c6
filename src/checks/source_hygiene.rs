//! The `source-hygiene` check: problems of the source document itself, reported once per
//! document rather than once per target: a paragraph in another language than the source's
//! (scraped page furniture such as the seed's Turkish "Bir yanıt yazın", "Leave a reply"), and
//! scraped boilerplate such as a site tag (`ttn-23`).
//!
//! Pairs whose source sentence is flagged here are not judged by `untranslated` and
//! `wrong-language`: a translator who copies page furniture as it is has done nothing wrong.

use super::{content_words, Issue};
use crate::extract::script::ScriptStats;
use crate::finding::{CheckId, Severity};
use crate::lang::detect::{identify_expecting, is_detectable, same_language};
use crate::lang::profile;

/// Checks one source sentence; `alone` says whether it is a whole paragraph by itself.
pub fn check_sentence(text: &str, lang: &str, alone: bool) -> Option<Issue> {
    let text = text.trim();
    if alone && is_site_tag(text) {
        return Some(Issue {
            check: CheckId::SourceHygiene,
            severity: Severity::Warning,
            source: text.to_string(),
            target: String::new(),
            message: format!("the source paragraph \"{text}\" looks like scraped boilerplate (a site tag or code), not text to translate"),
        });
    }
    if !is_detectable(lang) || ScriptStats::of(text).letters < 10 || content_words(text) < 2 {
        return None;
    }
    let verdict = identify_expecting(text, lang);
    let (best, conf) = verdict.best()?;
    if same_language(best, lang) || conf < 0.7 || verdict.confidence(lang) > 0.1 {
        return None;
    }
    let name = crate::lang::detect::display_name(best);
    Some(Issue {
        check: CheckId::SourceHygiene,
        severity: Severity::Warning,
        source: text.to_string(),
        target: String::new(),
        message: format!(
            "this source sentence seems to be in {name}, not {}: scraped page text?",
            profile(lang).name
        ),
    })
}

/// A lone token that mixes letters and digits with a separator: `ttn-23`, `id_4711`.
fn is_site_tag(text: &str) -> bool {
    !text.contains(char::is_whitespace)
        && text.chars().any(|c| c.is_alphabetic())
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().count() <= 24
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seeds_scraped_lines() {
        assert!(check_sentence("ttn-23", "en", true).is_some());
        assert!(check_sentence("Bir yanıt yazın", "en", true).is_some());
        assert!(check_sentence("On ‘dead track’", "en", true).is_none());
        assert!(check_sentence(
            "Russia is disappointed with talks with the West and is increasing pressure",
            "en",
            true
        )
        .is_none());
        assert!(check_sentence("G7", "en", false).is_none());
    }
}

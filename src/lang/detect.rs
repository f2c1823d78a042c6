//! Language identification of a segment.
//!
//! Script is decided exactly (see `extract::script`); within a script, the statistical detector
//! `lingua` (character n-gram models, accurate on short text) tells languages apart. It knows only
//! the languages listed in [`DETECTABLE`] (each is a model compiled into the binary, ~1.5 MB);
//! a language outside the list is never a verdict, and its close relatives are not evidence
//! against it (see `Profile::close_languages`).

use std::sync::OnceLock;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

/// The languages the detector can name, with their BCP 47 tags. Mirrors the features of the
/// `lingua` dependency in Cargo.toml.
pub const DETECTABLE: &[(&str, Language)] = &[
    ("ar", Language::Arabic),
    ("az", Language::Azerbaijani),
    ("be", Language::Belarusian),
    ("bg", Language::Bulgarian),
    ("ca", Language::Catalan),
    ("cs", Language::Czech),
    ("da", Language::Danish),
    ("de", Language::German),
    ("el", Language::Greek),
    ("en", Language::English),
    ("es", Language::Spanish),
    ("et", Language::Estonian),
    ("fa", Language::Persian),
    ("fi", Language::Finnish),
    ("fr", Language::French),
    ("he", Language::Hebrew),
    ("hi", Language::Hindi),
    ("hr", Language::Croatian),
    ("hu", Language::Hungarian),
    ("id", Language::Indonesian),
    ("is", Language::Icelandic),
    ("it", Language::Italian),
    ("ja", Language::Japanese),
    ("ko", Language::Korean),
    ("lt", Language::Lithuanian),
    ("lv", Language::Latvian),
    ("mk", Language::Macedonian),
    ("mr", Language::Marathi),
    ("ms", Language::Malay),
    ("nb", Language::Bokmal),
    ("nl", Language::Dutch),
    ("pl", Language::Polish),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("ru", Language::Russian),
    ("sk", Language::Slovak),
    ("sl", Language::Slovene),
    ("sr", Language::Serbian),
    ("sv", Language::Swedish),
    ("th", Language::Thai),
    ("tr", Language::Turkish),
    ("uk", Language::Ukrainian),
    ("ur", Language::Urdu),
    ("vi", Language::Vietnamese),
    ("zh", Language::Chinese),
];

/// Tags that name the same language for detection purposes (`no` is Bokmål here).
fn detection_tag(tag: &str) -> String {
    let base = super::profile::primary_subtag(tag);
    match base.as_str() {
        "no" => "nb".to_string(),
        _ => base,
    }
}

fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        let languages: Vec<Language> = DETECTABLE.iter().map(|&(_, l)| l).collect();
        LanguageDetectorBuilder::from_languages(&languages).build()
    })
}

fn tag_of(language: Language) -> &'static str {
    DETECTABLE
        .iter()
        .find(|&&(_, l)| l == language)
        .map_or("und", |&(t, _)| t)
}

/// The English name of a detectable language (`az` → `Azerbaijani`), for messages about
/// languages that have no profile of their own.
pub fn language_name(tag: &str) -> Option<String> {
    let t = detection_tag(tag);
    DETECTABLE
        .iter()
        .find(|&&(d, _)| d == t)
        .map(|(_, l)| format!("{l:?}"))
}

/// The English name of any language concord may name in a message: its profile's name, else the
/// detector's, else the tag itself.
pub fn display_name(tag: &str) -> String {
    if super::profile::is_known(tag) {
        return super::profile::profile(tag).name.clone();
    }
    language_name(tag).unwrap_or_else(|| tag.to_string())
}

/// Whether the detector can recognise this language.
pub fn is_detectable(tag: &str) -> bool {
    let t = detection_tag(tag);
    DETECTABLE.iter().any(|&(d, _)| d == t)
}

/// The detector's verdict on a text: languages with their relative confidence (summing to 1),
/// most likely first.
#[derive(Debug, Clone, Default)]
pub struct Verdict {
    pub ranked: Vec<(&'static str, f64)>,
}

impl Verdict {
    pub fn best(&self) -> Option<(&'static str, f64)> {
        self.ranked.first().copied()
    }

    /// The confidence for one language (0 if the detector does not know it).
    pub fn confidence(&self, tag: &str) -> f64 {
        let t = detection_tag(tag);
        self.ranked
            .iter()
            .find(|(d, _)| *d == t)
            .map_or(0.0, |&(_, c)| c)
    }
}

/// Identifies the language of a text.
pub fn identify(text: &str) -> Verdict {
    verdict_of(detector(), text)
}

/// A detector's verdict on a text: the languages it gives any confidence, best first.
fn verdict_of(detector: &LanguageDetector, text: &str) -> Verdict {
    let ranked = detector
        .compute_language_confidence_values(text)
        .into_iter()
        .filter(|&(_, c)| c > 0.0)
        .map(|(l, c)| (tag_of(l), c))
        .collect();
    Verdict { ranked }
}

/// The confidence a trigram-only verdict must give the expected language for the full
/// detector not to be asked (see [`identify_expecting`]).
pub const CLEAR_FIRST_PASS: f64 = 0.99;

/// The letters from which `lingua` itself judges by trigrams alone (its `character_count >= 120`).
const TRIGRAMS_ONLY_FROM: usize = 120;

/// Identifies the language of a text expected to be in `expected`, asking the full detector
/// only when a cheap first pass is not clear.
///
/// First, script and frequent words ([`clearly_expected`], `lang::freq`): a text clearly in the
/// expected language gets the verdict "that language, 1.0" without `lingua` (or with `lingua`
/// limited to its close group), and a text in a language the detector does not know that is
/// clearly one of its relatives gets the limited detector's verdict ([`clearly_a_relative`]).
/// Measured with `examples/detect_first_pass.rs`: on all of PUD (13,000 texts of each kind), no
/// decision of the language checks changed but two false alarms of `lingua` on correct
/// translations (a French sentence taken for Vietnamese, a Galician one for Finnish); on
/// `lingua`'s own 44,141 test sentences, each put in a file of every other language, none.
/// Then, for what that leaves:
///
/// On a text shorter than 120 letters `lingua` sums the log-probabilities of n-grams of length
/// 1 to 5 in the model of every candidate language: five lookups or more per position and
/// language. The first pass asks it about trigrams alone, as it does itself from 120 letters on:
/// `lingua` scores the *set* of a text's n-grams, so the text repeated until it reaches 120
/// letters has the same trigrams and the same trigram scores, and is judged by trigrams only. If
/// that verdict names the expected language with a confidence of at least
/// [`CLEAR_FIRST_PASS`], it is the answer; otherwise (and on any text where the full detector
/// would only look at trigrams anyway) the full verdict is.
///
/// A clear first pass names the expected language first, so the language checks find nothing in
/// it; they find something only where the full detector gives the target language a confidence
/// under 0.25. Measured with `examples/detect_first_pass.rs` on PUD (13 languages; real
/// translations, English left in place, a close language in place): no text had a clear first
/// pass and a decision of the checks changed, and the detector took 2.4 times less CPU on the
/// real translations (see the example for the figures).
pub fn identify_expecting(text: &str, expected: &str) -> Verdict {
    let tag = detection_tag(expected);
    let Some((own, _)) = detectable(&tag) else {
        return clearly_a_relative(text, expected).unwrap_or_else(|| identify(text));
    };
    if clearly_expected(text, own) {
        return Verdict {
            ranked: vec![(own, 1.0)],
        };
    }
    let letters = letter_count(text);
    if letters == 0 || letters >= TRIGRAMS_ONLY_FROM {
        return identify(text);
    }
    let repeats = TRIGRAMS_ONLY_FROM.div_ceil(letters);
    let first = identify(&vec![text; repeats].join(" "));
    match first.best() {
        Some((best, conf)) if same_language(best, expected) && conf >= CLEAR_FIRST_PASS => first,
        _ => identify(text),
    }
}

/// Whether the cheap first passes settle that `text` is in `expected` (a language of
/// [`DETECTABLE`]): by script or frequent words (`freq::clearly`), confirmed against the
/// relatives the word lists cannot tell from it. `false` means "ask the detector".
pub fn clearly_expected(text: &str, expected: &str) -> bool {
    let tag = detection_tag(expected);
    let Some((own, _)) = detectable(&tag) else {
        return false;
    };
    super::freq::clearly(text, own) && confirmed(text, own)
}

/// The confidence the detector limited to the expected language and the languages it is
/// confirmed against must give the expected language (see [`confirmed`]).
pub const CONFIRMED: f64 = 0.9;

/// Whether a text the word lists find clearly `own` is confirmed against the close languages
/// and the languages without a list of its script (`freq::confirm_against`): by `lingua` limited
/// to those languages, which shares the full detector's models and costs a fraction of it. With a confidence of at least
/// [`CONFIRMED`] for `own` against them, no relative can get the 0.6 the `wrong-language` check
/// needs from the full detector, which scores the same n-grams of every candidate.
fn confirmed(text: &str, own: &'static str) -> bool {
    let Some((_, language)) = detectable(own) else {
        return false;
    };
    let detector = limited_detector(own, || {
        let others = super::freq::confirm_against(own);
        if others.is_empty() {
            return Vec::new();
        }
        std::iter::once(own)
            .chain(others)
            .filter_map(|t| detectable(t).map(|(_, l)| l))
            .collect()
    });
    match detector {
        None => true,
        Some(detector) => detector.compute_language_confidence(text, language) >= CONFIRMED,
    }
}

/// The entry of [`DETECTABLE`] for a tag already in detection form (`nb`, not `no`).
fn detectable(tag: &str) -> Option<(&'static str, Language)> {
    DETECTABLE.iter().find(|&&(d, _)| d == tag).copied()
}

/// `lingua` limited to the languages `languages` gives (none: no detector), built once per
/// `key` and kept for the whole run; it shares the full detector's models. The keys are
/// language tags: a detectable language for [`confirmed`], one the detector does not know for
/// [`clearly_a_relative`], so the two never meet.
fn limited_detector(
    key: &str,
    languages: impl FnOnce() -> Vec<Language>,
) -> Option<&'static LanguageDetector> {
    use std::collections::HashMap;
    use std::sync::Mutex;
    type Detectors = HashMap<String, Option<&'static LanguageDetector>>;
    static DETECTORS: OnceLock<Mutex<Detectors>> = OnceLock::new();
    *DETECTORS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(key.to_string())
        .or_insert_with(|| {
            let languages = languages();
            (!languages.is_empty()).then(|| {
                &*Box::leak(Box::new(
                    LanguageDetectorBuilder::from_languages(&languages).build(),
                ))
            })
        })
}

/// For a language the detector does not know (Galician), the verdict of the detector limited
/// to its detectable relatives with word lists (Portuguese, Spanish: `Profile::close_languages`)
/// and their close groups, where the text is clearly in one of those relatives by its words
/// (`freq::clearly_one_of`) and that verdict names one of them with a confidence of at least
/// [`CONFIRMED`]. The full detector would name a relative too (the words rule out the languages
/// outside the group, the limited detector those inside it), and the language checks take a
/// relative of a language the detector does not know for no evidence against it. `None`: ask
/// the full detector.
pub fn clearly_a_relative(text: &str, expected: &str) -> Option<Verdict> {
    use super::profile::{is_known, profile};
    if !is_known(expected) || is_detectable(expected) {
        return None;
    }
    let own = profile(expected);
    let relatives: Vec<&'static str> = own
        .close_languages
        .iter()
        .filter_map(|c| detectable(c).map(|(d, _)| d))
        .filter(|d| super::freq::has_list(d))
        .collect();
    if relatives.is_empty() || !super::freq::clearly_one_of(text, &relatives) {
        return None;
    }
    let detector = limited_detector(&own.tag, || {
        let mut group: Vec<&str> = relatives.clone();
        for r in &relatives {
            group.extend(super::freq::confirm_against(r));
        }
        DETECTABLE
            .iter()
            .filter(|(d, _)| group.contains(d))
            .map(|&(_, l)| l)
            .collect()
    })?;
    let verdict = verdict_of(detector, text);
    match verdict.best() {
        Some((best, conf)) if relatives.contains(&best) && conf >= CONFIRMED => Some(verdict),
        _ => None,
    }
}

/// Letters as `lingua` counts them (near enough: where they differ, the first pass is the full
/// verdict or is skipped, never wrong).
fn letter_count(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// Whether `detected` counts as the same language as `tag` (equal base languages).
pub fn same_language(detected: &str, tag: &str) -> bool {
    detection_tag(detected) == detection_tag(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifies_close_languages_on_news_sentences() {
        for (text, tag) in [
            ("Moscow demands from the West a promise that Ukraine will never join NATO.", "en"),
            ("Москва требует от Запада обещания, что Украина никогда не вступит в НАТО.", "ru"),
            ("Москва вимагає від Заходу обіцянки, що Україна ніколи не вступить до НАТО.", "uk"),
            ("Moskou eist van het Westen de belofte dat Oekraïne nooit lid wordt van de NAVO.", "nl"),
            ("Moskau verlangt vom Westen die Zusage, dass die Ukraine niemals der NATO beitritt.", "de"),
            ("Moscú exige a Occidente la promesa de que Ucrania nunca ingresará en la OTAN.", "es"),
            ("Moscou exige do Ocidente a promessa de que a Ucrânia nunca aderirá à OTAN.", "pt"),
            ("莫斯科要求西方承诺乌克兰永远不会加入北约。", "zh"),
            ("モスクワは、ウクライナがNATOに決して加盟しないという約束を西側に求めている。", "ja"),
        ] {
            assert_eq!(identify(text).best().map(|b| b.0), Some(tag), "{text}");
        }
    }

    #[test]
    fn the_first_pass_agrees_with_the_full_detector_and_yields_to_it() {
        for (text, expected) in [
            // Short and clearly the expected language: the first pass answers.
            ("Moskau verlangt vom Westen die Zusage.", "de"),
            ("Москва требует от Запада обещания.", "ru"),
            // Not the expected language: the full detector answers, as before.
            ("Moscow demands from the West a promise.", "de"),
            ("Moskou eist van het Westen de belofte.", "de"),
            ("Москва вимагає від Заходу обіцянки.", "ru"),
        ] {
            let full = identify(text).best().map(|b| b.0);
            assert_eq!(
                identify_expecting(text, expected).best().map(|b| b.0),
                full,
                "{text}"
            );
        }
        // The trigram-only pass is confident on a short text in the expected language.
        let first = identify(&["Moskau verlangt vom Westen die Zusage."; 4].join(" "));
        assert_eq!(first.best().map(|b| b.0), Some("de"));
        assert!(first.confidence("de") >= CLEAR_FIRST_PASS);
    }

    #[test]
    fn the_word_pass_settles_clear_texts_and_leaves_the_rest_to_the_detector() {
        let german =
            "Moskau verlangt vom Westen die Zusage, dass die Ukraine niemals der NATO beitritt.";
        assert!(clearly_expected(german, "de"));
        assert_eq!(identify_expecting(german, "de").ranked, [("de", 1.0)]);
        // Dutch in a German file: not clear, so the full detector answers (Dutch).
        let dutch =
            "Moskou eist van het Westen de belofte dat Oekraïne nooit lid wordt van de NAVO.";
        assert!(!clearly_expected(dutch, "de"));
        assert_eq!(
            identify_expecting(dutch, "de").best().map(|b| b.0),
            Some("nl")
        );
        // Galician, which the detector does not know: its own words (`un`, `película`) leave it
        // to the full detector; Spanish in a Galician file is settled as Spanish.
        let galician =
            "Desde o punto de vista do director, a película é un exercicio de equilibrio.";
        assert!(clearly_a_relative(galician, "gl").is_none());
        let spanish = "El presidente del gobierno dijo que la economía va a crecer este año.";
        let verdict = clearly_a_relative(spanish, "gl").expect("clearly Spanish");
        let best = verdict.best().unwrap();
        assert!(best.0 == "es" && best.1 >= CONFIRMED, "{best:?}");
        let english = "From the director's point of view, the film is an exercise in balance.";
        assert!(clearly_a_relative(english, "gl").is_none());
        assert!(clearly_a_relative(german, "de").is_none());
    }

    #[test]
    fn unknown_languages_are_not_detectable() {
        assert!(is_detectable("pt-BR"));
        assert!(!is_detectable("gl"));
    }
}

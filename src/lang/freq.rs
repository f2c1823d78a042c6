//! A cheap first pass of language identification, by frequent words and by script, asked before
//! the statistical detector (`lang::detect`) when the language a text should be in is known.
//!
//! It answers one question only: is this text *clearly* in the expected language? When it is,
//! the detector is not asked; when it is not clear (another language, a mixture, too few words,
//! a language without a word list), the caller asks the detector as before. So it can only ever
//! turn "the detector would have said the expected language" into "the expected language", and
//! the checks' conclusions stay the same where the two agree; `examples/detect_first_pass.rs`
//! measures how often they would not.
//!
//! - **Script alone**: a language that is the only one the detector knows in its script (Greek,
//!   Hebrew, Thai, Korean; Chinese for a text in Han characters without kana; Japanese for one with
//!   kana) is clear when nearly all the text's letters are in that script.
//! - **Frequent words** (Latin, Cyrillic, Arabic, Devanagari): the words of each language's list
//!   in `data/freq/` (`scripts/gen-frequent-words`, from wordfreq). A text is clear when at
//!   least [`MIN_SHARE`] of its words are frequent words of the expected language, and against
//!   every other listed language of the script, the words only the expected language's list has
//!   are at least [`MIN_OWN`] and [`MARGIN`] times those only the other's list has.
//!   A text with a marker word of a close language that has no list and is not detectable
//!   (Galician's `marker_words` beside Spanish) is not clear, nor one with more than
//!   [`MAX_UNKNOWN`] of its words in no list of the script.
//!   Languages without a list (Azerbaijani, Belarusian, Estonian, Marathi) are never clear.
//!   A text clear by its words is then confirmed by the detector limited to the expected
//!   language's close group and the unlisted languages of its script ([`confirm_against`], done
//!   in `lang::detect`): a few languages instead of the script's dozens.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::profile::Script;
use crate::extract::script::script_of;

/// The share of a text's words that must be frequent words of the expected language.
pub const MIN_SHARE: f64 = 0.5;
/// Against each other language of the script: at least this many words only the expected
/// language's list has...
pub const MIN_OWN: usize = 2;
/// ...and this many times more of them than of words only the other's list has.
pub const MARGIN: usize = 3;
/// Where the expected language has a close relative with marker words and no list (Galician
/// beside Spanish and Portuguese), the largest share of a text's words that may be in no list of
/// its script: Galician `axudar`, `doutros` (or rare words).
pub const MAX_UNKNOWN: f64 = 0.25;
/// The fewest words a text needs that only the expected language's list has, of all the lists
/// of its script (the lists carry each other's commonest words: Vietnamese's has `ja`, `see`,
/// `mind`, `sai`).
pub const MIN_EXCLUSIVE: usize = 1;
/// The fewest words a text needs for the word test.
pub const MIN_WORDS: usize = 3;
/// The share of a text's letters that must be in the script for script alone to decide.
const SCRIPT_SHARE: f64 = 0.95;

/// One word list: its detection tag, script and text, `data/freq/<tag>.txt` (the path is made
/// from the tag, so the two cannot disagree).
macro_rules! list {
    ($tag:literal, $script:ident) => {
        (
            $tag,
            Script::$script,
            include_str!(concat!("../../data/freq/", $tag, ".txt")),
        )
    };
}

/// The word lists, by detection tag (`data/freq/<tag>.txt`, one word a line, `#` comments).
const LISTS: &[(&str, Script, &str)] = &[
    list!("ar", Arabic),
    list!("bg", Cyrillic),
    list!("ca", Latin),
    list!("cs", Latin),
    list!("da", Latin),
    list!("de", Latin),
    list!("en", Latin),
    list!("es", Latin),
    list!("fa", Arabic),
    list!("fi", Latin),
    list!("fr", Latin),
    list!("hi", Devanagari),
    list!("hr", Latin),
    list!("hu", Latin),
    list!("id", Latin),
    list!("is", Latin),
    list!("it", Latin),
    list!("lt", Latin),
    list!("lv", Latin),
    list!("mk", Cyrillic),
    list!("ms", Latin),
    list!("nb", Latin),
    list!("nl", Latin),
    list!("pl", Latin),
    list!("pt", Latin),
    list!("ro", Latin),
    list!("ru", Cyrillic),
    list!("sk", Latin),
    list!("sl", Latin),
    list!("sr", Cyrillic),
    list!("sv", Latin),
    list!("tr", Latin),
    list!("uk", Cyrillic),
    list!("ur", Arabic),
    list!("vi", Latin),
];

/// The languages the detector knows that are alone in their script: script decides them.
const ALONE_IN_SCRIPT: &[(&str, Script)] = &[
    ("el", Script::Greek),
    ("he", Script::Hebrew),
    ("th", Script::Thai),
    ("ko", Script::Hangul),
];

/// Groups of close languages of one script (their words overlap most: Spanish, Portuguese and
/// Catalan; Czech and Slovak; the Cyrillic languages; ...): a text found clearly one of them by
/// its words is confirmed against the others by the detector limited to the group.
const CLOSE_GROUPS: &[&[&str]] = &[
    &["es", "pt", "ca"],
    &["cs", "sk"],
    &["ru", "uk", "bg", "be", "mk", "sr"],
    &["nl", "de"],
    &["da", "nb", "sv"],
    &["hr", "sl"],
    &["ms", "id"],
    &["hi", "mr"],
    &["ar", "fa", "ur"],
];

/// The detector's languages with no word list, by script: their words cannot be counted, so any
/// text of their script found clearly another language by its words is confirmed against them.
const UNLISTED: &[(&str, Script, &[&str])] = &[
    ("az", Script::Latin, &["tr"]),
    ("et", Script::Latin, &["fi"]),
    ("be", Script::Cyrillic, &["ru", "uk", "bg", "mk", "sr"]),
    ("mr", Script::Devanagari, &["hi"]),
];

/// The languages a text found clearly `expected` by its words must still be told from by the
/// detector limited to them and `expected` (done in `lang::detect`): its close group and the
/// languages of its script that have no word list. Measured with
/// `examples/detect_first_pass.rs --lingua-sentences`: without this confirmation, sentences of
/// Belarusian, Marathi, Azerbaijani, Estonian and Malay, and of close pairs (Croatian and
/// Slovene, Danish and Norwegian, Serbian and Macedonian) were taken for their relatives where
/// the detector had named them.
pub fn confirm_against(expected: &str) -> Vec<&'static str> {
    let Some(&(_, script, _)) = LISTS.iter().find(|(t, _, _)| *t == expected) else {
        return Vec::new();
    };
    let mut others: Vec<&'static str> = CLOSE_GROUPS
        .iter()
        .filter(|group| group.contains(&expected))
        .flat_map(|group| group.iter().copied())
        .chain(
            UNLISTED
                .iter()
                .filter(|&&(_, s, relatives)| s == script && relatives.contains(&expected))
                .map(|&(t, _, _)| t),
        )
        .filter(|&t| t != expected)
        .collect();
    others.sort_unstable();
    others.dedup();
    others
}

/// Every frequent word with the set of lists it is in (bit `i` for `LISTS[i]`).
fn table() -> &'static HashMap<&'static str, u64> {
    static TABLE: OnceLock<HashMap<&'static str, u64>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<&'static str, u64> = HashMap::with_capacity(180_000);
        for (i, (_, _, list)) in LISTS.iter().enumerate() {
            for word in list
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                *table.entry(word).or_default() |= 1 << i;
            }
        }
        table
    })
}

/// Whether a character belongs inside a word, as `scripts/gen-frequent-words` cuts them:
/// letters, the combining marks of the listed scripts (Devanagari vowel signs, Arabic harakat),
/// and the zero-width (non-)joiner of Persian. Anything else separates words.
fn in_word(c: char) -> bool {
    c.is_alphabetic()
        || matches!(c as u32,
            0x300..=0x36F | 0x483..=0x489 | 0x610..=0x61A | 0x64B..=0x65F | 0x670
            | 0x6D6..=0x6ED | 0x900..=0x903 | 0x93A..=0x94F | 0x951..=0x957 | 0x962..=0x963
            | 0x200C..=0x200D)
}

/// Whether `text` is clearly in the language `expected` (a detection tag, `nb` for Norwegian),
/// by script or by frequent words; `false` means "not clear", never "not that language".
pub fn clearly(text: &str, expected: &str) -> bool {
    // One pass over the letters: the script counts.
    let (mut letters, mut in_script) = (0usize, [0usize; 11]);
    for s in text.chars().filter_map(script_of) {
        letters += 1;
        in_script[s as usize] += 1;
    }
    if letters == 0 {
        return false;
    }
    let share = |scripts: &[Script]| {
        scripts
            .iter()
            .map(|&s| in_script[s as usize])
            .sum::<usize>() as f64
            / letters as f64
    };
    if let Some(&(_, script)) = ALONE_IN_SCRIPT.iter().find(|(t, _)| *t == expected) {
        return share(&[script]) >= SCRIPT_SHARE;
    }
    match expected {
        // Han alone is Chinese to the detector; kana makes it Japanese.
        "zh" => {
            return in_script[Script::Kana as usize] == 0 && share(&[Script::Han]) >= SCRIPT_SHARE
        }
        "ja" => {
            return in_script[Script::Kana as usize] > 0
                && share(&[Script::Han, Script::Kana]) >= SCRIPT_SHARE
        }
        _ => {}
    }
    let Some(own) = LISTS.iter().position(|(t, _, _)| *t == expected) else {
        return false;
    };
    let script = LISTS[own].1;
    if share(&[script]) < SCRIPT_SHARE {
        return false;
    }
    clearly_by_words(text, 1 << own, script, &unlisted_markers(expected))
}

/// Whether a language has a word list.
pub fn has_list(tag: &str) -> bool {
    LISTS.iter().any(|(t, _, _)| *t == tag)
}

/// Whether `text` is clearly in one of `languages` (languages with a list, of one script), by
/// their frequent words taken together: for a language the detector does not know, whose
/// relatives it names instead (Galician, taken for Spanish or Portuguese).
pub fn clearly_one_of(text: &str, languages: &[&str]) -> bool {
    let mut own = 0u64;
    let mut script = None;
    for tag in languages {
        let Some(i) = LISTS.iter().position(|(t, _, _)| t == tag) else {
            return false;
        };
        if script.is_some_and(|s| s != LISTS[i].1) {
            return false;
        }
        script = Some(LISTS[i].1);
        own |= 1 << i;
    }
    let Some(script) = script else {
        return false;
    };
    let stats = crate::extract::script::ScriptStats::of(text);
    if stats.letters == 0 || stats.share(&[script]) < SCRIPT_SHARE {
        return false;
    }
    clearly_by_words(text, own, script, &[])
}

/// The marker words (`Profile::marker_words`) of the expected language's close relatives that
/// have no word list (Galician beside Spanish and Portuguese): a text with one of them is not
/// clear, whatever its other words.
fn unlisted_markers(expected: &str) -> Vec<&'static str> {
    use super::profile::{is_known, profile};
    if !is_known(expected) {
        return Vec::new();
    }
    profile(expected)
        .close_languages
        .iter()
        .filter(|c| is_known(c) && !LISTS.iter().any(|(t, _, _)| t == c))
        .flat_map(|c| profile(c).marker_words.iter().map(String::as_str))
        .collect()
}

/// The word test, `own_bit` being the bits of the expected language's list (or of the lists of
/// the languages any of which is expected).
fn clearly_by_words(text: &str, own_bit: u64, script: Script, markers: &[&str]) -> bool {
    let table = table();
    let (mut words, mut known, mut unknown, mut exclusive) = (0usize, 0usize, 0usize, 0usize);
    let script_bits = LISTS
        .iter()
        .enumerate()
        .filter(|(_, l)| l.1 == script)
        .fold(0u64, |bits, (i, _)| bits | 1 << i);
    // Per other language of the script: words only the expected language's list has, and words
    // only the other's list has.
    let (mut only_own, mut only_other) = ([0usize; 64], [0usize; 64]);
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while chars.peek().is_some() {
        word.clear();
        for c in chars.by_ref() {
            if in_word(c) {
                word.extend(c.to_lowercase());
            } else if !word.is_empty() {
                break;
            }
        }
        if word.is_empty() {
            continue;
        }
        words += 1;
        if markers.contains(&word.as_str()) {
            return false;
        }
        let lists = table.get(word.as_str()).copied().unwrap_or(0);
        if lists & own_bit != 0 {
            known += 1;
        }
        if lists & script_bits == 0 {
            unknown += 1;
        }
        if lists & script_bits & !own_bit == 0 && lists & own_bit != 0 {
            exclusive += 1;
        }
        for (i, &(_, s, _)) in LISTS.iter().enumerate() {
            if own_bit & (1 << i) != 0 || s != script {
                continue;
            }
            let other = lists & (1 << i) != 0;
            match (lists & own_bit != 0, other) {
                (true, false) => only_own[i] += 1,
                (false, true) => only_other[i] += 1,
                _ => {}
            }
        }
    }
    if words < MIN_WORDS
        || exclusive < MIN_EXCLUSIVE
        || (known as f64) < MIN_SHARE * words as f64
        || (!markers.is_empty() && (unknown as f64) > MAX_UNKNOWN * words as f64)
    {
        return false;
    }
    LISTS.iter().enumerate().all(|(i, &(_, s, _))| {
        own_bit & (1 << i) != 0
            || s != script
            || (only_own[i] >= MIN_OWN && only_own[i] >= MARGIN * only_other[i])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_read_and_words_are_shared_between_lists() {
        let table = table();
        let bit = |tag: &str| 1u64 << LISTS.iter().position(|(t, _, _)| *t == tag).unwrap();
        assert_ne!(table["und"] & bit("de"), 0);
        assert_ne!(table["que"] & bit("es"), 0);
        assert_ne!(table["que"] & bit("pt"), 0);
        assert_ne!(table["что"] & bit("ru"), 0);
        for (tag, _, list) in LISTS {
            assert!(list.lines().count() > 1000, "{tag}");
        }
    }

    #[test]
    fn clear_only_in_the_expected_language() {
        let german =
            "Moskau verlangt vom Westen die Zusage, dass die Ukraine niemals der NATO beitritt.";
        let dutch =
            "Moskou eist van het Westen de belofte dat Oekraïne nooit lid wordt van de NAVO.";
        let english = "Moscow demands from the West a promise that Ukraine will never join NATO.";
        assert!(clearly(german, "de"));
        assert!(!clearly(dutch, "de"));
        assert!(!clearly(english, "de"));
        assert!(clearly(english, "en"));
        let russian = "Москва требует от Запада обещания, что Украина никогда не вступит в НАТО.";
        let ukrainian =
            "Москва вимагає від Заходу обіцянки, що Україна ніколи не вступить до НАТО.";
        assert!(clearly(russian, "ru"));
        assert!(!clearly(ukrainian, "ru"));
        assert!(!clearly(russian, "uk"));
        // Galician (no list) in a Spanish file is not clearly Spanish.
        let galician =
            "Moitos científicos din que agora vai ser necesaria a tecnoloxía para eliminar carbono do ar.";
        assert!(!clearly(galician, "es"));
        // Too few words, or none the lists know.
        assert!(!clearly("NATO, OSZE", "de"));
    }

    #[test]
    fn script_alone_decides_where_one_language_has_it() {
        assert!(clearly("Και οι δύο απαιτήσεις είναι απαράδεκτες.", "el"));
        assert!(!clearly("Both demands are unacceptable.", "el"));
        assert!(clearly("莫斯科要求西方承诺乌克兰永远不会加入北约。", "zh"));
        assert!(!clearly(
            "モスクワは、ウクライナがNATOに決して加盟しない。",
            "zh"
        ));
        assert!(clearly(
            "モスクワは、ウクライナに決して加盟しないという約束を求めている。",
            "ja"
        ));
        // Languages without a list are never clear by words.
        assert!(!clearly(
            "Moskva nõuab läänelt lubadust, et Ukraina ei liitu kunagi NATO-ga.",
            "et"
        ));
    }
}

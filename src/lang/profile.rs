//! Per-language knowledge, loaded from the data files in `data/lang/*.toml`.
//!
//! Everything a check needs to know about a language (how it writes numbers, which quotation marks
//! it uses, which abbreviations do not end a sentence, its month names...) lives in one reviewed
//! data file per language, embedded at build time by `build.rs`. Code asks a [`Profile`]; it never
//! tests a language tag itself. A tag with no file of its own falls back to its base language
//! (`pt-BR` → `pt`) and then to a neutral profile that assumes nothing language-specific.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The writing systems concord distinguishes. Detection of a segment's script is exact; only
/// languages that share a script need the language detector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, PartialOrd, Ord)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Devanagari,
    Thai,
    Han,
    Kana,
    Hangul,
    Other,
}

/// One language's profile, as written in its data file. Every field has a documented default so
/// that a file only states what its language needs.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// BCP 47 tag, e.g. `de`, `pt`, `zh`.
    pub tag: String,
    /// English name of the language.
    pub name: String,
    /// Scripts the language is normally written in, main script first. `ja` is `["Han", "Kana"]`.
    #[serde(default)]
    pub scripts: Vec<Script>,
    /// Whether the script distinguishes upper and lower case (false for Arabic, CJK, Thai, ...).
    #[serde(default)]
    pub has_case: bool,
    /// Whether ordinary nouns are capitalised too (German, Luxembourgish): capitalisation is then
    /// weak evidence of a name.
    #[serde(default)]
    pub capitalises_nouns: bool,
    /// Whether words are separated by spaces (false for Chinese, Japanese, Thai).
    #[serde(default = "yes")]
    pub spaces_between_words: bool,
    /// Languages the detector confuses this one with; a detection of one of these on a segment is
    /// not by itself evidence of the wrong language (e.g. `gl` lists `pt` and `es`).
    #[serde(default)]
    pub close_languages: Vec<String>,
    /// Characters (other than white space) of a translation from English per character of the
    /// English, measured over the PUD pairs (de 1.17, zh 0.38). The aligner's expected length
    /// ratio where a document pair is too short to tell its own.
    #[serde(default)]
    pub length_to_english: Option<f64>,
    /// Common words that this language writes and none of its `close_languages` does (Galician
    /// `unha`, `tamén`, `non`; Spanish `y`, `una`, `también`): how a segment in a close language
    /// the detector does not know is told apart. Lower case.
    #[serde(default)]
    pub marker_words: Vec<String>,
    #[serde(default)]
    pub sentences: SentenceRules,
    #[serde(default)]
    pub numbers: NumberRules,
    #[serde(default)]
    pub quotes: QuoteRules,
    #[serde(default)]
    pub names: NameRules,
    #[serde(default)]
    pub dates: DateRules,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SentenceRules {
    /// Characters that end a sentence, besides `.`, `!`, `?` which every language has
    /// (e.g. `。！？` for Chinese, `؟` for Arabic, `।` for Hindi).
    #[serde(default)]
    pub terminators: Vec<String>,
    /// Abbreviations that do not end a sentence, written without their final dot and compared
    /// case-sensitively: `Dr`, `z.B`, `bzw`, `г`, `т.е`.
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Whether a number followed by a dot is an ordinal (`am 5. Januar`, `2. místo`) rather than a
    /// sentence end, when the next word starts in lower case or is a month name.
    #[serde(default)]
    pub ordinal_dot: bool,
    /// Whether a space between two letters of the language's script ends a sentence, as in Thai,
    /// which has no sentence mark: the number of characters a sentence has at least before such
    /// a space ends it (0: spaces end nothing). Spaces also separate clauses, so a short run
    /// stays with the next.
    #[serde(default)]
    pub space_ends_sentence_after: usize,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct NumberRules {
    /// Decimal separator(s), most usual first: `["."]` for English, `[","]` for German.
    #[serde(default)]
    pub decimal: Vec<String>,
    /// Thousands-grouping separators: e.g. `[",", " ", "\u00A0", "\u202F"]` for English,
    /// `[".", " ", "\u00A0", "\u202F"]` for German, `["'", "’"]` added for Swiss usage.
    #[serde(default)]
    pub group: Vec<String>,
    /// Native digit sets besides ASCII that the language uses: any of `arabic-indic`, `persian`,
    /// `devanagari`, `thai`, `fullwidth`, `han` (一二三, 〇).
    #[serde(default)]
    pub digits: Vec<String>,
    /// Scale words and abbreviations with their multiplier, lower-cased as matched:
    /// `thousand = 1e3`, `tsd. = 1e3`, `mio. = 1e6`, `тыс. = 1e3`, `万 = 1e4`.
    /// Inflected forms are listed separately (`тысяч`, `тысячи`, `тысяча`).
    #[serde(default)]
    pub scales: HashMap<String, f64>,
    /// Cardinal number words with their value, lower-cased, all inflected forms that a
    /// newspaper would use: `one = 1`, `eins = 1`, `ein = 1`, `drei = 3`, `zwanzig = 20`,
    /// `hundert = 100`. Tens and units that are written as one word (`dreiundzwanzig`) are found
    /// by decomposing the word into these and `joiners`.
    #[serde(default)]
    pub words: HashMap<String, f64>,
    /// Words that join tens and units inside a compound number word (`und`, `en`, `ën`).
    #[serde(default)]
    pub joiners: Vec<String>,
    /// Suffixes that make a numeral an ordinal when attached to digits: `st nd rd th` (en),
    /// `er e re ème` (fr), `-й -го -я` (ru), `.` (de: handled with `ordinal_dot`).
    #[serde(default)]
    pub ordinal_suffixes: Vec<String>,
    /// Ordinal words with their value: `first = 1`, `second = 2`, `erste = 1`.
    #[serde(default)]
    pub ordinal_words: HashMap<String, f64>,
    /// Words meaning per cent: `percent`, `per cent`, `prozent`, `процент`, `процента`.
    #[serde(default)]
    pub percent_words: Vec<String>,
    /// Words meaning per cent that come before the number: Turkish `yüzde on` (ten per cent).
    #[serde(default)]
    pub percent_words_before: Vec<String>,
    /// Clitics written attached before a number word, stripped before it is looked up: the
    /// Arabic article and conjunction (`العشرين` = `ال` + `عشرين`), Hebrew `ה`, `ו`.
    #[serde(default)]
    pub word_prefixes: Vec<String>,
    /// Whether an ordinal word takes tens after it, as a cardinal does: Arabic `الخامس عشر`
    /// (15th), `الخامس والأربعين` (45th).
    #[serde(default)]
    pub ordinal_compounds: bool,
    /// Number stems that begin compound adjectives, with their value: German `zwei`
    /// (zweimonatig), Czech `tří` (tříprocentní), Russian `двух` (двухмесячный). Read as weak
    /// evidence, like every number in words.
    #[serde(default)]
    pub compound_stems: HashMap<String, f64>,
    /// Suffixes that make an ordinal word from a cardinal word or an `ordinal_stems` entry:
    /// French `ième` (quinzième), Italian `esimo` (sedicesimo), Czech case endings (pátém).
    #[serde(default)]
    pub ordinal_word_suffixes: Vec<String>,
    /// Ordinal stems that take `ordinal_word_suffixes`, with their value: Czech `pát = 5`.
    #[serde(default)]
    pub ordinal_stems: HashMap<String, f64>,
    /// Words for `century`, lower-cased: a single Roman `V` or `X` before one is a number
    /// (`V secolo`, `X siècle`).
    #[serde(default)]
    pub century_words: Vec<String>,
    /// Whether ordinal words are made from the cardinal words by `ordinal_word_suffixes`
    /// (French `quinzième` from `quinze`, Italian `sedicesimo`, Hindi `पांचवीं`).
    #[serde(default)]
    pub ordinals_from_cardinals: bool,
    /// Words that add half the scale after a number with one, lower-cased: `et demi` (`1 million
    /// et demi` = 1.5 million), `e mezzo`, `y medio`.
    #[serde(default)]
    pub half_words: Vec<String>,
    /// The first two letters of every listed word, stem and clitic, filled on first use: a word
    /// that starts otherwise is not a number word, which spares the decomposition for most words.
    #[serde(skip)]
    pub starts: std::sync::OnceLock<std::collections::HashSet<String>>,
    /// Words that begin with a number but are not one, lower-cased: Czech `století` (century,
    /// `sto` + `letí`).
    #[serde(default)]
    pub not_number_words: Vec<String>,
    /// Whether units are written before the tens in separate words (Arabic `أربعة عشر` 14,
    /// `خمسة وأربعون` 45).
    #[serde(default)]
    pub units_before_tens: bool,
    /// Lower-case words that may be joined by a hyphen to a number that stays a quantity:
    /// `mid` (mid-1980s), `pre`, `post`. Any other word so joined makes a code (`F-16`).
    #[serde(default)]
    pub hyphen_prefixes: Vec<String>,
    /// Case endings written on number words, stripped (longest first) to find the stem in
    /// `words` or `stems`: Finnish `kahde|ssa`, `kymmene|stä`; Hungarian `két|szer`.
    #[serde(default)]
    pub word_suffixes: Vec<String>,
    /// Oblique stems that take `word_suffixes` but are not words alone, with their value:
    /// Finnish `kahde = 2` (kahdessa, kahden), `yhde = 1`, `kymmene = 10`.
    #[serde(default)]
    pub stems: HashMap<String, f64>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct QuoteRules {
    /// Quotation mark pairs `[open, close]` the language uses, primary first, nested after:
    /// `[["„", "“"], ["‚", "‘"]]` for German.
    #[serde(default)]
    pub pairs: Vec<[String; 2]>,
    /// Whether the language may mark direct speech with a dash instead of quotation marks: at
    /// the start of the segment or after a colon, up to a dash before the attribution or the
    /// end (`— To katastrofa — powiedziała.`, `—Es un desastre —dijo.`, `— Это так, — сказал.`).
    #[serde(default)]
    pub speech_dash: bool,
    /// Phrases that introduce reported (indirect) speech, a speech verb with its complementizer
    /// (`dijo que`, `कहा कि`, `сказал, что`), compared case-insensitively. A quotation whose
    /// marks are lost in a target that has one was most likely turned into reported speech, a
    /// translator's choice: a warning, not an error.
    #[serde(default)]
    pub reported_speech: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct NameRules {
    /// Endings that grammar attaches to names (case endings, possessives, suffixes after an
    /// apostrophe), longest first is not required: `s` (de Obamas), `а у ом ым е` (ru),
    /// `'a 'ya 'nın` (tr).
    #[serde(default)]
    pub suffixes: Vec<String>,
    /// Capitalised words that are not names: sentence-initial function words are handled
    /// generally, but titles, nationality adjectives and the like that the language capitalises
    /// (`Mr`, `President`, `Russian`, `Monday`) are listed here so they are not taken for names.
    #[serde(default)]
    pub not_names: Vec<String>,
    /// Endings of the words for peoples and nationalities, lower case (English `ish`, `ian`,
    /// `ese`: `Scottish`, `Macedonian`, `Chinese`), which are not the names of persons.
    #[serde(default)]
    pub demonym_endings: Vec<String>,
    /// Endings that make an adjective of a place's name (English `an`: `Tibetan` of Tibet,
    /// `Prussian` of Prussia): such a word does not name the place itself.
    #[serde(default)]
    pub place_adjective_endings: Vec<String>,
    /// Whether the language spells foreign names so irregularly that its spelling cannot be read
    /// back to their sound (English: Ohio, Shackleton, Bellingham): a name from another script
    /// that reads only nearly like its rendering here is not reported as misspelt on that
    /// evidence alone.
    #[serde(default)]
    pub irregular_spelling: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateRules {
    /// Twelve entries, January first; each lists the month's forms, lower-cased: full names in
    /// every case the language uses, and abbreviations (`["januar", "jan", "jänner"]`).
    #[serde(default)]
    pub months: Vec<Vec<String>>,
    /// Seven entries, Monday first; each lists the weekday's forms, lower-cased.
    #[serde(default)]
    pub weekdays: Vec<Vec<String>>,
    /// How the language capitalises month and weekday names: `capital` (en, de: a lower-case
    /// `may` is a verb), `lower` (fr, es, ru: a capitalised `Mars` inside a sentence is a name,
    /// not the month) or `any` (the default).
    #[serde(default)]
    pub case: DateCase,
    /// Forms that count as a month or weekday only next to a day, a year or another date word,
    /// or after one of `cues`; compared case-sensitively, as written in running text: `May`
    /// (en: Theresa May), `aralık` (tr: interval), `segunda` (pt: second).
    #[serde(default)]
    pub ambiguous: Vec<String>,
    /// Words that, just before an ambiguous form, make it a date: `in`, `since` (en), `في` (ar).
    #[serde(default)]
    pub cues: Vec<String>,
    /// Words that may stand between the parts of one date, lower-cased: `de` (es
    /// `5 de enero de 2024`), `of` (en `the 5th of May`), `den` (de `Montag, den 5. Januar`).
    #[serde(default)]
    pub connectors: Vec<String>,
    /// Clitics written attached before a month or weekday name: ar `و` `ب`, he `ב` `ו`.
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// The orders in which the language writes numeric dates, most usual first: `dmy`
    /// (`05.01.2024`), `mdy` (`1/5/2024`), `ymd` (`2024-01-05`). An ambiguous date is read in
    /// every order listed. Default: `["dmy", "ymd"]`.
    #[serde(default = "day_month_year")]
    pub numeric_order: Vec<String>,
    /// Words or characters that mark a number as a year, month or day: CJK `年 月 日`, Korean
    /// `년 월 일` (written after the number), Vietnamese `năm tháng ngày` (before it).
    #[serde(default)]
    pub markers: DateMarkers,
    /// Calendar eras whose years are not the Gregorian ones: Thai `พ.ศ.` (Buddhist era, 2567 =
    /// 2024), Japanese `令和` (令和6年 = 2024).
    #[serde(default)]
    pub eras: Vec<Era>,
}

fn day_month_year() -> Vec<String> {
    vec!["dmy".into(), "ymd".into()]
}

impl Default for DateRules {
    fn default() -> DateRules {
        DateRules {
            months: Vec::new(),
            weekdays: Vec::new(),
            case: DateCase::Any,
            ambiguous: Vec::new(),
            cues: Vec::new(),
            connectors: Vec::new(),
            prefixes: Vec::new(),
            numeric_order: day_month_year(),
            markers: DateMarkers::default(),
            eras: Vec::new(),
        }
    }
}

/// How a language writes the first letter of month and weekday names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateCase {
    /// Always capitalised (en, de, el, id).
    Capital,
    /// Lower case except at the start of a sentence (fr, es, it, ru, pl, ...).
    Lower,
    /// Either, or the script has no case.
    #[default]
    Any,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DateMarkers {
    #[serde(default)]
    pub year: Vec<String>,
    #[serde(default)]
    pub month: Vec<String>,
    #[serde(default)]
    pub day: Vec<String>,
    /// Whether the markers stand before the number (vi `tháng 5`) rather than after it
    /// (zh `5月`, ko `5월`).
    #[serde(default)]
    pub before: bool,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Era {
    /// What is written before the year: `พ.ศ.`, `令和`.
    pub markers: Vec<String>,
    /// Added to the era's year to make it Gregorian: -543 (Buddhist era), 2018 (令和).
    pub offset: i32,
    /// A year written without a marker inside a date is in this era when at least this large
    /// (Thai 2400: a Thai `5 มกราคม 2567` is 2024).
    #[serde(default)]
    pub bare_from: Option<i32>,
}

/// The files in `data/lang`, as `(file stem, contents)`, listed by `build.rs`.
static EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/profiles.rs"));

/// All profiles, parsed once. A malformed data file is a bug in the build, caught by the tests.
fn all() -> &'static HashMap<String, Profile> {
    static PROFILES: OnceLock<HashMap<String, Profile>> = OnceLock::new();
    PROFILES.get_or_init(|| {
        EMBEDDED
            .iter()
            .map(|(stem, text)| {
                let profile: Profile = toml::from_str(text)
                    .unwrap_or_else(|e| panic!("data/lang/{stem}.toml is malformed: {e}"));
                assert_eq!(
                    profile.tag, *stem,
                    "data/lang/{stem}.toml declares tag {}",
                    profile.tag
                );
                (profile.tag.clone(), profile)
            })
            .collect()
    })
}

/// The neutral profile used for a language with no data file.
fn neutral() -> &'static Profile {
    static NEUTRAL: OnceLock<Profile> = OnceLock::new();
    NEUTRAL.get_or_init(|| Profile {
        tag: "und".into(),
        name: "Undetermined".into(),
        spaces_between_words: true,
        numbers: NumberRules {
            decimal: vec![".".into(), ",".into()],
            group: vec![" ".into(), "\u{00A0}".into(), "\u{202F}".into()],
            ..Default::default()
        },
        quotes: QuoteRules {
            pairs: vec![
                ["“".into(), "”".into()],
                ["\"".into(), "\"".into()],
                ["«".into(), "»".into()],
            ],
            ..Default::default()
        },
        ..Default::default()
    })
}

/// The profile for a BCP 47 tag: the exact tag, then its primary language subtag, then neutral.
pub fn profile(tag: &str) -> &'static Profile {
    let profiles = all();
    if let Some(p) = profiles.get(tag) {
        return p;
    }
    let base = primary_subtag(tag);
    profiles.get(base.as_str()).unwrap_or_else(neutral)
}

/// Target characters per source character that translations between the two languages usually
/// have, from the profiles' `length_to_english` (both measured against English); `None` where
/// either profile lacks it.
pub fn usual_length_ratio(source_tag: &str, target_tag: &str) -> Option<f64> {
    let of = |tag: &str| profile(tag).length_to_english;
    Some(of(target_tag)? / of(source_tag)?)
}

/// Whether concord has a data file for this tag or its base language.
pub fn is_known(tag: &str) -> bool {
    let profiles = all();
    profiles.contains_key(tag) || profiles.contains_key(primary_subtag(tag).as_str())
}

/// Tags of all languages with a data file, sorted.
pub fn known_tags() -> Vec<&'static str> {
    let mut tags: Vec<&str> = all().keys().map(String::as_str).collect();
    tags.sort_unstable();
    tags
}

/// `pt-BR` → `pt`, `zh-Hans` → `zh`, `DE` → `de`.
pub fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_parses_and_is_consistent() {
        for tag in known_tags() {
            let p = profile(tag);
            assert!(!p.scripts.is_empty(), "{tag}: scripts is empty");
            assert!(
                !p.numbers.decimal.is_empty(),
                "{tag}: numbers.decimal is empty"
            );
            assert!(!p.quotes.pairs.is_empty(), "{tag}: quotes.pairs is empty");
            if !p.dates.months.is_empty() {
                assert_eq!(p.dates.months.len(), 12, "{tag}: months");
            }
            if !p.dates.weekdays.is_empty() {
                assert_eq!(p.dates.weekdays.len(), 7, "{tag}: weekdays");
            }
            for order in &p.dates.numeric_order {
                assert!(
                    ["dmy", "mdy", "ymd"].contains(&order.as_str()),
                    "{tag}: numeric_order {order:?}"
                );
            }
            for d in &p.numbers.decimal {
                assert!(
                    !p.numbers.group.contains(d),
                    "{tag}: {d:?} is both decimal and group separator"
                );
            }
        }
    }

    #[test]
    fn regional_tags_fall_back_to_their_language() {
        assert_eq!(profile("en-GB").tag, "en");
        assert_eq!(profile("xx-unknown").tag, "und");
    }
}

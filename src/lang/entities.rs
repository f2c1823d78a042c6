//! Well-known entities (countries, cities, organisations, people) and how each language writes
//! them, loaded from `data/entities.toml`.
//!
//! Exonyms and translated organisation names cannot be found by transliteration (Moscow / Moskau /
//! 莫斯科, NATO / OTAN / 北约), so they are listed. The file gives base forms only; [`find`] adds
//! what grammar attaches: case endings in cased scripts (Москва → Москве, Moskwa → Moskwie),
//! proclitics in Arabic and Hebrew (الناتو → والناتو, للناتو), and reads Chinese by its syllables so
//! that simplified and traditional characters (美国 / 美國) are the same form.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::extract::script::script_of;
use crate::lang::profile::{primary_subtag, Script};

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Place,
    Country,
    Organisation,
    Person,
    Region,
    Event,
    #[serde(other)]
    Other,
}

/// One entity and its base forms per language.
#[derive(Debug, Clone, Deserialize)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    /// BCP 47 tag → base forms, most usual first.
    #[serde(flatten)]
    pub forms: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
struct EntityFile {
    #[serde(default)]
    entity: Vec<Entity>,
}

static DATA: &str = include_str!("../../data/entities.toml");

/// All entities, parsed once. A malformed file is a bug in the build, caught by the tests.
pub fn all() -> &'static [Entity] {
    static ENTITIES: OnceLock<Vec<Entity>> = OnceLock::new();
    ENTITIES.get_or_init(|| {
        let file: EntityFile =
            toml::from_str(DATA).unwrap_or_else(|e| panic!("data/entities.toml is malformed: {e}"));
        file.entity
    })
}

impl Entity {
    /// The base forms in a language: the exact tag (`zh-Hant`), else its primary subtag (`zh`).
    pub fn forms_in(&self, lang: &str) -> &[String] {
        if let Some(f) = self.forms.get(lang) {
            return f;
        }
        self.forms
            .get(primary_subtag(lang).as_str())
            .map_or(&[], |v| v.as_slice())
    }
}

/// An entity named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMatch {
    /// Index into [`all`].
    pub entity: usize,
    /// Byte span in the text, as written (with any case ending or proclitic).
    pub start: usize,
    pub end: usize,
}

/// Whether `c` belongs inside a word: letters, digits and combining marks (Devanagari vowel
/// signs, Arabic harakat), and the Japanese prolonged sound mark.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || unicode_normalization::char::is_combining_mark(c)
        || c == '\u{30FC}'
        || c == '\u{200C}'
        || c == '\u{200D}'
}

/// The words of a text as byte spans: runs of word characters; apostrophes, hyphens and dots
/// separate words (so `NATO's`, `OVSE-ambassadeur`, `Rusya'nın` yield the name on its own).
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    let mut prev_unspaced = false;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            // Latin in Chinese or Japanese text (`ルカシェビッチOSCE大使`) is a word of its own.
            let unspaced = is_unspaced(c);
            match start {
                None => start = Some(i),
                Some(s) if unspaced != prev_unspaced && !is_combining(c) => {
                    spans.push((s, i));
                    start = Some(i);
                }
                _ => {}
            }
            if !is_combining(c) {
                prev_unspaced = unspaced;
            }
        } else if let Some(s) = start.take() {
            spans.push((s, i));
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

fn is_unspaced(c: char) -> bool {
    matches!(
        script_of(c),
        Some(Script::Han | Script::Kana | Script::Thai)
    ) || c == '\u{30FC}'
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// How forms are matched in a text of this language.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    /// Words with case endings (Latin, Cyrillic, Greek, ...).
    Inflecting,
    /// Words with proclitics and enclitics (Arabic, Hebrew).
    Clitic,
    /// Substrings of text without spaces (Chinese, Japanese, Thai).
    Unspaced,
}

fn mode_of(form: &str) -> Mode {
    match form.chars().find_map(script_of) {
        Some(Script::Arabic | Script::Hebrew) => Mode::Clitic,
        Some(Script::Han | Script::Kana | Script::Thai) => Mode::Unspaced,
        _ => Mode::Inflecting,
    }
}

const ARABIC_PROCLITICS: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "س", "وس",
];
const HEBREW_PROCLITICS: &[&str] = &[
    "", "ה", "ו", "ב", "ל", "מ", "ש", "כ", "וה", "וב", "ול", "ומ", "שה", "שב", "של", "מה", "כש",
];

/// Whether a text word is a form word with the grammar a language attaches to names.
pub fn word_matches(form_word: &str, text_word: &str) -> bool {
    match mode_of(form_word) {
        Mode::Inflecting => inflected_match(form_word, text_word),
        Mode::Clitic => clitic_match(form_word, text_word),
        Mode::Unspaced => form_word == text_word,
    }
}

fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_lowercase())
        && word.chars().any(|c| c.is_uppercase())
}

fn inflected_match(form_word: &str, text_word: &str) -> bool {
    if is_acronym(form_word) {
        return text_word == form_word;
    }
    if is_acronym(text_word) && text_word.chars().count() <= 3 {
        // `US` is not the pronoun `us`, nor `Us` a form of it.
        return false;
    }
    // A name is capitalised wherever the script has case: `pompous` is not `Pompeo`.
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let cased = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_lowercase())
    };
    if capital(form_word) && cased(text_word) && !capital(text_word) {
        return false;
    }
    let f = fold(form_word);
    let t = fold(text_word);
    if f == t {
        return true;
    }
    let fl = f.chars().count();
    if fl < 4 {
        return false;
    }
    if let Some(rest) = t.strip_prefix(f.as_str()) {
        return rest.chars().count() <= 3;
    }
    // A stem ending in a vowel changes it: Москва → Москве, Moskwa → Moskwie, Карибский →
    // Карибским.
    let mut stem: Vec<char> = f.chars().collect();
    for round in 0..2 {
        let Some(&last) = stem.last() else {
            break;
        };
        // A second letter only for an adjective ending (Карибский → Карибским).
        let ok = if round == 0 {
            is_vowel_letter(last) || matches!(last, 'й' | 'ь')
        } else {
            is_vowel_letter(last) && f.ends_with(['й', 'ь'])
        };
        if !ok || stem.len() <= 4 {
            break;
        }
        stem.pop();
        let s: String = stem.iter().collect();
        if let Some(rest) = t.strip_prefix(s.as_str()) {
            let n = rest.chars().count();
            if (1..=3).contains(&n) {
                return true;
            }
        }
    }
    false
}

fn clitic_match(form_word: &str, text_word: &str) -> bool {
    let proclitics = if form_word
        .chars()
        .any(|c| script_of(c) == Some(Script::Hebrew))
    {
        HEBREW_PROCLITICS
    } else {
        ARABIC_PROCLITICS
    };
    // The article is optional: الناتو, ناتو; li + al- is written لل.
    let bare = form_word.strip_prefix("ال").unwrap_or(form_word);
    if bare.chars().count() < 2 {
        return false;
    }
    for p in proclitics {
        let Some(rest) = text_word.strip_prefix(p) else {
            continue;
        };
        let mut options = vec![rest];
        options.extend(rest.strip_prefix("ال"));
        options.extend(rest.strip_prefix("ה"));
        if p.ends_with('ل') {
            options.extend(rest.strip_prefix('ل'));
        }
        for r in options {
            if let Some(tail) = r.strip_prefix(bare) {
                if tail.chars().count() <= 2 {
                    return true;
                }
            }
        }
    }
    false
}

/// Lower case, with accents removed, for comparing Latin, Cyrillic and Greek words.
pub fn fold(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if word.is_ascii() {
        return word.to_ascii_lowercase(); // no marks to strip, nothing to compose
    }
    word.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c) || is_kept_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect::<String>()
        .nfc()
        .collect()
}

/// Marks that make a different letter in Cyrillic (й, ї) rather than an accent.
fn is_kept_mark(c: char) -> bool {
    c == '\u{0306}' || c == '\u{0308}'
}

fn is_vowel_letter(c: char) -> bool {
    "aeiouyáéíóúàèìòùâêîôûäëïöüąęåæøаеёиоуыэюяіїєαεηιουωάέήίόύώ".contains(c)
}

/// One form of one entity in one language, prepared for search.
struct FormRef {
    entity: usize,
    form: String,
    unspaced: bool,
    /// The form's Han syllables (`mei guo` for 美国), read once.
    syllables: Vec<String>,
}

/// The syllables of a Han form, empty unless every character is Han.
fn form_syllables(form: &str) -> Vec<String> {
    if !form.chars().all(|c| script_of(c) == Some(Script::Han)) {
        return Vec::new();
    }
    form.chars()
        .map(|c| any_ascii::any_ascii_char(c).to_ascii_lowercase())
        .collect()
}

/// The forms of one language: spaced forms by the first three letters of their first word (a
/// text word with an ending or a clitic starts with them too), unspaced forms in a list.
#[derive(Default)]
struct LangIndex {
    spaced: std::collections::HashMap<String, Vec<FormRef>>,
    unspaced: Vec<FormRef>,
}

fn key3(folded: &str) -> String {
    folded.chars().take(3).collect()
}

fn lang_index(lang: &str) -> &'static LangIndex {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static INDEX: OnceLock<Mutex<HashMap<String, &'static LangIndex>>> = OnceLock::new();
    let map = INDEX.get_or_init(Default::default);
    let mut map = map.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(ix) = map.get(lang) {
        return ix;
    }
    let mut ix = LangIndex::default();
    for (idx, entity) in all().iter().enumerate() {
        for form in entity.forms_in(lang) {
            if mode_of(form) == Mode::Unspaced {
                ix.unspaced.push(FormRef {
                    entity: idx,
                    form: form.clone(),
                    unspaced: true,
                    syllables: form_syllables(form),
                });
                continue;
            }
            let Some(&(s, e)) = word_spans(form).first() else {
                continue;
            };
            let first = fold(&form[s..e]);
            let first = first
                .strip_prefix("ال")
                .map(str::to_string)
                .unwrap_or(first);
            ix.spaced.entry(key3(&first)).or_default().push(FormRef {
                entity: idx,
                form: form.clone(),
                unspaced: false,
                syllables: Vec::new(),
            });
        }
    }
    let leaked: &'static LangIndex = Box::leak(Box::new(ix));
    map.insert(lang.to_string(), leaked);
    leaked
}

/// Finds the entities named in `text`, a text in language `lang`: the longest form at each place,
/// earliest first.
pub fn find(text: &str, lang: &str) -> Vec<EntityMatch> {
    let index = lang_index(lang);
    let words = word_spans(text);
    let mut found: Vec<EntityMatch> = Vec::new();
    // The index is keyed by a form's first word, so a form found through the word at `wi` can
    // only start there: each candidate is tried at that one place, not over the whole text.
    for (wi, &(s, e)) in words.iter().enumerate() {
        let w = &text[s..e];
        let folded = fold(w);
        let mut keys = vec![key3(&folded)];
        if matches!(mode_of(w), Mode::Clitic) {
            for p in ARABIC_PROCLITICS.iter().chain(HEBREW_PROCLITICS) {
                if let Some(rest) = folded.strip_prefix(p) {
                    keys.push(key3(rest));
                    for art in ["ال", "ل", "ה"] {
                        if let Some(r) = rest.strip_prefix(art) {
                            keys.push(key3(r));
                        }
                    }
                }
            }
        }
        keys.sort();
        keys.dedup();
        for k in keys {
            for f in index.spaced.get(&k).into_iter().flatten() {
                if let Some((start, end)) = form_at(text, &words, wi, &f.form) {
                    found.push(EntityMatch {
                        entity: f.entity,
                        start,
                        end,
                    });
                }
            }
        }
    }
    if !index.unspaced.is_empty() && text.chars().any(|c| mode_of_char(c) == Mode::Unspaced) {
        let syllables = TextSyllables::new(text);
        for f in &index.unspaced {
            debug_assert!(f.unspaced);
            for (start, end) in find_unspaced(text, &f.form, &f.syllables, &syllables) {
                found.push(EntityMatch {
                    entity: f.entity,
                    start,
                    end,
                });
            }
        }
    }
    // Longest first at each start; drop matches inside an earlier, longer one.
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.entity));
    found.dedup();
    let mut out: Vec<EntityMatch> = Vec::new();
    for m in found {
        if out.last().is_some_and(|last| m.start < last.end) {
            continue;
        }
        out.push(m);
    }
    out
}

fn mode_of_char(c: char) -> Mode {
    match script_of(c) {
        Some(Script::Arabic | Script::Hebrew) => Mode::Clitic,
        Some(Script::Han | Script::Kana | Script::Thai) => Mode::Unspaced,
        _ => Mode::Inflecting,
    }
}

/// The Han syllables of a text, read once for all forms.
struct TextSyllables {
    chars: Vec<(usize, char, String)>,
    /// Where each syllable starts, so that a form is compared only where its first syllable is.
    at: std::collections::HashMap<String, Vec<usize>>,
}

impl TextSyllables {
    fn new(text: &str) -> TextSyllables {
        let chars: Vec<(usize, char, String)> = text
            .char_indices()
            .map(|(i, c)| {
                let syl = if script_of(c) == Some(Script::Han) {
                    any_ascii::any_ascii_char(c).to_ascii_lowercase()
                } else {
                    String::new()
                };
                (i, c, syl)
            })
            .collect();
        let mut at: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (k, (_, _, syl)) in chars.iter().enumerate() {
            if !syl.is_empty() {
                at.entry(syl.clone()).or_default().push(k);
            }
        }
        TextSyllables { chars, at }
    }
}

/// Where an unspaced form occurs: as written, else (Han) by its syllables, so that 美國 matches
/// the form 美国.
fn find_unspaced(
    text: &str,
    form: &str,
    form_syl: &[String],
    syllables: &TextSyllables,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if form.chars().count() < 2 {
        // A one-character abbreviation (米, 俄) is too ambiguous to find on its own.
        return out;
    }
    for (i, _) in text.match_indices(form) {
        out.push((i, i + form.len()));
    }
    if !out.is_empty() || form_syl.is_empty() {
        return out;
    }
    let n = form_syl.len();
    let chars = &syllables.chars;
    let starts = syllables
        .at
        .get(&form_syl[0])
        .map_or(&[][..], Vec::as_slice);
    for &i in starts {
        if i + n <= chars.len()
            && (0..n).all(|k| !chars[i + k].2.is_empty() && chars[i + k].2 == form_syl[k])
        {
            let end = chars.get(i + n).map_or(text.len(), |x| x.0);
            out.push((chars[i].0, end));
        }
    }
    out
}

/// Whether the text names this entity (by any form in `lang`).
pub fn names_entity(text: &str, lang: &str, entity: usize) -> bool {
    let words = word_spans(text);
    all()[entity]
        .forms_in(lang)
        .iter()
        .any(|f| !find_form(text, &words, f).is_empty())
}

/// Where a form occurs in a text, as byte spans.
/// The span of `form` (a form written with spaces) if it starts at the text's word `wi`.
fn form_at(text: &str, words: &[(usize, usize)], wi: usize, form: &str) -> Option<(usize, usize)> {
    let form_words: Vec<&str> = word_spans(form).iter().map(|&(s, e)| &form[s..e]).collect();
    if form_words.is_empty() || wi + form_words.len() > words.len() {
        return None;
    }
    let ok = form_words.iter().enumerate().all(|(k, fw)| {
        let (s, e) = words[wi + k];
        word_matches(fw, &text[s..e])
    });
    ok.then(|| (words[wi].0, words[wi + form_words.len() - 1].1))
}

fn find_form(text: &str, words: &[(usize, usize)], form: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if mode_of(form) == Mode::Unspaced {
        return find_unspaced(text, form, &form_syllables(form), &TextSyllables::new(text));
    }
    let form_words: Vec<&str> = word_spans(form).iter().map(|&(s, e)| &form[s..e]).collect();
    if form_words.is_empty() || words.len() < form_words.len() {
        return out;
    }
    for i in 0..=words.len() - form_words.len() {
        let ok = form_words.iter().enumerate().all(|(k, fw)| {
            let (s, e) = words[i + k];
            word_matches(fw, &text[s..e])
        });
        if ok {
            out.push((words[i].0, words[i + form_words.len() - 1].1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_parses_and_every_entity_has_english() {
        assert!(!all().is_empty());
        for e in all() {
            assert!(!e.id.is_empty());
            assert!(!e.forms_in("en").is_empty(), "{} has no English form", e.id);
        }
    }

    fn ids(text: &str, lang: &str) -> Vec<String> {
        find(text, lang)
            .into_iter()
            .map(|m| all()[m.entity].id.clone())
            .collect()
    }

    #[test]
    fn finds_forms_with_grammar_attached() {
        for (lang, text, id) in [
            ("en", "talks with NATO's leaders", "nato"),
            ("en", "demands of the United States.", "united-states"),
            ("ru", "переговоры в Москве", "moscow"),
            ("pl", "w Moskwie", "moscow"),
            ("de", "Moskaus Forderungen", "moscow"),
            ("tr", "NATO'nun kapısı", "nato"),
            ("nl", "OVSE-ambassadeur", "osce"),
            ("ar", "والناتو سيردان", "nato"),
            ("ar", "للناتو", "nato"),
            ("zh", "美國和北約", "united-states"),
            ("zh", "俄罗斯常驻欧安组织代表", "russia"),
            ("ja", "モスクワは", "moscow"),
        ] {
            assert!(ids(text, lang).contains(&id.to_string()), "{lang}: {text}");
        }
    }

    #[test]
    fn does_not_take_common_words_for_entities() {
        assert!(ids("let us go", "en").is_empty());
        assert!(ids("Us and them", "en").is_empty());
        assert!(ids("the moscato wine", "en").is_empty());
    }
}

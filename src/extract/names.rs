//! Name candidates: words that look like proper names in a text.
//!
//! In scripts with case, a candidate is a run of capitalised words (`Sergei Ryabkov`, `Gerry
//! McNeilly`, allowing particles such as `van`, `de`, `al-` inside), with titles, nationality
//! adjectives and other `not_names` of the language, and month and weekday names, left out; an
//! all-capitals acronym (`NATO`, `ОБСЕ`) is a candidate of its own. Whether a capitalised word is a
//! common word after all (sentence-initial, or a German noun) is decided by the check, which knows
//! the document's vocabulary. In scripts without case a text gives fewer candidates: the names of
//! the entity list, katakana runs in Japanese, and runs joined by a middle dot (`谢尔盖·拉夫罗夫`);
//! other renderings of source names are found by the check, which knows what to look for.

use crate::extract::script::script_of;
use crate::lang::entities::{self, is_word_char};
use crate::lang::profile::{primary_subtag, Profile, Script};
use crate::lang::translit;

/// What made a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// A run of capitalised words.
    Capitalised,
    /// An all-capitals word of two letters or more.
    Acronym,
    /// A form from the entity list (`data/entities.toml`).
    Entity,
    /// A run of katakana (Japanese writes foreign names in katakana).
    Katakana,
    /// Han characters joined by a middle dot (`谢尔盖·拉夫罗夫`).
    Joined,
}

/// A proper-name candidate as written, with its matching key.
#[derive(Debug, Clone, PartialEq)]
pub struct NameMention {
    /// As written in the text, e.g. `Sergei Ryabkov`.
    pub text: String,
    /// Normalised key used for matching and alignment anchors: `@id` for an entity, else the
    /// consonant skeleton of the last word (the same for Lavrov, Lawrow, Лавров, ラブロフ).
    pub key: String,
    /// Byte offset of the candidate in the text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    pub kind: NameKind,
    /// Whether the first word starts a sentence (so its capital may be the sentence's).
    pub initial: bool,
    /// Index into [`entities::all`] for an entity.
    pub entity: Option<usize>,
}

/// Lower-case words that may stand inside a name: `Ludwig van Beethoven`, `Omar al-Bashir`.
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "la", "le",
    "al", "el", "bin", "ibn", "ben", "bint", "ter", "ten", "zu", "y", "af", "av", "op",
];

/// Whether the text between two words puts the second at the start of a sentence: after a
/// sentence end (`. `, `? `, `: `), a line break, or an opening quotation mark or dash at the
/// start of a clause (`“If`, `— Sure`), but not after a closing quotation mark and a comma
/// (`,” Mailis said`).
fn starts_sentence(gap: &str) -> bool {
    if gap.contains('\n') {
        return true;
    }
    let trimmed = gap.trim_end();
    let core = trimmed.trim_end_matches([
        '“', '"', '«', '„', '‘', '(', '[', '¡', '¿', '「', '『', ' ', '\u{a0}',
    ]);
    if core.trim_end().ends_with([
        '.', '!', '?', '…', ':', ';', '。', '！', '？', '•', '—', '–',
    ]) {
        return true;
    }
    // Quoted speech opens with a capital: “Makul bir süre…”, « Il faut… ».
    trimmed.ends_with(['“', '«', '„', '「', '『'])
        || (trimmed.ends_with('"')
            && (trimmed.len() == 1 || trimmed[..trimmed.len() - 1].ends_with(char::is_whitespace)))
}

/// A word of the text: its span, and whether it is joined to the word before by a hyphen or an
/// apostrophe (so it cannot start a run) or follows punctuation that breaks a run.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    /// Only spaces between this word and the one before.
    spaced: bool,
    /// Joined to the word before by a hyphen.
    hyphened: bool,
    /// Joined to the word before by an apostrophe (a suffix: `Lavrov'a`, `NATO's`).
    suffix: bool,
    /// Starts a sentence.
    initial: bool,
}

fn words(text: &str) -> Vec<Word> {
    let spans = entities::word_spans(text);
    let mut out = Vec::with_capacity(spans.len());
    let mut prev_end = 0;
    for (i, &(start, end)) in spans.iter().enumerate() {
        let gap = &text[prev_end..start];
        let initial = i == 0 || starts_sentence(gap);
        out.push(Word {
            start,
            end,
            spaced: i > 0 && gap.chars().all(char::is_whitespace) && !gap.contains('\n'),
            hyphened: i > 0 && matches!(gap, "-" | "‐"),
            suffix: i > 0 && matches!(gap, "'" | "’"),
            initial,
        });
        prev_end = end;
    }
    out
}

/// Whether a word is written in capitals: two letters or more, none lower-case (`NATO`, `ОБСЕ`,
/// `AGİT`); Roman numerals excluded.
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word.chars().all(|c| !c.is_lowercase())
        && word.chars().any(char::is_uppercase)
        && !word.chars().all(|c| "IVXLCDM".contains(c))
}

/// A Roman numeral, maybe with an ordinal ending (`VIII`, `XIIIe`, `IIe`).
pub fn is_roman_numeral(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_lowercase());
    let suffix = &word[digits.len()..];
    !digits.is_empty()
        && [
            "", "e", "er", "re", "ème", "eme", "es", "st", "nd", "rd", "th",
        ]
        .contains(&suffix)
        && digits.chars().all(|c| "IVXLCDM".contains(c))
}

/// Whether a word starts with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is a month or weekday name of the language, in any listed form.
pub fn is_date_word(word: &str, profile: &Profile) -> bool {
    let lower = word.to_lowercase();
    profile
        .dates
        .months
        .iter()
        .chain(profile.dates.weekdays.iter())
        .any(|forms| forms.contains(&lower))
}

/// Whether a capitalised word is listed as not a name (titles, nationality adjectives).
pub fn is_not_name(word: &str, profile: &Profile) -> bool {
    profile
        .names
        .not_names
        .iter()
        .any(|n| n == word || n.eq_ignore_ascii_case(word))
}

/// The name candidates of a text in the language of `profile`.
pub fn candidates(text: &str, profile: &Profile) -> Vec<NameMention> {
    candidates_in(text, profile, &profile.tag)
}

/// The name candidates of a text in language `lang` (whose profile may be the neutral one when
/// the language has no data file yet: the entity list is still read by `lang`).
pub fn candidates_in(text: &str, profile: &Profile, lang: &str) -> Vec<NameMention> {
    let lang = primary_subtag(lang);
    let mut out: Vec<NameMention> = Vec::new();
    let found: Vec<entities::EntityMatch> = entities::find_exact(text, &lang)
        .into_iter()
        .filter(|m| !is_not_name(&text[m.start..m.end], profile))
        .collect();
    for m in &found {
        out.push(NameMention {
            text: text[m.start..m.end].to_string(),
            key: format!("@{}", entities::all()[m.entity].id),
            start: m.start,
            end: m.end,
            kind: NameKind::Entity,
            initial: false,
            entity: Some(m.entity),
        });
    }
    let in_entity = |start: usize, end: usize| found.iter().any(|m| start < m.end && m.start < end);

    let ws = words(text);
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<NameMention>| {
        // Particles may not end a run.
        while run
            .last()
            .is_some_and(|&i| !is_capitalised(&text[ws[i].start..ws[i].end]))
        {
            run.pop();
        }
        if let (Some(&first), Some(&last)) = (run.first(), run.last()) {
            let (start, end) = (ws[first].start, ws[last].end);
            let last_word = &text[ws[last].start..ws[last].end];
            out.push(NameMention {
                text: text[start..end].to_string(),
                key: translit::skeleton(last_word, &lang),
                start,
                end,
                kind: NameKind::Capitalised,
                initial: ws[first].initial,
                entity: None,
            });
        }
        run.clear();
    };
    for (i, w) in ws.iter().enumerate() {
        let word = &text[w.start..w.end];
        let script = word.chars().find_map(script_of);
        let cased = matches!(
            script,
            Some(Script::Latin | Script::Cyrillic | Script::Greek | Script::Other)
        );
        if w.suffix || !cased || word.chars().any(|c| c.is_ascii_digit()) {
            // A suffix belongs to the name before it; it neither extends nor breaks the run.
            if !w.suffix {
                flush(&mut run, &mut out);
            }
            continue;
        }
        let joined = w.spaced || w.hyphened;
        if !joined {
            flush(&mut run, &mut out);
        }
        if in_entity(w.start, w.end) {
            flush(&mut run, &mut out);
            continue;
        }
        if is_acronym(word) {
            flush(&mut run, &mut out);
            if !is_not_name(word, profile) {
                out.push(NameMention {
                    text: word.to_string(),
                    key: translit::skeleton(word, &lang),
                    start: w.start,
                    end: w.end,
                    kind: NameKind::Acronym,
                    initial: w.initial,
                    entity: None,
                });
            }
            continue;
        }
        if is_capitalised(word) {
            if word.chars().count() < 2
                || is_not_name(word, profile)
                || is_date_word(word, profile)
                || is_roman_numeral(word)
            {
                flush(&mut run, &mut out);
                continue;
            }
            run.push(i);
            continue;
        }
        let lower = word.to_lowercase();
        if !run.is_empty() && PARTICLES.contains(&lower.as_str()) {
            run.push(i);
            continue;
        }
        flush(&mut run, &mut out);
    }
    flush(&mut run, &mut out);

    out.extend(uncased_candidates(text, &lang, &found));
    out.sort_by_key(|m| (m.start, m.end));
    out
}

/// Katakana runs and dot-joined Han names.
fn uncased_candidates(text: &str, lang: &str, found: &[entities::EntityMatch]) -> Vec<NameMention> {
    let mut out = Vec::new();
    let in_entity = |start: usize, end: usize| found.iter().any(|m| start < m.end && m.start < end);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let is_kata = |c: char| ('\u{30A1}'..='\u{30FA}').contains(&c) || c == 'ー' || c == 'ヴ';
    let is_dot = |c: char| matches!(c, '·' | '・' | '•' | '‧' | '･');
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if is_kata(c) {
            let mut j = i;
            while j < chars.len()
                && (is_kata(chars[j].1)
                    || (is_dot(chars[j].1) && chars.get(j + 1).is_some_and(|&(_, n)| is_kata(n))))
            {
                j += 1;
            }
            let start = chars[i].0;
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            let run = &text[start..end];
            if run.chars().filter(|&c| c != 'ー').count() >= 2 && !in_entity(start, end) {
                let last = run.split(is_dot).next_back().unwrap_or(run);
                out.push(NameMention {
                    text: run.to_string(),
                    key: translit::skeleton(last, lang),
                    start,
                    end,
                    kind: NameKind::Katakana,
                    initial: false,
                    entity: None,
                });
            }
            i = j;
            continue;
        }
        if is_dot(c) && i > 0 && i + 1 < chars.len() {
            let han_name = |c: char| script_of(c) == Some(Script::Han) && translit::is_name_han(c);
            if han_name(chars[i - 1].1) && han_name(chars[i + 1].1) {
                let mut a = i;
                while a > 0 && han_name(chars[a - 1].1) && i - (a - 1) <= 4 {
                    a -= 1;
                }
                let mut b = i + 1;
                while b < chars.len()
                    && (han_name(chars[b].1)
                        || (is_dot(chars[b].1)
                            && chars.get(b + 1).is_some_and(|&(_, n)| han_name(n))))
                {
                    b += 1;
                }
                let start = chars[a].0;
                let end = chars.get(b).map_or(text.len(), |&(x, _)| x);
                let run = &text[start..end];
                if !in_entity(start, end) {
                    let last = run.split(is_dot).next_back().unwrap_or(run);
                    out.push(NameMention {
                        text: run.to_string(),
                        key: translit::skeleton(last, lang),
                        start,
                        end,
                        kind: NameKind::Joined,
                        initial: false,
                        entity: None,
                    });
                }
                i = b;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The capitalised words of a text (not suffixes after an apostrophe) as `(start, end,
/// sentence-initial)`.
pub fn capitalised_words(text: &str) -> Vec<(usize, usize, bool)> {
    words(text)
        .into_iter()
        .filter(|w| !w.suffix && is_capitalised(&text[w.start..w.end]))
        .map(|w| (w.start, w.end, w.initial))
        .collect()
}

/// The words of a candidate that can be names on their own: its words without particles, each
/// cut at an apostrophe (`Lavrov'a` → `Lavrov`), with byte offsets relative to the candidate.
pub fn name_words(mention: &str) -> Vec<(usize, usize)> {
    let dots = |c: char| matches!(c, '·' | '・' | '•' | '‧' | '･');
    if mention.chars().any(dots) {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in mention.char_indices() {
            if dots(c) {
                if i > start {
                    out.push((start, i));
                }
                start = i + c.len_utf8();
            }
        }
        if start < mention.len() {
            out.push((start, mention.len()));
        }
        return out;
    }
    entities::word_spans(mention)
        .into_iter()
        .filter(|&(s, e)| {
            let w = &mention[s..e];
            let after_apostrophe = s > 0 && mention[..s].ends_with(['\'', '’']);
            let particle = PARTICLES.contains(&w) && !is_capitalised(w);
            !after_apostrophe && !particle
        })
        .filter(|&(s, e)| mention[s..e].chars().all(is_word_char))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::profile;

    fn texts(text: &str, lang: &str) -> Vec<String> {
        candidates_in(text, profile(lang), lang)
            .into_iter()
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn capitalised_runs_without_titles() {
        assert_eq!(
            texts(
                "According to Deputy Foreign Minister Sergei Ryabkov, the talks failed.",
                "en"
            ),
            ["According", "Sergei Ryabkov"]
        );
        assert_eq!(
            texts(
                "It remains to be seen which path Vladimir Putin will choose.",
                "en"
            ),
            ["It", "Vladimir Putin"]
        );
        assert_eq!(
            texts("Ludwig van Beethoven wrote it on Monday.", "en"),
            ["Ludwig van Beethoven"]
        );
    }

    #[test]
    fn acronyms_entities_and_suffixes() {
        let t = texts(
            "Russian OSCE ambassador Lukashevich warned NATO's allies.",
            "en",
        );
        assert_eq!(t, ["OSCE", "Lukashevich", "NATO"]);
        let t = texts("Rusya Dışişleri Bakanı Sergey Lavrov'a göre", "tr");
        assert!(t.contains(&"Sergey Lavrov".to_string()), "{t:?}");
        let m = candidates_in(
            "Earlier, talks were held with NATO and the United States.",
            profile("en"),
            "en",
        );
        assert!(m
            .iter()
            .any(|m| m.key == "@united-states" && m.text == "United States"));
        assert!(m.iter().any(|m| m.text == "Earlier" && m.initial));
    }

    #[test]
    fn uncased_scripts() {
        let t = texts("ロシアのセルゲイ・ラブロフ外相は述べた。", "ja");
        assert!(t.contains(&"セルゲイ・ラブロフ".to_string()), "{t:?}");
        assert!(t.contains(&"ロシア".to_string()), "{t:?}");
        let t = texts("俄罗斯外长谢尔盖·拉夫罗夫表示", "zh");
        assert!(t.contains(&"谢尔盖·拉夫罗夫".to_string()), "{t:?}");
    }

    #[test]
    fn keys_are_shared_across_scripts() {
        let key = |text: &str, lang: &str| {
            candidates_in(text, profile(lang), lang)
                .into_iter()
                .last()
                .map(|m| m.key)
                .unwrap_or_default()
        };
        let k = key("said Lavrov", "en");
        assert_eq!(key("sagte Lawrow", "de"), k);
        assert_eq!(key("сказал Лавров", "ru"), k);
        assert_eq!(key("セルゲイ・ラブロフ", "ja"), k);
    }

    #[test]
    fn name_words_cut_suffixes_and_particles() {
        let m = "Ludwig van Beethoven";
        let w: Vec<&str> = name_words(m).into_iter().map(|(s, e)| &m[s..e]).collect();
        assert_eq!(w, ["Ludwig", "Beethoven"]);
        let m = "セルゲイ・ラブロフ";
        let w: Vec<&str> = name_words(m).into_iter().map(|(s, e)| &m[s..e]).collect();
        assert_eq!(w, ["セルゲイ", "ラブロフ"]);
    }
}

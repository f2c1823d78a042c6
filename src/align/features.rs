//! What the aligner sees of a sentence: its length and the language-independent cues that survive
//! translation, as hashed keys.
//!
//! Cues are computed from the text alone, with no language data: numbers written in digits, the
//! first four letters of words of four letters or more after transliteration to ASCII (cognates
//! and names: `Expedition`/`expédition`, `Лавров`/`Lavrov`), acronyms in capitals, and the class
//! of a sentence's final punctuation (`?`, `!`, `:`, a closing quotation mark). The extractor's
//! anchor keys (numbers by value, names) are kept as a cue of their own.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::AlignUnit;

/// A hash map keyed by cue keys and word hashes, which are hashes already: one multiplication
/// mixes them enough (SipHash would be a third of the aligner's time on long documents).
pub(crate) type KeyMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The kinds of cue, each with its own reliability (how often it survives translation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyKind {
    /// A run of digits.
    Number = 0,
    /// An anchor key from `extract` (number by value, name after transliteration).
    Anchor = 1,
    /// An all-capitals token (`UNESCO`, `SSE`).
    Acronym = 2,
    /// The first four letters of a word of four letters or more, in ASCII lower case.
    Cognate = 3,
    /// The class of a sentence's final punctuation.
    Punct = 4,
    /// A word pair of the lexicon learnt from a first alignment (see `lexicon`).
    Lexicon = 5,
}

pub(crate) const KIND_COUNT: usize = 6;
const KIND_SHIFT: u32 = 60;

impl KeyKind {
    pub(crate) fn of_key(key: u64) -> KeyKind {
        match key >> KIND_SHIFT {
            0 => KeyKind::Number,
            1 => KeyKind::Anchor,
            2 => KeyKind::Acronym,
            3 => KeyKind::Cognate,
            4 => KeyKind::Punct,
            _ => KeyKind::Lexicon,
        }
    }

    /// A key of this kind from any 64-bit hash.
    pub(crate) fn key(self, hash: u64) -> u64 {
        (hash & ((1u64 << KIND_SHIFT) - 1)) | ((self as u64) << KIND_SHIFT)
    }
}

/// FNV-1a: a fast, deterministic hash for the cue keys (the same text gives the same key on both
/// sides and in every run).
pub(crate) fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// One sentence, or a run of consecutive sentences merged for a coarse pass.
#[derive(Debug, Clone, Default)]
pub(crate) struct Unit {
    /// Characters other than white space (so that tokenized and untokenized text, and scripts
    /// written without spaces, are measured alike).
    pub len: f64,
    /// Cue keys, sorted and without duplicates.
    pub keys: Vec<u64>,
    /// The key of the last sentence's final punctuation, if it is one translators keep. Unlike
    /// the other cues it is compared only between the last sentences of a bead's two sides: a
    /// question mark inside a merged group says nothing.
    pub end: Option<u64>,
    /// Hashed word stems and cognate prefixes, for learning a lexicon (see `lexicon`); empty in
    /// merged units.
    pub words: Vec<(u64, u64)>,
    /// Paragraph of the first and of the last sentence.
    pub first_para: usize,
    pub last_para: usize,
    /// Whether the first sentence opens its paragraph.
    pub opens_para: bool,
}

/// The units of one document.
pub(crate) fn units(sentences: &[AlignUnit]) -> Vec<Unit> {
    let mut out = Vec::with_capacity(sentences.len());
    for (i, s) in sentences.iter().enumerate() {
        let mut keys = text_keys(s.text);
        let numbers = number_anchors(s.text);
        keys.extend(
            s.anchors
                .iter()
                .filter(|a| !numbers.contains(a))
                .map(|&a| KeyKind::Anchor.key(a)),
        );
        keys.sort_unstable();
        keys.dedup();
        out.push(Unit {
            len: s.text.chars().filter(|c| !c.is_whitespace()).count() as f64,
            keys,
            end: final_punct(s.text).map(|class| KeyKind::Punct.key(fnv1a(&[&[class]]))),
            words: super::lexicon::words(s.text),
            first_para: s.paragraph,
            last_para: s.paragraph,
            opens_para: i == 0 || sentences[i - 1].paragraph != s.paragraph,
        });
    }
    out
}

/// The anchor keys the extractor gives the whole numbers written in digits in `text`
/// (`extract::number_anchor_key`): those numbers are cues already,
/// as digit runs, and must not count twice. The extractor's other anchors (names, and numbers
/// read with a scale word or a decimal separator) are cues of their own kind, whose reliability
/// is estimated apart from that of numbers.
fn number_anchors(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        match digit_value(c) {
            Some(d) => run.push(char::from(b'0' + d as u8)),
            None if !run.is_empty() => {
                if let Ok(v) = run.parse::<f64>() {
                    out.push(crate::extract::number_anchor_key(v));
                }
                run.clear();
            }
            None => {}
        }
    }
    out
}

/// Letters of scripts written without spaces between words, where a "word" found between spaces
/// is a whole phrase and its first letters are no cognate.
pub(crate) fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF       // Thai, Lao
        | 0x1000..=0x109F     // Myanmar
        | 0x1780..=0x17FF     // Khmer
        | 0x3040..=0x30FF     // Kana
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF     // Han
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F
        | 0x20000..=0x2FA1F
        | 0xAC00..=0xD7AF     // Hangul (spaced, but syllable blocks transliterate poorly)
    )
}

/// The cue keys of one sentence's text.
pub(crate) fn text_keys(text: &str) -> Vec<u64> {
    let mut keys = Vec::new();
    for token in text.split(|c: char| !c.is_alphanumeric()) {
        if token.is_empty() {
            continue;
        }
        // Digits (of any script) and letters may be glued ("8848m", "F-16" is split already).
        if token.chars().any(|c| digit_value(c).is_some()) {
            // Runs of digits, leading zeros dropped: "0830" and "830" are the same number.
            let mut run = String::new();
            let mut push = |run: &mut String| {
                if !run.is_empty() {
                    let trimmed = run.trim_start_matches('0');
                    let value = if trimmed.is_empty() { "0" } else { trimmed };
                    keys.push(KeyKind::Number.key(fnv1a(&[value.as_bytes()])));
                    run.clear();
                }
            };
            for c in token.chars() {
                match digit_value(c) {
                    Some(d) => run.push(char::from(b'0' + d as u8)),
                    None => push(&mut run),
                }
            }
            push(&mut run);
        }
        let letters = token.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 0 || token.chars().any(is_unspaced_script) {
            continue;
        }
        let upper = token.chars().filter(|c| c.is_uppercase()).count();
        if letters >= 2 && upper == letters {
            keys.push(KeyKind::Acronym.key(fnv1a(&[token.as_bytes()])));
        }
        if let Some(prefix) = cognate_prefix(token) {
            keys.push(KeyKind::Cognate.key(fnv1a(&[prefix.as_bytes()])));
        }
    }
    keys
}

/// The first four letters of a word of four letters or more, transliterated to ASCII and in lower
/// case (`Expédition` → `expe`, `Лавров` → `lavr`); none for scripts written without spaces.
pub(crate) fn cognate_prefix(token: &str) -> Option<String> {
    if token.chars().filter(|c| c.is_alphabetic()).count() < 4
        || token.chars().any(is_unspaced_script)
    {
        return None;
    }
    let prefix: String = any_ascii::any_ascii(token)
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .take(4)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (prefix.len() == 4).then_some(prefix)
}

/// The value of a decimal digit of any common script (ASCII, Arabic-Indic, Devanagari, Bengali,
/// Thai, full-width...).
fn digit_value(c: char) -> Option<u32> {
    const ZEROS: [u32; 9] = [
        0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0xED0, 0x1040, 0xFF10,
    ];
    let cp = c as u32;
    ZEROS
        .iter()
        .find(|&&z| (z..z + 10).contains(&cp))
        .map(|&z| cp - z)
}

/// The class of a sentence's final punctuation, if it is one that translators keep: a question,
/// an exclamation, a colon (a list or a quotation follows), or a closing quotation mark.
fn final_punct(text: &str) -> Option<u8> {
    let last = text.trim_end().chars().last()?;
    match last {
        '?' | '？' | '؟' => Some(b'?'),
        '!' | '！' => Some(b'!'),
        ':' | '：' => Some(b':'),
        '"' | '\'' | '»' | '«' | '”' | '“' | '’' | '„' | '」' | '』' | '›' => {
            Some(b'"')
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<KeyKind> {
        text_keys(text).into_iter().map(KeyKind::of_key).collect()
    }

    #[test]
    fn numbers_cognates_and_acronyms() {
        let de = text_keys("Die Expedition der UNO erreichte 8848 m?");
        let fr = text_keys("L'expédition de l'UNO atteignit 8848 m ?");
        let shared: Vec<_> = de
            .iter()
            .filter(|k| fr.contains(k))
            .map(|&k| KeyKind::of_key(k))
            .collect();
        assert!(shared.contains(&KeyKind::Number));
        assert!(shared.contains(&KeyKind::Acronym));
        assert!(shared.contains(&KeyKind::Cognate));
    }

    #[test]
    fn final_punctuation_classes() {
        assert_eq!(final_punct("Wer war es ?"), Some(b'?'));
        assert_eq!(final_punct("谁？"), Some(b'?'));
        assert_eq!(final_punct("Er sagte: «Nein.»"), Some(b'"'));
        assert_eq!(final_punct("Es sind drei :"), Some(b':'));
        assert_eq!(final_punct("Fertig."), None);
    }

    #[test]
    fn transliterated_names_share_a_key() {
        let ru = text_keys("Лавров приехал");
        let en = text_keys("Lavrov arrived");
        assert!(ru.iter().any(|k| en.contains(k)));
    }

    #[test]
    fn cjk_runs_give_no_cognates() {
        assert!(!kinds("拉夫罗夫今天抵达了莫斯科").contains(&KeyKind::Cognate));
        assert!(kinds("２０２２年").contains(&KeyKind::Number));
    }
}

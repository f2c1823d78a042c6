//! Script statistics of a text: how many letters of each writing system it has.
//!
//! Deciding a segment's script is exact and cheap; the language detector is only asked where two
//! languages share a script.

use crate::lang::profile::Script;

/// Letter counts per script.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScriptStats {
    pub counts: Vec<(Script, usize)>,
    pub letters: usize,
}

/// The script of one character, or `None` for digits, punctuation, spaces and symbols.
pub fn script_of(c: char) -> Option<Script> {
    let cp = c as u32;
    let s = match cp {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0xAA | 0xBA => return None,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x5D0..=0x5EA | 0x5F0..=0x5F2 | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x620..=0x64A
        | 0x66E..=0x6D3
        | 0x6FA..=0x6FF
        | 0x750..=0x77F
        | 0xFB50..=0xFDFF
        | 0xFE70..=0xFEFF => Script::Arabic,
        0x900..=0x963 | 0x971..=0x97F => Script::Devanagari,
        0xE01..=0xE4E => Script::Thai,
        0x3040..=0x309F | 0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F
        | 0x3005
        | 0x3007 => Script::Han,
        0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => Script::Hangul,
        _ if c.is_alphabetic() => Script::Other,
        _ => return None,
    };
    Some(s)
}

impl ScriptStats {
    pub fn of(text: &str) -> ScriptStats {
        let mut stats = ScriptStats::default();
        for c in text.chars() {
            if let Some(s) = script_of(c) {
                stats.bump(s, 1);
            }
        }
        stats
    }

    fn bump(&mut self, script: Script, n: usize) {
        self.letters += n;
        match self.counts.iter_mut().find(|(s, _)| *s == script) {
            Some((_, c)) => *c += n,
            None => self.counts.push((script, n)),
        }
    }

    pub fn add(&mut self, other: &ScriptStats) {
        for &(s, n) in &other.counts {
            self.bump(s, n);
        }
    }

    pub fn count(&self, script: Script) -> usize {
        self.counts
            .iter()
            .find(|(s, _)| *s == script)
            .map_or(0, |(_, n)| *n)
    }

    /// The share of letters written in any of `scripts`.
    pub fn share(&self, scripts: &[Script]) -> f64 {
        if self.letters == 0 {
            return 0.0;
        }
        let n: usize = scripts.iter().map(|s| self.count(*s)).sum();
        n as f64 / self.letters as f64
    }

    /// The script with the most letters.
    pub fn dominant(&self) -> Option<Script> {
        self.counts
            .iter()
            .max_by_key(|(s, n)| (*n, std::cmp::Reverse(*s)))
            .map(|(s, _)| *s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_of_many_writing_systems() {
        for (text, script) in [
            ("Lavrov", Script::Latin),
            ("Лавров", Script::Cyrillic),
            ("Λαβρόφ", Script::Greek),
            ("لافروف", Script::Arabic),
            ("לברוב", Script::Hebrew),
            ("लावरोव", Script::Devanagari),
            ("ลาวรอฟ", Script::Thai),
            ("拉夫罗夫", Script::Han),
            ("ラブロフ", Script::Kana),
            ("라브로프", Script::Hangul),
        ] {
            assert_eq!(ScriptStats::of(text).dominant(), Some(script), "{text}");
        }
    }

    #[test]
    fn digits_and_punctuation_are_not_letters() {
        assert_eq!(ScriptStats::of("100 000, 57!").letters, 0);
    }
}

//! Dates: every date, month and weekday a text states, as a value.
//!
//! A date is read as `(year?, month?, day?, weekday?)`, whatever its spelling: month and weekday
//! names in every form the language profile lists (`5. Januar`, `5 января`, `5 de enero de
//! 2024`, `January 5, 2024`, `21 تشرين الأول`, `Ekim'de`), numeric dates in the orders the
//! language uses (`05.01.2024`, `1/5/2024`, `2024-01-05`), numbers marked as year, month and day
//! (`2024年1月5日`, `1월 5일`, `十二月二十五日`), and years of other eras (`พ.ศ. 2567`, `令和6年`).
//!
//! A month or weekday name alone is a date too (`in May`, `am Montag`), unless the profile marks
//! the form as ambiguous (`May` is also a name, `aralık` a common word) or it is an abbreviation:
//! those count only next to a day or a year. Days and years are only taken next to a month, so
//! that `5 people` or `in 2019` stay numbers.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::extract::script::script_of;
use crate::lang::profile::{self, DateCase, Profile, Script};

/// The parts of a date that a text states; a part it does not state is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct DateValue {
    pub year: Option<i32>,
    /// 1 (January) to 12.
    pub month: Option<u8>,
    /// 1 to 31.
    pub day: Option<u8>,
    /// 1 (Monday) to 7 (Sunday).
    pub weekday: Option<u8>,
}

/// One date in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// As written, from its first part to its last (`Monday, January 5, 2024`).
    pub text: String,
    /// Byte offsets of the text in the sentence.
    pub start: usize,
    pub end: usize,
    /// Its possible values: one for a date in words, one per order for an ambiguous numeric date
    /// (`1/5/2024` in English is 5 January or 1 May). Never empty.
    pub readings: Vec<DateValue>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl DateValue {
    /// Whether the two values state no part differently (a part one of them lacks agrees).
    pub fn compatible(&self, other: &DateValue) -> bool {
        fn same<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        same(self.year, other.year)
            && same(self.month, other.month)
            && same(self.day, other.day)
            && same(self.weekday, other.weekday)
    }
}

/// `Monday 5 January 2024`, `January`, `5 January`: the value in English, for messages.
impl std::fmt::Display for DateValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts = Vec::new();
        if let Some(w) = self.weekday {
            parts.push(WEEKDAYS[usize::from(w) - 1].to_string());
        }
        if let Some(d) = self.day {
            parts.push(d.to_string());
        }
        if let Some(m) = self.month {
            parts.push(MONTHS[usize::from(m) - 1].to_string());
        }
        if let Some(y) = self.year {
            parts.push(y.to_string());
        }
        f.write_str(&parts.join(" "))
    }
}

/// English name of a month (1–12), for messages.
pub fn month_name(month: u8) -> &'static str {
    MONTHS[usize::from(month.clamp(1, 12)) - 1]
}

/// English name of a weekday (1 = Monday), for messages.
pub fn weekday_name(weekday: u8) -> &'static str {
    WEEKDAYS[usize::from(weekday.clamp(1, 7)) - 1]
}

/// Extracts the dates of one text in the language described by `profile`.
pub fn extract(text: &str, profile: &Profile) -> Vec<DateMention> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    if chars.is_empty() {
        return Vec::new();
    }
    let scan = Scanner {
        text,
        chars: &chars,
        profile,
        lexicon: lexicon(profile),
    };
    let (items, numeric) = scan.items();
    let mut found = scan.assemble(&items);
    found.extend(numeric);
    found.sort_by_key(|d| d.start);
    found
}

// ---------------------------------------------------------------------------------------------
// The profile's names, compiled once per language.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Month(u8),
    Weekday(u8),
}

#[derive(Debug)]
struct Form {
    chars: Vec<char>,
    part: Part,
    /// A shortened form (`jan`, `sept`, `mo`, `ม.ค`): a date only next to a day or year.
    abbreviation: bool,
    /// Written in a script without spaces (Han, Kana, Thai): no word boundaries to check.
    unspaced: bool,
}

#[derive(Debug, Default)]
struct Lexicon {
    /// Forms by their first (folded) character, longest first.
    forms: HashMap<char, Vec<Form>>,
    prefixes: Vec<Vec<char>>,
    connectors: Vec<Vec<char>>,
    cues: Vec<String>,
}

/// Case-folds one character for matching: lower case, final sigma as sigma, apostrophes as `'`.
fn fold(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'ς' => 'σ',
        '’' | 'ʼ' | '`' | '´' => '\'',
        _ => lower,
    }
}

fn folded(s: &str) -> Vec<char> {
    s.chars().map(fold).collect()
}

fn lexicon(profile: &Profile) -> &'static Lexicon {
    static ALL: OnceLock<HashMap<String, Lexicon>> = OnceLock::new();
    static EMPTY: OnceLock<Lexicon> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        profile::known_tags()
            .into_iter()
            .map(|tag| (tag.to_string(), compile(profile::profile(tag))))
            .collect()
    });
    all.get(&profile.tag)
        .unwrap_or_else(|| EMPTY.get_or_init(Lexicon::default))
}

fn compile(profile: &Profile) -> Lexicon {
    let rules = &profile.dates;
    let mut all: Vec<(Vec<char>, Part, bool)> = Vec::new();
    let lists = rules
        .months
        .iter()
        .enumerate()
        .map(|(i, forms)| (Part::Month(i as u8 + 1), forms))
        .chain(
            rules
                .weekdays
                .iter()
                .enumerate()
                .map(|(i, forms)| (Part::Weekday(i as u8 + 1), forms)),
        );
    for (part, forms) in lists {
        let first = forms.first().map(|f| folded(f)).unwrap_or_default();
        for form in forms {
            let chars = folded(form);
            if chars.is_empty() {
                continue;
            }
            // Shortened forms: in the scripts that abbreviate so, a prefix of the full name that
            // is short or much shorter (`jan`, `sept`, `янв`, `paźdz`; but the accusative
            // `νοέμβριο` of `νοέμβριος` is a full name, and so is the Maghrebi `ماي`), or a
            // dotted form (`ม.ค`).
            let cased_script = matches!(
                script_of(chars[0]),
                Some(Script::Latin | Script::Cyrillic | Script::Greek)
            );
            let short = chars.len() <= 4 || chars.len() + 3 <= first.len();
            let abbreviation =
                (cased_script && short && chars.len() < first.len() && first.starts_with(&chars))
                    || chars.contains(&'.');
            all.push((chars, part, abbreviation));
        }
    }
    // A form listed for two different months or weekdays (es `mar`: marzo and martes) says
    // nothing.
    let clash = |chars: &Vec<char>, part: Part| {
        all.iter()
            .any(|(other, other_part, _)| other == chars && *other_part != part)
    };
    let mut forms: HashMap<char, Vec<Form>> = HashMap::new();
    for (chars, part, abbreviation) in &all {
        if clash(chars, *part) {
            continue;
        }
        let unspaced = matches!(
            script_of(chars[0]),
            Some(Script::Han | Script::Kana | Script::Thai)
        );
        forms.entry(chars[0]).or_default().push(Form {
            chars: chars.clone(),
            part: *part,
            abbreviation: *abbreviation,
            unspaced,
        });
    }
    for list in forms.values_mut() {
        list.sort_by_key(|f| std::cmp::Reverse(f.chars.len()));
        list.dedup_by(|a, b| a.chars == b.chars);
    }
    Lexicon {
        forms,
        prefixes: rules.prefixes.iter().map(|p| folded(p)).collect(),
        connectors: rules.connectors.iter().map(|c| folded(c)).collect(),
        cues: rules.cues.iter().map(|c| c.to_lowercase()).collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// Scanning: names and numbers as items, numeric dates whole.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Year,
    Month,
    Day,
}

#[derive(Debug, Clone, Copy)]
enum ItemKind {
    Name {
        part: Part,
        /// An abbreviation, or an ambiguous form with no cue before it.
        weak: bool,
    },
    Number {
        value: u32,
        digits: usize,
        marker: Option<Marker>,
        /// The offset of the era written before it (`พ.ศ.`, `令和`).
        era: Option<i32>,
    },
}

#[derive(Debug, Clone, Copy)]
struct Item {
    kind: ItemKind,
    /// Char indices.
    start: usize,
    end: usize,
}

struct Scanner<'a> {
    text: &'a str,
    chars: &'a [(usize, char)],
    profile: &'a Profile,
    lexicon: &'a Lexicon,
}

fn digit_value(c: char) -> Option<u32> {
    let cp = c as u32;
    let zero = match cp {
        0x30..=0x39 => 0x30,
        0x660..=0x669 => 0x660,
        0x6F0..=0x6F9 => 0x6F0,
        0x966..=0x96F => 0x966,
        0xE50..=0xE59 => 0xE50,
        0xFF10..=0xFF19 => 0xFF10,
        0x9E6..=0x9EF => 0x9E6,
        _ => return None,
    };
    Some(cp - zero)
}

fn han_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A run of Han numerals as written in dates: `二〇二四` (digit by digit), `十二`, `二十五`, `三十一`.
fn han_value(run: &[char]) -> Option<u32> {
    if run.len() >= 3 && run.iter().all(|&c| han_digit(c).is_some()) {
        return run
            .iter()
            .try_fold(0u32, |acc, &c| Some(acc * 10 + han_digit(c)?));
    }
    let mut total = 0;
    let mut digit = None;
    for &c in run {
        if let Some(d) = han_digit(c) {
            if digit.is_some() {
                return None;
            }
            digit = Some(d);
        } else if c == '十' {
            total += digit.take().unwrap_or(1) * 10;
        } else {
            return None;
        }
    }
    Some(total + digit.unwrap_or(0))
}

fn is_han_numeral(c: char) -> bool {
    han_digit(c).is_some() || c == '十'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (Devanagari vowel signs, Thai tone marks, Arabic harakat) belong to the word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x610..=0x61A | 0x64B..=0x65F | 0x670 | 0x900..=0x903 | 0x93A..=0x94F | 0x951..=0x957 | 0x962..=0x963 | 0xE31 | 0xE34..=0xE3A | 0xE47..=0xE4E)
}

impl<'a> Scanner<'a> {
    fn ch(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }

    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.byte(start)..self.byte(end)]
    }

    /// Whether the folded text at `i` starts with `pattern`.
    fn folded_at(&self, i: usize, pattern: &[char]) -> bool {
        pattern.len() <= self.chars.len().saturating_sub(i)
            && pattern
                .iter()
                .enumerate()
                .all(|(k, &p)| fold(self.chars[i + k].1) == p)
    }

    fn word_start(&self, i: usize) -> bool {
        i == 0 || !is_word_char(self.chars[i - 1].1)
    }

    /// All items in text order, and the numeric dates, which are whole by themselves.
    fn items(&self) -> (Vec<Item>, Vec<DateMention>) {
        let mut items = Vec::new();
        let mut numeric = Vec::new();
        let han = self.profile.scripts.contains(&Script::Han);
        let mut i = 0;
        while i < self.chars.len() {
            let c = self.chars[i].1;
            if let Some(item) = self.name_at(i) {
                i = item.end;
                items.push(item);
                continue;
            }
            if digit_value(c).is_some() && (i == 0 || digit_value(self.chars[i - 1].1).is_none()) {
                if let Some((date, end)) = self.numeric_date_at(i) {
                    numeric.push(date);
                    i = end;
                    continue;
                }
                let (item, end) = self.number_at(i);
                items.extend(item);
                i = end.max(i + 1);
                continue;
            }
            if han && is_han_numeral(c) && (i == 0 || !is_han_numeral(self.chars[i - 1].1)) {
                let mut end = i;
                while self.ch(end).is_some_and(is_han_numeral) {
                    end += 1;
                }
                let run: Vec<char> = self.chars[i..end].iter().map(|&(_, c)| c).collect();
                if let (Some(value), Some((marker, stop))) =
                    (han_value(&run), self.marker_after(end))
                {
                    let era = self.era_before(i);
                    items.push(Item {
                        kind: ItemKind::Number {
                            value,
                            digits: run.len(),
                            marker: Some(marker),
                            era: era.map(|e| e.0),
                        },
                        start: era.map_or(i, |e| e.1),
                        end: stop,
                    });
                    i = stop;
                    continue;
                }
                i = end;
                continue;
            }
            i += 1;
        }
        (items, numeric)
    }

    /// A month or weekday name starting at `i` (after a clitic prefix, if any).
    fn name_at(&self, i: usize) -> Option<Item> {
        let at_start = self.word_start(i);
        let mut starts = vec![i];
        if at_start {
            for p in &self.lexicon.prefixes {
                if self.folded_at(i, p) {
                    starts.push(i + p.len());
                }
            }
        }
        for &s in &starts {
            let Some(first) = self.ch(s).map(fold) else {
                continue;
            };
            let Some(forms) = self.lexicon.forms.get(&first) else {
                continue;
            };
            for form in forms {
                if !(form.unspaced || (s == i && at_start) || s > i) {
                    continue;
                }
                if !self.folded_at(s, &form.chars) {
                    continue;
                }
                let end = s + form.chars.len();
                if !form.unspaced && !self.word_ends(end) {
                    continue;
                }
                let Some(doubtful_case) = self.case_doubt(s, end) else {
                    continue;
                };
                let written = self.slice(s, end);
                let ambiguous = self.profile.dates.ambiguous.iter().any(|a| a == written);
                let weak = form.abbreviation || doubtful_case || (ambiguous && !self.cue_before(i));
                let end = self.suffix_end(end);
                return Some(Item {
                    kind: ItemKind::Name {
                        part: form.part,
                        weak,
                    },
                    start: i,
                    end,
                });
            }
        }
        None
    }

    /// Whether a word may end at `end`: the text ends, or a non-letter follows, or an apostrophe
    /// and a suffix (`Ekim'de`, `Monday's`), or Hangul particles (`월요일에`).
    fn word_ends(&self, end: usize) -> bool {
        match self.ch(end) {
            None => true,
            Some('\'' | '’' | 'ʼ') => true,
            Some(c) if !is_word_char(c) => true,
            Some(c) => {
                matches!(script_of(c), Some(Script::Hangul))
                    && end > 0
                    && matches!(script_of(self.chars[end - 1].1), Some(Script::Hangul))
            }
        }
    }

    /// The end of an apostrophe suffix after a name (`Ekim'de` → after `de`).
    fn suffix_end(&self, end: usize) -> usize {
        if matches!(self.ch(end), Some('\'' | '’' | 'ʼ'))
            && self.ch(end + 1).is_some_and(char::is_alphabetic)
        {
            let mut k = end + 1;
            while self.ch(k).is_some_and(is_word_char) {
                k += 1;
            }
            return k;
        }
        end
    }

    /// Whether the capitalisation of the word at `start..end` fits the language's rule: `None`
    /// where it does not (a lower-case `may` in English), `Some(true)` where it is doubtful (a
    /// capitalised `Mars` inside a French sentence: the planet, or a translator's `30 de Mayo`),
    /// `Some(false)` where it fits.
    fn case_doubt(&self, start: usize, end: usize) -> Option<bool> {
        let first = self.chars[start].1;
        if !(first.is_uppercase() || first.is_lowercase()) {
            return Some(false);
        }
        match self.profile.dates.case {
            DateCase::Any => Some(false),
            DateCase::Capital => first.is_uppercase().then_some(false),
            DateCase::Lower => Some(
                !(first.is_lowercase()
                    || self.chars[start..end]
                        .iter()
                        .all(|&(_, c)| !c.is_lowercase())
                    || self.sentence_initial(start)),
            ),
        }
    }

    fn sentence_initial(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 {
            let c = self.chars[k - 1].1;
            if c.is_whitespace() || "\"'“”„«»‹›‘’‚(「『—–-".contains(c) {
                k -= 1;
                continue;
            }
            return ".!?…:;".contains(c);
        }
        true
    }

    /// Whether the word before `i` is one of the profile's cues (`in May`, `في مارس`).
    fn cue_before(&self, i: usize) -> bool {
        let word = self.word_before(i);
        !word.is_empty() && self.lexicon.cues.contains(&word)
    }

    /// The lower-cased word just before `i`, across spaces.
    fn word_before(&self, i: usize) -> String {
        let mut k = i;
        while k > 0 && self.chars[k - 1].1.is_whitespace() {
            k -= 1;
        }
        let end = k;
        while k > 0 && (is_word_char(self.chars[k - 1].1) || self.chars[k - 1].1 == '-') {
            k -= 1;
        }
        self.slice(k, end).to_lowercase()
    }

    /// A numeric date at `i`: `05.01.2024`, `1/5/2024`, `2024-01-05`, `2024.01.05.`.
    fn numeric_date_at(&self, i: usize) -> Option<(DateMention, usize)> {
        if self.glued_to_word(i) {
            return None;
        }
        let mut parts: Vec<(u32, usize)> = Vec::new();
        let mut sep = None;
        let mut k = i;
        loop {
            let s = k;
            let mut v = 0u32;
            while let Some(d) = self.ch(k).and_then(digit_value) {
                v = v.saturating_mul(10).saturating_add(d);
                k += 1;
            }
            if k == s {
                return None;
            }
            parts.push((v, k - s));
            if parts.len() == 3 {
                break;
            }
            let c = self.ch(k)?;
            if !matches!(c, '.' | '/' | '-') || sep.is_some_and(|s| s != c) {
                return None;
            }
            if self.ch(k + 1).is_none_or(|d| digit_value(d).is_none()) {
                return None;
            }
            sep = Some(c);
            k += 1;
        }
        // Not a longer code: `1.2.3.4`, `2024-01-05-7`.
        if self.ch(k).is_some_and(|c| digit_value(c).is_some())
            || (matches!(self.ch(k), Some(c) if Some(c) == sep)
                && self.ch(k + 1).is_some_and(|d| digit_value(d).is_some()))
            || self.ch(k).is_some_and(char::is_alphabetic)
        {
            return None;
        }
        let [(a, la), (b, lb), (c, lc)] = [parts[0], parts[1], parts[2]];
        let mut readings = Vec::new();
        for order in &self.profile.dates.numeric_order {
            let (y, m, d, ly) = match order.as_str() {
                "dmy" if la <= 2 && lb <= 2 => (c, b, a, lc),
                "mdy" if la <= 2 && lb <= 2 => (c, a, b, lc),
                "ymd" if la == 4 && lb <= 2 && lc <= 2 => (a, b, c, la),
                _ => continue,
            };
            let year = match ly {
                4 => y as i32,
                2 => {
                    if y < 70 {
                        2000 + y as i32
                    } else {
                        1900 + y as i32
                    }
                }
                _ => continue,
            };
            if (1..=12).contains(&m) && (1..=31).contains(&d) && (1000..=2999).contains(&year) {
                let v = DateValue {
                    year: Some(year),
                    month: Some(m as u8),
                    day: Some(d as u8),
                    weekday: None,
                };
                if !readings.contains(&v) {
                    readings.push(v);
                }
            }
        }
        if readings.is_empty() {
            return None;
        }
        Some((
            DateMention {
                text: self.slice(i, k).to_string(),
                start: self.byte(i),
                end: self.byte(k),
                readings,
            },
            k,
        ))
    }

    /// A number glued after letters is part of a code (`G7`, `ttn-23`).
    fn glued_to_word(&self, i: usize) -> bool {
        let cased = |c: char| {
            matches!(
                script_of(c),
                Some(Script::Latin | Script::Cyrillic | Script::Greek)
            )
        };
        match i.checked_sub(1).map(|k| self.chars[k].1) {
            Some(c) if cased(c) => true,
            Some('-' | '_' | '/' | '#' | '@') => i >= 2 && cased(self.chars[i - 2].1),
            _ => false,
        }
    }

    /// A number in digits at `i`: its value, ordinal suffix, marker and era.
    fn number_at(&self, i: usize) -> (Option<Item>, usize) {
        let mut k = i;
        let mut value = 0u32;
        while let Some(d) = self.ch(k).and_then(digit_value) {
            value = value.saturating_mul(10).saturating_add(d);
            k += 1;
        }
        let digits = k - i;
        // Part of a longer number or a code: `1,5`, `2.000`, `G7`, `10:30`.
        let joined = |c: Option<char>, next: Option<char>| {
            matches!(c, Some('.' | ',' | ':' | '\'' | '’' | '٫' | '٬'))
                && next.is_some_and(|d| digit_value(d).is_some())
        };
        if joined(self.ch(k), self.ch(k + 1)) || (i >= 2 && joined(self.ch(i - 1), self.ch(i - 2)))
        {
            let mut end = k;
            while self
                .ch(end)
                .is_some_and(|c| digit_value(c).is_some() || ".,:'’٫٬".contains(c))
            {
                end += 1;
            }
            return (None, end);
        }
        if self.glued_to_word(i) || digits > 4 {
            return (None, k);
        }
        let era = self.era_before(i);
        let mut end = k;
        let mut marker = None;
        if let Some((m, stop)) = self.marker_after(k) {
            marker = Some(m);
            end = stop;
        } else if let Some(m) = self.marker_before(i) {
            marker = Some(m);
        } else {
            end = self.ordinal_end(k);
        }
        if self.ch(end).is_some_and(|c| c.is_alphabetic()) && marker.is_none() && end == k {
            // Glued to a following word that is no ordinal suffix or marker (`5km`).
            let c = self.ch(end).unwrap_or(' ');
            if !matches!(
                script_of(c),
                Some(Script::Han | Script::Kana | Script::Thai | Script::Hangul | Script::Arabic)
            ) {
                return (None, end);
            }
        }
        (
            Some(Item {
                kind: ItemKind::Number {
                    value,
                    digits,
                    marker,
                    era: era.map(|e| e.0),
                },
                start: era.map_or(i, |e| e.1),
                end,
            }),
            end,
        )
    }

    /// After the digits of an ordinal: `5th`, `1er`, `5-го`, `5.`.
    fn ordinal_end(&self, k: usize) -> usize {
        let mut best = k;
        for suffix in &self.profile.numbers.ordinal_suffixes {
            let s = folded(suffix);
            if s.is_empty() || !self.folded_at(k, &s) {
                continue;
            }
            let end = k + s.len();
            if !self.ch(end).is_some_and(is_word_char) && end > best {
                best = end;
            }
        }
        best
    }

    /// A year, month or day marker right after the digits (`5月`, `2024년`).
    fn marker_after(&self, k: usize) -> Option<(Marker, usize)> {
        let markers = &self.profile.dates.markers;
        if markers.before {
            return None;
        }
        let lists = [
            (Marker::Year, &markers.year),
            (Marker::Month, &markers.month),
            (Marker::Day, &markers.day),
        ];
        for (marker, list) in lists {
            for m in list {
                let chars = folded(m);
                if !chars.is_empty() && self.folded_at(k, &chars) {
                    return Some((marker, k + chars.len()));
                }
            }
        }
        None
    }

    /// A year, month or day marker word right before the number (vi `tháng 5`).
    fn marker_before(&self, i: usize) -> Option<Marker> {
        let markers = &self.profile.dates.markers;
        if !markers.before {
            return None;
        }
        let word = self.word_before(i);
        let lists = [
            (Marker::Year, &markers.year),
            (Marker::Month, &markers.month),
            (Marker::Day, &markers.day),
        ];
        lists
            .into_iter()
            .find(|(_, list)| list.iter().any(|m| m.to_lowercase() == word))
            .map(|(marker, _)| marker)
    }

    /// The offset of an era marker written just before `i` (`พ.ศ. 2567`, `令和6年`), and where
    /// the marker starts.
    fn era_before(&self, i: usize) -> Option<(i32, usize)> {
        let mut k = i;
        while k > 0 && self.chars[k - 1].1.is_whitespace() {
            k -= 1;
        }
        for era in &self.profile.dates.eras {
            for marker in &era.markers {
                let m = folded(marker);
                if m.len() <= k && self.folded_at(k - m.len(), &m) {
                    return Some((era.offset, k - m.len()));
                }
            }
        }
        None
    }

    /// The text between two items: whether it may separate two parts of one date (spaces,
    /// commas, dots, brackets and the profile's connectors), and whether it is a range dash.
    fn gap(&self, from: usize, to: usize) -> Gap {
        if to < from {
            return Gap::Other;
        }
        let chars: Vec<char> = self.chars[from..to].iter().map(|&(_, c)| fold(c)).collect();
        if chars.len() > 16 {
            return Gap::Other;
        }
        let trimmed: String = chars.iter().filter(|c| !c.is_whitespace()).collect();
        if ["-", "–", "—", "~", "～", "〜", "至", "到"].contains(&trimmed.as_str()) {
            return Gap::Range;
        }
        let mut k = 0;
        let mut words = 0;
        while k < chars.len() {
            let c = chars[k];
            if c.is_whitespace() || ",./()（）、，".contains(c) {
                k += 1;
                continue;
            }
            let connector = self.lexicon.connectors.iter().find(|w| {
                chars[k..].starts_with(w.as_slice())
                    && (k == 0 || !is_word_char(chars[k - 1]))
                    && !chars.get(k + w.len()).is_some_and(|&c| is_word_char(c))
            });
            match connector {
                Some(w) if words < 2 => {
                    k += w.len();
                    words += 1;
                }
                _ => return Gap::Other,
            }
        }
        if chars.iter().filter(|&&c| c == '.').count() > 1 {
            return Gap::Other;
        }
        Gap::Thin
    }

    fn joined(&self, a: &Item, b: &Item) -> bool {
        self.gap(a.end, b.start) == Gap::Thin
    }

    /// Builds the dates from the items.
    fn assemble(&self, items: &[Item]) -> Vec<DateMention> {
        let order = &self.profile.dates.numeric_order;
        let month_then_day = order.iter().any(|o| o == "mdy" || o == "ymd");
        let year_first = order.first().is_some_and(|o| o == "ymd");
        let mut used = vec![false; items.len()];
        let mut out = Vec::new();
        let number = |k: usize| match items.get(k).map(|it| it.kind) {
            Some(ItemKind::Number {
                value,
                digits,
                marker,
                era,
            }) => Some((value, digits, marker, era)),
            _ => None,
        };
        let plain_day = |k: usize| {
            number(k).and_then(|(v, digits, marker, _)| {
                (marker.is_none() && digits <= 2 && (1..=31).contains(&v)).then_some(v as u8)
            })
        };
        // A year: marked as one (2024年, năm 2024), or unmarked where `unmarked` allows.
        let year_of = |k: usize, unmarked: bool| {
            number(k).and_then(|(v, digits, marker, era)| match marker {
                Some(Marker::Year) => self.year_value(v, digits, era),
                None if unmarked => self.year_value(v, digits, era),
                _ => None,
            })
        };
        for k in 0..items.len() {
            let (month, weak) = match items[k].kind {
                ItemKind::Name {
                    part: Part::Month(m),
                    weak,
                } => (m, weak),
                ItemKind::Number {
                    value,
                    marker: Some(Marker::Month),
                    ..
                } if (1..=12).contains(&value) => (value as u8, false),
                _ => continue,
            };
            if used[k] {
                continue;
            }
            let mut v = DateValue {
                month: Some(month),
                ..Default::default()
            };
            let (mut first, mut last) = (k, k);
            let mut day_item = None;
            // A day marked as one after the month (1月5日), a day before it (5 January), or
            // after it where the language puts the month first (January 5).
            let next_joined = k + 1 < items.len() && self.joined(&items[k], &items[k + 1]);
            let prev_joined = k > 0 && !used[k - 1] && self.joined(&items[k - 1], &items[k]);
            if next_joined {
                if let Some(ItemKind::Number {
                    value,
                    marker: Some(Marker::Day),
                    ..
                }) = items.get(k + 1).map(|it| it.kind)
                {
                    if (1..=31).contains(&value) {
                        v.day = Some(value as u8);
                        last = k + 1;
                        day_item = Some(k + 1);
                    }
                }
            }
            if v.day.is_none() && prev_joined {
                if let Some(d) = plain_day(k - 1) {
                    v.day = Some(d);
                    first = k - 1;
                    day_item = Some(k - 1);
                }
            }
            if v.day.is_none() && next_joined && month_then_day {
                if let Some(d) = plain_day(k + 1) {
                    v.day = Some(d);
                    last = k + 1;
                    day_item = Some(k + 1);
                }
            }
            // The year: after the date (5 January 2024, January 5, 2024), or before it where
            // it is marked (2024年1月) or the language writes years first (2024. január 5.).
            if last + 1 < items.len() && self.joined(&items[last], &items[last + 1]) {
                if let Some(y) = year_of(last + 1, true) {
                    v.year = Some(y);
                    last += 1;
                }
            }
            if v.year.is_none()
                && first > 0
                && !used[first - 1]
                && self.joined(&items[first - 1], &items[first])
            {
                if let Some(y) = year_of(first - 1, year_first) {
                    v.year = Some(y);
                    first -= 1;
                }
            }
            // A weekday before or after the date (Monday, 5 January; 1月5日（星期五）).
            if first > 0 && !used[first - 1] && self.joined(&items[first - 1], &items[first]) {
                if let ItemKind::Name {
                    part: Part::Weekday(w),
                    ..
                } = items[first - 1].kind
                {
                    v.weekday = Some(w);
                    first -= 1;
                }
            }
            if v.weekday.is_none()
                && last + 1 < items.len()
                && self.joined(&items[last], &items[last + 1])
            {
                if let ItemKind::Name {
                    part: Part::Weekday(w),
                    ..
                } = items[last + 1].kind
                {
                    v.weekday = Some(w);
                    last += 1;
                }
            }
            if weak && v.day.is_none() && v.year.is_none() && v.weekday.is_none() {
                continue;
            }
            for u in &mut used[first..=last] {
                *u = true;
            }
            out.push(self.mention(items[first].start, items[last].end, v));
            // A range: `5–7 January`, `4至6月`: the first end of the range is a date too.
            let (range_of, what) = match day_item {
                Some(d) if d == first || (first < d && d <= last) => (Some(d), Marker::Day),
                None if matches!(items[k].kind, ItemKind::Number { .. }) => {
                    (Some(k), Marker::Month)
                }
                _ => (None, Marker::Day),
            };
            if let Some(r) = range_of.filter(|&r| r > 0 && !used[r - 1]) {
                if self.gap(items[r - 1].end, items[r].start) == Gap::Range {
                    let extra = match (what, number(r - 1)) {
                        (Marker::Day, Some((d, digits, None, _)))
                            if digits <= 2 && (1..=31).contains(&d) =>
                        {
                            Some(DateValue {
                                day: Some(d as u8),
                                ..v
                            })
                        }
                        (Marker::Month, Some((m, digits, None, _)))
                            if digits <= 2 && (1..=12).contains(&m) =>
                        {
                            Some(DateValue {
                                month: Some(m as u8),
                                day: None,
                                ..v
                            })
                        }
                        _ => None,
                    };
                    if let Some(extra) = extra {
                        used[r - 1] = true;
                        out.push(self.mention(items[r - 1].start, items[r - 1].end, extra));
                    }
                }
            }
        }
        // Weekdays on their own: `on Monday`, `am Montag`, `周四`.
        for (k, item) in items.iter().enumerate() {
            if let ItemKind::Name {
                part: Part::Weekday(w),
                weak: false,
            } = item.kind
            {
                if !used[k] {
                    let v = DateValue {
                        weekday: Some(w),
                        ..Default::default()
                    };
                    out.push(self.mention(item.start, item.end, v));
                }
            }
        }
        out
    }

    /// A number as a year: four digits in the Gregorian range, or a year of a marked era, or a
    /// bare year large enough to be in the language's era (Thai 2567).
    fn year_value(&self, value: u32, digits: usize, era: Option<i32>) -> Option<i32> {
        let value = value as i32;
        if let Some(offset) = era {
            return Some(value + offset);
        }
        if digits != 4 {
            return None;
        }
        for era in &self.profile.dates.eras {
            if era.bare_from.is_some_and(|from| value >= from) {
                return Some(value + era.offset);
            }
        }
        (1000..=2999).contains(&value).then_some(value)
    }

    fn mention(&self, start: usize, end: usize, v: DateValue) -> DateMention {
        DateMention {
            text: self.slice(start, end).trim_end().to_string(),
            start: self.byte(start),
            end: self.byte(end),
            readings: vec![v],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    Thin,
    Range,
    Other,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::profile::profile;

    fn dates(text: &str, lang: &str) -> Vec<String> {
        extract(text, profile(lang))
            .into_iter()
            .map(|d| {
                d.readings
                    .iter()
                    .map(|r| r.to_string())
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect()
    }

    #[test]
    fn day_month_year_in_words_across_languages() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "en",
                "It happened on January 5, 2024 in Paris.",
                "5 January 2024",
            ),
            ("en", "It happened on 5 January 2024.", "5 January 2024"),
            ("en", "on the 5th of January", "5 January"),
            ("de", "Es geschah am 5. Januar 2024.", "5 January 2024"),
            ("ru", "Это случилось 5 января 2024 года.", "5 January 2024"),
            ("fr", "le 1er janvier 2024", "1 January 2024"),
            ("es", "el 5 de enero de 2024", "5 January 2024"),
            ("tr", "5 Ocak 2024'te", "5 January 2024"),
            ("pl", "5 stycznia 2024 r.", "5 January 2024"),
            ("el", "στις 5 Ιανουαρίου 2024", "5 January 2024"),
            ("ar", "في 5 يناير 2024", "5 January 2024"),
            ("ar", "في 1 كانون الأول", "1 December"),
            ("hi", "21 अक्टूबर के हमले", "21 October"),
            ("fi", "5. tammikuuta 2024", "5 January 2024"),
            ("cs", "5. ledna 2024", "5 January 2024"),
            ("he", "ב-5 בינואר 2024", "5 January 2024"),
        ];
        for (lang, text, want) in cases {
            assert_eq!(dates(text, lang), [*want], "{lang}: {text}");
        }
    }

    #[test]
    fn months_and_weekdays_alone() {
        assert_eq!(dates("He was fired in July.", "en"), ["July"]);
        assert_eq!(dates("am Donnerstag trafen sie sich", "de"), ["Thursday"]);
        assert_eq!(dates("Görgü tanığı Nisan'da söyledi.", "tr"), ["April"]);
        assert_eq!(dates("Ruslar perşembe günü görüştü.", "tr"), ["Thursday"]);
        assert_eq!(dates("وحزيران", "ar"), ["June"]);
        assert_eq!(dates("ميليس يوم الخميس", "ar"), ["Thursday"]);
        assert_eq!(
            dates("周四，俄方与欧安组织举行了会谈。", "zh"),
            ["Thursday"]
        );
        assert_eq!(dates("ロシア側は木曜日、協議した。", "ja"), ["Thursday"]);
        assert_eq!(
            dates("Monday, January 5, 2024", "en"),
            ["Monday 5 January 2024"]
        );
        assert_eq!(dates("lundi 5 janvier", "fr"), ["Monday 5 January"]);
    }

    #[test]
    fn names_and_words_that_are_not_dates() {
        assert!(dates("Theresa May said so.", "en").is_empty());
        assert!(dates("You may go.", "en").is_empty());
        assert!(dates("in May", "en") == ["May"]);
        assert!(dates("la planète Mars", "fr").is_empty());
        assert_eq!(dates("le 30 Mai 1913", "fr"), ["30 May 1913"]);
        assert!(dates("There were 5 people in 2019.", "en").is_empty());
        assert!(dates("a segunda maior cidade", "pt").is_empty());
        assert!(dates("zaman aralık", "tr").is_empty());
        assert!(dates("Jan Kowalski", "en").is_empty());
    }

    #[test]
    fn numeric_dates_in_each_order() {
        assert_eq!(dates("am 05.01.2024", "de"), ["5 January 2024"]);
        assert_eq!(dates("on 2024-01-05", "de"), ["5 January 2024"]);
        assert_eq!(dates("on 1/5/2024", "en"), ["5 January 2024 | 1 May 2024"]);
        assert_eq!(dates("on 13/5/2024", "en"), ["13 May 2024"]);
        assert!(dates("version 1.2.3.4", "en").is_empty());
        assert!(dates("2.5 million", "en").is_empty());
    }

    #[test]
    fn marked_numbers_in_cjk() {
        assert_eq!(dates("2024年1月5日", "zh"), ["5 January 2024"]);
        assert_eq!(dates("在10月21日的攻击", "zh"), ["21 October"]);
        assert_eq!(dates("十二月二十五日", "zh"), ["25 December"]);
        assert_eq!(dates("二〇二四年一月", "zh"), ["January 2024"]);
        assert_eq!(dates("2024년 1월 5일", "ko"), ["5 January 2024"]);
        assert_eq!(dates("令和6年1月5日", "ja"), ["5 January 2024"]);
        assert_eq!(dates("它於4至6月舉行", "zh"), ["April", "June"]);
        // A day or year alone is no date: 5日間 is five days, 2019年 a year.
        assert!(dates("5日間の会議が2019年に", "ja").is_empty());
        assert!(dates("3개월", "ko").is_empty());
    }

    #[test]
    fn thai_months_and_buddhist_years() {
        assert_eq!(dates("5 มกราคม พ.ศ. 2567", "th"), ["5 January 2024"]);
        assert_eq!(dates("5 มกราคม 2567", "th"), ["5 January 2024"]);
        assert_eq!(dates("ประชุมในวันจันทร์", "th"), ["Monday"]);
    }

    #[test]
    fn ranges() {
        assert_eq!(dates("5–7 January", "en"), ["5 January", "7 January"]);
        assert_eq!(dates("Nisan-Haziran ayları", "tr"), ["April", "June"]);
    }
}

//! Numbers: every quantity a text states, as a value.
//!
//! Digits in any script (ASCII, Arabic-Indic, Persian, Devanagari, Thai, full-width) are read with
//! the language's decimal and grouping separators, then a following scale word or character
//! multiplies them (`100 thousand`, `1,5 Mio.`, `10万`, `100 тысяч`): so every spelling of a value
//! gives the same number. Numbers written in words (`three`, `dreiundzwanzig`) and in Han
//! numerals (`五十七`, `一九六二`) are read too, but marked as weaker evidence (`digits: false`):
//! `one` may be a pronoun and `ein` an article. A number glued after letters (`G7`, `F-16`,
//! `COVID-19`, `ttn-23`) is part of a name or code, not a quantity.

use crate::extract::script::script_of;
use crate::lang::profile::{Profile, Script};

/// What kind of number a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    Cardinal,
    Ordinal,
    Percent,
    /// A numeric date such as `13.01.2022`: the date check's business, not the number check's.
    Date,
    /// A time of day (`6.30am`, `06:30`, `10h00`), valued in minutes after midnight or noon.
    Time,
}

/// One number in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    pub value: f64,
    pub kind: NumberKind,
    /// As written, including its scale word (`100 thousand`, `10万`).
    pub text: String,
    /// Whether it was written in digits (a strong fact) rather than in words (weaker: `one` may be
    /// a pronoun, `ein` an article).
    pub digits: bool,
    /// Byte offset in the text.
    pub start: usize,
    /// Other values the mention may stand for: `70` for the decade `1970s`, `3000` for the `3`
    /// of `3 to 5 thousand`.
    pub alternatives: Vec<f64>,
    /// The scale word's factor (`100 thousand`: 1000), 1 without one.
    pub scale: f64,
    /// The digits and separators as written, native digits made ASCII (`1,335`), to accept the
    /// same string on both sides whatever the separators' reading.
    pub core: String,
}

impl NumberMention {
    /// A mention with no alternatives, scale or core (numbers in words).
    fn plain(
        value: f64,
        kind: NumberKind,
        text: &str,
        digits: bool,
        start: usize,
    ) -> NumberMention {
        NumberMention {
            value,
            kind,
            text: text.to_string(),
            digits,
            start,
            alternatives: Vec::new(),
            scale: 1.0,
            core: String::new(),
        }
    }

    /// Whether two mentions can be the same number: a shared value or alternative, or the same
    /// digits and separators as written. Times compare by time of day.
    pub fn matches(&self, other: &NumberMention) -> bool {
        if !self.core.is_empty() && self.core == other.core && self.scale == other.scale {
            return true;
        }
        // Copied as written (`$221bn` kept in a Hindi sentence whose profile has no `bn`).
        if self.digits && other.digits && self.text == other.text {
            return true;
        }
        // A time may be written as a plain hour or as a decimal: `10am` = `las 10`,
        // `6.30` = `6.30`, `23.45` = `23:45`.
        let time_vs_plain = |time: &NumberMention, plain: &NumberMention| {
            let (h, m) = ((time.value / 60.0).floor(), time.value % 60.0);
            [h, h + 12.0]
                .iter()
                .any(|&h| same_value(plain.value, h + m / 100.0))
        };
        match (
            self.kind == NumberKind::Time,
            other.kind == NumberKind::Time,
        ) {
            (true, false) => return time_vs_plain(self, other),
            (false, true) => return time_vs_plain(other, self),
            _ => {}
        }
        let mine = std::iter::once(self.value).chain(self.alternatives.iter().copied());
        mine.into_iter().any(|a| {
            std::iter::once(other.value)
                .chain(other.alternatives.iter().copied())
                .any(|b| same_value(a, b))
        })
    }

    /// Numbers in digits survive translation and so can anchor the alignment.
    pub fn is_anchor(&self) -> bool {
        self.digits && self.kind != NumberKind::Date
    }
}

/// Formats a value for messages: `100000`, `2.5`, `-3`.
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e18 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Whether two values are the same number.
pub fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The value of a digit in any supported script.
fn digit_value(c: char) -> Option<u32> {
    let cp = c as u32;
    let zero = match cp {
        0x30..=0x39 => 0x30,
        0x660..=0x669 => 0x660,    // Arabic-Indic
        0x6F0..=0x6F9 => 0x6F0,    // Persian
        0x966..=0x96F => 0x966,    // Devanagari
        0xE50..=0xE59 => 0xE50,    // Thai
        0xFF10..=0xFF19 => 0xFF10, // full-width
        0x9E6..=0x9EF => 0x9E6,    // Bengali
        _ => return None,
    };
    Some(cp - zero)
}

/// Han numeral characters with their value; multipliers are handled by [`parse_han`].
fn han_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '兩' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn han_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

fn han_big(c: char) -> Option<u64> {
    Some(match c {
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        '兆' => 1_000_000_000_000,
        _ => return None,
    })
}

/// The numerals written on cheques and contracts (大写数字), which are also common words.
fn is_financial_numeral(c: char) -> bool {
    "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟".contains(c)
}

fn is_han_numeral(c: char) -> bool {
    han_digit(c).is_some() || han_unit(c).is_some() || han_big(c).is_some()
}

/// Parses a run of Han numerals: `五十七` = 57, `十万` = 100000, `一九六二` = 1962 (digit by
/// digit, as years are written), `三千五百万` = 35000000.
fn parse_han(run: &[char]) -> Option<u64> {
    if run.is_empty() {
        return None;
    }
    if run.len() >= 2 && run.iter().all(|&c| han_digit(c).is_some()) {
        return run.iter().try_fold(0u64, |acc, &c| {
            acc.checked_mul(10)?.checked_add(han_digit(c)?)
        });
    }
    let (mut total, mut section, mut digit) = (0u64, 0u64, None::<u64>);
    for &c in run {
        if let Some(d) = han_digit(c) {
            if d == 0 {
                continue;
            }
            digit = Some(d);
        } else if let Some(u) = han_unit(c) {
            section += digit.unwrap_or(1) * u;
            digit = None;
        } else if let Some(b) = han_big(c) {
            let group = section + digit.unwrap_or(0);
            let group = if group == 0 { 1 } else { group };
            total = total.checked_add(group.checked_mul(b)?)?;
            section = 0;
            digit = None;
        }
    }
    Some(total + section + digit.unwrap_or(0))
}

/// A scale that may follow a number: a word of the profile (`thousand`, `Mio.`, `тыс.`) or a
/// character of a language without spaces (`万`, `亿`, `만`).
struct Scale {
    factor: f64,
    end: usize,
}

/// Extracts every number of a text.
pub fn extract(text: &str, profile: &Profile) -> Vec<NumberMention> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (offset, c) = chars[i];
        if digit_value(c).is_some() {
            let (mention, next) = read_digits(text, &chars, i, profile);
            if let Some(m) = mention {
                out.push(m);
            }
            i = next;
        } else if let Some((m, next)) = (!profile.spaces_between_words)
            .then(|| listed_word_at(text, &chars, i, profile))
            .flatten()
        {
            out.push(m);
            i = next;
        } else if is_han_numeral(c) && profile.scripts.contains(&Script::Han) {
            let mut j = i;
            while j < chars.len() && is_han_numeral(chars[j].1) {
                j += 1;
            }
            let run: Vec<char> = chars[i..j].iter().map(|&(_, c)| c).collect();
            // A lone 一 is mostly part of a word (一些, 统一, 一直): it is read only before a
            // classifier (一个, 一名). A lone 二…九 or 两 is a number (两国, 三人); 万, 亿 alone
            // are words (万一, 亿万) and left alone. Always weak evidence.
            // The classifier may follow 大 or 小 (一大群 a big crowd, 一小步 a small step).
            let classifier = {
                let size = chars.get(j).is_some_and(|&(_, n)| n == '大' || n == '小');
                let at = if size { j + 1 } else { j };
                chars.get(at).is_some_and(|&(_, n)| is_classifier(n))
            };
            // `之一` one of; `這一`, `另一`, `任一`, `每一`: this, another, any, each one.
            let one_of = i > 0 && "之這这那另任每第".contains(chars[i - 1].1);
            // The financial forms are everyday words alone (陸 land in 大陸, 參 in 參加, 拾
            // pick up, 伍 ranks): a number only in a run or before a classifier.
            let lone_ok = !is_financial_numeral(run[0]);
            let meaningful = run.len() >= 2
                || lone_ok && han_unit(run[0]).is_some()
                || classifier
                || lone_ok && one_of
                || lone_ok && i > 0 && chars[i - 1].1 == '第'
                || lone_ok && han_digit(run[0]).is_some_and(|d| d >= 2);
            if meaningful {
                if let Some(v) = parse_han(&run) {
                    let end = if j < chars.len() {
                        chars[j].0
                    } else {
                        text.len()
                    };
                    let ordinal = i > 0 && chars[i - 1].1 == '第';
                    let kind = if ordinal {
                        NumberKind::Ordinal
                    } else {
                        NumberKind::Cardinal
                    };
                    out.push(NumberMention::plain(
                        v as f64,
                        kind,
                        &text[offset..end],
                        false,
                        offset,
                    ));
                }
            }
            i = j;
        } else if c.is_alphabetic() && profile.spaces_between_words {
            let mut j = i;
            while j < chars.len()
                && (is_word_char(chars[j].1) || chars[j].1 == '\'' || chars[j].1 == '’')
            {
                j += 1;
            }
            // Only words that start a word: the previous char is not a letter or digit.
            let starts_word = i == 0 || !chars[i - 1].1.is_alphanumeric();
            if starts_word {
                let word_end = if j < chars.len() {
                    chars[j].0
                } else {
                    text.len()
                };
                if let Some((v, start)) = roman_in_word(text, offset, word_end, profile) {
                    out.push(NumberMention::plain(
                        v,
                        NumberKind::Ordinal,
                        &text[start..word_end],
                        false,
                        start,
                    ));
                    i = j;
                    continue;
                }
                if let Some((m, next)) = read_words(text, &chars, i, profile) {
                    out.push(m);
                    i = next;
                    continue;
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    share_scales(text, &mut out);
    mark_percent_before(text, &mut out, profile);
    add_halves(text, &mut out, profile);
    mark_cjk_dates(text, &mut out);
    join_century_decades(text, join_myriad_groups(text, out))
}

/// An ordinal may be a century: "the 6th century", "the thirteenth century" are "500-luvulla",
/// "1200-luvulla" in Finnish, the 500s and 1200s.
fn add_century_reading(m: &mut NumberMention) {
    if m.kind == NumberKind::Ordinal && (2.0..=21.0).contains(&m.value) && m.value.fract() == 0.0 {
        m.alternatives.push((m.value - 1.0) * 100.0);
    }
}

/// A number right after a per-cent word that comes first in its language (Turkish `yüzde on
/// biri`, `yüzde 11`) is a percentage.
fn mark_percent_before(text: &str, mentions: &mut [NumberMention], profile: &Profile) {
    let words = &profile.numbers.percent_words_before;
    let Some(longest) = words.iter().map(|w| w.chars().count()).max() else {
        return;
    };
    for m in mentions
        .iter_mut()
        .filter(|m| m.kind == NumberKind::Cardinal)
    {
        let before = text[..m.start].trim_end();
        // Only the end of the text can hold the word and the character before it.
        let tail_start = before
            .char_indices()
            .rev()
            .nth(longest)
            .map_or(0, |(at, _)| at);
        let lowered = lower(&before[tail_start..]);
        let word = words.iter().find(|w| {
            lowered.strip_suffix(w.as_str()).is_some_and(|rest| {
                rest.chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
        });
        if let Some(word) = word {
            // The mention takes the word in: `yüzde on biri` is what the reader sees.
            let start = before
                .char_indices()
                .rev()
                .nth(word.chars().count() - 1)
                .map_or(0, |(at, _)| at);
            m.text = text[start..m.start + m.text.len()].to_string();
            m.start = start;
            m.kind = NumberKind::Percent;
        }
    }
}

/// Digits before 月 or 日 (`10月21日`) and Korean 월, 일 after a month, are a month and a day:
/// the date check's business, like `13.01.2022`. Not 日間 (days long).
fn mark_cjk_dates(text: &str, mentions: &mut [NumberMention]) {
    let mut after_month = false;
    for m in mentions.iter_mut() {
        if !m.digits {
            continue;
        }
        let rest = &text[m.start + m.text.len()..];
        let month = rest.starts_with('月') || rest.trim_start().starts_with('월');
        let day = (rest.starts_with('日') && !rest.starts_with("日間"))
            || rest.starts_with('号')
            || rest.starts_with('號')
            || after_month && rest.trim_start().starts_with('일');
        if month || day {
            m.kind = NumberKind::Date;
        }
        after_month = month;
    }
}

/// `19世紀50年代` (the 1950s) is one decade: 1950, also `50` as the decade is often said.
fn join_century_decades(text: &str, mentions: Vec<NumberMention>) -> Vec<NumberMention> {
    let mut out: Vec<NumberMention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(prev) = out.last_mut() {
            let between = text
                .get(prev.start + prev.text.len()..m.start)
                .unwrap_or("");
            let decade = text[m.start + m.text.len()..].starts_with("年代");
            if ["世紀", "世纪"].contains(&between)
                && decade
                && prev.digits
                && m.digits
                && m.value < 100.0
            {
                let year = (prev.value - 1.0) * 100.0 + m.value;
                prev.text = text[prev.start..m.start + m.text.len()].to_string();
                // `the 60s` only of a century there has been: `720世紀60年代` says no 60s.
                prev.alternatives = if (1.0..=21.0).contains(&prev.value) {
                    vec![m.value]
                } else {
                    Vec::new()
                };
                prev.value = year;
                prev.kind = NumberKind::Cardinal;
                prev.core.clear();
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// `1 million et demi`, `15 milioni e mezzo`, `un milliard et demi`: half of the scale is added
/// where one of the profile's `half_words` follows a number with a scale.
fn add_halves(text: &str, mentions: &mut [NumberMention], profile: &Profile) {
    if profile.numbers.half_words.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        let unit = if m.scale >= 1e3 {
            m.scale
        } else if !m.digits && m.value >= 1e3 {
            10f64.powi((m.value.log10() as i32 / 3) * 3)
        } else {
            continue;
        };
        let end = m.start + m.text.len();
        let after = text[end..].trim_start().to_lowercase();
        if let Some(half) = profile
            .numbers
            .half_words
            .iter()
            .find(|h| after.starts_with(h.as_str()))
        {
            let skipped = text[end..].len() - text[end..].trim_start().len();
            let half_end = end + skipped + half.len();
            if text.is_char_boundary(half_end) {
                m.value += unit / 2.0;
                m.text = text[m.start..half_end].to_string();
                m.core.clear();
            }
        }
    }
}

/// Joins a number in myriads and the smaller group written right after it: `16萬8千` = 168,000,
/// `3億5千万` = 350,000,000.
fn join_myriad_groups(text: &str, mentions: Vec<NumberMention>) -> Vec<NumberMention> {
    let mut out: Vec<NumberMention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(prev) = out.last_mut() {
            let adjacent = prev.start + prev.text.len() == m.start;
            if adjacent
                && prev.scale >= 1e4
                && m.value < prev.scale
                && m.value > 0.0
                && prev.alternatives.is_empty()
                && m.kind == NumberKind::Cardinal
            {
                prev.value += m.value;
                prev.text = text[prev.start..m.start + m.text.len()].to_string();
                prev.core.clear();
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// In a language written without spaces, the longest number word of the profile that starts at
/// `chars[i]` and is more than a lone Han numeral (`一つ`, `ふたつ`, `สอง`, `하나`): weak evidence.
fn listed_word_at(
    text: &str,
    chars: &[(usize, char)],
    i: usize,
    profile: &Profile,
) -> Option<(NumberMention, usize)> {
    let rest = &text[chars[i].0..];
    let (word, value) = profile
        .numbers
        .words
        .iter()
        .filter(|(w, _)| rest.starts_with(w.as_str()))
        .filter(|(w, _)| !w.chars().all(is_han_numeral))
        .max_by_key(|(w, _)| w.len())?;
    let m = NumberMention::plain(*value, NumberKind::Cardinal, word, false, chars[i].0);
    Some((m, i + word.chars().count()))
}

/// Whether the number starting at `chars[i]` is glued to a preceding word: `G7`, `F-16`,
/// `COVID-19`, `ttn-23`, `MH17`. A word of the profile's `hyphen_prefixes` before a hyphen
/// (`mid-1980s`, `pre-2008`) leaves the number a quantity.
fn glued_to_word(text: &str, chars: &[(usize, char)], i: usize, profile: &Profile) -> bool {
    let cased_letter = |c: char| {
        matches!(
            script_of(c),
            Some(Script::Latin | Script::Cyrillic | Script::Greek)
        )
    };
    match i.checked_sub(1).map(|k| chars[k].1) {
        Some(c) if cased_letter(c) => true,
        Some('-' | '‑') if i >= 2 && cased_letter(chars[i - 2].1) => {
            let mut k = i - 1;
            while k > 0 && chars[k - 1].1.is_alphabetic() {
                k -= 1;
            }
            let word = text[chars[k].0..chars[i - 1].0].to_lowercase();
            !profile.numbers.hyphen_prefixes.contains(&word)
        }
        Some('_' | '/' | '#' | '@') => i >= 2 && cased_letter(chars[i - 2].1),
        _ => false,
    }
}

fn is_space_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}')
}

/// Reads a number written in digits from `chars[i]`: its grouping, decimals, sign, scale word,
/// percent sign and ordinal suffix. Returns the mention (or `None` for a code or date-like
/// token it skipped) and the index after it.
fn read_digits(
    text: &str,
    chars: &[(usize, char)],
    i: usize,
    profile: &Profile,
) -> (Option<NumberMention>, usize) {
    let glued = glued_to_word(text, chars, i, profile);
    let is_digit = |k: usize| k < chars.len() && digit_value(chars[k].1).is_some();
    let run_end = |mut k: usize| {
        while is_digit(k) {
            k += 1;
        }
        k
    };
    let mut j = run_end(i);
    if glued {
        // Skip the rest of the code: letters and digits and inner hyphens.
        while j < chars.len()
            && (chars[j].1.is_alphanumeric() || (chars[j].1 == '-' && is_digit(j + 1)))
        {
            j += 1;
        }
        return (None, j);
    }
    // Numeric dates: 13.01.2022, 1/5/2022, 2022-01-13.
    if let Some(end) = numeric_date_end(chars, i) {
        let start = chars[i].0;
        let stop = if end < chars.len() {
            chars[end].0
        } else {
            text.len()
        };
        let m = NumberMention::plain(0.0, NumberKind::Date, &text[start..stop], true, start);
        return (Some(m), end);
    }
    if let Some((minutes, end)) = read_time(text, chars, i) {
        let start = chars[i].0;
        let stop = if end < chars.len() {
            chars[end].0
        } else {
            text.len()
        };
        let m = NumberMention::plain(minutes, NumberKind::Time, &text[start..stop], true, start);
        return (Some(m), end);
    }
    let mut int_digits: String = chars[i..j]
        .iter()
        .map(|&(_, c)| char::from_digit(digit_value(c).unwrap(), 10).unwrap())
        .collect();
    let mut frac_digits = String::new();
    let first_group_len = j - i;
    let has = |list: &[String], c: char| list.iter().any(|s| s.chars().eq(std::iter::once(c)));
    let decimal = &profile.numbers.decimal;
    let group = &profile.numbers.group;
    let mut grouped = false;
    while let Some(&(_, sep)) = chars.get(j) {
        let sep = ascii_form(sep);
        if !is_digit(j + 1) {
            break;
        }
        let next_end = run_end(j + 1);
        let next_len = next_end - (j + 1);
        let three = next_len == 3;
        let can_group = three && (first_group_len <= 3 || grouped) && frac_digits.is_empty();
        if is_space_separator(sep) {
            if can_group && (has(group, sep) || has(group, ' ')) && first_group_len <= 3 {
                grouped = true;
                int_digits.extend(
                    chars[j + 1..next_end]
                        .iter()
                        .map(|&(_, c)| char::from_digit(digit_value(c).unwrap(), 10).unwrap()),
                );
                j = next_end;
                continue;
            }
            break;
        }
        let in_group = has(group, sep);
        let in_decimal = has(decimal, sep);
        let foreign = matches!(sep, '.' | ',' | '٫' | '٬' | '\'' | '’');
        if !(in_group || in_decimal || foreign) || !frac_digits.is_empty() {
            break;
        }
        let as_group = if in_group && can_group {
            true
        } else if in_decimal {
            false
        } else {
            // A separator the language does not use: a group of exactly three is grouping
            // written the other way ("1,000" in a German text), anything else a decimal.
            can_group && matches!(sep, '.' | ',' | '٬' | '\'' | '’')
        };
        if as_group {
            grouped = true;
            int_digits.extend(
                chars[j + 1..next_end]
                    .iter()
                    .map(|&(_, c)| char::from_digit(digit_value(c).unwrap(), 10).unwrap()),
            );
        } else if matches!(sep, '.' | ',' | '٫') {
            frac_digits = chars[j + 1..next_end]
                .iter()
                .map(|&(_, c)| char::from_digit(digit_value(c).unwrap(), 10).unwrap())
                .collect();
        } else {
            break;
        }
        j = next_end;
    }
    let mut value: f64 = format!(
        "{}.{}",
        int_digits,
        if frac_digits.is_empty() {
            "0"
        } else {
            &frac_digits
        }
    )
    .parse()
    .unwrap_or(0.0);
    let start = chars[i].0;
    // A minus sign directly before, not a hyphen between two numbers or words.
    if i >= 1 && matches!(chars[i - 1].1, '−' | '-') && (i == 1 || chars[i - 2].1.is_whitespace())
    {
        value = -value;
    }
    let mut kind = NumberKind::Cardinal;
    let mut end = j;
    // Ordinal suffix glued to the digits: 1st, 2nd, 1er, 1-й, 5º.
    let rest: String = chars[j..].iter().take(8).map(|&(_, c)| c).collect();
    let mut suffixes: Vec<&String> = profile
        .numbers
        .ordinal_suffixes
        .iter()
        .filter(|s| s.as_str() != ".")
        .collect();
    suffixes.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    for s in suffixes {
        if rest.starts_with(s.as_str()) {
            let after = rest[s.len()..].chars().next();
            if !after.is_some_and(|c| c.is_alphanumeric()) {
                kind = NumberKind::Ordinal;
                end = j + s.chars().count();
                break;
            }
        }
    }
    if kind == NumberKind::Cardinal
        && profile.sentences.ordinal_dot
        && chars.get(j).is_some_and(|&(_, c)| c == '.')
    {
        let mut k = j + 1;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        let next_word: String = chars[k..]
            .iter()
            .map(|&(_, c)| c)
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        let is_month = profile
            .dates
            .months
            .iter()
            .flatten()
            .any(|m| *m == next_word);
        let lower = chars.get(k).is_some_and(|&(_, c)| c.is_lowercase());
        if k > j + 1 && (lower || is_month) && first_group_len <= 3 && !grouped {
            kind = NumberKind::Ordinal;
        }
    }
    if i >= 1 && chars[i - 1].1 == '第' {
        kind = NumberKind::Ordinal;
    }
    // Scale words and characters, possibly chained ("100 mil millones").
    let mut scale = 1.0;
    while let Some(found) = read_scale(text, chars, end, profile) {
        value *= found.factor;
        scale *= found.factor;
        end = found.end;
    }
    // Percent sign or word.
    let mut k = end;
    while k < chars.len() && is_space_separator(chars[k].1) {
        k += 1;
    }
    if matches!(chars.get(k).map(|&(_, c)| c), Some('%' | '٪' | '％')) {
        kind = NumberKind::Percent;
        end = k + 1;
    } else if let Some(word_end) = match_word(text, chars, k, &profile.numbers.percent_words) {
        kind = NumberKind::Percent;
        end = word_end;
    }
    let stop = if end < chars.len() {
        chars[end].0
    } else {
        text.len()
    };
    let mut m = NumberMention::plain(value, kind, text[start..stop].trim_end(), true, start);
    m.scale = scale;
    m.core = chars[i..j].iter().map(|&(_, c)| ascii_form(c)).collect();
    add_century_reading(&mut m);
    // A decade: "the 1970s" is "the 70s", "die 70er", "70年代".
    let rest: String = chars[j..].iter().take(3).map(|&(_, c)| c).collect();
    let decade = ["s", "'s", "’s"].iter().any(|suffix| {
        rest.starts_with(suffix)
            && !rest[suffix.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    });
    if decade && value.fract() == 0.0 && value as i64 % 10 == 0 {
        let v = value as i64;
        if v >= 1000 {
            m.alternatives.push((v % 100) as f64);
        } else if v < 100 {
            m.alternatives
                .extend([(1900 + v) as f64, (2000 + v) as f64]);
        }
    }
    (Some(m), end.max(j))
}

/// Full-width and other variant separators read as their ASCII forms; digits of any script as
/// ASCII digits.
fn ascii_form(c: char) -> char {
    match c {
        '，' => ',',
        '．' => '.',
        '٫' => '.',
        '٬' => ',',
        _ => digit_value(c)
            .and_then(|d| char::from_digit(d, 10))
            .unwrap_or(c),
    }
}

/// Lower case for matching words: Turkish `İki` becomes `iki`, not `i̇ki` with a combining dot.
fn lower(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.contains('\u{307}') {
        lower.replace('\u{307}', "")
    } else {
        lower // every word of a text comes here: no second copy for the common case
    }
}

/// A letter, or a combining mark written on one: the vowel signs and viramas of Devanagari and
/// Thai, Arabic and Hebrew points (`ट्रिलियन` is one word). Rust's `is_alphabetic` leaves some
/// of these out.
fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
        || matches!(c as u32,
            0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
            | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F
            | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E)
}

/// Han characters that count things (个, 名, 年...): a single numeral before one is a number.
fn is_classifier(c: char) -> bool {
    "个個名位次年月日天人家种種项項场場架艘辆輛座件条條岁歲倍所间間支只隻张張本部国國\
     段步点點份集面席派根则則道匹排处處篇首颗顆台臺头頭套批群片封笔筆门門棵朵队隊层層幅\
     双雙对對句声聲阵陣番回趟遍届屆期季代轮輪任起堆波局块塊系"
        .contains(c)
}

/// A Roman numeral in the word `text[start..end]`, after an elided article (`dell'VIII`) and
/// before an ordinal suffix of the language (`XXe`, `XVIIIème`); a single `V` or `X` only before
/// one of the profile's century words (`V secolo`). Returns the value and where it starts.
fn roman_in_word(text: &str, start: usize, end: usize, profile: &Profile) -> Option<(f64, usize)> {
    let word = &text[start..end];
    let start = word
        .rfind(['\'', '’'])
        .map(|k| start + k + word[k..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(start);
    let word = &text[start..end];
    let bare = std::iter::once(word)
        .chain(
            profile
                .numbers
                .ordinal_suffixes
                .iter()
                .filter_map(|suffix| word.strip_suffix(suffix.as_str())),
        )
        .find_map(roman_value);
    if bare.is_some() {
        return bare.map(|v| (v, start));
    }
    if matches!(word, "V" | "X") {
        let next = text[end..]
            .trim_start()
            .split(|c: char| !c.is_alphabetic())
            .next();
        let previous = text[..start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphabetic())
            .next();
        let century = |w: Option<&str>| {
            w.is_some_and(|w| profile.numbers.century_words.contains(&w.to_lowercase()))
        };
        // `V secolo`, `siglo V`, `V w.` (Polish wiek).
        if century(next) || century(previous) {
            return roman_value_single(word).map(|v| (v, start));
        }
    }
    None
}

fn roman_value_single(word: &str) -> Option<f64> {
    match word {
        "V" => Some(5.0),
        "X" => Some(10.0),
        _ => None,
    }
}

/// The value of a Roman numeral made of I, V and X (`II`, `XV`, `XIX`): centuries and monarchs.
/// Single letters are left alone (`I` is a pronoun, `V` and `X` are letters).
fn roman_value(word: &str) -> Option<f64> {
    if word.chars().count() < 2 || !word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let digit = |c: char| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let chars: Vec<i32> = word.chars().map(digit).collect();
    let mut total = 0;
    for (k, &v) in chars.iter().enumerate() {
        if chars.get(k + 1).is_some_and(|&n| n > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    // Only canonical spellings: XIIII or IIX are words, not numbers.
    let canonical = to_roman(total);
    (total > 0 && canonical == word).then_some(total as f64)
}

fn to_roman(mut n: i32) -> String {
    let mut out = String::new();
    for (v, s) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// A time of day starting at `chars[i]`: `06:30`, `6.30am`, `6.30-10am`, `06h30`, `10am`.
/// Valued in minutes after midnight or noon, so that `6.30pm` and `18:30` agree.
fn read_time(text: &str, chars: &[(usize, char)], i: usize) -> Option<(f64, usize)> {
    let digits_at = |k: usize, max: usize| -> (u32, usize) {
        let mut v = 0;
        let mut n = 0;
        while n < max && chars.get(k + n).is_some_and(|&(_, c)| c.is_ascii_digit()) {
            v = v * 10 + chars[k + n].1.to_digit(10).unwrap();
            n += 1;
        }
        (v, n)
    };
    let (hours, hn) = digits_at(i, 3);
    if hn == 0 || hn > 2 || hours > 24 {
        return None;
    }
    let lower_from = |k: usize| -> String {
        let start = chars.get(k).map_or(text.len(), |&(o, _)| o);
        text[start..]
            .chars()
            .take(6)
            .collect::<String>()
            .to_lowercase()
    };
    let meridiem = |k: usize| -> Option<usize> {
        let mut k2 = k;
        while chars
            .get(k2)
            .is_some_and(|&(_, c)| c == ' ' || c == '\u{a0}')
        {
            k2 += 1;
        }
        let rest = lower_from(k2);
        for word in ["a.m.", "p.m.", "am", "pm", "uhr", "h"] {
            if rest.starts_with(word)
                && !rest[word.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
            {
                return Some(k2 + word.chars().count());
            }
        }
        None
    };
    let minutes = |h: u32, m: u32| f64::from((h % 12) * 60 + m);
    // `23 h 45` (French with spaces), `23點45分`, `23時45分`, `23시 45분`.
    let spaces = |mut k: usize| {
        while chars
            .get(k)
            .is_some_and(|&(_, c)| c == ' ' || c == '\u{a0}')
        {
            k += 1;
        }
        k
    };
    let mark = spaces(i + hn);
    if let Some(&(_, m)) = chars.get(mark) {
        let spaced_h = m == 'h' && mark > i + hn;
        if spaced_h || "點点時时시".contains(m) {
            let at = spaces(mark + 1);
            let (mins, mn) = digits_at(at, 3);
            if mn == 2 && mins < 60 {
                let mut end = at + mn;
                if chars.get(end).is_some_and(|&(_, c)| c == '分' || c == '분') {
                    end += 1;
                }
                return Some((minutes(hours, mins), end));
            }
        }
    }
    let sep = chars.get(i + hn).map(|&(_, c)| c);
    if let Some(sep @ (':' | '.' | 'h' | 'H')) = sep {
        let (mins, mn) = digits_at(i + hn + 1, 3);
        if mn == 2 && mins < 60 {
            let end = i + hn + 1 + mn;
            let followed_by_digit = chars.get(end).is_some_and(|&(_, c)| c.is_ascii_digit());
            if followed_by_digit {
                return None;
            }
            if sep != '.' {
                // 06:30, 06h30; a score such as 2:1 has a single digit after the colon.
                return Some((minutes(hours, mins), meridiem(end).unwrap_or(end)));
            }
            if let Some(after) = meridiem(end) {
                return Some((minutes(hours, mins), after));
            }
            // 6.30-10am: a range whose end carries the meridiem.
            if chars
                .get(end)
                .is_some_and(|&(_, c)| matches!(c, '-' | '–' | '—'))
            {
                let (_, n2) = digits_at(end + 1, 2);
                if n2 > 0 && meridiem(end + 1 + n2).is_some() {
                    return Some((minutes(hours, mins), end));
                }
            }
            return None;
        }
        if (sep == 'h' || sep == 'H')
            && mn == 0
            && !chars
                .get(i + hn + 1)
                .is_some_and(|&(_, c)| c.is_alphabetic())
        {
            return Some((minutes(hours, 0), i + hn + 1)); // 10h
        }
        return None;
    }
    // 10am, 10 p.m.
    let end = i + hn;
    let rest = lower_from(end);
    if rest.starts_with("am")
        || rest.starts_with("pm")
        || rest.starts_with(" am")
        || rest.starts_with(" pm")
        || rest.starts_with("a.m.")
        || rest.starts_with(" a.m.")
        || rest.starts_with("p.m.")
        || rest.starts_with(" p.m.")
    {
        return meridiem(end).map(|after| (minutes(hours, 0), after));
    }
    None
}

/// Numbers joined by a range or a conjunction share the scale of the last one: the `3` of
/// `3 to 5 thousand` and the `2` of `2 и 1,4 миллиарда` may mean 3000 and 2 billion.
fn share_scales(text: &str, mentions: &mut [NumberMention]) {
    for k in 1..mentions.len() {
        let (before, after) = mentions.split_at_mut(k);
        let (a, b) = (&mut before[k - 1], &after[0]);
        if !a.digits || !b.digits || a.scale != 1.0 || b.scale == 1.0 || a.kind == NumberKind::Date
        {
            continue;
        }
        // "3 to 5 thousand", "3 y más de 10 millones", "2 ja toiseen 1,4 miljardia": a few
        // short words or a dash between them.
        let gap = text
            .get(a.start + a.text.len()..b.start)
            .unwrap_or("")
            .trim();
        let short_word = gap.chars().count() <= 12
            && gap.chars().all(|c| {
                c.is_alphabetic()
                    || matches!(
                        c,
                        '-' | '–' | '—' | '~' | '～' | '〜' | ' ' | '£' | '$' | '€'
                    )
            });
        if short_word {
            a.alternatives.push(a.value * b.scale);
        }
    }
}

/// If `chars[i..]` is a numeric date (`13.01.2022`, `1/5/2022`, `2022-01-13`), the index after it.
fn numeric_date_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let mut parts = Vec::new();
    let mut seps = Vec::new();
    let mut k = i;
    loop {
        let s = k;
        while k < chars.len() && chars[k].1.is_ascii_digit() {
            k += 1;
        }
        parts.push(k - s);
        if parts.len() == 3 {
            break;
        }
        match chars.get(k).map(|&(_, c)| c) {
            Some(c @ ('.' | '/' | '-'))
                if chars.get(k + 1).is_some_and(|&(_, d)| d.is_ascii_digit()) =>
            {
                seps.push(c);
                k += 1;
            }
            _ => return None,
        }
    }
    let same_sep = seps[0] == seps[1];
    let dmy = parts[0] <= 2 && parts[1] <= 2 && (parts[2] == 4 || parts[2] == 2);
    let ymd = parts[0] == 4 && parts[1] <= 2 && parts[2] <= 2;
    let followed_by_digit = chars.get(k).is_some_and(|&(_, c)| c.is_ascii_digit());
    (same_sep && (dmy || ymd) && !followed_by_digit).then_some(k)
}

/// A scale after position `k`: a Han/Hangul scale character glued to the number, or a scale word
/// of the profile after an optional space.
fn read_scale(text: &str, chars: &[(usize, char)], k: usize, profile: &Profile) -> Option<Scale> {
    let scales = &profile.numbers.scales;
    if scales.is_empty() {
        return None;
    }
    // Glued scale character (万, 億, 만) or a word after spaces.
    let mut s = k;
    while s < chars.len() && is_space_separator(chars[s].1) {
        s += 1;
    }
    if s >= chars.len() {
        return None;
    }
    let glued = s == k;
    let first = chars[s].1;
    if glued && !profile.spaces_between_words
        || matches!(script_of(first), Some(Script::Han | Script::Hangul))
    {
        // Single-character scales of languages without spaces.
        let key = first.to_string();
        // 千 is also the SI prefix kilo- in unit names (千瓦 kW, 千米 km, 千克 kg).
        let unit_prefix = first == '千'
            && chars
                .get(s + 1)
                .is_some_and(|&(_, n)| "瓦米克赫焦卡字".contains(n));
        if let Some(&factor) = scales.get(&key).filter(|_| !unit_prefix) {
            // 十 alone after digits is rare; 万/亿 are the usual ones.
            if factor >= 1e3 {
                return Some(Scale { factor, end: s + 1 });
            }
        }
        if !glued || !first.is_alphabetic() {
            return None;
        }
    }
    if !first.is_alphabetic() {
        return None;
    }
    let mut e = s;
    while e < chars.len() && is_word_char(chars[e].1) {
        e += 1;
    }
    let start = chars[s].0;
    let stop = if e < chars.len() {
        chars[e].0
    } else {
        text.len()
    };
    let word = text[start..stop].to_lowercase();
    // With a trailing dot first (abbreviations such as "Mio.", "тыс."), then without.
    if chars.get(e).is_some_and(|&(_, c)| c == '.') {
        if let Some(&f) = scales.get(&format!("{word}.")) {
            return Some(Scale {
                factor: f,
                end: e + 1,
            });
        }
    }
    let f = *scales.get(&word)?;
    // "100 hundred" is not a thing; a scale below a thousand after digits is a false friend
    // ("5 hundred" is rare, "5 cien" is wrong): only scales of 1000 and more follow digits.
    (f >= 1e3).then_some(Scale { factor: f, end: e })
}

/// If one of `words` (lower-cased, possibly several words) starts at `chars[k]`, the index after it.
fn match_word(text: &str, chars: &[(usize, char)], k: usize, words: &[String]) -> Option<usize> {
    let start = chars.get(k)?.0;
    // Only as far as the longest word and the character after it: lower-casing the whole rest of
    // the text at every number made long texts quadratic.
    let longest = words.iter().map(|w| w.chars().count()).max()?;
    let end = chars
        .get(k + longest + 1)
        .map_or(text.len(), |&(offset, _)| offset);
    let rest = &text[start..end];
    let lower = rest.to_lowercase();
    for w in words {
        if lower.starts_with(w.as_str()) && rest.len() == lower.len() {
            let after = lower[w.len()..].chars().next();
            if !after.is_some_and(|c| c.is_alphanumeric()) {
                return Some(k + w.chars().count());
            }
        }
    }
    None
}

/// Reads a number written in words from `chars[i]`: `three`, `twenty-five`, `dreiundzwanzig`,
/// `hundert Tausend`, `cincuenta y siete`. Always weak evidence.
fn read_words(
    text: &str,
    chars: &[(usize, char)],
    i: usize,
    profile: &Profile,
) -> Option<(NumberMention, usize)> {
    let numbers = &profile.numbers;
    if numbers.words.is_empty() && numbers.ordinal_words.is_empty() {
        return None;
    }
    let stop_of = |e: usize| {
        if e < chars.len() {
            chars[e].0
        } else {
            text.len()
        }
    };
    let word_at = |k: usize| -> Option<(String, usize)> {
        if k >= chars.len() || !chars[k].1.is_alphabetic() {
            return None;
        }
        // An apostrophe between letters is part of the word (Ukrainian `п’ять`).
        let run_end = |mut e: usize| {
            while e < chars.len()
                && (is_word_char(chars[e].1)
                    || matches!(chars[e].1, '\'' | '’' | 'ʼ')
                        && chars.get(e + 1).is_some_and(|&(_, n)| n.is_alphabetic()))
            {
                e += 1;
            }
            e
        };
        let e = run_end(k);
        // A number word written with a hyphen in the profile (`huit-centes`, `dos-cents`).
        if chars.get(e).is_some_and(|&(_, c)| c == '-') {
            let e2 = run_end(e + 1);
            let joined = lower(&text[chars[k].0..stop_of(e2)]);
            let listed =
                |w: &str| numbers.words.contains_key(w) || numbers.ordinal_words.contains_key(w);
            let after_clitic = numbers
                .word_prefixes
                .iter()
                .filter_map(|p| joined.strip_prefix(p.as_str()))
                .any(listed);
            if e2 > e + 1 && (listed(&joined) || after_clitic) {
                return Some((joined, e2));
            }
        }
        Some((lower(&text[chars[k].0..stop_of(e)]), e))
    };
    let (first, mut e) = word_at(i)?;
    // `yüzde` (per cent, before the number) reads as yüz + -de (in a hundred): it is no number.
    if numbers.percent_words_before.contains(&first) {
        return None;
    }
    let ordinal = std::iter::once(first.as_str())
        .chain(
            numbers
                .word_prefixes
                .iter()
                .filter_map(|p| first.strip_prefix(p.as_str())),
        )
        .find_map(|w| numbers.ordinal_words.get(w).copied())
        .or_else(|| ordinal_by_suffix(&first, numbers));
    let mut acc = WordAccumulator {
        units_before_tens: numbers.units_before_tens,
        ..WordAccumulator::default()
    };
    if let (Some(v), true) = (ordinal, numbers.ordinal_compounds) {
        // An ordinal that takes tens after it (Arabic الخامس عشر 15th, الخامس والأربعين 45th):
        // read on as a cardinal, and call the whole an ordinal.
        acc.push_value(v, false);
    } else if let Some(v) = ordinal {
        let stop = if e < chars.len() {
            chars[e].0
        } else {
            text.len()
        };
        let mut m = NumberMention::plain(
            v,
            NumberKind::Ordinal,
            &text[chars[i].0..stop],
            false,
            chars[i].0,
        );
        add_century_reading(&mut m);
        return Some((m, e));
    } else if !acc.push_compound(&first, profile) {
        return None;
    }
    let ordinal_compound = ordinal.is_some() && numbers.ordinal_compounds;
    // After an ordinal only its tens may follow: `عشر` (the teens) or the tens of twenty and
    // more (`الخامس والأربعين`), not another ordinal (`الخامسة والرابعة عشرة` is 5th and 14th).
    let tens_of_ordinal = |w: &str| {
        !ordinal_compound
            || decompose(w, profile).is_some_and(|parts| {
                let v = parts[0].0;
                parts.len() == 1
                    && !ordinal_by_prefix_is_ordinal(w, profile)
                    && (v == 10.0 || (20.0..100.0).contains(&v) && v % 10.0 == 0.0)
            })
    };
    let mut last_end = e;
    // Further words, with joiners ("and", "y", "-") between.
    loop {
        let mut k = e;
        while k < chars.len() && (chars[k].1 == ' ' || chars[k].1 == '-') {
            k += 1;
        }
        let Some((w, we)) = word_at(k) else { break };
        if numbers.joiners.contains(&w) {
            let mut k2 = we;
            while k2 < chars.len() && chars[k2].1 == ' ' {
                k2 += 1;
            }
            // What follows the joiner must belong to this number: `three million and five
            // million` stops before `and`.
            let before_joiner = (acc.clone(), last_end);
            match word_at(k2) {
                Some((w2, we2)) if tens_of_ordinal(&w2) && acc.push_compound(&w2, profile) => {
                    let mut k3 = we2;
                    while k3 < chars.len() && chars[k3].1 == ' ' {
                        k3 += 1;
                    }
                    let next_refused = word_at(k3).is_some_and(|(w3, _)| {
                        decompose(&w3, profile).is_some_and(|p| !acc.continues_with(&p))
                    });
                    if next_refused {
                        (acc, last_end) = before_joiner;
                        break;
                    }
                    e = we2;
                    last_end = we2;
                    continue;
                }
                _ => break,
            }
        }
        if tens_of_ordinal(&w) && acc.push_compound(&w, profile) {
            e = we;
            last_end = we;
        } else {
            break;
        }
    }
    // "one" and its likes (`ein`, `un`, `один`) are articles and pronouns as often as numbers;
    // like every number in words they are weak evidence: they may satisfy a source `1`, never
    // raise a finding.
    let value = acc.value()?;
    let mut kind = if ordinal.is_some() {
        NumberKind::Ordinal
    } else {
        NumberKind::Cardinal
    };
    // A percent word after the words (`jedno procento`, `un pour cent`): the number is a
    // percentage, which says a definite quantity even when it is one.
    let mut k = last_end;
    while k < chars.len() && is_space_separator(chars[k].1) {
        k += 1;
    }
    if let (NumberKind::Cardinal, Some(word_end)) =
        (kind, match_word(text, chars, k, &numbers.percent_words))
    {
        kind = NumberKind::Percent;
        last_end = word_end;
    }
    let stop = if last_end < chars.len() {
        chars[last_end].0
    } else {
        text.len()
    };
    let mut m = NumberMention::plain(value, kind, &text[chars[i].0..stop], false, chars[i].0);
    add_century_reading(&mut m);
    Some((m, last_end))
}

/// Adds up number words the usual way: units and tens add, `hundred` multiplies the current
/// group, `thousand` and above close it.
#[derive(Default, Clone)]
struct WordAccumulator {
    total: f64,
    group: f64,
    words: usize,
    seen: bool,
    /// The last scale of a thousand or more that closed a group: a later one must be smaller
    /// (`three million and five million` is two numbers, `three million five thousand` one).
    last_big: Option<f64>,
    /// The last value added since a scale.
    last_small: Option<f64>,
    /// Units written before the tens, in separate words (Arabic `أربعة عشر` 14,
    /// `خمسة وأربعون` 45).
    units_before_tens: bool,
}

impl WordAccumulator {
    /// Whether the parts of a word can continue this number.
    fn continues_with(&self, parts: &[(f64, bool)]) -> bool {
        let bigger_scale = parts
            .iter()
            .any(|&(v, is_scale)| is_scale && v >= 1000.0 && self.last_big.is_some_and(|b| v >= b));
        // A separate word adds to the number only when smaller than the last one added
        // (`twenty five`, `hundred and five`); `neljä kymmenestä` (four of ten) is two numbers.
        let not_smaller = parts.first().is_some_and(|&(v, is_scale)| {
            !is_scale
                && self.last_small.is_some_and(|l| v >= l)
                && !(self.units_before_tens
                    && v % 10.0 == 0.0
                    && v < 100.0
                    && self.last_small < Some(10.0))
        });
        !bigger_scale && !not_smaller
    }

    fn push_value(&mut self, v: f64, is_scale: bool) {
        self.words += 1;
        self.seen = true;
        if is_scale && v >= 1000.0 {
            let g = if self.group == 0.0 { 1.0 } else { self.group };
            self.total += g * v;
            self.group = 0.0;
            self.last_big = Some(v);
            self.last_small = None;
        } else if is_scale {
            self.group = if self.group == 0.0 { v } else { self.group * v };
            self.last_small = None;
        } else {
            self.group += v;
            self.last_small = Some(v);
        }
    }

    /// Pushes a word, or a compound of number words (`dreiundzwanzig`, `hunderttausend`); false
    /// if it is not (entirely) a number word.
    fn push_compound(&mut self, word: &str, profile: &Profile) -> bool {
        let parts = decompose(word, profile)
            .or_else(|| compound_adjective(word, &profile.numbers).map(|v| vec![(v, false)]));
        let parts = match parts {
            Some(p) if self.continues_with(&p) => p,
            _ => return false,
        };
        // A compound's tens and units ("drei" + "und" + "zwanzig") add up before scales apply.
        for (v, is_scale) in parts {
            self.push_value(v, is_scale);
        }
        true
    }

    fn value(&self) -> Option<f64> {
        self.seen.then_some(self.total + self.group)
    }
}

/// The value of a number word with a case ending (`kahdessa` = `kahde` + `ssa` = 2), the
/// longest ending first.
fn strip_case_ending(word: &str, numbers: &crate::lang::profile::NumberRules) -> Option<f64> {
    numbers
        .word_suffixes
        .iter()
        .filter(|suffix| word.len() > suffix.len() + 2)
        .filter_map(|suffix| {
            let stem = word.strip_suffix(suffix.as_str())?;
            let v = numbers
                .stems
                .get(stem)
                .or_else(|| numbers.words.get(stem))?;
            Some((suffix.len(), *v))
        })
        .max_by_key(|&(len, _)| len)
        .map(|(_, v)| v)
}

/// Whether a word is an ordinal word once an attached clitic is stripped (`والرابعة`).
fn ordinal_by_prefix_is_ordinal(word: &str, profile: &Profile) -> bool {
    let numbers = &profile.numbers;
    std::iter::once(word)
        .chain(
            numbers
                .word_prefixes
                .iter()
                .filter_map(|p| word.strip_prefix(p.as_str())),
        )
        .any(|w| numbers.ordinal_words.contains_key(w))
}

/// An ordinal word made from a cardinal by a suffix: French `quinz|ième` (quinze), Italian
/// `sedic|esimo` (sedici), or from a stem of the profile's `ordinal_stems` with a case ending:
/// Czech `pát|ém`, `osm|ého`.
fn ordinal_by_suffix(word: &str, numbers: &crate::lang::profile::NumberRules) -> Option<f64> {
    if numbers.words.contains_key(word) {
        return None; // a cardinal that happens to end like an ordinal (Czech `jedné`)
    }
    numbers
        .ordinal_word_suffixes
        .iter()
        .filter_map(|suffix| {
            word.strip_suffix(suffix.as_str())
                .map(|stem| (suffix, stem))
        })
        .filter(|(_, stem)| stem.chars().count() >= 2)
        .filter_map(|(suffix, stem)| {
            let v = numbers.ordinal_stems.get(stem).copied().or_else(|| {
                // The cardinal with its last vowel restored (quinz → quinze, sedic → sedici),
                // in languages that derive ordinals so, not from case endings (Czech `jedné`).
                if !numbers.ordinals_from_cardinals {
                    return None;
                }
                std::iter::once(stem.to_string())
                    .chain(["e", "i", "o", "a"].iter().map(|v| format!("{stem}{v}")))
                    .find_map(|w| numbers.words.get(&w).copied())
            })?;
            Some((suffix.len(), v))
        })
        .max_by_key(|&(len, _)| len)
        .map(|(_, v)| v)
}

/// The number that begins a compound adjective (`zweimonatig`, `tříprocentní`, `двухмесячный`):
/// a stem of the profile's `compound_stems` followed by at least four more letters.
fn compound_adjective(word: &str, numbers: &crate::lang::profile::NumberRules) -> Option<f64> {
    if numbers.compound_stems.is_empty()
        || !may_be_number_word(word, numbers)
        || numbers.not_number_words.iter().any(|w| w == word)
    {
        return None; // a language that does not write such compounds (`tenant` is not 10)
    }
    // The longest prefix that is a number word or a stem (`achtzehn|jährige`, `kolme|metrinen`).
    let listed = |prefix: &str| {
        numbers
            .compound_stems
            .get(prefix)
            .or_else(|| numbers.words.get(prefix))
            .copied()
    };
    word.char_indices()
        .map(|(k, _)| k)
        .filter(|&k| k > 0 && word[k..].chars().count() >= 4)
        .rev()
        .find_map(|k| listed(&word[..k]))
}

/// The first two characters of a lower-case word.
fn head2(word: &str) -> &str {
    let end = word.char_indices().nth(2).map_or(word.len(), |(k, _)| k);
    &word[..end]
}

/// Whether a lower-case word may be a number word of the profile: it starts as one of its
/// words, scales, ordinals or stems does, after a clitic or not.
fn may_be_number_word(word: &str, numbers: &crate::lang::profile::NumberRules) -> bool {
    let starts = numbers.starts.get_or_init(|| {
        numbers
            .words
            .keys()
            .chain(numbers.scales.keys())
            .chain(numbers.ordinal_words.keys())
            .chain(numbers.stems.keys())
            .chain(numbers.ordinal_stems.keys())
            .chain(numbers.compound_stems.keys())
            .map(|w| head2(w).to_string())
            .collect()
    });
    let listed = |w: &str| {
        starts.contains(head2(w))
            || w.chars().count() == 1 && starts.iter().any(|s| s.starts_with(w))
    };
    // After an attached clitic too (Arabic `ب|ثلاث`, `وال|خمسين`).
    listed(word)
        || numbers
            .word_prefixes
            .iter()
            .any(|p| word.strip_prefix(p.as_str()).is_some_and(&listed))
}

/// Splits a word into number words, scales and joiners of the profile, longest first. `None`
/// unless the whole word is consumed.
fn decompose(word: &str, profile: &Profile) -> Option<Vec<(f64, bool)>> {
    let numbers = &profile.numbers;
    if !may_be_number_word(word, numbers) {
        return None;
    }
    if let Some(&v) = numbers.words.get(word) {
        return Some(vec![(v, false)]);
    }
    for prefix in &numbers.word_prefixes {
        if let Some(rest) = word.strip_prefix(prefix.as_str()) {
            if let Some(&v) = numbers
                .words
                .get(rest)
                .or_else(|| numbers.ordinal_words.get(rest))
            {
                return Some(vec![(v, false)]);
            }
        }
    }
    if let Some(&v) = numbers.scales.get(word) {
        return Some(vec![(v, true)]);
    }
    if let Some(v) = strip_case_ending(word, numbers) {
        return Some(vec![(v, false)]);
    }
    // Compounds only in languages that write them (German, Dutch, Scandinavian, Greek...):
    // at least two parts, each at least 3 letters.
    if word.chars().count() < 6 {
        return None;
    }
    let mut out = Vec::new();
    let mut rest = word;
    let mut pending_unit: Option<f64> = None;
    while !rest.is_empty() {
        let mut best: Option<(usize, f64, bool, bool)> = None;
        for (w, &v) in &numbers.words {
            if w.chars().count() >= 3
                && rest.starts_with(w.as_str())
                && best.is_none_or(|b| w.len() > b.0)
            {
                best = Some((w.len(), v, false, false));
            }
        }
        for (w, &v) in &numbers.scales {
            if w.chars().count() >= 3
                && !w.ends_with('.')
                && rest.starts_with(w.as_str())
                && best.is_none_or(|b| w.len() > b.0)
            {
                best = Some((w.len(), v, true, false));
            }
        }
        for j in &numbers.joiners {
            if !j.is_empty()
                && j != "-"
                && rest.starts_with(j.as_str())
                && best.is_none_or(|b| j.len() > b.0)
                && (!out.is_empty() || pending_unit.is_some())
            {
                best = Some((j.len(), 0.0, false, true));
            }
        }
        let (len, v, is_scale, joiner) = best?;
        if joiner {
            // "drei|und|zwanzig": the unit before the joiner is added to the tens after it.
        } else if let Some(u) = pending_unit.take() {
            out.push((u, false));
            out.push((v, is_scale));
        } else if !is_scale && v < 10.0 && rest.len() > len {
            pending_unit = Some(v);
        } else {
            out.push((v, is_scale));
        }
        rest = &rest[len..];
    }
    if let Some(u) = pending_unit {
        out.push((u, false));
    }
    (out.len() >= 2).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::profile::profile;

    fn values(text: &str, lang: &str) -> Vec<(f64, bool)> {
        extract(text, profile(lang))
            .into_iter()
            .filter(|m| m.kind != NumberKind::Date)
            .map(|m| (m.value, m.digits))
            .collect()
    }

    fn strong(text: &str, lang: &str) -> Vec<f64> {
        values(text, lang)
            .into_iter()
            .filter(|v| v.1)
            .map(|v| v.0)
            .collect()
    }

    #[test]
    fn the_same_value_in_every_locale() {
        for (text, lang) in [
            ("100 thousand soldiers", "en"),
            ("100,000 soldiers", "en"),
            ("100.000 Soldaten", "de"),
            ("100 Tsd. Soldaten", "de"),
            ("100 000 soldats", "fr"),
            ("100\u{202F}000 soldats", "fr"),
            ("100\u{00A0}000 soldats", "fr"),
            ("100 тысяч военных", "ru"),
            ("10万名士兵", "zh"),
            ("10万人の兵士", "ja"),
            ("100 bin asker", "tr"),
            ("١٠٠ ألف جندي", "ar"),
        ] {
            assert_eq!(strong(text, lang), [100_000.0], "{text}");
        }
    }

    #[test]
    fn decimals_follow_the_language() {
        assert_eq!(strong("2.5 million", "en"), [2_500_000.0]);
        assert_eq!(strong("2,5 Millionen", "de"), [2_500_000.0]);
        assert_eq!(strong("1,000.5", "en"), [1000.5]);
        assert_eq!(strong("1.000,5", "de"), [1000.5]);
        assert_eq!(strong("3,25", "fr"), [3.25]);
    }

    #[test]
    fn codes_are_not_quantities() {
        assert!(strong("COVID-19, G7, F-16, MH17 and ttn-23", "en").is_empty());
    }

    #[test]
    fn percentages_ordinals_and_years() {
        let m = extract("5% of the 2nd group in 1962", profile("en"));
        assert_eq!(
            m.iter().map(|m| (m.value, m.kind)).collect::<Vec<_>>(),
            [
                (5.0, NumberKind::Percent),
                (2.0, NumberKind::Ordinal),
                (1962.0, NumberKind::Cardinal)
            ]
        );
        assert_eq!(extract("1962年", profile("zh"))[0].value, 1962.0);
        assert_eq!(
            extract("am 5. Januar", profile("de"))[0].kind,
            NumberKind::Ordinal
        );
    }

    #[test]
    fn numbers_in_words_are_weak_evidence() {
        assert_eq!(values("three soldiers", "en"), [(3.0, false)]);
        assert_eq!(values("twenty-five", "en"), [(25.0, false)]);
        assert_eq!(values("dreiundzwanzig Soldaten", "de"), [(23.0, false)]);
        // `one` and `ein` are read, as weak evidence like every number word: they may satisfy
        // a source `1`, never raise a finding.
        assert_eq!(values("one of them", "en"), [(1.0, false)]);
        assert_eq!(values("ein Soldat", "de"), [(1.0, false)]);
        // A number word that begins a compound adjective: `zweimonatig`, `tříprocentní`.
        assert_eq!(values("die zweimonatige Brutzeit", "de"), [(2.0, false)]);
        assert_eq!(values("tříprocentní úročení", "cs"), [(3.0, false)]);
        // Case endings on stems (Finnish), Arabic compound ordinals, scales that close.
        assert_eq!(values("kahdessa maassa", "fi"), [(2.0, false)]);
        assert_eq!(values("الخامس والأربعين", "ar"), [(45.0, false)]);
        assert_eq!(
            values("three million and five million copies", "en"),
            [(3e6, false), (5e6, false)]
        );
    }

    #[test]
    fn han_numerals() {
        assert_eq!(values("五十七个国家", "zh"), [(57.0, false)]);
        assert_eq!(values("一九六二年", "zh"), [(1962.0, false)]);
        assert_eq!(values("十万名士兵", "zh"), [(100000.0, false)]);
        assert_eq!(values("一些国家", "zh"), []);
    }

    #[test]
    fn native_digits() {
        assert_eq!(strong("١٩٦٢", "ar"), [1962.0]);
        assert_eq!(strong("۱۹۶۲", "fa"), [1962.0]);
        assert_eq!(strong("१९६२", "hi"), [1962.0]);
        assert_eq!(strong("๑๙๖๒", "th"), [1962.0]);
        assert_eq!(strong("１９６２年", "ja"), [1962.0]);
    }

    #[test]
    fn numeric_dates_are_left_to_the_date_check() {
        let m = extract("am 13.01.2022 und 2022-01-13", profile("de"));
        assert!(m.iter().all(|m| m.kind == NumberKind::Date), "{m:?}");
    }

    #[test]
    fn times_decades_and_shared_scales() {
        let kinds = |t: &str, l: &str| {
            extract(t, profile(l))
                .into_iter()
                .map(|m| (m.kind, m.value))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            kinds("the market (6.30-10am)", "en"),
            [(NumberKind::Time, 390.0), (NumberKind::Time, 600.0)]
        );
        assert_eq!(
            kinds("Markt (6:30 – 10:00)", "de"),
            [(NumberKind::Time, 390.0), (NumberKind::Time, 600.0)]
        );
        assert_eq!(
            kinds("entre 06h30 et 10h00", "fr"),
            [(NumberKind::Time, 390.0), (NumberKind::Time, 600.0)]
        );
        let en = extract("in the 1970s", profile("en"));
        let de = extract("in den 70er Jahren", profile("de"));
        assert!(en[0].matches(&de[0]));
        let en = extract("balances of £3,000-£5,000", profile("en"));
        let ru = extract("от 3 до 5 тысяч фунтов", profile("ru"));
        assert!(
            en[0].matches(&ru[0]) && en[1].matches(&ru[1]),
            "{en:?} {ru:?}"
        );
        let en = extract("the same 1,335 euros", profile("en"));
        let de = extract("die gleichen 1,335 €", profile("de"));
        assert!(en[0].matches(&de[0]), "same digits as written");
        assert_eq!(strong("15，001英镑", "zh"), [15001.0]);
    }

    #[test]
    fn roman_numerals_and_classifiers() {
        assert_eq!(values("в конце XV века", "ru"), [(15.0, false)]);
        assert_eq!(values("I think MIX is not", "en"), []);
        assert_eq!(values("三名士兵", "zh"), [(3.0, false)]);
        assert_eq!(strong("可產生多達2900千瓦的電力", "zh"), [2900.0]);
        assert_eq!(values("لم تتجاوز العشرين من عمرها", "ar"), [(20.0, false)]);
        // Roman numerals after an elided article, with an ordinal suffix, and a lone V or X
        // beside a century word.
        assert_eq!(values("alla fine dell'VIII secolo", "it"), [(8.0, false)]);
        assert_eq!(values("au XXe siècle", "fr"), [(20.0, false)]);
        assert_eq!(values("nel V secolo a.C.", "it"), [(5.0, false)]);
        assert_eq!(values("en el siglo V a. C.", "es"), [(5.0, false)]);
        assert_eq!(values("Vitamin V is", "en"), []);
        let times = |text: &str, lang: &str| -> Vec<(f64, NumberKind)> {
            extract(text, profile(lang))
                .into_iter()
                .map(|m| (m.value, m.kind))
                .collect()
        };
        assert_eq!(times("à 23 h 45", "fr"), [(705.0, NumberKind::Time)]);
        assert_eq!(times("在23點45分講話", "zh"), [(705.0, NumberKind::Time)]);
        assert_eq!(
            times("1832年10月31日", "zh"),
            [
                (1832.0, NumberKind::Cardinal),
                (10.0, NumberKind::Date),
                (31.0, NumberKind::Date)
            ]
        );
        assert_eq!(
            extract("19世紀50年代", profile("zh"))[0].alternatives,
            [50.0]
        );
    }

    #[test]
    fn ordinal_words_by_suffix_and_halves() {
        assert_eq!(values("du quinzième siècle", "fr"), [(15.0, false)]);
        assert_eq!(values("del sedicesimo secolo", "it"), [(16.0, false)]);
        assert_eq!(values("v pátém století", "cs"), [(5.0, false)]);
        assert_eq!(values("Viidennellä vuosisadalla", "fi"), [(5.0, false)]);
        assert_eq!(values("पांचवी सदी में", "hi"), [(5.0, false)]);
        // A Czech cardinal that ends like an ordinal stays a cardinal.
        assert_eq!(
            extract("jedné z nich", profile("cs"))[0].kind,
            NumberKind::Cardinal
        );
        assert_eq!(
            strong("à 1 million et demi de dollars", "fr"),
            [1_500_000.0]
        );
        assert_eq!(strong("15 milioni e mezzo", "it"), [15_500_000.0]);
        assert_eq!(values("un milliard et demi", "fr"), [(1.5e9, false)]);
        // Turkish endings on number words and scales.
        assert_eq!(values("yalnızca ellisi", "tr"), [(50.0, false)]);
        assert_eq!(strong("5,7 milyondan fazla", "tr"), [5_700_000.0]);
        // Arabic: units before tens; an ordinal takes its tens, not the next ordinal.
        assert_eq!(values("أربعة عشر رجلا", "ar"), [(14.0, false)]);
        assert_eq!(
            values("بين الخامسة والرابعة عشرة", "ar"),
            [(5.0, false), (14.0, false)]
        );
        // Separate words add only when smaller: four of ten is two numbers.
        assert_eq!(
            values("Neljä kymmenestä", "fi"),
            [(4.0, false), (10.0, false)]
        );
    }

    #[test]
    fn ranges_and_negative_numbers() {
        assert_eq!(strong("10–12 people", "en"), [10.0, 12.0]);
        assert_eq!(strong("from 2019-2021", "en"), [2019.0, 2021.0]);
        assert_eq!(strong("it fell to -5 degrees", "en"), [-5.0]);
    }

    fn mentions(text: &str, lang: &str) -> Vec<(f64, NumberKind, String, Vec<f64>)> {
        extract(text, profile(lang))
            .into_iter()
            .map(|m| (m.value, m.kind, m.text, m.alternatives))
            .collect()
    }

    #[test]
    fn per_cent_words_before_and_after_number_words() {
        let percent = |text: &str, lang: &str| {
            mentions(text, lang)
                .into_iter()
                .filter(|m| m.1 == NumberKind::Percent)
                .map(|m| (m.0, m.2))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            percent("snížila o zhruba jedno procento", "cs"),
            [(1.0, "jedno procento".to_string())]
        );
        assert_eq!(
            percent("une baisse d'un pour cent", "fr"),
            [(1.0, "d'un pour cent".to_string())]
        );
        // Turkish puts it first; `yüzde` itself (yüz + -de) is no hundred.
        assert_eq!(
            percent("oyların yalnızca yüzde on biri kullanılmıştı", "tr"),
            [(11.0, "yüzde on biri".to_string())]
        );
        assert_eq!(
            percent("yalnızca %11 kullanıldı", "tr"),
            [(11.0, "%11".to_string())]
        );
        assert_eq!(values("yüzde birden fazla", "tr"), [(1.0, false)]);
    }

    #[test]
    fn financial_numerals_alone_are_words() {
        assert!(values("比布蘭斯菲爾德發現大陸早了", "zh").is_empty());
        assert!(values("他參加了會議，收拾行李", "zh").is_empty());
        assert_eq!(values("壹佰元", "zh"), [(100.0, false)]);
        // 一 before a classifier, also after 大 or 小; not in 统一 or alone.
        assert_eq!(values("一大群人", "zh"), [(1.0, false)]);
        assert_eq!(values("一小塊釙", "zh"), [(1.0, false)]);
        assert!(values("国家统一", "zh").is_empty());
    }

    #[test]
    fn a_decade_only_of_a_century_there_has_been() {
        let m = &mentions("在20世紀60年代", "zh")[0];
        assert_eq!((m.0, m.3.clone()), (1960.0, vec![60.0]));
        let m = &mentions("在720世紀60年代", "zh")[0];
        assert_eq!((m.0, m.3.clone()), (71960.0, vec![]));
    }

    #[test]
    fn ordinal_words_may_be_centuries() {
        let m = mentions("during the thirteenth century", "en");
        assert_eq!(
            (m[0].0, m[0].1, m[0].3.clone()),
            (13.0, NumberKind::Ordinal, vec![1200.0])
        );
        let m = mentions("in the twenty-first century", "en");
        assert_eq!((m[0].0, m[0].2.as_str()), (21.0, "twenty-first"));
        assert_eq!(values("the Sixties", "en"), [(60.0, false)]);
    }

    #[test]
    fn arabic_duals_say_two() {
        assert_eq!(values("تستمر لشهرين", "ar"), [(2.0, false)]);
        assert_eq!(values("بمقدار درجتين مئويتين", "ar"), [(2.0, false)]);
    }
}

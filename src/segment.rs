//! Segmentation: splits paragraphs into sentences, with each language's rules.
//!
//! Written by hand rather than with `unicode-segmentation`'s sentence bounds, which split after
//! "Mr.", "U.S." and German ordinals ("am 5. Januar") and do not split "soldiers.Statue" (a
//! missing space, common in scraped text). The rules here are the Unicode ones simplified, plus
//! the profile's abbreviations, ordinal dots and sentence terminators (`。！？`, `؟`, `।`).

use crate::lang::profile::Profile;

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// 0-based paragraph index.
    pub paragraph: usize,
    /// 0-based index of the sentence within its paragraph.
    pub index: usize,
    pub text: String,
}

/// Splits every paragraph of a document into sentences.
pub fn split_document(paragraphs: &[String], profile: &Profile) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        for (i, text) in split_sentences(para, profile).into_iter().enumerate() {
            out.push(Sentence {
                paragraph: p,
                index: i,
                text: text.to_string(),
            });
        }
    }
    out
}

/// Characters that close a sentence in every language.
fn is_universal_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '。'
            | '！'
            | '？'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '؟'
            | '।'
            | '॥'
            | '։'
            | '჻'
    )
}

/// Characters that may follow a terminator and still belong to the sentence: closing quotes and
/// brackets.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '’'
            | '”'
            | '»'
            | '«'
            | '“'
            | '‘'
            | '›'
            | '‹'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〉'
            | '》'
            | '〕'
    )
}

/// Opening quotes and brackets that may start a sentence.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '‘'
            | '“'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '('
            | '['
            | '「'
            | '『'
            | '（'
            | '【'
            | '《'
            | '¿'
            | '¡'
            | '—'
            | '–'
            | '-'
    )
}

/// Terminators of scripts without spaces: a sentence ends there even when no space follows.
fn is_fullwidth_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '．')
}

/// A letter of a script written without spaces between words (Han, kana, Thai).
fn is_unspaced_letter(c: char) -> bool {
    use crate::extract::script::script_of;
    use crate::lang::profile::Script;
    matches!(
        script_of(c),
        Some(Script::Han | Script::Kana | Script::Thai)
    )
}

/// Splits one paragraph into sentences, returned as trimmed slices of it.
pub fn split_sentences<'a>(text: &'a str, profile: &Profile) -> Vec<&'a str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let extra: Vec<char> = profile
        .sentences
        .terminators
        .iter()
        .filter_map(|t| t.chars().next())
        .collect();
    let is_term = |c: char| is_universal_terminator(c) || extra.contains(&c);
    let mut bounds = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if !is_term(c) {
            i += 1;
            continue;
        }
        // Extend over further terminators and closing marks: `?!`, `...`, `.”`, `。」`.
        let mut j = i + 1;
        while j < chars.len() && (is_term(chars[j].1) || is_closing(chars[j].1)) {
            j += 1;
        }
        let end = if j < chars.len() {
            chars[j].0
        } else {
            text.len()
        };
        if j >= chars.len() {
            break;
        }
        if is_boundary(&chars, i, j, text, profile) {
            bounds.push(end);
        }
        i = j;
    }
    let min = profile.sentences.space_ends_sentence_after;
    if min > 0 {
        bounds = with_space_bounds(&chars, bounds, min);
    }
    let mut out = Vec::new();
    let mut start = 0;
    for b in bounds {
        push_bounded(&mut out, &text[start..b]);
        start = b;
    }
    push_bounded(&mut out, &text[start..]);
    out
}

/// Adds to `bounds` the spaces that end a sentence in a script without sentence marks (Thai): a
/// space between two letters of a script other than Latin, once the sentence so far has `min`
/// characters. Spaces beside digits or Latin words (`ปี 2024`, `ของ Apple`) end nothing.
fn with_space_bounds(chars: &[(usize, char)], bounds: Vec<usize>, min: usize) -> Vec<usize> {
    use crate::extract::script::script_of;
    use crate::lang::profile::Script;
    // Thai vowel signs and tone marks count: `ที่` ends in one.
    let native = |c: char| script_of(c).is_some_and(|s| s != Script::Latin);
    let mut out = Vec::with_capacity(bounds.len());
    let mut marks = bounds.into_iter().peekable();
    let mut since = 0; // characters since the last bound
    for k in 0..chars.len() {
        let (offset, c) = chars[k];
        while let Some(b) = marks.next_if(|&b| b <= offset) {
            out.push(b);
            since = 0;
        }
        since += 1;
        let between_letters = c == ' '
            && k > 0
            && native(chars[k - 1].1)
            && chars.get(k + 1).is_some_and(|&(_, n)| native(n));
        if between_letters && since > min {
            out.push(chars[k + 1].0);
            since = 0;
        }
    }
    out.extend(marks);
    out
}

/// The longest sentence kept whole, in characters. Real sentences stay far below it (a 300-word
/// legal sentence has about 2,000); a longer one is a run of text without terminators (a table
/// dump, a scraped page on one line, hostile input) and is cut into pieces of at most this length,
/// at a space where there is one, so that alignment and checks always work on bounded pieces.
pub const MAX_SENTENCE_CHARS: usize = 3000;

/// Pushes `sentence`, trimmed, unless empty; one longer than [`MAX_SENTENCE_CHARS`] is pushed in
/// pieces, each cut at the last space in the second half of the allowed length, else at the limit.
fn push_bounded<'a>(out: &mut Vec<&'a str>, sentence: &'a str) {
    let mut rest = sentence.trim();
    while let Some((limit, _)) = rest.char_indices().nth(MAX_SENTENCE_CHARS) {
        let window = &rest[..limit];
        let cut = window
            .rfind(char::is_whitespace)
            .filter(|&space| space >= window.len() / 2)
            .unwrap_or(limit);
        let (piece, tail) = rest.split_at(cut);
        let piece = piece.trim_end();
        if !piece.is_empty() {
            out.push(piece);
        }
        rest = tail.trim_start();
    }
    if !rest.is_empty() {
        out.push(rest);
    }
}

/// Decides whether the terminator run `chars[i..j]` ends a sentence.
fn is_boundary(chars: &[(usize, char)], i: usize, j: usize, text: &str, profile: &Profile) -> bool {
    let term = chars[i].1;
    let last = chars[j - 1].1;
    if is_fullwidth_terminator(term) || is_fullwidth_terminator(last) {
        return true;
    }
    let next = chars[j].1;
    let spaced = next.is_whitespace();
    // The first character of the next sentence, past spaces and opening marks.
    let mut k = j;
    while k < chars.len() && (chars[k].1.is_whitespace() || is_opening(chars[k].1)) {
        k += 1;
    }
    let Some(&(_, first)) = chars.get(k) else {
        return false;
    };
    let word_before = word_before(chars, i);
    let word_before = word_before.as_str();
    // "the deal was close.价格", "…of 90 hectares.1976年": a sentence of a spaced script ended
    // right before a letter of a script written without spaces, or a number written with one (an
    // English sentence left inside Chinese or Japanese text).
    if !spaced && k == j && word_before.chars().count() >= 2 {
        let after_digits = chars[k..].iter().find(|&&(_, c)| !c.is_ascii_digit());
        if after_digits.is_some_and(|&(_, c)| is_unspaced_letter(c)) {
            return true;
        }
    }
    if term == '.' && j == i + 1 {
        if !spaced {
            // "soldiers.Statue": a missing space after a lower-case word of 3+ letters, before a
            // capitalised word. Anything else without a space ("U.S.", "3.5", "e.g.") is not a
            // boundary.
            // ("Giovanni.In 1928" too: a capitalised word of 3+ letters before a capital that
            // begins a word, one letter long or more.)
            let word_ends_lower = word_before.chars().count() >= 3
                && word_before.chars().skip(1).all(|c| c.is_lowercase());
            let capital_word = first.is_uppercase()
                && chars
                    .get(k + 1)
                    .is_some_and(|&(_, c)| c.is_lowercase() || c.is_whitespace());
            return word_ends_lower && capital_word && k == j;
        }
        if is_abbreviation(chars, i, text, profile) {
            return false;
        }
        if profile.sentences.ordinal_dot
            && !word_before.is_empty()
            && word_before.chars().all(|c| c.is_ascii_digit())
            && word_before.len() <= 3
        {
            // "am 5. Januar", "der 2. Weltkrieg": an ordinal when the next word is lower case
            // or a month name.
            let next_word: String = chars[k..]
                .iter()
                .map(|&(_, c)| c)
                .take_while(|c| c.is_alphabetic())
                .collect();
            let lower = next_word.to_lowercase();
            let is_month = profile.dates.months.iter().flatten().any(|m| *m == lower);
            // "der 2. Weltkrieg": after a short word (article, preposition) a small
            // number with a dot is an ordinal far more often than a sentence end.
            let before_number: String = {
                let digits_start = i - word_before.chars().count();
                let mut w: Vec<char> = chars[..digits_start]
                    .iter()
                    .rev()
                    .map(|&(_, c)| c)
                    .skip_while(|c| c.is_whitespace())
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                w.reverse();
                w.into_iter().collect()
            };
            let after_function_word =
                !before_number.is_empty() && before_number.chars().count() <= 4;
            if first.is_lowercase() || is_month || after_function_word {
                return false;
            }
        }
    } else if !spaced && !is_closing(chars[j - 1].1) {
        return false;
    }
    if !spaced && !chars[j - 1].1.is_whitespace() && !is_closing(last) && term != '.' {
        return false;
    }
    // A sentence starts with a capital, a digit, an opening mark, or a letter of a script
    // without case.
    first.is_uppercase()
        || first.is_ascii_digit()
        || (first.is_alphabetic() && !first.is_lowercase())
        || chars[j..k]
            .iter()
            .any(|&(_, c)| is_opening(c) && !c.is_whitespace())
            && !first.is_lowercase()
}

/// The letters or digits immediately before position `i`.
fn word_before(chars: &[(usize, char)], i: usize) -> String {
    let mut word: Vec<char> = chars[..i]
        .iter()
        .rev()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphanumeric())
        .collect();
    word.reverse();
    word.into_iter().collect()
}

fn is_abbreviation(chars: &[(usize, char)], i: usize, text: &str, profile: &Profile) -> bool {
    // The token before the dot, with its inner dots: "z.B", "U.S", "Dr", "т.е".
    let end = chars[i].0;
    let start = chars[..i]
        .iter()
        .rev()
        .take_while(|&&(_, c)| !c.is_whitespace() && !is_opening(c) && c != '(')
        .last()
        .map_or(end, |&(o, _)| o);
    let token = &text[start..end];
    if token.is_empty() {
        return false;
    }
    // A single letter is an initial ("G. O. Dyhrenfurth", "J. F. Kennedy") or part of an
    // abbreviation ("z. B.", "d. h.").
    if token.chars().count() == 1 && token.chars().all(char::is_alphabetic) {
        return true;
    }
    let abbreviations = &profile.sentences.abbreviations;
    if abbreviations.iter().any(|a| a == token) {
        return true;
    }
    // Two-word abbreviations such as "z. B" or "v. Chr": the token with the previous one.
    let before = text[..start].trim_end();
    {
        let prev_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(p, c)| p + c.len_utf8());
        let two = format!("{} {}", &before[prev_start..], token);
        if abbreviations.contains(&two) {
            return true;
        }
    }
    // Dotted initialisms ("U.S.", "e.g.") ending in a single letter.
    token.contains('.') && token.split('.').all(|p| p.chars().count() <= 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::profile::profile;

    fn split(text: &str, lang: &str) -> Vec<String> {
        split_sentences(text, profile(lang))
            .into_iter()
            .map(String::from)
            .collect()
    }

    #[test]
    fn english_abbreviations_initials_and_missing_spaces() {
        assert_eq!(
            split(
                "Mr. Smith met Dr. Jones in the U.S. capital. They talked.",
                "en"
            ),
            [
                "Mr. Smith met Dr. Jones in the U.S. capital.",
                "They talked."
            ]
        );
        assert_eq!(
            split("He cited J. F. Kennedy. It worked.", "en"),
            ["He cited J. F. Kennedy.", "It worked."]
        );
        assert_eq!(
            split(
                "Russia has assembled 100 thousand soldiers.Statue Anatoli Stepanov / AFP",
                "en"
            ),
            [
                "Russia has assembled 100 thousand soldiers.",
                "Statue Anatoli Stepanov / AFP"
            ]
        );
        assert_eq!(
            split("It costs 3.5 million. Really?", "en"),
            ["It costs 3.5 million.", "Really?"]
        );
    }

    #[test]
    fn quotation_closing_after_terminator_stays_with_the_sentence() {
        assert_eq!(
            split(
                "“We will act.” Lukashevich tweeted. He called it “a moment of truth.”",
                "en"
            ),
            [
                "“We will act.”",
                "Lukashevich tweeted.",
                "He called it “a moment of truth.”"
            ]
        );
    }

    #[test]
    fn german_ordinals_and_abbreviations() {
        assert_eq!(
            split(
                "Das Treffen ist am 5. Januar. Es kommen z. B. Vertreter der OSZE.",
                "de"
            ),
            [
                "Das Treffen ist am 5. Januar.",
                "Es kommen z. B. Vertreter der OSZE."
            ]
        );
        assert_eq!(
            split("Der 2. Weltkrieg endete 1945. Danach kam Frieden.", "de"),
            ["Der 2. Weltkrieg endete 1945.", "Danach kam Frieden."]
        );
    }

    #[test]
    fn russian_abbreviations() {
        assert_eq!(
            split(
                "Это было в 1962 г. в Москве. Потом т.е. позже всё изменилось.",
                "ru"
            ),
            [
                "Это было в 1962 г. в Москве.",
                "Потом т.е. позже всё изменилось."
            ]
        );
    }

    #[test]
    fn cjk_terminators_need_no_space() {
        assert_eq!(
            split("俄罗斯很失望。他说：“这是真相时刻。”谈判失败了！", "zh"),
            ["俄罗斯很失望。", "他说：“这是真相时刻。”", "谈判失败了！"]
        );
        assert_eq!(
            split("ロシアは失望した。「真実の瞬間だ」と述べた。", "ja"),
            ["ロシアは失望した。", "「真実の瞬間だ」と述べた。"]
        );
        // An English sentence left untranslated inside Chinese text ends at its own dot.
        assert_eq!(
            split(
                "会谈结束。Officials said the deal was close.价格大幅上涨。",
                "zh"
            ),
            [
                "会谈结束。",
                "Officials said the deal was close.",
                "价格大幅上涨。"
            ]
        );
        // ... also before a number that begins the Chinese sentence, and between two sentences
        // of a spaced script joined without a space after a capitalised word.
        assert_eq!(
            split(
                "Поле площадью 90 гектаров.1976年，賽馬場已經不再使用。",
                "zh"
            ),
            ["Поле площадью 90 гектаров.", "1976年，賽馬場已經不再使用。"]
        );
        assert_eq!(
            split("Лошади были в Сесто-Сан-Джованни.В 1928 году.", "ru"),
            ["Лошади были в Сесто-Сан-Джованни.", "В 1928 году."]
        );
        assert_eq!(split("增长了3.5%。", "zh"), ["增长了3.5%。"]);
        assert_eq!(
            split("Version 2.1998年发布。", "zh"),
            ["Version 2.1998年发布。"]
        );
        assert_eq!(
            split("He met J.R.R. Tolkien.", "en"),
            ["He met J.R.R. Tolkien."]
        );
    }

    #[test]
    fn arabic_greek_and_hindi_terminators() {
        assert_eq!(
            split("هل سيختار الحوار؟ لا أحد يعرف.", "ar"),
            ["هل سيختار الحوار؟", "لا أحد يعرف."]
        );
        assert_eq!(split("वह आया। वह गया।", "hi"), ["वह आया।", "वह गया।"]);
    }

    #[test]
    fn multibyte_spaces_before_a_dot() {
        assert_eq!(
            split(
                "la Russie a rassemblé 100\u{202F}000. Puis\u{202F}M. Dupont est venu.",
                "fr"
            )
            .len(),
            2
        );
    }

    #[test]
    fn paragraphs_are_numbered() {
        let doc = split_document(
            &["One. Two.".to_string(), "Three.".to_string()],
            profile("en"),
        );
        let pos: Vec<(usize, usize)> = doc.iter().map(|s| (s.paragraph, s.index)).collect();
        assert_eq!(pos, [(0, 0), (0, 1), (1, 0)]);
    }

    #[test]
    fn thai_sentences_end_at_a_space_once_long_enough() {
        let th = profile("th");
        let text = "นายกรัฐมนตรีเดินทางไปเยือนกรุงโตเกียวเมื่อวันจันทร์ที่ผ่านมา เพื่อหารือเรื่องการค้ากับผู้นำญี่ปุ่น \
                    การประชุมครั้งนี้ใช้เวลาสามชั่วโมง ทั้งสองฝ่ายตกลงที่จะเพิ่มการลงทุนเป็น 2,000 ล้านบาท ตามรายงานของ Reuters";
        let got = split_sentences(text, th);
        assert_eq!(
            got,
            // 61 characters (marks included), then a space: a sentence. The next space comes
            // after 35: a clause, kept with what follows.
            [
                "นายกรัฐมนตรีเดินทางไปเยือนกรุงโตเกียวเมื่อวันจันทร์ที่ผ่านมา",
                "เพื่อหารือเรื่องการค้ากับผู้นำญี่ปุ่น การประชุมครั้งนี้ใช้เวลาสามชั่วโมง",
                "ทั้งสองฝ่ายตกลงที่จะเพิ่มการลงทุนเป็น 2,000 ล้านบาท ตามรายงานของ Reuters",
            ]
        );
        // Spaces beside digits and Latin words end nothing; other languages keep their spaces.
        assert_eq!(split_sentences("ปี 2024 ของ Apple", th).len(), 1);
        assert_eq!(split_sentences(text, profile("en")).len(), 1);
    }
}

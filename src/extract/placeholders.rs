//! Placeholders and inline tags: the parts of a software string or a tagged segment that a
//! program fills in or a renderer interprets, and that a translation must keep as they are.
//!
//! Recognised, with the key they are compared by:
//!
//! | form | examples | key |
//! | --- | --- | --- |
//! | printf | `%s`, `%d`, `%-5.2f`, `%lld`, `%@` | as written |
//! | printf, positional | `%1$d`, `%2$s` | as written |
//! | Python named | `%(name)s` | as written |
//! | brace | `{0}`, `{name}`, `{user.name}`, `${name}` | as written, spaces inside removed |
//! | double brace | `{{name}}`, `{{ name \| upper }}` | as written, spaces inside removed |
//! | ICU argument | `{count, plural, one {…} other {…}}`, `{d, date, short}` | `{count}`, `{d}` by name |
//! | dollar | `$1` … `$9` (not money: see below) | as written |
//! | tag | `<b>`, `</b>`, `<br/>`, `<a href="…">`, `<0>`, and `&lt;b&gt;` kept escaped in text | `<b>`, `</b>`, `<br/>`, `<a>` |
//!
//! Prose must not match: a printf conversion needs a letter right after the `%` and its flags
//! (`50 % of` and `%50` are not placeholders, since the space flag is not accepted and `%50`
//! has no conversion), and one with a width is not followed by a letter; braces need an
//! identifier or a number inside; a tag needs a known HTML/inline element name, a number, or an
//! attribute with `=`. `$1` is money when a digit, a decimal point or a scale word
//! (`$1 million`) follows, and is then left to the number check.
//!
//! The texts of an ICU plural or select (`one {# file}`) are translated text: the placeholders in
//! them are found too and marked [`Placeholder::in_branch`], since a target language with other
//! plural categories repeats them a different number of times.
//!
//! Written by hand rather than with regular expressions: an ICU argument nests braces to any
//! depth, which a regular expression cannot balance, and the other forms are a few lines each.

use std::ops::Range;

/// The kind of a placeholder, which decides how a change is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceholderKind {
    /// `%s`, `%d`: filled in order, so their order matters.
    Printf,
    /// `%1$d`, `%(name)s`: filled by position or name, in any order.
    PrintfNamed,
    /// `{0}`, `{name}`, `{{name}}`, `${name}`, ICU arguments.
    Brace,
    /// `$1`.
    Dollar,
    /// `<b>`, `</b>`, `<br/>`.
    Tag,
    /// An inline code of a bilingual file (TMX `<ph>`, XLIFF `<x/>`), kept out of the text.
    Code,
}

/// A placeholder or tag found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// Byte offsets in the text.
    pub start: usize,
    pub end: usize,
    /// As written (an ICU argument: its opening, `{count, plural,`).
    pub text: String,
    /// What a translation must keep: see the module documentation.
    pub key: String,
    pub kind: PlaceholderKind,
    /// Inside a branch of an ICU plural or select.
    pub in_branch: bool,
}

/// Every placeholder and tag of `text`, in order.
pub fn extract(text: &str) -> Vec<Placeholder> {
    if !text.contains(['%', '{', '$', '<', '&']) {
        return Vec::new();
    }
    let mut out = Vec::new();
    scan(text, 0..text.len(), false, &mut out, 0);
    out.sort_by_key(|p| p.start);
    out
}

/// The inline codes of a bilingual unit's side (tokens from the loader), as placeholders keyed by
/// the token; they have no place in the text, so their span is empty.
pub fn inline_codes(codes: &[String]) -> Vec<Placeholder> {
    codes
        .iter()
        .map(|code| Placeholder {
            start: 0,
            end: 0,
            text: code.clone(),
            key: code.clone(),
            kind: PlaceholderKind::Code,
            in_branch: false,
        })
        .collect()
}

/// The spans of `text` that extraction of numbers and names must not read: every placeholder,
/// and the structure of ICU arguments (their selectors and braces).
pub fn masked(text: &str) -> Option<String> {
    let spans = mask_spans(text);
    if spans.is_empty() {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    for span in spans {
        // Spaces, byte for byte: the offsets of everything else stay those of the original text,
        // and placeholder spans are whole characters, so the result is still UTF-8.
        bytes[span].fill(b' ');
    }
    String::from_utf8(bytes).ok()
}

fn mask_spans(text: &str) -> Vec<Range<usize>> {
    if !text.contains(['%', '{', '$', '<', '&']) {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut structure = Vec::new();
    scan_with(text, 0..text.len(), false, &mut found, &mut structure, 0);
    found
        .into_iter()
        .map(|p| p.start..p.end)
        .chain(structure)
        .collect()
}

/// How deep ICU arguments may nest before the rest is taken as text (hostile input).
const MAX_DEPTH: usize = 8;

fn scan(
    text: &str,
    range: Range<usize>,
    in_branch: bool,
    out: &mut Vec<Placeholder>,
    depth: usize,
) {
    let mut structure = Vec::new();
    scan_with(text, range, in_branch, out, &mut structure, depth);
}

fn scan_with(
    text: &str,
    range: Range<usize>,
    in_branch: bool,
    out: &mut Vec<Placeholder>,
    structure: &mut Vec<Range<usize>>,
    depth: usize,
) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    while i < range.end {
        let found = match bytes[i] {
            b'%' => printf(text, i, range.end),
            b'{' => {
                if depth < MAX_DEPTH {
                    if let Some((p, branches, skeleton, end)) = icu(text, i, range.end) {
                        out.push(Placeholder { in_branch, ..p });
                        structure.extend(skeleton);
                        for b in branches {
                            scan_with(text, b, true, out, structure, depth + 1);
                        }
                        i = end;
                        continue;
                    }
                }
                brace(text, i, range.end)
            }
            b'$' => dollar(text, i, range.end),
            b'<' => tag(text, i, range.end, false),
            b'&' => tag(text, i, range.end, true),
            _ => None,
        };
        match found {
            Some(p) => {
                i = p.end;
                out.push(Placeholder { in_branch, ..p });
            }
            None => i += 1,
        }
    }
}

fn placeholder(
    text: &str,
    start: usize,
    end: usize,
    key: String,
    kind: PlaceholderKind,
) -> Placeholder {
    Placeholder {
        start,
        end,
        text: text[start..end].to_string(),
        key,
        kind,
        in_branch: false,
    }
}

/// `%s`, `%-5.2f`, `%1$d`, `%(name)s`; `%%` is a literal percent sign.
fn printf(text: &str, start: usize, limit: usize) -> Option<Placeholder> {
    let b = &text.as_bytes()[..limit];
    let mut i = start + 1;
    if b.get(i) == Some(&b'%') {
        return None;
    }
    let mut named = false;
    if b.get(i) == Some(&b'(') {
        let close = i + 1 + b[i + 1..].iter().take(64).position(|&c| c == b')')?;
        if close == i + 1
            || !b[i + 1..close]
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || *c == b'_')
        {
            return None;
        }
        i = close + 1;
        named = true;
    } else {
        // `%1$d`: a position, then `$`.
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && b.get(i + digits) == Some(&b'$') && b[i] != b'0' {
            i += digits + 1;
            named = true;
        }
    }
    while matches!(b.get(i), Some(b'-' | b'+' | b'#' | b'0')) {
        i += 1;
    }
    let width_start = i;
    while b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'*') {
        i += 1;
    }
    if b.get(i) == Some(&b'.')
        && b.get(i + 1)
            .is_some_and(|c| c.is_ascii_digit() || *c == b'*')
    {
        i += 1;
        while b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'*') {
            i += 1;
        }
    }
    let sized = i > width_start;
    for length in ["hh", "ll", "h", "l", "L", "z", "j", "t", "q"] {
        if text[i..limit].starts_with(length)
            && text[i + length.len()..limit]
                .starts_with(|c: char| c.is_ascii() && is_conversion(c as u8))
        {
            i += length.len();
            break;
        }
    }
    let conversion = *b.get(i)?;
    if !is_conversion(conversion) {
        return None;
    }
    i += 1;
    // `%5s` in a word is more likely prose than a format (`%50si` in Turkish is not one).
    if sized && !named && text[i..limit].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    // After a number, `%` is a percent sign: `50%d` is not written as prose, but `50%s` is a
    // Turkish suffix less often than a format; only a letter directly after a digit is refused.
    if !named
        && text[..start].ends_with(|c: char| c.is_alphanumeric())
        && text[i..limit].starts_with(|c: char| c.is_alphabetic())
    {
        return None;
    }
    let kind = if named {
        PlaceholderKind::PrintfNamed
    } else {
        PlaceholderKind::Printf
    };
    Some(placeholder(
        text,
        start,
        i,
        text[start..i].to_string(),
        kind,
    ))
}

fn is_conversion(c: u8) -> bool {
    matches!(
        c,
        b'd' | b'i'
            | b'u'
            | b'o'
            | b'x'
            | b'X'
            | b'e'
            | b'E'
            | b'f'
            | b'F'
            | b'g'
            | b'G'
            | b'a'
            | b'A'
            | b'c'
            | b's'
            | b'p'
            | b'@'
    )
}

/// The first `n` bytes of `s` or fewer, cut at a character boundary: every search for a closing
/// brace or bracket looks this far only, so text with many openers and no closer stays linear.
fn window(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut end = n;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// How far an ICU argument may reach (bytes) before it is taken as text.
const MAX_ICU_LEN: usize = 20_000;

fn is_identifier(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && (s.bytes().all(|c| c.is_ascii_digit())
            || (s.starts_with(|c: char| c.is_alphabetic() || c == '_')
                && s.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))))
}

/// `{0}`, `{name}`, `{{name}}`, `{{ name | filter }}`, and `${name}` (the `{` is at `start`).
fn brace(text: &str, start: usize, limit: usize) -> Option<Placeholder> {
    let rest = &text[start..limit];
    let dollar = text[..start].ends_with('$');
    let start = if dollar { start - 1 } else { start };
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    if let Some(inner) = rest.strip_prefix("{{") {
        let close = window(inner, 200).find("}}")?;
        let body = &inner[..close];
        let head = body.split('|').next().unwrap_or("");
        if close > 80 || !is_identifier(head) || body.contains(['{', '}']) {
            return None;
        }
        let end = text[..limit]
            .len()
            .min(start + usize::from(dollar) + 2 + close + 2);
        let key = squeeze(&text[start..end]);
        return Some(placeholder(text, start, end, key, PlaceholderKind::Brace));
    }
    let inner = &rest[1..];
    let close = window(inner, 200).find('}')?;
    let body = &inner[..close];
    // `{0,number}`, `{0, number, integer}`: a formatted argument without branches.
    let name = body.split(',').next().unwrap_or("");
    if close > 80 || !is_identifier(name) || body.contains('{') {
        return None;
    }
    let end = start + usize::from(dollar) + 1 + close + 1;
    let key = if body.contains(',') {
        format!("{{{}}}", name.trim())
    } else {
        squeeze(&text[start..end])
    };
    Some(placeholder(text, start, end, key, PlaceholderKind::Brace))
}

/// An ICU plural, selectordinal or select argument at `start`: the placeholder (its opening, keyed
/// by the argument's name), the ranges of its branch texts, the spans of its structure, and where
/// the whole argument ends.
#[allow(clippy::type_complexity)]
fn icu(
    text: &str,
    start: usize,
    limit: usize,
) -> Option<(Placeholder, Vec<Range<usize>>, Vec<Range<usize>>, usize)> {
    let b = text.as_bytes();
    let rest = window(&text[start + 1..limit], MAX_ICU_LEN);
    let limit = start + 1 + rest.len();
    let mut parts = window(rest, 200).splitn(3, ',');
    let name = parts.next()?;
    let kind = parts.next()?.trim();
    if !is_identifier(name) || !matches!(kind, "plural" | "select" | "selectordinal") {
        return None;
    }
    parts.next()?;
    let head_end = start + 1 + name.len() + 1 + rest[name.len() + 1..].find(',')? + 1;
    let mut i = head_end;
    let mut branches = Vec::new();
    let mut skeleton = Vec::new();
    skeleton.push(start..head_end);
    loop {
        while i < limit && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= limit {
            return None;
        }
        if b[i] == b'}' {
            skeleton.push(i..i + 1);
            i += 1;
            break;
        }
        // A selector (`one`, `=0`, `offset:1`, a select value), then `{branch}`.
        let selector_start = i;
        while i < limit && !b[i].is_ascii_whitespace() && b[i] != b'{' && b[i] != b'}' {
            i += 1;
        }
        if i == selector_start {
            return None;
        }
        if text[selector_start..i].starts_with("offset:") {
            skeleton.push(selector_start..i);
            continue;
        }
        while i < limit && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= limit || b[i] != b'{' {
            return None;
        }
        skeleton.push(selector_start..i + 1);
        let branch_start = i + 1;
        let mut depth = 1usize;
        i += 1;
        while i < limit && depth > 0 {
            match b[i] {
                b'{' => depth += 1,
                b'}' => depth -= 1,
                _ => {}
            }
            i += 1;
        }
        if depth > 0 {
            return None;
        }
        branches.push(branch_start..i - 1);
        skeleton.push(i - 1..i);
    }
    let key = format!("{{{}}}", name.trim());
    let p = placeholder(text, start, head_end, key, PlaceholderKind::Brace);
    Some((p, branches, skeleton, i))
}

/// Words after `$1` that make it an amount of money rather than a placeholder.
const MONEY_SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "bn", "m", "k", "mn", "tn",
];

/// `$1` … `$9` (JavaScript `replace`, shell and SQL positions), when it is not money.
fn dollar(text: &str, start: usize, limit: usize) -> Option<Placeholder> {
    let b = &text.as_bytes()[..limit];
    if b.get(start + 1) == Some(&b'{') {
        return None; // `${name}`: read at its brace
    }
    let digit = *b.get(start + 1)?;
    if !(b'1'..=b'9').contains(&digit) {
        return None;
    }
    let end = start + 2;
    if text[..start].ends_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let after = &text[end..limit];
    let decimal = (after.starts_with('.') || after.starts_with(','))
        && after[1..].starts_with(|c: char| c.is_ascii_digit());
    if decimal || after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let next_word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    if after.trim_start().starts_with(|c: char| c.is_ascii_digit())
        || MONEY_SCALES.contains(&next_word.as_str())
    {
        return None;
    }
    Some(placeholder(
        text,
        start,
        end,
        text[start..end].to_string(),
        PlaceholderKind::Dollar,
    ))
}

/// Element names taken as tags without attributes: HTML's inline and block elements and the
/// inline codes of XLIFF and TMX, so that `<b>` is a tag and `a <b and c> d` is not.
const TAG_NAMES: &[&str] = &[
    "a",
    "abbr",
    "b",
    "big",
    "blockquote",
    "bold",
    "br",
    "button",
    "cite",
    "code",
    "del",
    "div",
    "em",
    "font",
    "g",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "italic",
    "kbd",
    "label",
    "li",
    "link",
    "mark",
    "ol",
    "p",
    "ph",
    "q",
    "s",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "td",
    "th",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "x",
    "bx",
    "ex",
    "bpt",
    "ept",
    "it",
];

/// `<b>`, `</b>`, `<br/>`, `<a href="…">`, `<0>`; escaped as `&lt;b&gt;` when `escaped`.
fn tag(text: &str, start: usize, limit: usize, escaped: bool) -> Option<Placeholder> {
    let (open, close) = if escaped {
        ("&lt;", "&gt;")
    } else {
        ("<", ">")
    };
    let rest = &text[start..limit];
    let inner_start = rest.strip_prefix(open)?;
    let end_rel = window(inner_start, 210).find(close)?;
    let inner = &inner_start[..end_rel];
    if end_rel > 200 || inner.contains(['<', '>', '\n']) || (escaped && inner.contains("&lt;")) {
        return None;
    }
    let closing = inner.starts_with('/');
    let body = inner.trim_start_matches('/');
    let self_closing = body.trim_end().ends_with('/');
    let body = body.trim_end().trim_end_matches('/');
    let name_len = body.find(|c: char| c.is_whitespace()).unwrap_or(body.len());
    let name = &body[..name_len];
    let attributes = body[name_len..].trim();
    let known = TAG_NAMES.contains(&name.to_ascii_lowercase().as_str());
    let numbered = !name.is_empty() && name.bytes().all(|c| c.is_ascii_digit());
    let valid_name = !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '_'));
    if !valid_name || (closing && !attributes.is_empty()) {
        return None;
    }
    let with_attributes = !attributes.is_empty() && attributes.contains('=');
    if !(known || numbered || with_attributes)
        || (!attributes.is_empty() && !attributes.contains('='))
    {
        return None;
    }
    let end = start + open.len() + end_rel + close.len();
    let key = format!(
        "<{}{}{}>",
        if closing { "/" } else { "" },
        name.to_ascii_lowercase(),
        if self_closing { "/" } else { "" }
    );
    Some(placeholder(text, start, end, key, PlaceholderKind::Tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        extract(text).into_iter().map(|p| p.key).collect()
    }

    #[test]
    fn printf_forms() {
        assert_eq!(keys("Deleted %d files in %s"), ["%d", "%s"]);
        assert_eq!(
            keys("%1$d of %2$s, %(name)s and %-5.2f, %lld, %@"),
            ["%1$d", "%2$s", "%(name)s", "%-5.2f", "%lld", "%@"]
        );
        assert_eq!(keys("100%% sure"), Vec::<String>::new());
    }

    #[test]
    fn percent_signs_in_prose_are_not_placeholders() {
        for prose in [
            "50 % of voters",
            "a 5% rise",
            "oyların %50'si",
            "%50si",
            "rose 5%, and fell",
            "100%ige Sicherheit",
        ] {
            assert_eq!(keys(prose), Vec::<String>::new(), "{prose}");
        }
    }

    #[test]
    fn brace_forms() {
        assert_eq!(
            keys("Hello {name}, you have {0} and {{count}} and {{ user | upper }}"),
            ["{name}", "{0}", "{{count}}", "{{user|upper}}"]
        );
        assert_eq!(keys("${name} and {0, number, integer}"), ["${name}", "{0}"]);
        assert_eq!(keys("a set {x y} or {} or {1 + 2}"), Vec::<String>::new());
    }

    #[test]
    fn icu_arguments_by_name_with_branch_placeholders() {
        let found =
            extract("{count, plural, =0 {no files} one {# file by {user}} other {# files}} left");
        let summary: Vec<(String, bool)> =
            found.iter().map(|p| (p.key.clone(), p.in_branch)).collect();
        assert_eq!(
            summary,
            [("{count}".to_string(), false), ("{user}".to_string(), true)]
        );
        // The structure is masked, the branch text is not.
        let masked = masked("{n, plural, one {1 file} other {many files}}").unwrap();
        assert_eq!(
            masked.split_whitespace().collect::<Vec<_>>(),
            ["1", "file", "many", "files"]
        );
    }

    #[test]
    fn dollar_positions_but_not_money() {
        assert_eq!(keys("Replace $1 with $2."), ["$1", "$2"]);
        for money in ["costs $1 million", "$1.5", "$5,000", "$1bn", "a$1"] {
            assert_eq!(keys(money), Vec::<String>::new(), "{money}");
        }
    }

    #[test]
    fn tags_plain_and_escaped() {
        assert_eq!(
            keys("Click <b>here</b> or <a href=\"x\">there</a><br/>"),
            ["<b>", "</b>", "<a>", "</a>", "<br/>"]
        );
        assert_eq!(
            keys("&lt;br/&gt; and &lt;i&gt;x&lt;/i&gt; and <0>y</0>"),
            ["<br/>", "<i>", "</i>", "<0>", "</0>"]
        );
        assert_eq!(keys("if a <b and c> d, x<y"), Vec::<String>::new());
        assert_eq!(keys("<mytag>"), Vec::<String>::new());
    }

    #[test]
    fn masking_keeps_offsets() {
        let text = "Étape %1$d sur {0}: <b>Paris</b>";
        let masked = masked(text).unwrap();
        assert_eq!(masked.len(), text.len());
        let words: Vec<&str> = masked.split_whitespace().collect();
        assert_eq!(words, ["Étape", "sur", ":", "Paris"]);
        assert_eq!(
            &masked[masked.find("Paris").unwrap()..][..5],
            &text[text.find("Paris").unwrap()..][..5]
        );
    }

    #[test]
    fn many_openers_without_closers_stay_linear() {
        let n = 200_000;
        for unit in ["{", "{{", "<b ", "&lt;", "{a, plural, one {", "%(", "$"] {
            // Every search for a closer is bounded: a quadratic scan would not finish here.
            let text = unit.repeat(n / unit.len());
            assert!(extract(&text).is_empty(), "{unit}");
            assert_eq!(masked(&text), None, "{unit}");
        }
    }

    #[test]
    fn deep_or_broken_icu_is_text() {
        let deep = format!("{}{}", "{a, plural, one {".repeat(50), "}".repeat(100));
        let _ = extract(&deep);
        // An unclosed plural is not an argument; the braces inside it are read on their own.
        assert_eq!(keys("{n, plural, one {x}"), ["{x}"]);
    }

    proptest::proptest! {
        /// Any mix of placeholder punctuation and multi-byte letters: no panic, spans on
        /// character boundaries, and masking keeps every byte offset.
        #[test]
        fn any_text_is_scanned_safely(text in "[{}%$<>&;,/=\"#a-z0-9 éд中ł$()*.lgt]{0,60}") {
            for p in extract(&text) {
                proptest::prop_assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
                proptest::prop_assert_eq!(&text[p.start..p.end], p.text.as_str());
            }
            if let Some(m) = masked(&text) {
                proptest::prop_assert_eq!(m.len(), text.len());
            }
        }
    }
}

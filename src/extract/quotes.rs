//! Quotations: the spans of a text between a language's quotation marks.
//!
//! The marks come from the language's profile (`„…“` in German, `« … »` in French, `「…」` in
//! Japanese...). A mark that is both an apostrophe and a closing quote (`’`) closes a quotation
//! only when one is open and it is not between two letters (`Russia’s`, `l’OTAN`). Symmetric
//! marks (`"…"`, Swedish `”…”`) open when nothing of theirs is open and close otherwise.
//! Languages that mark direct speech with a dash (`— To katastrofa — powiedziała.`) say so in
//! their profile; [`speech_by_dash`] reads that span.

use crate::lang::profile::Profile;

/// One quotation: where its marks are and whether it was closed.
#[derive(Debug, Clone, PartialEq)]
pub struct Quotation {
    /// Empty for a closing mark with no opening one in the segment.
    pub open: String,
    /// Empty when the quotation is never closed in the segment.
    pub close: String,
    /// The quoted words, without the marks.
    pub inner: String,
    /// Byte offset of the opening mark (or of the stray closing mark).
    pub start: usize,
}

impl Quotation {
    pub fn is_closed(&self) -> bool {
        !self.open.is_empty() && !self.close.is_empty()
    }

    /// How many words the quotation covers (CJK characters count a word per two).
    pub fn word_count(&self) -> usize {
        let spaced = self
            .inner
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        let cjk = self
            .inner
            .chars()
            .filter(|c| {
                matches!(
                    crate::extract::script::script_of(*c),
                    Some(crate::lang::profile::Script::Han | crate::lang::profile::Script::Kana)
                )
            })
            .count();
        spaced.max(cjk / 2)
    }
}

/// Double quotation marks of any tradition.
fn is_double(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '「' | '」' | '『' | '』' | '＂'
    )
}

/// Marks that only ever open a quotation.
fn is_opening_only(c: char) -> bool {
    matches!(c, '„' | '「' | '『')
}

fn is_apostrophe_like(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// Extracts the quotations of a text.
pub fn extract(text: &str, profile: &Profile) -> Vec<Quotation> {
    let pairs: Vec<(char, char)> = profile
        .quotes
        .pairs
        .iter()
        .filter_map(|[o, c]| Some((single_char(o)?, single_char(c)?)))
        .collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // Open quotations: (index in `pairs`, char index of the mark).
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    let letter = |k: Option<usize>| {
        k.and_then(|k| chars.get(k))
            .is_some_and(|&(_, c)| c.is_alphanumeric())
    };
    for (i, &(offset, c)) in chars.iter().enumerate() {
        let prev_letter = letter(i.checked_sub(1));
        let next_letter = letter(Some(i + 1));
        if is_apostrophe_like(c) && prev_letter && next_letter {
            continue; // Russia’s, l’OTAN, don't
        }
        // Closing an open quotation (innermost first, then deeper ones left unclosed).
        // A quotation opened with the ASCII mark may close with a typographic one of the same
        // kind and the other way round ("…” is a common slip): marks are compared by kind.
        let closes = |p: usize| {
            let (open, close) = pairs[p];
            close == c
                || (open == '"' && is_double(c) && !is_opening_only(c))
                || (c == '"' && is_double(open))
        };
        if let Some(depth) = stack.iter().rposition(|&(p, _)| closes(p)) {
            let is_open_candidate = pairs.iter().any(|&(o, cl)| o == c && o != cl);
            // An apostrophe-like mark after a letter closes only if a quotation with it is open.
            if !(is_open_candidate && !prev_letter && next_letter && depth + 1 != stack.len()) {
                while stack.len() > depth + 1 {
                    let (p, at) = stack.pop().unwrap();
                    out.push(unclosed(text, &chars, pairs[p].0, at));
                }
                let (p, at) = stack.pop().unwrap();
                let inner_start = chars[at].0 + pairs[p].0.len_utf8();
                out.push(Quotation {
                    open: pairs[p].0.to_string(),
                    close: c.to_string(),
                    inner: text[inner_start..offset].trim().to_string(),
                    start: chars[at].0,
                });
                continue;
            }
        }
        let also_closer = pairs.iter().any(|&(o, cl)| cl == c && o != c);
        let prev_space = i == 0 || chars[i - 1].1.is_whitespace();
        let next_space = chars
            .get(i + 1)
            .is_none_or(|&(_, n)| n.is_whitespace() || n.is_ascii_punctuation());
        let right_flanking = !prev_space && next_space;
        if let Some(p) = pairs
            .iter()
            .position(|&(o, _)| o == c)
            .filter(|_| !(also_closer && right_flanking))
        {
            // An apostrophe-like opening mark must start a word: 'dead track', not rock'n'roll.
            if is_apostrophe_like(c) && (prev_letter || !next_letter) {
                continue;
            }
            stack.push((p, i));
            continue;
        }
        // A closing mark used to open ("”We face…”"): left-flanking, before a letter.
        if pairs.iter().any(|&(_, cl)| cl == c)
            && prev_space
            && next_letter
            && !is_apostrophe_like(c)
        {
            if let Some(p) = pairs.iter().position(|&(_, cl)| cl == c) {
                stack.push((p, i));
                continue;
            }
        }
        if pairs.iter().any(|&(_, cl)| cl == c) && !(is_apostrophe_like(c) && prev_letter) {
            out.push(Quotation {
                open: String::new(),
                close: c.to_string(),
                inner: String::new(),
                start: offset,
            });
        }
    }
    for (p, at) in stack {
        out.push(unclosed(text, &chars, pairs[p].0, at));
    }
    out.sort_by_key(|q| q.start);
    out
}

/// Dashes that introduce direct speech where the language allows it (`QuoteRules::speech_dash`).
fn is_speech_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

/// Direct speech marked by a dash instead of quotation marks, in a language whose profile allows
/// it: the dash starts the segment or follows a colon, and the speech runs to the next dash
/// after a space (before the attribution: `— To katastrofa — powiedziała.`, `—Es un desastre
/// —dijo.`, `— Это так, — сказал он.`) or to the end of the segment. Only the first such span.
pub fn speech_by_dash(text: &str, profile: &Profile) -> Option<Quotation> {
    if !profile.quotes.speech_dash {
        return None;
    }
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let start = if trimmed.starts_with(is_speech_dash) {
        lead
    } else {
        let colon = text.find(':')?;
        let after = &text[colon + 1..];
        let rest = after.trim_start();
        if !rest.starts_with(is_speech_dash) {
            return None;
        }
        colon + 1 + (after.len() - rest.len())
    };
    let dash = text[start..].chars().next()?;
    let body_start = start + dash.len_utf8();
    let body = &text[body_start..];
    // Speech begins with a word, a number or Spanish's inverted marks, not with another dash.
    let first = body.trim_start().chars().next()?;
    if !(first.is_alphanumeric() || matches!(first, '¿' | '¡' | '…')) {
        return None;
    }
    let mut end = body.len();
    let mut prev_space = false;
    for (i, c) in body.char_indices() {
        if is_speech_dash(c) && prev_space {
            end = i;
            break;
        }
        prev_space = c.is_whitespace();
    }
    let inner = body[..end]
        .trim()
        .trim_end_matches(',')
        .trim_end()
        .to_string();
    Some(Quotation {
        open: dash.to_string(),
        close: dash.to_string(),
        inner,
        start,
    })
}

fn unclosed(text: &str, chars: &[(usize, char)], open: char, at: usize) -> Quotation {
    let start = chars[at].0;
    Quotation {
        open: open.to_string(),
        close: String::new(),
        inner: text[start + open.len_utf8()..].trim().to_string(),
        start,
    }
}

fn single_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::profile::profile;

    fn shape(text: &str, lang: &str) -> Vec<(String, String, String)> {
        extract(text, profile(lang))
            .into_iter()
            .map(|q| (q.open, q.close, q.inner))
            .collect()
    }

    fn q(o: &str, c: &str, i: &str) -> (String, String, String) {
        (o.into(), c.into(), i.into())
    }

    #[test]
    fn english_quotes_and_apostrophes() {
        assert_eq!(
            shape("He called it “a moment of truth.” Russia’s view", "en"),
            [q("“", "”", "a moment of truth.")]
        );
        assert_eq!(shape("On ‘dead track’", "en"), [q("‘", "’", "dead track")]);
        assert_eq!(shape("the leaders’ meeting", "en"), []);
        assert_eq!(shape("“We will act", "en"), [q("“", "", "We will act")]);
    }

    #[test]
    fn german_low_high_quotes() {
        assert_eq!(
            shape("Er nannte es „einen Moment der Wahrheit“.", "de"),
            [q("„", "“", "einen Moment der Wahrheit")]
        );
    }

    #[test]
    fn nested_quotes() {
        let got = shape("„Er sagte ‚nein‘ und ging“", "de");
        assert_eq!(
            got,
            [q("„", "“", "Er sagte ‚nein‘ und ging"), q("‚", "‘", "nein")]
        );
    }

    #[test]
    fn mixed_and_misused_marks() {
        assert_eq!(
            shape("\"雖然如此，”他寫道。", "zh"),
            [q("\"", "”", "雖然如此，")]
        );
        assert_eq!(
            shape("”我們面臨競爭，”他說道。", "zh"),
            [q("“", "”", "我們面臨競爭，")]
        );
    }

    #[test]
    fn speech_marked_by_dashes() {
        let inner = |text: &str, lang: &str| speech_by_dash(text, profile(lang)).map(|q| q.inner);
        assert_eq!(
            inner("— To katastrofa dla pacjentów — powiedziała Mailis.", "pl").as_deref(),
            Some("To katastrofa dla pacjentów")
        );
        assert_eq!(
            inner("—Es un desastre —dijo Mailis—.", "es").as_deref(),
            Some("Es un desastre")
        );
        assert_eq!(
            inner("— Это катастрофа, — сказала Мейлис.", "ru").as_deref(),
            Some("Это катастрофа")
        );
        assert_eq!(
            inner("Jeff Knott oświadczył: — Byłbym bardzo zaskoczony.", "pl").as_deref(),
            Some("Byłbym bardzo zaskoczony.")
        );
        // Not speech: a dash inside the sentence, a language that does not mark speech so, an
        // English dash.
        assert_eq!(inner("Ceny wzrosły — i to bardzo.", "pl"), None);
        assert_eq!(inner("— Das ist eine Katastrophe — sagte sie.", "de"), None);
        assert_eq!(inner("— This is a disaster — she said.", "en"), None);
    }

    #[test]
    fn stray_closing_mark() {
        assert_eq!(shape("und ging“ weg", "de"), [q("", "“", "")]);
    }
}

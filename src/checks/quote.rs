//! The `quote` check: quotations missing, added or left unclosed in the target.
//!
//! Each side is read with its own language's marks, so `“…”` may become `„…“`, `« … »` or
//! `「…」`. A quotation of several words is speech or a title and must survive translation; one or
//! two words in quotes ("scare quotes") are often rendered otherwise, so their loss is a warning.

use super::{Issue, PairContext};
use crate::extract::Quotation;
use crate::finding::{CheckId, Severity};

/// Quotations of at least this many words are reported as errors when lost.
const SPEECH_WORDS: usize = 3;

/// Quotations of at most this many words may be the title of a work.
const TITLE_WORDS: usize = 6;

pub fn check(ctx: &PairContext) -> Vec<Issue> {
    if ctx.source.text.trim().is_empty() || ctx.target.text.trim().is_empty() {
        return Vec::new();
    }
    let src = &ctx.source.facts.quotes;
    let tgt = &ctx.target.facts.quotes;
    let mut issues = Vec::new();
    let src_unclosed = src.iter().filter(|q| !q.is_closed()).count();
    let tgt_unclosed: Vec<&Quotation> = tgt
        .iter()
        .filter(|q| !q.open.is_empty() && q.close.is_empty())
        .collect();
    let tgt_stray = tgt.iter().filter(|q| q.open.is_empty()).count();
    let src_stray = src.iter().filter(|q| q.open.is_empty()).count();
    if tgt_unclosed.len() > src_unclosed.saturating_sub(src_stray) {
        let q = tgt_unclosed[0];
        issues.push(Issue {
            check: CheckId::Quote,
            severity: Severity::Error,
            source: src.first().map(|q| q.inner.clone()).unwrap_or_default(),
            target: q.inner.clone(),
            message: format!(
                "quotation opened with {} is never closed in the target",
                q.open
            ),
        });
    }
    if tgt_stray > src_stray && tgt_unclosed.is_empty() && src_unclosed == 0 {
        issues.push(Issue {
            check: CheckId::Quote,
            severity: Severity::Error,
            source: String::new(),
            target: tgt
                .iter()
                .find(|q| q.open.is_empty())
                .map(|q| q.close.clone())
                .unwrap_or_default(),
            message: "closing quotation mark in the target has no opening mark".to_string(),
        });
    }
    let src_quotes: Vec<&Quotation> = src.iter().filter(|q| !q.open.is_empty()).collect();
    let mut tgt_marked: Vec<&Quotation> = tgt.iter().filter(|q| !q.open.is_empty()).collect();
    let tgt_quotes = tgt_marked.len();
    // Speech the target marks with a dash, as its language may (`— To katastrofa — powiedziała`),
    // stands for a quotation that lost its marks; it is not counted as one the source lacks.
    let dashed = (src_quotes.len() > tgt_quotes)
        .then(|| crate::extract::quotes::speech_by_dash(&ctx.target.text, ctx.target.profile))
        .flatten();
    tgt_marked.extend(dashed.as_ref());
    if src_quotes.len() > tgt_marked.len() {
        // Which source quotations have no counterpart: each target quotation is paired with the
        // source quotation that covers the most similar share of its segment (a whole-sentence
        // quotation, a few words); the source quotations left over are the lost ones.
        let coverage = |q: &Quotation, text: &str| {
            q.inner.chars().count() as f64 / text.chars().count().max(1) as f64
        };
        let mut left: Vec<&Quotation> = src_quotes.clone();
        for t in tgt_marked {
            let share = coverage(t, &ctx.target.text);
            if let Some(k) = (0..left.len()).min_by(|&a, &b| {
                let da = (coverage(left[a], &ctx.source.text) - share).abs();
                let db = (coverage(left[b], &ctx.source.text) - share).abs();
                da.total_cmp(&db)
            }) {
                left.remove(k);
            }
        }
        let reported = reported_speech(&ctx.target.text, ctx.target.profile);
        for q in left {
            // A quotation that is the whole segment, with no words outside it, is often an excerpt
            // whose marks the translator leaves to the surrounding text: a warning. A quotation
            // with its speaker ("…," she said) must keep its marks.
            let outside = ctx.source.text.replacen(q.inner.as_str(), " ", 1);
            let whole_segment = super::content_words(&outside) == 0;
            let severity = if q.word_count() >= SPEECH_WORDS && !whole_segment && reported.is_none()
            {
                Severity::Error
            } else {
                Severity::Warning
            };
            let mut message = format!(
                "quotation {}{}{} has no quotation marks in the target",
                q.open,
                shorten(&q.inner),
                q.close
            );
            if let Some(phrase) = &reported {
                message.push_str(&format!(" (reported speech? the target has “{phrase}”)"));
            }
            issues.push(Issue {
                check: CheckId::Quote,
                severity,
                source: q.inner.clone(),
                target: String::new(),
                message,
            });
        }
    } else if tgt_quotes > src_quotes.len() {
        // Many languages put the title of a work or a brand in quotation marks where English
        // sets it in italics, which plain text loses, or leaves it bare: a quoted title made of
        // a source name's words is not an added quotation (see `is_source_title`).
        let source_names: Vec<String> = ctx
            .source
            .facts
            .names
            .iter()
            .filter(|n| !n.initial)
            .map(|n| n.text.to_lowercase())
            .collect();
        let mut added = tgt_marked;
        added.retain(|q| !is_source_title(q, &source_names, ctx.source.lang, ctx.target.lang));
        if added.len() > src_quotes.len() {
            issues.push(Issue {
                check: CheckId::Quote,
                severity: Severity::Warning,
                source: String::new(),
                target: added[0].inner.clone(),
                message: "the target has quotation marks the source does not have".to_string(),
            });
        }
    }
    issues
}

/// A short quotation at least half of whose words are words of a name the source writes: the
/// title of a work or the name of a brand, which many languages quote where English sets it in
/// italics or leaves it bare (`„The Wiz”`, `"Undersea"`, `«Теско»` for Tesco, `"أوبر"` for
/// Uber). In a script with case it must begin with a capital letter, as titles do; a word in
/// another script than the source's counts when it reads like the name's word (the names
/// check's transliteration). A title the translator translated (`„Fast Verheiratet“`) cannot be
/// told from words put in quotes, and is still reported.
fn is_source_title(
    q: &Quotation,
    source_names: &[String],
    source_lang: &str,
    target_lang: &str,
) -> bool {
    use crate::lang::translit;
    let first = q.inner.chars().next();
    let cased = first.is_some_and(|c| c.is_lowercase() || c.is_uppercase());
    if (cased && !first.is_some_and(char::is_uppercase))
        || q.word_count() > TITLE_WORDS
        || q.inner.contains(',')
    {
        return false;
    }
    let inner = q.inner.to_lowercase();
    let words: Vec<&str> = inner
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .collect();
    let name_words: Vec<&str> = source_names
        .iter()
        .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 3)
        .collect();
    let reads_like = |w: &str, x: &str| {
        let (ws, xs) = (translit::script_of_word(w), translit::script_of_word(x));
        if ws == xs {
            return w == x;
        }
        let fam = translit::family(xs, ws);
        let (a, b) = (
            translit::phonemes(x, source_lang),
            translit::phonemes(w, target_lang),
        );
        let len = translit::effective_len(&a, fam);
        len >= 4 && translit::distance(&a, &b, fam) <= translit::same_threshold(len, fam)
    };
    let named = words
        .iter()
        .filter(|w| name_words.iter().any(|x| reads_like(w, x)))
        .count();
    named > 0 && 2 * named >= words.len()
}

/// The first phrase of the language's reported speech (`dijo que`, `कहा कि`) the text has.
/// Compared as substrings: the phrases are two words or more, and in languages that attach them
/// (Korean `-다고 말했다`, Arabic `وقال إن`) a word boundary would miss them.
fn reported_speech(text: &str, profile: &'static crate::lang::profile::Profile) -> Option<String> {
    if profile.quotes.reported_speech.is_empty() {
        return None;
    }
    let lower = text.to_lowercase();
    profile
        .quotes
        .reported_speech
        .iter()
        .find(|p| lower.contains(&p.to_lowercase()))
        .cloned()
}

/// The first words of a quotation, for messages.
fn shorten(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 {
        text.to_string()
    } else {
        format!("{} …", words[..8].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::pair;

    fn severities(src: &str, lang: &'static str, tgt: &str) -> Vec<Severity> {
        check(&pair("en", src, lang, tgt))
            .into_iter()
            .map(|i| i.severity)
            .collect()
    }

    #[test]
    fn each_language_its_own_marks() {
        let src = "He called the negotiations “a moment of truth.”";
        assert!(severities(
            src,
            "de",
            "Er nannte die Verhandlungen „einen Moment der Wahrheit“."
        )
        .is_empty());
        assert!(severities(
            src,
            "fr",
            "Il a qualifié les négociations de « moment de vérité »."
        )
        .is_empty());
        assert!(severities(src, "ru", "Он назвал переговоры «моментом истины».").is_empty());
        assert!(severities(src, "ja", "同氏は交渉を「真実の瞬間」と呼んだ。").is_empty());
    }

    #[test]
    fn speech_marked_by_a_dash_keeps_its_quotation() {
        let src = "\"This is a disaster for pain patients,\" Mailis said.";
        assert!(severities(
            src,
            "pl",
            "— To katastrofa dla pacjentów — powiedziała Mailis."
        )
        .is_empty());
        assert!(severities(
            src,
            "es",
            "—Es un desastre para los pacientes —dijo Mailis."
        )
        .is_empty());
        // German does not mark speech so: the dash does not stand for the lost marks.
        assert_eq!(
            severities(src, "de", "— Das ist eine Katastrophe — sagte Mailis."),
            [Severity::Error]
        );
    }

    #[test]
    fn a_title_put_in_quotes_is_not_an_added_quotation() {
        let src = "She starred in a production of the musical The Wiz in Chicago.";
        assert!(severities(
            src,
            "pl",
            "Zagrała w inscenizacji musicalu „The Wiz” w Chicago."
        )
        .is_empty());
        // Words of the sentence put in quotes are still reported, even around a name.
        assert_eq!(
            severities(
                src,
                "pl",
                "Zagrała w „inscenizacji musicalu The” Wiz w Chicago."
            ),
            [Severity::Warning]
        );
    }

    #[test]
    fn a_brand_quoted_in_another_script_is_not_an_added_quotation() {
        let src = "A couple could open four Tesco accounts and earn interest on their savings.";
        assert!(severities(
            src,
            "ru",
            "Пара может открыть четыре счёта «Теско» и получать проценты со сбережений."
        )
        .is_empty());
        assert_eq!(
            severities(
                src,
                "ru",
                "Пара может открыть «четыре счёта» Теско и получать проценты со сбережений."
            ),
            [Severity::Warning]
        );
    }

    #[test]
    fn speech_turned_into_reported_speech_is_a_warning() {
        let src = "\"This is a disaster for pain patients,\" Mailis said in an interview.";
        assert_eq!(
            severities(
                src,
                "hi",
                "मेलिस ने एक साक्षात्कार में कहा कि यह दर्द के रोगियों के लिए आपदा है।"
            ),
            [Severity::Warning]
        );
        assert_eq!(
            severities(
                src,
                "es",
                "Mailis dijo que era un desastre para los pacientes."
            ),
            [Severity::Warning]
        );
        // The same speech left unmarked, without the reported-speech phrase: an error.
        assert_eq!(
            severities(
                src,
                "es",
                "Esto es un desastre para los pacientes, afirmó Mailis."
            ),
            [Severity::Error]
        );
    }

    #[test]
    fn removed_and_unclosed_quotations() {
        let src = "He called the negotiations “a moment of truth.”";
        assert_eq!(
            severities(src, "uk", "Він назвав переговори моментом істини."),
            [Severity::Error]
        );
        assert_eq!(
            severities(src, "ja", "同氏は交渉を「正念場と呼んだ。"),
            [Severity::Error]
        );
        assert_eq!(
            severities(
                "the talks reached a ‘dead track’",
                "de",
                "die Gespräche sind in einer Sackgasse"
            ),
            [Severity::Warning]
        );
        assert_eq!(
            severities(
                "\"I'm going to jail either way, hope it was worth it.\"",
                "de",
                "Ich komme so oder so ins Gefängnis."
            ),
            [Severity::Warning]
        );
        assert_eq!(
            severities(
                "\"Luckily, someone in Sony Australia was like, 'Hey, by the way, did you guys notice this?'\" says Pall.",
                "es",
                "Por suerte, alguien de Sony Australia dijo: \"Ey, por cierto, ¿os habéis dado cuenta de esto?\" dice Pall."
            ),
            [Severity::Error],
            "the speaker's whole quotation lost its marks; only the quotation inside it kept them"
        );
        assert_eq!(
            severities(
                "\"There is still a 'yuk' factor to the whole idea,\" she says.",
                "ru",
                "«Самой идее присуще нечто неприятное», – говорит она."
            ),
            [Severity::Warning]
        );
    }
}

//! `concord checks`: every check with what it finds, why it matters and an example.
//!
//! The texts live here, in one table keyed by [`CheckId`]; the `match` in [`describe`] has no
//! wildcard, so a new check does not build until it is described.

use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{ChecksArgs, ChecksFormat};
use crate::finding::CheckId;

/// What `concord checks` says about one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CheckDescription {
    pub id: &'static str,
    /// What the check finds.
    pub finds: &'static str,
    /// Why a reader of the translation would care.
    pub why: &'static str,
    /// A source and a target it reports, and what it says.
    pub example: &'static str,
}

/// The description of a check.
pub fn describe(check: CheckId) -> CheckDescription {
    let (finds, why, example) = match check {
        CheckId::InputError => (
            "an input that cannot be read or parsed (missing source version, bad encoding, \
             broken XML, a file over --max-file-size); the other inputs are still checked",
            "an input that was not checked is not a clean input: the run must not pass silently",
            "news/a.de.txt: the source version news/a.en.txt cannot be read",
        ),
        CheckId::SourceHygiene => (
            "problems of the source document itself, once per document: a paragraph in another \
             language than the source's, scraped boilerplate such as a site tag",
            "page furniture left in the source is copied into every translation and misleads \
             the other checks",
            "source \"Bir yanıt yazın\" in an English document: a paragraph in Turkish",
        ),
        CheckId::SourceSuspect => (
            "an item (number, date, name, quotation) on which most translations agree with each \
             other and not with the source; reported once, on the source",
            "the source is often a translation itself; when it errs, every faithful translation \
             would otherwise be reported instead of the one wrong text",
            "source \"57 people\", and 11 of 12 translations have 75: the source is suspect",
        ),
        CheckId::Omission => (
            "source content with no counterpart in the target: a dropped sentence, an empty \
             target",
            "a reader of the translation never learns what the dropped sentence said",
            "source \"The talks resume on Monday.\" has no sentence in the German target",
        ),
        CheckId::Addition => (
            "target content with no counterpart in the source",
            "added sentences put words in the author's mouth",
            "the target adds \"Dies wurde bestätigt.\" (\"This was confirmed.\"), not in the source",
        ),
        CheckId::Untranslated => (
            "a target segment left in the source language, or identical to the source",
            "a reader of the target language cannot read it",
            "target \"The meeting was postponed.\" in the German version",
        ),
        CheckId::WrongLanguage => (
            "a target segment in a language other than the target's, close pairs included \
             (ru/uk, nl/de, es/pt, zh/ja, ar/fa)",
            "a wrong file or a pasted passage reaches readers who cannot read it",
            "a Ukrainian sentence in the Russian version",
        ),
        CheckId::Number => (
            "a number (amount, year, percentage, ordinal, quantity with a scale word) missing, \
             added or different, compared by value in each language's notation",
            "a changed figure changes the facts: money, casualties, dates of law",
            "number 100000 (\"100 thousand\") became 10000 (\"10 тысяч\")",
        ),
        CheckId::Date => (
            "a date, weekday or month different, missing or added",
            "a wrong date sends readers to the wrong day",
            "source \"on Tuesday, 3 May\", target \"am Donnerstag, 3. Mai\"",
        ),
        CheckId::Name => (
            "a proper name (person, place, organisation) missing, added or rendered as a \
             different name",
            "a misspelt or swapped name attributes words and deeds to the wrong person or place",
            "source \"Lavrov\", target \"Lawrow\" is fine; target \"Lukaschenko\" is not",
        ),
        CheckId::Quote => (
            "a quotation missing, added, unbalanced, or not covering the same words, in each \
             language's quotation marks",
            "a quotation marks someone's own words; moving or dropping it changes who said what",
            "source 'He said \"we will not leave\"', target without quotation marks",
        ),
        CheckId::Placeholder => (
            "a placeholder or inline tag ({0}, {name}, {{name}}, %s, %1$d, %(name)s, $1, <b>, \
             an ICU {count, plural, ...} argument by name) missing, added or changed; unnumbered \
             %s/%d in another order, or a tag closed before it opens, is a warning",
            "the program fills placeholders with values and renders the tags: a lost or altered \
             one shows the wrong value, breaks the markup or makes the program fail",
            "source \"Deleted %d files from {folder}\", target \"Dateien aus {Ordner} gelöscht\": \
             %d is missing and {folder} became {Ordner}",
        ),
        CheckId::Glossary => (
            "a source term of the project's glossary (glossary = \"…\" in concord.toml, or \
             --glossary; CSV or TBX) whose required rendering is not in the target; a warning \
             unless configured otherwise",
            "a project's terms are fixed on purpose (legal, product, house style); a synonym \
             confuses readers and breaks consistency across documents",
            "glossary en \"committee\" → de \"Ausschuss*\"; target \"Das Komitee tagte\"",
        ),
    };
    CheckDescription {
        id: check.as_str(),
        finds,
        why,
        example,
    }
}

/// Every check's description, in report order.
pub fn all() -> Vec<CheckDescription> {
    CheckId::ALL.into_iter().map(describe).collect()
}

/// The plain-text listing.
pub fn render_text() -> String {
    let mut out = String::new();
    for d in all() {
        out += &format!(
            "{}\n  finds:   {}\n  why:     {}\n  example: {}\n\n",
            d.id, d.finds, d.why, d.example
        );
    }
    out
}

pub fn run(args: &ChecksArgs) -> anyhow::Result<ExitCode> {
    let text = match args.format {
        ChecksFormat::Text => render_text(),
        ChecksFormat::Json => serde_json::to_string_pretty(&all())? + "\n",
    };
    crate::report::write(text.as_bytes(), None)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_is_described_under_its_id() {
        let all = all();
        assert_eq!(all.len(), CheckId::ALL.len());
        for (d, id) in all.iter().zip(CheckId::ALL) {
            assert_eq!(d.id, id.as_str());
            for text in [d.finds, d.why, d.example] {
                assert!(text.len() > 10, "{id}: {text:?}");
            }
        }
        let text = render_text();
        for id in CheckId::ALL {
            assert!(text.contains(&format!("{id}\n  finds:")), "{id}");
        }
    }
}

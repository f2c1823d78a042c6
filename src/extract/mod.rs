//! Extraction: the facts of one segment, computed once and compared by every check.
//!
//! A segment's [`Facts`] hold its numbers, dates, name candidates, quotations and script
//! statistics. Checks never re-parse text; the aligner uses the same facts as anchors.
//!
//! Placeholders and inline tags (`{0}`, `%1$d`, `<b>`) are found first and blanked out of the text
//! the other extractors read, so that `%1$d` is not the number 1 nor `{Name}` a name.

pub mod dates;
pub mod names;
pub mod numbers;
pub mod placeholders;
pub mod quotes;
pub mod script;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use crate::lang::profile::Profile;

pub use dates::{DateMention, DateValue};
pub use names::NameMention;
pub use numbers::{NumberKind, NumberMention};
pub use placeholders::{Placeholder, PlaceholderKind};
pub use quotes::Quotation;
pub use script::ScriptStats;

/// Everything the checks need to know about one sentence (or one bilingual unit).
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Numbers; those inside a date (its day, its year) have the kind [`NumberKind::Date`].
    pub numbers: Vec<NumberMention>,
    pub dates: Vec<DateMention>,
    pub names: Vec<NameMention>,
    pub quotes: Vec<Quotation>,
    /// Placeholders and inline tags, which the other facts do not include.
    pub placeholders: Vec<Placeholder>,
    pub script: ScriptStats,
}

/// Extracts the facts of one text in the language described by `profile`.
pub fn extract(text: &str, profile: &Profile) -> Facts {
    let placeholders = placeholders::extract(text);
    // Blanked byte for byte, so offsets into `masked` are offsets into `text`.
    let masked = if placeholders.is_empty() {
        None
    } else {
        placeholders::masked(text)
    };
    let text = masked.as_deref().unwrap_or(text);
    let dates = dates::extract(text, profile);
    let mut numbers = numbers::extract(text, profile);
    // The day and year of a date are the date check's to compare: `5 January` → `6. Januar` is
    // one date error, not also a number error.
    for n in &mut numbers {
        if dates.iter().any(|d| d.start <= n.start && n.start < d.end) {
            n.kind = NumberKind::Date;
        }
    }
    Facts {
        numbers,
        dates,
        names: names::candidates(text, profile),
        quotes: quotes::extract(text, profile),
        placeholders,
        script: ScriptStats::of(text),
    }
}

impl Facts {
    /// Merges the facts of consecutive sentences into those of the bead they form.
    pub fn merged<'a>(parts: impl IntoIterator<Item = &'a Facts>) -> Facts {
        let mut out = Facts::default();
        for f in parts {
            out.numbers.extend(f.numbers.iter().cloned());
            out.dates.extend(f.dates.iter().cloned());
            out.names.extend(f.names.iter().cloned());
            out.quotes.extend(f.quotes.iter().cloned());
            out.placeholders.extend(f.placeholders.iter().cloned());
            out.script.add(&f.script);
        }
        out
    }

    /// Keys of the items that survive translation, for the aligner: numbers by value (only those
    /// written in digits, which a translator keeps), and quotations by count.
    pub fn anchor_keys(&self) -> Vec<u64> {
        let mut keys: Vec<u64> = self
            .numbers
            .iter()
            .filter(|n| n.is_anchor())
            .map(|n| number_anchor_key(n.value))
            .collect();
        // A name whose consonant skeleton is empty (`He` at a sentence's start, `Ia`) would be
        // one key shared by all of them.
        keys.extend(
            self.names
                .iter()
                .filter(|n| !n.key.is_empty())
                .map(|n| hash_of(&("name", &n.key))),
        );
        keys.sort_unstable();
        keys
    }
}

/// The anchor key of a number, by value. The aligner uses it too, to recognise the extractor's
/// number anchors among its own digit cues.
pub fn number_anchor_key(value: f64) -> u64 {
    hash_of(&("num", value.to_bits()))
}

fn hash_of<T: Hash>(value: &T) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::profile::profile;

    #[test]
    fn a_sentence_initial_word_with_no_consonant_key_is_no_anchor() {
        // `He` at the start is a name candidate whose skeleton is empty: as a key it would be
        // shared by every such sentence, and its absence from a target taken for a lost name.
        let plain = extract(
            "He did not want to confirm or deny reports about this.",
            profile("en"),
        );
        assert!(plain.anchor_keys().is_empty(), "{:?}", plain.names);
        let named = extract("He did not want to confirm it, Lavrov said.", profile("en"));
        assert_eq!(named.anchor_keys().len(), 1, "{:?}", named.names);
    }
}

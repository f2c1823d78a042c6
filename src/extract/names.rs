//! Name candidates: words that look like proper names in a text.

use crate::lang::profile::Profile;

/// A proper-name candidate as written, with its matching key.
#[derive(Debug, Clone, PartialEq)]
pub struct NameMention {
    /// As written in the text, e.g. `Sergei Ryabkov`.
    pub text: String,
    /// Normalised key used for matching and alignment anchors.
    pub key: String,
    pub start: usize,
}

/// Placeholder, replaced by the real extractor.
pub fn candidates(_text: &str, _profile: &Profile) -> Vec<NameMention> {
    Vec::new()
}

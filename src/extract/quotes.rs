//! Quotations: the spans of a text between a language's quotation marks.

use crate::lang::profile::Profile;

/// One quotation: where its marks are and whether it was closed.
#[derive(Debug, Clone, PartialEq)]
pub struct Quotation {
    pub open: String,
    /// Empty when the quotation is never closed in the segment.
    pub close: String,
    /// The quoted words, without the marks.
    pub inner: String,
    /// Byte offset of the opening mark in the segment text.
    pub start: usize,
}

/// Placeholder, replaced by the real extractor.
pub fn extract(_text: &str, _profile: &Profile) -> Vec<Quotation> {
    Vec::new()
}

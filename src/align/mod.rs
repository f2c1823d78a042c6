//! Sentence alignment: pairs the sentences of a target document with those of its source.
//!
//! Input is two sequences of [`AlignUnit`]s (a sentence's text, its paragraph, and anchor keys
//! that survive translation: numbers by value, names after transliteration...). Output is a
//! monotone sequence of [`Bead`]s that covers every sentence of both sides exactly once.

pub mod command;

use std::ops::Range;

/// One sentence as the aligner sees it.
#[derive(Debug, Clone)]
pub struct AlignUnit<'a> {
    pub text: &'a str,
    /// 0-based paragraph index within its document.
    pub paragraph: usize,
    /// Hashed keys of items that survive translation, computed by `extract::anchor_keys`.
    pub anchors: Vec<u64>,
}

/// A group of source sentences paired with a group of target sentences (either may be empty:
/// a 1–0 bead is an omission, a 0–1 bead an addition).
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    pub source: Range<usize>,
    pub target: Range<usize>,
    /// How sure the aligner is of this bead, from 0 to 1.
    pub confidence: f64,
}

/// Aligns two documents' sentences. Placeholder until the dynamic program lands: pairs sentences
/// one to one and leaves the rest unaligned.
pub fn align(source: &[AlignUnit], target: &[AlignUnit]) -> Vec<Bead> {
    let n = source.len().max(target.len());
    (0..n)
        .map(|i| Bead {
            source: if i < source.len() { i..i + 1 } else { source.len()..source.len() },
            target: if i < target.len() { i..i + 1 } else { target.len()..target.len() },
            confidence: 0.5,
        })
        .collect()
}

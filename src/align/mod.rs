//! Sentence alignment: pairs the sentences of a target document with those of its source.
//!
//! Input is two sequences of [`AlignUnit`]s (a sentence's text, its paragraph, and anchor keys
//! that survive translation: numbers by value, names after transliteration...). Output is a
//! monotone sequence of [`Bead`]s that covers every sentence of both sides exactly once, in
//! order; a 1–0 bead (an omission) has an empty target range where the sentence would have gone
//! (`target: j..j`), a 0–1 bead (an addition) likewise.
//!
//! The aligner is a dynamic program over bead types 1–1, 1–0, 0–1, 1–2, 2–1, 2–2, 1–3, 3–1,
//! 2–3, 3–2, 1–4, 4–1, 3–3, 2–4, 4–2, 1–5, 5–1 ([`model`]: the cost of a bead, from Gale &
//! Church's length model and language-independent cues; [`dp`]: the banded, coarse-to-fine
//! search that keeps time and memory linear in the documents' length). It runs three times:
//!
//! 1. with default parameters, the length ratio taken from the two documents' totals (and from
//!    the languages' usual ratio, if given, as much as from 1,500 characters of text);
//! 2. with the parameters re-estimated from the first alignment (length variance, bead type
//!    priors, how often each kind of cue survives translation) and a lexicon learnt from it
//!    ([`lexicon`]), in a band around the first alignment;
//! 3. once more, the same way, from the second alignment; this time the forward–backward sums
//!    give each bead its posterior probability under the model, its confidence.
//!
//! Then two second looks at beads that may hide a dropped or added sentence merged into its
//! neighbour's: by their length ([`refine`]), and, for a sentence too short for its length to
//! show, by whether the target carries its anchors ([`support`]).
//!
//! Nothing here knows a language: no dictionaries, no per-language tables (the caller may pass
//! the usual length ratio of the two languages, from their profiles). The cues are digits,
//! the first letters of words after transliteration (cognates and names), acronyms, the final
//! punctuation, paragraphs, the extractor's anchors, and the word pairs the document pair itself
//! teaches.

pub mod command;
mod dp;
mod features;
mod lexicon;
mod model;
mod refine;
mod support;

use std::ops::Range;

use model::Model;

/// Rounds of re-estimation (lexicon, priors, variance, cue reliabilities) after the first pass;
/// a third round changes nothing on the benchmarks.
const ROUNDS: usize = 2;

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

/// Aligns two documents' sentences (see the module documentation).
pub fn align(source: &[AlignUnit], target: &[AlignUnit]) -> Vec<Bead> {
    align_expecting(source, target, None)
}

/// Aligns as [`align`] does, given the length ratio (target characters per source character)
/// that the two languages usually have: a document pair too short to show its own ratio is
/// judged by it when beads that merge a dropped or added sentence are looked for.
pub fn align_expecting(
    source: &[AlignUnit],
    target: &[AlignUnit],
    expected_ratio: Option<f64>,
) -> Vec<Bead> {
    let base_src = features::units(source);
    let base_tgt = features::units(target);
    let mut model = Model::initial(&base_src, &base_tgt, expected_ratio);
    let (s, t) = model.score(&base_src, &base_tgt);
    let mut path = dp::search(&model, &s, &t);
    for round in 1..=ROUNDS {
        let (mut src, mut tgt) = (base_src.clone(), base_tgt.clone());
        lexicon::learn(&path, &mut src, &mut tgt);
        let (s, t) = model.score(&src, &tgt);
        model.reestimate(&path, &s, &t);
        let (s, t) = model.score(&src, &tgt);
        let last = round == ROUNDS;
        let (next, confidence) = dp::search_near(&model, &s, &t, &path, last);
        if last {
            let beads = next
                .iter()
                .zip(confidence)
                .map(|(step, confidence)| Bead {
                    source: step.i0..step.i1,
                    target: step.j0..step.j1,
                    confidence,
                })
                .collect();
            let (src_len, tgt_len) = (char_lengths(source), char_lengths(target));
            let beads = refine::split_unexplained(
                beads,
                source,
                target,
                &src_len,
                &tgt_len,
                expected_ratio,
            );
            return support::split_unsupported(
                beads,
                source,
                target,
                &src,
                &tgt,
                &src_len,
                &tgt_len,
                expected_ratio,
            );
        }
        path = next;
    }
    unreachable!("ROUNDS is at least 1")
}

/// Each sentence's length in characters other than white space.
fn char_lengths(units: &[AlignUnit]) -> Vec<usize> {
    units
        .iter()
        .map(|u| u.text.chars().filter(|c| !c.is_whitespace()).count())
        .collect()
}

#[cfg(test)]
mod tests;

//! A second look at beads that join several source sentences to fewer target sentences, by the
//! evidence that length cannot give: whether the target carries each source sentence's anchors.
//!
//! A short sentence the translator dropped beside a long one it kept comes out of the dynamic
//! program merged into its neighbour's bead (`[4, 5]:[4]`), and the merged bead's length is off
//! by too little for [`refine`](super::refine) to tell. But the dropped sentence's numbers, names,
//! acronyms, question and quotation marks, cognates and the lexicon's words are then nowhere in
//! the target, while its neighbour's are there. This pass splits a sentence off such a bead into a
//! 1–0 bead (an edge sentence, or one in the middle when the target sentences can be divided
//! between those before it and those after) when
//!
//! - the cues it has of its own (not shared with the rest of the bead) are missing from the
//!   target: their weight, less three times the weight of those found there (a translation
//!   loses many cues, a chance match is rarer), comes to at least one anchor;
//! - the rest of the bead has more of its own cues found in the target than it has (the target
//!   is the rest's translation, not a free rendering of both);
//! - the length does not say otherwise: the target may fit the rest alone somewhat worse than
//!   the whole bead (a short sentence's length is within the noise), not much worse;
//! - it is not joined to its neighbour by a colon, a semicolon or a lower-case start.
//!
//! A bead whose one target sentence is one of its source sentences as it stands (left
//! untranslated) needs no weighing: that sentence is its pair, the others have none.
//!
//! The evidence (the anchors' and, bounded, the length's) sets the split-off bead's confidence,
//! which the omission check reports as an error: one anchor's worth is enough where the length
//! fits the rest alone about as well, two where it fits somewhat worse. (One anchor's worth was
//! a warning until measured: on the 13,000 faithful PUD sentences as documents it reports one
//! sentence more, and 2.5 points more of the dropped ones; the shipped corpus stays clean.)
//!
//! Beads that join several target sentences to fewer source sentences (additions) are left to
//! `refine`.

use super::features::{cognate_prefix, fnv1a, KeyKind, Unit};
use super::refine::{length_ratio, misfit};
use super::{AlignUnit, Bead};

/// Weight of a missing cue of each kind: a number, a name, an acronym, a question or a quotation
/// are kept by translators; a cognate only in languages that share the word, so four count as
/// one. Only cognates of longer words count (shorter ones are mostly function words, `with`,
/// `that`, `which`, that no translation keeps).
const ANCHOR_WEIGHT: f64 = 1.0;
const COGNATE_WEIGHT: f64 = 0.25;
/// Letters a word needs for its cognate prefix to count as a missing cue.
const LONG_WORD: usize = 7;
/// Weight of a cue found in the target, by kind: a cognate prefix may match by chance.
fn found_weight(key: u64) -> f64 {
    match KeyKind::of_key(key) {
        KeyKind::Cognate => COGNATE_WEIGHT,
        KeyKind::Lexicon => 0.5,
        _ => ANCHOR_WEIGHT,
    }
}
/// How much more a cue found counts than one missing.
const FOUND_FACTOR: f64 = 3.0;
/// Weight of the length's evidence: how much better (in |ln| of the length ratio) the target
/// fits the rest of the bead without the sentence, counted up to `MAX_LENGTH_GAIN`; a sentence
/// whose removal makes the fit worse than `MIN_LENGTH_GAIN` is kept whatever its anchors...
const LENGTH_FACTOR: f64 = 4.0;
const MAX_LENGTH_GAIN: f64 = 0.3;
const MIN_LENGTH_GAIN: f64 = -0.4;
/// ...or worse than this on weaker evidence (less than `STRONG`).
const MIN_LENGTH_GAIN_WEAK: f64 = -0.2;
/// The anchors' own share of the evidence, whatever the length says: length alone is
/// [`refine`](super::refine)'s business.
const MIN_ANCHOR_EVIDENCE: f64 = 1.0;
/// Evidence for a split, and for one whose length fits somewhat worse.
const WEAK: f64 = 1.0;
const STRONG: f64 = 2.0;
/// The confidence given to the split-off bead: at or above 0.5 the omission is an error
/// (`checks::unpaired_severity`).
const STRONG_CONFIDENCE: f64 = 0.6;
const WEAK_CONFIDENCE: f64 = 0.5;

/// Keys for marks of a sentence that translators keep wherever it is in a merged target.
const QUESTION: u64 = 0x51;
const QUOTATION: u64 = 0x22;

/// One sentence's cues: `(key, weight when missing)`.
type Cues = Vec<(u64, f64)>;

/// Splits off the edge sentences of merged beads whose anchors the target does not carry (see
/// the module documentation). `src` and `tgt` are the aligner's units of the last round (with
/// the lexicon's keys); `src_len` and `tgt_len` each sentence's length in characters other than
/// white space.
#[allow(clippy::too_many_arguments)]
pub(crate) fn split_unsupported(
    beads: Vec<Bead>,
    source: &[AlignUnit],
    target: &[AlignUnit],
    src: &[Unit],
    tgt: &[Unit],
    src_len: &[usize],
    tgt_len: &[usize],
    expected_ratio: Option<f64>,
) -> Vec<Bead> {
    let Some(ratio) = length_ratio(&beads, src_len, tgt_len, expected_ratio) else {
        return beads;
    };
    let pair = DocumentPair {
        source,
        target,
        src,
        tgt,
        src_len,
        tgt_len,
        ratio,
    };
    let mut out = Vec::with_capacity(beads.len());
    for bead in beads {
        let (ns, nt) = (bead.source.len(), bead.target.len());
        if nt == 0 || ns <= nt || ns < 2 {
            out.push(bead);
            continue;
        }
        if let Some(split) = left_as_source(&bead, source, target) {
            out.extend(split);
            continue;
        }
        // The edge sentences; a middle one too when each side of it keeps a target sentence.
        let candidates = bead
            .source
            .clone()
            .filter(|&k| k == bead.source.start || k + 1 == bead.source.end || nt >= 2);
        match pair.weakest(&bead, candidates) {
            Some((evidence, k)) => out.extend(pair.split(&bead, k, evidence)),
            None => out.push(bead),
        }
    }
    out
}

/// A bead whose one target sentence is one of its source sentences as it stands (left
/// untranslated): that sentence is its pair, whatever the lengths say, and the others have none.
fn left_as_source(bead: &Bead, source: &[AlignUnit], target: &[AlignUnit]) -> Option<Vec<Bead>> {
    let normal = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    if bead.target.len() != 1 {
        return None;
    }
    let j = bead.target.start;
    let text = normal(target[j].text);
    let k = bead
        .source
        .clone()
        .find(|&k| normal(source[k].text) == text)?;
    let lone = |i: usize, at: usize| Bead {
        source: i..i + 1,
        target: at..at,
        confidence: STRONG_CONFIDENCE,
    };
    let mut out: Vec<Bead> = (bead.source.start..k).map(|i| lone(i, j)).collect();
    out.push(Bead {
        source: k..k + 1,
        target: j..j + 1,
        confidence: bead.confidence,
    });
    out.extend((k + 1..bead.source.end).map(|i| lone(i, j + 1)));
    Some(out)
}

/// The two documents, as [`split_unsupported`] is given them.
struct DocumentPair<'p, 'a> {
    source: &'p [AlignUnit<'a>],
    target: &'p [AlignUnit<'a>],
    src: &'p [Unit],
    tgt: &'p [Unit],
    src_len: &'p [usize],
    tgt_len: &'p [usize],
    ratio: f64,
}

impl DocumentPair<'_, '_> {
    /// Of the `candidates` (source sentences of `bead`), the one the bead's target carries
    /// least, with the evidence for it, if that is enough for a split (`WEAK`).
    fn weakest(
        &self,
        bead: &Bead,
        candidates: impl Iterator<Item = usize>,
    ) -> Option<(f64, usize)> {
        let (source, src, src_len, ratio) = (self.source, self.src, self.src_len, self.ratio);
        let target_keys: Vec<u64> = bead
            .target
            .clone()
            .flat_map(|j| sentence_cues(&self.target[j], &self.tgt[j]))
            .map(|(k, _)| k)
            .collect();
        let s: usize = src_len[bead.source.clone()].iter().sum();
        let t: usize = self.tgt_len[bead.target.clone()].iter().sum();
        let mut best: Option<(f64, usize)> = None; // (evidence, sentence)
        for k in candidates {
            let own = sentence_cues(&source[k], &src[k]);
            let rest: Vec<(u64, f64)> = bead
                .source
                .clone()
                .filter(|&i| i != k)
                .flat_map(|i| sentence_cues(&source[i], &src[i]))
                .collect();
            let only = |a: &Cues, b: &Cues| -> Cues {
                a.iter()
                    .filter(|(key, _)| !b.iter().any(|(other, _)| other == key))
                    .copied()
                    .collect()
            };
            let (own_only, rest_only) = (only(&own, &rest), only(&rest, &own));
            let carried = |c: &Cues| -> f64 {
                c.iter()
                    .filter(|(key, _)| target_keys.contains(key))
                    .map(|&(key, _)| found_weight(key))
                    .sum()
            };
            let missing: f64 = own_only
                .iter()
                .filter(|(key, _)| !target_keys.contains(key))
                .map(|(_, w)| w)
                .sum();
            let (own_found, rest_found) = (carried(&own_only), carried(&rest_only));
            // A cue found counts more than one missing (a translation loses many, a chance
            // match is rarer); the length adds what it says, within bounds: on a short sentence
            // beside a long one it says little either way.
            let gain = misfit(ratio, s, t) - misfit(ratio, s - src_len[k], t);
            let anchors = missing - FOUND_FACTOR * own_found;
            let evidence = anchors + LENGTH_FACTOR * gain.min(MAX_LENGTH_GAIN);
            let min_gain = if evidence >= STRONG {
                MIN_LENGTH_GAIN
            } else {
                MIN_LENGTH_GAIN_WEAK
            };
            if rest_found <= own_found
                || anchors < MIN_ANCHOR_EVIDENCE
                || gain < min_gain
                || evidence < WEAK
                || joined(source, k)
            {
                continue;
            }
            if best.is_none_or(|(w, _)| evidence > w) {
                best = Some((evidence, k));
            }
        }
        best
    }

    /// `bead` with source sentence `k` split off into a 1–0 bead whose confidence says how
    /// strong the `evidence` is.
    fn split(&self, bead: &Bead, k: usize, evidence: f64) -> Vec<Bead> {
        let confidence = if evidence >= STRONG {
            STRONG_CONFIDENCE
        } else {
            WEAK_CONFIDENCE
        };
        let (src_r, tgt_r) = (bead.source.clone(), bead.target.clone());
        // Where the target divides between the sentences before and after: at an edge, all of
        // it goes to the rest; in the middle, where both parts fit their lengths best.
        let cut = if k == src_r.start {
            tgt_r.start
        } else if k + 1 == src_r.end {
            tgt_r.end
        } else {
            let part = |s: std::ops::Range<usize>, t: std::ops::Range<usize>| {
                misfit(
                    self.ratio,
                    self.src_len[s].iter().sum(),
                    self.tgt_len[t].iter().sum::<usize>(),
                )
            };
            let fit = |j: usize| {
                part(src_r.start..k, tgt_r.start..j) + part(k + 1..src_r.end, j..tgt_r.end)
            };
            (tgt_r.start + 1..tgt_r.end)
                .min_by(|&a, &b| fit(a).total_cmp(&fit(b)))
                .expect("a middle sentence is split only from two target sentences or more")
        };
        [
            (src_r.start..k, tgt_r.start..cut, bead.confidence),
            (k..k + 1, cut..cut, confidence),
            (k + 1..src_r.end, cut..tgt_r.end, bead.confidence),
        ]
        .into_iter()
        .filter(|(s, t, _)| !s.is_empty() || !t.is_empty())
        .map(|(source, target, confidence)| Bead {
            source,
            target,
            confidence,
        })
        .collect()
    }
}

/// Whether sentence `k` is joined to a neighbour (in its bead or not: the aligner may have put
/// its translation with the other) by more than a full stop:
/// a colon or a semicolon between them or at its end (`Literatur :`, `The winners were:`), a
/// closing quotation mark there (`“…” Lukashevich tweeted.`: the attribution of a quotation), or
/// a lower-case start after them (a sentence cut in two). A translation often makes one
/// sentence of such a pair.
fn joined(source: &[AlignUnit], k: usize) -> bool {
    let introduces = |i: usize| {
        source[i]
            .text
            .trim_end()
            .ends_with([':', ';', '：', '；', '”', '»', '«', '"', '」', '』', '“'])
    };
    let continues = |i: usize| {
        source[i]
            .text
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    };
    introduces(k)
        || (k > 0 && introduces(k - 1))
        || continues(k)
        || (k + 1 < source.len() && continues(k + 1))
}

/// A sentence's cues, each with its weight as evidence when missing: the aligner's keys (numbers,
/// the extractor's anchors, acronyms, cognates, the lexicon's words), and whether it asks a
/// question or quotes. Keys without a weight of their own (short words' cognates, the lexicon's
/// words, whose absence proves little) weigh nothing but still show a sentence carried.
fn sentence_cues(sentence: &AlignUnit, unit: &Unit) -> Cues {
    let long_cognates: Vec<u64> = sentence
        .text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= LONG_WORD)
        .filter_map(cognate_prefix)
        .map(|p| KeyKind::Cognate.key(fnv1a(&[p.as_bytes()])))
        .collect();
    let mut out: Cues = unit
        .keys
        .iter()
        .map(|&key| {
            let weight = match KeyKind::of_key(key) {
                KeyKind::Number | KeyKind::Anchor | KeyKind::Acronym => ANCHOR_WEIGHT,
                KeyKind::Cognate if long_cognates.contains(&key) => COGNATE_WEIGHT,
                _ => 0.0,
            };
            (key, weight)
        })
        .collect();
    let text = sentence.text;
    if text.contains(['?', '？', '؟']) {
        out.push((KeyKind::Punct.key(QUESTION), ANCHOR_WEIGHT));
    }
    if text.contains(['"', '«', '»', '“', '”', '„', '「', '」', '『', '』']) {
        out.push((KeyKind::Punct.key(QUOTATION), ANCHOR_WEIGHT));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features;
    use crate::align::tests::units;

    fn lengths(units: &[AlignUnit]) -> Vec<usize> {
        super::super::char_lengths(units)
    }

    /// The beads `split_unsupported` makes of one bead that joins all of `en` to all of `de`.
    fn split(en: &[&str], de: &[&str]) -> Vec<Bead> {
        let (source, target) = (units(en), units(de));
        let bead = Bead {
            source: 0..en.len(),
            target: 0..de.len(),
            confidence: 0.9,
        };
        split_unsupported(
            vec![bead],
            &source,
            &target,
            &features::units(&source),
            &features::units(&target),
            &lengths(&source),
            &lengths(&target),
            Some(1.1),
        )
    }

    const LONG_EN: &str = "The expedition left Kathmandu on 12 March with forty porters and a \
        team of six climbers from Zurich and Geneva.";
    const LONG_DE: &str = "Die Expedition verliess Kathmandu am 12. März mit vierzig Trägern und \
        einer Mannschaft von sechs Bergsteigern aus Zürich und Genf.";

    #[test]
    fn a_short_sentence_whose_anchors_are_missing_is_split_off() {
        let beads = split(&[LONG_EN, "The SAC paid 4500 francs."], &[LONG_DE]);
        assert_eq!(beads.len(), 2, "{beads:?}");
        assert_eq!(
            (beads[0].source.clone(), beads[0].target.clone()),
            (0..1, 0..1)
        );
        assert_eq!(
            (beads[1].source.clone(), beads[1].target.clone()),
            (1..2, 1..1)
        );
        // Two anchors missing (a number, an acronym): strong evidence, an error.
        assert!(beads[1].confidence >= 0.5, "{beads:?}");
        // The same at the start of the bead.
        let beads = split(&["The SAC paid 4500 francs.", LONG_EN], &[LONG_DE]);
        assert_eq!(
            (beads[0].source.clone(), beads[0].target.clone()),
            (0..1, 0..0)
        );
    }

    #[test]
    fn one_anchors_worth_missing_is_enough_for_an_error() {
        // Only an acronym is missing: one anchor's worth, with the length fitting the rest alone
        // about as well. On faithful PUD translations such a split is as rare as a strong one.
        let beads = split(
            &[LONG_EN, "The SAC agreed to pay for all of it."],
            &[LONG_DE],
        );
        assert_eq!(beads.len(), 2, "{beads:?}");
        assert_eq!(
            (beads[1].source.clone(), beads[1].target.clone()),
            (1..2, 1..1)
        );
        assert!(beads[1].confidence >= 0.5, "{beads:?}");
    }

    #[test]
    fn a_sentence_left_as_its_source_is_paired_with_it_and_its_neighbour_is_not() {
        // The target kept the first sentence in English and dropped the second: the length
        // (English against German) and the shared words say nothing, the identity does.
        let first = "Researchers say analysing tumour DNA may help explain other cancers.";
        let beads = split(
            &[
                first,
                "The analysis shows a link between cigarettes and mutations in DNA.",
            ],
            &[first],
        );
        let shape: Vec<_> = beads
            .iter()
            .map(|b| (b.source.clone(), b.target.clone()))
            .collect();
        assert_eq!(shape, [(0..1, 0..1), (1..2, 1..1)]);
        assert!(beads[1].confidence >= 0.5, "{beads:?}");
    }

    #[test]
    fn a_sentence_dropped_between_two_kept_ones_is_split_off_in_its_place() {
        let (en2, de2) = (
            "After a week of marching through the foothills, they reached the base camp.",
            "Nach einer Woche Marsch durch die Vorberge erreichten sie das Basislager.",
        );
        let beads = split(
            &[LONG_EN, "The SAC paid 4500 francs.", en2],
            &[LONG_DE, de2],
        );
        let shape: Vec<_> = beads
            .iter()
            .map(|b| (b.source.clone(), b.target.clone()))
            .collect();
        assert_eq!(shape, [(0..1, 0..1), (1..2, 1..1), (2..3, 1..2)]);
    }

    #[test]
    fn a_sentence_whose_anchors_the_target_carries_is_kept() {
        let de = format!("{LONG_DE} Der SAC bezahlte 4500 Franken.");
        let beads = split(&[LONG_EN, "The SAC paid 4500 francs."], &[de.as_str()]);
        assert_eq!(beads.len(), 1, "{beads:?}");
    }

    #[test]
    fn a_sentence_that_introduces_the_next_is_kept() {
        // Its number and acronym are missing, and with a full stop it would be split off; a
        // colon says the next sentence continues it, which the translator joined.
        let de = ["Die Bergsteiger waren: Hans Müller aus Zürich, Norbu und 4 Träger."];
        let rest = "Hans Müller from Zurich, Norbu and 4 porters.";
        let stop = split(
            &["The climbers of the 1956 SAC expedition were 12.", rest],
            &de,
        );
        assert_eq!(stop.len(), 2, "{stop:?}");
        let colon = split(
            &["The climbers of the 1956 SAC expedition were 12:", rest],
            &de,
        );
        assert_eq!(colon.len(), 1, "{colon:?}");
    }
}

//! A second look at merged beads: a sentence the translator dropped (or added) next to a
//! sentence it kept can come out of the dynamic program merged into its neighbour's bead
//! (`[4, 5]:[4]`), because a skip is priced high so that it is chosen only when nothing fits.
//! Such a bead has a telltale length: the side with the extra sentence is far too long for the
//! other, and fits it well once that edge sentence is taken out. This pass splits those beads
//! into the fitting bead and a 1–0 (or 0–1) bead, so that omissions and additions are reported.

use std::collections::HashSet;

use super::{AlignUnit, Bead};

/// The merged bead must be at least this far off the document's length ratio (in |ln|: 0.28 is
/// a side 32% longer than expected)...
const MISFIT: f64 = 0.28;
/// ...and, once the edge sentence is out, fit within this and within 70% of its misfit before.
const FIT: f64 = 0.35;
/// Only sentences of some length are split off: a short one proves nothing by its length.
const MIN_CHARS: usize = 25;
/// The confidence given to the split-off sentence's 1–0 or 0–1 bead.
const SPLIT_CONFIDENCE: f64 = 0.6;

/// Splits beads whose length says one edge sentence has no counterpart. `src_len` and `tgt_len`
/// are each sentence's length in characters other than white space.
pub(crate) fn split_unexplained(
    beads: Vec<Bead>,
    source: &[AlignUnit],
    target: &[AlignUnit],
    src_len: &[usize],
    tgt_len: &[usize],
    expected_ratio: Option<f64>,
) -> Vec<Bead> {
    let Some(ratio) = length_ratio(&beads, src_len, tgt_len, expected_ratio) else {
        return beads;
    };
    let misfit = |s: usize, t: usize| misfit(ratio, s, t);
    let mut out = Vec::with_capacity(beads.len());
    for bead in beads {
        let s: usize = src_len[bead.source.clone()].iter().sum();
        let t: usize = tgt_len[bead.target.clone()].iter().sum();
        let (ns, nt) = (bead.source.len(), bead.target.len());
        let with = misfit(s, t);
        if ns == 0 || nt == 0 || ns + nt < 3 || with < MISFIT {
            out.push(bead);
            continue;
        }
        // Candidates: an edge sentence of the longer side whose removal makes the bead fit and
        // that shares no cue (number, name, cognate) with the other side, since a dropped or
        // added sentence has nothing there to share; of those, the best fit.
        let mut best: Option<(usize, f64, bool, bool)> = None; // (shared cues, fit, source side, first edge)
        let mut consider = |shared: usize, fit: f64, source_side: bool, first: bool, len: usize| {
            if len >= MIN_CHARS
                && shared == 0
                && fit < FIT.min(with * 0.7)
                && best.is_none_or(|b| (shared, fit) < (b.0, b.1))
            {
                best = Some((shared, fit, source_side, first));
            }
        };
        let target_cues = cues(&target[bead.target.clone()]);
        let source_cues = cues(&source[bead.source.clone()]);
        if ns >= 2 && s as f64 * ratio > t as f64 {
            for (first, k) in [(true, bead.source.start), (false, bead.source.end - 1)] {
                let shared = cues(&source[k..=k]).intersection(&target_cues).count();
                consider(shared, misfit(s - src_len[k], t), true, first, src_len[k]);
            }
        }
        if nt >= 2 && (t as f64) > s as f64 * ratio {
            for (first, k) in [(true, bead.target.start), (false, bead.target.end - 1)] {
                let shared = cues(&target[k..=k]).intersection(&source_cues).count();
                consider(shared, misfit(s, t - tgt_len[k]), false, first, tgt_len[k]);
            }
        }
        let Some((_, _, source_side, first)) = best else {
            out.push(bead);
            continue;
        };
        let (src, tgt) = (bead.source.clone(), bead.target.clone());
        let (lone, rest) = match (source_side, first) {
            (true, true) => (
                Bead {
                    source: src.start..src.start + 1,
                    target: tgt.start..tgt.start,
                    confidence: SPLIT_CONFIDENCE,
                },
                Bead {
                    source: src.start + 1..src.end,
                    target: tgt.clone(),
                    confidence: bead.confidence,
                },
            ),
            (true, false) => (
                Bead {
                    source: src.end - 1..src.end,
                    target: tgt.end..tgt.end,
                    confidence: SPLIT_CONFIDENCE,
                },
                Bead {
                    source: src.start..src.end - 1,
                    target: tgt.clone(),
                    confidence: bead.confidence,
                },
            ),
            (false, true) => (
                Bead {
                    source: src.start..src.start,
                    target: tgt.start..tgt.start + 1,
                    confidence: SPLIT_CONFIDENCE,
                },
                Bead {
                    source: src.clone(),
                    target: tgt.start + 1..tgt.end,
                    confidence: bead.confidence,
                },
            ),
            (false, false) => (
                Bead {
                    source: src.end..src.end,
                    target: tgt.end - 1..tgt.end,
                    confidence: SPLIT_CONFIDENCE,
                },
                Bead {
                    source: src.clone(),
                    target: tgt.start..tgt.end - 1,
                    confidence: bead.confidence,
                },
            ),
        };
        if first {
            out.push(lone);
            out.push(rest);
        } else {
            out.push(rest);
            out.push(lone);
        }
    }
    out
}

/// The length ratio (target characters per source character) of the document pair, from its
/// 1–1 beads (robust to the very omissions and additions looked for); when it has too few, the
/// languages' usual ratio, else the totals (which an omission itself biases). None for an empty
/// side.
pub(crate) fn length_ratio(
    beads: &[Bead],
    src_len: &[usize],
    tgt_len: &[usize],
    expected_ratio: Option<f64>,
) -> Option<f64> {
    let one_to_one = beads
        .iter()
        .filter(|b| b.source.len() == 1 && b.target.len() == 1);
    let (mut total_src, mut total_tgt, mut n) = (0usize, 0usize, 0usize);
    for b in one_to_one {
        total_src += src_len[b.source.start];
        total_tgt += tgt_len[b.target.start];
        n += 1;
    }
    if n < 3 {
        total_src = src_len.iter().sum();
        total_tgt = tgt_len.iter().sum();
    }
    if total_src == 0 || total_tgt == 0 {
        return None;
    }
    Some(match expected_ratio {
        Some(expected) if n < 3 => expected,
        _ => total_tgt as f64 / total_src as f64,
    })
}

/// How far `t` target characters are from what `s` source characters should give, in |ln|.
pub(crate) fn misfit(ratio: f64, s: usize, t: usize) -> f64 {
    ((t.max(1) as f64) / (ratio * s.max(1) as f64)).ln().abs()
}

/// Cues that survive translation in some sentences: their anchor keys (numbers by value, names),
/// digit runs, and the first four letters of longer words after transliteration (cognates).
fn cues(units: &[AlignUnit]) -> HashSet<String> {
    let mut out = HashSet::new();
    for u in units {
        out.extend(u.anchors.iter().map(|a| format!("a{a}")));
        for word in u.text.split(|c: char| !c.is_alphanumeric()) {
            if word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty() {
                out.insert(format!("d{word}"));
            } else if word.chars().count() >= 4 {
                let ascii = any_ascii::any_ascii(word).to_lowercase();
                if ascii.len() >= 4 && ascii.is_char_boundary(4) {
                    out.insert(format!("w{}", &ascii[..4]));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(s: std::ops::Range<usize>, t: std::ops::Range<usize>) -> Bead {
        Bead {
            source: s,
            target: t,
            confidence: 0.9,
        }
    }

    fn units(n: usize) -> Vec<AlignUnit<'static>> {
        (0..n)
            .map(|_| AlignUnit {
                text: "",
                paragraph: 0,
                anchors: Vec::new(),
            })
            .collect()
    }

    fn shape(out: &[Bead]) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        out.iter()
            .map(|b| (b.source.clone(), b.target.clone()))
            .collect()
    }

    #[test]
    fn a_dropped_sentence_merged_into_its_neighbour_is_split_off() {
        // Source sentence 1 (60 chars) has no counterpart; target 0 translates source 0 alone.
        let src = [100, 60, 80, 90, 70];
        let tgt = [100, 80, 90, 70];
        let beads = vec![
            bead(0..2, 0..1),
            bead(2..3, 1..2),
            bead(3..4, 2..3),
            bead(4..5, 3..4),
        ];
        let out = split_unexplained(beads, &units(5), &units(5), &src, &tgt, None);
        assert_eq!(shape(&out)[..3], [(0..1, 0..1), (1..2, 1..1), (2..3, 1..2)]);
    }

    #[test]
    fn an_added_sentence_merged_into_its_neighbour_is_split_off() {
        let src = [100, 80, 90, 70];
        let tgt = [100, 70, 80, 90, 70];
        let beads = vec![
            bead(0..1, 0..2),
            bead(1..2, 2..3),
            bead(2..3, 3..4),
            bead(3..4, 4..5),
        ];
        let out = split_unexplained(beads, &units(5), &units(5), &src, &tgt, None);
        assert_eq!(shape(&out)[..3], [(0..1, 0..1), (1..1, 1..2), (1..2, 2..3)]);
    }

    #[test]
    fn a_translators_merge_that_fits_is_kept() {
        let src = [60, 50, 80, 90, 70];
        let tgt = [115, 80, 90, 70];
        let beads = vec![
            bead(0..2, 0..1),
            bead(2..3, 1..2),
            bead(3..4, 2..3),
            bead(4..5, 3..4),
        ];
        assert_eq!(
            split_unexplained(beads.clone(), &units(5), &units(5), &src, &tgt, None),
            beads
        );
    }

    #[test]
    fn a_short_document_is_judged_by_the_languages_usual_ratio() {
        // Three English sentences, the last of the second bead dropped in German: the totals
        // (biased by the drop itself) say the merged bead fits; German's usual 1.17 says not.
        let src = [40, 225, 109];
        let tgt = [41, 242];
        let beads = vec![bead(0..1, 0..1), bead(1..3, 1..2)];
        let unchanged = split_unexplained(beads.clone(), &units(3), &units(2), &src, &tgt, None);
        assert_eq!(unchanged, beads);
        let out = split_unexplained(beads, &units(3), &units(2), &src, &tgt, Some(1.167));
        assert_eq!(shape(&out), [(0..1, 0..1), (1..2, 1..2), (2..3, 2..2)]);
    }
}

//! A bilingual lexicon learnt from the document pair itself (after Moore 2002 and hunalign's
//! second pass): the words that co-occur in the beads of a first, length- and cue-based
//! alignment far more often than chance are taken for translations of each other (`Gipfel` and
//! `sommet`, `und` and `et`), and become cues of their own for the second alignment.
//!
//! Words are compared by a prefix (inflection changes the end of a word more than its start).
//! A pair is kept when each word is the other's best partner (competitive linking, Melamed 2000)
//! and the co-occurrence passes Dunning's log-likelihood test at p < 0.001, so that a few wrong
//! beads in the first alignment do not teach wrong pairs.

use super::dp::Step;
use super::features::{cognate_prefix, fnv1a, is_unspaced_script, KeyKind, KeyMap, Unit};

/// Letters a word is compared by.
const STEM: usize = 6;
/// Least co-occurrences for a pair.
const MIN_PAIR: u32 = 2;
/// Dunning's G² at p < 0.001 with one degree of freedom.
const MIN_G2: f64 = 10.83;

/// The word stems of a text, hashed, sorted, without duplicates, each with the hash of its
/// cognate prefix (0 for none). Scripts written without spaces contribute their characters one by
/// one.
pub(crate) fn words(text: &str) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    for token in text.split(|c: char| !c.is_alphanumeric()) {
        if token.is_empty() || token.chars().all(|c| c.is_numeric()) {
            continue;
        }
        if token.chars().any(is_unspaced_script) {
            let mut buf = [0u8; 4];
            for c in token.chars().filter(|c| c.is_alphabetic()) {
                out.push((fnv1a(&[c.encode_utf8(&mut buf).as_bytes()]), 0));
            }
            continue;
        }
        let stem: String = token
            .chars()
            .flat_map(char::to_lowercase)
            .take(STEM)
            .collect();
        out.push((
            fnv1a(&[stem.as_bytes()]),
            cognate_prefix(token).map_or(0, |p| fnv1a(&[p.as_bytes()])),
        ));
    }
    out.sort_unstable();
    out.dedup_by_key(|w| w.0);
    out
}

/// Learns word pairs from the beads of `path` and adds a lexicon key for each pair to the units
/// that contain its source or target word. Returns the number of pairs.
pub(crate) fn learn(path: &[Step], src: &mut [Unit], tgt: &mut [Unit]) -> usize {
    let beads: Vec<&Step> = path.iter().filter(|s| s.i1 > s.i0 && s.j1 > s.j0).collect();
    let total = beads.len() as f64;
    if beads.len() < 10 {
        return 0;
    }
    let mut cognate: KeyMap<u64, u64> = KeyMap::default();
    for u in src.iter().chain(tgt.iter()) {
        cognate.extend(u.words.iter().filter(|w| w.1 != 0).copied());
    }
    let group = |units: &[Unit]| {
        let mut w: Vec<u64> = units
            .iter()
            .flat_map(|u| u.words.iter().map(|w| w.0))
            .collect();
        w.sort_unstable();
        w.dedup();
        w
    };
    let sides: Vec<(Vec<u64>, Vec<u64>)> = beads
        .iter()
        .map(|s| (group(&src[s.i0..s.i1]), group(&tgt[s.j0..s.j1])))
        .collect();
    // Bead frequency of every word; only words seen in two beads or more can pass the test.
    let mut freq_s: KeyMap<u64, u32> = KeyMap::default();
    let mut freq_t: KeyMap<u64, u32> = KeyMap::default();
    for (a, b) in &sides {
        for w in a {
            *freq_s.entry(*w).or_default() += 1;
        }
        for w in b {
            *freq_t.entry(*w).or_default() += 1;
        }
    }
    let mut joint: KeyMap<(u64, u64), u32> = KeyMap::default();
    for (a, b) in &sides {
        for ws in a.iter().filter(|w| freq_s[w] >= MIN_PAIR) {
            for wt in b.iter().filter(|w| freq_t[w] >= MIN_PAIR) {
                *joint.entry((*ws, *wt)).or_default() += 1;
            }
        }
    }
    // Each word's best partner by G², among pairs seen together more often than chance.
    let mut best_s: KeyMap<u64, (f64, u64)> = KeyMap::default();
    let mut best_t: KeyMap<u64, (f64, u64)> = KeyMap::default();
    for (&(ws, wt), &k) in &joint {
        if k < MIN_PAIR {
            continue;
        }
        let (fs, ft) = (f64::from(freq_s[&ws]), f64::from(freq_t[&wt]));
        let k = f64::from(k);
        if k * total <= fs * ft {
            continue;
        }
        // Cognates are cues already.
        if cognate
            .get(&ws)
            .is_some_and(|c| cognate.get(&wt) == Some(c))
        {
            continue;
        }
        let g = g2(k, fs, ft, total);
        if g < MIN_G2 {
            continue;
        }
        for (best, me, other) in [(&mut best_s, ws, wt), (&mut best_t, wt, ws)] {
            let e = best.entry(me).or_insert((0.0, other));
            // Ties broken by the key, so that the result does not depend on hash order.
            if g > e.0 || (g == e.0 && other < e.1) {
                *e = (g, other);
            }
        }
    }
    let mut pairs: KeyMap<u64, u64> = KeyMap::default();
    let mut pairs_t: KeyMap<u64, Vec<u64>> = KeyMap::default();
    for (&ws, &(_, wt)) in &best_s {
        if best_t.get(&wt).is_some_and(|&(_, back)| back == ws) {
            let key = KeyKind::Lexicon.key(fnv1a(&[&ws.to_le_bytes(), &wt.to_le_bytes()]));
            pairs.insert(ws, key);
            pairs_t.entry(wt).or_default().push(key);
        }
    }
    for u in src.iter_mut() {
        let added: Vec<u64> = u
            .words
            .iter()
            .filter_map(|w| pairs.get(&w.0).copied())
            .collect();
        add_keys(u, added);
    }
    for u in tgt.iter_mut() {
        let added: Vec<u64> = u
            .words
            .iter()
            .filter_map(|w| pairs_t.get(&w.0))
            .flatten()
            .copied()
            .collect();
        add_keys(u, added);
    }
    pairs.len()
}

fn add_keys(u: &mut Unit, added: Vec<u64>) {
    if !added.is_empty() {
        u.keys.extend(added);
        u.keys.sort_unstable();
        u.keys.dedup();
    }
}

/// Dunning's log-likelihood ratio G² for `k` co-occurrences of words seen `a` and `b` times in
/// `n` beads.
fn g2(k: f64, a: f64, b: f64, n: f64) -> f64 {
    let cells = [
        (k, a * b / n),
        (a - k, a * (n - b) / n),
        (b - k, (n - a) * b / n),
        (n - a - b + k, (n - a) * (n - b) / n),
    ];
    2.0 * cells
        .iter()
        .filter(|(o, _)| *o > 0.0)
        .map(|(o, e)| o * (o / e).ln())
        .sum::<f64>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_prefixes_and_cjk_characters() {
        assert_eq!(words("Gipfel Gipfeln"), words("gipfel"));
        assert_eq!(words("山顶").len(), 2);
        assert!(words("1956 , 2").is_empty());
    }

    #[test]
    fn g2_is_large_for_strong_association() {
        assert!(g2(10.0, 10.0, 10.0, 100.0) > MIN_G2);
        assert!(g2(1.0, 10.0, 10.0, 100.0) < MIN_G2);
    }
}

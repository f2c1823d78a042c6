//! The cost of a bead: minus the log-probability that its source and target sentences are
//! translations of each other, as a sum of pieces of evidence (in nats).
//!
//! - **Bead type**: a prior per type (1–1, 1–2, ..., 1–0, 0–1), re-estimated from the first
//!   alignment of the document pair.
//! - **Length** (Gale & Church 1993): the target length, scaled by the document pair's ratio of
//!   target to source characters, is normal around the source length with a variance that grows
//!   with the length; the cost is minus the log of the two-tailed probability of the deviation.
//!   The ratio comes from the two documents' totals, so that CJK against Latin (a third as many
//!   characters) needs no table, weighed against the languages' usual ratio where the caller
//!   knows it (a short document cannot show its own); the variance is re-estimated from the
//!   first alignment. A small wide component keeps one badly matched length from outweighing
//!   everything else. A sentence left unaligned is its length against nothing, with the
//!   variance of the pair it would have formed.
//! - **Cues** (see `features`): a key on both sides of a bead is evidence `ln(ρ/f)`, where `ρ` is
//!   how often a key of its kind survives translation (re-estimated) and `f` how often it occurs
//!   in a sentence by chance: its frequency on the other side, or in the sentence's own
//!   neighbourhood if higher (words come in bursts, and the search only ever weighs a sentence
//!   against its neighbours). A group of `q` sentences contains a key by chance about `q` times
//!   as often, so the evidence of a match in a `p`–`q` bead is lowered by `ln √(pq)`: without
//!   that, merging neighbours would always look better. A key on one side only is counter-evidence
//!   `-ln((1-ρ)/(1-f))`. Keys that never occur on the other side say nothing about where a
//!   sentence goes and are dropped.
//! - **Final punctuation** of the last sentences of both sides: the same (a question answered by a
//!   question) is evidence, a different one counter-evidence, weighed like a cue.
//! - **Paragraphs**: a bead that spans a paragraph boundary on one side pays a penalty (translators
//!   do merge paragraphs, so it is allowed); a bead that opens a paragraph on one side but not on
//!   the other pays a smaller one.

use super::dp::Step;
use super::features::{KeyKind, KeyMap, Unit, KIND_COUNT};

/// The bead types the search considers, as (source sentences, target sentences). Literary and
/// OCR'd text has beads as large as 1–5 (a long sentence translated as a list).
pub(crate) const BEAD_TYPES: [(usize, usize); 17] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
    (2, 3),
    (3, 2),
    (1, 4),
    (4, 1),
    (3, 3),
    (2, 4),
    (4, 2),
    (1, 5),
    (5, 1),
];
pub(crate) const TYPE_COUNT: usize = BEAD_TYPES.len();
/// Most sentences on one side of a bead.
pub(crate) const MAX_GROUP: usize = 5;

/// Initial bead type probabilities: Gale & Church's for the small types, and small ones for the
/// rest.
const PRIOR: [f64; TYPE_COUNT] = [
    0.8395, 0.01, 0.01, 0.05, 0.05, 0.01, 0.01, 0.01, 0.002, 0.002, 0.002, 0.002, 0.0005, 0.0005,
    0.0005, 0.0005, 0.0005,
];

/// Initial chance that a cue of each kind survives translation (number, anchor, acronym,
/// cognate, punctuation, lexicon).
const RHO: [f64; KIND_COUNT] = [0.8, 0.8, 0.6, 0.4, 0.6, 0.5];

/// Gale & Church's variance of the length difference per character.
const LENGTH_VARIANCE: f64 = 6.8;
/// The heavy tail of the length model: share and scale of the wide component.
const TAIL_SHARE: f64 = 0.05;
const TAIL_SCALE: f64 = 3.0;

/// The extractor's anchors found on one side only count for a quarter of their counter-evidence:
/// its names are candidates, found more readily in some languages than in others (a German noun
/// is capitalised), so an anchor with no counterpart is weak evidence that the bead is wrong.
const ANCHOR_MISS_WEIGHT: f64 = 0.25;

/// Most cues a merged unit of a coarse pass keeps.
const MAX_COARSE_CUES: usize = 48;

/// Sentences on each side that make a sentence's neighbourhood, for a cue's chance frequency.
const NEIGHBOURHOOD: usize = 8;

/// A group that spans a paragraph boundary, per side.
const PARAGRAPH_SPAN_COST: f64 = 2.0;
/// A bead that opens a paragraph on one side only.
const PARAGRAPH_OPEN_COST: f64 = 0.7;

/// Weight of the initial values when re-estimating, in beads and in cues.
const PSEUDO_BEADS: f64 = 50.0;
const PSEUDO_CUES: f64 = 20.0;
/// Weight of a key's kind when estimating the key's own reliability, in occurrences.
const PSEUDO_KEY: f64 = 4.0;

/// A cue of one unit, weighed for this document pair.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cue {
    pub key: u64,
    /// Evidence (nats) when the other side of the bead has it too.
    pub gain: f32,
    /// Counter-evidence (nats) when it does not.
    pub miss: f32,
}

/// A unit with its weighed cues, sorted by key.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scored {
    /// Characters other than white space.
    pub len: f64,
    /// Paragraph of the first and of the last sentence, and whether the first opens its
    /// paragraph.
    pub first_para: usize,
    pub last_para: usize,
    pub opens_para: bool,
    pub cues: Vec<Cue>,
    /// The final punctuation of the last sentence, weighed.
    pub end: Option<Cue>,
}

impl Scored {
    fn has(&self, key: u64) -> bool {
        self.cues.binary_search_by_key(&key, |c| c.key).is_ok()
    }

    /// Two neighbouring units as one, for the coarse passes. Only the strongest cues are kept: a
    /// coarse pass only places the band, and a unit standing for hundreds of sentences would
    /// otherwise carry hundreds of cues, each matched against its neighbours.
    pub(crate) fn merge(a: &Scored, b: &Scored) -> Scored {
        let mut cues = Vec::with_capacity(a.cues.len() + b.cues.len());
        cues.extend_from_slice(&a.cues);
        cues.extend_from_slice(&b.cues);
        cues.sort_by_key(|c| c.key);
        cues.dedup_by_key(|c| c.key);
        if cues.len() > MAX_COARSE_CUES {
            cues.sort_by(|x, y| y.gain.total_cmp(&x.gain).then(x.key.cmp(&y.key)));
            cues.truncate(MAX_COARSE_CUES);
            cues.sort_by_key(|c| c.key);
        }
        Scored {
            len: a.len + b.len,
            first_para: a.first_para,
            last_para: b.last_para,
            opens_para: a.opens_para,
            cues,
            end: b.end,
        }
    }
}

/// A document as the search sees it: its units, the prefix sums of their lengths, and for every
/// run of up to [`MAX_GROUP`] consecutive units the counter-evidence of all their cues (each key
/// counted once).
#[derive(Debug, Clone, Default)]
pub(crate) struct Doc {
    pub units: Vec<Scored>,
    prefix_len: Vec<f64>,
    /// At `i * MAX_GROUP + l - 1`: the summed misses of the cues of units `i..i + l`.
    window_miss: Vec<f32>,
}

impl Doc {
    pub(crate) fn new(units: Vec<Scored>) -> Doc {
        let mut prefix_len = Vec::with_capacity(units.len() + 1);
        prefix_len.push(0.0);
        for u in &units {
            prefix_len.push(prefix_len.last().copied().unwrap_or(0.0) + u.len);
        }
        let mut window_miss = Vec::with_capacity(units.len() * MAX_GROUP);
        let mut union: Vec<Cue> = Vec::new();
        for i in 0..units.len() {
            union.clear();
            for l in 1..=MAX_GROUP {
                if let Some(u) = units.get(i + l - 1) {
                    union.extend_from_slice(&u.cues);
                    union.sort_by_key(|c| c.key);
                    union.dedup_by_key(|c| c.key);
                }
                window_miss.push(union.iter().map(|c| c.miss).sum());
            }
        }
        Doc {
            units,
            prefix_len,
            window_miss,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.units.len()
    }

    fn length(&self, from: usize, to: usize) -> f64 {
        self.prefix_len[to] - self.prefix_len[from]
    }

    /// The summed misses of the cues of units `from..to` (at most [`MAX_GROUP`] of them).
    fn miss(&self, from: usize, to: usize) -> f64 {
        f64::from(self.window_miss[from * MAX_GROUP + to - from - 1])
    }
}

/// A key found in both a source and a target unit.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Match {
    key: u64,
    /// The mean of the two cues' gains.
    gain: f32,
    /// The sum of the two cues' misses, which a match takes back.
    miss: f32,
}

/// The keys each pair of a source and a target unit share, for the pairs a search may weigh:
/// source unit `u` with target units `lo[u]..hi[u]`. Most pairs share nothing, so a bead's cue
/// evidence is a few short lists, not a merge of its cue lists.
#[derive(Debug, Clone, Default)]
pub(crate) struct Matches {
    lo: Vec<usize>,
    hi: Vec<usize>,
    /// Index of the first pair of each source unit in `pair_start`.
    row_start: Vec<usize>,
    /// Range of `matches` of each pair, as start offsets (one more than pairs).
    pair_start: Vec<u32>,
    matches: Vec<Match>,
}

impl Matches {
    /// The shared keys of source unit `u` and target units `cols(u)`.
    pub(crate) fn new(src: &Doc, tgt: &Doc, cols: impl Fn(usize) -> (usize, usize)) -> Matches {
        let mut m = Matches::default();
        let mut pairs = 0;
        m.pair_start.push(0);
        for (u, su) in src.units.iter().enumerate() {
            let (lo, hi) = cols(u);
            let hi = hi.min(tgt.len()).max(lo);
            m.lo.push(lo);
            m.hi.push(hi);
            m.row_start.push(pairs);
            pairs += hi - lo;
            for tv in &tgt.units[lo..hi] {
                let (s, t) = (&su.cues, &tv.cues);
                let (mut a, mut b) = (0, 0);
                while a < s.len() && b < t.len() {
                    match s[a].key.cmp(&t[b].key) {
                        std::cmp::Ordering::Less => a += 1,
                        std::cmp::Ordering::Greater => b += 1,
                        std::cmp::Ordering::Equal => {
                            m.matches.push(Match {
                                key: s[a].key,
                                gain: 0.5 * (s[a].gain + t[b].gain),
                                miss: s[a].miss + t[b].miss,
                            });
                            a += 1;
                            b += 1;
                        }
                    }
                }
                m.pair_start.push(m.matches.len() as u32);
            }
        }
        m
    }

    /// The shared keys of the pairs in `rows` × `cols` (within the table), with their pair: all
    /// the beads that end (or start) at one cell draw on one such block.
    pub(crate) fn block(
        &self,
        rows: std::ops::Range<usize>,
        cols: std::ops::Range<usize>,
        out: &mut Vec<Shared>,
    ) {
        out.clear();
        for u in rows.start..rows.end.min(self.lo.len()) {
            let (lo, hi) = (cols.start.max(self.lo[u]), cols.end.min(self.hi[u]));
            if lo >= hi {
                continue;
            }
            let first = self.row_start[u] - self.lo[u];
            let (a, b) = (
                self.pair_start[first + lo] as usize,
                self.pair_start[first + hi] as usize,
            );
            if a == b {
                continue;
            }
            for v in lo..hi {
                let k = first + v;
                for m in &self.matches[self.pair_start[k] as usize..self.pair_start[k + 1] as usize]
                {
                    out.push(Shared {
                        u: u as u32,
                        v: v as u32,
                        m: *m,
                    });
                }
            }
        }
    }
}

/// A key shared by source unit `u` and target unit `v`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shared {
    u: u32,
    v: u32,
    m: Match,
}

/// How many source characters the languages' usual length ratio weighs as, against a document
/// pair's own totals (see [`Model::initial`]): about ten sentences.
const RATIO_PRIOR_CHARS: f64 = 1500.0;

const _: () = assert!(TYPE_COUNT <= 32, "bead types are bits of a u32");

#[derive(Debug, Clone)]
pub(crate) struct Model {
    /// Target characters per source character.
    pub ratio: f64,
    /// Variance of the length difference per character (in source characters).
    pub variance: f64,
    /// -ln P(bead type).
    pub type_cost: [f64; TYPE_COUNT],
    /// Chance that a cue of each kind survives translation.
    pub rho: [f64; KIND_COUNT],
    /// Whether both documents have more than one paragraph (else paragraphs say nothing).
    pub paragraphs: bool,
    /// Counts (kept, seen) of each key on the first alignment, for its own reliability.
    pub key_counts: KeyMap<u64, (f32, f32)>,
}

impl Model {
    /// The initial model for a document pair: length ratio from the totals, default variance,
    /// priors and cue reliabilities. Where the two languages' usual ratio is known, it is the
    /// prior the totals are weighed against: a short document pair (a news brief of five
    /// sentences) cannot show its own ratio, and a sentence dropped from it biases the totals
    /// toward the very alignment that hides the drop (four source sentences against two).
    pub(crate) fn initial(src: &[Unit], tgt: &[Unit], expected_ratio: Option<f64>) -> Model {
        let total_s: f64 = src.iter().map(|u| u.len).sum();
        let total_t: f64 = tgt.iter().map(|u| u.len).sum();
        let observed = (total_s > 0.0 && total_t > 0.0).then(|| total_t / total_s);
        let ratio = match (observed, expected_ratio) {
            (Some(seen), Some(usual)) => {
                // In log space, the totals weighing as many source characters as they have
                // against the prior's RATIO_PRIOR_CHARS.
                let w = total_s / (total_s + RATIO_PRIOR_CHARS);
                (w * seen.ln() + (1.0 - w) * usual.ln()).exp()
            }
            (Some(seen), None) => seen,
            (None, Some(usual)) => usual,
            (None, None) => 1.0,
        };
        let paragraphs = |u: &[Unit]| {
            u.first()
                .zip(u.last())
                .is_some_and(|(a, b)| a.first_para != b.last_para)
        };
        Model {
            ratio,
            variance: LENGTH_VARIANCE,
            type_cost: PRIOR.map(|p| -p.ln()),
            rho: RHO,
            paragraphs: paragraphs(src) && paragraphs(tgt),
            key_counts: KeyMap::default(),
        }
    }

    /// Weighs the cues of both documents' units for this model.
    pub(crate) fn score(&self, src: &[Unit], tgt: &[Unit]) -> (Doc, Doc) {
        let pos_s = positions(src);
        let pos_t = positions(tgt);
        let weigh = |units: &[Unit], own: &Positions, other: &Positions, n_other: usize| {
            units
                .iter()
                .enumerate()
                .map(|(i, u)| {
                    let weigh_key = |key: u64| {
                        let kind = KeyKind::of_key(key);
                        let Some(found) = other.get(key) else {
                            // Nowhere on the other side: it says nothing about where the sentence
                            // goes, but a number or an acronym that translators keep says that
                            // the sentence may have no counterpart at all. (Not the extractor's
                            // anchors: their names are only candidates.)
                            let kept = matches!(kind, KeyKind::Number | KeyKind::Acronym);
                            return kept.then(|| Cue {
                                key,
                                gain: 0.0,
                                miss: -(1.0 - self.rho_of(key)).ln() as f32,
                            });
                        };
                        let rho = self.rho_of(key);
                        let f_other = found.len() as f64 / n_other.max(1) as f64;
                        let near = own.get(key).unwrap_or_default();
                        let lo = near.partition_point(|&x| (x as usize) + NEIGHBOURHOOD < i);
                        let hi = near.partition_point(|&x| (x as usize) <= i + NEIGHBOURHOOD);
                        let f_near = (hi - lo - 1) as f64 / (2 * NEIGHBOURHOOD) as f64;
                        let gain = (rho / f_other.max(f_near)).ln();
                        let mut miss = -((1.0 - rho) / (1.0 - f_other).max(1e-3)).ln();
                        if kind == KeyKind::Anchor {
                            miss *= ANCHOR_MISS_WEIGHT;
                        }
                        Some(Cue {
                            key,
                            gain: gain.max(0.0) as f32,
                            miss: miss.max(0.0) as f32,
                        })
                    };
                    let cues = u.keys.iter().filter_map(|&key| weigh_key(key)).collect();
                    Scored {
                        len: u.len,
                        first_para: u.first_para,
                        last_para: u.last_para,
                        opens_para: u.opens_para,
                        cues,
                        end: u.end.and_then(weigh_key),
                    }
                })
                .collect()
        };
        (
            Doc::new(weigh(src, &pos_s, &pos_t, tgt.len())),
            Doc::new(weigh(tgt, &pos_t, &pos_s, src.len())),
        )
    }

    /// How often a key survives translation: its kind's rate, or, for a key seen in the first
    /// alignment, its own rate shrunk toward its kind's (so that a frequent key the extractor
    /// takes for a name but that never finds a counterpart, a capitalised German noun, soon
    /// weighs little).
    fn rho_of(&self, key: u64) -> f64 {
        let kind = self.rho[KeyKind::of_key(key) as usize];
        match self.key_counts.get(&key) {
            Some(&(kept, seen)) => ((f64::from(kept) + PSEUDO_KEY * kind)
                / (f64::from(seen) + PSEUDO_KEY))
                .clamp(0.05, 0.95),
            None => kind,
        }
    }

    /// The cost of aligning source units `i0..i1` with target units `j0..j1` as one bead (`ty` is
    /// its index in [`BEAD_TYPES`]), given the evidence of the keys its sides share (from
    /// [`Model::found`]).
    #[allow(clippy::too_many_arguments)]
    #[inline]
    pub(crate) fn cost(
        &self,
        ty: usize,
        src: &Doc,
        i0: usize,
        i1: usize,
        tgt: &Doc,
        j0: usize,
        j1: usize,
        found: f64,
    ) -> f64 {
        let mut cost = self.type_cost[ty];
        let x = src.length(i0, i1);
        let y = tgt.length(j0, j1) / self.ratio;
        if i1 == i0 || j1 == j0 {
            // A sentence with no counterpart: its length against nothing, with the variance of the
            // pair it would have formed (a counterpart of its own length).
            let z = (x + y) / (2.0 * self.variance * (x + y).max(1.0)).sqrt();
            return cost + length_table().at(z);
        }
        cost += self.length_cost(x, y);
        // Cue evidence: every cue of both sides counted as missing, then the keys the two sides
        // share counted as found instead.
        cost += src.miss(i0, i1) + tgt.miss(j0, j1) - found;
        let (a, b) = (&src.units[i1 - 1], &tgt.units[j1 - 1]);
        cost += end_cost(a, b);
        if self.paragraphs {
            if src.units[i0].first_para != a.last_para {
                cost += PARAGRAPH_SPAN_COST;
            }
            if tgt.units[j0].first_para != b.last_para {
                cost += PARAGRAPH_SPAN_COST;
            }
            if src.units[i0].opens_para != tgt.units[j0].opens_para {
                cost += PARAGRAPH_OPEN_COST;
            }
        }
        cost
    }

    /// The evidence of the keys shared by the two sides of every bead type with a corner at
    /// `(i, j)`: the beads that end there if `forward`, else those that start there. `shared`
    /// holds the keys shared by the pairs of units around the corner; `scratch` is working space.
    /// A key counts once per bead however many of its sentences have it, and a match in a `p`–`q`
    /// bead is worth `ln √(pq)` less (the chance of finding a key in a group grows with its size).
    pub(crate) fn found(
        &self,
        shared: &[Shared],
        (i, j): (usize, usize),
        forward: bool,
        scratch: &mut Vec<Shared>,
        out: &mut [f64; TYPE_COUNT],
    ) {
        let tables = type_tables();
        *out = [0.0; TYPE_COUNT];
        scratch.clear();
        scratch.extend_from_slice(shared);
        scratch.sort_unstable_by_key(|s| s.m.key);
        let mut k = 0;
        while k < scratch.len() {
            let key = scratch[k].m.key;
            let first = k;
            while k < scratch.len() && scratch[k].m.key == key {
                k += 1;
            }
            let covers = |s: &Shared| {
                let (u, v) = (s.u as usize, s.v as usize);
                let (du, dv) = if forward {
                    (i - 1 - u, j - 1 - v)
                } else {
                    (u - i, v - j)
                };
                tables.covers[du * MAX_GROUP + dv]
            };
            let value = |s: &Shared, ty: usize| {
                (f64::from(s.m.gain) - tables.dilution[ty]).max(0.0) + f64::from(s.m.miss)
            };
            if k - first == 1 {
                let s = &scratch[first];
                let mut mask = covers(s);
                while mask != 0 {
                    let ty = mask.trailing_zeros() as usize;
                    out[ty] += value(s, ty);
                    mask &= mask - 1;
                }
                continue;
            }
            // A key several pairs share: each bead counts it once, at the best of the pairs it
            // covers (the gain depends on the sentence's neighbourhood), so that a bead's cost
            // does not depend on which corner it is seen from.
            let mut best = [0.0f64; TYPE_COUNT];
            let mut any = 0u32;
            for s in &scratch[first..k] {
                let mut mask = covers(s);
                any |= mask;
                while mask != 0 {
                    let ty = mask.trailing_zeros() as usize;
                    best[ty] = best[ty].max(value(s, ty));
                    mask &= mask - 1;
                }
            }
            while any != 0 {
                let ty = any.trailing_zeros() as usize;
                out[ty] += best[ty];
                any &= any - 1;
            }
        }
    }

    /// Length evidence: the deviation of `y` from `x` (both in source characters), under a normal
    /// with a heavy tail, as minus the log of its two-tailed probability.
    pub(crate) fn length_cost(&self, x: f64, y: f64) -> f64 {
        let mean = ((x + y) / 2.0).max(1.0);
        let delta = (y - x).abs() / (self.variance * mean).sqrt();
        length_table().at(delta)
    }

    /// Re-estimates the length variance, the bead type priors and the cue reliabilities from an
    /// alignment of this document pair (one step of hard EM), each smoothed toward its initial
    /// value so that a short document cannot push it far.
    pub(crate) fn reestimate(&mut self, path: &[Step], src: &Doc, tgt: &Doc) {
        let (src, tgt) = (&src.units, &tgt.units);
        // Length variance: robustly, from the median squared deviation of the 1–1 beads (the
        // median of a chi-square with one degree of freedom is 0.455).
        let mut dev: Vec<f64> = path
            .iter()
            .filter(|s| s.ty == 0)
            .map(|s| {
                let (x, y) = (src[s.i0].len, tgt[s.j0].len / self.ratio);
                (y - x).powi(2) / ((x + y) / 2.0).max(1.0)
            })
            .collect();
        if dev.len() >= 10 {
            let mid = dev.len() / 2;
            let (_, median, _) = dev.select_nth_unstable_by(mid, f64::total_cmp);
            let estimate = *median / 0.455;
            let w = dev.len() as f64 / (dev.len() as f64 + PSEUDO_BEADS);
            self.variance = (w * estimate + (1.0 - w) * LENGTH_VARIANCE).clamp(1.0, 100.0);
        }
        // Bead type priors.
        let mut count = [0.0f64; TYPE_COUNT];
        for s in path {
            count[s.ty] += 1.0;
        }
        let total: f64 = count.iter().sum::<f64>() + PSEUDO_BEADS;
        for ty in 0..TYPE_COUNT {
            self.type_cost[ty] = -((count[ty] + PSEUDO_BEADS * PRIOR[ty]) / total).ln();
        }
        // Cue reliabilities: the share of each kind's cues found on the other side of their bead.
        let mut kept = [0.0f64; KIND_COUNT];
        let mut seen = [0.0f64; KIND_COUNT];
        self.key_counts.clear();
        for s in path.iter().filter(|s| s.i1 > s.i0 && s.j1 > s.j0) {
            let (a, b) = (&src[s.i0..s.i1], &tgt[s.j0..s.j1]);
            for (side, other) in [(a, b), (b, a)] {
                for (k, u) in side.iter().enumerate() {
                    for cue in &u.cues {
                        if side[..k].iter().any(|v| v.has(cue.key)) {
                            continue;
                        }
                        let kind = KeyKind::of_key(cue.key) as usize;
                        let found = other.iter().any(|v| v.has(cue.key));
                        seen[kind] += 1.0;
                        kept[kind] += f64::from(u8::from(found));
                        let counts = self.key_counts.entry(cue.key).or_default();
                        counts.0 += f32::from(u8::from(found));
                        counts.1 += 1.0;
                    }
                }
            }
            let (x, y) = (a[a.len() - 1].end, b[b.len() - 1].end);
            for (x, y) in [(x, y), (y, x)] {
                if let Some(x) = x {
                    seen[KeyKind::Punct as usize] += 1.0;
                    if y.is_some_and(|y| y.key == x.key) {
                        kept[KeyKind::Punct as usize] += 1.0;
                    }
                }
            }
        }
        for kind in 0..KIND_COUNT {
            let prior = RHO[kind];
            self.rho[kind] =
                ((kept[kind] + PSEUDO_CUES * prior) / (seen[kind] + PSEUDO_CUES)).clamp(0.05, 0.95);
        }
    }
}

/// Per bead type: which pairs of units a bead of that type covers, and how much less a match in
/// it is worth.
struct TypeTables {
    /// At `du * MAX_GROUP + dv`: the bead types (as bits) that cover the pair `du` sentences and
    /// `dv` sentences away from their corner.
    covers: [u32; MAX_GROUP * MAX_GROUP],
    dilution: [f64; TYPE_COUNT],
}

fn type_tables() -> &'static TypeTables {
    static TABLES: std::sync::OnceLock<TypeTables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = TypeTables {
            covers: [0; MAX_GROUP * MAX_GROUP],
            dilution: [0.0; TYPE_COUNT],
        };
        for (ty, &(p, q)) in BEAD_TYPES.iter().enumerate() {
            t.dilution[ty] = 0.5 * ((p * q).max(1) as f64).ln();
            for du in 0..p {
                for dv in 0..q {
                    t.covers[du * MAX_GROUP + dv] |= 1 << ty;
                }
            }
        }
        t
    })
}

/// Final punctuation evidence: the last sentences of both sides end alike, or not.
fn end_cost(a: &Scored, b: &Scored) -> f64 {
    match (a.end, b.end) {
        (Some(x), Some(y)) if x.key == y.key => -0.5 * (f64::from(x.gain) + f64::from(y.gain)),
        (x, y) => x.map_or(0.0, |c| f64::from(c.miss)) + y.map_or(0.0, |c| f64::from(c.miss)),
    }
}

/// The units each key occurs in, in order: one flat list, sorted by key, and an index into it.
struct Positions {
    index: KeyMap<u64, (u32, u32)>,
    flat: Vec<u32>,
}

impl Positions {
    fn get(&self, key: u64) -> Option<&[u32]> {
        self.index
            .get(&key)
            .map(|&(a, b)| &self.flat[a as usize..b as usize])
    }
}

fn positions(units: &[Unit]) -> Positions {
    let mut pairs: Vec<(u64, u32)> = units
        .iter()
        .enumerate()
        .flat_map(|(i, u)| u.keys.iter().chain(&u.end).map(move |&k| (k, i as u32)))
        .collect();
    pairs.sort_unstable();
    let mut index = KeyMap::default();
    index.reserve(pairs.len() / 2);
    let mut start = 0;
    for k in 1..=pairs.len() {
        if k == pairs.len() || pairs[k].0 != pairs[start].0 {
            index.insert(pairs[start].0, (start as u32, k as u32));
            start = k;
        }
    }
    Positions {
        index,
        flat: pairs.into_iter().map(|(_, i)| i).collect(),
    }
}

/// Minus the log of the two-tailed probability of a standardized length deviation under the
/// heavy-tailed normal, tabulated (the search asks for it millions of times).
struct LengthTable {
    cost: Vec<f64>,
}

impl LengthTable {
    const STEP: f64 = 1.0 / 64.0;
    const MAX: f64 = 64.0;

    fn new() -> LengthTable {
        let cost = (0..=(Self::MAX / Self::STEP) as usize + 1)
            .map(|k| {
                let z = k as f64 * Self::STEP / std::f64::consts::SQRT_2;
                let p = (1.0 - TAIL_SHARE) * ln_erfc(z).exp()
                    + TAIL_SHARE * ln_erfc(z / TAIL_SCALE).exp();
                -p.max(1e-300).ln()
            })
            .collect();
        LengthTable { cost }
    }

    #[inline]
    fn at(&self, delta: f64) -> f64 {
        let x = (delta / Self::STEP).min(Self::MAX / Self::STEP);
        let k = x as usize;
        let frac = x - k as f64;
        self.cost[k] * (1.0 - frac) + self.cost[k + 1] * frac
    }
}

/// Minus the log of the sum of exponentials of minus `a` and minus `b`.
#[inline]
pub(crate) fn neg_log_add(a: f64, b: f64) -> f64 {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    if hi == f64::INFINITY {
        lo
    } else {
        lo - (-(hi - lo)).exp().ln_1p()
    }
}

fn length_table() -> &'static LengthTable {
    static TABLE: std::sync::OnceLock<LengthTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(LengthTable::new)
}

/// ln erfc(z) for z ≥ 0, without underflow (Numerical Recipes' Chebyshev fit, relative error
/// below 1.2e-7).
fn ln_erfc(z: f64) -> f64 {
    let z = z.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    t.ln() + poly
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erfc_matches_known_values() {
        assert!((ln_erfc(0.0).exp() - 1.0).abs() < 1e-6);
        assert!((ln_erfc(1.0).exp() - 0.157_299_2).abs() < 1e-6);
        assert!((ln_erfc(3.0).exp() - 2.209_05e-5).abs() < 1e-9);
        assert!(ln_erfc(30.0).is_finite());
    }

    #[test]
    fn length_cost_grows_with_mismatch() {
        let m = Model::initial(&[], &[], None);
        assert!(m.length_cost(100.0, 100.0) < 1e-6);
        assert!(m.length_cost(100.0, 110.0) < m.length_cost(100.0, 150.0));
        // The heavy tail bounds the cost of a wild mismatch.
        assert!(m.length_cost(100.0, 1000.0) < 40.0);
    }

    #[test]
    fn priors_are_probabilities() {
        assert!((PRIOR.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
}

//! The banded dynamic program, and the coarse-to-fine search that keeps it linear.
//!
//! A cell `(i, j)` is "the first `i` source and `j` target units are aligned". The search only
//! visits a band of cells: for each `i`, the `j` in `lo[i]..=hi[i]`. The band comes from a coarse
//! alignment (Vecalign's recursion, Thompson & Koehn 2019): both documents are halved by merging
//! neighbouring units in pairs, the halves are aligned the same way (recursively, down to a size
//! where the full table is cheap: 2^14 cells), and the coarse path, projected back, is widened by
//! `BAND` (8) cells on each side, across as well as along (a run of skipped sentences is a
//! vertical or horizontal stretch of path). The later rounds of re-estimation search a band of
//! the same width around the previous round's path instead. Time and memory are then
//! proportional to `(n + m) · BAND`, plus the cues of the units (the coarse passes keep the
//! strongest 48 cues of a merged unit, so that they do not grow with the level).
//!
//! When the best path found touches the edge of the band (other than the table's own edge), the
//! true path may lie outside: the band is doubled and the search redone, up to the full table.
//! The posterior probabilities are those of the paths within the final band.

use super::model::{
    neg_log_add, Doc, Matches, Model, Scored, Shared, BEAD_TYPES, MAX_GROUP, TYPE_COUNT,
};

/// Tables up to this many cells are searched in full.
const FULL_TABLE_CELLS: usize = 1 << 14;
/// Half-width of the band around the projected coarse path, in cells.
const BAND: usize = 8;
/// Bead types of the coarse passes (1–1, 1–0, 0–1, 1–2, 2–1, 2–2).
const COARSE_TYPES: usize = 6;

/// For each row `i`, the columns `lo[i]..=hi[i]`.
#[derive(Debug, Clone)]
pub(crate) struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    /// Index of the first cell of each row in the flat tables.
    start: Vec<usize>,
    n: usize,
    m: usize,
}

impl Band {
    fn new(lo: Vec<usize>, hi: Vec<usize>, m: usize) -> Band {
        let n = lo.len() - 1;
        let mut start = Vec::with_capacity(n + 2);
        let mut acc = 0;
        for i in 0..=n {
            start.push(acc);
            acc += hi[i] + 1 - lo[i];
        }
        start.push(acc);
        Band {
            lo,
            hi,
            start,
            n,
            m,
        }
    }

    fn full(n: usize, m: usize) -> Band {
        Band::new(vec![0; n + 1], vec![m; n + 1], m)
    }

    /// The band of half-width `width` around a path given as bead end points from `(0, 0)` to
    /// `(n, m)`.
    fn around(path: &[(usize, usize)], n: usize, m: usize, width: usize) -> Band {
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0; n + 1];
        for w in path.windows(2) {
            let ((i0, j0), (i1, j1)) = (w[0], w[1]);
            for i in i0..=i1 {
                lo[i] = lo[i].min(j0);
                hi[i] = hi[i].max(j1);
            }
        }
        if path.len() == 1 {
            lo[0] = 0;
        }
        // Widen vertically too (a path that runs through a block of skipped sentences is a
        // vertical or horizontal line): row i takes the columns of rows i-width..=i+width.
        let lo: Vec<usize> = (0..=n)
            .map(|i| {
                lo[i.saturating_sub(width)..=(i + width).min(n)]
                    .iter()
                    .copied()
                    .min()
                    .unwrap_or(0)
                    .saturating_sub(width)
            })
            .collect();
        let hi: Vec<usize> = (0..=n)
            .map(|i| {
                (hi[i.saturating_sub(width)..=(i + width).min(n)]
                    .iter()
                    .copied()
                    .max()
                    .unwrap_or(m)
                    + width)
                    .min(m)
            })
            .collect();
        Band::new(lo, hi, m)
    }

    /// The pairs of units whose shared cues the search may ask for: those of the beads that end
    /// in the band.
    fn matches(&self, src: &Doc, tgt: &Doc) -> Matches {
        Matches::new(src, tgt, |u| {
            let rows = u + 1..=(u + MAX_GROUP).min(self.n);
            let lo = rows.clone().map(|i| self.lo[i]).min().unwrap_or(0);
            let hi = rows.map(|i| self.hi[i]).max().unwrap_or(0);
            (lo.saturating_sub(MAX_GROUP), hi)
        })
    }

    fn cells(&self) -> usize {
        self.start[self.n + 1]
    }

    fn is_full(&self) -> bool {
        self.lo.iter().all(|&l| l == 0) && self.hi.iter().all(|&h| h == self.m)
    }

    #[inline]
    fn index(&self, i: usize, j: usize) -> Option<usize> {
        if j < self.lo[i] || j > self.hi[i] {
            None
        } else {
            Some(self.start[i] + j - self.lo[i])
        }
    }

    /// Whether a cell lies on an edge of the band that is not an edge of the table.
    fn on_inner_edge(&self, i: usize, j: usize) -> bool {
        (j == self.lo[i] && j > 0) || (j == self.hi[i] && j < self.m)
    }
}

/// One bead of a path: its start cell, end cell and type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Step {
    pub i0: usize,
    pub j0: usize,
    pub i1: usize,
    pub j1: usize,
    pub ty: usize,
}

/// The best path through `band` using the first `types` bead types, whether it touches the
/// band's inner edge, and (if `sums`) the forward table: minus the log of the summed
/// probabilities of all paths from `(0, 0)` to each cell.
fn forward(
    model: &Model,
    src: &Doc,
    tgt: &Doc,
    band: &Band,
    types: usize,
    sums: bool,
    matches: &Matches,
) -> (Vec<Step>, bool, Vec<f64>) {
    let mut best = vec![f64::INFINITY; band.cells()];
    let mut back = vec![u8::MAX; band.cells()];
    let mut fwd = if sums {
        vec![f64::INFINITY; band.cells()]
    } else {
        Vec::new()
    };
    let mut shared: Vec<Shared> = Vec::new();
    let mut scratch: Vec<Shared> = Vec::new();
    let mut found = [0.0; TYPE_COUNT];
    let group = BEAD_TYPES[..types]
        .iter()
        .map(|&(p, q)| p.max(q))
        .max()
        .unwrap_or(1);
    for i in 0..=band.n {
        for j in band.lo[i]..=band.hi[i] {
            let here = band.start[i] + j - band.lo[i];
            if i == 0 && j == 0 {
                best[here] = 0.0;
                if sums {
                    fwd[here] = 0.0;
                }
                continue;
            }
            matches.block(
                i.saturating_sub(group)..i,
                j.saturating_sub(group)..j,
                &mut shared,
            );
            model.found(&shared, (i, j), true, &mut scratch, &mut found);
            let mut acc = f64::INFINITY;
            for (ty, &(p, q)) in BEAD_TYPES[..types].iter().enumerate() {
                if p > i || q > j {
                    continue;
                }
                let Some(prev) = band.index(i - p, j - q) else {
                    continue;
                };
                if !best[prev].is_finite() {
                    continue;
                }
                let cost = model.cost(ty, src, i - p, i, tgt, j - q, j, found[ty]);
                let c = best[prev] + cost;
                if c < best[here] {
                    best[here] = c;
                    back[here] = ty as u8;
                }
                if sums {
                    acc = neg_log_add(acc, fwd[prev] + cost);
                }
            }
            if sums {
                fwd[here] = acc;
            }
        }
    }
    let (mut i, mut j) = (band.n, band.m);
    let mut steps = Vec::new();
    let mut touches = false;
    while i > 0 || j > 0 {
        touches |= band.on_inner_edge(i, j);
        let ty = usize::from(back[band.index(i, j).expect("the path stays in the band")]);
        let (p, q) = BEAD_TYPES[ty];
        steps.push(Step {
            i0: i - p,
            j0: j - q,
            i1: i,
            j1: j,
            ty,
        });
        i -= p;
        j -= q;
    }
    steps.reverse();
    (steps, touches, fwd)
}

/// Posterior probabilities, under the model, of the beads of `path` (forward–backward over the
/// band, given the forward table). A 1–0 or 0–1 bead gets the probability that its sentence is
/// left unaligned, wherever the other side's position.
fn posteriors(
    model: &Model,
    src: &Doc,
    tgt: &Doc,
    band: &Band,
    fwd: &[f64],
    path: &[Step],
    matches: &Matches,
) -> Vec<f64> {
    let cells = band.cells();
    let mut shared: Vec<Shared> = Vec::new();
    let mut scratch: Vec<Shared> = Vec::new();
    let mut found = [0.0; TYPE_COUNT];
    let mut bwd = vec![f64::INFINITY; cells];
    for i in (0..=band.n).rev() {
        for j in (band.lo[i]..=band.hi[i]).rev() {
            let here = band.start[i] + j - band.lo[i];
            if i == band.n && j == band.m {
                bwd[here] = 0.0;
                continue;
            }
            matches.block(i..i + MAX_GROUP, j..j + MAX_GROUP, &mut shared);
            model.found(&shared, (i, j), false, &mut scratch, &mut found);
            let mut acc = f64::INFINITY;
            for (ty, &(p, q)) in BEAD_TYPES.iter().enumerate() {
                if i + p > band.n || j + q > band.m {
                    continue;
                }
                if let Some(next) = band.index(i + p, j + q) {
                    if bwd[next].is_finite() {
                        acc = neg_log_add(
                            acc,
                            model.cost(ty, src, i, i + p, tgt, j, j + q, found[ty]) + bwd[next],
                        );
                    }
                }
            }
            bwd[here] = acc;
        }
    }
    let total = fwd[band.index(band.n, band.m).expect("the band ends at (n, m)")];
    let at =
        |i: usize, j: usize, table: &[f64]| band.index(i, j).map_or(f64::INFINITY, |k| table[k]);
    path.iter()
        .map(|s| {
            let (p, q) = BEAD_TYPES[s.ty];
            let neg_log = if p > 0 && q > 0 {
                matches.block(s.i0..s.i1, s.j0..s.j1, &mut shared);
                model.found(&shared, (s.i1, s.j1), true, &mut scratch, &mut found);
                at(s.i0, s.j0, fwd)
                    + model.cost(s.ty, src, s.i0, s.i1, tgt, s.j0, s.j1, found[s.ty])
                    + at(s.i1, s.j1, &bwd)
                    - total
            } else if p == 1 {
                // Source sentence i0 skipped, whatever the target position.
                let c = model.cost(s.ty, src, s.i0, s.i1, tgt, s.j0, s.j0, 0.0);
                let i = s.i0;
                (band.lo[i]..=band.hi[i])
                    .map(|j| at(i, j, fwd) + c + at(i + 1, j, &bwd))
                    .fold(f64::INFINITY, neg_log_add)
                    - total
            } else {
                let c = model.cost(s.ty, src, s.i0, s.i0, tgt, s.j0, s.j1, 0.0);
                let j = s.j0;
                (0..=band.n)
                    .filter(|&i| band.index(i, j).is_some() && band.index(i, j + 1).is_some())
                    .map(|i| at(i, j, fwd) + c + at(i, j + 1, &bwd))
                    .fold(f64::INFINITY, neg_log_add)
                    - total
            };
            (-neg_log).exp().clamp(0.0, 1.0)
        })
        .collect()
}

/// The best alignment of `src` with `tgt`, searched coarse to fine.
pub(crate) fn search(model: &Model, src: &Doc, tgt: &Doc) -> Vec<Step> {
    search_in(model, src, tgt, BEAD_TYPES.len(), false, None).0
}

/// The best alignment of `src` with `tgt` in a band around `guide`, an earlier alignment of the
/// same documents, with the posterior probability of each bead if `confidence`.
pub(crate) fn search_near(
    model: &Model,
    src: &Doc,
    tgt: &Doc,
    guide: &[Step],
    confidence: bool,
) -> (Vec<Step>, Vec<f64>) {
    let (path, band, fwd, matches) =
        search_in(model, src, tgt, BEAD_TYPES.len(), confidence, Some(guide));
    let conf = if confidence {
        posteriors(model, src, tgt, &band, &fwd, &path, &matches)
    } else {
        Vec::new()
    };
    (path, conf)
}

/// The best alignment with the first `types` bead types, the band it was found in, (if `sums`)
/// the forward table, and the shared cues of the band. The band is placed around `guide` if
/// given, else around the alignment of the halved documents.
fn search_in(
    model: &Model,
    src: &Doc,
    tgt: &Doc,
    types: usize,
    sums: bool,
    guide: Option<&[Step]>,
) -> (Vec<Step>, Band, Vec<f64>, Matches) {
    let (n, m) = (src.len(), tgt.len());
    if (n + 1) * (m + 1) <= FULL_TABLE_CELLS || n < 2 || m < 2 {
        let band = Band::full(n, m);
        let matches = band.matches(src, tgt);
        let (path, _, fwd) = forward(model, src, tgt, &band, types, sums, &matches);
        return (path, band, fwd, matches);
    }
    let mut points = vec![(0, 0)];
    match guide {
        Some(path) => points.extend(path.iter().map(|s| (s.i1, s.j1))),
        None => {
            // The coarse passes only place the band: the simple bead types are enough.
            let coarse = search_in(model, &halve(src), &halve(tgt), COARSE_TYPES, false, None).0;
            points.extend(
                coarse
                    .iter()
                    .map(|s| ((2 * s.i1).min(n), (2 * s.j1).min(m))),
            );
        }
    }
    let mut width = BAND;
    loop {
        let band = Band::around(&points, n, m, width);
        let matches = band.matches(src, tgt);
        let (path, touches, fwd) = forward(model, src, tgt, &band, types, sums, &matches);
        if !touches || band.is_full() {
            return (path, band, fwd, matches);
        }
        width *= 2;
    }
}

/// Neighbouring units merged in pairs (the last one alone if their number is odd).
fn halve(doc: &Doc) -> Doc {
    Doc::new(
        doc.units
            .chunks(2)
            .map(|c| {
                if c.len() == 2 {
                    Scored::merge(&c[0], &c[1])
                } else {
                    c[0].clone()
                }
            })
            .collect(),
    )
}

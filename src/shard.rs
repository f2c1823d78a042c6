//! `--shard K/N`: a deterministic K-th of N shares of a run's inputs, so that N machines (or N
//! jobs of any batch scheduler) can share one corpus and `concord merge` can combine their
//! reports into the report one whole run would write.
//!
//! Each input goes to one share by a stable hash of its displayed path: a document group by its
//! source version's path, a bilingual file by its own, an input that could not be read by the
//! path shown for it. The hash is 64-bit FNV-1a (a fixed algorithm, unlike the standard library's
//! randomly seeded hasher), so the same path lands in the same share on every machine and run.
//! Everything a report row depends on comes from its own input, so the shares' reports together
//! hold exactly the whole run's rows.

use std::fmt;
use std::str::FromStr;

use crate::discover::{Discovery, Job};

/// `K/N`: the K-th (1-based) of N shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let usage = || format!("`{text}` is not a shard: expected K/N with 1 <= K <= N, e.g. 2/4");
        let (k, n) = text.trim().split_once('/').ok_or_else(usage)?;
        let k: u64 = k.trim().parse().map_err(|_| usage())?;
        let n: u64 = n.trim().parse().map_err(|_| usage())?;
        if n == 0 || k == 0 || k > n {
            return Err(usage());
        }
        Ok(Shard { index: k, count: n })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// Whether the input shown as `display` belongs to this share.
    pub fn owns(&self, display: &str) -> bool {
        fnv1a(display.as_bytes()) % self.count == self.index - 1
    }

    /// Keeps only this share's jobs and input problems.
    pub fn restrict(&self, discovery: &mut Discovery) {
        discovery.jobs.retain(|job| self.owns(job_key(job)));
        discovery.problems.retain(|p| self.owns(&p.display));
    }
}

/// The path that places a job in its share: a document group's source version, a bilingual
/// file's own path.
pub fn job_key(job: &Job) -> &str {
    match job {
        Job::Documents(group) => &group.source.display,
        Job::Bilingual(input) => &input.display,
    }
}

/// 64-bit FNV-1a.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_k_of_n_and_refuses_the_rest() {
        assert_eq!("2/4".parse(), Ok(Shard { index: 2, count: 4 }));
        assert_eq!("1/1".parse(), Ok(Shard { index: 1, count: 1 }));
        for bad in ["0/4", "5/4", "1/0", "2", "a/b", "-1/4", "2/4/1", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn fnv1a_is_the_published_function() {
        // Test vectors of the FNV reference (draft-eastlake-fnv).
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn every_path_has_exactly_one_share() {
        for n in 1..=7 {
            for path in ["a.de.txt", "news/b.en.txt", "x.tmx", "de/c.md", ""] {
                let owners = (1..=n)
                    .filter(|&k| Shard { index: k, count: n }.owns(path))
                    .count();
                assert_eq!(owners, 1, "{path} in {n} shares");
            }
        }
    }
}

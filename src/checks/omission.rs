//! The `omission` check.

use super::{Issue, PairContext};

pub fn check(_ctx: &PairContext) -> Vec<Issue> {
    Vec::new()
}
